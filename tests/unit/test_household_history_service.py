"""A household's history (issue 14 item 7): visits, requests, deliveries and status changes
in one list, newest first, read in a fixed number of statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from stationapp.domain.care_vocab import FindingLevel, RequestStatus, VisitMethod, VisitTopic
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import Event, EventType, Item, Volunteer
from stationapp.domain.vocab import DeliveryOutcome, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.delivery_assignment import assign
from stationapp.services.delivery_outcomes import record_outcome
from stationapp.services.delivery_planning import PlanLine, plan_deliveries
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.household_history import (
    DeliveryEntry,
    HistoryKind,
    RequestEntry,
    StatusEntry,
    VisitEntry,
    household_history,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, create_request
from stationapp.services.visits import FindingInput, VisitInput
from stationapp.workflows.household_status import change_status
from stationapp.workflows.visits import record_visit


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


def _household(s: Session, today: date, room: str, name: str) -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building="3", unit="2", room=room,
        residents=(ResidentInput(name=name, birth_date=date(1941, 3, 2)),),
    ), "clerk", today - timedelta(days=400))


def _event(s: Session, title: str, day: date) -> int:
    type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
    assert type_id is not None
    ev = Event(event_type_id=type_id, title=title, starts_at=datetime.combine(day, time(9)),
               updated_by="clerk")
    s.add(ev)
    s.flush()
    return ev.id


@pytest.fixture
def zhao(database: Database, today: date) -> dict[str, int]:
    """赵阿姨's household: a visit 30 days ago, a request 20 days ago, two deliveries of an
    event 10 days ago (one delivered), moved away 5 days ago and back 2 days ago; and a
    neighbour with a visit of its own."""
    now = datetime.combine(today, time(10))
    with database.session() as s:
        ids = {"zhao": _household(s, today, "301", "赵阿姨"),
               "other": _household(s, today, "302", "钱大爷")}
        volunteer = Volunteer(name="王书文", phone="13905461234", updated_by="clerk")
        s.add(volunteer)
        s.flush()
        ids["volunteer"] = volunteer.id
        ids["visit"] = record_visit(s, VisitInput(
            household_id=ids["zhao"], visit_date=today - timedelta(days=30),
            method=VisitMethod.PHONE, visitor_id=volunteer.id, notes="说暖气不热",
            findings=(FindingInput(VisitTopic.HEATING, FindingLevel.URGENT),
                      FindingInput(VisitTopic.MOOD))), "clerk", today=today).visit_id
        record_visit(s, VisitInput(household_id=ids["other"],
                                   visit_date=today - timedelta(days=3)), "clerk", today=today)
        ids["request"] = create_request(s, RequestInput(
            household_id=ids["zhao"], category="供暖", description="暖气片不热",
            received_at=datetime.combine(today - timedelta(days=20), time(8, 30)),
            reporter="赵阿姨"), "clerk", now=now)
        ids["event"] = _event(s, "写春联送祝福", today - timedelta(days=10))
        couplet = s.scalar(select(Item.id).where(Item.name == "春联"))
        fu = s.scalar(select(Item.id).where(Item.name == "福字"))
        assert couplet is not None and fu is not None
        plan_deliveries(s, ids["event"], [ids["zhao"]],
                        [PlanLine(couplet, 2), PlanLine(fu, 1)], "clerk")
        rows = {r.item: r.id for r in list_deliveries(s, ids["event"])}
        ids["couplet_delivery"], ids["fu_delivery"] = rows["春联"], rows["福字"]
        assign(s, list(rows.values()), volunteer.id, "clerk")
        record_outcome(s, ids["couplet_delivery"], DeliveryOutcome.DELIVERED, "clerk",
                       at=datetime.combine(today - timedelta(days=9), time(15)), now=now)
        change_status(s, ids["zhao"], HouseholdStatus.MOVED_AWAY, today - timedelta(days=5),
                      "去女儿家住", "clerk", today=today)
        change_status(s, ids["zhao"], HouseholdStatus.ACTIVE, today - timedelta(days=2),
                      "搬回来了", "clerk", today=today)
    return ids


def test_history_newest_first_with_every_kind(
    database: Database, zhao: dict[str, int], today: date
) -> None:
    with database.session() as s:
        history = household_history(s, zhao["zhao"])
    assert [(e.kind, (today - e.day).days) for e in history] == [
        (HistoryKind.STATUS, 2), (HistoryKind.STATUS, 5), (HistoryKind.DELIVERY, 10),
        (HistoryKind.DELIVERY, 10), (HistoryKind.REQUEST, 20), (HistoryKind.VISIT, 30)]
    back, away, *deliveries, request, visit = history

    assert isinstance(back.detail, StatusEntry) and isinstance(away.detail, StatusEntry)
    assert (back.detail.status, back.detail.previous, back.detail.reason) == (
        HouseholdStatus.ACTIVE, HouseholdStatus.MOVED_AWAY, "搬回来了")
    assert (away.detail.status, away.detail.previous, away.detail.reason, away.detail.actor) == (
        HouseholdStatus.MOVED_AWAY, HouseholdStatus.ACTIVE, "去女儿家住", "clerk")

    by_item = {d.detail.item: d.detail for d in deliveries if isinstance(d.detail, DeliveryEntry)}
    couplet, fu = by_item["春联"], by_item["福字"]
    assert (couplet.event_id, couplet.event_title, couplet.quantity, couplet.outcome,
            couplet.volunteer) == (zhao["event"], "写春联送祝福", 2, DeliveryOutcome.DELIVERED,
                                   "王书文")
    assert couplet.outcome_at == datetime.combine(today - timedelta(days=9), time(15))
    # Moving away cancelled the pending delivery; coming back does not plan it again.
    assert fu.outcome is DeliveryOutcome.CANCELLED
    assert {d.record_id for d in deliveries} == {zhao["couplet_delivery"], zhao["fu_delivery"]}

    assert isinstance(request.detail, RequestEntry)
    assert (request.record_id, request.detail.category, request.detail.description,
            request.detail.status) == (zhao["request"], "供暖", "暖气片不热",
                                       RequestStatus.RECEIVED)

    assert isinstance(visit.detail, VisitEntry)
    assert (visit.record_id, visit.detail.method, visit.detail.visitor, visit.detail.notes) == (
        zhao["visit"], VisitMethod.PHONE, "王书文", "说暖气不热")
    assert visit.detail.concerns == ((VisitTopic.HEATING, FindingLevel.URGENT),)


def test_history_of_a_household_without_any(
    database: Database, today: date
) -> None:
    with database.session() as s:
        household = _household(s, today, "501", "孙奶奶")
        assert household_history(s, household) == ()


def test_unknown_household_is_not_found(database: Database) -> None:
    with database.session() as s, pytest.raises(NotFoundError):
        household_history(s, 999_999)


def test_history_is_read_in_a_fixed_number_of_statements(
    database: Database, zhao: dict[str, int], today: date
) -> None:
    with database.session() as s:
        for day in range(40, 60):  # many more visits: still the same statements
            record_visit(s, VisitInput(household_id=zhao["zhao"],
                                       visit_date=today - timedelta(days=day),
                                       findings=(FindingInput(VisitTopic.GAS,
                                                              FindingLevel.CONCERN),)),
                         "clerk", today=today)
    with database.session() as s, counting(database) as statements:
        history = household_history(s, zhao["zhao"])
    assert len(history) == 26
    selects = [st for st in statements if st.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 6, selects
