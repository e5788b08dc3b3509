"""YAML syntax errors in plain words: the likely hand-editing slip, where it is, and the fix written out.

libyaml reports what its grammar expected ("did not find expected key while
parsing a block mapping"), which is true but names neither the cause nor the
fix. Here the parser's error and the source around it are matched against the
slips people make when they edit a journey by hand: a quote that ends quoted
text early (customers' words are full of apostrophes), a line indented less or
more than the lines it belongs with, a tab, a bracket or quote never closed,
``key: value: more``, a list item without its ``- ``. The parser's own words
stay at the end of the message as a secondary detail.

Only the wording and the position are decided here; the loader decides that a
file did not parse. Everything here runs on the error path only.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import yaml

from .sourcemap import Position

_KEY_LINE = re.compile(r"(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s#:'\"\[\]{},&*!|>%@`-][^:#]*?|'[^']*'|\"[^\"]*\"):(?:\s|$)")
"""A line that starts with ``key:`` (perhaps after ``- ``): its indentation and key."""

_NO_SPACE_AFTER_COLON = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/].*)$")

_RESERVED_START = {
    "@": "`@` is reserved in YAML",
    "`": "a backtick is reserved in YAML",
    "%": "`%` at the start of a value is reserved in YAML",
    "*": "a value that starts with `*` is read as a reference to an anchor (`*name`)",
    "&": "a value that starts with `&` is read as an anchor name (`&name`)",
    "!": "a value that starts with `!` is read as a YAML tag",
    "|": "a value that starts with `|` starts a block of text on the following lines",
    ">": "a value that starts with `>` starts a block of text on the following lines",
}


class _Mark(NamedTuple):
    index: int
    line: int  # 0-based, counting line feeds only
    column: int  # 0-based


@dataclass(frozen=True)
class Explanation:
    """What to tell the user about a syntax error: where, what went wrong, how to fix it."""

    pos: Position
    message: str
    hint: str | None


def explain(error: yaml.YAMLError, text: str) -> Explanation:
    """The plain-words explanation of a parser error in ``text``; never raises."""
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    detail = problem + (f" {context}" if context else "")
    source = _Source(text, error)
    try:
        found = source.classify()
    except Exception:  # noqa: BLE001 - a wrong guess must never hide the error itself
        found = None
    if found is None:
        found = _fallback(source.positions())
    pos, message, hint = found
    return Explanation(pos, f"{message} (YAML parser: {detail})", hint)


@cache
def format_keys() -> frozenset[str]:
    """Every key of the journey format, to tell a second key on a line from text that happens to contain `: `."""
    from pydantic import BaseModel

    from . import model

    return frozenset(name for value in vars(model).values() if isinstance(value, type) and issubclass(value, BaseModel) for name in value.model_fields)


def repeated_key_message(key: str, first_line: int, in_list_item: bool) -> str:
    """The E003 message; a repeated `id:` in a list item says what it most likely is, a new item missing its `- `."""
    if in_list_item and key == "id":
        return f"the key `id` is repeated in this list item (first at line {first_line}): this line looks like the start of a new item without its `- `"
    return f"the key `{key}` is repeated in this mapping (first at line {first_line})"


def repeated_key_hint(key: str, in_list_item: bool) -> str:
    """The E003 hint; a repeated `id:` in a list item is nearly always a new item missing its `- `."""
    if in_list_item and key == "id":
        return (
            "begin the new item with `- ` (`- id: …`) at the indentation of the `- ` above, and indent the lines "
            "that belong to it to match; the keys below it that repeat the item above are part of that new item"
        )
    return "YAML would silently keep only one of the two values; remove or rename one"


def _fallback(marks: tuple[Position | None, Position | None]) -> tuple[Position, str, str | None]:
    problem_pos, context_pos = marks
    pos = problem_pos or context_pos or (1, 1)
    return pos, "YAML cannot read the file from here on", "compare this line with the lines above it: indentation, quotes, brackets and `: ` are the usual suspects"


def _quote_fixes(key_prefix: str, inner: str, quote: str) -> str:
    """The two ways to write ``inner`` so that its own quotes stay text, as whole lines."""
    single = "'" + inner.replace("'", "''") + "'"
    double = '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if quote == "'":
        first = f"use double quotes around text that contains an apostrophe: `{key_prefix}{double}`"
        return f"{first}, or write each apostrophe twice: `{key_prefix}{single}`"
    return f"use single quotes around text that contains double quotes: `{key_prefix}{single}`, or write each inner quote as `\\\"`: `{key_prefix}{double}`"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class _Source:
    """The file's lines and the parser's marks, with the slip detectors."""

    def __init__(self, text: str, error: Any) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.error = error
        self.problem: str = getattr(error, "problem", None) or ""
        self.context: str = getattr(error, "context", None) or ""
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.pm = self.mark(getattr(error, "problem_mark", None))
        self.cm = self.mark(getattr(error, "context_mark", None))

    def mark(self, mark: Any) -> _Mark | None:
        """The mark recounted from its index: libyaml also breaks lines at CR, NEL and U+2028, editors do not."""
        if mark is None:
            return None
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return _Mark(mark.index, line, mark.index - self.starts[line])

    def positions(self) -> tuple[Position | None, Position | None]:
        pm, cm = self.pm, self.cm
        return (None if pm is None else (pm.line + 1, pm.column + 1), None if cm is None else (cm.line + 1, cm.column + 1))

    # -- helpers ---------------------------------------------------------------------

    def line(self, number: int) -> str:
        """1-based line text without the line break ('' past the end)."""
        return self.lines[number - 1].rstrip("\r") if 0 < number <= len(self.lines) else ""

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    @staticmethod
    def content(line: str) -> bool:
        stripped = line.strip()
        return bool(stripped) and not stripped.startswith("#")

    def previous_content(self, number: int) -> int | None:
        """The nearest line above ``number`` that holds more than a comment."""
        for n in range(number - 1, 0, -1):
            if self.content(self.line(n)):
                return n
        return None

    def key_column(self, number: int) -> int | None:
        """0-based column where the key of a ``key:`` (or ``- key:``) line starts."""
        match = _KEY_LINE.match(self.line(number))
        return None if match is None else len(match.group("indent")) + len(match.group("dash"))

    def key_name(self, number: int) -> str | None:
        match = _KEY_LINE.match(self.line(number))
        return None if match is None else match.group("key").strip()

    def tokens_before(self, index: int) -> list[Any]:
        """The scanner's tokens that start before ``index`` (the scanner reads further than the parser)."""
        loader = yaml.CSafeLoader(self.text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(self.text)
        tokens: list[Any] = []
        try:
            while True:
                token = loader.get_token()
                if token is None or token.start_mark.index >= index:
                    break
                token.start_mark, token.end_mark = self.mark(token.start_mark), self.mark(token.end_mark)
                tokens.append(token)
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
        return tokens

    # -- the slips, most specific first -----------------------------------------------

    def classify(self) -> tuple[Position, str, str | None] | None:
        if self.pm is None:
            return None
        detectors = (
            self.tab, self.unknown_escape, self.early_quote, self.unclosed_quote, self.flow_problem, self.text_after_flow, self.reserved_start,
            self.no_space_after_colon, self.mapping_value, self.missing_dash_indicator, self.no_colon, self.block_mapping_indent, self.entry_after_key, self.document_indent,
        )
        for detector in detectors:
            found = detector()
            if found is not None:
                return found
        return None

    def tab(self) -> tuple[Position, str, str | None] | None:
        first = self.cm.line + 1 if self.cm is not None else self.pm.line + 1
        for number in range(min(first, self.pm.line + 1), self.pm.line + 2):
            line = self.line(number)
            leading = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in leading:
                column = leading.index("\t") + 1
                above = self.previous_content(number)
                like = self.key_column(above) if above is not None else None
                spaces = f"{_plural(like, 'space')}, like `{self.key_name(above)}:` on line {above}" if like else "spaces"
                return (
                    (number, column),
                    f"line {number} is indented with a tab; YAML allows only spaces for indentation",
                    f"replace the tab with {spaces}; most editors can be set to insert spaces when Tab is pressed",
                )
        index = self.pm.index
        if "tab" in self.problem or (0 <= index < len(self.text) and self.text[index] == "\t"):
            return (
                (self.pm.line + 1, self.pm.column + 1),
                "there is a tab here where YAML expects spaces",
                "replace the tab with spaces",
            )
        return None

    def unknown_escape(self) -> tuple[Position, str, str | None] | None:
        if "unknown escape" not in self.problem:
            return None
        index = self.pm.index
        escape = self.text[index : index + 2]
        return (
            (self.pm.line + 1, self.pm.column + 1),
            f"`{escape}` inside double quotes starts an escape sequence YAML does not know",
            "use single quotes, which keep backslashes as they are ('C:\\Users\\me'), or write each backslash twice inside double quotes",
        )

    def early_quote(self) -> tuple[Position, str, str | None] | None:
        """A quoted value followed by more text: an inner quote ended it (or the first quote was never closed)."""
        if not any(words in self.problem for words in ("expected key", "expected ','", "expected ':'", "expected '-'", "mapping values", "expected <document start>")):
            return None
        tokens = self.tokens_before(self.pm.index)
        scalar = tokens[-1] if tokens else None
        if not isinstance(scalar, yaml.ScalarToken) or scalar.style not in ("'", '"'):
            return None
        quote = scalar.style
        start, end = scalar.start_mark, scalar.end_mark
        between = self.text[end.index : self.pm.index]
        if between.strip(" ") or end.line != self.pm.line:
            return None
        after = self.text[self.pm.index :].split("\n", 1)[0]
        if not after.strip() or after.lstrip().startswith("#"):
            return None
        opening_line = self.line(start.line + 1)
        prefix = opening_line[: start.column].lstrip(" ")
        if start.line != end.line:
            swallowed = [n for n in range(start.line + 2, end.line + 2) if _KEY_LINE.match(self.line(n))]
            if swallowed:
                return (
                    (start.line + 1, start.column + 1),
                    f"the {quote} opened on line {start.line + 1} is not closed on that line, so YAML reads everything up to the next {quote} (line {end.line + 1}) as one text",
                    f"add the closing {quote} at the end of line {start.line + 1}: `{opening_line.strip()}{quote}`",
                )
        close = end.index - 1  # the quote that ended the text
        if not self._quote_follows(close + 1, quote, self.indent(opening_line)):
            rest = after.split(" #")[0].rstrip()
            whole = self.text[start.index + 1 : close] + self.text[close + 1 : self.pm.index] + rest
            return (
                (self.pm.line + 1, self.pm.column + 1),
                f"`{rest}` follows the closing {quote} of a quoted value; a value ends at its closing quote",
                f"put all of the value inside the quotes: `{prefix}{quote}{whole}{quote}`",
            )
        word_start = close
        while word_start > start.index + 1 and not self.text[word_start - 1].isspace():
            word_start -= 1
        before_word = self.text[word_start:close]
        after_word = re.match(r"[^\s,\]}'\"]*", self.text[close + 1 :]).group()
        if quote == "'":
            message = f"the apostrophe in `{before_word}'{after_word}` ends the text in single quotes early"
        else:
            message = f'the " before `{after_word}` ends the text in double quotes early' if after_word else 'a " ends the text in double quotes early'
        inner = self._intended_text(scalar, quote)
        if inner is not None:
            hint = _quote_fixes("" if self._inside_flow(start.index) else prefix, inner, quote)
        elif quote == "'":
            hint = f"inside single quotes write each apostrophe twice (`{before_word}''{after_word}`), or put the whole text in double quotes"
        else:
            hint = "put the whole text in single quotes, or write each inner quote as `\\\"`"
        return (end.line + 1, end.column), message, hint

    def _quote_follows(self, index: int, quote: str, key_indent: int) -> bool:
        """Whether ``quote`` appears again in the rest of this value (this line, or its more-indented continuation lines)."""
        rest = self.text[index:].split("\n")
        if quote in rest[0]:
            return True
        for line in rest[1:]:
            if not line.strip():
                continue
            if self.indent(line) <= key_indent:
                return False
            if quote in line:
                return True
        return False

    def _intended_text(self, scalar: Any, quote: str) -> str | None:
        """The whole text the user meant to quote, when it opens and ends on one line."""
        start = scalar.start_mark
        if scalar.end_mark.line != start.line:
            return None
        line = self.line(start.line + 1)
        rest = line[start.column + 1 :]
        stop = len(rest)
        if self._inside_flow(start.index):
            item_end = re.search(re.escape(quote) + r"\s*[,\]}]", rest)
            stop = item_end.start() + 1 if item_end else stop
        else:
            comment = re.search(r"\s#", rest)
            stop = comment.start() if comment else stop
        candidate = rest[:stop].rstrip()
        if not candidate.endswith(quote) or len(candidate) < 2:
            return None
        return candidate[:-1]

    def _inside_flow(self, index: int) -> bool:
        depth = 0
        for token in self.tokens_before(index):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                depth += 1
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
                depth -= 1
        return depth > 0

    def unclosed_quote(self) -> tuple[Position, str, str | None] | None:
        if "end of stream" not in self.problem or "quoted scalar" not in self.context or self.cm is None:
            return None
        quote = self.text[self.cm.index] if self.cm.index < len(self.text) else '"'
        number = self.cm.line + 1
        return (
            (number, self.cm.column + 1),
            f"the {quote} opened here is never closed, so YAML reads the rest of the file as part of this text",
            f"add the closing {quote} at the end of the text: `{self.line(number).strip()}{quote}`",
        )

    def flow_problem(self) -> tuple[Position, str, str | None] | None:
        if "flow" not in self.context:
            return None
        opened_at = None
        stack: list[Any] = []
        for token in self.tokens_before(self.pm.index):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                stack.append(token)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and stack:
                stack.pop()
        if not stack:
            return None
        opened_at = stack[-1].start_mark
        opening = self.text[opened_at.index]
        closing, kind = ("]", "list") if opening == "[" else ("}", "mapping")
        number = opened_at.line + 1
        if self.pm.line > opened_at.line:
            written = self.line(number).split(" #")[0].rstrip()
            example = written + ("…" if written.endswith(opening) else "") + closing
            return (
                (number, opened_at.column + 1),
                f"the `{opening}` opened on line {number} is never closed",
                f"close the {kind} with `{closing}` on the same line, for example: `{example.strip()}`",
            )
        return (
            (self.pm.line + 1, self.pm.column + 1),
            f"YAML cannot read this {kind} written in `{opening}{closing}`",
            f"separate the items with commas, and put any item that contains `: `, `,`, `[`, `]`, `{{` or `}}` in quotes: `{opening}\"a: b\", c{closing}`",
        )

    def text_after_flow(self) -> tuple[Position, str, str | None] | None:
        """``title: [WIP] Checkout`` and ``tags: [a, b]]``: a bracket at the start of a value opens a list."""
        if "expected key" not in self.problem and "expected ':'" not in self.problem:
            return None
        tokens = self.tokens_before(self.pm.index)
        if not tokens or not isinstance(tokens[-1], (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) or tokens[-1].end_mark.line != self.pm.line:
            return None
        pos = (self.pm.line + 1, self.pm.column + 1)
        char = self.text[self.pm.index : self.pm.index + 1]
        if char in ("]", "}"):
            return pos, f"this `{char}` closes nothing: the brackets before it are already closed", f"remove the extra `{char}`"
        line = self.line(self.pm.line + 1)
        match = _KEY_LINE.match(line)
        if match is None:
            return None
        value = line[match.end() :].strip()
        opening = value[:1]
        kind = "a list" if opening == "[" else "a mapping"
        prefix = line[: match.end()].strip()
        return (
            (self.pm.line + 1, match.end() + len(line[match.end() :]) - len(line[match.end() :].lstrip()) + 1),
            f"a value that starts with `{opening}` is read as {kind}, so the text after the closing bracket cannot follow it",
            f"put the whole value in quotes: `{prefix} {_requote(value)}`",
        )

    def reserved_start(self) -> tuple[Position, str, str | None] | None:
        if "cannot start any token" not in self.problem and "while scanning an alias" not in self.context and "anchor" not in self.context:
            return None
        index = self.pm.index if "cannot start" in self.problem else (self.cm.index if self.cm is not None else self.pm.index)
        char = self.text[index : index + 1]
        reason = _RESERVED_START.get(char)
        if reason is None:
            return None
        number = self.text.count("\n", 0, index) + 1
        line = self.line(number)
        column = index - (self.text.rfind("\n", 0, index) + 1)
        value = line[column:].strip()
        prefix = line[:column].strip()
        return (
            (number, column + 1),
            f"{reason}, so it cannot start a plain value",
            f"put the value in quotes: `{prefix + ' ' if prefix else ''}{_requote(value)}`",
        )

    def mapping_value(self) -> tuple[Position, str, str | None] | None:
        if "mapping values are not allowed" not in self.problem:
            return None
        number = self.pm.line + 1
        line = self.line(number)
        pos = (number, self.pm.column + 1)
        match = _KEY_LINE.match(line)
        if match is not None and match.end() <= self.pm.column:
            key = match.group("key").strip()
            value = line[match.end() :].strip()
            comment = re.search(r"\s#", value)
            value = value[: comment.start()].rstrip() if comment else value
            prefix = line[: match.end()].strip()
            second = re.search(r"(?:^|\s)(?P<key>[a-z_]+)$", line[: self.pm.column])
            if second is not None and second["key"] in format_keys() and second["key"] != key:
                first_part = line[match.end() : second.start("key")].strip()
                column = self.key_column(number)
                return (
                    (number, second.start("key") + 1),
                    f"`{second['key']}:` looks like a second key on line {number}, on the same line as `{key}:`; each key goes on its own line",
                    f"end the line after `{key}: {first_part}` and put `{line[second.start('key') :].strip()}` on the next line, indented by "
                    + _plural(column or 0, "space")
                    + f" like `{key}:`; or, if it is all text, put the value in quotes: `{prefix} {_requote(value)}`",
                )
            return (
                pos,
                f"the value of `{key}` contains `: `, which YAML reads as the start of another key",
                f"put the value in quotes: `{prefix} {_requote(value)}`",
            )
        above = self.previous_content(number)
        if above is None:
            return None
        dashed = re.match(r"(?P<indent> *)-(?P<rest>[A-Za-z_][\w-]*: .*)$", self.line(above))
        if dashed is not None:  # `-id: pay`: without the space, `-id` is a key of its own, not a list item
            return (
                (above, len(dashed["indent"]) + 1),
                f"line {above} starts with `-` but no space after it, so YAML reads `-{dashed['rest'].split(':', 1)[0]}` as a key, not as a list item",
                f"put a space after the dash: `{dashed['indent']}- {dashed['rest'].rstrip()}`",
            )
        key_column = self.key_column(above)
        owner = self.key_name(above)
        if key_column is not None and self.indent(line) > key_column and owner is not None:
            spaces = self.indent(line) - key_column
            return (
                (number, self.indent(line) + 1),
                f"line {number} is indented {_plural(spaces, 'space')} more than `{owner}:` on line {above}, so YAML reads it as more of the value of `{owner}`",
                f"line it up with `{owner}:`: " + (f"indent it by exactly {_plural(key_column, 'space')}" if key_column else "start it at the beginning of the line"),
            )
        return None

    def missing_dash_indicator(self) -> tuple[Position, str, str | None] | None:
        """A line in a list item that is not lined up with the item's keys (or a new item without `- `)."""
        if "expected '-'" not in self.problem or self.cm is None:
            return None
        number = self.pm.line + 1
        line = self.line(number)
        column = self.indent(line)
        dash_column = self.cm.column
        key = self.key_name(number)
        item_key_column, sibling = self._item_keys(number, dash_column)
        if key is None or item_key_column is None or sibling is None:
            where = "is lined up with" if column == dash_column else "does not line up with"
            return (
                (number, column + 1),
                f"line {number} {where} the `- ` items of the list on line {self.cm.line + 1} but does not start with `- `",
                "start it with `- ` if it is another item of that list, or indent it exactly like the lines it belongs with",
            )
        sibling_key = self.key_name(sibling)
        item_keys = self._keys_at(number, dash_column, item_key_column)
        value = line.strip()
        if column == dash_column and (key == "id" or key in item_keys):
            return (
                (number, column + 1),
                f"line {number} starts a new list item but has no `- ` in front of it",
                f"write `{' ' * dash_column}- {value}` and indent the lines that belong to the new item by two more spaces",
            )
        missing = item_key_column - column
        return (
            (number, column + 1),
            f"`{key}:` on line {number} is indented {_plural(missing, 'space')} less than the other keys of this list item (`{sibling_key}:` on line {sibling})",
            f"indent `{key}:` by {_plural(item_key_column, 'space')} so it lines up with `{sibling_key}:`"
            + (f"; or, if it starts a new item, write `- {value}`" if column == dash_column else ""),
        )

    def _item_keys(self, number: int, dash_column: int) -> tuple[int | None, int | None]:
        """The key column of the list item above ``number`` and the nearest line holding one of its keys."""
        nearest = None
        for n in range(number - 1, 0, -1):
            line = self.line(n)
            if not self.content(line):
                continue
            indent = self.indent(line)
            if indent < dash_column:
                return None, None
            if indent == dash_column and line.lstrip().startswith("-"):
                column = self.key_column(n)
                return column, nearest if nearest is not None and self.key_column(nearest) == column else n
            if nearest is None or self.indent(self.line(nearest)) != indent:
                nearest = n if self.key_column(n) == indent else nearest
        return None, None

    def _keys_at(self, number: int, dash_column: int, key_column: int) -> set[str]:
        keys: set[str] = set()
        for n in range(number - 1, 0, -1):
            line = self.line(n)
            if not self.content(line):
                continue
            if self.key_column(n) == key_column:
                name = self.key_name(n)
                if name:
                    keys.add(name)
            if self.indent(line) == dash_column and line.lstrip().startswith("-"):
                break
        return keys

    def no_space_after_colon(self) -> tuple[Position, str, str | None] | None:
        """`emotion:1` or `- id:pay`: the colon is there, the space after it is not, so the key is plain text."""
        number = self.pm.line + 1
        for candidate in (number, self.previous_content(number)):
            if candidate is None:
                continue
            bad = _NO_SPACE_AFTER_COLON.match(self.line(candidate))
            if bad:
                key, value = bad["key"], bad["value"].strip()
                return (
                    (candidate, bad.start("value")),
                    f"`{key}:{value}` on line {candidate} has no space after the colon, so YAML reads the whole line as text, not as the key `{key}`",
                    f"put a space after the colon: `{key}: {value}`",
                )
        return None

    def no_colon(self) -> tuple[Position, str, str | None] | None:
        if "expected ':'" not in self.problem or self.cm is None:
            return None
        number = self.cm.line + 1
        line = self.line(number)
        value = line.strip()
        above = self.previous_content(number)
        if above is not None and self.line(above).lstrip().startswith("- ") and self.indent(self.line(above)) == self.indent(line):
            return (
                (number, self.cm.column + 1),
                f"line {number} is in a list but does not start with `- `",
                f"write `{' ' * self.indent(line)}- {value}`",
            )
        return (
            (number, self.cm.column + 1),
            f"`{value}` on line {number} has no `:` after it; YAML expects `key: value` here",
            f"write it as `{value}: …` with a colon and a space, or, if it is more of the text above, indent it further than that line's key",
        )

    def block_mapping_indent(self) -> tuple[Position, str, str | None] | None:
        if "expected key" not in self.problem or self.cm is None:
            return None
        number = self.pm.line + 1
        line = self.line(number)
        column = self.indent(line)
        if column != self.pm.column:
            return None  # the problem is not at the start of the line
        owner = self.cm.line + 1
        deeper_list = any(self.indent(self.line(n)) > column and self.line(n).lstrip().startswith("- ") for n in range(owner, number))
        if column == self.cm.column and line.lstrip().startswith("-") and not deeper_list:
            return (
                (number, column + 1),
                f"line {number} starts a list item (`- `) among the keys of the mapping that starts on line {owner}",
                "a list belongs under a key that ends with `:` and has nothing after it on its line; put the items on the lines below that key, indented by two more spaces",
            )
        return self._misaligned(number, column)

    def entry_after_key(self) -> tuple[Position, str, str | None] | None:
        if "sequence entries are not allowed" not in self.problem:
            return None
        number = self.pm.line + 1
        line = self.line(number)
        match = _KEY_LINE.match(line)
        key = match.group("key").strip() if match else "key"
        item = line[self.pm.column :].lstrip("- ").strip()
        return (
            (number, self.pm.column + 1),
            "a `- ` list item cannot start on the same line as its key",
            f"put the item on the next line, indented by two more spaces (`{key}:` then `  - {item}`), or write the list in brackets: `{key}: [{item}]`",
        )

    def document_indent(self) -> tuple[Position, str, str | None] | None:
        if "document start" not in self.problem:
            return None
        number = self.pm.line + 1
        column = self.indent(self.line(number))
        return self._misaligned(number, column)

    def _misaligned(self, number: int, column: int) -> tuple[Position, str, str | None] | None:
        """Name the lines above that ``number`` falls between: the columns it could line up with."""
        deeper = shallower = None
        smallest = None
        for n in range(number - 1, 0, -1):
            line = self.line(n)
            if not self.content(line):
                continue
            indent = self.indent(line)
            if smallest is not None and indent >= smallest:
                continue  # only the outline: each line less indented than the ones below it
            smallest = indent
            if indent > column:
                deeper = n  # the outline narrows going up, so the last one seen is the closest
            else:
                shallower = n
                break
        if deeper is None and shallower is None:
            return None
        below = self.line(deeper) if deeper is not None else ""
        if shallower is not None and self.indent(self.line(shallower)) == column and deeper is not None and self.line(number).lstrip().startswith("- ") and below.lstrip().startswith("- "):
            return (
                (number, column + 1),
                f"the list item on line {number} is indented by {_plural(column, 'space')}, but the items of the list above it (line {deeper}) by {self.indent(below)}",
                f"indent it by exactly {_plural(self.indent(below), 'space')}, like the `- ` on line {deeper}",
            )
        parts = []
        for n, relation in ((shallower, "more than"), (deeper, "less than")):
            if n is not None and self.indent(self.line(n)) != column:
                words = self.line(n).strip()
                shown = words.split(":")[0] + ":" if ":" in words else words
                parts.append((relation, n, self.indent(self.line(n)), shown))
        if not parts:
            return None
        if len(parts) == 1 and parts[0][0] == "more than":
            _, n, indent, shown = parts[0]
            return (
                (number, column + 1),
                f"line {number} is indented {_plural(column - indent, 'space')} more than `{shown}` on line {n}",
                f"line it up with `{shown}`: indent it by exactly {_plural(indent, 'space')}",
            )
        where = " but ".join(f"{relation} `{shown}` on line {n} ({_plural(indent, 'space')})" for relation, n, indent, shown in parts)
        options = " or ".join(str(indent) for _, _, indent, _ in parts)
        return (
            (number, column + 1),
            f"line {number} is indented by {_plural(column, 'space')}: {where}, so YAML cannot tell where it belongs",
            f"indent it by exactly {options} space{'' if options == '1' else 's'}, like the lines it belongs with",
        )


def _requote(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
