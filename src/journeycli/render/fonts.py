"""The one font of the pictures, and the characters a PNG cannot draw.

``FONT`` is Arial, the one name that resolves to a face with Helvetica's
widths (which ``labels`` measures text with) everywhere, as checked on both
engines: the bundled engine has Arial's metrics built in (it sets
"Liberation Sans" in Times); system Graphviz hands "Arial" to fontconfig,
whose metric aliases give Liberation Sans where Arial is not installed
(it maps "Helvetica" through its own PostScript table to fontconfig's
sans-serif, DejaVu Sans on Debian, which is wider: text ran over card
borders); browsers have Arial, or alias it to Liberation Sans. In SVG the
family becomes ``FONT_STACK`` for browsers with neither. What to install
for system Graphviz: Debian and Ubuntu ``fonts-liberation2`` (the
``graphviz`` package pulls it in), Fedora ``liberation-sans-fonts``; macOS
and Windows have Arial.

A PNG draws a character only if a font has it. The bundled graphviz-pure
engine has one built-in face with no CJK, Arabic or emoji glyphs, and no
dingbats; system Graphviz asks fontconfig, which falls back to any installed
font that has the character. ``missing`` names the characters that would be
drawn as boxes, so ``render`` can warn before anyone prints them. When
``rsvg-convert`` is there, ``render`` draws such a PNG from the SVG with
librsvg (``raster``), which asks fontconfig like system Graphviz does.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

FONT = "Arial"
FONT_STACK = "Arial, 'Liberation Sans', Helvetica, sans-serif"
_LISTED = 12  # characters named in a warning; the rest are counted


def _bundled_lacks(char: str) -> bool:
    """Characters outside the bundled engine's face (checked by drawing them: CJK, Arabic, emoji, symbols)."""
    code = ord(char)
    return (
        unicodedata.east_asian_width(char) in ("W", "F")
        or 0x0600 <= code <= 0x08FF  # Arabic, Syriac, Thaana… (Hebrew is there)
        or 0xFB50 <= code <= 0xFEFF  # Arabic presentation forms
        or 0x2600 <= code <= 0x27BF  # miscellaneous symbols and dingbats (✓ ✗ ★)
        or 0x2B00 <= code <= 0x2BFF
        or code >= 0x1F000  # emoji and other astral symbols
    )


def _fontconfig_lacks(chars: list[str]) -> list[str]:
    """The characters no installed font has, by asking fontconfig (none when it cannot be asked)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    out = []
    for char in chars:
        try:
            done = subprocess.run([fc_list, f":charset={ord(char):x}", "family"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return []
        if done.returncode == 0 and not done.stdout.strip():
            out.append(char)
    return out


def missing(text: str, engine: str) -> list[str]:
    """The distinct characters of ``text`` that ``engine`` would draw as boxes in a PNG, in order of appearance.

    ``engine``: ``graphviz-pure`` (its one face), or ``graphviz`` / ``rsvg``, which take any installed font (fontconfig).
    """
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) > 0x7F and not unicodedata.category(char).startswith(("Z", "C", "M")):
            seen.setdefault(char, None)
    chars = list(seen)
    if engine == "graphviz-pure":
        return [c for c in chars if _bundled_lacks(c)]
    return _fontconfig_lacks([c for c in chars if _bundled_lacks(c)])


def warning(name: str, chars: list[str], engine: str) -> str:
    """One line naming the characters a PNG of ``name`` will show as boxes, and how to avoid it."""
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:_LISTED])
    more = f" and {len(chars) - _LISTED} more" if len(chars) > _LISTED else ""
    fix = (
        "render SVG (a browser uses the system's fonts), or install librsvg (rsvg-convert, Debian's librsvg2-bin) "
        "and fonts that have them (e.g. fonts-noto-cjk, fonts-noto-color-emoji)"
        if engine == "graphviz-pure"
        else "install fonts that have them (e.g. fonts-noto-cjk, fonts-noto-color-emoji), or render SVG"
    )
    return f"journey: warning: {name}: the PNG shows {shown}{more} as empty boxes: no font here has them; {fix}\n"
