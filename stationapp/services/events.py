"""Community events (活动): list, search, read, create and edit.

An event has a type from the station's list, a title, start (and optional end) time,
place, organiser, description, the number of participants, tallies of what was handed
out on the spot (春联 100 幅, 宣传材料 100 份 …) and the volunteers who served with their
hours. Door-to-door deliveries hang off an event (see the ``stationapp.services.delivery_*``
modules); the event list shows how many are planned, done and still pending.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
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
from stationapp.domain.search_keys import name_pinyin
from stationapp.domain.text_rules import check_text
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.domain.workbench_data import EventRow
from stationapp.messages import msg
from stationapp.services._common import (
    Problems,
    check_root_version,
    flush_or_conflict,
    like_pattern,
)

log = logging.getLogger("stationapp.services")

_MAX_HOURS = 24.0
_MAX_COUNT = 1_000_000
_EARLIEST_YEAR = 1949
_LATEST_YEAR = 2100
_CONFLICT = msg("event.changed_meanwhile")


@dataclass(frozen=True)
class TallyInput:
    """How many of a catalogue item were handed out on the spot."""

    item_id: int
    quantity: int


@dataclass(frozen=True)
class ServiceInput:
    """A volunteer who served at the event and for how many hours."""

    volunteer_id: int
    hours: float


@dataclass(frozen=True)
class EventInput:
    """An event as typed in the editor; ``version`` is the one read (None when new)."""

    event_type_id: int
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    place: str = ""
    organiser: str = ""
    description: str = ""
    participant_count: int = 0
    tallies: tuple[TallyInput, ...] = ()
    volunteers: tuple[ServiceInput, ...] = ()
    version: int | None = None


@dataclass(frozen=True)
class TallyInfo:
    """A tally as stored, with the item's name and unit."""

    item_id: int
    item: str
    unit: str
    quantity: int


@dataclass(frozen=True)
class ServiceInfo:
    """A volunteer who served at the event, with hours."""

    volunteer_id: int
    name: str
    phone: str
    hours: float


@dataclass(frozen=True)
class EventDetail:
    """Everything the event editor shows."""

    id: int
    event_type_id: int
    type: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    organiser: str
    description: str
    participant_count: int
    tallies: tuple[TallyInfo, ...]
    volunteers: tuple[ServiceInfo, ...]
    created_at: datetime
    updated_at: datetime
    updated_by: str
    version: int
    summary: str = ""
    """活动小结 (saved with :func:`set_event_summary`, not through the editor's input)."""

    def as_input(self) -> EventInput:
        """The event as the editor edits it."""
        return EventInput(
            event_type_id=self.event_type_id, title=self.title, starts_at=self.starts_at,
            ends_at=self.ends_at, place=self.place, organiser=self.organiser,
            description=self.description, participant_count=self.participant_count,
            tallies=tuple(TallyInput(t.item_id, t.quantity) for t in self.tallies),
            volunteers=tuple(ServiceInput(v.volunteer_id, v.hours) for v in self.volunteers),
            version=self.version,
        )


# ---------------------------------------------------------------- listing


def list_events(
    session: Session,
    search: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[EventRow]:
    """Events newest first, with delivery counts.

    ``search``: every word must occur in the title, place, organiser or type name
    (case-insensitive). ``date_from`` / ``date_to`` are inclusive days of the start time.
    """
    counts = (
        select(
            Delivery.event_id.label("event_id"),
            func.sum(case((Delivery.outcome != DeliveryOutcome.CANCELLED.value, 1), else_=0))
            .label("planned"),
            func.sum(case((Delivery.outcome == DeliveryOutcome.DELIVERED.value, 1), else_=0))
            .label("done"),
            func.sum(case((Delivery.outcome == DeliveryOutcome.PENDING.value, 1), else_=0))
            .label("pending"),
        )
        .group_by(Delivery.event_id)
        .subquery()
    )
    stops = _stop_counts()
    query: Any = (
        select(
            Event.id, EventType.name, Event.title, Event.starts_at, Event.place,
            Event.participant_count, counts.c.planned, counts.c.done, counts.c.pending,
            stops.c.planned, stops.c.done, stops.c.pending,
        )
        .join(EventType, Event.event_type_id == EventType.id)
        .outerjoin(counts, counts.c.event_id == Event.id)
        .outerjoin(stops, stops.c.event_id == Event.id)
    )
    for word in search.split():
        pattern = like_pattern(word.lower())
        query = query.where(or_(*(
            func.lower(column).like(pattern, escape="\\")
            for column in (Event.title, Event.place, Event.organiser, EventType.name)
        )))
    if date_from is not None:
        query = query.where(Event.starts_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        query = query.where(
            Event.starts_at < datetime.combine(date_to + timedelta(days=1), time.min)
        )
    query = query.order_by(Event.starts_at.desc(), Event.id.desc())
    return [
        EventRow(
            id=eid, type=type_name, title=title, starts_at=starts_at, place=place,
            participant_count=participants, deliveries_planned=int(planned or 0),
            deliveries_done=int(done or 0), deliveries_pending=int(pending or 0),
            households_planned=int(stops_planned or 0), households_done=int(stops_done or 0),
            households_pending=int(stops_pending or 0),
        )
        for (eid, type_name, title, starts_at, place, participants, planned, done, pending,
             stops_planned, stops_done, stops_pending)
        in session.execute(query)
    ]


def _stop_counts() -> Any:
    """Per event: stops (volunteer × household) planned, delivered and still to go."""
    per_stop = (
        select(
            Delivery.event_id.label("event_id"),
            func.max(case((Delivery.outcome != DeliveryOutcome.CANCELLED.value, 1), else_=0))
            .label("live"),
            func.min(case((Delivery.outcome == DeliveryOutcome.DELIVERED.value, 1), else_=0))
            .label("done"),
            func.max(case((Delivery.outcome == DeliveryOutcome.PENDING.value, 1), else_=0))
            .label("pending"),
        )
        .group_by(Delivery.event_id, Delivery.volunteer_id, Delivery.household_id)
        .subquery()
    )
    return (
        select(
            per_stop.c.event_id,
            func.sum(per_stop.c.live).label("planned"),
            func.sum(per_stop.c.done).label("done"),
            func.sum(per_stop.c.pending).label("pending"),
        )
        .group_by(per_stop.c.event_id)
        .subquery()
    )


# ---------------------------------------------------------------- reading


def _load(session: Session, event_id: int) -> Event:
    event = session.get(
        Event, event_id,
        options=[
            selectinload(Event.event_type),
            selectinload(Event.tallies).selectinload(EventTally.item),
            selectinload(Event.volunteers).selectinload(EventVolunteer.volunteer),
        ],
    )
    if event is None:
        raise NotFoundError(msg("event.not_found", id=event_id))
    return event


def get_event(session: Session, event_id: int) -> EventDetail:
    """The whole event with tallies and volunteers; NotFoundError if unknown."""
    event = _load(session, event_id)
    tallies = sorted(event.tallies, key=lambda t: t.item_id)
    served = sorted(event.volunteers,
                    key=lambda s: (name_pinyin(s.volunteer.name), s.volunteer_id))
    return EventDetail(
        id=event.id, event_type_id=event.event_type_id, type=event.event_type.name,
        title=event.title, starts_at=event.starts_at, ends_at=event.ends_at,
        place=event.place, organiser=event.organiser, description=event.description,
        participant_count=event.participant_count,
        tallies=tuple(TallyInfo(t.item_id, t.item.name, t.item.unit, t.quantity)
                      for t in tallies),
        volunteers=tuple(ServiceInfo(s.volunteer_id, s.volunteer.name, s.volunteer.phone,
                                     s.hours) for s in served),
        created_at=event.created_at, updated_at=event.updated_at,
        updated_by=event.updated_by, version=event.version, summary=event.summary,
    )


# ---------------------------------------------------------------- validation


def _naive(moment: datetime) -> datetime:
    """Times are stored as the desk's local wall-clock time, without a zone."""
    if moment.tzinfo is not None:
        return moment.astimezone().replace(tzinfo=None)
    return moment


def validate_event(
    session: Session, data: EventInput, current: Event | None = None
) -> EventInput:
    """Check and tidy an event from the editor; ValidationError lists every problem.

    Field names: ``title``, ``event_type_id``, ``starts_at``, ``ends_at``, ``place``,
    ``organiser``, ``participant_count``, ``tallies[i].item_id``, ``tallies[i].quantity``,
    ``volunteers[i].volunteer_id``, ``volunteers[i].hours``. Inactive event types and
    items are accepted only when ``current`` (the stored event) already uses them.
    Reads the database but never writes.
    """
    problems = Problems()
    title = " ".join(problems.rule("title", data.title, text_rules.EVENT_TITLE).split())
    if not title:
        problems.add("title", msg("event.title_missing"))

    event_type = session.get(EventType, data.event_type_id)
    if event_type is None:
        problems.add("event_type_id", msg("event.type_missing"))
    elif not event_type.active and (current is None or current.event_type_id != event_type.id):
        problems.add("event_type_id", msg("event.type_inactive", name=event_type.name))

    starts_at = _naive(data.starts_at)
    ends_at = _naive(data.ends_at) if data.ends_at is not None else None
    if not _EARLIEST_YEAR <= starts_at.year <= _LATEST_YEAR:
        problems.add("starts_at", msg("event.year_out_of_range"))
    if ends_at is not None and ends_at < starts_at:
        problems.add("ends_at", msg("event.ends_before_start"))

    place = problems.rule("place", data.place, text_rules.EVENT_PLACE)
    organiser = problems.rule("organiser", data.organiser, text_rules.EVENT_ORGANISER)
    description = problems.rule("description", data.description, text_rules.EVENT_DESCRIPTION)
    if data.participant_count < 0:
        problems.add("participant_count", msg("event.participants_negative"))
    elif data.participant_count > _MAX_COUNT:
        problems.add("participant_count", msg("event.participants_too_many"))

    tallies = _check_tallies(session, data.tallies, current, problems)
    volunteers = _check_volunteers(session, data.volunteers, current, problems)
    problems.raise_if_any()
    return EventInput(
        event_type_id=data.event_type_id, title=title, starts_at=starts_at, ends_at=ends_at,
        place=place, organiser=organiser, description=description,
        participant_count=data.participant_count, tallies=tallies, volunteers=volunteers,
        version=data.version,
    )


def _check_tallies(
    session: Session, tallies: tuple[TallyInput, ...], current: Event | None,
    problems: Problems,
) -> tuple[TallyInput, ...]:
    used = {t.item_id for t in current.tallies} if current is not None else set()
    items = {i.id: i for i in session.scalars(
        select(Item).where(Item.id.in_([t.item_id for t in tallies]))
    )} if tallies else {}
    seen: set[int] = set()
    for i, tally in enumerate(tallies):
        item = items.get(tally.item_id)
        if item is None:
            problems.add(f"tallies[{i}].item_id", msg("event.item_missing"))
        elif tally.item_id in seen:
            problems.add(f"tallies[{i}].item_id", msg("event.item_twice", name=item.name))
        elif not item.active and tally.item_id not in used:
            problems.add(f"tallies[{i}].item_id", msg("event.item_inactive", name=item.name))
        seen.add(tally.item_id)
        if tally.quantity < 0:
            problems.add(f"tallies[{i}].quantity", msg("event.quantity_negative"))
        elif tally.quantity > _MAX_COUNT:
            problems.add(f"tallies[{i}].quantity", msg("event.quantity_too_large"))
    return tallies


def _check_volunteers(
    session: Session, volunteers: tuple[ServiceInput, ...], current: Event | None,
    problems: Problems,
) -> tuple[ServiceInput, ...]:
    known = set(session.scalars(
        select(Volunteer.id).where(Volunteer.id.in_([v.volunteer_id for v in volunteers]))
    )) if volunteers else set()
    seen: set[int] = set()
    tidy: list[ServiceInput] = []
    for i, service in enumerate(volunteers):
        if service.volunteer_id not in known:
            problems.add(f"volunteers[{i}].volunteer_id", msg("event.volunteer_missing"))
        elif service.volunteer_id in seen:
            problems.add(f"volunteers[{i}].volunteer_id", msg("event.volunteer_twice"))
        seen.add(service.volunteer_id)
        hours = float(service.hours)
        if math.isnan(hours) or not 0.0 <= hours <= _MAX_HOURS:
            problems.add(f"volunteers[{i}].hours",
                         msg("event.hours_out_of_range", most=int(_MAX_HOURS)))
        tidy.append(ServiceInput(service.volunteer_id,
                                 round(hours, 2) if math.isfinite(hours) else hours))
    return tuple(tidy)


# ---------------------------------------------------------------- writing


def _apply(event: Event, data: EventInput, actor: str) -> None:
    event.event_type_id, event.title = data.event_type_id, data.title
    event.starts_at, event.ends_at = data.starts_at, data.ends_at
    event.place, event.organiser = data.place, data.organiser
    event.description, event.participant_count = data.description, data.participant_count
    event.updated_by = actor

    wanted_tallies = {t.item_id: t.quantity for t in data.tallies}
    event.tallies = [t for t in event.tallies if t.item_id in wanted_tallies]
    for tally in event.tallies:
        tally.quantity = wanted_tallies.pop(tally.item_id)
    event.tallies.extend(EventTally(item_id=item_id, quantity=quantity)
                         for item_id, quantity in wanted_tallies.items())

    wanted_hours = {v.volunteer_id: v.hours for v in data.volunteers}
    event.volunteers = [v for v in event.volunteers if v.volunteer_id in wanted_hours]
    for service in event.volunteers:
        service.hours = wanted_hours.pop(service.volunteer_id)
    event.volunteers.extend(EventVolunteer(volunteer_id=volunteer_id, hours=hours)
                            for volunteer_id, hours in wanted_hours.items())


def create_event(session: Session, data: EventInput, actor: str) -> int:
    """Validate and record a new event with its tallies and volunteers; returns the id."""
    data = validate_event(session, data)
    event = Event(tallies=[], volunteers=[])
    _apply(event, data, actor)
    session.add(event)
    session.flush()
    log.info("event %s created by %s", event.id, actor)
    return event.id


def update_event(session: Session, event_id: int, data: EventInput, actor: str) -> None:
    """Validate and save changes; ConflictError when someone saved it in between.

    Every save bumps the event's version, also when only tallies or volunteers changed,
    so two desks editing the same event always notice each other.
    """
    event = _load(session, event_id)
    check_root_version(data.version, event, msg("event.what", id=event_id))
    data = validate_event(session, data, event)
    # One flush writes the event and its tallies and volunteers: one version step per save.
    with session.no_autoflush:
        _apply(event, data, actor)
    # Forces the versioned UPDATE, also when only tallies or volunteers changed.
    event.updated_at = session_clock(session).now()
    flag_modified(event, "updated_at")
    flush_or_conflict(session, _CONFLICT)
    log.info("event %s updated by %s", event_id, actor)


SUMMARY_LIMIT = 2000
"""Most characters of an event's summary (活动小结)."""


def set_event_summary(
    session: Session, event_id: int, summary: str, actor: str, version: int | None = None
) -> str:
    """Save the summary (活动小结) of event ``event_id``; returns it as saved (trimmed).

    NotFoundError for an unknown event; ValidationError on ``summary`` for control
    characters or more than :data:`SUMMARY_LIMIT` characters; ConflictError when
    ``version`` (the one read, None: do not check) is no longer the event's.
    """
    event = _load(session, event_id)
    check_root_version(version, event, msg("event.what", id=event_id))
    text = check_text(summary, "summary", msg("event.field_summary"), SUMMARY_LIMIT,
                      multiline=True)
    event.summary = text
    event.updated_by = actor
    flush_or_conflict(session, _CONFLICT)
    log.info("event %s summary saved by %s", event_id, actor)
    return text


__all__ = [
    "SUMMARY_LIMIT", "EventDetail", "EventInput", "EventRow", "ServiceInfo", "ServiceInput",
    "TallyInfo", "TallyInput", "create_event", "get_event", "list_events", "set_event_summary",
    "update_event", "validate_event",
]
