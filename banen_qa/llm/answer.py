"""Answers written by an LLM from retrieved passages, held to the numbers of the sources.

Retrieval is the offline path's. The model sees numbered passages (P1..Pk), numbered figures
(F1..Fn, those on the passages' pages) and, where the offline path computed a result over the
figures table (a difference, a sum, a ranking), that result as a checked passage C1 with its
arithmetic and the figures it uses; it returns {"answer", "citations", "abstain"}. The
answer is used only when it cites at least one passage (or C1) it was shown and every number
in it stands in a passage or figure that the answer itself cites, or in the question, or is
a computed number of a cited C1 that recomputes from its cited figures (the offline path's
number check, `answer.check`); a figure that was merely shown is no source. Otherwise the
offline answer is returned and the event logged. An abstention must be a real sentence
(three words or more, no number). Passages that address the model (ingest/quarantine.py) are
not indexed, and guard.py checks again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ValidationError

from banen_qa.answer import answer_question, cite, unsourced_numbers
from banen_qa.answer.check import recomputed, strip_citation_markers
from banen_qa.answer.letters import Letter
from banen_qa.extract.numbers import find_numbers
from banen_qa.extract.vocab import sector_label
from banen_qa.llm.client import ChatModel, LLMUnavailable
from banen_qa.llm.guard import looks_like_instruction
from banen_qa.llm.prompts import render
from banen_qa.models import Answer, Citation, Computed, Figure, Passage
from banen_qa.search.index import PassageIndex
from banen_qa.sentences import split_sentences
from banen_qa.text import format_dutch

log = logging.getLogger("banen_qa.llm")

PASSAGES_SHOWN = 6
MAX_FIGURES_SHOWN = 40
MIN_ABSTENTION_WORDS = 3

ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string"},
        "citations": {
            "type": "array",
            "items": {"type": "string"},
            "maxItems": PASSAGES_SHOWN + MAX_FIGURES_SHOWN,
        },
        "abstain": {"type": "boolean"},
    },
    "required": ["answer", "citations", "abstain"],
    "additionalProperties": False,
}


class LLMReply(BaseModel):
    answer: str
    citations: list[str]
    abstain: bool


class AnswerOutcome(BaseModel):
    """The answer shown, which path wrote it, and why the LLM's was not used (if so)."""

    answer: Answer
    source: Literal["llm", "offline"]
    reason: str | None = None  # "kind: detail" when the LLM's answer was replaced


def _value_text(fig: Figure) -> str:
    text = format_dutch(fig.value, 0 if float(fig.value).is_integer() else 2)
    if "," in text:
        text = text.rstrip("0")  # 61,30 -> 61,3
    return text + ("%" if fig.unit == "pct" else " banen")


def _figures_shown(offline: Answer, figures: list[Figure], passages: list[Passage]) -> list[Figure]:
    """The offline answer's figures, then the figures on the shown passages' pages."""
    pages = {(p.document, page) for p in passages for page in p.pages}
    chosen: dict[tuple, Figure] = {}
    for f in [*offline.figures, *(f for f in figures if (f.document, f.page) in pages)]:
        chosen.setdefault((f.key, f.quarter, f.value), f)
    return list(chosen.values())[:MAX_FIGURES_SHOWN]


def _citations(passage: Passage, answer: str) -> list[Citation]:
    """The sentences of a cited passage that hold a number of the answer, else its first."""
    wanted = {round(t.value, 4) for t in find_numbers(answer)}
    spans = split_sentences(passage.text) or [(0, len(passage.text))]
    hits = [
        (s, e)
        for s, e in spans
        if wanted & {round(t.value, 4) for t in find_numbers(passage.text[s:e])}
    ]
    out: list[Citation] = []
    for s, e in hits or spans[:1]:
        out.extend(cite(passage, s, e))
    return out


COMPUTED_LABEL = "C1"


def _computed_text(offline: Answer) -> str:
    """The offline path's computed result as the model sees it: the answer sentence (its
    arithmetic shown), each computation, and the figures used; "(none)" without one."""
    if offline.abstained or not offline.computed:
        return "(none)"
    lines = [f"{COMPUTED_LABEL} (computed from the figures table and checked):", offline.answer]
    lines += [f"- {c.op}: {c.expression}" for c in offline.computed]
    return "\n".join(lines)


def _computed_sources(offline: Answer) -> tuple[list[str], set[float], list[Computed]]:
    """What a cited C1 lends the answer: the quotes of its figures (every operand stands in
    one), the computed values that recompute from them, and the computations."""
    quotes = [c.quote for c in offline.citations] + [f.quote for f in offline.figures]
    return quotes, recomputed(offline.computed, quotes), list(offline.computed)


def _fallback(offline: Answer, kind: str, detail: str) -> AnswerOutcome:
    """The offline answer instead; `reason` is "kind: detail", one line, also logged."""
    reason = f"{kind}: {' '.join(detail.split())}"
    log.warning("LLM answer replaced by the offline answer: %s", reason)
    return AnswerOutcome(answer=offline, source="offline", reason=reason)


def answer_with_llm(
    question: str,
    *,
    index: PassageIndex,
    figures: list[Figure],
    client: ChatModel | None,
    k: int = PASSAGES_SHOWN,
    letters: Sequence[Letter] = (),
) -> AnswerOutcome:
    """Answer through the LLM path; the offline answer whenever the LLM's does not hold."""
    offline = answer_question(question, index=index, figures=figures, letters=letters)
    if client is None:
        return AnswerOutcome(answer=offline, source="offline")
    hits = [p for p, _ in index.search(question, k=k)]
    passages = [p for p in hits if not looks_like_instruction(p.text)]
    if len(passages) < len(hits):
        log.info("%d retrieved passage(s) address the model; not shown", len(hits) - len(passages))
    shown = _figures_shown(offline, figures, passages)
    labels = {f"P{i}": p for i, p in enumerate(passages, 1)}
    figure_labels = {f"F{i}": f for i, f in enumerate(shown, 1)}
    lang = offline.language
    messages = render(
        "answer",
        language="English" if lang == "en" else "Dutch (Nederlands)",
        figures="\n".join(
            f"{label} | {sector_label(f.sector, lang)} | {f.year or '-'} | {f.metric} | "
            f"{_value_text(f)} | {f.document} p. {f.page}"
            for label, f in figure_labels.items()
        )
        or "(none)",
        passages="\n\n".join(
            f"{label} ({p.document}, p. {p.page}{', ' + p.section if p.section else ''}):\n{p.text}"
            for label, p in labels.items()
        )
        or "(none)",
        computed=_computed_text(offline),
        question=question,
    )
    try:
        raw = client.complete_json(messages, schema=ANSWER_SCHEMA, name="answer")
    except LLMUnavailable as exc:
        return _fallback(offline, "unavailable", str(exc))
    try:
        reply = LLMReply.model_validate(raw)
    except ValidationError:
        return _fallback(offline, "schema", "reply does not fit the answer schema")
    text = " ".join(reply.answer.split())
    if not any(ch.isalpha() for ch in text):  # "", "...", "-"
        return _fallback(offline, "empty", "answer without words")
    if reply.abstain:
        if find_numbers(text):
            return _fallback(offline, "abstention_with_number", "abstention that states a number")
        if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_ABSTENTION_WORDS:
            return _fallback(
                offline, "abstention_not_a_sentence", f"abstention {text[:40]!r} is not a sentence"
            )
        if offline.figures and not offline.abstained:
            # the figures table holds a sourced answer: the model's doubt does not hide it
            return _fallback(offline, "abstained", "abstained where the figures table answers")
        return AnswerOutcome(
            answer=Answer(question=question, answer=text, abstained=True, language=lang),
            source="llm",
        )
    wanted = list(dict.fromkeys(c.strip().upper() for c in reply.citations))
    has_computed = _computed_text(offline) != "(none)"
    unknown = [
        c
        for c in wanted
        if c not in labels and c not in figure_labels and not (has_computed and c == COMPUTED_LABEL)
    ]
    if unknown:
        return _fallback(offline, "unknown_citation", f"cites sources it was not shown: {unknown}")
    cited = [labels[c] for c in wanted if c in labels]
    cited_figures = [figure_labels[c] for c in wanted if c in figure_labels]
    uses_computed = has_computed and COMPUTED_LABEL in wanted
    if not cited and not uses_computed:
        return _fallback(offline, "no_citation", "answer without citation of a passage")
    # only what the answer cites is a source: a figure shown but not cited is not, unless
    # it stands in a cited passage
    cited_figures += [
        f
        for f in shown
        if f not in cited_figures
        and any(
            f.document == p.document
            and p.kind != "footnote"
            and p.char_start <= f.char_start
            and f.char_end <= p.char_end
            for p in cited
        )
    ]
    quotes = [p.text for p in cited] + [question]
    allowed: set[float] = {f.value for f in cited_figures}
    computed: list[Computed] = []
    citations = [c for p in cited for c in _citations(p, text)]
    if uses_computed:  # C1 cited: its figures' quotes are sources, its results recompute
        c_quotes, c_values, computed = _computed_sources(offline)
        quotes += c_quotes
        allowed |= c_values | {float(f.year) for f in offline.figures if f.year}
        cited_figures += [f for f in offline.figures if f not in cited_figures]
        citations = list(
            {(c.document, c.page, c.quote): c for c in [*citations, *offline.citations]}.values()
        )
    text_checked = strip_citation_markers(text, [c.page for c in citations])
    unsourced = unsourced_numbers(text_checked, quotes, allowed)
    if unsourced:
        return _fallback(
            offline, "unsourced_number", f"number(s) {unsourced} in no cited passage or figure"
        )
    used = {round(t.value, 4) for t in find_numbers(text)}
    return AnswerOutcome(
        answer=Answer(
            question=question,
            answer=text,
            abstained=False,
            language=lang,
            citations=citations,
            figures=[f for f in cited_figures if round(f.value, 4) in used],
            computed=[c for c in computed if round(c.value, 4) in used],
        ),
        source="llm",
    )
