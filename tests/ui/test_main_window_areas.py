"""Every area of the main window is reachable from the navigation and the keyboard, counts
what it shows, reloads with F5, and the File menu reaches printing and backups."""

from __future__ import annotations

from unittest import mock

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stationapp.ui.main_window import MainWindow
from stationapp.ui.notices import EVERYTHING

WAIT_MS = 3000


def show_area(qtbot: QtBot, window: MainWindow, title: str) -> None:
    items = window.navigation.findItems(title, Qt.MatchFlag.MatchExactly)
    assert items, title
    window.navigation.setCurrentItem(items[0])
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.navigation.currentRow(),
                    timeout=WAIT_MS)


def test_each_area_counts_what_it_shows(qtbot: QtBot, main_window: MainWindow) -> None:
    expected = {
        "Events": "0 event(s) shown",
        "Visits": "household(s) overdue for a visit",
        "Requests": "0 request(s) shown",
        "Volunteers": "0 volunteer(s) shown",
        "Statistics": "household(s) on the ledger",
        "Households": "4 of 4 households shown",
    }
    for title, text in expected.items():
        show_area(qtbot, main_window, title)
        qtbot.waitUntil(lambda text=text: text in main_window.count_label.text(),
                        timeout=WAIT_MS)


def test_find_and_refresh_reach_the_page_shown(qtbot: QtBot, main_window: MainWindow) -> None:
    show_area(qtbot, main_window, "Requests")
    with mock.patch.object(main_window.requests, "refresh") as refresh:
        main_window.refresh_action.trigger()
    refresh.assert_called_once_with()
    with mock.patch.object(main_window.requests, "focus_search") as focus:
        main_window.find_action.trigger()
    focus.assert_called_once_with()
    assert main_window.pages.currentWidget() is main_window.requests


def test_everything_changed_reads_every_page(main_window: MainWindow) -> None:
    pages = [main_window.households, main_window.events, main_window.visits,
             main_window.requests, main_window.volunteers, main_window.statistics]
    for page in pages[1:]:
        main_window.navigation.setCurrentRow(main_window.pages.indexOf(page))  # loaded
    main_window.navigation.setCurrentRow(main_window.pages.indexOf(pages[-1]))
    patches = [mock.patch.object(page, "refresh") for page in pages]
    mocks = [p.start() for p in patches]
    try:
        main_window.operations.announce(EVERYTHING)
    finally:
        for p in patches:
            p.stop()
    for refresh in mocks:
        refresh.assert_called_once_with()


def test_print_ledger_opens_with_the_households_filter(main_window: MainWindow) -> None:
    main_window.households.search.setText("李")
    main_window.households.apply_filter()
    with mock.patch("stationapp.ui.ledger_dialog.LedgerDialog") as dialog:
        main_window.ledger_action.trigger()
    operations, _parent, household_filter, filter_text = dialog.call_args.args
    assert operations is main_window.operations
    assert household_filter.search == "李"
    assert "李" in filter_text
    dialog.return_value.exec.assert_called_once_with()


def test_backups_open_from_the_file_menu(main_window: MainWindow) -> None:
    with mock.patch("stationapp.ui.backup_dialog.BackupDialog") as dialog:
        main_window.backup_action.trigger()
    dialog.assert_called_once_with(main_window.operations, main_window)
    dialog.return_value.exec.assert_called_once_with()
