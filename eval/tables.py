"""The README's "Measured" tables, from the last `banen-qa eval` (eval/report.json).

    .venv/bin/python -m eval.tables                  # print them as markdown
    .venv/bin/python -m eval.tables /tmp/r.json      # from another report

Held-out sets (`HELD_OUT` in banen_qa/evaluate/run.py) are printed in bold; STATUS says how
each set has been used, so the tables and the README's prose cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from banen_qa.evaluate.run import HELD_OUT
from eval.reasoning.verify import TYPES

# how each set was used (eval/real/README.md, eval/reasoning/README.md)
STATUS = {
    "seed": "the real letter",
    "synth": "generated letters",
    "real-dev": "tuned on",
    "real-fresh": "blind ×3, then tuned on",
    "real-fresh2": "blind ×2, then tuned on",
    "real-fresh4": "blind, then tuned on",
    "real-fresh6": "blind, then tuned on",
    "real-fresh7": "blind, then tuned on",
    "real-para": "restated figures, tuned on",
    "real-test": "held out",
    "real-fresh3": "held out, blind",
    "real-fresh5": "held out, blind",
    "real-fresh8": "held out, blind",
    "reasoning-dev": "tuned on",
    "reasoning-extra": "tuned on",
    "reasoning-real-dev": "tuned on",
    "reasoning-fresh2-dev": "tuned on",
    "reasoning-fresh": "blind ×3, then tuned on",
    "reasoning-fresh4": "blind, then tuned on",
    "reasoning-fresh6": "blind, then tuned on",
    "reasoning-fresh7": "blind, then tuned on",
    "reasoning-why-dev": "written by its rule writer, tuned on",
    "reasoning-compute-dev": "written by its rule writer, tuned on",
    "reasoning-test": "held out",
    "reasoning-real-test": "held out",
    "reasoning-fresh3": "held out, blind",
    "reasoning-fresh5": "held out, blind",
    "reasoning-fresh8": "held out, blind",
}


def _label(name: str) -> str:
    label = f"{name} ({STATUS[name]})" if name in STATUS else name
    return f"**{label}**" if name in HELD_OUT else label


def _order(names: list[str]) -> list[str]:
    """Tuned sets first, held-out sets last, each in STATUS order."""
    rank = {n: i for i, n in enumerate(STATUS)}
    return sorted(names, key=lambda n: (n in HELD_OUT, rank.get(n, len(rank))))


def figure_table(report: dict) -> str:
    rows = ["| set | gold | P | R | F1 | page accuracy | negatives extracted |", "|---" * 7 + "|"]
    for name in _order([n for n in report if "figures" in report[n]]):
        f = report[name]["figures"]
        neg = f"{len(f['negatives_extracted'])} of {f['negatives']}" if f.get("negatives") else "—"
        rows.append(
            f"| {_label(name)} | {f['gold']} | {f['precision']:.3f} | {f['recall']:.3f} "
            f"| {f['f1']:.3f} | {f['page_accuracy']:.3f} | {neg} |"
        )
    return "\n".join(rows)


def construction_table(report: dict) -> str:
    sets = _order([n for n in report if report[n].get("figures", {}).get("by_construction")])
    classes = sorted({c for s in sets for c in report[s]["figures"]["by_construction"]})
    rows = ["| construction | " + " | ".join(sets) + " |", "|---" * (1 + len(sets)) + "|"]
    for c in classes:
        cells = []
        for s in sets:
            v = report[s]["figures"]["by_construction"].get(c)
            cells.append(f"{v['correct']}/{v['gold']}" if v else "–")
        rows.append(f"| {c} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def question_table(report: dict) -> str:
    head = ["set", "right", "citations right", "abstention right"]
    head += [t.replace("_", " ").replace("how which", "how/which") for t in TYPES]
    rows = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for name in _order([n for n in report if "reasoning" in report[n]]):
        q = report[name]["reasoning"]
        by_type = q["by_type"]
        cells = [
            f"{by_type[t]['correct']}/{by_type[t]['total']}" if t in by_type else "–" for t in TYPES
        ]
        answerable = q["total"] - q["unanswerable"]
        rows.append(
            f"| {_label(name)} | {q['correct']}/{q['total']} | {q['citations_ok']}/{answerable} "
            f"| {q['abstention_correct']}/{q['total']} | " + " | ".join(cells) + " |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).parent / "report.json"
    report = json.loads(path.read_text("utf-8"))
    print(figure_table(report), construction_table(report), question_table(report), sep="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
