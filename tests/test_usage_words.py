"""Usage errors and --help in our words: no validator wording, no Python types, no split defaults."""

from __future__ import annotations

import re

import pytest
import typer
from conftest import EXAMPLES, FIXTURES

from journeycli.cli import app
from journeycli.help_words import polish


def _tree(command, path=()):
    """Every command and subcommand of `journey`, as the words typed before --help, with its Click command."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _tree(sub, (*path, name))


TREE = list(_tree(polish(typer.main.get_command(app))))
COMMANDS = [" ".join(path) for path, _ in TREE]
LIBRARY_WORDS = re.compile(r"<(str|int|float|bool|list\[[^>]*\]|path)>|\{[A-Z]+\}|\[x[<>]=|Value error|Input should|unable to parse|\b(TEXT|INTEGER|FLOAT|BOOLEAN|FILENAME|DIRECTORY)\b")
CHOICES = [
    pytest.param(path, param.opts[0], tuple(getattr(c, "value", c) for c in param.type_descriptor.choices), id=f"{' '.join(path)} {param.opts[0]}")
    for path, command in TREE
    for param in getattr(command, "params", ())
    if param.param_type_name == "option" and getattr(getattr(param, "type_descriptor", None), "is_choice", False)
]


def test_every_command_is_covered():
    assert {"validate", "lint", "data import", "portfolio", "funnel"} <= set(COMMANDS) and len(COMMANDS) >= 16


@pytest.mark.parametrize("columns", ["80", "52"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_and_keeps_defaults_whole(cli, monkeypatch, command, columns):
    monkeypatch.setenv("COLUMNS", columns)
    result = cli(*command.split(), "--help")
    assert result.code == 0
    assert not LIBRARY_WORDS.search(result.out), LIBRARY_WORDS.search(result.out)
    assert not re.search(r"\[default: [^\]\n]*\n", result.out)  # a default is never split over two lines
    usage = result.out.split("\n\n", 1)[0]
    assert "[[" not in usage and "...." not in usage and usage.count("[") == usage.count("]"), usage  # placeholders read once
    if command == "init":
        assert "Default: my-journey." in result.out


@pytest.mark.parametrize(("path", "option", "names"), CHOICES)
def test_every_choice_ignores_case_and_takes_md_for_markdown(cli, path, option, names):
    """Through the real command: the value is accepted, so what is left to complain about is the missing journey file."""
    typed = [name.upper() for name in names] + (["md", "MD"] if "markdown" in names else [])
    for value in typed:
        result = cli(*path, option, value, "no-such-file.journey.yaml")
        assert result.code == 2 and "is not one of" not in result.err and option not in result.err, (value, result.err)


def test_the_choices_are_found():
    options = {(" ".join(path), option) for path, option, _ in (c.values for c in CHOICES)}
    assert {("lint", "--format"), ("lint", "--fail-on"), ("render", "--view"), ("render", "--theme"), ("import", "--from"), ("export", "--format")} <= options
    assert {" ".join(path) for path, _, names in (c.values for c in CHOICES) if "markdown" in names} >= {"export", "pains", "diff", "portfolio", "funnel"}


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
        (["lint", "--select", "X001", "."], ["unknown rule code X001 (see"]),  # X is no typo of E: nothing offered
        (["lint", "--fail-on", "warn", "."], ["`warn` is not one of error, warning, info; did you mean `warning`?"]),  # the start of one name
        (["lint", "--fail", "error", "."], ["unknown option --fail; did you mean --fail-on?"]),
        (["lint", "--xyz", "."], ["unknown option --xyz (see"]),
        (["rules", "P02"], ["unknown rule `P02`; did you mean `P002`?"]),
        (["rules", "X001"], ["unknown rule `X001` (`journey rules` lists them all)"]),
        (["portfolio", "--section", "pain", "."], ["--section: unknown `pain`; did you mean `pains`? (choose from journeys, pains"]),
        (["portfolio", "--section", "budget", "."], ["--section: unknown `budget` (choose from journeys, pains"]),
        (["data", "imprt", "x.csv"], ["unknown command `imprt`; did you mean `import`?"]),
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


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('fail_on = "warn"\n', ["`fail_on` must be one of error, warning, info, not `warn`; did you mean `warning`?"]),
        ('fial_on = "error"\n', ["`fial_on`: unknown key; did you mean `fail_on`?"]),
        ('version = "1"\n', ["`version`: unknown key (known: select, ignore"]),  # nothing close: the keys, no guess
        ('select = "L001"\n', ['`select` must be a list of quoted names in brackets, such as ["L001", "P002"]']),
    ],
)
def test_configuration_mistakes_in_our_words(cli, tmp_path, monkeypatch, toml, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journey.toml").write_text(toml)
    result = cli("lint", FIXTURES / "valid")
    assert result.code == 2
    for word in words:
        assert word in result.err
    assert "did you mean" not in result.err or "did you mean" in " ".join(words)
    assert "'" not in result.err.split("must be", 1)[-1] and not LIBRARY_WORDS.search(result.err)  # `warn`, not Python's 'warn'
