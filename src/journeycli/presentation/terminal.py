"""Terminal output: Rich with colour on a terminal, plain text everywhere else, control characters made visible.

Plain text is written without Rich at all when the output is not a terminal
or ``NO_COLOR`` is set, because Rich still emits bold codes under NO_COLOR and
wraps long lines when piped.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


# Control characters from a hostile file must not reach the terminal as commands (a
# raw ESC can clear the screen or fake output; bidi overrides reorder what is shown).
# Each becomes one visible character, so the caret stays under the right column.
_VISIBLE = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421}
_VISIBLE |= {code: 0xFFFD for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def printable(text: str) -> str:
    """``text`` with every control and bidi-override character replaced by one visible character."""
    return text.translate(_VISIBLE)


def use_rich(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def console(out: TextIO) -> "Console | None":
    """A Rich console for ``out``, or None when output must be plain."""
    if not use_rich(out):
        return None
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False, markup=False, soft_wrap=False)


def emit(con: "Console | None", out: TextIO, renderable: Any) -> None:
    """Print a Rich Text/Table on a console, or its plain form."""
    if con is not None:
        con.print(renderable)
    else:
        plain = getattr(renderable, "plain", None)
        out.write((plain if plain is not None else str(renderable)) + "\n")
