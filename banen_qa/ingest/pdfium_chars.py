"""Characters of a PDF page read with pypdfium2, in the shape pdfplumber gives them.

pdfplumber (pdfminer) builds its character objects in pure Python, which is most of the
time ingest takes; pdfium reads the same text layer 50-100x faster. This module turns
pdfium's text page into the char dicts `ingest.parse` reads (`text`, `x0`, `x1`, `top`,
`bottom`, `size`, `fontname`, `upright`), with pdfminer's geometry, so the parser's
thresholds mean the same with either backend:

- pdfminer's box is the advance width wide and one font size high, from the baseline plus
  the font's descent: x1 = x0 + width, bottom = baseline - descent, top = bottom - size
  (top-left origin, as pdfplumber). pdfium's "loose" box uses the font program's
  ascent/descent instead, so only its left edge and width are used.
- for the 14 standard fonts pdfminer takes widths and descent from its own AFM table
  (even when a font file is embedded); so does this module, from the same table.
- characters pdfium generates (the spaces and line breaks it infers) are left out: they
  are not in the PDF's content and pdfminer does not make them.

Lines (pdfplumber's `extract_text_lines`) are grouped by `group_lines`, the same two-step
clustering pdfplumber does (chars into lines and words by `top` within 3 pt, words into
lines again), so a line holds the same characters with either backend.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

Char = dict[str, Any]

Y_TOLERANCE = 3.0  # pdfplumber's default y_tolerance (line clustering)
X_TOLERANCE = 3.0  # pdfplumber's default x_tolerance (word splitting)


def _std14() -> dict[str, tuple[float, dict[str, int]]]:
    from pdfminer.fontmetrics import FONT_METRICS

    return {
        name: (float(desc.get("Descent", 0)), widths)  # type: ignore[arg-type]
        for name, (desc, widths) in FONT_METRICS.items()
    }


_STD14: dict[str, tuple[float, dict[str, int]]] | None = None


class _Font:
    """What a text object's font contributes to its chars' boxes."""

    __slots__ = ("name", "descent", "afm_widths")

    def __init__(self, name: str, descent: float, afm_widths: dict[str, int] | None):
        self.name = name
        self.descent = descent  # in 1/1000 of the font size, negative
        self.afm_widths = afm_widths


def _font_of(key: int, cache: dict[int, _Font]) -> _Font:
    """The font of the text object at address `key` (cached per object)."""
    global _STD14
    import pypdfium2.raw as raw

    font = cache.get(key)
    if font is not None:
        return font
    handle = raw.FPDFTextObj_GetFont(ctypes.cast(ctypes.c_void_p(key), raw.FPDF_PAGEOBJECT))
    buf = ctypes.create_string_buffer(512)
    n = raw.FPDFFont_GetBaseFontName(handle, buf, len(buf)) if handle else 0
    name = buf.value.decode("utf-8", "replace") if n else "unknown"
    if _STD14 is None:
        _STD14 = _std14()
    std = _STD14.get(name)
    if std is not None:
        font = _Font(name, std[0], std[1])
    else:
        d = ctypes.c_float()
        descent = 0.0
        if handle and raw.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), ctypes.byref(d)):
            descent = -abs(d.value)
        font = _Font(name, descent, None)
    cache[key] = font
    return font


_GET_OBJ: Any = None


def _text_object_address() -> Any:
    """FPDFText_GetTextObject returning the address as an int (cheap to compare)."""
    global _GET_OBJ
    if _GET_OBJ is None:
        import pypdfium2.raw as raw

        fn = raw.FPDFText_GetTextObject
        addr = ctypes.cast(fn, ctypes.c_void_p).value or 0
        _GET_OBJ = ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int)(addr)
    return _GET_OBJ


def page_chars(page: Any, textpage: Any) -> list[Char]:
    """The page's characters as pdfplumber char dicts (top-left origin), in content order."""
    import pypdfium2.raw as raw

    height = page.get_height()
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    fonts: dict[int, _Font] = {}
    out: list[Char] = []
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(ox), ctypes.byref(oy)
    rect = raw.FS_RECTF()
    prect = ctypes.byref(rect)
    get_obj = _text_object_address()
    get_unicode = raw.FPDFText_GetUnicode
    is_generated = raw.FPDFText_IsGenerated
    get_origin = raw.FPDFText_GetCharOrigin
    get_size = raw.FPDFText_GetFontSize
    get_loose = raw.FPDFText_GetLooseCharBox
    prev_obj: Any = None
    for i in range(n):
        if is_generated(tp, i) == 1:
            continue
        obj = get_obj(tp, i)
        if not obj:
            continue
        u = get_unicode(tp, i)
        # pdfium reports a hyphen it takes for a line-end hyphen as U+0002
        text = "-" if u == 2 else chr(u) if 0 < u < 0x110000 and not 0xD800 <= u < 0xE000 else ""
        font = _font_of(obj, fonts)  # obj: the text object's address
        get_origin(tp, i, pox, poy)
        size = get_size(tp, i)
        afm = font.afm_widths.get(text) if font.afm_widths is not None else None
        if afm is not None:
            width = afm * size / 1000.0
        else:
            get_loose(tp, i, prect)
            width = rect.right - rect.left
        x0 = ox.value
        b = oy.value + font.descent * size / 1000.0
        if prev_obj == obj and out and out[-1]["text"] == " " and text != " ":
            _restore_spaces(out, x0)
        prev_obj = obj
        out.append(
            {
                "object_type": "char",
                "text": text,
                "x0": x0,
                "x1": x0 + width,
                "top": height - (b + size),
                "bottom": height - b,
                "size": size,
                "fontname": font.name,
                "upright": True,
            }
        )
    return out


def _restore_spaces(out: list[Char], x0: float) -> None:
    """pdfium drops a space that follows a space ("2500 EA  Den Haag"); pdfminer keeps it.
    Put back as many spaces as fill the gap before the next char of the same text object
    (only when the gap is a whole number of spaces, to a hundredth of a point)."""
    space = out[-1]
    width = space["x1"] - space["x0"]
    if width <= 0:
        return
    k = round((x0 - space["x1"]) / width)
    if k < 1 or abs(x0 - space["x1"] - k * width) > 0.01:
        return
    for j in range(1, k + 1):
        out.append(dict(space, x0=space["x0"] + j * width, x1=space["x1"] + j * width))


# ---------------------------------------------------------------------------
# lines, as pdfplumber's extract_text_lines(keep_blank_chars=True) groups them


def _cluster(items: list[Any], key: Any, tolerance: float) -> list[list[Any]]:
    """pdfplumber's cluster_objects: values within `tolerance` of their neighbour form a
    cluster; clusters in value order, items in input order within a cluster."""
    values = sorted({key(x) for x in items})
    index: dict[float, int] = {}
    group = -1
    last = None
    for v in values:
        if last is None or v > last + tolerance:
            group += 1
        index[v] = group
        last = v
    buckets: list[list[Any]] = [[] for _ in range(group + 1)]
    for x in items:
        buckets[index[key(x)]].append(x)
    return buckets


def _top(c: Char) -> float:
    return c["top"]


def _x0(c: Char) -> float:
    return c["x0"]


def _words(line: list[Char]) -> Iterator[list[Char]]:
    word: list[Char] = []
    for c in line:
        if word:
            p = word[-1]
            if (
                c["x0"] < p["x0"]
                or c["x0"] > p["x1"] + X_TOLERANCE
                or abs(c["top"] - p["top"]) > Y_TOLERANCE
            ):
                yield word
                word = [c]
                continue
        word.append(c)
    if word:
        yield word


def group_lines(chars: list[Char]) -> list[dict[str, Any]]:
    """Chars -> text lines {x0, top, x1, bottom, chars}, top to bottom; what pdfplumber's
    `extract_text_lines(return_chars=True, keep_blank_chars=True)` returns for them."""
    words: list[tuple[float, float, list[Char]]] = []  # (top, x0, chars)
    for cluster in _cluster(chars, _top, Y_TOLERANCE):
        cluster.sort(key=_x0)
        for w in _words(cluster):
            words.append((min(c["top"] for c in w), min(c["x0"] for c in w), w))
    words.sort(key=lambda w: w[0])
    lines: list[dict[str, Any]] = []
    for cluster in _cluster(words, lambda w: w[0], Y_TOLERANCE):
        cluster.sort(key=lambda w: w[1])
        lchars = [c for w in cluster for c in w[2]]
        # pdfplumber strips the spaces around a line's text (and their chars with them)
        lo, hi = 0, len(lchars)
        while lo < hi and lchars[lo]["text"] == " ":
            lo += 1
        while hi > lo and lchars[hi - 1]["text"] == " ":
            hi -= 1
        lchars = lchars[lo:hi]
        if not "".join(c["text"] for c in lchars).strip():
            continue
        lines.append(
            {
                "x0": min(c["x0"] for c in lchars),
                "top": min(c["top"] for c in lchars),
                "x1": max(c["x1"] for c in lchars),
                "bottom": max(c["bottom"] for c in lchars),
                "chars": lchars,
            }
        )
    return lines
