"""A letter named by its publisher and date, and the person it quotes ("what did Jansen point
to (Regioblad, March 2019)"), or by a name and a year ("Werkpunt's 2016 guidance": the item
of that year whose lead names it, not the name's undated page); why/how/which questions of
every form: a factor is a cause, "how did X divide" a method, a preposition before "welke"
still asks which (but "in welk jaar" asks a time), a sanction follows a condition ("Lukt dat
niet, dan ...") and a caveat is a reason. Our own sentences."""

from __future__ import annotations

import pytest

from banen_qa.answer.explain import _has, asks_explanation
from banen_qa.answer.letters import letters_of, resolve_scope
from banen_qa.evaluate.score import numbers_in
from banen_qa.extract.vocab import REASON_CUES
from tests.fixtures.letters import ask_corpus, cited, news_corpus

TOOLS = "regioblad-jansen-2019"
LATER = "regioblad-corona-2020"
OTHER_PAPER = "stadskrant-jansen-2019"
PAGE = "werkpunt-pagina"
GUIDANCE = "werkpunt-verdeling-2016"
LEVY = "provincies-heffing-2021"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return news_corpus(
        tmp_path_factory.mktemp("explain-fresh7"),
        [
            (
                f"{TOOLS}.pdf",
                "Regioblad, 4 maart 2019 – Zwolle",
                [
                    "De gemeente Zwolle wil dit jaar twintig extra banen creëren.",
                    "Wethouder Jansen zegt dat werkgevers al veel hulpmiddelen krijgen: een "
                    "jobcoach, een aangepaste werkplek en een proefplaatsing van drie maanden.",
                ],
                "Zwolle zoekt werkgevers",
            ),
            (
                f"{LATER}.pdf",
                "Regioblad, 20 november 2020 – Zwolle",
                ["Het aantal banen in de regio daalde dit jaar door de pandemie."],
                "Minder banen door de pandemie",
            ),
            (
                f"{OTHER_PAPER}.pdf",
                "Stadskrant, 5 maart 2019 – Zwolle",
                ["Volgens Jansen kan elke afdeling van de gemeente er een baan bij maken."],
                "Jansen wil meer banen bij de gemeente",
            ),
            (
                f"{PAGE}.pdf",
                "Zonder datum.",
                ["Werkpunt helpt gemeenten met vragen over de banenafspraak en het quotum."],
                "Werkpunt: werk voor arbeidsbeperkten",
            ),
            (
                f"{GUIDANCE}.pdf",
                "Arnhem, 6 mei 2016 – Werkpunt vraagt gemeenten dit jaar 410 banen te scheppen",
                [
                    "Iedere gemeente zorgt voor minstens één baan, samen 355 banen.",
                    "De overige 55 banen worden gelijk verdeeld over de elf regio's: vijf per "
                    "regio.",
                ],
                "Gemeenten moeten dit jaar 410 banen scheppen",
            ),
            (
                f"{LEVY}.pdf",
                "Den Haag, 2 juni 2021 – Provincies lopen achter",
                [
                    "De provincies krijgen tot 2023 de tijd om hun achterstand bij het "
                    "aannemen van mensen met een beperking in te halen. Gaat dat niet, dan "
                    "betalen zij een heffing van 4.000 euro per ontbrekende baan.",
                ],
                "Provincies krijgen tijd tot 2023",
            ),
        ],
    )


def scope_of(corpus, question: str) -> list[str] | None:
    docs, _ = corpus
    return resolve_scope(question, letters_of(docs)).documents


@pytest.mark.parametrize(
    "question",
    [
        "Which tools did Jansen point to for employers (Regioblad, March 2019)?",
        "Welke hulpmiddelen noemde Jansen volgens Regioblad in maart 2019?",
    ],
)
def test_a_publisher_its_month_and_the_person_quoted_name_one_item(corpus, question) -> None:
    assert scope_of(corpus, question) == [TOOLS]


def test_the_quoted_person_gives_the_list_asked_for(corpus) -> None:
    answer = ask_corpus(
        corpus, "Which tools did Jansen point to for employers (Regioblad, March 2019)?"
    )
    assert not answer.abstained
    assert cited(answer) == {TOOLS}
    assert "jobcoach" in answer.answer and "proefplaatsing" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How did Werkpunt's 2016 guidance divide this year's jobs among municipalities?",
        "Hoe verdeelde Werkpunt in 2016 de banen over de gemeenten?",
    ],
)
def test_a_name_and_a_year_pick_the_item_of_that_year_that_leads_with_it(corpus, question) -> None:
    assert scope_of(corpus, question) == [GUIDANCE]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Wat is volgens de wethouder doorslaggevend voor het succes bij de gemeente?", "why"),
        ("What is the key factor for more jobs at the provinces?", "why"),
        ("Wat is bepalend voor het aantal banen bij de waterschappen?", "why"),
        ("How did the province divide the jobs among its departments?", "which"),
        ("How did the hospitals grow despite the pandemic?", "why"),
        ("Bij welke afdelingen bleef het aantal banen het meest achter?", "which"),
        ("In which sectors did the number of jobs lag most?", "which"),
        ("In welk jaar moeten de banen er volgens de krant zijn?", None),
        ("In which quarter was the count of jobs highest?", None),
    ],
)
def test_every_form_of_a_why_how_which_question_is_read(question, kind) -> None:
    assert asks_explanation(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "Welke sanctie wacht een provincie die de achterstand niet inhaalt?",
    ],
)
def test_the_sanction_after_the_condition_it_follows_is_quoted(corpus, question) -> None:
    answer = ask_corpus(corpus, question)
    assert not answer.abstained
    assert cited(answer) == {LEVY}
    assert "heffing" in answer.answer and 4000 in numbers_in(answer.answer)


def test_a_caveat_is_a_reason() -> None:
    assert _has("Een kanttekening is dat veel van die banen al bestonden.", REASON_CUES)
    assert _has("One caveat is that many of these jobs already existed.", REASON_CUES)
