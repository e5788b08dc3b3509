"""The rendered maps made fit to sit inside a page: unique ids, steps as links, no XML prolog.

A journey page holds two SVGs (the map and the flow view) in one HTML
document, so every ``id`` is given the view's prefix (``map-…``, ``flow-…``)
and ``aria-labelledby`` follows. Each step's box becomes a link to the step's
details on the same page (``#step-ID``): keyboard users reach every step with
Tab, the script opens the details panel on a click or Enter, and without
JavaScript the link scrolls to the same details below the map. Lane cards keep
their lane in a class (``lane-pains``…) so the lane switches can hide them.

Only ids, classes, ``href`` and ``aria-label`` are added: the picture the
renderer finished (``render.svg``, already free of anything active) is
otherwise left as it is, so the same map gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..render.svg import SVG, XLINK

_G, _A = f"{{{SVG}}}g", f"{{{SVG}}}a"
_TITLE = f"{{{XLINK}}}title"
_STEP_NODES = {"map": ("steps_", "backstage_", "support_"), "flow": ("step_",)}  # a backstage step's card is in its own lane
SWITCHED_LANES = ("emotion", "pains", "opportunities", "metrics", "backstage", "support")
"""The lanes a reader can hide (the steps lane stays: it is how one reaches a step's details)."""
_LANE_OF_PREFIX = {
    **{f"{lane}_": lane for lane in SWITCHED_LANES},
    "evidence_": "emotion", "truth_": "emotion", "guide_": "emotion", "scale_": "emotion", "curve.": "emotion", "exit.": "emotion",
}  # fmt: skip
_LANE_HEAD = re.compile(r"lane_\d+_(\w+)$")


def inline(svg: bytes, view: str, step_names: dict[str, str]) -> str:
    """The SVG of ``view`` (map or flow) as markup for an HTML page; ``step_names`` are the steps that get links."""
    root = ET.fromstring(svg)
    prefix = f"{view}-"
    step_nodes = _STEP_NODES[view]
    for element in root.iter():
        own = element.get("id")
        if own is not None:
            element.set("id", prefix + own)
        if element.tag != _G or own is None or element.get("class") not in ("node", "edge"):
            continue
        step = next((own[len(p) :] for p in step_nodes if own.startswith(p) and own[len(p) :] in step_names), None)
        if step is not None:
            _link(element, step, step_names[step])
        lane = _lane(own) if view == "map" else None
        if lane is not None:
            element.set("class", f"{element.get('class')} lane-{lane}")
    labelled = root.get("aria-labelledby")
    if labelled:
        root.set("aria-labelledby", " ".join(prefix + part for part in labelled.split()))
    root.set("class", f"journey-{view}")
    root.set("focusable", "false")
    return ET.tostring(root, encoding="unicode")


def _lane(node_id: str) -> str | None:
    """The switchable lane a map node belongs to, from the names ``render.map_view`` gives its nodes."""
    head = _LANE_HEAD.match(node_id)
    if head is not None:
        return head.group(1) if head.group(1) in SWITCHED_LANES else None
    return next((lane for prefix, lane in _LANE_OF_PREFIX.items() if node_id.startswith(prefix)), None)


def _link(node: ET.Element, step: str, name: str) -> None:
    """Make the step's box a link to its details (the ``<a>`` Graphviz wrote for the tooltip, else a new one)."""
    anchor = next(node.iter(_A), None)
    if anchor is None:
        anchor = ET.Element(_A)
        for child in list(node):
            node.remove(child)
            anchor.append(child)
        node.append(anchor)
    anchor.attrib.pop(_TITLE, None)  # the details panel says it all; a tooltip would cover the map
    anchor.set("href", f"#step-{step}")
    anchor.set("class", "step-link")
    anchor.set("data-step", step)
    anchor.set("aria-label", f"Step: {name}")
    node.set("class", "node step")
