"""Restore checks the whole schema of the backup's revision (tables and columns), not
only its version row: an incomplete backup is refused, naming what is missing, and the
ledger stays as it was."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from stationapp.domain.clock import Clock
from stationapp.domain.errors import BackupError
from stationapp.services.backup import list_backups, make_backup, restore_backup
from stationapp.services.backup_crypto import decrypt_file
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_households
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
NOON = datetime(2026, 11, 26, 12, 0, 0)


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A SQLite ledger with one household."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="李大爷"),)), "测试员", TODAY)
    yield database
    database.dispose()


def heads(database: Database) -> list[str]:
    with database.session() as session:
        return [r.head for r in list_households(session, HouseholdFilter(), today=TODAY)]


def _damaged_backup(ledger: Database, folder: Path, statement: str) -> Path:
    backup = make_backup(ledger, folder, now=NOON)
    plain = backup.path.with_name(backup.path.name + ".plain")
    decrypt_file(backup.path, plain)  # an older version's plain backup, damaged
    os.replace(plain, backup.path)
    connection = sqlite3.connect(backup.path)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(statement)
    connection.commit()
    connection.close()
    return backup.path


@pytest.mark.parametrize(("statement", "named"), [
    ("DROP TABLE visit", "缺少表 visit"),
    ("ALTER TABLE household DROP COLUMN notes", "表 household 缺少列 notes"),
    ("ALTER TABLE resident DROP COLUMN mobility_notes", "表 resident 缺少列 mobility_notes"),
], ids=["table-dropped", "household-column-missing", "resident-column-missing"])
def test_a_backup_with_tables_or_columns_missing_is_refused_and_nothing_restored(
    ledger: Database, tmp_path: Path, statement: str, named: str
) -> None:
    bad = _damaged_backup(ledger, tmp_path / "usb", statement)
    with pytest.raises(BackupError, match=named) as raised:
        restore_backup(ledger, bad, NOON)
    assert "李大爷" not in str(raised.value)
    assert heads(ledger) == ["李大爷"]
    # Refused before anything happened: no copy of the ledger was made aside either.
    assert [b.kind for b in list_backups(tmp_path / "usb")] == ["manual"]
    assert list_backups(tmp_path / "backups") == []


def test_a_good_backup_at_an_older_revision_restores_and_migrates(
    ledger: Database, tmp_path: Path
) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    try:
        command.upgrade(alembic_config(engine), "0004")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "insert into station_setting values ('station_name', '东利')")
    finally:
        engine.dispose()
    result = restore_backup(ledger, old, now=NOON)
    assert result.migrated_from == "0004"
    assert heads(ledger) == []
    with ledger.engine.connect() as connection:
        assert connection.exec_driver_sql(
            "select value from station_setting where key = 'station_name'").scalar() == "东利"
