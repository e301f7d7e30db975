"""Monthly statistics (统计 / 月报 figures) on SQLite and PostgreSQL, with fixed dates.

The station: four households registered in June 2025 (one moves away in March 2026),
visits in December 2025 and January 2026 (coverage across the year change), six
requests that cover every counting rule (received, closed, open as of a day, overdue,
re-opened after a call-back), three events around the January/February boundary with
volunteer hours from events and a delivery round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound
from stationapp.domain.care_vocab import RequestStatus, Satisfaction, VisitMethod
from stationapp.domain.event_models import Delivery, Event, EventType, EventVolunteer, Item
from stationapp.domain.models import Household, StationSetting
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    DeliveryOutcome,
    HouseholdStatus,
)
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, advance_request, create_request
from stationapp.services.statistics import (
    MonthlyStatistics,
    RequestCategoryFigures,
    monthly_statistics,
)
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.household_status import change_status
from stationapp.workflows.visits import record_visit

REGISTERED = date(2025, 6, 1)
DECEMBER = date(2025, 12, 1)
JANUARY = date(2026, 1, 1)
FEBRUARY_10 = date(2026, 2, 10)
ENTERED = datetime(2026, 2, 10, 12, 0)
"""When the clerk entered the requests and their steps (after every time typed)."""
MOVED = date(2026, 3, 15)
"""The day 赵 moved away."""


@dataclass(frozen=True)
class Station:
    households: dict[str, int]
    volunteers: dict[str, int]


def _household(s: Session, community: str, building: str, name: str, born: date,
               tier: CareTier, *categories: CareCategory) -> int:
    return create_household(s, HouseholdInput(
        community=community, building=building, unit="1", room="101", tier=tier,
        categories=frozenset(categories),
        residents=(ResidentInput(name=name, birth_date=born, is_head=True),),
    ), "clerk", REGISTERED)


def _request(s: Session, household: int, category: str, received: datetime) -> int:
    return create_request(s, RequestInput(household_id=household, category=category,
                                          description=f"{category}问题", received_at=received),
                          "clerk", ENTERED)


def _resolve(s: Session, request_id: int, when: datetime) -> None:
    advance_request(s, request_id, RequestStatus.RESOLVED, "clerk", resolution="已修好",
                    when=when, now=ENTERED)


def _event(s: Session, type_name: str, title: str, starts_at: datetime) -> Event:
    type_id = s.scalar(select(EventType.id).where(EventType.name == type_name))
    assert type_id is not None
    event = Event(event_type_id=type_id, title=title, starts_at=starts_at)
    s.add(event)
    s.flush()
    return event


@pytest.fixture
def station(database: Database) -> Station:
    with database.session() as s:
        s.add(StationSetting(key="station_name", value="东利党员服务社"))
        h = {
            "li": _household(s, "锦华一区", "2", "李大爷", date(1940, 3, 1), CareTier.PRIORITY,
                             CareCategory.LIVING_ALONE),
            "wang": _household(s, "锦华一区", "3", "王奶奶", date(1960, 5, 5), CareTier.WATCH,
                               CareCategory.EMPTY_NEST, CareCategory.MINIMUM_LIVING),
            # Turns 80 on 15 February 2026: 高龄 in April, not in January.
            "sun": _household(s, "东旭小区", "5", "孙桂兰", date(1946, 2, 15), CareTier.ROUTINE),
            "zhao": _household(s, "东旭小区", "6", "赵大妈", date(1955, 8, 8), CareTier.ROUTINE,
                               CareCategory.LIVING_ALONE),
        }
        v = {
            key: create_volunteer(s, data, "clerk", REGISTERED) for key, data in (
                ("wang", VolunteerInput(name="王书文")),
                ("liu", VolunteerInput(name="刘红")),
                ("old", VolunteerInput(name="赵墨林", active=False)),
                ("staff", VolunteerInput(name="张社工", is_staff=True)),
            )
        }
        # Visits: December 2025, then January 2026.
        for key, day, method in (
            ("li", date(2025, 12, 3), VisitMethod.HOME),
            ("li", date(2025, 12, 28), VisitMethod.HOME),
            ("wang", date(2025, 12, 20), VisitMethod.PHONE),
            ("sun", date(2025, 12, 1), VisitMethod.VIDEO),
            ("li", date(2026, 1, 5), VisitMethod.HOME),
        ):
            record_visit(s, VisitInput(household_id=h[key], visit_date=day, method=method,
                                       visitor_id=v["staff"]), "clerk", today=FEBRUARY_10)
        # Requests.
        r1 = _request(s, h["li"], "供暖", datetime(2026, 1, 3, 9, 0))
        _resolve(s, r1, datetime(2026, 1, 5, 10, 0))
        advance_request(s, r1, RequestStatus.CONFIRMED, "clerk",
                        satisfaction=Satisfaction.SATISFIED, when=datetime(2026, 1, 6, 9, 0),
                        now=ENTERED)
        r2 = _request(s, h["wang"], "水电", datetime(2025, 12, 28, 16, 0))
        _resolve(s, r2, datetime(2026, 1, 2, 11, 0))
        advance_request(s, r2, RequestStatus.CONFIRMED, "clerk",
                        satisfaction=Satisfaction.BASICALLY, when=datetime(2026, 2, 1, 9, 0),
                        now=ENTERED)
        r3 = _request(s, h["sun"], "燃气", datetime(2026, 1, 10, 8, 30))
        advance_request(s, r3, RequestStatus.IN_PROGRESS, "clerk",
                        when=datetime(2026, 1, 11, 8, 0), now=ENTERED)
        _request(s, h["li"], "供暖", datetime(2026, 1, 29, 20, 0))
        r5 = _request(s, h["zhao"], "房屋", datetime(2025, 11, 15, 10, 0))
        _resolve(s, r5, datetime(2026, 2, 3, 15, 0))
        r6 = _request(s, h["wang"], "其他", datetime(2026, 1, 4, 9, 0))
        _resolve(s, r6, datetime(2026, 1, 6, 9, 0))
        advance_request(s, r6, RequestStatus.IN_PROGRESS, "clerk", note="回访说还是不行",
                        when=datetime(2026, 1, 8, 9, 0), now=ENTERED)
        # Events: two in January (one half an hour before midnight), one on 1 February.
        flowers = _event(s, "送窗花", "贴窗花迎新年", datetime(2026, 1, 24, 14, 0))
        greeting = _event(s, "节日慰问", "除夕前慰问", datetime(2026, 1, 31, 23, 30))
        safety = _event(s, "安全宣传", "燃气安全进楼栋", datetime(2026, 2, 1, 0, 0))
        item = s.scalar(select(Item.id).where(Item.name == "窗花"))
        assert item is not None
        s.add_all([
            EventVolunteer(event_id=flowers.id, volunteer_id=v["wang"], hours=3),
            EventVolunteer(event_id=flowers.id, volunteer_id=v["liu"], hours=2),
            EventVolunteer(event_id=greeting.id, volunteer_id=v["wang"], hours=1),
            EventVolunteer(event_id=safety.id, volunteer_id=v["wang"], hours=4),
            DeliveryRound(event_id=flowers.id, volunteer_id=v["liu"],
                          round_date=date(2026, 1, 24), hours=1.5),
            *(Delivery(event_id=flowers.id, household_id=h[key], item_id=item, outcome=outcome)
              for key, outcome in (("li", DeliveryOutcome.DELIVERED),
                                   ("wang", DeliveryOutcome.DELIVERED),
                                   ("sun", DeliveryOutcome.PENDING),
                                   ("zhao", DeliveryOutcome.NOT_HOME))),
            Delivery(event_id=safety.id, household_id=h["li"], item_id=item,
                     outcome=DeliveryOutcome.REFUSED),
        ])
        s.flush()
        change_status(s, h["zhao"], HouseholdStatus.MOVED_AWAY, MOVED,
                      "随子女迁往外地", "clerk", today=MOVED)
        return Station(h, v)


def stats_of(database: Database, month: date, today: date) -> MonthlyStatistics:
    with database.session() as s:
        return monthly_statistics(s, month, today=today)


def test_january_after_december(database: Database, station: Station) -> None:
    jan = stats_of(database, date(2026, 1, 17), FEBRUARY_10)  # any day names its month
    assert jan.month == JANUARY and jan.as_of == date(2026, 1, 31)
    assert jan.station == "东利党员服务社" and jan.generated_on == FEBRUARY_10
    assert jan.visits_in_month == 1
    assert jan.visits_by_method == (("上门", 1), ("电话", 0), ("视频", 0))
    # Due in January: 李 (weekly, last visit 28 Dec) and 王 (monthly, last 20 Dec);
    # 孙 (every 90 days, visited 1 Dec) is not due; 赵 has left the ledger since.
    assert (jan.coverage.due, jan.coverage.visited) == (2, 1)
    assert jan.coverage.ratio == 0.5
    # On 31 January 李 (due 12 Jan) and 王 (due 19 Jan) are overdue.
    assert jan.overdue_visits == 2

    dec = stats_of(database, DECEMBER, FEBRUARY_10)
    assert dec.month == DECEMBER and dec.as_of == date(2025, 12, 31)
    assert dec.visits_in_month == 4
    assert dec.visits_by_method == (("上门", 2), ("电话", 1), ("视频", 1))
    assert (dec.coverage.due, dec.coverage.visited) == (3, 3)
    assert dec.coverage.ratio == 1.0


def test_households_as_of_the_month(database: Database, station: Station) -> None:
    jan = stats_of(database, JANUARY, FEBRUARY_10)
    assert jan.households_total == 4  # 赵 moved away only in March
    categories = dict(jan.by_category)
    assert [label for label, _ in jan.by_category] == [c.label for c in CareCategory]
    assert categories == {
        "高龄": 1, "孤寡": 0, "独居": 2, "空巢": 1, "留守": 0, "失能": 0, "重残": 0,
        "计生特殊家庭": 0, "低保": 1, "特困": 0, "行动不便": 0,
    }
    assert jan.by_community == (("东旭小区", 2), ("锦华一区", 2))
    assert jan.by_tier == (("重点", 1), ("关注", 1), ("一般", 2))

    april = stats_of(database, date(2026, 4, 1), date(2026, 5, 10))
    assert april.as_of == date(2026, 4, 30)
    assert april.households_total == 3
    assert dict(april.by_category)["高龄"] == 2  # 孙 turned 80 in February
    assert dict(april.by_category)["独居"] == 1
    assert april.by_community == (("东旭小区", 1), ("锦华一区", 2))
    assert april.by_tier == (("重点", 1), ("关注", 1), ("一般", 1))


def test_request_counting_rules(database: Database, station: Station) -> None:
    jan = stats_of(database, JANUARY, FEBRUARY_10)
    # Received in January: 供暖 ×2, 燃气, 其他.  Closed in January: 供暖 (2 days) and 水电
    # (received in December, 5 calendar days); 其他 was re-opened after its call-back.
    assert jan.requests_received == 4
    assert jan.requests_closed == 2
    assert jan.average_days_to_close == 3.5
    # Open on 31 January: 燃气, the second 供暖, 房屋 (resolved only on 3 February), 其他.
    assert jan.requests_open == 4
    # Overdue (more than 7 days): 燃气 (21 days), 房屋, 其他; the second 供暖 is 2 days old.
    assert jan.requests_overdue == 3
    assert jan.satisfaction == (("满意", 1), ("基本满意", 0), ("不满意", 0))
    figures = {f.category: f for f in jan.requests_by_category}
    assert [f.category for f in jan.requests_by_category][:3] == ["供暖", "水电", "燃气"]
    assert figures["供暖"] == RequestCategoryFigures("供暖", received=2, closed=1, open=1)
    assert figures["水电"] == RequestCategoryFigures("水电", received=0, closed=1, open=0)
    assert figures["燃气"] == RequestCategoryFigures("燃气", received=1, closed=0, open=1)
    assert figures["房屋"] == RequestCategoryFigures("房屋", received=0, closed=0, open=1)
    assert figures["其他"] == RequestCategoryFigures("其他", received=1, closed=0, open=1)
    assert figures["医疗"] == RequestCategoryFigures("医疗", 0, 0, 0)  # zero rows kept

    # A past month counts what was open on its last day.
    dec = stats_of(database, DECEMBER, FEBRUARY_10)
    assert (dec.requests_received, dec.requests_closed) == (1, 0)
    assert dec.average_days_to_close is None
    assert dec.requests_open == 2  # 水电 (resolved 2 January) and 房屋
    assert dec.requests_overdue == 1  # 房屋, open since 15 November

    # The current month counts what is open today: on 20 January the 供暖 of the 29th
    # had not come in yet.
    mid = stats_of(database, JANUARY, date(2026, 1, 20))
    assert mid.as_of == date(2026, 1, 20)
    assert mid.requests_open == 3  # 燃气, 房屋, 其他
    assert mid.requests_overdue == 3

    feb = stats_of(database, date(2026, 2, 1), FEBRUARY_10)
    assert feb.requests_closed == 1  # 房屋
    assert feb.average_days_to_close == 80.0  # 15 November → 3 February
    assert feb.satisfaction == (("满意", 0), ("基本满意", 1), ("不满意", 0))


def test_events_deliveries_and_hours(database: Database, station: Station) -> None:
    jan = stats_of(database, JANUARY, FEBRUARY_10)
    assert jan.events_in_month == 2  # the event at 00:00 on 1 February belongs to February
    by_type = dict(jan.events_by_type)
    assert by_type["送窗花"] == 1 and by_type["节日慰问"] == 1 and by_type["安全宣传"] == 0
    assert jan.deliveries_by_outcome == (
        ("待送", 1), ("已送达", 2), ("不在家", 1), ("拒收", 0), ("地址有误", 0), ("取消", 0))
    assert jan.deliveries_total == 4
    assert jan.volunteer_hours == 7.5  # 王 3 + 1, 刘 2 + a 1.5-hour round
    assert jan.top_volunteers == (("王书文", 4.0), ("刘红", 3.5))
    assert jan.volunteers_served == 2
    assert jan.active_volunteers == 2  # not the inactive one, not the staff member

    feb = stats_of(database, date(2026, 2, 1), FEBRUARY_10)
    assert feb.events_in_month == 1
    assert dict(feb.deliveries_by_outcome)["拒收"] == 1
    assert feb.top_volunteers == (("王书文", 4.0),)


def test_a_month_without_data(database: Database, station: Station) -> None:
    long_ago = stats_of(database, date(2020, 3, 1), FEBRUARY_10)
    assert long_ago.households_total == 0  # nobody was on the ledger yet
    assert all(n == 0 for _, n in long_ago.by_category)
    assert len(long_ago.by_category) == len(CareCategory)
    assert long_ago.by_community == ()
    assert long_ago.coverage.due == 0 and long_ago.coverage.ratio is None
    assert long_ago.visits_in_month == 0 and long_ago.overdue_visits == 0
    assert (long_ago.requests_received, long_ago.requests_closed, long_ago.requests_open,
            long_ago.requests_overdue) == (0, 0, 0, 0)
    assert long_ago.average_days_to_close is None
    assert long_ago.satisfaction_total == 0
    assert long_ago.events_in_month == 0 and long_ago.deliveries_total == 0
    assert long_ago.volunteer_hours == 0 and long_ago.top_volunteers == ()


def test_an_empty_database(database: Database) -> None:
    stats = stats_of(database, date(2026, 2, 28), date(2026, 2, 15))
    assert stats.month == date(2026, 2, 1)
    assert stats.station  # the default name
    assert stats.households_total == 0
    assert stats.by_tier == (("重点", 0), ("关注", 0), ("一般", 0))
    assert stats.coverage.ratio is None and stats.average_days_to_close is None
    assert stats.requests_by_category[0].category == "供暖"
    assert all((f.received, f.closed, f.open) == (0, 0, 0) for f in stats.requests_by_category)
    assert stats.active_volunteers == 0 and stats.volunteers_served == 0


def test_this_month_counts_todays_ledger_also_after_the_clock_was_set_back(
        database: Database, station: Station) -> None:
    """The current month reads today's ledger from the indexes alone; a household whose
    登记日期 lies after today (typed wrong, or the computer's clock was set back since) is
    not yet on it, as in any past month."""
    from datetime import timedelta

    today = date(2026, 11, 26)  # the current month takes the shortest way
    now = stats_of(database, today, today)
    assert now.as_of == today
    assert now.households_total == 3  # 赵 moved away on 15 March 2026
    assert dict(now.by_category) == {
        "高龄": 2, "孤寡": 0, "独居": 1, "空巢": 1, "留守": 0, "失能": 0, "重残": 0,
        "计生特殊家庭": 0, "低保": 1, "特困": 0, "行动不便": 0,
    }
    assert now.by_community == (("东旭小区", 1), ("锦华一区", 2))
    assert now.by_tier == (("重点", 1), ("关注", 1), ("一般", 1))

    with database.session() as s:
        s.execute(update(Household).where(Household.id == station.households["wang"])
                  .values(registered_on=today + timedelta(days=40)))
    later = stats_of(database, today, today)
    assert later.households_total == 2
    assert dict(later.by_category)["空巢"] == 0 and dict(later.by_category)["低保"] == 0
    assert later.by_community == (("东旭小区", 1), ("锦华一区", 1))
    assert later.by_tier == (("重点", 1), ("关注", 0), ("一般", 1))
    # Entered after this month, 王 is not due in it either.
    assert later.coverage.due == now.coverage.due - 1


@pytest.mark.parametrize(("registered_on", "in_january"), [
    (date(2026, 1, 31), True),  # registered on the month's last day: on its ledger
    (date(2026, 2, 1), False),
])
def test_a_household_is_on_the_ledger_from_its_registration_day(
    database: Database, station: Station, registered_on: date, in_january: bool
) -> None:
    """登记日期 decides, not when the row was written (created_at is audit only)."""
    with database.session() as s:
        s.execute(update(Household).where(Household.id == station.households["wang"])
                  .values(registered_on=registered_on,
                          created_at=datetime(2020, 1, 1, 9, 0)))
    jan = stats_of(database, JANUARY, FEBRUARY_10)
    assert jan.households_total == (4 if in_january else 3)
    assert dict(jan.by_category)["低保"] == (1 if in_january else 0)
