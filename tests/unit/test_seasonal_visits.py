"""Seasonal visit periods (both databases): declared, validated, audited; while one is in
force, households of its categories not visited since it began are due by its due day and
overdue after it, on the overdue list and in the counts."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.vocab import CareCategory, CareTier
from stationapp.services.audit import list_entries
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.seasonal import (
    PeriodInput,
    add_period,
    delete_period,
    end_period,
    list_periods,
    periods_overlapping,
)
from stationapp.services.visit_coverage import count_overdue, list_overdue, list_overdue_ids
from stationapp.services.visits import VisitInput
from stationapp.workflows.visits import record_visit

TODAY = date(2026, 12, 7)
COLD = PeriodInput(name="寒潮", starts_on=date(2026, 11, 28), due_days=5,
                   categories=frozenset({CareCategory.LIVING_ALONE, CareCategory.ELDERLY}))


def _household(database: Database, room: str, born: date,
               categories: frozenset[CareCategory], visited: date) -> int:
    with database.session() as s:
        hid = create_household(s, HouseholdInput(
            community="锦华一区", building="5", unit="1", room=room, tier=CareTier.ROUTINE,
            categories=categories, registered_on=date(2026, 1, 5),
            residents=(ResidentInput(name=f"住户{room}", birth_date=born, is_head=True),),
        ), "clerk", TODAY)
        record_visit(s, VisitInput(household_id=hid, visit_date=visited), "clerk", TODAY)
    return hid


@pytest.fixture
def ledger(database: Database) -> dict[str, int]:
    alone = frozenset({CareCategory.LIVING_ALONE})
    return {
        "alone_visited_since": _household(database, "101", date(1960, 1, 1), alone,
                                          date(2026, 12, 1)),
        "alone_not_since": _household(database, "102", date(1960, 1, 1), alone,
                                      date(2026, 11, 20)),
        "elderly_not_since": _household(database, "103", date(1940, 3, 3), frozenset(),
                                        date(2026, 11, 25)),
        "other": _household(database, "104", date(1960, 1, 1),
                            frozenset({CareCategory.MINIMUM_LIVING}), date(2026, 11, 25)),
    }


def test_a_period_in_force_makes_its_households_due(
    database: Database, ledger: dict[str, int]
) -> None:
    with database.session() as s:
        assert count_overdue(s, TODAY) == 0  # every household's usual visit is months away
        period_id = add_period(s, COLD, "clerk")
    with database.session() as s:
        due_ids = list_overdue_ids(s, TODAY)
        assert set(due_ids) == {ledger["alone_not_since"], ledger["elderly_not_since"]}
        assert count_overdue(s, TODAY) == 2
        rows = list_overdue(s, TODAY)
        assert {(r.due, r.days_overdue) for r in rows} == {(date(2026, 12, 3), 4)}
        # Not yet overdue on the due day itself.
        assert count_overdue(s, date(2026, 12, 3)) == 0
        # A visit since the period began settles it.
        record_visit(s, VisitInput(household_id=ledger["alone_not_since"],
                                   visit_date=TODAY), "clerk", TODAY)
    with database.session() as s:
        assert list_overdue_ids(s, TODAY) == [ledger["elderly_not_since"]]
        end_period(s, period_id, date(2026, 12, 6), "clerk")
    with database.session() as s:
        assert count_overdue(s, TODAY) == 0  # over: the usual schedule again
        assert count_overdue(s, date(2026, 12, 5)) == 1  # a day it was in force
        delete_period(s, period_id, "clerk")
    with database.session() as s:
        assert count_overdue(s, date(2026, 12, 5)) == 0
        actions = [e.action for e in list_entries(s, entity="seasonal_period",
                                                  entity_id=str(period_id))]
        assert len(actions) == 3


def test_periods_are_listed_and_validated(database: Database) -> None:
    with database.session() as s:
        first = add_period(s, COLD, "clerk")
        second = add_period(s, PeriodInput(
            name=" 高温 ", starts_on=date(2026, 7, 10), ends_on=date(2026, 7, 31), due_days=3,
            categories=frozenset({CareCategory.ELDERLY})), "clerk")
        rows = list_periods(s)
        assert [(r.id, r.name) for r in rows] == [(first, "寒潮"), (second, "高温")]
        assert rows[0].due_by == date(2026, 12, 3) and rows[0].ends_on is None
        assert [p.id for p in periods_overlapping(s, date(2026, 7, 1), date(2026, 7, 31))] \
            == [second]
        with pytest.raises(ValidationError) as caught:
            add_period(s, PeriodInput(name="", starts_on=TODAY, due_days=0,
                                      categories=frozenset(), ends_on=date(2026, 12, 1)), "c")
        assert {p.field for p in caught.value.problems} == {
            "name", "due_days", "categories", "ends_on"}
        with pytest.raises(ValidationError):
            end_period(s, first, date(2026, 11, 1), "clerk")
        with pytest.raises(NotFoundError):
            delete_period(s, 999, "clerk")
