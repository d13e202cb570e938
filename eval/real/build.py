"""Build and check a real-wording evaluation split: texts -> PDFs, gold verified on its page.

    .venv/bin/python -m eval.real.build dev
    .venv/bin/python -m eval.real.build test
    .venv/bin/python -m eval.real.build dev --pages      # print the page each quote is found on

Reads eval/real/<split>/texts/*.txt (header lines "key: value", a line "---", then the body:
blocks separated by blank lines; "## " / "### " headings, "- " bullets, "|"-rows tables,
"{fn:...}" footnotes), renders each with eval.synth.render into
eval/real/<split>/letters/<document>.pdf, and checks:

- every line of <split>/gold-figures.jsonl: known document, sector, metric, construction;
  its quote (whitespace-normalised) stands on exactly its `page` (and on no other page) of the
  PDF, and its value, in Dutch notation, stands inside the quote;
- every line of <split>/negatives.jsonl: its quote stands in the PDF, its value inside it;
- <split>/manifest.json has one entry per document;
- each document's date (header `date:`) stands in its body text as well.

Fails loudly (exit 1, every problem listed) when anything does not hold. No manifest is
written into letters/: the tool under test must read dates from the text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pdfplumber

from banen_qa.evaluate.run import REAL_SPLITS
from eval.synth.content import MINISTRIES, Block, Letter
from eval.synth.render import LAYOUTS, render

ROOT = Path(__file__).resolve().parent

SECTORS = {
    "totaal",
    "marktsector",
    "overheid",
    "rijk",
    "defensie",
    "politie",
    "gemeenten",
    "provincies",
    "waterschappen",
    "zbo",
    "funderend_onderwijs",
    "mbo",
    "hbo",
    "wo",
    "onderzoeksinstellingen",
    "umc",
}
METRICS = {
    "realised_jobs",
    "target_jobs",
    "realisation_pct",
    "realised_jobs_own",
    "realised_jobs_sroi",
    "quota_pct",
    "baseline_jobs",
    "realised_jobs_regular",
    "realised_jobs_agency",
}
PCT_METRICS = {"realisation_pct", "quota_pct"}
CONSTRUCTIONS = {
    "plain",
    "bare_after_cue",
    "verb_variant",
    "enumeration",
    "transition",
    "sector_alias",
    "relative_year",
    "future_target",
    "quarter",
    "contract_kind",
    "table",
}
NEGATIVE_KINDS = {"register", "change", "hours", "date", "reference", "euro", "other"}
KINDS = {"szw_letter", "bzk_letter", "uwv_report", "sector_report", "news", "advice", "memo"}
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"


def norm(text: str) -> str:
    return " ".join(text.split())


# --- text files -> Letter -----------------------------------------------------------------


def parse_text(path: Path) -> tuple[dict[str, str], list[Block], str]:
    """Header fields, body blocks and the plain body text of one texts/*.txt file."""
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise ValueError(f"{path.name}: no '---' line between header and body")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, colon, value = line.partition(":")
            if not colon:
                raise ValueError(f"{path.name}: bad header line {line!r}")
            meta[key.strip()] = value.strip()
    for key in ("title", "date", "author", "layout"):
        if not meta.get(key):
            raise ValueError(f"{path.name}: header lacks {key!r}")
    if meta["layout"] not in LAYOUTS:
        raise ValueError(f"{path.name}: layout {meta['layout']!r} not in {sorted(LAYOUTS)}")
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.rstrip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("#"):
            level = 2 if lines[0].startswith("###") else 1
            blocks.append(Block(kind="heading", text=lines[0].lstrip("#").strip(), level=level))
        elif all(ln.lstrip().startswith("|") for ln in lines[1:]) and lines[-1].lstrip().startswith(
            "|"
        ):
            caption = "" if lines[0].lstrip().startswith("|") else lines[0]
            rows = [
                [c.strip() for c in ln.strip().strip("|").split("|")]
                for ln in lines
                if ln.lstrip().startswith("|") and not re.fullmatch(r"\|[\s:|-]*\|?", ln.strip())
            ]
            blocks.append(Block(kind="table", text=caption, rows=rows))
        elif lines[0].startswith("- "):
            items: list[str] = []
            for ln in lines:
                if ln.startswith("- "):
                    items.append(ln[2:].strip())
                else:  # continuation line of the previous item
                    items[-1] += " " + ln.strip()
            blocks.append(Block(kind="bullets", items=items, bullet=meta.get("bullet", "•")))
        else:
            blocks.append(Block(kind="para", text=" ".join(ln.strip() for ln in lines)))
    plain = "\n".join(
        b.text + " " + " ".join(b.items) + " " + " ".join(" ".join(r) for r in b.rows)
        for b in blocks
    )
    return meta, blocks, plain


def ministry_key(author: str) -> str:
    """A key of MINISTRIES for this author; unknown authors are added (at run time only)."""
    for key, name in MINISTRIES.items():
        if author in (key, name):
            return key
    MINISTRIES[author] = author
    return author


def make_letter(path: Path) -> tuple[Letter, dict[str, str], str]:
    meta, blocks, plain = parse_text(path)
    date = meta["date"]
    years = re.findall(r"\b(?:19|20)\d\d\b", date)
    shown = date
    if meta["layout"] != "rapport":  # colophon / "Den Haag, <date>" line: the bare date
        shown = re.sub(r"^[^,\d]+,\s*(?=\d)", "", date)
    letter = Letter(
        name=path.stem,
        title=meta["title"],
        ministry=ministry_key(meta["author"]),
        year=int(years[-1]) - 1 if years else 2020,
        date=shown,
        layout=meta["layout"],
        blocks=blocks,
        signer=meta.get("signer", meta["author"]).replace("\\n", "\n"),
    )
    return letter, meta, plain


# --- PDF text -----------------------------------------------------------------------------


def page_texts(pdf_path: Path, layout: str) -> list[tuple[str, ...]]:
    """Per page, the texts a quote may stand in: the body as a reader sees it (colophon
    column, footnote calls and notes left out), with line-end hyphens joined and as is; the
    whole page likewise; and the table rows ("a | b")."""
    g = LAYOUTS[layout]
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            x1 = 450 if layout == "kamerbrief" else page.width
            body = page.crop((0, 0, x1, page.height - g.bottom + 2)).filter(
                lambda o: o.get("object_type") != "char" or o.get("size", 0) >= g.size * 0.75
            )
            texts = []
            for raw in (body.extract_text() or "", page.extract_text() or ""):
                texts += [norm(re.sub(r"(\w)-\n(?=\w)", r"\1", raw)), norm(raw)]
            texts += [
                " | ".join(norm(c or "") for c in row)
                for table in page.find_tables()
                for row in table.extract()
            ]
            out.append(tuple(texts))
    return out


def value_texts(value: float, unit: str) -> list[str]:
    """Ways the value may be written: 5500 -> 5.500 / 5500; 61.3 -> 61,3; 2.0 -> 2 / 2,0."""
    out = []
    if value == int(value):
        n = int(value)
        out += [f"{n:,}".replace(",", "."), str(n)]
        if unit == "pct":
            out.append(f"{n},0")
    else:
        s = repr(float(value))
        decimals = len(s.split(".")[1])
        whole, frac = f"{value:.{decimals}f}".split(".")
        out += [
            f"{int(whole):,}".replace(",", ".") + "," + frac,
            f"{whole},{frac}",
            f"{whole}.{frac}",
        ]
    return out


def in_text(quote: str, texts: list[str]) -> bool:
    return any(quote in t for t in texts)


# --- checks -------------------------------------------------------------------------------


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{i}: bad JSON: {e}") from None
    return rows


def build(split: str, show_pages: bool = False) -> int:
    base = ROOT / split
    texts = sorted((base / "texts").glob("*.txt"))
    if not texts:
        print(f"error: no texts in {base / 'texts'}", file=sys.stderr)
        return 1
    out = base / "letters"
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    pages: dict[str, list[tuple[str, ...]]] = {}
    n_pages = 0
    for path in texts:
        try:
            letter, meta, plain = make_letter(path)
        except ValueError as e:
            problems.append(str(e))
            continue
        day = re.search(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}", meta["date"])
        needle = day.group(0) if day else meta["date"]
        if needle not in norm(plain) and not (
            meta["layout"] == "eenkolom" and letter.date == needle
        ):
            problems.append(f"{path.stem}: date {needle!r} not in the body text")
        pdf_path = out / f"{path.stem}.pdf"
        n_pages += render(letter, pdf_path)
        pages[path.stem] = page_texts(pdf_path, letter.layout)
    for stale in out.glob("*.pdf"):
        if stale.stem not in pages and not problems:
            stale.unlink()

    gold = load_jsonl(base / "gold-figures.jsonl")
    seen_keys: Counter = Counter()
    for i, g in enumerate(gold, 1):
        where = f"gold line {i} ({g.get('document')}, {g.get('quote', '')[:50]!r})"
        missing = [
            k
            for k in (
                "document",
                "sector",
                "year",
                "metric",
                "value",
                "unit",
                "page",
                "quote",
                "note",
                "construction",
            )
            if k not in g
        ]
        if missing:
            problems.append(f"{where}: lacks {missing}")
            continue
        if g["document"] not in pages:
            problems.append(f"{where}: no such document")
            continue
        if g["sector"] not in SECTORS:
            problems.append(f"{where}: sector {g['sector']!r} unknown")
        if g["metric"] not in METRICS:
            problems.append(f"{where}: metric {g['metric']!r} unknown")
        if g["construction"] not in CONSTRUCTIONS:
            problems.append(f"{where}: construction {g['construction']!r} unknown")
        unit = "pct" if g["metric"] in PCT_METRICS else "jobs"
        if g["unit"] != unit:
            problems.append(f"{where}: unit should be {unit!r}")
        if g.get("quarter") not in (None, 1, 2, 3, 4):
            problems.append(f"{where}: quarter {g['quarter']!r}")
        seen_keys[(g["document"], g["sector"], g["year"], g["metric"], g.get("quarter"))] += 1
        quote = norm(g["quote"])
        if not any(v in quote for v in value_texts(g["value"], g["unit"])):
            problems.append(f"{where}: value {g['value']} not in quote")
        doc_pages = pages[g["document"]]
        hits = [n for n, texts in enumerate(doc_pages, 1) if in_text(quote, list(texts))]
        if show_pages:
            print(f"{g['document']}\tpage {g['page']}\tfound {hits}\t{quote[:70]}")
        if hits != [g["page"]]:
            problems.append(f"{where}: gold page {g['page']}, quote found on pages {hits}")
    for key, n in seen_keys.items():
        if n > 1:
            problems.append(f"gold key {key} occurs {n} times (keys must be unique)")

    negatives = load_jsonl(base / "negatives.jsonl")
    for i, ng in enumerate(negatives, 1):
        where = f"negative line {i} ({ng.get('document')}, {ng.get('quote', '')[:50]!r})"
        if ng.get("document") not in pages:
            problems.append(f"{where}: no such document")
            continue
        if ng.get("kind") not in NEGATIVE_KINDS:
            problems.append(f"{where}: kind {ng.get('kind')!r} unknown")
        quote = norm(ng.get("quote", ""))
        value = ng.get("value")
        vtexts = [str(value)] if isinstance(value, str) else value_texts(float(value), "pct")
        if not any(v in quote for v in vtexts):
            problems.append(f"{where}: value {value!r} not in quote")
        if not any(in_text(quote, list(texts)) for texts in pages[ng["document"]]):
            problems.append(f"{where}: quote not found in the PDF")

    manifest_path = base / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = Counter(m.get("document") for m in manifest)
        for doc in pages:
            if listed[doc] != 1:
                problems.append(f"manifest: {doc} listed {listed[doc]} times")
        for m in manifest:
            if m.get("document") not in pages:
                problems.append(f"manifest: {m.get('document')} has no text")
            if m.get("kind") not in KINDS:
                problems.append(f"manifest: {m.get('document')}: kind {m.get('kind')!r}")
            if not m.get("source_url"):
                problems.append(f"manifest: {m.get('document')}: no source_url")
    else:
        problems.append(f"{manifest_path} missing")

    constructions = Counter(g.get("construction") for g in gold)
    kinds = Counter(n.get("kind") for n in negatives)
    print(
        f"{split}: {len(pages)} documents, {n_pages} pages, {len(gold)} gold figures, "
        f"{len(negatives)} negatives -> {out}"
    )
    print("  constructions: " + ", ".join(f"{k} {v}" for k, v in sorted(constructions.items())))
    print("  negatives: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if problems:
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "split",
        choices=REAL_SPLITS,
    )
    ap.add_argument("--pages", action="store_true", help="print the page each quote is on")
    args = ap.parse_args(argv)
    return build(args.split, args.pages)


if __name__ == "__main__":
    sys.exit(main())
