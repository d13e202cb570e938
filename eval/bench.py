"""Benchmark: index scale, ask latency, CLI start, serve under load, ingest. Printed figures.

    python -m eval.bench            # synthetic corpora of 1k and 10k passages, CLI, serve, ingest
    python -m eval.bench --big      # also 100k and 300k passages (minutes, GBs of disk)
    python -m eval.bench --sizes 2000 --rounds 1 --requests 10   # a quick look

The passage corpora are SYNTHETIC: sentences of the bundled letter in random threes, with
random unit vectors added straight to chroma (embedding runs ~10 passages/s here, so a
real 100k index takes hours); the point is how index and search scale with size. The
questions (the seed set) are embedded for real, and figure answers use the real table.
Absolute times depend on the machine and what else runs on it: compare the ratios.
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


def full_ingest(files: list[Path], backend: str | None = None) -> tuple[int, int]:
    """Parse + passages + figures; `backend` sets $BANEN_QA_PARSER for the run."""
    from banen_qa.corpus import ingest_pdf

    old = os.environ.get("BANEN_QA_PARSER")
    if backend:
        os.environ["BANEN_QA_PARSER"] = backend
    try:
        passages = figures = 0
        for f in files:
            got = ingest_pdf(f)
            passages += len(got.passages)
            figures += len(got.figures)
        return passages, figures
    finally:
        if old is None:
            os.environ.pop("BANEN_QA_PARSER", None)
        else:
            os.environ["BANEN_QA_PARSER"] = old


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


# --- scale: synthetic passage corpora ----------------------------------------------------


def synthetic_passages(n: int, seed: int = 0) -> list:
    """n passages whose text is 3 sentences drawn from the bundled letter, under 1 document
    per 200 passages. Synthetic: the point is index size, not retrieval quality."""
    from banen_qa.corpus import ingest_pdf
    from banen_qa.models import Passage
    from banen_qa.sentences import split_sentences

    real = ingest_pdf(next((ROOT / "corpus").glob("*.pdf"))).passages
    sentences = [p.text[s:e] for p in real for s, e in split_sentences(p.text)]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = " ".join(rng.choice(sentences) for _ in range(3))
        doc = f"synthetic-{i // 200:05d}"
        out.append(
            Passage(
                id=f"{doc}:{i:07d}",
                document=doc,
                page=1,
                pages=[1],
                section="",
                text=text,
                char_start=i * 1000,
                char_end=i * 1000 + len(text),
            )
        )
    return out


def unit_vectors(n: int, seed: int = 0):
    import numpy as np

    v = np.random.default_rng(seed).normal(size=(n, 384)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed_questions() -> tuple[list[str], list[str]]:
    from banen_qa.answer import analyse

    qs = [json.loads(line)["question"] for line in SEED_QUESTIONS.read_text("utf-8").splitlines()]
    return (
        [q for q in qs if analyse(q).asks_figure],
        [q for q in qs if not analyse(q).asks_figure],
    )


def ms(values: list[float]) -> str:
    p50, p95 = 1000 * percentile(values, 50), 1000 * percentile(values, 95)
    return f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"


def scale_rows(sizes: list[int], workdir: Path, rounds: int) -> dict[str, dict]:
    """Per size: build (synthetic vectors), reopen, asks, keyword vs dense vs fused."""
    from banen_qa.corpus import load_corpus

    figures = load_corpus(ROOT / "corpus", workdir / "corpus-data", progress=False).figures
    figure_qs, passage_qs = seed_questions()
    out: dict[str, dict] = {}
    print(
        "synthetic passage corpora: sentences of the bundled letter, RANDOM unit vectors "
        "added straight to chroma (embedding 10k+ passages here takes hours);\n"
        "questions are the seed set, embedded for real; figure answers from the real table"
    )
    print(
        f"{'passages':>9} {'build s':>8} {'reopen s':>9}  {'figure ask':<28} "
        f"{'warm passage ask':<28} {'keyword':<28} {'dense':<28} {'fused (no embed)':<28}"
        f" {'peak RSS':>9}"
    )
    for n in sizes:
        folder = workdir / f"scale-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        fig, pas, kw, dense, fused, t_build, t_open = measure_size(
            folder, synthetic_passages(n), unit_vectors(n), figures, figure_qs, passage_qs, rounds
        )
        print(
            f"{n:>9} {t_build:>8.1f} {t_open:>9.2f}  {ms(fig):<28} {ms(pas):<28} "
            f"{ms(kw):<28} {ms(dense):<28} {ms(fused):<28} {peak_rss_mb():>7.0f} MB",
            flush=True,
        )
        out[str(n)] = {
            k: {
                "p50_ms": round(1000 * percentile(v, 50), 2),
                "p95_ms": round(1000 * percentile(v, 95), 2),
            }
            for k, v in (
                ("figure_ask", fig),
                ("passage_ask", pas),
                ("keyword", kw),
                ("dense", dense),
                ("fused", fused),
            )
        }
        out[str(n)].update(
            build_s=round(t_build, 2), reopen_s=round(t_open, 2), peak_rss_mb=round(peak_rss_mb())
        )
    return out


def measure_size(
    folder: Path,
    passages: list,
    vectors,
    figures: list,
    figure_qs: list[str],
    passage_qs: list[str],
    rounds: int,
) -> tuple:
    """Build one index, reopen it, and time asks and searches over it."""
    from banen_qa.answer import answer_question
    from banen_qa.search.index import PassageIndex, embed_query

    index = PassageIndex(folder)
    t_build = timed(lambda: index.add_vectors(passages, vectors))
    passages.clear()
    t_open = timed(lambda: PassageIndex(folder).open())
    index = PassageIndex(folder).open()
    for q in passage_qs:  # warm: the model, and the sentence vectors of the hits (cached)
        answer_question(q, index=index, figures=figures)
    fig, pas, kw, dense, fused = [], [], [], [], []

    def ask(q: str) -> object:
        return answer_question(q, index=index, figures=figures)

    for _ in range(rounds):
        for q in figure_qs:
            fig.append(timed(lambda q=q: ask(q)))
        for q in passage_qs:
            embed_query.cache_clear()  # the question is new to the process: embedded
            pas.append(timed(lambda q=q: ask(q)))
            kw.append(timed(lambda q=q: index.keyword_ranking(q, 40)))
            dense.append(timed(lambda q=q: index.dense_ranking(q, 40)))
            fused.append(timed(lambda q=q: index.search_hits(q, 4)))
    return fig, pas, kw, dense, fused, t_build, t_open


def cli_rows(workdir: Path) -> dict[str, float]:
    """Whole-process `ask` of a figure question (warm caches) vs importing the extractor."""
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(workdir / "corpus-data"), "PYTHONPATH": str(ROOT)}
    for k in ("BANEN_QA_CHROMA_URL", "BANEN_QA_LLM_BASE_URL", "BANEN_QA_LLM_MODEL"):
        env.pop(k, None)

    def run(args: list[str]) -> float:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *args], capture_output=True, env=env, cwd=ROOT)
        took = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(f"{args} failed: {done.stderr.decode()[-500:]}")
        return took

    question = "Hoeveel banen heeft de politie in 2021 gerealiseerd?"
    run(["-m", "banen_qa", "ask", question])
    ask = statistics.median(run(["-m", "banen_qa", "ask", question]) for _ in range(5))
    floor = statistics.median(run(["-c", "import banen_qa.extract.figures"]) for _ in range(5))
    help_s = statistics.median(run(["-m", "banen_qa", "--help"]) for _ in range(3))
    print(
        f"\nCLI, whole process (median of 5): ask (figure question) {ask:.2f} s; "
        f"floor `import banen_qa.extract.figures` {floor:.2f} s; --help {help_s:.2f} s "
        f"(goal ask <= 0.5 s: {'met' if ask <= 0.5 else 'MISSED'})"
    )
    return {
        "ask_figure_s": round(ask, 3),
        "import_floor_s": round(floor, 3),
        "help_s": round(help_s, 3),
    }


def serve_rows(workdir: Path, requests: int) -> dict[str, object]:
    """A real `banen-qa serve` on 127.0.0.1 over the bundled corpus: passage questions at 1
    and 10 concurrent clients, and figure questions while 10 passage questions run."""
    import socket
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    figure_qs, passage_qs = seed_questions()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "BANEN_QA_DATA_DIR": str(workdir / "corpus-data"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "banen_qa", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/ask"
    try:
        for _ in range(600):
            try:
                httpx.get(url, params={"q": passage_qs[0]}, timeout=60)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        client = httpx.Client(timeout=120)

        def ask(q: str) -> float:
            start = time.perf_counter()
            client.get(url, params={"q": q}).raise_for_status()
            return time.perf_counter() - start

        out: dict[str, object] = {}
        print(
            "\nserve (one process, real uvicorn on 127.0.0.1, passage questions; the "
            "server caches each question's embedding, as a warm server would):"
        )
        for clients in (1, 10):
            qs = (passage_qs * (requests // len(passage_qs) + 1))[:requests]
            start = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                times = list(pool.map(ask, qs))
            wall = time.perf_counter() - start
            print(f"  {clients:>2} clients: {requests / wall:6.1f} requests/s, {ms(times)}")
            out[f"passage_c{clients}"] = {
                "rps": round(requests / wall, 1),
                "p50_ms": round(1000 * percentile(times, 50), 1),
                "p95_ms": round(1000 * percentile(times, 95), 1),
            }
        with ThreadPoolExecutor(10) as pool:
            load = [
                pool.submit(ask, q)
                for q in (passage_qs * (requests // len(passage_qs) + 1))[:requests]
            ]
            fig = []
            while not all(f.done() for f in load) and len(fig) < 200:
                fig.append(ask(figure_qs[len(fig) % len(figure_qs)]))
        print(
            f"  figure questions while 10 passage questions run: n={len(fig)}, {ms(fig)} "
            f"(goal p95 <= 20 ms: {'met' if percentile(fig, 95) <= 0.020 else 'MISSED'})"
        )
        out["figure_under_load"] = {
            "n": len(fig),
            "p50_ms": round(1000 * percentile(fig, 50), 1),
            "p95_ms": round(1000 * percentile(fig, 95), 1),
        }
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def ingest_rows(files: list[Path]) -> dict[str, float]:
    pages = sum(pdf_pages(f) for f in files)
    raw_pdfplumber(files[:1])
    raw_pdfium(files[:1])
    full_ingest(files[:1], "pdfium")
    full_ingest(files[:1], "pdfplumber")
    rows = {
        "pypdfium2 raw text": timed(lambda: raw_pdfium(files)),
        "pdfplumber extract_text": timed(lambda: raw_pdfplumber(files)),
        "full ingest, pdfium": timed(lambda: full_ingest(files, "pdfium")),
        "full ingest, pdfplumber": timed(lambda: full_ingest(files, "pdfplumber")),
    }
    print(f"\ningest, {len(files)} generated letters, {pages} pages (1 process):")
    for name, t in rows.items():
        print(
            f"  {name:<28} {pages / t:8.1f} pages/s  "
            f"{t / rows['pdfplumber extract_text']:6.2f}x pdfplumber time"
        )
    return {k: round(pages / v, 1) for k, v in rows.items()}


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", action="store_true", help="also 100k and 300k passages")
    ap.add_argument("--sizes", type=int, nargs="*", help="passage counts (default 1k 10k)")
    ap.add_argument("--rounds", type=int, default=2, help="passes over the seed questions")
    ap.add_argument("--requests", type=int, default=30, help="requests per serve load")
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--profile", action="store_true", help="profile the full ingest")
    ap.add_argument("--ingest-only", action="store_true", help="only the ingest section")
    ap.add_argument(
        "--letters",
        type=Path,
        help="ingest these letters (a folder, e.g. eval.synth.generate --n 100 "
        "--no-gold); default eval/synth/letters",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = args.sizes or [1000, 10000] + ([100000, 300000] if args.big else [])
    out: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
    }
    print(f"{out['date']} · {out['machine']}\n")
    if not args.ingest_only:
        out["scale"] = scale_rows(sizes, args.workdir, args.rounds)
        out["cli"] = cli_rows(args.workdir)
        out["serve"] = serve_rows(args.workdir, args.requests)
    files = sorted((args.letters or ROOT / "eval" / "synth" / "letters").glob("*.pdf"))
    out["ingest_pages_per_s"] = ingest_rows(files)
    if args.profile:
        profile_ingest(files)
    report = args.workdir / "bench.json"
    report.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nresults -> {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
