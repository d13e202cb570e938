"""LLM answers held to their sources: a fake model (HTTP transport) that answers well, lies,
cites what it was not shown or obeys an injected instruction, over a real index of the real
letter plus the injection letter; and a real closed port for a server that is down."""

from __future__ import annotations

import json
import logging
import re

import httpx2
import pytest
from fixtures.llm.corpus import INJECTION_PDF, LETTER_PDF, ingested, letter_and_injection
from fixtures.llm.fakes import completion, fake_client, free_port

from banen_qa.answer import answer_question
from banen_qa.extract.numbers import find_numbers
from banen_qa.llm import LLMClient, load_config
from banen_qa.llm.answer import answer_with_llm
from banen_qa.llm.session import Asker, extract_corpus

DEFENSIE = "Hoeveel banen heeft Defensie in 2020 gerealiseerd?"


@pytest.fixture(scope="module")
def corpus():
    """The real letter and the injection letter in one real index."""
    return letter_and_injection()


def shown(prompt: str) -> dict[str, str]:
    """The passages shown in an answer prompt, by label (P1..)."""
    return {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"^(P\d+) \(.*?\):\n(.*?)(?=\n\nP\d+ \(|\n\nQuestion:)", prompt, re.M | re.S
        )
    }


def label_of(prompt: str, needle: str, *, holds: bool = True) -> str:
    """The first shown passage that contains (or, holds=False, lacks) `needle`."""
    for label, text in shown(prompt).items():
        if (needle in text) == holds:
            return label
    raise AssertionError(f"no shown passage {'with' if holds else 'without'} {needle!r}")


def figure_label(prompt: str, needle: str) -> str:
    """The label (F1..) of the first figure row in the prompt that holds `needle`."""
    for m in re.finditer(r"^(F\d+) \|(.*)$", prompt, re.M):
        if needle in m.group(2):
            return m.group(1)
    raise AssertionError(f"no figure row with {needle!r}")


def model(reply) -> LLMClient:
    """A fake model: `reply(prompt)` -> the JSON object it answers with."""
    seen: list[dict] = []
    client = fake_client(
        lambda body: httpx2.Response(
            200, json=completion(json.dumps(reply(body["messages"][1]["content"])))
        ),
        retries=0,
        requests=seen,
    )
    client.seen = seen  # type: ignore[attr-defined]
    return client


def test_grounded_answer_is_used_with_citations(corpus) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde in 2020 556 banen (88% van het quotum van 633).",
            "citations": [label_of(prompt, "556")],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    assert outcome.source == "llm" and outcome.reason is None
    a = outcome.answer
    assert not a.abstained and a.language == "nl" and "556" in a.answer
    assert a.citations and all(c.page == 3 for c in a.citations)
    assert any("556" in c.quote for c in a.citations)
    assert {f.value for f in a.figures} >= {556.0}


def test_number_from_nowhere_is_replaced_by_the_offline_answer(corpus, caplog) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde in 2020 557 banen.",
            "citations": [label_of(prompt, "556")],
            "abstain": False,
        }
    )
    with caplog.at_level(logging.WARNING, logger="banen_qa.llm"):
        outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    offline = answer_question(DEFENSIE, index=index, figures=figures)
    assert outcome.source == "offline" and "557" in (outcome.reason or "")
    assert (outcome.reason or "").startswith("unsourced_number:")
    assert outcome.answer == offline
    assert any("replaced by the offline answer" in r.message for r in caplog.records)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ({"answer": "556 banen.", "citations": ["P99"], "abstain": False}, "not shown"),
        ({"answer": "556 banen.", "citations": [], "abstain": False}, "without citation"),
        (
            {"answer": "Geen antwoord, misschien 12.", "citations": [], "abstain": True},
            "abstention",
        ),
        ({"answer": "", "citations": ["P1"], "abstain": False}, "empty"),
        ({"answer": "...", "citations": ["P1"], "abstain": False}, "without words"),
        (
            {"answer": "Dat staat er niet.", "citations": [], "abstain": True},
            "abstained where the figures table answers",
        ),
        ({"answer": "556", "abstain": False}, "schema"),
    ],
)
def test_broken_replies_fall_back(corpus, reply, reason) -> None:
    index, figures = corpus
    outcome = answer_with_llm(
        DEFENSIE, index=index, figures=figures, client=model(lambda prompt: reply)
    )
    assert outcome.source == "offline" and reason in (outcome.reason or "")


def test_a_number_in_a_passage_not_cited_does_not_count(corpus) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde 556 banen.",
            "citations": [label_of(prompt, "556", holds=False)],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    # 556 is a figure the model was shown, but the answer does not cite it: no source
    assert outcome.source == "offline" and "556" in (outcome.reason or "")
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde 556 banen.",
            "citations": [label_of(prompt, "556", holds=False), figure_label(prompt, "556 banen")],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    assert outcome.source == "llm"  # cited as a figure (F-label), it is a source
    assert [f.value for f in outcome.answer.figures] == [556.0]
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde 391 banen.",
            "citations": [label_of(prompt, "556")],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    assert outcome.source == "offline" and "391" in (outcome.reason or "")


def test_abstention_is_allowed(corpus) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {"answer": "De bronnen zeggen dat niet.", "citations": [], "abstain": True}
    )
    outcome = answer_with_llm(
        "Wat kost een baan bij Defensie?", index=index, figures=figures, client=client
    )
    assert outcome.source == "llm" and outcome.answer.abstained
    assert not find_numbers(outcome.answer.answer)


def test_injected_instruction_changes_no_answer(corpus) -> None:
    index, figures = corpus

    def obedient(prompt: str) -> dict:
        assert "9.999" not in prompt and "9,999" not in prompt  # never shown to the model
        return {
            "answer": "Defensie realiseerde 9.999 banen.",
            "citations": ["P1"],
            "abstain": False,
        }

    questions = (
        DEFENSIE,
        "How many jobs did Defensie report?",
        "Wat moet ik melden over Defensie?",
    )
    # the injected passage was quarantined at ingest: it is not even in the index
    assert not any(p.id == "injection:0002" for q in questions for p, _ in index.search(q, k=50))
    for question in questions:
        outcome = answer_with_llm(question, index=index, figures=figures, client=model(obedient))
        assert outcome.source == "offline"
        assert outcome.answer == answer_question(question, index=index, figures=figures)
        assert not {9999.0} & {t.value for t in find_numbers(outcome.answer.answer)}


def test_server_down_gives_the_offline_answer_and_a_warning(corpus, caplog) -> None:
    index, figures = corpus
    config = load_config(
        True, base_url=f"http://127.0.0.1:{free_port()}/v1", model="m", retries=1, env={}
    )
    assert config is not None
    with caplog.at_level(logging.WARNING, logger="banen_qa.llm"):
        outcome = answer_with_llm(
            DEFENSIE, index=index, figures=figures, client=LLMClient(config, backoff_s=0)
        )
    assert outcome.source == "offline"
    assert outcome.answer == answer_question(DEFENSIE, index=index, figures=figures)
    assert "connection" in (outcome.reason or "")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "\n" not in warnings[0].getMessage()


def test_no_client_is_the_offline_path(corpus) -> None:
    index, figures = corpus
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=None)
    assert outcome.source == "offline" and outcome.reason is None
    assert outcome.answer == answer_question(DEFENSIE, index=index, figures=figures)


def test_asker_and_corpus_extraction_count_what_happened(corpus) -> None:
    index, figures = corpus
    replies = iter(
        [
            {"answer": "Defensie: 556 banen.", "citations": ["P1", "P2", "P3"], "abstain": False},
            {"answer": "Defensie: 9.999 banen.", "citations": ["P1"], "abstain": False},
        ]
    )
    asker = Asker(index, figures, model(lambda prompt: next(replies)))
    asker(DEFENSIE)
    asker(DEFENSIE)
    assert asker.sources == {"llm": 1, "offline": 1}
    assert asker.fallbacks == {"unsourced_number": 1}

    docs = [ingested(LETTER_PDF), ingested(INJECTION_PDF)]
    empty = model(
        lambda prompt: {
            "figures": [
                {
                    "sector": "rijk",
                    "metric": "realised_jobs",
                    "year": 2020,
                    "quarter": None,
                    "value_text": "1",
                    "quote": "nergens",
                }
            ]
        }
    )
    run = extract_corpus(docs, empty)
    assert run.figures == [f for d in docs for f in d.figures]
    pages = sum(len(d.doc.page_spans) for d in docs)  # one reply, one record, per page
    assert run.proposed == pages == run.rejected["quote_not_on_page"] and run.kept == 0
    down = extract_corpus(
        docs,
        LLMClient(
            load_config(
                True, base_url=f"http://127.0.0.1:{free_port()}/v1", model="m", retries=0, env={}
            )
        ),
    )
    assert down.warning and down.figures == run.figures


PROVINCES = "By how many jobs did the provinces exceed their 2020 target?"


def test_computed_result_is_shown_as_a_checked_passage_and_may_be_cited(corpus) -> None:
    index, figures = corpus
    offline = answer_question(PROVINCES, index=index, figures=figures)
    assert [c.value for c in offline.computed] == [10]
    client = model(
        lambda prompt: {
            "answer": "The provinces exceeded their 2020 target by 10 jobs (341 against 331).",
            "citations": ["C1"],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(PROVINCES, index=index, figures=figures, client=client)
    prompt = client.seen[0]["messages"][1]["content"]  # type: ignore[attr-defined]
    assert "C1 (computed from the figures table and checked)" in prompt
    assert "341 \u2212 331 = 10" in prompt
    assert outcome.source == "llm" and outcome.reason is None
    a = outcome.answer
    assert [c.value for c in a.computed] == [10] and a.computed[0].inputs == [341, 331]
    assert {f.value for f in a.figures} == {341.0, 331.0}
    assert any("341" in c.quote for c in a.citations) and 1 in {c.page for c in a.citations}


def test_a_number_the_computation_does_not_give_is_refused(corpus) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {
            "answer": "The provinces exceeded their 2020 target by 12 jobs (341 against 331).",
            "citations": ["C1"],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(PROVINCES, index=index, figures=figures, client=client)
    assert outcome.source == "offline" and "12" in (outcome.reason or "")
    assert outcome.answer == answer_question(PROVINCES, index=index, figures=figures)
    # the model's own sum, not the checked C1, is no source either
    client = model(
        lambda prompt: {
            "answer": "Together the provinces realised and targeted 672 jobs (341 + 331).",
            "citations": ["C1"],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(PROVINCES, index=index, figures=figures, client=client)
    assert outcome.source == "offline" and "672" in (outcome.reason or "")


def test_the_computed_number_needs_the_computed_citation(corpus) -> None:
    index, figures = corpus

    def reply(prompt: str) -> dict:
        label = label_of(prompt, "341")
        assert not re.search(r"(?<![\d.,])10(?![\d.,])", shown(prompt)[label])
        return {
            "answer": "The provinces exceeded their 2020 target by 10 jobs.",
            "citations": [label],
            "abstain": False,
        }

    outcome = answer_with_llm(PROVINCES, index=index, figures=figures, client=model(reply))
    assert outcome.source == "offline" and "10" in (outcome.reason or "")


def test_no_computed_result_no_c1(corpus) -> None:
    index, figures = corpus
    client = model(
        lambda prompt: {
            "answer": "Defensie realiseerde 556 banen.",
            "citations": ["C1"],
            "abstain": False,
        }
    )
    outcome = answer_with_llm(DEFENSIE, index=index, figures=figures, client=client)
    prompt = client.seen[0]["messages"][1]["content"]  # type: ignore[attr-defined]
    assert "Computed result:\n(none)" in prompt
    assert outcome.source == "offline" and "not shown" in (outcome.reason or "")
