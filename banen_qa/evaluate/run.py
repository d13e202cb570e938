"""The eval command: find the gold sets, build each set's corpus and index, score them,
print the tables and write eval/report.md and report.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from banen_qa.answer.letters import Letter
    from banen_qa.corpus import Corpus
    from banen_qa.models import Answer
    from banen_qa.search.index import PassageIndex

from banen_qa.evaluate.report import WITHHELD, markdown, print_set, summary_table
from banen_qa.evaluate.score import (
    GoldFigure,
    GoldQuestion,
    Negative,
    negatives_extracted,
    read_jsonl,
    score_figures,
    score_questions,
)

# Scored but never tuned on (CONTRIBUTING.md): their misses, extras and answers are kept
# out of the console and the report unless asked for (`eval --show-held-out`).
# the real-wording splits (eval/real/<split>/), and those with a blind question set over their
# letters (eval/reasoning/<split>-questions.jsonl); eval/real/build.py and
# eval/reasoning/verify.py take their lists from here
REAL_SPLITS = (
    "dev",
    "test",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "para",
)
BLIND_QUESTION_SPLITS = ("fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8")
HELD_OUT = frozenset(
    {
        "real-test",
        "real-fresh3",
        "real-fresh5",
        "real-fresh8",
        "reasoning-test",
        "reasoning-real-test",
        "reasoning-fresh3",
        "reasoning-fresh5",
        "reasoning-fresh8",
    }
)


def gold_sets(gold_dir: Path) -> list[tuple[str, Path, Path, Path | None]]:
    """(name, figures.jsonl, questions.jsonl, letters dir or None for the corpus)."""
    sets: list[tuple[str, Path, Path, Path | None]] = []
    if (gold_dir / "seed-figures.jsonl").exists():
        sets.append(
            ("seed", gold_dir / "seed-figures.jsonl", gold_dir / "seed-questions.jsonl", None)
        )
    synth = gold_dir / "synth"
    if (synth / "gold-figures.jsonl").exists():
        sets.append(
            (
                "synth",
                synth / "gold-figures.jsonl",
                synth / "gold-questions.jsonl",
                synth / "letters",
            )
        )
    # real wording (eval/real/README.md): figures only
    for split in REAL_SPLITS:
        real = gold_dir / "real" / split
        if (real / "gold-figures.jsonl").exists() and (real / "letters").is_dir():
            sets.append(
                (
                    f"real-{split}",
                    real / "gold-figures.jsonl",
                    real / "gold-questions.jsonl",
                    real / "letters",
                )
            )
    return sets


def reasoning_sets(gold_dir: Path) -> list[tuple[str, Path, list[Path], str]]:
    """(name, questions.jsonl, extra letter dirs, index folder name): the reasoning
    questions run over the corpus plus the generated letters, together; the real set over
    the corpus plus the real-wording dev documents; the fresh set over the corpus plus the
    fresh real-wording documents (eval/reasoning/README.md)."""
    folder = gold_dir / "reasoning"
    sets = [
        (
            f"reasoning-{split}",
            folder / f"{split}-questions.jsonl",
            [gold_dir / "synth" / "letters"],
            "eval-reasoning",
        )
        for split in ("dev", "test", "extra")
    ]
    sets += [
        (
            f"reasoning-real-{split}",
            folder / f"real-{split}-questions.jsonl",
            [gold_dir / "real" / "dev" / "letters"],
            "eval-reasoning-real",  # an index only grows: its own, apart from the synth one
        )
        for split in ("dev", "test")
    ]
    sets.append(
        (
            "reasoning-fresh",  # held out: written blind over the fresh real-wording letters
            folder / "fresh-questions.jsonl",
            [gold_dir / "real" / "fresh" / "letters"],
            "eval-reasoning-fresh",  # its own index, apart from the synth and real-dev ones
        )
    )
    sets.append(
        (
            "reasoning-fresh2-dev",  # development questions over the fresh2 real-wording letters
            folder / "fresh2-dev-questions.jsonl",
            [gold_dir / "real" / "fresh2" / "letters"],
            "eval-reasoning-fresh2",  # its own index, apart from the other real splits
        )
    )
    sets.append(
        (
            "reasoning-compute-dev",  # computed questions in many phrasings, tuned on
            folder / "compute-dev-questions.jsonl",
            [gold_dir / "real" / split / "letters" for split in ("dev", "fresh", "fresh2")],
            "eval-reasoning-compute",  # its own index: the three tuning splits together
        )
    )
    # blind question sets over the letters of one real split each, with an index of their own
    # (fresh3 and fresh5 held out; fresh4 scored blind first, then tuned on)
    sets += [
        (
            f"reasoning-{split}",
            folder / f"{split}-questions.jsonl",
            [gold_dir / "real" / split / "letters"],
            f"eval-reasoning-{split}",
        )
        for split in BLIND_QUESTION_SPLITS
    ]
    sets.append(
        (
            "reasoning-why-dev",  # why/how/which questions over the letters of the tuning splits
            folder / "why-dev-questions.jsonl",
            [gold_dir / "real" / split / "letters" for split in ("dev", "fresh", "fresh2")],
            "eval-reasoning-why",  # its own index: three splits' letters together
        )
    )
    return [s for s in sets if s[1].exists()]


def combined_corpus(corpus, letter_dirs: list[Path], data_dir: Path, index_name: str):
    """The corpus and the letters in `letter_dirs` as one corpus, conflicts flagged across
    all of them, and its index (in data_dir / index_name)."""
    from banen_qa.corpus import Corpus, flag_corpus_conflicts, load_corpus
    from banen_qa.search.index import PassageIndex

    docs = [d.model_copy(deep=True) for d in corpus.documents]
    for folder in letter_dirs:
        docs += load_corpus(folder, data_dir / f"eval-{folder.parent.name}").documents
    merged = flag_corpus_conflicts(Corpus(documents=docs))
    index = PassageIndex(data_dir / index_name)
    index.add(merged.passages)
    return merged, index


def run_reasoning(
    console,
    corpus,
    gold_dir: Path,
    data_dir: Path,
    only: frozenset[str] = frozenset(),
    show_held_out: bool = False,
) -> dict[str, dict]:
    """Score the reasoning question sets, per question type (those named in `only`, if any)."""
    from banen_qa.answer import answer_question
    from banen_qa.answer.letters import letters_of
    from banen_qa.evaluate.report import print_reasoning
    from banen_qa.evaluate.score import ReasoningQuestion, score_reasoning

    results: dict[str, dict] = {}
    built: dict[tuple, tuple] = {}
    for name, q_path, letter_dirs, index_name in reasoning_sets(gold_dir):
        if only and name not in only:
            continue
        key = tuple(letter_dirs)
        if key not in built:
            built[key] = combined_corpus(corpus, letter_dirs, data_dir, index_name)
        merged, index = built[key]
        letters = letters_of(merged.documents)

        def ask(
            q: str, i: PassageIndex = index, c: Corpus = merged, lt: list[Letter] = letters
        ) -> Answer:
            return answer_question(q, index=i, figures=c.figures, letters=lt)

        score = score_reasoning(read_jsonl(q_path, ReasoningQuestion), ask)
        withheld = name in HELD_OUT and not show_held_out
        if withheld:
            score.results = []
        print_reasoning(console, name, score)
        if withheld:
            console.print(f"[dim]{WITHHELD}[/dim]")
        results[name] = {"reasoning": score.model_dump(), "withheld": withheld}
    return results


def run_eval(
    corpus,
    index,
    *,
    gold_dir: Path | None = None,
    report_stem: Path | None = None,
    data_dir: Path | None = None,
    llm_client=None,
    only: frozenset[str] = frozenset(),
    show_held_out: bool = False,
) -> dict:
    """Score every gold set found in gold_dir (or those named in `only`), print tables,
    write report.md and .json. With an LLM client, each set is scored a second time
    through the LLM path."""
    from rich.console import Console

    from banen_qa.answer import answer_question
    from banen_qa.config import default_data_dir, project_root

    console = Console()
    gold_dir = gold_dir or project_root() / "eval"
    report_stem = report_stem or gold_dir / "report"
    data_dir = data_dir or default_data_dir()
    results: dict[str, dict] = {}
    for name, fig_path, q_path, letters in gold_sets(gold_dir):
        if only and name not in only:
            continue
        set_corpus, set_index = corpus, index
        if letters is not None:
            from banen_qa.corpus import load_corpus
            from banen_qa.search.index import PassageIndex

            set_corpus = load_corpus(letters, data_dir / f"eval-{name}")
            set_index = PassageIndex(data_dir / f"eval-{name}")
            set_index.add(set_corpus.passages)
        fig = score_figures(set_corpus.figures, read_jsonl(fig_path, GoldFigure))
        negatives_path = fig_path.parent / "negatives.jsonl"
        if negatives_path.exists():
            negatives = read_jsonl(negatives_path, Negative)
            fig.negatives = len(negatives)
            fig.negatives_extracted = negatives_extracted(set_corpus.figures, negatives)
        qa = None
        if q_path.exists():
            questions = read_jsonl(q_path, GoldQuestion)

            def ask_set(q: str, i: PassageIndex = set_index, c: Corpus = set_corpus) -> Answer:
                return answer_question(q, index=i, figures=c.figures)

            qa = score_questions(questions, ask_set)
        withheld = name in HELD_OUT and not show_held_out
        if withheld:  # the count and kind of each negative extracted stay; what it said goes
            fig.misses, fig.extras = [], []
            fig.negatives_extracted = [{"kind": n["kind"]} for n in fig.negatives_extracted]
        results[name] = {
            "figures": fig.model_dump(),
            "qa": qa.model_dump() if qa else None,
            "withheld": withheld,
        }
        print_set(console, name, fig, qa)
        if withheld:
            console.print(f"[dim]{WITHHELD}[/dim]")
        if llm_client is not None:
            results[f"{name}+llm"] = _eval_llm(
                console, name, set_corpus, set_index, fig_path, q_path, llm_client
            )
    results.update(run_reasoning(console, corpus, gold_dir, data_dir, only, show_held_out))
    console.rule("all sets")
    console.print("\n".join(summary_table(results)))
    report_stem.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{report_stem}.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False), "utf-8"
    )
    Path(f"{report_stem}.md").write_text(markdown(results), "utf-8")
    console.print(f"[dim]report: {report_stem}.md, {report_stem}.json[/dim]")
    return results


def _eval_llm(console, name, corpus, index, fig_path: Path, q_path: Path, client) -> dict:
    """The same gold set through the LLM path: merged figures, checked answers."""
    from banen_qa.llm.session import Asker, extract_corpus

    extraction = extract_corpus(corpus.documents, client)
    fig = score_figures(extraction.figures, read_jsonl(fig_path, GoldFigure))
    asker = Asker(index, extraction.figures, client)
    qa = score_questions(read_jsonl(q_path, GoldQuestion), asker) if q_path.exists() else None
    print_set(console, f"{name} + LLM", fig, qa)
    console.print(
        f"LLM records: {extraction.proposed} proposed, {extraction.kept} kept, rejected by the "
        f"gate: {dict(extraction.rejected)}; answers: {dict(asker.sources)}, "
        f"fallbacks to offline: {asker.fallbacks}"
    )
    if extraction.warning:
        console.print(f"[yellow]warning:[/yellow] {extraction.warning}")
    return {
        "figures": fig.model_dump(),
        "qa": qa.model_dump() if qa else None,
        "llm": {
            "proposed": extraction.proposed,
            "kept": extraction.kept,
            "rejected": dict(extraction.rejected),
            "answer_sources": dict(asker.sources),
            "fallbacks": asker.fallbacks,
            "warning": extraction.warning,
        },
    }
