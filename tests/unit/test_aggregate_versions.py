"""Optimistic locking over whole aggregates, with two desks on one SQLite file.

Each desk is its own ``Database`` (engine, connections) on the same file. Desk A changes
a part of an aggregate (a member of a household, a delivery of an event, a step of a
request); desk B then saves the copy it opened before: that is a conflict, and A's
change survives. The household cases run on PostgreSQL in tests/pg as well.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from stationapp.domain.care_models import RequestStatusChange
from stationapp.domain.care_vocab import RequestStatus
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ConflictError
from stationapp.domain.event_models import Delivery, Event, EventType, Item, Volunteer
from stationapp.domain.models import Household, Resident
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    DeliveryOutcome,
    HouseholdStatus,
    Sex,
)
from stationapp.services._aggregates import touch_roots
from stationapp.services.database import Database
from stationapp.services.delivery_assignment import assign
from stationapp.services.delivery_outcomes import record_outcome
from stationapp.services.delivery_planning import PlanLine, plan_deliveries
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.events import (
    EventInput,
    ServiceInput,
    create_event,
    get_event,
    update_event,
)
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdDetail, HouseholdInput, ResidentInput
from stationapp.services.households import create_household, household_changes, update_household
from stationapp.services.requests import (
    RequestInput,
    advance_request,
    create_request,
    get_request,
    update_request,
)
from stationapp.workflows.household_status import change_status
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
ID_1949_FEMALE = "11010519491231002X"
ID_1938_MALE = "37050219380501001X"
DESK = "desk:王会计"
"""The account both desks are signed in with (the same clerk at two computers)."""


@pytest.fixture
def desks(sqlite_url: str, clock: Clock) -> Iterator[tuple[Database, Database]]:
    """Two desks on one SQLite file."""
    desk_a = open_database(sqlite_url, clock)
    desk_b = open_database(sqlite_url, clock)
    try:
        yield desk_a, desk_b
    finally:
        desk_a.dispose()
        desk_b.dispose()


def two_member_household(database: Database) -> int:
    """单秀英 with her husband 王建国 (member 2), last saved by :data:`DESK`."""
    with database.session() as s:
        return create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="502", phone="13905461234",
            categories=frozenset({CareCategory.EMPTY_NEST}),
            residents=(
                ResidentInput(name="单秀英", id_number=ID_1949_FEMALE, is_head=True),
                ResidentInput(name="王建国", birth_date=date(1938, 5, 1), sex=Sex.MALE,
                              relation="配偶", phone="13905469999"),
            ),
        ), DESK, TODAY)


def opened(database: Database, household_id: int) -> HouseholdDetail:
    with database.session() as s:
        return get_household(s, household_id, TODAY)


def change_member(database: Database, household_id: int, actor: str, **changes: object) -> None:
    """Desk A opens the household, changes member 2 and saves."""
    data = opened(database, household_id).as_input()
    members = list(data.residents)
    members[1] = replace(members[1], **changes)  # type: ignore[arg-type]
    with database.session() as s:
        update_household(s, household_id, replace(data, residents=tuple(members)), actor, TODAY)


MEMBER_CHANGES = {
    "mobility": ({"mobility_notes": "坐轮椅，请多敲门"}, "行动情况"),
    "relation": ({"relation": "丈夫"}, "与户主关系"),
    "id_number": ({"id_number": ID_1938_MALE}, "身份证号"),
}


@pytest.mark.parametrize("case", sorted(MEMBER_CHANGES))
def test_a_member_change_makes_an_older_copy_stale(
    desks: tuple[Database, Database], case: str
) -> None:
    desk_a, desk_b = desks
    household_id = two_member_household(desk_a)
    copy_b = opened(desk_b, household_id)
    changes, label = MEMBER_CHANGES[case]

    change_member(desk_a, household_id, DESK, **changes)

    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_household(s, household_id, replace(copy_b.as_input(), notes="第二张桌子"),
                         DESK, TODAY)
    after = opened(desk_a, household_id)
    stored = after.residents[1]
    for name, value in changes.items():
        assert getattr(stored, name) == value
    assert after.notes == ""
    assert after.version == copy_b.version + 1
    message = str(caught.value)
    assert f"编号 {household_id} 的住户" in message and DESK in message
    assert f"成员 2 的{label}" in message and "重新打开" in message
    assert caught.value.changed_parts == (f"成员 2 的{label}",)
    assert caught.value.changed_by == DESK


def test_the_conflict_message_carries_no_personal_data(desks: tuple[Database, Database]) -> None:
    desk_a, desk_b = desks
    household_id = two_member_household(desk_a)
    copy_b = opened(desk_b, household_id)
    change_member(desk_a, household_id, "cli:张三", phone="13700001111",
                  id_number=ID_1938_MALE, mobility_notes="耳背")

    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_household(s, household_id, copy_b.as_input(), DESK, TODAY)
    message = str(caught.value)
    assert "cli:张三" in message
    assert "成员 2 的身份证号、电话、行动情况" in message
    for secret in ("王建国", "单秀英", ID_1938_MALE, ID_1949_FEMALE, "13700001111",
                   "13905469999", "13905461234", "耳背"):
        assert secret not in message
    assert caught.value.changed_at is not None
    assert f"{caught.value.changed_at:%H:%M}" in message


def test_a_removed_care_category_alone_makes_an_older_copy_stale(
    desks: tuple[Database, Database]
) -> None:
    desk_a, desk_b = desks
    household_id = two_member_household(desk_a)
    copy_b = opened(desk_b, household_id)
    with desk_a.session() as s:
        update_household(s, household_id, replace(copy_b.as_input(), categories=frozenset()),
                         DESK, TODAY)
    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_household(s, household_id, replace(copy_b.as_input(), notes="第二张桌子"),
                         DESK, TODAY)
    assert caught.value.changed_parts == ("关爱类别",)
    assert opened(desk_a, household_id).categories == frozenset()


def test_a_status_change_makes_an_older_copy_stale(desks: tuple[Database, Database]) -> None:
    desk_a, desk_b = desks
    household_id = two_member_household(desk_a)
    copy_b = opened(desk_b, household_id)
    with desk_a.session() as s:
        change_status(s, household_id, HouseholdStatus.MOVED_AWAY, TODAY, "随子女迁往济南",
                      DESK, expected_version=copy_b.version, today=TODAY)
    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_household(s, household_id, copy_b.as_input(), DESK, TODAY)
    assert "状态" in caught.value.changed_parts
    with pytest.raises(ConflictError), desk_b.session() as s:
        change_status(s, household_id, HouseholdStatus.CLOSED, TODAY, "去世", DESK,
                      expected_version=copy_b.version, today=TODAY)
    assert opened(desk_a, household_id).status is HouseholdStatus.MOVED_AWAY


def test_household_changes_names_fields_and_members_without_values() -> None:
    base = HouseholdDetail(
        id=1, community="锦华一区", building="3", unit="2", room="502", phone="",
        tier=CareTier.ROUTINE, categories=frozenset(), is_elderly=False, notes="",
        status=HouseholdStatus.ACTIVE, status_date=None, status_reason="", residents=(),
        history=(), version=1,
    )
    moved = replace(base, room="503", notes="新备注", version=2)
    assert tuple(map(str, household_changes(base, moved))) == ("地址", "备注")
    assert household_changes(None, moved) == ()
    assert household_changes(base, base) == ()


# ---------------------------------------------------------------- events and deliveries


def event_with_deliveries(database: Database) -> tuple[int, int, list[int]]:
    """An event (saved by :data:`DESK`) with one delivery planned for one household."""
    household_id = two_member_household(database)
    with database.session() as s:
        type_id = s.scalar(select(EventType.id).where(EventType.name == "送窗花"))
        item = s.scalar(select(Item.id).where(Item.name == "窗花"))
        assert type_id is not None and item is not None
        volunteer = Volunteer(name="张志愿", updated_by=DESK)
        s.add(volunteer)
        s.flush()
        event_id = create_event(s, EventInput(
            event_type_id=type_id, title="送窗花", starts_at=datetime(2026, 11, 20, 9, 0),
            volunteers=(ServiceInput(volunteer.id, 2.0),),
        ), DESK)
        plan_deliveries(s, event_id, [household_id], [PlanLine(item, 2)], DESK)
        deliveries = [row.id for row in list_deliveries(s, event_id)]
    return event_id, volunteer.id, deliveries


def test_a_delivery_outcome_makes_an_older_event_copy_stale(
    desks: tuple[Database, Database]
) -> None:
    desk_a, desk_b = desks
    event_id, _volunteer, deliveries = event_with_deliveries(desk_a)
    with desk_b.session() as s:
        copy_b = get_event(s, event_id)

    with desk_a.session() as s:
        record_outcome(s, deliveries[0], DeliveryOutcome.DELIVERED, "cli:张三",
                       now=datetime(2026, 11, 25, 16, 0))

    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_event(s, event_id, replace(copy_b.as_input(), place="活动室"), DESK)
    assert f"编号 {event_id} 的活动" in str(caught.value)
    assert caught.value.changed_by == "cli:张三"
    with desk_a.session() as s:
        assert get_event(s, event_id).place == ""
        assert [r.outcome for r in list_deliveries(s, event_id)] == [DeliveryOutcome.DELIVERED]


def test_assigning_deliveries_makes_an_older_event_copy_stale(
    desks: tuple[Database, Database]
) -> None:
    desk_a, desk_b = desks
    event_id, volunteer_id, deliveries = event_with_deliveries(desk_a)
    with desk_b.session() as s:
        copy_b = get_event(s, event_id)
    with desk_a.session() as s:
        assign(s, deliveries, volunteer_id, DESK)
    with pytest.raises(ConflictError), desk_b.session() as s:
        update_event(s, event_id, replace(copy_b.as_input(), place="活动室"), DESK)
    with desk_a.session() as s:
        assert [r.volunteer_id for r in list_deliveries(s, event_id)] == [volunteer_id]


# ---------------------------------------------------------------- requests


def test_a_changed_step_makes_an_older_request_copy_stale(
    desks: tuple[Database, Database]
) -> None:
    desk_a, desk_b = desks
    household_id = two_member_household(desk_a)
    with desk_a.session() as s:
        request_id = create_request(s, RequestInput(
            household_id=household_id, category="供暖", description="暖气片不热",
            received_at=datetime(2026, 11, 20, 8, 30),
        ), DESK, now=datetime(2026, 11, 20, 9, 0))
    with desk_b.session() as s:
        copy_b = get_request(s, request_id, now=datetime(2026, 11, 21, 9, 0))

    with desk_a.session() as s:  # a step's note corrected, the request row untouched
        step = s.scalars(select(RequestStatusChange)
                         .where(RequestStatusChange.request_id == request_id)).one()
        step.note = "电话受理"

    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_request(s, request_id, replace(copy_b.as_input(), description="暖气不热"),
                       DESK, now=datetime(2026, 11, 21, 9, 0))
    assert f"编号 {request_id} 的诉求" in str(caught.value)
    with pytest.raises(ConflictError), desk_b.session() as s:
        advance_request(s, request_id, RequestStatus.IN_PROGRESS, DESK,
                        expected_version=copy_b.version, now=datetime(2026, 11, 21, 9, 0))
    with desk_a.session() as s:
        kept = get_request(s, request_id, now=datetime(2026, 11, 21, 9, 0))
    assert kept.description == "暖气片不热"


# ---------------------------------------------------------------- one bump per transaction


def test_roots_written_in_a_transaction_can_be_freed_and_are_bumped_once(
    sqlite_url: str, clock: Clock
) -> None:
    """A big import writes many households in one transaction: the session must not keep
    them all alive; one freed and read again is still known to be written already."""
    database = open_database(sqlite_url, clock)
    try:
        household_id = two_member_household(database)
        with database.session() as s:
            before = s.scalar(select(Household.version).where(Household.id == household_id))
            household = s.get(Household, household_id)
            assert household is not None
            household.phone = "13905460000"
            s.flush()
            freed = weakref.ref(household)
            del household
            gc.collect()
            assert freed() is None
            member = s.scalars(select(Resident).where(
                Resident.household_id == household_id, Resident.relation == "配偶")).one()
            member.relation = "丈夫"
            s.flush()
        with database.session() as s:
            after = s.scalar(select(Household.version).where(Household.id == household_id))
    finally:
        database.dispose()
    assert before is not None and after == before + 1


def test_a_root_touched_behind_the_orm_is_not_bumped_again_by_a_later_flush(
    sqlite_url: str, clock: Clock
) -> None:
    database = open_database(sqlite_url, clock)
    try:
        event_id, _volunteer, deliveries = event_with_deliveries(database)
        with database.session() as s:
            before = s.scalar(select(Event.version).where(Event.id == event_id))
            touch_roots(s, Event, [event_id], DESK)
            delivery = s.get(Delivery, deliveries[0])
            assert delivery is not None
            delivery.notes = "先打电话"
            s.flush()
            touch_roots(s, Event, [event_id], DESK)
        with database.session() as s:
            after = s.scalar(select(Event.version).where(Event.id == event_id))
    finally:
        database.dispose()
    assert before is not None and after == before + 1
