"""Find a quote on a PDF page and render the page, for the highlight viewer.

A quote comes from the parsed body text, which differs from the page's characters: line
breaks, joined hyphenation, normalised bullets, removed footnote calls, and a margin column
that pdfplumber merges into the same visual lines. So matching compares only letters and
digits (case-folded, NFKC), and falls back to the longest matching runs when the quote is
not found whole.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

import pdfplumber
import pypdfium2

MIN_RUN = 4  # shorter matching runs are coincidences in unrelated text
MIN_COVERAGE = 0.75  # share of the quote's letters/digits a partial match must cover


@dataclass
class Box:
    """A rectangle in PDF points, origin top-left (pdfplumber's `top`/`bottom`)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Highlight:
    page: int
    width: float  # page size in PDF points, so a client can scale boxes to the image
    height: float
    match: Literal["exact", "partial", "none"]
    boxes: list[Box] = field(default_factory=list)
    coverage: float = 0.0  # share of the quote's letters/digits found on the page


def _normalise(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def _page_chars(page: pdfplumber.page.Page) -> list[tuple[str, int, dict]]:
    """(normalised char, line number, pdfplumber char) in reading order, letters/digits only."""
    out: list[tuple[str, int, dict]] = []
    for line_no, line in enumerate(page.extract_text_lines(return_chars=True)):
        for ch in line["chars"]:
            for norm in _normalise(ch["text"]):  # a ligature such as "ﬁ" becomes two
                out.append((norm, line_no, ch))
    return out


def _boxes(chars: list[tuple[str, int, dict]], runs: list[tuple[int, int]]) -> list[Box]:
    """One box per line of each matched run."""
    boxes: list[Box] = []
    for start, size in runs:
        by_line: dict[int, list[dict]] = {}
        for _, line_no, ch in chars[start : start + size]:
            by_line.setdefault(line_no, []).append(ch)
        for line_chars in by_line.values():
            boxes.append(
                Box(
                    x0=min(c["x0"] for c in line_chars),
                    top=min(c["top"] for c in line_chars),
                    x1=max(c["x1"] for c in line_chars),
                    bottom=max(c["bottom"] for c in line_chars),
                )
            )
    return boxes


def _partial_runs(page_text: str, wanted: str) -> list[tuple[int, int]]:
    """(page offset, length) of the quote's runs near its longest run on the page.

    Aligning within a window around the longest run keeps common phrases elsewhere on the
    page ("in 2020", "banen gerealiseerd") from being stitched into a false match; the slack
    allows for margin-column text and footnote calls between the quote's lines."""
    matcher = SequenceMatcher(None, page_text, wanted, autojunk=False)
    anchor = matcher.find_longest_match(0, len(page_text), 0, len(wanted))
    if anchor.size < MIN_RUN:
        return []
    slack = len(wanted) // 2 + 20
    lo = max(0, anchor.a - anchor.b - slack)
    hi = min(len(page_text), anchor.a + (len(wanted) - anchor.b) + slack)
    window = SequenceMatcher(None, page_text[lo:hi], wanted, autojunk=False)
    return [(lo + b.a, b.size) for b in window.get_matching_blocks() if b.size >= MIN_RUN]


def locate_on_page(pdf_path: Path, page_no: int, quote: str) -> Highlight:
    """Boxes around `quote` on 1-based page `page_no` of `pdf_path`."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_no - 1]
        width, height = float(page.width), float(page.height)
        chars = _page_chars(page)
    page_text = "".join(c for c, _, _ in chars)
    wanted = _normalise(quote)
    if not wanted:
        return Highlight(page=page_no, width=width, height=height, match="none")
    at = page_text.find(wanted)
    if at >= 0:
        return Highlight(
            page=page_no,
            width=width,
            height=height,
            match="exact",
            boxes=_boxes(chars, [(at, len(wanted))]),
            coverage=1.0,
        )
    runs = _partial_runs(page_text, wanted)
    coverage = sum(size for _, size in runs) / len(wanted)
    if coverage < MIN_COVERAGE:  # scattered words: better no highlight than a wrong one
        return Highlight(page=page_no, width=width, height=height, match="none", coverage=coverage)
    return Highlight(
        page=page_no,
        width=width,
        height=height,
        match="partial",
        boxes=_boxes(chars, runs),
        coverage=round(coverage, 3),
    )


def render_page(pdf_path: Path, page_no: int, *, scale: float = 2.0) -> bytes:
    """PNG of 1-based page `page_no`; scale 2 is 144 dpi, sharp enough to read a quote."""
    pdf = pypdfium2.PdfDocument(pdf_path)
    try:
        image = pdf[page_no - 1].render(scale=scale).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
