"""The judgements lint and the reports share: a metric on target, a stage a hotspot."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journeycli.flow import resolve
from journeycli.model import Metric
from journeycli.pains.score import hotspots
from journeycli.validation import validate
from journeycli.verdicts import on_target, stage_figures


@pytest.mark.parametrize(
    ("value", "target", "better", "verdict"),
    [(0.5, 0.5, "higher", True), (0.4, 0.5, "higher", False), (0.4, 0.5, "lower", True), (0.6, 0.5, "lower", False), (1, None, "lower", None), (1, 2, None, None)],
)
def test_on_target(value, target, better, verdict):
    assert on_target(Metric(id="m", value=value, target=target, better=better)) is verdict


JOURNEY = """format: 1
id: j
title: J
stages:
  - id: sad
    name: Sad
    steps:
      - {id: a, name: A, emotion: -1}
      - {id: b, name: B, emotion: 0}
  - id: busy
    name: Busy
    steps:
      - id: c
        name: C
        emotion: 1
        pain_points:
          - {id: p1, description: one, severity: low}
          - {id: p2, description: two, severity: low}
  - id: fine
    name: Fine
    steps:
      - {id: d, name: D}
"""


def test_stage_figures_and_the_hotspot_verdict():
    resolved = resolve(validate(JOURNEY.encode(), "j").journey)
    sad, busy, fine = stage_figures(resolved)
    assert (sad.mean_emotion, sad.pain_count, sad.hotspot_reasons(3)) == (Decimal("-0.5"), 0, ["mean emotion -0.50"])
    assert busy.hotspot(3) is False and busy.hotspot(2) is True and busy.hotspot_reasons(2) == ["2 pain points"]
    assert fine.mean_emotion is None and not fine.hotspot(1)


def test_pains_hotspots_and_p006_give_the_same_verdict(cli, tmp_path):
    path = tmp_path / "j.journey.yaml"
    path.write_text(JOURNEY)
    flagged = {d["message"].split("`")[1] for d in cli("lint", path, "-f", "json", "--select", "P006", "--fail-on", "info").json()["diagnostics"]}
    resolved = resolve(validate(JOURNEY.encode(), "j").journey)
    assert flagged == {h.stage for h in hotspots(resolved, 3) if h.hotspot} == {"sad"}
