"""Questions about the scheme as a whole, year ends and later targets over short items: "de
banenafspraak" and "the cumulative number" mean all employers; a year's end is its fourth
quarter's count; "hoeveel boven het doel" asks how far, "already at its 2025 target by 2022"
holds an earlier count against a later target; a passage answer abstains on a forecast, a
dateline's year or another year's count."""

from __future__ import annotations

import pytest

from banen_qa.answer import analyse
from banen_qa.answer.letters import Scope
from banen_qa.answer.operations import parse_operation, periods_in
from banen_qa.answer.passages import undated
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("scheme"),
        [
            (
                "item-stand-2018.pdf",
                "Zwolle, 12 maart 2019",
                ["Tot en met 31 december 2018 zijn er in totaal 40.120 extra banen gerealiseerd."],
                "Stand banenafspraak eind 2018",
            ),
            (
                "item-stand-q4-2019.pdf",
                "Zwolle, 9 april 2020",
                [
                    "Tot en met het vierde kwartaal van 2019 zijn er in totaal 47.310 extra "
                    "banen gerealiseerd."
                ],
                "Stand banenafspraak vierde kwartaal 2019",
            ),
            (
                "item-waterschappen-2023.pdf",
                "Arnhem, 14 februari 2023",
                [
                    "De waterschappen moeten in 2025 op 480 extra banen staan.",
                    "Eind 2022 hadden de waterschappen 455 banen gerealiseerd.",
                ],
                "Waterschappen en de banenafspraak",
            ),
            (
                "item-markt-2017.pdf",
                "Den Haag, 20 juni 2018",
                [
                    "De marktsector realiseerde in 2017 28.400 extra banen, terwijl het doel "
                    "voor de marktsector in 2017 op 23.000 banen lag.",
                ],
                "Marktsector boven het doel",
            ),
        ],
    )


def ask(items, question: str) -> Answer:
    return ask_corpus(items, question)


def numbers(answer: Answer) -> str:
    return answer.answer.replace(".", "").replace(",", "")


@pytest.mark.parametrize(
    ("question", "sectors"),
    [
        ("Is de doelstelling van de banenafspraak voor eind 2021 gehaald?", ["totaal"]),
        ("How much did the cumulative number of jobs grow in 2019?", ["totaal"]),
        ("Did businesses hit their 2017 target?", ["marktsector"]),
        # the scheme as a frame, not as what is counted; an unknown sector stays unknown
        ("Hoeveel mensen hadden in 2022 een baan binnen de banenafspraak?", []),
        ("How many jobs did the hospitality sector create for the banenafspraak in 2019?", []),
    ],
)
def test_the_scheme_as_a_whole_is_all_employers(question: str, sectors: list[str]) -> None:
    assert analyse(question).sectors == sectors


def test_a_year_end_and_the_fourth_quarter_are_one_point() -> None:
    assert periods_in("from the end of 2018 to the end of 2019") == [(2018, None), (2019, None)]
    assert periods_in("the fourth quarter of 2021, short of the target for end 2021") == [(2021, 4)]
    assert periods_in("hoeveel banen eind 2021") == []  # one year's end: a question about years


def test_how_far_above_the_target_is_a_difference() -> None:
    question = "Hoeveel banen zat de marktsector in 2017 boven het doel?"
    op = parse_operation(question, analyse(question), Scope())
    assert op is not None and op.kind == "difference"
    question = "Heeft de marktsector in 2017 het doel gehaald?"
    op = parse_operation(question, analyse(question), Scope())
    assert op is not None and op.kind == "met_target"


def test_growth_between_year_ends_uses_the_fourth_quarter_count(items) -> None:
    answer = ask(
        items,
        "How much did the cumulative number of jobs grow between the end of "
        "2018 and the end of 2019?",
    )
    assert not answer.abstained
    assert "7190" in numbers(answer) and "47310" in numbers(answer)


def test_a_series_of_year_ends(items) -> None:
    answer = ask(items, "Geef het cumulatieve aantal extra banen eind 2018, 2019 en 2022.")
    assert not answer.abstained
    assert "40120" in numbers(answer) and "47310" in numbers(answer)


def test_how_far_above_the_target(items) -> None:
    answer = ask(items, "Hoeveel banen zat de marktsector in 2017 boven het doel?")
    assert not answer.abstained
    assert "5400" in numbers(answer)


def test_businesses_are_the_market(items) -> None:
    answer = ask(items, "Did businesses hit their 2017 target?")
    assert answer.answer.startswith("Yes")


def test_an_earlier_count_against_a_later_target(items) -> None:
    answer = ask(items, "Hadden de waterschappen eind 2022 hun doel voor 2025 al bereikt?")
    assert answer.answer.startswith("Nog niet")
    assert "455" in answer.answer and "480" in answer.answer
    answer = ask(items, "Were the water boards already at their 2025 target by the end of 2022?")
    assert answer.answer.startswith("Not yet")


@pytest.mark.parametrize(
    "question",
    [
        "What is the forecast for the number of extra jobs realised by the end of 2026?",
        "Hoeveel extra banen waren er eind 2024 gerealiseerd?",
    ],
)
def test_no_passage_answer_for_a_forecast_or_another_year(items, question: str) -> None:
    answer = ask(items, question)
    assert answer.abstained, answer.answer


def test_a_dateline_is_no_year_or_amount_of_the_sentence() -> None:
    assert undated("Kennisbank, 11 maart 2021 \u2013 Wilt u weten hoeveel banen?") == (
        "Wilt u weten hoeveel banen?"
    )
    assert undated("Januari 2023 \u2013 Het aantal steeg.") == "Het aantal steeg."
    assert undated("In maart 2023 steeg het aantal.") == "In maart 2023 steeg het aantal."
