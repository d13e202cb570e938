"""Computed answers and abstentions over short real-wording items: a forecast or a named
region the texts lack is an abstention, never a target or another region's count; a split
of a target over sectors is read right where it stands, so arithmetic gets the right
inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus
from tests.test_constructions import check

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
def item(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("item"),
        [
            (
                "item-resultaten-2017.pdf",
                "Den Haag, 2 juli 2018",
                ITEMS,
                "Resultaten banenafspraak 2017",
            ),
        ],
    )


def ask(item, question: str) -> Answer:
    return ask_corpus(item, question)


def test_a_split_target_is_read_per_sector_where_it_stands(tmp_path: Path) -> None:
    check(
        tmp_path,
        [
            (
                "Tot en met 2017 moest de sector markt 23.000 banen realiseren; voor de sector "
                "overheid lag de opgave op 7.000 banen.",
                {
                    ("marktsector", 2017, "target_jobs", 23000),
                    ("overheid", 2017, "target_jobs", 7000),
                },
            ),
            (
                "De doelstelling voor 2017 werd niet gehaald: die lag op 30.000 extra banen "
                "(24.000 bij marktwerkgevers, 6.000 bij de overheid).",
                {
                    ("totaal", 2017, "target_jobs", 30000),
                    ("marktsector", 2017, "target_jobs", 24000),
                    ("overheid", 2017, "target_jobs", 6000),
                },
            ),
        ],
    )


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


def test_overall_and_beat_their_target_are_read_in_questions(item) -> None:
    a = ask(item, "Was the overall target for end 2017 achieved?")
    assert not a.abstained and "31,200" in a.answer and "30,000" in a.answer
    a = ask(item, "By how many jobs did employers in total beat their 2017 target?")
    assert not a.abstained and "1,200" in a.answer
