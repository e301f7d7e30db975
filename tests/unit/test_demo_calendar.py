"""The demo dates its 写春联 and 送窗花 in the days before a 春节 that is over, its 中秋送月饼
before the latest 中秋 and its 重阳慰问 on the latest 重阳, and declares a past 寒潮 (both
databases)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from stationapp.demo import populate_demo
from stationapp.demo.events import _days_before_spring_festival, _days_to_latest_festival
from stationapp.domain.vocab import CareCategory, DeliveryOutcome
from stationapp.services.database import Database
from stationapp.services.delivery_planning import TargetFilter, find_candidates
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.events import list_events
from stationapp.services.seasonal import list_periods
from stationapp.services.statistics import monthly_statistics


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


@pytest.mark.parametrize(("today", "name", "before", "day"), [
    (date(2026, 12, 7), "重阳节", 0, date(2026, 10, 18)),
    (date(2026, 12, 7), "中秋节", 2, date(2026, 9, 23)),
    (date(2027, 10, 8), "重阳节", 0, date(2026, 10, 18)),  # today's 重阳 is not over yet
    (date(2027, 10, 9), "重阳节", 0, date(2027, 10, 8)),
    (date(2026, 9, 24), "中秋节", 2, date(2026, 9, 23)),  # the day before 中秋
    (date(2026, 3, 1), "中秋节", 2, date(2025, 10, 4)),
])
def test_the_latest_festival(today: date, name: str, before: int, day: date) -> None:
    assert today + timedelta(days=_days_to_latest_festival(today, name, before)) == day


def test_demo_holds_mid_autumn_and_double_ninth_visits(database: Database) -> None:
    with database.session() as s:
        populate_demo(s, 200, seed=5, today=date(2026, 12, 7))
    with database.session() as s:
        events = {r.title: r for r in list_events(s)}
        mooncakes, double_ninth = events["中秋送月饼·情暖空巢老人"], events["九九重阳·敬老慰问"]
        cakes = list_deliveries(s, mooncakes.id)
        gifts = list_deliveries(s, double_ninth.id)
        elderly = {c.household_id for c in find_candidates(
            s, double_ninth.id, TargetFilter(category=CareCategory.ELDERLY),
            date(2026, 10, 18))}
    assert mooncakes.type == double_ninth.type == "节日慰问"
    assert mooncakes.starts_at.date() == date(2026, 9, 23)
    assert double_ninth.starts_at.date() == date(2026, 10, 18)
    for lines in (cakes, gifts):
        assert len(lines) >= 5
        assert all(d.outcome in {DeliveryOutcome.DELIVERED, DeliveryOutcome.NOT_HOME}
                   for d in lines)
        assert sum(d.outcome is DeliveryOutcome.DELIVERED for d in lines) > len(lines) / 2
    assert {d.item for d in cakes} == {"月饼"}
    assert {d.household_id for d in gifts} <= elderly


def test_demo_declares_a_past_cold_wave(database: Database) -> None:
    today = date(2026, 12, 7)
    with database.session() as s:
        populate_demo(s, 200, seed=5, today=today)
    with database.session() as s:
        [period] = list_periods(s)
        november = monthly_statistics(s, date(2026, 11, 1), today)
        december = monthly_statistics(s, today, today)
    assert (period.name, period.starts_on, period.ends_on, period.due_days) == (
        "寒潮", date(2026, 10, 23), date(2026, 11, 6), 7)
    assert period.categories == {CareCategory.LIVING_ALONE, CareCategory.ELDERLY}
    assert [t.period.id for t in november.seasonal_periods] == [period.id]
    assert november.seasonal_periods[0].due > 0
    assert december.seasonal_periods == ()
