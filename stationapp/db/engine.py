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
from stationapp.domain.clock import CLOCK_KEY, Clock

log = logging.getLogger("stationapp.db")

DATABASE_URL_ENV = "STATIONAPP_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 5000


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


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    log.info("database %s", engine.url.render_as_string(hide_password=True))
    return engine


def make_session_factory(engine: Engine, clock: Clock) -> sessionmaker[Session]:
    """A session factory whose sessions keep loaded rows usable after commit.

    Every session carries ``clock`` in ``session.info`` (see ``db.stamps.session_clock``).
    """
    return sessionmaker(engine, expire_on_commit=False, info={CLOCK_KEY: clock})
