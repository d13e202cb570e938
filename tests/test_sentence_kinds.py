"""Numbers only sentences state (persons in work, the doelgroepregister, a quarter's
increase): quoted with their period's sentence, never computed over, an abstention when no
sentence holds that kind for the asked period."""

from __future__ import annotations

import pytest

from banen_qa.answer.check import with_digits
from banen_qa.answer.passages import sentence_kind
from tests.fixtures.letters import ask_corpus, news_corpus

SPRING = [
    "Eind maart 2018 stonden 198.400 mensen met een indicatie in het doelgroepregister.",
    "In het eerste kwartaal werkten er daarvan 101.250.",
]
SUMMER = [
    "Eind juni 2018 stonden er 201.900 mensen in het doelgroepregister.",
    "Ten opzichte van het eerste kwartaal van 2018 groeide het register met 3.500 personen.",
    "In het tweede kwartaal van 2018 kwamen er 2.340 banen bij.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("kinds"),
        [
            ("regio-voorjaar-2018.pdf", "Zwolle, 12 juli 2018", SPRING, "Doelgroep in maart"),
            ("regio-zomer-2018.pdf", "Zwolle, 4 oktober 2018", SUMMER, "Doelgroep in juni"),
        ],
    )


def test_kinds_read_from_questions() -> None:
    assert sentence_kind("Hoeveel mensen stonden eind juni 2018 in het register?") == "register"
    assert sentence_kind("How many people were in work in the first quarter?") == (
        "persons_working"
    )
    assert sentence_kind("How many jobs were added in the second quarter of 2018?") == (
        "quarter_increase"
    )
    assert sentence_kind("Hoeveel banen kwamen erbij in 2018?") is None  # no quarter named


def test_register_count_quoted(items) -> None:
    answer = ask_corpus(items, "Hoeveel mensen stonden eind juni 2018 in het doelgroepregister?")
    assert not answer.abstained
    assert "201.900" in answer.answer and "198.400" not in answer.answer
    assert {c.document for c in answer.citations} == {"regio-zomer-2018"}


def test_change_quotes_both_periods_and_the_stated_change(items) -> None:
    answer = ask_corpus(
        items, "Hoeveel groter werd het doelgroepregister tussen eind maart en eind juni 2018?"
    )
    assert not answer.abstained
    for n in ("198.400", "201.900", "3.500"):
        assert n in answer.answer
    assert {c.document for c in answer.citations} == {"regio-voorjaar-2018", "regio-zomer-2018"}


def test_persons_in_work_english_lead(items) -> None:
    answer = ask_corpus(
        items, "How many people from the target group were in work in the first quarter of 2018?"
    )
    assert answer.answer.startswith("The documents say:")
    assert "101.250" in answer.answer


def test_quarter_increase_quoted(items) -> None:
    answer = ask_corpus(items, "How many jobs were added in the second quarter of 2018?")
    assert "2.340" in answer.answer


def test_no_sentence_for_the_period_abstains(items) -> None:
    assert ask_corpus(items, "Hoeveel mensen stonden eind 2025 in het doelgroepregister?").abstained


def test_dutch_ten_is_no_number() -> None:
    assert with_digits("Ten opzichte van vorig jaar") == "Ten opzichte van vorig jaar"
    assert "(10)" in with_digits("ten medewerkers")
