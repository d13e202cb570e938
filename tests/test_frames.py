"""Syntactic frames: a number's role is decided by the words around it, whatever the order.

Each test is one meaning (realised level, target level, baseline) or one mechanism (the
quantitative "er", a relative clause, a contrast, a verb of change ending on a level, a
collective adverb) in several frames, in sentences written for this test. Every sentence is
its own paragraph, rendered as a PDF and read like any other letter; the expected set is the
whole of what the letter must yield, so a change, an hour count or a register count next to
the figures must not become one.
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.letters import Fact, check_figures

DATELINE = "Utrecht, 3 mei 2022"


def check(tmp_path: Path, cases: list[tuple[str, set[Fact]]], dateline: str = DATELINE) -> None:
    check_figures(tmp_path, cases, dateline)


def test_contrast_of_meant_and_came(tmp_path: Path) -> None:
    """'waar N de bedoeling was, kwamen er M': the clause of intention holds the target, the
    clause set against it what came -- either order, with or without 'banen' after N."""
    check(
        tmp_path,
        [
            (
                "Waar 720 banen de bedoeling was, telden de waterschappen er in 2021 "
                "uiteindelijk 790.",
                {
                    ("waterschappen", 2021, "target_jobs", 720),
                    ("waterschappen", 2021, "realised_jobs", 790),
                },
            ),
            (
                "In 2021 kwam de politie uit op 1.480 banen, waar 1.600 het doel was.",
                {("politie", 2021, "realised_jobs", 1480), ("politie", 2021, "target_jobs", 1600)},
            ),
            (
                "Het mbo had in 2020 zijn doel gehaald: terwijl 1.700 banen de bedoeling waren, "
                "kwamen er 1.850.",
                {("mbo", 2020, "target_jobs", 1700), ("mbo", 2020, "realised_jobs", 1850)},
            ),
        ],
    )


def test_intention_is_a_target(tmp_path: Path) -> None:
    """What someone wants, plans or aims at is a target, in every verb form: 'wil dat er ...
    zijn', 'het plan om N banen te halen', 'mikte op N'; the next sentence's part keeps the
    year ('Daarvan moeten er M ...')."""
    check(
        tmp_path,
        [
            (
                "Het kabinet wil dat er in 2024 in totaal 90.000 extra banen zijn. Daarvan "
                "moeten er 72.000 bij private werkgevers komen.",
                {
                    ("totaal", 2024, "target_jobs", 90000),
                    ("marktsector", 2024, "target_jobs", 72000),
                },
            ),
            (
                "De regering wil dat de overheid in 2025 22.000 banen heeft.",
                {("overheid", 2025, "target_jobs", 22000)},
            ),
            (
                "Bij de gemeenten was in 2021 het plan om 9.400 banen te halen, maar het werden "
                "er 8.950.",
                {
                    ("gemeenten", 2021, "target_jobs", 9400),
                    ("gemeenten", 2021, "realised_jobs", 8950),
                },
            ),
            (
                "Waar de markt in 2021 op 60.000 banen mikte, bereikte zij 65.200 banen.",
                {
                    ("marktsector", 2021, "target_jobs", 60000),
                    ("marktsector", 2021, "realised_jobs", 65200),
                },
            ),
        ],
    )


def test_relative_clause_sets_a_bare_number(tmp_path: Path) -> None:
    """'iets minder dan de N die het zich als doel had gesteld': a relative clause with a
    metric cue makes a bare number a figure of that metric."""
    check(
        tmp_path,
        [
            (
                "Defensie kwam in 2021 uit op 1.020 banen, iets minder dan de 1.150 die het "
                "zich als doel had gesteld.",
                {
                    ("defensie", 2021, "realised_jobs", 1020),
                    ("defensie", 2021, "target_jobs", 1150),
                },
            ),
            (
                "De provincies haalden in 2021 420 banen, ruim meer dan de 380 die zij zich ten "
                "doel hadden gesteld.",
                {
                    ("provincies", 2021, "realised_jobs", 420),
                    ("provincies", 2021, "target_jobs", 380),
                },
            ),
        ],
    )


def test_level_beside_its_target(tmp_path: Path) -> None:
    """'zitten met N banen boven hun quotum van M' in every form of 'zitten' and with the
    year between: N is the level reached, M the target; 'N banen boven het doel' (no 'met')
    stays a gap."""
    check(
        tmp_path,
        [
            (
                "De gemeenten zitten in 2021 met 11.200 banen boven hun streefcijfer van 10.300.",
                {
                    ("gemeenten", 2021, "realised_jobs", 11200),
                    ("gemeenten", 2021, "target_jobs", 10300),
                },
            ),
            (
                "De waterschappen zaten in 2021 met 640 banen ruim boven hun taakstelling van 580.",
                {
                    ("waterschappen", 2021, "realised_jobs", 640),
                    ("waterschappen", 2021, "target_jobs", 580),
                },
            ),
            ("De provincies zaten in 2021 40 banen boven het doel.", set()),
        ],
    )


def test_change_that_ends_on_a_level(tmp_path: Path) -> None:
    """'groeide in 2021 tot N', 'is gestegen naar N', 'nam toe tot N': the level reached, in
    every form of the verb; 'met M' before it is the change, and 'N banen erbij' is none."""
    check(
        tmp_path,
        [
            (
                "Het aantal banen bij de gemeenten groeide in 2021 tot 13.700.",
                {("gemeenten", 2021, "realised_jobs", 13700)},
            ),
            (
                "Bij de provincies nam het aantal banen in 2021 toe tot 455.",
                {("provincies", 2021, "realised_jobs", 455)},
            ),
            (
                "Het aantal banen bij de umc's steeg in 2021 met 120 tot 2.240.",
                {("umc", 2021, "realised_jobs", 2240)},
            ),
            ("De markt zette in 2021 3.900 banen erbij.", set()),
        ],
    )


def test_collective_adverb_sums_its_subject(tmp_path: Path) -> None:
    """'samen' adds up the clause's subject: a named sector stays that sector, a group the
    vocabulary holds no sector for is not all employers; only unnamed employers are."""
    check(
        tmp_path,
        [
            (
                "Ministeries en uitvoeringsorganisaties realiseerden in 2021 samen 5.600 banen.",
                {("rijk", 2021, "realised_jobs", 5600)},
            ),
            (
                "Zorginstellingen realiseerden in 2021 samen 2.900 banen; dat was 80 procent "
                "van het quotum.",
                set(),
            ),
            (
                "Werkgevers realiseerden in 2021 samen 79.000 banen.",
                {("totaal", 2021, "realised_jobs", 79000)},
            ),
        ],
    )


def test_negatives_in_the_same_frames(tmp_path: Path) -> None:
    """The frames above, around numbers that are no sector's figure: one employer (also one
    of a sector, 'één provincie ... telde er N'), one region, a change, hours, the register, a
    share, a count of named things after the quantitative 'er'."""
    check(
        tmp_path,
        [
            (
                "Eind 2021 stonden er 1.350 mensen van de gemeente Rotterdam in een baan uit de "
                "banenafspraak.",
                set(),
            ),
            ("In de regio Twente kwamen er in 2021 2.400 banen bij.", set()),
            (
                "De gemeenten hadden in 2021 9.900 banen, 700 meer dan een jaar eerder.",
                {("gemeenten", 2021, "realised_jobs", 9900)},
            ),
            ("Een gemiddelde baan bij de gemeenten telde in 2021 25,5 uur per week.", set()),
            ("In 2021 stonden er 231.000 mensen in het doelgroepregister.", set()),
            ("Van de banen bij de overheid zat in 2021 38 procent bij de gemeenten.", set()),
            (
                "De provincies realiseerden in 2021 460 banen; één provincie alleen al telde "
                "er 95.",
                {("provincies", 2021, "realised_jobs", 460)},
            ),
            ("Eén kleine gemeente had er eind 2021 12 in dienst.", set()),
            ("Verder is afgesproken dat er 28 Lokale Loketten komen.", set()),
        ],
    )


def test_number_first_predicate_either_order(tmp_path: Path) -> None:
    """'while 430 had been the goal', 'terwijl 8.000 het doel was': a bare number whose
    metric is its predicate, the copula before or after the noun, in Dutch and English; a
    relative clause may name a year ('de 430 die voor 2021 waren afgesproken')."""
    check(
        tmp_path,
        [
            (
                "In 2021 the provinces reached 460 jobs, while 430 had been the goal.",
                {
                    ("provincies", 2021, "realised_jobs", 460),
                    ("provincies", 2021, "target_jobs", 430),
                },
            ),
            (
                "De teller van het hbo staat op 1.270 banen. Dat is meer dan de 1.180 die voor "
                "2021 waren afgesproken.",
                {("hbo", 2021, "realised_jobs", 1270), ("hbo", 2021, "target_jobs", 1180)},
            ),
        ],
    )


def test_english_expectation_and_outcome(tmp_path: Path) -> None:
    """'were expected to have N'; 'they ended up with M': an expectation is a target, what
    something ended up with is realised."""
    check(
        tmp_path,
        [
            (
                "Water boards were expected to have 700 jobs by 2021; they ended up with 745.",
                {
                    ("waterschappen", 2021, "target_jobs", 700),
                    ("waterschappen", 2021, "realised_jobs", 745),
                },
            ),
        ],
    )


def test_target_own_number_before_exceeding(tmp_path: Path) -> None:
    """'zijn taakstelling van 5.800 ruim overtroffen': the number the target noun introduces
    is the target, though 'overtroffen' follows it; the participle 'opgelopen tot' ends on a
    level."""
    check(
        tmp_path,
        [
            (
                "Defensie heeft in 2021 met 1.240 banen haar taakstelling van 1.150 ruim "
                "overtroffen.",
                {
                    ("defensie", 2021, "realised_jobs", 1240),
                    ("defensie", 2021, "target_jobs", 1150),
                },
            ),
            (
                "Het aantal banen bij de politie is in 2021 opgelopen tot 1.610.",
                {("politie", 2021, "realised_jobs", 1610)},
            ),
        ],
    )


def test_the_start_of_the_agreement_is_its_baseline(tmp_path: Path) -> None:
    """'Aan het begin van de afspraak hadden de gemeenten al N': what there was at the start
    is the baseline, also beside a total that counts it in ('zodat er nu in totaal M ...',
    which is no figure)."""
    check(
        tmp_path,
        [
            (
                "Aan het begin van de afspraak hadden de gemeenten al 3.900 banen.",
                {("gemeenten", None, "baseline_jobs", 3900)},
            ),
            (
                "Bij de start van de banenafspraak hadden de provincies al 210 mensen uit de "
                "doelgroep aan het werk, zodat er nu in totaal 690 aan de slag zijn.",
                {("provincies", None, "baseline_jobs", 210)},
            ),
        ],
    )
