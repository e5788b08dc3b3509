"""The drop-off model: from reach and the flow graph, where the customers at each step go.

Defined in docs/funnel.md; in short, with r(s) the reach of step s:

- An edge s → t is a *loop* when t is at or before s in file order (docs/format.md, `next`);
  every other edge is *forward*, so forward edges never form a cycle.
- The flow on a forward edge s → t is r(t) when s is t's only forward
  predecessor; otherwise (t is also entered from elsewhere, or has no reach)
  it is unknown. A loop edge carries customers already counted where it
  leads, so it is listed without a number.
- A step's *lost* customers are r(s) minus the flows on its forward edges:
  those who leave without taking any way the map shows. It is unknown when
  any of those flows is, when the step lies on a loop (a customer can pass
  twice and take two ways), or when the flows add up to more than r(s).
- At an exit (no way on) the journey ends for everyone there: ``ends`` is
  r(s) and nothing is lost.
- A loop as a whole (a strongly connected set of steps) loses r(head) minus
  the flows that leave it, where the head is its first step in file order,
  when the loop is entered only at its head.

Everything is linear in steps and edges. Nothing is estimated: an unknown
value carries the reason it is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import Resolved, components
from . import reach

EPSILON = 1e-9


# Plain slotted classes, not frozen ones: a large journey builds one of each per step and edge,
# and a frozen dataclass costs five times as much to build.


@dataclass(slots=True)
class Way:
    """Customers going from a step to one of the steps it leads to."""

    to: str
    customers: float | None
    loop: bool = False
    reason: str | None = None


@dataclass(slots=True)
class StepFlow:
    step: str
    reach: float | None
    ways: tuple[Way, ...]
    lost: float | None
    reason: str | None  # why ``lost`` is unknown
    ends: float | None = None  # at an exit: everyone there
    loop: tuple[str, ...] = ()  # the steps of the loop this step lies on


@dataclass(slots=True)
class LoopFlow:
    head: str
    steps: tuple[str, ...]
    reach: float | None
    lost: float | None
    reason: str | None


@dataclass
class DropOff:
    resolved: Resolved
    successors: dict[str, list[str]]
    skipped: frozenset[str]  # steps some customers go round (persona-only steps, in the whole-journey view)
    total: float
    counts: bool  # reach values are counts of customers (the journey declares `entrants`)
    reach: dict[str, float | None]
    forward_preds: dict[str, list[str]]
    steps: dict[str, StepFlow]
    loops: list[LoopFlow]
    _dominators: tuple[dict[str, str], dict[str, int]] | None = None

    def dominates(self, s: str, t: str) -> bool:
        """Whether every forward way from the first step to ``t`` passes ``s`` (so all of t's customers were at s).

        Immediate dominators over forward edges, found in one pass in file order
        (forward edges only go later, so every predecessor comes first).
        """
        if self._dominators is None:
            self._dominators = _dominator_tree(self)
        idom, depth = self._dominators
        if s not in idom or t not in idom:
            return False
        while depth[t] > depth[s]:
            t = idom[t]
        return t == s


def skippable(resolved: Resolved) -> frozenset[str]:
    """Steps that some customers go round: in the whole-journey view, those whose `personas` leaves a persona out.

    Under one persona ``flow.resolve`` has already left out the steps it does
    not take, so nothing is skipped there.
    """
    if resolved.persona is not None:
        return frozenset()
    journey = resolved.journey
    everyone = {p.id for p in journey.personas} if journey.personas is not None else None
    return frozenset(
        s for s in resolved.order
        if (chosen := resolved.steps[s].personas) is not None and (everyone is None or not everyone.issubset(chosen))
    )


def loops(resolved: Resolved, successors: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """For each step on a cycle of the flow, the steps of its strongly connected component, in file order.

    A component is a loop when it has several steps or its one step leads to itself.
    """
    found: dict[str, tuple[str, ...]] = {}
    for members in components(resolved.order, successors):
        if len(members) == 1:
            (member,) = members
            if member in successors[member]:
                found[member] = (member,)
            continue
        group = tuple(sorted(members, key=resolved.index.__getitem__))
        for member in members:
            found[member] = group
    return found


def _loop_words(group: tuple[str, ...]) -> str:
    shown = " → ".join(f"`{s}`" for s in group[:3])
    return f"{shown}{' → …' if len(group) > 3 else ''} → `{group[0]}`"


def compute(resolved: Resolved) -> DropOff:
    """The drop-off model of one journey as ``resolved.persona`` walks it."""
    journey, index, order = resolved.journey, resolved.index, resolved.order
    successors = resolved.successors
    skipped = skippable(resolved)
    persona, steps_of = resolved.persona, resolved.steps
    r = {s: reach.value(steps_of[s], persona) for s in order}
    forward_preds: dict[str, list[str]] = {s: [] for s in order}
    for s in order:
        i = index[s]
        for t in successors[s]:
            if index[t] > i:
                forward_preds[t].append(s)
    on_loop = loops(resolved, successors)
    round_of: dict[str, str | None] = dict.fromkeys(order)  # once per step: hubs stay linear
    if skipped:
        for t, preds in forward_preds.items():
            for p in preds:
                if p in skipped:
                    round_of[t] = p
                    break

    def way(s: str, t: str) -> Way:
        if index[t] <= index[s]:
            return Way(t, None, True, f"customers who go back to `{t}` are already counted there")
        if r[t] is None:
            return Way(t, None, False, f"`{t}` has no reach")
        if round_of[t] is not None:
            return Way(t, None, False, f"customers who go round `{round_of[t]}` (it is not for every persona) also arrive at `{t}`")
        preds = forward_preds[t]
        if len(preds) > 1:
            other = preds[0] if preds[0] != s else preds[1]
            return Way(t, None, False, f"`{t}` is also entered from `{other}`{' and others' if len(preds) > 2 else ''}, so its reach is not all from `{s}`")
        return Way(t, r[t])

    steps: dict[str, StepFlow] = {}
    for s in order:
        here = r[s]
        ways = tuple([way(s, t) for t in successors[s]])
        group = on_loop.get(s, ())
        lost: float | None = None
        reason: str | None = None
        ends: float | None = None
        if here is None:
            reason = f"`{s}` has no reach"
        elif not ways:
            lost, ends = 0.0, here
        elif group:
            reason = f"`{s}` is on a loop ({_loop_words(group)}), which customers can go round more than once"
        else:
            unknown = [w.reason for w in ways if w.customers is None]
            round_ = [w.to for w in ways if w.to in skipped and not w.loop] if skipped else ()
            if unknown:
                reason = unknown[0]
            elif round_:
                reason = f"customers who go round `{round_[0]}` (it is not for every persona) go on without being counted there"
            else:
                onward = sum([w.customers for w in ways])
                if onward > here + EPSILON * max(1.0, here):
                    reason = f"the steps after `{s}` reach more customers than `{s}` itself"
                else:
                    lost = max(0.0, here - onward)
        steps[s] = StepFlow(s, here, ways, lost, reason, ends, group)

    groups = set(on_loop.values())
    loop_flows = [_loop_flow(group, r, forward_preds, steps) for group in sorted(groups, key=lambda g: index[g[0]])]
    return DropOff(resolved, successors, skipped, reach.total(journey), journey.entrants is not None, r, forward_preds, steps, loop_flows)


def _dominator_tree(model: DropOff) -> tuple[dict[str, str], dict[str, int]]:
    start = model.resolved.start
    if start is None:
        return {}, {}
    idom, depth = {start: start}, {start: 0}
    forward_preds, skipped = model.forward_preds, model.skipped
    for t in model.resolved.order:
        preds = [p for p in forward_preds[t] if p in idom]
        if skipped:  # customers who go round a skipped predecessor come from wherever it is entered from
            preds += [idom[p] for p in forward_preds[t] if p in skipped and p in idom and p != start]
        if t == start or not preds:
            continue
        a = preds[0]
        for b in preds[1:]:
            while a != b:
                if depth[a] >= depth[b]:
                    a = idom[a]
                else:
                    b = idom[b]
        idom[t], depth[t] = a, depth[a] + 1
    return idom, depth


def _loop_flow(group: tuple[str, ...], r: dict[str, float | None], forward_preds: dict[str, list[str]], steps: dict[str, StepFlow]) -> LoopFlow:
    head, members = group[0], set(group)
    if r[head] is None:
        return LoopFlow(head, group, None, None, f"`{head}` has no reach")
    side = next((m for m in group[1:] if any(p not in members for p in forward_preds[m])), None)
    if side is not None:
        return LoopFlow(head, group, r[head], None, f"the loop is also entered at `{side}`, not only at `{head}`")
    out = [w for m in group for w in steps[m].ways if w.to not in members]
    unknown = next((w for w in out if w.customers is None), None)
    if unknown is not None:
        return LoopFlow(head, group, r[head], None, unknown.reason)
    onward = sum(w.customers for w in out)
    if onward > r[head] + EPSILON * max(1.0, r[head]):
        return LoopFlow(head, group, r[head], None, f"the steps after the loop reach more customers than `{head}`")
    return LoopFlow(head, group, r[head], max(0.0, r[head] - onward), None)


@dataclass(frozen=True)
class Growth:
    """A step that reaches more customers than could have come to it."""

    step: str
    reach: float
    bound: float
    preds: tuple[str, ...]


def growth(model: DropOff) -> list[Growth]:
    """Steps whose reach is above the sum of what the steps leading to them can pass on.

    Bounds travel along forward edges in file order: a step without reach
    passes on what its own predecessors could. A step entered by a loop edge is
    not judged (the loop may explain it), nor is one no forward edge enters.
    """
    resolved, r = model.resolved, model.reach
    index = resolved.index
    looped = {t for s in resolved.order for t in model.successors[s] if index[t] <= index[s]}
    bound: dict[str, float] = {}  # at most this many customers get to the step
    inflow: dict[str, float] = {}  # at most this many arrive where the step is (those who go round it too)
    found: list[Growth] = []
    for s in resolved.order:
        preds = model.forward_preds[s]
        if s == resolved.start:
            bound[s] = inflow[s] = r[s] if r[s] is not None else model.total
            continue
        if s in looped or not preds:
            bound[s] = inflow[s] = r[s] if r[s] is not None else float("inf")
            continue
        limit = inflow[s] = sum(bound[p] + (inflow[p] if p in model.skipped else 0.0) for p in preds)
        if r[s] is not None and r[s] > limit + EPSILON * max(1.0, limit):
            found.append(Growth(s, r[s], limit, tuple(preds)))
        bound[s] = min(r[s], limit) if r[s] is not None else limit
    return found
