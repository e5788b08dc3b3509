"""The flow view: the steps as a directed graph laid out by ``dot``.

Where the poster shows stages side by side, this view shows how a customer
can move: branches, loops back (dashed, in their own colour, left out of the
ranking so the layout still reads left to right), exits where the customer
leaves, and steps the flow never reaches (dashed and marked). Stages are
clusters. Each step shows its emotion as a coloured cell with the signed
number in it, and its pain points as severity badges.

Layout time with ``dot`` grows fast with edges between clusters (a known
Graphviz hazard); big journeys get the network-simplex and crossing-minimisation
limits that keep a 2,000-node chain with cross edges in seconds.
"""

from __future__ import annotations

import math

from ..flow import Resolved
from ..model import Step
from . import dropoff, labels
from .cards import pill_cell, pill_height, pill_width
from .parts import (
    EMOTION_WORDS,
    SEVERITY_MARKS,
    SEVERITY_ORDER,
    STATUS_ORDER,
    STATUS_WORDS,
    Drawing,
    channel_name,
    description,
    emotion_number,
    lines,
    meta_line,
    persona_names,
    pill,
    severity_label,
    text,
    tooltip_for,
)
from .theme import FONT, Pill, Theme

TEXT_W = 168
TITLE_W = 900
NAME, META, PILL, STAGE_NAME, GOAL, TITLE, SUBTITLE = 11, 9, 8.5, 13, 10, 22, 11
RANK_W, ROW_H, ASPECT = 250.0, 330.0, 16 / 9  # points: one step's column, one row of stages; the shape aimed at
LARGE = 120
"""From this many steps on, limit dot's ranking and crossing passes (see module doc)."""


def _step_label(resolved: Resolved, step: Step, theme: Theme, reachable: bool, reach: list[str] = ()) -> str:
    journey = resolved.journey
    hidden = step.layer != "frontstage"
    fill = theme.hidden_card if hidden else theme.card
    rows: list[str] = []
    if step.moment_of_truth:
        rows.append(f'<table border="0" cellspacing="0" cellpadding="0"><tr>{pill("MOMENT OF TRUTH", theme.star, PILL)}</tr></table>')
    if hidden:
        rows.append(text(step.layer.upper(), PILL, theme.muted, bold=True))
    if not reachable:
        rows.append(text("NOT REACHED BY THE FLOW", PILL, theme.muted, bold=True))
    name, _ = labels.wrap(step.name, TEXT_W, NAME, 3, bold=True)
    rows.append(lines(name, NAME, theme.text, bold=True))
    measured = [(name, NAME, True)]
    details = [d for d in (channel_name(journey, step.channel), None if hidden else persona_names(journey, step.personas)) if d]
    if details:
        meta, _ = labels.wrap(" · ".join(labels.clean(d) for d in details), TEXT_W, META, 2)
        rows.append(lines(meta, META, theme.muted))
        measured.append((meta, META, False))
    if step.pain_points:
        counts = {s: sum(1 for p in step.pain_points if p.severity == s) for s in SEVERITY_ORDER}
        badges = [
            pill(severity_label(s) if n == 1 else f"{SEVERITY_MARKS[s]} {n}× {s.upper()}", theme.severity[s], PILL)
            for s, n in counts.items()
            if n
        ]
        spacer = '<td width="3"></td>'
        rows.append(f'<table border="0" cellspacing="0" cellpadding="0"><tr>{spacer.join(badges)}</tr></table>')
    if step.opportunities:
        best = max(step.opportunities, key=lambda o: STATUS_ORDER.index(o.status))
        more = len(step.opportunities)
        rows.append(text(f"{more} opportunit{'y' if more == 1 else 'ies'}, furthest: {STATUS_WORDS[best.status].lower()}", META, theme.muted, italic=True))
    for line in reach:  # reach, then how many leave here: the drop label
        rows.append(text(line, META, theme.text, bold=True))
    body = "".join(f'<tr><td align="left" balign="left">{row}</td></tr>' for row in rows)
    if step.emotion is not None and not hidden:
        colours = theme.emotion[step.emotion]
        mark = f'<td bgcolor="{colours.fill}" width="30" valign="middle">{text(emotion_number(step.emotion), 11, colours.text, bold=True)}</td>'
    elif hidden:
        mark = ""
    else:
        colours = theme.unknown_emotion
        mark = f'<td bgcolor="{colours.fill}" width="30">{text("?", 11, colours.text, bold=True)}</td>'
    style = "solid" if reachable else "dashed"  # square corners: the emotion cell fills its corner
    return (
        f'<<table border="1" color="{theme.card_border}" bgcolor="{fill}" style="{style}" cellborder="0" cellspacing="0" cellpadding="5">'
        f'<tr>{mark}<td{_room(measured, 2 * 2 + 2 * 5)}><table border="0" cellborder="0" cellspacing="2" cellpadding="0">{body}</table></td></tr></table>>'
    )


def _title_label(resolved: Resolved, theme: Theme, widths: bool = False) -> str:
    journey = resolved.journey
    title, _ = labels.wrap(journey.title, TITLE_W, TITLE, 2, bold=True)
    meta, _ = labels.wrap(meta_line(resolved), TITLE_W, SUBTITLE, 2, bold=True)
    rows = [lines(title, TITLE, theme.text, bold=True), lines(meta, SUBTITLE, theme.muted, bold=True)]
    if journey.description:
        desc, _ = labels.wrap(journey.description, TITLE_W, SUBTITLE, 2)
        rows.insert(1, lines(desc, SUBTITLE, theme.text))
    rows.append(_legend(theme, widths))
    body = "".join(f'<tr><td align="left" balign="left">{row}</td></tr>' for row in rows)
    return f'<<table border="0" cellborder="0" cellspacing="4" cellpadding="0">{body}</table>>'


LEGEND_TEXT = 9.5
LEGEND_GAP = 10  # between the cells of a legend line
CHIP_GAP = 5  # between the chips of one scale


def _legend(theme: Theme, widths: bool = False) -> str:
    """Every colour, mark and line style of the view, each with its words; ``widths`` when the journey gives reach.

    Each line is a table of cells fixed to their measured widths, and the table to their sum: Graphviz
    stretches a table of natural size to the widest line of the title block, spreading the room over its
    cells, which left a legend line's words far apart or squeezed at random.
    """
    t = theme

    def words(value: str, bold: bool = False, size: float = LEGEND_TEXT, colour: str = t.text) -> tuple[str, float]:
        return text(value, size, colour, bold=bold), labels.text_width(value, size, bold)

    def chips(found: list[tuple[str, Pill]]) -> tuple[str, float]:
        cells = f'<td width="{CHIP_GAP}"></td>'.join(pill_cell(word, colours, PILL) for word, colours in found)
        return cells, sum(pill_width(word, PILL) for word, _ in found) + CHIP_GAP * (len(found) - 1)

    cells = [
        words("Emotion", True), chips([(f"{emotion_number(e)} {EMOTION_WORDS[e]}", t.emotion[e]) for e in range(-2, 3)]),
        words("Pain points", True), chips([(severity_label(s), t.severity[s]) for s in SEVERITY_ORDER]),
        words("Arrows:", True), words("→ the next step"), words("- - →", True, colour=t.loop_edge), words("back to an earlier step"),
        words("on to … (row 2)", True), words("the way goes on in another row"),
    ]  # fmt: skip
    flow = [
        words("Width", True), words("customers on the way, with their number (unknown: thin, dashed);"),
        words("Leave here", True), words("customers lost at the step (docs/funnel.md)"),
    ] if widths else []  # fmt: skip
    marks = [
        chips([("MOMENT OF TRUTH", t.star)]), words("a moment that matters most"),
        chips([("?", t.unknown_emotion)]), words("no emotion recorded"),
        words("Start", True), words("the first step;"),
        words("End", True), words("the journey ends;"),
        words("Leaves", True), words("the customer leaves (next: [])"),
        words("BACKSTAGE, SUPPORT", True, PILL, t.muted), words("grey: out of the customer's sight"),
        words("NOT REACHED BY THE FLOW", True, PILL, t.muted), words("dashed: no way leads there"),
    ]  # fmt: skip
    high = round(pill_height(PILL))
    rows = []
    for group in (g for g in (cells, marks, flow) if g):
        row = f'<td width="{LEGEND_GAP}"></td>'.join(
            markup if markup.startswith("<td") else f'<td align="left" width="{round(width)}" height="{high}" fixedsize="true">{markup}</td>' for markup, width in group
        )
        total = sum(round(width) if not markup.startswith("<td") else width for markup, width in group) + LEGEND_GAP * (len(group) - 1)
        table = f'<table align="left" border="0" cellborder="0" cellspacing="0" cellpadding="0" width="{round(total)}" height="{high}" fixedsize="true"><tr>{row}</tr></table>'
        rows.append(f'<tr><td align="left">{table}</td></tr>')
    return f'<table border="0" cellborder="0" cellspacing="4" cellpadding="0">{"".join(rows)}</table>'


def build(resolved: Resolved, theme: Theme) -> Drawing:
    """The flow graph of ``resolved`` as DOT, for ``dot``."""
    import graphviz  # imported here so that `journey --help` never pays for it

    journey = resolved.journey
    t = theme
    g = graphviz.Digraph(journey.id, comment="journeycli flow view: draw with dot")
    flows = dropoff.model(resolved)
    graph_attrs = dict(
        rankdir="LR", bgcolor=t.background, fontname=FONT, labelloc="t", labeljust="l", pad="0.4",
        nodesep="0.25", ranksep="0.5", newrank="true", outputorder="nodesfirst", label=_title_label(resolved, t, flows is not None),
    )  # fmt: skip
    if len(resolved.order) >= LARGE:
        graph_attrs.update(nslimit="2", nslimit1="2", mclimit="0.3", searchsize="20")
    g.attr("graph", **graph_attrs)
    g.attr("node", shape="plain", fontname=FONT, fontcolor=t.text)
    g.attr("edge", color=t.edge, arrowsize="0.7", penwidth="1.3", fontname=FONT, fontsize="9", fontcolor=t.muted)

    reachable = resolved.reachable()
    last = resolved.order[-1] if resolved.order else None
    groups: dict[str, tuple[str, str]] = {}
    in_order: list[str] = []  # every node of a stage, in document order
    if resolved.start is not None:
        g.node("start", id="start", shape="circle", style="filled", fillcolor=t.text, fontcolor=t.background, color=t.text, fixedsize="true", width="0.55", fontsize="9", label="Start")
        g.edge("start", f"step_{resolved.start}", id="edge_start")
    for index, stage in enumerate(journey.stages):
        steps = [s.id for s in stage.steps if s.id in resolved.index]
        with g.subgraph(name=f"cluster_{stage.id}") as cluster:
            cluster.attr(
                id=f"stagebox_{stage.id}", style="rounded,filled", fillcolor=t.bands[index % 2], color=t.card_border,
                labeljust="l", margin="12", label=_stage_label(stage, t), tooltip=labels.tooltip(" — ".join([stage.name, *([f"Goal: {stage.goal}"] if stage.goal else [])])),
            )  # fmt: skip
            groups[f"stagebox_{stage.id}"] = (stage.id, labels.clean(stage.name))
            if not steps:
                name = f"empty_{stage.id}"
                cluster.node(name, id=name, label=f"<{text('No steps' if not stage.steps else 'No steps for this persona', META, t.muted, italic=True)}>")
                groups[name] = (stage.id, labels.clean(stage.name))
                in_order.append(name)
            for step_id in steps:
                step = resolved.steps[step_id]
                name = f"step_{step_id}"
                cluster.node(name, id=name, label=_step_label(resolved, step, t, step_id in reachable, dropoff.step_lines(flows, step_id) if flows else ()), tooltip=labels.tooltip(tooltip_for(step)))
                groups[name] = (stage.id, labels.clean(stage.name))
                in_order.append(name)
                if not resolved.successors[step_id]:  # its end mark inside the stage's box: a line out to it crossed the box's title
                    end = f"end_{step_id}"
                    word = "End" if step_id == last else "Leaves"
                    cluster.node(
                        end, id=end, shape="box", style="rounded,dashed" if word == "Leaves" else "rounded,filled",
                        fillcolor=t.stage_heads[0], color=t.muted, fontsize="9", fontcolor=t.text, margin="0.08,0.03", height="0.3", label=word,
                    )  # fmt: skip

    row_of = _rows(resolved)
    firsts: dict[int, str] = {}
    for stage in journey.stages:
        node = next((f"step_{s.id}" for s in stage.steps if s.id in resolved.index), f"empty_{stage.id}")
        firsts.setdefault(row_of[stage.id], node)
    if len(firsts) > 1:
        # Every row of stages starts at the left edge: its first step on the same rank as the journey's first.
        # An invisible node whose ways out keep their order (ordering=out) stacks the rows top to bottom.
        anchors = [firsts[row] for row in sorted(firsts)]
        g.node("rows", id="rows", style="invis", shape="point", width="0", ordering="out", label="")
        for anchor in anchors:
            g.edge("rows", anchor, style="invis")
        with g.subgraph() as same:
            same.attr(rank="same")
            for anchor in anchors:
                same.node(anchor)
    node_row = {name: row_of[stage_id] for name, (stage_id, _) in groups.items()}
    entered = {f"step_{target}" for targets in resolved.successors.values() for target in targets}
    for previous, name in zip(in_order, in_order[1:]):
        if name not in entered and node_row.get(previous) == node_row.get(name):  # nothing leads here: keep it after what precedes it in the file
            g.edge(previous, name, style="invis")
    for step_id in resolved.order:
        position = resolved.index[step_id]
        targets = resolved.successors[step_id]
        for target in targets:
            attrs = {"id": f"edge_{step_id}__{target}"}
            way = dropoff.way_of(flows, step_id, target) if flows else None
            if way is not None and not way.loop:  # as wide as the customers on it, with their number; unknown: thin and dashed
                attrs.update(penwidth=f"{dropoff.width(flows, way):g}", label=f"<{text(dropoff.way_label(flows, way), META, t.text, bold=True)}>")
                if way.customers is None:
                    attrs.update(style="dashed")
            loop = resolved.index[target] <= position
            if loop:
                attrs.update(style="dashed", color=t.loop_edge, penwidth="1.5")  # ranked as dot ranks any return: drawn back along the row
            tail, head = f"step_{step_id}", f"step_{target}"
            if node_row[tail] == node_row[head] and not (loop and groups[tail][0] != groups[head][0]):
                g.edge(tail, head, **attrs)
                continue
            # Into another row of stages, or a loop back into another stage: a marked stub at each end instead
            # of a line across the rows or stage boxes between (dot routes such lines through boxes and labels).
            out, into = f"to_{step_id}__{target}", f"from_{step_id}__{target}"
            colour = t.loop_edge if loop else t.text
            stub = dict(shape="box", style="rounded,dashed", color=colour, fontsize="9", fontcolor=t.text, margin="0.08,0.03", height="0.3")
            g.node(out, id=out, label=f"<{_stub_words('back to' if loop else 'on to', resolved.steps[target].name, node_row[head], colour)}>", **stub)
            g.node(into, id=into, label=f"<{_stub_words('back from' if loop else 'from', resolved.steps[step_id].name, node_row[tail], colour)}>", **stub)
            g.edge(tail, out, **{**attrs, "constraint": "true"})
            g.edge(into, head, **{**{k: v for k, v in attrs.items() if k != "label"}, "id": f"{attrs['id']}__in", "constraint": "true"})
        if not targets:
            g.edge(f"step_{step_id}", f"end_{step_id}", id=f"edge_{step_id}__end")
    return Drawing(g.source, "dot", labels.clean(journey.title), description(resolved), groups)


def _stub_words(verb: str, name: str, row: int, colour: str) -> str:
    """``on to Adds to cart (row 2)``: where a way into another row of stages goes, or comes from."""
    shown, _ = labels.wrap(f"{verb} {labels.clean(name)} (row {row + 1})", 150, 9, 2)
    room = _room([(shown, 9, False)])
    words = lines(shown, 9, colour)
    return f'<table border="0" cellborder="0" cellspacing="0" cellpadding="0"><tr><td{room}>{words}</td></tr></table>' if room else words


def _room(measured: list[tuple[list[str], float, bool]], spacing: float = 0) -> str:
    """A width for a cell of wrapped user text that the engine would measure too narrow.

    The engines size a box by its text, but take each byte of a character beyond ASCII as a space: a
    CJK character three quarters of an em wide, so a Chinese name ran out of its card. Where our measure
    is clearly the wider (CJK, Arabic…), the cell gets it; elsewhere (ASCII, a few accents, a "·") the
    engine's own measure and bytes stay. ``measured``: (lines, size, bold); ``spacing``: the cell spacing and padding around the lines
    (a cell's width includes its padding).
    """
    ours = [labels.text_width(line, size, bold) for shown, size, bold in measured for line in shown]
    engine = [_engine_width(line, size, bold) for shown, size, bold in measured for line in shown]
    if not ours or all(o <= e * 1.05 + 0.5 for o, e in zip(ours, engine)):  # a few accents or a '·' are not worth it
        return ""
    return f' width="{math.ceil(max(ours) + spacing)}"'


def _engine_width(line: str, size: float, bold: bool) -> float:
    """How wide the engine takes ``line``: ASCII by its metrics, every other byte as a space."""
    ascii_part = "".join(c for c in line if c.isascii())
    others = len(line.encode("utf-8")) - len(ascii_part)
    return labels.text_width(ascii_part, size, bold) + others * labels.text_width(" ", size, bold)


def _rows(resolved: Resolved) -> dict[str, int]:
    """The row of each stage: stages in order, packed so the picture comes out about as wide as a slide (16:9).

    A step's column is about RANK_W wide and a row of stages about ROW_H
    tall, so ``n`` steps in ``r`` rows make a picture of n·RANK_W/r by
    r·ROW_H; the rows are chosen to bring that to 16:9, and each row takes
    whole stages up to its share of the steps.
    """
    counts = [max(1, sum(1 for s in stage.steps if s.id in resolved.index)) for stage in resolved.journey.stages]
    total = sum(counts)
    rows = max(1, min(len(counts), round((total * RANK_W / (ASPECT * ROW_H)) ** 0.5)))
    share = total / rows
    out: dict[str, int] = {}
    row, used = 0, 0
    for stage, count in zip(resolved.journey.stages, counts):
        if used and used + count / 2 > share * (row + 1) and row < rows - 1:
            row += 1
        out[stage.id] = row
        used += count
    return out


def _stage_label(stage, theme: Theme) -> str:
    name, _ = labels.wrap(stage.name, 260, STAGE_NAME, 2, bold=True)
    rows = [lines(name, STAGE_NAME, theme.text, bold=True)]
    if stage.goal:
        goal, _ = labels.wrap(f"Goal: {labels.clean(stage.goal)}", 260, GOAL, 2)
        rows.append(lines(goal, GOAL, theme.muted, italic=True))
    body = "".join(f'<tr><td align="left" balign="left">{row}</td></tr>' for row in rows)
    return f'<<table border="0" cellborder="0" cellspacing="1" cellpadding="0">{body}</table>>'
