"""Rule-based figure extraction: sentences -> numbers -> (sector, year, metric) -> Figure.

Deterministic and offline. For every number in a passage we decide, from the words
around it, whether it is a jobs figure or a percentage the Banenafspraak reports
(vocabulary in `banen_qa.extract.vocab`), then bind it to
- a metric: the nearest cue word in its clause ("gerealiseerd", "doelstelling", "via SROI");
- a sector: the nearest sector named in its sentence, else the passage's section heading,
  else the sector the passage last named;
- a year: one written next to it ("59% in 2019"), else one in its sentence (not after
  "ten opzichte van"), else the year a "dit jaar"/"daarmee" sentence refers back to,
  else the year the report is about;
and pair enumerations ("voor 2019, 2020 en 2021 achtereenvolgens 297, 413 en 663 banen").
Every record is validated against the page it cites and cross-checked (realised/target vs %).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from banen_qa.extract import vocab
from banen_qa.extract.numbers import NumberToken, find_numbers
from banen_qa.extract.validate import check_figure, cross_check, dedupe
from banen_qa.models import Figure, ParsedDocument, Passage, TableBlock, TableCell, Unit
from banen_qa.sentences import split_sentences
from banen_qa.text import normalize_ws

_I = re.IGNORECASE

# --- compiled vocabulary -------------------------------------------------------------------


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {k: re.compile("|".join(f"(?:{p})" for p in pats), _I) for k, pats in table.items()}


# Metric cues, compiled; compiled again whenever the vocabulary gains a metric.
_JOB_CUES: dict[str, re.Pattern[str]] = {}
_PCT_CUES: dict[str, re.Pattern[str]] = {}
_BREAKDOWN: dict[str, re.Pattern[str]] = {}
_TABLE_JOB: dict[str, re.Pattern[str]] = {}
_TABLE_PCT: dict[str, re.Pattern[str]] = {}


def _compile_metric_cues() -> None:
    for compiled, table in (
        (_JOB_CUES, vocab.JOB_CUES),
        (_PCT_CUES, vocab.PCT_CUES),
        (_BREAKDOWN, vocab.BREAKDOWN_CUES),
        (_TABLE_JOB, vocab.TABLE_JOB_CUES),
        (_TABLE_PCT, vocab.TABLE_PCT_CUES),
    ):
        compiled.clear()
        compiled.update(_compile(table))


_compile_metric_cues()
vocab.on_change(_compile_metric_cues)
_JOB_UNIT_AFTER = re.compile(
    rf"^\s*(?:(?!{vocab.NOT_JOB_ADJECTIVE})\(?\w+\)?\s+)?(?:{vocab.JOB_UNIT})", _I
)
_JOB_UNIT_NEXT = re.compile(rf"^\s*(?:{vocab.JOB_UNIT})", _I)
_JOB_UNIT_ANY = re.compile(vocab.JOB_UNIT, _I)
_NON_JOB_AFTER = re.compile(rf"^\s*(?:\w+\s+)?(?:{vocab.NON_JOB_NOUNS})\b|^\s*sectoren\b", _I)
_DELTA_BEFORE = re.compile(rf"(?:{vocab.DELTA_CUES})\s*(?:\w+\s+)?$", _I)
_TARGET_AS_GROWTH = re.compile(vocab.TARGET_AS_GROWTH, _I)
# "kwam tot ruim 51.000": a qualifier between the cue and its number
_QUALIFIER_END = re.compile(
    r"\s(?:ruim|bijna|circa|ca\.|ongeveer|slechts|maar|zo'n|nog|net|krap|over|nearly|almost"
    r"|rond\s+de|rond|omstreeks|meer\s+dan|minstens|zeker|ten\s+minste)\s+$",
    _I,
)
_PER_YEAR_BEFORE = re.compile(vocab.PER_YEAR_BEFORE, _I)
_PER_YEAR_AFTER = re.compile(vocab.PER_YEAR_AFTER, _I)
_CUMULATIVE = re.compile(vocab.CUMULATIVE, _I)
_ANAPHORIC_COUNT = re.compile(
    r"\b(?:(?:waren|zijn|was|is|werden)\s+(?:dat|dit|het)\s+er|(?:dat|dit)\s+(?:waren|zijn)\s+er"
    # "11.469 personen hadden een advies. Van hen waren er 7.421 aan het werk."
    r"|\bvan\s+(?:hen|wie|die)\s+(?:\w+\s+){0,2}?er)"
    r"\s+(?:\w+\s+){0,2}?$",
    _I,
)
_DELTA_AFTER = re.compile(rf"^\s*(?:{vocab.DELTA_AFTER})", _I)
_CHANGE_SINCE_AFTER = re.compile(vocab.CHANGE_SINCE_PERIOD_AFTER, _I)
_DELTA_NOT_JOINED = re.compile(rf"^\s*(?:{vocab.DELTA_AFTER_NOT_JOINED})", _I)
_JOINED_AFTER = re.compile(rf"^\s*(?:{vocab.JOINED_AFTER})", _I)
_LEVEL_SINCE_BASELINE = re.compile(vocab.LEVEL_SINCE_BASELINE, _I)
_VERB_AFTER_BARE = re.compile(vocab.VERB_AFTER_BARE, _I)
_RELATIVE_CLAUSE_AFTER = re.compile(vocab.RELATIVE_CLAUSE_AFTER, _I)
_RELATIVE_CLAUSE_SPAN = re.compile(r"^\s*(?:die|which)\s[^,;:.()\d]*", _I)
_COUNTED_IN = re.compile(vocab.COUNTED_IN, _I)
_WORK_FOR_PEOPLE = re.compile(vocab.WORK_FOR_PEOPLE_BEFORE, _I)
# "om in 2019 55.000 banen te realiseren": a purpose clause, with its own number
_PURPOSE_CLAUSE = re.compile(r"\bom\s[^,;:()]*?\bte\s+\w+", _I)
_PCT_NOT_METRIC = re.compile(rf"^\s*(?:{vocab.PCT_NOT_METRIC_AFTER})", _I)
_CLAUSE_BREAK = re.compile(vocab.CLAUSE_BREAK, _I)
_COMPARISON = re.compile(vocab.COMPARISON_BEFORE, _I)
# what starts on a day: "het quotum gaat per 1 januari 2019 in", "treedt in werking"
_STARTS = re.compile(
    r"\b(?:gaat|gaan|ging|gingen)\s+(?:\S+\s+){0,8}?in\b|\bin\s+werking\b|\bvan\s+kracht\b"
    r"|\bingevoerd\b|\bgeactiveerd\b|\bingaan\b|\bstart\w*\b",
    _I,
)
_COMPARED_BEFORE = re.compile(
    rf"(?:\b(?:meer|minder|hoger|lager|more|fewer|less)\s+(?:dan|than)|{vocab.COMPARISON_BEFORE})"
    r"\s*(?:eind\s+|end\s+)?$",
    _I,
)
_COMPARISON_WORD = re.compile(rf"(?:{vocab.COMPARED_WITH}|relative\s+to)\s+(?:de|het|the)?\s*$", _I)
_REFERENCE_POINT = re.compile(
    rf"(?:{vocab.COMPARED_WITH}|boven)\s+(?:de|het|the)?\s*"
    r"(?:nulmeting\w*|baseline|uitgangssituatie)",
    _I,
)
_BASELINE_OF = re.compile(r"^\s*(?:van|of|[:=]|bedroeg|bedraagt|was|is)\s*$", _I)
_ANAPHORA = re.compile(vocab.YEAR_ANAPHORA, _I)
_TARGET_ANAPHORA = re.compile(vocab.TARGET_ANAPHORA, _I)
_SHARE_IN_WHOLE = re.compile(vocab.SHARE_IN_WHOLE_BEFORE, _I)
_WHOLE_AGREEMENT = re.compile(vocab.WHOLE_AGREEMENT, _I)
_CONTINUATION = re.compile(vocab.CONTINUATION, _I)
_YEAR_AFTER = re.compile(vocab.YEAR_AFTER_VALUE, _I)
_YEAR_BEFORE = re.compile(vocab.YEAR_BEFORE_VALUE, _I)
_QUARTER = re.compile(vocab.QUARTER, _I)
_DATE_BEFORE_YEAR = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\s+$", _I)
_WRITTEN_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\s+((?:19|20)\d\d)\b", _I)
_DATE_DAY = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\b\.?", _I)
_REFERENCES = [re.compile(p, _I) for p in vocab.REFERENCE_PATTERNS]
_WAARVAN = re.compile(r"(?:waarvan|daarvan|hiervan|of\s+which|of\s+these)\s*(?:\w+\s+)?$", _I)
_IMPLIED_JOB_BEFORE = re.compile(vocab.IMPLIED_JOB_BEFORE, _I)
_ENUM_SEP = re.compile(rf"^\s*(?:{vocab.JOB_UNIT})?\s*(?:,|;|en|and|&|tot|to)\s*(?:ook\s+)?$", _I)
# "markt en overheid", "markt- of voor overheidsopdrachtgevers", "zowel de markt als de overheid"
_SECTOR_ENUM_SEP = re.compile(
    r"^-?\s*(?:,|en|and|&|/|als|of|or)\s*(?:bij|voor|in|at|for)?\s*(?:de|het|the)?\s*$", _I
)
_RELATIVE_YEARS = [(re.compile(p, _I), anchor, off) for p, anchor, off in vocab.RELATIVE_YEARS]
# an answer to the question before: "Het antwoord: 61.615", "Dat stond op 43.500"
_ANSWER_OPENING = re.compile(
    r"^\W*(?:(?:het\s+)?antwoord\s*:|(?:dat|die|deze|dit|het|that|it)\s+(?:stond|staat|lag|ligt"
    r"|was|is|bedroeg|bedraagt|kwam|komt)\b)",
    _I,
)
# a bare number answering "Hoeveel banen ...?"
_ANSWER_TO_HOW_MANY = re.compile(
    r"\b(?:hoeveel|how\s+many)\s+(?:\w+\s+){0,2}?(?:banen|jobs)\b[^?]*\?\s*"
    r"(?:(?:het\s+)?antwoord\s*:)?\s*$",
    _I,
)
_RESPECTIVELY = re.compile(r"\b(?:respectievelijk|respectively)\s*(?:\w+\s+)?$", _I)
_SECTOR_AFTER_VALUE = re.compile(vocab.SECTOR_AFTER_VALUE, _I)
_SECTOR_BEFORE_VALUE = re.compile(vocab.SECTOR_BEFORE_VALUE, _I)
_SECTOR_ASIDE = re.compile(vocab.SECTOR_ASIDE_BEFORE, _I)
_TARGET_MODAL = re.compile(vocab.TARGET_MODAL, _I)
_MODAL_SCOPE_BREAK = re.compile(vocab.MODAL_SCOPE_BREAK, _I)
_PEOPLE_WITH_JOB = re.compile(vocab.PEOPLE_WITH_JOB, _I)
_PEOPLE_HEAD = re.compile(
    r"^\s*(?:mensen|personen|werknemers)\s+(?:met\s+een\s+(?:arbeids)?beperking|uit\s+de\s+"
    r"doelgroep(?:\s+banenafspraak)?)",
    _I,
)
# "het aantal personen ... komt uit op 238.721": a bare number that counts something else
_COUNTED_OTHER = re.compile(
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
# "Daarvan komen 3.000 voor ...", "Voor Defensie komt dat neer op 800": a part or a
# recalculation of the figure before, and so of its metric
_POINTS_BACK = re.compile(vocab.POINTS_BACK_TO_FIGURE, _I)
_GAP_SCOPE_END = re.compile(r"[;:]|,\s")
# a total that counts the baseline jobs in ("Tellen we de 75.179 banen van de nulmeting mee",
# "Met de banen die er bij de nulmeting al waren, telde ... 147.988"): only the baseline's
# own number there is a figure
_WITH_BASELINE = re.compile(
    # ("tellen we vanaf de nulmeting" counts from it, not with it)
    r"\b(?:(?:tel|tellen|telt|reken|rekenen|rekent|neem|nemen|neemt)\s+(?:je|we|wij|men|u|jij)"
    r"|inclusief|meegeteld|meegerekend|opgeteld\s+bij|met\s+de)\b"
    rf"(?:(?!{vocab.COMPARED_WITH})[^;]){{0,70}}?\bnulmeting"
    r"|\bnulmeting\w*\s+(?:\w+\s+){0,4}?(?:mee\b|meegerekend|meegeteld|erbij)",
    _I,
)
_BASELINE_CUE = re.compile(r"nulmeting|baseline", _I)
# a target that is the object of reaching it ("haalden hun doel", "de doelstelling gehaald"):
# the values around it are what was realised, unless the target introduces its own number
_ACHIEVE = re.compile(
    r"\b(?:haal\w*|gehaald|behaal\w*|bereik\w*|overtr\w*|overschr\w*|reached|exceeded)\b", _I
)
# "liggen ruim boven het streefcijfer": the target is the yardstick, not the value's metric
_ABOVE_BEFORE = re.compile(
    r"\b(?:boven|onder|beneden|above|below)\s+(?:het|de|hun|haar|zijn|the|their)\s*$", _I
)
# "1 januari 2020": the end of 2019
_NEW_YEAR_DAY = re.compile(r"\b1\s+(?:januari|jan\.?|january)\s+$", _I)
# "begin 2026", "tot begin 2026": the start of a year (not "het begin van"); "vóór 2026" is
# the deadline year as written (eval/real/README.md, "End years")
_START_OF_YEAR = re.compile(r"\b(?:begin|early|the\s+start\s+of)\s+$", _I)
# the year an agreement dates from: "het sociaal akkoord van 2013", "de afspraak uit 2013"
_AGREEMENT_OF = re.compile(
    r"\b(?:akkoord|afspraak|afspraken|overeenkomst|convenant|agreement)\s+(?:van|uit|of|from)\s+"
    r"(?:[a-z]+\s+)?$",
    _I,
)
# ... and the verb that makes it: "In 2013 spraken kabinet en sociale partners af", "In 2013
# werd het Sociaal Akkoord gesloten" (not "de voor 2015 afgesproken aantallen")
_AGREED = re.compile(
    r"\b(?:spraken|sprak|sloten|sloot|gesloten|ondertekend\w*|tekenden|overeengekomen|agreed"
    r"|(?:is|werd|zijn|werden)\s+(?:\w+\s+){0,2}?afgesproken)\b",
    _I,
)
# a sentence that states what was agreed or promised, not what is due by a given year
_COMMITMENT = re.compile(
    r"\b(?:spraken|sprak|spreken)\s+(?:[\w'-]+\s+){0,6}?af\b|\b(?:is|werd)\s+afgesproken\b"
    r"|\b(?:zegden|zegt|zeiden)\s+(?:[\w'-]+\s+){0,4}?toe\b|\bbeloofde?n?\b|\btoegezegd\b"
    r"|\btekende\w*\s+voor\b|\bverbonden\s+zich\b|\bverbind\w*\s+zich\b"
    r"|\bgarant\s+voor\b|\bbeog\w*\b|\baan\s+de\s+lat\b|\bde\s+komende\s+jaren\b"
    r"|\bcommitted\b|\bpromised\b|\bagreed\b",
    _I,
)
# what joins one member of a run to the next: "... en nog eens 12.448", ", 3.000"
_NEXT_MEMBER = re.compile(
    r"^[^.;:()]{0,25}?(?:,|\ben\b|\band\b)\s*(?:(?:nog\s+eens|ook|daarnaast)\s+)?$", _I
)
_THEN = re.compile(r"^\s*,?\s*(?:toen|when)\b", _I)
_YEAR_END_DAY = re.compile(r"\b(?:1\s+(?:januari|jan\.?|january)|31\s+(?:december|dec\.?))\s+$", _I)
# "De teller staat nu op 61.615", "daarvan zijn er nu 37.000 ingevuld": the latest
# measurement the text reports on, not the day it was written
_NOW = re.compile(r"\b(?:nu|inmiddels|momenteel|op\s+dit\s+moment|now|currently)\b", _I)
# the year a document dates its baseline: "de nulmeting eind 2012", "nulmeting (1 januari 2013)"
_BASELINE_YEAR = re.compile(
    rf"\b(?:nulmeting\w*|0-meting|baseline)\s*\(?\s*(?:(?:van|uit|in|op|per|eind|ultimo|of)\s+)?"
    rf"(?P<day>\d{{1,2}}\s+(?:{vocab.MONTHS})\s+)?(?P<y>(?:19|20)\d\d)\b",
    _I,
)
_TRANSITION_FROM = re.compile(vocab.TRANSITION_FROM, _I)
_LEAD_IN_CHANGE = re.compile(vocab.LEAD_IN_PERIOD_COMPARISON, _I)
_LIST_ITEM = re.compile(vocab.LIST_ITEM)
_PCT_NOUN_BEFORE = re.compile(vocab.PCT_NOUN_BEFORE, _I)
_LEAD_IN_REALISED = re.compile(vocab.LEAD_IN_REALISED, _I)
_LEAD_IN_TARGET = re.compile(vocab.LEAD_IN_TARGET, _I)
_LABEL_BEFORE = re.compile(vocab.LABEL_BEFORE, _I)
_UNKNOWN_SECTOR = re.compile(r"\b\w+sector\b", _I)
_ONE_ORGANISATION = re.compile(vocab.ONE_ORGANISATION)
_NOT_ONE_ORGANISATION = re.compile(vocab.NOT_ONE_ORGANISATION)
_PERIOD_OPENING = re.compile(vocab.PERIOD_COMPARISON_OPENING, _I)
_LEVEL_REACHED = re.compile(
    r"\b(?:naar|tot|toen(?:\s+er)?)\s+(?:(?:ruim|bijna|circa|ongeveer|zo'n)\s+)?$", _I
)
_REGION = re.compile(vocab.REGION)
_NATIONAL = re.compile(vocab.NATIONAL, _I)
_TRANSITION_TO = re.compile(vocab.TRANSITION_TO, _I)
_TRANSITION_VERB = re.compile(vocab.TRANSITION_VERB, _I)
_PERIOD_AFTER = re.compile(vocab.PERIOD_AFTER_VALUE, _I)
_MONTH_DATELINE = re.compile(
    rf"(?:^|\n)(?:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?,\s+)?(?:{vocab.MONTHS})\s+(?P<y>(?:19|20)\d\d)"
    r"\s+[–-]\s",
    _I,
)
_PUBLISHED_YEAR = re.compile(
    r"(?:^|\n)[ \t]*(?:gepubliceerd|bijgewerkt|geplaatst|laatst\s+gewijzigd|published|updated)"
    rf"(?:\s+(?:in|op|on))?\s*:?\s*(?:(?:{vocab.MONTHS})\s+)?(?P<y>(?:19|20)\d\d)[ \t]*(?:\n|$)",
    _I,
)
_AGAINST = re.compile(vocab.COMPARED_VALUE_BETWEEN, _I)
_PART_OF_PREVIOUS = re.compile(vocab.PART_OF_PREVIOUS, _I)
_BRACKET_THEN_UNIT = re.compile(
    rf"^\s*\([^()]{{1,120}}\)\s*(?:(?!{vocab.NOT_JOB_ADJECTIVE})[\w-]+\s+){{0,2}}(?:{vocab.JOB_UNIT})",
    _I,
)
# "per 1 april 2019", "peildatum 1 oktober 2022", "stand op 30 juni 2021": the stand at the end
# of a quarter (the quarter before the first day named), not the date of an event
_QUARTER_STAND_DAY = re.compile(
    r"(?:^\s*|\b(?:per|peildatum:?|stand\s+(?:van|op|per))\s+)"
    r"(?:1\s+(?P<first>april|apr\.?|juli|jul\.?|oktober|okt\.?)"
    r"|(?P<last>31\s+maart|30\s+juni|30\s+september))\s+$",
    _I,
)
_QUARTER_OF_DAY = {"apr": 1, "jul": 2, "okt": 3, "31 ": 1, "30 j": 2, "30 s": 3}
_QUARTER_WORD = re.compile(r"\b(?:eerste|tweede|derde|vierde|[1-4]e)\b", _I)
_QUARTER_LIST = re.compile(
    r"\b(?:eerste|tweede|derde|vierde|[1-4]e)(?:\s*(?:,|en|of)\s*(?:het\s+)?"
    r"(?:eerste|tweede|derde|vierde|[1-4]e))+\s+kwarta(?:al|len)\b",
    _I,
)
# "in het derde kwartaal (van 2020) 1.200": a quarter that dates the value after it
_QUARTER_BEFORE = re.compile(
    r"\b(?:in|eind|na|per)\s+(?:het\s+)?(?:eerste|tweede|derde|vierde|[1-4]e)\s+kwartaal"
    r"(?:\s+(?:van\s+)?(?:19|20)\d\d)?\s*,?\s*(?:(?:waren|was|is|zijn)\s+(?:het\s+|er\s+)?)?$",
    _I,
)
# what may stand between two members of a run ("banen in 2019 en", "banen, in 2019"): no
# clause of its own
_ENUM_RUN = re.compile(r"^[^;:()]{0,60}$")
_QUARTER_NO_YEAR = re.compile(
    r"\b(?P<q>eerste|tweede|derde|vierde|[1-4]e|first|second|third|fourth)\s+(?:kwartaal|quarter)"
    r"\b(?!\s+(?:van\s+|of\s+)?(?:19|20)\d\d)",
    _I,
)
# A cue that introduces its own number ("de doelstelling van 33.000", "het doel (9000)").
_CUE_OWNS_NEXT = re.compile(
    r"^\s*(?:(?:\w+\s+){0,3}?(?:van|op|is|was|bedroeg|bedraagt|luidt|[:=])"
    # "het quotum voor de totale sector in 2020 (427)": the bracket closes the cue's phrase
    r"|(?:[\w-]+\s+){0,7}?\(|\s*,\s*(?:die|dat|which))\s*"
    r"(?:ruim|bijna|circa|ongeveer|slechts|maar|in\s+totaal)?\s*$",
    _I,
)


# --- per-sentence analysis -----------------------------------------------------------------


@dataclass
class _Sentence:
    """One sentence of a passage; token and cue offsets are relative to `text`."""

    text: str
    start: int  # offset in the passage text
    years: list[NumberToken] = field(default_factory=list)
    values: list[NumberToken] = field(default_factory=list)
    jobs_context: bool = False  # the paragraph speaks of jobs: a bare number after a cue counts
    answer_at: int = 0  # where the answer starts, when `text` is a question and its answer
    list_metric: str | None = None  # a list item's: what its lead-in says the items count


@dataclass
class _Draft:
    """A value on its way to becoming a Figure."""

    tok: NumberToken  # offsets relative to the sentence
    unit: Unit
    metric: str
    sector: str | None = None
    year: int | None = None
    quarter: int | None = None
    flags: list[str] = field(default_factory=list)


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans of numbers that are references, dates' day numbers, money or 'x van de y'."""
    spans = [m.span() for rx in _REFERENCES for m in rx.finditer(text)]
    spans += [m.span() for m in _DATE_DAY.finditer(text)]
    return spans


def _tokens(sentence: str) -> tuple[list[NumberToken], list[NumberToken]]:
    """Years and other numbers in a sentence, leaving out masked ones."""
    masked = _masked(sentence)
    years, values = [], []
    for tok in find_numbers(sentence):
        if any(s <= tok.start < e for s, e in masked):
            continue
        if _is_year(tok, sentence):
            years.append(tok)
        else:
            values.append(tok)
    return years, values


def _is_year(tok: NumberToken, sentence: str) -> bool:
    return (
        not tok.is_pct
        and tok.raw.isdigit()
        and len(tok.raw) == 4
        and 1990 <= tok.value <= 2050
        and not _JOB_UNIT_NEXT.match(sentence[tok.end :])
    )


def _gap_cost(a: tuple[int, int], b: tuple[int, int], s: _Sentence) -> int:
    """How far apart two spans are: characters between, plus a toll per clause boundary
    and per other value in between (so a cue binds to the value in its own clause)."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi <= lo:
        return 0
    gap = s.text[lo:hi]
    between = sum(1 for v in s.values if lo <= v.start and v.end <= hi)
    return len(gap) + 40 * len(_CLAUSE_BREAK.findall(gap)) + 25 * between


def _groups(tokens: list[NumberToken], text: str) -> list[list[NumberToken]]:
    """Runs of numbers joined by ',' / 'en' ("297, 413 en 663"): enumerations."""
    groups: list[list[NumberToken]] = []
    for tok in tokens:
        if groups and _ENUM_SEP.match(text[groups[-1][-1].end : tok.start]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def _group_of(tok: NumberToken, groups: list[list[NumberToken]]) -> list[NumberToken]:
    return next(g for g in groups if tok in g)


# --- unit and metric -----------------------------------------------------------------------


def _unit(tok: NumberToken, s: _Sentence, group: list[NumberToken]) -> Unit | None:
    """'pct' or 'jobs' when the number is such a figure, None when it counts something else."""
    after, before = s.text[tok.end :], s.text[: tok.start]
    before = _QUALIFIER_END.sub(" ", before)
    delta = _DELTA_BEFORE.search(before) and not _TARGET_AS_GROWTH.search(before)
    if delta or _changed_since(after, s, tok.value):
        return None
    if any(not _GAP_SCOPE_END.search(before[m.end() :]) for m in _GAP_SUBJECT.finditer(before)):
        return None
    if (
        _PERIOD_OPENING.search(before)
        and not _LEVEL_REACHED.search(before)
        and not _TRANSITION_FROM.search(before)
    ):
        # "Vergeleken met het eerste kwartaal kwamen er 13.454 banen bij: 11.505 bij de
        # markt ...": changes over the period -- but not the level it rose to ("... met 25
        # gestegen naar 348") nor the one it came from ("van 5.000 naar ...")
        return None
    if _WITH_BASELINE.search(s.text) and not _BASELINE_CUE.search(re.split(r"\d", after)[0][:60]):
        return None  # "tellen we de banen van de nulmeting mee, dan ...": a total with it
    if _counted_in(tok, s) and not _BASELINE_CUE.search(re.split(r"\d", after)[0][:60]):
        return None  # "Ook telden 11.000 extra banen mee van ...": a subset counted in
    if tok.is_pct or group[-1].is_pct:
        return None if _PCT_NOT_METRIC.match(after) else "pct"
    if tok.value <= 100 and _PCT_NOUN_BEFORE.search(before) and not _JOB_UNIT_NEXT.match(after):
        return "pct"  # "een quotumpercentage van 2,14"
    if _PEOPLE_WITH_JOB.match(after):
        return "jobs"
    if s.answer_at and _ANSWER_TO_HOW_MANY.search(before):
        return "jobs"  # "Hoeveel banen ...? Antwoord: 44.017."
    if _PEOPLE_HEAD.match(after) and _WORK_FOR_PEOPLE.search(before):
        return "jobs"  # "werk zouden hebben gezorgd voor 125.000 mensen met een beperking"
    if _NON_JOB_AFTER.match(after) or _sector_right_after(after):
        return None
    if any(_JOB_UNIT_AFTER.match(s.text[t.end :]) for t in group):
        return "jobs"
    if _unit_after_bracket(tok, s):
        return "jobs"
    if _PART_OF_JOBS.match(after):
        return "jobs"  # "48.500 van die banen"
    if _SHARE_AFTER.match(after) and (s.jobs_context or _JOB_UNIT_ANY.search(s.text)):
        return "jobs"  # "neemt de overheid er 15.000 voor haar rekening"
    if not (s.jobs_context or _JOB_UNIT_ANY.search(s.text)):
        return None
    if _COUNTED_OTHER.search(before) and not _breakdown_after(tok, s):
        return None
    if _breakdown_after(tok, s) or _WAARVAN.search(before) or _IMPLIED_JOB_BEFORE.search(before):
        return "jobs"
    if _right_after_cue(tok, s):
        return "jobs"  # "bleef steken op 3.597", "in plaats van de beoogde 6.500"
    if _VERB_AFTER_BARE.match(after):
        return "jobs"  # "terwijl er 92.500 hadden moeten zijn", "de 53.000 die Den Haag telde"
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


# "met 53.799 banen overtroffen zij de 50.000": the value set against the number it beat
_EXCEEDS_SMALLER = re.compile(
    r"^\s*(?:\w*banen\s+)?(?:overtr(?:of|offen)|overschreden)\s+(?:\w+\s+){0,3}?"
    r"(?:de|het|hun|haar)\s+(?:\w+\s+){0,2}?(?P<other>\d[\d.]*)",
    _I,
)


def _changed_since(after: str, s: _Sentence, value: float) -> bool:
    """A change, by the words after the value: 'N meer', 'N extra banen ten opzichte van eind
    2021', 'N banen bij' -- the last a level where the sentence counts from the baseline or
    calls it a total ('In totaal zijn er in 2019 61.615 banen bijgekomen')."""
    beat = _EXCEEDS_SMALLER.match(after)
    beat_values = find_numbers(beat.group("other")) if beat else []
    if _DELTA_NOT_JOINED.match(after) and not (beat_values and beat_values[0].value < value):
        return True
    if _CHANGE_SINCE_AFTER.match(after):
        return True
    return bool(_JOINED_AFTER.match(after)) and not _LEVEL_SINCE_BASELINE.search(s.text)


def _counted_in(tok: NumberToken, s: _Sentence) -> bool:
    """'Ook telden 11.000 extra banen mee van ...': counted in with a total, in its clause."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, tok.start)), default=0)
    hit = _CLAUSE_BREAK.search(s.text, tok.end)
    return bool(_COUNTED_IN.search(s.text[lo : hit.start() if hit else len(s.text)]))


def _right_after_cue(tok: NumberToken, s: _Sentence) -> bool:
    """A bare number that a jobs cue ends right before (a qualifier aside): the cue's number."""
    return any(
        c[2] <= tok.start
        and (
            _CUE_THEN_VALUE.match(s.text[c[2] : tok.start])
            # "De taakstelling voor dit jaar: 33.000", "met een doel van 3.000"
            or _CUE_OWNS_NEXT.match(s.text[c[2] : tok.start])
            or _CUE_COLON_VALUE.match(s.text[c[2] : tok.start])
        )
        for c in [*_cues(s, _JOB_CUES), *_cues(s, _BREAKDOWN)]
    )


def _unit_after_bracket(tok: NumberToken, s: _Sentence) -> bool:
    """'125.000 (100.000 in de marktsector en 25.000 bij de overheid) extra banen': a
    breakdown in brackets between a total and its unit."""
    m = _BRACKET_THEN_UNIT.match(s.text[tok.end :])
    return m is not None


def _sector_right_before(before: str) -> bool:
    """'zowel het Rijk (3.870)': a sector named right before the value's bracket."""
    hits = vocab.find_sectors(before[-60:])
    return bool(hits) and not before[-60:][hits[-1][2] :].strip()


def _sector_label(tok: NumberToken, s: _Sentence) -> bool:
    """'Overheidssector: 11.842', '- Alle werkgevers samen: 72.809': a label naming a sector
    (or all employers together) and a colon, right before the value."""
    m = _LABEL_BEFORE.match(s.text[: tok.start])
    if not m:
        return False
    label = m.group("label")
    return bool(vocab.find_sectors(label) or vocab.find_weak_sectors(label))


def _sector_right_after(after: str) -> bool:
    """'21 hbo-instellingen', '12 provincies': the number counts organisations."""
    hits = vocab.find_sectors(after[:60])
    return bool(hits) and not after[: hits[0][1]].strip(" -")


def _breakdown_after(tok: NumberToken, s: _Sentence) -> str | None:
    """'346 in eigen dienst', '596 banen zijn gerealiseerd via SROI': up to the next value."""
    nxt = min((v.start for v in s.values if v.start > tok.start), default=len(s.text))
    window = s.text[tok.end : min(nxt, tok.end + 90)]
    people = _PEOPLE_HEAD.match(window)  # "553 mensen uit de doelgroep een regulier ..."
    if people:
        window = window[people.end() :]
    for metric, rx in _BREAKDOWN.items():
        m = rx.search(window)
        if m and len(window[: m.start()].split()) <= (5 if people else 3):
            return metric
    return None


def _cues(s: _Sentence, table: dict[str, re.Pattern[str]]) -> list[tuple[str, int, int]]:
    """Cue matches (metric, start, end); a cue inside a longer cue of another metric is dropped."""
    hits = [(k, m.start(), m.end()) for k, rx in table.items() for m in rx.finditer(s.text)]
    return [
        h
        for h in hits
        if not any(
            o is not h and o[1] <= h[1] and h[2] <= o[2] and o[2] - o[1] > h[2] - h[1] for o in hits
        )
    ]


def _metric(tok: NumberToken, unit: Unit, s: _Sentence) -> str | None:
    """The metric of the cue nearest to the value; breakdown cues only right after it."""
    if unit == "jobs":
        breakdown = _breakdown_after(tok, s) or _breakdown_before(tok, s)
        if breakdown:
            return breakdown
    cues = _cues(s, _JOB_CUES if unit == "jobs" else _PCT_CUES)
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
    span = (tok.start, tok.end)
    cost = {c: _gap_cost((c[1], c[2]), span, s) for c in cues}
    # "bij de nulmeting telden zij 9.415 banen": a baseline cue governs its whole clause
    baseline = [c for c in cues if c[0] == "baseline_jobs" and _same_clause(c[1:], span, s)]
    baseline = [c for c in baseline if _cue_owner(c, s) in (None, tok)]
    if baseline and not _is_reference_point(baseline[0], span, s):
        return "baseline_jobs"
    cues = [c for c in cues if c[0] != "baseline_jobs" or not _is_reference_point(c, span, s)]
    return min(cues, key=cost.__getitem__)[0] if cues else None


def _in_relative_clause_of_other(cue: tuple[str, int, int], tok: NumberToken, s: _Sentence) -> bool:
    """'om slechts 12.000 banen, en niet om de 53.000 die Den Haag telde': a cue in the
    relative clause of a later value is that value's, not an earlier one's."""
    return cue[1] > tok.end and any(
        tok.end <= v.start
        and v.end <= cue[1]
        and _RELATIVE_CLAUSE_AFTER.match(s.text[v.end : cue[1]])
        for v in s.values
        if v is not tok
    )


def _reached_target(cue: tuple[str, int, int], tok: NumberToken, s: _Sentence) -> bool:
    """'haalden zowel de markt (15.604) als de overheid (5453) hun doel', 'haalden met 7.940
    de doelstelling': the target is what was reached, so it is not the values' metric --
    unless it introduces the value ('de doelstelling (9000)')."""
    if cue[0] != "target_jobs" or _cue_owner(cue, s) is tok:
        return False
    lo, hi = max(0, cue[1] - 90), min(len(s.text), cue[2] + 40)
    around = s.text[lo : cue[1]] + " " + s.text[cue[2] : hi]
    if _ABOVE_BEFORE.search(s.text[lo : cue[1]]):
        return True  # "De 51.829 banen ... liggen ruim boven het streefcijfer": measured against
    return bool(_ACHIEVE.search(around)) and not _TARGET_MODAL.search(around)


def _cue_owner(cue: tuple[str, int, int], s: _Sentence) -> NumberToken | None:
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


def _modal_scope(tok: NumberToken, s: _Sentence) -> str:
    """The stretch of the sentence a modal verb reaches the value from -- less a purpose
    clause of another value ("De doelstelling om in 2019 55.000 banen te realiseren is met
    61.615 extra banen gehaald": the infinitive is the 55.000's)."""
    lo = max((m.end() for m in _MODAL_SCOPE_BREAK.finditer(s.text, 0, tok.start)), default=0)
    hit = _MODAL_SCOPE_BREAK.search(s.text, tok.end)
    hi = hit.start() if hit else len(s.text)
    scope = s.text[lo:hi]
    for m in _PURPOSE_CLAUSE.finditer(s.text, lo, hi):
        others = any(m.start() <= v.start < m.end() for v in s.values if v is not tok)
        if others and not m.start() <= tok.start < m.end():
            a, b = m.start() - lo, m.end() - lo
            scope = scope[:a] + " " * (b - a) + scope[b:]
    return scope


def _is_reference_point(cue: tuple[str, int, int], span: tuple[int, int], s: _Sentence) -> bool:
    """'75.000 extra banen ten opzichte van de nulmeting': the baseline is what the value is
    measured against, not what it is -- unless the value is the baseline's own number
    ('ten opzichte van de nulmeting van 9.415 banen')."""
    compared = _COMPARISON_WORD.search(s.text[: cue[1]])
    own_number = cue[2] <= span[0] and _BASELINE_OF.match(s.text[cue[2] : span[0]])
    return bool(compared) and not own_number


def _same_clause(a: tuple[int, int], b: tuple[int, int], s: _Sentence) -> bool:
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    gap = s.text[lo:hi] if hi > lo else ""
    return not _CLAUSE_BREAK.search(gap) and not any(lo <= v.start < hi for v in s.values)


_OF_THE_PART = re.compile(r"^\W*(?:van|of)\s+(?:de|het|deze|die|alle|the|these|all)\s+$", _I)


def _breakdown_before(tok: NumberToken, s: _Sentence) -> str | None:
    """'Via SROI zijn 210 banen gerealiseerd': a breakdown cue opening the value's clause; of
    overlapping cues the longer ("uitzendcontract of detachering", not "detachering")."""
    hits = [
        (m.start(), m.end(), metric)
        for metric, rx in _BREAKDOWN.items()
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
            and (not _CLAUSE_BREAK.search(gap) or _CUE_COLON_VALUE.match(gap))
            and not any(end <= v.start < tok.start for v in s.values)
        ):
            return metric
    return None


# --- sector --------------------------------------------------------------------------------


def _sector_in_sentence(
    tok: NumberToken, s: _Sentence, claimed: dict[int, int] | None = None
) -> str | None:
    """Nearest sector named in the sentence, preferring one before the value; a sector that
    belongs to another value is not this one's, and "markt en overheid" together is totaal."""
    best, best_cost = None, 150
    claimed = claimed or {}
    for group in _sector_groups(s):
        if _is_aside(group, s):
            continue
        for start, end, sector in group:
            if claimed.get(start, id(tok)) != id(tok) or _owned_by_value_before(start, end, tok, s):
                continue
            cost = _gap_cost((start, end), (tok.start, tok.end), s)
            cost += 15 if start > tok.start else 0
            if start > tok.end and ";" in s.text[tok.end : start]:
                cost += 100  # "N banen realiseren; voor de sector overheid lag ...": another's
            if cost < best_cost:
                best, best_cost = _coordinated(group, sector, claimed), cost
    return best  # type: ignore[return-value]


def _owned_by_value_before(start: int, end: int, tok: NumberToken, s: _Sentence) -> bool:
    """'waarvan 38.335 via een regulier dienstverband bij marktwerkgevers en nog eens 12.448
    via ...': a sector in the clause of the value before, right before the next member of the
    run, is that value's -- the member after it has none of its own."""
    if end > tok.start or not _NEXT_MEMBER.match(s.text[end : tok.start]):
        return False
    before = [v for v in s.values if v.end <= start]
    return bool(before) and not _CLAUSE_BREAK.search(s.text[before[-1].end : start])


def _coordinated(group: list[tuple[int, int, object]], sector: object, claimed: dict) -> object:
    """Market and government named together, neither claimed by a value: all employers."""
    names = {g[2] for g in group if g[0] not in claimed}
    return "totaal" if {"marktsector", "overheid"} <= names else sector


def _is_aside(group: list[tuple[int, int, object]], s: _Sentence) -> bool:
    """'met dank aan de marktsector', 'vergeleken met werkgevers in de marktsector': named as
    a cause or a yardstick, the sector is not the subject of the sentence's values."""
    return bool(_SECTOR_ASIDE.search(s.text[: group[0][0]]))


def _sentence_subject(tok: NumberToken, s: _Sentence, attached_at: set[int]) -> str | None:
    """'De sector markt heeft de afspraak (14.000 banen) gehaald: er zijn er 18.957
    gerealiseerd': a value too far from the one sector its sentence names before it still
    belongs to it, unless that sector stands against a value of its own or aside."""
    named = {
        sector
        for group in _sector_groups(s)
        if not _is_aside(group, s)
        for start, end, sector in group
        if start < tok.start
        and start not in attached_at
        and not _owned_by_value_before(start, end, tok, s)
    }
    return named.pop() if len(named) == 1 else None  # type: ignore[return-value]


def _sum_of_named_sectors(tok: NumberToken, s: _Sentence, attached_at: set[int]) -> bool:
    """'zowel de markt (15.604) als de overheid (5453) haalden de doelstelling (9000)': when
    both main sectors are named and each holds a value of its own, a value that belongs to
    neither is their sum."""
    named = [(start, sector) for group in _sector_groups(s) for start, _, sector in group]
    return {"marktsector", "overheid"} <= {sector for _, sector in named} and all(
        start in attached_at for start, _ in named
    )


def _attached_sectors(s: _Sentence) -> dict[int, tuple[int, str, bool]]:
    """Sectors standing right against a value: {id(value): (mention start, sector, claims)}.
    One right after the value ("553 bij de overheid") is that value's alone (claims); one
    right before it ("de overheid (5453)") may still be the subject of a later value."""
    mentions = vocab.find_sectors(s.text)
    out: dict[int, tuple[int, str, bool]] = {}
    for i, tok in enumerate(s.values):
        nxt = s.values[i + 1].start if i + 1 < len(s.values) else len(s.text)
        prev = s.values[i - 1].end if i else 0
        after = [
            m
            for m in mentions
            if tok.end <= m[1] < nxt and _SECTOR_AFTER_VALUE.match(s.text[tok.end : m[1]])
        ]
        before = [
            m
            for m in mentions
            if prev <= m[2] <= tok.start and _SECTOR_BEFORE_VALUE.match(s.text[m[2] : tok.start])
        ]
        hit = after[0] if after else before[-1] if before else None
        if hit and not any(v[0] == hit[1] for v in out.values()):
            out[id(tok)] = (hit[1], hit[0], bool(after))
    return out


def _section_sector(section: str) -> str | None:
    """The deepest sector in a section path ("Overheidssectoren > Defensie" -> defensie)."""
    for part in reversed(section.split(" > ")):
        hits = vocab.find_sectors(part)
        if hits:
            return hits[-1][0]
    return None


def _pair_enumeration(
    tok: NumberToken, values: list[NumberToken], others: list[list[tuple[int, int, object]]]
) -> object | None:
    """The member of an equally long enumeration that stands at the value's position."""
    for group in others:
        if len(group) == len(values) and len(values) > 1:
            return group[values.index(tok)][2]
    return None


def _sector_groups(s: _Sentence) -> list[list[tuple[int, int, object]]]:
    groups: list[list[tuple[int, int, object]]] = []
    for sector, start, end in vocab.find_sectors(s.text):
        if groups and _SECTOR_ENUM_SEP.match(s.text[groups[-1][-1][1] : start]):
            if sector not in [g[2] for g in groups[-1]]:
                groups[-1].append((start, end, sector))
        else:
            groups.append([(start, end, sector)])
    return groups


# --- year ----------------------------------------------------------------------------------


def _bound_year(tok: NumberToken, s: _Sentence) -> NumberToken | None:
    """A year written right next to the value: '59% in 2019', 'in 2020 331 banen'."""
    for y in s.years:
        if y.start >= tok.end and _YEAR_AFTER.match(s.text[tok.end : y.start]):
            return y
    for y in s.years:
        if (
            y.end <= tok.start
            and _YEAR_BEFORE.match(s.text[y.end : tok.start])
            # "ten opzichte van de nulmeting in 2013 33.000" measures against 2013, but
            # "gedaald ten opzichte van eind 2020, toen 12.298 ..." dates the value
            and (not _is_comparison(y, s) or _THEN.match(s.text[y.end : tok.start]))
        ):
            return y
    return None


def _year_value(y: NumberToken, s: _Sentence) -> int:
    """The year a year token dates: "1 januari 2021" (a stand per, the end of a period) is
    the end of 2020, and so is "begin 2021"; "vóór 2021" is the deadline 2021 as written."""
    before = s.text[: y.start]
    return int(y.value) - (
        1 if _NEW_YEAR_DAY.search(before) or _START_OF_YEAR.search(before) else 0
    )


def _is_comparison(y: NumberToken, s: _Sentence) -> bool:
    return bool(_COMPARISON.search(s.text[: y.start]))


def _is_date(y: NumberToken, s: _Sentence) -> bool:
    """'op 18 oktober 2021': the date of an event, not the year a figure is about; so is the
    year an agreement was made ('het sociaal akkoord van 2013', 'In april 2013 spraken
    kabinet en sociale partners af dat ...')."""
    before = s.text[: y.start]
    if _DATE_BEFORE_YEAR.search(before) or _AGREEMENT_OF.search(before):
        return True
    after = s.text[y.end : y.end + 90]
    stop = re.search(r"\b(?:dat|om|that)\b|[;:(]", after)
    return bool(_AGREED.search(after[: stop.start() if stop else len(after)]))


def _year_in_own_clause(tok: NumberToken, s: _Sentence) -> bool:
    """'100.000 banen in de markt die in 2026 ... en 25.000 banen bij de overheid die in 2024
    gerealiseerd moeten zijn': a year after the value, in its own clause, is its own (an
    enumerated value does not take its head's year then)."""
    nxt = min((v.start for v in s.values if v.start > tok.start), default=len(s.text))
    return any(
        tok.end <= y.start < nxt
        and not _CLAUSE_BREAK.search(s.text[tok.end : y.start])
        and not _is_comparison(y, s)
        and not _is_event_date(y, s)
        for y in s.years
    )


def _is_event_date(y: NumberToken, s: _Sentence) -> bool:
    """'Amersfoort, 6 februari 2024 – ...', 'bij brief van 8 september 2017': the day
    something was published or sent, not the year a figure is about. A year's first or last
    day ('per 1 januari 2021', 'op 31 december 2018') is a stand, and does date a figure."""
    before = s.text[: y.start]
    return (
        _is_date(y, s)
        and not _YEAR_END_DAY.search(before)
        and not _QUARTER_STAND_DAY.search(before)
    )


def _stand_quarter(y: NumberToken, s: _Sentence) -> int | None:
    """The quarter a stand 'per 1 april 2019' / '30 juni 2021' closes (1 and 2 here)."""
    m = _QUARTER_STAND_DAY.search(s.text[: y.start])
    if m is None:
        return None
    day = (m.group("first") or m.group("last")).lower()
    return next(q for k, q in _QUARTER_OF_DAY.items() if day.startswith(k))


def _sentence_year(tok: NumberToken, s: _Sentence) -> NumberToken | None:
    """Nearest year in the sentence that is neither a comparison, an event's date nor tied to
    another value."""
    tied_elsewhere = {
        id(y)
        for v in s.values
        if v is not tok
        for y in [_bound_year(v, s)]
        if y is not None and y.start >= v.end
    }
    free = [
        y
        for y in s.years
        if id(y) not in tied_elsewhere and not _is_comparison(y, s) and not _is_event_date(y, s)
    ]
    span = (tok.start, tok.end)
    return min(free, key=lambda y: _gap_cost((y.start, y.end), span, s), default=None)


def _quarter_list(s: _Sentence) -> list[int]:
    """'het eerste, tweede en derde kwartaal (van 2021)': the quarters an enumeration pairs
    with its values, in order."""
    m = _QUARTER_LIST.search(s.text)
    if m is None:
        return []
    return [vocab.QUARTER_WORDS[w.lower()] for w in _QUARTER_WORD.findall(m.group(0))]


def _quarter(year: int | None, tok: NumberToken | None, s: _Sentence) -> int | None:
    """'derde kwartaal (van) 2023' / 'Q3 2023' in the sentence, when it is the value's year;
    a quarter written right next to the value first ('66.700 in het vierde kwartaal', 'in
    het vierde kwartaal 66.700')."""
    if tok is not None:
        own = _own_period(tok, s)[1]
        before = _QUARTER_BEFORE.search(s.text[: tok.start])
        word = _QUARTER_WORD.search(before.group(0)) if before is not None else None
        if own is None and word is not None:
            own = vocab.QUARTER_WORDS[word.group(0).lower()]
        if own is not None and re.search(r"kwartaal|quarter", s.text, _I):
            return own
    for m in _QUARTER.finditer(s.text):
        q, y = (m.group("q"), m.group("y")) if m.group("q") else (m.group("q2"), m.group("y2"))
        if year is not None and int(y) == year:
            return vocab.QUARTER_WORDS[q.lower()]
    if year is not None and any(
        _NEW_YEAR_DAY.search(s.text[: y.start]) and _year_value(y, s) == year for y in s.years
    ):
        return 4  # "per 1 januari 2021": the stand at the end of 2020's fourth quarter
    stands = [q for y in s.years if int(y.value) == year for q in [_stand_quarter(y, s)] if q]
    if stands:
        return stands[0]  # "per 1 april 2019": the stand at the end of its first quarter
    bare = _QUARTER_NO_YEAR.search(s.text)  # "tot en met het vierde kwartaal (van dit jaar)"
    if bare and year is not None and not _QUARTER.search(s.text):
        return vocab.QUARTER_WORDS[bare.group("q").lower()]
    return None


# --- passage walk --------------------------------------------------------------------------


@dataclass
class _Context:
    """What earlier sentences of the passage established."""

    year: int | None = None  # of the last figure, else the last year named
    sector: str | None = None  # the last sector named
    figure_sector: str | None = None  # the sector of the last figure
    topic_sector: str | None = None  # the sector of the paragraph's first figure
    from_figure: bool = False
    last_sentence_sector: str | None = None  # the last sector the previous sentence named
    previous_figure_sector: str | None = None  # of the previous sentence's last figure, if any
    previous_weak_sector: str | None = None  # "in totaal", "werkgevers" in the previous sentence
    previous_head: _Draft | None = None  # the previous sentence's first figure, if any
    figure_sectors: set[str] = field(default_factory=set)  # of the paragraph's figures so far
    document_year: int | None = None  # the year of the document's date
    now_year: int | None = None  # the latest year the document writes a date in (its "now")
    baseline_year: int | None = None  # the year the document dates its baseline in
    counted_other: bool = False  # the last sentence counted something, but not jobs
    metric: str | None = None  # of the paragraph's last figure


def _sentence_drafts(
    s: _Sentence, ctx: _Context, section: str | None, report_year: int | None
) -> list[_Draft]:
    """All figures in one sentence, with sector and year resolved."""
    value_groups = _groups(s.values, s.text)
    year_groups: list[list[tuple[int, int, object]]] = [
        [(y.start, y.end, int(y.value)) for y in g] for g in _groups(s.years, s.text)
    ]
    sector_groups = _sector_groups(s)
    attached = _attached_sectors(s)
    claimed = {start: tid for tid, (start, _, claims) in attached.items() if claims}
    attached_at = {start for start, _, _ in attached.values()}
    drafts: list[_Draft] = []
    prev: _Draft | None = None
    steps = _increments(s)
    for tok in s.values:
        if id(tok) in steps:
            continue
        group = _group_of(tok, value_groups)
        unit = _unit(tok, s, group)
        pair = _transition_pair(tok, s)
        if unit is None and pair is not None:
            # "van 70.525 in het derde kwartaal naar 73.578 in het vierde": one count
            other = pair[1] if tok is pair[0] else pair[0]
            unit = _unit(other, s, _group_of(other, value_groups))
            head = s.text[: pair[0].start]
            if unit is None and _JOB_UNIT_ANY.search(head) and not _COUNTED_OTHER.search(head):
                unit = "jobs"  # "het aantal extra banen liep in 2019 op van N ... naar M"
        split = _splits_previous(tok, s, ctx, id(tok) in attached)
        if unit is None and split is not None:
            unit = split.unit  # "Daarvan komen 3.000 voor rekening van X en 6.000 voor Y"
        inherit = prev is not None and _continues_enumeration(tok, prev, s, id(tok) in attached)
        if inherit and prev is not None and (unit is None or unit == prev.unit):
            after = s.text[tok.end :]
            counts_other = _NON_JOB_AFTER.match(after) and not _dated_by_relative_year(after)
            if not (unit is None and (counts_other or _DELTA_AFTER.match(after))):
                unit = prev.unit
        metric = _metric(tok, unit, s) if unit else None
        if unit is not None and metric is None and ctx.metric and _POINTS_BACK.search(s.text):
            metric = ctx.metric if vocab.METRIC[ctx.metric].unit == unit else None
        if metric is None and unit == "jobs" and _in_sector_bracket(tok, s):
            metric = "realised_jobs"
        if metric is None and unit == "jobs" and pair is not None:
            metric = "realised_jobs"  # "het aantal (extra) banen steeg van N naar M": a level
        if metric is None and unit == "jobs" and _sector_label(tok, s):
            # "- Overheid: 11.842 extra banen" under "De meting laat per sector zien:"; "De
            # overheid kwam uit op 5.453. Samen: 21.057 banen." -- the label's count is what
            # the list's lead-in, else the figure just before, counts
            metric = s.list_metric or (ctx.metric if ctx.previous_head else None)
        if split is not None and unit == split.unit:
            own = metric is not None and (
                vocab.METRIC[metric].part_of is not None or _own_cue(tok, unit, s)
            )
            metric = metric if own else split.metric
        if unit is not None and inherit and prev is not None and unit == prev.unit:
            keep = metric is not None and (
                vocab.METRIC[metric].part_of is not None or _own_cue(tok, unit, s)
            )
            metric = metric if keep else prev.metric
        if (
            unit is not None
            and tok is not group[0]
            and _RESPECTIVELY.search(s.text[: group[0].start])
        ):
            # "lag het doel op respectievelijk 70.000 en 22.500 banen; gerealiseerd werden
            # ...": the members of a 'respectievelijk' run share the metric of its first
            head_metric = _metric(group[0], unit, s)
            metric = head_metric or metric
        if unit is not None and s.answer_at and tok.start >= s.answer_at:
            # the answer's metric is the question's: "Wat was het doel ...? Dat stond op N"
            asked = [c for c in _cues(s, _JOB_CUES if unit == "jobs" else _PCT_CUES)]
            asked = [c for c in asked if c[2] <= s.answer_at]
            metric = asked[0][0] if asked else metric
        if unit is None or metric is None:
            continue
        if unit == "jobs" and ctx.counted_other and _counts_what_went_before(tok, group, s):
            continue  # "... 2.275 personen aan het werk. Eerder waren dat er 2.240."
        if metric == "realised_jobs" and _TARGET_MODAL.search(_modal_scope(tok, s)):
            metric = "target_jobs"
        d = _Draft(tok, unit, metric)
        bracketed = _bracket_aside_of(tok, s, attached)
        if id(tok) in attached and not _pair_enumeration(tok, group, sector_groups):
            d.sector = _coordinated_attached(attached[id(tok)][0:2], sector_groups)
        elif bracketed is not None:
            d.sector = bracketed
        else:
            d.sector = _resolve_sector(
                tok, group, s, ctx, section, sector_groups, metric, d.flags, claimed, attached_at
            )
        d.year = _resolve_year(tok, group, s, ctx, year_groups, report_year, metric, d.flags)
        # "N, tegen M een jaar eerder" sets periods against each other; "25.000 bij de
        # overheid tegenover 100.000 bij de markt" sets sectors against each other
        compared = (
            inherit
            and prev is not None
            and _compared_with(tok, prev, s)
            and d.sector == prev.sector
        )
        if (
            inherit
            and prev is not None
            and _bound_year(tok, s) is None
            and len(group) == 1
            and not _year_in_own_clause(tok, s)
            and not _dated_by_relative_year(s.text[tok.end :])
        ):
            # a value set against a figure, with no period of its own, is the period before
            d.year = _previous_period(prev.year, prev.quarter)[0] if compared else prev.year
        if (
            metric == "realised_jobs"
            and d.year is not None
            and ctx.now_year
            and d.year > max(ctx.now_year, report_year or 0)
        ):
            if "year_from_context" in d.flags and report_year is not None:
                # "Daarvan zijn er 37.000 ingevuld" after a target for 2025: what has been
                # realised is not in the future; the year came from the target, not from it
                d.year = report_year
                d.flags.append("year_from_report")
            else:
                # "in 2026 zijn er 125.000 banen gerealiseerd", in a text of 2023: still to come
                d.metric = "target_jobs"
        d.quarter = _quarter(d.year, tok, s)
        if split is not None and d.metric == split.metric and _bound_year(tok, s) is None:
            d.year = split.year  # a part of the figure before: its year and quarter
        quarters = _quarter_list(s)
        if len(quarters) == len(group) > 1:
            d.quarter = quarters[group.index(tok)]  # "het eerste en tweede kwartaal: N en M"
        elif compared and prev is not None and d.year == prev.year and d.quarter == prev.quarter:
            d.year, d.quarter = _previous_period(prev.year, prev.quarter)
        elif split is not None and d.year == split.year and d.quarter is None:
            d.quarter = split.quarter
        if pair is not None:
            earlier, later = pair

            def resolve(
                hidden: _Sentence, later: NumberToken = later, m: str = metric
            ) -> int | None:
                return _resolve_year(later, [later], hidden, ctx, [], report_year, m, [])

            periods = _transition_periods(earlier, later, s, resolve)
            d.year, d.quarter = periods[0] if tok is earlier else periods[1]
        if d.sector is not None:
            drafts.append(d)
            prev = d
    return drafts


def _sector_before_bracket(opened: int, s: _Sentence) -> str | None:
    """The sector a bracket opens right after, with no value between: 'De marktsector (...'."""
    head = s.text[:opened]
    hits = vocab.find_sectors(head[-60:])
    if not hits or head[-60:][hits[-1][2] :].strip():
        return None
    return hits[-1][0]


def _in_sector_bracket(tok: NumberToken, s: _Sentence) -> bool:
    """'De marktsector (74.031 extra banen; ...)': a count of jobs opening a bracket right after
    a sector, with no cue of its own, is the sector's count so far."""
    before = s.text[: tok.start]
    opened = before.rstrip().rfind("(")
    hits = vocab.find_sectors(before[:opened])
    return (
        before.rstrip().endswith("(")
        and _sector_before_bracket(opened, s) is not None
        # the sector is the sentence's subject ("De marktsector (...) kwam ..."), not a member
        # of a breakdown ("de verdeling over markt (14.000 extra banen) en ...")
        and len(hits) == 1
        and re.fullmatch(r"\W*(?:de|het|the)?\s*", before[: hits[0][1]], _I) is not None
        and bool(_JOB_UNIT_AFTER.match(s.text[tok.end :]))
    )


def _bracket_aside_of(
    tok: NumberToken, s: _Sentence, attached: dict[int, tuple[int, str, bool]]
) -> str | None:
    """'Overheid: 11.842 extra banen (doel: 20.000)': a value in a bracket that names no sector,
    right after a value with a sector of its own, is about that sector too."""
    opened = s.text.rfind("(", 0, tok.start)
    if opened < 0 or ")" in s.text[opened : tok.start]:
        return None
    inside = s.text[opened : tok.start]
    named = _sector_before_bracket(opened, s)
    if named is not None and not vocab.find_sectors(inside):
        return named  # "De marktsector (74.031 extra banen; ambitie 80.000)"
    before = [v for v in s.values if v.end <= opened]
    if (
        not before
        or any(opened < v.start < tok.start for v in s.values)
        or vocab.find_sectors(inside)
    ):
        return None
    head = before[-1]
    if id(head) not in attached or _CLAUSE_BREAK.search(s.text[head.end : opened]):
        return None
    return _coordinated_attached(attached[id(head)][0:2], _sector_groups(s))


def _increments(s: _Sentence) -> set[int]:
    """Values that are per-year increments, not levels: those said to come each year ("elk
    jaar 1.000 extra", "443 mensen per jaar"), and in a sentence that lays out such a schedule
    the steps it dates ("in 2014 2.500 en in 2015 5.000, daarna elk jaar 1.000 extra") -- but
    not a level the sentence says the steps add up to ("in totaal", "uiteindelijk")."""
    per_year = {
        id(v)
        for v in s.values
        if _PER_YEAR_BEFORE.search(_QUALIFIER_END.sub(" ", s.text[: v.start]))
        or _PER_YEAR_AFTER.match(s.text[v.end :])
    }
    if not per_year:
        return per_year
    steps = set(per_year)
    for v in s.values:
        own = _bound_year(v, s)
        if own is None or id(v) in per_year:
            continue
        lo = max((m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, v.start)), default=0)
        if not _CUMULATIVE.search(s.text[lo : v.start]):
            steps.add(id(v))
    return steps


def _counts_what_went_before(tok: NumberToken, group: list[NumberToken], s: _Sentence) -> bool:
    """'waren dat er nog 2.240': a bare number that counts whatever the previous sentence
    counted ("dat" points back), so it is jobs only if that was."""
    bare = not any(_JOB_UNIT_AFTER.match(s.text[t.end :]) for t in group)
    return bare and bool(_ANAPHORIC_COUNT.search(_QUALIFIER_END.sub(" ", s.text[: tok.start])))


def _coordinated_attached(
    mention: tuple[int, str], sector_groups: list[list[tuple[int, int, object]]]
) -> str:
    """'markt- en overheidswerkgevers 86.264': the conjunction that stands against the value
    is its subject as a whole, and both main sectors together are all employers."""
    start, sector = mention
    group = next((g for g in sector_groups if any(m[0] == start for m in g)), [])
    return "totaal" if {"marktsector", "overheid"} <= {m[2] for m in group} else sector


def _own_cue(tok: NumberToken, unit: Unit, s: _Sentence) -> bool:
    """A metric cue in the value's own clause (not one it shares with the enumeration head)."""
    cues = _cues(s, _JOB_CUES if unit == "jobs" else _PCT_CUES)
    return any(
        _same_clause((c[1], c[2]), (tok.start, tok.end), s) and _cue_owner(c, s) in (None, tok)
        for c in cues
    )


def _continues_enumeration(tok: NumberToken, prev: _Draft, s: _Sentence, attached: bool) -> bool:
    """'43.500 extra banen, 12.500 bij de overheid en 31.000 bij de markt', 'N, waarvan M
    in ...': a value with its own sector after a figure of the same sentence; 'N in 2019 en
    M in 2020', 'in 2018 N, in 2019 M': one with its own year (or quarter); 'N, tegen M een
    jaar eerder': one set against it."""
    between = s.text[prev.tok.end : tok.start]
    if attached or _WAARVAN.search(between) or _compared_with(tok, prev, s):
        return True
    own = _bound_year(tok, s) or _bound_quarter(tok, s)
    return own is not None and _ENUM_RUN.match(between) is not None


def _splits_previous(
    tok: NumberToken, s: _Sentence, ctx: _Context, attached: bool
) -> _Draft | None:
    """The figure of the sentence before that this value is a part of: 'Daarvan komen 3.000
    voor rekening van de overheid en 6.000 voor de marktsector', '76.258 daarvan bij het
    bedrijfsleven en 10.835 bij de overheid' -- a value standing against a sector, in a
    sentence that says it splits what went before."""
    head = ctx.previous_head
    if head is None or not _PART_OF_PREVIOUS.search(s.text):
        return None
    after = s.text[tok.end :]
    if (
        _NON_JOB_AFTER.match(after)
        or _DELTA_AFTER.match(after)
        or tok.is_pct != (head.unit == "pct")
    ):
        return None
    return head if attached or _strong_sector_in_clause(tok, s) else None


def _dated_by_relative_year(after: str) -> bool:
    """'4.800 een jaar eerder': the words after the value date it, they do not count it."""
    return any(rx.match(after.lstrip()) for rx, _, _ in _RELATIVE_YEARS)


def _compared_with(tok: NumberToken, prev: _Draft, s: _Sentence) -> bool:
    """'5.200 banen, tegen 4.800 een jaar eerder', 'N tegenover M in 2019': the value an
    earlier figure is set against (an earlier level of the same count)."""
    return _AGAINST.match(s.text[prev.tok.end : tok.start]) is not None


def _bound_quarter(tok: NumberToken, s: _Sentence) -> re.Match[str] | None:
    """A quarter written right next to the value: 'in het derde kwartaal 1.200', '1.200 in
    het derde kwartaal (van 2020)'."""
    year, quarter, _ = _own_period(tok, s)
    if quarter is not None:
        return _QUARTER_NO_YEAR.search(s.text, tok.end) or _QUARTER.search(s.text, tok.end)
    return _QUARTER_BEFORE.search(s.text[: tok.start])


def _weak_sector_in_clause(tok: NumberToken, s: _Sentence) -> str | None:
    """A weak alias ("in totaal", bare "werkgevers") in the value's own clause, outside any
    sector name ("werkgevers in de markt")."""
    strong = vocab.find_sectors(s.text)
    for sector, start, end in vocab.find_weak_sectors(s.text):
        inside = any(a < end and start < b for _, a, b in strong)
        if not inside and _same_clause((start, end), (tok.start, tok.end), s):
            return sector
    return None


def _employers_against_government(tok: NumberToken, s: _Sentence) -> bool:
    """'Werkgevers zegden 100.000 banen toe, en de overheid nog eens 25.000': bare
    "werkgevers" set against the government in another clause are the market's employers,
    not all of them (unless the clause also says "samen", "in totaal")."""
    strong = vocab.find_sectors(s.text)
    own = [
        s.text[a:b].lower()
        for _, a, b in vocab.find_weak_sectors(s.text)
        if _same_clause((a, b), (tok.start, tok.end), s)
        and not any(x < b and a < y for _, x, y in strong)
    ]
    return (
        any(w in ("werkgevers", "employers") for w in own)
        and all(w in ("werkgevers", "employers", "landelijk") for w in own)
        and {m[0] for m in strong} == {"overheid"}
        and not _strong_sector_in_clause(tok, s)
    )


def _strong_sector_in_clause(tok: NumberToken, s: _Sentence) -> bool:
    return any(
        _same_clause((a, b), (tok.start, tok.end), s) for _, a, b in vocab.find_sectors(s.text)
    )


def _resolve_sector(
    tok: NumberToken,
    group: list[NumberToken],
    s: _Sentence,
    ctx: _Context,
    section: str | None,
    sector_groups: list[list[tuple[int, int, object]]],
    metric: str,
    flags: list[str],
    claimed: dict[int, int] | None = None,
    attached_at: set[int] | None = None,
) -> str | None:
    """Enumerated sector, else the sentence's, else the context's (see module docstring).
    `claimed`: mention start -> the value it belongs to alone; `attached_at`: starts of all
    mentions that stand against some value."""
    paired = _pair_enumeration(tok, group, sector_groups)
    if paired:
        return paired  # type: ignore[return-value]
    if _SHARE_IN_WHOLE.search(s.text[: tok.start]):
        # "het aandeel van de gemeenten in de 125.000 banen": the whole, whose sector (if any)
        # follows it ("in de 25.000 banen van de overheid")
        whole = [
            m
            for m, a, b in vocab.find_sectors(s.text)
            if a >= tok.end and _same_clause((a, b), (tok.start, tok.end), s)
        ]
        return whole[0] if whole else "totaal"
    in_sentence = _sector_in_sentence(tok, s, claimed)
    weak_here = _weak_sector_in_clause(tok, s)
    if in_sentence == "overheid" and weak_here and _employers_against_government(tok, s):
        return "marktsector"  # "Werkgevers ... 100.000 banen, en de overheid ... 25.000"
    if in_sentence and weak_here and not _strong_sector_in_clause(tok, s):
        return weak_here  # "werkgevers realiseerden in totaal N banen; de markt ..."
    if in_sentence:
        return in_sentence
    attached_at = attached_at or set()
    subject = _sentence_subject(tok, s, attached_at)
    if subject and not weak_here:
        return subject
    if _sum_of_named_sectors(tok, s, attached_at):
        return "totaal"
    if _CONTINUATION.search(s.text) and (ctx.last_sentence_sector or ctx.figure_sector):
        flags.append("sector_from_context")
        # "Daarmee is 61,3% behaald", "Zij kwamen uit op": the previous sentence's subject
        return ctx.last_sentence_sector or ctx.figure_sector
    weak = vocab.find_weak_sectors(s.text)
    if weak:
        return weak[0][0]  # "samen", "in totaal", bare "werkgevers"
    known = vocab.find_sectors(s.text)
    if any(
        not any(k[1] <= m.start() < k[2] for k in known) for m in _UNKNOWN_SECTOR.finditer(s.text)
    ):
        return None  # "de zorgsector": a sector the vocabulary does not hold, not a fallback
    flags.append("sector_from_context")
    if ctx.figure_sector and _ANAPHORA.search(s.text):
        return ctx.figure_sector  # "in dat jaar": the previous figure's subject
    if section and section not in vocab.BROAD_SECTORS:
        if metric == "target_jobs" and _WHOLE_AGREEMENT.search(s.text):
            return "totaal"  # "In het Sociaal Akkoord is afgesproken dat er 125.000 ... zijn"
        return section
    if {"marktsector", "overheid"} <= ctx.figure_sectors:
        return "totaal"  # after figures of both sectors, a sentence naming none sums them up
    # the subject of the figure just before ("Alles bij elkaar waren er N banen. De
    # doelstelling was M."), else the paragraph's rather than a sector it mentions in passing
    fallback = (
        ctx.previous_figure_sector
        or ctx.previous_weak_sector  # "Het doel is 125.000 banen in totaal. De teller staat op N."
        or ctx.topic_sector
        or ctx.sector
        or section
    )
    return fallback or vocab.DEFAULT_SECTOR_BY_METRIC.get(metric) or "totaal"


def _resolve_year(
    tok: NumberToken,
    group: list[NumberToken],
    s: _Sentence,
    ctx: _Context,
    year_groups: list[list[tuple[int, int, object]]],
    report_year: int | None,
    metric: str,
    flags: list[str],
) -> int | None:
    """Enumerated year, bound year, sentence year, referred-back year, report year."""
    paired = _pair_enumeration(tok, group, year_groups)
    if paired:
        return paired  # type: ignore[return-value]
    if metric == "baseline_jobs":
        # the baseline is dated by the baseline ("de nulmeting eind 2012"), not by the year of
        # a total it is counted into ("Met de 75.179 banen van de nulmeting telde ... eind 2021")
        own = _baseline_year(s.text)
        if own is not None or ctx.baseline_year is not None:
            return own if own is not None else ctx.baseline_year
    bound = _bound_year(tok, s)
    if bound is not None:
        return _year_value(bound, s)
    span = (tok.start, tok.end)
    options: list[tuple[int, int, str]] = []  # (cost, year, flag)
    year = _sentence_year(tok, s)
    if year is not None:
        options.append((_gap_cost((year.start, year.end), span, s), _year_value(year, s), ""))
    for rx, anchor, offset in _RELATIVE_YEARS:
        for m in rx.finditer(s.text):
            if _COMPARED_BEFORE.search(s.text[: m.start()]):
                continue  # "2.000 meer dan een jaar eerder": what a change is measured against
            resolved = _relative_year(m.start(), anchor, offset, s, ctx, report_year)
            if resolved is not None:
                flag = "year_from_document_date" if anchor == "document" else "year_from_context"
                options.append((_gap_cost(m.span(), span, s), resolved, flag))
    if options:
        _, best, flag = min(options)
        if flag:
            flags.append(flag)
        return best
    anaphora = _ANAPHORA.search(s.text)
    if metric in vocab.UNDATED_METRICS:
        return None
    if metric == "target_jobs" and tok.value in vocab.END_TARGETS and not anaphora:
        # "haar streefgetal van 25.000 banen", "25.000 banen tegenover 100.000 bij de markt"
        return None
    if metric == "target_jobs" and _COMMITMENT.search(s.text) and not anaphora:
        # "spraken af om 125.000 extra banen te creëren", "zou de komende jaren 100.000
        # banen realiseren": the agreement's end target, which the sentence does not date
        # (not the year the text reports on)
        return None
    if _NOW.search(s.text) and _is_realised(metric) and report_year is not None:
        flags.append("year_from_report")  # "de teller staat nu op": the latest measurement
        return report_year
    # "dit jaar", "daarmee", or a sentence that names neither year nor sector ("De
    # doelstelling was 33.000."): it goes on about the previous figure, and its year
    goes_on = ctx.from_figure and "sector_from_context" in flags
    if metric == "target_jobs" and not anaphora:
        anaphora = _TARGET_ANAPHORA.search(s.text)  # "20% van deze opgave: zo'n 5.000 banen"
    if (anaphora or goes_on or _CONTINUATION.search(s.text)) and ctx.year is not None:
        flags.append("year_from_context")
        return ctx.year
    flags.append("year_from_report")
    return report_year if report_year is not None else ctx.year


def _baseline_year(text: str) -> int | None:
    """The year a text dates the baseline in ("nulmeting eind 2012"; "1 januari 2013" is the
    end of 2012). Of several ways to date the one baseline ("de nulmeting uit 2013" and
    "nulmeting eind 2012") the earliest is the precise one: it stands at the end of that year."""
    years = [
        int(m.group("y"))
        - (1 if m.group("day") and re.match(r"1\s+jan", m.group("day"), _I) else 0)
        for m in _BASELINE_YEAR.finditer(text)
    ]
    return min(years, default=None)


def _is_realised(metric: str) -> bool:
    """A count of what was achieved (realised jobs, their parts, the realisation %)."""
    spec = vocab.METRIC.get(metric)
    return metric in ("realised_jobs", "realisation_pct") or bool(
        spec and spec.part_of == "realised_jobs"
    )


def _relative_year(
    at: int, anchor: str, offset: int, s: _Sentence, ctx: _Context, report_year: int | None
) -> int | None:
    """Resolve "vorig jaar" (document date), "een jaar eerder" (nearest explicit year)."""
    if anchor == "document":
        base = ctx.document_year or report_year
    else:
        earlier = [
            y for y in s.years if y.end <= at and not _is_comparison(y, s) and not _is_date(y, s)
        ]
        base = int(earlier[-1].value) if earlier else ctx.year
        if base is None and anchor == "context_or_document":
            base = ctx.document_year or report_year
        elif base is None and offset:
            # "Een jaar eerder stonden zij op N" opening a paragraph: a year before the one
            # the document reports on
            base = report_year
    return None if base is None else base + offset


def _transition_target(tok: NumberToken, s: _Sentence) -> NumberToken | None:
    """The later value of 'van N naar M' when `tok` is N ("steeg van 1.800 naar 2.100", "ging
    van 70.525 in het derde kwartaal naar 73.578"); 'van N tot M' only where a verb says
    something changed (else it is a range)."""
    if not _TRANSITION_FROM.search(s.text[: tok.start]):
        return None
    nxt = next((v for v in s.values if v.start >= tok.end), None)
    if nxt is None or nxt.is_pct != tok.is_pct:
        return None
    between = _TRANSITION_TO.match(s.text[tok.end : nxt.start])
    if between is None:
        return None
    if re.search(r"\btot\s+\S*$", between.group(0), _I) and not _TRANSITION_VERB.search(s.text):
        return None
    return nxt


def _transition_pair(tok: NumberToken, s: _Sentence) -> tuple[NumberToken, NumberToken] | None:
    """(earlier, later) of the 'van N naar M' that `tok` is one end of."""
    later = _transition_target(tok, s)
    if later is not None:
        return tok, later
    earlier = _transition_source(tok, s)
    return (earlier, tok) if earlier is not None else None


def _transition_source(tok: NumberToken, s: _Sentence) -> NumberToken | None:
    """The earlier value of 'van N naar M' when `tok` is M."""
    prev = [v for v in s.values if v.end <= tok.start]
    return prev[-1] if prev and _transition_target(prev[-1], s) is tok else None


def _own_period(tok: NumberToken, s: _Sentence) -> tuple[int | None, int | None, int]:
    """(year, quarter, end) of a period written right after a value ("70.525 in het derde
    kwartaal", "73.578 eind 2021", "73.578 in het vierde"); end is where it stops (or the
    value's end when there is none)."""
    m = _PERIOD_AFTER.match(s.text[tok.end :])
    if m is None:
        return None, None, tok.end
    if m.group("d"):
        quarter, back = vocab.STAND_DAY_QUARTER[re.sub(r"\s+", " ", m.group("d")).lower()]
        return int(m.group("y3")) + back, quarter, tok.end + m.end()
    year = m.group("y") or m.group("y2")
    q = m.group("q")
    return (
        int(year) if year else None,
        vocab.QUARTER_WORDS[q.lower()] if q else None,
        tok.end + m.end(),
    )


def _sentence_period(s: _Sentence, skip: list[tuple[int, int]]) -> tuple[int | None, int | None]:
    """The period a sentence names outside the spans in `skip` and outside comparisons ("In
    het vierde kwartaal steeg ...", "steeg in het derde kwartaal van 2022 van ...")."""

    def free(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in skip) and not _COMPARISON.search(
            s.text[: m.start()]
        )

    for m in _QUARTER.finditer(s.text):
        if free(m):
            q, y = (m.group("q"), m.group("y")) if m.group("q") else (m.group("q2"), m.group("y2"))
            return int(y), vocab.QUARTER_WORDS[q.lower()]
    for m in _QUARTER_NO_YEAR.finditer(s.text):
        if free(m):
            return None, vocab.QUARTER_WORDS[m.group("q").lower()]
    return None, None


def _previous_period(year: int | None, quarter: int | None) -> tuple[int | None, int | None]:
    """The period before: the quarter before a quarter, else the year before."""
    if year is None:
        return None, None
    if quarter is None:
        return year - 1, None
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def _transition_periods(
    earlier: NumberToken,
    later: NumberToken,
    s: _Sentence,
    resolve: Callable[[_Sentence], int | None],
) -> tuple[tuple[int | None, int | None], tuple[int | None, int | None]]:
    """(year, quarter) of both values of 'van N naar M'. Each keeps a period written right
    after it; the later value otherwise takes the period the sentence names (outside the
    earlier value's own) or, failing that, what `resolve` gives it without the earlier
    value's years (the report's period); the earlier value otherwise is the period before
    the later one's. The change between them is no figure of either."""
    e_year, e_q, e_end = _own_period(earlier, s)
    l_year, l_q, l_end = _own_period(later, s)
    # what comes after the later value's clause ("...: 6.205 minder dan in het vierde
    # kwartaal van vorig jaar") speaks of the change, not of either value
    brk = _CLAUSE_BREAK.search(s.text, l_end)
    own = _Sentence(s.text[: brk.start() if brk else len(s.text)], s.start)
    own.values = [v for v in s.values if v.end <= len(own.text)]
    own.jobs_context = s.jobs_context
    s_year, s_q = _sentence_period(own, [(earlier.start, e_end), (later.start, l_end)])
    if l_year is None:
        l_year = s_year
    if l_year is None:
        own.years = [
            y for y in s.years if y.end <= len(own.text) and not (earlier.end <= y.start < e_end)
        ]
        l_year = resolve(own)
    if l_q is None and (s_year is None or s_year == l_year):
        l_q = s_q
    if e_year is None and e_q is None:
        e_year, e_q = _previous_period(l_year, l_q)
    elif e_year is None and e_q is not None:
        # "van N in het vierde kwartaal naar M in het eerste": across the year end
        wraps = l_q is not None and e_q > l_q and l_year is not None
        e_year = l_year - 1 if wraps and l_year is not None else l_year
    return (e_year, e_q), (l_year, l_q)


def _update_context(ctx: _Context, s: _Sentence, drafts: list[_Draft]) -> None:
    ctx.counted_other = bool(s.values) and not drafts
    if drafts:
        ctx.metric = drafts[-1].metric
        ctx.year, ctx.from_figure = drafts[0].year, True
        ctx.figure_sector = drafts[0].sector
        ctx.topic_sector = ctx.topic_sector or drafts[0].sector
    elif not ctx.from_figure:
        free = [y for y in s.years if not _is_comparison(y, s) and not _is_date(y, s)]
        if free:
            ctx.year = int(free[0].value)
    ctx.previous_figure_sector = drafts[-1].sector if drafts else None
    ctx.figure_sectors.update(d.sector for d in drafts if d.sector)
    mentions = vocab.find_sectors(s.text)
    ctx.last_sentence_sector = mentions[-1][0] if mentions else None
    weak = vocab.find_weak_sectors(s.text) if not mentions else []
    ctx.previous_weak_sector = weak[-1][0] if weak else None
    ctx.previous_head = drafts[0] if drafts else None
    if mentions:
        ctx.sector = mentions[-1][0]


# --- tables --------------------------------------------------------------------------------

_TABLE_PCT_HEADER = re.compile(vocab.TABLE_PCT_HEADER, _I)
_TABLE_CHANGE_HEADER = re.compile(vocab.TABLE_CHANGE_HEADER, _I)
_AGREEMENT_COUNT = re.compile(r"\bextra\s+banen\b|\bbanenafspraak\b", _I)
_TABLE_CAPTION = re.compile(vocab.TABLE_CAPTION, _I)
_TABLE_INTRO = re.compile(vocab.TABLE_INTRO, _I)
_TABLE_REQUIRED = re.compile(vocab.TABLE_REQUIRED, _I)


@dataclass
class _Axis:
    """What a row label or column header says: a sector, a year, a metric hint."""

    text: str
    sector: str | None
    year: int | None
    quarter: int | None
    required: bool = False  # a caption that says what must be reached ("moeten zijn")


def _axis(text: str) -> _Axis:
    sectors = vocab.find_sectors(text)
    s = _Sentence(text, 0)
    s.years, _ = _tokens(text)
    free = [y for y in s.years if not _is_comparison(y, s)]
    year = _year_value(free[0], s) if free else None  # "1 januari 2023": the end of 2022
    return _Axis(text, sectors[0][0] if sectors else None, year, _quarter(year, None, s))


def _table_metric(header: str, caption: str, unit: Unit) -> str | None:
    """Metric of a column: the first cue its header holds, else the caption's. What the
    figures are measured against ("extra banen ten opzichte van de nulmeting") is not what
    they are."""
    header, caption = (_REFERENCE_POINT.sub(" ", t) for t in (header, caption))
    for text in (header, caption):
        if unit == "pct":
            hit = next((m for m, rx in _TABLE_PCT.items() if rx.search(text)), None)
            if hit or text is header:
                return hit or "realisation_pct"
        else:
            hit = next((m for m, rx in _TABLE_JOB.items() if rx.search(text)), None)
            if hit:
                return hit
    return None


def _caption(doc: ParsedDocument, start: int) -> tuple[str, str]:
    """The table's title ("Tabel 1. Realisatie per sector in 2021") if one of the two
    paragraphs before it is one, and the paragraph that introduces the table."""
    before = [p for p in doc.text[max(0, start - 800) : start].split("\n\n") if p.strip()]
    title = next((p for p in reversed(before[-2:]) if _TABLE_CAPTION.match(p)), "")
    intro = next((p for p in reversed(before[-2:]) if p is not title), "")
    return title, intro


def _table_figures(
    doc: ParsedDocument, table: TableBlock, section: str | None, year: int | None
) -> Iterable[Figure]:
    """One figure per numeric cell: sector and year from its row label or column header
    (whichever names one), metric from the column header, else from the caption."""
    rows = [r for r in table.rows if any(c is not None for c in r)]
    if len(rows) < 2:
        return
    header = [c.text if c else "" for c in rows[0]]
    title, intro = _caption(doc, table.char_start)
    caption = _axis(title)
    if caption.year is None:  # "De cijfers over heel 2021 staan in tabel 1."
        caption.year = _axis(intro).year
    if _TABLE_INTRO.search(intro) and not any(
        rx.search(_REFERENCE_POINT.sub(" ", title))
        for rx in (*_TABLE_JOB.values(), *_TABLE_PCT.values())
    ):  # a caption without a metric: the paragraph that presents the table says it
        caption.text = f"{title} {intro}"
    # "Aantal extra banen volgens de Quotumwet" presented as "hoeveel extra banen er ...
    # moeten zijn": the counts are what is required, not what was realised
    caption.required = bool(
        _TABLE_REQUIRED.search(title)
        or (_TABLE_INTRO.search(intro) and _TABLE_REQUIRED.search(intro))
    )
    for row in rows[1:]:
        cells = [c for c in row if c is not None]
        label = _axis(row[0].text if row[0] else "")
        for col, cell in enumerate(row[1:], start=1):
            tokens = find_numbers(cell.text) if cell else []
            if cell is None or len(tokens) != 1 or col >= len(header):
                continue
            fig = _table_cell_figure(
                doc, tokens[0], cell, cells, label, _axis(header[col]), caption, section, year
            )
            if fig:
                yield fig


def _table_part(text: str) -> str | None:
    """The part of the realised jobs a row label or column header names; of overlapping cues
    the longer ("uitzending of detachering", not "detachering")."""
    hits = [
        (m.end() - m.start(), metric)
        for metric, rx in _BREAKDOWN.items()
        if vocab.METRIC[metric].part_of == "realised_jobs"
        for m in rx.finditer(text)
    ]
    return max(hits, key=lambda h: h[0])[1] if hits else None


def _table_cell_figure(
    doc: ParsedDocument,
    tok: NumberToken,
    cell: TableCell,
    cells: list[TableCell],
    label: _Axis,
    head: _Axis,
    caption: _Axis,
    section: str | None,
    year: int | None,
) -> Figure | None:
    if _TABLE_CHANGE_HEADER.search(head.text) or cell.text.lstrip().startswith("+"):
        return None  # "| Groei |", "+3.580": a change over the period before, not a level
    pct = tok.is_pct or bool(_TABLE_PCT_HEADER.search(head.text))
    unit: Unit = "pct" if pct else "jobs"
    metric = _table_metric(head.text, caption.text, unit)
    if (
        metric == "realised_jobs"
        and caption.required
        and _table_metric(f"{label.text} {head.text}", "", unit) != "realised_jobs"
    ):
        metric = "target_jobs"
    if metric == "realised_jobs":
        # "| Regulier dienstverband | 2.607 |", "| Uitzending of detachering | 12.448 |": a row
        # (or column) of one kind of contract is that part of the realised jobs
        metric = _table_part(label.text) or _table_part(head.text) or metric
    sector = label.sector or head.sector or caption.sector or section
    if sector is None and _AGREEMENT_COUNT.search(f"{caption.text} {head.text}"):
        # "Extra banen per peildatum | Peildatum | Extra banen |": the agreement's own count,
        # with no sector named anywhere, is that of all employers (a bare "Realisatie" is not)
        sector = "totaal"
    if metric is None or sector is None:
        return None
    fig_year = label.year or head.year or caption.year
    flags = []
    if fig_year is None and metric not in vocab.UNDATED_METRICS:
        fig_year, flags = year, ["year_from_report"]
    start = cell.char_start + tok.start
    q_start, q_end = _page_clip(doc, cells[0].char_start, cells[-1].char_end, start)
    return Figure(
        document=doc.document,
        sector=sector,
        year=fig_year,
        quarter=label.quarter or head.quarter or caption.quarter,
        metric=metric,
        value=tok.value,
        unit=unit,
        page=doc.page_at(start),
        char_start=start,
        char_end=cell.char_start + tok.end,
        quote=normalize_ws(doc.text[q_start:q_end]),
        extractor="rules",
        flags=[*flags, "table"],
    )


# --- records -------------------------------------------------------------------------------


def _page_clip(doc: ParsedDocument, start: int, end: int, at: int) -> tuple[int, int]:
    """The part of [start, end) that stands on the same page as offset `at`."""
    for span in doc.page_spans:
        if span.char_start <= at < span.char_end:
            return max(start, span.char_start), min(end, span.char_end)
    return start, end


def _to_figure(d: _Draft, s: _Sentence, offset: int, doc: ParsedDocument) -> Figure:
    """`offset`: where the sentence's paragraph starts in doc.text."""
    base = offset + s.start
    start, end = base + d.tok.start, base + d.tok.end
    q_start, q_end = _page_clip(doc, base, base + len(s.text), start)
    return Figure(
        document=doc.document,
        sector=d.sector or "",
        year=d.year,
        quarter=d.quarter,
        metric=d.metric,
        value=d.tok.value,
        unit=d.unit,
        page=doc.page_at(start),
        char_start=start,
        char_end=end,
        quote=normalize_ws(doc.text[q_start:q_end]),
        extractor="rules",
        flags=sorted(set(d.flags)),
    )


def report_year(doc: ParsedDocument) -> int | None:
    """The year the report is about: the document's own, else the year it names most."""
    if doc.year is not None:
        return doc.year
    # a year a figure can be about: not a date ("2 juli 2020", the publication), not a
    # comparison ("sinds 2013"), not after the document's own date (a future target)
    latest = doc.date.year if doc.date else _dateline_year(doc.text)
    free = Counter(
        _year_value(y, s)
        for a, b in split_sentences(doc.text)
        for s in [_Sentence(doc.text[a:b], a)]
        for y in _tokens(s.text)[0]
        if not _is_comparison(y, s)
        # not an event's date -- a stand "per 1 januari 2019" / "per 1 april 2019" dates the
        # figures, unless it is when something starts ("gaat per 1 januari 2019 in")
        and not (_is_event_date(y, s) or (_is_date(y, s) and _STARTS.search(s.text)))
        and (latest is None or _year_value(y, s) <= latest)
    )
    if free:  # the commonest; of equally common years the latest (the one reported on)
        return max(free, key=lambda y: (free[y], y))
    # no year but the document's own date: "Werkgevers hebben vorig jaar ... gecreëerd", "Hoeveel
    # banen waren er eind vorig jaar?" -- the text reports on the year its relative years name
    # (not the day it was published)
    if latest is not None:
        relative = Counter(
            latest + offset
            for rx, anchor, offset in _RELATIVE_YEARS
            if anchor == "document"
            for _ in rx.finditer(doc.text)
        )
        if relative:
            return max(relative, key=lambda y: (relative[y], -y))
    years = [int(t.value) for t in find_numbers(doc.text) if _is_year(t, doc.text)]
    return Counter(years).most_common(1)[0][0] if years else None


def _paragraphs(doc: ParsedDocument, passages: list[Passage]) -> list[tuple[int, int, str]]:
    """(start, end, section) of each paragraph the passages cover: a long paragraph is cut
    into overlapping passages for retrieval, but its sentences must be read whole."""
    seen: set[int] = set()
    out = []
    for p in passages:
        if p.kind != "body" or doc.text[p.char_start : p.char_end] != p.text:
            continue  # a footnote stands outside the body text: no offsets to cite
        start = doc.text.rfind("\n\n", 0, p.char_start)
        start = 0 if start < 0 else start + 2
        end = doc.text.find("\n\n", p.char_end)
        end = len(doc.text) if end < 0 else end
        # a passage may also join several short paragraphs: each is read on its own
        for m in re.finditer(r"(?:(?!\n\n).)+", doc.text[start:end], re.DOTALL):
            if start + m.start() not in seen:
                seen.add(start + m.start())
                out.append((start + m.start(), start + m.end(), p.section))
    return sorted(out)


def _paragraph_figures(
    doc: ParsedDocument, start: int, end: int, section: str, year: int | None
) -> Iterable[Figure]:
    text = doc.text[start:end]
    sector = _section_sector(section)
    ctx = _Context(
        document_year=doc.date.year if doc.date else _dateline_year(doc.text),
        baseline_year=_baseline_year(doc.text),
    )
    if ctx.document_year:
        dated = [int(m.group(1)) for m in _WRITTEN_DATE.finditer(doc.text)]
        ctx.now_year = max([ctx.document_year, *dated])
    # a letter that counts jobs anywhere speaks of jobs: a bare number right after a strong
    # cue ("kwam uit op 1.004") is a number of jobs even in a paragraph that does not say so
    jobs_context = bool(_JOB_UNIT_ANY.search(text) or _JOB_UNIT_ANY.search(doc.text))
    lead_in: _Sentence | None = None
    question: tuple[int, int] | None = None
    for s_start, s_end in split_sentences(text):
        s = _Sentence(text[s_start:s_end], s_start, jobs_context=jobs_context)
        s.years, s.values = _tokens(s.text)
        if question is not None and s.values and _answers(s):
            # "Hoeveel banen schiep de markt in 2018? Antwoord: 44.017.": read together
            s = _Sentence(text[question[0] : s_end], question[0], jobs_context=jobs_context)
            s.years, s.values = _tokens(s.text)
            s.answer_at = s_start - question[0]
        question = (s_start, s_end) if s.text.rstrip().endswith("?") and not s.values else None
        item = bool(_LIST_ITEM.match(s.text))
        if not item:
            lead_in = s if s.text.rstrip().endswith(":") else None
        fallback = _lead_in_year(lead_in) if item and lead_in else None
        if item and lead_in and not _LEAD_IN_TARGET.search(lead_in.text):
            s.list_metric = "realised_jobs" if _LEAD_IN_REALISED.search(lead_in.text) else None
        drafts: list[_Draft]
        if item and lead_in and _LEAD_IN_CHANGE.search(lead_in.text):
            drafts = []  # changes over a period, not levels
        elif _one_organisation(s):
            drafts = []  # one organisation's example, not a sector's figure
        elif _is_regional(s, section):
            drafts = []  # a region's counts, not a sector's
        else:
            drafts = _sentence_drafts(s, ctx, sector, fallback or year) if s.values else []
        for d in drafts:
            yield _to_figure(d, s, start, doc)
        _update_context(ctx, s, drafts)


def _answers(s: _Sentence) -> bool:
    """'Antwoord: 44.017.', 'Dat stond op 43.500 banen.': a sentence that answers the question
    before it, naming no sector of its own."""
    return bool(_ANSWER_OPENING.match(s.text)) and not vocab.find_sectors(s.text)


def _one_organisation(s: _Sentence) -> bool:
    """'organisatie X moet 68 banen realiseren', 'de gemeente Utrecht', 'wil de VU 163 banen':
    one employer's own numbers -- not a body that reports on many (UWV) nor a sector's
    acronym (VNG, IPO)."""
    for m in _ONE_ORGANISATION.finditer(s.text):
        name = m.group(0).split()[-1]
        if not (_NOT_ONE_ORGANISATION.fullmatch(name) or vocab.find_sectors(name)):
            return True
    return False


def _is_regional(s: _Sentence, section: str) -> bool:
    """'In de eigen arbeidsmarktregio stonden er 1.647 banen', or any sentence under a
    heading 'Regio Amersfoort': one region's counts -- unless the sentence speaks of the
    whole country ('Landelijk ligt de realisatie eveneens op 88%')."""
    regional = _REGION.search(s.text) or _REGION.search(section.split(" > ")[-1] if section else "")
    return bool(regional) and not _NATIONAL.search(s.text)


def _dateline_year(text: str) -> int | None:
    """'Januari 2023 – ...', 'Amersfoort, juli 2022 – ...': a news item dated by month only;
    'Gepubliceerd in 2017', 'Bijgewerkt: juni 2020': a page dated by its year or month only;
    'vorig jaar' in it is the year before that one."""
    m = _MONTH_DATELINE.search(text[:400]) or _PUBLISHED_YEAR.search(text[:400])
    return int(m.group("y")) if m else None


def _lead_in_year(lead_in: _Sentence) -> int | None:
    """'Van de nulmeting eind 2012 tot en met het derde kwartaal 2017 kwamen werkgevers uit
    op:' -- the list's items are about the lead-in's last year (not its starting point)."""
    free = [y for y in lead_in.years if not _is_comparison(y, lead_in) and not _is_date(y, lead_in)]
    return int(free[-1].value) if free else None


def extract_figures(doc: ParsedDocument, passages: list[Passage]) -> list[Figure]:
    """Validated, deduplicated, cross-checked figures of one document."""
    year = report_year(doc)
    figures = [
        f
        for start, end, section in _paragraphs(doc, passages)
        for f in _paragraph_figures(doc, start, end, section, year)
    ]
    table_passages = [p for p in passages if p.kind == "table"]
    for table in doc.tables:
        covering = [p for p in table_passages if p.char_start <= table.char_start < p.char_end]
        if covering:
            section = _section_sector(covering[0].section)
            figures += _table_figures(doc, table, section, year)
    figures = [f for f in figures if not check_figure(f, doc)]
    return cross_check(dedupe(figures))
