"""``journey diff --render out.svg``: the new map as a flow, with what changed marked, and a legend.

Stages are clusters in journey order and steps are boxes chained in document
order. Added items are green, changed ones orange with what changed listed
in the box, moved ones blue with where they came from, and removed ones stay
where they were as grey dashed ghosts. Deliberately modest: the full poster
is ``journey render``; this picture answers "where in the map did it change?".

Built on ``journey render``'s pieces: every user string goes through
``render.labels`` (cleaned, HTML-escaped, backslashes doubled) into HTML-like
labels we build, no user text reaches an attribute, and node names are
generated, never ids; the engine runs with a timeout and the SVG is finished
(title, description, active content removed) by ``render.picture``. The only
edges are the chain of steps, because cross edges between clusters make
Graphviz layouts explode.
"""

from __future__ import annotations

from collections import defaultdict

import graphviz

from ..engines import find_engine
from ..render import labels
from .changes import Change, FileDiff
from .compare import interleave
from .wording import ENTITY_WORDS, SYMBOL, counts, moved_from, shorten, show, trend

TIMEOUT = 60
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
        if change.op == "changed":
            arrow = trend(change.old, change.new) if change.field == "emotion" else ""
            return f"{SYMBOL['changed']} {change.field}: {show(change.old, 20)} → {show(change.new, 20)} {arrow}".rstrip()
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


def dot_source(diff: FileDiff) -> str:
    """The DOT text of the picture (no engine needed; tests read it)."""
    old, new = diff.old, diff.new
    by_step: dict[str, list[Change]] = defaultdict(list)
    by_stage: dict[str, list[Change]] = defaultdict(list)
    for change in diff.changes:
        if change.step:
            by_step[change.step].append(change)
        elif change.stage:
            by_stage[change.stage].append(change)
    graph = graphviz.Digraph("diff", graph_attr={"rankdir": "LR", "fontname": FONT, "labelloc": "t", "nodesep": "0.25", "ranksep": "0.35", "newrank": "true"})
    graph.attr("node", fontname=FONT, fontsize="11", margin="0.12,0.06")
    graph.attr("edge", color="#78909c", arrowsize="0.6")
    title = (new or old).title  # type: ignore[union-attr]
    graph.attr(label=f"<<B>{_text(title, 80)}</B><BR/><FONT POINT-SIZE=\"10\">{_text(f'{diff.old_name} → {diff.new_name}', 120)}</FONT>>")
    old_stages = {stage.id: stage for stage in (old.stages if old else ())}
    new_stages = {stage.id: stage for stage in (new.stages if new else ())}
    kept_steps = {step.id for _, step in new.steps()} if new else set()
    chain: list[tuple[str, str]] = []  # (node name, state) in drawing order
    for number, stage_id in enumerate(interleave(list(new_stages), list(old_stages), new_stages)):
        stage = new_stages.get(stage_id) or old_stages[stage_id]
        state = _state(by_stage.get(stage_id, []), "stage")
        border, _, ink = COLOURS[state]
        details = [_detail(c, diff, "stage") for c in by_stage.get(stage_id, []) if c.entity == "stage"]
        heading = " · ".join(filter(None, [stage.name, *details]))
        with graph.subgraph(name=f"cluster_{number}") as cluster:
            cluster.attr(label=f"<<FONT COLOR=\"{ink}\"><B>{_text(heading, 80)}</B></FONT>>", color=border, style="rounded,dashed" if state == "removed" else "rounded", penwidth="1" if state == "same" else "2", fontname=FONT)
            old_ids = [step.id for step in old_stages[stage_id].steps] if stage_id in old_stages else []
            new_ids = [step.id for step in new_stages[stage_id].steps] if stage_id in new_stages else []
            names = {step.id: step.name for step in (*(old_stages[stage_id].steps if stage_id in old_stages else ()), *(new_stages[stage_id].steps if stage_id in new_stages else ()))}
            for step_id in interleave(new_ids, old_ids, kept_steps):
                changes = by_step.get(step_id, [])
                step_state = _state(changes, "step")
                lines = [line for line in (_detail(c, diff, "step") for c in changes) if line]
                node = f"n{len(chain)}"
                cluster.node(node, _box(names[step_id], step_state, lines), **_node_attrs(step_state))
                chain.append((node, step_state))
            if not old_ids and not new_ids:
                cluster.node(f"empty{number}", "<<I>no steps</I>>", shape="plaintext", fontcolor="#90a4ae")
    for (tail, tail_state), (head, head_state) in zip(chain, chain[1:]):
        ghost = "removed" in (tail_state, head_state)
        graph.edge(tail, head, **({"style": "dashed", "color": "#cfd8dc"} if ghost else {}))
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(label="<<B>Legend</B>>", color="#cfd8dc", style="rounded", fontname=FONT)
        for i, (state, word) in enumerate(LEGEND):
            legend.node(f"legend{i}", _box(word, state, []), **_node_attrs(state))
        for i in range(len(LEGEND) - 1):
            legend.edge(f"legend{i}", f"legend{i + 1}", style="invis")
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
