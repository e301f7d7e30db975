"""The history tab of the household dialog (issue 14 item 7): visits, requests, deliveries
and status changes, newest first, each line openable; read when first shown, kept fresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.domain.event_models import Event, EventType, Item
from stationapp.domain.vocab import DeliveryOutcome, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.delivery_outcomes import record_outcome
from stationapp.services.delivery_planning import PlanLine, plan_deliveries
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.household_history import HistoryKind
from stationapp.services.household_queries import HouseholdFilter, list_household_ids
from stationapp.services.requests import RequestInput, create_request
from stationapp.services.visits import VisitInput
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import Operations
from stationapp.ui.request_dialog import RequestDialog
from stationapp.ui.visit_dialog import VisitDialog
from stationapp.workflows.household_status import change_status
from stationapp.workflows.visits import record_visit

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def li(ledger: Database, today: date) -> dict[str, int]:
    """李大爷 (晖苑小区3号楼301) as in the demo: visited 15 days ago, a request 8 days ago,
    春联 delivered for the couplet day 3 days ago."""
    now = datetime.combine(today, time(10))
    with ledger.session() as s:
        (household,) = list_household_ids(s, HouseholdFilter(search="ldy"), today=today)
        visit = record_visit(s, VisitInput(
            household_id=household, visit_date=today - timedelta(days=15),
            notes="身体还好，暖气不太热"), "clerk", today=today).visit_id
        request = create_request(s, RequestInput(
            household_id=household, category="供暖", description="暖气片不热，屋里只有十二度",
            received_at=datetime.combine(today - timedelta(days=8), time(8, 30)),
            reporter="李大爷"), "clerk", now=now)
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        couplet = s.scalar(select(Item.id).where(Item.name == "春联"))
        assert type_id is not None and couplet is not None
        ev = Event(event_type_id=type_id, title="写春联送祝福",
                   starts_at=datetime.combine(today - timedelta(days=3), time(9)),
                   updated_by="clerk")
        s.add(ev)
        s.flush()
        plan_deliveries(s, ev.id, [household], [PlanLine(couplet, 2)], "clerk")
        (delivery,) = list_deliveries(s, ev.id)
        record_outcome(s, delivery.id, DeliveryOutcome.DELIVERED, "clerk",
                       at=datetime.combine(today - timedelta(days=3), time(15)), now=now)
    return {"household": household, "visit": visit, "request": request,
            "delivery": delivery.id, "event": ev.id}


@pytest.fixture
def dialog(qtbot: QtBot, ledger: Database, li: dict[str, int]) -> Iterator[HouseholdDialog]:
    ops = Operations(ledger, "clerk")
    shown = HouseholdDialog(ops, li["household"])
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def _lines(dialog: HouseholdDialog) -> list[tuple[str, str, str]]:
    view = dialog.history_view
    assert view is not None
    table = view.table
    return [tuple(table.item(row, c).text() for c in range(3))  # type: ignore[misc, union-attr]
            for row in range(table.rowCount())]


def test_history_shows_the_three_lines_newest_first_and_opens_the_visit(
    qtbot: QtBot, dialog: HouseholdDialog, li: dict[str, int], today: date,
    message_boxes: MessageBoxes,
) -> None:
    view = dialog.history_view
    assert view is not None and dialog.sections is not None
    assert not view.loaded  # nothing read until the tab is shown
    dialog.show_history()
    qtbot.waitUntil(lambda: view.loaded)
    lines = _lines(dialog)
    assert [(line[0], line[1]) for line in lines] == [
        ((today - timedelta(days=3)).isoformat(), "Delivery"),
        ((today - timedelta(days=8)).isoformat(), "Request"),
        ((today - timedelta(days=15)).isoformat(), "Visit"),
    ]
    assert "写春联送祝福" in lines[0][2] and "春联 2 幅" in lines[0][2] and "已送达" in lines[0][2]
    assert "供暖" in lines[1][2] and "暖气片不热" in lines[1][2]
    assert "上门" in lines[2][2] and "暖气不太热" in lines[2][2]

    # Double-click the visit line: the visit dialog opens on that visit.
    table = view.table
    rect = table.visualRect(table.model().index(2, 2))
    # (a press first: the view opens only the index the double-click's press was on)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]
    opened = view.open_dialog
    assert isinstance(opened, VisitDialog)
    assert opened.notes_edit.toPlainText() == "身体还好，暖气不太热"
    assert (today - timedelta(days=15)).isoformat() in opened.windowTitle()
    opened.reject()
    qtbot.waitUntil(lambda: view.open_dialog is None)

    # Enter on the request line opens the request (and does not save the household).
    table.selectRow(1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    request = view.open_dialog
    assert isinstance(request, RequestDialog)
    assert request.detail is not None and request.detail.id == li["request"]
    assert dialog.isVisible() and dialog.saved_household_id is None
    request.reject()
    qtbot.waitUntil(lambda: view.open_dialog is None)


def test_delivery_and_status_lines_open_as_messages(
    qtbot: QtBot, dialog: HouseholdDialog, li: dict[str, int], today: date,
    message_boxes: MessageBoxes,
) -> None:
    view = dialog.history_view
    assert view is not None
    dialog.show_history()
    qtbot.waitUntil(lambda: view.loaded)
    view.open_row(0)
    assert len(message_boxes.information) == 1
    assert "写春联送祝福" in message_boxes.information[0]
    assert "已送达" in message_boxes.information[0]

    # A status change (as the status dialog makes it) reaches the open history.
    dialog._operations.change(
        dialog,
        lambda ctx: change_status(ctx.session, li["household"], HouseholdStatus.MOVED_AWAY,
                                  today - timedelta(days=1), "随子女迁往济南", ctx.actor,
                                  today=today),
        changed(Area.HOUSEHOLDS, Area.DELIVERIES, households=(li["household"],)),
        dialog._failure_texts(),
    )
    entries = view.entries()
    assert [e.kind for e in entries] == [HistoryKind.STATUS, HistoryKind.DELIVERY,
                                         HistoryKind.REQUEST, HistoryKind.VISIT]
    assert "迁出" in _lines(dialog)[0][2] and "随子女迁往济南" in _lines(dialog)[0][2]
    view.open_row(0)
    assert "迁出" in message_boxes.information[-1]
    assert "随子女迁往济南" in message_boxes.information[-1]


def test_history_follows_changes_made_through_the_dialogs_runner(
    qtbot: QtBot, ledger: Database, li: dict[str, int], today: date,
    message_boxes: MessageBoxes,
) -> None:
    ops = Operations(ledger, "clerk")
    dialog = HouseholdDialog(ops, li["household"])
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.history_view
    assert view is not None
    # A change before the tab was ever shown: nothing is read yet.
    ops.change(dialog, lambda ctx: record_visit(
        ctx.session, VisitInput(household_id=li["household"],
                                visit_date=today - timedelta(days=1)), ctx.actor,
        today=today), changed(Area.VISITS, households=(li["household"],)),
        dialog._failure_texts())
    assert not view.loaded
    dialog.show_history()
    qtbot.waitUntil(lambda: view.loaded)
    assert len(view.entries()) == 4
    # Shown: a new request of this household is there at once; another household's is not.
    ops.change(dialog, lambda ctx: create_request(ctx.session, RequestInput(
        household_id=li["household"], category="供暖", description="水龙头漏水",
        received_at=datetime.combine(today, time(8)), reporter="李大爷"), ctx.actor,
        now=datetime.combine(today, time(9))),
        changed(Area.REQUESTS, households=(li["household"],)), dialog._failure_texts())
    assert [e.kind for e in view.entries()][:1] == [HistoryKind.REQUEST]
    assert len(view.entries()) == 5
    assert not message_boxes.warnings
    view._apply_changes(changed(Area.REQUESTS, households=(li["household"] + 1000,)))
    assert len(view.entries()) == 5


def test_a_new_household_has_no_history_tab(qtbot: QtBot, ledger: Database) -> None:
    dialog = HouseholdDialog(Operations(ledger, "clerk"))
    qtbot.addWidget(dialog)
    assert dialog.history_view is None and dialog.sections is None
