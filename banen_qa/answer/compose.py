"""An operation's answer put together: its sentences, every figure it used, each computed
number with its operands (so the number gate can recompute it), the citations and, where
letters disagree, a note saying so. `answer/__init__` uses the citations and the note for
the other kinds of answer as well."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from banen_qa.answer.letters import Letter, figure_context, letter_of
from banen_qa.answer.wording import describe, num, ref, t
from banen_qa.models import Answer, Citation, Computed, Figure
from banen_qa.text import Lang

MINUS = "\u2212"


class Builder:
    """Collects sentences, used figures and computed numbers into one Answer."""

    def __init__(self, question: str, lang: Lang, letters: Sequence[Letter]):
        self.question, self.lang, self.letters = question, lang, letters
        self.lines: list[str] = []
        self.used: list[Figure] = []
        self.computed: list[Computed] = []

    def use(self, *figs: Figure) -> None:
        for f in figs:
            if f not in self.used:
                self.used.append(f)

    def compute(
        self,
        op: Literal["difference", "sum", "ratio"],
        a: float,
        b: float | None = None,
        terms: Sequence[float] = (),
    ) -> tuple[float, str]:
        lang = self.lang
        if op == "ratio" and b:
            value = round(a / b * 100, 1)
            expr = f"{num(a, lang)} / {num(b, lang)} = {num(value, lang)}%"
            self.computed.append(Computed(value=value, expression=expr, op=op, inputs=[a, b]))
            return value, expr
        if op == "difference" and b is not None:
            value = round(a - b, 2)
            expr = f"{num(a, lang)} {MINUS} {num(b, lang)} = {num(value, lang)}"
            inputs = [a, b]
        else:
            inputs = list(terms)
            value = round(sum(inputs), 2)
            expr = " + ".join(num(v, lang) for v in inputs) + f" = {num(value, lang)}"
            op = "sum"
        self.computed.append(Computed(value=value, expression=expr, op=op, inputs=inputs))
        return value, expr

    def answer(self) -> Answer:
        lang = self.lang
        used = self.used
        text = " ".join(line[:1].upper() + line[1:] for line in self.lines)
        text += (
            " " + t("used", lang) + "; ".join(describe(f, lang, self.letters) for f in used) + "."
        )
        conflict = conflict_note(used, lang, self.letters)
        if conflict:
            text += " " + conflict
        return Answer(
            question=self.question,
            answer=text,
            abstained=False,
            language=lang,
            citations=citations_for(used, self.letters),
            figures=used,
            computed=self.computed,
        )


def citations_for(used: Sequence[Figure], letters: Sequence[Letter]) -> list[Citation]:
    """Each figure's whole sentence (every page it stands on) and the footnotes it calls."""
    out: dict[tuple[str, int, str], Citation] = {}
    for f in used:
        sentence, notes = figure_context(letters, f)
        letter = letter_of(letters, f.document)
        own = Citation(
            document=f.document,
            page=f.page,
            quote=f.quote,
            title=letter.title if letter else None,
            date=letter.date if letter else None,
        )
        if not sentence or not any(c.page == f.page and f.quote in c.quote for c in sentence):
            sentence = [own]
        for c in [*sentence, *notes]:
            out.setdefault((c.document, c.page, c.quote), c)
    return list(out.values())


def conflict_note(used: Sequence[Figure], lang: Lang, letters: Sequence[Letter]) -> str:
    """Where a used figure is flagged `conflict` and another used figure of the same key has
    another value: both values with their letters, and which letter is newer."""
    groups: dict[tuple, list[Figure]] = {}
    for f in used:
        groups.setdefault((f.sector, f.year, f.quarter, f.metric), []).append(f)
    notes = []
    for figs in groups.values():
        if len({f.value for f in figs}) < 2:
            continue
        ranked = sorted(figs, key=lambda f: _sort_key(letters, f.document), reverse=True)
        items = "; ".join(f"{num(f.value, lang)} {ref(f, letters)}" for f in ranked)
        dated = [letter_of(letters, f.document) for f in ranked]
        if all(d is not None and d.date for d in dated):
            newest = ref(ranked[0], letters)
        else:  # a letter without a known date: newer by the year it reports on, if it differs
            years = {d.year if d else None for d in dated}
            newest = (
                ref(ranked[0], letters)
                if len(years) == len(dated)
                else (
                    "onbekend (datum ontbreekt)" if lang == "nl" else "unknown (a date is missing)"
                )
            )
        notes.append(t("conflict", lang, items=items, newest=newest))
    return " ".join(notes)


def _sort_key(letters: Sequence[Letter], doc: str) -> tuple[str, int]:
    letter = letter_of(letters, doc)
    return letter.sort_key if letter else ("", 0)
