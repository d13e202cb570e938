"""What a generated letter says: a consistent world of Banenafspraak figures and Dutch prose.

A `World` holds one set of true figures per (sector, year), so two letters that report the
same fact report the same number. `write_letter` turns a slice of that world into a `Letter`:
blocks of Dutch text (headings, paragraphs, bullets, tables) and, for every figure the text
states, a `Fig` with its quote. Pages are unknown here; `generate.py` finds them after layout.

Footnote calls are written inline as "{fn:text of the note}"; the renderer numbers them.
Soft hyphens (U+00AD) in long words let the renderer hyphenate at line ends.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

YEARS = range(2015, 2027)
SH = "\u00ad"  # soft hyphen

# Sector id -> (heading, [(phrase as grammatical subject, plural?)]).
SECTORS: dict[str, tuple[str, list[tuple[str, bool]]]] = {
    "rijk": ("Rijk", [("het Rijk", False), ("de sector Rijk", False)]),
    "defensie": ("Defensie", [("Defensie", False)]),
    "politie": ("Politie", [("de politie", False), ("de Nationale Politie", False)]),
    "gemeenten": ("Gemeenten", [("de gemeenten", True)]),
    "provincies": ("Provincies", [("de provincies", True)]),
    "waterschappen": ("Waterschappen", [("de waterschappen", True)]),
    "zbo": (
        "Zelfstandige bestuursorganen",
        [("de zbo's", True), ("de zelfstandige bestuursorganen", True)],
    ),
    "funderend_onderwijs": (
        "Funderend onderwijs",
        [("het funderend onderwijs", False), ("het primair en voortgezet onderwijs", False)],
    ),
    "mbo": ("Middelbaar beroepsonderwijs", [("de mbo-instellingen", True)]),
    "hbo": ("Hoger beroepsonderwijs", [("de hbo-instellingen", True), ("de hogescholen", True)]),
    "wo": ("Universiteiten", [("de universiteiten", True)]),
    "onderzoeksinstellingen": ("Onderzoeksinstellingen", [("de onderzoeksinstellingen", True)]),
    "umc": (
        "Universitair medische centra",
        [("de UMC's", True), ("de universitair medische centra", True)],
    ),
    "marktsector": (
        "Marktsector",
        [("de marktsector", False), ("werkgevers in de marktsector", True)],
    ),
    "overheid": (
        "Overheid en onderwijs",
        [("de sector overheid", False), ("de overheidswerkgevers", True)],
    ),
    "totaal": ("Totaal", [("alle werkgevers samen", True)]),
}
GOVERNMENT = ["rijk", "defensie", "politie", "gemeenten", "provincies", "waterschappen", "zbo"]
EDUCATION = ["funderend_onderwijs", "mbo", "hbo", "wo", "onderzoeksinstellingen", "umc"]
NATIONAL = ["marktsector", "overheid", "totaal"]

# Rough size of each sector's 2026 target, so the numbers look like the real ones.
TARGET_2026 = {
    "rijk": 5200,
    "defensie": 760,
    "politie": 780,
    "gemeenten": 6400,
    "provincies": 420,
    "waterschappen": 480,
    "zbo": 2100,
    "funderend_onderwijs": 5600,
    "mbo": 1300,
    "hbo": 1100,
    "wo": 2000,
    "onderzoeksinstellingen": 160,
    "umc": 1300,
    "marktsector": 100000,
    "overheid": 25000,
    "totaal": 125000,
}
FRACTIONAL = {"onderzoeksinstellingen", "zbo", "marktsector", "overheid", "totaal", "hbo"}
QUARTERS = {1: "eerste", 2: "tweede", 3: "derde"}
MINISTRIES = {
    "BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
}
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def nl_number(value: float, decimals: int = 0) -> str:
    """Dutch notation: 5500 -> '5.500', 306.17 -> '306,17'."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass
class Fig:
    """A figure the text states, before layout: `quote` must contain `value_text`."""

    sector: str
    year: int | None
    metric: str
    value: float
    value_text: str
    quote: str
    note: str = ""
    quarter: int | None = None

    @property
    def unit(self) -> str:
        return "pct" if self.metric in ("realisation_pct", "quota_pct") else "jobs"


@dataclass
class Block:
    """One piece of the letter body. kind: heading | para | bullets | table | spacer."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # table rows, header first
    figs: list[Fig] = field(default_factory=list)
    level: int = 1
    bullet: str = "•"  # for bullets: "•", "pua" (U+F0B7 in a Symbol-like font), "symbol", "–"


@dataclass
class Letter:
    name: str  # file stem, starts with "synth-"
    title: str
    ministry: str
    year: int  # the year the letter reports on
    date: str
    layout: str  # kamerbrief | eenkolom | rapport
    blocks: list[Block]
    signer: str

    @property
    def figs(self) -> list[Fig]:
        return [f for b in self.blocks for f in b.figs]


@dataclass
class SectorYear:
    target: float
    realised: float
    own: float
    sroi: float


class World:
    """True figures for every sector and year; letters report slices of it."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"world-{seed}")
        self.data: dict[tuple[str, int], SectorYear] = {}
        self.baseline: dict[str, int] = {}
        self.quota_pct = {y: round(rng.uniform(1.7, 2.6), 2) for y in YEARS}
        for sector, top in TARGET_2026.items():
            frac = sector in FRACTIONAL
            self.baseline[sector] = round(top * rng.uniform(0.02, 0.08))
            ratio = rng.uniform(0.55, 1.05)
            for y in YEARS:
                target = round(top * (y - 2013) / 13)
                ratio = min(1.3, max(0.4, ratio + rng.uniform(-0.06, 0.09)))
                realised = target * ratio
                realised = round(realised, 2) if frac else float(round(realised))
                own = round(realised * rng.uniform(0.55, 0.9), 2 if frac else 0)
                self.data[(sector, y)] = SectorYear(
                    float(target), realised, own, round(realised - own, 2)
                )
        for y in YEARS:  # all employers = market sector + government, as in the real reports
            m, o = self.get("marktsector", y), self.get("overheid", y)
            realised = round(m.realised + o.realised, 2)
            own = round(m.own + o.own, 2)
            self.data[("totaal", y)] = SectorYear(
                m.target + o.target, realised, own, round(realised - own, 2)
            )

    def get(self, sector: str, year: int) -> SectorYear:
        return self.data[(sector, year)]


def jobs_text(sector: str, value: float) -> str:
    return nl_number(value, 2 if sector in FRACTIONAL and value != int(value) else 0)


def pct_of(fig_r: float, fig_t: float, decimals: int) -> tuple[float, str]:
    value = round(fig_r / fig_t * 100, decimals)
    return value, nl_number(value, decimals)


def plain(text: str) -> str:
    """Text as a reader sees it: footnote calls and soft hyphens removed."""
    return re.sub(r"\{fn:[^}]*\}", "", text).replace(SH, "")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- prose that carries no figures ---------------------------------------------------------

FILLER = [
    "De sector zet in op duurzame plaatsingen en besteedt daarbij aandacht aan goede "
    f"begeleiding op de werkvloer en een passende werk{SH}omgeving.",
    f"Werkgevers geven aan dat de corona{SH}maatregelen het realiseren van nieuwe banen hebben "
    "bemoeilijkt, omdat begeleiding op afstand lastiger is.",
    f"Een deel van de doelgroep heeft baat bij een vaste structuur, die bij thuiswerken "
    f"moeilijker te bieden is dan op de werk{SH}locatie.",
    "Er is een netwerk van contactpersonen ingericht dat kennis en ervaring uitwisselt en "
    "goede voorbeelden verspreidt onder de aangesloten organisaties.",
    "Daarnaast wordt gewerkt aan het verbeteren van de registratie in het "
    f"doelgroepen{SH}register, "
    "zodat de resultaten beter zichtbaar worden.",
    f"In de cao is een aparte functie{SH}schaal opgenomen, waardoor het eenvoudiger is om functies "
    "te creëren die aansluiten bij de mogelijkheden van de doelgroep.",
    f"De sector wil de komende jaren meer aandacht besteden aan job{SH}carving en aan het "
    "herontwerpen van werkprocessen.",
    f"Leidinggevenden krijgen ondersteuning bij het werven en begeleiden van medewerkers met een "
    f"arbeids{SH}beperking, bijvoorbeeld via een helpdesk en een handreiking.",
    "Ook is er aandacht voor het behoud van banen: niet alleen het aantal nieuwe plaatsingen "
    "telt, maar ook de duurzaamheid ervan.",
    f"Regionale werkgevers{SH}servicepunten spelen een belangrijke rol bij het vinden van "
    "geschikte "
    "kandidaten voor openstaande vacatures.",
    f"De organisaties delen hun ervaringen tijdens bijeenkomsten en via een online "
    f"kennis{SH}platform dat door de sector wordt beheerd.",
    f"Het werkgevers{SH}forum heeft dit onderwerp regelmatig op de agenda gezet, zodat bestuurders "
    "op de hoogte zijn en waar nodig kunnen bijsturen.",
    f"Verschillende organisaties bieden stages en proefplaatsingen aan om kandidaten kennis te "
    f"laten maken met het werk en de werk{SH}omgeving.",
    "Uit gesprekken met werkgevers blijkt dat vooral het vinden van passende functies een "
    "blijvende uitdaging is.",
    f"Bij inkoop en aanbesteding wordt social return steeds vaker als voorwaarde opgenomen in "
    f"de over{SH}eenkomst met leveranciers.",
]

BULLETS = [
    "Monitoren en informatie delen: het organiseren van themadagen en het delen van cijfers.",
    "Innoveren door te experimenteren met stages en traineeships op maat voor de doelgroep.",
    "Consolideren en verduurzamen van bestaande banen, onder meer via vaste contracten.",
    "Uitdragen van inclusie op sociale media en in samenwerking met andere sectoren.",
    "Ondersteunen van leidinggevenden met een handreiking en een helpdesk.",
    "Verbeteren van de registratie in de personeelssystemen van de organisaties.",
    "Stimuleren van social return bij inkoop en aanbesteding.",
    "Organiseren van regionale bijeenkomsten voor werkgevers en kandidaten.",
]


def distractor(rng: random.Random, year: int) -> str:
    """A sentence with numbers that are not Banenafspraak figures (dates, counts, references)."""
    options = [
        f"Op {rng.randint(2, 28)} {rng.choice(MONTHS)} {year + 1} is uw Kamer geïnformeerd over "
        "de werkagenda's per sector.",
        f"In {year} zijn {rng.choice(['twaalf', '14', '23', '31'])} medewerkers opgeleid tot "
        "interne jobcoach.",
        f"De cijfers zijn gebaseerd op de opgave van {rng.randint(12, 30)} van de "
        f"{rng.randint(31, 45)} instellingen.",
        f"Aan de regionale bijeenkomsten namen {rng.randint(40, 180)} werkgevers deel, verdeeld "
        f"over {rng.randint(4, 9)} regio's.",
        f"Het programma loopt sinds 1 juli {year - rng.randint(1, 3)} en wordt op "
        f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year + 2} afgerond.",
        f"Dit is eerder toegelicht in de brief van {rng.randint(2, 28)} {rng.choice(MONTHS)} "
        f"{year} (Kamerstukken II {year - 1}/{str(year)[2:]}, 34 352, nr. "
        f"{rng.randint(150, 320)}).",
        f"Daarbij werken {rng.choice(['twee', 'drie', 'vier'])} van de twaalf provincies samen in "
        "een gezamenlijk projectleiderschap.",
        f"De helpdesk beantwoordde dit jaar {rng.randint(200, 900)} vragen van leidinggevenden.",
    ]
    return rng.choice(options)


def kamerstuk_note(rng: random.Random, year: int) -> str:
    y = year - rng.randint(0, 3)
    return f"Kamerstukken II {y - 1}/{str(y)[2:]}, 34 352, nr. {rng.randint(150, 330)}."


# --- sentences that carry figures ----------------------------------------------------------


class Writer:
    """Writes figure sentences for one letter; every sentence returns (text, figs)."""

    def __init__(self, world: World, rng: random.Random, year: int) -> None:
        self.w, self.rng, self.year = world, rng, year

    def subject(self, sector: str) -> tuple[str, bool]:
        return self.rng.choice(SECTORS[sector][1])

    def realised(self, s: str, y: int, *, implicit_year: bool = False) -> tuple[str, list[Fig]]:
        rng = self.rng
        subj, plural = self.subject(s)
        heeft = "hebben" if plural else "heeft"
        v = self.w.get(s, y).realised
        r = jobs_text(s, v)
        if implicit_year:
            text = f"Door {subj} zijn in totaal {r} participatiebanen gerealiseerd."
            note = "year implicit: the letter reports on this year"
        else:
            text = rng.choice(
                [
                    f"In {y} {heeft} {subj} {r} banen gerealiseerd.",
                    f"{cap(subj)} {'realiseerden' if plural else 'realiseerde'} in {y} {r} banen "
                    "voor mensen uit de doelgroep.",
                    f"Het aantal banen bij {subj} kwam in {y} uit op {r}.",
                    f"Eind {y} {'telden' if plural else 'telde'} {subj} {r} banen voor mensen met "
                    f"een arbeids{SH}beperking.",
                    f"In {y} {heeft} {subj} gezamenlijk {r} banen ingevuld.",
                    f"Voor {subj} bedroeg de realisatie in {y} {r} banen.",
                ]
            )
            note = ""
        return text, [Fig(s, y, "realised_jobs", v, r, plain(text).rstrip("."), note)]

    def target(self, s: str, y: int, *, this_year: bool = False) -> tuple[str, list[Fig]]:
        subj, plural = self.subject(s)
        v = self.w.get(s, y).target
        t = nl_number(v)
        if this_year:
            text = self.rng.choice(
                [
                    f"Het quotum over dit jaar bedroeg {t} banen.",
                    f"De opgave voor dit jaar was {t} banen.",
                ]
            )
            note = "'dit jaar' refers back to the year of the previous sentence"
        else:
            text = self.rng.choice(
                [
                    f"Het doel van {subj} was in {y} {t} banen.",
                    f"De opgave voor {subj} bedroeg in {y} {t} banen.",
                    f"{cap(subj)} {'hadden' if plural else 'had'} voor {y} een doelstelling van "
                    f"{t} banen.",
                    f"Het quotum van {subj} kwam voor {y} neer op {t} banen.",
                ]
            )
            note = "target for a later year" if y > self.year else ""
        return text, [Fig(s, y, "target_jobs", v, t, plain(text).rstrip("."), note)]

    def pct(self, s: str, y: int, *, previous: bool = False) -> tuple[str, list[Fig]]:
        d = self.w.get(s, y)
        v, p = pct_of(d.realised, d.target, self.rng.choice([0, 1]))
        form = self.rng.choice(["%", "%", " procent"])
        figs = []
        if previous and y - 1 >= 2015:
            d0 = self.w.get(s, y - 1)
            v0, p0 = pct_of(d0.realised, d0.target, 0)
            text = f"Dat is een realisatiepercentage van {p}{form} tegenover {p0}% in {y - 1}."
            figs.append(
                Fig(
                    s,
                    y - 1,
                    "realisation_pct",
                    v0,
                    f"{p0}%",
                    f"tegenover {p0}% in {y - 1}",
                    "earlier year in the same sentence",
                )
            )
        else:
            text = self.rng.choice(
                [
                    f"Dat is een realisatiepercentage van {p}{form}.",
                    f"Daarmee is {p}{form} van het quotum behaald.",
                    f"Daarmee komt de realisatie neer op {p}{form} van de opgave.",
                ]
            )
        figs.insert(
            0,
            Fig(
                s,
                y,
                "realisation_pct",
                v,
                f"{p}{form}",
                plain(text).rstrip("."),
                "percentage written as 'procent'" if "procent" in form else "",
            ),
        )
        return text, figs

    def own_sroi(self, s: str, y: int) -> tuple[str, list[Fig]]:
        d = self.w.get(s, y)
        o, r = jobs_text(s, d.own), jobs_text(s, d.sroi)
        text = self.rng.choice(
            [
                f"Hiervan zijn {o} banen gerealiseerd in eigen "
                f"dienst en via detachering, en {r} via "
                "SROI.",
                f"Van deze banen zijn er {o} in eigen dienst of via "
                f"een detacherings{SH}overeenkomst "
                f"ingevuld en {r} via inkoop (SROI).",
            ]
        )
        q = plain(text).rstrip(".")
        cut = q.index(f" {r} via")
        own_quote = q[:cut].removesuffix(" en").rstrip(",")
        return text, [
            Fig(s, y, "realised_jobs_own", d.own, o, own_quote),
            Fig(
                s,
                y,
                "realised_jobs_sroi",
                d.sroi,
                r,
                q[cut + 1 :],
                "via procurement (social return)",
            ),
        ]

    def series(self, s: str, years: list[int]) -> tuple[str, list[Fig]]:
        subj, plural = self.subject(s)
        vals = [self.w.get(s, y).realised for y in years]
        texts = [jobs_text(s, v) for v in vals]
        ys = ", ".join(str(y) for y in years[:-1]) + f" en {years[-1]}"
        vs = (
            "; ".join(texts[:-1]) + f" en {texts[-1]}"
            if any("," in t for t in texts)
            else ", ".join(texts[:-1]) + f" en {texts[-1]}"
        )
        text = (
            f"{cap(subj)} {'melden' if plural else 'meldt'} voor de jaren {ys} "
            f"achtereenvolgens een realisatie van {vs} banen."
        )
        q = plain(text).rstrip(".")
        q = q[q.index("voor de jaren") :]
        return text, [
            Fig(s, y, "realised_jobs", v, t, q, "'achtereenvolgens': years paired with values")
            for y, v, t in zip(years, vals, texts, strict=True)
        ]

    def quarter(self, s: str, y: int, q: int) -> tuple[str, list[Fig]]:
        d0, d1 = self.w.get(s, y - 1), self.w.get(s, y)
        v = round(d0.realised + (d1.realised - d0.realised) * q / 4, 2)
        r = nl_number(v, 2 if v != int(v) else 0)
        subj, plural = self.subject(s)
        text = self.rng.choice(
            [
                f"In het {QUARTERS[q]} kwartaal van {y} {'telden' if plural else 'telde'} {subj} "
                f"{r} banen.",
                f"Over het {QUARTERS[q]} kwartaal van {y} kwam het "
                f"aantal banen bij {subj} uit op {r}.",
            ]
        )
        return text, [
            Fig(s, y, "realised_jobs", v, r, plain(text).rstrip("."), f"quarter {q}", quarter=q)
        ]

    def baseline(self, s: str) -> tuple[str, list[Fig]]:
        v = self.w.baseline[s]
        b = nl_number(v)
        subj, plural = self.subject(s)
        if self.rng.random() < 0.5:
            text = (
                f"Bij de nulmeting eind 2012 {'telden' if plural else 'telde'} {subj} {b} "
                "banen voor de doelgroep."
            )
            return text, [Fig(s, 2012, "baseline_jobs", v, b, plain(text).rstrip("."))]
        text = f"Voor {subj} wordt de groei gemeten ten opzichte van de nulmeting van {b} banen."
        return text, [
            Fig(s, None, "baseline_jobs", v, b, plain(text).rstrip("."), "baseline without a year")
        ]

    def quota(self, y: int | None) -> tuple[str, list[Fig]]:
        v = self.w.quota_pct[y or self.year]
        p = nl_number(v, 2)
        if y is None:
            text = (
                f"Hierbij dient te worden opgemerkt dat het beoogde quotum{SH}percentage "
                f"({p}%) nog niet behaald is."
            )
            quote = f"het beoogde quotumpercentage ({p}%) nog niet behaald is"
            return text, [Fig("overheid", None, "quota_pct", v, f"{p}%", quote, "no year stated")]
        text = f"Het quotumpercentage voor {y} is vastgesteld op {p}%."
        return text, [Fig("overheid", y, "quota_pct", v, f"{p}%", plain(text).rstrip("."))]
