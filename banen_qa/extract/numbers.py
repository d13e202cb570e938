"""Numbers as Dutch letters write them ("5.500", "61,3%", "306,17", "65 procent").

Dutch uses a dot for thousands and a comma for decimals; English the reverse. A string
is read the Dutch way unless only the English reading makes sense:
- a dot followed by groups of exactly three digits is a thousands separator ("5.500");
  any other dot is an English decimal point ("61.3");
- a comma is a Dutch decimal comma ("61,3", "306,17"), except when several commas group
  digits by three ("1,234,567") or one comma is followed by exactly three digits after a
  non-zero integer part ("5,500"): figures in this genre carry at most two decimals, so
  that is English thousands;
- with both a dot and a comma the last one is the decimal separator.
A regular space never groups digits ("in 2020 331 banen" is two numbers); a (narrow)
no-break space does ("5 500").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GROUP_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break, thin space

# One number: digits with optional grouping/decimal separators, never glued to letters or
# to another digit run. Separators count only when digits follow them, so a sentence-final
# "5.500." or an enumeration "297, 413" is read correctly.
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:[.,{_GROUP_SPACES}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w])"
)
# A scale word after the digits multiplies them: "25 duizend", "1,5 miljoen", "20 thousand".
SCALE_WORDS = {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "thousand": 1e3, "million": 1e6}
_SCALE = re.compile(r"\s+(" + "|".join(SCALE_WORDS) + r")\b", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# What turns a number into a percentage: "%", "procent", "percent" (optionally after a space).
_PERCENT = re.compile(r"\s?(?:%|procent\b|percent\b|pct\.?(?!\w))", re.IGNORECASE)


@dataclass(frozen=True)
class NumberToken:
    """A number found in a text: its value and where it stands (end includes a '%' sign)."""

    value: float
    start: int
    end: int
    is_pct: bool
    raw: str  # the digits (and scale word) as written, without the percent sign


def parse_number(text: str) -> float:
    """Value of a number written the Dutch or English way; raises ValueError if it is none."""
    s = text.strip()
    s = _PERCENT.sub("", s).strip()
    for ch in _GROUP_SPACES:
        s = s.replace(ch, "")
    if not re.fullmatch(r"\d[\d.,]*", s) or s[-1] in ".,":
        raise ValueError(f"not a number: {text!r}")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        return float(s.replace(thousands, "").replace(decimal, "."))
    if dots:
        return float(s.replace(".", "")) if _is_grouped(s, ".") else _single_decimal(s, ".")
    if commas:
        if commas > 1 and _is_grouped(s, ","):
            return float(s.replace(",", ""))
        whole, _, frac = s.partition(",")
        if commas == 1 and len(frac) == 3 and not whole.startswith("0"):
            return float(whole + frac)  # English thousands, see module docstring
        return _single_decimal(s, ",")
    return float(s)


def _is_grouped(s: str, sep: str) -> bool:
    """True for "5.500" / "1.234.567": a 1-3 digit head and three-digit groups."""
    head, *groups = s.split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups) and bool(groups)


def _single_decimal(s: str, sep: str) -> float:
    if s.count(sep) != 1:
        raise ValueError(f"not a number: {s!r}")
    return float(s.replace(sep, "."))


def find_numbers(text: str) -> list[NumberToken]:
    """All numbers in `text`, with offsets; a following '%'/'procent' makes a percentage."""
    tokens: list[NumberToken] = []
    for m in _NUMBER.finditer(text):
        raw = m.group(0)
        try:
            value = parse_number(raw)
        except ValueError:
            continue
        end = m.end()
        scale = None if _YEAR_LIKE.fullmatch(raw) else _SCALE.match(text, end)
        if scale:  # "in 2020 duizend banen" is a year and a word, not two million
            value *= SCALE_WORDS[scale.group(1).lower()]
            end = scale.end()
            raw = text[m.start() : end]
        pct = _PERCENT.match(text, end)
        end = pct.end() if pct else end
        tokens.append(NumberToken(value, m.start(), end, bool(pct), raw))
    return tokens


# Number words, so "twaalf medewerkers" is also findable as 12. "een"/"one" are left out:
# in letters they are almost always the article or a pronoun ("een baan", "one of them").
WORD_NUMBERS: dict[str, int] = {
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "honderd": 100,
    "duizend": 1000,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "hundred": 100,
    "thousand": 1000,
}
WORD_NUMBER = re.compile(r"(?<!\w)(" + "|".join(WORD_NUMBERS) + r")(?!\w)", re.IGNORECASE)


def word_number_values(text: str) -> set[float]:
    """Values of the number words in `text` ("twaalf" -> 12.0)."""
    return {float(WORD_NUMBERS[m.group(1).lower()]) for m in WORD_NUMBER.finditer(text)}
