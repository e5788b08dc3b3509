"""L010 bad-suppression: an `x-journey-ignore` entry that is malformed, names no lint rule, or silences nothing."""

from __future__ import annotations

from ..diagnostics import Severity
from .base import LintRule

RULE = LintRule(
    code="L010",
    name="bad-suppression",
    severity=Severity.WARNING,
    summary="An `x-journey-ignore` entry that names no lint rule, gives no reason, or silences nothing.",
    why="Suppressions outlive the problems they hid. One that no longer silences anything, or never could, "
    "misleads the next reader into thinking a problem is known and accepted.",
    bad="x-journey-ignore:\n  - rule: L003\n",
    good="x-journey-ignore:\n  - rule: L003\n    reason: Owned jointly by the service-design guild\n",
    details='Emitted by the lint engine itself (see ``journeycli.lint``), not by a check.',
)
