"""Figure and computed answers read by meaning, as the blind fresh7 questions ask them: a
question about what success depends on asks for an explanation, not a figure; one sector's
targets are put in order ("van klein naar groot"); the parts of a total are added up; a
document's date written before it ("the March 2020 item") is no year asked, and a year asked
stays asked where a document carries the same one; "the counter" is all employers; what was
planned or what a sector answers for is its target; a shortfall or an overshoot is the gap
to the target; two named documents give each one's target and count, and a comparison that
names two documents takes one figure from each. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse, asks_factor
from banen_qa.answer.letters import Scope
from banen_qa.answer.operations import Operation, parse_operation
from banen_qa.answer.reasoning import reason
from banen_qa.models import Figure
from tests.fixtures.letters import ask_corpus, news_corpus

ITEMS = [
    (
        "monitor-2019.pdf",
        "Utrecht, 12 maart 2020 \u2013 Cijfers over 2019.",
        [
            "De overheid heeft in 2019 8.200 extra banen gerealiseerd.",
            "Het doel van de overheid voor 2019 was 11.500 extra banen.",
            "Het doel van de overheid voor 2022 is 19.000 extra banen.",
            "Het doel van de overheid voor 2025 is 25.000 extra banen.",
            "De marktsector realiseerde in 2019 41.300 extra banen.",
            "Het doel van de marktsector voor 2019 was 35.000 extra banen.",
            "Volgens de minister is de inzet van leidinggevenden doorslaggevend voor het succes "
            "bij de overheid.",
        ],
        "Nieuwsbericht: monitor banenafspraak 2019",
    ),
    (
        "doelen-2026.pdf",
        "Zwolle, 2 februari 2021 \u2013 Doelen tot 2026.",
        [
            "Het doel van de marktsector voor 2026 is 100.000 extra banen.",
            "Het doel van de overheid voor 2026 is 25.000 extra banen.",
        ],
        "Nieuwsbericht: doelen banenafspraak 2026",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("answers-fresh7-general"), ITEMS)


def _op(question: str, scope: Scope | None = None) -> Operation | None:
    return parse_operation(question, analyse(question), scope or Scope())


def test_a_question_about_what_success_depends_on_asks_no_figure(items) -> None:
    for question in (
        "Wat is volgens de minister doorslaggevend voor het succes bij de overheid in 2019?",
        "What is the key factor for success at the government in 2019, according to the minister?",
        "Waar hangt het succes bij de overheid in 2019 van af?",
    ):
        assert asks_factor(question), question
    assert not asks_factor("Hoeveel banen realiseerde de overheid in 2019?")
    a = ask_corpus(
        items, "Wat is volgens de minister doorslaggevend voor het succes bij de overheid in 2019?"
    )
    assert "leidinggevenden" in a.answer, a.answer


def test_one_sectors_targets_are_put_in_order(items) -> None:
    for question in (
        "Zet de doelen van de overheid op volgorde van klein naar groot.",
        "Zet de drie overheidsdoelen op volgorde van klein naar groot.",
        "Order the government's targets from small to large.",
        "Sort the government's targets in ascending order.",
    ):
        op = _op(question)
        assert op is not None and op.kind == "ranking" and op.over_years, question
        assert op.sectors == ["overheid"] and op.low and op.metric == "target_jobs", question
    a = ask_corpus(items, "Zet de drie overheidsdoelen op volgorde van klein naar groot.")
    text = a.answer
    assert 0 <= text.index("11.500") < text.index("19.000") < text.index("25.000"), text
    # "in order to" asks for no order
    op = _op("How many jobs did the government need in 2019 in order to meet its target?")
    assert op is None or op.kind != "ranking"


def test_the_parts_of_a_total_are_added_up(items) -> None:
    for question in (
        "Uit welke twee delen bestaat het doel van de banenafspraak voor 2026, en wat is de som?",
        "Which two parts make up the 2026 target of the job agreement, and what do they add up to?",
    ):
        op = _op(question)
        assert op is not None and op.kind == "sum", question
        assert op.sectors == ["marktsector", "overheid"], question
    a = ask_corpus(
        items,
        "Uit welke twee delen bestaat het doel van de banenafspraak voor 2026, en wat is de som?",
    )
    assert "100.000 + 25.000 = 125.000" in a.answer, a.answer


def test_a_documents_date_before_it_is_no_year_asked() -> None:
    assert analyse("What was the government's 2019 target in the March 2020 news item?").years == [
        2019
    ]
    assert analyse("How many jobs did the market add in the 2021 report?").years == []
    # the year asked stays asked where the document carries the same one
    assert analyse(
        "Waar stond de teller halverwege 2020 volgens het bericht van november 2020?"
    ).years == [2020]
    # a year that a document reports on is asked ("2020 in de brief van ...")
    assert analyse("Hoeveel banen had de overheid in 2020 in de brief van de minister?").years == [
        2020
    ]


def test_the_counter_is_all_employers() -> None:
    for question in (
        "Where did the counter stand at the end of 2019?",
        "Waar stond de teller eind 2019?",
        "Op hoeveel banen stond de banenteller in 2019?",
    ):
        assert analyse(question).sectors == ["totaal"], question


def test_what_was_planned_or_owed_is_the_target() -> None:
    for question in (
        "Hoeveel banen waren er voor de gemeenten in 2019 gepland?",
        "How many jobs were planned for the provinces in 2019?",
        "How many jobs are the municipalities accountable for by 2023?",
        "Voor hoeveel banen zijn de gemeenten verantwoordelijk in 2023?",
    ):
        assert analyse(question).metrics[:1] == ["target_jobs"], question


def test_a_shortfall_or_an_overshoot_is_the_gap_to_the_target(items) -> None:
    for question, gap in (
        ("How large was the government's shortfall against its 2019 target?", "3,300"),
        ("Hoe ver bleef de overheid in 2019 achter bij wat er gepland was?", "3.300"),
        (
            "How large was the government's shortfall against its end-2019 target in the "
            "March 2020 news item?",
            "3,300",
        ),
        ("Met hoeveel banen ging de marktsector in 2019 over zijn doel heen?", "6.300"),
    ):
        a = ask_corpus(items, question)
        assert gap in a.answer, (question, a.answer)


def _fig(doc: str, year: int, metric: str, value: float, sector: str = "marktsector") -> Figure:
    return Figure(
        document=doc,
        sector=sector,
        year=year,
        metric=metric,
        value=value,
        unit="jobs",
        page=1,
        char_start=0,
        char_end=1,
        quote=f"In {year} {value:.0f} banen.",
    )


def test_two_named_documents_give_each_ones_target_and_count() -> None:
    scope = Scope(documents=["a", "b"], named=[["a"], ["b"]])
    question = "Compare the market's 2018 target and outcome in A with B."
    op = _op(question, scope)
    assert op is not None and op.kind == "across"
    figures = [
        _fig("a", 2018, "target_jobs", 21000),
        _fig("a", 2018, "realised_jobs", 27400),
        _fig("b", 2018, "target_jobs", 26000),
        _fig("b", 2018, "realised_jobs", 31000),
    ]
    a = reason(question, op, "en", figures, [])
    assert a is not None
    for value in ("21,000", "27,400", "26,000", "31,000"):
        assert value in a.answer, a.answer


def test_a_comparison_naming_two_documents_takes_one_figure_from_each() -> None:
    scope = Scope(documents=["a", "b"], named=[["b"], ["a"]])
    question = (
        "Lagen de gemeenten al op koers voor hun doel van 2023? Vergelijk het doel uit B met "
        "het aantal banen van 2020 in A."
    )
    op = _op(question, scope)
    assert op is not None and op.kind == "met_target"
    figures = [
        _fig("a", 2023, "target_jobs", 4800, "gemeenten"),
        _fig("a", 2020, "realised_jobs", 5100, "gemeenten"),
        _fig("b", 2023, "target_jobs", 4800, "gemeenten"),
    ]
    a = reason(question, op, "nl", figures, [])
    assert a is not None and {c.document for c in a.citations} == {"a", "b"}, a.answer


def test_a_target_met_already_quotes_the_letters_own_words() -> None:
    question = "Had de gemeenten eind 2020 hun doel voor 2023 al binnen?"
    op = _op(question)
    assert op is not None and op.kind == "met_target"
    said = _fig("a", 2023, "target_jobs", 4800, "gemeenten").model_copy(
        update={"quote": "Daarmee is het doel van 4.800 banen voor 2023 nu al bereikt."}
    )
    figures = [said, _fig("a", 2020, "realised_jobs", 5100, "gemeenten")]
    a = reason(question, op, "nl", figures, [])
    assert a is not None and "al bereikt" in a.answer, a.answer
