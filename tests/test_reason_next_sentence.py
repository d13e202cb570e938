"""Why/how answers that take two sentences: "hoe kwam het dat" asks a reason; a "Daarom ..."
sentence is quoted with the reason before it; a how question's method goes on in the next
sentence of the paragraph when that one shares the question's topic."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import asks_explanation
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# A regional item on a decline and on how its office weighs a job, in the wording of real ones.
REGION = [
    "In het derde kwartaal van 2020 telde de regio per saldo 640 banen minder dan in het "
    "kwartaal ervoor. Het grootste deel daarvan komt doordat horecabedrijven tijdelijk "
    "dichtgingen.",
    "Het werkbedrijf weegt elke plaatsing naar contracturen. Een volledige plaatsing is een "
    "plaatsing van 31 contracturen per week; kortere plaatsingen wegen naar verhouding mee.",
]
# A ministry item on a deferred subsidy, the reason in the sentence before "Daarom".
SUBSIDY = [
    "De minister heeft besloten de nieuwe premiekorting voor werkgevers in te voeren.",
    "Zij erkent dat de salarisadministraties van kleine werkgevers nog niet zijn aangepast aan "
    "de nieuwe aangifte. Daarom gaat de premiekorting een half jaar later in.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("reasons"),
        [
            ("regio-kwartaal-2020.pdf", "Zwolle, 5 januari 2021", REGION, "Regiocijfers"),
            ("premiekorting-2020.pdf", "Den Haag, 3 maart 2020", SUBSIDY, "Premiekorting later"),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


def test_past_tense_how_come_asks_a_reason() -> None:
    assert asks_explanation("Hoe kwam het dat de regio minder banen telde?") == "why"
    assert asks_explanation("How is it that the count fell?") == "why"


def test_how_come_quotes_the_fact_and_its_reason(items) -> None:
    a = ask(items, "Hoe kwam het dat de regio in het derde kwartaal van 2020 640 banen verloor?")
    assert not a.abstained
    assert "horecabedrijven" in a.answer


def test_therefore_brings_the_reason_before_it(items) -> None:
    a = ask(items, "Waarom ging de premiekorting voor werkgevers een half jaar later in?")
    assert not a.abstained
    assert "salarisadministraties" in a.answer and "half jaar later" in a.answer
    assert a.answer.count("salarisadministraties") == 1


def test_how_question_takes_the_next_sentence_on_its_topic(items) -> None:
    a = ask(items, "Hoe weegt het werkbedrijf een plaatsing?")
    assert not a.abstained
    assert "contracturen" in a.answer and "31" in a.answer


# A quarterly item whose second part ("Daarnaast ...") leans on the first's quarter.
QUARTERLY = [
    "Tot en met het eerste kwartaal van 2019 zijn er 15.200 extra banen via een regulier "
    "dienstverband gerealiseerd. Daarnaast telde UWV 4.100 extra banen via een uitzendcontract "
    "of detachering.",
]


@pytest.fixture(scope="module")
def quarterly(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("quarterly"),
        [("kwartaal-2019.pdf", "Utrecht, 20 juni 2019", QUARTERLY, "Eerste kwartaal 2019")],
    )


def test_parts_added_up_at_the_asked_quarter(quarterly) -> None:
    a = ask(
        quarterly,
        "Hoeveel extra banen waren er tot en met het eerste kwartaal van 2019 als je de "
        "reguliere banen en de banen via uitzendcontract of detachering bij elkaar optelt?",
    )
    assert not a.abstained
    assert "19.300" in a.answer, a.answer
