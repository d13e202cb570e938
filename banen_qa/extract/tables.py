"""Table figures: a value in a table cell, its metric from the header or caption, and its
sector and period from the row and column labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from banen_qa.extract import vocab
from banen_qa.extract.metrics import BREAKDOWN, TABLE_JOB, TABLE_PCT
from banen_qa.extract.numbers import NumberToken, find_numbers
from banen_qa.extract.periods import _quarter, is_comparison, year_value
from banen_qa.extract.sentence import Sentence, _tokens, page_clip
from banen_qa.models import Figure, ParsedDocument, TableBlock, TableCell, Unit
from banen_qa.text import normalize_ws

_I = re.IGNORECASE

_REFERENCE_POINT = re.compile(
    rf"(?:{vocab.COMPARED_WITH}|boven)\s+(?:de|het|the)?\s*"
    r"(?:nulmeting\w*|baseline|uitgangssituatie)",
    _I,
)


_TABLE_PCT_HEADER = re.compile(vocab.TABLE_PCT_HEADER, _I)
_TABLE_CHANGE_HEADER = re.compile(vocab.TABLE_CHANGE_HEADER, _I)
_AGREEMENT_COUNT = re.compile(r"\bextra\s+banen\b|\bbanenafspraak\b", _I)
_TABLE_CAPTION = re.compile(vocab.TABLE_CAPTION, _I)
_TABLE_INTRO = re.compile(vocab.TABLE_INTRO, _I)
_TABLE_REQUIRED = re.compile(vocab.TABLE_REQUIRED, _I)


@dataclass
class _Axis:
    """What a row label or column header says: a sector, a year, a metric hint."""

    text: str
    sector: str | None
    year: int | None
    quarter: int | None
    required: bool = False  # a caption that says what must be reached ("moeten zijn")


def _axis(text: str) -> _Axis:
    sectors = vocab.find_sectors(text)
    s = Sentence(text, 0)
    s.years, _ = _tokens(text)
    free = [y for y in s.years if not is_comparison(y, s)]
    year = year_value(free[0], s) if free else None  # "1 januari 2023": the end of 2022
    return _Axis(text, sectors[0][0] if sectors else None, year, _quarter(year, None, s))


def _table_metric(header: str, caption: str, unit: Unit) -> str | None:
    """Metric of a column: the first cue its header holds, else the caption's. What the
    figures are measured against ("extra banen ten opzichte van de nulmeting") is not what
    they are."""
    header, caption = (_REFERENCE_POINT.sub(" ", t) for t in (header, caption))
    for text in (header, caption):
        if unit == "pct":
            hit = next((m for m, rx in TABLE_PCT.items() if rx.search(text)), None)
            if hit or text is header:
                return hit or "realisation_pct"
        else:
            hit = next((m for m, rx in TABLE_JOB.items() if rx.search(text)), None)
            if hit:
                return hit
    return None


def _caption(doc: ParsedDocument, start: int) -> tuple[str, str]:
    """The table's title ("Tabel 1. Realisatie per sector in 2021") if one of the two
    paragraphs before it is one, and the paragraph that introduces the table."""
    before = [p for p in doc.text[max(0, start - 800) : start].split("\n\n") if p.strip()]
    title = next((p for p in reversed(before[-2:]) if _TABLE_CAPTION.match(p)), "")
    intro = next((p for p in reversed(before[-2:]) if p is not title), "")
    return title, intro


def table_figures(
    doc: ParsedDocument, table: TableBlock, section: str | None, year: int | None
) -> Iterable[Figure]:
    """One figure per numeric cell: sector and year from its row label or column header
    (whichever names one), metric from the column header, else from the caption."""
    rows = [r for r in table.rows if any(c is not None for c in r)]
    if len(rows) < 2:
        return
    header = [c.text if c else "" for c in rows[0]]
    title, intro = _caption(doc, table.char_start)
    caption = _axis(title)
    if caption.year is None:  # "De cijfers over heel 2021 staan in tabel 1."
        caption.year = _axis(intro).year
    if _TABLE_INTRO.search(intro) and not any(
        rx.search(_REFERENCE_POINT.sub(" ", title))
        for rx in (*TABLE_JOB.values(), *TABLE_PCT.values())
    ):  # a caption without a metric: the paragraph that presents the table says it
        caption.text = f"{title} {intro}"
    # "Aantal extra banen volgens de Quotumwet" presented as "hoeveel extra banen er ...
    # moeten zijn": the counts are what is required, not what was realised
    caption.required = bool(
        _TABLE_REQUIRED.search(title)
        or (_TABLE_INTRO.search(intro) and _TABLE_REQUIRED.search(intro))
    )
    for row in rows[1:]:
        cells = [c for c in row if c is not None]
        label = _axis(row[0].text if row[0] else "")
        for col, cell in enumerate(row[1:], start=1):
            tokens = find_numbers(cell.text) if cell else []
            if cell is None or len(tokens) != 1 or col >= len(header):
                continue
            fig = _table_cell_figure(
                doc, tokens[0], cell, cells, label, _axis(header[col]), caption, section, year
            )
            if fig:
                yield fig


def _table_part(text: str) -> str | None:
    """The part of the realised jobs a row label or column header names; of overlapping cues
    the longer ("uitzending of detachering", not "detachering")."""
    hits = [
        (m.end() - m.start(), metric)
        for metric, rx in BREAKDOWN.items()
        if vocab.METRIC[metric].part_of == "realised_jobs"
        for m in rx.finditer(text)
    ]
    return max(hits, key=lambda h: h[0])[1] if hits else None


def _table_cell_figure(
    doc: ParsedDocument,
    tok: NumberToken,
    cell: TableCell,
    cells: list[TableCell],
    label: _Axis,
    head: _Axis,
    caption: _Axis,
    section: str | None,
    year: int | None,
) -> Figure | None:
    if _TABLE_CHANGE_HEADER.search(head.text) or cell.text.lstrip().startswith("+"):
        return None  # "| Groei |", "+3.580": a change over the period before, not a level
    pct = tok.is_pct or bool(_TABLE_PCT_HEADER.search(head.text))
    unit: Unit = "pct" if pct else "jobs"
    metric = _table_metric(head.text, caption.text, unit)
    if (
        metric == "realised_jobs"
        and caption.required
        and _table_metric(f"{label.text} {head.text}", "", unit) != "realised_jobs"
    ):
        metric = "target_jobs"
    if metric == "realised_jobs":
        # "| Regulier dienstverband | 2.607 |", "| Uitzending of detachering | 12.448 |": a row
        # (or column) of one kind of contract is that part of the realised jobs
        metric = _table_part(label.text) or _table_part(head.text) or metric
    sector = label.sector or head.sector or caption.sector or section
    if sector is None and _AGREEMENT_COUNT.search(f"{caption.text} {head.text}"):
        # "Extra banen per peildatum | Peildatum | Extra banen |": the agreement's own count,
        # with no sector named anywhere, is that of all employers (a bare "Realisatie" is not)
        sector = "totaal"
    if metric is None or sector is None:
        return None
    fig_year = label.year or head.year or caption.year
    flags = []
    if fig_year is None and metric not in vocab.UNDATED_METRICS:
        fig_year, flags = year, ["year_from_report"]
    start = cell.char_start + tok.start
    q_start, q_end = page_clip(doc, cells[0].char_start, cells[-1].char_end, start)
    return Figure(
        document=doc.document,
        sector=sector,
        year=fig_year,
        quarter=label.quarter or head.quarter or caption.quarter,
        metric=metric,
        value=tok.value,
        unit=unit,
        page=doc.page_at(start),
        char_start=start,
        char_end=cell.char_start + tok.end,
        quote=normalize_ws(doc.text[q_start:q_end]),
        extractor="rules",
        flags=[*flags, "table"],
    )
