"""The scorer itself: a wrong value is a miss and an extra, pages are scored apart,
numbers count in any notation, abstention is judged."""

from __future__ import annotations

from pathlib import Path

from banen_qa.evaluate.score import (
    GoldFigure,
    GoldQuestion,
    Negative,
    judge_answer,
    negatives_extracted,
    numbers_in,
    read_jsonl,
    score_figures,
)
from banen_qa.models import Answer, Citation, Figure

GOLD = read_jsonl(
    Path(__file__).resolve().parent.parent / "eval" / "seed-figures.jsonl", GoldFigure
)


def as_figure(g: GoldFigure, **change) -> Figure:
    fields = dict(
        document=g.document,
        sector=g.sector,
        year=g.year,
        metric=g.metric,
        value=g.value,
        unit=g.unit,
        page=g.page,
        char_start=0,
        char_end=1,
        quote=g.quote,
    )
    return Figure(**{**fields, **change})


def test_gold_against_itself_is_perfect():
    score = score_figures([as_figure(g) for g in GOLD], GOLD)
    assert (score.precision, score.recall, score.f1, score.page_accuracy) == (1, 1, 1, 1)
    assert score.by_metric["realised_jobs"]["gold"] == 12


def test_wrong_value_is_a_miss_and_an_extra_and_wrong_page_is_scored_apart():
    figures = [as_figure(g) for g in GOLD]
    figures[0] = as_figure(GOLD[0], value=GOLD[0].value + 1)
    figures[1] = as_figure(GOLD[1], page=GOLD[1].page + 1)
    score = score_figures(figures, GOLD)
    assert score.correct == len(GOLD) - 1
    assert len(score.extras) == 1 and score.extras[0]["value"] == GOLD[0].value + 1
    assert score.page_correct == len(GOLD) - 2
    assert any(m.get("problem") == "wrong page" for m in score.misses)
    assert score.precision < 1 and score.recall < 1


def test_numbers_in_any_notation():
    assert {5500.0, 61.3, 2.35, 12.0} <= numbers_in("5.500 banen, 61,3%, 2.35% en twaalf")
    assert 5500.0 in numbers_in("5,500 jobs")


def test_judging_answers_and_abstentions():
    q = GoldQuestion(id="x", question="?", numbers=[556], pages=[3])
    right = Answer(
        question="?",
        answer="556 jobs",
        abstained=False,
        citations=[Citation(document="d", page=3, quote="556 banen")],
    )
    wrong_page = right.model_copy(
        update={"citations": [Citation(document="d", page=4, quote="556")]}
    )
    assert judge_answer(q, right).correct
    assert not judge_answer(q, wrong_page).correct
    unanswerable = GoldQuestion(id="y", question="?", answerable=False)
    assert judge_answer(unanswerable, Answer(question="?", answer="no", abstained=True)).correct
    assert not judge_answer(unanswerable, right).correct


def test_a_negative_counts_only_where_it_stands():
    g = GOLD[0]
    figure = as_figure(g, value=88.0, quote="Landelijk ligt de realisatie in 2020 op 88%.")
    elsewhere = Negative(
        document=g.document, value=88, quote="88 procent van de scholen", kind="other"
    )
    same = Negative(document=g.document, value=88, quote="de realisatie in 2020 op 88%")
    other_doc = Negative(document="another-letter", value=88, quote="op 88%")
    assert negatives_extracted([figure], [elsewhere, other_doc]) == []
    assert [n["quote"] for n in negatives_extracted([figure], [same])] == [same.quote]


def test_readme_tables_put_held_out_sets_last_in_bold():
    """eval/tables.py prints the README's tables from a report: held-out sets last, in bold."""
    from eval.tables import figure_table, question_table

    figures = {
        "gold": 10,
        "precision": 0.5,
        "recall": 0.4,
        "f1": 0.444,
        "page_accuracy": 1.0,
        "negatives": 3,
        "negatives_extracted": [{"value": 1}],
    }
    questions = {
        "total": 4,
        "correct": 3,
        "citations_ok": 2,
        "abstention_correct": 4,
        "unanswerable": 1,
        "by_type": {"sum": {"correct": 1, "total": 2}},
    }
    report = {"real-test": {"figures": figures}, "real-dev": {"figures": figures}}
    rows = figure_table(report).splitlines()
    assert rows[2].startswith("| real-dev (tuned on) | 10 | 0.500 | 0.400 | 0.444 |")
    assert rows[3].startswith("| **real-test (held out)** |") and rows[3].endswith("| 1 of 3 |")
    row = question_table({"reasoning-fresh5": {"reasoning": questions}}).splitlines()[2]
    assert row.startswith(
        "| **reasoning-fresh5 (held out, blind)** | 3/4 | 2/3 | 4/4 | – | – | – | 1/2 |"
    )


def test_every_gold_file_in_eval_is_a_set_the_eval_scores():
    """A real split or question file added to eval/ but not registered in evaluate/run.py
    would silently go unscored by `banen-qa eval`."""
    from banen_qa.evaluate.run import gold_sets, reasoning_sets

    root = Path(__file__).resolve().parents[1] / "eval"
    scored = {name for name, *_ in gold_sets(root)} | {name for name, *_ in reasoning_sets(root)}
    on_disk = {f"real-{p.parent.name}" for p in root.glob("real/*/gold-figures.jsonl")}
    on_disk |= {
        "reasoning-" + p.name.removesuffix("-questions.jsonl")
        for p in root.glob("reasoning/*-questions.jsonl")
    }
    assert on_disk <= scored, on_disk - scored
    assert {"seed", "synth"} <= scored
