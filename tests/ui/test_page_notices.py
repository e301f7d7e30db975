"""The main window's pages share one protocol and hear every change notice; the three
symptoms of issue 12: a new household hidden by the search, stale pickers, and the events
list counting items where the deliveries window counts households."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.demo import populate_demo
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseLockedError
from stationapp.domain.event_models import Delivery
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.messages import msg
from stationapp.services.database import Database
from stationapp.services.events import list_events
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import (
    assign_liaison,
    create_household,
    set_household_status,
)
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    update_volunteer,
)
from stationapp.ui.events_page import EventColumn, EventsPage
from stationapp.ui.household_picker import HouseholdPicker
from stationapp.ui.household_table_model import CareColumn
from stationapp.ui.households_page import HouseholdsPage
from stationapp.ui.main_window import MainWindow
from stationapp.ui.notices import EVERYTHING, Area, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.page_protocol import StationPage
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.requests_page import RequestsPage
from stationapp.ui.statistics_page import StatisticsPage
from stationapp.ui.visits_page import VisitsPage
from stationapp.ui.volunteers_page import VolunteersPage
from stationapp.workflows.opening import open_database
from tests.ui.conftest import MessageBoxes

WAIT_MS = 5000

PAGE_CLASSES = (HouseholdsPage, EventsPage, VisitsPage, RequestsPage, VolunteersPage,
                StatisticsPage)


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """No message box may block a test."""
    return message_boxes


def _wang(today: date) -> HouseholdInput:
    return HouseholdInput(
        community="东旭小区", building="7", unit="1", room="202", phone="13805461111",
        tier=CareTier.ROUTINE,
        residents=(ResidentInput(name="王桂英", birth_date=date(today.year - 70, 5, 1),
                                 is_head=True),),
    )


def _add_wang(operations: Operations, today: date) -> int:
    def work(ctx: OperationContext) -> int:
        return create_household(ctx.session, _wang(today), actor=ctx.actor, today=today)

    return operations.run(work, lambda new_id: changed(Area.HOUSEHOLDS,
                                                       households=(new_id,))).value


# ------------------------------------------------------------------ one protocol


@pytest.mark.parametrize("page_class", PAGE_CLASSES, ids=lambda c: c.__name__)
def test_every_page_meets_the_station_page_protocol(
    qtbot: QtBot, ledger: Database, page_class: Any
) -> None:
    page = page_class(Operations(ledger, "clerk"))
    qtbot.addWidget(page)
    assert isinstance(page, StationPage)
    assert isinstance(page.status_text(), str)


def test_the_window_holds_every_page_as_a_station_page(main_window: MainWindow) -> None:
    for page in (main_window.events, main_window.visits, main_window.requests,
                 main_window.volunteers, main_window.statistics):
        assert isinstance(page, StationPage)
    assert all(isinstance(p, StationPage) for p in main_window._built_pages())


def test_a_notice_reaches_every_built_page(main_window: MainWindow, monkeypatch: Any) -> None:
    pages = [main_window.households, main_window.events, main_window.visits,
             main_window.requests, main_window.volunteers, main_window.statistics]
    heard: list[object] = []
    for page in pages:
        monkeypatch.setattr(page, "apply_changes", lambda notice, p=page: heard.append(p))
    main_window.operations.announce(EVERYTHING)
    assert heard == pages


def test_a_household_added_anywhere_shows_on_the_households_page(
    qtbot: QtBot, main_window: MainWindow, today: date
) -> None:
    main_window.show_page("households")  # the window opens on 工作台
    assert main_window.count_label.text() == "4 of 4 households shown"
    _add_wang(main_window.operations, today)
    qtbot.waitUntil(lambda: main_window.count_label.text() == "5 of 5 households shown",
                    timeout=WAIT_MS)


def test_a_renamed_liaison_shows_on_the_households_page(
    qtbot: QtBot, main_window: MainWindow, today: date
) -> None:
    operations = main_window.operations
    volunteer_id = operations.run(
        lambda ctx: create_volunteer(ctx.session, VolunteerInput(name="林志强"), ctx.actor,
                                     today), changed(Area.VOLUNTEERS)).value
    household_id = main_window.households.model.household_id(0)
    assert household_id is not None
    operations.run(lambda ctx: assign_liaison(ctx.session, [household_id], volunteer_id,
                                              ctx.actor),
                   changed(Area.HOUSEHOLDS, households=(household_id,)))
    model = main_window.households.model
    assert model.index(0, CareColumn.LIAISON).data() == "林志强"

    def rename(ctx: OperationContext) -> None:
        info = get_volunteer(ctx.session, volunteer_id)
        update_volunteer(ctx.session, volunteer_id,
                         VolunteerInput(name="林志刚", version=info.version), ctx.actor, today)

    operations.run(rename, changed(Area.VOLUNTEERS))
    qtbot.waitUntil(lambda: model.index(0, CareColumn.LIAISON).data() == "林志刚",
                    timeout=WAIT_MS)


def test_a_page_that_cannot_read_again_does_not_undo_a_saved_change(
    main_window: MainWindow, monkeypatch: Any, boxes: MessageBoxes, today: date
) -> None:
    def locked() -> None:
        raise DatabaseLockedError(msg("common.locked"))

    monkeypatch.setattr(main_window.households, "refresh", locked)
    done = main_window.operations.change(
        main_window, lambda ctx: create_household(ctx.session, _wang(today), actor=ctx.actor,
                                                  today=today),
        lambda new_id: changed(Area.HOUSEHOLDS, households=(new_id,)),
        FailureTexts("Not saved"))

    assert done is not None  # saved, and not reported as failed
    assert boxes.warnings == []
    assert "F5" in main_window.statusBar().currentMessage()


def test_pages_read_again_only_what_they_show(qtbot: QtBot, ledger: Database) -> None:
    operations = Operations(ledger, "clerk")
    page = EventsPage(operations)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    reads: list[str] = []
    page.refresh = lambda: reads.append("read")  # type: ignore[method-assign]
    page.apply_changes(changed(Area.REQUESTS))
    page.apply_changes(changed(Area.VISITS, Area.REMINDERS))
    assert reads == []
    page.apply_changes(changed(Area.DELIVERIES))
    assert reads == ["read"]


# ------------------------------------------------------------------ the vanishing household


class _SavingDialog(QDialog):
    """Stands in for the household dialog: its save adds 王桂英 through the runner."""

    def __init__(self, operations: Operations, household_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self.saved_household_id: int | None = None

    def exec(self) -> int:
        self.saved_household_id = _add_wang(self._operations,
                                            self._operations.clock.today())
        return QDialog.DialogCode.Accepted.value


class _MovingOutDialog(QDialog):
    """Stands in for the household dialog: its save moves the household out (迁出)."""

    def __init__(self, operations: Operations, household_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._household_id = household_id
        self.saved_household_id: int | None = None

    def exec(self) -> int:
        household_id = self._household_id
        assert household_id is not None
        today = self._operations.clock.today()

        def work(ctx: OperationContext) -> None:
            set_household_status(ctx.session, household_id, HouseholdStatus.MOVED_AWAY, today,
                                 "搬去女儿家", ctx.actor, today=today)

        self._operations.run(work, lambda _none: changed(Area.HOUSEHOLDS,
                                                        households=(household_id,)))
        self.saved_household_id = household_id
        return QDialog.DialogCode.Accepted.value


def test_an_edited_household_that_leaves_the_list_is_said_so(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: Any
) -> None:
    import stationapp.ui.household_dialog as household_dialog

    monkeypatch.setattr(household_dialog, "HouseholdDialog", _MovingOutDialog)
    main_window.show_page("households")
    page = main_window.households
    before = page.shown_count()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.message, timeout=WAIT_MS) as said:
        page.open_selected()
    assert page.shown_count() == before - 1  # 在册 only: the household moved out
    assert said.args[0].startswith("Saved. The household no longer matches")


def test_a_new_household_hidden_by_the_search_is_shown_and_selected(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: Any
) -> None:
    import stationapp.ui.household_dialog as household_dialog

    monkeypatch.setattr(household_dialog, "HouseholdDialog", _SavingDialog)
    main_window.show_page("households")  # the window opens on 工作台
    page = main_window.households
    page.search.setText("李")
    page.apply_filter()
    page.tier.setCurrentIndex(page.tier.findData(CareTier.PRIORITY.value))
    qtbot.waitUntil(lambda: not page.model.pending(), timeout=WAIT_MS)  # read off the thread
    assert page.shown_count() == 1
    with qtbot.waitSignal(page.message, timeout=WAIT_MS) as said:
        page.new_household()
    assert page.search.text() == ""
    assert page.tier.currentData() is None
    new_id = page.current_household_id()
    assert new_id is not None
    row = page.model.row_of(new_id)
    assert row is not None
    household = page.model.row_data(row)
    assert household is not None and household.head == "王桂英"
    assert said.args == ["Saved 王桂英's household; the search was cleared to show it."]
    assert main_window.count_label.text() == "5 of 5 households shown"


def test_a_new_household_the_search_shows_keeps_the_search(
    qtbot: QtBot, ledger: Database, monkeypatch: Any
) -> None:
    import stationapp.ui.household_dialog as household_dialog

    monkeypatch.setattr(household_dialog, "HouseholdDialog", _SavingDialog)
    page = HouseholdsPage(Operations(ledger, "clerk"))
    qtbot.addWidget(page)
    page.search.setText("王")
    page.apply_filter()
    page.new_household()
    assert page.search.text() == "王"
    new_id = page.current_household_id()
    assert new_id is not None and page.select_household(new_id)


# ------------------------------------------------------------------ stale pickers


def test_a_household_picker_offers_a_household_added_while_it_is_open(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    picker = HouseholdPicker(operations)
    qtbot.addWidget(picker)
    picker.setText("王桂")
    picker.textEdited.emit("王桂")
    picker.flush()
    assert picker.results() == []
    added = _add_wang(operations, today)
    assert [row.id for row in picker.results()] == [added]


def test_a_person_picker_offers_a_volunteer_added_while_it_is_open(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    picker = PersonPicker(operations, None, allow_none=True, none_text="Everyone")
    qtbot.addWidget(picker)
    picker.ensure_loaded()
    assert [picker.itemText(i) for i in range(picker.count())] == ["Everyone"]

    def work(ctx: OperationContext) -> int:
        return create_volunteer(ctx.session, VolunteerInput(name="刘墨林"), ctx.actor,
                                today=today)

    added = operations.run(work, changed(Area.VOLUNTEERS)).value
    assert [picker.itemText(i) for i in range(picker.count())] == ["Everyone", "刘墨林"]
    assert picker.set_key(added)


# ------------------------------------------------------------------ 82 vs 41


def _number(text: str) -> int:
    found = re.search(r"\d+", text)
    assert found is not None, text
    return int(found.group())


@pytest.fixture
def demo(tmp_path: Path, clock: Clock, today: date) -> Iterator[Database]:
    """A demo station of 120 households (its events have deliveries of several items)."""
    database = open_database(f"sqlite:///{tmp_path}/demo.sqlite3", clock)
    try:
        with database.session() as session:
            populate_demo(session, households=120, seed=7, today=today)
        yield database
    finally:
        database.dispose()


def test_the_events_list_counts_households_as_the_deliveries_window_does(
    qtbot: QtBot, demo: Database
) -> None:
    ledger = demo
    with ledger.session() as session:
        events = list_events(session)
        lines = {e.id: session.scalars(select(Delivery).where(Delivery.event_id == e.id)).all()
                 for e in events}
    # The demo event whose households get several items each: items ≠ households.
    event = next(e for e in events if e.deliveries_planned > e.households_planned > 0)
    stops = {(d.volunteer_id, d.household_id) for d in lines[event.id]
             if d.outcome != "cancelled"}
    assert event.households_planned == len(stops)

    page = EventsPage(Operations(ledger, "clerk"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of(event.id)
    assert row is not None
    planned = page.model.index(row, EventColumn.PLANNED).data()
    assert planned == f"{event.households_planned} household(s)"
    assert page.model.index(row, EventColumn.ITEMS).data() == (
        f"{event.deliveries_planned} item(s)")

    assert page.select_event(event.id)
    panel = page.open_deliveries()
    assert panel is not None
    summary = panel.findChild(QWidget, "summary")
    assert summary is not None
    assert _number(summary.text()) == _number(planned)  # type: ignore[attr-defined]
    panel.close()

    # A stop whose deliveries were all cancelled stays listed in the panel, counted by neither.
    volunteer_id, household_id = sorted(stops, key=lambda s: (s[0] or 0, s[1]))[0]
    with ledger.session() as session:
        for delivery in session.scalars(select(Delivery).where(
                Delivery.event_id == event.id, Delivery.household_id == household_id,
                Delivery.volunteer_id == volunteer_id if volunteer_id is not None
                else Delivery.volunteer_id.is_(None))):
            delivery.outcome = "cancelled"
    page.refresh()
    planned = page.model.index(page.model.row_of(event.id), EventColumn.PLANNED).data()
    assert planned == f"{event.households_planned - 1} household(s)"
    panel = page.open_deliveries()
    assert panel is not None
    summary = panel.findChild(QWidget, "summary")
    assert _number(summary.text()) == _number(planned)  # type: ignore[attr-defined]
    panel.close()
