"""Figure and computed answers read by meaning, as blind questions ask them: a sector that
only owns or speaks a document ("het bericht van de Rijksoverheid", "the government's news
items", "het totaal dat de Rijksoverheid noemt") is not a sector asked; a document's date and
a period span are no years asked; a modal of obligation asks for the target; "the agreement"
and "de overeenkomst" are no "agree"; years are ranked; a sum is held against the total its
parts make; two sources of one figure ask each one's; "on course" asks whether a target was
met; a count a letter states as owed ranks after the count it states as done. Every sentence
here is written for these tests."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse
from banen_qa.answer.letters import Scope
from banen_qa.answer.operations import Operation, parse_operation
from banen_qa.answer.table import Table
from banen_qa.models import Figure
from tests.fixtures.letters import ask_corpus, news_corpus

ITEMS = [
    (
        "teller-2024.pdf",
        "Den Haag, 3 juni 2025 \u2013 Cijfers over 2024.",
        [
            "De teller stond in 2024 op 90.400 extra banen, waarvan 77.300 bij "
            "marktwerkgevers en 13.100 bij overheidswerkgevers.",
            "De doelstelling van de banenafspraak voor 2024 is het realiseren van 99.000 "
            "extra banen.",
        ],
        "Nieuwsbericht: teller banenafspraak 2024",
    ),
    (
        "teller-2023.pdf",
        "Den Haag, 5 juni 2024 \u2013 Cijfers over 2023.",
        [
            "De teller stond in 2023 op 86.250 extra banen, waarvan 73.900 bij "
            "marktwerkgevers en 12.350 bij overheidswerkgevers.",
        ],
        "Nieuwsbericht: teller banenafspraak 2023",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("answers-fresh6-general"), ITEMS)


def _op(question: str, scope: Scope | None = None) -> Operation | None:
    return parse_operation(question, analyse(question), scope or Scope())


def test_a_sector_that_owns_or_speaks_a_document_is_not_counted() -> None:
    for question, sectors in (
        (
            "Hoeveel banen telde de markt in 2024 volgens het nieuwsbericht van de Rijksoverheid?",
            ["marktsector"],
        ),
        (
            "Going by the government's news items, how many jobs did the market add in 2024?",
            ["marktsector"],
        ),
        (
            "Tel markt en overheid over 2024 op; klopt het totaal dat de Rijksoverheid noemt?",
            ["marktsector", "overheid", "totaal"],
        ),
        # the same sector named once more as what is counted stays asked
        (
            "Going by the government's news items, did the public sector's count rise in 2024?",
            ["overheid"],
        ),
    ):
        assert analyse(question).sectors == sectors, question


def test_the_count_of_all_employers_changes_between_two_years_not_a_sum(items) -> None:
    for question in (
        "Met hoeveel banen liep de teller van alle werkgevers samen op tussen 2023 en 2024, "
        "volgens de berichten van de Rijksoverheid?",
        "Going by the government's news items, by how much did the count of all employers "
        "grow between 2023 and 2024?",
    ):
        a = ask_corpus(items, question)
        assert [c.value for c in a.computed] == [4150], (question, a.answer)


def test_a_sum_is_held_against_the_total_its_parts_make(items) -> None:
    question = (
        "Tel de banen van marktwerkgevers en overheidswerkgevers over 2024 op. Komt dat uit "
        "op het totaal dat de Rijksoverheid noemt?"
    )
    op = _op(question)
    assert op is not None and op.kind == "sum" and op.sectors == ["marktsector", "overheid"]
    a = ask_corpus(items, question)
    assert "77.300 + 13.100 = 90.400" in a.answer, a.answer


def test_a_documents_date_and_a_period_span_are_no_years_asked() -> None:
    assert analyse("Wat was volgens het bericht van juni 2025 het doel voor 2024?").years == [2024]
    assert analyse("By when is the target due according to the item of October 2023?").years == []
    assert analyse("Hoeveel banen moesten de scholen in de periode 2015-2025 scheppen?").years == []
    assert analyse("How many jobs over the period 2016 to 2026 for the schools?").years == []


def test_a_modal_of_obligation_asks_the_target() -> None:
    for question in (
        "Hoeveel banen moesten de gemeenten samen realiseren?",
        "How many jobs did the covenant require the water boards to create?",
        "How many jobs were the provinces supposed to achieve in 2019?",
        "Hoeveel banen had de markt in 2019 moeten halen?",
    ):
        assert analyse(question).metrics[:1] == ["target_jobs"], question
    assert analyse("Hoeveel banen realiseerden de gemeenten in 2019?").metrics[:1] == [
        "realised_jobs"
    ]


def test_the_agreement_as_a_noun_asks_no_comparison_of_letters() -> None:
    for question in (
        "In 2024, which side of the agreement realised more jobs: the market or the government?",
        "Welke kant van de overeenkomst realiseerde in 2024 meer banen, markt of overheid?",
    ):
        op = _op(question)
        assert op is not None and op.kind == "ranking", question
    op = _op("Two items give the market's 2024 count. Do they agree?")
    assert op is not None and op.kind == "across"


def test_the_difference_between_what_was_due_and_what_was_done_is_an_amount() -> None:
    op = _op("Hoe groot was in 2024 het verschil tussen wat de markt moest halen en wat ze haalde?")
    assert op is not None and op.kind == "difference"


def test_named_years_are_ranked(items) -> None:
    op = _op("Rank 2023 and 2024 by the total number of extra jobs.")
    assert op is not None and op.kind == "ranking" and op.over_years and op.sectors == ["totaal"]
    a = ask_corpus(items, "Rank 2023 and 2024 by the total number of extra jobs.")
    assert "2024: 90,400; 2023: 86,250" in a.answer, a.answer


def test_on_course_for_a_goal_asks_whether_it_was_met(items) -> None:
    a = ask_corpus(items, "Were employers on course for the 2024 goal of the job agreement?")
    assert a.answer.startswith("No"), a.answer
    assert "90,400" in a.answer and "99,000" in a.answer, a.answer


def test_two_sources_of_one_figure_ask_each_ones_figure() -> None:
    pinned = Scope(documents=["b"], named=[["b"]])
    for question in (
        "Hoeveel banen had de markt in 2024 volgens het ene bericht, en hoeveel volgens B?",
        "How many jobs did the market have in 2024 according to A, and how does B put it?",
    ):
        op = _op(question, pinned)
        assert op is not None and op.kind == "across", question
        assert op.scope.documents is None, question  # one source not pinned: every letter


def _count(value: float, quote: str) -> Figure:
    return Figure(
        document="d",
        sector="overheid",
        year=2024,
        metric="realised_jobs",
        value=value,
        unit="jobs",
        page=1,
        char_start=0,
        char_end=1,
        quote=quote,
    )


def test_a_count_stated_as_owed_ranks_after_the_count_stated_as_done() -> None:
    owed = _count(17000, "In 2024 hadden bij de overheid 17.000 banen gerealiseerd moeten zijn.")
    done = _count(13100, "De overheid realiseerde in 2024 13.100 banen.")
    op = Operation(kind="change", sectors=["overheid"], years=[2023, 2024], metric="realised_jobs")
    table = Table([owed, done], op, [])
    found = table.get("d", "overheid", 2024, "realised_jobs")
    assert found is not None and found.value == 13100
