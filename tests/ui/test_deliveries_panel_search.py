"""The deliveries panel: a search box over the stops, counts in 户 and 件, 关闭 on screen
(issue 14 items 2, 4 and 7)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot
from test_deliveries_panel_notices import planned_event

from stationapp.services.database import Database
from stationapp.ui.deliveries_panel import DeliveriesPanel
from stationapp.ui.delivery_stop_model import StopColumn
from stationapp.ui.operations import Operations
from stationapp.ui.screen_fit import available_geometry


def recipients(panel: DeliveriesPanel) -> list[str]:
    model = panel.model
    return [model.index(r, StopColumn.RECIPIENT).data() for r in range(model.rowCount())]


def test_the_stops_follow_the_search_as_the_clerk_types(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    panel = DeliveriesPanel(Operations(ledger, "clerk"), planned_event(ledger, today, []))
    qtbot.addWidget(panel)
    everyone = sorted(recipients(panel))
    assert len(everyone) == 4
    qtbot.keyClicks(panel.stop_search, "ldy")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: recipients(panel) == ["李大爷"], timeout=2000)
    panel.stop_search.setText("锦华一区")
    qtbot.waitUntil(lambda: sorted(recipients(panel)) == ["单秀英", "张桂兰"], timeout=2000)
    panel.refresh()  # the search stays when the panel reads again
    assert sorted(recipients(panel)) == ["单秀英", "张桂兰"]
    panel.stop_search.clear()
    qtbot.waitUntil(lambda: sorted(recipients(panel)) == everyone, timeout=2000)


def test_the_summary_names_households_and_items(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    panel = DeliveriesPanel(Operations(ledger, "clerk"), planned_event(ledger, today, []))
    qtbot.addWidget(panel)
    # Four households, each 窗花 × 2 and 春联 × 1.
    assert panel.summary_label.text() == (
        "4 household(s) · 12 item(s) · 4 household(s) to go · 0 household(s) delivered · "
        "4 household(s) unassigned")


def test_the_close_button_stays_inside_the_screen(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    panel = DeliveriesPanel(Operations(ledger, "clerk"), planned_event(ledger, today, []))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    area = available_geometry(panel)
    assert area is not None
    assert panel.height() <= area.height() and panel.width() <= area.width()
    bottom_right = panel.close_button.mapTo(panel, panel.close_button.rect().bottomRight())
    assert panel.rect().contains(bottom_right)
