"""Packaging metadata, the README's quick start and CI's two dependency sets agree with each other and with the
tools that read them (setuptools builds the wheel for real in the online test)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_license_is_an_spdx_expression_without_a_license_classifier():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) and int(r.split(">=")[1]) >= 77 for r in PYPROJECT["build-system"]["requires"])


def test_project_urls():
    urls = PYPROJECT["project"]["urls"]
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_each_quick_start_command_works_from_a_fresh_shell_and_ci_runs_the_second():
    """No command relies on an environment a previous command activated: each makes .venv and calls into it."""
    first, second = _quick_start()
    for command in (first, second):
        assert "\n" not in command and command.startswith("python3 -m venv .venv && ")
        assert "activate" not in command
        assert not re.search(r"(^|&& )(pip|pytest|journey) ", command), command  # bare tools: whatever shell PATH has
    assert "journey lint examples/" in first and ".[test]" in second and second.endswith(".venv/bin/pytest")
    assert second in CI_RUN.splitlines()


def _lower_bounds() -> dict[str, str]:
    requirements = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["test"]]
    bounds = {}
    for requirement in requirements:
        match = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", requirement)
        assert match, f"{requirement}: every dependency declares the lowest version it is tested with"
        bounds[match[1].lower().replace("_", "-")] = match[2]
    return bounds


def _version(text: str) -> tuple[int, ...]:
    parts = tuple(int(p) for p in text.split("."))
    return parts + (0,) * (3 - len(parts))


def test_the_lowest_constraints_are_the_declared_lower_bounds():
    pinned = {}
    for line in (ROOT / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split(";")[0].strip().split("==")
            pinned[name.lower().replace("_", "-")] = version
    bounds = _lower_bounds()
    assert set(pinned) == set(bounds)
    assert {name: _version(v) for name, v in pinned.items()} == {name: _version(v) for name, v in bounds.items()}
    assert "-c .ci/lowest-constraints.txt" in CI_RUN


@pytest.mark.online
def test_setuptools_builds_the_wheel_with_spdx_metadata_and_no_deprecation_warning(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "SetuptoolsDeprecationWarning" not in done.stdout + done.stderr
    (wheel,) = tmp_path.glob("journeycli-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "Classifier: License ::" not in metadata
    assert "Project-URL: Source, https://github.com/journeycli/journeycli" in metadata
