"""What two named sources say, when only sentences answer: one sentence of each named
document, quoted and cited; a sector's word written as a publisher ("MBO-Raad", a ".nl"
site) names the source, not the sector."""

from __future__ import annotations

import pytest

from banen_qa.answer.letters import names_in
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
                    "Een jobcoach maakt het voor docenten eenvoudiger om een collega te begeleiden.",
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
