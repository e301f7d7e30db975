"""The deliveries panel over the operation runner: it hears what other windows changed, and
its stops are exactly the stops the delivery sheet prints (one read model of a stop)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pytestqt.qtbot import QtBot

from stationapp.services.catalogue import list_event_types, list_items
from stationapp.services.database import Database
from stationapp.services.delivery_assignment import auto_assign
from stationapp.services.delivery_planning import (
    PlanLine,
    TargetFilter,
    find_candidates,
    plan_deliveries,
)
from stationapp.services.events import EventInput, create_event
from stationapp.services.sheet_data import UNASSIGNED, delivery_sheets
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.deliveries_panel import DeliveriesPanel
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import OperationContext, Operations


def planned_event(database: Database, today: date, volunteers: list[int]) -> int:
    """An event with 春联 and 窗花 planned for every household of the ledger, split among
    ``volunteers`` (none: all unassigned)."""
    with database.session() as session:
        items = {i.name: i.id for i in list_items(session)}
        kind = next(t.id for t in list_event_types(session) if t.name == "送窗花")
        event_id = create_event(session, EventInput(
            event_type_id=kind, title="贴窗花迎新年", place="活动室",
            starts_at=datetime.combine(today - timedelta(days=3), time(14))), "test")
        found = find_candidates(session, event_id, TargetFilter(search="区"), today=today)
        plan_deliveries(session, event_id, [c.household_id for c in found],
                        [PlanLine(items["窗花"], 2), PlanLine(items["春联"], 1)], "test")
        if volunteers:
            auto_assign(session, event_id, volunteers, "test")
    return event_id


def add_volunteer(database: Database, today: date, name: str) -> int:
    """A volunteer recorded through the service."""
    with database.session() as session:
        return create_volunteer(session, VolunteerInput(name=name, phone="15209066660"),
                                "test", today=today)


def test_a_volunteer_added_elsewhere_appears_in_the_open_panel(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    panel = DeliveriesPanel(operations, planned_event(ledger, today, []))
    qtbot.addWidget(panel)
    assert panel.assign_combo.findText("王志愿") == -1

    def work(ctx: OperationContext) -> int:
        return create_volunteer(ctx.session, VolunteerInput(name="王志愿", phone="15209066661"),
                                ctx.actor, today=ctx.clock.today())

    done = operations.run(work, changed(Area.VOLUNTEERS))
    assert panel.assign_combo.findData(done.value) >= 0
    assert panel.assign_combo.findText("王志愿") >= 0


def test_deliveries_changed_elsewhere_are_read_again(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    first = add_volunteer(ledger, today, "刘墨林")
    event_id = planned_event(ledger, today, [])
    panel = DeliveriesPanel(operations, event_id)
    qtbot.addWidget(panel)
    assert {s.volunteer_id for s in panel.all_stops()} == {None}
    operations.run(lambda ctx: auto_assign(ctx.session, event_id, [first], ctx.actor),
                   changed(Area.DELIVERIES))
    assert {s.volunteer_id for s in panel.all_stops()} == {first}


def test_the_panel_shows_the_stops_the_sheet_prints(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    first = add_volunteer(ledger, today, "刘墨林")
    second = add_volunteer(ledger, today, "李玉珍")
    event_id = planned_event(ledger, today, [first, second])
    panel = DeliveriesPanel(Operations(ledger, "clerk"), event_id)
    qtbot.addWidget(panel)
    # One stop taken back to unassigned. (There is no manual order any more: the walking
    # route is THE order, issue 15.)
    assert panel.select_sheet(first)
    assert [s.community for s in panel.model.stops()] == ["东旭小区", "锦华一区"]
    panel.select_rows([1])
    assert panel.assign_selected(None)

    with ledger.session() as session:
        sheets = delivery_sheets(session, event_id)
        everything = delivery_sheets(session, event_id, include_unassigned=True)
    printed = [((sheet.volunteer, sheet.community),
                [(s.number, s.address, s.recipient, s.items) for s in sheet.stops])
               for sheet in everything.sheets]
    # A printed sheet is a walking route: one per volunteer and community, doors in
    # building → unit → floor → room order, one number per stop continuous across the
    # volunteer's sheets. The panel lists the very same stops in the same order with the
    # same numbers, and says which sheet each is on.
    shown = [((stop.volunteer or UNASSIGNED, stop.community),
              (stop.number, stop.address, stop.recipient, stop.items))
             for stop in panel.all_stops()]  # volunteers by name, unassigned last
    assert shown == [(key, stop) for key, stops in printed for stop in stops]
    # 李玉珍's two doors lie in two communities: two sheets, 第 1/2 张 and 第 2/2 张, and
    # the second continues the numbers of the first
    assert [(s.volunteer, s.community, s.part, s.parts, s.unassigned,
             [stop.number for stop in s.stops]) for s in everything.sheets] == [
        ("刘墨林", "东旭小区", 1, 1, False, [1]), ("李玉珍", "晖苑小区", 1, 2, False, [1]),
        ("李玉珍", "锦华一区", 2, 2, False, [2]), (UNASSIGNED, "锦华一区", 1, 1, True, [1])]
    assert [(s.sheet_label, s.number) for s in panel.all_stops()] == [
        ("东旭小区 · 1/1", 1), ("晖苑小区 · 1/2", 1), ("锦华一区 · 2/2", 2),
        ("锦华一区 · 1/1", 1)]
    assert printed[-1][1] == [(1, "锦华一区2号楼1单元101室", "张桂兰", "春联 × 1、窗花 × 2")]
    # by default the stop taken back to unassigned is left out, only counted
    assert [s.volunteer for s in sheets.sheets] == ["刘墨林", "李玉珍", "李玉珍"]
    assert sheets.sheets == everything.sheets[:-1]
    assert (sheets.left_out, everything.left_out) == (1, 0)
    assert all(items == "春联 × 1、窗花 × 2" for _, stops in printed for *_, items in stops)
