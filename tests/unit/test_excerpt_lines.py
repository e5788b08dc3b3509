"""Excerpts are the finding's source line exactly as the loader counts lines, read without splitting the whole file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycli.diagnostics import Diagnostic, Severity
from journeycli.runner import with_excerpts

PIECES = st.sampled_from([b"a", b"key: v", b"\n", b"\r", b"\r\n", b"\xe2\x80\xa8", b"\xe2\x82", b"\xff", b"\xc3\xa9", b"\xef\xbb\xbf", b"\t"])


def finding(line: int, file: str = "f") -> Diagnostic:
    return Diagnostic(file, line, 1, Severity.WARNING, "L001", "empty-stage", "m")


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(PIECES, max_size=14).map(b"".join), st.lists(st.integers(0, 9), min_size=1, max_size=6))
def test_each_excerpt_is_the_line_split_at_line_feeds_only(data: bytes, lines: list[int]):
    expected = [line.removesuffix("\r") for line in data.decode("utf-8", "replace").split("\n")]
    for d in with_excerpts(data, [finding(n) for n in lines], "f"):
        assert d.excerpt == (expected[d.line - 1] if 0 < d.line <= len(expected) else None)


def test_the_empty_line_after_the_last_line_feed_is_a_line_and_other_files_keep_their_excerpt():
    other = Diagnostic("lib.yaml", 1, 1, Severity.WARNING, "L005", "unused-definition", "m", excerpt="its own line")
    found = with_excerpts(b"a: 1\r\nb: 2\n", [finding(3), finding(2), finding(4), other], "f")
    assert [(d.file, d.line, d.excerpt) for d in found] == [("f", 2, "b: 2"), ("f", 3, ""), ("f", 4, None), ("lib.yaml", 1, "its own line")]
