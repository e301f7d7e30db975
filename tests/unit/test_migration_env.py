"""The migration environment reports the migration's own failure, and leaves no pooled
connection without foreign keys behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from stationapp.db.engine import make_engine
from stationapp.db.migrate import SCHEMA_HEAD, migrate_to_head
from stationapp.domain.errors import DatabaseSetupError

NOW = datetime(2026, 12, 7, 10, 0)


class Cut(Exception):
    """Stands for the migration's own failure."""


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A SQLite engine on a new file."""
    made = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    yield made
    made.dispose()


def _fail_at(engine: Engine, *, statement: str | None, restoring: bool) -> None:
    """Make ``statement`` (the first one starting so) fail; and restoring foreign keys."""

    def before(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if statement is not None and sql.lstrip().upper().startswith(statement):
            raise Cut("the migration's own failure")
        if restoring and sql.strip().upper() == "PRAGMA FOREIGN_KEYS=ON":
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(engine, "before_cursor_execute", before)


def test_a_failed_migration_is_reported_even_when_restoring_the_connection_fails(
    engine: Engine,
) -> None:
    _fail_at(engine, statement="CREATE TABLE", restoring=True)
    with pytest.raises(DatabaseSetupError) as caught:
        migrate_to_head(engine, NOW)
    assert isinstance(caught.value.__cause__, Cut)
    assert "升级程序出错" in str(caught.value)  # not the I/O error of the clean-up


def test_a_connection_left_without_foreign_keys_is_not_used_again(engine: Engine) -> None:
    _fail_at(engine, statement=None, restoring=True)
    with pytest.raises(DatabaseSetupError):
        migrate_to_head(engine, NOW)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
            == SCHEMA_HEAD
