"""Running the layout engine.

The engine runs as a subprocess with a time limit, not through the
``graphviz`` package's ``pipe()``: that has no timeout, and ``dot`` can take
minutes on an unlucky graph (a known Graphviz hazard). The DOT goes in on stdin and the
picture comes back on stdout, so no temporary input file is left behind.
Pictures are written with ``files.write_atomic``.
"""

from __future__ import annotations

import os
import re
import subprocess

from .. import signals
from ..engines import Engine
from .pages import DPI
from .parts import Drawing

NO_LIMIT = 365 * 24 * 3600.0
"""A --timeout of a year or more (up to `inf`) means no time limit: the system cannot wait longer anyway."""


class LayoutTimeout(Exception):
    """The engine did not finish within the time limit and was stopped."""


class EngineFailed(Exception):
    """The engine ran but did not produce the picture."""


def engine_command(engine: Engine, drawing: Drawing, fmt: str, dpi: float | None = None) -> list[str]:
    """The command line that lays out ``drawing`` and writes ``fmt`` to stdout (a PNG at ``dpi`` pixels per inch)."""
    layout = ["-Kneato", "-n2"] if drawing.layout == "neato" else ["-Kdot"]
    resolution = [f"-Gdpi={dpi or DPI:g}"] if fmt == "png" else []
    if fmt == "pdf":  # cairo's PDF adds half an inch around the drawing unless told not to: a page is the page
        resolution.append("-Gmargin=0")
    return [engine.executable, *layout, *resolution, f"-T{fmt}"]


def run_engine(engine: Engine, drawing: Drawing, fmt: str, timeout: float, dpi: float | None = None) -> bytes:
    """Lay out and draw ``drawing``; raises LayoutTimeout or EngineFailed."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}  # reproducible dates, where the engine's libraries honour it
    code, stdout, stderr = run_tool(engine_command(engine, drawing, fmt, dpi), drawing.source.encode("utf-8"), timeout, env)
    if code != 0 or not stdout:
        messages = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip() and "Warning" not in line]
        reason = messages[-1].strip() if messages else f"exit code {code}"
        raise EngineFailed(f"{engine.name} could not draw it: {reason}")
    return _without_dates(stdout) if fmt == "pdf" else stdout


def run_tool(args: list[str], data: bytes, timeout: float, env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """Run a drawing tool (an engine, ``rsvg-convert``) on ``data``: its exit code, stdout and stderr.

    Started with ``signals.child``, so Ctrl-C or SIGTERM stops it from any
    thread; raises LayoutTimeout after ``timeout`` seconds (the tool is
    killed), EngineFailed when it cannot start.
    """
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    try:
        with signals.child(args, env=env, **pipes) as process:
            try:
                stdout, stderr = process.communicate(data, timeout=timeout if timeout < NO_LIMIT else None)
            except subprocess.TimeoutExpired as error:
                process.kill()
                raise LayoutTimeout(timeout) from error
    except OSError as error:
        raise EngineFailed(f"cannot run {args[0]}: {error.strerror or error}") from error
    return process.returncode, stdout, stderr


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def _without_dates(pdf: bytes) -> bytes:
    """A PDF with its creation time set to 1970, so that the same map gives the same bytes.

    cairo 1.16 (Graphviz on Debian 12) stamps the time and ignores
    SOURCE_DATE_EPOCH. The replacement has the same length, so the
    cross-reference offsets stay right.
    """
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:19700101000000", pdf)
