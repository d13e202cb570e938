"""Computed answers and abstentions over short real-wording items: a value read under a
neighbour's sector or metric is re-read in its own sentence before arithmetic uses it; a
forecast or a named region the texts lack is an abstention, never a target or another
region's count."""

from __future__ import annotations

import pytest

from banen_qa.answer import answer_question
from banen_qa.answer.letters import letters_of
from banen_qa.answer.reread import agreement, local_sector, reread
from banen_qa.corpus import IngestedDocument, ingest_pdf
from banen_qa.extract.validate import flag_conflicts
from banen_qa.models import Answer, Figure
from banen_qa.search.index import PassageIndex
from tests.fixtures.letters import render_dated_letter


def fig(sector: str, metric: str, value: float, quote: str, year: int = 2017) -> Figure:
    return Figure(
        document="item",
        sector=sector,
        year=year,
        metric=metric,
        value=value,
        unit="jobs",
        page=1,
        char_start=0,
        char_end=1,
        quote=quote,
    )


SPLIT = (
    "Tot en met 2017 moest de sector markt 23.000 banen realiseren; voor de sector overheid "
    "lag de opgave op 7.000 banen."
)
GOAL_AND_RESULT = (
    "De doelstelling werd niet gehaald: die lag op 30.000 extra banen (24.000 bij "
    "marktwerkgevers, 6.000 bij de overheid)."
)
RESULT = "Van de gerealiseerde banen kwamen er 24.310 voor rekening van marktwerkgevers."


def test_a_value_under_the_wrong_sector_moves_to_the_sector_its_sentence_names() -> None:
    wrong = fig("overheid", "target_jobs", 23000, SPLIT)
    right = fig("overheid", "target_jobs", 7000, SPLIT)
    assert local_sector(wrong) == "marktsector"
    assert agreement(right) > agreement(wrong)
    kept = {(f.sector, f.value) for f in reread([wrong, right])}
    assert kept == {("overheid", 7000), ("marktsector", 23000)}


def test_a_target_read_as_a_result_gives_way_to_the_result() -> None:
    target_as_result = fig("marktsector", "realised_jobs", 24000, GOAL_AND_RESULT)
    result = fig("marktsector", "realised_jobs", 24310, RESULT)
    assert agreement(target_as_result) < 0 < agreement(result)
    kept = {(f.metric, f.value) for f in reread([target_as_result, result])}
    assert kept == {("realised_jobs", 24310), ("target_jobs", 24000)}
    held = fig("marktsector", "target_jobs", 24000, "Marktwerkgevers | 24.000 | 24.310")
    kept = {(f.metric, f.value) for f in reread([target_as_result, result, held])}
    assert kept == {("realised_jobs", 24310), ("target_jobs", 24000)}
    assert len(reread([target_as_result, result, held])) == 2


def test_a_figure_alone_for_its_key_is_never_touched() -> None:
    alone = fig("overheid", "target_jobs", 23000, SPLIT)
    assert reread([alone]) == [alone]


ITEMS = [
    "Eind 2017 waren er in totaal 31.200 extra banen gerealiseerd; het doel voor 2017 "
    "lag op 30.000 banen.",
    "Marktwerkgevers realiseerden eind 2017 24.310 extra banen; overheidswerkgevers "
    "kwamen uit op 6.890 banen.",
    "In het sociaal akkoord is afgesproken dat er in 2026 in totaal 125.000 extra banen "
    "zijn voor mensen met een arbeidsbeperking.",
    "In de regio Zuid-Kennemerland werkt het Werkbedrijf samen met gemeenten en UWV; "
    "daar zijn in 2017 140 extra banen gerealiseerd.",
]


@pytest.fixture(scope="module")
def item(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[IngestedDocument], PassageIndex]:
    folder = tmp_path_factory.mktemp("item")
    docs = [
        ingest_pdf(
            render_dated_letter(
                folder / "item-resultaten-2017.pdf",
                "Den Haag, 2 juli 2018",
                ITEMS,
                title="Resultaten banenafspraak 2017",
            )
        )
    ]
    index = PassageIndex(tmp_path_factory.mktemp("item-index"))
    index.add([p for d in docs for p in d.passages])
    return docs, index


def ask(item, question: str) -> Answer:
    docs, index = item
    figures = flag_conflicts([f for d in docs for f in d.figures])
    return answer_question(question, index=index, figures=figures, letters=letters_of(docs))


def test_a_forecast_of_the_result_is_not_answered_with_the_target(item) -> None:
    a = ask(item, "How many extra jobs will have been created by the end of 2026?")
    assert a.abstained
    a = ask(item, "Hoeveel extra banen verwacht men eind 2026 te hebben gerealiseerd?")
    assert a.abstained


def test_a_region_the_texts_lack_is_not_answered_with_another_region(item) -> None:
    a = ask(item, "How many extra jobs were realised in the Twente region in 2017?")
    assert a.abstained
    a = ask(item, "Hoeveel banen zijn er in de regio Zuid-Kennemerland in 2017 gerealiseerd?")
    assert not a.abstained and "140" in a.answer


def test_a_goal_read_as_a_result_becomes_the_target_when_none_is_held() -> None:
    goal = fig("totaal", "realised_jobs", 30000, GOAL_AND_RESULT)
    result = fig("totaal", "realised_jobs", 31200, "In totaal waren er 31.200 extra banen.")
    kept = {(f.metric, f.value) for f in reread([goal, result])}
    assert kept == {("realised_jobs", 31200), ("target_jobs", 30000)}


def test_overall_and_beat_their_target_are_read_in_questions(item) -> None:
    a = ask(item, "Was the overall target for end 2017 achieved?")
    assert not a.abstained and "31,200" in a.answer and "30,000" in a.answer
    a = ask(item, "By how many jobs did employers in total beat their 2017 target?")
    assert not a.abstained and "1,200" in a.answer
