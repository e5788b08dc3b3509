"""What the commands do between parsing options and printing: kept out of `cli` so it stays thin."""

from __future__ import annotations

import sys

from .diagnostics import Severity
from .inputs import UsageError, discover
from .reporters import FORMATS, Report, default_format
from .runner import FileCheck, check_all


def exit_code(report: Report, fail_on: str) -> int:
    threshold = Severity.parse(fail_on)
    return 1 if any(d.severity >= threshold for d in report.diagnostics) else 0


def run_checks(paths: list[str] | None, check: FileCheck, format: object | None, fail_on: str, globs: tuple[str, ...] | None = None) -> int:
    """Check every journey file under ``paths`` and report; returns the exit code."""
    from . import reporters

    name = getattr(format, "value", format) or default_format()
    if name not in FORMATS:
        raise UsageError(f"unknown format `{name}`")
    inputs = discover(paths or ["."], *(() if globs is None else (globs,)))
    if not inputs:
        raise UsageError(f"no journey files (*.journey.yaml, *.journey.yml) found in {', '.join(paths or ['.'])}")
    diagnostics = [d for found in check_all(inputs, check) for d in found]
    report = Report([item.name for item in inputs], diagnostics)
    reporters.get(name)(report, sys.stdout)
    return exit_code(report, fail_on)
