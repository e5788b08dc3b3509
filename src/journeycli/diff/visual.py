"""``journey diff --render out.svg``: the new map as a flow, with what changed marked, and a legend.

Steps are boxes in journey order, wrapped onto rows of ``ROW`` boxes, in a
frame per stage (a stage that wraps is framed again on the next row,
"continued"). Arrows follow the flow: to the next step in the file, or to
each step a ``next`` names (branches, loops and exits as the map says).
Added items are green, changed ones orange with what changed listed in the
box, moved ones blue with where they came from, and removed ones stay where
they were as grey dashed ghosts. Deliberately modest: the full poster is
``journey render``; this picture answers "where in the map did it change?".

Bounded on big diffs: past ``MAX_BOXES`` steps, runs of unchanged steps
fold into one "… N unchanged steps" box, and past ``MAX_BOXES`` boxes the
rest is one closing box that counts what is not drawn (the text diff always
lists every change). So the picture stays a few hundred boxes and the layout
a few seconds, whatever the size of the map; the engine still runs with a
timeout.

Built on ``journey render``'s pieces: every user string goes through
``render.labels`` (cleaned, HTML-escaped, backslashes doubled) into HTML-like
labels we build, no user text reaches an attribute, and node names are
generated, never ids; the SVG is finished (title, description, active
content removed) by ``render.picture``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

import graphviz

from ..engines import find_engine
from ..render import labels
from .changes import Change, FileDiff
from .compare import interleave
from .wording import ENTITY_WORDS, SYMBOL, counts, members, moved_from, shorten, show, trend

TIMEOUT = 60
ROW = 6
"""Boxes per row before the picture wraps."""
MAX_BOXES = 240
"""Boxes drawn at most: unchanged runs fold first, then the rest is counted in one box."""
MAX_DETAILS = 4
"""Lines of detail in a changed step's box; more are counted."""

COLOURS = {  # border, fill, text: 6-digit hex, which Graphviz 2.43 needs
    "added": ("#2e7d32", "#e8f5e9", "#1b5e20"),
    "removed": ("#9e9e9e", "#f5f5f5", "#9e9e9e"),
    "changed": ("#ef6c00", "#fff3e0", "#4e2600"),
    "moved": ("#1565c0", "#e3f2fd", "#0d2a4f"),
    "same": ("#90a4ae", "#ffffff", "#263238"),
}
LEGEND = (("added", "added"), ("changed", "changed"), ("moved", "moved"), ("removed", "removed (ghost)"), ("same", "unchanged"))
FONT = "Helvetica"


def _text(value: str, limit: int = 48) -> str:
    return labels.html_text(shorten(labels.clean(value), limit))


def _state(changes: list[Change], entity: str) -> str:
    """How an item fared: its own added/removed/moved change wins; any other change under it is ``changed``."""
    for change in changes:
        if change.entity == entity and change.op in ("added", "removed", "moved"):
            return change.op
    return "changed" if changes else "same"


def _detail(change: Change, diff: FileDiff, own: str) -> str:
    if change.entity == own:
        if change.op == "moved":
            return f"{SYMBOL['moved']} {moved_from(change, diff)}"
        if change.op == "changed" and change.members is not None:
            return f"{SYMBOL['changed']} {change.field}: {members(change)}"
        if change.op == "changed":
            arrow = trend(change.old, change.new) if change.field == "emotion" else ""
            return f"{SYMBOL['changed']} {change.field}: {show(change.old, 20, field=change.field)} → {show(change.new, 20, field=change.field)} {arrow}".rstrip()
        return ""
    word = ENTITY_WORDS[change.entity]
    if change.op == "changed":
        return f"{SYMBOL['changed']} {word} {change.id}: {change.field}"
    return f"{SYMBOL[change.op]} {word} {change.id}"


def _box(title: str, state: str, lines: list[str]) -> str:
    border, _, ink = COLOURS[state]
    rows = [f'<TR><TD ALIGN="LEFT"><FONT COLOR="{ink}"><B>{_text(title)}</B></FONT></TD></TR>']
    shown = lines[:MAX_DETAILS]
    if len(lines) > MAX_DETAILS:
        shown.append(f"… {len(lines) - MAX_DETAILS} more")
    rows += [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{border}">{_text(line, 60)}</FONT></TD></TR>' for line in shown]
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1">{"".join(rows)}</TABLE>>'


def _node_attrs(state: str) -> dict[str, str]:
    border, fill, _ = COLOURS[state]
    return {"shape": "box", "style": "rounded,filled,dashed" if state == "removed" else "rounded,filled", "color": border, "fillcolor": fill, "penwidth": "1" if state == "same" else "2"}


@dataclass
class _Box:
    """One box of the picture: a step (or a fold of unchanged steps), in its stage."""

    stage: str
    steps: list[str]  # the step ids it stands for (one, or a folded run)
    state: str
    label: str


def _boxes(diff: FileDiff) -> tuple[list[_Box], int]:
    """The boxes in drawing order (removed steps where they were), folded and cut to ``MAX_BOXES``; and the steps not drawn."""
    old, new = diff.old, diff.new
    by_step: dict[str, list[Change]] = defaultdict(list)
    for change in diff.changes:
        if change.step:
            by_step[change.step].append(change)
    old_stages = {stage.id: stage for stage in (old.stages if old else ())}
    new_stages = {stage.id: stage for stage in (new.stages if new else ())}
    kept_steps = {step.id for _, step in new.steps()} if new else set()
    boxes: list[_Box] = []
    for stage_id in interleave(list(new_stages), list(old_stages), new_stages):
        versions = [stages[stage_id] for stages in (old_stages, new_stages) if stage_id in stages]
        names = {step.id: step.name for stage in versions for step in stage.steps}
        old_ids = [step.id for step in old_stages[stage_id].steps] if stage_id in old_stages else []
        new_ids = [step.id for step in new_stages[stage_id].steps] if stage_id in new_stages else []
        for step_id in interleave(new_ids, old_ids, kept_steps):
            changes = by_step.get(step_id, [])
            state = _state(changes, "step")
            lines = [line for line in (_detail(c, diff, "step") for c in changes) if line]
            boxes.append(_Box(stage_id, [step_id], state, _box(names[step_id], state, lines)))
        if not old_ids and not new_ids:
            boxes.append(_Box(stage_id, [], "same", "<<I>no steps</I>>"))
    if len(boxes) > MAX_BOXES:
        boxes = _fold(boxes)
    hidden = sum(max(len(box.steps), 1) for box in boxes[MAX_BOXES:])
    return boxes[:MAX_BOXES], hidden


def _fold(boxes: list[_Box]) -> list[_Box]:
    """Runs of three or more unchanged steps of one stage as one box that counts them."""
    folded: list[_Box] = []
    run: list[_Box] = []

    def flush() -> None:
        if len(run) >= 3:
            count = sum(len(box.steps) for box in run)
            folded.append(_Box(run[0].stage, [step for box in run for step in box.steps], "same", f"<<I>… {count} unchanged steps</I>>"))
        else:
            folded.extend(run)
        run.clear()

    for box in boxes:
        if box.state == "same" and box.steps and (not run or run[0].stage == box.stage):
            run.append(box)
            continue
        flush()
        if box.state == "same" and box.steps:
            run.append(box)
        else:
            folded.append(box)
    flush()
    return folded


def _flow(diff: FileDiff, node_of: dict[str, str]) -> list[tuple[str, str, bool]]:
    """(tail, head, branch) arrows between drawn boxes: to the next step in the file, or to what ``next`` names.

    A ghost (a removed step) keeps the arrows it had. ``branch`` marks an arrow
    that does not go to the next step in the file (a branch, a loop, a jump).
    """
    ghosts = _ghosts(diff)
    arrows: dict[tuple[str, str], bool] = {}
    for journey in (diff.new, diff.old):
        steps = [step for _, step in journey.steps()] if journey is not None else []
        for index, step in enumerate(steps):
            tail = node_of.get(step.id)
            if tail is None or (journey is diff.old and step.id not in ghosts):
                continue
            following = steps[index + 1].id if index + 1 < len(steps) else None
            targets = step.next if step.next is not None else [following] if following else []
            for target in targets:
                head = node_of.get(target)
                if head is not None and head != tail:
                    arrows.setdefault((tail, head), target != following)
    return [(tail, head, branch) for (tail, head), branch in arrows.items()]


def _ghosts(diff: FileDiff) -> set[str]:
    return {c.id for c in diff.changes if c.entity == "step" and c.op == "removed"}


def dot_source(diff: FileDiff) -> str:
    """The DOT text of the picture (no engine needed; tests read it)."""
    old, new = diff.old, diff.new
    by_stage: dict[str, list[Change]] = defaultdict(list)
    for change in diff.changes:
        if change.stage and not change.step:
            by_stage[change.stage].append(change)
    graph = graphviz.Digraph("diff", graph_attr={"rankdir": "LR", "fontname": FONT, "labelloc": "t", "nodesep": "0.3", "ranksep": "0.4"})
    graph.attr("node", fontname=FONT, fontsize="11", margin="0.12,0.06", width="2.2")
    graph.attr("edge", color="#78909c", arrowsize="0.6")
    title = (new or old).title  # type: ignore[union-attr]
    boxes, hidden = _boxes(diff)
    note = f'<BR/><FONT POINT-SIZE="10"><I>{hidden} more steps after these are not drawn; the text diff lists every change</I></FONT>' if hidden else ""
    graph.attr(label=f"<<B>{_text(title, 80)}</B><BR/><FONT POINT-SIZE=\"10\">{_text(f'{diff.old_name} → {diff.new_name}', 120)}</FONT>{note}>")
    stage_names = diff.stage_names
    node_of: dict[str, str] = {}
    rows = [boxes[i : i + ROW] for i in range(0, len(boxes), ROW)]
    firsts: list[str] = []
    seen_stages: set[str] = set()
    number = 0
    for r, row in enumerate(rows):
        names = [f"n{r}_{i}" for i in range(len(row))]
        firsts.append(names[0])
        for stage_id, group in groupby(zip(names, row), key=lambda pair: pair[1].stage):
            pieces = list(group)
            state = _state(by_stage.get(stage_id, []), "stage")
            border, _, ink = COLOURS[state]
            details = [_detail(c, diff, "stage") for c in by_stage.get(stage_id, []) if c.entity == "stage"] if stage_id not in seen_stages else ["continued"]
            heading = " · ".join(filter(None, [stage_names.get(stage_id, stage_id), *details]))
            seen_stages.add(stage_id)
            with graph.subgraph(name=f"cluster_{number}") as cluster:
                number += 1
                cluster.attr(
                    label=f"<<FONT COLOR=\"{ink}\"><B>{_text(heading, 80)}</B></FONT>>",
                    color=border,
                    style="rounded,dashed" if state == "removed" else "rounded",
                    penwidth="1" if state == "same" else "2",
                    fontname=FONT,
                )
                for name, box in pieces:
                    cluster.node(name, box.label, **_node_attrs(box.state) if box.steps else {"shape": "plaintext", "fontcolor": "#607d8b"})
                    for step_id in box.steps:
                        node_of[step_id] = name
        for tail, head in zip(names, names[1:]):
            graph.edge(tail, head, style="invis", weight="10")  # a row, left to right; every row starts in the first column
    for upper, lower in zip(firsts, firsts[1:]):
        graph.edge(upper, lower, style="invis", constraint="false")  # one row under the other
    ghosts = {node_of[step_id] for step_id in _ghosts(diff) if step_id in node_of}
    for tail, head, branch in _flow(diff, node_of):
        look = {"constraint": "false"}
        if tail in ghosts or head in ghosts:
            look.update(style="dashed", color="#cfd8dc")
        elif branch:
            look.update(color="#5e35b1", penwidth="1.5")
        graph.edge(tail, head, **look)
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(label="<<B>Legend</B>>", color="#cfd8dc", style="rounded", fontname=FONT)
        for i, (state, word) in enumerate(LEGEND):
            legend.node(f"legend{i}", _box(word, state, []), **_node_attrs(state))
        legend.node("legend_branch", "<<FONT COLOR=\"#5e35b1\">→ a <B>next</B> branch, loop or jump</FONT>>", shape="plaintext")
        legend_nodes = [f"legend{i}" for i in range(len(LEGEND))] + ["legend_branch"]
        for tail, head in zip(legend_nodes, legend_nodes[1:]):
            legend.edge(tail, head, style="invis")
    return graph.source


def svg(diff: FileDiff, timeout: float = TIMEOUT) -> bytes:
    """The picture as SVG through ``journey render``'s engine runner and SVG finishing (timeout, no active content).

    Raises ``EngineError`` when there is no engine, and the renderer's
    ``LayoutTimeout`` or ``EngineFailed`` when the drawing does not come out.
    """
    from ..render import picture
    from ..render.parts import Drawing

    journey = diff.new or diff.old
    assert journey is not None
    drawing = Drawing(dot_source(diff), "dot", labels.clean(journey.title), f"Changes from {diff.old_name} to {diff.new_name}: {counts(diff.summary)}")
    return picture(drawing, "svg", find_engine(), timeout)
