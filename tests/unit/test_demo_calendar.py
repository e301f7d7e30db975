"""The demo dates its 写春联 and 送窗花 in the days before a 春节 that is over."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from stationapp.demo.events import _days_before_spring_festival


@pytest.mark.parametrize(("today", "spring"), [
    (date(2026, 12, 7), date(2026, 2, 17)),
    (date(2027, 3, 20), date(2027, 2, 6)),
    (date(2027, 2, 10), date(2026, 2, 17)),  # 春节 four days ago: too recent to be over
])
def test_couplets_and_window_flowers_come_before_spring_festival(
    today: date, spring: date
) -> None:
    assert today + timedelta(days=_days_before_spring_festival(today, 8)) == (
        spring - timedelta(days=8))
    assert today + timedelta(days=_days_before_spring_festival(today, 5)) == (
        spring - timedelta(days=5))
