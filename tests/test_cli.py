"""The command line as users and CI meet it: exit codes, formats, stdin, init, rules, schema."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.schema import SCHEMA_ID

INVALID = FIXTURES / "invalid"
BAD = INVALID / "e005_unknown_references.journey.yaml"


def test_missing_path_is_a_usage_error_in_one_line(cli):
    result = cli("validate", "no/such/file.journey.yaml")
    assert result.code == 2
    assert result.err == "journey: error: no such file or directory: no/such/file.journey.yaml\n"


def test_unknown_option_is_a_usage_error_in_one_line(cli):
    result = cli("validate", "--frobnicate")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "--frobnicate" in result.err


def test_bad_choice_is_a_usage_error(cli):
    assert cli("validate", EXAMPLES, "--format", "xml").code == 2
    assert cli("validate", EXAMPLES, "--fail-on", "never").code == 2


def test_directory_without_journeys_is_a_usage_error(cli, tmp_path):
    result = cli("validate", tmp_path)
    assert result.code == 2 and "no journey files" in result.err


def test_stdin(cli):
    data = (FIXTURES / "valid" / "minimal.journey.yaml").read_bytes()
    assert cli("validate", "-", stdin=data).code == 0
    result = cli("validate", "-", "-f", "json", stdin=BAD.read_bytes())
    assert result.code == 1
    assert {d["file"] for d in result.json()["diagnostics"]} == {"<stdin>"}


def test_json_report_shape(cli):
    document = cli("validate", BAD, EXAMPLES / "clinic-visit.journey.yaml", "-f", "json").json()
    assert set(document) == {"diagnostics", "summary"}
    assert document["summary"] == {"files": 2, "errors": 5, "warnings": 0, "infos": 0}
    for d in document["diagnostics"]:
        assert set(d) == {"file", "line", "column", "severity", "code", "rule", "message"}
        assert d["severity"] == "error" and d["rule"] == "unknown-reference"


def test_github_annotations_escape_properties_and_data(cli, tmp_path):
    path = tmp_path / "a,b:c.journey.yaml"
    path.write_text("format: 1\nid: x\ntitle: 100%\nstages: [{id: s, name: S, steps: [{id: a, name: A, next: [\"50%,\\nb\"]}]}]\n")
    result = cli("validate", path, "-f", "github")
    line = result.out.splitlines()[0]
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac.journey.yaml,line=4,col=59," in line
    assert line.endswith("::`50%25,%0Ab` is not a defined step id (known step ids: a)")


def test_github_format_is_the_default_inside_github_actions(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = cli("validate", BAD)
    assert result.out.startswith("::error file=")


def test_sarif_report(cli):
    document = json.loads(cli("validate", BAD, "-f", "sarif").out)
    assert document["version"] == "2.1.0" and "$schema" in document
    run = document["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"E001", "E005", "L001", "P007"} <= set(rule_ids)
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    result = run["results"][0]
    assert result["ruleId"] == "E005" and result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 19
    assert not location["artifactLocation"]["uri"].startswith("/")
    assert result["partialFingerprints"]


def test_text_output_is_plain_when_piped_or_no_color(cli, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = cli("validate", BAD)
    assert "\x1b[" not in result.out
    assert "error E005" in result.out


def test_fail_on_lowers_the_failing_level(cli):
    ecommerce = EXAMPLES / "ecommerce-checkout.journey.yaml"
    assert cli("lint", ecommerce).code == 0
    assert cli("lint", ecommerce, "--fail-on", "warning").code == 1


def test_init_writes_a_starter_that_validates_and_lints_clean(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "online-checkout")
    assert result.code == 0
    written = tmp_path / "online-checkout.journey.yaml"
    assert written.read_text().startswith("# yaml-language-server: $schema=")
    lint = cli("lint", written, "--fail-on", "info", "-f", "json")
    assert lint.json()["diagnostics"] == [] and lint.code == 0
    again = cli("init", "online-checkout")
    assert again.code == 2 and "already exists" in again.err
    assert cli("init", "online-checkout", "--force").code == 0


def test_init_rejects_a_bad_id(cli):
    assert cli("init", "Not An Id", "-o", "-").code == 2


def test_rules_lists_every_spec_code(cli):
    listed = cli("rules", "--format", "json").json()
    codes = [r["code"] for r in listed]
    spec = [f"E00{i}" for i in range(1, 7)] + [f"L00{i}" for i in range(1, 10)] + [f"P00{i}" for i in range(1, 8)]
    assert set(spec) <= set(codes)
    severity = {r["code"]: r["severity"] for r in listed}
    assert severity["P005"] == "error" and severity["L005"] == "info" and severity["P002"] == "warning"


def test_rules_explains_one_rule(cli):
    result = cli("rules", "P002")
    assert result.code == 0
    assert "emotional-cliff" in result.out and "Why it matters" in result.out and "Passes" in result.out
    assert cli("rules", "Z999").code == 2


def test_schema_command_prints_the_shipped_schema(cli):
    printed = json.loads(cli("schema").out)
    assert printed == json.loads((ROOT / "schemas" / "journey.schema.json").read_text())


def test_version_names_the_render_engine(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.startswith("journeycli ") and "render engine:" in result.out


def test_hostile_yaml_never_prints_a_traceback(cli):
    for path in sorted(INVALID.iterdir()):
        result = cli("validate", path, "-f", "json")
        assert result.code == 1, path
        assert "Traceback" not in result.out + result.err


def test_installed_console_script_and_module_entry_point():
    journey = shutil.which("journey") or os.path.join(os.path.dirname(sys.executable), "journey")
    done = subprocess.run([journey, "validate", str(EXAMPLES)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    module = subprocess.run([sys.executable, "-m", "journeycli", "validate", str(BAD), "-f", "json"], capture_output=True, text=True, timeout=60)
    assert module.returncode == 1
    assert json.loads(module.stdout)["summary"]["errors"] == 5


def test_deep_nesting_does_not_crash_the_process():
    """libyaml's composer segfaults at ~25,000 levels and stops at 1,000 with its own words since PyYAML 6.0.3;
    our loader must stop first, in a real process, with a located E001 whatever the PyYAML version."""
    done = subprocess.run(
        [sys.executable, "-m", "journeycli", "validate", str(INVALID / "e001_deep_nesting.journey.yaml"), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    (finding,) = json.loads(done.stdout)["diagnostics"]
    assert (finding["code"], finding["line"]) == ("E001", 4)
    assert "nested more than" in finding["message"] and "maximum nesting depth" not in finding["message"]


def test_parallel_validation_of_many_files_matches_serial(cli, tmp_path):
    text = (EXAMPLES / "clinic-visit.journey.yaml").read_text()
    broken = BAD.read_text()
    for i in range(30):
        (tmp_path / f"j{i:02}.journey.yaml").write_text(broken if i % 7 == 0 else text)
    document = cli("validate", tmp_path, "-f", "json").json()
    assert document["summary"]["files"] == 30
    assert document["summary"]["errors"] == 5 * 5
    files = [d["file"] for d in document["diagnostics"]]
    assert files == sorted(files)


def test_examples_carry_the_schema_modeline():
    for path in EXAMPLES.glob("*.journey.yaml"):
        assert path.read_text().startswith(f"# yaml-language-server: $schema={SCHEMA_ID}\n"), path
        assert yaml.safe_load(path.read_text())["format"] == 1


def test_gitlab_code_quality_report(cli):
    issues = json.loads(cli("validate", BAD, "-f", "gitlab").out)
    assert len(issues) == 5
    first = issues[0]
    assert first["check_name"] == "E005 unknown-reference" and first["severity"] == "major"
    assert first["location"] == {"path": "tests/fixtures/invalid/e005_unknown_references.journey.yaml", "lines": {"begin": 19}}
    assert len({i["fingerprint"] for i in issues}) == 5


def test_text_report_never_sends_control_characters_from_a_file_to_the_terminal(cli, tmp_path):
    path = tmp_path / "esc.journey.yaml"
    path.write_bytes(b"format: 1\nid: x\ntitle: \x1b[2J\x00gone\nstages: []\n")
    result = cli("validate", path)
    assert result.code == 1
    assert "\x1b" not in result.out and "\x00" not in result.out
    assert "␛[2J␀gone" in result.out


def test_help_starts_without_importing_the_heavy_libraries():
    """`journey --help` must not pay for Pydantic, Graphviz or PyYAML: the commands import them when they run.

    (A subcommand's own --help is left out: Typer itself imports Pydantic to describe its parameters.)
    """
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from journeycli.cli import main\n"
        "for args in (['--help'], ['-h']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('pydantic', 'graphviz', 'yaml') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
