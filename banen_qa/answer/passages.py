"""Passage answers: quote the best supporting sentence(s) of the best passages, in the
letter's own words, framed in the question's language; abstain when support is weak
(low similarity and little word overlap) or when a "how many" question finds no amount."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from banen_qa.answer.check import amounts_in, with_digits
from banen_qa.answer.intent import Intent
from banen_qa.extract.numbers import find_numbers
from banen_qa.models import Answer, Citation, Passage
from banen_qa.search.keyword import tokenize
from banen_qa.sentences import split_sentences
from banen_qa.text import Lang, fold, is_year

if TYPE_CHECKING:
    import numpy as np

    from banen_qa.search.index import Hit, PassageIndex

SIGNATURE_CUES = (
    "who signed",
    "signed by",
    "signatory",
    "who wrote",
    "author of the letter",
    "ondertekend",
    "ondertekening",
    "wie schreef",
    "afzender",
    "wie heeft de brief",
)
SIGNATURE_LINE = re.compile(
    r"^\s*(?:de\s+)?(?:minister|staatssecretaris|minister-president)\b[^\n]*,\s*$",
    re.IGNORECASE | re.MULTILINE,
)

# Words that carry no subject in a question ("how many ... did"), beside index.STOPWORDS.
QUESTION_WORDS = frozenset(
    """how many much which who whom whose when where why many hoeveel welke welk wie
    wanneer waar waarom hoe did does do done can could would should will kunnen konden
    zou zouden heeft hebben through""".split()
)

# A sentence that leans on the one before it ("daardoor", "Dit zijn ..."): quote both.
ANAPHORA_START = re.compile(
    r"^(?:dit|deze|dat|zij|ze|hij|hun|daarmee|hierdoor|this|these|"
    r"they|it|that)\b",
    re.IGNORECASE,
)
ANAPHORA_INSIDE = re.compile(
    r"\b(?:daardoor|daarmee|hierop|hierdoor|hiermee|daarom|"
    r"therefore|thereby)\b",
    re.IGNORECASE,
)

# Support needed to answer from passages (cosine similarity of E5 query and sentence;
# share of the question's content words found in the quoted sentences).
MIN_DENSE = 0.84
MIN_OVERLAP = 0.3
MIN_DENSE_WITH_OVERLAP = 0.80
SECOND_SENTENCE_MARGIN = 0.02
PASSAGES_READ = 4
# a question naming its documents: read this many times as many passages, then keep theirs
SCOPED_READ = 10


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
    return any(
        t.startswith(stem) or (len(t) >= 5 and term.startswith(t[: max(5, len(t) - 3)]))
        for t in tokens
    )


def overlap(terms: Sequence[str], text: str) -> float:
    if not terms:
        return 0.0
    tokens = set(tokenize(text))
    return sum(_term_match(t, tokens) for t in terms) / len(terms)


def _sentence_vectors(index: PassageIndex, texts: list[str]) -> np.ndarray:
    import numpy as np  # here, not at the top: a figure question never needs it

    from banen_qa.search.index import embedder, text_hash

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
        pieces = [
            (
                passage.page_at(base + start) if passage.kind != "footnote" else passage.page,
                start,
                end,
            )
        ]
    return [
        Citation(document=passage.document, page=page, quote=" ".join(passage.text[s:e].split()))
        for page, s, e in pieces
    ]


def _signature(index: PassageIndex, documents: set[str] | None = None) -> list[Sentence]:
    """The closing signature block(s) of the letters: the genre's answer to 'who signed'."""
    found = []
    for p in index.passages():
        if (
            p.kind == "body"
            and len(p.text) < 300
            and SIGNATURE_LINE.search(p.text)
            and (not documents or p.document in documents)
        ):
            found.append(Sentence(p, 0, len(p.text), 0, dense=1.0, overlap=1.0))
    return found[-1:] if documents else found


# A question that asks for an amount; a sentence without a number does not answer it.
QUANTITY_QUESTION = re.compile(
    r"\b(how (many|much|high|large)|what (percentage|share|number)|hoeveel|"
    r"welk (percentage|aantal)|wat (kost|kostte|kosten)|hoe (hoog|groot)|"
    r"(what|wat) (is|was|are|were|zijn|waren) (the|het|de) (average|mean|total|median|"
    r"gemiddeld\w*|totale?)|gemiddeld\w* (salaris|loon|aantal))\b"
)


def answer_from_passages(
    question: str, intent: Intent, index: PassageIndex, documents: list[str] | None = None
) -> Answer:
    """Quote the best supporting sentence(s); abstain when support is weak. A question that
    names its documents is answered from those only."""
    lang = intent.language
    folded = fold(question)
    if any(cue in folded for cue in SIGNATURE_CUES):
        chosen = _signature(index)
        if chosen:
            return _quote_answer(question, lang, chosen)
    hits: list[Hit] = index.search_hits(question, k=PASSAGES_READ)
    if documents is not None:
        wide = index.search_hits(question, k=PASSAGES_READ * SCOPED_READ)
        hits = [h for h in wide if h.passage.document in documents][:PASSAGES_READ]
    sentences = [s for rank, h in enumerate(hits) for s in passage_sentences(h.passage, rank)]
    if not sentences:
        return abstain(question, lang)
    terms = _content_terms(question)
    qvec = _embed_query(question)
    vectors = _sentence_vectors(index, [s.text for s in sentences])
    for s, v in zip(sentences, vectors, strict=True):
        s.dense = float(v @ qvec)
        s.overlap = overlap(terms, s.text + " " + s.passage.section)
    ranked = sorted(sentences, key=lambda s: -s.score)
    best = ranked[0]
    supported = best.dense >= MIN_DENSE or (
        best.overlap >= MIN_OVERLAP and best.dense >= MIN_DENSE_WITH_OVERLAP
    )
    if not supported:
        return abstain(question, lang)
    chosen = [best]
    for s in ranked[1:]:
        if s.score < best.score - SECOND_SENTENCE_MARGIN:
            break
        if s.passage.id != best.passage.id or abs(s.start - best.start) > 0:
            chosen.append(s)
            break
    quantity = QUANTITY_QUESTION.search(folded)
    if quantity and not any(amounts_in(undated(s.text)) for s in chosen):
        return abstain(question, lang)  # "how many …?" answered by a sentence with no amount
    if forecast_unmet(question, chosen) or (quantity and place_unmet(question, chosen)):
        return abstain(question, lang)  # a forecast, or a place the sentences do not name
    if quantity and names_other_year(intent, chosen):
        return abstain(question, lang)  # "how many at the end of 2023": a 2022 count is none
    answer = _quote_answer(question, lang, _with_antecedents(chosen))
    if names_other_scope(question, intent, chosen):  # never another year/sector unsaid
        answer.answer += " " + OTHER_SCOPE_NOTE[lang == "en"]
    return answer


# "How many jobs will have been realised by 2026?", "hoeveel banen verwacht men eind 2025":
# a forecast; a sentence that states a target or a past count does not answer it, only one
# that itself forecasts.
FORECAST_QUESTION = re.compile(
    r"\b(?:will\s+(?:have\s+)?(?:been\s+)?(?:be\s+)?(?:realis|realiz|creat|reach|achiev|end|stand)\w*|"
    r"(?:is|are)\s+(?:expected|projected|forecast)|expect\w*|forecast\w*|predict\w*|"
    r"zullen\s+(?:er\s+)?(?:zijn|worden|staan)|verwacht\w*|voorspel\w*|prognose\w*|"
    r"naar\s+verwachting|zal\s+(?:er\s+)?\w+\s+(?:zijn|staan))\b"
)
FORECAST_TEXT = re.compile(
    r"\b(?:verwacht\w*|prognose\w*|raming\w*|voorspel\w*|naar\s+verwachting|expect\w*|"
    r"forecast\w*|projected|projection\w*)\b"
)
# "in the Haaglanden region", "regio Twente", "arbeidsmarktregio Rijnmond": a named place
PLACE_NAMED = re.compile(
    r"\b(?:(?:arbeidsmarkt)?regio|region|provincie|province|gemeente|municipality\s+of)\s+"
    r"((?:[A-Z][\w'-]+)(?:[\s-][A-Z][\w'-]+)*)"
    r"|\b(?:the\s+)?((?:[A-Z][\w'-]+)(?:[\s-][A-Z][\w'-]+)*)\s+(?:region|regio)\b"
)


def forecast_unmet(question: str, chosen: Sequence[Sentence]) -> bool:
    """The question asks for a forecast and no chosen sentence makes one."""
    if not FORECAST_QUESTION.search(fold(question)):
        return False
    return not any(FORECAST_TEXT.search(fold(s.text)) for s in chosen)


def place_unmet(question: str, chosen: Sequence[Sentence]) -> bool:
    """The question names a place (region, province, town) the chosen sentences and their
    sections do not name: a count of another place or of the whole country is no answer."""
    places = [m.group(1) or m.group(2) for m in PLACE_NAMED.finditer(question)]
    places = [p for p in places if p and p.split()[0] not in ("The", "De", "Het")]
    if not places:
        return False
    text = fold(" ".join(s.text + " " + s.passage.section for s in chosen))
    return any(fold(p) not in text for p in places)


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
    return Answer(
        question=question, answer=text, abstained=False, language=lang, citations=citations
    )


def abstain(question: str, lang: Lang) -> Answer:
    text = (
        "The corpus does not hold an answer to this question."
        if lang == "en"
        else "Het corpus bevat geen antwoord op deze vraag."
    )
    return Answer(question=question, answer=text, abstained=True, language=lang)


# A figure question the table cannot answer: a sentence that names the asked sector and year
# and states an amount of the asked metric still answers it (before any abstention).
MIN_DENSE_FIGURE_SENTENCE = 0.78
FIGURE_CUE_WINDOW = 40  # characters between an amount and its metric's cue
FIGURE_NOTE = (
    "De cijfertabel bevat dit cijfer niet; de brief noemt het wel:",
    "The figures table does not hold this figure; the letter states it:",
)
OTHER_SCOPE_NOTE = (
    "Let op: de geciteerde tekst noemt een ander jaar of een andere sector dan gevraagd.",
    "Note: the quoted text names another year or sector than the one asked.",
)


def _sentence_fits(s: Sentence, intent: Intent, before: str = "") -> bool:
    """The sentence names an asked sector (or stands in its section without naming another),
    an asked year (when one is asked; else the last one its passage, or `before` it the
    document's earlier passages of its section, wrote) and an amount of the asked metric."""
    from banen_qa.extract.vocab import METRIC, find_sectors
    from banen_qa.text import years_in

    text = s.text
    named = {sid for sid, _, _ in find_sectors(text)}
    own = {sid for sid, _, _ in find_sectors(s.passage.section)}
    if not (named & set(intent.sectors) or (not named and own & set(intent.sectors))):
        return False
    years = _sentence_period(s)[0] or years_in(fold(undated(before)))[-1:]
    if intent.years and not set(years) & set(intent.years):
        return False
    if _listed_with_others(text, set(intent.sectors)):
        return False
    metric = METRIC[intent.metrics[0]] if intent.metrics else METRIC["realised_jobs"]
    amounts = [
        t for t in find_numbers(text) if t.is_pct == (metric.unit == "pct") and not is_year(t.value)
    ]
    low = text.lower()
    cues = [m.start() for c in metric.prose_cues for m in re.finditer(c, low)]
    # an amount of the asked kind (percentage or count) near a cue of the asked metric
    return any(
        abs(c - t.start) <= FIGURE_CUE_WINDOW or abs(c - t.end) <= FIGURE_CUE_WINDOW
        for t in amounts
        for c in cues
    ) or bool(amounts and not metric.prose_cues)


# between two sectors of one list: "ministeries, gemeenten en provincies", "A or B"
LIST_JOIN = re.compile(r"^\s*(?:,|/|en|of|and|or|&)\s*(?:de |het |the )?$")


def _listed_with_others(text: str, asked: set[str]) -> bool:
    """The asked sector is named only inside a list of sectors ("bij ministeries, gemeenten
    en provincies") and the sentence has fewer amounts than sectors: its number is the
    list's together, no figure of the asked sector."""
    from banen_qa.extract.vocab import find_sectors

    named = sorted(find_sectors(text), key=lambda n: n[1])
    amounts = [t for t in find_numbers(text) if not is_year(t.value)]
    if len({sid for sid, _, _ in named}) <= len(amounts):
        return False
    for i, (sid, start, end) in enumerate(named):
        if sid not in asked:
            continue
        before = i > 0 and LIST_JOIN.match(text[named[i - 1][2] : start])
        after = i + 1 < len(named) and LIST_JOIN.match(text[end : named[i + 1][1]])
        if not (before or after):
            return False
    return any(sid in asked for sid, _, _ in named)


def with_sector_sections(
    passages: list[Passage], index: PassageIndex, sectors: Sequence[str]
) -> list[Passage]:
    """The passages found, then every body passage of the asked sectors' own sections that
    search did not rank: a letter's section on a sector answers questions about it."""
    from banen_qa.extract.vocab import find_sectors

    if not sectors:
        return passages
    seen = {p.id for p in passages}
    return passages + [
        p
        for p in index.passages()
        if p.id not in seen
        and p.kind == "body"
        and {sid for sid, _, _ in find_sectors(p.section)} & set(sectors)
    ]


def figure_sentence(
    question: str, intent: Intent, index: PassageIndex, documents: Sequence[str] | None = None
) -> Answer | None:
    """For a figure question the table cannot answer: the best sentence that names that
    sector, that year and an amount of that metric, quoted; None when there is none (the
    caller abstains). Never a sentence about another sector or year."""

    hits = index.search_hits(question, k=PASSAGES_READ * 2)
    passages = with_sector_sections([h.passage for h in hits], index, intent.sectors)
    if documents:
        passages = [p for p in passages if p.document in documents]
    body = [p for p in index.passages() if p.kind == "body"]

    def before(p: Passage) -> str:  # the text of its section up to the passage
        return " ".join(
            q.text
            for q in body
            if (q.document, q.section) == (p.document, p.section) and q.char_end <= p.char_start
        )

    candidates = [
        s
        for rank, p in enumerate(passages)
        for s in passage_sentences(p, rank)
        if _sentence_fits(s, intent, before(p))
    ]
    if not candidates:
        return None
    qvec = _embed_query(question)
    vectors = _sentence_vectors(index, [s.text for s in candidates])
    for s, v in zip(candidates, vectors, strict=True):
        s.dense = float(v @ qvec)
    best = max(candidates, key=lambda s: s.dense)
    if best.dense < MIN_DENSE_FIGURE_SENTENCE:
        return None
    answer = _quote_answer(question, intent.language, _with_antecedents([best]))
    lead = "The letter says: " if intent.language == "en" else "In de brief staat: "
    note = FIGURE_NOTE[intent.language == "en"]
    answer.answer = note + " " + answer.answer.removeprefix(lead)
    return answer


# "Januari 2023 – ...", "Den Haag, 6 augustus 2021 – ...": the date an item was published,
# no year or amount the sentence reports on
DATELINE = re.compile(
    r"^[^.:;\n]{0,40}?\b(?:\d{1,2}\s+)?(?:januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december|january|february|march|may|june|july|august|"
    r"october)\s+(?:19|20)\d\d\s*[\u2013\u2014-]\s*",
    re.IGNORECASE,
)


def undated(text: str) -> str:
    """The sentence without its dateline."""
    return DATELINE.sub("", text, count=1)


def names_other_year(intent: Intent, chosen: Sequence[Sentence]) -> bool:
    """The question asks about years and the quoted sentences (datelines aside) name only
    other ones."""
    from banen_qa.text import years_in

    years = set(years_in(" ".join(undated(s.text) for s in chosen)))
    return bool(intent.years and years and not years & set(intent.years))


def names_other_scope(question: str, intent: Intent, chosen: Sequence[Sentence]) -> bool:
    """The quoted sentences name years (or sectors) and none of those the question asks."""
    from banen_qa.extract.vocab import find_sectors
    from banen_qa.text import years_in

    text = " ".join(s.text for s in chosen)
    years = set(years_in(text))
    if intent.years and years and not years & set(intent.years):
        return True
    sectors = {sid for sid, _, _ in find_sectors(text)}
    return bool(intent.sectors and sectors and not sectors & set(intent.sectors))


def _embed_query(question: str) -> np.ndarray:
    """The question's vector (imports the model only when a passage answer needs it)."""
    from banen_qa.search.index import embed_query

    return embed_query(question)


# (vocabulary) Kinds of number that stand only in sentences, never in the figures table:
# kind -> (the question's words for it, a sentence's words for it). The first kind whose
# question words match is the one asked.
SENTENCE_KINDS: dict[str, tuple[str, str]] = {
    "persons_working": (
        r"\bin work\b|\bat work\b|\bworking\b|\bemployed\b|aan het werk|\bwerkzame?\b|"
        r"\bwerkten\b|\bwerkend\w*",
        r"aan het werk|\bwerkten\b|\bwerkzame?\b|\bin work\b|\bwere working\b|\bemployed\b",
    ),
    "register": (
        r"\bregister\b|doelgroepregister|\bregistered\b|ingeschreven",
        r"\bregister\b|doelgroepregister|\bregistered\b|ingeschreven",
    ),
    "quarter_increase": (
        r"\b(?:added|gained|increase\w*|rose|rise|grew|growth|bij ?gekomen|erbij|toegenomen|"
        r"toename|gestegen|steeg|groei\w*)\b",
        r"\b(?:steeg|stegen|gestegen|toename|toegenomen|groeide|gegroeid|bijgekomen|erbij|"
        r"increase\w*|rose|added|grew)\b|\bkwam(?:en)? er\b.{0,40}\bbij\b",
    ),
}
# a change a sentence states: "groeide ... ten opzichte van het eerste kwartaal met 3.768"
CHANGE_WORDS = (
    r"\b(?:groeide|gegroeid|steeg|gestegen|toename|afname|daling|rose|grew|fell|"
    r"increase\w*|decrease\w*|toe met|meer dan|minder dan)\b"
)
# "ten opzichte van het tweede kwartaal": the period compared with, not the one reported on
COMPARED_PERIOD = re.compile(
    r"\b(?:ten opzichte van|vergeleken met|compared (?:with|to)|than in|dan in)\s+"
    r"(?:het |the )?(?:vorige |voorgaande |previous )?\w+\s+(?:kwartaal|quarter)"
    r"(?:\s+(?:van|of)\s+(?:19|20)\d\d)?"
)
SENTENCE_KIND_LEAD = ("In de documenten staat: ", "The documents say: ")


def sentence_kind(question: str) -> str | None:
    """The kind of sentence-only number a question asks, or None. A quarterly increase is
    asked only with a quarter named."""
    folded = fold(question)
    if not QUANTITY_QUESTION.search(folded) and not re.search(
        r"\b(?:by how much|hoeveel|how (?:many|much))\b", folded
    ):
        return None
    for kind, (asked, _) in SENTENCE_KINDS.items():
        if re.search(asked, folded) and (
            kind != "quarter_increase" or _quarter_of(folded) is not None
        ):
            return kind
    return None


def _quarter_of(folded: str) -> int | None:
    """The quarter a text names (an ordinal quarter, "Q3", or a quarter's last month)."""
    from banen_qa.answer.intent import ORDINALS, month_quarters

    for n, (nl, en) in ORDINALS.items():
        if re.search(rf"\b(?:{nl} kwartaal|{en} quarter|q{n})\b", folded):
            return n
    months = month_quarters(folded)
    return months[0][3] if months else None


def _sentence_period(s: Sentence) -> tuple[list[int], int | None]:
    """The years a sentence reports on (else the last year written before it in its
    passage: "in het eerste kwartaal van dit jaar" under a dated lead) and its quarter."""
    from banen_qa.text import years_in

    text = COMPARED_PERIOD.sub(" ", fold(undated(s.text)))
    years = years_in(text)
    if years:
        return years, _quarter_of(text)
    before = fold(s.passage.text[: s.start])
    quarters = [q for q in map(_quarter_of, re.split(r"(?<=[.!?])\s+", before)) if q]
    return years_in(before)[-1:], _quarter_of(text) or (quarters[-1] if quarters else None)


def _change_first(text: str) -> bool:
    """A change word before the sentence's first amount: it states a change, not a level."""
    folded = fold(undated(text))
    amounts = [t for t in find_numbers(folded) if not is_year(t.value)]
    change = re.search(CHANGE_WORDS, folded)
    return bool(change and amounts and change.start() < amounts[0].start)


def _in_period(s: Sentence, year: int, quarter: int | None) -> bool:
    """The sentence reports on that year and quarter; no quarter asked: the year's end (the
    fourth quarter, December or no quarter named)."""
    years, q = _sentence_period(s)
    if year not in years:
        return False
    return q == quarter if quarter is not None else q in (None, 4)


def sentence_kind_answer(
    question: str,
    intent: Intent,
    index: PassageIndex,
    periods: Sequence[tuple[int, int | None]] = (),
    documents: Sequence[str] | None = None,
) -> Answer | None:
    """A number of a kind only sentences state (persons in work, the doelgroepregister, a
    quarter's increase): for each asked period the best sentence that holds an amount of
    that kind for it, quoted and cited, never computed over; for a change, also a sentence
    of the later period's document that states the change since the earlier one. None when
    the question asks no such kind; an abstention when a period has no such sentence."""
    from banen_qa.text import years_in

    kind = sentence_kind(question)
    if kind is None:
        return None
    cue = SENTENCE_KINDS[kind][1]
    quarter = intent.quarter or _quarter_of(fold(question))  # "eind juni 2018": the 2nd
    asked = list(periods) or [(y, quarter) for y in intent.years]
    if not asked:
        return None
    pool = [
        s
        for p in index.passages()
        if p.kind == "body" and (not documents or p.document in documents)
        for s in passage_sentences(p)
        if re.search(cue, fold(s.text))
        and any(not is_year(t.value) and not t.is_pct for t in find_numbers(undated(s.text)))
    ]
    place = [m.group(1) or m.group(2) for m in PLACE_NAMED.finditer(question)]
    if any(p and p.split()[0] not in ("The", "De", "Het") for p in place):
        pool = [s for s in pool if not place_unmet(question, [s])]
    if not pool:
        return abstain(question, intent.language)
    qvec = _embed_query(question)
    for s, v in zip(pool, _sentence_vectors(index, [s.text for s in pool]), strict=True):
        s.dense = float(v @ qvec)
    chosen: list[Sentence] = []
    for year, quarter in asked:
        fits = [
            s
            for s in pool
            if _in_period(s, year, quarter)
            and (kind == "quarter_increase" or not _change_first(s.text))
        ]
        if not fits:
            return abstain(question, intent.language)
        chosen.append(max(fits, key=lambda s: s.dense))
    if len(asked) == 2 and asked[0][1] is not None:
        later = chosen[-1].passage.document
        stated = [
            s
            for s in pool
            if s.passage.document == later
            and re.search(CHANGE_WORDS, fold(s.text))
            and _quarter_of(fold(s.text)) == asked[0][1]
            and asked[0][0] in years_in(s.text)
        ]
        chosen += stated[:1]
    unique = list({(s.passage.id, s.start): s for s in chosen}.values())
    answer = _quote_answer(question, intent.language, unique)
    lead = "The letter says: " if intent.language == "en" else "In de brief staat: "
    answer.answer = SENTENCE_KIND_LEAD[intent.language == "en"] + answer.answer.removeprefix(lead)
    return answer


MIN_SOURCE_WORDS = 5  # a byline ("NRC", "PO-Raad") says nothing


def per_document_sentences(
    question: str, intent: Intent, index: PassageIndex, groups: Sequence[Sequence[str]]
) -> Answer | None:
    """What two (or more) named sources say: the best sentence of each named document's
    own passages, one per name, quoted and cited; a number question takes sentences with an
    amount. None when a name's documents hold no supported sentence."""
    from banen_qa.text import years_in

    terms = _content_terms(question)
    qvec = _embed_query(question)
    quantity = QUANTITY_QUESTION.search(fold(question)) or re.search(
        r"\b(?:which|what|welk|welke)\s+(?:\w+\s+)?(?:percentage|number|aantal|year|jaar)\b",
        fold(question),
    )
    asked_amounts = {v for v in amounts_in(question) if not is_year(v)}
    chosen: list[Sentence] = []
    for rank, group in enumerate(groups):  # quoted in the question's order of names
        pool = [
            s
            for p in index.passages()
            if p.kind == "body" and p.document in group
            for s in passage_sentences(p, rank)
            if len(s.text.split()) >= MIN_SOURCE_WORDS
            and (not quantity or amounts_in(undated(s.text)) or years_in(undated(s.text)))
        ]
        same = [s for s in pool if amounts_in(undated(s.text)) & asked_amounts]
        pool = same or pool  # "the 125,000 extra jobs": a sentence on that amount first
        dated = [s for s in pool if set(years_in(undated(s.text))) & set(intent.years)]
        pool = dated or pool  # "wat meldt NRC over 2016": a sentence on that year next
        if not pool:
            return None
        for s, v in zip(pool, _sentence_vectors(index, [s.text for s in pool]), strict=True):
            s.dense = float(v @ qvec)
            s.overlap = overlap(terms, s.text + " " + s.passage.section)
        best = max(pool, key=lambda s: s.score)
        if best.dense < MIN_DENSE_FIGURE_SENTENCE and best.overlap < MIN_OVERLAP:
            return None
        chosen.append(best)
    answer = _quote_answer(question, intent.language, _with_antecedents(chosen))
    lead = "The letter says: " if intent.language == "en" else "In de brief staat: "
    answer.answer = SENTENCE_KIND_LEAD[intent.language == "en"] + answer.answer.removeprefix(lead)
    return answer
