"""The visits page: coverage, the overdue list, visits of a month and reminders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from stationapp.domain.care_models import Visit
from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.schedule import month_end, month_start
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    list_household_ids,
    list_households,
)
from stationapp.services.households import assign_liaison
from stationapp.services.visit_reminders import add_reminder, list_reminders
from stationapp.services.visit_schedule import reschedule_all
from stationapp.services.visits import (
    FindingInput,
    FollowUpReminder,
    VisitFilter,
    VisitInput,
    list_visits,
)
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.form_helpers import ERROR_ROW_BACKGROUND, from_qdate, to_qdate
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE
from stationapp.ui.operations import Operations
from stationapp.ui.overdue_model import OverdueColumn, OverdueTableModel
from stationapp.ui.visit_dialog import VisitDialog
from stationapp.ui.visit_table_model import VISIT_ID_ROLE, VisitColumn, VisitTableModel
from stationapp.ui.visits_page import ReminderColumn, ReminderTableModel, Tab, VisitsPage
from stationapp.workflows.visits import record_visit

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

WAIT_MS = 2000


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py;
    questions are answered Yes."""
    message_boxes.answer = QMessageBox.StandardButton.Yes
    return message_boxes


@dataclass(frozen=True)
class Visited:
    """The ledger of tests/ui/conftest.py with people, visits and a reminder."""

    db: Database
    ids: dict[str, int]
    """Household id by the head's name."""
    staff: int
    volunteer: int


@pytest.fixture
def visited(ledger: Database, today: date) -> Visited:
    """李大爷 (重点) visited 20 days ago: 13 days overdue; 单秀英 (关注) 35 days ago: 5 days
    overdue; 张桂兰 (一般) 10 days ago; 冯阿姨 never (due today: not overdue). 王芳 (staff)
    is liaison of 李大爷 and 冯阿姨; a reminder for 单秀英 is due yesterday, one for 张桂兰
    in ten days."""
    with ledger.session() as session:
        ids = {row.head: row.id for row in list_households(session, HouseholdFilter(), today=today)}
        staff = create_volunteer(session, VolunteerInput(
            name="王芳", phone="13805460001", is_staff=True), "test", today=today)
        volunteer = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141"), "test", today=today)
        assign_liaison(session, [ids["李大爷"], ids["冯阿姨"]], staff, "test")
        for head, days in (("李大爷", 20), ("单秀英", 35), ("张桂兰", 10)):
            record_visit(session, VisitInput(
                ids[head], today - timedelta(days=days), VisitMethod.HOME, volunteer,
                (FindingInput(VisitTopic.HEATING, FindingLevel.CONCERN, "暖气不热"),)
                if head == "张桂兰" else (),
            ), "test", today=today)
        add_reminder(session, ids["单秀英"], today - timedelta(days=1), "问问药够不够", "test",
                     volunteer)
        add_reminder(session, ids["张桂兰"], today + timedelta(days=10), "回访暖气", "test")
    return Visited(ledger, ids, staff, volunteer)


@pytest.fixture
def page(qtbot: QtBot, visited: Visited) -> Iterator[VisitsPage]:
    """The page, shown (which reads the lists)."""
    shown = VisitsPage(Operations(visited.db, "clerk"))
    qtbot.addWidget(shown)
    shown.resize(1100, 600)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def heads(model: OverdueTableModel) -> list[str]:
    """The head column of the overdue list, top to bottom."""
    return [model.index(r, OverdueColumn.HEAD).data() for r in range(model.rowCount())]


def when_dialog(act: Callable[[VisitDialog], None]) -> list[VisitDialog]:
    """Run ``act`` on the visit dialog once it is shown modally; never leave it open."""
    seen: list[VisitDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VisitDialog):
            QTimer.singleShot(20, run)
            return
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(20, run)
    return seen


# ------------------------------------------------------------------ overdue


def test_overdue_tab_lists_most_overdue_first_and_late_rows_stand_out(
    page: VisitsPage, visited: Visited, today: date
) -> None:
    model = page.overdue_model
    assert page.tabs.currentIndex() == Tab.OVERDUE
    assert heads(model) == ["李大爷", "单秀英"]
    row = [model.index(0, c).data() for c in OverdueColumn]
    assert row == ["晖苑小区3号楼1单元301室", "李大爷", "13905461234", "重点", "王芳",
                   (today - timedelta(days=20)).isoformat(),
                   (today - timedelta(days=13)).isoformat(), "13"]
    assert model.index(1, OverdueColumn.DAYS).data() == "5"
    assert model.index(1, OverdueColumn.LIAISON).data() == ""
    late = model.index(0, OverdueColumn.ADDRESS).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(late, QBrush) and late.color() == ERROR_ROW_BACKGROUND
    assert model.index(1, OverdueColumn.ADDRESS).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, OverdueColumn.HEAD).data(HOUSEHOLD_ID_ROLE) == visited.ids["李大爷"]
    assert page.overdue_label.text().startswith("2 household(s) overdue")
    assert page.shown_count() == 2
    assert not page.record_button.isEnabled()


def test_a_page_left_open_overnight_counts_from_the_new_day_on_refresh(
    page: VisitsPage, visited: Visited, today: date,
    travel_to: Callable[[date | datetime], None],
) -> None:
    model = page.overdue_model
    assert page.today() == today
    assert heads(model) == ["李大爷", "单秀英"]
    assert [model.index(r, OverdueColumn.DAYS).data() for r in range(2)] == ["13", "5"]
    travel_to(today + timedelta(days=1))  # the desk stays open past midnight
    assert heads(model) == ["李大爷", "单秀英"]  # nothing moves before a refresh
    page.refresh()  # F5 the next morning
    assert page.today() == today + timedelta(days=1)
    # 冯阿姨 was due on the day she was registered (yesterday now): one day overdue.
    assert heads(model) == ["李大爷", "单秀英", "冯阿姨"]
    assert [model.index(r, OverdueColumn.DAYS).data() for r in range(3)] == ["14", "6", "1"]
    assert page.overdue_label.text().startswith("3 household(s) overdue")


def test_the_visits_tab_moves_on_to_a_new_month_unless_another_was_chosen(
    page: VisitsPage, visited: Visited, today: date,
    travel_to: Callable[[date | datetime], None],
) -> None:
    page.tabs.setCurrentIndex(Tab.VISITS)
    assert from_qdate(page.month_edit.date()) == month_start(today)
    next_month = month_end(today) + timedelta(days=1)
    travel_to(next_month)
    page.refresh()
    assert from_qdate(page.month_edit.date()) == next_month  # this month is this month
    assert page.visits_label.text() == "0 visit(s)"  # nothing visited yet in the new month
    chosen = month_start(today - timedelta(days=35))
    page.month_edit.setDate(to_qdate(chosen))  # the clerk looks at an older month
    travel_to(month_end(next_month) + timedelta(days=1))
    page.refresh()
    assert from_qdate(page.month_edit.date()) == chosen  # a chosen month stays


def test_record_visit_from_the_overdue_list_takes_the_household_off_it(
    qtbot: QtBot, page: VisitsPage, visited: Visited, today: date
) -> None:
    page.select_overdue(visited.ids["李大爷"])
    assert page.record_button.isEnabled()

    def record(dialog: VisitDialog) -> None:
        assert dialog.household_label.text().startswith("晖苑小区3号楼1单元301室 · 李大爷")
        dialog.notes_edit.setPlainText("一切都好")
        assert dialog.save()

    seen = when_dialog(record)
    page.overdue_table.setFocus()
    qtbot.keyClick(page.overdue_table, Qt.Key.Key_Return)
    assert len(seen) == 1 and seen[0].saved_visit_id is not None
    assert heads(page.overdue_model) == ["单秀英"]
    assert page.status_label.text() == "Visit recorded."
    with visited.db.session() as session:
        visits = list_visits(session, VisitFilter(household_id=visited.ids["李大爷"]))
    assert visits[0].visit_date == today and visits[0].notes == "一切都好"
    # The new visit is selected in the visits tab.
    assert page.current_visit_id() == seen[0].saved_visit_id


def test_cancelled_dialog_changes_nothing(qtbot: QtBot, page: VisitsPage,
                                          visited: Visited) -> None:
    page.select_overdue(visited.ids["单秀英"])
    seen = when_dialog(lambda dialog: dialog.reject())
    page.record_button.click()
    assert len(seen) == 1
    assert heads(page.overdue_model) == ["李大爷", "单秀英"]
    assert page.status_label.text() == ""


# ------------------------------------------------------------------ coverage and liaison


def test_coverage_bar_counts_households_visited_of_those_due(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    # Every household was registered today, so each is due this month.
    with ledger.session() as session:
        ids = list_household_ids(session, HouseholdFilter(), today=today)
        staff = create_volunteer(session, VolunteerInput(
            name="王芳", phone="13805460001", is_staff=True), "test", today=today)
        assign_liaison(session, ids[:2], staff, "test")
    page = VisitsPage(Operations(ledger, "clerk"))
    qtbot.addWidget(page)
    page.show()
    assert page.coverage_label.text() == (
        "This month's coverage: 0 % (0 of 4 due) — target 100 %")
    assert page.coverage_bar.value() == 0
    with ledger.session() as session:
        record_visit(session, VisitInput(ids[0], today), "test", today=today)
    page.refresh()
    assert page.coverage_label.text() == (
        "This month's coverage: 25 % (1 of 4 due) — target 100 %")
    assert page.coverage_bar.value() == 25
    with qtbot.waitSignal(page.count_changed, timeout=WAIT_MS):
        page.set_liaison(staff)
    assert page.coverage_label.text() == (
        "This month's coverage: 50 % (1 of 2 due) — target 100 %")


def test_liaison_filter_narrows_the_overdue_list_and_is_remembered(
    qtbot: QtBot, page: VisitsPage, visited: Visited, desk_settings_dir: object
) -> None:
    page.set_liaison(visited.staff)
    assert page.liaison_id() == visited.staff
    assert heads(page.overdue_model) == ["李大爷"]
    assert page.overdue_model.liaison_id == visited.staff
    # The visits tab then lists the visits this person made (none).
    page.tabs.setCurrentIndex(Tab.VISITS)
    assert page.visit_model.rowCount() == 0
    assert page.visits_label.text() == "0 visit(s)"
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "test", "c")
    page.save_state(settings)
    again = VisitsPage(Operations(visited.db, "clerk"))
    qtbot.addWidget(again)
    again.restore_state(settings)
    again.show()
    assert again.liaison_id() == visited.staff
    assert again.tabs.currentIndex() == Tab.VISITS
    page.set_liaison(None)
    page.tabs.setCurrentIndex(Tab.OVERDUE)  # a hidden list is read when its tab is shown
    assert heads(page.overdue_model) == ["李大爷", "单秀英"]


# ------------------------------------------------------------------ visits


def test_visits_tab_lists_the_month_and_searches(
    qtbot: QtBot, page: VisitsPage, visited: Visited, today: date
) -> None:
    page.tabs.setCurrentIndex(Tab.VISITS)
    model = page.visit_model
    start = month_start(today)
    expected = sum(1 for days in (20, 35, 10) if today - timedelta(days=days) >= start)
    assert model.rowCount() == expected
    # A month holding all three visits: choose it with the month box.
    page.month_edit.setDate(QDate(2000, 1, 1))
    assert model.rowCount() == 0
    with visited.db.session() as session:
        everything = list_visits(session, VisitFilter())
    oldest = min(v.visit_date for v in everything)
    page.month_edit.setDate(QDate(oldest.year, oldest.month, 1))
    assert oldest.isoformat() in [model.index(r, VisitColumn.DATE).data()
                                  for r in range(model.rowCount())]
    page.month_edit.setDate(QDate(today.year, today.month, 1))
    with visited.db.session() as session:
        record_visit(session, VisitInput(
            visited.ids["冯阿姨"], today, VisitMethod.PHONE, visited.staff,
            (FindingInput(VisitTopic.GAS, FindingLevel.URGENT, "阀门关着"),), "", True,
            FollowUpReminder(today + timedelta(days=3), "再看燃气", visited.staff)), "test",
            today=today)
    page.refresh()
    page.focus_search()
    assert page.search.hasFocus()
    page.search.insert("冯阿姨")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    cells = [model.index(0, c).data() for c in VisitColumn]
    assert cells == [today.isoformat(), "东旭小区5号楼3单元402室 冯阿姨", "电话", "王芳",
                     "燃气安全（紧急）", "Reminder"]
    page.follow_up_only.setChecked(True)
    assert model.rowCount() == 1


def test_open_and_delete_a_visit(qtbot: QtBot, page: VisitsPage, visited: Visited,
                                 boxes: MessageBoxes, today: date) -> None:
    with visited.db.session() as session:
        visit = record_visit(session, VisitInput(visited.ids["李大爷"], today, notes="初稿"),
                             "test", today=today).visit_id
    page.refresh()
    page.tabs.setCurrentIndex(Tab.VISITS)
    assert page.select_visit(visit)
    assert page.open_button.isEnabled() and page.delete_button.isEnabled()

    def edit(dialog: VisitDialog) -> None:
        assert dialog.notes_edit.toPlainText() == "初稿"
        dialog.notes_edit.setPlainText("改过")
        assert dialog.save()

    seen = when_dialog(edit)
    page.visits_table.setFocus()
    qtbot.keyClick(page.visits_table, Qt.Key.Key_Return)
    assert len(seen) == 1
    assert page.status_label.text() == "Visit saved."
    assert page.current_visit_id() == visit

    boxes.answer = QMessageBox.StandardButton.No
    assert not page.delete_selected_visit()
    assert page.visit_model.row_of(visit) is not None
    boxes.answer = QMessageBox.StandardButton.Yes
    # Back from the dialog, the keyboard is in the visits table again.
    page.activateWindow()
    qtbot.waitUntil(page.visits_table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(page.visits_table, Qt.Key.Key_Delete)
    assert len(boxes.questions) == 2
    assert page.visit_model.row_of(visit) is None
    assert page.status_label.text() == f"Visit of {today.isoformat()} deleted."
    # Without that visit 李大爷 is overdue again.
    page.tabs.setCurrentIndex(Tab.OVERDUE)
    assert heads(page.overdue_model)[0] == "李大爷"


# ------------------------------------------------------------------ reminders


def test_reminders_due_by_today_later_ones_and_done(
    qtbot: QtBot, page: VisitsPage, visited: Visited
) -> None:
    page.tabs.setCurrentIndex(Tab.REMINDERS)
    model = page.reminder_model
    assert page.tabs.tabText(Tab.REMINDERS) == "R&eminders (1)"
    assert [model.index(r, ReminderColumn.TEXT).data() for r in range(model.rowCount())] == [
        "问问药够不够"]
    assert model.index(0, ReminderColumn.ASSIGNEE).data() == "李玉珍"
    late = model.index(0, ReminderColumn.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(late, QBrush)
    assert str(model.index(0, ReminderColumn.DUE).data()).endswith(" · overdue")  # not colour alone
    page.later_check.setChecked(True)
    assert model.rowCount() == 2
    assert not page.done_button.isEnabled()
    page.reminders_table.selectRow(0)
    assert page.done_button.isEnabled() and page.record_button.isEnabled()
    assert not page.open_button.isEnabled()  # not made from a visit
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert [model.index(r, ReminderColumn.TEXT).data() for r in range(model.rowCount())] == [
        "回访暖气"]
    assert page.status_label.text() == "Reminder done: 问问药够不够"
    assert page.tabs.tabText(Tab.REMINDERS) == "R&eminders"
    with visited.db.session() as session:
        assert [r.text for r in list_reminders(session, include_done=True) if r.done] == [
            "问问药够不够"]


def test_record_visit_from_a_reminder(qtbot: QtBot, page: VisitsPage, visited: Visited) -> None:
    page.tabs.setCurrentIndex(Tab.REMINDERS)
    page.reminders_table.selectRow(0)
    seen = when_dialog(lambda dialog: dialog.reject())
    page.reminders_table.setFocus()
    qtbot.keyClick(page.reminders_table, Qt.Key.Key_Enter)
    assert len(seen) == 1
    assert "单秀英" in seen[0].household_label.text()


# ------------------------------------------------------------------ models


def test_models_pass_the_qt_model_tester(
    qtmodeltester: ModelTester, page: VisitsPage, visited: Visited, today: date
) -> None:
    qtmodeltester.check(page.overdue_model)
    page.later_check.setChecked(True)
    qtmodeltester.check(page.reminder_model)
    page.tabs.setCurrentIndex(Tab.VISITS)
    # The month of the visit made ten days ago has visits, whatever the day of the month.
    recent = today - timedelta(days=10)
    page.month_edit.setDate(QDate(recent.year, recent.month, 1))
    assert page.visit_model.rowCount() > 0
    qtmodeltester.check(page.visit_model)
    blocks = VisitTableModel(visited.db.session, block_size=1, cached_blocks=1)
    blocks.refresh()
    qtmodeltester.check(blocks)
    for empty in (VisitTableModel(visited.db.session), ReminderTableModel(),
                  OverdueTableModel(visited.db.session, visited.db.clock)):
        qtmodeltester.check(empty)


def test_overdue_rows_are_fetched_in_blocks(visited: Visited) -> None:
    opened = 0

    def counting() -> Any:
        nonlocal opened
        opened += 1
        return visited.db.session()

    model = OverdueTableModel(counting, visited.db.clock, block_size=1, cached_blocks=1)
    model.refresh()
    assert opened == 1
    assert model.index(0, OverdueColumn.HEAD).data() == "李大爷"
    assert model.index(0, OverdueColumn.DAYS).data() == "13"
    assert opened == 2
    assert model.index(1, OverdueColumn.HEAD).data() == "单秀英"
    assert model.index(0, OverdueColumn.HEAD).data() == "李大爷"
    assert opened == 4  # one cached block: the first was fetched again
    assert model.index(5, 0).data() is None and model.row_data(-1) is None


def _many_visits(db: Database, ids: dict[str, int], count: int, today: date) -> None:
    """``count`` visits this month, spread over the four households (bulk, as an import)."""
    heads = sorted(ids)
    start = month_start(today)
    days = (today - start).days + 1  # the days of this month up to today
    with db.session() as session:
        session.execute(insert(Visit), [
            {"household_id": ids[heads[n % len(heads)]],
             "visit_date": start + timedelta(days=n % days), "version": 1,
             "notes": f"第{n}次"}
            for n in range(count)
        ])
        reschedule_all(session)


def test_visit_rows_are_fetched_in_blocks(visited: Visited) -> None:
    opened = 0

    def counting() -> Any:
        nonlocal opened
        opened += 1
        return visited.db.session()

    _many_visits(visited.db, visited.ids, 5, visited.db.clock.today())
    model = VisitTableModel(counting, block_size=2, cached_blocks=1)
    model.set_filter(VisitFilter())
    assert opened == 1  # the ids only
    with visited.db.session() as session:
        expected = list_visits(session, VisitFilter())
    assert model.rowCount() == len(expected) == 8
    assert [model.visit_id(r) for r in range(model.rowCount())] == [v.id for v in expected]
    assert opened == 1
    assert model.index(1, VisitColumn.DATE).data(VISIT_ID_ROLE) == expected[1].id
    assert opened == 1  # the visit id is known without its row
    # Across a block boundary: rows 1 and 2 are in different blocks.
    assert model.row_data(1) == expected[1]
    assert model.row_data(2) == expected[2]
    assert opened == 3
    assert model.index(2, VisitColumn.HOUSEHOLD).data(HOUSEHOLD_ID_ROLE) == (
        expected[2].household_id)
    assert model.row_data(1) == expected[1]  # one cached block: fetched again
    assert opened == 4
    last = model.rowCount() - 1
    assert model.index(last, VisitColumn.DATE).data() == expected[last].visit_date.isoformat()
    assert model.row_of(expected[last].id) == last
    assert model.row_of(999_999) is None
    assert model.row_data(last + 1) is None and model.row_data(-1) is None
    assert model.headerData(last, Qt.Orientation.Vertical) == str(last + 1)


def test_visits_tab_lists_every_visit_and_scrolls_to_the_last(
    qtbot: QtBot, page: VisitsPage, visited: Visited, today: date
) -> None:
    _many_visits(visited.db, visited.ids, 450, today)  # more than two blocks of rows
    page.tabs.setCurrentIndex(Tab.VISITS)
    page.refresh()
    model = page.visit_model
    start = month_start(today)
    earlier = sum(1 for days in (20, 35, 10) if today - timedelta(days=days) >= start)
    assert model.rowCount() == 450 + earlier
    assert page.visits_label.text() == f"{450 + earlier} visit(s)"
    assert page.shown_count() == 450 + earlier
    # The keyboard walks the whole list; End reaches the oldest visit of the month.
    page.visits_table.setFocus()
    page.visits_table.selectRow(0)
    qtbot.keyClick(page.visits_table, Qt.Key.Key_Down)
    assert page.current_visit_id() == model.visit_id(1)
    qtbot.keyClick(page.visits_table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: page.current_visit_id() == model.visit_id(last), timeout=WAIT_MS)
    with visited.db.session() as session:
        oldest = list_visits(session, page.visit_filter())[-1]
    assert model.index(last, VisitColumn.DATE).data() == oldest.visit_date.isoformat()
    assert page.open_button.isEnabled() and page.delete_button.isEnabled()
    # F5 keeps the selected visit, wherever it is in the list.
    kept = page.current_visit_id()
    page.refresh()
    assert page.current_visit_id() == kept
    assert page.visits_table.verticalScrollBar().value() > 0
    # Another search starts at the top of its list.
    kept_head = model.row_data(model.rowCount() - 1)
    assert kept_head is not None
    other = next(head for head in visited.ids if head != kept_head.head)
    page.search.setText(other)
    page.refresh_visits()
    assert 0 < model.rowCount() < 450 and page.current_visit_id() is None
    assert page.visits_table.verticalScrollBar().value() == 0


def test_f5_reads_the_list_shown_and_the_other_when_its_tab_is_shown(
    qtbot: QtBot, page: VisitsPage, visited: Visited, today: date
) -> None:
    assert page.tabs.currentIndex() == Tab.OVERDUE
    with visited.db.session() as session:
        new = record_visit(session, VisitInput(visited.ids["冯阿姨"], today), "test",
                           today=today).visit_id
    page.refresh()
    assert page.visit_model.row_of(new) is None  # not read yet: its tab is not shown
    with qtbot.waitSignal(page.count_changed, timeout=WAIT_MS) as shown:
        page.tabs.setCurrentIndex(Tab.VISITS)
    assert page.visit_model.row_of(new) is not None
    assert shown.args == [page.visit_model.rowCount()]
    with visited.db.session() as session:
        record_visit(session, VisitInput(visited.ids["李大爷"], today), "test", today=today)
    page.refresh()
    assert heads(page.overdue_model) == ["李大爷", "单秀英"]  # not read again yet
    page.tabs.setCurrentIndex(Tab.OVERDUE)
    assert heads(page.overdue_model) == ["单秀英"]
    # Selecting a visit in the hidden tab reads it first.
    with visited.db.session() as session:
        other = record_visit(session, VisitInput(visited.ids["张桂兰"], today), "test",
                             today=today).visit_id
    page.refresh()
    assert page.select_visit(other)
    assert page.current_visit_id() == other
