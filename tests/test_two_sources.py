"""What two named sources say, when only sentences answer: one sentence of each named
document, quoted and cited; a sector's word written as a publisher ("MBO-Raad", a ".nl"
site) names the source, not the sector."""

from __future__ import annotations

import pytest

from banen_qa.answer.letters import letters_of, names_in, resolve_scope
from tests.fixtures.letters import ask_corpus, news_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("two"),
        [
            (
                "item-vakblad-2019.pdf",
                "Vakblad Werk, 5 maart 2019 – Utrecht",
                [
                    "Scholen in het mbo vinden het lastig om geschikte functies te maken.",
                    "Volgens de sector ontbreekt vooral tijd voor begeleiding op de werkvloer.",
                ],
                "Mbo worstelt met de banenafspraak",
            ),
            (
                "item-mboraad-2019.pdf",
                "MBO-Raad, 20 mei 2019 – Woerden",
                [
                    "De MBO-Raad wil dat scholen extra geld krijgen voor jobcoaches.",
                    "Een jobcoach maakt het docenten makkelijker een collega te begeleiden.",
                ],
                "Raad vraagt geld voor jobcoaches",
            ),
        ],
    )


def test_publisher_written_with_a_sector_word_is_a_name() -> None:
    assert "mbo-raad" in names_in("Wat zegt de MBO-Raad over begeleiding?")
    assert "rijksoverheid" in names_in("Wat meldt Rijksoverheid.nl over 2018?")
    assert names_in("Wat meldt de Rijksoverheid over 2018?") == []  # the sector
    assert names_in("Hoeveel banen realiseerde het mbo?") == []


def test_one_sentence_of_each_named_document(corpus) -> None:
    answer = ask_corpus(
        corpus, "Wat zeggen Vakblad Werk en de MBO-Raad over begeleiding in het mbo?"
    )
    assert not answer.abstained
    assert answer.answer.startswith("In de documenten staat:")
    assert {c.document for c in answer.citations} == {"item-vakblad-2019", "item-mboraad-2019"}


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("dated"),
        [
            (
                "item-werkpost-2018.pdf",
                "Werkpost, 14 maart 2018 – Zwolle",
                ["Werkpost schrijft dat de 40.000 banen in de regio er in 2024 moeten zijn."],
                "Regio zet in op banen",
            ),
            (
                "item-werkpost-2020.pdf",
                "Werkpost, 2 juni 2020 – Zwolle",
                ["De regio telde in 2019 ruim 900 nieuwe werkplekken voor de doelgroep."],
                "Regio boven verwachting",
            ),
            (
                "item-gazet-2018.pdf",
                "Gazet, 20 april 2018 – Deventer",
                ["Volgens Gazet moeten de 40.000 banen in de regio er pas in 2025 zijn."],
                "Langer de tijd voor banen",
            ),
        ],
    )


def test_a_dated_name_picks_that_days_document(dated) -> None:
    question = (
        "By which year should the 40,000 jobs be there according to the Werkpost item of "
        "14 March 2018, and according to Gazet?"
    )
    scope = resolve_scope(question, letters_of(dated[0]))
    assert scope.named == [["item-werkpost-2018"], ["item-gazet-2018"]]
    answer = ask_corpus(dated, question)
    assert not answer.abstained
    assert {c.document for c in answer.citations} == {"item-werkpost-2018", "item-gazet-2018"}
    assert "2024" in answer.answer and "2025" in answer.answer
    assert answer.answer.index("2024") < answer.answer.index("2025")  # the question's order
