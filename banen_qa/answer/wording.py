"""How an operation's answer is worded: the sentence templates in Dutch and English and the
helpers every operation shares to show a number, a period, a target and a figure's source.

One home for the wording, so that two operations never say the same thing two ways."""

from __future__ import annotations

from collections.abc import Sequence

from banen_qa.answer.intent import ORDINALS
from banen_qa.answer.letters import Letter, letter_of
from banen_qa.extract.vocab import METRIC, sector_label
from banen_qa.models import Figure
from banen_qa.text import Lang, format_value

# (nl, en) sentence templates of the answers
TEXT: dict[str, tuple[str, str]] = {
    "exceeded": (
        "{name} zat in {year} {d} banen boven het {target}: {expr}.",
        "{name} exceeded the {year} {target} by {d} jobs: {expr}.",
    ),
    "short": (
        "{name} bleef in {year} {d} banen onder het {target}: {expr}.",
        "{name} fell {d} jobs short of the {year} {target}: {expr}.",
    ),
    "more": (
        "{a} had in {year} {d} {unit} meer dan {b}: {expr}.",
        "{a} had {d} more {unit} than {b} in {year}: {expr}.",
    ),
    "up": (
        "{name}: van {y0} tot {y1} {d} {unit} erbij ({v0} → {v1}): {expr}.",
        "{name}: {d} {unit} added from {y0} to {y1} ({v0} → {v1}): {expr}.",
    ),
    "down": (
        "{name}: van {y0} tot {y1} {d} {unit} minder ({v0} → {v1}): {expr}.",
        "{name}: {d} fewer {unit} from {y0} to {y1} ({v0} → {v1}): {expr}.",
    ),
    "sum": ("Samen {d} {unit} in {year}: {expr}.", "Together {d} {unit} in {year}: {expr}."),
    "parts": ("{items}; samen {d} banen: {expr}.", "{items}; together {d} jobs: {expr}."),
    "between": (
        "Volgens {a} {va}, volgens {b} {vb}; {hi} ligt {d} hoger: {expr}.",
        "{a} gives {va}, {b} gives {vb}; {hi} is {d} higher: {expr}.",
    ),
    "total": (
        "Alle werkgevers samen (het totaal van de brief) in {year}: {v}.",
        "All employers together (the letter's total) in {year}: {v}.",
    ),
    "top": (
        "{name} had in {year} de {which} {what}: {v}.",
        "{name} had the {which} {what} in {year}: {v}.",
    ),
    "top_change": (
        "{name} groeide van {y0} tot {y1} het {which}: {d} banen ({expr}).",
        "{name} grew the {which} from {y0} to {y1}: {d} jobs ({expr}).",
    ),
    "order": ("Volgorde in {year}: {order}.", "Order in {year}: {order}."),
    "top_measure": ("{name}: het {which} {what} ({v}).", "{name}: the {which} {what} ({v})."),
    "measured": ("Per {per}: {items}.", "By {per}: {items}."),
    "met": (
        "Ja: {name} heeft het {target} over {year} gehaald ({v} tegenover {t}).",
        "Yes: {name} met the {year} {target} ({v} against {t}).",
    ),
    "not_met": (
        "Nee: {name} heeft het {target} over {year} niet gehaald ({v} tegenover {t}).",
        "No: {name} did not meet the {year} {target} ({v} against {t}).",
    ),
    "not_yet": (
        "Nog niet: {name} had {when} {v} banen, tegenover het {target} van {t} voor {year}.",
        "Not yet: {name} had {v} jobs {when}, against the {target} of {t} for {year}.",
    ),
    "already": (
        "Ja, al: {name} had {when} {v} banen, tegenover het {target} van {t} voor {year}.",
        "Yes, already: {name} had {v} jobs {when}, against the {target} of {t} for {year}.",
    ),
    "met_pct": (
        "{name} realiseerde in {year} {p}% van het {target}: {verdict}.",
        "{name} realised {p}% of the {year} {target}: {verdict}.",
    ),
    "words": ("De brief zegt het zelf: “{quote}”", "The letter says so itself: “{quote}”"),
    "used": ("Gebruikte cijfers: ", "Figures used: "),
    "conflict": (
        "Let op: de brieven verschillen. {items}. De nieuwste brief is {newest}.",
        "Note: the letters differ. {items}. The newest letter is {newest}.",
    ),
    "per_letter": ("Volgens {letter}: ", "According to {letter}: "),
    "others": (
        "Dit volgt de brief die het zelf zegt; andere brieven geven cijfers over andere "
        "jaren, die anders kunnen uitvallen.",
        "This follows the letter that says so "
        "itself; other letters give figures for other years, which may differ.",
    ),
    "trend": ("{name}, {what} per jaar: {items}.", "{name}, {what} by year: {items}."),
    "below": (
        "Onder het {target} in {year}: {items}.",
        "Short of the {year} {target}: {items}.",
    ),
    "above": (
        "Het {target} gehaald in {year}: {items}.",
        "Met the {year} {target}: {items}.",
    ),
    "none": ("geen", "none"),
    "due": ("{v} banen in {year}", "{v} jobs in {year}"),
    "due_differs": (
        "De documenten noemen verschillende jaren: {years}.",
        "The documents give different years: {years}.",
    ),
    "passes": (
        "Sectoren {cmp} {v} ({what}, {year}): {items}.",
        "Sectors {cmp} {v} ({what}, {year}): {items}.",
    ),
    "fails": ("Niet: {items}.", "Not: {items}."),
}


def t(key: str, lang: Lang, **kw: object) -> str:
    """The template `key` in the answer's language, filled in."""
    return TEXT[key][0 if lang == "nl" else 1].format(**kw)


def num(v: float, lang: Lang) -> str:
    """A number as the answer shows it: two decimals at most, in the language's style."""
    return format_value(round(v, 2), lang)


def ref(f: Figure, letters: Sequence[Letter]) -> str:
    letter = letter_of(letters, f.document)
    name = letter.name() if letter else f.document
    return f"[{name}, p. {f.page}]"


def describe(f: Figure, lang: Lang, letters: Sequence[Letter]) -> str:
    metric = METRIC[f.metric].names[0 if lang == "nl" else 1]
    unit = "%" if f.unit == "pct" else ""
    return (
        f"{sector_label(f.sector, lang)} {when(f, lang)}, {metric}: {num(f.value, lang)}{unit} "
        f"{ref(f, letters)}"
    )


def target_word(lang: Lang, figs: Sequence[Figure]) -> str:
    """ "quotum" where the letter's sentence speaks of a quota, else "doel" (target)."""
    quota = any("quot" in f.quote.lower() for f in figs)
    return ("quotum" if quota else "doel") if lang == "nl" else ("quota" if quota else "target")


def when(f: Figure, lang: Lang) -> str:
    """The figure's year, or its quarter ("het derde kwartaal van 2018")."""
    if f.quarter is None:
        return str(f.year)
    ordinal = ORDINALS[f.quarter][0 if lang == "nl" else 1]
    return (
        f"het {ordinal} kwartaal van {f.year}"
        if lang == "nl"
        else f"the {ordinal} quarter of {f.year}"
    )
