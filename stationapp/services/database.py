"""Open the selected database, migrate it, and hand out sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from stationapp.db.engine import make_engine, make_session_factory, resolve_database_url
from stationapp.db.migrate import upgrade_to_head
from stationapp.db.stamps import attach_clock
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.domain.models import Household

log = logging.getLogger("stationapp.db")


@dataclass
class Database:
    """An open, migrated database: its engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    migration_copy: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def is_empty(self) -> bool:
        """True when the ledger has no households yet (first start)."""
        with self.sessions() as session:
            return not session.scalar(select(func.count()).select_from(Household))

    def display_name(self) -> str:
        """The database as shown to the clerk, without any password."""
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str | None, clock: Clock) -> Database:
    """Open (and migrate) the database named by ``url``, the environment, or the default.

    ``clock`` is the program's one clock: sessions stamp rows from it.
    """
    resolved = resolve_database_url(url)
    engine = make_engine(resolved)
    attach_clock(engine, clock)
    now = clock.now()
    try:
        copy = upgrade_to_head(engine, now)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseSetupError(
            f"无法打开数据库：{exc.orig}。请检查数据库地址、文件权限和磁盘空间。"
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    database = Database(resolved, engine, make_session_factory(engine, clock), clock, copy)
    if copy is not None:
        # Imported here: the backup service builds on this module.
        from stationapp.services.backup import file_migration_copy

        database.migration_copy = file_migration_copy(database, copy, now)
    return database
