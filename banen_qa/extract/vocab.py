"""Vocabularies: canonical sector and metric ids (eval/GOLD.md) and the words that signal them.

Everything language-specific the figure extractor relies on lives here as tables, so a new
wording is a new table row, not new code. Patterns are regular expressions matched
case-insensitively on whitespace-normalised text with typographic apostrophes folded to "'".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from banen_qa.models import Unit
from banen_qa.text import fold_quotes

# --- sectors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectorSpec:
    """One sector: its id (eval/GOLD.md), its names for readers and every alias a letter or a
    question may use. A new sector is one entry in SECTOR_SPECS."""

    id: str
    names: tuple[str, str]  # (Dutch, English) for answers, tables and the web page
    aliases: tuple[str, ...]  # matched case-insensitively, longest first
    exact_aliases: tuple[str, ...] = ()  # ordinary words in another sense unless capitalised
    broad: bool = False  # contains other sectors: a more specific section heading wins
    # Words that name the sector only when the sentence names no other ("samen", "in
    # totaal", bare "werkgevers"): "in totaal zorgde het bedrijfsleven voor ..." is the market.
    weak_aliases: tuple[str, ...] = ()


SECTOR_SPECS: list[SectorSpec] = [
    SectorSpec(
        id="totaal",
        names=("alle werkgevers", "all employers"),
        broad=True,
        aliases=(
            "totaal",
            "alle werkgevers",
            "all employers",
            "landelijk totaal",
            "landelijke teller",
            "grand total",
        ),
        weak_aliases=(
            "in totaal",
            "in het totaal",
            "samen",
            "gezamenlijk",
            "gezamenlijke",
            "alles bij elkaar",
            "totale aantal",
            "totale doelstelling",
            "totale opgave",
            "bij elkaar",
            "werkgevers",
            "reguliere werkgevers",
            "landelijk",
            "in total",
            "together",
            "employers",
            # the whole country, both sectors: "in heel Nederland", "beide sectoren samen" (not
            # "alle sectoren": in a letter on government that is all government sectors)
            "in heel nederland",
            "heel nederland",
            "beide sectoren",
            "nationwide",
            "overall",
            "altogether",
            "both sectors",
        ),
    ),
    SectorSpec(
        id="marktsector",
        names=("marktsector", "market sector"),
        aliases=(
            "marktsector",
            "markt",
            "sector markt",
            "marktwerkgevers",
            "werkgevers in de markt",
            "werkgevers in de marktsector",
            "werkgevers uit de marktsector",
            "private sector",
            "private werkgevers",
            "particuliere sector",
            "particuliere werkgevers",
            "marktopdrachtgevers",
            "bedrijfsleven",
            "marktpartijen",
            # companies are the market's employers: "Bedrijven realiseerden ...", "bij private
            # bedrijven" (not "sw-bedrijven", see NOT_SECTOR_PHRASES)
            "bedrijven",
            "private bedrijven",
            "ondernemingen",
            "market sector",
            "market",
            "private employers",
            "private companies",
            "companies",
            "businesses",
            "business sector",
            "the business community",
        ),
    ),
    SectorSpec(
        id="overheid",
        names=("overheid en onderwijs", "government and education"),
        broad=True,
        aliases=(
            "overheid",
            "overheidssector",
            "overheid en onderwijs",
            "overheids- en onderwijssectoren",
            "sector overheid",
            "overheidswerkgevers",
            "overheidsinstellingen",
            "overheidsorganisaties",
            # singular: "6.400 (mensen) in een overheidsorganisatie", "bij een overheidswerkgever"
            "overheidswerkgever",
            "overheidsinstelling",
            "overheidsorganisatie",
            "overheidsopdrachtgevers",
            "overheidsbanen",
            "overheids- en onderwijswerkgevers",
            "overheids- en onderwijsinstellingen",
            # the first half of a split compound: "overheids- en marktwerkgevers"
            "overheids-",
            "overheden",
            "publieke sector",
            "publieke werkgevers",
            "government",
            "government sector",
            "government and education",
            "public sector",
            "public employers",
            "public sector employers",
            "government employers",
        ),
    ),
    SectorSpec(
        id="rijk",
        names=("Rijk", "central government"),
        aliases=(
            "het Rijk",
            "rijksdienst",
            "Rijksoverheid",
            "rijksoverheid",
            "ministeries",
            "departementen",
            "central government",
            "ministries",
        ),
        exact_aliases=("Rijk",),
    ),
    SectorSpec(
        id="defensie",
        names=("Defensie", "Defence"),
        aliases=(
            "defensie",
            "ministerie van defensie",
            "krijgsmacht",
            "defence",
            "defense",
            "armed forces",
        ),
    ),
    SectorSpec(
        id="politie",
        names=("Politie", "Police"),
        aliases=("politie", "nationale politie", "het korps", "police", "national police"),
    ),
    SectorSpec(
        id="gemeenten",
        names=("gemeenten", "municipalities"),
        aliases=(
            "gemeenten",
            "gemeentes",
            "gemeente",
            "gemeentelijke sector",
            "gemeentelijke organisaties",
            "gemeentelijke werkgevers",
            "gemeentelijke overheid",
            "gemeentelijke overheden",
            "municipal employers",
            "municipal sector",
            "Vereniging Nederlandse Gemeenten",
            "municipalities",
            "municipality",
        ),
        exact_aliases=("VNG",),
    ),
    SectorSpec(
        id="provincies",
        names=("provincies", "provinces"),
        aliases=(
            "provincies",
            "provincie",
            "provinciale organisaties",
            "provinciale werkgevers",
            "provinciale overheid",
            "provinciale overheden",
            "provinciale sector",
            "provincial employers",
            "provincial authorities",
            "Interprovinciaal Overleg",
            "provinces",
            "province",
        ),
        exact_aliases=("IPO",),
    ),
    SectorSpec(
        id="waterschappen",
        names=("waterschappen", "water boards"),
        aliases=(
            "waterschappen",
            "waterschap",
            "Unie van Waterschappen",
            "water boards",
            "water board",
            "water authorities",
        ),
    ),
    SectorSpec(
        id="zbo",
        names=("zbo's", "independent administrative bodies"),
        aliases=(
            "zbo",
            "zbo's",
            "zbos",
            "zelfstandige bestuursorganen",
            "zelfstandig bestuursorgaan",
            "independent administrative bodies",
            "autonomous administrative authorities",
        ),
    ),
    SectorSpec(
        id="funderend_onderwijs",
        names=("funderend onderwijs (po/vo)", "primary and secondary education"),
        aliases=(
            "funderend onderwijs",
            "po",
            "vo",
            "po en vo",
            "po-raad",
            "vo-raad",
            "primair onderwijs",
            "voortgezet onderwijs",
            "primair en voortgezet onderwijs",
            "primary education",
            "secondary education",
            "primary and secondary education",
            "primary and secondary schools",
        ),
    ),
    SectorSpec(
        id="mbo",
        names=("mbo", "secondary vocational education"),
        aliases=(
            "mbo",
            "mbo-sector",
            "middelbaar beroepsonderwijs",
            "mbo raad",
            "mbo-instellingen",
            "secondary vocational education",
            "vocational education",
        ),
    ),
    SectorSpec(
        id="hbo",
        names=("hbo", "universities of applied sciences"),
        aliases=(
            "hbo",
            "hoger beroepsonderwijs",
            "hogescholen",
            "hogeschool",
            "vereniging hogescholen",
            "universities of applied sciences",
            "higher professional education",
        ),
    ),
    SectorSpec(
        id="wo",
        names=("universiteiten (wo)", "universities"),
        aliases=(
            "wo",
            "wetenschappelijk onderwijs",
            "universiteiten",
            "universiteit",
            "universiteiten van nederland",
            "universities",
            "university education",
        ),
        exact_aliases=("UNL", "VSNU"),
    ),
    SectorSpec(
        id="onderzoeksinstellingen",
        names=("onderzoeksinstellingen", "research institutes"),
        aliases=(
            "onderzoeksinstellingen",
            "onderzoeksinstelling",
            "research institutes",
            "research institutions",
            "research organisations",
            "research organizations",
        ),
        exact_aliases=("WVOI",),
    ),
    SectorSpec(
        id="umc",
        names=("UMC's", "university medical centres"),
        aliases=(
            "umc",
            "umc's",
            "umcs",
            "universitair medische centra",
            "universitaire medische centra",
            "universitair medisch centrum",
            "academische ziekenhuizen",
            "university medical centres",
            "university medical centers",
            "academic hospitals",
        ),
        exact_aliases=("NFU",),
    ),
]

# Views of SECTOR_SPECS; rebuilt by `add_sector`.
SECTOR: dict[str, SectorSpec] = {}
SECTORS: dict[str, list[str]] = {}
CASE_SENSITIVE_ALIASES: set[str] = set()
BROAD_SECTORS: set[str] = set()
SECTOR_LABELS: dict[str, tuple[str, str]] = {}


def _derive_sector_views() -> None:
    for view in (SECTOR, SECTORS, SECTOR_LABELS):
        view.clear()
    CASE_SENSITIVE_ALIASES.clear()
    BROAD_SECTORS.clear()
    for s in SECTOR_SPECS:
        SECTOR[s.id] = s
        SECTORS[s.id] = [*s.exact_aliases, *s.aliases]
        CASE_SENSITIVE_ALIASES.update(s.exact_aliases)
        SECTOR_LABELS[s.id] = s.names
        if s.broad:
            BROAD_SECTORS.add(s.id)


_derive_sector_views()


# Phrases that contain an alias but name no sector ("in totaal 870 banen" is "in total").
NOT_SECTOR_PHRASES = [
    "in totaal",
    "totaal aantal",
    "het totaal aantal",
    "totaal van",
    "een totaal",
    "totale aantal",
    # sheltered employment companies, not the market: "detacheringen via sw-bedrijven"
    "sw-bedrijven",
    "sw bedrijven",
    "sociale werkbedrijven",
]


def sector_label(sector: str, lang: str = "nl") -> str:
    """Readable name of a sector id in Dutch ("nl") or English ("en")."""
    nl, en = SECTOR_LABELS.get(sector, (sector, sector))
    return en if lang == "en" else nl


def _alias_pattern(alias: str) -> str:
    """Regex for one alias: spaces match any whitespace, a trailing 's may be spelled 's/’s."""
    words = [re.escape(w) for w in fold_quotes(alias).split()]
    return r"\s+".join(words)


@lru_cache(maxsize=1)
def _sector_regex() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str | None]]:
    """Two alternations (case-insensitive, case-sensitive) over all aliases, longest first."""
    owner: dict[str, str | None] = {}
    for sector, aliases in SECTORS.items():
        for alias in aliases:
            key = alias if alias in CASE_SENSITIVE_ALIASES else fold_quotes(alias).lower()
            owner[key] = sector
    for phrase in NOT_SECTOR_PHRASES:
        owner[phrase.lower()] = None
    insensitive = sorted(
        (a for a in owner if a not in CASE_SENSITIVE_ALIASES), key=len, reverse=True
    )
    sensitive = sorted(CASE_SENSITIVE_ALIASES, key=len, reverse=True)

    def alternation(aliases: list[str]) -> str:
        # not inside a word nor before its "'s" -- but in quotes ("100.000 bij 'de markt'")
        return r"(?<!\w)(?<!\w')(?:" + "|".join(_alias_pattern(a) for a in aliases) + r")(?!\w|'\w)"

    return (
        re.compile(alternation(insensitive), re.IGNORECASE),
        re.compile(alternation(sensitive)),
        owner,
    )


def find_sectors(text: str) -> list[tuple[str, int, int]]:
    """Sector mentions in `text` as (sector id, start, end), in order, without overlaps.

    The longest alias wins ("universities of applied sciences" is hbo, not wo); phrases in
    NOT_SECTOR_PHRASES swallow their alias ("in totaal" is not the sector totaal).
    """
    folded = fold_quotes(text)
    insensitive, sensitive, owner = _sector_regex()
    hits: list[tuple[int, int, str | None]] = []
    for m in insensitive.finditer(folded):
        key = re.sub(r"\s+", " ", m.group(0)).lower()
        hits.append((m.start(), m.end(), owner.get(key)))
    for m in sensitive.finditer(folded):
        hits.append((m.start(), m.end(), owner.get(m.group(0))))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[str, int, int]] = []
    last_end = -1
    for start, end, sector in hits:
        if start < last_end:
            continue
        last_end = end
        if sector is not None:
            out.append((sector, start, end))
    return out


@lru_cache(maxsize=1)
def _weak_regex() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    owner = {fold_quotes(a).lower(): s.id for s in SECTOR_SPECS for a in s.weak_aliases}
    if not owner:
        return None, owner
    alts = "|".join(_alias_pattern(a) for a in sorted(owner, key=len, reverse=True))
    return re.compile(r"(?<![\w'-])(?:" + alts + r")(?![\w'-])", re.IGNORECASE), owner


def find_weak_sectors(text: str) -> list[tuple[str, int, int]]:
    """Mentions of weak aliases ("samen", "in totaal", "werkgevers") as (sector, start, end)."""
    rx, owner = _weak_regex()
    if rx is None:
        return []
    folded = fold_quotes(text)
    strong = find_sectors(folded)
    return [
        (owner[re.sub(r"\s+", " ", m.group(0)).lower()], m.start(), m.end())
        for m in rx.finditer(folded)
        if not _sums_one_sector(m.start(), strong, folded)
    ]


def _sums_one_sector(at: int, strong: list[tuple[str, int, int]], text: str) -> bool:
    """'de provinciale organisaties samen', 'de gemeenten gezamenlijk': the weak word adds up
    one named sector, not all employers (unlike 'markt en overheid samen')."""
    before = [k for k in strong if k[2] <= at and not text[k[2] : at].strip()]
    if not before:
        return False
    _, start, _ = before[-1]
    return not any(k[2] <= start and start - k[2] < 40 for k in strong)


# --- metrics -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricSpec:
    """Everything the tool knows about one metric, in one place.

    Extraction (prose and table cues), validation (unit), answers (question cues, names and
    sentences) and the web page read these fields; a new metric is one entry in
    METRIC_SPECS. Answer templates take {name} (the sector), {when} (" in 2020" or empty)
    and {v} (the value in the reader's notation).
    """

    id: str
    unit: Unit
    description: str
    names: tuple[str, str]  # (Dutch, English) as a column header or chart label says it
    prose_cues: tuple[str, ...] = ()  # regexes near the value in a letter's sentence
    table_cues: tuple[str, ...] = ()  # regexes in a table header or caption
    question_cues: tuple[str, ...] = ()  # folded words in a question (word-start match)
    part_of: str | None = None  # a breakdown of another metric: its cue follows the value
    family: bool = False  # answered together: one sector-year's realisation, parts, target, %
    dated: bool = True  # False: a standing norm, dated only where the text dates it
    default_sector: str | None = None  # the sector when a sentence names none
    missing: tuple[str, str] = ("", "")  # (nl, en) "the X of {name}" for an abstention
    part_phrase: tuple[str, str] = ("", "")  # (nl, en) a breakdown inside the realised sentence
    sentence: tuple[str, str] = ("", "")  # (nl, en) its own answer sentence, outside the family
    table_rank: int = 50  # table headers are tried in this order (specific before broad)


# A count that changed and ended on a level, in every form of the verb: "groeide in 2021 tot
# 13.700", "is gestegen naar 348", "nam vorig jaar toe tot", "het aantal loopt op tot er in
# 2026 125.000 zijn", "rose to" (years may stand
# between, other numbers only as the change: "steeg met 700 tot 9.900" ends on the 9.900).
_NOT_A_VALUE = r"(?:(?:[^\d\s,;:.()]+|(?:19|20)\d\d)\s+)"
LEVEL_REACHED_VERB = (
    r"\b(?:steeg|stegen|stijgt|stijgen|gestegen|groei(?:t|en|de|den)|gegroeid|verdubbel\w*"
    rf"|opgelopen|(?:loopt|lopen|liep|liepen)\s+{_NOT_A_VALUE}{{0,3}}?op"
    r"|daal(?:t|de|den|en)|gedaald|klom(?:men)?|geklommen|toegenomen|afgenomen"
    rf"|n(?:am|amen|eemt|emen)\s+{_NOT_A_VALUE}{{0,6}}?(?:toe|af)"
    r"|rose|risen|grew|grown|increased|fell|fallen|decreased)"
    # the change may come first: "steeg in 2021 met 120 tot 2.240"
    rf"\s+{_NOT_A_VALUE}{{0,4}}?(?:(?:met|by)\s+\S+\s+(?:\w*banen\s+|jobs\s+)?)?(?:tot|naar|to)\b"
)
# Wanting something to be: an intention, so a target ("Het kabinet wil dat er in 2024 90.000
# banen zijn", "de regering wilde dat de overheid ... heeft", "wants employers to ...").
VOLITION = (
    r"\bw(?:il|ilt|illen|ilde|ilden|ou|ouden)\s+(?:\S+\s+){0,3}?dat\b"
    r"|\bwant(?:s|ed)?\s+(?:\S+\s+){0,3}?to\b"
)

# A target noun framing a clause: "Het doel (van de afspraak) is dat er in 2026 N banen zijn
# bijgekomen, waarvan ...", "Het plan was dat ...", "Afgesproken was dat ...", "The aim is
# that ...": what the clause says (every value in it, its parts too) is meant, not done.
TARGET_FRAME = (
    r"\b(?:doel\w*|plan(?:ning)?|bedoeling|streven|ambitie|opzet|inzet|intentie|voornemen"
    rf"|aim|goal|plan|idea|intention)\s+{_NOT_A_VALUE}{{0,6}}?(?:is|was|luidt|luidde)"
    r"\s+(?:\w+\s+)?(?:dat|that)\b"
    r"|\b(?:afgesproken|overeengekomen|agreed)\s+(?:is|was|werd|has\s+been|was)\s+(?:dat|that)\b"
    r"|\b(?:is|was|werd|has\s+been)\s+(?:\S+\s+){0,3}?(?:afgesproken|overeengekomen|agreed)"
    r"\s+(?:dat|that)\b"
)

# What there was when the agreement started is its baseline: "Bij de start van de afspraak
# waren er al 75.000", "aan het begin van de banenafspraak", "at the start of the agreement".
AT_THE_START = (
    r"\b(?:bij|aan|op)\s+(?:de\s+|het\s+)?(?:start|aanvang|begin)\s+van\s+(?:de\s+)?"
    r"(?:banen)?afspraak\b|\bat\s+the\s+(?:start|outset|beginning)\s+of\s+the\s+"
    r"(?:jobs\s+)?agreement\b"
)

# Keeping to a deal: its target is what was met, the number with it what was done.
KEPT_TO_AGREEMENT = (
    # (done, not the infinitive of a duty: "hoe kan de politie voldoen aan de verplichting")
    r"\bh(?:ield|ielden|oudt)\s+zich\s+(?:\S+\s+){0,6}?aan\b"
    r"|\bh(?:eeft|ebben)\s+zich\s+(?:\S+\s+){0,6}?gehouden\s+aan\b"
    r"|\bvold(?:oet|eed|eden|aan)\s+(?:\S+\s+){0,4}?aan\b|\bnagekomen\b"
    r"|\b(?:kept|keeps|keep|complied)\s+(?:\S+\s+){0,3}?(?:to|with)\b"
)

METRIC_SPECS: list[MetricSpec] = [
    MetricSpec(
        id="realised_jobs",
        unit="jobs",
        family=True,
        table_rank=90,
        description="jobs realised (gerealiseerd, ingevuld, realisatie van N banen)",
        names=("gerealiseerd", "realised"),
        prose_cues=(
            r"gerealiseerd\w*",
            r"realiseerde\w*",
            r"gecre[eë]{2}rd",
            r"\bschiep(?:en)?\b|\bgeschapen\b",
            r"cre[eë]{2}rde\w*",
            r"toegevoegd",
            r"gehaald",
            r"haalde\w*",
            # what was provided is past ("zorgde voor", "gezorgd"); "zorgt voor" is the share
            # an agreement gives, a target
            r"zorgde\w*\s+(?:\w+\s+){0,5}?voor",
            r"gezorgd",
            r"goed\s+voor",
            r"aan\s+het\s+werk",
            r"aan\s+de\s+slag",
            r"een\s+baan\s+(?:gegeven|gevonden|geboden|aangeboden)",
            # "boden 4.600 mensen een baan", "hebben 400 mensen aangenomen / geplaatst / in dienst
            # genomen"
            r"\b(?:bood|boden|gaf|gaven)\s+(?:\S+\s+){0,10}?een\s+baan\b",
            r"\baangenomen\b",
            r"\baan(?:nam|namen)\b",  # "dat zij 44.000 mensen uit de doelgroep aannamen"
            # "hebben N mensen aan een baan / aan werk geholpen"
            r"\baan\s+(?:een\s+baan|werk|het\s+werk)\s+(?:ge)?(?:holpen|helpen|hielp\w*)\b",
            # jobs set up: "door maar 9.000 banen in te richten", "richtten 500 plekken in"
            r"\bin\s+te\s+richten\b|\bingericht\b|\bricht\w*\s+(?:\S+\s+){0,6}?in\b",
            r"\bgeplaatst\b",
            r"\bin\s+dienst\s+genomen\b",
            r"\b(?:hired|placed|employed)\b",
            r"kwam\w*\s+(?:\S+\s+){0,3}?tot\b",  # "kwamen in 2019 tot ruim 480"
            r"werden\s+er",
            r"staat\s+(?:nu\s+)?op",
            r"verdubbeld\s+tot",
            r"realiseert",
            r"realiseren\s+zij",
            # what someone managed to do: "de banen die de markt wist te scheppen"
            r"wist(?:en)?\s+te\s+(?:realiseren|scheppen|cre[eë]{2}ren|behalen)",
            r"ingevuld",
            r"invulde\w*",
            r"ontstaan",
            r"realisatie\s+van",
            r"realisatie\b",
            r"realisatie\s+(?:komt|kwam)\s+uit",
            r"(?:kwam|kwamen|komt|komen)\s+(?:\w+\s+)?uit\s+op",
            r"\buit\s+op\b",  # separable: "kwam in 2020 bij de gemeenten uit op"
            r"\b(?:waren|zijn|werden)\s+(?:dat\s+|dit\s+|het\s+)?er\b",  # "waren (het) er ... 540"
            r"\ber\s+(?:waren|zijn)\b",
            r"overtr(?:of|offen|eft)\b",  # "overtrof met 30.432 banen haar doelstelling"
            # "met 9.786 banen bleef de overheid achter bij de doelstelling": what it reached
            r"\bbl(?:eef|even|ijft|ijven)\s+(?:\S+\s+){0,10}?achter\b",
            # "de overheid bleef met 6.471 banen ruim onder haar quotum": what it reached
            r"\bbl(?:eef|even|ijft|ijven)\s+(?:\S+\s+){0,3}?met\b(?=\s+(?:\S+\s+){0,4}?(?:ruim\s+|ver\s+)?onder\b)",
            # where the jobs came from: "het leeuwendeel, 30.432 banen, kwam van de markt"
            r"\bkw(?:am|amen)\s+(?:\S+\s+){0,2}?van\s+(?=(?:de|het|hun|haar)\s)",
            # a fronted value: "Niet verder dan 3.597 kwam de overheid", "Tot 400 kwamen de
            # provincies" -- the subject after the verb
            r"(?<=\d\s)kw(?:am|amen)\b(?=\s+(?:de|het)\s)",
            r"uitgekomen\s+op",
            r"neerkomt\s+op",
            r"telde\w*",
            r"\btelt\b",
            r"stand\s+van",
            r"\bstond(?:en)?\b",
            # a level that stalled or ended: "bleef vorig jaar steken op 3.597", "strandde op"
            r"\bbl(?:eef|even|ijft|ijven)\s+(?:\S+\s+){0,4}?(?:steken|hangen|staan)\s+op\b",
            r"\bstrand\w*\s+(?:\S+\s+){0,3}?op\b",
            # a period that ended on a level: "het derde kwartaal sloot af op 70.525"
            r"\bsl(?:oot|oten|uit|uiten)\s+(?:\S+\s+){0,3}?af\s+(?:op|met)\b",
            r"\beindigde\w*\s+(?:\S+\s+){0,3}?(?:op|met)\b",
            # "staat het totaal op 74.093", "stond de teller eind 2020 op"
            r"\b(?:staat|staan|stond|stonden)\s+(?:\S+\s+){0,5}?op\b",
            # people who found a job are counted as jobs: "vonden 19.000 mensen een baan"
            r"\bvond(?:en)?\s+(?:\S+\s+){0,10}?een\s+baan\b",
            r"teller",
            # a count that changed to a level: "groeide in 2021 tot 13.700", "is gestegen naar"
            LEVEL_REACHED_VERB,
            r"bereikt",
            r"behaald",
            r"aantal\s+(?:gerealiseerde\s+)?(?:banen|plaatsingen)",
            r"werkzaam",
            r"\bbijgekomen\b|\berbij\s+gekomen\b",
            # keeping to the agreement is what was done: "hield zich aan de afspraak, met
            # bijna 61.000 banen", "voldeden aan hun quotum met 700 banen"
            KEPT_TO_AGREEMENT,
            r"in\s+dienst\s+hadden",
            # a count held now: "Op dit moment hebben de umc's meer dan 550 banen", "heeft
            # de sector 1.200 banen" (the number follows within a few words)
            r"\b(?:hebben|heeft|had|hadden)\b(?=\s+(?:[^\d\s:;,.()]+\s+){0,4}?\d)",
            # "Op dit moment zit zij rond de 350", "de teller zat op 4.100", "zaten in 2021
            # met 640 banen boven hun quotum"
            r"\bz(?:it|itten|at|aten)\s+(?:\S+\s+){0,3}?(?:op|rond(?:\s+de)?|met)\b",
            r"realis(?:ed|ation\s+of)",
            r"realiz(?:ed|ation\s+of)",
            r"achieved",
            r"filled",
            r"created",
            r"reached",
            r"counted",
            r"came\s+to",
            r"\bended\s+up\s+(?:with|at|on)\b",
            r"amounted\s+to",
        ),
        table_cues=(
            r"realisatie",
            r"gerealiseerd\w*",
            r"\w*banen\b",
            r"aantal",
            r"stand",
            r"realised",
            r"realized",
            r"jobs",
            r"ingevuld",
        ),
        question_cues=(
            "how many jobs",
            "hoeveel banen",
            "hoeveel participatiebanen",
            "gerealiseerd",
            "realiseerde",
            "realiseren",
            "realiseert",
            "realisatie",
            "realise",
            "realize",
            "realisation",
            "realization",
            "ingevuld",
            "achieved",
            "reach",
            "jobs",
            "banen",
            "participatiebanen",
        ),
        missing=("door {name} gerealiseerde banen", "jobs realised by {name}"),
    ),
    MetricSpec(
        id="realised_jobs_own",
        unit="jobs",
        part_of="realised_jobs",
        family=True,
        table_rank=10,
        description="part realised in own employment/secondment (eigen dienst, detachering)",
        names=("in eigen dienst en detachering", "own employment and secondment"),
        prose_cues=(
            r"(?:in\s+)?eigen\s+dienst",
            r"detacher\w*",
            r"in\s+dienst\s+van",
            r"op\s+de\s+eigen\s+loonlijst",
            r"own\s+(?:employment|staff|payroll)",
            r"secondment\w*",
            r"directly\s+employed",
        ),
        question_cues=(
            "eigen dienst",
            "detacher",
            "own employment",
            "own staff",
            "own payroll",
            "secondment",
            "seconded",
            "in-house",
            "directly employed",
        ),
        missing=("banen van {name} in eigen dienst", "jobs {name} realised in own employment"),
        part_phrase=(
            "{v} in eigen dienst en via detachering",
            "{v} in own employment and secondment",
        ),
    ),
    MetricSpec(
        id="realised_jobs_sroi",
        unit="jobs",
        part_of="realised_jobs",
        family=True,
        table_rank=11,
        description="part realised through procurement (via SROI / inkoop)",
        names=("via SROI", "via SROI"),
        prose_cues=(
            r"(?:via\s+)?sroi",
            r"via\s+(?:de\s+)?inkoop",
            r"social\s+return",
            r"(?:via|through)\s+procurement",
            r"via\s+aanbesteding\w*",
        ),
        question_cues=("sroi", "social return", "procurement", "inkoop"),
        missing=("banen van {name} via SROI", "jobs {name} realised via SROI"),
        part_phrase=("{v} via SROI", "{v} via SROI"),
    ),
    MetricSpec(
        id="realised_jobs_regular",
        unit="jobs",
        part_of="realised_jobs",
        family=True,
        table_rank=12,
        description="part realised in a regular contract (UWV: via een regulier dienstverband)",
        names=("via een regulier dienstverband", "regular employment contract"),
        prose_cues=(
            r"(?:via\s+een\s+|met\s+een\s+|in\s+een\s+)?regulier\w*\s+dienstverband\w*",
            r"(?:vaste|reguliere)\s+banen",
            # "145 in vaste dienst", "via een vast of tijdelijk contract bij de werkgever zelf"
            r"in\s+vaste\s+dienst",
            r"(?:via\s+)?(?:een\s+)?vast\s+of\s+tijdelijk\s+(?:contract|dienstverband)",
            # "145 op basis van een vaste aanstelling", "met een vast contract"
            r"(?:op\s+basis\s+van\s+|via\s+|met\s+|in\s+)?(?:een\s+)?vast(?:e)?\s+"
            r"(?:aanstelling|contract|dienstverband|arbeidscontract)\w*",
            r"regular\s+(?:employment|contract)\w*",
        ),
        question_cues=(
            "regulier dienstverband",
            "reguliere dienstverband",
            "regulier contract",
            "reguliere contract",
            "reguliere banen",
            "vaste banen",
            "vast contract",
            "vaste contract",
            "vaste aanstelling",
            "regular contract",
            "regular employment",
            "regular job",
            "regular market",
            "permanent contract",
            "permanent job",
        ),
        missing=(
            "banen van {name} via een regulier dienstverband",
            "jobs {name} realised in regular contracts",
        ),
        part_phrase=("{v} via een regulier dienstverband", "{v} in regular contracts"),
    ),
    MetricSpec(
        id="realised_jobs_agency",
        unit="jobs",
        part_of="realised_jobs",
        family=True,
        table_rank=13,
        description="part realised through agency work or secondment (UWV: uitzendcontract)",
        names=("via uitzendcontract of detachering", "agency work or secondment"),
        prose_cues=(
            r"(?:via\s+(?:een\s+)?)?(?:uitzend(?:ing|contract|constructie|baan|verband|bureau)\w*|inleen"
            r"(?:verband|constructie)\w*)(?:\s+(?:of|en)\s+detachering\w*)?",
            r"(?:via|through)\s+(?:an\s+)?(?:temporary|agency)\s+(?:work|contract)\w*",
            # "515 op basis van inhuur": hired in, not on the employer's own payroll
            r"op\s+basis\s+van\s+(?:een\s+)?(?:inhuur|uitzend\w*|detachering\w*)",
            # "515 via inhuur": hired in (an agency or secondment), not bought in (SROI)
            r"via\s+inhuur",
        ),
        question_cues=(
            "uitzendcontract",
            "uitzendkracht",
            "uitzendbaan",
            "uitzendbanen",
            "inleenverband",
            "via inhuur",
            "agency work",
            "agency contract",
            "agency job",
            "temporary agency",
            "via an agency",
            "through an agency",
            "agency or secondment",
            "agency and secondment",
        ),
        missing=(
            "banen van {name} via een uitzendcontract of detachering",
            "jobs {name} realised through agency work",
        ),
        part_phrase=("{v} via een uitzendcontract of detachering", "{v} through agency work"),
    ),
    MetricSpec(
        id="target_jobs",
        unit="jobs",
        family=True,
        table_rank=40,
        description="jobs target for that year (doel, doelstelling, opgave, quotum in banen)",
        names=("doel", "target"),
        prose_cues=(
            # the target taken up by a pronoun: "de doelstelling is niet gehaald: die lag op"
            # (first: of alternatives at one place the first wins)
            r"(?:doel\w*|opgave|norm|taakstelling|streef\w*)\b(?:[^.;\d]|(?:19|20)\d\d\b){0,80}?[:;,]"
            r"\s*(?:die|dat|deze)"
            r"\s+(?:lag|ligt|lagen|liggen|was|is|bedroeg|bedraagt)\s+(?:op\s+)?",
            r"doel(?:en|stelling\w*)?\b",
            # an infinitive is an intention ("moeten 6.100 banen creëren", "het realiseren
            # van 105.000 extra banen"); "realiseren zij" (a realised cue) is longer and wins
            r"\brealiseren\b",
            r"\bcre[eë]ren\b",
            r"opgave",
            r"afgesproken",
            # separable "afspreken": "spraken kabinet en sociale partners af dat er ... komen"
            r"\bsp(?:raken|rak|reken|reekt)\s+(?:\S+\s+){0,8}?af\b",
            r"\bafspra(?:ak|ken)\b",
            r"vastgelegd\w*",
            r"\bnorm\b",
            # every form of "streven": "streven naar", "streefden de provincies naar 170 banen"
            r"\bstre(?:ven|eft|efde|efden|efd|vend\w*)\b",
            # a share taken on: "de overheid neemt 25.000 banen voor haar rekening"
            r"\bn(?:eem|eemt|emen)\s+(?:\S+\s+){0,8}?voor\s+(?:haar|zijn|hun)\s+rekening\b",
            # a share one answers for: "De gemeenten zijn verantwoordelijk voor 7.000 banen"
            r"\b(?:verantwoordelijk|responsible)\s+(?:\S+\s+){0,2}?(?:voor|for)\b",
            # the share one provides under the agreement, in the present: "De overheid zorgt
            # voor 25.000 extra banen", "zorgen de gemeenten voor 9.000"
            r"\bzorg(?:t|en)\s+(?:\w+\s+){0,5}?voor\b",
            # giving shape to the agreement's jobs: "wordt invulling gegeven aan 100.000 banen"
            # (the number follows: "opgezet om invulling te geven aan de Banenafspraak" is not)
            r"(?:\binvulling\s+(?:\S+\s+){0,3}?(?:te\s+)?(?:geven|gegeven|geeft|gaf|gaven)\s+aan"
            r"|\b(?:geven|geeft|gaf|gaven)\s+(?:\S+\s+){0,3}?invulling\s+aan)\b"
            r"(?=\s+(?:\S+\s+){0,3}?(?!(?:19|20)\d\d\b)\d)",
            # every form of "beloven": "Werkgevers beloven 100.000 extra banen te creëren"
            r"\bbelo(?:ven|oft|of|ofde\w*|ofd\w*)\b",
            # "de gewenste aantallen, 100.000 extra banen in het bedrijfsleven"
            r"\bgewenst\w*",
            r"aan\s+de\s+lat",
            # "De lat lag op 33.000", "lag de lat voor 2020 op 67.500"
            r"\b(?:de\s+lat\s+(?:lag|ligt|lagen|liggen)|(?:lag|ligt)\s+de\s+lat)"
            r"(?:\s+(?:\S+\s+){0,4}?op\b)?",
            r"te\s+cre[eë]{2}ren",
            # "moeten er tegen 2025 in totaal 125.000 speciale banen zijn"
            r"(?:moet|moest)\w*\s+er\s+(?:\S+\s+){0,10}?zijn\b",
            r"(?:moet|moest)\w*\s+(?:\S+\s+){0,6}?(?:hebben|zijn|staan|zorgen|bieden|aanbieden"
            r"|realiseren|cre[eë]{2}ren)",
            # what one wants done by a date, whatever the participle: "willen tegen 2026 100.000
            # banen in de marktsector en 25.000 bij de overheid geregeld hebben"
            r"\bw(?:il|ilt|illen|ilde|ilden)\s+(?:\S+\s+){0,24}?\w+\s+(?:hebben|zijn)\b",
            # "De banenafspraak moet tot begin 2026 minstens 125.000 extra banen opleveren"
            r"(?:moet|moest|moeten|moesten)\s+(?:\S+\s+){0,14}?(?:opleveren|leveren|scheppen"
            r"|bereiken|halen|behalen|ontstaan)\b",
            r"\bscheppen\b",
            # jobs that must have come by a date: "vóór 2024 moeten er bij de overheid 25.000
            # banen bij zijn gekomen"
            r"(?:moet|moest|zull)\w*\s+(?:\S+\s+){0,8}?(?:bij\s*)?(?:zijn\s+)?(?:gekomen|komen)\b",
            # what is meant to be: "de beoogde 6.500", "die afspraken beogen 125.000 banen",
            # "1.508 van de vereiste 3.000", "het verplichte aantal"
            r"\bbeo(?:og|ogd|ogde|gen|gt)\b",
            r"\bvereist\w*",
            r"\bverplicht\w*",
            # what an agreement says will come: "houdt in dat er 125.000 banen bij komen"
            r"\bdat\s+er\s+(?:\S+\s+){0,12}?(?:bij\s*)?komen\b",
            r"dien\w*\s+(?:\S+\s+){0,6}?te\b",  # "dienen er 55.000 te zijn"
            r"quotum\b",
            r"taakstelling\w*",
            r"streefcijfer\w*",
            r"streefgetal\w*",
            r"ambitie",
            # committing to a number: "Het bedrijfsleven tekende voor 100.000 extra banen",
            # "stelde zich garant voor 25.000 banen", "verbonden zich aan het creëren van",
            # "gaat voor (de realisatie van) zo'n 5.000 banen", "zegden toe"
            r"\b(?:tek(?:en|ent|ende|enden)|getekend)\s+(?:\S+\s+){0,3}?voor\b",
            r"\bgarant\s+(?:\S+\s+){0,3}?voor\b",
            r"\b(?:verbind\w*|verbond\w*|verbonden|committe\w*|verplicht\w*)\s+(?:\S+\s+){0,3}?"
            r"(?:zich|zichzelf)\s+(?:\S+\s+){0,3}?(?:aan|tot)\b",
            r"\b(?:ga|gaat|gaan|ging|gingen)\s+(?:\S+\s+){0,2}?voor\s+(?:de\s+realisatie\s+van\b)?",
            r"\b(?:zegde\w*|zeggen|zegt)\s+(?:\S+\s+){0,4}?toe\b|\btoegezegd\w*",
            # jobs of the agreement: "in de 125.000 extra banen uit het sociaal akkoord"
            r"\buit\s+het\s+sociaal\s+akkoord\b",
            # an intention: "waar 720 banen de bedoeling was", "het plan om 9.400 banen te
            # halen", "mikten op 60.000", "Het kabinet wil dat er ... 90.000 banen zijn"
            r"\bbedoeling\b|\bvoornemen\b|\bplan(?:nen)?\s+om\b|\bgepland\w*",
            r"\bmik(?:t|te|ten|ken)\b|\bgemikt\b",
            VOLITION,
            TARGET_FRAME,
            r"te\s+realiseren",
            r"moet\w*\s+(?:\w+\s+){0,4}realiseren",
            r"afspraak\s+van",
            r"target\w*",
            r"goal",
            r"objective",
            r"quota\b",
            r"to\s+be\s+realised",
            r"\b(?:expected|supposed|meant|required)\s+to\b",
        ),
        table_cues=(
            r"doel\b",
            r"doelstelling\w*",
            r"opgave",
            r"quotum\b",
            r"taakstelling",
            r"streefcijfer",
            r"target",
            r"quota\b",
            r"goal",
        ),
        question_cues=(
            "doelstelling",
            "doel",
            "quotum",
            "quota",
            "opgave",
            "taakstelling",
            "streefcijfer",
            "target",
            "goal",
            "objective",
            "aim",
        ),
        missing=("het doel van {name}", "the target of {name}"),
    ),
    MetricSpec(
        id="realisation_pct",
        unit="pct",
        family=True,
        table_rank=60,
        description="realised as % of target/quota (realisatiepercentage, N% van het quotum)",
        names=("% van het doel", "% of target"),
        prose_cues=(
            r"realisatie\w*",
            r"van\s+(?:het|de|hun|zijn|haar)\s+(?:quotum|doel\w*|tussendoel\w*|opgave|taakstelling"
            r"|streefgetal|streefcijfer|ambitie|afspraak|beoogde\s+aantal)",
            r"behaald",
            r"gerealiseerd",
            r"bereikt",
            r"realis(?:ation|ed)",
            r"realiz(?:ation|ed)",
            r"of\s+(?:the|its|their)\s+(?:quota|target|goal)",
            r"achieved",
        ),
        question_cues=(
            "realisatiepercentage",
            "realisation percentage",
            "realization percentage",
            "percentage",
            "procent",
            "percent",
            "%",
        ),
        missing=("het realisatiepercentage van {name}", "the realisation percentage of {name}"),
    ),
    MetricSpec(
        id="quota_pct",
        unit="pct",
        dated=False,
        default_sector="overheid",
        table_rank=61,
        description="quota as % of the workforce (quotumpercentage)",
        names=("quotumpercentage", "quota percentage"),
        prose_cues=(
            r"quotumpercentage\w*",
            r"quotum\b",
            r"quota\s+percentage",
            r"quota\b",
            r"wettelijk\s+percentage",
            # "2,14% van de verloonde uren": the quota is a share of the hours paid
            r"(?:van\s+(?:de|het|alle)\s+)?verloonde\s+uren",
        ),
        table_cues=(r"quotumpercentage\w*", r"quota\s+percentage", r"quotum\s*\(?%"),
        question_cues=(
            "quota percentage",
            "quotum percentage",
            "quotumpercentage",
            "quotapercentage",
        ),
        missing=("het quotumpercentage van {name}", "the quota percentage of {name}"),
        sentence=(
            "het quotumpercentage voor {name} {when}is {v}%",
            "the quota percentage for {name}{when} is {v}%",
        ),
    ),
    MetricSpec(
        id="baseline_jobs",
        unit="jobs",
        dated=False,
        table_rank=30,
        description="jobs at the baseline measurement (nulmeting)",
        names=("nulmeting", "baseline"),
        prose_cues=(r"nulmeting\w*", r"uitgangssituatie", r"baseline", r"startpunt", AT_THE_START),
        table_cues=(r"nulmeting\w*", r"baseline", r"uitgangssituatie"),
        question_cues=("nulmeting", "baseline", "uitgangssituatie"),
        missing=("de nulmeting van {name}", "the baseline of {name}"),
        sentence=("de nulmeting voor {name} was {v} banen", "the baseline for {name} was {v} jobs"),
    ),
]

# Views of METRIC_SPECS the extractor and validator read; rebuilt by `add_metric`.
METRIC: dict[str, MetricSpec] = {}
METRICS: dict[str, str] = {}
UNITS_BY_METRIC: dict[str, Unit] = {}
# Where a sentence names no sector: the quota percentage (Wet banenafspraak en quotum) is set
# for government and education employers only.
DEFAULT_SECTOR_BY_METRIC: dict[str, str] = {}
# A quota percentage is a standing norm and the baseline a fixed point: they are dated only
# where the text dates them; every other metric falls back to the year the report is about.
UNDATED_METRICS: set[str] = set()
# Cue words for each metric, matched anywhere in the value's sentence; the cue nearest to
# the value (in the same clause) decides. Where two cues overlap the longer one counts.
JOB_CUES: dict[str, list[str]] = {}
# Breakdown cues count only right after the value ("346 in eigen dienst", "210 via SROI").
BREAKDOWN_CUES: dict[str, list[str]] = {}
PCT_CUES: dict[str, list[str]] = {}
# Table column headers and captions: shorter than sentences, so bare nouns count. Checked in
# table_rank order; the first metric whose cue the header (else the caption) holds wins.
TABLE_JOB_CUES: dict[str, list[str]] = {}
TABLE_PCT_CUES: dict[str, list[str]] = {}


def _derive_metric_views() -> None:
    """(Re)build the views above from METRIC_SPECS, in place, so importers see changes."""
    views: list[dict] = [
        METRIC,
        METRICS,
        UNITS_BY_METRIC,
        DEFAULT_SECTOR_BY_METRIC,
        JOB_CUES,
        BREAKDOWN_CUES,
        PCT_CUES,
        TABLE_JOB_CUES,
        TABLE_PCT_CUES,
    ]
    for view in views:
        view.clear()
    UNDATED_METRICS.clear()
    for m in METRIC_SPECS:
        METRIC[m.id] = m
        METRICS[m.id] = m.description
        UNITS_BY_METRIC[m.id] = m.unit
        if m.default_sector:
            DEFAULT_SECTOR_BY_METRIC[m.id] = m.default_sector
        if not m.dated:
            UNDATED_METRICS.add(m.id)
        cues = BREAKDOWN_CUES if m.part_of else JOB_CUES if m.unit == "jobs" else PCT_CUES
        if m.prose_cues:
            cues[m.id] = list(m.prose_cues)
    for m in sorted(METRIC_SPECS, key=lambda m: m.table_rank):
        table = TABLE_JOB_CUES if m.unit == "jobs" else TABLE_PCT_CUES
        header_cues = m.table_cues or (m.prose_cues if m.part_of or m.unit == "pct" else ())
        if header_cues:
            table[m.id] = list(header_cues)


_listeners: list[Callable[[], None]] = []


def on_change(listener: Callable[[], None]) -> None:
    """Call `listener` whenever the vocabulary changes (modules that compile its patterns)."""
    _listeners.append(listener)


def _set_metrics(specs: list[MetricSpec]) -> None:
    METRIC_SPECS[:] = specs
    _derive_metric_views()
    for listener in _listeners:
        listener()


def add_metric(spec: MetricSpec) -> None:
    """Add (or replace) a metric: everything that reads the vocabulary picks it up."""
    _set_metrics([m for m in METRIC_SPECS if m.id != spec.id] + [spec])


def remove_metric(metric_id: str) -> None:
    """Drop a metric (the inverse of add_metric, so a test or plug-in can undo its entry)."""
    _set_metrics([m for m in METRIC_SPECS if m.id != metric_id])


_derive_metric_views()


def _set_sectors(specs: list[SectorSpec]) -> None:
    SECTOR_SPECS[:] = specs
    _derive_sector_views()
    _sector_regex.cache_clear()
    _weak_regex.cache_clear()
    for listener in _listeners:
        listener()


def add_sector(spec: SectorSpec) -> None:
    """Add (or replace) a sector: aliases, labels and every compiled pattern follow."""
    _set_sectors([s for s in SECTOR_SPECS if s.id != spec.id] + [spec])


def remove_sector(sector_id: str) -> None:
    """Drop a sector (the inverse of add_sector)."""
    _set_sectors([s for s in SECTOR_SPECS if s.id != sector_id])


# Nouns after a value that make it a jobs figure ("banen", "participatiebanen", "jobs").
# ("plekken": "100.000 nieuwe plekken voor deze mensen", "werkplekken", "garantieplekken")
JOB_UNIT = r"(?<!loop)\w*banen\b|arbeidsplaatsen|plaatsingen|jobs\b|\w*plekken\b|functies\b"

# Words of approximation before a number ("ruim", "een kleine", "bijna", "just over"): they
# leave it the number it is, as an answer on its own ("Hoeveel banen? Een kleine 85.000.").
APPROXIMATELY = (
    r"(?:een\s+)?(?:kleine|goede|dikke|ruime)|ruim|bijna|circa|ca\.|ongeveer|zo'n|krap|net"
    r"|nog\s+geen|rond\s+de|rond|omstreeks|meer\s+dan|minder\s+dan|minstens|ten\s+minste"
    r"|about|around|nearly|almost|roughly|some|over|just\s+(?:over|under)|more\s+than|at\s+least"
)

# The opening of a sentence that answers the question before it: "Het antwoord: 61.615",
# "Dat stond op 43.500", or a number it opens on ("Ruim 55.000.", "105.000 extra banen bij
# markt en overheid samen"), which may name its own sector.
ANSWER_OPENING = (
    r"^\W*(?:(?:(?:het|the)\s+)?(?:antwoord|answer)\s*:|(?:dat|die|deze|dit|het|that|it)\s+(?:stond|staat|lag"
    r"|ligt|was|is|bedroeg|bedraagt|kwam|komt)\b"
    rf"|(?P<bare>(?:(?:{APPROXIMATELY})\s+)*\d[\d.,]*(?!\d)))"
)

# Words that open the parts of the value before them ("60.000 banen, waarvan 41.000 bij de
# markt"): the parts' sectors and years are theirs, not the whole's.
PARTS_OF = r"waarvan|daarvan|hiervan|of\s+which|of\s+these"

# Nouns after a number that count something other than jobs for the target group.
NON_JOB_NOUNS = (
    # sheltered work and the sheltered-employment act count places of their own, not the
    # agreement's jobs: "7.500 plekken beschut werk", "30.000 Wsw-plekken"
    r"(?:\w+\s+)?beschut\w*|\w*beschutwerk\w*|wsw\w*|wajong\w*"
    r"|medewerkers|werknemers|mensen|personen|kandidaten|deelnemers|werkgevers|organisaties"
    r"|instellingen|scholen|besturen|leden|uur|uren|jaar|jaren|maanden|weken|dagen|keer"
    r"|euro|miljoen|miljard|procentpunt\w*|fte|employees|people|persons|hours|years|months"
    r"|institutions|organisations|organizations|schools|times|percentage\s*points?"
)

# Words around a number that make it a change, not a level ("groei van 300 banen").
DELTA_CUES = (
    r"(?:groei|stijging|toename|afname|daling|verschil|verlies|winst|increase|decrease|growth"
    r"|rise)\s+(?:van|met)|\bper\s+saldo"
    r"|\bnetto|\bin\s+een\s+jaar\s+tijd|(?:vergeleken\s+met|ten\s+opzichte\s+van)\s+(?:19|20)\d\d"
    r"|(?:overtr\w+|overschr\w+)\s+(?:\S+\s+){0,6}?(?:doel\w*|afspraak|opgave|quotum|norm)\s+"
    r"(?:\S+\s+){0,6}?met"
    r"|(?:doel\w*|afspraak|opgave|quotum|norm)\s+(?:\S+\s+){0,6}?met\s+(?=\S+\s+(?:\w+\s+)?"
    r"overtr)"
    r"|(?:increase|decrease|growth|rise)\s+of"
    # a bound, not a figure: "het waren er nog geen 10.000" -- but where a count lands "op"
    # or "tot" it, an approximate level: "strandde op nog geen 8000", "kwam tot nog geen 900"
    r"|(?<!\sop\s)(?<!\stot\s)\bnog\s+geen|\bnot\s+even"
    # a ceiling on what may come: "kunnen er maximaal 400 extra banen ontstaan"
    r"|\bmaximaal|\bhooguit|\bten\s+hoogste|\bat\s+most"
)
# ...unless the increase is what a target sets: "De doelstelling is een toename van 125.000
# banen" (the target counts jobs above the baseline, as "extra banen" does)
TARGET_AS_GROWTH = (
    r"(?:doel\w*|opgave|afspraak|ambitie|streven|taakstelling|target)\s+(?:\w+\s+){0,3}?"
    r"(?:is|was|betreft|luidt|bedraagt|bedroeg)\s+(?:een\s+)?(?:toename|groei|stijging|increase"
    r"|growth)\s+(?:van|met|of)\s*$"
)
# A per-year increment is not a figure (the gold counts cumulative levels only): "jaarlijks
# 99 extra banen", "elk jaar 1.000 extra", "443 mensen per jaar", "10.000 extra banen per jaar".
PER_YEAR_BEFORE = (
    r"\b(?:jaarlijks|elk\s+jaar|ieder\s+jaar|per\s+jaar|every\s+year|each\s+year|annually)"
    r"\s+(?:(?:nog|weer|opnieuw|zo'n|ruim|bijna|circa|ongeveer|met|zo)\s+)?$"
)
PER_YEAR_AFTER = (
    r"^\s*(?:[\w-]+\s+){0,4}?(?:per\s+jaar|jaarlijks|elk\s+jaar|ieder\s+jaar|per\s+year"
    r"|a\s+year|each\s+year|every\s+year)\b"
)
# A level a schedule of steps adds up to: it stays a (cumulative) figure beside the steps.
CUMULATIVE = r"\b(?:in\s+totaal|totaal|uiteindelijk|cumulatief|in\s+all|in\s+total|tussen)\b"
# ("extra banen" is how the Banenafspraak counts jobs above the baseline: not a change)
DELTA_AFTER_NOT_JOINED = (
    r"(?:\w+\s+)?(?:\w*banen\s+)?(?:overtroffen|overschreden"
    r"|(?:boven|onder)\s+(?:het|de)\s+(?:doel\w*|quotum|norm))"
    r"|(?:\w+\s+)?(?:meer|minder|more|fewer|gestegen|gedaald|toegenomen|afgenomen"
    r"|gegroeid|gekrompen|verdwenen|verloren|vervallen|weggevallen|increased|decreased|grew"
    r"|lost|disappeared)\b"
    r"|(?:\w+\s+){0,4}?(?:meer|minder|more|fewer)\s+(?:dan|than)\b"
    # a gap: "bleef met 3.000 banen achter bij het doel", "bleven 4.200 banen onder hun deel"
    r"|(?:\w*banen\s+)?achter\s+(?:bij|op)\b"
    r"|(?:\w*banen\s+)?(?:onder|beneden)\s+(?:hun|haar|zijn|het|de)\s+(?:\w+\s+)?"
    r"(?:deel|aandeel|doel\w*|quotum|norm|taakstelling|opgave|ambitie)\b"
    # what the value is not: "ruim 12.000 (daarvan) geen echte nieuwe banen"
    r"|geen\b|(?:are\s+)?not\s+(?:real|new|genuine)\b"
)
# "(er)bij gekomen" (see LEVEL_SINCE_BASELINE for when it is a level)
JOINED_AFTER = r"(?:\w+\s+){0,6}?(?:bijgekomen|erbij\b|bij\s+gekomen|bij\s*[.,;:]|bij$)"
DELTA_AFTER = rf"{DELTA_AFTER_NOT_JOINED}|{JOINED_AFTER}"
# A change over a period named after the value, in its clause: "de markt realiseerde 10.146
# extra banen ten opzichte van eind 2021", "N banen meer vergeleken met het vorige kwartaal".
# Measured against the baseline (its date, 2012/2013, or "de nulmeting") it is a level.
CHANGE_SINCE_PERIOD_AFTER = (
    r"^[^,;:.()]{0,60}?\b(?:ten\s+opzichte\s+van|t\.o\.v\.|vergeleken\s+met|in\s+vergelijking"
    r"\s+met)\s+(?:(?:eind|ultimo|begin|medio|het\s+(?:eind|einde)\s+van|het\s+jaar"
    r"|(?:het\s+)?(?:eerste|tweede|derde|vierde|[1-4]e)\s+kwartaal(?:\s+van)?)\s+)?"
    r"(?!201[23]\b)(?:19|20)\d\d\b"
    r"|^[^,;:.()]{0,60}?\b(?:ten\s+opzichte\s+van|t\.o\.v\.|vergeleken\s+met|in\s+vergelijking"
    r"\s+met)\s+(?:vorig\s+jaar|een\s+jaar\s+(?:eerder|daarvoor)|het\s+(?:vorige|voorgaande)"
    r"\s+(?:jaar|kwartaal)|(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal)\b"
)
# Words just before a number that make it a number of jobs even without "banen" after it,
# provided the sentence speaks of jobs ("de doelstelling: 4.500", "kwam uit op 1.650").
IMPLIED_JOB_BEFORE = (
    r"(?:realisatie|doel|doelstelling|opgave|quotum|taakstelling|nulmeting|aantal|stand|teller"
    r"|target|quota|baseline)\s+(?:\w+\s+){0,3}?(?:van|op|is|was|bedroeg|bedraagt|of)\s*$"
    r"|(?:realisatie|doel|doelstelling|opgave|quotum|taakstelling|nulmeting|target|quota"
    r"|baseline)\s*[:=]\s*$"
    r"|(?:uit\s+op|neer\s+op|bedroeg|bedraagt|telde\w*|amounted\s+to|came\s+to|totalled)\s*$"
    r"|(?:staat|stond|staan|stonden)\s+(?:\w+\s+){0,2}?op\s+(?:slechts\s+|nu\s+)?$"
    r"|(?:kwam|kwamen|komt)\s+(?:\w+\s+){0,3}?tot\s+$"
    rf"|(?:{LEVEL_REACHED_VERB})\s*$|(?:gestegen|gegroeid|toegenomen)\s+op\s*$"
    r"|(?:afgesproken|vastgelegde|gestelde|beoogde)\s+$"
    r"|(?:doel\w*|opgave|quotum|norm|afspraak)\s*(?:[\w-]+\s+){0,7}?\(\s*$"
    # a relative clause: "de doelstelling, die 15.000 bedroeg"
    r"|(?:doel\w*|opgave|quotum|norm|afspraak|taakstelling)\s*,\s*(?:die|dat|which)\s+$"
    # "haalden met 7.940 de doelstelling": the count they reached it with
    r"|\b(?:haal\w*|behaal\w*|overtr\w*|realiseerde\w*)\s+(?:\w+\s+){0,2}?met\s+$"
    # a transition: "ging van 640 in 2017 naar 702", "steeg van 1.800 tot 2.100"
    r"|\b(?:ging\w*|gaat|steeg|stegen|daalde\w*|groeide\w*|nam\w*\s+toe|liep\w*)\s+(?:\w+\s+){0,4}?"
    r"van\s*$"
    r"|\bvan\s+\d[\d.,]*\s+(?:\w+\s+){0,3}?(?:naar|tot)\s*$"
    # the earlier year in brackets: "steeg tot 455 banen (2019: 398)"
    r"|\(\s*(?:19|20)\d\d\s*:\s*$"
)
# The quantitative "er" stands for a noun named before, so a bare number after it counts that
# noun: "kwamen er 64.000", "het werden er 8.950", "telden de waterschappen er uiteindelijk
# 790", "moeten dat er 25.000 zijn" (not before a noun of its own: "er 35 Regionale ...").
QUANTITATIVE_ER = rf"\ber\s+{_NOT_A_VALUE}{{0,4}}?$"
# A bare number whose verb follows it, in a paragraph that speaks of jobs: what "had to be"
# ("terwijl er volgens het schema 92.500 hadden moeten zijn"). (A relative clause that counts
# or sets it, "de 3.000 die waren afgesproken", is any metric cue in it: metrics._unit.)
VERB_AFTER_BARE = (
    r"^\s*(?:[^\d\s,;:.()]+\s+){0,2}?(?:hadden|had|zouden|zou|moeten|moesten|moet|dienen"
    r"|dienden)\s+(?:moeten\s+)?(?:zijn|worden|bestaan)\b"
    # the end of a modal or intention: "dienen er 410 te zijn", "de ambitie om op 713 te staan"
    r"|^\s*te\s+(?:zijn|staan|hebben|realiseren)\b"
    # a fronted value, its subject after the verb: "Niet verder dan 3.597 kwam de overheid"
    r"|^\s*kw(?:am|amen)\s+(?:de|het)\s"
)
# A number first, then the metric as its predicate: "waar 1.600 het doel was", "terwijl
# 8.000 banen de afspraak waren" (the mirror of "het doel was 1.600").
_COPULA = r"(?:was|is|waren|zijn|bleek|vormde|vormt|lag|ligt|were|(?:had|has|have)\s+been)"
_METRIC_NOUN = (
    r"(?:het|de|hun|haar|zijn|the|their)\s+(?:[^\d\s,;:.()]+\s+)?(?:doel\w*|bedoeling|streven"
    r"|ambitie|taakstelling|quotum|opgave|norm|streefcijfer\w*|afspraak|target|goal|aim"
    r"|realisatie|stand|nulmeting|baseline)\b"
)
# the copula after the noun (a clause with its verb last) or before it ("430 had been the goal")
METRIC_PREDICATE_AFTER = (
    rf"^\s*(?:\w*banen\s+|jobs\s+)?(?:{_METRIC_NOUN}\s+{_COPULA}\b|{_COPULA}\s+{_METRIC_NOUN})"
)
# A relative clause right after a value: the verb in it is that value's cue, not an earlier
# value's ("om slechts 12.000 banen, en niet om de 53.000 die Den Haag telde").
RELATIVE_CLAUSE_AFTER = r"^\s*(?:die|dat|which|that)\s[^,;:.()]*$"
# Jobs counted in with a total, as a subset: "Ook telden 11.000 extra banen mee van
# leerlingen uit het vso", "daarbij zijn 4.000 banen van sw-bedrijven meegeteld".
COUNTED_IN = r"\btel(?:t|den|de|len)?\s+(?:\S+\s+){0,8}?mee\b|\bmeegeteld\b|\bmeegerekend\b"
# Jobs for people, the job named first: "dat zij in 2026 werk zouden hebben gezorgd voor
# 125.000 mensen met een arbeidsbeperking", "een baan bieden aan 4.000 mensen uit de doelgroep".
WORK_FOR_PEOPLE_BEFORE = (
    r"(?:\b(?:werk|een\s+baan|banen|arbeidsplaatsen|werkplekken|work|jobs)\s+(?:\S+\s+){0,5}?"
    r"(?:voor|aan|for|to)"
    # the verb first: "In 2020 the municipalities employed 4,600 people with a disability"
    r"|\b(?:employ(?:ed|s)?|hired|placed|recruited)\b(?:\s+[^\s\d]+){0,5}?(?:\s+(?:19|20)\d\d)?)"
    r"\s+(?:(?:ruim|bijna|circa|ongeveer|zo'n|minstens|zeker|nog\s+eens|over|more\s+than)\s+)?$"
)
# A cumulative count said with "(er)bij gekomen": a level when measured from the baseline or
# called a total ("In totaal zijn er in 2019 61.615 banen bijgekomen", "22.554 banen zijn
# bijgekomen ten opzichte van de nulmeting") or framed as the agreement's aim ("Het doel is dat
# er in 2026 125.000 banen zijn bijgekomen": counted from its start), a change otherwise.
LEVEL_SINCE_BASELINE = (
    rf"\bin\s+(?:het\s+)?totaal\b|\bcumulatief\b|{TARGET_FRAME}"
    r"|(?:ten\s+opzichte\s+van|t\.o\.v\.|sinds|vanaf)\s+(?:de\s+|het\s+)?(?:nulmeting|0-meting"
    r"|start|begin)\b"
)
# A value taken on as a share ("neemt de overheid er 15.000 voor haar rekening", "3.000 voor
# rekening van de overheid"): a number of jobs, in a paragraph that speaks of jobs.
SHARE_AFTER = r"^\s*(?:\w*banen\s+)?voor\s+(?:haar|zijn|hun|de)?\s*rekening\b"
# A sentence that takes up the figure before it: a part of it ("Daarvan komen 3.000 voor
# rekening van de overheid") or what it comes to for one sector ("Voor Defensie komt dat neer
# op circa 800 banen"). With no cue of its own, its value has the earlier figure's metric.
POINTS_BACK_TO_FIGURE = (
    r"^\W*(?:daarvan|hiervan|van\s+(?:die|deze|dat|dit)\s+\w+)\b"
    r"|\b(?:kom\w*|kwam\w*)\s+(?:dat|dit|het|die|deze)\s+(?:\S+\s+){0,3}?neer\s+op\b"
)
# a gap between target and realised is no level: "de achterstand liep op van 2.900 naar 4.300"
# ("tekort" as a noun, after its article, not the verb "tekortschieten": "De overheid schoot
# vorig jaar tekort door maar 9.000 banen in te richten")
GAP_SUBJECT = (
    r"\b(?:achterstand|afstand|verschil|kloof|gap|shortfall)\b"
    r"|\b(?:het|een|dit|dat|zijn|haar|hun|the|a)\s+(?:[\w-]+\s+)?tekort\b"
)
# A percentage that describes coverage rather than a quota ("79% van het personeel").
PCT_NOT_METRIC_AFTER = (
    r"(?:van|of)\s+(?:het|de|the|all)?\s*(?:personeel|werknemers|medewerkers|staff|employees"
    r"|instellingen|institutions|respondenten|respondents|doelgroep|target\s+group)"
    # a share of a task taken on: "neemt circa 20% van deze opgave voor haar rekening"
    r"|(?:(?:van|of)\s+(?:[\w-]+\s+){1,4}?)?(?:voor\s+(?:haar|zijn|hun)\s+rekening|op\s+zich)\b"
)
# ... or names the share of people it is in apposition to: "een groot deel van de doelgroep,
# zo'n 60 procent, kan niet werken", "a large part of the people, some 40%, ..."
PCT_NOT_METRIC_BEFORE = (
    r"\b(?:deel|aandeel|helft|meerderheid|minderheid|part|share|majority|minority)\s+(?:van|of)"
    r"\s+(?:de|het|hun|deze|die|the|these|those)?\s*(?:[\w-]+\s+){0,2}?(?:doelgroep|mensen"
    r"|personen|werknemers|medewerkers|uitkeringsgerechtigden|target\s+group|people|persons"
    r"|employees)\s*[,(]\s*(?:(?:ruim|bijna|circa|ongeveer|zo'n|rond|some|about|nearly)\s+)?$"
)

MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    r"|january|february|march|may|june|july|august|october"
)
# Year context.
# Words that make what follows a point of comparison ("ten opzichte van 2019", "sinds de
# nulmeting"): a year or baseline after them is not the figure's own.
COMPARED_WITH = (
    r"ten\s+opzichte\s+van|t\.o\.v\.|sinds|vanaf|vergeleken\s+met|compared\s+(?:to|with)"
    r"|since|above"
)
COMPARISON_BEFORE = (
    r"(?:ten\s+opzichte\s+van|t\.o\.v\.|tegenover|vergeleken\s+met|in\s+vergelijking\s+met"
    # "haalden, net als in 2021, hun tussendoel": another year like this one
    r"|\bnet\s+als\s+in|\bevenals\s+in|\bzoals\s+in|\bas\s+in"
    r"|vergeleken\s+bij|dan\s+in|sinds|vanaf|tussen|compared\s+(?:to|with)|than\s+in|since"
    r"|against|between)"
    r"\s+(?:eind\s+|end\s+|het\s+jaar\s+|de\s+|\d{1,2}\s+[a-z]+\s+)?$"
    # the baseline's own date, whatever labels it in the bracket: "vanaf de nulmeting (1
    # januari 2013)", "(peildatum: 1 januari 2013)", "(stand per eind 2012)"
    r"|\b(?:nulmeting\w*|0-meting|baseline)\s*\([^()\d]{0,30}(?:\d{1,2}\s+[a-z]+\s+)?$"
    # the date of what a figure is measured against: "ten opzichte van de nulmeting uit 2013",
    # "gemeten vanaf de peildatum 1 januari 2013"
    rf"|(?:{COMPARED_WITH}|gemeten\s+vanaf)\s+(?:de|het|the)\s+(?:nulmeting|0-meting|peildatum"
    # "sinds de start van de banenafspraak in 2013", "de nulmeting eind december 2012"
    r"|baseline|start)\w*\s+(?:(?:van|of)\s+(?:de|het|the)\s+[\w-]+\s+)?"
    r"(?:(?:van|uit|in|op|per|eind|ultimo|of|in)\s+)*"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+)?$"
)
YEAR_ANAPHORA = (
    r"\b(?:dit|dat|datzelfde|hetzelfde|het\s+betreffende|dat\s+zelfde)\s+jaar\b"
    r"|\b(?:this|that|the\s+same)\s+year\b"
)
ENUMERATION_CUES = r"achtereenvolgens|respectievelijk|respectively|in\s+turn"
QUARTER_WORDS = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "1e": 1,
    "2e": 2,
    "3e": 3,
    "4e": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "q1": 1,
    "q2": 2,
    "q3": 3,
    "q4": 4,
}
QUARTER = (
    r"\b(?P<q>eerste|tweede|derde|vierde|[1-4]e|first|second|third|fourth)\s+"
    r"(?:kwartaal|quarter)(?:\s+(?:van|of))?\s+(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<q2>q[1-4])\s*(?P<y2>(?:19|20)\d\d)\b"
)
# A target that points back to the one before ("neemt 20% van deze opgave voor haar
# rekening en gaat voor 5.000 banen", "een deel van die doelstelling"): a part of it, due when
# it is.
TARGET_ANAPHORA = (
    r"\b(?:deze|die|dit|dat|diezelfde|datzelfde|dezelfde|hetzelfde)\s+(?:[\w-]+\s+)?"
    r"(?:opgave|doel|doelstelling|taakstelling|streefcijfer|streefgetal|ambitie|target)\b"
)
# The agreement's end targets (sociaal akkoord 2013): 125.000 in all, 100.000 in the market,
# 25.000 at the government. Their end year differs between texts (2024, 2025, 2026) and
# between sectors, so where a sentence does not date such a target it stays undated: it is
# not the year the text reports on, nor that of the figure before.
END_TARGETS = frozenset({125_000.0, 100_000.0, 25_000.0})
# ... and whose they are: a sentence that names some other body near such a target ("wil dat
# bedrijven ... een quotum krijgen als de doelstelling van 125.000 banen", "Werkgevers, de
# umc's daaronder, zegden toe ... 125.000") still speaks of the agreement's own target.
END_TARGET_SECTOR = {125_000.0: "totaal", 100_000.0: "marktsector", 25_000.0: "overheid"}
# "De markt moet uiteindelijk werk bieden aan 100.000 ...": an end target said to come in the
# end is due when the text has just said the agreement ends ("tot 2025 ... 125.000").
EVENTUALLY = r"\b(?:uiteindelijk|op\s+termijn|eventually|ultimately|in\s+the\s+end)\b"
# A sentence that opens like this continues the previous one: it inherits its year.
CONTINUATION = (
    r"^\W*(?:daarmee|hiermee|waarmee|daar|dat\s+is|dit\s+is|daarvan|hiervan|zij|ze|dit\s+betekent"
    r"|dat\s+betekent|that\s+is|this\s+is|of\s+these|thus|they)\b"
)
# A sector taken up again by a pointing word: "De doelstelling voor deze sector", "de
# werkgevers daar", "this sector" -- the sector named just before, not all employers.
SECTOR_ANAPHORA = (
    r"\b(?:deze|die|dezelfde|diezelfde|this|that|the\s+same)\s+sector\b"
    r"|\b(?:de\s+)?(?:werkgevers|bedrijven|employers|companies)\s+(?:daar|there)\b"
)
# A sentence about the sector named last, naming none itself: "Daarmee ligt de sector op
# koers", "Deze sector loopt achter" -- what follows is about that sector too. A bare "de
# sector" only, not one named after it ("de sector Onderwijs").
SECTOR_TAKEN_UP = rf"{SECTOR_ANAPHORA}|\b(?:de|the)\s+sector\b(?!\s+(?-i:[A-Z]))"
# Where one clause of a sentence ends and the next begins.
CLAUSE_BREAK = (
    r"[;:()]|,\s|\s(?:en|maar|terwijl|waarmee|waarvan|waarbij|tegenover|dan|and|but|while"
    r"|whereas|compared)\s"
)
# A collective adverb adds up the subject of its clause ("Ministeries en uitvoeringsorganisaties
# realiseerden samen 5.600 banen" is the Rijk), all employers only when no one group is named.
SUM_ADVERB = r"\b(?:samen|gezamenlijk|bij\s+elkaar|together|combined)\b"
# A named group of employers the vocabulary holds no sector for ("onderwijsinstellingen",
# "de zorgsector"): what it adds up is not all employers.
UNKNOWN_GROUP = r"\b\w+(?:sector|instellingen|organisaties)\b"
# A clause that sets what was meant against what came: "waar 55.000 de bedoeling was, kwamen
# er 64.000", "het doel lag op 8.000, terwijl er 7.400 kwamen".
CONTRAST_OPENER = r"\b(?:waar|terwijl|hoewel|ofschoon|whereas|while|although)\b"
# Words that tie a year to the value just before it ("59% in 2019", "5.250 banen in 2023").
YEAR_AFTER_VALUE = (
    r"^\s*(?:(?:\w*banen|jobs|arbeidsplaatsen)\s+)?"
    r"(?:in|over|voor|per|eind|ultimo|medio|by|for)\s+(?:het\s+jaar\s+)?$"
)
# Words that tie a year to the value just after it ("in 2020 331 banen", "2019: 297").
# "eind 2020, toen 12.298 mensen ... aan het werk waren": "toen" ties the value to that year.
YEAR_BEFORE_VALUE = (
    r"^\s*[:=]?\s*(?:(?:waren|was|is|zijn|were)\s+(?:het\s+|er\s+)?)?$"
    r"|^\s*,?\s*(?:toen|when)\s+(?:er\s+|there\s+)?(?:nog\s+|al\s+)?$"
)
# Numbers that are references, not figures: Kamerstukken, article/issue numbers, sessions.
REFERENCE_PATTERNS = [
    r"\b\d{2}\s\d{3}(?:-[A-Z]+)?,?\s+nr\.\s*\d+",  # 34 352, nr. 165
    r"\b(?:nr|nummer|no|art|artikel|article|bijlage|annex|tabel|table|figuur|figure|pagina|page|blz|p)\.?\s+\d+",
    # periods: "2018/19" whole; of "2014-2024" only the start, as the end year dates a
    # figure over the period ("in de periode 2014-2024 in totaal 990 banen": 2024)
    r"\b(?:19|20)\d\d\s*[/–-]\s*(?:\d\d\b(?!\d)|(?=(?:19|20)\d\d\b))",
    r"https?://\S+|www\.\S+",
    # 21 van de 36 (not "in 2022 van 77.673 naar": a year is no count); but of "9000 van de
    # 30000 banen" only the whole: the part is a number of jobs, the period's share of it
    r"\b(?!(?:19|20)\d\d\s+van\s+\d)"
    rf"\d+\s+(?:van|uit|of|out\s+of)\s+(?:de|het|the|in\s+totaal)?\s*\d+\b(?!\s*(?:{JOB_UNIT}))",
    rf"(?<=\d\s)(?<!\b(?:19|20)\d\d\s)(?:van|uit|of|out\s+of)\s+(?:de|het|the|in\s+totaal)?"
    rf"\s*\d+\b(?=\s*(?:{JOB_UNIT}))",
    r"\b\d{1,2}:\d{2}\b",  # times
    r"€\s*\d[\d.,]*|\b\d[\d.,]*\s*(?:euro|EUR)\b",  # money
]

# A paragraph that titles a table.
TABLE_CAPTION = r"^\s*(?:tabel|table|overzicht|figuur|figure|grafiek)\b"

# A paragraph that presents the table below it ("staan in tabel 1", "hieronder", "...:").
TABLE_INTRO = r"\b(?:tabel|table|hieronder|onderstaande?|below|volgende\s+overzicht)\b|:\s*$"

TABLE_PCT_HEADER = r"%|percentage|procent|percent|\bpct\b"
# A column of changes over the period before ("Groei", "Toename t.o.v. vorig kwartaal"): not
# levels, so not figures
TABLE_CHANGE_HEADER = (
    r"\b(?:groei|stijging|toename|afname|daling|verschil|mutatie|verandering|change|growth"
    r"|increase|decrease)\b|^\s*[+±Δ]"
)
# Words between a number and "banen" that still make it a number of jobs ("5.500 duurzame
# banen"), unlike "in 2 het aantal banen".
NOT_JOB_ADJECTIVE = r"(?:de|het|een|der|van|in|op|voor|aan|bij|met|the|a|of|in|at|for|and|en)\b"


# Relative years: (pattern, anchor, offset). Anchor "document": the year of the document's
# date; "context": the nearest explicit year before (in the sentence, else the passage);
# "context_or_document": the nearest explicit year, else the document's date;
# "sentence_or_document": an explicit year earlier in the sentence, else the document's date
# (never a year of the passage before: "binnen vijf jaar" counts from now). Every form of
# one meaning is one row: Dutch and English, with or without article, and a counted span
# ("twee jaar later", "over vier jaar", "three years ago") one row per count.
_COUNT_WORDS = {
    1: ("een", "één", "1", "one", "a"),
    2: ("twee", "2", "two"),
    3: ("drie", "3", "three"),
    4: ("vier", "4", "four"),
    5: ("vijf", "5", "five"),
    6: ("zes", "6", "six"),
    7: ("zeven", "7", "seven"),
    8: ("acht", "8", "eight"),
    9: ("negen", "9", "nine"),
    10: ("tien", "10", "ten"),
}


def _counted(anchor: str, sign: int, dutch: str, english: str) -> list[tuple[str, str, int]]:
    """One row per count for a span of years: `dutch`/`english` hold {n} for the count word
    and {y} for "year(s)" ("{n} jaar later", "{n} {y} later")."""
    return [
        (
            dutch.format(n=f"(?:{'|'.join(words)})")
            + "|"
            + english.format(n=f"(?:{'|'.join(words)})", y="years?" if n > 1 else "year"),
            anchor,
            sign * n,
        )
        for n, words in _COUNT_WORDS.items()
    ]


RELATIVE_YEARS: list[tuple[str, str, int]] = [
    (
        r"\b(?:vorig|vorige|verleden)\s+(?:kalender)?jaar\b"
        r"|\b(?:het\s+)?afgelopen\s+(?:kalender)?jaar\b|\blast\s+year\b|\bthe\s+past\s+year\b",
        "document",
        -1,
    ),
    # "op 1 januari jongstleden": the stand at the end of the year before the document's
    (r"\b1\s+januari\s+(?:jongstleden|jl\.|j\.l\.|van\s+dit\s+jaar)", "document", -1),
    (
        r"\b(?:volgend|volgende|komend|komende)\s+jaar\b|\b(?:next|the\s+coming)\s+year\b",
        "document",
        1,
    ),
    # "drie jaar geleden", "three years ago"; "over twee jaar" (not "over twee jaar verspreid")
    *_counted("document", -1, r"\b{n}\s+jaar\s+geleden\b", r"\b{n}\s+{y}\s+ago\b"),
    *_counted(
        "sentence_or_document",
        1,
        # "binnen vijf jaar (tijd)", "within five years": a deadline counted from the year the
        # sentence names ("In 2013 spraken zij af om binnen tien jaar ...": 2023), else from
        # the document's date
        r"\b(?:over|binnen)\s+{n}\s+jaar\b(?!\s+(?:verspreid|verdeeld))",
        r"\b{n}\s+{y}\s+from\s+now\b|\bin\s+{n}\s+{y}'?\s+time\b|\bwithin\s+{n}\s+{y}\b",
    ),
    (
        r"\bhet\s+jaar\s+(?:daarvoor|ervoor|voordien)\b|\bhet\s+(?:voorgaande|voorafgaande)\s+jaar\b"
        r"|\bthe\s+(?:year\s+before|previous\s+year|preceding\s+year)\b",
        "context",
        -1,
    ),
    (
        r"\bhet\s+jaar\s+(?:daarna|erna|nadien|daarop)\b|\bhet\s+daar(?:op)?\s*volgende\s+jaar\b"
        r"|\bthe\s+(?:year\s+after|following\s+year)\b",
        "context",
        1,
    ),
    # "twee jaar eerder", "een jaar later", "three years earlier"
    *_counted(
        "context",
        -1,
        r"\b{n}\s+jaar\s+(?:eerder|daarvoor|ervoor|voordien)\b",
        r"\b{n}\s+{y}\s+(?:earlier|before)\b",
    ),
    *_counted(
        "context",
        1,
        r"\b{n}\s+jaar\s+(?:later|daarna|erna|nadien)\b",
        r"\b{n}\s+{y}\s+(?:later|after)\b",
    ),
    # the period just named, taken up again: "in dat jaar", "tegen die tijd", "op dat moment"
    (
        r"\b(?:dat|datzelfde|hetzelfde|dat\s+zelfde)\s+jaar\b|\b(?:that|the\s+same)\s+year\b"
        r"|\b(?:tegen|rond|op|vanaf)\s+(?:die|dat|diezelfde|datzelfde)\s+(?:tijd|moment|tijdstip)\b"
        r"|\b(?:by|at)\s+(?:that|the\s+same)\s+(?:time|point|moment)\b|\bby\s+then\b",
        "context",
        0,
    ),
    (r"\bdit\s+jaar\b|\bhet\s+lopende\s+jaar\b|\bthis\s+year\b", "context_or_document", 0),
]

# A sector that belongs to the value right before it ("553 bij de overheid", "25.000 banen
# in de sector markt") or right after it ("de markt (15.604)", "de overheid aan 25.000").
SECTOR_AFTER_VALUE = (
    r"^\s*\)?\s*(?:\(?\w*banen\)?\s+|extra\s+|arbeidsplaatsen\s+){0,3}(?:daarvan\s+)?"
    r"(?:bij|in|voor|van|door|binnen|aan|at|in|for|voor\s+rekening\s+van)?\s*['‘\"“]?"
    r"(?:de|het|the|een|an?)?\s*(?:sector\s+)?$"
)
# A sentence that splits the figure of the sentence before it: "Daarvan komen N voor rekening
# van X en M voor Y", "N daarvan bij X en M bij Y", "Van die opgave neemt X er N voor haar
# rekening, Y M".
PART_OF_PREVIOUS = (
    r"\b(?:daarvan|hiervan|van\s+(?:dat|dit|die|deze)\s+(?:totaal|aantal|opgave|doel\w*"
    r"|banen|afspraak)|of\s+these|of\s+this\s+total)\b"
)
SECTOR_BEFORE_VALUE = r"^\s*(?:\(|aan\s+|voor\s+|met\s+|:)?\s*$"
# A sector named as the cause of a result or what it is compared with, not its subject:
# "ruim gehaald, met dank aan de marktsector", "vergeleken met werkgevers in de marktsector".
SECTOR_ASIDE_BEFORE = (
    r"\b(?:met\s+dank\s+aan|dankzij|te\s+danken\s+aan|door\s+de\s+inzet\s+van"
    r"|vergeleken\s+met|in\s+vergelijking\s+met|thanks\s+to|compared\s+(?:to|with))"
    r"\s+(?:de|het|the)?\s*$"
)
# "het aandeel van de overheidssectoren in de 125.000 banen": the number is the whole that
# the named sector has a share in, not that sector's own number.
SHARE_IN_WHOLE_BEFORE = (
    r"\b(?:aandeel|deel|bijdrage|share|part)\s+(?:van|of)\s+(?P<part>[^.;:()]{1,80}?)\s+"
    r"(?:in|aan|of|to)\s+(?:de|het|the)\s+(?:(?:ruim|circa|bijna|zo'n)\s+)?$"
)
# The agreement as a whole: a target a sentence ties to it, naming no sector, is everyone's
# (not that of a sub-sector the section or title is about).
WHOLE_AGREEMENT = r"\bsociaal\s+akkoord\b|\bsocial\s+agreement\b"
# A modal in the value's clause turns "N banen gerealiseerd" into a target ("moeten hebben
# gerealiseerd", "dienen ... werkzaam te zijn", "te creëren").
TARGET_MODAL = (
    r"\b(?:moet|moeten|moest|moesten|dient|dienen|diende|dienden|zal|zullen|zou|zouden|must"
    r"|should|will)\b"
    rf"|{VOLITION}"
    # not what someone managed to do: "de banen die de markt wist te realiseren"
    r"|(?<!\bwist\s)(?<!\bwisten\s)(?<!\bslaagde\s)\bte\s+(?:realiseren|cre[eë]{2}ren|behalen"
    r"|halen|bereiken|zijn|hebben|scheppen|zorgen)\b"
)
# A caption or presenting paragraph that makes a table's counts required levels: "volgens de
# Quotumwet", "hoeveel banen er ... moeten zijn", "vereiste aantallen".
TABLE_REQUIRED = (
    rf"{TARGET_MODAL}|\bvolgens\s+de\s+(?:quotumwet|wet|afspraak|banenafspraak)\b"
    r"|\b(?:vereiste|afgesproken|beoogde|required)\b"
)
# Where such a frame's clause ends: a clause of its own, a contrast, what came of it ("dat
# werden er 37.000").
TARGET_FRAME_END = (
    rf"[;:]|{CONTRAST_OPENER}|\b(?:maar|but)\b"
    r"|\b(?:dat|het|er)\s+(?:werden|werd|waren|zijn\s+er|were|became)\b"
)
# Where a modal's reach ends (an enumerated value after "en" inherits its head's metric).
# (not where it joins sectors of one list: "zouden ministeries, gemeenten en provincies N ...")
MODAL_SCOPE_BREAK = r"[;:()]|[.,]\s|\s(?:en|maar|terwijl|waarmee|toen|and|but|while)\s"
# People counted as holding a job ("5.453 mensen met een arbeidsbeperking een baan gegeven").
# The people the agreement is for, by any of their names: a count of them that the sentence
# says were given work is a count of jobs. Not "personen": "N personen uit de doelgroep aan het
# werk" is UWV's count of persons, which differs from its count of jobs (eval/real/README.md).
_TARGET_GROUP = (
    r"(?:met\s+een\s+(?:arbeids)?beperking|uit\s+(?:de|deze|die|onze)\s+doelgroep(?:\s+banenafspraak)?"
    r"|met\s+een\s+afstand\s+tot\s+de\s+arbeidsmarkt)"
)
TARGET_GROUP_PEOPLE = (
    rf"(?:(?:extra\s+)?(?:mensen|werknemers|kandidaten)\s+{_TARGET_GROUP}"
    r"|(?:extra\s+)?(?:(?:arbeids)?gehandicapten|arbeidsbeperkten|participanten)"
    r"|people\s+(?:with\s+(?:an?\s+)?(?:occupational\s+)?disabilit(?:y|ies)"
    r"|from\s+the\s+target\s+group)|disabled\s+(?:people|workers))"
)
# ... and the persons counted of them, as the head of a phrase that may still say they got work
TARGET_GROUP_HEAD = rf"(?:{TARGET_GROUP_PEOPLE}|personen\s+{_TARGET_GROUP})"
# ... followed by what says they work: "4.500 mensen uit de doelgroep aangenomen"
PEOPLE_WITH_JOB = (
    rf"^\s*{TARGET_GROUP_PEOPLE}\s+(?:\w+\s+){{0,3}}?"
    r"(?:een\s+baan|aan\s+(?:het\s+werk|werk|een\s+baan)|werkzaam|in\s+dienst|aan\s+de\s+slag"
    r"|een\s+regulier|aangenomen|aan(?:nam|namen|neemt|nemen)\b|geplaatst|employed|hired|placed)"
)
# One organisation's own numbers (a worked example, one municipality) are not a sector's:
# "organisatie X moet 68 banen realiseren", "de gemeente Utrecht had 120 banen".
# Matched case-sensitively: the capital is what makes "X" or "Utrecht" a name.
ONE_ORGANISATION = (
    r"\b(?i:organisatie|werkgever|instelling|school|bedrijf|organisation|employer)\s+[A-Z]\b"
    # an organisation noun with its proper name: "de gemeente Utrecht", "het UMC Utrecht",
    # "de Hogeschool Utrecht", "het ministerie van Financiën", "Defensie-onderdeel CLAS"
    r"|\b(?i:gemeente|hogeschool|universiteit|umc|ziekenhuis|waterschap|hoogheemraadschap"
    r"|ministerie\s+van|\w*onderdeel|\w*afdeling|university|ministry\s+of"
    r"|(?:municipality|province|university|ministry)\s+of)\s+[A-Z][\w'’-]+"
    # an employer by its acronym as the subject: "wil de VU in 2024 163 banen hebben"
    r"|\b(?i:wil|willen|moet|heeft|had|realiseerde)\s+(?i:de|het)\s+[A-Z][A-Za-z]{0,3}[A-Z](?![\w-])"
)
# ...or with its proper name before it: "Maastricht UMC", "Erasmus MC", "Tilburg University"
NAME_BEFORE_ORGANISATION = (
    r"\b(?P<name>(?!(?:De|Het|Een|The|An?|Alle|Elke?|Iedere?|Die|Deze|Dat|Dit)\b)[A-Z][\w'’-]+)"
    r"\s+(?:UMC|MC|Universiteit|Hogeschool|Ziekenhuis|University|Hospital)\b"
)
# One employer of a sector, counted as one ("één umc alleen al telde er 235", "Eén middelgrote
# gemeente had er 37 in dienst", "a single province"): its clause holds no sector's figure.
ONE_OF_A_KIND = (
    # "één van de provincies", "one of the universities": one member of the sector
    r"\b(?:[ée]én|one)\s+(?:van\s+de|of\s+the)\s+\w+"
    # "één umc", "een enkele gemeente", and an indefinite opening subject: "Een hogeschool in
    # het oosten realiseerde ...", "Een grote gemeente als Rotterdam kwam uit op ..."
    r"|(?:\b[ée]én|\b(?:[ée]én|een)\s+enkele|\bone|\ba\s+single|^\W*(?i:een|an?))\s+"
    r"(?:[^\d\s,;:.()]+\s+){0,2}?"
    r"(?:gemeente|provincie|umc|waterschap|hogeschool|universiteit|ministerie|school|werkgever"
    r"|instelling|organisatie|bedrijf|korps|municipality|province|employer|university)\b"
)
# An employer by its proper name as the sentence's subject: "De Belastingdienst heeft al 600
# mensen ... aan het werk" -- unless the name is a sector's ("Het Rijk heeft ...").
NAMED_EMPLOYER_SUBJECT = (
    r"^\W*(?:De|Het)\s+[A-Z][a-z]{3,}(?=\s+(?i:heeft|had|hebben|telt|telde|realiseerde|wil|moet"
    r"|biedt|bood|gaf|geeft|nam|neemt)\b)"
)
# A clause about unemployment or the labour force counts people out of work, not jobs:
# "waren er 27 duizend (14%) werkloos", "20.000 of them unemployed".
UNEMPLOYED = r"\bwerklo\w*|\bzonder\s+(?:werk|baan)\b|\bunemploy\w*|\bjobless\b"
# An owner the vocabulary holds no sector for, in the slot a sector takes: an employer,
# place or project after "bij/in/binnen/via/door" ("bij het Radboudumc", "in Amsterdam",
# "via het project Samen aan de slag", "met de pilot"), or as the opening subject
# ("Rijkswaterstaat realiseerde ...", "UWV als werkgever ..."). A sentence that names no
# sector but such an owner is about that owner, not about the sector of the sentence before.
OWNER_VERBS = (
    r"heeft|had|hebben|telt|telde|realiseerde|realiseert|wil|moet|biedt|bood|leverde|levert"
    r"|kwam|komt|has|have|realised|realized|created|employed|reached"
)
NAMED_OWNER = (
    # a body that is otherwise a reporter, here counted as an employer: "UWV als werkgever"
    r"(?P<employer>\b[A-Z][\w'’-]+)(?=\s+(?:\w+\s+){0,4}?(?i:als\s+werkgever|as\s+an\s+employer)\b)"
    r"|\b(?i:bij|in|binnen|via|door|at|within|through)\s+(?:(?i:de|het|ons|onze|the)\s+)?"
    r"(?P<slot>[A-Z][\w'’-]+)"
    # the subject opening the sentence, or after the verb when a time comes first ("In 2021
    # heeft de Belastingdienst ...")
    r"|^\W*(?:(?i:de|het|ook|zo\s+heeft|zo\s+had|the)\s+)?(?P<subject>[A-Z][\w'’-]+)"
    r"(?=\s+(?:(?:[A-Z][\w'’-]+|als\s+werkgever|van\s+[A-Z][\w'’-]+)\s+)?"
    rf"(?i:{OWNER_VERBS})\b)"
    rf"|\b(?i:{OWNER_VERBS})\s+(?:(?i:de|het|the)\s+)?(?P<inverted>[A-Z][\w'’-]+)"
    r"|\b(?i:via|met|binnen|door|dankzij|uit|in|through|with|under)\s+"
    r"(?i:het|de|dit|deze|dat|een|ons|onze|the|this|a)\s+"
    r"(?:[\w-]+\s+)?(?P<project>(?i:project|programma|pilot|proeftuin|experiment|programme"
    r"|program))\b"
)
# Capitalised words in those slots that name no owner: the country, the government and
# reporting bodies, the scheme, its laws and agreements, periods, pronouns and openers.
NOT_AN_OWNER = (
    r"Nederland|Caribisch|Europa|Netherlands|Dutch|Kamer|Tweede|Eerste|Kabinet|Regering"
    r"|Minister|Staatssecretaris|Government|Cabinet|Banenafspraak|Participatiewet|Wajong"
    r"|Quotumwet|Wet|Besluit|Regeling|Sociaal|Akkoord|Law|Act|SROI|Q[1-4]|Zij|Ze|Dat|Dit|Die"
    r"|Deze|Er|Hij|Wij|We|Men|Samen|Daarmee|Daarnaast|Toen|Nu|Alle|Beide|Iedereen|Niemand|Elk"
    r"|Elke|Ieder|Iedere|Totaal|They|It|This|That|These|Employers|Together"
    rf"|(?i:{MONTHS})"
)
# The agreement counts from its baseline at the end of 2012: a figure dated before it is an
# older scheme's or plan's ("in 1998 waren er 90.000 Wsw-plekken", "het plan uit 2010").
FIRST_YEAR = 2012
# Bodies that report on or speak for many employers, not one employer's own count.
NOT_ONE_ORGANISATION = (
    r"UWV|CBS|SZW|BZK|OCW|SER|AWVN|VNO|MKB|CNV|FNV|WSP|SCP|CPB|EU|NOS|NRC|ESB|AOW|WSW|SW"
)
# A list's lead-in that measures against an earlier period, not the baseline: its items are
# changes over that period ("Vergeleken met het vierde kwartaal van 2016 ziet de netto
# ontwikkeling er zo uit: • 13.653 extra banen ..."), unlike "Vergeleken met de nulmeting".
LEAD_IN_PERIOD_COMPARISON = (
    r"(?:vergeleken\s+met|ten\s+opzichte\s+van|t\.o\.v\.|sinds|compared\s+(?:to|with))\s+"
    r"(?:(?!nulmeting|baseline)\S+\s+){0,4}?(?:19|20)\d\d\b"
)
# A sentence that opens by measuring against an earlier period ("Vergeleken met het eerste
# kwartaal van 2018 kwamen er 13.454 banen bij: ...", "Ten opzichte van vorig jaar ..."): its
# values are changes over that period. Measured against the baseline or the start they are
# levels ("Ten opzichte van de nulmeting ...").
PERIOD_COMPARISON_OPENING = (
    r"^\W*(?:vergeleken\s+met|ten\s+opzichte\s+van|t\.o\.v\.|in\s+vergelijking\s+met"
    r"|compared\s+(?:to|with))\s+"
    r"(?!(?:de|het|the)\s+(?:nulmeting|0-meting|start|begin|peildatum|baseline))"
    r"(?:\S+\s+){0,5}?(?:kwarta\w*|jaar|maand\w*|quarter|year|month|(?:19|20)\d\d)\b"
)
# Counts of a region, not a sector ("In de eigen arbeidsmarktregio stonden er 1.647 banen",
# "In Zeeland zijn er 814 extra banen bij"): unless the sentence speaks of the whole country.
# (A report that is regional, "per arbeidsmarktregio", does not make a national count one.)
REGION = (
    r"\b(?i:in|binnen|voor|uit)\s+(?i:de\s+|het\s+|onze\s+|eigen\s+|de\s+eigen\s+)?"
    r"(?i:arbeidsmarktregio|regio)\b|\b(?i:arbeidsmarktregio|regio|provincie)\s+[A-Z]\w+"
    r"|\b(?i:in)\s+(?:Groningen|Friesland|Frysl[aâ]n|Drenthe|Overijssel|Flevoland|Gelderland"
    r"|Noord-Holland|Zuid-Holland|Zeeland|Noord-Brabant|Brabant|Limburg)\b"
    # the region as the subject ("dat de regio al 85% van haar doelstelling heeft gehaald"), a
    # region's own task or score ("ligt de regionale doelstelling op 575 extra banen")
    r"|\b(?i:de|het|onze|deze|die)\s+(?i:arbeidsmarkt)?(?i:regio)\b(?!['’])"
    r"|\b(?i:regionale)\s+(?i:doel\w*|opgave|taakstelling|realisatie|score|banen|cijfers)"
    r"|\b(?i:in|within|for)\s+(?i:the)\s+(?:[A-Z][\w-]+\s+)+(?i:region|labour\s+market\s+region)\b"
    r"|\b(?i:in|within|for)\s+(?i:the|this|our)\s+(?i:region)\b"
)
NATIONAL = r"\b(?:landelijk|nationaal|in\s+heel\s+Nederland|in\s+Nederland|nationwide)\b"
# A list item ("• 24.155 extra banen ...") as the parser writes it.
LIST_ITEM = r"^\s*[•\uf0b7▪–-]\s"
# A percentage written without its sign, named by the noun before it: "geldt een
# quotumpercentage van 2,14", "het realisatiepercentage is 88".
PCT_NOUN_BEFORE = (
    r"\b\w*percentage\s+(?:\w+\s+){0,3}?(?:van|is|was|op|bedraagt|bedroeg|:)\s*"
    r"(?:(?:ruim|bijna|circa|ongeveer|zo'n)\s+)?$"
)
# A list's lead-in that reports measured levels ("De jaarmeting laat per sector dit beeld
# zien:", "De stand per sector:", "Resultaten per sector:"): an item "Sector: N banen" with no
# cue of its own is a realised count -- unless the lead-in speaks of a target.
LEAD_IN_REALISED = (
    r"\b\w*meting\b|\bstand\b|\bresultat\w*|\brealisatie\w*|\bgerealiseerd\w*"
    r"|\bbehaald\w*|\bteller\b|\bresults?\b"
)
LEAD_IN_TARGET = (
    r"\bdoel\w*|\bafspraa?k\w*|\bambitie\w*|\bopgave\w*|\bmoet\w*|\btaakstelling\w*"
    r"|\bquot(?:um|a)\b|\bbeoogd\w*|\btargets?\b"
)
# "Overheid: 11.842 extra banen", "Alle werkgevers samen: 72.809": a label before the value
LABEL_BEFORE = r"^\s*(?:[•\uf0b7▪–-]\s+)?(?P<label>[^:;,.()\d]{2,40}):\s*$"
# "steeg van 5.000 naar 6.000", "ging van 1,9% naar 2,1%": the first value is the earlier year.
# Between the two values the earlier one's own period may stand ("van 70.525 in het derde
# kwartaal naar", "van 73.578 eind 2021 naar", "van 640 banen in 2017 tot").
TRANSITION_FROM = r"\bvan\s+(?:ruim\s+|bijna\s+|circa\s+|ongeveer\s+|zo'n\s+)?$"
TRANSITION_TO = (
    r"^\s*(?:\w*banen\s+|procent\s+)?"
    r"(?:(?:in|eind|ultimo|per|op|medio|na|aan\s+het\s+(?:eind|einde)\s+van)\s+(?:het\s+|de\s+)?"
    r"(?:[\w']+\s+){0,4}?)?"
    r"(?:naar|tot|to)\s+(?:ruim\s+|bijna\s+|circa\s+|ongeveer\s+|zo'n\s+)?$"
)
# "van 1.800 tot 2.100" is a range unless something changes: a verb of change in the sentence.
TRANSITION_VERB = (
    r"\b(?:ging\w*|gaat|gegaan|steeg|stegen|gestegen|stijg\w*|daal\w*|gedaald|groei\w*"
    r"|gegroeid|nam\w*\s+(?:\w+\s+){0,6}?(?:toe|af)|toegenomen|afgenomen|liep\w*|gelopen"
    r"|loopt|verander\w*|veranderd|verhoogd|verlaagd|klom\w*|zakte\w*|rose|fell|grew"
    r"|increased|decreased|went)\b"
)
# What stands between a figure and the value it is set against: "5.200 banen, tegen 4.800
# een jaar eerder", "N extra banen tegenover M in 2019", "N, vergeleken met M vorig jaar".
COMPARED_VALUE_BETWEEN = (
    r"^[^.;:()]{0,40}?(?:,\s*|\s)(?:tegen|tegenover|vergeleken\s+met|in\s+vergelijking\s+met"
    r"|against|versus|compared\s+with)\s+(?:de\s+|het\s+|the\s+)?"
    r"(?:ruim\s+|bijna\s+|circa\s+|ongeveer\s+|zo'n\s+)?$"
)
# The period a value of a transition ends in, standing right after it: "in het derde
# kwartaal (van 2021)", "in het vierde" (a quarter named before), "eind 2021", "in 2019".
PERIOD_AFTER_VALUE = (
    r"^\s*(?:\w*banen\s+|procent\s+)?(?:(?:in|eind|ultimo|per|na|over|aan\s+het\s+(?:eind|einde)"
    r"\s+van)\s+(?:het\s+)?)"
    r"(?:(?P<q>eerste|tweede|derde|vierde|[1-4]e)(?!\s+(?:jaar|helft))(?:\s+kwartaal)?"
    r"(?:\s+(?:van\s+)?(?P<y>(?:19|20)\d\d))?|(?P<y2>(?:19|20)\d\d))\b"
    # a stand at a quarter's end: "84.471 per 1 oktober 2023", "86.264 per 1 januari 2024"
    r"|^\s*(?:\w*banen\s+)?(?:per|op)\s+(?P<d>1\s+(?:januari|april|juli|oktober)|31\s+maart"
    r"|30\s+juni|30\s+september|31\s+december)\s+(?P<y3>(?:19|20)\d\d)\b"
)
# the quarter a stand on that day closes, and how many years back it lies ("1 januari 2024":
# the fourth quarter of 2023)
STAND_DAY_QUARTER = {
    "1 januari": (4, -1),
    "31 maart": (1, 0),
    "1 april": (1, 0),
    "30 juni": (2, 0),
    "1 juli": (2, 0),
    "30 september": (3, 0),
    "1 oktober": (3, 0),
    "31 december": (4, 0),
}


# ---------------------------------------------------------------------------------------
# Question cue words (answer layer only; extraction never reads this block)
# ---------------------------------------------------------------------------------------
# An English question over Dutch letters: the domain's content words (nouns, verbs,
# adjectives of the Banenafspraak texts) in English and the Dutch word parts that say the
# same, one bilingual table, so that a Dutch sentence shares an English question's topic
# ("Why are employers reluctant to take on people from the target group" ~ "Bij werkgevers
# heerst terughoudendheid ... iemand uit de doelgroep aannemen"). Keys are folded English
# base forms (singular, infinitive; `english_lemmas` finds them from any inflected form) or
# phrases that are one term ("target group", "take on"); values are Dutch word parts, found
# at a word's start or, six letters and longer, inside a compound ("bezoekersbegeleiding");
# a separable verb also as split ("uit te zonderen", "aan te nemen").
# A word both languages spell alike ("sector", "register", "formula" ~ "formule") needs no
# entry: the topic test matches it as it stands.
QUESTION_TRANSLATIONS: dict[str, tuple[str, ...]] = {
    # who: employers, staff, people, sectors and bodies
    "employer": ("werkgever",),
    "employee": ("werknemer", "medewerker", "personeel"),
    "worker": ("werknemer", "medewerker", "werkende"),
    "staff": ("personeel", "medewerker", "werknemer"),
    "colleague": ("collega",),
    "candidate": ("kandida",),
    "applicant": ("sollicitant", "kandida"),
    "jobseeker": ("werkzoekend",),
    "people": ("mensen", "personen"),
    "person": ("persoon", "personen", "mensen"),
    "visitor": ("bezoeker",),
    "teacher": ("leraar", "leraren", "docent", "onderwijzend"),
    "business": ("bedrijf", "bedrijven", "bedrijfsleven", "onderneme", "ondernemer"),
    "company": ("bedrijf", "bedrijven", "onderneming"),
    "firm": ("bedrijf", "bedrijven"),
    "market": ("markt", "private", "bedrijfsleven"),
    "private sector": ("markt", "bedrijfsleven"),
    "government": ("overheid",),
    "public": ("overheid", "publiek"),
    "central government": ("rijk",),
    "municipality": ("gemeente",),
    "province": ("provincie",),
    "water board": ("waterschap",),
    "defence": ("defensie",),
    "defense": ("defensie",),
    "army": ("defensie", "krijgsmacht"),
    "police": ("politie",),
    "fire brigade": ("brandweer",),
    "fire service": ("brandweer",),
    "hospital": ("ziekenhuis", "umc"),
    "cabinet": ("kabinet",),
    "state secretary": ("staatssecretaris",),
    "parliament": ("kamer", "parlement"),
    "union": ("vakbond", "bond"),
    # the scheme: target group, register, quota, levy, the agreement and its count
    "target group": ("doelgroep",),
    "baseline": ("nulmeting",),
    "measurement": ("meting",),
    "quota": ("quotum",),
    "levy": ("heffing",),
    "quota levy": ("quotumheffing", "heffing"),
    "quota scheme": ("quotumregeling", "quotumwet", "quotum"),
    "scheme": ("regeling",),
    "jobs agreement": ("banenafspraak",),
    "job agreement": ("banenafspraak",),
    "agreement": ("afspraak", "akkoord"),
    "accord": ("akkoord",),
    "law": ("wet",),
    "act": ("wet",),
    "participation act": ("participatiewet",),
    "rule": ("regel",),
    "bureaucracy": ("bureaucra", "regel"),
    "target": ("doel", "doelstelling", "opgave", "taakstelling", "quotum"),
    "goal": ("doel", "doelstelling", "opgave"),
    "disability": ("arbeidsbeperking", "beperking", "handicap"),
    "disabled": ("arbeidsbeperking", "beperking", "gehandicapt", "handicap"),
    "occupational disability": ("arbeidsbeperking",),
    "work disability": ("arbeidsbeperking",),
    "sheltered work": ("beschut",),
    "wage cost subsidy": ("loonkostensubsidie",),
    "wage subsidy": ("loonkostensubsidie", "loonwaarde"),
    "job coach": ("jobcoach",),
    "coaching": ("begeleid", "coach"),
    "guidance": ("begeleid",),
    "supervision": ("begeleid", "leidinggevend"),
    "reassessment": ("herbeoordeling",),
    "agency": ("uitzend",),
    "temporary": ("uitzend", "tijdelijk"),
    "secondment": ("detacher",),
    "second": ("tweede",),
    "seconded": ("detacher", "gedetacheerd"),
    "contract": ("contract", "dienstverband"),
    "regular": ("regulier",),
    "permanent": ("vast",),
    "method": ("methode", "methodiek", "werkwijze"),
    "approach": ("aanpak", "werkwijze", "methode"),
    "study": ("onderzoek", "studie"),
    "programme": ("programma",),
    "program": ("programma",),
    "trial": ("proef",),
    "try out": ("uitgeprobeerd", "uit te proberen", "uitprober", "beproefd", "getest"),
    "test": ("test", "getest", "uitgeprobeerd", "beproefd"),
    "labour market": ("arbeidsmarkt",),
    "labor market": ("arbeidsmarkt",),
    "report": ("rapport",),
    "annual report": ("jaarrapportage",),
    # what is counted
    "number": ("aantal",),
    "count": ("aantal", "teller", "tel", "geteld"),
    "job": ("baan", "banen", "functie"),
    "work": ("werk",),
    "task": ("taak", "taken", "werkzaamheden"),
    "figure": ("cijfer",),
    "hour": ("uren", "uur"),
    "year": ("jaar",),
    "quarter": ("kwartaal",),
    "quarterly": ("kwartaal",),
    "first": ("eerste",),
    "third": ("derde",),
    "fourth": ("vierde",),
    "result": ("resultaat", "resultaten"),
    "achievement": ("prestatie",),
    "performance": ("prestatie",),
    "site": ("locatie", "terrein", "vestiging"),
    "location": ("locatie", "vestiging"),
    "cost": ("kost", "geld"),
    "money": ("geld",),
    "shortage": ("tekort",),
    "shortfall": ("tekort", "achterstand"),
    "supply": ("aanbod",),
    "demand": ("vraag",),
    "reason": ("reden",),
    "cause": ("oorzaak",),
    "explanation": ("verklaring", "verklaar"),
    "chance": ("kans",),
    # what is done: hire, place, create, support, count, split, exclude, plan
    "hire": ("aanne", "aan te nemen", "aangenomen", "in dienst", "werv", "plaats"),
    "take on": ("aanne", "aan te nemen", "aangenomen", "in dienst", "plaats"),
    "recruit": ("werv", "aanne", "aan te nemen", "plaats"),
    "employ": ("in dienst", "aanne", "werkgever"),
    "place": ("plaats",),
    "placement": ("plaats",),
    "create": ("creeer", "creer", "realis", "gerealiseerd", "scheppen"),
    "realise": ("realis", "gerealiseerd"),
    "realize": ("realis", "gerealiseerd"),
    "support": ("ondersteun", "steun", "hulp", "helpen"),
    "help": ("helpen", "hulp", "ondersteun"),
    "accompany": ("begeleid",),
    "guide": ("begeleid",),
    "assign": ("toegewezen", "toegekend", "toeken", "verdeel", "verdeling", "hoort"),
    "allocate": ("toegewezen", "toegekend", "verdeel"),
    "split": ("verdeling", "uitsplits", "verdeel"),
    "breakdown": ("verdeling", "uitsplits"),
    "known": ("bekend",),
    "unknown": ("onbekend", "onduidelijk"),
    "exclude": ("uitzonder", "uitgezonderd", "uit te zonderen"),
    "exception": ("uitzondering",),
    "warn": ("waarschuw",),
    "premature": ("voorbarig",),
    "early": ("vroeg", "voorbarig"),
    "meet": ("gehaald", "halen", "behaald"),
    "reach": ("gehaald", "halen", "bereik"),
    "achieve": ("gehaald", "behaald", "bereik", "realis"),
    "miss": ("gemist", "niet gehaald"),
    "behind": ("achter",),
    "lag": ("achter",),
    "improve": ("verbeter",),
    "improvement": ("verbetering",),
    "step up": ("intensiv", "vergro", "versterk", "extra"),
    "intensify": ("intensiv", "versterk"),
    "respond": ("reageer", "reactie"),
    "decide": ("besl", "besluit"),
    "activate": ("activer", "inwerking"),
    "delay": ("uitstel", "vertraging", "uitgesteld"),
    "postpone": ("uitstel", "uitgesteld"),
    "abolish": ("afschaf", "schrap"),
    "simplify": ("vereenvoudig", "eenvoudiger"),
    "simple": ("eenvoudig",),
    "revise": ("herzie", "herzien"),
    "want": ("wil", "willen", "wilde"),
    "hardly": ("nauwelijks", "amper"),
    # why it is hard: attitudes and obstacles
    "reluctant": ("terughoudend", "koudwatervrees"),
    "reluctance": ("terughoudend", "koudwatervrees"),
    "hesitant": ("terughoudend", "aarzel"),
    "afraid": ("bang", "vrees", "angst"),
    "fear": ("bang", "vrees", "angst"),
    "complicated": ("ingewikkeld", "complex"),
    "difficult": ("moeilijk", "lastig"),
    "hard": ("moeilijk", "lastig"),
    "harder": ("moeilijker", "lastiger"),
    "sick": ("ziek", "uitval"),
    "ill": ("ziek", "uitval"),
    "illness": ("ziek", "uitval"),
    # change: up, down, more, less
    "rise": ("stijg", "steeg", "toename", "groei"),
    "rose": ("stijg", "steeg", "toename", "groei"),
    "increase": ("stijg", "steeg", "toename", "groei"),
    "grow": ("groei", "stijg", "steeg"),
    "grew": ("groei", "stijg", "steeg"),
    "growth": ("groei",),
    "double": ("verdubbel",),
    "drop": ("daling", "daal", "daalde", "afname", "gedaald"),
    "fall": ("daling", "daal", "daalde", "afname", "gedaald"),
    "fell": ("daling", "daal", "daalde", "afname", "gedaald"),
    "decline": ("daling", "daal", "afname"),
    "decrease": ("daling", "daal", "afname"),
    "fewer": ("minder",),
    "less": ("minder",),
    "more": ("meer",),
    "few": ("weinig",),
    "high": ("hoog",),
    "low": ("laag",),
    "too high": ("te hoog", "hoger"),
    # the items a which-question asks for ("which measures", "which three options")
    "measure": ("maatregel",),
    "step": ("stap",),
    "action": ("actie",),
    "change": ("wijziging", "verandering"),
    "option": ("optie", "variant"),
    "condition": ("voorwaarde",),
    "proposal": ("voorstel",),
}
# English endings and the base forms they come from (`english_lemmas`)
_ENGLISH_ENDINGS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", "e"),
    ("ing", ""),
    ("ed", "e"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


def english_lemmas(word: str) -> list[str]:
    """A folded English word and the base forms its ending may come from ("employers" ->
    "employer", "accompanied" -> "accompany", "counted" -> "count", "stepped" -> "step");
    the word itself first."""
    out = [word]
    for ending, base in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.append(stem + base)
            if not base and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                out.append(stem[:-1])  # a doubled consonant: "stepped", "planning"
    return out


def dutch_for(term: str) -> tuple[str, ...]:
    """The Dutch word parts for an English term or phrase (QUESTION_TRANSLATIONS), found
    from any of its inflected forms; () when the table has none."""
    for lemma in english_lemmas(term):
        if lemma in QUESTION_TRANSLATIONS:
            return QUESTION_TRANSLATIONS[lemma]
    return ()


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase of the table in any inflection of its words ("take on", "taking on",
    "target groups")."""
    words = [
        (w[:-1] + r"(?:e|es|ed|ing)" if w.endswith("e") else w + r"(?:s|es|ed|ing)?")
        for w in phrase.split()
    ]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


# the table's phrases, longest first: each is one term of an English question
ENGLISH_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, _phrase_pattern(k))
    for k in sorted((k for k in QUESTION_TRANSLATIONS if " " in k), key=len, reverse=True)
)


def english_phrases(folded: str) -> tuple[list[str], str]:
    """The table's phrases in a folded English text, and the text without them ("people
    from the target group" -> ["target group"], "people from the  ")."""
    found = []
    for key, pattern in ENGLISH_PHRASES:
        if pattern.search(folded):
            found.append(key)
            folded = pattern.sub(" ", folded)
    return found, folded


# -- how/which answers (answer/explain.py) -----------------------------------------------
# What announces the items a which-question asks for, right before the item noun: a count
# or "the following" ("het kabinet stelt drie verbeteringen voor", "de volgende stappen",
# "two options"); the items follow, as a list after ':' or as the next sentences.
# count words of two and more, Dutch and English, with their values
COUNT_WORD_VALUES: dict[str, int] = {
    w: n for n, words in _COUNT_WORDS.items() if n > 1 for w in words if not w.isdigit()
}
ITEM_ANNOUNCER = (
    r"(?:\d{1,2}|"
    + "|".join(COUNT_WORD_VALUES)
    + r"|volgende|following|enkele|several|verschillende|various|een\s+aantal|a\s+number\s+of)"
)

# -- reasons (answer/explain.py) ---------------------------------------------------------
# A question that asks for a reason, a cause or what brought a result about (folded text),
# in any of its forms, after an optional named source ("volgens UWV, ...", "according to
# the minister, ..."): a reason word that opens it ("waarom", "waardoor", "waaraan", "hoe
# komt het", "how come", "om welke reden"); a reason noun after what/which ("welke
# verklaring", "what was the main reason", "which factors"); a verb of causing after what
# ("wat verklaart", "what made", "what led to", "what lies behind"); a how that asks how a
# result came about ("hoe is X boven het doel uitgekomen", "how did X manage to grow").
_REASON_NOUN = (
    r"(?:reden(?:en)?|oorza(?:ak|ken)|verklaring(?:en)?|aanleiding|reasons?|causes?"
    r"|explanations?)"
)
_CAUSING_VERB = (
    r"(?:verklaart|verklaarde|verklaren|veroorzaakt\w*|maakte|maakt|zorgde|zorgt|leidde|leidt"
    r"|explains?|explained|caused?|made|makes|led|leads|drove|drives|accounts?\s+for"
    r"|lies\s+behind|lay\s+behind|(?:is|was|were|are)\s+behind)"
)
_ACHIEVED = (
    r"(?:manage[sd]?\s+to|achieved?|succeed(?:ed|s)?\s+in|gehaald|behaald|bereikt|gelukt"
    r"|geslaagd|uitgekomen|voor\s+elkaar)"
)
REASON_QUESTION = re.compile(
    r"^(?:(?:volgens|according\s+to|in)\b[^,?]{0,60},\s*)?(?:"
    r"waarom|why|waardoor|waaraan|door\s+wat|hoe\s+komt|hoe\s+kwam|hoe\s+kan\s+het"
    r"|hoe\s+kon\s+het|how\s+come|how\s+(?:is|was)\s+it\s+that"
    r"|(?:om|for)\s+(?:welke|what)\s+(?:reden(?:en)?|reasons?)"
    rf"|(?:wat|welke?|what|which)\b(?:\s+\w+){{0,3}}?\s+{_REASON_NOUN}\b"
    rf"|(?:wat|what)\s+(?:\w+\s+)?{_CAUSING_VERB}\b"
    r"|(?:hoe|how)\s+(?:\w+\s+){0,3}?(?:verklaart|verklaarde|verklaren|explains?|explained)\b"
    r"|(?:hoe|how)\s+(?:is|zijn|heeft|hebben|kon|konden|wist|wisten|did|does|do|has|have|had"
    rf"|could|was|were)\b[^?]*\b{_ACHIEVED}\b"
    r")"
)
# The direction of a change (regex fragments over folded text, whole words; verbs in all
# their forms, separable ones too): a why-question about a fall is answered by a statement
# about a fall, not by a reason for something else nearby.
CHANGE_DIRECTIONS: dict[str, str] = {
    "down": (
        r"da(?:al|alt|alde|alden|len|lend\w*|ling\w*)|gedaald|afname|afgenomen"
        r"|n(?:am|amen|eemt|emen) (?:\w+ ){0,6}?af|minder|lager|teruggel\w*"
        r"|l(?:iep|iepen|oopt) (?:\w+ ){0,3}?terug"
        r"|krimp\w*|kromp|gekrompen|verlies|verloren|achteruit|halver\w*|gehalveerd"
        r"|fall\w*|fell|drop\w*|declin\w*|decreas\w*|fewer|less|lower|shr[iau]nk\w*|lost|loss"
    ),
    "up": (
        r"stijg\w*|steeg|stegen|gestegen|groei\w*|gegroeid|toename|toegenomen"
        r"|n(?:am|amen|eemt|emen) (?:\w+ ){0,6}?toe|meer|hoger|bijgekomen|erbij|verdubbel\w*"
        r"|ris(?:e|es|en|ing)|rose|grow\w*|grew|increas\w*|more|higher|gain\w*"
    ),
}
# Openers of a consequence, or of a sentence that points back at its reason: the reason is
# the sentence before ("... begrip voor de knelpunten. Daarom wordt de heffing uitgesteld.",
# "... 165 banen minder dan het quotum. Reden te meer om ...", "That is why ...").
CONSEQUENCE_OPENERS = (
    "^daarom",
    "^hierom",
    "^daardoor",
    "^hierdoor",
    "^om die reden",
    "^als gevolg daarvan",
    "^reden",
    r"^(?:dat|dit) is (?:ook |mede )?(?:de |een )?(?:reden|oorzaak|waarom)",
    "^therefore",
    "^for that reason",
    "^hence",
    "^as a result",
    r"^(?:that|this) is (?:also )?(?:the reason|why)",
)
# A sentence that reports a question asked, not its answer (folded): "Verschillende fracties
# vroegen hoe het kan dat ...", "Kamerleden wilden weten waarom ...", "MPs asked why ...";
# the sentences after it respond.
REPORTED_QUESTION = re.compile(
    r"(?<!\w)(?:vra(?:agt|gen)|vroegen?|gevraagd|wil(?:de|den|len)?\s+(?:graag\s+)?weten"
    r"|ask(?:s|ed)?|wonder(?:s|ed)?|want(?:s|ed)?\s+to\s+know)"
    r"\s+(?:\w+\s+){0,2}?(?:hoe|waarom|of|wat|welke?|wanneer|how|why|whether|what|which|when)"
    r"(?!\w)"
)
# A reason that points back at what it explains (folded): "een van de redenen voor dat
# hogere totaal", "de oorzaak daarvan", "the reason for this": that is the sentence before.
REASON_POINTS_BACK = re.compile(
    r"(?<!\w)(?:reden(?:en)?|oorza(?:ak|ken)|verklaring(?:en)?|reasons?|causes?|explanations?)"
    r"\s+(?:(?:voor|van|for|of|behind)\s+(?:dit|dat|deze|die|this|that|these|those)(?!\w)"
    r"|(?:daarvan|hiervan|daarvoor|hiervoor)(?!\w))"
)
# A sentence that gives a reason (regex fragments matched at a word start, "^" at the
# sentence's start, "$" a word end): a causal conjunction or preposition, a cause or credit
# phrase (all tenses), a consequence connective, a purpose, an obstacle; Dutch and English.
REASON_CUES = (
    # causal conjunctions and prepositions
    "omdat",
    "doordat",
    "want$",
    "^door ",
    r"(?:mede|vooral|deels|grotendeels|voornamelijk|onder meer|onder andere) door$",
    r"(?:komt|kwam|komen|kwamen)(?: \w+){0,3}? door$",
    "vanwege",
    "wegens",
    "als gevolg van",
    "ten gevolge van",
    "gevolg",
    "dankzij",
    "te danken",
    "met dank aan",
    "te wijten",
    "wijt",
    "toe te schrijven",
    r"(?:ligt|lag|liggen|lagen)(?: \w+){0,2}? aan$",
    "ligt in$",
    # cause, reason, explanation as words, and the phrases of relation
    "oorza",
    "reden",
    "verklar",
    "aanleiding",
    r"(?:hangt|hing|hangen|hingen)(?: \w+){0,3}? samen met",
    "samenhang",
    "te maken (?:met|heeft|had)",
    "vandaan",
    "voort(?:komt|kwam|komen| uit)",
    r"(?:leidt|leidde|leiden|leidden|geleid) tot",
    r"(?:zorgt|zorgde|zorgen|zorgden) ervoor",
    "bijgedragen",
    r"(?:draagt|droeg|dragen|droegen) bij",
    r"(?:een|belangrijke|grote) rol$",
    # consequence connectives: the sentence holds a cause and what it brought
    "waardoor",
    "hierdoor",
    "daardoor",
    "(?:en|dus) daarom$",  # "X heeft een voorbeeldrol en daarom is het belangrijk dat ..."
    # purpose: why someone does something
    "bedoeld",
    # what a step brings about, in the sentence after it ("... verzorgen de
    # bezoekersbegeleiding. Zo kunnen meer mensen aan het werk.")
    r"^(?:zo|op die manier|op deze manier|that way|this way|in this way) (?:kan|kunnen|kon|konden"
    r"|wordt|worden|werd|werden|can|could|will|is|are)$",
    "met als doel",
    # obstacles: why something is hard or held back
    "bang",
    "vrees",
    "terughoudend",
    "ingewikkeld",
    "lastig",
    "moeilijk",
    "knelpunt",
    "belemmer",
    # a caveat: why a figure says less than it seems ("een kanttekening is dat ...")
    "kanttekening",
    "keerzijde",
    "caveat",
    "downside",
    "drawback",
    "risico",
    "niet sluitend",
    "met zich mee",
    "niet volledig",
    "kosten",
    # the letters' own recurring causes
    "corona",
    "succesvol",
    "budget",
    # English
    "because",
    "due to",
    "owing to",
    "thanks to",
    "as a result",
    "caused",
    "reason",
    "explain",
    "therefore",
    "hence$",
    "so that",
    "in order to",
    r"(?:led|leads?) to",
    "contribut",
    *CONSEQUENCE_OPENERS,
)
