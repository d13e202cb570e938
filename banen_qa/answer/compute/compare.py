"""Comparisons of one sector's figures: two sectors or two documents in one year (difference),
two years or quarters (change), a run of years (trend), and the figure each letter gives
(across). They share the one sentence that states a change with its arithmetic."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from banen_qa.answer.compose import Builder
from banen_qa.answer.operations import Operation
from banen_qa.answer.table import Table, years_asked
from banen_qa.answer.wording import num, ref, t, target_word, when
from banen_qa.extract.vocab import METRIC, sector_label
from banen_qa.models import Figure


def _between_documents(op: Operation, table: Table, b: Builder) -> bool:
    """One sector-year's figure as two named documents give it, and how far apart they are:
    each from its own document (the first that holds it), the documents in the question's
    order."""
    lang, sector = b.lang, op.sectors[0]
    for year in op.years or years_asked(op, table, op.metric):
        found = [
            next((f for d in group if (f := table.point(d, sector, year, None, op.metric))), None)
            for group in op.scope.named[:2]
        ]
        fa, fb = found
        if fa is None or fb is None or fa.document == fb.document:
            continue
        hi, lo = (fa, fb) if fa.value >= fb.value else (fb, fa)
        d, expr = b.compute("difference", hi.value, lo.value)
        unit = "%" if fa.unit == "pct" else ""
        b.lines.append(
            t(
                "between",
                lang,
                a=ref(fa, b.letters),
                va=f"{num(fa.value, lang)}{unit}",
                b=ref(fb, b.letters),
                vb=f"{num(fb.value, lang)}{unit}",
                hi=ref(hi, b.letters),
                d=num(d, lang),
                expr=expr,
            )
        )
        b.use(fa, fb)
        return True
    return False


def difference(op: Operation, table: Table, b: Builder) -> bool:
    """Two sectors' figures, or a sector's count against its target, in one year: from each
    letter that holds both, else each from the letter that reports it (a market count in one
    news item, the government's in another)."""
    if op.between_documents:
        return _between_documents(op, table, b)
    years = years_asked(op, table, op.metric)
    done = False
    for doc in table.documents():  # each letter that holds both: its first year asked
        in_letter = partial(_in_letter, table, doc)
        done = any(_difference_line(op, b, y, in_letter) for y in years) or done
    return done or any(_difference_line(op, b, y, table.best) for y in years)


def _in_letter(table: Table, doc: str, sector: str, year: int, metric: str) -> Figure | None:
    """A letter's figure; a count may be the year's fourth-quarter stand."""
    if metric == "realised_jobs":
        return table.at_end(doc, sector, year, metric)
    return table.get(doc, sector, year, metric)


def _difference_line(
    op: Operation, b: Builder, year: int, lookup: Callable[[str, int, str], Figure | None]
) -> bool:
    """The difference of the two figures `lookup` (sector, year, metric) finds, with its
    arithmetic; False when one is missing."""
    lang = b.lang
    if len(op.sectors) >= 2:
        fa, fb = (lookup(s, year, op.metric) for s in op.sectors[:2])
        if not (fa and fb):
            return False
        hi, lo = (fa, fb) if fa.value >= fb.value else (fb, fa)
        d, expr = b.compute("difference", hi.value, lo.value)
        unit = "%" if op.metric == "realisation_pct" else ("banen" if lang == "nl" else "jobs")
        b.lines.append(
            t(
                "more",
                lang,
                a=sector_label(hi.sector, lang),
                b=sector_label(lo.sector, lang),
                year=year,
                d=num(d, lang),
                unit=unit,
                expr=expr,
            )
        )
        b.use(fa, fb)
        return True
    sector = op.sectors[0]
    real, goal = lookup(sector, year, "realised_jobs"), lookup(sector, year, "target_jobs")
    if not (real and goal):
        return False
    key = "exceeded" if real.value >= goal.value else "short"
    hi, lo = (real, goal) if key == "exceeded" else (goal, real)
    d, expr = b.compute("difference", hi.value, lo.value)
    b.lines.append(
        t(
            key,
            lang,
            name=sector_label(sector, lang),
            year=year,
            d=num(d, lang),
            expr=expr,
            target=target_word(lang, [goal]),
        )
    )
    b.use(real, goal)
    return True


def _change_periods(op: Operation, table: Table, b: Builder) -> bool:
    """A change between quarters (or a quarter and a year's end): both counts from one
    letter where one holds both, else each from the letter that reports it."""
    p0, p1 = op.periods[0], op.periods[-1]
    sector = op.sectors[0]
    every = table.documents_with_quarters()
    docs = [d for d in every if table.scoped is None or d in table.scoped]
    pairs = [
        (f0, f1)
        for doc in docs
        if (f0 := table.at(doc, sector, p0, op.metric))
        and (f1 := table.at(doc, sector, p1, op.metric))
        and f0 is not f1
    ]
    if not pairs:  # each point from the letter that reports it: the named ones first, and
        # a letter not named only for the one point the named letters lack
        f0 = next((f for d in docs if (f := table.at(d, sector, p0, op.metric))), None)
        f1 = next((f for d in docs if (f := table.at(d, sector, p1, op.metric))), None)
        if (f0 is None) != (f1 is None):
            f0 = f0 or next((f for d in every if (f := table.at(d, sector, p0, op.metric))), None)
            f1 = f1 or next((f for d in every if (f := table.at(d, sector, p1, op.metric))), None)
        if f0 is None or f1 is None or f0 is f1:
            return False
        pairs = [(f0, f1)]
    for f0, f1 in pairs[:1]:
        _change_line(b, op, sector, f0, f1)
    return True


def change(op: Operation, table: Table, b: Builder) -> bool:
    if op.periods:
        return _change_periods(op, table, b)
    y0, y1 = op.years[0], op.years[-1]
    done = False
    for sector in op.sectors[:1]:
        pairs = []
        for doc in table.documents():
            f0, f1 = table.get(doc, sector, y0, op.metric), table.get(doc, sector, y1, op.metric)
            if f0 and f1:
                pairs.append((f0, f1))
        if not pairs:  # across letters: each year from the letter that reports on it
            f0, f1 = table.best(sector, y0, op.metric), table.best(sector, y1, op.metric)
            if f0 and f1:
                pairs.append((f0, f1))
        for f0, f1 in pairs:
            _change_line(b, op, sector, f0, f1)
            done = True
    return done


def _change_line(b: Builder, op: Operation, sector: str, f0: Figure, f1: Figure) -> None:
    lang = b.lang
    pct = op.metric == "realisation_pct"
    unit = (
        ("procentpunt" if lang == "nl" else "percentage points")
        if pct
        else ("banen" if lang == "nl" else "jobs")
    )
    up = f1.value >= f0.value
    hi, lo = (f1, f0) if up else (f0, f1)
    d, expr = b.compute("difference", hi.value, lo.value)
    if len({f0.document, f1.document}) > 1 or len(b.lines) > 0:
        if f0.document == f1.document:
            b.lines.append(t("per_letter", lang, letter=ref(f1, b.letters)).strip())
    b.lines.append(
        t(
            "up" if up else "down",
            lang,
            name=sector_label(sector, lang),
            y0=when(f0, lang),
            y1=when(f1, lang),
            d=num(d, lang),
            unit=unit,
            v0=num(f0.value, lang),
            v1=num(f1.value, lang),
            expr=expr,
        )
    )
    b.use(f0, f1)


def trend(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    # "2018 tot en met 2021": every year between; "2018, 2020 en 2021": the years named
    years = list(range(op.years[0], op.years[-1] + 1)) if len(op.years) == 2 else op.years
    sector = op.sectors[0]
    figs = [table.best(sector, y, op.metric, end_first=op.year_end) for y in years]
    got = [f for f in figs if f]
    if len(got) < 2:
        return False
    unit = "%" if op.metric == "realisation_pct" else ""
    items = ", ".join(f"{f.year}: {num(f.value, lang)}{unit} {ref(f, b.letters)}" for f in got)
    what = METRIC[op.metric].names[0 if lang == "nl" else 1]
    b.lines.append(t("trend", lang, name=sector_label(sector, lang), what=what, items=items))
    for f0, f1 in zip(got, got[1:], strict=False):
        _change_line(b, op, sector, f0, f1)
    if len(got) > 2:
        _change_line(b, op, sector, got[0], got[-1])
    b.use(*got)
    return True


def across(op: Operation, table: Table, b: Builder) -> bool:
    """What each letter gives for one sector-year: a count or target with the other and the
    percentage beside it ("compare the 2017 target and outcome in A with B"), as letters that
    disagree on one often disagree on the other; any other metric on its own."""
    lang = b.lang
    sector = op.sectors[0]
    jobs = ["realised_jobs", "target_jobs", "realisation_pct"]
    metrics = (
        [op.metric, *(m for m in jobs if m != op.metric)]
        if op.metric in ("realised_jobs", "target_jobs")
        else [op.metric]
    )
    for year in years_asked(op, table, op.metric)[:1] if op.years else []:
        for metric in metrics:
            for doc in table.documents():
                f = table.get(doc, sector, year, metric)
                if f:
                    what = METRIC[metric].names[0 if lang == "nl" else 1]
                    b.lines.append(
                        t("per_letter", lang, letter=ref(f, b.letters))
                        + f"{what} {num(f.value, lang)}"
                        + ("%" if f.unit == "pct" else "")
                        + "."
                    )
                    b.use(f)
    return bool(b.used)
