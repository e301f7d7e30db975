"""The crash dialog and the log never show residents' data; environment failures are not
crashes."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.exc import IntegrityError, OperationalError

from stationapp.db import engine as engine_module
from stationapp.domain.clock import Clock
from stationapp.logs import setup_logging
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.crash import CrashDialog, CrashHandler
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.operations import Operations
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

NAME = "欧阳秀芬"
ID_NUMBER = "110101194001011234"
PHONE = "13905461234"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The program's log file in ``tmp_path``, detached again afterwards."""
    path = setup_logging(tmp_path)
    yield path
    logger = logging.getLogger("stationapp")
    for handler in list(logger.handlers):
        if Path(getattr(handler, "baseFilename", "")) == path:
            handler.close()
            logger.removeHandler(handler)


def _save_resident(engine_url: str) -> None:
    """A bug: the room is left out, and the database refuses the row with its data."""
    metadata = MetaData()
    table = Table("person", metadata, Column("id", Integer, primary_key=True),
                  Column("name", String), Column("id_number", String),
                  Column("phone", String), Column("room", Integer, nullable=False))
    engine = create_engine(engine_url)
    metadata.create_all(engine)
    row = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "room": None}
    try:
        with engine.begin() as connection:
            connection.execute(insert(table), row)
    finally:
        engine.dispose()


def test_crash_dialog_and_log_carry_no_personal_data(
    qapp: QCoreApplication, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def exec_records(dialog: CrashDialog) -> int:
        shown.append(dialog.details.toPlainText())
        dialog.deleteLater()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_records)
    handler = CrashHandler(no_dialogs=False, log_file=str(log_file))
    try:
        try:
            _save_resident("sqlite://")
        except Exception as exc:
            raise RuntimeError(f"saving {ID_NUMBER} / {PHONE} failed") from exc
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    logged = log_file.read_text(encoding="utf-8")
    for text in (shown[0], logged):
        assert "IntegrityError" in text and "NOT NULL constraint failed" in text
        assert "RuntimeError" in text
        for value in (NAME, ID_NUMBER, PHONE):
            assert value not in text
        assert "INSERT" not in text


def test_a_locked_database_gets_a_message_not_a_crash_dialog(
    qapp: QCoreApplication, log_file: Path, message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[CrashDialog] = []

    def exec_records(dialog: CrashDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_records)
    handler = CrashHandler(no_dialogs=False, log_file=str(log_file))
    error = OperationalError("UPDATE household SET phone=?", (PHONE,),
                             sqlite3.OperationalError("database is locked"))
    handler(type(error), error, None)
    assert not opened
    assert len(message_boxes.warnings) == 1
    assert "占用" in message_boxes.warnings[0]
    assert PHONE not in message_boxes.warnings[0]
    assert PHONE not in log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("error", [
    IntegrityError("INSERT INTO station_setting …", (PHONE,),
                   sqlite3.IntegrityError("UNIQUE constraint failed: station_setting.key")),
    OperationalError("SELECT … FROM househod", (PHONE,),
                     sqlite3.OperationalError("no such table: househod")),
])
def test_a_programming_error_is_a_crash_report_not_an_environment_message(
    qapp: QCoreApplication, log_file: Path, message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch, error: Exception,
) -> None:
    # A unique key the clerk does not type, or a table missing from an intact ledger: a
    # bug to report, not "another desk saved the same" or "restore a backup".
    shown: list[str] = []

    def exec_records(dialog: CrashDialog) -> int:
        shown.append(dialog.details.toPlainText())
        dialog.deleteLater()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_records)
    handler = CrashHandler(no_dialogs=False, log_file=str(log_file))
    handler(type(error), error, None)
    assert not message_boxes.warnings
    assert len(shown) == 1 and type(error).__name__ in shown[0]
    assert PHONE not in shown[0]


def test_saving_while_another_desk_holds_the_ledger_says_so_and_keeps_the_form(
    qtbot: QtBot, tmp_path: Path, clock: Clock, today: date, message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    file = tmp_path / "ledger.sqlite3"
    database = open_database(f"sqlite:///{file}", clock)
    try:
        with database.session() as session:
            household_id = create_household(session, HouseholdInput(
                community="晖苑小区", building="3", unit="1", room="301", phone=PHONE,
                residents=(ResidentInput(name=NAME, birth_date=date(1940, 1, 1),
                                         is_head=True),),
            ), actor="t", today=today)
        dialog = HouseholdDialog(Operations(database, "clerk"), household_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.notes_edit.setPlainText("女儿每周来一次")
        other_desk = sqlite3.connect(file)
        try:
            other_desk.execute("BEGIN IMMEDIATE")
            other_desk.execute("UPDATE household SET notes = notes")
            dialog.save_button.click()
        finally:
            other_desk.rollback()
            other_desk.close()
        assert len(message_boxes.warnings) == 1
        assert "占用" in message_boxes.warnings[0]
        assert dialog.isVisible()  # nothing typed is lost: the clerk saves again later
        assert dialog.notes_edit.toPlainText() == "女儿每周来一次"
        dialog.close()
    finally:
        database.dispose()
