"""docs/guide.md can be followed literally: its commands, typed in order in an empty folder, all work.

Unlike the other docs (tests/test_docs_commands.py runs them among ready-made
example files), the guide starts from nothing: each command must work on the
files the commands before it made, and the output the guide shows is what the
command prints.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

GUIDE = ROOT / "docs" / "guide.md"


def _steps() -> list[tuple[str, list[str]]]:
    """Each `$ ` command of the guide's console blocks, in order, with the output lines shown under it."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", GUIDE.read_text(), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line.strip():
                steps[-1][1].append(line)
    return steps


def test_the_guide_runs_in_order_from_an_empty_folder(tmp_path):
    steps = _steps()
    assert steps[0][0] == "journey init online-checkout" and len(steps) >= 9
    env = {
        **os.environ,
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "Guide",
        "GIT_AUTHOR_EMAIL": "guide@example.com",
        "GIT_COMMITTER_NAME": "Guide",
        "GIT_COMMITTER_EMAIL": "guide@example.com",
    }
    env.pop("GITHUB_ACTIONS", None)
    for command, shown in steps:
        done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (command, done.stdout, done.stderr)  # the starter lints clean: no step finds a problem
        assert "Traceback" not in done.stdout + done.stderr
        printed = (done.stdout + done.stderr).splitlines()
        for line in shown:
            assert line in printed, (command, line, printed)
    made = {str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*") if ".git" not in path.parts}
    assert {"online-checkout.journey.yaml", "online-checkout.svg", "posters/online-checkout.png", "online-checkout.md"} <= made
