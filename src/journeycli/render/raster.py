"""PNG from the finished SVG with librsvg's ``rsvg-convert``, for text the bundled engine cannot draw.

The bundled graphviz-pure engine has one built-in face: CJK, Arabic and
emoji come out as empty boxes in its PNGs. When a map has such characters
and ``rsvg-convert`` (Debian's ``librsvg2-bin``) is on PATH, the PNG is
drawn from the SVG by librsvg instead, which takes every character from
the machine's fonts through fontconfig (Arial resolves to Liberation Sans,
the same widths). Only those maps take this way: a map the bundled face can
draw keeps the bundled engine's bytes, the same on every machine.
"""

from __future__ import annotations

import shutil
import subprocess

from .output import NO_LIMIT, EngineFailed, LayoutTimeout


def converter() -> str | None:
    return shutil.which("rsvg-convert")


def rasterise(svg: bytes, dpi: float, timeout: float) -> bytes:
    """The PNG of ``svg`` at ``dpi`` pixels per inch (the SVG is in points: a point is dpi/72 pixels)."""
    executable = converter()
    if executable is None:
        raise EngineFailed("rsvg-convert is not on PATH any more")
    try:
        done = subprocess.run(
            [executable, "--format", "png", "--dpi-x", f"{dpi:g}", "--dpi-y", f"{dpi:g}"],
            input=svg, capture_output=True, timeout=timeout if timeout < NO_LIMIT else None,
        )  # fmt: skip
    except subprocess.TimeoutExpired as error:
        raise LayoutTimeout(timeout) from error
    except OSError as error:
        raise EngineFailed(f"cannot run {executable}: {error.strerror or error}") from error
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EngineFailed(f"rsvg-convert could not draw it: {reason[-1] if reason else f'exit code {done.returncode}'}")
    return done.stdout
