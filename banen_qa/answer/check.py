"""The number check every answer passes before it is shown: each number in the answer
stands in a cited quote (as digits or as a number word), or is a year of a cited figure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from banen_qa.extract.numbers import WORD_NUMBER, WORD_NUMBERS, find_numbers, word_number_values
from banen_qa.models import Computed
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


# Dutch "ten" that is a preposition, no number: "ten opzichte van", "ten behoeve van"
NOT_TEN = re.compile(
    r"\s+(?:opzichte|behoeve|minste|slotte|aanzien|gevolge|tijde|einde|laste|koste|dele)\b",
    re.IGNORECASE,
)


def with_digits(text: str) -> str:
    """'twaalf medewerkers' -> 'twaalf (12) medewerkers', so the number is findable."""

    def digits(m: re.Match[str]) -> str:
        if m.group(1).lower() == "ten" and NOT_TEN.match(text, m.end(1)):
            return m.group(0)
        return f"{m.group(1)} ({WORD_NUMBERS[m.group(1).lower()]})"

    return WORD_NUMBER.sub(digits, text)


# A citation marker in an answer, "[Title (2023-10-12), p. 3]": its numbers name the letter
# and page, not a figure, and are checked against the citations instead.
CITATION_MARKER = re.compile(r"\[[^\[\]]*?,\s*p\.\s*(\d+)\]")


def strip_citation_markers(answer: str, cited_pages: Iterable[int]) -> str:
    """Remove markers that point at a cited page; a marker to an uncited page stays (and its
    numbers must then stand in a quote)."""
    pages = set(cited_pages)
    return CITATION_MARKER.sub(lambda m: " " if int(m.group(1)) in pages else m.group(0), answer)


def recomputed(computed: Iterable[Computed], quotes: Iterable[str]) -> set[float]:
    """Computed values that recompute from their operands, every operand standing in a cited
    quote: only these may appear in an answer without a quote of their own."""
    sourced = set().union(*(values_in(q) for q in quotes))
    ok: set[float] = set()
    for c in computed:
        if not c.inputs or any(round(v, 4) not in sourced for v in c.inputs):
            continue
        pair = len(c.inputs) == 2
        if c.op == "ratio" and pair and c.inputs[1]:
            # a percentage shown to one decimal: it recomputes within its rounding
            if abs(c.inputs[0] / c.inputs[1] * 100 - c.value) < 0.05 + 1e-9:
                ok.add(round(c.value, 4))
            continue
        value = c.inputs[0] - c.inputs[1] if c.op == "difference" and pair else sum(c.inputs)
        if abs(value - c.value) < 0.005:
            ok.add(round(c.value, 4))
    return ok
