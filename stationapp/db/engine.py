"""Create the engine and sessions for the selected database (SQLite default or PostgreSQL)."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from stationapp import paths
from stationapp.db.audit_hook import install_audit_trail
from stationapp.db.permission_hook import install_edit_gate
from stationapp.domain.clock import CLOCK_KEY, Clock
from stationapp.files import PRIVATE_FILE_MODE, create_private_file, private_folder, tighten

log = logging.getLogger("stationapp.db")

DATABASE_URL_ENV = "STATIONAPP_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 5000
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database; they hold the same data as the ledger."""


def default_database_url() -> str:
    """The embedded SQLite file under the per-user data folder."""
    return f"sqlite:///{paths.data_dir() / 'stationapp.sqlite3'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """``--database-url`` wins, then ``STATIONAPP_DATABASE_URL``, then the SQLite default."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or default_database_url()


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _tighten_companions(file: Path) -> None:
    # SQLite gives a -wal/-shm it creates the ledger's mode, but leaves one that already
    # exists (left by an older version, 0644) as it is.
    for suffix in SQLITE_COMPANIONS:
        tighten(file.with_name(file.name + suffix), PRIVATE_FILE_MODE)


def prepare_private_ledger(file: Path) -> None:
    """Make the SQLite ledger ``file`` the desk's user's only before SQLite opens it.

    A new ledger is created empty and 0600 (SQLite then gives its -wal and -shm the same
    mode), in folders created 0700; an existing one and its -wal/-shm/-journal are
    tightened to 0600. A folder that exists already is left as it is. OSError when the
    folder cannot be created; a file that cannot be created here is left to SQLite, which
    says why it cannot open it.
    """
    if str(file).startswith("file:"):  # a SQLite URI: SQLite alone knows the file
        return
    private_folder(file.parent)
    try:
        created = create_private_file(file)
    except OSError as exc:
        log.warning("could not create %s as a private file: %s", file, exc.strerror)
        return
    if not created and file.is_file():
        tighten(file, PRIVATE_FILE_MODE)
        _tighten_companions(file)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    A SQLite ledger is readable by the desk's user only (:func:`prepare_private_ledger`).
    """
    file = sqlite_file(url)
    if file is not None:
        prepare_private_ledger(file)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        if file is not None and not str(file).startswith("file:"):
            def tighten_after_connect(_dbapi_connection: Any, _record: Any) -> None:
                _tighten_companions(file)

            event.listen(engine, "connect", tighten_after_connect)
    log.info("database %s", engine.url.render_as_string(hide_password=True))
    return engine


def make_session_factory(engine: Engine, clock: Clock) -> sessionmaker[Session]:
    """A session factory whose sessions keep loaded rows usable after commit.

    Every session carries ``clock`` in ``session.info`` (see ``db.stamps.session_clock``),
    and every change made through it is recorded in the audit trail (``db.audit_hook``).
    """
    factory = sessionmaker(engine, expire_on_commit=False, info={CLOCK_KEY: clock})
    install_edit_gate(factory)  # before the audit trail: a refused write is never noted
    install_audit_trail(factory)
    return factory
