"""The one id rule and the one slug: validation's hint, init and import agree."""

from __future__ import annotations

import pytest

from journeycli.ids import ID_MAX_LENGTH, is_id, require_id, slugify, suggestion
from journeycli.usage import UsageError
from journeycli.validation import validate


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Café Été", "cafe-ete"), ("Pays by card!", "pays-by-card"), ("already-ok", "already-ok"), ("支払い", ""), ("--x--", "x")],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert slug == "" or is_id(slug)


def test_validation_hint_uses_the_same_slug_as_import():
    data = "format: 1\nid: Café Été\ntitle: T\nstages:\n  - id: s\n    name: S\n    steps:\n      - {id: a, name: A}\n"
    [finding] = validate(data.encode(), "x.journey.yaml").diagnostics
    assert finding.code == "E002" and finding.hint == "for example: cafe-ete"


def test_require_id_says_the_rule_and_suggests():
    assert require_id("ok-1") == "ok-1"
    with pytest.raises(UsageError, match="for example: first-steps$"):
        require_id("First Steps")
    with pytest.raises(UsageError, match="not a valid id"):
        require_id("x" * (ID_MAX_LENGTH + 1))
    assert suggestion("!!!") is None
