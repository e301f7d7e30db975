"""The dialogs show the same length limits the services enforce (stationapp.domain.text_rules)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stationapp.domain import text_rules
from stationapp.domain.clock import Clock
from stationapp.services.database import Database
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.member_editor import MemberEditor
from stationapp.ui.operations import Operations
from stationapp.ui.text_limits import text_limit
from stationapp.workflows.opening import open_database


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A fresh, migrated SQLite ledger, disposed after the test (after widgets closed)."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


def test_household_dialog_fields_stop_at_the_domain_limits(qtbot: QtBot, db: Database) -> None:
    dialog = HouseholdDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    line = dialog.community_combo.lineEdit()
    assert line is not None and text_limit(line) == text_rules.COMMUNITY.limit
    assert text_limit(dialog.building_edit) == text_rules.BUILDING.limit
    assert text_limit(dialog.unit_edit) == text_rules.UNIT.limit
    assert text_limit(dialog.room_edit) == text_rules.ROOM.limit
    assert text_limit(dialog.phone_edit) == text_rules.HOUSEHOLD_PHONE.limit
    assert str(text_rules.HOUSEHOLD_NOTES.limit) in dialog.notes_edit.placeholderText()
    qtbot.keyClicks(dialog.building_edit, "1" * 40)
    assert dialog.building_edit.text() == "1" * text_rules.BUILDING.limit


def test_member_name_field_has_the_name_limit(qtbot: QtBot, clock: Clock) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    assert text_limit(editor.name_edit) == text_rules.RESIDENT_NAME.limit == 20
    assert text_limit(editor.phone_edit) == text_rules.RESIDENT_PHONE.limit
    assert text_limit(editor.mobility_edit) == text_rules.MOBILITY.limit
    relation = editor.relation_combo.lineEdit()
    assert relation is not None and text_limit(relation) == text_rules.RELATION.limit
    qtbot.keyClicks(editor.name_edit, "a" * 30)
    assert editor.name_edit.text() == "a" * 20


def test_a_stored_value_longer_than_the_limit_is_shown_whole(
    qtbot: QtBot, clock: Clock
) -> None:
    """A name stored before the limit was tightened is neither cut on opening nor saved
    shorter behind the clerk's back; it can be shortened, not lengthened."""
    from PySide6.QtCore import Qt

    from stationapp.services.household_types import ResidentInput

    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    stored = "阿" * 30
    editor.set_value(ResidentInput(name=stored))
    assert editor.name_edit.text() == stored
    assert editor.value().name == stored
    qtbot.keyClicks(editor.name_edit, "b")
    assert editor.name_edit.text() == stored
    editor.name_edit.end(False)
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Backspace)
    assert editor.name_edit.text() == "阿" * 29


def test_a_paste_keeps_what_fits_and_says_the_limit(qtbot: QtBot, clock: Clock) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.name_edit.setText("王")
    editor.name_edit.end(False)
    editor.name_edit.insert("阿" * 30)  # what Ctrl+V does with the clipboard's text
    assert editor.name_edit.text() == "王" + "阿" * 19
