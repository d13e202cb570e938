"""Computed answers read by meaning, as the opened blind question sets ask them: a sum
that names no realised count ("the total for 2028 and its parts") adds up the targets
where no count of that year exists yet, and still abstains where a realised count is
asked; "how many more jobs did X have in 2020 than in 2017" is a change of one sector
between two years, also when two documents are named, not a gap to a target. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse
from banen_qa.answer.letters import Scope
from banen_qa.answer.operations import Operation, parse_operation
from tests.fixtures.letters import ask_corpus, news_corpus

ITEMS = [
    (
        "vooruitblik-2028.pdf",
        "Arnhem, 4 mei 2024 \u2013 Vooruitblik op de banenafspraak.",
        [
            "Het doel van de marktsector voor 2028 is 96.000 extra banen.",
            "Het doel van de overheid voor 2028 is 27.000 extra banen.",
        ],
        "Nieuwsbericht: vooruitblik banenafspraak 2028",
    ),
    (
        "stand-2017.pdf",
        "Leiden, 9 juni 2018 \u2013 Stand over 2017.",
        ["De overheid heeft in 2017 4.150 extra banen gerealiseerd."],
        "Nieuwsbericht: stand overheid 2017",
    ),
    (
        "stand-2020.pdf",
        "Breda, 14 juli 2021 \u2013 Stand over 2020.",
        ["De overheid heeft in 2020 10.240 extra banen gerealiseerd."],
        "Nieuwsbericht: stand overheid 2020",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("answers-last"), ITEMS)


def _op(question: str) -> Operation | None:
    return parse_operation(question, analyse(question), Scope())


@pytest.mark.parametrize(
    "question",
    [
        "Welke twee delen vormen het totaal voor 2028, en hoeveel is dat samen?",
        "Which parts make up the total for 2028, and what do they add up to?",
        "Hoeveel banen hebben markt en overheid in 2028 samen?",
    ],
)
def test_a_sum_naming_no_count_adds_the_targets_of_a_year_without_one(items, question) -> None:
    a = ask_corpus(items, question)
    assert not a.abstained, a.answer
    assert "123.000" in a.answer or "123,000" in a.answer, a.answer


def test_a_sum_asking_a_realised_count_takes_no_target(items) -> None:
    question = "Hoeveel banen hebben markt en overheid in 2028 samen gerealiseerd?"
    op = _op(question)
    assert op is not None and op.kind == "sum" and not op.or_target
    a = ask_corpus(items, question)
    assert "123.000" not in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel banen meer had de overheid in 2020 dan in 2017?",
        "How many more jobs did the government have in 2020 than in 2017?",
        "Hoeveel banen meer telde de overheid in 2020 dan in 2017, als je het bericht uit "
        "Leiden en dat uit Breda naast elkaar legt?",
    ],
)
def test_more_in_one_year_than_another_is_a_change(items, question) -> None:
    op = _op(question)
    assert op is not None and op.kind == "change", op
    a = ask_corpus(items, question)
    assert "6.090" in a.answer or "6,090" in a.answer, a.answer


def test_more_than_another_sector_stays_a_difference() -> None:
    op = _op("Hoeveel banen meer had de marktsector in 2020 dan de overheid?")
    assert op is not None and op.kind == "difference", op
