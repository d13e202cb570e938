"""Precision: numbers that are no sector's figure must not become one.

A figure needs a sector-level subject and a level metric. Each test is one mechanism that
blocks a reading, shown on sentences written for this test in several frames. Every case is
a paragraph that opens with a sector's figure, so that the sector of the sentence before is
there to be (wrongly) borrowed; the letter must yield that figure and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from banen_qa.corpus import ingest_pdf
from tests.fixtures.letters import figure_facts, render_dated_letter

DATELINE = "Den Haag, 3 mei 2022"
# the sector figure each paragraph opens with
OPENING = "De gemeenten hebben in 2021 in totaal 26.000 banen gerealiseerd."
OPENING_FACT = ("gemeenten", 2021, "realised_jobs", 26000.0)


def no_figure(tmp_path: Path, sentences: list[str]) -> None:
    """Each sentence after the opening figure, in its own paragraph: only the opening's
    figure comes out; the message names the sentences that gave one."""
    pdf = render_dated_letter(
        tmp_path / "brief.pdf", DATELINE, [f"{OPENING} {s}" for s in sentences]
    )
    figures = ingest_pdf(pdf).figures
    leaks = [
        f"{f.sector} {f.year} {f.metric} {f.value}: {f.quote}"
        for f in figures
        if (f.sector, f.year, f.metric, f.value) != OPENING_FACT
    ]
    assert not leaks, "\n".join(leaks)
    assert sum(1 for f in figures if (f.sector, f.year, f.metric, f.value) == OPENING_FACT)


def test_named_employer_is_no_sector(tmp_path: Path) -> None:
    """An employer by its proper name -- after 'bij', as the opening subject, after the verb,
    'X als werkgever' -- owns the numbers: the sector of the sentence before is no reading."""
    no_figure(
        tmp_path,
        [
            "Bij het Jeroen Bosch Ziekenhuis zijn 85 banen ingevuld.",
            "Bij de Nederlandse Voedsel- en Warenautoriteit zijn in 2021 140 banen ingevuld.",
            "Staatsbosbeheer realiseerde in 2021 150 banen.",
            "Eindhoven heeft in 2021 700 banen gerealiseerd.",
            "In 2021 heeft de Rechtspraak 210 banen gerealiseerd.",
            "Het ministerie van Landbouw heeft in 2021 320 banen gerealiseerd.",
            "CBS heeft als werkgever in 2021 95 banen ingevuld.",
            "At Maastricht UMC, 85 jobs were realised in 2021.",
            "Staatsbosbeheer has realised 150 jobs.",
        ],
    )


def test_one_member_of_a_sector(tmp_path: Path) -> None:
    """One member of a sector -- 'één van de provincies', an indefinite 'een hogeschool', an
    organisation noun with its name, a part of a sector -- is no sector's figure, though
    the sector's own word stands in the sentence."""
    no_figure(
        tmp_path,
        [
            "Een hogeschool in het zuiden realiseerde in 2021 35 banen.",
            "Een middelgrote gemeente als Zwolle kwam uit op 212 banen.",
            "Eén van de waterschappen realiseerde in 2021 48 banen.",
            "De Hogeschool Windesheim heeft 45 banen gerealiseerd.",
            "Het UMC Groningen telde eind 2021 120 banen.",
            "Defensie-onderdeel KMar realiseerde in 2021 70 banen.",
            "The municipality of Breda realised 240 jobs in 2021.",
        ],
    )


def test_one_region_or_place(tmp_path: Path) -> None:
    """A place or region named where a sector would stand: 'in Eindhoven', 'Twente
    realiseerde', 'in the Haaglanden region'."""
    no_figure(
        tmp_path,
        [
            "In Eindhoven zijn in 2021 1.700 banen gerealiseerd.",
            "Haaglanden realiseerde in 2021 2.300 banen.",
            "In the Haaglanden region 2,300 jobs were realised in 2021.",
        ],
    )


def test_project_or_programme(tmp_path: Path) -> None:
    """What a project, programme or pilot brought is that project's, not the sector's."""
    no_figure(
        tmp_path,
        [
            "Via het project Werk in de Wijk zijn in 2021 120 banen gerealiseerd.",
            "Binnen het programma Sterk naar Werk zijn 450 banen ontstaan.",
            "Met de pilot zijn in 2021 60 banen gerealiseerd.",
            "Through the project Werk in de Wijk 120 jobs were realised.",
        ],
    )


def test_sheltered_work_and_losses(tmp_path: Path) -> None:
    """Places in sheltered work count another scheme; jobs that disappeared are a change."""
    no_figure(
        tmp_path,
        [
            "In 2021 waren er 7.500 plekken beschut werk gerealiseerd.",
            "Er zijn 300 banen verdwenen.",
            "In 2021 zijn er 250 banen verloren gegaan.",
        ],
    )


def test_before_the_agreement(tmp_path: Path) -> None:
    """A figure dated before the agreement's baseline (end 2012) is an older scheme's or
    plan's."""
    no_figure(
        tmp_path,
        [
            "Onder de oude regeling waren er in 1998 90.000 plekken.",
            "Het oude plan uit 2010 mikte op 30.000 banen.",
            "In 2009 hadden werkgevers 40.000 banen voor mensen met een beperking.",
        ],
    )


def test_sectors_and_laws_in_the_same_slots_still_count(tmp_path: Path) -> None:
    """A sector's own name in those slots, the law a target stands in, the country, keep
    their figures."""
    got = figure_facts(
        tmp_path,
        DATELINE,
        [
            "Bij Defensie zijn in 2021 1.200 banen gerealiseerd.",
            "In de Wet banenafspraak staat dat de overheid eind 2017 10.000 extra banen moet "
            "hebben.",
            "In Nederland hadden werkgevers in 2021 samen 75.000 banen gerealiseerd.",
        ],
    )
    assert got == {
        ("defensie", 2021, "realised_jobs", 1200),
        ("overheid", 2017, "target_jobs", 10000),
        ("totaal", 2021, "realised_jobs", 75000),
    }


def test_earlier_value_of_a_gap_is_no_level(tmp_path: Path) -> None:
    """'waren dat er nog N' counts what 'dat' points back to: after a gap to the target it is
    the gap's earlier size, not a level; after a level it is the earlier level."""
    got = figure_facts(
        tmp_path,
        DATELINE,
        [
            "Het verschil met het doel is nu 500 banen; in 2019 waren dat er nog 900.",
            "De provincies liggen nu ruim 200 banen achter op hun doel; in 2019 was dat nog 350.",
            "De gemeenten hadden in 2020 24.000 banen; in 2019 waren dat er 22.000.",
        ],
    )
    assert got == {
        ("gemeenten", 2020, "realised_jobs", 24000),
        ("gemeenten", 2019, "realised_jobs", 22000),
    }


def test_landing_on_not_even_n_is_a_level(tmp_path: Path) -> None:
    """'strandde op nog geen N', 'kwam uit op nog geen N': where a count lands is a level,
    approximately; 'het waren er nog geen N' stays a bound."""
    got = figure_facts(
        tmp_path,
        DATELINE,
        [
            "De waterschappen kwamen eind 2021 uit op nog geen 900 banen.",
            "Het mbo strandde in 2020 op nog geen 3000 banen.",
            "Het waren er bij de politie in 2021 nog geen 1.000.",
        ],
    )
    assert got == {
        ("waterschappen", 2021, "realised_jobs", 900),
        ("mbo", 2020, "realised_jobs", 3000),
    }
