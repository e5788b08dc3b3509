"""Making user text safe and tidy inside Graphviz labels and tooltips.

Every string from a journey file reaches the DOT source through this module
and nowhere else. Labels are HTML-like labels built by us, so user text is
HTML-escaped (a step named ``<script>`` stays text) and its backslashes are
doubled (Graphviz expands ``\\N``, ``\\G`` … even inside HTML-like labels).
The only attribute that ever carries user text is ``tooltip``; there the
backslash needs four (the DOT lexer and the escString pass each take one
level) and XML specials go in as entities, which Graphviz passes through to
the SVG unchanged. Both rules were checked on system Graphviz 2.43 and on
graphviz-pure.

Text is also cleaned: characters XML cannot carry (control characters, lone
surrogates) are dropped, as are bidi override and isolate controls, which
could make a published map read differently from its source. Line breaks
and tabs become spaces because we wrap text ourselves.

Wrapping measures text with Helvetica's metrics (Arial and Liberation Sans
share them), which is what Graphviz and the SVG viewers use for our labels, so
a column of fixed width holds what we put in it. Measuring stops after the
last visible line, so a 10,000-character name costs little more than a short
one (one pass to clean it, nothing per hidden character after that).
"""

from __future__ import annotations

import html
import re
import unicodedata

_DROP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SPACES = re.compile(r"\s+")
ELLIPSIS = "…"
TOOLTIP_BYTES = 15_000

# Helvetica advance widths in 1/1000 em for printable ASCII (from the AFM file).
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p … ~
)
BOLD_FACTOR = 1.1
"""Helvetica-Bold runs about 8 % wider; a little more keeps bold lines inside their box."""


def clean(text: object) -> str:
    """User text as one line of characters that XML and Graphviz can carry."""
    value = _DROP.sub("", str(text))
    return _SPACES.sub(" ", value).strip()


def _char_width(char: str) -> int:
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[code - 32]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F") or code >= 0x1F000:
        return 1000  # CJK and emoji are a full em wide
    return 620  # other scripts: a generous average, so text rather wraps than overflows


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` set in Helvetica at ``size`` points."""
    width = sum(_char_width(c) for c in text) * size / 1000
    return width * BOLD_FACTOR if bold else width


def _fit(word: str, room: float, size: float, bold: bool) -> int:
    """How many leading characters of ``word`` fit in ``room`` points (at least one)."""
    used = 0.0
    for count, char in enumerate(word):
        used += _char_width(char) * size / 1000 * (BOLD_FACTOR if bold else 1)
        if used > room:
            return max(count, 1)
    return len(word)


def wrap(text: str, width: float, size: float, max_lines: int, bold: bool = False) -> tuple[list[str], bool]:
    """Cleaned ``text`` broken into at most ``max_lines`` lines of ``width`` points.

    Returns the lines and whether text was cut; a cut last line ends with an
    ellipsis. Words longer than a line are broken. Measuring stops once the
    lines are full.
    """
    words = iter(clean(text).split(" "))
    lines: list[str] = []
    line = ""
    pending: str | None = None
    while True:
        word = pending if pending is not None else next(words, None)
        pending = None
        if word is None:
            break
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line and text_width(word, size, bold) <= width:  # the word goes to a new line
            lines.append(line)
            line = ""
            pending = word
        else:  # a word wider than a whole line: break it, filling this line first
            prefix = f"{line} " if line else ""
            cut = _fit(word, width - text_width(prefix, size, bold), size, bold)
            lines.append(prefix + word[:cut])
            line = ""
            pending = word[cut:]
        if len(lines) == max_lines:
            return _ellipsize(lines, width, size, bold), True
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        return _ellipsize(lines[:max_lines], width, size, bold), True
    return lines, False


_BREAKS = "/-._"


def _split_long(word: str, room: float, size: float, bold: bool) -> int:
    """Where to break a word wider than a line: after the last ``/ - . _`` that fits, else after the last letter that fits."""
    cut = _fit(word, room, size, bold)
    soft = max(word.rfind(mark, 0, cut) for mark in _BREAKS)
    return soft + 1 if soft > 0 else cut


def wrap_all(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Cleaned ``text`` in lines of ``width`` points, every word kept whole unless it is wider than a line.

    Linear in the length of the text: each word is measured once, and a
    word wider than a line is broken (see ``_split_long``) into pieces that
    are each measured once more.
    """
    lines: list[str] = []
    line, used = "", 0.0
    space = text_width(" ", size, bold)
    for word in clean(text).split(" "):
        if not word:
            continue
        wide = text_width(word, size, bold)
        if line and used + space + wide <= width:
            line, used = f"{line} {word}", used + space + wide
            continue
        if line:
            lines.append(line)
        while wide > width:  # the rest's width is what is left, never measured again
            cut = _split_long(word, width, size, bold)
            lines.append(word[:cut])
            wide -= text_width(word[:cut], size, bold)
            word = word[cut:]
        line, used = word, wide
    if line:
        lines.append(line)
    return lines


def _ellipsize(lines: list[str], width: float, size: float, bold: bool) -> list[str]:
    last = lines[-1].rstrip()
    while last and text_width(last + ELLIPSIS, size, bold) > width:
        last = last[:-1].rstrip()
    return [*lines[:-1], last + ELLIPSIS]


def html_text(text: str) -> str:
    """Text for an HTML-like label: escaped so it is shown literally."""
    return html.escape(text, quote=True).replace("\\", "\\\\")


def _tooltip_escape(text: str) -> str:
    return html.escape(text, quote=True).replace("\\", "\\\\\\\\")


def tooltip(text: str) -> str:
    """Text for the ``tooltip`` attribute: shown literally in the SVG, never interpreted.

    Kept whole up to ``TOOLTIP_BYTES`` once escaped: Graphviz 2.43 rejects a
    quoted string longer than 16,384 bytes, so beyond that it is cut with an
    ellipsis (a 10,000-character name still fits).
    """
    value = clean(text)
    escaped = _tooltip_escape(value)
    if len(escaped.encode("utf-8")) <= TOOLTIP_BYTES:
        return escaped
    budget = TOOLTIP_BYTES - len(ELLIPSIS.encode("utf-8"))
    pieces: list[str] = []
    for char in value:
        piece = _tooltip_escape(char)
        budget -= len(piece.encode("utf-8"))
        if budget < 0:
            break
        pieces.append(piece)
    return "".join(pieces) + ELLIPSIS
