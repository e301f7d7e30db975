"""PostgreSQL: the whole upgrade is one transaction. The server ends the migrating
connection at the N-th statement (as when the desk loses power); the database stays at its
old revision with its old tables, and the next start completes the upgrade."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, inspect, text

from stationapp.db.engine import make_engine
from stationapp.db.migrate import SCHEMA_HEAD, alembic_config, current_revision, migrate_to_head
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.workflows.opening import open_database

NOW = datetime(2026, 12, 7, 10, 0)


def _schema(engine: Engine) -> dict[str, list[str]]:
    inspector = inspect(engine)
    return {table: sorted(c["name"] for c in inspector.get_columns(table))
            for table in inspector.get_table_names()}


@pytest.mark.parametrize("start", [None, "0001", "0004"], ids=["new", "from-0001", "from-0004"])
def test_a_cut_connection_leaves_the_old_revision(
    start: str | None, pg_url: str, pg_connection: psycopg.Connection[Any], clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alembic import command

    upgrading = [False]
    real_upgrade = command.upgrade

    def upgrade(*args: Any, **kwargs: Any) -> None:
        upgrading[0] = True
        try:
            real_upgrade(*args, **kwargs)
        finally:
            upgrading[0] = False

    engine = make_engine(pg_url)
    try:
        if start is not None:
            command.upgrade(alembic_config(engine), start)
            with engine.begin() as connection:
                connection.execute(text(
                    "insert into station_setting values ('station_name', '东利')"))
        old_schema = _schema(engine)
    finally:
        engine.dispose()
    monkeypatch.setattr(command, "upgrade", upgrade)

    for n in (1, 2, 3, 10, 25, 40, 60, 100) if start != "0004" else (1, 2, 3, 10, 25, 40):
        engine = make_engine(pg_url)
        seen = [0]

        def cut(conn: Any, *_args: Any, n: int = n, seen: list[int] = seen) -> None:
            seen[0] += upgrading[0]  # statements of the upgrade, not of the checks before
            if upgrading[0] and seen[0] == n:
                pid = conn.connection.dbapi_connection.info.backend_pid
                pg_connection.execute("select pg_terminate_backend(%s)", [pid])

        event.listen(engine, "before_cursor_execute", cut)
        try:
            with pytest.raises(DatabaseSetupError) as raised:
                migrate_to_head(engine, NOW)
        finally:
            engine.dispose()
        engine = make_engine(pg_url)
        try:
            assert current_revision(engine) == start, f"cut at statement {n}"
            assert _schema(engine) == old_schema, f"cut at statement {n}"
        finally:
            engine.dispose()
        assert "权限" not in str(raised.value)

    database = open_database(pg_url, clock)
    try:
        assert current_revision(database.engine) == SCHEMA_HEAD
        if start is not None:
            assert database.startup_message == f"数据库已从 {start} 升级到 {SCHEMA_HEAD}。"
            with database.engine.connect() as connection:
                assert connection.scalar(text(
                    "select value from station_setting where key = 'station_name'")) == "东利"
    finally:
        database.dispose()
