"""工作台's data as plain values: the workbench and its rows, and their JSON form.

The services read them (:mod:`stationapp.services.workbench` and the services of each list
re-export them); the start-up decodes a workbench kept in the ledger
(:mod:`stationapp.db.workbench_snapshot`) before SQLAlchemy is imported. So this module
imports nothing but the standard library and the domain's vocabularies.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any

from stationapp.domain.care_vocab import RequestStatus, Satisfaction
from stationapp.domain.vocab import CareTier

FIRST_LINES = 5
"""How many lines of each list the workbench keeps (the counts are whole)."""

UPCOMING_DAYS = 30
"""Events starting within this many days from today are upcoming."""

RECENT_DAYS = 30
"""Events of the last this many days are shown while deliveries are still to go."""

CALENDAR_DAYS = 60
"""The calendar shows this many days from today."""

_Day = date
"""``date`` under another name, for the fields after a field called ``date``."""


class ItemKind(StrEnum):
    """What a calendar item is."""

    FESTIVAL = "festival"
    """A traditional festival (春节, 元宵节, 端午节, 中秋节, 重阳节 …)."""
    HOLIDAY = "holiday"
    """Statutory holiday days off (``date`` to ``end``)."""
    WORKDAY = "workday"
    """A weekend day worked to make up for a holiday (调休上班)."""
    BIRTHDAY = "birthday"
    """A resident's round-number birthday (整寿)."""
    SOLAR_TERM = "solar_term"
    """One of the 24 solar terms (节气)."""


@dataclass(frozen=True)
class CalendarItem:
    """One entry of the calendar ahead and what it concerns."""

    date: date
    kind: ItemKind
    name: str
    """The festival's, holiday's or solar term's Chinese name; for a birthday the
    resident's name; for a workday the holiday it makes up for."""
    lunar: str
    """The lunar date of ``date``, e.g. "九月初九"."""
    end: _Day | None = None
    """The last day off of a holiday (None for the other kinds)."""
    confirmed: bool = True
    """False for holidays known only from the law: the year's arrangement is not published
    yet (add it to the holiday file)."""
    elderly_households: int | None = None
    """Festivals: active households with someone aged 80 or more on that day."""
    household_id: int | None = None
    """Birthdays: the resident's household."""
    address: str = ""
    """Birthdays: the household's address."""
    resident_id: int | None = None
    age: int | None = None
    """Birthdays: the round age reached (see ``domain.lunar_calendar.AGE_COUNTING``)."""
    by_lunar: bool = False
    """Birthdays: reckoned on the lunar date."""


@dataclass(frozen=True)
class OverdueRow:
    """One line of the overdue list (most days overdue first)."""

    household_id: int
    address: str
    head: str
    phone: str
    tier: CareTier
    liaison: str
    last_visit: date | None
    due: date
    days_overdue: int


@dataclass(frozen=True)
class ReminderRow:
    """One dated reminder."""

    id: int
    household_id: int
    address: str
    head: str
    due_date: date
    text: str
    assignee: str
    done: bool
    visit_id: int | None


@dataclass(frozen=True)
class RequestRow:
    """One line of the requests table, newest first."""

    id: int
    household_id: int
    address: str
    head: str
    phone: str
    category: str
    description: str
    channel: str
    received_at: datetime
    assignee: str
    status: RequestStatus
    days_open: int
    overdue: bool
    satisfaction: Satisfaction | None


@dataclass(frozen=True)
class EventRow:
    """One line of the event list.

    ``deliveries_planned`` counts every delivery (item line) of the event except cancelled
    ones; ``deliveries_done`` those delivered (已送达); ``deliveries_pending`` those still
    to go (待送). Not-home, refused and wrong-address stops are planned but neither.

    ``households_*`` count stops (户) the way the deliveries panel does: one per volunteer ×
    household, whatever the number of items. ``households_planned`` are the stops with a
    delivery not cancelled, ``households_done`` those whose every delivery was delivered,
    ``households_pending`` those with a delivery still to go.
    """

    id: int
    type: str
    title: str
    starts_at: datetime
    place: str
    participant_count: int
    deliveries_planned: int
    deliveries_done: int
    deliveries_pending: int
    households_planned: int = 0
    households_done: int = 0
    households_pending: int = 0


@dataclass(frozen=True)
class Workbench:
    """What needs doing on ``today``."""

    today: date
    visits_overdue: int
    """Active households past their visit date."""
    visits_due_today: int
    """Active households whose visit falls due today."""
    visits: tuple[OverdueRow, ...]
    """The first households due or overdue, most days overdue first."""
    reminders_due_today: int
    reminders_overdue: int
    """Reminders due before today and not done."""
    reminders: tuple[ReminderRow, ...]
    """The first reminders due today or earlier, earliest first."""
    requests_open: int
    requests_overdue: int
    requests: tuple[RequestRow, ...]
    """The first open requests past the time limit, oldest first."""
    events: tuple[EventRow, ...]
    """Upcoming events (next :data:`UPCOMING_DAYS` days) and recent ones with deliveries
    still to go, earliest first (not cut to the first lines: there are few)."""
    calendar: tuple[CalendarItem, ...] = ()
    """The next :data:`CALENDAR_DAYS` days: festivals, holidays, 调休 workdays and 整寿, in
    date order (no solar terms)."""
    calendar_problem: str = ""
    """Why the station's holiday file was not read (holidays then come from the built-in
    tables only); "" when it was."""

    @property
    def visits_due(self) -> int:
        """Households due today or overdue."""
        return self.visits_overdue + self.visits_due_today

    @property
    def reminders_due(self) -> int:
        """Reminders due today or earlier and not done."""
        return self.reminders_due_today + self.reminders_overdue

    @property
    def households_pending(self) -> int:
        """Households (stops) still waiting for a delivery, over the events listed."""
        return sum(event.households_pending for event in self.events)


# ------------------------------------------------------------------ JSON

WORKBENCH_FORMAT = 1
"""The version of :func:`encode_workbench`'s JSON; a kept workbench of another version is
not used."""


def _plain(value: Any) -> Any:
    """``value`` as JSON takes it: dataclasses as objects, dates as ISO text, enums by value."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


def encode_workbench(bench: Workbench) -> str:
    """``bench`` as JSON text (:func:`decode_workbench` gives it back equal)."""
    return json.dumps(_plain(bench), ensure_ascii=False, separators=(",", ":"))


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


_DAY = date.fromisoformat
_MOMENT = datetime.fromisoformat
_CONVERT: dict[type, Mapping[str, Callable[[Any], Any]]] = {
    OverdueRow: {"tier": CareTier, "last_visit": _optional(_DAY), "due": _DAY},
    ReminderRow: {"due_date": _DAY},
    RequestRow: {"received_at": _MOMENT, "status": RequestStatus,
                 "satisfaction": _optional(Satisfaction)},
    EventRow: {"starts_at": _MOMENT},
    CalendarItem: {"date": _DAY, "kind": ItemKind, "end": _optional(_DAY)},
}


def _row(kind: type, data: Mapping[str, Any]) -> Any:
    convert = _CONVERT[kind]
    return kind(**{name: convert[name](value) if name in convert else value
                   for name, value in data.items()})


def decode_workbench(text: str) -> Workbench:
    """The workbench :func:`encode_workbench` wrote as ``text``. Raises ``ValueError``
    (``json.JSONDecodeError`` included), ``TypeError`` or ``KeyError`` for text that is not
    one."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a workbench")
    lists = {"visits": OverdueRow, "reminders": ReminderRow, "requests": RequestRow,
             "events": EventRow, "calendar": CalendarItem}
    values = dict(data)
    values["today"] = _DAY(data["today"])
    for name, kind in lists.items():
        values[name] = tuple(_row(kind, row) for row in data[name])
    return Workbench(**values)


__all__ = ["CALENDAR_DAYS", "FIRST_LINES", "RECENT_DAYS", "UPCOMING_DAYS", "WORKBENCH_FORMAT",
           "CalendarItem", "EventRow", "ItemKind", "OverdueRow", "ReminderRow", "RequestRow",
           "Workbench", "decode_workbench", "encode_workbench"]
