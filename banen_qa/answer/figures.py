"""Figure answers: a question about a sector's jobs, target or percentage is answered from
the validated figures table, with the related figures of that sector-year (breakdown,
target, percentage). A table lookup cannot invent a number and the figure's quote is its
source. When the table holds no such figure the answer says which one is missing and gives
no number: retrieval would only find a near miss (another year, another sector).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from banen_qa.answer.intent import ORDINALS, Intent
from banen_qa.extract.vocab import METRIC, METRIC_SPECS, sector_label
from banen_qa.models import Answer, Citation, Figure
from banen_qa.text import Lang, format_value

# How the realised/target/percentage family reads as one sentence; every other metric's
# words come from its MetricSpec (part_phrase, sentence, missing).
PHRASES: dict[Lang, dict[str, str]] = {
    "en": {
        "realised": "{name} realised {v} jobs{when}",
        "parts": "{name} realised{when}: {v}",
        "vs_target": ", against a {target} of {v} jobs",
        "target": "the {target} for {name}{when} was {v} jobs",
        "pct_after": ": {v}% of the {target}",
        "pct_after_target": "; {v}% of it was realised",
        "pct": "{name} realised {v}% of its {target}{when}",
        "when": " in {year}",
        "when_q": " in the {ordinal} quarter of {year}",
        "missing": "The corpus holds no figure for {what}",
        "for_year": " for that year.",
        "other_years": " It does hold such figures for other years.",
    },
    "nl": {
        "realised": "{name}: {when}{v} banen gerealiseerd",
        "parts": "{name}: {when}gerealiseerd {v}",
        "vs_target": ", tegenover een {target} van {v} banen",
        "target": "het {target} van {name} {when}was {v} banen",
        "pct_after": ": {v}% van het {target}",
        "pct_after_target": "; daarvan is {v}% gerealiseerd",
        "pct": "{name}: {when}{v}% van het {target} gerealiseerd",
        "when": "in {year} ",
        "when_q": "in het {ordinal} kwartaal van {year} ",
        "missing": "Het corpus bevat geen cijfer over {what}",
        "for_year": " voor dat jaar.",
        "other_years": " Voor andere jaren bevat het wel zulke cijfers.",
    },
}


def family() -> set[str]:
    """Metrics answered together (realised, its parts, target, %); read from METRIC_SPECS at
    each call, so a metric added with vocab.add_metric joins its family."""
    return {m.id for m in METRIC_SPECS if m.family}


CORE = {"realised_jobs", "target_jobs", "realisation_pct"}  # composed by PHRASES


def _lang_index(lang: Lang) -> int:
    return 0 if lang == "nl" else 1


def pick(
    figures: Sequence[Figure], quarter: int | None = None
) -> dict[tuple[str, str, int | None, str], Figure]:
    """One figure per key: an unflagged full-year figure before a flagged or quarterly one;
    the asked quarter's figure first when a question names a quarter ("up to June 2021")."""
    best: dict[tuple[str, str, int | None, str], Figure] = {}
    order = sorted(
        figures,
        key=lambda f: (
            quarter is None or f.quarter != quarter,
            f.quarter is not None,
            len(f.flags),
        ),
    )
    for f in order:
        best.setdefault(f.key, f)
    return best


def _target_word(group: dict[str, Figure], lang: Lang) -> str:
    """'quota' where the letter calls the target a quotum, else 'target'."""
    quotes = " ".join(f.quote for m, f in group.items() if m in ("target_jobs", "realisation_pct"))
    quota = re.search(r"\bquot(um|a)\b", quotes, re.IGNORECASE) is not None
    return ("quotum" if quota else "doel") if lang == "nl" else ("quota" if quota else "target")


def when_text(year: int | None, quarter: int | None, lang: Lang) -> str:
    ph = PHRASES[lang]
    if year and quarter:
        ordinal = ORDINALS[quarter][_lang_index(lang)]
        return ph["when_q"].format(ordinal=ordinal, year=year)
    return ph["when"].format(year=year) if year else ""


def group_sentence(group: dict[str, Figure], sector: str, year: int | None, lang: Lang) -> str:
    """One sector-year's figures as sentences, e.g. "Defence realised 556 jobs in 2020
    (346 in own employment and secondment, 210 via SROI), against a target of 633 jobs:
    88% of the target." """
    ph = {k: v.replace("{target}", _target_word(group, lang)) for k, v in PHRASES[lang].items()}
    li = _lang_index(lang)
    g = {m: format_value(f.value, lang) for m, f in group.items()}
    name = sector_label(sector, lang)
    quarter = next((f.quarter for f in group.values() if f.quarter), None)
    when = when_text(year, quarter, lang)
    parts = [m for m in METRIC_SPECS if m.part_of == "realised_jobs" and m.id in g]
    breakdown = ", ".join(m.part_phrase[li].format(v=g[m.id]) for m in parts)
    main = ""
    if "realised_jobs" in g:
        main = ph["realised"].format(name=name, v=g["realised_jobs"], when=when)
        main += f" ({breakdown})" if breakdown else ""
    elif breakdown:
        main = ph["parts"].format(name=name, when=when, v=breakdown)
    if "target_jobs" in g:
        if main:
            main += ph["vs_target"].format(v=g["target_jobs"])
        else:
            main = ph["target"].format(name=name, when=when, v=g["target_jobs"])
            if "realisation_pct" in g:
                main += ph["pct_after_target"].format(v=g["realisation_pct"])
    if "realisation_pct" in g:
        if "realised_jobs" in g or breakdown:
            main += ph["pct_after"].format(v=g["realisation_pct"])
        elif not main:
            main = ph["pct"].format(name=name, when=when, v=g["realisation_pct"])
    sentences = [main] if main else []
    for m in METRIC_SPECS:
        if m.id in g and m.id not in CORE and not m.part_of and m.sentence[li]:
            sentences.append(m.sentence[li].format(name=name, when=when, v=g[m.id]))
    return " ".join(s[0].upper() + s[1:] + "." for s in sentences)


def no_figure(intent: Intent, sector: str, held_years: bool) -> str:
    """The abstention text: which figure is missing, and no digits at all."""
    lang = intent.language
    ph = PHRASES[lang]
    metric = METRIC[next((m for m in intent.metrics), "realised_jobs")]
    what = metric.missing[_lang_index(lang)].format(name=sector_label(sector, lang))
    text = ph["missing"].format(what=what)
    text += ph["for_year"] if intent.years else "."
    if held_years:
        text += ph["other_years"]
    return text


def answer_from_figures(question: str, intent: Intent, figures: Sequence[Figure]) -> Answer:
    """Answer a figure question from the table, or abstain naming what is missing."""
    lang = intent.language
    chosen = pick(figures, intent.quarter)
    order = [m.id for m in METRIC_SPECS]
    sentences: list[str] = []
    used: list[Figure] = []
    missing: list[str] = []
    for sector in intent.sectors:
        of_sector = [f for f in chosen.values() if f.sector == sector]
        asked = [f for f in of_sector if f.metric in intent.metrics]
        if intent.years:
            dated = [f for f in asked if f.year in intent.years]
            # a standing norm answers any year, unless the letters give it per year: then
            # a year they give none for is not answered by the undated one
            undated = [
                f
                for f in asked
                if f.year is None
                and not METRIC[f.metric].dated
                and not any(g.metric == f.metric and g.year for g in of_sector)
            ]
            hits = dated or undated
        else:
            hits = asked
        if intent.quarter:
            hits = [f for f in hits if f.quarter == intent.quarter] or hits
        if not hits:
            missing.append(no_figure(intent, sector, held_years=bool(asked)))
            continue
        for doc, year in sorted(
            {(f.document, f.year) for f in hits}, key=lambda dy: (dy[0], dy[1] or 0)
        ):
            fam = family()
            wanted = set(intent.metrics) | (fam if set(intent.metrics) & fam else set())
            group = {
                f.metric: f
                for f in of_sector
                if f.document == doc and f.year == year and f.metric in wanted
            }
            sentences.append(group_sentence(group, sector, year, lang))
            used.extend(group[m] for m in sorted(group, key=order.index))
    if not used:
        return Answer(question=question, answer=" ".join(missing), abstained=True, language=lang)
    citations = list(
        {
            (f.document, f.page, f.quote): Citation(document=f.document, page=f.page, quote=f.quote)
            for f in used
        }.values()
    )
    return Answer(
        question=question,
        answer=" ".join(sentences + missing),
        abstained=False,
        language=lang,
        citations=citations,
        figures=used,
    )
