"""Open the selected database, migrate it, and hand out sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from stationapp.db.engine import (
    make_engine,
    make_session_factory,
    resolve_database_url,
    sqlite_file,
)
from stationapp.db.migrate import Migration, describe_database_error, migrate_to_head
from stationapp.db.stamps import attach_clock
from stationapp.domain.audit import ACTOR_KEY
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError, DatabaseUnavailableError
from stationapp.domain.models import Household
from stationapp.messages import msg
from stationapp.services.failures import VANISHED_FILE, describe_failure, station_error_for

log = logging.getLogger("stationapp.db")


@dataclass(frozen=True)
class DatabaseLocation:
    """A database as the clerk may see it: no user, no password."""

    backend: str
    """"SQLite", "PostgreSQL" (or the dialect's own name)."""
    name: str
    """The SQLite file's name, or ``database@host``."""
    path: str
    """The SQLite file's full path ('' for a server)."""


@dataclass
class Database:
    """An open, migrated database: its engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    migration_copy: Path | None = None
    startup_message: str | None = None
    """What opening did to an existing ledger (upgraded, or an unfinished set-up built
    again, and where the copy made before is), for the clerk; None when nothing was done
    to one."""
    actor: str = ""
    """Who acts at this desk (the signed-in account): the audit trail names them for every
    change made through :meth:`session`, unless a session names its own actor."""

    @contextmanager
    def session(self, actor: str | None = None) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise.

        What the environment does to the work (disk full, a locked, vanished or read-only
        database, another desk saving first) comes out as a
        :class:`~stationapp.domain.errors.StationError` with a message for the clerk, never
        as a raw database error (whose text carries the SQL and the residents' data).
        """
        session = self.sessions()
        if actor or self.actor:
            session.info[ACTOR_KEY] = actor or self.actor
        try:
            yield session
            self._check_file_is_there()
            session.commit()
        except BaseException as exc:
            try:
                session.rollback()
            except Exception as rollback_error:  # e.g. the connection is already gone
                log.warning("rollback failed: %s", describe_failure(rollback_error))
            # A file error of the caller's own work (a PDF written inside the transaction)
            # stays the OSError the caller expects.
            mapped = None if isinstance(exc, OSError) else station_error_for(exc)
            if mapped is None or mapped is exc:
                raise
            log.info("database work stopped: %s", describe_failure(exc))
            # ``from None``: the original's text (SQL, parameters) must not travel on.
            raise mapped from None
        finally:
            session.close()

    def _check_file_is_there(self) -> None:
        """DatabaseUnavailableError when the SQLite file was deleted or moved away.

        An open connection keeps working on a deleted file, so a commit would "succeed"
        into a file nobody will ever open again.
        """
        file = sqlite_file(self.url)
        if file is not None and not str(file).startswith("file:") and not file.exists():
            raise DatabaseUnavailableError(VANISHED_FILE)

    def is_empty(self) -> bool:
        """True when the ledger has no households yet (first start)."""
        with self.sessions() as session:
            return not session.scalar(select(func.count()).select_from(Household))

    def display_name(self) -> str:
        """The database as shown to the clerk, without secrets: the SQLite file's name, or
        ``database@host`` (never the user or the password)."""
        return self.location().name

    def location(self) -> DatabaseLocation:
        """Which kind of database this is and its name, without secrets."""
        url = self.engine.url
        file = sqlite_file(self.url)
        if url.get_backend_name() == "sqlite":
            return DatabaseLocation("SQLite", file.name if file else ":memory:",
                                    str(file) if file else "")
        backend = "PostgreSQL" if url.get_backend_name() == "postgresql" else url.get_backend_name()
        host = url.host or "localhost"
        return DatabaseLocation(backend, f"{url.database or ''}@{host}", "")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


@dataclass(frozen=True)
class OpenedDatabase:
    """A database just opened and migrated, and what the migration did to it."""

    database: Database
    migration: Migration | None
    """None when the schema was already current."""
    opened_at: datetime
    """The desk's time when opening began (a copy made before migrating is named by it)."""


def connect_database(url: str | None, clock: Clock) -> OpenedDatabase:
    """Open (and migrate) the database named by ``url``, the environment, or the default.

    ``clock`` is the program's one clock: sessions stamp rows from it. The migration is
    all-or-nothing; DatabaseSetupError says what happened when it cannot be done. Filing
    the copy made before the migration is
    :func:`stationapp.workflows.opening.open_database`.
    """
    resolved = resolve_database_url(url)
    engine = make_engine(resolved)
    attach_clock(engine, clock)
    now = clock.now()
    try:
        migration = migrate_to_head(engine, now)
    except DBAPIError as exc:
        engine.dispose()
        log.error("cannot open the database: %s", exc.orig)
        raise DatabaseSetupError(
            msg("station.cannot_open", reason=describe_database_error(exc))) from exc
    except BaseException:
        engine.dispose()
        raise
    database = Database(resolved, engine, make_session_factory(engine, clock), clock)
    return OpenedDatabase(database, migration, now)
