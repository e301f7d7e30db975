"""One rule for percentages and counts (issue 14 item 4)."""

from __future__ import annotations

import pytest

from stationapp.ui.formatting import format_count, format_percent, percent_of


@pytest.mark.parametrize(("value", "text"), [
    (32.4, "32.4 %"),
    (32.45, "32.4 %"),
    (32.0, "32 %"),
    (100, "100 %"),
    (99.96, "99.9 %"),
    (0, "0 %"),
    (100 * 81 / 250, "32.4 %"),
])
def test_format_percent_has_one_rule(value: float, text: str) -> None:
    assert format_percent(value) == text


def test_percent_of_an_empty_whole_is_none() -> None:
    assert percent_of(3, 0) is None
    assert percent_of(1, 4) == 25.0


def test_format_count_names_its_unit() -> None:
    assert format_count(41, "户") == "41 户"
    assert format_count(1204, "件") == "1,204 件"
