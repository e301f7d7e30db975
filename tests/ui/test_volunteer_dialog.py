"""The volunteer dialog's staff box, roles editor and hours, through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.clock import Clock
from stationapp.services.catalogue import list_event_types
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.service_record import record_round
from stationapp.services.volunteers import (
    RoleInput,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
)
from stationapp.ui.operations import Operations
from stationapp.ui.volunteer_dialog import VolunteerDialog, role_row_of
from stationapp.workflows.opening import open_database

SUPERVISOR, LIAISON, PUBLICIST = (VolunteerRole.SUPERVISOR, VolunteerRole.LIAISON,
                                  VolunteerRole.PUBLICIST)


pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def db(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A migrated SQLite database with households in 锦华一区 and 晖苑小区."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        for community, room in (("锦华一区", "101"), ("晖苑小区", "301")):
            create_household(session, HouseholdInput(
                community=community, building="2", unit="1", room=room,
                residents=(ResidentInput(name=f"住户{room}", birth_date=date(1950, 1, 1),
                                         is_head=True),)), actor="test", today=today)
    yield database
    database.dispose()


def test_staff_member_with_two_roles_in_two_communities(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.name_edit.insert("王主任")
    dialog.phone_edit.setText("13905461111")
    dialog.community_combo.setEditText("锦华一区")
    dialog.staff_check.setChecked(True)
    assert dialog.roles_editor.rows == []
    assert dialog.roles_editor.empty_label.isVisible()

    # Add role: the new line starts with the person's own community and takes the focus.
    qtbot.mouseClick(dialog.roles_editor.add_button, Qt.MouseButton.LeftButton)
    first = dialog.roles_editor.rows[0]
    assert first.community_combo.currentText() == "锦华一区"
    assert first.community_combo.hasFocus()
    first.role_combo.setCurrentIndex(first.role_combo.findData(SUPERVISOR.value))
    second = dialog.roles_editor.add_row(focus=True)
    second.community_combo.setEditText("晖苑小区")
    second.role_combo.setCurrentIndex(second.role_combo.findData(PUBLICIST.value))
    assert [first.role_combo.itemText(i) for i in range(first.role_combo.count())] == [
        "监督员", "联络员", "宣传员"]
    assert not dialog.roles_editor.empty_label.isVisible()

    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved_volunteer_id is not None
    with db.session() as session:
        saved = get_volunteer(session, dialog.saved_volunteer_id)
    assert saved.is_staff
    assert set(saved.roles) == {RoleInput("锦华一区", SUPERVISOR), RoleInput("晖苑小区", PUBLICIST)}


def test_roles_editor_is_reachable_by_keyboard(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.staff_check.setFocus()
    qtbot.keyClick(dialog.staff_check, Qt.Key.Key_Tab)
    assert dialog.roles_editor.add_button.hasFocus()  # no lines yet: Add role comes next
    qtbot.keyClick(dialog.roles_editor.add_button, Qt.Key.Key_Space)
    row = dialog.roles_editor.rows[0]
    assert row.community_combo.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert row.role_combo.hasFocus()
    qtbot.keyClick(row.role_combo, Qt.Key.Key_Tab)
    assert row.remove_button.hasFocus()
    qtbot.keyClick(row.remove_button, Qt.Key.Key_Tab)
    assert dialog.roles_editor.add_button.hasFocus()
    qtbot.keyClick(dialog.roles_editor.add_button, Qt.Key.Key_Tab)
    assert dialog.active_check.hasFocus()
    # Remove by keyboard: the focus goes back to Add role.
    row.remove_button.setFocus()
    qtbot.keyClick(row.remove_button, Qt.Key.Key_Space)
    assert dialog.roles_editor.rows == []
    assert dialog.roles_editor.add_button.hasFocus()
    # Alt+R adds a line from anywhere in the dialog.
    assert dialog.roles_editor.add_button.shortcut() == QKeySequence("Alt+R")


def test_editing_roles(qtbot: QtBot, db: Database) -> None:
    with db.session() as session:
        person = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区",
            roles=(RoleInput("锦华一区", SUPERVISOR), RoleInput("锦华一区", LIAISON))), "test",
            today=db.clock.today())
    dialog = VolunteerDialog(Operations(db, "clerk"), person)
    qtbot.addWidget(dialog)
    assert not dialog.staff_check.isChecked()
    assert set(dialog.roles_editor.roles()) == {RoleInput("锦华一区", SUPERVISOR),
                                                RoleInput("锦华一区", LIAISON)}
    assert not dialog.is_modified()
    supervisor = next(r for r in dialog.roles_editor.rows if r.role().role is SUPERVISOR)
    supervisor.remove_button.click()
    assert dialog.is_modified()
    remaining = dialog.roles_editor.rows[0]
    remaining.community_combo.setEditText("晖苑小区")
    assert dialog.save()
    with db.session() as session:
        assert get_volunteer(session, person).roles == (RoleInput("晖苑小区", LIAISON),)
    # Removing every role saves a person without roles.
    dialog = VolunteerDialog(Operations(db, "clerk"), person)
    qtbot.addWidget(dialog)
    dialog.roles_editor.rows[0].remove_button.click()
    assert dialog.save()
    with db.session() as session:
        assert get_volunteer(session, person).roles == ()


def test_a_role_without_community_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.name_edit.insert("马桂芝")
    dialog.roles_editor.add_row(RoleInput("锦华一区", SUPERVISOR))
    blank = dialog.roles_editor.add_row()
    assert blank.community_combo.currentText() == ""
    assert not dialog.save()
    assert dialog.saved_volunteer_id is None
    assert dialog.errors["roles"].isVisible()
    assert dialog.errors["roles"].text()
    assert blank.community_combo.property("invalid") is True
    assert dialog.roles_editor.rows[0].community_combo.property("invalid") is not True
    assert blank.community_combo.hasFocus()
    blank.community_combo.setEditText("晖苑小区")
    assert dialog.save()
    assert blank.community_combo.property("invalid") is not True


def test_role_problems_name_their_line() -> None:
    assert role_row_of("roles.1") == 1
    assert role_row_of("roles[2].community") == 2
    assert role_row_of("roles") is None
    assert role_row_of("name") is None


def test_hours_are_shown_read_only(qtbot: QtBot, db: Database, today: date) -> None:
    event_day = today - timedelta(days=30)
    with db.session() as session:
        person = create_volunteer(session, VolunteerInput(name="刘墨林", phone="15209066660"),
                                  "test", today=today)
        type_id = list_event_types(session)[0].id
        event = create_event(session, EventInput(
            event_type_id=type_id, title="送窗花",
            starts_at=datetime.combine(event_day, time(9)),
            volunteers=(ServiceInput(person, 3.5),)), "test")
        record_round(session, event, person, event_day + timedelta(days=1), 2.0, "test",
                     today=today)
    dialog = VolunteerDialog(Operations(db, "clerk"), person)
    qtbot.addWidget(dialog)
    assert dialog.hours_label.text() == "5.5 h (events 3.5 h · delivery rounds 2 h)"
    new = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(new)
    assert new.hours_label.text() == ""
