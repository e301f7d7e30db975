"""A search that changes how many households are listed paints the table once, not a
second time when the view's delayed layout changes the scroll bar (issue 16: the page
cost about twice the services per keystroke)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.ui.households_page import HouseholdsPage
from stationapp.ui.operations import Operations

WAIT_MS = 5000
SETTLE_MS = 300
"""Time given to the event loop after a search was shown, for any later repaint."""


class PaintCounter(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count a paint; never stop an event."""
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.fixture
def page(qtbot: QtBot, ledger: Database) -> Iterator[HouseholdsPage]:
    """The households page alone, shown, its table only two rows high (so the four
    households need a scroll bar); its background searches end with the test."""
    operations = Operations(ledger, "clerk")
    households = HouseholdsPage(operations)
    qtbot.addWidget(households)
    households.show()
    qtbot.waitExposed(households)
    table = households.table
    table.setFixedHeight(table.horizontalHeader().height() + 2 * table.rowHeight(0) + 4)
    qtbot.wait(50)
    yield households
    operations.wait_all()


@pytest.mark.parametrize("typed", ["李", ""])
def test_a_search_paints_the_table_once(
        qtbot: QtBot, page: HouseholdsPage, typed: str) -> None:
    if not typed:  # from one row back to all four
        page.search.setText("李")
        with qtbot.waitSignal(page.model.loaded, timeout=WAIT_MS):
            page.apply_filter()
        qtbot.wait(SETTLE_MS)
    rows_before = page.model.rowCount()
    counter = PaintCounter()
    page.table.viewport().installEventFilter(counter)
    page.search.setText(typed)
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT_MS):
        page.apply_filter()
    qtbot.wait(SETTLE_MS)
    page.table.viewport().removeEventFilter(counter)
    assert page.model.rowCount() != rows_before
    assert counter.paints == 1


@pytest.mark.parametrize("typed", ["李", ""])
def test_a_search_paints_a_wide_table_once(
        qtbot: QtBot, page: HouseholdsPage, typed: str) -> None:
    """Wide enough for the categories column to stretch: a scroll bar that came or went
    with the number of rows would resize that column and paint the table again."""
    page.resize(max(page.width(), 1400), page.height())
    qtbot.wait(50)
    test_a_search_paints_the_table_once(qtbot, page, typed)
