"""What the pictures say about reach and drop-off: the model of ``funnel.dropoff`` (docs/funnel.md) in words and widths.

Both views use it: the map's step cards carry each step's reach and how many
leave there, the flow view draws each way as wide as the customers on it and
labels it with their number. Nothing is estimated: a number the model cannot
compute is drawn as "unknown" (thin, dashed where it is a way), never
guessed. A journey without any reach draws as before.
"""

from __future__ import annotations

from ..flow import Resolved
from ..funnel import cells
from ..funnel.dropoff import DropOff, StepFlow, Way

UNKNOWN = "unknown"
THINNEST, WIDEST = 1.3, 12.0
"""Pen widths of a way: the thinnest for no customers (or an unknown number), the widest for every entrant."""


def model(resolved: Resolved) -> DropOff | None:
    """The drop-off model, when any step has a reach for this view; else None."""
    from ..funnel import dropoff, reach

    if not any(reach.value(resolved.steps[s], resolved.persona) is not None for s in resolved.order):
        return None
    return dropoff.compute(resolved)


def _count(value: float, flows: DropOff) -> str:
    return f"{round(value):,}" if flows.counts else cells.percent(value)


def step_lines(flows: DropOff, step_id: str) -> list[str]:
    """``Reach: 58,000 (27%)`` (of the entrants) and ``Leave here: 12,000 (21%)``, or "unknown" where the file does not say."""
    flow = flows.steps[step_id]
    if flow.reach is None:
        return [f"Reach: {UNKNOWN}"]
    share = cells.share_of(flow.reach, flows)
    reach = f"{round(flow.reach):,} ({cells.percent(share or 0)})" if flows.counts else f"{cells.percent(flow.reach)} of entrants"
    return [f"Reach: {reach}", *([leave] if (leave := _leave(flow, flows)) else [])]


def _leave(flow: StepFlow, flows: DropOff) -> str | None:
    if flow.ends is not None:
        return None  # an exit: the journey ends here for everyone, as its EXIT mark says
    if flow.lost is None:
        return f"Leave here: {UNKNOWN}"
    if flow.lost <= 0:
        return "Leave here: none"
    return f"Leave here: {_count(flow.lost, flows)} ({cells.percent(flow.lost / flow.reach) if flow.reach else '—'})"


def way_of(flows: DropOff, tail: str, head: str) -> Way | None:
    return next((w for w in flows.steps[tail].ways if w.to == head), None)


def width(flows: DropOff, way: Way) -> float:
    """A way's pen width: in proportion to its share of the entrants, from THINNEST to WIDEST."""
    share = cells.share_of(way.customers, flows)
    return THINNEST if share is None else round(THINNEST + (WIDEST - THINNEST) * min(1.0, max(0.0, share)), 2)


def way_label(flows: DropOff, way: Way) -> str:
    """The number on a way: its customers, or "unknown"; a loop carries none (its customers are counted where it leads)."""
    if way.loop:
        return ""
    return UNKNOWN if way.customers is None else _count(way.customers, flows)
