"""Finishing the SVG that Graphviz wrote: accessible, grouped by stage, and inert.

What changes, and why:

- ``<title>`` and ``<desc>`` with the journey's title and a summary become the
  first children of ``<svg>`` (with ``role="img"``), which is what screen
  readers announce. Graphviz only puts the graph's DOT name there.
- The elements of each stage are wrapped in ``<g class="stage"
  id="stage-ID">``, so a stage can be styled, hidden or counted. The views
  declare a stage's nodes one after another and no two stages overlap, so the
  regrouping does not change what is drawn on top of what.
- The ``<title>`` Graphviz gives every node and edge is its internal DOT
  name (``steps_pay``); browsers show it on hover, so it is removed. Tooltips
  we set stay (``xlink:title`` on ``<a>``).
- Text is set in our font and then its metric twins (``fonts.FONT_STACK``).
- Nothing active or external survives: no ``<script>``, ``<foreignObject>``,
  ``<image>``, event-handler attributes, or links that leave the document.
  User text can only ever be text (see ``labels``); this is the belt to those
  braces. Comments and the DOCTYPE (which names an external DTD) go too.

The result is serialised by ``xml.etree`` in document order, so the same
Graphviz output always gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .fonts import FONT, FONT_STACK
from .parts import Drawing

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

_ACTIVE = {"script", "foreignObject", "image", "iframe", "object", "embed", "use", "animate", "set", "handler", "listener"}
_HREFS = {"href", f"{{{XLINK}}}href"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scrub(element: ET.Element) -> None:
    """Remove active content and external references below ``element``."""
    for child in list(element):
        if _local(child.tag) in _ACTIVE:
            element.remove(child)
        else:
            _scrub(child)
    for name in list(element.attrib):
        local = _local(name)
        if local.lower().startswith("on") or name in _HREFS and not element.attrib[name].startswith("#") or local == "style" and "url(" in element.attrib[name] and "url(#" not in element.attrib[name]:
            del element.attrib[name]


def _group_stages(graph: ET.Element, drawing: Drawing) -> None:
    """Wrap each stage's nodes (and cluster) into one ``<g class="stage">``, in place."""
    children = list(graph)
    stage_groups: dict[str, ET.Element] = {}
    rebuilt: list[ET.Element] = []
    for child in children:
        owner = drawing.stage_groups.get(child.get("id", ""))
        if owner is None:
            rebuilt.append(child)
            continue
        stage_id, stage_name = owner
        group = stage_groups.get(stage_id)
        if group is None:
            group = ET.Element(f"{{{SVG}}}g", {"id": f"stage-{stage_id}", "class": "stage"})
            label = ET.SubElement(group, f"{{{SVG}}}title")
            label.text = stage_name
            stage_groups[stage_id] = group
            rebuilt.append(group)
        group.append(child)
    for child in children:
        graph.remove(child)
    graph.extend(rebuilt)


def _font_stack(root: ET.Element) -> None:
    """Our font by name, then its metric twins, so every browser sets the widths we measured (see ``fonts``)."""
    for element in root.iter():
        if element.get("font-family", "").startswith(FONT):
            element.set("font-family", FONT_STACK)


def _drop_internal_titles(graph: ET.Element) -> None:
    for element in graph.iter(f"{{{SVG}}}g"):
        if element.get("class") in ("node", "edge", "cluster"):
            for title in element.findall(f"{{{SVG}}}title"):
                element.remove(title)


def finish(svg: bytes, drawing: Drawing) -> bytes:
    """The engine's SVG made accessible, grouped by stage and free of active content."""
    root = ET.fromstring(svg)
    _scrub(root)
    _font_stack(root)
    graph = root.find(f"{{{SVG}}}g")
    if graph is not None:
        for title in graph.findall(f"{{{SVG}}}title"):
            title.text = drawing.title
        _group_stages(graph, drawing)
        _drop_internal_titles(graph)
    title = ET.Element(f"{{{SVG}}}title", {"id": "journey-title"})
    title.text = drawing.title
    desc = ET.Element(f"{{{SVG}}}desc", {"id": "journey-desc"})
    desc.text = drawing.description
    root.insert(0, desc)
    root.insert(0, title)
    root.set("role", "img")
    root.set("aria-labelledby", "journey-title journey-desc")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode("utf-8")
