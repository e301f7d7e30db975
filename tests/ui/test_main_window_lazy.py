"""Only 工作台 is built when the main window starts; every other page is built (its module
imported, its data read) the first time it is shown, once, and works as if built at once."""

from __future__ import annotations

from unittest import mock

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stationapp.ui.home_page import HomePage
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.main_window import PAGE_ORDER, MainWindow
from stationapp.ui.notices import EVERYTHING


def _page_widgets(window: MainWindow) -> list[QWidget]:
    """The stack's widgets that are real pages (not the placeholders of unbuilt pages)."""
    return [w for i in range(window.pages.count())
            if not (w := window.pages.widget(i)).objectName().endswith("_placeholder")]


def test_only_the_home_page_is_built_at_start_up(main_window: MainWindow) -> None:
    assert [name for name in PAGE_ORDER if main_window.is_built(name)] == ["home"]
    widgets = _page_widgets(main_window)
    assert len(widgets) == 1 and isinstance(widgets[0], HomePage)
    assert main_window.pages.count() == len(PAGE_ORDER)
    assert main_window.home.workbench is not None  # the page shown has its data


def test_opening_a_page_builds_it_once(qtbot: QtBot, main_window: MainWindow) -> None:
    from stationapp.ui.households_page import HouseholdsPage

    with mock.patch.object(HouseholdsPage, "__init__", autospec=True,
                           side_effect=HouseholdsPage.__init__) as built:
        main_window.go_actions[1].trigger()  # Ctrl+2
        first = main_window.pages.currentWidget()
        main_window.go_actions[0].trigger()
        main_window.navigation.setCurrentRow(1)
        second = main_window.households
    assert built.call_count == 1
    assert isinstance(first, HouseholdsPage) and first is second
    assert main_window.pages.indexOf(first) == 1
    assert main_window.current_page_name() == "households"
    qtbot.waitUntil(lambda: "4 of 4 households shown" in main_window.count_label.text())
    assert main_window.is_built("households") and not main_window.is_built("events")


def test_a_notice_skips_pages_not_built(main_window: MainWindow) -> None:
    with mock.patch.object(main_window.home, "apply_changes") as home:
        main_window.operations.announce(EVERYTHING)
    home.assert_called_once_with(EVERYTHING)
    assert [name for name in PAGE_ORDER if main_window.is_built(name)] == ["home"]


def test_a_home_page_link_builds_the_page_it_opens(main_window: MainWindow) -> None:
    main_window.home.list_requested.emit(ListRequest(ListKind.OVERDUE_VISITS))
    assert main_window.current_page_name() == "visits"
    assert main_window.is_built("visits") and not main_window.is_built("households")


def test_find_builds_the_households_page_and_focuses_its_search(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.activateWindow()
    main_window.find_action.trigger()
    assert main_window.current_page_name() == "households"
    page = main_window.households
    assert main_window.pages.currentWidget() is page
    item = main_window.navigation.item(1)
    assert item.data(Qt.ItemDataRole.UserRole) == "households"
