"""Answers read by meaning, as blind questions ask them: a source named by its acronym
("volgens het FD", "het SZW-bericht") or by its month ("the Trouw piece of October 2021"),
a quarter named by a month ("tot en met juni", "halfway through 2020"), the market's
question words beside another sector ("business and government together"), a Dutch
compound whose head two parts share ("uitzend- en detacheringsbanen"), more verbs for
exceeding a target, "do they agree" as the same figure across documents, and a figure
sentence that names the asked sector only in a list of sectors is no answer. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse
from banen_qa.answer.operations import parse_operation, periods_in
from tests.fixtures.letters import ask_corpus, cited, news_corpus

ITEMS = [
    (
        "fd-2018.pdf",
        "Amsterdam, augustus 2019 \u2013 Cijfers over 2018.",
        [
            "In 2018 hadden marktwerkgevers 38.200 extra banen gerealiseerd, tegen een doel "
            "van 35.500 banen.",
            "Overheidswerkgevers realiseerden in 2018 7.150 banen; hun doel voor 2018 was "
            "12.000 banen.",
        ],
        "Markt loopt voor, overheid niet",
    ),
    (
        "szw-2023.pdf",
        "Den Haag, 2 juli 2024",
        ["Eind 2023 waren er in totaal 84.300 extra banen gerealiseerd."],
        "Ministerie van Sociale Zaken en Werkgelegenheid: stand banenafspraak",
    ),
    (
        "cedris-2023.pdf",
        "Utrecht, 20 juni 2024",
        ["Eind 2023 waren er in totaal 83.950 extra banen gerealiseerd."],
        "Cedris over de stand van de banenafspraak",
    ),
    (
        "kwartaal-juni-2021.pdf",
        "Utrecht, oktober 2021",
        [
            "Tot en met het tweede kwartaal van 2021 telden werkgevers 41.700 extra banen "
            "via een regulier dienstverband.",
            "Tot en met het tweede kwartaal van 2021 kwamen er 5.320 banen via een "
            "uitzendcontract of detachering.",
        ],
        "Halfjaarcijfers banenafspraak",
    ),
    (
        "gemeenten-2017.pdf",
        "Zwolle, 5 mei 2018",
        [
            "In 2017 zouden werkgevers bij waterschappen, gemeenten en provincies samen 4.100 "
            "mensen uit de doelgroep aan de slag helpen."
        ],
        "Decentrale overheden en de banenafspraak",
    ),
    (
        "trouw-oktober.pdf",
        "Den Haag, oktober 2020",
        ["Het doel van de overheid voor 2019 lag op 15.000 banen."],
        "Trouw: overheid en haar doel",
    ),
    (
        "trouw-maart.pdf",
        "Den Haag, maart 2021",
        ["Het doel van de overheid voor 2019 was eerder op 14.500 banen gezet."],
        "Trouw: nieuw doel voor de overheid",
    ),
]


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(tmp_path_factory.mktemp("answers-fresh-general"), ITEMS)


def test_an_acronym_names_the_document_whose_title_words_it_spells(items) -> None:
    a = ask_corpus(items, "Hoeveel extra banen waren er eind 2023 volgens het SZW-bericht?")
    assert not a.abstained, a.answer
    assert "84.300" in a.answer
    assert cited(a) == {"szw-2023"}


def test_a_source_named_by_its_month_picks_that_document(items) -> None:
    for question in (
        "What was the government's 2019 target according to the Trouw piece of March 2021?",
        "Welk doel had de overheid voor 2019 volgens Trouw (maart 2021)?",
    ):
        a = ask_corpus(items, question)
        assert not a.abstained, question
        assert cited(a) == {"trouw-maart"}, (question, a.answer)
        assert "14" in a.answer and "15" not in a.answer, a.answer


def test_a_quarter_is_named_by_the_month_it_ends_in() -> None:
    for question, period in (
        ("How many jobs were there up to June 2021?", (2021, 2)),
        ("Hoeveel banen waren er tot en met juni 2021?", (2021, 2)),
        ("How many jobs were counted halfway through 2020?", (2020, 2)),
        ("Hoeveel banen telde men halverwege 2020?", (2020, 2)),
        ("Hoeveel banen waren er eind september 2019?", (2019, 3)),
    ):
        assert analyse(question).quarter == period[1], question
        assert periods_in(question) == [period], question


def test_business_beside_government_is_the_market_and_both_are_added(items) -> None:
    question = "How many regular jobs had business and government together realised in 2018?"
    assert analyse(question).sectors == ["marktsector", "overheid"]
    a = ask_corpus(items, "How many jobs had business and government together realised in 2018?")
    assert "38,200 + 7,150 = 45,350" in a.answer, a.answer


def test_a_compound_whose_head_two_parts_share_names_both_parts(items) -> None:
    question = (
        "Hoeveel banen waren er tot en met juni 2021 als je de reguliere banen en de uitzend- "
        "en detacheringsbanen optelt?"
    )
    intent = analyse(question)
    assert {"realised_jobs_regular", "realised_jobs_agency"} <= set(intent.metrics)
    a = ask_corpus(items, question)
    assert "41.700 + 5.320 = 47.020" in a.answer, a.answer


def test_overshooting_a_target_asks_by_how_much(items) -> None:
    for question in (
        "By how many jobs did the market overshoot its 2018 target?",
        "Met hoeveel banen overschreed de markt in 2018 haar doel?",
    ):
        a = ask_corpus(items, question)
        assert [c.value for c in a.computed] == [2700], (question, a.answer)


def test_do_they_agree_asks_the_figure_of_each_document(items) -> None:
    op = parse_operation(
        "Two items state the government's target for 2019. Do they agree?",
        analyse("Two items state the government's target for 2019. Do they agree?"),
        __import__("banen_qa.answer.letters", fromlist=["Scope"]).Scope(),
    )
    assert op is not None and op.kind == "across"


def test_a_sector_named_only_in_a_list_of_sectors_has_no_figure_of_its_own(items) -> None:
    a = ask_corpus(items, "How many jobs did the municipalities realise in 2017?")
    assert a.abstained, a.answer
    assert "4.100" not in a.answer and "4,100" not in a.answer
