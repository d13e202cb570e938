"""Table operations: the figures an operation needs, the arithmetic (shown, e.g.
"341 − 331 = 10") and an answer that names every figure used with its letter and page.
Every computed number is recorded in `Answer.computed` with its operands, so the number
gate can recompute it from the cited figures.

This module is the entry: it builds the `Table` (table.py) and the `Builder` (compose.py)
and hands them to the operation the question asks for (compute/); the wording of the
answers lives in wording.py."""

from __future__ import annotations

from collections.abc import Sequence

from banen_qa.answer.compose import Builder
from banen_qa.answer.compute import compare, sectors, targets
from banen_qa.answer.letters import Letter
from banen_qa.answer.operations import Operation
from banen_qa.answer.table import Table
from banen_qa.models import Answer, Figure
from banen_qa.text import Lang


def reason(
    question: str, op: Operation, lang: Lang, figures: Sequence[Figure], letters: Sequence[Letter]
) -> Answer | None:
    """Run the operation; None when the table lacks what it needs."""
    table = Table(figures, op, letters)
    b = Builder(question, lang, letters)
    run = {
        "difference": compare.difference,
        "change": compare.change,
        "sum": sectors.sum_figures,
        "ranking": sectors.ranking,
        "met_target": targets.met_target,
        "trend": compare.trend,
        "across": compare.across,
        "filter": sectors.filter_rows,
        "when": targets.when_due,
    }[op.kind]
    if not run(op, table, b) or not b.used:
        return None
    return b.answer()
