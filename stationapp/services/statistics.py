"""The figures a station reports upward, for one month (统计 page and 月报 PDF).

Every figure is aggregated in SQL (a dozen small queries, whatever the size of the ledger).

*As of* — the day the "now" figures describe (households on the ledger, open requests,
overdue requests and visits) is ``today`` for the current month and the month's last day
for a past month (``min(today, month end)``):

* a household counts as 在册 on that day when it was registered by then (its 登记日期,
  ``registered_on``, as for the visit schedule) and is 在册 now or left the ledger
  (迁出 / 注销) only *after* that day; 高龄 is reckoned on that day too;
* a request is open on that day when it was received on or before it and is still open
  now (受理 / 派单 / 处理中) or was resolved only after that day; it is overdue when it
  had then been open longer than the station's limit (``request_limit_days``);
* overdue visits are the households past their due date on that day.

Month figures — visits dated in the month, requests received in it, requests closed
(resolved_at in the month, still 已办结 or 已回访), satisfaction of the call-backs made in
the month (confirmed_at), events starting in it and the deliveries of those events,
volunteer hours served in it (events and delivery rounds, :mod:`volunteer_hours`).

Seasonal periods (季节性走访) in force on some day of the month, each with the households
due by it and those visited by its due day (:func:`seasonal.tally_period`); the coverage
and overdue figures take them into account (:mod:`visit_coverage`).

Comparisons — the month's main figures (visits, requests received and closed, events,
volunteer hours) also for the previous month and for the year to date (1 January to the
month's last day): :class:`PeriodFigures`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from stationapp.domain.care_models import CareRequest, RequestCategory, Visit
from stationapp.domain.care_vocab import (
    OPEN_REQUEST_STATUSES,
    RequestStatus,
    Satisfaction,
    VisitMethod,
)
from stationapp.domain.event_models import Delivery, Event, EventType, Volunteer
from stationapp.domain.models import Community, Household, HouseholdCategory
from stationapp.domain.people import ELDERLY_AGE, born_on_or_before_for_age
from stationapp.domain.schedule import month_end, month_start
from stationapp.domain.vocab import CareCategory, CareTier, DeliveryOutcome, HouseholdStatus
from stationapp.services import seasonal, visit_coverage, volunteer_hours
from stationapp.services.settings import get_station_settings
from stationapp.services.sql_dates import calendar_days
from stationapp.services.visit_coverage import Coverage

Counts = tuple[tuple[str, int], ...]
"""(label, count) pairs in display order."""

_K = TypeVar("_K")
_V = TypeVar("_V")

TOP_VOLUNTEERS = 10
"""How many volunteers the 志愿服务 ranking shows."""


@dataclass(frozen=True)
class RequestCategoryFigures:
    """Requests of one category in the month."""

    category: str
    received: int
    closed: int
    open: int


@dataclass(frozen=True)
class PeriodFigures:
    """The main figures of a period (a month, the year to date), for comparisons."""

    first: date
    last: date
    visits: int = 0
    requests_received: int = 0
    requests_closed: int = 0
    events: int = 0
    volunteer_hours: float = 0.0


@dataclass(frozen=True)
class MonthlyStatistics:
    """Everything the statistics page and the monthly report show."""

    month: date
    station: str
    generated_on: date
    households_total: int
    by_category: Counts
    by_community: Counts
    by_tier: Counts
    visits_in_month: int
    visits_by_method: Counts
    coverage: Coverage
    overdue_visits: int
    requests_received: int
    requests_closed: int
    requests_open: int
    requests_overdue: int
    average_days_to_close: float | None
    satisfaction: Counts
    requests_by_category: tuple[RequestCategoryFigures, ...]
    events_in_month: int
    events_by_type: Counts
    deliveries_by_outcome: Counts
    volunteer_hours: float
    top_volunteers: tuple[tuple[str, float], ...]
    active_volunteers: int
    as_of: date | None = None
    """The day the households, open requests and overdue figures describe (see module)."""
    volunteers_served: int = 0
    """Volunteers (and staff) with hours served in the month."""
    request_limit_days: int = 0
    """The station's limit after which an open request counts as overdue."""
    previous_month: PeriodFigures | None = None
    """The main figures of the month before (None when not read)."""
    year_to_date: PeriodFigures | None = None
    """The main figures from 1 January to the month's last day (None when not read)."""
    seasonal_periods: tuple[seasonal.PeriodTally, ...] = ()
    """Seasonal periods in force on some day of the month, in order of start."""

    @property
    def satisfaction_total(self) -> int:
        """Call-backs of the month with a verdict."""
        return sum(n for _, n in self.satisfaction)

    @property
    def deliveries_total(self) -> int:
        """Deliveries planned for the month's events."""
        return sum(n for _, n in self.deliveries_by_outcome)


@dataclass(frozen=True)
class _Period:
    first: date
    last: date
    as_of: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min)

    @property
    def end(self) -> datetime:
        """Midnight after the month's last day (exclusive bound)."""
        return datetime.combine(self.last + timedelta(days=1), time.min)

    @property
    def as_of_end(self) -> datetime:
        """Midnight after the as-of day (exclusive bound)."""
        return datetime.combine(self.as_of + timedelta(days=1), time.min)

    def within(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.start, column < self.end)


def _sum(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _mapping(session: Session, query: Select[_K, _V] | CompoundSelect[_K, _V]) -> dict[_K, _V]:
    """The rows of a two-column query as a dict (first column → second)."""
    return {key: value for key, value in session.execute(query)}


@dataclass(frozen=True)
class _Ledger:
    """The households 在册 on a day and the others, each as disjoint conditions that an
    index answers (counts are summed over the parts)."""

    on: tuple[ColumnElement[bool], ...]
    off: tuple[ColumnElement[bool], ...]


def _ledger_on(session: Session, as_of: date, today: date) -> _Ledger:
    """在册 on ``as_of``: registered by then, and still 在册 or left only after that day
    (``today`` is the desk's day: nobody can have left after it)."""
    entered = Household.registered_on <= as_of
    active = Household.status == HouseholdStatus.ACTIVE.value
    others = Household.status.in_([s.value for s in HouseholdStatus
                                   if s is not HouseholdStatus.ACTIVE])
    if as_of < today:
        left_later = and_(Household.status_date.is_not(None), Household.status_date > as_of)
        return _Ledger(
            on=(and_(active, entered), and_(others, entered, left_later)),
            off=(and_(active, ~entered), and_(others, or_(~entered, ~left_later))),
        )
    # Nobody can have left the ledger after today (a status date is never in the future),
    # and nobody is registered after today unless a registration day was typed wrong or
    # the computer's clock was set back (the latest registration is one probe of
    # ix_household_registered_on).
    latest_entry = session.scalar(select(func.max(Household.registered_on)))
    if latest_entry is None or latest_entry <= as_of:
        return _Ledger(on=(active,), off=(others,))
    return _Ledger(on=(and_(active, entered),), off=(others, and_(active, ~entered)))


def monthly_statistics(
    session: Session, month: date, today: date
) -> MonthlyStatistics:
    """Figures of the month containing ``month`` (households and open counts as of ``today``
    for the current month, as of the month's last day for a past month)."""
    first, last = month_start(month), month_end(month)
    period = _Period(first, last, min(today, last))
    settings = get_station_settings(session)
    total, by_category, by_community, by_tier = _households(session, period.as_of, today)
    visits_total, by_method = _visits(session, period)
    requests = _requests(session, period, settings.request_limit_days)
    events_total, by_type, outcomes = _events(session, period)
    hours = {vid: h for vid, h in volunteer_hours.hours_by_volunteer(session, first, last).items()
             if h > 0}
    before = month_start(first - timedelta(days=1))
    return MonthlyStatistics(
        month=first,
        station=settings.name,
        generated_on=today,
        households_total=total,
        by_category=by_category,
        by_community=by_community,
        by_tier=by_tier,
        visits_in_month=visits_total,
        visits_by_method=by_method,
        coverage=visit_coverage.month_coverage(session, first, today),
        overdue_visits=visit_coverage.count_overdue(session, period.as_of),
        requests_received=requests.received,
        requests_closed=requests.closed,
        requests_open=requests.open,
        requests_overdue=requests.overdue,
        average_days_to_close=requests.average_days,
        satisfaction=requests.satisfaction,
        requests_by_category=requests.by_category,
        events_in_month=events_total,
        events_by_type=by_type,
        deliveries_by_outcome=outcomes,
        volunteer_hours=round(sum(hours.values()), 2),
        top_volunteers=_top_volunteers(session, hours),
        active_volunteers=session.scalar(
            select(func.count()).select_from(Volunteer).where(
                Volunteer.active.is_(True), Volunteer.is_staff.is_(False))
        ) or 0,
        as_of=period.as_of,
        volunteers_served=len(hours),
        request_limit_days=settings.request_limit_days,
        previous_month=period_figures(session, before, month_end(before)),
        year_to_date=period_figures(session, first.replace(month=1), last),
        seasonal_periods=tuple(seasonal.tally_period(session, p, today)
                               for p in seasonal.periods_overlapping(session, first, last)),
    )


def period_figures(session: Session, first: date, last: date) -> PeriodFigures:
    """The main figures from ``first`` to ``last`` (inclusive): visits dated in it,
    requests received and closed (still 已办结 or 已回访) in it, events starting in it and
    volunteer hours served in it (:func:`volunteer_hours.hours_by_volunteer`)."""
    period = _Period(first, last, last)
    closed = [RequestStatus.RESOLVED.value, RequestStatus.CONFIRMED.value]
    visits = session.scalar(select(func.count()).select_from(Visit).where(
        Visit.visit_date >= first, Visit.visit_date <= last)) or 0
    received = session.scalar(select(func.count()).select_from(CareRequest).where(
        period.within(CareRequest.received_at))) or 0
    closed_count = session.scalar(select(func.count()).select_from(CareRequest).where(
        period.within(CareRequest.resolved_at), CareRequest.status.in_(closed))) or 0
    events = session.scalar(select(func.count()).select_from(Event).where(
        period.within(Event.starts_at))) or 0
    hours = volunteer_hours.hours_by_volunteer(session, first, last)
    return PeriodFigures(first, last, visits=visits, requests_received=received,
                         requests_closed=closed_count, events=events,
                         volunteer_hours=round(sum(h for h in hours.values() if h > 0), 2))


# ---------------------------------------------------------------- households


def _households(
    session: Session, as_of: date, today: date
) -> tuple[int, Counts, Counts, Counts]:
    ledger = _ledger_on(session, as_of, today)
    cutoff = born_on_or_before_for_age(ELDERLY_AGE, as_of)
    per_community: dict[int, int] = {}
    per_tier: dict[str, int] = {}
    elderly = 0
    for on_ledger in ledger.on:
        for community_id, tier, count in session.execute(
            select(Household.community_id, Household.tier, func.count())
            .where(on_ledger)
            .group_by(Household.community_id, Household.tier)
        ):
            per_community[community_id] = per_community.get(community_id, 0) + count
            per_tier[tier] = per_tier.get(tier, 0) + count
        # A range count over ix_household_status_oldest_birth.
        elderly += session.scalar(
            select(func.count()).where(on_ledger, Household.oldest_birth_date <= cutoff)) or 0
    # Every stored category (a covering index scan) less those of the few households off
    # the ledger: about half the work of joining every category row to its household.
    stored = _mapping(session,
        select(HouseholdCategory.category, func.count()).group_by(HouseholdCategory.category)
    )
    for off_ledger in ledger.off:
        for category, count in session.execute(
            select(HouseholdCategory.category, func.count())
            .where(HouseholdCategory.household_id.in_(
                select(Household.id).where(off_ledger).scalar_subquery()))
            .group_by(HouseholdCategory.category)
        ):
            stored[category] -= count
    by_category = tuple(
        (c.label, elderly if c is CareCategory.ELDERLY else int(stored.get(c.value, 0)))
        for c in CareCategory
    )
    names = _mapping(session, select(Community.id, Community.name))
    by_community = tuple(sorted(((names[cid], n) for cid, n in per_community.items()),
                                key=lambda pair: pair[0]))
    by_tier = tuple((t.label, per_tier.get(t.value, 0)) for t in CareTier)
    return sum(per_community.values()), by_category, by_community, by_tier


# ---------------------------------------------------------------- visits


def _visits(session: Session, period: _Period) -> tuple[int, Counts]:
    # One range count per method over ix_visit_method_date: no grouping, no row read.
    counts = [
        select(literal(index).label("method"), func.count()).where(
            Visit.method == method, Visit.visit_date >= period.first,
            Visit.visit_date <= period.last)
        for index, method in enumerate(VisitMethod)
    ]
    found = _mapping(session, union_all(*counts))
    by_method = tuple((m.label, int(found.get(i, 0))) for i, m in enumerate(VisitMethod))
    return sum(n for _label, n in by_method), by_method


# ---------------------------------------------------------------- requests


@dataclass(frozen=True)
class _RequestFigures:
    received: int
    closed: int
    open: int
    overdue: int
    average_days: float | None
    satisfaction: Counts
    by_category: tuple[RequestCategoryFigures, ...]


class _Kind(IntEnum):
    RECEIVED = 0
    CLOSED = 1
    OPEN = 2


def _requests(session: Session, period: _Period, limit_days: int) -> _RequestFigures:
    """One statement, each part a range of an index that holds every column it needs:
    received in the month, closed in it (with the days each took), open on the as-of day
    (with how many are past the limit)."""
    open_statuses = [s.value for s in OPEN_REQUEST_STATUSES]
    closed_statuses = [RequestStatus.RESOLVED.value, RequestStatus.CONFIRMED.value]
    overdue_before = datetime.combine(period.as_of - timedelta(days=limit_days), time.min)
    received_then = CareRequest.received_at < period.as_of_end

    def part(kind: _Kind, extra: ColumnElement[Any], *where: ColumnElement[bool]
             ) -> Select[int, int, int, int]:
        return (select(literal(int(kind)), CareRequest.category_id, func.count(),
                       func.coalesce(func.sum(extra), 0))
                .where(*where).group_by(CareRequest.category_id))

    overdue = case((CareRequest.received_at < overdue_before, 1), else_=0)
    statement = union_all(
        part(_Kind.RECEIVED, literal(0), period.within(CareRequest.received_at)),
        part(_Kind.CLOSED, calendar_days(session, CareRequest.received_at,
                                         CareRequest.resolved_at),
             period.within(CareRequest.resolved_at), CareRequest.status.in_(closed_statuses)),
        part(_Kind.OPEN, overdue, received_then, CareRequest.status.in_(open_statuses)),
        # Closed now, but only after the as-of day: open on it.
        part(_Kind.OPEN, overdue, received_then, CareRequest.status.in_(
            [s.value for s in RequestStatus if s not in OPEN_REQUEST_STATUSES]),
             CareRequest.resolved_at >= period.as_of_end),
    )
    # category → [received, closed, open, overdue]; days to close summed over all.
    per_category: dict[int, list[int]] = {}
    days_to_close = 0
    for kind, category_id, count, extra in session.execute(statement):
        figures = per_category.setdefault(category_id, [0, 0, 0, 0])
        figures[kind] += count
        if kind == _Kind.CLOSED:
            days_to_close += int(extra)
        elif kind == _Kind.OPEN:
            figures[3] += int(extra)
    categories = session.execute(
        select(RequestCategory.id, RequestCategory.name, RequestCategory.active)
        .order_by(RequestCategory.sort_order, RequestCategory.id)
    ).all()
    by_category = tuple(
        RequestCategoryFigures(name, *per_category.get(cid, [0, 0, 0, 0])[:3])
        for cid, name, active in categories
        if active or any(per_category.get(cid, [0, 0, 0])[:3])
    )
    verdicts = _mapping(session,
        select(CareRequest.satisfaction, func.count())
        .where(period.within(CareRequest.confirmed_at), CareRequest.satisfaction.is_not(None))
        .group_by(CareRequest.satisfaction)
    )
    totals = [sum(values[i] for values in per_category.values()) for i in range(4)]
    return _RequestFigures(
        received=totals[0], closed=totals[1], open=totals[2], overdue=totals[3],
        average_days=days_to_close / totals[1] if totals[1] else None,
        satisfaction=tuple((s.label, int(verdicts.get(s, 0))) for s in Satisfaction),
        by_category=by_category,
    )


# ---------------------------------------------------------------- events and volunteers


def _events(session: Session, period: _Period) -> tuple[int, Counts, Counts]:
    in_month = period.within(Event.starts_at)
    counts = _mapping(session,
        select(Event.event_type_id, func.count()).where(in_month).group_by(Event.event_type_id)
    )
    types = session.execute(
        select(EventType.id, EventType.name, EventType.active)
        .order_by(EventType.sort_order, EventType.id)
    ).all()
    by_type = tuple((name, int(counts.get(tid, 0))) for tid, name, active in types
                    if active or counts.get(tid))
    outcomes = _mapping(session,
        select(Delivery.outcome, func.count())
        .join(Event, Event.id == Delivery.event_id)
        .where(in_month)
        .group_by(Delivery.outcome)
    )
    by_outcome = tuple((o.label, int(outcomes.get(o, 0))) for o in DeliveryOutcome)
    return sum(counts.values()), by_type, by_outcome


def _top_volunteers(session: Session, hours: dict[int, float]) -> tuple[tuple[str, float], ...]:
    if not hours:
        return ()
    # Ties at the cut-off are decided by name, so fetch every name (a few hundred at most).
    names = _mapping(session,
        select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(list(hours)))
    )
    ranked = sorted(hours.items(), key=lambda item: (-item[1], names.get(item[0], ""), item[0]))
    return tuple((names.get(vid, ""), round(h, 2)) for vid, h in ranked[:TOP_VOLUNTEERS])
