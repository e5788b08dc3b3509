"""Which lines the emotion curve draws: the journey's flow, between the steps that have an emotion.

A segment joins two emotional steps when the flow goes from one to the other,
directly (``step``) or only through steps without an emotion (``bridge``:
dashed, so the gap shows). A segment back to a step at or before its start in
the file is a ``return`` (a loop: retry, come back after a reminder), drawn
above the curve with an arrow. An emotional step where the customer leaves
(no successor) ends its line with the exit mark; one that leaves only through
emotionless steps does too. Nothing joins steps that the flow does not join,
so a branch forks the line and an exit ends it.

Landings through emotionless steps come from ``Resolved.emotion_successors``,
which is linear in the size of the journey.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import Resolved

STEP, BRIDGE, RETURN = "step", "bridge", "return"


@dataclass(frozen=True)
class Segment:
    tail: str
    head: str
    kind: str  # STEP, BRIDGE or RETURN
    bridged: bool  # passes through steps without an emotion (a return can be bridged too)


def segments(resolved: Resolved) -> list[Segment]:
    """Every segment of the curve, in the order of the file (by tail, then as the flow lists the heads)."""
    landings = resolved.emotion_successors()
    steps, index = resolved.steps, resolved.index
    out: list[Segment] = []
    for tail in resolved.order:
        if steps[tail].emotion is None:
            continue
        direct = {t for t in resolved.successors[tail] if steps[t].emotion is not None}
        for head in landings[tail]:
            bridged = head not in direct
            if index[head] <= index[tail]:
                kind = RETURN
            else:
                kind = BRIDGE if bridged else STEP
            out.append(Segment(tail, head, kind, bridged))
    return out


def exits(resolved: Resolved) -> list[str]:
    """Emotional steps whose line ends: the customer leaves there, or only through steps without an emotion.

    The emotionless steps from which the flow can run out are found by one
    walk backwards from the emotionless exits (linear in the journey).
    """
    steps, successors = resolved.steps, resolved.successors
    feeling = {s for s in resolved.order if steps[s].emotion is not None}
    before: dict[str, list[str]] = {}
    for step_id in resolved.order:
        if step_id not in feeling:
            for target in successors[step_id]:
                before.setdefault(target, []).append(step_id)
    running_out = {s for s in resolved.order if s not in feeling and not successors[s]}
    pending = list(running_out)
    while pending:
        for earlier in before.get(pending.pop(), ()):
            if earlier not in running_out:
                running_out.add(earlier)
                pending.append(earlier)
    return [s for s in resolved.order if s in feeling and (not successors[s] or any(t in running_out for t in successors[s]))]
