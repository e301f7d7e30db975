"""工作台 kept in the ledger shown at start-up (issue 16, rows visible): the frame painted
first shows it as the home page does, the real page takes it over while it reads again, and
a second start shows it before SQLAlchemy is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

from pytestqt.qtbot import QtBot

from stationapp.db.workbench_snapshot import kept_workbench
from stationapp.domain.clock import Clock
from stationapp.domain.workbench_data import Workbench
from stationapp.services.database import Database
from stationapp.services.workbench import read_and_keep_workbench, read_workbench
from stationapp.ui.app import _Startup
from stationapp.ui.main_window import MainWindow
from stationapp.ui.skeleton import SkeletonWindow


def _kept(ledger: Database, today: date) -> Workbench:
    with ledger.session() as session:
        read_and_keep_workbench(session, today)
    kept = kept_workbench(ledger.url, today)
    assert kept is not None
    return kept


def _texts(page: object) -> tuple[list[str], list[str]]:
    lines = [line.plain_text for line in page.lines()]  # type: ignore[attr-defined]
    calendar = [line.text() for line in page.calendar_section.lines]  # type: ignore[attr-defined]
    return lines, calendar


def test_the_frame_shows_the_kept_workbench_as_the_home_page_does(
        qtbot: QtBot, ledger: Database, today: date) -> None:
    kept = _kept(ledger, today)
    skeleton = SkeletonWindow()
    qtbot.addWidget(skeleton)
    skeleton.show()
    qtbot.waitExposed(skeleton)
    skeleton.show_workbench(kept)
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.workbench is not None)
    assert window.home.workbench == kept
    assert skeleton.home_frame is not None
    shown = _texts(skeleton.home_frame)
    assert shown == _texts(window.home)
    assert any("household" in line for line in shown[0])  # the headings with their counts
    assert skeleton.home_frame.day_label.text() == today.isoformat()
    page = skeleton.home_frame
    qtbot.waitUntil(lambda: all(line.isVisible() for line in page.lines()))


def test_the_start_up_fills_the_frame_then_goes_on(
        qtbot: QtBot, ledger: Database, clock: Clock) -> None:
    kept = _kept(ledger, clock.today())
    startup = _Startup(ledger.url, True, clock)
    skeleton = SkeletonWindow()
    qtbot.addWidget(skeleton)
    skeleton.show()
    qtbot.waitExposed(skeleton)
    with mock.patch.object(startup, "continue_main") as going_on:
        startup.fill_frame(skeleton)
        assert skeleton.workbench == kept
        going_on.assert_not_called()  # not before the frame painted it
        qtbot.waitUntil(lambda: going_on.called)
    going_on.assert_called_once_with(skeleton)


def test_a_frame_without_a_kept_workbench_goes_on_at_once(
        qtbot: QtBot, ledger: Database, clock: Clock) -> None:
    startup = _Startup(ledger.url, True, clock)
    skeleton = SkeletonWindow()
    qtbot.addWidget(skeleton)
    with mock.patch.object(startup, "continue_main") as going_on:
        startup.fill_frame(skeleton)
    going_on.assert_called_once_with(skeleton)
    assert skeleton.workbench is None


def test_the_home_page_shows_the_kept_workbench_while_it_reads_again(
        qtbot: QtBot, ledger: Database, today: date) -> None:
    kept = _kept(ledger, today)
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.home.show_kept_workbench(kept)
    lines = window.home.lines()
    assert lines and window.home.workbench is kept
    window.show()
    assert window.home.lines() == lines  # no flash of empty sections
    qtbot.waitUntil(lambda: window.home.workbench is not kept)  # its own read came
    assert window.home.workbench == kept
    assert window.home.lines() == lines  # the same lines: nothing redrawn


def test_the_home_page_keeps_the_next_days_when_idle(
        qtbot: QtBot, main_window: MainWindow, ledger: Database, today: date) -> None:
    home = main_window.home
    assert home.keep_ahead_timer.isActive()  # started by the first read
    main_window.navigation.setCurrentRow(main_window.pages.indexOf(main_window.households))
    assert not home.keep_ahead_timer.isActive()  # never while another page works
    main_window.navigation.setCurrentRow(main_window.pages.indexOf(home))
    assert home.keep_ahead_timer.isActive()
    home.keep_ahead()
    tomorrow = today + timedelta(days=1)
    qtbot.waitUntil(lambda: kept_workbench(ledger.url, tomorrow) is not None)
    with ledger.session() as session:
        assert kept_workbench(ledger.url, tomorrow) == read_workbench(session, tomorrow)


CHILD = r'''
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


def say(**what):
    print(json.dumps(what), flush=True)


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            window = watched.window()
            name = type(window).__name__
            if name == "SkeletonWindow" and window.workbench is not None:
                say(frame=[line.plain_text for line in window.home_frame.lines()][:1],
                    sqlalchemy="sqlalchemy" in sys.modules)
                os._exit(0)
            home = getattr(window, "home", None)
            if name == "MainWindow" and home is not None and home.workbench is not None:
                say(main_window=[line.plain_text for line in home.lines()][:1])
                os._exit(0)
        return False


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
from stationapp.cli import main

main(sys.argv[1:])
say(ended=True)
'''


def _start(url: str, home: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    env.pop("STATIONAPP_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--database-url", url, "--lang", "en", "--no-dialogs"],
        env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, (done.stdout, done.stderr)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return lines[-1]


def test_a_second_start_shows_the_kept_workbench_before_sqlalchemy_loads(
        ledger: Database, tmp_path: Path) -> None:
    ledger.dispose()
    first = _start(ledger.url, tmp_path)  # reads 工作台 and keeps it
    assert list(first) == ["main_window"]
    second = _start(ledger.url, tmp_path)
    assert second == {"frame": first["main_window"], "sqlalchemy": False}
