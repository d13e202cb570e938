"""The parser on the real letter: body text clean, notes linked, pages right."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest

from banen_qa.ingest.layout import DEFAULT_LAYOUT
from banen_qa.ingest.parse import PdfError, parse_pdf
from banen_qa.ingest.passages import split_passages

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"


@pytest.fixture(scope="module")
def doc():
    return parse_pdf(LETTER)


def test_body_has_no_colophon_or_page_labels(doc):
    assert "Pagina" not in doc.text
    assert "Onderwerp" not in doc.text
    assert "Postbus" not in doc.text
    assert "Zaken en Koninkrijksrelaties\n" not in doc.text
    # the colophon sat beside body lines: those lines must be whole, without margin words
    assert (
        "bij thuiswerken moeilijker te bieden zijn dan op de werklocatie. De meeste provincies"
        in doc.text
    )
    assert doc.text.startswith("In het bestuurlijk akkoord uit 2019 over de Banenafspraak")


def test_furniture_is_metadata(doc):
    assert len(doc.pages) == 8
    assert all(m.page_label == f"Pagina {m.page} van 8" for m in doc.pages)
    assert "Onderwerp" in doc.pages[3].margin
    assert any("Postbus 20018" in h for h in doc.pages[0].header)


def test_footnote_calls_are_split_from_numbers(doc):
    assert "20191" not in doc.text
    assert "uit 2019 over de Banenafspraak" in doc.text
    assert "participatiebanen gerealiseerd. Ook" in doc.text
    assert "(UNL) staat centraal" in doc.text


def test_footnotes_linked_to_calls(doc):
    notes = {f.number: f for f in doc.footnotes}
    assert sorted(notes) == [1, 2, 3, 4, 5, 6]
    assert notes[1].page == 1 and notes[1].text.startswith("Kamerstukken II 2018/19")
    assert notes[5].page == 6
    assert "21 van de 36 hbo-instellingen" in notes[5].text
    assert notes[5].text.endswith("kleine hbo- instellingen.")  # the note's two lines joined
    call = notes[5].call
    assert call is not None and call.page == 6
    assert doc.text[: call.char_offset].endswith("408 participatiebanen gerealiseerd")
    assert doc.text[: notes[1].call.char_offset].endswith("akkoord uit 2019")


def test_pages_of_characters(doc):
    at = doc.text.index("De Waterschappen hebben in 2020 262")
    assert doc.page_at(at) == 2
    assert doc.page_at(doc.text.index("In 2020 heeft Defensie 556")) == 3
    assert doc.page_at(doc.text.index("drs. K.H. Ollongren")) == 8


def test_sentence_across_page_break_is_joined(doc):
    sentence = "en het totaal aantal gerealiseerde banen nu 51 banen betreft."
    at = doc.text.index(sentence)
    assert doc.page_at(at) == 6
    assert doc.page_at(at + sentence.index("51")) == 7
    assert "51 banen betreft" in doc.page_texts[7]


def test_bullets_and_sections(doc):
    assert (
        "• Monitoren en informatie delen: o.a. organiseren themadagen, delen "
        "realisatiecijfers." in doc.text
    )
    assert "• Leren van elkaars goede voorbeelden" in doc.text
    assert "\uf0b7" not in doc.text and "(cid:" not in doc.text
    paths = [s.path for s in doc.sections]
    assert "Overheidssectoren > Defensie" in paths
    assert "Onderwijssectoren > Wetenschappelijk onderwijs" in paths
    assert doc.section_at(doc.text.index("556 banen")) == "Overheidssectoren > Defensie"


def test_hyphenation_keeps_suspended_compounds(doc):
    assert "onderwijs- en overheidssectoren" in doc.text
    assert "voor 2021-2022:" in doc.text


def test_passages_cover_body_and_footnotes(doc):
    passages = split_passages(doc)
    body = [p for p in passages if p.kind == "body"]
    for p in body:
        assert doc.text[p.char_start : p.char_end] == p.text
        assert p.page == doc.page_at(p.char_start)
    notes = [p for p in passages if p.kind == "footnote"]
    assert len(notes) == 6
    hbo_note = next(p for p in notes if "21 van de 36" in p.text)
    assert hbo_note.section == "Onderwijssectoren > Hoger beroepsonderwijs"
    cross = next(p for p in body if "51 banen betreft" in p.text)
    assert cross.pages == [6, 7]
    assert max(len(p.text) for p in passages) <= 1200
    signed = next(p for p in body if "Ollongren" in p.text)
    assert "De minister van Binnenlandse Zaken" in signed.text


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"", "empty file"),
        (b"hello, I am a text file\n", "not a PDF"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "PDF"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, cause):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(PdfError) as info:
        parse_pdf(bad)
    message = str(info.value)
    assert message.startswith(str(bad)) and "\n" not in message
    assert cause in message


def test_truncated_pdf_is_reported_not_crashed(tmp_path):
    data = LETTER.read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(data[: len(data) // 3])
    try:
        doc = parse_pdf(bad)
    except PdfError as exc:
        assert str(bad) in str(exc)
    else:  # pdfminer may recover some pages; then what it read must be sane text
        assert re.search(r"Banenafspraak", doc.text)


def test_layout_thresholds_are_settings(doc):
    """A layout is a LayoutSettings: the default is what parse_pdf uses, and a changed
    threshold changes what the parser does. Looking for the gutter only in the last 5% of
    the page finds none, so the colophon column runs into the body text."""
    assert doc.text == parse_pdf(LETTER, layout=DEFAULT_LAYOUT).text
    late = parse_pdf(LETTER, layout=replace(DEFAULT_LAYOUT, gutter_search_from=0.95))
    assert not any(m.margin for m in late.pages)
    assert "Onderwerp" in late.text and "Onderwerp" not in doc.text
    with pytest.raises(FrozenInstanceError):
        DEFAULT_LAYOUT.small_type = 0.5  # type: ignore[misc]


@pytest.mark.parametrize("layout_name", ["eenkolom", "kamerbrief", "rapport"])
def test_letterhead_stops_at_a_body_paragraph_with_year_and_word(
    tmp_path: Path, layout_name: str
) -> None:
    """'eind 2016 in totaal' is no postcode ("2500 EA" is): the opening paragraph after the
    address, date and subject is body text, not page-1 header metadata; so is a news item's
    dateline paragraph ("Den Haag, 30 juni 2017 – ...")."""
    import sys

    sys.path.insert(0, str(ROOT))
    from eval.real.build import make_letter
    from eval.synth.render import render

    source = tmp_path / "brief.txt"
    source.write_text(
        f"title: Resultaten\ndate: Den Haag, 30 juni 2017\nauthor: UWV\nlayout: {layout_name}"
        "\n---\nDen Haag, 30 juni 2017 – Volgens de resultaten zijn er eind 2016 in totaal "
        "22.554 banen gerealiseerd "
        "ten opzichte van de nulmeting, terwijl de doelstelling 20.500 banen was.\n\n"
        "In het akkoord staat dat er tot eind 2025 in totaal 125.000 extra banen komen.\n",
        "utf-8",
    )
    letter, _, _ = make_letter(source)
    pdf = tmp_path / "brief.pdf"
    render(letter, pdf)
    parsed = parse_pdf(pdf)
    assert "22.554 banen gerealiseerd" in parsed.text
    assert "125.000 extra banen" in parsed.text
    header = " ".join(parsed.pages[0].header)
    assert "22.554" not in header
