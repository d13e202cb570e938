"""The `banen-qa` command: a thin layer over the pipeline modules.

Heavy modules (pdfplumber, chromadb, the embedding model) are imported inside the
commands, so `banen-qa --help` answers at once.

Errors: every expected failure is a BanenQAError (banen_qa/errors.py); each command prints
it as one line and exits 2. Paths are checked before any work starts, so a typo in --out
does not cost a long run. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from banen_qa.config import chroma_url, default_corpus_dir, default_data_dir, limit_threads
from banen_qa.errors import BanenQAError, InputError, printable

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
    typer.Option(
        "--llm/--no-llm",
        help="Use the configured LLM (see `banen-qa doctor`). "
        "Default: on when BANEN_QA_LLM_BASE_URL or BANEN_QA_LLM_MODEL is set.",
    ),
]
ChromaOpt = Annotated[
    str | None,
    typer.Option("--chroma-url", help="Use a Chroma server (http://host:port) for the index."),
]


def _err(message: str) -> None:
    typer.secho(printable(message), fg=typer.colors.RED, err=True)


F = TypeVar("F", bound=Callable[..., Any])


def _one_line_errors(command: F) -> F:
    """Run a command; a BanenQAError becomes one red line on stderr and exit code 2."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BanenQAError as exc:
            _err(str(exc))
            raise typer.Exit(2) from None

    return run  # type: ignore[return-value]


def _check_folder(path: Path, what: str, *, writable: bool = False) -> None:
    """An input folder must exist; an output folder (writable=True) must be creatable."""
    from banen_qa.table_io import check_writable_place

    if writable:
        check_writable_place(path, folder=True)
    elif not path.is_dir():
        raise InputError(
            f"{path}: {what} not found" if not path.exists() else f"{path}: {what} is not a folder"
        )


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


def open_corpus_and_index(
    corpus: Path | None, data_dir: Path | None, chroma: str | None, *, quiet: bool = False
):
    """Load (or build) the corpus and its index, with progress bars on first use."""
    from banen_qa.search.index import PassageIndex

    loaded, data = _load_corpus(corpus, data_dir, quiet=quiet)
    index = PassageIndex(data, chroma_url=chroma or chroma_url()).open()  # errors: one line
    _sync_index(index, loaded, quiet=quiet)
    return loaded, index


def _sync_index(index, loaded, *, quiet: bool) -> None:
    """Bring the index in step with the corpus, with a progress bar when it embeds."""
    from rich.console import Console
    from rich.progress import Progress

    from banen_qa.corpus import pipeline_version

    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("Indexing passages", total=len(loaded.passages))
        # in step with the corpus by content hash: a removed or changed letter's
        # passages go, an unchanged letter costs nothing
        index.sync(
            loaded.documents,
            progress=lambda n: bar.update(task, completed=n),
            version=pipeline_version(),
        )


def _load_corpus(corpus: Path | None, data_dir: Path | None, *, quiet: bool):
    """The corpus (parsed letters from the cache), and the data folder."""
    from banen_qa.corpus import load_corpus

    corpus_dir = corpus or default_corpus_dir()
    data = data_dir or default_data_dir()
    _check_folder(corpus_dir, "corpus folder")
    _check_folder(data, "data folder", writable=True)
    loaded = load_corpus(corpus_dir, data, progress=not quiet)
    for name, cause in loaded.failed.items():
        _err(f"{corpus_dir / name}: {cause}")
    return loaded, data


@app.command()
@_one_line_errors
def ask(
    question: Annotated[str, typer.Argument(help="A question in Dutch or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    chroma: ChromaOpt = None,
    llm: LlmOpt = None,
) -> None:
    """Answer a question from the corpus, with citations; abstain when it holds no answer."""
    from banen_qa.answer import analyse, answer_question

    question = " ".join(question.split())
    if not question:
        raise InputError('the question is empty: ask "What did Defensie realise in 2020?"')
    client = _llm_client(llm)
    figure_path = client is None and analyse(question).asks_figure
    if figure_path:
        # answered from the figures table alone: no chromadb, no model, no index sync
        from banen_qa.search.index import PassageIndex

        loaded, data = _load_corpus(corpus, data_dir, quiet=as_json)
        index = PassageIndex(data, chroma_url=chroma or chroma_url())  # opened only if used
    else:
        loaded, index = open_corpus_and_index(corpus, data_dir, chroma, quiet=as_json)
    if client is None:
        from banen_qa.answer.letters import letters_of

        letters = letters_of(loaded.documents)
        result = answer_question(question, index=index, figures=loaded.figures, letters=letters)
        if figure_path and index.is_open:
            # the table did not answer it (a why, or a figure only a sentence states): the
            # passages were needed after all, so answer again from an index in step
            _sync_index(index, loaded, quiet=as_json)
            result = answer_question(question, index=index, figures=loaded.figures, letters=letters)
    else:
        from banen_qa.answer.letters import letters_of
        from banen_qa.llm.answer import answer_with_llm

        # a fallback to the offline answer is logged by the LLM module as one warning line
        result = answer_with_llm(
            question,
            index=index,
            figures=loaded.figures,
            client=client,
            letters=letters_of(loaded.documents),
        ).answer
    if as_json:
        payload = result.model_dump(
            include={"question", "answer", "abstained", "citations", "figures"}
        )
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
@_one_line_errors
def extract(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (read recursively).")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or json (stdout).")] = "jsonl",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the table here; the suffix picks .csv .jsonl .json .xlsx .parquet."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Processes (default: number of cores; 1 = no subprocesses)."
        ),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Store of files already read, for incremental runs. Default: DATA_DIR/extract.",
        ),
    ] = None,
    data_dir: DataOpt = None,
) -> None:
    """Extract the validated figures table from many letters; unchanged files are skipped.

    Exit code 0 when every file was read, 3 when some failed (each named with its cause),
    130 when interrupted (the next run resumes).
    """
    from banen_qa.bulk import render_summary, run_extract
    from banen_qa.table_io import check_writable, format_figures, write_figures

    if out:
        check_writable(out)
    else:
        format_figures([], fmt)
    if data_dir is not None:
        _check_folder(data_dir, "data folder", writable=True)
    store_dir = store or (data_dir or default_data_dir()) / "extract"
    _check_folder(store_dir, "store folder", writable=True)
    result = run_extract(paths, workers=workers, store_dir=store_dir, progress=True)
    if not result.outcomes and not result.interrupted:
        raise InputError(f"{', '.join(map(str, paths))}: no PDF files found")
    try:
        # also when interrupted: the good files' figures are what the run is for
        if out:
            write_figures(result.figures, out)
        else:
            sys.stdout.write(format_figures(result.figures, fmt))
    except KeyboardInterrupt:
        _err("interrupted while writing the table; the store keeps what was read")
        raise typer.Exit(130) from None
    summary, *problems = render_summary(result, figures_out=out)
    typer.echo(summary, err=True)
    for line in problems:
        if line.startswith("warning:"):
            typer.secho(line, fg=typer.colors.YELLOW, err=True)
        else:
            _err(line)
    raise typer.Exit(result.exit_code)


@app.command("eval")
@_one_line_errors
def evaluate(
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    gold_dir: Annotated[Path | None, typer.Option("--gold", help="Folder of gold sets.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Report path stem.")] = None,
    llm: Annotated[
        bool,
        typer.Option("--llm", help="Also score the LLM path, side by side with the offline one."),
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Score only this set (repeatable), e.g. real-dev."),
    ] = None,
    show_held_out: Annotated[
        bool,
        typer.Option(
            "--show-held-out",
            help="Also print the misses and answers of held-out sets (not for rule writers).",
        ),
    ] = False,
) -> None:
    """Score figures and answers against the gold sets; write a markdown + JSON report."""
    from banen_qa.config import project_root
    from banen_qa.evaluate.run import gold_sets, reasoning_sets, run_eval
    from banen_qa.table_io import check_writable_place

    if gold_dir is not None:
        _check_folder(gold_dir, "gold folder")
        if not gold_sets(gold_dir):
            raise InputError(
                f"{gold_dir}: no gold sets (seed-figures.jsonl or synth/gold-figures.jsonl)"
            )
    wanted = frozenset(only or ())
    known = {s[0] for s in gold_sets(gold_dir or project_root() / "eval")} | {
        s[0] for s in reasoning_sets(gold_dir or project_root() / "eval")
    }
    if unknown := sorted(wanted - known):
        raise InputError(
            f"--only: no gold set named {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    stem = report or (gold_dir or project_root() / "eval") / "report"
    check_writable_place(stem.with_suffix(".md"))
    client = _llm_client(True) if llm else None
    loaded, index = open_corpus_and_index(corpus, data_dir, None)
    run_eval(
        loaded,
        index,
        gold_dir=gold_dir,
        report_stem=report,
        data_dir=data_dir or default_data_dir(),
        llm_client=client,
        only=wanted,
        show_held_out=show_held_out,
    )


@app.command()
@_one_line_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    corpus: CorpusOpt = None,
    data_dir: DataOpt = None,
    chroma: ChromaOpt = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Server processes sharing one index (default 1)."),
    ] = 1,
) -> None:
    """Serve the local web page: ask, see the highlighted page, browse the figures."""
    from banen_qa.web import serve as serve_web

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: not a TCP port (1-65535)")
    corpus_dir = corpus or default_corpus_dir()
    _check_folder(corpus_dir, "corpus folder")
    _check_folder(data_dir or default_data_dir(), "data folder", writable=True)
    typer.echo(f"Loading {corpus_dir}; then open http://{host}:{port}/", err=True)
    serve_web(
        corpus_dir,
        data_dir or default_data_dir(),
        host=host,
        port=port,
        chroma_url=chroma or chroma_url(),
        workers=workers,
    )


@app.command()
@_one_line_errors
def doctor(
    llm: Annotated[
        bool | None,
        typer.Option("--llm/--no-llm", help="Check with the LLM path forced on or off."),
    ] = None,
) -> None:
    """Which path is active (offline rules or an LLM) and whether the LLM endpoint answers."""
    from banen_qa.llm.session import doctor_report

    lines, code = doctor_report(llm)
    for line in lines:
        (_err if line.startswith("error") else typer.echo)(line)
    raise typer.Exit(code)


if __name__ == "__main__":  # pragma: no cover
    app()
