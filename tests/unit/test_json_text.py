"""``json_text.dumps`` writes exactly what ``json.dumps(indent=2, ensure_ascii=False)`` writes, for any JSON value; ``compact`` what ``json.dumps(ensure_ascii=False)`` writes."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from journeycli.json_text import compact, dumps

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-(10**40), 10**40), st.floats(), st.text(), st.sampled_from(["\u2028", "\x00", '"', "\\", "é😀", "\ud800"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=5), inner, max_size=5)), max_leaves=40)


@settings(max_examples=300, derandomize=True, deadline=None, database=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(values)
def test_the_same_text_as_json_dumps(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=300, derandomize=True, deadline=None, database=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(values)
def test_compact_is_json_dumps_on_one_line(value):
    assert compact()(value) == json.dumps(value, ensure_ascii=False)


def test_what_json_refuses_it_refuses_the_same_way():
    with pytest.raises(ValueError):
        dumps({"a": [math.nan]}, allow_nan=False)
    with pytest.raises(ValueError):
        compact(allow_nan=False)({"a": [math.nan]})
    with pytest.raises(TypeError):
        dumps({"a": {1, 2}})


def test_other_keys_and_types_are_written_by_json_itself():
    assert dumps({1: True, "t": (1, 2)}) == json.dumps({1: True, "t": (1, 2)}, indent=2, ensure_ascii=False)
