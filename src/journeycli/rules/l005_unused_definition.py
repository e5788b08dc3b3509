"""L005 unused-definition: a persona, channel or source nothing refers to.

A step without `personas` is taken by every persona, so personas count as
used as soon as one step leaves `personas` out.
"""

from __future__ import annotations

from ..diagnostics import Severity
from .base import Finding, LintRule


def check(ctx):
    journey = ctx.journey
    steps = [step for _, step in journey.steps()]
    used = {
        "personas": set().union(*(step.personas or () for step in steps)),
        "channels": {step.channel for step in steps if step.channel},
        "sources": set().union(*(step.sources for step in steps), *(pain.sources for step in steps for pain in step.pain_points)),
    }
    every_persona = any(step.personas is None for step in steps)
    for key, what in (("personas", "persona"), ("channels", "channel"), ("sources", "source")):
        if key == "personas" and every_persona:
            continue
        for n, item in enumerate(getattr(journey, key) or ()):
            if item.id not in used[key]:
                yield Finding((key, n, "id"), f"the {what} `{item.id}` is defined but no step refers to it", "refer to it from a step, or remove it")


RULE = LintRule(
    code="L005",
    name="unused-definition",
    severity=Severity.INFO,
    summary="A persona, channel or source nothing refers to.",
    why="Unused definitions are often leftovers of an edit, or evidence that was gathered but never connected to the "
    "moments it explains.",
    bad="channels:\n  - id: fax\n    name: Fax\n",
    good="channels:\n  - id: web\n    name: Web\n"
    "stages:\n  - id: buy\n    name: Buy\n    steps:\n      - id: pay\n        name: Pays\n        channel: web\n",
    check=check,
)
