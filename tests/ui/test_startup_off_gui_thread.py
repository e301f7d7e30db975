"""Start-up work off the GUI thread (issue 16): 工作台's first read and the sign-in check."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from unittest import mock

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from stationapp.domain import lunar_calendar
from stationapp.domain.accounts import Role
from stationapp.domain.clock import Clock
from stationapp.domain.errors import SignInError
from stationapp.domain.lunar_calendar import festivals_between, lunar_text
from stationapp.services.accounts import SignedIn
from stationapp.services.calendar import window
from stationapp.services.database import Database
from stationapp.services.workbench import CALENDAR_DAYS, Workbench, read_workbench
from stationapp.ui import home_page
from stationapp.ui.app import _Startup
from stationapp.ui.main_window import MainWindow
from stationapp.ui.sign_in import SignInDialog


def _never(name: str, password: str) -> SignedIn:
    raise AssertionError("the dialog must not check on the GUI thread")


class _Checks:
    """A background check that answers only when the test says so."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answer: list[tuple[Callable[[SignedIn], None],
                                Callable[[BaseException], None]]] = []

    def __call__(self, name: str, password: str, signed_in: Callable[[SignedIn], None],
                 refused: Callable[[BaseException], None]) -> None:
        self.asked.append((name, password))
        self.answer.append((signed_in, refused))


def test_the_first_read_of_the_home_page_runs_off_the_gui_thread(
        qtbot: QtBot, ledger: Database) -> None:
    on_gui_thread: list[bool] = []

    def spy(session: Session, today: date) -> Workbench:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return read_workbench(session, today)

    with mock.patch.object(home_page, "read_and_keep_workbench", spy):
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
    with mock.patch.object(home_page, "read_and_keep_workbench") as reads:
        window = MainWindow(ledger)
        qtbot.addWidget(window)
        window.home.expect_workbench()
        window.show()
        assert window.home.is_reading()
        window.home.show_workbench(bench)
    reads.assert_not_called()
    assert window.home.workbench is bench and not window.home.is_reading()


def test_the_password_is_checked_in_the_background(qtbot: QtBot) -> None:
    checks = _Checks()
    dialog = SignInDialog(_never, check_in_background=checks)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("书记")
    dialog.password_edit.setText("wrong")
    dialog.ok_button.click()
    assert checks.asked == [("书记", "wrong")]
    assert dialog.is_checking() and not dialog.ok_button.isEnabled()
    dialog.ok_button.click()  # a second click while checking asks nothing more
    assert len(checks.asked) == 1
    checks.answer[0][1](SignInError("wrong name or password"))
    assert not dialog.is_checking() and dialog.ok_button.isEnabled()
    assert dialog.error.text()
    assert dialog.password_edit.text() == ""

    dialog.password_edit.setText("right")
    dialog.ok_button.click()
    signed = SignedIn("书记", Role.ADMIN)
    checks.answer[1][0](signed)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.signed_in == signed and dialog.password_edit.text() == ""


def test_an_answer_after_cancel_is_ignored(qtbot: QtBot) -> None:
    checks = _Checks()
    dialog = SignInDialog(_never, check_in_background=checks)
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("right")
    dialog.ok_button.click()
    dialog.reject()
    checks.answer[0][0](SignedIn("书记", Role.ADMIN))
    assert dialog.result() == SignInDialog.DialogCode.Rejected
    assert dialog.signed_in is None


def test_the_warm_up_works_out_the_calendar_s_lunar_dates(clock: Clock) -> None:
    lunar_text.cache_clear()
    _Startup(None, True, clock).warm_up()  # reads no ledger: no URL is needed
    first = clock.today()
    days = [first + timedelta(days=n) for n in range(CALENDAR_DAYS)]
    before = lunar_text.cache_info().hits
    for day in days:
        lunar_text(day)
    assert lunar_text.cache_info().hits - before == CALENDAR_DAYS


def test_the_warm_up_works_out_the_calendar_s_festivals(clock: Clock) -> None:
    first, last = window(clock.today(), CALENDAR_DAYS)
    expected = festivals_between(first, last)
    _Startup(None, True, clock).warm_up()
    with mock.patch.object(lunar_calendar.LunarFestival, "from_index",
                           side_effect=AssertionError("worked out again")):
        assert festivals_between(first, last) == expected  # 工作台's read does not
