"""`journey portfolio` on the example portfolio: rankings and backlog against hand-computed scores,
coverage gaps, owners, review status on a fixed day, every format, filters and bad options."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date

import pytest
from conftest import EXAMPLES, FIXTURES

PORTFOLIO = EXAMPLES / "portfolio"
TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    class Frozen(date):
        @classmethod
        def today(cls) -> date:
            return TODAY

    monkeypatch.setattr("journeycli.commands.portfolio.date", Frozen)


def report(cli, *options):
    result = cli("portfolio", PORTFOLIO, "-f", "json", *options)
    assert result.code == 0, result.err
    return result.json()


def test_one_pain_ranking_across_journeys_with_the_pains_score(cli):
    rows = [(p["rank"], p["journey"], p["id"], p["score"]) for p in report(cli)["pain_points"]]
    assert rows == [
        (1, "checkout", "surprise-shipping", 3.2),  # critical 8 × 0.4
        (2, "discovery", "shipping-unknown", 1.75),  # high 4 × 0.35 × 1.25 (emotion -1)
        (3, "delivery", "tracking-stale", 0.75),  # medium 2 × 0.3 × 1.25
        (4, "checkout", "address-form-resets", 0.6),  # high 4 × 0.12 × 1.25; tie with long-hold, same severity: file order
        (5, "delivery", "long-hold", 0.6),  # high 4 × 0.1 × 1.5 (emotion -2)
        (6, "checkout", "card-declined", 0.48),  # high 4 × 0.08 × 1.5
        (7, "checkout-2027", "no-invoice-option", 0.05),  # low 1 × 0.05
    ]


def test_the_ranking_agrees_with_journey_pains(cli):
    per_file = cli("pains", PORTFOLIO, "-f", "json").json()["files"]
    scores = {(f["journey"], p["id"]): p["score"] for f in per_file for p in f["pain_points"]}
    ranked = report(cli)["pain_points"]
    assert {(p["journey"], p["id"]): p["score"] for p in ranked} == scores
    assert [p["rank_in_journey"] for p in ranked if p["journey"] == "checkout"] == [1, 2, 3]


def test_backlog_ranked_by_the_summed_scores_of_what_each_opportunity_addresses(cli):
    rows = [(b["rank"], b["id"], b["score"], b["kind"], b["status"], b["owner"]) for b in report(cli)["backlog"]]
    assert rows == [
        (1, "shipping-in-cart", 3.2, "fix", "done", "checkout-team"),
        (2, "shipping-on-product-page", 1.75, "fix", "planned", "growth-team"),
        (3, "proactive-delay-email", 1.35, "operational", "idea", "logistics-team"),  # 0.75 + 0.6
        (4, "offer-wallets", 1.08, "fix", "planned", "checkout-team"),  # 0.48 + 0.6
        (5, "keep-form-input", 0.6, "fix", "in_progress", "checkout-team"),
        (6, "business-invoice", 0.0, "upsell", "idea", "checkout-team"),  # addresses nothing; tie: file order
        (7, "suggest-accessories", 0.0, "cross_sell", "idea", "growth-team"),
    ]


def test_backlog_filter_by_kind_keeps_the_ranks(cli):
    rows = [(b["rank"], b["id"]) for b in report(cli, "--kind", "upsell,cross-sell")["backlog"]]
    assert rows == [(6, "business-invoice"), (7, "suggest-accessories")]
    top = report(cli, "--top", "2")
    assert [p["id"] for p in top["pain_points"]] == ["surprise-shipping", "shipping-unknown"] and len(top["backlog"]) == 2


def test_journeys_table(cli):
    journeys = {j["id"]: j for j in report(cli)["journeys"]}
    checkout = journeys["checkout"]
    assert (checkout["owner"], checkout["state"], checkout["part_of"], checkout["phases"], checkout["steps"]) == (
        "checkout-team",
        "current",
        "discovery/compare",
        ["purchase"],
        4,
    )
    assert checkout["mean_emotion"] == -0.5  # (0 - 1 - 2 + 1) / 4
    assert checkout["pain_points"] == {"low": 0, "medium": 0, "high": 2, "critical": 1}
    assert journeys["checkout-2027"]["state"] == "future" and journeys["checkout-2027"]["future_of"] == "checkout"
    assert journeys["delivery"]["mean_emotion"] == -0.67  # (-1 - 2 + 1) / 3, rounded half-up
    assert journeys["delivery"]["review"] == {"last_reviewed": "2026-05-20", "due": "2026-08-20", "status": "overdue", "overdue_days": 104}
    assert journeys["discovery"]["review"]["status"] == "up to date"
    assert journeys["delivery"]["phases"] == ["onboarding", "support"]  # lifecycle order


def test_coverage_matrix_marks_gaps(cli):
    coverage = report(cli)["coverage"]
    assert coverage["phases"][:3] == ["awareness", "consideration", "purchase"]
    small = next(p for p in coverage["personas"] if p["id"] == "small-business")
    assert small["phases"]["consideration"] == []  # the compare step names its personas, not this one
    assert small["phases"]["awareness"] == ["discovery"]  # steps open to every persona cover it
    assert {"persona": "small-business", "phase": "consideration"} in coverage["gaps"]
    assert all(g["phase"] != "purchase" for g in coverage["gaps"])
    assert len(coverage["gaps"]) == 3 * 3 + 1  # usage, retention, advocacy for all three, and that one


def test_owners_view(cli):
    owners = {o["team"]: o for o in report(cli)["owners"]}
    assert owners["logistics-team"]["overdue_journeys"] == ["delivery"]
    checkout = owners["checkout-team"]
    assert (checkout["name"], sorted(checkout["journeys"]), checkout["pain_points"], checkout["unaddressed"]) == ("Checkout squad", ["checkout", "checkout-2027"], 4, 1)
    assert owners["support-team"]["pain_points"] == 1 and owners["support-team"]["journeys"] == []


def test_text_markdown_and_csv(cli):
    text = cli("portfolio", PORTFOLIO)
    assert text.code == 0 and "\x1b" not in text.out
    assert "overdue by 104 days (due 2026-08-20)" in text.out and "Coverage: personas × lifecycle phases" in text.out
    markdown = cli("portfolio", PORTFOLIO, "-f", "markdown").out
    assert "## Opportunity backlog" in markdown and "| 1 | 3.20 | shipping\\-in\\-cart |" not in markdown
    assert "| 1 | 3.20 | shipping-in-cart | checkout | fix | done | checkout-team | surprise-shipping |" in markdown
    rows = list(csv.DictReader(io.StringIO(cli("portfolio", PORTFOLIO, "-f", "csv", "--section", "backlog").out)))
    assert [(r["rank"], r["id"], r["score"]) for r in rows][:3] == [("1", "shipping-in-cart", "3.2"), ("2", "shipping-on-product-page", "1.75"), ("3", "proactive-delay-email", "1.35")]
    journeys = list(csv.DictReader(io.StringIO(cli("portfolio", PORTFOLIO, "-f", "csv").out)))
    assert [r["id"] for r in journeys] == ["checkout-2027", "checkout", "delivery", "discovery"]


def test_sections_and_bad_options(cli):
    only = report(cli, "--section", "owners")
    assert set(only) == {"today", "owners"}
    assert cli("portfolio", PORTFOLIO, "-f", "csv", "--section", "pains,backlog").code == 2
    bad = cli("portfolio", PORTFOLIO, "--kind", "refund")
    assert bad.code == 2 and "unknown `refund`" in bad.err
    assert cli("portfolio", PORTFOLIO, "--section", "everything").code == 2


def test_invalid_journeys_are_reported_after_the_others(cli, tmp_path):
    target = tmp_path / "maps"
    shutil.copytree(PORTFOLIO, target)
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "portfolio" / "libraries" / "bad-uses.journey.yaml", target / "bad.journey.yaml")
    result = cli("portfolio", target, "-f", "json")
    assert result.code == 1
    assert len(result.json()["journeys"]) == 4
    assert "E007" in result.err


def test_user_text_cannot_break_the_tables(cli, tmp_path):
    (tmp_path / "x.journey.yaml").write_text(
        "format: 1\nid: x\ntitle: X\nowner: '=cmd|x'\nstages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        name: \"A | <b>\"\n"
        "        emotion: -1\n        pain_points:\n          - id: p\n            description: '@team | *x*'\n            severity: high\n"
    )
    markdown = cli("portfolio", tmp_path, "-f", "markdown").out
    assert cli("validate", tmp_path).code == 0
    assert "<b>" not in markdown and "A \\| &lt;b&gt;" in markdown and "@\u200bteam" not in markdown  # descriptions are not in the tables
    assert "| x | =cmd\\|x |" in markdown
    rows = list(csv.DictReader(io.StringIO(cli("portfolio", tmp_path, "-f", "csv").out)))
    assert rows[0]["owner"] == "'=cmd|x"


def test_the_output_shown_in_docs_portfolio_md_is_the_real_output(cli, monkeypatch):
    """Each `$ journey …` block of docs/portfolio.md prints exactly what the page shows (on the page's day)."""
    import re
    import shlex

    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```console\n(.*?)```", (ROOT / "docs" / "portfolio.md").read_text(), re.S)
    checked = 0
    for block in blocks:
        command, _, shown = block.partition("\n")
        if not command.startswith("$ journey ") or "journey: error:" in shown:
            continue
        result = cli(*shlex.split(command)[2:])
        assert result.out.rstrip("\n") == shown.rstrip("\n"), command
        checked += 1
    assert checked >= 4
