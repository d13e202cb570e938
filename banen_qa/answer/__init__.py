"""Question -> intent -> an answer from the figures or the passages, with citations.

The path of a question, top to bottom: `intent.analyse` reads what it asks; a figure
question is answered by `figures.answer_from_figures` from the validated table, any other
by `passages.answer_from_passages` quoting the letters; `check.unsourced_numbers` is the
gate every answer passes: never a number without a source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from banen_qa.answer.check import unsourced_numbers
from banen_qa.answer.figures import answer_from_figures
from banen_qa.answer.intent import Intent, analyse
from banen_qa.answer.passages import abstain, answer_from_passages, cite
from banen_qa.models import Answer, Figure

if TYPE_CHECKING:
    from banen_qa.search.index import PassageIndex

__all__ = ["Intent", "analyse", "answer_question", "cite", "unsourced_numbers"]


def answer_question(question: str, *, index: PassageIndex, figures: list[Figure]) -> Answer:
    """Figures first for figure questions, else quoted passages; abstain when unsupported."""
    intent = analyse(question)
    if intent.asks_figure:
        answer = answer_from_figures(question, intent, figures)
    else:
        answer = answer_from_passages(question, intent, index)
    if not answer.abstained:
        years = {float(f.year) for f in answer.figures if f.year}
        if unsourced_numbers(answer.answer, [c.quote for c in answer.citations], years):
            return abstain(question, intent.language)  # never a number without a source
    return answer
