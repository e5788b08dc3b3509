"""The JSON contract of docs/diff.md: ``{"changes": […], "summary": {…}}``, with additions only.

Every change has the seven contract keys (``op``, ``entity``, ``id``, ``path``,
``field``, ``old``, ``new``; the last three null unless set), then ``file``
(which compared file it belongs to, with two files as with ``--base``),
``class``, ``kind`` and, for a set-like list, ``members`` (``Change.as_json``).
Added top-level keys: ``files`` (each compared pair: its names, status,
rename, and the findings of an invalid side) and ``diagnostics`` (every
finding of every invalid side, in the ``journey validate --format json``
shape). Written with plain ``write``: Rich would wrap and colour it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..reporters.json_format import diagnostic
from .changes import FileDiff
from .summary import merge


def _file(diff: FileDiff) -> dict[str, Any]:
    return {
        "file": diff.file,
        "old": diff.old_name,
        "new": diff.new_name,
        "changes": len(diff.changes),
        "status": diff.status,
        "renamed_from": diff.renamed_from,
        "problems": [{"side": p.side, "name": p.name, "diagnostics": [diagnostic(d) for d in p.diagnostics]} for p in diff.problems],
    }


def write(diffs: list[FileDiff], out: TextIO) -> None:
    document: dict = {
        "changes": [change.as_json(diff.file) for diff in diffs for change in diff.changes],
        "summary": merge([diff.summary for diff in diffs]),
        "files": [_file(diff) for diff in diffs],
        "diagnostics": [diagnostic(d) for diff in diffs for problem in diff.problems for d in problem.diagnostics],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
