"""A month's coverage with seasonal periods (both databases): the households a period makes
due in the month count as due, and as visited only with a visit in the month since the
period began; households settled before the month follow their usual schedule."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from stationapp.domain.vocab import CareCategory, CareTier
from stationapp.reports.monthly_report import write_monthly_report
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.seasonal import PeriodInput, add_period, end_period
from stationapp.services.statistics import monthly_statistics
from stationapp.services.visit_coverage import month_coverage, periods_applying
from stationapp.services.visits import VisitInput
from stationapp.workflows.visits import record_visit

TODAY = date(2026, 12, 7)
ALONE = frozenset({CareCategory.LIVING_ALONE})
NONE: frozenset[CareCategory] = frozenset()
YOUNG, OLD = date(1960, 1, 1), date(1940, 3, 3)
COLD = PeriodInput(name="寒潮", starts_on=date(2026, 11, 28), due_days=5,
                   categories=frozenset({CareCategory.LIVING_ALONE, CareCategory.ELDERLY}))
HEAT = PeriodInput(name="高温", starts_on=date(2026, 7, 10), ends_on=date(2026, 7, 31),
                   due_days=3, categories=frozenset({CareCategory.ELDERLY}))


def _household(database: Database, room: str, born: date,
               categories: frozenset[CareCategory], *visits: date) -> int:
    with database.session() as s:
        hid = create_household(s, HouseholdInput(
            community="锦华一区", building="5", unit="1", room=room, tier=CareTier.ROUTINE,
            categories=categories, registered_on=date(2026, 1, 5),
            residents=(ResidentInput(name=f"住户{room}", birth_date=born, is_head=True),),
        ), "clerk", TODAY)
        for day in visits:
            record_visit(s, VisitInput(household_id=hid, visit_date=day), "clerk", TODAY)
    return hid


@pytest.fixture
def ledger(database: Database) -> None:
    """Households of the 一般 tier (a visit every 90 days), registered 2026-01-05."""
    _household(database, "101", YOUNG, ALONE, date(2026, 10, 15), date(2026, 12, 1))
    _household(database, "102", YOUNG, ALONE, date(2026, 11, 20))
    _household(database, "103", OLD, NONE, date(2026, 11, 29))  # settled before December
    _household(database, "104", YOUNG, frozenset({CareCategory.MINIMUM_LIVING}),
               date(2026, 11, 25))
    _household(database, "105", YOUNG, ALONE, date(2026, 8, 1))
    _household(database, "106", OLD, NONE, date(2026, 4, 1), date(2026, 7, 5))
    _household(database, "107", OLD, NONE, date(2026, 6, 20), date(2026, 7, 15))


def _figures(database: Database, month: date) -> tuple[int, int]:
    with database.session() as s:
        coverage = month_coverage(s, month, TODAY)
    return coverage.due, coverage.visited


def test_coverage_counts_the_periods_households(database: Database, ledger: None) -> None:
    # Without periods: December 105 (due 10-30) and 106, 107 (due 10-03, 10-13), none seen;
    # July everyone never visited before, and 106 (due 06-30) seen on 07-05.
    assert _figures(database, date(2026, 12, 1)) == (3, 0)
    assert _figures(database, date(2026, 7, 1)) == (6, 1)
    with database.session() as s:
        cold = add_period(s, COLD, "clerk")
        add_period(s, HEAT, "clerk")
    # December: 101 (seen 12-01) and 102 are due by the cold wave; 103 was visited since
    # it began, before the month.
    assert _figures(database, date(2026, 12, 1)) == (5, 1)
    # July: 107 is due by the heat wave and seen on 07-15; 106 was seen on 07-05, before
    # the heat wave began, which does not cover it.
    assert _figures(database, date(2026, 7, 1)) == (7, 1)
    # November: the cold wave's households are due by 12-03, not in November.
    assert _figures(database, date(2026, 11, 1)) == _figures(database, date(2026, 11, 30))
    with database.session() as s:
        assert [p.name for p in periods_applying(s, date(2026, 12, 15))] == ["寒潮"]
        assert periods_applying(s, date(2026, 11, 1)) == []
        # Ended before its due day: nobody was ever overdue by it.
        end_period(s, cold, date(2026, 12, 2), "clerk")
    with database.session() as s:
        assert periods_applying(s, date(2026, 12, 1)) == []
    assert _figures(database, date(2026, 12, 1)) == (3, 0)


def test_november_is_not_changed_by_the_cold_wave(database: Database, ledger: None) -> None:
    before = _figures(database, date(2026, 11, 1))
    with database.session() as s:
        add_period(s, COLD, "clerk")
    assert _figures(database, date(2026, 11, 1)) == before


def test_the_month_report_names_its_periods(database: Database, ledger: None) -> None:
    with database.session() as s:
        add_period(s, COLD, "clerk")
        add_period(s, HEAT, "clerk")
        december = monthly_statistics(s, date(2026, 12, 1), TODAY)
        october = monthly_statistics(s, date(2026, 10, 1), TODAY)
    assert october.seasonal_periods == ()
    [cold] = december.seasonal_periods
    # 独居 or 高龄 on 12-03: 101, 102, 103, 105, 106, 107; seen 11-28..12-03: 101, 103.
    assert (cold.period.name, cold.due, cold.visited_in_time, cold.settled) == (
        "寒潮", 6, 2, True)
    assert (december.coverage.due, december.coverage.visited) == (5, 1)
    # On 12-07: 102 by the cold wave (due 12-03), 105, 106 and 107 by their usual day.
    assert december.overdue_visits == 4
    target = io.BytesIO()
    write_monthly_report(december, target, printed_at=datetime(2026, 12, 7, 9, 0))
    text = re.sub(r"\s+", "", "".join(
        page.extract_text() for page in PdfReader(target).pages))
    assert "寒潮11月28日—至今高龄、独居5天内（12月3日前）62（33.3%）" in text
