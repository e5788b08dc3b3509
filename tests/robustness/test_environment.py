"""The environment cannot make journey crash: encodings, full disks, odd options, broken settings, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import EXAMPLES, FIXTURES

VALID = FIXTURES / "valid" / "minimal.journey.yaml"
BIDI_NAME = 'format: 1\nid: x\ntitle: "Café \u202e"\nstages:\n  - id: s\n    name: "Étape"\n'


def journey(*args, env=None, **kwargs):
    """The real console entry point in a child process."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-c", "from journeycli.cli import main; main()", *map(str, args)],
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.mark.parametrize("args", [("show", "{}"), ("lint", "{}"), ("validate", "missing-é.journey.yaml")])
def test_an_ascii_only_output_gets_escapes_not_a_crash(tmp_path, args):
    path = tmp_path / "map.journey.yaml"
    path.write_text(BIDI_NAME)
    done = journey(*(a.format(path) for a in args), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode in (0, 1, 2), done.stderr
    assert b"internal error" not in done.stderr
    assert max(done.stdout + done.stderr, default=0) < 128


def test_ascii_json_is_still_json_with_the_same_text(tmp_path):
    path = tmp_path / "map.journey.yaml"
    path.write_text(BIDI_NAME)
    done = journey("export", path, "-f", "json", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and max(done.stdout) < 128
    data = json.loads(done.stdout)
    assert (data["title"], data["stages"][0]["name"]) == ("Café \u202e", "Étape")


@pytest.mark.parametrize("args", [("validate", VALID, "-f", "json"), ("export", VALID, "-f", "json"), ("show", VALID), ("render", VALID, "-f", "dot", "-o", "-")])
def test_output_to_a_full_disk_is_an_error_message(args):
    with open("/dev/full", "w") as full:
        done = journey(*args, stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == ["journey: error: No space left on device"] or b"cannot write the output" in done.stderr


def test_timeout_inf_means_no_limit(tmp_path):
    done = journey("render", VALID, "--timeout", "inf", "-o", tmp_path / "m.svg")  # the bundled engine, run with no limit
    assert done.returncode == 0, done.stderr
    assert "<svg" in (tmp_path / "m.svg").read_text()


def test_a_configuration_that_is_not_utf8_is_a_usage_error(tmp_path):
    (tmp_path / "journey.toml").write_bytes(b'select = ["\xff"]\n')
    for command in ("lint", "validate"):
        done = journey(command, VALID, cwd=tmp_path)
        assert done.returncode == 2 and b"not UTF-8" in done.stderr, done.stderr


@pytest.fixture
def slow_engine(tmp_path):
    """A stand-in for Graphviz's `dot` that adds its pid to engine.pids and takes a minute."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    dot = bin_dir / "dot"
    dot.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-V" ]; then echo "dot - graphviz version 2.43.0 (0)" >&2; exit 0; fi\n'
        f"echo $$ >> {tmp_path}/engine.pids\n"
        "exec sleep 60\n"
    )
    dot.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _engines(tmp_path) -> list[int]:
    pids = tmp_path / "engine.pids"
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("page", ["strip", "a4"], ids=["one-page", "13-pages"])
@pytest.mark.parametrize(("signal_number", "code", "line"), [(signal.SIGTERM, 143, "journey: terminated"), (signal.SIGINT, 130, "journey: aborted")])
def test_a_signal_stops_every_engine_and_leaves_no_file(tmp_path, slow_engine, signal_number, code, line, page):
    """A4 draws its 13 pages two engines at a time in worker threads, which the signal's exception never reaches."""
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", "from journeycli.cli import main; main()", "render", str(EXAMPLES / "ecommerce-checkout.journey.yaml"),
         "--engine", "graphviz", "--page", page, "-o", f"{out}/"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **slow_engine},
    )
    for _ in range(400):
        if _engines(tmp_path):
            break
        time.sleep(0.05)
    time.sleep(0.5)  # the other worker starts its engine too
    child.send_signal(signal_number)
    try:
        _, err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == code
    assert err.decode().splitlines() == [line]
    time.sleep(0.3)
    started = _engines(tmp_path)
    assert started and not [pid for pid in started if _alive(pid)]
    assert len(started) <= 4  # the pages not yet begun were not drawn after the signal
    assert list(out.iterdir()) == []


def test_a_signal_while_the_engine_starts_still_stops_it(monkeypatch):
    """A signal that lands inside Popen, after the fork and before anyone holds the process, waits until it is held."""
    from journeycli import signals

    real = subprocess.Popen
    started = []

    def popen_then_signal(*args, **options):
        process = real(*args, **options)
        started.append(process)
        os.kill(os.getpid(), signal.SIGINT)  # handled here, before `child` has registered the process
        return process

    old = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(subprocess, "Popen", popen_then_signal)
    monkeypatch.setattr(signals, "_stopped", False)
    signals.install()
    try:
        with pytest.raises(signals.Interrupted), signals.child(["sleep", "60"]) as process:
            process.wait(timeout=30)
    finally:
        signal.signal(signal.SIGINT, old[0])
        signal.signal(signal.SIGTERM, old[1])
    assert started[0].poll() == -signal.SIGKILL
