"""L001 empty-stage: a stage with no steps."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for stage in ctx.journey.stages:
        if not stage.steps:
            yield Finding((*ctx.stage_path[stage.id], "id"), f"the stage `{stage.id}` has no steps", "add the steps customers take here, or remove the stage")


RULE = LintRule(
    code="L001",
    name="empty-stage",
    severity=Severity.WARNING,
    summary="A stage with no steps.",
    why="An empty stage is a placeholder nobody filled in: the map claims to cover a phase it says nothing about.",
    bad="stages:\n  - id: loyalty\n    name: Loyalty\n",
    good="stages:\n  - id: loyalty\n    name: Loyalty\n    steps:\n      - id: reorder\n        name: Reorders\n",
    check=check,
)
