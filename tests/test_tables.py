"""Figures from ruled tables in the generated letters: every table figure in the gold,
nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banen_qa.extract.figures import extract_figures
from banen_qa.ingest.parse import parse_pdf
from banen_qa.ingest.passages import split_passages
from banen_qa.models import Figure, PageSpan, ParsedDocument, TableBlock, TableCell

SYNTH = Path(__file__).resolve().parents[1] / "eval" / "synth"
GOLD = [json.loads(line) for line in (SYNTH / "gold-figures.jsonl").read_text().splitlines()]
TABLE_GOLD = [g for g in GOLD if g["note"].startswith("table row")]
TABLE_LETTERS = sorted({g["document"] for g in TABLE_GOLD})


def table_figures(doc: ParsedDocument) -> list[Figure]:
    return [f for f in extract_figures(doc, split_passages(doc)) if "table" in f.flags]


@pytest.mark.parametrize("stem", TABLE_LETTERS)
def test_table_figures_match_the_gold(stem: str) -> None:
    doc = parse_pdf(SYNTH / "letters" / f"{stem}.pdf")
    got = {(f.sector, f.year, f.metric): f for f in table_figures(doc)}
    want = {(g["sector"], g["year"], g["metric"]): g for g in TABLE_GOLD if g["document"] == stem}
    assert set(got) == set(want)
    for key, g in want.items():
        f = got[key]
        assert f.value == pytest.approx(g["value"], abs=0.05), key
        assert f.unit == g["unit"] and f.page == g["page"], key
        assert f.quote == g["quote"]
        assert doc.text[f.char_start : f.char_end].rstrip("%") in f.quote
        assert doc.page_at(f.char_start) == f.page


def _doc_with_table(caption: str, rows: list[list[str]]) -> ParsedDocument:
    """A parsed document holding a caption paragraph and one table, rendered as the parser does."""
    text = caption + "\n\n"
    start = len(text)
    cells: list[list[TableCell | None]] = []
    for r, row in enumerate(rows):
        if r:
            text += "\n"
        out = []
        for c, cell in enumerate(row):
            if c:
                text += " | "
            out.append(TableCell(text=cell, char_start=len(text), char_end=len(text) + len(cell)))
            text += cell
        cells.append(out)
    table = TableBlock(page=1, bbox=(0, 0, 1, 1), rows=cells, char_start=start, char_end=len(text))
    return ParsedDocument(
        document="t",
        path="t.pdf",
        n_pages=1,
        text=text,
        page_spans=[PageSpan(page=1, char_start=0, char_end=len(text))],
        page_texts={1: text},
        tables=[table],
        year=2021,
    )


def test_unreadable_tables_give_nothing() -> None:
    """No metric in header or caption, or no sector anywhere: no guessed figures."""
    no_metric = _doc_with_table("Tabel 3. Overzicht", [["Sector", "A", "B"], ["Rijk", "12", "14"]])
    assert table_figures(no_metric) == []
    no_sector = _doc_with_table("Tabel 4. Cijfers", [["Jaar", "Realisatie"], ["2020", "1.234"]])
    assert table_figures(no_sector) == []


def test_document_year_fills_in_and_cells_keep_their_offsets() -> None:
    doc = _doc_with_table(
        "Tabel 5. Stand per sector",
        [
            ["Sector", "Realisatie", "Doel", "%"],
            ["Gemeenten", "5.500", "5.250", "104,8"],
            ["Totaal", "-", "", "n.b."],
        ],
    )
    figs = table_figures(doc)
    assert [(f.sector, f.year, f.metric, f.value) for f in figs] == [
        ("gemeenten", 2021, "realised_jobs", 5500),
        ("gemeenten", 2021, "target_jobs", 5250),
        ("gemeenten", 2021, "realisation_pct", 104.8),
    ]
    assert [doc.text[f.char_start : f.char_end] for f in figs] == ["5.500", "5.250", "104,8"]
    assert figs[0].quote == "Gemeenten | 5.500 | 5.250 | 104,8"


def test_table_without_metric_in_its_header_reads_it_from_caption_or_intro() -> None:
    """Header names sectors, rows name years; 'extra banen ten opzichte van de nulmeting'
    is realised jobs measured against the baseline, not the baseline."""
    doc = _doc_with_table(
        "Tabel 1. Extra banen ten opzichte van de nulmeting, per jaarmeting",
        [["Jaar", "Markt", "Overheid", "Totaal"], ["2016", "18.957", "3.597", "22.554"]],
    )
    assert [(f.sector, f.year, f.metric, f.value) for f in table_figures(doc)] == [
        ("marktsector", 2016, "realised_jobs", 18957),
        ("overheid", 2016, "realised_jobs", 3597),
        ("totaal", 2016, "realised_jobs", 22554),
    ]
    intro = _doc_with_table(
        "De doelstelling per sector staat in de tabel hieronder:",
        [["Jaar", "Markt", "Overheid"], ["2017", "23.000", "10.000"]],
    )
    assert [(f.sector, f.metric, f.value) for f in table_figures(intro)] == [
        ("marktsector", "target_jobs", 23000),
        ("overheid", "target_jobs", 10000),
    ]
