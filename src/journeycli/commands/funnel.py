"""`journey funnel`: from paths and options to the funnel report, and an exit code.

Usage errors come first (format, output, engine, persona, `--to`), so nothing
is written when the command line is wrong. Invalid journeys are reported with
their validation findings (exit 1); the valid ones are still reported.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass

from ..choices import FUNNEL_CHARTS, FUNNEL_FORMATS
from ..presentation.terminal import printable
from ..usage import UsageError
from .journeys import find, read_valid, report_invalid

PICTURE_FORMATS = tuple(FUNNEL_CHARTS.values())
FORMATS = (*FUNNEL_FORMATS.names, *PICTURE_FORMATS)


@dataclass(frozen=True, kw_only=True)
class FunnelOptions:
    paths: tuple[str, ...] = ()
    format: str | None = None
    output: str | None = None
    persona: str | None = None
    to: str | None = None
    engine: str | None = None
    timeout: float = 60.0


def _format(options: FunnelOptions) -> str:
    named = options.output if options.output and options.output != "-" else ""
    suffix = os.path.splitext(named)[1].lower()
    guessed = FUNNEL_CHARTS.get(suffix) or FUNNEL_FORMATS.for_path(named)
    if options.format is not None:
        if options.format not in FORMATS:
            raise UsageError(f"unknown format `{options.format}`; choose one of {', '.join(FORMATS)}")
        if guessed is not None and guessed != options.format:
            raise UsageError(f"-o {options.output} ends in {suffix} but --format is {options.format}; make them agree")
        return options.format
    return guessed or "text"


def run(options: FunnelOptions) -> int:
    """0 when every journey was reported, 1 when some were invalid or a chart could not be drawn; usage errors raise."""
    from ..config import load_settings
    from ..validation import no_gc

    fmt = _format(options)
    if not options.timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    settings = load_settings()
    inputs = find(options.paths, settings.globs, settings.max_file_size)
    engine = None
    if fmt in PICTURE_FORMATS:
        from .render import choose_engine

        if options.output is None:
            raise UsageError(f"a {fmt.upper()} funnel chart needs -o FILE (or -o - for stdout)")
        if len(inputs) > 1:
            raise UsageError(f"a funnel chart shows one journey, but {len(inputs)} were given")
        engine = choose_engine(fmt, options.engine)
    from ..journey_view import checked_view

    with no_gc():  # many small objects, no cycles: the cyclic collector would only scan them over and over
        valid, findings = read_valid(inputs, view=checked_view)  # no Pydantic models: the funnel reads views
        return _report(options, fmt, engine, inputs, valid, findings)


def _report(options: FunnelOptions, fmt: str, engine, inputs, valid, findings) -> int:
    from ..files import write_atomic
    from ..flow import check_persona, resolve
    from ..funnel import report

    funnels = []
    for item, journey in valid:
        if options.persona is not None:
            check_persona(journey, options.persona, item.name)
        resolved = resolve(journey, options.persona)
        if options.to is not None and options.to not in resolved.index:
            raise UsageError(f"{item.name}: no step `{options.to}` in this journey{' for persona ' + options.persona if options.persona else ''}")
        funnels.append((item.name, report.build(resolved, options.to)))
    if fmt in PICTURE_FORMATS:
        data = _picture(funnels, fmt, engine, options.timeout) if funnels else None
        if data is None and funnels:
            return 1
    elif options.output in (None, "-") and fmt == "text":
        data = None  # straight to the terminal, so that Rich can colour it
        if funnels:
            FUNNEL_FORMATS.get(fmt)(funnels, sys.stdout)
    else:
        buffer = io.BytesIO()  # encoded as it is written: one copy of the output in memory, not three
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        FUNNEL_FORMATS.get(fmt)(funnels, text)
        text.flush()
        text.detach()
        data = buffer.getvalue()
    if data is not None:
        if options.output in (None, "-"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_atomic(options.output, data, tuple(item.path for item in inputs if item.path))
            sys.stderr.write(printable(f"journey: wrote {options.output}") + "\n")
    if findings:
        report_invalid([item.name for item in inputs], findings, data_on_stdout=fmt != "text" or options.output == "-")
        return 1
    return 0


def _picture(funnels, fmt, engine, timeout) -> bytes | None:
    from ..funnel.chart import dot
    from ..render import picture
    from ..render.output import EngineFailed, LayoutTimeout

    file, funnel = funnels[0]
    try:
        return picture(dot(funnel), fmt, engine, timeout)
    except LayoutTimeout:
        sys.stderr.write(printable(f"journey: error: drawing the funnel of {file} took longer than {timeout:g} s and was stopped; raise --timeout") + "\n")
    except EngineFailed as error:
        sys.stderr.write(printable(f"journey: error: {file}: {error}") + "\n")
    return None
