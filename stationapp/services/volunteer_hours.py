"""The one definition of a volunteer's service hours (服务时长).

A volunteer's hours are the sum of two kinds of lines, and nothing else:

- **event** lines: the hours recorded for the volunteer at an event (``EventVolunteer``),
  dated by the day the event starts;
- **delivery** lines: the volunteer's delivery rounds (送上门, ``DeliveryRound``), one per
  event, volunteer and day, dated by the round's day.

Everything that prints or counts hours asks this module: the service certificate (a
volunteer over a period, with the lines), the monthly report (every volunteer over a month:
:func:`hours_by_volunteer`) and the event report (every volunteer of one event, its delivery
rounds included whatever their day: :func:`event_hours`). Periods are inclusive local dates;
``None`` leaves that side open. Totals are rounded to 0.01 h once, at the end.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound
from stationapp.domain.errors import ValidationError
from stationapp.domain.event_models import Delivery, Event, EventType, EventVolunteer
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import msg

EVENT = "event"
"""Kind of a line for hours served at an event."""
DELIVERY = "delivery"
"""Kind of a line for a delivery round."""


@dataclass(frozen=True)
class HoursLine:
    """One line of a volunteer's hours: an event served at or a delivery round.

    ``what`` reads ``<event type> · <title>`` for an event and ``送上门：<title>（n 户）`` for
    a round (n: households of the event's deliveries assigned to the volunteer, cancelled
    ones aside).
    """

    day: date
    what: str
    kind: str  # EVENT or DELIVERY
    hours: float
    event_id: int = 0


@dataclass(frozen=True)
class VolunteerHours:
    """A volunteer's hours over a period: the lines (oldest first) and their sums."""

    volunteer_id: int
    start: date | None
    end: date | None
    lines: tuple[HoursLine, ...]

    @property
    def total(self) -> float:
        """All hours of the period (events + delivery rounds), rounded to 0.01."""
        return round(sum(line.hours for line in self.lines), 2)

    @property
    def event_hours(self) -> float:
        """Hours served at events, rounded to 0.01."""
        return round(sum(line.hours for line in self.lines if line.kind == EVENT), 2)

    @property
    def delivery_hours(self) -> float:
        """Hours of delivery rounds, rounded to 0.01."""
        return round(sum(line.hours for line in self.lines if line.kind == DELIVERY), 2)


def check_period(start: date | None, end: date | None) -> None:
    """ValidationError on ``end`` when the period ends before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("volunteer.period_reversed"))


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


def stops_by_volunteer(session: Session, event_id: int) -> dict[int, int]:
    """Households each volunteer carried (or carries) for the event; cancelled ones aside."""
    query = (
        select(Delivery.volunteer_id, func.count(func.distinct(Delivery.household_id)))
        .where(Delivery.event_id == event_id, Delivery.volunteer_id.is_not(None),
               Delivery.outcome != DeliveryOutcome.CANCELLED.value)
        .group_by(Delivery.volunteer_id)
    )
    return {vid: int(n) for vid, n in session.execute(query) if vid is not None}


def volunteer_hours(
    session: Session, volunteer_id: int, start: date | None = None, end: date | None = None
) -> VolunteerHours:
    """The hours of volunteer ``volunteer_id`` from ``start`` to ``end`` (inclusive), with
    the lines, oldest first (on one day: events before rounds, then by ``what``).

    An unknown volunteer simply has no lines. ValidationError on ``end`` before ``start``.
    """
    check_period(start, end)
    entries: list[tuple[date, int, HoursLine]] = []
    events = _event_window(
        select(Event.starts_at, Event.id, EventType.name, Event.title, EventVolunteer.hours)
        .join(Event, EventVolunteer.event_id == Event.id)
        .join(EventType, Event.event_type_id == EventType.id)
        .where(EventVolunteer.volunteer_id == volunteer_id), start, end,
    )
    for starts_at, event_id, type_name, title, hours in session.execute(events):
        day = starts_at.date()
        entries.append((day, 0, HoursLine(day, f"{type_name} · {title}", EVENT,
                                          float(hours or 0.0), event_id)))
    rounds = _round_window(
        select(DeliveryRound.round_date, DeliveryRound.event_id, Event.title,
               DeliveryRound.hours)
        .join(Event, DeliveryRound.event_id == Event.id)
        .where(DeliveryRound.volunteer_id == volunteer_id), start, end,
    )
    stops: dict[int, int] = {}
    for day, event_id, title, hours in session.execute(rounds):
        if event_id not in stops:
            stops[event_id] = stops_by_volunteer(session, event_id).get(volunteer_id, 0)
        entries.append((day, 1, HoursLine(day, f"送上门：{title}（{stops[event_id]} 户）",
                                          DELIVERY, float(hours or 0.0), event_id)))
    entries.sort(key=lambda e: (e[0], e[1], e[2].what))
    return VolunteerHours(volunteer_id, start, end, tuple(e for _, _, e in entries))


def _totals(session: Session, queries: tuple[Any, ...]) -> dict[int, float]:
    totals: dict[int, float] = defaultdict(float)
    for query in queries:
        for vid, hours in session.execute(query):
            totals[vid] += float(hours or 0.0)
    return {vid: round(hours, 2) for vid, hours in totals.items() if round(hours, 2) > 0}


def hours_by_volunteer(
    session: Session, start: date | None = None, end: date | None = None
) -> dict[int, float]:
    """Hours per volunteer id from ``start`` to ``end`` (inclusive), events + delivery
    rounds; volunteers without hours in the period are left out.

    Each value equals ``volunteer_hours(session, id, start, end).total``.
    ValidationError on ``end`` before ``start``.
    """
    check_period(start, end)
    events = _event_window(
        select(EventVolunteer.volunteer_id, func.sum(EventVolunteer.hours))
        .join(Event, EventVolunteer.event_id == Event.id)
        .group_by(EventVolunteer.volunteer_id), start, end,
    )
    rounds = _round_window(
        select(DeliveryRound.volunteer_id, func.sum(DeliveryRound.hours))
        .group_by(DeliveryRound.volunteer_id), start, end,
    )
    return _totals(session, (events, rounds))


def event_hours(session: Session, event_id: int) -> dict[int, float]:
    """Hours per volunteer id for one event: hours served at it + its delivery rounds
    (whatever their day); volunteers without hours are left out.

    Summed over the events that start in a period whose rounds fall in it too, these equal
    :func:`hours_by_volunteer` for that period. An unknown event has no hours.
    """
    events = (select(EventVolunteer.volunteer_id, func.sum(EventVolunteer.hours))
              .where(EventVolunteer.event_id == event_id)
              .group_by(EventVolunteer.volunteer_id))
    rounds = (select(DeliveryRound.volunteer_id, func.sum(DeliveryRound.hours))
              .where(DeliveryRound.event_id == event_id)
              .group_by(DeliveryRound.volunteer_id))
    return _totals(session, (events, rounds))


__all__ = [
    "DELIVERY", "EVENT", "HoursLine", "VolunteerHours", "check_period", "event_hours",
    "hours_by_volunteer", "stops_by_volunteer", "volunteer_hours",
]
