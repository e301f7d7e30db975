"""Visit schedule arithmetic (pure dates, no database): due dates, months, coverage rules.

A household is due for a visit ``interval`` days after its last visit; a household
never visited is due from the day it entered the ledger. A household is *due in a
month* when the due date computed from its last visit *before* the month falls on or
before the month's last day. It counts as *visited* in that month when it has at least
one visit dated inside the month.
"""

from __future__ import annotations

from datetime import date


def next_due(last_visit: date | None, registered_on: date, interval_days: int) -> date:
    """The day the next visit is due."""
    raise NotImplementedError


def days_overdue(due: date | None, today: date) -> int:
    """Whole days past the due date (0 when not yet due or never due)."""
    raise NotImplementedError


def month_start(day: date) -> date:
    """The first day of the month that contains ``day``."""
    raise NotImplementedError


def month_end(day: date) -> date:
    """The last day of the month that contains ``day`` (29 February in leap years)."""
    raise NotImplementedError


def parse_month(text: str) -> date:
    """``"2026-11"`` (also ``"2026/11"``, ``"202611"``) → 2026-11-01; ValueError otherwise."""
    raise NotImplementedError


def is_due_in_month(
    last_visit_before_month: date | None, registered_on: date, interval_days: int, month: date
) -> bool:
    """Whether a household is due for a visit some day in ``month`` (see module docstring)."""
    raise NotImplementedError
