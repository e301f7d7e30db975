"""The volunteer registry page and the volunteer dialog, through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.clock import Clock
from stationapp.services.catalogue import list_event_types
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.volunteers import (
    RoleInput,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    list_role_holders,
    list_volunteers,
    update_volunteer,
)
from stationapp.ui.form_helpers import to_qdate
from stationapp.ui.operations import Operations
from stationapp.ui.volunteer_dialog import VolunteerDialog
from stationapp.ui.volunteers_page import (
    ANY_ROLE,
    GAP,
    HOLDS_A_ROLE,
    KindFilter,
    RoleHoldersColumn,
    RoleHoldersModel,
    VolunteerColumn,
    VolunteersPage,
    VolunteerTableModel,
    community_roles,
    roles_text,
)
from stationapp.ui.volunteers_service_record import ServiceRecordDialog
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

WAIT_MS = 2000
PDF_WAIT_MS = 30000


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A fresh, migrated SQLite database."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


@pytest.fixture
def event_day(today: date) -> date:
    """The day of the registry's event: three weeks before the test's day."""
    return today - timedelta(days=21)


@pytest.fixture
def registry(db: Database, today: date, event_day: date) -> Database:
    """Three volunteers (one inactive) and an event where two of them served."""
    with db.session() as session:
        liu = create_volunteer(session, VolunteerInput(
            name="刘墨林", phone="15209066660", community="晖苑小区", skills=("书法",)), "test",
            today=today)
        li = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区",
            skills=("剪纸", "文艺")), "test", today=today)
        create_volunteer(session, VolunteerInput(
            name="王书文", phone="13365543843", active=False, notes="搬去外地"), "test",
            today=today)
        type_id = list_event_types(session)[0].id
        create_event(session, EventInput(
            event_type_id=type_id, title="写春联送祝福",
            starts_at=datetime.combine(event_day, time(9)),
            volunteers=(ServiceInput(liu, 3.5), ServiceInput(li, 2.0)),
        ), "test")
    return db


def names(page: VolunteersPage) -> list[str]:
    """The name column, top to bottom."""
    return [page.model.index(r, VolunteerColumn.NAME).data()
            for r in range(page.model.rowCount())]


def test_volunteer_created_through_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New volunteer"
    dialog.name_edit.insert("马桂芝")
    qtbot.keyClicks(dialog.phone_edit, "13959464200")
    dialog.community_combo.setEditText("晖苑小区")
    dialog.skill_boxes["剪纸"].setChecked(True)
    dialog.other_skills_edit.insert("摄影，唱歌")
    dialog.notes_edit.setPlainText("周末有空")
    assert dialog.save()
    assert dialog.saved_volunteer_id is not None
    with db.session() as session:
        saved = get_volunteer(session, dialog.saved_volunteer_id)
    assert saved.name == "马桂芝"
    assert saved.phone == "13959464200"
    assert saved.community == "晖苑小区"
    assert saved.skills == ("剪纸", "摄影", "唱歌")
    assert saved.active
    assert saved.notes == "周末有空"


def test_a_bad_phone_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.name_edit.insert("马桂芝")
    qtbot.keyClicks(dialog.phone_edit, "12345")
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved_volunteer_id is None
    assert dialog.isVisible()
    assert dialog.errors["phone"].isVisible()
    assert "电话号码" in dialog.errors["phone"].text()
    assert dialog.phone_edit.property("invalid") is True
    assert not dialog.errors["name"].isVisible()
    assert dialog.phone_edit.hasFocus()
    with db.session() as session:
        assert list_volunteers(session, active_only=False) == []
    # Corrected, it saves and the mark goes away.
    dialog.phone_edit.setText("0546-8123456")
    assert dialog.save()
    with db.session() as session:
        assert [v.phone for v in list_volunteers(session)] == ["0546-8123456"]


def test_a_missing_name_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.errors["name"].text() == "请填写志愿者姓名"


def test_editing_keeps_skills_and_reports_a_conflict(
    qtbot: QtBot, registry: Database, boxes: MessageBoxes
) -> None:
    with registry.session() as session:
        li = next(v for v in list_volunteers(session) if v.name == "李玉珍")
    dialog = VolunteerDialog(Operations(registry, "clerk"), li.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Volunteer: 李玉珍"
    assert dialog.skill_boxes["剪纸"].isChecked()
    assert dialog.skill_boxes["文艺"].isChecked()
    assert dialog.other_skills_edit.text() == ""
    assert not dialog.is_modified()
    with registry.session() as session:
        update_volunteer(session, li.id, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区", skills=("剪纸",),
            version=li.version), "other desk", today=registry.clock.today())
    dialog.active_check.setChecked(False)
    assert not dialog.save()
    assert boxes.warnings and boxes.warnings[0].startswith("Changed by someone else")
    with registry.session() as session:
        assert get_volunteer(session, li.id).active


def test_cancel_asks_before_discarding(qtbot: QtBot, db: Database, boxes: MessageBoxes) -> None:
    dialog = VolunteerDialog(Operations(db, "clerk"), None)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert boxes.questions == []
    dialog.name_edit.insert("马桂芝")
    dialog.reject()
    assert len(boxes.questions) == 1


def test_page_lists_searches_and_shows_hours(qtbot: QtBot, registry: Database) -> None:
    page = VolunteersPage(Operations(registry, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    assert names(page) == ["刘墨林", "李玉珍"]  # by pinyin: liumolin before liyuzhen
    row = names(page).index("刘墨林")
    assert page.model.index(row, VolunteerColumn.HOURS).data() == "3.5"
    assert page.model.index(names(page).index("李玉珍"), VolunteerColumn.SKILLS).data() == (
        "剪纸、文艺")
    with qtbot.waitSignal(page.count_changed, timeout=WAIT_MS):
        page.show_inactive.setChecked(True)
    assert "王书文" in names(page)
    inactive = names(page).index("王书文")
    assert page.model.index(inactive, VolunteerColumn.ACTIVE).data() == "no"
    assert page.model.index(inactive, VolunteerColumn.NAME).data(
        Qt.ItemDataRole.ToolTipRole) == "搬去外地"
    qtbot.keyClicks(page.search, "lml")
    qtbot.waitUntil(lambda: names(page) == ["刘墨林"], timeout=WAIT_MS)
    page.search.clear()
    page.search.insert("剪纸")
    qtbot.waitUntil(lambda: names(page) == ["李玉珍"], timeout=WAIT_MS)


def test_new_volunteer_from_the_page_is_selected(qtbot: QtBot, registry: Database) -> None:
    page = VolunteersPage(Operations(registry, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    seen: list[VolunteerDialog] = []

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VolunteerDialog)
        seen.append(dialog)
        dialog.name_edit.insert("孙立德")
        dialog.phone_edit.setText("13869652954")
        dialog.accept()  # saves

    QTimer.singleShot(50, fill_and_save)
    page.new_button.click()
    assert len(seen) == 1
    assert page.shown_count() == 3
    assert page.current_volunteer_id() == seen[0].saved_volunteer_id
    assert page.edit_button.isEnabled()


def test_volunteer_model_passes_the_model_tester(
    qtmodeltester: Any, registry: Database
) -> None:
    with registry.session() as session:
        rows = list_volunteers(session, active_only=False)
    model = VolunteerTableModel()
    model.set_volunteers(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3


# ------------------------------------------------------------------ staff, roles, certificates


@pytest.fixture
def roles_registry(registry: Database, today: date) -> Database:
    """The registry plus a staff member with two roles in two communities and a 联络员."""
    with registry.session() as session:
        create_household(session, HouseholdInput(
            community="东旭小区", building="5", unit="3", room="402",
            residents=(ResidentInput(name="冯阿姨", birth_date=date(1941, 8, 30),
                                     is_head=True),)), actor="test", today=today)
        create_volunteer(session, VolunteerInput(
            name="王主任", phone="13905461111", community="锦华一区", is_staff=True,
            roles=(RoleInput("锦华一区", VolunteerRole.SUPERVISOR),
                   RoleInput("锦华一区", VolunteerRole.LIAISON),
                   RoleInput("晖苑小区", VolunteerRole.PUBLICIST))), "test", today=today)
        li = next(v for v in list_volunteers(session) if v.name == "李玉珍")
        update_volunteer(session, li.id, replace(li.as_input(), roles=(
            RoleInput("晖苑小区", VolunteerRole.LIAISON),)), "test", today=today)
    return registry


def cell(model: Any, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """The data of one cell."""
    return model.index(row, column).data(role)


def test_page_shows_staff_roles_and_filters(qtbot: QtBot, roles_registry: Database) -> None:
    page = VolunteersPage(Operations(roles_registry, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    boss = names(page).index("王主任")
    assert cell(page.model, boss, VolunteerColumn.KIND) == "staff"
    assert cell(page.model, boss, VolunteerColumn.ROLES) == "晖苑小区宣传员；锦华一区监督员、联络员"
    li = names(page).index("李玉珍")
    assert cell(page.model, li, VolunteerColumn.KIND) == "volunteer"
    assert cell(page.model, li, VolunteerColumn.ROLES) == "晖苑小区联络员"
    assert cell(page.model, li, VolunteerColumn.HOURS) == "2"
    assert cell(page.model, li, VolunteerColumn.HOURS, Qt.ItemDataRole.ToolTipRole) == (
        "Events 2 h · delivery rounds 0 h")

    page.kind_filter.setCurrentIndex(page.kind_filter.findData(KindFilter.STAFF.value))
    assert names(page) == ["王主任"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(KindFilter.VOLUNTEERS.value))
    assert names(page) == ["刘墨林", "李玉珍"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(KindFilter.ALL.value))
    page.role_filter.setCurrentIndex(page.role_filter.findData(VolunteerRole.LIAISON.value))
    assert names(page) == ["李玉珍", "王主任"]
    page.role_filter.setCurrentIndex(page.role_filter.findData(VolunteerRole.PUBLICIST.value))
    assert names(page) == ["王主任"]
    page.role_filter.setCurrentIndex(page.role_filter.findData(HOLDS_A_ROLE))
    assert names(page) == ["李玉珍", "王主任"]
    with qtbot.waitSignal(page.count_changed, timeout=WAIT_MS):
        page.role_filter.setCurrentIndex(page.role_filter.findData(ANY_ROLE))
    assert page.shown_count() == 3


def test_role_holders_show_gaps(qtbot: QtBot, roles_registry: Database) -> None:
    page = VolunteersPage(Operations(roles_registry, "clerk"))
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    page.tabs.setCurrentIndex(1)
    model = page.holders_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in RoleHoldersColumn]
    assert headers == ["Community", "监督员", "联络员", "宣传员"]
    table = {cell(model, r, RoleHoldersColumn.COMMUNITY): [
        cell(model, r, c) for c in RoleHoldersColumn if c.role is not None]
        for r in range(model.rowCount())}
    # Every community of the ledger is listed, with "—" where nobody holds a role.
    assert table == {
        "东旭小区": [GAP, GAP, GAP],
        "晖苑小区": [GAP, "李玉珍", "王主任"],
        "锦华一区": ["王主任", "王主任", GAP],
    }
    assert model.gaps() == 5
    assert page.gaps_label.text() == "5 role(s) nobody holds."
    gap_row = list(table).index("东旭小区")
    assert cell(model, gap_row, RoleHoldersColumn.LIAISON, Qt.ItemDataRole.BackgroundRole)
    assert cell(model, gap_row, RoleHoldersColumn.LIAISON, Qt.ItemDataRole.ToolTipRole) == (
        "Nobody is 联络员 in 东旭小区")
    held_row = list(table).index("晖苑小区")
    assert cell(model, held_row, RoleHoldersColumn.LIAISON,
                Qt.ItemDataRole.ToolTipRole) == "李玉珍 15262697141"
    assert cell(model, held_row, RoleHoldersColumn.LIAISON,
                Qt.ItemDataRole.BackgroundRole) is None

    # Enter on a holder opens that person; the Edit button follows the current cell too.
    page.holders_table.setCurrentIndex(model.index(held_row, RoleHoldersColumn.LIAISON))
    assert page.edit_button.isEnabled()
    opened: list[str] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VolunteerDialog)
        opened.append(dialog.name_edit.text())
        dialog.reject()

    QTimer.singleShot(50, close_dialog)
    page.holders_table.setFocus()
    qtbot.keyClick(page.holders_table, Qt.Key.Key_Return)
    assert opened == ["李玉珍"]
    page.holders_table.setCurrentIndex(model.index(gap_row, RoleHoldersColumn.LIAISON))
    assert not page.edit_button.isEnabled()


def test_roles_edited_in_the_dialog_fill_a_gap(qtbot: QtBot, roles_registry: Database) -> None:
    page = VolunteersPage(Operations(roles_registry, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    assert page.select_volunteer(page.model.rows()[names(page).index("刘墨林")].id)

    def add_role() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VolunteerDialog)
        line = dialog.roles_editor.add_row()
        line.community_combo.setEditText("东旭小区")
        line.role_combo.setCurrentIndex(line.role_combo.findData(VolunteerRole.LIAISON.value))
        dialog.accept()

    QTimer.singleShot(50, add_role)
    page.edit_button.click()
    liu = names(page).index("刘墨林")
    assert cell(page.model, liu, VolunteerColumn.ROLES) == "东旭小区联络员"
    assert page.holders_model.gaps() == 4


def test_service_record_opens_a_numbered_certificate(
    qtbot: QtBot, roles_registry: Database, today: date, event_day: date
) -> None:
    start, end = event_day - timedelta(days=10), event_day + timedelta(days=10)
    page = VolunteersPage(Operations(roles_registry, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    liu = page.model.rows()[names(page).index("刘墨林")].id
    page.select_volunteer(liu)
    assert page.record_button.isEnabled()
    seen: list[str] = []

    def choose_period() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ServiceRecordDialog)
        assert dialog.period()[0] == date(today.year, 1, 1)  # this year by default
        assert dialog.period()[1] == today
        dialog.start_edit.setDate(to_qdate(start))
        dialog.end_edit.setDate(to_qdate(start - timedelta(days=1)))
        seen.append(dialog.error_label.text())
        assert not dialog.issue_button.isEnabled()
        dialog.end_edit.setDate(to_qdate(end))
        seen.append(dialog.summary_label.text())
        qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Return)  # Enter issues

    QTimer.singleShot(50, choose_period)
    page.record_button.click()
    assert seen == ["The period ends before it starts.", "1 service(s), 3.5 hours in total."]
    qtbot.waitUntil(lambda: page.pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = page.pdf.preview
    assert preview is not None
    assert preview.is_ready() and preview.page_count() >= 1
    assert preview.path.read_bytes().startswith(b"%PDF")
    assert page.last_certificate is not None
    number = page.last_certificate.number
    assert number.startswith(f"FW{today.year}-")  # numbered in the year it is issued
    assert page.message_label.text() == (
        f"Certificate No. {number} issued to 刘墨林: 3.5 hours.")
    assert number in preview.windowTitle()
    assert page.last_certificate.record.total_hours == 3.5
    assert page.last_certificate.record.start == start
    assert page.last_certificate.record.end == end
    text = pdf_text(preview.path)
    assert number in text and "刘墨林" in text
    preview.done(0)


def test_a_period_without_service_issues_nothing(
    qtbot: QtBot, roles_registry: Database, today: date
) -> None:
    with roles_registry.session() as session:
        wang = next(v for v in list_volunteers(session) if v.name == "王主任")
    dialog = ServiceRecordDialog(Operations(roles_registry, "clerk"), wang.id)
    qtbot.addWidget(dialog)
    assert dialog.period() == (date(today.year, 1, 1), today)  # this year up to today
    assert dialog.error_label.text() == (
        "No service recorded in this period: choose another period.")
    assert not dialog.issue_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_role_holders_model_passes_the_model_tester(
    qtmodeltester: Any, roles_registry: Database
) -> None:
    with roles_registry.session() as session:
        holders = list_role_holders(session)
    model = RoleHoldersModel()
    model.set_communities(community_roles(["东旭小区"], holders))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    people = VolunteerTableModel()
    with roles_registry.session() as session:
        people.set_volunteers(list_volunteers(session, active_only=False))
    qtmodeltester.check(people, force_py=True)


def test_roles_text_groups_by_community() -> None:
    assert roles_text([RoleInput("锦华一区", VolunteerRole.LIAISON),
                       RoleInput("锦华一区", VolunteerRole.SUPERVISOR)]) == "锦华一区监督员、联络员"
    assert roles_text([]) == ""


def pdf_text(path: Path) -> str:
    """The text of a PDF, read back with QtPdf."""
    document = QPdfDocument()
    document.load(str(path))
    try:
        return "\n".join(document.getAllText(p).text() for p in range(document.pageCount()))
    finally:
        document.close()
