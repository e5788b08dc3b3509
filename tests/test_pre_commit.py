"""The pre-commit hooks, proved with pre-commit itself: the manifest is validated by `pre-commit validate-manifest`,
and all three hooks run through `pre-commit try-repo` on a temporary repository holding a valid and a broken map.

try-repo installs journeycli into pre-commit's own environment from PyPI, so those tests need the network: they
are marked `online` (skip them offline with `-m "not online"`); CI runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

PRE_COMMIT = os.path.join(os.path.dirname(sys.executable), "pre-commit")
HOOKS = ("journey-validate", "journey-lint", "journey-render")


def _run(*args: str, cwd, env=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PRE_COMMIT, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_manifest_is_valid_for_pre_commit():
    done = _run("validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_documented_configuration_is_valid_for_pre_commit(tmp_path):
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("# .pre-commit-config.yaml\n", 1)[1].split("```", 1)[0]
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(block)
    done = _run("validate-config", str(config), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(f"id: {hook}" in block for hook in HOOKS)


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    """One pre-commit cache for the module: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo, home) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("GITHUB_ACTIONS", None)
    return _run("try-repo", str(ROOT), "--all-files", cwd=repo, env=env)


def _outcome(output: str) -> dict[str, str]:
    """`journey validate....Passed` lines: hook name → Passed / Failed."""
    found = {}
    for line in output.splitlines():
        if line.startswith("journey ") and line.rstrip().endswith(("Passed", "Failed")):
            name, result = line.split(".", 1)[0], line.rsplit(".", 1)[-1].strip()
            found[name] = result
    return found


@pytest.mark.online
def test_all_three_hooks_through_pre_commit_try_repo(tmp_path, pre_commit_home):
    repo = tmp_path / "maps"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(EXAMPLES / "clinic-visit.journey.yaml", repo / "clinic.journey.yaml")
    shutil.copy(FIXTURES / "invalid" / "e005_unknown_references.journey.yaml", repo / "broken.journey.yaml")
    (repo / "notes.yaml").write_text("not: a journey\n")  # not matched by the hooks' `files`
    _git(repo, "add", ".")

    broken = _try_repo(repo, pre_commit_home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert _outcome(broken.stdout) == {"journey validate": "Failed", "journey lint": "Failed", "journey render": "Failed"}
    assert "broken.journey.yaml:19:18: error E005" in broken.stdout
    assert "notes.yaml" not in broken.stdout
    assert (repo / "clinic.svg").exists() and not (repo / "broken.svg").exists()

    (repo / "broken.journey.yaml").unlink()
    _git(repo, "add", "-A")
    fixed = _try_repo(repo, pre_commit_home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr  # the picture from the first run is up to date
    assert _outcome(fixed.stdout) == {"journey validate": "Passed", "journey lint": "Passed", "journey render": "Passed"}

    journey = repo / "clinic.journey.yaml"
    journey.write_text(journey.read_text().replace("emotion: 1", "emotion: 2", 1))
    _git(repo, "add", "-A")
    stale = _try_repo(repo, pre_commit_home)
    assert stale.returncode == 1 and _outcome(stale.stdout)["journey render"] == "Failed"  # the picture was stale, now rewritten
    assert _try_repo(repo, pre_commit_home).returncode == 0
