"""工作台: what needs doing today, read for the home page in one call.

For one day (the caller reads it from the clock): the visits due today and overdue, the
follow-up reminders due today or earlier and not done, the open requests and those past
the station's time limit, and the events of the coming days and the recent ones that
still have deliveries to go. Counts are whole; each list keeps only its first lines.

And the calendar of the next :data:`CALENDAR_DAYS` days (festivals with their households
aged 80+, statutory holidays, 调休 workdays, the residents' 整寿), with the event templates
of :mod:`stationapp.domain.event_templates` turned into events to plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from stationapp.domain.event_templates import EventTemplate
from stationapp.domain.holidays import HolidayFileError, HolidayTable
from stationapp.services.calendar import (
    CalendarItem,
    ItemKind,
    holiday_table,
    station_holiday_folders,
    upcoming,
)
from stationapp.services.catalogue import list_event_types, list_items
from stationapp.services.events import EventRow, list_events
from stationapp.services.requests import RequestFilter, RequestRow, list_requests
from stationapp.services.visit_coverage import (
    OverdueRow,
    count_overdue,
    fetch_overdue_rows,
    list_overdue_ids,
)
from stationapp.services.visit_reminders import ReminderRow, list_reminders

FIRST_LINES = 5
"""How many lines of each list the workbench keeps (the counts are whole)."""

UPCOMING_DAYS = 30
"""Events starting within this many days from today are upcoming."""

RECENT_DAYS = 30
"""Events of the last this many days are shown while deliveries are still to go."""

CALENDAR_DAYS = 60
"""The calendar shows this many days from today."""


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


def read_workbench(session: Session, today: date, lines: int = FIRST_LINES) -> Workbench:
    """The workbench of ``today`` (the desk's day), keeping ``lines`` lines of each list."""
    overdue = count_overdue(session, today)
    # Due on or before today ⇔ the due date is before tomorrow.
    due_ids = list_overdue_ids(session, today + timedelta(days=1))
    visits = fetch_overdue_rows(session, due_ids[:lines], today)

    reminders = list_reminders(session, due_by=today)
    due_today = sum(1 for reminder in reminders if reminder.due_date == today)

    # The end of the day: a request is as old as it will be at any time today.
    now = datetime.combine(today, time(23, 59, 59))
    open_rows = list_requests(session, RequestFilter(open_only=True), now=now)
    late = sorted((row for row in open_rows if row.overdue),
                  key=lambda row: (row.received_at, row.id))

    events = [
        event for event in list_events(session, date_from=today - timedelta(days=RECENT_DAYS),
                                       date_to=today + timedelta(days=UPCOMING_DAYS))
        if event.starts_at.date() >= today or event.households_pending
    ]
    events.sort(key=lambda event: (event.starts_at, event.id))

    problem = ""
    try:
        holidays = holiday_table(*station_holiday_folders())
    except HolidayFileError as exc:
        holidays, problem = HolidayTable(), str(exc)
    calendar = upcoming(session, today, CALENDAR_DAYS, holidays=holidays, solar_terms=False)

    return Workbench(
        today=today,
        visits_overdue=overdue,
        visits_due_today=len(due_ids) - overdue,
        visits=tuple(visits),
        reminders_due_today=due_today,
        reminders_overdue=len(reminders) - due_today,
        reminders=tuple(reminders[:lines]),
        requests_open=len(open_rows),
        requests_overdue=len(late),
        requests=tuple(late[:lines]),
        events=tuple(events),
        calendar=tuple(calendar),
        calendar_problem=problem,
    )


@dataclass(frozen=True)
class EventPlan:
    """A new event prefilled from a template, for the event dialog."""

    template: str
    event_type_id: int | None
    """The template's event type in the station's list; None when the station has none
    of that name (active)."""
    title: str
    starts_at: datetime
    description: str
    item_ids: tuple[int, ...]
    """The template's items found in the catalogue, in the template's order."""
    missing_items: tuple[str, ...]
    """The template's items the catalogue does not have (active)."""


def plan_event(session: Session, template: EventTemplate, festival_day: date,
               today: date) -> EventPlan:
    """The event ``template`` plans for its festival on ``festival_day`` (dated its days
    before, not before ``today``), with the station's event type and items by name."""
    types = {t.name: t.id for t in list_event_types(session)}
    items = {i.name: i.id for i in list_items(session)}
    return EventPlan(
        template=template.name,
        event_type_id=types.get(template.event_type),
        title=template.title,
        starts_at=template.starts_at(festival_day, today),
        description=template.description,
        item_ids=tuple(items[name] for name in template.items if name in items),
        missing_items=tuple(name for name in template.items if name not in items),
    )


__all__ = ["CALENDAR_DAYS", "FIRST_LINES", "RECENT_DAYS", "UPCOMING_DAYS", "EventPlan",
           "ItemKind", "Workbench", "plan_event", "read_workbench"]
