"""Compose whole letters from the world: which sectors, which wordings, which tables.

Three kinds, each with its own mix of prose and tables:
- voortgang: progress letter on the government and education sectors (BZK style), prose per
  sector with varied wordings, a sector table, bullets, footnotes;
- trend: national trend report (SZW style): quarters, market sector and totals, baseline,
  a years-by-sector table and a sector table;
- sector: one sector's report (OCW/BZK style): a years table, prose on the latest year, a
  comparison table with baseline and years in the column headers.
Every (sector, year, metric) is stated at most once per letter, so gold keys are unique.
"""

from __future__ import annotations

import random

from eval.synth.content import (
    BULLETS,
    EDUCATION,
    FILLER,
    GOVERNMENT,
    SECTORS,
    SH,
    Block,
    Fig,
    Letter,
    World,
    Writer,
    distractor,
    jobs_text,
    kamerstuk_note,
    nl_number,
    pct_of,
)

KINDS = ["voortgang", "trend", "sector"]
LAYOUTS = ["kamerbrief", "eenkolom", "rapport"]
SIGNERS = {
    "BZK": "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA. de Vries",
    "SZW": "De Staatssecretaris van Sociale Zaken en Werkgelegenheid,\n\nM. Jansen",
    "OCW": "De Minister van Onderwijs, Cultuur en Wetenschap,\n\nR. Bakker",
}


class Composer:
    def __init__(self, world: World, rng: random.Random, year: int, layout: str) -> None:
        self.world, self.rng, self.year, self.layout = world, rng, year, layout
        self.w = Writer(world, rng, year)
        self.blocks: list[Block] = []
        self.used: set[tuple] = set()

    # --- helpers ---------------------------------------------------------------------------

    def free(self, figs: list[Fig]) -> bool:
        return not any((f.sector, f.year, f.metric) in self.used for f in figs)

    def take(self, sentence: tuple[str, list[Fig]], parts: list[str], figs: list[Fig]) -> bool:
        text, new = sentence
        if not self.free(new):
            return False
        self.used.update((f.sector, f.year, f.metric) for f in new)
        parts.append(text)
        figs.extend(new)
        return True

    def para(self, parts: list[str], figs: list[Fig] | None = None) -> None:
        self.blocks.append(Block("para", " ".join(parts), figs=figs or []))

    def heading(self, text: str, level: int = 1) -> None:
        if self.layout == "rapport" and level == 1:
            n = sum(1 for b in self.blocks if b.kind == "heading" and b.level == 1) + 1
            text = f"{n} {text}"
        self.blocks.append(Block("heading", text, level=level))

    def fillers(self, k: int) -> list[str]:
        return self.rng.sample(FILLER, k)

    def footnote_year(self, text: str, year: int) -> str:
        """Glue a footnote call to the first bare year ("in 2023" -> "in 2023{fn}")."""
        return text.replace(f" {year} ", f" {year}{{fn:{kamerstuk_note(self.rng, self.year)}}} ", 1)

    def bullets(self, kind: str | None = None) -> None:
        glyph = kind or self.rng.choice(["•", "pua", "symbol", "–"])
        self.blocks.append(
            Block("bullets", items=self.rng.sample(BULLETS, self.rng.randint(3, 5)), bullet=glyph)
        )

    # --- sector paragraphs -----------------------------------------------------------------

    def sector_section(self, s: str, pattern: int) -> None:
        y, w, rng = self.year, self.w, self.rng
        self.heading(SECTORS[s][0], level=2)
        parts: list[str] = []
        figs: list[Fig] = []
        if pattern == 0:
            self.take(w.realised(s, y), parts, figs)
            self.take(w.target(s, y), parts, figs)
            self.take(w.pct(s, y), parts, figs)
        elif pattern == 1:
            self.take(w.realised(s, y), parts, figs)
            self.take(w.own_sroi(s, y), parts, figs)
            self.take(w.target(s, y, this_year=True), parts, figs)
            self.take(w.pct(s, y), parts, figs)
        elif pattern == 2:
            self.take(w.series(s, [y - 2, y - 1, y]), parts, figs)
            self.take(w.target(s, min(2026, y + rng.randint(1, 3))), parts, figs)
        elif pattern == 3:
            self.take(w.realised(s, y, implicit_year=True), parts, figs)
            parts.append(distractor(rng, y))
        elif pattern == 4:
            self.take(w.target(s, y), parts, figs)
            self.take(w.realised(s, y), parts, figs)
            self.take(w.pct(s, y, previous=True), parts, figs)
        else:
            subj = SECTORS[s][1][0][0]
            parts.append(
                f"{subj[:1].upper() + subj[1:]} konden over {y} nog geen kwantitatieve "
                "resultaten aanleveren, omdat de registratie nog niet op orde is."
            )
        if parts and rng.random() < 0.3:
            parts[0] = self.footnote_year(parts[0], y)
        parts += self.fillers(rng.randint(1, 3))
        if rng.random() < 0.5:
            parts.insert(rng.randint(1, len(parts)), distractor(rng, y))
        self.para(parts, figs)
        if rng.random() < 0.7:
            self.para(self.fillers(rng.randint(2, 4)))

    # --- tables ----------------------------------------------------------------------------

    def sector_table(self, sectors: list[str], y: int, number: int) -> None:
        """Rows are sectors; columns realised / target / percentage for one year."""
        header = self.rng.choice(
            [
                ["Sector", "Realisatie", "Doel", "%"],
                ["Sector", "Gerealiseerd", "Opgave", "Realisatiepercentage"],
                ["Sector", "Banen gerealiseerd", "Quotum", "% van het quotum"],
                ["Sector", "Realisatie", "Doelstelling", "Realisatie (%)"],
            ]
        )
        rows, figs = [header], []
        for s in sectors:
            d = self.world.get(s, y)
            p_val, p_text = pct_of(d.realised, d.target, 1)
            cell_pct = p_text if header[3] in ("%", "Realisatie (%)") else f"{p_text}%"
            row = [SECTORS[s][0], jobs_text(s, d.realised), nl_number(d.target), cell_pct]
            quote = " | ".join(row)
            new = [
                Fig(s, y, "realised_jobs", d.realised, row[1], quote, "table row"),
                Fig(s, y, "target_jobs", d.target, row[2], quote, "table row"),
                Fig(s, y, "realisation_pct", p_val, row[3], quote, "table row"),
            ]
            if not self.free(new):
                continue
            self.used.update((f.sector, f.year, f.metric) for f in new)
            rows.append(row)
            figs += new
        caption = f"Tabel {number}. Realisatie Banenafspraak per sector in {y}"
        self.blocks.append(Block("table", caption, rows=rows, figs=figs))

    def years_table(self, s: str, years: list[int], number: int) -> None:
        """Rows are years of one sector (named in the caption)."""
        header = self.rng.choice(
            [
                ["Jaar", "Gerealiseerde banen", "Opgave", "Realisatiepercentage"],
                ["Jaar", "Realisatie", "Doel", "%"],
            ]
        )
        rows, figs = [header], []
        for y in years:
            d = self.world.get(s, y)
            p_val, p_text = pct_of(d.realised, d.target, 0)
            row = [
                str(y),
                jobs_text(s, d.realised),
                nl_number(d.target),
                p_text if header[3] == "%" else f"{p_text}%",
            ]
            quote = " | ".join(row)
            new = [
                Fig(
                    s,
                    y,
                    "realised_jobs",
                    d.realised,
                    row[1],
                    quote,
                    "table row; sector from the caption",
                ),
                Fig(s, y, "target_jobs", d.target, row[2], quote, "table row"),
                Fig(s, y, "realisation_pct", p_val, row[3], quote, "table row"),
            ]
            if self.free(new):
                self.used.update((f.sector, f.year, f.metric) for f in new)
                rows.append(row)
                figs += new
        subj = SECTORS[s][1][0][0]
        caption = f"Tabel {number}. Ontwikkeling van het aantal banen bij {subj}"
        self.blocks.append(Block("table", caption, rows=rows, figs=figs))

    def national_table(self, years: list[int], number: int) -> None:
        """Rows are years, columns are sectors; the caption names the metric."""
        header = ["Jaar", "Marktsector", "Overheid", "Totaal"]
        sectors = ["marktsector", "overheid", "totaal"]
        rows, figs = [header], []
        for y in years:
            vals = [self.world.get(s, y).realised for s in sectors]
            row = [str(y)] + [jobs_text(s, v) for s, v in zip(sectors, vals, strict=True)]
            quote = " | ".join(row)
            new = [
                Fig(s, y, "realised_jobs", v, t, quote, "table row; metric from the caption")
                for s, v, t in zip(sectors, vals, row[1:], strict=True)
            ]
            if self.free(new):
                self.used.update((f.sector, f.year, f.metric) for f in new)
                rows.append(row)
                figs += new
        caption = (
            f"Tabel {number}. Aantal gerealiseerde banen per jaar (in banen van 25,5 uur per week)"
        )
        self.blocks.append(Block("table", caption, rows=rows, figs=figs))

    def baseline_table(self, sectors: list[str], number: int) -> None:
        """Rows are sectors; the baseline and two years sit in the column headers."""
        y = self.year
        header = ["Sector", "Nulmeting", f"Realisatie {y - 1}", f"Realisatie {y}"]
        rows, figs = [header], []
        for s in sectors:
            b = self.world.baseline[s]
            r0, r1 = self.world.get(s, y - 1).realised, self.world.get(s, y).realised
            row = [SECTORS[s][0], nl_number(b), jobs_text(s, r0), jobs_text(s, r1)]
            quote = " | ".join(row)
            new = [
                Fig(s, None, "baseline_jobs", b, row[1], quote, "table row; baseline"),
                Fig(s, y - 1, "realised_jobs", r0, row[2], quote, "table row; year in header"),
                Fig(s, y, "realised_jobs", r1, row[3], quote, "table row; year in header"),
            ]
            if self.free(new):
                self.used.update((f.sector, f.year, f.metric) for f in new)
                rows.append(row)
                figs += new
        caption = f"Tabel {number}. Banen ten opzichte van de nulmeting, per sector"
        self.blocks.append(Block("table", caption, rows=rows, figs=figs))


# --- the three kinds -----------------------------------------------------------------------


def _intro(c: Composer, subject: str, pad: int) -> None:
    """Opening paragraph; `pad` extra sentences move every later page break down."""
    y, rng = c.year, c.rng
    parts = [
        f"In het bestuurlijk akkoord uit 2019{{fn:{kamerstuk_note(rng, 2020)}}} over de "
        f"Banenafspraak is afgesproken dat ik uw Kamer informeer over de voortgang.",
        f"In deze brief informeer ik u over {subject} over {y}.",
        distractor(rng, y),
        f"Ondanks de uitdagingen van de afgelopen jaren hebben vrijwel alle sectoren groei "
        f"gerealiseerd in het aantal banen voor mensen uit de doelgroep{{fn:De doelgroep bestaat "
        f"uit mensen die zijn opgenomen in het doelgroepen{SH}register.}}.",
    ]
    c.para(parts + [FILLER[i % len(FILLER)] for i in range(pad)])
    c.para(c.fillers(rng.randint(2, 4)))


def _work_agenda(c: Composer) -> None:
    c.heading("Werkagenda")
    c.para(c.fillers(3))
    c.bullets()
    c.para(c.fillers(2) + [distractor(c.rng, c.year)])


def voortgang(c: Composer, pad: int) -> None:
    rng, y = c.rng, c.year
    _intro(c, "de rapportages van de overheids- en onderwijssectoren", pad)
    if rng.random() < 0.6:
        parts, figs = [], []
        c.take(c.w.quota(None), parts, figs)
        parts.append("De gemeenten en de provincies vormen hierop positieve uitzonderingen.")
        c.para(parts, figs)
    gov = rng.sample(GOVERNMENT, rng.randint(3, 4))
    edu = rng.sample(EDUCATION, rng.randint(2, 3))
    patterns = rng.sample([0, 1, 2, 3, 4, 0, 4, 1], len(gov) + len(edu))
    if 5 not in patterns and rng.random() < 0.5:
        patterns[-1] = 5
    c.heading("Overheidssectoren")
    for s, p in zip(gov, patterns, strict=False):
        c.sector_section(s, p)
    if rng.random() < 0.5:
        c.bullets()
    c.heading("Onderwijssectoren")
    for s, p in zip(edu, patterns[len(gov) :], strict=False):
        c.sector_section(s, p)
    rest = [s for s in GOVERNMENT + EDUCATION if s not in gov + edu]
    c.heading("Overzicht")
    c.para([f"In de onderstaande tabel staan de cijfers van de overige sectoren over {y}."])
    c.sector_table(rng.sample(rest, rng.randint(3, 5)), y, 1)
    c.para(c.fillers(2) + [distractor(rng, y)])
    _work_agenda(c)


def trend(c: Composer, pad: int) -> None:
    rng, y, w = c.rng, c.year, c.w
    _intro(c, "de ontwikkeling van het aantal banen in de marktsector en bij de overheid", pad)
    c.heading("Stand van zaken")
    parts, figs = [], []
    for s in ("marktsector", "overheid"):
        c.take(w.quarter(s, y, rng.randint(1, 3)), parts, figs)
    parts.append(distractor(rng, y))
    c.take(w.baseline(rng.choice(["marktsector", "totaal"])), parts, figs)
    c.para(parts + c.fillers(1), figs)
    c.heading("Resultaten over het afgelopen jaar")
    c.para([f"De cijfers over heel {y - 1} staan in tabel 1."])
    c.sector_table(["marktsector", "overheid", "totaal"], y - 1, 1)
    parts, figs = [], []
    c.take(w.quota(y), parts, figs)
    c.take(w.target("marktsector", min(2026, y + 1)), parts, figs)
    c.para(parts + c.fillers(2), figs)
    c.bullets()
    c.heading("Ontwikkeling sinds de start")
    c.para(c.fillers(2))
    c.national_table(list(range(max(2015, y - 5), y - 1)), 2)
    c.para(c.fillers(3) + [distractor(rng, y)])
    _work_agenda(c)
    c.heading("Vervolg")
    c.para(c.fillers(3))


def sector(c: Composer, pad: int) -> None:
    rng, y, w = c.rng, c.year, c.w
    s = rng.choice(["rijk", "gemeenten", "wo", "umc", "politie", "hbo", "zbo"])
    name = SECTORS[s][1][0][0]
    _intro(c, f"de sectorrapportage van {name}", pad)
    c.heading("Resultaten")
    parts, figs = [], []
    c.take(w.realised(s, y), parts, figs)
    c.take(w.own_sroi(s, y), parts, figs)
    c.take(w.target(s, y, this_year=rng.random() < 0.5), parts, figs)
    c.take(w.pct(s, y, previous=True), parts, figs)
    c.para(parts + c.fillers(2), figs)
    c.para(["Tabel 1 laat de ontwikkeling over de voorgaande jaren zien."])
    c.years_table(s, list(range(y - 4, y - 1)), 1)
    parts, figs = [], []
    c.take(w.baseline(s), parts, figs)
    c.take(w.target(s, min(2026, y + 2)), parts, figs)
    c.para(parts + c.fillers(1), figs)
    c.heading("Activiteiten")
    c.para(c.fillers(3))
    c.bullets("pua")
    c.para(c.fillers(3))
    c.heading("Vergelijking met andere sectoren")
    c.para(["Tabel 2 zet de resultaten af tegen die van enkele andere sectoren."])
    others = rng.sample([x for x in GOVERNMENT + EDUCATION if x != s], 4)
    c.baseline_table(others, 2)
    c.para(c.fillers(2) + [distractor(rng, y)])


def write_letter(world: World, seed: int, index: int, pad: int = 0) -> Letter:
    """Letter number `index` of the set made from `seed` (deterministic); `pad` lengthens
    the opening paragraph by that many sentences."""
    rng = random.Random(f"letter-{seed}-{index}")
    kind = KINDS[index % 3]
    layout = LAYOUTS[(index + index // 3) % 3]
    year = 2019 + (index * 2 + seed) % 5
    ministry = {"voortgang": "BZK", "trend": "SZW", "sector": rng.choice(["OCW", "BZK"])}[kind]
    c = Composer(world, rng, year, layout)
    {"voortgang": voortgang, "trend": trend, "sector": sector}[kind](c, pad)
    c.heading("Tot slot")
    c.para(
        c.fillers(rng.randint(2, 4))
        + ["Ik blijf de voortgang nauwlettend volgen en informeer uw Kamer volgend jaar opnieuw."]
    )
    title = {
        "voortgang": f"Voortgang Banenafspraak overheid en onderwijs {year}",
        "trend": f"Trendrapportage Banenafspraak {year}",
        "sector": f"Sectorrapportage Banenafspraak {year}",
    }[kind]
    date = f"{rng.randint(1, 28)} {rng.choice(['maart', 'april', 'juni', 'oktober'])} {year + 1}"
    return Letter(
        name=f"synth-{index + 1:03d}-{kind}-{year}",
        title=title,
        ministry=ministry,
        year=year,
        date=date,
        layout=layout,
        blocks=c.blocks,
        signer=SIGNERS[ministry],
    )
