"""The letters of the corpus as a reader names them: title, date, the year reported on, the
kind (progress letter, trend report, sector report) and who signed; a question that names a
letter ("the progress letter on 2022", "minister Ollongren's 2021 letter") is resolved to
documents here, and a figure's context (its whole sentence across a page break, the
footnotes it calls) is read from the letter's text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from banen_qa.extract.vocab import find_sectors
from banen_qa.models import Citation, Figure
from banen_qa.text import MONTHS, document_date, fold, years_in

if TYPE_CHECKING:
    from banen_qa.corpus import IngestedDocument

# Kinds of letter and the words a question uses for them (cue table).
KIND_CUES: dict[str, tuple[str, ...]] = {
    "progress": (
        "voortgangsbrief",
        "voortgangsrapportage",
        "progress letter",
        "progress report",
        "voortgang",
    ),
    "trend": ("trendrapportage", "trend report", "trendrapport"),
    "sector": ("sectorrapportage", "sector report", "sectorrapport"),
}
TABLE_CUES = ("overzichtstabel", "overview table", "tabel", "table")
# A year that names the letter, not the figure: "progress letter on 2022", "2021 letter",
# "sector report on the Rijk (2022)", "brief van 2021".
LETTER_WORDS = r"(?:letter|brief|kamerbrief|rapportage|report|rapport)"
# words a question uses for a document of any kind ("the ABU item", "het ND-bericht", "the
# Telegraaf piece", "two documents of 2017"): after a hyphen they are no part of the name
DOCUMENT_WORDS = (
    r"(?:letters?|brie(?:f|ven)|kamerbrie(?:f|ven)|rapportages?|reports?|rapport(?:en)?|"
    r"berichte?n?|persberichte?n?|nieuwsberichte?n?|items?|pieces?|articles?|artikel(?:en|s)?|"
    r"stukk?e?n?|columns?|blogs?|documente?n?|documents|texts?|teksten|stud(?:y|ies|ie)|"
    r"profiles?|profiel|manifest|evaluati(?:on|e))"
)
# a name right before a document word is who wrote it ("the Hogeschool Utrecht study", "het
# SCP-rapport"), even when it holds a sector's word
DOCUMENT_AFTER = re.compile(rf"(?:'s)?[\s-]+{DOCUMENT_WORDS}(?!\w)", re.IGNORECASE)
# a title quoted in a question ("het manifest 'Niet (on)beperkt genoeg'"): two words or more
QUOTED = re.compile(r"(?<!\w)['\"‘“]([^'\"‘’“”]{3,80}?\s[^'\"‘’“”]{1,80}?)['\"’”](?!\w)")
TITLE_STOP = {"banenafspraak", "overheid", "onderwijs", "en"}
# the opening of a text that may carry its byline, up to its lead's dash
BYLINE_CHARS = 160
# a source named in more texts than this is no source a question narrows to ("UWV")
MAX_SOURCE_DOCUMENTS = 3
# a news item's lead: what the item is about
LEAD_CHARS = 300
# the longest paragraph of a letter's closing (greeting, office, signatory)
CLOSING_LINE = 100
# A name in a question: a capitalised word, or words joined by lower-case particles ("Raad
# van State", "Van Ark", "Binnenlands Bestuur"), or an acronym ("UWV", "NOS").
NAME = re.compile(
    r"(?<![\w'])((?:[A-Z][\w&-]*)(?:\s+(?:(?:van|de|der|den|het|voor)\s+)*[A-Z][\w&-]*)*)"
)
# where a sentence starts (its first word is capitalised as any first word is)
SENTENCE_START = re.compile(r"(?:^|[.?!:]\s+)$")
# a name that follows is the source a figure is taken from
SOURCE_BEFORE = re.compile(r"\b(?:volgens|according\s+to)\s+(?:de\s+|het\s+|the\s+)?$", re.I)
# a sector's word written as a publisher's name: a website ("Rijksoverheid.nl") or a
# council named by its acronym ("PO-Raad", "MBO-Raad"); a source, no sector
PUBLISHER_NAME = re.compile(r"[A-Z][\w-]*\.nl\b|[A-Z]{2,}-[A-Z][a-z]+\b")
# capitalised words that name no document: months, question words and the letter kinds
NOT_A_NAME = frozenset(
    """januari februari maart april mei juni juli augustus september oktober november
    december january february march may june july august october the de het een a an in
    volgens according what which how why who when where hoeveel wat welke welk hoe waarom
    wie wanneer waar did does do is was were has had heeft hebben and en or of by to
    kamer tweede eerste minister staatssecretaris q1 q2 q3 q4""".split()
)


@dataclass
class Letter:
    document: str
    title: str | None
    date: str | None  # ISO
    year: int | None  # the year reported on
    kind: str | None
    text: str
    page_spans: list[tuple[int, int, int]] = field(default_factory=list)  # page, start, end
    # who the letter is by and what it is called: its title, letterhead and byline (the
    # first page's margin and header lines, the opening of its text); a question names a
    # document by these words ("volgens Breedweer", "the NOS article")
    masthead: str = ""
    footnotes: list[tuple[int, int, int, str]] = field(default_factory=list)  # call, n, page, text

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.date or "", self.year or 0)

    def page_at(self, offset: int) -> int:
        page = self.page_spans[0][0] if self.page_spans else 1
        for p, s, _ in self.page_spans:
            if s <= offset:
                page = p
        return page

    def name(self) -> str:
        title = self.title or self.document
        return f"{title} ({self.date})" if self.date else title


def _kind(title: str, stem: str) -> str | None:
    folded = fold(f"{title} {stem}")
    for kind, cues in KIND_CUES.items():
        if any(c in folded for c in cues):
            return kind
    return None


def byline(text: str) -> str:
    """The opening of a news item before its lead ("Trend laat zien  Binnenlands Bestuur,
    Gepubliceerd: 24 april 2017  Den Haag, 24 april 2017 –"); empty for a letter that opens
    with its body."""
    head = text[:BYLINE_CHARS]
    return head[: head.index(" – ")] if " – " in head else ""


def letters_of(documents: Iterable[IngestedDocument]) -> list[Letter]:
    out = []
    for d in documents:
        doc = d.doc
        head = "\n".join(line for p in doc.pages[:1] for line in [*p.margin, *p.header])
        when = document_date(head, head_chars=4000)
        out.append(
            Letter(
                document=doc.document,
                title=doc.title,
                date=when.isoformat() if when else None,
                year=doc.year,
                kind=_kind(doc.title or "", doc.document),
                text=doc.text,
                masthead=" ".join([doc.title or "", head, byline(doc.text)]),
                page_spans=[(s.page, s.char_start, s.char_end) for s in doc.page_spans],
                footnotes=[
                    (f.call.char_offset if f.call else -1, f.number, f.page, f.text)
                    for f in doc.footnotes
                ],
            )
        )
    return out


@dataclass
class Scope:
    """The documents a question points at (None: all), the years that named the letter
    (not figure years) and whether it points at a table."""

    documents: list[str] | None = None
    letter_years: list[int] = field(default_factory=list)
    table_only: bool = False
    letter_phrases: list[str] = field(default_factory=list)  # "sector report on the police (2020)"
    # the documents each name in the question points at, in the question's order ("volgens
    # Breedweer en volgens de Raad van State": two groups); empty when it names none
    named: list[list[str]] = field(default_factory=list)


def resolve_scope(question: str, letters: Sequence[Letter]) -> Scope:
    folded = fold(question)
    scope = Scope(table_only=any(re.search(rf"\b{c}\b", folded) for c in TABLE_CUES))
    if not letters:
        return scope
    kinds = [k for k, cues in KIND_CUES.items() if any(c in folded for c in cues)]
    ref_years: list[int] = []
    for m in re.finditer(
        rf"(?:{'|'.join(c for cs in KIND_CUES.values() for c in cs)}|"
        rf"{LETTER_WORDS})\b[^?.,;]{{0,45}}?\(?\b((?:19|20)\d\d)\b\)?",
        folded,
    ):
        ref_years.append(int(m.group(1)))
        scope.letter_phrases.append(m.group(0))
    for m in re.finditer(rf"\b((?:19|20)\d\d)(?:'s)?\s+(?:\w+\s+)?{LETTER_WORDS}", folded):
        ref_years.append(int(m.group(1)))
    for name in names_in(question):  # "the Trouw piece of October 2021": the piece's date
        if (dated := named_date(question, name)) is not None:
            ref_years.append(int(dated.group(2)))
    kinded = [ltr.document for ltr in letters if ltr.kind in kinds]
    by_name = named_documents(question, letters, kinded)
    if (
        by_name
        and ref_years
        and not any(
            dated_in(ltr, ref_years) for ltr in letters if any(ltr.document in g for g in by_name)
        )
    ):
        by_name = None  # "the OCW sector report on the police (2020)": the year names the letter
    if by_name is not None:  # documents named by their publisher, title or signatory
        scope.documents = list(dict.fromkeys(d for g in by_name for d in g))
        scope.named = by_name
        scope.letter_years = [y for y in ref_years if y not in _figure_years(folded, y)]
        return scope
    named = [ltr for ltr in letters if _signatory_named(question, ltr)]
    if named:  # a signatory named: the year beside it is the letter's publication year
        scope.documents = [ltr.document for ltr in named]
        scope.letter_years = [y for y in ref_years if y not in _figure_years(folded, y)]
        return scope
    if not kinds:
        # "two documents of 2017", "de berichten uit 2021": the documents dated in that year
        dated_years = [
            int(m.group(1))
            for m in re.finditer(
                rf"\b{DOCUMENT_WORDS}\s+(?:of|from|van|uit|in)\s+((?:19|20)\d\d)\b", folded
            )
        ]
        years = [y for y in dated_years if y not in _figure_years(folded, y)]
        in_year = [ltr.document for ltr in letters if dated_in(ltr, years)]
        if in_year:
            scope.documents = in_year
            scope.letter_years = years
        return scope
    candidates = [ltr for ltr in letters if ltr.kind in kinds]
    with_year = [ltr for ltr in candidates if ltr.year in ref_years]
    chosen = with_year or candidates
    scope.documents = [ltr.document for ltr in chosen]
    scope.letter_years = [
        y
        for y in ref_years
        if any(ltr.year == y for ltr in chosen) and y not in _figure_years(folded, y)
    ]
    return scope


def names_in(question: str) -> list[str]:
    """The names a question uses (folded), in its order: capitalised words that are no
    sector, month or question word, and not a sentence's first word; after "volgens" /
    "according to" a name may hold a sector's word ("volgens de PO-Raad")."""
    out = []
    for m in NAME.finditer(question):
        words = [w for w in m.group(1).split() if fold(w) not in NOT_A_NAME]
        opens = SENTENCE_START.search(question[: m.start()]) is not None
        if not words or (opens and len(words) == 1 and not words[0].isupper()):
            continue
        raw = re.sub(rf"-{DOCUMENT_WORDS}$", "", " ".join(words), flags=re.IGNORECASE)
        name = fold(raw)
        source = SOURCE_BEFORE.search(question[: m.start()]) is not None
        source = source or DOCUMENT_AFTER.match(question, m.end()) is not None
        publisher = PUBLISHER_NAME.match(question, m.start())
        if len(name) < (2 if raw.isupper() else 3) or years_in(name):
            continue
        if find_sectors(name) and not source and not publisher:
            continue
        out.append(name)
    return list(dict.fromkeys(out))


def naming_words(question: str) -> set[str]:
    """The folded words with which a question names a letter, not its topic: the document
    words ("piece", "column", "trend report") and the names written as a document's
    author or publisher ("the NH Nieuws piece", "de column van Lars van der Hoorn",
    "Klijnsma's letter")."""
    folded = fold(question)
    doc = rf"(?:{DOCUMENT_WORDS}|{'|'.join(c for cs in KIND_CUES.values() for c in cs)})"
    # a document word after a determiner or a name ("the piece", "Trouw's article"), not a
    # verb ("could not report")
    named = r"(?:\b(?:the|a|an|de|het|een|this|that|deze|die|dat|its|their|zijn|haar)|'s)"
    words = {
        w
        for m in re.finditer(rf"{named}\s+(?:[\w-]+\s+){{0,3}}?({doc})(?!\w)", folded)
        for w in m.group(1).split()
    }
    for name in names_in(question):  # particles between its words ("Anna de Bruin")
        n = r"\s+(?:(?:van|de|der|den|het|ter|te)\s+)*".join(map(re.escape, name.split()))
        for pattern in (
            rf"(?<!\w)({n})(?:'s)?[\s-]+(?:\w+\s+)?{doc}(?!\w)",  # "the NH Nieuws piece"
            rf"(?<!\w){doc}\s+(?:van|by|of|from|door)\s+({n})(?!\w)",  # "column van X"
        ):
            if (m := re.search(pattern, folded)) is not None:
                words |= set(m.group(1).split())
    return words


def source_documents(question: str, letters: Sequence[Letter]) -> tuple[list[str], set[str]]:
    """The documents that carry the sources a question names, and the folded words that name
    them (no part of its topic): a person, organisation or party anywhere in a document's
    text, not only its masthead ("volgens Aart van der Gaag", "What explanations does the
    SCP give", "why did VVD MPs": the one word of a name that a text carries), or a title
    it quotes ("het manifest 'Niet (on)beperkt genoeg'"). A name no text carries ("the
    Participation Act", said in English) is the question's topic, no source; nor is one
    that many texts carry ("UWV"). With several names, the documents that carry them all.
    ([], set()) when it names no source."""
    groups: list[set[str]] = []
    words: set[str] = set()
    texts = {ltr.document: " ".join(fold(f"{ltr.masthead} {ltr.text}").split()) for ltr in letters}
    quoted = [fold(q) for q in QUOTED.findall(question)]
    for name in [*names_in(question), *quoted]:
        candidates = [name] + [
            w for w in name.split() if len(w) >= 3 and w not in ACRONYM_PARTICLES and w != name
        ]
        for part in candidates:
            pattern = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")
            docs = {d for d, text in texts.items() if pattern.search(text)}
            if docs:
                groups.append(docs)
                words |= set(re.findall(r"\w+", name))
                break
    every = set.intersection(*groups) if groups else set()
    found = every or set().union(*groups)
    if not found or len(found) > MAX_SOURCE_DOCUMENTS:
        return [], set()  # "UWV" stands in many texts: no source, a word of the topic
    return [d for d in texts if d in found], words


def opening(letter: Letter) -> str:
    """A document's title and lead (its first LEAD_CHARS, a dateline too): what it is about."""
    return f"{letter.title or ''} {letter.text[:LEAD_CHARS]}"


def named_documents(
    question: str, letters: Sequence[Letter], kinded: Sequence[str] = ()
) -> list[list[str]] | None:
    """The documents the question names, one group per name in its order; None when its
    names do not pin documents down. A name is looked up in each letter's title, letterhead
    and byline, else in its closing signature. One name pins down one document only ("volgens
    Voion"; "UWV" or "Rendement" alone stands for several, and for the source of figures
    others retell). Several names, every one found: the documents that carry them all, of
    the kind named where one is ("UWV's item on Klijnsma's twee-meting"), else each name's
    own documents ("volgens Breedweer en volgens de Raad van State")."""
    names = names_in(question)
    groups = []
    for name in names:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        docs = (
            [ltr.document for ltr in letters if pattern.search(fold(ltr.masthead))]
            or [ltr.document for ltr in letters if pattern.search(fold(closing(ltr.text)))]
            or [ltr.document for ltr in letters if name in acronyms(ltr.masthead)]
        )
        docs = _dated_as_named(question, name, letters, docs)
        docs = _led_in_year(question, name, letters, docs)
        if docs:
            groups.append(docs)
    if not groups or len(groups) < len(names):
        return None  # a name no document carries: the question names others we cannot pin
    if len(groups) == 1:
        return groups if len(groups[0]) == 1 else None
    every = [d for d in groups[0] if all(d in g for g in groups[1:])]
    if every:
        return [[d for d in every if d in kinded] or every]
    if len(SEPARATE_SOURCE.findall(fold(question))) < 2:
        # one source named by its publisher and the person it quotes ("what did Klijnsma
        # point to (NOS, September 2017)"): the named documents whose text carries every name
        quoting = [
            ltr.document
            for ltr in letters
            if any(ltr.document in g for g in groups)
            and all(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", fold(ltr.text)) for n in names)
        ]
        if quoting:
            return [quoting]
    return [g for i, g in enumerate(groups) if g not in groups[:i]]


# what makes each name its own source: "volgens A en volgens B", "the A item and the B
# article"; a question with one of these or none names one source by several words
SEPARATE_SOURCE = re.compile(rf"\b(?:volgens|according\s+to)\b|(?<!\w){DOCUMENT_WORDS}(?!\w)")


def _led_in_year(question: str, name: str, letters: Sequence[Letter], docs: list[str]) -> list[str]:
    """The publisher's documents dated in a year the question gives, or, when none of them
    is, the documents of that year whose lead names it ("the VNG's 2015 guidance": the 2015
    item that opens with the VNG's call, not the VNG's undated theme page)."""
    years = years_in(question)
    if not docs or not years or find_sectors(name):
        return docs  # no publisher of that name, or a sector's word ("het Rijk")
    if any(dated_in(ltr, years) for ltr in letters if ltr.document in docs):
        return docs
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    led = [
        ltr.document
        for ltr in letters
        if ltr.document not in docs
        and _month_of(ltr) is not None
        and dated_in(ltr, years)
        and pattern.search(fold(opening(ltr)))
    ]
    return led or docs


# "the SZW letter of 8 September 2017", "NRC's article of 1 July 2017", "the Cedris item of
# September 2016", "Trouw (juli 2017)", "(NOS, juli 2018)", "volgens de NOS in september
# 2017": the date (or month) the name's document carries, a few words after the name
NAMED_DATE = re.compile(
    r"^[^?.,;()]{0,30}?(?:\b(?:of|van|from|dated|d\.d\.|in)\s+|\s*\(|\s*,\s*)"
    rf"((?:\d{{1,2}}\s+)?(?:{'|'.join(MONTHS)})\s+((?:19|20)\d\d))\b"
)
# a run of capitalised words, lower-case particles between them ("Ministerie van Sociale
# Zaken en Werkgelegenheid", "Nederlands Dagblad"), whose initials an acronym may spell
CAPITALISED_RUN = re.compile(
    r"[A-Z][\w-]*(?:\s+(?:(?:van|de|der|den|het|voor|en|in|of|and|for)\s+)*[A-Z][\w-]*)+"
)
ACRONYM_PARTICLES = frozenset("van de der den het voor en in of and for".split())


def acronyms(text: str) -> set[str]:
    """The acronyms (folded) that runs of capitalised words in `text` spell with their
    initials, every stretch of two or more: "het ND" names the Nederlands Dagblad, "SZW"
    the Ministerie van Sociale Zaken en Werkgelegenheid."""
    out: set[str] = set()
    for m in CAPITALISED_RUN.finditer(text):
        initials = "".join(w[0] for w in m.group().split() if w not in ACRONYM_PARTICLES)
        out |= {
            fold(initials[i:j])
            for i in range(len(initials))
            for j in range(i + 2, len(initials) + 1)
        }
    return out


def _month_of(letter: Letter) -> tuple[int, int] | None:
    """(year, month) the letter is dated: its full date, else a month and year in its
    letterhead, byline or first line ("Den Haag, juli 2020 –")."""
    when = _date_of(letter)
    if when is not None:
        return when.year, when.month
    opening = letter.masthead + " " + letter.text[:BYLINE_CHARS].split("\n")[0]
    m = re.search(rf"\b({'|'.join(MONTHS)})\s+((?:19|20)\d\d)\b", opening, re.I)
    return (int(m.group(2)), MONTHS[m.group(1).lower()]) if m else None


def named_date(question: str, name: str) -> re.Match[str] | None:
    """The date written right after a name in the question ("the Trouw piece of October
    2021"), or None."""
    folded = fold(question)
    at = folded.find(name)
    return NAMED_DATE.match(folded[at + len(name) :]) if at >= 0 else None


def _date_of(letter: Letter) -> date | None:
    """The letter's date: its letterhead's, else its byline's ("Werkpost, 14 maart 2018 –")."""
    if letter.date:
        return date.fromisoformat(letter.date)
    return document_date(byline(letter.text))


def _dated_as_named(
    question: str, name: str, letters: Sequence[Letter], docs: list[str]
) -> list[str]:
    """The name's documents of the date the question gives it, or, when none of them carries
    that date, the documents that do ("the SZW letter of 8 September 2017": SZW's letter of
    that day, not its news item of 2021)."""
    m = named_date(question, name)
    if m is None:
        return docs
    when = document_date(m.group(1))
    if when is not None:
        dated = [ltr.document for ltr in letters if _date_of(ltr) == when]
    else:  # a month: the documents dated in it
        year, month = int(m.group(2)), MONTHS[m.group(1).split()[-2]]
        dated = [ltr.document for ltr in letters if _month_of(ltr) == (year, month)]
    if not dated:
        return docs
    return [d for d in docs if d in dated] or dated


def closing(text: str) -> str:
    """A letter's closing: the short paragraphs it ends with ("De Staatssecretaris van ...,",
    "T. van Ark"), where a signatory stands; a news item's last sentence is no closing."""
    tail: list[str] = []
    for par in reversed(re.split(r"\n\s*\n", text.rstrip())):
        if len(par) > CLOSING_LINE:
            break
        tail.insert(0, par)
    return " ".join(tail)


def dated_in(letter: Letter, years: Sequence[int]) -> bool:
    """The letter reports on, or is dated in, one of the years (its letterhead's date, else
    its byline's: "Den Haag, 8 april 2021 – ..." on the 2020 monitor, or a month it gives);
    with no date read, the year in its name ("...-2021": the 2021 letter) stands for it."""
    if letter.year in years:
        return True
    if (month := _month_of(letter)) is not None:
        return month[0] in years
    return bool(set(years_in(letter.document)) & set(years))


def _figure_years(folded: str, year: int) -> list[int]:
    """The year, if the question also uses it for a figure ("in 2021 ... the 2021 letter")."""
    return [year] if len(re.findall(rf"\b{year}\b", folded)) > 1 else []


def _signatory_named(question: str, letter: Letter) -> bool:
    """A capitalised name in the question (not its first word, not a sector) that stands in
    the letter's closing signature."""
    tail = set(re.findall(r"\w+", fold(letter.text[-600:])))
    words = re.findall(r"(?<=\s)([A-Z][a-z]{3,})(?:'s)?\b", question)
    return any(fold(w) in tail and not find_sectors(w) for w in words)


def letter_of(letters: Sequence[Letter], document: str) -> Letter | None:
    return next((ltr for ltr in letters if ltr.document == document), None)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])|\n\s*\n")


def sentence_citations(letter: Letter, start: int, end: int) -> list[Citation]:
    """The whole sentence around text[start:end], one citation per page it stands on."""
    text = letter.text
    left = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, start - 600), start)),
        default=max(0, start - 600),
    )
    m = SENTENCE_END.search(text, end)
    right = m.start() if m else len(text)
    cites = []
    for page, s, e in letter.page_spans:
        a, b = max(left, s), min(right, e)
        piece = " ".join(text[a:b].split())
        if a < b and piece:
            cites.append(
                Citation(
                    document=letter.document,
                    page=page,
                    quote=piece,
                    title=letter.title,
                    date=letter.date,
                )
            )
    return cites


def footnotes_for(letter: Letter, start: int, end: int) -> list[Citation]:
    """Footnotes called from the sentence around text[start:end] (coverage, definitions)."""
    text = letter.text
    left = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, start - 600), start)), default=0
    )
    m = SENTENCE_END.search(text, end)
    right = m.start() + 2 if m else len(text)
    return [
        Citation(
            document=letter.document,
            page=page,
            quote=" ".join(note.split()),
            title=letter.title,
            date=letter.date,
        )
        for call, _, page, note in letter.footnotes
        if left <= call <= right
    ]


def figure_context(letters: Sequence[Letter], f: Figure) -> tuple[list[Citation], list[Citation]]:
    """(the figure's whole sentence, the footnotes it calls); ([], []) for an unknown letter."""
    letter = letter_of(letters, f.document)
    if letter is None or "table" in f.flags:
        return [], []
    return sentence_citations(letter, f.char_start, f.char_end), footnotes_for(
        letter, f.char_start, f.char_end
    )


def titled(c: Citation, letters: Sequence[Letter]) -> Citation:
    letter = letter_of(letters, c.document)
    if letter is None or c.title:
        return c
    return c.model_copy(update={"title": letter.title, "date": letter.date})


def years_outside_scope(question: str, scope: Scope) -> list[int]:
    years = sorted(set(years_in(question)))
    return [y for y in years if y not in scope.letter_years]
