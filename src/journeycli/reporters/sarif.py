"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from .. import __version__
from ..diagnostics import Severity
from ..rules import all_rules
from . import Report, relative_path

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_HOME = "https://github.com/journeycli/journeycli"


def report(result: Report, out: TextIO) -> None:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "journeycli",
        "version": __version__,
        "informationUri": _HOME,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.why},
                "help": {
                    "text": f"{rule.summary}\n\nWhy: {rule.why}",
                    "markdown": f"{rule.summary}\n\n**Why:** {rule.why}\n\nFails:\n```yaml\n{rule.bad}```\n\nPasses:\n```yaml\n{rule.good}```",
                },
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            }
            for rule in rules
        ],
    }
    results = []
    for d in result.diagnostics:
        fingerprint = hashlib.sha256(f"{d.code}\0{relative_path(d.file)}\0{d.message}".encode()).hexdigest()[:32]
        entry = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.full_message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": relative_path(d.file), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": d.line, "startColumn": d.column},
                    }
                }
            ],
            "partialFingerprints": {"journeycli/v1": fingerprint},
        }
        if d.code in index:
            entry["ruleIndex"] = index[d.code]
        results.append(entry)
    document = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
