"""Checks across the journeys of one run: journey ids, `part_of` / `future_of` links, and the portfolio rules.

They run when a command is given several journeys or a folder (a single file says nothing about the
others). Journey ids must be unique only in a linked portfolio (some journey uses a library or has a
`part_of`, `future_of` or `state`): plain maps checked together, such as copies of one map, stay valid
as they were before libraries and links existed. Validation across files: a journey id used by two files (E004, in the later file), a link to a
journey id no file declares (E005), links that come back to where they started (E008, in every file of
the cycle). ``journey lint`` adds the rules that have an ``across`` check (L005 for library entries,
L011–L014), configured like every other rule. Every step is linear in the number of journeys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..rules.error_codes import E004, E005, E008
from ..suggest import closest
from .digest import Digest
from .library import LibraryFile


@dataclass
class Portfolio:
    """What the portfolio rules look at: every valid journey's digest, indexed once."""

    digests: list[Digest]
    settings: Any = None
    scope: Any = None  # the run's ``uses.Scope``, which has read the libraries
    by_id: dict[str, Digest] = field(default_factory=dict)
    users: dict[str, list[Digest]] = field(default_factory=dict)  # library real path → journeys using it

    def __post_init__(self) -> None:
        for d in self.digests:
            self.by_id.setdefault(d.id, d)
            for real in d.libraries:
                self.users.setdefault(real, []).append(d)

    def libraries(self) -> Iterator[tuple[str, LibraryFile]]:
        """(real path, library) for every library some journey of the run uses, in the order first met."""
        for real in self.users:
            yield real, self.scope.library(real)

    def unused(self, real: str, kind: str) -> list[str]:
        """Ids of ``kind`` the library declares that no journey using it refers to (L005's judgement)."""
        users = self.users[real]
        if kind == "personas" and any(d.open_to_all for d in users):
            return []
        used = set().union(*(d.used[kind] for d in users))
        return [value for value in self.scope.library(real).entries[kind] if value not in used]


def _unknown(file: str, pos: Any, target: str, key: str, known: dict[str, Digest]) -> Diagnostic:
    close = closest(target, sorted(known))
    hint = f"did you mean `{close}`?" if close else "journey ids are the `id` of the journey files given to this command"
    return E005.at(file, pos, f"`{target}` in `{key}` is not the id of any journey checked here", hint)


def _cycles(digests: list[Digest], key: str, target_of: Any, pos_of: Any, by_id: dict[str, Digest]) -> Iterator[Diagnostic]:
    """E008 in every file on a cycle of ``key`` links (each journey has at most one such link)."""
    state: dict[str, int] = {}  # 1: on the walk being made, 2: done
    for start in digests:
        walk: list[Digest] = []
        node: Digest | None = start
        while node is not None and state.get(node.id) is None:
            state[node.id] = 1
            walk.append(node)
            target = target_of(node)
            node = by_id.get(target) if target is not None else None
        if node is not None and state.get(node.id) == 1:
            cycle = walk[walk.index(node) :]
            names = " → ".join([d.id for d in cycle] + [node.id])
            for d in cycle:
                yield E008.at(d.file, pos_of(d), f"`{key}` links make a cycle: {names}", f"a journey cannot be a {key.replace('_', ' ')} itself; fix one of the links")
        for d in walk:
            state[d.id] = 2


def validate_across(digests: list[Digest]) -> list[Diagnostic]:
    """The validation findings across files: duplicate journey ids, unknown link targets, link cycles."""
    found: list[Diagnostic] = []
    first: dict[str, Digest] = {}
    unique = []
    linked = any(d.linked for d in digests)
    for d in digests:
        if d.id in first and linked:
            found.append(
                E004.at(
                    d.file,
                    d.id_pos,
                    f"the journey id `{d.id}` is already used by {first[d.id].file} (line {first[d.id].id_pos[0]}); journey ids must be unique across the journeys checked together",
                    "rename one of them",
                )
            )
        elif d.id not in first:
            first[d.id] = d
            unique.append(d)
    for d in digests:
        if d.future_of is not None and d.future_of not in first:
            found.append(_unknown(d.file, d.future_of_pos, d.future_of, "future_of", first))
        if d.part_of is not None and d.part_of.journey not in first:
            found.append(_unknown(d.file, d.part_of.journey_pos, d.part_of.journey, "part_of", first))
    found.extend(_cycles(unique, "future_of", lambda d: d.future_of, lambda d: d.future_of_pos, first))
    found.extend(_cycles(unique, "part_of", lambda d: d.part_of.journey if d.part_of else None, lambda d: d.part_of.journey_pos, first))
    return found


def lint_across(digests: list[Digest], settings: Any, scope: Any) -> list[Diagnostic]:
    """Validation across files, then every selected rule's ``across`` check."""
    from ..rules import lint_rules

    found = validate_across(digests)
    portfolio = Portfolio(digests, settings, scope)
    for rule in lint_rules():
        if rule.across is None or not settings.runs(rule.code):
            continue
        severity = settings.severity.get(rule.code)
        found.extend(rule.at(p.file, p.position, p.message, p.hint, severity) for p in rule.across(portfolio))
    return found
