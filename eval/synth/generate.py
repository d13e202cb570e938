"""Generate Kamerbrief-style test letters with known gold figures and questions.

    python -m eval.synth.generate --out eval/synth/letters --seed 1 --n 12
    python -m eval.synth.generate --out /tmp/bench-letters --n 100 --no-gold   # benchmark corpus

Writes synth-*.pdf into --out and, next to the letters directory, gold-figures.jsonl and
gold-questions.jsonl in the format of eval/seed-*.jsonl (gold figures may carry an extra
"quarter"). Output is deterministic for a seed. Every figure's page is found afterwards with
pdfplumber (the quote, clipped to the value's page when its sentence crosses a page break;
table figures by their row), and generation fails loudly when a figure cannot be placed.
Needs the `dev` extra (reportlab, fonttools); the committed letters need neither.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from eval.synth.content import QUARTERS, SECTORS, Fig, Letter, World
from eval.synth.letters import write_letter
from eval.synth.render import LAYOUTS, render

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "eval" / "synth" / "letters"


class PlacementError(RuntimeError):
    """A gold figure whose text could not be found on exactly one page of its PDF."""


@dataclass
class PageText:
    joined: str  # line-end hyphens removed ("arbeids-\nbeperking" -> "arbeidsbeperking")
    kept: str  # line-end hyphens kept ("overheids- en")
    table_rows: list[str]


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_texts(pdf_path: Path, letter: Letter) -> list[PageText]:
    """Body text of each page as a reader sees it: colophon, footnotes and calls left out."""
    g = LAYOUTS[letter.layout]
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            x1 = 450 if letter.layout == "kamerbrief" else page.width
            body = page.crop((0, 0, x1, page.height - g.bottom + 2)).filter(
                lambda o: o.get("object_type") != "char" or o.get("size", 0) >= g.size * 0.75
            )
            raw = body.extract_text() or ""
            rows = []
            for table in page.find_tables():
                for row in table.extract():
                    rows.append(" | ".join(_norm(c or "") for c in row))
            out.append(PageText(_norm(re.sub(r"(\w)-\n(?=\w)", r"\1", raw)), _norm(raw), rows))
    return out


def place(fig: Fig, pages: list[PageText], name: str) -> tuple[int, str]:
    """Page of the figure's value and the longest part of its quote on that page."""
    if fig.note.startswith("table row"):
        hits = [i + 1 for i, p in enumerate(pages) if fig.quote in p.table_rows]
        if len(hits) != 1:
            raise PlacementError(f"{name}: table row {fig.quote!r} found on pages {hits}")
        return hits[0], fig.quote
    quote = _norm(fig.quote)
    at = quote.find(fig.value_text)
    if at < 0:
        raise PlacementError(f"{name}: value {fig.value_text!r} not in quote {quote!r}")
    words = quote.split(" ")
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    first = max(i for i, s in enumerate(starts) if s <= at)
    last = max(i for i, s in enumerate(starts) if s < at + len(fig.value_text))
    windows = sorted(
        ((i, j) for i in range(first + 1) for j in range(last + 1, len(words) + 1)),
        key=lambda w: w[0] - w[1],
    )
    for i, j in windows:
        if j - i < 2:
            break
        candidate = " ".join(words[i:j])
        hits = [n + 1 for n, p in enumerate(pages) if candidate in p.joined or candidate in p.kept]
        if len(hits) > 1:
            raise PlacementError(f"{name}: {candidate!r} is on pages {hits}; make it unique")
        if hits:
            return hits[0], candidate
    raise PlacementError(f"{name}: quote {quote!r} not found on any page")


def _plain_number(value: float) -> float | int:
    return int(value) if value == int(value) else value


def gold_lines(letter: Letter, pdf_path: Path) -> list[dict]:
    pages = page_texts(pdf_path, letter)
    lines = []
    for fig in letter.figs:
        page, quote = place(fig, pages, pdf_path.name)
        note = fig.note
        if quote != _norm(fig.quote):
            note = "; ".join(
                x
                for x in (note, "sentence crosses a page break; quote clipped to the value's page")
                if x
            )
        line = {
            "document": letter.name,
            "sector": fig.sector,
            "year": fig.year,
            "metric": fig.metric,
            "value": _plain_number(fig.value),
            "unit": fig.unit,
            "page": page,
            "quote": quote,
            "note": note,
        }
        if fig.quarter:
            line["quarter"] = fig.quarter
        lines.append(line)
    return lines


# --- questions -----------------------------------------------------------------------------


def questions(gold: list[dict]) -> list[dict]:
    """Up to three questions per letter about figures stated in exactly one letter (so the
    answer is unambiguous across the set), plus two that no generated letter answers."""
    from banen_qa.extract.vocab import sector_label

    count = Counter((g["sector"], g["year"], g["metric"], g.get("quarter")) for g in gold)
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        key = (g["sector"], g["year"], g["metric"], g.get("quarter"))
        if count[key] == 1 and g["year"] is not None and g["metric"] in _ASK:
            by_doc.setdefault(g["document"], []).append(g)
    out: list[dict] = []
    for doc, candidates in by_doc.items():
        for g in random.Random(doc).sample(candidates, min(3, len(candidates))):
            nl = SECTORS[g["sector"]][1][0][0]
            en = {
                "overheid": "the government and education sector",
                "totaal": "all employers together",
            }.get(g["sector"], f"the {sector_label(g['sector'], 'en')}")
            dutch = len(out) % 2 == 1
            if g.get("quarter"):
                q = QUARTERS[g["quarter"]]
                text = (
                    f"Hoeveel banen telde {nl} in het {q} kwartaal van {g['year']}?"
                    if dutch
                    else f"How many jobs did {en} have in quarter {g['quarter']} of {g['year']}?"
                )
            else:
                text = _ASK[g["metric"]][dutch].format(nl=nl, en=en, y=g["year"])
            out.append(
                {
                    "id": f"s{len(out) + 1:02d}",
                    "question": text,
                    "numbers": [g["value"]],
                    "terms": [],
                    "pages": [g["page"]],
                    "answerable": True,
                    "document": doc,
                }
            )
    for text in (
        "Hoeveel banen heeft de marktsector in 2031 gerealiseerd?",
        "What was the target for the water boards in 2040?",
    ):
        out.append(
            {
                "id": f"s{len(out) + 1:02d}",
                "question": text,
                "numbers": [],
                "terms": [],
                "pages": [],
                "answerable": False,
            }
        )
    return out


_ASK = {  # metric -> (English, Dutch) question
    "realised_jobs": (
        "How many jobs did {en} realise in {y}?",
        "Hoeveel banen zijn er bij {nl} in {y} gerealiseerd?",
    ),
    "target_jobs": (
        "What was the jobs target for {en} in {y}?",
        "Wat was het doel voor {nl} in {y}?",
    ),
    "realisation_pct": (
        "What percentage of the target did {en} reach in {y}?",
        "Welk realisatiepercentage werd er bij {nl} in {y} gehaald?",
    ),
    "realised_jobs_sroi": (
        "How many jobs did {en} realise via SROI in {y}?",
        "Hoeveel banen zijn er bij {nl} in {y} via SROI gerealiseerd?",
    ),
}


def _make(world: World, seed: int, i: int, out: Path) -> tuple[Letter, Path, list[dict]]:
    """Render letter i. Some letters (prose-rich kinds) are lengthened until a figure's
    sentence crosses a page break, so the set always has quotes clipped at a break; letters
    after the first 12 (benchmark corpora) get a longer opening so 100 make 300+ pages."""
    crossing = i < 12 and i % 3 != 1 and (i // 3) % 2 == 0
    first_pad = 0 if i < 12 else 8
    for pad in [*range(first_pad, 40 if crossing else first_pad + 1), first_pad]:
        letter = write_letter(world, seed, i, pad)
        path = out / f"{letter.name}.pdf"
        render(letter, path)
        lines = gold_lines(letter, path)
        if not crossing or any("crosses a page break" in g["note"] for g in lines):
            return letter, path, lines
    print(f"warning: {path.name}: no figure sentence crosses a page break", file=sys.stderr)
    return letter, path, lines


# --- command line --------------------------------------------------------------------------


def generate(out: Path, seed: int, n: int, *, gold_dir: Path | None) -> dict:
    """Write n letters to `out` (and gold to `gold_dir` when given); returns counts."""
    out.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    gold: list[dict] = []
    pages = 0
    for i in range(n):
        letter, path, lines = _make(world, seed, i, out)
        pages += len(page_texts(path, letter))
        gold += lines
    if gold_dir is not None:
        gold_dir.mkdir(parents=True, exist_ok=True)
        with open(gold_dir / "gold-figures.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
        with open(gold_dir / "gold-questions.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(q, ensure_ascii=False) + "\n" for q in questions(gold))
    return {"letters": n, "pages": pages, "figures": len(gold)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directory for the PDFs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=12, help="number of letters")
    ap.add_argument(
        "--gold-dir",
        type=Path,
        default=None,
        help="where gold-*.jsonl go (default: the parent of --out)",
    )
    ap.add_argument("--no-gold", action="store_true", help="write only the PDFs")
    args = ap.parse_args(argv)
    gold_dir = None if args.no_gold else (args.gold_dir or args.out.parent)
    try:
        counts = generate(args.out, args.seed, args.n, gold_dir=gold_dir)
    except PlacementError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(
        f"{counts['letters']} letters, {counts['pages']} pages, {counts['figures']} gold "
        f"figures -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
