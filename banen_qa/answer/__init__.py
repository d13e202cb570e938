"""Question -> intent -> an answer from the figures or the passages, with citations.

The path of a question, top to bottom: `intent.analyse` reads what it asks and
`letters.resolve_scope` which letters it names; `operations.parse_operation` turns a
question that needs arithmetic (difference, change, sum, ranking, met-the-target, trend,
across letters) into an operation that `reasoning.reason` runs over the figures table; a
plain figure question is answered by `figures.answer_from_figures`; a why/how/which
question by `explain.explain`; any other by `passages.answer_from_passages` quoting the
letters. `check.unsourced_numbers` is the gate every answer passes: never a number without
a source, and a computed number only when it recomputes from cited figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from banen_qa.answer.check import recomputed, strip_citation_markers, unsourced_numbers
from banen_qa.answer.compose import citations_for, conflict_note
from banen_qa.answer.explain import asks_explanation, asks_reason, explain
from banen_qa.answer.figures import answer_from_figures
from banen_qa.answer.intent import (
    Intent,
    analyse,
    asks_factor,
    unknown_sector,
    without_possessives,
)
from banen_qa.answer.letters import Letter, resolve_scope, titled
from banen_qa.answer.operations import Operation, parse_operation
from banen_qa.answer.passages import (
    abstain,
    answer_from_passages,
    cite,
    figure_sentence,
    per_document_sentences,
    sentence_kind_answer,
)
from banen_qa.answer.reasoning import reason as run_operation
from banen_qa.models import Answer, Figure
from banen_qa.text import fold

if TYPE_CHECKING:
    from banen_qa.search.index import PassageIndex

__all__ = ["Intent", "Letter", "analyse", "answer_question", "cite", "unsourced_numbers"]


def answer_question(
    question: str, *, index: PassageIndex, figures: list[Figure], letters: Sequence[Letter] = ()
) -> Answer:
    """Operations, then figures, then explanations or passages; abstain when unsupported.
    `letters` (from `letters.letters_of`) lets a question name a letter and citations carry
    titles and dates."""
    intent = analyse(question)
    scope = resolve_scope(question, letters)
    if scope.letter_phrases:  # "the sector report on the police (2020)" names a letter
        rest = without_possessives(fold(question))
        for phrase in scope.letter_phrases:
            rest = rest.replace(phrase, " ")
        intent.sectors = [s for s in intent.sectors if s in analyse(rest).sectors]
    intent.years = [y for y in intent.years if y not in scope.letter_years]
    if len(scope.named) >= 2 and not intent.sectors and intent.years and intent.metrics:
        # "hoeveel banen waren er eind 2019 volgens A en volgens B": the named documents'
        # count of all employers
        intent.sectors = ["totaal"]
    if not intent.sectors and unknown_sector(question):
        return abstain(question, intent.language)  # a sector the letters do not cover
    in_scope = [f for f in figures if scope.documents is None or f.document in scope.documents]
    answer: Answer | None = None
    # a "why" asks for the letter's reason, not for arithmetic; "how did X change from Y0 to
    # Y1" asks for the arithmetic
    op = parse_operation(question, intent, scope)
    if asks_explanation(question) == "why" and (
        asks_reason(question) or op is None or op.kind not in ("change", "trend")
    ):
        op = None
    if op is not None:
        answer = run_operation(question, op, intent.language, figures, letters)
    if answer is None and asks_explanation(question):
        answer = explain(question, intent, index, scope.documents, letters)
    # "wat is doorslaggevend voor het succes bij de overheid in 2018": a factor, not a figure
    if answer is None and intent.asks_figure and not (op is None and asks_factor(question)):
        answer = answer_from_figures(question, intent, in_scope)
        if answer.abstained:  # not in the table: a sentence with that sector, year, amount
            answer = figure_sentence(question, intent, index, scope.documents) or answer
        elif letters:
            answer = _with_context(answer, letters)
        if op is not None and not _every_operand(op, answer):
            answer = None  # one year's figure does not answer how much it changed
    if answer is None or answer.abstained:
        # a number only sentences state (persons in work, the register, a quarter's
        # increase): quote the sentence of each asked period, or abstain
        periods = op.periods if op is not None else ()
        quoted = sentence_kind_answer(question, intent, index, periods, scope.documents)
        answer = (
            quoted if quoted is not None and (answer is None or not quoted.abstained) else answer
        )
    if (answer is None or answer.abstained) and len(scope.named) >= 2:
        # "what do A and B say": one sentence of each named document
        answer = per_document_sentences(question, intent, index, scope.named) or answer
    if answer is None:
        answer = (
            answer_from_passages(question, intent, index, scope.documents if scope.named else None)
            if op is None
            else abstain(question, intent.language)
        )
    if not answer.abstained:
        answer.citations = [titled(c, letters) for c in answer.citations]
        years = {float(f.year) for f in answer.figures if f.year}
        quotes = [c.quote for c in answer.citations]
        allowed = years | recomputed(answer.computed, quotes)
        if op is not None and op.threshold is not None:  # the question's own "more than 1,000"
            allowed.add(op.threshold)
        text = strip_citation_markers(answer.answer, [c.page for c in answer.citations])
        if unsourced_numbers(text, quotes, allowed):
            return abstain(question, intent.language)  # never a number without a source
    return answer


def _every_operand(op: Operation, answer: Answer) -> bool:
    """Whether a figure answer, given where the operation found too little, still holds a
    figure of every year a change compares and of every sector a difference or sum joins;
    else it answers another question than the one asked."""
    got = {(f.sector, f.year) for f in answer.figures}
    if op.kind == "change" and not op.periods and len(op.years) >= 2:
        return all(any(y == year for _, y in got) for year in op.years)
    if op.kind in ("difference", "sum") and len(op.sectors) >= 2:
        return all(any(s == sector for s, _ in got) for sector in op.sectors)
    return True


def _with_context(answer: Answer, letters: Sequence[Letter]) -> Answer:
    """A table answer with each figure's whole sentence, its footnotes and, where letters
    disagree, both values and which letter is newer."""
    extra = conflict_note(answer.figures, answer.language, letters)
    notes = citations_for(answer.figures, letters)
    footnotes = [
        c
        for c in notes
        if not any(c.quote in f.quote or f.quote in c.quote for f in answer.figures)
    ]
    text = answer.answer
    if footnotes:
        label = "Voetnoot" if answer.language == "nl" else "Footnote"
        text += " " + " ".join(
            f"{label}: \u201c{c.quote}\u201d" for c in footnotes if "Kamerstukken" not in c.quote
        )
    if extra:
        text += " " + extra
    return answer.model_copy(update={"answer": text.strip(), "citations": notes})
