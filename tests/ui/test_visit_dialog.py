"""The visit dialog and the person picker, driven through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.clock import Clock
from stationapp.domain.errors import NotFoundError
from stationapp.domain.vocab import CareTier
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household
from stationapp.services.requests import get_request
from stationapp.services.visit_reminders import list_reminders
from stationapp.services.visits import (
    FindingInput,
    FollowUpRequest,
    VisitFilter,
    VisitInput,
    get_visit,
    list_visits,
)
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui import visit_dialog
from stationapp.ui.operations import Operations
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.visit_dialog import VisitDialog, concerns_summary
from stationapp.workflows.opening import open_database
from stationapp.workflows.visits import record_visit

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py



@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


@dataclass(frozen=True)
class Station:
    """A ledger with one household and three people (one staff, one no longer serving)."""

    db: Database
    household: int
    staff: int
    volunteer: int
    former: int


@pytest.fixture
def station(sqlite_url: str, clock: Clock, today: date) -> Iterator[Station]:
    """李大爷's household (重点, liaison 王芳), staff 王芳, volunteers 李玉珍 and 赵前进."""
    db = open_database(sqlite_url, clock)
    with db.session() as session:
        household = create_household(session, HouseholdInput(
            community="晖苑小区", building="3", unit="1", room="301", phone="13905461234",
            tier=CareTier.PRIORITY,
            residents=(ResidentInput(name="李大爷", birth_date=date(1938, 5, 2), is_head=True),),
        ), "test", today=today)
        staff = create_volunteer(session, VolunteerInput(
            name="王芳", phone="13805460001", is_staff=True), "test", today=today)
        volunteer = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区"), "test", today=today)
        former = create_volunteer(session, VolunteerInput(
            name="赵前进", phone="13365543843"), "test", today=today)
        assign_liaison(session, [household], staff, "test")
    with db.session() as session:
        record_visit(session, VisitInput(household, today - timedelta(days=20),
                                         visitor_id=former), "test", today=today)
    with db.session() as session:
        from stationapp.services.volunteers import get_volunteer, update_volunteer

        info = get_volunteer(session, former)
        update_volunteer(session, former, VolunteerInput(
            name=info.name, phone=info.phone, active=False, version=info.version), "test",
            today=today)
    yield Station(db, household, staff, volunteer, former)
    db.dispose()


def open_dialog(qtbot: QtBot, station: Station, visit_id: int | None = None) -> VisitDialog:
    """A shown visit dialog for the household (or the visit), closed by pytest-qt."""
    dialog = VisitDialog(Operations(station.db, "clerk"),
                         None if visit_id else station.household, visit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a check box or radio button on its box (its centre may be empty space)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, button.height() // 2))


def choose_level(qtbot: QtBot, dialog: VisitDialog, topic: VisitTopic,
                 level: FindingLevel) -> None:
    """Pick ``level`` in the topic's combo with the keyboard."""
    combo = dialog.level_combos[topic]
    combo.setFocus()
    while FindingLevel(combo.currentData()) is not level:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


# ------------------------------------------------------------------ recording


def test_header_shows_household_and_schedule(qtbot: QtBot, station: Station, today: date) -> None:
    dialog = open_dialog(qtbot, station)
    assert dialog.household_label.text() == "晖苑小区3号楼1单元301室 · 李大爷 · 13905461234"
    schedule = dialog.schedule_label.text()
    last = (today - timedelta(days=20)).isoformat()
    due = (today - timedelta(days=13)).isoformat()
    assert "重点" in schedule and "every 7 days" in schedule
    assert f"last visit: {last}" in schedule and f"next due: {due}" in schedule
    assert "13 day(s) overdue" in schedule
    assert dialog.date_edit.date() == QDate(today.year, today.month, today.day)
    assert dialog.method_buttons[VisitMethod.HOME].isChecked()
    # The household's liaison is proposed as the visitor.
    assert dialog.visitor_picker.person_id() == station.staff
    assert not dialog.follow_up_box.isEnabled()


def test_record_a_visit_with_a_finding_and_a_reminder(
    qtbot: QtBot, station: Station, today: date
) -> None:
    dialog = open_dialog(qtbot, station)
    click(qtbot, dialog.method_buttons[VisitMethod.PHONE])
    choose_level(qtbot, dialog, VisitTopic.HEATING, FindingLevel.CONCERN)
    dialog.note_edits[VisitTopic.HEATING].setFocus()
    dialog.note_edits[VisitTopic.HEATING].insert("暖气片不热")
    dialog.notes_edit.setPlainText("精神不错")
    click(qtbot, dialog.follow_up_check)
    assert dialog.follow_up_box.isEnabled() and dialog.request_fields.isEnabled()
    assert not dialog.reminder_fields.isEnabled()
    click(qtbot, dialog.reminder_radio)
    assert dialog.reminder_fields.isEnabled() and not dialog.request_fields.isEnabled()
    # Prefilled from the finding that is not 正常, a week after the visit.
    assert dialog.remind_text_edit.text() == "供暖（需关注）：暖气片不热"
    assert dialog.remind_date_edit.date().toPython() == today + timedelta(days=7)
    dialog.assignee_picker.set_person_id(station.volunteer)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.reminder_id is not None
    assert dialog.saved.request_id is None
    assert dialog.result_message() == (
        f"Visit recorded. Reminder set for {(today + timedelta(days=7)).isoformat()}.")
    with station.db.session() as session:
        visit = get_visit(session, dialog.saved.visit_id)
        reminders = list_reminders(session)
        household = get_household(session, station.household, today=today)
    assert visit.method is VisitMethod.PHONE and visit.visitor_id == station.staff
    assert visit.notes == "精神不错" and visit.needs_follow_up
    levels = {f.topic: (f.level, f.note) for f in visit.findings}
    assert levels[VisitTopic.HEATING] == (FindingLevel.CONCERN, "暖气片不热")
    assert levels[VisitTopic.HEALTH] == (FindingLevel.OK, "")
    assert [(r.id, r.text, r.assignee, r.visit_id) for r in reminders] == [
        (dialog.saved.reminder_id, "供暖（需关注）：暖气片不热", "李玉珍", visit.id)]
    assert household.last_visit_date == today
    assert household.next_visit_due == today + timedelta(days=7)


def test_record_a_visit_with_a_follow_up_request(qtbot: QtBot, station: Station) -> None:
    dialog = open_dialog(qtbot, station)
    choose_level(qtbot, dialog, VisitTopic.HEATING, FindingLevel.URGENT)
    dialog.note_edits[VisitTopic.HEATING].insert("屋里只有十四度")
    choose_level(qtbot, dialog, VisitTopic.MOOD, FindingLevel.CONCERN)
    click(qtbot, dialog.follow_up_check)
    assert dialog.request_radio.isChecked()
    # The heating concern proposes the 供暖 category and describes itself.
    assert dialog.category_combo.currentText() == "供暖"
    assert dialog.description_edit.toPlainText() == (
        "精神状态（需关注）\n供暖（紧急）：屋里只有十四度")
    dialog.description_edit.setPlainText("暖气片不热，请维修")
    dialog.assignee_picker.set_person_id(station.volunteer)
    # Enter in a line edit saves.
    dialog.note_edits[VisitTopic.NEEDS].setFocus()
    qtbot.keyClick(dialog.note_edits[VisitTopic.NEEDS], Qt.Key.Key_Return)

    assert dialog.saved is not None and dialog.saved.request_id is not None
    assert dialog.result_message() == (
        f"Visit recorded. Request No. {dialog.saved.request_id} opened.")
    with station.db.session() as session:
        request = get_request(session, dialog.saved.request_id, now=station.db.clock.now())
    assert request.category == "供暖"
    assert request.description == "暖气片不热，请维修"
    assert request.assignee_id == station.volunteer
    assert request.visit_id == dialog.saved.visit_id
    assert request.channel == "走访发现"


def test_a_future_date_is_refused_inline(qtbot: QtBot, station: Station, today: date) -> None:
    dialog = open_dialog(qtbot, station)
    tomorrow = today + timedelta(days=1)
    dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.errors["visit_date"].isVisible()
    assert dialog.errors["visit_date"].text() == "走访日期不能晚于今天"
    # The message reads on one line, not broken as "…今/天" under the narrow date field.
    message = dialog.errors["visit_date"]
    QApplication.processEvents()
    assert message.width() >= message.fontMetrics().horizontalAdvance(message.text())
    assert dialog.date_edit.property("invalid") is True
    with station.db.session() as session:
        assert len(list_visits(session, VisitFilter(household_id=station.household))) == 1
    # Fixing the date and saving again clears the message.
    dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
    assert dialog.save()
    assert not dialog.errors["visit_date"].isVisible()


def test_follow_up_problems_are_shown_beside_their_fields(
    qtbot: QtBot, station: Station, today: date
) -> None:
    dialog = open_dialog(qtbot, station)
    click(qtbot, dialog.follow_up_check)
    assert dialog.description_edit.toPlainText() == ""  # nothing was found wrong
    assert not dialog.save()
    assert dialog.errors["follow_up_description"].text() == "请写明要办的事"
    click(qtbot, dialog.reminder_radio)
    dialog.remind_text_edit.clear()
    earlier = today - timedelta(days=1)
    dialog.remind_date_edit.setDate(QDate(earlier.year, earlier.month, earlier.day))
    assert not dialog.save()
    assert dialog.errors["follow_up_date"].text() == "提醒日期不能早于走访日期"
    assert dialog.errors["follow_up_text"].text() == "请写明到时要做什么"
    assert not dialog.errors["follow_up_description"].isVisible()


def test_a_visitor_no_longer_serving_is_refused(qtbot: QtBot, station: Station) -> None:
    dialog = open_dialog(qtbot, station)
    dialog.visitor_picker.set_person_id(station.former)
    assert dialog.visitor_picker.currentText() == "赵前进 (inactive)"
    assert not dialog.save()
    assert "赵前进" in dialog.errors["visitor"].text()


def test_editing_a_visit_keeps_its_findings_and_shows_what_was_made(
    qtbot: QtBot, station: Station, today: date
) -> None:
    with station.db.session() as session:
        saved = record_visit(session, VisitInput(
            station.household, today, VisitMethod.VIDEO, station.volunteer,
            (FindingInput(VisitTopic.GAS, FindingLevel.URGENT, "阀门关着"),), "看过了", True,
            FollowUpRequest("燃气", "燃气阀门需要检查"),
        ), "test", today=today)
    dialog = open_dialog(qtbot, station, saved.visit_id)
    assert dialog.windowTitle().startswith(f"Visit of {today.isoformat()}")
    assert dialog.method_buttons[VisitMethod.VIDEO].isChecked()
    assert dialog.visitor_picker.person_id() == station.volunteer
    assert FindingLevel(dialog.level_combos[VisitTopic.GAS].currentData()) is (
        FindingLevel.URGENT)
    assert dialog.note_edits[VisitTopic.GAS].text() == "阀门关着"
    assert dialog.follow_up_check.isChecked()
    assert not dialog.actions_box.isVisible()
    assert f"Request No. {saved.request_id}" in dialog.created_label.text()
    assert not dialog.is_modified()
    dialog.notes_edit.setPlainText("看过了，已关照家属")
    assert dialog.save()
    assert dialog.result_message() == "Visit saved."
    with station.db.session() as session:
        visit = get_visit(session, saved.visit_id)
    assert visit.notes == "看过了，已关照家属"
    assert visit.request_id == saved.request_id


def test_cancel_asks_only_when_something_changed(
    qtbot: QtBot, station: Station, boxes: MessageBoxes
) -> None:
    dialog = open_dialog(qtbot, station)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert boxes.questions == []
    assert not dialog.isVisible()
    dialog = open_dialog(qtbot, station)
    dialog.notes_edit.setPlainText("x")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(boxes.questions) == 1
    with station.db.session() as session:
        assert len(list_visits(session, VisitFilter(household_id=station.household))) == 1


def test_an_unknown_household_is_refused(qtbot: QtBot, station: Station) -> None:
    with pytest.raises(NotFoundError):
        VisitDialog(Operations(station.db, "clerk"), station.household + 99)


def test_opening_a_visit_reads_the_household_row_not_its_whole_record(
    qtbot: QtBot, station: Station, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    with station.db.session() as session:
        saved = record_visit(session, VisitInput(station.household, today), "test", today=today)

    def refuse(*_args: object) -> object:
        raise AssertionError("the whole household was read for an existing visit")

    monkeypatch.setattr(visit_dialog, "get_household", refuse)
    dialog = open_dialog(qtbot, station, saved.visit_id)
    assert dialog.household_label.text().startswith("晖苑小区3号楼1单元301室 · 李大爷")


def test_concerns_summary_lists_what_is_not_ok() -> None:
    assert concerns_summary((
        FindingInput(VisitTopic.HEALTH),
        FindingInput(VisitTopic.GAS, FindingLevel.URGENT, " 阀门关着 "),
        FindingInput(VisitTopic.MOOD, FindingLevel.CONCERN),
    )) == "燃气安全（紧急）：阀门关着\n精神状态（需关注）"


# ------------------------------------------------------------------ person picker


def test_person_picker_lists_staff_first_and_marks_them(qtbot: QtBot, station: Station) -> None:
    picker = PersonPicker(Operations(station.db))
    qtbot.addWidget(picker)
    # Nothing is read until the list is needed (here: asked for in code).
    assert [picker.itemText(i) for i in range(picker.count())] == ["(none)"]
    picker.ensure_loaded()
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts == ["(none)", "王芳 (staff)", "李玉珍"]
    assert picker.person_id() is None and picker.key() is None
    assert picker.name_of(station.volunteer) == "李玉珍"
    with qtbot.waitSignal(picker.person_changed) as signal:
        picker.set_person_id(station.volunteer)
    assert signal.args == [station.volunteer]
    assert picker.person_id() == station.volunteer
    assert picker.currentText() == "李玉珍"
    picker.set_person_id(None)
    assert picker.person_id() is None


def test_person_picker_finds_people_by_pinyin_and_by_typed_name(
    qtbot: QtBot, station: Station
) -> None:
    picker = PersonPicker(Operations(station.db), allow_none=False)
    qtbot.addWidget(picker)
    picker.show()
    assert picker.person_id() == station.staff  # no "(none)": the first person
    completer = picker.completer()
    completer.setCompletionPrefix("lyz")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "李玉珍"
    completer.setCompletionPrefix("锦华")  # the community
    assert completer.currentCompletion() == "李玉珍"
    line_edit = picker.lineEdit()
    assert line_edit is not None
    line_edit.setText("李玉珍")
    line_edit.editingFinished.emit()
    assert picker.person_id() == station.volunteer
    line_edit.setText("nobody")
    line_edit.editingFinished.emit()
    assert picker.person_id() == station.volunteer
    assert line_edit.text() == "李玉珍"


def test_person_picker_extra_entries_and_reload(qtbot: QtBot, station: Station) -> None:
    picker = PersonPicker(Operations(station.db), none_text="Everyone",
                          extra=(("No liaison", "none"),))
    qtbot.addWidget(picker)
    assert [picker.itemText(i) for i in range(2)] == ["Everyone", "No liaison"]
    assert picker.set_key("none")
    assert picker.key() == "none" and picker.person_id() is None
    picker.set_person_id(station.staff)
    with station.db.session() as session:
        create_volunteer(session, VolunteerInput(name="阿兰", phone="13805460002"), "test",
                         today=station.db.clock.today())
    picker.reload()
    assert picker.person_id() == station.staff
    assert "阿兰" in [picker.itemText(i) for i in range(picker.count())]


def test_person_picker_reads_people_when_the_clerk_reaches_it(
    qtbot: QtBot, station: Station
) -> None:
    picker = PersonPicker(Operations(station.db), none_text="Everyone")
    qtbot.addWidget(picker)
    picker.show()
    assert picker.count() == 1
    picker.setFocus()
    qtbot.waitUntil(lambda: picker.count() == 3)
    assert picker.itemText(1) == "王芳 (staff)"
