"""The fuzzing through the real `journey` process: what in-process runs cannot see.

``test_fuzz.py`` calls ``main`` in this process, which is fast but skips what only
a real process has: the console script's start-up, the real standard streams
and their encoding, ``os._exit`` after flushing, signal handlers, worker
processes, and bytes as a terminal or CI log receives them. Here a sample of the
same generated and damaged files runs as ``python -m journeycli`` and is checked
on its raw bytes: no exit 3 and no traceback; stdout and stderr valid UTF-8;
JSON that parses with every finding located; SARIF valid against the official
2.1.0 schema; no raw control or bidi character in text for people.

Each example starts several processes, so the quick profile (part of the suite)
runs a few examples and the long one, by hand, more
(``JOURNEY_FUZZ=long``; ``JOURNEY_FUZZ_PROCESS_EXAMPLES=N``, default 200;
``JOURNEY_FUZZ_SEED`` as in test_fuzz.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from test_code_scanning import validate_sarif

from .journeys import documents
from .test_fuzz import LONG, QUICK_PHASES, RAW, SEED, located

EXAMPLES = int(os.environ.get("JOURNEY_FUZZ_PROCESS_EXAMPLES", "200")) if LONG else 3
PROCESS = settings(
    max_examples=EXAMPLES, derandomize=not LONG, deadline=None, database=None, suppress_health_check=list(HealthCheck),
    **({} if LONG else {"phases": QUICK_PHASES}),
)


def journey(folder: str, *args: str) -> tuple[int, str, str]:
    """`python -m journeycli ARGS…` as its own process; both streams must be UTF-8 (checked strictly)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("JOURNEY_", "PYTHONIOENCODING"))}
    done = subprocess.run([sys.executable, "-m", "journeycli", *args], cwd=folder, env=env | {"NO_COLOR": "1"}, capture_output=True, timeout=120)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode in (0, 1, 2), f"{args}: exit {done.returncode}: {err[-800:]}"
    assert "Traceback" not in err and "internal error" not in err, err[-800:]
    assert not RAW.search(err), f"{args}: raw {RAW.search(err)!r} in stderr"
    return done.returncode, out, err


@seed(SEED)
@PROCESS
@given(documents())
def test_any_document_through_the_real_process(raw):
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "map.journey.yaml").write_bytes(raw)
        code, out, _ = journey(folder, "validate", "map.journey.yaml", "--format", "json")
        diagnostics = json.loads(out)["diagnostics"]
        located(diagnostics)
        valid = code == 0 or not any(d["severity"] == "error" for d in diagnostics)
        _, out, _ = journey(folder, "lint", ".", "--format", "sarif")
        validate_sarif(json.loads(out))
        for args in (("lint", ".", "--format", "text"), ("lint", ".", "--format", "github"), ("show", "map.journey.yaml")):
            _, out, _ = journey(folder, *args)
            assert not RAW.search(out), f"{args}: raw {RAW.search(out)!r} in stdout"
        if valid:
            _, out, _ = journey(folder, "export", "map.journey.yaml", "--format", "json")
            assert json.loads(out)["id"]
