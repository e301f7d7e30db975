"""Database-level locks that serialize work across desks sharing one ledger.

One roster import at a time per ledger: two desks importing the same roster must not
both decide that its households are new. The lock is taken at the start of the import's
transaction and released when it commits or rolls back, on SQLite (the database's write
lock, which SQLite holds for one connection at a time) and PostgreSQL (a transaction-level
advisory lock).
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from stationapp.db.engine import SQLITE_BUSY_TIMEOUT_MS
from stationapp.domain.errors import LedgerBusyError
from stationapp.messages import msg

log = logging.getLogger("stationapp.db")

IMPORT_LOCK_KEY = 0x5354_4E49_4D50_4F52
"""The PostgreSQL advisory lock of roster imports (any fixed 64-bit number would do)."""
IMPORT_LOCK_WAIT_SECONDS = 30.0
"""How long a second desk waits for the first import to finish before being told."""
BUSY_MESSAGE = msg("station.import_busy")


def lock_for_import(session: Session, wait_seconds: float | None = None) -> None:
    """Hold the ledger's import lock until the session's transaction ends.

    Waits up to ``wait_seconds`` (default ``IMPORT_LOCK_WAIT_SECONDS``) for another desk's
    import to commit; LedgerBusyError when it does not. What the session reads afterwards
    includes that import's rows.
    """
    if wait_seconds is None:
        wait_seconds = IMPORT_LOCK_WAIT_SECONDS
    dialect = session.get_bind().dialect.name
    try:
        if dialect == "postgresql":
            _lock_postgresql(session, wait_seconds)
        elif dialect == "sqlite":
            _lock_sqlite(session, wait_seconds)
    except OperationalError as exc:
        log.info("import lock not available: %s", exc.orig)
        raise LedgerBusyError(BUSY_MESSAGE) from exc


def _lock_postgresql(session: Session, wait_seconds: float) -> None:
    previous = session.scalar(text("SELECT current_setting('lock_timeout')"))
    session.execute(text("SELECT set_config('lock_timeout', :wait, true)"),
                    {"wait": f"{int(wait_seconds * 1000)}ms"})
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
    session.execute(text("SELECT set_config('lock_timeout', :wait, true)"),
                    {"wait": previous})


def _lock_sqlite(session: Session, wait_seconds: float) -> None:
    # A write takes SQLite's one write lock (held until commit); as the transaction's first
    # write it waits for the busy timeout, and the reads after it see every commit before.
    # It changes nothing: no row has this key.
    connection = session.connection()
    connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
    try:
        connection.execute(text(
            "UPDATE station_setting SET value = value WHERE key = 'stationapp.import-lock'"))
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
