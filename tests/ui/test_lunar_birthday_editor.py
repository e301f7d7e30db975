"""A resident's birthday by the lunar calendar (按农历过生日), ticked in the member editor
and saved through the household service (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stationapp.domain.clock import Clock
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.household_members import MemberColumn
from stationapp.ui.member_editor import MemberEditor
from stationapp.ui.operations import Operations
from stationapp.workflows.opening import open_database

WANG_ID = "11010519491231002X"


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """An empty ledger."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


def _household(db: Database) -> int:
    with db.session() as session:
        return create_household(session, HouseholdInput(
            community="东旭小区", building="10", unit="1", room="502", phone="0546-8123456",
            residents=(ResidentInput(name="王淑芬", id_number=WANG_ID, is_head=True,
                                     relation="户主"),),
        ), "setup", today=db.clock.today())


def test_the_lunar_birthday_is_ticked_and_saved(qtbot: QtBot, db: Database) -> None:
    household_id = _household(db)
    dialog = HouseholdDialog(Operations(db, "clerk"), household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.members_table.selectRow(0)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.member_editor
    assert editor is not None and not editor.lunar_check.isChecked()
    qtbot.mouseClick(editor.lunar_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    birth = dialog.members_table.item(0, MemberColumn.BIRTH_DATE)
    assert birth is not None and "1949-12-31" in birth.text() and birth.text() != "1949-12-31"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        after = get_household(session, household_id, today=db.clock.today())
    assert after.residents[0].lunar_birthday

    # Opened again, the editor shows the tick and takes it away.
    dialog = HouseholdDialog(Operations(db, "clerk"), household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.members_table.selectRow(0)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.member_editor
    assert editor is not None and editor.lunar_check.isChecked()
    qtbot.mouseClick(editor.lunar_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert not get_household(session, household_id,
                                 today=db.clock.today()).residents[0].lunar_birthday


def test_a_lunar_birthday_without_a_birth_date_is_refused_inline(
    qtbot: QtBot, clock: Clock
) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.name_edit.setText("李桂兰")
    editor.lunar_check.setChecked(True)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    error = editor.errors["lunar_birthday"]
    assert error.isVisible() and error.text()
    qtbot.keyClicks(editor.birth_edit, "1946-03-02")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert editor.value().lunar_birthday
