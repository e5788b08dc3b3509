"""GitLab Code Quality report (a Code Climate JSON list), for `artifacts: reports: codequality`."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from ..diagnostics import Severity
from . import Report, relative_path

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(result: Report, out: TextIO) -> None:
    issues = [
        {
            "description": f"{d.code} {d.full_message}",
            "check_name": f"{d.code} {d.rule}",
            "fingerprint": hashlib.sha256(f"{d.code}\0{d.file}\0{d.line}\0{d.message}".encode()).hexdigest(),
            "severity": _SEVERITY[d.severity],
            "location": {"path": relative_path(d.file), "lines": {"begin": d.line}},
        }
        for d in result.diagnostics
    ]
    out.write(json.dumps(issues, indent=2, ensure_ascii=False) + "\n")
