"""Questions in the wordings of real news items and ministry letters (not the generated
letters the rules were first written on): all employers named only as "employers in
total", quarterly counts kept apart from annual measurements, the same figure from two
documents, rankings among named sectors, abstentions on what the corpus lacks."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

# Two short news items in the wording of real ones: an annual measurement with quarterly
# UWV counts beside it, and a later item on the government with the water boards again.
ANNUAL = [
    "Werkgevers in de marktsector hebben in 2019 41.200 extra banen gerealiseerd voor "
    "mensen met een arbeidsbeperking.",
    "De overheid realiseerde in 2019 6.100 extra banen.",
    "De waterschappen realiseerden in 2019 250 banen, tegenover een quotum van 300 banen.",
    "Volgens de kwartaalrapportage van UWV waren er tot en met het derde kwartaal van 2019 "
    "in totaal 46.000 extra banen.",
    "Tot en met het vierde kwartaal van 2019 waren er in totaal 47.500 extra banen.",
    "In 2019 moet 2,14% van de verloonde uren worden ingevuld met mensen uit de doelgroep "
    "banenafspraak.",
]
LATER = [
    "Bij de overheid waren er eind 2020 7.300 extra banen.",
    "De waterschappen hebben in 2019 250 banen gerealiseerd en daarmee 83,3% van het "
    "quotum behaald.",
    "De groei bij de overheid komt vooral doordat gemeenten meer mensen in vaste dienst namen.",
]


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("news"),
        [
            (
                "nieuws-jaarmeting-2019.pdf",
                "Den Haag, 3 juli 2020",
                ANNUAL,
                "Jaarmeting banenafspraak 2019",
            ),
            (
                "nieuws-overheid-2021.pdf",
                "Den Haag, 6 juli 2021",
                LATER,
                "Overheid blijft achter",
            ),
        ],
    )


def ask(news, question: str) -> Answer:
    return ask_corpus(news, question)


def documents(a: Answer) -> set[str]:
    return {c.document for c in a.citations}


def test_employers_in_total_of_a_year_is_all_employers() -> None:
    intent = analyse("How many extra jobs had employers created in total by mid 2018?")
    assert intent.sectors == ["totaal"]
    # who speaks is no sector; no year, no dated figure of all employers
    assert analyse("Waarom vinden volgens de werkgevers in 2019 minder mensen werk?").sectors == []
    assert analyse("Hoeveel mensen staan er in totaal in het register?").sectors == []
    # "the sectors together" asks for a table's rows, not the total
    assert analyse("How many jobs did the sectors realise together in 2020?").sectors == []


def test_how_did_it_go_in_named_years_takes_those_years_from_two_documents(news) -> None:
    a = ask(news, "Hoe verliep het aantal banen bij de overheid in 2019 en 2020?")
    assert "7.300 \u2212 6.100 = 1.200" in a.answer
    assert documents(a) == {"nieuws-jaarmeting-2019", "nieuws-overheid-2021"}


def test_what_the_documents_say_gives_each_documents_figures(news) -> None:
    a = ask(news, "What do the documents say about the water boards in 2019?")
    assert not a.abstained
    for v in ("250", "300", "83.3%"):
        assert v in a.answer
    assert documents(a) == {"nieuws-jaarmeting-2019", "nieuws-overheid-2021"}


def test_a_sector_the_letters_lack_is_an_abstention_not_a_quote(news) -> None:
    for q in (
        "How many jobs did the hospitality sector realise in 2019?",
        "Hoeveel banen realiseerde de bouwsector in 2019?",
    ):
        a = ask(news, q)
        assert a.abstained and not any(ch.isdigit() for ch in a.answer), q
    # sector words that are no sector name still reach the answer
    assert not ask(news, "Did the market sector realise more than 40,000 jobs in 2019?").abstained


def test_a_metric_given_per_year_abstains_for_a_year_it_lacks(news) -> None:
    a = ask(news, "What is the quota percentage for 2019?")
    assert not a.abstained and "2.14" in a.answer
    a = ask(news, "Wat is het quotumpercentage voor 2022?")
    assert a.abstained and not any(ch.isdigit() for ch in a.answer)


def test_which_of_the_named_sectors_realised_more_weighs_them_all(news) -> None:
    a = ask(news, "Which realised more jobs in 2019: the market sector or the government?")
    assert "41,200" in a.answer and "6,100" in a.answer
    assert a.answer.index("41,200") < a.answer.index("6,100")  # the winner first
    a = ask(news, "Wie realiseerde in 2019 minder banen: de overheid of de marktsector?")
    assert a.answer.startswith("Overheid")
