"""What the printed documents of an event show: delivery sheets and the event report.

Plain data for :mod:`stationapp.reports`, read straight from the models:

* :func:`delivery_sheets`: the pending stops of an event as walking routes, one sheet per
  volunteer and community in door order (building → unit → floor → room), a household with
  several items being one stop, numbered as the read model numbers it
  (:mod:`~stationapp.services.delivery_stops`: one number per stop, continuous across the
  volunteer's sheets, the same the deliveries panel shows); unassigned stops only when
  asked. A sheet carries only what the
  volunteer needs at the door: address, recipient, phone, items and the door notes of the
  delivery (行动不便, 请多敲门 …); never ID numbers, birth dates, care categories or the
  household's notes, which may hold health details.
* :func:`event_report`: the 活动记录 of an event: details, on-the-spot tallies, volunteers
  with hours, and every planned delivery with its outcome.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.address import Address
from stationapp.domain.care_models import DeliveryRound
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import (
    Delivery,
    DeliveryAttempt,
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
from stationapp.services.event_photos import event_photo_data
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteer_hours import event_hours, stops_by_volunteer

UNASSIGNED = "未分配"
"""Title of the sheet holding the stops no volunteer has been given yet."""
UNASSIGNED_WARNING = "未分配 — 请先指定志愿者"
"""What an unassigned sheet says in large letters, so it is not handed out by mistake."""
VOLUNTEER_OUTCOMES = tuple(
    o for o in DeliveryOutcome if o not in (DeliveryOutcome.PENDING, DeliveryOutcome.CANCELLED)
)
"""The outcomes a volunteer meets at the door (every one the program counts but 待送 and
the clerk's 取消): one tick box each on the sheet."""


@dataclass(frozen=True)
class SheetStop:
    """One door on a volunteer's sheet; ``items`` reads e.g. "春联 × 2、福字 × 1".

    ``previous`` says why the last visit failed on a redelivery
    ("上次未送达：不在家 11-04（邻居说去女儿家了）"), empty on a first visit.
    """

    number: int
    address: str
    recipient: str
    phone: str
    items: str
    notes: str
    previous: str = ""
    attempt: int = 1


@dataclass(frozen=True)
class VolunteerSheet:
    """A volunteer's stops in one community (one leg of the walking route, ``part`` of
    ``parts``) and the totals to take along: ``totals`` = (item, quantity, unit).

    ``unassigned``: the stops nobody has been given yet. ``redelivery``: some stop is a
    visit after a failed one, so the sheet shows the new date.
    """

    volunteer: str
    volunteer_phone: str
    stops: tuple[SheetStop, ...]
    totals: tuple[tuple[str, int, str], ...]
    community: str = ""
    part: int = 1
    parts: int = 1
    unassigned: bool = False

    @property
    def numbers(self) -> tuple[int, int] | None:
        """The first and last stop number on the sheet (None when it has no stop)."""
        if not self.stops:
            return None
        return (self.stops[0].number, self.stops[-1].number)

    @property
    def redelivery(self) -> bool:
        """True when some stop on the sheet is a second (or later) visit."""
        return any(stop.attempt > 1 for stop in self.stops)


@dataclass(frozen=True)
class DeliverySheets:
    """Everything printed on the delivery sheets of one event.

    ``delivery_day``: the day of this round, printed as the new date on redelivery sheets
    (None: the documents layer fills in the day of printing). ``left_out``: unassigned
    stops not printed (the clerk did not ask for them).
    """

    station_name: str
    station_phone: str
    event_title: str
    event_date: datetime
    sheets: tuple[VolunteerSheet, ...]
    delivery_day: date | None = None
    left_out: int = 0


@dataclass(frozen=True)
class ReportTally:
    """An item and how many of it (handed out on the spot, or delivered to doors)."""

    item: str
    quantity: int
    unit: str


@dataclass(frozen=True)
class ReportVolunteer:
    """A volunteer who served at the event or carried its deliveries, and the hours.

    ``hours`` is the volunteer's total for the event as
    :func:`~stationapp.services.volunteer_hours.event_hours` counts it (on the spot +
    delivery rounds), so it reconciles with the certificate and the monthly report;
    ``on_site`` the part served at the event, ``households`` the doors carried.
    """

    name: str
    phone: str
    hours: float
    on_site: float = 0.0
    households: int = 0
    served: bool = False
    """True when the volunteer is recorded as serving at the event itself."""

    @property
    def delivery_hours(self) -> float:
        """Hours of the volunteer's delivery rounds for the event."""
        return round(self.hours - self.on_site, 2)


@dataclass(frozen=True)
class ReportPhoto:
    """A photo printed in the report: the kept JPEG ``data`` (from the ledger) of
    ``width`` × ``height`` pixels and its caption."""

    data: bytes
    caption: str
    width: int
    height: int


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
    summary: str = ""
    """活动小结."""
    photos: tuple[ReportPhoto, ...] = ()
    preparer: str = ""
    """记录人 (station setting ``preparer``; empty: a blank line to sign)."""
    responsible_person: str = ""
    """负责人 (station setting ``responsible_person``)."""

    @property
    def total_hours(self) -> float:
        """Volunteer hours of the event (on the spot + delivery rounds), summed."""
        return round(sum(v.hours for v in self.volunteers), 2)

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
    *,
    include_unassigned: bool = False,
    delivery_day: date | None = None,
) -> DeliverySheets:
    """The pending stops of an event as walking routes: one sheet per volunteer and
    community (:func:`~stationapp.services.walking_route.walking_route`).

    Without a volunteer: every volunteer with pending stops (by name, as the deliveries
    list orders them); the stops nobody has yet are left out (counted in ``left_out``) unless
    ``include_unassigned``, then they come last on sheets marked "未分配 — 请先指定志愿者".
    With ``volunteer_id`` or ``volunteer_name``: that volunteer's sheets only, even when
    there is no stop left (one empty sheet).
    Within a volunteer's stops, one sheet per community (communities by name), doors in
    order building → unit → floor → room, each stop with the number the read model gives it
    (:func:`~stationapp.services.delivery_stops.read_stops`: continuous across the
    volunteer's sheets, counted over all the list's stops, so a reprint of the pending ones
    keeps their numbers; ``part``/``parts`` too come from the whole list). A stop visited
    before without success says what happened then (上次未送达：不在家 11-04).
    ``delivery_day`` is the day of this round, printed on redelivery sheets.
    """
    event = _event(session, event_id)
    settings = get_station_settings(session)
    wanted = _volunteer_ids(session, volunteer_id, volunteer_name)
    # volunteer → its stops, in the read model's order (volunteers by name, unassigned last)
    groups: dict[int | None, list[Stop]] = {}
    left_out = 0
    for stop in read_stops(session, event_id, volunteer_ids=wanted, pending_only=True):
        if stop.volunteer_id is None and not include_unassigned:
            left_out += 1
            continue
        groups.setdefault(stop.volunteer_id, []).append(stop)
    for asked in wanted or ():
        groups.setdefault(asked, [])

    volunteers = {
        v.id: v for v in session.scalars(
            select(Volunteer).where(Volunteer.id.in_([k for k in groups if k is not None]))
        )
    }
    previous = _previous_failures(session, [
        line.id for stops in groups.values() for stop in stops for line in stop.lines
        if line.attempt > 1
    ])

    def sheet_order(vid: int | None) -> tuple[int, str, int]:
        if vid is None:
            return (1, "", 0)
        return (0, volunteers[vid].name, vid)

    sheets: list[VolunteerSheet] = []
    for vid in sorted(groups, key=sheet_order):
        volunteer = volunteers.get(vid) if vid is not None else None
        name = volunteer.name if volunteer else UNASSIGNED
        phone = volunteer.phone if volunteer else ""
        legs: dict[int, list[Stop]] = {}
        for stop in groups[vid]:  # already in walking order, numbered
            legs.setdefault(stop.sheet, []).append(stop)
        if not legs:
            sheets.append(_sheet(name, phone, [], previous, unassigned=vid is None))
        for leg in legs.values():
            first = leg[0]
            sheets.append(_sheet(name, phone, leg, previous, community=first.community,
                                 part=first.sheet, parts=first.sheets,
                                 unassigned=vid is None))
    return DeliverySheets(
        station_name=settings.name,
        station_phone=settings.phone,
        event_title=event.title,
        event_date=event.starts_at,
        sheets=tuple(sheets),
        delivery_day=delivery_day,
        left_out=left_out,
    )


FAILED_OUTCOMES = (DeliveryOutcome.NOT_HOME, DeliveryOutcome.REFUSED,
                   DeliveryOutcome.WRONG_ADDRESS)


def _previous_failures(session: Session, delivery_ids: list[int]
                       ) -> dict[int, tuple[DeliveryOutcome, datetime, str]]:
    """Delivery id → its last failed visit (outcome, when, note), from the history."""
    found: dict[int, tuple[DeliveryOutcome, datetime, str]] = {}
    for start in range(0, len(delivery_ids), 500):
        chunk = delivery_ids[start:start + 500]
        for did, outcome, at, note in session.execute(
            select(DeliveryAttempt.delivery_id, DeliveryAttempt.outcome,
                   DeliveryAttempt.happened_at, DeliveryAttempt.note)
            .where(DeliveryAttempt.delivery_id.in_(chunk),
                   DeliveryAttempt.outcome.in_([o.value for o in FAILED_OUTCOMES]))
            .order_by(DeliveryAttempt.id)
        ):
            found[did] = (DeliveryOutcome(outcome), at, note or "")  # the last one wins
    return found


def previous_text(outcome: DeliveryOutcome, at: datetime, note: str) -> str:
    """上次未送达：不在家 11-04（邻居说去女儿家了）."""
    said = f"（{note.strip()}）" if note.strip() else ""
    return f"上次未送达：{outcome.label} {at:%m-%d}{said}"


def _sheet(name: str, phone: str, stops: list[Stop],
           previous: dict[int, tuple[DeliveryOutcome, datetime, str]], *,
           community: str = "", part: int = 1, parts: int = 1,
           unassigned: bool = False) -> VolunteerSheet:
    sheet_stops = []
    totals: dict[int, tuple[str, int, str]] = {}
    for stop in stops:
        for line in stop.lines:
            item, quantity, unit = totals.get(line.item_id, (line.item, 0, line.unit_label))
            totals[line.item_id] = (item, quantity + line.quantity, unit)
        notes = [stop.notes]
        if stop.attempt > 1:
            notes.append(f"第 {stop.attempt} 次上门")
        failures = [previous[line.id] for line in stop.lines if line.id in previous]
        sheet_stops.append(SheetStop(
            number=stop.number,
            address=stop.address,
            recipient=stop.recipient,
            phone=stop.phone,
            items=stop.items,
            notes=joined_notes(notes),
            previous=previous_text(*max(failures, key=lambda f: f[1])) if failures else "",
            attempt=stop.attempt,
        ))
    return VolunteerSheet(
        volunteer=name,
        volunteer_phone=phone,
        stops=tuple(sheet_stops),
        totals=tuple(totals[k] for k in sorted(totals)),
        community=community,
        part=part,
        parts=parts,
        unassigned=unassigned,
    )


def _report_volunteers(session: Session, event_id: int) -> tuple[ReportVolunteer, ...]:
    """Everyone who served at the event or carries (carried) its deliveries, by name, with
    the hours of the one definition (:func:`event_hours`)."""
    hours = event_hours(session, event_id)
    on_site = {vid: float(h or 0.0) for vid, h in session.execute(
        select(EventVolunteer.volunteer_id, EventVolunteer.hours)
        .where(EventVolunteer.event_id == event_id))}
    doors = stops_by_volunteer(session, event_id)
    rounds = set(session.scalars(select(DeliveryRound.volunteer_id)
                                 .where(DeliveryRound.event_id == event_id)))
    ids = set(hours) | set(on_site) | set(doors) | rounds
    people: list[Any] = list(session.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.phone).where(Volunteer.id.in_(ids))
    )) if ids else []
    found = [
        ReportVolunteer(name, phone, hours.get(vid, 0.0), round(on_site.get(vid, 0.0), 2),
                        doors.get(vid, 0), vid in on_site)
        for vid, name, phone in people
    ]
    return tuple(sorted(found, key=lambda v: (v.name, v.phone)))


def event_report(session: Session, event_id: int) -> EventReportData:
    """The event report (活动记录): details, tallies, volunteers and hours (on the spot and
    delivery rounds, :mod:`~stationapp.services.volunteer_hours`), deliveries, summary,
    photos and who signs it."""
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
    served = _report_volunteers(session, event_id)
    photos = tuple(ReportPhoto(data, p.caption, p.width, p.height)
                   for p, data in event_photo_data(session, event_id))

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
        volunteers=served,
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
        summary=event.summary,
        photos=photos,
        preparer=getattr(settings, "preparer", ""),
        responsible_person=getattr(settings, "responsible_person", ""),
    )
