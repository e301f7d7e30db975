"""``upgrade_database`` (``stationapp upgrade``) and the rule that an account which may not
change the schema never tries a migration (issue 13; PostgreSQL itself: tests/pg)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from stationapp.db import migrate
from stationapp.db.migrate import (
    SCHEMA_HEAD,
    SchemaRights,
    alembic_config,
    current_revision,
    schema_rights,
)
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.messages import set_language
from stationapp.workflows.opening import open_database, upgrade_database


def _ledger_at(file: Path, revision: str) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), revision)
    finally:
        engine.dispose()


def _revision(file: Path) -> str | None:
    engine = create_engine(f"sqlite:///{file}")
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


@pytest.fixture
def english() -> object:
    set_language("en")
    yield None
    set_language("zh_CN")


def test_sqlite_always_may_migrate(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/x.sqlite3")
    try:
        assert schema_rights(engine) == SchemaRights("", True)
    finally:
        engine.dispose()


def test_upgrade_creates_upgrades_with_a_copy_then_has_nothing_to_do(
    tmp_path: Path, clock: Clock, english: object
) -> None:
    new = tmp_path / "new.sqlite3"
    assert str(upgrade_database(f"sqlite:///{new}", clock)) == (
        f"A new ledger database was created (version {SCHEMA_HEAD}).")
    assert _revision(new) == SCHEMA_HEAD

    old = tmp_path / "old.sqlite3"
    _ledger_at(old, "0003")
    said = str(upgrade_database(f"sqlite:///{old}", clock))
    assert said.startswith(f"The database was upgraded from 0003 to {SCHEMA_HEAD}; the copy "
                           "made before the upgrade is at ")
    copy = Path(said.split(" is at ", 1)[1].rstrip("."))
    # filed among the (encrypted) backups, named as a copy made before migrating
    assert copy.is_file() and "-before-migration" in copy.name
    assert _revision(old) == SCHEMA_HEAD

    assert str(upgrade_database(f"sqlite:///{old}", clock)) == (
        f"The database is already at the newest version ({SCHEMA_HEAD}); nothing was changed.")


def test_an_account_that_may_not_migrate_is_refused_and_nothing_is_touched(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, english: object
) -> None:
    monkeypatch.setattr(migrate, "schema_rights",
                        lambda engine: SchemaRights("desk", may_migrate=False))
    old = tmp_path / "old.sqlite3"
    _ledger_at(old, "0005")
    with pytest.raises(DatabaseSetupError) as behind:
        open_database(f"sqlite:///{old}", clock)
    assert str(behind.value) == (
        f"The ledger needs an upgrade (from version 0005 to {SCHEMA_HEAD}), and the database "
        "account desk may not change its tables: ask the administrator to run "
        "`stationapp upgrade` with the owner's account.")
    assert _revision(old) == "0005"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]  # no copy made

    with pytest.raises(DatabaseSetupError) as empty:
        upgrade_database(f"sqlite:///{tmp_path}/new.sqlite3", clock)
    assert "not set up yet" in str(empty.value) and "account desk" in str(empty.value)

    _ledger_at(old, SCHEMA_HEAD)  # current: the account's rights do not matter
    open_database(f"sqlite:///{old}", clock).dispose()


def test_the_refusal_speaks_chinese_by_default(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrate, "schema_rights",
                        lambda engine: SchemaRights("desk", may_migrate=False))
    old = tmp_path / "old.sqlite3"
    _ledger_at(old, "0006")
    with pytest.raises(DatabaseSetupError) as behind:
        open_database(f"sqlite:///{old}", clock)
    assert "请管理员用数据库所有者的账户运行 `stationapp upgrade`" in str(behind.value)
