"""The JSON report: one object with ``diagnostics`` and ``summary``, as the spec fixes it."""

from __future__ import annotations

import json
from typing import TextIO

from . import Report


def report(result: Report, out: TextIO) -> None:
    document = {
        "diagnostics": [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "severity": d.severity.label,
                "code": d.code,
                "rule": d.rule,
                "message": d.full_message,
            }
            for d in result.diagnostics
        ],
        "summary": result.summary.as_dict(),
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
