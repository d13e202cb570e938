"""Sentence spans in Dutch and English letter text.

A sentence ends at ".", "!" or "?" (maybe followed by a closing quote or bracket) before
whitespace and something that can start a sentence, and at every line break: a bullet
or a table row stands on its own line. Abbreviations ("o.a.", "nr. 165", "drs."), initials
("K.H. Ollongren") and numbers ("5.500") do not end a sentence. A library such as pysbd
would do this, but it is unmaintained and much slower.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """o.a nr bijv bv e.d enz etc d.w.z i.p.v t.o.v m.b.t i.v.m m.u.v ca resp incl excl jl art
    mr dr drs ir prof ing mevr dhr vgl zgn pag blz e.g i.e vs no min max st""".split()
)
_SENTENCE_END = re.compile(r"([.!?][’”'\")\]]?)\s+(?=[A-Z0-9À-Þ‘“'\"(•\-–])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        _add_span(text, start, m.end(1) if m.group(1) else m.start(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """'o.a', 'nr', 'K.H', 'drs': a dot that does not end the sentence."""
    match = re.search(r"[\w.]*$", text[:dot])
    word = match.group(0) if match else ""
    return (
        word.lower() in ABBREVIATIONS
        or re.fullmatch(r"(?:\w\.)+\w", word) is not None
        or (len(word) == 1 and word.isalpha() and word.isupper())
    )


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
