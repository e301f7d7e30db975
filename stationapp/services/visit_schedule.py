"""The visit schedule: each household's last visit, the one before and its next due day.

Every household on the ledger (在册) carries its last visit, the visit day before that
one and the day its next visit is due (``Household.last_visit_date`` /
``previous_visit_date`` / ``next_visit_due``), kept in step with the visits and the care
tier by this module so that the overdue list is one indexed query and a month's coverage a
few range counts (:mod:`stationapp.services.visit_coverage`). Those columns are derived
data: they are written with Core UPDATEs that leave the household's version alone, so
recording a visit never makes an open household dialog conflict. After visits are inserted
in bulk (demo, import), call :func:`reschedule_all`. The rule itself lives in
:mod:`stationapp.domain.schedule`; :func:`_reschedule` applies it in SQL for speed, and
tests compare it with the Python rule on random data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import CursorResult, Table, case, func, inspect, null, or_, select, update
from sqlalchemy.orm import Session, aliased

from stationapp.domain import schedule
from stationapp.domain.care_models import Visit
from stationapp.domain.errors import NotFoundError
from stationapp.domain.models import Household
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.messages import msg
from stationapp.services.settings import get_station_settings
from stationapp.services.sql_dates import plus_days

log = logging.getLogger("stationapp.services")

_HOUSEHOLD: Table = Household.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ScheduleInfo:
    """A household's place in the visit schedule."""

    household_id: int
    tier: CareTier
    interval_days: int
    last_visit: date | None
    next_due: date | None
    days_overdue: int



def visit_intervals(session: Session) -> dict[CareTier, int]:
    """Days between visits for each care tier, as the station settings say."""
    return dict(get_station_settings(session).visit_interval_days)


def _due(
    status: str, tier: str, registered_on: date, last_visit: date | None,
    intervals: dict[CareTier, int],
) -> date | None:
    """The next due date of a household, None when it is not on the ledger."""
    if status != HouseholdStatus.ACTIVE:
        return None
    return schedule.next_due(last_visit, registered_on, intervals[CareTier(tier)])


def _expire_schedule(session: Session, household_ids: set[int] | None = None) -> None:
    """Loaded households must not keep schedule values a Core UPDATE has replaced."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Household):
            identity = inspect(obj).identity
            if household_ids is None or (identity is not None and identity[0] in household_ids):
                session.expire(obj, ["last_visit_date", "previous_visit_date", "next_visit_due"])


def _reschedule(session: Session, household_id: int | None) -> int:
    """Recompute last and previous visit and next due date of one household (or all) in one
    UPDATE.

    The rule is :func:`stationapp.domain.schedule.next_due`, written in SQL so that
    50,000 households take one statement. Only rows that change are written; their
    version and change time stay as they are (derived data, see the module docstring).
    """
    session.flush()
    intervals = visit_intervals(session)
    table = _HOUSEHOLD
    latest = (
        select(Household.id.label("household_id"),
               func.max(Visit.visit_date).label("last_visit"))
        .outerjoin(Visit, Visit.household_id == Household.id)
        .group_by(Household.id)
    )
    if household_id is not None:
        latest = latest.where(Household.id == household_id)
    found = latest.subquery()
    last = found.c.last_visit
    interval = case(
        *((table.c.tier == tier.value, days) for tier, days in intervals.items()),
        else_=intervals[CareTier.ROUTINE],
    )
    due = case(
        (table.c.status != HouseholdStatus.ACTIVE.value, null()),
        (last.is_(None), table.c.registered_on),
        else_=plus_days(session, last, interval),
    )
    earlier = aliased(Visit)
    previous = (
        select(func.max(earlier.visit_date))
        .where(earlier.household_id == table.c.id, earlier.visit_date < last)
        .scalar_subquery()
    )
    statement = (
        update(table)
        .where(table.c.id == found.c.household_id,
               or_(table.c.last_visit_date.is_distinct_from(last),
                   table.c.previous_visit_date.is_distinct_from(previous),
                   table.c.next_visit_due.is_distinct_from(due)))
        # Derived data: the change time stays (no onupdate stamp), as does the version.
        .values(last_visit_date=last, previous_visit_date=previous, next_visit_due=due,
                updated_at=table.c.updated_at)
    )
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    _expire_schedule(session, None if household_id is None else {household_id})
    return result.rowcount


def household_schedule(
    session: Session, household_id: int, today: date
) -> ScheduleInfo:
    """Tier, interval, last visit, next due date and days overdue (on ``today``) of one
    household."""
    row = session.execute(
        select(Household.status, Household.tier, Household.registered_on)
        .where(Household.id == household_id)
    ).first()
    if row is None:
        raise NotFoundError(msg("household.not_found", id=household_id))
    status, tier, registered_on = row
    last = session.scalar(
        select(func.max(Visit.visit_date)).where(Visit.household_id == household_id)
    )
    intervals = visit_intervals(session)
    due = _due(status, tier, registered_on, last, intervals)
    return ScheduleInfo(
        household_id=household_id, tier=CareTier(tier),
        interval_days=intervals[CareTier(tier)], last_visit=last, next_due=due,
        days_overdue=schedule.days_overdue(due, today),
    )


def reschedule_household(session: Session, household_id: int) -> None:
    """Recompute a household's last visit and next due date from its visits and tier."""
    if session.get(Household, household_id) is None:
        raise NotFoundError(msg("household.not_found", id=household_id))
    _reschedule(session, household_id)


def reschedule_all(session: Session) -> int:
    """Recompute every active household's next due date (after the intervals changed).

    Last visits are read from the visit table (so this also repairs the columns after
    visits were bulk-inserted); households not on the ledger get no due date. One
    UPDATE of the rows that change; returns their number.
    """
    changed = _reschedule(session, None)
    log.info("visit schedule recomputed: %d households changed", changed)
    return changed


__all__ = ["ScheduleInfo", "household_schedule", "reschedule_all", "reschedule_household",
           "visit_intervals"]
