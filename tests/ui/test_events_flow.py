"""Events, delivery planning, the deliveries panel and the PDF preview, through real widgets.

The flow the station asked for: record an event in the dialog, plan deliveries with the
ledger's filters (the count is shown before anything is written), split the stops among
two volunteers, print the sheets into the in-app preview, and record what happened at
each door from the keyboard; 再送一次 puts a not-home stop back to pending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareCategory, DeliveryOutcome
from stationapp.reports.fonts import FontNotFoundError
from stationapp.services.catalogue import list_event_types, list_items
from stationapp.services.database import Database
from stationapp.services.delivery_stops import group_stops, list_deliveries
from stationapp.services.events import (
    EventInput,
    ServiceInput,
    TallyInput,
    create_event,
    get_event,
    list_events,
    update_event,
)
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.deliveries_panel import DeliveriesPanel
from stationapp.ui.delivery_planner import CandidateModel, DeliveryPlannerDialog
from stationapp.ui.delivery_stop_model import ALL_STOPS, UNASSIGNED, StopColumn, StopTableModel
from stationapp.ui.event_dialog import EventDialog, to_qdatetime
from stationapp.ui.events_page import EventColumn, EventsPage, EventTableModel
from stationapp.ui.main_window import MainWindow
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

WAIT_MS = 3000
PDF_WAIT_MS = 30000

# Three more 孤寡 households: with 冯阿姨 of the shared ledger, four in three communities.
WIDOWED: tuple[HouseholdInput, ...] = (
    HouseholdInput(
        community="锦华一区", building="2", unit="1", room="201", phone="13905460001",
        categories=frozenset({CareCategory.WIDOWED_CHILDLESS}),
        residents=(ResidentInput(name="赵奶奶", birth_date=date(1936, 2, 1), is_head=True,
                                 mobility_notes="卧床，请多敲门"),),
    ),
    HouseholdInput(
        community="锦华一区", building="10", unit="1", room="101", phone="13905460002",
        categories=frozenset({CareCategory.WIDOWED_CHILDLESS}),
        residents=(ResidentInput(name="钱爷爷", birth_date=date(1939, 7, 7), is_head=True),),
    ),
    HouseholdInput(
        community="晖苑小区", building="3", unit="2", room="501", phone="13905460003",
        categories=frozenset({CareCategory.WIDOWED_CHILDLESS}),
        residents=(ResidentInput(name="孙奶奶", birth_date=date(1940, 9, 9), is_head=True),),
    ),
)


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py;
    questions are answered Yes."""
    message_boxes.answer = QMessageBox.StandardButton.Yes
    return message_boxes


@dataclass(frozen=True)
class Station:
    """The shared ledger plus three 孤寡 households and two volunteers."""

    database: Database
    volunteers: tuple[int, int]
    items: dict[str, int]
    types: dict[str, int]


@pytest.fixture
def station(ledger: Database, today: date) -> Iterator[Station]:
    """The ledger of conftest with the 孤寡 households and volunteers 刘墨林 and 李玉珍."""
    with ledger.session() as session:
        for household in WIDOWED:
            create_household(session, household, actor="test", today=today)
        first = create_volunteer(session, VolunteerInput(
            name="刘墨林", phone="15209066660", community="晖苑小区", skills=("书法",)), "test",
            today=today)
        second = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区", skills=("剪纸",)), "test",
            today=today)
        items = {i.name: i.id for i in list_items(session)}
        types = {t.name: t.id for t in list_event_types(session)}
    yield Station(ledger, (first, second), items, types)


def make_event(station: Station, title: str = "贴窗花迎新年", when: datetime | None = None) -> int:
    """An event recorded through the service (for tests that are not about the dialog);
    by default it took place two weeks before the clock's today, at 14:00."""
    if when is None:
        when = datetime.combine(station.database.clock.today() - timedelta(days=14), time(14))
    with station.database.session() as session:
        return create_event(session, EventInput(
            event_type_id=station.types["送窗花"], title=title, starts_at=when, place="东利小区",
        ), "test")


def outcomes(station: Station, event_id: int) -> dict[str, DeliveryOutcome]:
    """Recipient → outcome of every delivery of the event."""
    with station.database.session() as session:
        return {row.recipient: row.outcome for row in list_deliveries(session, event_id)}


def wait_for_preview(qtbot: QtBot, maker: Any) -> PdfPreviewDialog:
    """Wait until the PDF maker shows its preview (the PDF is made in a worker thread)."""
    qtbot.waitUntil(lambda: maker.preview is not None, timeout=PDF_WAIT_MS)
    preview = maker.preview
    assert isinstance(preview, PdfPreviewDialog)
    return preview


# ------------------------------------------------------------------ the whole flow


def test_plan_assign_print_and_record_outcomes(
    qtbot: QtBot, station: Station, tmp_path: Path, boxes: MessageBoxes
) -> None:
    database = station.database
    first, second = station.volunteers

    # 1. The event is recorded through the dialog.
    dialog = EventDialog(Operations(database, "clerk"), None)
    qtbot.addWidget(dialog)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findText("送窗花"))
    dialog.title_edit.setText("贴窗花迎新年")
    dialog.place_edit.setText("东利小区活动室")
    dialog.participants_spin.setValue(12)
    row = dialog.add_tally(station.items["窗花"], 40)
    assert dialog.tallies_table.item(row, 2).text() == "张"
    dialog.add_service(first, 3.0)
    assert dialog.save()
    event_id = dialog.saved_event_id
    assert event_id is not None
    with database.session() as session:
        detail = get_event(session, event_id)
    assert detail.type == "送窗花"
    assert [(t.item, t.quantity) for t in detail.tallies] == [("窗花", 40)]
    assert [(v.name, v.hours) for v in detail.volunteers] == [("刘墨林", 3.0)]

    # 2. The events page lists it; Deliveries opens the panel (nothing planned yet). The
    # page hears the change notices as the main window hands them on.
    operations = Operations(database, "clerk")
    page = EventsPage(operations)
    operations.changed.connect(page.apply_changes)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 1, timeout=WAIT_MS)
    assert page.select_event(event_id)
    panel = page.open_deliveries()
    assert isinstance(panel, DeliveriesPanel)
    assert panel.all_stops() == []
    assert "No deliveries planned yet" in panel.summary_label.text()

    # 3. Plan with a category filter: the list and its count come before committing.
    panel.open_planner()
    planner = panel.planner
    assert isinstance(planner, DeliveryPlannerDialog)
    assert planner.model.rowCount() == 0  # nothing listed before a filter is chosen
    assert not planner.plan_button.isEnabled()
    planner.set_category(CareCategory.WIDOWED_CHILDLESS)
    heads = [c.head for c in planner.model.candidates()]
    assert sorted(heads) == sorted(["冯阿姨", "赵奶奶", "钱爷爷", "孙奶奶"])
    assert planner.count_label.text() == "4 households match · 4 ticked"
    assert planner.plan_button.text() == "&Plan for 4 household(s)"
    planner.model.toggle(heads.index("孙奶奶"))  # by hand: not this one
    assert planner.count_label.text() == "4 households match · 3 ticked"
    planner.model.toggle(heads.index("孙奶奶"))
    planner.set_line(0, station.items["窗花"], 2)
    assert outcomes(station, event_id) == {}  # nothing written yet
    with qtbot.waitSignal(planner.planned, timeout=WAIT_MS):
        planner.plan_button.click()
    assert planner.plan_result is not None
    assert planner.plan_result.created == 4
    assert "4 delivery(ies) planned." in planner.done_label.text()
    # Planned households now show greyed and unticked; planning them again skips them.
    assert planner.count_label.text() == (
        "4 households match · 0 ticked · 4 already planned for this event")
    planner.model.set_all(True)
    planner.plan()
    assert planner.plan_result.created == 0
    assert planner.plan_result.skipped_duplicates == 4
    planner.reject()
    qtbot.waitUntil(lambda: panel.planner is None, timeout=WAIT_MS)
    assert len(panel.all_stops()) == 4
    assert panel.sheet_keys() == [ALL_STOPS, UNASSIGNED]
    assert page.model.index(page.model.row_of(event_id) or 0,
                            EventColumn.PLANNED).data() == "4 household(s)"

    # 4. Split among two volunteers through the (non-blocking) split dialog.
    panel.open_split_dialog()
    split = panel.split_dialog
    assert split is not None
    assert split.chosen_ids() == [first]  # the volunteers who served are ticked
    split.set_ticked([first, second])
    split.accept()
    counts = panel.sheet_counts()
    assert counts[first] == (2, 2)
    assert counts[second] == (2, 2)
    assert UNASSIGNED not in counts
    for stop in panel.all_stops():  # a building stays with one volunteer; stops numbered
        assert stop.volunteer_id in (first, second)
    assert sorted(s.stop_order for s in panel.all_stops() if s.volunteer_id == first) == [1, 2]

    # 5. Print all sheets into the in-app preview; print it and save a copy.
    page.print_sheets(None)
    preview = wait_for_preview(qtbot, page.pdf)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count() >= 2  # each volunteer starts on a new page
    assert preview.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    preview.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes()[:5] == b"%PDF-"
    temporary = preview.path
    preview.close_button.click()
    qtbot.waitUntil(lambda: page.pdf.preview is None, timeout=WAIT_MS)
    assert not temporary.exists()  # the preview removed its temporary file
    # One volunteer's sheet from the panel.
    assert panel.select_sheet(first)
    assert panel.print_button.text() == "P&rint this sheet…"
    panel.print_sheet()
    preview = wait_for_preview(qtbot, panel.pdf)
    assert preview.is_ready()
    # 2 pages: 刘墨林's two doors lie in 东旭小区 and 锦华一区, one walking-route sheet each
    assert preview.page_count() == 2
    assert "刘墨林" in preview.windowTitle()
    preview.done(0)

    # 6. Record outcomes from the returned sheet with the keyboard.
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT_MS)
    assert panel.select_sheet(first)
    stops = panel.model.stops()
    assert [s.stop_order for s in stops] == [1, 2]
    panel.select_rows([0])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_1)  # 已送达, and the next stop is selected
    assert [s.key for s in panel.selected_stops()] == [stops[1].key]
    panel.note_edit.insert("邻居说去女儿家了")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return)  # back to the table
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_2)  # 不在家, with the note
    assert panel.note_edit.text() == ""
    recorded = outcomes(station, event_id)
    assert recorded[stops[0].recipient] is DeliveryOutcome.DELIVERED
    assert recorded[stops[1].recipient] is DeliveryOutcome.NOT_HOME
    with database.session() as session:
        rows = {r.recipient: r for r in list_deliveries(session, event_id)}
    assert rows[stops[1].recipient].outcome_note == "邻居说去女儿家了"
    assert panel.sheet_counts()[first] == (2, 0)

    # 7. 再送一次: the not-home stop goes back to pending, second attempt.
    assert panel.redeliver_button.isEnabled()
    panel.redeliver_button.click()
    recorded = outcomes(station, event_id)
    assert recorded[stops[1].recipient] is DeliveryOutcome.PENDING
    assert recorded[stops[0].recipient] is DeliveryOutcome.DELIVERED
    attempt = next(s for s in panel.all_stops() if s.key == stops[1].key).attempt
    assert attempt == 2

    # 8. "All delivered" for the other volunteer's sheet (after a confirmation).
    assert panel.select_sheet(second)
    panel.all_delivered_button.click()
    assert len(boxes.questions) == 1
    assert panel.sheet_counts()[second] == (2, 0)

    # 9. A volunteer's note goes to the household record.
    assert panel.select_sheet(first)
    panel.select_rows([1])
    panel.note_edit.insert("老人说暖气不热")
    assert panel.add_household_note()
    household_id = stops[1].household_id
    with database.session() as session:
        notes = get_household(session, household_id, today=database.clock.today()).notes
    assert f"{database.clock.today():%Y-%m-%d} 贴窗花迎新年：老人说暖气不热" in notes

    # 10. The event list follows: 4 planned, 3 delivered, 1 to go.
    row_of_event = page.model.row_of(event_id)
    assert row_of_event is not None
    shown = [page.model.index(row_of_event, c).data()
             for c in (EventColumn.PLANNED, EventColumn.DONE, EventColumn.PENDING)]
    assert shown == ["4 household(s)", "3 household(s)", "1 household(s)"]
    assert boxes.warnings == []
    page.close_windows()


# ------------------------------------------------------------------ the panel in detail


def planned_event(station: Station) -> int:
    """An event with 窗花 × 1 planned for the four 孤寡 households (unassigned)."""
    from stationapp.services.delivery_planning import PlanLine, TargetFilter, find_candidates
    from stationapp.services.delivery_planning import plan_deliveries as plan

    event_id = make_event(station)
    with station.database.session() as session:
        found = find_candidates(session, event_id,
                                TargetFilter(category=CareCategory.WIDOWED_CHILDLESS),
                                today=station.database.clock.today())
        plan(session, event_id, [c.household_id for c in found],
             [PlanLine(station.items["窗花"], 1), PlanLine(station.items["福字"], 1)], "test")
    return event_id


def test_hand_assignment_and_walking_order(qtbot: QtBot, station: Station) -> None:
    event_id = planned_event(station)
    first, _second = station.volunteers
    panel = DeliveriesPanel(Operations(station.database, "clerk"), event_id)
    qtbot.addWidget(panel)
    # Two items of one household are one stop.
    assert len(panel.all_stops()) == 4
    assert all(s.items == "福字 × 1、窗花 × 1" for s in panel.all_stops())  # catalogue order
    assert panel.select_sheet(UNASSIGNED)
    panel.select_rows([0, 1, 2])
    panel.assign_combo.setCurrentIndex(panel.assign_combo.findData(first))
    panel.assign_button.click()
    assert panel.sheet_counts()[first] == (3, 3)
    assert panel.sheet_counts()[UNASSIGNED] == (1, 1)

    assert panel.select_sheet(first)
    before = [s.recipient for s in panel.model.stops()]
    # The walking route is THE order (issue 15): numbered 1…n as printed, no ↑/↓ to move
    # a stop, Ctrl+Down moves nothing.
    assert [s.stop_order for s in panel.model.stops()] == [1, 2, 3]
    assert [s.number for s in panel.model.stops()] == [1, 2, 3]
    assert not hasattr(panel, "up_button") and not hasattr(panel, "move_selected")
    panel.select_rows([0])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down,  # type: ignore[no-untyped-call]
                   Qt.KeyboardModifier.ControlModifier)
    assert [s.recipient for s in panel.model.stops()] == before

    # Back to unassigned by hand.
    panel.select_rows([2])
    panel.assign_combo.setCurrentIndex(panel.assign_combo.findData(-1))
    panel.assign_button.click()
    assert panel.sheet_counts()[UNASSIGNED] == (2, 2)


def test_outcome_keys_and_future_time_are_refused_inline(
    qtbot: QtBot, station: Station
) -> None:
    event_id = planned_event(station)
    panel = DeliveriesPanel(Operations(station.database, "clerk"), event_id)
    qtbot.addWidget(panel)
    panel.select_rows([0])
    panel.when_edit.setDateTime(panel.when_edit.dateTime().addDays(2))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_3)
    assert set(outcomes(station, event_id).values()) == {DeliveryOutcome.PENDING}
    assert "时间不能晚于现在" in panel.message_label.text()
    panel.when_edit.setDateTime(panel.when_edit.dateTime().addDays(-2))
    for key, outcome in ((Qt.Key.Key_3, DeliveryOutcome.REFUSED),
                         (Qt.Key.Key_4, DeliveryOutcome.WRONG_ADDRESS),
                         (Qt.Key.Key_5, DeliveryOutcome.CANCELLED)):
        recipient = panel.selected_stops()[0].recipient
        qtbot.keyClick(panel.table, key)
        assert outcomes(station, event_id)[recipient] is outcome
    # Keys with a modifier are not outcomes.
    recipient = panel.selected_stops()[0].recipient
    qtbot.keyClick(panel.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert outcomes(station, event_id)[recipient] is DeliveryOutcome.PENDING


def test_a_panel_left_open_overnight_offers_the_new_day(
    qtbot: QtBot, station: Station, today: date,
    travel_to: Callable[[date | datetime], None],
) -> None:
    panel = DeliveriesPanel(Operations(station.database, "clerk"), planned_event(station))
    qtbot.addWidget(panel)
    assert panel.when_edit.dateTime().toPython().date() == today
    assert panel.round_date_edit.maximumDate().toPython() == today
    tomorrow = today + timedelta(days=1)
    travel_to(datetime.combine(tomorrow, time(8, 30)))
    panel.refresh()
    assert panel.when_edit.dateTime().toPython() == datetime.combine(tomorrow, time(8, 30))
    assert panel.round_date_edit.maximumDate().toPython() == tomorrow
    chosen = datetime.combine(today, time(16, 0))  # a time the clerk typed stays
    panel.when_edit.setDateTime(to_qdatetime(chosen))
    travel_to(datetime.combine(tomorrow, time(9, 45)))
    panel.refresh()
    assert panel.when_edit.dateTime().toPython() == chosen


def test_stop_model_passes_the_model_tester(qtmodeltester: Any, station: Station) -> None:
    event_id = planned_event(station)
    with station.database.session() as session:
        stops = group_stops(list_deliveries(session, event_id))
    model = StopTableModel()
    model.set_stops(stops)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, StopColumn.OUTCOME).data() == "待送"


def test_candidate_model_passes_the_model_tester(qtmodeltester: Any, station: Station) -> None:
    from stationapp.services.delivery_planning import TargetFilter, find_candidates

    event_id = make_event(station)
    with station.database.session() as session:
        found = find_candidates(session, event_id, TargetFilter(search="锦华"),
                                today=station.database.clock.today())
    model = CandidateModel()
    model.set_candidates(found)
    qtmodeltester.check(model, force_py=True)
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert len(model.ticked_ids()) == len(found) - 1


# ------------------------------------------------------------------ the events page


def test_events_model_passes_the_model_tester(qtmodeltester: Any, station: Station) -> None:
    for day in range(3):
        make_event(station, f"活动{day}", datetime(2026, 3, 1 + day, 9, 0))
    with station.database.session() as session:
        rows = list_events(session)
    model = EventTableModel()
    model.set_events(rows)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, EventColumn.TITLE).data() for r in range(3)] == [
        "活动2", "活动1", "活动0"]  # newest first
    assert model.index(0, EventColumn.DATE).data() == "2026-03-03 09:00"
    assert model.headerData(EventColumn.PLANNED, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole)


def test_events_page_search_and_date_range(qtbot: QtBot, station: Station) -> None:
    make_event(station, "写春联送祝福", datetime(2026, 1, 10, 9, 0))
    make_event(station, "贴窗花迎新年", datetime(2026, 1, 20, 14, 0))
    make_event(station, "安全宣传日", datetime(2026, 3, 5, 9, 0))
    page = EventsPage(Operations(station.database, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    page.set_date_range(date(2026, 1, 15), None)
    assert page.shown_count() == 2
    page.set_date_range(date(2026, 1, 1), date(2026, 1, 31))
    assert page.shown_count() == 2
    assert page.date_from.text() == "2026-01-01"
    page.search.insert("春联")  # every one is of the type 送窗花: 窗花 would find all
    qtbot.waitUntil(lambda: page.shown_count() == 1, timeout=WAIT_MS)
    page.clear_dates()
    assert page.date_range() == (None, None)
    assert page.date_from.text() == "any"
    page.search.clear()
    qtbot.waitUntil(lambda: page.shown_count() == 3, timeout=WAIT_MS)
    assert not page.edit_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    assert page.current_event() is not None


def test_event_dialog_shows_problems_inline(qtbot: QtBot, station: Station) -> None:
    dialog = EventDialog(Operations(station.database, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.title_edit.clear()
    dialog.ends_check.setChecked(True)
    dialog.ends_edit.setDateTime(dialog.starts_edit.dateTime().addSecs(-3600))
    dialog.add_tally(station.items["窗花"], 5)
    dialog.add_tally(station.items["窗花"], 3)  # the same item twice
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved_event_id is None
    assert dialog.errors["title"].isVisible()
    assert dialog.errors["title"].text() == "请填写活动名称"
    assert dialog.errors["ends_at"].isVisible()
    assert "Line 2" in dialog.tallies_error.text()
    assert dialog.title_edit.property("invalid") is True
    assert dialog.title_edit.hasFocus()
    with station.database.session() as session:
        assert list_events(session) == []


def test_event_dialog_reports_a_conflict(
    qtbot: QtBot, station: Station, boxes: MessageBoxes
) -> None:
    event_id = make_event(station)
    first, _second = station.volunteers
    dialog = EventDialog(Operations(station.database, "clerk"), event_id)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "贴窗花迎新年"
    with station.database.session() as session:
        data = get_event(session, event_id).as_input()
        update_event(session, event_id, EventInput(
            **{**data.__dict__, "participant_count": 30,
               "volunteers": (ServiceInput(first, 2.0),),
               "tallies": (TallyInput(station.items["福字"], 10),)}), "other desk")
    dialog.place_edit.setText("党员服务社")
    assert not dialog.save()
    assert len(boxes.warnings) == 1
    assert boxes.warnings[0].startswith("Changed by someone else")
    with station.database.session() as session:
        assert get_event(session, event_id).place == "东利小区"


def test_a_missing_font_is_a_plain_message(
    qtbot: QtBot, station: Station, boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stationapp.reports.delivery_sheet as sheet_module

    def no_font() -> str:
        raise FontNotFoundError("找不到中文字体。请安装文泉驿微米黑：sudo apt install "
                                "fonts-wqy-microhei")

    monkeypatch.setattr(sheet_module, "cjk_font", no_font)
    event_id = planned_event(station)
    page = EventsPage(Operations(station.database, "clerk"))
    qtbot.addWidget(page)
    page.refresh()
    page.select_event(event_id)
    with qtbot.waitSignal(page.pdf.problem, timeout=PDF_WAIT_MS) as blocker:
        page.print_sheets(None)
    assert "fonts-wqy-microhei" in blocker.args[0]
    assert len(boxes.warnings) == 1
    assert "fonts-wqy-microhei" in boxes.warnings[0]
    assert page.pdf.preview is None
    assert not page.pdf.busy()


def test_event_report_opens_in_the_preview(qtbot: QtBot, station: Station) -> None:
    event_id = planned_event(station)
    page = EventsPage(Operations(station.database, "clerk"))
    qtbot.addWidget(page)
    page.refresh()
    page.select_event(event_id)
    page.report_button.click()
    preview = wait_for_preview(qtbot, page.pdf)
    assert preview.is_ready()
    assert preview.page_count() >= 1
    assert preview.windowTitle() == "Event report: 贴窗花迎新年"
    preview.done(0)


def test_main_window_has_events_and_volunteers_pages(
    qtbot: QtBot, main_window: MainWindow, station: Station
) -> None:
    make_event(station)
    navigation = main_window.navigation
    navigation.setCurrentRow(main_window.pages.indexOf(main_window.events))
    assert main_window.pages.currentWidget() is main_window.events
    qtbot.waitUntil(lambda: main_window.events.shown_count() == 1, timeout=WAIT_MS)
    assert main_window.count_label.text() == "1 event(s) shown"
    navigation.setCurrentRow(main_window.pages.indexOf(main_window.volunteers))
    qtbot.waitUntil(lambda: main_window.volunteers.shown_count() == 2, timeout=WAIT_MS)
    assert main_window.count_label.text() == "2 volunteer(s) shown"
    navigation.setCurrentRow(main_window.pages.indexOf(main_window.households))
    # The households page is built when first shown, so it reads the ledger as it is now.
    assert main_window.count_label.text() == "7 of 7 households shown"
    main_window.refresh_action.trigger()  # F5 reads the page shown again
    assert main_window.count_label.text() == "7 of 7 households shown"


def test_old_events_keep_their_date(station: Station) -> None:
    # The dialog keeps minutes and round-trips the stored time exactly.
    from stationapp.ui.event_dialog import from_qdatetime, to_qdatetime

    moment = datetime(2026, 2, 9, 8, 30)
    assert from_qdatetime(to_qdatetime(moment)) == moment
    assert from_qdatetime(to_qdatetime(moment + timedelta(seconds=59))) == moment


# The offscreen platform cannot raise windows; bringing the open window forward says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_one_deliveries_window_per_event(qtbot: QtBot, station: Station) -> None:
    event_id = planned_event(station)
    page = EventsPage(Operations(station.database, "clerk"))
    qtbot.addWidget(page)
    page.refresh()
    page.select_event(event_id)
    first = page.open_deliveries()
    assert page.open_deliveries() is first  # one window per event
    assert first is not None
    first.close()
    qtbot.waitUntil(lambda: event_id not in page.panels, timeout=WAIT_MS)
    assert all(not isinstance(w, DeliveriesPanel) or not w.isVisible()
               for w in QApplication.topLevelWidgets())


def test_remove_takes_the_line_being_edited(qtbot: QtBot, station: Station) -> None:
    dialog = EventDialog(Operations(station.database, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    for name, quantity in (("春联", 1), ("福字", 2), ("窗花", 3)):
        dialog.add_tally(station.items[name], quantity)
    spin = dialog.tallies_table.cellWidget(1, 1)
    assert spin is not None
    spin.setFocus()
    qtbot.waitUntil(lambda: dialog.tallies_table.currentRow() == 1, timeout=WAIT_MS)
    dialog.remove_tally_button.click()
    assert [(t.item_id, t.quantity) for t in dialog.current_input().tallies] == [
        (station.items["春联"], 1), (station.items["窗花"], 3)]


def test_worker_runs_off_the_gui_thread_with_its_own_session(
    qtbot: QtBot, station: Station
) -> None:
    import threading

    from stationapp.ui.workers import TaskRunner

    runner = TaskRunner(station.database)
    threads: list[threading.Thread] = []
    results: list[object] = []
    errors: list[BaseException] = []

    def work(session: Any) -> int:
        threads.append(threading.current_thread())
        return len(list_events(session))

    def fail(_session: Any) -> int:
        raise FontNotFoundError("no font")

    task = runner.run(work, results.append, errors.append)
    qtbot.waitUntil(lambda: results == [0], timeout=WAIT_MS)
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=WAIT_MS)
    assert task.result == 0
    runner.run(fail, results.append, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=WAIT_MS)
    assert isinstance(errors[0], FontNotFoundError)
    cancelled = runner.run(work, results.append, errors.append)
    cancelled.cancel()
    runner.wait_all()
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=WAIT_MS)
    assert results == [0]  # a cancelled task reports nothing


def test_moving_away_cancels_pending_deliveries_and_says_so(
    qtbot: QtBot, station: Station, boxes: MessageBoxes
) -> None:
    from stationapp.domain.vocab import HouseholdStatus
    from stationapp.ui.household_dialog import HouseholdDialog

    event_id = planned_event(station)  # 窗花 and 福字 for each 孤寡 household
    with station.database.session() as session:
        zhao = next(r.household_id for r in list_deliveries(session, event_id)
                    if r.recipient == "赵奶奶")
    dialog = HouseholdDialog(Operations(station.database, "clerk"), zhao)
    qtbot.addWidget(dialog)
    dialog.change_status()
    status = dialog.status_dialog
    assert status is not None
    status.set_status(HouseholdStatus.MOVED_AWAY)
    status.reason_edit.insert("随子女迁往外地")
    status.accept()
    assert boxes.information == [
        "Deliveries cancelled: 2 pending delivery(ies) of this household were cancelled."]
    assert outcomes(station, event_id)["赵奶奶"] is DeliveryOutcome.CANCELLED
    assert outcomes(station, event_id)["钱爷爷"] is DeliveryOutcome.PENDING


# ------------------------------------------------------------------ round hours


def test_round_hours_recorded_in_the_panel_count_on_the_volunteers_page(
    qtbot: QtBot, station: Station
) -> None:
    from stationapp.services.service_record import list_rounds
    from stationapp.ui.volunteers_page import VolunteerColumn, VolunteersPage

    event_id = planned_event(station)
    first, second = station.volunteers
    panel = DeliveriesPanel(Operations(station.database, "clerk"), event_id)
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):
        panel.show()
    assert panel.select_sheet(UNASSIGNED)
    panel.select_rows([0, 1, 2])
    panel.assign_combo.setCurrentIndex(panel.assign_combo.findData(first))
    panel.assign_button.click()
    panel.select_rows([0])  # the one stop left unassigned
    panel.assign_combo.setCurrentIndex(panel.assign_combo.findData(second))
    panel.assign_button.click()
    assert panel.sheet_counts()[first] == (3, 3)

    # Not a volunteer's sheet: no round to record.
    assert panel.select_sheet(ALL_STOPS)
    assert not panel.round_button.isEnabled()
    assert panel.round_label.text() == "Round hours: choose a volunteer's sheet."

    # The first volunteer's sheet: record outcomes, then the hours of the round.
    assert panel.select_sheet(first)
    assert panel.round_label.text() == "Round of 刘墨林:"
    assert panel.round_button.isEnabled()
    assert panel.round_hours_spin.value() == 0
    panel.select_rows([0])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    panel.round_date_edit.setDate(panel.round_date_edit.date().addDays(-1))
    day = panel.round_date_edit.date().toPython()
    panel.round_hours_spin.setFocus()
    panel.round_hours_spin.selectAll()
    qtbot.keyClicks(panel.round_hours_spin, "2.5")
    qtbot.keyClick(panel.round_hours_spin, Qt.Key.Key_Return)  # Enter saves the hours
    assert panel.message_label.text() == (
        f"Round of 刘墨林 on {day.isoformat()}: 2.5 hours recorded.")
    with station.database.session() as session:
        rounds = list_rounds(session, event_id)
    assert [(r.volunteer_id, r.round_date, r.hours, r.stops) for r in rounds] == [
        (first, day, 2.5, 3)]
    assert panel.rounds.topLevelItemCount() == 1
    item = panel.rounds.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == ["刘墨林", day.isoformat(), "2.5", "3"]

    # Correcting: Enter on the round loads it; a new value replaces the old one.
    assert panel.select_sheet(ALL_STOPS)
    panel.rounds.setFocus()
    panel.rounds.setCurrentItem(item)
    qtbot.keyClick(panel.rounds, Qt.Key.Key_Return)
    assert panel.current_sheet() == first
    assert panel.round_hours_spin.hasFocus()
    assert panel.round_hours_spin.value() == 2.5
    panel.round_hours_spin.setValue(3)
    panel.round_button.click()
    with station.database.session() as session:
        assert [r.hours for r in list_rounds(session, event_id)] == [3.0]

    page = VolunteersPage(Operations(station.database, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    row = page.model.row_of(first)
    assert row is not None
    assert page.model.index(row, VolunteerColumn.HOURS).data() == "3"
    assert page.model.index(row, VolunteerColumn.HOURS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Events 0 h · delivery rounds 3 h")

    # 0 hours removes the round.
    assert panel.select_sheet(first)
    panel.round_hours_spin.setValue(0)
    panel.round_button.click()
    assert panel.message_label.text() == f"Round of 刘墨林 on {day.isoformat()} removed."
    assert panel.rounds.topLevelItemCount() == 0
