"""Visit schedule arithmetic: due dates, overdue days, months and coverage rules."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.domain.schedule import (
    days_overdue,
    is_due_in_month,
    month_end,
    month_start,
    next_due,
    parse_month,
)

REGISTERED = date(2020, 1, 15)


@pytest.mark.parametrize(("last", "interval", "due"), [
    (date(2026, 11, 20), 7, date(2026, 11, 27)),
    (date(2026, 11, 26), 7, date(2026, 12, 3)),  # across a month end
    (date(2026, 12, 28), 7, date(2027, 1, 4)),  # across the year end
    (date(2026, 12, 31), 1, date(2027, 1, 1)),
    (date(2026, 12, 15), 30, date(2027, 1, 14)),
    (date(2026, 10, 3), 90, date(2027, 1, 1)),
    (date(2028, 2, 22), 7, date(2028, 2, 29)),  # leap day
    (date(2028, 2, 28), 1, date(2028, 2, 29)),
    (date(2028, 2, 29), 1, date(2028, 3, 1)),
    (date(2027, 2, 22), 7, date(2027, 3, 1)),  # no leap day in 2027
    (date(2100, 2, 22), 7, date(2100, 3, 1)),  # 2100 is not a leap year
    (date(2000, 2, 22), 7, date(2000, 2, 29)),  # 2000 is one
    (date(2026, 1, 31), 30, date(2026, 3, 2)),
    (date(2028, 1, 31), 30, date(2028, 3, 1)),  # through 29 February
    (date(2026, 4, 30), 30, date(2026, 5, 30)),  # 30-day month
    (date(2026, 5, 31), 30, date(2026, 6, 30)),  # 31-day month
    (date(2026, 2, 1), 30, date(2026, 3, 3)),  # 28-day month
    (date(2028, 2, 1), 30, date(2028, 3, 2)),  # 29-day month
    (date(2027, 12, 1), 366, date(2028, 12, 1)),
])
def test_next_due_counts_days_after_the_last_visit(last: date, interval: int, due: date) -> None:
    assert next_due(last, REGISTERED, interval) == due


@pytest.mark.parametrize("interval", [1, 7, 30, 90])
def test_never_visited_is_due_from_registration(interval: int) -> None:
    assert next_due(None, date(2028, 2, 29), interval) == date(2028, 2, 29)


@pytest.mark.parametrize("interval", [0, -7])
def test_interval_must_be_positive(interval: int) -> None:
    with pytest.raises(ValueError):
        next_due(date(2026, 1, 1), REGISTERED, interval)


@pytest.mark.parametrize(("due", "today", "days"), [
    (None, date(2026, 11, 26), 0),
    (date(2026, 11, 26), date(2026, 11, 26), 0),  # due today: not yet overdue
    (date(2026, 11, 27), date(2026, 11, 26), 0),
    (date(2026, 11, 25), date(2026, 11, 26), 1),
    (date(2026, 12, 30), date(2027, 1, 2), 3),  # across the year end
    (date(2028, 2, 28), date(2028, 3, 1), 2),  # through 29 February
    (date(2027, 2, 28), date(2027, 3, 1), 1),
    (date(2100, 2, 28), date(2100, 3, 1), 1),
    (date(2026, 1, 1), date(2027, 1, 1), 365),
    (date(2028, 1, 1), date(2029, 1, 1), 366),
])
def test_days_overdue(due: date | None, today: date, days: int) -> None:
    assert days_overdue(due, today) == days


@pytest.mark.parametrize(("day", "first", "last"), [
    (date(2026, 11, 26), date(2026, 11, 1), date(2026, 11, 30)),
    (date(2026, 12, 1), date(2026, 12, 1), date(2026, 12, 31)),
    (date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
    (date(2027, 1, 1), date(2027, 1, 1), date(2027, 1, 31)),
    (date(2027, 2, 14), date(2027, 2, 1), date(2027, 2, 28)),
    (date(2028, 2, 14), date(2028, 2, 1), date(2028, 2, 29)),
    (date(2028, 2, 29), date(2028, 2, 1), date(2028, 2, 29)),
    (date(2100, 2, 1), date(2100, 2, 1), date(2100, 2, 28)),
    (date(2000, 2, 1), date(2000, 2, 1), date(2000, 2, 29)),
    (date(2026, 4, 15), date(2026, 4, 1), date(2026, 4, 30)),
    (date(2026, 6, 30), date(2026, 6, 1), date(2026, 6, 30)),
    (date(2026, 7, 31), date(2026, 7, 1), date(2026, 7, 31)),
])
def test_month_start_and_end(day: date, first: date, last: date) -> None:
    assert month_start(day) == first
    assert month_end(day) == last


@pytest.mark.parametrize("text", [
    "2026-11", "2026/11", "2026.11", "202611", "2026年11月", "2026年11", " 2026-11 ",
    "２０２６－１１", "２０２６年１１月", "2026 年 11 月",
])
def test_parse_month_accepts_the_usual_spellings(text: str) -> None:
    assert parse_month(text) == date(2026, 11, 1)


@pytest.mark.parametrize(("text", "month"), [
    ("2027-1", date(2027, 1, 1)), ("2027-01", date(2027, 1, 1)),
    ("2028/2", date(2028, 2, 1)), ("2026年1月", date(2026, 1, 1)),
    ("202612", date(2026, 12, 1)),
])
def test_parse_month_single_digit_and_year_end(text: str, month: date) -> None:
    assert parse_month(text) == month


@pytest.mark.parametrize("text", [
    "", "2026", "2026-13", "2026-00", "202613", "11-2026", "2026-11-05", "26-11", "2026-1a",
    "abcd-ef", "2026--11", "2026年13月",
])
def test_parse_month_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError, match="2026-11"):
        parse_month(text)


@pytest.mark.parametrize(("last", "interval", "month", "due"), [
    # Weekly: visited on the 28th, due again on the 4th of the next month (next year).
    (date(2026, 12, 28), 7, date(2027, 1, 1), True),
    # December visits make a household due in January, not in the December it was seen.
    (date(2026, 12, 20), 30, date(2027, 1, 1), True),
    (date(2026, 12, 1), 62, date(2027, 1, 1), False),  # due 02-01
    (date(2026, 12, 1), 61, date(2027, 1, 1), True),  # due 01-31
    # Monthly: the due date falls on the last day of the month, or just after it.
    (date(2026, 10, 31), 30, date(2026, 11, 1), True),  # due 11-30 (30-day month)
    (date(2026, 11, 1), 30, date(2026, 12, 1), True),  # due 12-01
    (date(2027, 1, 30), 30, date(2027, 2, 1), False),  # due 03-01 (February has 28 days)
    (date(2028, 1, 30), 30, date(2028, 2, 1), True),  # due 02-29 (leap year)
    (date(2028, 1, 31), 30, date(2028, 2, 1), False),  # due 03-01
    (date(2100, 1, 30), 30, date(2100, 2, 1), False),  # 2100: no 29 February
    (date(2026, 6, 1), 30, date(2026, 7, 1), True),  # due 07-01 (30-day June)
    (date(2026, 7, 2), 30, date(2026, 8, 1), True),  # due 08-01 (31-day July)
    (date(2026, 7, 3), 60, date(2026, 8, 1), False),  # due 09-01
    (date(2026, 7, 2), 60, date(2026, 8, 1), True),  # due 08-31
    # Every 90 days: not due in the months in between.
    (date(2026, 10, 3), 90, date(2026, 11, 1), False),
    (date(2026, 10, 3), 90, date(2026, 12, 1), False),
    (date(2026, 10, 3), 90, date(2027, 1, 1), True),
    (date(2026, 10, 3), 90, date(2027, 2, 1), True),  # still due: not visited since
])
def test_due_in_month(last: date, interval: int, month: date, due: bool) -> None:
    assert is_due_in_month(last, REGISTERED, interval, month) is due


@pytest.mark.parametrize(("registered", "month", "due"), [
    (date(2026, 11, 30), date(2026, 11, 1), True),  # registered on the last day
    (date(2026, 11, 1), date(2026, 11, 1), True),
    (date(2026, 12, 1), date(2026, 11, 1), False),  # registered after the month
    (date(2027, 1, 1), date(2026, 12, 1), False),
    (date(2026, 12, 31), date(2026, 12, 1), True),
    (date(2028, 2, 29), date(2028, 2, 1), True),
    (date(2028, 3, 1), date(2028, 2, 1), False),
    (date(2020, 1, 1), date(2028, 2, 1), True),
])
def test_never_visited_is_due_from_the_month_of_registration(
    registered: date, month: date, due: bool
) -> None:
    assert is_due_in_month(None, registered, 90, month) is due


def test_registered_after_the_month_is_not_due_even_with_an_old_visit() -> None:
    assert not is_due_in_month(date(2026, 1, 1), date(2026, 12, 5), 7, date(2026, 11, 1))


def test_any_day_of_the_month_names_the_month() -> None:
    last = date(2028, 1, 30)
    assert is_due_in_month(last, REGISTERED, 30, date(2028, 2, 17))
    assert is_due_in_month(last, REGISTERED, 30, date(2028, 2, 29))
