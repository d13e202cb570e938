"""Plain data records passed between the stages.

Flow: PDF -> ParsedDocument (pages, lines, footnotes, body text) -> Passage -> Figure
-> index -> Answer. Every stage takes and returns these records; nothing here does I/O.

Offsets: a ParsedDocument has one `text` string, the body in reading order, with
paragraphs separated by a blank line. `char_start`/`char_end` everywhere are offsets
into that string, and `PageSpan`s say which page each character stands on, so a
sentence joined across a page break still knows the page of every character.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, Field, computed_field

Unit = Literal["jobs", "pct"]

# Figure flags that ask a reader to check the figure; the other flags only note where its
# sector or year came from ("sector_from_context", "year_from_report", "table").
# "conflict": another letter gives the same sector-year-metric another value.
WARNING_FLAGS = frozenset({"pct_mismatch", "llm_disagrees", "conflict"})


class Line(BaseModel):
    """One line of body text as laid out on the page (after margin/footers are removed)."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # dominant font size
    bold: bool = False
    kind: Literal["body", "heading", "bullet"] = "body"


class FootnoteCall(BaseModel):
    """A superscript note number in the body, removed from the text ("20191" -> "2019" + 1)."""

    number: int
    page: int
    char_offset: int  # offset in ParsedDocument.text right after the word that carried it


class Footnote(BaseModel):
    number: int
    page: int
    text: str
    call: FootnoteCall | None = None


class PageMeta(BaseModel):
    """What is on a page but not body text: margin column, running header/footer, page label."""

    page: int
    margin: list[str] = Field(default_factory=list)  # right-hand colophon column lines
    header: list[str] = Field(default_factory=list)
    footer: list[str] = Field(default_factory=list)
    page_label: str | None = None  # e.g. "Pagina 3 van 8"


class PageSpan(BaseModel):
    page: int
    char_start: int
    char_end: int


class Section(BaseModel):
    """A heading and the body range it governs; `path` joins nested headings with ' > '."""

    path: str
    heading: str
    level: int
    char_start: int
    char_end: int


class TableCell(BaseModel):
    text: str
    char_start: int  # offsets of the cell text in ParsedDocument.text
    char_end: int


class TableBlock(BaseModel):
    """A table found by pdfplumber's table finder; rendered into `text` as rows of cells
    joined by ' | ', one row a line, so its cells have offsets like any other text."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[TableCell | None]]
    char_start: int
    char_end: int


class ParsedDocument(BaseModel):
    document: str  # file stem, the id used everywhere
    path: str
    title: str | None = None
    n_pages: int
    text: str
    page_spans: list[PageSpan]
    page_texts: dict[int, str] = Field(
        default_factory=dict
    )  # body text of each page, as it stands on that page (for validation/highlighting)
    lines: list[Line] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    tables: list[TableBlock] = Field(default_factory=list)
    pages: list[PageMeta] = Field(default_factory=list)
    year: int | None = None  # the year the document reports on (manifest or guessed)
    date: dt.date | None = None  # the date the document is dated, read from its text

    def page_at(self, offset: int) -> int:
        """Page of the character at `offset` in `text`."""
        starts = [s.char_start for s in self.page_spans]
        i = max(0, bisect_right(starts, offset) - 1)
        return self.page_spans[i].page

    def section_at(self, offset: int) -> str:
        """Deepest section path covering `offset` ('' before the first heading)."""
        best = ""
        best_level = -1
        for s in self.sections:
            if s.char_start <= offset < s.char_end and s.level > best_level:
                best, best_level = s.path, s.level
        return best


class Passage(BaseModel):
    """A paragraph-sized piece of body text (or one footnote), the unit of retrieval."""

    id: str  # "{document}:{n}"
    document: str
    page: int  # page of the first character
    pages: list[int]
    section: str
    text: str
    char_start: int
    char_end: int
    kind: Literal["body", "footnote", "table"] = "body"
    # optional: page of every character, for a passage that runs over a page break, so a
    # sentence quoted from it cites the page it stands on (added by the retrieval engineer)
    page_spans: list[PageSpan] = Field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """Page of the character at document offset `offset` (falls back to `page`)."""
        page = self.page
        for span in self.page_spans:
            if span.char_start <= offset:
                page = span.page
        return page


class Figure(BaseModel):
    """One validated number: a sector's jobs, target or percentage for a year."""

    document: str
    sector: str
    year: int | None
    quarter: int | None = None
    metric: str
    value: float
    unit: Unit
    page: int
    char_start: int  # span of the value's text in ParsedDocument.text
    char_end: int
    quote: str  # the sentence (clipped to the value's page) the value stands in
    extractor: str = "rules"
    flags: list[str] = Field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, int | None, str]:
        return (self.document, self.sector, self.year, self.metric)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented idiom
    @property
    def warnings(self) -> list[str]:
        return [f for f in self.flags if f in WARNING_FLAGS]


class Citation(BaseModel):
    document: str
    page: int
    quote: str
    title: str | None = None  # the letter's title and date, where the corpus knows them
    date: str | None = None  # ISO date


class Computed(BaseModel):
    """A number the answer computed from cited figures, e.g. 341 - 331 = 10."""

    value: float
    expression: str  # "341 − 331 = 10"
    op: Literal["difference", "sum", "ratio"]
    # operands in order: difference = inputs[0] - inputs[1]; ratio = inputs[0] / inputs[1]
    # as a percentage, rounded to one decimal
    inputs: list[float]


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    language: Literal["nl", "en"] = "en"
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    computed: list[Computed] = Field(default_factory=list)
