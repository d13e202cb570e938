"""Bulk extraction over a real messy folder: good letters, broken files, a duplicate.

The folder is written at test time: the seed letter, generated letters (eval/synth),
a truncated PDF, an encrypted one, an image-only "scan", a zero-byte file, an HTML page
saved as .pdf and a byte-for-byte copy. Everything runs the real ingest (parse, passages,
figures) in real worker processes.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures.cli import CLI, start_extract

from banen_qa.bulk import EXIT_SOME_FAILED, STORE_FILE, run_extract
from banen_qa.corpus import ingest_pdf
from banen_qa.models import Figure
from banen_qa.table_io import COLUMNS, format_figures, write_figures

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"

# bad file name -> words its cause must contain
BAD_CAUSES = {
    "corrupt.pdf": "corrupt pdf",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "no text layer",
    "empty.pdf": "empty file",
    "not-a-pdf.pdf": "not a pdf",
}


@dataclass
class Folder:
    root: Path
    good: list[Path]
    bad: dict[str, Path]
    duplicate: Path  # a copy of good[0]


def write_generated_letters(out: Path, indices: range) -> list[Path]:
    """Kamerbrief-style letters from the project's generator (different layouts)."""
    sys.path.insert(0, str(ROOT))
    from eval.synth.content import World
    from eval.synth.letters import write_letter
    from eval.synth.render import render

    world = World(7)
    paths = []
    for i in indices:
        letter = write_letter(world, 7, i)
        path = out / f"{letter.name}.pdf"
        render(letter, path)
        paths.append(path)
    return paths


def write_encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt="geheim")  # a user password: unreadable without it
    canvas.drawString(72, 720, "Het Rijk realiseerde in 2021 in totaal 1.234 banen.")
    canvas.showPage()
    canvas.save()


def write_scanned_pdf(path: Path) -> None:
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    img = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(img).text((120, 160), "Het Rijk realiseerde in 2021 1.234 banen.", fill=0)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()


def make_mixed_folder(root: Path) -> Folder:
    root.mkdir(parents=True, exist_ok=True)
    seed = root / "voortgang-2021.pdf"
    shutil.copy(SEED_PDF, seed)
    good = [seed, *write_generated_letters(root, range(2))]
    bad = {name: root / name for name in BAD_CAUSES}
    bad["corrupt.pdf"].write_bytes(SEED_PDF.read_bytes()[:3000])  # a broken download
    write_encrypted_pdf(bad["encrypted.pdf"])
    write_scanned_pdf(bad["scanned.pdf"])
    bad["empty.pdf"].write_bytes(b"")
    bad["not-a-pdf.pdf"].write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>")
    (root / "downloads").mkdir()
    duplicate = root / "downloads" / "voortgang-2021 (1).pdf"
    shutil.copy(seed, duplicate)
    (root / "notes.txt").write_text("not a pdf by name: ignored")
    return Folder(root, good, bad, duplicate)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Folder:
    return make_mixed_folder(tmp_path_factory.mktemp("mixed") / "letters")


@pytest.fixture(scope="module")
def expected(mixed: Folder) -> dict[Path, list[Figure]]:
    """Figures of each good file, read one by one without the bulk machinery."""
    return {p: ingest_pdf(p).figures for p in mixed.good}


def outcome_by_path(result):
    return {o.path: o for o in result.outcomes}


def test_mixed_folder_every_good_file_read_each_bad_file_named_once(mixed, expected, tmp_path):
    result = run_extract([mixed.root], workers=2, store_dir=tmp_path / "store", progress=False)
    outcomes = outcome_by_path(result)

    # one outcome per PDF in the folder (the .txt is not a PDF and is not listed)
    assert len(result.outcomes) == len(mixed.good) + len(mixed.bad) + 1
    assert len(outcomes) == len(result.outcomes)
    for path in mixed.good[1:]:
        assert outcomes[path].status == "processed", outcomes[path]
        assert outcomes[path].pages > 0
    for name, path in mixed.bad.items():
        o = outcomes[path]
        assert o.status == "failed", o
        assert BAD_CAUSES[name] in o.cause.lower(), (name, o.cause)
        assert "\n" not in o.cause
    # the copy and the original: one is read, the other reported as its duplicate
    pair = {mixed.good[0], mixed.duplicate}
    dup = [outcomes[p] for p in pair if outcomes[p].status == "duplicate"]
    read = [outcomes[p] for p in pair if outcomes[p].status == "processed"]
    assert len(dup) == 1 and len(read) == 1
    assert dup[0].duplicate_of == read[0].path

    assert result.exit_code == EXIT_SOME_FAILED
    # nothing from the good files lost: the same figures as reading each file alone
    want = [f for p in mixed.good[1:] for f in expected[p]] + ingest_pdf(read[0].path).figures
    assert len(want) > 10
    assert sorted(result.figures, key=repr) == sorted(want, key=repr)


def test_rerun_skips_unchanged_and_a_changed_file_replaces_its_rows(mixed, expected, tmp_path):
    folder = tmp_path / "letters"
    shutil.copytree(mixed.root, folder)
    store = tmp_path / "store"
    first = run_extract([folder], workers=1, store_dir=store, progress=False)
    assert len(first.with_status("processed")) == len(mixed.good)

    again = run_extract([folder], workers=1, store_dir=store, progress=False)
    assert again.with_status("processed") == []
    assert len(again.with_status("unchanged")) == len(mixed.good)
    assert len(again.with_status("failed")) == len(mixed.bad)  # failures are retried, still fail
    assert sorted(again.figures, key=repr) == sorted(first.figures, key=repr)

    # replace one letter by another letter under the same name
    changed = folder / mixed.good[1].name
    [other] = write_generated_letters(tmp_path, range(5, 6))
    shutil.copy(other, changed)
    third = run_extract([folder], workers=1, store_dir=store, progress=False)
    outcomes = outcome_by_path(third)
    assert outcomes[changed].status == "processed"
    assert len(third.with_status("processed")) == 1
    new_figs = [f for f in ingest_pdf(changed).figures]
    old_figs = expected[mixed.good[1]]
    got = [f for f in third.figures if f.document == changed.stem]
    assert sorted(got, key=repr) == sorted(new_figs, key=repr)
    assert got != old_figs
    with sqlite3.connect(store / STORE_FILE) as db:
        rows = db.execute("SELECT COUNT(*) FROM files WHERE path = ?", (str(changed),)).fetchone()
    assert rows == (1,)


def ingest_or_crash(path: Path):
    """The real ingest, except that a file named crash*.pdf kills the worker process,
    as a segfault in a native PDF library would."""
    if path.name.startswith("crash"):
        os._exit(11)
    return ingest_pdf(path)


def test_a_worker_crash_fails_only_that_file(mixed, expected, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for p in mixed.good:
        shutil.copy(p, folder / p.name)
    shutil.copy(mixed.good[1], folder / "crash.pdf")
    (folder / "crash.pdf").open("ab").write(b"\n% different bytes\n")
    result = run_extract(
        [folder], workers=2, store_dir=tmp_path / "store", progress=False, ingest=ingest_or_crash
    )
    outcomes = {o.path.name: o for o in result.outcomes}
    assert outcomes["crash.pdf"].status == "failed"
    assert "crashed" in outcomes["crash.pdf"].cause
    assert {o.status for n, o in outcomes.items() if n != "crash.pdf"} == {"processed"}
    want = [f for figs in expected.values() for f in figs]
    assert sorted(result.figures, key=repr) == sorted(want, key=repr)
    assert result.exit_code == EXIT_SOME_FAILED


def distinct_copies(src: list[Path], folder: Path, n: int) -> list[Path]:
    """n files with different bytes (a comment after %%EOF) made from real letters."""
    folder.mkdir(parents=True)
    out = []
    for i in range(n):
        path = folder / f"letter-{i:02d}.pdf"
        path.write_bytes(src[i % len(src)].read_bytes() + f"\n% copy {i}\n".encode())
        out.append(path)
    return out


def stored_rows(store: Path) -> int:
    try:
        with sqlite3.connect(store / STORE_FILE, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def session_processes(sid: int) -> list[int]:
    """Processes still alive in the session the run was started in (its workers)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (
                    os.getsid(int(entry.name)) == sid
                    and "(python" in (entry / "stat").read_text()
                    and " Z " not in (entry / "stat").read_text()
                ):
                    alive.append(int(entry.name))
            except (ProcessLookupError, PermissionError, FileNotFoundError):
                pass
    return alive


def wait_for_rows(proc: subprocess.Popen, store: Path, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while stored_rows(store) < at_least:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no file stored in time"
        time.sleep(0.05)


@pytest.mark.integration  # the CLI as a subprocess
@pytest.mark.parametrize("how", ["ctrl-c", "kill", "kill -9"])
def test_interrupted_run_leaves_a_usable_store_and_resumes(mixed, tmp_path, how):
    n = 24  # enough that the signal lands mid-run even with the fast (pdfium) reader
    files = distinct_copies(mixed.good, tmp_path / "letters", n)
    store = tmp_path / "store"
    workers = 1 if how == "ctrl-c" else 2  # Ctrl-C in-process, the others with a pool
    proc = start_extract(tmp_path / "letters", store, tmp_path / "t.csv", workers=workers)
    try:
        wait_for_rows(proc, store, 1)
        if how in ("ctrl-c", "kill"):
            proc.send_signal(signal.SIGINT if how == "ctrl-c" else signal.SIGTERM)
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 130, err
            assert "interrupted" in err
        else:
            proc.kill()  # only the main process: its workers must notice and exit
            proc.wait(timeout=10)  # reaped, as a shell would (a zombie still "exists")
            deadline = time.monotonic() + 15
            while session_processes(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert session_processes(proc.pid) == [], "worker processes outlived the run"
            proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    done = stored_rows(store)
    with sqlite3.connect(store / STORE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert 1 <= done < n, f"{done} of {n} stored: interrupt came too late to test resuming"

    resumed = run_extract([tmp_path / "letters"], workers=2, store_dir=store, progress=False)
    assert len(resumed.with_status("unchanged")) == done
    assert len(resumed.with_status("processed")) == n - done
    assert resumed.exit_code == 0
    assert {f.document for f in resumed.figures} == {p.stem for p in files}


# ---------------------------------------------------------------------------
# the command line


@pytest.mark.integration  # the CLI as a subprocess
def test_cli_extract_mixed_folder_to_xlsx(mixed, expected, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "figures.xlsx"
    run = subprocess.run(
        [
            *CLI,
            "extract",
            str(mixed.root),
            "--out",
            str(out),
            "--store",
            str(tmp_path / "s"),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == EXIT_SOME_FAILED, run.stderr
    lines = run.stderr.splitlines()
    for path in mixed.bad.values():
        named = [line for line in lines if line.startswith(f"{path}:")]
        assert len(named) == 1, (path, lines)
    assert sum("duplicate of" in line for line in lines) == 1

    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert len(rows) - 1 == sum(len(f) for f in expected.values())


@pytest.mark.integration  # the CLI as a subprocess
def test_cli_exit_code_zero_when_every_file_is_read(mixed, tmp_path):
    run = subprocess.run(
        [
            *CLI,
            "extract",
            *map(str, mixed.good[1:]),
            "--format",
            "csv",
            "--store",
            str(tmp_path / "s"),
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(run.stdout.splitlines()))
    assert rows and {r["document"] for r in rows} == {p.stem for p in mixed.good[1:]}


@pytest.mark.integration  # the CLI as a subprocess
def test_cli_unknown_output_format_fails_before_reading(tmp_path):
    run = subprocess.run(
        [*CLI, "extract", str(SEED_PDF), "--out", str(tmp_path / "t.ods")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "t.ods" in run.stderr and "unknown table format" in run.stderr


# ---------------------------------------------------------------------------
# table files


@pytest.fixture(scope="module")
def seed_figures() -> list[Figure]:
    figures = ingest_pdf(SEED_PDF).figures
    assert any(f.flags for f in figures) and any(
        f.year is None or f.quarter is None for f in figures
    )
    return figures


def test_json_and_jsonl_round_trip(seed_figures, tmp_path):
    jsonl = write_figures(seed_figures, tmp_path / "t.jsonl")
    back = [Figure.model_validate_json(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert back == seed_figures
    data = json.loads(write_figures(seed_figures, tmp_path / "t.json").read_text("utf-8"))
    assert [Figure.model_validate(d) for d in data] == seed_figures


def test_csv_has_figure_columns_and_joined_flags(seed_figures, tmp_path):
    path = write_figures(seed_figures, tmp_path / "t.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == COLUMNS
    for row, fig in zip(rows, seed_figures, strict=True):
        assert float(row["value"]) == fig.value
        assert row["quote"] == fig.quote
        assert row["flags"] == ";".join(fig.flags)
        assert row["year"] == ("" if fig.year is None else str(fig.year))
    assert path.read_bytes().decode("utf-8") == format_figures(seed_figures, "csv")


def test_xlsx_opens_with_one_row_per_figure(seed_figures, tmp_path):
    from openpyxl import load_workbook

    ws = load_workbook(write_figures(seed_figures, tmp_path / "t.xlsx")).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    for row, fig in zip(rows[1:], seed_figures, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["value"] == fig.value and cells["page"] == fig.page
        assert cells["quote"] == fig.quote and (cells["flags"] or "") == ";".join(fig.flags)


def test_parquet_round_trip(seed_figures, tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(write_figures(seed_figures, tmp_path / "t.parquet"))
    assert table.column_names == COLUMNS
    assert [Figure.model_validate(r) for r in table.to_pylist()] == seed_figures


def test_parquet_without_pyarrow_says_how_to_install(seed_figures, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    with pytest.raises(RuntimeError, match=r"t\.parquet: .*pip install"):
        write_figures(seed_figures, tmp_path / "t.parquet")


def test_unknown_suffix_names_the_file(seed_figures, tmp_path):
    with pytest.raises(ValueError, match=r"t\.ods: unknown table format"):
        write_figures(seed_figures, tmp_path / "t.ods")


@pytest.mark.integration  # the CLI as a subprocess
def test_cli_names_a_missing_file_and_an_empty_folder(tmp_path):
    missing = tmp_path / "gone.pdf"
    run = subprocess.run(
        [*CLI, "extract", str(missing), "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == EXIT_SOME_FAILED
    assert f"{missing}: file not found" in run.stderr.splitlines()
    (tmp_path / "empty").mkdir()
    run = subprocess.run(
        [*CLI, "extract", str(tmp_path / "empty"), "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "no PDF files found" in run.stderr
