"""Rankings and sums over short real-wording items: which sector came closer to its target,
which year had the largest shortfall, which sector had the most jobs in an item on the
market and the government only, and two sectors' targets named with a possessive. Each
computed figure shows its arithmetic and every figure compared is cited."""

from __future__ import annotations

import pytest

from banen_qa.answer.check import values_in
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

ITEMS = [
    (
        "bericht-2017.pdf",
        "Utrecht, 3 mei 2018",
        [
            "Marktwerkgevers realiseerden eind 2017 24.310 extra banen; overheidswerkgevers "
            "kwamen uit op 6.890 banen.",
            "Het doel voor eind 2017 lag op 23.000 banen in de marktsector en 9.000 banen bij "
            "de overheid.",
        ],
        "Weekblad Werk: resultaten 2017",
    ),
    (
        "bericht-2019.pdf",
        "Zwolle, 12 juni 2020",
        [
            "Overheidswerkgevers realiseerden eind 2019 8.120 extra banen; het doel van de "
            "overheid voor 2019 lag op 14.000 banen.",
        ],
        "Regiobericht vijfmeting",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("rankings"), ITEMS)


def numbers(answer: Answer) -> set[float]:
    return values_in(answer.answer)


def test_which_sector_came_closer_to_its_target_shows_each_percentage(items) -> None:
    a = ask_corpus(
        items, "Which sector got closer to its 2017 target, the market or the government?"
    )
    assert not a.abstained, a.answer
    assert a.answer.startswith("Market sector"), a.answer
    # both sectors' realised and target are shown and cited: all four figures compared
    assert {24310, 23000, 6890, 9000} <= numbers(a), a.answer
    assert {c.op for c in a.computed} == {"ratio"} and len(a.computed) == 2
    assert {round(c.value, 1) for c in a.computed} == {105.7, 76.6}


def test_the_year_with_the_largest_shortfall_ranks_each_years_gap(items) -> None:
    a = ask_corpus(items, "In welk jaar was het tekort van de overheid het grootst: 2017 of 2019?")
    assert not a.abstained, a.answer
    assert a.answer.startswith("2019"), a.answer
    # each year's shortfall with its arithmetic: 14.000 − 8.120 and 9.000 − 6.890
    assert {5880, 2110, 14000, 8120, 9000, 6890} <= numbers(a), a.answer
    assert {c.document for c in a.citations} == {"bericht-2017", "bericht-2019"}


def test_most_jobs_in_an_item_on_market_and_government_ranks_those_two(items) -> None:
    a = ask_corpus(
        items, "Welke sector realiseerde eind 2017 de meeste extra banen volgens Weekblad Werk?"
    )
    assert not a.abstained, a.answer
    assert a.answer.lower().startswith("marktsector"), a.answer
    assert {24310, 6890} <= numbers(a), a.answer


def test_two_sectors_named_with_a_possessive_are_summed(items) -> None:
    a = ask_corpus(
        items,
        "Taking the market's and the government's targets for end 2017 together, what do you get?",
    )
    assert not a.abstained, a.answer
    assert [c.value for c in a.computed] == [32000], a.answer
    assert {23000, 9000, 32000} <= numbers(a), a.answer


def test_a_ratio_passes_the_number_gate_only_when_it_recomputes() -> None:
    from banen_qa.answer.check import recomputed
    from banen_qa.models import Computed

    quotes = ["realiseerden 24.310 banen; het doel lag op 23.000 banen"]
    right = Computed(value=105.7, expression="", op="ratio", inputs=[24310, 23000])
    wrong = Computed(value=107.5, expression="", op="ratio", inputs=[24310, 23000])
    assert recomputed([right, wrong], quotes) == {105.7}


@pytest.fixture(scope="module")
def due(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("due"),
        [
            (
                "wet-2015.pdf",
                "Den Haag, 4 maart 2015",
                [
                    "De overheid moet in 2024 25.000 extra banen hebben gerealiseerd; de "
                    "marktsector moet in 2026 100.000 extra banen hebben gerealiseerd."
                ],
                "Memorie van toelichting",
            ),
            (
                "akkoord-2013.pdf",
                "Den Haag, 11 april 2013",
                ["Afgesproken is dat werkgevers eind 2025 125.000 extra banen moeten realiseren."],
                "Sociaal akkoord",
            ),
        ],
    )


def test_the_year_a_named_number_is_due_per_letter_and_that_they_differ(due) -> None:
    a = ask_corpus(due, "By when must the 125,000 extra jobs be realised?")
    assert not a.abstained, a.answer
    # one letter states the whole; the other splits it, each part with its own year
    assert {125000, 100000, 25000, 2024, 2025, 2026} <= numbers(a), a.answer
    assert [c.value for c in a.computed] == [125000]
    assert {c.document for c in a.citations} == {"wet-2015", "akkoord-2013"}
    assert "different years" in a.answer
