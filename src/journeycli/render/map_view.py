"""The journey-map poster: stages as columns, and lanes of steps, emotion,
pain points and opportunities under them.

Every position is computed here and pinned (``pos="x,y!"``, laid out with
``neato -n2``): a poster is a grid, and a layout engine would move the
columns. Each step has its own column, in document order, so a column reads
as a moment in time. Backstage and support steps sit in their own lanes under
the line of visibility, as in a service blueprint; the emotion curve passes
over their columns with a dashed segment.

Coordinates are worked out top-down in points and flipped when emitted
(Graphviz's y axis points up). Every card is a fixed-size HTML-like table and
a lane is as tall as its tallest card, so rows line up across the poster and
text never spills into the next column. The cost is linear in the number of
steps: each step is measured once and emitted once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import Resolved
from ..model import Stage, Step
from . import labels
from .parts import (
    EMOTION_WORDS,
    SEVERITY_ORDER,
    STATUS_ORDER,
    STATUS_WORDS,
    Drawing,
    block_height,
    channel_name,
    description,
    emotion_number,
    flow_hint,
    lines,
    meta_line,
    persona_names,
    pill,
    severity_label,
    text,
    tooltip_for,
)
from .theme import FONT, Theme

MARGIN = 28
HEAD_W = 132  # the lane names on the left
COL_W = 178  # one card
COL_GAP = 14
BAND_PAD = 8  # inside a stage band, left and right of its cards
STAGE_GAP = 8
LANE_GAP = 10
VISIBILITY_GAP = 30
CARD_PAD = 6
TEXT_W = COL_W - 2 * CARD_PAD - 8  # room for a line of text, with a little to spare
ROW_GAP = 2  # cellspacing of a card's inner table
LEVEL_GAP = 27  # between two emotion levels
EMOTION_TOP = 30  # room above +2 for the moment-of-truth star
EMOTION_BOTTOM = 18
POINT = 24  # diameter of an emotion point
MAX_ITEMS = 3  # pain points or opportunities listed per step; the rest are counted
ITEM_GAP = 4

NAME, META, THOUGHT, BODY, PILL, SMALL = 11.5, 9.5, 10, 10, 9, 10
STAGE_NAME, GOAL, TITLE, SUBTITLE, LANE_NAME = 14, 10.5, 24, 11, 12

LANES = {
    "steps": ("Steps", "touchpoint, channel, persona"),
    "emotion": ("Emotion", "how the customer feels"),
    "pains": ("Pain points", "by severity"),
    "opportunities": ("Opportunities", "with their status"),
    "backstage": ("Backstage", "what the organisation does out of sight"),
    "support": ("Support", "systems and partners behind it"),
}
HIDDEN_LAYERS = ("backstage", "support")
VISIBILITY_NOTE = "Line of visibility: the customer does not see what is below it"


@dataclass
class Card:
    """The content of one cell of the grid, measured."""

    rows: list[str] = field(default_factory=list)
    height: float = 0.0
    tooltip: str = ""
    width: float = TEXT_W  # room for a line of text

    def add(self, markup: str, height: float, cell: str = 'align="left" balign="left"') -> None:
        self.rows.append(f"<tr><td {cell}>{markup}</td></tr>")
        self.height += height + ROW_GAP

    def add_text(self, value: str, size: float, color: str, max_lines: int, bold: bool = False, italic: bool = False) -> None:
        wrapped, _ = labels.wrap(value, self.width, size, max_lines, bold)
        if wrapped:
            self.add(lines(wrapped, size, color, bold, italic), block_height(len(wrapped), size))

    def add_pills(self, pills: list[str], after: str = "", size: float = PILL, color: str = "#000000") -> None:
        """A row of pills, then a few words of ours (never user text) on the same line."""
        tail = f'<td align="left">{text("  " + after, size + 0.5, color)}</td>' if after else ""
        spacer = '<td width="4"></td>'
        markup = f'<table border="0" cellspacing="0" cellpadding="0"><tr>{spacer.join(pills)}{tail}</tr></table>'
        self.add(markup, size * 1.2 + 8)

    @property
    def outer_height(self) -> float:
        return self.height + ROW_GAP + 2 * CARD_PAD + 6


@dataclass
class Column:
    step: Step
    stage_index: int
    x: float = 0.0  # centre
    cards: dict[str, Card] = field(default_factory=dict)


def _card_markup(card: Card, width: float, height: float, fill: str, border: str) -> str:
    inner = "".join(card.rows)
    return (
        f'<<table border="1" color="{border}" bgcolor="{fill}" style="rounded" cellborder="0" cellspacing="0" '
        f'cellpadding="{CARD_PAD}" width="{_n(width)}" height="{_n(height)}" fixedsize="true">'
        f'<tr><td valign="top" align="left"><table border="0" cellborder="0" cellspacing="{ROW_GAP}" cellpadding="0">'
        f"{inner}</table></td></tr></table>>"
    )


def _n(value: float) -> str:
    """A coordinate as short, stable text."""
    text_ = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text_ == "-0" else text_


# -- measuring the cards -----------------------------------------------------------


def _step_card(resolved: Resolved, step: Step, theme: Theme) -> Card:
    journey = resolved.journey
    card = Card(tooltip=tooltip_for(step))
    if step.moment_of_truth:
        card.add_pills([pill("MOMENT OF TRUTH", theme.star, PILL)])
    card.add_text(step.name, NAME, theme.text, 3, bold=True)
    channel = channel_name(journey, step.channel)
    if channel:
        card.add_text(f"Channel: {channel}", META, theme.muted, 1)
    if step.layer == "frontstage":
        card.add_text(persona_names(journey, step.personas), META, theme.muted, 2)
    if step.owner:
        card.add_text(f"Owner: {step.owner}", META, theme.muted, 1)
    if step.thoughts:
        card.add_text(f"“{labels.clean(step.thoughts)}”", THOUGHT, theme.text, 3, italic=True)
    hint = flow_hint(resolved, step.id)
    if hint:
        card.add_text(hint, META, theme.muted, 2, italic=True)
    return card


def _pain_card(resolved: Resolved, step: Step, theme: Theme) -> Card | None:
    if not step.pain_points:
        return None
    pains = sorted(step.pain_points, key=lambda p: SEVERITY_ORDER.index(p.severity))
    card = Card(tooltip="\n".join(f"{p.severity.upper()}: {p.description}" for p in pains))
    for number, pain in enumerate(pains[:MAX_ITEMS]):
        if number:
            card.add("", ITEM_GAP, f'height="{ITEM_GAP}"')
        affected = f"{round(pain.affected * 100)}% affected" if pain.affected is not None else ""
        card.add_pills([pill(severity_label(pain.severity), theme.severity[pain.severity], PILL)], affected, color=theme.muted)
        card.add_text(pain.description, BODY, theme.text, 4)
        if pain.id not in resolved.addressed_by:
            card.add_text("No opportunity addresses it", META, theme.muted, 1, italic=True)
    if len(pains) > MAX_ITEMS:
        card.add_text(f"+ {len(pains) - MAX_ITEMS} more (see tooltip)", META, theme.muted, 1)
    return card


def _opportunity_card(step: Step, theme: Theme) -> Card | None:
    if not step.opportunities:
        return None
    items = sorted(step.opportunities, key=lambda o: -STATUS_ORDER.index(o.status))
    card = Card(tooltip="\n".join(f"{STATUS_WORDS[o.status]}: {o.description}" for o in items))
    for number, item in enumerate(items[:MAX_ITEMS]):
        if number:
            card.add("", ITEM_GAP, f'height="{ITEM_GAP}"')
        kind = item.kind.replace("_", "-") if item.kind else ""
        card.add_pills([pill(STATUS_WORDS[item.status], theme.status[item.status], PILL)], kind, color=theme.muted)
        card.add_text(item.description, BODY, theme.text, 3)
    if len(items) > MAX_ITEMS:
        card.add_text(f"+ {len(items) - MAX_ITEMS} more (see tooltip)", META, theme.muted, 1)
    return card


def _columns(resolved: Resolved, theme: Theme) -> tuple[list[Column], list[list[Column]]]:
    """Every step's column, measured, and the columns of each stage (empty for a stage with no step)."""
    per_stage: dict[str, list[Column]] = {stage.id: [] for stage in resolved.journey.stages}
    stage_index = {stage.id: i for i, stage in enumerate(resolved.journey.stages)}
    columns = []
    for step_id in resolved.order:
        step = resolved.steps[step_id]
        stage = resolved.stage_of[step_id]
        column = Column(step, stage_index[stage.id])
        lane = step.layer if step.layer in HIDDEN_LAYERS else "steps"
        column.cards[lane] = _step_card(resolved, step, theme)
        pains = _pain_card(resolved, step, theme)
        if pains:
            column.cards["pains"] = pains
        opportunities = _opportunity_card(step, theme)
        if opportunities:
            column.cards["opportunities"] = opportunities
        columns.append(column)
        per_stage[stage.id].append(column)
    return columns, [per_stage[stage.id] for stage in resolved.journey.stages]


def _lane_head(lane: str, theme: Theme) -> Card:
    name, note = LANES[lane]
    head = Card(width=HEAD_W - 2 * CARD_PAD - 8)
    head.add_text(name, LANE_NAME, theme.text, 1, bold=True)
    if lane != "emotion":  # its scale speaks for itself
        head.add_text(note, META, theme.muted, 3, italic=True)
    return head


def _stage_head(stage: Stage, width: float, theme: Theme) -> Card:
    card = Card(tooltip=" — ".join(x for x in (stage.name, stage.goal, stage.description) if x), width=width - 2 * CARD_PAD - 8)
    card.add_text(stage.name, STAGE_NAME, theme.text, 2, bold=True)
    if stage.goal:
        card.add_text(f"Goal: {labels.clean(stage.goal)}", GOAL, theme.text, 3, italic=True)
    return card


# -- placing and emitting ------------------------------------------------------------


class _Canvas:
    """Collects nodes placed top-down; ``source()`` flips y for Graphviz."""

    def __init__(self, name: str, theme: Theme) -> None:
        import graphviz  # imported here so that `journey --help` never pays for it

        self.graph = graphviz.Digraph(name, comment="journeycli map view: positions are pinned; draw with neato -n2")
        self.theme = theme
        self.height = 0.0
        self.nodes: list[tuple[str, float, float, dict[str, str]]] = []
        self.edges: list[tuple[str, str, dict[str, str]]] = []

    def node(self, name: str, x: float, y: float, **attrs: str) -> None:
        self.nodes.append((name, x, y, attrs))

    def box(self, name: str, left: float, top: float, width: float, height: float, fill: str) -> None:
        self.node(
            name, left + width / 2, top + height / 2,
            shape="box", style="filled", fixedsize="true", fillcolor=fill, color=fill, penwidth="0",
            width=_n(width / 72), height=_n(height / 72), label="",
        )  # fmt: skip

    def card(self, name: str, x: float, top: float, width: float, height: float, card: Card, fill: str, border: str) -> None:
        attrs = {"label": _card_markup(card, width, height, fill, border)}
        if card.tooltip:
            attrs["tooltip"] = labels.tooltip(card.tooltip)
        self.node(name, x, top + height / 2, **attrs)

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self.edges.append((tail, head, attrs))

    def source(self) -> str:
        t = self.theme
        self.graph.attr("graph", layout="neato", splines="line", outputorder="nodesfirst", bgcolor=t.background, pad="0", fontname=FONT)
        self.graph.attr("node", shape="plain", fontname=FONT, fontcolor=t.text, margin="0")
        self.graph.attr("edge", dir="none", arrowhead="none")
        for name, x, y, attrs in self.nodes:
            self.graph.node(name, id=name, pos=f"{_n(x)},{_n(self.height - y)}!", **attrs)
        for tail, head, attrs in self.edges:
            self.graph.edge(tail, head, **attrs)
        return self.graph.source


@dataclass
class _Grid:
    """Where everything goes: worked out once, before anything is emitted."""

    columns: list[Column]
    stage_columns: list[list[Column]]
    lanes: list[str]
    hidden: list[str]  # the lanes under the line of visibility
    bands: list[tuple[float, float]] = field(default_factory=list)  # (left, width) per stage
    heads: list[Card] = field(default_factory=list)
    poster_w: float = 0.0
    grid_right: float = 0.0
    title: Card = field(default_factory=Card)
    title_top: float = 0.0
    head_top: float = 0.0
    head_h: float = 0.0
    lane_top: dict[str, float] = field(default_factory=dict)
    lane_h: dict[str, float] = field(default_factory=dict)
    lane_heads: dict[str, Card] = field(default_factory=dict)
    visibility_y: float = 0.0
    grid_bottom: float = 0.0

    def level_y(self, emotion: int) -> float:
        return self.lane_top["emotion"] + EMOTION_TOP + (2 - emotion) * LEVEL_GAP


def _measure(resolved: Resolved, theme: Theme) -> _Grid:
    journey = resolved.journey
    columns, stage_columns = _columns(resolved, theme)
    hidden = [lane for lane in HIDDEN_LAYERS if any(lane in c.cards for c in columns)]
    grid = _Grid(columns, stage_columns, ["steps", "emotion", "pains", "opportunities", *hidden], hidden)

    # Across: a band per stage, a column per step (a stage without steps keeps one empty column).
    x = MARGIN + HEAD_W + LANE_GAP
    for stage_cols in stage_columns:
        count = max(1, len(stage_cols))
        width = count * COL_W + (count - 1) * COL_GAP + 2 * BAND_PAD
        for k, column in enumerate(stage_cols):
            column.x = x + BAND_PAD + k * (COL_W + COL_GAP) + COL_W / 2
        grid.bands.append((x, width))
        x += width + STAGE_GAP
    grid.grid_right = x - STAGE_GAP
    grid.heads = [_stage_head(stage, width - 2 * BAND_PAD, theme) for stage, (_, width) in zip(journey.stages, grid.bands)]
    grid.poster_w = max(grid.grid_right + MARGIN, 1040)

    # Down: title, stage heads, lanes (each as tall as its tallest card); the legend follows.
    title_w = grid.poster_w - 2 * MARGIN
    grid.title = Card(tooltip=journey.description or journey.title, width=title_w - 2 * CARD_PAD - 8)
    grid.title.add_text(journey.title, TITLE, theme.text, 2, bold=True)
    if journey.description:
        grid.title.add_text(journey.description, SUBTITLE, theme.text, 2)
    grid.title.add_text(meta_line(resolved), SUBTITLE, theme.muted, 2, bold=True)
    grid.title_top = MARGIN
    y = grid.title_top + grid.title.outer_height + 14
    grid.head_top, grid.head_h = y, max(h.outer_height for h in grid.heads)
    y += grid.head_h + LANE_GAP
    for lane in grid.lanes:
        if hidden and lane == hidden[0]:
            y += VISIBILITY_GAP - LANE_GAP
            grid.visibility_y = y - VISIBILITY_GAP / 2 + 4
        grid.lane_top[lane] = y
        head = grid.lane_heads[lane] = _lane_head(lane, theme)
        if lane == "emotion":
            grid.lane_h[lane] = EMOTION_TOP + 4 * LEVEL_GAP + EMOTION_BOTTOM
        else:
            grid.lane_h[lane] = max([c.cards[lane].outer_height for c in columns if lane in c.cards] + [head.outer_height])
        y += grid.lane_h[lane] + LANE_GAP
    grid.grid_bottom = y - LANE_GAP
    return grid


def _emit_frame(canvas: _Canvas, grid: _Grid, theme: Theme) -> None:
    """The background, the title block, the lane names and the emotion scale."""
    canvas.box("poster", 0, 0, grid.poster_w, canvas.height, theme.background)
    title_w, title_h = grid.poster_w - 2 * MARGIN, grid.title.outer_height
    canvas.card("title", MARGIN + title_w / 2, grid.title_top, title_w, title_h, grid.title, theme.background, theme.background)
    for lane in grid.lanes:
        canvas.card(
            f"lane_{lane}", MARGIN + HEAD_W / 2, grid.lane_top[lane], HEAD_W, grid.lane_h[lane], grid.lane_heads[lane], theme.stage_heads[1], theme.stage_heads[1]
        )
    for emotion in range(2, -3, -1):
        canvas.node(
            f"scale_{emotion + 2}", MARGIN + HEAD_W - 58, grid.level_y(emotion),
            label=(
                '<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" width="104" height="14" fixedsize="true"><tr>'
                f'<td align="right" width="80">{text(EMOTION_WORDS[emotion], META, theme.muted, bold=emotion == 0)}</td>'
                f'<td align="right" width="24">{text(emotion_number(emotion), META + 0.5, theme.text, bold=True)}</td></tr></table>>'
            ),
        )  # fmt: skip


def _emit_stage(canvas: _Canvas, grid: _Grid, index: int, stage: Stage, theme: Theme) -> list[str]:
    """A stage's band, head, emotion guides, cards and points; returns the names of its nodes."""
    left, width = grid.bands[index]
    names: list[str] = []

    def put(name: str) -> str:
        names.append(name)
        return name

    shade = index % 2
    canvas.box(put(f"band_{stage.id}"), left, grid.head_top, width, grid.grid_bottom - grid.head_top, theme.bands[shade])
    canvas.card(put(f"stage_{stage.id}"), left + width / 2, grid.head_top, width - 2 * BAND_PAD, grid.head_h, grid.heads[index], theme.stage_heads[shade], theme.stage_heads[shade])
    for emotion in range(2, -3, -1):
        colour = theme.zero if emotion == 0 else theme.grid
        canvas.box(put(f"guide_{stage.id}_{emotion + 2}"), left, grid.level_y(emotion) - 0.5, width, 1, colour)
    if not grid.stage_columns[index]:
        empty = Card()
        empty.add_text("No steps" if not stage.steps else "No steps for this persona", META, theme.muted, 2, italic=True)
        canvas.card(put(f"empty_{stage.id}"), left + width / 2, grid.lane_top["steps"], COL_W, grid.lane_h["steps"], empty, theme.bands[shade], theme.card_border)
    for column in grid.stage_columns[index]:
        step = column.step
        for lane, card in column.cards.items():
            fill = theme.hidden_card if lane in HIDDEN_LAYERS else theme.card
            canvas.card(put(f"{lane}_{step.id}"), column.x, grid.lane_top[lane], COL_W, grid.lane_h[lane], card, fill, theme.card_border)
        if step.layer != "frontstage" or step.emotion is None:
            continue
        colours = theme.emotion[step.emotion]
        canvas.node(
            put(f"emotion_{step.id}"), column.x, grid.level_y(step.emotion),
            shape="circle", fixedsize="true", width=_n(POINT / 72), style="filled", fillcolor=colours.fill,
            color=theme.curve, penwidth="1.2", fontname=f"{FONT}-Bold", fontsize="10", fontcolor=colours.text,
            label=emotion_number(step.emotion),
            tooltip=labels.tooltip(f"{step.name}: {emotion_number(step.emotion)} ({EMOTION_WORDS[step.emotion]})"),
        )  # fmt: skip
        if step.moment_of_truth:
            canvas.node(
                put(f"truth_{step.id}"), column.x, grid.level_y(step.emotion) - POINT / 2 - 12,
                shape="star", fixedsize="true", width="0.3", height="0.28", style="filled",
                fillcolor=theme.star.fill, color=theme.star.text, penwidth="1", label="",
                tooltip=labels.tooltip(f"Moment of truth: {step.name}"),
            )  # fmt: skip
    return names


def _emit_curve(canvas: _Canvas, columns: list[Column], theme: Theme) -> None:
    """Join the emotion points in column order; dashed where the line passes columns without a point."""
    previous: tuple[int, str] | None = None
    for position, column in enumerate(columns):
        step = column.step
        if step.layer != "frontstage" or step.emotion is None:
            continue
        if previous is not None:
            dashed = {"style": "dashed"} if position - previous[0] > 1 else {}
            canvas.edge(f"emotion_{previous[1]}", f"emotion_{step.id}", color=theme.curve, penwidth="2.5", **dashed)
        previous = (position, step.id)


def _emit_visibility(canvas: _Canvas, grid: _Grid, theme: Theme) -> None:
    y = grid.visibility_y
    canvas.node("visibility_left", MARGIN, y, shape="point", width="0.01", style="invis", label="")
    canvas.node("visibility_right", grid.grid_right, y, shape="point", width="0.01", style="invis", label="")
    canvas.edge("visibility_left", "visibility_right", color=theme.visibility, style="dashed", penwidth="1.5")
    note = text("LINE OF VISIBILITY", PILL, theme.visibility, bold=True)
    canvas.node("visibility_label", MARGIN + 60, y - 9, label=_right_label(note, 120, 12, align="left"))


def build(resolved: Resolved, theme: Theme) -> Drawing:
    """The poster of ``resolved`` as DOT with pinned positions."""
    journey = resolved.journey
    grid = _measure(resolved, theme)
    legend = _Legend(theme, bool(grid.hidden))
    legend_top = grid.grid_bottom + 22
    canvas = _Canvas(journey.id, theme)
    canvas.height = legend_top + legend.measure(grid.poster_w - 2 * MARGIN) + MARGIN

    _emit_frame(canvas, grid, theme)
    groups: dict[str, tuple[str, str]] = {}
    for index, stage in enumerate(journey.stages):  # a stage's nodes one after another: the SVG groups them
        for name in _emit_stage(canvas, grid, index, stage, theme):
            groups[name] = (stage.id, labels.clean(stage.name))
    _emit_curve(canvas, grid.columns, theme)
    if grid.hidden:
        _emit_visibility(canvas, grid, theme)
    legend.emit(canvas, MARGIN, legend_top)
    return Drawing(canvas.source(), "neato", labels.clean(journey.title), description(resolved), groups)


def _right_label(markup: str, width: float, height: float, align: str = "right") -> str:
    """A fixed-size box of our own text, aligned within it."""
    return (
        f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" width="{_n(width)}" height="{_n(height)}" fixedsize="true">'
        f'<tr><td align="{align}">{markup}</td></tr></table>>'
    )


class _Legend:
    """The key under the poster: emotion, moment of truth, severity, status, visibility."""

    def __init__(self, theme: Theme, visibility: bool) -> None:
        self.theme = theme
        self.visibility = visibility
        self.rows: list[list[tuple[str, float]]] = []
        self.height = 0.0

    def _items(self) -> list[tuple[str, float]]:
        t = self.theme
        items: list[tuple[str, float]] = []

        def block(title: str, cells: list[tuple[str, float]]) -> tuple[str, float]:
            width = labels.text_width(title, SMALL + 1, bold=True) + 10 + sum(w + 6 for _, w in cells)
            markup = (
                '<table border="0" cellborder="0" cellspacing="0" cellpadding="0"><tr>'
                f'<td align="left">{text(title, SMALL + 1, t.text, bold=True)}</td><td width="8"></td>'
                + '<td width="6"></td>'.join(c for c, _ in cells)
                + "</tr></table>"
            )
            return markup, width

        def chip(word: str, colours) -> tuple[str, float]:
            return pill(word, colours, PILL), labels.text_width(word, PILL, bold=True) + 8

        emotion = [chip(f"{emotion_number(e)} {EMOTION_WORDS[e]}", t.emotion[e]) for e in range(-2, 3)]
        items.append(block("Emotion", emotion))
        items.append(("__star__", 130.0))
        items.append(block("Pain severity", [chip(severity_label(s), t.severity[s]) for s in SEVERITY_ORDER]))
        items.append(block("Opportunity status", [chip(STATUS_WORDS[s], t.status[s]) for s in STATUS_ORDER]))
        if self.visibility:
            items.append(("__visibility__", 56 + labels.text_width(VISIBILITY_NOTE, SMALL)))
        return items

    def measure(self, width: float) -> float:
        row: list[tuple[str, float]] = []
        used = 0.0
        for item in self._items():
            if row and used + item[1] > width:
                self.rows.append(row)
                row, used = [], 0.0
            row.append(item)
            used += item[1] + 28
        self.rows.append(row)
        self.height = len(self.rows) * 26
        return self.height

    def emit(self, canvas: _Canvas, left: float, top: float) -> None:
        t = self.theme
        for r, row in enumerate(self.rows):
            x = left
            y = top + r * 26 + 10
            for i, (markup, width) in enumerate(row):
                name = f"legend_{r}_{i}"
                if markup == "__star__":
                    canvas.node(f"{name}_star", x + 8, y, shape="star", fixedsize="true", width="0.3", height="0.28", style="filled", fillcolor=t.star.fill, color=t.star.text, penwidth="1", label="")
                    canvas.node(name, x + 22 + 55, y, label=_right_label(text("Moment of truth", SMALL + 1, t.text, bold=True), 110, 14, "left"))
                elif markup == "__visibility__":
                    canvas.node(f"{name}_a", x, y, shape="point", width="0.01", style="invis", label="")
                    canvas.node(f"{name}_b", x + 40, y, shape="point", width="0.01", style="invis", label="")
                    canvas.edge(f"{name}_a", f"{name}_b", color=t.visibility, style="dashed", penwidth="1.5")
                    canvas.node(name, x + 48 + (width - 48) / 2, y, label=_right_label(text(VISIBILITY_NOTE, SMALL, t.text), width - 48, 14, "left"))
                else:
                    canvas.node(name, x + width / 2, y, label=f"<{markup}>")
                x += width + 28
