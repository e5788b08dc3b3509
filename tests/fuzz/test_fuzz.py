"""The project's own fuzzing: generated and damaged journeys through every command and format.

Properties, for every input: no internal error (exit 3) and no exception;
machine output that parses (JSON, SARIF's shape, CSV); every finding located
(line and column from 1, a known code); text for people free of raw control
and bidi characters; a valid map survives export → import.

Profiles (both reproducible):

- quick (default, part of the normal suite): a fixed, derandomized set of examples;
- long, by hand: ``JOURNEY_FUZZ=long pytest tests/fuzz -p no:cacheprovider``
  (``JOURNEY_FUZZ_EXAMPLES=N`` sets the examples per property, default 2,000;
  ``JOURNEY_FUZZ_SEED=N`` picks another reproducible sequence).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from journeycli.cli import main
from journeycli.rules import all_rules

from .journeys import documents, dump, journeys

LONG = os.environ.get("JOURNEY_FUZZ") == "long"
QUICK_PHASES = [Phase.explicit, Phase.generate]  # no shrinking in the suite: a failure prints its example at once
settings.register_profile(
    "quick", max_examples=25, derandomize=True, deadline=None, database=None, phases=QUICK_PHASES, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "long", max_examples=int(os.environ.get("JOURNEY_FUZZ_EXAMPLES", "2000")), derandomize=False, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
PROFILE = settings.get_profile("long" if LONG else "quick")
SEED = int(os.environ.get("JOURNEY_FUZZ_SEED", "0"))

CODES = {rule.code for rule in all_rules()}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def run(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """`journey ARGS…` in this process (fast), with its exit code and both streams."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
    finally:
        sys.stdin = old_stdin
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8", "replace"), err.getvalue()


def ok(code: int, out: str, err: str, people: bool = True) -> None:
    assert code in (0, 1, 2), f"exit {code}: {err[-500:]}"
    assert "internal error" not in err and "Traceback" not in err, err[-500:]
    assert not RAW.search(err), repr(err[-300:])
    if people:
        assert not RAW.search(out), repr(RAW.search(out))


def located(diagnostics: list[dict]) -> None:
    for d in diagnostics:
        assert d["line"] >= 1 and d["column"] >= 1 and d["code"] in CODES, d
        assert d["message"] and d["severity"] in ("error", "warning", "info"), d


def check_reports(path: str) -> bool:
    """Every report format of validate and lint; returns whether the file is valid."""
    code, out, err = run("validate", path, "-f", "json")
    ok(code, out, err, people=False)
    document = json.loads(out)
    located(document["diagnostics"])
    assert document["summary"]["files"] == 1
    valid = not any(d["severity"] == "error" for d in document["diagnostics"])
    code, out, err = run("lint", path, "-f", "sarif")
    ok(code, out, err, people=False)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"]
    for result in sarif["runs"][0]["results"]:
        assert result["ruleId"] in CODES and result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    for fmt in ("text", "github"):
        ok(*run("lint", path, "-f", fmt))
    code, out, err = run("lint", path, "-f", "gitlab")
    ok(code, out, err, people=False)
    assert isinstance(json.loads(out), list)
    return valid


def check_journey_commands(path: str, other: str, folder: Path) -> None:
    """show, pains, export, diff, render (DOT, no engine) and the import round trip on a valid map."""
    for args in (("show", path), ("show", path, "--compact"), ("pains", path), ("pains", path, "-f", "markdown"), ("export", path, "-f", "markdown")):
        ok(*run(*args))
    code, out, err = run("pains", path, "-f", "json")
    ok(code, out, err, people=False)
    json.loads(out)
    code, out, err = run("export", path, "-f", "json")
    ok(code, out, err, people=False)
    assert code == 0 and json.loads(out)["id"]
    for fmt, suffix in (("csv", "csv"), ("mermaid", "mmd")):
        code, out, err = run("export", path, "-f", fmt)
        ok(code, out, err, people=False)
        assert code == 0
        if fmt == "csv":
            assert list(csv.reader(io.StringIO(out)))
        exported = folder / f"exported.{suffix}"
        exported.write_text(out, encoding="utf-8")
        ok(*run("import", str(exported), "-o", str(folder / f"imported-{suffix}.journey.yaml"), "--force"))
    for view in ("map", "flow"):
        code, out, err = run("render", path, "--view", view, "-f", "dot", "-o", "-")
        ok(code, out, err, people=False)
        assert code == 0 and "digraph" in out
    for fmt in ("text", "markdown"):
        ok(*run("diff", path, other, "-f", fmt))
    code, out, err = run("diff", path, other, "-f", "json")
    ok(code, out, err, people=False)
    assert {"changes", "summary"} <= set(json.loads(out))


def check_invalid_commands(path: str) -> None:
    """Commands that need a valid map report an invalid one, with findings, never a crash."""
    for args in (("show", path), ("pains", path), ("export", path, "-f", "json"), ("render", path, "-f", "dot", "-o", "-")):
        code, out, err = run(*args)
        ok(code, out, err, people=False)
        assert code in (1, 2)


@seed(SEED)
@PROFILE
@given(st.data())
def test_any_document_through_every_command(data):
    raw = data.draw(documents())
    other = data.draw(journeys())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.journey.yaml"
        path.write_bytes(raw)
        partner = Path(folder) / "other.journey.yaml"
        partner.write_text(dump(other), encoding="utf-8")
        if check_reports(str(path)):
            check_journey_commands(str(path), str(partner), Path(folder))
        else:
            check_invalid_commands(str(path))
            ok(*run("diff", str(partner), str(path)))


@seed(SEED)
@PROFILE
@given(documents())
def test_standard_input_and_several_files(raw):
    code, out, err = run("validate", "-", "-f", "json", stdin=raw)
    ok(code, out, err, people=False)
    located(json.loads(out)["diagnostics"])
    code, out, err = run("lint", "-", "-", stdin=raw)
    ok(code, out, err)
