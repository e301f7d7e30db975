"""The household dialog, member editor and status dialog, driven through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from stdnum.cn import ric

from stationapp.domain.clock import Clock
from stationapp.domain.people import age_on
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
    Sex,
)
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    get_household,
    list_household_ids,
    list_households,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    update_volunteer,
)
from stationapp.ui.form_helpers import ERROR_ROW_BACKGROUND, to_qdate
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.household_members import MemberColumn
from stationapp.ui.household_table_model import CareColumn, Column
from stationapp.ui.households_page import HouseholdsPage, LiaisonDialog
from stationapp.ui.member_editor import MemberEditor
from stationapp.ui.operations import Operations
from stationapp.ui.status_dialog import StatusDialog
from stationapp.ui.visit_dialog import VisitDialog
from stationapp.workflows.opening import open_database
from stationapp.workflows.visits import record_visit

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

BAD_ID = "110105194912310021"  # the check digit should be X


def valid_id(first17: str) -> str:
    """A resident ID number with the right check digit."""
    return first17 + ric.calc_check_digit(first17 + "0")


LI_ID = valid_id("11010519450308002")  # born 1945-03-08, female (002 is even)
WANG_ID = valid_id("37050219400101001")  # born 1940-01-01, male


# ------------------------------------------------------------------ fixtures and helpers


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A fresh, migrated SQLite ledger, disposed after the test (after widgets closed)."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest cannot type Chinese, so those keys are sent by hand)."""
    target = widget
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        line_edit = widget.lineEdit()
        assert line_edit is not None
        target = line_edit
    for char in text:
        if char.isascii():
            qtbot.keyClick(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(target, event)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select everything in a line edit and type ``text`` over it."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def open_dialog(qtbot: QtBot, db: Database, household_id: int | None = None) -> HouseholdDialog:
    """A shown household dialog, closed by pytest-qt at the end of the test."""
    dialog = HouseholdDialog(Operations(db, "clerk"), household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_address(qtbot: QtBot, dialog: HouseholdDialog, phone: str = "13912345678") -> None:
    """Type a complete address and household phone."""
    type_text(qtbot, dialog.community_combo, "锦华一区")
    qtbot.keyClicks(dialog.building_edit, "3")
    qtbot.keyClicks(dialog.unit_edit, "2")
    qtbot.keyClicks(dialog.room_edit, "301")
    qtbot.keyClicks(dialog.phone_edit, phone)


def add_member_with_editor(
    qtbot: QtBot, dialog: HouseholdDialog, name: str, id_number: str = "", phone: str = ""
) -> None:
    """Press Add, fill the member editor and press OK."""
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = dialog.member_editor
    assert editor is not None and editor.isVisible()
    type_text(qtbot, editor.name_edit, name)
    qtbot.keyClicks(editor.id_number_edit, id_number)
    qtbot.keyClicks(editor.phone_edit, phone)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.member_editor is None


def all_ids(db: Database) -> list[int]:
    """Every household on the ledger, whatever its status."""
    with db.session() as session:
        return list_household_ids(session, HouseholdFilter(status=None),
                                  today=db.clock.today())


def saved_household(db: Database) -> int:
    """A household with two members, made through the service."""
    with db.session() as session:
        return create_household(session, HouseholdInput(
            community="东旭小区", building="10", unit="1", room="502", phone="0546-8123456",
            tier=CareTier.WATCH, categories=frozenset({CareCategory.EMPTY_NEST}),
            residents=(
                ResidentInput(name="王建国", id_number=WANG_ID, is_head=True, relation="户主"),
                ResidentInput(name="王小明", relation="子", phone="13800138000"),
            ),
        ), "setup", today=db.clock.today())


# ------------------------------------------------------------------ adding


def test_add_household_through_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.windowTitle() == "New household"
    assert not dialog.status_box.isVisible()
    fill_address(qtbot, dialog)
    qtbot.mouseClick(dialog.category_boxes[CareCategory.LIVING_ALONE], Qt.MouseButton.LeftButton)
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(CareTier.PRIORITY))
    type_text(qtbot, dialog.notes_edit, "女儿在外地")

    add_member_with_editor(qtbot, dialog, "李秀英", LI_ID, "13912345678")
    assert dialog.members_table.rowCount() == 1
    head = dialog.members_table.item(0, MemberColumn.HEAD)
    age = dialog.members_table.item(0, MemberColumn.AGE)
    assert head is not None and head.text()  # the first member is the head
    assert age is not None and age.text()  # age already shown from the ID number

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_household_id is not None
    assert all_ids(db) == [dialog.saved_household_id]
    with db.session() as session:
        detail = get_household(session, dialog.saved_household_id, today=db.clock.today())
    assert (detail.community, detail.building, detail.unit, detail.room) == (
        "锦华一区", "3", "2", "301")
    assert detail.phone == "13912345678"
    assert detail.tier is CareTier.PRIORITY
    assert detail.categories == {CareCategory.LIVING_ALONE}
    assert detail.notes == "女儿在外地"
    assert detail.status is HouseholdStatus.ACTIVE
    (member,) = detail.residents
    assert member.name == "李秀英" and member.is_head
    # Birth date and sex were left empty: the service filled them from the ID number.
    assert member.birth_date == date(1945, 3, 8)
    assert member.sex is Sex.FEMALE
    assert member.phone == "13912345678"


def test_enter_saves_and_ask_nothing(qtbot: QtBot, db: Database, boxes: MessageBoxes) -> None:
    dialog = open_dialog(qtbot, db)
    fill_address(qtbot, dialog)
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID))
    dialog.phone_edit.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)
    assert len(all_ids(db)) == 1
    assert boxes.questions == []


def test_enter_in_members_table_edits_instead_of_saving(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    fill_address(qtbot, dialog)
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID))
    dialog.members_table.setFocus()
    qtbot.keyClick(dialog.members_table, Qt.Key.Key_Return)
    editor = dialog.member_editor
    assert editor is not None
    assert editor.name_edit.text() == "李秀英"
    assert dialog.isVisible() and all_ids(db) == []
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.member_editor is None


# ------------------------------------------------------------------ refusing


def test_bad_id_number_is_refused_inline(qtbot: QtBot, db: Database, boxes: MessageBoxes) -> None:
    dialog = open_dialog(qtbot, db)
    fill_address(qtbot, dialog)
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID))
    dialog.add_member(ResidentInput(name="张大爷", id_number=BAD_ID))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved_household_id is None
    assert dialog.members_error.isVisible()
    message = dialog.members_error.text()
    assert "Member 2" in message and "张大爷" in message and "校验位" in message
    bad = dialog.members_table.item(1, MemberColumn.ID_NUMBER)
    good = dialog.members_table.item(0, MemberColumn.ID_NUMBER)
    assert bad is not None and good is not None
    assert bad.background().color() == ERROR_ROW_BACKGROUND
    assert good.background().color() != ERROR_ROW_BACKGROUND
    assert not any(label.isVisible() for label in dialog.errors.values())
    assert boxes.warnings == []
    assert all_ids(db) == []

    # Opening the member shows the problem under its field; fixing it clears the row.
    dialog.members_table.selectRow(1)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.member_editor
    assert editor is not None
    assert editor.errors["id_number"].isVisible()
    assert "校验位" in editor.errors["id_number"].text()
    replace_text(qtbot, editor.id_number_edit, WANG_ID)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.members_error.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(all_ids(db)) == 1


def test_bad_phone_is_refused_beside_the_phone_field(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    fill_address(qtbot, dialog, phone="12345")
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    label = dialog.errors["phone"]
    assert label.isVisible()
    assert "电话号码" in label.text()
    assert dialog.phone_edit.property("invalid") is True
    assert dialog.focusWidget() is dialog.phone_edit
    # Directly under the phone field, in the same little box.
    assert label.parentWidget() is dialog.phone_edit.parentWidget()
    assert label.geometry().top() >= dialog.phone_edit.geometry().bottom()
    assert not dialog.errors["community"].isVisible()
    assert dialog.isVisible() and all_ids(db) == []

    replace_text(qtbot, dialog.phone_edit, "0546-8123456")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(all_ids(db)) == 1


def test_every_problem_is_shown_at_once(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    qtbot.keyClicks(dialog.phone_edit, "12345")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    for name in ("community", "building", "phone"):
        assert dialog.errors[name].isVisible(), name
    assert dialog.members_error.isVisible()  # no member at all
    assert dialog.focusWidget() in (dialog.community_combo, dialog.community_combo.lineEdit())
    assert all_ids(db) == []


# ------------------------------------------------------------------ editing


def test_editing_an_existing_household_saves(qtbot: QtBot, db: Database) -> None:
    household_id = saved_household(db)
    with db.session() as session:
        before = get_household(session, household_id, today=db.clock.today())
    dialog = open_dialog(qtbot, db, household_id)
    assert dialog.community_combo.currentText() == "东旭小区"
    assert dialog.members_table.rowCount() == 2
    assert dialog.status_box.isVisible() and not dialog.status_banner.isVisible()
    assert not dialog.is_modified()

    replace_text(qtbot, dialog.room_edit, "602")
    qtbot.mouseClick(dialog.category_boxes[CareCategory.LIVING_ALONE], Qt.MouseButton.LeftButton)
    dialog.members_table.selectRow(1)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.member_editor
    assert editor is not None and editor.name_edit.text() == "王小明"
    replace_text(qtbot, editor.phone_edit, "13900139000")
    type_text(qtbot, editor.mobility_edit, "腿脚不便")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.is_modified()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.saved_household_id == household_id
    with db.session() as session:
        after = get_household(session, household_id, today=db.clock.today())
    assert after.room == "602"
    assert after.categories == {CareCategory.EMPTY_NEST, CareCategory.LIVING_ALONE}
    son = next(r for r in after.residents if r.name == "王小明")
    assert son.phone == "13900139000" and son.mobility_notes == "腿脚不便"
    assert son.id == next(r.id for r in before.residents if r.name == "王小明")
    assert after.version > before.version


def test_removed_member_is_kept_as_moved_away(qtbot: QtBot, db: Database) -> None:
    household_id = saved_household(db)
    dialog = open_dialog(qtbot, db, household_id)
    dialog.members_table.selectRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    # Still listed, greyed, as leaving; it can no longer be edited.
    assert dialog.members() == tuple(m for m in dialog.members() if m.name == "王建国")
    assert dialog.members_table.rowCount() == 2
    status = dialog.members_table.item(1, MemberColumn.STATUS)
    assert status is not None and ResidentStatus.MOVED_AWAY.label in status.text()
    dialog.members_table.selectRow(1)
    assert not dialog.edit_button.isEnabled()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    son = next(r for r in detail.residents if r.name == "王小明")
    assert son.status is ResidentStatus.MOVED_AWAY

    reopened = open_dialog(qtbot, db, household_id)
    assert reopened.members_table.rowCount() == 2
    assert [m.name for m in reopened.members()] == ["王建国"]


def test_cancel_asks_only_when_something_changed(
    qtbot: QtBot, db: Database, boxes: MessageBoxes
) -> None:
    household_id = saved_household(db)
    untouched = open_dialog(qtbot, db, household_id)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and boxes.questions == []
    assert untouched.result() == QDialog.DialogCode.Rejected

    changed = open_dialog(qtbot, db, household_id)
    type_text(qtbot, changed.notes_edit, "x")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(changed.cancel_button, Qt.MouseButton.LeftButton)
    assert changed.isVisible() and len(boxes.questions) == 1
    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(changed, Qt.Key.Key_Escape)
    assert not changed.isVisible() and len(boxes.questions) == 2
    with db.session() as session:
        assert get_household(session, household_id, today=db.clock.today()).notes == ""


def test_conflict_when_two_desks_save_the_same_household(
    qtbot: QtBot, db: Database, boxes: MessageBoxes
) -> None:
    household_id = saved_household(db)
    first = open_dialog(qtbot, db, household_id)
    second = open_dialog(qtbot, db, household_id)

    replace_text(qtbot, first.phone_edit, "13700137000")
    with qtbot.waitSignal(first.accepted):
        qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)

    type_text(qtbot, second.notes_edit, "第二个窗口")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)

    assert len(boxes.warnings) == 1
    assert "someone else changed" in boxes.warnings[0].lower()
    assert "open" in boxes.warnings[0].lower()
    assert second.isVisible() and second.saved_household_id is None
    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    assert detail.phone == "13700137000" and detail.notes == ""


# ------------------------------------------------------------------ status


def test_status_change_is_recorded_in_history(qtbot: QtBot, db: Database, today: date) -> None:
    household_id = saved_household(db)
    dialog = open_dialog(qtbot, db, household_id)
    assert dialog.history_table.rowCount() == 0

    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    status = dialog.status_dialog
    assert status is not None and status.isVisible()
    status.set_status(HouseholdStatus.MOVED_AWAY)
    assert status.date_edit.date().toPython() == today
    assert status.date_edit.maximumDate().toPython() == today  # not after today

    # 迁出 without a reason is refused under the reason field.
    qtbot.mouseClick(status.ok_button, Qt.MouseButton.LeftButton)
    assert status.isVisible()
    assert status.errors["reason"].isVisible() and status.errors["reason"].text()
    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    assert detail.status is HouseholdStatus.ACTIVE

    type_text(qtbot, status.reason_edit, "随子女迁往外地")
    qtbot.mouseClick(status.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.status_dialog is None

    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    assert detail.status is HouseholdStatus.MOVED_AWAY
    (change,) = detail.history
    assert (change.status, change.reason, change.actor, change.effective_date) == (
        HouseholdStatus.MOVED_AWAY, "随子女迁往外地", "clerk", today)

    assert dialog.history_table.rowCount() == 1
    cells = [dialog.history_table.item(0, c) for c in range(4)]
    assert [c.text() if c else "" for c in cells] == [
        today.isoformat(), HouseholdStatus.MOVED_AWAY.label, "随子女迁往外地", "clerk"]
    assert dialog.status_banner.isVisible()
    assert HouseholdStatus.MOVED_AWAY.label in dialog.status_banner.text()
    assert HouseholdStatus.MOVED_AWAY.label in dialog.windowTitle()

    # The change is saved already: closing reports it so the caller refreshes, and a later
    # save in the same dialog does not conflict with our own status change.
    type_text(qtbot, dialog.notes_edit, "已迁往外地")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert get_household(session, household_id, today=db.clock.today()).notes == "已迁往外地"


def test_status_change_closed_with_cancel_still_reports_it(
    qtbot: QtBot, db: Database, boxes: MessageBoxes
) -> None:
    household_id = saved_household(db)
    dialog = open_dialog(qtbot, db, household_id)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    status = dialog.status_dialog
    assert status is not None
    status.set_status(HouseholdStatus.CLOSED)
    type_text(qtbot, status.reason_edit, "户主去世")
    qtbot.keyClick(status.reason_edit, Qt.Key.Key_Return)
    assert dialog.status_dialog is None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert boxes.questions == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_household_id == household_id


def test_status_change_waits_for_unsaved_edits(
    qtbot: QtBot, db: Database, boxes: MessageBoxes
) -> None:
    household_id = saved_household(db)
    dialog = open_dialog(qtbot, db, household_id)
    type_text(qtbot, dialog.notes_edit, "x")
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert dialog.status_dialog is None
    assert len(boxes.information) == 1


def test_status_dialog_reports_a_conflict(qtbot: QtBot, db: Database, boxes: MessageBoxes) -> None:
    household_id = saved_household(db)
    with db.session() as session:
        version = get_household(session, household_id, today=db.clock.today()).version
    other = open_dialog(qtbot, db, household_id)
    replace_text(qtbot, other.room_edit, "503")
    with qtbot.waitSignal(other.accepted):
        qtbot.mouseClick(other.save_button, Qt.MouseButton.LeftButton)

    status = StatusDialog(Operations(db, "clerk"), household_id, HouseholdStatus.ACTIVE, version)
    qtbot.addWidget(status)
    status.show()
    status.set_status(HouseholdStatus.MOVED_AWAY)
    type_text(qtbot, status.reason_edit, "搬走")
    qtbot.mouseClick(status.ok_button, Qt.MouseButton.LeftButton)
    assert len(boxes.warnings) == 1 and "someone else" in boxes.warnings[0].lower()
    assert status.result() == QDialog.DialogCode.Rejected
    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    assert detail.status is HouseholdStatus.ACTIVE


# ------------------------------------------------------------------ the member editor alone


def test_member_editor_gives_back_what_was_typed(qtbot: QtBot, clock: Clock) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    type_text(qtbot, editor.name_edit, "赵淑芬")
    editor.sex_combo.setCurrentIndex(editor.sex_combo.findData(Sex.FEMALE))
    qtbot.keyClicks(editor.birth_edit, "1938-11-02")
    qtbot.keyClicks(editor.phone_edit, "0546-8123456")
    type_text(qtbot, editor.relation_combo, "配偶")
    type_text(qtbot, editor.mobility_edit, "坐轮椅")
    with qtbot.waitSignal(editor.accepted):
        qtbot.keyClick(editor.phone_edit, Qt.Key.Key_Return)
    member = editor.value()
    assert member == ResidentInput(
        name="赵淑芬", sex=Sex.FEMALE, birth_date=date(1938, 11, 2), phone="0546-8123456",
        relation="配偶", mobility_notes="坐轮椅",
    )


def test_member_editor_refuses_bad_input_inline(qtbot: QtBot, clock: Clock) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.id_number_edit, BAD_ID)
    assert "校验位" in editor.hint_label.text()  # said while typing, before OK
    qtbot.keyClicks(editor.birth_edit, "1949-13-40")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert editor.errors["name"].isVisible()
    assert editor.errors["id_number"].isVisible()
    assert "校验位" in editor.errors["id_number"].text()
    assert "YYYY-MM-DD" in editor.errors["birth_date"].text()
    assert not editor.hint_label.isVisible()  # not said twice
    # Correcting the number clears its message at once.
    qtbot.keyClick(editor.id_number_edit, Qt.Key.Key_Backspace)
    assert not editor.errors["id_number"].isVisible()


def test_member_editor_keeps_id_and_status_and_marks_head(
    qtbot: QtBot, clock: Clock, today: date
) -> None:
    member = ResidentInput(id=7, name="王建国", id_number=WANG_ID, relation="")
    editor = MemberEditor(clock, member)
    qtbot.addWidget(editor)
    editor.show()
    age = age_on(date(1940, 1, 1), today)
    assert f"born 1940-01-01 (age {age})" in editor.hint_label.text()  # age on the clock's day
    qtbot.mouseClick(editor.head_check, Qt.MouseButton.LeftButton)
    assert editor.relation_combo.currentText() == "户主"
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    value = editor.value()
    assert value.id == 7 and value.is_head and value.relation == "户主"
    assert value.birth_date is None and value.sex is None  # left to the service


def test_enter_in_the_community_box_saves_too(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    fill_address(qtbot, dialog)
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID))
    line_edit = dialog.community_combo.lineEdit()
    assert line_edit is not None
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert len(all_ids(db)) == 1
    assert dialog.community_combo.count() == 0  # Enter did not add to the list either


def test_keyboard_order_and_buddies(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    chain = [dialog.building_edit, dialog.unit_edit, dialog.room_edit, dialog.phone_edit,
             dialog.registered_edit]
    for first, second in pairwise(chain):
        assert first.nextInFocusChain() is second
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for widget in (dialog.community_combo, *chain, dialog.tier_combo, dialog.notes_edit):
        assert widget in buddies
    assert dialog.save_button.isDefault()


# ------------------------------------------------------------------ registration date (登记日期)


def test_a_new_household_is_registered_today_and_a_chosen_day_is_kept(
    qtbot: QtBot, db: Database, today: date
) -> None:
    dialog = open_dialog(qtbot, db)
    edit = dialog.registered_edit
    assert edit.calendarPopup()
    assert edit.date().toPython() == today  # a new household: today, from the clock
    assert edit.maximumDate().toPython() == today
    assert not dialog.is_modified()  # the default day alone is no change
    edit.setDate(to_qdate(today + timedelta(days=1)))
    assert edit.date().toPython() == today  # a day after today cannot be chosen

    fill_address(qtbot, dialog)
    dialog.add_member(ResidentInput(name="李秀英", id_number=LI_ID, is_head=True))
    earlier = today - timedelta(days=400)
    edit.setDate(to_qdate(earlier))
    assert dialog.current_input().registered_on == earlier
    assert dialog.save()
    household_id = dialog.saved_household_id
    assert household_id is not None
    with db.session() as session:
        assert get_household(session, household_id, today=today).registered_on == earlier

    again = open_dialog(qtbot, db, household_id)
    assert again.registered_edit.date().toPython() == earlier  # the stored day, not today
    assert not again.is_modified()
    corrected = earlier + timedelta(days=3)
    again.registered_edit.setDate(to_qdate(corrected))
    assert again.is_modified()
    assert again.save()
    with db.session() as session:
        assert get_household(session, household_id, today=today).registered_on == corrected


def test_a_registration_day_after_today_is_refused_under_the_field(
    qtbot: QtBot, db: Database, today: date
) -> None:
    household_id = saved_household(db)
    dialog = open_dialog(qtbot, db, household_id)
    assert dialog.registered_edit.date().toPython() == today  # registered through the service
    # Only a clock set back could offer a later day; the save refuses it all the same.
    tomorrow = today + timedelta(days=1)
    dialog.registered_edit.setMaximumDate(to_qdate(tomorrow))
    dialog.registered_edit.setDate(to_qdate(tomorrow))
    assert not dialog.save()
    assert dialog.isVisible() and dialog.saved_household_id is None
    assert dialog.errors["registered_on"].isVisible()
    assert "登记日期" in dialog.errors["registered_on"].text()
    assert dialog.registered_edit.property("invalid") is True
    with db.session() as session:
        assert get_household(session, household_id, today=today).registered_on == today


def test_the_registration_date_is_labelled_beside_the_phone(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    label = next(label for label in dialog.findChildren(QLabel)
                 if label.buddy() is dialog.registered_edit)
    assert label.text() == "Re&gistered:"
    assert label.isVisible() and dialog.registered_edit.isVisible()
    phone = dialog.phone_edit.mapTo(dialog, dialog.phone_edit.rect().center())
    day = dialog.registered_edit.mapTo(dialog, dialog.registered_edit.rect().center())
    assert abs(phone.y() - day.y()) <= 2 and day.x() > phone.x()  # same row, to the right


# ------------------------------------------------------------------ liaison and visits


def people(db: Database) -> tuple[int, int]:
    """王芳 (staff) and 李玉珍 (volunteer)."""
    with db.session() as session:
        staff = create_volunteer(session, VolunteerInput(
            name="王芳", phone="13805460001", is_staff=True), "setup", today=db.clock.today())
        volunteer = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141"), "setup", today=db.clock.today())
    return staff, volunteer


def test_liaison_is_chosen_and_saved_with_the_household(
    qtbot: QtBot, db: Database, today: date
) -> None:
    household_id = saved_household(db)
    staff, _volunteer = people(db)
    dialog = open_dialog(qtbot, db, household_id)
    assert dialog.liaison_picker.person_id() is None
    assert dialog.visits_label.isVisible()
    assert dialog.visits_label.text() == f"Last visit never · next due {today}"
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert dialog.liaison_picker in buddies
    dialog.activateWindow()
    dialog.tier_combo.setFocus()
    qtbot.waitUntil(dialog.tier_combo.hasFocus)
    qtbot.keyClick(dialog.tier_combo, Qt.Key.Key_Tab)
    assert dialog.liaison_picker.hasFocus()
    dialog.liaison_picker.set_person_id(staff)
    assert dialog.is_modified()
    assert dialog.save()
    with db.session() as session:
        detail = get_household(session, household_id, today=db.clock.today())
    assert (detail.liaison_id, detail.liaison) == (staff, "王芳")
    again = open_dialog(qtbot, db, household_id)
    assert again.liaison_picker.person_id() == staff
    assert again.liaison_picker.currentText() == "王芳 (staff)"


def test_visit_line_shows_last_visit_and_overdue_due_date(
    qtbot: QtBot, db: Database, today: date
) -> None:
    household_id = saved_household(db)  # 关注: every 30 days
    with db.session() as session:
        record_visit(session, VisitInput(household_id, today - timedelta(days=32)), "setup",
                     today=today)
    dialog = open_dialog(qtbot, db, household_id)
    last, due = today - timedelta(days=32), today - timedelta(days=2)
    assert dialog.visits_label.text() == (
        f"Last visit {last} · next due {due} (2 day(s) overdue)")
    assert "color" in dialog.visits_label.styleSheet()
    new = open_dialog(qtbot, db)
    assert not new.visits_label.isVisible()


def test_a_liaison_no_longer_serving_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    household_id = saved_household(db)
    _staff, volunteer = people(db)
    with db.session() as session:
        info = get_volunteer(session, volunteer)
        update_volunteer(session, volunteer, replace(info.as_input(), active=False), "setup",
                         today=db.clock.today())
    dialog = open_dialog(qtbot, db, household_id)
    dialog.liaison_picker.set_person_id(volunteer)
    assert not dialog.save()
    assert dialog.errors["liaison"].isVisible()
    assert "李玉珍" in dialog.errors["liaison"].text()
    assert dialog.liaison_picker.property("invalid") is True


def _page(qtbot: QtBot, ledger: Database) -> HouseholdsPage:
    page = HouseholdsPage(Operations(ledger, "clerk"))
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


def _heads(page: HouseholdsPage) -> list[str]:
    return [page.model.index(r, Column.HEAD).data() for r in range(page.model.rowCount())]


def test_households_page_filters_by_liaison(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    staff, _volunteer = people(ledger)
    with ledger.session() as session:
        ids = {row.head: row.id
               for row in list_households(session, HouseholdFilter(), today=today)}
        assign_liaison(session, [ids["李大爷"], ids["冯阿姨"]], staff, "setup")
    page = _page(qtbot, ledger)
    page.liaison.ensure_loaded()  # as when the list opens or the box gets the focus
    texts = [page.liaison.itemText(i) for i in range(page.liaison.count())]
    assert texts == ["All liaisons", "No liaison", "王芳 (staff)", "李玉珍"]
    with qtbot.waitSignal(page.count_changed):
        page.liaison.set_person_id(staff)
    assert sorted(_heads(page)) == sorted(["李大爷", "冯阿姨"])
    assert page.model.household_filter.liaison_id == staff
    row = page.model.row_of(ids["冯阿姨"])
    assert row is not None
    assert page.model.index(row, CareColumn.LIAISON).data() == "王芳"
    with qtbot.waitSignal(page.count_changed):  # read off the GUI thread
        page.liaison.set_key("no_liaison")
    assert sorted(_heads(page)) == sorted(["单秀英", "张桂兰"])
    assert page.model.household_filter.without_liaison
    with qtbot.waitSignal(page.count_changed):
        page.liaison.set_person_id(None)
    assert len(_heads(page)) == 4


def test_assign_a_liaison_to_two_selected_households(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, today: date
) -> None:
    _staff, volunteer = people(ledger)
    page = _page(qtbot, ledger)
    messages: list[str] = []
    page.message.connect(messages.append)
    assert not page.assign_button.isEnabled()
    first = _heads(page).index("单秀英")
    second = _heads(page).index("张桂兰")
    table = page.table
    for row, modifier in ((first, Qt.KeyboardModifier.NoModifier),
                          (second, Qt.KeyboardModifier.ControlModifier)):
        rect = table.visualRect(page.model.index(row, Column.HEAD))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    wanted = sorted([page.model.household_id(first), page.model.household_id(second)])
    assert sorted(page.selected_household_ids()) == wanted
    assert page.assign_button.isEnabled()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LiaisonDialog)
        try:
            dialog.picker.set_person_id(volunteer)
            qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, choose)
    page.assign_button.click()
    assert messages == ["李玉珍 is now liaison of 2 more household(s)."]
    assert sorted(page.selected_household_ids()) == wanted
    with ledger.session() as session:
        liaisons = {row.head: row.liaison
                    for row in list_households(session, HouseholdFilter(), today=today)}
    assert liaisons == {"李大爷": "", "单秀英": "李玉珍", "张桂兰": "李玉珍", "冯阿姨": ""}
    for household_id in wanted:
        row = page.model.row_of(household_id)
        assert row is not None
        assert page.model.index(row, CareColumn.LIAISON).data() == "李玉珍"
    # Removing the liaison again, and a refusal shown in a box.
    assert page.assign_liaison(wanted, None) == 2
    assert messages[-1] == "Liaison removed from 2 household(s)."
    assert page.assign_liaison(wanted, 999) is None
    assert boxes.warnings and boxes.warnings[0].startswith("Liaison not assigned")


def test_record_visit_from_the_households_page(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    page = _page(qtbot, ledger)
    messages: list[str] = []
    page.message.connect(messages.append)
    row = _heads(page).index("张桂兰")
    household_id = page.model.household_id(row)
    assert household_id is not None
    page.select_household(household_id)
    assert page.visit_button.isEnabled()

    def record() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VisitDialog)
        try:
            assert "张桂兰" in dialog.household_label.text()
            assert dialog.save()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, record)
    page.visit_button.click()
    assert messages == ["Visit recorded."]
    assert page.current_household_id() == household_id
    due = page.model.index(page.model.row_of(household_id) or 0, CareColumn.NEXT_VISIT).data()
    assert due == (today + timedelta(days=90)).isoformat()  # 一般: every 90 days
