"""Volunteer hours (服务时长) from events and delivery rounds, and the service record
certificate (志愿服务记录证明) with its kept certificate number.

Hours are defined once, in :mod:`stationapp.services.volunteer_hours` (events served +
delivery rounds); this module records the rounds and builds the record a certificate
prints. A certificate is numbered once per year in sequence (``FW2026-0001``) and kept in
the register (:func:`certificate_register`) with the period and hours it certifies;
printing the same record again reuses its number and is counted as a reprint (补打).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound, ServiceCertificate
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Event, Volunteer
from stationapp.domain.search_keys import name_pinyin
from stationapp.messages import msg
from stationapp.services import volunteer_hours
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteer_hours import HoursLine, check_period, stops_by_volunteer
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


ServiceEntry = HoursLine
"""One line of a service record: an event served at or a delivery round."""


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


DEFAULT_ID_TYPE = "居民身份证"
"""The ID type printed when a volunteer's record has an ID number but names no type."""


@dataclass(frozen=True)
class Certificate:
    """An issued certificate: its number, the record it certifies and who issues it.

    ``reprinted_on`` is set when this print is a reprint (补打) of a kept certificate.
    ``id_type``/``id_number`` are the volunteer's own (printed in full: the certificate is
    handed to the volunteer; "" when the record has none), ``volunteer_number`` their
    volunteer number (the station's number of the volunteer when no other is kept).
    ``responsible_person`` (负责人) and ``preparer`` (经办人) come from the station settings.
    """

    number: str
    issued_on: date
    station: str
    station_phone: str
    record: ServiceRecord
    reprinted_on: date | None = None
    reprint_count: int = 0
    id_type: str = ""
    id_number: str = ""
    volunteer_number: str = ""
    responsible_person: str = ""
    preparer: str = ""

    @property
    def is_reprint(self) -> bool:
        """True when this print is a reprint (补打) of a kept certificate."""
        return self.reprinted_on is not None


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
    stops = stops_by_volunteer(session, event_id)
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


def hours_by_volunteer(
    session: Session, start: date | None = None, end: date | None = None
) -> dict[int, float]:
    """Hours per volunteer id from events and delivery rounds (inclusive dates): the one
    definition, :func:`stationapp.services.volunteer_hours.hours_by_volunteer`."""
    return volunteer_hours.hours_by_volunteer(session, start, end)


def service_record(
    session: Session, volunteer_id: int, start: date | None = None, end: date | None = None
) -> ServiceRecord:
    """A volunteer's events and delivery rounds over a period, oldest first (the lines of
    :func:`stationapp.services.volunteer_hours.volunteer_hours`).

    Events read ``<event type> · <title>``, rounds ``送上门：<title>（n 户）``; roles read
    ``锦华一区监督员``. NotFoundError for an unknown volunteer.
    """
    check_period(start, end)
    person = get_volunteer(session, volunteer_id)
    hours = volunteer_hours.volunteer_hours(session, volunteer_id, start, end)
    return ServiceRecord(
        volunteer_id=person.id, name=person.name, phone=person.phone,
        community=person.community, roles=tuple(r.label for r in person.roles),
        start=start, end=end, entries=hours.lines, total_hours=hours.total,
    )


def _next_number(session: Session, year: int) -> str:
    prefix = f"{NUMBER_PREFIX}{year}-"
    taken = session.scalars(
        select(ServiceCertificate.number).where(ServiceCertificate.number.like(f"{prefix}%"))
    )
    last = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


def _same_hours(a: float, b: float) -> bool:
    return abs(a - b) < 0.005


def _certificate(
    session: Session, row: ServiceCertificate, record: ServiceRecord, *, reprinted_on: date | None
) -> Certificate:
    settings = get_station_settings(session)
    person = session.get(Volunteer, row.volunteer_id)
    id_number = str(getattr(person, "id_number", "") or "")
    id_type = str(getattr(person, "id_type", "") or "") or (DEFAULT_ID_TYPE if id_number else "")
    volunteer_number = str(getattr(person, "volunteer_number", "") or "") or str(
        row.volunteer_id)
    return Certificate(
        number=row.number, issued_on=row.issued_on, station=settings.name,
        station_phone=settings.sign_off_phone, record=record, reprinted_on=reprinted_on,
        reprint_count=row.reprint_count or 0, id_type=id_type, id_number=id_number,
        volunteer_number=volunteer_number,
        responsible_person=str(getattr(settings, "responsible_person", "") or ""),
        preparer=str(getattr(settings, "preparer", "") or ""),
    )


def _mark_reprint(row: ServiceCertificate, actor: str, today: date) -> None:
    row.reprint_count = (row.reprint_count or 0) + 1
    row.reprinted_on, row.reprinted_by = today, actor


def issue_certificate(
    session: Session, volunteer_id: int, actor: str, start: date | None = None,
    end: date | None = None, *, today: date,
) -> Certificate:
    """Number and keep a certificate (e.g. ``FW2026-0001``, sequential per year), or
    reprint the one already kept for the same record.

    The period is kept as printed: ``start`` defaults to the first service of the record,
    ``end`` to ``today``. When the register already holds a certificate of the same
    volunteer, period and hours, that certificate is printed again (补打): same number and
    date of issue, ``reprinted_on`` = ``today``, and the register counts the reprint. A new
    number is given only for a new certificate; its year is the year of issue (``today``).

    ValidationError on ``hours`` when the period has no hours; ConflictError when another
    desk took the same number at the same moment (issuing again gets the next one).
    """
    record = service_record(session, volunteer_id, start, end)
    if record.total_hours <= 0:
        raise ValidationError("hours", msg("volunteer.no_hours"))
    record = replace(record, start=start or record.entries[0].day, end=end or today)
    kept = session.scalars(
        select(ServiceCertificate)
        .where(ServiceCertificate.volunteer_id == volunteer_id,
               ServiceCertificate.period_start == record.start,
               ServiceCertificate.period_end == record.end)
        .order_by(ServiceCertificate.id.desc())
    )
    for row in kept:
        if _same_hours(row.hours, record.total_hours):
            _mark_reprint(row, actor, today)
            session.flush()
            log.info("certificate %s reprinted for volunteer %s by %s", row.number,
                     volunteer_id, actor)
            return _certificate(session, row, record, reprinted_on=today)
    number = _next_number(session, today.year)
    row = ServiceCertificate(
        number=number, volunteer_id=volunteer_id, issued_on=today,
        period_start=record.start, period_end=record.end, hours=record.total_hours,
        actor=actor, reprint_count=0, reprinted_by="",
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ConflictError(msg("volunteer.certificate_taken", number=number)) from exc
    log.info("certificate %s for volunteer %s (%s h) by %s", number, volunteer_id,
             record.total_hours, actor)
    return _certificate(session, row, record, reprinted_on=None)


def reprint_certificate(
    session: Session, number: str, actor: str, *, today: date
) -> Certificate:
    """Print the kept certificate ``number`` again (补打): the same number, period and date
    of issue, marked as reprinted on ``today``; the register counts it.

    NotFoundError for an unknown number; ConflictError when the hours of its period have
    changed since it was issued (issue a new certificate for the period instead).
    """
    row = session.scalar(select(ServiceCertificate).where(ServiceCertificate.number == number))
    if row is None:
        raise NotFoundError(msg("volunteer.certificate_not_found", number=number))
    record = service_record(session, row.volunteer_id, row.period_start, row.period_end)
    if not _same_hours(row.hours, record.total_hours):
        raise ConflictError(msg("volunteer.certificate_changed", number=number,
                                kept=f"{row.hours:g}", now=f"{record.total_hours:g}"))
    if row.period_start is None and record.entries:
        record = replace(record, start=record.entries[0].day)
    record = replace(record, end=row.period_end or row.issued_on)
    _mark_reprint(row, actor, today)
    session.flush()
    log.info("certificate %s reprinted by %s", number, actor)
    return _certificate(session, row, record, reprinted_on=today)


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate as kept: number, date of issue, period, hours, who issued it, and its
    reprints (how many, the last one's day and who printed it)."""

    number: str
    issued_on: date
    period_start: date | None
    period_end: date | None
    hours: float
    actor: str
    reprint_count: int = 0
    reprinted_on: date | None = None
    reprinted_by: str = ""


def list_certificates(session: Session, volunteer_id: int) -> list[IssuedCertificate]:
    """Certificates issued to a volunteer, newest first."""
    query = (
        select(ServiceCertificate)
        .where(ServiceCertificate.volunteer_id == volunteer_id)
        .order_by(ServiceCertificate.issued_on.desc(), ServiceCertificate.id.desc())
    )
    return [IssuedCertificate(c.number, c.issued_on, c.period_start, c.period_end, c.hours,
                              c.actor, c.reprint_count or 0, c.reprinted_on,
                              c.reprinted_by or "") for c in session.scalars(query)]


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the register of certificates (证明登记簿)."""

    number: str
    volunteer_id: int
    volunteer: str
    period_start: date | None
    period_end: date | None
    hours: float
    issued_by: str
    issued_on: date
    reprint_count: int
    reprinted_on: date | None
    reprinted_by: str


REGISTER_FIELDS = ("number", "volunteer_id", "volunteer", "period_start", "period_end",
                   "hours", "issued_by", "issued_on", "reprint_count", "reprinted_on",
                   "reprinted_by")
"""The fields of :class:`RegisterEntry`, in the order an export writes them."""


def certificate_register(
    session: Session, *, year: int | None = None, volunteer_id: int | None = None
) -> list[RegisterEntry]:
    """The register of certificates: every certificate kept, by date of issue then number;
    only those issued in ``year`` or to ``volunteer_id`` when given."""
    query = (
        select(ServiceCertificate, Volunteer.name)
        .join(Volunteer, ServiceCertificate.volunteer_id == Volunteer.id)
        .order_by(ServiceCertificate.issued_on, ServiceCertificate.number)
    )
    if year is not None:
        query = query.where(ServiceCertificate.issued_on >= date(year, 1, 1),
                            ServiceCertificate.issued_on <= date(year, 12, 31))
    if volunteer_id is not None:
        query = query.where(ServiceCertificate.volunteer_id == volunteer_id)
    return [
        RegisterEntry(c.number, c.volunteer_id, name, c.period_start, c.period_end, c.hours,
                      c.actor, c.issued_on, c.reprint_count or 0, c.reprinted_on,
                      c.reprinted_by or "")
        for c, name in session.execute(query)
    ]


__all__ = [
    "NUMBER_PREFIX", "REGISTER_FIELDS", "Certificate", "IssuedCertificate", "RegisterEntry",
    "RoundInfo", "ServiceEntry", "ServiceRecord", "certificate_register", "hours_by_volunteer",
    "issue_certificate", "list_certificates", "list_rounds", "record_round",
    "reprint_certificate", "service_record",
]
