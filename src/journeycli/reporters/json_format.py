"""The JSON report: one object with ``diagnostics`` and ``summary``, as the spec fixes it."""

from __future__ import annotations

from typing import TextIO

from .. import json_text
from ..diagnostics import Diagnostic
from . import Report


def diagnostic(d: Diagnostic) -> dict[str, object]:
    """One finding as the spec's JSON object (also used by `journey diff` for an invalid side)."""
    return {"file": d.file, "line": d.line, "column": d.column, "severity": d.severity.label, "code": d.code, "rule": d.rule, "message": d.full_message}


def report(result: Report, out: TextIO) -> None:
    document = {"diagnostics": [diagnostic(d) for d in result.diagnostics], "summary": result.summary.as_dict()}
    out.write(json_text.dumps(document) + "\n")
