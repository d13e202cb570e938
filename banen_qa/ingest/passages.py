"""ParsedDocument -> passages: the paragraph-sized units that are indexed and cited.

A paragraph (a block between blank lines in `doc.text`) is one passage; a long one is
cut at sentence boundaries by langchain's splitter, keeping offsets. Headings are not
passages of their own: they live on in each passage's `section`. Footnotes become
passages too, filed under the section of their call, so "21 van de 36 hbo-instellingen"
is found when someone asks about the hbo figure.
"""

from __future__ import annotations

import re

from banen_qa.models import PageSpan, ParsedDocument, Passage

MAX_CHARS = 1200
SHORT = 100


def _splitter():
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        chunk_size=MAX_CHARS,
        chunk_overlap=150,
        separators=["\n", ". ", "; ", ", ", " "],
        keep_separator="end",
        add_start_index=True,
    )


def split_passages(doc: ParsedDocument) -> list[Passage]:
    """One passage per paragraph (long ones split), table and footnote."""
    headings = {(s.char_start, s.heading) for s in doc.sections}
    table_starts = {t.char_start for t in doc.tables}
    passages: list[Passage] = []

    def add(text: str, start: int, kind: str = "body") -> None:
        end = start + len(text)
        pages = sorted(
            {doc.page_at(i) for i in (start, max(start, end - 1))}
            | {s.page for s in doc.page_spans if s.char_start < end and s.char_end > start}
        )
        passages.append(
            Passage(
                id=f"{doc.document}:{len(passages):04d}",
                document=doc.document,
                page=doc.page_at(start),
                pages=pages,
                section=doc.section_at(start),
                text=text,
                char_start=start,
                char_end=end,
                kind=kind,  # type: ignore[arg-type]
                page_spans=[
                    PageSpan(
                        page=s.page,
                        char_start=max(s.char_start, start),
                        char_end=min(s.char_end, end),
                    )
                    for s in doc.page_spans
                    if s.char_start < end and s.char_end > start
                ],
            )
        )

    blocks: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", doc.text):
        text, start = m.group(0).rstrip(), m.start()
        if (start, text) in headings or not text.strip():
            continue
        prev = blocks[-1] if blocks else None
        if (
            prev
            and len(prev[1]) < SHORT
            and len(text) < SHORT
            and start not in table_starts
            and doc.section_at(prev[0]) == doc.section_at(start)
        ):
            # short lines in a row (a closing and signature): one passage
            blocks[-1] = (prev[0], doc.text[prev[0] : start + len(text)])
            continue
        blocks.append((start, text))

    for start, text in blocks:
        if start in table_starts:
            add(text, start, "table")
        elif len(text) <= MAX_CHARS:
            add(text, start)
        else:
            for chunk in _splitter().create_documents([text]):
                offset = start + chunk.metadata["start_index"]
                add(chunk.page_content.rstrip(), offset)

    for note in doc.footnotes:
        at = note.call.char_offset if note.call else 0
        passages.append(
            Passage(
                id=f"{doc.document}:{len(passages):04d}",
                document=doc.document,
                page=note.page,
                pages=[note.page],
                section=doc.section_at(at),
                text=note.text,
                char_start=at,
                char_end=at,
                kind="footnote",
            )
        )
    return passages
