"""Why a value is not the number (or the true/false) its key wants, in the user's words, with the line rewritten.

"must be a whole number from -2 to 2; found `-1`" reads as a contradiction when
the `-1` is text: quoted (`"-1"`), typed with a look-alike character (the
U+2212 minus sign that word processors and web pages print, an en dash,
full-width digits from an East Asian keyboard), or written as a percentage.
A flag written `"yes"`, `1` or `ja` is told to be `true` or `false`, the two
words every YAML reads as a flag. Here the surprise is named and the fix
spelled out; the schema check decides that the value is wrong and words the
rest of the message.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2212\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\uff0d"
"""Characters that look like the minus sign YAML reads as one, but are not."""

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def _ascii(text: str) -> str:
    """``text`` with look-alike minus signs and non-ASCII digits made plain."""
    out = []
    for char in text:
        if char in _DASHES:
            out.append("-")
        elif not char.isascii() and unicodedata.decimal(char, None) is not None:
            out.append(str(unicodedata.decimal(char)))
        elif char in "\uff0e":
            out.append(".")
        elif char in "\u00a0\u202f\u3000":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _name(char: str) -> str:
    return f"`{char}` (U+{ord(char):04X} {unicodedata.name(char, 'UNKNOWN CHARACTER')})"


def explain_text(text: str, key: str, quoted: bool, whole: bool) -> tuple[str, str] | None:
    """(why ``text`` is not read as a number, the fix) for text where a number goes, or None."""
    stripped = text.strip()
    if quoted and _NUMBER.fullmatch(stripped):
        return f'`"{stripped}"` is text because of the quotes', f"remove the quotes: `{key}: {stripped}`"
    plain = _ascii(stripped)
    if plain != stripped and _NUMBER.fullmatch(plain.strip()):
        odd = next(char for char, ascii_char in zip(stripped, plain) if char != ascii_char)
        kind = "a minus sign" if plain[stripped.index(odd)] == "-" else "a digit" if plain[stripped.index(odd)].isdigit() else "an ordinary character"
        return (
            f"`{stripped}` is written with {_name(odd)}, which looks like {kind} but is text to YAML",
            f"type it with the keyboard's own characters: `{key}: {plain.strip()}`",
        )
    if re.fullmatch(r"[-+]?\d+(\.\d+)?\s*%", plain):
        number = float(plain.rstrip("% "))
        share = _plain_number(number / 100)
        return f"`{stripped}` is text because of the `%`", f"write the share as a number from 0 to 1: `{key}: {share}`" if not whole else f"write the number alone: `{key}: {_plain_number(number)}`"
    if re.fullmatch(r"[-+]?\d+,\d+", plain):
        return f"`{stripped}` uses a comma, which YAML does not read as a decimal point", f"write it with a point: `{key}: {plain.replace(',', '.')}`"
    return None


TRUE_WORDS = ("true", "yes", "on", "y")
FALSE_WORDS = ("false", "no", "off", "n")
"""What YAML 1.1 (journeycli's YAML) reads as true or false, in any case. YAML 1.2 tools (editors, other
languages) read only `true` and `false` so, which is why every hint writes those two."""


def explain_flag(value: object, key: str, quoted: bool) -> tuple[str | None, str]:
    """(why ``value`` is not true/false, or None; the fix) for a value where a flag (`moment_of_truth`) goes."""
    if isinstance(value, str):
        word = value.strip().lower()
        meant = "true" if word in TRUE_WORDS else "false" if word in FALSE_WORDS else None
        if quoted and meant:
            return f'`"{value.strip()}"` is text because of the quotes', f"write it without them: `{key}: {meant}`"
        if meant:  # YAML would have read it as a flag: a look-alike or a stray space
            return None, f"write `{key}: {meant}`"
        return None, f"write `{key}: true` or `{key}: false` (leave the key out for false)"
    if isinstance(value, (int, float)) and value in (0, 1):
        meant = "true" if value == 1 else "false"
        return f"`{value:g}` is a number", f"write `{key}: {meant}`"
    return None, f"write `{key}: true` or `{key}: false` (leave the key out for false)"


def explain_fraction(value: float, key: str) -> tuple[str, str]:
    """A number with a fractional part where a whole number goes."""
    if value != value or value in (float("inf"), float("-inf")):  # .nan, .inf: no whole number is near
        return f"`{value}` is not a whole number", f"write a whole number, such as `{key}: 1`"
    if value.is_integer():
        return f"`{value}` has a decimal point", f"write it without one: `{key}: {int(value)}`"
    low, high = int(value // 1), int(value // 1) + 1
    return f"`{value}` is not a whole number", f"choose a whole number, such as `{key}: {low}` or `{key}: {high}`"


def explain_bound(value: float, key: str, upper: float | None) -> str | None:
    """A hint for a number out of range; a share written as a percentage gets its 0-to-1 form."""
    if upper == 1 and 1 < value <= 100:
        return f"a share is written from 0 to 1: {_plain_number(value)}% is `{key}: {_plain_number(value / 100)}`"
    return None


def _plain_number(number: float) -> str:
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text or "0"


class Source:
    """The file's text, decoded only when a message needs to know how a value was written."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.lines: list[str] | None = None

    def _rest(self, pos: tuple[int, int]) -> str:
        if self.lines is None:
            self.lines = self.data.decode("utf-8-sig", "replace").split("\n")
        line, column = pos
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return text[column - 1 :].rstrip("\r")

    def quoted(self, pos: tuple[int, int]) -> bool:
        """Whether the value at ``pos`` (1-based line, column) starts with a quote."""
        return self._rest(pos)[:1] in ("'", '"')

    def comment(self, pos: tuple[int, int]) -> tuple[tuple[int, int], str] | None:
        """Where a comment takes the place of an empty value at ``pos`` (`title: #1 seller` is empty), and its text."""
        rest = self._rest(pos)
        text = rest.lstrip()
        return ((pos[0], pos[1] + len(rest) - len(text)), text.rstrip()) if text.startswith("#") else None
