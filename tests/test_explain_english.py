"""English why-questions over Dutch items: the topic crosses the language through one
bilingual table of the domain's content words (any inflection, phrases as one term, Dutch
compounds), the words that name the item ("the Gazet piece", "de column van X") are no part
of the topic, a sector may stand as the head of a compound ("politiebureaus"), and a step
followed by "Zo kunnen ..." gives its purpose. Our own sentences."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import topic_overlap, topic_terms
from banen_qa.answer.letters import naming_words
from banen_qa.extract.vocab import dutch_for, english_lemmas, english_phrases
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# A regional paper on why firms hold back; a police pilot whose purpose follows it.
GAZET = [
    "Veel ondernemers blijven voorzichtig. Onder kleine bedrijven bestaat nog altijd "
    "terughoudendheid om werkzoekenden met een arbeidsbeperking aan te nemen: zij vrezen dat "
    "het verzuim hoog oploopt.",
    "De gemeente Bladel wil daarom een vast aanspreekpunt voor ondernemers inrichten.",
]
POLITIE = [
    "Sinds mei beheren mensen met een arbeidsbeperking bij wijze van proef de "
    "fietsenstallingen op politiebureaus in Twente. Zo kunnen meer mensen met een beperking "
    "aan het werk, en houden agenten meer tijd over voor de straat.",
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("explain-english"),
        [
            ("gazet-kempen-2024.pdf", "Eindhoven, 4 maart 2024", GAZET, "Gazet van de Kempen"),
            ("politie-twente-2023.pdf", "Enschede, 9 juni 2023", POLITIE, "Fietsenstalling"),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("employers", "employer"),
        ("accompanied", "accompany"),
        ("counted", "count"),
        ("stepped", "step"),
        ("companies", "company"),
        ("hiring", "hire"),
    ],
)
def test_an_english_word_is_looked_up_in_any_inflection(word: str, base: str) -> None:
    assert base in english_lemmas(word)
    assert dutch_for(word) == dutch_for(base) != ()


def test_a_phrase_of_the_table_is_one_term_in_any_inflection() -> None:
    found, rest = english_phrases("are firms taking on people from the target groups")
    assert found == ["target group", "take on"]
    assert "target" not in rest and "taking" not in rest
    assert topic_terms("are firms taking on people from the target groups", "en")[:2] == found


def test_a_dutch_compound_carries_an_english_word() -> None:
    terms = topic_terms("visitors accompanied", "en")
    text = "Op de locaties is bezoekersbegeleiding verplicht."
    assert topic_overlap(terms, text, "en") == 1.0
    assert topic_overlap(terms, text, "nl") == 0.0


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Why do firms hold back, according to the Gazet piece?", {"gazet", "piece"}),
        ("Waarom volgens de column van Anna de Bruin?", {"column", "anna", "de", "bruin"}),
        ("What did Smits's letter of May 2024 say?", {"smits", "letter"}),
        ("Which sectors could not report their results?", set()),  # a verb, no document
        ("How does the Werkplein Bladel help employers?", set()),  # a name that is the topic
    ],
)
def test_the_words_that_name_a_document_are_no_topic(question: str, words: set[str]) -> None:
    assert naming_words(question) == words


def test_an_english_reason_in_dutch_words_only_the_table_bridges(items) -> None:
    a = ask(items, "Why are small firms reluctant to recruit disabled jobseekers?")
    assert not a.abstained, a.answer
    assert a.answer.startswith("The letter gives this reason"), a.answer
    assert "verzuim" in a.answer


def test_naming_the_item_does_not_dilute_the_topic(items) -> None:
    a = ask(
        items, "Why are firms reluctant to recruit, according to the Gazet van de Kempen piece?"
    )
    assert not a.abstained, a.answer
    assert "terughoudendheid" in a.answer


def test_a_sector_at_the_head_of_a_compound_and_a_purpose_after_the_step(items) -> None:
    a = ask(items, "Why is the police letting people with a disability run its bicycle sheds?")
    assert not a.abstained, a.answer
    assert "fietsenstallingen" in a.answer and "Zo kunnen" in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Why did the municipality stop paying wage cost subsidies in 2024?",
        "Why did the police close its bicycle sheds in 2023?",
    ],
)
def test_an_english_reason_the_items_do_not_give_abstains(items, question: str) -> None:
    assert ask(items, question).abstained
