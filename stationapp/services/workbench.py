"""工作台: what needs doing today, read for the home page in one call.

For one day (the caller reads it from the clock): the visits due today and overdue, the
follow-up reminders due today or earlier and not done, the open requests and those past
the station's time limit, and the events of the coming days and the recent ones that
still have deliveries to go. Counts are whole; each list keeps only its first lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

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
    )


__all__ = ["FIRST_LINES", "RECENT_DAYS", "UPCOMING_DAYS", "Workbench", "read_workbench"]
