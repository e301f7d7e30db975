"""Migrations build the schema the models describe, and refuse foreign databases."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from stationapp.db.engine import sqlite_file
from stationapp.db.migrate import (
    copy_sqlite_aside,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.domain.models import Base
from stationapp.services.database import Database
from stationapp.services.search_index import is_index_object
from stationapp.workflows.opening import open_database

COPIED = datetime(2026, 11, 26, 12, 0)
"""The desk's time when a copy is made aside (it names the copy)."""


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        # The search index (FTS5 table and its shadow tables, the pg_trgm index) is built
        # by migration 0011 and declared by no model.
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, _type, _parents: not is_index_object(name)})
        assert compare_metadata(context, Base.metadata) == []


def test_open_database_migrates_to_head(database: Database) -> None:
    assert current_revision(database.engine) == head_revision()


def test_sqlite_settings(sqlite_url: str, clock: Clock) -> None:
    database = open_database(sqlite_url, clock)
    try:
        with database.engine.connect() as connection:
            driver = connection.connection.dbapi_connection
            assert driver is not None
            cursor = driver.cursor()
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            cursor.close()
    finally:
        database.dispose()


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path, clock: Clock) -> None:
    file = tmp_path / "other.sqlite3"
    with sqlite3.connect(file) as connection:
        connection.execute("create table invoices (id integer primary key)")
    connection.close()
    with pytest.raises(DatabaseSetupError, match="不是 stationapp 的数据库"):
        open_database(f"sqlite:///{file}", clock)
    connection = sqlite3.connect(file)
    tables = connection.execute("select name from sqlite_master where type='table'").fetchall()
    connection.close()
    assert tables == [("invoices",)]


def test_copy_aside_is_a_complete_database(sqlite_url: str, clock: Clock) -> None:
    database = open_database(sqlite_url, clock)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(
                "insert into station_setting values ('station_name', '东利')"
            )
        file = sqlite_file(sqlite_url)
        assert file is not None
        copy = copy_sqlite_aside(file, "before-migration", COPIED)
    finally:
        database.dispose()
    copied = sqlite3.connect(copy)
    rows = copied.execute("select value from station_setting").fetchall()
    copied.close()
    assert rows == [("东利",)]
    assert copy.name == "station.before-migration-20261126-120000.sqlite3"


def test_newer_database_is_refused_without_change(tmp_path: Path) -> None:
    file = tmp_path / "station.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("create table alembic_version (version_num varchar(32))")
            connection.exec_driver_sql("insert into alembic_version values ('0000_old')")
        with pytest.raises(DatabaseSetupError, match="比本程序新"):
            upgrade_to_head(engine, COPIED)
    finally:
        engine.dispose()
    assert list(tmp_path.glob("station.before-migration-*")) == []


def test_older_sqlite_database_is_copied_aside_then_migrated(tmp_path: Path) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    file = tmp_path / "station.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "insert into station_setting values ('station_name', '东利')"
            )
        copy = upgrade_to_head(engine, COPIED)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    assert copy is not None and copy.name == "station.before-migration-20261126-120000.sqlite3"
    copied = sqlite3.connect(copy)
    version = copied.execute("select version_num from alembic_version").fetchall()
    copied.close()
    assert version == [("0001",)]


class _DiskFillsDuringCopy(sqlite3.Connection):
    """A connection to the ledger whose online backup stops as a full disk stops it,
    after writing the first page of the copy."""

    def backup(self, target: sqlite3.Connection, *args: object, **kwargs: object) -> None:
        super().backup(target, pages=1)
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        error.sqlite_errorname = "SQLITE_FULL"
        raise error


def test_a_copy_that_cannot_be_made_stops_the_upgrade_and_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    file = tmp_path / "station.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0001")
    finally:
        engine.dispose()
    real_connect = sqlite3.connect

    def connect(database: str | Path, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(database) == file and "factory" not in kwargs:
            kwargs["factory"] = _DiskFillsDuringCopy
        connection: sqlite3.Connection = real_connect(database, *args, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    engine = create_engine(f"sqlite:///{file}")
    try:
        with pytest.raises(DatabaseSetupError) as raised:
            upgrade_to_head(engine, COPIED)
        monkeypatch.undo()
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()
    assert "台账没有改动" in str(raised.value) and "磁盘空间不足" in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["station.sqlite3"]


def test_schema_head_constant_matches_the_scripts() -> None:
    from stationapp.db.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_opening_an_up_to_date_database_does_not_load_alembic_or_pypinyin(
    sqlite_url: str, clock: Clock
) -> None:
    import subprocess
    import sys

    open_database(sqlite_url, clock).dispose()
    code = (
        "import sys\n"
        "from stationapp.domain.clock import SystemClock\n"
        "from stationapp.workflows.opening import open_database\n"
        "from stationapp.services import households\n"
        f"open_database({sqlite_url!r}, SystemClock()).dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'pypinyin')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "[]"


def test_households_of_an_older_database_become_due_from_their_registration_day(
    database_url: str,
) -> None:
    """0003 gives every 在册 household of an older database a due date (a real date, also
    on SQLite, whose CAST to DATE would yield a number) and leaves others without one."""
    from datetime import date

    from alembic import command
    from sqlalchemy import text

    from stationapp.db.engine import make_engine
    from stationapp.db.migrate import alembic_config

    engine = make_engine(database_url)  # as the program opens it: SQLite foreign keys on
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0002")
        with engine.begin() as connection:
            connection.execute(text(
                "insert into community (name, version, updated_by, created_at, updated_at)"
                " values ('锦华一区', 1, '', '2026-12-07 10:00:00', '2026-12-07 10:00:00')"))
            for status, created in (("active", "2024-02-29 09:30:00"),
                                    ("moved_away", "2023-05-01 08:00:00")):
                connection.execute(text(
                    "insert into household (community_id, building, unit, room, building_no,"
                    " unit_no, room_no, phone, tier, status, status_reason, notes, head_name,"
                    " head_pinyin, contact_phone, address_key, search_text, version,"
                    " updated_by, created_at, updated_at) values ((select id from community),"
                    " '3号楼', '', :room, 3, 0, 0, '', 'routine', :status, '', '', '', '', '',"
                    " :room, '', 1, '', :created, :created)"),
                    {"status": status, "created": created, "room": status})
            # Members point at their household: rebuilding that table must keep them.
            connection.execute(text(
                "insert into resident (household_id, name, sex, phone, relation, is_head,"
                " mobility_notes, status, version, updated_by, created_at, updated_at) select id,"
                " '李大爷', 'M', '', '户主', :yes, '', 'present', 1, '', created_at, created_at"
                " from household"), {"yes": True})
        command.upgrade(config, "head")
        with engine.connect() as connection:
            rows: dict[Any, Any] = dict(connection.execute(text(
                "select status, next_visit_due from household")).all())
            categories = connection.execute(text(
                "select count(*) from request_category")).scalar()
            members = connection.execute(text("select count(*) from resident")).scalar()
    finally:
        engine.dispose()
    due = rows["active"]
    assert (date.fromisoformat(due) if isinstance(due, str) else due) == date(2024, 2, 29)
    assert rows["moved_away"] is None
    assert categories == 8
    assert members == 2


def test_0004_fills_each_households_visit_before_the_last(database_url: str) -> None:
    """0004 adds ``previous_visit_date`` and fills it from the visits already recorded:
    the latest visit day before the last one (a second visit on the last day is no
    "previous"), none for a household visited once or never."""
    from datetime import date

    from alembic import command
    from sqlalchemy import text

    from stationapp.db.engine import make_engine
    from stationapp.db.migrate import alembic_config

    engine = make_engine(database_url)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0003")
        with engine.begin() as connection:
            connection.execute(text(
                "insert into community (name, version, updated_by, created_at, updated_at)"
                " values ('锦华一区', 1, '', '2026-12-07 10:00:00', '2026-12-07 10:00:00')"))
            visits = {"twice": ["2027-12-30", "2028-01-02", "2028-01-02"],
                      "once": ["2028-02-29"], "never": []}
            for room, days in visits.items():
                last = max(days, default=None)
                connection.execute(text(
                    "insert into household (community_id, building, unit, room, building_no,"
                    " unit_no, room_no, phone, tier, status, status_reason, notes, head_name,"
                    " head_pinyin, contact_phone, address_key, search_text, version,"
                    " updated_by, last_visit_date, created_at, updated_at) values ((select id from"
                    " community), '3号楼', '', :room, 3, 0, 0, '', 'routine', 'active', '', '',"
                    " '', '', '', :room, '', 1, '', :last, '2026-12-07 10:00:00',"
                    " '2026-12-07 10:00:00')"), {"room": room, "last": last})
                for day in days:
                    connection.execute(text(
                        "insert into visit (household_id, visit_date, method, notes,"
                        " needs_follow_up, version, updated_by, created_at, updated_at) select id,"
                        " :day, 'home', '', :no, 1, '', created_at, created_at from household"
                        " where room = :room"),
                        {"day": day, "room": room, "no": False})
        command.upgrade(config, "head")
        with engine.connect() as connection:
            rows: dict[Any, Any] = dict(connection.execute(text(
                "select room, previous_visit_date from household")).all())
    finally:
        engine.dispose()

    def as_date(value: object) -> object:  # SQLite returns the text, PostgreSQL a date
        return date.fromisoformat(value) if isinstance(value, str) else value

    assert {room: as_date(value) for room, value in rows.items()} == {
        "twice": date(2027, 12, 30), "once": None, "never": None}
