"""Numbers in sentences: plurals, signed emotions, metric values with their unit (one style for every report)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journeycli.presentation.quantities import amount, plural, signed


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (0.31, "ratio", "31%"),
        (0.2, "ratio", "20%"),
        (0.125, "share", "12.5%"),
        (1, "days", "1 day"),
        (2, "days", "2 days"),
        (1, "Days", "1 Day"),
        (1, "people", "1 person"),
        (3.5, "minutes", "3.5 minutes"),
        (1, "NPS", "1 NPS"),
        (0.4, None, "0.4"),
        (1200, "", "1200"),
    ],
)
def test_amount(value, unit, shown):
    assert amount(value, unit) == shown


def test_signed_zero_has_no_sign_and_means_have_two_decimals():
    assert [signed(-1), signed(0), signed(2)] == ["-1", "0", "+2"]
    assert [signed(Decimal("-0.5"), 2), signed(Decimal(0), 2)] == ["-0.50", "0.00"]


def test_plural():
    assert [plural(1, "file"), plural(2, "error"), plural(0, "info")] == ["1 file", "2 errors", "0 infos"]
