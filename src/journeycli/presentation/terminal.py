"""Terminal output: Rich with colour on a terminal, plain text everywhere else, control characters made visible.

Plain text is written without Rich at all when the output is not a terminal
(unless ``FORCE_COLOR`` asks for colour), because Rich would wrap long lines
to a guessed width when piped. On a terminal, ``NO_COLOR`` takes the colour
away, never the word wrapping.

``printable`` is the one place that decides which characters a terminal or a
CI log must never receive raw: every writer of text for people (reports, show,
pains, diff, render and import messages, usage errors, GitHub annotations) goes
through it, and every Rich console made here applies it to what it prints.
"""

from __future__ import annotations

import codecs
import contextlib
import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


# Control characters from a hostile file or file name must not reach the terminal as
# commands (a raw ESC can clear the screen or fake output, a newline can start a CI
# workflow command; bidi controls reorder what is shown, "Trojan Source"). Each
# becomes one visible character, so a caret stays under the right column.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_VISIBLE = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421}
_VISIBLE |= {code: 0xFFFD for code in (*range(0x80, 0xA0), 0x2028, 0x2029, *_BIDI)}
_VISIBLE_LINES = {code: char for code, char in _VISIBLE.items() if code not in (0x09, 0x0A)}


def printable(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control and bidi character replaced by one visible character.

    ``keep_lines`` keeps line feeds and tabs, for text that is several lines by design.
    """
    if text.isascii() and text.isprintable():  # the usual text, checked in C: nothing to replace
        return text
    return text.translate(_VISIBLE_LINES if keep_lines else _VISIBLE)


def _escape(error: UnicodeError) -> tuple[str, int]:
    """Characters the output encoding lacks, as ``\\uXXXX`` (UTF-16 pairs beyond U+FFFF): readable, and valid inside JSON strings."""
    chunk = error.object[error.start : error.end]  # type: ignore[attr-defined]
    units = chunk.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2)), error.end  # type: ignore[attr-defined]


codecs.register_error("journey-escape", _escape)


def unencodable_as_escapes(*streams: TextIO) -> None:
    """Make ``streams`` escape what their encoding cannot hold (PYTHONIOENCODING=ascii) instead of raising."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or unusual stream: leave it as it is
                reconfigure(errors="journey-escape")


def is_terminal(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def use_rich(out: TextIO) -> bool:
    """Whether to colour ``out``: on a terminal or with ``FORCE_COLOR``, never with ``NO_COLOR``."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or is_terminal(out)


def console(out: TextIO) -> Console | None:
    """A Rich console for ``out``, or None when output must be plain (not a terminal, no colour asked for).

    On a terminal, text wraps at word boundaries to its width whether or not it is
    coloured: with ``NO_COLOR`` the console has no colour system, so it writes no
    escape code at all (not even bold) but lays text out the same way. Off a
    terminal (``FORCE_COLOR`` into a pipe) lines are not wrapped, as in plain text.
    """
    colour, terminal = use_rich(out), is_terminal(out)
    if not colour and not terminal:
        return None
    return safe_console(file=out, color_system="auto" if colour else None, highlight=False, emoji=False, markup=False, soft_wrap=not terminal)


def safe_console(**options: Any) -> Console:
    """A Rich console whose printed text passes through ``printable`` (its own colour codes do not)."""
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Any) -> str:
            return super()._render_buffer(
                segment if segment.control else Segment(printable(segment.text, keep_lines=True), segment.style) for segment in buffer
            )

    return SafeConsole(**options)


def emit(con: Console | None, out: TextIO, renderable: Any) -> None:
    """Print a Rich Text/Table on a console, or its plain form."""
    if con is not None:
        con.print(renderable)
    else:
        plain = getattr(renderable, "plain", None)
        out.write(printable(plain if plain is not None else str(renderable), keep_lines=True) + "\n")
