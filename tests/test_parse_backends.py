"""The pdfium backend reads letters as the pdfplumber backend does.

Body text, page spans, page metadata (margin, headers, footers, labels, letterhead),
footnotes and their calls, sections, tables and the figures extracted from them are
equal; line boxes are equal to a thousandth of a point (pdfium keeps positions as
float32, pdfminer as float64). Font names lose their subset tag ("AAAAAA+") under pdfium;
the parser only reads them for bold and dingbat tests, which ignore the tag.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from banen_qa.extract.figures import extract_figures, report_year
from banen_qa.ingest.parse import parse_pdf, parser_backend
from banen_qa.ingest.passages import split_passages
from banen_qa.ingest.pdfium_chars import group_lines

ROOT = Path(__file__).resolve().parent.parent
LETTERS = (
    sorted((ROOT / "corpus").glob("*.pdf"))
    + sorted((ROOT / "eval" / "synth" / "letters").glob("*.pdf"))[:4]
    + sorted((ROOT / "eval" / "real" / "dev" / "letters").glob("*.pdf"))[:3]
)


@pytest.mark.parametrize("pdf", LETTERS, ids=lambda p: p.stem)
def test_backends_read_the_same_letter(pdf: Path) -> None:
    a = parse_pdf(pdf, backend="pdfplumber")
    b = parse_pdf(pdf, backend="pdfium")
    for field in (
        "text",
        "page_spans",
        "page_texts",
        "sections",
        "footnotes",
        "tables",
        "pages",
        "n_pages",
        "title",
    ):
        assert getattr(a, field) == getattr(b, field), field
    assert len(a.lines) == len(b.lines)
    for la, lb in zip(a.lines, b.lines, strict=True):
        assert (la.page, la.text, la.kind, la.bold) == (lb.page, lb.text, lb.kind, lb.bold)
        assert la.size == pytest.approx(lb.size, abs=1e-3)
        for k in ("x0", "x1", "top", "bottom"):
            assert getattr(la, k) == pytest.approx(getattr(lb, k), abs=0.01), k
    # the figures (what eval scores) are the same
    figs = []
    for doc in (a, b):
        doc.year = report_year(doc)
        figs.append([f.model_dump() for f in extract_figures(doc, split_passages(doc))])
    assert figs[0] == figs[1]
    assert figs[0] or "synth" not in pdf.stem


def test_footnote_calls_and_margin_survive_the_backend() -> None:
    """The real letter: superscript calls, the colophon column and page labels."""
    doc = parse_pdf(LETTERS[0], backend="pdfium")
    assert any(f.call is not None for f in doc.footnotes)
    assert any(p.margin for p in doc.pages)
    assert any(p.page_label for p in doc.pages)


@pytest.mark.parametrize("pdf", LETTERS[:3], ids=lambda p: p.stem)
def test_group_lines_is_pdfplumbers_line_grouping(pdf: Path) -> None:
    """On pdfplumber's own chars, group_lines gives extract_text_lines' lines (which
    repeat a char once per letter of its text: "(cid:127)", ligatures; the parser skips
    such repeats)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            want = page.extract_text_lines(return_chars=True, keep_blank_chars=True)
            got = group_lines(list(page.chars))
            assert [_ids(line["chars"]) for line in want] == [_ids(line["chars"]) for line in got]
            assert [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in want] == [
                (g["x0"], g["top"], g["x1"], g["bottom"]) for g in got
            ]


def _ids(chars: list[dict]) -> list[int]:
    out: list[int] = []
    for c in chars:
        if not out or out[-1] != id(c):
            out.append(id(c))
    return out


def test_backend_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANEN_QA_PARSER", "pdfium")
    assert parser_backend() == "pdfium"
    assert parser_backend("pdfplumber") == "pdfplumber"
    monkeypatch.setenv("BANEN_QA_PARSER", "tesseract")
    with pytest.raises(ValueError, match="unknown parser backend"):
        parser_backend()
