"""Visit schedule arithmetic (pure dates, no database): due dates, months, coverage rules.

A household is due for a visit ``interval`` days after its last visit; a household
never visited is due from the day it entered the ledger. A household is *due in a
month* when the due date computed from its last visit *before* the month falls on or
before the month's last day. It counts as *visited* in that month when it has at least
one visit dated inside the month.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from stationapp.domain.errors import UnreadableValueError
from stationapp.messages import msg

_MONTH_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月?"),
)


def next_due(last_visit: date | None, registered_on: date, interval_days: int) -> date:
    """The day the next visit is due."""
    if interval_days < 1:
        raise ValueError(f"visit interval must be at least one day, not {interval_days}")
    if last_visit is None:
        return registered_on
    return last_visit + timedelta(days=interval_days)


def days_overdue(due: date | None, today: date) -> int:
    """Whole days past the due date (0 when not yet due or never due)."""
    if due is None:
        return 0
    return max(0, (today - due).days)


def month_start(day: date) -> date:
    """The first day of the month that contains ``day``."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the month that contains ``day`` (29 February in leap years)."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def parse_month(text: str) -> date:
    """``"2026-11"`` (also ``"2026/11"``, ``"202611"``) → 2026-11-01; UnreadableValueError (a
    ValueError) otherwise.

    ``"2026.11"``, ``"2026年11月"`` and full-width digits are understood too.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    for pattern in _MONTH_PATTERNS:
        match = pattern.fullmatch(folded)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1 <= month <= 12 and year >= 1:
                return date(year, month, 1)
            break
    raise UnreadableValueError(msg("common.month_unreadable", text=text))


def is_due_in_month(
    last_visit_before_month: date | None, registered_on: date, interval_days: int, month: date
) -> bool:
    """Whether a household is due for a visit some day in ``month`` (see module docstring).

    A household that entered the ledger after the month is never due in it.
    """
    last_day = month_end(month)
    if registered_on > last_day:
        return False
    return next_due(last_visit_before_month, registered_on, interval_days) <= last_day
