"""工作台 and navigation: the window opens on the home page, whose headings and lines open
the lists behind them; statistics cards click through; Ctrl+1…7 and Ctrl+N follow the
pages; the program's name and the database (without secrets) are shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from stationapp.domain.clock import Clock
from stationapp.services.database import Database
from stationapp.ui.home_page import LinkLine
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.main_window import PAGE_ORDER, MainWindow
from stationapp.ui.visits_page import Tab

WAIT_MS = 3000


def line_of(window: MainWindow, kind: ListKind) -> LinkLine:
    lines = [line for line in window.home.lines() if line.request.kind is kind]
    assert lines, kind
    return lines[0]


def test_the_window_opens_on_the_home_page(main_window: MainWindow) -> None:
    assert main_window.navigation.item(0).text() == "Today"
    assert main_window.pages.currentWidget() is main_window.home
    assert main_window.count_label.text().startswith("Today:")
    bench = main_window.home.workbench
    assert bench is not None and bench.visits_due > 0
    heading = main_window.home.visits_section.lines[0]
    assert heading.plain_text.startswith(
        f"Overdue visits: {bench.visits_overdue} household(s)")


def test_a_kept_page_does_not_override_the_home_page(qtbot: QtBot, ledger: Database) -> None:
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.show_page("requests")
    window.close()
    again = MainWindow(ledger)
    qtbot.addWidget(again)
    assert again.current_page_name() == "home"


def test_the_visits_heading_opens_the_overdue_tab(main_window: MainWindow) -> None:
    line = line_of(main_window, ListKind.OVERDUE_VISITS)
    line.linkActivated.emit("open")
    assert main_window.pages.currentWidget() is main_window.visits
    assert main_window.visits.tabs.currentIndex() == Tab.OVERDUE


def test_a_household_line_opens_the_household(main_window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(main_window.households, "open_household", opened.append)
    main_window.households.search.setText("没有这个人")
    main_window.households.apply_filter()
    line = line_of(main_window, ListKind.HOUSEHOLD)
    main_window.home.open_line(line)
    assert main_window.pages.currentWidget() is main_window.households
    assert opened == [line.request.target_id]
    assert main_window.households.search.text() == ""  # cleared so that it shows
    assert main_window.households.current_household_id() == line.request.target_id


def test_request_lines_open_the_requests_page_filtered(main_window: MainWindow) -> None:
    main_window.home.open_line(line_of(main_window, ListKind.OVERDUE_REQUESTS))
    page = main_window.requests
    assert main_window.pages.currentWidget() is page
    assert page.overdue_check.isChecked()
    main_window.home.open_line(line_of(main_window, ListKind.OPEN_REQUESTS))
    assert not page.overdue_check.isChecked()
    assert page.current_filter().open_only
    main_window.open_list(ListRequest(ListKind.REQUESTS_RECEIVED, month=date(2026, 1, 1)))
    flt = page.current_filter()
    assert (flt.received_from, flt.received_to) == (date(2026, 1, 1), date(2026, 1, 31))
    assert not flt.open_only and page.month_button.isVisible()
    page.month_button.click()
    assert page.current_filter().received_from is None


def test_events_and_volunteers_open_their_lists(main_window: MainWindow) -> None:
    main_window.open_list(ListRequest(ListKind.EVENTS, month=date(2026, 2, 1)))
    assert main_window.pages.currentWidget() is main_window.events
    assert main_window.events.date_range() == (date(2026, 2, 1), date(2026, 2, 28))
    main_window.open_list(ListRequest(ListKind.VOLUNTEERS))
    assert main_window.pages.currentWidget() is main_window.volunteers
    main_window.open_list(ListRequest(ListKind.HOUSEHOLDS))
    assert main_window.pages.currentWidget() is main_window.households


@pytest.mark.parametrize(
    ("card", "kind"),
    [("households_card", ListKind.HOUSEHOLDS), ("visits_card", ListKind.VISITS),
     ("overdue_visits_card", ListKind.OVERDUE_VISITS),
     ("requests_card", ListKind.REQUESTS_RECEIVED),
     ("overdue_requests_card", ListKind.OVERDUE_REQUESTS),
     ("events_card", ListKind.EVENTS), ("deliveries_card", ListKind.EVENTS),
     ("hours_card", ListKind.VOLUNTEERS)],
)
def test_statistics_cards_click_through(qtbot: QtBot, main_window: MainWindow, card: str,
                                        kind: ListKind) -> None:
    page = main_window.statistics
    main_window.show_page("statistics")
    widget = getattr(page, card)
    assert widget.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    with qtbot.waitSignal(page.list_requested, timeout=WAIT_MS) as asked:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert asked.args == [ListRequest(kind, month=page.month())]
    assert main_window.current_page_name() == {
        ListKind.HOUSEHOLDS: "households", ListKind.VISITS: "visits",
        ListKind.OVERDUE_VISITS: "visits", ListKind.REQUESTS_RECEIVED: "requests",
        ListKind.OVERDUE_REQUESTS: "requests", ListKind.EVENTS: "events",
        ListKind.VOLUNTEERS: "volunteers"}[kind]
    main_window.show_page("statistics")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        with qtbot.waitSignal(page.list_requested, timeout=WAIT_MS):
            qtbot.keyClick(widget, key)  # type: ignore[no-untyped-call]
        main_window.show_page("statistics")


def test_ctrl_1_to_7_switch_pages(main_window: MainWindow) -> None:
    for number, name in enumerate(PAGE_ORDER, start=1):
        action = main_window.go_actions[number - 1]
        assert action.shortcut().toString() == f"Ctrl+{number}"
        action.trigger()
        assert main_window.current_page_name() == name
    assert [a.text() for a in main_window.go_actions] == [
        "Today", "Households", "Events", "Visits", "Requests", "Volunteers", "Statistics"]


@pytest.mark.parametrize(
    ("name", "method", "text"),
    [("home", None, "&New household…"), ("households", None, "&New household…"),
     ("events", "new_event", "&New event…"), ("requests", "new_request", "&New request…"),
     ("volunteers", "new_volunteer", "&New volunteer…"),
     ("visits", "record_visit", "&New visit…")],
)
def test_ctrl_n_makes_what_the_page_is_about(main_window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch, name: str,
                                             method: str | None, text: str) -> None:
    made: list[str] = []
    monkeypatch.setattr(main_window.households, "new_household", lambda: made.append("h"))
    page = main_window.show_page(name)
    if method is not None:
        monkeypatch.setattr(page, method, lambda: made.append(method))
    if name == "visits":
        monkeypatch.setattr(page, "current_household_id", lambda: 1)
    action = main_window.new_household_action
    assert action.text() == text
    assert action.shortcut().toString() == "Ctrl+N"
    action.trigger()
    assert made == [method or "h"]


def test_the_program_is_named_in_title_and_about(main_window: MainWindow) -> None:
    assert main_window.windowTitle() == "东利党员服务社 — Service station ledger"
    assert main_window.about_title() == "About Service station ledger"
    assert main_window.about_text().startswith("Service station ledger ")
    assert "stationapp" not in main_window.about_text()


def test_the_status_bar_names_a_server_without_secrets(main_window: MainWindow,
                                                       clock: Clock) -> None:
    url = "postgresql+psycopg://clerk:s3cret@db.example.org:5432/ledger"
    engine = create_engine(url)
    try:
        server = Database(url, engine, sessionmaker(engine), clock)
        text = main_window.database_text(server)
        assert text == "PostgreSQL: ledger@db.example.org"
        assert "s3cret" not in text and "clerk" not in text
        assert server.location().path == ""
    finally:
        engine.dispose()
    assert main_window.database_label.text() == "SQLite: station.sqlite3"
    assert main_window.database_label.toolTip().endswith("station.sqlite3")
