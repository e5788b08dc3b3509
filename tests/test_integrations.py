"""pre-commit hooks, run for real through their entry points (the GitHub Action: test_github_action.py)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
BIN = os.path.dirname(sys.executable)


def _env():
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}


def _hook(hook_id: str, *files, cwd):
    """Run a hook as pre-commit does: its entry, then the staged file names."""
    command = [*shlex.split(HOOKS[hook_id]["entry"]), *map(str, files)]
    return subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=120)


def test_hooks_match_journey_files_only():
    for hook in HOOKS.values():
        pattern = re.compile(hook["files"])
        assert pattern.search("maps/checkout.journey.yaml") and pattern.search("a.journey.yml")
        assert not pattern.search("pyproject.toml") and not pattern.search("checkout.yaml")
        assert hook["language"] == "python"


def test_validate_and_lint_hooks(tmp_path):
    good = tmp_path / "clinic.journey.yaml"
    shutil.copy(EXAMPLES / "clinic-visit.journey.yaml", good)
    bad = tmp_path / "bad.journey.yaml"
    shutil.copy(FIXTURES / "invalid" / "e005_unknown_references.journey.yaml", bad)
    assert _hook("journey-validate", good, cwd=tmp_path).returncode == 0
    failed = _hook("journey-validate", good, bad, cwd=tmp_path)
    assert failed.returncode == 1 and "E005" in failed.stdout
    assert _hook("journey-lint", good, cwd=tmp_path).returncode == 0
    assert _hook("journey-lint", bad, cwd=tmp_path).returncode == 1


def test_render_hook_fails_when_the_picture_was_stale_and_then_passes(tmp_path):
    journey = tmp_path / "clinic.journey.yaml"
    shutil.copy(EXAMPLES / "clinic-visit.journey.yaml", journey)
    first = _hook("journey-render", journey, cwd=tmp_path)
    assert first.returncode == 1 and (tmp_path / "clinic.svg").exists()
    assert _hook("journey-render", journey, cwd=tmp_path).returncode == 0
