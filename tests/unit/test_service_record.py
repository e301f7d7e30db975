"""Volunteer hours from events and delivery rounds, the service record and its certificate.

On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound, ServiceCertificate
from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import (
    ConflictError,
    DuplicateEntryError,
    NotFoundError,
    ValidationError,
)
from stationapp.domain.event_models import Delivery, EventType, Item
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services import service_record as record_module
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.service_record import (
    hours_by_volunteer,
    issue_certificate,
    list_certificates,
    list_rounds,
    record_round,
    service_record,
)
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteers import (
    RoleInput,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
)
from stationapp.workflows.station_settings import save_station_settings

TODAY = date(2025, 3, 1)
"""The desk's day in these tests, after every round they record."""

# ---------------------------------------------------------------- helpers


def type_id(s: Session, name: str) -> int:
    found = s.scalar(select(EventType.id).where(EventType.name == name))
    assert found is not None
    return found


def item_id(s: Session, name: str) -> int:
    found = s.scalar(select(Item.id).where(Item.name == name))
    assert found is not None
    return found


def household(s: Session, room: str) -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building="2", unit="1", room=room,
        residents=(ResidentInput(name=f"住户{room}", birth_date=date(1940, 1, 1)),),
    ), "clerk", TODAY)


def deliver(s: Session, event_id: int, household_id: int, item: str, volunteer_id: int | None,
            outcome: DeliveryOutcome = DeliveryOutcome.DELIVERED) -> None:
    s.add(Delivery(event_id=event_id, household_id=household_id, item_id=item_id(s, item),
                   volunteer_id=volunteer_id, outcome=outcome, updated_by="clerk"))
    s.flush()


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    """王书文 (锦华一区监督员 and 宣传员), 单秀兰, and a couplet-writing event with a delivery.

    The event 「马年写春联」 starts 2025-01-31 23:00 (the last evening of January): 王书文
    served 3.5 h, 单秀兰 2 h. Its deliveries: 王书文 carries households 101 (春联 and 福字),
    102, and 103 (cancelled); 单秀兰 carries 104.
    """
    with database.session() as s:
        wang = create_volunteer(s, VolunteerInput(
            name="王书文", phone="13905461234", community="锦华一区", skills=("书法",),
            roles=(RoleInput("锦华一区", VolunteerRole.PUBLICIST),
                   RoleInput("锦华一区", VolunteerRole.SUPERVISOR))), "clerk", TODAY)
        shan = create_volunteer(s, VolunteerInput(name="单秀兰", community="东旭小区"), "clerk",
                                TODAY)
        event = create_event(s, EventInput(
            event_type_id=type_id(s, "写春联送祝福"), title="马年写春联",
            starts_at=datetime(2025, 1, 31, 23), volunteers=(
                ServiceInput(wang, 3.5), ServiceInput(shan, 2.0)),
        ), "clerk")
        rooms = {room: household(s, room) for room in ("101", "102", "103", "104")}
        deliver(s, event, rooms["101"], "春联", wang)
        deliver(s, event, rooms["101"], "福字", wang)
        deliver(s, event, rooms["102"], "春联", wang, DeliveryOutcome.PENDING)
        deliver(s, event, rooms["103"], "春联", wang, DeliveryOutcome.CANCELLED)
        deliver(s, event, rooms["104"], "春联", shan)
    return {"wang": wang, "shan": shan, "event": event}


# ---------------------------------------------------------------- rounds


def test_record_round_upserts_and_zero_removes(
    database: Database, people: dict[str, int]
) -> None:
    event, wang, shan = people["event"], people["wang"], people["shan"]
    with database.session() as s:
        record_round(s, event, wang, date(2025, 2, 1), 2.0, "clerk", TODAY)
        record_round(s, event, shan, date(2025, 2, 1), 1.5, "clerk", TODAY)
        record_round(s, event, wang, date(2025, 2, 2), 1.0, "clerk", TODAY)
    with database.session() as s:
        record_round(s, event, wang, date(2025, 2, 1), 2.5, "desk2", TODAY)  # a correction
        record_round(s, event, wang, date(2025, 2, 2), 0, "desk2", TODAY)  # removes
        record_round(s, event, shan, date(2025, 2, 9), 0, "desk2", TODAY)  # nothing to remove
    with database.session() as s:
        rounds = list_rounds(s, event)
        stored = s.scalar(select(func.count()).select_from(DeliveryRound))
        corrected = s.scalar(select(DeliveryRound).where(DeliveryRound.volunteer_id == wang))
        assert corrected is not None and corrected.updated_by == "desk2"
    assert stored == 2
    # By day, then pinyin (shan before wang); stops are households, cancelled ones aside.
    assert [(r.volunteer, r.round_date, r.hours, r.stops) for r in rounds] == [
        ("单秀兰", date(2025, 2, 1), 1.5, 1), ("王书文", date(2025, 2, 1), 2.5, 2)]
    assert all(r.event_id == event for r in rounds)


@pytest.mark.parametrize("hours", [-0.5, 24.5, math.nan, math.inf])
def test_record_round_refuses_impossible_hours(
    database: Database, people: dict[str, int], hours: float
) -> None:
    with database.session() as s:
        with pytest.raises(ValidationError) as refused:
            record_round(s, people["event"], people["wang"], date(2025, 2, 1), hours, "clerk",
                         TODAY)
        assert s.scalar(select(func.count()).select_from(DeliveryRound)) == 0
    assert refused.value.field == "hours" and "24" in refused.value.message


def test_record_round_refuses_a_day_still_to_come(
    database: Database, people: dict[str, int]
) -> None:
    with database.session() as s:
        with pytest.raises(ValidationError) as refused:
            record_round(s, people["event"], people["wang"], date(2025, 2, 2), 1.0, "clerk",
                         today=date(2025, 2, 1))
        record_round(s, people["event"], people["wang"], date(2025, 2, 1), 1.0, "clerk",
                     today=date(2025, 2, 1))
        assert [r.round_date for r in list_rounds(s, people["event"])] == [date(2025, 2, 1)]
    assert refused.value.field == "round_date"


def test_record_round_needs_event_and_volunteer(
    database: Database, people: dict[str, int]
) -> None:
    with database.session() as s:
        with pytest.raises(NotFoundError):
            record_round(s, 999_999, people["wang"], date(2025, 2, 1), 1.0, "clerk", TODAY)
        with pytest.raises(NotFoundError):
            record_round(s, people["event"], 999_999, date(2025, 2, 1), 1.0, "clerk", TODAY)
        record_round(s, people["event"], people["wang"], date(2025, 2, 1), 24, "clerk", TODAY)
        assert [r.hours for r in list_rounds(s, people["event"])] == [24.0]
        assert list_rounds(s, 999_999) == []


# ---------------------------------------------------------------- hours


def test_hours_by_volunteer_counts_events_and_rounds_in_inclusive_dates(
    database: Database, people: dict[str, int]
) -> None:
    event, wang, shan = people["event"], people["wang"], people["shan"]
    with database.session() as s:
        record_round(s, event, wang, date(2025, 2, 1), 2.0, "clerk", TODAY)
        record_round(s, event, shan, date(2025, 1, 31), 1.25, "clerk", TODAY)
    with database.session() as s:
        everything = hours_by_volunteer(s)
        january = hours_by_volunteer(s, date(2025, 1, 1), date(2025, 1, 31))
        last_day = hours_by_volunteer(s, date(2025, 1, 31), date(2025, 1, 31))
        february = hours_by_volunteer(s, start=date(2025, 2, 1))
        before = hours_by_volunteer(s, end=date(2025, 1, 30))
        with pytest.raises(ValidationError) as backwards:
            hours_by_volunteer(s, date(2025, 2, 1), date(2025, 1, 1))
        info = get_volunteer(s, wang)
    assert everything == {wang: 5.5, shan: 3.25}
    assert january == {wang: 3.5, shan: 3.25}  # the event at 23:00 on the 31st counts
    assert last_day == january
    assert february == {wang: 2.0}
    assert before == {}
    assert backwards.value.field == "end"
    assert (info.event_hours, info.round_hours, info.hours) == (3.5, 2.0, 5.5)


def test_service_record_lists_what_was_done(database: Database, people: dict[str, int]) -> None:
    event, wang = people["event"], people["wang"]
    with database.session() as s:
        record_round(s, event, wang, date(2025, 2, 1), 2.0, "clerk", TODAY)
        safety = create_event(s, EventInput(
            event_type_id=type_id(s, "安全宣传"), title="冬季燃气安全",
            starts_at=datetime(2024, 12, 10, 9), volunteers=(ServiceInput(wang, 1.5),),
        ), "clerk")
        assert safety
    with database.session() as s:
        whole = service_record(s, wang)
        winter = service_record(s, wang, date(2025, 1, 1), date(2025, 1, 31))
        with pytest.raises(NotFoundError):
            service_record(s, 999_999)
    assert (whole.name, whole.phone, whole.community) == ("王书文", "13905461234", "锦华一区")
    assert whole.roles == ("锦华一区监督员", "锦华一区宣传员")
    assert [(e.day, e.what, e.kind, e.hours) for e in whole.entries] == [
        (date(2024, 12, 10), "安全宣传 · 冬季燃气安全", "event", 1.5),
        (date(2025, 1, 31), "写春联送祝福 · 马年写春联", "event", 3.5),
        (date(2025, 2, 1), "送上门：马年写春联（2 户）", "delivery", 2.0),
    ]
    assert whole.total_hours == 7.0 and whole.start is None and whole.end is None
    assert [e.what for e in winter.entries] == ["写春联送祝福 · 马年写春联"]
    assert winter.total_hours == 3.5
    assert (winter.start, winter.end) == (date(2025, 1, 1), date(2025, 1, 31))


# ---------------------------------------------------------------- certificates


def test_certificates_are_numbered_per_year(database: Database, people: dict[str, int]) -> None:
    wang, shan = people["wang"], people["shan"]
    with database.session() as s:
        save_station_settings(s, replace(get_station_settings(s), name="锦华党员服务社",
                                         phone="0546-8123456"))
    issued: list[str] = []
    for volunteer, day in ((wang, date(2025, 3, 1)), (shan, date(2025, 12, 31)),
                           (wang, date(2026, 1, 1)), (shan, date(2025, 6, 1)),
                           (shan, date(2026, 2, 1))):
        with database.session() as s:
            issued.append(issue_certificate(s, volunteer, "clerk", today=day).number)
    assert issued == ["FW2025-0001", "FW2025-0002", "FW2026-0001", "FW2025-0003",
                      "FW2026-0002"]
    with database.session() as s:
        first = issue_certificate(s, wang, "desk2", start=date(2025, 1, 1),
                                  end=date(2025, 1, 31), today=date(2026, 3, 5))
        kept = list_certificates(s, wang)
    assert first.number == "FW2026-0003" and first.issued_on == date(2026, 3, 5)
    assert (first.station, first.station_phone) == ("锦华党员服务社", "0546-8123456")
    assert first.record.name == "王书文" and first.record.total_hours == 3.5
    assert [c.number for c in kept] == ["FW2026-0003", "FW2026-0001", "FW2025-0001"]
    assert (kept[0].period_start, kept[0].period_end, kept[0].hours, kept[0].actor) == (
        date(2025, 1, 1), date(2025, 1, 31), 3.5, "desk2")


def test_certificate_numbers_are_unique(database: Database, people: dict[str, int]) -> None:
    with database.session() as s:
        issue_certificate(s, people["wang"], "clerk", today=date(2025, 3, 1))
    # The database's unique index: a duplicate is the clerk's conflict, not a raw error.
    with pytest.raises(DuplicateEntryError), database.session() as s:
        s.add(ServiceCertificate(number="FW2025-0001", volunteer_id=people["shan"],
                                 issued_on=date(2025, 3, 2), hours=1.0))
        s.flush()


def test_a_number_taken_meanwhile_is_a_conflict(
    database: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as s:
        issue_certificate(s, people["wang"], "clerk", today=date(2025, 3, 1))
    # Another desk took the number between reading the last one and saving.
    monkeypatch.setattr(record_module, "_next_number", lambda _s, _year: "FW2025-0001")
    with pytest.raises(ConflictError) as conflict, database.session() as s:
        issue_certificate(s, people["shan"], "clerk", today=date(2025, 3, 1))
    assert "FW2025-0001" in str(conflict.value)
    with database.session() as s:
        assert [c.number for c in list_certificates(s, people["shan"])] == []


def test_no_certificate_without_hours(database: Database, people: dict[str, int]) -> None:
    with database.session() as s:
        idle = create_volunteer(s, VolunteerInput(name="赵墨林"), "clerk", TODAY)
    with database.session() as s:
        with pytest.raises(ValidationError) as nothing:
            issue_certificate(s, idle, "clerk", today=date(2025, 3, 1))
        with pytest.raises(ValidationError) as empty_period:
            issue_certificate(s, people["wang"], "clerk", start=date(2025, 6, 1),
                              end=date(2025, 6, 30), today=date(2025, 7, 1))
        with pytest.raises(NotFoundError):
            issue_certificate(s, 999_999, "clerk", today=TODAY)
        assert s.scalar(select(func.count()).select_from(ServiceCertificate)) == 0
    assert nothing.value.field == "hours"
    assert nothing.value.message == "这段时间没有服务时长记录，不能开具证明"
    assert empty_period.value.field == "hours"
    with database.session() as s:
        # Nothing was numbered: the first real certificate of the year is still 0001.
        assert issue_certificate(s, people["wang"], "clerk",
                                 today=date(2025, 7, 1)).number == "FW2025-0001"
