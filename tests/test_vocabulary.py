"""The vocabulary is data: every spec is complete, and a new metric or a new sector is one
entry that extraction, validation and answers all pick up, on a real PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures.letters import render_letter

from banen_qa.answer import answer_question
from banen_qa.extract import vocab
from banen_qa.extract.figures import extract_figures
from banen_qa.extract.validate import check_figure
from banen_qa.extract.vocab import MetricSpec, SectorSpec
from banen_qa.ingest.parse import parse_pdf
from banen_qa.ingest.passages import split_passages
from banen_qa.models import Figure
from banen_qa.search.index import PassageIndex

# --- (a) every spec is complete ----------------------------------------------------------


@pytest.mark.parametrize("spec", vocab.METRIC_SPECS, ids=lambda m: m.id)
def test_every_metric_spec_is_complete(spec: MetricSpec) -> None:
    assert re.fullmatch(r"[a-z][a-z_]*", spec.id)
    assert spec.unit in ("jobs", "pct") and spec.description
    assert all(spec.names), "a name in Dutch and in English"
    assert spec.prose_cues or spec.table_cues, "something in a letter must signal it"
    assert spec.question_cues, "a question must be able to ask for it"
    for pattern in (*spec.prose_cues, *spec.table_cues):
        re.compile(pattern)
    for template in spec.missing:
        assert "{name}" in template and not re.search(r"\d", template)
    if spec.part_of:
        assert spec.part_of in vocab.METRIC and all("{v}" in p for p in spec.part_phrase)
    for template in spec.sentence:
        assert not template or "{v}" in template
    if spec.default_sector:
        assert spec.default_sector in vocab.SECTOR


@pytest.mark.parametrize("spec", vocab.SECTOR_SPECS, ids=lambda s: s.id)
def test_every_sector_spec_is_complete(spec: SectorSpec) -> None:
    assert re.fullmatch(r"[a-z][a-z_]*", spec.id)
    assert len(spec.names) == 2 and all(spec.names), "a name in Dutch and in English"
    assert spec.aliases and all(a.strip() for a in (*spec.aliases, *spec.exact_aliases))
    # each alias finds this sector, or a sector whose longer alias contains it
    for alias in spec.aliases:
        assert vocab.find_sectors(alias), alias


def test_ids_are_unique() -> None:
    metric_ids = [m.id for m in vocab.METRIC_SPECS]
    sector_ids = [s.id for s in vocab.SECTOR_SPECS]
    assert len(set(metric_ids)) == len(metric_ids) and len(set(sector_ids)) == len(sector_ids)


# --- (b, c) one entry: a metric or a sector --------------------------------------------------


def read(pdf: Path) -> list[Figure]:
    """Parse, extract and validate: every record must pass check_figure."""
    doc = parse_pdf(pdf)
    figures = extract_figures(doc, split_passages(doc))
    for f in figures:
        assert check_figure(f, doc) == [], f
    return figures


def facts(figures: list[Figure]) -> set[tuple]:
    return {(f.sector, f.year, f.metric, f.value) for f in figures}


TRIAL = MetricSpec(
    id="realised_jobs_trial",
    unit="jobs",
    part_of="realised_jobs",
    family=True,
    table_rank=12,
    description="part realised through trial placements (proefplaatsingen)",
    names=("via proefplaatsingen", "through trial placements"),
    prose_cues=(r"(?:via\s+)?proefplaats\w*", r"(?:through\s+)?trial\s+placements?"),
    question_cues=("proefplaats", "trial placement"),
    missing=(
        "banen van {name} via proefplaatsingen",
        "jobs {name} realised through trial placements",
    ),
    part_phrase=("{v} via proefplaatsingen", "{v} through trial placements"),
)

ZORG = SectorSpec(
    id="zorg",
    names=("zorgsector", "care sector"),
    aliases=("zorgsector", "zorginstellingen", "care sector", "healthcare sector"),
)

PARAGRAPHS = [
    "Hierbij informeer ik uw Kamer over de voortgang van de Banenafspraak.",
    "In 2022 heeft Defensie 600 banen gerealiseerd, waarvan 45 via proefplaatsingen.",
    "De zorgsector realiseerde in 2022 1.250 banen.",
]


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_letter(
        tmp_path_factory.mktemp("vocab") / "voortgang-zorg-2022.pdf",
        "Voortgang Banenafspraak 2022",
        PARAGRAPHS,
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, letter: Path) -> PassageIndex:
    """A real chromadb index of the letter (figure questions are answered from the table,
    but answer_question takes the index the passage path would search)."""
    idx = PassageIndex(tmp_path_factory.mktemp("vocab-index"))
    idx.add(split_passages(parse_pdf(letter)))
    return idx


def test_a_metric_is_one_entry(letter: Path, index: PassageIndex) -> None:
    before = read(letter)
    assert not any(f.metric == TRIAL.id for f in before)  # (45 reads as one more count)
    specs = list(vocab.METRIC_SPECS)

    vocab.add_metric(TRIAL)
    try:
        figures = read(letter)
        defensie = {(f.metric, f.value) for f in figures if f.sector == "defensie"}
        assert defensie == {(TRIAL.id, 45), ("realised_jobs", 600)}
        # answered in the spec's own words, with the family (realised) alongside
        for question, phrase in (
            (
                "Hoeveel banen heeft Defensie in 2022 via proefplaatsingen gerealiseerd?",
                "45 via proefplaatsingen",
            ),
            (
                "How many trial placements did Defence realise in 2022?",
                "45 through trial placements",
            ),
        ):
            answer = answer_question(question, index=index, figures=figures)
            assert not answer.abstained and phrase in answer.answer, answer.answer
            assert "600" in answer.answer, answer.answer
            assert {c.page for c in answer.citations} == {1}
        missing = answer_question(
            "Hoeveel proefplaatsingen heeft de politie in 2022?", index=index, figures=figures
        )
        assert missing.abstained and "banen van Politie via proefplaatsingen" in missing.answer
    finally:
        vocab.remove_metric(TRIAL.id)
    assert vocab.METRIC_SPECS == specs and TRIAL.id not in vocab.METRICS
    assert facts(read(letter)) == facts(before)  # the vocabulary is as it was


def test_a_sector_is_one_entry(letter: Path, index: PassageIndex) -> None:
    before = read(letter)
    # an unknown sector's figure is at most read as the all-employers fallback
    assert all(f.sector == "totaal" for f in before if f.value == 1250)
    specs = list(vocab.SECTOR_SPECS)

    vocab.add_sector(ZORG)
    try:
        figures = read(letter)
        assert ("zorg", 2022, "realised_jobs", 1250) in facts(figures)
        assert not any(f.value == 1250 and f.sector != "zorg" for f in figures)
        for question, name in (
            ("Hoeveel banen heeft de zorgsector in 2022 gerealiseerd?", "zorgsector"),
            ("How many jobs did the care sector realise in 2022?", "care sector"),
        ):
            answer = answer_question(question, index=index, figures=figures)
            assert not answer.abstained, answer.answer
            assert name in answer.answer.lower() and "1.250" in answer.answer.replace(",", "."), (
                answer.answer
            )
    finally:
        vocab.remove_sector(ZORG.id)
    assert vocab.SECTOR_SPECS == specs and "zorg" not in vocab.SECTORS
    assert vocab.find_sectors("de zorgsector") == []
    assert facts(read(letter)) == facts(before)
