"""The statistics page (统计) through real widgets.

A small station prepared with the services (the four households of the shared ledger,
registered in October 2025; visits in December 2025 and January 2026; two requests, one
resolved and called back, one still open; an event with a volunteer's hours) is shown
for January 2026 (the tests travel to 15 January 2026, whatever day the suite runs on):
the cards, charts and tables show its figures, the month picker moves across the year
boundary (buttons and keyboard), a month without records shows the quiet "no data"
texts, "Print monthly report…" opens the 月报 in the in-app PDF preview, and a page left
open into a new month moves on to it at its next refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from stationapp.domain.care_vocab import RequestStatus, Satisfaction, VisitMethod
from stationapp.domain.models import Household
from stationapp.services.catalogue import list_event_types
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.household_queries import HouseholdFilter, list_households
from stationapp.services.requests import RequestInput, advance_request, create_request
from stationapp.services.statistics import (
    MonthlyStatistics,
    RequestCategoryFigures,
    monthly_statistics,
)
from stationapp.services.visit_coverage import Coverage
from stationapp.services.visit_schedule import reschedule_all
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.chart_widgets import BarChartPanel, FigureCard, percent_text
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_preview import PdfPreviewDialog
from stationapp.ui.statistics_page import StatisticsPage, add_months, satisfaction_rate
from stationapp.workflows.visits import record_visit

TODAY = date(2026, 1, 15)
ENTERED = datetime(2025, 10, 8, 9, 0)
JANUARY = date(2026, 1, 1)
DECEMBER = date(2025, 12, 1)
QUIET_MONTH = date(2025, 11, 1)
WAIT_MS = 5000
PDF_WAIT_MS = 30000


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes never block a test; what they were asked to say is kept."""
    seen: list[str] = []

    def warning(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


@dataclass(frozen=True)
class Station:
    """The ledger with visits, requests and an event with volunteer hours."""

    database: Database
    households: dict[str, int]


@pytest.fixture
def station(ledger: Database, travel_to: Callable[[date | datetime], None]) -> Iterator[Station]:
    """Records of December 2025 and January 2026, made through the services; the clock
    stands at noon on :data:`TODAY`."""
    travel_to(datetime.combine(TODAY, time(12)))
    with ledger.session() as session:
        # The households were registered in the autumn before (the service counts a
        # household from its 登记日期); the schedule follows the back-dated registration.
        session.execute(update(Household).values(created_at=ENTERED,
                                                 registered_on=ENTERED.date()))
        reschedule_all(session)
        heads = {row.head: row.id
                 for row in list_households(session, HouseholdFilter(), today=TODAY)}
    li, shan, feng = heads["李大爷"], heads["单秀英"], heads["冯阿姨"]
    with ledger.session() as session:
        record_visit(session, VisitInput(li, date(2026, 1, 5)), "test", today=TODAY)
        record_visit(session, VisitInput(shan, date(2026, 1, 12), VisitMethod.PHONE), "test",
                     today=TODAY)
        record_visit(session, VisitInput(feng, date(2025, 12, 30)), "test", today=TODAY)
        now = datetime(2026, 1, 15, 12, 0)
        radiator = create_request(session, RequestInput(
            li, "供暖", "暖气片不热", received_at=datetime(2026, 1, 3, 9, 0)), "test", now=now)
        advance_request(session, radiator, RequestStatus.RESOLVED, "test",
                        resolution="放气阀放气后恢复正常", when=datetime(2026, 1, 5, 9, 0),
                        now=now)
        advance_request(session, radiator, RequestStatus.CONFIRMED, "test",
                        satisfaction=Satisfaction.SATISFIED, when=datetime(2026, 1, 6, 10, 0),
                        now=now)
        create_request(session, RequestInput(
            shan, "水电", "下水道堵塞", received_at=datetime(2026, 1, 4, 9, 0)), "test", now=now)
        volunteer = create_volunteer(session, VolunteerInput(name="刘墨林", phone="15209066660"),
                                     "test", today=TODAY)
        types = {t.name: t.id for t in list_event_types(session)}
        create_event(session, EventInput(
            event_type_id=types["写春联送祝福"], title="写春联送祝福",
            starts_at=datetime(2026, 1, 10, 9, 0), ends_at=datetime(2026, 1, 10, 11, 30),
            volunteers=(ServiceInput(volunteer, 2.5),)), "test")
    yield Station(ledger, heads)


def expected(station: Station, month: date) -> MonthlyStatistics:
    """The figures the service gives for ``month`` (what the page must show)."""
    with station.database.session() as session:
        return monthly_statistics(session, month, TODAY)


@pytest.fixture
def page(qtbot: QtBot, station: Station) -> StatisticsPage:
    """The page over the station, shown on January 2026 with its figures read."""
    shown = StatisticsPage(Operations(station.database, "test"))
    qtbot.addWidget(shown)
    shown.resize(1200, 760)
    with qtbot.waitSignal(shown.statistics_shown, timeout=WAIT_MS):
        shown.show()
    return shown


def figures(page: StatisticsPage) -> dict[str, str]:
    """Caption → value of every card."""
    return {card.caption_label.text(): card.value_text() for card in page.cards()}


def show_month(qtbot: QtBot, page: StatisticsPage, action: Any) -> MonthlyStatistics:
    """Run ``action`` and wait for the figures it asks for."""
    with qtbot.waitSignal(page.statistics_shown, timeout=WAIT_MS) as blocker:
        action()
    stats = blocker.args[0]
    assert isinstance(stats, MonthlyStatistics)
    return stats


def test_cards_charts_and_tables_show_the_figures_of_the_month(
        page: StatisticsPage, station: Station, qtbot: QtBot) -> None:
    stats = expected(station, JANUARY)
    assert page.month() == JANUARY
    assert page.month_edit.text() == "2026-01"
    assert page.statistics() == stats

    assert figures(page) == {
        "Households on the ledger": "4",
        "Visits this month": "2",
        "Overdue visits": str(stats.overdue_visits),
        "Requests received": "2",
        "Overdue requests": str(stats.requests_overdue),
        "Average days to close": f"{stats.average_days_to_close:.1f} d",
        "Satisfaction": "100 %",
        "Events this month": "1",
        "Delivered": "0 item(s)",
        "Volunteer hours": "2.5 h",
    }
    assert page.shown_count() == 4
    assert page.households_card.detail_text() == " · ".join(
        f"{label}\u00a0{count}" for label, count in stats.by_tier if count)
    assert page.requests_card.detail_text() == "Closed 1 · still open 1"
    assert page.satisfaction_card.detail_text() == "满意\u00a01"
    assert page.events_card.detail_text() == "写春联送祝福\u00a01"
    assert page.hours_card.detail_text() == "1 volunteer(s) served"
    coverage = stats.coverage
    assert coverage.due > 0
    assert page.visits_card.detail_text().startswith(
        f"{coverage.visited} of {coverage.due} households due were visited")
    assert page.visits_card.progress is not None
    assert page.visits_card.progress.isEnabled()
    assert page.visits_card.progress_text() == (
        f"Coverage {percent_text(100 * coverage.visited / coverage.due)}")

    assert page.community_chart.values() == [("东旭小区", 1), ("晖苑小区", 1), ("锦华一区", 2)]
    assert page.category_chart.values() == [(label, n) for label, n in stats.by_category if n]
    assert page.method_chart.values() == [("上门", 1), ("电话", 1)]
    assert not page.method_chart.is_empty()
    assert page.satisfaction_chart.legend_texts() == ["满意  1 (100 %)"]
    assert [[page.request_table.cell_text(row, column) for column in range(4)]
            for row in range(page.request_table.model.rowCount())] == [
        ["供暖", "1", "1", "0"], ["水电", "1", "0", "1"]]
    assert page.volunteer_table.cell_text(0, 0) == "刘墨林"
    assert page.volunteer_table.cell_text(0, 1) == "2.5"
    assert page.empty_notice.isHidden()
    assert "2026-01-15" in page.as_of_label.text()


def test_charts_draw_with_the_application_font(page: StatisticsPage) -> None:
    """Chinese labels are drawn whole, in the page's (CJK) font, beside their bars."""
    page.show_statistics(made_up())
    QApplication.processEvents()
    chart = page.category_chart.chart
    assert chart.font().family() == page.font().family()
    assert chart.font().pointSizeF() == page.font().pointSizeF()
    labels = [label for label, _value in page.category_chart.values()]
    assert "计生特殊家庭" in labels
    assert chart.shown_labels() == labels  # none cut short
    widest = max(page.fontMetrics().horizontalAdvance(label) for label in labels)
    rows = chart.rows()
    assert all(row.label.width() >= widest for row in rows)
    assert all(row.bar.left() > row.label.right() for row in rows)
    assert page.satisfaction_chart.chart.font().family() == page.font().family()


def test_the_month_picker_moves_across_the_year_by_buttons_and_keys(
        page: StatisticsPage, station: Station, qtbot: QtBot) -> None:
    assert not page.next_button.isEnabled()  # no figures of the future
    december = show_month(qtbot, page, page.previous_button.click)
    assert december == expected(station, DECEMBER)
    assert page.month_edit.text() == "2025-12"
    assert figures(page)["Visits this month"] == "1"
    assert figures(page)["Requests received"] == "0"
    assert page.method_chart.values() == [("上门", 1)]
    assert page.next_button.isEnabled()

    page.focus_search()
    assert page.month_edit.hasFocus() or page.month_edit.lineEdit().hasFocus()
    show_month(qtbot, page, lambda: qtbot.keyClick(page.month_edit, Qt.Key.Key_PageDown,
                                                   Qt.KeyboardModifier.ControlModifier))
    assert page.month() == JANUARY
    assert figures(page)["Visits this month"] == "2"
    show_month(qtbot, page, lambda: qtbot.keyClick(page.month_edit, Qt.Key.Key_Left,
                                                   Qt.KeyboardModifier.AltModifier))
    assert page.month() == DECEMBER
    show_month(qtbot, page, lambda: qtbot.keyClick(page.month_edit, Qt.Key.Key_Right,
                                                   Qt.KeyboardModifier.AltModifier))
    assert page.month() == JANUARY

    # Typing into the picker follows after a pause; a day picked keeps only the month.
    stats = show_month(qtbot, page, lambda: page.month_edit.setDate(
        page.month_edit.date().addMonths(-1).addDays(20)))
    assert stats.month == DECEMBER
    assert page.month_edit.date().day() == 1

    # The picker offers nothing after the current month.
    show_month(qtbot, page, lambda: page.set_month(date(2027, 5, 1)))
    assert page.month() == JANUARY


def test_a_month_without_records_shows_quiet_no_data_texts(
        page: StatisticsPage, qtbot: QtBot) -> None:
    show_month(qtbot, page, lambda: page.set_month(QUIET_MONTH))
    assert page.month_edit.text() == "2025-11"
    values = figures(page)
    assert values["Visits this month"] == "0"
    assert values["Requests received"] == "0"
    assert values["Satisfaction"] == "—"
    assert values["Average days to close"] == "—"
    assert values["Volunteer hours"] == "0 h"
    for panel in (page.method_chart, page.satisfaction_chart, page.request_table,
                  page.volunteer_table):
        assert panel.is_empty()
        assert panel.shown_text() == "No data this month"
    assert page.deliveries_card.detail_text() == "No deliveries this month"
    assert page.satisfaction_card.detail_text() == "No call-back this month"
    assert not page.empty_notice.isHidden()
    assert "2025-11" in page.empty_notice.text()
    # Households are on the ledger whatever the month: their charts still draw.
    assert not page.community_chart.is_empty()


def test_print_monthly_report_opens_the_preview(page: StatisticsPage, qtbot: QtBot) -> None:
    page.print_button.click()
    qtbot.waitUntil(lambda: page.pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = page.pdf.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.path.exists()
    assert preview.path.read_bytes()[:5] == b"%PDF-"
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count() >= 1
    assert preview.windowTitle() == "Monthly report 2026-01"
    assert preview.path.name == "Monthly report 2026-01.pdf"
    temporary = preview.path
    preview.close_button.click()
    qtbot.waitUntil(lambda: page.pdf.preview is None, timeout=WAIT_MS)
    assert not temporary.exists()


def test_the_print_button_reads_the_month_when_its_figures_are_not_shown_yet(
        page: StatisticsPage, qtbot: QtBot) -> None:
    page.month_edit.setDate(page.month_edit.date().addMonths(-1))  # the figures wait
    page.print_button.click()
    qtbot.waitUntil(lambda: page.pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = page.pdf.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.windowTitle() == "Monthly report 2025-12"
    assert preview.is_ready()
    preview.done(0)


def test_a_page_left_open_into_a_new_month_moves_on_at_its_next_refresh(
        page: StatisticsPage, qtbot: QtBot, travel_to: Callable[[date | datetime], None]
) -> None:
    assert page.month() == JANUARY and not page.next_button.isEnabled()
    february = date(2026, 2, 1)
    travel_to(datetime.combine(february, time(8)))  # the desk stayed open over the month end
    stats = show_month(qtbot, page, page.refresh)  # F5 on the first morning of February
    assert stats.month == february and stats.as_of == february
    assert page.month_edit.text() == "2026-02"
    assert "2026-02-01" in page.as_of_label.text()
    assert not page.next_button.isEnabled()
    # A month the clerk chose stays chosen; the new month is offered after it.
    show_month(qtbot, page, lambda: page.set_month(DECEMBER))
    travel_to(datetime.combine(date(2026, 3, 2), time(8)))
    show_month(qtbot, page, page.refresh)
    assert page.month() == DECEMBER
    show_month(qtbot, page, page.this_month_button.click)
    assert page.month() == date(2026, 3, 1)


def test_count_changed_tells_the_households_on_the_ledger(
        qtbot: QtBot, station: Station) -> None:
    shown = StatisticsPage(Operations(station.database, "test"))
    qtbot.addWidget(shown)
    assert shown.shown_count() == 0
    with qtbot.waitSignal(shown.count_changed, timeout=WAIT_MS) as blocker:
        shown.refresh()
    assert blocker.args == [4]
    assert shown.shown_count() == 4


# ---------------------------------------------------------------- hand-made figures


def made_up(**changes: Any) -> MonthlyStatistics:
    """Figures of a busy month, without a database."""
    stats = MonthlyStatistics(
        month=date(2026, 11, 1), station="东利党员服务社", generated_on=date(2026, 11, 26),
        households_total=1287,
        by_category=(("高龄", 512), ("孤寡", 38), ("计生特殊家庭", 9), ("留守", 0)),
        by_community=tuple((f"第{n}小区", 100 - n) for n in range(1, 15)),
        by_tier=(("重点", 96), ("关注", 420), ("一般", 771)),
        visits_in_month=431, visits_by_method=(("上门", 288), ("电话", 121), ("视频", 22)),
        coverage=Coverage(month=date(2026, 11, 1), due=468, visited=467),
        overdue_visits=37, requests_received=42, requests_closed=35, requests_open=11,
        requests_overdue=3, average_days_to_close=2.64,
        satisfaction=(("满意", 27), ("基本满意", 5), ("不满意", 1)),
        requests_by_category=(RequestCategoryFigures("供暖", 18, 15, 4),
                              RequestCategoryFigures("其他", 0, 0, 0)),
        events_in_month=4, events_by_type=(("安全宣传", 2), ("节日慰问", 0)),
        deliveries_by_outcome=(("待送", 14), ("已送达", 186), ("不在家", 9)),
        volunteer_hours=312.5, top_volunteers=(("刘墨林", 36.0), ("王秀珍", 28.5)),
        active_volunteers=30, as_of=date(2026, 11, 26), volunteers_served=23,
        request_limit_days=7,
    )
    return replace(stats, **changes)


@pytest.fixture
def bare_page(qtbot: QtBot, ledger: Database) -> StatisticsPage:
    """A page that shows hand-made figures (it reads nothing until refreshed)."""
    shown = StatisticsPage(Operations(ledger, "test"))
    qtbot.addWidget(shown)
    shown.resize(1200, 760)
    return shown


def wrapped(value: str, font: QFont, width: int) -> list[str]:
    """``value`` broken into lines of ``width`` pixels as a word-wrapped label breaks it."""
    layout = QTextLayout(value, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(value[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines


def test_busy_month_figures_read_as_the_clerk_expects(bare_page: StatisticsPage) -> None:
    bare_page.show_statistics(made_up())
    values = figures(bare_page)
    # (27 + 5) / 33 = 96.97 %: the one formatter rounds down (never a rate not reached).
    assert values["Satisfaction"] == "96.9 %"
    assert values["Average days to close"] == "2.6 d"
    assert values["Delivered"] == "186 item(s)"
    assert bare_page.deliveries_card.detail_text() == "待送\u00a014 · 不在家\u00a09"
    # A tier stays on one line with its count: the card wraps only between the parts
    # (never "一般 / 771").
    label = bare_page.households_card.detail_label
    width = label.fontMetrics().horizontalAdvance("重点 96 · 关注 420 · 一般 ")
    assert not any(line.endswith("一般") for line in wrapped(label.text(), label.font(), width))
    assert bare_page.overdue_requests_card.detail_text() == "Open longer than 7 day(s)"
    assert bare_page.hours_card.detail_text() == "23 volunteer(s) served"
    # 467 of 468 is not the target reached: the bar says 99.7 %, never 100 %.
    assert bare_page.visits_card.progress_text() == "Coverage 99.7 %"
    assert bare_page.visits_card.progress is not None
    assert bare_page.visits_card.progress.value() == 99
    # Overdue figures stand out.
    assert "#b3261e" in bare_page.overdue_visits_card.value_label.styleSheet()
    assert "#b3261e" not in bare_page.households_card.value_label.styleSheet()
    # Fourteen communities: the nine largest and one bar for the others.
    bars = bare_page.community_chart.values()
    assert len(bars) == 10
    assert bars[-1] == ("Others", sum(100 - n for n in range(10, 15)))
    # Zero categories are left out of the chart, empty request categories of the table.
    assert ("留守", 0) not in bare_page.category_chart.values()
    assert bare_page.request_table.model.rowCount() == 1
    assert bare_page.satisfaction_chart.legend_texts() == [
        "满意  27 (81.8 %)", "基本满意  5 (15.1 %)", "不满意  1 (3 %)"]


def test_no_household_due_leaves_the_coverage_bar_empty(bare_page: StatisticsPage) -> None:
    bare_page.show_statistics(made_up(
        coverage=Coverage(month=date(2026, 11, 1), due=0, visited=0),
        satisfaction=(("满意", 0), ("基本满意", 0), ("不满意", 0)),
        average_days_to_close=None, overdue_visits=0))
    assert bare_page.visits_card.detail_text() == "No household was due for a visit"
    assert bare_page.visits_card.progress is not None
    assert not bare_page.visits_card.progress.isEnabled()
    assert bare_page.satisfaction_chart.is_empty()
    assert figures(bare_page)["Satisfaction"] == "—"
    assert figures(bare_page)["Average days to close"] == "—"
    assert "#b3261e" not in bare_page.overdue_visits_card.value_label.styleSheet()


def test_the_tables_are_sound_models(bare_page: StatisticsPage, qtmodeltester: ModelTester
                                     ) -> None:
    bare_page.show_statistics(made_up())
    qtmodeltester.check(bare_page.request_table.model)
    qtmodeltester.check(bare_page.volunteer_table.model)


def test_a_bar_chart_without_values_says_so(qtbot: QtBot) -> None:
    panel = BarChartPanel("Households", "Nothing here", FigureCard("x").palette().color(
        FigureCard("x").foregroundRole()))
    qtbot.addWidget(panel)
    panel.set_values([("高龄", 0)])
    assert panel.is_empty()
    assert panel.shown_text() == "Nothing here"
    panel.set_values([("高龄", 3)])
    assert not panel.is_empty()
    assert panel.values() == [("高龄", 3)]


def test_month_arithmetic_crosses_the_year() -> None:
    assert add_months(date(2025, 12, 1), 1) == date(2026, 1, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert add_months(date(2024, 2, 1), 12) == date(2025, 2, 1)
    assert satisfaction_rate((("满意", 1), ("基本满意", 1), ("不满意", 2))) == 0.5
    assert satisfaction_rate((("满意", 0),)) is None
    assert percent_text(99.96) == "99.9 %"
    assert percent_text(86.0) == "86 %"
