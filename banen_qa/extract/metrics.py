"""Units and metrics: is a number a jobs count or a percentage, and which metric it reports.

The metric cues of `banen_qa.extract.vocab`, compiled (again whenever the vocabulary gains a
metric), and the rules that bind a value to the nearest cue in its clause or to a breakdown.
"""

from __future__ import annotations

import re

from banen_qa.extract import vocab
from banen_qa.extract.numbers import NumberToken, find_numbers
from banen_qa.extract.sentence import CLAUSE_BREAK, JOB_UNIT_NEXT, Sentence, gap_cost, same_clause
from banen_qa.models import Unit

_I = re.IGNORECASE


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {k: re.compile("|".join(f"(?:{p})" for p in pats), _I) for k, pats in table.items()}


# Metric cues, compiled; compiled again whenever the vocabulary gains a metric.
JOB_CUES: dict[str, re.Pattern[str]] = {}
PCT_CUES: dict[str, re.Pattern[str]] = {}
BREAKDOWN: dict[str, re.Pattern[str]] = {}
TABLE_JOB: dict[str, re.Pattern[str]] = {}
TABLE_PCT: dict[str, re.Pattern[str]] = {}


def _compile_metric_cues() -> None:
    for compiled, table in (
        (JOB_CUES, vocab.JOB_CUES),
        (PCT_CUES, vocab.PCT_CUES),
        (BREAKDOWN, vocab.BREAKDOWN_CUES),
        (TABLE_JOB, vocab.TABLE_JOB_CUES),
        (TABLE_PCT, vocab.TABLE_PCT_CUES),
    ):
        compiled.clear()
        compiled.update(_compile(table))


_compile_metric_cues()
vocab.on_change(_compile_metric_cues)
JOB_UNIT_AFTER = re.compile(
    rf"^\s*(?:(?!{vocab.NOT_JOB_ADJECTIVE})\(?\w+\)?\s+)?(?:{vocab.JOB_UNIT})", _I
)
JOB_UNIT_ANY = re.compile(vocab.JOB_UNIT, _I)
# (a preposition is no adjective: "25.000 bij werkgevers in de markt" places jobs, it does
# not count employers)
NON_JOB_AFTER = re.compile(
    rf"^\s*(?:(?!(?:bij|in|aan|voor|op|at|for|with)\s)\w+\s+)?(?:{vocab.NON_JOB_NOUNS})\b"
    r"|^\s*sectoren\b",
    _I,
)
_DELTA_BEFORE = re.compile(rf"(?:{vocab.DELTA_CUES})\s*(?:\w+\s+)?$", _I)
_TARGET_AS_GROWTH = re.compile(vocab.TARGET_AS_GROWTH, _I)
# "kwam tot ruim 51.000": a qualifier between the cue and its number
QUALIFIER_END = re.compile(
    r"\s(?:ruim|bijna|circa|ca\.|ongeveer|slechts|maar|zo'n|nog|net|krap|over|nearly|almost"
    r"|rond\s+de|rond|omstreeks|meer\s+dan|minstens|zeker|ten\s+minste)\s+$",
    _I,
)
_ANAPHORIC_COUNT = re.compile(
    r"\b(?:(?:waren|zijn|was|is|werden)\s+(?:dat|dit|het)\s+er|(?:dat|dit)\s+(?:waren|zijn)\s+er"
    # "11.469 personen hadden een advies. Van hen waren er 7.421 aan het werk."
    r"|\bvan\s+(?:hen|wie|die)\s+(?:\w+\s+){0,2}?er)"
    r"\s+(?:\w+\s+){0,2}?$",
    _I,
)
_CHANGE_SINCE_AFTER = re.compile(vocab.CHANGE_SINCE_PERIOD_AFTER, _I)
_DELTA_NOT_JOINED = re.compile(rf"^\s*(?:{vocab.DELTA_AFTER_NOT_JOINED})", _I)
_JOINED_AFTER = re.compile(rf"^\s*(?:{vocab.JOINED_AFTER})", _I)
_LEVEL_SINCE_BASELINE = re.compile(vocab.LEVEL_SINCE_BASELINE, _I)
_VERB_AFTER_BARE = re.compile(vocab.VERB_AFTER_BARE, _I)
_RELATIVE_CLAUSE_AFTER = re.compile(vocab.RELATIVE_CLAUSE_AFTER, _I)
# (a year may stand in it: "de 430 die voor 2021 waren afgesproken")
_RELATIVE_CLAUSE_SPAN = re.compile(
    r"^\s*(?:die|dat|which|that)\s(?:[^,;:.()\d]|(?<!\d)(?:19|20)\d\d(?![\d.,]\d))*", _I
)
_METRIC_PREDICATE_AFTER = re.compile(vocab.METRIC_PREDICATE_AFTER, _I)
_CONTRAST_OPENER = re.compile(vocab.CONTRAST_OPENER, _I)
_OWN_STRETCH_START = re.compile(rf"[;:]|{vocab.CONTRAST_OPENER}", _I)
_COUNTED_IN = re.compile(vocab.COUNTED_IN, _I)
_UNEMPLOYED = re.compile(vocab.UNEMPLOYED, _I)
_WORK_FOR_PEOPLE = re.compile(vocab.WORK_FOR_PEOPLE_BEFORE, _I)
# "om in 2019 55.000 banen te realiseren": a purpose clause, with its own number
_PURPOSE_CLAUSE = re.compile(r"\bom\s[^,;:()]*?\bte\s+\w+", _I)
_PCT_NOT_METRIC = re.compile(rf"^\s*(?:{vocab.PCT_NOT_METRIC_AFTER})", _I)
_PCT_NOT_METRIC_BEFORE = re.compile(vocab.PCT_NOT_METRIC_BEFORE, _I)
# "10.291 banen boven de nulmeting": measured against the baseline, like "ten opzichte van"
_COMPARISON_WORD = re.compile(
    rf"(?:{vocab.COMPARED_WITH}|relative\s+to|boven|onder|beneden|below)\s+(?:de|het|the)?\s*$", _I
)
_BASELINE_OF = re.compile(r"^\s*(?:van|of|[:=]|bedroeg|bedraagt|was|is)\s*$", _I)
WAARVAN = re.compile(rf"(?:{vocab.PARTS_OF})\s*(?:\w+\s+)?$", _I)
_IMPLIED_JOB_BEFORE = re.compile(vocab.IMPLIED_JOB_BEFORE, _I)
_QUANTITATIVE_ER = re.compile(vocab.QUANTITATIVE_ER, _I)
# "zijn taakstelling van 5.800 (ruim overtroffen)": the number a target noun introduces
_TARGET_OWN_NUMBER = re.compile(
    r"\b(?:doel\w*|taakstelling\w*|quotum|opgave|norm|streefcijfer\w*|target|quota|goal)"
    r"\s+(?:\w+\s+){0,2}?(?:van|of)\s*$",
    _I,
)
_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]")
# a bare number answering a question: what may stand between the question and the number
_ANSWER_GAP = re.compile(
    r"\?\s*(?:(?:(?:het|the)\s+)?(?:antwoord|answer)\s*:)?\s*"
    rf"(?:(?:{vocab.APPROXIMATELY})\s+)*$",
    _I,
)
_HOW_MANY_JOBS = re.compile(r"\b(?:hoeveel|how\s+many)\s+(?:\w+\s+){0,2}?(?:banen|jobs)\b", _I)
TARGET_MODAL = re.compile(vocab.TARGET_MODAL, _I)
_MODAL_SCOPE_BREAK = re.compile(vocab.MODAL_SCOPE_BREAK, _I)
_TARGET_FRAME = re.compile(vocab.TARGET_FRAME, _I)
_TARGET_FRAME_END = re.compile(vocab.TARGET_FRAME_END, _I)
_PEOPLE_WITH_JOB = re.compile(vocab.PEOPLE_WITH_JOB, _I)
_PEOPLE_HEAD = re.compile(rf"^\s*{vocab.TARGET_GROUP_HEAD}", _I)
# "het aantal personen ... komt uit op 238.721": a bare number that counts something else
COUNTED_OTHER = re.compile(
    rf"\baantal\s+(?:(?!\w*banen\b)\w+\s+)?(?:{vocab.NON_JOB_NOUNS})\b|doelgroepregister", _I
)
# an aside in brackets right after a value, before what it counts
# nothing but a qualifier between a cue and its number: "steken op ruim 3.597"
_CUE_THEN_VALUE = re.compile(
    r"^\s*(?:(?:ruim|bijna|circa|ca\.|ongeveer|slechts|maar|zo'n|nog|net|krap|een\s+kleine"
    r"|rond\s+de|rond|omstreeks|meer\s+dan|minstens|zeker|ten\s+minste|nearly|almost)\s+)?$",
    _I,
)
# "Het streefcijfer voor de provincies in 2019: 290": a cue's phrase, then its value
_CUE_COLON_VALUE = re.compile(
    r"^(?:\s+[\w'’-]+){0,6}\s*:\s*(?:(?:ruim|bijna|circa|ongeveer|zo'n)\s+)?$", _I
)
# "48.500 van die banen": a part of jobs named before
_PART_OF_JOBS = re.compile(
    rf"^\s*van\s+(?:die|deze|de|alle|those|these|the)\s+(?:{vocab.JOB_UNIT})"
    # "1.508 van de vereiste 3.000 banen": a part of a number of jobs
    rf"|^\s*van\s+(?:de|het|hun|haar|the)\s+(?:\w+\s+){{0,2}}?\d[\d.]*\s+(?:\w+\s+)?"
    rf"(?:{vocab.JOB_UNIT})",
    _I,
)
# "de markt (15.604)": a value in brackets right after a sector is that sector's count
_PAREN_AFTER = re.compile(r"^\s*\)")
_GAP_SUBJECT = re.compile(vocab.GAP_SUBJECT, _I)
# "neemt de overheid er 15.000 voor haar rekening": a share of jobs named before
_SHARE_AFTER = re.compile(vocab.SHARE_AFTER, _I)
_GAP_SCOPE_END = re.compile(r"[;:]|,\s")
# a total that counts the baseline jobs in ("Tellen we de 75.179 banen van de nulmeting mee",
# "Met de banen die er bij de nulmeting al waren, telde ... 147.988"): only the baseline's
# own number there is a figure
_WITH_BASELINE = re.compile(
    # ("tellen we vanaf de nulmeting" counts from it, not with it)
    r"\b(?:(?:tel|tellen|telt|reken|rekenen|rekent|neem|nemen|neemt)\s+(?:je|we|wij|men|u|jij)"
    r"|inclusief|meegeteld|meegerekend|opgeteld\s+bij|met\s+de)\b"
    rf"(?:(?!{vocab.COMPARED_WITH})[^;]){{0,70}}?\bnulmeting"
    r"|\bnulmeting\w*\s+(?:\w+\s+){0,4}?(?:mee\b|meegerekend|meegeteld|erbij)"
    # "Bij de start van de afspraak waren er al N ..., waardoor er nu in totaal M ...": what
    # there already was at the start, and a total that counts it in
    r"|\b(?:bij|aan)\s+(?:de\s+|het\s+)?(?:start|aanvang|begin)\b[^;]{0,60}?\bal\b"
    r"[^;]{0,80}?\b(?:waardoor|zodat|dus)\b",
    _I,
)
_BASELINE_CUE = re.compile(r"nulmeting|baseline", _I)
_AT_THE_START = re.compile(vocab.AT_THE_START, _I)
# a target that is the object of reaching it ("haalden hun doel", "de doelstelling gehaald"):
# the values around it are what was realised, unless the target introduces its own number
_ACHIEVE = re.compile(
    r"\b(?:haal\w*|gehaald|behaal\w*|bereik\w*|overtr\w*|overschr\w*|reached|exceeded)\b"
    rf"|{vocab.KEPT_TO_AGREEMENT}",
    _I,
)
# "liggen ruim boven het streefcijfer": the target is the yardstick, not the value's metric
_ABOVE_BEFORE = re.compile(
    r"\b(?:boven|onder|beneden|above|below)\s+(?:het|de|hun|haar|zijn|the|their)\s*$", _I
)
TRANSITION_FROM = re.compile(vocab.TRANSITION_FROM, _I)
_PCT_NOUN_BEFORE = re.compile(vocab.PCT_NOUN_BEFORE, _I)
_PERIOD_OPENING = re.compile(vocab.PERIOD_COMPARISON_OPENING, _I)
_LEVEL_REACHED = re.compile(
    r"\b(?:naar|tot|toen(?:\s+er)?)\s+(?:(?:ruim|bijna|circa|ongeveer|zo'n)\s+)?$", _I
)
_BRACKET_THEN_UNIT = re.compile(
    rf"^\s*\([^()]{{1,120}}\)\s*(?:(?!{vocab.NOT_JOB_ADJECTIVE})[\w-]+\s+){{0,2}}(?:{vocab.JOB_UNIT})",
    _I,
)
# A cue that introduces its own number ("de doelstelling van 33.000", "het doel (9000)").
_CUE_OWNS_NEXT = re.compile(
    r"^\s*(?:(?:\w+\s+){0,3}?(?:van|op|is|was|bedroeg|bedraagt|luidt|[:=])"
    # "het quotum voor de totale sector in 2020 (427)": the bracket closes the cue's phrase
    r"|(?:[\w-]+\s+){0,7}?\(|\s*,\s*(?:die|dat|which)"
    # "het doel (te halen), dat staat op 70.000 banen": a relative clause gives its number
    r"|(?:\s+[\w-]+){0,3}?\s*,\s*(?:die|dat|which)\s+(?:staat|stond|ligt|lag)\s+(?:\w+\s+)?op)\s*"
    r"(?:ruim|bijna|circa|ongeveer|slechts|maar|in\s+totaal)?\s*$",
    _I,
)


def _unit(tok: NumberToken, s: Sentence, group: list[NumberToken]) -> Unit | None:
    """'pct' or 'jobs' when the number is such a figure, None when it counts something else."""
    after, before = s.text[tok.end :], s.text[: tok.start]
    before = QUALIFIER_END.sub(" ", before)
    delta = _DELTA_BEFORE.search(before) and not _TARGET_AS_GROWTH.search(before)
    if delta or _changed_since(after, before, s, tok.value) or _unemployed(tok, s):
        return None
    if any(not _GAP_SCOPE_END.search(before[m.end() :]) for m in _GAP_SUBJECT.finditer(before)):
        return None
    if (
        _PERIOD_OPENING.search(before)
        and not _LEVEL_REACHED.search(before)
        and not TRANSITION_FROM.search(before)
    ):
        # "Vergeleken met het eerste kwartaal kwamen er 13.454 banen bij: 11.505 bij de
        # markt ...": changes over the period -- but not the level it rose to ("... met 25
        # gestegen naar 348") nor the one it came from ("van 5.000 naar ...")
        return None
    if _WITH_BASELINE.search(s.text) and not _baseline_own_number(tok, s):
        return None  # "tellen we de banen van de nulmeting mee, dan ...": a total with it
    if _counted_in(tok, s) and not _BASELINE_CUE.search(re.split(r"\d", after)[0][:60]):
        return None  # "Ook telden 11.000 extra banen mee van ...": a subset counted in
    if tok.is_pct or group[-1].is_pct:
        not_metric = _PCT_NOT_METRIC.match(after) or _PCT_NOT_METRIC_BEFORE.search(before)
        return None if not_metric else "pct"
    if tok.value <= 100 and _PCT_NOUN_BEFORE.search(before) and not JOB_UNIT_NEXT.match(after):
        return "pct"  # "een quotumpercentage van 2,14"
    if _PEOPLE_WITH_JOB.match(after):
        return "jobs"
    if _answers_jobs_question(tok, s):
        return "jobs"  # "Hoeveel banen ...? Antwoord: 44.017.", "Wat was het doel ...? Ruim 6.000."
    if _PEOPLE_HEAD.match(after) and _WORK_FOR_PEOPLE.search(before):
        return "jobs"  # "werk zouden hebben gezorgd voor 125.000 mensen met een beperking"
    if NON_JOB_AFTER.match(after) or _sector_right_after(after):
        return None
    if any(JOB_UNIT_AFTER.match(s.text[t.end :]) for t in group):
        return "jobs"
    if _unit_after_bracket(tok, s):
        return "jobs"
    if _PART_OF_JOBS.match(after):
        return "jobs"  # "48.500 van die banen"
    if _SHARE_AFTER.match(after) and (s.jobs_context or JOB_UNIT_ANY.search(s.text)):
        return "jobs"  # "neemt de overheid er 15.000 voor haar rekening"
    if not (s.jobs_context or JOB_UNIT_ANY.search(s.text)):
        return None
    if COUNTED_OTHER.search(before) and not _breakdown_after(tok, s):
        return None
    if _breakdown_after(tok, s) or WAARVAN.search(before) or _IMPLIED_JOB_BEFORE.search(before):
        return "jobs"
    if _QUANTITATIVE_ER.search(before) and not _NAME_AFTER.match(after):
        return "jobs"
    if _right_after_cue(tok, s):
        return "jobs"  # "bleef steken op 3.597", "in plaats van de beoogde 6.500"
    if _VERB_AFTER_BARE.match(after) or _METRIC_PREDICATE_AFTER.match(after):
        return "jobs"  # "terwijl er 92.500 hadden moeten zijn", "waar 1.600 het doel was"
    if _relative_clause_cue(tok, s):
        return "jobs"  # "de 53.000 die Den Haag telde", "de 5.000 die het zich als doel stelde"
    if (
        before.rstrip().endswith("(")
        and _PAREN_AFTER.match(after)
        and _sector_right_before(before.rstrip()[:-1])
    ):
        return "jobs"
    if (  # "per sector: gemeenten: 1.003; provincies: 303": a sector's count after its colon
        before.rstrip().endswith(":")
        and _sector_right_before(before.rstrip()[:-1])
        and re.match(r"^\s*(?:[;,.]|en\b|$)", after)
    ):
        return "jobs"
    return None


def _answers_jobs_question(tok: NumberToken, s: Sentence) -> bool:
    """'Hoeveel banen ...? Ruim 55.000.', 'Wat was het doel ...? Een kleine 85.000.': a bare
    number answering a question that asks for a number of jobs, by its noun or its metric."""
    if not s.answer_at or not _ANSWER_GAP.search(s.text[: tok.start]):
        return False
    if NON_JOB_AFTER.match(s.text[tok.end :]):
        return False  # "Hoeveel banen? 5.000 mensen ...": it counts something else
    question = s.text[: s.answer_at]
    if _HOW_MANY_JOBS.search(question):
        return True
    asks_pct = any(rx.search(question) for rx in PCT_CUES.values())
    asks_jobs = any(rx.search(question) for rx in JOB_CUES.values())
    return s.jobs_context and asks_jobs and not asks_pct


# "met 53.799 banen overtroffen zij de 50.000": the value set against the number it beat
_EXCEEDS_SMALLER = re.compile(
    r"^\s*(?:\w*banen\s+)?(?:overtr(?:of|offen)|overschreden)\s+(?:\w+\s+){0,3}?"
    r"(?:de|het|hun|haar)\s+(?:\w+\s+){0,2}?(?P<other>\d[\d.]*)",
    _I,
)


def _baseline_own_number(tok: NumberToken, s: Sentence) -> bool:
    """'75.000 banen van de nulmeting', 'Bij de start van de afspraak waren er al 75.000': a
    baseline cue right after the value, or the start of the agreement before it in its own
    clause (not 'Inclusief de banen van de nulmeting werkten ... N': a total with it)."""
    after = re.split(r"\d", s.text[tok.end :])[0][:60]
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(s.text, 0, tok.start)), default=0)
    return bool(_BASELINE_CUE.search(after) or _AT_THE_START.search(s.text[lo : tok.start]))


def _changed_since(after: str, before: str, s: Sentence, value: float) -> bool:
    """A change, by the words after the value: 'N meer', 'N extra banen ten opzichte van eind
    2021', 'N banen bij' -- the last a level where the sentence counts from the baseline or
    calls it a total ('In totaal zijn er in 2019 61.615 banen bijgekomen'); not the target's
    own number ('zijn taakstelling van 5.800 ruim overtroffen')."""
    beat = _EXCEEDS_SMALLER.match(after)
    beat_values = find_numbers(beat.group("other")) if beat else []
    if (
        _DELTA_NOT_JOINED.match(after)
        and not (beat_values and beat_values[0].value < value)
        and not _TARGET_OWN_NUMBER.search(before)
    ):
        return True
    if _CHANGE_SINCE_AFTER.match(after):
        return True
    return bool(_JOINED_AFTER.match(after)) and not _LEVEL_SINCE_BASELINE.search(s.text)


def _clause(tok: NumberToken, s: Sentence) -> str:
    """The value's own clause."""
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(s.text, 0, tok.start)), default=0)
    hit = CLAUSE_BREAK.search(s.text, tok.end)
    return s.text[lo : hit.start() if hit else len(s.text)]


def _unemployed(tok: NumberToken, s: Sentence) -> bool:
    """'waren er 27 duizend (14%) werkloos': people out of work, by the words of the value's
    clause or those after it up to a comma (past a bracketed aside)."""
    after = re.split(r"[,;:]|\.\s", s.text[tok.end :])[0]
    return bool(_UNEMPLOYED.search(_clause(tok, s)) or _UNEMPLOYED.search(after))


def _counted_in(tok: NumberToken, s: Sentence) -> bool:
    """'Ook telden 11.000 extra banen mee van ...': counted in with a total, in its clause."""
    return bool(_COUNTED_IN.search(_clause(tok, s)))


def _right_after_cue(tok: NumberToken, s: Sentence) -> bool:
    """A bare number that a jobs cue ends right before (a qualifier aside): the cue's number."""
    return any(
        c[2] <= tok.start
        and (
            _CUE_THEN_VALUE.match(s.text[c[2] : tok.start])
            # "De taakstelling voor dit jaar: 33.000", "met een doel van 3.000"
            or _CUE_OWNS_NEXT.match(s.text[c[2] : tok.start])
            or _CUE_COLON_VALUE.match(s.text[c[2] : tok.start])
        )
        for c in [*_cues(s, JOB_CUES), *_cues(s, BREAKDOWN)]
    )


def _relative_clause_cue(tok: NumberToken, s: Sentence) -> bool:
    """'de 1.150 die het zich als doel had gesteld': a relative clause on a bare number that
    sets or counts it, by any metric cue in it."""
    rel = _RELATIVE_CLAUSE_SPAN.match(s.text[tok.end :])
    return rel is not None and any(rx.search(rel.group(0)) for rx in JOB_CUES.values())


def _unit_after_bracket(tok: NumberToken, s: Sentence) -> bool:
    """'125.000 (100.000 in de marktsector en 25.000 bij de overheid) extra banen': a
    breakdown in brackets between a total and its unit."""
    m = _BRACKET_THEN_UNIT.match(s.text[tok.end :])
    return m is not None


def _sector_right_before(before: str) -> bool:
    """'zowel het Rijk (3.870)': a sector named right before the value's bracket."""
    hits = vocab.find_sectors(before[-60:])
    return bool(hits) and not before[-60:][hits[-1][2] :].strip()


def _sector_right_after(after: str) -> bool:
    """'21 hbo-instellingen', '12 provincies': the number counts organisations."""
    hits = vocab.find_sectors(after[:60])
    return bool(hits) and not after[: hits[0][1]].strip(" -")


def _breakdown_after(tok: NumberToken, s: Sentence) -> str | None:
    """'346 in eigen dienst', '596 banen zijn gerealiseerd via SROI': up to the next value."""
    nxt = min((v.start for v in s.values if v.start > tok.start), default=len(s.text))
    window = s.text[tok.end : min(nxt, tok.end + 90)]
    people = _PEOPLE_HEAD.match(window)  # "553 mensen uit de doelgroep een regulier ..."
    if people:
        window = window[people.end() :]
    for metric, rx in BREAKDOWN.items():
        m = rx.search(window)
        if m and len(window[: m.start()].split()) <= (5 if people else 3):
            return metric
    return None


def _cues(s: Sentence, table: dict[str, re.Pattern[str]]) -> list[tuple[str, int, int]]:
    """Cue matches (metric, start, end); a cue inside a longer cue of another metric is dropped."""
    hits = [(k, m.start(), m.end()) for k, rx in table.items() for m in rx.finditer(s.text)]
    return [
        h
        for h in hits
        if not any(
            o is not h and o[1] <= h[1] and h[2] <= o[2] and o[2] - o[1] > h[2] - h[1] for o in hits
        )
    ]


def _metric(tok: NumberToken, unit: Unit, s: Sentence) -> str | None:
    """The metric of the cue nearest to the value; breakdown cues only right after it."""
    if unit == "jobs":
        breakdown = _breakdown_after(tok, s) or _breakdown_before(tok, s)
        if breakdown:
            return breakdown
    cues = _cues(s, JOB_CUES if unit == "jobs" else PCT_CUES)
    # "de 50.000 die voor hen waren vastgelegd": the verb of the value's own relative clause
    rel = _RELATIVE_CLAUSE_SPAN.match(s.text[tok.end :])
    own = [c for c in cues if rel and tok.end <= c[1] and c[2] <= tok.end + rel.end()]
    if own:
        return min(own, key=lambda c: c[1])[0]
    # a cue that introduces another value later on is that value's ("met 36.904 banen is de
    # doelstelling van 33.000 gehaald"); a value after it shares it ("van 81% tegenover 80%")
    cues = [c for c in cues if c[1] < tok.start or _cue_owner(c, s) in (None, tok)]
    cues = [c for c in cues if not _reached_target(c, tok, s)]
    cues = [c for c in cues if not _in_relative_clause_of_other(c, tok, s)]
    if not cues:
        return None
    owners = [c for c in cues if c[2] <= tok.start and _cue_owner(c, s) is tok]
    if owners:
        # "het doel, dat staat op 70.000": the (nearest) cue that introduces the value
        return max(owners, key=lambda c: c[2])[0]
    span = (tok.start, tok.end)
    cost = {c: gap_cost((c[1], c[2]), span, s) for c in cues}
    # "bij de nulmeting telden zij 9.415 banen": a baseline cue governs its whole clause
    baseline = [c for c in cues if c[0] == "baseline_jobs" and same_clause(c[1:], span, s)]
    baseline = [c for c in baseline if _cue_owner(c, s) in (None, tok)]
    if baseline and not _is_reference_point(baseline[0], span, s):
        return "baseline_jobs"
    cues = [c for c in cues if c[0] != "baseline_jobs" or not _is_reference_point(c, span, s)]
    if not cues:
        return None
    nearest = min(cues, key=cost.__getitem__)
    if nearest[0] == "target_jobs" and _set_against_target(nearest, span, s):
        return "realised_jobs"
    return nearest[0]


def _set_against_target(cue: tuple[str, int, int], span: tuple[int, int], s: Sentence) -> bool:
    """'waar 55.000 de bedoeling was, kwamen er 64.000': a value in a clause of its own,
    contrasted with the clause that holds the target, is what came instead of it."""
    if same_clause(cue[1:], span, s):
        return False
    lo, hi = min(cue[1], span[0]), max(cue[2], span[1])
    start = max((m.start() for m in CLAUSE_BREAK.finditer(s.text, 0, lo)), default=0)
    return any(
        CLAUSE_BREAK.search(s.text, m.end(), hi) is not None
        for m in _CONTRAST_OPENER.finditer(s.text, start, hi)
    )


def _in_relative_clause_of_other(cue: tuple[str, int, int], tok: NumberToken, s: Sentence) -> bool:
    """'om slechts 12.000 banen, en niet om de 53.000 die Den Haag telde': a cue in the
    relative clause of a later value is that value's, not an earlier one's."""
    return cue[1] > tok.end and any(
        tok.end <= v.start
        and v.end <= cue[1]
        and _RELATIVE_CLAUSE_AFTER.match(s.text[v.end : cue[1]])
        for v in s.values
        if v is not tok
    )


def _reached_target(cue: tuple[str, int, int], tok: NumberToken, s: Sentence) -> bool:
    """'haalden zowel de markt (15.604) als de overheid (5453) hun doel', 'haalden met 7.940
    de doelstelling': the target is what was reached, so it is not the values' metric --
    unless it introduces the value ('de doelstelling (9000)')."""
    if cue[0] != "target_jobs" or _cue_owner(cue, s) is tok:
        return False
    lo, hi = max(0, cue[1] - 90), min(len(s.text), cue[2] + 40)
    # not past a colon or a contrast ("hebben hun doel overtroffen: waar 55.000 de bedoeling
    # was"): the target there is another clause's
    lo = max((m.end() for m in _OWN_STRETCH_START.finditer(s.text, lo, cue[1])), default=lo)
    end = re.compile(r"[;:,]").search(s.text, cue[2], hi)
    hi = end.start() if end else hi
    around = s.text[lo : cue[1]] + " " + s.text[cue[2] : hi]
    if _ABOVE_BEFORE.search(s.text[lo : cue[1]]):
        return True  # "De 51.829 banen ... liggen ruim boven het streefcijfer": measured against
    return bool(_ACHIEVE.search(around)) and not TARGET_MODAL.search(around)


def _cue_owner(cue: tuple[str, int, int], s: Sentence) -> NumberToken | None:
    """The value a cue introduces ("de doelstelling van 33.000"), if any."""
    nxt = next((v for v in s.values if v.start >= cue[2]), None)
    if nxt is None:
        return None
    gap = s.text[cue[2] : nxt.start]
    if _CUE_OWNS_NEXT.match(gap):
        return nxt
    # a target word right against its number: "de beoogde 6.500", "de vereiste 3.000 banen"
    if cue[0] == "target_jobs" and _CUE_THEN_VALUE.match(gap):
        return nxt
    return None


def in_target_frame(tok: NumberToken, s: Sentence) -> bool:
    """'Het doel is dat er in 2026 125.000 banen zijn bijgekomen, waarvan 100.000 in de
    marktsector': a value in the clause a target noun frames is meant, whatever verb the clause
    uses -- past its commas (the parts), up to a contrast or what came of it."""
    return any(
        not _TARGET_FRAME_END.search(s.text, m.end(), tok.start)
        for m in _TARGET_FRAME.finditer(s.text, 0, tok.start)
    )


def modal_scope(tok: NumberToken, s: Sentence) -> str:
    """The stretch of the sentence a modal verb reaches the value from -- less a purpose
    clause of another value ("De doelstelling om in 2019 55.000 banen te realiseren is met
    61.615 extra banen gehaald": the infinitive is the 55.000's)."""
    joins = _sector_list_joins(s.text)
    breaks = [
        m
        for m in _MODAL_SCOPE_BREAK.finditer(s.text)
        if not any(a <= m.start() and m.end() <= b for a, b in joins)
    ]
    lo = max((m.end() for m in breaks if m.end() <= tok.start), default=0)
    hi = min((m.start() for m in breaks if m.start() >= tok.end), default=len(s.text))
    scope = s.text[lo:hi]
    for m in _PURPOSE_CLAUSE.finditer(s.text, lo, hi):
        others = any(m.start() <= v.start < m.end() for v in s.values if v is not tok)
        if others and not m.start() <= tok.start < m.end():
            a, b = m.start() - lo, m.end() - lo
            scope = scope[:a] + " " * (b - a) + scope[b:]
    return scope


_LIST_JOIN = re.compile(r"^\s*(?:,|en|of|and|or|,\s*(?:en|of|and|or))\s*(?:de\s+|het\s+)?$", _I)


def _sector_list_joins(text: str) -> list[tuple[int, int]]:
    """The joints of a list of sectors ('bij ministeries, gemeenten en provincies'): one
    phrase, not a clause boundary."""
    mentions = sorted((a, b) for _, a, b in vocab.find_sectors(text))
    return [
        (b, c)
        for (_, b), (c, _) in zip(mentions, mentions[1:], strict=False)
        if _LIST_JOIN.match(text[b:c])
    ]


def _is_reference_point(cue: tuple[str, int, int], span: tuple[int, int], s: Sentence) -> bool:
    """'75.000 extra banen ten opzichte van de nulmeting': the baseline is what the value is
    measured against, not what it is -- unless the value is the baseline's own number
    ('ten opzichte van de nulmeting van 9.415 banen')."""
    compared = _COMPARISON_WORD.search(s.text[: cue[1]])
    own_number = cue[2] <= span[0] and _BASELINE_OF.match(s.text[cue[2] : span[0]])
    return bool(compared) and not own_number


# a sentence that opens on a part: "Van de reguliere banen ...", "Het aantal banen via
# uitzendcontracten ...", "The number of jobs through agency work ..."
_OF_THE_PART = re.compile(
    r"^\W*(?:(?:van|of)\s+(?:de|het|deze|die|alle|the|these|all)"
    r"|(?:het\s+|the\s+)?(?:aantal|number\s+of)\s+(?:extra\s+|additional\s+)?(?:banen|jobs))\s+$",
    _I,
)


def _breakdown_before(tok: NumberToken, s: Sentence) -> str | None:
    """'Via SROI zijn 210 banen gerealiseerd': a breakdown cue opening the value's clause; of
    overlapping cues the longer ("uitzendcontract of detachering", not "detachering")."""
    hits = [
        (m.start(), m.end(), metric)
        for metric, rx in BREAKDOWN.items()
        for m in rx.finditer(s.text[: tok.start])
    ]
    hits = [
        h
        for h in hits
        if not any(
            o is not h and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits
        )
    ]
    for start, _end, metric in hits:
        # "Van de reguliere banen zat het meeste bij de markt (38.850); de overheid kwam tot
        # 2.945": a sentence that opens on a part speaks of that part throughout
        if _OF_THE_PART.match(s.text[:start]):
            return metric
    for _start, end, metric in sorted(hits, key=lambda h: -h[1]):
        gap = s.text[end : tok.start]
        if (
            len(gap) < 50
            # "Reguliere dienstverbanden: 24.155": a label naming the part, and its value
            and (not CLAUSE_BREAK.search(gap) or _CUE_COLON_VALUE.match(gap))
            and not any(end <= v.start < tok.start for v in s.values)
        ):
            return metric
    return None


def counts_what_went_before(tok: NumberToken, group: list[NumberToken], s: Sentence) -> bool:
    """'waren dat er nog 2.240': a bare number that counts whatever the previous sentence
    counted ("dat" points back), so it is jobs only if that was."""
    bare = not any(JOB_UNIT_AFTER.match(s.text[t.end :]) for t in group)
    return bare and bool(_ANAPHORIC_COUNT.search(QUALIFIER_END.sub(" ", s.text[: tok.start])))


def own_cue(tok: NumberToken, unit: Unit, s: Sentence) -> bool:
    """A metric cue in the value's own clause (not one it shares with the enumeration head)."""
    cues = _cues(s, JOB_CUES if unit == "jobs" else PCT_CUES)
    return any(
        same_clause((c[1], c[2]), (tok.start, tok.end), s) and _cue_owner(c, s) in (None, tok)
        for c in cues
    )


def is_realised(metric: str) -> bool:
    """A count of what was achieved (realised jobs, their parts, the realisation %)."""
    spec = vocab.METRIC.get(metric)
    return metric in ("realised_jobs", "realisation_pct") or bool(
        spec and spec.part_of == "realised_jobs"
    )
