"""`journey pains`: read the files, score each valid journey's pain points, write them in the format asked.

Every file is read and every persona checked before anything is written, so a
usage error leaves no half report. Invalid files are reported (see
``journeys.report_invalid``) after the others, and the exit code is then 1.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .journeys import find, read_valid, report_invalid


@dataclass(frozen=True, kw_only=True)
class PainsOptions:
    paths: tuple[str, ...] = ()
    format: str = "text"
    top: int | None = None  # keep the N highest-scoring pain points of each file
    unaddressed: bool = False
    persona: str | None = None
    weight_by_drop_off: bool = False  # rank by score × share of entrants lost at the step (docs/pains.md)
    config: str | None = None  # None: the nearest configuration file upward


def run(options: PainsOptions) -> int:
    """0 when every file was reported, 1 when some were invalid; usage errors raise."""
    from ..config import load_settings
    from ..pains import writer
    from ..pains.score import report

    settings = load_settings(options.config)
    inputs = find(options.paths, settings.globs, settings.max_file_size)
    from ..portfolio.uses import scope_of

    valid, invalid = read_valid(inputs, scope_of(settings))
    reports = [
        report(
            journey,
            item.name,
            persona=options.persona,
            top=options.top,
            unaddressed=options.unaddressed,
            hotspot_pain_count=settings.option("hotspot_pain_count"),
            weight_by_drop_off=options.weight_by_drop_off,
        )
        for item, journey in valid
    ]
    if reports or options.format != "text":  # machine formats write an empty document rather than nothing
        writer(options.format)(reports, sys.stdout)
    if invalid:
        if options.format == "text" and reports:
            sys.stdout.write("\n")
        report_invalid([item.name for item in inputs], invalid, data_on_stdout=options.format != "text")
        return 1
    return 0
