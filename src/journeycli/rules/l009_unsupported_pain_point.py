"""L009 unsupported-pain-point: a pain point with no `sources`."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def check(ctx: Context) -> Iterator[Finding]:
    for _, step, pain in ctx.resolved.pain_points():
        if not pain.sources:
            yield Finding((*ctx.pain_path(step, pain.id), "id"), f"the pain point `{pain.id}` cites no research `sources`", "add the survey, interview or data that shows it")


RULE = LintRule(
    code="L009",
    name="unsupported-pain-point",
    severity=Severity.INFO,
    summary="A pain point with no `sources`.",
    why="A pain point without evidence is an opinion; evidence is what gets a fix prioritised.",
    bad="pain_points:\n  - id: slow-3ds\n    description: Card check takes long.\n",
    good="pain_points:\n  - id: slow-3ds\n    description: Card check takes long.\n    sources: [survey]\n",
    check=check,
)
