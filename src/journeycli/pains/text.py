"""`journey pains --format text`: Rich tables with colour on a terminal (without ``NO_COLOR``);
anywhere else the same columns as plain aligned text without a single escape code,
one line per pain point with its description on the line below. ``FORCE_COLOR``
off a terminal colours that plain layout and changes no character of it: a
table laid out for a terminal has no width to fit in a pipe."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from ..presentation.terminal import printable
from .cells import (
    LEGEND,
    NONE,
    ONLY_IDEAS,
    OPEN,
    WEIGHT_LEGEND,
    addressed,
    hotspot,
    lost,
    lost_reason,
    opportunities,
    percent,
    signed,
    step_label,
    summary,
)
from .cells import weighted as weighted_cell
from .score import Hotspot, PainReport, RankedPain

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "dim"}

PAIN_COLUMNS = ("#", "score", "severity", "pain point", "stage", "step", "owner", "evidence", "addressed by", "affected")
PAIN_RIGHT = {0, 1, 7, 9}
WEIGHT_COLUMNS = ("lost", "weighted")
"""Added after the others with --weight-by-drop-off (right-aligned figures)."""
HOTSPOT_COLUMNS = ("stage", "mean emotion", "pain points", "worst step", "hotspot")
HOTSPOT_RIGHT = {1, 2}


def columns(weighted: bool) -> tuple[tuple[str, ...], set[int]]:
    """The pain table's columns and which are right-aligned."""
    if not weighted:
        return PAIN_COLUMNS, PAIN_RIGHT
    return PAIN_COLUMNS + WEIGHT_COLUMNS, PAIN_RIGHT | {len(PAIN_COLUMNS), len(PAIN_COLUMNS) + 1}


def _unknown_loss(row: RankedPain) -> str | None:
    reason = lost_reason(row)
    return None if reason is None else f"lost unknown: {reason}"


def pain_cells(row: RankedPain) -> list[str]:
    weight = [lost(row), weighted_cell(row)] if row.lost is not None else []
    return [
        str(row.rank),
        f"{row.shown_score:.2f}",
        row.severity,
        row.id,
        row.stage_name,
        step_label(row),
        row.owner or NONE,
        str(len(row.sources)),
        addressed(row),
        percent(row),
        *weight,
    ]


def _hotspot_cells(h: Hotspot) -> list[str]:
    return [h.name, signed(h.mean_emotion, 2), str(h.pain_count), h.worst_step_name or NONE, hotspot(h)]


def _one_line(value: str) -> str:
    return " ".join(value.split())


CellStyle = Callable[[int, int, str], str]
"""The style of a cell of a plain table: (row, column, value) -> a Rich style, "" for none."""


def plain_table(
    columns: tuple[str, ...], right: set[int], rows: list[list[str]], details: list[str] | None = None, style: CellStyle | None = None
) -> list[str | Text]:
    """Aligned columns, two spaces apart; a row's details (lines) go under it, starting at the fourth column.

    With ``style`` (``FORCE_COLOR`` into a pipe) the lines are Rich Text in the same layout, character for
    character: colour never moves a column.
    """
    from rich.cells import cell_len

    rows = [[_one_line(c) for c in row] for row in rows]
    widths = [max([cell_len(columns[i])] + [cell_len(row[i]) for row in rows]) for i in range(len(columns))]

    def line(cells: list[str] | tuple[str, ...], row: int | None) -> str | Text:
        padded = []
        for i, value in enumerate(cells):
            gap = " " * (widths[i] - cell_len(value))
            padded.append((gap, value) if i in right else (value, gap))
        if style is None:
            return "  ".join(a + b for a, b in padded).rstrip()
        from rich.text import Text

        text = Text()
        for i, (value, (a, b)) in enumerate(zip(cells, padded)):
            cell = "bold" if row is None else style(row, i, value)
            text.append("  " if i else "")
            text.append(a, "" if i in right else cell)
            text.append(b, cell if i in right else "")
        text.rstrip()
        return text

    out = [line(columns, None), "  ".join("-" * w for w in widths)]
    indent = " " * (sum(widths[:3]) + 6) if details is not None else ""
    for n, row in enumerate(rows):
        out.append(line(row, n))
        if details is not None:
            out.extend(indent + _one_line(detail) for detail in details[n].split("\n"))
    return out


def _pain_style(rows: list[RankedPain]) -> CellStyle:
    def style(row: int, column: int, value: str) -> str:
        if column == 2:
            return SEVERITY_STYLE.get(value, "")
        if column == 3:
            return "bold"
        return "yellow" if column == 8 and not rows[row].addressed else ""

    return style


def _hotspot_style(hotspots: list[Hotspot]) -> CellStyle:
    return lambda row, column, value: ("bold red" if hotspots[row].hotspot else "dim") if column == 4 else ""


def _write_plain(reports: list[PainReport], out: TextIO, con: Console | None) -> None:
    """Aligned text; coloured when ``con`` is given (``FORCE_COLOR`` off a terminal), the same characters either way."""
    from ..presentation.terminal import emit

    lines: list[str | Text] = []
    for n, r in enumerate(reports):
        lines += [""] if n else []
        lines += [f"{r.title} ({r.journey}) — {r.file}", summary(r), ""]
        if r.pain_points:
            rows = [pain_cells(row) for row in r.pain_points]
            details = ["\n".join(filter(None, (row.description, _unknown_loss(row)))) for row in r.pain_points]
            lines += plain_table(*columns(r.weighted), rows, details, _pain_style(r.pain_points) if con else None)
        else:
            lines.append("No pain points to show.")
        lines += ["", "Hotspots"]
        if r.hotspots:
            lines += plain_table(HOTSPOT_COLUMNS, HOTSPOT_RIGHT, [_hotspot_cells(h) for h in r.hotspots], style=_hotspot_style(r.hotspots) if con else None)
        else:
            lines.append("No stages in this view.")
    lines += ["", LEGEND]
    if any(r.weighted for r in reports):
        lines.append(WEIGHT_LEGEND)
    if con is None:
        out.write("\n".join(printable(line) for line in lines) + "\n")
    else:
        for line in lines:
            emit(con, out, line)


PAIN_MIN_WIDTH = 30
"""Narrowest the pain point column may get in the wide table; below that the table stacks."""
CAPPED = {4: 24, 5: 28, 6: 20, 8: 32}
"""Columns that wrap in the wide table, and the widest each may get."""


def _fits_wide(rows: list[RankedPain], width: int, names: tuple[str, ...]) -> bool:
    """Whether every column fits side by side with room left for the pain point's description."""
    from rich.cells import cell_len

    needed = PAIN_MIN_WIDTH + 2 * (len(names) - 1)
    for i, name in enumerate(names):
        if i == 3:
            continue
        lines = [name] + [line for row in rows for line in pain_cells(row)[i].split(", " if i == 8 else "\n")]
        natural = max(cell_len(line) for line in lines)
        needed += min(natural, CAPPED.get(i, natural))
    return needed <= width


def _addressed(row: RankedPain, between: str) -> Text:
    """The addressed-by cell: the words of ``cells.addressed``, in yellow when no opportunity is under way."""
    from rich.text import Text

    listed = Text(between.join(opportunities(row)))
    if row.addressed:
        return listed
    if not row.addressed_by:
        return Text(OPEN, style="yellow")
    return Text.assemble((ONLY_IDEAS, "yellow"), "\n" if between == "\n" else " — ", listed)


def _pain_table(rows: list[RankedPain], width: int, weighted: bool) -> Table:
    """The ranked pain points as a Rich table: every column when the terminal is wide enough, else the
    figures in their own columns and everything else stacked under the pain point's description."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    names, right = columns(weighted)
    wide = _fits_wide(rows, width, names)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
    shown = names if wide else names[:4]
    for i, name in enumerate(shown):
        if i == 3:  # the pain point takes the room the figures leave
            table.add_column(name, ratio=1, min_width=24, overflow="fold")
        elif i in CAPPED:
            table.add_column(name, max_width=CAPPED[i], overflow="fold")
        else:
            table.add_column(name, justify="right" if i in right else "left", no_wrap=True)
    for row in rows:
        cells: list[Any] = list(pain_cells(row))
        cells[2] = Text(row.severity, style=SEVERITY_STYLE[row.severity])
        unknown = _unknown_loss(row)
        if wide:
            cells[3] = Text.assemble((row.id, "bold"), "\n", row.description, *(("\n", (unknown, "dim")) if unknown else ()))
            cells[8] = _addressed(row, "\n")
            table.add_row(*cells)
            continue
        details = f"{row.stage_name} › {step_label(row)} · owner {row.owner or NONE} · {len(row.sources)} source{'' if len(row.sources) == 1 else 's'} · {percent(row)} affected"
        pain = Text.assemble((row.id, "bold"), "\n", row.description, "\n", (details, "dim"), "\n", ("addressed by: ", "dim"))
        pain.append_text(_addressed(row, ", "))
        if weighted:
            pain.append(f"\n{unknown}" if unknown else f"\nlost {lost(row)} · weighted score {weighted_cell(row)}", style="dim")
        table.add_row(*cells[:3], pain)
    return table


def _write_rich(reports: list[PainReport], con: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for n, r in enumerate(reports):
        if n:
            con.print()
        con.print(Text.assemble((printable(r.title), "bold"), (f" ({r.journey}) — {printable(r.file)}", "dim")))
        con.print(Text(summary(r), style="dim"))
        if r.pain_points:
            con.print(_pain_table(r.pain_points, con.width, r.weighted))
        else:
            con.print(Text("No pain points to show.", style="italic"))
        con.print(Text("Hotspots", style="bold"))
        if r.hotspots:
            table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
            for i, name in enumerate(HOTSPOT_COLUMNS):
                table.add_column(name, justify="right" if i in HOTSPOT_RIGHT else "left")
            for h in r.hotspots:
                cells = list(_hotspot_cells(h))
                cells[4] = Text(cells[4], style="bold red" if h.hotspot else "dim")
                table.add_row(*cells)
            con.print(table)
        else:
            con.print(Text("No stages in this view.", style="italic"))
    con.print()
    con.print(Text(LEGEND, style="dim"))
    if any(r.weighted for r in reports):
        con.print(Text(WEIGHT_LEGEND, style="dim"))


def write(reports: list[PainReport], out: TextIO) -> None:
    """Rich tables on a terminal; plain aligned text anywhere else, coloured only with ``FORCE_COLOR``."""
    from ..presentation.terminal import console, is_terminal

    con = console(out)
    if con is not None and is_terminal(out):
        _write_rich(reports, con)
    else:
        _write_plain(reports, out, con)
