"""One persona rule for every command with --persona: lint, pains, render and show agree.

A journey that declares `personas` must define the id (exit 2, one message);
in a journey without `personas`, step personas are free text and any id is
accepted (docs/format.md; this is how lint and pains always behaved).
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

SMALL = FIXTURES / "render" / "small.journey.yaml"  # declares planner and rusher

COMMANDS = [
    ("lint",),
    ("pains", "-f", "json"),
    ("render", "-o", "-", "-f", "dot"),
    ("show",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_undeclared_persona_is_the_same_usage_error_everywhere(cli, command):
    result = cli(command[0], SMALL, *command[1:], "--persona", "nobody")
    assert result.code == 2 and result.out == ""
    assert result.err == f"journey: error: {SMALL}: the persona `nobody` is not defined in this journey (known: planner, rusher)\n"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_without_declared_personas_any_id_is_accepted_everywhere(cli, command, tmp_path):
    free = tmp_path / "free.journey.yaml"
    free.write_text(re.sub(r"^personas:\n(?:  .*\n)+", "", SMALL.read_text(), flags=re.M))  # the same map, no `personas:`
    assert cli("validate", free).code == 0
    result = cli(command[0], free, *command[1:], "--persona", "someone-new")
    assert result.code in (0, 1) and "not defined" not in result.err, result.err
