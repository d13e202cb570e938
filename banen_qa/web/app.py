"""`banen-qa serve`: a local page to ask questions, see the cited page highlighted, and browse
the validated figures, with the JSON API it runs on (OpenAPI at /docs and /openapi.json).

The app holds the corpus in memory. Clients name documents by id and pages by number only;
both are looked up in the corpus, so no client value ever becomes a file path.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from banen_qa.models import Answer, Figure, Passage
from banen_qa.web.highlight import Box, locate_on_page, render_page

if TYPE_CHECKING:
    from banen_qa.search.index import PassageIndex

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
MAX_QUESTION = 500  # characters; a question, not a document
MAX_QUOTE = 2000

Question = Annotated[str, Query(min_length=1, max_length=MAX_QUESTION)]
Quote = Annotated[str, Query(min_length=1, max_length=MAX_QUOTE)]


@dataclass(frozen=True)
class DocumentInfo:
    document: str
    pdf: Path
    n_pages: int
    title: str | None
    year: int | None


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


class Library:
    """What the app serves: documents by id, the figures, and the question answerer.

    Threads: the index (chromadb, the embedding model, sqlite caches) is made and used on
    one worker thread of its own, since sqlite objects may not cross threads; pdfium is not
    thread-safe, so one request at a time renders or reads a PDF."""

    def __init__(self, corpus_dir: Path, data_dir: Path, *, chroma_url: str | None = None):
        from banen_qa.corpus import load_corpus

        corpus = load_corpus(corpus_dir, data_dir, progress=False)
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
            )
            for d in corpus.documents
        }
        self.figures: list[Figure] = corpus.figures
        from banen_qa.answer.letters import letters_of

        self.letters = letters_of(corpus.documents)
        self._index_thread = ThreadPoolExecutor(1, thread_name_prefix="banen-qa-index")
        self.index = self._index_thread.submit(
            _open_index, data_dir, chroma_url, corpus.passages
        ).result()
        self._pdf_lock = threading.Lock()
        self.highlight = lru_cache(maxsize=512)(self._highlight)
        self.page_png = lru_cache(maxsize=64)(self._page_png)

    def ask(self, question: str) -> Answer:
        from banen_qa.answer import answer_question

        job = self._index_thread.submit(
            answer_question, question, index=self.index, figures=self.figures,
            letters=self.letters,
        )
        return job.result()

    def document(self, document: str, page: int | None = None) -> DocumentInfo:
        """The known document, or a 404 naming what was wrong; `page` must be on it."""
        info = self.documents.get(document)
        if info is None:
            raise HTTPException(404, f"unknown document {document!r}")
        if page is not None and not 1 <= page <= info.n_pages:
            raise HTTPException(404, f"page {page} is not in {document} (pages 1-{info.n_pages})")
        return info

    def _highlight(self, document: str, page: int, quote: str) -> HighlightOut:
        info = self.document(document, page)
        with self._pdf_lock:
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

    def _page_png(self, document: str, page: int) -> bytes:
        info = self.document(document, page)
        with self._pdf_lock:
            return render_page(info.pdf, page)


def _open_index(data_dir: Path, chroma_url: str | None, passages: list[Passage]) -> PassageIndex:
    """The passage index with every passage added (only new texts are embedded)."""
    from banen_qa.search.index import PassageIndex

    index = PassageIndex(data_dir, chroma_url=chroma_url)
    index.add(passages)
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


def create_app(corpus_dir: Path, data_dir: Path, *, chroma_url: str | None = None) -> FastAPI:
    """The web app over the PDFs in `corpus_dir`, with caches and index under `data_dir`.

    Loads the corpus and builds the index before returning, so the first request is fast."""
    lib = Library(Path(corpus_dir), Path(data_dir), chroma_url=chroma_url)
    app = FastAPI(
        title="banen-qa",
        description="Figures and cited answers from Dutch Banenafspraak letters.",
        version="0.1.0",
    )
    app.state.library = lib
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/api/ask", response_model=Answer)
    def ask_get(q: Question) -> Answer:
        """Answer a question (Dutch or English) with citations, as `banen-qa ask --json`."""
        return lib.ask(_clean_question(q))

    @app.post("/api/ask", response_model=Answer)
    def ask_post(request: Annotated[AskRequest, Body()]) -> Answer:
        return lib.ask(_clean_question(request.question))

    @app.get("/api/documents", response_model=list[DocumentOut])
    def documents() -> list[DocumentOut]:
        return [
            DocumentOut(document=d.document, title=d.title, year=d.year, n_pages=d.n_pages)
            for d in lib.documents.values()
        ]

    @app.get("/api/vocabulary")
    def vocabulary() -> dict[str, dict[str, str]]:
        """Readable names for sector and metric ids."""
        from banen_qa.extract.vocab import METRICS, SECTOR_LABELS

        return {
            "sectors": {k: en for k, (_, en) in SECTOR_LABELS.items()},
            "metrics": dict(METRICS),
        }

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
            headers={"Content-Disposition": f'attachment; filename="figures.{fmt}"'},
        )

    @app.get("/api/page/{document}/{page}.png", response_class=Response)
    def page_png(document: str, page: int) -> Response:
        """The page rendered at 144 dpi."""
        return Response(lib.page_png(document, page), media_type="image/png")

    @app.get("/api/highlight", response_model=HighlightOut)
    def highlight(
        document: str,
        page: int,
        quote: Quote,
    ) -> HighlightOut:
        """Boxes (PDF points, origin top-left) around the quote on that page."""
        return lib.highlight(document, page, quote)

    return app


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
) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(corpus_dir, data_dir, chroma_url=chroma_url)
    uvicorn.run(app, host=host, port=port, log_level="info")
