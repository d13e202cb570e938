"""Computed answers read by meaning, not by the phrasings they were tuned on: an amount asked
of any comparative is a difference, two sectors' figures from two letters are still compared,
"which fell further short" and "which did better against its target" rank by the target,
the words a question uses for the market or for the scheme's own target are read, a
breakdown of the count can change between quarters, and a change whose one year is missing
abstains rather than answering with the other year. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from tests.fixtures.letters import ask_corpus, cited, news_corpus

ITEMS = [
    (
        "markt-2019.pdf",
        "Den Haag, 3 juli 2020",
        [
            "Marktwerkgevers realiseerden in 2019 47.150 extra banen.",
            "Het doel voor de marktsector lag in 2019 op 41.000 banen.",
        ],
        "Bedrijfsleven ruim boven doel",
    ),
    (
        "overheid-2019.pdf",
        "Utrecht, 9 juli 2020",
        ["Overheidswerkgevers realiseerden in 2019 8.420 extra banen."],
        "Overheid blijft achter",
    ),
    (
        "provincies-2020.pdf",
        "Den Haag, 14 april 2021",
        [
            "De provincies realiseerden in 2020 310 banen; hun doel voor 2020 was 290 banen.",
            "De waterschappen realiseerden in 2020 205 banen; hun doel voor 2020 was 330 banen.",
        ],
        "Provincies en waterschappen in 2020",
    ),
    (
        "totaal-2021.pdf",
        "Den Haag, 12 juli 2022",
        [
            "Eind 2021 waren er in totaal 71.400 extra banen gerealiseerd; het doel voor 2021 "
            "lag op 80.000 banen."
        ],
        "Resultaten banenafspraak 2021",
    ),
    (
        "kwartaal-1-2022.pdf",
        "Amsterdam, 20 juli 2022",
        [
            "Tot en met het eerste kwartaal van 2022 waren er 30.100 extra banen via een "
            "regulier dienstverband."
        ],
        "Kwartaalcijfers eerste kwartaal",
    ),
    (
        "kwartaal-2-2022.pdf",
        "Amsterdam, 19 oktober 2022",
        [
            "Tot en met het tweede kwartaal van 2022 waren er 31.250 extra banen via een "
            "regulier dienstverband."
        ],
        "Kwartaalcijfers tweede kwartaal",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("compute-general"), ITEMS)


def test_an_amount_asked_of_any_comparative_is_a_difference(items) -> None:
    for question in (
        "Hoeveel minder banen realiseerden de waterschappen dan de provincies in 2020?",
        "How many fewer jobs did the water boards realise than the provinces in 2020?",
        "Hoeveel banen meer hadden de provincies dan de waterschappen in 2020?",
    ):
        a = ask_corpus(items, question)
        assert not a.abstained, question
        assert "310 \u2212 205 = 105" in a.answer, a.answer
        assert [c.value for c in a.computed] == [105], question


def test_two_sectors_are_compared_across_two_letters(items) -> None:
    a = ask_corpus(
        items, "What was the gap between the market's and the government's jobs in 2019?"
    )
    assert "47,150 \u2212 8,420 = 38,730" in a.answer, a.answer
    assert cited(a) == {"markt-2019", "overheid-2019"}


def test_two_sectors_are_added_up_across_two_letters(items) -> None:
    a = ask_corpus(items, "Tel de banen van de markt en de overheid in 2019 bij elkaar op.")
    assert "47.150 + 8.420 = 55.570" in a.answer, a.answer
    assert cited(a) == {"markt-2019", "overheid-2019"}


def test_which_fell_further_short_ranks_by_the_shortfall(items) -> None:
    a = ask_corpus(
        items, "Which fell further short of its 2020 target: the provinces or the water boards?"
    )
    assert a.answer.startswith("Water boards"), a.answer
    assert "330 \u2212 205 = 125" in a.answer


def test_which_did_better_against_its_target_ranks_by_the_share_realised(items) -> None:
    a = ask_corpus(
        items,
        "Welke sector deed het beter ten opzichte van het doel in 2020: de provincies of de "
        "waterschappen?",
    )
    assert a.answer.startswith("Provincies"), a.answer
    assert "310 / 290 = 106,9%" in a.answer and "205 / 330 = 62,1%" in a.answer


def test_the_business_community_is_the_market(items) -> None:
    a = ask_corpus(items, "Did the business community reach its 2019 goal?")
    assert not a.abstained
    assert a.answer.startswith("Yes"), a.answer
    assert "47,150" in a.answer and "41,000" in a.answer


def test_a_target_question_naming_no_sector_asks_for_the_schemes_own_target(items) -> None:
    a = ask_corpus(items, "Is het doel voor 2021 bereikt?")
    assert a.answer.startswith("Nee"), a.answer
    assert "71.400" in a.answer and "80.000" in a.answer
    assert cited(a) == {"totaal-2021"}


def test_a_breakdown_of_the_count_changes_between_quarters(items) -> None:
    a = ask_corpus(
        items,
        "By how much did the number of regular-contract jobs rise from the first to the "
        "second quarter of 2022?",
    )
    assert "31,250 \u2212 30,100 = 1,150" in a.answer, a.answer
    assert cited(a) == {"kwartaal-1-2022", "kwartaal-2-2022"}


def test_a_change_whose_one_year_is_missing_abstains(items) -> None:
    for question in (
        "Met hoeveel banen groeide het aantal bij de waterschappen van 2019 naar 2020?",
        "How many more jobs did the market create than the government in 2024?",
    ):
        a = ask_corpus(items, question)
        assert a.abstained, a.answer
