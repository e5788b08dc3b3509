"""The resolved journey: the step flow graph and indexes built once per file.

Flow follows docs/format.md (`next`): without `next` a step leads to the next step in
document order (across stage boundaries) and the last step ends the journey;
a `next` list replaces that default (several ids branch, an earlier id loops,
`[]` is an exit). The journey starts at its first step.

``resolve(journey, persona)`` views the journey as one persona walks it: steps
whose `personas` list excludes the persona are left out, default flow skips
them, and an explicit `next` into a left-out step continues to where that
step would have led.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .usage import UsageError

if TYPE_CHECKING:  # lint passes ``journey_view``'s views, read alike, and starts no Pydantic
    from .model import Journey, PainPoint, Stage, Step


@dataclass
class Resolved:
    """A journey with its flow graph and lookups; everything is keyed by id."""

    journey: Journey
    order: list[str]  # step ids in document order
    steps: dict[str, Step]
    stage_of: StageOf  # step id -> its stage
    index: dict[str, int]  # step id -> position in ``order``
    successors: dict[str, list[str]]  # read-only: mostly the steps' own `next` lists, and lists shared between steps
    addressed_by: dict[str, list[str]] = field(default_factory=dict)  # pain id -> opportunity ids
    persona: str | None = None
    _reachable: _Reached | None = field(default=None, repr=False)

    @property
    def start(self) -> str | None:
        return self.order[0] if self.order else None

    def is_exit(self, step_id: str) -> bool:
        """A step where the customer leaves: the end of the journey or an explicit `next: []`."""
        return not self.successors[step_id]

    def reachable(self) -> Container[str]:
        """Step ids the flow reaches from the first step (computed once; several rules ask).

        Kept as the steps it does not reach, usually none: the reached ones were 4 MB at 80,000 steps."""
        if self._reachable is None:
            reached = self._walk()
            self._reachable = _Reached(self.index, frozenset(step_id for step_id in self.order if step_id not in reached))
        return self._reachable

    def _walk(self) -> set[str]:
        if self.start is None:
            return set()
        seen = {self.start}
        queue = deque([self.start])
        while queue:
            for target in self.successors[queue.popleft()]:
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    def emotion_successors(self) -> dict[str, list[str]]:
        """For each step, the steps with an emotion it leads to, passing through steps without one (``emotion_landings``)."""
        landings = self.emotion_landings()
        return {step_id: landings(step_id) for step_id in self.order}

    def emotion_landings(self) -> Callable[[str], list[str]]:
        """The steps with an emotion a step leads to, passing through steps without one, asked one step at a time.

        Comparing emotions along the flow skips backstage and other emotionless
        steps. Emotionless steps that loop among themselves share their landings,
        so they are grouped into strongly connected components (``components``);
        each component comes after every component it leads to, so its landings
        are computed once, from theirs. Only those are kept: a list per step
        cost P002 8 MB at 80,000 steps.
        """
        steps, successors, index = self.steps, self.successors, self.index
        felt = _Felt(steps)
        through: dict[str, list[str]] = {}
        for members in components(self.order, successors, skip=felt):
            lands: set[str] = set()
            for member in members:
                for after in successors[member]:
                    if after in felt:
                        lands.add(after)
                    elif after not in members:
                        lands.update(through[after])
            ordered = sorted(lands, key=index.__getitem__)
            for member in members:
                through[member] = ordered

        def landings(step_id: str) -> list[str]:
            landing: list[str] = []
            for target in successors[step_id]:
                for found in through.get(target) or ((target,) if steps[target].emotion is not None else ()):
                    if found not in landing:
                        landing.append(found)
            return landing

        return landings

    def pain_points(self) -> list[tuple[Stage, Step, PainPoint]]:
        return [(self.stage_of[s], self.steps[s], pain) for s in self.order for pain in self.steps[s].pain_points]


class _Reached:
    """Whether the flow reaches a step: any step of it but the ``unreached``."""

    __slots__ = ("_index", "_unreached")

    def __init__(self, index: dict[str, int], unreached: frozenset[str]) -> None:
        self._index, self._unreached = index, unreached

    def __contains__(self, step_id: object) -> bool:
        return step_id in self._index and step_id not in self._unreached


class StageOf:
    """The stage of each step in the flow, from where each stage's run of steps begins (a table was 2.6 MB at 80,000 steps)."""

    __slots__ = ("_index", "_stages", "_starts")

    def __init__(self, kept: list[tuple[Stage, Step]], index: dict[str, int]) -> None:
        self._index, self._stages, self._starts = index, [], array("L")
        for n, (stage, _) in enumerate(kept):
            if not self._stages or stage is not self._stages[-1]:
                self._stages.append(stage)
                self._starts.append(n)

    def __getitem__(self, step_id: str) -> Stage:
        return self._stages[bisect_right(self._starts, self._index[step_id]) - 1]


class _Felt:
    """The steps with an emotion, asked one at a time (a set of them was 4 MB at 80,000 steps)."""

    __slots__ = ("_steps",)

    def __init__(self, steps: dict) -> None:
        self._steps = steps

    def __contains__(self, step_id: object) -> bool:
        return self._steps[step_id].emotion is not None


def components(order: list[str], successors: dict[str, list[str]], skip: Container[str] = ()) -> Iterator[set[str]]:
    """The strongly connected components of the flow graph, each after every component it leads to.

    Tarjan's algorithm, iterative so that long journeys cannot exhaust the stack.
    Roots are taken in ``order``; steps in ``skip`` are neither visited nor
    entered (P002 looks through emotionless steps only). The one home of this
    walk: the emotion landings and the funnel's loops both use it.
    """
    number: dict[str, int] = {}
    low: dict[str, int] = {}
    open_: list[str] = []  # visited steps whose component is not finished yet
    opened_at: dict[str, int] = {}  # step -> its position in ``open_``
    for root in order:
        if root in skip or root in number:
            continue
        number[root] = low[root] = len(number)
        opened_at[root] = len(open_)
        open_.append(root)
        stack = [(root, iter(successors[root]))]
        while stack:
            node, pending = stack[-1]
            target = next(pending, None)
            if target is None:
                stack.pop()
                if stack:
                    low[stack[-1][0]] = min(low[stack[-1][0]], low[node])
                if low[node] == number[node]:  # ``node`` heads a component: close it
                    members = set(open_[opened_at[node] :])
                    del open_[opened_at[node] :]
                    for member in members:
                        opened_at[member] = -1
                    yield members
            elif target in skip:
                continue
            elif target not in number:
                number[target] = low[target] = len(number)
                opened_at[target] = len(open_)
                open_.append(target)
                stack.append((target, iter(successors[target])))
            elif opened_at[target] >= 0:  # still open: a loop back into the current component
                low[node] = min(low[node], number[target])


def check_persona(journey: Journey, persona: str, file: str) -> None:
    """The one persona check of every command with ``--persona`` (lint, pains, render, show).

    A journey that declares ``personas`` must define ``persona``: anything else is
    a usage error (exit 2) naming the file and listing the known ids. In a journey
    without ``personas``, step ``personas`` lists are free text and any id is
    accepted: the view keeps the steps open to everyone and those naming it.
    """
    if journey.personas is None:
        return
    known = [p.id for p in journey.personas]
    if persona not in known:
        from .suggest import did_you_mean

        raise UsageError(f"{file}: the persona `{persona}` is not defined in this journey{did_you_mean(persona, known)} (known: {', '.join(known) or 'none'})")


def _walks(step: Step, persona: str | None) -> bool:
    return persona is None or step.personas is None or persona in step.personas


def resolve(journey: Journey, persona: str | None = None) -> Resolved:
    """Build the flow graph and indexes of a validated journey (linear in its size)."""
    everything = journey.steps()
    all_steps = {step.id: step for _, step in everything}
    kept = [(stage, step) for stage, step in everything if _walks(step, persona)]
    order = [step.id for _, step in kept]
    index = {step_id: i for i, step_id in enumerate(order)}
    following: dict[str, list[str]] = {}  # step id -> the first kept step after it, in document order
    upcoming: list[str] = []
    for _, step in reversed(everything):
        following[step.id] = upcoming
        if step.id in index:
            upcoming = [step.id]

    def targets(step_id: str) -> list[str]:
        step = all_steps[step_id]
        return step.next if step.next is not None else following[step_id]

    successors: dict[str, list[str]] = {}
    for step_id in order:
        direct = targets(step_id)
        if all(t in index for t in direct) and len(set(direct)) == len(direct):
            successors[step_id] = direct  # the usual case, nothing left out on the way: the journey's own list, not a copy
            continue
        found: list[str] = []
        pending = [t for t in direct if t in all_steps]
        visited: set[str] = set()
        while pending:  # a left-out step passes the flow on to where it would lead
            target = pending.pop(0)
            if target in visited:
                continue
            visited.add(target)
            if target in index:
                if target not in found:
                    found.append(target)
            else:
                pending.extend(t for t in targets(target) if t in all_steps)
        successors[step_id] = found

    resolved = Resolved(
        journey=journey,
        order=order,
        steps={step.id: step for _, step in kept},
        stage_of=StageOf(kept, index),
        index=index,
        successors=successors,
        persona=persona,
    )
    for _, step in everything:
        for opportunity in step.opportunities:
            for pain_id in opportunity.addresses:
                resolved.addressed_by.setdefault(pain_id, []).append(opportunity.id)
    return resolved
