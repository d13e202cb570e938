"""A count held against its target: was it met (by the figures, else in the letter's own
words), was it met already by an earlier year, and in which year a target falls due."""

from __future__ import annotations

from collections.abc import Sequence

from banen_qa.answer.compose import Builder
from banen_qa.answer.operations import PARTS_OF_TOTAL, Operation
from banen_qa.answer.table import Table
from banen_qa.answer.wording import num, ref, t, target_word, when
from banen_qa.extract.vocab import sector_label
from banen_qa.models import Figure
from banen_qa.text import fold

# (nl, en) the verdict of a realisation percentage, 100% or more is met
VERDICT = {"yes": ("gehaald", "met"), "no": ("niet gehaald", "not met")}
# the words of a letter's own sentence saying its target was (not) met
MET_WORDS = ("behaald", "gehaald", "bereikt", "overtroffen", "boven het quotum")
NOT_MET_WORDS = ("niet gehaald", "niet behaald", "niet bereikt", "achter", "onder het")

# (cue table) "was X already at its 2024 target by 2021", "had de overheid het doel voor 2015
# al binnen": a count of an earlier year held against the target of a later one
ALREADY_CUES = ("already", " yet", "al binnen", "al gehaald", "al bereikt", "al behaald")


def met_target(op: Operation, table: Table, b: Builder) -> bool:
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
    if len(op.scope.named) >= 2:
        # "vergelijk het doel uit A met het aantal in B": a question that names two documents
        # for one comparison takes the target from one and the count from another
        pairs = _across_named(op, table, sector, goal_year, real_years) or pairs
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
    # a letter that says in words that the later target is met already ("reeds behaald")
    said = next(
        (
            f
            for d in dict.fromkeys([real.document, goal.document, *table.documents()])
            if (f := _letter_says(table, d, sector, goal_year, ("target_jobs",)))
        ),
        None,
    )
    if said is not None:
        b.lines.append(t("words", lang, quote=said.quote))
        b.use(said)
    return True


def _across_named(
    op: Operation, table: Table, sector: str, goal_year: int, real_years: Sequence[int]
) -> list[tuple[Figure, Figure]]:
    """(count, target) pairs whose two figures come from two different named documents."""
    group_of = {d: i for i, group in enumerate(op.scope.named) for d in group}
    goals = [
        g for d in group_of if (g := table.get(d, sector, goal_year, "target_jobs")) is not None
    ]
    reals = [
        r
        for y in real_years
        for d in group_of
        if (r := table.at_end(d, sector, y, "realised_jobs")) is not None
    ]
    return [(r, g) for r in reals for g in goals if group_of[r.document] != group_of[g.document]]


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


def when_due(op: Operation, table: Table, b: Builder) -> bool:
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
