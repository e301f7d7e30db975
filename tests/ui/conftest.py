"""Fixtures for the UI tests: a small ledger, per-test desk settings, patched message boxes
and the main window.

The suite runs at the fixed instant of tests/conftest.py (``STATIONAPP_TEST_NOW``); every
date and age here is stated relative to that day (``today``), so it passes on any day.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from stationapp import messages
from stationapp.domain.clock import Clock
from stationapp.domain.vocab import CareCategory, CareTier
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui import workers
from stationapp.ui.main_window import MainWindow
from stationapp.workflows.opening import open_database


def years_before(today: date, years: int) -> date:
    """The day ``years`` years before ``today`` (28 February for a 29 February): whoever was
    born on it is exactly ``years`` old today."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a leap year, to a common year
        return today.replace(year=today.year - years, day=28)


AGES: dict[str, int] = {"李大爷": 88, "单秀英": 76, "王建国": 78, "张桂兰": 64, "冯阿姨": 85}
"""How old the ledger's residents are on the day a test runs: 李大爷 and 冯阿姨 are 高龄
(80+), 王建国 stays under 80 whatever the day."""


def birth_date(name: str, today: date) -> date:
    """The birth date of the ledger's resident ``name`` for a test run on ``today``."""
    return years_before(today, AGES[name])


def ledger_households(today: date) -> tuple[HouseholdInput, ...]:
    """Four households: 李大爷 (ldy, 3号楼301), 单秀英 (shanxiuying, sxy) with 王建国, 张桂兰,
    冯阿姨; their ages (:data:`AGES`) are the same on every day the suite runs."""

    def born(name: str) -> date:
        return birth_date(name, today)

    return (
        HouseholdInput(
            community="晖苑小区", building="3", unit="1", room="301", phone="13905461234",
            tier=CareTier.PRIORITY, categories=frozenset({CareCategory.LIVING_ALONE}),
            residents=(ResidentInput(name="李大爷", birth_date=born("李大爷"), is_head=True),),
        ),
        HouseholdInput(
            community="锦华一区", building="10", unit="2", room="502", phone="0546-8765432",
            tier=CareTier.WATCH, categories=frozenset({CareCategory.EMPTY_NEST}),
            residents=(
                ResidentInput(name="单秀英", birth_date=born("单秀英"), is_head=True),
                ResidentInput(name="王建国", birth_date=born("王建国"), relation="配偶"),
            ),
        ),
        HouseholdInput(
            community="锦华一区", building="2", unit="1", room="101", phone="15866012345",
            residents=(ResidentInput(name="张桂兰", birth_date=born("张桂兰"), is_head=True),),
        ),
        HouseholdInput(
            community="东旭小区", building="5", unit="3", room="402", phone="13705460000",
            tier=CareTier.PRIORITY,
            categories=frozenset({CareCategory.WIDOWED_CHILDLESS,
                                  CareCategory.LIMITED_MOBILITY}),
            residents=(ResidentInput(name="冯阿姨", birth_date=born("冯阿姨"), is_head=True),),
        ),
    )


@pytest.fixture(autouse=True)
def desk_settings_dir(tmp_path: Path) -> Iterator[Path]:
    """Point the per-desk INI settings of this test into its own temporary folder."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def background_tasks_end(qtbot: QtBot) -> Iterator[None]:
    """No background task outlives its test: after the test's windows were closed, wait
    until every task's thread has ended and the runner has released it, so that no thread
    (nor a result queued for a window of this test) runs into the next test."""
    yield
    qtbot.waitUntil(lambda: not workers._ALIVE, timeout=30000)


@pytest.fixture(autouse=True)
def message_language() -> Iterator[None]:
    """Speak the station's Chinese again after each test: a test installing the English
    translators (``install_translators``) must not change the words later tests read."""
    yield
    messages.set_language(messages.CHINESE)


@dataclass
class MessageBoxes:
    """What the (patched, never blocking) message boxes were asked to show.

    ``answer`` is what every question gets; a test or module may change it.
    """

    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    information: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Replace the static QMessageBox functions: a modal box must never block a test."""
    seen = MessageBoxes()

    def warning(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def information(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.information.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def question(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.questions.append(f"{title}: {text}")
        return seen.answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", information)
    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


@pytest.fixture
def birth_dates(today: date) -> dict[str, date]:
    """Name → birth date of the residents of :func:`ledger` (see :data:`AGES`)."""
    return {name: birth_date(name, today) for name in AGES}


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A SQLite ledger with the four households of :func:`ledger_households`, registered
    today (the test's fixed day) and disposed afterwards."""
    database = open_database(sqlite_url, clock)
    try:
        with database.session() as session:
            for household in ledger_households(today):
                create_household(session, household, actor="test", today=today)
        yield database
    finally:
        database.dispose()


@pytest.fixture
def main_window(qtbot: QtBot, ledger: Database) -> MainWindow:
    """The main window over :func:`ledger`, shown and closed by pytest-qt."""
    window = MainWindow(ledger, station_name="东利党员服务社", actor="test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.home.workbench is not None)  # read in a worker thread
    return window
