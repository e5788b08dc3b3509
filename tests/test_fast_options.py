"""Options are coerced without Pydantic (``fast_options``) exactly as Typer's own adapters coerce them.

Every parameter of every command is given valid and invalid values: whatever
the fast path returns is what Typer returns, and what it refuses goes to Typer,
which words the usage error. A valid file is then validated with no Pydantic
imported at all, the start-up that matters in a pre-commit hook.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from conftest import EXAMPLES
from typer._coercion import build_runtime_param

from journeycli import cli
from journeycli.fast_options import _SLOW, fast_value


def _parameters():
    command = typer.main.get_command(cli.app)
    for name, sub in command.commands.items():
        for sub_name, leaf in getattr(sub, "commands", {name: sub}).items():
            for param in leaf.params:
                if hasattr(param, "type_descriptor"):
                    yield pytest.param(param, id=f"{name} {sub_name} {param.name}")


VALUES = ["text", "", "JSON", "json", "Sarif", "error", "Warning", "warn", "map", "x", ["a", "b"], ("a",), [], [1], b"bytes", True, False, 0, 3, "3", "yes"]


@pytest.mark.parametrize("param", list(_parameters()))
def test_every_value_the_fast_path_takes_is_what_typer_returns(param):
    ctx = typer.Context(typer.main.get_command(cli.app))
    descriptor = param.type_descriptor
    slow = build_runtime_param(descriptor)
    values = [*VALUES, *(list(descriptor.annotation) if isinstance(descriptor.annotation, type) and hasattr(descriptor.annotation, "__members__") else [])]
    for value in values:
        fast = fast_value(descriptor.annotation, value, descriptor.parameter_info.case_sensitive, ctx)
        if fast is _SLOW:
            continue
        assert fast == slow._coerce_value(value, param=param, ctx=ctx), value
        assert type(fast) is type(slow._coerce_value(value, param=param, ctx=ctx))


def test_a_valid_file_is_validated_without_importing_pydantic():
    script = (
        "import sys\nfrom journeycli.cli import main\n"
        f"try:\n    main(['validate', {str(EXAMPLES / 'clinic-visit.journey.yaml')!r}, '--format', 'json', '--fail-on', 'warning'])\n"
        "except SystemExit as done:\n    assert done.code == 0, done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core', 'multiprocessing')), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"


def test_a_wrong_choice_is_still_worded_by_typer(cli):
    result = cli("validate", str(EXAMPLES / "clinic-visit.journey.yaml"), "--format", "nope")
    assert result.code == 2
    assert result.err == "journey: error: --format / -f: `nope` is not one of text, json, github, sarif, gitlab (see `journey validate --help`)\n"
