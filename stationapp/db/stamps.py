"""The program's clock on every database connection, so audit times come from it.

The database's own clock (SQLite's ``CURRENT_TIMESTAMP`` is UTC, PostgreSQL's ``now()`` is
the server's) is never used: ``created_at``, ``updated_at`` and ``recorded_at`` default to
:func:`stationapp.domain.clock.connection_now`, which reads the clock attached here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from stationapp.domain.clock import CLOCK_KEY, Clock, MissingClockError


def attach_clock(engine: Engine, clock: Clock) -> None:
    """Give every connection the engine hands out ``clock`` (set at each checkout)."""

    def on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        record.info[CLOCK_KEY] = clock

    event.listen(engine, "checkout", on_checkout)


def session_clock(session: Session) -> Clock:
    """The clock this session was opened with (the database's)."""
    clock = session.info.get(CLOCK_KEY)
    if clock is None:
        raise MissingClockError("session has no clock: open it through Database.session()")
    return clock  # type: ignore[no-any-return]
