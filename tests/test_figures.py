"""Figure extraction: focused cases on small documents, then the real letter against gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from banen_qa.evaluate.score import GoldFigure, read_jsonl, score_figures
from banen_qa.extract import vocab
from banen_qa.extract.figures import extract_figures
from banen_qa.extract.validate import check_figure, cross_check
from banen_qa.models import Figure, PageSpan, ParsedDocument, Passage, Section
from banen_qa.text import normalize_ws

ROOT = Path(__file__).resolve().parents[1]
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
SEED_GOLD = ROOT / "eval" / "seed-figures.jsonl"


def make_doc(
    paragraphs: list[tuple[str, str]], *, year: int | None = 2020, page_break_at: str | None = None
) -> tuple[ParsedDocument, list[Passage]]:
    """A ParsedDocument from (section path, paragraph) pairs; optionally page 2 starts at the
    first occurrence of `page_break_at` (so a sentence can run over a page end)."""
    text = "\n\n".join(p for _, p in paragraphs)
    starts, pos = [], 0
    for _, p in paragraphs:
        starts.append(pos)
        pos += len(p) + 2
    breaks = [0, text.index(page_break_at)] if page_break_at else [0]
    spans = [
        PageSpan(page=i + 1, char_start=b, char_end=(breaks + [len(text)])[i + 1])
        for i, b in enumerate(breaks)
    ]
    sections = [
        Section(
            path=sec,
            heading=sec.split(" > ")[-1],
            level=sec.count(">") + 1,
            char_start=s,
            char_end=s + len(p),
        )
        for (sec, p), s in zip(paragraphs, starts, strict=True)
        if sec
    ]
    doc = ParsedDocument(
        document="test",
        path="test.pdf",
        n_pages=len(spans),
        text=text,
        page_spans=spans,
        page_texts={s.page: text[s.char_start : s.char_end] for s in spans},
        sections=sections,
        year=year,
    )
    passages = [
        Passage(
            id=f"test:{i}",
            document="test",
            page=doc.page_at(s),
            pages=sorted({doc.page_at(s), doc.page_at(s + len(p) - 1)}),
            section=sec,
            text=p,
            char_start=s,
            char_end=s + len(p),
        )
        for i, ((sec, p), s) in enumerate(zip(paragraphs, starts, strict=True))
    ]
    return doc, passages


def figures_of(*paragraphs: tuple[str, str], **kw) -> list[Figure]:
    doc, passages = make_doc(list(paragraphs), **kw)
    return extract_figures(doc, passages)


def facts(figs: list[Figure]) -> set[tuple]:
    return {(f.sector, f.year, f.metric, f.value) for f in figs}


# --- vocabulary ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("De UMC’s hebben", "umc"),
        ("De UMC's hebben", "umc"),
        ("de universitair medische centra", "umc"),
        ("university medical centres", "umc"),
        ("Universities of applied sciences", "hbo"),
        ("the universities", "wo"),
        ("Wetenschappelijk onderwijs", "wo"),
        ("de water boards", "waterschappen"),
        ("central government", "rijk"),
        ("de sector Rijk", "rijk"),
        ("het primair en voortgezet onderwijs", "funderend_onderwijs"),
        ("de PO-Raad", "funderend_onderwijs"),
        ("werkgevers in de marktsector", "marktsector"),
        ("alle werkgevers samen", "totaal"),
        ("de overheids- en onderwijssectoren", "overheid"),
        ("research institutes", "onderzoeksinstellingen"),
        ("de hbo-instellingen", "hbo"),
    ],
)
def test_find_sectors_aliases(text: str, sector: str) -> None:
    assert [s for s, _, _ in vocab.find_sectors(text)] == [sector]


def test_find_sectors_skips_phrases_that_name_no_sector() -> None:
    assert vocab.find_sectors("in totaal 870 banen, het totaal aantal banen") == []
    assert vocab.find_sectors("een rijk aanbod") == []  # 'Rijk' only capitalised
    assert vocab.find_sectors("Rijksoverheid")[0][0] == "rijk"


def test_every_metric_has_a_unit() -> None:
    assert set(vocab.METRICS) == set(vocab.UNITS_BY_METRIC)
    assert vocab.sector_label("wo", "en") == "universities"


# --- figures ------------------------------------------------------------------------------


def test_enumeration_pairs_years_and_values() -> None:
    figs = figures_of(
        (
            "Politie",
            "De politie meldt voor de jaren 2019, 2020 en 2021 "
            "achtereenvolgens een realisatie van 297, 413 en 663 banen.",
        )
    )
    assert facts(figs) == {
        ("politie", 2019, "realised_jobs", 297),
        ("politie", 2020, "realised_jobs", 413),
        ("politie", 2021, "realised_jobs", 663),
    }


def test_enumeration_pairs_sectors_and_values() -> None:
    figs = figures_of(
        (
            "",
            "In 2022 realiseerden de gemeenten en de provincies respectievelijk "
            "6.100 en 402 banen.",
        )
    )
    assert facts(figs) == {
        ("gemeenten", 2022, "realised_jobs", 6100),
        ("provincies", 2022, "realised_jobs", 402),
    }


def test_dit_jaar_refers_to_previous_sentence() -> None:
    figs = figures_of(
        (
            "Overheidssectoren > Defensie",
            "In 2019 heeft Defensie 556 banen gerealiseerd. Het quotum over dit jaar "
            "bedroeg 633 banen, waarmee de realisatie neerkomt op 88%.",
        )
    )
    assert facts(figs) == {
        ("defensie", 2019, "realised_jobs", 556),
        ("defensie", 2019, "target_jobs", 633),
        ("defensie", 2019, "realisation_pct", 88),
    }


def test_year_bound_to_value_and_comparison_years() -> None:
    figs = figures_of(
        (
            "Rijk",
            "Het doel was in 2020 om 4.072 banen te realiseren en er zijn "
            "2.663 banen gerealiseerd. Dat is een realisatiepercentage van 65% "
            "tegenover 59% in 2019.",
        ),
        (
            "Onderzoeksinstellingen",
            "Er zijn ten opzichte van 2019 geen nieuwe "
            "banen gecreëerd en het totaal aantal gerealiseerde banen is nu 51 banen.",
        ),
        year=2020,
    )
    assert facts(figs) == {
        ("rijk", 2020, "target_jobs", 4072),
        ("rijk", 2020, "realised_jobs", 2663),
        ("rijk", 2020, "realisation_pct", 65),
        ("rijk", 2019, "realisation_pct", 59),
        ("onderzoeksinstellingen", 2020, "realised_jobs", 51),
    }


def test_breakdown_own_and_sroi() -> None:
    figs = figures_of(
        (
            "Universitair medische centra",
            "De UMC’s hebben 659 banen gerealiseerd "
            "in 2020. 596 banen zijn gerealiseerd in eigen dienst en via detacheringen "
            "en 63 via SROI.",
        )
    )
    assert facts(figs) == {
        ("umc", 2020, "realised_jobs", 659),
        ("umc", 2020, "realised_jobs_own", 596),
        ("umc", 2020, "realised_jobs_sroi", 63),
    }


def test_other_wordings_fractions_quarters_and_market_sector() -> None:
    figs = figures_of(
        ("Marktsector", "In het derde kwartaal van 2023 telde de marktsector 101.442,5 banen."),
        (
            "Zelfstandige bestuursorganen",
            "Het aantal banen bij de zbo's kwam in 2022 uit op "
            "2.306,17; de opgave voor dat jaar was 2.100 banen.",
        ),
        ("", "Bij alle werkgevers samen is de nulmeting 95.000 banen."),
        ("Politie", "Bij de nulmeting eind 2012 telde de Nationale Politie 34 banen."),
        year=2023,
    )
    assert facts(figs) == {
        ("marktsector", 2023, "realised_jobs", 101442.5),
        ("zbo", 2022, "realised_jobs", 2306.17),
        ("zbo", 2022, "target_jobs", 2100),
        ("totaal", None, "baseline_jobs", 95000),  # a baseline is dated only when written
        ("politie", 2012, "baseline_jobs", 34),
    }
    [market] = [f for f in figs if f.sector == "marktsector"]
    assert market.quarter == 3


@pytest.mark.parametrize(
    ("section", "sentence", "expected"),
    [
        (
            "Rijk",
            "Het Rijk heeft in 2021 3.114 banen gerealiseerd (doelstelling: 4.500).",
            {("rijk", 2021, "realised_jobs", 3114), ("rijk", 2021, "target_jobs", 4500)},
        ),
        (
            "",
            "De provincies realiseerden in 2021 102% van hun doelstelling.",
            {("provincies", 2021, "realisation_pct", 102)},
        ),
        (
            "",
            "In 2021 kwam de realisatie van de zbo's uit op 1.650 banen.",
            {("zbo", 2021, "realised_jobs", 1650)},
        ),
        (
            "",
            "De marktsector telde eind 2022 ruim 75.000 extra banen ten opzichte van de nulmeting.",
            {("marktsector", 2022, "realised_jobs", 75000)},
        ),
        (
            "",
            "De groei wordt gemeten ten opzichte van de nulmeting van 9.415 banen bij de overheid.",
            {("overheid", None, "baseline_jobs", 9415)},
        ),
        (
            "",
            "In het tweede kwartaal van 2023 stond de teller voor de overheid op 17.102 banen.",
            {("overheid", 2023, "realised_jobs", 17102)},
        ),
        (
            "Waterschappen",
            "Ten opzichte van 2021 is het aantal banen bij de waterschappen met 25 "
            "gestegen naar 348.",
            {("waterschappen", 2022, "realised_jobs", 348)},
        ),
        (
            "",
            "Eind 2022 waren er bij de gemeenten 6.012 banen gerealiseerd, terwijl de "
            "doelstelling 5.250 banen bedroeg.",
            {("gemeenten", 2022, "realised_jobs", 6012), ("gemeenten", 2022, "target_jobs", 5250)},
        ),
    ],
)
def test_genre_wordings(section: str, sentence: str, expected: set) -> None:
    assert facts(figures_of((section, sentence), year=2022)) == expected


def test_quota_percentage_has_no_year_unless_written() -> None:
    figs = figures_of(
        (
            "",
            "Het beoogde quotumpercentage (2,35%) voor de overheid is niet behaald."
            " Het quotumpercentage voor 2021 is 2,41%.",
        )
    )
    assert facts(figs) == {
        ("overheid", None, "quota_pct", 2.35),
        ("overheid", 2021, "quota_pct", 2.41),
    }


def test_english_sentences() -> None:
    figs = figures_of(
        ("", "In 2021 the water boards realised 5,500 jobs, which is 61.3% of the quota.")
    )
    assert facts(figs) == {
        ("waterschappen", 2021, "realised_jobs", 5500),
        ("waterschappen", 2021, "realisation_pct", 61.3),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 17 december 2019 is uw Kamer geïnformeerd over de 12 werkagenda’s.",
        "Per 1 juli 2021 is het project Baanbrekers afgerond.",
        "In 2020 heeft Defensie twaalf medewerkers opgeleid tot Interne Begeleider.",
        "In 2020 heeft Defensie 12 medewerkers opgeleid om banen te creëren.",
        "Dit betreft 21 van de 36 hbo-instellingen, die samen 79% van het personeel "
        "vertegenwoordigen.",
        "Zie Kamerstukken II 2018/19, 34 352, nr. 165 over de banen.",
        "Er zijn 300 nieuwe banen gerealiseerd, een groei van 12% ten opzichte van 2019.",
        "Het budget van € 5.000 is bedoeld om banen te realiseren.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures_of(("Overheidssectoren > Defensie", sentence)) == []


def test_cross_page_sentence_cites_the_value_page() -> None:
    text = (
        "Door de coronapandemie is ten opzichte van 2019 geen nieuwe baan gecreëerd en het "
        "totaal aantal gerealiseerde banen nu 51 banen betreft."
    )
    doc, passages = make_doc([("Onderzoeksinstellingen", text)], page_break_at="aantal")
    [fig] = extract_figures(doc, passages)
    assert (fig.page, fig.value, fig.year) == (2, 51, 2020)
    assert fig.quote == "aantal gerealiseerde banen nu 51 banen betreft."
    assert doc.text[fig.char_start : fig.char_end] == "51"
    assert check_figure(fig, doc) == []


def test_check_figure_rejects_a_record_that_does_not_stand_on_its_page() -> None:
    doc, passages = make_doc([("Provincies", "Zij hebben in 2020 341 banen gerealiseerd.")])
    [fig] = extract_figures(doc, passages)
    assert check_figure(fig, doc) == []
    assert "quote not on page 1" in check_figure(fig.model_copy(update={"quote": "iets"}), doc)
    wrong = fig.model_copy(update={"value": 342.0, "sector": "mars"})
    problems = check_figure(wrong, doc)
    assert any("not the value" in p for p in problems)
    assert any("unknown sector" in p for p in problems)


def test_cross_check_flags_a_percentage_that_does_not_add_up() -> None:
    figs = figures_of(
        (
            "Defensie",
            "In 2020 heeft Defensie 556 banen gerealiseerd. Het quotum "
            "over dit jaar bedroeg 633 banen, waarmee de realisatie neerkomt op 75%.",
        )
    )
    [pct] = [f for f in figs if f.metric == "realisation_pct"]
    assert pct.flags == ["pct_mismatch", "sector_from_context", "year_from_context"]
    fixed = cross_check(
        [f if f is not pct else pct.model_copy(update={"value": 88.0, "flags": []}) for f in figs]
    )
    assert all("pct_mismatch" not in f.flags for f in fixed)


def test_identical_figures_are_deduplicated() -> None:
    text = "In 2020 hebben de gemeenten 5.500 banen ingevuld."
    figs = figures_of(("", text), ("Gemeenten", text))
    assert len(figs) == 1 and figs[0].char_start == text.index("5.500")  # the first one


# --- the real letter ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    from banen_qa.ingest.parse import parse_pdf
    from banen_qa.ingest.passages import split_passages

    doc = parse_pdf(SEED_PDF, year=2020)  # the year corpus/manifest.json gives
    return doc, extract_figures(doc, split_passages(doc))


def test_real_letter_against_gold(seed) -> None:
    doc, figs = seed
    result = score_figures(figs, read_jsonl(SEED_GOLD, GoldFigure))
    assert result.f1 >= 0.95, result
    assert result.page_accuracy >= 0.95, result


SYNTH_DIR = ROOT / "eval" / "synth" / "letters"
SYNTH_GOLD = ROOT / "eval" / "synth" / "gold-figures.jsonl"


@pytest.mark.skipif(not SYNTH_GOLD.exists(), reason="no generated letters committed")
def test_generated_letters_against_their_gold() -> None:
    """Letters in other layouts and wordings (eval/synth): the extractor is not tuned to one."""
    from banen_qa.ingest.parse import parse_pdf
    from banen_qa.ingest.passages import split_passages

    gold = read_jsonl(SYNTH_GOLD, GoldFigure)
    figs: list[Figure] = []
    for pdf in sorted(SYNTH_DIR.glob("*.pdf")):
        doc = parse_pdf(pdf)
        figs += extract_figures(doc, split_passages(doc))
    # all gold counts: a letter that yields nothing (or is missing) is a miss, not left out
    assert {g.document for g in gold} <= {p.stem for p in SYNTH_DIR.glob("*.pdf")}
    result = score_figures(figs, gold)
    assert result.gold == len(gold) > 0
    assert result.f1 >= 0.95, result
    assert result.page_accuracy >= 0.95, result


def test_real_letter_records_are_valid_and_cite_their_page(seed) -> None:
    doc, figs = seed
    assert figs
    for f in figs:
        assert check_figure(f, doc) == []
        assert normalize_ws(doc.text[f.char_start : f.char_end]) in f.quote
    # footnote calls are not glued to figures ("gerealiseerd5", "20191")
    assert not {20191, 4085} & {f.value for f in figs}
    assert not any(f.value in (21, 36, 79, 165, 352) for f in figs)
