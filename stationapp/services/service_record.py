"""Volunteer hours (服务时长) from events and delivery rounds, and the service record
certificate (志愿服务记录证明) with its kept certificate number.

Hours come from two places: the hours a volunteer served at an event (EventVolunteer,
dated by the event's start) and delivery rounds (送上门), one per event, volunteer and
day. A certificate is numbered once per year in sequence (``FW2026-0001``) and kept
with the hours and period it certifies.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound, ServiceCertificate
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, Event, EventType, EventVolunteer, Volunteer
from stationapp.domain.search_keys import name_pinyin
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import msg
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteers import get_volunteer

log = logging.getLogger("stationapp.services")

_MAX_HOURS = 24.0
NUMBER_PREFIX = "FW"
"""Certificate numbers read ``FW<year>-<sequence>``, e.g. ``FW2026-0001``."""


@dataclass(frozen=True)
class RoundInfo:
    """A volunteer's delivery round for an event on one day."""

    event_id: int
    volunteer_id: int
    volunteer: str
    round_date: date
    hours: float
    stops: int


@dataclass(frozen=True)
class ServiceEntry:
    """One line of a service record: an event served at or a delivery round."""

    day: date
    what: str
    kind: str  # "event" or "delivery"
    hours: float


@dataclass(frozen=True)
class ServiceRecord:
    """A volunteer's service over a period, with total hours."""

    volunteer_id: int
    name: str
    phone: str
    community: str
    roles: tuple[str, ...]
    start: date | None
    end: date | None
    entries: tuple[ServiceEntry, ...]
    total_hours: float


@dataclass(frozen=True)
class Certificate:
    """An issued certificate: its number, the record it certifies and who issues it."""

    number: str
    issued_on: date
    station: str
    station_phone: str
    record: ServiceRecord


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("volunteer.period_reversed"))


def _stops(session: Session, event_id: int) -> dict[int, int]:
    """Households each volunteer carried (or carries) for the event; cancelled ones aside."""
    query = (
        select(Delivery.volunteer_id, func.count(func.distinct(Delivery.household_id)))
        .where(Delivery.event_id == event_id, Delivery.volunteer_id.is_not(None),
               Delivery.outcome != DeliveryOutcome.CANCELLED.value)
        .group_by(Delivery.volunteer_id)
    )
    return {vid: int(n) for vid, n in session.execute(query) if vid is not None}


def record_round(
    session: Session, event_id: int, volunteer_id: int, round_date: date, hours: float,
    actor: str, today: date,
) -> None:
    """Record (or correct) the hours of a volunteer's delivery round; 0 hours removes it.

    ValidationError on ``hours`` outside 0–24 or a ``round_date`` after ``today``;
    NotFoundError for an unknown event or volunteer.
    """
    value = float(hours)
    if math.isnan(value) or not 0.0 <= value <= _MAX_HOURS:
        raise ValidationError("hours", msg("volunteer.hours_range"))
    if round_date > today:
        raise ValidationError("round_date", msg("volunteer.round_in_future"))
    if session.get(Event, event_id) is None:
        raise NotFoundError(msg("volunteer.event_not_found", id=event_id))
    if session.get(Volunteer, volunteer_id) is None:
        raise NotFoundError(msg("volunteer.not_found", id=volunteer_id))
    found = session.scalar(select(DeliveryRound).where(
        DeliveryRound.event_id == event_id, DeliveryRound.volunteer_id == volunteer_id,
        DeliveryRound.round_date == round_date,
    ))
    if value == 0.0:
        if found is not None:
            session.delete(found)
    elif found is None:
        session.add(DeliveryRound(event_id=event_id, volunteer_id=volunteer_id,
                                  round_date=round_date, hours=round(value, 2),
                                  updated_by=actor))
    else:
        found.hours, found.updated_by = round(value, 2), actor
    session.flush()
    log.info("round of volunteer %s for event %s on %s: %s h by %s",
             volunteer_id, event_id, round_date, value, actor)


def list_rounds(session: Session, event_id: int) -> list[RoundInfo]:
    """Delivery rounds of an event, with the stops each volunteer carried.

    By day, then the pinyin of the volunteer's name. ``stops`` counts the households of
    the event's deliveries assigned to that volunteer (cancelled ones aside).
    """
    stops = _stops(session, event_id)
    query = (
        select(DeliveryRound.volunteer_id, Volunteer.name, DeliveryRound.round_date,
               DeliveryRound.hours)
        .join(Volunteer, DeliveryRound.volunteer_id == Volunteer.id)
        .where(DeliveryRound.event_id == event_id)
    )
    rounds = [RoundInfo(event_id, vid, name, day, float(hours), stops.get(vid, 0))
              for vid, name, day, hours in session.execute(query)]
    return sorted(rounds, key=lambda r: (r.round_date, name_pinyin(r.volunteer),
                                         r.volunteer_id))


def _event_window(query: Any, start: date | None, end: date | None) -> Any:
    if start is not None:
        query = query.where(Event.starts_at >= datetime.combine(start, time.min))
    if end is not None:
        query = query.where(Event.starts_at < datetime.combine(end + timedelta(days=1),
                                                               time.min))
    return query


def _round_window(query: Any, start: date | None, end: date | None) -> Any:
    if start is not None:
        query = query.where(DeliveryRound.round_date >= start)
    if end is not None:
        query = query.where(DeliveryRound.round_date <= end)
    return query


def hours_by_volunteer(
    session: Session, start: date | None = None, end: date | None = None
) -> dict[int, float]:
    """Hours per volunteer id from events and delivery rounds (inclusive dates).

    Event hours count on the day the event starts; volunteers without hours in the
    period are left out.
    """
    _check_period(start, end)
    totals: dict[int, float] = defaultdict(float)
    events = _event_window(
        select(EventVolunteer.volunteer_id, func.sum(EventVolunteer.hours))
        .join(Event, EventVolunteer.event_id == Event.id)
        .group_by(EventVolunteer.volunteer_id), start, end,
    )
    rounds = _round_window(
        select(DeliveryRound.volunteer_id, func.sum(DeliveryRound.hours))
        .group_by(DeliveryRound.volunteer_id), start, end,
    )
    for query in (events, rounds):
        for vid, hours in session.execute(query):
            totals[vid] += float(hours or 0.0)
    return {vid: round(hours, 2) for vid, hours in totals.items() if hours > 0}


def service_record(
    session: Session, volunteer_id: int, start: date | None = None, end: date | None = None
) -> ServiceRecord:
    """A volunteer's events and delivery rounds over a period, oldest first.

    Events read ``<event type> · <title>``, rounds ``送上门：<title>（n 户）``; roles read
    ``锦华一区监督员``. NotFoundError for an unknown volunteer.
    """
    _check_period(start, end)
    person = get_volunteer(session, volunteer_id)
    entries: list[tuple[date, int, ServiceEntry]] = []
    events = _event_window(
        select(Event.starts_at, Event.id, EventType.name, Event.title, EventVolunteer.hours)
        .join(Event, EventVolunteer.event_id == Event.id)
        .join(EventType, Event.event_type_id == EventType.id)
        .where(EventVolunteer.volunteer_id == volunteer_id), start, end,
    )
    for starts_at, _eid, type_name, title, hours in session.execute(events):
        day = starts_at.date()
        entries.append((day, 0, ServiceEntry(day, f"{type_name} · {title}", "event",
                                             float(hours))))
    rounds = _round_window(
        select(DeliveryRound.round_date, DeliveryRound.event_id, Event.title,
               DeliveryRound.hours)
        .join(Event, DeliveryRound.event_id == Event.id)
        .where(DeliveryRound.volunteer_id == volunteer_id), start, end,
    )
    stops: dict[int, int] = {}
    for day, event_id, title, hours in session.execute(rounds):
        if event_id not in stops:
            stops[event_id] = _stops(session, event_id).get(volunteer_id, 0)
        entries.append((day, 1, ServiceEntry(day, f"送上门：{title}（{stops[event_id]} 户）",
                                             "delivery", float(hours))))
    entries.sort(key=lambda e: (e[0], e[1], e[2].what))
    return ServiceRecord(
        volunteer_id=person.id, name=person.name, phone=person.phone,
        community=person.community, roles=tuple(r.label for r in person.roles),
        start=start, end=end, entries=tuple(e for _, _, e in entries),
        total_hours=round(sum(e.hours for _, _, e in entries), 2),
    )


def _next_number(session: Session, year: int) -> str:
    prefix = f"{NUMBER_PREFIX}{year}-"
    taken = session.scalars(
        select(ServiceCertificate.number).where(ServiceCertificate.number.like(f"{prefix}%"))
    )
    last = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


def issue_certificate(
    session: Session, volunteer_id: int, actor: str, start: date | None = None,
    end: date | None = None, *, today: date,
) -> Certificate:
    """Number and keep a certificate (e.g. ``FW2026-0001``, sequential per year).

    The year of the number is the year of issue (``today``). ValidationError on
    ``hours`` when the period has no hours; ConflictError when another desk took the
    same number at the same moment (issuing again gets the next one).
    """
    record = service_record(session, volunteer_id, start, end)
    if record.total_hours <= 0:
        raise ValidationError("hours", msg("volunteer.no_hours"))
    number = _next_number(session, today.year)
    session.add(ServiceCertificate(
        number=number, volunteer_id=volunteer_id, issued_on=today, period_start=start,
        period_end=end, hours=record.total_hours, actor=actor,
    ))
    try:
        session.flush()
    except IntegrityError as exc:
        raise ConflictError(msg("volunteer.certificate_taken", number=number)) from exc
    settings = get_station_settings(session)
    log.info("certificate %s for volunteer %s (%s h) by %s", number, volunteer_id,
             record.total_hours, actor)
    return Certificate(number=number, issued_on=today, station=settings.name,
                       station_phone=settings.phone, record=record)


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate as kept: number, date of issue, period, hours and who issued it."""

    number: str
    issued_on: date
    period_start: date | None
    period_end: date | None
    hours: float
    actor: str


def list_certificates(session: Session, volunteer_id: int) -> list[IssuedCertificate]:
    """Certificates issued to a volunteer, newest first."""
    query = (
        select(ServiceCertificate)
        .where(ServiceCertificate.volunteer_id == volunteer_id)
        .order_by(ServiceCertificate.issued_on.desc(), ServiceCertificate.id.desc())
    )
    return [IssuedCertificate(c.number, c.issued_on, c.period_start, c.period_end, c.hours,
                              c.actor) for c in session.scalars(query)]


__all__ = [
    "NUMBER_PREFIX", "Certificate", "IssuedCertificate", "RoundInfo", "ServiceEntry",
    "ServiceRecord", "hours_by_volunteer", "issue_certificate", "list_certificates",
    "list_rounds", "record_round", "service_record",
]
