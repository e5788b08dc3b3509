"""L007 duplicate-name: two stages, or two steps in one stage, with the same name (ignoring case and spaces)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from .base import Context, Finding, LintRule


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def check(ctx: Context) -> Iterator[Finding]:
    seen_stages: dict[str, str] = {}
    for stage in ctx.journey.stages:
        first = seen_stages.setdefault(_key(stage.name), stage.id)
        if first != stage.id:
            yield Finding((*ctx.stage_path[stage.id], "name"), f"the stages `{first}` and `{stage.id}` are both named “{stage.name}”", "give each stage a distinct name")
        seen_steps: dict[str, str] = {}
        for step in stage.steps:
            first = seen_steps.setdefault(_key(step.name), step.id)
            if first != step.id:
                yield Finding(
                    (*ctx.step_path[step.id], "name"),
                    f"the steps `{first}` and `{step.id}` in stage `{stage.id}` are both named “{step.name}”",
                    "give each step a distinct name, or merge them",
                )


RULE = LintRule(
    code="L007",
    name="duplicate-name",
    severity=Severity.WARNING,
    summary="Two stages, or two steps in one stage, with the same name.",
    why="Readers of the rendered map see names, not ids: two boxes with the same name look like a copy-paste mistake.",
    bad="- id: pay\n  name: Pays\n- id: pay-again\n  name: Pays\n",
    good="- id: pay\n  name: Pays\n- id: pay-again\n  name: Pays after a failed attempt\n",
    check=check,
)
