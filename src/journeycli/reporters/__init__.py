"""Reporters turn findings into text, JSON, GitHub annotations, SARIF or GitLab Code Quality; checks never print.

Machine formats are written with plain ``write`` calls: Rich would wrap long
lines, eat ``[bold]`` in messages as markup and inject colour codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from ..choices import REPORTERS
from ..diagnostics import Diagnostic, Summary


@dataclass
class Report:
    """Everything a reporter needs: the files checked and their findings, sorted."""

    files: list[str]
    diagnostics: list[Diagnostic]

    @property
    def summary(self) -> Summary:
        return Summary.of(len(self.files), self.diagnostics)


Reporter = Callable[[Report, TextIO], None]

FORMATS = REPORTERS.names


def default_format() -> str:
    """`github` inside GitHub Actions, `text` elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def get(name: str) -> Reporter:
    """The reporter for a ``--format`` name; imported on use to keep start-up fast."""
    return REPORTERS.get(name)
