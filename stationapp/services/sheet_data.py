"""What the printed documents of an event show: delivery sheets and the event report.

Plain data for :mod:`stationapp.reports`, read straight from the models:

* :func:`delivery_sheets`: the pending stops of an event, one sheet per volunteer in stop
  order, a household with several items being one stop. A sheet carries only what the
  volunteer needs at the door: address, recipient, phone, items and the door notes of the
  delivery (行动不便, 请多敲门 …); never ID numbers, birth dates, care categories or the
  household's notes, which may hold health details.
* :func:`event_report`: the 活动记录 of an event: details, on-the-spot tallies, volunteers
  with hours, and every planned delivery with its outcome.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.address import Address
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import (
    Delivery,
    Event,
    EventTally,
    EventType,
    EventVolunteer,
    Item,
    Volunteer,
)
from stationapp.domain.models import Community, Household
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import msg
from stationapp.services.delivery_stops import Stop, joined_notes, read_stops
from stationapp.services.settings import get_station_settings

UNASSIGNED = "未分配"
"""Title of the sheet holding the stops no volunteer has been given yet."""


@dataclass(frozen=True)
class SheetStop:
    """One door on a volunteer's sheet; ``items`` reads e.g. "春联 × 2、福字 × 1"."""

    number: int
    address: str
    recipient: str
    phone: str
    items: str
    notes: str


@dataclass(frozen=True)
class VolunteerSheet:
    """A volunteer's stops and the totals to take along: ``totals`` = (item, quantity, unit)."""

    volunteer: str
    volunteer_phone: str
    stops: tuple[SheetStop, ...]
    totals: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class DeliverySheets:
    """Everything printed on the delivery sheets of one event."""

    station_name: str
    station_phone: str
    event_title: str
    event_date: datetime
    sheets: tuple[VolunteerSheet, ...]


@dataclass(frozen=True)
class ReportTally:
    """An item and how many of it (handed out on the spot, or delivered to doors)."""

    item: str
    quantity: int
    unit: str


@dataclass(frozen=True)
class ReportVolunteer:
    """A volunteer who served at the event and the hours served."""

    name: str
    phone: str
    hours: float


@dataclass(frozen=True)
class ReportDelivery:
    """One planned delivery (household × item) and what became of it."""

    household_id: int
    address: str
    recipient: str
    items: str
    volunteer: str
    outcome: DeliveryOutcome
    note: str
    outcome_at: datetime | None
    attempt: int


@dataclass(frozen=True)
class EventReportData:
    """Everything printed in the event report (活动记录)."""

    station_name: str
    station_phone: str
    event_type: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    organiser: str
    description: str
    participant_count: int
    tallies: tuple[ReportTally, ...]
    volunteers: tuple[ReportVolunteer, ...]
    outcome_counts: tuple[tuple[DeliveryOutcome, int], ...]
    """Every outcome in vocabulary order with its number of deliveries (0 included)."""
    delivered: tuple[ReportTally, ...]
    """Quantities actually delivered to doors, per item."""
    deliveries: tuple[ReportDelivery, ...]

    @property
    def total_hours(self) -> float:
        """Volunteer hours of the event, summed."""
        return sum(v.hours for v in self.volunteers)

    @property
    def households_planned(self) -> int:
        """Distinct households with at least one planned delivery."""
        return len({d.household_id for d in self.deliveries})


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(msg("delivery.event_not_found", id=event_id))
    return event


def _address(row: Any) -> Address:
    """The address of a result row with community, building, unit and room columns."""
    return Address(row.community, row.building, row.unit, row.room)


def _items_text(lines: list[tuple[str, int]]) -> str:
    return "、".join(f"{name} × {quantity}" for name, quantity in lines)


def _volunteer_ids(session: Session, volunteer_id: int | None,
                   volunteer_name: str | None) -> list[int] | None:
    """The volunteers asked for (None = all); NotFoundError for an unknown one."""
    if volunteer_id is not None:
        if session.get(Volunteer, volunteer_id) is None:
            raise NotFoundError(msg("delivery.volunteer_not_found", ids=str(volunteer_id)))
        return [volunteer_id]
    if volunteer_name is not None:
        name = volunteer_name.strip()
        ids = list(session.scalars(select(Volunteer.id).where(Volunteer.name == name)))
        if not ids:
            raise NotFoundError(msg("delivery.volunteer_name_not_found", name=name))
        return ids
    return None


def delivery_sheets(
    session: Session,
    event_id: int,
    volunteer_id: int | None = None,
    volunteer_name: str | None = None,
) -> DeliverySheets:
    """The pending stops of an event grouped into one sheet per volunteer.

    Without a volunteer: every volunteer with pending stops (by name, as the deliveries
    list orders them), then the stops nobody has yet on a sheet titled "未分配". With
    ``volunteer_id`` or ``volunteer_name``: that volunteer's sheet only, even when it has
    no stop left.
    Stops are those of the one read model (:func:`~stationapp.services.delivery_stops.
    read_stops`) in its order, the clerk's stop order, then the natural address order;
    they are numbered 1, 2, 3 … on each sheet.
    """
    event = _event(session, event_id)
    settings = get_station_settings(session)
    wanted = _volunteer_ids(session, volunteer_id, volunteer_name)
    # volunteer → its stops, in the read model's order (volunteers by name, unassigned last)
    groups: dict[int | None, list[Stop]] = {}
    for stop in read_stops(session, event_id, volunteer_ids=wanted, pending_only=True):
        groups.setdefault(stop.volunteer_id, []).append(stop)
    for asked in wanted or ():
        groups.setdefault(asked, [])

    volunteers = {
        v.id: v for v in session.scalars(
            select(Volunteer).where(Volunteer.id.in_([k for k in groups if k is not None]))
        )
    }

    def sheet_order(vid: int | None) -> tuple[int, str, int]:
        if vid is None:
            return (1, "", 0)
        return (0, volunteers[vid].name, vid)

    sheets = []
    for vid in sorted(groups, key=sheet_order):
        volunteer = volunteers.get(vid) if vid is not None else None
        sheets.append(_sheet(
            volunteer.name if volunteer else UNASSIGNED,
            volunteer.phone if volunteer else "",
            groups[vid],
        ))
    return DeliverySheets(
        station_name=settings.name,
        station_phone=settings.phone,
        event_title=event.title,
        event_date=event.starts_at,
        sheets=tuple(sheets),
    )


def _sheet(name: str, phone: str, stops: list[Stop]) -> VolunteerSheet:
    sheet_stops = []
    totals: dict[int, tuple[str, int, str]] = {}
    for number, stop in enumerate(stops, start=1):
        for line in stop.lines:
            item, quantity, unit = totals.get(line.item_id, (line.item, 0, line.unit_label))
            totals[line.item_id] = (item, quantity + line.quantity, unit)
        notes = [stop.notes]
        if stop.attempt > 1:
            notes.append(f"第 {stop.attempt} 次上门")
        sheet_stops.append(SheetStop(
            number=number,
            address=stop.address,
            recipient=stop.recipient,
            phone=stop.phone,
            items=stop.items,
            notes=joined_notes(notes),
        ))
    return VolunteerSheet(
        volunteer=name,
        volunteer_phone=phone,
        stops=tuple(sheet_stops),
        totals=tuple(totals[k] for k in sorted(totals)),
    )


def event_report(session: Session, event_id: int) -> EventReportData:
    """The event report (活动记录): details, tallies, volunteers and hours, deliveries."""
    event = _event(session, event_id)
    settings = get_station_settings(session)
    type_name = session.scalar(select(EventType.name).where(EventType.id == event.event_type_id))

    tallies = tuple(
        ReportTally(name, quantity, unit)
        for name, quantity, unit in session.execute(
            select(Item.name, EventTally.quantity, Item.unit)
            .join(Item, Item.id == EventTally.item_id)
            .where(EventTally.event_id == event_id)
            .order_by(Item.id)
        )
    )
    served = [
        ReportVolunteer(name, phone, float(hours))
        for name, phone, hours in session.execute(
            select(Volunteer.name, Volunteer.phone, EventVolunteer.hours)
            .join(Volunteer, Volunteer.id == EventVolunteer.volunteer_id)
            .where(EventVolunteer.event_id == event_id)
        )
    ]
    served.sort(key=lambda v: v.name)

    rows: list[Any] = list(session.execute(
        select(
            Delivery.item_id, Delivery.quantity, Delivery.outcome, Delivery.outcome_note,
            Delivery.outcome_at, Delivery.attempt, Delivery.household_id,
            Item.name.label("item"), Item.unit.label("unit_label"),
            Volunteer.name.label("volunteer"), Community.name.label("community"),
            Household.building, Household.unit, Household.room, Household.head_name,
        )
        .join(Item, Item.id == Delivery.item_id)
        .join(Household, Household.id == Delivery.household_id)
        .join(Community, Community.id == Household.community_id)
        .outerjoin(Volunteer, Volunteer.id == Delivery.volunteer_id)
        .where(Delivery.event_id == event_id)
    ))
    rows.sort(key=lambda r: (_address(r).sort_key(), r.household_id, r.item_id))
    counts = Counter(DeliveryOutcome(r.outcome) for r in rows)
    delivered: dict[int, tuple[str, int, str]] = {}
    for r in rows:
        if r.outcome == DeliveryOutcome.DELIVERED:
            item, quantity, unit = delivered.get(r.item_id, (r.item, 0, r.unit_label))
            delivered[r.item_id] = (item, quantity + r.quantity, unit)

    return EventReportData(
        station_name=settings.name,
        station_phone=settings.phone,
        event_type=type_name or "",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        organiser=event.organiser,
        description=event.description,
        participant_count=event.participant_count,
        tallies=tallies,
        volunteers=tuple(served),
        outcome_counts=tuple((o, counts.get(o, 0)) for o in DeliveryOutcome),
        delivered=tuple(ReportTally(*delivered[k]) for k in sorted(delivered)),
        deliveries=tuple(
            ReportDelivery(
                household_id=r.household_id,
                address=_address(r).display(),
                recipient=r.head_name,
                items=_items_text([(r.item, r.quantity)]),
                volunteer=r.volunteer or UNASSIGNED,
                outcome=DeliveryOutcome(r.outcome),
                note=r.outcome_note,
                outcome_at=r.outcome_at,
                attempt=r.attempt,
            )
            for r in rows
        ),
    )
