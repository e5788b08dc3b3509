"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Artifact URIs are relative to the repository root (``%SRCROOT%``) and
percent-encoded. ``originalUriBaseIds`` describes that base without its
absolute ``file:`` URI (SARIF 2.1.0 §3.14.14 lets ``uri`` be absent; GitHub
resolves ``%SRCROOT%`` to the checkout), so the same findings give the same
bytes in every checkout. Only a file in another repository than the first
gets its absolute ``file:`` URI. GitHub reads the ``primaryLocationLineHash`` partial
fingerprint (see ``locations.fingerprints``). Valid against the official
schema (a copy is in tests/fixtures/sarif/).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from .. import __version__, json_text
from ..diagnostics import Severity
from ..rules import all_rules
from . import Report
from .locations import end_column, fingerprints, relative_path, root_of, uri

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_ROOT = "%SRCROOT%"
_ROOT_WORDS = "The root of the repository that holds the journey files (outside a repository, the folder journey ran in)."
_HOME = "https://github.com/journeycli/journeycli"


def _artifact(file: str, base: str) -> dict[str, str]:
    """Where ``file`` is: relative to ``%SRCROOT%`` when it is in the run's repository, else its absolute URI."""
    root = os.getcwd() if file == "<stdin>" else root_of(file) or os.getcwd()
    return {"uri": uri(relative_path(file)), "uriBaseId": _ROOT} if root == base else {"uri": Path(os.path.abspath(file)).as_uri()}


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
    base = next((root_of(d.file) for d in result.diagnostics if root_of(d.file)), None) or os.getcwd()
    artifacts: dict[str, dict[str, str]] = {}  # per file: a report of thousands of findings names few files
    results = []
    for d, fingerprint in zip(result.diagnostics, fingerprints(result.diagnostics)):
        artifact = artifacts.get(d.file)
        if artifact is None:
            artifact = artifacts[d.file] = _artifact(d.file, base)
        entry = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.full_message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.line, "endColumn": end_column(d)},
                    }
                }
            ],
            "partialFingerprints": {"primaryLocationLineHash": fingerprint[:32]},
        }
        if d.code in index:
            entry["ruleIndex"] = index[d.code]
        results.append(entry)
    document = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {_ROOT: {"description": {"text": _ROOT_WORDS}}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    out.write(json_text.dumps(document) + "\n")
