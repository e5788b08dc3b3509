"""Hypothesis strategies for the fuzzing: journey maps, and the ways a file can be wrong.

``journeys()`` draws valid maps (as plain data) from the whole format: every
optional field, branching and looping flow, personas, channels, sources,
metrics with extreme numbers, and text mixing ordinary words, YAML 1.1 traps
(``no``, ``1e3``, ``<<``, ``2026-02-30``), bidi controls and Unicode line
separators. ``documents()`` writes one as YAML and then, most of the time,
damages it: a value swapped for a YAML snippet of any type or tag (anchors,
aliases, merge keys, ``!!binary``, ``!!python/object``, deep nesting), raw
control characters, or bytes inserted, flipped and cut.
"""

from __future__ import annotations

import string

import yaml
from hypothesis import strategies as st

from journeycli.loader import YAML12_NUMBER

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
BREAKS = "\u2028\u2029\r"
YAML_WORDS = [
    "no", "yes", "on", "off", "~", "null", "1e3", "0o17", "0x1F", "1:30", "2026-02-30", "<<", "=", ".inf", ".nan",
    "-", "?", "&a", "*a", "!x", "%", "@", "`", "#", "'", '"', "{", "[", ": ", " #",
]

words = st.text(alphabet=string.ascii_letters + string.digits + " -_.,!?", min_size=1, max_size=20).filter(str.strip)
hostile = st.lists(st.sampled_from(list(BIDI + BREAKS + "\t\n") + ["é", "支払い", "😀", "<b>", "&amp;", "\\", "|", "%0A", "::error::"]), min_size=1, max_size=6).map("".join)
texts = st.one_of(
    words,
    words,
    st.sampled_from(YAML_WORDS),
    st.builds(lambda a, b, c: a + b + c, words, hostile, words),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30).filter(str.strip),
)
ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)
numbers = st.one_of(st.integers(-10, 10), st.floats(allow_nan=False, allow_infinity=False, width=64), st.integers(-(10**30), 10**30), st.sampled_from([0, 1e308, -1e308, 5e-324]))


@st.composite
def journeys(draw) -> dict:
    """A valid journey map as plain data (ids unique, references defined)."""
    unique = draw(st.lists(ids, min_size=60, max_size=60, unique=True))
    pool = iter(unique)
    personas = [{"id": next(pool), "name": draw(texts)} for _ in range(draw(st.integers(0, 2)))]
    channels = [{"id": next(pool), "name": draw(texts)} for _ in range(draw(st.integers(0, 2)))]
    sources = [{"id": next(pool), "title": draw(texts), "kind": draw(st.sampled_from(["survey", "interview", "other"]))} for _ in range(draw(st.integers(0, 1)))]
    stages, steps, pains = [], [], []
    for _ in range(draw(st.integers(1, 3))):
        stage = {"id": next(pool), "name": draw(texts), "steps": []}
        for _ in range(draw(st.integers(0, 4))):
            step = {"id": next(pool), "name": draw(texts)}
            if draw(st.booleans()):
                step["emotion"] = draw(st.integers(-2, 2))
            if channels and draw(st.booleans()):
                step["channel"] = draw(st.sampled_from(channels))["id"]
            if personas and draw(st.booleans()):
                step["personas"] = [draw(st.sampled_from(personas))["id"]]
            if draw(st.booleans()):
                step["layer"] = draw(st.sampled_from(["frontstage", "backstage", "support"]))
            if draw(st.booleans()):
                step["thoughts"] = draw(texts)
            if draw(st.booleans()):
                step["moment_of_truth"] = draw(st.booleans())
            if draw(st.booleans()):
                metric = {"id": next(pool), "value": draw(numbers)}
                if draw(st.booleans()):
                    metric |= {"target": draw(numbers), "better": draw(st.sampled_from(["higher", "lower"]))}
                step["metrics"] = [metric]
            if draw(st.booleans()):
                pain = {"id": next(pool), "description": draw(texts), "severity": draw(st.sampled_from(["low", "medium", "high", "critical"]))}
                if draw(st.booleans()):
                    pain["affected"] = draw(st.floats(0, 1))
                if sources and draw(st.booleans()):
                    pain["sources"] = [sources[0]["id"]]
                step["pain_points"] = [pain]
                pains.append(pain)
            stage["steps"].append(step)
            steps.append(step)
        stages.append(stage)
    for step in steps:  # flow: branches, loops, exits
        if draw(st.integers(0, 3)) == 0:
            step["next"] = draw(st.lists(st.sampled_from([s["id"] for s in steps]), max_size=3, unique=True))
    if pains and steps and draw(st.booleans()):
        steps[0]["opportunities"] = [{"id": next(pool), "description": draw(texts), "addresses": [pains[0]["id"]], "status": draw(st.sampled_from(["idea", "done"]))}]
    journey = {"format": 1, "id": next(pool), "title": draw(texts)}
    for key, value in (("owner", draw(texts)), ("last_reviewed", draw(st.dates()).isoformat()), ("review_interval_months", draw(st.integers(1, 10**12)))):
        if draw(st.booleans()):
            journey[key] = value
    if draw(st.booleans()):
        journey["objectives"] = [draw(texts)]
    for key, items in (("personas", personas), ("channels", channels), ("sources", sources)):
        if items:
            journey[key] = items
    journey["stages"] = stages
    if draw(st.booleans()):
        journey["x-notes"] = {"text": draw(texts)}
    return journey


class _Dumper(yaml.SafeDumper):
    """Quotes text that YAML 1.2 tools read as a number (``1e3``), as journey files must."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'" if YAML12_NUMBER.fullmatch(text) else None))


def dump(journey: dict, style: str | None = None) -> str:
    return yaml.dump(journey, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_style=style, width=10**6)


SNIPPETS = [
    "<<", "=", "!!timestamp x", "!!int", "!!float", "!!bool x", "!!int ''", "!!binary aGVsbG8=", "!!python/object:os.system x",
    "!!set {a, b}", "!!omap [a: 1]", "!!str 1", "!!null x", "!custom 1", "&a 1", "*a", "*missing", "&a [*a]", "{<<: [1, 2]}",
    "{<<: *a}", "[1, [2, [3]]]", "{a: 1, a: 2}", "? [1]\n: 2", "'unclosed", '"\\e[2J"', '"\\x00"', '"\\u202e"', "|\n  block", ">-\n  folded",
    "2026-02-30", "25:00:00", "9999-12-31", "0000-01-01", "1e400", "-.inf", ".nan", "0x" + "f" * 40, "9" * 400, "1:30:00",
    "[" * 120 + "]" * 120, "{a: " * 60 + "1" + "}" * 60, "\t- tab", "- a\n- b", "---\nsecond: doc", "...", "%YAML 1.1", "@", "`", "null",
    '"' + "\u2028" + '"', "'a\rb'", "\x85", "[*a, *a, *a]",
]
RAW = ["\x00", "\x1b[2J", "\x07", "\x7f", "\ufeff", "\ud800", "\x9b", "\u202e", "\r", "\n", "\t", ": ", " #", "- ", "&x ", "*x", "<<: ", "\xa0"]


@st.composite
def documents(draw) -> bytes:
    """A journey file: valid, or broken in one or more of the ways files break."""
    journey = draw(journeys())
    text = dump(journey, draw(st.sampled_from([None, None, None, '"', "'"])))
    if draw(st.integers(0, 4)) == 0:
        text = 'x-base: &base\n  layer: support\n' + text.replace("  - id:", "  - <<: *base\n    id:", 1)
    lines = text.split("\n")
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        if not lines:
            break
        kind = draw(st.sampled_from(["value", "value", "raw", "line", "cut"]))
        n = draw(st.integers(0, max(len(lines) - 1, 0)))
        line = lines[n]
        if kind == "value" and ": " in line:
            key = line.split(": ", 1)[0]
            lines[n] = f"{key}: {draw(st.sampled_from(SNIPPETS))}"
        elif kind == "raw":
            at = draw(st.integers(0, len(line)))
            lines[n] = line[:at] + draw(st.sampled_from(RAW)) + line[at:]
        elif kind == "line":
            lines.insert(n, draw(st.sampled_from(SNIPPETS)))
        elif kind == "cut":
            del lines[n:]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 7)) == 0:  # byte-level damage
        edits = draw(st.lists(st.tuples(st.integers(0, max(len(data) - 1, 0)), st.integers(0, 255)), max_size=4))
        buffer = bytearray(data)
        for at, byte in edits:
            if buffer:
                buffer[at % len(buffer)] = byte
        data = bytes(buffer)
    return data
