"""The JSON contract of SPEC §3: ``{"changes": […], "summary": {…}}``.

Every change has exactly the seven SPEC keys (``op``, ``entity``, ``id``,
``path``, ``field``, ``old``, ``new``; the last three null unless set). Under
``--base``, which compares many files, each change also names its ``file`` and
a top-level ``files`` list says which pairs were compared. Written with plain
``write``: Rich would wrap and colour it.
"""

from __future__ import annotations

import json
from typing import TextIO

from .changes import FileDiff
from .summary import merge


def write(diffs: list[FileDiff], out: TextIO, per_file: bool = False) -> None:
    document: dict = {
        "changes": [change.as_json(diff.file if per_file else None) for diff in diffs for change in diff.changes],
        "summary": merge([diff.summary for diff in diffs]),
    }
    if per_file:
        document["files"] = [{"file": d.file, "old": d.old_name, "new": d.new_name, "changes": len(d.changes)} for d in diffs]
    out.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
