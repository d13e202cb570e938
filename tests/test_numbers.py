"""Dutch (and unambiguous English) number notation, round-tripped with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banen_qa.extract.numbers import find_numbers, parse_number, word_number_values
from banen_qa.text import format_dutch


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.500", 5500),
        ("61,3", 61.3),
        ("306,17", 306.17),
        ("2,35%", 2.35),
        ("65 procent", 65),
        ("1.234.567", 1234567),
        ("1.234,5", 1234.5),
        ("0,125", 0.125),
        # English notation where it cannot be Dutch
        ("61.3", 61.3),
        ("61.3%", 61.3),
        ("5,500", 5500),
        ("1,234,567", 1234567),
        ("1,234.5", 1234.5),
        ("5\u00a0500", 5500),  # no-break space groups digits
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "5.", "1.2.3", "12,", "%"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_dutch_integers_round_trip(n: int) -> None:
    assert parse_number(format_dutch(n)) == n


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=99))
def test_dutch_decimals_round_trip(whole: int, cents: int) -> None:
    value = whole + cents / 100
    text = format_dutch(value, 2)
    assert "," in text
    assert parse_number(text) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=9))
def test_percentages_in_text_round_trip(whole: int, tenth: int) -> None:
    value = whole + tenth / 10
    text = f"daarmee {format_dutch(value, 1)}% van het quotum"
    [tok] = find_numbers(text)
    assert tok.is_pct
    assert tok.value == pytest.approx(value)
    assert text[tok.start : tok.end] == f"{format_dutch(value, 1)}%"


def test_find_numbers_keeps_adjacent_numbers_apart() -> None:
    text = "was in 2020 331 banen; 297, 413 en 663 banen. Zij hebben 5.500."
    assert [t.value for t in find_numbers(text)] == [2020, 331, 297, 413, 663, 5500]


def test_find_numbers_percent_forms_and_offsets() -> None:
    text = "quotumpercentage (2,35%) en 65 procent en 59 %"
    toks = find_numbers(text)
    assert [(t.value, t.is_pct) for t in toks] == [(2.35, True), (65, True), (59, True)]
    assert [text[t.start : t.end] for t in toks] == ["2,35%", "65 procent", "59 %"]
    assert toks[0].raw == "2,35"


def test_find_numbers_ignores_digits_glued_to_words() -> None:
    assert find_numbers("Q3 en A4 en 3e kwartaal") == []


def test_word_number_values_skip_the_article() -> None:
    assert word_number_values("Twaalf medewerkers en een baan; twenty people") == {12.0, 20.0}
    assert word_number_values("tweede kwartaal, zeventien") == {17.0}
