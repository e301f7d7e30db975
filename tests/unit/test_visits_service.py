"""Visits, the visit schedule, the overdue list, coverage and reminders, on both databases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from stationapp.domain.care_models import CareRequest, Reminder, Visit, VisitFinding
from stationapp.domain.care_vocab import FindingLevel, RequestStatus, VisitMethod, VisitTopic
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Household
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.services.settings import get_station_settings
from stationapp.services.visit_coverage import (
    fetch_overdue_rows,
    list_overdue,
    list_overdue_ids,
    month_coverage,
)
from stationapp.services.visit_reminders import add_reminder, complete_reminder, list_reminders
from stationapp.services.visit_schedule import (
    household_schedule,
    reschedule_all,
    reschedule_household,
)
from stationapp.services.visits import (
    FindingInput,
    FollowUpReminder,
    FollowUpRequest,
    VisitFilter,
    VisitInput,
    VisitSaved,
    delete_visit,
    fetch_visit_rows,
    get_visit,
    list_visit_ids,
    list_visits,
    update_visit,
)
from stationapp.workflows.household_status import change_status
from stationapp.workflows.station_settings import save_station_settings
from stationapp.workflows.visits import record_visit

REGISTERED = date(2026, 1, 5)
MOVED = date(2026, 11, 26)
"""The day the household that left the ledger moved away."""
LATER = date(2029, 1, 1)
"""A 'today' after every visit of these tests (visits may not be dated in the future)."""
DONE_AT = datetime(2026, 11, 27, 9, 30)
"""When a reminder is marked done."""

Ids = dict[str, int]


def _household(room: str, name: str, tier: CareTier, community: str = "锦华一区",
               phone: str = "") -> HouseholdInput:
    return HouseholdInput(community=community, building="3", unit="2", room=room, tier=tier,
                          phone=phone, residents=(ResidentInput(name=name),))


def register(session: Session, household_id: int, day: date) -> None:
    """Make ``day`` the household's 登记日期 (the day it entered the ledger)."""
    session.execute(update(Household).where(Household.id == household_id)
                    .values(registered_on=day))
    reschedule_household(session, household_id)


@pytest.fixture
def station(database: Database) -> Ids:
    """Staff member 张主任, volunteers 王书文 and 赵墨林 (inactive), four households.

    李大爷 重点 (7 days), 单秀英 关注 (30), 曾国强 一般 (90) in 东旭小区, 赵明 moved away;
    all registered on 2026-01-05; 王书文 looks after 李 and 单, 张主任 after 曾.
    """
    with database.session() as s:
        people = {
            "staff": Volunteer(name="张主任", is_staff=True),
            "wang": Volunteer(name="王书文", phone="13905461234"),
            "retired": Volunteer(name="赵墨林", active=False),
        }
        s.add_all(people.values())
        s.flush()
        ids = {key: person.id for key, person in people.items()}
        ids["li"] = create_household(s, replace(
            _household("301", "李大爷", CareTier.PRIORITY, phone="0546-8123456"),
            liaison_id=ids["wang"]), "clerk", REGISTERED)
        ids["shan"] = create_household(s, replace(
            _household("502", "单秀英", CareTier.WATCH), liaison_id=ids["wang"]), "clerk",
            REGISTERED)
        ids["zeng"] = create_household(s, replace(
            _household("101", "曾国强", CareTier.ROUTINE, community="东旭小区"),
            liaison_id=ids["staff"]), "clerk", REGISTERED)
        ids["gone"] = create_household(s, _household("202", "赵明", CareTier.PRIORITY), "clerk",
                                       REGISTERED)
        change_status(s, ids["gone"], HouseholdStatus.MOVED_AWAY, MOVED, "迁往外地",
                      "clerk", today=LATER)
    return ids


def visit(session: Session, household_id: int, day: date, **kwargs: object) -> VisitSaved:
    """Record a visit on ``day`` (a clock set after it)."""
    data = VisitInput(household_id=household_id, visit_date=day, **kwargs)  # type: ignore[arg-type]
    return record_visit(session, data, "clerk", today=LATER)


def schedule_columns(database: Database, household_id: int) -> tuple[date | None, date | None]:
    with database.session() as s:
        row = s.execute(select(Household.last_visit_date, Household.next_visit_due)
                        .where(Household.id == household_id)).one()
    return row[0], row[1]


def visit_count(database: Database) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(Visit)) or 0


# ---------------------------------------------------------------- schedule


def test_new_households_are_due_from_registration(database: Database, station: Ids) -> None:
    assert schedule_columns(database, station["li"]) == (None, REGISTERED)
    assert schedule_columns(database, station["gone"]) == (None, None)
    with database.session() as s:
        fresh = create_household(s, _household("999", "新住户", CareTier.WATCH), "clerk",
                                 today=date(2026, 11, 26))
        info = household_schedule(s, station["zeng"], today=date(2026, 1, 8))
    assert schedule_columns(database, fresh) == (None, date(2026, 11, 26))
    assert (info.tier, info.interval_days, info.last_visit, info.next_due,
            info.days_overdue) == (CareTier.ROUTINE, 90, None, REGISTERED, 3)


def test_recording_a_visit_moves_the_schedule_across_the_year_end(
    database: Database, station: Ids
) -> None:
    with database.session() as s:
        before = get_household(s, station["li"], LATER)
        visit(s, station["li"], date(2026, 12, 28))
    assert schedule_columns(database, station["li"]) == (date(2026, 12, 28), date(2027, 1, 4))
    with database.session() as s:
        info = household_schedule(s, station["li"], today=date(2027, 1, 6))
        after = get_household(s, station["li"], LATER)
        # The household dialog opened before the visit still saves: no version bump.
        update_household(s, station["li"], replace(before.as_input(), notes="耳背，多敲门"),
                         "desk2", LATER)
    assert (info.last_visit, info.next_due, info.days_overdue) == (
        date(2026, 12, 28), date(2027, 1, 4), 2)
    assert after.version == before.version
    assert (after.last_visit_date, after.next_visit_due) == (date(2026, 12, 28),
                                                             date(2027, 1, 4))
    assert schedule_columns(database, station["li"]) == (date(2026, 12, 28), date(2027, 1, 4))


def test_leap_day_due_date(database: Database, station: Ids) -> None:
    with database.session() as s:
        visit(s, station["li"], date(2028, 2, 22))
        visit(s, station["shan"], date(2028, 1, 30))
    assert schedule_columns(database, station["li"])[1] == date(2028, 2, 29)
    assert schedule_columns(database, station["shan"])[1] == date(2028, 2, 29)


def test_an_older_visit_entered_late_does_not_move_the_schedule_back(
    database: Database, station: Ids
) -> None:
    with database.session() as s:
        visit(s, station["shan"], date(2026, 11, 20))
        visit(s, station["shan"], date(2026, 10, 2))
    assert schedule_columns(database, station["shan"]) == (date(2026, 11, 20),
                                                           date(2026, 12, 20))


def test_editing_and_deleting_visits_reschedule(database: Database, station: Ids) -> None:
    with database.session() as s:
        first = visit(s, station["shan"], date(2026, 10, 1)).visit_id
        second = visit(s, station["shan"], date(2026, 11, 1)).visit_id
    assert schedule_columns(database, station["shan"]) == (date(2026, 11, 1), date(2026, 12, 1))
    with database.session() as s:
        data = get_visit(s, second).as_input()
        update_visit(s, second, replace(data, visit_date=date(2026, 11, 10)), "clerk", LATER)
    assert schedule_columns(database, station["shan"]) == (date(2026, 11, 10),
                                                           date(2026, 12, 10))
    with database.session() as s:
        delete_visit(s, second, "clerk")
    assert schedule_columns(database, station["shan"]) == (date(2026, 10, 1), date(2026, 10, 31))
    with database.session() as s:
        delete_visit(s, first, "clerk")
        with pytest.raises(NotFoundError):
            get_visit(s, first)
    assert schedule_columns(database, station["shan"]) == (None, REGISTERED)


def test_tier_change_reschedules(database: Database, station: Ids) -> None:
    with database.session() as s:
        visit(s, station["li"], date(2026, 11, 2))
        data = get_household(s, station["li"], LATER).as_input()
        update_household(s, station["li"], replace(data, tier=CareTier.ROUTINE), "clerk", LATER)
    assert schedule_columns(database, station["li"]) == (date(2026, 11, 2), date(2027, 1, 31))
    with database.session() as s:
        data = get_household(s, station["li"], LATER).as_input()
        update_household(s, station["li"], replace(data, tier=CareTier.WATCH), "clerk", LATER)
        assert get_household(s, station["li"], LATER).next_visit_due == date(2026, 12, 2)


def test_interval_settings_change_reschedules_everyone(
    database: Database, station: Ids
) -> None:
    with database.session() as s:
        visit(s, station["li"], date(2026, 11, 2))
        visit(s, station["shan"], date(2026, 11, 2))
        settings = get_station_settings(s)
        save_station_settings(s, replace(settings, visit_interval_days=(
            (CareTier.PRIORITY, 14), (CareTier.WATCH, 30), (CareTier.ROUTINE, 90))))
    assert schedule_columns(database, station["li"]) == (date(2026, 11, 2), date(2026, 11, 16))
    assert schedule_columns(database, station["shan"]) == (date(2026, 11, 2), date(2026, 12, 2))
    assert schedule_columns(database, station["gone"]) == (None, None)
    with database.session() as s:
        assert reschedule_all(s) == 0  # nothing left to change
        save_station_settings(s, replace(get_station_settings(s), name="锦华党员服务社"))
        assert household_schedule(s, station["li"], LATER).interval_days == 14


def test_reschedule_all_after_bulk_inserted_visits(database: Database, station: Ids) -> None:
    with database.session() as s:
        s.execute(insert(Visit), [
            {"household_id": station["li"], "visit_date": date(2026, 12, 28), "version": 1},
            {"household_id": station["li"], "visit_date": date(2026, 12, 21), "version": 1},
            {"household_id": station["zeng"], "visit_date": date(2026, 10, 3), "version": 1},
            {"household_id": station["gone"], "visit_date": date(2026, 9, 1), "version": 1},
        ])
        versions = {hid: v for hid, v in s.execute(select(Household.id, Household.version))}
        assert reschedule_all(s) == 3  # 李, 曾 and the moved household's last visit
        assert reschedule_all(s) == 0
        after = {hid: v for hid, v in s.execute(select(Household.id, Household.version))}
    assert after == versions
    assert schedule_columns(database, station["li"]) == (date(2026, 12, 28), date(2027, 1, 4))
    assert schedule_columns(database, station["zeng"]) == (date(2026, 10, 3), date(2027, 1, 1))
    assert schedule_columns(database, station["shan"]) == (None, REGISTERED)
    assert schedule_columns(database, station["gone"]) == (date(2026, 9, 1), None)


def test_leaving_and_coming_back_to_the_ledger(database: Database, station: Ids) -> None:
    with database.session() as s:
        visit(s, station["zeng"], date(2026, 10, 3))
        change_status(s, station["zeng"], HouseholdStatus.CLOSED, date(2026, 11, 1), "去世",
                      "clerk", today=LATER)
    assert schedule_columns(database, station["zeng"]) == (date(2026, 10, 3), None)
    with database.session() as s:
        assert station["zeng"] not in list_overdue_ids(s, today=date(2027, 6, 1))
        change_status(s, station["zeng"], HouseholdStatus.ACTIVE, date(2026, 11, 2), "登记有误",
                      "clerk", today=LATER)
    assert schedule_columns(database, station["zeng"]) == (date(2026, 10, 3), date(2027, 1, 1))


# ---------------------------------------------------------------- overdue


def test_overdue_list_most_days_overdue_first(database: Database, station: Ids) -> None:
    with database.session() as s:
        visit(s, station["li"], date(2026, 12, 28))
        visit(s, station["shan"], date(2026, 11, 20))
        today = date(2027, 1, 6)
        everyone = list_overdue_ids(s, today)
        rows = list_overdue(s, today)
        wang = list_overdue_ids(s, today, liaison_id=station["wang"])
        staff = list_overdue_ids(s, today, liaison_id=station["staff"])
        nobody = list_overdue_ids(s, today, liaison_id=station["retired"])
        dongxu = list_overdue_ids(s, today, community_id=_community_id(s, station["zeng"]))
        due_today = list_overdue_ids(s, date(2027, 1, 4))
        subset = fetch_overdue_rows(s, [station["li"], station["gone"], station["zeng"]],
                                    today)
    assert everyone == [station["zeng"], station["shan"], station["li"]]
    assert [(r.household_id, r.due, r.days_overdue) for r in rows] == [
        (station["zeng"], REGISTERED, 366),
        (station["shan"], date(2026, 12, 20), 17),
        (station["li"], date(2027, 1, 4), 2),  # across the year end
    ]
    li = rows[2]
    assert (li.address, li.head, li.phone, li.tier, li.liaison, li.last_visit) == (
        "锦华一区3号楼2单元301室", "李大爷", "0546-8123456", CareTier.PRIORITY, "王书文",
        date(2026, 12, 28))
    assert rows[0].liaison == "张主任" and rows[0].last_visit is None
    assert wang == [station["shan"], station["li"]]
    assert staff == [station["zeng"]]
    assert nobody == []
    assert dongxu == [station["zeng"]]
    assert due_today == [station["zeng"], station["shan"]]  # 李 is due that very day
    assert [r.household_id for r in subset] == [station["li"], station["zeng"]]


def _community_id(session: Session, household_id: int) -> int:
    return session.scalars(select(Household.community_id)
                           .where(Household.id == household_id)).one()


def test_overdue_list_across_february_29(database: Database, station: Ids) -> None:
    with database.session() as s:
        visit(s, station["li"], date(2028, 2, 22))
        visit(s, station["shan"], date(2028, 2, 1))
        visit(s, station["zeng"], date(2028, 2, 1))
        on_leap_day = list_overdue_ids(s, date(2028, 2, 29))
        on_march_2 = list_overdue(s, date(2028, 3, 2))
        on_march_3 = list_overdue(s, date(2028, 3, 3))
    assert on_leap_day == []  # 李 is due on 2-29 itself
    # 单 is due on 3-02: 30 days after 2-01 in a February of 29 days.
    assert [(r.household_id, r.due, r.days_overdue) for r in on_march_2] == [
        (station["li"], date(2028, 2, 29), 2)]
    assert [(r.household_id, r.days_overdue) for r in on_march_3] == [
        (station["li"], 3), (station["shan"], 1)]


# ---------------------------------------------------------------- coverage


def _coverage(database: Database, month: date, liaison: int | None = None) -> tuple[int, int]:
    with database.session() as s:
        coverage = month_coverage(s, month, today=LATER, liaison_id=liaison)
    assert coverage.month == month.replace(day=1)
    return coverage.due, coverage.visited


@pytest.fixture
def coverage_station(database: Database, station: Ids) -> Ids:
    """Visits around the turn of 2027/2028 and the leap February of 2028.

    李 (7 days): 12-05, 12-28, 01-03 · 单 (30): 11-20, 01-30, 02-29 · 曾 (90): 11-15 and
    an extra call 01-10 · 孙 (30) registered 2028-01-20, never visited · 赵 moved away
    after a visit on 12-03. All registered 2027-06-01 except 孙.
    """
    with database.session() as s:
        for key in ("li", "shan", "zeng"):
            register(s, station[key], date(2027, 6, 1))
        change_status(s, station["gone"], HouseholdStatus.ACTIVE, date(2027, 6, 1), "回来了",
                      "clerk", today=LATER)
        visit(s, station["gone"], date(2027, 12, 3))
        change_status(s, station["gone"], HouseholdStatus.MOVED_AWAY, date(2027, 12, 4), "又走了",
                      "clerk", today=LATER)
        station["sun"] = create_household(s, replace(
            _household("602", "孙丽", CareTier.WATCH), liaison_id=station["staff"]), "clerk",
            date(2028, 1, 20))
        for day in (date(2027, 12, 5), date(2027, 12, 28), date(2028, 1, 3)):
            visit(s, station["li"], day)
        for day in (date(2027, 11, 20), date(2028, 1, 30), date(2028, 2, 29)):
            visit(s, station["shan"], day)
        visit(s, station["zeng"], date(2027, 11, 15))
        visit(s, station["zeng"], date(2028, 1, 10), method=VisitMethod.PHONE)
    return station


@pytest.mark.parametrize(("month", "expected"), [
    (date(2027, 11, 1), (3, 2)),  # 李 never visited yet; 单 and 曾 seen
    (date(2027, 12, 1), (2, 1)),  # 曾 not due (next 02-13); 单 due 12-20, missed
    (date(2028, 1, 15), (3, 2)),  # 孙 registered in January; 曾's call does not count
    (date(2028, 2, 29), (3, 1)),  # 单 due on 2-29 and seen that day; 曾 due again 04-09
    (date(2028, 3, 1), (3, 0)),
    (date(2027, 5, 1), (0, 0)),  # before anyone was registered
])
def test_month_coverage(
    database: Database, coverage_station: Ids, month: date, expected: tuple[int, int]
) -> None:
    assert _coverage(database, month) == expected


@pytest.mark.parametrize(("month", "wang", "staff"), [
    (date(2027, 12, 1), (2, 1), (0, 0)),
    (date(2028, 1, 1), (2, 2), (1, 0)),
    (date(2028, 2, 1), (2, 1), (1, 0)),
])
def test_month_coverage_of_one_liaison(
    database: Database, coverage_station: Ids, month: date, wang: tuple[int, int],
    staff: tuple[int, int],
) -> None:
    assert _coverage(database, month, coverage_station["wang"]) == wang
    assert _coverage(database, month, coverage_station["staff"]) == staff


def test_coverage_ratio(database: Database, coverage_station: Ids) -> None:
    with database.session() as s:
        january = month_coverage(s, date(2028, 1, 1), LATER)
        nobody = month_coverage(s, date(2027, 12, 1), LATER,
                                liaison_id=coverage_station["staff"])
    assert january.ratio == pytest.approx(2 / 3)
    assert january.target == 1.0
    assert nobody.ratio is None


# ---------------------------------------------------------------- follow-up


def test_follow_up_reminder(database: Database, station: Ids) -> None:
    with database.session() as s:
        saved = visit(s, station["li"], date(2026, 11, 20), visitor_id=station["wang"],
                      needs_follow_up=True,
                      follow_up=FollowUpReminder(date(2026, 11, 27), " 再看看煤气阀 ",
                                                 station["staff"]))
        other = add_reminder(s, station["shan"], date(2026, 11, 23), "送药", "clerk")
        reminders = list_reminders(s)
        due_soon = list_reminders(s, due_by=date(2026, 11, 24))
        row = list_visits(s, VisitFilter(household_id=station["li"]))[0]
    assert saved.reminder_id is not None and saved.request_id is None
    assert [r.id for r in reminders] == [other, saved.reminder_id]  # earliest first
    first = reminders[1]
    assert (first.text, first.assignee, first.visit_id, first.done, first.head) == (
        "再看看煤气阀", "张主任", saved.visit_id, False, "李大爷")
    assert [r.id for r in due_soon] == [other]
    assert (row.reminder_id, row.needs_follow_up) == (saved.reminder_id, True)
    with database.session() as s:
        complete_reminder(s, saved.reminder_id, "desk2", DONE_AT)
    with database.session() as s:
        assert [r.id for r in list_reminders(s)] == [other]
        done = [r for r in list_reminders(s, include_done=True) if r.done]
        stored = s.get(Reminder, saved.reminder_id)
        assert stored is not None and stored.done_by == "desk2" and stored.done_at is not None
    assert [r.id for r in done] == [saved.reminder_id]
    with pytest.raises(ConflictError, match="desk2"), database.session() as s:
        complete_reminder(s, saved.reminder_id, "desk1", DONE_AT)
    with pytest.raises(NotFoundError), database.session() as s:
        complete_reminder(s, 999_999, "desk1", DONE_AT)


def test_follow_up_request(database: Database, station: Ids) -> None:
    with database.session() as s:
        saved = visit(s, station["li"], date(2026, 11, 20), visitor_id=station["wang"],
                      needs_follow_up=True,
                      findings=(FindingInput(VisitTopic.HEATING, FindingLevel.URGENT,
                                             "暖气片不热"),),
                      follow_up=FollowUpRequest("供暖", "暖气片不热，请物业查看",
                                                station["staff"]))
        detail = get_visit(s, saved.visit_id)
        request = s.get(CareRequest, saved.request_id)
        assert request is not None
        assert (request.household_id, request.channel, request.visit_id,
                request.received_at.date(), request.assignee_id, request.description) == (
            station["li"], "走访发现", saved.visit_id, date(2026, 11, 20), station["staff"],
            "暖气片不热，请物业查看")
        assert request.status == RequestStatus.ASSIGNED
    assert saved.reminder_id is None
    assert (detail.request_id, detail.reminder_id) == (saved.request_id, None)
    # A request survives the visit it came from being deleted.
    with database.session() as s:
        delete_visit(s, saved.visit_id, "clerk")
    with database.session() as s:
        kept = s.get(CareRequest, saved.request_id)
        assert kept is not None and kept.visit_id is None


def test_follow_up_is_acted_on_only_when_needed(database: Database, station: Ids) -> None:
    with database.session() as s:
        saved = visit(s, station["li"], date(2026, 11, 20), needs_follow_up=False,
                      follow_up=FollowUpReminder(date(2026, 11, 27), "留着的旧内容"))
        flagged = visit(s, station["li"], date(2026, 11, 21), needs_follow_up=True)
    assert (saved.request_id, saved.reminder_id) == (None, None)
    assert (flagged.request_id, flagged.reminder_id) == (None, None)
    with database.session() as s:
        assert list_reminders(s) == []


# ---------------------------------------------------------------- validation


def _input(ids: Ids, **kwargs: object) -> VisitInput:
    values: dict[str, object] = {"household_id": ids["li"], "visit_date": date(2026, 11, 20)}
    values.update(kwargs)
    return VisitInput(**values)  # type: ignore[arg-type]


BAD_VISITS: list[tuple[Callable[[Ids], VisitInput], str, str]] = [
    (lambda i: _input(i, visit_date=date(2026, 11, 27)), "visit_date", "晚于"),
    (lambda i: _input(i, visit_date=date(1999, 12, 31)), "visit_date", "太早"),
    (lambda i: _input(i, method="walk"), "method", "走访方式"),
    (lambda i: _input(i, visitor_id=999_999), "visitor", "名册"),
    (lambda i: _input(i, visitor_id=i["retired"]), "visitor", "赵墨林已不再服务"),
    (lambda i: _input(i, findings=(FindingInput(VisitTopic.GAS),
                                   FindingInput(VisitTopic.GAS, FindingLevel.URGENT))),
     "findings", "燃气安全”记了两次"),
    (lambda i: _input(i, findings=(FindingInput(VisitTopic.MOOD, note="很" * 501),)),
     "findings", "太长"),
    (lambda i: _input(i, findings=(FindingInput("sleep"),)), "findings",  # type: ignore[arg-type]
     "不认识"),
    (lambda i: _input(i, notes="长" * 4001), "notes", "太长"),
    (lambda i: _input(i, needs_follow_up=True, follow_up=FollowUpRequest(" ", "修暖气")),
     "follow_up_category", "类别"),
    (lambda i: _input(i, needs_follow_up=True, follow_up=FollowUpRequest("修飞机", "x")),
     "follow_up_category", "没有“修飞机”"),
    (lambda i: _input(i, needs_follow_up=True, follow_up=FollowUpRequest("供暖", "  ")),
     "follow_up_description", "写明"),
    (lambda i: _input(i, needs_follow_up=True,
                      follow_up=FollowUpRequest("供暖", "不热", assignee_id=999_999)),
     "follow_up", "经办人"),
    (lambda i: _input(i, needs_follow_up=True,
                      follow_up=FollowUpReminder(date(2026, 11, 19), "再去")),
     "follow_up_date", "早于走访日期"),
    (lambda i: _input(i, needs_follow_up=True,
                      follow_up=FollowUpReminder(date(2028, 1, 1), "再去")),
     "follow_up_date", "太远"),
    (lambda i: _input(i, needs_follow_up=True,
                      follow_up=FollowUpReminder(date(2026, 11, 27), "")),
     "follow_up_text", "写明"),
    (lambda i: _input(i, household_id=i["gone"]), "household", "迁出"),
]


@pytest.mark.parametrize(("make", "field", "words"), BAD_VISITS)
def test_bad_visits_are_refused_by_field_and_nothing_written(
    database: Database, station: Ids, make: Callable[[Ids], VisitInput], field: str,
    words: str,
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        record_visit(s, make(station), "clerk", today=date(2026, 11, 26))
    assert any(p.field == field and words in p.message for p in caught.value.problems), \
        [(p.field, p.message) for p in caught.value.problems]
    assert visit_count(database) == 0
    with database.session() as s:
        assert list_reminders(s) == []
        assert s.scalar(select(func.count()).select_from(CareRequest)) == 0


def test_every_problem_at_once(database: Database, station: Ids) -> None:
    bad = _input(station, visit_date=date(2030, 1, 1), visitor_id=999_999, needs_follow_up=True,
                 follow_up=FollowUpRequest("", ""))
    with pytest.raises(ValidationError) as caught, database.session() as s:
        record_visit(s, bad, "clerk", today=date(2026, 11, 26))
    assert {p.field for p in caught.value.problems} == {
        "visit_date", "visitor", "follow_up_category", "follow_up_description"}


def test_unknown_household_is_not_found(database: Database, station: Ids) -> None:
    with pytest.raises(NotFoundError), database.session() as s:
        record_visit(s, _input(station, household_id=999_999), "clerk", LATER)


def test_a_retired_visitor_may_stay_on_an_old_visit(database: Database, station: Ids) -> None:
    with database.session() as s:
        person = s.get(Volunteer, station["wang"])
        assert person is not None
        saved = visit(s, station["li"], date(2026, 11, 2), visitor_id=station["wang"])
        person.active = False
    with database.session() as s:
        data = get_visit(s, saved.visit_id).as_input()
        update_visit(s, saved.visit_id, replace(data, notes="补记"), "clerk", LATER)
        with pytest.raises(ValidationError) as caught:
            visit(s, station["li"], date(2026, 11, 3), visitor_id=station["wang"])
    assert caught.value.field == "visitor"


# ---------------------------------------------------------------- reading and editing


def test_visit_reads_back_and_edits_findings(database: Database, station: Ids) -> None:
    with database.session() as s:
        saved = visit(
            s, station["shan"], date(2026, 11, 3), method=VisitMethod.PHONE,
            visitor_id=station["staff"], notes=" 电话回访 ",
            findings=(FindingInput(VisitTopic.NEEDS, FindingLevel.CONCERN, "想要助餐"),
                      FindingInput(VisitTopic.HEALTH, note=" 血压平稳 "),
                      FindingInput(VisitTopic.GAS, FindingLevel.URGENT, "阀门松动")),
        )
        detail = get_visit(s, saved.visit_id)
    assert (detail.method, detail.visitor, detail.notes, detail.head, detail.address) == (
        VisitMethod.PHONE, "张主任", "电话回访", "单秀英", "锦华一区3号楼2单元502室")
    assert [(f.topic, f.level, f.note) for f in detail.findings] == [  # the form's order
        (VisitTopic.HEALTH, FindingLevel.OK, "血压平稳"),
        (VisitTopic.GAS, FindingLevel.URGENT, "阀门松动"),
        (VisitTopic.NEEDS, FindingLevel.CONCERN, "想要助餐"),
    ]
    with database.session() as s:
        edited = replace(detail.as_input(), method=VisitMethod.HOME, visitor_id=None, findings=(
            FindingInput(VisitTopic.GAS, FindingLevel.OK, "已拧紧"),
            FindingInput(VisitTopic.MOOD, FindingLevel.CONCERN, "有些低落"),
        ))
        update_visit(s, saved.visit_id, edited, "clerk", LATER)
    with database.session() as s:
        after = get_visit(s, saved.visit_id)
        stored = s.scalar(select(func.count()).select_from(VisitFinding))
    assert after.version == detail.version + 1
    assert (after.method, after.visitor_id, after.visitor) == (VisitMethod.HOME, None, "")
    assert [(f.topic, f.level, f.note) for f in after.findings] == [
        (VisitTopic.MOOD, FindingLevel.CONCERN, "有些低落"),
        (VisitTopic.GAS, FindingLevel.OK, "已拧紧"),
    ]
    assert stored == 2


def test_stale_version_is_a_conflict(database: Database, station: Ids) -> None:
    with database.session() as s:
        saved = visit(s, station["li"], date(2026, 11, 2))
        first = get_visit(s, saved.visit_id).as_input()
    with database.session() as s:
        update_visit(s, saved.visit_id, replace(first, notes="第一张桌子"), "desk1", LATER)
    with pytest.raises(ConflictError), database.session() as s:
        update_visit(s, saved.visit_id, replace(first, notes="第二张桌子"), "desk2", LATER)
    with pytest.raises(ValidationError) as caught, database.session() as s:
        data = get_visit(s, saved.visit_id).as_input()
        update_visit(s, saved.visit_id, replace(data, household_id=station["shan"]), "desk1", LATER)
    assert caught.value.field == "household"
    with database.session() as s:
        assert get_visit(s, saved.visit_id).notes == "第一张桌子"
    with pytest.raises(NotFoundError), database.session() as s:
        update_visit(s, 999_999, first, "desk1", LATER)


def test_list_visits_filters_and_search(database: Database, station: Ids) -> None:
    with database.session() as s:
        a = visit(s, station["li"], date(2026, 11, 2), visitor_id=station["wang"],
                  findings=(FindingInput(VisitTopic.GAS, FindingLevel.URGENT),
                            FindingInput(VisitTopic.HEALTH, FindingLevel.CONCERN),
                            FindingInput(VisitTopic.MOOD))).visit_id
        b = visit(s, station["shan"], date(2026, 11, 5), visitor_id=station["staff"],
                  needs_follow_up=True).visit_id
        c = visit(s, station["zeng"], date(2026, 11, 5), method=VisitMethod.VIDEO).visit_id
        d = visit(s, station["li"], date(2026, 10, 30)).visit_id

        def ids(**kwargs: object) -> list[int]:
            flt = VisitFilter(**kwargs)  # type: ignore[arg-type]
            rows = list_visits(s, flt)
            # The visits tab reads the ids, then the rows of a block: the same list.
            listed = list_visit_ids(s, flt)
            assert listed == [r.id for r in rows]
            assert fetch_visit_rows(s, listed) == rows
            return listed

        assert ids() == [c, b, a, d]  # newest first, the later entry first on the same day
        assert [r.id for r in list_visits(s, VisitFilter(), limit=2)] == [c, b]
        assert list_visit_ids(s, VisitFilter(), limit=2) == [c, b]
        assert ids(household_id=station["li"]) == [a, d]
        assert ids(visitor_id=station["wang"]) == [a]
        assert ids(start=date(2026, 11, 2), end=date(2026, 11, 4)) == [a]
        assert ids(start=date(2026, 11, 3)) == [c, b]
        assert ids(end=date(2026, 10, 31)) == [d]
        assert ids(follow_up_only=True) == [b]
        assert ids(search="ldy") == [a, d]
        assert ids(search="东旭") == [c]
        assert ids(search="张主任") == [b]
        assert ids(search="王书文 301") == [a]
        assert ids(search="nobody") == []
        row = list_visits(s, VisitFilter(household_id=station["li"]))[0]
    assert (row.visitor, row.head, row.address, row.method) == (
        "王书文", "李大爷", "锦华一区3号楼2单元301室", VisitMethod.HOME)
    assert row.concerns == ("身体状况", "燃气安全（紧急）")
    assert (row.request_id, row.reminder_id, row.needs_follow_up) == (None, None, False)


def test_fetch_visit_rows_in_the_order_given(
    database: Database, station: Ids, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows come in the order of the ids asked for, also across the service's chunks of
    ids; unknown and deleted visits are left out."""
    import stationapp.services.visits as visits_service

    monkeypatch.setattr(visits_service, "_CHUNK", 2)
    with database.session() as s:
        request = visit(s, station["li"], date(2026, 11, 20), visitor_id=station["wang"],
                        needs_follow_up=True,
                        findings=(FindingInput(VisitTopic.HEATING, FindingLevel.URGENT),),
                        follow_up=FollowUpRequest("供暖", "暖气片不热", station["staff"]))
        reminder = visit(s, station["shan"], date(2026, 11, 21), needs_follow_up=True,
                         findings=(FindingInput(VisitTopic.HEALTH, FindingLevel.CONCERN),),
                         follow_up=FollowUpReminder(date(2026, 11, 28), "送药"))
        plain = visit(s, station["zeng"], date(2026, 11, 22)).visit_id
        gone = visit(s, station["zeng"], date(2026, 11, 23)).visit_id
        delete_visit(s, gone, "clerk")
    with database.session() as s:
        wanted = [plain, 999_999, request.visit_id, gone, reminder.visit_id]
        rows = fetch_visit_rows(s, wanted)
        assert fetch_visit_rows(s, []) == []
        assert list_visit_ids(s, VisitFilter(start=date(2026, 11, 1))) == [
            plain, reminder.visit_id, request.visit_id]
    assert [r.id for r in rows] == [plain, request.visit_id, reminder.visit_id]
    by_id = {r.id: r for r in rows}
    first, second = by_id[request.visit_id], by_id[reminder.visit_id]
    assert (first.request_id, first.reminder_id, first.concerns, first.visitor) == (
        request.request_id, None, ("供暖（紧急）",), "王书文")
    assert (second.request_id, second.reminder_id, second.concerns, second.head) == (
        None, reminder.reminder_id, ("身体状况",), "单秀英")
    assert (by_id[plain].concerns, by_id[plain].needs_follow_up, by_id[plain].visitor) == (
        (), False, "")


def test_add_reminder_checks_its_input(database: Database, station: Ids) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        add_reminder(s, station["li"], date(1990, 1, 1), " ", "clerk", assignee_id=999_999)
    assert {p.field for p in caught.value.problems} == {"due_date", "text", "assignee"}
    with pytest.raises(NotFoundError), database.session() as s:
        add_reminder(s, 999_999, date(2026, 12, 1), "送药", "clerk")


# ---------------------------------------------------------------- SQL agrees with the rules


@pytest.mark.parametrize(("seed", "days"), [(1, (7, 29, 31)), (2, (14, 30, 90)),
                                           (3, (45, 60, 120))])
def test_schedule_and_coverage_in_sql_follow_the_domain_rules(
    database: Database, seed: int, days: tuple[int, int, int]
) -> None:
    """Random households and visits around leap February 2028 and the year ends.

    ``reschedule_all`` and ``month_coverage`` compute in SQL; the expected values come
    from :mod:`stationapp.domain.schedule` in Python, household by household.
    """
    import random

    from stationapp.domain.schedule import is_due_in_month, month_end, next_due

    rng = random.Random(seed)
    intervals = dict(zip((CareTier.PRIORITY, CareTier.WATCH, CareTier.ROUTINE), days,
                         strict=True))
    first, span = date(2027, 10, 1), 250
    with database.session() as s:
        save_station_settings(s, replace(get_station_settings(s), visit_interval_days=tuple(
            intervals.items())))
        facts: dict[int, tuple[CareTier, date, bool]] = {}
        for n in range(40):
            tier = rng.choice(list(CareTier))
            registered = first + timedelta(days=rng.randrange(-60, span))
            hid = create_household(s, _household(str(100 + n), f"住户{n}", tier), "clerk",
                                   registered)
            active = rng.random() > 0.1
            if not active:
                s.execute(update(Household).where(Household.id == hid)
                          .values(status=HouseholdStatus.MOVED_AWAY.value))
            facts[hid] = (tier, registered, active)
        visits: dict[int, list[date]] = {hid: [] for hid in facts}
        rows = []
        for _ in range(300):
            hid = rng.choice(list(facts))
            day = first + timedelta(days=rng.randrange(-40, span))
            visits[hid].append(day)
            rows.append({"household_id": hid, "visit_date": day, "version": 1})
        s.execute(insert(Visit), rows)
        reschedule_all(s)
        stored = {hid: (last, previous, due) for hid, last, previous, due in s.execute(
            select(Household.id, Household.last_visit_date, Household.previous_visit_date,
                   Household.next_visit_due))}
        months = [date(2027, 9, 1), date(2027, 12, 1), date(2028, 1, 1), date(2028, 2, 1),
                  date(2028, 3, 1), date(2028, 5, 1), date(2028, 7, 1)]
        coverage = {m: month_coverage(s, m, LATER) for m in months}
    for hid, (tier, registered, active) in facts.items():
        last = max(visits[hid], default=None)
        previous = max((v for v in visits[hid] if last is not None and v < last),
                       default=None)
        due = next_due(last, registered, intervals[tier]) if active else None
        assert stored[hid] == (last, previous, due), hid
    for month in months:
        due_ids = {
            hid for hid, (tier, registered, active) in facts.items()
            if active and is_due_in_month(max((v for v in visits[hid] if v < month),
                                              default=None),
                                          registered, intervals[tier], month)
        }
        visited = {hid for hid in due_ids
                   if any(month <= v <= month_end(month) for v in visits[hid])}
        assert (coverage[month].due, coverage[month].visited) == (len(due_ids), len(visited))
    assert any(0 < c.visited < c.due for c in coverage.values())  # the data is not trivial
    assert any(due is None for _last, _previous, due in stored.values())
    assert any(previous is not None for _last, previous, _due in stored.values())
