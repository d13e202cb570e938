"""Write a list of Figure records as one table file, the format chosen by the file's suffix.

Analysts open Excel, scripts read CSV/JSON, data pipelines read Parquet. The columns are
the Figure fields in their declared order; `flags` (a list) becomes one ";"-joined cell in
the flat formats and stays a list in JSON/JSONL.

Letters are data from outside: a quote such as "=HYPERLINK(...)" or "+31 ..." must never
become a formula when an analyst opens the table. Text cells that start with = + - @, a tab
or a carriage return are written as text: an explicit string cell in XLSX, and with a
leading single quote in CSV (OWASP's advice for CSV injection). Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from banen_qa.errors import BanenQAError
from banen_qa.models import Figure

COLUMNS: list[str] = list(Figure.model_fields)
FLAG_SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class TableFormatError(BanenQAError, ValueError):
    """An output path whose suffix (or text format) no writer knows; names the file."""


class MissingDependency(BanenQAError, RuntimeError):
    """A format that needs an optional package that is not installed (pyarrow)."""


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet would read as a formula (or that hides one)."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _csv_safe(value: object) -> object:
    return "'" + value if is_formula_like(value) else value  # type: ignore[operator]


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
    writer.writerows({k: _csv_safe(v) for k, v in _flat_row(f).items()} for f in figures)
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
        raise TableFormatError(
            f"unknown text format {fmt!r} (use one of {known}; xlsx and parquet need --out FILE)"
        ) from None


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
        for cell in ws[ws.max_row]:
            if is_formula_like(cell.value):
                cell.data_type = "s"  # openpyxl made it a formula ("f"); keep it text
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def _need_pyarrow(path: Path) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingDependency(
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
    """Fail before a long run, not after it: an unknown suffix (TableFormatError), .parquet
    without pyarrow (MissingDependency), a folder or an unwritable place (OutputNotWritable);
    every message names the file."""
    path = Path(path)
    if path.suffix.lower() not in WRITERS:
        known = ", ".join(WRITERS)
        raise TableFormatError(f"{path}: unknown table format {path.suffix!r} (use one of {known})")
    if path.suffix.lower() == ".parquet":
        _need_pyarrow(path)
    check_writable_place(path)


class OutputNotWritable(BanenQAError, OSError):
    """An output file (or folder) that cannot be written: named, with the cause."""


def check_writable_place(path: Path, *, folder: bool = False) -> None:
    """Raise OutputNotWritable unless `path` (a file, or with folder=True a folder) can be
    written: it is not the other kind of thing, and it or its nearest existing parent is a
    writable folder."""
    path = Path(path)
    if path.exists():
        if folder and not path.is_dir():
            raise OutputNotWritable(f"{path}: is a file, not a folder")
        if not folder and path.is_dir():
            raise OutputNotWritable(f"{path}: is a folder, not a file")
        target = path if folder else path.parent
        if not os.access(path, os.W_OK) or not os.access(target, os.W_OK | os.X_OK):
            raise OutputNotWritable(f"{path}: not writable (permission denied)")
        return
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputNotWritable(f"{path}: cannot be created ({parent} is a file)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritable(f"{path}: cannot be created ({parent} is not writable)")


def write_figures(figures: Sequence[Figure], path: Path | str) -> Path:
    """Write `figures` to `path` in the format its suffix names; returns the path.

    Raises TableFormatError for an unknown suffix and MissingDependency when .parquet is
    asked for without pyarrow installed; both messages name the file. The table is written
    to a temporary file beside `path` and moved over it, so a reader (or a crash) never
    sees half a table.
    """
    path = Path(path)
    check_writable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp{path.suffix}")
    try:
        WRITERS[path.suffix.lower()](figures, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputNotWritable(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path
