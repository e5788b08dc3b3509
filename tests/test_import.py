"""`journey import`: Mermaid diagrams and CSV sheets into journey files that validate."""

from __future__ import annotations

import json
import math
import re

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES

from journeycli.importers.ids import UniqueIds, slugify
from journeycli.validation import validate

IMPORT = FIXTURES / "import"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.journey.yaml"))


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty current directory, so default output files land somewhere we can list."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def imported(cli, *args, stdin=None):
    """Import to stdout; check that the YAML validates and return its journey."""
    result = cli("import", *args, "-o", "-", stdin=stdin)
    assert result.code == 0, result.err
    checked = validate(result.out.encode(), "<imported>")
    assert checked.ok, checked.diagnostics
    return checked.journey


def outline(journey):
    return [(stage.name, [(step.name, step.emotion) for step in stage.steps]) for stage in journey.stages]


# -- ids --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Pays by card!", "pays-by-card"),
        ("  Crème brûlée  ", "creme-brulee"),
        ("already-an_id", "already-an_id"),
        ("--Leading and trailing__", "leading-and-trailing"),
        ("_x", "x"),
        ("支払い", ""),
        ("1:30", "1-30"),
        ("a" * 80, "a" * 64),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_unique_ids_count_up_and_fall_back():
    ids = UniqueIds("step")
    assert [ids.make(t) for t in ("Pay", "pay", "Pay!", "支払い", "💳")] == ["pay", "pay-2", "pay-3", "step-4", "step-5"]
    long = UniqueIds("step")
    first, second = long.make("x" * 70), long.make("x" * 70)
    assert first == "x" * 64 and second == "x" * 62 + "-2"


# -- mermaid ----------------------------------------------------------------------------------------


def test_mermaid_diagram(cli):
    journey = imported(cli, IMPORT / "working-day.mmd")
    assert journey.id == "my-working-day" and journey.title == "My working day"
    assert journey.description == "How a working day feels, from tea to home"
    assert [(p.id, p.name) for p in journey.personas] == [("me", "Me"), ("cat", "Cat")]
    assert outline(journey) == [
        ("Go to work", [("Make tea", 2), ("Go upstairs", 0), ("Do work", -2)]),
        # 4.5 rounds to 5; 7 and 0 are clamped to the scale
        ("Go home", [("Go downstairs", 2), ("Sit down", 2), ("Feed the cat", 2), ("Stare at the wall", -2)]),
    ]
    personas = {step.id: step.personas for _, step in journey.steps()}
    assert personas["make-tea"] == ["me"] and personas["feed-the-cat"] == ["cat"]
    assert personas["do-work"] is None  # every actor: every persona
    assert personas["stare-at-the-wall"] is None  # no actor named


def test_mermaid_inside_markdown_with_front_matter(cli):
    journey = imported(cli, IMPORT / "readme.md")  # .md means mermaid; the flowchart block is skipped
    assert journey.title == "Checkout from the front matter"
    assert outline(journey) == [("Cart", [("Reviews the cart", 0), ("Applies a voucher", -1)]), ("Pay", [("Pays", 1)])]


def test_mermaid_tasks_without_a_section_and_wide_actor_names(cli):
    journey = imported(cli, IMPORT / "no-section.mmd")
    assert journey.description == "Tasks without a section, and a description over two lines"
    assert [(p.id, p.name) for p in journey.personas] == [("persona-1", "私"), ("cat", "Cat")]
    assert outline(journey) == [("Steps", [("Wakes up", -1), ("Drinks coffee", 2)])]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("not-a-journey.mmd", 1, "starts with the line `journey`; found `flowchart LR`"),
        ("semicolon.mmd", 3, "Mermaid does not allow `;`"),
        ("no-score.mmd", 3, "expected a task `name: score: actors`"),
        ("empty-diagram.mmd", 1, "the diagram has no title, no sections and no tasks"),
        ("colon-section.mmd", 2, "a section name cannot contain `:`"),
        ("bad-emotion.csv", 3, "emotion must be a whole number from -2 to 2; found `3`"),
        ("bad-metric.csv", 2, "found `conversion=high`"),
        ("unknown-column.csv", 1, "unknown column `emotoin`; did you mean `emotion`?"),
        ("missing-column.csv", 1, "the header needs the column step_name"),
        ("split-stage.csv", 4, "the stage `Start` (line 2) continues here after another stage"),
        ("unterminated.csv", 2, "a quoted cell is never closed"),
        ("latin1.csv", 3, "the file is not UTF-8"),
    ],
)
def test_malformed_input_is_located_and_writes_nothing(cli, workdir, name, line, message):
    source = IMPORT / name
    result = cli("import", source)
    assert result.code == 1
    assert re.match(rf"{re.escape(str(source))}:{line}:\d+: error I00[1-4] ", result.err)
    assert message in result.err and result.err.count(" error I00") == 1
    assert list(workdir.iterdir()) == []


# -- csv ---------------------------------------------------------------------------------------------


def test_csv_minimal_layout_and_yaml_quoting(cli):
    text = cli("import", IMPORT / "steps.csv", "-o", "-").out
    journey = imported(cli, IMPORT / "steps.csv")
    assert journey.id == "steps" and journey.title == "Steps"  # from the file name
    assert outline(journey) == [
        ("Discover", [("Sees an ad", 1), ("Reads reviews", 0)]),
        ("Buy", [("Pays, finally", -2), ("no", None), ("2026", None), ("1:30", None)]),
        ("Later", []),  # a row without a step: a stage without steps
    ]
    steps = {step.name: step for _, step in journey.steps()}
    assert steps["Reads reviews"].personas == ["bargain-hunter", "busy-parent"]
    assert steps["Sees an ad"].channel == "instagram"
    assert [(c.id, c.name) for c in journey.channels] == [("instagram", "Instagram"), ("web", "Web")]
    assert steps["Pays, finally"].description == "=SUM(A1:A2) looks like a formula"  # the guard is removed
    # what YAML 1.1 would turn into false, a number or 90 minutes stays text
    assert "name: 'no'" in text and "name: '2026'" in text and "name: '1:30'" in text
    assert yaml.safe_load(text)["stages"][1]["steps"][1]["name"] == "no"


def test_csv_semicolon_delimiter_and_metrics(cli):
    journey = imported(cli, IMPORT / "semicolon.csv")
    metrics = [[(m.id, m.value, m.target) for m in step.metrics] for _, step in journey.steps()]
    assert metrics == [[("conversion", 0.5, None)], [("time", 48, 30), ("errors", 2, None)]]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_csv_round_trip_keeps_every_column(cli, workdir, path):
    original = validate(path.read_bytes(), str(path)).journey
    assert cli("export", path, "-o", "steps.csv").code == 0
    journey = imported(cli, "steps.csv")

    def columns(j):
        return [
            (
                stage.id,
                stage.name,
                step.id,
                step.name,
                step.channel,
                step.layer,
                step.personas,
                step.emotion,
                step.moment_of_truth,
                [(m.id, m.value, m.target) for m in step.metrics],
                step.description,
            )
            for stage, step in j.steps()
        ]

    assert columns(journey) == columns(original)
    assert [s.id for s in journey.stages] == [s.id for s in original.stages]


@pytest.mark.parametrize("name", ["tricky.journey.yaml", "line-breaks.journey.yaml"])
def test_csv_round_trip_of_tricky_text(cli, workdir, name):
    tricky = FIXTURES / "export" / name
    original = validate(tricky.read_bytes(), "tricky").journey
    cli("export", tricky, "-o", "tricky.csv")
    journey = imported(cli, "tricky.csv")
    assert [(s.id, s.name, [(t.name, t.description, t.emotion) for t in s.steps]) for s in journey.stages] == [
        (s.id, s.name, [(t.name, t.description, t.emotion) for t in s.steps]) for s in original.stages
    ]


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, FIXTURES / "export" / "tricky.journey.yaml"], ids=lambda p: p.name)
def test_mermaid_round_trip_keeps_stages_steps_and_emotions(cli, workdir, path):
    original = validate(path.read_bytes(), str(path)).journey
    assert cli("export", path, "-o", "map.mmd").code == 0
    journey = imported(cli, "map.mmd")
    assert journey.title.replace("＃", "#").replace("；", ";") == original.title
    back = [(stage.name, [(step.name, step.emotion) for step in stage.steps]) for stage in journey.stages]

    def readable(name):  # Mermaid cannot hold these; the export swaps in look-alikes
        return " ".join(name.split()).replace(":", "：").replace("#", "＃").replace(";", "；").replace("%", "％")

    expected = [(readable(s.name), [(readable(t.name), t.emotion) for t in s.steps]) for s in original.stages]
    assert [(name, [n for n, _ in steps]) for name, steps in back] == [(name, [n for n, _ in steps]) for name, steps in expected]
    for (_, got), (_, want) in zip(back, expected):
        for (_, emotion), (_, had) in zip(got, want):
            assert emotion == (had if had is not None else 0)
    if original.personas:
        names = {p.id: p.name for p in original.personas}
        imported_names = {p.id: p.name for p in journey.personas}
        for (_, step), (_, before) in zip(journey.steps(), original.steps()):
            walked = {imported_names[p] for p in step.personas} if step.personas is not None else set(imported_names.values())
            had = {names[p] for p in before.personas} if before.personas is not None else set(names.values())
            assert {n.replace("，", ",").replace("：", ":") for n in walked} == had


# -- output ---------------------------------------------------------------------------------------------


def test_default_output_never_overwrites_without_force(cli, workdir):
    first = cli("import", IMPORT / "working-day.mmd")
    assert first.code == 0 and first.out == "wrote my-working-day.journey.yaml\n"
    written = workdir / "my-working-day.journey.yaml"
    assert validate(written.read_bytes(), str(written)).ok
    written.write_text("keep me")
    again = cli("import", IMPORT / "working-day.mmd")
    assert again.code == 2 and "already exists (use --force" in again.err
    assert written.read_text() == "keep me"
    assert cli("import", IMPORT / "working-day.mmd", "--force").code == 0
    assert written.read_text() != "keep me"
    assert sorted(p.name for p in workdir.iterdir()) == ["my-working-day.journey.yaml"]


def test_id_option(cli, workdir):
    assert cli("import", IMPORT / "steps.csv", "--id", "first-steps").out == "wrote first-steps.journey.yaml\n"
    assert validate((workdir / "first-steps.journey.yaml").read_bytes(), "x").journey.id == "first-steps"
    bad = cli("import", IMPORT / "steps.csv", "--id", "First Steps")
    assert bad.code == 2 and "for example: first-steps" in bad.err


def test_stdin_needs_from(cli):
    source = (IMPORT / "working-day.mmd").read_bytes()
    assert cli("import", "-", "-o", "-", stdin=source).code == 2
    journey = imported(cli, "-", "--from", "mermaid", stdin=source)
    assert journey.id == "my-working-day"


def test_missing_input_is_a_usage_error(cli, workdir):
    result = cli("import", "nope.csv")
    assert result.code == 2 and result.err == "journey: error: no such file: nope.csv\n"


# -- Mermaid's own diagrams ------------------------------------------------------------------------------

UPSTREAM = IMPORT / "mermaid-upstream"


@pytest.mark.parametrize("path", sorted(UPSTREAM.glob("*.mmd")), ids=lambda p: p.stem)
def test_every_journey_diagram_of_mermaids_docs_and_tests_imports_and_validates(cli, workdir, path):
    """Compared with what Mermaid's own parser (journey.jison) makes of the diagram: see the fixtures' README."""
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    journey = imported(cli, path)  # validates, or fails the test
    if expected["title"]:
        assert journey.title == expected["title"]
    before_any_section = any(t["section"] == "" for t in expected["tasks"])
    stages = ["Steps"] * before_any_section + expected["sections"]
    assert [stage.name for stage in journey.stages] == (stages or ["Steps"])  # a title alone gets one empty stage

    def emotion(score):
        return None if score is None else max(-2, min(2, math.floor(score + 0.5) - 3))

    names = {p.id: p.name for p in journey.personas or []}
    actors = list(dict.fromkeys(a for t in expected["tasks"] for a in t["people"] if a))
    assert list(names.values()) == actors
    placed = list(journey.steps())
    steps = [step for _, step in placed]
    assert [(stage.name, s.name, s.emotion) for stage, s in placed] == [
        (t["section"] or "Steps", t["task"], emotion(t["score"])) for t in expected["tasks"]
    ]
    for step, task in zip(steps, expected["tasks"]):
        people = {a for a in task["people"] if a}
        shown = set(actors) if step.personas is None else {names[p] for p in step.personas}
        assert shown == people or (step.personas is None and not people), (step.name, task)


def test_mermaids_documentation_page_and_a_four_backtick_fence(cli, workdir):
    page = imported(cli, UPSTREAM / "userJourney.md")  # its first ```mermaid-example block
    assert page.title == "My working day"
    assert outline(page) == [
        ("Go to work", [("Make tea", 2), ("Go upstairs", 0), ("Do work", -2)]),
        ("Go home", [("Go downstairs", 2), ("Sit down", 2)]),
    ]
    fenced = imported(cli, IMPORT / "four-backticks.md")
    assert fenced.title == "From the indented front matter"
    assert fenced.description == "The description, over two lines"
    assert outline(fenced) == [("Visit", [("Books online", 1), ("Waits longer than said", -2)])]


def test_a_score_mermaid_draws_but_cannot_mean_gives_a_step_without_emotion_and_a_warning(cli, workdir):
    result = cli("import", IMPORT / "bad-score.mmd", "-o", "-")
    assert result.code == 0
    assert result.err == (
        f"journey: warning: {IMPORT / 'bad-score.mmd'}:5: the score must be a number from 1 to 5; found lots, so the step `Waits` has no emotion\n"
    )
    journey = imported(cli, IMPORT / "bad-score.mmd")
    assert outline(journey) == [("Start", [("Opens the app", 1), ("Waits", None)])]


def test_a_title_after_an_accdescr_block_on_its_closing_line(cli, workdir):
    journey = imported(cli, "-", "--from", "mermaid", stdin=b"journey\naccDescr {\n  About\n  it\n}title Kept\nsection S\n  T: 5: Me\n")
    assert journey.title == "Kept" and journey.description == "About it"
