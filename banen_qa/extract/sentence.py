"""The basics every figure rule shares: a sentence with its number tokens, a draft on its way
to a Figure, the context the passage walk carries, and small helpers on token positions.

Everything in the extract step imports this module; it imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from banen_qa.extract import vocab
from banen_qa.extract.numbers import NumberToken, find_numbers
from banen_qa.models import ParsedDocument, Unit

_I = re.IGNORECASE

JOB_UNIT_NEXT = re.compile(rf"^\s*(?:{vocab.JOB_UNIT})", _I)
CLAUSE_BREAK = re.compile(vocab.CLAUSE_BREAK, _I)
_DATE_DAY = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\b\.?", _I)
_REFERENCES = [re.compile(p, _I) for p in vocab.REFERENCE_PATTERNS]
_ENUM_SEP = re.compile(rf"^\s*(?:{vocab.JOB_UNIT})?\s*(?:,|;|en|and|&|tot|to)\s*(?:ook\s+)?$", _I)


@dataclass
class Sentence:
    """One sentence of a passage; token and cue offsets are relative to `text`."""

    text: str
    start: int  # offset in the passage text
    years: list[NumberToken] = field(default_factory=list)
    values: list[NumberToken] = field(default_factory=list)
    jobs_context: bool = False  # the paragraph speaks of jobs: a bare number after a cue counts
    answer_at: int = 0  # where the answer starts, when `text` is a question and its answer
    list_metric: str | None = None  # a list item's: what its lead-in says the items count


@dataclass
class Draft:
    """A value on its way to becoming a Figure."""

    tok: NumberToken  # offsets relative to the sentence
    unit: Unit
    metric: str
    sector: str | None = None
    year: int | None = None
    quarter: int | None = None
    flags: list[str] = field(default_factory=list)


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans of numbers that are references, dates' day numbers, money or 'x van de y'."""
    spans = [m.span() for rx in _REFERENCES for m in rx.finditer(text)]
    spans += [m.span() for m in _DATE_DAY.finditer(text)]
    return spans


def _tokens(sentence: str) -> tuple[list[NumberToken], list[NumberToken]]:
    """Years and other numbers in a sentence, leaving out masked ones."""
    masked = _masked(sentence)
    years, values = [], []
    for tok in find_numbers(sentence):
        if any(s <= tok.start < e for s, e in masked):
            continue
        if is_year(tok, sentence):
            years.append(tok)
        else:
            values.append(tok)
    return years, values


def is_year(tok: NumberToken, sentence: str) -> bool:
    return (
        not tok.is_pct
        and tok.raw.isdigit()
        and len(tok.raw) == 4
        and 1990 <= tok.value <= 2050
        and not JOB_UNIT_NEXT.match(sentence[tok.end :])
    )


def gap_cost(a: tuple[int, int], b: tuple[int, int], s: Sentence) -> int:
    """How far apart two spans are: characters between, plus a toll per clause boundary
    and per other value in between (so a cue binds to the value in its own clause)."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi <= lo:
        return 0
    gap = s.text[lo:hi]
    between = sum(1 for v in s.values if lo <= v.start and v.end <= hi)
    return len(gap) + 40 * len(CLAUSE_BREAK.findall(gap)) + 25 * between


def _groups(tokens: list[NumberToken], text: str) -> list[list[NumberToken]]:
    """Runs of numbers joined by ',' / 'en' ("297, 413 en 663"): enumerations."""
    groups: list[list[NumberToken]] = []
    for tok in tokens:
        if groups and _ENUM_SEP.match(text[groups[-1][-1].end : tok.start]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def group_of(tok: NumberToken, groups: list[list[NumberToken]]) -> list[NumberToken]:
    return next(g for g in groups if tok in g)


def same_clause(a: tuple[int, int], b: tuple[int, int], s: Sentence) -> bool:
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    gap = s.text[lo:hi] if hi > lo else ""
    return not CLAUSE_BREAK.search(gap) and not any(lo <= v.start < hi for v in s.values)


def pair_enumeration(
    tok: NumberToken, values: list[NumberToken], others: list[list[tuple[int, int, object]]]
) -> object | None:
    """The member of an equally long enumeration that stands at the value's position."""
    for group in others:
        if len(group) == len(values) and len(values) > 1:
            return group[values.index(tok)][2]
    return None


@dataclass
class Context:
    """What earlier sentences of the passage established."""

    year: int | None = None  # of the last figure, else the last year named
    sector: str | None = None  # the last sector named
    figure_sector: str | None = None  # the sector of the last figure
    topic_sector: str | None = None  # the sector of the paragraph's first figure
    from_figure: bool = False
    last_sentence_sector: str | None = None  # the last sector the previous sentence named
    previous_figure_sector: str | None = None  # of the previous sentence's last figure, if any
    previous_weak_sector: str | None = None  # "in totaal", "werkgevers" in the previous sentence
    previous_head: Draft | None = None  # the previous sentence's first figure, if any
    figure_sectors: set[str] = field(default_factory=set)  # of the paragraph's figures so far
    document_year: int | None = None  # the year of the document's date
    now_year: int | None = None  # the latest year the document writes a date in (its "now")
    baseline_year: int | None = None  # the year the document dates its baseline in
    counted_other: bool = False  # the last sentence counted something, but not jobs
    metric: str | None = None  # of the paragraph's last figure
    end_year: int | None = None  # the year the paragraph dated one of the agreement's end targets


def page_clip(doc: ParsedDocument, start: int, end: int, at: int) -> tuple[int, int]:
    """The part of [start, end) that stands on the same page as offset `at`."""
    for span in doc.page_spans:
        if span.char_start <= at < span.char_end:
            return max(start, span.char_start), min(end, span.char_end)
    return start, end
