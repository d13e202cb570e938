"""Figures read by an LLM, one page at a time, kept only when the page proves them.

The model gets a page's passages and the figure schema and returns records with the quote
each came from. The grounding gate (like LangExtract's resolver, but stricter) keeps a
record only when:
  1. it fits the schema, with a sector and metric from the vocabulary;
  2. its quote stands on that page (exact, else tolerant of whitespace, hyphenation,
     typographic quotes and case), outside any passage that addresses the model;
  3. its value's text is a number inside the quote, with the unit its metric needs;
  4. the quote carries a cue word for its metric (vocab.JOB_CUES/BREAKDOWN_CUES/PCT_CUES),
     and the sector and year are named in the quote, its passage, the passage before,
     its section heading or the document title;
  5. the finished record passes figures.check_figure, as every rule-based record does.
Offsets (char_start/char_end) are where the value stands in the document text, found by
us, never taken from the model. Rejected records are counted by reason, never shown.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import cache

from pydantic import BaseModel, Field, ValidationError

from banen_qa.extract import vocab
from banen_qa.extract.numbers import NumberToken, find_numbers, parse_number
from banen_qa.extract.validate import check_figure, cross_check
from banen_qa.llm.client import ChatModel, LLMUnavailable
from banen_qa.llm.guard import looks_like_instruction
from banen_qa.llm.prompts import render
from banen_qa.models import Figure, ParsedDocument, Passage
from banen_qa.text import find_quote, fold_quotes, normalize_ws, values_equal

log = logging.getLogger("banen_qa.llm")

MAX_RECORDS_PER_PAGE = 30


class LLMRecord(BaseModel):
    """One record as the model returns it (the JSON schema below, in pydantic form)."""

    sector: str
    metric: str
    year: int | None
    quarter: int | None = Field(default=None, ge=1, le=4)
    value_text: str
    quote: str


class LLMExtraction(BaseModel):
    """What the LLM path did for one document: the table, and what the gate held back."""

    document: str
    figures: list[Figure] = Field(default_factory=list)  # rules + kept LLM records, merged
    llm_figures: list[Figure] = Field(default_factory=list)  # kept LLM records only
    proposed: int = 0  # records the model returned
    duplicates: int = 0  # proposed records identical to one already kept
    rejected: dict[str, int] = Field(default_factory=dict)  # reason -> count
    pages_done: list[int] = Field(default_factory=list)
    pages_failed: list[int] = Field(default_factory=list)  # no usable reply after retries
    skipped_passages: list[str] = Field(default_factory=list)  # ids that address the model
    warning: str | None = None  # one line for the user when the LLM could not be used

    @property
    def n_rejected(self) -> int:
        return sum(self.rejected.values())


def figure_schema(max_records: int = MAX_RECORDS_PER_PAGE) -> dict:
    """JSON schema of the model's reply; enums keep sector and metric in the vocabulary."""
    record = {
        "type": "object",
        "properties": {
            "sector": {"type": "string", "enum": list(vocab.SECTORS)},
            "metric": {"type": "string", "enum": list(vocab.METRICS)},
            "year": {"type": ["integer", "null"]},
            "quarter": {"type": ["integer", "null"]},
            "value_text": {"type": "string"},
            "quote": {"type": "string"},
        },
        "required": ["sector", "metric", "year", "quarter", "value_text", "quote"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"figures": {"type": "array", "items": record, "maxItems": max_records}},
        "required": ["figures"],
        "additionalProperties": False,
    }


# --- the gate ------------------------------------------------------------------------------


@cache
def _metric_cues() -> dict[str, re.Pattern[str]]:
    tables = (vocab.JOB_CUES, vocab.BREAKDOWN_CUES, vocab.PCT_CUES)
    return {
        metric: re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)
        for table in tables
        for metric, cues in table.items()
    }


vocab.on_change(_metric_cues.cache_clear)


def _value_token(value_text: str, quote_text: str) -> NumberToken | None:
    """The number in the quote that is the record's value text (same digits, else value)."""
    wanted = value_text.strip()
    try:
        value = parse_number(wanted)
    except ValueError:
        return None
    raw = re.sub(r"\s*(?:%|procent|percent)$", "", wanted, flags=re.IGNORECASE).strip()
    tokens = find_numbers(quote_text)
    exact = [t for t in tokens if t.raw == raw]
    same = [t for t in tokens if abs(t.value - value) < 1e-9]
    found = exact or same
    return found[0] if found else None


class _Page:
    """One page as the model saw it: its passages clipped to the page, minus suspicious ones."""

    def __init__(self, doc: ParsedDocument, passages: list[Passage], page: int) -> None:
        self.number = page
        self.spans = [(s.char_start, s.char_end) for s in doc.page_spans if s.page == page]
        self.parts: list[tuple[Passage, int, int]] = []  # passage, clipped start, end
        self.suspicious: list[Passage] = []
        self.all_passages = [p for p in passages if p.kind != "footnote"]
        for p in passages:
            if p.kind == "footnote" or doc.text[p.char_start : p.char_end] != p.text:
                continue  # footnotes stand outside the body text: no offsets to cite
            for a, b in self.spans:
                start, end = max(a, p.char_start), min(b, p.char_end)
                if start < end and doc.text[start:end].strip():
                    if looks_like_instruction(p.text):
                        self.suspicious.append(p)
                    else:
                        self.parts.append((p, start, end))

    def context_of(self, passage: Passage) -> list[str]:
        """Where a record's sector and year may be named: its passage, the one before it
        (a sentence often continues the previous paragraph's subject), its section."""
        i = self.all_passages.index(passage)
        before = self.all_passages[i - 1].text if i > 0 else ""
        return [passage.text, before, passage.section]

    def prompt_text(self, doc: ParsedDocument) -> str:
        blocks = []
        for p, start, end in self.parts:
            head = f"[{p.section}]\n" if p.section else ""
            blocks.append(head + doc.text[start:end].strip())
        return "\n\n".join(blocks)


def _gate(record: object, doc: ParsedDocument, page: _Page) -> Figure | str:
    """A Figure when the record is grounded on the page, else the reason it is not."""
    try:
        rec = LLMRecord.model_validate(record)
    except ValidationError:
        return "schema"
    if rec.sector not in vocab.SECTORS:
        return "unknown_sector"
    if rec.metric not in vocab.METRICS:
        return "unknown_metric"
    found = next(
        (
            (p, span)
            for p, start, end in page.parts
            if (span := find_quote(rec.quote, doc.text[start:end], start))
        ),
        None,
    )
    if found is None:
        if any(find_quote(rec.quote, p.text) for p in page.suspicious):
            return "suspicious_source"
        return "quote_not_on_page"
    passage, (q_start, q_end) = found
    quote_text = doc.text[q_start:q_end]
    tok = _value_token(rec.value_text, quote_text)
    if tok is None:
        return "value_not_in_quote"
    unit = vocab.UNITS_BY_METRIC[rec.metric]
    if (unit == "pct") != tok.is_pct:
        return "unit_mismatch"
    folded = normalize_ws(fold_quotes(quote_text))
    if not _metric_cues()[rec.metric].search(folded):
        return "metric_not_in_quote"
    context = " ".join([quote_text, *page.context_of(passage), doc.title or ""])
    if rec.sector not in {s for s, _, _ in vocab.find_sectors(context)}:
        return "sector_not_in_source"
    if rec.year is not None and str(rec.year) not in context and rec.year != doc.year:
        return "year_not_in_source"
    fig = Figure(
        document=doc.document,
        sector=rec.sector,
        year=rec.year,
        quarter=rec.quarter,
        metric=rec.metric,
        value=tok.value,
        unit=unit,
        page=page.number,
        char_start=q_start + tok.start,
        char_end=q_start + tok.end,
        quote=normalize_ws(quote_text),
        extractor="llm",
    )
    if check_figure(fig, doc):
        return "check_figure"
    return fig


# --- the pipeline --------------------------------------------------------------------------


def extract_llm_figures(
    doc: ParsedDocument,
    passages: list[Passage],
    client: ChatModel,
    *,
    pages: set[int] | None = None,
    max_records: int = MAX_RECORDS_PER_PAGE,
) -> LLMExtraction:
    """Ask the model page by page; keep only records that pass the gate.

    A page whose replies stay unusable after the client's retries is listed in
    `pages_failed`; when the server cannot be reached at all the rest is skipped and
    `warning` says so. Never raises for LLM trouble.
    """
    result = LLMExtraction(document=doc.document)
    rejected: Counter[str] = Counter()
    sectors = "\n".join(f"- {s}: {', '.join(a[:4])}" for s, a in vocab.SECTORS.items())
    metrics = "\n".join(f"- {m}: {d}" for m, d in vocab.METRICS.items())
    seen: set[tuple] = set()
    for number in sorted({s.page for s in doc.page_spans}):
        if pages is not None and number not in pages:
            continue
        page = _Page(doc, passages, number)
        result.skipped_passages += [
            p.id for p in page.suspicious if p.id not in result.skipped_passages
        ]
        text = page.prompt_text(doc)
        if not text.strip():
            continue
        messages = render(
            "extract",
            sectors=sectors,
            metrics=metrics,
            document=doc.document,
            page=number,
            passages=text,
        )
        try:
            reply = client.complete_json(
                messages, schema=figure_schema(max_records), name="figures"
            )
        except LLMUnavailable as exc:
            if exc.transport:
                result.warning = f"LLM extraction stopped, rules only from page {number}: {exc}"
                break
            result.pages_failed.append(number)
            continue
        result.pages_done.append(number)
        records = reply.get("figures")
        if not isinstance(records, list):
            rejected["schema"] += 1
            continue
        result.proposed += len(records)
        for record in records:
            outcome = _gate(record, doc, page)
            if isinstance(outcome, str):
                rejected[outcome] += 1
                continue
            key = (outcome.key, outcome.quarter, outcome.value, outcome.char_start)
            if key in seen:  # the same record twice is one record
                result.duplicates += 1
            else:
                seen.add(key)
                result.llm_figures.append(outcome)
    result.rejected = dict(rejected)
    if result.n_rejected:
        log.info(
            "%s: gate rejected %d of %d LLM records: %s",
            doc.document,
            result.n_rejected,
            result.proposed,
            result.rejected,
        )
    return result


def _flag(fig: Figure, flag: str) -> Figure:
    if flag in fig.flags:
        return fig
    return fig.model_copy(update={"flags": sorted([*fig.flags, flag])})


def merge_figures(rules: list[Figure], llm: list[Figure]) -> list[Figure]:
    """One table: rule records, plus LLM records for keys the rules lack.

    An LLM record that repeats a rule record (same key, quarter and value) is dropped;
    one that gives another value is kept, and both carry the flag "llm_disagrees".
    """
    merged = list(rules)
    for fig in llm:
        same_key = [
            i
            for i, r in enumerate(merged)
            if r.extractor != "llm" and (r.key, r.quarter) == (fig.key, fig.quarter)
        ]
        if any(values_equal(merged[i].value, fig.value, fig.unit) for i in same_key):
            continue
        if same_key:
            for i in same_key:
                merged[i] = _flag(merged[i], "llm_disagrees")
            fig = _flag(fig, "llm_disagrees")
        merged.append(fig)
    return cross_check(merged)


def extract_with_llm(
    doc: ParsedDocument,
    passages: list[Passage],
    rule_figures: list[Figure],
    client: ChatModel | None,
    *,
    pages: set[int] | None = None,
    max_records: int = MAX_RECORDS_PER_PAGE,
) -> LLMExtraction:
    """The figures table of one document through the LLM path (rules when client is None)."""
    if client is None:
        return LLMExtraction(document=doc.document, figures=list(rule_figures))
    result = extract_llm_figures(doc, passages, client, pages=pages, max_records=max_records)
    result.figures = merge_figures(rule_figures, result.llm_figures)
    return result
