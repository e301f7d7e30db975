"""Start-up work off the GUI thread (issue 16): 工作台's first read."""

from __future__ import annotations

import threading
from datetime import date
from unittest import mock

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from stationapp.services.database import Database
from stationapp.services.workbench import Workbench, read_workbench
from stationapp.ui import home_page
from stationapp.ui.main_window import MainWindow


def test_the_first_read_of_the_home_page_runs_off_the_gui_thread(
        qtbot: QtBot, ledger: Database) -> None:
    on_gui_thread: list[bool] = []

    def spy(session: Session, today: date) -> Workbench:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return read_workbench(session, today)

    with mock.patch.object(home_page, "read_workbench", spy):
        window = MainWindow(ledger)
        qtbot.addWidget(window)
        window.show()
        assert window.home.workbench is None and window.home.is_reading()
        qtbot.waitUntil(lambda: window.home.workbench is not None)
    assert on_gui_thread == [False]
    assert not window.home.is_reading()
    assert window.home.visits_section.lines  # the sections are filled in
    # Filling a section in a shown window opens no window of its own, which would take
    # the activation (its "nothing to do" text was a parentless label shown before it
    # joined the layout).
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.activeWindow() is window


def test_a_workbench_read_elsewhere_is_shown_without_a_read_of_its_own(
        qtbot: QtBot, ledger: Database) -> None:
    with ledger.session() as session:
        bench = read_workbench(session, ledger.clock.today())
    with mock.patch.object(home_page, "read_workbench") as reads:
        window = MainWindow(ledger)
        qtbot.addWidget(window)
        window.home.expect_workbench()
        window.show()
        assert window.home.is_reading()
        window.home.show_workbench(bench)
    reads.assert_not_called()
    assert window.home.workbench is bench and not window.home.is_reading()
