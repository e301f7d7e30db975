"""Requests (诉求 / 报修): recording, the status flow, history, days open, lists, categories.

On SQLite and on PostgreSQL. Times are fixed in the past (the status flow refuses steps
in the future); ``now`` is passed wherever the service accepts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from stationapp.domain.care_models import CareRequest, RequestStatusChange, Visit
from stationapp.domain.care_vocab import (
    DEFAULT_REQUEST_CATEGORIES,
    REQUEST_TRANSITIONS,
    RequestStatus,
    Satisfaction,
)
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import (
    RequestFilter,
    RequestInput,
    add_request_category,
    advance_request,
    create_request,
    days_open,
    get_request,
    list_request_categories,
    list_requests,
    rename_request_category,
    set_request_category_active,
    update_request,
)
from stationapp.services.settings import get_station_settings
from stationapp.workflows.household_status import change_status
from stationapp.workflows.station_settings import save_station_settings

R = RequestStatus
RECEIVED = datetime(2025, 12, 1, 8, 30)
NOW = datetime(2025, 12, 5, 9, 0)
TODAY = NOW.date()
STEP_NOW = datetime(2026, 1, 20, 9, 0, 17, 250_000)
"""The desk's time when the tests take a step (after every step time they type)."""


# ---------------------------------------------------------------- helpers


def add_household(s: Session, building: str, room: str, name: str, phone: str = "") -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building=building, unit="1", room=room, phone=phone,
        residents=(ResidentInput(name=name, birth_date=date(1941, 3, 2)),),
    ), "clerk", TODAY)


def add_person(s: Session, name: str, *, staff: bool = False, active: bool = True) -> int:
    person = Volunteer(name=name, is_staff=staff, active=active, updated_by="clerk")
    s.add(person)
    s.flush()
    return person.id


@pytest.fixture
def world(database: Database) -> dict[str, int]:
    """Two households on the ledger, one moved away; a staff member, a volunteer, a leaver."""
    with database.session() as s:
        ids = {
            "li": add_household(s, "2", "301", "李大爷", "13905461111"),
            "wang": add_household(s, "5", "102", "王奶奶"),
            "gone": add_household(s, "7", "201", "赵大娘"),
            "staff": add_person(s, "孙主任", staff=True),
            "fixer": add_person(s, "周师傅"),
            "helper": add_person(s, "吴志愿"),
            "left": add_person(s, "郑志愿", active=False),
        }
        change_status(s, ids["gone"], HouseholdStatus.MOVED_AWAY, date(2025, 6, 1),
                      "随子女迁往济南", "clerk", today=TODAY)
    return ids


def cold_radiator(household_id: int, **changes: Any) -> RequestInput:
    data = RequestInput(household_id=household_id, category="供暖",
                        description="暖气片不热，屋里只有十二度", received_at=RECEIVED,
                        reporter="李大爷")
    return replace(data, **changes)


def new_request(database: Database, data: RequestInput) -> int:
    with database.session() as s:
        return create_request(s, data, "clerk", now=NOW)


def advance(database: Database, request_id: int, to: RequestStatus, **kwargs: Any) -> None:
    with database.session() as s:
        advance_request(s, request_id, to, kwargs.pop("actor", "clerk"),
                        **({"now": STEP_NOW} | kwargs))


def detail(database: Database, request_id: int, now: datetime = NOW) -> Any:
    with database.session() as s:
        return get_request(s, request_id, now=now)


@contextmanager
def counting(database: Database) -> Iterator[list[str]]:
    """Every statement sent to the database inside the block."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


# ---------------------------------------------------------------- recording


def test_create_records_the_received_step(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"], channel=" 上门反映 "))
    got = detail(database, rid)
    assert got.status is R.RECEIVED and got.assignee_id is None and got.assignee == ""
    assert (got.category, got.channel, got.reporter) == ("供暖", "上门反映", "李大爷")
    assert got.head == "李大爷" and got.phone == "13905461111"
    assert got.address.startswith("锦华一区") and "301" in got.address
    assert got.received_at == RECEIVED and got.version == 1
    assert [(h.from_status, h.to_status, h.changed_at, h.actor) for h in got.history] == [
        (None, R.RECEIVED, RECEIVED, "clerk")]
    assert got.allowed_next == (R.ASSIGNED, R.IN_PROGRESS, R.RESOLVED)
    assert got.days_open == 4 and not got.overdue
    assert got.resolved_at is None and got.satisfaction is None and got.visit_id is None


def test_received_at_defaults_to_now(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"], received_at=None))
    assert detail(database, rid).received_at == NOW


def test_create_with_assignee_dispatches_at_once(
    database: Database, world: dict[str, int]
) -> None:
    rid = new_request(database, cold_radiator(world["li"], assignee_id=world["fixer"]))
    got = detail(database, rid)
    assert got.status is R.ASSIGNED and got.assignee == "周师傅"
    assert [(h.from_status, h.to_status, h.changed_at, h.note) for h in got.history] == [
        (None, R.RECEIVED, RECEIVED, ""), (R.RECEIVED, R.ASSIGNED, RECEIVED, "派给周师傅")]
    staff = new_request(database, cold_radiator(world["wang"], assignee_id=world["staff"]))
    assert detail(database, staff).assignee == "孙主任"


def test_create_refusals_name_every_field_and_write_nothing(
    database: Database, world: dict[str, int]
) -> None:
    with database.session() as s:
        with pytest.raises(ValidationError) as everything:
            create_request(s, RequestInput(
                household_id=999_999, category=" ", description="  ", channel="",
                received_at=datetime(2025, 12, 6), assignee_id=999_999,
            ), "clerk", now=NOW)
        with pytest.raises(ValidationError) as moved:
            create_request(s, cold_radiator(world["gone"]), "clerk", now=NOW)
        with pytest.raises(ValidationError) as unknown_category:
            create_request(s, cold_radiator(world["li"], category="下水道"), "clerk", now=NOW)
        with pytest.raises(ValidationError) as too_long:
            create_request(s, cold_radiator(world["li"], description="冷" * 2001,
                                            channel="电" * 33), "clerk", now=NOW)
        with pytest.raises(ValidationError) as inactive_person:
            create_request(s, cold_radiator(world["li"], assignee_id=world["left"]), "clerk",
                           now=NOW)
        with pytest.raises(ValidationError) as old_year:
            create_request(s, cold_radiator(world["li"], received_at=datetime(1999, 5, 1)),
                           "clerk", now=NOW)
        with pytest.raises(NotFoundError):
            create_request(s, cold_radiator(world["li"]), "clerk", now=NOW, visit_id=999_999)
        s.flush()
        assert s.scalar(select(func.count()).select_from(CareRequest)) == 0
    assert [p.field for p in everything.value.problems] == [
        "household", "category", "description", "channel", "received_at", "assignee"]
    assert "晚于现在" in everything.value.problems[4].message
    assert moved.value.field == "household" and "迁出" in moved.value.message
    assert unknown_category.value.field == "category" and "下水道" in unknown_category.value.message
    assert [p.field for p in too_long.value.problems] == ["description", "channel"]
    assert "2000" in too_long.value.problems[0].message
    assert inactive_person.value.field == "assignee" and "郑志愿" in inactive_person.value.message
    assert old_year.value.field == "received_at"


def test_request_opened_from_a_visit(database: Database, world: dict[str, int]) -> None:
    with database.session() as s:
        visit = Visit(household_id=world["li"], visit_date=date(2025, 12, 1), updated_by="clerk")
        s.add(visit)
        s.flush()
        rid = create_request(s, cold_radiator(world["li"], channel="走访发现"), "clerk",
                             now=NOW, visit_id=visit.id)
        visit_id = visit.id
    got = detail(database, rid)
    assert got.visit_id == visit_id and got.channel == "走访发现"
    assert got.history[0].note == "走访时发现"


# ---------------------------------------------------------------- the status flow

PATH_TO: dict[RequestStatus, tuple[RequestStatus, ...]] = {
    R.RECEIVED: (),
    R.ASSIGNED: (R.ASSIGNED,),
    R.IN_PROGRESS: (R.IN_PROGRESS,),
    R.RESOLVED: (R.RESOLVED,),
    R.CONFIRMED: (R.RESOLVED, R.CONFIRMED),
}


def step_args(
    world: dict[str, int], current_assignee: int | None, to: RequestStatus, n: int
) -> dict[str, Any]:
    """What a step to ``to`` needs, at a distinct time ``n`` hours after receipt."""
    args: dict[str, Any] = {"when": datetime(2025, 12, 1, 9 + n)}
    if to is R.ASSIGNED:
        args["assignee_id"] = (world["helper"] if current_assignee == world["fixer"]
                               else world["fixer"])
    elif to is R.RESOLVED:
        args["resolution"] = "更换了暖气阀门"
    elif to is R.CONFIRMED:
        args["satisfaction"] = Satisfaction.SATISFIED
    elif to is R.IN_PROGRESS:
        args["note"] = "师傅已上门"
    return args


def request_in(database: Database, world: dict[str, int], status: RequestStatus) -> int:
    rid = new_request(database, cold_radiator(world["li"]))
    for n, to in enumerate(PATH_TO[status]):
        advance(database, rid, to, **step_args(world, detail(database, rid).assignee_id, to, n))
    assert detail(database, rid).status is status
    return rid


ALLOWED = sorted((a, b) for a, targets in REQUEST_TRANSITIONS.items() for b in targets)
REFUSED = sorted((a, b) for a in R for b in R if b not in REQUEST_TRANSITIONS[a])


@pytest.mark.parametrize(("start", "to"), ALLOWED, ids=lambda s: s.value)
def test_every_allowed_transition(
    database: Database, world: dict[str, int], start: RequestStatus, to: RequestStatus
) -> None:
    rid = request_in(database, world, start)
    before = detail(database, rid)
    args = step_args(world, before.assignee_id, to, 5)
    advance(database, rid, to, actor="desk2", **args)
    after = detail(database, rid)
    assert after.status is to
    assert len(after.history) == len(before.history) + 1
    last = after.history[-1]
    assert (last.from_status, last.to_status, last.changed_at, last.actor) == (
        start, to, args["when"], "desk2")
    assert after.version > before.version
    assert after.allowed_next == tuple(s for s in R if s in REQUEST_TRANSITIONS[to])


@pytest.mark.parametrize(("start", "to"), REFUSED, ids=lambda s: s.value)
def test_impossible_transitions_are_refused(
    database: Database, world: dict[str, int], start: RequestStatus, to: RequestStatus
) -> None:
    rid = request_in(database, world, start)
    before = detail(database, rid)
    with pytest.raises(ValidationError) as refused:
        advance(database, rid, to, **step_args(world, before.assignee_id, to, 5))
    assert refused.value.field == "status"
    assert f"不能从“{start.label}”改为“{to.label}”" in refused.value.message
    after = detail(database, rid)
    assert after.status is start and after.history == before.history


def test_refusal_explains_the_way(database: Database, world: dict[str, int]) -> None:
    received = request_in(database, world, R.RECEIVED)
    confirmed = request_in(database, world, R.CONFIRMED)
    with pytest.raises(ValidationError) as early:
        advance(database, received, R.CONFIRMED, satisfaction=Satisfaction.SATISFIED)
    with pytest.raises(ValidationError) as final:
        advance(database, confirmed, R.IN_PROGRESS, note="又不热了")
    assert "要先办结" in early.value.message
    assert final.value.message.startswith("这条诉求不能从“已回访”改为“处理中”")
    assert "已经结束" in final.value.message


def test_steps_refuse_missing_facts(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"], assignee_id=world["fixer"]))
    resolved = request_in(database, world, R.RESOLVED)
    when = datetime(2025, 12, 2, 10)
    cases: list[tuple[int, RequestStatus, dict[str, Any], str, str]] = [
        (rid, R.ASSIGNED, {}, "assignee", "负责人"),
        (rid, R.ASSIGNED, {"assignee_id": world["fixer"]}, "assignee", "已经派给周师傅"),
        (rid, R.ASSIGNED, {"assignee_id": world["left"]}, "assignee", "已停用"),
        (rid, R.ASSIGNED, {"assignee_id": 999_999}, "assignee", "名单"),
        (rid, R.IN_PROGRESS, {"assignee_id": world["helper"]}, "assignee", "派单"),
        (rid, R.RESOLVED, {"resolution": "   "}, "resolution", "办结情况"),
        (resolved, R.CONFIRMED, {}, "satisfaction", "满意"),
        (resolved, R.IN_PROGRESS, {}, "note", "回访"),
        (rid, R.IN_PROGRESS, {"when": datetime(2025, 11, 30)}, "when", "早于上一步"),
        (rid, R.IN_PROGRESS, {"when": datetime(2999, 1, 1)}, "when", "晚于现在"),
        (rid, R.IN_PROGRESS, {"note": "啊" * 2001}, "note", "2000"),
    ]
    for request_id, to, args, field, words in cases:
        before = detail(database, request_id)
        with pytest.raises(ValidationError) as refused:
            advance(database, request_id, to, **({"when": when} | args))
        assert (refused.value.field, to) == (field, to)
        assert words in refused.value.message, refused.value.message
        assert detail(database, request_id).history == before.history


def test_step_times_are_kept_to_the_minute_typed(
    database: Database, world: dict[str, int]
) -> None:
    rid = new_request(database, cold_radiator(world["li"]))
    advance(database, rid, R.IN_PROGRESS, when=datetime(2025, 12, 1, 10, 0, 35))
    # The clerk types minutes: 10:00 after a step at 10:00:35 is the same minute.
    advance(database, rid, R.ASSIGNED, assignee_id=world["fixer"],
            when=datetime(2025, 12, 1, 10, 0))
    with pytest.raises(ValidationError) as earlier:
        advance(database, rid, R.RESOLVED, resolution="修好了",
                when=datetime(2025, 12, 1, 9, 59))
    assert earlier.value.field == "when" and "10:00" in earlier.value.message
    advance(database, rid, R.RESOLVED, resolution="修好了")  # when: now, to the second
    got = detail(database, rid)
    assert [h.to_status for h in got.history] == [
        R.RECEIVED, R.IN_PROGRESS, R.ASSIGNED, R.RESOLVED]
    assert got.resolved_at == got.history[-1].changed_at
    assert got.resolved_at is not None and got.resolved_at.microsecond == 0
    assert got.resolved_at > datetime(2025, 12, 2)


def test_cold_radiator_story_keeps_every_step(database: Database, world: dict[str, int]) -> None:
    """Received, sent to the fitter, fixed, call-back finds it cold again, fixed, confirmed."""
    rid = new_request(database, cold_radiator(world["li"]))
    advance(database, rid, R.ASSIGNED, assignee_id=world["fixer"],
            when=datetime(2025, 12, 1, 8, 45), note="带上阀门扳手")
    advance(database, rid, R.IN_PROGRESS, actor="周师傅", when=datetime(2025, 12, 1, 10))
    advance(database, rid, R.RESOLVED, actor="周师傅", when=datetime(2025, 12, 2, 16),
            resolution="阀门被关上了，已打开并排气")
    assert detail(database, rid).resolved_at == datetime(2025, 12, 2, 16)
    advance(database, rid, R.IN_PROGRESS, when=datetime(2025, 12, 3, 9),
            note="回访：卧室那组暖气片还是凉的")
    reopened = detail(database, rid)
    assert reopened.resolved_at is None and reopened.status.is_open
    assert reopened.allowed_next == (R.ASSIGNED, R.RESOLVED)
    advance(database, rid, R.ASSIGNED, assignee_id=world["helper"],
            when=datetime(2025, 12, 3, 9, 30))
    advance(database, rid, R.RESOLVED, actor="吴志愿", when=datetime(2025, 12, 4, 11),
            resolution="清洗了卧室暖气片的过滤网")
    advance(database, rid, R.CONFIRMED, actor="clerk", when=datetime(2025, 12, 5, 8, 30),
            satisfaction=Satisfaction.SATISFIED, callback_note="屋里二十度了")

    got = detail(database, rid, now=datetime(2026, 1, 20))
    assert got.status is R.CONFIRMED and got.allowed_next == ()
    assert got.assignee == "吴志愿" and got.resolution == "清洗了卧室暖气片的过滤网"
    assert got.resolved_at == datetime(2025, 12, 4, 11)
    assert got.confirmed_at == datetime(2025, 12, 5, 8, 30)
    assert got.satisfaction is Satisfaction.SATISFIED and got.callback_note == "屋里二十度了"
    assert got.days_open == 3 and not got.overdue  # 12-01 → 12-04, not to "now"
    assert [(h.from_status, h.to_status, h.changed_at, h.actor, h.note) for h in got.history] == [
        (None, R.RECEIVED, RECEIVED, "clerk", ""),
        (R.RECEIVED, R.ASSIGNED, datetime(2025, 12, 1, 8, 45), "clerk", "派给周师傅：带上阀门扳手"),
        (R.ASSIGNED, R.IN_PROGRESS, datetime(2025, 12, 1, 10), "周师傅", ""),
        (R.IN_PROGRESS, R.RESOLVED, datetime(2025, 12, 2, 16), "周师傅",
         "阀门被关上了，已打开并排气"),
        (R.RESOLVED, R.IN_PROGRESS, datetime(2025, 12, 3, 9), "clerk",
         "回访：卧室那组暖气片还是凉的"),
        (R.IN_PROGRESS, R.ASSIGNED, datetime(2025, 12, 3, 9, 30), "clerk", "派给吴志愿"),
        (R.ASSIGNED, R.RESOLVED, datetime(2025, 12, 4, 11), "吴志愿", "清洗了卧室暖气片的过滤网"),
        (R.RESOLVED, R.CONFIRMED, datetime(2025, 12, 5, 8, 30), "clerk", "满意：屋里二十度了"),
    ]
    with database.session() as s:
        kept = s.scalar(select(func.count()).select_from(RequestStatusChange)
                        .where(RequestStatusChange.request_id == rid))
    assert kept == 8


def test_stale_version_is_a_conflict(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"]))
    seen = detail(database, rid)
    advance(database, rid, R.IN_PROGRESS, when=datetime(2025, 12, 1, 9),
            expected_version=seen.version)
    with pytest.raises(ConflictError):
        advance(database, rid, R.RESOLVED, resolution="修好了",
                when=datetime(2025, 12, 1, 10), expected_version=seen.version)
    with pytest.raises(ConflictError), database.session() as s:
        update_request(s, rid, replace(seen.as_input(), description="改一下"), "desk2", NOW)
    after = detail(database, rid)
    assert after.status is R.IN_PROGRESS and after.description == seen.description
    with pytest.raises(NotFoundError):
        advance(database, 999_999, R.IN_PROGRESS)
    with pytest.raises(NotFoundError):
        detail(database, 999_999)


# ---------------------------------------------------------------- corrections


def test_update_corrects_the_record(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"], assignee_id=world["fixer"]))
    advance(database, rid, R.IN_PROGRESS, when=datetime(2025, 12, 1, 11))
    seen = detail(database, rid)
    corrected = replace(seen.as_input(), category="水电", description=" 暖气管漏水 ",
                        channel="微信", received_at=datetime(2025, 12, 1, 7, 50),
                        reporter="李大爷的女儿", household_id=world["wang"])
    with database.session() as s:
        update_request(s, rid, corrected, "desk2", NOW)
    got = detail(database, rid)
    assert (got.category, got.description, got.channel, got.reporter) == (
        "水电", "暖气管漏水", "微信", "李大爷的女儿")
    assert got.household_id == world["wang"] and got.head == "王奶奶"
    assert got.received_at == datetime(2025, 12, 1, 7, 50)
    # 受理 and the 派单 made at receipt move with the corrected time; later steps stay.
    assert [h.changed_at for h in got.history] == [
        datetime(2025, 12, 1, 7, 50), datetime(2025, 12, 1, 7, 50), datetime(2025, 12, 1, 11)]
    assert got.status is R.IN_PROGRESS and got.assignee == "周师傅"

    with database.session() as s:
        with pytest.raises(ValidationError) as reassign:
            update_request(s, rid, replace(got.as_input(), assignee_id=world["helper"]), "x", NOW)
        with pytest.raises(ValidationError) as too_late:
            update_request(s, rid, replace(got.as_input(),
                                           received_at=datetime(2025, 12, 1, 12)), "x", NOW)
        with pytest.raises(ValidationError) as moved:
            update_request(s, rid, replace(got.as_input(), household_id=world["gone"]), "x", NOW)
    assert reassign.value.field == "assignee" and "派单" in reassign.value.message
    assert too_late.value.field == "received_at"
    assert moved.value.field == "household"


# ---------------------------------------------------------------- days open and overdue


@pytest.mark.parametrize(("received", "until", "days"), [
    (datetime(2025, 3, 1, 8), datetime(2025, 3, 1, 23, 59), 0),
    (datetime(2025, 3, 1, 23), datetime(2025, 3, 2, 7), 1),
    (datetime(2025, 12, 31, 23, 30), datetime(2026, 1, 1, 0, 10), 1),
    (datetime(2024, 2, 28, 12), datetime(2024, 3, 1, 12), 2),  # leap day counts
    (datetime(2025, 2, 28, 12), datetime(2025, 3, 1, 12), 1),
    (datetime(2025, 12, 20), datetime(2026, 1, 10), 21),
    (datetime(2025, 3, 2), datetime(2025, 3, 1), 0),
])
def test_days_open(received: datetime, until: datetime, days: int) -> None:
    assert days_open(received, until) == days


def test_overdue_uses_the_station_limit(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"]))  # 2025-12-01, limit 7 days
    closed = new_request(database, cold_radiator(world["wang"]))
    advance(database, closed, R.RESOLVED, when=datetime(2025, 12, 2, 9), resolution="已修好")

    def overdue_ids(now: datetime) -> list[int]:
        with database.session() as s:
            rows = list_requests(s, RequestFilter(overdue_only=True), now=now)
            every = list_requests(s, RequestFilter(), now=now)
        assert sorted(r.id for r in every if r.overdue) == sorted(r.id for r in rows)
        return [r.id for r in rows]

    on_limit = detail(database, rid, now=datetime(2025, 12, 8, 23, 59))
    past_limit = detail(database, rid, now=datetime(2025, 12, 9, 0, 1))
    assert (on_limit.days_open, on_limit.overdue) == (7, False)
    assert (past_limit.days_open, past_limit.overdue) == (8, True)
    assert overdue_ids(datetime(2025, 12, 8, 23, 59)) == []
    assert overdue_ids(datetime(2025, 12, 9, 0, 1)) == [rid]
    later = detail(database, closed, now=datetime(2026, 3, 1))
    assert (later.days_open, later.overdue) == (1, False)
    with database.session() as s:
        save_station_settings(s, replace(get_station_settings(s), request_limit_days=10))
    assert overdue_ids(datetime(2025, 12, 9, 0, 1)) == []
    assert overdue_ids(datetime(2025, 12, 12, 8)) == [rid]


# ---------------------------------------------------------------- lists


def test_list_filters_and_order(database: Database, world: dict[str, int]) -> None:
    radiator = new_request(database, cold_radiator(world["li"], assignee_id=world["fixer"]))
    pipe = new_request(database, cold_radiator(
        world["wang"], category="水电", description="厨房下水道堵了",
        received_at=datetime(2025, 12, 3, 15)))
    policy = new_request(database, cold_radiator(
        world["wang"], category="政策咨询", description="问高龄补贴怎么申请",
        received_at=datetime(2025, 11, 20, 10)))
    advance(database, policy, R.RESOLVED, when=datetime(2025, 11, 20, 10, 30),
            resolution="当场解答")

    def ids(**kwargs: Any) -> list[int]:
        with database.session() as s:
            return [r.id for r in list_requests(s, RequestFilter(**kwargs), now=NOW)]

    assert ids() == [pipe, radiator, policy]  # newest first
    assert ids(search="lidy") == [radiator]
    assert ids(search="王奶奶") == [pipe, policy]
    assert ids(search="下水道") == [pipe]
    assert ids(search="wnn 补贴") == [policy]
    assert ids(search="周师傅") == [radiator]
    assert ids(search="100%_") == []
    assert ids(status=R.RESOLVED) == [policy]
    assert ids(open_only=True) == [pipe, radiator]
    assert ids(category="水电") == [pipe]
    assert ids(assignee_id=world["fixer"]) == [radiator]
    assert ids(household_id=world["wang"]) == [pipe, policy]
    assert ids(received_from=date(2025, 12, 1), received_to=date(2025, 12, 1)) == [radiator]
    assert ids(received_to=date(2025, 11, 30)) == [policy]
    with database.session() as s:
        row = list_requests(s, RequestFilter(search="lidy"), now=NOW)[0]
    assert (row.head, row.phone, row.category, row.assignee, row.status) == (
        "李大爷", "13905461111", "供暖", "周师傅", R.ASSIGNED)
    assert row.days_open == 4 and not row.overdue and row.satisfaction is None
    assert "锦华一区" in row.address


def test_list_is_one_query(database: Database, world: dict[str, int]) -> None:
    with database.session() as s:
        for n in range(30):
            create_request(s, cold_radiator(world["li"] if n % 2 else world["wang"],
                                            assignee_id=world["fixer"] if n % 3 else None,
                                            received_at=datetime(2025, 11, 1 + n % 28, 9)),
                           "clerk", now=NOW)
    with database.session() as s, counting(database) as statements:
        rows = list_requests(s, RequestFilter(), now=NOW)
    assert len(rows) == 30
    assert len([q for q in statements if "care_request" in q]) == 1
    assert len(statements) <= 3  # the settings, the requests (and a BEGIN on some drivers)


# ---------------------------------------------------------------- categories


def test_categories_are_editable(database: Database, world: dict[str, int]) -> None:
    rid = new_request(database, cold_radiator(world["li"]))
    with database.session() as s:
        assert list_request_categories(s) == list(DEFAULT_REQUEST_CATEGORIES)
        add_request_category(s, " 电梯 ", "clerk")
        rename_request_category(s, "供暖", "供暖（暖气）", "clerk")
        set_request_category_active(s, "房屋", False, "clerk")
    with database.session() as s:
        active = list_request_categories(s)
        every = list_request_categories(s, include_inactive=True)
        refusals = {}
        for name, call in {
            "dup": lambda: add_request_category(s, "水电", "clerk"),
            "empty": lambda: add_request_category(s, "  ", "clerk"),
            "long": lambda: add_request_category(s, "长" * 33, "clerk"),
            "inactive": lambda: add_request_category(s, "房屋", "clerk"),
            "rename_dup": lambda: rename_request_category(s, "电梯", "医疗", "clerk"),
            "rename_empty": lambda: rename_request_category(s, "电梯", "", "clerk"),
        }.items():
            with pytest.raises(ValidationError) as refused:
                call()
            refusals[name] = refused.value
        with pytest.raises(NotFoundError):
            rename_request_category(s, "没有这个", "新的", "clerk")
        with pytest.raises(NotFoundError):
            set_request_category_active(s, "没有这个", True, "clerk")
        with pytest.raises(ValidationError) as hidden:
            create_request(s, cold_radiator(world["wang"], category="房屋"), "clerk", now=NOW)
    renamed = ["供暖（暖气）", *DEFAULT_REQUEST_CATEGORIES[1:], "电梯"]
    assert active == [c for c in renamed if c != "房屋"]
    assert every == renamed
    assert all(e.field == "name" for e in refusals.values())
    assert "已有" in refusals["dup"].message and "停用" in refusals["inactive"].message
    assert "32" in refusals["long"].message
    assert hidden.value.field == "category" and "停用" in hidden.value.message
    # The old request keeps its category under the new name.
    assert detail(database, rid).category == "供暖（暖气）"
    with database.session() as s:
        renamed_rows = list_requests(s, RequestFilter(category="供暖（暖气）"), NOW)
        assert [r.id for r in renamed_rows] == [rid]
        set_request_category_active(s, "房屋", True, "clerk")
        assert "房屋" in list_request_categories(s)


def test_inactive_category_stays_on_its_requests(
    database: Database, world: dict[str, int]
) -> None:
    rid = new_request(database, cold_radiator(world["li"], category="燃气"))
    with database.session() as s:
        set_request_category_active(s, "燃气", False, "clerk")
    seen = detail(database, rid)
    with database.session() as s:
        update_request(s, rid, replace(seen.as_input(), description="燃气表不走字"), "clerk", NOW)
    assert detail(database, rid).category == "燃气"
    assert detail(database, rid).description == "燃气表不走字"
