"""Opening the database, with the copy made before a migration filed among the backups."""

from __future__ import annotations

import logging
from pathlib import Path

from stationapp.db.migrate import SCHEMA_HEAD
from stationapp.domain.clock import Clock
from stationapp.messages import Message, msg
from stationapp.services.database import Database, OpenedDatabase, connect_database

log = logging.getLogger("stationapp.db")


def open_database(url: str | None, clock: Clock) -> Database:
    """Open (and migrate) the database named by ``url``, the environment, or the default.

    ``clock`` is the program's one clock: sessions stamp rows from it. The migration is
    all-or-nothing; DatabaseSetupError says what happened when it cannot be done (also
    when a PostgreSQL account that may not change the schema finds the database behind:
    then the owner must run ``stationapp upgrade``). A copy made before migrating is moved
    into the backup folder; what was done is kept in ``Database.startup_message`` for the
    clerk.
    """
    opened = connect_database(url, clock)
    database, migration = opened.database, opened.migration
    if migration is None:
        return database
    copy = _file_copy(opened)
    if migration.from_revision is not None or migration.rebuilt:
        database.startup_message = migration.message(copy)
    return database


def upgrade_database(url: str | None, clock: Clock) -> Message:
    """``stationapp upgrade``: bring the database named by ``url`` (or the environment, or
    the default) to the newest schema and say what was done.

    The same all-or-nothing migration as at start-up, with the copy of a SQLite file made
    before it filed among the backups. On PostgreSQL it must run with the account that
    owns the schema; another account gets DatabaseSetupError saying so.
    """
    opened = connect_database(url, clock)
    try:
        if opened.migration is None:
            log.info("upgrade: the database is already at %s", SCHEMA_HEAD)
            return msg("station.already_current", revision=SCHEMA_HEAD)
        return opened.migration.notice(_file_copy(opened))
    finally:
        opened.database.dispose()


def _file_copy(opened: OpenedDatabase) -> Path | None:
    """Move the copy made before the migration among the backups, note where it is on the
    database, log what the migration did and return where the copy is now."""
    migration = opened.migration
    assert migration is not None
    copy = migration.copy
    if copy is not None:
        # The backup service (and its encryption) only when a migration made a copy.
        from stationapp.services.backup import file_migration_copy

        copy = file_migration_copy(opened.database, copy, opened.opened_at)
    opened.database.migration_copy = copy
    log.info("%s", migration.message(copy))
    return copy
