"""Re-reading a figure in its own sentence before arithmetic uses it.

The table may hold two values for one (document, sector, year, metric), one of them a
neighbour's number read under the wrong sector or metric ("tot en met 2016 moest de sector
markt 14.000 banen realiseren; voor de sector overheid lag de opgave op 6.500"; "de
doelstelling lag op 80.000 (60.000 bij marktwerkgevers)" next to "60.966 voor rekening van
marktwerkgevers"). Each value is read again in its quote: the last sector named before it
and the nearest target or result word before it. Of such a pair the value whose own words
agree is kept; one that names another sector outright moves to that sector when the table
holds nothing there, and a "result" whose words state a goal becomes that key's target
when the table holds none. Figures that stand alone for their key are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from banen_qa.extract.vocab import find_sectors, find_weak_sectors
from banen_qa.models import Figure
from banen_qa.text import fold

WINDOW = 90  # characters before a value that are read with it
TARGET_WORDS = re.compile(
    r"\b(?:doel\w*|tussendoel\w*|opgave|taakstelling|streefgetal|norm|beoogd\w*|"
    r"afgesproken|target\w*|goal\w*|aim\w*)\b"
)
RESULT_WORDS = re.compile(
    r"\b(?:gerealiseerd\w*|realiseerde\w*|realisatie|bijgekomen|uit\s+op|teller|"
    r"steken\s+op|kwamen\s+er|telde\w*|realised|realized|created|achieved)\b"
)
CLAUSE_START = re.compile(r"[;:()]|\b(?:en|and|terwijl|whereas|while)\s+(?=\d)")


def _value_texts(value: float) -> list[str]:
    """How a value stands in Dutch or English text: 60.966 / 60,966 / 1,93 / 600."""
    if value != int(value):
        whole, frac = f"{value:.2f}".rstrip("0").split(".")
        return [f"{whole},{frac}", f"{whole}.{frac}"]
    n = int(value)
    dotted = f"{n:,}".replace(",", ".")
    return list(dict.fromkeys([dotted, f"{n:,}", str(n)]))


def _before(f: Figure) -> str | None:
    """The words before the value in its quote (None when the value is not found)."""
    for text in _value_texts(f.value):
        m = re.search(rf"(?<![\d.,]){re.escape(text)}(?![\d]|[.,]\d)", f.quote)
        if m:
            return f.quote[max(0, m.start() - WINDOW) : m.start()]
    return None


def local_sector(f: Figure) -> str | None:
    """The sector named last before the value, in its own clause or the one before."""
    before = _before(f)
    if before is None:
        return None
    found = sorted(
        [*find_sectors(before), *find_weak_sectors(before)], key=lambda s: s[1], reverse=True
    )
    return found[0][0] if found else None


def says_target(f: Figure) -> bool | None:
    """Whether the nearest target or result word before the value is a target word (None
    when there is neither)."""
    before = _before(f)
    if before is None:
        return None
    low = fold(before)
    target = [m.end() for m in TARGET_WORDS.finditer(low)]
    result = [m.end() for m in RESULT_WORDS.finditer(low)]
    if not (target or result):
        return None
    return max(target, default=-1) > max(result, default=-1)


def agreement(f: Figure) -> int:
    """+1 for each of sector and metric that the value's own words confirm, -1 for each
    they contradict, 0 where they say nothing."""
    before = _before(f)
    if before is None:
        return 0
    score = 0
    sector = local_sector(f)
    if sector is not None:
        score += 1 if sector == f.sector else -1
    target = says_target(f)
    if target is not None:
        if f.metric.startswith("target"):
            score += 1 if target else -1
        elif f.metric.startswith("realised"):
            score += -1 if target else 1
    return score


def reread(figures: Sequence[Figure]) -> list[Figure]:
    """The figures with, of two values under one key, the one its words contradict moved
    to the sector it names (when that key is free) or left out."""
    groups: dict[tuple[str, str, int | None, str, int | None], list[Figure]] = {}
    for f in figures:
        groups.setdefault((*f.key, f.quarter), []).append(f)
    taken = set(groups)
    out: list[Figure] = []
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            out.extend(group)
            continue
        scores = {id(f): agreement(f) for f in group}
        best = max(scores.values())
        for f in group:
            if scores[id(f)] == best or scores[id(f)] >= 0:
                out.append(f)
                continue
            sector = local_sector(f) or f.sector
            moved = (f.document, sector, f.year, f.metric, f.quarter)
            if sector != f.sector and moved not in taken:
                out.append(f.model_copy(update={"sector": sector}))
                taken.add(moved)
                continue
            moved = (f.document, f.sector, f.year, "target_jobs", f.quarter)
            if f.metric == "realised_jobs" and says_target(f) and moved not in taken:
                out.append(f.model_copy(update={"metric": "target_jobs"}))  # a goal's words
                taken.add(moved)
    return out
