"""Alembic environment: runs on the engine handed over in ``config.attributes``.

The whole upgrade (every revision from the database's to the target) is one transaction,
on SQLite as on PostgreSQL: a kill at any statement leaves the database at its old
revision, and the next start runs the upgrade again.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Literal

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.exc import DBAPIError

from stationapp.domain import all_models  # noqa: F401 - registers every table
from stationapp.domain.models import Base

config = context.config
target_metadata = Base.metadata
log = logging.getLogger("stationapp.db")


def _run(connection: Connection, sqlite: bool) -> None:
    with connection.begin():
        if sqlite:
            # SQLite supports transactional DDL, but pysqlite (Python 3.11) only opens a
            # transaction before INSERT/UPDATE/DELETE: the CREATE/ALTER/DROP statements
            # before the first of those would each commit on their own. With pysqlite's
            # own handling off (isolation_level None, SQLAlchemy's documented recipe) this
            # BEGIN covers every statement until the one COMMIT.
            connection.exec_driver_sql("BEGIN")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            transaction_per_migration=False,
        )
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")


def run_migrations_online() -> None:
    """Run migrations on the configured engine (or the URL given on alembic's command line)."""
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if not sqlite:
            _run(connection, sqlite)
            return
        driver = connection.connection.dbapi_connection
        assert isinstance(driver, sqlite3.Connection)
        legacy_isolation = driver.isolation_level
        # Batch mode rebuilds a SQLite table by copy, drop and rename; with foreign keys
        # on, dropping a table other rows point at fails. SQLite ignores this pragma
        # inside a transaction, so it is set before, and the keys are checked after.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        driver.isolation_level = None
        try:
            _run(connection, sqlite)
        except BaseException:
            _restore(connection, driver, legacy_isolation, migration_failed=True)
            raise
        _restore(connection, driver, legacy_isolation, migration_failed=False)


def _restore(
    connection: Connection, driver: sqlite3.Connection,
    isolation: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None, *, migration_failed: bool,
) -> None:
    """Give the connection back its transaction handling and foreign keys.

    When that fails, the connection is thrown away instead of going back to the pool
    without foreign keys. After a failed migration the failure is only logged, so that the
    migration's own error is the one reported.
    """
    try:
        driver.isolation_level = isolation
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
    except Exception as exc:
        connection.invalidate()
        if not migration_failed:
            raise
        # Not the exception's text: a database error's carries the SQL.
        log.warning("could not restore the connection after the failed migration: %s %s",
                    type(exc).__name__, exc.orig if isinstance(exc, DBAPIError) else "")


run_migrations_online()
