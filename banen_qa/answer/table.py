"""The table an operation reads: the figures in its scope, one per key, best first.

It exists so that every operation asks the same questions of the figures (this letter's
figure for a sector-year, the year's end as a fourth quarter's count, the best letter for a
year) and none of them filters the raw list its own way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from banen_qa.answer.letters import Letter, letter_of
from banen_qa.answer.operations import EDUCATION, Operation
from banen_qa.extract.vocab import TARGET_MODAL
from banen_qa.models import Figure

# all employers, government, market: sums of other sectors, so no row of a ranking or list
AGGREGATES = ("totaal", "overheid", "marktsector")


class Table:
    """The figures an operation may use: in scope, one per key, best first."""

    def __init__(self, figures: Sequence[Figure], op: Operation, letters: Sequence[Letter]):
        docs = op.scope.documents
        figs = [f for f in figures if (docs is None or f.document in docs) and f.quarter is None]
        if op.scope.table_only and any("table" in f.flags for f in figs):
            tabled = [f for f in figs if "table" in f.flags]
            figs = (
                tabled
                if op.kind in ("ranking", "sum", "filter")
                else tabled + [f for f in figs if "table" not in f.flags]
            )
        self.figures = figs
        # quarterly counts only for an operation between quarters (never an annual answer)
        self.quarterly = (
            [f for f in figures if f.quarter is not None]
            if op.year_end or any(q for _, q in op.periods)
            else []
        )
        # a year's end is its fourth quarter's count: the stand a letter gives for "Q4" answers
        # a question about that year where the letter gives no annual figure
        self.year_ends = [
            f
            for f in figures
            if f.quarter == 4 and (docs is None or f.document in docs) and f.unit != "pct"
        ]
        self.scoped = docs
        self.letters = letters
        self.order = {ltr.document: ltr.sort_key for ltr in letters}

    def get(self, doc: str, sector: str, year: int | None, metric: str) -> Figure | None:
        hits = [
            f
            for f in self.figures
            if (f.document, f.sector, f.year, f.metric) == (doc, sector, year, metric)
        ]
        return min(
            hits,
            key=lambda f: ("table" not in self.figures_flags(f), _owed(f), len(f.flags)),
            default=None,
        )

    def at_end(self, doc: str, sector: str, year: int | None, metric: str) -> Figure | None:
        """The year's own figure, else the count of its fourth quarter in that letter."""
        found = self.get(doc, sector, year, metric)
        if found is None and metric == "realised_jobs":
            found = _fewest_flags(self.year_ends, (doc, sector, year, metric))
        return found

    def end_count(self, doc: str, sector: str, year: int | None, metric: str) -> Figure | None:
        """The count of the year's fourth quarter in that letter, if it gives one."""
        return _fewest_flags(self.year_ends, (doc, sector, year, metric))

    def at(
        self, doc: str, sector: str, period: tuple[int, int | None], metric: str
    ) -> Figure | None:
        """The count at a (year, quarter) point; the year's end (quarter None) is the
        fourth quarter's count of the same series, else the year's own figure."""
        year, quarter = period
        hit = _fewest_flags(self.quarterly, (doc, sector, year, metric), quarter or 4)
        if hit is not None:
            return hit
        if quarter is None:
            return self.end_count(doc, sector, year, metric) or self.get(doc, sector, year, metric)
        return None

    def point(
        self, doc: str, sector: str, year: int, quarter: int | None, metric: str
    ) -> Figure | None:
        """A figure at a named quarter, or at the year's end: the year's own figure, else
        the fourth quarter's count (a quarterly series read at the year's end)."""
        if quarter is None:
            f = self.get(doc, sector, year, metric)
            if f is not None:
                return f
        return _fewest_flags(self.quarterly, (doc, sector, year, metric), quarter or 4)

    def newest_first(self, figures: Iterable[Figure]) -> list[str]:
        """The figures' documents, newest first; letters of one date by name, so an answer
        lists them in the same order on every run."""
        docs = {f.document for f in figures}
        return sorted(docs, key=lambda d: (self.order.get(d, ("", 0)), d), reverse=True)

    def documents_with_quarters(self) -> list[str]:
        """Documents newest first, the quarterly ones among them."""
        return self.newest_first([*self.figures, *self.quarterly, *self.year_ends])

    @staticmethod
    def figures_flags(f: Figure) -> list[str]:
        return f.flags

    def documents(self) -> list[str]:
        """Documents newest first."""
        return self.newest_first(self.figures)

    def best(self, sector: str, year: int, metric: str, end_first: bool = False) -> Figure | None:
        """Across letters: the letter reporting on that year first, else the newest; an
        annual figure before a year-end count, unless the year's end is asked."""
        docs = sorted(self.documents_with_ends(), key=lambda d: self.reports_on(d) != year)
        lookups = (self.end_count, self.at_end) if end_first else (self.get, self.at_end)
        for lookup in lookups:
            for doc in docs:
                f = lookup(doc, sector, year, metric)
                if f:
                    return f
        return None

    def documents_with_ends(self) -> list[str]:
        """Documents newest first, those with only a year-end count among them."""
        return self.newest_first([*self.figures, *self.year_ends])

    def reports_on(self, doc: str) -> int | None:
        letter = letter_of(self.letters, doc)
        return letter.year if letter else None

    def years(self, metric: str, sectors: Sequence[str]) -> list[int]:
        return sorted(
            {
                f.year
                for f in self.figures
                if f.metric == metric and f.year and (not sectors or f.sector in sectors)
            }
        )


def years_asked(op: Operation, table: Table, metric: str) -> list[int]:
    """The years an operation covers: those asked, else those the letters it names report
    on, else every year the table holds for the metric, newest first."""
    if op.years:
        return op.years
    if op.scope.documents:
        years = [
            ltr.year for ltr in table.letters if ltr.document in op.scope.documents and ltr.year
        ]
        if years:
            return sorted(set(years))
    return list(reversed(table.years(metric, op.sectors)))


def sector_rows(op: Operation, table: Table, doc: str, year: int) -> list[str]:
    """The sectors a letter gives figures on for the year, in the letter's order; the
    aggregates (all employers, government, market) are no sector of a list."""
    sectors = dict.fromkeys(
        f.sector
        for f in sorted(table.figures, key=lambda f: (f.page, f.char_start))
        if f.document == doc
        and f.year == year
        and f.sector not in ("totaal", "overheid", "marktsector")
        and (not op.education or f.sector in EDUCATION)
    )
    return list(sectors)


def _owed(f: Figure) -> bool:
    """A count whose sentence says what had to be realised ("het aantal dat gerealiseerd moest
    zijn"): where a letter gives two counts of one sector-year, the one it states as done
    comes first."""
    return f.metric == "realised_jobs" and re.search(TARGET_MODAL, f.quote.lower()) is not None


def _fewest_flags(
    figures: Iterable[Figure], key: tuple[str, str, int | None, str], quarter: int | None = None
) -> Figure | None:
    """Of the figures with this (document, sector, year, metric) -- and this quarter, when
    one is given -- the one with the fewest flags (the least doubtful reading)."""
    hits = [
        f
        for f in figures
        if (f.document, f.sector, f.year, f.metric) == key
        and (quarter is None or f.quarter == quarter)
    ]
    return min(hits, key=lambda f: len(f.flags), default=None)
