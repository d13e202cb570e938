"""Hostile input probes, kept small enough to run in seconds.

- fuzzed PDFs (the real letter truncated at many points, random bytes behind a PDF header,
  a real PDF whose content streams are replaced by garbage): ingest reads them or raises
  PdfError with one line naming the file; nothing else escapes.
- hypothesis on the number parser and finder, and on question analysis: they never raise
  anything unexpected and return sane values.
"""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banen_qa.answer import analyse
from banen_qa.corpus import IngestedDocument, ingest_pdf
from banen_qa.extract.numbers import find_numbers, parse_number
from banen_qa.ingest.parse import PdfError
from banen_qa.text import format_dutch

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
SMALL_PDF = ROOT / "tests" / "fixtures" / "llm" / "injection.pdf"
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRUNCATE_AT = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]  # share of the file kept


def fuzzed_pdfs(folder: Path) -> list[Path]:
    """20 broken PDFs: 8 truncated, 8 random bodies, 4 with garbage content streams."""
    rng = random.Random(20261129)
    seed = SEED_PDF.read_bytes()
    out = []
    for share in TRUNCATE_AT:
        path = folder / f"truncated-{int(share * 100):02d}.pdf"
        path.write_bytes(seed[: int(len(seed) * share)])
        out.append(path)
    for i in range(8):
        path = folder / f"random-{i}.pdf"
        path.write_bytes(b"%PDF-1.7\n" + rng.randbytes(rng.randint(10, 20000)))
        out.append(path)
    small = SMALL_PDF.read_bytes()
    streams = list(re.finditer(rb"(?<!end)stream\r?\n(.*?)\r?\n?endstream", small, re.S))
    assert streams
    for i in range(4):
        data = bytearray(small)
        for m in streams:  # same length, so the xref table still points at the objects
            if rng.random() < 0.8:
                data[m.start(1) : m.end(1)] = rng.randbytes(m.end(1) - m.start(1))
        path = folder / f"garbage-streams-{i}.pdf"
        path.write_bytes(bytes(data))
        out.append(path)
    return out


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return fuzzed_pdfs(tmp_path_factory.mktemp("fuzzed"))


def test_fuzzed_pdfs_are_read_or_refused_with_one_line(fuzzed: list[Path]) -> None:
    refused = 0
    for path in fuzzed:
        try:
            result = ingest_pdf(path)
        except PdfError as exc:
            refused += 1
            message = str(exc)
            assert message.startswith(f"{path}: ") and "\n" not in message, message
            assert exc.cause and len(exc.cause) < 300
        else:
            assert isinstance(result, IngestedDocument)
            for fig in result.figures:
                assert fig.quote and 1 <= fig.page <= result.doc.n_pages
    assert refused >= len(TRUNCATE_AT)  # a truncated letter has no readable trailer


def test_fuzzed_pdfs_in_bulk_each_get_an_outcome(fuzzed: list[Path], tmp_path: Path) -> None:
    from banen_qa.bulk import run_extract

    result = run_extract(fuzzed, workers=1, store_dir=tmp_path / "store", progress=False)
    assert sorted(o.path.name for o in result.outcomes) == sorted(p.name for p in fuzzed)
    for o in result.with_status("failed"):
        assert o.cause and "\n" not in o.cause


# --- numbers ----------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=60))
def test_parse_number_returns_a_finite_value_or_raises_value_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert math.isfinite(value) and value >= 0


@FAST
@given(st.integers(min_value=0, max_value=10**9))
def test_dutch_integers_parse_back(n: int) -> None:
    assert parse_number(format_dutch(n, 0)) == n


@FAST
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_dutch_decimals_parse_back(whole: int, tenth: int) -> None:
    text = f"{format_dutch(whole, 0)},{tenth}"
    assert parse_number(text) == pytest.approx(whole + tenth / 10)


@FAST
@given(
    st.text(alphabet=st.sampled_from(list("0123456789.,% procentbanen\n-")), max_size=80)
    | st.text(max_size=80)
)
def test_find_numbers_gives_sane_tokens(text: str) -> None:
    tokens = find_numbers(text)
    last_end = 0
    for tok in tokens:
        assert 0 <= tok.start < tok.end <= len(text)
        assert tok.start >= last_end  # in order, not overlapping
        assert text[tok.start :].startswith(tok.raw)
        assert math.isfinite(tok.value) and tok.value >= 0
        last_end = tok.end


# --- questions --------------------------------------------------------------------------------

QUESTION_WORDS = [
    "Hoeveel",
    "banen",
    "Defensie",
    "politie",
    "in",
    "2020",
    "2021",
    "Q3",
    "derde kwartaal",
    "quota",
    "percentage",
    "What",
    "did",
    "realise",
    "?",
    "gemeenten",
    "onderwijs",
    "19999",
    "-",
    "%",
    "\n",
    "é",
    "🙂",
]


@FAST
@given(st.lists(st.sampled_from(QUESTION_WORDS), max_size=12).map(" ".join) | st.text(max_size=120))
def test_analyse_never_raises_and_returns_sane_types(question: str) -> None:
    intent = analyse(question)
    assert intent.language in ("nl", "en")
    assert all(isinstance(s, str) and s for s in intent.sectors)
    assert all(isinstance(y, int) and 1900 <= y <= 2100 for y in intent.years)
    assert all(isinstance(m, str) and m for m in intent.metrics)
    assert intent.quarter is None or 1 <= intent.quarter <= 4
    assert isinstance(intent.asks_figure, bool)
