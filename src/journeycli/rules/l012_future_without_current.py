"""L012 future-without-current: a future-state journey that names no current state to compare with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import LintRule, Placed

if TYPE_CHECKING:
    from ..portfolio.links import Portfolio


def across(portfolio: Portfolio) -> Iterator[Placed]:
    for d in portfolio.digests:
        if d.state != "future":
            continue
        if d.future_of is None:
            yield Placed(d.file, d.state_pos, f"the future-state journey `{d.id}` names no current state", "add `future_of: <id of the current-state journey>`")
            continue
        target = portfolio.by_id.get(d.future_of)
        if target is not None and target is not d and target.state == "future":  # a journey naming itself is E008
            yield Placed(
                d.file, d.future_of_pos, f"`future_of` names `{d.future_of}`, which is itself a future state", "name the current-state journey this one redesigns"
            )


RULE = LintRule(
    code="L012",
    name="future-without-current",
    severity=Severity.WARNING,
    summary="A `state: future` journey without `future_of`, or whose `future_of` is itself a future state.",
    why="A future-state map is read against today's journey: what changes, which pain points go away. Without "
    "its current state nobody can tell what the redesign improves.",
    bad="id: checkout-2027\nstate: future\n",
    good="id: checkout-2027\nstate: future\nfuture_of: checkout\n",
    details=(
        'Judged when lint is given several journeys or a folder. A `state: future` map without `future_of`, '
        'or whose `future_of` journey is itself a future state, is reported. (A `future_of` naming a journey '
        'no file declares is E005.)'
    ),
    across=across,
)
