"""The number check every answer passes before it is shown: each number in the answer
stands in a cited quote (as digits or as a number word), or is a year of a cited figure."""

from __future__ import annotations

from collections.abc import Iterable

from banen_qa.extract.numbers import WORD_NUMBER, WORD_NUMBERS, find_numbers, word_number_values
from banen_qa.text import is_year


def values_in(text: str) -> set[float]:
    """Every number `text` states, as digits or as a number word."""
    return {round(t.value, 4) for t in find_numbers(text)} | word_number_values(text)


def amounts_in(text: str) -> set[float]:
    """Numbers in `text` that can answer "how many": years are not amounts."""
    return {v for v in values_in(text) if not is_year(v)}


def unsourced_numbers(
    answer: str, quotes: Iterable[str], allowed: Iterable[float] = ()
) -> list[str]:
    """Numbers in `answer` that no quote contains (digits or number words): must be []."""
    sourced = set().union(*(values_in(q) for q in quotes)) | {round(v, 4) for v in allowed}
    return [t.raw for t in find_numbers(answer) if round(t.value, 4) not in sourced]


def with_digits(text: str) -> str:
    """'twaalf medewerkers' -> 'twaalf (12) medewerkers', so the number is findable."""
    return WORD_NUMBER.sub(lambda m: f"{m.group(1)} ({WORD_NUMBERS[m.group(1).lower()]})", text)
