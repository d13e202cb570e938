"""The web server's defences, through FastAPI's TestClient on a one-letter corpus: body
limit, trusted hosts, offline API docs, highlights beside page renders, and the LLM's
abstention text held to being a sentence."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient
from fixtures.llm.corpus import letter_and_injection
from fixtures.llm.fakes import completion, fake_client

ROOT = Path(__file__).resolve().parent.parent
SMALL_PDF = ROOT / "tests" / "fixtures" / "llm" / "injection.pdf"
DOC = "waterschappen"
QUOTE = "In 2021 hebben de waterschappen gezamenlijk 412 banen gerealiseerd."


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    from banen_qa.web import create_app

    corpus = tmp_path_factory.mktemp("web-corpus")
    shutil.copy(SMALL_PDF, corpus / f"{DOC}.pdf")
    return create_app(corpus, tmp_path_factory.mktemp("web-data"))


@pytest.fixture(scope="module")
def client(app) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


def test_api_body_over_64_kb_is_refused_with_413(client: TestClient) -> None:
    big = {"question": "x" * (70 * 1024)}
    response = client.post("/api/ask", json=big)
    assert response.status_code == 413 and "64 KB" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
        yield b'{"question": "'
        for _ in range(80):
            yield b"y" * 1024
        yield b'"}'

    response = client.post(
        "/api/ask", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    small = client.post("/api/ask", json={"question": "Hoeveel banen in 2021?"})
    assert small.status_code == 200


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8000", 200),
        ("localhost:8000", 200),
        ("evil.example", 400),
        ("attacker.test:8000", 400),
    ],
)
def test_only_the_bound_host_and_localhost_are_served(
    client: TestClient, host: str, status: int
) -> None:
    response = client.get("/api/documents", headers={"host": host})
    assert response.status_code == status


def test_allowed_hosts_follow_the_bound_address() -> None:
    from banen_qa.web.app import allowed_hosts

    assert allowed_hosts("192.168.1.5")[0] == "192.168.1.5"
    assert "localhost" in allowed_hosts("192.168.1.5")
    assert allowed_hosts("::1")[0] == "[::1]"
    assert allowed_hosts("0.0.0.0") == ["*"]


def test_docs_are_served_from_local_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "https://" not in page.text
    js = client.get("/docs-assets/swagger-ui-bundle.js")
    css = client.get("/docs-assets/swagger-ui.css")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert css.status_code == 200 and "swagger-ui" in css.text


def test_highlight_is_served_while_a_page_render_holds_pdfium(app, client: TestClient) -> None:
    lib = app.state.library
    result: dict[str, object] = {}

    def ask_highlight() -> None:
        result["response"] = client.get(
            "/api/highlight", params={"document": DOC, "page": 1, "quote": QUOTE}
        )

    with lib._pdf_lock:  # a long render in progress
        worker = threading.Thread(target=ask_highlight, daemon=True)
        worker.start()
        worker.join(timeout=30)
        assert not worker.is_alive(), "highlight waited for the page render"
    response = result["response"]
    assert response.status_code == 200 and response.json()["match"] == "exact"


def test_highlight_is_cached_per_document_page_and_quote(app, client: TestClient) -> None:
    lib = app.state.library
    params = {"document": DOC, "page": 1, "quote": "De waterschappen blijven zich inzetten"}
    before = lib.highlight.cache_info()
    first = client.get("/api/highlight", params=params).json()
    second = client.get("/api/highlight", params=params).json()
    after = lib.highlight.cache_info()
    assert first == second
    assert after.misses == before.misses + 1 and after.hits == before.hits + 1


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("De bronnen zeggen niets over de kosten.", True),
        ("Nee.", False),
        ("n.v.t.", False),
        ("Onbekend", False),
        ("- -", False),
    ],
)
def test_llm_abstention_must_be_a_sentence(text: str, used: bool) -> None:
    from banen_qa.llm.answer import answer_with_llm

    index, figures = letter_and_injection()
    client = fake_client(
        lambda body: httpx2.Response(
            200, json=completion(json.dumps({"answer": text, "citations": [], "abstain": True}))
        ),
        retries=0,
    )
    outcome = answer_with_llm(
        "Wat kost een baan bij Defensie?", index=index, figures=figures, client=client
    )
    assert (outcome.source == "llm") is used, outcome.reason
    if not used:
        assert outcome.reason and outcome.reason.startswith(("abstention_not_a_sentence", "empty"))
