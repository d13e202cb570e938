"""Periods: the year and quarter a value is about.

A year written next to the value, one in its sentence (not a comparison or a date), a
quarter, a year said relatively ('een jaar eerder'), transitions ('van 2019 naar 2020'),
and the year a whole report is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from banen_qa.extract import vocab
from banen_qa.extract.metrics import QUALIFIER_END, TRANSITION_FROM, is_realised
from banen_qa.extract.numbers import NumberToken, find_numbers
from banen_qa.extract.sentence import (
    CLAUSE_BREAK,
    Context,
    Sentence,
    _tokens,
    gap_cost,
    is_year,
    pair_enumeration,
)
from banen_qa.models import ParsedDocument
from banen_qa.sentences import split_sentences

_I = re.IGNORECASE

_PER_YEAR_BEFORE = re.compile(vocab.PER_YEAR_BEFORE, _I)
_PER_YEAR_AFTER = re.compile(vocab.PER_YEAR_AFTER, _I)
_CUMULATIVE = re.compile(vocab.CUMULATIVE, _I)
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
ANAPHORA = re.compile(vocab.YEAR_ANAPHORA, _I)
_TARGET_ANAPHORA = re.compile(vocab.TARGET_ANAPHORA, _I)
_EVENTUALLY = re.compile(vocab.EVENTUALLY, _I)
CONTINUATION = re.compile(vocab.CONTINUATION, _I)
_YEAR_AFTER = re.compile(vocab.YEAR_AFTER_VALUE, _I)
_YEAR_BEFORE = re.compile(vocab.YEAR_BEFORE_VALUE, _I)
_QUARTER = re.compile(vocab.QUARTER, _I)
_DATE_BEFORE_YEAR = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\s+$", _I)
_RELATIVE_YEARS = [(re.compile(p, _I), anchor, off) for p, anchor, off in vocab.RELATIVE_YEARS]
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
    # "de afspraak die het kabinet in 2015 met werkgevers maakte"
    r"|maakte|maakten|made"
    r"|(?:is|werd|zijn|werden)\s+(?:\w+\s+){0,2}?afgesproken)\b",
    _I,
)
# a sentence that states what was agreed or promised, not what is due by a given year
_COMMITMENT = re.compile(
    r"\b(?:spraken|sprak|spreken)\s+(?:[\w'-]+\s+){0,6}?af\b|\b(?:is|werd)\s+afgesproken\b"
    r"|\b(?:zegden|zegt|zeiden)\s+(?:[\w'-]+\s+){0,4}?toe\b|\bbeloofde?n?\b|\btoegezegd\b"
    r"|\btekende\w*\s+voor\b|\bverbonden\s+zich\b|\bverbind\w*\s+zich\b"
    r"|\bgarant\s+voor\b|\bbeog\w*\b|\baan\s+de\s+lat\b|\bde\s+komende\s+jaren\b"
    r"|\bcommitted\b|\bpromised\b|\bagreed\b"
    # a task or duty to create jobs: "heeft de taak om 25.000 banen te realiseren", "de
    # verplichting uit het sociaal akkoord om 1900 banen te creëren", "her task to ..."
    r"|\b(?:taak|verplichting|opdracht|opgave|task|obligation|duty)\s+(?:\S+\s+){0,6}?(?:om|to)\s"
    # a share taken on: "De gemeenten nemen 8.300 banen voor hun rekening"
    r"|\bvoor\s+(?:haar|zijn|hun)\s+rekening\b"
    # "De afspraak die het kabinet in 2015 met werkgevers maakte om 125.000 banen te ..."
    r"|\bafspra(?:ak|ken)\s+(?:\S+\s+){0,10}?(?:maakte|maakten|gemaakt)\b",
    _I,
)
_AGREED_BEFORE = re.compile(r"\b(?:spraken|sprak|spreken)\s+(?:\S+\s+){0,4}?(?:in|op)\s+$", _I)
_THEN = re.compile(r"^\s*,?\s*(?:toen|when)\b", _I)
_YEAR_END_DAY = re.compile(r"\b(?:1\s+(?:januari|jan\.?|january)|31\s+(?:december|dec\.?))\s+$", _I)
# "De teller staat nu op 61.615", "daarvan zijn er nu 37.000 ingevuld": the latest
# measurement the text reports on, not the day it was written
_NOW = re.compile(r"\b(?:nu|inmiddels|momenteel|op\s+dit\s+moment|now|currently)\b", _I)
# the year a document dates its baseline: "de nulmeting eind 2012", "nulmeting (1 januari 2013)",
# "nulmeting (peildatum: 1 januari 2013)"
_BASELINE_YEAR = re.compile(
    rf"\b(?:nulmeting\w*|0-meting|baseline)\s*(?:\((?:\s*[a-z]+:?(?=\s))*?)?\s*"
    rf"(?:(?:van|uit|in|op|per|eind|ultimo|of)\s+)?"
    rf"(?P<day>(?:\d{{1,2}}\s+)?(?:{vocab.MONTHS})\s+)?(?P<y>(?:19|20)\d\d)\b",
    _I,
)
_TRANSITION_TO = re.compile(vocab.TRANSITION_TO, _I)
_TRANSITION_VERB = re.compile(vocab.TRANSITION_VERB, _I)
_PERIOD_AFTER = re.compile(vocab.PERIOD_AFTER_VALUE, _I)
# "Mei 2022 – ...", "Utrecht, juni 2019 | ...": a news item dated by its month only
_DATELINE_MONTH = rf"(?:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?,\s+)?(?:{vocab.MONTHS})\s+"
_DATELINE_END = r"\s*[–—|-]\s"
_MONTH_DATELINE = re.compile(
    rf"(?:^|\n){_DATELINE_MONTH}(?P<y>(?:19|20)\d\d){_DATELINE_END}",
    _I,
)
_DATELINE_BEFORE_YEAR = re.compile(rf"^\W*{_DATELINE_MONTH}$", _I)
_DATELINE_AFTER_YEAR = re.compile(_DATELINE_END)
_PUBLISHED_YEAR = re.compile(
    r"(?:^|\n)[ \t]*(?:gepubliceerd|bijgewerkt|geplaatst|laatst\s+gewijzigd|published|updated)"
    rf"(?:\s+(?:in|op|on))?\s*:?\s*(?:(?:{vocab.MONTHS})\s+)?(?P<y>(?:19|20)\d\d)[ \t]*(?:\n|$)",
    _I,
)
# "per 1 april 2019", "peildatum 1 oktober 2022", "stand op 30 juni 2021": the stand at the end
# of a quarter (the quarter before the first day named), not the date of an event
_PARTS_AFTER = re.compile(rf",?\s*\b(?:{vocab.PARTS_OF})\b", _I)
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
_QUARTER_NO_YEAR = re.compile(
    r"\b(?P<q>eerste|tweede|derde|vierde|[1-4]e|first|second|third|fourth)\s+(?:kwartaal|quarter)"
    r"\b(?!\s+(?:van\s+|of\s+)?(?:19|20)\d\d)",
    _I,
)


def bound_year(tok: NumberToken, s: Sentence) -> NumberToken | None:
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
            and (not is_comparison(y, s) or _THEN.match(s.text[y.end : tok.start]))
        ):
            return y
    return None


def year_value(y: NumberToken, s: Sentence) -> int:
    """The year a year token dates: "1 januari 2021" (a stand per, the end of a period) is
    the end of 2020, and so is "begin 2021"; "vóór 2021" is the deadline 2021 as written."""
    before = s.text[: y.start]
    return int(y.value) - (
        1 if _NEW_YEAR_DAY.search(before) or _START_OF_YEAR.search(before) else 0
    )


def is_comparison(y: NumberToken, s: Sentence) -> bool:
    return bool(_COMPARISON.search(s.text[: y.start]))


def is_date(y: NumberToken, s: Sentence) -> bool:
    """'op 18 oktober 2021': the date of an event, not the year a figure is about; so is the
    year an agreement was made ('het sociaal akkoord van 2013', 'In april 2013 spraken
    kabinet en sociale partners af dat ...')."""
    before = s.text[: y.start]
    if _DATE_BEFORE_YEAR.search(before) or _AGREEMENT_OF.search(before):
        return True
    if _month_dateline(y, s):
        return True  # "Mei 2022 – ...": when the item was published, not a figure's own year
    if _AGREED_BEFORE.search(before) and re.match(r"\s+(?:\S+\s+){0,4}?af\b", s.text[y.end :]):
        return True  # "spraken zij in 2015 af": the year inside the separable verb
    return _agreed_then(y.end, s)


def _agreed_then(end: int, s: Sentence) -> bool:
    """A period followed by the making of an agreement ('In 2013 spraken zij af', 'Vijf jaar
    geleden sloten kabinet en werkgevers het akkoord') dates the agreement, not its figures."""
    after = s.text[end : end + 90]
    stop = re.search(r"\b(?:dat|om|that)\b|[;:(]", after)
    return bool(_AGREED.search(after[: stop.start() if stop else len(after)]))


def year_in_own_clause(tok: NumberToken, s: Sentence) -> bool:
    """'100.000 banen in de markt die in 2026 ... en 25.000 banen bij de overheid die in 2024
    gerealiseerd moeten zijn': a year after the value, in its own clause, is its own (an
    enumerated value does not take its head's year then)."""
    nxt = min((v.start for v in s.values if v.start > tok.start), default=len(s.text))
    return any(
        tok.end <= y.start < nxt
        and not CLAUSE_BREAK.search(s.text[tok.end : y.start])
        and not is_comparison(y, s)
        and not _is_event_date(y, s)
        for y in s.years
    )


def _month_dateline(y: NumberToken, s: Sentence) -> bool:
    """'Mei 2022 – ...', 'Utrecht, juni 2019 | ...': the year of a month-only dateline."""
    return bool(
        _DATELINE_BEFORE_YEAR.match(s.text[: y.start])
        and _DATELINE_AFTER_YEAR.match(s.text[y.end :])
    )


def _is_event_date(y: NumberToken, s: Sentence) -> bool:
    """'Amersfoort, 6 februari 2024 – ...', 'bij brief van 8 september 2017': the day
    something was published or sent, not the year a figure is about. A year's first or last
    day ('per 1 januari 2021', 'op 31 december 2018') is a stand, and does date a figure."""
    before = s.text[: y.start]
    return (
        is_date(y, s) and not _YEAR_END_DAY.search(before) and not _QUARTER_STAND_DAY.search(before)
    )


def _stand_quarter(y: NumberToken, s: Sentence) -> int | None:
    """The quarter a stand 'per 1 april 2019' / '30 juni 2021' closes (1 and 2 here)."""
    m = _QUARTER_STAND_DAY.search(s.text[: y.start])
    if m is None:
        return None
    day = (m.group("first") or m.group("last")).lower()
    return next(q for k, q in _QUARTER_OF_DAY.items() if day.startswith(k))


def _sentence_year(tok: NumberToken, s: Sentence) -> NumberToken | None:
    """Nearest year in the sentence that is neither a comparison, an event's date nor tied to
    another value."""
    tied_elsewhere = {
        id(y)
        for v in s.values
        if v is not tok
        for y in [bound_year(v, s)]
        if y is not None and y.start >= v.end
    }
    # "125.000 banen, waarvan 100.000 bij werkgevers tegen 2026 en 25.000 ... tegen 2024":
    # a year among the parts after the value dates those parts, not the whole
    parts = _PARTS_AFTER.search(s.text, tok.end)
    own_end = parts.start() if parts else len(s.text)
    free = [
        y
        for y in s.years
        if id(y) not in tied_elsewhere
        and not is_comparison(y, s)
        and not _is_event_date(y, s)
        and not tok.end <= own_end <= y.start
    ]
    span = (tok.start, tok.end)
    return min(free, key=lambda y: gap_cost((y.start, y.end), span, s), default=None)


def quarter_list(s: Sentence) -> list[int]:
    """'het eerste, tweede en derde kwartaal (van 2021)': the quarters an enumeration pairs
    with its values, in order."""
    m = _QUARTER_LIST.search(s.text)
    if m is None:
        return []
    return [vocab.QUARTER_WORDS[w.lower()] for w in _QUARTER_WORD.findall(m.group(0))]


def _quarter(year: int | None, tok: NumberToken | None, s: Sentence) -> int | None:
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
        _NEW_YEAR_DAY.search(s.text[: y.start]) and year_value(y, s) == year for y in s.years
    ):
        return 4  # "per 1 januari 2021": the stand at the end of 2020's fourth quarter
    stands = [q for y in s.years if int(y.value) == year for q in [_stand_quarter(y, s)] if q]
    if stands:
        return stands[0]  # "per 1 april 2019": the stand at the end of its first quarter
    bare = _QUARTER_NO_YEAR.search(s.text)  # "tot en met het vierde kwartaal (van dit jaar)"
    if bare and year is not None and not _QUARTER.search(s.text):
        return vocab.QUARTER_WORDS[bare.group("q").lower()]
    return None


def increments(s: Sentence) -> set[int]:
    """Values that are per-year increments, not levels: those said to come each year ("elk
    jaar 1.000 extra", "443 mensen per jaar"), and in a sentence that lays out such a schedule
    the steps it dates ("in 2014 2.500 en in 2015 5.000, daarna elk jaar 1.000 extra") -- but
    not a level the sentence says the steps add up to ("in totaal", "uiteindelijk")."""
    per_year = {
        id(v)
        for v in s.values
        if _PER_YEAR_BEFORE.search(QUALIFIER_END.sub(" ", s.text[: v.start]))
        or _PER_YEAR_AFTER.match(s.text[v.end :])
    }
    if not per_year:
        return per_year
    steps = set(per_year)
    for v in s.values:
        own = bound_year(v, s)
        if own is None or id(v) in per_year:
            continue
        lo = max((m.end() for m in CLAUSE_BREAK.finditer(s.text, 0, v.start)), default=0)
        if not _CUMULATIVE.search(s.text[lo : v.start]):
            steps.add(id(v))
    return steps


def dated_by_relative_year(after: str) -> bool:
    """'4.800 een jaar eerder': the words after the value date it, they do not count it."""
    return any(rx.match(after.lstrip()) for rx, _, _ in _RELATIVE_YEARS)


def relative_year_before(tok: NumberToken, s: Sentence) -> bool:
    """'... en het jaar erna 3.500', 'een jaar later 650': a relative year written right
    before the value dates it, as 'in 2019 3.500' does."""
    return any(
        _YEAR_BEFORE.match(s.text[m.end() : tok.start])
        for rx, _, _ in _RELATIVE_YEARS
        for m in rx.finditer(s.text, 0, tok.start)
    )


def bound_quarter(tok: NumberToken, s: Sentence) -> re.Match[str] | None:
    """A quarter written right next to the value: 'in het derde kwartaal 1.200', '1.200 in
    het derde kwartaal (van 2020)'."""
    year, quarter, _ = _own_period(tok, s)
    if quarter is not None:
        return _QUARTER_NO_YEAR.search(s.text, tok.end) or _QUARTER.search(s.text, tok.end)
    return _QUARTER_BEFORE.search(s.text[: tok.start])


def resolve_year(
    tok: NumberToken,
    group: list[NumberToken],
    s: Sentence,
    ctx: Context,
    year_groups: list[list[tuple[int, int, object]]],
    report_year: int | None,
    metric: str,
    flags: list[str],
) -> int | None:
    """Enumerated year, bound year, sentence year, referred-back year, report year."""
    paired = pair_enumeration(tok, group, year_groups)
    if paired:
        return paired  # type: ignore[return-value]
    if metric == "baseline_jobs":
        # the baseline is dated by the baseline ("de nulmeting eind 2012"), not by the year of
        # a total it is counted into ("Met de 75.179 banen van de nulmeting telde ... eind 2021")
        own = _baseline_year(s.text)
        if own is not None or ctx.baseline_year is not None:
            return own if own is not None else ctx.baseline_year
    bound = bound_year(tok, s)
    if bound is not None:
        return year_value(bound, s)
    span = (tok.start, tok.end)
    options: list[tuple[int, int, str, bool]] = []  # (cost, year, flag, before the 'dat')
    year = _sentence_year(tok, s)
    if year is not None:
        said = _said_before(year.end, tok, s)
        options.append((gap_cost((year.start, year.end), span, s), year_value(year, s), "", said))
    for rx, anchor, offset in _RELATIVE_YEARS:
        for m in rx.finditer(s.text):
            if _COMPARED_BEFORE.search(s.text[: m.start()]):
                continue  # "2.000 meer dan een jaar eerder": what a change is measured against
            if _agreed_then(m.end(), s):
                continue  # "Zes jaar geleden spraken zij af dat ...": when it was agreed
            resolved = _relative_year(m.start(), anchor, offset, s, ctx, report_year)
            if resolved is not None:
                flag = "year_from_document_date" if anchor == "document" else "year_from_context"
                said = _said_before(m.end(), tok, s)
                options.append((gap_cost(m.span(), span, s), resolved, flag, said))
    if not all(o[3] for o in options):
        options = [o for o in options if not o[3]]  # the value's own clause has a period
    if options:
        _, best, flag, _ = min(options)
        if flag:
            flags.append(flag)
        return best
    anaphora = ANAPHORA.search(s.text)
    if metric in vocab.UNDATED_METRICS:
        return None
    if metric == "target_jobs" and tok.value in vocab.END_TARGETS and not anaphora:
        if ctx.end_year is not None and _EVENTUALLY.search(s.text):
            flags.append("year_from_context")
            return ctx.end_year
        # "haar streefgetal van 25.000 banen", "25.000 banen tegenover 100.000 bij de markt"
        return None
    if (
        metric == "target_jobs"
        and _COMMITMENT.search(s.text)
        and not anaphora
        and not _TARGET_ANAPHORA.search(s.text)  # "20% van deze opgave": the one named before
    ):
        # "spraken af om 125.000 extra banen te creëren", "zou de komende jaren 100.000
        # banen realiseren": the agreement's end target, which the sentence does not date
        # (not the year the text reports on)
        return None
    if _NOW.search(s.text) and is_realised(metric) and report_year is not None:
        flags.append("year_from_report")  # "de teller staat nu op": the latest measurement
        return report_year
    # "dit jaar", "daarmee", or a sentence that names neither year nor sector ("De
    # doelstelling was 33.000."): it goes on about the previous figure, and its year
    goes_on = ctx.from_figure and "sector_from_context" in flags
    if metric == "target_jobs" and not anaphora:
        anaphora = _TARGET_ANAPHORA.search(s.text)  # "20% van deze opgave: zo'n 5.000 banen"
    if (anaphora or goes_on or CONTINUATION.search(s.text)) and ctx.year is not None:
        flags.append("year_from_context")
        return ctx.year
    flags.append("year_from_report")
    return report_year if report_year is not None else ctx.year


_COMPLEMENT = re.compile(r"\b(?:dat|that)\b", _I)


def _said_before(end: int, tok: NumberToken, s: Sentence) -> bool:
    """A period before the 'dat' that opens the value's clause: 'Eind vorig jaar moest de
    staatssecretaris erkennen dat de 100.000 banen niet voor 2026 ...' dates the saying --
    when the value's own clause names a period, that one is the figure's."""
    return end <= tok.start and bool(_COMPLEMENT.search(s.text[end : tok.start]))


def _baseline_year(text: str) -> int | None:
    """The year a text dates the baseline in ("nulmeting eind 2012"; "(peildatum) 1 januari
    2013" or "januari 2013" is the end of 2012). Of several ways to date the one baseline
    ("de nulmeting uit 2013" and "nulmeting eind 2012") the earliest is the precise one: it
    stands at the end of that year."""
    years = [
        int(m.group("y"))
        - (1 if m.group("day") and re.match(r"(?:1\s+)?jan", m.group("day"), _I) else 0)
        for m in _BASELINE_YEAR.finditer(text)
    ]
    return min(years, default=None)


def _relative_year(
    at: int, anchor: str, offset: int, s: Sentence, ctx: Context, report_year: int | None
) -> int | None:
    """Resolve "vorig jaar" (document date), "een jaar eerder" (nearest explicit year)."""
    if anchor == "document":
        base = ctx.document_year or report_year
    elif anchor == "sentence_or_document":
        # the year the deal was made counts too: "In 2013 spraken zij af om binnen tien jaar"
        own = [
            y
            for y in s.years
            if y.end <= at and not is_comparison(y, s) and not _month_dateline(y, s)
        ]
        base = int(own[-1].value) if own else ctx.document_year or report_year
    else:
        earlier = [
            y for y in s.years if y.end <= at and not is_comparison(y, s) and not is_date(y, s)
        ]
        base = int(earlier[-1].value) if earlier else ctx.year
        if base is None and anchor == "context_or_document":
            base = ctx.document_year or report_year
        elif base is None and offset:
            # "Een jaar eerder stonden zij op N" opening a paragraph: a year before the one
            # the document reports on
            base = report_year
    return None if base is None else base + offset


def _transition_target(tok: NumberToken, s: Sentence) -> NumberToken | None:
    """The later value of 'van N naar M' when `tok` is N ("steeg van 1.800 naar 2.100", "ging
    van 70.525 in het derde kwartaal naar 73.578"); 'van N tot M' only where a verb says
    something changed (else it is a range)."""
    if not TRANSITION_FROM.search(s.text[: tok.start]):
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


def transition_pair(tok: NumberToken, s: Sentence) -> tuple[NumberToken, NumberToken] | None:
    """(earlier, later) of the 'van N naar M' that `tok` is one end of."""
    later = _transition_target(tok, s)
    if later is not None:
        return tok, later
    earlier = _transition_source(tok, s)
    return (earlier, tok) if earlier is not None else None


def _transition_source(tok: NumberToken, s: Sentence) -> NumberToken | None:
    """The earlier value of 'van N naar M' when `tok` is M."""
    prev = [v for v in s.values if v.end <= tok.start]
    return prev[-1] if prev and _transition_target(prev[-1], s) is tok else None


def _own_period(tok: NumberToken, s: Sentence) -> tuple[int | None, int | None, int]:
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


def _sentence_period(s: Sentence, skip: list[tuple[int, int]]) -> tuple[int | None, int | None]:
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


def previous_period(year: int | None, quarter: int | None) -> tuple[int | None, int | None]:
    """The period before: the quarter before a quarter, else the year before."""
    if year is None:
        return None, None
    if quarter is None:
        return year - 1, None
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def transition_periods(
    earlier: NumberToken,
    later: NumberToken,
    s: Sentence,
    resolve: Callable[[Sentence], int | None],
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
    brk = CLAUSE_BREAK.search(s.text, l_end)
    own = Sentence(s.text[: brk.start() if brk else len(s.text)], s.start)
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
        e_year, e_q = previous_period(l_year, l_q)
    elif e_year is None and e_q is not None:
        # "van N in het vierde kwartaal naar M in het eerste": across the year end
        wraps = l_q is not None and e_q > l_q and l_year is not None
        e_year = l_year - 1 if wraps and l_year is not None else l_year
    return (e_year, e_q), (l_year, l_q)


def report_year(doc: ParsedDocument) -> int | None:
    """The year the report is about: the document's own, else the year it names most."""
    if doc.year is not None:
        return doc.year
    # a year a figure can be about: not a date ("2 juli 2020", the publication), not a
    # comparison ("sinds 2013"), not after the document's own date (a future target)
    latest = doc.date.year if doc.date else dateline_year(doc.text)
    # a month-only dateline is the text's "now": a quarterly item reports on it, an item on
    # the yearly measurement (published the year after) on the year before
    quarterly = bool(re.search(r"\b(?:kwarta(?:al|len)|quarters?)\b", doc.text, _I))
    sentences = [Sentence(doc.text[a:b], a) for a, b in split_sentences(doc.text)]
    free = Counter(
        year_value(y, s)
        for s in sentences
        for y in _tokens(s.text)[0]
        if not is_comparison(y, s)
        # not an event's date -- a stand "per 1 januari 2019" / "per 1 april 2019" dates the
        # figures, unless it is when something starts ("gaat per 1 januari 2019 in")
        and (
            (_month_dateline(y, s) and quarterly)
            or not (_is_event_date(y, s) or (is_date(y, s) and _STARTS.search(s.text)))
        )
        and (latest is None or year_value(y, s) <= latest)
    )
    # "vorig jaar opnieuw niet gehaald", "tot en met juni van dit jaar": a year named
    # relative to the document's date counts as the year it names (not a comparison's, "meer
    # dan vorig jaar", nor a year to come)
    relative = Counter(
        latest + offset
        for s in sentences
        if latest is not None
        for rx, anchor, offset in _RELATIVE_YEARS
        if anchor in ("document", "context_or_document") and offset <= 0
        for m in rx.finditer(s.text)
        if not _COMPARED_BEFORE.search(s.text[: m.start()])
    )
    if free or relative:  # the commonest; of equally common years the latest
        named = free + relative
        return max(named, key=lambda y: (named[y], y))
    years = [int(t.value) for t in find_numbers(doc.text) if is_year(t, doc.text)]
    return Counter(years).most_common(1)[0][0] if years else None


def dateline_year(text: str) -> int | None:
    """'Januari 2023 – ...', 'Amersfoort, juli 2022 – ...': a news item dated by month only;
    'Gepubliceerd in 2017', 'Bijgewerkt: juni 2020': a page dated by its year or month only;
    'vorig jaar' in it is the year before that one."""
    m = _MONTH_DATELINE.search(text[:400]) or _PUBLISHED_YEAR.search(text[:400])
    return int(m.group("y")) if m else None


def lead_in_year(lead_in: Sentence) -> int | None:
    """'Van de nulmeting eind 2012 tot en met het derde kwartaal 2017 kwamen werkgevers uit
    op:' -- the list's items are about the lead-in's last year (not its starting point)."""
    free = [y for y in lead_in.years if not is_comparison(y, lead_in) and not is_date(y, lead_in)]
    return int(free[-1].value) if free else None
