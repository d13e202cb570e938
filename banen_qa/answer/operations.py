"""Question -> Operation over the figures table: lookup, difference, change, sum, ranking,
met-the-target, trend, or the same figure across letters. Cue words per operation live in
the tables below (folded, word-start match); the sectors, years and metrics come from
`intent.analyse`, the letters from `letters.resolve_scope`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from banen_qa.answer.intent import ORDINALS, Intent, document_date_spans, month_quarters
from banen_qa.answer.letters import Scope
from banen_qa.extract.numbers import find_numbers
from banen_qa.extract.vocab import METRIC
from banen_qa.text import fold, is_year

OpKind = Literal[
    "lookup",
    "difference",
    "change",
    "sum",
    "ranking",
    "met_target",
    "trend",
    "across",
    "filter",
    "when",
]

# (cue table) operation -> words in a question that ask for it
OP_CUES: dict[str, tuple[str, ...]] = {
    "across": (
        "verschillende brieven",
        "different letters",
        "letters agree",
        "brieven eens",
        "the letters say",
        "de brieven zeggen",
        "volgens de brieven",
        "the documents",
        "de documenten",
        "the texts",
        "de teksten",
        "the sources",
        "de bronnen",
        # "do they agree", "zijn ze het eens", "kloppen de cijfers met elkaar"; whole words
        # (AGREE_WORDS), as "the agreement" and "de overeenkomst" name the scheme
        "het eens",
        "eens zijn",
        "met elkaar",
    ),
    "ranking": (
        "most",
        "least",
        "highest",
        "lowest",
        "meeste",
        "minste",
        "hoogste",
        "laagste",
        "rank",
        "rangschik",
        "sterkst",
        "het minst",
        "het meest",
        "largest",
        "smallest",
        "grootst",
        "kleinst",
        "strongest",
        "weakest",
        "verst achter",
        "furthest",
        "worst",
        "slechtst",
        "grew most",
        "grew the most",
        "grew least",
    ),
    "met_target": (
        "meet",
        "met their",
        "met its",
        "made its",
        "made their",
        "make its",
        "make their",
        "fulfil",
        "reach",
        "bereik",  # bereikt, bereiken, bereikte
        "halen",
        "haalden",
        "voldaan",
        "voldeed",
        "voldeden",
        "hit ",
        "gehaald",
        "behaald",
        "haalde",
        "on target",
        "boven het doel",
        "achieve",
        "op koers",
        "on track",
        "on course",
        "op schema",
        "on schedule",
        "boven de doelstelling",
        "al binnen",
        "already at",
        "already reached",
        "al bereikt",
    ),
    "sum": (
        "together",
        "samen",
        "combined",
        "gezamenlijk",
        "tel ",
        "in total",
        "opgeteld",
        "optellen",
        "optel",
        "in totaal",
        "add up",
        "total",
        "totale",
        "sum of",
        "som van",
    ),
    "difference": (
        "exceed",
        "overshoot",
        "overshot",
        "outdid",
        "outdo",
        "overschre",  # overschreden, overschreed
        "ging over",
        "gingen over",
        "beat their",
        "beat its",
        "beat the",
        "outperform",
        "outstrip",
        "overtrof",
        "overtroffen",
        "overtreffen",
        "tekort",
        "short",
        "more than",
        "meer dan",
        "fewer",
        "minder dan",
        "over hun doel",
        "over het doel",
        "over zijn doel",
        "verschil",
        "difference",
        "more jobs than",
        "how many more",
        "surpass",
        "above their",
        "boven hun",
        "above target",
        "above the",
        "below",
        "onder de",
        "onder het",
        "onder hun",
        "boven of onder",
        "above or below",
        "gap",
        "scheel",
        "how far",
        "hoe ver",
        "achter",
    ),
    "change": (
        "add",
        "grow",
        "grew",
        "groei",
        "bijgekomen",
        "steeg",
        "stijg",
        "rise",
        "rose",
        "change",
        "develop",
        "ontwikkel",
        "daal",
        "drop",
        "increase",
        "toename",
        "afname",
        "decrease",
        "verander",
        "gegroeid",
        "fall",
        "fell",
    ),
    "trend": (
        "develop",
        "ontwikkel",
        "tot en met",
        "trend",
        "through",
        "verloop",
        "verliep",
        "verlopen",
        "evolve",
        "how did the number",
    ),
}
# the verbs of agreeing, not the nouns that name the scheme ("which side of the agreement",
# "de overeenkomst"): "agree(s/d)", "disagree", "komen overeen", "overeenkomen", "stemmen overeen"
AGREE_WORDS = r"\b(?:dis)?agree(?:s|d)?\b|\boveree(?:n|nkomen|nstemmen)\b"
WHICH_SECTOR = (
    "which sector",
    "welke sector",
    "welke onderwijssector",
    "which education",
    "rank",
    "rangschik",
    "welk onderdeel",
    "which of",
)
# "which realised more: A, B or C": a comparative among the sectors the question names, in
# either language (more/fewer, higher/lower, larger/smaller, further, better/worse)
COMPARATIVES = (
    "more meer fewer less minder higher hoger lower lager larger bigger greater groter smaller"
    " kleiner further farther verder better beter worse slechter stronger sterker faster sneller"
).split()
COMPARATIVE_CUES = tuple(COMPARATIVES)
# "hoeveel minder banen had A dan B", "how many fewer jobs did A have than B", "hoeveel banen
# meer ... dan": an amount asked of a comparative, in any word order before "than"
AMOUNT_COMPARED = (
    r"\b(?:hoeveel|how (?:many|much)|by how (?:many|much))\b(?:\s+[\w'-]+){0,3}?\s+(?:"
    + "|".join(COMPARATIVES)
    + r")\b.*\b(?:dan|than)\b"
)
# (cue table) a ranking by realised / target: "which did better against its target"
BETTER_CUES = ("better", "beter", "best", "worse", "worst", "slechter", "slechtst")
# (cue table) words that ask how far a figure is from its target, beside a met-the-target cue
GAP_CUES = (
    "boven het doel",
    "boven de doelstelling",
    "above",
    "below",
    "short",
    "onder het",
    "onder de",
    "tekort",
    "exceed",
    "meer dan",
    "more than",
    # "het verschil tussen wat X moest halen en wat X haalde": how far from the target
    "verschil",
    "difference",
    "gap",
)
AMOUNT_CUES = ("how many", "how much", "hoeveel", "by how", "verschil", "difference")
LOW_CUES = (
    "worse",
    "slechter",
    "fewer",
    "less",
    "lower",
    "lager",
    "minder",
    "kleiner",
    "smaller",
    "least",
    "lowest",
    "minste",
    "laagste",
    "het minst",
    "smallest",
    "kleinst",
    "weakest",
    "verst achter",
    "furthest behind",
    "furthest short",
    "furthest below",
    "worst",
    "slechtst",
)
# a ranking by how far behind (or ahead of) the target: by the percentage of the target
SHORTFALL_CUES = (
    "verst achter",
    "furthest behind",
    "furthest short",
    "furthest below",
    "worst",
    "slechtst",
    "of its quota",
    "of their quota",
    "van het quotum",
    "van hun quotum",
)
# "which sectors fell short of / met their quota": a filter over the table, not a ranking
SHORT_CUES = (
    "fell short",
    "fall short",
    "short of",
    "niet gehaald",
    "niet behaald",
    "did not meet",
    "didn't meet",
    "missed",
    "below",
    "onder het",
    "onder hun",
    "bleven achter",
    "achterbleven",
    "bleef achter",
)
# (cue table) a ranking by how near each came to its target: realised / target, nearest to
# 100% first ("which sector came closer to its target"); the far cues rank the other way
CLOSER_CUES = ("closer to", "closest to", "nearest to", "dichter bij", "dichtst bij")
FARTHER_CUES = ("further from", "farther from", "furthest from", "verder van", "verst van")
# (cue table) a ranking by the gap to the target: the shortfall (target − realised) or the
# margin above it (realised − target)
SHORTFALL_RANK_CUES = ("tekort", "shortfall", "short of", "achterstand", "deficit")
MARGIN_RANK_CUES = ("marge", "margin", "overschot", "surplus", "voorsprong", "boven het doel")
# (cue table) words that ask for the year a named number of jobs is due ("in welk jaar moet
# de overheid haar 25.000 banen hebben", "by when must the 125,000 jobs be realised")
WHEN_ASK = (
    "in welk jaar",
    "wanneer",
    "by when",
    "when",
    "in which year",
    "by what year",
    "by which year",
    "what year",
    "welk jaar",
    "end year",
    "eindjaar",
    "target year",
    "deadline",
    "einddatum",
)
# (cue table) verbs that ask for an order ("rank 2021 and 2022 by ...", "rangschik ...")
RANK_VERBS = ("rank", "rangschik", "order", "sorteer", "sort")
# (cue table) a question that asks for an order ("zet ... op volgorde", "rangschik", "order
# from small to large", "sort"), not "in order to"; and the words that put the smallest first
ORDER_ASK = (
    r"\b(?:op|in)\s+(?:de\s+)?volgorde\b|\brangschik\w*|\bsorteer\w*|\bsort(?:ed)?\b|"
    r"\brank(?:ed)?\b|\border\b(?!\s+to\b)|\b(?:ascending|descending|oplopend|aflopend)\b"
)
ASCENDING = (
    r"\b(?:(?:van\s+)?(?:klein|laag|weinig)(?:st)?\s+naar\s+(?:groot|hoog|veel)|"
    r"(?:from\s+)?(?:small|low|few)(?:est)?\s+to\s+(?:large|big|high|great|most)\w*|"
    r"ascending|oplopend)\b"
)
# "uit welke twee delen bestaat het totaal", "which parts make up the total", "what is the
# total made up of": the parts of all employers' figure (market and government), added up
PARTS_ASK = (
    r"\b(?:uit\s+welke\s+(?:\w+\s+)?(?:delen|onderdelen)|waaruit\s+bestaat|"
    r"welke\s+(?:\w+\s+)?(?:delen|onderdelen)\s+(?:vormen|maken)|"
    r"(?:which|what)\s+(?:\w+\s+)?parts|made\s+up\s+of|consists?\s+of|split\s+into)\b"
)
# A question that names two sources of one figure: "hoeveel volgens A, en hoeveel volgens B",
# "according to A, and how does B put it"
TWO_SOURCES = (
    r"\b(?:volgens|according\s+to)\b.*\b(?:volgens|according\s+to)\b"
    r"|\b(?:volgens|according\s+to)\b.*\b(?:and|en)\s+(?:how|what)\s+(?:does|do|did)\s+"
    r"[\w' -]+?\s+(?:put|say|give|state|report)\b"
    r"|\b(?:volgens|according\s+to)\b.*\ben\s+(?:hoe|wat)\s+(?:noemt|zegt|geeft|meldt|brengt)\b"
)
# the sectors that together are all employers: their sum is the letter's own total
PARTS_OF_TOTAL = ("marktsector", "overheid")
# words that ask which of the named years (not sectors) ranks first
YEAR_ASK = ("in welk jaar", "welk jaar", "which year", "in which year", "what year")
PLURAL_SECTORS = ("sectors", "sectoren", "onderwijssectoren", "education sectors")
# words that ask for a list of sectors ("which sectors", "noem de sectoren die ...")
LIST_ASK = ("which", "welke", "noem", "name the", "list the", "geef de", "give the")
# (cue table) "more than 1,000 jobs", "boven de 80%": a threshold a filter holds the
# sectors' figures against; the cue stands right before the number
ABOVE_CUES = (
    "more than",
    "meer dan",
    "above",
    "over",
    "boven",
    "hoger dan",
    "higher than",
    "at least",
    "minstens",
    "ten minste",
    "ruim",
)
BELOW_CUES = (
    "less than",
    "fewer than",
    "minder dan",
    "below",
    "under",
    "onder",
    "lager dan",
    "lower than",
    "at most",
    "hooguit",
    "hoogstens",
)
PCT_CUES = ("percentage", "procent", "rate", "procentpunt", "percentage point", "%")
TARGET_CUES = (
    "target",
    "goal",
    "quota",
    "quotum",
    "doel",
    "doelstelling",
    "opgave",
    "streefcijfer",
    "streefgetal",
    "taakstelling",
)
# (cue table) words that name a realised count, not only "banen": a sum whose question has
# none of them ("het totaal van de banenafspraak voor 2026") takes the target for a year the
# table holds no realised count of
REALISED_ASK = (
    "gerealiseerd",
    "realis",  # realiseerde, realiseren, realised, realisation
    "realiz",
    "achieved",
    "ingevuld",
    "gecreeerd",
    "created",
    "teller",
    "count",
)
EDUCATION_CUES = ("onderwijssector", "education sector", "onderwijs", "education")
EDUCATION = ("funderend_onderwijs", "mbo", "hbo", "wo", "onderzoeksinstellingen", "umc")


@dataclass
class Operation:
    kind: OpKind
    sectors: list[str]
    years: list[int]
    metric: str  # the metric compared / summed / ranked
    low: bool = False  # ranking: lowest / least; filter: the sectors short of the target
    by_change: bool = False  # ranking by growth between two years
    rank_all: bool = False  # "rank ...": order them all
    education: bool = False  # ranking or filter among the education sectors
    threshold: float | None = None  # filter: the figure the sectors' figures are held against
    # ranking: what is ranked: the figure itself, or computed from realised and target (the
    # shortfall, the margin above it, or how near to 100% of it)
    measure: Literal["value", "shortfall", "margin", "closeness", "ratio"] = "value"
    over_years: bool = False  # ranking: the named years of one sector, not sectors
    amount: float | None = None  # when: the number of jobs whose due year is asked
    scope: Scope = field(default_factory=Scope)
    # a change between quarters: (year, quarter) points in the question's order; quarter
    # None is the year's end. Empty for any question that names no quarter, so quarterly
    # counts never enter an annual answer.
    periods: list[tuple[int, int | None]] = field(default_factory=list)
    # sum: the breakdowns of one count that are added up ("regular and agency together")
    parts: list[str] = field(default_factory=list)
    # difference: one key in two named documents ("how much higher was A's count than B's")
    between_documents: bool = False
    # "at the end of 2018, 2019 and 2020": the stand at each year's end (its fourth quarter's
    # count) before a letter's annual figure
    year_end: bool = False
    # sum: no realised count named, so a year the table holds only targets of ("het totaal
    # voor 2026") sums the targets
    or_target: bool = False


_ORDINAL_QUARTER = {w: n for n, pair in ORDINALS.items() for w in pair}
_QUARTER_PATTERNS = (
    # "het derde kwartaal (van) 2018", "the third quarter of 2018", "derde kwartaal"
    (
        r"\b(?P<q>"
        + "|".join(_ORDINAL_QUARTER)
        + r")\s+(?:kwartaal|quarter)(?:\s+(?:van|of))?(?:\s+(?P<y>(?:19|20)\d\d))?\b",
        lambda m: _ORDINAL_QUARTER[m.group("q")],
    ),
    # "2018-Q3", "2018 q3", "Q3 2018", "q3"
    (r"\b(?P<y>(?:19|20)\d\d)[\s-]*q(?P<q>[1-4])\b", lambda m: int(m.group("q"))),
    (r"\bq(?P<q>[1-4])(?:\s*(?P<y>(?:19|20)\d\d))?\b", lambda m: int(m.group("q"))),
    # "eind 2018", "the end of 2019": a year's end, the stand of its fourth quarter
    (r"\b(?:eind|einde|ultimo|end of|close of)\s+(?P<y>(?:19|20)\d\d)\b", lambda m: None),
)
YEAR_END = r"\b(?:eind|einde|ultimo|end of|close of)\s+(?:19|20)\d\d\b"


def periods_in(question: str) -> list[tuple[int, int | None]]:
    """The points in time a question names, in its order: (year, quarter) for a quarter
    ("het derde kwartaal van 2018", "Q3 2018", "eind september 2019"), (year, None) for a
    year on its own ("eind 2018"). A quarter without its year takes the next year named
    ("from the third to the fourth quarter of 2018"), else the one before. Empty when no
    quarter is named."""
    # "van het derde tot het vierde kwartaal": the first ordinal is a quarter too
    ordinal = "|".join(_ORDINAL_QUARTER)
    folded = re.sub(
        rf"\b({ordinal})(?=\s+(?:to|tot|naar|and|en|or|of)\s+(?:the\s+|het\s+)?"
        rf"(?:{ordinal})\s+(kwartaal|quarter)\b)",
        lambda m: f"{m.group(1)} kwartaal",
        fold(question),
    )
    # start, end, year (0: none), quarter; "eind maart 2019", "up to June 2021" first
    found: list[tuple[int, int, int, int | None]] = list(month_quarters(folded))
    for pattern, quarter in _QUARTER_PATTERNS:
        for m in re.finditer(pattern, folded):
            if any(m.start() < e and s < m.end() for s, e, _, _ in found):
                continue
            found.append((m.start(), m.end(), int(m.group("y") or 0), quarter(m)))
    if not found or not any(q for *_, q in found) and len(found) < 2:
        return []  # no quarter, and at most one year's end: a question about years
    dated = document_date_spans(question)  # "het item van november 2020": no point in time
    for m in re.finditer(r"\b(?:19|20)\d\d\b", folded):
        if not any(s <= m.start() < e for s, e, _, _ in found) and not any(
            s <= m.start() < e for s, e in dated
        ):
            found.append((m.start(), m.end(), int(m.group()), None))
    found.sort()
    points: list[tuple[int, int | None]] = []
    for i, (_, _, year, q) in enumerate(found):
        later = [y for _, _, y, _ in found[i + 1 :] if y]
        earlier = [y for _, _, y, _ in found[:i] if y]
        year = year or (later[0] if later else earlier[-1] if earlier else 0)
        if year:
            points.append((year, q))
    # the fourth quarter's count is the year's end: "Q4 2021" and "eind 2021" are one point
    kept: dict[tuple[int, int | None], tuple[int, int | None]] = {}
    for y, q in points:
        kept.setdefault((y, None if q == 4 else q), (y, q))
    return list(kept.values())


def has(folded: str, cues: tuple[str, ...]) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(c), folded) for c in cues)


def threshold_in(question: str) -> tuple[float, bool, bool] | None:
    """ "more than 1,000", "minder dan 90%": (value, is a percentage, below) of the first
    number right after a comparison cue; a year is no threshold."""
    folded = fold(question)
    for token in find_numbers(folded):
        if is_year(token.value) and token.raw.isdigit():  # "over 2021", not "over 2,000"
            continue
        before = re.sub(r"\s+(?:de|het|the|een|a)\s*$", "", folded[: token.start].rstrip())
        for below, cues in ((False, ABOVE_CUES), (True, BELOW_CUES)):
            if any(re.search(r"(?<!\w)" + re.escape(c) + "$", before) for c in cues):
                return token.value, token.is_pct, below
    return None


def _amount_in(folded: str) -> float | None:
    """The first number of jobs a question names that is not a year ("25.000 banen")."""
    for token in find_numbers(folded):
        if not token.is_pct and not (is_year(token.value) and token.raw.isdigit()):
            return token.value
    return None


def _measure(folded: str) -> Literal["value", "shortfall", "margin", "closeness", "ratio"]:
    """What a ranking of sectors or of a sector's years ranks: the gap to the target, its
    nearness, the share of it realised ("did better against its target"), or the figure
    itself."""
    if has(folded, CLOSER_CUES + FARTHER_CUES):
        return "closeness"
    if has(folded, BETTER_CUES) and has(folded, TARGET_CUES):
        return "ratio"
    if has(folded, SHORTFALL_RANK_CUES):
        return "shortfall"
    if has(folded, MARGIN_RANK_CUES):
        return "margin"
    return "value"


def _a_count(metric: str) -> bool:
    """A number of jobs a change or series can follow: the count, the target, or one
    breakdown of the count ("regular-contract jobs from Q2 to Q3")."""
    return metric in ("realised_jobs", "target_jobs") or bool(METRIC[metric].part_of)


def _parts(intent: Intent) -> list[str]:
    """The breakdowns of one count a question names (regular and agency contracts)."""
    parts = [m for m in intent.metrics if METRIC[m].part_of]
    return parts if len({METRIC[m].part_of for m in parts}) == 1 else []


def _two_sources(folded: str) -> bool:
    """Whether a question asks one figure of two sources (TWO_SOURCES)."""
    return re.search(TWO_SOURCES, folded) is not None


def parse_operation(question: str, intent: Intent, scope: Scope) -> Operation | None:
    """The table operation a question asks for, or None when it asks none."""
    folded = fold(question)
    years = [y for y in intent.years if y not in scope.letter_years]
    which = has(folded, WHICH_SECTOR) or bool(
        re.search(r"\b(which|welke|welk)\b", folded) and re.search(r"\bsector", folded)
    )
    pct = any(c in folded for c in PCT_CUES) or (which and has(folded, SHORTFALL_CUES))
    metric = (
        "realisation_pct" if pct else (intent.metrics[0] if intent.metrics else "realised_jobs")
    )
    sectors = intent.sectors
    op = Operation(kind="lookup", sectors=sectors, years=years, metric=metric, scope=scope)
    op.year_end = bool(re.search(YEAR_END, folded))
    short = has(folded, SHORT_CUES)
    asks_list = not sectors and has(folded, PLURAL_SECTORS) and has(folded, LIST_ASK)
    threshold = threshold_in(question) if asks_list else None
    if threshold is not None:
        # "which sectors realised more than 1,000 jobs", "... minder dan 90% van hun quotum"
        op.kind = "filter"
        op.threshold, is_pct, op.low = threshold
        if is_pct or pct:
            op.metric = "realisation_pct"
        op.education = has(folded, EDUCATION_CUES)
    elif asks_list and (short or has(folded, OP_CUES["met_target"])):
        op.kind = "filter"  # "which sectors fell short of / met their quota in YEAR"
        op.low = short
        op.metric = "realisation_pct"
        op.education = has(folded, EDUCATION_CUES)
    elif (
        has(folded, OP_CUES["across"]) or re.search(AGREE_WORDS, folded) or _two_sources(folded)
    ) and sectors:
        op.kind = "across"
        if _two_sources(folded) and len(scope.named) < 2:
            # "volgens A, en hoeveel volgens B" where not every source is pinned down: each
            # letter's figure, the one pinned down among them
            op.scope = replace(scope, documents=None)
    elif has(folded, WHEN_ASK) and (amount := _amount_in(folded)) is not None:
        # "in welk jaar moet de overheid haar 25.000 banen hebben volgens A, en volgens B?"
        op.kind = "when"
        op.amount = amount
        op.metric = "target_jobs"
        return op
    elif (
        len(sectors) <= 1
        and len(years) != 1
        and not which
        and not has(folded, PLURAL_SECTORS)
        and re.search(ORDER_ASK, folded)
    ):
        # "zet de drie overheidsdoelen op volgorde van klein naar groot", "order the police's
        # targets from small to large": one sector's figures of the years named, else of
        # every year the table (the named letter) holds, ordered
        op.kind = "ranking"
        op.over_years = True
        op.rank_all = True
        op.sectors = sectors or ["totaal"]
        op.low = bool(re.search(ASCENDING, folded))
        if not pct and metric not in ("realised_jobs", "target_jobs"):
            op.metric = "realised_jobs"
        return op
    elif (
        len(sectors) <= 1
        and len(years) >= 2
        and (
            has(folded, YEAR_ASK)
            and (has(folded, OP_CUES["ranking"]) or has(folded, COMPARATIVE_CUES + CLOSER_CUES))
            # "rank 2021 and 2022 by ...": the years are what is ranked
            or re.match(
                rf"(?:{'|'.join(RANK_VERBS)})\w*\s+(?:the\s+years\s+|de\s+jaren\s+)?(?:19|20)\d\d",
                folded,
            )
        )
    ):
        # "in welk jaar was het tekort van de overheid het grootst: 2019, 2021 of 2022?"
        op.kind = "ranking"
        op.over_years = True
        op.sectors = sectors or ["totaal"]
        op.low = has(folded, LOW_CUES) or has(folded, FARTHER_CUES)
        op.measure = _measure(folded)
        if op.measure == "value" and not pct and metric not in ("realised_jobs", "target_jobs"):
            op.metric = "realised_jobs"
        return op
    elif (which or len(sectors) >= 2) and has(folded, CLOSER_CUES + FARTHER_CUES):
        # "which sector came closer to its 2021 target, the market or the government?"
        op.kind = "ranking"
        op.measure = "closeness"
        op.low = has(folded, FARTHER_CUES)
        op.metric = "realised_jobs"
        return op
    elif (
        which and (has(folded, OP_CUES["ranking"]) or folded.startswith(("rank", "rangschik")))
    ) or (
        len(sectors) >= 2
        and re.search(r"\b(which|welke|welk|wie|who)\b", folded)
        and has(folded, COMPARATIVE_CUES)
        and not has(folded, AMOUNT_CUES)  # "which had more, and by how many": a difference
    ):
        op.kind = "ranking"
        op.low = has(folded, LOW_CUES)
        op.rank_all = folded.startswith(("rank", "rangschik"))
        op.by_change = has(folded, OP_CUES["change"]) and len(years) >= 2
        op.education = has(folded, EDUCATION_CUES) and not sectors
        if not pct:
            op.metric = "realised_jobs"
            # "which fell further short of its target", "which did better against its goal"
            op.measure = _measure(folded) if not op.by_change else "value"
    elif (
        (periods := periods_in(question))
        and len(periods) >= 2
        and (
            has(folded, OP_CUES["change"])
            or has(folded, OP_CUES["difference"])
            or re.search(r"\b(between|from|van|tussen)\b", folded)
        )
    ):
        # "from the third to the fourth quarter of 2018": a change between quarters, of the
        # count of all employers unless a sector is named
        op.kind = "change"
        op.periods = [periods[0], periods[-1]]
        op.sectors = sectors or ["totaal"]
        op.years = sorted({y for y, _ in op.periods})
        if not pct and not _a_count(metric):
            op.metric = "realised_jobs"
        return op
    elif (
        len(scope.named) >= 2
        and len(set(years)) < 2  # "meer in 2019 dan in 2016, volgens A en B": a change
        and (has(folded, OP_CUES["difference"]) or has(folded, COMPARATIVE_CUES))
    ):
        # "how much higher was UWV's count than the NOS figure for end 2019": one figure in
        # each named document, the same sector, year and metric
        op.kind = "difference"
        op.between_documents = True
        op.sectors = sectors[:1] or ["totaal"]
        op.year_end = True
        if not pct and metric not in ("realised_jobs", "target_jobs"):
            op.metric = "realised_jobs"
        return op
    elif has(folded, OP_CUES["sum"]) and len(parts := _parts(intent)) >= 2:
        # "regular and agency contracts combined": the breakdowns of one count, added up
        op.kind = "sum"
        op.parts = parts
        op.sectors = sectors or ["totaal"]
        op.periods = [p for p in periods_in(question) if p[1] is not None][:1]
        op.year_end = True
        return op
    elif re.search(PARTS_ASK, folded) and set(sectors) <= {"totaal"}:
        # "uit welke twee delen bestaat het totaal voor 2026, en wat is de som?": market and
        # government, added up and held against the total where a letter gives it
        op.kind = "sum"
        op.sectors = list(PARTS_OF_TOTAL)
        if has(folded, TARGET_CUES):
            op.metric = "target_jobs"
        op.or_target = not has(folded, REALISED_ASK)
        return op
    elif not sectors and scope.table_only and has(folded, OP_CUES["sum"]):
        op.kind = "sum"  # "the sectors in the (overview) table ... together": its rows
    elif not sectors and years and has(folded, OP_CUES["met_target"]) and has(folded, TARGET_CUES):
        # "is het doel voor eind 2023 bereikt?": no sector named, so the scheme's own target
        op.kind = "met_target"
        op.sectors = ["totaal"]
        return op
    elif not sectors:
        return None
    elif has(folded, OP_CUES["met_target"]):
        # "hoeveel banen zat de markt boven het doel": how far, not whether
        asks_amount = has(folded, AMOUNT_CUES) and not pct
        op.kind = "difference" if asks_amount and has(folded, GAP_CUES) else "met_target"
    elif has(folded, OP_CUES["sum"]) and (len(sectors) > 1 or scope.table_only):
        op.kind = "sum"
        # "tel markt en overheid op; komt dat uit op het totaal?": the total their parts add
        # up to is what the sum is held against, not one of its terms
        if set(PARTS_OF_TOTAL) <= set(sectors):
            op.sectors = [s for s in sectors if s != "totaal"]
    elif (
        len(years) >= 2
        and has(folded, OP_CUES["trend"])
        and (
            len(years) > 2
            or "tot en met" in folded
            or "through" in folded
            or has(folded, ("develop", "ontwikkel"))
        )
    ) or (len(sectors) == 1 and len(years) > 2 and not has(folded, OP_CUES["difference"])):
        op.kind = "trend"  # one sector's figure in three or more named years: its series
    elif len(years) >= 2 and (
        has(folded, OP_CUES["change"])
        or has(folded, OP_CUES["difference"])
        or re.search(r"\b(between|from|van|tussen)\b", folded)
        # "hoeveel banen meer telde X in 2019 dan in 2016": one sector against itself
        or (len(sectors) == 1 and re.search(AMOUNT_COMPARED, folded))
    ):
        op.kind = "change"
    elif has(folded, OP_CUES["difference"]) or re.search(AMOUNT_COMPARED, folded):
        op.kind = "difference"
    elif len(scope.named) >= 2:
        # "compare the market's 2017 target and outcome in A with B", "what target do A and
        # B give": a lookup in two named documents asks each one's figure
        op.kind = "across"
    else:
        return None  # a lookup: the figures path answers it
    if op.kind == "difference" and len(sectors) < 2:
        op.metric = "realised_jobs"
    if op.kind in ("change", "trend", "across") and not pct and not _a_count(metric):
        op.metric = "realised_jobs"
    if op.kind == "sum" and has(folded, TARGET_CUES):
        op.metric = "target_jobs"
    op.or_target = op.kind == "sum" and not has(folded, REALISED_ASK)
    return op
