"""L005 unused-definition: a persona, channel or source nothing refers to; in a library, also a team."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Severity
from .base import Context, Finding, LintRule, Placed

if TYPE_CHECKING:
    from ..portfolio.links import Portfolio


def check(ctx: Context) -> Iterator[Finding]:
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
        from_libraries = ctx.library_ids.get(key, ())
        for n, item in enumerate(getattr(journey, key) or ()):
            if item.id not in used[key] and item.id not in from_libraries:
                yield Finding((key, n, "id"), f"the {what} `{item.id}` is defined but no step refers to it", "refer to it from a step, or remove it")


WORDS = {"personas": "persona", "channels": "channel", "sources": "source", "teams": "team"}


def across(portfolio: Portfolio) -> Iterator[Placed]:
    for real, library in portfolio.libraries():
        users = len(portfolio.users[real])
        for kind, what in WORDS.items():
            for value in portfolio.unused(real, kind):
                entry = library.entries[kind][value]
                yield Placed(
                    library.file,
                    entry.position,
                    f"the {what} `{value}` of this library is used by none of the {users} journey{'s' if users != 1 else ''} that use the library",
                    "refer to it from a journey, or remove it",
                )


RULE = LintRule(
    code="L005",
    name="unused-definition",
    severity=Severity.INFO,
    summary="A persona, channel or source nothing refers to; for a library's entries (teams too), no journey that uses it.",
    why="Unused definitions are often leftovers of an edit, or evidence that was gathered but never connected to the "
    "moments it explains.",
    bad="channels:\n  - id: fax\n    name: Fax\n",
    good="channels:\n  - id: web\n    name: Web\n"
    "stages:\n  - id: buy\n    name: Buy\n    steps:\n      - id: pay\n        name: Pays\n        channel: web\n",
    details=(
        'A step without `personas` is taken by every persona, so personas count as used as soon as one step '
        "leaves `personas` out. A journey's own declarations are judged in the journey; a library's entries "
        'are judged over every journey of the run that uses the library (so only when lint is given several '
        "journeys or a folder), and reported at the library's line."
    ),
    check=check,
    across=across,
)
