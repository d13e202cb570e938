"""How/which answers that quote what answers, not the sentence before it: announced items
("stelt twee wijzigingen voor", "werkt drie scenario's uit:") and what follows them, items
named one after another in one sentence, a method told in the rest of its paragraph, a
question that asks two things; and a reason in an item written in the asked year about the
year before. Our own sentences, in the wording of regional news items."""

from __future__ import annotations

import pytest

from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# a council announces two changes, then names them, one sentence each
WIJZIGINGEN = [
    "Het college van Dongemond wil de regeling voor werkervaringsplaatsen aantrekkelijker "
    "maken voor werkgevers in de regio. Het college stelt daarom twee wijzigingen voor. "
    "De proefplaatsing mag voortaan zes maanden duren in plaats van drie. Daarnaast krijgt "
    "elke werkgever een vaste contactpersoon bij het werkgeversservicepunt.",
]
# a province works out scenarios, listed after a colon; "de drie scenario's" only points
# back at them
SCENARIOS = [
    "De provincie Lindeland wil na 2026 doorgaan met de inzet op inclusief werk. Over de drie "
    "scenario's die gedeputeerde Bakker uitwerkt, besluiten Provinciale Staten in maart.",
    "Gedeputeerde Bakker werkt drie scenario's uit voor de provinciale organisatie:",
    "• alle vacatures voor schoonmaak en catering gaan eerst naar kandidaten uit het register;",
    "• elke afdeling reserveert een vast budget voor jobcoaching;",
    "• de provincie stopt met een eigen doel en volgt de landelijke afspraak.",
]
# a learning company introduced, and what it does said in the next sentence
GROENWERK = [
    "Het leerbedrijf Groenwerk helpt sinds 2022 nieuwe medewerkers met een arbeidsbeperking "
    "in de gemeente Oosterhout. Elk van hen krijgt een vaste buddy uit het team en een eigen "
    "werkrooster.",
]
# who falls under a duty, and how that is checked, in one paragraph
MELDPLICHT = [
    "Alleen bedrijven met meer dan 50 werknemers vallen onder de nieuwe meldplicht. Of een "
    "bedrijf daaronder valt, bepaalt de arbeidsinspectie aan de hand van de loonaangifte. De "
    "drempel die zij daarvoor hanteert ligt op 78.000 verloonde uren per jaar.",
]
# the factors of a sum, named in one sentence, beside a sentence that only speaks of it
BOETE = [
    "Elk jaar stelt het ministerie opnieuw vast welke factoren meetellen bij de berekening "
    "van de boete per ontbrekende plaats.",
    "Bij de berekening van de boete tellen het aantal ontbrekende plaatsen, de duur van de "
    "achterstand en de loonsom van de werkgever mee.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("explain-fresh"),
        [
            ("dongemond.pdf", "Dongemond, 4 april 2024", WIJZIGINGEN, "Werkervaring"),
            ("lindeland.pdf", "Arnhem, 9 januari 2025", SCENARIOS, "Na 2026"),
            ("groenwerk.pdf", "Oosterhout, 2 mei 2023", GROENWERK, "Groenwerk"),
            ("meldplicht.pdf", "Utrecht, 1 juni 2024", MELDPLICHT, "Meldplicht"),
            ("boete.pdf", "Den Haag, 5 maart 2024", BOETE, "De boete"),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


@pytest.mark.parametrize(
    "question",
    [
        "Welke wijzigingen stelt het college van Dongemond voor?",
        "Which changes does the Dongemond council propose?",
    ],
)
def test_announced_items_are_quoted_with_the_sentences_that_name_them(items, question) -> None:
    a = ask(items, question)
    assert not a.abstained
    assert "proefplaatsing" in a.answer and "contactpersoon" in a.answer, a.answer


def test_the_asked_items_before_a_colon_bring_their_list(items) -> None:
    a = ask(items, "Welke scenario's werkt de provincie Lindeland uit voor na 2026?")
    assert not a.abstained
    assert "jobcoaching" in a.answer and "landelijke afspraak" in a.answer, a.answer


def test_a_method_goes_on_in_the_rest_of_its_paragraph(items) -> None:
    a = ask(items, "Hoe helpt leerbedrijf Groenwerk nieuwe medewerkers?")
    assert not a.abstained
    assert "buddy" in a.answer, a.answer


def test_a_question_that_asks_two_things_gets_the_whole_paragraph(items) -> None:
    a = ask(
        items,
        "Welke bedrijven vallen onder de nieuwe meldplicht, en hoe bepaalt de "
        "arbeidsinspectie of een bedrijf daaronder valt?",
    )
    assert not a.abstained
    assert "50 werknemers" in a.answer and "78.000" in a.answer, a.answer


def test_items_named_one_after_another_answer_which_factoren(items) -> None:
    a = ask(items, "Welke factoren bepalen de hoogte van de boete?")
    assert not a.abstained
    assert "loonsom" in a.answer, a.answer


# a board's monitor over 2022, published in 2023, with the step it led to; another item
# reports on 2023 itself
SCHAP = [
    "De monitor over 2022 laat zien dat het Hoogheemraadschap Noorderkwartier 31 plaatsen "
    "invulde, 14 minder dan afgesproken. Reden voor het bestuur om een eigen leerwerkbedrijf "
    "op te richten.",
]
ANDER = [
    "Het Hoogheemraadschap Noorderkwartier had eind 2023 in totaal 38 plaatsen ingevuld.",
]


def test_a_reason_in_an_item_written_in_the_asked_year_counts(tmp_path) -> None:
    corpus = news_corpus(
        tmp_path,
        [
            ("schap-2022.pdf", "Alkmaar, 12 maart 2023", SCHAP, "Monitor 2022"),
            ("schap-2023.pdf", "Alkmaar, 20 februari 2024", ANDER, "Stand 2023"),
        ],
    )
    a = ask_corpus(
        corpus, "Waarom richtte het hoogheemraadschap in 2023 een eigen leerwerkbedrijf op?"
    )
    assert not a.abstained
    assert "leerwerkbedrijf" in a.answer, a.answer
