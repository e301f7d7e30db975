"""One mapping of environment failures to typed errors with plain messages (codes).

A raw SQLAlchemy or driver error must never reach the clerk: its text carries the SQL
statement and the residents' data bound to it. :func:`station_error_for` turns what the
environment does to an operation (disk full, a locked, vanished or read-only database, a
race with another desk) into a :class:`~stationapp.domain.errors.StationError` whose
message says what happened and what to do, and names no data. Anything else is a bug and
is left alone (None), for the crash report.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3

from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm.exc import StaleDataError

from stationapp.domain.errors import (
    ConflictError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    DuplicateEntryError,
    ReadOnlyError,
    StationError,
)
from stationapp.messages import Message, msg
from stationapp.scrub import scrub

NOT_SAVED = msg("common.not_saved")

DISK_FULL = msg("common.disk_full")
LOCKED = msg("common.locked")
VANISHED_FILE = msg("common.vanished_file")
DISK_ERROR = msg("common.disk_error")
SERVER_UNREACHABLE = msg("common.server_unreachable")
READ_ONLY = msg("common.read_only")
NO_PERMISSION = msg("common.no_permission")
MISSING_PLACE = msg("common.missing_place")
SERVER_STRAINED = msg("common.server_strained")
STALE = msg("common.stale")

_BUSINESS_KEYS: dict[tuple[str, tuple[str, ...]], Message] = {
    ("resident", ("id_number",)): msg("common.key_id_number"),
    ("community", ("name",)): msg("common.key_community"),
    ("event_type", ("name",)): msg("common.key_event_type"),
    ("item", ("name",)): msg("common.key_item"),
    ("request_category", ("name",)): msg("common.key_request_category"),
    ("service_certificate", ("number",)): msg("common.key_certificate"),
    ("volunteer_role", ("volunteer_id", "community_id", "role")):
        msg("common.key_volunteer_role"),
    ("delivery", ("event_id", "household_id", "item_id")): msg("common.key_delivery"),
    ("delivery_round", ("event_id", "volunteer_id", "round_date")):
        msg("common.key_delivery_round"),
    ("account", ("name",)): msg("common.key_account"),
}
"""The unique constraints two desks can race on (the models' ``unique=True`` and
``UniqueConstraint``s), with the words that name them for the clerk. Any other unique
violation (a primary key, a table the program fills itself) is a bug."""

_PG_BUSINESS_KEYS = {
    f"uq_{table}_{columns[0]}": words for (table, columns), words in _BUSINESS_KEYS.items()
}
"""The same constraints by their PostgreSQL names (the models' naming convention)."""

_LEDGER_GONE = "_stationapp_ledger_gone"
"""Set on a SQLite "no such table" error when the ledger's tables are all gone."""

log = logging.getLogger("stationapp.db")


def duplicate_message(what: Message | str) -> Message:
    """The message when another desk just saved the same ``what`` (e.g. 身份证号)."""
    return msg("common.duplicate", what=what)


def station_error_for(exc: BaseException) -> StationError | None:
    """The typed error the clerk should see for ``exc``; None when ``exc`` is a bug.

    A :class:`StationError` is returned unchanged.
    """
    if isinstance(exc, StationError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError(STALE)
    if isinstance(exc, sa_exc.DBAPIError):
        mapped = _driver_error(exc.orig)
        if mapped is None and exc.connection_invalidated:
            return DatabaseUnavailableError(SERVER_UNREACHABLE)
        return mapped
    if isinstance(exc, sa_exc.DisconnectionError):
        return DatabaseUnavailableError(SERVER_UNREACHABLE)
    if isinstance(exc, sa_exc.TimeoutError):  # no pooled connection came free in time
        return DatabaseLockedError(LOCKED)
    if isinstance(exc, OSError):
        return _os_error(exc)
    return _driver_error(exc)


def describe_failure(exc: BaseException) -> str:
    """A one-line, scrubbed description of ``exc`` for the log (type and driver message)."""
    cause = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    first_line = (str(cause).strip().splitlines() or [""])[0]
    kind = type(exc).__name__
    if cause is not exc:
        kind += f" ({type(cause).__module__}.{type(cause).__name__})"
    return scrub(f"{kind}: {first_line}")


def _os_error(exc: OSError) -> StationError | None:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(DISK_FULL)
    if code == errno.EROFS:
        return ReadOnlyError(READ_ONLY)
    if code in (errno.EACCES, errno.EPERM):
        return ReadOnlyError(NO_PERMISSION)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return DatabaseUnavailableError(MISSING_PLACE)
    if code == errno.EIO:
        return DatabaseUnavailableError(DISK_ERROR)
    return None


def _driver_error(orig: BaseException | None) -> StationError | None:
    if orig is None:
        return None
    if isinstance(orig, sqlite3.Error):
        return _sqlite_error(orig)
    if type(orig).__module__.split(".")[0] == "psycopg":
        return _postgres_error(orig)
    if isinstance(orig, OSError):
        return _os_error(orig)
    return None


def _sqlite_error(orig: sqlite3.Error) -> StationError | None:
    name = str(getattr(orig, "sqlite_errorname", ""))
    text = str(orig).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return DatabaseLockedError(LOCKED)
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return DiskFullError(DISK_FULL)
    if name == "SQLITE_READONLY_DBMOVED":
        return DatabaseUnavailableError(VANISHED_FILE)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyError(READ_ONLY)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return DatabaseUnavailableError(VANISHED_FILE)
    if name.startswith("SQLITE_IOERR"):
        return DatabaseUnavailableError(DISK_ERROR)
    if text.startswith("no such table") and getattr(orig, _LEDGER_GONE, False):
        # The migrated tables were there when the ledger opened: the file was replaced
        # (deleted, then created empty again by SQLite) while the program ran.
        return DatabaseUnavailableError(VANISHED_FILE)
    if text.startswith("unique constraint failed:"):
        what = _sqlite_business_key(str(orig))
        return DuplicateEntryError(duplicate_message(what)) if what else None
    return None


def _sqlite_business_key(message: str) -> Message | None:
    """The words for the business key in "UNIQUE constraint failed: t.a, t.b"; else None."""
    columns = [part.strip() for part in message.split(":", 1)[1].split(",")]
    tables = {column.partition(".")[0] for column in columns}
    if len(tables) != 1:
        return None
    names = tuple(column.partition(".")[2] for column in columns)
    return _BUSINESS_KEYS.get((tables.pop(), names))


@event.listens_for(Engine, "handle_error")
def _note_a_vanished_ledger(context: ExceptionContext) -> None:
    """Mark a SQLite "no such table" error when the ledger itself is gone.

    Only the connection can tell a ledger replaced by an empty file (its file missing, or
    none of its tables there, not even ``alembic_version``) from a mistyped table name (a
    bug): the mark lets :func:`station_error_for` tell them apart afterwards.
    """
    orig = context.original_exception
    if not (isinstance(orig, sqlite3.OperationalError)
            and str(orig).lower().startswith("no such table")):
        return
    if _sqlite_ledger_gone(context):
        setattr(orig, _LEDGER_GONE, True)


def _sqlite_ledger_gone(context: ExceptionContext) -> bool:
    try:
        driver = context.connection.connection.dbapi_connection if context.connection else None
    except sa_exc.SQLAlchemyError:  # closed or invalidated meanwhile: nothing to look at
        return False
    if not isinstance(driver, sqlite3.Connection):
        return False
    try:
        files = [row[2] for row in driver.execute("PRAGMA database_list") if row[1] == "main"]
        if files and files[0] and not os.path.exists(files[0]):
            return True
        found = driver.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
    except sqlite3.Error as exc:  # the file cannot even be read: it is not the ledger now
        log.info("could not look at the ledger's tables: %s", type(exc).__name__)
        return True
    return found is None


_PG_LOCKED = {"55P03", "57014", "40P01", "40001", "53300"}
"""lock_not_available, query_canceled (lock/statement timeout), deadlock_detected,
serialization_failure, too_many_connections (the other desks hold every connection)."""
_PG_DISK_FULL = "53100"
"""disk_full; the rest of class 53 (out of memory, configuration limit exceeded …) is the
server running short of something else."""
_PG_UNAVAILABLE_PREFIXES = ("08", "57P")
"""connection exceptions; admin shutdown, crash shutdown, cannot connect now."""


def _postgres_error(orig: BaseException) -> StationError | None:
    state = str(getattr(orig, "sqlstate", None) or "")
    if state in _PG_LOCKED:
        return DatabaseLockedError(LOCKED)
    if state == _PG_DISK_FULL:
        return DiskFullError(DISK_FULL)
    if state.startswith("53"):  # insufficient resources other than the disk
        return DatabaseUnavailableError(SERVER_STRAINED)
    if state == "25006":
        return ReadOnlyError(READ_ONLY)
    if state == "23505":
        constraint = str(getattr(getattr(orig, "diag", None), "constraint_name", "") or "")
        what = _PG_BUSINESS_KEYS.get(constraint)
        return DuplicateEntryError(duplicate_message(what)) if what else None
    if state.startswith(_PG_UNAVAILABLE_PREFIXES):
        return DatabaseUnavailableError(SERVER_UNREACHABLE)
    if not state and type(orig).__name__ in ("OperationalError", "InterfaceError"):
        # psycopg gives no SQLSTATE when the server cannot be reached or went away.
        return DatabaseUnavailableError(SERVER_UNREACHABLE)
    return None

