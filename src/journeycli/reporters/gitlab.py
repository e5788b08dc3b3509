"""GitLab Code Quality report (a Code Climate JSON list), for `artifacts: reports: codequality`."""

from __future__ import annotations

from typing import TextIO

from .. import json_text
from ..diagnostics import Severity
from . import Report
from .locations import fingerprints, relative_path

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(result: Report, out: TextIO) -> None:
    issues = [
        {
            "description": f"{d.code} {d.full_message}",
            "check_name": f"{d.code} {d.rule}",
            "fingerprint": fingerprint,  # without the line number: findings keep theirs when lines above move
            "severity": _SEVERITY[d.severity],
            "location": {"path": relative_path(d.file), "lines": {"begin": d.line}},
        }
        for d, fingerprint in zip(result.diagnostics, fingerprints(result.diagnostics))
    ]
    out.write(json_text.dumps(issues) + "\n")
