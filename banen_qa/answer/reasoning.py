"""Table operations: the figures an operation needs, the arithmetic (shown, e.g.
"341 − 331 = 10") and an answer that names every figure used with its letter and page.
Every computed number is recorded in `Answer.computed` with its operands, so the number
gate can recompute it from the cited figures."""

from __future__ import annotations

from collections.abc import Sequence

from banen_qa.answer.compose import Builder
from banen_qa.answer.letters import Letter
from banen_qa.answer.operations import EDUCATION, Operation
from banen_qa.answer.table import (
    AGGREGATES,
    PARTS_OF_TOTAL,
    Table,
    sector_rows,
    years_asked,
)
from banen_qa.answer.wording import TEXT, num, ref, t, target_word, when
from banen_qa.extract.vocab import METRIC, sector_label
from banen_qa.models import Answer, Figure
from banen_qa.text import Lang, fold

# (nl, en) the comparison of a threshold filter, above and below
COMPARE = {False: ("boven", "above"), True: ("onder", "below")}
VERDICT = {"yes": ("gehaald", "met"), "no": ("niet gehaald", "not met")}
MET_WORDS = ("behaald", "gehaald", "bereikt", "overtroffen", "boven het quotum")
NOT_MET_WORDS = ("niet gehaald", "niet behaald", "niet bereikt", "achter", "onder het")


def reason(
    question: str, op: Operation, lang: Lang, figures: Sequence[Figure], letters: Sequence[Letter]
) -> Answer | None:
    """Run the operation; None when the table lacks what it needs."""
    table = Table(figures, op, letters)
    b = Builder(question, lang, letters)
    run = {
        "difference": _difference,
        "change": _change,
        "sum": _sum,
        "ranking": _ranking,
        "met_target": _met_target,
        "trend": _trend,
        "across": _across,
        "filter": _filter,
        "when": _when_due,
    }[op.kind]
    if not run(op, table, b) or not b.used:
        return None
    return b.answer()


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


def _difference(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    if op.between_documents:
        return _between_documents(op, table, b)
    done = False
    for doc in table.documents():
        for year in years_asked(op, table, op.metric):
            if len(op.sectors) >= 2:
                fa, fb = (table.get(doc, s, year, op.metric) for s in op.sectors[:2])
                if not (fa and fb):
                    continue
                hi, lo = (fa, fb) if fa.value >= fb.value else (fb, fa)
                d, expr = b.compute("difference", hi.value, lo.value)
                unit = (
                    "%" if op.metric == "realisation_pct" else ("banen" if lang == "nl" else "jobs")
                )
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
            else:
                sector = op.sectors[0]
                real = table.at_end(doc, sector, year, "realised_jobs")
                goal = table.get(doc, sector, year, "target_jobs")
                if not (real and goal):
                    continue
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
            done = True
            break
    return done


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


def _change(op: Operation, table: Table, b: Builder) -> bool:
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


def _sum(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    if op.parts:
        return _sum_parts(op, table, b)
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
            total, expr = b.compute("sum", 0, terms=[f.value for f in got])
            unit = "banen" if lang == "nl" else "jobs"
            b.lines.append(t("sum", lang, d=num(total, lang), unit=unit, year=year, expr=expr))
            b.use(*got)
            return True
    return False


# (nl, en) what a computed ranking ranks, and its words for first and last
MEASURE_WORDS = {
    "shortfall": (("tekort op het doel", "shortfall against the target"), ("grootste", "largest")),
    "margin": (("marge boven het doel", "margin above the target"), ("grootste", "largest")),
    "closeness": (("dichtst bij het doel", "closest to the target"), ("", "")),
}
MEASURE_LOW = {
    "shortfall": ("kleinste", "smallest"),
    "margin": ("kleinste", "smallest"),
    "closeness": ("", ""),
}
CLOSENESS_WORDS = {
    False: ("kwam het dichtst bij het doel", "came closest to the target"),
    True: ("bleef het verst van het doel", "stayed furthest from the target"),
}


def _realised_and_target(
    table: Table, sector: str, year: int, docs: Sequence[str]
) -> tuple[Figure, Figure] | None:
    """A sector-year's realised count and target from one letter: the first of `docs` that
    holds both."""
    for doc in docs:
        real = table.get(doc, sector, year, "realised_jobs")
        goal = table.get(doc, sector, year, "target_jobs")
        if real and goal:
            return real, goal
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
        for year in op.years:
            docs = sorted(table.documents(), key=lambda d: table.reports_on(d) != year)
            if op.measure == "value":
                f = table.best(sector, year, op.metric)
                if f:
                    rows.append((str(year), f, None))
            elif pair := _realised_and_target(table, sector, year, docs):
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
                    if (pair := _realised_and_target(table, s, year, [doc]))
                ]
                if len(found) > len(rows):
                    rows = list(found)
    if len(rows) < 2:
        return False
    scored: list[tuple[float, str, str, list[Figure]]] = []
    for label, f, goal in rows:
        if goal is None:
            scored.append((f.value, label, num(f.value, lang), [f]))
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


def _ranking(op: Operation, table: Table, b: Builder) -> bool:
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


# (cue table) "was X already at its 2024 target by 2021", "had de overheid het doel voor 2015
# al binnen": a count of an earlier year held against the target of a later one
ALREADY_CUES = ("already", " yet", "al binnen", "al gehaald", "al bereikt", "al behaald")


def _met_target(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    done = False
    if any(c in fold(b.question) for c in ALREADY_CUES) and _met_later_target(op, table, b):
        return True
    docs = table.documents()
    if op.scope.documents is None and not op.years:
        # no letter or year named: the letter whose target sentence says it was (not) met
        docs = sorted(
            docs,
            key=lambda d: (
                not any(_letter_says(table, d, s, None, ("target_jobs",)) for s in op.sectors[:1])
            ),
        )
    for doc in docs:
        for sector in op.sectors[:1]:
            years = op.years or sorted(
                {
                    f.year
                    for f in table.figures
                    if f.document == doc and f.sector == sector and f.year
                },
                reverse=True,
            )
            for year in years:
                real = table.at_end(doc, sector, year, "realised_jobs")
                goal = table.get(doc, sector, year, "target_jobs")
                pct = table.get(doc, sector, year, "realisation_pct")
                said = _letter_says(table, doc, sector, year if op.years else None)
                if real and goal:
                    key = "met" if real.value >= goal.value else "not_met"
                    b.lines.append(
                        t(
                            key,
                            lang,
                            name=sector_label(sector, lang),
                            year=year,
                            v=num(real.value, lang),
                            t=num(goal.value, lang),
                            target=target_word(lang, [goal]),
                        )
                    )
                    b.use(real, goal, *([pct] if pct else []))
                elif pct:
                    verdict = VERDICT["yes" if pct.value >= 100 else "no"][lang == "en"]
                    b.lines.append(
                        t(
                            "met_pct",
                            lang,
                            name=sector_label(sector, lang),
                            year=year,
                            p=num(pct.value, lang),
                            verdict=verdict,
                            target=target_word(lang, [pct]),
                        )
                    )
                    b.use(*([real] if real else []), pct)
                elif real and said:
                    b.use(real)
                else:
                    continue
                if said:
                    b.lines.append(t("words", lang, quote=said.quote))
                    b.use(said)
                done = True
                break
        if done and op.scope.documents is None and not op.years:
            others = [
                d
                for d in docs
                if d != doc
                and any(
                    f.document == d
                    and f.sector == op.sectors[0]
                    and f.metric in ("realised_jobs", "realisation_pct")
                    for f in table.figures
                )
            ]
            if others:
                b.lines.append(t("others", lang))
            break
    return done or _met_later_target(op, table, b)


def _met_later_target(op: Operation, table: Table, b: Builder) -> bool:
    """ "Was the police already at its 2024 target by the end of 2021?": the count of the
    earlier year named against the target of the later one, from one letter where one holds
    both, else each from the letter that gives it."""
    if len(op.years) < 2 or not op.sectors:
        return False
    sector, lang = op.sectors[0], b.lang
    goal_year, real_years = op.years[-1], sorted(op.years[:-1], reverse=True)
    pairs = [
        (real, goal)
        for doc in table.documents_with_ends()
        if (goal := table.get(doc, sector, goal_year, "target_jobs"))
        for y in real_years
        if (real := table.at_end(doc, sector, y, "realised_jobs"))
    ]
    if not pairs:
        goal = table.best(sector, goal_year, "target_jobs")
        real = next((f for y in real_years if (f := table.best(sector, y, "realised_jobs"))), None)
        if not (goal and real):
            return False
        pairs = [(real, goal)]
    real, goal = pairs[0]
    b.lines.append(
        t(
            "already" if real.value >= goal.value else "not_yet",
            lang,
            name=sector_label(sector, lang),
            when=("eind " if lang == "nl" else "at the end of ") + when(real, lang),
            v=num(real.value, lang),
            t=num(goal.value, lang),
            year=goal_year,
            target=target_word(lang, [goal]),
        )
    )
    b.use(real, goal)
    return True


def _letter_says(
    table: Table,
    doc: str,
    sector: str,
    year: int | None = None,
    metrics: Sequence[str] = ("target_jobs", "realisation_pct"),
) -> Figure | None:
    """A target or percentage figure (of that year, when one is asked) whose sentence says
    in words that it was (not) met."""
    for metric in metrics:
        for f in table.figures:
            low = f.quote.lower()
            if (
                (f.document, f.sector, f.metric) == (doc, sector, metric)
                and (year is None or f.year == year)
                and any(w in low for w in MET_WORDS + NOT_MET_WORDS)
            ):
                return f
    return None


def _trend(op: Operation, table: Table, b: Builder) -> bool:
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


def _across(op: Operation, table: Table, b: Builder) -> bool:
    lang = b.lang
    sector = op.sectors[0]
    metrics = (
        [op.metric]
        if op.metric != "realised_jobs"
        else ["realised_jobs", "target_jobs", "realisation_pct"]
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


def _when_due(op: Operation, table: Table, b: Builder) -> bool:
    """ "In welk jaar moet de overheid haar 25.000 banen hebben, volgens A en volgens B": per
    letter the year of its target of that number (of the named sector), or, where a letter
    splits it, the market's and the government's targets that add up to it, each with its
    own year; whether the letters' years differ."""
    lang, amount = b.lang, op.amount
    if amount is None:
        return False
    years: set[int] = set()
    for doc in table.documents():
        targets = [
            f
            for f in table.figures
            if (f.document, f.metric) == (doc, "target_jobs") and f.year is not None
        ]
        whole = [
            f
            for f in targets
            if abs(f.value - amount) < 0.5 and (not op.sectors or f.sector in op.sectors)
        ]
        if whole:
            f = min(whole, key=lambda f: f.year or 0)
            due = t("due", lang, v=num(f.value, lang), year=f.year)
            b.lines.append(t("per_letter", lang, letter=ref(f, b.letters)) + due + ".")
            b.use(f)
            years.add(f.year or 0)
            continue
        parts = [
            next((f for f in targets if f.sector == s and f.value < amount), None)
            for s in PARTS_OF_TOTAL
        ]
        found = [f for f in parts if f is not None]
        if op.sectors or len(found) < 2 or abs(sum(f.value for f in found) - amount) >= 0.5:
            continue
        _, expr = b.compute("sum", 0, terms=[f.value for f in found])
        shown = "; ".join(
            f"{sector_label(f.sector, lang)}: " + t("due", lang, v=num(f.value, lang), year=f.year)
            for f in found
        )
        b.lines.append(
            t("per_letter", lang, letter=ref(found[0], b.letters)) + f"{shown} ({expr})."
        )
        b.use(*found)
        years.update(f.year or 0 for f in found)
    if len(years) > 1:
        b.lines.append(t("due_differs", lang, years=", ".join(str(y) for y in sorted(years))))
    return bool(b.used)


def _filter(op: Operation, table: Table, b: Builder) -> bool:
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
