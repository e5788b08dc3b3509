"""Word wrapping does not depend on colour: NO_COLOR takes the colour away, never the layout.

Run through a real pseudo-terminal, as a person at a terminal sees it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, FIXTURES

pty = pytest.importorskip("pty")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FOLDER = FIXTURES / "values"
COMMAND = [sys.executable, "-m", "journeycli", "validate", "unknown_key_nothing_close.journey.yaml"]  # a long hint listing the allowed keys


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "GITHUB_ACTIONS")}
    return env | extra


def _on_terminal(columns: int, command: list[str] = COMMAND, code: int = 1, **extra: str) -> str:
    import fcntl
    import struct
    import termios

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(command, stdin=side, stdout=side, stderr=side, env=_environment(**extra), cwd=FOLDER, close_fds=True)
    os.close(side)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert process.wait(timeout=60) == code
    return out.decode().replace("\r\n", "\n")


def test_no_color_on_a_terminal_wraps_at_words_like_colour():
    coloured, plain = _on_terminal(60), _on_terminal(60, NO_COLOR="1")
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert ANSI.sub("", coloured) == plain
    lines = plain.splitlines()
    assert len(lines) > 8 and max(len(line) for line in lines) <= 60  # wrapped to the terminal
    words = " ".join(plain.split())
    for word in ("unknown_key_nothing_close.journey.yaml:10:9:", "moment_of_truth,", "pain_points,", "opportunities,", "`x-`"):
        assert word in words  # lines end between words, never inside one


def test_off_a_terminal_colour_does_not_wrap_either():
    piped_plain = subprocess.run(COMMAND, capture_output=True, text=True, env=_environment(NO_COLOR="1"), cwd=FOLDER, check=False).stdout
    piped_colour = subprocess.run(COMMAND, capture_output=True, text=True, env=_environment(FORCE_COLOR="1"), cwd=FOLDER, check=False).stdout
    assert "\x1b[" in piped_colour
    assert ANSI.sub("", piped_colour) == piped_plain
    assert any(len(line) > 120 for line in piped_plain.splitlines())  # one finding, one line: grep and CI logs keep it whole


@pytest.mark.parametrize("args", [["pains", str(EXAMPLES / "clinic-visit.journey.yaml")], ["rules"]])
def test_tables_keep_their_terminal_layout_without_colour(args):
    command = [sys.executable, "-m", "journeycli", *args]
    coloured, plain = _on_terminal(70, command, 0), _on_terminal(70, command, 0, NO_COLOR="1")
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert ANSI.sub("", coloured) == plain
    assert max(len(line) for line in plain.splitlines()) <= 70


@pytest.mark.parametrize(
    "args",
    [["pains", str(EXAMPLES)], ["pains", str(EXAMPLES / "clinic-visit.journey.yaml"), "--weight-by-drop-off"], ["portfolio", str(EXAMPLES)], ["rules"], ["rules", "P003"]],
    ids=["pains", "pains-weighted", "portfolio", "rules", "one-rule"],
)
def test_tables_into_a_pipe_with_forced_colour_are_the_plain_text_coloured(args):
    """FORCE_COLOR (a CI log that shows colour) colours the plain layout; it never squeezes a table into 80 columns."""
    command = [sys.executable, "-m", "journeycli", *args]
    piped_plain = subprocess.run(command, capture_output=True, text=True, env=_environment(NO_COLOR="1"), cwd=FOLDER, check=True).stdout
    piped_colour = subprocess.run(command, capture_output=True, text=True, env=_environment(FORCE_COLOR="1"), cwd=FOLDER, check=True).stdout
    assert "\x1b[" in piped_colour
    assert ANSI.sub("", piped_colour) == piped_plain
