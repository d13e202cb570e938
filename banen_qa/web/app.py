"""`banen-qa serve`: a local page to ask questions, see the cited page highlighted, and browse
the validated figures, with the JSON API it runs on (OpenAPI at /docs and /openapi.json).

The app holds the corpus in memory. Clients name documents by id and pages by number only;
both are looked up in the corpus, so no client value ever becomes a file path.

Letters can be added (POST /api/uploads, the PDF's bytes, up to 20 MB) and removed (DELETE
/api/documents/{id}) while serving; see uploads.py.

Hardening: request bodies to the API are capped (64 KB, else 413; an upload has its own 20 MB
cap); the Host header must name
the address the server is bound to (or localhost), which stops DNS-rebinding pages from
reading the API; /docs is Swagger UI served from the swagger-ui-bundle package, so it works
offline; highlights (pdfplumber) run in the threadpool beside page renders (pdfium, one at a
time) and are cached per (document, page, quote).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import quote as url_quote

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from banen_qa.answer.letters import letters_of
from banen_qa.models import Answer, Figure
from banen_qa.web.highlight import Box, locate_on_page, render_page
from banen_qa.web.uploads import (
    MAX_NAME,
    MAX_UPLOAD,
    PDF_TYPES,
    UploadOut,
    Uploads,
    UploadSettings,
)

if TYPE_CHECKING:
    from banen_qa.corpus import Corpus, IngestedDocument
    from banen_qa.search.index import PassageIndex

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
MAX_QUESTION = 500  # characters; a question, not a document
MAX_QUOTE = 2000
MAX_BODY = 64 * 1024  # bytes in an API request body
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")

Question = Annotated[str, Query(min_length=1, max_length=MAX_QUESTION)]
Quote = Annotated[str, Query(min_length=1, max_length=MAX_QUOTE)]


@dataclass(frozen=True)
class DocumentInfo:
    document: str
    pdf: Path
    n_pages: int
    title: str | None
    year: int | None
    author: str | None = None
    kind: str | None = None
    date: str | None = None  # the letter's date (ISO), where the manifest gives it
    n_figures: int = 0


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUESTION)


class HighlightOut(BaseModel):
    document: str
    page: int
    width: float
    height: float
    match: Literal["exact", "partial", "none"]
    coverage: float
    boxes: list[dict[str, float]]


class DocumentOut(BaseModel):
    document: str
    title: str | None
    year: int | None
    n_pages: int
    author: str | None = None
    kind: str | None = None
    date: str | None = None
    n_figures: int = 0
    pdf_url: str = ""


class RemovedOut(BaseModel):
    document: str
    n_figures: int  # figures dropped with it


class Names(BaseModel):
    nl: str
    en: str


class MetricNames(Names):
    unit: str
    description: str


class VocabularyOut(BaseModel):
    sectors: dict[str, Names]
    metrics: dict[str, MetricNames]


class Library:
    """What the app serves: documents by id, the figures, and the question answerer.

    Threads: passage questions run on a pool of one thread per core, each with its own
    PassageIndex (sqlite connections may not cross threads; the embedding model releases
    the GIL, so two questions embed at once on two cores). Figure questions never wait
    for that pool: they are answered from the table at once, on the request's thread.
    pdfium is not thread-safe, so one request at a time renders or reads a PDF.

    Letters added or removed while serving (uploads.py) replace `documents` and `figures`
    whole, under a lock, so a request reading them never sees one half-changed."""

    def __init__(
        self,
        corpus_dir: Path,
        data_dir: Path,
        *,
        chroma_url: str | None = None,
        uploads: bool = True,
        uploads_off_reason: str | None = None,
    ):
        from banen_qa.corpus import load_corpus, load_manifest

        corpus = load_corpus(corpus_dir, data_dir, progress=False)
        manifest = load_manifest(corpus_dir)
        for name, cause in corpus.failed.items():
            log.warning("%s: %s (left out)", corpus_dir / name, cause)
        self.documents = {
            d.doc.document: DocumentInfo(
                document=d.doc.document,
                # cached records may hold another checkout's path; the file is in corpus_dir
                pdf=corpus_dir / Path(d.doc.path).name,
                n_pages=d.doc.n_pages,
                title=d.doc.title,
                year=d.doc.year,
                author=getattr(manifest.get(Path(d.doc.path).name), "author", None),
                kind=getattr(manifest.get(Path(d.doc.path).name), "kind", None),
                date=getattr(manifest.get(Path(d.doc.path).name), "date", None),
                n_figures=len(d.figures),
            )
            for d in corpus.documents
        }
        self.figures: list[Figure] = corpus.figures
        self.letters = letters_of(corpus.documents)
        self.corpus_dir, self.data_dir = corpus_dir, data_dir
        self._data_dir, self._chroma_url = data_dir, chroma_url
        self._change = threading.Lock()
        _open_index(data_dir, chroma_url, corpus)  # in step once, before any question
        self.pool = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="banen-qa-ask")
        self._local = threading.local()
        self._pdf_lock = threading.Lock()
        self.highlight = lru_cache(maxsize=512)(self._highlight)
        self.page_png = lru_cache(maxsize=64)(self._page_png)
        self.uploads = Uploads(self, enabled=uploads, reason=uploads_off_reason)

    def publish(self, ingested: IngestedDocument, pdf: Path) -> DocumentInfo:
        """Show a letter just added (its passages already indexed): in the library, its
        figures in the table, so the next question can be answered from it."""
        doc = ingested.doc
        info = DocumentInfo(
            document=doc.document,
            pdf=pdf,
            n_pages=doc.n_pages,
            title=doc.title,
            year=doc.year,
            n_figures=len(ingested.figures),
        )
        with self._change:
            documents = {**self.documents, info.document: info}
            self.documents = dict(sorted(documents.items()))
            self.figures = sorted([*self.figures, *ingested.figures], key=lambda f: f.document)
            self.letters = [
                *(lt for lt in self.letters if lt.document != doc.document),
                *letters_of([ingested]),
            ]
        self._forget_pages()
        return info

    def remove(self, document: str) -> RemovedOut:
        """Remove a letter: its file from the corpus folder (only a file whose folder is the
        corpus folder; a link is removed, never what it points at), its figures from the
        table, its passages from the index and its parse cache. Runs on the upload thread."""
        from banen_qa.corpus import forget_cached

        info = self.document(document)
        folder = Path(os.path.realpath(info.pdf.parent))
        if folder != Path(os.path.realpath(self.corpus_dir)) or info.pdf.suffix.lower() != ".pdf":
            raise HTTPException(
                409, f"{document}: its file is not in the corpus folder; not removed"
            )
        try:
            info.pdf.unlink(missing_ok=True)
        except OSError as exc:
            raise HTTPException(
                409, f"{document}: cannot remove {info.pdf.name} ({exc.strerror or exc})"
            ) from None
        with self._change:
            self.documents = {k: v for k, v in self.documents.items() if k != document}
            dropped = sum(1 for f in self.figures if f.document == document)
            self.figures = [f for f in self.figures if f.document != document]
            self.letters = [lt for lt in self.letters if lt.document != document]
        self._forget_pages()
        self.index.delete_documents([document])
        forget_cached(self.data_dir, Path(info.pdf).stem)
        log.info("removed %s (%s)", document, info.pdf)
        return RemovedOut(document=document, n_figures=dropped)

    def _forget_pages(self) -> None:
        """A removed letter's name may come back with another file: drop cached pages."""
        self.highlight.cache_clear()
        self.page_png.cache_clear()

    @property
    def index(self) -> PassageIndex:
        """This thread's index (made on first use; opening chromadb waits for a search)."""
        from banen_qa.search.index import PassageIndex

        index = getattr(self._local, "index", None)
        if index is None:
            index = self._local.index = PassageIndex(self._data_dir, chroma_url=self._chroma_url)
        return index

    def asks_figure(self, question: str) -> bool:
        from banen_qa.answer import analyse

        return analyse(question).asks_figure

    def answer(self, question: str) -> Answer:
        """Answer on the calling thread (a figure question never touches the index)."""
        from banen_qa.answer import answer_question

        return answer_question(
            question, index=self.index, figures=self.figures, letters=self.letters
        )

    def ask(self, question: str) -> Answer:
        if self.asks_figure(question):
            return self.answer(question)
        return self.pool.submit(self.answer, question).result()

    async def ask_async(self, question: str) -> Answer:
        """For the event loop: a figure question inline (well under a millisecond of
        work), a passage question on the pool, awaited without holding a thread."""
        if self.asks_figure(question):
            return self.answer(question)
        return await asyncio.wrap_future(self.pool.submit(self.answer, question))

    def document(self, document: str, page: int | None = None) -> DocumentInfo:
        """The known document, or a 404 naming what was wrong; `page` must be on it."""
        info = self.documents.get(document)
        if info is None:
            raise HTTPException(404, f"unknown document {document!r}")
        if page is not None and not 1 <= page <= info.n_pages:
            raise HTTPException(404, f"page {page} is not in {document} (pages 1-{info.n_pages})")
        return info

    def _highlight(self, document: str, page: int, quote: str) -> HighlightOut:
        # pdfplumber (pure Python, one file handle per call): no pdfium lock, so highlights
        # run in parallel with each other and with a page render
        info = self.document(document, page)
        found = locate_on_page(info.pdf, page, quote)
        return HighlightOut(
            document=document,
            page=page,
            width=found.width,
            height=found.height,
            match=found.match,
            coverage=found.coverage,
            boxes=[_box(b) for b in found.boxes],
        )

    def _page_png(self, document: str, page: int, scale: float = 2.0) -> bytes:
        info = self.document(document, page)
        with self._pdf_lock:
            return render_page(info.pdf, page, scale=scale)


def _open_index(data_dir: Path, chroma_url: str | None, corpus: Corpus) -> PassageIndex:
    """The passage index in step with the corpus (only new texts are embedded; a removed
    letter's passages are dropped, so its citations cannot point at a missing page)."""
    from banen_qa.corpus import pipeline_version
    from banen_qa.search.index import PassageIndex

    index = PassageIndex(data_dir, chroma_url=chroma_url).open()
    index.sync(corpus.documents, version=pipeline_version())
    return index


def _box(b: Box) -> dict[str, float]:
    return {"x0": b.x0, "top": b.top, "x1": b.x1, "bottom": b.bottom}


def filter_figures(
    figures: list[Figure],
    *,
    sector: str | None = None,
    year: int | None = None,
    metric: str | None = None,
    document: str | None = None,
    flagged: bool | None = None,
) -> list[Figure]:
    """Figures matching every filter that is given."""
    return [
        f
        for f in figures
        if (sector is None or f.sector == sector)
        and (year is None or f.year == year)
        and (metric is None or f.metric == metric)
        and (document is None or f.document == document)
        and (flagged is None or bool(f.warnings) == flagged)
    ]


def figures_file(figures: list[Figure], fmt: Literal["csv", "xlsx"]) -> bytes:
    """The figures as a CSV or XLSX file, written by the project's table writer."""
    from banen_qa.table_io import write_figures

    with tempfile.TemporaryDirectory() as tmp:
        return write_figures(figures, Path(tmp) / f"figures.{fmt}").read_bytes()


def download_name(
    fmt: str,
    sector: str | None = None,
    year: int | None = None,
    metric: str | None = None,
    document: str | None = None,
    flagged: bool | None = None,
) -> str:
    """A file name that says the filter, e.g. figures-gemeenten-2020.csv; only [a-z0-9-]."""
    parts = ["figures", sector, None if year is None else str(year), metric, document]
    if flagged:
        parts.append("flagged")
    safe = (re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts if p)
    return "-".join(p for p in safe if p)[:120] + f".{fmt}"


def _validation_message(exc: RequestValidationError) -> str:
    """One line per request, e.g. "q: String should have at most 500 characters"."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    """Every error is JSON {"detail": "<one line>"}; no stack trace reaches the client."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)


class BodyLimit:
    """ASGI middleware: an /api request whose body is over `limit` bytes gets 413, whether
    it says so in Content-Length or streams more than it announced (chunked).

    `own` gives single routes, by (method, path), their own larger limit: such a request
    is refused here only when its Content-Length says it is over; otherwise its body is
    passed on unread (not held in memory) and the endpoint counts what arrives."""

    def __init__(
        self, app: ASGIApp, limit: int = MAX_BODY, own: dict[tuple[str, str], int] | None = None
    ) -> None:
        self.app = app
        self.limit = limit
        self.own = own or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        own = self.own.get((scope["method"], scope["path"]))
        if own is not None:
            if not length.isdigit() or int(length) > own:
                response = JSONResponse({"detail": upload_too_large()}, status_code=413)
                await response(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if not length.isdigit() or int(length) > self.limit:
            await self._too_large(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:  # read the body first (at most `limit` bytes), then replay it
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            if not message.get("more_body"):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"detail": f"request body over {self.limit // 1024} KB"}, status_code=413
        )
        await response(scope, receive, send)


def upload_too_large(name: str | None = None) -> str:
    where = f"{name}: " if name else ""
    return f"{where}file over {MAX_UPLOAD // (1024 * 1024)} MB (the limit per uploaded letter)"


def allowed_hosts(host: str) -> list[str]:
    """Host headers accepted: the bound address and the loopback names; any for 0.0.0.0."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    bound = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return list(dict.fromkeys([bound, *LOCAL_HOSTS]))


def _swagger_assets() -> Path | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    return Path(str(swagger_ui_path))


def create_app(
    corpus_dir: Path,
    data_dir: Path,
    *,
    chroma_url: str | None = None,
    host: str = "127.0.0.1",
    uploads: bool = True,
    uploads_off_reason: str | None = None,
) -> FastAPI:
    """The web app over the PDFs in `corpus_dir`, with caches and index under `data_dir`.
    `host` is the address it will be bound to: requests must name it (or localhost).
    `uploads=False` refuses adding and removing letters (saying `uploads_off_reason`).

    Loads the corpus and builds the index before returning, so the first request is fast."""
    lib = Library(
        Path(corpus_dir),
        Path(data_dir),
        chroma_url=chroma_url,
        uploads=uploads,
        uploads_off_reason=uploads_off_reason,
    )
    app = FastAPI(
        title="banen-qa",
        description="Figures and cited answers from Dutch Banenafspraak letters.",
        version="0.1.0",
        docs_url=None,  # served below from local files, not a CDN
        redoc_url=None,
    )
    app.state.library = lib
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=MAX_BODY, own={("POST", "/api/uploads"): MAX_UPLOAD})
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    assets = _swagger_assets()
    if assets is not None:
        app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if assets is None:
            raise HTTPException(404, "API docs need the swagger-ui-bundle package")
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="banen-qa API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/api/ask", response_model=Answer)
    async def ask_get(q: Question) -> Answer:
        """Answer a question (Dutch or English) with citations, as `banen-qa ask --json`."""
        return await lib.ask_async(_clean_question(q))

    @app.post("/api/ask", response_model=Answer)
    async def ask_post(request: Annotated[AskRequest, Body()]) -> Answer:
        return await lib.ask_async(_clean_question(request.question))

    @app.get("/api/documents", response_model=list[DocumentOut])
    def documents() -> list[DocumentOut]:
        """Every letter: title, date, author, kind, pages, figures, and where its PDF is."""
        return [
            DocumentOut(
                document=d.document,
                title=d.title,
                year=d.year,
                n_pages=d.n_pages,
                author=d.author,
                kind=d.kind,
                date=d.date,
                n_figures=d.n_figures,
                pdf_url=f"/api/pdf/{url_quote(d.document)}",
            )  # fmt: skip
            for d in lib.documents.values()
        ]

    @app.get("/api/uploads", response_model=UploadSettings)
    def upload_settings() -> UploadSettings:
        """Whether letters can be added here, and the largest file accepted."""
        return lib.uploads.settings()

    @app.post("/api/uploads", response_model=UploadOut, status_code=202)
    async def upload(
        request: Request, name: Annotated[str, Query(min_length=1, max_length=MAX_NAME)]
    ) -> UploadOut:
        """Add a letter: the body is the PDF's bytes (at most 20 MB), `name` its file name
        (only a hint for the stored name). Answers at once with the job, whose `state` goes
        stored, parsing, extracting, indexing, then done or failed (with a one-line `error`):
        poll GET /api/uploads/{id}."""
        uploads = _uploads_on(lib)
        shown = " ".join(name.split())
        if not shown.lower().endswith(".pdf"):
            raise HTTPException(415, f"{shown}: only PDF files (.pdf) are accepted")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in PDF_TYPES:
            raise HTTPException(415, f"{shown}: only PDF files are accepted (sent as {kind})")
        job = uploads.reserve(shown)
        size = 0
        try:
            with job.staged.open("wb") as fh:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > MAX_UPLOAD:
                        raise HTTPException(413, upload_too_large(shown))
                    fh.write(chunk)
        except BaseException:
            uploads.abandon(job)
            raise
        uploads.start(job)
        return job.out()

    @app.get("/api/uploads/{job_id}", response_model=UploadOut)
    def upload_status(job_id: str) -> UploadOut:
        """Where an upload is: its state, passages indexed of total, or why it failed."""
        job = lib.uploads.get(job_id)
        if job is None:
            raise HTTPException(404, f"unknown upload {job_id!r}")
        return job.out()

    @app.delete("/api/documents/{document}", response_model=RemovedOut)
    async def remove_document(document: str) -> RemovedOut:
        """Remove a letter: its PDF from the corpus folder, its figures and its passages."""
        uploads = _uploads_on(lib)
        lib.document(document)  # 404 before queueing
        return await asyncio.wrap_future(uploads.executor.submit(lib.remove, document))

    @app.get("/api/pdf/{document}", response_class=FileResponse)
    def pdf(document: str) -> FileResponse:
        """The letter's PDF, shown inline (append #page=N to open it at a page)."""
        info = lib.document(document)
        return FileResponse(
            info.pdf, media_type="application/pdf",
            filename=f"{info.document}.pdf", content_disposition_type="inline",
        )  # fmt: skip

    @app.get("/api/vocabulary", response_model=VocabularyOut)
    def vocabulary() -> VocabularyOut:
        """Dutch and English names of every sector and metric id, from the vocabulary."""
        from banen_qa.extract.vocab import METRIC_SPECS, SECTOR_SPECS

        return VocabularyOut(
            sectors={s.id: Names(nl=s.names[0], en=s.names[1]) for s in SECTOR_SPECS},
            metrics={
                m.id: MetricNames(
                    nl=m.names[0], en=m.names[1], unit=m.unit, description=m.description
                )
                for m in METRIC_SPECS
            },
        )

    @app.get("/api/figures", response_model=list[Figure])
    def figures(
        sector: str | None = None,
        year: int | None = None,
        metric: str | None = None,
        document: str | None = None,
        flagged: bool | None = None,
    ) -> list[Figure]:
        """The validated figures, filtered; `flagged=true` keeps rows with warnings."""
        return filter_figures(
            lib.figures, sector=sector, year=year, metric=metric, document=document,
            flagged=flagged,
        )  # fmt: skip

    @app.get("/api/figures.{fmt}", response_class=Response)
    def figures_download(
        fmt: Literal["csv", "xlsx"],
        sector: str | None = None,
        year: int | None = None,
        metric: str | None = None,
        document: str | None = None,
        flagged: bool | None = None,
    ) -> Response:
        """The filtered figures as a CSV or XLSX download."""
        rows = filter_figures(
            lib.figures, sector=sector, year=year, metric=metric, document=document,
            flagged=flagged,
        )  # fmt: skip
        media = {
            "csv": "text/csv; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[fmt]
        return Response(
            figures_file(rows, fmt),
            media_type=media,
            headers={
                "Content-Disposition": 'attachment; filename="'
                + download_name(fmt, sector, year, metric, document, flagged)
                + '"'
            },
        )

    @app.get("/api/page/{document}/{page}.png", response_class=Response)
    def page_png(
        document: str, page: int, scale: Annotated[float, Query(ge=0.5, le=4)] = 2.0
    ) -> Response:
        """The page rendered at 72 × `scale` dpi (2 = 144 dpi; the page asks for its
        device pixel ratio), rounded to a half so the cache stays small."""
        png = lib.page_png(document, page, round(scale * 2) / 2)
        return Response(png, media_type="image/png")

    @app.get("/api/highlight", response_model=HighlightOut)
    def highlight(
        document: str,
        page: int,
        quote: Quote,
    ) -> HighlightOut:
        """Boxes (PDF points, origin top-left) around the quote on that page."""
        return lib.highlight(document, page, quote)

    return app


def _uploads_on(lib: Library) -> Uploads:
    if not lib.uploads.enabled:
        raise HTTPException(409, lib.uploads.reason or "adding and removing letters is off here")
    return lib.uploads


def _clean_question(text: str) -> str:
    question = " ".join(text.split())
    if not question:
        raise HTTPException(422, "q: the question is empty")
    return question


def serve(
    corpus_dir: Path,
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    chroma_url: str | None = None,
    workers: int = 1,
) -> None:
    """Run the app with uvicorn until interrupted.

    With `workers` > 1, uvicorn runs that many processes on one port; the index is brought
    in step here first, so the workers only read it (each re-checks, finds nothing to do)."""
    import uvicorn

    if workers <= 1:
        app = create_app(corpus_dir, data_dir, chroma_url=chroma_url, host=host)
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    from banen_qa.corpus import load_corpus

    _open_index(data_dir, chroma_url, load_corpus(corpus_dir, data_dir, progress=False))
    os.environ[_ENV_CORPUS] = str(Path(corpus_dir).resolve())
    os.environ[_ENV_DATA] = str(Path(data_dir).resolve())
    os.environ[_ENV_HOST] = host
    if chroma_url:
        os.environ[_ENV_CHROMA] = chroma_url
    else:
        os.environ.pop(_ENV_CHROMA, None)
    uvicorn.run(
        "banen_qa.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


_ENV_CORPUS, _ENV_DATA, _ENV_CHROMA, _ENV_HOST = (
    "BANEN_QA_SERVE_CORPUS",
    "BANEN_QA_SERVE_DATA",
    "BANEN_QA_SERVE_CHROMA",
    "BANEN_QA_SERVE_HOST",
)


def app_from_env() -> FastAPI:
    """The app for one of `serve --workers N`'s processes, configured by `serve`."""
    return create_app(
        Path(os.environ[_ENV_CORPUS]),
        Path(os.environ[_ENV_DATA]),
        chroma_url=os.environ.get(_ENV_CHROMA) or None,
        host=os.environ.get(_ENV_HOST, "127.0.0.1"),
        uploads=False,
        uploads_off_reason="adding and removing letters needs `banen-qa serve` "
        "with one worker (each worker holds its own library)",
    )
