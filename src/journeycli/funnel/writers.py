"""`journey funnel` output: text (bars), Markdown, JSON and CSV, from ``report.Funnel``s.

Numbers are written one way everywhere: counts of customers as whole numbers
with thousands separators, shares as percentages with at most one decimal.
JSON keeps the numbers themselves (``reach`` as the file gives it, ``share``
of the entrants from 0 to 1) and ``null`` with a ``…_reason`` where a value is unknown.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, TextIO

from .dropoff import DropOff, StepFlow
from .report import Funnel, PathStep

BAR = 30  # characters of the widest bar
UNKNOWN = "unknown"


def percent(share: float) -> str:
    text = f"{share * 100:.1f}".removesuffix(".0")
    return f"{text}%"


def amount(value: float, model: DropOff) -> str:
    """``1,234 customers`` when the journey counts, else ``62% of entrants``."""
    if model.counts:
        return f"{round(value):,} customer{'' if round(value) == 1 else 's'}"
    return f"{percent(value)} of entrants"


def short(value: float | None, model: DropOff) -> str:
    """A table cell: ``1,234`` or ``62%``."""
    if value is None:
        return "—"
    return f"{round(value):,}" if model.counts else percent(value)


def _share(value: float | None, model: DropOff) -> float | None:
    return None if value is None or not model.total else value / model.total


def goes(flow: StepFlow, model: DropOff, skip: str | None = None) -> list[str]:
    """Where the customers at a step go, in words, leaving out the main path's next step."""
    out = []
    for way in flow.ways:
        if way.to == skip:
            continue
        if way.loop:
            out.append(f"some go back to {way.to}")
        else:
            out.append(f"{short(way.customers, model) if way.customers is not None else 'an unknown number'} to {way.to}")
    if flow.lost is not None and flow.lost > 0:
        out.append(f"{short(flow.lost, model)} leave the journey")
    elif flow.lost is None and flow.reason and flow.reach is not None:
        out.append(f"how many leave is unknown: {flow.reason}")
    return out


def _title(f: Funnel, file: str) -> str:
    persona = f" · persona {f.resolved.persona}" if f.resolved.persona else ""
    return f"{f.resolved.journey.title} ({f.resolved.journey.id}){persona} — {file}"


def _basis(f: Funnel) -> str:
    journey = f.resolved.journey
    if journey.entrants is not None:
        return f"reach as counts of {journey.entrants:,} entrants"
    return "reach as shares of the entrants"


# -- text ------------------------------------------------------------------------------------


def write_text(funnels: list[tuple[str, Funnel]], out: TextIO) -> None:
    """Bars of reach along the main path, the largest drops with their pain points, stage conversion."""
    from rich.text import Text

    from ..terminal import console, emit

    con = console(out)
    for n, (file, f) in enumerate(funnels):
        if n:
            out.write("\n")
        emit(con, out, Text(_title(f, file), style="bold"))
        if not f.measured:
            emit(con, out, Text("No step on the main path has reach: add `reach` to the steps (docs/funnel.md).", style="italic"))
            continue
        emit(con, out, Text(f"Main path, {_basis(f)}:", style="dim"))
        width = max(len(p.step.id) for p in f.path)
        for p in f.path:
            line = Text(f"  {p.step.id.ljust(width)}  ")
            share = _share(p.reach, f.model)
            filled = 0 if share is None else round(min(share, 1.0) * BAR)
            line.append("█" * filled, style="cyan")
            line.append("░" * (BAR - filled) if share is not None else "?" + " " * (BAR - 1), style="dim")
            line.append(f"  {short(p.reach, f.model):>8}")
            if p.drop is not None and p.drop > 0:
                line.append(f"  −{short(p.drop, f.model)} ({percent(p.drop_share or 0)})", style="red")
            elif p.reason and p is not f.path[-1]:
                line.append(f"  drop {UNKNOWN}", style="dim")
            emit(con, out, line)
        emit(con, out, Text("Largest drops:", style="bold"))
        for rank, p in enumerate(f.ranked(), 1):
            emit(con, out, Text(f"  {rank}. {_drop_words(p, f)}"))
            after = p.after
            for where in goes(p.flow, f.model, after):
                emit(con, out, Text(f"     → {where}", style="dim"))
            for pain in p.pain_points:
                emit(con, out, Text(f"     pain [{pain.severity}] {pain.id}: {' '.join(pain.description.split())}"))
            for opp in p.opportunities:
                emit(con, out, Text(f"     opportunity [{opp.status}] {opp.id}: {' '.join(opp.description.split())}", style="green"))
        emit(con, out, Text("Stage conversion:", style="bold"))
        for s in f.stages:
            value = percent(s.conversion) if s.conversion is not None else UNKNOWN
            emit(con, out, Text(f"  {s.stage.id}: {value} ({short(s.converted, f.model)} of {short(s.entered, f.model)})"))


def _drop_words(p: PathStep, f: Funnel) -> str:
    after = p.after
    if p.drop is None:
        return f"{p.step.id} → {after}: drop {UNKNOWN} ({p.reason})"
    return f"{p.step.id} → {after}: {amount(p.drop, f.model)} do not go on ({percent(p.drop_share or 0)} of {short(p.reach, f.model)})"


# -- Markdown -------------------------------------------------------------------------------


def to_markdown(funnels: list[tuple[str, Funnel]]) -> str:
    from ..export.markdown import cell, code, text

    lines: list[str] = []
    for file, f in funnels:
        lines += [f"## {text(f.resolved.journey.title)} — funnel", ""]
        if f.resolved.persona:
            lines += [f"Persona: {code(f.resolved.persona)}", ""]
        if not f.measured:
            lines += ["No step on the main path has reach.", ""]
            continue
        lines += [f"Main path, {_basis(f)}.", "", "| Step | Stage | Reach | Share | Drop |", "|---|---|--:|--:|--:|"]
        for p in f.path:
            drop = "" if p is f.path[-1] else (f"{short(p.drop, f.model)} ({percent(p.drop_share or 0)})" if p.drop is not None else UNKNOWN)
            share = _share(p.reach, f.model)
            lines.append(f"| {cell(p.step.name)} ({code(p.step.id)}) | {cell(p.stage.name)} | {short(p.reach, f.model)} | {percent(share) if share is not None else '—'} | {drop} |")
        lines += ["", "### Largest drops", ""]
        for rank, p in enumerate(f.ranked(), 1):
            lines.append(f"{rank}. {text(_drop_words(p, f))}")
            for where in goes(p.flow, f.model, p.after):
                lines.append(f"   - {text(where)}")
            for pain in p.pain_points:
                lines.append(f"   - pain point {code(pain.id)} ({pain.severity}): {text(pain.description)}")
            for opp in p.opportunities:
                lines.append(f"   - opportunity {code(opp.id)} ({opp.status}): {text(opp.description)}")
        lines += ["", "### Stage conversion", "", "| Stage | Entered | Went on | Conversion |", "|---|--:|--:|--:|"]
        for s in f.stages:
            lines.append(
                f"| {cell(s.stage.name)} | {short(s.entered, f.model)} | {short(s.converted, f.model)} | {percent(s.conversion) if s.conversion is not None else UNKNOWN} |"
            )
        lines.append("")
    return "\n".join(lines) + ("\n" if not lines else "")


# -- JSON -----------------------------------------------------------------------------------


def _n(value: float | None) -> float | int | None:
    """A number for JSON without float noise (0.1, not 0.09999999999999998); whole numbers as integers."""
    if value is None:
        return None
    value = round(value, 10)
    return int(value) if value.is_integer() else value


def _flow_json(flow: StepFlow, model: DropOff) -> dict[str, Any]:
    return {
        "step": flow.step,
        "reach": _n(flow.reach),
        "share": _n(_share(flow.reach, model)),
        "ways": [{"to": w.to, "customers": _n(w.customers), "loop": w.loop, "reason": w.reason} for w in flow.ways],
        "lost": _n(flow.lost),
        "lost_reason": flow.reason,
        "ends": _n(flow.ends),
        "loop": list(flow.loop),
    }


def funnel_json(file: str, f: Funnel) -> dict[str, Any]:
    model = f.model
    journey = f.resolved.journey
    return {
        "file": file,
        "journey": journey.id,
        "persona": f.resolved.persona,
        "entrants": journey.entrants,
        "unit": "customers" if model.counts else "share",
        "end": f.end,
        "path": [
            {
                "step": p.step.id,
                "stage": p.stage.id,
                "reach": _n(p.reach),
                "share": _n(_share(p.reach, model)),
                "drop": _n(p.drop),
                "drop_share": _n(p.drop_share),
                "drop_reason": p.reason,
                "pain_points": [pain.id for pain in p.pain_points],
                "opportunities": [opp.id for opp in p.opportunities],
            }
            for p in f.path
        ],
        "drops": [p.step.id for p in f.ranked()],
        "stages": [
            {"stage": s.stage.id, "entered": _n(s.entered), "converted": _n(s.converted), "conversion": _n(s.conversion)} for s in f.stages
        ],
        "steps": [_flow_json(model.steps[s], model) for s in f.resolved.order],
        "loops": [{"head": lp.head, "steps": list(lp.steps), "reach": _n(lp.reach), "lost": _n(lp.lost), "lost_reason": lp.reason} for lp in model.loops],
    }


def to_json(funnels: list[tuple[str, Funnel]]) -> str:
    return json.dumps({"funnels": [funnel_json(file, f) for file, f in funnels]}, indent=2, ensure_ascii=False) + "\n"


# -- CSV ------------------------------------------------------------------------------------

CSV_COLUMNS = ("file", "journey", "persona", "position", "stage", "step", "name", "reach", "share", "drop", "drop_share", "drop_reason", "pain_points")


def _csv_number(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}" if not float(value).is_integer() else str(int(value))


def to_csv(funnels: list[tuple[str, Funnel]]) -> str:
    """One row per main-path step; text cells are guarded against spreadsheet formulas."""
    from ..export.csv_format import guard

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for file, f in funnels:
        for n, p in enumerate(f.path, 1):
            writer.writerow(
                [
                    guard(file),
                    f.resolved.journey.id,
                    f.resolved.persona or "",
                    n,
                    p.stage.id,
                    p.step.id,
                    guard(p.step.name),
                    _csv_number(p.reach),
                    _csv_number(_share(p.reach, f.model)),
                    _csv_number(p.drop),
                    _csv_number(p.drop_share),
                    guard(p.reason or ""),
                    " ".join(pain.id for pain in p.pain_points),
                ]
            )
    return buffer.getvalue()
