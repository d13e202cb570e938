"""Why / how / which questions: the sentences that answer them, chosen by cue words (a
reason, an outcome, a measure) among the best passages, led by one sentence in the
question's language and followed by the quoted evidence. A figure sentence brings the
sentence after it when that one carries the reason. Nothing that answers: abstain, never
the nearest sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from banen_qa.answer.check import amounts_in
from banen_qa.answer.intent import Intent, asks_factor, detect_language
from banen_qa.answer.letters import (
    QUOTED,
    Letter,
    dated_in,
    naming_words,
    opening,
    source_documents,
)
from banen_qa.answer.passages import (
    ANAPHORA_INSIDE,
    ANAPHORA_START,
    MIN_DENSE,
    Sentence,
    _content_terms,
    _quote_answer,
    _sentence_vectors,
    _with_antecedents,
    abstain,
    overlap,
    passage_sentences,
    with_sector_sections,
)
from banen_qa.extract.numbers import find_numbers
from banen_qa.extract.vocab import (
    CHANGE_DIRECTIONS,
    CONSEQUENCE_OPENERS,
    COUNT_WORD_VALUES,
    ITEM_ANNOUNCER,
    REASON_CUES,
    REASON_POINTS_BACK,
    REASON_QUESTION,
    REPORTED_QUESTION,
    SECTOR_SPECS,
    dutch_for,
    english_phrases,
    find_sectors,
    find_weak_sectors,
    sector_label,
)
from banen_qa.models import Answer, Passage
from banen_qa.search.keyword import tokenize
from banen_qa.text import fold, is_year, years_in

if TYPE_CHECKING:
    from banen_qa.search.index import PassageIndex

# (cue table) a how that asks what made something change ("how did the UMCs grow despite
# the pandemic", with a verb of change); every other reason question is vocab.REASON_QUESTION
HOW_CAUSE = ("how did", "hoe kon")
WHICH_CUES = (
    "which",
    "welke",
    "welk",
    "what measures",
    "welke maatregelen",
    "how ",
    "hoe ",
    "op welke manier",
    "in what way",
)
OUTCOME_CUES = (
    "gehaald",
    "behaald",
    "uitzondering",
    "achterblijv",
    "beste$",
    "positie",
    "boven",
    "koploper",
)
BEST_CUES = (
    "did best",
    "best$",
    "beste$",
    "het best",
    "koploper",
    "outperform",
    "exception",
    "uitzondering",
)
LEAD = {
    "why": ("De brief noemt als reden:", "The letter gives this reason:"),
    "which": ("De brief zegt hierover:", "The letter says:"),
    "sectors": ("Genoemd: {names}.", "Named: {names}."),
}
# (cue table) words added to a second search per kind of question
EXPAND = {
    "why": "reden oorzaak omdat doordat vanwege als gevolg van",
    "best": "positieve uitzonderingen quotum behaald",
    "which": "maatregelen acties op de volgende manieren",
}
STRONG_OUTCOME = ("uitzondering", "beste", "koploper")
# (cue table) openers of a sentence that goes on with the one before it: the two answer a
# how/which question together ("... via SROI. Hoewel deze banen niet meetellen ...",
# "Er zijn verscheidene activiteiten ... Voorbeelden zijn ...")
CONTINUATION = (
    "^hoewel deze",
    "^deze ",
    "^dit ",
    "^daarmee",
    "^hiermee",
    "^voorbeelden",
    "^het gaat (?:hier )?om",
    "^it concerns",
    "^bijvoorbeeld",
    "^zo ",
    # a condition on the sentence before: what follows when it fails ("... krijgen tot 2020
    # de tijd. Lukt dat niet, dan ...", "If not, ...")
    r"^(?:lukt|slaagt|gebeurt|gaat) (?:dat|dit|het) niet",
    "^zo niet",
    "^anders$",
    "^(?:if|when) (?:not|that fails|this fails|they do not|they don't)",
    "^otherwise",
    "^failing that",
    "^although these",
    "^these ",
    "^examples",
    "^for example",
)
# a preposition before "welke": "op welke manier", "aan welke werkgevers was het te danken",
# "bij welke onderdelen", "to which employers", "in which sectors"; "in welk jaar", "in which
# quarter" ask for a time, no explanation
WHICH_PREPOSITION = (
    r"^(?:op|aan|bij|in|voor|van|uit|door|dankzij|met|via|to|at|in|for|from|of|by|among"
    r"|thanks to|owing to|with|through|under)"
    r" (?=(?:welke?|which)\b(?! (?:jaar|jaren|kwarta\w*|maand\w*|periode|years?|quarters?"
    r"|months?|period)\b))"
)
# (cue table) a which question that asks what brought a result about
CREDIT_CUES = ("te danken", "dankzij", "thanks to", "due to", "owing to", "vooral door")
# the one a question quotes: "volgens de Adviesraad Sociaal Domein Leiden", "according to UWV"
SPEAKER = re.compile(r"\b(?:volgens|according to)\s+(?:de\s+|het\s+|the\s+)?((?:[A-Z][\w'-]*\s*)+)")
MIN_SUPPORT = 0.75
MIN_OVERLAP = 0.3
# a sentence as close in meaning as a passage answer needs (passages.MIN_DENSE) is on topic
# with fewer of the question's words: two of seven is noise next to three of seven
CLOSE_DENSE = MIN_DENSE
CLOSE_OVERLAP = 0.2
PASSAGES_READ = 6
# content words a sentence needs besides the source's name to say anything
MIN_SAID = 3
# a number up to this in a which-question counts the items asked for, no amount it names
MAX_ITEMS_ASKED = 12


QUANTITY = re.compile(
    r"^(how (many|much)|hoeveel|wat (was|is|waren) (het|de) (aantal|quotum|doel)"
    r"|what (was|is) the (number|target|quota))\b"
)


REASON_WORDS = ("why", "waarom", "reden", "reason", "oorzaak", "cause", "hoe komt", "how come")


def asks_reason(question: str) -> bool:
    """The question asks for a reason in so many words (not a "how did X change"): it opens
    as a reason question (vocab.REASON_QUESTION) or names a reason anywhere."""
    folded = fold(question).strip()
    return bool(REASON_QUESTION.search(folded)) or any(
        re.search(r"(?<!\w)" + re.escape(w), folded) for w in REASON_WORDS
    )


def asks_explanation(question: str) -> str | None:
    """'why' or 'which' (how/which/what measures), None for any other question."""
    folded = fold(question).strip()
    if QUANTITY.search(folded):
        return None
    if any(folded.startswith(c) or f" {c}" in folded[:30] for c in ("why", "waarom")):
        return "why"
    if REASON_QUESTION.search(folded) or asks_factor(question):
        return "why"  # a factor ("wat is doorslaggevend", "the key factor") is a cause too
    if folded.startswith(HOW_CAUSE) and _directions(folded):
        return "why"  # "how did the UMCs grow": what made it change; "how did X split": a method
    opened = re.sub(WHICH_PREPOSITION, "", folded)
    if any(opened.startswith(c) for c in WHICH_CUES):
        return "which"
    return None


def topic_terms(topic: str, lang: str) -> list[str]:
    """The question's content words; in an English question a phrase of the bilingual
    table ("target group", "take on") is one term."""
    if lang != "en":
        return _content_terms(topic)
    phrases, rest = english_phrases(fold(topic))
    return phrases + _content_terms(rest)


def topic_overlap(terms: Sequence[str], text: str, lang: str) -> float:
    """The share of the question's content words the text carries; for an English question
    a Dutch word that says the same counts too (vocab.QUESTION_TRANSLATIONS: "quarter" ~
    "kwartaal", "reluctant" ~ "terughoudendheid", "visitors" ~ "bezoekersbegeleiding")."""
    if lang != "en" or not terms:
        return overlap(terms, text)
    tokens = set(tokenize(text))
    folded = fold(text)
    hits = sum(
        (fold(t) in folded if " " in t else overlap([t], text) > 0)
        or any(_dutch_in(d, tokens, folded) for d in dutch_for(t))
        for t in terms
    )
    return hits / len(terms)


def _dutch_in(part: str, tokens: set[str], folded: str) -> bool:
    """A Dutch word part in the text: at a word's start, or inside a compound when it is
    six letters or more ("begeleid" in "bezoekersbegeleiding"); a phrase as written."""
    if " " in part:
        return re.search(rf"(?<!\w){re.escape(part)}", folded) is not None
    return any(tok.startswith(part) or (len(part) >= 6 and part in tok) for tok in tokens)


def _translated(question: str, lang: str) -> list[str]:
    """For an English question, a search in the Dutch words of its topic (the letters are
    Dutch): the question's terms put through the bilingual table; none else."""
    if lang != "en":
        return []
    words = [d[0] for t in topic_terms(question, lang) if (d := dutch_for(t))]
    return [" ".join(dict.fromkeys(words))] if words else []


def _has(text: str, cues: Sequence[str]) -> bool:
    """A cue (a regex fragment) at a word start ("corona" in "coronapandemie"); a cue ending
    in "$" ends a word ("beste", not "besteedt"), one starting with "^" opens the sentence (a
    causal "Door de pandemie ...", not "verricht door ministeries")."""
    return _cue_pattern(tuple(cues)).search(text.lower().lstrip()) is not None


@lru_cache(maxsize=32)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(
            ("^" if c.startswith("^") else r"(?<!\w)")
            + "(?:"
            + c.removeprefix("^").removesuffix("$")
            + ")"
            + (r"(?!\w)" if c.endswith("$") else "")
            for c in cues
        )
    )


def explain(
    question: str,
    intent: Intent,
    index: PassageIndex,
    documents: Sequence[str] | None = None,
    letters: Sequence[Letter] = (),
) -> Answer | None:
    """Answer a why/how/which question from the letters' sentences, or abstain. None when it
    is not such a question. With no letter named, a sentence of a letter that reports on the
    asked year (or that names the year) comes before one from another letter."""
    kind = asks_explanation(question)
    if kind is None:
        return None
    lang = intent.language
    folded = fold(question)
    # whose view or which text it asks about ("volgens Aart van der Gaag", "the SCP"): the
    # answer is read in the documents that carry that source (in their title or byline, or
    # quoting it), or nowhere
    sources, source_words = source_documents(question, letters)
    if sources and (not documents or set(documents) <= set(sources)):
        documents = sources
    # the question, then with the cue words of what is asked (a reason, an outcome); in the
    # named letters, else in all and in the letters that report on the asked year
    expansion = EXPAND["best" if _has(folded, BEST_CUES) else kind]
    # a letter on the asked year: one that reports on it, or one written in it (a launch,
    # a proposal, a decision of that year; a 2021 item on the 2020 monitor)
    on_year = {ltr.document for ltr in letters if dated_in(ltr, intent.years)}
    where: list[set[str] | None] = (
        [set(documents)] if documents else [None] + ([on_year] if on_year else [])
    )
    passages: list[Passage] = []
    for docs in where:
        for query in (question, f"{question} {expansion}", *_translated(question, lang)):
            passages += [
                h.passage for h in index.search_hits(query, k=PASSAGES_READ, documents=docs)
            ]
    passages = list({p.id: p for p in passages}.values())
    # the asked sector's own section, wherever search ranked it
    # "welke werkgevers", "which sectors": the sectors that answer are asked for, not given
    # all employers together ("overall", "landelijk") is every national letter's scope, no
    # section's sector
    answering = _asked_sectors(folded)
    # nor the sector in a source's name ("the Hogeschool Utrecht study" is about the police)
    answering |= {sid for sid, _, _ in find_sectors(" ".join(sorted(source_words)))}
    sectors = [sid for sid in intent.sectors if sid not in answering and sid != "totaal"]
    passages = with_sector_sections(passages, index, sectors)
    if documents:
        passages = [p for p in passages if p.document in documents] or passages
    sentences = [s for rank, p in enumerate(passages) for s in passage_sentences(p, rank)]
    if not sentences:
        return abstain(question, lang)
    # who is quoted ("volgens de Adviesraad Sociaal Domein Leiden") is not the topic
    speaker = set(_content_terms(" ".join(SPEAKER.findall(question))))
    # nor the words that name the letter ("the NH Nieuws piece", "Klijnsma's letter")
    speaker |= naming_words(question) | source_words
    # what is asked ("welke verklaring geeft", "what was the main reason") is not the topic
    asked = REASON_QUESTION.search(folded)
    topic = folded[: asked.start()] + " " + folded[asked.end() :] if asked else folded
    terms = [t for t in topic_terms(topic, lang) if t not in speaker]
    # in a named source's documents the topic is met by the document (its title and lead:
    # "SCP: Participatiewet leidt nauwelijks tot banen"); its reason sentence need not
    # repeat it ("Het planbureau wijst op ... als oorzaak"); a how/which answer must
    source_topic = {
        ltr.document: topic_overlap(terms, opening(ltr), lang)
        for ltr in letters
        if ltr.document in sources and kind == "why"
    }
    # the people the question quotes: its source words a document carries in its text, not
    # as its publisher ("which measures did Klijnsma point to (NOS, ...)": Klijnsma)
    quoted = {
        ltr.document: {w for w in source_words if w not in set(tokenize(ltr.masthead))}
        for ltr in letters
        if ltr.document in sources
    }
    from banen_qa.search.index import embed_query

    qvec = embed_query(question)
    vectors = _sentence_vectors(index, [s.text for s in sentences])
    best_q = _has(folded, BEST_CUES)
    # "wat is doorslaggevend": a sentence that names what is decisive gives the factor
    factor = asks_factor(question)
    asks_list = kind == "which" and _has(folded, LIST_CUES)
    items = _asked_items(folded) if kind == "which" else ()
    # "aan welke werkgevers was het te danken": a which that asks for a cause
    asks_credit = kind == "which" and _has(folded, CREDIT_CUES)
    # "through which arrangement did 6,172 of the jobs come about": the sentence that states
    # the number named says what it is
    named_amounts = _named_amounts(question) if kind == "which" else set()
    if not any(named_amounts & amounts_in(s.text) for s in sentences):
        named_amounts = set()
    titles = [fold(t) for t in QUOTED.findall(question)]
    scored: list[tuple[float, Sentence]] = []
    recent: list[Sentence] = []
    leads: dict[int, list[Sentence]] = {}
    for s, v in zip(sentences, vectors, strict=True):
        s.dense = float(v @ qvec)
        s.overlap = topic_overlap(terms, s.text + " " + s.passage.section, lang)
        s.overlap = max(s.overlap, source_topic.get(s.passage.document, 0.0))
        if items and _quotes_list(s.text, quoted.get(s.passage.document, set())):
            s.overlap = max(s.overlap, MIN_OVERLAP)  # the person asked about names the items
        recent = [r for r in recent if r.passage.id == s.passage.id][-2:]
        before = list(recent)
        recent.append(s)
        if sectors and not _names_sector(s, sectors):
            continue
        if REPORTED_QUESTION.search(fold(s.text)):
            continue  # the question retold ("fracties vroegen hoe het kan dat ..."): no answer
        if any(t in fold(s.text) for t in titles) or (
            sources and not _says_more(s.text, source_words)
        ):
            continue  # a sentence that names the source or its quoted title, no answer
        if named_amounts:
            if not named_amounts & amounts_in(s.text):
                continue
            s.overlap = max(s.overlap, MIN_OVERLAP)  # the number it names is its topic
        cue = (
            _has(s.text, REASON_CUES) or (factor and asks_factor(s.text))
            if kind == "why" or asks_credit
            else _has(s.text, OUTCOME_CUES)
            if best_q
            else True
        )
        if not cue:
            continue
        # the figure sentences right before it, unbroken: a reason two sentences on, after a
        # sentence about something else, is not that figure's reason (one that leans on the
        # sentence before it, "Daarmee komt ...", does not break the chain)
        figure: list[Sentence] = []
        for b in reversed(before):
            if REPORTED_QUESTION.search(fold(b.text)):
                break  # the question retold is no figure the reason explains
            if b.overlap > s.overlap:
                figure.insert(0, b)
            elif not (ANAPHORA_START.search(b.text.lstrip()) or ANAPHORA_INSIDE.search(b.text)):
                break
        if kind == "why" and before and _has(s.text, CONSEQUENCE_OPENERS):
            # "Daarom ...": the sentence before holds the reason; the two are one statement,
            # read (words and meaning) together
            leads[id(s)] = before[-1:]
            together = f"{before[-1].text} {s.text}"
            s.overlap = topic_overlap(terms, f"{together} {s.passage.section}", lang)
            s.dense = max(s.dense, float(_sentence_vectors(index, [together])[0] @ qvec))
        elif kind == "why" and REASON_POINTS_BACK.search(fold(s.text)):
            # "een van de redenen voor dat hogere totaal": what it explains is the sentence
            # before, in the paragraph before when it opens one
            leads[id(s)] = before[-1:] or _last_before(s.passage, index)
        elif kind == "why" and figure:  # the reason after a figure sentence: quote from there
            first = max(figure, key=lambda b: b.overlap)
            s.overlap = first.overlap
            leads[id(s)] = [b for b in before if b.start >= first.start]
        said = " ".join([*(b.text for b in leads.get(id(s), [])), s.text])
        if kind == "why" and not _same_direction(topic, said):
            continue  # "why did X fall": a reason for something that did not fall is none
        strong = best_q and _has(s.text, STRONG_OUTCOME) and bool(find_sectors(s.text))
        # a question for measures or actions: the sentence that opens a list, or that
        # announces the asked items ("het kabinet stelt drie verbeteringen voor")
        strong = strong or (asks_list and s.text.rstrip().endswith(":"))
        strong = strong or _announced_count(s.text, items) is not None
        # items asked for, named one after another in one sentence ("In de formule tellen
        # A, B, C en D mee")
        listing = bool(items) and bool(IN_SENTENCE_LIST.search(s.text))
        # a sentence that only names what is asked ("stelt vast welke factoren meetellen",
        # "hoe die eruit komt te zien, is nog onbekend") does not give it
        restates = kind == "which" and bool(EMBEDDED_QUESTION.search(fold(s.text)))
        scored.append((s.dense + 0.15 * s.overlap + 0.1 * strong + 0.05 * (listing - restates), s))
        # a reason sentence that itself names the asked sector answers in any language (word
        # overlap of an English question with a Dutch sentence says little)
        own = kind == "why" and bool(
            {sid for sid, _, _ in find_sectors(s.text)} & set(intent.sectors)
        )
        if strong or own:
            s.overlap = max(s.overlap, MIN_OVERLAP)
    # a sentence that shares the question's topic before a closer one about something else
    scored.sort(key=lambda p: (not _on_topic(p[1]), -p[0]))
    if intent.years and not documents:  # the letters on the asked year answer first
        on_asked = [
            p
            for p in scored
            if p[1].passage.document in on_year or set(years_in(p[1].text)) & set(intent.years)
        ]
        # a reason is one year's: with no letter on that year giving one, abstain rather
        # than quote another year's reason
        scored = on_asked if kind == "why" and on_year else on_asked or scored
    going_on = _continuation(scored[0][1]) if scored and kind == "which" else None
    if going_on is None and scored and kind == "which" and folded.startswith(HOW_CUES):
        going_on = _same_topic_next(scored[0][1], terms, lang)
    if going_on is not None:  # the statement is both sentences: so is its word overlap
        top = scored[0][1]
        together = f"{top.text} {going_on.text} {top.passage.section}"
        top.overlap = max(top.overlap, topic_overlap(terms, together, lang))
    if not scored or scored[0][1].dense < MIN_SUPPORT or not _on_topic(scored[0][1]):
        listed = _listed(question, kind, index, documents) if kind == "which" else None
        return listed or abstain(question, lang)
    score, best = scored[0]
    chosen = _with_antecedents([best])
    have = {(c.passage.id, c.start) for c in chosen}
    chosen = [b for b in leads.get(id(best), []) if (b.passage.id, b.start) not in have] + chosen
    if going_on is not None:
        chosen.append(going_on)
    if kind == "why":  # the next sentence that goes on with the reason ("... moeilijker"), or
        # gives it when this one only announces it ("... waar de achterstand vandaan komt.")
        after = [s for s in passage_sentences(best.passage, best.rank) if s.start >= best.end]
        goes_on = after and (
            _has(after[0].text, REASON_CUES)
            or _announces(best.text)
            or _has(after[0].text, CONTINUATION)  # "Het gaat om ...": what the reason means
        )
        if goes_on and not after[0].text.rstrip().endswith(":"):
            chosen.append(after[0])
    if best.text.rstrip().endswith(":"):  # a list follows: its items answer the question
        after = [s for s in passage_sentences(best.passage, best.rank) if s.start >= best.end]
        end = _list_end(best.passage.text, best.end)
        chosen += [s for s in after if s.end <= end][:MAX_LIST_SENTENCES] if end else after[:6]
    if kind == "which":  # decided: now quote all the answer takes
        chosen = _told_on(best, chosen, folded, items)
    answer = _quote_answer(question, lang, chosen)
    lead = LEAD["why" if kind == "why" else "which"][lang == "en"]
    named = list(
        dict.fromkeys(sector_label(sid, lang) for c in chosen for sid, _, _ in find_sectors(c.text))
    )
    if kind == "which" and named:
        lead += " " + LEAD["sectors"][lang == "en"].format(names=", ".join(named))
    prefix = "The letter says: " if lang == "en" else "In de brief staat: "
    answer.answer = lead + " " + answer.answer.removeprefix(prefix)
    return answer


# (cue table) a question that asks for a list: the bulleted lines under the heading it names
LIST_CUES = (
    "acties",
    "actions",
    "maatregelen",
    "measures",
    "punten",
    "points",
    "stappen",
    "steps",
    "sporen",
    "tracks",
    "taken",
    "tasks",
    "activiteiten",
    "activities",
)


def _listed(
    question: str, kind: str, index: PassageIndex, documents: Sequence[str] | None
) -> Answer | None:
    """ "Which actions does the work agenda name": the bulleted list (a passage of bullet
    lines only) under the heading that shares a word with the question, quoted whole; None
    when the question asks no list or no heading matches."""
    folded = fold(question)
    if kind != "which" or not any(re.search(rf"(?<!\w){c}", folded) for c in LIST_CUES):
        return None
    terms = [t for t in _content_terms(question) if t not in LIST_CUES and not t.isdigit()]
    best: tuple[float, Passage] | None = None
    for p in index.passages():
        if p.kind != "body" or (documents and p.document not in documents):
            continue
        lines = [ln for ln in p.text.splitlines() if ln.strip()]
        if len(lines) < 2 or not all(BULLET.match(ln) for ln in lines):
            continue
        heading = p.section.split(" > ")[-1]
        score = overlap(terms, heading)
        if score > 0 and (best is None or score > best[0]):
            best = (score, p)
    if best is None:
        return None
    answer = _quote_answer(question, detect_language(question), passage_sentences(best[1]))
    lang = answer.language
    prefix = "The letter says: " if lang == "en" else "In de brief staat: "
    answer.answer = LEAD["which"][lang == "en"] + " " + answer.answer.removeprefix(prefix)
    return answer


BULLET = re.compile(r"^\s*(?:[•·▪‣◦\-–*]|\d{1,2}[.)]|[a-z][.)])\s")
MAX_LIST_SENTENCES = 16


def _list_end(text: str, start: int) -> int:
    """The end of the bulleted lines that follow text[start] (a sentence ending in ':'), each
    line with whatever sentences it holds; 0 when no bullet line follows."""
    end, pos = 0, text.find("\n", start)
    while pos != -1:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt != -1 else len(text)]
        if not BULLET.match(line):
            break
        end = nxt if nxt != -1 else len(text)
        pos = nxt
    return end


def _directions(text: str) -> set[str]:
    """The directions of change (up, down) the text's words name."""
    folded = fold(text)
    return {d for d, words in CHANGE_DIRECTIONS.items() if _word_pattern(words).search(folded)}


@lru_cache(maxsize=8)
def _word_pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _same_direction(question: str, statement: str) -> bool:
    """A question about a change in one direction ("waarom daalde", "why did it rise") is
    answered by a statement that names a change in that direction."""
    asked = _directions(question)
    return len(asked) != 1 or bool(asked & _directions(statement))


def _on_topic(s: Sentence) -> bool:
    """The sentence shares enough of the question's words, or fewer of them and is as close in
    meaning as a passage answer must be."""
    return s.overlap >= MIN_OVERLAP or (s.dense >= CLOSE_DENSE and s.overlap >= CLOSE_OVERLAP)


def _named_amounts(question: str) -> set[float]:
    """The amounts a question writes in digits (no year, no count of items asked for: "which
    two sectors", "welke 3 maatregelen")."""
    return {
        round(t.value, 4)
        for t in find_numbers(question)
        if not is_year(t.value) and t.value > MAX_ITEMS_ASKED
    }


def _quotes_list(text: str, people: set[str]) -> bool:
    """The sentence gives a person's list ("Volgens Klijnsma zijn alle voorwaarden
    geschapen: A, B en C"): it names one of `people` and lists items, in one sentence or
    after a ':'."""
    said = set(tokenize(text))
    return bool(people & said) and (": " in text or IN_SENTENCE_LIST.search(text) is not None)


def _says_more(text: str, source_words: set[str]) -> bool:
    """The sentence says more than a name, a place and a year ("Hogeschool Zuyd, 2019.",
    "Heerlen, 2019"): a byline or dateline answers nothing."""
    said = [t for t in _content_terms(text) if not t.isdigit() and t not in source_words]
    return len(said) >= MIN_SAID


def _last_before(passage: Passage, index: PassageIndex) -> list[Sentence]:
    """The last sentence of the document's body passage right before `passage`, or none."""
    previous: Passage | None = None
    for p in index.passages():
        if p.document == passage.document and p.kind == "body":
            if p.char_start >= passage.char_start:
                break
            previous = p
    return passage_sentences(previous)[-1:] if previous is not None else []


def _announces(text: str) -> bool:
    """The sentence names a reason only at its very end ("... gaf aan waar de achterstand
    vandaan komt."): the reason itself is the next sentence."""
    low = text.lower().rstrip(" .")
    last = max((m.end() for m in _cue_pattern(REASON_CUES).finditer(low)), default=-1)
    return last >= 0 and len(low[last:].split()) <= 2


def _continuation(s: Sentence) -> Sentence | None:
    """The next sentence of the passage when it goes on with `s` (CONTINUATION)."""
    after = [n for n in passage_sentences(s.passage, s.rank) if n.start >= s.end]
    return after[0] if after and _has(after[0].text, CONTINUATION) else None


# (cue table) a question for a method: its answer may take the next sentence too ("UWV telt
# op basis van verloonde uren. Een baan is een baan van 25,5 uur per week.")
HOW_CUES = ("hoe ", "how ", "op welke manier", "in what way")


def _same_topic_next(s: Sentence, terms: Sequence[str], lang: str) -> Sentence | None:
    """The next sentence of the same paragraph when it shares the question's topic as much
    as at least MIN_OVERLAP: the method goes on in it."""
    after = [n for n in passage_sentences(s.passage, s.rank) if n.start >= s.end]
    if not after or "\n" in s.passage.text[s.end : after[0].start]:
        return None
    shared = topic_overlap(terms, after[0].text, lang)
    return after[0] if shared >= MIN_OVERLAP else None


def _asked_sectors(folded: str) -> set[str]:
    """The sectors named right after "which"/"welke" ("aan welke werkgevers", "which
    employers"): what the question asks for, not a sector it is about."""
    m = re.match(r"(?:\w+ ){0,2}?(?:welke?|which) (\w+(?: \w+)?)", folded)
    if m is None:
        return set()
    return {sid for sid, _, _ in [*find_sectors(m.group(1)), *find_weak_sectors(m.group(1))]}


def _names_sector(s: Sentence, sectors: Sequence[str]) -> bool:
    """The sentence, its passage or its section is about one of the asked sectors."""
    text = f"{s.passage.section} {s.passage.text}"
    found = {sid for sid, _, _ in find_sectors(text)}
    if found & set(sectors) or re.search(r"\bdeze sector\b", text):
        return True
    # a compound that opens with the sector's name ("defensielocaties", "politiebureau")
    heads = [a for spec in SECTOR_SPECS if spec.id in sectors for a in spec.aliases]
    words = set(tokenize(text))
    return any(w.startswith(h) for h in heads if len(h) >= 6 and " " not in h for w in words)


# "welke drie varianten", "which measures", "welke verbeteringen": the item noun asked for
ASKED_ITEM = re.compile(rf"(?<!\w)(?:welke?|which)\s+(?:{ITEM_ANNOUNCER}\s+)?(\w{{4,}})")
# a question inside a statement: "welke", "hoe", "which", "how" in a sentence that asks none
EMBEDDED_QUESTION = re.compile(r"(?<!\w)(?:welke?|hoe|which|how)(?!\w)(?![^?]*\?)")
# three or more items in one sentence: "A, B en C", "A, B, C and D"
IN_SENTENCE_LIST = re.compile(
    r",[^,.;:]+,[^,.;:]+\s(?:en|and|of|or)\s|,[^,.;:]+\s(?:en|and)\s[^,.;:]+,"
)
# a question that asks two things ("which employers ..., and how does UWV decide"): the
# answer is the whole paragraph, not one sentence of it
SECOND_ASK = re.compile(
    r"(?:,\s*|\s)(?:and|en)\s+(?:how|when|which|why|hoe|wanneer|welke?|waarom|hoeveel)\b"
)
# a method or a list told in sentences, not bullets: at most this many more sentences
MORE_SENTENCES = 3


def _asked_items(folded: str) -> tuple[str, ...]:
    """The word starts of the items a which-question asks for, singular and, for an English
    noun, its Dutch words ("welke verbeteringen" -> "verbetering"; "which steps" -> "step",
    "stap"); none when it asks for no item noun."""
    m = ASKED_ITEM.search(folded)
    if m is None:
        return ()
    noun = m.group(1)
    one = noun[:-2] if noun.endswith("en") and len(noun) > 5 else noun.removesuffix("s")
    if len(one) > 3 and one[-1] == one[-2]:  # "stappen" -> "stap"
        one = one[:-1]
    found = [one, *dutch_for(noun)]
    return tuple(dict.fromkeys(w for w in found if len(w) >= 4))


def _announced_count(text: str, items: Sequence[str]) -> int | None:
    """How many of the asked items the sentence announces ("drie verbeteringen" -> 3, "de
    volgende stappen:" -> 0 for as many as follow), None when it announces none: a count or
    "volgende" right before the item noun, or the noun in a sentence that opens a list."""
    if not items:
        return None
    folded = fold(text)
    stems = "|".join(re.escape(w) for w in items)
    m = re.search(rf"(?<!\w)({ITEM_ANNOUNCER})\s+(?:\w+\s+){{0,2}}?(?:{stems})", folded)
    # "de drie scenario's die ... uitwerkt" points back at items, "de volgende" ahead
    back = m is not None and re.search(
        r"(?<!\w)(?:de|het|die|deze|the|these|those)\s+$", folded[: m.start()]
    )
    if m is not None and (not back or m.group(1) in ("volgende", "following")):
        word = m.group(1)
        return int(word) if word.isdigit() else COUNT_WORD_VALUES.get(word, 0)
    if text.rstrip().endswith(":") and re.search(rf"(?<!\w)(?:{stems})", folded):
        return 0
    return None


def _told_on(
    best: Sentence, chosen: list[Sentence], folded: str, items: Sequence[str]
) -> list[Sentence]:
    """The rest of a how/which answer, once `best` answers: a method goes on in the rest of
    its paragraph ("... stelt UWV vast aan de hand van de verloonde uren. De grens die
    daarvoor geldt is ..."); announced items are the sentences that follow ("Het kabinet
    stelt drie verbeteringen voor. ..."); a question that asks two things gets the whole
    paragraph. A list after ':' is quoted already."""
    if best.text.rstrip().endswith(":"):
        return chosen
    sentences = passage_sentences(best.passage, best.rank)
    text = best.passage.text
    i = next(k for k, s in enumerate(sentences) if s.start == best.start)
    start = i
    while start > 0 and "\n" not in text[sentences[start - 1].end : sentences[start].start]:
        start -= 1
    end = i
    while end + 1 < len(sentences) and "\n" not in text[best.end : sentences[end + 1].start]:
        end += 1
    count = _announced_count(best.text, items)
    if count is None and not (folded.startswith(HOW_CUES) or SECOND_ASK.search(folded)):
        return chosen
    end = min(end, i + (count or MORE_SENTENCES))
    first = start if SECOND_ASK.search(folded) else i
    have = {c.start for c in chosen if c.passage.id == best.passage.id}
    more = [s for s in sentences[first : end + 1] if s.start not in have]
    return sorted([*chosen, *more], key=lambda s: (s.rank, s.passage.id, s.start))
