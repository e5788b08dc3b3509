"""The environment cannot make journey crash: encodings, full disks, odd options, broken settings, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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


JOURNEY = [sys.executable, "-c", "from journeycli.cli import main; main()"]
CLOSED = ["sh", "-c", 'exec "$@" {}', "sh", *JOURNEY]  # the real command with a standard stream closed by the shell


@pytest.mark.parametrize("stderr", ["a pipe nobody reads", "closed"])
def test_nobody_reading_stderr_does_not_stop_a_render_of_many_pages(tmp_path, stderr):
    """`journey render … 2>&1 | tail -0` or `2>&-`: the progress lines are lost, not the pages after the first."""
    args = ["render", str(EXAMPLES / "ecommerce-checkout.journey.yaml"), "--page", "a3", "-o", f"{tmp_path}/"]
    if stderr == "closed":
        done = subprocess.run([a.format("2>&-") for a in CLOSED] + args, stdout=subprocess.PIPE).returncode
    else:
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(JOURNEY + args, stdout=write, stderr=write).returncode
        finally:
            os.close(write)
    assert done == 0  # a traceback or a stopped render exits 1
    pages = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert len(pages) > 2 and sorted(pages) == sorted(f"ecommerce-checkout-{n}.svg" for n in range(1, len(pages) + 1))


def test_a_closed_stdout_is_an_error_for_a_report_and_no_matter_for_files(tmp_path):
    closed = [a.format(">&-") for a in CLOSED]
    report = subprocess.run([*closed, "validate", str(VALID)], stderr=subprocess.PIPE)
    assert (report.returncode, report.stderr.decode()) == (2, "journey: error: standard output is closed\n")
    picture = subprocess.run([*closed, "render", str(VALID), "-o", f"{tmp_path}/m.svg"], stderr=subprocess.PIPE)
    assert picture.returncode == 0 and (tmp_path / "m.svg").read_bytes().startswith(b"<?xml"), picture.stderr


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
    """Stand-ins for Graphviz's `dot` and librsvg's `rsvg-convert` that add their pid to engine.pids and take a minute."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("dot", "rsvg-convert"):
        tool = bin_dir / name
        tool.write_text(
            "#!/bin/sh\n"
            'if [ "$1" = "-V" ]; then echo "dot - graphviz version 2.43.0 (0)" >&2; exit 0; fi\n'
            f"echo $$ >> {tmp_path}/engine.pids\n"
            "exec sleep 60\n"
        )
        tool.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _engines(tmp_path) -> list[int]:
    pids = tmp_path / "engine.pids"
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs. A zombie (state Z in /proc/PID/stat: killed, not yet reaped by whoever
    inherited it) has stopped, though ``kill(pid, 0)`` still finds it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: fall back to asking the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")  # the name in (…) may hold spaces


def _still_running(pids: list[int], within: float = 10.0) -> list[int]:
    """The pids still running after up to ``within`` seconds: a killed process takes a moment to stop under load
    (the engines sleep 60 s, so one that was not killed is still running then)."""
    deadline = time.monotonic() + within
    while (running := [pid for pid in pids if _running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running


def test_a_killed_engine_not_yet_reaped_counts_as_stopped_and_a_live_one_as_running():
    """The check the signal test relies on, on processes this test owns (it reaps them itself, late)."""
    live = subprocess.Popen(["sleep", "60"])
    killed = subprocess.Popen(["sleep", "60"])
    try:
        killed.kill()
        assert _still_running([killed.pid]) == []
        os.kill(killed.pid, 0)  # still a zombie of ours: kill(pid, 0) alone would call it alive
        assert _still_running([live.pid], within=0.2) == [live.pid]
    finally:
        live.kill()
        live.wait()
        killed.wait()


@pytest.mark.parametrize("page", ["strip", "a4"], ids=["one-page", "13-pages"])
@pytest.mark.parametrize(("signal_number", "code", "line"), [(signal.SIGTERM, 143, "journey: terminated"), (signal.SIGINT, 130, "journey: aborted")])
def test_a_signal_stops_every_engine_and_leaves_no_file(tmp_path, slow_engine, signal_number, code, line, page):
    """A4 draws its 13 pages two engines at a time in worker threads, which the signal's exception never reaches."""
    _render_then_signal(tmp_path, slow_engine, signal_number, code, line, EXAMPLES / "ecommerce-checkout.journey.yaml", "--engine", "graphviz", "--page", page)


def test_a_signal_stops_rsvg_convert_drawing_pages_in_worker_threads(tmp_path, slow_engine):
    """A map with CJK text has its PNG pages drawn by rsvg-convert, two at a time: it is stopped like an engine."""
    source = (EXAMPLES / "ecommerce-checkout.journey.yaml").read_text(encoding="utf-8")
    cjk = tmp_path / "cjk.journey.yaml"
    cjk.write_text(source.replace("\ntitle: ", "\ntitle: 東 ", 1), encoding="utf-8")
    _render_then_signal(tmp_path, slow_engine, signal.SIGTERM, 143, "journey: terminated", cjk, "--engine", "graphviz-pure", "--page", "a4", "-f", "png")


def _render_then_signal(tmp_path, env, signal_number, code, line, path, *args):
    """Start a render, signal it once an engine runs: the exit code and line, every engine stopped, no file."""
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", "from journeycli.cli import main; main()", "render", str(path), *args, "-o", f"{out}/"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
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
    started = _engines(tmp_path)
    assert started and _still_running(started) == []
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



def _dispositions():
    """What SIGINT and SIGTERM do here, by name (a Python handler is a closure, which cannot be pickled)."""
    names = {signal.SIG_DFL: "default", signal.SIG_IGN: "ignored"}
    return tuple(names.get(signal.getsignal(number), "python handler") for number in (signal.SIGINT, signal.SIGTERM))


def _fork_and_report(writer):
    pid = os.fork()
    if pid == 0:
        try:
            writer.send(_dispositions())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


@pytest.mark.parametrize("forked_from", ["main thread", "another thread"])
def test_a_forked_worker_takes_the_default_sigterm_so_pool_terminate_cannot_hang(forked_from):
    """A Python SIGTERM handler in a pool worker can be recorded and never run: a worker idle on the task queue's
    lock stayed alive after ``Pool.terminate`` and the parent waited for it forever (`journey site` in CI)."""
    import multiprocessing
    import threading

    from journeycli import signals

    old = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    signals.install()
    try:
        context = multiprocessing.get_context("fork")
        if forked_from == "main thread":
            with context.Pool(1) as pool:
                seen = pool.apply_async(_dispositions).get(timeout=30)
        else:  # as Pool's own thread does when it replaces a worker
            reader, writer = context.Pipe(duplex=False)
            thread = threading.Thread(target=_fork_and_report, args=(writer,))
            thread.start()
            thread.join(timeout=30)
            assert reader.poll(30)
            seen = reader.recv()
        assert _dispositions() == ("python handler", "python handler")  # the parent keeps its own
    finally:
        signal.signal(signal.SIGINT, old[0])
        signal.signal(signal.SIGTERM, old[1])
    assert seen == ("ignored", "default")
