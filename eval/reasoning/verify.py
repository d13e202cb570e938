"""Check the reasoning gold set against the PDFs it cites.

    .venv/bin/python eval/reasoning/verify.py          # exit 1 on any error
    .venv/bin/python eval/reasoning/verify.py extra    # only the named split(s)
    .venv/bin/python eval/reasoning/verify.py real-dev # questions over the real dev letters
    .venv/bin/python eval/reasoning/verify.py fresh    # questions over the fresh letters
    .venv/bin/python eval/reasoning/verify.py fresh2-dev  # dev questions, fresh2 letters
    .venv/bin/python eval/reasoning/verify.py compute-dev # computed questions, dev+fresh+fresh2
    .venv/bin/python eval/reasoning/verify.py fresh3   # held-out questions, fresh3 letters
    .venv/bin/python eval/reasoning/verify.py fresh4   # blind, then tuned: fresh4 letters
    .venv/bin/python eval/reasoning/verify.py fresh5   # held-out questions, fresh5 letters
    .venv/bin/python eval/reasoning/verify.py why-dev  # why/how/which, dev+fresh+fresh2 letters

For every question: the fields and types are right; every cited (document, page) exists;
unanswerable questions have no numbers/terms/sources; each number in `numbers` either
stands on one of the cited pages (as written in the letter, Dutch or English notation) or
is derived from the other numbers (a sum or difference of them) — the derived ones are
listed so a person can check them; each Dutch term of a Dutch question, and each term of
a `why` question, stands on a cited page (ranking terms are sector names as an answer
would name them, so they are not checked).
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

from banen_qa.evaluate.run import BLIND_QUESTION_SPLITS, REAL_SPLITS

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# the question types, in the order the README's tables give them (eval/tables.py)
TYPES = (
    "lookup",
    "difference",
    "change",
    "sum",
    "ranking",
    "met_target",
    "why",
    "how_which",
    "across_letters",
    "unanswerable",
)
KEYS = ["id", "type", "lang", "question", "numbers", "terms", "sources", "answerable", "note"]


def pdf_path(document: str) -> Path:
    for p in (
        ROOT / "corpus" / f"{document}.pdf",
        ROOT / "eval" / "synth" / "letters" / f"{document}.pdf",
        *(ROOT / "eval" / "real" / split / "letters" / f"{document}.pdf" for split in REAL_SPLITS),
    ):
        if p.exists():
            return p
    raise FileNotFoundError(document)


_pages: dict[str, list[str]] = {}


def pages(document: str) -> list[str]:
    if document not in _pages:
        import pdfplumber

        with pdfplumber.open(pdf_path(document)) as pdf:
            _pages[document] = [" ".join((pg.extract_text() or "").split()) for pg in pdf.pages]
    return _pages[document]


def numbers_in(text: str) -> set[float]:
    found: set[float] = set()
    for raw in re.findall(r"\d[\d.,]*\d|\d", text):
        for thousands, decimal in ((".", ","), (",", ".")):
            try:
                found.add(round(float(raw.replace(thousands, "").replace(decimal, ".")), 2))
            except ValueError:
                pass
    return found


def derived(n: float, others: list[float]) -> bool:
    """n is a sum of >= 2 of the others, or a difference of two of them."""
    for a, b in itertools.permutations(others, 2):
        if abs((a - b) - n) < 0.005:
            return True
    for k in range(2, len(others) + 1):
        for combo in itertools.combinations(others, k):
            if abs(sum(combo) - n) < 0.005:
                return True
    return False


def check(path: Path, seen: set[str]) -> tuple[list[str], list[str]]:
    errors, derived_log = [], []
    for line_no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        q = json.loads(line)
        where = f"{path.name}:{line_no} {q.get('id')}"
        if list(q) != KEYS:
            errors.append(f"{where}: keys {list(q)}")
            continue
        if q["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(q["id"])
        if q["type"] not in TYPES or q["lang"] not in ("nl", "en"):
            errors.append(f"{where}: bad type/lang")
        if (q["type"] == "unanswerable") == q["answerable"]:
            errors.append(f"{where}: type unanswerable <=> answerable false")
        if not q["answerable"]:
            if q["numbers"] or q["terms"] or q["sources"]:
                errors.append(f"{where}: unanswerable with numbers/terms/sources")
            continue
        if not q["sources"]:
            errors.append(f"{where}: no sources")
        texts = []
        for s in q["sources"]:
            try:
                doc_pages = pages(s["document"])
            except FileNotFoundError:
                errors.append(f"{where}: unknown document {s['document']}")
                continue
            if not 1 <= s["page"] <= len(doc_pages):
                errors.append(f"{where}: {s['document']} has no page {s['page']}")
                continue
            texts.append(doc_pages[s["page"] - 1])
        on_pages = set().union(*(numbers_in(t) for t in texts)) if texts else set()
        stated = [n for n in q["numbers"] if round(n, 2) in on_pages]
        for n in q["numbers"]:
            if round(n, 2) in on_pages:
                continue
            if derived(n, stated):
                derived_log.append(f"{q['id']} {n} derived from {stated}")
            else:
                errors.append(f"{where}: {n} neither on a cited page nor derived")
        joined = " ".join(texts).lower()
        for t in q["terms"]:
            # ranking terms are sector names as an answer names them (UMC's), not quotes
            quoted = q["type"] == "why" or (q["lang"] == "nl" and q["type"] != "ranking")
            if quoted and t.lower() not in joined:
                errors.append(f"{where}: term {t!r} not on a cited page")
    return errors, derived_log


# the question files (<split>-questions.jsonl): over the seed and generated letters, over the real
# dev letters, written by rule writers, and written blind over one real split's letters
SPLITS = (
    "dev",
    "test",
    "extra",
    "real-dev",
    "real-test",
    "fresh",
    "fresh2-dev",
    "compute-dev",
    "why-dev",
    *BLIND_QUESTION_SPLITS,
)


def main(splits: list[str] | None = None) -> int:
    seen: set[str] = set()
    errors, log = [], []
    counts: dict[tuple[str, str, str], int] = {}
    splits = splits or [s for s in SPLITS if (HERE / f"{s}-questions.jsonl").exists()]
    for split in splits:
        path = HERE / f"{split}-questions.jsonl"
        e, d = check(path, seen)
        errors += e
        log += d
        for line in path.read_text("utf-8").splitlines():
            q = json.loads(line)
            counts[(q["type"], q["lang"], split)] = counts.get((q["type"], q["lang"], split), 0) + 1
    for line in log:
        print("derived:", line)
    heads = [f"{split} {lang}" for split in splits for lang in ("nl", "en")]
    print("\n" + f"{'type':<16}" + "".join(f"{h:>10}" for h in heads) + f"{'total':>7}")
    for t in sorted(TYPES):
        row = [counts.get((t, lang, split), 0) for split in splits for lang in ("nl", "en")]
        print(f"{t:<16}" + "".join(f"{n:>10}" for n in row) + f"{sum(row):>7}")
    print(f"{'all':<16}" + " " * 10 * len(heads) + f"{sum(counts.values()):>7}")
    for e in errors:
        print("ERROR:", e)
    print(f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or None))
