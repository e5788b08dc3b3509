"""`journey validate`, and the check-and-report loop it shares with `journey lint`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import Severity
from ..reporters import Report, default_format
from ..runner import FileCheck, check_all, finished
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


def is_portfolio(paths: tuple[str, ...], inputs: list) -> bool:
    """Several journeys, or a folder: the run is a portfolio, and the checks across files apply."""
    return len(inputs) > 1 or any(os.path.isdir(p) for p in paths or (".",))


def run_checks(
    paths: tuple[str, ...],
    check: FileCheck,
    format: str | None,
    fail_on: str,
    globs: tuple[str, ...],
    max_bytes: int | None = None,
    across: Callable[[list], list] | None = None,
) -> int:
    """Check every journey file under ``paths`` with ``check`` and report in ``format``; returns the exit code.

    ``across`` checks the digests of every valid journey together when the run is a portfolio
    (see ``portfolio.links``); otherwise ``check`` is called with ``across=False`` and makes none.
    """
    from .. import reporters

    try:
        inputs = find(paths, globs, max_bytes)
    except NoJourneyFiles:
        if format in REPORT_FILES:
            reporters.get(format)(Report([], []), sys.stdout)
        raise
    if across is not None and is_portfolio(paths, inputs):
        outcomes = list(check_all(inputs, check))
        diagnostics = [d for outcome in outcomes for d in outcome.diagnostics]
        diagnostics += across([outcome.digest for outcome in outcomes if outcome.digest is not None])
    else:  # nothing is checked across files: no digest is made
        from functools import partial

        diagnostics = [d for outcome in check_all(inputs, partial(check, across=False)) for d in outcome.diagnostics]
    diagnostics = finished(diagnostics)
    order = {item.name: n for n, item in enumerate(inputs)}
    diagnostics.sort(key=lambda d: (order.get(d.file, len(order)), d.sort_key()))
    files = [item.name for item in inputs]
    files += sorted({d.file for d in diagnostics} - set(files))  # the libraries with findings
    report = Report(files, diagnostics)
    reporters.get(format or default_format())(report, sys.stdout)
    return exit_code(report, fail_on)


def run(options: ValidateOptions) -> int:
    """Libraries followed, and links checked across the files of a portfolio."""
    from functools import partial

    from ..config import load_settings
    from ..portfolio.checks import validate_check
    from ..portfolio.links import validate_across
    from ..portfolio.uses import scope_of

    settings = load_settings()
    check = partial(validate_check, scope=scope_of(settings))
    return run_checks(options.paths, check, options.format, options.fail_on, settings.globs, settings.max_file_size, validate_across)
