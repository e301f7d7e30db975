"""One household's history: its visits, requests, deliveries and status changes.

When 赵阿姨 phones, the clerk opens her household and sees in one list what the station did
for her, newest first: each visit (回访), each request (诉求), each delivery of an event
(送上门, with its outcome) and each change of the household's status (迁出, 注销, back on
the ledger). The entries come from the domain tables, not from the audit trail.

The read is a fixed number of statements whatever the household's history holds (one per
kind, one for the visits' findings, one for the household itself): no statement per entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.care_models import CareRequest, RequestCategory, Visit, VisitFinding
from stationapp.domain.care_vocab import FindingLevel, RequestStatus, VisitMethod, VisitTopic
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import Delivery, Event, Item, Volunteer
from stationapp.domain.models import Household, HouseholdStatusChange
from stationapp.domain.vocab import DeliveryOutcome, HouseholdStatus
from stationapp.messages import msg


class HistoryKind(StrEnum):
    """What an entry of a household's history is."""

    VISIT = "visit"
    REQUEST = "request"
    DELIVERY = "delivery"
    STATUS = "status"


@dataclass(frozen=True)
class VisitEntry:
    """A visit: how it was made, by whom, what it found that was not all right."""

    visit_id: int
    method: VisitMethod
    visitor: str
    concerns: tuple[tuple[VisitTopic, FindingLevel], ...]
    needs_follow_up: bool
    notes: str


@dataclass(frozen=True)
class RequestEntry:
    """A request: its category, what was asked and where its handling stands."""

    request_id: int
    category: str
    description: str
    status: RequestStatus
    received_at: datetime


@dataclass(frozen=True)
class DeliveryEntry:
    """An item delivered (or to be delivered) to the door for an event, and its outcome."""

    delivery_id: int
    event_id: int
    event_title: str
    event_starts_at: datetime
    item: str
    unit: str
    quantity: int
    outcome: DeliveryOutcome
    outcome_at: datetime | None
    outcome_note: str
    volunteer: str
    attempt: int


@dataclass(frozen=True)
class StatusEntry:
    """A change of the household's status; ``previous`` is the status it left."""

    change_id: int
    status: HouseholdStatus
    previous: HouseholdStatus
    reason: str
    actor: str
    recorded_at: datetime


EntryDetail = VisitEntry | RequestEntry | DeliveryEntry | StatusEntry
"""What one entry holds, by kind."""


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a household's history: the day, the kind and what happened.

    ``day`` is the visit's date, the day a request was received, the event's day of a
    delivery, and the effective date of a status change.
    """

    kind: HistoryKind
    day: date
    detail: EntryDetail

    @property
    def record_id(self) -> int:
        """The id of the visit, request, delivery or status change behind the entry."""
        detail = self.detail
        if isinstance(detail, VisitEntry):
            return detail.visit_id
        if isinstance(detail, RequestEntry):
            return detail.request_id
        if isinstance(detail, DeliveryEntry):
            return detail.delivery_id
        return detail.change_id


_KIND_ORDER = {HistoryKind.STATUS: 3, HistoryKind.REQUEST: 2, HistoryKind.VISIT: 1,
               HistoryKind.DELIVERY: 0}
"""On the same day and time: a status change above a request above a visit above a delivery."""


def _moment(entry: HistoryEntry) -> datetime:
    detail = entry.detail
    if isinstance(detail, RequestEntry):
        return detail.received_at
    if isinstance(detail, DeliveryEntry):
        return detail.event_starts_at
    return datetime.combine(entry.day, time.min)


def _newest_first(entry: HistoryEntry) -> tuple[date, datetime, int, int]:
    return entry.day, _moment(entry), _KIND_ORDER[entry.kind], entry.record_id


def _visits(session: Session, household_id: int) -> list[HistoryEntry]:
    rows = session.execute(
        select(Visit.id, Visit.visit_date, Visit.method, Volunteer.name, Visit.needs_follow_up,
               Visit.notes)
        .outerjoin(Volunteer, Volunteer.id == Visit.visitor_id)
        .where(Visit.household_id == household_id)
    ).all()
    concerns: dict[int, list[tuple[VisitTopic, FindingLevel]]] = {}
    findings = session.execute(
        select(VisitFinding.visit_id, VisitFinding.topic, VisitFinding.level)
        .join(Visit, Visit.id == VisitFinding.visit_id)
        .where(Visit.household_id == household_id, VisitFinding.level != FindingLevel.OK)
    ).all()
    topic_order = {topic: i for i, topic in enumerate(VisitTopic)}
    for visit_id, topic, level in sorted(findings, key=lambda f: topic_order[VisitTopic(f[1])]):
        concerns.setdefault(visit_id, []).append((VisitTopic(topic), FindingLevel(level)))
    return [
        HistoryEntry(HistoryKind.VISIT, day, VisitEntry(
            visit_id=visit_id, method=VisitMethod(method), visitor=visitor or "",
            concerns=tuple(concerns.get(visit_id, ())), needs_follow_up=follow_up,
            notes=notes))
        for visit_id, day, method, visitor, follow_up, notes in rows
    ]


def _requests(session: Session, household_id: int) -> list[HistoryEntry]:
    rows = session.execute(
        select(CareRequest.id, CareRequest.received_at, RequestCategory.name,
               CareRequest.description, CareRequest.status)
        .join(RequestCategory, RequestCategory.id == CareRequest.category_id)
        .where(CareRequest.household_id == household_id)
    ).all()
    return [
        HistoryEntry(HistoryKind.REQUEST, received.date(), RequestEntry(
            request_id=request_id, category=category, description=description,
            status=RequestStatus(status), received_at=received))
        for request_id, received, category, description, status in rows
    ]


def _deliveries(session: Session, household_id: int) -> list[HistoryEntry]:
    rows = session.execute(
        select(Delivery.id, Delivery.event_id, Event.title, Event.starts_at, Item.name,
               Item.unit, Delivery.quantity, Delivery.outcome, Delivery.outcome_at,
               Delivery.outcome_note, Volunteer.name, Delivery.attempt)
        .join(Event, Event.id == Delivery.event_id)
        .join(Item, Item.id == Delivery.item_id)
        .outerjoin(Volunteer, Volunteer.id == Delivery.volunteer_id)
        .where(Delivery.household_id == household_id)
    ).all()
    return [
        HistoryEntry(HistoryKind.DELIVERY, starts_at.date(), DeliveryEntry(
            delivery_id=delivery_id, event_id=event_id, event_title=title,
            event_starts_at=starts_at, item=item, unit=unit, quantity=quantity,
            outcome=DeliveryOutcome(outcome), outcome_at=outcome_at, outcome_note=note,
            volunteer=volunteer or "", attempt=attempt))
        for (delivery_id, event_id, title, starts_at, item, unit, quantity, outcome,
             outcome_at, note, volunteer, attempt) in rows
    ]


def _status_changes(session: Session, household_id: int) -> list[HistoryEntry]:
    rows = session.execute(
        select(HouseholdStatusChange.id, HouseholdStatusChange.effective_date,
               HouseholdStatusChange.status, HouseholdStatusChange.reason,
               HouseholdStatusChange.actor, HouseholdStatusChange.recorded_at)
        .where(HouseholdStatusChange.household_id == household_id)
        .order_by(HouseholdStatusChange.effective_date, HouseholdStatusChange.id)
    ).all()
    entries: list[HistoryEntry] = []
    previous = HouseholdStatus.ACTIVE  # every household comes onto the ledger active
    for change_id, day, status, reason, actor, recorded_at in rows:
        entries.append(HistoryEntry(HistoryKind.STATUS, day, StatusEntry(
            change_id=change_id, status=HouseholdStatus(status), previous=previous,
            reason=reason, actor=actor, recorded_at=recorded_at)))
        previous = HouseholdStatus(status)
    return entries


def household_history(session: Session, household_id: int) -> tuple[HistoryEntry, ...]:
    """The history of household ``household_id``, newest first.

    Raises :class:`~stationapp.domain.errors.NotFoundError` when the household is not on
    the ledger (in any status).
    """
    if session.scalar(select(Household.id).where(Household.id == household_id)) is None:
        raise NotFoundError(msg("household.not_found", id=household_id))
    entries = [*_visits(session, household_id), *_requests(session, household_id),
               *_deliveries(session, household_id), *_status_changes(session, household_id)]
    return tuple(sorted(entries, key=_newest_first, reverse=True))


__all__ = [
    "DeliveryEntry",
    "EntryDetail",
    "HistoryEntry",
    "HistoryKind",
    "RequestEntry",
    "StatusEntry",
    "VisitEntry",
    "household_history",
]
