"""The events service (活动), on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, Event, EventTally, EventVolunteer
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.catalogue import list_event_types, list_items, save_event_type
from stationapp.services.database import Database
from stationapp.services.events import (
    EventInput,
    ServiceInput,
    TallyInput,
    create_event,
    get_event,
    list_events,
    update_event,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.volunteers import VolunteerInput, create_volunteer

TODAY = date(2026, 11, 26)
"""The desk's day in these tests."""


@pytest.fixture
def station(database: Database) -> dict[str, int]:
    """Catalogue ids, three volunteers and three events (couplets, window flowers, safety)."""
    with database.session() as s:
        types = {t.name: t.id for t in list_event_types(s)}
        items = {i.name: i.id for i in list_items(s)}
        ids = {f"type:{k}": v for k, v in types.items()} | {f"item:{k}": v
                                                          for k, v in items.items()}
        ids["wang"] = create_volunteer(s, VolunteerInput(name="王书文", skills=("书法",)), "clerk",
                                       TODAY)
        ids["zhou"] = create_volunteer(s, VolunteerInput(name="周翰", skills=("书法",)), "clerk",
                                       TODAY)
        ids["feng"] = create_volunteer(s, VolunteerInput(name="冯巧云", skills=("剪纸",)), "clerk",
                                       TODAY)
        ids["couplets"] = create_event(s, EventInput(
            event_type_id=types["写春联送祝福"], title="迎新春写春联送祝福",
            starts_at=datetime(2026, 2, 3, 9, 0), ends_at=datetime(2026, 2, 3, 11, 30),
            place="锦华一区广场", organiser="锦华第一党员服务社", participant_count=150,
            tallies=(TallyInput(items["春联"], 106), TallyInput(items["福字"], 60)),
            volunteers=(ServiceInput(ids["wang"], 3.5), ServiceInput(ids["zhou"], 3.0)),
        ), "clerk")
        ids["flowers"] = create_event(s, EventInput(
            event_type_id=types["送窗花"], title="贴窗花迎新年",
            starts_at=datetime(2026, 2, 10, 14, 0), place="各小区入户",
            organiser="剪纸艺术培训中心",
            tallies=(TallyInput(items["窗花"], 48),),
            volunteers=(ServiceInput(ids["feng"], 2.0),),
        ), "clerk")
        ids["safety"] = create_event(s, EventInput(
            event_type_id=types["安全宣传"], title="Safety Day 防骗防盗宣传",
            starts_at=datetime(2026, 3, 15, 9, 0), place="东旭小区门口",
            participant_count=80, tallies=(TallyInput(items["宣传材料"], 100),),
        ), "clerk")
    return ids


def counts(database: Database) -> tuple[int, int, int]:
    with database.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(EventTally)) or 0,
            s.scalar(select(func.count()).select_from(EventVolunteer)) or 0,
        )


def test_create_and_read_back(database: Database, station: dict[str, int]) -> None:
    with database.session() as s:
        detail = get_event(s, station["couplets"])
    assert detail.type == "写春联送祝福" and detail.title == "迎新春写春联送祝福"
    assert detail.starts_at == datetime(2026, 2, 3, 9, 0)
    assert detail.ends_at == datetime(2026, 2, 3, 11, 30)
    assert detail.place == "锦华一区广场" and detail.participant_count == 150
    assert [(t.item, t.unit, t.quantity) for t in detail.tallies] == [
        ("春联", "幅", 106), ("福字", "张", 60)]
    # Volunteers by the pinyin of their names: wang before zhou.
    assert [(v.name, v.hours) for v in detail.volunteers] == [("王书文", 3.5), ("周翰", 3.0)]
    assert detail.updated_by == "clerk" and detail.version == 1
    assert isinstance(detail.created_at, datetime)
    assert detail.as_input().tallies == (TallyInput(station["item:春联"], 106),
                                         TallyInput(station["item:福字"], 60))
    with pytest.raises(NotFoundError), database.session() as s:
        get_event(s, 999_999)


def test_refusals_name_every_field_and_write_nothing(
    database: Database, station: dict[str, int]
) -> None:
    before = counts(database)
    bad = EventInput(
        event_type_id=999_999, title="   ", starts_at=datetime(2026, 5, 1, 9),
        ends_at=datetime(2026, 5, 1, 8), participant_count=-1,
        tallies=(TallyInput(station["item:春联"], -5), TallyInput(station["item:春联"], 1),
                 TallyInput(999_999, 1)),
        volunteers=(ServiceInput(station["wang"], 25.0), ServiceInput(station["wang"], 1.0),
                    ServiceInput(999_999, -1.0)),
    )
    with database.session() as s:
        with pytest.raises(ValidationError) as caught:
            create_event(s, bad, "clerk")
        s.flush()  # whatever the refused call might have left would be committed now
    fields = {p.field for p in caught.value.problems}
    assert fields == {
        "title", "event_type_id", "ends_at", "participant_count",
        "tallies[0].quantity", "tallies[1].item_id", "tallies[2].item_id",
        "volunteers[0].hours", "volunteers[1].volunteer_id", "volunteers[2].volunteer_id",
        "volunteers[2].hours",
    }
    messages = {p.field: p.message for p in caught.value.problems}
    assert messages["title"] == "请填写活动名称"
    assert "结束时间" in messages["ends_at"]
    assert "24" in messages["volunteers[0].hours"]
    assert counts(database) == before

    with database.session() as s:
        good = get_event(s, station["flowers"]).as_input()
        with pytest.raises(ValidationError) as refused:
            update_event(s, station["flowers"], replace(
                good, title="改了名字",
                volunteers=(ServiceInput(station["feng"], 30.0),)), "clerk")
        s.flush()
    assert refused.value.field == "volunteers[0].hours"
    with database.session() as s:
        unchanged = get_event(s, station["flowers"])
    assert unchanged.title == "贴窗花迎新年" and unchanged.volunteers[0].hours == 2.0
    assert unchanged.version == 1
    assert counts(database) == before


def test_update_replaces_tallies_and_volunteers(
    database: Database, station: dict[str, int]
) -> None:
    with database.session() as s:
        first = get_event(s, station["couplets"]).as_input()
        update_event(s, station["couplets"], replace(
            first, title=" 迎新春  写春联 ",
            tallies=(TallyInput(station["item:福字"], 80),
                     TallyInput(station["item:宣传材料"], 100)),
            volunteers=(ServiceInput(station["zhou"], 4.0), ServiceInput(station["feng"], 1.5)),
        ), "desk1")
    with database.session() as s:
        detail = get_event(s, station["couplets"])
    assert detail.title == "迎新春 写春联"
    assert [(t.item, t.quantity) for t in detail.tallies] == [("福字", 80), ("宣传材料", 100)]
    assert [(v.name, v.hours) for v in detail.volunteers] == [("冯巧云", 1.5), ("周翰", 4.0)]
    assert detail.updated_by == "desk1" and detail.version == 2


def test_changing_only_tallies_still_bumps_the_version(
    database: Database, station: dict[str, int]
) -> None:
    with database.session() as s:
        first = get_event(s, station["safety"]).as_input()
    with database.session() as s:
        update_event(s, station["safety"], replace(
            first, tallies=(TallyInput(station["item:宣传材料"], 120),)), "desk1")
    with pytest.raises(ConflictError), database.session() as s:
        update_event(s, station["safety"], replace(first, participant_count=90), "desk2")
    with database.session() as s:
        detail = get_event(s, station["safety"])
    assert detail.tallies[0].quantity == 120 and detail.participant_count == 80
    assert detail.version == 2


def test_concurrent_save_is_a_conflict(database: Database, station: dict[str, int]) -> None:
    """Desk 2 holds the event loaded before desk 1 saved: its flush finds the row changed."""
    desk2 = database.sessions()
    try:
        held = desk2.get(Event, station["flowers"])  # stays in desk 2's identity map
        assert held is not None
        data = get_event(desk2, station["flowers"]).as_input()
        with database.session() as desk1:
            update_event(desk1, station["flowers"], replace(data, place="东旭小区"), "desk1")
        with pytest.raises(ConflictError):
            update_event(desk2, station["flowers"], replace(data, place="晖苑小区",
                                                             version=None), "desk2")
        desk2.rollback()
    finally:
        desk2.close()
    with database.session() as s:
        assert get_event(s, station["flowers"]).place == "东旭小区"


def test_list_newest_first_with_search_and_dates(
    database: Database, station: dict[str, int]
) -> None:
    def ids(search: str = "", date_from: date | None = None,
            date_to: date | None = None) -> list[int]:
        with database.session() as s:
            return [r.id for r in list_events(s, search, date_from, date_to)]

    assert ids() == [station["safety"], station["flowers"], station["couplets"]]
    assert ids("春联") == [station["couplets"]]  # title
    assert ids("广场") == [station["couplets"]]  # place
    assert ids("剪纸艺术") == [station["flowers"]]  # organiser
    assert ids("安全宣传") == [station["safety"]]  # type name
    assert ids("safety day") == [station["safety"]]  # case-insensitive, every word
    assert ids("春联 东旭") == []
    assert ids("100%") == []  # LIKE wildcards are taken literally
    assert ids(date_from=date(2026, 2, 3), date_to=date(2026, 2, 10)) == [
        station["flowers"], station["couplets"]]  # both ends inclusive
    assert ids(date_from=date(2026, 2, 4)) == [station["safety"], station["flowers"]]
    assert ids(date_to=date(2026, 2, 9)) == [station["couplets"]]
    assert ids("窗花", date_from=date(2026, 3, 1)) == []
    with database.session() as s:
        row = list_events(s, "春联")[0]
    assert row.type == "写春联送祝福" and row.place == "锦华一区广场"
    assert row.participant_count == 150 and row.starts_at == datetime(2026, 2, 3, 9, 0)
    assert (row.deliveries_planned, row.deliveries_done, row.deliveries_pending) == (0, 0, 0)


def test_list_counts_deliveries(database: Database, station: dict[str, int]) -> None:
    outcomes = [DeliveryOutcome.DELIVERED] * 3 + [
        DeliveryOutcome.PENDING, DeliveryOutcome.PENDING, DeliveryOutcome.NOT_HOME,
        DeliveryOutcome.CANCELLED]
    with database.session() as s:
        for n, outcome in enumerate(outcomes, start=1):
            household = create_household(s, HouseholdInput(
                community="锦华一区", building="3", unit="1", room=f"{n}01",
                residents=(ResidentInput(name=f"住户{n}"),)), "clerk", TODAY)
            s.add(Delivery(event_id=station["flowers"], household_id=household,
                           item_id=station["item:窗花"], quantity=2, outcome=outcome))
    with database.session() as s:
        rows = {r.id: r for r in list_events(s)}
    flowers = rows[station["flowers"]]
    assert (flowers.deliveries_planned, flowers.deliveries_done,
            flowers.deliveries_pending) == (6, 3, 2)
    assert rows[station["couplets"]].deliveries_planned == 0


def test_inactive_type_only_for_events_that_have_it(
    database: Database, station: dict[str, int]
) -> None:
    with database.session() as s:
        type_id = station["type:送窗花"]
        save_event_type(s, "送窗花", active=False, type_id=type_id)
    with database.session() as s:
        with pytest.raises(ValidationError) as caught:
            create_event(s, EventInput(event_type_id=type_id, title="又一次送窗花",
                                       starts_at=datetime(2026, 12, 20, 9)), "clerk")
        first = get_event(s, station["flowers"]).as_input()
        update_event(s, station["flowers"], replace(first, participant_count=22), "clerk")
    assert caught.value.field == "event_type_id" and "停用" in caught.value.message
    with database.session() as s:
        assert get_event(s, station["flowers"]).participant_count == 22


def test_zoned_times_are_stored_as_local_wall_clock(
    database: Database, station: dict[str, int]
) -> None:
    moment = datetime(2026, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    with database.session() as s:
        event_id = create_event(s, EventInput(
            event_type_id=station["type:培训"], title="剪纸培训", starts_at=moment,
            ends_at=moment + timedelta(hours=2)), "clerk")
    with database.session() as s:
        detail = get_event(s, event_id)
    assert detail.starts_at == moment.astimezone().replace(tzinfo=None)
    assert detail.starts_at.tzinfo is None and detail.ends_at is not None
    assert detail.ends_at - detail.starts_at == timedelta(hours=2)


def test_demo_events_like_the_seed_page(database: Database) -> None:
    """The demo's volunteers and events (with deliveries), on SQLite and PostgreSQL."""
    from stationapp.demo import populate_demo
    from stationapp.services.delivery_stops import list_deliveries
    from stationapp.services.volunteers import list_volunteers

    today = date(2026, 11, 26)
    with database.session() as s:
        populate_demo(s, 300, seed=11, today=today)
    with database.session() as s:
        rows = list_events(s)
        volunteers = list_volunteers(s, active_only=False)
        details = {r.title: get_event(s, r.id) for r in rows}
        deliveries = {r.title: list_deliveries(s, r.id) for r in rows}
    assert [r.type for r in rows] == ["节日慰问", "培训", "安全宣传", "节日慰问", "节日慰问",
                                      "送窗花", "写春联送祝福"]
    assert rows[0].starts_at.date() > today > rows[1].starts_at.date()
    titles = {r.type: r.title for r in reversed(rows)}  # the latest event of each type
    details = {**details, **{kind: details[title] for kind, title in titles.items()}}
    deliveries = {**deliveries, **{kind: deliveries[title] for kind, title in titles.items()}}

    # The care demo adds station staff and liaisons (走访慰问); the events' own are the rest.
    volunteers = [v for v in volunteers if "走访慰问" not in v.skills and not v.is_staff]
    assert 10 <= len(volunteers) <= 14
    assert sum(not v.active for v in volunteers) == 2
    skills = {skill for v in volunteers for skill in v.skills}
    assert {"书法", "剪纸", "安全宣传", "维修"} <= skills
    assert all(v.phone and v.community for v in volunteers)

    couplets = details["写春联送祝福"]
    tallies = {t.item: t.quantity for t in couplets.tallies}
    assert 140 <= couplets.participant_count <= 165
    assert 100 <= tallies["春联"] <= 112 and tallies["福字"] > 0 and tallies["宣传材料"] >= 100
    calligraphers = [v for v in couplets.volunteers
                     if "书法" in next(x.skills for x in volunteers if x.id == v.volunteer_id)]
    assert len(calligraphers) >= 4 and all(0 < v.hours <= 24 for v in calligraphers)
    assert {d.item for d in deliveries["写春联送祝福"]} == {"春联", "福字"}

    flowers = deliveries["送窗花"]
    households = {d.household_id for d in flowers}
    assert len(households) >= 20
    outcomes = [d.outcome for d in flowers]
    assert outcomes.count(DeliveryOutcome.DELIVERED) > len(flowers) / 2
    assert set(outcomes) <= {DeliveryOutcome.DELIVERED, DeliveryOutcome.NOT_HOME}
    assert all(d.volunteer_id is not None and d.outcome_at is not None for d in flowers)

    safety = details["安全宣传"]
    assert {t.item: t.quantity for t in safety.tallies}["宣传材料"] >= 100
    upcoming = deliveries["节日慰问"]
    assert upcoming and all(d.outcome is DeliveryOutcome.PENDING for d in upcoming)
    assert all(d.volunteer_id is not None and d.stop_order >= 1 for d in upcoming)
    hours = {v.id: v.hours for v in volunteers}
    served = {s.volunteer_id for d in details.values() for s in d.volunteers}
    assert all(hours[v] > 0 for v in served)
