"""No writer of text for people lets control or bidi characters through raw: from journey text or from file names."""

from __future__ import annotations

import re

import pytest

from journeycli.presentation.terminal import printable

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
BIDI = "\u202e\u2066\u200f"
HOSTILE_NAME = f"bad\n::warning file=x::pwn\x1b[31m{BIDI}.journey.yaml"


def _journey(emotion: int) -> str:
    return f"""format: 1
id: x
title: "T{BIDI}itle"
owner: "o{BIDI}"
stages:
  - id: s
    name: "S{BIDI}tage"
    steps:
      - id: a
        name: "A{BIDI} step"
        emotion: -2
        thoughts: "th{BIDI}"
        pain_points:
          - id: p
            description: "pain{BIDI}\u2028more"
            severity: critical
      - id: b
        name: "B{BIDI}"
        emotion: {emotion}
"""


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / HOSTILE_NAME).write_text(_journey(2))
    (tmp_path / "new.journey.yaml").write_text(_journey(-1))
    return tmp_path


COMMANDS = [
    ("validate", HOSTILE_NAME, "-f", "text"),
    ("lint", ".", "-f", "text"),
    ("lint", ".", "-f", "github"),
    ("pains", "."),
    ("pains", HOSTILE_NAME, "-f", "markdown"),
    ("show", HOSTILE_NAME),
    ("show", HOSTILE_NAME, "--compact"),
    ("diff", HOSTILE_NAME, "new.journey.yaml"),
    ("diff", HOSTILE_NAME, "new.journey.yaml", "-f", "markdown"),
    ("export", HOSTILE_NAME, "-f", "markdown"),
    ("render", HOSTILE_NAME, "-f", "dot", "-o", "out.dot"),
    ("render", HOSTILE_NAME, "-o", "missing/x.svg"),
    ("export", HOSTILE_NAME, "-o", HOSTILE_NAME),
    ("validate", f"missing\x1b[2J{BIDI}"),
    ("show", "new.journey.yaml", "--persona", "x\x1b[2J"),
]


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:1] + args[2:3]))
def test_people_never_get_raw_control_or_bidi_characters(cli, hostile, monkeypatch, args, colour):
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli(*args)
    assert result.code in (0, 1, 2), result.err
    for stream in (result.out, result.err):
        text = re.sub("\x1b\\[[0-9;]*m", "", stream) if colour else stream  # Rich's own colour codes
        assert RAW.findall(text) == []


def test_a_file_name_cannot_start_a_workflow_command(cli, hostile):
    lines = cli("lint", ".", "-f", "github").out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ", "journey: ")) for line in lines)
    assert not any("::warning file=x::" in line for line in lines)


def test_printable_keeps_width_and_lines_when_asked():
    text = "a\x1b[2Jb\u202ec\nd\te"
    assert printable(text) == "a␛[2Jb\ufffdc␊d␉e" and len(printable(text)) == len(text)
    assert printable(text, keep_lines=True) == "a␛[2Jb\ufffdc\nd\te"


def test_each_export_decides_what_bidi_controls_are(cli, hostile):
    """Mermaid is drawn by a browser, so reordering controls are dropped (RTL letters and marks stay); JSON and CSV
    are data for programs and spreadsheets, so they keep every character (CSV import gives the same text back)."""
    arabic = "\u0627\u0644\u062f\u0641\u0639"
    (hostile / "rtl.journey.yaml").write_text(_journey(2).replace('"A', f'"{arabic}\u200f A'))
    mermaid = cli("export", "rtl.journey.yaml", "-f", "mermaid").out
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", mermaid)
    assert f"{arabic}\u200f A\u200f step:" in mermaid and "T\u200fitle" in mermaid
    name = f"{arabic}\u200f A{BIDI} step"
    assert cli("export", "rtl.journey.yaml", "-f", "json").json()["stages"][0]["steps"][0]["name"] == name
    (hostile / "rtl.csv").write_text(cli("export", "rtl.journey.yaml", "-f", "csv").out, encoding="utf-8")
    assert cli("import", "rtl.csv", "-o", "back.journey.yaml").code == 0
    assert cli("export", "back.journey.yaml", "-f", "json").json()["stages"][0]["steps"][0]["name"] == name
