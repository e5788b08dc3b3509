"""The GitHub Action: action.yml and the documented workflows checked against GitHub's own schemas
(check-jsonschema ships them), and action/run.sh run at the root of a temporary repository with the
Action's default inputs, on a pull-request-like history, with `gh` stubbed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

BIN = os.path.dirname(sys.executable)
RUN_SH = ROOT / "action" / "run.sh"
MARKER = "<!-- journeycli-diff -->"


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [os.path.join(BIN, "check-jsonschema"), "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_action_yml_is_a_valid_github_action():
    done = _check_jsonschema("vendor.github-actions", ROOT / "action.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def _yaml_blocks():
    """Every ```yaml block of README.md and docs/, parsed, with where it comes from."""
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for match in re.finditer(r"^```ya?ml\n(.*?)^```", page.read_text(encoding="utf-8"), re.S | re.M):
            line = page.read_text(encoding="utf-8").count("\n", 0, match.start()) + 1
            try:
                data = yaml.safe_load(match.group(1))
            except yaml.YAMLError:
                continue  # deliberately broken journey snippets (docs/rules.md shows what not to write)
            yield f"{page.name}:{line}", data


def _ci_snippets():
    """The documented CI configuration: whole workflows, workflow steps, GitLab jobs."""
    found = {"workflow": [], "steps": [], "gitlab": []}
    for where, data in _yaml_blocks():
        if isinstance(data, dict) and "jobs" in data:
            found["workflow"].append((where, data))
        elif isinstance(data, list) and data and all(isinstance(step, dict) and ("run" in step or "uses" in step) for step in data):
            found["steps"].append((where, data))
        elif isinstance(data, dict) and any(isinstance(job, dict) and "script" in job for job in data.values()):
            found["gitlab"].append((where, data))
    return found


def _dump(data) -> str:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on": write it back as GitHub means it
    if isinstance(data, dict) and True in data:
        data = {("on" if key is True else key): value for key, value in data.items()}
    return json.dumps(data)


def test_every_documented_workflow_and_step_is_valid_for_github(tmp_path):
    snippets = _ci_snippets()
    assert len(snippets["workflow"]) >= 1 and len(snippets["steps"]) >= 3, snippets  # ci.md and diff.md
    files = []
    for index, (where, data) in enumerate(snippets["workflow"] + snippets["steps"]):
        if isinstance(data, list):  # steps shown on their own: inside the smallest workflow that holds them
            data = {"on": "pull_request", "jobs": {"journeys": {"runs-on": "ubuntu-latest", "steps": data}}}
        file = tmp_path / f"{index}-{where.replace(':', '-')}.json"
        file.write_text(_dump(data))
        files.append(file)
    done = _check_jsonschema("vendor.github-workflows", *files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_documented_gitlab_job_is_valid_gitlab_ci(tmp_path):
    snippets = _ci_snippets()["gitlab"]
    assert snippets
    file = tmp_path / ".gitlab-ci.json"
    file.write_text(json.dumps({key: value for _, data in snippets for key, value in data.items()}))
    done = _check_jsonschema("vendor.gitlab-ci", file)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_catches_a_broken_action(tmp_path):
    """The check above can fail: the action.yml of before (an unquoted `: ` in a plain scalar) is refused."""
    broken = tmp_path / "action.yml"
    described = '"On pull requests, also post the diff as a sticky PR comment (needs `pull-requests: write`)."'
    broken.write_text((ROOT / "action.yml").read_text().replace(described, "a PR comment (needs `pull-requests: write`)."))
    assert broken.read_text() != (ROOT / "action.yml").read_text()
    assert _check_jsonschema("vendor.github-actions", broken).returncode != 0


# run.sh on a pull-request-like history ---------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout.strip()


GH_STUB = """#!/usr/bin/env python3
# Stands in for the GitHub CLI: records each call; lists the existing sticky comment's id from GH_EXISTING.
import json, os, sys
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if "--paginate" in sys.argv and os.environ.get("GH_EXISTING"):
    print(os.environ["GH_EXISTING"])
"""


class PullRequest:
    """A repository whose `main` holds journeys and whose checked-out branch changes them, like a PR's merge commit."""

    def __init__(self, tmp_path: Path, folder: str = "maps") -> None:
        self.tmp = tmp_path
        self.repo = tmp_path / "repo"
        self.folder = self.repo / folder
        self.folder.mkdir(parents=True)
        self.journey = self.folder / "clinic.journey.yaml"
        shutil.copy(EXAMPLES / "clinic-visit.journey.yaml", self.journey)
        _git(self.repo, "init", "-q")
        _git(self.repo, "add", ".")
        _git(self.repo, "commit", "-qm", "first map")
        self.base = _git(self.repo, "rev-parse", "HEAD")
        _git(self.repo, "checkout", "-qb", "feature")
        self.journey.write_text(self.journey.read_text().replace("emotion: 1", "emotion: 2", 1))
        _git(self.repo, "commit", "-qam", "happier step")
        stubs = tmp_path / "stubs"
        stubs.mkdir()
        (stubs / "gh").write_text(GH_STUB)
        (stubs / "gh").chmod(0o755)
        self.path = str(stubs) + os.pathsep + BIN + os.pathsep + os.environ.get("PATH", "")
        self.summary = tmp_path / "summary.md"
        self.gh_log = tmp_path / "gh.log"

    def run(self, cwd: Path | None = None, **inputs: str) -> subprocess.CompletedProcess[str]:
        """run.sh as action.yml calls it, on a pull_request event; unset inputs keep action.yml's defaults."""
        action = yaml.safe_load((ROOT / "action.yml").read_text())
        defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
        values = {**defaults, **inputs}
        env = {key: value for key, value in os.environ.items() if not key.startswith(("JOURNEY_", "GITHUB_"))}
        env.update(
            PATH=self.path,
            NO_COLOR="1",
            GITHUB_ACTIONS="true",
            GITHUB_REPOSITORY="acme/journeys",
            GITHUB_STEP_SUMMARY=str(self.summary),
            GH_LOG=str(self.gh_log),
            GH_EXISTING=inputs.get("existing_comment", ""),
            JOURNEY_PATHS=values["paths"],
            JOURNEY_FAIL_ON=values["fail-on"],
            JOURNEY_BASE=self.base,
            JOURNEY_COMMENT=values["comment"],
            JOURNEY_PR="7",
            JOURNEY_SITE=values["site"],
        )
        return subprocess.run(["bash", str(RUN_SH)], cwd=cwd or self.repo, env=env, capture_output=True, text=True, timeout=180)

    def gh_calls(self) -> list[list[str]]:
        return [json.loads(line) for line in self.gh_log.read_text().splitlines()] if self.gh_log.exists() else []

    def comment_body(self) -> str:
        """The body of the one comment written (posted or updated)."""
        writes = [call for call in self.gh_calls() if "-f" in call]
        assert len(writes) == 1, self.gh_calls()
        body = writes[0][writes[0].index("-f") + 1]
        assert body.startswith("body=" + MARKER)
        return body


def test_default_inputs_at_the_repository_root_lint_and_summarise_the_diff(tmp_path):
    pr = PullRequest(tmp_path)
    done = pr.run()
    assert done.returncode == 0, done.stderr
    assert "::warning file=maps/clinic.journey.yaml" in done.stdout  # annotations from journey lint
    summary = pr.summary.read_text()
    assert "emotion" in summary and "| " in summary  # the Markdown diff table
    assert pr.gh_calls() == []  # comment defaults to false
    assert pr.run(**{"fail-on": "warning"}).returncode == 1


def test_the_site_input_builds_the_website_of_the_journeys(tmp_path):
    pr = PullRequest(tmp_path)
    assert pr.run().returncode == 0  # the default builds no site
    assert not (pr.repo / "_site").exists()
    done = pr.run(site="_site")
    assert done.returncode == 0, done.stderr
    assert (pr.repo / "_site" / "journeys" / "clinic-visit" / "index.html").is_file()
    assert "built the site of 1 journey" in done.stderr
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    upload = next(step for step in action["runs"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "${{ inputs.site-artifact }}", "path": "${{ inputs.site }}", "if-no-files-found": "error"}
    assert "always()" in upload["if"] and "inputs.site != ''" in upload["if"]


def test_sticky_comment_is_posted_once_and_then_updated_in_place(tmp_path):
    pr = PullRequest(tmp_path)
    assert pr.run(comment="true").returncode == 0
    assert pr.gh_calls()[-1][:1] == ["api"] and "repos/acme/journeys/issues/7/comments" in pr.gh_calls()[-1]
    assert "emotion" in pr.comment_body()
    pr.gh_log.unlink()
    assert pr.run(comment="true", existing_comment="4242").returncode == 0
    patch = [call for call in pr.gh_calls() if "PATCH" in call]
    assert patch and "repos/acme/journeys/issues/comments/4242" in patch[0]


def test_a_failing_diff_explains_itself_in_the_summary_and_replaces_the_sticky_comment(tmp_path):
    pr = PullRequest(tmp_path)
    shutil.copy(FIXTURES / "invalid" / "e005_unknown_references.journey.yaml", pr.journey)
    _git(pr.repo, "commit", "-qam", "broken map")
    done = pr.run(comment="true", existing_comment="4242")
    assert done.returncode == 1
    summary = pr.summary.read_text()
    assert "Journey diff failed" in summary and "E005" in summary and "clinic.journey.yaml" in summary
    body = pr.comment_body()
    assert "E005" in body and "emotion" not in body.split("E005")[0][-40:]
    assert any("PATCH" in call and "repos/acme/journeys/issues/comments/4242" in call for call in pr.gh_calls())


def test_a_shallow_clone_says_to_fetch_the_history(tmp_path):
    pr = PullRequest(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "feature", pr.repo.as_uri(), str(shallow)], check=True, capture_output=True, timeout=60)
    done = pr.run(cwd=shallow, comment="true")
    assert done.returncode == 1
    assert "git revision not found" in done.stderr and "fetch-depth: 0" in done.stderr
    summary = pr.summary.read_text()
    assert "fetch-depth: 0" in summary and "fetch-depth: 0" in pr.comment_body()


def test_paths_with_spaces_one_per_line(tmp_path):
    pr = PullRequest(tmp_path, folder="customer maps")
    done = pr.run(paths="customer maps\n")
    assert done.returncode == 0, done.stderr
    assert "::warning file=customer maps/clinic.journey.yaml" in done.stdout
    assert "emotion" in pr.summary.read_text()


def test_diff_base_dot_means_the_innermost_repository(tmp_path, monkeypatch):
    """A repository inside another one (a dotfiles home): `.` and no PATH diff against the one you stand in."""
    outer = tmp_path
    _git(outer, "init", "-q")
    (outer / "notes.txt").write_text("outer\n")
    _git(outer, "add", "notes.txt")
    _git(outer, "commit", "-qm", "outer")
    pr = PullRequest(tmp_path / "inside")
    journey = [os.path.join(BIN, "journey")]
    env = {**os.environ, "NO_COLOR": "1"}
    for args in (["."], []):
        done = subprocess.run([*journey, "diff", "--base", pr.base, *args, "--format", "json"], cwd=pr.repo, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        changes = json.loads(done.stdout)["changes"]
        assert [(change["file"], change["field"]) for change in changes] == [(os.path.join("maps", "clinic.journey.yaml"), "emotion")]
    inner = subprocess.run([*journey, "diff", "--base", pr.base, "."], cwd=pr.folder, env=env, capture_output=True, text=True, timeout=60)
    assert inner.returncode == 0 and "emotion" in inner.stdout


@pytest.mark.parametrize("where", ["repo", "repo/maps", "repo/docs/deep"])
def test_diff_base_without_a_path_is_every_journey_of_the_repository(tmp_path, where):
    pr = PullRequest(tmp_path)
    cwd = tmp_path / where
    cwd.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [os.path.join(BIN, "journey"), "diff", "--base", pr.base, "--format", "json"],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    changes = json.loads(done.stdout)["changes"]
    assert [(os.path.normpath(cwd / change["file"]), change["field"]) for change in changes] == [(str(pr.journey), "emotion")]
