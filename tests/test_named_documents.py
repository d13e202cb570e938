"""Questions that name their documents by publisher or title answer from those documents
only; contract-kind breakdowns (regular, agency) are asked for by their own words and add
up; and one figure as two named documents give it is compared between them."""

from __future__ import annotations

import pytest

from banen_qa.answer.intent import analyse
from banen_qa.evaluate.score import numbers_in
from banen_qa.models import Answer
from tests.fixtures.letters import ask_corpus, news_corpus

WEEKLY = "item-arbeidsbode-2019.pdf"
POST = "item-werkpost-2019.pdf"
OTHER = "item-regio-2019.pdf"
PARTS = "item-kwartaal-2018.pdf"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("named"),
        [
            (
                WEEKLY,
                "Arbeidsbode, 3 juli 2020 – Utrecht",
                ["Eind 2019 waren er in totaal 61.240 extra banen gerealiseerd."],
                "Weer meer banen voor mensen met een arbeidsbeperking",
            ),
            (
                POST,
                "Werkpost, 12 februari 2020 – Zwolle",
                ["Eind 2019 waren er in totaal 61.590 extra banen gerealiseerd."],
                "Kwartaalcijfers banenafspraak",
            ),
            (
                OTHER,
                "Regiokrant, 9 juli 2020 – Arnhem",
                ["Eind 2019 waren er in totaal 61.410 extra banen gerealiseerd."],
                "Banenafspraak in de regio",
            ),
            (
                PARTS,
                "Banenbulletin, 20 oktober 2018 – Den Haag",
                [
                    "Tot en met het tweede kwartaal van 2018 realiseerden werkgevers 21.400 "
                    "extra banen via een regulier dienstverband en 8.650 extra banen via een "
                    "uitzendcontract of detachering."
                ],
                "Nieuwe kwartaalcijfers",
            ),
        ],
    )


def docs(answer: Answer) -> set[str]:
    return {c.document for c in answer.citations}


def stem(name: str) -> str:
    return name.removesuffix(".pdf")


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel banen waren er eind 2019 volgens Arbeidsbode en volgens Werkpost?",
        "How many jobs were there at the end of 2019 according to the Arbeidsbode item and "
        "the Werkpost article?",
    ],
)
def test_a_question_naming_two_publishers_uses_only_their_documents(corpus, question) -> None:
    answer = ask_corpus(corpus, question)
    assert not answer.abstained
    assert docs(answer) == {stem(WEEKLY), stem(POST)}  # not the third item with 2019
    assert {61240, 61590} <= set(numbers_in(answer.answer))


@pytest.mark.parametrize(
    "question",
    [
        "How much higher was the Werkpost count than the Arbeidsbode figure for end 2019?",
        "Hoeveel scheelt het aantal banen eind 2019 tussen Arbeidsbode en Werkpost?",
    ],
)
def test_one_figure_in_two_named_documents_is_compared(corpus, question) -> None:
    answer = ask_corpus(corpus, question)
    assert not answer.abstained
    assert docs(answer) == {stem(WEEKLY), stem(POST)}
    assert {61240, 61590, 350} <= set(numbers_in(answer.answer))
    assert any(c.value == 350 and sorted(c.inputs) == [61240, 61590] for c in answer.computed)


@pytest.mark.parametrize(
    "question",
    [
        "How many extra jobs had employers created through regular contracts and agency "
        "contracts together up to the second quarter of 2018?",
        "Hoeveel extra banen via een regulier dienstverband en via uitzendbanen samen tot en "
        "met het tweede kwartaal van 2018?",
    ],
)
def test_regular_and_agency_jobs_add_up(corpus, question) -> None:
    answer = ask_corpus(corpus, question)
    assert not answer.abstained
    assert docs(answer) == {stem(PARTS)}
    assert {21400, 8650, 30050} <= set(numbers_in(answer.answer))
    assert any(c.op == "sum" and c.value == 30050 for c in answer.computed)


def test_agency_and_regular_are_asked_by_their_words() -> None:
    asked = {
        "How many jobs via an agency contract or secondment in 2019?": "realised_jobs_agency",
        "Hoeveel uitzendbanen waren er in 2019?": "realised_jobs_agency",
        "How many 2019 jobs were permanent contracts?": "realised_jobs_regular",
        "Hoeveel banen met een vast contract in 2019?": "realised_jobs_regular",
    }
    for question, metric in asked.items():
        assert analyse(question).metrics[0] == metric, question
    # secondment that belongs to the agency wording is no own-staff breakdown ...
    assert (
        "realised_jobs_own"
        not in analyse("How many jobs via an agency contract or secondment in 2019?").metrics
    )
    # ... while own staff and secondment together still ask for own employment
    own = analyse("Hoeveel banen had Defensie in 2020 in eigen dienst en via detachering?")
    assert own.metrics[0] == "realised_jobs_own"


def test_a_name_no_document_carries_does_not_narrow_to_the_other_name() -> None:
    from banen_qa.answer.letters import names_in

    assert names_in("Hoeveel banen? Geef wat minister Jansen meldt") == ["jansen"]
    assert names_in("Hoeveel banen volgens NRC en volgens de PO-Raad?") == ["nrc", "po-raad"]
