"""Vocabularies: canonical sector and metric ids (eval/GOLD.md) and the words that signal them.

Everything language-specific the figure extractor relies on lives here as tables, so a new
wording is a new table row, not new code. Patterns are regular expressions matched
case-insensitively on whitespace-normalised text with typographic apostrophes folded to "'".
"""

from __future__ import annotations

import re
from functools import lru_cache

from banen_qa.models import Unit
from banen_qa.text import fold_quotes

# --- sectors -------------------------------------------------------------------------------

SECTORS: dict[str, list[str]] = {
    "totaal": ["totaal", "alle werkgevers", "all employers", "landelijk totaal", "grand total"],
    "marktsector": ["marktsector", "market sector", "private sector", "bedrijfsleven"],
    "overheid": [
        "overheid",
        "overheidssector",
        "overheid en onderwijs",
        "overheids- en onderwijssectoren",
        "sector overheid",
        "overheidswerkgevers",
        "publieke sector",
        "government",
        "government sector",
        "government and education",
        "public sector",
    ],
    "rijk": [
        "Rijk",
        "het Rijk",
        "Rijksoverheid",
        "rijksoverheid",
        "ministeries",
        "departementen",
        "central government",
        "ministries",
    ],
    "defensie": ["defensie", "ministerie van defensie", "defence", "defense", "armed forces"],
    "politie": ["politie", "nationale politie", "police", "national police"],
    "gemeenten": [
        "gemeenten",
        "gemeentes",
        "gemeente",
        "VNG",
        "Vereniging Nederlandse Gemeenten",
        "municipalities",
        "municipality",
    ],
    "provincies": [
        "provincies",
        "provincie",
        "IPO",
        "Interprovinciaal Overleg",
        "provinces",
        "province",
    ],
    "waterschappen": [
        "waterschappen",
        "waterschap",
        "Unie van Waterschappen",
        "water boards",
        "water board",
        "water authorities",
    ],
    "zbo": [
        "zbo",
        "zbo's",
        "zbos",
        "zelfstandige bestuursorganen",
        "zelfstandig bestuursorgaan",
        "independent administrative bodies",
        "autonomous administrative authorities",
    ],
    "funderend_onderwijs": [
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
    ],
    "mbo": [
        "mbo",
        "mbo-sector",
        "middelbaar beroepsonderwijs",
        "mbo raad",
        "mbo-instellingen",
        "secondary vocational education",
        "vocational education",
    ],
    "hbo": [
        "hbo",
        "hoger beroepsonderwijs",
        "hogescholen",
        "hogeschool",
        "vereniging hogescholen",
        "universities of applied sciences",
        "higher professional education",
    ],
    "wo": [
        "wo",
        "wetenschappelijk onderwijs",
        "universiteiten",
        "universiteit",
        "universiteiten van nederland",
        "UNL",
        "VSNU",
        "universities",
        "university education",
    ],
    "onderzoeksinstellingen": [
        "onderzoeksinstellingen",
        "onderzoeksinstelling",
        "WVOI",
        "research institutes",
        "research institutions",
        "research organisations",
        "research organizations",
    ],
    "umc": [
        "umc",
        "umc's",
        "umcs",
        "universitair medische centra",
        "universitaire medische centra",
        "universitair medisch centrum",
        "NFU",
        "academische ziekenhuizen",
        "university medical centres",
        "university medical centers",
        "academic hospitals",
    ],
}

# Aliases that are ordinary words in another sense unless capitalised ("een rijk aanbod").
CASE_SENSITIVE_ALIASES = {"Rijk", "IPO", "VNG", "UNL", "NFU", "WVOI", "VSNU"}

# Phrases that contain an alias but name no sector ("in totaal 870 banen" is "in total").
NOT_SECTOR_PHRASES = [
    "in totaal",
    "totaal aantal",
    "het totaal aantal",
    "totaal van",
    "een totaal",
    "totale aantal",
]

# Groups that contain other sectors: a more specific section heading wins over these.
BROAD_SECTORS = {"totaal", "overheid"}

SECTOR_LABELS: dict[str, tuple[str, str]] = {
    "totaal": ("alle werkgevers", "all employers"),
    "marktsector": ("marktsector", "market sector"),
    "overheid": ("overheid en onderwijs", "government and education"),
    "rijk": ("Rijk", "central government"),
    "defensie": ("Defensie", "Defence"),
    "politie": ("Politie", "Police"),
    "gemeenten": ("gemeenten", "municipalities"),
    "provincies": ("provincies", "provinces"),
    "waterschappen": ("waterschappen", "water boards"),
    "zbo": ("zbo's", "independent administrative bodies"),
    "funderend_onderwijs": ("funderend onderwijs (po/vo)", "primary and secondary education"),
    "mbo": ("mbo", "secondary vocational education"),
    "hbo": ("hbo", "universities of applied sciences"),
    "wo": ("universiteiten (wo)", "universities"),
    "onderzoeksinstellingen": ("onderzoeksinstellingen", "research institutes"),
    "umc": ("UMC's", "university medical centres"),
}


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
        return r"(?<![\w'])(?:" + "|".join(_alias_pattern(a) for a in aliases) + r")(?![\w'])"

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


# --- metrics -------------------------------------------------------------------------------

METRICS: dict[str, str] = {
    "realised_jobs": "jobs realised (gerealiseerd, ingevuld, realisatie van N banen)",
    "target_jobs": "jobs target for that year (doel, doelstelling, opgave, quotum in banen)",
    "realisation_pct": "realised as % of target/quota (realisatiepercentage, N% van het quotum)",
    "realised_jobs_own": "part realised in own employment/secondment (eigen dienst, detachering)",
    "realised_jobs_sroi": "part realised through procurement (via SROI / inkoop)",
    "quota_pct": "quota as % of the workforce (quotumpercentage)",
    "baseline_jobs": "jobs at the baseline measurement (nulmeting)",
}

UNITS_BY_METRIC: dict[str, Unit] = {
    "realised_jobs": "jobs",
    "target_jobs": "jobs",
    "realisation_pct": "pct",
    "realised_jobs_own": "jobs",
    "realised_jobs_sroi": "jobs",
    "quota_pct": "pct",
    "baseline_jobs": "jobs",
}

# Where a sentence names no sector: the quota percentage (Wet banenafspraak en quotum) is set
# for government and education employers only.
DEFAULT_SECTOR_BY_METRIC = {"quota_pct": "overheid"}

# A quota percentage is a standing norm and the baseline a fixed point: they are dated only
# where the text dates them; every other metric falls back to the year the report is about.
UNDATED_METRICS = {"quota_pct", "baseline_jobs"}

# Cue words for each metric, matched anywhere in the value's sentence; the cue nearest to
# the value (in the same clause) decides. Where two cues overlap the longer one counts.
JOB_CUES: dict[str, list[str]] = {
    "realised_jobs": [
        r"gerealiseerd\w*",
        r"realiseerde\w*",
        r"realiseert",
        r"realiseren\s+zij",
        r"ingevuld",
        r"invulde\w*",
        r"realisatie\s+van",
        r"realisatie\b",
        r"realisatie\s+(?:komt|kwam)\s+uit",
        r"(?:kwam|kwamen|komt|komen)\s+(?:\w+\s+)?uit\s+op",
        r"uitgekomen\s+op",
        r"neerkomt\s+op",
        r"telde\w*",
        r"\btelt\b",
        r"stand\s+van",
        r"\bstond(?:en)?\b",
        r"teller",
        r"(?:gestegen|gegroeid|toegenomen|gedaald|afgenomen)\s+(?:tot|naar)",
        r"bereikt",
        r"behaald",
        r"aantal\s+(?:gerealiseerde\s+)?(?:banen|plaatsingen)",
        r"werkzaam",
        r"in\s+dienst\s+hadden",
        r"realis(?:ed|ation\s+of)",
        r"realiz(?:ed|ation\s+of)",
        r"achieved",
        r"filled",
        r"created",
        r"reached",
        r"counted",
        r"came\s+to",
        r"amounted\s+to",
    ],
    "target_jobs": [
        r"doel(?:en|stelling\w*)?\b",
        r"opgave",
        r"quotum\b",
        r"taakstelling\w*",
        r"streefcijfer\w*",
        r"ambitie",
        r"te\s+realiseren",
        r"moet\w*\s+(?:\w+\s+){0,4}realiseren",
        r"afspraak\s+van",
        r"target\w*",
        r"goal",
        r"objective",
        r"quota\b",
        r"to\s+be\s+realised",
    ],
    "baseline_jobs": [r"nulmeting\w*", r"uitgangssituatie", r"baseline", r"startpunt"],
}

# Breakdown cues count only right after the value ("346 in eigen dienst", "210 via SROI").
BREAKDOWN_CUES: dict[str, list[str]] = {
    "realised_jobs_own": [
        r"(?:in\s+)?eigen\s+dienst",
        r"detacher\w*",
        r"in\s+dienst\s+van",
        r"op\s+de\s+eigen\s+loonlijst",
        r"own\s+(?:employment|staff|payroll)",
        r"secondment\w*",
        r"directly\s+employed",
    ],
    "realised_jobs_sroi": [
        r"(?:via\s+)?sroi",
        r"via\s+(?:de\s+)?inkoop",
        r"via\s+inhuur",
        r"social\s+return",
        r"(?:via|through)\s+procurement",
        r"via\s+aanbesteding\w*",
    ],
}

PCT_CUES: dict[str, list[str]] = {
    "realisation_pct": [
        r"realisatie\w*",
        r"van\s+(?:het|de|hun|zijn|haar)\s+(?:quotum|doel\w*|opgave|taakstelling)",
        r"behaald",
        r"gerealiseerd",
        r"bereikt",
        r"realis(?:ation|ed)",
        r"realiz(?:ation|ed)",
        r"of\s+(?:the|its|their)\s+(?:quota|target|goal)",
        r"achieved",
    ],
    "quota_pct": [
        r"quotumpercentage\w*",
        r"quotum\b",
        r"quota\s+percentage",
        r"quota\b",
        r"wettelijk\s+percentage",
    ],
}

# Nouns after a value that make it a jobs figure ("banen", "participatiebanen", "jobs").
JOB_UNIT = r"(?<!loop)\w*banen\b|arbeidsplaatsen|plaatsingen|jobs\b|werkplekken"

# Nouns after a number that count something other than jobs for the target group.
NON_JOB_NOUNS = (
    r"medewerkers|werknemers|mensen|personen|kandidaten|deelnemers|werkgevers|organisaties"
    r"|instellingen|scholen|besturen|leden|uur|uren|jaar|jaren|maanden|weken|dagen|keer"
    r"|euro|miljoen|miljard|procentpunt\w*|fte|employees|people|persons|hours|years|months"
    r"|institutions|organisations|organizations|schools|times|percentage\s*points?"
)

# Words around a number that make it a change, not a level ("groei van 300 banen").
DELTA_CUES = (
    r"(?:groei|stijging|toename|afname|daling|verschil|increase|decrease|growth|rise)\s+van"
    r"|(?:increase|decrease|growth|rise)\s+of"
)
# ("extra banen" is how the Banenafspraak counts jobs above the baseline: not a change)
DELTA_AFTER = (
    r"(?:\w+\s+)?(?:meer|minder|nieuwe|more|fewer|new|gestegen|gedaald|toegenomen|afgenomen"
    r"|gegroeid|increased|decreased|grew)\b"
)
# Words just before a number that make it a number of jobs even without "banen" after it,
# provided the sentence speaks of jobs ("de doelstelling: 4.500", "kwam uit op 1.650").
IMPLIED_JOB_BEFORE = (
    r"(?:realisatie|doel|doelstelling|opgave|quotum|taakstelling|nulmeting|aantal|stand|teller"
    r"|target|quota|baseline)\s+(?:\w+\s+){0,3}?(?:van|op|is|was|bedroeg|bedraagt|of)\s*$"
    r"|(?:realisatie|doel|doelstelling|opgave|quotum|taakstelling|nulmeting|target|quota"
    r"|baseline)\s*[:=]\s*$"
    r"|(?:uit\s+op|neer\s+op|bedroeg|bedraagt|telde\w*|amounted\s+to|came\s+to|totalled)\s*$"
    r"|(?:gestegen|gegroeid|toegenomen|gedaald|afgenomen|risen|grown)\s+(?:tot|naar|op|to)\s*$"
)
# A percentage that describes coverage rather than a quota ("79% van het personeel").
PCT_NOT_METRIC_AFTER = (
    r"(?:van|of)\s+(?:het|de|the|all)?\s*(?:personeel|werknemers|medewerkers|staff|employees"
    r"|instellingen|institutions|respondenten|respondents)"
)

# Year context.
COMPARISON_BEFORE = (
    r"(?:ten\s+opzichte\s+van|t\.o\.v\.|tegenover|vergeleken\s+met|in\s+vergelijking\s+met"
    r"|vergeleken\s+bij|dan\s+in|sinds|vanaf|compared\s+(?:to|with)|than\s+in|since|against)"
    r"\s+(?:eind\s+|end\s+|het\s+jaar\s+|de\s+|\d{1,2}\s+[a-z]+\s+)?$"
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
MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    r"|january|february|march|may|june|july|august|october"
)
# A sentence that opens like this continues the previous one: it inherits its year.
CONTINUATION = (
    r"^\W*(?:daarmee|hiermee|waarmee|dat\s+is|dit\s+is|daarvan|hiervan|zij|ze|dit\s+betekent"
    r"|dat\s+betekent|that\s+is|this\s+is|of\s+these|thus|they)\b"
)
# Where one clause of a sentence ends and the next begins.
CLAUSE_BREAK = (
    r"[;:()]|,\s|\s(?:en|maar|terwijl|waarmee|waarvan|waarbij|tegenover|dan|and|but|while"
    r"|whereas|compared)\s"
)
# Words that tie a year to the value just before it ("59% in 2019", "5.250 banen in 2023").
YEAR_AFTER_VALUE = (
    r"^\s*(?:(?:\w*banen|jobs|arbeidsplaatsen)\s+)?"
    r"(?:in|over|voor|per|eind|ultimo|medio|by|for)\s+(?:het\s+jaar\s+)?$"
)
# Words that tie a year to the value just after it ("in 2020 331 banen", "2019: 297").
YEAR_BEFORE_VALUE = r"^\s*[:=]?\s*(?:(?:waren|was|is|zijn|were)\s+(?:het\s+|er\s+)?)?$"
# Numbers that are references, not figures: Kamerstukken, article/issue numbers, sessions.
REFERENCE_PATTERNS = [
    r"\b\d{2}\s\d{3}(?:-[A-Z]+)?,?\s+nr\.\s*\d+",  # 34 352, nr. 165
    r"\b(?:nr|nummer|no|art|artikel|article|bijlage|annex|tabel|table|figuur|figure|pagina|page|blz|p)\.?\s+\d+",
    r"\b(?:19|20)\d\d\s*[/–-]\s*(?:19|20)?\d\d\b",  # 2018/19, 2021-2022 (periods)
    r"https?://\S+|www\.\S+",
    r"\b\d+\s+(?:van|uit|of|out\s+of)\s+(?:de|het|the|in\s+totaal)?\s*\d+\b",  # 21 van de 36
    r"\b\d{1,2}:\d{2}\b",  # times
    r"€\s*\d[\d.,]*|\b\d[\d.,]*\s*(?:euro|EUR)\b",  # money
]

# A paragraph that titles a table.
TABLE_CAPTION = r"^\s*(?:tabel|table|overzicht|figuur|figure|grafiek)\b"

# Table column headers and captions: shorter than sentences, so bare nouns count. Checked in
# this order; the first metric whose cue the header (else the caption) holds wins.
TABLE_JOB_CUES: dict[str, list[str]] = {
    "realised_jobs_own": BREAKDOWN_CUES["realised_jobs_own"],
    "realised_jobs_sroi": BREAKDOWN_CUES["realised_jobs_sroi"],
    "baseline_jobs": [r"nulmeting\w*", r"baseline", r"uitgangssituatie"],
    "target_jobs": [
        r"doel\b",
        r"doelstelling\w*",
        r"opgave",
        r"quotum\b",
        r"taakstelling",
        r"streefcijfer",
        r"target",
        r"quota\b",
        r"goal",
    ],
    "realised_jobs": [
        r"realisatie",
        r"gerealiseerd\w*",
        r"\w*banen\b",
        r"aantal",
        r"stand",
        r"realised",
        r"realized",
        r"jobs",
        r"ingevuld",
    ],
}
TABLE_PCT_HEADER = r"%|percentage|procent|percent|\bpct\b"
TABLE_PCT_CUES: dict[str, list[str]] = {
    "realisation_pct": PCT_CUES["realisation_pct"],
    "quota_pct": [r"quotumpercentage\w*", r"quota\s+percentage", r"quotum\s*\(?%"],
}
# Words between a number and "banen" that still make it a number of jobs ("5.500 duurzame
# banen"), unlike "in 2 het aantal banen".
NOT_JOB_ADJECTIVE = r"(?:de|het|een|der|van|in|op|voor|aan|bij|met|the|a|of|in|at|for|and|en)\b"
