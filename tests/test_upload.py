"""Adding and removing letters while `serve` runs, over HTTP against a real uvicorn on
127.0.0.1: a real PDF is uploaded, read, indexed and answered from without a restart; bad
files get the parser's one-line cause; size, type and name are checked; removal takes the
file, the figures and the passages."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from test_web import running_server

from banen_qa.web.uploads import MAX_UPLOAD, safe_stem, unique_stem

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "eval" / "synth" / "letters"
BASE = "synth-003-sector-2019"  # in the corpus from the start
NEW = "synth-001-voortgang-2020"  # uploaded: police realised 439 jobs in 2020 (page 1)
POLICE_Q = "How many jobs did the police realise in 2020?"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("upload-corpus")
    shutil.copy(LETTERS / f"{BASE}.pdf", folder / f"{BASE}.pdf")
    return folder


@pytest.fixture(scope="module")
def server(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(corpus, tmp_path_factory.mktemp("upload-data")) as url:
        yield url


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=120) as c:
        yield c


def upload(client: httpx.Client, name: str, body: bytes, *, wait: bool = True) -> dict:
    """POST the bytes as a file named `name`; with `wait`, poll until the job ends."""
    response = client.post(
        "/api/uploads",
        params={"name": name},
        content=body,
        headers={"content-type": "application/pdf"},
    )
    assert response.status_code == 202, response.text
    job = response.json()
    deadline = time.monotonic() + 180
    while wait and job["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
        job = client.get(f"/api/uploads/{job['id']}").json()
    return job


def documents(client: httpx.Client) -> set[str]:
    return {d["document"] for d in client.get("/api/documents").json()}


def test_safe_and_unique_names() -> None:
    assert safe_stem("../../etc/Brief 2021 (def).PDF") == "brief-2021-def"
    assert safe_stem("..\\..\\windows\\x.pdf") == "x"
    assert safe_stem("Overzicht Ëindrapport.pdf") == "overzicht-eindrapport"
    assert safe_stem("../.pdf") == "letter" and safe_stem("....pdf") == "letter"
    assert len(safe_stem("a" * 300 + ".pdf")) == 80
    assert unique_stem("brief", {"brief", "brief-2"}) == "brief-3"
    assert unique_stem("brief", set()) == "brief"


def test_uploaded_letter_is_listed_and_answered_with_a_citation(
    client: httpx.Client, corpus: Path
) -> None:
    before = client.get("/api/ask", params={"q": POLICE_Q}).json()
    assert not any(c["document"] == NEW for c in before["citations"])

    job = upload(client, f"{NEW}.pdf", (LETTERS / f"{NEW}.pdf").read_bytes())
    assert job["state"] == "done", job
    assert job["document"] == NEW and job["n_pages"] == 4 and job["n_figures"] > 20
    assert job["total"] > 0 and job["done"] == job["total"]
    assert (corpus / f"{NEW}.pdf").read_bytes() == (LETTERS / f"{NEW}.pdf").read_bytes()

    assert documents(client) == {BASE, NEW}
    figures = client.get("/api/figures", params={"document": NEW}).json()
    assert any(f["sector"] == "politie" and f["value"] == 439 for f in figures)

    answer = client.get("/api/ask", params={"q": POLICE_Q}).json()
    assert not answer["abstained"] and "439" in answer["answer"]
    assert (NEW, 1) in {(c["document"], c["page"]) for c in answer["citations"]}
    # a passage question searches the index: the new letter's passages are in it
    passage = client.get(
        "/api/ask", params={"q": "Welke inzet noemt de Nationale Politie voor de doelgroep?"}
    ).json()
    assert any(c["document"] == NEW for c in passage["citations"]), passage
    # its pages are served like any other letter's
    assert client.get(f"/api/page/{NEW}/1.png").status_code == 200


@pytest.mark.parametrize(
    ("name", "body", "cause"),
    [
        ("garbage.pdf", b"this is no pdf at all\n" * 50, "not a PDF (no %PDF header)"),
        ("empty.pdf", b"", "empty file (0 bytes)"),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200, "corrupt PDF"),
    ],
)
def test_a_bad_file_gets_one_line_and_nothing_else_is_lost(
    client: httpx.Client, corpus: Path, name: str, body: bytes, cause: str
) -> None:
    before = documents(client), len(client.get("/api/figures").json())
    job = upload(client, name, body)
    assert job["state"] == "failed"
    assert job["error"].startswith(f"{name}: {cause}"), job["error"]
    assert "\n" not in job["error"] and "Traceback" not in job["error"]
    assert (documents(client), len(client.get("/api/figures").json())) == before
    assert not (corpus / name).exists()
    assert sorted(p.name for p in corpus.iterdir() if p.name.startswith(".")) == []


def test_oversize_and_non_pdf_uploads_are_refused(client: httpx.Client, server: str) -> None:
    # Content-Length over the limit: refused before a byte of the body is read
    port = int(server.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"POST /api/uploads?name=big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/pdf\r\nContent-Length: {MAX_UPLOAD + 1}\r\n"
            "\r\n".encode()
        )
        reply = sock.recv(4096).decode()
    assert reply.startswith("HTTP/1.1 413"), reply
    assert "file over 20 MB" in reply

    # no Content-Length (chunked): the endpoint counts what arrives
    def chunks() -> Iterator[bytes]:
        yield b"%PDF-1.7\n"
        for _ in range(21):
            yield b"0" * (1024 * 1024)

    try:
        response = client.post(
            "/api/uploads",
            params={"name": "big.pdf"},
            content=chunks(),
            headers={"content-type": "application/pdf"},
        )
        assert response.status_code == 413 and "big.pdf: file over 20 MB" in response.text
    except httpx.TransportError:  # the server may close before the client has sent it all
        pass
    assert "big" not in documents(client)

    response = client.post(
        "/api/uploads",
        params={"name": "notes.txt"},
        content=b"hello",
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 415 and "only PDF files" in response.json()["detail"]
    response = client.post(
        "/api/uploads",
        params={"name": "a.pdf"},
        content=b"<html>",
        headers={"content-type": "text/html"},
    )
    assert response.status_code == 415
    # the rest of the API keeps its 64 KB limit
    response = client.post("/api/ask", json={"question": "x" * (70 * 1024)})
    assert response.status_code == 413 and "64 KB" in response.json()["detail"]


def test_a_path_in_the_name_is_stored_safely_and_never_overwrites(
    client: httpx.Client, corpus: Path, tmp_path: Path
) -> None:
    body = (LETTERS / f"{BASE}.pdf").read_bytes()
    job = upload(client, "../../outside/" + BASE + ".pdf", body)
    assert job["state"] == "done", job
    assert job["document"] == f"{BASE}-2"  # the base letter keeps its file
    assert (corpus / f"{BASE}-2.pdf").exists() and (corpus / f"{BASE}.pdf").exists()
    assert not (corpus.parent.parent / "outside").exists()
    job = upload(client, "..\\" + BASE + ".PDF", body)
    assert job["document"] == f"{BASE}-3" and job["state"] == "done"
    assert {f"{BASE}-2", f"{BASE}-3"} <= documents(client)
    for name in (f"{BASE}-2", f"{BASE}-3"):
        assert client.delete(f"/api/documents/{name}").status_code == 200
    assert documents(client) >= {BASE}


def test_remove_takes_the_file_figures_and_passages(client: httpx.Client, corpus: Path) -> None:
    if NEW not in documents(client):
        assert (
            upload(client, f"{NEW}.pdf", (LETTERS / f"{NEW}.pdf").read_bytes())["state"] == "done"
        )
    response = client.delete(f"/api/documents/{NEW}")
    assert response.status_code == 200, response.text
    assert response.json()["n_figures"] > 20
    assert not (corpus / f"{NEW}.pdf").exists() and (corpus / f"{BASE}.pdf").exists()
    assert NEW not in documents(client)
    assert client.get("/api/figures", params={"document": NEW}).json() == []
    for q in (POLICE_Q, "Welke inzet noemt de Nationale Politie voor de doelgroep?"):
        answer = client.get("/api/ask", params={"q": q}).json()
        assert not any(c["document"] == NEW for c in answer["citations"]), answer
    assert client.delete(f"/api/documents/{NEW}").status_code == 404
    assert client.delete("/api/documents/..%2F..%2Fetc").status_code == 404
    # the base letter still answers
    base = client.get("/api/figures", params={"document": BASE}).json()
    assert base


def test_upload_status_of_an_unknown_job_is_404(client: httpx.Client) -> None:
    response = client.get("/api/uploads/nope")
    assert response.status_code == 404 and "unknown upload" in response.json()["detail"]
    settings = client.get("/api/uploads").json()
    assert settings == {"enabled": True, "max_bytes": MAX_UPLOAD, "reason": None}
