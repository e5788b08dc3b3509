"""Reading the CSV: the header, then one checked ``Row`` per line, or a located finding.

Columns are found by name (``journey``, ``step``, ``metric``, ``value``,
``as_of``; each name can be changed with ``--column KEY=HEADER``). `as_of` is
optional; the others are required. In the `metric` column, `reach` means the
step's reach rather than a metric.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date

from ..dates import parse_iso_date
from ..diagnostics import Diagnostic, Severity
from ..presentation.spreadsheet import field_starts

KEYS = ("journey", "step", "metric", "value", "as_of")
REQUIRED = ("journey", "step", "metric", "value")
REACH = "reach"

CODES = {
    "D001": "missing-column",
    "D002": "unknown-id",
    "D003": "not-a-number",
    "D004": "bad-date",
    "D005": "duplicate-cell",
    "D006": "bad-value",
    "D007": "invalid-journey",
    "D008": "invalid-result",
}


def finding(file: str, line: int, column: int, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(file, line, column, Severity.ERROR, code, CODES[code], message, hint)


@dataclass(frozen=True)
class Row:
    line: int
    journey: str
    step: str
    metric: str  # a metric id, or ``REACH``
    value: float
    text: str  # the value as the CSV wrote it
    as_of: date | None
    columns: dict[str, int]  # key -> 1-based character column where its cell starts, for findings about the row


_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
"""A plain decimal number as spreadsheets write it; ``float`` alone also takes ``1_000``, ``inf`` and other scripts' digits."""


def parse_number(text: str) -> float | None:
    if not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _separator_hint(header: list[str]) -> str:
    """Why the columns were not found: most often a spreadsheet that separates cells with `;` or a tab."""
    if len(header) == 1:
        for mark, name in ((";", "`;`"), ("\t", "tabs")):
            if mark in header[0]:
                return f"the header is separated by {name}; save the file as comma-separated CSV"
    return "name the columns in the header line, or map yours with --column KEY=HEADER"


def read(data: bytes, file: str, names: dict[str, str]) -> tuple[list[Row], list[Diagnostic]]:
    """The rows of the CSV, and every finding about it (header, numbers, dates, the same cell twice)."""
    found: list[Diagnostic] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [finding(file, 1, 1, "D006", f"the CSV is not UTF-8 text (byte {error.start + 1})", "save it as UTF-8 CSV")]
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # strict: a quote never closed is an error, not the rest of the file
    try:
        header = next(reader)
    except StopIteration:
        return [], [finding(file, 1, 1, "D001", "the CSV is empty; it needs a header line: " + ",".join(names[k] for k in KEYS))]
    except csv.Error as error:
        return [], [finding(file, 1, 1, "D006", f"the CSV cannot be read: {error}")]
    where: dict[str, int] = {}
    for n, name in enumerate(header):
        if name.strip() in where and name.strip() in names.values():  # which of the two would be read is a guess
            starts = field_starts(lines[0])
            return [], [finding(file, 1, starts[n] if n < len(starts) else 1, "D001", f"the column `{name.strip()}` appears twice in the header", "keep one column of each name")]
        where.setdefault(name.strip(), n)
    columns = {key: where[names[key]] for key in KEYS if names[key] in where}
    missing = [names[k] for k in REQUIRED if k not in columns]
    if missing:
        return [], [
            finding(
                file,
                1,
                1,
                "D001",
                f"the CSV has no column{'s' if len(missing) > 1 else ''} {', '.join(f'`{m}`' for m in missing)} (its columns: {', '.join(header) or 'none'})",
                _separator_hint(header),
            )
        ]
    rows: list[Row] = []
    first: dict[tuple[str, str, str], int] = {}
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            hint = "a quoted cell is never closed" if "end of data" in str(error) else None
            found.append(finding(file, start, 1, "D006", f"this line cannot be read as CSV: {error}", hint))
            break
        line = start
        if not any(c.strip() for c in cells):
            continue  # a blank line
        values = {key: cells[n].strip() if n < len(cells) else None for key, n in columns.items()}
        starts = field_starts(lines[line - 1]) if line <= len(lines) else []
        at = {key: starts[n] if n < len(starts) else (len(lines[line - 1]) + 1 if line <= len(lines) else 1) for key, n in columns.items()}
        bad = False
        for key in REQUIRED:
            if not values[key]:
                found.append(finding(file, line, at[key], "D001", f"the `{names[key]}` cell is empty"))
                bad = True
        if bad:
            continue
        number = parse_number(values["value"])
        if number is None:
            found.append(finding(file, line, at["value"], "D003", f"`{values['value']}` in `{names['value']}` is not a number", "write a plain number such as 0.41 or 1200"))
            continue
        as_of = None
        if values.get("as_of"):
            as_of = parse_iso_date(values["as_of"])
            if as_of is None:
                found.append(finding(file, line, at["as_of"], "D004", f"`{values['as_of']}` in `{names['as_of']}` is not a date", "write it as YYYY-MM-DD"))
                continue
        cell = (values["journey"], values["step"], values["metric"])
        if cell in first:
            found.append(
                finding(
                    file,
                    line,
                    at["metric"],
                    "D005",
                    f"`{cell[2]}` at step `{cell[1]}` of `{cell[0]}` is already set on line {first[cell]}",
                    "keep one row per journey, step and metric",
                )
            )
            continue
        first[cell] = line
        rows.append(Row(line, *cell, number, values["value"], as_of, at))
    return rows, found
