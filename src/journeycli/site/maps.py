"""The rendered maps made fit to sit inside a page: unique ids, steps as links, lanes and steps named, no XML prolog.

A journey page holds two SVGs (the map and the flow view) in one HTML
document, so every ``id`` is given the view's prefix (``map-…``, ``flow-…``)
and ``aria-labelledby`` follows. Each step's box becomes a link to the step's
details on the same page (``#step-ID``): keyboard users reach every step with
Tab, the script opens the details panel on a click or Enter, and without
JavaScript the link scrolls to the same details below the map. The nodes of a
step carry ``data-steps`` (the persona switcher fades the steps a persona does
not take), and lane cards their lane in a class (``lane-pains``…) for the
lane switches.

The SVG is the one ``render.svg`` finished (already free of anything active,
its attributes escaped), so plain substitutions on the names
``render.map_view`` and ``render.flow_view`` give their nodes are enough, and
far cheaper than parsing the picture again: only ids, classes, data
attributes, ``href`` and ``aria-label`` are added, and the same map gives the
same bytes.
"""

from __future__ import annotations

import re
from html import escape

SWITCHED_LANES = ("emotion", "pains", "opportunities", "metrics", "backstage", "support")
"""The lanes a reader can hide (the steps lane stays: it is how one reaches a step's details)."""
_STEP_CARDS = {"map": ("steps_", "backstage_", "support_"), "flow": ("step_",)}  # a backstage step's card is in its own lane
_LANE_OF_PREFIX = {
    **{f"{lane}_": lane for lane in SWITCHED_LANES},
    "evidence_": "emotion", "truth_": "emotion", "guide_": "emotion", "scale_": "emotion", "curve.": "emotion", "exit.": "emotion",
}  # fmt: skip
_STEP_PARTS = ("steps_", "backstage_", "support_", "pains_", "opportunities_", "metrics_", "emotion_", "evidence_", "truth_", "step_")
_LANE_HEAD = re.compile(r"lane_\d+_(\w+)$")
_PROLOG = re.compile(r"^<\?xml[^>]*\?>\s*")
_GROUP = re.compile(r'<g id="([^"]*)" class="(node|edge)">')
_ID = re.compile(r' id="([^"]*)"')
_LABELLED = re.compile(r'aria-labelledby="([^"]*)"')


def inline(svg: bytes, view: str, step_names: dict[str, str]) -> str:
    """The SVG of ``view`` (map or flow) as markup for an HTML page; ``step_names`` are the steps that get links."""
    text = _PROLOG.sub("", svg.decode("utf-8"), count=1)
    prefix = f"{view}-"
    text = _GROUP.sub(lambda m: _group(m.group(1), m.group(2), view, step_names), text)
    text = _linked(text, view, step_names)
    text = _ID.sub(lambda m: f' id="{prefix}{m.group(1)}"', text)
    text = _LABELLED.sub(lambda m: 'aria-labelledby="' + " ".join(prefix + part for part in m.group(1).split()) + '"', text, count=1)
    return text.replace("<svg ", f'<svg class="journey-{view}" focusable="false" ', 1).rstrip("\n")


def _group(node_id: str, kind: str, view: str, step_names: dict[str, str]) -> str:
    classes = [kind]
    if any(node_id.startswith(p) and node_id[len(p) :] in step_names for p in _STEP_CARDS[view]):
        classes.append("step")
    lane = _lane(node_id) if view == "map" else None
    if lane is not None:
        classes.append(f"lane-{lane}")
    steps = _steps_of(node_id, step_names)
    data = f' data-steps="{" ".join(steps)}"' if steps else ""
    return f'<g id="{node_id}" class="{" ".join(classes)}"{data}>'


def _steps_of(node_id: str, step_names: dict[str, str]) -> list[str]:
    """The steps a node is part of: a step's card or point, or the curve between two steps."""
    if node_id.startswith(("curve.", "exit.")):
        return [part for part in node_id.split(".")[1:3] if part in step_names]
    for part in _STEP_PARTS:
        if node_id.startswith(part) and node_id[len(part) :] in step_names:
            return [node_id[len(part) :]]
    return []


def _linked(text: str, view: str, step_names: dict[str, str]) -> str:
    """Each step card's tooltip link (Graphviz's ``<a xlink:title>``) made a link to the step's details."""
    cards = "|".join(re.escape(card) for card in _STEP_CARDS[view])
    pattern = re.compile(rf'(<g id="a_(?:{cards})([^"]+)">\s*)<a xlink:title="[^"]*">')

    def link(match: re.Match[str]) -> str:
        step = match.group(2)
        if step not in step_names:
            return match.group(0)
        return f'{match.group(1)}<a href="#step-{step}" class="step-link" data-step="{step}" aria-label="Step: {escape(step_names[step], quote=True)}">'

    return pattern.sub(link, text)


def _lane(node_id: str) -> str | None:
    """The switchable lane a map node belongs to, from the names ``render.map_view`` gives its nodes."""
    head = _LANE_HEAD.match(node_id)
    if head is not None:
        return head.group(1) if head.group(1) in SWITCHED_LANES else None
    return next((lane for prefix, lane in _LANE_OF_PREFIX.items() if node_id.startswith(prefix)), None)
