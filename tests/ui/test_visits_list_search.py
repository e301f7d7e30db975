"""Search boxes on the overdue and reminders lists, and open_list (issue 14 item 7)."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot
from test_visits_page import Visited, boxes, heads, page, visited  # noqa: F401 (fixtures)

from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.reminder_model import ReminderColumn
from stationapp.ui.visits_page import Tab, VisitsPage


def reminder_texts(page: VisitsPage) -> list[str]:  # noqa: F811
    model = page.reminder_model
    return [model.index(r, ReminderColumn.TEXT).data() for r in range(model.rowCount())]


def test_the_overdue_list_follows_the_search_as_the_clerk_types(
    qtbot: QtBot, page: VisitsPage  # noqa: F811
) -> None:
    assert heads(page.overdue_model) == ["李大爷", "单秀英"]
    qtbot.keyClicks(page.overdue_search, "sxy")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: heads(page.overdue_model) == ["单秀英"], timeout=2000)
    assert page.overdue_label.text() == "1 overdue household(s) found"
    page.overdue_search.setText("3号楼")  # building 3, not 13
    qtbot.waitUntil(lambda: heads(page.overdue_model) == ["李大爷"], timeout=2000)
    page.overdue_search.setText("0546-876")
    qtbot.waitUntil(lambda: heads(page.overdue_model) == ["单秀英"], timeout=2000)
    page.overdue_search.setText("nobody")
    qtbot.waitUntil(lambda: page.overdue_model.rowCount() == 0, timeout=2000)
    assert page.overdue_label.text() == "No overdue household matches the search."
    page.overdue_search.clear()
    qtbot.waitUntil(lambda: page.overdue_model.rowCount() == 2, timeout=2000)


def test_the_reminders_list_follows_the_search(
    qtbot: QtBot, page: VisitsPage  # noqa: F811
) -> None:
    page.tabs.setCurrentIndex(Tab.REMINDERS)
    page.later_check.setChecked(True)
    assert reminder_texts(page) == ["问问药够不够", "回访暖气"]
    qtbot.keyClicks(page.reminder_search, "zhangguilan")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: reminder_texts(page) == ["回访暖气"], timeout=2000)
    assert page.tabs.tabText(Tab.REMINDERS) == "R&eminders (1)"  # the count is not narrowed
    page.reminder_search.setText("锦华一区10号楼")
    qtbot.waitUntil(lambda: reminder_texts(page) == ["问问药够不够"], timeout=2000)


def test_open_list_chooses_the_tab_and_clears_the_searches(
    qtbot: QtBot, page: VisitsPage, visited: Visited, today: date  # noqa: F811
) -> None:
    page.overdue_search.setText("nobody")
    page.reminder_search.setText("nobody")
    page.later_check.setChecked(True)
    page.set_liaison(visited.staff)
    page.open_list(ListRequest(ListKind.REMINDERS_DUE))
    assert page.tabs.currentIndex() == Tab.REMINDERS
    assert reminder_texts(page) == ["问问药够不够"]  # due ones only
    assert page.reminder_search.text() == ""
    page.open_list(ListRequest(ListKind.OVERDUE_VISITS))
    assert page.tabs.currentIndex() == Tab.OVERDUE
    assert heads(page.overdue_model) == ["李大爷", "单秀英"]
    assert page.current_household_id() == visited.ids["李大爷"]
    assert page.liaison_id() is None
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    page.open_list(ListRequest(ListKind.VISITS, month=last_month))
    assert page.tabs.currentIndex() == Tab.VISITS
    assert page.visit_filter().start == last_month
    page.open_list(ListRequest(ListKind.VISITS, month=today))
    assert page.visit_filter().start == today.replace(day=1)
