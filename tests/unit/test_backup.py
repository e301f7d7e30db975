"""Backups of the SQLite ledger and restoring them: same data back, damaged or foreign
files refused with nothing lost, older backups migrated, PostgreSQL sent to its tools."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from stationapp.db.migrate import SCHEMA_HEAD
from stationapp.domain.clock import Clock, FixedClock
from stationapp.domain.errors import BackupError, ValidationError
from stationapp.services.backup import (
    BackupSettings,
    backup_if_due,
    backup_revision,
    get_backup_settings,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
    save_backup_settings,
)
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
    add(database, "301", "李大爷")
    yield database
    database.dispose()


def add(database: Database, room: str, name: str) -> None:
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room=room,
            residents=(ResidentInput(name=name),)), "测试员", TODAY)


def as_plain_backup(path: Path) -> Path:
    """Turn the encrypted backup ``path`` into the plain one an older version would have
    made, at the same place (backups are encrypted since issue 13)."""
    plain = path.with_name(path.name + ".plain")
    decrypt_file(path, plain)
    os.replace(plain, path)
    return path


def heads(database: Database) -> list[str]:
    with database.session() as session:
        return [r.head for r in list_households(session, HouseholdFilter(), today=TODAY)]


def test_backup_then_restore_gives_the_same_data_and_keeps_the_current_aside(
    ledger: Database, tmp_path: Path, clock: Clock
) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    assert backup.path.name == "stationapp-20261126-120000-manual.sqlite3"
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [backup.path.name]
    add(ledger, "302", "王奶奶")
    assert heads(ledger) == ["李大爷", "王奶奶"]
    result = restore_backup(ledger, backup.path, now=NOON + timedelta(minutes=5))
    assert heads(ledger) == ["李大爷"]
    assert result.migrated_from is None
    assert result.kept_aside.name == "stationapp-20261126-120500-before-restore.sqlite3"
    aside = open_database(f"sqlite:///{as_plain_backup(result.kept_aside)}", clock)
    try:
        assert heads(aside) == ["李大爷", "王奶奶"]
    finally:
        aside.dispose()


def test_a_backup_is_safe_while_the_ledger_is_open(ledger: Database, tmp_path: Path) -> None:
    with ledger.session() as session:
        # A reader holds the database open (WAL) while the backup runs.
        list_households(session, HouseholdFilter(), today=TODAY)
        backup = make_backup(ledger, tmp_path, now=NOON)
    assert backup_revision(backup.path) == SCHEMA_HEAD


def test_only_the_newest_backups_are_kept(ledger: Database, tmp_path: Path) -> None:
    for day in range(5):
        make_backup(ledger, tmp_path, now=NOON + timedelta(days=day), keep=3)
    (tmp_path / "notes.txt").write_text("not a backup")
    kept = list_backups(tmp_path)
    assert [b.made_at.day for b in kept] == [30, 29, 28]
    assert prune_backups(tmp_path, 1) == [kept[1].path, kept[2].path]
    assert (tmp_path / "notes.txt").exists()


def test_a_backup_made_after_the_clock_was_set_back_is_kept(
    ledger: Database, tmp_path: Path
) -> None:
    for day in range(3):
        make_backup(ledger, tmp_path, now=NOON + timedelta(days=day), keep=3)
    # The desk's clock went back a week: the new copy sorts oldest, and is still kept.
    earlier = make_backup(ledger, tmp_path, now=NOON - timedelta(days=7), keep=3)
    assert earlier.path.is_file()
    assert [b.made_at for b in list_backups(tmp_path)] == [
        NOON + timedelta(days=2), NOON + timedelta(days=1), earlier.made_at]


def test_the_automatic_backup_runs_at_most_once_a_day(
    ledger: Database, tmp_path: Path
) -> None:
    with ledger.session() as session:
        save_backup_settings(session, BackupSettings(tmp_path / "backups", keep=5))
    assert backup_if_due(ledger, NOON) is not None
    assert backup_if_due(ledger, NOON + timedelta(hours=3)) is None
    assert backup_if_due(ledger, NOON + timedelta(days=1)) is not None
    assert [b.kind for b in list_backups(tmp_path / "backups")] == ["auto", "auto"]


def test_backup_settings_are_checked(ledger: Database, tmp_path: Path) -> None:
    with ledger.session() as session:
        with pytest.raises(ValidationError) as caught:
            save_backup_settings(session, BackupSettings(tmp_path, keep=0))
        assert caught.value.field == "backup_keep"
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(ValidationError) as caught:
            save_backup_settings(session, BackupSettings(blocker / "sub", keep=3))
        assert caught.value.field == "backup_folder"
        with pytest.raises(ValidationError) as caught:
            save_backup_settings(session, BackupSettings(Path("backups"), keep=3))
        assert caught.value.field == "backup_folder"
        save_backup_settings(session, BackupSettings(tmp_path / "usb", keep=3))
        assert get_backup_settings(session) == BackupSettings(tmp_path / "usb", 3)


@pytest.mark.parametrize(("content", "message"), [
    (b"just some text, not a database at all", "不是 SQLite"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "已损坏"),
])
def test_damaged_files_are_refused_and_nothing_is_lost(
    ledger: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(BackupError, match=message):
        restore_backup(ledger, bad, NOON)
    assert heads(ledger) == ["李大爷"]
    assert list_backups(tmp_path) == []


def test_a_foreign_sqlite_database_is_refused(ledger: Database, tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("create table accounts (id integer primary key)")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="不是 stationapp"):
        restore_backup(ledger, foreign, NOON)
    assert heads(ledger) == ["李大爷"]


def test_a_backup_from_a_newer_program_is_refused(ledger: Database, tmp_path: Path) -> None:
    backup = make_backup(ledger, tmp_path, now=NOON)
    connection = sqlite3.connect(as_plain_backup(backup.path))
    connection.execute("update alembic_version set version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="更新版本"):
        restore_backup(ledger, backup.path, NOON)
    assert heads(ledger) == ["李大爷"]


def test_an_older_backup_is_migrated_after_restoring(ledger: Database, tmp_path: Path) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    try:
        command.upgrade(alembic_config(engine), "0002")
    finally:
        engine.dispose()
    result = restore_backup(ledger, old, now=NOON)
    assert result.migrated_from == "0002"
    assert heads(ledger) == []
    add(ledger, "303", "赵爷爷")
    assert heads(ledger) == ["赵爷爷"]


def test_a_backup_folder_that_is_a_file_gives_a_plain_message(
    ledger: Database, tmp_path: Path
) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder")
    with pytest.raises(BackupError, match="备份没有成功"):
        make_backup(ledger, blocker / "backups", now=NOON)


def test_postgresql_is_sent_to_its_own_tools(
    pg_url: str, tmp_path: Path, clock: Clock
) -> None:
    database = open_database(pg_url, clock)
    try:
        with pytest.raises(BackupError, match="pg_dump"):
            make_backup(database, tmp_path, now=NOON)
        assert backup_if_due(database, NOON) is None
    finally:
        database.dispose()


def test_the_copy_made_before_a_migration_is_kept_with_the_backups(tmp_path: Path) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    file = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"insert into station_setting values ('backup_folder', '{tmp_path / 'usb'}')")
    finally:
        engine.dispose()
    database = open_database(f"sqlite:///{file}", FixedClock(NOON))
    try:
        kept = list_backups(tmp_path / "usb")
        assert [b.kind for b in kept] == ["before-migration"]
        # Named by the desk's clock when the copy was made.
        assert kept[0].path.name == "stationapp-20261126-120000-before-migration.sqlite3"
        assert database.migration_copy == kept[0].path
        assert backup_revision(kept[0].path) == "0002"
    finally:
        database.dispose()
    assert list(tmp_path.glob("old.before-migration-*")) == []


def test_a_copy_moved_to_another_disk_is_whole_or_not_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup folder on a USB stick: a rename cannot cross disks, so the copy made
    before a migration is copied there; when the stick fills up half-way, no half copy
    is left among the backups and the copy stays where it was, whole."""
    from alembic import command

    from stationapp.db.migrate import alembic_config

    usb = tmp_path / "usb"
    file = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"insert into station_setting values ('backup_folder', '{usb}')")
    finally:
        engine.dispose()
    real_replace, real_rename, real_copyfile = os.replace, os.rename, shutil.copyfile

    def across_disks(real: Any) -> Any:
        def move(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            if (Path(target).parent == usb) != (Path(source).parent == usb):
                raise OSError(errno.EXDEV, "Invalid cross-device link")
            real(source, target, *args, **kwargs)
        return move

    def stick_fills_up(source: Any, target: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(target).parent != usb:
            return real_copyfile(source, target, *args, **kwargs)
        with open(source, "rb") as whole, open(target, "wb") as half:
            half.write(whole.read(4096))
        raise OSError(errno.ENOSPC, "No space left on device")

    def encrypt_fills_up(source: Any, target: Any, key: bytes) -> None:
        stick_fills_up(source, target)  # since issue 13 the copy is encrypted on its way

    monkeypatch.setattr(os, "replace", across_disks(real_replace))
    monkeypatch.setattr(os, "rename", across_disks(real_rename))
    monkeypatch.setattr(shutil, "copyfile", stick_fills_up)
    monkeypatch.setattr("stationapp.services.backup.encrypt_file", encrypt_fills_up)
    database = open_database(f"sqlite:///{file}", FixedClock(NOON))
    try:
        copy = database.migration_copy
    finally:
        database.dispose()
    assert [p.name for p in usb.iterdir()] == []
    assert copy is not None and copy.parent == tmp_path
    assert backup_revision(copy) == "0002"

    # With room on the stick the copy moves there, whole.
    monkeypatch.setattr(shutil, "copyfile", real_copyfile)
    monkeypatch.undo()
    file.unlink()
    copy.unlink()
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"insert into station_setting values ('backup_folder', '{usb}')")
    finally:
        engine.dispose()
    database = open_database(f"sqlite:///{file}", FixedClock(NOON))
    try:
        copy = database.migration_copy
    finally:
        database.dispose()
    assert copy is not None and copy.parent == usb
    assert backup_revision(copy) == "0002"
    assert list(tmp_path.glob("old.before-migration-*")) == []
