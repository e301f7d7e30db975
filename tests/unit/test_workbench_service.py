"""工作台's read model on a fixed day: visits due and overdue, reminders, late requests and
events with deliveries still to go (SQLite; the queries are the services' own)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.clock import Clock
from stationapp.domain.event_models import Delivery, Event, EventType, Item
from stationapp.domain.vocab import DeliveryOutcome, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, create_request
from stationapp.services.visit_reminders import add_reminder, complete_reminder
from stationapp.services.workbench import read_workbench
from stationapp.workflows.household_status import change_status

DAY = date(2026, 3, 10)


@pytest.fixture
def db(tmp_path: Path, clock: Clock) -> Iterator[Database]:
    """A fresh SQLite ledger."""
    from stationapp.workflows.opening import open_database

    opened = open_database(f"sqlite:///{tmp_path / 'ledger.db'}", clock)
    try:
        yield opened
    finally:
        opened.dispose()


def household(s: Session, room: str, name: str, registered: date) -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building="2", unit="1", room=room, registered_on=registered,
        residents=(ResidentInput(name=name, birth_date=date(1941, 3, 2)),),
    ), "clerk", registered)


def event(s: Session, title: str, starts: datetime) -> int:
    type_id = s.scalars(select(EventType.id)).first()
    assert type_id is not None
    row = Event(event_type_id=type_id, title=title, starts_at=starts, updated_by="clerk")
    s.add(row)
    s.flush()
    return row.id


def deliver(s: Session, event_id: int, household_id: int, outcome: DeliveryOutcome,
            items: int = 1) -> None:
    for item_id in s.scalars(select(Item.id).order_by(Item.id)).all()[:items]:
        s.add(Delivery(event_id=event_id, household_id=household_id, item_id=item_id,
                       outcome=outcome, updated_by="clerk"))
    s.flush()


@pytest.fixture
def ledger(db: Database) -> dict[str, int]:
    """Households due today, overdue and moved away; reminders; requests; events."""
    with db.session() as s:
        ids = {
            "today": household(s, "101", "王阿姨", DAY),
            "late": household(s, "102", "李大爷", DAY - timedelta(days=20)),
            "later": household(s, "103", "赵阿姨", DAY - timedelta(days=5)),
            "gone": household(s, "104", "钱大爷", DAY - timedelta(days=40)),
        }
        change_status(s, ids["gone"], HouseholdStatus.MOVED_AWAY, DAY - timedelta(days=1),
                      "搬走", "clerk", today=DAY)
        add_reminder(s, ids["late"], DAY, "回访用药情况", "clerk")
        add_reminder(s, ids["later"], DAY - timedelta(days=3), "送体检单", "clerk")
        add_reminder(s, ids["today"], DAY + timedelta(days=1), "明天的事", "clerk")
        done = add_reminder(s, ids["today"], DAY - timedelta(days=2), "已办", "clerk")
        complete_reminder(s, done, "clerk", datetime.combine(DAY, datetime.min.time()))
        old = datetime.combine(DAY - timedelta(days=12), datetime.min.time())
        fresh = datetime.combine(DAY - timedelta(days=1), datetime.min.time())
        ids["old_request"] = create_request(s, RequestInput(
            household_id=ids["late"], category="水电", description="水管漏水",
            received_at=old), "clerk", now=old)
        create_request(s, RequestInput(
            household_id=ids["today"], category="水电", description="灯坏了",
            received_at=fresh), "clerk", now=fresh)
        coming = event(s, "写春联送祝福", datetime.combine(DAY + timedelta(days=5),
                                                            datetime.min.time()))
        recent = event(s, "送窗花", datetime.combine(DAY - timedelta(days=3),
                                                     datetime.min.time()))
        finished = event(s, "安全宣传", datetime.combine(DAY - timedelta(days=4),
                                                       datetime.min.time()))
        event(s, "太远", datetime.combine(DAY + timedelta(days=45), datetime.min.time()))
        deliver(s, recent, ids["today"], DeliveryOutcome.PENDING, items=2)
        deliver(s, recent, ids["late"], DeliveryOutcome.PENDING)
        deliver(s, recent, ids["later"], DeliveryOutcome.DELIVERED)
        deliver(s, finished, ids["late"], DeliveryOutcome.DELIVERED)
        ids.update(coming=coming, recent=recent, finished=finished)
    return ids


def test_visits_due_today_and_overdue(db: Database, ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY)
    assert (bench.visits_overdue, bench.visits_due_today, bench.visits_due) == (2, 1, 3)
    assert [row.household_id for row in bench.visits] == [
        ledger["late"], ledger["later"], ledger["today"]]
    assert [row.days_overdue for row in bench.visits] == [20, 5, 0]


def test_first_lines_only_but_whole_counts(db: Database, ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY, lines=1)
    assert bench.visits_due == 3 and len(bench.visits) == 1
    assert bench.reminders_due == 2 and len(bench.reminders) == 1


def test_reminders_due_today_or_earlier_and_not_done(db: Database,
                                                     ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY)
    assert (bench.reminders_due_today, bench.reminders_overdue) == (1, 1)
    assert [r.text for r in bench.reminders] == ["送体检单", "回访用药情况"]


def test_requests_open_and_past_their_deadline(db: Database, ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY)
    assert (bench.requests_open, bench.requests_overdue) == (2, 1)
    assert [r.id for r in bench.requests] == [ledger["old_request"]]


def test_events_upcoming_and_recent_with_deliveries_to_go(db: Database,
                                                          ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY)
    assert [e.id for e in bench.events] == [ledger["recent"], ledger["coming"]]
    recent = bench.events[0]
    # Households (户) and items (件) are counted apart: 2 households, 3 items to go.
    assert (recent.households_pending, recent.deliveries_pending) == (2, 3)
    assert bench.households_pending == 2


def test_another_day_reads_another_workbench(db: Database, ledger: dict[str, int]) -> None:
    with db.session() as s:
        bench = read_workbench(s, DAY + timedelta(days=1))
    assert bench.visits_due_today == 0 and bench.visits_overdue == 3
    assert bench.reminders_due == 3
