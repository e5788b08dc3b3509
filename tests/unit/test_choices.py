"""The one list of choices: every name Typer offers has its module, and the list imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journeycli import choices

FAMILIES = [choices.REPORTERS, choices.EXPORTERS, choices.IMPORTERS, choices.DIFF_FORMATS, choices.PAINS_FORMATS]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.package)
def test_every_name_of_a_family_loads_its_function(family):
    for name in family.names:
        assert callable(family.get(name)), name
    assert set(family.suffixes.values()) <= set(family.names)
    with pytest.raises(KeyError):
        family.get("nonsense")


def test_suffixes_name_formats_case_insensitively():
    assert choices.EXPORTERS.for_path("out/Map.MD") == "markdown"
    assert choices.IMPORTERS.for_path("steps.tsv") == "csv"
    assert choices.EXPORTERS.for_path("map.txt") is None


@pytest.mark.parametrize(
    ("command", "names"),
    [
        ("lint", choices.REPORTERS.names),
        ("export", choices.EXPORTERS.names),
        ("import", choices.IMPORTERS.names),
        ("diff", choices.DIFF_FORMATS.names),
        ("pains", choices.PAINS_FORMATS.names),
        ("render", choices.ENGINES),
        ("render", choices.THEMES),
    ],
)
def test_typer_offers_exactly_the_core_names(cli, command, names):
    assert "<" + "|".join(names) + ">" in cli(command, "--help").out


def test_choices_imports_nothing_of_the_project():
    probe = "import sys, journeycli.choices; print(sorted(m for m in sys.modules if m.startswith('journeycli.')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['journeycli.choices']"
