"""Usage errors and --help in our words: no validator wording, no Python types, no split defaults."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, FIXTURES

COMMANDS = ["", "validate", "lint", "pains", "render", "diff", "schema", "init", "rules", "show", "export", "import", "funnel", "portfolio"]
LIBRARY_WORDS = re.compile(r"<(str|int|float|bool|list\[[^>]*\]|path)>|\{[A-Z]+\}|\[x[<>]=|Value error|Input should|unable to parse")


@pytest.mark.parametrize("columns", ["80", "52"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_and_keeps_defaults_whole(cli, monkeypatch, command, columns):
    monkeypatch.setenv("COLUMNS", columns)
    result = cli(*[c for c in (command,) if c], "--help")
    assert result.code == 0
    assert not LIBRARY_WORDS.search(result.out), LIBRARY_WORDS.search(result.out)
    assert not re.search(r"\[default: [^\]\n]*\n", result.out)  # a default is never split over two lines
    if command == "init":
        assert "Default: my-journey." in result.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["validate", "-f", "yaml", "x"], ["--format / -f: `yaml` is not one of text, json, github, sarif, gitlab"]),
        (["validate", "-f", "jsn", "x"], ["did you mean `json`?"]),
        (["pains", "--top", "0", "x"], ["--top: must be at least 1"]),
        (["pains", "--top", "many", "x"], ["--top: must be a whole number"]),
        (["render", "--timeout", "soon", "x"], ["--timeout: must be a number"]),
        (["validate", "--formt", "json"], ["unknown option --formt; did you mean --format?"]),
        (["valdate"], ["unknown command `valdate`; did you mean `validate`?"]),
        (["show"], ["FILE is missing"]),
        (["validate", "-f"], ["-f needs a value"]),
        (["export", "a", "b"], ["unexpected extra argument: b"]),
        (["lint", "--select", "E001", "."], ["E001 is a validation check, always on", "lint rules"]),
        (["lint", "--select", "P02", "."], ["unknown rule code P02; did you mean `P002`?"]),
    ],
)
def test_usage_errors_in_our_words(cli, args, words):
    result = cli(*args)
    assert result.code == 2
    for word in words:
        assert word in result.err
    assert not LIBRARY_WORDS.search(result.err)
    assert "Traceback" not in result.err


def test_choices_ignore_case(cli):
    assert cli("validate", "-f", "JSON", FIXTURES / "valid").json()["summary"]["errors"] == 0
    assert cli("lint", "--fail-on", "Warning", FIXTURES / "valid").code in (0, 1)


@pytest.mark.parametrize("command", ["export", "pains", "diff"])
def test_md_is_accepted_wherever_markdown_is(cli, command):
    journey = EXAMPLES / "clinic-visit.journey.yaml"
    args = [command, journey] + ([journey] if command == "diff" else [])
    by_alias, by_name = cli(*args, "--format", "md"), cli(*args, "--format", "markdown")
    assert by_alias.code == by_name.code and by_alias.out == by_name.out
    assert by_alias.out
