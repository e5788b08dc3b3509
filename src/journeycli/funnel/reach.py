"""Step reach as a file gives it: the checks validation adds, and the value one persona sees.

A reach is a share of the journey's entrants (0..1) or, when the journey
declares `entrants`, a count of customers (a whole number, at most
`entrants`). A mapping gives it per persona: `default` is the value for
every persona the mapping does not name, and for the journey as a whole.
These checks run on the loaded data, like ``integrity``, so that they are
reported beside the other validation errors with their positions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic
from ..rules.error_codes import E002, E005
from ..sourcemap import SourceMap
from ..suggest import closest

if TYPE_CHECKING:  # validation runs these checks without importing Pydantic
    from ..model import Journey, Step

DEFAULT = "default"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _steps(raw: dict) -> Iterator[tuple[tuple, dict]]:
    stages = raw.get("stages")
    for i, stage in enumerate(stages if isinstance(stages, list) else []):
        steps = stage.get("steps") if isinstance(stage, dict) else None
        for j, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict):
                yield ("stages", i, "steps", j), step


def _ids(raw: dict, key: str) -> set[str] | None:
    items = raw.get(key)
    if not isinstance(items, list):
        return None
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _known(ids: set[str], what: str) -> str:
    """The hint when no id is close: the known ones, as integrity words it for other references."""
    if not ids:
        return f"no {what} is defined in this journey"
    shown = sorted(ids)
    return f"known {what} ids: {', '.join(shown[:8])}{', …' if len(shown) > 8 else ''}"


def check(raw: dict, file: str, smap: SourceMap, libraries: Any = None) -> list[Diagnostic]:
    """Reach out of range, counts above `entrants`, unknown persona keys and unknown `reach_source` ids.

    ``libraries`` (``portfolio.uses.Resolved``): the libraries the journey uses, whose personas and sources count too.
    """
    entrants = raw.get("entrants")
    counts = _number(entrants) and isinstance(entrants, int) and entrants >= 1
    personas = _ids(raw, "personas")
    sources = _ids(raw, "sources") or set()
    if libraries is not None:
        sources |= set(libraries.entries("sources"))
        if libraries.declares("personas"):
            personas = (personas or set()) | set(libraries.entries("personas"))
    found: list[Diagnostic] = []

    def source(path: tuple, value: Any) -> None:
        if isinstance(value, str) and value not in sources:
            close = closest(value, sorted(sources))
            hint = f"did you mean `{close}`?" if close else _known(sources, "source")
            found.append(E005.at(file, smap.value(path), f"`{value}` is not a defined source id", hint))

    def amount(path: tuple, value: Any, where: str) -> None:
        if not _number(value) or value < 0:
            return  # the schema check reports it
        if counts:
            if not float(value).is_integer():
                found.append(
                    E002.at(
                        file,
                        smap.value(path),
                        f"{where} is `{smap.raw(path) or value}`, but the journey declares `entrants`, so reach is a count of customers (a whole number)",
                        "write the count of customers, or remove `entrants` to give shares from 0 to 1",
                    )
                )
            elif value > entrants:
                found.append(E002.at(file, smap.value(path), f"{where} is {value:g} customers, more than the journey's {entrants} entrants"))
        elif value > 1:
            found.append(
                E002.at(
                    file,
                    smap.value(path),
                    f"{where} is {value:g}; without `entrants` reach is a share of the entrants, from 0 to 1",
                    "write 0.62 for 62%, or declare `entrants` on the journey to give counts of customers",
                )
            )

    source(("reach_source",), raw.get("reach_source"))
    for path, step in _steps(raw):
        if "reach_source" in step:
            source((*path, "reach_source"), step["reach_source"])
        reach = step.get("reach")
        name = f"step `{step.get('id')}`" if isinstance(step.get("id"), str) else "this step"
        if isinstance(reach, dict):
            for key, value in reach.items():
                if key != DEFAULT and personas is not None and isinstance(key, str) and key not in personas:
                    close = closest(key, sorted(personas))
                    found.append(
                        E005.at(
                            file,
                            smap.key((*path, "reach", key)),
                            f"`{key}` in the reach of {name} is not a defined persona id (or `{DEFAULT}`)",
                            f"did you mean `{close}`?" if close else _known(personas, "persona"),
                        )
                    )
                amount((*path, "reach", key), value, f"the reach of {name} for `{key}`")
        else:
            amount((*path, "reach"), reach, f"the reach of {name}")
    return found


def value(step: Step, persona: str | None) -> float | None:
    """The step's reach as ``persona`` walks the journey (None: the journey as a whole); None when not given."""
    reach = step.reach
    if isinstance(reach, dict):
        if persona is not None and persona in reach:
            return reach[persona]
        return reach.get(DEFAULT)
    return reach


def total(journey: Journey) -> float:
    """What a reach is a part of: the entrants, or 1 for shares."""
    return float(journey.entrants) if journey.entrants is not None else 1.0
