"""Why/how/which questions that name whose view or which text they ask about: the name
(a person quoted in the body, an organisation by its acronym, a title in quotes, "the X
study") is resolved to the documents that carry it, the topic is met by that document, and
the reason is chosen there, or nothing is. A reason that points back at the paragraph
before takes it along; a retold question is no answer; a which-question that names a number
is answered by the sentence that states it. Our own sentences."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import asks_explanation
from banen_qa.answer.letters import names_in
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, cited, news_corpus

# Two items on the same lag, each quoting someone else with another reason.
ZORG = [
    "Het aantal banen voor mensen met een beperking in de zorg blijft achter, zegt Mirjam "
    "Koster, directeur van Werkkracht Brabant.",
    '"Veel instellingen hebben geen tijd om een werkplek in te richten, daardoor blijft het '
    'doel buiten bereik", zegt Koster.',
]
REGELS = [
    "Wethouder Pieter Dam van Oss ziet het anders. Volgens hem blijft het aantal banen achter "
    "omdat de regels voor werkgevers te ingewikkeld zijn.",
]
# An organisation's explanation that does not repeat the topic; the title carries it.
CPB = [
    "Het Centraal Planbureau heeft de regeling onderzocht.",
    "Het bureau wijst op de administratieve lasten als oorzaak. Een aanvraag kost een "
    "werkgever gemiddeld vier weken.",
]
# A reason that points back at the paragraph before; a question retold before its answer.
HERZIEN = [
    "De FNV wil de regeling voor leerwerkplekken herzien. Eerst werd uitgegaan van 3.000 "
    "plaatsen, maar volgens nieuwe berekeningen zijn er 5.400 nodig.",
    "Een van de redenen voor die hogere uitkomst is dat de gemeenten waren meegeteld.",
]
JOBCOACH = [
    "Kamerleden vroegen waarom zo weinig gemeenten een jobcoach inzetten voor nieuwe "
    "werknemers met een beperking.",
    "De staatssecretaris ziet daarvoor twee redenen: de subsidie is onbekend bij gemeenten en "
    "de aanvraag vraagt te veel tijd.",
]
# A number and what it says; a measure and what it brings, in two sentences.
PROEF = [
    "Van de 8.310 nieuwe banen zijn er 1.240 ontstaan via een proefplaatsing bij de werkgever.",
    "Het aantal nieuwe banen lag daarmee boven de 7.900 van een jaar eerder.",
]
MAATREGEL = [
    "Het college wil meer banen bij de gemeente zelf. Zo komt er bij de afdelingen een "
    "centraal budget voor begeleiding, waarmee dit jaar hooguit 60 extra banen ontstaan. "
    "Volgend jaar komen er ongeveer 85 bij.",
]
# A report named by a quoted title, and a study named by its school.
DREMPELS = [
    "Het rapport 'Werk zonder drempels' beschrijft de praktijk bij waterschappen.",
    "Wie een passende plek krijgt, wordt bepaald door een gesprek met de teamleider en de "
    "jobcoach samen.",
]
ZUYD = [
    "Hogeschool Zuyd, 2019.",
    "De onderzoekers hebben bij de brandweer de methode Taakcarving uitgeprobeerd, waarbij "
    "eenvoudige taken uit bestaande functies worden gelicht.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("explain-named"),
        [
            ("zorg-brabant.pdf", "Tilburg, 3 februari 2025", ZORG, "Zorg blijft achter"),
            ("regels-oss.pdf", "Oss, 5 februari 2025", REGELS, "Oss wil minder regels"),
            (
                "cpb-subsidie.pdf",
                "Den Haag, 2 april 2024",
                CPB,
                "CPB: loonkostensubsidie helpt werkgevers nauwelijks",
            ),
            ("fnv-herzien.pdf", "Utrecht, januari 2023", HERZIEN, "FNV wil regeling herzien"),
            ("jobcoach-kamer.pdf", "Den Haag, 9 mei 2024", JOBCOACH, "Weinig jobcoaches"),
            ("proef-plaatsing.pdf", "Zwolle, 1 maart 2024", PROEF, "Proefplaatsingen"),
            ("college-banen.pdf", "Breda, 4 juni 2024", MAATREGEL, "Gemeente als werkgever"),
            ("drempels.pdf", "Arnhem, 7 juli 2023", DREMPELS, "Waterschappen en werk"),
            ("zuyd-brandweer.pdf", "Heerlen, 2019", ZUYD, "Taakcarving bij de brandweer"),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


def test_a_person_quoted_in_the_body_is_the_source(items) -> None:
    a = ask(items, "Waarom blijft het aantal banen in de zorg achter volgens Mirjam Koster?")
    assert not a.abstained, a.answer
    assert cited(a) == {"zorg-brabant"}, a.answer
    assert "geen tijd" in a.answer
    b = ask(items, "Waardoor blijft volgens Pieter Dam het aantal banen achter?")
    assert cited(b) == {"regels-oss"}, b.answer
    assert "ingewikkeld" in b.answer


def test_a_named_source_that_gives_no_such_reason_abstains(items) -> None:
    assert ask(items, "Waarom verhuist Mirjam Koster naar Groningen?").abstained


def test_an_organisation_by_its_acronym_and_the_topic_in_the_title(items) -> None:
    a = ask(
        items,
        "What explanation does the CPB give for the wage cost subsidy hardly helping employers?",
    )
    assert not a.abstained, a.answer
    assert cited(a) == {"cpb-subsidie"}, a.answer
    assert "administratieve lasten" in a.answer


def test_a_reason_that_points_back_takes_the_paragraph_before(items) -> None:
    a = ask(items, "Why does the FNV want the scheme for work-study places revised?")
    assert not a.abstained, a.answer
    assert "3.000" in a.answer and "5.400" in a.answer and "meegeteld" in a.answer


def test_a_retold_question_is_no_answer(items) -> None:
    question = "Hoe verklaart de staatssecretaris dat zo weinig gemeenten een jobcoach inzetten?"
    assert asks_explanation(question) == "why"
    a = ask(items, question)
    assert not a.abstained, a.answer
    assert "onbekend" in a.answer and "vroegen" not in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Through which route did 1,240 of the new jobs come about?",
        "Via welke weg zijn 1.240 van de nieuwe banen ontstaan?",
    ],
)
def test_a_which_question_naming_a_number_quotes_its_sentence(items, question: str) -> None:
    assert asks_explanation(question) == "which"
    a = ask(items, question)
    assert not a.abstained, a.answer
    assert "proefplaatsing" in a.answer and "7.900" not in a.answer


def test_a_which_measure_and_how_much_is_a_passage_answer(items) -> None:
    question = "Met welke maatregel wil het college extra banen scheppen, en hoeveel levert dat op?"
    assert asks_explanation(question) == "which"
    a = ask(items, question)
    assert not a.abstained, a.answer
    assert "centraal budget" in a.answer and "60" in a.answer and "85" in a.answer


def test_a_quoted_title_names_the_text(items) -> None:
    a = ask(
        items,
        "Hoe wordt bepaald wie een plek krijgt, volgens het stuk over het rapport "
        "'Werk zonder drempels'?",
    )
    assert not a.abstained, a.answer
    assert cited(a) == {"drempels"}, a.answer
    assert "teamleider" in a.answer


def test_a_school_before_a_document_word_is_a_source() -> None:
    assert "hogeschool zuyd" in names_in("Which method did the Hogeschool Zuyd study try?")
    assert "hogeschool zuyd" not in names_in("Hoeveel banen hadden de Hogeschool Zuyd en X?")


def test_a_study_named_by_its_school(items) -> None:
    a = ask(items, "Which method did the Hogeschool Zuyd study try out at the fire brigade?")
    assert not a.abstained, a.answer
    assert cited(a) == {"zuyd-brandweer"}, a.answer
    assert "Taakcarving" in a.answer
