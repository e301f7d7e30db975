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
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from stationapp.db.engine import sqlite_file
from stationapp.db.workbench_snapshot import (
    MARK_SQL,
    LedgerMark,
    keep_workbench,
    keep_workbenches,
)
from stationapp.domain.event_templates import EventTemplate
from stationapp.domain.holidays import HolidayFileError, HolidayTable
from stationapp.domain.workbench_data import (
    CALENDAR_DAYS,
    FIRST_LINES,
    RECENT_DAYS,
    UPCOMING_DAYS,
    ItemKind,
    Workbench,
)
from stationapp.services.calendar import (
    holiday_table,
    station_holiday_folders,
    upcoming,
)
from stationapp.services.catalogue import list_event_types, list_items
from stationapp.services.events import list_events
from stationapp.services.requests import RequestFilter, list_requests
from stationapp.services.visit_coverage import (
    count_overdue,
    fetch_overdue_rows,
    list_overdue_ids,
)
from stationapp.services.visit_reminders import list_reminders


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


DAYS_AHEAD = 3
"""How many days after today :func:`keep_workbench_ahead` keeps (a Friday evening's read
serves Monday morning)."""


def read_and_keep_workbench(session: Session, today: date) -> Workbench:
    """:func:`read_workbench` of ``today``, then (SQLite files only) keep it in the ledger
    for the next start-up (:mod:`stationapp.db.workbench_snapshot`).

    The ledger's change mark is read first, so a change committed during the read leaves
    the kept workbench stale rather than marked newer than what it holds. Keeping it is
    best effort: a locked ledger or any SQLite error skips it, the read stands.
    """
    path = _ledger_file(session)
    mark = _mark(session) if path is not None else None
    bench = read_workbench(session, today)
    if path is not None and mark is not None:
        keep_workbench(path, bench, mark, station_holiday_folders())
    return bench


def keep_workbench_ahead(session: Session, today: date, days: int = DAYS_AHEAD) -> int:
    """Read the workbenches of the ``days`` days after ``today`` and keep them in the
    SQLite ledger (as :func:`read_and_keep_workbench`), so that a start-up on one of those
    days finds its own while nothing changed meanwhile. How many were kept (0 on another
    database, or when keeping was skipped)."""
    path = _ledger_file(session)
    mark = _mark(session) if path is not None else None
    if path is None or mark is None:
        return 0
    benches = [read_workbench(session, today + timedelta(days=n)) for n in range(1, days + 1)]
    kept = keep_workbenches(path, benches, mark, station_holiday_folders(), since=today)
    return len(benches) if kept else 0


def _mark(session: Session) -> LedgerMark | None:
    """The ledger's change mark (see :mod:`stationapp.db.workbench_snapshot`); None when
    the ledger has none (a SQLite file not made by the migrations): nothing is kept."""
    try:
        audit, households, revision = session.execute(text(MARK_SQL)).one()
    except DBAPIError:
        return None
    if audit is None or households is None or revision is None:
        return None
    return LedgerMark(int(audit), int(households), str(revision))


def _ledger_file(session: Session) -> Path | None:
    """The SQLite file of ``session``'s ledger; None for PostgreSQL and in-memory SQLite."""
    bind = session.get_bind()
    return sqlite_file(bind.engine.url.render_as_string(hide_password=False))


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


__all__ = [
    "CALENDAR_DAYS",
    "DAYS_AHEAD",
    "FIRST_LINES",
    "RECENT_DAYS",
    "UPCOMING_DAYS",
    "EventPlan",
    "ItemKind",
    "Workbench",
    "keep_workbench_ahead",
    "plan_event",
    "read_and_keep_workbench",
    "read_workbench",
]
