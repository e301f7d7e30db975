"""The glance at a SQLite ledger before SQLAlchemy is imported (``db/peek.py``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stationapp.db.peek import ledger_has_accounts, sqlite_path


def test_sqlite_urls_name_their_file_and_other_databases_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sqlite_path(f"sqlite:///{tmp_path}/a.sqlite3") == tmp_path / "a.sqlite3"
    assert sqlite_path("sqlite:///relative.sqlite3?timeout=5") == Path("relative.sqlite3")
    assert sqlite_path("sqlite:///:memory:") is None
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://u@host/db") is None
    monkeypatch.setenv("STATIONAPP_DATABASE_URL", f"sqlite:///{tmp_path}/env.sqlite3")
    assert sqlite_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv("STATIONAPP_DATABASE_URL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = sqlite_path(None)
    assert default is not None and default.name == "stationapp.sqlite3"


def test_accounts_are_seen_only_in_a_readable_ledger_that_has_one(tmp_path: Path) -> None:
    file = tmp_path / "ledger.sqlite3"
    url = f"sqlite:///{file}"
    assert not ledger_has_accounts(url)  # no file yet (and none is made)
    assert not file.exists()
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE household (id INTEGER PRIMARY KEY)")
    assert not ledger_has_accounts(url)  # an older ledger without the table
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT)")
    assert not ledger_has_accounts(url)
    with sqlite3.connect(file) as connection:
        connection.execute("INSERT INTO account (name) VALUES ('书记')")
    assert ledger_has_accounts(url)
    assert not ledger_has_accounts("postgresql+psycopg://u@host/db")
    (tmp_path / "damaged.sqlite3").write_bytes(b"not a database" * 100)
    assert not ledger_has_accounts(f"sqlite:///{tmp_path / 'damaged.sqlite3'}")
