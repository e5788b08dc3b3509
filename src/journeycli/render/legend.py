"""The key under every page of the poster: every colour, tag, mark and line style it uses, each with its words.

Items flow left to right and wrap onto as many lines as the page needs.
Each item is measured at scale 1 and drawn by the canvas at the page's scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import labels
from .canvas import Canvas
from .cards import pill_cell, pill_height, pill_width, points, run
from .geometry import CURVE_W, LEGEND_ROW, PILL, SMALL
from .parts import EMOTION_WORDS, EXIT_WORD, SEVERITY_ORDER, STATUS_ORDER, STATUS_WORDS, TARGET_WORDS, emotion_number, severity_label
from .theme import Theme

VISIBILITY_NOTE = "Line of visibility: the customer does not see what is below it"
SAMPLE_W = 40  # a line-style sample
ITEM_GAP = 28
CHIP_GAP = 6
TITLE_GAP = 8  # between a title and its first chip
WORDS_GAP = 6  # between the last chip and the words after it

# How each line of the emotion curve looks: (name in the curve module, words, dash style, arrow).
LINE_STYLES = (
    ("step", "the flow's next step", "solid", False),
    ("bridge", "over steps without an emotion", "dashed", False),
    ("return", "back to an earlier step (a return)", "dotted", True),
)


@dataclass
class Item:
    kind: str  # chips, star, line, visibility, words
    width: float
    title: str = ""
    chips: tuple = ()
    style: str = ""
    words: str = ""
    arrow: bool = False


def _chips(title: str, chips: list, words: str = "") -> Item:
    """A title, its chips and perhaps words after them. The width is exactly what ``emit`` draws (its text
    cells are fixed to their measured widths), so every item starts ITEM_GAP after the one before."""
    width = _words(title, True) + TITLE_GAP + sum(pill_width(word, PILL) for word, _ in chips) + CHIP_GAP * (len(chips) - 1)
    if words:
        width += WORDS_GAP + _words(words)
    return Item("chips", width, title=title, chips=tuple(chips), words=words)


def _words(text: str, bold: bool = False) -> float:
    return labels.text_width(text, SMALL + 1 if bold else SMALL, bold)


def _drawn(text: str, bold: bool, scale: float) -> int:
    """The width in points of ``text`` as drawn at ``scale``: Graphviz rounds a font size up to whole points,
    so on a page the text can be up to a point of font size wider than ``_words`` times the scale."""
    size = SMALL + 1 if bold else SMALL
    return round(max(_words(text, bold) * scale, labels.text_width(text, points(size * scale), bold)))


def items(theme: Theme, visibility: bool, metrics: bool) -> list[Item]:
    t = theme
    out = [
        _chips("Emotion", [(f"{emotion_number(e)} {EMOTION_WORDS[e]}", t.emotion[e]) for e in range(-2, 3)]),
        Item("star", 22 + _words("Moment of truth", True), words="Moment of truth"),
    ]
    for _name, words, style, arrow in LINE_STYLES:
        out.append(Item("line", SAMPLE_W + 8 + _words(words), style=style, words=words, arrow=arrow))
    out.append(_chips("Line ends", [(EXIT_WORD, t.exit)], "the customer leaves"))
    out.append(Item("words", _words("→ row 2, → page 2: the line goes on there", True), words="→ row 2, → page 2: the line goes on there"))
    out.append(_chips("Pain severity", [(severity_label(s), t.severity[s]) for s in SEVERITY_ORDER]))
    out.append(_chips("Opportunity status", [(STATUS_WORDS[s], t.status[s]) for s in STATUS_ORDER]))
    if metrics:
        out.append(_chips("Metrics", [(TARGET_WORDS[s], t.targets[s]) for s in ("on", "off", "none")]))
    out.append(_chips("References", [("P1", t.ref), ("O1", t.ref)], "pain point, opportunity; S1: a source under Evidence"))
    if visibility:
        out.append(Item("visibility", SAMPLE_W + 8 + _words(VISIBILITY_NOTE), words=VISIBILITY_NOTE))
    return out


def layout(found: list[Item], width: float) -> list[list[Item]]:
    """The items in lines no wider than ``width``."""
    rows: list[list[Item]] = [[]]
    used = 0.0
    for item in found:
        if rows[-1] and used + item.width > width:
            rows.append([])
            used = 0.0
        rows[-1].append(item)
        used += item.width + ITEM_GAP
    return rows


def height(rows: list[list[Item]]) -> float:
    return len(rows) * LEGEND_ROW


def emit(canvas: Canvas, rows: list[list[Item]], left: float, top: float) -> None:
    t = canvas.theme
    s = canvas.scale
    for r, row in enumerate(rows):
        x = left
        y = top + r * LEGEND_ROW + 10
        for i, item in enumerate(row):
            name = f"legend_{r}_{i}"
            if item.kind == "chips":
                # Every cell is fixed to the width its text is drawn at, and the node is placed by its left edge,
                # so rounded-up type grows the item into the gap after it instead of over its own chips.
                high = f'height="{round(pill_height(PILL) * s)}" fixedsize="true"'
                title_w = _drawn(item.title, True, s)
                cells = [(title_w, f'<td align="left" width="{title_w}" {high}>{run(item.title, (SMALL + 1) * s, t.text, bold=True)}</td>')]
                cells.append(_gap(TITLE_GAP * s))
                for c, (word, colours) in enumerate(item.chips):
                    if c:
                        cells.append(_gap(max(1, CHIP_GAP * s)))
                    cells.append((round(pill_width(word, PILL) * s), pill_cell(word, colours, PILL, s)))
                if item.words:
                    cells.append(_gap(WORDS_GAP * s))
                    words_w = _drawn(item.words, False, s)
                    cells.append((words_w, f'<td align="left" width="{words_w}" {high}>{run(item.words, SMALL * s, t.text)}</td>'))
                drawn = sum(width for width, _ in cells)
                row_cells = "".join(cell for _, cell in cells)
                canvas.node(name, x + drawn / s / 2, y, label=f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0"><tr>{row_cells}</tr></table>>')
            elif item.kind == "star":
                canvas.node(
                    f"{name}_star", x + 8, y, shape="star", fixedsize="true", width=canvas.inches(21.6), height=canvas.inches(20),
                    style="filled", fillcolor=t.star.fill, color=t.star.text, penwidth=canvas.size(1), label="",
                )
                canvas.label(name, x + 22, y, run(item.words, (SMALL + 1) * s, t.text, bold=True), item.width - 22, 14)
            elif item.kind in ("line", "visibility"):
                canvas.point(f"{name}_a", x, y)
                canvas.point(f"{name}_b", x + SAMPLE_W, y)
                if item.kind == "line":
                    attrs = {"color": t.curve, "penwidth": canvas.size(CURVE_W), "style": item.style}
                    if item.arrow:
                        attrs.update(dir="forward", arrowhead="normal", arrowsize=_arrow(s))
                else:
                    attrs = {"color": t.visibility, "style": "dashed", "penwidth": canvas.size(1.5)}
                canvas.edge(f"{name}_a", f"{name}_b", **attrs)
                canvas.label(name, x + SAMPLE_W + 8, y, run(item.words, SMALL * s, t.text), item.width - SAMPLE_W - 8, 14)
            else:
                canvas.label(name, x, y, run(item.words, (SMALL + 1) * s, t.text, bold=True), item.width, 14)
            x += item.width + ITEM_GAP


def _gap(points_wide: float) -> tuple[int, str]:
    width = round(points_wide)
    return width, f'<td width="{width}"></td>'


def _arrow(scale: float) -> str:
    return f"{0.8 * scale:.2f}"
