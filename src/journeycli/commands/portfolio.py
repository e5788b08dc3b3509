"""`journey portfolio`: every journey found, as one report (``portfolio.report``) in the format asked.

Files are validated (libraries followed) on all cores; each valid journey's share of the report is
made where it was read. Invalid journeys are reported after the report (see
``journeys.report_invalid``) and the exit code is then 1.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date

from ..choices import OPPORTUNITY_KINDS, PORTFOLIO_FORMATS, PORTFOLIO_SECTIONS
from ..usage import UsageError
from .journeys import find, report_invalid


@dataclass(frozen=True, kw_only=True)
class PortfolioOptions:
    paths: tuple[str, ...] = ()
    format: str = "text"
    sections: str | None = None  # comma-separated; None: all (csv: journeys)
    kinds: str | None = None  # comma-separated backlog filter
    top: int | None = None  # keep the N first rows of the pain ranking and of the backlog
    config: str | None = None


def _names(option: str | None, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    if option is None:
        return ()
    names = tuple(n.strip().lower().replace("-", "_") if what == "--kind" else n.strip().lower() for n in option.split(",") if n.strip())
    bad = [n for n in names if n not in known]
    if bad or not names:
        from ..suggest import did_you_mean

        close = did_you_mean(bad[0], known) if len(bad) == 1 else ""
        raise UsageError(f"{what}: unknown {', '.join(f'`{n}`' for n in bad) or 'value'}{close} (choose from {', '.join(known)})")
    return names


def run(options: PortfolioOptions) -> int:
    from functools import partial

    from ..config import load_settings
    from ..portfolio.checks import portfolio_check
    from ..portfolio.report import build
    from ..portfolio.uses import scope_of
    from ..runner import check_all

    if options.format not in PORTFOLIO_FORMATS.names:
        raise UsageError(f"unknown format `{options.format}`; choose one of {', '.join(PORTFOLIO_FORMATS.names)}")
    sections = _names(options.sections, PORTFOLIO_SECTIONS, "--section") or (("journeys",) if options.format == "csv" else PORTFOLIO_SECTIONS)
    sections = tuple(s for s in PORTFOLIO_SECTIONS if s in sections)
    if options.format == "csv" and len(sections) != 1:
        raise UsageError("a CSV file holds one table: choose one --section (" + ", ".join(PORTFOLIO_SECTIONS) + ")")
    kinds = _names(options.kinds, OPPORTUNITY_KINDS, "--kind")
    if options.top is not None and options.top < 1:
        raise UsageError("--top must be at least 1")
    settings = load_settings(options.config)
    today = settings.today or date.today()
    inputs = find(options.paths, settings.globs, settings.max_file_size)
    check = partial(portfolio_check, scope=scope_of(settings), settings=settings, today=today)
    outcomes = list(check_all(inputs, check))
    parts = [o.digest for o in outcomes if o.digest is not None]
    invalid = [d for o in outcomes for d in o.diagnostics if d.severity.name == "ERROR"]
    report = build(parts, today).filtered(kinds=kinds, top=options.top)
    PORTFOLIO_FORMATS.get(options.format)(report, sections, sys.stdout)
    if invalid:
        report_invalid([item.name for item in inputs], invalid, data_on_stdout=options.format != "text")
        return 1
    return 0
