"""A command can be profiled: `JOURNEY_PROFILE=FILE`, or `python -m cProfile -m journeycli` (docs/performance.md).

The real command ends with ``os._exit`` to skip freeing a large journey; these
run it as a user would, in a subprocess, to prove the profile is still written.
"""

from __future__ import annotations

import os
import pstats
import subprocess
import sys

from conftest import EXAMPLES

MAP = str(EXAMPLES / "ecommerce-checkout.journey.yaml")


def _functions(profile) -> set[str]:
    return {name for (_, _, name) in pstats.Stats(str(profile)).stats}


def test_journey_profile_writes_a_cprofile_of_the_command_and_keeps_its_output_and_exit_code(tmp_path):
    profile = tmp_path / "validate.prof"
    done = subprocess.run(
        [sys.executable, "-m", "journeycli", "validate", MAP], env={**os.environ, "JOURNEY_PROFILE": str(profile)}, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout) == (0, "✔ 1 file checked, no problems\n")
    assert {"validate", "load"} <= _functions(profile)


def test_journey_profile_still_reports_findings_with_exit_1(tmp_path):
    profile = tmp_path / "bad.prof"
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("format: 1\nid: x\n")
    done = subprocess.run([sys.executable, "-m", "journeycli", "validate", str(bad)], env={**os.environ, "JOURNEY_PROFILE": str(profile)}, capture_output=True, text=True)
    assert done.returncode == 1 and "E002" in done.stdout
    assert profile.stat().st_size > 0


def test_python_m_cprofile_gets_its_profile_written(tmp_path):
    profile = tmp_path / "cprofile.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "journeycli", "validate", MAP], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "validate" in _functions(profile)
