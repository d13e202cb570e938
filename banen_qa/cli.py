"""The `banen-qa` command: a thin layer over the pipeline modules.

Heavy modules (pdfplumber, chromadb, the embedding model) are imported inside the
commands, so `banen-qa --help` answers at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .config import chroma_url, default_corpus_dir, default_data_dir, limit_threads

limit_threads()

app = typer.Typer(
    help="Figures and cited answers from Banenafspraak letters (Kamerbrieven). Offline by default.",
    no_args_is_help=True,
    add_completion=False,
)

CorpusOpt = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder of letters (PDF + manifest.json). Default: corpus/."),
]
DataOpt = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Index and caches. Default: $BANEN_QA_DATA_DIR or ./data."),
]
ChromaOpt = Annotated[
    str | None,
    typer.Option("--chroma-url", help="Use a Chroma server (http://host:port) for the index."),
]


def _err(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)


def open_corpus_and_index(corpus: Path | None, data_dir: Path | None, chroma: str | None,
                          *, quiet: bool = False):
    """Load (or build) the corpus and its index, with progress bars on first use."""
    from rich.console import Console
    from rich.progress import Progress

    from .corpus import load_corpus
    from .index import PassageIndex

    corpus_dir = corpus or default_corpus_dir()
    data = data_dir or default_data_dir()
    if not corpus_dir.is_dir():
        _err(f"{corpus_dir}: corpus folder not found")
        raise typer.Exit(2)
    loaded = load_corpus(corpus_dir, data, progress=not quiet)
    for name, cause in loaded.failed.items():
        _err(f"{corpus_dir / name}: {cause}")
    index = PassageIndex(data, chroma_url=chroma or chroma_url())
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("Indexing passages", total=len(loaded.passages))
        index.add(loaded.passages, progress=lambda n: bar.update(task, completed=n))
    return loaded, index


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Dutch or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    chroma: ChromaOpt = None,
) -> None:
    """Answer a question from the corpus, with citations; abstain when it holds no answer."""
    from .answer import answer_question

    loaded, index = open_corpus_and_index(corpus, data_dir, chroma, quiet=as_json)
    result = answer_question(question, index=index, figures=loaded.figures)
    if as_json:
        payload = result.model_dump(include={"question", "answer", "abstained", "citations",
                                             "figures"})
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console()
    style = "yellow" if result.abstained else "bold"
    console.print(result.answer, style=style)
    for c in result.citations:
        console.print(f"  [dim]{c.document}, p. {c.page}:[/dim] “{c.quote}”")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or json.")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
) -> None:
    """Extract the validated figures table from letters."""
    from .corpus import ingest_pdf
    from .parse import PdfError
    from .table_io import format_figures

    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    figures = []
    failed = 0
    for f in files:
        try:
            figures.extend(ingest_pdf(f).figures)
        except PdfError as exc:
            _err(str(exc))
            failed += 1
    text = format_figures(figures, fmt)
    if out:
        out.write_text(text, "utf-8")
        typer.echo(f"{len(figures)} figures from {len(files) - failed} files -> {out}", err=True)
    else:
        sys.stdout.write(text)
    if failed:
        raise typer.Exit(3)


@app.command("eval")
def evaluate(
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    gold_dir: Annotated[Path | None, typer.Option("--gold", help="Folder of gold sets.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Report path stem.")] = None,
) -> None:
    """Score figures and answers against the gold sets; write a markdown + JSON report."""
    from .evaluate import run_eval

    loaded, index = open_corpus_and_index(corpus, data_dir, None)
    run_eval(loaded, index, gold_dir=gold_dir, report_stem=report,
             data_dir=data_dir or default_data_dir())


if __name__ == "__main__":  # pragma: no cover
    app()
