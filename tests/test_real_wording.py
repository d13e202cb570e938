"""Questions in the wordings of real news items and ministry letters (not the generated
letters the rules were first written on): all employers named only as "employers in
total", quarterly counts kept apart from annual measurements, the same figure from two
documents, rankings among named sectors, abstentions on what the corpus lacks."""

from __future__ import annotations

from banen_qa.answer.intent import analyse


def test_employers_in_total_of_a_year_is_all_employers() -> None:
    intent = analyse("How many extra jobs had employers created in total by mid 2018?")
    assert intent.sectors == ["totaal"]
    # who speaks is no sector; no year, no dated figure of all employers
    assert analyse("Waarom vinden volgens de werkgevers in 2019 minder mensen werk?").sectors == []
    assert analyse("Hoeveel mensen staan er in totaal in het register?").sectors == []
    # "the sectors together" asks for a table's rows, not the total
    assert analyse("How many jobs did the sectors realise together in 2020?").sectors == []
