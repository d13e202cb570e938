"""PDF -> ParsedDocument: body text in reading order, with page furniture kept apart.

Ministry letters put a colophon in a narrow right-hand column, a letterhead and an
address block on the first page, "Pagina N van M" at the foot, and footnotes in small
type at the bottom, their calls glued as superscripts to the words ("20191" is 2019 +
note 1). A reader (and the figure extractor) wants none of that in the running text,
but the metadata is worth keeping. The steps, per page:

1. find the columns from where characters stand (a vertical gutter with no text);
   a narrow or small-type column to the right of the body is the margin (colophon);
2. group the body column's characters into lines (pdfplumber's grouping; with the
   pdfium backend the same grouping in pdfium_chars); drop superscripts from the line
   text and remember them as footnote calls;
3. sort lines into furniture (header, footer, page label, address), footnotes,
   headings, bullets and body; tables found by pdfplumber's table finder come out
   as rows of cells;
4. join lines into paragraphs (also across a page break), undo hyphenation, and
   write one text with a page span for every character.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from banen_qa.errors import BanenQAError
from banen_qa.ingest.layout import DEFAULT_LAYOUT, LayoutSettings
from banen_qa.models import (
    Footnote,
    FootnoteCall,
    Line,
    PageMeta,
    PageSpan,
    ParsedDocument,
    Section,
    TableBlock,
    TableCell,
)
from banen_qa.text import document_date


class PdfError(BanenQAError):
    """A PDF that cannot be read; the message is one line naming the file and the cause."""

    def __init__(self, path: Path | str, cause: str):
        self.path = str(path)
        self.cause = cause
        super().__init__(f"{path}: {cause}")


BULLET_CHARS = "•●▪■◦‣∙·–-*\uf0b7\uf0a7\uf076\uf0d8"
DINGBAT_FONTS = ("zapfdingbats", "symbol", "wingdings", "dingbats")
PAGE_LABEL = re.compile(
    r"^(pagina|page|blz\.?)\s*\d+(\s*(van|of|/)\s*\d+)?$|^-?\s*\d+\s*-?$|^\d+\s*/\s*\d+$", re.I
)
# A Dutch postcode is four digits and two capitals ("2500 EA"), never "2016 in".
ADDRESS_CUES = re.compile(r"\b(?:(?i:postbus|aan de voorzitter)|\d{4}\s?[A-Z]{2}\b)")
LETTER_FIELDS = re.compile(
    r"^(den haag,|datum\b|onderwerp\b|kenmerk\b|ons kenmerk|uw kenmerk|bijlage\(n\))"
    r"|, \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december) \d{4}$",
    re.I | re.M,
)
# parts of a running header ("SZW | Trendrapportage 2022", "Titel – Auteur")
FURNITURE_PARTS = re.compile(r"\s*\|\s*|\s+[–—•·-]\s+")
# a footer line that reads like the sender's address or web site
FOOTER_CUES = re.compile(rf"{ADDRESS_CUES.pattern}|(?i:www\.|https?://|\S@\S)")
SENTENCE_END = (".", ":", "!", "?", ";")
Backend = Literal["pdfium", "pdfplumber"]
DEFAULT_BACKEND: Backend = "pdfium"  # $BANEN_QA_PARSER=pdfplumber or parse_pdf(backend=) to change
PROSE = re.compile(r"[a-z][.!?]\s+[A-Z]|\d{4} [–—-] [A-Z]|[a-z][.!?]$")
KEEP_HYPHEN_NEXT = {"en", "of", "tot", "and", "or", "to"}


@dataclass
class _Row:
    """A line on its way through the parser, before it becomes text."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    calls: list[tuple[int, int]] = field(default_factory=list)  # (position in text, number)
    kind: str = "body"  # body | heading | bullet | table
    table: TableBlock | None = None
    table_rows: list[list[str | None]] | None = None
    xs: list[float] = field(default_factory=list)  # right edge of each character of text
    text_x0: float | None = None  # left edge of the text after a bullet glyph (bullet rows)


# ---------------------------------------------------------------------------
# opening


def open_pdf(path: Path):
    """Open with pdfplumber, turning every way a file can be unreadable into PdfError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    path = Path(path)
    if not path.exists():
        raise PdfError(path, "file not found")
    if path.stat().st_size == 0:
        raise PdfError(path, "empty file (0 bytes)")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise PdfError(path, "not a PDF (no %PDF header)")
    try:
        pdf = pdfplumber.open(path)
        n = len(pdf.pages)
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if (
            isinstance(inner, PDFPasswordIncorrect)
            or "Encrypt" in type(inner).__name__
            or "Password" in type(inner).__name__
        ):
            raise PdfError(path, "encrypted PDF (password required)") from None
        detail = str(inner).strip() or type(inner).__name__
        if isinstance(inner, PDFSyntaxError):
            raise PdfError(path, f"corrupt PDF ({detail})") from None
        raise PdfError(path, f"corrupt PDF ({type(inner).__name__}: {detail})") from None
    if n == 0:
        pdf.close()
        raise PdfError(path, "PDF has no pages")
    return pdf


# ---------------------------------------------------------------------------
# per page: columns, lines, superscripts


def _is_bold(chars) -> bool:
    fonts = [c.get("fontname", "") for c in chars if c["text"].strip()]
    return bool(fonts) and all("bold" in f.lower() or "black" in f.lower() for f in fonts)


def _dominant_size(chars) -> float:
    sizes = Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _find_margin_x(
    chars, width: float, body_size: float, layout: LayoutSettings
) -> tuple[float, float] | None:
    """(left, right) x of the gutter before a right-hand margin column, or None.

    A gutter is a run of x positions that (almost) no line of body-size text crosses,
    with text to its right. That text is a margin column when its type is smaller than
    the body's, or when it is a narrow column; otherwise it is a second body column.
    """
    text_chars = [c for c in chars if c["text"].strip()]
    if not text_chars:
        return None
    bin_pt = layout.gutter_bin_pt
    bins = int(width // bin_pt) + 1
    rows: dict[int, set[int]] = {}
    for c in text_chars:
        if c["size"] >= body_size * layout.small_type:
            rows.setdefault(round(c["top"]), set()).update(
                range(int(c["x0"] // bin_pt), int(c["x1"] // bin_pt) + 1)
            )
    coverage = [0] * (bins + 1)
    for cols in rows.values():
        for b in cols:
            if b < bins:
                coverage[b] += 1
    allow = max(1, len(rows) // layout.gutter_lines_per_crossing)
    start = int(width * layout.gutter_search_from // bin_pt)
    run = 0
    for b in range(start, bins + 1):
        if b < bins and coverage[b] <= allow:
            run += 1
            continue
        if run >= layout.gutter_min_bins:
            left = (b - run) * bin_pt
            right = b * bin_pt if b < bins else left + layout.gutter_edge_width_pt
            beyond = [c for c in text_chars if c["x0"] >= left + layout.margin_text_offset_pt]
            before = [c for c in text_chars if c["x1"] <= left + layout.body_text_offset_pt]
            if beyond and before:
                small = _dominant_size(beyond) < body_size * layout.small_type
                narrow = (
                    width - left
                ) < width * layout.narrow_margin_width and run >= layout.narrow_margin_min_bins
                if small or narrow:
                    return (
                        left,
                        min(right, min(c["x0"] for c in beyond)) - layout.gutter_right_pad_pt,
                    )
        run = 0
    return None


def _plumber_lines(page) -> Callable[[list[dict]], list[dict]]:
    """pdfplumber's own line grouping of a subset of the page's chars."""

    def lines(chars: list[dict]) -> list[dict]:
        chars_set = {id(c) for c in chars}
        sub = page.filter(lambda o: o.get("object_type") == "char" and id(o) in chars_set)
        return sub.extract_text_lines(return_chars=True, keep_blank_chars=True)

    return lines


def _line_rows(
    lines_of: Callable[[list[dict]], list[dict]],
    chars,
    page_number: int,
    body_size: float,
    layout: LayoutSettings,
) -> list[_Row]:
    """Group chars into lines (`lines_of`: pdfplumber's grouping or the same on pdfium
    chars), dropping superscript digits as footnote calls."""
    rows: list[_Row] = []
    for line in lines_of(chars):
        lchars = sorted(line["chars"], key=lambda c: c["x0"])
        size = _dominant_size(lchars) or body_size
        baseline = statistics.median(c["bottom"] for c in lchars if round(c["size"], 1) == size)
        text = ""
        xs: list[float] = []  # right edge of each character of `text`
        lefts: list[float] = []  # left edge of each character of `text`
        calls: list[tuple[int, int]] = []
        sup_digits = ""
        prev = None
        for c in lchars:
            ch = c["text"]
            if (
                prev is not None
                and ch == prev["text"]
                and abs(c["x0"] - prev["x0"]) < layout.duplicate_glyph_dx_pt
            ):
                continue  # a glyph drawn twice (fake bold) or pdfplumber's split of "(cid:N)"
            small = c["size"] < size * layout.superscript_type
            raised = c["bottom"] < baseline - size * layout.superscript_raise
            if small and raised and ch.isdigit():
                sup_digits += ch
                prev = c
                continue
            if sup_digits:
                calls.append((len(text), int(sup_digits)))
                sup_digits = ""
            if (
                prev is not None
                and ch != " "
                and text
                and not text.endswith(" ")
                and c["x0"] - prev["x1"] > c["size"] * layout.word_gap
            ):
                text += " "
                xs.append(c["x0"])
                lefts.append(prev["x1"])
            if ch.startswith("(cid:"):
                ch = "\uf0b7"  # an unmapped glyph at a line start is nearly always a bullet
            text += ch
            xs.extend([c["x1"]] * len(ch))
            lefts.extend([c["x0"]] * len(ch))
            prev = c
        if sup_digits:
            calls.append((len(text), int(sup_digits)))
        # trim, keeping call positions and xs in step with the text
        lead = len(text) - len(text.lstrip())
        bullet = bool(text.strip()) and (
            lchars[0]["fontname"].lower().split("+")[-1].startswith(DINGBAT_FONTS)
            or (text.strip()[0] in BULLET_CHARS and text.strip()[1:2] == " ")
        )
        if bullet:
            lead += 1 + len(text[lead + 1 :]) - len(text[lead + 1 :].lstrip())
        body = text[lead:].rstrip()
        if not body:
            continue
        rows.append(
            _Row(
                page=page_number,
                text=body,
                x0=line["x0"],
                x1=line["x1"],
                top=line["top"],
                bottom=line["bottom"],
                size=size,
                bold=_is_bold(lchars),
                calls=[(min(max(0, p - lead), len(body)), n) for p, n in calls],
                kind="bullet" if bullet else "body",
                xs=xs[lead : lead + len(body)],
                text_x0=lefts[lead] if bullet else None,
            )
        )
    return _attach_floating_calls(rows, body_size, layout)


def _attach_floating_calls(
    rows: list[_Row], body_size: float, layout: LayoutSettings
) -> list[_Row]:
    """A superscript raised so far that pdfplumber gave it a line of its own is still a
    footnote call: move it into the line it hangs over, at its x position."""
    keep: list[_Row] = []
    for r in rows:
        if not (
            r.text.isdigit()
            and r.size < body_size * layout.floating_call_type
            and len(r.text) <= layout.floating_call_max_digits
        ):
            keep.append(r)
            continue
        host = next(
            (
                b
                for b in rows
                if b is not r
                and b.top <= r.bottom <= b.bottom + layout.floating_call_slack_pt
                and b.x0 <= r.x0 <= b.x1 + layout.floating_call_reach_pt
                and b.size >= body_size * layout.floating_call_host_type
            ),
            None,
        )
        if host is None:
            keep.append(r)  # a lone small number: a page number, handled as furniture
            continue
        pos = sum(1 for x in host.xs if x <= r.x0 + layout.floating_call_char_pad_pt)
        host.calls.append((pos, int(r.text)))
        host.calls.sort()
    return keep


# ---------------------------------------------------------------------------
# the document


def _body_size(pages: list[_Page], layout: LayoutSettings) -> float:
    sizes: Counter[float] = Counter()
    for page in pages[: layout.body_size_pages]:
        for c in page.chars:
            if c["text"].strip():
                sizes[round(c["size"], 1)] += 1
    if not sizes:
        return 0.0
    return sizes.most_common(1)[0][0]


def _norm_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def parser_backend(backend: str | None = None) -> Backend:
    """The backend asked for, else $BANEN_QA_PARSER, else the default."""
    name = (backend or os.environ.get("BANEN_QA_PARSER") or DEFAULT_BACKEND).strip().lower()
    if name not in ("pdfium", "pdfplumber"):
        raise ValueError(f"unknown parser backend {name!r} (pdfium or pdfplumber)")
    return "pdfium" if name == "pdfium" else "pdfplumber"


def parse_pdf(
    path: Path | str,
    *,
    year: int | None = None,
    layout: LayoutSettings = DEFAULT_LAYOUT,
    backend: str | None = None,
) -> ParsedDocument:
    """Parse one letter. Raises PdfError for files that cannot be read.

    `layout` holds every threshold the parser reads a page with; a letter with another
    layout is another LayoutSettings, not an edit here. `backend` reads the characters:
    "pdfplumber" or "pdfium" (pypdfium2's text page, 5-10x faster; pdfplumber then only
    finds ruled tables); default $BANEN_QA_PARSER or DEFAULT_BACKEND."""
    path = Path(path)
    which = parser_backend(backend)
    pdf = open_pdf(path)  # pdfplumber also for pdfium: the same causes for unreadable files
    try:
        pages = _plumber_pages(pdf) if which == "pdfplumber" else _pdfium_pages(pdf, path)
        return _parse(pages, pdf, path, year, layout)
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(path, f"could not parse ({type(exc).__name__}: {exc})") from exc
    finally:
        pdf.close()


@dataclass
class _Page:
    """One page as the parser reads it, whichever backend read the characters."""

    number: int
    width: float
    height: float
    chars: list[dict]
    lines_of: Callable[[list[dict]], list[dict]]
    tables: Callable[[LayoutSettings], list]  # ruled tables (pdfplumber's table finder)


def _plumber_pages(pdf) -> list[_Page]:
    def tables(page) -> Callable[[LayoutSettings], list]:
        return lambda layout: _find_tables(page, layout) if (page.rects or page.lines) else []

    return [
        _Page(
            number=p.page_number,
            width=float(p.width),
            height=float(p.height),
            chars=list(p.chars),
            lines_of=_plumber_lines(p),
            tables=tables(p),
        )
        for p in pdf.pages
    ]


def _pdfium_pages(pdf, path: Path) -> list[_Page]:
    """Chars from pypdfium2 (see pdfium_chars). A page with path objects may hold a ruled
    table: pdfplumber finds it there from the page's graphics alone (its text is not
    interpreted, which is what makes pdfplumber slow), with these chars for the cells."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    from banen_qa.ingest.pdfium_chars import group_lines, page_chars

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise PdfError(path, f"corrupt PDF (pdfium: {exc})") from None
    out: list[_Page] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            chars = page_chars(page, textpage)
            has_paths = any(
                pdfium_raw.FPDFPageObj_GetType(pdfium_raw.FPDFPage_GetObject(page, k))
                == pdfium_raw.FPDF_PAGEOBJ_PATH
                for k in range(pdfium_raw.FPDFPage_CountObjects(page))
            )
            width, height = page.get_width(), page.get_height()
            textpage.close()
            page.close()
            out.append(
                _Page(
                    number=i + 1,
                    width=width,
                    height=height,
                    chars=chars,
                    lines_of=group_lines,
                    tables=_tables_of(pdf, i, chars, has_paths),
                )
            )
    finally:
        doc.close()
    return out


def _tables_of(pdf, i: int, chars: list[dict], has_paths: bool) -> Callable[[LayoutSettings], list]:
    if not has_paths:
        return lambda layout: []
    return lambda layout: _graphics_tables(pdf.pages[i], chars, layout)


def _graphics_tables(page, chars: list[dict], layout: LayoutSettings) -> list:
    """pdfplumber's ruled tables on `page`, its layout built without rendering any text;
    the cells read `chars` (pdfium's)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class _NoText(PDFPageAggregatorWithMarkedContent):
        def render_string(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            return None

    device = _NoText(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()
    objects = page.objects
    if not (objects.get("rect") or objects.get("line")):
        return []
    objects["char"] = [dict(c, doctop=c["top"]) for c in chars]
    return _find_tables(page, layout)


def _parse(
    pages: list[_Page], pdf, path: Path, year: int | None, layout: LayoutSettings
) -> ParsedDocument:
    body_size = _body_size(pages, layout)
    if body_size == 0.0:
        raise PdfError(path, "no text layer (scanned or image-only PDF?)")

    metas: list[PageMeta] = []
    page_rows: list[list[_Row]] = []
    footnotes: list[Footnote] = []
    for page in pages:
        n = page.number
        meta = PageMeta(page=n)
        chars = list(page.chars)
        gutter = _find_margin_x(chars, page.width, body_size, layout)
        if gutter is not None:
            # a row that runs through the gutter (a letterhead) is not split
            slack = layout.gutter_crossing_slack_pt
            through = {
                round(c["top"])
                for c in chars
                if c["x1"] > gutter[0] + slack and c["x0"] < gutter[1] - slack
            }
            in_margin = [c["x0"] >= gutter[1] and round(c["top"]) not in through for c in chars]
            margin_chars = [c for c, m in zip(chars, in_margin, strict=True) if m]
            chars = [c for c, m in zip(chars, in_margin, strict=True) if not m]
            for r in _line_rows(page.lines_of, margin_chars, n, body_size, layout):
                if PAGE_LABEL.match(r.text):
                    meta.page_label = r.text
                else:
                    meta.margin.append(r.text)
        tables = page.tables(layout)
        if tables:
            boxes = [t.bbox for t in tables]
            chars = [c for c in chars if not _inside_any(c, boxes, layout.table_box_slack_pt)]
        rows = _line_rows(page.lines_of, chars, n, body_size, layout)
        rows = _take_footnotes(rows, body_size, n, footnotes, layout)
        for t in tables:
            rows.append(
                _Row(
                    page=n,
                    text="",
                    x0=t.bbox[0],
                    x1=t.bbox[2],
                    top=t.bbox[1],
                    bottom=t.bbox[3],
                    size=body_size,
                    bold=False,
                    kind="table",
                    table_rows=t.extract(),
                )
            )
        rows.sort(key=lambda r: (round(r.top), r.x0))
        metas.append(meta)
        page_rows.append(rows)

    info = pdf.metadata or {}
    echoes = [str(info.get(k) or "") for k in ("Title", "Author")]
    _strip_furniture(page_rows, metas, [p.height for p in pages], body_size, echoes, layout)
    _mark_headings(page_rows, body_size, layout)
    if sum(len(r) for r in page_rows) == 0:
        raise PdfError(path, "no body text found (scanned or image-only PDF?)")
    doc = _assemble(page_rows, footnotes, metas, path, len(pages), body_size, layout)
    doc.title = (pdf.metadata or {}).get("Title") or None
    doc.year = year
    return doc


def _inside_any(c, boxes, slack: float) -> bool:
    return any(
        b[0] - slack <= c["x0"]
        and c["x1"] <= b[2] + slack
        and b[1] - slack <= c["top"]
        and c["bottom"] <= b[3] + slack
        for b in boxes
    )


def _find_tables(page, layout: LayoutSettings):
    """Ruled tables only: text-alignment strategies mistake prose for tables."""
    try:
        return [
            t
            for t in page.find_tables()
            if len(t.rows) >= layout.table_min_rows and len(t.columns) >= layout.table_min_columns
        ]
    except Exception:
        return []


def _take_footnotes(
    rows: list[_Row], body_size: float, page: int, out: list[Footnote], layout: LayoutSettings
) -> list[_Row]:
    """Small-type lines at the bottom that start with a number are footnotes."""
    body_rows = [r for r in rows if r.size >= body_size * layout.small_type]
    last_body = max((r.bottom for r in body_rows), default=0.0)
    keep: list[_Row] = []
    current: Footnote | None = None
    for r in rows:
        is_small = (
            r.size < body_size * layout.small_type and r.top >= last_body - layout.footnote_slack_pt
        )
        if not is_small or PAGE_LABEL.match(r.text):
            keep.append(r)
            continue
        number = None
        text = r.text
        if r.calls and r.calls[0][0] == 0:
            number, text = r.calls[0][1], r.text
        else:
            m = re.match(r"^(\d{1,3})\s+(\S.*)$", r.text)
            if m:
                number, text = int(m.group(1)), m.group(2)
        if number is not None:
            current = Footnote(number=number, page=page, text=text.strip())
            out.append(current)
        elif current is not None and current.page == page:
            current.text = _join_lines(current.text, r.text)
        else:
            keep.append(r)  # small type that is no footnote: a caption, a source line
    return keep


def _dated(metas: list[PageMeta], text: str) -> dt.date | None:
    """The letter's date: letterhead and colophon of page 1 first ("Den Haag, 18 november
    2025"), then the opening of the body ("Gepubliceerd: 3 juli 2019")."""
    first = metas[0] if metas else None
    head = [*first.header, *first.margin] if first else []
    return document_date("\n".join(head)) or document_date(text)


def _strip_furniture(
    page_rows: list[list[_Row]],
    metas: list[PageMeta],
    heights: list[float],
    body_size: float,
    echoes: list[str],
    layout: LayoutSettings,
) -> None:
    """Move page labels, repeated and running headers/footers and the address block into
    metadata. `echoes` are texts a running header may repeat (the PDF's title, author)."""
    n_pages = len(page_rows)
    first_top = [
        r.text
        for r in (page_rows[0] if page_rows else [])
        if r.kind != "table" and r.bottom < heights[0] * layout.letterhead_band
    ]
    parts = _furniture_parts([*echoes, *first_top, " ".join(first_top)], layout)
    if metas:
        parts |= _furniture_parts(metas[0].margin, layout)
    repeated: Counter[str] = Counter()
    for rows in page_rows:
        seen = {_norm_furniture(r.text) for r in rows if r.kind != "table"}
        repeated.update(seen)
    for i, rows in enumerate(page_rows):
        height = heights[i]
        meta = metas[i]
        keep = []
        for r in rows:
            if r.kind == "table":
                keep.append(r)
                continue
            in_top = r.bottom < height * layout.header_band
            in_bottom = r.top > height * layout.footer_band
            if (in_top or in_bottom) and PAGE_LABEL.match(r.text):
                meta.page_label = r.text
            elif (
                (in_top or in_bottom)
                and n_pages >= layout.furniture_min_repeats
                and repeated[_norm_furniture(r.text)]
                >= max(layout.furniture_min_repeats, n_pages // layout.furniture_page_share)
            ):
                (meta.header if in_top else meta.footer).append(r.text)
            else:
                keep.append(r)
        page_rows[i] = keep
    for i, rows in enumerate(page_rows):
        if i > 0:  # page 1's top is the letterhead's
            head = _running_block(rows, heights[i], body_size, parts, layout, top=True)
            metas[i].header.extend(r.text for r in rows[:head])
            del rows[:head]
        foot = _running_block(rows, heights[i], body_size, parts, layout, top=False)
        if foot:
            metas[i].footer.extend(r.text for r in rows[-foot:])
            del rows[-foot:]
    _strip_letterhead(page_rows, metas, heights[0], layout)


def _furniture_parts(texts: list[str], layout: LayoutSettings) -> set[str]:
    """The parts of `texts` a running header may repeat, normalised; short parts
    ("SZW", "2022") are left out, they say too little to tell a header from the body."""
    return {
        part
        for text in texts
        for part in _parts(text)
        if len(part) >= layout.running_echo_min_chars
    }


def _parts(text: str) -> list[str]:
    """A line and its parts between separators, each normalised as furniture."""
    return [
        " ".join(_norm_furniture(part).strip(" .,:;'\"‘’“”").split())
        for part in [text, *FURNITURE_PARTS.split(text)]
    ]


def _running_block(
    rows: list[_Row],
    height: float,
    body_size: float,
    parts: set[str],
    layout: LayoutSettings,
    *,
    top: bool,
) -> int:
    """How many of the first (`top`) or last rows of a page are a running header or
    footer that the repeat test missed: one on page 2 only of a two-page letter, or one
    that differs from page to page. The block stands in the band, a wide gap apart from
    the body, in a few short lines that are no sentence and not larger than the body;
    and it repeats part of the title, author or page 1's letterhead ("Op naar de 125.000
    banen | <title>"), or, a header, is in small type, or, a footer, is in small type and
    reads like an address or a web site. A body line that merely stands at the top of a
    page has the body's size and leading, and repeats no title."""
    ordered = rows if top else rows[::-1]
    for n in range(1, min(layout.running_max_lines, len(ordered) - 1) + 1):
        block, nxt = ordered[:n], ordered[n]
        if any(r.kind == "table" for r in block):
            return 0
        if top and block[-1].bottom >= height * layout.header_band:
            return 0
        if not top and block[-1].top <= height * layout.footer_band:
            return 0
        edge = block[-1]
        gap = nxt.top - edge.bottom if top else edge.top - nxt.bottom
        if gap <= edge.size * layout.running_gap:
            continue
        if not all(
            len(r.text) < layout.running_max_chars
            and not PROSE.search(r.text)
            and r.size <= body_size * layout.running_max_type
            for r in block
        ):
            return 0
        small = all(r.size < body_size * layout.small_type for r in block)
        echo = any(part in parts for r in block for part in _parts(r.text))
        plain = not any(r.bold for r in block)
        if top and (small or (echo and plain)):
            return n
        if not top and small and (echo or any(FOOTER_CUES.search(r.text) for r in block)):
            return n
        return 0
    return 0


def _strip_letterhead(
    page_rows: list[list[_Row]], metas: list[PageMeta], height: float, layout: LayoutSettings
) -> None:
    """First page: the blocks above the body (letterhead, address, date, subject) are
    furniture. A block is a run of lines without a wide gap; it is furniture while it
    stands in the top band of the page, is in smaller type than the body, or reads like
    an address or a letter's header."""
    rows = page_rows[0] if page_rows else []
    if len(rows) < 2:
        return
    body_size = Counter(r.size for r in rows).most_common(1)[0][0]
    taken = 0
    for _ in range(layout.letterhead_blocks):  # a letter has a few such blocks at most
        j = taken + 1
        while (
            j < len(rows)
            and rows[j].top - rows[j - 1].bottom < rows[j].size * layout.letterhead_block_gap
        ):
            j += 1
        if j >= len(rows):
            break
        block = rows[taken:j]
        text = "\n".join(r.text for r in block)
        small = all(r.size < body_size * layout.letterhead_small_type for r in block)
        on_top = block[-1].bottom < height * layout.letterhead_band
        # an address or a letter's fields are a few lines without a sentence in them; a
        # longer block, or one that reads on after a sentence or a dateline's dash ("Den
        # Haag, 15 augustus 2023 – Deze notitie ..."), is the body
        reads_like = (
            len(block) <= layout.letterhead_max_cue_lines
            and not PROSE.search(text)
            and bool(ADDRESS_CUES.search(text) or LETTER_FIELDS.search(text))
        )
        if not (on_top or small or reads_like):
            break
        metas[0].header.extend(r.text for r in block)
        taken = j
    page_rows[0] = rows[taken:]


def _mark_headings(page_rows: list[list[_Row]], body_size: float, layout: LayoutSettings) -> None:
    """Bold or larger short lines that do not end a sentence are headings."""
    for rows in page_rows:
        for r in rows:
            if r.kind != "body":
                continue
            larger = r.size > body_size * layout.heading_type
            short = len(r.text) < layout.heading_max_chars and not r.text.endswith((".", ",", ";"))
            if short and (r.bold or (larger and len(r.text.split()) <= layout.heading_max_words)):
                r.kind = "heading"


# ---------------------------------------------------------------------------
# assembling text


def _join_lines(left: str, right: str) -> str:
    """Join two wrapped lines, undoing a hyphen at the break where it was only a break."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right:
        word_left = re.split(r"[\s(‘'\"]", left)[-1][:-1]
        first = right.split()[0].strip(".,;:") if right.split() else ""
        keep = (
            first.lower() in KEEP_HYPHEN_NEXT
            or len(word_left) <= 3
            or word_left.isupper()
            or not right[0].islower()
        )
        if first.lower() in KEEP_HYPHEN_NEXT:
            return left + " " + right  # "onderwijs- en overheidssectoren"
        return left + right if keep else left[:-1] + right
    if left.endswith("-") and len(left) > 1 and left[-2].isdigit():
        return left + right  # 2021-2022
    return left + " " + right


@dataclass
class _Builder:
    """Accumulates text with page spans, so each character keeps its page."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    spans: list[PageSpan] = field(default_factory=list)
    page: int | None = None

    def add(self, text: str, page: int) -> int:
        if self.page != page:
            if self.spans:
                self.spans[-1].char_end = self.length
            self.spans.append(PageSpan(page=page, char_start=self.length, char_end=self.length))
            self.page = page
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def text(self) -> str:
        if self.spans:
            self.spans[-1].char_end = self.length
        return "".join(self.parts)


def _assemble(
    page_rows,
    footnotes,
    metas,
    path: Path,
    n_pages: int,
    body_size: float,
    layout: LayoutSettings,
) -> ParsedDocument:
    b = _Builder()
    lines: list[Line] = []
    calls: list[FootnoteCall] = []
    sections: list[Section] = []
    tables: list[TableBlock] = []
    heading_stack: list[tuple[int, str, int]] = []  # (level, heading, section index)
    para_open = False
    in_list = False
    item: _Row | None = None  # the bullet line of the list item being read
    prev: _Row | None = None
    heading_levels = _heading_levels(page_rows, body_size)

    def close_paragraph():
        nonlocal para_open, in_list
        if para_open:
            b.add("\n\n", prev.page if prev else 1)
        para_open = False
        in_list = False

    all_rows = [r for rows in page_rows for r in rows]
    # where the body's lines end on each page: a line ending well short of it did not wrap
    right_edge = {
        rows[0].page: max(r.x1 for r in rows if r.kind in ("body", "bullet"))
        for rows in page_rows
        if any(r.kind in ("body", "bullet") for r in rows)
    }
    for r in all_rows:
        if r.kind == "table":
            close_paragraph()
            tables.append(_add_table(b, r))
            para_open = True
            close_paragraph()
            prev = r
            continue
        if r.kind == "heading":
            close_paragraph()
            level = heading_levels.get(id(r), 2)
            for _lvl, _h, idx in [h for h in heading_stack if h[0] >= level]:
                sections[idx].char_end = b.length
            heading_stack = [h for h in heading_stack if h[0] < level]
            start = b.add(r.text, r.page)
            path_ = " > ".join([h[1] for h in heading_stack] + [r.text])
            sections.append(
                Section(path=path_, heading=r.text, level=level, char_start=start, char_end=start)
            )
            heading_stack.append((level, r.text, len(sections) - 1))
            b.add("\n\n", r.page)
            lines.append(_line(r))
            prev = r
            continue
        new_para = _starts_paragraph(prev, r, item if in_list else None, right_edge, layout)
        if r.kind == "bullet":
            if para_open and (in_list or b.parts[-1].rstrip().endswith(":")):
                b.add("\n", r.page)
            else:
                close_paragraph()
            b.add("• ", r.page)
            in_list = True
            item = r
        elif new_para:
            close_paragraph()
        elif para_open:
            joined = _join_lines(b.parts[-1], r.text)
            # rewrite the tail of the previous line (hyphen) and add the separator
            tail = b.parts.pop()
            b.length -= len(tail)
            sep_text = joined[: len(joined) - len(r.text)]
            b.add(sep_text, prev.page if prev else r.page)
            start = b.add(r.text, r.page)
            _record_calls(r, start, calls)
            lines.append(_line(r))
            prev = r
            continue
        start = b.add(r.text, r.page)
        _record_calls(r, start, calls)
        lines.append(_line(r))
        para_open = True
        prev = r

    text = b.text()
    for _lvl, _h, idx in heading_stack:
        sections[idx].char_end = len(text)
    # calls to footnotes: link each note to its (first) call
    by_number: dict[int, FootnoteCall] = {}
    for c in calls:
        by_number.setdefault(c.number, c)
    for f in footnotes:
        f.call = by_number.get(f.number)
    spans = [s for s in b.spans if s.char_end > s.char_start]
    page_texts = {s.page: "" for s in spans}
    for s in spans:
        page_texts[s.page] += text[s.char_start : s.char_end]
    return ParsedDocument(
        document=path.stem,
        path=str(path),
        n_pages=n_pages,
        text=text,
        page_spans=spans or [PageSpan(page=1, char_start=0, char_end=len(text))],
        page_texts=page_texts,
        lines=lines,
        sections=sections,
        footnotes=footnotes,
        tables=tables,
        pages=metas,
        date=_dated(metas, text),
    )


def _line(r: _Row) -> Line:
    kind: Literal["body", "heading", "bullet"] = (
        "heading" if r.kind == "heading" else "bullet" if r.kind == "bullet" else "body"
    )
    return Line(
        page=r.page,
        text=r.text,
        x0=r.x0,
        top=r.top,
        x1=r.x1,
        bottom=r.bottom,
        size=r.size,
        bold=r.bold,
        kind=kind,
    )


def _record_calls(r: _Row, start: int, calls: list[FootnoteCall]) -> None:
    for pos, number in r.calls:
        calls.append(FootnoteCall(number=number, page=r.page, char_offset=start + pos))


def _starts_paragraph(
    prev: _Row | None,
    r: _Row,
    item: _Row | None,
    right_edge: dict[int, float],
    layout: LayoutSettings,
) -> bool:
    """Whether body line `r` starts a paragraph after `prev`; `item` is the bullet line of
    the list item being read, None outside a list."""
    if prev is None or prev.kind in ("heading", "table"):
        return True
    if prev.page != r.page:
        # a page break: the paragraph goes on unless the last line closed a sentence
        # and the new one starts with a capital
        ended = prev.text.rstrip().endswith(SENTENCE_END)
        return ended and not r.text[:1].islower()
    gap = r.top - prev.bottom
    if item is not None:
        indent = layout.list_indent_pt
        if r.x0 <= prev.x0 - indent if prev.kind == "bullet" else r.x0 < prev.x0 - indent:
            return True
        return _leaves_item(prev, r, item, gap, right_edge.get(r.page), layout)
    return gap > r.size * layout.paragraph_gap


def _leaves_item(
    prev: _Row, r: _Row, item: _Row, gap: float, right_edge: float | None, layout: LayoutSettings
) -> bool:
    """Whether `r`, a line back at the list's left (not further left than the line above),
    is a paragraph after the list rather than the next line of item `item`. A line at the
    item's hanging indent (where its text starts after the bullet) goes on with the item,
    whatever the space above it. Any other line (back under the bullet, at the body margin
    when the bullet hangs in it, or a first-line indent short of the item's text) leaves
    the item when white space sets it off, or, set solid, when the line above closed a
    sentence and did not wrap: the new line's first word would have fitted after it."""
    text_x0 = item.text_x0 if item.text_x0 is not None else item.x0
    if r.x0 >= text_x0 - layout.hanging_indent_slack_pt:
        return False
    if gap > r.size * layout.paragraph_gap:
        return True
    if right_edge is None or not prev.text.rstrip().endswith(SENTENCE_END):
        return False
    first = r.text.split()[0] if r.text.split() else ""
    if not first[:1].isupper() or len(r.xs) < len(first):
        return False
    width = r.xs[len(first) - 1] - r.x0
    space = r.size * layout.word_gap
    return prev.x1 + space + width < right_edge - layout.line_end_slack_pt


def _heading_levels(page_rows, body_size: float) -> dict[int, int]:
    """Level 1 for headings that are larger than the rest, or that head a group of
    headings (a heading followed directly by another heading)."""
    headings = [r for rows in page_rows for r in rows if r.kind == "heading"]
    levels: dict[int, int] = {}
    if not headings:
        return levels
    sizes = sorted({h.size for h in headings}, reverse=True)
    all_rows = [r for rows in page_rows for r in rows]
    for i, r in enumerate(all_rows):
        if r.kind != "heading":
            continue
        level = sizes.index(r.size) + 1
        nxt = all_rows[i + 1] if i + 1 < len(all_rows) else None
        if len(sizes) == 1 and nxt is not None and nxt.kind == "heading":
            level = 1
        elif len(sizes) == 1:
            level = 2
        levels[id(r)] = level
    return levels


def _add_table(b: _Builder, r: _Row) -> TableBlock:
    """Render a table as lines of ' | '-joined cells, keeping each cell's offsets."""
    rows_out: list[list[TableCell | None]] = []
    start = b.length
    for ri, row in enumerate(r.table_rows or []):
        if ri:
            b.add("\n", r.page)
        cells: list[TableCell | None] = []
        for ci, cell in enumerate(row):
            if ci:
                b.add(" | ", r.page)
            if cell is None:
                cells.append(None)
                continue
            cell_text = " ".join(cell.split())
            s = b.add(cell_text, r.page)
            cells.append(TableCell(text=cell_text, char_start=s, char_end=s + len(cell_text)))
        rows_out.append(cells)
    return TableBlock(
        page=r.page,
        bbox=(r.x0, r.top, r.x1, r.bottom),
        rows=rows_out,
        char_start=start,
        char_end=b.length,
    )
