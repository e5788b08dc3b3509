"""Generated docs stay in sync with the code they are generated from."""

from __future__ import annotations

from conftest import ROOT

from journeycli.format_doc import format_markdown


def test_format_reference_is_in_sync_with_the_models():
    assert (ROOT / "docs" / "format.md").read_text() == format_markdown(), "run: python -m journeycli.format_doc > docs/format.md"
