"""Configuration for `journey lint`: `[tool.journey]` in pyproject.toml or a journey.toml, found from
the current directory upward, overridden by the command line, and rejected loudly when wrong."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

LINT = FIXTURES / "lint"
TODAY = date(2026, 11, 22)  # the lint fixtures' `last_reviewed` dates are written relative to this day


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    class Frozen(date):
        @classmethod
        def today(cls) -> date:
            return TODAY

    monkeypatch.setattr("journeycli.lint.date", Frozen)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project directory; the test runs two directories below it, as from a subfolder of a repository."""
    nested = tmp_path / "maps" / "checkout"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    return tmp_path


def fixture(name: str) -> str:
    return str(LINT / f"{name}.journey.yaml")


def codes(result) -> list[str]:
    return [d["code"] for d in result.json()["diagnostics"]]


def lint(cli, *names: str, options: tuple[str, ...] = ()):
    return cli("lint", *(fixture(n) for n in names), "-f", "json", "--fail-on", "info", *options)


# --- finding the file ------------------------------------------------------------------------


def test_pyproject_tool_journey_is_found_from_a_subdirectory(cli, project):
    assert codes(lint(cli, "p002_emotional_cliff")) == ["P002", "P002"]
    (project / "pyproject.toml").write_text('[project]\nname = "maps"\n\n[tool.journey]\nignore = ["P002"]\n')
    assert codes(lint(cli, "p002_emotional_cliff")) == []


def test_journey_toml_is_found_from_a_subdirectory(cli, project):
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    assert codes(lint(cli, "p002_emotional_cliff")) == []


def test_the_nearest_file_wins(cli, project):
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    (project / "maps" / "journey.toml").write_text('ignore = ["L003"]\n')
    assert codes(lint(cli, "p002_emotional_cliff", "l003_missing_owner")) == ["P002", "P002"]


def test_journey_toml_beats_pyproject_in_the_same_directory(cli, project):
    (project / "pyproject.toml").write_text('[tool.journey]\nignore = ["L003"]\n')
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    assert codes(lint(cli, "p002_emotional_cliff", "l003_missing_owner")) == ["L003"]


def test_a_pyproject_without_tool_journey_is_passed_over(cli, project):
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    (project / "maps" / "pyproject.toml").write_text('[project]\nname = "maps"\n\n[tool.ruff]\nline-length = 100\n')
    assert codes(lint(cli, "p002_emotional_cliff")) == []


def test_a_pyproject_whose_tool_is_not_a_table_is_passed_over(cli, project):
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    (project / "maps" / "pyproject.toml").write_text('tool = "journey"\n')
    result = lint(cli, "p002_emotional_cliff")
    assert result.code == 0 and codes(result) == []


def test_config_option_names_the_file_and_beats_the_nearest(cli, project, tmp_path):
    (project / "journey.toml").write_text('ignore = ["P002"]\n')
    elsewhere = tmp_path / "ci" / "strict.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('select = ["L003"]\n')
    assert codes(lint(cli, "p002_emotional_cliff", "l003_missing_owner", options=("--config", str(elsewhere)))) == ["L003"]


def test_config_option_with_a_pyproject(cli, project, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[tool.journey]\nselect = ["L003"]\n')
    assert codes(lint(cli, "p002_emotional_cliff", "l003_missing_owner", options=("--config", str(other / "pyproject.toml")))) == ["L003"]


def test_config_option_naming_a_missing_file_is_a_usage_error(cli, project):
    result = lint(cli, "clean", options=("--config", "nowhere.toml"))
    assert result.code == 2 and "nowhere.toml" in result.err


# --- select and ignore -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, expected",
    [
        ('select = ["P002"]', ["P002", "P002"]),
        ('select = ["L"]', ["L003"]),
        ('select = ["l003"]', ["L003"]),  # codes are not case-sensitive
        ('ignore = ["P"]', ["L003"]),
        ('ignore = ["P00"]', ["L003"]),
        ('ignore = ["L003", "P002"]', ["P001"]),
        ('select = ["L", "P002"]\nignore = ["P"]', ["L003", "P002", "P002"]),  # the most specific entry wins
        ('select = ["P"]\nignore = ["P002"]', ["P001"]),
    ],
)
def test_select_and_ignore_take_codes_and_prefixes(cli, project, table, expected):
    (project / "journey.toml").write_text(table + "\n")
    found = codes(lint(cli, "l003_missing_owner", "p001_unexplained_negative_emotion", "p002_emotional_cliff"))
    assert found == expected


# --- severity --------------------------------------------------------------------------------


def test_severity_override_raises_a_rule_to_error(cli, project):
    assert lint(cli, "l006_missing_emotion", options=()).code == 1  # --fail-on info in lint()
    assert cli("lint", fixture("l006_missing_emotion")).code == 0
    (project / "journey.toml").write_text('[severity]\nL006 = "error"\n')
    result = cli("lint", fixture("l006_missing_emotion"), "-f", "json")
    assert result.code == 1
    assert [(d["code"], d["severity"]) for d in result.json()["diagnostics"]] == [("L006", "error")]


def test_severity_override_lowers_an_error(cli, project):
    (project / "pyproject.toml").write_text('[tool.journey.severity]\nP005 = "warning"\nP003 = "info"\n')
    moment = cli("lint", fixture("p005_negative_moment_of_truth"), "-f", "json")
    assert moment.code == 0 and moment.json()["diagnostics"][0]["severity"] == "warning"
    critical = cli("lint", fixture("p003_unaddressed_critical"), "-f", "json")  # the configured severity beats `critical`
    assert critical.code == 0 and critical.json()["diagnostics"][0]["severity"] == "info"


def test_severity_override_applies_to_bad_suppressions(cli, project):
    (project / "journey.toml").write_text('[severity]\nL010 = "error"\n')
    result = cli("lint", fixture("l010_bad_suppression"), "-f", "json")
    assert result.code == 1
    assert {(d["code"], d["severity"]) for d in result.json()["diagnostics"]} == {("L010", "error")}


# --- thresholds ------------------------------------------------------------------------------


def test_cliff_threshold(cli, project):
    (project / "journey.toml").write_text("[thresholds]\ncliff = 3\n")
    assert codes(lint(cli, "p002_emotional_cliff")) == []  # drops of 2
    (project / "journey.toml").write_text("[thresholds]\ncliff = 1\n")
    result = lint(cli, "clean")  # +1 at `search` -> 0 at `compare`
    assert [(d["code"], d["line"], d["column"]) for d in result.json()["diagnostics"]] == [("P002", 38, 18)]
    assert "a drop of 1" in result.json()["diagnostics"][0]["message"]


def test_hotspot_pain_count_threshold(cli, project):
    assert codes(lint(cli, "ok_p006_mean_zero_two_pains")) == []
    (project / "journey.toml").write_text("[thresholds]\nhotspot_pain_count = 2\n")
    result = lint(cli, "ok_p006_mean_zero_two_pains")
    assert codes(result) == ["P006"] and "2 pain points" in result.json()["diagnostics"][0]["message"]
    (project / "journey.toml").write_text("[thresholds]\nhotspot_pain_count = 4\n")
    result = lint(cli, "p006_pain_hotspot_stage")  # `browse` has 3; `purchase` is still a hotspot by its mean
    assert codes(result) == ["P006"] and "purchase" in result.json()["diagnostics"][0]["message"]


def _reviewed(project, last_reviewed: str, interval: int | None) -> str:
    """clean.journey.yaml with its review dates replaced, written into the project."""
    text = (LINT / "clean.journey.yaml").read_text()
    review = f"last_reviewed: {last_reviewed}\n" + (f"review_interval_months: {interval}\n" if interval else "")
    path = project / "maps" / "checkout" / "review.journey.yaml"
    path.write_text(text.replace("last_reviewed: 2026-11-01\nreview_interval_months: 12\n", review))
    return str(path)


def test_review_interval_threshold_is_the_default_for_files_without_one(cli, project):
    seven_months_ago = _reviewed(project, "2026-04-20", None)
    assert codes(cli("lint", seven_months_ago, "-f", "json", "--fail-on", "info")) == []  # default: 12 months
    (project / "journey.toml").write_text("[thresholds]\nreview_interval_months = 6\n")
    result = cli("lint", seven_months_ago, "-f", "json", "--fail-on", "info")
    assert codes(result) == ["L004"] and "every 6 months it was due on 2026-10-20" in result.json()["diagnostics"][0]["message"]


def test_the_file_review_interval_beats_the_configured_default(cli, project):
    (project / "journey.toml").write_text("[thresholds]\nreview_interval_months = 6\n")
    path = _reviewed(project, "2026-04-20", 12)
    assert codes(cli("lint", path, "-f", "json", "--fail-on", "info")) == []


# --- fail_on and the command line over the file ----------------------------------------------


def test_fail_on_from_the_file(cli, project):
    assert cli("lint", fixture("l003_missing_owner")).code == 0
    (project / "journey.toml").write_text('fail_on = "warning"\n')
    assert cli("lint", fixture("l003_missing_owner")).code == 1
    assert cli("lint", fixture("l008_missing_objectives")).code == 0  # info is below warning
    (project / "journey.toml").write_text('fail_on = "info"\n')
    assert cli("lint", fixture("l008_missing_objectives")).code == 1


def test_fail_on_option_beats_the_file(cli, project):
    (project / "journey.toml").write_text('fail_on = "warning"\n')
    assert cli("lint", fixture("l003_missing_owner"), "--fail-on", "error").code == 0


def test_select_and_ignore_options_replace_the_file_lists(cli, project):
    (project / "journey.toml").write_text('select = ["L"]\nignore = ["L003"]\n')
    assert codes(lint(cli, "l003_missing_owner", "p002_emotional_cliff")) == []
    assert codes(lint(cli, "l003_missing_owner", "p002_emotional_cliff", options=("--ignore", "L008"))) == ["L003"]
    assert codes(lint(cli, "l003_missing_owner", "p002_emotional_cliff", options=("--select", "P"))) == ["P002", "P002"]
    assert codes(lint(cli, "l003_missing_owner", "p002_emotional_cliff", options=("--select", "L003,P002", "--ignore", "L001"))) == [
        "L003",
        "P002",
        "P002",
    ]


def test_globs_choose_the_files_a_directory_holds(cli, project):
    folder = project / "maps" / "checkout"
    (folder / "a.map.yaml").write_bytes((LINT / "l003_missing_owner.journey.yaml").read_bytes())
    (folder / "b.journey.yaml").write_bytes((LINT / "l008_missing_objectives.journey.yaml").read_bytes())
    assert codes(cli("lint", ".", "-f", "json", "--fail-on", "info")) == ["L008"]
    (project / "journey.toml").write_text('globs = ["*.map.yaml"]\n')
    result = cli("lint", ".", "-f", "json", "--fail-on", "info")
    assert codes(result) == ["L003"] and result.json()["summary"]["files"] == 1


# --- mistakes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, where",
    [
        ("colour = true\n", "`colour`"),  # unknown key
        ('select = "L"\n', "`select`"),  # wrong type
        ("ignore = [3]\n", "`ignore`"),
        ('ignore = ["Q123"]\n', "Q123"),  # unknown rule code
        ('select = ["E001"]\n', "E001"),  # validation codes cannot be selected or ignored
        ('fail_on = "warnings"\n', "`fail_on`"),  # bad level
        ('[severity]\nL006 = "fatal"\n', "L006"),
        ('[severity]\nX9 = "error"\n', "X9"),
        ('[severity]\nP = "error"\n', "`severity`"),  # a prefix would silently re-grade nothing
        ('severity = "error"\n', "`severity`"),
        ("[thresholds]\ncliff = 0\n", "cliff"),
        ('[thresholds]\ncliff = "2"\n', "cliff"),
        ("[thresholds]\ncliff = true\n", "cliff"),
        ("[thresholds]\ncliffs = 3\n", "cliffs"),
        ("thresholds = 3\n", "`thresholds`"),
        ("select = [\n", "cannot read the configuration"),  # bad TOML
    ],
)
def test_a_mistake_in_journey_toml_is_a_usage_error_naming_file_and_key(cli, project, text, where):
    (project / "journey.toml").write_text(text)
    result = cli("lint", fixture("clean"))
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert str(project / "journey.toml") in line and where in line
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "text, where",
    [
        ("[tool.journey]\nunknown = 1\n", "[tool.journey] `unknown`"),
        ('[tool.journey]\nfail_on = "never"\n', "[tool.journey] `fail_on`"),
        ('[tool.journey.severity]\nP002 = "loud"\n', "[tool.journey] `severity`.P002"),
        ("[tool]\njourney = 3\n", "[tool.journey] must be a table"),
        ("[tool.journey\n", "cannot read the configuration"),
    ],
)
def test_a_mistake_in_pyproject_is_a_usage_error_naming_file_and_key(cli, project, text, where):
    (project / "pyproject.toml").write_text(text)
    result = cli("lint", fixture("clean"))
    assert result.code == 2
    [line] = result.err.splitlines()
    assert str(project / "pyproject.toml") in line and where in line


@pytest.mark.parametrize(
    "options, named",
    [
        (("--ignore", "Q123"), "Q123"),
        (("--select", "L,Z9"), "Z9"),
        (("--select", "E002"), "E002"),
        (("--ignore", "L003,X1,Y2"), "X1, Y2"),
    ],
)
def test_an_unknown_code_on_the_command_line_is_a_usage_error(cli, project, options, named):
    result = cli("lint", fixture("clean"), *options)
    assert result.code == 2
    [line] = result.err.splitlines()
    assert options[0] in line and named in line


def test_an_unknown_fail_on_level_is_a_usage_error(cli, project):
    result = cli("lint", fixture("clean"), "--fail-on", "warnings")
    assert result.code == 2 and "warnings" in result.err


def test_configured_globs_choose_the_files_of_a_directory_for_every_command(cli, tmp_path, monkeypatch):
    import shutil

    from conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(EXAMPLES / "clinic-visit.journey.yaml", tmp_path / "maps" / "clinic.map.yaml")
    assert cli("validate", "maps").code == 2  # not a *.journey.yaml: nothing found
    (tmp_path / "journey.toml").write_text('globs = ["*.map.yaml"]\n')
    assert cli("validate", "maps").code == 0
    assert cli("lint", "maps").code == 0
    assert cli("render", "maps", "-o", "out/", "--format", "dot").code == 0
    assert (tmp_path / "out" / "clinic.map.dot").exists()
