"""Figure extraction: focused cases on small documents, then the real letter against gold."""

from __future__ import annotations

import datetime as dt
import sys
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
    paragraphs: list[tuple[str, str]],
    *,
    year: int | None = 2020,
    page_break_at: str | None = None,
    date: dt.date | None = None,
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
        date=date,
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
        # a baseline is dated where the text dates it: here "nulmeting eind 2012" below
        ("totaal", 2012, "baseline_jobs", 95000),
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
        "Er zijn 300 banen meer gerealiseerd, een groei van 12% ten opzichte van 2019.",
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


# --- real wording (issue 8): one test per construction class --------------------------------


def real(*sentences: str, date: dt.date | None = None, year: int | None = None) -> set[tuple]:
    """Facts from one paragraph of news-style prose, no section, no manifest year."""
    return facts(figures_of(("", " ".join(sentences)), year=year, date=date))


def test_bare_number_after_a_target_or_realisation_word() -> None:
    assert real(
        "Eind 2017 hadden werkgevers 36.968 banen gerealiseerd.", "De doelstelling was 33.000."
    ) == {("totaal", 2017, "realised_jobs", 36968), ("totaal", 2017, "target_jobs", 33000)}
    assert real("In 2015 kwam het aantal banen uit op 21.057.") == {
        ("totaal", 2015, "realised_jobs", 21057)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Eind 2017 hadden werkgevers uit de marktsector 25.643 banen gecreëerd.",
            ("marktsector", 2017, "realised_jobs", 25643),
        ),
        (
            "De sector markt heeft in 2018 44.017 extra banen toegevoegd.",
            ("marktsector", 2018, "realised_jobs", 44017),
        ),
        (
            "In 2019 zorgden werkgevers in de markt voor 51.829 extra banen.",
            ("marktsector", 2019, "realised_jobs", 51829),
        ),
        (
            "Eind 2018 moesten werkgevers 43.500 extra banen realiseren.",
            ("totaal", 2018, "target_jobs", 43500),
        ),
        (
            "Dat is meer dan de 23.000 banen die voor 2017 in de banenafspraak waren vastgelegd.",
            ("totaal", 2017, "target_jobs", 23000),
        ),
    ],
)
def test_verbs_of_realising_and_of_targets(sentence: str, expected: tuple) -> None:
    assert real(sentence) == {expected}


def test_enumeration_of_sectors_after_a_head_value() -> None:
    assert real(
        "De doelstelling voor 2018 luidt: 43.500 extra banen, 12.500 bij de overheid "
        "en 31.000 bij de markt."
    ) == {
        ("totaal", 2018, "target_jobs", 43500),
        ("overheid", 2018, "target_jobs", 12500),
        ("marktsector", 2018, "target_jobs", 31000),
    }
    assert real(
        "Eind 2018 waren er 40.942 extra banen via een regulier dienstverband, waarvan "
        "2.607 bij de overheid en 38.335 in de markt."
    ) == {
        ("totaal", 2018, "realised_jobs_regular", 40942),
        ("overheid", 2018, "realised_jobs_regular", 2607),
        ("marktsector", 2018, "realised_jobs_regular", 38335),
    }


def test_transition_gives_the_earlier_value_the_earlier_year() -> None:
    assert real("Het realisatiepercentage van het Rijk steeg van 59% naar 65% in 2020.") == {
        ("rijk", 2019, "realisation_pct", 59),
        ("rijk", 2020, "realisation_pct", 65),
    }


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("de sector markt", "marktsector"),
        ("werkgevers in de markt", "marktsector"),
        ("de marktwerkgevers", "marktsector"),
        ("de rijksdienst", "rijk"),
        ("de overheidswerkgevers", "overheid"),
    ],
)
def test_sector_alias_forms(text: str, sector: str) -> None:
    assert vocab.find_sectors(text)[0][0] == sector


def test_weak_and_coordinated_totals_keep_a_named_sector() -> None:
    assert real(
        "Sinds 2013 hebben werkgevers in 2019 in totaal 61.615 extra banen gerealiseerd."
    ) == {("totaal", 2019, "realised_jobs", 61615)}
    assert real(
        "Markt- en overheidswerkgevers samen hebben in 2022 81.117 extra banen gerealiseerd."
    ) == {("totaal", 2022, "realised_jobs", 81117)}
    assert real("In totaal zorgde het bedrijfsleven in 2020 voor 53.799 banen.") == {
        ("marktsector", 2020, "realised_jobs", 53799)
    }


def test_relative_years_resolve_against_the_document_date() -> None:
    date = dt.date(2022, 6, 1)
    assert real("In totaal zijn er vorig jaar 72.809 extra banen gerealiseerd.", date=date) == {
        ("totaal", 2021, "realised_jobs", 72809)
    }
    assert real("Dit jaar zijn er al 75.000 extra banen gerealiseerd.", date=date) == {
        ("totaal", 2022, "realised_jobs", 75000)
    }
    assert real(
        "In 2019 waren er 61.615 extra banen gerealiseerd, na 58.000 banen een jaar eerder.",
        date=date,
    ) == {("totaal", 2019, "realised_jobs", 61615), ("totaal", 2018, "realised_jobs", 58000)}


def test_future_targets() -> None:
    assert real(
        "Afgesproken is dat werkgevers eind 2026 125.000 extra banen gerealiseerd moeten hebben."
    ) == {("totaal", 2026, "target_jobs", 125000)}
    assert real(
        "De markt moet in 2026 voor 100.000 extra banen hebben gezorgd en de overheid "
        "voor 25.000 banen."
    ) == {("marktsector", 2026, "target_jobs", 100000), ("overheid", 2026, "target_jobs", 25000)}


def test_quarters() -> None:
    figs = figures_of(
        ("", "Tot en met het tweede kwartaal van 2019 zijn er 58.000 extra banen gerealiseerd."),
        year=None,
    )
    assert [(f.year, f.quarter, f.value) for f in figs] == [(2019, 2, 58000)]
    figs = figures_of(
        (
            "",
            "Tot en met het derde kwartaal van dit jaar zijn er in totaal "
            "48.120 extra banen gecreëerd.",
        ),
        year=None,
        date=dt.date(2018, 12, 1),
    )
    assert [(f.sector, f.year, f.quarter, f.value) for f in figs] == [("totaal", 2018, 3, 48120)]


def test_contract_kind_sub_counts_are_never_the_total() -> None:
    assert real(
        "Eind 2017 waren er 24.155 extra banen via een regulier dienstverband en 8.988 "
        "extra banen via een uitzendcontract of detachering."
    ) == {
        ("totaal", 2017, "realised_jobs_regular", 24155),
        ("totaal", 2017, "realised_jobs_agency", 8988),
    }
    for metric in ("realised_jobs_regular", "realised_jobs_agency"):
        spec = vocab.METRIC[metric]
        assert spec.part_of == "realised_jobs" and spec.part_phrase[0] and spec.names[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Eind 2019 stonden 227.072 personen in het doelgroepregister.",
        "In het vierde kwartaal van 2017 kwamen er netto 1856 banen bij.",
        "Bij de overheid waren er in 2017 1.200 minder banen.",
        "Het aantal banen bij de overheid liet in 2017 een afname van 2 procent zien.",
        "Een baan telt in de banenafspraak mee voor 25,5 uur per week.",
        "Zie Kamerstuk 34 352, nr. 201 over de banen.",
        "Het kabinet trekt in 2020 € 12,5 miljoen uit voor extra banen.",
        "De markt overtrof met 30.432 banen haar doelstelling met 7.432 banen.",
    ],
)
def test_real_wording_negatives(sentence: str) -> None:
    values = {f.value for f in figures_of(("", sentence), year=None)}
    assert values <= {30432}


def test_text_without_figures_gives_no_rows() -> None:
    assert (
        figures_of(
            (
                "",
                "De banenafspraak loopt door. Werkgevers en gemeenten praten over "
                "de uitvoering en over de regels.",
            ),
            year=None,
        )
        == []
    )


def test_real_wording_pdf_dated_in_its_letterhead(tmp_path: Path) -> None:
    """A small rendered letter: the date comes from the letterhead, 'vorig jaar' from it."""
    sys.path.insert(0, str(ROOT))
    from banen_qa.corpus import ingest_pdf
    from eval.real.build import make_letter
    from eval.synth.render import render

    text = tmp_path / "brief.txt"
    text.write_text(
        "title: Banenafspraak\ndate: Den Haag, 18 november 2025\nauthor: SZW\n"
        "layout: kamerbrief\n---\nDen Haag, 18 november 2025\n\nIn totaal zijn er vorig "
        "jaar 98.000 extra banen gerealiseerd. De overheid kwam uit op 14.200 banen.\n",
        "utf-8",
    )
    letter, _, _ = make_letter(text)
    pdf = tmp_path / "brief.pdf"
    render(letter, pdf)
    ingested = ingest_pdf(pdf)
    assert ingested.doc.date == dt.date(2025, 11, 18)
    assert facts(ingested.figures) == {
        ("totaal", 2024, "realised_jobs", 98000),
        ("overheid", 2024, "realised_jobs", 14200),
    }


# --- constructions of real wording (issue: real-dev round 2) -------------------------------


def test_report_year_is_the_year_reported_on_not_the_publication_year() -> None:
    """A news item of July 2020 on the 2019 results: its dateline and the future target are
    not the year an undated figure is about; the year its figures are written with is."""
    figs = figures_of(
        (
            "",
            "Leiden, 2 juli 2020 – Werkgevers hebben samen in 2019 61.615 extra banen "
            "gerealiseerd. Sinds 2013 groeit het aantal. In 2026 moeten er 125.000 zijn.",
        ),
        ("", "Het bedrijfsleven was goed voor 51.829 extra banen."),
        year=None,
        date=dt.date(2020, 7, 2),
    )
    assert ("marktsector", 2019, "realised_jobs", 51829) in facts(figs)


def test_list_after_a_lead_in_against_an_earlier_period_holds_changes() -> None:
    """A lead-in ending in ':' sets what its items are: growth over a dated period (not
    figures), or levels against the baseline, dated by the lead-in's last year."""
    figs = figures_of(
        (
            "",
            "Vergeleken met het vierde kwartaal van 2016 ziet de netto ontwikkeling er zo "
            "uit:\n• 13.653 extra banen via een regulier dienstverband: 1.138 bij de "
            "overheid en 12.515 bij de markt;\n• 481 extra banen via een uitzendcontract.",
        ),
        (
            "",
            "Van de nulmeting eind 2012 tot en met het derde kwartaal 2017 kwamen werkgevers "
            "uit op:\n• 24.155 extra banen via een regulier dienstverband (368 bij de "
            "overheid en 23.787 in de markt), en\n• 8.988 extra banen via een "
            "uitzendcontract of detachering.",
        ),
        year=2018,
    )
    assert facts(figs) == {
        ("totaal", 2017, "realised_jobs_regular", 24155),
        ("overheid", 2017, "realised_jobs_regular", 368),
        ("marktsector", 2017, "realised_jobs_regular", 23787),
        ("totaal", 2017, "realised_jobs_agency", 8988),
    }


def test_realised_in_a_year_after_the_text_is_a_target() -> None:
    """'in 2026 zijn er 125.000 extra banen gerealiseerd' in a text of July 2023: a goal."""
    figs = figures_of(
        (
            "",
            "Den Haag, 7 juli 2023 – De banenafspraak: in 2026 zijn er 125.000 extra banen "
            "gerealiseerd – 100.000 in de markt en 25.000 bij de overheid.",
        ),
        year=2022,
        date=dt.date(2023, 7, 7),
    )
    assert facts(figs) == {
        ("totaal", 2026, "target_jobs", 125000),
        ("marktsector", 2026, "target_jobs", 100000),
        ("overheid", 2026, "target_jobs", 25000),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "De overheid had vorig jaar voor 15.000 banen moeten zorgen, maar het waren er nog "
        "geen 10.000.",
        "Dat is meer dan 35% onder het quotum van dat jaar.",
        "Organisatie X moet dus 68 banen van 25,5 uur realiseren.",
        "Eind 2016 heeft organisatie X 40 banen voor mensen met een arbeidsbeperking.",
        "De gemeente Utrecht heeft 120 banen gerealiseerd.",
    ],
)
def test_bounds_shortfalls_and_one_organisation_are_no_figures(sentence: str) -> None:
    values = {f.value for f in figures_of(("", sentence), year=2017)}
    assert values <= {15000}
