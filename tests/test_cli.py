"""The command line end to end, as a user runs it: a fresh data dir, the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def banen_qa(*args: str, data_dir: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(data_dir)}
    env.pop("BANEN_QA_LLM_BASE_URL", None)
    env.pop("BANEN_QA_LLM_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "banen_qa", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


def test_help_lists_the_commands(tmp_path):
    run = banen_qa("--help", data_dir=tmp_path)
    assert run.returncode == 0
    for command in ("ask", "extract", "eval", "serve", "doctor"):
        assert command in run.stdout


def test_a_why_question_about_a_sector_year_builds_the_index_it_needs(tmp_path):
    """It names a sector, a year and jobs, so it starts on the figures path; the table has
    no reason, so the passages are needed: on a fresh data folder they must be indexed
    first, not searched empty (which abstained)."""
    for question, cue in (
        ("Why did universities create few new jobs in 2020?", "corona"),
        ("Waarom zijn er bij de universiteiten in 2020 weinig banen bijgekomen?", "corona"),
    ):
        data = tmp_path / question[:3]
        run = banen_qa("ask", "--json", question, data_dir=data)
        assert run.returncode == 0, run.stderr
        answer = json.loads(run.stdout)
        assert not answer["abstained"], answer["answer"]
        assert cue in answer["answer"].lower()
        assert any(c["page"] == 6 for c in answer["citations"])


def test_first_ask_builds_the_index_and_answers_with_a_citation(data_dir):
    run = banen_qa("ask", "--json", "What did Defensie realise in 2020?", data_dir=data_dir)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert set(answer) == {"question", "answer", "abstained", "citations", "figures"}
    assert not answer["abstained"]
    for number in ("556", "346", "210", "633", "88"):
        assert number in answer["answer"]
    assert any(c["page"] == 3 and "556" in c["quote"] for c in answer["citations"])
    # a figure question is answered from the table: the passage index is not even opened
    assert list((data_dir / "cache").glob("*.json"))
    assert not (data_dir / "chroma").exists()


def test_passage_question_builds_the_index(data_dir):
    run = banen_qa(
        "ask",
        "--json",
        "Met welke stichting zijn de waterschappen een bewustwordingsprogramma gestart?",
        data_dir=data_dir,
    )
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert not answer["abstained"] and "Onbeperkte Denkers" in answer["answer"]
    assert (data_dir / "chroma").is_dir()


def test_dutch_question_gets_a_dutch_answer_and_plain_output(data_dir):
    run = banen_qa("ask", "Hoeveel banen heeft de politie in 2021 gerealiseerd?", data_dir=data_dir)
    assert run.returncode == 0, run.stderr
    assert "663" in run.stdout and "banen" in run.stdout
    assert "p. 4" in run.stdout


def test_unanswerable_question_abstains_without_a_number(data_dir):
    run = banen_qa("ask", "--json", "What did Defensie realise in 2023?", data_dir=data_dir)
    answer = json.loads(run.stdout)
    assert answer["abstained"] is True
    assert not any(ch.isdigit() for ch in answer["answer"])


def test_extract_writes_the_validated_table(tmp_path):
    run = banen_qa("extract", str(CORPUS), "--format", "csv", data_dir=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 27
    defensie = next(r for r in rows if r["sector"] == "defensie" and r["metric"] == "realised_jobs")
    assert float(defensie["value"]) == 556 and defensie["page"] == "3"
    assert "556" in defensie["quote"]


def test_extract_names_a_bad_file_and_keeps_the_good(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "letter.pdf").write_bytes(
        (CORPUS / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf").read_bytes()
    )
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    out = tmp_path / "figures.jsonl"
    run = banen_qa("extract", str(folder), "--out", str(out), data_dir=tmp_path / "data")
    assert run.returncode == 3
    assert "broken.pdf" in run.stderr and "not a PDF" in run.stderr
    assert "Traceback" not in run.stderr
    assert len(out.read_text().splitlines()) == 27


def test_eval_reports_scores_and_writes_a_report(data_dir, tmp_path):
    """One set of each kind (the corpus, a real split, a question set over real letters); the
    full run (`banen-qa eval`, all of them) takes minutes, and every set it would score is
    checked to be registered in test_evaluate.py."""
    stem = tmp_path / "report"
    sets = ("seed", "real-fresh2", "reasoning-fresh2-dev")
    only = [a for name in sets for a in ("--only", name)]
    run = banen_qa("eval", *only, "--report", str(stem), data_dir=data_dir, timeout=900)
    assert run.returncode == 0, run.stderr
    assert "gold set: seed" in run.stdout
    report = json.loads(Path(f"{stem}.json").read_text())
    assert set(report) == set(sets)
    assert report["real-fresh2"]["figures"]["f1"] > 0.5
    assert report["reasoning-fresh2-dev"]["reasoning"]["correct"] > 15
    seed = report["seed"]
    assert seed["figures"]["f1"] >= 0.95 and seed["figures"]["page_accuracy"] >= 0.95
    assert seed["qa"]["correct"] >= 23
    assert "# banen-qa evaluation" in Path(f"{stem}.md").read_text()


def test_eval_only_scores_the_named_sets(data_dir, tmp_path):
    stem = tmp_path / "report"
    run = banen_qa("eval", "--only", "seed", "--report", str(stem), data_dir=data_dir)
    assert run.returncode == 0, run.stderr
    assert set(json.loads(Path(f"{stem}.json").read_text())) == {"seed"}
    wrong = banen_qa("eval", "--only", "seeds", data_dir=data_dir)
    assert wrong.returncode == 2
    assert "no gold set named seeds" in wrong.stderr and "Traceback" not in wrong.stderr


def test_eval_withholds_the_details_of_held_out_sets(data_dir, tmp_path):
    stem = tmp_path / "report"
    run = banen_qa("eval", "--only", "real-test", "--report", str(stem), data_dir=data_dir)
    assert run.returncode == 0, run.stderr
    held = json.loads(Path(f"{stem}.json").read_text())["real-test"]
    assert held["withheld"] and held["figures"]["misses"] == [] == held["figures"]["extras"]
    assert held["figures"]["gold"] > 0 and "withheld" in Path(f"{stem}.md").read_text()
    assert "miss " not in run.stdout and "extra " not in run.stdout
    # negatives extracted: how many and of what kind, never what the text said
    negs = held["figures"]["negatives_extracted"]
    assert held["figures"]["negatives"] > 0 and all(set(n) == {"kind"} for n in negs)
    assert (
        "negative extracted" not in run.stdout and "'quote'" not in Path(f"{stem}.md").read_text()
    )
    shown = banen_qa(
        "eval", "--only", "real-test", "--show-held-out", "--report", str(stem), data_dir=data_dir
    )
    assert shown.returncode == 0, shown.stderr
    shown_set = json.loads(Path(f"{stem}.json").read_text())["real-test"]
    assert shown_set["withheld"] is False
    assert shown_set["figures"]["misses"] or shown_set["figures"]["extras"]
    assert all("quote" in n for n in shown_set["figures"]["negatives_extracted"])
