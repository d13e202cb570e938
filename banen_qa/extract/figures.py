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
from collections.abc import Iterable

from banen_qa.extract import vocab
from banen_qa.extract.metrics import (
    COUNTED_OTHER,
    JOB_CUES,
    JOB_UNIT_ANY,
    NON_JOB_AFTER,
    PCT_CUES,
    TARGET_MODAL,
    WAARVAN,
    _cues,
    _metric,
    _unit,
    counts_what_went_before,
    in_target_frame,
    modal_scope,
    own_cue,
)
from banen_qa.extract.numbers import NumberToken
from banen_qa.extract.periods import (
    _baseline_year,
    _quarter,
    bound_quarter,
    bound_year,
    dated_by_relative_year,
    dateline_year,
    increments,
    is_comparison,
    is_date,
    lead_in_year,
    previous_period,
    quarter_list,
    relative_year_before,
    report_year,
    resolve_year,
    transition_pair,
    transition_periods,
    year_in_own_clause,
)
from banen_qa.extract.sectors import (
    _sector_groups,
    attached_sectors,
    bracket_aside_of,
    coordinated_attached,
    in_sector_bracket,
    resolve_sector,
    section_sector,
    sector_label,
    strong_sector_in_clause,
)
from banen_qa.extract.sentence import (
    Context,
    Draft,
    Sentence,
    _groups,
    _tokens,
    group_of,
    page_clip,
    pair_enumeration,
    same_clause,
)
from banen_qa.extract.tables import table_figures
from banen_qa.extract.validate import check_figure, cross_check, dedupe
from banen_qa.models import Figure, ParsedDocument, Passage
from banen_qa.sentences import split_sentences
from banen_qa.text import normalize_ws

_I = re.IGNORECASE

_DELTA_AFTER = re.compile(rf"^\s*(?:{vocab.DELTA_AFTER})", _I)
_WRITTEN_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{vocab.MONTHS})\s+((?:19|20)\d\d)\b", _I)
_ANSWER_OPENING = re.compile(vocab.ANSWER_OPENING, _I)
_RESPECTIVELY = re.compile(r"\b(?:respectievelijk|respectively)\s*(?:\w+\s+)?$", _I)
# "Daarvan komen 3.000 voor ...", "Voor Defensie komt dat neer op 800": a part or a
# recalculation of the figure before, and so of its metric
_POINTS_BACK = re.compile(vocab.POINTS_BACK_TO_FIGURE, _I)
_LEAD_IN_CHANGE = re.compile(vocab.LEAD_IN_PERIOD_COMPARISON, _I)
_LIST_ITEM = re.compile(vocab.LIST_ITEM)
_LEAD_IN_REALISED = re.compile(vocab.LEAD_IN_REALISED, _I)
_LEAD_IN_TARGET = re.compile(vocab.LEAD_IN_TARGET, _I)
_ONE_ORGANISATION = re.compile(vocab.ONE_ORGANISATION)
_ONE_OF_A_KIND = re.compile(vocab.ONE_OF_A_KIND, _I)
_NOT_ONE_ORGANISATION = re.compile(vocab.NOT_ONE_ORGANISATION)
_NAME_BEFORE_ORGANISATION = re.compile(vocab.NAME_BEFORE_ORGANISATION)
_NAMED_EMPLOYER = re.compile(vocab.NAMED_EMPLOYER_SUBJECT)
_REGION = re.compile(vocab.REGION)
_NATIONAL = re.compile(vocab.NATIONAL, _I)
_AGAINST = re.compile(vocab.COMPARED_VALUE_BETWEEN, _I)
_PART_OF_PREVIOUS = re.compile(vocab.PART_OF_PREVIOUS, _I)
_SECTOR_TAKEN_UP = re.compile(vocab.SECTOR_TAKEN_UP, _I)
# what may stand between two members of a run ("banen in 2019 en", "banen, in 2019"): no
# clause of its own
_ENUM_RUN = re.compile(r"^[^;:()]{0,60}$")


def _sentence_drafts(
    s: Sentence, ctx: Context, section: str | None, report_year: int | None
) -> list[Draft]:
    """All figures in one sentence, with sector and year resolved."""
    value_groups = _groups(s.values, s.text)
    year_groups: list[list[tuple[int, int, object]]] = [
        [(y.start, y.end, int(y.value)) for y in g] for g in _groups(s.years, s.text)
    ]
    sector_groups = _sector_groups(s)
    attached = attached_sectors(s)
    claimed = {start: tid for tid, (start, _, claims) in attached.items() if claims}
    attached_at = {start for start, _, _ in attached.values()}
    drafts: list[Draft] = []
    prev: Draft | None = None
    steps = increments(s)
    for tok in s.values:
        if id(tok) in steps or _one_of_a_kind(tok, s):
            continue
        group = group_of(tok, value_groups)
        unit = _unit(tok, s, group)
        pair = transition_pair(tok, s)
        if unit is None and pair is not None:
            # "van 70.525 in het derde kwartaal naar 73.578 in het vierde": one count
            other = pair[1] if tok is pair[0] else pair[0]
            unit = _unit(other, s, group_of(other, value_groups))
            head = s.text[: pair[0].start]
            if unit is None and JOB_UNIT_ANY.search(head) and not COUNTED_OTHER.search(head):
                unit = "jobs"  # "het aantal extra banen liep in 2019 op van N ... naar M"
        split = _splits_previous(tok, s, ctx, id(tok) in attached)
        if unit is None and split is not None:
            unit = split.unit  # "Daarvan komen 3.000 voor rekening van X en 6.000 voor Y"
        inherit = prev is not None and _continues_enumeration(tok, prev, s, id(tok) in attached)
        if inherit and prev is not None and (unit is None or unit == prev.unit):
            after = s.text[tok.end :]
            counts_other = NON_JOB_AFTER.match(after) and not dated_by_relative_year(after)
            if not (unit is None and (counts_other or _DELTA_AFTER.match(after))):
                unit = prev.unit
        metric = _metric(tok, unit, s) if unit else None
        if unit is not None and metric is None and ctx.metric and _POINTS_BACK.search(s.text):
            metric = ctx.metric if vocab.METRIC[ctx.metric].unit == unit else None
        if metric is None and unit == "jobs" and in_sector_bracket(tok, s):
            metric = "realised_jobs"
        if metric is None and unit == "jobs" and pair is not None:
            metric = "realised_jobs"  # "het aantal (extra) banen steeg van N naar M": a level
        if metric is None and unit == "jobs" and sector_label(tok, s):
            # "- Overheid: 11.842 extra banen" under "De meting laat per sector zien:"; "De
            # overheid kwam uit op 5.453. Samen: 21.057 banen." -- the label's count is what
            # the list's lead-in, else the figure just before, counts
            metric = s.list_metric or (ctx.metric if ctx.previous_head else None)
        if split is not None and unit == split.unit:
            own = metric is not None and (
                vocab.METRIC[metric].part_of is not None or own_cue(tok, unit, s)
            )
            metric = metric if own else split.metric
        if unit is not None and inherit and prev is not None and unit == prev.unit:
            keep = metric is not None and (
                vocab.METRIC[metric].part_of is not None or own_cue(tok, unit, s)
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
            asked = [c for c in _cues(s, JOB_CUES if unit == "jobs" else PCT_CUES)]
            asked = [c for c in asked if c[2] <= s.answer_at]
            metric = asked[0][0] if asked else metric
        if unit is None or metric is None:
            continue
        if (
            unit == "jobs"
            and (ctx.counted_other or _after_no_figure(tok, s, drafts))
            and counts_what_went_before(tok, group, s)
        ):
            # "... 2.275 personen aan het werk. Eerder waren dat er 2.240.", "ligt nu 1000
            # banen voor op het doel; in 2018 waren dat er nog 13.000": what "dat" points back
            # to was no figure (a count of people, a gap), so neither is its earlier value
            continue
        if metric == "realised_jobs" and (
            TARGET_MODAL.search(modal_scope(tok, s)) or in_target_frame(tok, s)
        ):
            metric = "target_jobs"
        d = Draft(tok, unit, metric)
        bracketed = bracket_aside_of(tok, s, attached)
        if id(tok) in attached and not pair_enumeration(tok, group, sector_groups):
            d.sector = coordinated_attached(attached[id(tok)][0:2], sector_groups)
        elif bracketed is not None:
            d.sector = bracketed
        else:
            d.sector = resolve_sector(
                tok, group, s, ctx, section, sector_groups, metric, d.flags, claimed, attached_at
            )
            if inherit and prev is not None and "sector_from_context" in d.flags:
                # "3.000 banen, een jaar later 3.500 en twee jaar later 3.900": a member of a
                # run that names no sector of its own is about the run's, not the context's
                d.sector = prev.sector
                d.flags.remove("sector_from_context")
        if metric == "target_jobs" and tok.value in vocab.END_TARGET_SECTOR:
            d.sector = vocab.END_TARGET_SECTOR[tok.value]  # the agreement's end targets
        d.year = resolve_year(tok, group, s, ctx, year_groups, report_year, metric, d.flags)
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
            and bound_year(tok, s) is None
            and len(group) == 1
            and not year_in_own_clause(tok, s)
            and not dated_by_relative_year(s.text[tok.end :])
            and not relative_year_before(tok, s)
        ):
            # a value set against a figure, with no period of its own, is the period before
            d.year = previous_period(prev.year, prev.quarter)[0] if compared else prev.year
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
        if split is not None and d.metric == split.metric and bound_year(tok, s) is None:
            d.year = split.year  # a part of the figure before: its year and quarter
        quarters = quarter_list(s)
        if len(quarters) == len(group) > 1:
            d.quarter = quarters[group.index(tok)]  # "het eerste en tweede kwartaal: N en M"
        elif compared and prev is not None and d.year == prev.year and d.quarter == prev.quarter:
            d.year, d.quarter = previous_period(prev.year, prev.quarter)
        elif split is not None and d.year == split.year and d.quarter is None:
            d.quarter = split.quarter
        if pair is not None:
            earlier, later = pair

            def resolve(
                hidden: Sentence, later: NumberToken = later, m: str = metric
            ) -> int | None:
                return resolve_year(later, [later], hidden, ctx, [], report_year, m, [])

            periods = transition_periods(earlier, later, s, resolve)
            d.year, d.quarter = periods[0] if tok is earlier else periods[1]
        if d.year is not None and d.year < vocab.FIRST_YEAR:
            continue  # an older scheme's or plan's figure, not the agreement's
        if d.sector is not None:
            drafts.append(d)
            prev = d
    return drafts


def _after_no_figure(tok: NumberToken, s: Sentence, drafts: list[Draft]) -> bool:
    """Whether the value before `tok` in its sentence was read as no figure."""
    earlier = [v for v in s.values if v.end <= tok.start]
    return bool(earlier) and not any(d.tok is earlier[-1] for d in drafts)


def _continues_enumeration(tok: NumberToken, prev: Draft, s: Sentence, attached: bool) -> bool:
    """'43.500 extra banen, 12.500 bij de overheid en 31.000 bij de markt', 'N, waarvan M
    in ...': a value with its own sector after a figure of the same sentence; 'N in 2019 en
    M in 2020', 'in 2018 N, in 2019 M': one with its own year (or quarter); 'N, tegen M een
    jaar eerder': one set against it."""
    between = s.text[prev.tok.end : tok.start]
    if attached or WAARVAN.search(between) or _compared_with(tok, prev, s):
        return True
    own = bound_year(tok, s) or bound_quarter(tok, s) or relative_year_before(tok, s)
    return bool(own) and _ENUM_RUN.match(between) is not None


def _splits_previous(tok: NumberToken, s: Sentence, ctx: Context, attached: bool) -> Draft | None:
    """The figure of the sentence before that this value is a part of: 'Daarvan komen 3.000
    voor rekening van de overheid en 6.000 voor de marktsector', '76.258 daarvan bij het
    bedrijfsleven en 10.835 bij de overheid' -- a value standing against a sector, in a
    sentence that says it splits what went before."""
    head = ctx.previous_head
    if head is None or not _PART_OF_PREVIOUS.search(s.text):
        return None
    after = s.text[tok.end :]
    if (
        NON_JOB_AFTER.match(after)
        or _DELTA_AFTER.match(after)
        or tok.is_pct != (head.unit == "pct")
    ):
        return None
    return head if attached or strong_sector_in_clause(tok, s) else None


def _compared_with(tok: NumberToken, prev: Draft, s: Sentence) -> bool:
    """'5.200 banen, tegen 4.800 een jaar eerder', 'N tegenover M in 2019': the value an
    earlier figure is set against (an earlier level of the same count)."""
    return _AGAINST.match(s.text[prev.tok.end : tok.start]) is not None


def _update_context(ctx: Context, s: Sentence, drafts: list[Draft]) -> None:
    ctx.counted_other = bool(s.values) and not drafts
    if drafts:
        ctx.metric = drafts[-1].metric
        ctx.year, ctx.from_figure = drafts[0].year, True
        ctx.figure_sector = drafts[0].sector
        ctx.topic_sector = ctx.topic_sector or drafts[0].sector
    elif not ctx.from_figure:
        free = [y for y in s.years if not is_comparison(y, s) and not is_date(y, s)]
        if free:
            ctx.year = int(free[0].value)
    ctx.previous_figure_sector = drafts[-1].sector if drafts else None
    ctx.figure_sectors.update(d.sector for d in drafts if d.sector)
    mentions = vocab.find_sectors(s.text)
    ctx.last_sentence_sector = mentions[-1][0] if mentions else None
    if not drafts and not mentions and ctx.sector and _SECTOR_TAKEN_UP.search(s.text):
        # "..., waarvan 15.604 in het bedrijfsleven. Daarmee ligt de sector op koers. Eind
        # 2017 moeten 23.000 banen ...": the sector pointed at is the topic from here on
        ctx.topic_sector = ctx.last_sentence_sector = ctx.sector
    weak = vocab.find_weak_sectors(s.text) if not mentions else []
    ctx.previous_weak_sector = weak[-1][0] if weak else None
    ctx.previous_head = drafts[0] if drafts else None
    ends = [
        d.year for d in drafts if d.metric == "target_jobs" and d.tok.value in vocab.END_TARGETS
    ]
    ctx.end_year = next((y for y in ends if y is not None), ctx.end_year)
    if mentions:
        ctx.sector = mentions[-1][0]


def _to_figure(d: Draft, s: Sentence, offset: int, doc: ParsedDocument) -> Figure:
    """`offset`: where the sentence's paragraph starts in doc.text."""
    base = offset + s.start
    start, end = base + d.tok.start, base + d.tok.end
    q_start, q_end = page_clip(doc, base, base + len(s.text), start)
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
    sector = section_sector(section)
    ctx = Context(
        document_year=doc.date.year if doc.date else dateline_year(doc.text),
        baseline_year=_baseline_year(doc.text),
    )
    if ctx.document_year:
        dated = [int(m.group(1)) for m in _WRITTEN_DATE.finditer(doc.text)]
        ctx.now_year = max([ctx.document_year, *dated])
    # a letter that counts jobs anywhere speaks of jobs: a bare number right after a strong
    # cue ("kwam uit op 1.004") is a number of jobs even in a paragraph that does not say so
    jobs_context = bool(JOB_UNIT_ANY.search(text) or JOB_UNIT_ANY.search(doc.text))
    lead_in: Sentence | None = None
    question = _heading_question(doc, start, section)
    for s_start, s_end in split_sentences(text):
        s = Sentence(text[s_start:s_end], s_start, jobs_context=jobs_context)
        s.years, s.values = _tokens(s.text)
        if question is not None and s.values and _answers(s):
            # "Hoeveel banen schiep de markt in 2018? Antwoord: 44.017.": read together
            q_text = doc.text[start + question : start + s_end]
            s = Sentence(q_text, question, jobs_context=jobs_context)
            s.years, s.values = _tokens(s.text)
            s.answer_at = s_start - question
        question = s_start if s.text.rstrip().endswith("?") and not s.values else None
        item = bool(_LIST_ITEM.match(s.text))
        if not item:
            lead_in = s if s.text.rstrip().endswith(":") else None
        fallback = lead_in_year(lead_in) if item and lead_in else None
        if item and lead_in and not _LEAD_IN_TARGET.search(lead_in.text):
            s.list_metric = "realised_jobs" if _LEAD_IN_REALISED.search(lead_in.text) else None
        drafts: list[Draft]
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


def _heading_question(doc: ParsedDocument, start: int, section: str) -> int | None:
    """Where a question heading right above the paragraph starts (relative to the paragraph,
    so negative): '## Hoeveel banen waren er eind 2019?' over 'Het antwoord: 61.615.' asks
    what its first sentence answers."""
    heading = section.split(" > ")[-1].strip() if section else ""
    if not heading.endswith("?"):
        return None
    at = doc.text.rfind(heading, max(0, start - len(heading) - 4), start)
    return at - start if at >= 0 else None


def _answers(s: Sentence) -> bool:
    """'Antwoord: 44.017.', 'Dat stond op 43.500 banen.': a sentence that answers the question
    before it, naming no sector of its own; 'Ruim 55.000 bij markt en overheid samen.': one
    that opens on its number, whatever it names after it."""
    m = _ANSWER_OPENING.match(s.text)
    return m is not None and (m.group("bare") is not None or not vocab.find_sectors(s.text))


def _one_organisation(s: Sentence) -> bool:
    """'organisatie X moet 68 banen realiseren', 'de gemeente Utrecht', 'Erasmus MC', 'wil de
    VU 163 banen': one employer's own numbers -- not a body that reports on many (UWV) nor a
    sector's acronym (VNG, IPO); so are those of an employer named as the subject ('De
    Belastingdienst heeft ...', but not 'Het Rijk heeft ...')."""
    for m in _ONE_ORGANISATION.finditer(s.text):
        name = m.group(0).split()[-1]
        if not (_NOT_ONE_ORGANISATION.fullmatch(name) or vocab.find_sectors(name)):
            return True
    for m in _NAME_BEFORE_ORGANISATION.finditer(s.text):
        if not vocab.find_sectors(m.group("name")):
            return True  # "Maastricht UMC", "Erasmus MC"
    named = _NAMED_EMPLOYER.match(s.text)
    return named is not None and not vocab.find_sectors(named.group(0))


def _one_of_a_kind(tok: NumberToken, s: Sentence) -> bool:
    """'één umc alleen al telde er 235': a value in the clause of one employer of a sector,
    named before it, is that employer's, not the sector's."""
    return any(
        m.end() <= tok.start and same_clause(m.span(), (tok.start, tok.end), s)
        for m in _ONE_OF_A_KIND.finditer(s.text)
    )


def _is_regional(s: Sentence, section: str) -> bool:
    """'In de eigen arbeidsmarktregio stonden er 1.647 banen', or any sentence under a
    heading 'Regio Amersfoort': one region's counts -- unless the sentence speaks of the
    whole country ('Landelijk ligt de realisatie eveneens op 88%')."""
    regional = _REGION.search(s.text) or _REGION.search(section.split(" > ")[-1] if section else "")
    return bool(regional) and not _NATIONAL.search(s.text)


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
            section = section_sector(covering[0].section)
            figures += table_figures(doc, table, section, year)
    figures = [f for f in figures if not check_figure(f, doc)]
    return cross_check(dedupe(figures))
