"""`journey diff`: semantic changes by id, moves, formats, git sides, --base, exit codes."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT

from journeycli.diff.compare import compare
from journeycli.model import Journey

DIFF = FIXTURES / "diff"
OLD = DIFF / "old.journey.yaml"
NEW = DIFF / "new.journey.yaml"
COSMETIC = DIFF / "cosmetic.journey.yaml"
GOLDEN = Path(__file__).parent / "golden"
KEYS = {"op", "entity", "id", "path", "field", "old", "new"}


def changes(cli, old, new, *extra):
    result = cli("diff", old, new, "--format", "json", *extra)
    assert result.code == 0, result.err
    return result.json()["changes"]


def keyed(found):
    """Changes as comparable tuples (the ``file`` key left out)."""
    return {(c["op"], c["entity"], c["id"], c["path"], c["field"], repr(c["old"]), repr(c["new"])) for c in found}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def small(steps_by_stage: dict[str, list[str]]) -> dict:
    """A minimal valid journey with the given stages and step ids."""
    return {
        "format": 1,
        "id": "j",
        "title": "J",
        "stages": [{"id": s, "name": s.title(), "steps": [{"id": i, "name": i.title()} for i in ids]} for s, ids in steps_by_stage.items()],
    }


def moved_of(old: dict, new: dict) -> set[tuple]:
    found = compare(Journey.model_validate(old), Journey.model_validate(new))
    return {(c.entity, c.id, c.field, c.old, c.new) for c in found if c.op == "moved"}


# -- every op on every entity -------------------------------------------------------

EXPECTED = {
    ("changed", "journey", "online-checkout", "", "title", "'Online checkout'", "'Web shop checkout'"),
    ("changed", "journey", "online-checkout", "", "tags", "['ecommerce', 'web']", "['ecommerce', 'web', 'mobile']"),
    ("changed", "journey", "online-checkout", "", "last_reviewed", "'2026-09-01'", "'2026-11-15'"),
    ("changed", "journey", "online-checkout", "", "x-board", "'https://example.com/boards/1'", "'https://example.com/boards/2'"),
    ("changed", "persona", "bargain-hunter", "personas.bargain-hunter", "name", "'Bargain hunter'", "'Deal seeker'"),
    ("removed", "persona", "busy-parent", "personas.busy-parent", None, "None", "None"),
    ("added", "persona", "loyal-regular", "personas.loyal-regular", None, "None", "None"),
    ("changed", "channel", "email", "channels.email", "name", "'Email'", "'Email newsletter'"),
    ("added", "channel", "sms", "channels.sms", None, "None", "None"),
    ("changed", "source", "survey-q2", "sources.survey-q2", "date", "'2026-06-30'", "'2026-07-02'"),
    ("removed", "source", "funnel", "sources.funnel", None, "None", "None"),
    ("changed", "step", "search", "stages.browse.steps.search", "emotion", "1", "2"),
    ("changed", "metric", "search-exit", "stages.browse.steps.search.metrics.search-exit", "value", "0.22", "0.18"),
    ("moved", "step", "read-reviews", "stages.browse.steps.read-reviews", "position", "3", "2"),
    ("changed", "step", "compare", "stages.browse.steps.compare", "personas", "['bargain-hunter']", "['bargain-hunter', 'loyal-regular']"),
    ("changed", "pain_point", "hidden-shipping", "stages.browse.steps.compare.pain_points.hidden-shipping", "severity", "'high'", "'medium'"),
    ("changed", "opportunity", "show-shipping-early", "stages.browse.steps.compare.opportunities.show-shipping-early", "status", "'planned'", "'done'"),
    ("removed", "step", "enter-address", "stages.checkout.steps.enter-address", None, "None", "None"),
    ("moved", "step", "add-to-cart", "stages.checkout.steps.add-to-cart", "stage", "'stages.browse'", "'stages.checkout'"),
    ("added", "step", "enter-details", "stages.checkout.steps.enter-details", None, "None", "None"),
    ("moved", "pain_point", "long-form", "stages.checkout.steps.enter-details.pain_points.long-form", "step", "'stages.checkout.steps.enter-address'", "'stages.checkout.steps.enter-details'"),
    ("changed", "step", "pay", "stages.checkout.steps.pay", "name", "'Pay'", "'Pays by card'"),
    ("changed", "step", "pay", "stages.checkout.steps.pay", "emotion", "-2", "0"),
    ("changed", "step", "pay", "stages.checkout.steps.pay", "next", "['confirm']", "['confirm', 'track']"),
    ("changed", "metric", "conversion", "stages.checkout.steps.pay.metrics.conversion", "value", "0.41", "0.52"),
    ("changed", "metric", "pay-time", "stages.checkout.steps.pay.metrics.pay-time", "value", "95.0", "110.0"),
    ("added", "metric", "error-rate", "stages.checkout.steps.pay.metrics.error-rate", None, "None", "None"),
    ("removed", "pain_point", "slow-3ds", "stages.checkout.steps.pay.pain_points.slow-3ds", None, "None", "None"),
    ("changed", "opportunity", "faster-3ds", "stages.checkout.steps.pay.opportunities.faster-3ds", "addresses", "['slow-3ds']", "[]"),
    ("changed", "opportunity", "faster-3ds", "stages.checkout.steps.pay.opportunities.faster-3ds", "status", "'in_progress'", "'done'"),
    ("changed", "step", "confirm", "stages.checkout.steps.confirm", "channel", "'email'", "'sms'"),
    ("removed", "metric", "nps", "stages.checkout.steps.confirm.metrics.nps", None, "None", "None"),
    ("moved", "stage", "support", "stages.support", "position", "4", "3"),
    ("removed", "stage", "loyalty", "stages.loyalty", None, "None", "None"),
    ("removed", "step", "join-club", "stages.loyalty.steps.join-club", None, "None", "None"),
    ("removed", "pain_point", "spammy-emails", "stages.loyalty.steps.join-club.pain_points.spammy-emails", None, "None", "None"),
    ("changed", "stage", "delivery", "stages.delivery", "name", "'Delivery'", "'Delivery and tracking'"),
    ("changed", "step", "track", "stages.delivery.steps.track", "emotion", "0", "-1"),
    ("changed", "step", "track", "stages.delivery.steps.track", "x-note", "None", "'check with logistics'"),
    ("removed", "opportunity", "sms-updates", "stages.delivery.steps.track.opportunities.sms-updates", None, "None", "None"),
    ("added", "stage", "returns", "stages.returns", None, "None", "None"),
    ("added", "step", "return-item", "stages.returns.steps.return-item", None, "None", "None"),
    ("added", "pain_point", "return-label", "stages.returns.steps.return-item.pain_points.return-label", None, "None", "None"),
    ("added", "opportunity", "label-free-returns", "stages.returns.steps.return-item.opportunities.label-free-returns", None, "None", "None"),
}


def test_every_op_on_every_entity_and_nothing_else(cli):
    found = changes(cli, OLD, NEW)
    assert keyed(found) == EXPECTED
    assert len(found) == len(EXPECTED)  # each change once: a nested entity is not also a field change of its parent
    assert {c["op"] for c in found} == {"added", "removed", "changed", "moved"}
    assert {c["entity"] for c in found} == {"journey", "persona", "channel", "source", "stage", "step", "pain_point", "opportunity", "metric"}


def test_every_change_has_the_seven_spec_keys_and_only_documented_additions(cli):
    for change in changes(cli, OLD, NEW):
        assert KEYS <= set(change) <= KEYS | {"file", "class", "kind", "members"}
        assert change["file"] == str(NEW) and change["class"] in ("improvement", "regression", "neutral")
        if change["op"] in ("added", "removed"):
            assert change["field"] is None and change["old"] is None and change["new"] is None


def test_changes_come_in_journey_order_with_removed_items_where_they_were(cli):
    order = [(c["entity"], c["id"]) for c in changes(cli, OLD, NEW)]
    firsts = list(dict.fromkeys(order))
    assert firsts[:4] == [("journey", "online-checkout"), ("persona", "bargain-hunter"), ("persona", "busy-parent"), ("persona", "loyal-regular")]
    stages = [i for e, i in firsts if e == "stage"]
    assert stages == ["support", "loyalty", "delivery", "returns"]  # loyalty (removed) after support, its old predecessor
    steps = [i for e, i in firsts if e == "step"]
    assert steps == ["search", "read-reviews", "compare", "enter-address", "add-to-cart", "enter-details", "pay", "confirm", "join-club", "track", "return-item"]
    pay = [(e, i) for e, i in order if i in ("pay", "conversion", "pay-time", "error-rate", "slow-3ds", "faster-3ds")]
    assert [e for e, _ in dict.fromkeys(pay)] == ["step", "metric", "metric", "metric", "pain_point", "opportunity"]


def test_the_json_document_shape(cli):
    document = cli("diff", OLD, NEW, "--format", "json").json()
    assert set(document) == {"changes", "summary", "files", "diagnostics"}
    assert document["files"] == [
        {"file": str(NEW), "old": str(OLD), "new": str(NEW), "changes": 44, "status": "compared", "renamed_from": None, "problems": []}
    ]


# -- renames, ids, moves ------------------------------------------------------------------


def test_a_new_name_under_the_same_id_is_a_rename_not_remove_and_add(cli):
    found = changes(cli, OLD, NEW)
    for entity, ident in (("persona", "bargain-hunter"), ("step", "pay"), ("stage", "delivery"), ("channel", "email")):
        about = [c for c in found if c["entity"] == entity and c["id"] == ident]
        assert {c["op"] for c in about} == {"changed"}, about
        assert any(c["field"] == "name" for c in about)


def test_a_new_id_with_new_content_is_a_remove_and_an_add_with_everything_inside(cli, tmp_path):
    data = load(OLD)
    data["stages"][2]["steps"][0]["id"] = "follow-parcel"
    data["stages"][2]["steps"][0]["name"] = "Follows the parcel"
    data["stages"][2]["steps"][0]["opportunities"][0]["id"] = "sms-alerts"
    data["stages"][2]["steps"][0]["opportunities"][0]["description"] = "Send delivery alerts by SMS."
    found = keyed(changes(cli, OLD, write(tmp_path / "n.journey.yaml", data)))
    assert found == {
        ("removed", "step", "track", "stages.delivery.steps.track", None, "None", "None"),
        ("removed", "opportunity", "sms-updates", "stages.delivery.steps.track.opportunities.sms-updates", None, "None", "None"),
        ("added", "step", "follow-parcel", "stages.delivery.steps.follow-parcel", None, "None", "None"),
        ("added", "opportunity", "sms-alerts", "stages.delivery.steps.follow-parcel.opportunities.sms-alerts", None, "None", "None"),
    }


def test_moving_one_step_reports_that_step_only():
    old = small({"a": ["s1", "s2", "s3", "s4", "s5"]})
    to_end = small({"a": ["s2", "s3", "s4", "s5", "s1"]})
    assert moved_of(old, to_end) == {("step", "s1", "position", 1, 5)}
    to_front = small({"a": ["s5", "s1", "s2", "s3", "s4"]})
    assert moved_of(old, to_front) == {("step", "s5", "position", 5, 1)}
    middle = small({"a": ["s1", "s3", "s4", "s2", "s5"]})
    assert moved_of(old, middle) == {("step", "s2", "position", 2, 4)}


def test_a_reorder_is_never_missed():
    old = small({"a": ["s1", "s2", "s3", "s4"]})
    swapped_blocks = small({"a": ["s3", "s4", "s1", "s2"]})
    assert len(moved_of(old, swapped_blocks)) == 2
    reversed_ = small({"a": ["s4", "s3", "s2", "s1"]})
    assert len(moved_of(old, reversed_)) == 3


def test_additions_and_removals_do_not_make_neighbours_move():
    old = small({"a": ["s1", "s2", "s3"], "b": ["s4"]})
    new = small({"a": ["s0", "s1", "s3", "s9"], "b": ["s4"]})
    assert moved_of(old, new) == set()


def test_a_step_in_another_stage_is_moved_with_both_stages():
    old = small({"a": ["s1", "s2"], "b": ["s3"]})
    new = small({"a": ["s1"], "b": ["s2", "s3"]})
    assert moved_of(old, new) == {("step", "s2", "stage", "stages.a", "stages.b")}


def test_reordered_stages_are_moved():
    old = small({"a": ["s1"], "b": ["s2"], "c": ["s3"]})
    new = small({"c": ["s3"], "a": ["s1"], "b": ["s2"]})
    assert moved_of(old, new) == {("stage", "c", "position", 3, 1)}


def test_metrics_with_the_same_id_in_another_step_are_different_metrics():
    old = small({"a": ["s1", "s2"]})
    new = copy.deepcopy(old)
    old["stages"][0]["steps"][0]["metrics"] = [{"id": "m", "value": 1}]
    new["stages"][0]["steps"][1]["metrics"] = [{"id": "m", "value": 1}]
    found = compare(Journey.model_validate(old), Journey.model_validate(new))
    assert [(c.op, c.path) for c in found] == [("removed", "stages.a.steps.s1.metrics.m"), ("added", "stages.a.steps.s2.metrics.m")]


# -- formatting is not a change ----------------------------------------------------------------


def test_formatting_only_changes_are_no_changes(cli):
    assert OLD.read_bytes() != COSMETIC.read_bytes()
    result = cli("diff", OLD, COSMETIC, "--format", "json", "--exit-code")
    assert result.code == 0
    assert result.json()["changes"] == []
    assert result.json()["summary"]["changes"] == 0
    assert cli("diff", OLD, COSMETIC).out == "✔ no changes\n"


def test_absent_and_empty_definition_lists_are_the_same(cli, tmp_path):
    data = small({"a": ["s1"]})
    with_empty = {**data, "personas": [], "channels": []}
    assert changes(cli, write(tmp_path / "a.journey.yaml", data), write(tmp_path / "b.journey.yaml", with_empty)) == []


# -- symmetry -------------------------------------------------------------------------------


def test_swapping_sides_swaps_added_and_removed(cli):
    forward, backward = changes(cli, OLD, NEW), changes(cli, NEW, OLD)

    def ids(found, op):
        return {(c["entity"], c["id"]) for c in found if c["op"] == op}

    assert ids(forward, "added") == ids(backward, "removed")
    assert ids(forward, "removed") == ids(backward, "added")
    flipped = {(c["entity"], c["id"], c["field"], repr(c["new"]), repr(c["old"])) for c in backward if c["op"] == "changed"}
    assert {(c["entity"], c["id"], c["field"], repr(c["old"]), repr(c["new"])) for c in forward if c["op"] == "changed"} == flipped
    def moves(found):
        return {(c["id"], c["field"]) for c in found if c["op"] == "moved" and c["field"] != "position"}

    assert moves(forward) == moves(backward) == {("add-to-cart", "stage"), ("long-form", "step")}
    # Positions: as many moves both ways; in a swap of two neighbours either one may be the one named.
    assert sum(c["field"] == "position" for c in forward) == sum(c["field"] == "position" for c in backward) == 2


# -- summary ----------------------------------------------------------------------------------


def test_summary_counts_pains_opportunities_emotion_and_metrics(cli):
    summary = cli("diff", OLD, NEW, "--format", "json").json()["summary"]
    assert {k: summary[k] for k in ("files", "changes", "added", "removed", "changed", "moved")} == {
        "files": 1, "changes": 44, "added": 8, "removed": 9, "changed": 23, "moved": 4,
    }
    assert summary["entities"]["step"] == {"added": 2, "removed": 2, "changed": 8, "moved": 2}
    assert [p["id"] for p in summary["pain_points"]["added"]] == ["return-label"]
    # slow-3ds is gone while its step stays; every opportunity addressing hidden-shipping is done now;
    # spammy-emails went with its stage: removed, not resolved
    assert [p["id"] for p in summary["pain_points"]["resolved"]] == ["slow-3ds", "hidden-shipping"]
    assert [p["id"] for p in summary["pain_points"]["removed"]] == ["spammy-emails"]
    assert [o["id"] for o in summary["opportunities"]["added"]] == ["label-free-returns"]
    assert [o["id"] for o in summary["opportunities"]["done"]] == ["show-shipping-early", "faster-3ds", "label-free-returns"]
    emotion = {row["stage"]: (row["old"], row["new"]) for row in summary["emotion"]}
    causes = {row["stage"]: (row["emotion_changed"], row["steps_in"], row["steps_out"]) for row in summary["emotion"]}
    assert causes == {"browse": (1, 0, 1), "checkout": (1, 2, 1), "support": (0, 0, 0), "loyalty": (0, 0, 1), "delivery": (1, 0, 0), "returns": (0, 1, 0)}
    assert emotion == {
        "browse": (0.75, 1.0), "checkout": (-0.67, 0.5), "support": (-1.0, -1.0),
        "loyalty": (0.0, None), "delivery": (0.0, -1.0), "returns": (None, -1.0),
    }
    trends = {row["id"]: row["trend"] for row in summary["metrics"]}
    assert trends == {"search-exit": "toward", "conversion": "toward", "pay-time": "away"}


# -- exit codes and usage errors ------------------------------------------------------------------


def test_exit_code_option(cli):
    assert cli("diff", OLD, NEW).code == 0
    assert cli("diff", OLD, NEW, "--exit-code").code == 1
    assert cli("diff", OLD, OLD, "--exit-code").code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (("diff", OLD), "journey diff needs two versions"),
        (("diff", OLD, "no/such.journey.yaml"), "no such file or directory: no/such.journey.yaml"),
        (("diff", OLD, DIFF), "is a directory"),
        (("diff", OLD, NEW, "--format", "xml"), "xml"),
        (("diff", "-", "-"), "only one side"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and message in result.err


def test_a_missing_windows_style_path_is_not_read_as_a_git_revision(cli):
    result = cli("diff", OLD, "C:\\maps\\new.journey.yaml")
    assert result.code == 2 and "no such file or directory" in result.err


def test_a_file_named_with_a_colon_is_a_file(cli, tmp_path):
    odd = tmp_path / "v1:map.journey.yaml"
    odd.write_bytes(NEW.read_bytes())
    assert keyed(changes(cli, OLD, odd)) == EXPECTED


def test_standard_input_as_one_side(cli):
    result = cli("diff", OLD, "-", "--format", "json", stdin=NEW.read_bytes())
    assert result.code == 0 and keyed(result.json()["changes"]) == EXPECTED


def test_an_invalid_new_side_is_reported_in_the_diff_and_exits_1(cli, tmp_path):
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(NEW.read_text().replace("emotion: 2", "emotion: 7", 1))
    result = cli("diff", OLD, bad)
    assert result.code == 1
    assert f"✖ the new version ({bad}) is not a valid journey: 1 finding" in result.out
    assert f"{bad}:39:18: error E002" in result.out and "emotion" in result.out
    assert "not a valid journey now" in result.out.splitlines()[-1]
    document = cli("diff", OLD, bad, "--format", "json").json()
    assert [(d["file"], d["line"], d["code"]) for d in document["diagnostics"]] == [(str(bad), 39, "E002")]
    assert document["files"][0]["status"] == "invalid" and document["files"][0]["problems"][0]["side"] == "new"
    markdown = cli("diff", OLD, bad, "--format", "markdown")
    assert markdown.code == 1 and "not a valid journey: 1 finding" in markdown.out and ":39:18` error E002" in markdown.out


def test_an_old_side_that_was_invalid_and_is_valid_now_shows_as_now_valid_and_exits_0(cli, tmp_path):
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(NEW.read_text().replace("emotion: 2", "emotion: 7", 1))
    result = cli("diff", bad, NEW, "--exit-code")
    assert result.code == 1  # --exit-code: a repaired file is something to report
    result = cli("diff", bad, NEW)
    assert result.code == 0
    assert f"✖ the old version ({bad}) is not a valid journey: 1 finding; the new version is valid now" in result.out
    assert "✔ now valid: Web shop checkout, 5 stages, 10 steps, 3 pain points, 3 opportunities" in result.out
    document = cli("diff", bad, NEW, "--format", "json").json()
    assert document["files"][0]["status"] == "now valid" and document["changes"] == []


# -- output formats ----------------------------------------------------------------------------


def test_markdown_matches_the_golden_file(cli, monkeypatch):
    monkeypatch.chdir(DIFF)
    result = cli("diff", "old.journey.yaml", "new.journey.yaml", "--format", "markdown")
    assert result.code == 0
    assert result.out == (GOLDEN / "diff.md").read_text(encoding="utf-8")


def test_markdown_short_diff_is_not_folded_and_user_text_is_escaped(cli, tmp_path):
    data = small({"a": ["s1", "s2"]})
    new = copy.deepcopy(data)
    new["stages"][0]["steps"][0]["name"] = "<script>alert(1)</script> | **x**"
    out = cli("diff", write(tmp_path / "a.journey.yaml", data), write(tmp_path / "b.journey.yaml", new), "--format", "markdown").out
    assert "<details>" not in out and "<script>" not in out
    row = next(line for line in out.splitlines() if "`s1`" in line)
    assert row.count(" | ") == 5  # the user's | is escaped and does not add a column
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*x\\*\\*" in row


def test_long_markdown_is_folded_and_stays_under_githubs_limit(cli, tmp_path):
    steps = [f"s{i}" for i in range(3000)]
    old = small({"a": steps})
    new = small({"a": steps})
    for step in new["stages"][0]["steps"]:
        step["name"] = "Renamed " * 8 + step["id"]
    out = cli("diff", write(tmp_path / "a.journey.yaml", old), write(tmp_path / "b.journey.yaml", new), "--format", "markdown").out
    assert out.startswith("**Journey diff**") and "3000 changes" in out.splitlines()[0]
    assert "<details><summary>Other changes (" in out
    assert len(out) < 65536 and "**Not shown: " in out and " of 3000 changes**" in out


def test_text_output_is_plain_when_piped(cli):
    out = cli("diff", OLD, NEW).out
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == f"{OLD} → {NEW}"
    assert "Stage Checkout (checkout)  mean emotion -0.67 → +0.50 ↑" in lines
    assert "  ↕ step add-to-cart “Adds to cart” from stage Browse" in lines
    assert "      ~ emotion: -2 → 0 ↑  ▲ improvement" in lines
    assert "      ~ metric pay-time value: 95 → 110 (away from target 60)  ▼ regression" in lines
    assert "      ↕ pain point long-form “The address form has 14 fields.” from step Enters address" in lines
    assert lines[-3] == "● 44 changes (8 added, 9 removed, 23 changed, 4 moved)"


def test_text_output_is_coloured_on_a_terminal(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    with_colour = cli("diff", OLD, NEW).out
    assert "\x1b[32m+ step enter-details" in with_colour.replace("\x1b[0m", "")


# -- git ----------------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with maps/a (changed later), maps/b (deleted later) committed as v1."""
    root = tmp_path / "repo"
    (root / "maps" / "sub").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "maps" / "a.journey.yaml").write_bytes(OLD.read_bytes())
    (root / "maps" / "sub" / "b.journey.yaml").write_text(yaml.safe_dump(small({"x": ["s1"]})))
    (root / "maps" / "notes.yaml").write_text("not: a journey\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    monkeypatch.chdir(root)
    return root


def test_rev_path_sides_are_read_through_git(cli, repo):
    (repo / "maps" / "a.journey.yaml").write_bytes(NEW.read_bytes())
    assert keyed(changes(cli, "HEAD:maps/a.journey.yaml", "maps/a.journey.yaml")) == EXPECTED
    git(repo, "commit", "-q", "-am", "v2")
    assert keyed(changes(cli, "HEAD~1:maps/a.journey.yaml", "HEAD:maps/a.journey.yaml")) == EXPECTED
    os.chdir(repo / "maps" / "sub")  # paths are relative to where the user stands, not to the repository root
    assert keyed(changes(cli, "HEAD~1:../a.journey.yaml", "../a.journey.yaml")) == EXPECTED


def test_a_bad_revision_is_one_clear_line(cli, repo):
    result = cli("diff", "nope:maps/a.journey.yaml", "maps/a.journey.yaml")
    assert result.code == 2 and result.out == ""
    assert result.err == "journey: error: git revision not found: nope\n"


def test_a_revision_is_never_taken_as_an_option(cli, repo):
    result = cli("diff", "--", "--output=stolen:maps/a.journey.yaml", "maps/a.journey.yaml")
    assert result.code == 2 and result.err == "journey: error: git revision not found: --output=stolen\n"
    assert not (repo / "stolen").exists()
    result = cli("diff", "HEAD --output=stolen:maps/a.journey.yaml", "maps/a.journey.yaml")
    assert result.code == 2 and "git revision not found: HEAD --output=stolen" in result.err
    assert not (repo / "stolen").exists()


def test_a_path_missing_at_the_revision_is_a_usage_error(cli, repo):
    result = cli("diff", "HEAD:maps/none.journey.yaml", "maps/a.journey.yaml")
    assert result.code == 2 and "maps/none.journey.yaml does not exist at git revision HEAD" in result.err
    with_base = cli("diff", "--base", "HEAD", "maps/none.journey.yaml")
    assert with_base.code == 2 and "no such file or directory, now or at git revision HEAD: maps/none.journey.yaml" in with_base.err


def test_base_covers_changed_added_and_deleted_files(cli, repo):
    (repo / "maps" / "a.journey.yaml").write_bytes(NEW.read_bytes())
    (repo / "maps" / "sub" / "b.journey.yaml").unlink()
    (repo / "maps" / "c.journey.yaml").write_text(yaml.safe_dump({**small({"y": ["t1", "t2", "t3"]}), "id": "c", "title": "Another map"}))
    document = cli("diff", "--base", "HEAD", "maps", "--format", "json").json()
    files = {f["file"]: (f["old"], f["new"]) for f in document["files"]}
    a, b, c = (os.path.join("maps", *p) for p in (["a.journey.yaml"], ["sub", "b.journey.yaml"], ["c.journey.yaml"]))
    assert files == {a: (f"HEAD:{a}", a), b: (f"HEAD:{b}", None), c: (None, c)}
    by_file = {}
    for change in document["changes"]:
        by_file.setdefault(change["file"], []).append(change)
    assert keyed(by_file[a]) == EXPECTED
    assert [(x["op"], x["entity"], x["id"]) for x in by_file[b]] == [("removed", "journey", "j"), ("removed", "stage", "x"), ("removed", "step", "s1")]
    assert [(x["op"], x["entity"], x["id"]) for x in by_file[c]] == [("added", "journey", "c"), ("added", "stage", "y"), *(("added", "step", f"t{i}") for i in (1, 2, 3))]
    assert document["summary"]["files"] == 3 and document["summary"]["changes"] == len(EXPECTED) + 8
    markdown = cli("diff", "--base", "HEAD", "maps", "--format", "markdown").out
    assert markdown.startswith(f"**Journey diff** in 3 of 3 files: {len(EXPECTED) + 8} changes")
    assert f"#### HEAD:{a} → {a}\n" in markdown and f"#### HEAD:{b} (deleted)\n" in markdown and f"#### {c} (new file)\n" in markdown
    text = cli("diff", "--base", "HEAD", "maps").out.splitlines()
    assert f"HEAD:{b} (deleted)" in text and f"{c} (new file)" in text
    assert f"● {len(EXPECTED) + 8} changes (13 added, 12 removed, 23 changed, 4 moved) in 3 of 3 files" in text


def test_base_with_a_file_and_exit_code(cli, repo):
    assert cli("diff", "--base", "HEAD", "maps/a.journey.yaml", "--exit-code").code == 0
    (repo / "maps" / "a.journey.yaml").write_bytes(NEW.read_bytes())
    result = cli("diff", "--base", "HEAD", "maps/a.journey.yaml", "--exit-code")
    assert result.code == 1 and "44 changes" in result.out
    assert cli("diff", "--base", "nope", "maps").err == "journey: error: git revision not found: nope\n"


def test_base_finds_the_files_the_configuration_names(cli, repo):
    (repo / "journey.toml").write_text('globs = ["*.map.yaml"]\n')
    (repo / "maps" / "z.map.yaml").write_text(yaml.safe_dump(small({"x": ["s1"]})))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "config")
    (repo / "maps" / "z.map.yaml").unlink()
    document = cli("diff", "--base", "HEAD", "maps", "--format", "json").json()
    assert [(f["file"], f["old"], f["new"], f["changes"]) for f in document["files"]] == [(os.path.join("maps", "z.map.yaml"), "HEAD:" + os.path.join("maps", "z.map.yaml"), None, 3)]


def test_git_side_outside_a_repository(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "HEAD:a.journey.yaml", str(NEW))
    assert result.code == 2 and "not inside a git repository" in result.err


# -- visual diff ---------------------------------------------------------------------------------------


def test_render_draws_the_new_map_with_marks_and_a_legend(cli, tmp_path):
    from journeycli.engines import EngineError, find_engine

    try:
        find_engine()
    except EngineError:
        pytest.skip("no Graphviz engine")
    evil = load(NEW)
    evil["stages"][0]["steps"][0]["name"] = '<img src="/etc/hostname"/> \\N & co'
    out = tmp_path / "diff.svg"
    result = cli("diff", OLD, write(tmp_path / "evil.journey.yaml", evil), "--render", out, "--format", "json")
    assert result.code == 0, result.err
    svg = out.read_text()
    assert svg.startswith("<?xml") and "</svg>" in svg
    assert "Legend" in svg and "removed (ghost)" in svg
    assert "Joins the club" in svg  # a removed step is drawn, as a ghost
    texts = [element.text for element in ET.fromstring(svg).iter() if element.text]
    assert '<img src="/etc/hostname"/> \\N & co' in texts  # shown literally: escaped, and \N not expanded
    assert "<img" not in svg and "<image" not in svg
    assert "stroke-dasharray" in svg  # the ghosts


def test_render_dot_marks_each_state():
    from journeycli.commands.diff import _diff
    from journeycli.diff.sides import read_pair
    from journeycli.diff.visual import COLOURS, dot_source
    from journeycli.validation import validate

    pair = read_pair(str(OLD), str(NEW))
    diff = _diff(pair, (validate(OLD.read_bytes(), "o").journey, []), (validate(NEW.read_bytes(), "n").journey, []))
    source = dot_source(diff)
    for state in ("added", "removed", "changed", "moved"):
        assert source.count(COLOURS[state][1]) >= 2  # the legend and at least one item
    assert "from stage Browse" in source and "emotion: -2 → 0 ↑" in source


def test_render_needs_one_file(cli, repo):
    result = cli("diff", "--base", "HEAD", "maps", "--render", "x.svg")
    assert result.code == 2 and "--render draws one map" in result.err


# -- the benchmark generator's pair, small -----------------------------------------------------------------


def test_benchmark_pair_diff_matches_its_mutation(cli, tmp_path, monkeypatch):
    """The benchmark's mutation (emotions, renames, moves, removals, additions) is reported as such."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench", bench)  # dataclasses look their module up while it loads
    spec.loader.exec_module(bench)
    bench.write_diff_pair(tmp_path, 2000)
    summary = cli("diff", tmp_path / "old.journey.yaml", tmp_path / "new.journey.yaml", "--format", "json").json()["summary"]
    assert summary["entities"]["step"]["added"] == 1 and summary["entities"]["step"]["removed"] == 1
    assert summary["entities"]["step"]["moved"] == 1
    assert summary["entities"]["step"]["changed"] >= 40  # 2% of the emotions, and a rename


def test_large_sides_are_validated_in_parallel_with_the_same_result(cli, monkeypatch, tmp_path):
    from journeycli.commands import diff as command

    serial = cli("diff", OLD, NEW, "--format", "json").json()
    monkeypatch.setattr(command, "PARALLEL_FROM", 0)
    monkeypatch.setattr(command.os, "cpu_count", lambda: 2)
    assert cli("diff", OLD, NEW, "--format", "json").json() == serial
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(OLD.read_text().replace("emotion: -2", "emotion: -9"))
    result = cli("diff", bad, NEW, "--format", "json")  # the invalid side is the one checked in the other process
    assert result.code == 0 and [d["code"] for d in result.json()["diagnostics"]] == ["E002"]
    assert result.json()["files"][0]["status"] == "now valid"


# -- the PR comment on a big change ------------------------------------------------------------------


def big_map(stages: int = 25, per_stage: int = 20) -> dict:
    data = small({f"stage-{s}": [f"s{s}-{i}" for i in range(per_stage)] for s in range(stages)})
    for stage in data["stages"]:
        for step in stage["steps"]:
            step.update(emotion=0, description="The customer reads the page and decides what to do next, slowly and carefully.")
            step["pain_points"] = [{"id": f"pain-{step['id']}", "description": "It takes too long to find the button.", "severity": "low"}]
    return data


def test_the_comment_of_a_500_step_change_fits_and_keeps_every_stage_level_change(cli, tmp_path):
    old = big_map()
    new = copy.deepcopy(old)
    for stage in new["stages"]:
        for step in stage["steps"]:
            step["description"] = step["description"].replace("slowly and carefully", "quickly, and gives up when the page is slow")
            step["name"] = "Renamed " * 6 + step["id"]
            step["emotion"] = 1
    new["stages"][-1]["name"] = "The last stage, renamed"
    removed = new["stages"].pop(12)
    new["stages"].insert(0, new["stages"].pop(5))
    new["stages"].append({"id": "added-stage", "name": "Added", "steps": [{"id": "fresh", "name": "Fresh"}]})
    out = cli("diff", write(tmp_path / "a.journey.yaml", old), write(tmp_path / "b.journey.yaml", new), "--format", "markdown").out
    total = cli("diff", tmp_path / "a.journey.yaml", tmp_path / "b.journey.yaml", "--format", "json").json()["changes"]
    assert len(out) < 65536
    for change in (c for c in total if c["entity"] == "stage"):
        assert f"stage `{change['id']}`" in out, change  # removed, moved, renamed and added stages are all kept
    assert out.index(f"stage `{removed['id']}`") < out.index("**Regressions**") if "**Regressions**" in out else True
    def change_rows(markdown: str) -> list[str]:
        return [line for line in markdown.splitlines() if line.count(" | ") == 5 and not line.startswith(("| | Item", "| ---"))]

    rows = change_rows(out)
    left = int(out.split("**Not shown: ", 1)[1].split(" ", 1)[0])
    assert len(rows) + left == len(total)  # what is shown and what the note counts add up to every change
    note = out.split("**Not shown: ", 1)[1]
    listed = sum(int(part.split(" ", 1)[0]) for part in note.split("`: ", 1)[1].split(" in stages")[0].split(", "))
    assert listed == left
    summary = tmp_path / "summary.md"
    cli("diff", tmp_path / "a.journey.yaml", tmp_path / "b.journey.yaml", "--format", "markdown", "--job-summary", summary)
    full = summary.read_text()
    assert "**Not shown" not in full and len(change_rows(full)) == len(total)


def test_markdown_neutralises_mentions_and_shortcodes_and_word_diffs_long_text(cli, tmp_path):
    data = small({"a": ["s1", "s2"]})
    data["stages"][0]["steps"][0]["description"] = "The customer fills in the long delivery form and then waits for the confirmation email to arrive."
    new = copy.deepcopy(data)
    new["stages"][0]["steps"][0]["description"] = "The customer fills in the long delivery form and then waits for the confirmation text message to arrive."
    new["stages"][0]["steps"][1]["name"] = "Ping @checkout-team :tada: now"
    out = cli("diff", write(tmp_path / "a.journey.yaml", data), write(tmp_path / "b.journey.yaml", new), "--format", "markdown").out
    assert "@checkout-team" not in out and "@\u200bcheckout-team" in out
    assert ":tada:" not in out and ":\u200btada:" in out
    row = next(line for line in out.splitlines() if "`description`" in line)
    assert "~~email~~" in row and "**text message**" in row  # the changed words, past the 60th character
    assert row.count("…") == 2  # the unchanged start of the text is shortened, in both cells


def test_unset_values_read_as_the_map_means_them(cli, tmp_path):
    data = small({"a": ["s1", "s2"]})
    new = copy.deepcopy(data)
    new["stages"][0]["steps"][0]["next"] = []
    new["stages"][0]["steps"][1]["personas"] = []
    out = cli("diff", write(tmp_path / "a.journey.yaml", data), write(tmp_path / "b.journey.yaml", new)).out
    assert "~ next: the next step in the file → none (the journey can end here)" in out
    assert "~ personas: every persona → []" in out


# -- the picture on big maps ------------------------------------------------------------------------------


def picture_of(old: dict, new: dict) -> str:
    from journeycli.commands.diff import _diff
    from journeycli.diff.sides import Pair, Side
    from journeycli.diff.visual import dot_source

    def side(name: str, data: dict) -> Side:
        return Side(name, yaml.safe_dump(data).encode())

    pair = Pair("b", side("a", old), side("b", new))
    from journeycli.validation import validate

    return dot_source(_diff(pair, (validate(pair.old.data, "a").journey, []), (validate(pair.new.data, "b").journey, [])))


def test_the_picture_wraps_onto_rows_and_draws_next_branches():
    old = small({"a": [f"s{i}" for i in range(10)], "b": [f"t{i}" for i in range(10)]})
    new = copy.deepcopy(old)
    new["stages"][0]["steps"][2]["next"] = ["s3", "t5"]  # a branch
    new["stages"][0]["steps"][2]["emotion"] = 1
    source = picture_of(old, new)
    rows = {line.split("_")[0].strip() for line in source.splitlines() if line.strip().startswith("n") and "[label=" in line}
    assert len(rows) == 4  # 20 steps, six to a row
    assert source.count("#5e35b1") >= 2  # the branch to t5 is drawn (and the legend says what the colour means)
    assert "continued" in source  # a stage that wraps is framed again


def test_the_picture_of_a_big_map_is_bounded():
    from journeycli.diff.visual import MAX_BOXES

    steps = [f"s{i}" for i in range(3000)]
    old = small({"a": steps[:1500], "b": steps[1500:]})
    new = copy.deepcopy(old)
    for step in new["stages"][0]["steps"][::100]:
        step["emotion"] = 2
    source = picture_of(old, new)
    boxes = sum(1 for line in source.splitlines() if line.strip().startswith("n") and "[label=" in line)
    assert boxes <= MAX_BOXES and "unchanged steps" in source
    for step in new["stages"][0]["steps"]:
        step["emotion"] = -1
    source = picture_of(old, new)
    assert sum(1 for line in source.splitlines() if line.strip().startswith("n") and "[label=" in line) == MAX_BOXES
    assert "more steps after these are not drawn" in source


def test_a_failed_drawing_never_loses_the_text_diff(cli, tmp_path, monkeypatch):
    from journeycli.diff import visual
    from journeycli.render.output import EngineFailed

    def broken(diff, timeout=visual.TIMEOUT):
        raise EngineFailed("the engine crashed")

    monkeypatch.setattr(visual, "svg", broken)
    result = cli("diff", OLD, NEW, "--render", tmp_path / "d.svg")
    assert result.code == 1 and "the engine crashed" in result.err
    assert "● 44 changes" in result.out and not (tmp_path / "d.svg").exists()


# -- id renames of every kind ----------------------------------------------------------------------------


def renamed(old: dict, new: dict) -> list[tuple]:
    found = compare(Journey.model_validate(old), Journey.model_validate(new))
    return [(c.op, c.entity, c.id, c.field, c.old, c.new, c.kind) for c in found]


def test_a_persona_or_pain_point_id_rename_with_its_references_is_one_change():
    old = load(OLD)
    new = copy.deepcopy(old)
    new["personas"][0]["id"] = "deal-seeker"
    new["stages"][0]["steps"][1]["personas"] = ["deal-seeker"]
    new["stages"][0]["steps"][1]["pain_points"][0]["id"] = "shipping-surprise"
    new["stages"][0]["steps"][1]["opportunities"][0]["addresses"] = ["shipping-surprise"]
    assert renamed(old, new) == [
        ("changed", "persona", "deal-seeker", "id", "bargain-hunter", "deal-seeker", "id renamed"),
        ("changed", "pain_point", "shipping-surprise", "id", "hidden-shipping", "shipping-surprise", "id renamed"),
    ]


def test_a_metric_id_rename_is_one_change_and_a_rename_with_other_changes_shows_them_too():
    old = load(OLD)
    new = copy.deepcopy(old)
    new["stages"][1]["steps"][1]["metrics"][1]["id"] = "time-to-pay"
    new["stages"][2]["steps"][0]["id"] = "follow-parcel"  # track: nothing points at it
    new["stages"][2]["steps"][0]["emotion"] = 1  # not the same content: a removal and an addition
    found = renamed(old, new)
    assert ("changed", "metric", "time-to-pay", "id", "pay-time", "time-to-pay", "id renamed") in found
    assert {(op, entity, ident) for op, entity, ident, *_ in found if entity == "step"} == {("removed", "step", "track"), ("added", "step", "follow-parcel")}


def test_two_look_alikes_are_never_guessed_as_a_rename():
    old = small({"a": ["s1", "s2", "s3"]})
    for step in old["stages"][0]["steps"]:
        step["name"] = "Same"
    new = copy.deepcopy(old)
    new["stages"][0]["steps"][0]["id"] = "x1"
    new["stages"][0]["steps"][1]["id"] = "x2"
    assert {(op, ident) for op, _, ident, *_ in renamed(old, new) if op != "moved"} == {("removed", "s1"), ("removed", "s2"), ("added", "x1"), ("added", "x2")}
