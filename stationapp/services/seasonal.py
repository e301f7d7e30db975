"""Seasonal visits (季节性走访): periods the station declares — a cold wave (寒潮), a heat
wave (高温), a festival (中秋) — during which households of chosen care categories (e.g.
独居 and 高龄) are due a visit within N days.

The rule: a period is *in force* on a day from its first day to its last (``ends_on``; an
open period has none yet, ending it sets it). While it is in force, a household of one of
its categories that has had no visit since the period began is due by ``starts_on +
due_days`` and overdue after that — whichever comes first of this and its usual due day
(:mod:`stationapp.services.visit_coverage` applies it). A visit on or after the first
day settles it. When the period is over the household goes back to its usual schedule.
高龄 is derived: someone present aged 80 or more on the day asked.

Adding, ending and deleting are validated and recorded in the audit trail (the
``seasonal_period`` rows are audited entities).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, false, func, null, or_, select
from sqlalchemy.orm import Session

from stationapp.domain.calendar_models import SeasonalPeriod
from stationapp.domain.care_models import Visit
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.models import Household, HouseholdCategory
from stationapp.domain.people import ELDERLY_AGE, born_on_or_before_for_age
from stationapp.domain.vocab import CareCategory, HouseholdStatus
from stationapp.messages import msg
from stationapp.services._common import Problems

NAME_LIMIT = 64
MAX_DUE_DAYS = 90
MAX_PERIOD_DAYS = 366


@dataclass(frozen=True)
class PeriodInput:
    """A period as the clerk declares it; ``ends_on`` None: open until ended."""

    name: str
    starts_on: date
    due_days: int
    categories: frozenset[CareCategory]
    ends_on: date | None = None


@dataclass(frozen=True)
class PeriodRow:
    """A declared period as stored."""

    id: int
    name: str
    starts_on: date
    ends_on: date | None
    due_days: int
    categories: frozenset[CareCategory]

    @property
    def due_by(self) -> date:
        """The day by which the period's households are to be visited."""
        return self.starts_on + timedelta(days=self.due_days)

    def in_force(self, day: date) -> bool:
        """Whether the period is in force on ``day``."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def overlaps(self, first: date, last: date) -> bool:
        """Whether the period is in force on some day from ``first`` to ``last``."""
        return self.starts_on <= last and (self.ends_on is None or self.ends_on >= first)


def _row(period: SeasonalPeriod) -> PeriodRow:
    return PeriodRow(
        id=period.id, name=period.name, starts_on=period.starts_on, ends_on=period.ends_on,
        due_days=period.due_days,
        categories=frozenset(CareCategory(c) for c in period.categories.split(",") if c))


def _validated(data: PeriodInput) -> PeriodInput:
    problems = Problems()
    name = problems.text("name", data.name, msg("calendar.period_name"), NAME_LIMIT)
    if not name:
        problems.add("name", msg("calendar.period_name_missing"))
    if not 1 <= data.due_days <= MAX_DUE_DAYS:
        problems.add("due_days", msg("calendar.period_due_days", most=MAX_DUE_DAYS))
    if not data.categories:
        problems.add("categories", msg("calendar.period_no_categories"))
    if data.ends_on is not None and data.ends_on < data.starts_on:
        problems.add("ends_on", msg("calendar.period_ends_before_start"))
    elif data.ends_on is not None and (data.ends_on - data.starts_on).days > MAX_PERIOD_DAYS:
        problems.add("ends_on", msg("calendar.period_too_long", most=MAX_PERIOD_DAYS))
    problems.raise_if_any()
    return PeriodInput(name, data.starts_on, data.due_days, data.categories, data.ends_on)


def add_period(session: Session, data: PeriodInput, actor: str) -> int:
    """Validate and declare a period; returns its id."""
    data = _validated(data)
    period = SeasonalPeriod(
        name=data.name, starts_on=data.starts_on, ends_on=data.ends_on,
        due_days=data.due_days, updated_by=actor,
        categories=",".join(sorted(c.value for c in data.categories)))
    session.add(period)
    session.flush()
    return period.id


def _get(session: Session, period_id: int) -> SeasonalPeriod:
    period = session.get(SeasonalPeriod, period_id)
    if period is None:
        raise NotFoundError(msg("calendar.period_not_found", id=period_id))
    return period


def end_period(session: Session, period_id: int, on: date, actor: str) -> None:
    """End the period on ``on`` (its last day in force)."""
    period = _get(session, period_id)
    if on < period.starts_on:
        raise ValidationError("ends_on", msg("calendar.period_ends_before_start"))
    period.ends_on, period.updated_by = on, actor
    session.flush()


def delete_period(session: Session, period_id: int, actor: str) -> None:
    """Delete a period declared by mistake (the audit trail keeps what it was)."""
    period = _get(session, period_id)
    period.updated_by = actor
    session.delete(period)
    session.flush()


def list_periods(session: Session) -> list[PeriodRow]:
    """Every declared period, latest first."""
    periods = session.scalars(
        select(SeasonalPeriod).order_by(SeasonalPeriod.starts_on.desc(),
                                        SeasonalPeriod.id.desc()))
    return [_row(p) for p in periods]


def periods_in_force(session: Session, day: date) -> list[PeriodRow]:
    """The periods in force on ``day``, earliest due first."""
    rows = session.scalars(select(SeasonalPeriod).where(
        SeasonalPeriod.starts_on <= day,
        or_(SeasonalPeriod.ends_on.is_(None), SeasonalPeriod.ends_on >= day)))
    return sorted((_row(p) for p in rows), key=lambda p: (p.due_by, p.id))


def periods_overlapping(session: Session, first: date, last: date) -> list[PeriodRow]:
    """The periods in force on some day from ``first`` to ``last``, in order of start."""
    rows = session.scalars(select(SeasonalPeriod).where(
        SeasonalPeriod.starts_on <= last,
        or_(SeasonalPeriod.ends_on.is_(None), SeasonalPeriod.ends_on >= first)))
    return sorted((_row(p) for p in rows), key=lambda p: (p.starts_on, p.id))


@dataclass(frozen=True)
class PeriodTally:
    """How a period went: households due by it and those visited by its due day."""

    period: PeriodRow
    due: int
    visited_in_time: int
    settled: bool
    """Whether its due day had come on the day counted (else: visited so far)."""


def tally_period(session: Session, period: PeriodRow, today: date) -> PeriodTally:
    """The households on the ledger now of the period's categories (on its due day, or on
    ``today`` when that is earlier) registered by its due day, and how many of them had a
    visit from its first day to its due day."""
    day = min(period.due_by, today)
    visited = exists().where(Visit.household_id == Household.id,
                             Visit.visit_date >= period.starts_on,
                             Visit.visit_date <= period.due_by)
    due, in_time = session.execute(select(
        func.count(), func.coalesce(func.sum(case((visited, 1), else_=0)), 0),
    ).where(Household.status == HouseholdStatus.ACTIVE.value,
            Household.registered_on <= period.due_by,
            in_categories(period.categories, day))).one()
    return PeriodTally(period, int(due), int(in_time), settled=period.due_by <= today)


def in_categories(categories: frozenset[CareCategory], day: date) -> ColumnElement[bool]:
    """SQL: the household has one of ``categories`` on ``day`` (高龄 from its oldest
    present resident's birth date)."""
    stored = [c.value for c in categories if c is not CareCategory.ELDERLY]
    conditions: list[ColumnElement[bool]] = []
    if stored:
        conditions.append(exists().where(HouseholdCategory.household_id == Household.id,
                                         HouseholdCategory.category.in_(stored)))
    if CareCategory.ELDERLY in categories:
        conditions.append(
            Household.oldest_birth_date <= born_on_or_before_for_age(ELDERLY_AGE, day))
    return or_(*conditions) if conditions else false()


def seasonal_due(periods: list[PeriodRow], day: date) -> ColumnElement[date] | None:
    """SQL: the earliest day a household is due by the ``periods`` (in force on ``day``,
    earliest due first), NULL when none concerns it; None without periods."""
    if not periods:
        return None
    whens = [
        (and_(in_categories(p.categories, day),
              or_(Household.last_visit_date.is_(None),
                  Household.last_visit_date < p.starts_on)), p.due_by)
        for p in periods
    ]
    return case(*whens, else_=null())


__all__ = ["MAX_DUE_DAYS", "PeriodInput", "PeriodRow", "PeriodTally", "add_period",
           "delete_period", "end_period", "in_categories", "list_periods", "periods_in_force",
           "periods_overlapping", "seasonal_due", "tally_period"]
