"""Operations over many sectors at once: a sum (of sectors, or of the parts of one count),
a ranking (by a figure, by its growth, or by a measure computed from realised and target)
and a filter (the sectors short of their target, or past a threshold)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from banen_qa.answer.compose import Builder
from banen_qa.answer.operations import EDUCATION, PARTS_OF_TOTAL, Operation
from banen_qa.answer.table import AGGREGATES, Table, sector_rows, years_asked
from banen_qa.answer.wording import TEXT, num, t, target_word, when
from banen_qa.extract.vocab import METRIC, sector_label
from banen_qa.models import Figure
from banen_qa.text import Lang

# (nl, en) the comparison of a threshold filter, above and below
COMPARE = {False: ("boven", "above"), True: ("onder", "below")}


def _sum_parts(op: Operation, table: Table, b: Builder) -> bool:
    """The breakdowns of one count added up ("regular and agency contracts combined"), all
    from one document and one point in time (a named quarter, else the year's end). A part
    the document gives only for another sector (agency jobs not split by sector) is taken
    when it is the document's only figure of that part at that point; so is one the document
    gives with no quarter, after a part read at the asked quarter (a quarterly report whose
    second part leans on the first's period: "Daarnaast telde UWV ...")."""
    lang = b.lang
    quarter = op.periods[0][1] if op.periods else None
    years = [op.periods[0][0]] if op.periods else op.years
    for doc in table.documents_with_quarters():
        if table.scoped is not None and doc not in table.scoped:
            continue
        for year in years or table.years("realised_jobs", []):
            got: list[Figure] = []
            for part in op.parts:
                f = next(
                    (f for s in op.sectors if (f := table.point(doc, s, year, quarter, part))),
                    None,
                )
                if f is None:
                    others = [
                        g
                        for g in [*table.figures, *table.quarterly]
                        if (g.document, g.year, g.metric) == (doc, year, part)
                        and g.quarter in (quarter or g.quarter, None if got else -1)
                    ]
                    f = others[0] if len({(g.sector, g.value) for g in others}) == 1 else None
                if f is None:
                    break
                got.append(f)
            if len(got) < len(op.parts):
                continue
            total, expr = b.compute("sum", 0, terms=[f.value for f in got])
            shown = "; ".join(
                f"{METRIC[f.metric].names[lang == 'en']} ({sector_label(f.sector, lang)}, "
                f"{when(f, lang)}): {num(f.value, lang)}"
                for f in got
            )
            b.lines.append(t("parts", lang, items=shown, d=num(total, lang), expr=expr))
            b.use(*got)
            return True
    return False


def sum_figures(op: Operation, table: Table, b: Builder) -> bool:
    """The named sectors' figures of a year added up: all from one letter where one holds
    them all, else each from the letter that reports it; no sector named, a letter's rows."""
    lang = b.lang
    if op.parts:
        return _sum_parts(op, table, b)
    if op.or_target and op.metric == "realised_jobs" and not _has_realised(op, table):
        # "het totaal voor 2026": no count of the year yet, so the targets set for it
        op = replace(op, metric="target_jobs")
    for doc in table.documents():
        for year in years_asked(op, table, op.metric):
            figs: list[Figure]
            if op.sectors:
                found = [table.get(doc, s, year, op.metric) for s in op.sectors]
                figs = [f for f in found if f is not None]
                if len(figs) < len(found):
                    continue
            else:
                figs = sorted(
                    (
                        f
                        for f in table.figures
                        if f.document == doc
                        and f.year == year
                        and f.metric == op.metric
                        and f.sector not in ("totaal", "overheid")
                    ),
                    key=lambda f: f.char_start,
                )
                if len(figs) < 2:
                    continue
            got = [f for f in figs if f]
            whole = table.get(doc, "totaal", year, op.metric)
            if whole and set(op.sectors) == set(PARTS_OF_TOTAL):  # "markt en overheid samen"
                b.lines.append(t("total", lang, year=year, v=num(whole.value, lang)))
                b.use(whole)
            _sum_line(b, got, year)
            return True
    for year in years_asked(op, table, op.metric) if op.sectors else []:
        # no letter holds every named sector: each from the letter that reports it
        found = [table.best(s, year, op.metric) for s in op.sectors]
        figs = [f for f in found if f is not None]
        if len(figs) == len(found) and len({f.document for f in figs}) > 1:
            _sum_line(b, figs, year)
            return True
    return False


def _has_realised(op: Operation, table: Table) -> bool:
    """Whether the table holds a realised count of the named sectors in a year asked."""
    return any(
        f.metric == "realised_jobs"
        and f.year in op.years
        and (not op.sectors or f.sector in op.sectors)
        for f in table.figures
    )


def _sum_line(b: Builder, figs: Sequence[Figure], year: int) -> None:
    total, expr = b.compute("sum", 0, terms=[f.value for f in figs])
    unit = "banen" if b.lang == "nl" else "jobs"
    b.lines.append(t("sum", b.lang, d=num(total, b.lang), unit=unit, year=year, expr=expr))
    b.use(*figs)


# (nl, en) what a computed ranking ranks, and its words for first and last
MEASURE_WORDS = {
    "shortfall": (("tekort op het doel", "shortfall against the target"), ("grootste", "largest")),
    "margin": (("marge boven het doel", "margin above the target"), ("grootste", "largest")),
    "closeness": (("dichtst bij het doel", "closest to the target"), ("", "")),
    "ratio": (
        ("deel van het doel gerealiseerd", "share of the target realised"),
        ("hoogste", "highest"),
    ),
}


MEASURE_LOW = {
    "shortfall": ("kleinste", "smallest"),
    "margin": ("kleinste", "smallest"),
    "closeness": ("", ""),
    "ratio": ("laagste", "lowest"),
}


CLOSENESS_WORDS = {
    False: ("kwam het dichtst bij het doel", "came closest to the target"),
    True: ("bleef het verst van het doel", "stayed furthest from the target"),
}


def _realised_and_target(
    table: Table, sector: str, year: int, docs: Sequence[str], measure: str = ""
) -> tuple[Figure, Figure | None] | None:
    """A sector-year's realised count and target from one letter: the first of `docs` that
    holds both. For the share of the target realised, a letter that gives only the
    percentage gives that (figure, None)."""
    for doc in docs:
        real = table.at_end(doc, sector, year, "realised_jobs")
        goal = table.get(doc, sector, year, "target_jobs")
        if real and goal:
            return real, goal
    if measure == "ratio":
        pct = next((f for d in docs if (f := table.get(d, sector, year, "realisation_pct"))), None)
        if pct:
            return pct, None
    return None


def _rank_measured(op: Operation, table: Table, b: Builder) -> bool:
    """A ranking of sectors (or of one sector's named years) by a figure computed from
    realised and target: the shortfall, the margin, or how near to 100% of the target. Each
    row shows its arithmetic and cites both figures; every row compared is cited."""
    lang = b.lang
    # (label, realised, target) or, measure "value", (label, figure, None)
    rows: list[tuple[str, Figure, Figure | None]] = []
    if op.over_years:
        sector = op.sectors[0]
        # "zet de drie doelen op volgorde": no year named, every year the table holds
        for year in op.years or table.years(op.metric, [sector]):
            docs = sorted(table.documents(), key=lambda d: table.reports_on(d) != year)
            if op.measure == "value":
                f = table.best(sector, year, op.metric)
                if f:
                    rows.append((str(year), f, None))
            elif pair := _realised_and_target(table, sector, year, docs, op.measure):
                rows.append((str(year), *pair))
    else:
        for doc in table.documents():
            for year in years_asked(op, table, "realised_jobs")[:3]:
                sectors = (
                    op.sectors
                    or [s for s in sector_rows(op, table, doc, year) if s not in AGGREGATES]
                    or list(PARTS_OF_TOTAL)
                )
                found = [
                    (sector_label(s, lang), *pair)
                    for s in sectors
                    if (pair := _realised_and_target(table, s, year, [doc], op.measure))
                ]
                if len(found) > len(rows):
                    rows = list(found)
    if len(rows) < 2:
        return False
    scored: list[tuple[float, str, str, list[Figure]]] = []
    for label, f, goal in rows:
        if goal is None:
            unit = "%" if f.unit == "pct" else ""
            scored.append((f.value, label, num(f.value, lang) + unit, [f]))
        elif op.measure == "ratio":
            pct, expr = b.compute("ratio", f.value, goal.value)
            scored.append((pct, label, expr, [f, goal]))
        elif op.measure == "closeness":
            pct, expr = b.compute("ratio", f.value, goal.value)
            scored.append((-abs(100 - pct), label, expr, [f, goal]))
        else:
            over = f.value >= goal.value
            hi, lo = (f, goal) if over else (goal, f)
            d, expr = b.compute("difference", hi.value, lo.value)
            gap = d if over else -d  # the margin above the target; negative when short
            scored.append((gap if op.measure == "margin" else -gap, label, expr, [f, goal]))
    scored.sort(key=lambda r: r[0], reverse=not op.low)
    top = scored[0]
    en = lang == "en"
    if op.measure == "closeness":
        b.lines.append(f"{top[1]} {CLOSENESS_WORDS[op.low][en]} ({top[2]}).")
    else:
        which = (MEASURE_LOW if op.low else {k: v[1] for k, v in MEASURE_WORDS.items()}).get(
            op.measure, ("laagste", "lowest") if op.low else ("hoogste", "highest")
        )[en]
        what = (
            MEASURE_WORDS[op.measure][0][en]
            if op.measure in MEASURE_WORDS
            else METRIC[op.metric].names[en]
        )
        b.lines.append(t("top_measure", lang, name=top[1], which=which, what=what, v=top[2]))
    per = ("jaar", "year") if op.over_years else ("sector", "sector")
    items = "; ".join(f"{label}: {expr}" for _, label, expr, _ in scored)
    b.lines.append(t("measured", lang, per=per[en], items=items))
    for _, _, _, figs in scored:
        b.use(*figs)
    return True


def ranking(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    if op.measure != "value" or op.over_years:
        return _rank_measured(op, table, b)
    best_doc: str | None = None
    best_set: list[Figure] = []
    for doc in table.documents():
        for year in years_asked(op, table, op.metric)[:3] if not op.by_change else [op.years[-1]]:
            figs = [
                f
                for f in table.figures
                if f.document == doc
                and f.year == year
                and f.metric == op.metric
                # the aggregates are no sector of a ranking, unless the question names them
                and (f.sector in op.sectors or f.sector not in AGGREGATES)
            ]
            if op.sectors:
                figs = [f for f in figs if f.sector in op.sectors]
            if op.education:
                figs = [f for f in figs if f.sector in EDUCATION]
            if not op.sectors and not op.education and len({f.sector for f in figs}) < 2:
                # a letter on the market and the government only: those two are its sectors
                figs = [
                    f
                    for f in table.figures
                    if (f.document, f.year, f.metric) == (doc, year, op.metric)
                    and f.sector in PARTS_OF_TOTAL
                ]
            one = {f.sector: f for f in sorted(figs, key=lambda f: -len(f.flags))}
            if len(one) > len(best_set):
                best_doc, best_set = doc, list(one.values())
    if best_doc is None or len(best_set) < 2:
        return False
    ranked_year = best_set[0].year
    which_nl = "laagste" if op.low else "hoogste"
    what = METRIC[op.metric].names[0 if lang == "nl" else 1]
    if op.by_change:
        y0 = op.years[0]
        growth = []
        for f1 in best_set:
            f0 = table.get(best_doc, f1.sector, y0, op.metric)
            if f0:
                growth.append((f1.value - f0.value, f0, f1))
        if len(growth) < 2:
            return False
        growth.sort(key=lambda g: g[0], reverse=not op.low)
        _, f0, f1 = growth[0]
        d, expr = b.compute("difference", f1.value, f0.value)
        which = (
            ("minst" if op.low else "sterkst") if lang == "nl" else ("least" if op.low else "most")
        )
        b.lines.append(
            t(
                "top_change",
                lang,
                name=sector_label(f1.sector, lang),
                y0=y0,
                y1=f1.year,
                d=num(d, lang),
                expr=expr,
                which=which,
            )
        )
        for _, g0, g1 in growth:
            b.use(g0, g1)
        return True
    ranked = sorted(best_set, key=lambda f: f.value, reverse=not op.low)
    top = ranked[0]
    unit = "%" if top.unit == "pct" else ""
    which = which_nl if lang == "nl" else ("lowest" if op.low else "highest")
    if op.rank_all:
        order = " > ".join(
            f"{sector_label(f.sector, lang)} ({num(f.value, lang)}{unit})" for f in ranked
        )
        b.lines.append(t("order", lang, year=ranked_year, order=order))
    else:
        b.lines.append(
            t(
                "top",
                lang,
                name=sector_label(top.sector, lang),
                year=ranked_year,
                which=which,
                what=what,
                v=f"{num(top.value, lang)}{unit}",
            )
        )
    b.use(*sorted(best_set, key=lambda f: (f.page, f.char_start)))
    return True


def filter_rows(op: Operation, table: Table, b: Builder) -> bool:
    """ "Which sectors fell short of / met their quota": every sector row of one letter's
    table for the year, split by realised < target (else the percentage < 100); the asked
    side first, then the others, each with its figures."""
    lang = b.lang
    docs = table.documents()
    if op.years:  # the letter that reports on the asked year first
        docs = sorted(docs, key=lambda d: table.reports_on(d) != op.years[0])
    if op.threshold is not None:
        return _threshold_filter(op, table, b, docs)
    for doc in docs:
        for year in years_asked(op, table, "realised_jobs"):
            rows: list[tuple[bool, str, list[Figure]]] = []
            for sector in sector_rows(op, table, doc, year):
                real = table.get(doc, sector, year, "realised_jobs")
                goal = table.get(doc, sector, year, "target_jobs")
                pct = table.get(doc, sector, year, "realisation_pct")
                if real and goal:
                    short = real.value < goal.value
                    shown = f"{num(real.value, lang)} / {num(goal.value, lang)}"
                    if pct:
                        shown += f"; {num(pct.value, lang)}%"
                elif pct:
                    short = pct.value < 100
                    shown = f"{num(pct.value, lang)}%"
                else:
                    continue
                figs = [f for f in (real, goal, pct) if f]
                rows.append((short, f"{sector_label(sector, lang)} ({shown})", figs))
            if len(rows) < 2:
                continue
            target = target_word(lang, [f for _, _, figs in rows for f in figs])
            none = TEXT["none"][lang == "en"]
            below = "; ".join(text for short, text, _ in rows if short) or none
            above = "; ".join(text for short, text, _ in rows if not short) or none
            parts = [
                t("below", lang, year=year, target=target, items=below),
                t("above", lang, year=year, target=target, items=above),
            ]
            b.lines += parts if op.low else parts[::-1]
            for _, _, figs in rows:
                b.use(*figs)
            return True
    return False


def _threshold_filter(op: Operation, table: Table, b: Builder, docs: Sequence[str]) -> bool:
    """ "Which sectors realised more than 1,000 jobs": each sector's figure of the metric in
    one letter for the year, those past the threshold first, then the others; every figure
    weighed is cited."""
    lang, threshold = b.lang, op.threshold
    if threshold is None:
        return False
    unit = "%" if op.metric == "realisation_pct" else ""
    for doc in docs:
        for year in years_asked(op, table, op.metric):
            figs = [table.get(doc, s, year, op.metric) for s in sector_rows(op, table, doc, year)]
            rows = [f for f in figs if f is not None]
            if len(rows) < 2:
                continue
            passes = [f for f in rows if (f.value < threshold if op.low else f.value > threshold)]
            what = METRIC[op.metric].names[0 if lang == "nl" else 1]
            b.lines.append(
                t(
                    "passes",
                    lang,
                    what=what,
                    cmp=COMPARE[op.low][lang == "en"],
                    v=f"{num(threshold, lang)}{unit}",
                    year=year,
                    items=_items(passes, lang),
                )
            )
            b.lines.append(
                t("fails", lang, items=_items([f for f in rows if f not in passes], lang))
            )
            b.use(*rows)
            return True
    return False


def _items(figs: Sequence[Figure], lang: Lang) -> str:
    """ "municipalities (3,795); water boards (109.3%)", or "none"."""
    shown = [
        f"{sector_label(f.sector, lang)} ({num(f.value, lang)}{'%' if f.unit == 'pct' else ''})"
        for f in figs
    ]
    return "; ".join(shown) or TEXT["none"][lang == "en"]
