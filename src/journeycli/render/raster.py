"""PNG from the finished SVG with librsvg's ``rsvg-convert``, for text the bundled engine cannot draw.

The bundled graphviz-pure engine has one built-in face: CJK, Arabic and
emoji come out as empty boxes in its PNGs. When a map has such characters
and ``rsvg-convert`` (Debian's ``librsvg2-bin``) is on PATH, the PNG is
drawn from the SVG by librsvg instead, which takes every character from
the machine's fonts through fontconfig (Arial resolves to Liberation Sans,
the same widths). Only those maps take this way: a map the bundled face can
draw keeps the bundled engine's bytes, the same on every machine. It runs
as the engines do (``output.run_tool``): a signal or the time limit stops it.
"""

from __future__ import annotations

import shutil

from .output import EngineFailed, run_tool


def converter() -> str | None:
    return shutil.which("rsvg-convert")


def rasterise(svg: bytes, dpi: float, timeout: float) -> bytes:
    """The PNG of ``svg`` at ``dpi`` pixels per inch (the SVG is in points: a point is dpi/72 pixels)."""
    executable = converter()
    if executable is None:
        raise EngineFailed("rsvg-convert is not on PATH any more")
    code, stdout, stderr = run_tool([executable, "--format", "png", "--dpi-x", f"{dpi:g}", "--dpi-y", f"{dpi:g}"], svg, timeout)
    if code != 0 or not stdout.startswith(b"\x89PNG"):
        reason = stderr.decode("utf-8", "replace").strip().splitlines()
        raise EngineFailed(f"rsvg-convert could not draw it: {reason[-1] if reason else f'exit code {code}'}")
    return stdout
