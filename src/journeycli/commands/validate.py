"""`journey validate`, and the check-and-report loop it shares with `journey lint`."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..diagnostics import Severity
from ..reporters import Report, default_format
from ..runner import FileCheck, check_all
from ..usage import NoJourneyFiles
from .journeys import find

REPORT_FILES = ("json", "sarif", "gitlab")
"""Formats that CI uploads as a file: an empty run still writes a valid, empty report, so the upload step has one."""


@dataclass(frozen=True, kw_only=True)
class ValidateOptions:
    paths: tuple[str, ...] = ()
    format: str | None = None  # None: text, or github inside GitHub Actions
    fail_on: str = "error"


def exit_code(report: Report, fail_on: str) -> int:
    threshold = Severity.parse(fail_on)
    return 1 if any(d.severity >= threshold for d in report.diagnostics) else 0


def run_checks(
    paths: tuple[str, ...], check: FileCheck, format: str | None, fail_on: str, globs: tuple[str, ...], max_bytes: int | None = None
) -> int:
    """Check every journey file under ``paths`` with ``check`` and report in ``format``; returns the exit code."""
    from .. import reporters

    try:
        inputs = find(paths, globs, max_bytes)
    except NoJourneyFiles:
        if format in REPORT_FILES:
            reporters.get(format)(Report([], []), sys.stdout)
        raise
    diagnostics = [d for found in check_all(inputs, check) for d in found]
    report = Report([item.name for item in inputs], diagnostics)
    reporters.get(format or default_format())(report, sys.stdout)
    return exit_code(report, fail_on)


def run(options: ValidateOptions) -> int:
    from ..config import load_settings
    from ..validation import check_file

    return run_checks(options.paths, check_file, options.format, options.fail_on, load_settings().globs)
