"""`journey pains --weight-by-drop-off`: a pain point's score weighted by the customers lost at its step.

The customers lost at a step are the funnel's drop there (``funnel.report``,
docs/funnel.md 6–7): on the main path from the first step to the end, the
reach of the step minus the reach of the next main-path step, when every way
to that next step passes this one. It is the number `journey funnel` lists
under "Largest drops", so both commands rank the same steps first.

    weighted score = score × lost, with lost the percentage of the journey's entrants (0 … 100)

A step off the main path, the path's last step, or a drop the reach does not
support has no number: the pain point keeps its score, has no weighted
score, says why, and ranks after every pain point that has one. Nothing is
estimated.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..flow import Resolved

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Lost:
    """The customers lost at one step: a count or share of entrants, or why it is not known."""

    customers: float | None  # as the file counts reach: customers when it declares `entrants`, else a share
    share: Decimal | None  # of the journey's entrants, 0 … 1
    reason: str | None  # why ``share`` is unknown
    counts: bool = False  # ``customers`` is a count (the journey declares `entrants`)

    @property
    def percent(self) -> Decimal | None:
        return None if self.share is None else self.share * HUNDRED

    @property
    def shown_share(self) -> Decimal | None:
        """The share as the formats write it: four decimals (a hundredth of a percent), rounded half-up."""
        return None if self.share is None else self.share.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def lost_by_step(resolved: Resolved) -> dict[str, Lost]:
    """The customers lost at every step of the view; steps off the funnel's main path say so."""
    from ..funnel.report import build

    funnel = build(resolved)
    total = _decimal(funnel.model.total)
    found: dict[str, Lost] = {}
    for n, p in enumerate(funnel.path):
        if n + 1 == len(funnel.path):
            found[p.step.id] = Lost(None, None, "the funnel's main path ends here")
        elif p.drop is None:
            found[p.step.id] = Lost(None, None, p.reason)
        else:
            found[p.step.id] = Lost(p.drop, _decimal(p.drop) / total, None, funnel.model.counts)
    if not funnel.measured:
        reason = "the journey gives no reach (docs/funnel.md)"
        return {s: Lost(None, None, reason) for s in resolved.order}
    off_path = "the step is not on the funnel's main path (see journey funnel)"
    return {s: found.get(s, Lost(None, None, off_path)) for s in resolved.order}
