"""English why/which questions over Dutch texts (the topic words cross the language through
the vocabulary's question translations; a reason about something else nearby does not
answer), and changes between quarters (quarterly counts used only when a quarter is asked)."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import asks_explanation, topic_overlap
from banen_qa.answer.operations import periods_in
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# A news item on the quota levy and agency work, in the wording of real ones.
LEVY = [
    "Het aantal banen via een uitzendcontract daalde in het eerste kwartaal van 2022 met 900 "
    "banen.",
    "Werkgevers in de zorg namen vorig jaar meer mensen in vaste dienst.",
    "Die groei komt vooral doordat ziekenhuizen extra budget kregen.",
    "De invoering van de quotumheffing is opnieuw uitgesteld, tot 2026. De reden van dat "
    "uitstel is dat de wet eerst eenvoudiger moet worden gemaakt.",
    "Dat werkgevers hun doel voor 2022 ruim haalden, komt vooral door de inzet van werkgevers "
    "in het bedrijfsleven.",
]
# UWV's quarterly counts beside the year's measurement.
QUARTERS = [
    "Tot en met het tweede kwartaal van 2021 waren er in totaal 30.100 extra banen.",
    "Tot en met het derde kwartaal van 2021 waren er in totaal 31.900 extra banen.",
    "Werkgevers realiseerden in 2021 in totaal 33.000 extra banen.",
    "Werkgevers realiseerden in 2020 in totaal 29.000 extra banen.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("items"),
        [
            (
                "nieuws-heffing-2022.pdf",
                "Den Haag, 14 juni 2022",
                LEVY,
                "Quotumheffing weer uitgesteld",
            ),
            (
                "nieuws-kwartalen-2021.pdf",
                "Amsterdam, 2 februari 2022",
                QUARTERS,
                "Banenafspraak: de kwartalen van 2021",
            ),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


def test_english_topic_words_match_dutch_ones() -> None:
    terms = ["levy", "delayed"]
    assert topic_overlap(terms, "De reden van dat uitstel van de heffing", "en") == 1.0
    assert topic_overlap(terms, "De reden van dat uitstel van de heffing", "nl") == 0.0


def test_english_why_picks_the_reason_that_shares_the_topic(items) -> None:
    a = ask(items, "Why was the levy delayed again?")
    assert not a.abstained
    assert "eenvoudiger" in a.answer
    assert "ziekenhuizen" not in a.answer


def test_a_nearby_reason_about_something_else_is_no_answer(items) -> None:
    a = ask(items, "Why did the number of agency jobs drop in the first quarter of 2022?")
    assert a.abstained, a.answer


def test_which_after_a_preposition_asks_for_the_credited_employers(items) -> None:
    question = "Aan welke werkgevers was het vooral te danken dat het doel voor 2022 werd gehaald?"
    assert asks_explanation(question) == "which"
    a = ask(items, question)
    assert not a.abstained
    assert "bedrijfsleven" in a.answer


def test_quarters_named_in_a_question() -> None:
    assert periods_in("from the second to the third quarter of 2021") == [(2021, 2), (2021, 3)]
    assert periods_in("tussen eind juni 2021 en eind september 2021") == [(2021, 2), (2021, 3)]
    assert periods_in("van Q3 2021 tot eind 2021") == [(2021, 3), (2021, None)]
    assert periods_in("how did it change from 2020 to 2021") == []


def test_change_between_quarters(items) -> None:
    a = ask(items, "How did the count change from the second to the third quarter of 2021?")
    assert not a.abstained
    assert "1,800" in a.answer and "30,100" in a.answer and "31,900" in a.answer
    a = ask(items, "Hoeveel banen kwamen er bij tussen eind juni 2021 en eind september 2021?")
    assert "1.800" in a.answer


def test_quarterly_counts_stay_out_of_annual_answers(items) -> None:
    a = ask(items, "How did the number of jobs of employers in total change from 2020 to 2021?")
    assert not a.abstained
    assert "4,000" in a.answer and "33,000" in a.answer
    assert "31,900" not in a.answer
