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
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from banen_qa.corpus import IngestedDocument, file_hash, pipeline_version
from banen_qa.errors import printable
from banen_qa.ingest.quarantine import Quarantined
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
    quarantined: list[Quarantined] = field(default_factory=list)  # sentences to a model


@dataclass
class BulkResult:
    outcomes: list[FileOutcome]
    figures: list[Figure]  # every good file's figures (fresh or from the store), input order
    interrupted: bool = False

    @property
    def quarantined(self) -> list[tuple[Path, Quarantined]]:
        """Every quarantined sentence of the good files, with its file."""
        return [(o.path, q) for o in self.outcomes for q in o.quarantined]

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
    quarantined: list[Quarantined] = field(default_factory=list)


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
                   processed_at TEXT NOT NULL,
                   quarantined TEXT NOT NULL DEFAULT '[]')"""
        )
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(files)")}
        if "quarantined" not in columns:  # a store written before quarantine existed
            self.db.execute("ALTER TABLE files ADD COLUMN quarantined TEXT NOT NULL DEFAULT '[]'")
        self.db.commit()

    def lookup(self, path: Path, sha256: str) -> tuple[int, list[Figure], list[Quarantined]] | None:
        """(pages, figures, quarantined sentences) stored for this exact file content and
        pipeline, else None."""
        row = self.db.execute(
            "SELECT pages, figures, quarantined FROM files "
            "WHERE path = ? AND sha256 = ? AND pipeline = ?",
            (str(path), sha256, pipeline_version()),
        ).fetchone()
        if row is None:
            return None
        return (
            row[0],
            [Figure.model_validate(f) for f in json.loads(row[1])],
            [Quarantined.model_validate(q) for q in json.loads(row[2])],
        )

    def put(self, path: Path, sha256: str, done: _Done) -> None:
        """Store (or replace) a file's row and commit at once."""
        figures = json.dumps([f.model_dump(mode="json") for f in done.figures], ensure_ascii=False)
        quarantined = json.dumps(
            [q.model_dump(mode="json") for q in done.quarantined], ensure_ascii=False
        )
        self.db.execute(
            "INSERT OR REPLACE INTO files (path, sha256, pipeline, document, pages, figures, "
            "processed_at, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(path),
                sha256,
                pipeline_version(),
                done.document,
                done.pages,
                figures,
                datetime.now(UTC).isoformat(timespec="seconds"),
                quarantined,
            ),
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
        files = (
            sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            if item.is_dir()
            else [item]
        )
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


def document_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """A unique document id per file: its stem, or where two files share a stem
    (a/letter.pdf, b/letter.pdf) the path from their nearest common folder without the
    suffix ("a/letter", "b/letter"), so the table never mixes two letters' figures."""
    by_stem: dict[str, list[Path]] = {}
    for path in paths:
        by_stem.setdefault(path.stem, []).append(path)
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        common = Path(os.path.commonpath([str(p.parent) for p in group]))
        for path in group:
            ids[path] = path.relative_to(common).with_suffix("").as_posix()
    return ids


def _renamed(figures: list[Figure], document: str) -> list[Figure]:
    return [
        f if f.document == document else f.model_copy(update={"document": document})
        for f in figures
    ]


# ---------------------------------------------------------------------------
# the work, in a worker process (or in-process with one worker)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _extract_one(path: Path, ingest: Ingest | None) -> _Done:
    """Ingest one file, turning any failure into a one-line cause (never raises)."""
    from banen_qa.corpus import ingest_pdf
    from banen_qa.ingest.parse import PdfError

    run: Ingest = ingest or ingest_pdf
    try:
        result = run(path)
    except PdfError as exc:
        return _Done(path, cause=_one_line(exc.cause))
    except MemoryError:
        return _Done(path, cause="out of memory while reading this file")
    except Exception as exc:  # a parser bug on one odd file must not stop the others
        return _Done(path, cause=_one_line(f"could not read ({type(exc).__name__}: {exc})"))
    return _Done(
        path,
        pages=result.doc.n_pages,
        figures=result.figures,
        document=result.doc.document,
        quarantined=result.quarantined,
    )


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
    "banen_qa.corpus",
    "banen_qa.ingest.parse",
    "banen_qa.ingest.passages",
    "banen_qa.extract.figures",
]


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """Workers forked from a clean "forkserver" process that has the pipeline imported:
    plain fork from this process could copy a lock held by the progress-bar thread,
    spawn would import the pipeline again for every worker (and every crash retry)."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    return ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),)
    )


def _run_pool(
    jobs: list[_Job], workers: int, ingest: Ingest | None, stop: _Stop | None = None
) -> Generator[_Done, None, None]:
    """Yield each job's result as it finishes, at most `workers` files in flight.

    Keeping few files in flight means that when a worker dies (segfault, OOM kill) the
    suspects are known: each is then retried alone, and the one that dies again is
    reported as crashed while the others' results are kept.

    `stop` (a first Ctrl-C) ends the handing out of files: the files in flight are
    finished and yielded, then the generator returns. A KeyboardInterrupt (a second Ctrl-C,
    or SIGTERM) kills the workers instead of joining them: they ignore SIGINT, and joining
    would wait for the files they are reading.
    """
    queue = deque(jobs)
    pool = _new_pool(workers)
    running: dict[Future[_Done], _Job] = {}
    hard = True  # until the loop ends normally, leaving means: kill, do not wait
    try:
        while running or (queue and not (stop and stop.requested)):
            broken: list[_Job] = []
            try:
                while queue and not (stop and stop.requested) and len(running) < workers:
                    running[pool.submit(_extract_one, queue[0].path, ingest)] = queue[0]
                    queue.popleft()
            except BrokenProcessPool:  # a worker died before any of its futures completed
                broken = list(running.values())
            if not broken and running:
                # a timeout, so a Ctrl-C is seen between files and not only after one
                done, _ = wait(running, timeout=0.25, return_when=FIRST_COMPLETED)
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
        hard = False
    finally:
        if hard:
            _kill_workers(pool)
        pool.shutdown(wait=not hard, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL the pool's worker processes (Python 3.11 has no public way; 3.14 adds
    kill_workers). Their files in flight are simply left for the next run."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.kill()
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.join(timeout=5)


def _retry_alone(job: _Job, ingest: Ingest | None) -> _Done:
    """Run one suspect file in a pool of its own: a second death is its own fault."""
    pool = _new_pool(1)
    try:
        return pool.submit(_extract_one, job.path, ingest).result()
    except BrokenProcessPool:
        return _Done(job.path, cause=CRASH_CAUSE)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Stop:
    """Ctrl-C and SIGTERM during a run.

    With worker processes, the first Ctrl-C only asks to stop: no new file is handed out,
    the files in flight are finished and stored, and the run returns what is done. A second
    Ctrl-C (or SIGTERM, or the first Ctrl-C without workers) raises KeyboardInterrupt at
    once; the pool then kills its workers instead of waiting for them.
    """

    def __init__(self, graceful: bool) -> None:
        self.graceful = graceful
        self.requested = False

    def __call__(self, signum: int, frame: Any) -> None:
        if signum == signal.SIGINT and self.graceful and not self.requested:
            self.requested = True
            os.write(
                2, b"\nstopping: finishing the files in flight (Ctrl-C again to stop at once)\n"
            )
            return
        self.requested = True
        raise KeyboardInterrupt


@contextmanager
def _signals(stop: _Stop) -> Iterator[None]:
    """Install `stop` for SIGINT and SIGTERM (main thread only), restoring the old ones."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


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
                TextColumn(
                    "files · {task.fields[pages]} pages · {task.fields[figures]} figures"
                    " · [red]{task.fields[errors]} errors"
                ),
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
            self.bar.update(
                self.task, advance=1, pages=self.pages, figures=self.figures, errors=self.errors
            )

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
    stop = _Stop(graceful=workers > 1)
    try:
        with _signals(stop):
            paths = expand_inputs(inputs)
            doc_ids = document_ids(paths)
            for path in paths:
                order.append(path)
                try:
                    sha = file_hash(path)
                except OSError as exc:
                    cause = (
                        "file not found"
                        if isinstance(exc, FileNotFoundError)
                        else _one_line(f"cannot read file ({exc.strerror or exc})")
                    )
                    outcomes[path] = FileOutcome(path, "failed", cause=cause)
                    continue
                if sha in by_hash:
                    outcomes[path] = FileOutcome(path, "duplicate", sha, duplicate_of=by_hash[sha])
                    continue
                by_hash[sha] = path
                stored = store.lookup(path, sha)
                if stored is not None:
                    pages, figs, quarantined = stored
                    outcomes[path] = FileOutcome(
                        path, "unchanged", sha, pages, len(figs), quarantined=quarantined
                    )
                    figures[path] = _renamed(figs, doc_ids[path])
                else:
                    jobs.append(_Job(path, sha))

            bar = _Progress(len(jobs), progress)
            stop.graceful = workers > 1 and len(jobs) > 1
            results: Generator[_Done, None, None] = (
                (_extract_one(j.path, ingest) for j in jobs)
                if not stop.graceful
                else _run_pool(jobs, min(workers, len(jobs)), ingest, stop)
            )
            sha_of = {j.path: j.sha256 for j in jobs}
            try:
                for done in results:
                    sha = sha_of[done.path]
                    if done.cause is None:
                        done.document = doc_ids[done.path]
                        done.figures = _renamed(done.figures, done.document)
                        store.put(done.path, sha, done)
                        figures[done.path] = done.figures
                        outcomes[done.path] = FileOutcome(
                            done.path,
                            "processed",
                            sha,
                            done.pages,
                            len(done.figures),
                            quarantined=done.quarantined,
                        )
                    else:
                        store.forget(done.path)
                        outcomes[done.path] = FileOutcome(
                            done.path, "failed", sha, cause=done.cause
                        )
                    bar.advance(done)
            finally:
                bar.close()
                results.close()  # shuts the pool down when we stop early
    except KeyboardInterrupt:
        interrupted = True
    finally:
        store.close()
    interrupted = interrupted or stop.requested

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
    lines += [f"{printable(o.path)}: {o.cause}" for o in failed]
    lines += [f"{printable(o.path)}: duplicate of {printable(o.duplicate_of)}" for o in dups]
    lines += [quarantine_line(path, q) for path, q in result.quarantined]
    return lines


def quarantine_line(path: Path, q: Quarantined) -> str:
    """One warning line for a quarantined sentence: file, document, page, where, quote."""
    where = {"body": "", "table": " (table)", "footnote": f" (footnote {q.footnote})"}[q.where]
    return (
        f"warning: {printable(path)}: {q.document} p. {q.page}{where}: sentence addressed "
        f"to a model, its numbers are not used: \u201c{printable(q.quote)}\u201d"
    )
