"""Scoring: extraction and answers against hand-made gold sets (format: eval/GOLD.md).

Figures are matched on (document, sector, year, metric); a match is right when the value
is equal (percentages within 0.05), and its page is scored apart. Answers are right when
every gold number and term is in the answer and a citation points at a gold page;
unanswerable questions are right when the tool abstains.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from banen_qa.extract.numbers import word_number_values
from banen_qa.models import Answer, Figure
from banen_qa.text import fold, normalize_ws, values_equal


class GoldFigure(BaseModel):
    document: str
    sector: str
    year: int | None
    metric: str
    value: float
    unit: str
    page: int
    quote: str = ""
    note: str = ""
    construction: str = ""  # real-wording sets: the sentence construction the figure tests
    quarter: int | None = None

    @property
    def key(self) -> tuple[str, str, int | None, str]:
        return (self.document, self.sector, self.year, self.metric)


class Negative(BaseModel):
    """A number in a document that must not become a figure (eval/real/README.md)."""

    document: str
    value: float | str
    quote: str = ""
    kind: str = ""


class GoldQuestion(BaseModel):
    id: str
    question: str
    numbers: list[float] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)
    answerable: bool = True
    document: str | None = None  # optional: the document the pages refer to


class FigureScore(BaseModel):
    gold: int
    predicted: int
    correct: int
    page_correct: int
    precision: float
    recall: float
    f1: float
    page_accuracy: float
    misses: list[dict] = Field(default_factory=list)
    extras: list[dict] = Field(default_factory=list)
    by_metric: dict[str, dict[str, int | float]] = Field(default_factory=dict)
    by_sector: dict[str, dict[str, int | float]] = Field(default_factory=dict)
    by_construction: dict[str, dict[str, int | float]] = Field(default_factory=dict)
    negatives: int | None = None  # negatives checked (None: the set has none)
    negatives_extracted: list[dict] = Field(default_factory=list)


class QuestionResult(BaseModel):
    id: str
    question: str
    answer: str
    abstained: bool
    answerable: bool
    content_ok: bool
    page_ok: bool
    abstention_ok: bool
    correct: bool
    cited_pages: list[int]


class QAScore(BaseModel):
    total: int
    correct: int
    page_correct: int
    abstention_correct: int
    unanswerable: int
    results: list[QuestionResult]


def read_jsonl(path: Path, model):
    return [
        model.model_validate_json(line)
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else (1.0 if not gold else 0.0)
    r = correct / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_figures(predicted: Iterable[Figure], gold: list[GoldFigure]) -> FigureScore:
    """Precision/recall/F1 and page accuracy, overall and by metric and sector."""
    documents = {g.document for g in gold}
    preds = [f for f in predicted if f.document in documents]
    by_key: dict[tuple, list[Figure]] = defaultdict(list)
    for f in preds:
        by_key[f.key].append(f)
    used: set[int] = set()
    correct = page_correct = 0
    constructions: dict[str, dict[str, int]] = {}
    misses: list[dict] = []
    groups: dict[str, dict[str, dict[str, int]]] = {"metric": {}, "sector": {}}

    def tally(g_or_f, field: str) -> None:
        for dim in ("metric", "sector"):
            name = getattr(g_or_f, dim)
            groups[dim].setdefault(
                name, {"gold": 0, "predicted": 0, "correct": 0, "page_correct": 0}
            )
            groups[dim][name][field] += 1

    for g in gold:
        tally(g, "gold")
        cons = constructions.setdefault(g.construction or "-", {"gold": 0, "correct": 0})
        cons["gold"] += 1
        candidates = [f for f in by_key.get(g.key, []) if id(f) not in used]
        hit = next((f for f in candidates if values_equal(f.value, g.value, g.unit)), None)
        if hit is None:
            got = [f.value for f in by_key.get(g.key, [])]
            misses.append({**g.model_dump(exclude={"note"}), "got": got})
            continue
        used.add(id(hit))
        correct += 1
        cons["correct"] += 1
        tally(g, "correct")
        if hit.page == g.page:
            page_correct += 1
            tally(g, "page_correct")
        else:
            misses.append(
                {**g.model_dump(exclude={"note"}), "page_got": hit.page, "problem": "wrong page"}
            )
    extras = [
        f.model_dump(include={"document", "sector", "year", "metric", "value", "page", "quote"})
        for f in preds
        if id(f) not in used
    ]
    for f in preds:
        tally(f, "predicted")
    p, r, f1 = _prf(correct, len(preds), len(gold))

    def summary(counts: dict[str, int]) -> dict[str, float]:
        pp, rr, ff = _prf(counts["correct"], counts["predicted"], counts["gold"])
        return {**counts, "precision": round(pp, 3), "recall": round(rr, 3), "f1": round(ff, 3)}

    return FigureScore(
        gold=len(gold),
        predicted=len(preds),
        correct=correct,
        page_correct=page_correct,
        precision=p,
        recall=r,
        f1=f1,
        page_accuracy=page_correct / correct if correct else 0.0,
        misses=misses,
        extras=extras,
        by_metric={k: summary(v) for k, v in sorted(groups["metric"].items())},
        by_sector={k: summary(v) for k, v in sorted(groups["sector"].items())},
        by_construction={
            k: {**v, "recall": round(v["correct"] / v["gold"], 3)}
            for k, v in sorted(constructions.items())
        }
        if any(g.construction for g in gold)
        else {},
    )


def negatives_extracted(predicted: Iterable[Figure], negatives: list[Negative]) -> list[dict]:
    """Negatives that became a figure anyway: same document, same value, and the same
    occurrence (one quote holds the other), so a right figure with the value of a negative
    elsewhere in the letter ("88%" gold in one sentence, "88" a share in another) is not one."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for f in predicted:
        by_doc[f.document].append(f)
    out = []
    for n in negatives:
        if isinstance(n.value, str):
            try:
                value = float(n.value.replace(" ", "").replace(".", "").replace(",", "."))
            except ValueError:
                continue
        else:
            value = n.value
        where = _folded(n.quote)
        hit = next(
            (
                f
                for f in by_doc.get(n.document, [])
                if abs(f.value - value) < 1e-6
                and (not where or where in _folded(f.quote) or _folded(f.quote) in where)
            ),
            None,
        )
        if hit is not None:
            out.append({**n.model_dump(), "as": f"{hit.sector} {hit.year} {hit.metric}"})
    return out


def _folded(text: str) -> str:
    return normalize_ws(fold(text)).replace("- ", "-")


def numbers_in(text: str) -> set[float]:
    """Every value a number in `text` can stand for, in Dutch or English notation."""
    values: set[float] = set()
    for raw in re.findall(r"\d[\d.,]*\d|\d", text):
        for thousands, decimal in ((".", ","), (",", ".")):
            s = raw.replace(thousands, "").replace(decimal, ".")
            try:
                values.add(float(s))
            except ValueError:
                pass
    return values | word_number_values(text)


def verdict(
    answerable: bool,
    abstained: bool,
    content: bool,
    cited: bool,
) -> tuple[bool, bool, bool, bool]:
    """(content ok, citations ok, abstention ok, correct): an answerable question is right
    when it is answered with the right content and citations; an unanswerable one when the
    tool abstains."""
    if answerable:
        return content and not abstained, cited, not abstained, content and not abstained and cited
    return True, True, abstained, abstained


def judge_answer(q: GoldQuestion, answer: Answer) -> QuestionResult:
    found = numbers_in(answer.answer)
    text = answer.answer.lower()
    numbers_ok = all(any(abs(n - v) < 0.01 for v in found) for n in q.numbers)
    terms_ok = all(t.lower() in text for t in q.terms)
    cited = [c.page for c in answer.citations if q.document is None or c.document == q.document]
    page_ok = not q.pages or any(p in q.pages for p in cited)
    content_ok, page_ok, abstention_ok, correct = verdict(
        q.answerable, answer.abstained, numbers_ok and terms_ok, page_ok
    )
    return QuestionResult(
        id=q.id,
        question=q.question,
        answer=answer.answer,
        abstained=answer.abstained,
        answerable=q.answerable,
        content_ok=content_ok,
        page_ok=page_ok,
        abstention_ok=abstention_ok,
        correct=correct,
        cited_pages=cited,
    )


def score_questions(questions: list[GoldQuestion], ask: Callable[[str], Answer]) -> QAScore:
    results = [judge_answer(q, ask(q.question)) for q in questions]
    return QAScore(
        total=len(results),
        correct=sum(r.correct for r in results),
        page_correct=sum(r.page_ok for r in results if r.answerable),
        abstention_correct=sum(r.abstention_ok for r in results),
        unanswerable=sum(not r.answerable for r in results),
        results=results,
    )


# --- reasoning questions (eval/reasoning/README.md) ---------------------------------------

COMPUTED_TYPES = frozenset(
    {"difference", "change", "sum", "ranking", "met_target", "across_letters"}
)


class Source(BaseModel):
    document: str
    page: int


class ReasoningQuestion(BaseModel):
    id: str
    type: str
    lang: str = "en"
    question: str
    numbers: list[float] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    answerable: bool = True
    note: str = ""


class ReasoningResult(QuestionResult):
    type: str
    citations_ok: bool


class TypeScore(BaseModel):
    total: int = 0
    correct: int = 0
    citations_ok: int = 0
    abstention_ok: int = 0


class ReasoningScore(BaseModel):
    total: int
    correct: int
    citations_ok: int
    abstention_correct: int
    unanswerable: int
    by_type: dict[str, TypeScore]
    results: list[ReasoningResult]


def judge_reasoning(q: ReasoningQuestion, answer: Answer) -> ReasoningResult:
    """Right: every gold number and term in the answer and its citations right — every
    source (document, page) cited for computed types, at least one for the others;
    unanswerable: abstained."""
    found = numbers_in(answer.answer)
    text = answer.answer.lower()
    numbers_ok = all(any(abs(n - v) < 0.01 for v in found) for n in q.numbers)
    terms_ok = all(t.lower() in text for t in q.terms)
    cited = {(c.document, c.page) for c in answer.citations}
    wanted = {(s.document, s.page) for s in q.sources}
    if not wanted:
        cites_ok = True
    elif q.type in COMPUTED_TYPES:
        cites_ok = wanted <= cited
    else:
        cites_ok = bool(wanted & cited)
    content_ok, cites_ok, abstention_ok, correct = verdict(
        q.answerable, answer.abstained, numbers_ok and terms_ok, cites_ok
    )
    return ReasoningResult(
        id=q.id,
        type=q.type,
        question=q.question,
        answer=answer.answer,
        abstained=answer.abstained,
        answerable=q.answerable,
        content_ok=content_ok,
        page_ok=cites_ok,
        citations_ok=cites_ok,
        abstention_ok=abstention_ok,
        correct=correct,
        cited_pages=sorted({c.page for c in answer.citations}),
    )


def score_reasoning(
    questions: list[ReasoningQuestion], ask: Callable[[str], Answer]
) -> ReasoningScore:
    results = [judge_reasoning(q, ask(q.question)) for q in questions]
    by_type: dict[str, TypeScore] = {}
    for r in results:
        s = by_type.setdefault(r.type, TypeScore())
        s.total += 1
        s.correct += r.correct
        s.citations_ok += r.citations_ok and r.answerable
        s.abstention_ok += r.abstention_ok
    return ReasoningScore(
        total=len(results),
        correct=sum(r.correct for r in results),
        citations_ok=sum(r.citations_ok for r in results if r.answerable),
        abstention_correct=sum(r.abstention_ok for r in results),
        unanswerable=sum(not r.answerable for r in results),
        by_type=dict(sorted(by_type.items())),
        results=results,
    )
