"""Migrations are all-or-nothing: cut off at any statement, the ledger stays at its old
revision with its old schema and data, and the next start completes the upgrade.

A cut is simulated by copying the database files as they are on disk at the N-th
statement of the upgrade (what a power cut leaves behind), then stopping the upgrade.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from stationapp.db.engine import make_engine
from stationapp.db.migrate import SCHEMA_HEAD, alembic_config, migrate_to_head
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.workflows.opening import open_database

NOW = datetime(2026, 12, 7, 10, 0)
SAMPLES = 14
"""Statements cut at per start revision, spread over the whole upgrade (every statement
would take over a minute; the first few and the last few are always among them)."""


class Cut(Exception):
    """Stands for the power going off."""


def _schema(file: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every table and index with the lines of its definition (in any order: a batch
    rebuild may list a table's constraints in another order)."""
    connection = sqlite3.connect(file)
    try:
        rows = connection.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_%'").fetchall()
    finally:
        connection.close()
    return sorted(
        (kind, name, tuple(sorted(line.strip().rstrip(",") for line in sql.splitlines())))
        for kind, name, sql in rows
    )


def _revision(file: Path) -> str | None:
    connection = sqlite3.connect(file)
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        return None
    finally:
        connection.close()
    return rows[0][0] if rows else None


def _station_name(file: Path) -> str | None:
    connection = sqlite3.connect(file)
    try:
        row = connection.execute(
            "SELECT value FROM station_setting WHERE key = 'station_name'").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        connection.close()
    return row[0] if row else None


def _copy_files(source: Path, target: Path) -> None:
    """The database as it is on disk now: the main file and its write-ahead log."""
    for suffix in ("", "-wal", "-journal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


@pytest.fixture
def make_template(tmp_path: Path) -> Iterator[Any]:
    def build(start: str | None) -> Path:
        file = tmp_path / f"template-{start}.sqlite3"
        if start is None:
            return file
        from alembic import command

        engine = make_engine(f"sqlite:///{file}")
        try:
            command.upgrade(alembic_config(engine), start)
            with engine.begin() as connection:
                connection.exec_driver_sql(
                    "insert into station_setting values ('station_name', '东利')")
        finally:
            engine.dispose()
        return file

    yield build


def _count_statements(engine: Engine) -> list[int]:
    counter = [0]

    def count(*_args: Any) -> None:
        counter[0] += 1

    event.listen(engine, "before_cursor_execute", count)
    return counter


def _samples(total: int) -> list[int]:
    step = max(1, total // SAMPLES)
    return sorted({1, 2, 3, *range(1, total + 1, step), total - 2, total - 1, total})


@pytest.mark.parametrize("start", [None, "0001", "0004"], ids=["new", "from-0001", "from-0004"])
def test_a_cut_at_any_statement_leaves_the_old_revision_and_the_next_start_completes(
    start: str | None, make_template: Any, tmp_path: Path, clock: Clock
) -> None:
    template = make_template(start)
    old_schema = _schema(template) if template.exists() else []
    old_name = _station_name(template) if template.exists() else None

    # The whole upgrade, uninterrupted: how many statements, and the schema it gives.
    reference = tmp_path / "reference.sqlite3"
    if template.exists():
        _copy_files(template, reference)
    engine = make_engine(f"sqlite:///{reference}")
    counter = _count_statements(engine)
    try:
        migrate_to_head(engine, NOW)
    finally:
        engine.dispose()
    total = counter[0]
    head_schema = _schema(reference)
    assert total > 20

    for n in _samples(total):
        work = tmp_path / f"cut-{n}" / "station.sqlite3"
        cut = tmp_path / f"cut-{n}" / "after-the-cut.sqlite3"
        work.parent.mkdir()
        if template.exists():
            _copy_files(template, work)
        engine = make_engine(f"sqlite:///{work}")
        seen = [0]

        def power_cut(*_args: Any, n: int = n, seen: list[int] = seen,
                      work: Path = work, cut: Path = cut) -> None:
            seen[0] += 1
            if seen[0] == n:
                _copy_files(work, cut)
                raise Cut

        event.listen(engine, "before_cursor_execute", power_cut)
        try:
            # A cut during the checks before the upgrade comes out as it is.
            with pytest.raises((Cut, DatabaseSetupError)) as raised:
                migrate_to_head(engine, NOW)
        finally:
            engine.dispose()
        if isinstance(raised.value, DatabaseSetupError) and _revision(work) != SCHEMA_HEAD:
            message = str(raised.value)
            assert "权限" not in message and "磁盘" not in message, message
            if start is not None:
                assert f"仍是原来的版本 {start}" in message, message
                assert "before-migration" in message, message
        # Rolled back in the running program, and as a power cut leaves it on disk.
        for file in (work, cut):
            where = f"cut at statement {n} of {total}, {file.name}"
            if not file.exists():
                assert start is None, where
                continue
            if _revision(file) == SCHEMA_HEAD:  # cut after the commit
                assert _schema(file) == head_schema, where
            else:
                assert _revision(file) == start, where
                assert _schema(file) == old_schema, where
            assert _station_name(file) == old_name, where
        # The next start completes the job, and the ledger works.
        if cut.exists():
            database = open_database(f"sqlite:///{cut}", clock)
            try:
                with database.session() as session:
                    session.execute(event_free_insert())
            finally:
                database.dispose()
            assert _revision(cut) == SCHEMA_HEAD
            assert _schema(cut) == head_schema, f"cut at statement {n} of {total}"
            assert _station_name(cut) == old_name


def event_free_insert() -> Any:
    """A write the migrated ledger must accept: a community."""
    from sqlalchemy import insert

    from stationapp.domain.models import Community

    return insert(Community).values(name="锦华一区", updated_by="test")


def test_a_kill_9_during_the_upgrade_leaves_the_old_revision(
    make_template: Any, tmp_path: Path, clock: Clock
) -> None:
    """A real process killed (SIGKILL) in the middle of upgrading from 0001."""
    template = make_template("0001")
    file = tmp_path / "station.sqlite3"
    _copy_files(template, file)
    old_schema = _schema(file)
    script = (
        "import os, signal\n"
        "from datetime import datetime\n"
        "from sqlalchemy import event\n"
        "from stationapp.db.engine import make_engine\n"
        "from stationapp.db.migrate import migrate_to_head\n"
        f"engine = make_engine('sqlite:///{file}')\n"
        "seen = [0]\n"
        "def kill(*args):\n"
        "    seen[0] += 1\n"
        "    if seen[0] == 120:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "event.listen(engine, 'after_cursor_execute', kill)\n"
        "migrate_to_head(engine, datetime(2026, 12, 7, 10, 0))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == -9, result.stderr
    assert _revision(file) == "0001"
    assert _schema(file) == old_schema
    database = open_database(f"sqlite:///{file}", clock)
    try:
        assert database.startup_message is not None
        assert "数据库已从 0001 升级到" in database.startup_message
        assert database.migration_copy is not None
        assert str(database.migration_copy) in database.startup_message
    finally:
        database.dispose()
    assert _revision(file) == SCHEMA_HEAD
    assert _station_name(file) == "东利"


def test_a_new_ledger_half_built_by_an_older_version_is_built_again(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older stationapp could leave some of its tables and no version row when cut off
    during the first start; nothing the clerk typed can be in such a file."""
    # A backup folder of its own: the session-wide one keeps only the newest copies.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    file = tmp_path / "station.sqlite3"
    connection = sqlite3.connect(file)
    connection.execute("CREATE TABLE community (id INTEGER PRIMARY KEY, name VARCHAR(64))")
    connection.execute("CREATE TABLE household (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    database = open_database(f"sqlite:///{file}", clock)
    try:
        with database.session() as session:
            session.execute(event_free_insert())
        # The clerk is told, and where the file as it was is kept.
        message = database.startup_message
        assert message is not None and "没有完成" in message and "重新建立" in message
        assert database.migration_copy is not None and database.migration_copy.is_file()
        assert str(database.migration_copy) in message
    finally:
        database.dispose()
    assert _revision(file) == SCHEMA_HEAD


@pytest.mark.parametrize("filled", ["community", "station_setting"])
def test_stationapp_tables_without_a_version_but_with_any_row_are_refused(
    tmp_path: Path, clock: Clock, filled: str
) -> None:
    """Not only households: a row in any table may be something the clerk typed."""
    file = tmp_path / "station.sqlite3"
    connection = sqlite3.connect(file)
    connection.execute("CREATE TABLE community (id INTEGER PRIMARY KEY, name VARCHAR(64))")
    connection.execute("CREATE TABLE station_setting (key VARCHAR(64), value TEXT)")
    connection.execute("CREATE TABLE household (id INTEGER PRIMARY KEY)")
    connection.execute(f"INSERT INTO {filled} VALUES (1, '锦华一区')")
    connection.commit()
    connection.close()
    before = _schema(file)
    with pytest.raises(DatabaseSetupError, match="不是 stationapp 的数据库"):
        open_database(f"sqlite:///{file}", clock)
    assert _schema(file) == before
    connection = sqlite3.connect(file)
    assert connection.execute(f"SELECT count(*) FROM {filled}").fetchone() == (1,)
    connection.close()


def test_stationapp_tables_with_households_but_no_version_are_refused(
    tmp_path: Path, clock: Clock
) -> None:
    file = tmp_path / "station.sqlite3"
    connection = sqlite3.connect(file)
    connection.execute("CREATE TABLE household (id INTEGER PRIMARY KEY)")
    connection.execute("INSERT INTO household VALUES (1)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseSetupError, match="不是 stationapp 的数据库"):
        open_database(f"sqlite:///{file}", clock)
    assert [name for _kind, name, _sql in _schema(file)] == ["household"]
    assert _revision(file) is None
