"""`journey render`: from paths and options to pictures on disk, and an exit code.

Order of work, so that nothing is half done when something is wrong: first
everything that is a usage error (exit 2: the output target, the format, the
engine, an unknown persona, an output that would overwrite an input), then
the drawing. Invalid journeys are reported with their validation findings
and the others are still drawn; the exit code is then 1. A layout that runs
out of time or an engine that fails is also exit 1, with one line that says
what to do.

Output rules (docs/render.md): ``-o FILE`` for one journey (format from the
suffix unless ``--format``), ``-o DIR`` (an existing directory, or a name
ending in ``/``) for any number, ``-o -`` for stdout; without ``-o`` each
journey goes to ``<stem>.<format>`` in the current directory.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from ..choices import RENDER_SUFFIXES
from ..engines import Engine, EngineError, find_engine
from ..files import make_directory, write_atomic
from ..flow import check_persona, resolve
from ..inputs import Input
from ..model import Journey
from ..presentation.terminal import printable
from ..render.output import EngineFailed, LayoutTimeout
from ..usage import UsageError
from .journeys import find, read_valid, report_invalid

STDOUT = "-"
EXIT_OK, EXIT_FAILED = 0, 1
_STEM_SUFFIXES = (".journey.yaml", ".journey.yml", ".yaml", ".yml")


@dataclass
class Job:
    item: Input
    journey: Journey
    target: str  # a path, or "-" for stdout


def stem(item: Input, journey: Journey) -> str:
    """The output name of a journey without its suffix: the file name minus .journey.yaml/.yaml, or the id for stdin."""
    if item.path is None:
        return journey.id
    base = os.path.basename(item.path)
    for suffix in _STEM_SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base


def _mode(output: str | None, count: int, beside: bool = False) -> str:
    """cwd, stdout, dir, file or beside (next to each input)."""
    if beside:
        if output is not None:
            raise UsageError("--beside writes next to each journey file; it cannot be combined with -o")
        return "beside"
    if output is None:
        return "cwd"
    if output == STDOUT:
        if count > 1:
            raise UsageError(f"-o - writes one picture to stdout, but {count} journeys were given; use -o DIR/ instead")
        return "stdout"
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return "dir"
    if count > 1:
        raise UsageError(f"-o {output} names one file, but {count} journeys were given; use a directory (-o {output}/) instead")
    return "file"


def choose_format(fmt: str | None, mode: str, output: str | None) -> str:
    """``--format`` if given, else the suffix of ``-o FILE``, else svg."""
    suffix = os.path.splitext(output)[1].lower() if mode == "file" and output else ""
    from_suffix = RENDER_SUFFIXES.get(suffix)
    if fmt is not None:
        if from_suffix is not None and from_suffix != fmt:
            raise UsageError(f"-o {output} ends in {suffix} but --format is {fmt}; make them agree")
        return fmt
    if mode == "file":
        if from_suffix is None:
            raise UsageError(f"cannot tell the format from `{output}`; name it .svg, .png, .pdf or .dot, or give --format")
        return from_suffix
    return "svg"


def choose_engine(fmt: str, choice: str | None) -> Engine | None:
    """The engine that will draw ``fmt`` (None for dot, which needs none); usage errors say how to get one."""
    if fmt == "dot":
        return None
    try:
        engine = find_engine(choice, fmt)
    except EngineError as error:
        raise UsageError(str(error)) from error
    if fmt not in engine.formats:
        raise UsageError(
            f"the {engine.name} engine cannot make {fmt.upper()}; install Graphviz (e.g. `apt-get install graphviz` "
            f"or `brew install graphviz`) so that `dot` is on PATH, or render svg or png"
        )
    return engine


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def plan(valid: list[tuple[Input, Journey]], inputs: list[Input], mode: str, output: str | None, fmt: str) -> list[Job]:
    """Where each journey's picture goes; refuses collisions and overwriting an input."""
    jobs = []
    for item, journey in valid:
        if mode == "stdout":
            target = STDOUT
        elif mode == "beside":
            if item.path is None:
                raise UsageError("--beside needs journey files; standard input has no place to write next to")
            target = os.path.join(os.path.dirname(item.path), f"{stem(item, journey)}.{fmt}")
        elif mode == "file":
            assert output is not None
            target = output
        else:
            folder = "." if mode == "cwd" else output or "."
            target = os.path.join(folder, f"{stem(item, journey)}.{fmt}")
        jobs.append(Job(item, journey, target))
    if mode == "file" and output is not None:
        parent = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(parent):
            raise UsageError(f"cannot write {output}: the directory {parent} does not exist")
    seen: dict[str, str] = {}
    for job in jobs:
        if job.target == STDOUT:
            continue
        key = os.path.realpath(job.target)
        if key in seen:
            raise UsageError(f"{seen[key]} and {job.item.name} would both be written to {job.target}; render them into different directories")
        seen[key] = job.item.name
        for item in inputs:
            if item.path is not None and _same_file(item.path, job.target):
                raise UsageError(f"refusing to write {job.target}: it is the input file {item.name}")
    return jobs


@dataclass(frozen=True, kw_only=True)
class RenderOptions:
    paths: tuple[str, ...] = ()
    output: str | None = None  # FILE, DIR, "-" or None (the current directory)
    format: str | None = None  # None: from the -o suffix, else svg
    view: str = "map"
    persona: str | None = None
    theme: str = "light"
    engine: str | None = None  # None: $JOURNEY_ENGINE, else auto
    timeout: float = 60.0
    beside: bool = False
    fail_if_changed: bool = False
    watch: bool = False
    page: str = "strip"  # see render.pages; "a3-portrait" works too
    orientation: str = "landscape"
    dpi: float | None = None  # PNG only; None: 96


def run(options: RenderOptions) -> int:
    """Render once, or again after every change with ``watch``."""
    if options.watch:
        from functools import partial

        from ..render.watch import watch

        return watch(list(options.paths) or ["."], partial(render_once, options))
    return render_once(options)


def render_once(options: RenderOptions) -> int:
    """Render every journey under the paths; returns the exit code (usage errors raise UsageError)."""
    from ..config import load_settings
    from ..render import draw_pages, pages

    output, persona, timeout = options.output, options.persona, options.timeout
    if not timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    try:
        pages.page(options.page, options.orientation)
    except ValueError as error:
        raise UsageError(str(error)) from error
    if options.dpi is not None and not 1 <= options.dpi <= 2400:
        raise UsageError("--dpi must be a number of pixels per inch from 1 to 2400")
    inputs = find(options.paths, load_settings().globs)
    mode = _mode(output, len(inputs), options.beside)
    fmt = choose_format(options.format, mode, output)
    chosen = choose_engine(fmt, options.engine)
    valid, findings = read_valid(inputs)
    if persona is not None:
        for item, journey in valid:
            check_persona(journey, persona, item.name)
    if mode == "dir" and output is not None:
        make_directory(output)
    jobs = plan(valid, inputs, mode, output, fmt)

    changed = 0
    for job in jobs:
        drawings = draw_pages(resolve(job.journey, persona), options.view, options.theme, options.page, options.orientation)
        rasterise = False
        if fmt == "png":
            _check_size(job.item.name, drawings, options.dpi or pages.DPI)
            rasterise = _glyphs(job.item.name, drawings, chosen)
        if job.target == STDOUT and len(drawings) > 1 and fmt != "pdf":
            raise UsageError(
                f"{job.item.name} takes {len(drawings)} pages on --page {options.page}; write them to files (-o FILE or -o DIR/), not to stdout, or make one PDF"
            )
        try:
            pictures = _pictures(drawings, fmt, chosen, timeout, options.dpi, rasterise)
            if fmt == "png":
                _check_drawn_size(job.item.name, pictures, options.dpi or pages.DPI)
            if fmt == "pdf" and len(pictures) > 1:  # one document of many pages, not numbered files
                from ..render.pdf import join

                pictures = [join(pictures, drawings[0].title)]
            results = list(zip((_numbered(job.target, n, len(pictures)) for n in range(1, len(pictures) + 1)), pictures))
        except LayoutTimeout:
            sys.stderr.write(
                printable(f"journey: error: the layout of {job.item.name} took longer than {timeout:g} s and was stopped; raise --timeout, or try the other --view")
                + "\n"
            )
            return EXIT_FAILED
        except EngineFailed as error:
            sys.stderr.write(printable(f"journey: error: {job.item.name}: {error}") + "\n")
            return EXIT_FAILED
        for target, data in results:
            if target == STDOUT:
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            elif _unchanged(target, data):
                sys.stderr.write(printable(f"journey: {target} is up to date") + "\n")
            else:
                write_atomic(target, data)
                changed += 1
                sys.stderr.write(printable(f"journey: rendered {job.item.name} -> {target}") + "\n")
    if findings:
        report_invalid([item.name for item in inputs], findings, data_on_stdout=mode == "stdout")
        return EXIT_FAILED
    if options.fail_if_changed and changed:
        sys.stderr.write(printable(f"journey: {changed} picture{'s were' if changed > 1 else ' was'} missing or out of date and re-rendered") + "\n")
        return EXIT_FAILED
    return EXIT_OK


def _pictures(drawings: list, fmt: str, engine: Engine | None, timeout: float, dpi: float | None, rasterise: bool = False) -> list[bytes]:
    """Every page drawn, two engines at a time (each page is its own process); in page order."""
    from ..render import picture

    if len(drawings) == 1:
        return [picture(drawings[0], fmt, engine, timeout, dpi, rasterise)]
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, len(drawings)))
    try:
        return list(pool.map(lambda drawing: picture(drawing, fmt, engine, timeout, dpi, rasterise), drawings))
    finally:  # after Ctrl-C or SIGTERM, pages not yet started are not drawn (signals.child stops the running ones)
        pool.shutdown(cancel_futures=True)


def _numbered(target: str, number: int, count: int) -> str:
    """Page ``number`` of ``count``: the target itself for one page, else ``map-1.svg``, ``map-2.svg``…"""
    if count == 1 or target == STDOUT:
        return target
    base, suffix = os.path.splitext(target)
    return f"{base}-{number}{suffix}"


def _glyphs(name: str, drawings: list, engine: Engine | None) -> bool:
    """Whether the PNG is drawn from the SVG by librsvg (the bundled engine lacks characters it has fonts for); warns of boxes left."""
    from ..render import fonts, raster

    if engine is None:
        return False
    text = "".join(d.source for d in drawings)
    lacking = fonts.missing(text, engine.name)
    rasterise = bool(lacking) and engine.name == "graphviz-pure" and raster.converter() is not None
    if rasterise:
        lacking = fonts.missing(text, "rsvg")
    if lacking:
        sys.stderr.write(fonts.warning(name, lacking, "rsvg" if rasterise else engine.name))
    return rasterise


def _check_size(name: str, drawings: list, dpi: float) -> None:
    """Refuse a PNG an engine or a viewer would shrink or reject, before drawing it, when its size is known (the map)."""
    for drawing in drawings:
        if drawing.size is not None:
            _refuse_oversize(name, *(round(side * dpi / 72) for side in drawing.size), dpi, True)


def _check_drawn_size(name: str, pictures: list[bytes], dpi: float) -> None:
    """The same check on PNGs whose size only the layout tells (the flow view): read from the PNG's header."""
    import struct

    for data in pictures:
        if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
            _refuse_oversize(name, *struct.unpack(">II", data[16:24]), dpi, False)


def _refuse_oversize(name: str, width: int, height: int, dpi: float, pages: bool) -> None:
    """``pages``: the view can spread over pages (the map), so --page is a way out."""
    from ..render.pages import MAX_PIXELS

    if max(width, height) > MAX_PIXELS:
        ways = "use --page (e.g. --page a3) to spread the map over pages, a lower --dpi, or --format svg" if pages else "use a lower --dpi, or --format svg"
        raise UsageError(
            f"{name}: the PNG would be {width:,} × {height:,} pixels at {dpi:g} dpi, more than {MAX_PIXELS:,} a side "
            f"(engines scale such pictures down and image tools refuse them); {ways}"
        )


def _unchanged(path: str, data: bytes) -> bool:
    """Whether ``path`` already holds exactly ``data`` (then it is not rewritten: no needless churn in git)."""
    try:
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False
