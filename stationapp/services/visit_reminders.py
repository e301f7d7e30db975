"""Dated reminders (提醒) for a household: list, add, mark done."""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.care_models import Reminder
from stationapp.domain.errors import ConflictError, NotFoundError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.workbench_data import ReminderRow
from stationapp.messages import msg
from stationapp.services._common import Problems, check_person, flush_or_conflict

log = logging.getLogger("stationapp.services")

EARLIEST_REMINDER = date(2000, 1, 1)
"""No reminder is dated before this day (a typing mistake in the year)."""


def list_reminders(
    session: Session, due_by: date | None = None, include_done: bool = False
) -> list[ReminderRow]:
    """Reminders, earliest due first; ``due_by`` keeps those due on or before that day."""
    query = (
        select(
            Reminder.id, Reminder.household_id, Community.name, Household.building,
            Household.unit, Household.room, Household.head_name, Reminder.due_date,
            Reminder.text, Volunteer.name, Reminder.done_at, Reminder.visit_id,
        )
        .join(Household, Reminder.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .outerjoin(Volunteer, Reminder.assignee_id == Volunteer.id)
        .order_by(Reminder.due_date, Reminder.id)
    )
    if due_by is not None:
        query = query.where(Reminder.due_date <= due_by)
    if not include_done:
        query = query.where(Reminder.done_at.is_(None))
    return [
        ReminderRow(
            id=rid, household_id=hid, address=Address(community, building, unit, room).display(),
            head=head, due_date=due_date, text=text, assignee=assignee or "",
            done=done_at is not None, visit_id=visit_id,
        )
        for (rid, hid, community, building, unit, room, head, due_date, text, assignee,
             done_at, visit_id) in session.execute(query)
    ]


def add_reminder(
    session: Session,
    household_id: int,
    due_date: date,
    text: str,
    actor: str,
    assignee_id: int | None = None,
    visit_id: int | None = None,
) -> int:
    """Add a dated reminder for a household; returns its id.

    Field names of problems: ``due_date``, ``text``, ``assignee``.
    """
    if session.get(Household, household_id) is None:
        raise NotFoundError(msg("household.not_found", id=household_id))
    problems = Problems()
    if due_date < EARLIEST_REMINDER:
        problems.add("due_date", msg("visit.reminder_date_too_early"))
    tidy = problems.rule("text", text, text_rules.REMINDER_TEXT)
    if not tidy:
        problems.add("text", msg("visit.reminder_text_missing"))
    check_person(session, assignee_id, "assignee", msg("visit.role_assignee"), problems)
    problems.raise_if_any()
    reminder = Reminder(household_id=household_id, visit_id=visit_id, due_date=due_date,
                        text=tidy, assignee_id=assignee_id, updated_by=actor)
    session.add(reminder)
    session.flush()
    log.info("reminder %s for household %s added by %s", reminder.id, household_id, actor)
    return reminder.id


def complete_reminder(session: Session, reminder_id: int, actor: str, now: datetime) -> None:
    """Mark a reminder done (who, and when: ``now``, are kept).

    ConflictError when it was done already (perhaps at another desk).
    """
    reminder = session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFoundError(msg("visit.reminder_not_found", id=reminder_id))
    if reminder.done_at is not None:
        raise ConflictError(msg(
            "visit.reminder_done_already",
            who=reminder.done_by or msg("visit.someone_else"),
            when=f"{reminder.done_at:%Y-%m-%d %H:%M}",
        ))
    reminder.done_at = now.replace(microsecond=0)
    reminder.done_by = actor
    reminder.updated_by = actor
    flush_or_conflict(session, msg("visit.reminder_conflict"))
    log.info("reminder %s done by %s", reminder_id, actor)



__all__ = ["EARLIEST_REMINDER", "ReminderRow", "add_reminder", "complete_reminder",
           "list_reminders"]
