"""The index on a Chroma server: a real `chroma run` on 127.0.0.1, started for this module.

Indexing, search, answers and the `ask` command must give the same results through the
server as with the local store; a second client with an empty data folder must find
the passages already there (that is what a shared index is for).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from banen_qa.answer import answer_question
from banen_qa.corpus import ingest_pdf
from banen_qa.search.index import COLLECTION, PassageIndex

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
CHROMA = Path(sys.executable).parent / "chroma"
QUESTIONS = [json.loads(line) for line in (ROOT / "eval" / "seed-questions.jsonl").open()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heartbeat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """Start `chroma run` on a free port; yield its URL; stop it after the module."""
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA}: the chroma CLI (part of the chromadb package) is missing")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("chroma-log") / "server.log"
    started = time.monotonic()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                str(CHROMA),
                "run",
                "--path",
                str(tmp_path_factory.mktemp("chroma-server")),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        while not heartbeat(url):
            assert proc.poll() is None, f"chroma run exited: {log.read_text()[-2000:]}"
            assert time.monotonic() - started < 60, "chroma server did not answer in 60 s"
            time.sleep(0.05)
        startup = time.monotonic() - started
        print(f"\nchroma server answered its heartbeat after {startup:.2f} s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def seed():
    return ingest_pdf(SEED_PDF)


@pytest.fixture(scope="module")
def indexes(tmp_path_factory, chroma_url, seed):
    """The same passages in a local store and on the server (vectors cached per folder)."""
    local = PassageIndex(tmp_path_factory.mktemp("local"))
    remote_dir = tmp_path_factory.mktemp("remote")
    local.add(seed.passages)
    # reuse the local vectors so the test does not embed twice; the upsert still goes
    # through the server
    shutil.copy(local.data_dir / "vectors.sqlite", remote_dir / "vectors.sqlite")
    remote = PassageIndex(remote_dir, chroma_url=chroma_url)
    remote.add(seed.passages)
    return local, remote


def test_passages_are_stored_on_the_server(indexes, chroma_url, seed):
    import chromadb
    from chromadb.config import Settings

    local, remote = indexes
    assert len(remote) == len(local) == len(seed.passages)
    assert not (remote.data_dir / "chroma").exists()  # nothing in the local store
    port = int(chroma_url.rsplit(":", 1)[1])
    direct = chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=Settings(anonymized_telemetry=False)
    )
    collection = direct.get_collection(COLLECTION)
    assert collection.count() == len(seed.passages)
    got = collection.get(ids=[seed.passages[0].id], include=["documents"])
    assert got["documents"] == [seed.passages[0].text]


@pytest.mark.parametrize("question", [q["question"] for q in QUESTIONS[:12]])
def test_search_through_the_server_matches_the_local_store(indexes, question):
    local, remote = indexes
    here = local.search(question, k=8)
    there = remote.search(question, k=8)
    assert [p.id for p, _ in there] == [p.id for p, _ in here]
    for (_, a), (_, b) in zip(here, there, strict=True):
        assert a == pytest.approx(b, rel=1e-4, abs=1e-6)


def test_answers_through_the_server_match_the_local_store(indexes, seed):
    local, remote = indexes
    answered = 0
    for q in QUESTIONS:
        here = answer_question(q["question"], index=local, figures=seed.figures)
        there = answer_question(q["question"], index=remote, figures=seed.figures)
        assert there.answer == here.answer, q["question"]
        assert there.citations == here.citations
        answered += not there.abstained
    assert answered >= len(QUESTIONS) // 2


def test_a_second_client_with_an_empty_folder_sees_the_shared_index(
    indexes, chroma_url, seed, tmp_path
):
    local, _ = indexes
    other = PassageIndex(tmp_path / "other-machine", chroma_url=chroma_url)
    assert len(other) == len(seed.passages)
    assert other.add(seed.passages) == 0  # already on the server: nothing to embed
    question = "Hoeveel banen heeft de politie in 2021 gerealiseerd?"
    assert [p.id for p, _ in other.search(question)] == [p.id for p, _ in local.search(question)]


def run_ask(question: str, data_dir: Path, chroma_url: str | None, *, env_url: bool = False):
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(data_dir)}
    env.pop("BANEN_QA_CHROMA_URL", None)
    args = [sys.executable, "-m", "banen_qa", "ask", question, "--json"]
    if chroma_url and env_url:
        env["BANEN_QA_CHROMA_URL"] = chroma_url
    elif chroma_url:
        args += ["--chroma-url", chroma_url]
    run = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_ask_command_against_the_server(chroma_url, tmp_path):
    question = "Wat was het doel van de provincies in 2020?"
    local = run_ask(question, tmp_path / "local", None)
    by_option = run_ask(question, tmp_path / "remote", chroma_url)
    by_env = run_ask(question, tmp_path / "remote-env", chroma_url, env_url=True)
    assert not by_option["abstained"] and by_option["citations"]
    assert "331" in by_option["answer"]
    assert by_option == local == by_env
    # a figure question opens no index; a passage question opens the one configured
    assert not (tmp_path / "local" / "chroma").exists()
    passage_q = "Met welke stichting zijn de waterschappen een bewustwordingsprogramma gestart?"
    assert run_ask(passage_q, tmp_path / "remote", chroma_url) == run_ask(
        passage_q, tmp_path / "local", None
    )
    assert not (tmp_path / "remote" / "chroma").exists()
    assert (tmp_path / "local" / "chroma").exists()


def test_unreachable_server_is_a_clear_error(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "banen_qa",
            "ask",
            "Wie ondertekende de brief?",
            "--chroma-url",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BANEN_QA_DATA_DIR": str(tmp_path)},
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr[-1500:]
    assert url.split("//")[1] in run.stderr or "127.0.0.1" in run.stderr
