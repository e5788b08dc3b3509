"""An output that names a folder is a usage error that says so, not a hint to use --force."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

MAP = EXAMPLES / "clinic-visit.journey.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ("init", "my-map", "-o", "{out}"),
        ("init", "my-map", "-o", "{out}", "--force"),
        ("export", MAP, "--format", "csv", "-o", "{out}"),
        ("funnel", MAP, "--format", "csv", "-o", "{out}"),
    ],
)
def test_an_output_that_is_a_folder_is_refused_by_name(cli, tmp_path, args):
    out = tmp_path / "maps"
    out.mkdir()
    result = cli(*(str(a).format(out=out) for a in args))
    assert result.code == 2
    assert result.err == f"journey: error: cannot write {out}: it is a directory; give the name of a file\n"
    assert list(out.iterdir()) == []
