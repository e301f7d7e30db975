"""Backups in the GUI: the backup dialog (settings, back up now, restore) and the automatic
daily backup started by the program, through real widgets and real SQLite files."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from stationapp.domain.clock import Clock
from stationapp.domain.errors import BackupError
from stationapp.services.backup import (
    POSTGRES_ADVICE_MESSAGE,
    BackupInfo,
    BackupSettings,
    get_backup_settings,
    list_backups,
    make_backup,
    save_backup_settings,
)
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, count_households
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.app import AutomaticBackup, automatic_backup
from stationapp.ui.backup_dialog import BackupDialog, file_size_text
from stationapp.ui.notices import EVERYTHING, Area, ChangeNotice
from stationapp.ui.operations import Operations

WAIT_MS = 30000


@pytest.fixture
def noon(today: date) -> datetime:
    """Noon of the day before the test's day: backups made at a time already past."""
    return datetime.combine(today - timedelta(days=1), time(12, 0))


class Hooks:
    """Stands in for the dialog's message boxes and file dialogs; records what was said."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.told: list[str] = []
        self.warned: list[str] = []
        self.folder = ""
        self.file = ""

    def install(self, dialog: BackupDialog) -> None:
        def ask(title: str, text: str, _accept: str) -> bool:
            self.asked.append(f"{title}: {text}")
            return self.answer

        dialog.ask = ask
        dialog.tell = lambda title, text: self.told.append(f"{title}: {text}")
        dialog.warn = lambda title, text: self.warned.append(f"{title}: {text}")
        dialog.choose_folder = lambda _start: self.folder
        dialog.choose_file = lambda _start: self.file


@pytest.fixture
def usb(ledger: Database, tmp_path: Path) -> Path:
    """The station's backup folder, set to a folder of this test (as on a USB disk)."""
    folder = tmp_path / "usb" / "backups"
    with ledger.session() as session:
        save_backup_settings(session, BackupSettings(folder, keep=5))
    return folder


@pytest.fixture
def hooks() -> Hooks:
    """Answers for the dialog's questions (yes) and records of its messages."""
    return Hooks()


@pytest.fixture
def operations(ledger: Database) -> Operations:
    """The operation runner over the shared ledger, acting as "clerk"."""
    return Operations(ledger, "clerk")


@pytest.fixture
def dialog(qtbot: QtBot, operations: Operations, usb: Path, hooks: Hooks) -> BackupDialog:
    """The backup dialog over the shared four-household ledger, shown."""
    backups = BackupDialog(operations)
    hooks.install(backups)
    qtbot.addWidget(backups)
    backups.show()
    qtbot.waitExposed(backups)
    return backups


def households(database: Database) -> int:
    with database.session() as session:
        return count_households(session, HouseholdFilter(), today=database.clock.today())


def add_household(database: Database, room: str, name: str) -> None:
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="7", unit="1", room=room,
            residents=(ResidentInput(name=name, is_head=True),)), "test",
            today=database.clock.today())


def cell(dialog: BackupDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


# ---------------------------------------------------------------- settings


def test_the_dialog_shows_the_saved_folder_and_its_backups(
    qtbot: QtBot, ledger: Database, usb: Path, hooks: Hooks, noon: datetime
) -> None:
    make_backup(ledger, now=noon - timedelta(days=1))
    make_backup(ledger, kind="auto", now=noon)
    dialog = BackupDialog(Operations(ledger, "clerk"))
    qtbot.addWidget(dialog)
    assert dialog.folder_edit.text() == str(usb)
    assert dialog.keep_spin.value() == 5
    assert dialog.table.rowCount() == 2
    assert cell(dialog, 0, 0) == f"{noon:%Y-%m-%d} 12:00"
    assert cell(dialog, 0, 1) == "automatic"
    assert cell(dialog, 1, 1) == "manual"
    assert cell(dialog, 0, 2).endswith("KB")
    assert dialog.selected_path() == dialog.listed_paths()[0]
    assert dialog.restore_selected_button.isEnabled()


def test_settings_are_saved(qtbot: QtBot, ledger: Database, dialog: BackupDialog,
                            hooks: Hooks, tmp_path: Path, operations: Operations) -> None:
    hooks.folder = str(tmp_path / "stick")
    (tmp_path / "stick").mkdir()
    dialog.browse_button.click()
    assert dialog.folder_edit.text() == str(tmp_path / "stick")
    assert dialog.is_modified()
    dialog.keep_spin.setValue(30)
    with qtbot.waitSignal(operations.changed) as heard:
        assert dialog.save_settings()
    assert heard.args[0].areas == {Area.SETTINGS}
    with ledger.session() as session:
        assert get_backup_settings(session) == BackupSettings(tmp_path / "stick", 30)
    assert not dialog.is_modified()
    assert "No backups" in dialog.list_label.text()


def test_a_folder_that_cannot_be_used_is_refused_inline(
    ledger: Database, dialog: BackupDialog, usb: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.folder_edit.setText(str(blocker / "backups"))
    assert not dialog.save_settings()
    assert dialog.errors["backup_folder"].isVisible()
    assert "无法使用这个文件夹" in dialog.errors["backup_folder"].text()
    assert dialog.folder_edit.property("invalid") is True
    dialog.folder_edit.setText("")
    assert not dialog.save_settings()
    assert "Choose the folder" in dialog.errors["backup_folder"].text()
    dialog.folder_edit.setText("relative/folder")
    assert not dialog.save_settings()
    assert "whole path" in dialog.errors["backup_folder"].text()
    with ledger.session() as session:
        assert get_backup_settings(session).folder == usb  # nothing was written
    dialog.folder_edit.setText(str(tmp_path / "good"))
    assert dialog.save_settings()
    assert not dialog.errors["backup_folder"].isVisible()
    assert dialog.folder_edit.property("invalid") is False


def test_closing_with_unsaved_settings_asks_first(
    dialog: BackupDialog, hooks: Hooks, tmp_path: Path
) -> None:
    dialog.folder_edit.setText(str(tmp_path / "elsewhere"))
    hooks.answer = False
    dialog.reject()
    assert dialog.isVisible()
    assert "Discard changes?" in hooks.asked[0]
    hooks.answer = True
    dialog.reject()
    assert not dialog.isVisible()


# ---------------------------------------------------------------- back up now


def test_back_up_now_makes_a_backup_that_is_listed(
    qtbot: QtBot, dialog: BackupDialog, usb: Path, hooks: Hooks, operations: Operations
) -> None:
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(dialog.backup_made, timeout=WAIT_MS) as made, \
            qtbot.assertNotEmitted(operations.changed):  # a backup changes no data
        dialog.backup_button.click()
        assert not dialog.backup_button.isEnabled()  # one at a time
    backup = made.args[0]
    assert isinstance(backup, BackupInfo)
    assert [b.path for b in list_backups(usb)] == [backup.path]
    assert backup.kind == "manual"
    assert dialog.listed_paths() == [backup.path]
    assert str(backup.path) in hooks.told[0]
    assert dialog.backup_button.isEnabled()


def test_back_up_now_saves_a_changed_folder_first(
    qtbot: QtBot, ledger: Database, dialog: BackupDialog, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    dialog.folder_edit.setText(str(stick))
    with qtbot.waitSignal(dialog.backup_made, timeout=WAIT_MS) as made:
        dialog.back_up_now()
    assert made.args[0].path.parent == stick
    with ledger.session() as session:
        assert get_backup_settings(session).folder == stick


def disk_full(*_args: object, **_kwargs: object) -> BackupInfo:
    raise BackupError("备份没有成功：database or disk is full。请检查备份文件夹是否可写。")


def test_a_failed_backup_is_explained(
    qtbot: QtBot, dialog: BackupDialog, usb: Path, hooks: Hooks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("stationapp.ui.backup_dialog.make_backup", disk_full)
    with qtbot.waitSignal(dialog.problem, timeout=WAIT_MS) as problem:
        dialog.back_up_now()
    assert "备份没有成功" in problem.args[0]
    assert hooks.warned and "Not backed up" in hooks.warned[0]
    assert dialog.backup_button.isEnabled()


# ---------------------------------------------------------------- restore


@pytest.mark.parametrize(("content", "message"), [
    (b"just some text, not a database at all", "不是 SQLite"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "已损坏"),
])
def test_a_damaged_file_is_refused_and_nothing_changes(
    ledger: Database, dialog: BackupDialog, usb: Path, hooks: Hooks, tmp_path: Path,
    content: bytes, message: str,
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    hooks.file = str(bad)
    dialog.restore_file_button.click()
    assert hooks.asked == []  # refused before asking
    assert len(hooks.warned) == 1
    assert "Cannot restore this file" in hooks.warned[0]
    assert message in hooks.warned[0]
    assert households(ledger) == 4
    assert list_backups(usb) == []  # nothing was kept aside: nothing changed
    assert not dialog.busy()


def test_the_ledger_in_use_is_not_restored_onto_itself(
    ledger: Database, dialog: BackupDialog, hooks: Hooks
) -> None:
    assert ledger.engine.url.database
    assert not dialog.restore_file(Path(ledger.engine.url.database))
    assert "ledger in use" in hooks.warned[0]
    assert hooks.asked == []
    assert households(ledger) == 4


def test_restoring_a_backup_brings_back_the_old_ledger(
    qtbot: QtBot, ledger: Database, dialog: BackupDialog, usb: Path, hooks: Hooks,
    noon: datetime, operations: Operations,
) -> None:
    old = make_backup(ledger, now=noon)
    add_household(ledger, "101", "新住户")
    assert households(ledger) == 5
    dialog.reload_list()
    assert dialog.selected_path() == old.path
    heard: list[ChangeNotice] = []
    operations.changed.connect(heard.append)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        dialog.restore_selected_button.click()
    assert heard == [EVERYTHING]  # every page reads the restored ledger again
    assert "REPLACED" in hooks.asked[0]
    assert str(old.path) in hooks.asked[0]
    assert str(usb) in hooks.asked[0]  # where the current ledger is kept aside
    assert households(ledger) == 4
    kinds = {b.kind: b for b in list_backups(usb)}
    assert set(kinds) == {"manual", "before-restore"}
    aside = kinds["before-restore"].path
    assert str(aside) in hooks.told[0]
    assert "older version" not in hooks.told[0]
    assert aside in dialog.listed_paths()
    assert dialog.folder_edit.text() == str(usb)


def test_restoring_can_be_called_off(
    ledger: Database, dialog: BackupDialog, usb: Path, hooks: Hooks, noon: datetime
) -> None:
    old = make_backup(ledger, now=noon)
    add_household(ledger, "101", "新住户")
    hooks.answer = False
    assert not dialog.restore_file(old.path)
    assert households(ledger) == 5
    assert [b.path for b in list_backups(usb)] == [old.path]


def test_a_postgresql_ledger_gets_advice_instead_of_buttons(qtbot: QtBot, clock: Clock) -> None:
    engine = create_engine("postgresql+psycopg://clerk@db.example/stationapp")
    database = Database(str(engine.url), engine, sessionmaker(engine), clock)
    try:
        dialog = BackupDialog(Operations(database, "clerk"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not dialog.supported
        assert dialog.advice.isVisible()
        assert dialog.advice.text() == str(POSTGRES_ADVICE_MESSAGE)
        for button in (dialog.backup_button, dialog.restore_selected_button,
                       dialog.restore_file_button, dialog.save_button):
            assert not button.isVisible()
            assert not button.isEnabled()
        assert not dialog.restore_file(Path("anything.sqlite3"))
        assert dialog.close_button.isVisible()
    finally:
        engine.dispose()


def test_file_sizes_read_well() -> None:
    assert file_size_text(512) == "512 B"
    assert file_size_text(3 * 1024 + 400) == "3.4 KB"
    assert file_size_text(12 * 1024 * 1024) == "12.0 MB"


# ---------------------------------------------------------------- automatic backup


def test_the_automatic_backup_happens_once_a_day(
    ledger: Database, usb: Path, noon: datetime
) -> None:
    first = automatic_backup(ledger, noon)
    assert first is not None
    assert first.kind == "auto"
    assert automatic_backup(ledger, noon + timedelta(hours=5)) is None
    second = automatic_backup(ledger, noon + timedelta(days=1))
    assert second is not None
    assert [b.path for b in list_backups(usb)] == [second.path, first.path]


def test_the_program_backs_up_after_start_and_says_so_in_the_status_bar(
    qtbot: QtBot, ledger: Database, usb: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    backup = AutomaticBackup(ledger, window)
    with qtbot.waitSignal(backup.done, timeout=WAIT_MS) as done:
        backup.schedule(0)
    made = done.args[0]
    assert isinstance(made, BackupInfo)
    assert list_backups(usb)[0].path == made.path
    assert str(usb) in window.statusBar().currentMessage()
    backup.start()  # once only
    backup.stop()
    assert [b.path for b in list_backups(usb)] == [made.path]


def test_a_failed_automatic_backup_is_shown_in_the_status_bar_only(
    qtbot: QtBot, ledger: Database, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stationapp.services.backup.backup_if_due", disk_full)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    backup = AutomaticBackup(ledger, window)
    with qtbot.waitSignal(backup.done, timeout=WAIT_MS) as done:
        backup.start()
    assert isinstance(done.args[0], BackupError)
    message = window.statusBar().currentMessage()
    assert "automatic backup failed" in message
    assert "备份没有成功" in message


def test_a_stopped_automatic_backup_does_not_start_any_more(
    qtbot: QtBot, ledger: Database, usb: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    backup = AutomaticBackup(ledger, window)
    backup.schedule(0)
    backup.stop()  # the program ended before the timer fired
    qtbot.wait(50)
    assert not backup.running()
    assert list_backups(usb) == []

