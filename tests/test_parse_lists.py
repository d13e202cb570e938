"""A bulleted list followed by a paragraph: the paragraph is not read as part of the
last item, while an item's wrapped lines (under the bullet or at its hanging indent, on
the same page or over a page break) stay in the item. Real rendered PDFs, both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from banen_qa.ingest.parse import parse_pdf
from tests.fixtures.letters import render_dated_letter

BACKENDS = ("pdfium", "pdfplumber")
LONG = (
    "de tweede maatregel, die langer is en daarom over meer dan een regel doorloopt zodat"
    " de brief aan de Kamer een vervolgregel van dit punt laat zien"
)
AFTER = "Daarnaast is het aantal banen gestegen tot 70.000. Dit is een nieuwe alinea."


def _both(pdf: Path) -> str:
    texts = [parse_pdf(pdf, backend=b).text for b in BACKENDS]
    assert texts[0] == texts[1]
    return texts[0]


@pytest.mark.parametrize("mark", ["- ", "• "])
def test_paragraph_after_a_list_is_not_the_last_item(tmp_path: Path, mark: str) -> None:
    pdf = render_dated_letter(
        tmp_path / "l.pdf",
        "Den Haag, 15 maart 2021",
        ["Wij noemen de volgende punten:", mark + "de eerste maatregel.", mark + LONG + ".", AFTER],
    )
    text = _both(pdf)
    assert "punten:\n• de eerste maatregel.\n• " + LONG + ".\n\n" + AFTER in text


def _draw(path: Path, pages: list[list[tuple[float, str]]], top: float = 760.0) -> Path:
    """Lines (x, text) drawn solid (12 pt leading, no space between paragraphs), a page
    each; an empty text leaves an empty line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont("Helvetica", 10)
        y = top
        for x, text in lines:
            c.drawString(x, y, text)
            y -= 12
        c.showPage()
    c.save()
    return path


def _wrap(text: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = [""]
    for word in text.split():
        trial = (lines[-1] + " " + word).strip()
        if stringWidth(trial, "Helvetica", 10) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


MARGIN, WIDTH = 72.0, 440.0
INTRO = (
    "De werkgevers in de sector overheid en onderwijs hebben het afgelopen jaar op "
    "verschillende manieren gewerkt aan extra banen, onder meer met de volgende punten:"
)
ITEM = (
    "het werven van kandidaten via de regionale werkgeversservicepunten, waarbij scholen "
    "en gemeenten samen optrekken en de banen in de eigen organisatie zichtbaar maken."
)


def _item(text: str, text_x: float, under_bullet: bool) -> list[tuple[float, str]]:
    """A bullet at the margin; wrapped lines at the text's hanging indent, or under the
    bullet (no hanging indent)."""
    lines = _wrap(text, MARGIN + WIDTH - text_x)
    rest_x = MARGIN if under_bullet else text_x
    return [(MARGIN, "\u2022 " + lines[0])] + [(rest_x, ln) for ln in lines[1:]]


def _para(text: str) -> list[tuple[float, str]]:
    return [(MARGIN, ln) for ln in _wrap(text, WIDTH)]


@pytest.mark.parametrize("under_bullet", [False, True], ids=["hanging", "under-bullet"])
def test_solid_list_then_paragraph(tmp_path: Path, under_bullet: bool) -> None:
    """No space above the paragraph: the item's last line closed a sentence and left room
    for the paragraph's first word, so the paragraph is no wrapped line of the item."""
    lines = (
        _para(INTRO)
        + _item("de eerste maatregel.", MARGIN + 12, under_bullet)
        + _item(ITEM, MARGIN + 12, under_bullet)
        + _para(AFTER + " " + INTRO)
    )
    text = _both(_draw(tmp_path / "solid.pdf", [lines]))
    assert "\n• de eerste maatregel.\n• " + ITEM + "\n\n" + AFTER in text


def test_hanging_continuation_with_space_stays_in_the_item(tmp_path: Path) -> None:
    """A wrapped line at the item's hanging indent stays in the item even with white space
    above it (some letters set their list items with wide leading)."""
    first, *rest = _wrap(ITEM, WIDTH - 12)
    lines = [*_para(INTRO), (MARGIN, "\u2022 " + first), (MARGIN, "")]
    lines += [(MARGIN + 12, ln) for ln in rest] + [(MARGIN, ""), *_para(AFTER)]
    text = _both(_draw(tmp_path / "wide.pdf", [lines]))
    assert "\n• " + ITEM + "\n\n" + AFTER in text


def test_list_at_a_page_break(tmp_path: Path) -> None:
    """An item wrapping over a page break goes on with the item on the next page; the
    paragraph after the list on that page is its own paragraph."""
    item = _item(ITEM, MARGIN + 12, under_bullet=False)
    page1 = _para(INTRO) + _item("de eerste maatregel.", MARGIN + 12, False) + item[:1]
    page2 = item[1:] + _para(AFTER + " " + INTRO)
    text = _both(_draw(tmp_path / "break.pdf", [page1, page2]))
    assert "\n• de eerste maatregel.\n• " + ITEM + "\n\n" + AFTER in text
