"""Who is overdue for a visit, and a month's coverage (households visited ÷ households due).

Both read the schedule columns :mod:`stationapp.services.visit_schedule` keeps on each
household: the overdue list is one indexed query, a month's coverage a few range counts.
The rules live in :mod:`stationapp.domain.schedule`; :func:`month_coverage` applies them in
SQL for speed, and tests compare it with the Python rules on random data.

Seasonal periods (:mod:`stationapp.services.seasonal`) in force on the day asked make the
households of their categories not visited since the period began due by the period's due
day, when that comes before their usual one: the overdue list then compares the earlier of
the two with the day. Without a period in force the list is the one indexed query.
A month's coverage counts them too (see :func:`month_coverage`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from stationapp.domain import schedule
from stationapp.domain.address import Address
from stationapp.domain.care_models import Visit
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.domain.workbench_data import OverdueRow
from stationapp.services._common import chunks, read_ids
from stationapp.services.seasonal import (
    PeriodRow,
    in_categories,
    periods_in_force,
    periods_overlapping,
    seasonal_due,
)
from stationapp.services.visit_schedule import visit_intervals

_CHUNK = 500
_Row = TypeVar("_Row")

_VISITED = 1 << 32
"""Weight of a visited household in month_coverage's sum (more than households exist)."""


@dataclass(frozen=True)
class Coverage:
    """This month's coverage: households visited ÷ households due, against 100 %."""

    month: date
    due: int
    visited: int
    target: float = 1.0

    @property
    def ratio(self) -> float | None:
        """visited / due, None when nobody was due."""
        return self.visited / self.due if self.due else None



def _effective_due(session: Session, today: date) -> ColumnElement[date]:
    """SQL: a household's due day on ``today``: its usual one, or the due day of a seasonal
    period in force that concerns it, whichever is earlier."""
    seasonal = seasonal_due(periods_in_force(session, today), today)
    usual: ColumnElement[date] = Household.next_visit_due  # type: ignore[assignment]
    if seasonal is None:
        return usual
    return case((and_(seasonal.is_not(None), or_(usual.is_(None), seasonal < usual)),
                 seasonal), else_=usual)


def _overdue(
    session: Session, query: Select[_Row], today: date, liaison_id: int | None,
    community_id: int | None,
) -> Select[_Row]:
    query = query.where(Household.status == HouseholdStatus.ACTIVE.value,
                        _effective_due(session, today) < today)
    if liaison_id is not None:
        query = query.where(Household.liaison_id == liaison_id)
    if community_id is not None:
        query = query.where(Household.community_id == community_id)
    return query


def list_overdue_ids(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[int]:
    """Ids of active households past their due date on ``today``, most days overdue first."""
    query = _overdue(session, select(Household.id), today, liaison_id, community_id)
    return read_ids(session, query.order_by(_effective_due(session, today), Household.id))


def count_overdue(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> int:
    """How many active households are past their due date (as :func:`list_overdue_ids`)."""
    query = _overdue(session, select(func.count()).select_from(Household), today,
                     liaison_id, community_id)
    return session.scalar(query) or 0


def fetch_overdue_rows(
    session: Session, ids: Sequence[int], today: date
) -> list[OverdueRow]:
    """The overdue-list rows of the given households, in the order of ``ids``, with the
    days overdue on ``today``.

    Households that have no due date any more (no longer on the ledger) are left out.
    """
    if not ids:
        return []
    records = session.execute(
        select(
            Household.id, Community.name, Household.building, Household.unit, Household.room,
            Household.head_name, Household.contact_phone, Household.tier, Volunteer.name,
            Household.last_visit_date, _effective_due(session, today),
        )
        .join(Community, Household.community_id == Community.id)
        .outerjoin(Volunteer, Household.liaison_id == Volunteer.id)
        .where(Household.id.in_(ids))
    ).all()
    rows: dict[int, OverdueRow] = {}
    for (hid, community, building, unit, room, head, phone, tier, liaison, last,
         due) in records:
        if due is None:
            continue
        rows[hid] = OverdueRow(
            household_id=hid, address=Address(community, building, unit, room).display(), head=head,
            phone=phone, tier=CareTier(tier), liaison=liaison or "", last_visit=last,
            due=due, days_overdue=schedule.days_overdue(due, today),
        )
    return [rows[i] for i in ids if i in rows]


def list_overdue(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[OverdueRow]:
    """Every row overdue on ``today`` (for the command line and reports)."""
    ids = list_overdue_ids(session, today, liaison_id, community_id)
    rows: list[OverdueRow] = []
    for chunk in chunks(ids, _CHUNK):
        rows.extend(fetch_overdue_rows(session, chunk, today))
    return rows


def month_coverage(
    session: Session, month: date, today: date, liaison_id: int | None = None
) -> Coverage:
    """Households visited in ``month`` ÷ households due in it (see domain.schedule).

    Due: households on the ledger now (with their current tier) whose due date, from
    the last visit before the month (or the day they were registered), falls inside
    the month or earlier; households registered after the month are not due in it.
    Visited: those of them with a visit dated inside the month. ``today`` changes
    nothing (visits cannot be dated in the future) and is accepted so callers can pass
    the same day everywhere. ``liaison_id`` keeps that liaison's households.

    Seasonal periods (:mod:`stationapp.services.seasonal`): a period *applies* to the
    month when it is in force on some day of the month on or after its due day (its
    first day + N days), the day from which the overdue list shows its households. Its
    households (of its categories on the month's last day, or the period's last day when
    earlier) that had no visit from the period's first day to the month's start are due
    in the month, whatever their usual schedule; they count as visited only with a visit
    inside the month on or after the period's first day (a visit in the month before a
    cold wave began does not cover it). A household settled before the month (visited
    since the period began) follows its usual schedule.

    One statement of range counts per care tier over ix_household_visit_state: the
    stored last and previous visit answer for almost every household; the visit index
    is asked only for those visited twice in the month, or twice after it (a past month).
    """
    del today
    start, end = schedule.month_start(month), schedule.month_end(month)
    intervals = visit_intervals(session)
    values: dict[str, Any] = {
        "start": start, "end": end, "liaison": liaison_id,
        "registered_by": end,
    }
    always_due: list[bool] = []
    for tier in CareTier:
        # schedule.is_due_in_month: due when the last visit before the month is on or
        # before the month's end minus the interval (the cutoff), or there is none.
        cutoff = end - timedelta(days=intervals.get(tier, intervals[CareTier.ROUTINE]))
        values[f"cutoff_{tier.value}"] = cutoff
        values[f"not_after_{tier.value}"] = min(cutoff, start - timedelta(days=1))
        # For a short interval any visit before the month is on or before the cutoff.
        always_due.append(cutoff >= start - timedelta(days=1))
    statement = _coverage_statement(tuple(always_due), liaison_id is not None)
    visited, due_not_visited = divmod(int(session.scalar(statement, values) or 0), _VISITED)
    due = visited + due_not_visited
    periods = periods_applying(session, start)
    if periods:
        extra_due, usual_visited, seasonal_visited = _seasonal_adjustment(
            session, periods, start, end, intervals, liaison_id)
        due += extra_due
        visited += seasonal_visited - usual_visited
    return Coverage(month=start, due=due, visited=visited)


def periods_applying(session: Session, month: date) -> list[PeriodRow]:
    """The seasonal periods that apply to the month containing ``month`` (in force on
    some day of it on or after their due day; see :func:`month_coverage`)."""
    start, end = schedule.month_start(month), schedule.month_end(month)
    return [p for p in periods_overlapping(session, start, end)
            if p.due_by <= end and (p.ends_on is None or p.ends_on >= max(start, p.due_by))]


def _seasonal_adjustment(
    session: Session, periods: list[PeriodRow], start: date, end: date,
    intervals: dict[CareTier, int], liaison_id: int | None,
) -> tuple[int, int, int]:
    """Over the households the ``periods`` make due in the month: how many are not due by
    their usual schedule, how many of those usually due were visited in the month, and
    how many were visited in the month since every such period began."""

    def visited(first: date, last: date) -> ColumnElement[bool]:
        return select(Visit.id).where(Visit.household_id == Household.id,
                                      Visit.visit_date >= first,
                                      Visit.visit_date <= last).exists()

    due_by: list[ColumnElement[bool]] = []
    covered: list[ColumnElement[bool]] = []
    for period in periods:
        day = min(end, period.ends_on) if period.ends_on is not None else end
        due = in_categories(period.categories, day)
        if period.starts_on < start:
            due = and_(due, ~visited(period.starts_on, start - timedelta(days=1)))
        due_by.append(due)
        covered.append(or_(~due, visited(max(start, period.starts_on), end)))
    cutoff = case(*((Household.tier == tier.value,
                     literal(end - timedelta(days=intervals.get(
                         tier, intervals[CareTier.ROUTINE]))))
                    for tier in CareTier),
                  else_=literal(end - timedelta(days=intervals[CareTier.ROUTINE])))
    # schedule.is_due_in_month: no visit after the cutoff before the month.
    usually_due = ~select(Visit.id).where(
        Visit.household_id == Household.id, Visit.visit_date > cutoff,
        Visit.visit_date < start).exists()
    in_month = visited(start, end)
    query = select(
        func.coalesce(func.sum(case((usually_due, 0), else_=1)), 0),
        func.coalesce(func.sum(case((and_(usually_due, in_month), 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(*covered), 1), else_=0)), 0),
    ).where(Household.status == HouseholdStatus.ACTIVE.value,
            Household.registered_on <= end, or_(*due_by))
    if liaison_id is not None:
        query = query.where(Household.liaison_id == liaison_id)
    extra, usual, seasonal = session.execute(query).one()
    return int(extra), int(usual), int(seasonal)


@functools.lru_cache(maxsize=16)
def _coverage_statement(always_due: tuple[bool, ...], by_liaison: bool) -> Select[int]:
    """month_coverage's statement for tiers (in CareTier order) that are or are not always
    due; the days are bound parameters, so one statement serves every month."""
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    last, previous = Household.last_visit_date, Household.previous_visit_date
    parts: list[Select[int]] = []

    def add(figure: ColumnElement[int], *conditions: ColumnElement[bool]) -> None:
        # Each part sums its households' figures: 1 due and not visited, _VISITED due and
        # visited in the month (0 not due).
        part = select(func.coalesce(func.sum(figure), 0).label("figure")).where(
            Household.status == HouseholdStatus.ACTIVE.value,
            Household.registered_on <= bindparam("registered_by", type_=Date),
            *conditions)
        if by_liaison:
            part = part.where(Household.liaison_id == bindparam("liaison", type_=Integer))
        parts.append(part)

    one: ColumnElement[int] = literal(1)
    visited_weight: ColumnElement[int] = literal(_VISITED)
    for tier, due_anyway in zip(CareTier, always_due, strict=True):
        cutoff = bindparam(f"cutoff_{tier.value}", type_=Date)
        in_tier = Household.tier == tier.value
        visited_since_cutoff = select(Visit.visit_date).where(
            Visit.household_id == Household.id, Visit.visit_date > cutoff,
            Visit.visit_date < start,
        ).exists()
        visited_in_month = select(Visit.visit_date).where(
            Visit.household_id == Household.id, Visit.visit_date >= start,
            Visit.visit_date <= end,
        ).exists()
        add(one, in_tier, last.is_(None))
        # The last visit is before the month: it is the last visit before the month.
        add(one, in_tier, last <= bindparam(f"not_after_{tier.value}", type_=Date))
        in_month = and_(last >= start, last <= end)
        if due_anyway:
            add(visited_weight, in_tier, in_month)
        else:
            # Visited once in the month: the previous visit is the last before it.
            add(visited_weight, in_tier, in_month, or_(previous.is_(None), previous <= cutoff))
            add(case((visited_since_cutoff, 0), else_=_VISITED),
                in_tier, in_month, previous >= start)
        # Visited after the month (a past month). Nothing lies between the previous visit
        # and the last: a previous visit before the month is the last before it, and
        # means no visit in the month; one inside the month means visited. Only for the
        # rest are the visits asked.
        after = last > end
        due_from_previous = one if due_anyway else case((previous <= cutoff, 1), else_=0)
        add(one, in_tier, after, previous.is_(None))
        add(due_from_previous, in_tier, after, previous < start)
        in_month_then = and_(previous >= start, previous <= end)
        if due_anyway:
            add(visited_weight, in_tier, after, in_month_then)
            add(case((visited_in_month, _VISITED), else_=1), in_tier, after, previous > end)
        else:
            add(case((visited_since_cutoff, 0), else_=_VISITED), in_tier, after, in_month_then)
            add(case((visited_since_cutoff, 0), (visited_in_month, _VISITED), else_=1),
                in_tier, after, previous > end)
    figures = union_all(*parts).subquery()
    return select(func.sum(figures.c.figure))


__all__ = ["Coverage", "OverdueRow", "count_overdue", "fetch_overdue_rows", "list_overdue",
           "list_overdue_ids", "month_coverage", "periods_applying"]
