"""The requests page (诉求): its table model, filters, summary and dialogs, with real widgets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.modeltest import ModelTester
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
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.form_helpers import ERROR_COLOR
from stationapp.ui.operations import Operations
from stationapp.ui.request_dialog import RequestDialog
from stationapp.ui.request_step_dialog import Action, RequestStepDialog
from stationapp.ui.request_table_model import (
    OVERDUE_ROLE,
    REQUEST_ID_ROLE,
    RequestColumn,
    RequestTableModel,
    elided,
)
from stationapp.ui.requests_page import ALL_STATUSES, OPEN_STATUSES, RequestsPage
from stationapp.workflows.station_settings import save_station_settings

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

WAIT_MS = 3000
D = TypeVar("D", bound=QDialog)


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


@dataclass(frozen=True)
class Requests:
    """The shared ledger with four requests in different states (see :func:`requests`)."""

    database: Database
    fresh: int
    overdue: int
    resolved: int
    confirmed: int
    wang: int
    li_daye: int


@pytest.fixture
def requests(ledger: Database) -> Requests:
    """Four requests: one taken in today (李大爷, 供暖), one open for 10 days and given to
    王师傅 (单秀英, 水电), one resolved and one called back (张桂兰, 冯阿姨)."""
    now, today = ledger.clock.now(), ledger.clock.today()
    with ledger.session() as session:
        li_daye = list_household_ids(session, HouseholdFilter(search="ldy"), today=today)[0]
        shan = list_household_ids(session, HouseholdFilter(search="sxy"), today=today)[0]
        zhang = list_household_ids(session, HouseholdFilter(search="zgl"), today=today)[0]
        feng = list_household_ids(session, HouseholdFilter(search="冯阿姨"), today=today)[0]
        wang = create_volunteer(session, VolunteerInput(name="王师傅", is_staff=True), "test",
                                today=today)
        fresh = create_request(session, RequestInput(
            household_id=li_daye, category="供暖", description="卧室暖气片不热"), "test", now=now)
        overdue = create_request(session, RequestInput(
            household_id=shan, category="水电",
            description="厨房下水道堵了，水排不下去，已经好几天了，老人自己没法疏通，"
                        "物业说要等管道工来，请社区帮忙催一下",
            received_at=now - timedelta(days=10), assignee_id=wang), "test", now=now)
        resolved = create_request(session, RequestInput(
            household_id=zhang, category="房屋", description="楼道灯坏了",
            received_at=now - timedelta(days=20)), "test", now=now)
        advance_request(session, resolved, RequestStatus.RESOLVED, "test",
                        resolution="换了灯泡", now=now)
        confirmed = create_request(session, RequestInput(
            household_id=feng, category="供暖", description="暖气阀门关着",
            received_at=now - timedelta(days=3)), "test", now=now)
        advance_request(session, confirmed, RequestStatus.RESOLVED, "test",
                        resolution="打开了阀门", now=now)
        advance_request(session, confirmed, RequestStatus.CONFIRMED, "test",
                        satisfaction=Satisfaction.BASICALLY, now=now)
    return Requests(ledger, fresh, overdue, resolved, confirmed, wang, li_daye)


@pytest.fixture
def page(qtbot: QtBot, requests: Requests) -> RequestsPage:
    """The requests page over :func:`requests`, shown."""
    shown = RequestsPage(Operations(requests.database, "clerk"))
    qtbot.addWidget(shown)
    shown.resize(1200, 500)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def ids(page: RequestsPage) -> list[int]:
    """The request ids listed, top to bottom."""
    return [page.model.index(r, 0).data(REQUEST_ID_ROLE) for r in range(page.model.rowCount())]


def in_modal(kind: type[D], act: Callable[[D], None]) -> list[BaseException]:
    """Run ``act`` on the next modal dialog of type ``kind`` once it is open and active.

    Failures inside ``act`` close the dialog (a failing test never hangs in a modal loop)
    and are put into the returned list.
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


def test_model_is_sound_and_marks_overdue_rows(
    qtmodeltester: ModelTester, requests: Requests
) -> None:
    model = RequestTableModel()
    qtmodeltester.check(model)  # empty
    with requests.database.session() as session:
        rows = list_requests(session, RequestFilter(), now=requests.database.clock.now())
    model.limit_days = 7
    model.set_requests(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.columnCount() == len(RequestColumn)
    assert model.headerData(RequestColumn.DAYS_OPEN, Qt.Orientation.Horizontal) == "Days open"

    overdue_row = model.row_of(requests.overdue)
    assert overdue_row is not None
    index = model.index(overdue_row, RequestColumn.STATUS)
    assert index.data() == "派单"
    assert index.data(OVERDUE_ROLE) is True
    assert QColor(index.data(Qt.ItemDataRole.ForegroundRole)) == ERROR_COLOR
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == \
        "Overdue: open for 10 days, the limit is 7 days"
    assert model.index(overdue_row, RequestColumn.DAYS_OPEN).data() == "10"
    assert model.index(overdue_row, RequestColumn.ASSIGNEE).data() == "王师傅"
    description = model.index(overdue_row, RequestColumn.DESCRIPTION)
    assert description.data().endswith("…") and len(description.data()) == 40
    assert "请社区帮忙催一下" in description.data(Qt.ItemDataRole.ToolTipRole)

    fresh = model.index(model.row_of(requests.fresh) or 0, RequestColumn.STATUS)
    assert fresh.data() == "受理"
    assert fresh.data(Qt.ItemDataRole.ForegroundRole) is None
    assert fresh.data(Qt.ItemDataRole.FontRole) is None
    confirmed_row = model.row_of(requests.confirmed)
    assert confirmed_row is not None
    assert model.index(confirmed_row, RequestColumn.SATISFACTION).data() == "基本满意"
    # The resolved one was open longer than the limit but is no longer open: not red.
    resolved = model.index(model.row_of(requests.resolved) or 0, RequestColumn.NUMBER)
    assert resolved.data() == str(requests.resolved)
    assert resolved.data(OVERDUE_ROLE) is False
    assert model.open_count() == 2 and model.overdue_count() == 1
    assert elided("a\nb  c", 10) == "a b c"


def test_filters_narrow_the_list(qtbot: QtBot, page: RequestsPage, requests: Requests) -> None:
    # Open requests by default, newest first, with the station-wide summary.
    assert page.status_combo.currentData() == OPEN_STATUSES
    assert ids(page) == [requests.fresh, requests.overdue]
    assert page.summary_text() == "2 open · 1 overdue"
    assert not page.open_button.isEnabled()

    with qtbot.waitSignal(page.count_changed) as counted:
        page.overdue_check.setChecked(True)
    assert counted.args == [1]
    assert ids(page) == [requests.overdue]
    assert page.summary_text() == "2 open · 1 overdue"  # the summary counts the station
    page.overdue_check.setChecked(False)

    page.set_status_filter(ALL_STATUSES)
    assert ids(page) == [requests.fresh, requests.confirmed, requests.overdue,
                         requests.resolved]
    page.set_status_filter(RequestStatus.RESOLVED)
    assert ids(page) == [requests.resolved]
    page.set_status_filter(ALL_STATUSES)

    page.category_combo.setCurrentIndex(page.category_combo.findText("供暖"))
    assert ids(page) == [requests.fresh, requests.confirmed]
    page.category_combo.setCurrentIndex(0)  # all categories

    page.assignee_picker.set_person_id(requests.wang)
    assert ids(page) == [requests.overdue]
    page.assignee_picker.set_key(None)  # anyone
    assert page.shown_count() == 4

    # Search by the head's pinyin initials, after the typing pause.
    qtbot.keyClicks(page.search, "ldy")
    qtbot.waitUntil(lambda: ids(page) == [requests.fresh], timeout=WAIT_MS)
    page.search.clear()
    qtbot.waitUntil(lambda: page.shown_count() == 4, timeout=WAIT_MS)


def test_a_shorter_limit_makes_more_requests_overdue(
    page: RequestsPage, requests: Requests
) -> None:
    with requests.database.session() as session:
        settings = get_station_settings(session)
        save_station_settings(session, type(settings)(
            name=settings.name, phone=settings.phone,
            visit_interval_days=settings.visit_interval_days, request_limit_days=30))
    page.refresh()
    assert page.summary_text() == "2 open"
    assert page.model.overdue_count() == 0


def test_new_request_for_a_household_and_open_with_enter(
    qtbot: QtBot, page: RequestsPage, requests: Requests
) -> None:
    def fill(dialog: RequestDialog) -> None:
        assert dialog.household_picker.household_id() == requests.li_daye
        assert dialog.household_picker.isReadOnly()
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("燃气"))
        dialog.description_edit.setPlainText("燃气灶打不着火")
        dialog.accept()

    failures = in_modal(RequestDialog, fill)
    with qtbot.waitSignal(page.count_changed):
        page.new_request_for(requests.li_daye)
    assert not failures, failures
    new_id = page.current_request_id()
    assert new_id is not None and new_id not in (requests.fresh, requests.overdue)
    assert ids(page)[0] == new_id
    assert page.summary_text() == "3 open · 1 overdue"
    assert page.open_button.isEnabled()

    # Enter on the table opens the selected request.
    seen: list[str] = []

    def look(dialog: RequestDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    failures = in_modal(RequestDialog, look)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert not failures, failures
    assert seen == [f"Request No. {new_id}: 李大爷 · 燃气"]


def test_a_step_taken_in_the_dialog_refreshes_the_list(
    qtbot: QtBot, page: RequestsPage, requests: Requests
) -> None:
    def choose_wang(step: RequestStepDialog) -> None:
        assert step.assignee_picker is not None
        step.assignee_picker.set_person_id(requests.wang)
        step.accept()

    inner: list[BaseException] = []

    def dispatch(dialog: RequestDialog) -> None:
        inner.extend(in_modal(RequestStepDialog, choose_wang))
        dialog.action_buttons[Action.DISPATCH].click()
        assert dialog.status_label.text() == "派单"
        dialog.reject()

    failures = in_modal(RequestDialog, dispatch)
    page.open_request(requests.fresh)
    assert not failures and not inner, (failures, inner)
    with requests.database.session() as session:
        fresh = get_request(session, requests.fresh, now=requests.database.clock.now())
    assert fresh.status is RequestStatus.ASSIGNED
    row = page.model.row_of(requests.fresh)
    assert row is not None
    assert page.model.index(row, RequestColumn.ASSIGNEE).data() == "王师傅"
    assert page.current_request_id() == requests.fresh


def test_an_unknown_request_is_reported(page: RequestsPage, boxes: MessageBoxes) -> None:
    page.open_request(9999)
    assert len(boxes.warnings) == 1 and boxes.warnings[0].startswith("Request not found")
