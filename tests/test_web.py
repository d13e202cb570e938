"""The web API over HTTP against a real uvicorn server on 127.0.0.1, on the real corpus.

The server gets its own data dir, so the corpus is parsed and indexed from scratch."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pdfplumber
import pytest
from fixtures.letters import render_letter

from banen_qa.web.highlight import locate_on_page

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOC = "voortgang-banenafspraak-overheid-onderwijs-2021"
PDF = CORPUS / f"{DOC}.pdf"
DEFENSIE_Q = "What did Defensie realise in 2020?"


@contextmanager
def running_server(corpus_dir: Path, data_dir: Path) -> Iterator[str]:
    """Serve create_app(corpus_dir, data_dir) with uvicorn in a thread; yields the base URL."""
    import uvicorn

    from banen_qa.web import create_app

    app = create_app(corpus_dir, data_dir)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web-data")


@pytest.fixture(scope="module")
def client(data_dir: Path) -> Iterator[httpx.Client]:
    with running_server(CORPUS, data_dir) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def defensie_answer(client: httpx.Client) -> dict:
    response = client.get("/api/ask", params={"q": DEFENSIE_Q})
    assert response.status_code == 200, response.text
    return response.json()


# --- asking ---------------------------------------------------------------------------------


def test_ask_defensie_answers_556_and_cites_page_3(defensie_answer: dict) -> None:
    assert defensie_answer["question"] == DEFENSIE_Q
    assert not defensie_answer["abstained"]
    assert "556" in defensie_answer["answer"]
    pages = {(c["document"], c["page"]) for c in defensie_answer["citations"]}
    assert (DOC, 3) in pages
    assert any(f["value"] == 556 and f["sector"] == "defensie" for f in defensie_answer["figures"])


def test_ask_by_post_gives_the_same_record(client: httpx.Client, defensie_answer: dict) -> None:
    response = client.post("/api/ask", json={"question": DEFENSIE_Q})
    assert response.status_code == 200, response.text
    assert response.json() == defensie_answer


def test_unanswerable_question_abstains_without_a_number(client: httpx.Client) -> None:
    question = "How many jobs did Rijkswaterstaat create in 2030?"
    response = client.get("/api/ask", params={"q": question})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["abstained"]
    assert not any(ch.isdigit() for ch in body["answer"].replace("2030", ""))


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"q": "x" * 501}, "500"),
        ({"q": ""}, "q:"),
        ({"q": "   "}, "empty"),
        ({}, "q:"),
    ],
)
def test_bad_questions_are_rejected_with_a_message(
    client: httpx.Client, params: dict, needle: str
) -> None:
    response = client.get("/api/ask", params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and needle in detail


def test_overlong_question_by_post_is_rejected(client: httpx.Client) -> None:
    response = client.post("/api/ask", json={"question": "waarom " * 100})
    assert response.status_code == 422
    assert "500" in response.json()["detail"]


# --- pages and highlights -------------------------------------------------------------------


def test_page_png_is_the_rendered_page(client: httpx.Client) -> None:
    from PIL import Image

    response = client.get(f"/api/page/{DOC}/3.png")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    with pdfplumber.open(PDF) as pdf:
        width, height = pdf.pages[2].width, pdf.pages[2].height
    assert abs(image.width - 2 * width) <= 1 and abs(image.height - 2 * height) <= 1


def test_highlight_of_the_citation_covers_the_quote_on_the_page(
    client: httpx.Client, defensie_answer: dict
) -> None:
    citation = next(
        c for c in defensie_answer["citations"] if c["page"] == 3 and "556" in c["quote"]
    )
    response = client.get("/api/highlight", params=citation)
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["match"] in ("exact", "partial") and found["boxes"]
    # The text under the boxes, read back independently, is the quote's text.
    with pdfplumber.open(PDF) as pdf:
        page = pdf.pages[2]
        assert (found["width"], found["height"]) == (float(page.width), float(page.height))
        under = " ".join(
            page.within_bbox((b["x0"], b["top"], b["x1"], b["bottom"])).extract_text()
            for b in found["boxes"]
        )
    assert "556" in under
    assert "".join(under.split()) in "".join(citation["quote"].split()) or found["coverage"] > 0.9


@pytest.mark.parametrize(
    "path",
    [
        "/api/page/..%2F..%2Fetc%2Fpasswd/1.png",
        "/api/page/../../etc/passwd/1.png",
        f"/api/page/{DOC}.pdf/1.png",
        "/api/page/%2Fetc%2Fpasswd/1.png",
        f"/api/page/{DOC}/999.png",
        f"/api/page/{DOC}/0.png",
        f"/api/page/{DOC}/-1.png",
    ],
)
def test_page_outside_the_corpus_is_refused(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert response.headers["content-type"].startswith("application/json")
    assert "root:" not in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ({"document": "../../etc/passwd", "page": 1, "quote": "root"}, 404, "unknown document"),
        ({"document": str(PDF), "page": 1, "quote": "De"}, 404, "unknown document"),
        ({"document": DOC, "page": 999, "quote": "Defensie"}, 404, "pages 1-8"),
        ({"document": DOC, "page": "drie", "quote": "Defensie"}, 422, "page:"),
        ({"document": DOC, "page": 3, "quote": ""}, 422, "quote:"),
    ],
)
def test_bad_highlight_requests_get_messages(
    client: httpx.Client, params: dict, status: int, needle: str
) -> None:
    response = client.get("/api/highlight", params=params)
    assert response.status_code == status
    assert needle in response.json()["detail"]


# --- figures --------------------------------------------------------------------------------


def test_figures_filters(client: httpx.Client) -> None:
    everything = client.get("/api/figures").json()
    assert len(everything) > 10
    defensie = client.get("/api/figures", params={"sector": "defensie"}).json()
    assert defensie and all(f["sector"] == "defensie" for f in defensie)
    assert len(defensie) < len(everything)
    realised_2020 = client.get(
        "/api/figures", params={"sector": "defensie", "year": 2020, "metric": "realised_jobs"}
    ).json()
    assert [(f["value"], f["page"]) for f in realised_2020] == [(556, 3)]
    by_document = client.get("/api/figures", params={"document": DOC}).json()
    assert len(by_document) == len(everything)
    assert client.get("/api/figures", params={"document": "elders"}).json() == []
    # every percentage in the seed letter adds up: no row carries a warning
    assert client.get("/api/figures", params={"flagged": "true"}).json() == []
    assert client.get("/api/figures", params={"flagged": "false"}).json() == everything
    assert client.get("/api/figures", params={"year": "twintig"}).status_code == 422


def test_flagged_filter_finds_a_percentage_that_does_not_add_up(tmp_path: Path) -> None:
    """A letter whose 95% disagrees with its 600 of 700 jobs (86%): the flagged filter
    keeps exactly that row, the unflagged filter the rest."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    render_letter(
        corpus / "defensie-2022.pdf",
        "Voortgang Banenafspraak Defensie 2022",
        [
            "Hierbij informeer ik uw Kamer over de voortgang van de Banenafspraak bij Defensie.",
            "In 2022 heeft Defensie 600 banen gerealiseerd. Het doel van Defensie was in 2022 "
            "700 banen.",
            "Daarmee realiseerde Defensie 95% van het doel.",
        ],
    )
    with (
        running_server(corpus, tmp_path / "data") as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        everything = client.get("/api/figures").json()
        flagged = client.get("/api/figures", params={"flagged": "true"}).json()
        unflagged = client.get("/api/figures", params={"flagged": "false"}).json()
    assert [(f["metric"], f["value"], f["warnings"]) for f in flagged] == [
        ("realisation_pct", 95, ["pct_mismatch"])
    ]
    assert sorted((f["metric"], f["value"]) for f in unflagged) == [
        ("realised_jobs", 600),
        ("target_jobs", 700),
    ]
    assert len(flagged) + len(unflagged) == len(everything) == 3


def test_figures_download_csv_and_xlsx_hold_the_filtered_rows(client: httpx.Client) -> None:
    from openpyxl import load_workbook

    params = {"sector": "defensie"}
    expected = client.get("/api/figures", params=params).json()
    response = client.get("/api/figures.csv", params=params)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(expected)
    assert {r["sector"] for r in rows} == {"defensie"}
    response = client.get("/api/figures.xlsx", params=params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == len(expected) + 1  # header row
    assert client.get("/api/figures.exe").status_code == 422


def test_page_openapi_and_static_files_are_served(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'id="question"' in page.text
    assert client.get("/static/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/figures", "/api/highlight", "/api/page/{document}/{page}.png"} <= set(
        paths
    )
    documents = client.get("/api/documents").json()
    assert [(d["document"], d["n_pages"]) for d in documents] == [(DOC, 8)]


def test_documents_say_title_author_kind_pages_and_figures(client: httpx.Client) -> None:
    (doc,) = client.get("/api/documents").json()
    assert doc["title"] == "Voortgang Banenafspraak overheid en onderwijs"
    assert doc["author"] == "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert doc["kind"] == "kamerbrief" and doc["year"] == 2020
    assert doc["n_figures"] == len(client.get("/api/figures", params={"document": DOC}).json())
    assert doc["n_figures"] > 10
    assert doc["pdf_url"] == f"/api/pdf/{DOC}"


def test_pdf_is_served_inline_and_only_for_known_letters(client: httpx.Client) -> None:
    response = client.get(f"/api/pdf/{DOC}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.content == PDF.read_bytes()
    assert client.get("/api/pdf/manifest").status_code == 404
    assert client.get("/api/pdf/..%2Fpyproject").status_code == 404


def test_vocabulary_names_every_id_in_dutch_and_english(client: httpx.Client) -> None:
    vocabulary = client.get("/api/vocabulary").json()
    assert vocabulary["sectors"]["gemeenten"] == {"nl": "gemeenten", "en": "municipalities"}
    sroi = vocabulary["metrics"]["realised_jobs_sroi"]
    assert sroi["nl"] and sroi["en"] and "_" not in sroi["en"] + sroi["nl"]
    figures = client.get("/api/figures").json()
    assert {f["sector"] for f in figures} <= set(vocabulary["sectors"])
    assert {f["metric"] for f in figures} <= set(vocabulary["metrics"])


def test_download_is_named_after_the_filter(client: httpx.Client) -> None:
    response = client.get("/api/figures.csv", params={"sector": "gemeenten", "year": 2020})
    assert 'filename="figures-gemeenten-2020.csv"' in response.headers["content-disposition"]
    response = client.get("/api/figures.xlsx", params={"flagged": "true"})
    assert 'filename="figures-flagged.xlsx"' in response.headers["content-disposition"]
    response = client.get("/api/figures.csv")
    assert 'filename="figures.csv"' in response.headers["content-disposition"]


def test_page_renders_at_the_asked_scale(client: httpx.Client) -> None:
    from PIL import Image

    small = client.get(f"/api/page/{DOC}/1.png", params={"scale": 1})
    sharp = client.get(f"/api/page/{DOC}/1.png", params={"scale": 3})
    assert small.status_code == sharp.status_code == 200
    w1 = Image.open(io.BytesIO(small.content)).width
    w3 = Image.open(io.BytesIO(sharp.content)).width
    assert abs(w3 - 3 * w1) <= 3, (w1, w3)
    assert client.get(f"/api/page/{DOC}/1.png", params={"scale": 40}).status_code == 422


# --- the command ----------------------------------------------------------------------------


def test_serve_command_listens_on_127_0_0_1(client: httpx.Client, data_dir: Path) -> None:
    """`banen-qa serve` on a data dir the server fixture already filled (so it starts fast)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "banen_qa", "serve", "--port", str(port), "--corpus", str(CORPUS)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"serve did not start: {output[-2000:]}")
                time.sleep(0.3)
        assert response.status_code == 200
        assert response.json()[0]["document"] == DOC
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# --- quote finding, without the server ------------------------------------------------------


def test_find_quote_exact_across_a_line_break() -> None:
    quote = "In 2020 heeft Defensie 556 banen gerealiseerd voor mensen met een arbeidsbeperking"
    found = locate_on_page(PDF, 3, quote)
    assert found.match == "exact"
    assert len(found.boxes) == 2  # the quote runs over two lines
    assert found.boxes[0].top < found.boxes[1].top


def test_find_quote_skips_footnote_calls_and_the_margin_column() -> None:
    # "20191" on the page: footnote call 1 glued to 2019, removed from the parsed text.
    found = locate_on_page(PDF, 1, "In het bestuurlijk akkoord uit 2019 over de Banenafspraak")
    assert found.match == "partial" and found.coverage == 1.0
    # The right-hand colophon column shares this line; it must not be highlighted.
    found = locate_on_page(PDF, 3, "en samenwerking met andere partijen genoemd")
    assert found.match == "partial"
    assert all(b.x1 < 430 for b in found.boxes)  # the margin column starts at x=455


def test_find_quote_absent_text_is_not_highlighted() -> None:
    found = locate_on_page(PDF, 3, "Dit staat nergens in deze brief, echt niet.")
    assert found.match == "none" and found.boxes == []
    assert locate_on_page(PDF, 2, "In 2020 heeft Defensie 556 banen gerealiseerd").match == "none"
