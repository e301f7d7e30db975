"""Encrypted backups (issue 13): a stolen USB disk shows nothing readable; a backup
restores with the desk's key or, on a fresh desk, with the recovery code; a wrong code or
a changed byte is refused with a clear message and nothing changes."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stationapp.domain.clock import Clock
from stationapp.domain.errors import BackupError, ValidationError
from stationapp.services.backup import (
    backup_revision,
    list_backups,
    make_backup,
    restore_backup,
)
from stationapp.services.backup_crypto import (
    MAGIC,
    decrypt_file,
    desk_key,
    ensure_desk_key,
    key_file,
    key_from_recovery_code,
    needs_recovery_code,
    recovery_code,
    take_pending_recovery_code,
)
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_households
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
NOON = datetime(2026, 11, 26, 12, 0)
ID_NUMBER = "370502194501011234"


def _valid_id() -> str:
    from stdnum.cn import ric

    body = ID_NUMBER[:17]
    return body + ric.calc_check_digit(body)


@pytest.fixture(autouse=True)
def own_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts on a desk of its own, with no backup key yet."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk1"))


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A SQLite ledger with one household whose head has an ID number and a phone."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="李大爷", id_number=_valid_id(),
                                     mobility_notes="行动不便需轮椅"),)), "测试员", TODAY)
    yield database
    database.dispose()


def heads(database: Database) -> list[str]:
    with database.session() as session:
        return [r.head for r in list_households(session, HouseholdFilter(), today=TODAY)]


def add(database: Database, name: str) -> None:
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="302",
            residents=(ResidentInput(name=name),)), "测试员", TODAY)


def fresh_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str = "desk2") -> None:
    """Another desk: a data folder (and so a key file) of its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / name))


def test_a_backup_shows_nothing_readable(ledger: Database, tmp_path: Path) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    data = backup.path.read_bytes()
    assert data.startswith(MAGIC)
    for secret in ("李大爷", _valid_id(), "锦华一区", "行动不便", "SQLite format 3"):
        assert secret.encode("utf-8") not in data
        assert secret.encode("utf-16-le") not in data
    connection = sqlite3.connect(backup.path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("select name from sqlite_master").fetchall()
    finally:
        connection.close()
    # No plain copy was left anywhere: not on the stick, not in the data folder.
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [backup.path.name]
    assert not [p for p in key_file().parent.rglob("*.sqlite3*")]


def test_two_backups_of_the_same_ledger_differ(ledger: Database, tmp_path: Path) -> None:
    first = make_backup(ledger, tmp_path / "a", now=NOON)
    second = make_backup(ledger, tmp_path / "b", now=NOON)
    assert first.path.read_bytes()[:30] != second.path.read_bytes()[:30]  # a fresh nonce


def test_the_key_lives_on_the_desk_privately_and_its_code_is_handed_out_once(
    ledger: Database, tmp_path: Path
) -> None:
    assert desk_key() is None
    make_backup(ledger, tmp_path / "usb", now=NOON)
    key = desk_key()
    assert key is not None and len(key) == 32
    assert not key_file().is_relative_to(tmp_path / "usb")
    if os.name == "posix":
        assert stat.S_IMODE(key_file().stat().st_mode) == 0o600
    code = take_pending_recovery_code()
    assert code is not None and len(code.split("-")) == 14
    assert key_from_recovery_code(code) == key
    assert key_from_recovery_code(code.lower().replace("-", " ")) == key
    assert take_pending_recovery_code() is None


def test_restores_with_the_desk_key(ledger: Database, tmp_path: Path) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    add(ledger, "王奶奶")
    assert not needs_recovery_code(backup.path)
    result = restore_backup(ledger, backup.path, now=NOON + timedelta(minutes=5))
    assert heads(ledger) == ["李大爷"]
    assert result.kept_aside.read_bytes().startswith(MAGIC)  # the copy aside too


def test_a_fresh_desk_restores_with_the_recovery_code_only(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    code = recovery_code(ensure_desk_key())
    add(ledger, "王奶奶")
    fresh_desk(tmp_path, monkeypatch)
    assert needs_recovery_code(backup.path)
    with pytest.raises(BackupError, match="恢复码"):
        restore_backup(ledger, backup.path, NOON)
    assert heads(ledger) == ["李大爷", "王奶奶"]
    restore_backup(ledger, backup.path, NOON + timedelta(minutes=1), recovery_code=code)
    assert heads(ledger) == ["李大爷"]
    # The new desk keeps the key: its next backups open with the same code.
    assert desk_key() == key_from_recovery_code(code)
    assert not needs_recovery_code(backup.path)


def test_a_wrong_or_mistyped_code_is_refused_and_nothing_changes(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    right = recovery_code(ensure_desk_key())
    add(ledger, "王奶奶")
    fresh_desk(tmp_path, monkeypatch, "other")
    other_code = recovery_code(ensure_desk_key())  # the other desk's own key
    fresh_desk(tmp_path, monkeypatch)
    with pytest.raises(BackupError, match="不匹配") as raised:
        restore_backup(ledger, backup.path, NOON, recovery_code=other_code)
    assert backup.path.name in str(raised.value)
    mistyped = right[:-1] + ("A" if right[-1] != "A" else "B")
    with pytest.raises(ValidationError, match="输入错误"):
        restore_backup(ledger, backup.path, NOON, recovery_code=mistyped)
    with pytest.raises(ValidationError):
        restore_backup(ledger, backup.path, NOON, recovery_code=right[:20])
    assert heads(ledger) == ["李大爷", "王奶奶"]
    assert [b.kind for b in list_backups(tmp_path / "usb")] == ["manual"]
    assert desk_key() is None


@pytest.mark.parametrize("where", ["header", "middle", "end"])
def test_a_changed_byte_is_refused_and_nothing_changes(
    ledger: Database, tmp_path: Path, where: str
) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    add(ledger, "王奶奶")
    data = bytearray(backup.path.read_bytes())
    at = {"header": len(MAGIC) + 3, "middle": len(data) // 2, "end": len(data) - 1}[where]
    data[at] ^= 0x01
    backup.path.write_bytes(bytes(data))
    with pytest.raises(BackupError) as raised:
        restore_backup(ledger, backup.path, NOON)
    text = str(raised.value)
    assert "改动" in text or "恢复码" in text  # a changed key id reads as another key
    with pytest.raises(BackupError):
        backup_revision(backup.path)
    assert heads(ledger) == ["李大爷", "王奶奶"]
    assert [b.kind for b in list_backups(tmp_path / "usb")] == ["manual"]


def test_an_old_plain_backup_still_restores(ledger: Database, tmp_path: Path) -> None:
    backup = make_backup(ledger, tmp_path / "usb", now=NOON)
    plain = tmp_path / "usb" / "stationapp-20250101-120000-manual.sqlite3"
    decrypt_file(backup.path, plain)
    add(ledger, "王奶奶")
    restore_backup(ledger, plain, NOON + timedelta(minutes=1))
    assert heads(ledger) == ["李大爷"]


def test_the_first_administrator_brings_the_backup_key(ledger: Database) -> None:
    from stationapp.domain.accounts import Role
    from stationapp.services.accounts import add_account

    assert desk_key() is None
    with ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, "a long enough password", by=None)
    key = desk_key()
    assert key is not None
    assert take_pending_recovery_code() == recovery_code(key)
