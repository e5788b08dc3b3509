"""`journey data import FILE.csv [PATH…]`: metric values and reach from a CSV, written into the journey files.

All or nothing: the CSV is read and checked, every journey under PATH is
validated, every row is matched to its journey, step and metric, and every
changed value is known to be writable, before any file is written. Any finding
(a row that names an unknown id, a missing column, a non-number, a bad date,
the same cell twice, an invalid journey file) is reported at its line and
column and nothing is changed (exit 1). What changes is printed in the words
of `journey diff`; with ``check`` nothing is written and the exit code is 1
when something would change, for a scheduled CI job.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..usage import UsageError
from .journeys import find


@dataclass(frozen=True, kw_only=True)
class DataImportOptions:
    csv: str
    paths: tuple[str, ...] = ()
    check: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # key (journey, step, metric, value, as_of) -> header in the CSV


def column_names(pairs: list[str]) -> dict[str, str]:
    """``["metric=kpi", "value=number"]`` → the header name of every key."""
    from ..data_import.rows import KEYS

    names = {key: key for key in KEYS}
    for pair in pairs:
        key, sep, header = pair.partition("=")
        if not sep or key.strip() not in KEYS or not header.strip():
            raise UsageError(f"--column takes KEY=HEADER with KEY one of {', '.join(KEYS)}; not `{pair}`")
        names[key.strip()] = header.strip()
    return names


def run(options: DataImportOptions) -> int:
    from ..config import load_settings
    from ..data_import import edits, rows
    from ..files import write_atomic
    from ..inputs import InputError, read_bytes
    from ..portfolio.uses import scope_of
    from ..runner import finished, with_excerpts
    from ..validation import validate
    from .journeys import report_invalid

    names = column_names([f"{k}={v}" for k, v in options.columns.items()])
    settings = load_settings()
    try:
        data = read_bytes(options.csv, settings.max_file_size * 10)  # an export of many journeys may be larger than one map
    except InputError as error:
        raise UsageError(f"{options.csv}: {error}") from None
    except OSError as error:
        raise UsageError(f"cannot read {options.csv}: {error.strerror or error}") from None
    table, found = rows.read(data, options.csv, names)
    found = with_excerpts(data, found)

    inputs = find(options.paths, settings.globs, settings.max_file_size)
    scope = scope_of(settings)
    journeys: dict[str, tuple[str, bytes, object, object]] = {}
    invalid: list[Diagnostic] = []
    for item in inputs:
        if item.path is None:
            raise UsageError("journey data import updates journey files; standard input cannot be written back")
        raw = item.read()
        checked = validate(raw, item.name, scope)
        if checked.journey is None:
            invalid.extend(finished(with_excerpts(raw, checked.diagnostics, item.name)))
            invalid.append(rows.finding(item.name, 1, 1, "D007", "this journey file is not valid, so no file is changed; fix it first"))
            continue
        if checked.journey.id in journeys:
            raise UsageError(f"the journey id `{checked.journey.id}` is in both {journeys[checked.journey.id][0]} and {item.name}; give the files to update as PATH")
        journeys[checked.journey.id] = (item.path, raw, checked.journey, checked.sourcemap)

    by_journey: dict[str, list] = {}
    unknown: list[Diagnostic] = []
    for row in table:
        if row.journey not in journeys:
            known = ", ".join(sorted(journeys)[:8]) or "none found"
            unknown.append(rows.finding(options.csv, row.line, row.columns["journey"], "D002", f"`{row.journey}` is not the id of a journey under {', '.join(options.paths) or '.'} (ids: {known})"))
        else:
            by_journey.setdefault(row.journey, []).append(row)
    found += with_excerpts(data, unknown)

    planned = []
    for journey_id, its_rows in by_journey.items():
        path, raw, journey, smap = journeys[journey_id]
        text = raw.decode("utf-8")
        bom = text.startswith("\ufeff")
        after = edits.working_copy(journey)
        plan = edits.plan(text[1:] if bom else text, smap, after, its_rows, options.csv)  # ``after`` now holds the new values
        found += with_excerpts(data, plan.found)
        if plan.changes:
            planned.append((path, journey, after, (("\ufeff" if bom else "") + plan.result()).encode("utf-8")))
    if found or invalid:
        if found:
            report_invalid([options.csv], sorted(found, key=Diagnostic.sort_key), data_on_stdout=False)
        if invalid:
            report_invalid([item.name for item in inputs], invalid, data_on_stdout=False)
        return 1

    results = planned
    _print_changes(results)
    if options.check:
        return 1 if results else 0
    for path, _, _, new_bytes in results:
        write_atomic(path, new_bytes)
    count = len(results)
    sys.stderr.write(f"journey: updated {count} journey file{'' if count == 1 else 's'}\n" if count else "journey: nothing to change\n")
    return 0


def _print_changes(results) -> None:
    """The changes in `journey diff`'s own words (its text format)."""
    from ..diff import writer
    from ..diff.changes import FileDiff
    from ..diff.compare import compare_aligned
    from ..diff.review import classify
    from ..diff.summary import summarize

    diffs = []
    for path, old, new, _ in results:
        changes, aligned = compare_aligned(old, new)
        changes = classify(changes, aligned, new)
        diffs.append(FileDiff(path, path, path, aligned, new, changes, summarize(path, changes, aligned, new)))
    if diffs:
        writer("text")(diffs, sys.stdout)
    else:
        sys.stdout.write("No value changes: the journey files already hold these numbers.\n")
