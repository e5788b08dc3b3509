"""The flow view cuts long names to fit its boxes; the full text stays in the box's tooltip.

A stage name is shown in at most two lines ("Identity verification and
anti-money-laundering checks by the…"), but the stage box's tooltip held
only its goal, so the rest of the name was nowhere in the picture.
"""

from __future__ import annotations

import html
import re

from conftest import FIXTURES

MAP = FIXTURES / "acceptance" / "pictures" / "big-bank.journey.yaml"


def test_a_cut_stage_name_is_whole_in_the_stage_tooltip(cli, tmp_path):
    out = tmp_path / "flow.svg"
    assert cli("render", MAP, "--view", "flow", "-o", out).code == 0
    svg = out.read_text(encoding="utf-8")
    assert "anti-money-laundering checks by the…" in svg  # the label is cut
    tips = [html.unescape(t) for t in re.findall(r'<g id="a_stagebox_verify"><a xlink:title="([^"]*)"', svg)]
    assert tips == ["Identity verification and anti-money-laundering checks by the compliance team — Goal: Pass checks without sending paper"]
