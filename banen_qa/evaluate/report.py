"""The eval report: rich tables on the console and a markdown file, per gold set."""

from __future__ import annotations

from collections import Counter

from banen_qa.evaluate.score import FigureScore, QAScore, ReasoningScore

WITHHELD = (
    "Misses, extras and answers withheld: a held-out set, scored but not tuned on "
    "(CONTRIBUTING.md); `banen-qa eval --show-held-out` shows them."
)


def _by_kind(negatives: list[dict]) -> str:
    """' (change 2, other 1)': what kinds of negative became figures, the one thing a held-out
    set tells about them."""
    kinds = Counter(n["kind"] for n in negatives)
    return f" ({', '.join(f'{k} {c}' for k, c in sorted(kinds.items()))})" if kinds else ""


def print_set(console, name: str, fig: FigureScore, qa: QAScore | None) -> None:
    from rich.table import Table

    console.rule(f"gold set: {name}")
    console.print(
        f"figures: P {fig.precision:.3f}  R {fig.recall:.3f}  F1 {fig.f1:.3f}  "
        f"page accuracy {fig.page_accuracy:.3f}  ({fig.correct}/{fig.gold} gold, "
        f"{fig.predicted} predicted)"
    )
    if fig.negatives is not None:
        console.print(
            f"negatives extracted: {len(fig.negatives_extracted)} of {fig.negatives}"
            + _by_kind(fig.negatives_extracted)
        )
    if fig.by_construction:
        console.print(
            "recall by construction: "
            + ", ".join(f"{k} {v['correct']}/{v['gold']}" for k, v in fig.by_construction.items())
        )
    for dim, rows in (("metric", fig.by_metric), ("sector", fig.by_sector)):
        t = Table(title=f"by {dim}", show_lines=False)
        for col in (dim, "gold", "pred", "ok", "P", "R", "F1"):
            t.add_column(col)
        for k, v in rows.items():
            t.add_row(
                k,
                str(v["gold"]),
                str(v["predicted"]),
                str(v["correct"]),
                f"{v['precision']:.2f}",
                f"{v['recall']:.2f}",
                f"{v['f1']:.2f}",
            )
        console.print(t)
    for m in fig.misses:
        console.print(
            f"[red]miss[/red] {m['sector']} {m['year']} {m['metric']} = {m['value']} "
            f"p.{m['page']} {m.get('problem', '')} got {m.get('got', m.get('page_got'))}"
        )
    for n in (n for n in fig.negatives_extracted if "quote" in n):  # withheld: kind only
        console.print(
            f"[red]negative extracted[/red] {n['kind']} {n['value']} as {n['as']} "
            f"“{n['quote'][:80]}”"
        )
    for e in fig.extras:
        console.print(
            f"[yellow]extra[/yellow] {e['sector']} {e['year']} {e['metric']} = "
            f"{e['value']} p.{e['page']} “{e['quote'][:80]}”"
        )
    if qa:
        answerable = qa.total - qa.unanswerable
        console.print(
            f"questions: {qa.correct}/{qa.total} correct; cited page right "
            f"{qa.page_correct}/{answerable}; abstention right {qa.abstention_correct}/{qa.total}"
        )
        for r in qa.results:
            if not r.correct:
                console.print(
                    f"[red]wrong[/red] {r.id} {r.question} -> {r.answer[:120]!r} "
                    f"pages {r.cited_pages}"
                )


def summary_table(results: dict[str, dict]) -> list[str]:
    """Every set side by side: F1, page accuracy, negatives extracted."""
    out = [
        "| set | precision | recall | F1 | page accuracy | gold | predicted | negatives "
        "extracted |",
        "|---|---|---|---|---|---|---|---|",
    ]
    figure_sets = {n: r for n, r in results.items() if r.get("figures")}
    for name, res in figure_sets.items():
        f = res["figures"]
        neg = (
            ""
            if f.get("negatives") is None
            else f"{len(f['negatives_extracted'])} of {f['negatives']}"
        )
        out.append(
            f"| {name} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | "
            f"{f['page_accuracy']:.3f} | {f['gold']} | {f['predicted']} | {neg} |"
        )
    classes = sorted(
        {c for res in figure_sets.values() for c in res["figures"].get("by_construction", {})}
    )
    with_classes = [n for n, r in figure_sets.items() if r["figures"].get("by_construction")]
    if classes:
        out += [
            "",
            "Recall by construction class:",
            "",
            "| construction | " + " | ".join(with_classes) + " |",
            "|---|" + "---|" * len(with_classes),
        ]
        for c in classes:
            cells = []
            for n in with_classes:
                v = results[n]["figures"]["by_construction"].get(c)
                cells.append(f"{v['correct']}/{v['gold']} ({v['recall']:.2f})" if v else "")
            out.append(f"| {c} | " + " | ".join(cells) + " |")
    return out


def print_reasoning(console, name: str, score: ReasoningScore) -> None:
    """Right answers, right citations and right abstentions per question type."""
    from rich.table import Table

    console.rule(f"gold set: {name}")
    t = Table(title="by question type")
    for col in ("type", "questions", "right", "citations right", "abstention right"):
        t.add_column(col)
    for k, v in score.by_type.items():
        t.add_row(
            k,
            str(v.total),
            f"{v.correct}/{v.total}",
            "" if k == "unanswerable" else f"{v.citations_ok}/{v.total}",
            f"{v.abstention_ok}/{v.total}",
        )
    t.add_row(
        "all",
        str(score.total),
        f"{score.correct}/{score.total}",
        f"{score.citations_ok}/{score.total - score.unanswerable}",
        f"{score.abstention_correct}/{score.total}",
    )
    console.print(t)
    for r in score.results:
        if not r.correct:
            console.print(
                f"[red]wrong[/red] {r.id} [{r.type}] {r.question} -> "
                f"{r.answer[:120]!r} pages {r.cited_pages}"
            )


def reasoning_markdown(name: str, res: dict) -> list[str]:
    out = [
        f"## {name}",
        "",
        "| type | questions | right | citations right | abstention right |",
        "|---|---|---|---|---|",
    ]
    for k, v in res["by_type"].items():
        cites = "" if k == "unanswerable" else f"{v['citations_ok']}/{v['total']}"
        out.append(
            f"| {k} | {v['total']} | {v['correct']}/{v['total']} | {cites} | "
            f"{v['abstention_ok']}/{v['total']} |"
        )
    out.append(
        f"| all | {res['total']} | {res['correct']}/{res['total']} | "
        f"{res['citations_ok']}/{res['total'] - res['unanswerable']} | "
        f"{res['abstention_correct']}/{res['total']} |"
    )
    if not res["results"]:
        out += ["", WITHHELD]
    out += [""] + [
        f"- {'✓' if r['correct'] else '✗'} {r['id']} [{r['type']}] {r['question']} → "
        f"{r['answer'][:160]} (pages {r['cited_pages']})"
        for r in res["results"]
    ]
    return [*out, ""]


def markdown(results: dict[str, dict]) -> str:
    out = ["# banen-qa evaluation", "", *summary_table(results), ""]
    for name, res in results.items():
        if "reasoning" in res:
            out += reasoning_markdown(name, res["reasoning"])
            continue
        f = res["figures"]
        out += [
            f"## {name}",
            "",
            "| figures | precision | recall | F1 | page accuracy | gold | predicted |",
            "|---|---|---|---|---|---|---|",
            f"| all | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | "
            f"{f['page_accuracy']:.3f} | {f['gold']} | {f['predicted']} |",
        ]
        for dim in ("by_metric", "by_sector"):
            for k, v in f[dim].items():
                out.append(
                    f"| {dim[3:]}: {k} | {v['precision']:.2f} | {v['recall']:.2f} | "
                    f"{v['f1']:.2f} | | {v['gold']} | {v['predicted']} |"
                )
        if f.get("negatives") is not None:
            out += [
                "",
                f"Negatives extracted: {len(f['negatives_extracted'])} of {f['negatives']}"
                + _by_kind(f["negatives_extracted"]),
            ] + [f"- {n}" for n in f["negatives_extracted"] if "quote" in n]
        if res.get("withheld"):
            out += ["", WITHHELD]
        else:
            out += ["", "Misses:"] + ([f"- {m}" for m in f["misses"]] or ["- none"])
            out += ["", "Extras:"] + ([f"- {e}" for e in f["extras"]] or ["- none"])
        qa = res["qa"]
        if qa:
            out += [
                "",
                f"Questions: {qa['correct']}/{qa['total']} correct, cited page right "
                f"{qa['page_correct']}/{qa['total'] - qa['unanswerable']}, abstention "
                f"right {qa['abstention_correct']}/{qa['total']}",
                "",
            ]
            out += [
                f"- {'✓' if r['correct'] else '✗'} {r['id']} {r['question']} → "
                f"{r['answer'][:160]} (pages {r['cited_pages']})"
                for r in qa["results"]
            ]
        out.append("")
    return "\n".join(out)
