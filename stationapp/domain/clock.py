"""The program's one clock: the only place that reads the wall clock.

A :class:`Clock` is created where the program is assembled (the GUI's start, each command
of the command line) and handed down: services take the day or instant they work for from
their caller, and database sessions stamp ``created_at``/``updated_at`` from the clock their
:class:`~stationapp.services.database.Database` carries. Business dates are the desk's local
dates: ``today()`` is the local calendar day, never a UTC timestamp cut to a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, cast


class Clock(Protocol):
    """Tells the desk's local time; handed down, never read from anywhere else."""

    def now(self) -> datetime:
        """The desk's local time, naive, to the second."""
        ...

    def today(self) -> date:
        """The desk's local calendar day."""
        ...


class SystemClock:
    """The wall clock of the desk, in its local time zone."""

    def now(self) -> datetime:
        """The desk's local time, naive, to the second."""
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        """The desk's local calendar day."""
        return self.now().date()


@dataclass(frozen=True)
class FixedClock:
    """A clock that always tells the same instant (reports of a given day, previews)."""

    instant: datetime

    def now(self) -> datetime:
        """The fixed instant."""
        return self.instant.replace(microsecond=0)

    def today(self) -> date:
        """The fixed instant's day."""
        return self.instant.date()


CLOCK_KEY = "clock"
"""Where a database connection (``connection.info``) and a session (``session.info``) keep
the clock they were opened with."""


class MissingClockError(RuntimeError):
    """A row needed a time but its database connection was opened without the clock."""


def connection_now(context: Any) -> datetime:
    """Column default for audit times: the clock of the connection writing the row.

    ``context`` is SQLAlchemy's execution context; the clock was attached to every
    connection of the database's engine when the database was opened.
    """
    clock = context.connection.info.get(CLOCK_KEY)
    if clock is None:
        raise MissingClockError("database connection has no clock: open it with open_database")
    return cast("Clock", clock).now()
