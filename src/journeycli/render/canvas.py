"""A page of pinned nodes: placed top-down at scale 1, written as DOT at the page's scale.

Graphviz's y axis points up, so y is flipped on the way out; every position
and size is multiplied by the scale then, and cards build their markup at
that scale, so the SVG holds the sizes a reader sees (no transform).
"""

from __future__ import annotations

from .cards import Card, _n
from .theme import FONT, Theme


class Canvas:
    def __init__(self, name: str, theme: Theme, scale: float, width: float, height: float) -> None:
        self.name = name
        self.theme = theme
        self.scale = scale
        self.width = width  # at scale 1
        self.height = height
        self.nodes: list[tuple[str, float, float, dict[str, str]]] = []
        self.edges: list[tuple[str, str, dict[str, str]]] = []

    def inches(self, points: float) -> str:
        return _n(points * self.scale / 72)

    def size(self, points: float) -> str:
        return _n(points * self.scale)

    def node(self, name: str, x: float, y: float, **attrs: str) -> None:
        self.nodes.append((name, x, y, attrs))

    def box(self, name: str, left: float, top: float, width: float, height: float, fill: str, border: str | None = None, **attrs: str) -> None:
        self.node(
            name, left + width / 2, top + height / 2,
            shape="box", style="filled", fixedsize="true", fillcolor=fill, color=border or fill, penwidth=self.size(1) if border else "0",
            width=self.inches(width), height=self.inches(height), label="", **attrs,
        )  # fmt: skip

    def point(self, name: str, x: float, y: float) -> None:
        """An invisible anchor for a line's end or bend."""
        self.node(name, x, y, shape="point", width="0.01", style="invis", label="")

    def card(self, name: str, x: float, top: float, width: float, height: float, card: Card, fill: str, border: str) -> None:
        from . import labels

        attrs = {"label": card.markup(self.scale, width * self.scale, height * self.scale, fill, border)}
        if card.tooltip:
            attrs["tooltip"] = labels.tooltip(card.tooltip)
        self.node(name, x, top + height / 2, **attrs)

    def label(self, name: str, x: float, y: float, markup: str, width: float, height: float, align: str = "left") -> None:
        """A fixed box of our own markup (already scaled), ``x`` at its left edge for left-aligned text."""
        centre = x + width / 2 if align == "left" else x - width / 2 if align == "right" else x
        self.node(
            name, centre, y,
            label=(
                f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" width="{round(width * self.scale)}" '
                f'height="{round(height * self.scale)}" fixedsize="true"><tr><td align="{align}">{markup}</td></tr></table>>'
            ),
        )  # fmt: skip

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self.edges.append((tail, head, attrs))

    def source(self, comment: str) -> str:
        import graphviz  # imported here so that `journey --help` never pays for it

        t = self.theme
        graph = graphviz.Digraph(self.name, comment=comment)
        graph.attr("graph", layout="neato", splines="line", outputorder="nodesfirst", bgcolor=t.background, pad="0", fontname=FONT)
        graph.attr("node", shape="plain", fontname=FONT, fontcolor=t.text, margin="0")
        graph.attr("edge", dir="none", arrowhead="none")
        s = self.scale
        for name, x, y, attrs in self.nodes:
            graph.node(name, id=name, pos=f"{_n(x * s)},{_n((self.height - y) * s)}!", **attrs)
        for tail, head, attrs in self.edges:
            graph.edge(tail, head, **attrs)
        return graph.source
