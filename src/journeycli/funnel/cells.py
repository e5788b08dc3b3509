"""What every `journey funnel` format writes the same way: numbers, shares, where customers go.

Counts of customers are whole numbers with thousands separators, shares are
percentages with at most one decimal.
"""

from __future__ import annotations

from .dropoff import DropOff, StepFlow
from .report import Funnel, PathStep

BAR = 30  # characters of the widest bar
UNKNOWN = "unknown"


def percent(share: float) -> str:
    text = f"{share * 100:.1f}".removesuffix(".0")
    return f"{text}%"


def amount(value: float, model: DropOff) -> str:
    """``1,234 customers`` when the journey counts, else ``62% of entrants``."""
    if model.counts:
        return f"{round(value):,} customer{'' if round(value) == 1 else 's'}"
    return f"{percent(value)} of entrants"


def short(value: float | None, model: DropOff) -> str:
    """A table cell: ``1,234`` or ``62%``."""
    if value is None:
        return "—"
    return f"{round(value):,}" if model.counts else percent(value)


def share_of(value: float | None, model: DropOff) -> float | None:
    return None if value is None or not model.total else value / model.total


def goes(flow: StepFlow, model: DropOff, skip: str | None = None) -> list[str]:
    """Where the customers at a step go, in words, leaving out the main path's next step."""
    out = []
    for way in flow.ways:
        if way.to == skip:
            continue
        if way.loop:
            out.append(f"some go back to {way.to}")
        else:
            out.append(f"{short(way.customers, model) if way.customers is not None else 'an unknown number'} to {way.to}")
    if flow.lost is not None and flow.lost > 0:
        out.append(f"{short(flow.lost, model)} leave the journey")
    elif flow.lost is None and flow.reason and flow.reach is not None:
        out.append(f"how many leave is unknown: {flow.reason}")
    return out


def title(f: Funnel, file: str) -> str:
    persona = f" · persona {f.resolved.persona}" if f.resolved.persona else ""
    return f"{f.resolved.journey.title} ({f.resolved.journey.id}){persona} — {file}"


def basis(f: Funnel) -> str:
    journey = f.resolved.journey
    if journey.entrants is not None:
        return f"reach as counts of {journey.entrants:,} entrants"
    return "reach as shares of the entrants"


def drop_words(p: PathStep, f: Funnel) -> str:
    if p.drop is None:
        return f"{p.step.id} → {p.after}: drop {UNKNOWN} ({p.reason})"
    return f"{p.step.id} → {p.after}: {amount(p.drop, f.model)} do not go on ({percent(p.drop_share or 0)} of {short(p.reach, f.model)})"
