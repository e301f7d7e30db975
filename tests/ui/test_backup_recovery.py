"""The backup dialog with encrypted backups (issue 13): the recovery code is shown once
after a backup; a backup from another desk asks for the code; a wrong code is refused and
nothing changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stationapp.services.backup import BackupSettings, make_backup, save_backup_settings
from stationapp.services.backup_crypto import desk_key, ensure_desk_key, recovery_code
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, count_households
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.backup_dialog import BackupDialog
from stationapp.ui.operations import Operations

WAIT_MS = 30000


@pytest.fixture(autouse=True)
def own_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts on a desk of its own, with no backup key yet."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk1"))


@pytest.fixture
def dialog(qtbot: QtBot, ledger: Database, tmp_path: Path) -> BackupDialog:
    """The backup dialog, its boxes replaced by lists of what they said."""
    with ledger.session() as session:
        save_backup_settings(session, BackupSettings(tmp_path / "usb", keep=5))
    backups = BackupDialog(Operations(ledger, "clerk"))
    backups.told, backups.warned, backups.codes = [], [], []  # type: ignore[attr-defined]
    backups.ask = lambda _title, _text, _accept: True
    backups.tell = lambda title, text: backups.told.append(text)  # type: ignore[attr-defined]
    backups.warn = lambda title, text: backups.warned.append(text)  # type: ignore[attr-defined]
    backups.ask_recovery_code = lambda _t, _x: backups.codes.pop(0)  # type: ignore[attr-defined]
    qtbot.addWidget(backups)
    backups.show()
    return backups


def households(database: Database) -> int:
    with database.session() as session:
        return count_households(session, HouseholdFilter(), today=database.clock.today())


def test_the_first_backup_shows_the_recovery_code_once(
    qtbot: QtBot, dialog: BackupDialog
) -> None:
    with qtbot.waitSignal(dialog.backup_made, timeout=WAIT_MS):
        dialog.backup_button.click()
    key = desk_key()
    assert key is not None
    told = dialog.told  # type: ignore[attr-defined]
    assert len(told) == 2 and recovery_code(key) in told[1]
    with qtbot.waitSignal(dialog.backup_made, timeout=WAIT_MS):
        dialog.backup_button.click()
    assert len(told) == 3  # not shown again


def test_a_backup_from_another_desk_asks_for_the_code(
    qtbot: QtBot, dialog: BackupDialog, ledger: Database, tmp_path: Path, today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made_at = datetime.combine(today - timedelta(days=1), time(12))
    backup = make_backup(ledger, tmp_path / "usb", now=made_at)
    right = recovery_code(ensure_desk_key())
    with ledger.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="7", unit="1", room="101",
            residents=(ResidentInput(name="新住户", is_head=True),)), "test", today=today)
    before = households(ledger)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk3"))  # another desk's key
    other = recovery_code(ensure_desk_key())
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk2"))  # a new desk

    codes: list[str | None] = dialog.codes  # type: ignore[attr-defined]
    codes += [None, "not a code", other]
    assert not dialog.restore_file(backup.path)  # called off
    assert not dialog.restore_file(backup.path)  # mistyped
    warned: list[str] = dialog.warned  # type: ignore[attr-defined]
    assert "typing mistake" in warned[-1] or "输入错误" in warned[-1]
    assert not dialog.restore_file(backup.path)  # another key's code
    assert backup.path.name in warned[-1]
    assert before == 5 and households(ledger) == before and desk_key() is None

    codes.append(right)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        assert dialog.restore_file(backup.path)
    assert households(ledger) == 4
    assert desk_key() is not None
