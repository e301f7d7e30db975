"""Date arithmetic written in SQL the same way on SQLite and on PostgreSQL.

SQLite keeps dates as ``YYYY-MM-DD`` text and computes with its date functions;
PostgreSQL has a date type with integer arithmetic. Services that count or schedule by
calendar day in one statement use these instead of asking the dialect themselves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, case, cast, func
from sqlalchemy.orm import Session


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def day_of(session: Session, moment: Any) -> ColumnElement[Any]:
    """The calendar day of a date-time column or value."""
    if _on_sqlite(session):
        # SQLite's CAST to DATE yields a number; its date() yields 'YYYY-MM-DD'.
        return func.date(moment, type_=Date)
    return cast(moment, Date)


def plus_days(session: Session, day: Any, days: Any) -> ColumnElement[Any]:
    """The day ``days`` (an integer expression) after ``day``."""
    if _on_sqlite(session):
        return func.date(day, func.printf("+%d days", days), type_=Date)
    return day + days  # type: ignore[no-any-return]  # PostgreSQL: date + integer is a date


def calendar_days(session: Session, earlier: Any, later: Any) -> ColumnElement[int]:
    """Whole calendar days from ``earlier`` to ``later`` (0 when later is earlier), as
    :func:`stationapp.services.requests.days_open` counts them."""
    days: ColumnElement[Any]
    if _on_sqlite(session):
        days = cast(func.julianday(day_of(session, later))
                    - func.julianday(day_of(session, earlier)), Integer)
    else:
        days = day_of(session, later) - day_of(session, earlier)  # an integer
    return case((days < 0, 0), else_=days)


__all__ = ["calendar_days", "day_of", "plus_days"]
