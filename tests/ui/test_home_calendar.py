"""The 工作台's next 60 days: festivals with their 80+ households, holidays, 整寿, and the
one click to plan a visit round or an event from a template (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from conftest import years_before  # tests/ui/conftest.py
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from stationapp.domain.event_templates import EVENT_TEMPLATES, templates_for
from stationapp.domain.vocab import CareCategory
from stationapp.services.database import Database
from stationapp.services.events import get_event, list_events
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.event_dialog import EventDialog
from stationapp.ui.home_calendar import ActionLine
from stationapp.ui.main_window import MainWindow

CHONGYANG = date(2026, 10, 18)


def texts(window: MainWindow) -> list[str]:
    """What the calendar section's lines read."""
    return [line.plain_text if isinstance(line, ActionLine) else line.text()
            for line in window.home.calendar_section.lines]


def link(window: MainWindow, starting: str) -> ActionLine:
    """The calendar's link whose text starts with ``starting``."""
    found = [line for line in window.home.calendar_section.links()
             if line.plain_text.startswith(starting)]
    assert found, (starting, texts(window))
    return found[0]


def click(qtbot: QtBot, line: QLabel) -> None:
    """Activate a link as the clerk does: Tab to it and press Enter."""
    line.setFocus(Qt.FocusReason.TabFocusReason)
    line.linkActivated.emit("open")


@pytest.fixture
def twelve_days_before_chongyang(
    main_window: MainWindow, travel_to: Callable[[datetime | date], None]
) -> MainWindow:
    """The main window on 2026-10-06, twelve days before 重阳节, its workbench read again."""
    travel_to(CHONGYANG - timedelta(days=12))
    main_window.home.refresh()
    return main_window


def test_festivals_holidays_and_birthdays_of_the_next_60_days(
    qtbot: QtBot, ledger: Database, main_window: MainWindow,
    travel_to: Callable[[datetime | date], None], monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = CHONGYANG - timedelta(days=12)
    with ledger.session() as session:
        household_id = create_household(session, HouseholdInput(
            community="晖苑小区", building="7", unit="1", room="101", phone="13905469999",
            residents=(ResidentInput(name="周奶奶", is_head=True, birth_date=years_before(
                day + timedelta(days=5), 90)),),
        ), "test", today=day)
    travel_to(day)
    main_window.home.refresh()
    shown = texts(main_window)
    # 李大爷 (87 then), 冯阿姨 (84) and 周奶奶 (90 by then): three households aged 80+.
    # (Plurals read "(s)" without the English translation installed.)
    assert "重阳节 in 12 day(s)（九月初九，2026-10-18） — aged 80+: 3 household(s)" in shown
    assert "2026-10-06 – 2026-10-07 国庆节: 2 day(s) off" in shown
    assert "2026-10-10 国庆节: a working day (调休)" in shown
    assert any("周奶奶 turns 90" in text for text in shown), shown

    opened: list[int] = []
    monkeypatch.setattr(main_window.households, "open_household", opened.append)
    click(qtbot, link(main_window, "2026-10-11"))
    assert main_window.pages.currentWidget() is main_window.households
    assert opened == [household_id]

    main_window.show_page("home")
    click(qtbot, link(main_window, "Next 60 days"))
    page = main_window.households
    assert page.birthday_filter.check.isChecked()
    qtbot.waitUntil(lambda: not page.model.pending(), timeout=5000)  # read off the GUI thread
    assert page.model.rowCount() == 1


def test_a_festival_plans_a_visit_round_of_the_80_plus_households(
    qtbot: QtBot, twelve_days_before_chongyang: MainWindow
) -> None:
    window = twelve_days_before_chongyang
    click(qtbot, link(window, "Plan a visit round"))
    page = window.households
    assert window.pages.currentWidget() is page
    assert page.category.currentData() == CareCategory.ELDERLY.value
    qtbot.waitUntil(lambda: not page.model.pending(), timeout=5000)  # read off the GUI thread
    assert page.model.rowCount() == 2  # 李大爷 and 冯阿姨


def test_a_festival_plans_an_event_from_its_template(
    qtbot: QtBot, ledger: Database, twelve_days_before_chongyang: MainWindow
) -> None:
    window = twelve_days_before_chongyang
    click(qtbot, link(window, "Plan an event: 重阳慰问"))
    dialog = window.home.event_dialog
    assert isinstance(dialog, EventDialog)
    qtbot.waitExposed(dialog)
    assert dialog.type_combo.currentText() == "节日慰问"
    assert dialog.title_edit.text() == "九九重阳敬老慰问"
    plan = dialog.current_input()
    assert plan.starts_at == datetime(2026, 10, 16, 9, 0)  # two days before
    assert [t.item_id for t in plan.tallies] and not dialog.is_modified()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ledger.session() as session:
        events = list_events(session)
        assert [e.title for e in events] == ["九九重阳敬老慰问"]
        detail = get_event(session, events[0].id)
    assert [t.item for t in detail.tallies] == ["慰问品"]


def test_an_item_the_catalogue_lacks_is_named(
    qtbot: QtBot, main_window: MainWindow, travel_to: Callable[[datetime | date], None]
) -> None:
    travel_to(date(2026, 9, 1))  # 中秋节 on 2026-09-25
    main_window.home.refresh()
    with qtbot.waitSignal(main_window.home.message) as said:
        click(qtbot, link(main_window, "Plan an event: 中秋送月饼"))
    assert "月饼" in said.args[0]
    dialog = main_window.home.event_dialog
    assert isinstance(dialog, EventDialog)
    assert dialog.current_input().starts_at == datetime(2026, 9, 22, 9, 0)
    assert dialog.tallies_table.rowCount() == 0
    dialog.reject()


def test_templates_prepare_the_festivals_they_name() -> None:
    assert [t.name for t in templates_for("春节")] == ["写春联送祝福", "送窗花"]
    assert {t.festival for t in EVENT_TEMPLATES} == {"春节", "重阳节", "中秋节"}
    couplets = templates_for("春节")[0]
    assert couplets.items == ("春联", "福字")
    spring = date(2027, 2, 6)
    assert couplets.starts_at(spring, date(2027, 1, 1)) == datetime(2027, 1, 27, 9, 0)
    assert couplets.starts_at(spring, date(2027, 2, 1)) == datetime(2027, 2, 1, 9, 0)
