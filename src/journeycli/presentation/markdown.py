"""User text made safe for Markdown: the one escaper of every Markdown writer (export, pains, diff).

User text is escaped, never trusted: ``&``, ``<`` and ``>`` become entities so
no HTML gets through; Markdown punctuation that would start emphasis, links,
images, code or headings is backslash-escaped; ``|`` is escaped so a cell
cannot split a table row; line breaks become ``<br>`` in table cells and
spaces elsewhere. ``@`` and ``:`` get a zero-width space after them where
they would start a mention (``@team``) or an emoji shortcode (``:tada:``),
so text from a map never notifies anyone on GitHub. Control and bidi characters
are made visible (``terminal.printable``): Markdown is read in terminals too.
"""

from __future__ import annotations

import re

from .terminal import printable

_PUNCTUATION = re.compile(r"([\\`*_\[\]#|~!])")
_PLAIN_CODE = re.compile(r"^[\w./:@+~^-]+$")
_MENTION = re.compile(r"@(?=[\w-])")
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")


def text(value: str) -> str:
    """User text on one line, safe anywhere in Markdown."""
    escaped = printable(value, keep_lines=True).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    safe = _PUNCTUATION.sub(r"\\\1", " ".join(escaped.split()))
    return _SHORTCODE.sub(":\u200b", _MENTION.sub("@\u200b", safe))


def cell(value: str) -> str:
    """User text for a table cell: its lines joined with ``<br>``; a dash when empty."""
    return "<br>".join(text(line) for line in value.splitlines() if line.strip()) or "—"


def code(value: str) -> str:
    """``value`` as inline code when that is safe (a code span shows backslash escapes literally), else as text."""
    return f"`{value}`" if _PLAIN_CODE.match(value) else text(value)
