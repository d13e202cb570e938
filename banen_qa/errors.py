"""The root of every error banen-qa raises on purpose.

A `BanenQAError` is an expected failure with a one-line message that names the file (or
setting, or server) and the cause: the CLI prints it and exits 2. Anything else is a bug
and keeps its traceback, so catching this one class never hides a programming error the
way catching ValueError did.
"""

from __future__ import annotations


class BanenQAError(Exception):
    """An expected failure; `str(exc)` is one line naming what failed and why."""

    def __str__(self) -> str:
        # a file name with a newline must not split the line the user sees
        return printable(super().__str__())


class InputError(BanenQAError, ValueError):
    """A command-line value, path or input file that cannot be used (checked before work)."""


def one_line(text: str) -> str:
    """Whitespace (newlines in file names included) folded to single spaces."""
    return " ".join(str(text).split())


_CONTROL = {i: f"\\x{i:02x}" for i in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}


def printable(text: object) -> str:
    """`text` with control characters escaped ("a\\nb.pdf" -> "a\\\\nb.pdf"): a file name
    with a newline in it stays on its one line and can still be recognised."""
    return str(text).translate(_CONTROL)
