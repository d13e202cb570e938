"""Writing caches so a crash never leaves half a file, and surviving caches that are broken.

Every cache (parse cache JSON, the vector sqlite, the chroma store) is something banen-qa
can rebuild from the letters. So a cache that fails to open or validate (truncated by a
crash or a full disk, overwritten with garbage, a file where a folder should be) is renamed
to `<name>.corrupt-<timestamp>` — kept for a post-mortem, out of the way — and rebuilt,
with one warning line. It never ends a command with a traceback.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path

log = logging.getLogger("banen_qa.cache")


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then os.replace it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def move_aside(path: Path, cause: str) -> Path:
    """Rename a broken cache to `<name>.corrupt-<timestamp>` and log one warning line."""
    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    log.warning("%s: %s; moved aside to %s and rebuilt", path, " ".join(cause.split()), target.name)
    return target


def ensure_dir(path: Path) -> Path:
    """`path` as a folder: a file standing where the folder should be is moved aside."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        move_aside(path, "a file where a cache folder should be")
    path.mkdir(parents=True, exist_ok=True)
    return path
