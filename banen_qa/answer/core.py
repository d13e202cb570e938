"""Answer a question from the figures table or, failing that, from the best passages.

A question that names a sector and asks for jobs, a target or a percentage is answered
from the validated figures, with the related ones of that sector-year (breakdown, target,
percentage): a table lookup cannot invent a number, and the figure's quote is its source.
When the table holds no such figure the answer says so and gives no number; retrieval
would only find a near miss (another year, another sector) and read it as an answer.

Every other question is answered by quoting the best supporting sentence(s) of the best
passages, in the letter's own words, framed in the question's language. Too little
support (low similarity and little word overlap) means abstaining.

Invariant, checked before returning: every number in the answer text stands in a cited
quote (as digits or as a number word); years taken from cited figure records count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from banen_qa.extract.numbers import (
    WORD_NUMBER,
    WORD_NUMBERS,
    find_numbers,
    word_number_values,
)
from banen_qa.models import Answer, Citation, Figure, Passage
from banen_qa.search.index import embed_query, embedder, text_hash, tokenize
from banen_qa.sentences import split_sentences
from banen_qa.text import Lang, fold, format_value, is_year, years_in

if TYPE_CHECKING:
    from banen_qa.search.index import Hit, PassageIndex


# --- question cues (about questions, not about letters: those live in vocab.py) ---------

# Words that mark the question's language; the larger count wins, English on a tie.
DUTCH_WORDS = frozenset(
    """hoeveel wat welke welk wie wanneer waar waarom hoe het de een van heeft hebben zijn
    is was waren voor met door bij op banen gerealiseerd realiseerden doel doelstelling
    quotum sectoren zij er om dat niet nog ook en""".split()
)
ENGLISH_WORDS = frozenset(
    """how many much what which who when where why did does do the a an of has have had
    is was were for with by at on jobs realise realised realize realized target quota
    sectors they it that not and in""".split()
)

# Metric a question asks about, by cue (folded, matched at word starts, longest first).
METRIC_CUES: dict[str, tuple[str, ...]] = {
    "quota_pct": ("quota percentage", "quotum percentage", "quotumpercentage", "quotapercentage"),
    "realisation_pct": (
        "realisatiepercentage", "realisation percentage", "realization percentage",
        "percentage", "procent", "percent", "%",
    ),
    "realised_jobs_own": (
        "eigen dienst", "detacher", "own employment", "own staff", "own payroll", "secondment",
        "seconded", "in-house", "directly employed",
    ),
    "realised_jobs_sroi": ("sroi", "social return", "procurement", "inkoop", "via inhuur"),
    "target_jobs": (
        "doelstelling", "doel", "quotum", "quota", "opgave", "taakstelling", "streefcijfer",
        "target", "goal", "objective", "aim",
    ),
    "baseline_jobs": ("nulmeting", "baseline", "uitgangssituatie"),
    "realised_jobs": (
        "how many jobs", "hoeveel banen", "hoeveel participatiebanen", "gerealiseerd",
        "realiseerde", "realiseren", "realiseert", "realisatie", "realise", "realize",
        "realisation", "realization", "ingevuld", "achieved", "reach", "jobs", "banen",
        "participatiebanen",
    ),
}

# Figures that belong together: one sector-year's realisation, breakdown, target and rate.
FAMILY = ("realised_jobs", "realised_jobs_own", "realised_jobs_sroi", "target_jobs",
          "realisation_pct")
UNDATED = {"quota_pct"}  # standing norms, dated only where the text dates them

SIGNATURE_CUES = (
    "who signed", "signed by", "signatory", "who wrote", "author of the letter", "ondertekend",
    "ondertekening", "wie schreef", "afzender", "wie heeft de brief",
)
SIGNATURE_LINE = re.compile(
    r"^\s*(?:de\s+)?(?:minister|staatssecretaris|minister-president)\b[^\n]*,\s*$",
    re.IGNORECASE | re.MULTILINE,
)

# Words that carry no subject in a question ("how many ... did"), beside index.STOPWORDS.
QUESTION_WORDS = frozenset(
    """how many much which who whom whose when where why many hoeveel welke welk wie
    wanneer waar waarom hoe did does do done can could would should will kunnen konden
    zou zouden heeft hebben""".split()
)

ORDINALS = {1: ("eerste", "first"), 2: ("tweede", "second"), 3: ("derde", "third"),
            4: ("vierde", "fourth")}

# A sentence that leans on the one before it ("daardoor", "Dit zijn ..."): quote both.
ANAPHORA_START = re.compile(r"^(?:dit|deze|dat|zij|ze|hij|hun|daarmee|hierdoor|this|these|"
                            r"they|it|that)\b", re.IGNORECASE)
ANAPHORA_INSIDE = re.compile(r"\b(?:daardoor|daarmee|hierop|hierdoor|hiermee|daarom|"
                             r"therefore|thereby)\b", re.IGNORECASE)

# Support needed to answer from passages (cosine similarity of E5 query and sentence;
# share of the question's content words found in the quoted sentences).
MIN_DENSE = 0.84
MIN_OVERLAP = 0.3
MIN_DENSE_WITH_OVERLAP = 0.80
SECOND_SENTENCE_MARGIN = 0.02
PASSAGES_READ = 4


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


def detect_language(text: str) -> Lang:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    nl = sum(w in DUTCH_WORDS for w in words)
    en = sum(w in ENGLISH_WORDS for w in words)
    return "nl" if nl > en else "en"


def _cue_hits(text: str, cues: dict[str, tuple[str, ...]]) -> list[str]:
    """Keys whose cues occur in text (word-start match), longest cue first, no overlaps."""
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    pairs = sorted(((c, k) for k, cs in cues.items() for c in cs), key=lambda p: -len(p[0]))
    for cue, key in pairs:
        pattern = re.escape(cue) if not cue[0].isalnum() else r"(?<!\w)" + re.escape(cue)
        for m in re.finditer(pattern, folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), key))
    ordered = [key for _, key in sorted(found)]
    return list(dict.fromkeys(ordered))


def analyse(question: str) -> Intent:
    """Language, sectors (vocab), years, quarter and metric of a question."""
    from banen_qa.extract.vocab import find_sectors

    intent = Intent(language=detect_language(question))
    intent.sectors = list(dict.fromkeys(s for s, _, _ in find_sectors(question)))
    intent.years = sorted(set(years_in(question)))
    metrics = _cue_hits(question, METRIC_CUES)
    # the most specific metric first: a breakdown or rate over the plain count
    intent.metrics = sorted(metrics, key=lambda m: m == "realised_jobs")
    folded = fold(question)
    for n, (nl, en) in ORDINALS.items():
        if re.search(rf"\b(?:{nl} kwartaal|{en} quarter|q{n})\b", folded):
            intent.quarter = n
    return intent


# --- numbers in answers ------------------------------------------------------------------


def _values(text: str) -> set[float]:
    return {round(t.value, 4) for t in find_numbers(text)} | word_number_values(text)


def unsourced_numbers(
    answer: str, quotes: Iterable[str], allowed: Iterable[float] = ()
) -> list[str]:
    """Numbers in `answer` that no quote contains (digits or number words): must be []."""
    sourced = set().union(*(_values(q) for q in quotes)) | {round(v, 4) for v in allowed}
    return [t.raw for t in find_numbers(answer) if round(t.value, 4) not in sourced]


def with_digits(text: str) -> str:
    """'twaalf medewerkers' -> 'twaalf (12) medewerkers', so the number is findable."""
    return WORD_NUMBER.sub(lambda m: f"{m.group(1)} ({WORD_NUMBERS[m.group(1).lower()]})", text)


# --- figure answers ----------------------------------------------------------------------


def _label(sector: str, lang: Lang) -> str:
    from banen_qa.extract.vocab import sector_label

    return sector_label(sector, lang)


def _pick(figures: Sequence[Figure]) -> dict[tuple[str, str, int | None, str], Figure]:
    """One figure per key: an unflagged full-year figure before a flagged or quarterly one."""
    best: dict[tuple[str, str, int | None, str], Figure] = {}
    for f in sorted(figures, key=lambda f: (f.quarter is not None, len(f.flags))):
        best.setdefault(f.key, f)
    return best


PHRASES: dict[Lang, dict[str, str]] = {
    "en": {
        "own": "{v} in own employment and secondment", "sroi": "{v} via SROI",
        "realised": "{name} realised {v} jobs{when}", "parts": "{name} realised{when}: {v}",
        "vs_target": ", against a {target} of {v} jobs",
        "target": "the {target} for {name}{when} was {v} jobs",
        "pct_after": ": {v}% of the {target}", "pct_after_target": "; {v}% of it was realised",
        "pct": "{name} realised {v}% of its {target}{when}",
        "quota_pct": "the quota percentage for {name}{when} is {v}%",
        "baseline": "the baseline for {name} was {v} jobs",
        "when": " in {year}", "when_q": " in the {ordinal} quarter of {year}",
    },
    "nl": {
        "own": "{v} in eigen dienst en via detachering", "sroi": "{v} via SROI",
        "realised": "{name}: {when}{v} banen gerealiseerd",
        "parts": "{name}: {when}gerealiseerd {v}",
        "vs_target": ", tegenover een {target} van {v} banen",
        "target": "het {target} van {name} {when}was {v} banen",
        "pct_after": ": {v}% van het {target}",
        "pct_after_target": "; daarvan is {v}% gerealiseerd",
        "pct": "{name}: {when}{v}% van het {target} gerealiseerd",
        "quota_pct": "het quotumpercentage voor {name} {when}is {v}%",
        "baseline": "de nulmeting voor {name} was {v} banen",
        "when": "in {year} ", "when_q": "in het {ordinal} kwartaal van {year} ",
    },
}


def _target_word(group: dict[str, Figure], lang: Lang) -> str:
    """'quota' where the letter calls the target a quotum, else 'target'."""
    quotes = " ".join(f.quote for m, f in group.items()
                      if m in ("target_jobs", "realisation_pct"))
    quota = re.search(r"\bquot(um|a)\b", quotes, re.IGNORECASE) is not None
    return ("quotum" if quota else "doel") if lang == "nl" else ("quota" if quota else "target")


def _group_sentence(group: dict[str, Figure], sector: str, year: int | None, lang: Lang) -> str:
    """One sector-year's figures as sentences, e.g. "Defence realised 556 jobs in 2020
    (346 in own employment and secondment, 210 via SROI), against a target of 633 jobs:
    88% of the target." """
    ph = {k: v.replace("{target}", _target_word(group, lang)) for k, v in PHRASES[lang].items()}
    g = {m: format_value(f.value, lang) for m, f in group.items()}
    name = _label(sector, lang)
    quarter = next((f.quarter for f in group.values() if f.quarter), None)
    when = ""
    if year and quarter:
        ordinal = ORDINALS[quarter][0 if lang == "nl" else 1]
        when = ph["when_q"].format(ordinal=ordinal, year=year)
    elif year:
        when = ph["when"].format(year=year)
    breakdown = ", ".join(ph[key].format(v=g[m]) for key, m in
                          (("own", "realised_jobs_own"), ("sroi", "realised_jobs_sroi")) if m in g)
    main = ""
    if "realised_jobs" in g:
        main = ph["realised"].format(name=name, v=g["realised_jobs"], when=when)
        main += f" ({breakdown})" if breakdown else ""
    elif breakdown:
        main = ph["parts"].format(name=name, when=when, v=breakdown)
    if "target_jobs" in g:
        if main:
            main += ph["vs_target"].format(v=g["target_jobs"])
        else:
            main = ph["target"].format(name=name, when=when, v=g["target_jobs"])
            if "realisation_pct" in g:
                main += ph["pct_after_target"].format(v=g["realisation_pct"])
    if "realisation_pct" in g:
        if "realised_jobs" in g or breakdown:
            main += ph["pct_after"].format(v=g["realisation_pct"])
        elif not main:
            main = ph["pct"].format(name=name, when=when, v=g["realisation_pct"])
    sentences = [main] if main else []
    if "quota_pct" in g:
        sentences.append(ph["quota_pct"].format(name=name, when=when, v=g["quota_pct"]))
    if "baseline_jobs" in g:
        sentences.append(ph["baseline"].format(name=name, v=g["baseline_jobs"]))
    return " ".join(s[0].upper() + s[1:] + "." for s in sentences)


def _no_figure(intent: Intent, sector: str, held_years: bool) -> str:
    """The abstention text: which figure is missing, and no digits at all."""
    lang = intent.language
    name = _label(sector, lang)
    metric = next((m for m in intent.metrics), "realised_jobs")
    what_en = {
        "realised_jobs": f"jobs realised by {name}", "target_jobs": f"the target of {name}",
        "realisation_pct": f"the realisation percentage of {name}",
        "realised_jobs_own": f"jobs {name} realised in own employment",
        "realised_jobs_sroi": f"jobs {name} realised via SROI",
        "quota_pct": f"the quota percentage of {name}",
        "baseline_jobs": f"the baseline of {name}",
    }
    what_nl = {
        "realised_jobs": f"door {name} gerealiseerde banen", "target_jobs": f"het doel van {name}",
        "realisation_pct": f"het realisatiepercentage van {name}",
        "realised_jobs_own": f"banen van {name} in eigen dienst",
        "realised_jobs_sroi": f"banen van {name} via SROI",
        "quota_pct": f"het quotumpercentage van {name}",
        "baseline_jobs": f"de nulmeting van {name}",
    }
    if lang == "en":
        text = f"The corpus holds no figure for {what_en[metric]}"
        text += " for that year." if intent.years else "."
        if held_years:
            text += " It does hold such figures for other years."
    else:
        text = f"Het corpus bevat geen cijfer over {what_nl[metric]}"
        text += " voor dat jaar." if intent.years else "."
        if held_years:
            text += " Voor andere jaren bevat het wel zulke cijfers."
    return text


def answer_from_figures(question: str, intent: Intent, figures: Sequence[Figure]) -> Answer:
    """Answer a figure question from the table, or abstain naming what is missing."""
    lang = intent.language
    chosen = _pick(figures)
    sentences: list[str] = []
    used: list[Figure] = []
    missing: list[str] = []
    for sector in intent.sectors:
        of_sector = [f for f in chosen.values() if f.sector == sector]
        asked = [f for f in of_sector if f.metric in intent.metrics]
        if intent.years:
            dated = [f for f in asked if f.year in intent.years]
            undated = [f for f in asked if f.year is None and f.metric in UNDATED]
            hits = dated or undated
        else:
            hits = asked
        if intent.quarter:
            hits = [f for f in hits if f.quarter == intent.quarter] or hits
        if not hits:
            missing.append(_no_figure(intent, sector, held_years=bool(asked)))
            continue
        for doc, year in sorted({(f.document, f.year) for f in hits},
                                key=lambda dy: (dy[0], dy[1] or 0)):
            wanted = set(intent.metrics) | (set(FAMILY) if set(intent.metrics) & set(FAMILY)
                                            else set())
            group = {f.metric: f for f in of_sector
                     if f.document == doc and f.year == year and f.metric in wanted}
            sentences.append(_group_sentence(group, sector, year, lang))
            used.extend(group[m] for m in sorted(group, key=lambda m: (
                list(METRIC_CUES).index(m) if m in METRIC_CUES else 99)))
    if not used:
        return Answer(question=question, answer=" ".join(missing), abstained=True,
                      language=lang)
    citations = list({(f.document, f.page, f.quote): Citation(
        document=f.document, page=f.page, quote=f.quote) for f in used}.values())
    return Answer(question=question, answer=" ".join(sentences + missing), abstained=False,
                  language=lang, citations=citations, figures=used)


# --- passage answers ---------------------------------------------------------------------


@dataclass
class Sentence:
    passage: Passage
    start: int  # offsets in passage.text
    end: int
    rank: int  # rank of its passage in the search
    dense: float = 0.0
    overlap: float = 0.0

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def score(self) -> float:
        return self.dense + 0.1 * self.overlap


def passage_sentences(passage: Passage, rank: int = 0) -> list[Sentence]:
    """Sentences (and bullet lines) of a passage, see `banen_qa.sentences`."""
    return [Sentence(passage, s, e, rank) for s, e in split_sentences(passage.text)]


def _content_terms(question: str) -> list[str]:
    return [t for t in dict.fromkeys(tokenize(question)) if t not in QUESTION_WORDS]


def _term_match(term: str, tokens: set[str]) -> bool:
    """Equal, or sharing a stem of five letters (autism/autisme, internal/interne)."""
    if term in tokens:
        return True
    if len(term) < 5 or term[0].isdigit():
        return False
    stem = term[: max(5, len(term) - 3)]
    return any(t.startswith(stem) or (len(t) >= 5 and term.startswith(t[: max(5, len(t) - 3)]))
               for t in tokens)


def overlap(terms: Sequence[str], text: str) -> float:
    if not terms:
        return 0.0
    tokens = set(tokenize(text))
    return sum(_term_match(t, tokens) for t in terms) / len(terms)


def _sentence_vectors(index: PassageIndex, texts: list[str]) -> np.ndarray:
    """Passage-mode vectors of sentences, through the index's on-disk cache."""
    keys = [text_hash(t) for t in texts]
    cached = index.cache.get_many(keys)
    todo = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in cached]
    if todo:
        vectors = embedder().passage([t for _, t in todo])
        new = [(k, v) for (k, _), v in zip(todo, vectors, strict=True)]
        index.cache.put_many(new)
        cached.update(new)
    return np.stack([cached[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)


def cite(passage: Passage, start: int, end: int) -> list[Citation]:
    """Citations of passage.text[start:end], one per page it stands on."""
    pieces: list[tuple[int, int, int]] = []
    base = passage.char_start
    for span in passage.page_spans:
        s, e = max(start, span.char_start - base), min(end, span.char_end - base)
        if s < e and passage.text[s:e].strip():
            pieces.append((span.page, s, e))
    if not pieces or passage.kind == "footnote":
        pieces = [(passage.page_at(base + start) if passage.kind != "footnote" else passage.page,
                   start, end)]
    return [Citation(document=passage.document, page=page,
                     quote=" ".join(passage.text[s:e].split())) for page, s, e in pieces]


def _signature(index: PassageIndex, documents: set[str] | None = None) -> list[Sentence]:
    """The closing signature block(s) of the letters: the genre's answer to 'who signed'."""
    found = []
    for p in index.passages():
        if p.kind == "body" and len(p.text) < 300 and SIGNATURE_LINE.search(p.text) and (
            not documents or p.document in documents
        ):
            found.append(Sentence(p, 0, len(p.text), 0, dense=1.0, overlap=1.0))
    return found[-1:] if documents else found


# A question that asks for an amount; a sentence without a number does not answer it.
QUANTITY_QUESTION = re.compile(
    r"\b(how (many|much)|what (percentage|share|number)|hoeveel|welk (percentage|aantal)|"
    r"wat (kost|kostte|kosten))\b")


def _amounts(text: str) -> set[float]:
    """Numbers in `text` that can answer "how many": years are not amounts."""
    return {v for v in _values(text) if not is_year(v)}


def answer_from_passages(question: str, intent: Intent, index: PassageIndex) -> Answer:
    """Quote the best supporting sentence(s); abstain when support is weak."""
    lang = intent.language
    folded = fold(question)
    if any(cue in folded for cue in SIGNATURE_CUES):
        chosen = _signature(index)
        if chosen:
            return _quote_answer(question, lang, chosen)
    hits: list[Hit] = index.search_hits(question, k=PASSAGES_READ)
    sentences = [s for rank, h in enumerate(hits) for s in passage_sentences(h.passage, rank)]
    if not sentences:
        return _abstain(question, lang)
    terms = _content_terms(question)
    qvec = embed_query(question)
    vectors = _sentence_vectors(index, [s.text for s in sentences])
    for s, v in zip(sentences, vectors, strict=True):
        s.dense = float(v @ qvec)
        s.overlap = overlap(terms, s.text + " " + s.passage.section)
    ranked = sorted(sentences, key=lambda s: -s.score)
    best = ranked[0]
    supported = best.dense >= MIN_DENSE or (
        best.overlap >= MIN_OVERLAP and best.dense >= MIN_DENSE_WITH_OVERLAP)
    if not supported:
        return _abstain(question, lang)
    chosen = [best]
    for s in ranked[1:]:
        if s.score < best.score - SECOND_SENTENCE_MARGIN:
            break
        if s.passage.id != best.passage.id or abs(s.start - best.start) > 0:
            chosen.append(s)
            break
    if QUANTITY_QUESTION.search(folded) and not any(_amounts(s.text) for s in chosen):
        return _abstain(question, lang)  # "how many …?" answered by a sentence with no amount
    return _quote_answer(question, lang, _with_antecedents(chosen))


def _with_antecedents(chosen: list[Sentence]) -> list[Sentence]:
    """Add the sentence before any chosen sentence that leans on it; keep text order."""
    out: dict[tuple[str, int], Sentence] = {}
    for s in chosen:
        if ANAPHORA_START.search(s.text) or ANAPHORA_INSIDE.search(s.text):
            before = [p for p in passage_sentences(s.passage, s.rank) if p.end <= s.start]
            if before:
                out[(s.passage.id, before[-1].start)] = before[-1]
        out[(s.passage.id, s.start)] = s
    return sorted(out.values(), key=lambda s: (s.rank, s.passage.id, s.start))


def _quote_answer(question: str, lang: Lang, chosen: list[Sentence]) -> Answer:
    quotes = [" ".join(with_digits(s.text).split()) for s in chosen]
    lead = "The letter says: " if lang == "en" else "In de brief staat: "
    text = lead + " ".join(f"\u201c{q}\u201d" for q in quotes)
    citations = [c for s in chosen for c in cite(s.passage, s.start, s.end)]
    return Answer(question=question, answer=text, abstained=False, language=lang,
                  citations=citations)


def _abstain(question: str, lang: Lang) -> Answer:
    text = ("The corpus does not hold an answer to this question."
            if lang == "en" else "Het corpus bevat geen antwoord op deze vraag.")
    return Answer(question=question, answer=text, abstained=True, language=lang)


def answer_question(question: str, *, index: PassageIndex, figures: list[Figure]) -> Answer:
    """Figures first for figure questions, else quoted passages; abstain when unsupported."""
    intent = analyse(question)
    if intent.asks_figure:
        answer = answer_from_figures(question, intent, figures)
    else:
        answer = answer_from_passages(question, intent, index)
    if not answer.abstained:
        years = {float(f.year) for f in answer.figures if f.year}
        if unsourced_numbers(answer.answer, [c.quote for c in answer.citations], years):
            return _abstain(question, intent.language)  # never a number without a source
    return answer
