"""Time properties: "today" moves over month ends, 29 February, year ends and month starts.

The schedule rules (``stationapp.domain.schedule``) are checked against date arithmetic
written here from scratch (ordinals, "the day before the first of next month"). The
overdue list, a month's coverage and the monthly statistics are checked against a
pure-Python model of a small random ledger, with ``today`` passed explicitly by keyword:
the wall clock (held by the test fixtures at another day) must not matter.

Database properties run on SQLite only: one database for the module, opened with a
:class:`FixedClock` far from every business date (so a ``created_at`` read as the
registration day shows), each example in a transaction rolled back at its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from stationapp.domain.clock import FixedClock
from stationapp.domain.models import Household
from stationapp.domain.schedule import (
    days_overdue,
    is_due_in_month,
    month_end,
    month_start,
    next_due,
    parse_month,
)
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.settings import get_station_settings
from stationapp.services.statistics import monthly_statistics
from stationapp.services.visit_coverage import (
    count_overdue,
    list_overdue,
    list_overdue_ids,
    month_coverage,
)
from stationapp.services.visit_schedule import household_schedule, reschedule_household
from stationapp.services.visits import VisitInput
from stationapp.workflows.opening import open_database
from stationapp.workflows.station_settings import save_station_settings
from stationapp.workflows.visits import record_visit

ONE_DAY = timedelta(days=1)
FIRST_TODAY = date(2025, 1, 1)
LAST_TODAY = date(2033, 12, 31)
ELDERLY_AGE = 80
"""高龄: 80 full years (written here again: the model does not borrow the program's rules)."""
STAMP_INSTANT = datetime(2030, 6, 15, 23, 59, 59)
"""The database's clock: every created_at is this instant, whatever the registration day."""
_Test = TypeVar("_Test", bound=Callable[..., Any])
DB_EXAMPLES = settings(max_examples=40, deadline=None)
PURE_EXAMPLES = settings(max_examples=300, deadline=None)


# ---------------------------------------------------------------- calendar, from scratch


def _first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _first_of(day: date) -> date:
    return date(day.year, day.month, 1)


def _last_of(day: date) -> date:
    return _first_of_next_month(day) - ONE_DAY


def _months_before(day: date, count: int) -> date:
    """The first day of the month ``count`` months before the month of ``day``."""
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _plus(day: date, days: int) -> date:
    return date.fromordinal(day.toordinal() + days)


def _age(birth: date, day: date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _edge_days(since: date) -> tuple[date, ...]:
    """Every month's first two and last two days from ``since`` to 2033 (year ends, 28/29
    February of 2028 and 2032 among them)."""
    edges: set[date] = set()
    first = since
    while first <= LAST_TODAY:
        last = _last_of(first)
        edges.update({first, first + ONE_DAY, last - ONE_DAY, last})
        first = last + ONE_DAY
    return tuple(sorted(edges))


EDGE_DAYS = _edge_days(FIRST_TODAY)
LEDGER_EDGE_DAYS = _edge_days(date(2023, 1, 1))
"""Month edges for ledger data, which may go back 400 days before the earliest today."""
HOT_DAYS = tuple(
    day
    for year in (2028, 2032)
    for day in (date(year, 2, 28), date(year, 2, 29), date(year, 3, 1))
) + tuple(day for year in range(2025, 2033) for day in (date(year, 12, 31), date(year + 1, 1, 1)))
"""29 February with its neighbours, and the year changes."""

days = st.one_of(
    st.sampled_from(HOT_DAYS), st.sampled_from(EDGE_DAYS), st.dates(FIRST_TODAY, LAST_TODAY)
)
"""A day between 2025 and 2033, two times in three on a month, leap-day or year edge."""
intervals = st.one_of(
    st.sampled_from((1, 2, 6, 7, 27, 28, 29, 30, 31, 59, 60, 61, 90, 365, 366)),
    st.integers(1, 366),
)
"""A visit interval in days (the settings accept 1 to 366)."""


def _pick(draw: st.DrawFn, anchors: Iterable[date], lo: date, hi: date) -> date:
    """A day in [lo, hi]: half the time one of the anchors that fall in it, a quarter of the
    time a month's edge (first two or last two days)."""
    choices = [st.dates(lo, hi)]
    edges = [day for day in LEDGER_EDGE_DAYS if lo <= day <= hi]
    if edges:
        choices.append(st.sampled_from(edges))
    inside = sorted({a for a in anchors if lo <= a <= hi})
    if inside:
        choices += [st.sampled_from(inside)] * len(choices)
    return draw(st.one_of(choices))


# ---------------------------------------------------------------- 1. schedule rules


@PURE_EXAMPLES
@given(last=days, registered=days, interval=intervals)
def test_due_is_exactly_the_interval_after_the_last_visit(
    last: date, registered: date, interval: int
) -> None:
    """Due = last visit + interval days (never before it); the registration day is ignored."""
    due = next_due(last, registered, interval)
    assert due.toordinal() - last.toordinal() == interval
    assert due > last
    assert due == _plus(last, interval)


@PURE_EXAMPLES
@given(registered=days, interval=intervals)
def test_never_visited_is_due_on_the_registration_day(registered: date, interval: int) -> None:
    assert next_due(None, registered, interval) == registered


@PURE_EXAMPLES
@given(last=days, registered=days, shorter=intervals, longer=intervals)
def test_due_moves_with_the_interval_day_for_day(
    last: date, registered: date, shorter: int, longer: int
) -> None:
    """Monotone in the interval, and one more day of interval is one day later."""
    shorter, longer = sorted((shorter, longer))
    early, late = next_due(last, registered, shorter), next_due(last, registered, longer)
    assert early <= late
    assert (late - early).days == longer - shorter


@given(last=st.none() | days, registered=days, interval=st.integers(-400, 0))
def test_an_interval_below_one_day_is_refused(
    last: date | None, registered: date, interval: int
) -> None:
    with pytest.raises(ValueError):
        next_due(last, registered, interval)


@PURE_EXAMPLES
@given(due=st.none() | days, today=days)
def test_days_overdue_counts_whole_days_after_the_due_day(due: date | None, today: date) -> None:
    """0 up to and including the due day, then 1, 2, … (the overdue rule: due < today)."""
    expected = 0 if due is None else max(0, today.toordinal() - due.toordinal())
    assert days_overdue(due, today) == expected
    assert (days_overdue(due, today) > 0) == (due is not None and due < today)


@PURE_EXAMPLES
@given(day=days)
def test_month_start_and_end_bracket_the_day(day: date) -> None:
    start, end = month_start(day), month_end(day)
    assert start == date(day.year, day.month, 1)
    assert end == _first_of_next_month(day) - ONE_DAY
    assert start <= day <= end
    assert (end + ONE_DAY).day == 1
    if day.month == 2:
        assert end.day == (29 if _is_leap(day.year) else 28)
    assert month_start(end) == start and month_end(start) == end


@PURE_EXAMPLES
@given(day=days)
def test_every_way_of_writing_a_month_reads_back(day: date) -> None:
    first = _first_of(day)
    y, m = day.year, day.month
    for text in (f"{y}-{m:02d}", f"{y}-{m}", f"{y}/{m}", f"{y}.{m}", f"{y}{m:02d}",
                 f"{y}年{m}月"):
        assert parse_month(text) == first, text


@st.composite
def month_cases(draw: st.DrawFn) -> tuple[date, date | None, date, int]:
    """(first day of a month, last visit before it or None, registration day, interval),
    the days drawn around the month's edges and the interval's cutoff."""
    first = _first_of(draw(days))
    end = _last_of(first)
    interval = draw(intervals)
    cutoff = _plus(end, -interval)
    anchors = (first - ONE_DAY, cutoff - ONE_DAY, cutoff, cutoff + ONE_DAY,
               _plus(first, -interval), _plus(first, -interval - 1), first, end, end + ONE_DAY,
               *HOT_DAYS)
    wide_lo, wide_hi = _plus(first, -800), _plus(end, 400)
    last = None if draw(st.integers(0, 3)) == 0 else _pick(draw, anchors, wide_lo, first - ONE_DAY)
    registered = _pick(draw, anchors, wide_lo, wide_hi if last is None else last)
    return first, last, registered, interval


@PURE_EXAMPLES
@given(case=month_cases())
def test_due_in_a_month_when_the_due_day_is_on_or_before_its_last_day(
    case: tuple[date, date | None, date, int],
) -> None:
    """Due in the month: registered by its last day, and due (from the last visit before
    it, or from registration) on or before its last day."""
    first, last, registered, interval = case
    end = _last_of(first)
    due_day = registered if last is None else _plus(last, interval)
    expected = registered <= end and due_day <= end
    assert is_due_in_month(last, registered, interval, first) is expected
    if expected and interval > 1:
        # A shorter interval is due at least as soon.
        assert is_due_in_month(last, registered, interval - 1, first)


# ---------------------------------------------------------------- a random ledger


@dataclass(frozen=True)
class HouseholdCase:
    """One household of the random ledger."""

    tier: CareTier
    registered_on: date
    visits: tuple[date, ...]
    """Visit days in the order they are recorded (repeats allowed)."""
    status: HouseholdStatus
    status_date: date | None
    birth_date: date | None


@dataclass(frozen=True)
class Ledger:
    """A small ledger seen on ``today``; ``month`` (a first day) is the month asked about."""

    today: date
    month: date
    intervals: Mapping[CareTier, int]
    households: tuple[HouseholdCase, ...]
    intervals_last: bool
    """Set the visit intervals after the visits (rescheduling everything) or before."""

    @property
    def as_of(self) -> date:
        """The day the month's statistics describe: today, or the past month's last day."""
        return min(self.today, _last_of(self.month))


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """1–6 households registered, visited and leaving the ledger on days around today, the
    month asked about, the as-of day and each tier's interval cutoffs; now and then one
    registered after today (a typing slip, or a clock set back)."""
    today = draw(days)
    month = _months_before(today, draw(st.one_of(
        st.sampled_from((0, 0, 0, 1, 1, 2, 12)), st.integers(0, 16))))
    end, this_month = _last_of(month), _first_of(today)
    as_of = min(today, end)
    tiers = {tier: draw(intervals) for tier in CareTier}
    lo = _plus(min(today, month), -400)
    hot = [day for day in HOT_DAYS if lo <= day <= today]
    registrations = [month, end, end + ONE_DAY, as_of - ONE_DAY, as_of, as_of + ONE_DAY,
                     today - ONE_DAY, today, this_month - ONE_DAY, this_month, *hot]
    leavings = [as_of - ONE_DAY, as_of, as_of + ONE_DAY, month - ONE_DAY, month, today]
    try:
        born_80 = as_of.replace(year=as_of.year - ELDERLY_AGE)
    except ValueError:  # 29 February, 80 years after a common year
        born_80 = date(as_of.year - ELDERLY_AGE, 2, 28)
    births = st.one_of(
        st.none(),
        st.sampled_from((born_80 - ONE_DAY, born_80, born_80 + ONE_DAY, date(1948, 2, 29),
                         date(1952, 2, 29), date(1948, 3, 1), date(1952, 2, 28))),
        st.dates(date(1925, 1, 1), date(1990, 12, 31)),
    )
    households: list[HouseholdCase] = []
    for _ in range(draw(st.integers(1, 6))):
        tier = draw(st.sampled_from(CareTier))
        birth = draw(births)
        if draw(st.integers(0, 15)) == 0:
            late = _plus(today, draw(st.integers(1, 3)))
            households.append(HouseholdCase(tier, late, (), HouseholdStatus.ACTIVE, None, birth))
            continue
        registered = _pick(draw, registrations, lo, today)
        interval = tiers[tier]
        around = [month - ONE_DAY, month, end, end + ONE_DAY, this_month, today, registered,
                  *(_plus(base, shift - interval) for base in (end, today, month - ONE_DAY)
                    for shift in (-1, 0, 1))]
        visits = tuple(_pick(draw, around, registered, today)
                       for _ in range(draw(st.integers(0, 4))))
        status = draw(st.sampled_from((HouseholdStatus.ACTIVE, HouseholdStatus.ACTIVE,
                                       HouseholdStatus.MOVED_AWAY, HouseholdStatus.CLOSED)))
        status_date = (None if status is HouseholdStatus.ACTIVE
                       else _pick(draw, [*leavings, registered], registered, today))
        households.append(HouseholdCase(tier, registered, visits, status, status_date, birth))
    return Ledger(today, month, tiers, tuple(households), draw(st.booleans()))


def _household(tier: CareTier, registered: date, *visits: date,
               left: tuple[HouseholdStatus, date] | None = None,
               born: date | None = None) -> HouseholdCase:
    status, status_date = left if left is not None else (HouseholdStatus.ACTIVE, None)
    return HouseholdCase(tier, registered, visits, status, status_date, born)


P, W, R = CareTier.PRIORITY, CareTier.WATCH, CareTier.ROUTINE
MOVED, CLOSED = HouseholdStatus.MOVED_AWAY, HouseholdStatus.CLOSED
EDGE_LEDGERS = (
    # February 2028 seen from 30 April: registered and leaving on the as-of day (29 Feb),
    # leaving the day after, visited on 29 Feb and twice since, due on 29 Feb exactly,
    # registered after today, an 80th birthday on 29 Feb.
    Ledger(date(2028, 4, 30), date(2028, 2, 1), {P: 7, W: 29, R: 90}, (
        _household(P, date(2028, 2, 29), born=date(1948, 2, 29)),
        _household(W, date(2027, 12, 1), date(2028, 1, 31), date(2028, 2, 29),
                   date(2028, 3, 30), date(2028, 4, 28)),
        _household(R, date(2027, 6, 1), left=(MOVED, date(2028, 2, 29))),
        _household(R, date(2027, 6, 1), left=(CLOSED, date(2028, 3, 1)),
                   born=date(1948, 3, 1)),
        _household(P, date(2028, 5, 2)),
        _household(W, date(2028, 1, 31), date(2028, 1, 31)),
    ), intervals_last=False),
    # Today is 29 February 2032: overdue by 7 days, due today (not overdue), overdue by
    # one day, registered today, visited in the month but not due in it, registered
    # tomorrow; an 80th birthday today.
    Ledger(date(2032, 2, 29), date(2032, 2, 1), {P: 7, W: 30, R: 90}, (
        _household(P, date(2032, 2, 22), born=date(1952, 2, 29)),
        _household(P, date(2032, 1, 1), date(2032, 2, 22), born=date(1952, 3, 1)),
        _household(W, date(2031, 12, 31), date(2032, 1, 29)),
        _household(R, date(2032, 2, 29)),
        _household(R, date(2031, 12, 31), date(2031, 12, 31), date(2032, 2, 1)),
        _household(P, date(2032, 3, 1)),
    ), intervals_last=False),
    # New Year's Day 2027, December asked: left on New Year's Day (在册 on 31 December),
    # registered on New Year's Day, visited on both sides of the year end.
    Ledger(date(2027, 1, 1), date(2026, 12, 1), {P: 7, W: 30, R: 90}, (
        _household(P, date(2026, 12, 25)),
        _household(W, date(2026, 11, 1), date(2026, 12, 2), date(2027, 1, 1)),
        _household(R, date(2026, 12, 31), left=(MOVED, date(2027, 1, 1))),
        _household(R, date(2027, 1, 1)),
        _household(P, date(2026, 12, 24), date(2026, 12, 31), date(2026, 12, 24)),
    ), intervals_last=True),
)
"""Hand-made ledgers every database property tries first, so that each edge is always met."""


def _edge_examples(**extra: object) -> Callable[[_Test], _Test]:
    """Decorate a property with ``@example(ledger=…)`` for every ledger of EDGE_LEDGERS."""

    def decorate(test: _Test) -> _Test:
        for ledger in reversed(EDGE_LEDGERS):
            test = example(ledger=ledger, **extra)(test)
        return test

    return decorate


# ---------------------------------------------------------------- the model


def _model_due(case: HouseholdCase, ledger: Ledger, before: date | None = None) -> date | None:
    """Due day from the last visit (before ``before``, when given) or the registration day;
    None off the ledger."""
    if case.status is not HouseholdStatus.ACTIVE:
        return None
    earlier = [v for v in case.visits if before is None or v < before]
    if not earlier:
        return case.registered_on
    return _plus(max(earlier), ledger.intervals[case.tier])


def _model_overdue(ledger: Ledger, cases: Mapping[int, HouseholdCase], day: date
                   ) -> dict[int, date]:
    """Household id → due day of those on the ledger whose due day is before ``day``."""
    dues = {hid: _model_due(case, ledger) for hid, case in cases.items()}
    return {hid: due for hid, due in dues.items() if due is not None and due < day}


def _model_coverage(ledger: Ledger, cases: Mapping[int, HouseholdCase], first: date
                    ) -> tuple[int, int]:
    """(due, visited) in the month starting ``first``: on the ledger now, registered by the
    month's end, due by then from the last visit before the month; visited inside it."""
    end = _last_of(first)
    due = visited = 0
    for case in cases.values():
        due_day = _model_due(case, ledger, before=first)
        if due_day is None or case.registered_on > end or due_day > end:
            continue
        due += 1
        visited += any(first <= v <= end for v in case.visits)
    return due, visited


def _on_ledger(case: HouseholdCase, day: date) -> bool:
    """在册 on ``day``: registered by then, and still 在册 or left only after it."""
    if case.registered_on > day:
        return False
    return case.status is HouseholdStatus.ACTIVE or (
        case.status_date is not None and case.status_date > day)


# ---------------------------------------------------------------- the database


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A fresh migrated SQLite database whose clock stands at ``STAMP_INSTANT``."""
    folder = tmp_path_factory.mktemp("time-properties")
    database = open_database(f"sqlite:///{folder}/x.sqlite3", FixedClock(STAMP_INSTANT))
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def _rolled_back(database: Database) -> Iterator[Session]:
    """A session on an empty ledger whose writes are rolled back at the end."""
    session = database.sessions()
    try:
        assert session.scalar(select(func.count()).select_from(Household)) == 0
        yield session
    finally:
        session.rollback()
        session.close()


def _set_intervals(session: Session, tiers: Mapping[CareTier, int]) -> None:
    settings_now = get_station_settings(session)
    save_station_settings(session, replace(
        settings_now, visit_interval_days=tuple((tier, tiers[tier]) for tier in CareTier)))


def _enter(session: Session, ledger: Ledger) -> dict[int, HouseholdCase]:
    """Put the ledger in the database through the services; returns id → case.

    The registration day and the leaving are written directly (then rescheduled), so the
    test does not depend on how the household dialog and the status dialog take them.
    """
    if not ledger.intervals_last:
        _set_intervals(session, ledger.intervals)
    cases: dict[int, HouseholdCase] = {}
    for index, case in enumerate(ledger.households):
        head = ResidentInput(name=f"住户{index}", birth_date=case.birth_date, is_head=True)
        household_id = create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="1", room=str(101 + index), tier=case.tier,
            residents=(head,)), "clerk", today=case.registered_on)
        session.execute(update(Household).where(Household.id == household_id)
                        .values(registered_on=case.registered_on))
        reschedule_household(session, household_id)
        cases[household_id] = case
    for household_id, case in cases.items():
        for day in case.visits:
            record_visit(session, VisitInput(household_id=household_id, visit_date=day),
                         "clerk", today=ledger.today)
    for household_id, case in cases.items():
        if case.status is not HouseholdStatus.ACTIVE:
            session.execute(update(Household).where(Household.id == household_id)
                            .values(status=case.status, status_date=case.status_date))
            reschedule_household(session, household_id)
    if ledger.intervals_last:
        _set_intervals(session, ledger.intervals)
    return cases


# ---------------------------------------------------------------- 2. overdue


@DB_EXAMPLES
@_edge_examples(later=1)
@given(ledger=ledgers(), later=st.sampled_from((0, 0, 1, 2, 7)))
def test_overdue_list_is_the_households_due_before_today(
    ledger_db: Database, ledger: Ledger, later: int
) -> None:
    """Overdue on day D ⇔ on the ledger and due day < D (due on D itself is not overdue),
    most days overdue first, days overdue = D − due day; also on days after today (the
    ledger does not change then). The schedule of each household agrees."""
    with _rolled_back(ledger_db) as session:
        cases = _enter(session, ledger)
        for day in sorted({ledger.today, _plus(ledger.today, later),
                           _last_of(ledger.today), _last_of(ledger.today) + ONE_DAY}):
            expected = _model_overdue(ledger, cases, day)
            order = sorted(expected, key=lambda hid: (expected[hid], hid))
            assert count_overdue(session, today=day) == len(expected), day
            assert list_overdue_ids(session, today=day) == order, day
        expected = _model_overdue(ledger, cases, ledger.today)
        rows = list_overdue(session, today=ledger.today)
        assert [(r.household_id, r.due, r.days_overdue, r.last_visit) for r in rows] == [
            (hid, expected[hid], ledger.today.toordinal() - expected[hid].toordinal(),
             max(cases[hid].visits, default=None))
            for hid in sorted(expected, key=lambda hid: (expected[hid], hid))
        ]
        for hid, case in cases.items():
            info = household_schedule(session, hid, today=ledger.today)
            due = _model_due(case, ledger)
            assert (info.next_due, info.last_visit, info.days_overdue,
                    info.interval_days) == (
                due, max(case.visits, default=None),
                0 if due is None else max(0, ledger.today.toordinal() - due.toordinal()),
                ledger.intervals[case.tier]), hid


# ---------------------------------------------------------------- 3. coverage


@DB_EXAMPLES
@_edge_examples()
@given(ledger=ledgers())
def test_coverage_counts_the_households_due_and_visited_in_the_month(
    ledger_db: Database, ledger: Ledger
) -> None:
    """Coverage of this month (the one containing today, whichever day of it today is) and
    of every month back to the one asked about: numerator and denominator as recomputed
    by the model."""
    with _rolled_back(ledger_db) as session:
        cases = _enter(session, ledger)
        first = _first_of(ledger.today)
        months = [first]
        while first > ledger.month:
            first = _months_before(first, 1)
            months.append(first)
        for first in months:
            coverage = month_coverage(session, first, today=ledger.today)
            assert (coverage.month, coverage.due, coverage.visited) == (
                first, *_model_coverage(ledger, cases, first)), first
            assert coverage.visited <= coverage.due


# ---------------------------------------------------------------- 4. monthly statistics


@DB_EXAMPLES
@_edge_examples()
@given(ledger=ledgers())
def test_monthly_statistics_describe_the_ledger_of_their_day(
    ledger_db: Database, ledger: Ledger
) -> None:
    """Households 在册 on the as-of day (registered_on ≤ day, not left on or before it), by
    tier, 高龄 on that day; visits dated in the month; coverage as the model's; overdue
    visits (this month) as the overdue model's on today."""
    with _rolled_back(ledger_db) as session:
        cases = _enter(session, ledger)
        stats = monthly_statistics(session, ledger.month, today=ledger.today)
        as_of, end = ledger.as_of, _last_of(ledger.month)
        on_ledger = [case for case in cases.values() if _on_ledger(case, as_of)]
        assert (stats.month, stats.as_of, stats.generated_on) == (
            ledger.month, as_of, ledger.today)
        assert stats.households_total == len(on_ledger)
        assert dict(stats.by_tier) == {
            tier.label: sum(case.tier is tier for case in on_ledger) for tier in CareTier}
        assert dict(stats.by_category)[CareCategory.ELDERLY.label] == sum(
            case.birth_date is not None and _age(case.birth_date, as_of) >= ELDERLY_AGE
            for case in on_ledger)
        assert stats.visits_in_month == sum(
            ledger.month <= v <= end for case in cases.values() for v in case.visits)
        assert (stats.coverage.due, stats.coverage.visited) == _model_coverage(
            ledger, cases, ledger.month)
        if ledger.month == _first_of(ledger.today):
            assert stats.overdue_visits == len(_model_overdue(ledger, cases, ledger.today))
