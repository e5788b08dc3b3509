"""`journey site`: a static website of every journey, for the people who will never open the YAML.

Usage errors first (exit 2: no ``-o``, an output folder that is not ours to
replace, standard input, an engine that cannot draw SVG), then the build
(``site.build``). Invalid journeys are left out and reported after the build,
and the exit code is then 1; a map that cannot be drawn stops the build and
the previous site stays as it was. ``--serve`` builds, serves the folder on
127.0.0.1 and builds again whenever a journey file changes.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from ..presentation.terminal import printable
from ..usage import UsageError
from .journeys import find, report_invalid

EXIT_OK, EXIT_FAILED = 0, 1


@dataclass(frozen=True, kw_only=True)
class SiteOptions:
    paths: tuple[str, ...] = ()
    output: str | None = None  # the folder the site is written to (required)
    engine: str | None = None  # None: $JOURNEY_ENGINE, else the configuration's, else the bundled one
    timeout: float = 60.0
    history: int = 3  # recent commits shown per journey; 0: none
    pdf: bool = False  # also a PDF of each map (needs an engine that makes PDF: the system Graphviz)
    serve: bool = False
    port: int = 8000
    config: str | None = None


def run(options: SiteOptions) -> int:
    if options.output is None:
        raise UsageError("journey site needs -o DIR, the folder to write the site to (e.g. -o site/)")
    if not options.timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if options.history < 0:
        raise UsageError("--history must be 0 (no history) or a number of commits")
    if not 0 <= options.port <= 65535:
        raise UsageError("--port must be from 0 to 65535")
    if options.serve:
        from ..render.watch import watch
        from ..site.serve import serving

        with serving(options.output, options.port) as address:
            sys.stderr.write(printable(f"journey: serving {options.output} at {address} (only on this computer)") + "\n")
            return watch(list(options.paths) or ["."], lambda: build_once(options))
    return build_once(options)


def build_once(options: SiteOptions) -> int:
    """Build the site of ``options``; returns the exit code (usage errors raise UsageError)."""
    from datetime import date

    from ..config import load_settings
    from ..site import folder
    from ..site.build import Plan, build
    from .render import choose_engine

    assert options.output is not None
    settings = load_settings(options.config)
    inputs = find(options.paths, settings.globs, settings.max_file_size)
    if any(item.path is None for item in inputs):
        raise UsageError("journey site reads journey files; standard input (-) has no file to publish")
    folder.check_target(options.output, [item.path for item in inputs if item.path])
    engine = choose_engine("svg", options.engine)
    assert engine is not None
    pdf_engine = _pdf_engine(options.engine) if options.pdf else None
    plan = Plan(inputs, options.output, settings, settings.today or date.today(), engine, pdf_engine, options.timeout, options.history)
    built = build(plan)
    if built.errors:
        for error in built.errors:
            sys.stderr.write(printable(f"journey: error: {error}") + "\n")
        sys.stderr.write(printable(f"journey: the site was not written; {options.output} is as it was") + "\n")
        return EXIT_FAILED
    shown = os.path.join(options.output, "index.html")
    sys.stderr.write(printable(f"journey: built the site of {built.journeys} journey{'s' if built.journeys != 1 else ''} in {options.output} (open {shown})") + "\n")
    if built.invalid:
        report_invalid([item.name for item in inputs], built.invalid, data_on_stdout=False)
        return EXIT_FAILED
    return EXIT_OK


def _pdf_engine(choice: str | None):
    """The engine for ``--pdf``; a usage error that says how to get one when none makes PDF."""
    from ..engines import EngineError, find_engine

    try:
        engine = find_engine(choice, "pdf")
    except EngineError as error:
        raise UsageError(str(error)) from error
    if "pdf" not in engine.formats:
        raise UsageError("--pdf needs the system Graphviz: the bundled engine makes no PDF; install Graphviz (e.g. `apt-get install graphviz`) so that `dot` is on PATH")
    return engine
