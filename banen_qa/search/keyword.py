"""The keyword half of the hybrid index, and the passage records, in one SQLite file.

BM25 runs in SQLite's FTS5 (stdlib `sqlite3`, no dependency): the inverted index lives
on disk, is updated passage by passage (add and delete, no rebuild), and a query reads
only the posting lists of its own terms, so its cost follows the matches, not the corpus
size. Measured against rank_bm25 (a Python scan over every passage, rebuilt in every
process) and bm25s (sparse matrices, saved to disk, but rebuilt as a whole on any
change); see README "Measured".

Dutch-aware tokens: text is folded (accents off, lower case) by the same `tokenize` as
before, numbers get one spelling ("5.500" -> "5500", "61,3" -> "61.3"), and a query word
of four letters or more also matches words it begins ("banen" finds "banenafspraak",
"gemeente" finds "gemeenten") through an FTS5 prefix query; an exact match still counts
twice, so it ranks above a longer word.

The same file holds each passage as JSON, keyed by id, with its document and record
hash: a search hit becomes a Passage without asking chromadb for documents, the index
can tell what changed without reading the collection, and `passages()` streams in
document order instead of loading everything. A table of document keys (file content
hash + pipeline version) lets an unchanged letter be skipped without looking at its
passages.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from banen_qa.models import Passage
from banen_qa.text import fold

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
PREFIX_LENGTHS = (4, 5, 6)  # query words this long also match the words they begin
CHUNK = 500  # ids per SQL statement: well under SQLite's variable limit


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


def match_query(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression: any term; a word of 4-6 letters also as a prefix (the
    head of a Dutch compound: "banen" -> "banenafspraak"; FTS5 keeps a prefix index for
    exactly these lengths, so the prefix costs no scan of the vocabulary). Tokens are
    letters or digits and dots only, so quoting them is all the escaping needed."""
    parts: list[str] = []
    for t in dict.fromkeys(terms):
        parts.append(f'"{t}"')
        if len(t) in PREFIX_LENGTHS and not t[0].isdigit():
            parts.append(f'"{t}"*')
    return " OR ".join(parts)


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class KeywordIndex:
    """Passage records plus an FTS5 BM25 index over their tokens, in one SQLite file.

    One connection, shared by threads under a lock (WAL mode: other processes read while
    one writes)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS passages (
                n INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                document TEXT NOT NULL,
                char_start INTEGER NOT NULL,
                record_hash TEXT NOT NULL,
                body TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS passages_by_document
                ON passages(document, char_start, id);
            CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(
                tokens, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'",
                prefix = '4 5 6'
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS term_counts USING fts5vocab(terms, 'row');
            CREATE TABLE IF NOT EXISTS documents (
                document TEXT PRIMARY KEY,
                key TEXT NOT NULL
            );
            """
        )

    # -- writing ----------------------------------------------------------------------

    def put(self, items: Sequence[tuple[Passage, str, str]]) -> None:
        """Insert or replace passages, each with its record hash and the text to index."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._delete_ids([p.id for p, _, _ in items])
                for p, record_hash, text in items:
                    cur = self._db.execute(
                        "INSERT INTO passages (id, document, char_start, record_hash, body) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (p.id, p.document, p.char_start, record_hash, p.model_dump_json()),
                    )
                    self._db.execute(
                        "INSERT INTO terms (rowid, tokens) VALUES (?, ?)",
                        (cur.lastrowid, " ".join(tokenize(text))),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def delete(self, ids: Sequence[str]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._delete_ids(ids)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _delete_ids(self, ids: Sequence[str]) -> None:
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            self._db.execute(
                f"DELETE FROM terms WHERE rowid IN (SELECT n FROM passages WHERE id IN ({marks}))",
                chunk,
            )
            self._db.execute(f"DELETE FROM passages WHERE id IN ({marks})", chunk)

    def set_document_key(self, document: str, key: str | None) -> None:
        with self._lock:
            if key is None:
                self._db.execute("DELETE FROM documents WHERE document = ?", (document,))
            else:
                self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?)", (document, key))

    # -- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]

    def record_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        with self._lock:
            for chunk in _chunks(list(ids)):
                marks = ",".join("?" * len(chunk))
                found.update(
                    self._db.execute(
                        f"SELECT id, record_hash FROM passages WHERE id IN ({marks})", chunk
                    )
                )
        return found

    def all_record_hashes(self) -> Iterator[tuple[str, str]]:
        """(id, record hash) of every passage, read in pages."""
        last = -1
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT n, id, record_hash FROM passages WHERE n > ? ORDER BY n LIMIT 5000",
                    (last,),
                ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield from ((i, h) for _, i, h in rows)

    def document_keys(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT document, key FROM documents"))

    def documents(self) -> set[str]:
        with self._lock:
            return {d for (d,) in self._db.execute("SELECT DISTINCT document FROM passages")}

    def ids_of(self, documents: Iterable[str]) -> list[str]:
        out: list[str] = []
        with self._lock:
            for chunk in _chunks(sorted(set(documents))):
                marks = ",".join("?" * len(chunk))
                out += [
                    i
                    for (i,) in self._db.execute(
                        f"SELECT id FROM passages WHERE document IN ({marks})", chunk
                    )
                ]
        return out

    def get(self, ids: Sequence[str]) -> dict[str, Passage]:
        found: dict[str, Passage] = {}
        with self._lock:
            for chunk in _chunks(list(ids)):
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT id, body FROM passages WHERE id IN ({marks})", chunk
                ).fetchall()
                found.update((i, Passage.model_validate_json(b)) for i, b in rows)
        return found

    def iter_passages(self, batch: int = 2000) -> Iterator[Passage]:
        """Every passage in document order, read `batch` rows at a time."""
        after: tuple[str, int, str] = ("", -1, "")
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT document, char_start, id, body FROM passages "
                    "WHERE (document, char_start, id) > (?, ?, ?) "
                    "ORDER BY document, char_start, id LIMIT ?",
                    (*after, batch),
                ).fetchall()
            if not rows:
                return
            after = rows[-1][:3]
            yield from (Passage.model_validate_json(r[3]) for r in rows)

    def search(
        self, terms: Sequence[str], limit: int, *, documents: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """(id, BM25 score; higher is better) of the best `limit` passages for the terms."""
        if limit <= 0:
            return []
        terms = self._informative(terms)
        if not terms:
            return []
        sql = (
            "SELECT p.id, -bm25(terms) FROM terms JOIN passages p ON p.n = terms.rowid "
            "WHERE terms MATCH ?"
        )
        args: list[object] = [match_query(terms)]
        if documents:
            docs = sorted(documents)
            sql += f" AND p.document IN ({','.join('?' * len(docs))})"
            args += docs
        sql += " ORDER BY bm25(terms) LIMIT ?"
        args.append(limit)
        with self._lock:
            return [(i, float(s)) for i, s in self._db.execute(sql, args)]

    def _informative(self, terms: Sequence[str]) -> list[str]:
        """The terms minus those in more than half the passages: FTS5's BM25 gives such a
        term an IDF of ~0, so it changes no ranking, but its posting list is the longest
        to read ("banen" in a corpus of Banenafspraak letters). Kept when nothing else is
        left, so a one-word query still finds something."""
        unique = list(dict.fromkeys(terms))
        with self._lock:
            total = self._db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
            counts = {
                t: row[0]
                for t in unique
                if (
                    row := self._db.execute(
                        "SELECT doc FROM term_counts WHERE term = ?", (t,)
                    ).fetchone()
                )
            }
        kept = [t for t in unique if counts.get(t, 0) * 2 <= total]
        return kept or unique

    def close(self) -> None:
        with self._lock:
            self._db.close()
