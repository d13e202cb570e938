"""Letters added and removed from the page while `serve` runs.

An upload arrives as the PDF's bytes (POST /api/uploads?name=letter.pdf), is written to a
staging folder under the data dir under a safe, unique name (the client's name is only a
hint: its last path part, ASCII letters and digits, `-2`, `-3`… where taken), and is then read
on the upload thread: parse, extract figures, copy into the corpus folder (never over another
file), write the parse cache, index the passages, and only then shown in the library. A file
that cannot be read gets the parser's one-line cause (empty, not a PDF, encrypted, corrupt, no
text layer) and leaves nothing behind. The page polls GET /api/uploads/{id} for the stage.

One thread does all of this, one letter at a time: questions keep the app's own pool, and two
uploads never race for a name or for the index.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import threading
import time
import unicodedata
import uuid
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from banen_qa.corpus import IngestedDocument
    from banen_qa.web.app import Library

log = logging.getLogger(__name__)

MAX_UPLOAD = 20 * 1024 * 1024  # bytes per uploaded file
MAX_NAME = 255  # characters of the client's file name
MAX_STEM = 80  # characters of the stored name, before .pdf
KEEP_JOBS = 200  # finished uploads remembered for the page to poll
PDF_TYPES = ("", "application/pdf", "application/x-pdf", "application/octet-stream")

State = Literal["stored", "parsing", "extracting", "indexing", "done", "failed"]


def safe_stem(name: str) -> str:
    """A file stem that is safe in the corpus folder, from whatever name the client sent:
    its last path part only, without .pdf, folded to lower-case ASCII letters, digits and
    single hyphens ("../../etc/Brief 2021 (def).PDF" -> "brief-2021-def"); "letter" when
    nothing is left."""
    base = re.split(r"[\\/]", name)[-1]
    if base.lower().endswith(".pdf"):
        base = base[:-4]
    folded = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:MAX_STEM].strip("-")
    return stem or "letter"


def unique_stem(stem: str, taken: set[str]) -> str:
    """`stem`, or the first of stem-2, stem-3… that is not taken."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


class UploadOut(BaseModel):
    id: str
    name: str  # the file name the client sent (shown, never used as a path)
    document: str  # the id the letter gets: its stored file is corpus/<document>.pdf
    state: State
    done: int = 0  # passages indexed so far (state "indexing")
    total: int = 0  # passages to index
    error: str | None = None  # one line: why the file was not added
    title: str | None = None
    n_pages: int = 0
    n_figures: int = 0
    seconds: float = 0.0  # from the file stored to now, or to done/failed


class UploadSettings(BaseModel):
    enabled: bool
    max_bytes: int
    reason: str | None = None  # why uploads are off


@dataclass
class UploadJob:
    id: str
    name: str
    document: str
    staged: Path
    state: State = "stored"
    done: int = 0
    total: int = 0
    error: str | None = None
    title: str | None = None
    n_pages: int = 0
    n_figures: int = 0
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def out(self) -> UploadOut:
        return UploadOut(
            id=self.id, name=self.name, document=self.document, state=self.state,
            done=self.done, total=self.total, error=self.error, title=self.title,
            n_pages=self.n_pages, n_figures=self.n_figures,
            seconds=round((self.ended or time.monotonic()) - self.started, 3),
        )  # fmt: skip

    def fail(self, cause: str) -> None:
        self.error = " ".join(f"{self.name}: {cause}".split())
        self.state = "failed"
        self.ended = time.monotonic()


class Uploads:
    """The uploads of one app: names reserved, jobs by id, and the thread that runs them."""

    def __init__(self, library: Library, *, enabled: bool = True, reason: str | None = None):
        self.library = library
        self.enabled, self.reason = enabled, reason
        self.staging = Path(library.data_dir) / "uploads"
        self.jobs: OrderedDict[str, UploadJob] = OrderedDict()
        self._reserved: set[str] = set()
        self._lock = threading.Lock()
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="banen-qa-upload")

    def settings(self) -> UploadSettings:
        return UploadSettings(enabled=self.enabled, max_bytes=MAX_UPLOAD, reason=self.reason)

    def reserve(self, name: str) -> UploadJob:
        """A new job with a unique stored name and an empty staging file to write to."""
        with self._lock:
            corpus = self.library.corpus_dir
            taken = (
                set(self.library.documents)
                | self._reserved
                | {p.stem.lower() for p in corpus.glob("*") if p.suffix.lower() == ".pdf"}
            )
            stem = unique_stem(safe_stem(name), taken)
            self._reserved.add(stem)
            job_id = uuid.uuid4().hex
            folder = self.staging / job_id
            folder.mkdir(parents=True)
            job = UploadJob(id=job_id, name=name, document=stem, staged=folder / f"{stem}.pdf")
            self.jobs[job_id] = job
            while len(self.jobs) > KEEP_JOBS:
                oldest = next(iter(self.jobs.values()))
                if oldest.ended is None:
                    break
                self.jobs.popitem(last=False)
        return job

    def abandon(self, job: UploadJob) -> None:
        """The body never arrived whole (too large, client gone): forget the job."""
        self._cleanup(job)
        with self._lock:
            self.jobs.pop(job.id, None)

    def start(self, job: UploadJob) -> Future[None]:
        job.started = time.monotonic()
        return self.executor.submit(self._run, job)

    def get(self, job_id: str) -> UploadJob | None:
        return self.jobs.get(job_id)

    # -- on the upload thread ---------------------------------------------------------

    def _run(self, job: UploadJob) -> None:
        try:
            self._add(job)
        except Exception as exc:  # never a traceback for the page: one line, logged here
            log.error("upload %s failed", job.name, exc_info=exc)
            job.fail(f"could not add ({type(exc).__name__}: {exc})")
        finally:
            self._cleanup(job)

    def _add(self, job: UploadJob) -> None:
        from banen_qa.corpus import forget_cached, ingest_pdf, pipeline_version, store_cached
        from banen_qa.ingest.parse import PdfError

        lib = self.library

        def stage(step: str) -> None:
            job.state = "parsing" if step == "parse" else "extracting"

        try:
            ingested = ingest_pdf(job.staged, on_stage=stage)
        except PdfError as exc:
            job.fail(exc.cause)
            return
        except MemoryError:
            job.fail("out of memory while reading this file")
            return
        final = lib.corpus_dir / f"{job.document}.pdf"
        try:
            place(job.staged, final)
        except FileExistsError:
            job.fail(f"{final.name} appeared in the corpus folder meanwhile; upload it again")
            return
        ingested.doc.path = str(final)
        try:
            store_cached(lib.data_dir, job.document, ingested)
            job.state, job.total = "indexing", len(ingested.passages)

            def indexed(n: int) -> None:
                job.done = min(n, job.total)

            lib.index.put_document(ingested, progress=indexed, version=pipeline_version())
        except BaseException:
            final.unlink(missing_ok=True)  # nothing half-added stays behind
            forget_cached(lib.data_dir, job.document)
            lib.index.delete_documents([job.document])
            raise
        lib.publish(ingested, final)
        self._done(job, ingested)

    def _done(self, job: UploadJob, ingested: IngestedDocument) -> None:
        job.title = ingested.doc.title
        job.n_pages, job.n_figures = ingested.doc.n_pages, len(ingested.figures)
        job.done = job.total
        job.state = "done"
        job.ended = time.monotonic()
        log.info(
            "added %s as %s (%d pages, %d figures) in %.1f s",
            job.name,
            job.document,
            job.n_pages,
            job.n_figures,
            job.ended - job.started,
        )

    def _cleanup(self, job: UploadJob) -> None:
        shutil.rmtree(job.staged.parent, ignore_errors=True)
        with self._lock:
            self._reserved.discard(job.document)


def place(source: Path, target: Path) -> None:
    """Copy `source` to `target`, never over an existing file (FileExistsError): the copy is
    written beside the target under a hidden name and then linked into place, so the corpus
    never holds a half-written PDF."""
    part = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    shutil.copyfile(source, part)
    try:
        try:
            os.link(part, target)  # fails when the target exists: never overwrites
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if target.exists():
                raise FileExistsError(target) from None
            os.rename(part, target)
    finally:
        part.unlink(missing_ok=True)
