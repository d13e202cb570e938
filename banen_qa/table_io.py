"""Write a list of Figure records as one table file, the format chosen by the file's suffix.

Analysts open Excel, scripts read CSV/JSON, data pipelines read Parquet. The columns are
the Figure fields in their declared order; `flags` (a list) becomes one ";"-joined cell in
the flat formats and stays a list in JSON/JSONL.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from banen_qa.models import Figure

COLUMNS: list[str] = list(Figure.model_fields)
FLAG_SEPARATOR = ";"


def _record(fig: Figure) -> dict[str, Any]:
    """The stored fields only (not derived ones such as `warnings`)."""
    return fig.model_dump(mode="json", include=set(COLUMNS))


def _flat_row(fig: Figure) -> dict[str, Any]:
    """One figure as a flat row: scalars only, `flags` joined."""
    row = fig.model_dump(include=set(COLUMNS))
    row["flags"] = FLAG_SEPARATOR.join(fig.flags)
    return row


def _csv_text(figures: Sequence[Figure]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(_flat_row(f) for f in figures)
    return buf.getvalue()


def _jsonl_text(figures: Sequence[Figure]) -> str:
    return "".join(json.dumps(_record(f), ensure_ascii=False) + "\n" for f in figures)


def _json_text(figures: Sequence[Figure]) -> str:
    data = [_record(fig) for fig in figures]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


TEXT_FORMATS: dict[str, Callable[[Sequence[Figure]], str]] = {
    "csv": _csv_text,
    "jsonl": _jsonl_text,
    "json": _json_text,
}


def format_figures(figures: Sequence[Figure], fmt: str) -> str:
    """The table as text (csv, jsonl or json), for printing to stdout."""
    try:
        return TEXT_FORMATS[fmt.lower().lstrip(".")](figures)
    except KeyError:
        known = ", ".join(TEXT_FORMATS)
        raise ValueError(f"unknown text format {fmt!r} (use one of {known}; "
                         "xlsx and parquet need --out FILE)") from None


def _text_writer(fmt: str) -> Callable[[Sequence[Figure], Path], None]:
    def write(figures: Sequence[Figure], path: Path) -> None:
        # newline="" keeps csv's \r\n row ends as the csv module wrote them
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(TEXT_FORMATS[fmt](figures))

    return write


def _write_xlsx(figures: Sequence[Figure], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "figures"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for fig in figures:
        row = _flat_row(fig)
        ws.append([row[c] for c in COLUMNS])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def _need_pyarrow(path: Path) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise RuntimeError(
            f"{path}: writing .parquet needs pyarrow; install it with "
            "`pip install 'banen-qa[parquet]'` or choose .csv/.jsonl/.json/.xlsx"
        ) from None


def _write_parquet(figures: Sequence[Figure], path: Path) -> None:
    _need_pyarrow(path)
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("document", pa.string()),
            ("sector", pa.string()),
            ("year", pa.int64()),
            ("quarter", pa.int64()),
            ("metric", pa.string()),
            ("value", pa.float64()),
            ("unit", pa.string()),
            ("page", pa.int64()),
            ("char_start", pa.int64()),
            ("char_end", pa.int64()),
            ("quote", pa.string()),
            ("extractor", pa.string()),
            ("flags", pa.list_(pa.string())),
        ]
    )
    rows = [fig.model_dump(include=set(COLUMNS)) for fig in figures]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)


WRITERS: dict[str, Callable[[Sequence[Figure], Path], None]] = {
    ".csv": _text_writer("csv"),
    ".jsonl": _text_writer("jsonl"),
    ".json": _text_writer("json"),
    ".xlsx": _write_xlsx,
    ".parquet": _write_parquet,
}


def check_writable(path: Path | str) -> None:
    """Fail before a long run, not after it: unknown suffix (ValueError) or .parquet
    without pyarrow (RuntimeError); both messages name the file."""
    path = Path(path)
    if path.suffix.lower() not in WRITERS:
        known = ", ".join(WRITERS)
        raise ValueError(f"{path}: unknown table format {path.suffix!r} (use one of {known})")
    if path.suffix.lower() == ".parquet":
        _need_pyarrow(path)


def write_figures(figures: Sequence[Figure], path: Path | str) -> Path:
    """Write `figures` to `path` in the format its suffix names; returns the path.

    Raises ValueError for an unknown suffix and RuntimeError when .parquet is asked for
    without pyarrow installed; both messages name the file.
    """
    path = Path(path)
    check_writable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    WRITERS[path.suffix.lower()](figures, path)
    return path
