"""A card: a measured block of text and tags, turned into an HTML-like label at any scale.

Cards are measured once at scale 1 (so the layout can wrap stages onto rows
and choose a page's scale) and written out once the scale is known: every
size in the markup (fonts, paddings, the box) is multiplied then, so the SVG
carries the real sizes and no transform.

Text is never cut: it wraps at spaces, and a word wider than a whole line is
broken after a ``/``, ``-``, ``.`` or ``_`` if it has one (a URL, a file
name) and only otherwise between letters. A card is as tall as its text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import labels
from .geometry import CARD_PAD, ROW_GAP, TEXT_W
from .parts import LINE_SPACING
from .theme import Pill

TEXT, PILLS, GAP = "text", "pills", "gap"
ROUNDING = 1.06
"""Graphviz sets HTML text in whole points (7.6 is drawn as 7), so fonts are rounded up (``points``) and
measured this much larger: a scaled line can grow by up to 1 pt and must still fit its card."""


def points(size: float) -> int:
    """A font size as Graphviz will draw it: whole points, rounded up so text never gets smaller than asked."""
    return max(1, math.ceil(size - 0.01))


def _n(value: float) -> str:
    """A number as short, stable text."""
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if shown in ("-0", "") else shown


def run(value: str, size: float, colour: str, bold: bool = False, italic: bool = False) -> str:
    """One run of text (escaped here) at ``size`` points."""
    body = labels.html_text(value)
    if bold:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    return f'<font point-size="{points(size)}" color="{colour}">{body}</font>'


def pill_cell(word: str, colours: Pill, size: float, scale: float = 1.0) -> str:
    """A filled cell holding a short word of ours; light fills get a border in their text colour so they show on white."""
    border = colours.text if colours.border else colours.fill
    pad = max(1, round(2 * scale))
    box = f'width="{round(pill_width(word, size) * scale)}" height="{round(pill_height(size) * scale)}" fixedsize="true"'
    return f'<td bgcolor="{colours.fill}" cellpadding="{pad}" border="1" color="{border}" {box}>{run(word, size * scale, colours.text, bold=True)}</td>'


def pill_width(word: str, size: float) -> float:
    return labels.text_width(word, size, bold=True) * ROUNDING + 8


def pill_height(size: float) -> float:
    return size * LINE_SPACING + 5


@dataclass
class Card:
    """What one cell of the grid holds, measured at scale 1."""

    width: float = TEXT_W  # room for a line of text
    tooltip: str = ""
    parts: list[tuple] = field(default_factory=list)
    height: float = 0.0

    def add_text(self, value: str, size: float, colour: str, bold: bool = False, italic: bool = False) -> None:
        """Text wrapped to the card's width, every word kept."""
        wrapped = labels.wrap_all(value, self.width / ROUNDING, size, bold)
        if wrapped:
            self.parts.append((TEXT, wrapped, size, colour, bold, italic))
            self.height += len(wrapped) * size * LINE_SPACING * ROUNDING + ROW_GAP

    def add_pills(self, pills: list[tuple[str, Pill]], size: float, after: str = "", colour: str = "#000000") -> None:
        """A row of tags, then a few words (ours, or short user text) on the same line, or under it when they do not fit."""
        wide = sum(pill_width(word, size) for word, _ in pills) + 4 * (len(pills) - 1)
        fits = not after or wide + labels.text_width("  " + after, size + 0.5) + 2 <= self.width
        self.parts.append((PILLS, pills, size, after if fits else "", colour))
        self.height += pill_height(size) * ROUNDING + 3 + ROW_GAP
        if not fits:
            self.add_text(after, size + 0.5, colour)

    def add_gap(self, height: float) -> None:
        self.parts.append((GAP, height))
        self.height += height + ROW_GAP

    @property
    def outer_height(self) -> float:
        return self.height + ROW_GAP + 2 * CARD_PAD + 6

    def rows(self, scale: float) -> str:
        """The card's rows as markup at ``scale``."""
        out = []
        for part in self.parts:
            if part[0] == TEXT:
                _, wrapped, size, colour, bold, italic = part
                body = '<br align="left"/>'.join(run(line, size * scale, colour, bold, italic) for line in wrapped) + '<br align="left"/>'
                out.append(f'<tr><td align="left" balign="left">{body}</td></tr>')
            elif part[0] == PILLS:
                _, pills, size, after, colour = part
                gap = max(1, round(4 * scale))
                cells = f'<td width="{gap}"></td>'.join(pill_cell(word, colours, size, scale) for word, colours in pills)
                wide = sum(round(pill_width(word, size) * scale) for word, _ in pills) + gap * (len(pills) - 1)
                tail = ""
                if after:
                    room = round(labels.text_width("  " + after, size + 0.5) * scale) + 2
                    tail = f'<td align="left" width="{room}">{run("  " + after, (size + 0.5) * scale, colour)}</td>'
                    wide += room
                box = f'width="{wide}" height="{round(pill_height(size) * scale)}" fixedsize="true"'
                out.append(f'<tr><td align="left"><table border="0" cellspacing="0" cellpadding="0" align="left" {box}><tr>{cells}{tail}</tr></table></td></tr>')
            else:
                out.append(f'<tr><td height="{max(1, round(part[1] * scale))}"></td></tr>')
        return "".join(out)

    def markup(self, scale: float, width: float, height: float, fill: str, border: str, rounded: bool = True) -> str:
        """The whole card as an HTML-like label: a fixed box of ``width`` × ``height`` points (already scaled)."""
        style = ' style="rounded"' if rounded else ""
        return (
            f'<<table border="1" color="{border}" bgcolor="{fill}"{style} cellborder="0" cellspacing="0" '
            f'cellpadding="{max(1, round(CARD_PAD * scale))}" width="{round(width)}" height="{round(height)}" fixedsize="true">'
            f'<tr><td valign="top" align="left"><table border="0" cellborder="0" cellspacing="{max(1, round(ROW_GAP * scale))}" cellpadding="0">'
            f"{self.rows(scale)}</table></td></tr></table>>"
        )
