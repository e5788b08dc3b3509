"""`journey funnel --format json`: ``{"funnels": [...]}``, the numbers themselves.

``reach`` is as the file gives it, ``share`` of the entrants from 0 to 1, and
an unknown value is ``null`` beside a ``…_reason``. docs/funnel.md lists the keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from ..json_text import compact
from .cells import share_of
from .dropoff import DropOff, StepFlow
from .report import Funnel


def _n(value: float | None) -> float | int | None:
    """A number for JSON without float noise (0.1, not 0.09999999999999998); whole numbers as integers."""
    if value is None or type(value) is int:
        return value
    value = round(value, 10)
    return int(value) if value.is_integer() else value


def _flow_json(flow: StepFlow, model: DropOff) -> dict[str, Any]:
    return {
        "step": flow.step,
        "reach": _n(flow.reach),
        "share": _n(share_of(flow.reach, model)),
        "ways": [{"to": w.to, "customers": _n(w.customers), "loop": w.loop, "reason": w.reason} for w in flow.ways],
        "lost": _n(flow.lost),
        "lost_reason": flow.reason,
        "ends": _n(flow.ends),
        "loop": list(flow.loop),
    }


def funnel_json(file: str, f: Funnel) -> dict[str, Any]:
    """The funnel's keys in order; the lists of objects as iterators, so that each object is built as it is written."""
    model = f.model
    journey = f.resolved.journey
    return {
        "file": file,
        "journey": journey.id,
        "persona": f.resolved.persona,
        "entrants": journey.entrants,
        "unit": "customers" if model.counts else "share",
        "end": f.end,
        "path": (
            {
                "step": p.step.id,
                "stage": p.stage.id,
                "reach": _n(p.reach),
                "share": _n(share_of(p.reach, model)),
                "drop": _n(p.drop),
                "drop_share": _n(p.drop_share),
                "drop_reason": p.reason,
                "pain_points": [pain.id for pain in p.pain_points],
                "opportunities": [opp.id for opp in p.opportunities],
            }
            for p in f.path
        ),
        "drops": [p.step.id for p in f.ranked()],
        "stages": (
            {"stage": s.stage.id, "entered": _n(s.entered), "converted": _n(s.converted), "conversion": _n(s.conversion)} for s in f.stages
        ),
        "steps": (_flow_json(model.steps[s], model) for s in f.resolved.order),
        "loops": ({"head": lp.head, "steps": list(lp.steps), "reach": _n(lp.reach), "lost": _n(lp.lost), "lost_reason": lp.reason} for lp in model.loops),
    }


def write(funnels: list[tuple[str, Funnel]], out: TextIO) -> None:
    """Indented down to the lists of objects, with one object per line: readable, and written by json's C encoder
    (``indent`` would switch json to its pure-Python encoder, seconds on 20,000 steps)."""
    dumps = compact()
    out.write('{"funnels": [')
    for n, (file, f) in enumerate(funnels):
        out.write(",\n  {" if n else "\n  {")
        for k, (key, value) in enumerate(funnel_json(file, f).items()):
            out.write(f"{',' if k else ''}\n    {dumps(key)}: ")
            if isinstance(value, Iterator):
                opening = "["
                for item in value:
                    out.write(f"{opening}\n      {dumps(item)}")
                    opening = ","
                out.write("\n    ]" if opening == "," else "[]")
            else:
                out.write(dumps(value))
        out.write("\n  }")
    out.write("\n]}\n" if funnels else "]}\n")
