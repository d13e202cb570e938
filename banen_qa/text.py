"""Text helpers every stage shares: folding, whitespace, quotes, years, dates, values.

One home for each: the extractor, the answers, the LLM gate, the web highlighter and the
scorer all compare text and numbers the same way, so a quote one of them accepts the others
find too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from typing import Literal

Lang = Literal["nl", "en"]

# --- folding ---------------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "\u00ad": "-"})


def fold_quotes(text: str) -> str:
    """Typographic apostrophes to ASCII, keeping the length (offsets stay valid)."""
    return text.translate(_QUOTES)


def fold(text: str) -> str:
    """Lowercase and strip accents ("geïnformeerd" -> "geinformeerd"): for word matching."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_ws(text: str) -> str:
    """Collapse whitespace; quotes are compared in this form."""
    return " ".join(text.split())


_MATCH_FOLD = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u202f": " ",
}
_HYPHENS = "-\u00ad\u2010\u2011"


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Text folded for tolerant matching, with the offset in `text` of every character kept.

    Whitespace runs become one space; a hyphen between letters (with or without a line
    break after it) is dropped, so "ge- realiseerd", "gerealiseerd", "hbo-instellingen" and
    "hbo- instellingen" each meet their twin; typographic quotes and dashes fold to ASCII;
    letters are lower-cased.
    """
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = _MATCH_FOLD.get(text[i], text[i])
        if c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            while i < n and _MATCH_FOLD.get(text[i], text[i]).isspace():
                i += 1
            continue
        if c in _HYPHENS and out and out[-1].isalpha():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j].isalpha():
                i = j
                continue
        for ch in c.lower():
            out.append(ch)
            offsets.append(i)
        i += 1
    return "".join(out), offsets


def find_quote(quote: str, text: str, base: int = 0) -> tuple[int, int] | None:
    """Span of `quote` in `text` (offsets + base): exact first, then tolerant."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return base + at, base + at + len(quote)
    norm_text, offsets = normalise_with_offsets(text)
    norm_quote = normalise_with_offsets(quote)[0].strip()
    at = norm_text.find(norm_quote) if norm_quote else -1
    if at < 0:
        return None
    return base + offsets[at], base + offsets[at + len(norm_quote) - 1] + 1


# --- years and dates -------------------------------------------------------------------------

YEAR_MIN, YEAR_MAX = 1990, 2050  # the years a Banenafspraak letter can be about
YEAR = re.compile(r"(?<![\d.,])(19[9]\d|20[0-4]\d|2050)(?![\d])")


def is_year(value: float) -> bool:
    """A whole number in the range of years these letters speak of."""
    return float(value).is_integer() and YEAR_MIN <= value <= YEAR_MAX


def years_in(text: str) -> list[int]:
    """Four-digit years written in `text`, in order."""
    return [int(m.group(1)) for m in YEAR.finditer(text)]


MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b")
# What may stand before a letter's own date on its line: nothing, a place and a comma
# ("Den Haag, 18 november 2025", "Amsterdam, 3 juli 2019 –"), or a label ("Datum",
# "Gepubliceerd: 3 juli 2019"). A date after other words ("Op 17 december 2019 is uw Kamer
# geïnformeerd") is a date the text speaks of, not the letter's.
_DATE_LEAD = re.compile(
    r"^\s*(?:(?:'s-)?[A-Z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*){0,2}\s*,"
    r"|(?i:datum|date|dated|gepubliceerd(?:\s+op)?|publicatiedatum|published(?:\s+on)?"
    r"|geplaatst(?:\s+op)?|verzonden)\s*:?)?\s*$"
)


def document_date(text: str, head_chars: int = 1500) -> date | None:
    """The date a letter or article is dated, read from its opening: the first full date
    ("18 november 2025", "18-11-2025") in its first `head_chars` characters that stands at
    the start of a line or after a place or label (see _DATE_LEAD); None when the opening
    only speaks of dates."""
    head = text[:head_chars]
    found: list[tuple[int, date]] = []
    for rx, parts in (
        (_DATE, lambda m: (int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))),
        (_DATE_NUMERIC, lambda m: (int(m.group(3)), int(m.group(2)), int(m.group(1)))),
    ):
        for m in rx.finditer(head):
            line_start = head.rfind("\n", 0, m.start()) + 1
            if not _DATE_LEAD.match(head[line_start : m.start()]):
                continue
            try:
                found.append((m.start(), date(*parts(m))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def most_named_year(text: str) -> int | None:
    """The year a text names most often (ties: the later year)."""
    counts = Counter(years_in(text))
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


# --- values ----------------------------------------------------------------------------------


def format_dutch(value: float, decimals: int = 0) -> str:
    """Write a number the Dutch way (5500 -> "5.500", 61.3 -> "61,3")."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_value(value: float, lang: Lang) -> str:
    """A value for an answer in the reader's language, with only the decimals it has."""
    decimals = 0 if float(value).is_integer() else len(f"{value:.2f}".rstrip("0").split(".")[1])
    if lang == "nl":
        return format_dutch(value, decimals)
    return f"{value:,.{decimals}f}"


def values_equal(a: float, b: float, unit: str) -> bool:
    """Two values of one figure agree: percentages within 0.05, counts exactly."""
    return abs(a - b) <= (0.05 if unit == "pct" else 1e-6)
