"""Extract figures from many PDFs at once: in parallel, incremental, and robust to bad files.

A folder of downloaded letters holds duplicates, broken downloads, scans and encrypted
files. `run_extract` reads every PDF once (duplicates by content are reported, not read
twice), in worker processes, and keeps each good file's figures in a small SQLite store
keyed by the file's path and content hash. The store is committed after every file, so
an interrupted run (Ctrl-C, kill, a crash) leaves it usable and the next run resumes:
unchanged files are skipped, a changed file replaces its old row, failures are retried.

Flow: expand inputs -> hash -> drop duplicates -> skip what the store already has ->
ingest the rest (workers) -> store -> one figure list in input order + a summary.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from banen_qa.corpus import IngestedDocument, file_hash, pipeline_version
from banen_qa.models import Figure

Ingest = Callable[[Path], IngestedDocument]
Status = Literal["processed", "unchanged", "failed", "duplicate"]

EXIT_OK = 0
EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130
STORE_FILE = "extract.sqlite"
CRASH_CAUSE = "worker process crashed while reading this file (parser crash or out of memory)"


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: Path
    status: Status
    sha256: str = ""
    pages: int = 0
    figures: int = 0
    cause: str | None = None  # one line, for failed files
    duplicate_of: Path | None = None


@dataclass
class BulkResult:
    outcomes: list[FileOutcome]
    figures: list[Figure]  # every good file's figures (fresh or from the store), input order
    interrupted: bool = False

    def with_status(self, status: Status) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_SOME_FAILED if self.with_status("failed") else EXIT_OK


@dataclass
class _Job:
    """A file to ingest."""

    path: Path
    sha256: str


@dataclass
class _Done:
    """What a worker sends back: only what the table needs, not the whole document."""

    path: Path
    pages: int = 0
    figures: list[Figure] = field(default_factory=list)
    document: str = ""
    cause: str | None = None


# ---------------------------------------------------------------------------
# the store


class ExtractStore:
    """SQLite table of files already read: path, content hash, pipeline version, figures.

    WAL mode and a commit per file: a killed run loses at most the file in flight.
    """

    def __init__(self, store_dir: Path):
        store_dir.mkdir(parents=True, exist_ok=True)
        self.path = store_dir / STORE_FILE
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            """CREATE TABLE IF NOT EXISTS files (
                   path TEXT PRIMARY KEY,
                   sha256 TEXT NOT NULL,
                   pipeline TEXT NOT NULL,
                   document TEXT NOT NULL,
                   pages INTEGER NOT NULL,
                   figures TEXT NOT NULL,
                   processed_at TEXT NOT NULL)"""
        )
        self.db.commit()

    def lookup(self, path: Path, sha256: str) -> tuple[int, list[Figure]] | None:
        """(pages, figures) stored for this exact file content and pipeline, else None."""
        row = self.db.execute(
            "SELECT pages, figures FROM files WHERE path = ? AND sha256 = ? AND pipeline = ?",
            (str(path), sha256, pipeline_version()),
        ).fetchone()
        if row is None:
            return None
        return row[0], [Figure.model_validate(f) for f in json.loads(row[1])]

    def put(self, path: Path, sha256: str, done: _Done) -> None:
        """Store (or replace) a file's row and commit at once."""
        figures = json.dumps([f.model_dump(mode="json") for f in done.figures], ensure_ascii=False)
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(path), sha256, pipeline_version(), done.document, done.pages, figures,
             datetime.now(UTC).isoformat(timespec="seconds")),
        )
        self.db.commit()

    def forget(self, path: Path) -> None:
        """Drop a file's row (it changed and now fails: its old figures are no longer true)."""
        self.db.execute("DELETE FROM files WHERE path = ?", (str(path),))
        self.db.commit()

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------------------
# input files


def expand_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Files as given, folders as their *.pdf files (recursive, sorted); each path once."""
    seen: set[Path] = set()
    out: list[Path] = []
    for item in inputs:
        item = Path(item)
        files = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf") \
            if item.is_dir() else [item]
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


# ---------------------------------------------------------------------------
# the work, in a worker process (or in-process with one worker)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _extract_one(path: Path, ingest: Ingest | None) -> _Done:
    """Ingest one file, turning any failure into a one-line cause (never raises)."""
    from banen_qa.ingest.parse import PdfError

    if ingest is None:
        from banen_qa.corpus import ingest_pdf as ingest
    try:
        result = ingest(path)
    except PdfError as exc:
        return _Done(path, cause=_one_line(exc.cause))
    except MemoryError:
        return _Done(path, cause="out of memory while reading this file")
    except Exception as exc:  # a parser bug on one odd file must not stop the others
        return _Done(path, cause=_one_line(f"could not read ({type(exc).__name__}: {exc})"))
    return _Done(path, pages=result.doc.n_pages, figures=result.figures,
                 document=result.doc.document)


def _worker_init(parent_pid: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops handing out files, and exit when
    the parent is gone (killed with -9), instead of waiting forever for the next file."""
    from banen_qa.config import limit_threads

    limit_threads()
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch_parent() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()


WORKER_PRELOAD = [
    "banen_qa.corpus", "banen_qa.ingest.parse", "banen_qa.ingest.passages",
    "banen_qa.extract.figures",
]


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """Workers forked from a clean "forkserver" process that has the pipeline imported:
    plain fork from this process could copy a lock held by the progress-bar thread,
    spawn would import the pipeline again for every worker (and every crash retry)."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init,
                               initargs=(os.getpid(),))


def _run_pool(jobs: list[_Job], workers: int, ingest: Ingest | None) -> Iterator[_Done]:
    """Yield each job's result as it finishes, at most `workers` files in flight.

    Keeping few files in flight means that when a worker dies (segfault, OOM kill) the
    suspects are known: each is then retried alone, and the one that dies again is
    reported as crashed while the others' results are kept.
    """
    queue = deque(jobs)
    pool = _new_pool(workers)
    running: dict[Future[_Done], _Job] = {}
    try:
        while queue or running:
            broken: list[_Job] = []
            try:
                while queue and len(running) < workers:
                    running[pool.submit(_extract_one, queue[0].path, ingest)] = queue[0]
                    queue.popleft()
            except BrokenProcessPool:  # a worker died before any of its futures completed
                broken = list(running.values())
            if not broken:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    job = running.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken.append(job)
                if broken:
                    broken += list(running.values())
            if broken:  # the pool is dead: every file in flight is a suspect
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for job in broken:
                    yield _retry_alone(job, ingest)
                pool = _new_pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _retry_alone(job: _Job, ingest: Ingest | None) -> _Done:
    """Run one suspect file in a pool of its own: a second death is its own fault."""
    pool = _new_pool(1)
    try:
        return pool.submit(_extract_one, job.path, ingest).result()
    except BrokenProcessPool:
        return _Done(job.path, cause=CRASH_CAUSE)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """`kill` stops a run like Ctrl-C does: the finally-blocks run, the store is closed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


# ---------------------------------------------------------------------------
# progress


class _Progress:
    """A rich progress bar counting files, pages, figures and errors (or nothing)."""

    def __init__(self, total: int, enabled: bool):
        self.pages = self.figures = self.errors = 0
        self.bar = None
        if enabled and total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]Extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[pages]} pages · {task.fields[figures]} figures"
                           " · [red]{task.fields[errors]} errors"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self.task = self.bar.add_task("extract", total=total, pages=0, figures=0, errors=0)
            self.bar.start()

    def advance(self, done: _Done) -> None:
        self.pages += done.pages
        self.figures += len(done.figures)
        self.errors += done.cause is not None
        if self.bar is not None:
            self.bar.update(self.task, advance=1, pages=self.pages, figures=self.figures,
                            errors=self.errors)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# ---------------------------------------------------------------------------
# the runner


def run_extract(
    inputs: Sequence[Path],
    *,
    workers: int | None = None,
    store_dir: Path,
    progress: bool = True,
    ingest: Ingest | None = None,
) -> BulkResult:
    """Extract figures from every PDF under `inputs`; see the module docstring.

    `workers` processes (default: the number of cores); 1 runs in this process.
    `ingest` replaces corpus.ingest_pdf (it must be picklable: a module-level function).
    Ctrl-C or SIGTERM stops handing out files; what finished is stored and returned with
    `interrupted=True`.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    outcomes: dict[Path, FileOutcome] = {}
    order: list[Path] = []
    by_hash: dict[str, Path] = {}
    jobs: list[_Job] = []
    figures: dict[Path, list[Figure]] = {}
    store = ExtractStore(store_dir)
    interrupted = False
    try:
        with _sigterm_as_interrupt():
            for path in expand_inputs(inputs):
                order.append(path)
                try:
                    sha = file_hash(path)
                except OSError as exc:
                    cause = "file not found" if isinstance(exc, FileNotFoundError) else \
                        _one_line(f"cannot read file ({exc.strerror or exc})")
                    outcomes[path] = FileOutcome(path, "failed", cause=cause)
                    continue
                if sha in by_hash:
                    outcomes[path] = FileOutcome(path, "duplicate", sha, duplicate_of=by_hash[sha])
                    continue
                by_hash[sha] = path
                stored = store.lookup(path, sha)
                if stored is not None:
                    pages, figs = stored
                    outcomes[path] = FileOutcome(path, "unchanged", sha, pages, len(figs))
                    figures[path] = figs
                else:
                    jobs.append(_Job(path, sha))

            bar = _Progress(len(jobs), progress)
            results = (
                (_extract_one(j.path, ingest) for j in jobs) if workers == 1 or len(jobs) <= 1
                else _run_pool(jobs, min(workers, len(jobs)), ingest)
            )
            sha_of = {j.path: j.sha256 for j in jobs}
            try:
                for done in results:
                    sha = sha_of[done.path]
                    if done.cause is None:
                        store.put(done.path, sha, done)
                        figures[done.path] = done.figures
                        outcomes[done.path] = FileOutcome(done.path, "processed", sha,
                                                          done.pages, len(done.figures))
                    else:
                        store.forget(done.path)
                        outcomes[done.path] = FileOutcome(done.path, "failed", sha,
                                                          cause=done.cause)
                    bar.advance(done)
            finally:
                bar.close()
                results.close()  # shuts the pool down when we stop early
    except KeyboardInterrupt:
        interrupted = True
    finally:
        store.close()

    listed = [outcomes[p] for p in order if p in outcomes]
    all_figures = [f for p in order for f in figures.get(p, [])]
    return BulkResult(listed, all_figures, interrupted)


def render_summary(result: BulkResult, *, figures_out: Path | None = None) -> list[str]:
    """Plain lines for the end of a run: counts, then each failed or duplicate file once."""
    processed = result.with_status("processed")
    unchanged = result.with_status("unchanged")
    failed = result.with_status("failed")
    dups = result.with_status("duplicate")
    pages = sum(o.pages for o in processed)
    lines = [
        f"{len(processed)} processed ({pages} pages), {len(unchanged)} unchanged (skipped), "
        f"{len(failed)} failed, {len(dups)} duplicates; {len(result.figures)} figures"
        + (f" -> {figures_out}" if figures_out else "")
    ]
    if result.interrupted:
        not_done = "interrupted: files not yet read are left for the next run"
        lines.append(not_done)
    lines += [f"{o.path}: {o.cause}" for o in failed]
    lines += [f"{o.path}: duplicate of {o.duplicate_of}" for o in dups]
    return lines
