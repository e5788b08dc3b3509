"""Every `$ journey …` line in a ```console block of the README and docs/ runs, so the docs cannot rot.

The commands run with bash in a sandbox holding the examples as `examples/`
and `maps/`, the checkout example as `map.journey.yaml`, and a git repository
with one commit. A block that shows `journey: error:` after a command must
fail with exit 2 and that message; every other command must exit 0 or 1
(1: findings) and never print a traceback. docs/guide.md starts from an
empty folder instead: tests/test_guide.py runs its commands in order there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT

DOCS = [ROOT / "README.md", *sorted(path for path in (ROOT / "docs").glob("*.md") if path.name != "guide.md")]
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _commands():
    for doc in DOCS:
        for block in BLOCK.findall(doc.read_text()):
            lines = block.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("$ journey"):
                    shown = []
                    for after in lines[i + 1 :]:
                        if after.startswith("$ "):
                            break
                        shown.append(after)
                    yield pytest.param(line[2:], "\n".join(shown), id=f"{doc.name}: {line[2:60]}")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    home = tmp_path_factory.mktemp("docs")
    shutil.copytree(EXAMPLES, home / "examples")
    shutil.copytree(EXAMPLES, home / "maps")
    shutil.copy(EXAMPLES / "ecommerce-checkout.journey.yaml", home / "map.journey.yaml")
    git = ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=home, check=True)
    subprocess.run([*git, "add", "."], cwd=home, check=True)
    subprocess.run([*git, "commit", "-qm", "maps"], cwd=home, check=True)
    return home


def test_the_docs_have_runnable_commands():
    assert len(list(_commands())) >= 10


@pytest.mark.parametrize("command, shown", list(_commands()))
def test_documented_command_runs(sandbox, command, shown):
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"], "NO_COLOR": "1"}
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=sandbox, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    if "journey: error:" in shown:
        expected = next(line for line in shown.splitlines() if line.startswith("journey: error:"))
        assert done.returncode == 2 and expected in done.stderr
    else:
        assert done.returncode in (0, 1), done.stderr
