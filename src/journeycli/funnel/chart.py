"""The funnel chart: one bar per main-path step, as wide as its reach, with the drop beside it.

Drawn as a pinned Graphviz layout (positions are ours) through the same
engine, time limit and SVG clean-up as `journey render`, so SVG and PNG look
the same and user text is escaped the same way.
"""

from __future__ import annotations

from ..render.labels import text_width
from ..render.parts import Drawing, text
from .cells import basis, percent, short
from .report import Funnel

POINTS = 72.0
WIDEST = 6.0  # inches: the bar of the whole entrant population
ROW = 0.62  # inches between bars
BAR_HEIGHT = 0.42


def _inches(words: str, size: float, bold: bool = False) -> float:
    return text_width(words, size, bold) / POINTS


def dot(f: Funnel) -> Drawing:
    journey = f.resolved.journey
    persona = f" · persona {f.resolved.persona}" if f.resolved.persona else ""
    title = f"{journey.title} — funnel{persona}"
    lines = [
        "digraph funnel {",
        '  graph [bgcolor="#ffffff", pad="0.3", splines=false, outputorder=edgesfirst];',
        '  node [shape=box, style=filled, fontname="Liberation Sans", penwidth=0, margin="0.04,0.02"];',
    ]

    def node(name: str, x: float, y: float, label: str, **attrs: str) -> None:
        extra = "".join(f', {k}="{v}"' for k, v in attrs.items())
        lines.append(f'  {name} [pos="{x * POINTS:.1f},{y * POINTS:.1f}!", label=<{label}>{extra}];')

    top = (len(f.path) + 1) * ROW
    node("title", 0, top + 0.15, text(title, 14, "#1f2933", bold=True), shape="plaintext", style="")
    node("basis", 0, top - 0.2, text(f"Main path, {basis(f)}", 10, "#52606d"), shape="plaintext", style="")
    for n, p in enumerate(f.path):
        y = top - (n + 1) * ROW - 0.2
        share = None if p.reach is None or not f.model.total else min(p.reach / f.model.total, 1.0)
        width = max(WIDEST * share, 0.08) if share is not None else WIDEST
        fill = "#3d7ea6" if share is not None else "#e4e7eb"
        node(
            f"bar{n}",
            0,
            y,
            text(" ", 8, "#ffffff"),
            width=f"{width:.3f}",
            height=f"{BAR_HEIGHT}",
            fixedsize="true",
            fillcolor=fill,
            tooltip=f"{p.step.id}",
        )
        reach = short(p.reach, f.model) if p.reach is not None else "no reach"
        node(
            f"name{n}",
            -(WIDEST / 2 + 0.2) - _inches(p.step.name, 10) / 2,
            y,
            text(p.step.name, 10, "#1f2933"),
            shape="plaintext",
            style="",
            width="0",
        )
        drop = ""
        if p.drop is not None and p.drop > 0:
            drop = f"   −{short(p.drop, f.model)} ({percent(p.drop_share or 0)})"
        node(f"value{n}", WIDEST / 2 + 0.2 + _inches(reach + drop, 10, True) / 2, y, text(reach, 10, "#1f2933", bold=True) + (text(drop, 10, "#c0392b") if drop else ""), shape="plaintext", style="")
    lines.append("}")
    description = "; ".join(f"{p.step.name}: {short(p.reach, f.model)}" for p in f.path)
    return Drawing("\n".join(lines) + "\n", "neato", title, description)
