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

from banen_qa.config import chroma_url, default_corpus_dir, default_data_dir, limit_threads

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
LlmOpt = Annotated[
    bool | None,
    typer.Option("--llm/--no-llm", help="Use the configured LLM (see `banen-qa doctor`). "
                 "Default: on when BANEN_QA_LLM_BASE_URL or BANEN_QA_LLM_MODEL is set."),
]
ChromaOpt = Annotated[
    str | None,
    typer.Option("--chroma-url", help="Use a Chroma server (http://host:port) for the index."),
]


def _err(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)


def _llm_client(llm: bool | None):
    """The LLM client when one is configured (or asked for), else None: the offline path."""
    if llm is False:
        return None
    from banen_qa.llm import LLMConfigError
    from banen_qa.llm.session import client_for

    try:
        return client_for(llm)
    except LLMConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None


def open_corpus_and_index(corpus: Path | None, data_dir: Path | None, chroma: str | None,
                          *, quiet: bool = False):
    """Load (or build) the corpus and its index, with progress bars on first use."""
    from rich.console import Console
    from rich.progress import Progress

    from banen_qa.corpus import load_corpus
    from banen_qa.search.index import IndexUnavailable, PassageIndex

    corpus_dir = corpus or default_corpus_dir()
    data = data_dir or default_data_dir()
    if not corpus_dir.is_dir():
        _err(f"{corpus_dir}: corpus folder not found")
        raise typer.Exit(2)
    loaded = load_corpus(corpus_dir, data, progress=not quiet)
    for name, cause in loaded.failed.items():
        _err(f"{corpus_dir / name}: {cause}")
    try:
        index = PassageIndex(data, chroma_url=chroma or chroma_url())
    except (IndexUnavailable, ValueError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
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
    llm: LlmOpt = None,
) -> None:
    """Answer a question from the corpus, with citations; abstain when it holds no answer."""
    from banen_qa.answer import answer_question

    client = _llm_client(llm)
    loaded, index = open_corpus_and_index(corpus, data_dir, chroma, quiet=as_json)
    if client is None:
        from banen_qa.answer.letters import letters_of

        result = answer_question(question, index=index, figures=loaded.figures,
                                 letters=letters_of(loaded.documents))
    else:
        from banen_qa.llm.answer import answer_with_llm

        # a fallback to the offline answer is logged by the LLM module as one warning line
        result = answer_with_llm(question, index=index, figures=loaded.figures,
                                 client=client).answer
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
        name = (f"{c.title} ({c.date})" if c.date else c.title) if c.title else c.document
        console.print(f"  [dim]{name}, p. {c.page}:[/dim] “{c.quote}”")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (read recursively).")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or json (stdout).")] = "jsonl",
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write the table here; the suffix picks .csv .jsonl .json .xlsx .parquet."
    )] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Processes (default: number of cores; 1 = no subprocesses)."
    )] = None,
    store: Annotated[Path | None, typer.Option(
        "--store", help="Store of files already read, for incremental runs. "
        "Default: DATA_DIR/extract."
    )] = None,
    data_dir: DataOpt = None,
) -> None:
    """Extract the validated figures table from many letters; unchanged files are skipped.

    Exit code 0 when every file was read, 3 when some failed (each named with its cause),
    130 when interrupted (the next run resumes).
    """
    from banen_qa.bulk import render_summary, run_extract
    from banen_qa.table_io import check_writable, format_figures, write_figures

    try:
        if out:
            check_writable(out)
        else:
            format_figures([], fmt)
    except (ValueError, RuntimeError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    store_dir = store or (data_dir or default_data_dir()) / "extract"
    result = run_extract(paths, workers=workers, store_dir=store_dir, progress=True)
    if not result.outcomes and not result.interrupted:
        _err(f"{', '.join(map(str, paths))}: no PDF files found")
        raise typer.Exit(2)
    if not result.interrupted:
        if out:
            write_figures(result.figures, out)
        else:
            sys.stdout.write(format_figures(result.figures, fmt))
    summary, *problems = render_summary(result, figures_out=out)
    typer.echo(summary, err=True)
    for line in problems:
        _err(line)
    raise typer.Exit(result.exit_code)


@app.command("eval")
def evaluate(
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    gold_dir: Annotated[Path | None, typer.Option("--gold", help="Folder of gold sets.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Report path stem.")] = None,
    llm: Annotated[bool, typer.Option(
        "--llm", help="Also score the LLM path, side by side with the offline one.")] = False,
) -> None:
    """Score figures and answers against the gold sets; write a markdown + JSON report."""
    from banen_qa.evaluate.run import run_eval

    client = _llm_client(True) if llm else None
    loaded, index = open_corpus_and_index(corpus, data_dir, None)
    run_eval(loaded, index, gold_dir=gold_dir, report_stem=report,
             data_dir=data_dir or default_data_dir(), llm_client=client)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    chroma: ChromaOpt = None,
) -> None:
    """Serve the local web page: ask, see the highlighted page, browse the figures."""
    from banen_qa.web import serve as serve_web

    corpus_dir = corpus or default_corpus_dir()
    if not corpus_dir.is_dir():
        _err(f"{corpus_dir}: corpus folder not found")
        raise typer.Exit(2)
    typer.echo(f"Loading {corpus_dir}; then open http://{host}:{port}/", err=True)
    serve_web(corpus_dir, data_dir or default_data_dir(), host=host, port=port,
              chroma_url=chroma or chroma_url())


@app.command()
def doctor(
    llm: Annotated[bool | None, typer.Option(
        "--llm/--no-llm", help="Check with the LLM path forced on or off.")] = None,
) -> None:
    """Which path is active (offline rules or an LLM) and whether the LLM endpoint answers."""
    from banen_qa.llm.session import doctor_report

    lines, code = doctor_report(llm)
    for line in lines:
        (_err if line.startswith("error") else typer.echo)(line)
    raise typer.Exit(code)


if __name__ == "__main__":  # pragma: no cover
    app()
