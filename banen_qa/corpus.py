"""The corpus: which letters there are, and their parsed passages and figures.

`ingest_pdf` runs the pure pipeline for one file (parse -> passages -> figures); it is
what bulk workers call. `load_corpus` does it for a folder, caching each result by the
file's content hash and the pipeline's own source, so a second run reads JSON instead
of parsing PDFs, and a code change never serves stale figures.

Ingest quarantines sentences that address a model (ingest/quarantine.py): their figures
are dropped, their passages are not kept (so they are never indexed, shown or quoted), and
the sentences are listed in `IngestedDocument.quarantined` for `extract` to report.
"""

from __future__ import annotations

import ast
import glob
import hashlib
import importlib.util
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from banen_qa.caches import atomic_write_text, ensure_dir, move_aside
from banen_qa.errors import BanenQAError
from banen_qa.ingest.quarantine import (
    Quarantined,
    find_quarantined,
    is_quarantined_figure,
    is_quarantined_passage,
)
from banen_qa.models import Figure, ParsedDocument, Passage

# Where the pipeline starts; the cache key covers every banen_qa module these import.
PIPELINE_ENTRY = ("banen_qa.corpus",)


class ManifestError(BanenQAError, ValueError):
    """manifest.json is not valid JSON or an entry does not fit; names the file and entry."""


class ManifestEntry(BaseModel):
    file: str
    title: str | None = None
    author: str | None = None
    year: int | None = None  # the year the letter reports on
    kind: str = "kamerbrief"
    date: str | None = None  # the date on the letter, ISO (YYYY-MM-DD)
    generated: bool = False


class IngestedDocument(BaseModel):
    doc: ParsedDocument
    passages: list[Passage]
    figures: list[Figure]
    content_hash: str = ""
    quarantined: list[Quarantined] = Field(default_factory=list)


class Corpus(BaseModel):
    documents: list[IngestedDocument] = Field(default_factory=list)
    failed: dict[str, str] = Field(default_factory=dict)  # file -> one-line cause

    @property
    def passages(self) -> list[Passage]:
        return [p for d in self.documents for p in d.passages]

    @property
    def figures(self) -> list[Figure]:
        return [f for d in self.documents for f in d.figures]

    def document(self, name: str) -> IngestedDocument | None:
        return next((d for d in self.documents if d.doc.document == name), None)


def load_manifest(corpus_dir: Path) -> dict[str, ManifestEntry]:
    """The manifest's entries by file name ({} without a manifest). Raises ManifestError,
    one line naming the file, the entry and the cause, for anything malformed."""
    path = corpus_dir / "manifest.json"
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ManifestError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(
            f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    if not isinstance(data, list):
        raise ManifestError(f"{path}: want a JSON list of entries, found a {type(data).__name__}")
    entries = []
    for i, item in enumerate(data, 1):
        try:
            entries.append(ManifestEntry.model_validate(item))
        except ValidationError as exc:
            name = item.get("file") if isinstance(item, dict) else None
            causes = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}"
                + (f" (got {e['input']!r})" if "input" in e and e["loc"] else "")
                for e in exc.errors()
            )
            raise ManifestError(
                f"{path}: entry {i}{f' ({name})' if name else ''}: {causes}"
            ) from None
    return {e.file: e for e in entries}


def ingest_pdf(
    path: Path, *, year: int | None = None, on_stage: Callable[[str], None] | None = None
) -> IngestedDocument:
    """Parse one PDF and extract its passages and figures. Raises parse.PdfError.
    `on_stage` is told "parse" and then "extract" as each step starts (for a progress line).

    Quarantined sentences (quarantine.py) take their figures and passages with them; the
    figures are extracted from all passages first, so the extractor's context (sector,
    year) is the letter's, and only then dropped."""
    from banen_qa.extract.figures import extract_figures, report_year
    from banen_qa.ingest.parse import parse_pdf
    from banen_qa.ingest.passages import split_passages

    if on_stage:
        on_stage("parse")
    doc = parse_pdf(path, year=year)
    if on_stage:
        on_stage("extract")
    if doc.year is None:
        doc.year = report_year(doc)
    passages = split_passages(doc)
    figures = extract_figures(doc, passages)
    quarantined = find_quarantined(doc)
    return IngestedDocument(
        doc=doc,
        passages=[p for p in passages if not is_quarantined_passage(p, quarantined)],
        figures=[f for f in figures if not is_quarantined_figure(f, quarantined)],
        content_hash=file_hash(path),
        quarantined=quarantined,
    )


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pipeline_modules() -> list[str]:
    """The banen_qa modules the pipeline imports, found by reading their import statements
    (nothing is imported), so the cache key can never miss one."""
    seen: set[str] = set()
    todo = list(PIPELINE_ENTRY)
    while todo:
        name = todo.pop()
        if name in seen or not name.startswith("banen_qa"):
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):  # `from banen_qa.text import fold`: not a module
            continue
        if spec is None or spec.origin is None:
            continue
        seen.add(name)
        tree = ast.parse(Path(spec.origin).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                todo += [base, *(f"{base}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                todo += [a.name for a in node.names]
    return sorted(seen)


@cache
def pipeline_version() -> str:
    """Hash of the pipeline's source and the parser backend ($BANEN_QA_PARSER): caches made
    by other code are not used."""
    from banen_qa.ingest.parse import parser_backend

    h = hashlib.sha256(parser_backend().encode())
    for name in pipeline_modules():
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            h.update(name.encode() + b"\0" + Path(spec.origin).read_bytes())
    return h.hexdigest()[:12]


# parse-cache entries are named <stem>-<24 hex of the file hash>-<12 hex of the pipeline>.json
_CACHE_TAIL = re.compile(r"-[0-9a-f]{24}-[0-9a-f]{12}\.json")


def cache_name(stem: str, content_hash: str) -> str:
    """The parse-cache file name of a letter with this stem and content hash."""
    return f"{stem}-{content_hash[:24]}-{pipeline_version()}.json"


def cache_entries(cache_dir: Path, stem: str) -> list[Path]:
    """This letter's parse-cache entries, and no other's: `a-*.json` would also match the
    entries of a letter named `a-2`, so the rest of the name must be the key exactly."""
    return [
        p
        for p in cache_dir.glob(f"{glob.escape(stem)}-*.json")
        if p.name.startswith(stem) and _CACHE_TAIL.fullmatch(p.name[len(stem) :])
    ]


def store_cached(data_dir: Path, stem: str, ingested: IngestedDocument) -> Path:
    """Write a letter's parse-cache entry (replacing its older ones), as `load_corpus` does,
    so a letter added while serving is not read again on the next start."""
    cache_dir = ensure_dir(ensure_dir(data_dir) / "cache")
    for old in cache_entries(cache_dir, stem):
        old.unlink(missing_ok=True)
    target = cache_dir / cache_name(stem, ingested.content_hash)
    atomic_write_text(target, ingested.model_dump_json())
    return target


def forget_cached(data_dir: Path, stem: str) -> None:
    """Remove a letter's parse-cache entries (the letter was removed from the corpus)."""
    cache_dir = Path(data_dir) / "cache"
    if cache_dir.is_dir():
        for old in cache_entries(cache_dir, stem):
            old.unlink(missing_ok=True)


def _read_cached(path: Path) -> IngestedDocument | None:
    """A parse-cache entry, or None when there is none; a broken one (truncated, garbage,
    a folder) is moved aside and None returned, so the letter is read again."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return IngestedDocument.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as exc:  # ValidationError is a ValueError
        cause = "unreadable" if isinstance(exc, OSError) else "not a valid parse-cache entry"
        move_aside(path, cause)
        return None


def load_corpus(
    corpus_dir: Path,
    data_dir: Path,
    *,
    progress: bool = True,
    on_file: Callable[[Path], None] | None = None,
) -> Corpus:
    """Ingest every PDF in corpus_dir (cached under data_dir/cache). Unreadable files are
    recorded in `failed` with their cause; the others are kept."""
    from banen_qa.ingest.parse import PdfError

    manifest = load_manifest(corpus_dir)
    files = sorted(corpus_dir.glob("*.pdf"))
    cache_dir = ensure_dir(ensure_dir(data_dir) / "cache")
    corpus = Corpus()

    todo: list[tuple[Path, Path]] = []
    for f in files:
        cached = cache_dir / cache_name(f.stem, file_hash(f))
        loaded = _read_cached(cached)
        if loaded is not None:
            corpus.documents.append(loaded)
        else:
            todo.append((f, cached))

    def work(f: Path, cached: Path) -> None:
        entry = manifest.get(f.name)
        try:
            ingested = ingest_pdf(f, year=entry.year if entry else None)
        except PdfError as exc:
            corpus.failed[f.name] = exc.cause
            return
        if entry and entry.title:
            ingested.doc.title = entry.title
        for old in cache_entries(cache_dir, f.stem):
            old.unlink()
        atomic_write_text(cached, ingested.model_dump_json())
        corpus.documents.append(ingested)
        if on_file:
            on_file(f)

    if todo and progress:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Reading letters", total=len(todo))
            for f, cached in todo:
                bar.update(task, description=f"Reading {f.name}")
                work(f, cached)
                bar.advance(task)
    else:
        for f, cached in todo:
            work(f, cached)
    corpus.documents.sort(key=lambda d: d.doc.document)
    return flag_corpus_conflicts(corpus)


def flag_corpus_conflicts(corpus: Corpus) -> Corpus:
    """Flag `conflict` on figures another letter of the corpus gives another value (a
    corpus-level check: call it again after merging corpora)."""
    from banen_qa.extract.validate import flag_conflicts

    flagged = iter(flag_conflicts(corpus.figures))
    for d in corpus.documents:
        d.figures = [next(flagged) for _ in d.figures]
    return corpus
