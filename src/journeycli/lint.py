"""The lint engine: validate, resolve the journey once, run every selected rule, apply suppressions.

A file that fails validation gets its validation findings and no quality
rules. Rules receive a ``Context`` (the validated journey, its flow graph,
the data path of every stage, step and pain point, the settings) and yield
``Finding``s; the engine places them at a line and column, applies the
configured severity and drops those silenced in the file itself:

    x-journey-ignore:              # on the journey, a stage or a step
      - rule: P002
        reason: The drop at payment is expected and tracked in JIRA-123

A suppression applies to its own level and everything inside it. An entry
that names no known rule, has no reason, or silences nothing is reported as
L010 (bad-suppression).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from .config import Settings
from .diagnostics import Diagnostic
from .flow import check_persona, resolve
from .journey_view import checked_view
from .rules import LINT_FAMILIES, by_code, lint_rules
from .rules.base import Context, StepPaths
from .rules.l010_bad_suppression import RULE as L010
from .sourcemap import SourceMap
from .validation import Checked, no_gc, validate

if TYPE_CHECKING:
    from .model import Journey  # or its ``journey_view``: the rules read both alike

SUPPRESS_KEY = "x-journey-ignore"


@dataclass
class _Suppression:
    code: str
    scope: tuple  # data path of the journey, stage or step that carries it
    path: tuple  # data path of the entry itself
    used: bool = False


def _context(file: str, journey: Journey, settings: Settings, libraries: Any) -> Context:
    context = Context(file, journey, resolve(journey, settings.persona), settings, settings.today or date.today())
    if libraries is not None:
        context.library_ids = {kind: frozenset(libraries.entries(kind)) for kind in ("personas", "channels", "sources", "teams")}
    context.step_path = StepPaths(journey, context.resolved.index)
    for i, stage in enumerate(journey.stages):
        context.stage_path[stage.id] = ("stages", i)
    return context


def _suppressions(journey: Journey, file: str, smap: SourceMap, out: list[Diagnostic]) -> list[_Suppression]:
    """Read every `x-journey-ignore` list; malformed entries are reported as L010."""
    holders: list[tuple[tuple, Any]] = [((), journey)]
    for i, stage in enumerate(journey.stages):
        holders.append((("stages", i), stage))
        holders.extend((("stages", i, "steps", j), step) for j, step in enumerate(stage.steps))
    known = by_code()
    found: list[_Suppression] = []
    for scope, holder in holders:
        entries = (holder.__pydantic_extra__ or {}).get(SUPPRESS_KEY)
        if entries is None:
            continue
        where = (*scope, SUPPRESS_KEY)
        if not isinstance(entries, list):
            out.append(L010.at(file, smap.value(where), f"`{SUPPRESS_KEY}` must be a list of {{rule, reason}} entries"))
            continue
        for n, entry in enumerate(entries):
            path = (*where, n)
            code = entry.get("rule") if isinstance(entry, dict) else None
            reason = entry.get("reason") if isinstance(entry, dict) else None
            if not isinstance(code, str):
                out.append(L010.at(file, smap.value(path), f"each `{SUPPRESS_KEY}` entry needs a `rule` (a lint rule code such as P002) and a `reason`"))
            elif code.upper() not in known or code.upper()[0] not in LINT_FAMILIES:
                out.append(L010.at(file, smap.value(path), f"`{code}` is not a lint rule code that can be silenced", "see `journey rules`"))
            elif not isinstance(reason, str) or not reason.strip():
                out.append(L010.at(file, smap.value(path), f"the suppression of {code.upper()} gives no `reason`", "say why, so reviewers can judge it"))
            else:
                found.append(_Suppression(code.upper(), scope, path))
    return found


def _silenced(path: tuple, suppressions: list[_Suppression]) -> bool:
    """Whether one of ``suppressions`` (those of the finding's rule) covers ``path``; each that does is marked used."""
    hit = False
    for suppression in suppressions:
        if path[: len(suppression.scope)] == suppression.scope:
            suppression.used = hit = True
    return hit


def lint_journey(journey: Journey, smap: SourceMap, file: str, settings: Settings, libraries: Any = None) -> list[Diagnostic]:
    """The quality and pain-point findings of a validated journey (``libraries``: those it uses, if followed)."""
    out: list[Diagnostic] = []
    if settings.persona is not None:
        check_persona(journey, settings.persona, file)
    # Suppressions apply even when L010 itself is not run; only its findings are dropped then.
    bad_suppressions: list[Diagnostic] = []
    suppressions = _suppressions(journey, file, smap, bad_suppressions)
    context = _context(file, journey, settings, libraries)
    by_code: dict[str, list[_Suppression]] = {}
    for suppression in suppressions:
        by_code.setdefault(suppression.code, []).append(suppression)
    for rule in lint_rules():
        if rule.check is None or not settings.runs(rule.code):
            continue
        silencing = by_code.get(rule.code)
        severity = settings.severity.get(rule.code)
        code, name = rule.code, rule.name
        for path, message, hint, at_key, own in rule.check(context):
            if silencing is not None and _silenced(path, silencing):
                continue
            line, column = smap.key(path) if at_key else smap.value(path)
            out.append(Diagnostic(file, line, column, severity or own or rule.severity, code, name, message, hint))
    # Under --persona some steps are left out, so a suppression can look unused without being so.
    for suppression in suppressions if settings.persona is None else ():
        if not suppression.used and settings.runs(suppression.code):
            bad_suppressions.append(L010.at(file, smap.value(suppression.path), f"this suppression of {suppression.code} silences nothing", "remove it"))
    if settings.runs(L010.code):
        severity = settings.severity.get(L010.code)
        out.extend(replace(d, severity=severity) if severity else d for d in bad_suppressions)
    return out


def lint_checked(checked: Checked, settings: Settings) -> list[Diagnostic]:
    """A validated file's findings and, when it is valid, its lint findings.

    The rules read the journey through ``journey_view``, not the Pydantic models: the same values, for a
    fraction of the time and memory of a large map, and no Pydantic import for a valid file."""
    if checked.valid_data is None:
        return checked.diagnostics
    with no_gc():  # the views, the flow graph and the findings are thousands of containers and no cycle
        journey = checked_view(checked)
        return checked.diagnostics + lint_journey(journey, checked.sourcemap, checked.file, settings, checked.libraries)


def lint_file(data: bytes, file: str, settings: Settings) -> list[Diagnostic]:
    """Validate one file (its libraries not followed) and, when it is valid, lint it."""
    return lint_checked(validate(data, file), settings)
