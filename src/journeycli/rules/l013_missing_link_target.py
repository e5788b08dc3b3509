"""L013 missing-link-target: a `part_of` link to a stage or step the other journey does not have."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import LintRule, Placed

if TYPE_CHECKING:
    from ..portfolio.links import Portfolio


def across(portfolio: Portfolio) -> Iterator[Placed]:
    for d in portfolio.digests:
        link = d.part_of
        target = portfolio.by_id.get(link.journey) if link is not None else None
        if target is None:
            continue
        for what, value, pos, known in (("stage", link.stage, link.stage_pos, target.stages), ("step", link.step, link.step_pos, target.steps)):
            if value is not None and value not in known:
                yield Placed(d.file, pos, f"the journey `{target.id}` ({target.file}) has no {what} `{value}`", f"name one of its {what}s, or fix the link")


RULE = LintRule(
    code="L013",
    name="missing-link-target",
    severity=Severity.WARNING,
    summary="A `part_of` link naming a stage or step that the linked journey does not have.",
    why="`part_of` places a detailed map inside a bigger one. When the step it names was renamed or removed, "
    "the detailed map floats free and the portfolio report puts it in the wrong place.",
    bad="part_of: {journey: onboarding, step: verify-id}   # onboarding's step is verify-identity\n",
    good="part_of: {journey: onboarding, step: verify-identity}\n",
    details=(
        'Judged when lint is given several journeys or a folder, and only when the linked journey is among '
        'them (an unknown journey is E005).'
    ),
    across=across,
)
