"""Running headers and footers that appear too seldom to count as repeated: on page 2 only
of a two-page item, or on page 1 only. They are page metadata, and the paragraph that runs
across the page break joins without them; a short body line at the top of a page stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from banen_qa.ingest.parse import parse_pdf
from tests.fixtures.letters import render_two_page_item

SITE = "Op naar de 125.000 banen"
TITLE = "FNV na tien jaar banenafspraak: geen reden voor een feestje"
PAGE1 = [
    "Vakbond FNV wil een quotum als de doelstelling van 125.000 banen niet wordt bereikt.",
    "Volgens de afspraken van 2013 hadden er eind 2023 samen 105.000 extra banen moeten",
    "zijn. Het werden er een kleine 85.000, zo'n 80 procent van het streefgetal. Ook telden",
    "11.000 extra banen mee van leerlingen uit het voortgezet speciaal onderwijs en het",
]
PAGE2 = [
    "praktijkonderwijs, een groep die vroeger ook gewoon aan het werk ging.",
    "In de afspraak uit 2013 stond dat er tot 2025 zeker 125.000 extra banen zouden zijn.",
]
JOINED = "onderwijs en het praktijkonderwijs, een groep die vroeger ook gewoon aan het werk ging."

HEADERS = {
    # the site's name (page 1's letterhead) and the title, in small type: the eval case
    "letterhead-echo": (f"{SITE} | {TITLE}", 7.5),
    # the title alone in body type, set apart from the body by white space
    "title-body-size": (TITLE, 9.5),
    # small type that repeats nothing: a reference in a page-2 header
    "small-type": ("Kenmerk 2024-0000123, bijlage 2", 7.0),
}


def _both(pdf: Path):
    a, b = parse_pdf(pdf, backend="pdfium"), parse_pdf(pdf, backend="pdfplumber")
    assert (a.text, a.pages, a.page_spans) == (b.text, b.pages, b.page_spans)
    return a


@pytest.mark.parametrize("case", sorted(HEADERS))
def test_page_two_header_is_metadata_and_the_paragraph_joins(tmp_path: Path, case: str) -> None:
    text, size = HEADERS[case]
    pdf = render_two_page_item(
        tmp_path / f"{case}.pdf",
        letterhead=SITE,
        title=TITLE,
        page1=PAGE1,
        page2=PAGE2,
        header=(text, size),
    )
    doc = _both(pdf)
    assert doc.pages[1].header == [text]
    assert text not in doc.text
    assert JOINED in doc.text
    # the header's number is no body number: 125.000 stands in the body twice, as printed
    assert doc.text.count("125.000") == 2
    assert doc.pages[0].header == [SITE]
    assert [p.page_label for p in doc.pages] == ["Pagina 1 van 2", "Pagina 2 van 2"]
    # the paragraph starts on page 1 and ends on page 2
    start = doc.text.index(JOINED)
    spans = {s.page: (s.char_start, s.char_end) for s in doc.page_spans}
    assert spans[1][0] <= start < spans[1][1] < start + len(JOINED) <= spans[2][1]


def test_page_one_address_footer_is_metadata(tmp_path: Path) -> None:
    footer = "Postbus 90801 | 2509 LV Den Haag | www.opnaarde125000banen.nl"
    pdf = render_two_page_item(
        tmp_path / "footer.pdf",
        letterhead=SITE,
        title=TITLE,
        page1=PAGE1,
        page2=PAGE2,
        footer1=footer,
    )
    doc = _both(pdf)
    assert doc.pages[0].footer == [footer]
    assert "Postbus" not in doc.text
    assert JOINED in doc.text


def test_short_body_line_at_the_top_of_page_two_stays(tmp_path: Path) -> None:
    """No header: page 2 opens with the end of a paragraph, a short line with white space
    under it; it is body text in body type, and repeats nothing."""
    pdf = render_two_page_item(
        tmp_path / "plain.pdf",
        letterhead=SITE,
        title=TITLE,
        page1=PAGE1,
        page2=["ging.", *PAGE2[1:]],
        gap_after_first=True,
    )
    doc = _both(pdf)
    assert doc.pages[1].header == []
    assert "voortgezet speciaal onderwijs en het ging.\n\nIn de afspraak" in doc.text


ROOT = Path(__file__).resolve().parent.parent
EVAL_ITEMS = [
    ROOT / "eval" / "real" / "fresh2" / "letters" / "fresh2-09-fnv-tien-jaar-banenafspraak.pdf",
    ROOT / "eval" / "real" / "dev" / "letters" / "real-dev-35-trend-q3-2019.pdf",
]


@pytest.mark.parametrize("pdf", EVAL_ITEMS, ids=lambda p: p.stem)
def test_eval_items_keep_their_page_two_header_out(pdf: Path) -> None:
    """The rendered eval items whose site name and title head page 2 only."""
    doc = _both(pdf)
    (header,) = doc.pages[1].header
    assert header.startswith("Op naar de ") and " | " in header
    assert header not in doc.text
    assert " | " not in doc.text
