"""Why/how answers by meaning, not by sentence: every way a question asks for a reason, every
causal form a sentence gives one in, a sentence that points back at its reason or forward to
it, and a why about a change in one direction that a reason for the other does not answer.
Our own sentences, in the wording of regional news items."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import asks_explanation
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# A municipality's year: a credit, a tie ("hangt samen met"), a blame ("lag aan").
GEMEENTE = [
    "De gemeente Veldhoven plaatste in 2022 veertig mensen uit de doelgroep bij lokale "
    "bedrijven. Dat goede resultaat is vooral te danken aan de nieuwe werkgeverscoaches van "
    "het werkplein.",
    "Het aantal leerwerkplekken in de bibliotheken hangt samen met de subsidie voor "
    "taalcoaches, die in 2022 werd verdubbeld.",
    "Ook in 2022 is het landelijke doel voor nieuwe plaatsingen niet gehaald. Dat lag vooral "
    "aan de onderwijswerkgevers, die te weinig vacatures openstelden.",
]
# A water board's shortfall, with the step it led to named after it ("Reden te meer ...").
WATERSCHAP = [
    "Het Waterschap Kempenland vulde in 2023 maar 9 van de 25 afgesproken plaatsen in. Reden "
    "te meer voor het bestuur om een eigen plaatsingsbureau op te richten.",
]
# A councillor announces a reason, and gives it in the next sentence; a province that grew.
REGIO = [
    "In haar brief aan de raad legde wethouder Smits uit waar het tekort aan plaatsingen "
    "vandaan komt. De regio telt te weinig werkgevers met functies van enkele uren per week.",
    "Bij de provincie Brabantia nam het aantal afspraakbanen in 2023 toe, omdat zij extra "
    "stageplekken voor schoolverlaters opende.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("explain-general"),
        [
            ("gemeente-2022.pdf", "Veldhoven, 3 maart 2023", GEMEENTE, "Plaatsingen 2022"),
            ("waterschap-2023.pdf", "Eindhoven, 12 februari 2024", WATERSCHAP, "Kempenland"),
            ("regio-2023.pdf", "Den Bosch, 20 maart 2024", REGIO, "Regiobericht 2023"),
        ],
    )


# how an answer that gives the letter's reason opens (explain.LEAD), in either language
REASON_LEADS = ("De brief noemt als reden", "The letter gives this reason")


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


@pytest.mark.parametrize(
    "question",
    [
        "Waardoor daalde het aantal plaatsingen in 2023?",
        "Waaraan had de gemeente haar goede resultaat te danken?",
        "Welke verklaring geeft de wethouder voor het tekort?",
        "Wat was de belangrijkste reden dat het doel niet werd gehaald?",
        "What made the municipality's result so good?",
        "What explains the shortfall of the water board?",
        "What was the main reason the national goal was missed?",
        "Volgens de wethouder, waardoor ontstond het tekort?",
        "Hoe is de gemeente boven haar doel uitgekomen?",
    ],
)
def test_every_form_of_asking_for_a_reason(question: str) -> None:
    assert asks_explanation(question) == "why"


@pytest.mark.parametrize(
    "question",
    [
        "How does the central desk support managers and HR?",
        "Which factors go into the formula for the quota percentage?",
        "Hoe wordt bepaald of het quotum is gehaald?",
    ],
)
def test_a_method_or_a_list_is_no_reason(question: str) -> None:
    assert asks_explanation(question) == "which"


def test_credit_in_other_words_answers_a_reason_question(items) -> None:
    a = ask(items, "Waaraan had de gemeente Veldhoven haar goede resultaat in 2022 te danken?")
    assert not a.abstained
    assert a.answer.startswith(REASON_LEADS), a.answer
    assert "werkgeverscoaches" in a.answer


def test_a_tie_between_two_things_is_a_reason(items) -> None:
    a = ask(items, "Waarom zijn er in de bibliotheken leerwerkplekken bijgekomen?")
    assert not a.abstained
    assert "taalcoaches" in a.answer


def test_blame_answers_what_was_the_main_reason(items) -> None:
    a = ask(
        items, "Wat was de belangrijkste reden dat het landelijke doel in 2022 niet werd gehaald?"
    )
    assert not a.abstained
    assert a.answer.startswith(REASON_LEADS), a.answer
    assert "onderwijswerkgevers" in a.answer


def test_a_sentence_pointing_back_brings_its_reason(items) -> None:
    a = ask(items, "Waarom richt het Waterschap Kempenland een eigen plaatsingsbureau op?")
    assert not a.abstained
    assert "9 van de 25" in a.answer and "plaatsingsbureau" in a.answer


def test_an_announced_reason_is_quoted_from_the_next_sentence(items) -> None:
    a = ask(items, "Waarom is er volgens wethouder Smits een tekort aan plaatsingen?")
    assert not a.abstained
    assert "enkele uren per week" in a.answer


def test_a_reason_for_a_rise_does_not_answer_why_it_fell(items) -> None:
    a = ask(items, "Waarom daalde het aantal afspraakbanen bij de provincie Brabantia in 2023?")
    assert a.abstained, a.answer
    a = ask(items, "Waarom steeg het aantal afspraakbanen bij de provincie Brabantia in 2023?")
    assert not a.abstained
    assert "stageplekken" in a.answer
