"""Shared fixtures: the seed letter is parsed and indexed once per session, and the modules
that start servers, browsers, LLMs or CLI subprocesses are marked `integration`, so
`pytest -m "not integration"` is the fast loop."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"

INTEGRATION_MODULES = {
    "test_browser.py",
    "test_chroma_server.py",
    "test_cli.py",
    "test_llm_server.py",
    "test_robust.py",
    "test_scale.py",
    "test_upload.py",
    "test_web.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in INTEGRATION_MODULES:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def seed_ingested():
    """The seed letter through the whole pipeline (parse, passages, figures), with the year
    and title its manifest entry gives, as the corpus loader would."""
    from banen_qa.corpus import ingest_pdf

    ingested = ingest_pdf(SEED_PDF, year=2020)
    ingested.doc.title = "Voortgang Banenafspraak overheid en onderwijs"
    return ingested


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory, seed_ingested):
    """A real chromadb index of the seed letter's passages, built once."""
    from banen_qa.search.index import PassageIndex

    index = PassageIndex(tmp_path_factory.mktemp("seed-index"))
    index.add(seed_ingested.passages)
    return index
