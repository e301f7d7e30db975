"""Opening the database, with the copy made before a migration filed among the backups."""

from __future__ import annotations

import logging

from stationapp.domain.clock import Clock
from stationapp.services.backup import file_migration_copy
from stationapp.services.database import Database, connect_database

log = logging.getLogger("stationapp.db")


def open_database(url: str | None, clock: Clock) -> Database:
    """Open (and migrate) the database named by ``url``, the environment, or the default.

    ``clock`` is the program's one clock: sessions stamp rows from it. The migration is
    all-or-nothing; DatabaseSetupError says what happened when it cannot be done. A copy
    made before migrating is moved into the backup folder; what was done is kept in
    ``Database.startup_message`` for the clerk.
    """
    opened = connect_database(url, clock)
    database, migration = opened.database, opened.migration
    if migration is None:
        return database
    copy = migration.copy
    if copy is not None:
        copy = file_migration_copy(database, copy, opened.opened_at)
    database.migration_copy = copy
    log.info("%s", migration.message(copy))
    if migration.from_revision is not None or migration.rebuilt:
        database.startup_message = migration.message(copy)
    return database
