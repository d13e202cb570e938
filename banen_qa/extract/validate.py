"""Validation of figure records: every value grounded in its quote on its page, every
sector and metric from the vocabulary, and the cross-checks that flag what disagrees."""

from __future__ import annotations

from banen_qa.extract import vocab
from banen_qa.extract.numbers import find_numbers
from banen_qa.models import Figure, ParsedDocument
from banen_qa.text import normalize_ws


def check_figure(fig: Figure, doc: ParsedDocument) -> list[str]:
    """Hard problems with a record (empty = valid): its value text must stand in its quote,
    the quote on its page, and sector/metric/unit must come from the vocabulary."""
    problems: list[str] = []
    value_text = doc.text[fig.char_start : fig.char_end]
    numbers = find_numbers(value_text)
    if not numbers or abs(numbers[0].value - fig.value) > 1e-9:
        problems.append(f"text at {fig.char_start}:{fig.char_end} is not the value {fig.value}")
    if normalize_ws(value_text) not in fig.quote:
        problems.append("value text not in quote")
    if fig.quote not in normalize_ws(doc.page_texts.get(fig.page, "")):
        problems.append(f"quote not on page {fig.page}")
    if doc.page_at(fig.char_start) != fig.page:
        problems.append("page does not match the value's offset")
    if fig.sector not in vocab.SECTORS:
        problems.append(f"unknown sector {fig.sector!r}")
    if fig.metric not in vocab.METRICS:
        problems.append(f"unknown metric {fig.metric!r}")
    elif vocab.UNITS_BY_METRIC[fig.metric] != fig.unit:
        problems.append(f"unit {fig.unit} does not fit metric {fig.metric}")
    return problems


def dedupe(figures: list[Figure]) -> list[Figure]:
    """One record per fact, the first in the text. A value repeated with and without its
    quarter ("80.674 extra banen gerealiseerd" ... "steeg in het vierde kwartaal van 79.714
    naar 80.674") is one fact too."""
    seen: dict[tuple, set[int | None]] = {}
    out = []
    for f in sorted(figures, key=lambda f: (f.document, f.char_start)):
        key = (f.document, f.sector, f.year, f.metric, f.value)
        quarters = seen.setdefault(key, set())
        if f.quarter in quarters or (quarters and (f.quarter is None or None in quarters)):
            continue
        quarters.add(f.quarter)
        out.append(f)
    return out


def cross_check(figures: list[Figure]) -> list[Figure]:
    """Flag a realisation percentage that disagrees (by more than 1 point) with
    100 * realised / target of the same document, sector, year and quarter."""
    by_key: dict[tuple, dict[str, Figure]] = {}
    for f in figures:
        by_key.setdefault((f.document, f.sector, f.year, f.quarter), {}).setdefault(f.metric, f)
    out = []
    for f in figures:
        group = by_key[(f.document, f.sector, f.year, f.quarter)]
        realised, target = group.get("realised_jobs"), group.get("target_jobs")
        if f.metric == "realisation_pct" and realised and target and target.value:
            expected = 100 * realised.value / target.value
            if abs(expected - f.value) > 1 and "pct_mismatch" not in f.flags:
                f = f.model_copy(update={"flags": sorted([*f.flags, "pct_mismatch"])})
        out.append(f)
    return out


def flag_conflicts(figures: list[Figure]) -> list[Figure]:
    """Corpus-level check: flag `conflict` on every figure whose sector, year, quarter and
    metric another document gives with another value (percentages within 0.05)."""
    values: dict[tuple, dict[str, float]] = {}
    for f in figures:
        if f.year is None:
            continue
        values.setdefault((f.sector, f.year, f.quarter, f.metric), {})[f.document] = f.value
    out = []
    for f in figures:
        seen = values.get((f.sector, f.year, f.quarter, f.metric), {})
        tol = 0.05 if f.unit == "pct" else 1e-6
        if any(doc != f.document and abs(v - f.value) > tol for doc, v in seen.items()):
            if "conflict" not in f.flags:
                f = f.model_copy(update={"flags": sorted([*f.flags, "conflict"])})
        out.append(f)
    return out
