"""`journey portfolio --format text`: Rich tables on a terminal (without ``NO_COLOR``), the same columns as
plain aligned text anywhere else (coloured by ``FORCE_COLOR``, with the same characters)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ...pains.cells import LEGEND
from ...pains.text import SEVERITY_STYLE, CellStyle, plain_table
from ...presentation.terminal import console, emit, is_terminal, printable
from ..report import PortfolioReport
from .cells import (
    BACKLOG_COLUMNS,
    BACKLOG_NOTE,
    COVERED,
    GAP,
    JOURNEY_COLUMNS,
    OWNER_COLUMNS,
    PAIN_COLUMNS,
    TITLES,
    backlog_cells,
    coverage_rows,
    journey_cells,
    owner_cells,
    pain_cells,
    summary,
)

if TYPE_CHECKING:
    from rich.text import Text

NUMBERS = {"#", "score", "steps", "mean emotion", "open high+critical", "pain points", "opportunities"}


def _tables(report: PortfolioReport, sections: tuple[str, ...]) -> list[tuple[str, tuple[str, ...], list[list[str]], str | None]]:
    found = []
    for section in sections:
        if section == "journeys":
            found.append((section, JOURNEY_COLUMNS, [journey_cells(j) for j in report.journeys], None))
        elif section == "pains":
            found.append((section, PAIN_COLUMNS, [pain_cells(p) for p in report.pains], LEGEND))
        elif section == "backlog":
            found.append((section, BACKLOG_COLUMNS, [backlog_cells(b) for b in report.backlog], BACKLOG_NOTE))
        elif section == "coverage":
            found.append((section, ("persona", *report.coverage.phases), coverage_rows(report), f"{COVERED} a journey covers it · {GAP} a gap"))
        else:
            found.append((section, OWNER_COLUMNS, [owner_cells(o) for o in report.owners], None))
    return found


def _style(columns: tuple[str, ...]) -> CellStyle:
    """Severity in its colour, a coverage gap in red."""
    return lambda row, i, v: SEVERITY_STYLE[v] if columns[i] == "severity" and v in SEVERITY_STYLE else "red" if v == GAP else ""


def write(report: PortfolioReport, sections: tuple[str, ...], out: TextIO) -> None:
    tables = [(s, cols, [[printable(c) for c in row] for row in rows], note) for s, cols, rows, note in _tables(report, sections)]
    con = console(out)
    if con is None or not is_terminal(out):  # plain aligned text, coloured only with FORCE_COLOR (same characters)
        lines: list[str | Text] = [summary(report)]
        for section, columns, rows, note in tables:
            lines += ["", TITLES[section], ""]
            style = _style(columns) if con else None
            lines += plain_table(columns, {i for i, c in enumerate(columns) if c in NUMBERS}, rows, style=style) if rows else ["Nothing to show."]
            if note:
                lines += ["", note]
        if con is None:
            out.write("\n".join(lines) + "\n")
        else:
            for line in lines:
                emit(con, out, line)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    con.print(Text(summary(report), style="bold"))
    for section, columns, rows, note in tables:
        table = Table(title=TITLES[section], title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        for c in columns:
            table.add_column(c, justify="right" if c in NUMBERS else "left", overflow="fold")
        style = _style(columns)
        for n, row in enumerate(rows):
            table.add_row(*(Text(v, style=style(n, i, v)) for i, v in enumerate(row)))
        con.print()
        con.print(table)
        if note:
            con.print(Text(note, style="dim"))
