"""The journey-map poster: stages as column bands, lanes of steps, emotion,
pain points, opportunities and metrics under them, on a strip or on pages.

Every position is computed here and pinned (``pos="x,y!"``, drawn with
``neato -n2``): a poster is a grid, and a layout engine would move the
columns. Each step has its own column, in document order, so a column reads
as a moment in time. Backstage and support steps sit in their own lanes under
the line of visibility, as in a service blueprint.

The work, in order:

1. every card is measured once (``lanes``), whatever the page;
2. stages are packed into rows no wider than a row may be (a stage wider
   than a row is split into parts, each headed "(2 of 3, continued)"), and
   each row's lanes are as tall as that row's tallest card;
3. rows are packed into pages no taller than a page may be at the smallest
   readable scale (``Page.min_scale``); several row widths are tried and the
   one giving the fewest pages, then the largest type, wins;
4. each page is written at that scale: title block (in full on page 1, with
   objectives, persona and sources), rows, curve, legend.

A strip is one row on one page at scale 1. Every step is measured once and
placed once per tried width (a handful), so the cost is linear in the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import Resolved
from ..model import Step
from . import curve, dropoff, labels, legend
from .canvas import Canvas
from .cards import Card, pill_cell, run
from .geometry import (
    BAND_PAD,
    COL_GAP,
    COL_W,
    CURVE_W,
    EMOTION_BOTTOM,
    EMOTION_TOP,
    HEAD_W,
    LANE_GAP,
    LEGEND_GAP,
    LEVEL_GAP,
    MARGIN,
    META,
    MIN_POSTER_W,
    PILL,
    POINT,
    POINT_TEXT,
    ROW_SPACE,
    STAGE_GAP,
    TITLE_GAP,
    VISIBILITY_GAP,
)
from .lanes import HIDDEN_LAYERS, Refs, lane_head, metric_card, opportunity_card, pain_card, panels, stage_head, step_card, title_card
from .pages import Page
from .pages import page as page_named
from .parts import EMOTION_WORDS, EXIT_WORD, Drawing, description, emotion_number
from .theme import Theme

GRID_LEFT = MARGIN + HEAD_W + LANE_GAP  # where the first stage band starts
PANEL_GAP = 12
RETURN_DROP = 18  # a loop back runs this far under the −2 guide
STUB = 34  # the piece of a line that leaves for another row or page
ROW_WIDTHS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42, 0.35, 0.28, 0.22)
"""Row widths tried on a page, as shares of the widest readable row."""
COMMENT = "journeycli map view: positions are pinned; draw with neato -n2"


@dataclass
class Column:
    step: Step
    stage_index: int
    cards: dict[str, Card] = field(default_factory=dict)
    x: float = 0.0  # centre, in its row


@dataclass
class Block:
    """A stage, or the part of one that fits on a row."""

    stage_index: int
    columns: list[Column]
    part: int = 1
    parts: int = 1
    left: float = 0.0

    @property
    def width(self) -> float:
        count = max(1, len(self.columns))
        return count * COL_W + (count - 1) * COL_GAP + 2 * BAND_PAD


@dataclass
class Row:
    """Stage blocks side by side with their lanes; a row too tall for a page goes on with its other lanes on the next."""

    blocks: list[Block]
    lanes: list[str] = field(default_factory=list)
    heads: list[Card] = field(default_factory=list)
    top: float = 0.0
    head_h: float = 0.0
    lane_top: dict[str, float] = field(default_factory=dict)
    lane_h: dict[str, float] = field(default_factory=dict)
    visibility_y: float = 0.0
    bottom: float = 0.0

    @property
    def right(self) -> float:
        last = self.blocks[-1]
        return last.left + last.width

    def level_y(self, emotion: int) -> float:
        return self.lane_top["emotion"] + EMOTION_TOP + (2 - emotion) * LEVEL_GAP

    @property
    def rail_y(self) -> float:
        return self.level_y(-2) + RETURN_DROP


@dataclass
class Sheet:
    """One page of the poster, at scale 1."""

    rows: list[Row]
    title: Card
    panels: list[Card]
    legend_rows: list
    width: float = 0.0
    height: float = 0.0
    legend_top: float = 0.0
    panels_top: float = 0.0


class Poster:
    """Everything measured once for a journey; ``sheets(width)`` lays it out for a row width."""

    def __init__(self, resolved: Resolved, theme: Theme) -> None:
        self.resolved, self.theme = resolved, theme
        self.refs = Refs.of(resolved)
        flows = dropoff.model(resolved)
        self.stage_columns: list[list[Column]] = [[] for _ in resolved.journey.stages]
        stage_index = {stage.id: i for i, stage in enumerate(resolved.journey.stages)}
        for step_id in resolved.order:
            step = resolved.steps[step_id]
            column = Column(step, stage_index[resolved.stage_of[step_id].id])
            column.cards[step.layer if step.layer in HIDDEN_LAYERS else "steps"] = step_card(resolved, step, theme, self.refs, dropoff.step_lines(flows, step_id) if flows else ())
            for lane, card in (
                ("pains", pain_card(resolved, step, theme, self.refs)),
                ("opportunities", opportunity_card(step, theme, self.refs)),
                ("metrics", metric_card(step, theme)),
            ):
                if card is not None:
                    column.cards[lane] = card
            self.stage_columns[column.stage_index].append(column)
        present = {lane for columns in self.stage_columns for c in columns for lane in c.cards}
        self.hidden = [lane for lane in HIDDEN_LAYERS if lane in present]
        self.lanes = ["steps", "emotion", "pains", "opportunities", *(["metrics"] if "metrics" in present else []), *self.hidden]
        self.lane_heads = {lane: lane_head(lane, theme) for lane in self.lanes}
        self.legend_items = legend.items(theme, bool(self.hidden), "metrics" in present)
        self._heads: dict[tuple[int, int, int, int], Card] = {}

    # -- across ------------------------------------------------------------------------

    def rows(self, row_limit: float | None) -> list[Row]:
        """Stage blocks packed into rows no wider than ``row_limit`` (None: one row).

        A stage that fits the rest of the row goes there, else on a new row;
        a stage wider than a whole row is split: its first part fills the
        rest of the row (when two columns or more are left), the others take
        whole rows.
        """
        right = None if row_limit is None else row_limit - MARGIN
        rows: list[Row] = [Row([])]
        x = GRID_LEFT

        def free(at: float) -> int:
            return 0 if right is None else max(0, int((right - at - 2 * BAND_PAD + COL_GAP) // (COL_W + COL_GAP)))

        per_row = max(1, free(GRID_LEFT))
        for index, columns in enumerate(self.stage_columns):
            whole = Block(index, columns)
            if right is None or x + whole.width <= right:
                sizes = [len(columns)]
            elif len(columns) <= per_row:
                rows.append(Row([]))
                x = GRID_LEFT
                sizes = [len(columns)]
            else:
                first = free(x) if free(x) >= 2 else per_row
                sizes = [first] + [per_row] * (-(-(len(columns) - first) // per_row))
                sizes[-1] = len(columns) - first - per_row * (len(sizes) - 2)
            taken = 0
            for part, size in enumerate(sizes, 1):
                block = Block(index, columns[taken : taken + size], part, len(sizes))
                taken += size
                if rows[-1].blocks and right is not None and x + block.width > right:
                    rows.append(Row([]))
                    x = GRID_LEFT
                block.left = x
                for k, column in enumerate(block.columns):
                    column.x = x + BAND_PAD + k * (COL_W + COL_GAP) + COL_W / 2
                rows[-1].blocks.append(block)
                x += block.width + STAGE_GAP
        for row in rows:
            row.heads = [self._head(block) for block in row.blocks]
            held = {lane for block in row.blocks for column in block.columns for lane in column.cards}
            row.lanes = [lane for lane in self.lanes if lane in ("steps", "emotion") or lane in held]  # no empty lanes
        return rows

    def _head(self, block: Block) -> Card:
        key = (block.stage_index, block.part, block.parts, len(block.columns))
        if key not in self._heads:
            stage = self.resolved.journey.stages[block.stage_index]
            self._heads[key] = stage_head(stage, block.width - 2 * BAND_PAD, self.theme, block.part, block.parts)
        return self._heads[key]

    # -- down ----------------------------------------------------------------------------

    def place(self, row: Row, top: float) -> float:
        """Set the row's lanes from ``top``; returns its bottom."""
        row.top = top
        row.head_h = max(h.outer_height for h in row.heads)
        y = top + row.head_h + LANE_GAP
        columns = [c for block in row.blocks for c in block.columns]
        below = _first_hidden(row)
        for lane in row.lanes:
            if lane == below and lane != row.lanes[0]:
                y += VISIBILITY_GAP - LANE_GAP
                row.visibility_y = y - VISIBILITY_GAP / 2 + 4
            row.lane_top[lane] = y
            if lane == "emotion":
                row.lane_h[lane] = EMOTION_TOP + 4 * LEVEL_GAP + EMOTION_BOTTOM
            else:
                row.lane_h[lane] = max([c.cards[lane].outer_height for c in columns if lane in c.cards] + [self.lane_heads[lane].outer_height])
            y += row.lane_h[lane] + LANE_GAP
        row.bottom = y - LANE_GAP
        return row.bottom

    def _groups(self, row: Row, first: float, fresh: float, room: float) -> list[Row]:
        """The lanes of a row too tall for a page, in the fewest groups that fit, as even in height as can be.

        The first group goes at ``first`` on the current page, each other one at
        ``fresh`` on a page of its own; every group is a row of the same stages
        (headers repeated). Lanes keep their order. A lane taller than a whole
        page gets a page to itself (the page's scale then shrinks to hold it).
        """
        lanes = row.lanes
        best: tuple[tuple[int, float], list[list[str]]] | None = None
        for cuts in range(1 << (len(lanes) - 1)):  # every way to cut the lanes, at most 2^6 = 64
            groups, current = [], [lanes[0]]
            for i, lane in enumerate(lanes[1:]):
                if cuts >> i & 1:
                    groups.append(current)
                    current = []
                current.append(lane)
            groups.append(current)
            heights = []
            for g, group in enumerate(groups):
                top = first if g == 0 else fresh
                heights.append(self.place(Row(row.blocks, group, row.heads), top) - top)
                if top + heights[-1] > room:
                    break
            else:
                score = (len(groups), max(heights))
                if best is None or score < best[0]:
                    best = (score, groups)
        chosen = best[1] if best is not None else [[lane] for lane in lanes]
        return [Row(row.blocks, group, row.heads) for group in chosen]

    def sheets(
        self, page: Page, row_limit: float | None, panels_first: bool = True, rows: list[Row] | None = None, least: float = 0.0
    ) -> tuple[list[Sheet], int]:
        """The pages for rows no wider than ``row_limit``, and how many rows had to be split by lanes.

        A page holds whole rows, each with all its lanes; a row that does not
        fit the rest of a page starts the next. Only a row taller than a whole
        page is split by lanes (``_groups``). The header panels (objectives,
        persona, evidence) go under the title on page 1, or, with
        ``panels_first`` False, under the last row (on a page of their own if
        they do not fit there): the layout tries both. ``rows``: ``self.rows(row_limit)``, when already made.
        ``least``: the narrowest the page may be (a strip is never under MIN_POSTER_W).
        """
        rows = rows or self.rows(row_limit)
        width = max(max(row.right for row in rows) + MARGIN, MIN_POSTER_W if page.strip else least)
        inner = width - 2 * MARGIN
        legend_rows = legend.layout(self.legend_items, inner)
        legend_h = LEGEND_GAP + legend.height(legend_rows) + MARGIN
        limit = None if page.strip else page.height / page.min_scale
        room = float("inf") if limit is None else limit - legend_h  # the lowest a row may reach
        found = panels(self.resolved, inner, self.theme)
        panels_h = max((p.outer_height for p in found), default=0.0)
        titles = [title_card(self.resolved, inner, self.theme, number, 99 if limit else 1) for number in (1, 2)]

        def start(number: int, with_panels: bool) -> tuple[Sheet, float]:
            title = titles[min(number, 2) - 1]  # measured once: only the page number differs after page 1
            sheet = Sheet([], title, found if with_panels else [], legend_rows, width)
            y = MARGIN + title.outer_height + TITLE_GAP
            if with_panels:
                sheet.panels_top = y
                y += panels_h + TITLE_GAP
            return sheet, y

        fresh = start(2, False)[1]
        sheets: list[Sheet] = []
        sheet, y = start(1, bool(found) and panels_first)
        splits = 0
        for row in rows:
            bottom = self.place(row, y)
            if bottom > room and sheet.rows:
                sheets.append(sheet)
                sheet, y = start(len(sheets) + 1, False)
                bottom = self.place(row, y)
            parts = [row] if bottom <= room else self._groups(row, y, fresh, room)
            splits += len(parts) - 1
            for n, part in enumerate(parts):
                if n:
                    sheets.append(sheet)
                    sheet, y = start(len(sheets) + 1, False)
                sheet.rows.append(part)
                y = self.place(part, y) + ROW_SPACE
        if found and not panels_first:
            if y - ROW_SPACE + TITLE_GAP + panels_h > room:
                sheets.append(sheet)
                sheet, y = start(len(sheets) + 1, False)
            sheet.panels, sheet.panels_top = found, y - ROW_SPACE + TITLE_GAP
        sheets.append(sheet)
        for done in sheets:
            bottom = done.rows[-1].bottom if done.rows else 0.0
            if done.panels:
                bottom = max(bottom, done.panels_top + panels_h)
            done.legend_top = bottom + LEGEND_GAP
            done.height = done.legend_top + legend.height(legend_rows) + MARGIN
        return sheets, splits


def _first_hidden(row: Row) -> str | None:
    """The first lane of ``row`` under the line of visibility, if any."""
    return next((lane for lane in row.lanes if lane in HIDDEN_LAYERS), None)


def _fit(sheets: list[Sheet], page: Page) -> float:
    """The one scale for all pages: as large as the widest and the tallest page allow."""
    return min(min(page.width / s.width, page.height / s.height) for s in sheets)


def layout(resolved: Resolved, theme: Theme, page: Page) -> tuple[Poster, list[Sheet], float]:
    """The poster's pages and their scale: the fewest pages, then the fewest rows split by lanes, then the largest type.

    Tried: a handful of row widths, each with the header panels on page 1 or
    after the last row; on a tie the panels stay on page 1. A map narrower than
    MIN_POSTER_W (a few steps) is also tried that wide: its legend and title
    block then take a few long lines instead of a tall narrow column, which
    on a slide left most of the page empty and the type small.
    """
    poster = Poster(resolved, theme)
    if page.strip:
        return poster, poster.sheets(page, None)[0], 1.0
    widest = page.width / page.min_scale
    narrowest = GRID_LEFT + COL_W + 2 * BAND_PAD + MARGIN
    wide = min(MIN_POSTER_W, widest)
    best: tuple[tuple[int, int, float, int, int], float, bool, float] | None = None
    for share in ROW_WIDTHS:
        width = max(widest * share, narrowest)
        rows = poster.rows(width)  # the same for both places of the panels: placing them again resets every position
        floors = (0.0, wide) if max(row.right for row in rows) + MARGIN < wide else (0.0,)
        for floor in floors:
            for panels_first in (True, False):
                sheets, splits = poster.sheets(page, width, panels_first, rows, floor)
                score = (len(sheets), splits, -round(_fit(sheets, page), 4), 0 if panels_first else 1, 0 if floor else 1)
                if best is None or score < best[0]:
                    best = (score, width, panels_first, floor)
        if width == narrowest:
            break
    assert best is not None
    sheets = poster.sheets(page, best[1], best[2], least=best[3])[0]  # laid out again: the columns keep the positions of the last width tried
    inner = sheets[0].width - 2 * MARGIN
    for number, sheet in enumerate(sheets, 1):
        sheet.title = title_card(resolved, inner, theme, number, len(sheets))
    return poster, sheets, _fit(sheets, page)


# -- drawing a page ------------------------------------------------------------------------


class _Painter:
    def __init__(self, poster: Poster, sheets: list[Sheet], scale: float, page: Page) -> None:
        self.poster, self.sheets, self.scale, self.page = poster, sheets, scale, page
        self.theme = poster.theme
        self.resolved = poster.resolved
        self.where: dict[str, tuple[int, int, Row, float]] = {}  # step id -> (sheet, row, row, x)
        for s, sheet in enumerate(sheets):
            for r, row in enumerate(sheet.rows):
                if "emotion" not in row.lanes:
                    continue
                for block in row.blocks:
                    for column in block.columns:
                        self.where[column.step.id] = (s, r, row, column.x)
        self.segments: dict[int, list[curve.Segment]] = {}  # by page: those that start or end there
        for segment in curve.segments(self.resolved):
            on = {self.where[segment.tail][0], self.where[segment.head][0]}
            for number in sorted(on):
                self.segments.setdefault(number, []).append(segment)
        self.exits: dict[int, list[str]] = {}
        for step_id in curve.exits(self.resolved):
            self.exits.setdefault(self.where[step_id][0], []).append(step_id)

    def drawing(self, number: int) -> Drawing:
        sheet = self.sheets[number]
        t, s = self.theme, self.scale
        if self.page.strip:
            width, height, offset = sheet.width, sheet.height, 0.0
        else:
            width, height = self.page.width / s, self.page.height / s
            offset = (width - sheet.width) / 2
        canvas = Canvas(self.resolved.journey.id, t, s, width, height)
        canvas.box("page", 0, 0, width, height, t.background)  # the sheet itself: the picture is exactly it, margins included
        self.offset = offset
        groups: dict[str, tuple[str, str]] = {}
        self._header(canvas, sheet)
        for r, row in enumerate(sheet.rows):
            self._frame(canvas, row, r)
        for r, row in enumerate(sheet.rows):
            for block in row.blocks:
                stage = self.resolved.journey.stages[block.stage_index]
                for name in self._block(canvas, row, block, r):
                    groups[name] = (stage.id, labels.clean(stage.name))
        self._curve(canvas, number)
        legend.emit(canvas, sheet.legend_rows, offset + MARGIN, sheet.legend_top)
        journey = self.resolved.journey
        return Drawing(canvas.source(COMMENT), "neato", labels.clean(journey.title), description(self.resolved), groups, (width * s, height * s))

    def _header(self, canvas: Canvas, sheet: Sheet) -> None:
        t = self.theme
        inner = sheet.width - 2 * MARGIN
        left = self.offset + MARGIN
        canvas.card("title", left + inner / 2, MARGIN, inner, sheet.title.outer_height, sheet.title, t.background, t.background)
        if sheet.panels:
            top = sheet.panels_top
            each = (inner - PANEL_GAP * (len(sheet.panels) - 1)) / len(sheet.panels)
            tall = max(p.outer_height for p in sheet.panels)
            for i, panel in enumerate(sheet.panels):
                canvas.card(f"panel_{i}", left + i * (each + PANEL_GAP) + each / 2, top, each, tall, panel, t.card, t.card_border)

    def _frame(self, canvas: Canvas, row: Row, r: int) -> None:
        """A row's lane names and emotion scale."""
        t, s = self.theme, self.scale
        left = self.offset + MARGIN
        for lane in row.lanes:
            canvas.card(f"lane_{r}_{lane}", left + HEAD_W / 2, row.lane_top[lane], HEAD_W, row.lane_h[lane], self.poster.lane_heads[lane], t.background, t.background)
        for emotion in range(2, -3, -1) if "emotion" in row.lanes else ():
            words = run(EMOTION_WORDS[emotion], META * s, t.muted, bold=emotion == 0)
            number = run(emotion_number(emotion), (META + 0.5) * s, t.text, bold=True)
            canvas.node(
                f"scale_{r}_{emotion + 2}", left + HEAD_W - 58, row.level_y(emotion),
                label=(
                    f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" width="{round(104 * s)}" height="{round(14 * s)}" fixedsize="true"><tr>'
                    f'<td align="right" width="{round(80 * s)}">{words}</td><td align="right" width="{round(24 * s)}">{number}</td></tr></table>>'
                ),
            )  # fmt: skip
        below = _first_hidden(row)
        if below is not None and row.lanes[0] != below:
            y = row.visibility_y
            canvas.point(f"visibility_{r}_left", left, y)
            canvas.point(f"visibility_{r}_right", self.offset + row.right, y)
            canvas.edge(f"visibility_{r}_left", f"visibility_{r}_right", color=t.visibility, style="dashed", penwidth=canvas.size(1.5))
            canvas.label(f"visibility_{r}_label", left, y - 9, run("LINE OF VISIBILITY", PILL * s, t.visibility, bold=True), 120, 12)

    def _block(self, canvas: Canvas, row: Row, block: Block, r: int) -> list[str]:
        """A stage band with its head, guides, cards, points and stars; returns the names of its nodes."""
        t = self.theme
        stage = self.resolved.journey.stages[block.stage_index]
        left, width = self.offset + block.left, block.width
        suffix = "" if block.part == 1 else f"_{block.part}"
        names: list[str] = []

        def put(name: str) -> str:
            names.append(name)
            return name

        shade = block.stage_index % 2
        canvas.box(put(f"band_{stage.id}{suffix}"), left, row.top, width, row.bottom - row.top, t.bands[shade])
        head = row.heads[row.blocks.index(block)]
        canvas.card(put(f"stage_{stage.id}{suffix}"), left + width / 2, row.top, width - 2 * BAND_PAD, row.head_h, head, t.stage_heads[shade], t.stage_heads[shade])
        for emotion in range(2, -3, -1) if "emotion" in row.lanes else ():
            colour = t.zero if emotion == 0 else t.grid
            canvas.box(put(f"guide_{stage.id}{suffix}_{emotion + 2}"), left, row.level_y(emotion) - 0.5, width, 1, colour)
        if not block.columns and "steps" in row.lanes:
            empty = Card()
            empty.add_text("No steps" if not stage.steps else "No steps for this persona", META, t.muted, italic=True)
            canvas.card(put(f"empty_{stage.id}"), left + width / 2, row.lane_top["steps"], COL_W, row.lane_h["steps"], empty, t.card, t.card_border)
        for column in block.columns:
            step = column.step
            x = self.offset + column.x
            for lane, card in column.cards.items():
                if lane not in row.lanes:
                    continue
                fill = t.hidden_card if lane in HIDDEN_LAYERS else t.card
                canvas.card(put(f"{lane}_{step.id}"), x, row.lane_top[lane], COL_W, row.lane_h[lane], card, fill, t.card_border)
            if step.emotion is not None and "emotion" in row.lanes:
                self._point(canvas, put, step, x, row.level_y(step.emotion))
        return names

    def _point(self, canvas: Canvas, put, step: Step, x: float, y: float) -> None:
        t = self.theme
        colours = t.emotion[step.emotion]
        evidence = f"; evidence: {self.poster.refs.cite(step.sources)}" if step.sources else ""
        canvas.node(
            put(f"emotion_{step.id}"), x, y,
            shape="circle", fixedsize="true", width=canvas.inches(POINT), style="filled", fillcolor=colours.fill,
            color=t.curve, penwidth=canvas.size(1.2), fontcolor=colours.text,
            label=f"<{run(emotion_number(step.emotion), POINT_TEXT * canvas.scale, colours.text, bold=True)}>",
            tooltip=labels.tooltip(f"{step.name}: {emotion_number(step.emotion)} ({EMOTION_WORDS[step.emotion]}){evidence}"),
        )  # fmt: skip
        if step.sources:
            cited = run(self.poster.refs.cite(step.sources), META * canvas.scale, t.muted, bold=True)
            canvas.label(put(f"evidence_{step.id}"), x + POINT / 2 + 2, y - POINT / 2 - 2, cited, COL_W / 2 - POINT / 2 - 6, 12)
        if step.moment_of_truth:
            canvas.node(
                put(f"truth_{step.id}"), x, y - POINT / 2 - 12,
                shape="star", fixedsize="true", width=canvas.inches(21.6), height=canvas.inches(20), style="filled",
                fillcolor=t.star.fill, color=t.star.text, penwidth=canvas.size(1), label="",
                tooltip=labels.tooltip(f"Moment of truth: {step.name}"),
            )  # fmt: skip

    def _detour(self, tail_id: str, head_id: str) -> list[tuple[float, float]]:
        """Where a line between two points of a row bends so as not to run through the points between them.

        A straight line from one step to a later one over columns in between
        (a branch that skips a step, or a bridge) would cross the points of
        those columns and read as passing through them. It bends instead at
        each point it would touch, half a level above or below it (no point is
        ever at a half level). Empty: the straight line touches nothing.
        """
        _, _, row, x0 = self.where[tail_id]
        x1 = self.where[head_id][3]
        between = [c for b in row.blocks for c in b.columns if c.step.emotion is not None and x0 < c.x < x1]

        def bends(a: tuple[float, float], b: tuple[float, float], depth: int) -> list[tuple[float, float]]:
            for column in between:
                if not a[0] < column.x < b[0]:
                    continue
                y = row.level_y(column.step.emotion)
                right = column.x + (POINT / 2 + 70 if self.resolved.is_exit(column.step.id) else POINT / 2 + 3)  # an exit's mark is to its right
                for x in (column.x - POINT / 2 - 3, column.x, right):
                    at = min(max(x, a[0]), b[0])
                    if abs(a[1] + (b[1] - a[1]) * (at - a[0]) / (b[0] - a[0]) - y) < POINT / 2 + 3:
                        via = (column.x, y + (-1 if (a[1] + b[1]) / 2 <= y else 1) * LEVEL_GAP / 2)
                        if depth == 0:
                            return [via]
                        return [*bends(a, via, depth - 1), via, *bends(via, b, depth - 1)]
            return []

        return bends((x0, row.level_y(self.resolved.steps[tail_id].emotion)), (x1, row.level_y(self.resolved.steps[head_id].emotion)), 4)

    def _curve(self, canvas: Canvas, number: int) -> None:
        """The segments of the curve on this page (see ``curve``), the stubs of those that leave it, and the exit marks."""
        t = self.theme
        for segment in self.segments.get(number, ()):
            tail, head = self.where[segment.tail], self.where[segment.head]
            style = {"step": "solid", "bridge": "dashed", "return": "dotted"}[segment.kind]
            attrs = {"color": t.curve, "penwidth": canvas.size(CURVE_W), "style": style}
            arrow = {"dir": "forward", "arrowhead": "normal", "arrowsize": f"{0.8 * canvas.scale:.2f}"}
            tip = labels.tooltip(f"{self.resolved.steps[segment.tail].name} → {self.resolved.steps[segment.head].name}")
            name = f"curve.{segment.tail}.{segment.head}"
            a, b = f"emotion_{segment.tail}", f"emotion_{segment.head}"
            same_row = tail[0] == head[0] and tail[1] == head[1]
            if same_row and segment.kind != "return":
                if tail[0] == number:
                    stops = [a]  # round each point (or exit mark) the straight line would run through
                    for k, (x, y) in enumerate(self._detour(segment.tail, segment.head), 1):
                        canvas.point(f"{name}.via{k}", self.offset + x, y)
                        stops.append(f"{name}.via{k}")
                    for k, (start, end) in enumerate(zip(stops, [*stops[1:], b])):
                        canvas.edge(start, end, id=name if k == 0 else f"{name}.{k + 1}", tooltip=tip, **attrs)
                continue
            if same_row:  # a return: down to the rail under the curve, back along it, up into the earlier step
                if tail[0] != number:
                    continue
                rail = tail[2].rail_y
                x_out, x_in = self.offset + tail[3] + 6, self.offset + head[3] - 6
                canvas.point(f"{name}.1", x_out, rail)
                canvas.point(f"{name}.2", x_in, rail)
                canvas.edge(a, f"{name}.1", id=name, tooltip=tip, **attrs)
                canvas.edge(f"{name}.1", f"{name}.2", id=f"{name}.2", tooltip=tip, **attrs)
                canvas.edge(f"{name}.2", b, id=f"{name}.3", tooltip=tip, **attrs, **arrow)
                continue
            if tail[0] == number:  # leaves for another row or page
                where = f"page {head[0] + 1}" if head[0] != number else f"row {head[1] + 1}"
                x = self.offset + tail[3] + STUB
                canvas.point(f"{name}.out", x, tail[2].rail_y)
                canvas.edge(a, f"{name}.out", id=name, tooltip=tip, **attrs, **arrow)
                canvas.label(f"{name}.to", x + 2, tail[2].rail_y, run(f"→ {where}", META * canvas.scale, t.text, bold=True), 60, 12)
            if head[0] == number:  # arrives from another row or page
                where = f"page {tail[0] + 1}" if tail[0] != number else f"row {tail[1] + 1}"
                x = self.offset + head[3] - STUB
                canvas.point(f"{name}.in", x, head[2].rail_y)
                canvas.edge(f"{name}.in", b, id=f"{name}.in", tooltip=tip, **attrs, **arrow)
                canvas.label(f"{name}.from", x - 62, head[2].rail_y, run(f"from {where}", META * canvas.scale, t.text, bold=True), 60, 12, "left")
        for step_id in self.exits.get(number, ()):
            _, _, row, x = self.where[step_id]
            y = row.level_y(self.resolved.steps[step_id].emotion)
            mark = f"exit_{step_id}"
            left = self.offset + x + POINT / 2 + 10
            width = labels.text_width(EXIT_WORD, PILL, bold=True) + 8
            canvas.node(
                mark, left + width / 2, y,
                label=f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0"><tr>{pill_cell(EXIT_WORD, t.exit, PILL, canvas.scale)}</tr></table>>',
            )  # fmt: skip
            canvas.edge(f"emotion_{step_id}", mark, id=f"exit.{step_id}", color=t.curve, penwidth=canvas.size(CURVE_W))


def build_pages(resolved: Resolved, theme: Theme, page: Page | None = None) -> list[Drawing]:
    """The poster of ``resolved`` on ``page`` (default: the strip), one drawing per page."""
    page = page or page_named("strip")
    poster, sheets, scale = layout(resolved, theme, page)
    painter = _Painter(poster, sheets, scale, page)
    return [painter.drawing(n) for n in range(len(sheets))]


def build(resolved: Resolved, theme: Theme) -> Drawing:
    """The poster of ``resolved`` as one strip."""
    return build_pages(resolved, theme)[0]

