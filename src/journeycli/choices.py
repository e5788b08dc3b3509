"""Every closed set of names a user chooses from, in one place that imports nothing of the project.

``cli`` builds its Typer choices from these, and the core looks its writers up
in the same declarations, so a name is written once. A ``Family`` maps each
format name to the module that holds it (imported only when that format is
used, so `journey --help` stays fast) and the file suffixes that imply it:
adding an output format to a command is one entry here and one module.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

LEVELS = ("error", "warning", "info")
"""Severities, as ``--fail-on`` and ``fail_on`` name them."""

RULES_FORMATS = ("text", "json")
RENDER_FORMATS = ("svg", "png", "pdf", "dot")
RENDER_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
VIEWS = ("map", "flow")
THEMES = ("light", "dark", "print")
ENGINES = ("graphviz-pure", "graphviz", "auto")


ALIASES = {"md": "markdown"}
"""Other names people type for a choice (`-o map.md` picks Markdown, so `--format md` does too)."""


def normal_token(token: str) -> str:
    """How Click compares choice values (and command and option names): case-insensitively, with aliases."""
    lowered = token.lower()
    return ALIASES.get(lowered, lowered)


@dataclass(frozen=True)
class Family:
    """Interchangeable modules chosen by name; each module in ``package`` defines the function ``function``."""

    package: str
    function: str
    modules: Mapping[str, str]  # format name → module in the package
    suffixes: Mapping[str, str] = field(default_factory=dict)  # file suffix → format name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.modules)

    def get(self, name: str) -> Callable[..., Any]:
        """The function of format ``name``, importing its module now (a KeyError for an unknown name)."""
        return getattr(import_module(f"journeycli.{self.package}.{self.modules[name]}"), self.function)

    def for_path(self, path: str) -> str | None:
        """The format a file name's suffix implies, if any."""
        return self.suffixes.get(os.path.splitext(path)[1].lower())


REPORTERS = Family(
    "reporters",
    "report",
    {"text": "text", "json": "json_format", "github": "github", "sarif": "sarif", "gitlab": "gitlab"},
)
"""`journey validate/lint --format`: ``report(report, out)``."""

EXPORTERS = Family(
    "export",
    "export",
    {"mermaid": "mermaid", "markdown": "markdown", "csv": "csv_format", "json": "json_format"},
    {".mmd": "mermaid", ".mermaid": "mermaid", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".json": "json"},
)
"""`journey export --format`: ``export(journey) -> str``."""

IMPORTERS = Family(
    "importers",
    "parse",
    {"mermaid": "mermaid", "csv": "csv_format"},
    {".mmd": "mermaid", ".mermaid": "mermaid", ".md": "mermaid", ".markdown": "mermaid", ".csv": "csv", ".tsv": "csv"},
)
"""`journey import --from`: ``parse(text) -> Draft``."""

DIFF_FORMATS = Family("diff", "write", {"text": "text", "markdown": "markdown", "json": "json_format"})
"""`journey diff --format`: ``write(diffs, out)``."""

DIFF_FAIL_ON = ("regression",)
"""`journey diff --fail-on`: the review classes that make a diff exit 1."""

FUNNEL_FORMATS = Family(
    "funnel",
    "write",
    {"text": "text", "markdown": "markdown", "json": "json_format", "csv": "csv_format"},
    {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv"},
)
"""`journey funnel --format`: ``write(funnels, out)``; the chart formats are ``FUNNEL_CHARTS``."""

FUNNEL_CHARTS = {".svg": "svg", ".png": "png"}
"""`journey funnel --format svg|png` (and the -o suffixes that imply them): drawn by ``funnel.chart``."""

PAINS_FORMATS = Family("pains", "write", {"text": "text", "json": "json_format", "markdown": "markdown", "csv": "csv_format"})
"""`journey pains --format`: ``write(reports, out)``."""

PORTFOLIO_FORMATS = Family(
    "portfolio.formats",
    "write",
    {"text": "text", "markdown": "markdown", "json": "json_format", "csv": "csv_format"},
    {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv"},
)
"""`journey portfolio --format`: ``write(report, sections, out)``."""

PORTFOLIO_SECTIONS = ("journeys", "pains", "backlog", "coverage", "owners")
"""`journey portfolio --section`: the parts of the report, in the order they are shown."""

OPPORTUNITY_KINDS = ("fix", "improvement", "upsell", "cross_sell", "operational", "none")
"""`journey portfolio --kind`: the backlog filter (`none`: opportunities without a `kind`)."""
