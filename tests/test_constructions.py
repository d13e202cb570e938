"""Construction classes of real wording, each in sentences written for this test (not taken
from the evaluation sets): a small, independent check that the extractor attaches numbers to
metric, sector and year by their construction, not by one document's words.

Every class is one letter, rendered as a PDF and read like any other; each sentence is its
own paragraph, so no sentence leans on another's context unless the class is about that.
The expected set is the whole of what the letter must yield: a number not listed (a change,
a gap, a total including the baseline) must not become a figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from banen_qa.corpus import ingest_pdf
from banen_qa.models import Figure
from tests.fixtures.letters import Fact, check_figures, render_dated_letter

DATELINE = "Den Haag, 15 maart 2021"


def read(tmp_path: Path, sentences: list[str], dateline: str = DATELINE) -> list[Figure]:
    pdf = render_dated_letter(tmp_path / "brief.pdf", dateline, sentences)
    ingested = ingest_pdf(pdf)
    assert ingested.doc.date is not None  # the dateline is the letter's own date
    return ingested.figures


def facts(figs: list[Figure]) -> set[Fact]:
    return {(f.sector, f.year, f.metric, f.value) for f in figs}


def check(tmp_path: Path, cases: list[tuple[str, set[Fact]]], dateline: str = DATELINE) -> None:
    """All sentences in one letter; every expected fact found, nothing else."""
    check_figures(tmp_path, cases, dateline)


def test_plain(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In 2019 realiseerden de gemeenten 4.812 banen voor mensen uit de doelgroep.",
                {("gemeenten", 2019, "realised_jobs", 4812)},
            ),
            (
                "De provincies hadden eind 2018 samen 402 banen gerealiseerd.",
                {("provincies", 2018, "realised_jobs", 402)},
            ),
            (
                "Het realisatiepercentage van de waterschappen kwam in 2020 uit op 118%.",
                {("waterschappen", 2020, "realisation_pct", 118)},
            ),
            (
                "Voor de politie gold in 2017 een doelstelling van 1.150 banen.",
                {("politie", 2017, "target_jobs", 1150)},
            ),
        ],
    )


def test_bare_number_a_clause_away_from_its_cue(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Het Rijk heeft de afspraak voor 2020 ruim gehaald: "
                "er werden er 5.603 gerealiseerd.",
                {("rijk", 2020, "realised_jobs", 5603)},
            ),
            (
                "In het mbo kwam de realisatie in 2019 uit op 1.004.",
                {("mbo", 2019, "realised_jobs", 1004)},
            ),
            (
                "De teller van de marktsector stond eind 2018 op 44.250.",
                {("marktsector", 2018, "realised_jobs", 44250)},
            ),
            (
                "Bij de gemeenten was het doel voor 2017 vastgesteld op 2.915; het werden er "
                "uiteindelijk 3.410.",
                {
                    ("gemeenten", 2017, "target_jobs", 2915),
                    ("gemeenten", 2017, "realised_jobs", 3410),
                },
            ),
            (
                "Alles bij elkaar waren er bij de universiteiten eind 2016 1.207 banen.",
                {("wo", 2016, "realised_jobs", 1207)},
            ),
        ],
    )


def test_verb_variants(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In 2018 waren bij Defensie 689 mensen uit de doelgroep werkzaam.",
                {("defensie", 2018, "realised_jobs", 689)},
            ),
            (
                "De taakstelling voor de umc's bedroeg in 2019 1.463 banen.",
                {("umc", 2019, "target_jobs", 1463)},
            ),
            ("Het hbo heeft in 2019 430 banen ingevuld.", {("hbo", 2019, "realised_jobs", 430)}),
            (
                "Voor het funderend onderwijs lag het quotum in 2020 op 5.890 banen.",
                {("funderend_onderwijs", 2020, "target_jobs", 5890)},
            ),
            (
                "Onderzoeksinstellingen hebben eind 2020 in totaal 214 banen gecreëerd.",
                {("onderzoeksinstellingen", 2020, "realised_jobs", 214)},
            ),
        ],
    )


def test_enumerations_of_sectors(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Eind 2020 waren er 66.900 extra banen gerealiseerd bij werkgevers in de markt "
                "tegenover 12.400 bij de overheid.",
                {
                    ("marktsector", 2020, "realised_jobs", 66900),
                    ("overheid", 2020, "realised_jobs", 12400),
                },
            ),
            (
                "In 2020 haalden zowel het Rijk (3.870) als de gemeenten (4.120) hun doel.",
                {("rijk", 2020, "realised_jobs", 3870), ("gemeenten", 2020, "realised_jobs", 4120)},
            ),
            (
                "Het doel voor 2024 is 30.000 banen bij de overheid "
                "tegenover 90.000 in de marktsector.",
                {
                    ("overheid", 2024, "target_jobs", 30000),
                    ("marktsector", 2024, "target_jobs", 90000),
                },
            ),
            (
                "Het mbo, het hbo en het wo realiseerden in 2019 "
                "respectievelijk 1.310, 702 en 1.055 "
                "banen.",
                {
                    ("mbo", 2019, "realised_jobs", 1310),
                    ("hbo", 2019, "realised_jobs", 702),
                    ("wo", 2019, "realised_jobs", 1055),
                },
            ),
        ],
    )


def test_transitions(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Het aantal banen bij de waterschappen is tussen 2016 en 2019 verdubbeld tot 612.",
                {("waterschappen", 2019, "realised_jobs", 612)},
            ),
            (
                "In 2020 steeg de realisatie bij de provincies tot 455 banen (2019: 398).",
                {
                    ("provincies", 2020, "realised_jobs", 455),
                    ("provincies", 2019, "realised_jobs", 398),
                },
            ),
            (
                "Het realisatiepercentage van het Rijk kwam in 2018 uit op 112%, na 104% een jaar "
                "eerder.",
                {("rijk", 2018, "realisation_pct", 112), ("rijk", 2017, "realisation_pct", 104)},
            ),
            (
                "Het aantal banen bij Defensie ging van 640 in 2017 naar 702 in 2018.",
                {
                    ("defensie", 2017, "realised_jobs", 640),
                    ("defensie", 2018, "realised_jobs", 702),
                },
            ),
        ],
    )


def test_sector_aliases(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "De rijksoverheid realiseerde in 2019 5.210 banen.",
                {("rijk", 2019, "realised_jobs", 5210)},
            ),
            (
                "Werkgevers in het bedrijfsleven hadden eind 2018 44.017 extra banen gerealiseerd.",
                {("marktsector", 2018, "realised_jobs", 44017)},
            ),
            (
                "Alle werkgevers samen kwamen in 2020 uit op 71.000 extra banen.",
                {("totaal", 2020, "realised_jobs", 71000)},
            ),
            (
                "De overheids- en onderwijssectoren realiseerden in 2020 gezamenlijk 18.200 banen.",
                {("overheid", 2020, "realised_jobs", 18200)},
            ),
            (
                "Bij de universitair medische centra waren in 2019 1.610 banen ingevuld.",
                {("umc", 2019, "realised_jobs", 1610)},
            ),
        ],
    )


def test_relative_years(tmp_path: Path) -> None:
    check(
        tmp_path,
        [  # the letter is dated 15 March 2021
            (
                "Dit jaar moeten de provincies 520 banen hebben gerealiseerd.",
                {("provincies", 2021, "target_jobs", 520)},
            ),
            (
                "Vorig jaar realiseerden de gemeenten 5.120 banen.",
                {("gemeenten", 2020, "realised_jobs", 5120)},
            ),
            (
                "Het afgelopen jaar kwam de marktsector uit op 63.000 extra banen.",
                {("marktsector", 2020, "realised_jobs", 63000)},
            ),
            (
                "In 2019 haalde het Rijk 5.100 banen; een jaar eerder waren dat er 4.600.",
                {("rijk", 2019, "realised_jobs", 5100), ("rijk", 2018, "realised_jobs", 4600)},
            ),
            (
                "Eind vorig jaar waren er bij de waterschappen 540 banen.",
                {("waterschappen", 2020, "realised_jobs", 540)},
            ),
        ],
    )


def test_future_targets(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In 2026 moeten er in totaal 125.000 extra banen zijn.",
                {("totaal", 2026, "target_jobs", 125000)},
            ),
            (
                "Vóór 1 januari 2024 moeten de gemeenten 6.100 nieuwe banen creëren.",
                {("gemeenten", 2023, "target_jobs", 6100)},
            ),
            (
                "De overheid dient eind 2024 25.000 banen te hebben gerealiseerd.",
                {("overheid", 2024, "target_jobs", 25000)},
            ),
            (
                "Het doel is dat het mbo in 2025 1.900 banen heeft ingevuld.",
                {("mbo", 2025, "target_jobs", 1900)},
            ),
        ],
    )


def test_periods_written_as_dates_and_quarters(tmp_path: Path) -> None:
    cases = [
        (
            "Tussen 1 januari 2013 en 1 januari 2021 zijn in totaal 64.400 banen gerealiseerd.",
            ("totaal", 2020, 4, 64400),
        ),
        (
            "Per 1 januari 2020 telde de marktsector 52.300 extra banen.",
            ("marktsector", 2019, 4, 52300),
        ),
        (
            "In het derde kwartaal van 2020 stond de teller bij de overheid op 13.300 extra banen.",
            ("overheid", 2020, 3, 13300),
        ),
        (
            "Tot en met het eerste kwartaal van 2018 zorgden marktwerkgevers voor 38.900 banen.",
            ("marktsector", 2018, 1, 38900),
        ),
    ]
    figs = read(tmp_path, [s for s, _ in cases])
    assert {(f.sector, f.year, f.quarter, f.value) for f in figs} == {e for _, e in cases}
    assert {f.metric for f in figs} == {"realised_jobs"}


def test_contract_kinds(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Eind 2020 hadden 2.300 mensen uit de doelgroep bij de overheid een regulier "
                "dienstverband.",
                {("overheid", 2020, "realised_jobs_regular", 2300)},
            ),
            (
                "In 2019 waren er bij marktwerkgevers 41.000 extra banen via een regulier "
                "dienstverband en 12.500 via een uitzendcontract of detachering.",
                {
                    ("marktsector", 2019, "realised_jobs_regular", 41000),
                    ("marktsector", 2019, "realised_jobs_agency", 12500),
                },
            ),
            (
                "Via een uitzendcontract of detachering telde de overheid eind 2018 1.750 banen.",
                {("overheid", 2018, "realised_jobs_agency", 1750)},
            ),
        ],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 kwamen er 7.600 nieuwe banen bij.",
        "Bij de gemeenten kwamen er in 2020 410 banen bij.",
        "De achterstand op het doel liep bij de overheid op van 2.900 naar 4.300 banen.",
        "Het aantal banen bij het Rijk groeide in 2020 met 350.",
        "Inclusief de banen van de nulmeting werkten eind 2020 zo'n 140.000 mensen uit de "
        "doelgroep bij een reguliere werkgever.",
        "In 2020 stonden 231.000 mensen in het doelgroepregister.",
        "Het verschil met het doel liep in 2019 op tot 3.100 banen.",
    ],
)
def test_changes_gaps_and_totals_with_the_baseline_are_no_figures(
    tmp_path: Path, sentence: str
) -> None:
    assert facts(read(tmp_path, [sentence])) == set()


def test_a_letter_dated_in_its_opening_not_by_a_date_in_a_sentence(tmp_path: Path) -> None:
    pdf = render_dated_letter(
        tmp_path / "brief.pdf",
        "Op 17 december 2019 is de Kamer geïnformeerd over de werkagenda's.",
        ["De gemeenten realiseerden in 2020 5.120 banen."],
    )
    assert ingest_pdf(pdf).doc.date is None
    pdf = render_dated_letter(
        tmp_path / "nieuws.pdf",
        "Utrecht, 2 juli 2020 – Werkgevers hebben in 2019 61.615 extra banen gerealiseerd.",
        [],
    )
    assert ingest_pdf(pdf).doc.date == dt.date(2020, 7, 2)


def test_sector_forms_of_ministries_uwv_and_the_press(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Binnen de rijksoverheid zijn in 2020 5.560 banen gerealiseerd.",
                {("rijk", 2020, "realised_jobs", 5560)},
            ),
            (
                "De rijksdienst had eind 2018 4.900 banen ingevuld.",
                {("rijk", 2018, "realised_jobs", 4900)},
            ),
            (
                "Marktpartijen creëerden in 2018 45.300 extra banen.",
                {("marktsector", 2018, "realised_jobs", 45300)},
            ),
            (
                "Het bedrijfsleven kwam eind 2019 uit op 54.000 extra banen.",
                {("marktsector", 2019, "realised_jobs", 54000)},
            ),
            (
                "Overheidswerkgevers hebben in 2019 samen 11.800 banen gerealiseerd.",
                {("overheid", 2019, "realised_jobs", 11800)},
            ),
            (
                "In de overheidssector stond de teller eind 2020 op 12.650 banen.",
                {("overheid", 2020, "realised_jobs", 12650)},
            ),
            (
                "Reguliere werkgevers zorgden in 2017 voor 70.800 extra banen.",
                {("totaal", 2017, "realised_jobs", 70800)},
            ),
            (
                "Markt- en overheidswerkgevers samen hebben in 2016 67.300 extra banen "
                "gerealiseerd.",
                {("totaal", 2016, "realised_jobs", 67300)},
            ),
        ],
    )


def test_sector_standing_after_both_values(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Eind 2019 waren er 55.000 en 11.500 extra banen bij respectievelijk de markt "
                "en de overheid.",
                {
                    ("marktsector", 2019, "realised_jobs", 55000),
                    ("overheid", 2019, "realised_jobs", 11500),
                },
            ),
            (
                "In 2017 werden 3.650 en 360 banen gerealiseerd bij respectievelijk de gemeenten "
                "en de provincies.",
                {
                    ("gemeenten", 2017, "realised_jobs", 3650),
                    ("provincies", 2017, "realised_jobs", 360),
                },
            ),
            (
                "De overheid realiseerde in 2020 11.900 banen tegenover 52.700 bij de markt.",
                {
                    ("overheid", 2020, "realised_jobs", 11900),
                    ("marktsector", 2020, "realised_jobs", 52700),
                },
            ),
            (
                "In 2018 zijn 43.800 banen gerealiseerd in de marktsector en 10.200 bij "
                "overheidswerkgevers.",
                {
                    ("marktsector", 2018, "realised_jobs", 43800),
                    ("overheid", 2018, "realised_jobs", 10200),
                },
            ),
        ],
    )


def test_target_named_in_another_clause_or_sentence(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Voor de gemeenten was de doelstelling in 2019 4.300 banen; gerealiseerd werden "
                "er 4.750.",
                {
                    ("gemeenten", 2019, "target_jobs", 4300),
                    ("gemeenten", 2019, "realised_jobs", 4750),
                },
            ),
            (
                "De provincies realiseerden in 2020 480 banen, terwijl de doelstelling 410 "
                "banen was.",
                {
                    ("provincies", 2020, "realised_jobs", 480),
                    ("provincies", 2020, "target_jobs", 410),
                },
            ),
            (  # one paragraph: the second sentence goes on about the first one's figure
                "In 2017 realiseerde de marktsector 36.900 banen. De doelstelling was 33.000.",
                {
                    ("marktsector", 2017, "realised_jobs", 36900),
                    ("marktsector", 2017, "target_jobs", 33000),
                },
            ),
            (
                "Het Rijk haalde in 2016 4.450 banen. Het doel lag op 4.000.",
                {("rijk", 2016, "realised_jobs", 4450), ("rijk", 2016, "target_jobs", 4000)},
            ),
        ],
    )


def test_relative_years_within_a_paragraph(tmp_path: Path) -> None:
    check(
        tmp_path,
        [  # the letter is dated 15 March 2021
            (
                "In 2018 realiseerden de gemeenten 4.200 banen. Een jaar eerder waren dat er "
                "3.900.",
                {
                    ("gemeenten", 2018, "realised_jobs", 4200),
                    ("gemeenten", 2017, "realised_jobs", 3900),
                },
            ),
            (
                "In 2017 kwam het mbo uit op 990 banen. In dat jaar lag het doel op 900 banen.",
                {("mbo", 2017, "realised_jobs", 990), ("mbo", 2017, "target_jobs", 900)},
            ),
            (
                "Het afgelopen jaar realiseerden de umc's 1.700 banen.",
                {("umc", 2020, "realised_jobs", 1700)},
            ),
            (
                "Met 1.150 banen haalde de politie vorig jaar haar doel.",
                {("politie", 2020, "realised_jobs", 1150)},
            ),
            (
                "Volgens UWV realiseerden werkgevers in de marktsector het afgelopen jaar "
                "58.400 extra banen.",
                {("marktsector", 2020, "realised_jobs", 58400)},
            ),
        ],
    )


def test_counted_from_the_baseline_and_parts_of_those_jobs(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # "vanaf de nulmeting" is where the count starts, not the baseline's number
                "Bij de provincies zijn vanaf de nulmeting tot eind 2019 410 banen ontstaan.",
                {("provincies", 2019, "realised_jobs", 410)},
            ),
            (  # the date in brackets is the baseline's, not the year of the figure
                "Vanaf de nulmeting (1 januari 2013) tot eind 2018 realiseerden de "
                "waterschappen 480 banen.",
                {("waterschappen", 2018, "realised_jobs", 480)},
            ),
            (  # "daar" points back at the previous sentence's sector
                "De gemeenten liepen in 2018 voor op schema. Daar zijn in totaal 4.900 banen "
                "gerealiseerd.",
                {("gemeenten", 2018, "realised_jobs", 4900)},
            ),
            (
                "Werkgevers realiseerden in 2017 in totaal 60.000 extra banen; de marktsector "
                "zorgde voor 48.500 van die banen.",
                {
                    ("totaal", 2017, "realised_jobs", 60000),
                    ("marktsector", 2017, "realised_jobs", 48500),
                },
            ),
        ],
    )


# --- metric cues and years (wording the rules were not first written against) ---------------
# The letter is dated 15 March 2021; with no other year to go on, a figure is about 2020.


def test_bare_number_after_a_qualifier_bracket_or_relative_clause(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # a qualifier between the cue and its number
                "De waterschappen kwamen in 2019 tot ruim 480.",
                {("waterschappen", 2019, "realised_jobs", 480)},
            ),
            (  # the bracket closes the cue's phrase; the gap before it is no figure
                "De provincies bleven 40 banen onder het quotum voor de provincies in 2021 (350).",
                {("provincies", 2021, "target_jobs", 350)},
            ),
            (  # the relative clause gives the target's number
                "De politie bleef in 2020 achter bij de doelstelling, die 1.300 bedroeg.",
                {("politie", 2020, "target_jobs", 1300)},
            ),
            (  # what they reached the target with is realised
                "De umc's haalden in 2018 met 1.020 hun doelstelling.",
                {("umc", 2018, "realised_jobs", 1020)},
            ),
            (
                "In 2017 werden bij de gemeenten ruim 2.000 functies ingevuld.",
                {("gemeenten", 2017, "realised_jobs", 2000)},
            ),
        ],
    )


def test_verb_and_noun_cues(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # the quota as a share of the hours paid
                "In 2022 moet 2,5% van de verloonde uren bij de overheid worden ingevuld door "
                "mensen uit de doelgroep.",
                {("overheid", 2022, "quota_pct", 2.5)},
            ),
            (  # separable "afspreken"
                "Kabinet en werkgevers spraken af dat er tot eind 2026 in totaal 125.000 extra "
                "banen komen.",
                {("totaal", 2026, "target_jobs", 125000)},
            ),
            (  # a target phrased as a growth is no change
                "De ambitie is een groei van 1.600 banen bij het mbo in 2024.",
                {("mbo", 2024, "target_jobs", 1600)},
            ),
            (  # lagging behind the target: the count is what was realised
                "Met 2.310 extra banen bleef het Rijk in 2019 achter bij de doelstelling.",
                {("rijk", 2019, "realised_jobs", 2310)},
            ),
        ],
    )


def test_the_year_a_text_means(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # the date of a letter is not the year of its figure
                "Bij brief van 12 oktober 2019 meldde de minister dat de provincies 390 banen "
                "hadden gerealiseerd.",
                {("provincies", 2020, "realised_jobs", 390)},
            ),
            (  # the baseline's year is what the count is measured against
                "De waterschappen realiseerden 520 extra banen ten opzichte van de nulmeting "
                "uit 2013.",
                {("waterschappen", 2020, "realised_jobs", 520)},
            ),
            (  # "toen" dates the value with the compared year
                "Het aantal banen bij de politie daalde ten opzichte van eind 2019, toen 1.250 "
                "mensen met een arbeidsbeperking er aan het werk waren.",
                {("politie", 2019, "realised_jobs", 1250)},
            ),
            (  # the baseline keeps the year the text dates it in, not the total's
                "De nulmeting eind 2012 is het vertrekpunt. Met de 9.400 banen die er bij de "
                "nulmeting al waren, telden de gemeenten eind 2020 in totaal 14.900 banen.",
                {("gemeenten", 2012, "baseline_jobs", 9400)},
            ),
            (  # "nu": the latest measurement, not a target year named before
                "De waterschappen moesten tot eind 2025 in totaal 800 extra banen creëren. "
                "Daarvan zijn er nu 450 ingevuld.",
                {
                    ("waterschappen", 2025, "target_jobs", 800),
                    ("waterschappen", 2020, "realised_jobs", 450),
                },
            ),
            (  # each enumerated value keeps the year of its own clause
                "1.000 banen bij de politie die in 2026 gerealiseerd moeten zijn en 600 banen "
                "bij defensie die in 2024 gerealiseerd moeten zijn.",
                {("politie", 2026, "target_jobs", 1000), ("defensie", 2024, "target_jobs", 600)},
            ),
        ],
    )


def test_levels_not_increments(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # the steps are not figures; the level they add up to is
                "Het hbo moet jaarlijks 99 extra banen realiseren en uiteindelijk 990 banen "
                "in 2024.",
                {("hbo", 2024, "target_jobs", 990)},
            ),
            (  # dated steps of a yearly schedule
                "Afgesproken is dat de marktsector in 2014 2.500 banen en in 2015 5.000 banen "
                "realiseert, daarna elk jaar 1.000 extra.",
                set(),
            ),
            ("Voor de gemeenten geldt daarna een taakstelling van 443 banen per jaar.", set()),
            (  # a cumulative target for one year is a target
                "In 2016 moeten er bij de provincies 280 banen zijn.",
                {("provincies", 2016, "target_jobs", 280)},
            ),
        ],
    )


def test_counts_that_are_not_levels_stay_out(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In het laatste kwartaal van 2020 waren er bij de overheid 310 van zulke banen "
                "minder dan in het kwartaal daarvoor.",
                set(),
            ),
            (  # "dat" counts what the sentence before counted: people in a region
                "In de regio Zwolle werken 1.900 personen uit de doelgroep. Een jaar eerder "
                "waren dat er nog 1.850.",
                set(),
            ),
            ("In 2020 werkte 48% van de doelgroep in de regio.", set()),
            (  # keeps the test letter about jobs for the bare numbers above
                "De gemeenten realiseerden in 2020 3.100 banen.",
                {("gemeenten", 2020, "realised_jobs", 3100)},
            ),
        ],
    )


def test_a_baseline_the_text_does_not_date_stays_undated(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Bij de nulmeting telden de provincies 120 banen.",
                {("provincies", None, "baseline_jobs", 120)},
            )
        ],
    )


# --- sector attachment ------------------------------------------------------------------


def test_coordinated_sectors_standing_against_a_value_are_all_employers(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In 2020 realiseerden markt- en overheidswerkgevers 79.400 extra banen.",
                {("totaal", 2020, "realised_jobs", 79400)},
            ),
            (
                "Eind 2018 telden zowel overheids- als marktwerkgevers samen 48.250 extra banen.",
                {("totaal", 2018, "realised_jobs", 48250)},
            ),
            (
                "Van de 9.870 banen via een uitzendcontract of detachering in 2019 is nog niet "
                "bekend of ze bij markt- of bij overheidsorganisaties horen.",
                {("totaal", 2019, "realised_jobs_agency", 9870)},
            ),
        ],
    )


def test_sentence_subject_reaches_a_value_clauses_away(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "De provincies zijn ruim over hun doel voor 2018 (310 extra banen) heen gegaan: "
                "er zijn er 402 gerealiseerd.",
                {
                    ("provincies", 2018, "target_jobs", 310),
                    ("provincies", 2018, "realised_jobs", 402),
                },
            ),
            (
                "De waterschappen bleven in 2019 onder hun norm (540 banen); daar zijn volgens "
                "de meting 471 extra banen gerealiseerd.",
                {
                    ("waterschappen", 2019, "target_jobs", 540),
                    ("waterschappen", 2019, "realised_jobs", 471),
                },
            ),
        ],
    )


def test_values_beside_both_main_sectors_are_their_sum(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "De overheid liep lang achter op de markt. Eind 2017 zaten zowel de overheid "
                "(6.900) als de markt (27.100) boven de doelstelling (33.000), en kwam het "
                "aantal banen uit op 34.000.",
                {
                    ("overheid", 2017, "realised_jobs", 6900),
                    ("marktsector", 2017, "realised_jobs", 27100),
                    ("totaal", 2017, "target_jobs", 33000),
                    ("totaal", 2017, "realised_jobs", 34000),
                },
            ),
            (
                "In 2020 moesten er 90.000 extra banen zijn; 72.000 banen extra bij het "
                "bedrijfsleven en 18.000 banen extra bij de overheid.",
                {
                    ("totaal", 2020, "target_jobs", 90000),
                    ("marktsector", 2020, "target_jobs", 72000),
                    ("overheid", 2020, "target_jobs", 18000),
                },
            ),
        ],
    )


def test_a_sector_named_as_cause_or_yardstick_is_not_the_subject(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Het doel voor 2018 is met 46.700 extra banen ruim gehaald, vooral dankzij het "
                "bedrijfsleven.",
                {("totaal", 2018, "realised_jobs", 46700)},
            ),
            (
                "Voor 2020 legden de gemeenten zich, vergeleken met de provincies, een zware "
                "opgave op: 8.100 banen.",
                {("gemeenten", 2020, "target_jobs", 8100)},
            ),
        ],
    )


def test_a_sentence_naming_no_sector_follows_the_figures_before_it(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Bij de gemeenten werkten eind 2019 3.950 mensen uit de doelgroep in een "
                "regulier dienstverband. Bij elkaar opgeteld waren er eind 2019 58.400 banen. "
                "Het doel lag op 55.000.",
                {
                    ("gemeenten", 2019, "realised_jobs_regular", 3950),
                    ("totaal", 2019, "realised_jobs", 58400),
                    ("totaal", 2019, "target_jobs", 55000),
                },
            ),
            (
                "De markt haalde in 2017 27.400 banen en de overheid 6.200. Toch blijkt uit de "
                "meting dat het doel van 33.000 banen voor 2017 ruim is gehaald.",
                {
                    ("marktsector", 2017, "realised_jobs", 27400),
                    ("overheid", 2017, "realised_jobs", 6200),
                    ("totaal", 2017, "target_jobs", 33000),
                },
            ),
        ],
    )


def test_a_total_named_in_the_sentence_before_carries_over(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "De overheid loopt achter, zo blijkt uit de meting. Werkgevers hadden voor eind "
                "2019 een forse groei beloofd. De teller stond eind 2019 op 57.300 banen.",
                {("totaal", 2019, "realised_jobs", 57300)},
            ),
        ],
    )


def test_sector_aliases_of_organisations_and_the_private_sector(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "In de particuliere sector zijn eind 2019 52.300 banen gerealiseerd.",
                {("marktsector", 2019, "realised_jobs", 52300)},
            ),
            (
                "Overheidsorganisaties realiseerden in 2018 8.750 banen.",
                {("overheid", 2018, "realised_jobs", 8750)},
            ),
            (
                "In de gemeentelijke sector werkten eind 2020 in totaal 5.140 mensen uit de "
                "doelgroep in een regulier dienstverband.",
                {("gemeenten", 2020, "realised_jobs_regular", 5140)},
            ),
        ],
    )


# --- metric cues II: targets, levels and changes in more wordings (ext2b) -------------------
# The letter is dated 15 March 2021; with no other year to go on, a figure is about 2020.


def test_targets_written_as_what_must_come_or_is_meant(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # jobs that must have come by a date
                "Vóór 2025 moeten er bij de waterschappen 450 banen bij zijn gekomen.",
                {("waterschappen", 2025, "target_jobs", 450)},
            ),
            (  # what an agreement says will come
                "Het convenant houdt in dat er tot 2027 bij de provincies 1.200 extra banen "
                "bij komen.",
                {("provincies", 2027, "target_jobs", 1200)},
            ),
            (  # "beoogd": a bare number right after the target word
                "De gemeenten realiseerden in 2019 ruim 2.100 banen, in plaats van de "
                "beoogde 2.600.",
                {
                    ("gemeenten", 2019, "realised_jobs", 2100),
                    ("gemeenten", 2019, "target_jobs", 2600),
                },
            ),
            (
                "De plannen beogen 900 extra banen bij de politie in 2026.",
                {("politie", 2026, "target_jobs", 900)},
            ),
            (  # a part of the required number is what was realised
                "De umc's hadden eind 2019 640 van de vereiste 800 banen gerealiseerd.",
                {("umc", 2019, "realised_jobs", 640), ("umc", 2019, "target_jobs", 800)},
            ),
            (  # an aside in brackets between the number and its jobs
                "In 2024 moeten er 640 (zo is afgesproken) extra banen bij defensie zijn.",
                {("defensie", 2024, "target_jobs", 640)},
            ),
        ],
    )


def test_a_sentence_that_takes_up_the_target_before_it(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # a share taken on, and what the target comes to for one sector
                "Eind 2026 moeten alle werkgevers samen 125.000 extra banen hebben. "
                "Daarvan komen 25.000 voor rekening van de overheid. "
                "Voor de politie komt dat neer op ongeveer 700 banen voor eind 2026.",
                {
                    ("totaal", 2026, "target_jobs", 125000),
                    ("overheid", 2026, "target_jobs", 25000),
                    ("politie", 2026, "target_jobs", 700),
                },
            ),
            (
                "Het doel voor 2022 is 3.000 banen bij de overheid, en daarvan neemt het Rijk er "
                "1.100 voor zijn rekening.",
                {("overheid", 2022, "target_jobs", 3000), ("rijk", 2022, "target_jobs", 1100)},
            ),
        ],
    )


def test_levels_written_as_a_stand_a_stall_or_people_finding_a_job(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Het aantal banen bij de provincies bleef in 2018 steken op 360.",
                {("provincies", 2018, "realised_jobs", 360)},
            ),
            (
                "In 2019 staat het totaal bij de waterschappen op 530 banen.",
                {("waterschappen", 2019, "realised_jobs", 530)},
            ),
            (  # the press counts jobs as people who found one
                "In 2019 vonden bij de gemeenten 2.400 mensen met een arbeidsbeperking een baan.",
                {("gemeenten", 2019, "realised_jobs", 2400)},
            ),
            (  # counted from the baseline, not with it
                "Tellen we vanaf de nulmeting, dan had het mbo in 2020 420 reguliere banen.",
                {("mbo", 2020, "realised_jobs_regular", 420)},
            ),
        ],
    )


def test_contract_kinds_written_as_hiring_in_or_a_permanent_post(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Eind 2020 had defensie 480 banen gerealiseerd, waarvan 300 op basis van inhuur.",
                {
                    ("defensie", 2020, "realised_jobs", 480),
                    ("defensie", 2020, "realised_jobs_agency", 300),
                },
            ),
            (
                "Bij de politie waren eind 2019 210 banen ingevuld op basis van een vaste "
                "aanstelling.",
                {("politie", 2019, "realised_jobs_regular", 210)},
            ),
        ],
    )


def test_changes_regions_and_people_after_a_count_of_people_stay_out(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (  # measured against an earlier quarter: a change, and its parts too
                "Vergeleken met het derde kwartaal van 2019 kwamen er 2.210 banen via een "
                "regulier dienstverband bij: 1.900 bij de markt en 310 bij de overheid.",
                set(),
            ),
            ("Bij de overheid was er per saldo een verlies van 120 banen.", set()),
            ("Het aantal uitzendbanen liet een daling met 45 banen zien.", set()),
            (  # one region's counts
                "In de arbeidsmarktregio stonden er eind 2020 2.310 banen op de teller.",
                set(),
            ),
            ("In Gelderland zijn er sinds de nulmeting 3.900 extra banen gerealiseerd.", set()),
            (  # "van hen" counts the people the sentence before counted
                "Eind 2020 hadden 9.100 personen een indicatie beschut werk. Van hen waren er "
                "6.200 aan het werk.",
                set(),
            ),
            (  # one employer by its acronym
                "Op basis van het quotum wil de HvA in 2025 120 banen hebben gerealiseerd.",
                set(),
            ),
            (  # the country as a whole, in a letter that also speaks of regions
                "Landelijk realiseerden werkgevers in 2020 in totaal 71.000 banen.",
                {("totaal", 2020, "realised_jobs", 71000)},
            ),
        ],
    )


# --- transitions, enumerations, tables (ext2a) ----------------------------------------------


Period = tuple[str, int | None, int | None, str, float]


def check_periods(
    tmp_path: Path, cases: list[tuple[str, set[Period]]], dateline: str = DATELINE
) -> None:
    """All sentences in one letter; every expected figure, with its quarter, and nothing else."""
    assert cases
    figs = read(tmp_path, [s for s, _ in cases], dateline)
    got = {(f.sector, f.year, f.quarter, f.metric, f.value) for f in figs}
    expected = set().union(*(e for _, e in cases))
    assert got == expected, (
        f"missing: {sorted(expected - got, key=str)}; extra: {sorted(got - expected, key=str)}"
    )


def test_transition_earlier_value_is_the_period_before(tmp_path: Path) -> None:
    """'van N naar M': each value keeps a period written after it; the later one otherwise
    has the period the sentence names, the earlier one the period before that (a quarter
    before a quarter, across the year end); the change between them is no figure."""
    check_periods(
        tmp_path,
        [
            (
                "In het derde kwartaal van 2020 steeg het aantal extra banen bij de gemeenten "
                "van 8.210 naar 8.460.",
                {
                    ("gemeenten", 2020, 2, "realised_jobs", 8210),
                    ("gemeenten", 2020, 3, "realised_jobs", 8460),
                },
            ),
            (
                "Na het eerste kwartaal van 2020 was het aantal banen bij de waterschappen "
                "gedaald van 1.320 naar 1.290: 30 banen minder dan in het vierde kwartaal.",
                {
                    ("waterschappen", 2019, 4, "realised_jobs", 1320),
                    ("waterschappen", 2020, 1, "realised_jobs", 1290),
                },
            ),
            (
                "Bij de provincies liep het aantal extra banen in 2019 op van 512 in het eerste "
                "kwartaal naar 547 in het tweede.",
                {
                    ("provincies", 2019, 1, "realised_jobs", 512),
                    ("provincies", 2019, 2, "realised_jobs", 547),
                },
            ),
            (
                "Het aantal banen bij de umc's groeide van 1.640 eind 2018 tot 1.702 eind 2019, "
                "een toename van 62.",
                {
                    ("umc", 2018, None, "realised_jobs", 1640),
                    ("umc", 2019, None, "realised_jobs", 1702),
                },
            ),
            (
                "In 2018 ging het realisatiepercentage van het Rijk van 96% naar 108%.",
                {
                    ("rijk", 2017, None, "realisation_pct", 96),
                    ("rijk", 2018, None, "realisation_pct", 108),
                },
            ),
        ],
    )


def test_a_value_set_against_a_figure_is_an_earlier_level(tmp_path: Path) -> None:
    """'N, tegen M een jaar eerder', 'N tegenover M in 2018': the value set against a figure
    is the same count in another period; without a period of its own, the one before."""
    check_periods(
        tmp_path,
        [
            (
                "Eind 2019 telde de overheid 13.240 banen, tegen 12.170 een jaar eerder.",
                {
                    ("overheid", 2019, None, "realised_jobs", 13240),
                    ("overheid", 2018, None, "realised_jobs", 12170),
                },
            ),
            (
                "De provincies realiseerden in 2019 388 banen, tegenover 351 in 2018.",
                {
                    ("provincies", 2019, None, "realised_jobs", 388),
                    ("provincies", 2018, None, "realised_jobs", 351),
                },
            ),
            (
                "In het tweede kwartaal van 2020 stonden er bij de gemeenten 9.120 banen op de "
                "teller, tegenover 8.990 in het eerste kwartaal.",
                {
                    ("gemeenten", 2020, 2, "realised_jobs", 9120),
                    ("gemeenten", 2020, 1, "realised_jobs", 8990),
                },
            ),
        ],
    )


def test_enumerations_of_years_and_quarters(tmp_path: Path) -> None:
    """Values each with their own year or quarter, in either order, share the metric of the
    first: 'N in 2018 en M in 2019', 'in 2018 N, in 2019 M en in 2020 K', 'het eerste en
    tweede kwartaal ... respectievelijk N en M', 'in het derde kwartaal N en in het vierde
    kwartaal M'."""
    check_periods(
        tmp_path,
        [
            (
                "Het Rijk realiseerde 4.015 banen in 2018 en 4.515 in 2019.",
                {
                    ("rijk", 2018, None, "realised_jobs", 4015),
                    ("rijk", 2019, None, "realised_jobs", 4515),
                },
            ),
            (
                "De gemeenten realiseerden in 2017 3.016 banen, in 2018 3.116 en in 2019 3.216.",
                {
                    ("gemeenten", 2017, None, "realised_jobs", 3016),
                    ("gemeenten", 2018, None, "realised_jobs", 3116),
                    ("gemeenten", 2019, None, "realised_jobs", 3216),
                },
            ),
            (
                "In het eerste en tweede kwartaal van 2020 stonden er bij de marktsector "
                "respectievelijk 58.018 en 59.018 banen op de teller.",
                {
                    ("marktsector", 2020, 1, "realised_jobs", 58018),
                    ("marktsector", 2020, 2, "realised_jobs", 59018),
                },
            ),
            (
                "In het derde kwartaal van 2020 telde de overheid 13.019 banen en in het vierde "
                "kwartaal 13.219.",
                {
                    ("overheid", 2020, 3, "realised_jobs", 13019),
                    ("overheid", 2020, 4, "realised_jobs", 13219),
                },
            ),
        ],
    )


def read_rendered(tmp_path: Path, body: str) -> list[Figure]:
    """A document in the real-wording text format (eval/real/README.md: '|' rows are a
    table, the line above them its caption), rendered by the synth renderer and read back."""
    from eval.real.build import make_letter
    from eval.synth.render import render

    src = tmp_path / "tabel.txt"
    src.write_text(
        "title: Voortgang banenafspraak\ndate: Den Haag, 15 maart 2021\nauthor: SZW\n"
        "layout: rapport\n---\nDen Haag, 15 maart 2021\n\n" + body,
        encoding="utf-8",
    )
    letter, _, _ = make_letter(src)
    pdf = tmp_path / "tabel.pdf"
    render(letter, pdf)
    return ingest_pdf(pdf).figures


def test_table_of_required_levels_with_years_as_columns(tmp_path: Path) -> None:
    """Sectors as rows (a totals row among them), end-of-year columns, a caption naming the
    count and a paragraph saying these counts must be reached: targets per sector and year."""
    figs = read_rendered(
        tmp_path,
        "Onderstaande tabel laat zien hoeveel extra banen er de komende jaren moeten zijn.\n\n"
        "Tabel 2. Aantal extra banen per sector\n"
        "| Sector | Eind 2021 | Eind 2022 |\n"
        "| Gemeenten | 6.120 | 6.840 |\n"
        "| Provincies | 410 | 455 |\n"
        "| Totaal | 6.530 | 7.295 |\n",
    )
    assert facts(figs) == {
        ("gemeenten", 2021, "target_jobs", 6120),
        ("gemeenten", 2022, "target_jobs", 6840),
        ("provincies", 2021, "target_jobs", 410),
        ("provincies", 2022, "target_jobs", 455),
        ("totaal", 2021, "target_jobs", 6530),
        ("totaal", 2022, "target_jobs", 7295),
    }


def test_table_with_years_as_rows_and_metric_columns(tmp_path: Path) -> None:
    """Years as rows, 'realisatie' and 'doelstelling' columns, the sector in the caption."""
    figs = read_rendered(
        tmp_path,
        "Tabel 3. Banen bij de waterschappen\n"
        "| Jaar | Realisatie | Doelstelling |\n"
        "| 2019 | 712 | 640 |\n"
        "| 2020 | 768 | 700 |\n",
    )
    assert facts(figs) == {
        ("waterschappen", 2019, "realised_jobs", 712),
        ("waterschappen", 2019, "target_jobs", 640),
        ("waterschappen", 2020, "realised_jobs", 768),
        ("waterschappen", 2020, "target_jobs", 700),
    }


def test_enumerations_that_split_a_figure(tmp_path: Path) -> None:
    """A breakdown in brackets between a total and its unit; a next sentence that splits the
    figure before it ('Daarvan ... N voor rekening van X en M voor Y', 'N daarvan bij X en M
    bij Y', 'Van die opgave neemt X er N voor haar rekening, Y M'): the parts share the
    total's metric and period; a sector's count after its colon in a list."""
    check_periods(
        tmp_path,
        [
            (
                "Voor 2023 is de doelstelling 41.000 (33.000 in de marktsector en 8.000 bij de "
                "overheid) extra banen.",
                {
                    ("totaal", 2023, None, "target_jobs", 41000),
                    ("marktsector", 2023, None, "target_jobs", 33000),
                    ("overheid", 2023, None, "target_jobs", 8000),
                },
            ),
            (
                "Eind 2018 moeten er 11.500 extra banen zijn. Daarvan komen 3.500 voor rekening "
                "van de overheid en 8.000 voor de marktsector.",
                {
                    ("totaal", 2018, None, "target_jobs", 11500),
                    ("overheid", 2018, None, "target_jobs", 3500),
                    ("marktsector", 2018, None, "target_jobs", 8000),
                },
            ),
            (
                "Tot en met het tweede kwartaal van 2020 realiseerden werkgevers 61.240 banen. "
                "51.100 daarvan bij het bedrijfsleven en 10.140 bij de overheid.",
                {
                    ("totaal", 2020, 2, "realised_jobs", 61240),
                    ("marktsector", 2020, 2, "realised_jobs", 51100),
                    ("overheid", 2020, 2, "realised_jobs", 10140),
                },
            ),
            (
                "Voor eind 2017 is de doelstelling 37.000 banen. Van die opgave neemt de "
                "overheid er 11.000 voor haar rekening, de markt 26.000.",
                {
                    ("totaal", 2017, None, "target_jobs", 37000),
                    ("overheid", 2017, None, "target_jobs", 11000),
                    ("marktsector", 2017, None, "target_jobs", 26000),
                },
            ),
            (
                "De realisatie in banen over 2019, per sector: gemeenten: 1.013; provincies: 313; "
                "waterschappen: 214.",
                {
                    ("gemeenten", 2019, None, "realised_jobs", 1013),
                    ("provincies", 2019, None, "realised_jobs", 313),
                    ("waterschappen", 2019, None, "realised_jobs", 214),
                },
            ),
        ],
    )


# --- ext3a: sector attachment, enumerations and years --------------------------------------


def test_ext3a_the_start_of_a_year_is_the_end_of_the_year_before(tmp_path: Path) -> None:
    """'begin 2027' dates the level at the end of 2026; 'voor/vóór 2027' is the deadline
    2027 as written, and 'de doelstelling voor 2027' is 2027's own."""
    check(
        tmp_path,
        [
            (
                "Volgens het akkoord moeten werkgevers begin 2027 samen 91.000 extra banen "
                "hebben gerealiseerd.",
                {("totaal", 2026, "target_jobs", 91000)},
            ),
            (
                "De afspraak houdt in dat werkgevers voor 2027 landelijk 92.000 extra banen "
                "creëren: 71.000 in de marktsector en 21.000 bij de overheid.",
                {
                    ("totaal", 2027, "target_jobs", 92000),
                    ("marktsector", 2027, "target_jobs", 71000),
                    ("overheid", 2027, "target_jobs", 21000),
                },
            ),
            (
                "De doelstelling voor 2027 is 93.000 extra banen.",
                {("totaal", 2027, "target_jobs", 93000)},
            ),
        ],
    )


def test_ext3a_an_agreed_end_target_without_a_year_is_undated(tmp_path: Path) -> None:
    """What was agreed or promised ('spraken af om N banen te scheppen', 'zou de komende jaren
    N banen realiseren') with no year in the sentence has no year -- not the report's; the
    year the agreement was made ('In maart 2014 spraken ... af') is not the target's."""
    check(
        tmp_path,
        [
            (
                "Vakbonden en werkgevers spraken destijds af om 94.000 extra banen te scheppen.",
                {("totaal", None, "target_jobs", 94000)},
            ),
            (
                "De marktsector zou de komende jaren 72.000 extra banen voor de doelgroep "
                "realiseren, de overheid 22.000.",
                {
                    ("marktsector", None, "target_jobs", 72000),
                    ("overheid", None, "target_jobs", 22000),
                },
            ),
            (
                "In maart 2014 spraken de partijen af dat er 95.000 extra banen komen.",
                {("totaal", None, "target_jobs", 95000)},
            ),
        ],
    )


def test_ext3a_sector_of_an_enumeration_member(tmp_path: Path) -> None:
    """A sector in quotes ('de markt') is a sector; one after a ';' is the next clause's
    subject, not the value's before it; a sector in the clause of the member before ('41.000
    ... bij marktwerkgevers en nog eens 9.000 ...') is that member's, and the next member
    without one of its own takes the head's."""
    check(
        tmp_path,
        [
            (
                "Tegen eind 2027 moeten er 96.000 extra banen zijn: 75.000 bij 'de markt' en "
                "21.000 bij de overheid.",
                {
                    ("totaal", 2027, "target_jobs", 96000),
                    ("marktsector", 2027, "target_jobs", 75000),
                    ("overheid", 2027, "target_jobs", 21000),
                },
            ),
            (
                "Tot en met 2018 moest de sector markt 9.000 banen realiseren; voor de sector "
                "overheid lag de opgave op 4.000 banen.",
                {
                    ("marktsector", 2018, "target_jobs", 9000),
                    ("overheid", 2018, "target_jobs", 4000),
                },
            ),
            (
                "Eind 2020 waren er in totaal 60.000 banen gerealiseerd, waarvan 41.000 via een "
                "regulier dienstverband bij marktwerkgevers en nog eens 9.000 banen via een "
                "uitzendcontract of detachering.",
                {
                    ("totaal", 2020, "realised_jobs", 60000),
                    ("marktsector", 2020, "realised_jobs_regular", 41000),
                    ("totaal", 2020, "realised_jobs_agency", 9000),
                },
            ),
        ],
    )


def test_ext3a_years_set_aside_and_the_first_of_january_past(tmp_path: Path) -> None:
    """'net als in 2019' names another year like this one, not the value's; 'op 1 januari
    jongstleden' is the stand at the end of the year before the letter's."""
    check(
        tmp_path,
        [
            (
                "Eind 2020 stond de teller op 70.000 extra banen.",
                {("totaal", 2020, "realised_jobs", 70000)},
            ),
            (
                "De marktwerkgevers haalden, net als in 2019, hun tussendoel: zij kwamen uit op "
                "55.000 extra banen.",
                {("marktsector", 2020, "realised_jobs", 55000)},
            ),
            (
                "Op 1 januari jongstleden lag de realisatie bij de provincies op 97%.",
                {("provincies", 2020, "realisation_pct", 97)},
            ),
        ],
    )


def test_ext3a_a_page_dated_by_its_year_only() -> None:
    """'Gepubliceerd in 2017', 'Bijgewerkt: juni 2020': the year a page without a full date
    was written (what 'vorig jaar' and 'op dit moment' are read against) -- not a year a
    sentence names later on."""
    from banen_qa.extract.periods import dateline_year

    assert dateline_year("Gepubliceerd in 2017\n\nIn 2018 gaat de Quotumwet gelden.") == 2017
    assert dateline_year("Bijgewerkt: juni 2020\n\nDe umc's hebben 550 banen.") == 2020
    assert dateline_year("In 2018 gaat de Quotumwet gelden.") is None


# --- ext3b: metric cues and negatives, round 3 -------------------------------------------


def test_ext3b_commitments_and_held_counts(tmp_path: Path) -> None:
    """A number committed to ('tekende voor', 'stelde zich garant voor', 'gaat voor de
    realisatie van', 'streefgetal') is a target; a count the subject holds now ('hebben
    ... banen', 'zit rond de') is what was realised; a percentage of a 'streefgetal' is the
    realisation percentage."""
    check(
        tmp_path,
        [
            (
                "De werkgevers in de marktsector tekenden in 2015 voor 90.000 extra banen.",
                {("marktsector", 2015, "target_jobs", 90000)},
            ),
            (
                "Het Rijk stelde zich in 2016 garant voor nog eens 4.500 banen.",
                {("rijk", 2016, "target_jobs", 4500)},
            ),
            (
                "De gemeenten gaan in 2022 voor de realisatie van ongeveer 6.200 banen.",
                {("gemeenten", 2022, "target_jobs", 6200)},
            ),
            (
                "De provincies halen in 2019 hun streefgetal van 410 banen niet.",
                {("provincies", 2019, "target_jobs", 410)},
            ),
            (
                "In 2020 hebben de waterschappen ruim 700 banen voor mensen met een beperking.",
                {("waterschappen", 2020, "realised_jobs", 700)},
            ),
            (
                "Het aantal banen bij de politie groeit. In 2018 zat zij rond de 420.",
                {("politie", 2018, "realised_jobs", 420)},
            ),
            (
                "Bij de hogescholen ging het in 2017 om 64 procent van het streefgetal.",
                {("hbo", 2017, "realisation_pct", 64)},
            ),
        ],
    )


def test_ext3b_totals_with_the_baseline_changes_regions_and_shares(tmp_path: Path) -> None:
    """Not figures: a total that counts the baseline jobs in ('Rekenen we ... mee'), jobs
    added against an earlier period named after them ('ten opzichte van eind 2019'), a
    region's own score or task ('de regio', 'de regionale opgave'), and a percentage that
    is a share of a task taken on ('20% van die opgave voor zijn rekening')."""
    check(
        tmp_path,
        [
            (
                "Rekenen we de 70.100 banen mee die er bij de nulmeting eind 2012 al waren, "
                "dan komt het totaal eind 2020 uit op 140.100 banen.",
                {("totaal", 2012, "baseline_jobs", 70100)},
            ),
            (
                "De overheid realiseerde in 2020 2.310 extra banen ten opzichte van eind 2019.",
                set(),
            ),
            (
                "Uit de cijfers blijkt dat de regio in 2020 al 91% van haar doel heeft bereikt.",
                set(),
            ),
            ("Voor eind 2021 ligt de regionale opgave op 740 extra banen.", set()),
            (
                "Defensie neemt ongeveer 12% van die opgave voor zijn rekening, zo'n 3.000 "
                "banen die eind 2024 gerealiseerd moeten zijn.",
                {("defensie", 2024, "target_jobs", 3000)},
            ),
        ],
    )


def test_ext3b_bare_numbers_with_their_verb_after(tmp_path: Path) -> None:
    """A bare number whose verb follows ('hadden moeten zijn', 'moeten dat er N zijn', 'de N
    die het ministerie telde'), people who must be at work ('N extra arbeidsbeperkten
    werkzaam'), work promised for N people, and a target taken up by a pronoun ('die lag
    op'). A relative clause's verb is its own value's cue, not an earlier value's."""
    check(
        tmp_path,
        [
            (
                "Eind 2019 stond de teller op 57.000 extra banen, terwijl er volgens de afspraak "
                "55.000 hadden moeten zijn.",
                {("totaal", 2019, "realised_jobs", 57000), ("totaal", 2019, "target_jobs", 55000)},
            ),
            (
                "Voor de markt geldt in 2024 een doel van 80.000 banen; bij de overheid moeten "
                "dat er 22.000 zijn in 2024.",
                {
                    ("marktsector", 2024, "target_jobs", 80000),
                    ("overheid", 2024, "target_jobs", 22000),
                },
            ),
            (
                "Volgens de vakbond ging het in 2020 om slechts 9.000 banen, en niet om de "
                "65.000 die het ministerie telde.",
                {("totaal", 2020, "realised_jobs", 65000)},
            ),
            (
                "In 2024 dienen in de overheidssector 27.000 extra arbeidsbeperkten werkzaam te "
                "zijn.",
                {("overheid", 2024, "target_jobs", 27000)},
            ),
            (
                "De gemeenten beloofden dat zij in 2025 werk zouden bieden aan 6.000 mensen met "
                "een arbeidsbeperking.",
                {("gemeenten", 2025, "target_jobs", 6000)},
            ),
            (
                "De minister stelt vast dat de doelstelling voor eind 2020 niet is gehaald: die "
                "lag op 67.500 extra banen.",
                {("totaal", 2020, "target_jobs", 67500)},
            ),
            (
                "De doelstelling om in 2018 43.000 banen te realiseren is met 46.000 banen ruim "
                "gehaald.",
                {("totaal", 2018, "target_jobs", 43000), ("totaal", 2018, "realised_jobs", 46000)},
            ),
        ],
    )


def test_ext3b_jobs_come_in_levels_and_subsets(tmp_path: Path) -> None:
    """'(er)bij gekomen' is a level when the sentence calls it a total or counts from the
    baseline, a change otherwise; jobs that 'telden mee' are a subset counted in."""
    check(
        tmp_path,
        [
            (
                "In totaal zijn er tot en met 2020 67.000 banen bijgekomen.",
                {("totaal", 2020, "realised_jobs", 67000)},
            ),
            (
                "Bij de gemeenten zijn eind 2020 8.900 banen bijgekomen ten opzichte van de "
                "nulmeting.",
                {("gemeenten", 2020, "realised_jobs", 8900)},
            ),
            ("In het tweede kwartaal van 2020 zijn er 2.100 banen bijgekomen.", set()),
            ("Daarnaast telden 8.000 banen van Wajongers uit het praktijkonderwijs mee.", set()),
        ],
    )


def test_ext3b_targets_at_the_start_of_a_year_and_what_must_come(tmp_path: Path) -> None:
    """'begin 2027' is the level at the end of 2026 (as '1 januari 2027' is); what an
    agreement 'moet ... opleveren' is a target; 'schiepen' is what was created."""
    check(
        tmp_path,
        [
            (
                "De afspraak moet tot begin 2027 minstens 130.000 extra banen voor mensen met "
                "een beperking opleveren.",
                {("totaal", 2026, "target_jobs", 130000)},
            ),
            (
                "Begin 2024 moeten er bij de provincies in totaal 520 banen bij zijn gekomen.",
                {("provincies", 2023, "target_jobs", 520)},
            ),
            (
                "Werkgevers in de marktsector schiepen in 2017 ruim 24.000 banen.",
                {("marktsector", 2017, "realised_jobs", 24000)},
            ),
        ],
    )


# --- ext4 ------------------------------------------------------------------------------------


def test_ext4_end_targets_undated_without_a_year(tmp_path: Path) -> None:
    """The agreement's end targets (125.000, 100.000, 25.000) have different end years in
    different texts: a sentence that does not date one leaves it undated, not the year the
    text reports on; a sentence that dates one keeps that year."""
    check(
        tmp_path,
        [
            (
                "Volgens de vakbond moet het bedrijfsleven nog flink aan de slag om zijn "
                "streefgetal van 100.000 banen te halen.",
                {("marktsector", None, "target_jobs", 100000)},
            ),
            (
                "De rijksoverheid wil dat de overheidswerkgevers hun doel van 25.000 banen "
                "alsnog bereiken.",
                {("overheid", None, "target_jobs", 25000)},
            ),
            (
                "In 2026 moeten er in totaal 125.000 extra banen zijn.",
                {("totaal", 2026, "target_jobs", 125000)},
            ),
        ],
    )


def test_ext4_a_share_of_the_target_before_takes_its_year(tmp_path: Path) -> None:
    """'neemt een deel van deze opgave voor haar rekening ... N banen': a part of the target
    the sentence before dated, due in the same year (not the year the text is written)."""
    check(
        tmp_path,
        [
            (
                "Eind 2020 hadden de overheidswerkgevers 9.100 banen gerealiseerd.",
                {("overheid", 2020, "realised_jobs", 9100)},
            ),
            (
                "In 2024 moeten de overheidswerkgevers samen 18.000 extra banen hebben "
                "gerealiseerd. De gemeenten nemen ongeveer een derde van deze opgave op zich en "
                "streven naar circa 6.000 banen.",
                {
                    ("overheid", 2024, "target_jobs", 18000),
                    ("gemeenten", 2024, "target_jobs", 6000),
                },
            ),
        ],
    )


def test_ext4_employers_set_against_the_government_are_the_market(tmp_path: Path) -> None:
    """Bare 'werkgevers' with a number, set against 'de overheid' with another in the same
    sentence, are the market's employers; 'werkgevers ... samen' stays all employers."""
    check(
        tmp_path,
        [
            (
                "Eind 2019 hadden werkgevers 41.000 extra banen gerealiseerd, terwijl de "
                "overheid op 6.100 banen bleef steken.",
                {
                    ("marktsector", 2019, "realised_jobs", 41000),
                    ("overheid", 2019, "realised_jobs", 6100),
                },
            ),
            (
                "Eind 2020 hadden werkgevers samen 62.000 extra banen gerealiseerd.",
                {("totaal", 2020, "realised_jobs", 62000)},
            ),
        ],
    )


def test_ext4_a_share_in_a_whole_is_the_whole(tmp_path: Path) -> None:
    """'het aandeel van X in de N banen': N is the whole X has a share in (all employers',
    or the sector named after it), not X's own number."""
    check(
        tmp_path,
        [
            (
                "In het sociaal akkoord is afgesproken dat er in 2026 130.000 extra banen "
                "moeten zijn gerealiseerd.",
                {("totaal", 2026, "target_jobs", 130000)},
            ),
            (
                "Het college wil het aandeel van de gemeenten in de 130.000 extra banen uit het "
                "sociaal akkoord vergroten.",
                set(),  # the same fact as above
            ),
            (
                "De VNG wijst op het aandeel van de gemeenten in de 27.000 banen die de overheid "
                "moet realiseren.",
                {("overheid", 2026, "target_jobs", 27000)},
            ),
        ],
    )


def test_ext4_the_agreement_as_a_whole_is_not_the_sections_sector(tmp_path: Path) -> None:
    """A target a sentence ties to the sociaal akkoord, naming no sector, is all employers',
    not the sub-sector of the section it stands in (a sentence naming none otherwise is)."""
    from banen_qa.extract.figures import extract_figures

    pdf = render_dated_letter(
        tmp_path / "brief.pdf",
        DATELINE,
        [
            "In het Sociaal Akkoord van 2013 is afgesproken dat er in 2026 130.000 extra banen "
            "moeten zijn gerealiseerd.",
            "Het doel voor eind 2022 is 480 banen.",
        ],
    )
    ingested = ingest_pdf(pdf)
    passages = [p.model_copy(update={"section": "Provincies"}) for p in ingested.passages]
    got = facts(extract_figures(ingested.doc, passages))
    assert got == {
        ("totaal", 2026, "target_jobs", 130000),
        ("provincies", 2022, "target_jobs", 480),
    }, got


# --- ext5: paraphrased constructions ------------------------------------------------------


def test_ext5_undated_letter_reports_on_the_year_its_relative_years_name(tmp_path: Path) -> None:
    """A letter that writes no year but its own date, and says 'vorig jaar' once: its other
    figures are about that year too, not the year it was sent."""
    check(
        tmp_path,
        [
            (
                "Vorig jaar kwamen alle werkgevers samen uit op 70.400 extra banen.",
                {("totaal", 2020, "realised_jobs", 70400)},
            ),
            (
                "De gemeenten realiseerden 8.120 banen.",
                {("gemeenten", 2020, "realised_jobs", 8120)},
            ),
        ],
    )


def test_ext5_stand_per_first_day_of_a_quarter(tmp_path: Path) -> None:
    """'per 1 juli 2020' is the stand at the end of the second quarter of 2020 (not a date
    that leaves the figure to the report year); '1 januari' stays the end of the year before."""
    check_periods(
        tmp_path,
        [
            (
                "Per 1 juli 2020 stond de teller van de banenafspraak op 63.410 extra banen.",
                {("totaal", 2020, 2, "realised_jobs", 63410)},
            ),
        ],
    )


def test_ext5_table_rows_by_contract_kind(tmp_path: Path) -> None:
    """Rows named by a kind of contract are that part of the realised jobs; the row of all
    jobs is the realised total."""
    figs = read_rendered(
        tmp_path,
        "UWV maakte de cijfers over het vierde kwartaal bekend.\n\n"
        "Tabel 1. Extra banen eind 2020, naar soort contract\n"
        "| Soort contract | Markt | Overheid |\n"
        "| Regulier dienstverband | 41.230 | 3.110 |\n"
        "| Uitzending of detachering | 9.870 | - |\n"
        "| Alle banen | 51.100 | - |\n",
    )
    assert facts(figs) == {
        ("marktsector", 2020, "realised_jobs_regular", 41230),
        ("overheid", 2020, "realised_jobs_regular", 3110),
        ("marktsector", 2020, "realised_jobs_agency", 9870),
        ("marktsector", 2020, "realised_jobs", 51100),
    }


def test_ext5_table_of_stands_per_date_without_sector(tmp_path: Path) -> None:
    """Rows dated by a peildatum ('1 oktober 2020' closes the third quarter, '1 januari 2021'
    is the end of 2020), no sector anywhere (all employers); a growth column is no figure."""
    figs = read_rendered(
        tmp_path,
        "De stand van de banenafspraak per peildatum staat hieronder.\n\n"
        "Tabel 1. Extra banen per peildatum\n"
        "| Peildatum | Extra banen | Groei |\n"
        "| 1 oktober 2020 | 66.020 | +1.140 |\n"
        "| 1 januari 2021 | 67.390 | +1.370 |\n",
    )
    assert {(f.sector, f.year, f.quarter, f.metric, f.value) for f in figs} == {
        ("totaal", 2020, 3, "realised_jobs", 66020),
        ("totaal", 2020, 4, "realised_jobs", 67390),
    }


def test_ext5_adjective_sector_forms_and_one_sector_summed(tmp_path: Path) -> None:
    """'provinciale organisaties', 'gemeentelijke werkgevers' name their sector; 'samen' after
    one named sector adds that sector up (not all employers, as after 'markt en overheid')."""
    check(
        tmp_path,
        [
            (
                "De provinciale organisaties samen telden eind 2019 ruim 310 banen.",
                {("provincies", 2019, "realised_jobs", 310)},
            ),
            (
                "Gemeentelijke werkgevers realiseerden in 2019 4.260 banen.",
                {("gemeenten", 2019, "realised_jobs", 4260)},
            ),
            (
                "Markt en overheid samen realiseerden in 2019 60.900 banen.",
                {("totaal", 2019, "realised_jobs", 60900)},
            ),
        ],
    )


def test_ext5_transition_between_two_stand_days(tmp_path: Path) -> None:
    """'steeg van N per 1 juli 2020 naar M per 1 oktober 2020': each value keeps the quarter
    its own stand day closes; the change between them is no figure."""
    check_periods(
        tmp_path,
        [
            (
                "Het aantal extra banen steeg van 63.120 per 1 juli 2020 naar 64.870 per "
                "1 oktober 2020, een toename van 1.750 banen.",
                {
                    ("totaal", 2020, 2, "realised_jobs", 63120),
                    ("totaal", 2020, 3, "realised_jobs", 64870),
                },
            ),
        ],
    )


def test_ext5_bare_numbers_after_target_cues_and_verb_variants(tmp_path: Path) -> None:
    """'de lat lag op N', 'dienen er N te zijn', 'Het streefcijfer voor X: N' are targets with
    no unit; a value's own relative clause ('de N die voor hen waren vastgelegd') gives its
    metric, even after a verb of reaching; a change against 'een jaar eerder' does not date
    the other values of its sentence."""
    check(
        tmp_path,
        [
            (
                "Voor de gemeenten lag de lat in 2019 op 5.120.",
                {("gemeenten", 2019, "target_jobs", 5120)},
            ),
            (
                "Eind 2022 dienen er bij de waterschappen 410 te zijn.",
                {("waterschappen", 2022, "target_jobs", 410)},
            ),
            (
                "Het streefcijfer voor de provincies in 2019: 290.",
                {("provincies", 2019, "target_jobs", 290)},
            ),
            (
                "De marktwerkgevers overtroffen in 2018 met 47.310 banen de 35.000 die voor hen "
                "waren vastgelegd.",
                {
                    ("marktsector", 2018, "realised_jobs", 47310),
                    ("marktsector", 2018, "target_jobs", 35000),
                },
            ),
            (
                "De gemeenten telden in 2020 9.120 banen. Dat zijn er 800 meer dan een jaar "
                "eerder, maar de norm van 9.500 is niet gehaald.",
                {
                    ("gemeenten", 2020, "realised_jobs", 9120),
                    ("gemeenten", 2020, "target_jobs", 9500),
                },
            ),
        ],
    )


def test_ext5_contract_kinds_hired_in_and_permanent(tmp_path: Path) -> None:
    """'via inhuur' is hired in (agency or secondment), not bought in via SROI; 'in vaste
    dienst' is a regular contract."""
    check(
        tmp_path,
        [
            (
                "Bij defensie liepen eind 2020 420 banen via inhuur.",
                {("defensie", 2020, "realised_jobs_agency", 420)},
            ),
            (
                "De politie had eind 2020 190 banen in vaste dienst.",
                {("politie", 2020, "realised_jobs_regular", 190)},
            ),
        ],
    )


def test_ext5_the_corps_and_an_intention_to_stand_at(tmp_path: Path) -> None:
    """'het korps' is the police; 'de ambitie om in 2025 op N te staan' is a target (in a
    letter that speaks of jobs)."""
    check(
        tmp_path,
        [
            ("De politie wil meer banen bieden aan mensen met een beperking.", set()),
            (
                "Het korps heeft de ambitie om in 2025 op 820 te staan.",
                {("politie", 2025, "target_jobs", 820)},
            ),
        ],
    )


def test_ext5_a_start_date_does_not_date_the_report(tmp_path: Path) -> None:
    """A letter dated only by its own day, whose one other year is when something starts
    ('gaat per 1 januari 2022 in'), reports on the year its 'vorig jaar' names."""
    check(
        tmp_path,
        [
            (
                "Werkgevers realiseerden vorig jaar 70.400 extra banen.",
                {("totaal", 2020, "realised_jobs", 70400)},
            ),
            (
                "De overheid bleef steken op 11.900 banen.",
                {("overheid", 2020, "realised_jobs", 11900)},
            ),
            ("Daarom gaat het quotum per 1 januari 2022 in.", set()),
        ],
    )


# --- ext6 --------------------------------------------------------------------------------


def test_ext6_a_shortfall_or_a_denial_is_no_figure(tmp_path: Path) -> None:
    """'bleven N banen onder hun deel', 'N daarvan geen echte banen': what is missing or what
    the jobs are not, never a level."""
    check(
        tmp_path,
        [
            (
                "In 2020 realiseerde de overheid 9.100 banen.",
                {("overheid", 2020, "realised_jobs", 9100)},
            ),
            ("De overheidswerkgevers bleven 4.200 banen onder hun aandeel in de afspraak.", set()),
            ("Volgens de bond waren er in 2020 zo'n 2.000 geen echte nieuwe banen.", set()),
        ],
    )


def test_ext6_respectively_keeps_the_first_members_metric(tmp_path: Path) -> None:
    """'het doel lag op respectievelijk A en B; gerealiseerd werden ...': B is a target too."""
    check(
        tmp_path,
        [
            (
                "Voor de markt en de overheid lag het doel in 2020 op respectievelijk 60.000 en "
                "18.000 banen; gerealiseerd werden respectievelijk 61.000 en 9.000 banen.",
                {
                    ("marktsector", 2020, "target_jobs", 60000),
                    ("overheid", 2020, "target_jobs", 18000),
                    ("marktsector", 2020, "realised_jobs", 61000),
                    ("overheid", 2020, "realised_jobs", 9000),
                },
            ),
        ],
    )


def test_ext6_a_bracketed_target_keeps_its_items_sector(tmp_path: Path) -> None:
    """'Overheidswerkgevers: N banen gerealiseerd (doel: M)': the bracket is the item's."""
    check(
        tmp_path,
        [
            (
                "Overheidswerkgevers: 10.200 banen gerealiseerd in 2020 (doel: 19.000)",
                {
                    ("overheid", 2020, "realised_jobs", 10200),
                    ("overheid", 2020, "target_jobs", 19000),
                },
            ),
        ],
    )


def test_ext6_what_a_sector_managed_above_its_target(tmp_path: Path) -> None:
    """'De N banen die de markt wist te realiseren, liggen boven het doel': realised, and
    the target it is measured against is not its metric."""
    check(
        tmp_path,
        [
            (
                "De 45.120 banen die de marktsector in 2019 wist te realiseren, liggen ruim "
                "boven het doel.",
                {("marktsector", 2019, "realised_jobs", 45120)},
            ),
        ],
    )


def test_ext6_a_year_earlier_opening_a_paragraph(tmp_path: Path) -> None:
    """'Een jaar eerder stonden zij op N' with no year in its paragraph: the year before the
    one the letter reports on (a letter of March 2021 reports on 2020)."""
    check(
        tmp_path,
        [
            (
                "In 2020 realiseerde de overheid 10.200 banen.",
                {("overheid", 2020, "realised_jobs", 10200)},
            ),
            (
                "Een jaar eerder stonden de overheidswerkgevers nog op 9.800.",
                {("overheid", 2019, "realised_jobs", 9800)},
            ),
        ],
    )


def test_ext6_an_answer_takes_its_question(tmp_path: Path) -> None:
    """'Hoeveel banen ...? Het antwoord: N.' and 'Wat was het doel ...? Dat lag op N': the
    answer's unit, metric, sector and year stand in the question before it."""
    check(
        tmp_path,
        [
            (
                "Hoeveel banen hadden de gemeenten in 2019 gerealiseerd? Het antwoord: 4.100. "
                "Wat was het doel voor de gemeenten in 2019? Dat lag op 3.900 banen.",
                {
                    ("gemeenten", 2019, "realised_jobs", 4100),
                    ("gemeenten", 2019, "target_jobs", 3900),
                },
            ),
        ],
    )


# --- ext7 ----------------------------------------------------------------------------------


def test_ext7_labelled_list_items_under_a_measuring_lead_in(tmp_path: Path) -> None:
    """'- Overheid: 9.400 extra banen' under 'De meting ... per sector:': a sector's label and a
    jobs count with no cue of its own is what the lead-in measures (realised). A label after a
    figure ('... kwam uit op 4.300. Samen: 47.900 banen.') counts what that figure counts."""
    check(
        tmp_path,
        [
            (
                "De meting over 2020 geeft per sector dit beeld (extra banen sinds de nulmeting):",
                set(),
            ),
            (
                "• Overheid: 9.400 extra banen (doel: 17.500)",
                {
                    ("overheid", 2020, "realised_jobs", 9400),
                    ("overheid", 2020, "target_jobs", 17500),
                },
            ),
            (
                "• Alle werkgevers samen: 60.600 extra banen",
                {("totaal", 2020, "realised_jobs", 60600)},
            ),
        ],
    )
    check(
        tmp_path,
        [
            (
                "Dat is minder dan gehoopt. De overheid kwam in 2019 uit op 4.300. "
                "Samen: 47.900 banen.",
                {
                    ("overheid", 2019, "realised_jobs", 4300),
                    ("totaal", 2019, "realised_jobs", 47900),
                },
            ),
        ],
    )


def test_ext7_sector_after_the_value(tmp_path: Path) -> None:
    """The sector after the value: in apposition ('Het grootste deel, 41.000 banen, kwam van de
    marktsector'), a fronted value with its subject after the verb ('Niet verder dan 4.100
    kwam de overheid'), 'bleef met N banen onder' and 'met N banen overtroffen zij de M'
    (N beat M: a level, not the margin)."""
    check(
        tmp_path,
        [
            (
                "Het grootste deel, 41.000 banen, kwam in 2019 van de marktsector.",
                {("marktsector", 2019, "realised_jobs", 41000)},
            ),
            (
                "Niet verder dan 4.100 kwam de overheid in 2019.",
                {("overheid", 2019, "realised_jobs", 4100)},
            ),
            (
                "De overheid bleef in 2018 met 5.400 banen ruim onder haar doel.",
                {("overheid", 2018, "realised_jobs", 5400)},
            ),
            (
                "De marktwerkgevers wel: met 48.000 banen overtroffen zij in 2019 de 45.000 die "
                "voor hen waren afgesproken.",
                {
                    ("marktsector", 2019, "realised_jobs", 48000),
                    ("marktsector", 2019, "target_jobs", 45000),
                },
            ),
            (
                "De markt heeft in 2017 het doel met 3.000 banen overtroffen.",
                set(),
            ),
        ],
    )


def test_ext7_percentages_of_a_target_and_without_their_sign(tmp_path: Path) -> None:
    """'ruim 85% van het tussendoel', "zo'n 70 procent van de afspraak": the share of a target
    reached; 'een quotumpercentage van 2,21' names its percentage without the sign."""
    check(
        tmp_path,
        [
            (
                "De provincies haalden eind 2019 ruim 85% van het tussendoel.",
                {("provincies", 2019, "realisation_pct", 85)},
            ),
            (
                "De gemeenten kwamen in 2019 tot zo'n 70 procent van de afspraak.",
                {("gemeenten", 2019, "realisation_pct", 70)},
            ),
            (
                "Voor de waterschappen geldt in 2020 een quotumpercentage van 2,21.",
                {("waterschappen", 2020, "quota_pct", 2.21)},
            ),
        ],
    )


def test_ext7_an_earlier_level_with_het_er(tmp_path: Path) -> None:
    """'In 2018 waren het er nog rond de 420': the count the sentence before counted, earlier."""
    check(
        tmp_path,
        [
            (
                "Vorig jaar telden de waterschappen ongeveer 540 banen voor mensen met een "
                "arbeidsbeperking. In 2018 waren het er nog rond de 420.",
                {
                    ("waterschappen", 2020, "realised_jobs", 540),
                    ("waterschappen", 2018, "realised_jobs", 420),
                },
            ),
        ],
    )


def test_ext7_a_period_closing_on_a_level(tmp_path: Path) -> None:
    """'Het tweede kwartaal van het afgelopen jaar sloot af op N': the level the period ended
    on, in the year before the letter's."""
    check(
        tmp_path,
        [
            (
                "Het tweede kwartaal van het afgelopen jaar sloot af op 66.200 extra banen.",
                {("totaal", 2020, "realised_jobs", 66200)},
            ),
        ],
    )


# --- ext8 --------------------------------------------------------------------------------


def test_ext8_a_label_naming_a_contract_kind(tmp_path: Path) -> None:
    """'Reguliere dienstverbanden: N. Uitzendcontract of detachering: M.': a label naming the
    part and a colon before its value; 'Van de reguliere banen ...' scopes its sentence."""
    check(
        tmp_path,
        [
            (
                "In het tweede kwartaal van 2020 telde UWV 50.000 extra banen. Reguliere "
                "dienstverbanden: 31.400. Uitzendcontract of detachering: 7.200.",
                {
                    ("totaal", 2020, "realised_jobs", 50000),
                    ("totaal", 2020, "realised_jobs_regular", 31400),
                    ("totaal", 2020, "realised_jobs_agency", 7200),
                },
            ),
            (
                "Eind 2020 waren er 60.000 extra banen, waarvan 45.100 via een regulier "
                "dienstverband. Van de reguliere banen kwam het grootste deel voor rekening van "
                "de marktsector (41.300); de overheid kwam tot 3.800.",
                {
                    ("totaal", 2020, "realised_jobs", 60000),
                    ("totaal", 2020, "realised_jobs_regular", 45100),
                    ("marktsector", 2020, "realised_jobs_regular", 41300),
                    ("overheid", 2020, "realised_jobs_regular", 3800),
                },
            ),
        ],
    )


def test_ext8_a_bracket_after_a_sector(tmp_path: Path) -> None:
    """'De marktsector (N extra banen; ambitie M)': the bracket after a sector holds its count
    so far and, with its own cue, its target; both belong to that sector, not a later one."""
    check(
        tmp_path,
        [
            (
                "Eind 2020 telde de banenafspraak 60.000 extra banen. De marktsector (51.200 "
                "extra banen; ambitie 55.000) liep voor op de overheid.",
                {
                    ("totaal", 2020, "realised_jobs", 60000),
                    ("marktsector", 2020, "realised_jobs", 51200),
                    ("marktsector", 2020, "target_jobs", 55000),
                },
            ),
            (  # a bracket after a member of a breakdown, not the subject: no cue, no figure
                "Veel hangt af van de verdeling over markt (14.000 extra banen) en overheid "
                "(6.500 extra banen).",
                set(),
            ),
        ],
    )


# --- gen-extract ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Verleden jaar realiseerden de provincies 410 banen.",
            {("provincies", 2020, "realised_jobs", 410)},
        ),
        (
            "Het vorige kalenderjaar sloten de waterschappen af op 288 banen.",
            {("waterschappen", 2020, "realised_jobs", 288)},
        ),
        (
            "Drie jaar geleden hadden de gemeenten 3.000 banen gerealiseerd.",
            {("gemeenten", 2018, "realised_jobs", 3000)},
        ),
        (
            "Over vier jaar moeten de provincies 700 banen hebben gerealiseerd.",
            {("provincies", 2025, "target_jobs", 700)},
        ),
        (
            "Two years ago the water boards realised 250 jobs.",
            {("waterschappen", 2019, "realised_jobs", 250)},
        ),
        (
            "In 2019 the police realised 1,000 jobs; the following year they realised 1,080.",
            {("politie", 2019, "realised_jobs", 1000), ("politie", 2020, "realised_jobs", 1080)},
        ),
        (
            "Het Rijk realiseerde in 2019 4.800 banen; het voorgaande jaar waren dat er 4.500.",
            {("rijk", 2019, "realised_jobs", 4800), ("rijk", 2018, "realised_jobs", 4500)},
        ),
    ],
)
def test_gen_relative_year_every_form(tmp_path: Path, sentence: str, expected: set[Fact]) -> None:
    """Relative years by meaning, not by one wording: 'verleden/vorige (kalender)jaar', 'N
    jaar geleden', 'over N jaar', 'the following year', 'het voorgaande jaar' (letter of
    15 March 2021)."""
    check(tmp_path, [(sentence, expected)])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2017 telde Defensie 520 banen en het jaar erna 575.",
            {("defensie", 2017, "realised_jobs", 520), ("defensie", 2018, "realised_jobs", 575)},
        ),
        (
            "De politie kwam in 2016 uit op 900 banen, twee jaar later 1.150.",
            {("politie", 2016, "realised_jobs", 900), ("politie", 2018, "realised_jobs", 1150)},
        ),
        (
            "In 2018 realiseerden de gemeenten 3.000 banen, een jaar later 3.500 en twee jaar "
            "later 3.900.",
            {
                ("gemeenten", 2018, "realised_jobs", 3000),
                ("gemeenten", 2019, "realised_jobs", 3500),
                ("gemeenten", 2020, "realised_jobs", 3900),
            },
        ),
    ],
)
def test_gen_relative_year_before_an_enumerated_value(
    tmp_path: Path, sentence: str, expected: set[Fact]
) -> None:
    """'N banen en het jaar erna M': a relative year right before a value dates it as 'in
    2019 M' does, so M is a member of the run (its metric and sector) with a year of its own."""
    check(tmp_path, [(sentence, expected)])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bedrijven realiseerden in 2020 51.000 banen.",
            {("marktsector", 2020, "realised_jobs", 51000)},
        ),
        (
            "In 2020 zijn bij private bedrijven 51.000 banen gerealiseerd.",
            {("marktsector", 2020, "realised_jobs", 51000)},
        ),
        (
            "Private employers realised 51,000 jobs in 2020.",
            {("marktsector", 2020, "realised_jobs", 51000)},
        ),
        (
            "In 2020, 51,000 jobs were created by companies.",
            {("marktsector", 2020, "realised_jobs", 51000)},
        ),
        (
            "Public employers realised 21,000 jobs in 2020.",
            {("overheid", 2020, "realised_jobs", 21000)},
        ),
        (
            "De krijgsmacht realiseerde in 2020 650 banen.",
            {("defensie", 2020, "realised_jobs", 650)},
        ),
        (
            "De provinciale overheid realiseerde in 2020 410 banen.",
            {("provincies", 2020, "realised_jobs", 410)},
        ),
        (
            "Municipal employers created 4,700 jobs in 2020.",
            {("gemeenten", 2020, "realised_jobs", 4700)},
        ),
        (
            "In heel Nederland zijn er in 2020 72.000 banen gerealiseerd.",
            {("totaal", 2020, "realised_jobs", 72000)},
        ),
        (
            "Nationwide, 72,000 jobs had been realised by the end of 2020.",
            {("totaal", 2020, "realised_jobs", 72000)},
        ),
    ],
)
def test_gen_sector_names_in_every_form(tmp_path: Path, sentence: str, expected: set[Fact]) -> None:
    """A sector by any of its common names: companies for the market ('bedrijven',
    'businesses', 'private employers'), adjectival and compound government bodies ('de
    provinciale overheid', 'municipal employers', 'de krijgsmacht'), and the whole country
    ('in heel Nederland', 'nationwide')."""
    check(tmp_path, [(sentence, expected)])


def test_gen_sheltered_companies_are_not_the_market(tmp_path: Path) -> None:
    """'sw-bedrijven' (sheltered employment) contain the word for companies but are no
    market employers."""
    figs = read(tmp_path, ["In 2020 telden de sw-bedrijven 4.000 banen via detachering."])
    assert [f.value for f in figs] == [4000]
    assert figs[0].sector != "marktsector"


def test_gen_the_agreements_end_targets_are_its_own(tmp_path: Path) -> None:
    """125.000, 100.000 and 25.000 as a target are the agreement's totals (all employers, the
    market, the government), even where the sentence names another body near them."""
    check(
        tmp_path,
        [
            (
                "De bond wil dat bedrijven met meer dan 25 werknemers een heffing betalen als de "
                "doelstelling van 125.000 banen niet wordt gehaald.",
                {("totaal", None, "target_jobs", 125000)},
            ),
            (
                "Alle werkgevers, de waterschappen inbegrepen, beloofden dat er in 2026 voor "
                "125.000 mensen met een arbeidsbeperking een baan zou zijn.",
                {("totaal", 2026, "target_jobs", 125000)},
            ),
        ],
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2020 werden bij de gemeenten 4.500 mensen uit de doelgroep aangenomen.",
            {("gemeenten", 2020, "realised_jobs", 4500)},
        ),
        (
            "In 2020 zijn bij de provincies 380 mensen met een beperking geplaatst.",
            {("provincies", 2020, "realised_jobs", 380)},
        ),
        (
            "De waterschappen boden in 2020 aan 260 mensen met een arbeidsbeperking een baan.",
            {("waterschappen", 2020, "realised_jobs", 260)},
        ),
        (
            "In 2020 the municipalities employed 4,600 people with a disability.",
            {("gemeenten", 2020, "realised_jobs", 4600)},
        ),
        (
            "Het Rijk moet in 2024 werk bieden aan 6.500 arbeidsgehandicapten.",
            {("rijk", 2024, "target_jobs", 6500)},
        ),
        (  # UWV's count of persons in work is not its count of jobs
            "In het derde kwartaal van 2020 werkten 120.000 personen uit de doelgroep.",
            set(),
        ),
    ],
)
def test_gen_people_of_the_target_group_given_work(
    tmp_path: Path, sentence: str, expected: set[Fact]
) -> None:
    """People of the target group under any of their names (mensen met een (arbeids)beperking,
    uit de doelgroep, arbeidsgehandicapten, people with a disability) that were taken on,
    placed, offered a job or employed count as jobs; 'personen ... werkten' stays a person
    count."""
    check(tmp_path, [(sentence, expected)])


def test_gen_an_end_target_due_in_the_end(tmp_path: Path) -> None:
    """'Uiteindelijk moeten bedrijven werk bieden aan 100.000 ...' after the paragraph dated
    the agreement's end: the end target is due in that year."""
    check(
        tmp_path,
        [
            (
                "In het akkoord is afgesproken dat er tot 2026 in totaal 125.000 extra banen "
                "komen. Uiteindelijk moeten bedrijven werk bieden aan 100.000 arbeidsbeperkten.",
                {
                    ("totaal", 2026, "target_jobs", 125000),
                    ("marktsector", 2026, "target_jobs", 100000),
                },
            )
        ],
    )


def test_gen_a_part_as_the_subject_measured_against_the_baseline(tmp_path: Path) -> None:
    """'Het aantal banen via uitzendcontracten ... ligt nog N banen boven de nulmeting': a
    sentence that opens on a part counts that part; 'boven de nulmeting' measures against the
    baseline (as 'ten opzichte van' does), it is not the baseline's own number."""
    check(
        tmp_path,
        [
            (
                "Het aantal banen via uitzendcontracten daalde in 2020, maar ligt nog 8.000 "
                "banen boven de nulmeting.",
                {("totaal", 2020, "realised_jobs_agency", 8000)},
            )
        ],
    )


def test_gen_a_semicolon_joins_the_members_of_a_run(tmp_path: Path) -> None:
    """'... 40.000 via een regulier dienstverband bij marktwerkgevers; nog eens 8.000 banen
    via een uitzendcontract': the sector before the semicolon is the member's before it, as
    with ', en nog eens'."""
    check(
        tmp_path,
        [
            (
                "Eind 2020 telde UWV in totaal 52.000 banen. Daarvan ontstonden er 40.000 via een "
                "regulier dienstverband bij marktwerkgevers; nog eens 8.000 banen liepen via een "
                "uitzendcontract.",
                {
                    ("totaal", 2020, "realised_jobs", 52000),
                    ("marktsector", 2020, "realised_jobs_regular", 40000),
                    ("totaal", 2020, "realised_jobs_agency", 8000),
                },
            )
        ],
    )


def test_f4_places_and_people_counted_as_jobs(tmp_path: Path) -> None:
    """The counted thing of a realisation or promise may be 'plekken', (arbeids)gehandicapten
    or 'mensen uit deze doelgroep' (an adjective between number and noun), and the verbs
    'aannamen', 'aan een baan geholpen', 'in te richten' realise them ('schoot tekort' is a
    verb, not the noun of a gap)."""
    check(
        tmp_path,
        [
            (
                "Werkgevers hebben beloofd dat zij 60.000 nieuwe plekken voor deze groep "
                "zullen maken.",
                {("totaal", None, "target_jobs", 60000)},
            ),
            (
                "In 2019 hadden markt- en overheidswerkgevers samen al 80.000 mensen met een "
                "arbeidsbeperking aan een baan geholpen.",
                {("totaal", 2019, "realised_jobs", 80000)},
            ),
            (
                "De marktsector meldde dat bedrijven in 2018 in totaal 30.000 mensen uit deze "
                "doelgroep aannamen.",
                {("marktsector", 2018, "realised_jobs", 30000)},
            ),
            (
                "De overheid schoot in 2020 tekort door maar 8.200 banen in te richten.",
                {("overheid", 2020, "realised_jobs", 8200)},
            ),
        ],
    )


def test_f4_wishes_and_commitments_are_targets(tmp_path: Path) -> None:
    """'de gewenste aantallen', 'spraken af te zorgen voor N', 'het doel, dat staat op N':
    what is wished for, agreed or said to be the goal is a target, not a realisation."""
    check(
        tmp_path,
        [
            (
                "Het kabinet wil dat de gewenste aantallen, 90.000 extra banen in de markt, "
                "voor 2025 gehaald worden.",
                {("marktsector", 2025, "target_jobs", 90000)},
            ),
            (
                "Kabinet en werkgevers spraken in 2015 af te zorgen voor 110.000 extra banen "
                "voor mensen met een beperking.",
                {("totaal", None, "target_jobs", 110000)},
            ),
            (
                "Het bedrijfsleven ligt op koers om in 2021 het doel te halen, dat staat op "
                "60.000 banen.",
                {("marktsector", 2021, "target_jobs", 60000)},
            ),
        ],
    )


def test_f4_a_year_that_dates_a_start_or_an_agreement(tmp_path: Path) -> None:
    """'sinds de start van de afspraak in 2013', 'de afspraak die het kabinet in 2014 maakte',
    'vijf jaar geleden spraken zij af': the year of a start or an agreement is not the year
    of the figure -- that is the stand ('de cijfers over 2020') or the deadline, else none."""
    check(
        tmp_path,
        [
            (
                "Sinds de start van de afspraak in 2013 hebben werkgevers 70.000 extra banen "
                "gerealiseerd, zo blijkt uit de cijfers over 2020.",
                {("totaal", 2020, "realised_jobs", 70000)},
            ),
            (
                "De afspraak die het kabinet in 2014 met de sociale partners maakte om 110.000 "
                "extra banen te scheppen, is niet gehaald.",
                {("totaal", None, "target_jobs", 110000)},
            ),
            (
                "Vijf jaar geleden spraken kabinet en werkgevers af dat er 110.000 banen moeten "
                "komen voor mensen met een beperking, 90.000 in de markt en 20.000 bij de "
                "overheid, en dat vóór 2024.",
                {
                    ("totaal", 2024, "target_jobs", 110000),
                    ("marktsector", 2024, "target_jobs", 90000),
                    ("overheid", 2024, "target_jobs", 20000),
                },
            ),
        ],
    )


def test_f4_a_list_of_government_parts_is_the_government(tmp_path: Path) -> None:
    """'de werkgevers bij ministeries, gemeenten en provincies' names the government by its
    parts: the value is the government's, not the last part's; and the list's commas do not
    end the reach of the modal ('zouden ... helpen': a target)."""
    check(
        tmp_path,
        [
            (
                "In 2020 zouden de werkgevers bij ministeries, gemeenten en provincies 7000 "
                "arbeidsgehandicapten aan het werk helpen.",
                {("overheid", 2020, "target_jobs", 7000)},
            ),
        ],
    )


def test_f4_numbers_that_are_no_sector_figure(tmp_path: Path) -> None:
    """People out of work ('20 duizend (13%) werkloos'), one employer named as the subject
    ('De Belastingdienst heeft ...', unlike 'Het Rijk heeft ...') and a total that counts in
    what there already was at the start ('Bij de start waren er al N ..., waardoor er nu in
    totaal M ...') are no sector's figure of jobs; what there was at the start (N) is the
    baseline (tests/test_frames.py)."""
    check(
        tmp_path,
        [
            (
                "Van de 150 duizend mensen met een beperking in de beroepsbevolking waren er in "
                "2020 20 duizend (13%) werkloos.",
                set(),
            ),
            ("De Belastingdienst heeft al 600 mensen met een beperking aan het werk.", set()),
            (
                "Het Rijk heeft in 2020 in totaal 30.000 banen gerealiseerd.",
                {("rijk", 2020, "realised_jobs", 30000)},
            ),
            (
                "Bij de start van de afspraak waren er al 60.000 gehandicapten aan het werk, "
                "waardoor er nu in totaal 120.000 gehandicapten aan de slag zijn.",
                {("totaal", None, "baseline_jobs", 60000)},
            ),
        ],
    )


def test_f4_a_breakdown_without_unit_after_a_colon(tmp_path: Path) -> None:
    """'moeten er tegen 2024 in totaal N speciale banen zijn: M bij werkgevers in de markt en
    K bij overheidswerkgevers': 'moeten er ... zijn' is a target however far apart, and a
    preposition before 'werkgevers' places the jobs, it does not count employers."""
    check(
        tmp_path,
        [
            (
                "Volgens de afspraken moeten er tegen 2024 in totaal 110.000 speciale banen zijn "
                "voor mensen met een arbeidsbeperking: 90.000 bij werkgevers in de markt en "
                "20.000 bij overheidswerkgevers.",
                {
                    ("totaal", 2024, "target_jobs", 110000),
                    ("marktsector", 2024, "target_jobs", 90000),
                    ("overheid", 2024, "target_jobs", 20000),
                },
            ),
        ],
    )


def test_f4_a_member_placed_in_one_organisation_of_a_sector(tmp_path: Path) -> None:
    """'M reguliere banen in het bedrijfsleven en K in een overheidsorganisatie': a sector
    named in the singular, after 'een', places the member of the run as the plural does."""
    check(
        tmp_path,
        [
            (
                "Tot en met juni 2020 zijn er in totaal 60.000 extra banen gerealiseerd. Het gaat "
                "dan om 48.000 reguliere banen in het bedrijfsleven en 5200 in een "
                "overheidsorganisatie.",
                {
                    ("totaal", 2020, "realised_jobs", 60000),
                    ("marktsector", 2020, "realised_jobs_regular", 48000),
                    ("overheid", 2020, "realised_jobs_regular", 5200),
                },
            ),
        ],
    )


def test_f4_the_period_of_a_saying_is_not_the_figures(tmp_path: Path) -> None:
    """'Eind vorig jaar moest de minister erkennen dat ... N banen niet voor 2025 gehaald
    zouden worden': the period before the 'dat' dates the saying; the value's own clause
    names its period."""
    check(
        tmp_path,
        [
            (
                "Eind vorig jaar moest de minister nog erkennen dat de gewenste aantallen, "
                "90.000 extra banen in het bedrijfsleven en 20.000 extra bij de overheid, "
                "waarschijnlijk niet voor 2025 gehaald zouden worden.",
                {
                    ("marktsector", 2025, "target_jobs", 90000),
                    ("overheid", 2025, "target_jobs", 20000),
                },
            ),
        ],
    )


def test_gen2_a_bare_number_answers_the_question_before_it(tmp_path: Path) -> None:
    """'Hoeveel banen ...? Ruim 6.200.', 'Wat is het doel ...? Een kleine 30.000.': a number
    standing alone after a question, with or without words of approximation, takes its unit,
    metric, sector and year from the question -- in Dutch and English, and also when the
    answer names its own sector after the number."""
    check(
        tmp_path,
        [
            (
                "Hoeveel banen hadden de waterschappen in 2018 gerealiseerd? Ruim 620.",
                {("waterschappen", 2018, "realised_jobs", 620)},
            ),
            (
                "Wat was het doel voor de provincies in 2020? Een kleine 1.100.",
                {("provincies", 2020, "target_jobs", 1100)},
            ),
            (
                "How many jobs had the police created by 2019? Just over 1,300.",
                {("politie", 2019, "realised_jobs", 1300)},
            ),
            (
                "Wat was de opgave voor eind 2018? 43.000 banen bij markt en overheid samen.",
                {("totaal", 2018, "target_jobs", 43000)},
            ),
        ],
    )


def test_gen2_a_question_heading_over_its_answer(tmp_path: Path) -> None:
    """A question set as a heading and its answer as the paragraph under it ('## Hoeveel
    banen ...?' over 'Het antwoord: 7.400.'): the paragraph's first sentence answers it."""
    heading = '<font size="14"><b>{}</b></font>'
    check(
        tmp_path,
        [
            (heading.format("Hoeveel banen hadden de gemeenten eind 2019?"), set()),
            (
                "Het antwoord: 7.400. Dat waren er meer dan verwacht.",
                {("gemeenten", 2019, "realised_jobs", 7400)},
            ),
            (heading.format("Wat was het doel van de provincies voor 2020?"), set()),
            ("Ruim 600.", {("provincies", 2020, "target_jobs", 600)}),
        ],
    )


def test_gen2_a_month_dateline_dates_the_item_not_its_figures(tmp_path: Path) -> None:
    """'Mei 2022 – ...', 'Maart 2021 | ...': a news item dated by its month is when it was
    published -- 'vorig jaar' is the year before, and the dateline's year dates no figure."""
    from tests.fixtures.letters import render_letter

    cases = [
        (
            ["Mei 2022 – De teller staat op 70.000 banen, meldt UWV over vorig jaar."],
            {("totaal", 2021, "realised_jobs", 70000)},
        ),
        (
            ["Utrecht, april 2020 — In het jaar daarvoor telden de gemeenten 5.200 banen."],
            {("gemeenten", 2019, "realised_jobs", 5200)},
        ),
        (
            ["Juni 2019 | Vorig jaar realiseerden de gemeenten 6.100 banen."],
            {("gemeenten", 2018, "realised_jobs", 6100)},
        ),
    ]
    for i, (paragraphs, expected) in enumerate(cases):
        pdf = render_letter(tmp_path / f"item{i}.pdf", "Nieuws over de banenafspraak", paragraphs)
        assert facts(ingest_pdf(pdf).figures) == expected, paragraphs[0]


def test_gen2_the_parts_keep_their_years_and_the_whole_its_sector(tmp_path: Path) -> None:
    """'N banen, waarvan M bij werkgevers tegen 2026 en K bij de overheid tegen 2024': each
    part's year is its own and does not date the whole before it; and a whole split into a
    main sector's part is the total, not the sector the sentence before spoke of."""
    check(
        tmp_path,
        [
            (
                "Het kabinet en werkgevers spraken af dat er 12.000 banen komen, waarvan "
                "9.000 bij de markt in 2019 en 3.000 bij de overheid in 2018.",
                {
                    ("totaal", None, "target_jobs", 12000),
                    ("marktsector", 2019, "target_jobs", 9000),
                    ("overheid", 2018, "target_jobs", 3000),
                },
            ),
            (
                "Werkgevers in de marktsector doen hun best. In 2020 waren er 60.000 banen, "
                "waarvan 41.000 bij marktwerkgevers.",
                {
                    ("totaal", 2020, "realised_jobs", 60000),
                    ("marktsector", 2020, "realised_jobs", 41000),
                },
            ),
        ],
    )


def test_f6_target_verbs_in_every_form(tmp_path: Path) -> None:
    """Striving ('streefden naar'), taking a share on ('nemen ... voor hun rekening') and giving
    shape to jobs ('geven invulling aan N banen') set targets, in any tense; a task or duty to
    create jobs ('de taak om', 'de verplichting om') is the undated commitment."""
    check(
        tmp_path,
        [
            (
                "In 2019 streefden de waterschappen naar 240 banen.",
                {("waterschappen", 2019, "target_jobs", 240)},
            ),
            (
                "De gemeenten nemen samen 8.300 banen voor hun rekening.",
                {("gemeenten", None, "target_jobs", 8300)},
            ),
            (
                "Met hun plan geven de provincies invulling aan 650 extra banen in 2024.",
                {("provincies", 2024, "target_jobs", 650)},
            ),
            (
                "Daarnaast hebben de umc's de taak om 1.150 banen te realiseren.",
                {("umc", None, "target_jobs", 1150)},
            ),
            (
                "Het korps onderzoekt hoe het kan voldoen aan de verplichting om 1.700 banen "
                "te scheppen.",
                {("politie", None, "target_jobs", 1700)},
            ),
        ],
    )


def test_f6_keeping_to_the_agreement_is_what_was_done(tmp_path: Path) -> None:
    """'hield zich aan de afspraak, met N banen', 'voldeed aan het quotum met N': the target is
    what was met, the number with it what was realised."""
    check(
        tmp_path,
        [
            (
                "De marktsector hield zich ook in 2019 aan de afspraak, met ruim 52.000 banen.",
                {("marktsector", 2019, "realised_jobs", 52000)},
            ),
            (
                "De gemeenten voldeden in 2020 aan hun doelstelling met 7.300 banen.",
                {("gemeenten", 2020, "realised_jobs", 7300)},
            ),
        ],
    )


def test_f6_period_anaphora_and_spans(tmp_path: Path) -> None:
    """'tegen die tijd', 'op dat moment' take the period just named; 'binnen vier jaar' counts
    from the letter's date; 'in de periode 2015-2023' is the period's end year."""
    check(
        tmp_path,
        [
            (
                "Tegen 2024 moet de markt 80.000 banen hebben geschapen. De overheid moet "
                "tegen die tijd nog 20.000 banen hebben geschapen.",
                {
                    ("marktsector", 2024, "target_jobs", 80000),
                    ("overheid", 2024, "target_jobs", 20000),
                },
            ),
            (
                "Het plan van de gemeenten is om binnen vier jaar 30.000 banen te creëren.",
                {("gemeenten", 2025, "target_jobs", 30000)},
            ),
            (
                "Voor de mbo-instellingen geldt dat er in de periode 2015-2023 in totaal 700 "
                "extra banen gerealiseerd moeten worden.",
                {("mbo", 2023, "target_jobs", 700)},
            ),
        ],
    )


def test_f6_ceilings_and_shares_of_people_are_no_figures(tmp_path: Path) -> None:
    """'kunnen maximaal N extra banen ontstaan' is a ceiling on what may come; 'een deel van de
    mensen, ongeveer 45 procent, ...' is a share of people, not a realisation percentage."""
    check(
        tmp_path,
        [
            (
                "Met het nieuwe budget kunnen bij de ministeries dit jaar maximaal 300 extra "
                "banen ontstaan.",
                set(),
            ),
            (
                "Volgens de gemeenten kan een flink deel van de mensen, ongeveer 45 procent, "
                "voorlopig niet werken.",
                set(),
            ),
        ],
    )


def test_f6_a_sentence_without_sector_keeps_the_figure_before(tmp_path: Path) -> None:
    """'Daarmee geven zij invulling aan N banen bij de gemeenten. Eind 2019 stond de teller op
    M.': the count that names no sector is the sector of the figure before it."""
    check(
        tmp_path,
        [
            (
                "De brancheorganisaties hebben een plan. Daarmee geven zij invulling aan 9.000 "
                "extra banen bij de gemeenten in 2024. Eind 2019 stond de teller op 4.200 banen.",
                {
                    ("gemeenten", 2024, "target_jobs", 9000),
                    ("gemeenten", 2019, "realised_jobs", 4200),
                },
            ),
        ],
    )


def test_f7_a_scale_word_multiplies_the_digits(tmp_path: Path) -> None:
    """'12 duizend banen', 'ruim 20 duizend': digits and a scale word are one number (and a
    year before 'duizend' stays a year)."""
    check(
        tmp_path,
        [
            (
                "In 2019 moesten bij de provincies 12 duizend banen komen.",
                {("provincies", 2019, "target_jobs", 12000)},
            ),
            (
                "Bij de markt zijn in 2019 ruim 20 duizend banen gerealiseerd.",
                {("marktsector", 2019, "realised_jobs", 20000)},
            ),
        ],
    )


def test_f7_a_target_noun_frames_its_clause(tmp_path: Path) -> None:
    """'Het doel is dat er in 2024 N banen zijn bijgekomen, waarvan ...', 'Het plan is dat er
    ... zijn': what the clause after a target noun says is meant, whatever its verb, the parts
    after 'waarvan' too -- up to a contrast ('maar het werden er ...'). Being responsible for
    jobs is a target as well."""
    check(
        tmp_path,
        [
            (
                "Het doel van het akkoord is dat er in 2024 40.000 banen zijn bijgekomen, "
                "waarvan 30.000 bij de markt en 10.000 bij de overheid.",
                {
                    ("totaal", 2024, "target_jobs", 40000),
                    ("marktsector", 2024, "target_jobs", 30000),
                    ("overheid", 2024, "target_jobs", 10000),
                },
            ),
            (
                "Het plan is dat er volgend jaar 9.000 nieuwe banen zijn.",
                {("totaal", 2022, "target_jobs", 9000)},
            ),
            (
                "Het doel was dat de provincies in 2019 800 banen realiseerden, maar het "
                "werden er 750.",
                {
                    ("provincies", 2019, "target_jobs", 800),
                    ("provincies", 2019, "realised_jobs", 750),
                },
            ),
            (
                "De gemeenten zijn in 2024 verantwoordelijk voor 7.000 banen.",
                {("gemeenten", 2024, "target_jobs", 7000)},
            ),
        ],
    )


def test_f7_a_deadline_counts_from_the_year_the_sentence_names(tmp_path: Path) -> None:
    """'In 2014 beloofden zij om binnen vijf jaar tijd N banen te realiseren': 2019, counted
    from the year of the promise, not from the letter's date."""
    check(
        tmp_path,
        [
            (
                "In 2014 beloofden de provincies om binnen vijf jaar tijd 900 banen te realiseren.",
                {("provincies", 2019, "target_jobs", 900)},
            ),
        ],
    )


def test_f7_a_pointing_word_takes_up_the_sector_named_before(tmp_path: Path) -> None:
    """'Het doel voor deze sector ...', 'Bij de provincies ...: de werkgevers daar ...': the
    sector named just before (in the sentence before, or earlier in the same one), not all
    employers."""
    check(
        tmp_path,
        [
            (
                "In 2019 kwamen er bij de gemeenten 3.000 banen bij. Het doel voor deze sector "
                "was dat werkgevers er 4.000 zouden creëren.",
                {("gemeenten", 2019, "target_jobs", 4000)},
            ),
            (
                "Bij de provincies ging het beter: de werkgevers daar realiseerden in 2019 700 "
                "banen.",
                {("provincies", 2019, "realised_jobs", 700)},
            ),
        ],
    )


def test_year_a_news_item_reports_on_the_year_before_its_date(tmp_path: Path) -> None:
    """A news item on the yearly measurement comes out the year after it: an undated level
    in it is about the year the text names ('in 2022', 'vorig jaar', 'over 2022'), not the
    year of its dateline -- unless it speaks of a quarter of that year."""
    from tests.fixtures.letters import render_letter

    cases = [
        (
            [
                "Rotterdam, augustus 2023 – Werkgevers namen in 2022 weer meer mensen met een "
                "arbeidsbeperking aan.",
                "Bij de gemeenten kwam de teller uit op 9.450 banen.",
            ],
            {("gemeenten", 2022, "realised_jobs", 9450)},
        ),
        (
            [
                "Utrecht, 3 juni 2024 – De provincies haalden vorig jaar opnieuw hun doel niet. "
                "In 2019 lagen zij nog voor op schema.",
                "Bij de provincies bleef het aantal hangen op 1.240 banen, zo bleek eind vorig "
                "jaar.",
            ],
            {("provincies", 2023, "realised_jobs", 1240)},
        ),
        (
            [
                "Zwolle, juli 2017 – De jaarmeting over 2016 is binnen.",
                "Inmiddels telt de overheid 8.800 banen voor mensen uit de doelgroep.",
            ],
            {("overheid", 2016, "realised_jobs", 8800)},
        ),
    ]
    for i, (paragraphs, expected) in enumerate(cases):
        pdf = render_letter(tmp_path / f"item{i}.pdf", "Nieuws over de banenafspraak", paragraphs)
        assert facts(ingest_pdf(pdf).figures) == expected, paragraphs[0]


def test_last_a_part_of_the_whole_is_the_periods_target(tmp_path: Path) -> None:
    """'N van de M banen' is no reference ('21 van de 36 gemeenten') when it counts jobs: the
    part is what the period must reach, written with or without thousands dots; the whole
    is only what it is a part of."""
    check(
        tmp_path,
        [
            (
                "Voor 2020 moeten er 9000 van de 30000 banen bij de overheid zijn ingevuld.",
                {("overheid", 2020, "target_jobs", 9000)},
            ),
            (
                "Eind 2022 moeten de gemeenten 6000 van de 18000 banen hebben gerealiseerd.",
                {("gemeenten", 2022, "target_jobs", 6000)},
            ),
        ],
    )


def test_last_the_baselines_date_in_a_bracket_dates_no_figure(tmp_path: Path) -> None:
    """'ten opzichte van de nulmeting (peildatum: 1 januari 2013)': whatever labels the date in
    the bracket, it is the baseline's, not the year of the figure measured against it."""
    check(
        tmp_path,
        [
            ("Dit verslag gaat over de meting over 2019.", set()),
            (
                "De gemeenten hebben 3.500 banen gerealiseerd ten opzichte van de nulmeting "
                "(peildatum: 1 januari 2013).",
                {("gemeenten", 2019, "realised_jobs", 3500)},
            ),
            (
                "Bij de provincies zijn 640 banen gerealiseerd ten opzichte van de nulmeting "
                "(stand per 1 januari 2013).",
                {("provincies", 2019, "realised_jobs", 640)},
            ),
        ],
    )


def test_last_a_sentence_about_the_sector_carries_it_over(tmp_path: Path) -> None:
    """'..., waarvan 3.000 bij de gemeenten. Daarmee ligt de sector op koers. Eind 2019 moeten
    4.500 banen ...': a sentence that points at the sector named last, with no figure of its
    own, makes it the subject of what follows."""
    check(
        tmp_path,
        [
            (
                "In 2018 waren er 40.000 banen, waarvan 3.000 bij de gemeenten. Daarmee ligt de "
                "sector naar eigen zeggen op koers. Eind 2019 moeten 4.500 banen gecreëerd zijn.",
                {
                    ("totaal", 2018, "realised_jobs", 40000),
                    ("gemeenten", 2018, "realised_jobs", 3000),
                    ("gemeenten", 2019, "target_jobs", 4500),
                },
            ),
        ],
    )


def test_last_what_one_wants_done_by_a_date_is_a_target(tmp_path: Path) -> None:
    """'willen tegen 2025 N banen ... geregeld hebben': a volition verb with a perfect
    infinitive, whatever its participle, is a target for each value in its clause."""
    check(
        tmp_path,
        [
            (
                "Werkgevers en kabinet willen tegen 2025 minstens 80.000 banen in de marktsector "
                "en 20.000 bij de overheid geregeld hebben.",
                {
                    ("marktsector", 2025, "target_jobs", 80000),
                    ("overheid", 2025, "target_jobs", 20000),
                },
            ),
            (
                "Het kabinet wil in 2024 bij de gemeenten 6.000 banen voor mensen met een "
                "beperking gevonden hebben.",
                {("gemeenten", 2024, "target_jobs", 6000)},
            ),
        ],
    )


def test_last_providing_jobs_in_the_present_is_a_share_of_the_agreement(tmp_path: Path) -> None:
    """'De overheid zorgt voor 25.000 extra banen': in the present, the share a sector takes
    on under the agreement (a target); in the past, what it provided ('zorgden voor')."""
    check(
        tmp_path,
        [
            (
                "Volgens het akkoord zorgen de provincies voor 900 extra banen.",
                {("provincies", 2019, "target_jobs", 900)},  # undated: the report's year
            ),
            (
                "In 2019 zorgden de gemeenten voor 4.100 banen.",
                {("gemeenten", 2019, "realised_jobs", 4100)},
            ),
        ],
    )
