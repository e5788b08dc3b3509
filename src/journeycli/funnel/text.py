"""`journey funnel --format text`: bars of reach along the main path, the largest drops, stage conversion.

Coloured with Rich on a terminal; plain text (no escape codes) anywhere else.
"""

from __future__ import annotations

from typing import TextIO

from .cells import BAR, UNKNOWN, basis, drop_words, goes, percent, share_of, short, title
from .report import Funnel


def write(funnels: list[tuple[str, Funnel]], out: TextIO) -> None:
    """Bars of reach along the main path, the largest drops with their pain points, stage conversion."""
    from rich.text import Text

    from ..presentation.terminal import console, emit

    con = console(out)
    for n, (file, f) in enumerate(funnels):
        if n:
            out.write("\n")
        emit(con, out, Text(title(f, file), style="bold"))
        if not f.measured:
            emit(con, out, Text("No step on the main path has reach: add `reach` to the steps (docs/funnel.md).", style="italic"))
            continue
        emit(con, out, Text(f"Main path, {basis(f)}:", style="dim"))
        width = max(len(p.step.id) for p in f.path)
        for p in f.path:
            line = Text(f"  {p.step.id.ljust(width)}  ")
            share = share_of(p.reach, f.model)
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
            emit(con, out, Text(f"  {rank}. {drop_words(p, f)}"))
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
