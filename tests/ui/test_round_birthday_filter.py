"""The household list's "整寿 in the next N days" filter and the calendar's lists the
工作台 opens on the households page (issue 18)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from conftest import years_before  # tests/ui/conftest.py
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareCategory
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.ui.households_page import HouseholdsPage
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.main_window import MainWindow
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import Operations


def _ninety_in(ledger: Database, today: date, days: int) -> int:
    """A household whose head turns 90 ``days`` days from ``today``."""
    born = years_before(today + timedelta(days=days), 90)
    with ledger.session() as session:
        return create_household(session, HouseholdInput(
            community="晖苑小区", building="7", unit="1", room="101", phone="13905469999",
            residents=(ResidentInput(name="周奶奶", birth_date=born, is_head=True),),
        ), "test", today=today)


def _shown(qtbot: QtBot, page: HouseholdsPage) -> set[int]:
    """The households the page shows once its search (read off the GUI thread) is in."""
    qtbot.waitUntil(lambda: not page.model.pending(), timeout=5000)
    ids = {page.model.household_id(row) for row in range(page.model.rowCount())}
    return {i for i in ids if i is not None}


def test_the_filter_keeps_households_with_a_round_birthday_ahead(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    household_id = _ninety_in(ledger, today, 20)
    operations = Operations(ledger, "clerk")
    page = HouseholdsPage(operations)
    qtbot.addWidget(page)
    page.show()
    assert len(_shown(qtbot, page)) == 5
    assert not page.birthday_filter.days_spin.isEnabled()
    qtbot.mouseClick(page.birthday_filter.check, Qt.MouseButton.LeftButton)
    assert page.birthday_filter.days_spin.isEnabled()
    assert _shown(qtbot, page) == {household_id}
    assert "60" in page.filter_description()
    page.birthday_filter.days_spin.setValue(10)  # the 90th birthday is further away
    assert _shown(qtbot, page) == set()
    page.birthday_filter.days_spin.setValue(30)
    assert _shown(qtbot, page) == {household_id}

    # A birth date changed at another place: the filter reads the households again.
    with ledger.session() as session:
        detail = get_household(session, household_id, today=today)
    moved = years_before(today + timedelta(days=100), 90)
    data = replace(detail.as_input(), residents=(
        replace(detail.residents[0].as_input(), birth_date=moved),))
    operations.run(lambda ctx: update_household(ctx.session, household_id, data, "test",
                                                today=today),
                   changed(Area.HOUSEHOLDS, households=(household_id,)))
    page.apply_filter()
    assert _shown(qtbot, page) == set()

    page.clear_filters()
    assert not page.birthday_filter.check.isChecked()
    assert len(_shown(qtbot, page)) == 5


def test_the_home_page_opens_the_elderly_and_the_birthdays(
    qtbot: QtBot, main_window: MainWindow, ledger: Database, today: date
) -> None:
    household_id = _ninety_in(ledger, today, 20)
    page = main_window.households
    main_window.open_list(ListRequest(ListKind.ELDERLY_HOUSEHOLDS))
    assert main_window.pages.currentWidget() is page
    assert page.category.currentData() == CareCategory.ELDERLY.value
    assert len(_shown(qtbot, page)) == 3  # 李大爷 88, 冯阿姨 85, 周奶奶 89

    main_window.open_list(ListRequest(ListKind.ROUND_BIRTHDAYS, target_id=45))
    assert page.category.currentData() is None
    assert page.birthday_filter.check.isChecked()
    assert page.birthday_filter.days_spin.value() == 45
    assert _shown(qtbot, page) == {household_id}
