"""Sectors: which sector a value belongs to.

Sectors named in a sentence and how they attach to its values (enumerations, brackets,
labels, asides), the section heading's sector, and the resolution of a draft's sector.
"""

from __future__ import annotations

import re

from banen_qa.extract import vocab
from banen_qa.extract.metrics import JOB_UNIT_AFTER
from banen_qa.extract.numbers import NumberToken
from banen_qa.extract.periods import ANAPHORA, CONTINUATION
from banen_qa.extract.sentence import (
    CLAUSE_BREAK,
    Context,
    Sentence,
    gap_cost,
    pair_enumeration,
    same_clause,
)

_I = re.IGNORECASE

_SHARE_IN_WHOLE = re.compile(vocab.SHARE_IN_WHOLE_BEFORE, _I)
_WHOLE_AGREEMENT = re.compile(vocab.WHOLE_AGREEMENT, _I)
# "markt en overheid", "markt- of voor overheidsopdrachtgevers", "zowel de markt als de overheid"
_SECTOR_ENUM_SEP = re.compile(
    r"^-?\s*(?:,|en|and|&|/|als|of|or)\s*(?:bij|voor|in|at|for)?\s*(?:de|het|the)?\s*$", _I
)
_SECTOR_AFTER_VALUE = re.compile(vocab.SECTOR_AFTER_VALUE, _I)
_SECTOR_BEFORE_VALUE = re.compile(vocab.SECTOR_BEFORE_VALUE, _I)
_SECTOR_ASIDE = re.compile(vocab.SECTOR_ASIDE_BEFORE, _I)
# what joins one member of a run to the next: "... en nog eens 12.448", ", 3.000", "; nog eens"
_NEXT_MEMBER = re.compile(
    r"^[^.;:()]{0,25}?(?:,|;|\ben\b|\band\b)\s*(?:(?:nog\s+eens|ook|daarnaast)\s+)?$", _I
)
_LABEL_BEFORE = re.compile(vocab.LABEL_BEFORE, _I)
_UNKNOWN_SECTOR = re.compile(r"\b\w+sector\b", _I)
_PARTS_AFTER = re.compile(rf"^[^.;:()]{{0,40}}?\b(?:{vocab.PARTS_OF})\b(?P<part>[^;:()]*)", _I)
_UNKNOWN_GROUP = re.compile(vocab.UNKNOWN_GROUP, _I)
_SUM_ADVERB = re.compile(vocab.SUM_ADVERB, _I)
_NAMED_OWNER = re.compile(vocab.NAMED_OWNER)
_NOT_AN_OWNER = re.compile(rf"{vocab.NOT_AN_OWNER}|{vocab.NOT_ONE_ORGANISATION}")
_NATIONAL = re.compile(vocab.NATIONAL, _I)
_SECTOR_ANAPHORA = re.compile(vocab.SECTOR_ANAPHORA, _I)


def sector_label(tok: NumberToken, s: Sentence) -> bool:
    """'Overheidssector: 11.842', '- Alle werkgevers samen: 72.809': a label naming a sector
    (or all employers together) and a colon, right before the value."""
    m = _LABEL_BEFORE.match(s.text[: tok.start])
    if not m:
        return False
    label = m.group("label")
    return bool(vocab.find_sectors(label) or vocab.find_weak_sectors(label))


def _sector_in_sentence(
    tok: NumberToken, s: Sentence, claimed: dict[int, int] | None = None
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
            cost = gap_cost((start, end), (tok.start, tok.end), s)
            cost += 15 if start > tok.start else 0
            if start > tok.end and ";" in s.text[tok.end : start]:
                cost += 100  # "N banen realiseren; voor de sector overheid lag ...": another's
            if cost < best_cost:
                best, best_cost = _coordinated(group, sector, claimed), cost
    return best  # type: ignore[return-value]


def _owned_by_value_before(start: int, end: int, tok: NumberToken, s: Sentence) -> bool:
    """'waarvan 38.335 via een regulier dienstverband bij marktwerkgevers en nog eens 12.448
    via ...': a sector in the clause of the value before, right before the next member of the
    run, is that value's -- the member after it has none of its own."""
    if end > tok.start or not _NEXT_MEMBER.match(s.text[end : tok.start]):
        return False
    before = [v for v in s.values if v.end <= start]
    return bool(before) and not CLAUSE_BREAK.search(s.text[before[-1].end : start])


def _coordinated(group: list[tuple[int, int, object]], sector: object, claimed: dict) -> object:
    """Market and government named together, neither claimed by a value: all employers."""
    return joint_sector({str(g[2]) for g in group if g[0] not in claimed}) or sector


def joint_sector(names: set[str]) -> str | None:
    """The sector a list of sectors names together: market and government are all
    employers; two or more parts of the government ('werkgevers bij ministeries, gemeenten
    en provincies') are the government, not the last one named."""
    if {"marktsector", "overheid"} <= names:
        return "totaal"
    parts = names - vocab.BROAD_SECTORS - {"marktsector"}
    if len(parts) >= 2 and names <= parts | {"overheid"}:
        return "overheid"
    return None


def _is_aside(group: list[tuple[int, int, object]], s: Sentence) -> bool:
    """'met dank aan de marktsector', 'vergeleken met werkgevers in de marktsector': named as
    a cause or a yardstick, the sector is not the subject of the sentence's values."""
    return bool(_SECTOR_ASIDE.search(s.text[: group[0][0]]))


def _sentence_subject(tok: NumberToken, s: Sentence, attached_at: set[int]) -> str | None:
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


def _sum_of_named_sectors(tok: NumberToken, s: Sentence, attached_at: set[int]) -> bool:
    """'zowel de markt (15.604) als de overheid (5453) haalden de doelstelling (9000)': when
    both main sectors are named and each holds a value of its own, a value that belongs to
    neither is their sum."""
    named = [(start, sector) for group in _sector_groups(s) for start, _, sector in group]
    return {"marktsector", "overheid"} <= {sector for _, sector in named} and all(
        start in attached_at for start, _ in named
    )


def _whole_of_main_parts(tok: NumberToken, s: Sentence) -> bool:
    """'60.000 banen, waarvan 41.000 bij marktwerkgevers': a value that a 'waarvan' clause
    splits into a main sector's part is the whole of both, not the sector of the context."""
    m = _PARTS_AFTER.match(s.text[tok.end :])
    parts = {sector for sector, _, _ in vocab.find_sectors(m.group("part"))} if m else set()
    return bool(parts & {"marktsector", "overheid"})


def attached_sectors(s: Sentence) -> dict[int, tuple[int, str, bool]]:
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


def section_sector(section: str) -> str | None:
    """The deepest sector in a section path ("Overheidssectoren > Defensie" -> defensie)."""
    for part in reversed(section.split(" > ")):
        hits = vocab.find_sectors(part)
        if hits:
            return hits[-1][0]
    return None


def _sector_groups(s: Sentence) -> list[list[tuple[int, int, object]]]:
    groups: list[list[tuple[int, int, object]]] = []
    for sector, start, end in vocab.find_sectors(s.text):
        if groups and _SECTOR_ENUM_SEP.match(s.text[groups[-1][-1][1] : start]):
            if sector not in [g[2] for g in groups[-1]]:
                groups[-1].append((start, end, sector))
        else:
            groups.append([(start, end, sector)])
    return groups


def _sector_before_bracket(opened: int, s: Sentence) -> str | None:
    """The sector a bracket opens right after, with no value between: 'De marktsector (...'."""
    head = s.text[:opened]
    hits = vocab.find_sectors(head[-60:])
    if not hits or head[-60:][hits[-1][2] :].strip():
        return None
    return hits[-1][0]


def in_sector_bracket(tok: NumberToken, s: Sentence) -> bool:
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
        and bool(JOB_UNIT_AFTER.match(s.text[tok.end :]))
    )


def bracket_aside_of(
    tok: NumberToken, s: Sentence, attached: dict[int, tuple[int, str, bool]]
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
    if id(head) not in attached or CLAUSE_BREAK.search(s.text[head.end : opened]):
        return None
    return coordinated_attached(attached[id(head)][0:2], _sector_groups(s))


def coordinated_attached(
    mention: tuple[int, str], sector_groups: list[list[tuple[int, int, object]]]
) -> str:
    """'markt- en overheidswerkgevers 86.264': the conjunction that stands against the value
    is its subject as a whole, and both main sectors together are all employers."""
    start, sector = mention
    group = next((g for g in sector_groups if any(m[0] == start for m in g)), [])
    return joint_sector({str(m[2]) for m in group}) or sector


def _weak_sector_in_clause(tok: NumberToken, s: Sentence) -> str | None:
    """A weak alias ("in totaal", bare "werkgevers") in the value's own clause, outside any
    sector name ("werkgevers in de markt")."""
    strong = vocab.find_sectors(s.text)
    for sector, start, end in vocab.find_weak_sectors(s.text):
        inside = any(a < end and start < b for _, a, b in strong)
        if not inside and same_clause((start, end), (tok.start, tok.end), s):
            return sector
    return None


def _employers_against_government(tok: NumberToken, s: Sentence) -> bool:
    """'Werkgevers zegden 100.000 banen toe, en de overheid nog eens 25.000': bare
    "werkgevers" set against the government in another clause are the market's employers,
    not all of them (unless the clause also says "samen", "in totaal")."""
    strong = vocab.find_sectors(s.text)
    own = [
        s.text[a:b].lower()
        for _, a, b in vocab.find_weak_sectors(s.text)
        if same_clause((a, b), (tok.start, tok.end), s)
        and not any(x < b and a < y for _, x, y in strong)
    ]
    return (
        any(w in ("werkgevers", "employers") for w in own)
        and all(w in ("werkgevers", "employers", "landelijk") for w in own)
        and {m[0] for m in strong} == {"overheid"}
        and not strong_sector_in_clause(tok, s)
    )


def _summed_group(tok: NumberToken, s: Sentence) -> int | None:
    """Where a collective adverb ('samen', 'gezamenlijk') stands in the value's clause, if
    one does: it adds up whoever that clause is about."""
    for m in _SUM_ADVERB.finditer(s.text):
        if same_clause(m.span(), (tok.start, tok.end), s):
            return m.start()
    return None


def _named_unknown_group(at: int, s: Sentence) -> bool:
    """A group of employers the vocabulary holds no sector for, named before `at` in its
    clause."""
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(s.text, 0, at)), default=0)
    known = vocab.find_sectors(s.text)
    return any(
        not any(a <= m.start() < b for _, a, b in known)
        for m in _UNKNOWN_GROUP.finditer(s.text, lo, at)
    )


def strong_sector_in_clause(tok: NumberToken, s: Sentence) -> bool:
    return any(
        same_clause((a, b), (tok.start, tok.end), s) for _, a, b in vocab.find_sectors(s.text)
    )


def named_owner(s: Sentence) -> bool:
    """Whether the sentence credits its numbers to an employer, place or project that is no
    sector ('bij het Radboudumc', 'in Amsterdam', 'Rijkswaterstaat realiseerde', 'via het
    project ...'): then a sector the sentence does not name is no reading of them."""
    for m in _NAMED_OWNER.finditer(s.text):
        if m.group("employer"):
            if not vocab.find_sectors(m.group("employer")):
                return True  # "UWV als werkgever": a reporting body counted as one employer
            continue
        name = m.group("slot") or m.group("subject") or m.group("inverted")
        if name is None:
            return True  # a project or programme
        if not (
            _NOT_AN_OWNER.fullmatch(name)
            or _NATIONAL.fullmatch(name)
            or vocab.find_sectors(name)
            or vocab.find_weak_sectors(name)
        ):
            return True
    return False


def _sector_pointed_at(tok: NumberToken, s: Sentence, ctx: Context) -> str | None:
    """'In de marktsector gaat het goed: de werkgevers daar moesten ...', 'De doelstelling voor
    deze sector was ...': a pointing word before the value takes up the sector named last,
    earlier in the sentence, else in the sentence before."""
    point = next((m for m in _SECTOR_ANAPHORA.finditer(s.text, 0, tok.start)), None)
    if point is None:
        return None
    before = [m for m, _, b in vocab.find_sectors(s.text) if b <= point.start()]
    return before[-1] if before else ctx.last_sentence_sector or ctx.figure_sector


def resolve_sector(
    tok: NumberToken,
    group: list[NumberToken],
    s: Sentence,
    ctx: Context,
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
    paired = pair_enumeration(tok, group, sector_groups)
    if paired:
        return paired  # type: ignore[return-value]
    if _SHARE_IN_WHOLE.search(s.text[: tok.start]):
        # "het aandeel van de gemeenten in de 125.000 banen": the whole, whose sector (if any)
        # follows it ("in de 25.000 banen van de overheid")
        whole = [
            m
            for m, a, b in vocab.find_sectors(s.text)
            if a >= tok.end and same_clause((a, b), (tok.start, tok.end), s)
        ]
        return whole[0] if whole else "totaal"
    in_sentence = _sector_in_sentence(tok, s, claimed)
    weak_here = _weak_sector_in_clause(tok, s)
    attached_at = attached_at or set()
    subject = _sentence_subject(tok, s, attached_at)
    summed = _summed_group(tok, s)
    if summed is not None and subject:
        return subject  # "Ministeries en uitvoeringsorganisaties realiseerden samen N banen"
    if summed is not None and _named_unknown_group(summed, s):
        return None  # "Onderwijsinstellingen realiseerden samen 3.100 banen": not all employers
    pointed = None if strong_sector_in_clause(tok, s) else _sector_pointed_at(tok, s, ctx)
    if pointed is not None:
        return pointed  # "de werkgevers daar", "deze sector": the sector named before
    if in_sentence == "overheid" and weak_here and _employers_against_government(tok, s):
        return "marktsector"  # "Werkgevers ... 100.000 banen, en de overheid ... 25.000"
    if in_sentence and weak_here and not strong_sector_in_clause(tok, s):
        return weak_here  # "werkgevers realiseerden in totaal N banen; de markt ..."
    if in_sentence:
        return in_sentence
    if subject and not weak_here:
        return subject
    if _sum_of_named_sectors(tok, s, attached_at) or _whole_of_main_parts(tok, s):
        return "totaal"
    if named_owner(s):
        return None  # "Rijkswaterstaat realiseerde 150 banen": its own, not the context's
    if CONTINUATION.search(s.text) and (ctx.last_sentence_sector or ctx.figure_sector):
        flags.append("sector_from_context")
        # "Daarmee is 61,3% behaald", "Zij kwamen uit op": the previous sentence's subject
        return ctx.last_sentence_sector or ctx.figure_sector
    weak = vocab.find_weak_sectors(s.text)
    if weak and _named_unknown_group(weak[0][1], s) and _SUM_ADVERB.match(s.text, weak[0][1]):
        return None  # "Onderwijsinstellingen realiseerden samen ...; het percentage ..."
    if weak:
        return weak[0][0]  # "samen", "in totaal", bare "werkgevers"
    known = vocab.find_sectors(s.text)
    if any(
        not any(k[1] <= m.start() < k[2] for k in known) for m in _UNKNOWN_SECTOR.finditer(s.text)
    ):
        return None  # "de zorgsector": a sector the vocabulary does not hold, not a fallback
    flags.append("sector_from_context")
    if ctx.figure_sector and ANAPHORA.search(s.text):
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
