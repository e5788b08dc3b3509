"""Writing accepted rows into a journey file's text, changing only the bytes of the values.

The file is not re-dumped: a YAML dumper (or a round-trip library such as
ruamel.yaml) would re-flow long strings, re-indent lists, requote scalars and
normalise line endings. Instead each value is replaced where the loader's
source map says it stands (the scalar runs from there to its end on the same
line), and a key that is missing (`as_of`, `reach`, `reach_as_of`) is
inserted as a new line after its mapping's `id`, at the indentation of the
`id` key (or as `, key: value` after the id in a flow mapping). So every byte
outside the changed values — comments, order, quoting, blank lines, line
endings — stays as it was, and no second parse of the file is needed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import accumulate
from typing import Any

from ..diagnostics import Diagnostic
from ..funnel.reach import DEFAULT
from ..model import Journey
from ..sourcemap import SourceMap
from .rows import REACH, Row, finding


def number_text(value: float, whole: bool) -> str:
    """A number as YAML reads it back as the same number (never `1e-05`, which YAML 1.1 reads as text)."""
    if whole or (value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


@dataclass
class Change:
    """One cell the file changes: what the rows asked, for the summary."""

    row: Row
    what: str  # "metric `x` at `step`" / "reach at `step`"


@dataclass
class Plan:
    text: str
    changes: list[Change] = field(default_factory=list)
    found: list[Diagnostic] = field(default_factory=list)
    _splices: list[tuple[int, int, str, Row]] = field(default_factory=list)
    _made: list[tuple[int, Row]] = field(default_factory=list)  # after ``result``: where each splice starts in the new text

    def replace(self, start: int, end: int, new: str, row: Row) -> None:
        self._splices.append((start, end, new, row))

    def result(self) -> str:
        """The text with every splice made, joined in one pass (splicing one by one copies the file each time)."""
        pieces, at, length = [], 0, 0
        self._made = []
        for start, end, new, row in sorted(self._splices, key=lambda s: (s[0], s[1])):
            kept = self.text[at:start]
            length += len(kept)
            self._made.append((length, row))
            pieces += [kept, new]
            length += len(new)
            at = end
        pieces.append(self.text[at:])
        self._result = "".join(pieces)
        return self._result

    def row_at(self, line: int) -> Row:
        """The row whose splice stands on ``line`` of the new text, or last before it (the first row when none does)."""
        end = -1
        for _ in range(line):  # the offset where the line ends
            end = self._result.find("\n", end + 1)
            if end < 0:
                end = len(self._result)
                break
        n = bisect_right([start for start, _ in self._made], end)
        return self._made[max(n - 1, 0)][1]


class _Editor:
    def __init__(self, text: str, smap: SourceMap, csv_file: str, plan: Plan) -> None:
        self.text, self.smap, self.csv, self.plan = text, smap, csv_file, plan
        self.newline = "\r\n" if "\r\n" in text else "\n"
        # index of the first character of each line (only line feeds end lines, as in the loader), summed in C
        self.starts = [0, *accumulate(map((1).__add__, map(len, text.split("\n")[:-1])))]
        self.inserts: dict[int, list[tuple[str, Row]]] = {}

    def index(self, pos: tuple[int, int]) -> int:
        return self.starts[pos[0] - 1] + pos[1] - 1

    def scalar_end(self, start: int, flow: bool) -> int:
        """Where the one-line scalar that starts at ``start`` ends (quotes understood; a comment or, in a flow mapping, `,` `}` `]` ends a plain one)."""
        text = self.text
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        quote = text[start]
        if quote in "'\"":
            at = start + 1
            while at < line_end:
                if text[at] == quote:
                    if quote == "'" and text[at + 1 : at + 2] == "'":
                        at += 2
                        continue
                    return at + 1
                if quote == '"' and text[at] == "\\":
                    at += 1
                at += 1
            return line_end
        at = start
        while at < line_end:
            char = text[at]
            if char == "#" and text[at - 1] in " \t":
                break
            if flow and char in ",}]":
                break
            at += 1
        while at > start and text[at - 1] in " \t\r":
            at -= 1
        return at

    def has(self, path: tuple) -> bool:
        """Whether the key that ends ``path`` is written in the file (a key given `null` is there, though the model holds None)."""
        return self.smap.node(path)[1] is not None

    def flow(self, mapping: tuple) -> bool:
        return self.text[self.index(self.smap.value(mapping))] == "{"

    def span(self, path: tuple, mapping: tuple, row: Row, column: str) -> tuple[int, int] | None:
        """Where the value at ``path`` stands, or None (with a finding) when it cannot be changed in place."""
        start = self.index(self.smap.value(path))
        if self.text[start] in "&!*|>":
            self.plan.found.append(
                finding(self.csv, row.line, row.columns[column], "D006", "the value to change is written as a YAML alias, with an anchor or tag, or over several lines; change it by hand")
            )
            return None
        return start, self.scalar_end(start, self.flow(mapping))

    def insert(self, mapping: tuple, key: str, value: str, row: Row) -> None:
        """A new ``key: value`` right after the mapping's `id`."""
        id_path = (*mapping, "id")
        start = self.index(self.smap.value(id_path))
        if self.flow(mapping):
            position, piece = self.scalar_end(start, True), f", {key}: {value}"
        else:
            line_end = self.text.find("\n", start)
            indent = " " * (self.smap.key(id_path)[1] - 1)
            if line_end < 0:
                position, piece = len(self.text), f"{self.newline}{indent}{key}: {value}"
            else:
                position, piece = line_end + 1, f"{indent}{key}: {value}{self.newline}"
        self.inserts.setdefault(position, []).append((piece, row))

    def finish(self) -> None:
        for position, pieces in self.inserts.items():
            self.plan.replace(position, position, "".join(piece for piece, _ in pieces), pieces[0][1])


def plan(text: str, smap: SourceMap, journey: Journey, rows: list[Row], csv_file: str) -> Plan:
    """The splices that write ``rows`` into ``text`` (a valid journey file, ``smap`` its source map), and the findings about rows that cannot be written."""
    result = Plan(text)
    editor = _Editor(text, smap, csv_file, result)
    where: dict[str, tuple[int, int]] = {}
    for i, stage in enumerate(journey.stages):
        for j, step in enumerate(stage.steps):
            where[step.id] = (i, j)
    counts = journey.entrants is not None
    for row in rows:
        if row.step not in where:
            result.found.append(finding(csv_file, row.line, row.columns["step"], "D002", f"`{row.step}` is not a step of the journey `{journey.id}`"))
            continue
        i, j = where[row.step]
        step = journey.stages[i].steps[j]
        path = ("stages", i, "steps", j)
        if row.metric == REACH:
            _reach(editor, journey, step, path, row, counts)
        else:
            _metric(editor, step, path, row)
    editor.finish()
    return result


def _set_date(editor: _Editor, mapping: tuple, key: str, day: date, row: Row) -> None:
    if not editor.has((*mapping, key)):
        editor.insert(mapping, key, day.isoformat(), row)
        return
    span = editor.span((*mapping, key), mapping, row, "as_of")
    if span is not None:
        editor.plan.replace(*span, day.isoformat(), row)


def _metric(editor: _Editor, step: Any, step_path: tuple, row: Row) -> None:
    index = next((k for k, m in enumerate(step.metrics) if m.id == row.metric), None)
    if index is None:
        known = ", ".join(m.id for m in step.metrics) or "none"
        editor.plan.found.append(
            finding(editor.csv, row.line, row.columns["metric"], "D002", f"`{row.metric}` is not a metric of step `{row.step}` (its metrics: {known}; `reach` sets the step's reach)")
        )
        return
    metric = step.metrics[index]
    path = (*step_path, "metrics", index)
    same_value = metric.value == row.value
    same_date = row.as_of is None or metric.as_of == row.as_of
    if same_value and same_date:
        return
    if not same_value:
        span = editor.span((*path, "value"), path, row, "value")
        if span is None:
            return
        editor.plan.replace(*span, number_text(row.value, False), row)
    if not same_date:
        _set_date(editor, path, "as_of", row.as_of, row)
    editor.plan.changes.append(Change(row, f"metric `{row.metric}` at `{row.step}`"))


def _reach(editor: _Editor, journey: Journey, step: Any, path: tuple, row: Row, counts: bool) -> None:
    value = row.value
    if counts and (not value.is_integer() or not 0 <= value <= journey.entrants):
        editor.plan.found.append(
            finding(
                editor.csv,
                row.line,
                row.columns["value"],
                "D006",
                f"the reach of `{row.step}` must be a whole number of customers from 0 to the journey's {journey.entrants} entrants; found `{row.text}`",
            )
        )
        return
    if not counts and not 0 <= value <= 1:
        editor.plan.found.append(
            finding(editor.csv, row.line, row.columns["value"], "D006", f"the reach of `{row.step}` must be a share from 0 to 1 (the journey declares no `entrants`); found `{row.text}`")
        )
        return
    current = step.reach
    if isinstance(current, dict) and DEFAULT not in current:
        editor.plan.found.append(finding(editor.csv, row.line, row.columns["metric"], "D006", f"the reach of `{row.step}` is given per persona without a `{DEFAULT}`; change it by hand"))
        return
    old = current.get(DEFAULT) if isinstance(current, dict) else current
    same_value = old == value
    same_date = row.as_of is None or (step.reach_as_of or journey.reach_as_of) == row.as_of
    if same_value and same_date:
        return
    if not same_value:
        if not editor.has((*path, "reach")):
            editor.insert(path, "reach", number_text(value, counts), row)
        else:
            target = (*path, "reach", DEFAULT) if isinstance(current, dict) else (*path, "reach")
            span = editor.span(target, (*path, "reach") if isinstance(current, dict) else path, row, "value")
            if span is None:
                return
            editor.plan.replace(*span, number_text(value, counts), row)
    if not same_date:
        _set_date(editor, path, "reach_as_of", row.as_of, row)
    editor.plan.changes.append(Change(row, f"reach at `{row.step}`"))
