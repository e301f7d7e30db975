"""The request dialog (诉求) and its step forms, through real widgets.

The flow the station follows: a request is taken in for a household picked by typing the
head's pinyin initials, dispatched (派单), worked on, resolved (办结, refused without saying
what was done), called back (回访) with the resident's verdict; every step is kept in the
history and only the steps the status allows are offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from stationapp.domain.care_vocab import RequestStatus, Satisfaction
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_household_ids
from stationapp.services.requests import (
    RequestFilter,
    RequestInput,
    advance_request,
    create_request,
    get_request,
    list_requests,
)
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.household_picker import HouseholdPicker
from stationapp.ui.operations import Operations
from stationapp.ui.request_dialog import RequestDialog
from stationapp.ui.request_step_dialog import Action, RequestStepDialog

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

WAIT_MS = 3000
D = TypeVar("D", bound=QDialog)

# The offscreen platform can neither raise a completer's popup nor let it grab the keyboard.
POPUP_WARNINGS = "This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


@dataclass(frozen=True)
class Desk:
    """The shared ledger of four households and two people who take on requests."""

    database: Database
    li_daye: int
    shan: int
    wang: int
    zhao: int


@pytest.fixture
def desk(ledger: Database, today: date) -> Iterator[Desk]:
    """:func:`ledger` plus a staff member (王师傅) and a volunteer (赵志强)."""
    with ledger.session() as session:
        li_daye = list_household_ids(session, HouseholdFilter(search="ldy"), today=today)[0]
        shan = list_household_ids(session, HouseholdFilter(search="sxy"), today=today)[0]
        wang = create_volunteer(session, VolunteerInput(
            name="王师傅", phone="13905469999", is_staff=True), "test", today=today)
        zhao = create_volunteer(session, VolunteerInput(
            name="赵志强", phone="13905468888", community="晖苑小区"), "test", today=today)
    yield Desk(ledger, li_daye, shan, wang, zhao)


def in_modal(kind: type[D], act: Callable[[D], None]) -> list[BaseException]:
    """Run ``act`` on the next modal dialog of type ``kind`` once it is open and active.

    Returns the list where a failure inside ``act`` is put (the dialog is then closed, so
    that a failing test never hangs in a modal loop).
    """
    failures: list[BaseException] = []
    tries = [0]

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isActiveWindow():
            tries[0] += 1
            if tries[0] < 300:
                QTimer.singleShot(10, run)
            return
        try:
            act(dialog)
        except BaseException as exc:
            failures.append(exc)
            dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, run)
    return failures


def step(qtbot: QtBot, dialog: RequestDialog, action: str,
         act: Callable[[RequestStepDialog], None]) -> None:
    """Click the step button ``action`` of ``dialog`` and fill its form with ``act``."""
    failures = in_modal(RequestStepDialog, act)
    button = dialog.action_buttons[action]
    assert not button.isHidden() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if failures:
        raise failures[0]


def history(dialog: RequestDialog) -> list[tuple[str, str, str]]:
    """The history table: (step, by, note) per row."""
    table = dialog.history_table
    rows = []
    for row in range(table.rowCount()):
        step_text, by, note = (table.item(row, c).text() for c in (1, 2, 3))
        rows.append((step_text, by, note))
    return rows


def pick_by_typing(qtbot: QtBot, picker: HouseholdPicker, text: str) -> None:
    """Type ``text`` into the picker, wait for the popup and take its first entry."""
    picker.setFocus()
    qtbot.keyClicks(picker, text)
    popup = picker.picker.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_household_picker_finds_by_initials_address_and_phone(
    qtbot: QtBot, desk: Desk
) -> None:
    picker = HouseholdPicker(Operations(desk.database))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    with qtbot.waitSignal(picker.household_changed) as chosen:
        pick_by_typing(qtbot, picker, "ldy")
    assert chosen.args == [desk.li_daye]
    assert picker.household_id() == desk.li_daye
    assert picker.text() == "晖苑小区3号楼1单元301室 · 李大爷"
    # Typing again forgets the choice until another household is picked.
    with qtbot.waitSignal(picker.household_changed) as forgotten:
        qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert forgotten.args == [None]
    assert picker.household_id() is None
    # An address or the end of a phone number finds a household too.
    assert [r.head for r in picker.search("锦华 502")] == ["单秀英"]
    assert [r.head for r in picker.search("5432")] == ["单秀英"]
    assert picker.search("   ") == []
    # Enter right after typing (before the popup) takes the first match.
    picker.clear()
    qtbot.keyClicks(picker, "fay")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.household() is not None and picker.household().head == "冯阿姨"
    picker.set_household_id(desk.shan)
    assert picker.text().endswith("单秀英")
    picker.set_fixed(True)
    assert picker.isReadOnly()


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_request_followed_from_intake_to_call_back(
    qtbot: QtBot, desk: Desk, boxes: MessageBoxes
) -> None:
    db = desk.database
    dialog = RequestDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert dialog.windowTitle() == "New request"
    assert not dialog.progress_box.isVisible()

    pick_by_typing(qtbot, dialog.household_picker, "ldy")
    assert dialog.household_picker.household_id() == desk.li_daye
    assert dialog.isVisible()  # Enter in the popup picks, it does not save
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("供暖"))
    # Saved without a description: refused under the field, nothing written.
    qtbot.keyClick(dialog.reporter_edit, Qt.Key.Key_Return)
    assert dialog.saved_request_id is None
    assert dialog.errors["description"].isVisible()
    assert dialog.errors["description"].text() == "请填写诉求内容"
    assert dialog.description_edit.property("invalid") is True
    assert dialog.description_edit.hasFocus()
    dialog.description_edit.insertPlainText("卧室暖气片不热")
    dialog.reporter_edit.insert("女儿")
    qtbot.keyClick(dialog.reporter_edit, Qt.Key.Key_Return)  # Enter saves
    request_id = dialog.saved_request_id
    assert request_id is not None
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        created = get_request(session, request_id, now=db.clock.now())
    assert (created.household_id, created.category, created.description, created.channel,
            created.reporter, created.status) == (
        desk.li_daye, "供暖", "卧室暖气片不热", "电话", "女儿", RequestStatus.RECEIVED)

    # Open it: 受理, with dispatch, start and resolve offered.
    dialog = RequestDialog(Operations(db, "clerk"), request_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert dialog.status_label.text() == "受理"
    assert dialog.days_label.text().startswith("Open for 0 day")
    assert dialog.household_picker.isReadOnly()
    assert not dialog.assignee_picker.isEnabled()
    assert dialog.allowed_actions() == [Action.DISPATCH, Action.START, Action.RESOLVE]
    assert dialog.action_buttons[Action.CALL_BACK].isHidden()
    assert dialog.action_buttons[Action.REOPEN].isHidden()
    assert history(dialog) == [("受理", "clerk", "")]

    # 派单: refused with nobody chosen, then given to 王师傅.
    def dispatch(form: RequestStepDialog) -> None:
        assert form.assignee_picker is not None
        assert form.resolution_edit is None and form.satisfaction_combo is None
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
        assert form.isVisible()
        assert form.errors["assignee"].text() == "派单请选择负责人"
        assert form.assignee_picker.property("invalid") is True
        form.assignee_picker.set_person_id(desk.wang)
        form.note_edit.insert("上午去")
        qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)

    step(qtbot, dialog, Action.DISPATCH, dispatch)
    assert dialog.changed
    assert dialog.status_label.text() == "派单"
    assert "王师傅" in dialog.days_label.text()
    assert dialog.assignee_picker.person_id() == desk.wang
    assert dialog.allowed_actions() == [Action.DISPATCH, Action.START, Action.RESOLVE]
    assert dialog.action_buttons[Action.DISPATCH].text() == "Reassi&gn…"
    assert history(dialog)[-1] == ("受理 → 派单", "clerk", "派给王师傅：上午去")

    # 开始处理
    step(qtbot, dialog, Action.START, lambda form: form.accept())
    assert dialog.status_label.text() == "处理中"
    assert dialog.allowed_actions() == [Action.DISPATCH, Action.RESOLVE]

    # 办结: refused without saying what was done (inline), then with it.
    def resolve(form: RequestStepDialog) -> None:
        assert form.resolution_edit is not None
        assert not form.save()
        assert form.errors["resolution"].isVisible()
        assert "办结情况" in form.errors["resolution"].text()
        assert form.resolution_edit.property("invalid") is True
        assert form.resolution_edit.hasFocus()
        form.resolution_edit.insertPlainText("打开了关着的阀门，暖气热了")
        assert form.save()

    step(qtbot, dialog, Action.RESOLVE, resolve)
    assert dialog.status_label.text() == "已办结"
    assert dialog.allowed_actions() == [Action.CALL_BACK, Action.REOPEN]
    assert "打开了关着的阀门" in dialog.resolution_label.text()
    assert dialog.days_label.text().startswith("Took 0 day")

    # 回访: refused without the resident's verdict, then 满意 with a note.
    def call_back(form: RequestStepDialog) -> None:
        assert form.satisfaction_combo is not None
        assert not form.save()
        assert form.errors["satisfaction"].isVisible()
        form.satisfaction_combo.setCurrentIndex(
            form.satisfaction_combo.findData(Satisfaction.SATISFIED))
        form.note_edit.insert("屋里暖和了")
        assert form.save()

    step(qtbot, dialog, Action.CALL_BACK, call_back)
    assert dialog.status_label.text() == "已回访"
    assert dialog.allowed_actions() == []
    assert not dialog.final_label.isHidden()
    assert dialog.callback_label.text() == "Call-back: 满意 — 屋里暖和了"
    assert history(dialog) == [
        ("受理", "clerk", ""),
        ("受理 → 派单", "clerk", "派给王师傅：上午去"),
        ("派单 → 处理中", "clerk", ""),
        ("处理中 → 已办结", "clerk", "打开了关着的阀门，暖气热了"),
        ("已办结 → 已回访", "clerk", "满意：屋里暖和了"),
    ]
    with db.session() as session:
        done = get_request(session, request_id, now=db.clock.now())
    assert (done.status, done.satisfaction, done.callback_note, done.assignee_id) == (
        RequestStatus.CONFIRMED, Satisfaction.SATISFIED, "屋里暖和了", desk.wang)
    # Nothing typed into the request itself: closing does not ask.
    dialog.reject()
    assert boxes.questions == []
    assert boxes.warnings == []


def test_a_call_back_can_send_the_request_back_to_work(qtbot: QtBot, desk: Desk) -> None:
    db = desk.database
    with db.session() as session:
        request_id = create_request(session, RequestInput(
            household_id=desk.shan, category="水电", description="厨房下水道堵了",
            assignee_id=desk.zhao), "test", now=db.clock.now())
        advance_request(session, request_id, RequestStatus.RESOLVED, "test",
                        resolution="疏通了下水道", now=db.clock.now())
    dialog = RequestDialog(Operations(db, "clerk"), request_id)
    qtbot.addWidget(dialog)
    assert dialog.allowed_actions() == [Action.CALL_BACK, Action.REOPEN]

    def reopen(form: RequestStepDialog) -> None:
        assert form.windowTitle() == f"Send request No. {request_id} back to work"
        assert not form.save()  # a reason is required
        assert form.errors["note"].isVisible()
        assert form.note_edit.property("invalid") is True
        form.note_edit.setText("回访时还是堵")
        assert form.save()

    step(qtbot, dialog, Action.REOPEN, reopen)
    assert dialog.status_label.text() == "处理中"
    assert history(dialog)[-1] == ("已办结 → 处理中", "clerk", "回访时还是堵")
    assert dialog.allowed_actions() == [Action.DISPATCH, Action.RESOLVE]
    assert not dialog.resolution_label.isHidden()  # the earlier resolution stays on record


def test_overdue_request_shows_in_red(qtbot: QtBot, desk: Desk) -> None:
    now = desk.database.clock.now()
    with desk.database.session() as session:
        request_id = create_request(session, RequestInput(
            household_id=desk.li_daye, category="房屋", description="屋顶渗水",
            received_at=now - timedelta(days=12)), "test", now=now)
    dialog = RequestDialog(Operations(desk.database, "clerk"), request_id)
    qtbot.addWidget(dialog)
    assert dialog.days_label.text() == "Open for 12 day(s) · overdue"
    assert "#b3261e" in dialog.status_label.styleSheet()
    assert dialog.status_label.toolTip()


def test_a_step_taken_at_another_desk_meanwhile_is_a_conflict(
    qtbot: QtBot, desk: Desk, boxes: MessageBoxes
) -> None:
    db = desk.database
    with db.session() as session:
        request_id = create_request(session, RequestInput(
            household_id=desk.li_daye, category="供暖", description="暖气不热"), "test",
            now=db.clock.now())
    dialog = RequestDialog(Operations(db, "clerk"), request_id)
    qtbot.addWidget(dialog)
    with db.session() as session:
        advance_request(session, request_id, RequestStatus.ASSIGNED, "other desk",
                        assignee_id=desk.zhao, now=db.clock.now())

    step(qtbot, dialog, Action.START, lambda form: form.accept())
    assert len(boxes.warnings) == 1
    assert boxes.warnings[0].startswith("Changed by someone else")
    # The request was read again: the other desk's step is shown, nothing else recorded.
    assert dialog.status_label.text() == "派单"
    assert history(dialog)[-1] == ("受理 → 派单", "other desk", "派给赵志强")
    with db.session() as session:
        detail = get_request(session, request_id, now=db.clock.now())
    assert detail.status is RequestStatus.ASSIGNED


def test_corrections_are_saved_and_a_new_request_for_a_household(
    qtbot: QtBot, desk: Desk, boxes: MessageBoxes
) -> None:
    db = desk.database
    dialog = RequestDialog(Operations(db, "clerk"), None, household_id=desk.shan)
    qtbot.addWidget(dialog)
    assert dialog.household_picker.isReadOnly()
    assert dialog.household_picker.household_id() == desk.shan
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("燃气"))
    dialog.channel_combo.setCurrentText("走访发现")
    dialog.description_edit.setPlainText("燃气灶打不着火")
    dialog.assignee_picker.set_person_id(desk.zhao)  # dispatched at once
    assert dialog.save()
    request_id = dialog.saved_request_id
    assert request_id is not None
    with db.session() as session:
        rows = list_requests(session, RequestFilter(household_id=desk.shan),
                             now=db.clock.now())
    assert [(r.id, r.status, r.assignee, r.channel) for r in rows] == [
        (request_id, RequestStatus.ASSIGNED, "赵志强", "走访发现")]

    dialog = RequestDialog(Operations(db, "clerk"), request_id)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert boxes.questions == []
    dialog.description_edit.setPlainText("燃气灶打不着火，有点气味")
    assert dialog.is_modified()
    dialog.reject()
    assert len(boxes.questions) == 1
    # A step with unsaved corrections saves them first.
    step(qtbot, dialog, Action.START, lambda form: form.accept())
    assert not dialog.is_modified()
    with db.session() as session:
        saved = get_request(session, request_id, now=db.clock.now())
    assert saved.description == "燃气灶打不着火，有点气味"
    assert saved.status is RequestStatus.IN_PROGRESS
    dialog.reporter_edit.setText("邻居")
    assert dialog.save()
    with db.session() as session:
        assert get_request(session, request_id, now=db.clock.now()).reporter == "邻居"
