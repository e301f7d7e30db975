"""Volunteer hours (服务时长) from events and delivery rounds, and the service record
certificate (志愿服务记录证明) with its kept certificate number.

CONTRACT — signatures and data shapes are fixed; bodies are being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session


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


def record_round(
    session: Session, event_id: int, volunteer_id: int, round_date: date, hours: float,
    actor: str,
) -> None:
    """Record (or correct) the hours of a volunteer's delivery round; 0 hours removes it."""
    raise NotImplementedError


def list_rounds(session: Session, event_id: int) -> list[RoundInfo]:
    """Delivery rounds of an event, with the stops each volunteer carried."""
    raise NotImplementedError


def hours_by_volunteer(
    session: Session, start: date | None = None, end: date | None = None
) -> dict[int, float]:
    """Hours per volunteer id from events and delivery rounds (inclusive dates)."""
    raise NotImplementedError


def service_record(
    session: Session, volunteer_id: int, start: date | None = None, end: date | None = None
) -> ServiceRecord:
    """A volunteer's events and delivery rounds over a period, oldest first."""
    raise NotImplementedError


def issue_certificate(
    session: Session, volunteer_id: int, actor: str, start: date | None = None,
    end: date | None = None, today: date | None = None,
) -> Certificate:
    """Number and keep a certificate (e.g. ``FW2026-0001``, sequential per year)."""
    raise NotImplementedError
