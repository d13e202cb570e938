"""Question -> Intent: its language, sectors, years, quarter and the metrics it asks about.

The cue words for metrics live with each metric in the vocabulary (`MetricSpec.question_cues`);
what is here is about questions only: language markers and ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from banen_qa.extract.vocab import METRIC, METRIC_SPECS, find_sectors, find_weak_sectors
from banen_qa.text import MONTHS, YEAR, Lang, fold

# Words that mark the question's language; the larger count wins, English on a tie.
DUTCH_WORDS = frozenset(
    """hoeveel wat welke welk wie wanneer waar waarom hoe het de een van heeft hebben zijn
    is was waren voor met door bij op banen gerealiseerd realiseerden doel doelstelling
    quotum sectoren zij er om dat niet nog ook en hoogste laagste meeste minste volgens
    tussen hun naar bij onder boven sterkst verst achter gezamenlijke samen""".split()
)
ENGLISH_WORDS = frozenset(
    """how many much what which who when where why did does do the a an of has have had
    is was were for with by at on jobs realise realised realize realized target quota
    sectors they it that not and in""".split()
)

# a question about several sectors ("which sectors", "de sectoren samen") names no total
PLURAL_SECTOR = r"\bsector(?:s|en)\b|\bonderwijssectoren\b"

# "volgens de werkgevers", "according to employers": who speaks, not what is counted
SPEAKER = r"\b(?:volgens|according to)(?:\s+(?:de|het|the))?"

ORDINALS = {
    1: ("eerste", "first"),
    2: ("tweede", "second"),
    3: ("derde", "third"),
    4: ("vierde", "fourth"),
}


@dataclass
class Intent:
    """What a question asks: sectors, years, metrics, and whether it asks for a figure."""

    language: Lang
    sectors: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    quarter: int | None = None

    @property
    def asks_figure(self) -> bool:
        return bool(self.sectors and self.metrics)


# "the healthcare sector", "de zorgsector": the word before "sector"; these words name no
# sector of their own ("which sector", "de totale sector"), or a group the operations read
# ("onderwijssector")
SECTOR_NAMED = (r"\b([a-z\u00e0-\u00ff-]+?)[\s-]?sector(?:s|en)?\b",)
NOT_A_SECTOR_NAME = frozenset(
    """the a an this that which each every whole entire total totale hele gehele per welke
    die deze elke iedere same zelfde other andere een its their zijn hun own eigen what wat
    one de het of van in en and or whose waarvan waar onderwijs education two three four
    five both several all twee drie vier vijf beide alle meerdere""".split()
)


# A question's words for all employers together that the sector vocabulary leaves out
# ("was the overall target met", "the national target", "het landelijke doel", "in heel
# Nederland"); read only in questions, never in the letters' text.
ALL_EMPLOYERS_ASKED = (
    r"\b(?:overall|national|nationwide|country-?wide|landelijke?|in heel nederland|"
    r"the total (?:number|count)|het totaal aantal|het totale aantal|the total|"
    # the scheme as a whole: "is de doelstelling van de banenafspraak gehaald", "the
    # cumulative number of banenafspraak jobs"
    r"(?<!binnen )(?<!within )(?<!for )(?<!voor )(?<!in )(?<!onder )(?<!under )"
    r"(?:de|the) banenafspraak|"
    r"banenafspraak jobs|cumulatie(?:ve?|f)|cumulative(?:ly)?|"
    # the scheme's one counter of all jobs: "waar stond de teller", "the counter stood at"
    r"(?:de|the) (?:banen)?(?:teller|counter)s?)\b"
)


# A question's words for the market sector that the letters do not use for it ("did
# businesses hit their target", "the business community", "private employers", "firms");
# read only in questions.
MARKET_ASKED = (
    r"(?<![\w-])(?:business(?:es|\s+community|\s+sector|\s+world)?|(?:private\s+)?companies|"
    r"firms|(?:private|commercial)\s+employers|bedrijven|ondernemingen|ondernemers)\b"
)

# (cue table) nouns that name a document. A sector word that owns one ("het nieuwsbericht
# van de Rijksoverheid", "the government's news items") or speaks in a relative clause ("het
# totaal dat de Rijksoverheid noemt") says who gives the figure, not whose jobs are counted;
# a date after one ("het bericht van juli 2022", "the item of October 2023") is when it was
# published, not the year asked about.
DOCUMENT_NOUNS = (
    r"(?:(?:nieuws|pers)?bericht(?:en)?|brief|brieven|kamerbrief(?:en)?|rapport(?:en|age)?|"
    r"verslag(?:en)?|artikel(?:en)?|stuk(?:ken)?|publicatie(?:s)?|faq|factsheet|nota|notitie|"
    r"(?:news\s+)?items?|letters?|reports?|press\s+releases?|articles?|publications?|pieces?|"
    r"statements?|website|(?:thema|web)?pagina'?s?|(?:web)?pages?)"
)
OWNER_BEFORE = (
    rf"\b{DOCUMENT_NOUNS}\s+(?:[\w-]+\s+){{0,3}}?(?:van|of|from|by|door)\s+"
    r"(?:de\s+|het\s+|the\s+)?$"
)
# "the VNG's news item", "het VNG-bericht", "de VNG-themapagina": hyphenated or not
OWNER_AFTER = rf"^(?:'s|')?[\s-]+(?:[\w-]+\s+){{0,2}}?{DOCUMENT_NOUNS}\b"
SPEAKS_BEFORE = r"\b(?:dat|die|wat|that|which|as)\s+(?:de\s+|het\s+|the\s+)?$"
SPEAKS_AFTER = (
    r"^\s+(?:noemt|noemde|noemen|zegt|zei|meldt|meldde|geeft|gaf|rapporteert|rapporteerde|"
    r"publiceert|publiceerde|says|said|gives|gave|reports|reported|mentions|mentioned|"
    r"states|stated|publishes|published|names|named)\b"
)
DOCUMENT_DATE = (
    rf"\b{DOCUMENT_NOUNS}\b[^?.;]{{0,40}}?(?:\b(?:van|of|from|dated|uit)\s+|\()"
    rf"(?:\d{{1,2}}\s+)?(?:{'|'.join(MONTHS)})\s+((?:19|20)\d\d)\b"
)
# words that link a year to a document without dating it ("2020 in de brief", "2016 of
# the report"): the year is what the document reports on
LINKING = (
    r"(?:in|de|het|the|of|van|uit|from|a|an|een|by|door|and|en|op|on|at|bij|for|voor|"
    r"volgens|according|per|met|with)"
)
# the date written before the document noun: "Rendement's July 2018 article", "the 2015 news
# item", "the November 2020 radio item", "het juli 2018-bericht"
DOCUMENT_DATE_BEFORE = (
    rf"(?:\b(?:{'|'.join(MONTHS)})\s+)?(?<!\d)((?:19|20)\d\d)[\s-]+(?:(?!{LINKING}\b)[\w-]+\s+)?"
    rf"{DOCUMENT_NOUNS}\b"
)

# A modal of obligation before a verb of creating asks what had to be realised: the target
# ("hoeveel banen moesten de hogescholen realiseren", "how many jobs did the agreement require
# the police to create", "wat de overheid had moeten halen").
OBLIGED = (
    r"\b(?:moet|moeten|moest|moesten|dient|dienen|diende|dienden|must|should|had\s+to|"
    r"has\s+to|have\s+to|(?:supposed|expected|obliged)\s+to|"
    r"requir(?:e|es|ed|ing)|verplicht\w*|obligat\w*)\b"
    r"(?:\s+[\w'-]+){0,8}?\s+(?:realis|realiz|creer|creat|schep|(?:be)?halen\b|(?:be)?haal|reach|achiev|"
    r"deliver|lever|opleveren|bied|provid|fill|invul|vervul)\w*"
)

# What was planned, or what a sector answers for, is its target too ("wat er dat jaar gepland
# was", "the jobs planned for 2020", "how many jobs are the municipalities accountable for",
# "waarvoor gemeenten verantwoordelijk zijn", "the deadline").
PLANNED = (
    r"\b(?:gepland|planned|beoogd|voorzien\s+voor|scheduled|verantwoordelijk\w*|"
    r"accountable|responsible\s+for|deadline|einddatum)\b"
)

# What a question asks when it asks for a factor, a condition or what matters ("wat is
# doorslaggevend voor het succes", "what is the key factor", "waar hangt het van af"): an
# explanation from the text, not a figure, even when it names a sector and a year.
FACTOR_ASK = (
    r"\b(?:doorslaggevend\w*|bepalend\w*|allesbepalend\w*|cruciaal|cruciale|essentieel\w*|"
    r"(?:succes|sleutel)factor\w*|voorwaarden?|randvoorwaarden?|hang(?:t|en)\b[^?.]*\baf|"
    r"decisive|(?:key|deciding|success|critical)\s+factors?|crucial|essential|"
    r"preconditions?|conditions?\s+for|depends\s+on|what\s+matters|makes\s+or\s+breaks)\b"
)


def asks_factor(question: str) -> bool:
    """Whether a question asks what a result depends on (FACTOR_ASK), not how many."""
    return re.search(FACTOR_ASK, fold(question)) is not None


# A Dutch compound of a sector and a noun of what is counted ("overheidsdoelen",
# "marktdoelstelling", "gemeentequotum"): read as the sector and the noun apart.
SECTOR_COMPOUND = (
    r"\b(\w{4,}?)s?(doel(?:en|stellingen?)?|streefcijfers?|quot(?:um|a)|taakstellingen?)\b"
)


def split_compounds(text: str) -> str:
    """ "de drie overheidsdoelen" -> "de drie overheid doelen": a sector glued to what is
    counted, apart, so the sector vocabulary reads it."""
    return re.sub(SECTOR_COMPOUND, r"\1 \2", text)


# "in de periode 2014-2024", "over the period 2015 to 2020": one span the question asks
# about, not two years to compare; a figure a letter gives for a span carries no year
PERIOD_SPAN = (
    r"\b(?:periode|period|looptijd)\s+(?:van\s+|from\s+)?((?:19|20)\d\d)\s*"
    r"(?:-|\u2013|/|tot(?:\s+en\s+met)?|t/m|to|until|through)\s*((?:19|20)\d\d)\b"
)


def span_years(question: str) -> set[int]:
    """The first and last year of each period a question names as one span (PERIOD_SPAN)."""
    return {int(y) for m in re.finditer(PERIOD_SPAN, fold(question)) for y in m.groups()}


def speaks_or_owns(text: str, start: int, end: int) -> bool:
    """Whether the sector words at text[start:end] name who gives a figure (the owner of a
    document, or the subject of "noemt"/"says") rather than whose jobs are counted."""
    before, after = fold(text[:start]), fold(text[end:])
    return bool(
        re.search(OWNER_BEFORE, before)
        or re.search(OWNER_AFTER, after)
        or (re.search(SPEAKS_BEFORE, before) and re.search(SPEAKS_AFTER, after))
    )


def document_date_spans(question: str) -> list[tuple[int, int]]:
    """Where a question writes the dates of its documents ("het nieuwsbericht van juli 2022",
    "Rendement's July 2018 article"): when a document appeared, not what it reports on."""
    folded = fold(question)
    return [
        m.span(1)
        for pattern in (DOCUMENT_DATE, DOCUMENT_DATE_BEFORE)
        for m in re.finditer(pattern, folded)
    ]


def asked_years(question: str) -> list[int]:
    """The years a question asks about: each year written, except where it dates a document
    or bounds a period; by place, not by value ("halverwege 2020, volgens het item van
    november 2020" still asks 2020)."""
    dated = document_date_spans(question)
    spans = span_years(question)
    return sorted(
        {
            int(m.group(1))
            for m in YEAR.finditer(fold(question))
            if not any(s <= m.start(1) < e for s, e in dated) and int(m.group(1)) not in spans
        }
    )


# (cue table) a quarter named by a month: the stand at a quarter's end ("eind maart 2017",
# "up to June 2021", "tot en met juni", "by the end of September") and the middle of a year
# ("halfway through 2020", "halverwege 2020", "medio 2020": its second quarter's count)
QUARTER_END_MONTHS = {
    "maart": 1,
    "march": 1,
    "juni": 2,
    "june": 2,
    "september": 3,
    "december": 4,
}
UP_TO = (
    r"(?:eind|einde|ultimo|(?:by\s+|at\s+)?(?:the\s+)?end\s+of|tot\s+en\s+met|t/m|up\s+to|"
    r"up\s+until|until|till|through|by)"
)
QUARTER_BY_MONTH = (
    rf"\b{UP_TO}\s+(?P<m>{'|'.join(QUARTER_END_MONTHS)})(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?\b"
)
MID_YEAR = (
    r"\b(?:half\s*way\s+through|midway\s+through|halverwege|medio|mid-?)"
    r"\s*(?P<y>(?:19|20)\d\d)\b"
)

# (cue table) the heads a Dutch compound shares in "uitzend- en detacheringsbanen" (the
# first part's hyphen stands for the head: uitzendbanen en detacheringsbanen)
COMPOUND_HEADS = (
    "banen baan contracten contract dienstverbanden dienstverband werkgevers werknemers "
    "plaatsen plekken constructies constructie sector sectoren"
).split()


def expand_compounds(text: str) -> str:
    """ "uitzend- en detacheringsbanen" -> "uitzendbanen en detacheringsbanen": a Dutch
    compound whose head two parts share, written out so each part's cue is read."""
    heads = "|".join(sorted(COMPOUND_HEADS, key=len, reverse=True))
    return re.sub(
        rf"\b(\w+)-\s+(en|of|and|or|tot)\s+(\w+?)({heads})\b",
        lambda m: f"{m.group(1)}{m.group(4)} {m.group(2)} {m.group(3)}{m.group(4)}",
        text,
    )


def month_quarters(folded: str) -> list[tuple[int, int, int, int]]:
    """(start, end, year or 0, quarter) of each quarter a question names by a month ("eind
    maart 2017", "up to June 2021") or as the middle of a year ("halfway through 2020")."""
    found = [
        (m.start(), m.end(), int(m.group("y") or 0), QUARTER_END_MONTHS[m.group("m")])
        for m in re.finditer(QUARTER_BY_MONTH, folded)
    ]
    found += [(m.start(), m.end(), int(m.group("y")), 2) for m in re.finditer(MID_YEAR, folded)]
    return sorted(found)


def market_asked(question: str) -> re.Match[str] | None:
    """The market's question words, not where they are part of a name ("Friends in
    Business")."""
    folded = fold(question)
    for m in re.finditer(MARKET_ASKED, folded):
        if not question[m.start()].isupper() or m.start() == 0:
            return m
    return None


def unknown_sector(question: str) -> str | None:
    """A sector the question names that the vocabulary does not know ("the healthcare
    sector", "de zorgsector"): the corpus then holds no figure of it, and a quote about
    another sector would only answer a question nobody asked."""
    folded = fold(question)
    for pattern in SECTOR_NAMED:
        for m in re.finditer(pattern, folded):
            word = m.group(1).strip("-")
            if word and word not in NOT_A_SECTOR_NAME and not find_sectors(m.group(0)):
                if not find_sectors(word) and not find_weak_sectors(word):
                    return word
    return None


def detect_language(text: str) -> Lang:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    nl = sum(w in DUTCH_WORDS for w in words)
    en = sum(w in ENGLISH_WORDS for w in words)
    return "nl" if nl > en else "en"


def unhyphenated(text: str) -> str:
    """Folded, a hyphen between two words read as a space: "regular-contract jobs" asks what
    "regular contract jobs" does; a shared compound head written out."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", expand_compounds(fold(text)))


def cue_hits(text: str, cues: dict[str, tuple[str, ...]]) -> list[str]:
    """Keys whose cues occur in text (word-start match), longest cue first, no overlaps;
    hyphenated or not."""
    folded = unhyphenated(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    pairs = sorted(
        ((unhyphenated(c), k) for k, cs in cues.items() for c in cs), key=lambda p: -len(p[0])
    )
    for cue, key in pairs:
        pattern = re.escape(cue) if not cue[0].isalnum() else r"(?<!\w)" + re.escape(cue)
        for m in re.finditer(pattern, folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), key))
    ordered = [key for _, key in sorted(found)]
    return list(dict.fromkeys(ordered))


def shared_cues_dropped(question: str, metrics: list[str]) -> list[str]:
    """A breakdown asked only by words that are part of another asked breakdown's own name
    is no breakdown of its own: in "via an agency contract or secondment" the secondment
    belongs to the agency count ("agency work or secondment"), while "in eigen dienst en via
    detachering" still asks for own employment."""
    folded = unhyphenated(question)
    kept = []
    for m in metrics:
        hits = [
            c
            for c in METRIC[m].question_cues
            if re.search(r"(?<!\w)" + re.escape(unhyphenated(c)), folded)
        ]
        others = [
            fold(name)
            for o in metrics
            if o != m and METRIC[o].part_of and METRIC[m].part_of
            for name in METRIC[o].names
        ]
        if hits and others and all(any(c in name for name in others) for c in hits):
            continue
        kept.append(m)
    return kept


def without_possessives(text: str) -> str:
    """ "the market's and the government's targets", "the police's jobs": the names without
    the possessive, which the sector vocabulary does not read."""
    return re.sub(r"(?<=\w{3})'s\b|(?<=\w{3}s)'(?!\w)", "", text)


def analyse(question: str) -> Intent:
    """Language, sectors (vocab), years, quarter and metric of a question."""
    intent = Intent(language=detect_language(question))
    named = []
    # the question as written, its possessives dropped, its hyphens read as spaces ("public-
    # sector employers"): the first that names a sector counted, not only a document's owner
    for text in (
        question,
        without_possessives(question),
        re.sub(r"(?<=\w)-(?=\w)", " ", question),
        split_compounds(question),
    ):
        found = find_sectors(text)
        named = [n for n in found if not speaks_or_owns(text, n[1], n[2])]
        if named:
            break
    if named and (market := market_asked(question)):
        # "business and government together": the market's question words beside a sector
        if "marktsector" not in {s for s, _, _ in named}:
            named = sorted(
                [*named, ("marktsector", market.start(), market.end())], key=lambda n: n[1]
            )
    intent.sectors = list(dict.fromkeys(s for s, _, _ in named))
    intent.years = asked_years(question)
    if not intent.sectors and intent.years and not re.search(PLURAL_SECTOR, fold(question)):
        # a dated figure of "employers in total", "werkgevers samen": no named sector, so all
        # employers (the vocabulary's weak aliases); "the sectors together" asks for a
        # table's rows, and "volgens de werkgevers" names who speaks
        intent.sectors = list(
            dict.fromkeys(
                s
                for s, start, _ in find_weak_sectors(question)
                if not re.search(SPEAKER + r"\s*$", question[:start], re.IGNORECASE)
            )
        )
    if not intent.sectors and market_asked(question):
        intent.sectors = ["marktsector"]  # "did businesses hit their 2016 target"
    if (
        not intent.sectors
        and intent.years
        and re.search(ALL_EMPLOYERS_ASKED, fold(question))
        and not unknown_sector(question)  # "the healthcare sector ... for the banenafspraak"
    ):
        intent.sectors = ["totaal"]  # "the overall target", "het landelijke doel"
    # "overheidsdoelen" asks a target as "doelen" does
    split = split_compounds(question)
    metrics = shared_cues_dropped(
        split, cue_hits(split, {m.id: m.question_cues for m in METRIC_SPECS})
    )
    # the most specific metric first: a breakdown or rate over the plain count
    intent.metrics = sorted(metrics, key=lambda m: m == "realised_jobs")
    obliged = re.search(OBLIGED, fold(question)) or re.search(PLANNED, fold(question))
    if obliged and intent.metrics[:1] != ["target_jobs"]:
        intent.metrics = ["target_jobs", *(m for m in intent.metrics if m != "target_jobs")]
    defaults = [s for m in intent.metrics[:1] if (s := METRIC[m].default_sector)]
    if not intent.sectors and intent.years and defaults and not unknown_sector(question):
        # "the quota percentage for 2023": the metric's own sector, or the national figure
        intent.sectors = list(dict.fromkeys([*defaults, "totaal"]))
    folded = fold(question)
    for n, (nl, en) in ORDINALS.items():
        if re.search(rf"\b(?:{nl} kwartaal|{en} quarter|q{n})\b", folded):
            intent.quarter = n
    if intent.quarter is None and (months := month_quarters(folded)):
        intent.quarter = months[0][3]  # "up to June 2021": the second quarter's count
    return intent
