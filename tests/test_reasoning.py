"""Reasoning answers on the real seed letter (and one generated letter for conflicts): real
PDF pipeline, real chromadb, real embeddings. Every computed number must be shown with its
arithmetic and recompute from cited figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from banen_qa.answer import answer_question
from banen_qa.answer.check import recomputed
from banen_qa.answer.letters import letters_of, resolve_scope
from banen_qa.corpus import IngestedDocument, ingest_pdf
from banen_qa.extract.validate import flag_conflicts
from banen_qa.models import Answer, Computed
from banen_qa.search.index import PassageIndex

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
SYNTH_2020 = ROOT / "eval" / "synth" / "letters" / "synth-001-voortgang-2020.pdf"
SYNTH_SECTOR_2020 = ROOT / "eval" / "synth" / "letters" / "synth-006-sector-2020.pdf"
SYNTH_2022 = ROOT / "eval" / "synth" / "letters" / "synth-007-voortgang-2022.pdf"
SYNTH_2023 = ROOT / "eval" / "synth" / "letters" / "synth-010-voortgang-2023.pdf"


@pytest.fixture(scope="module")
def seed(seed_ingested, seed_index) -> tuple[IngestedDocument, PassageIndex]:
    return seed_ingested, seed_index


def ask(seed, question: str) -> Answer:
    ingested, index = seed
    return answer_question(
        question, index=index, figures=ingested.figures, letters=letters_of([ingested])
    )


def cited_pages(a: Answer) -> set[int]:
    return {c.page for c in a.citations}


def test_difference_realised_minus_target_shows_arithmetic(seed) -> None:
    a = ask(seed, "By how many jobs did the provinces exceed their 2020 target?")
    assert not a.abstained
    assert "341 \u2212 331 = 10" in a.answer
    assert [c.value for c in a.computed] == [10]
    assert a.computed[0].inputs == [341, 331]
    assert 1 in cited_pages(a)
    assert all(c.title == "Voortgang Banenafspraak overheid en onderwijs" for c in a.citations)


def test_change_between_years(seed) -> None:
    a = ask(seed, "How many jobs did the police add between 2019 and 2021?")
    assert "663 \u2212 297 = 366" in a.answer
    assert 4 in cited_pages(a)


def test_ranking_most_jobs(seed) -> None:
    a = ask(seed, "Which sector had the most jobs in 2020?")
    assert a.answer.lower().startswith("municipalities")
    assert "5,500" in a.answer
    # it weighed the other sectors' figures too, each cited
    assert {1, 2, 3, 4} <= cited_pages(a)


def test_best_sector_in_the_letters_own_words(seed) -> None:
    a = ask(seed, "Which sector did best in 2020?")
    assert not a.abstained
    assert "positieve uitzonderingen" in a.answer
    assert "municipalities" in a.answer and "provinces" in a.answer


def test_why_quotes_the_reason_sentence_after_the_figure(seed) -> None:
    a = ask(seed, "Why did universities create few new jobs in 2020?")
    assert not a.abstained
    assert a.answer.startswith("The letter gives this reason:")
    assert "corona" in a.answer.lower()
    assert 6 in cited_pages(a)


def test_met_target_with_the_letters_words(seed) -> None:
    a = ask(seed, "Heeft de gemeenten hun doel gehaald?")
    assert not a.abstained
    assert "5.500" in a.answer and "5.250" in a.answer
    assert "behaald" in a.answer


def test_hbo_figure_brings_its_coverage_footnote(seed) -> None:
    a = ask(seed, "Hoeveel banen heeft het hbo in 2020 gerealiseerd?")
    assert "408" in a.answer
    assert "21 van de 36" in a.answer
    assert any("21 van de 36" in c.quote for c in a.citations)


def test_unanswerable_abstains_without_a_number(seed) -> None:
    for question in (
        "How many jobs did the provinces realise in 2019?",
        "Why did Defensie's realisation rate drop in 2021?",
    ):
        a = ask(seed, question)
        assert a.abstained, question
        assert not any(ch.isdigit() for ch in a.answer.replace("2019", "").replace("2021", ""))


def test_gate_accepts_only_recomputed_numbers() -> None:
    quotes = ["Zij hebben 341 banen gerealiseerd.", "Het doel was in 2020 331 banen."]
    good = Computed(value=10, expression="341 − 331 = 10", op="difference", inputs=[341, 331])
    wrong = Computed(value=12, expression="341 − 331 = 12", op="difference", inputs=[341, 331])
    unsourced = Computed(value=20, expression="351 − 331 = 20", op="difference", inputs=[351, 331])
    assert recomputed([good, wrong, unsourced], quotes) == {10}


def test_conflict_between_two_letters(seed, tmp_path) -> None:
    ingested, index = seed
    other = ingest_pdf(SYNTH_2020)
    figures = flag_conflicts(ingested.figures + other.figures)
    provinces = [
        f
        for f in figures
        if f.sector == "provincies" and f.year == 2020 and f.metric == "realised_jobs"
    ]
    assert {f.value for f in provinces} == {341, 200}
    assert all("conflict" in f.warnings for f in provinces)
    letters = letters_of([ingested, other])
    a = answer_question(
        "How many jobs did the provinces realise in 2020?",
        index=index,
        figures=figures,
        letters=letters,
    )
    assert "341" in a.answer and "200" in a.answer
    assert "letters differ" in a.answer
    assert {c.document for c in a.citations} == {ingested.doc.document, other.doc.document}


def test_letter_reference_resolves_to_a_document() -> None:
    other = ingest_pdf(SYNTH_2020)
    scope = resolve_scope(
        "What did the progress letter on 2020 say about the police?", letters_of([other])
    )
    assert scope.documents == [other.doc.document]
    assert scope.letter_years == [2020]


@pytest.fixture(scope="module")
def mixed(seed, tmp_path_factory) -> tuple[list[IngestedDocument], PassageIndex]:
    """The seed letter (on 2020), a sector report on 2020 and progress letters on 2022 and
    2023, which repeat the seed letter's "positive exceptions" sentence about other years."""
    others = [ingest_pdf(SYNTH_SECTOR_2020), ingest_pdf(SYNTH_2022), ingest_pdf(SYNTH_2023)]
    docs = [seed[0], *others]
    data = tmp_path_factory.mktemp("mixed-index")
    # the seed letter's vectors are cached already: copy them, embed only the others
    shutil.copy(seed[1].data_dir / "vectors.sqlite", data / "vectors.sqlite")
    index = PassageIndex(data)
    index.add([p for d in docs for p in d.passages])
    return docs, index


def ask_mixed(mixed, question: str) -> Answer:
    docs, index = mixed
    figures = flag_conflicts([f for d in docs for f in d.figures])
    return answer_question(question, index=index, figures=figures, letters=letters_of(docs))


def test_figure_the_table_lacks_is_quoted_from_its_sentence(mixed) -> None:
    a = ask_mixed(mixed, "Hoeveel banen telde de politie eind 2012?")
    assert not a.abstained
    assert a.answer.startswith("De cijfertabel bevat dit cijfer niet")
    assert "51" in a.answer
    assert [(c.document, c.page) for c in a.citations] == [("synth-006-sector-2020", 1)]
    # another year: no sentence with that sector, year and amount, so no number at all
    a = ask_mixed(mixed, "Hoeveel banen telde de politie eind 2011?")
    assert a.abstained
    assert not any(ch.isdigit() for ch in a.answer)


def test_best_question_answers_from_the_letter_on_that_year(mixed) -> None:
    a = ask_mixed(mixed, "Which sector did best in 2020?")
    assert not a.abstained
    assert "municipalities" in a.answer and "provinces" in a.answer
    assert {c.document for c in a.citations} == {mixed[0][0].doc.document}
    assert 1 in cited_pages(a)


def test_why_in_english_finds_the_dutch_reason_of_that_sector(seed) -> None:
    a = ask(seed, "Why were no new jobs created at the research institutes in 2020?")
    assert not a.abstained and "corona" in a.answer.lower()
    assert 6 in cited_pages(a)


def test_why_a_problem_quotes_the_obstacle_and_its_continuation(seed) -> None:
    a = ask(seed, "Waarom is de overstap van de politie naar vaste aanstellingen een probleem?")
    assert "niet volledig zijn gedekt" in a.answer and 4 in cited_pages(a)
    a = ask(seed, "Waarom vinden de provincies het lastig om nieuwe banen te realiseren?")
    assert "corona" in a.answer and "thuiswerken" in a.answer


def test_which_question_quotes_the_whole_list(seed) -> None:
    a = ask(seed, "Welke sporen volgen de provincies in hun vijfsporenbeleid?")
    for item in ("Monitoren", "Innoveren", "Consolideren", "Uitdragen", "Landelijke"):
        assert item in a.answer


def test_no_reason_or_amount_in_the_letter_abstains(seed) -> None:
    for question in (
        "Waarom daalde het realisatiepercentage van het Rijk van 2019 naar 2020?",
        "What is the average salary of employees in the Banenafspraak target group?",
    ):
        a = ask(seed, question)
        assert a.abstained, (question, a.answer)


def test_met_target_without_a_year_follows_the_letter_that_says_so(mixed) -> None:
    a = ask_mixed(mixed, "Did the municipalities meet their target?")
    assert "reeds behaald" in a.answer and "5,500" in a.answer and "5,250" in a.answer
    assert "other letters give figures for other years" in a.answer
    assert {c.document for c in a.citations} == {mixed[0][0].doc.document}
    # a year named: that year's letter, with its own words when it has them
    a = ask_mixed(mixed, "Hebben de waterschappen in 2023 hun doel gehaald?")
    assert a.answer.startswith("Ja") and "463" in a.answer and "369" in a.answer
    assert "behaald" in a.answer


def test_gap_and_above_or_below_target_are_differences(mixed) -> None:
    """'How far above target', 'hoeveel scheelde het', 'boven of onder': realised − target."""
    a = ask_mixed(mixed, "How far above target were the police in 2022?")
    assert "581 \u2212 540 = 41" in a.answer
    a = ask_mixed(
        mixed, "Hoeveel scheelde het tussen de realisatie en het quotum van het mbo in 2022?"
    )
    assert "900 \u2212 535 = 365" in a.answer and {2, 3} <= cited_pages(a)
    a = ask_mixed(
        mixed, "Lagen de provincies in 2023 boven of onder hun doelstelling, en met hoeveel banen?"
    )
    assert "345 \u2212 323 = 22" in a.answer


def test_how_did_it_develop_is_arithmetic_not_a_why(mixed) -> None:
    a = ask_mixed(mixed, "How did the zbo's jobs develop from 2022 to 2023?")
    assert "1,486.99 \u2212 1,308.81 = 178.18" in a.answer
    assert {c.document for c in a.citations} >= {SYNTH_2022.stem, SYNTH_2023.stem}


def test_total_target_and_furthest_behind(mixed) -> None:
    a = ask_mixed(mixed, "Wat was het totale doel van de gemeenten en het Rijk voor 2023?")
    assert "4.923 + 4.000 = 8.923" in a.answer
    a = ask_mixed(
        mixed,
        "Welke sector bleef in 2022 het verst achter bij het quotum, volgens de "
        "overzichtstabel van de voortgangsbrief over 2022?",
    )
    assert a.answer.startswith("Universiteiten") and "78,6%" in a.answer


def test_sector_that_names_the_letter_is_not_a_sector_asked(mixed) -> None:
    """'the sector report on the police (2020)' names a letter: the police are not summed."""
    a = ask_mixed(
        mixed,
        "How many jobs did Defensie and the central government realise "
        "together in 2020 according to table 2 of the sector report on the "
        "police (2020)?",
    )
    assert "287 + 1,703 = 1,990" in a.answer


def test_dutch_ranking_question_is_answered_in_dutch(mixed) -> None:
    """'Welke ... had in 2023 het laagste ...': Dutch, though 'had' and 'in' are English too."""
    a = ask_mixed(mixed, "Welke onderwijssector had in 2023 het laagste realisatiepercentage?")
    assert a.language == "nl" and a.answer.startswith("Universiteiten") and "84,1%" in a.answer


def test_which_sectors_fell_short_is_a_filter_over_the_table(mixed) -> None:
    a = ask_mixed(
        mixed,
        "Which sectors fell short of their quota in 2023 according to the overview table "
        "of the progress letter on 2023?",
    )
    assert not a.abstained
    short, met = a.answer.split("Met the 2023")[0], a.answer.split("Met the 2023")[1]
    for pct in ("84.7%", "84.1%", "92.1%"):
        assert pct in short
    assert "Police (642 / 600; 107%)" in met.split("Figures used")[0]
    assert {(c.document, c.page) for c in a.citations} == {(SYNTH_2023.stem, 3)}


def test_sum_over_the_sector_rows_of_a_named_table(mixed) -> None:
    a = ask_mixed(
        mixed,
        "How many jobs did the sectors in the overview table of the progress letter on 2023 "
        "realise together?",
    )
    assert "104.23 + 1,293 + 1,486.99 + 642 = 3,526.22" in a.answer
    assert recomputed(a.computed, [c.quote for c in a.citations]) == {3526.22}


def test_sectors_named_as_positive_exceptions(mixed) -> None:
    a = ask_mixed(
        mixed, "Which two sectors were named as positive exceptions in the progress letter on 2022?"
    )
    assert "municipalities" in a.answer and "provinces" in a.answer
    assert (SYNTH_2022.stem, 2) in {(c.document, c.page) for c in a.citations}


def test_why_of_a_year_without_a_reason_abstains(mixed) -> None:
    a = ask_mixed(mixed, "Waarom daalde het aantal banen bij de universiteiten in 2022?")
    assert a.abstained


def ask_trend_2023(tmp_path_factory, question: str) -> Answer:
    """A question over the generated trend report on 2023 alone."""
    doc = ingest_pdf(ROOT / "eval" / "synth" / "letters" / "synth-005-trend-2023.pdf")
    index = PassageIndex(tmp_path_factory.mktemp("trend-2023"))
    index.add(doc.passages)
    return answer_question(question, index=index, figures=doc.figures, letters=letters_of([doc]))


def test_list_under_the_named_heading_is_quoted_whole(tmp_path_factory) -> None:
    a = ask_trend_2023(
        tmp_path_factory, "Welke acties noemt de werkagenda in de trendrapportage over 2023?"
    )
    assert not a.abstained
    assert a.answer.count("\u2022") == 5
    assert "traineeships" in a.answer and "themadagen" in a.answer
    assert {c.page for c in a.citations} == {2}


def test_threshold_is_read_from_the_comparison_before_a_number() -> None:
    from banen_qa.answer.operations import threshold_in

    assert threshold_in("Which sectors realised more than 1,000 jobs in 2023?") == (
        1000,
        False,
        False,
    )
    assert threshold_in("Noem de sectoren die minder dan 90% van hun quotum haalden") == (
        90,
        True,
        True,
    )
    # a year after "over" is the period, not a threshold
    assert threshold_in("Welke sectoren rapporteerden over 2021?") is None


def test_which_sectors_above_a_threshold_is_a_filter_citing_every_figure(mixed) -> None:
    a = ask_mixed(
        mixed,
        "Which sectors realised more than 1,000 jobs in 2023 according to the progress "
        "letter on 2023?",
    )
    passed, rest = a.answer.split("Not:")[0], a.answer.split("Not:")[1].split("Figures used")[0]
    for name, value in (("municipalities", "3,795"), ("central government", "2,679")):
        assert f"{name} ({value})" in passed
    assert "universities (1,293)" in passed and "1,486.99" in passed
    assert "water boards (463)" in rest and "Police (642)" in rest
    assert {(c.document, c.page) for c in a.citations} == {(SYNTH_2023.stem, p) for p in (1, 2, 3)}


def test_education_sectors_below_a_percentage_in_a_named_table(mixed) -> None:
    a = ask_mixed(
        mixed,
        "Noem de onderwijssectoren in de overzichtstabel van de voortgangsbrief over 2023 die "
        "minder dan 90% van hun quotum haalden.",
    )
    assert a.language == "nl" and a.answer.startswith("Sectoren onder 90%")
    assert "84,7%" in a.answer and "84,1%" in a.answer
    assert "92,1" not in a.answer  # the zbo's are no education sector


def test_overtrof_is_a_difference_with_its_arithmetic(mixed) -> None:
    a = ask_mixed(mixed, "Met hoeveel banen overtrof de politie in 2022 de doelstelling?")
    assert "581 \u2212 540 = 41" in a.answer


def test_measures_question_quotes_the_list_a_sentence_opens(seed) -> None:
    a = ask(seed, "Welke maatregelen neemt het Rijk volgens de brief van Ollongren?")
    assert "INBA" in a.answer and "inclusief werkklimaat" in a.answer
    assert 3 in cited_pages(a)


def test_how_which_brings_the_sentence_that_goes_on(seed) -> None:
    """'Er zijn activiteiten ... Voorbeelden zijn ...', '... SROI. Hoewel deze banen ...'"""
    a = ask(
        seed,
        "Which activities did the universities undertake in 2020, according to Ollongren's letter?",
    )
    assert "ambassadeursnetwerk" in a.answer and 6 in cited_pages(a)
    a = ask(seed, "How are the jobs the water boards create through SROI counted?")
    assert "niet meetellen" in a.answer and 3 in cited_pages(a)


def test_market_and_government_together_answers_with_the_total(tmp_path_factory) -> None:
    a = ask_trend_2023(
        tmp_path_factory, "Hoeveel banen realiseerden markt en overheid samen in 2022?"
    )
    assert "Alle werkgevers samen (het totaal van de brief) in 2022: 86.146,93" in a.answer
    assert "70.600,44 + 15.546,49 = 86.146,93" in a.answer
    assert any(f.sector == "totaal" for f in a.figures)
