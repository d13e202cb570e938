"""Sentence spans: abbreviations, initials and numbers do not end a sentence; lines do."""

from __future__ import annotations

from banen_qa.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentence_split_survives_abbreviations_and_numbers() -> None:
    text = (
        "Zie o.a. Kamerstukken II 2018/19, 34 352, nr. 165 voor 5.500 banen. "
        "Het quotum is 61,3% behaald. 596 banen zijn gerealiseerd. "
        "Mevr. drs. K.H. Ollongren tekent."
    )
    assert sentences(text) == [
        "Zie o.a. Kamerstukken II 2018/19, 34 352, nr. 165 voor 5.500 banen.",
        "Het quotum is 61,3% behaald.",
        "596 banen zijn gerealiseerd.",
        "Mevr. drs. K.H. Ollongren tekent.",
    ]


def test_bullets_are_sentences() -> None:
    text = "Acties:\n• Leren van elkaar\n• Samenwerken met 12 leveranciers"
    assert sentences(text) == [
        "Acties:",
        "• Leren van elkaar",
        "• Samenwerken met 12 leveranciers",
    ]


def test_word_ending_in_a_letter_after_apostrophe_ends_a_sentence() -> None:
    text = "Er namen 72 werkgevers deel, verdeeld over 6 regio's. Vrijwel alle sectoren groeiden."
    assert sentences(text) == [
        "Er namen 72 werkgevers deel, verdeeld over 6 regio's.",
        "Vrijwel alle sectoren groeiden.",
    ]


def test_semicolon_in_an_enumeration_does_not_end_a_sentence() -> None:
    text = "Een realisatie van 1.079,10; 1.209,67 en 1.308,81 banen. Dat is meer."
    assert sentences(text) == [
        "Een realisatie van 1.079,10; 1.209,67 en 1.308,81 banen.",
        "Dat is meer.",
    ]


def test_closing_quote_or_bracket_stays_with_its_sentence() -> None:
    text = "Zij schrijft: “Dit werkt.” (Zie bijlage 2.) “Meer volgt.”"
    assert sentences(text) == ["Zij schrijft: “Dit werkt.”", "(Zie bijlage 2.)", "“Meer volgt.”"]
