"""Visits (走访 / 回访), the visit schedule, the overdue list, coverage and reminders.

CONTRACT — signatures and data shapes are fixed; bodies are being written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.vocab import CareTier


@dataclass(frozen=True)
class FindingInput:
    """What the visitor found on one topic."""

    topic: VisitTopic
    level: FindingLevel = FindingLevel.OK
    note: str = ""


@dataclass(frozen=True)
class FollowUpRequest:
    """'Needs follow-up' → open a request (诉求) for the household in the same save."""

    category: str
    description: str
    assignee_id: int | None = None


@dataclass(frozen=True)
class FollowUpReminder:
    """'Needs follow-up' → a dated reminder for the household in the same save."""

    due_date: date
    text: str
    assignee_id: int | None = None


@dataclass(frozen=True)
class VisitInput:
    """A visit as typed in the dialog; ``version`` is the one read (None when new).

    ``follow_up`` is acted on only when the visit is first recorded.
    """

    household_id: int
    visit_date: date
    method: VisitMethod = VisitMethod.HOME
    visitor_id: int | None = None
    findings: tuple[FindingInput, ...] = ()
    notes: str = ""
    needs_follow_up: bool = False
    follow_up: FollowUpRequest | FollowUpReminder | None = None
    version: int | None = None


@dataclass(frozen=True)
class VisitSaved:
    """What recording a visit created."""

    visit_id: int
    request_id: int | None = None
    reminder_id: int | None = None


@dataclass(frozen=True)
class VisitFilter:
    """Which visits to list; ``start``/``end`` are inclusive dates."""

    household_id: int | None = None
    visitor_id: int | None = None
    start: date | None = None
    end: date | None = None
    search: str = ""
    follow_up_only: bool = False


@dataclass(frozen=True)
class VisitRow:
    """One line of a visits table, newest first."""

    id: int
    household_id: int
    visit_date: date
    method: VisitMethod
    visitor: str
    address: str
    head: str
    concerns: tuple[str, ...]
    notes: str
    needs_follow_up: bool
    request_id: int | None
    reminder_id: int | None


@dataclass(frozen=True)
class VisitDetail:
    """A visit as stored."""

    id: int
    household_id: int
    address: str
    head: str
    visit_date: date
    method: VisitMethod
    visitor_id: int | None
    visitor: str
    findings: tuple[FindingInput, ...]
    notes: str
    needs_follow_up: bool
    request_id: int | None
    reminder_id: int | None
    version: int

    def as_input(self) -> VisitInput:
        """The visit as the dialog edits it."""
        return VisitInput(
            household_id=self.household_id, visit_date=self.visit_date, method=self.method,
            visitor_id=self.visitor_id, findings=self.findings, notes=self.notes,
            needs_follow_up=self.needs_follow_up, version=self.version,
        )


@dataclass(frozen=True)
class ScheduleInfo:
    """A household's place in the visit schedule."""

    household_id: int
    tier: CareTier
    interval_days: int
    last_visit: date | None
    next_due: date | None
    days_overdue: int


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
class Coverage:
    """This month's coverage: households visited ÷ households due, against 100 %."""

    month: date
    due: int
    visited: int
    target: float = 1.0

    @property
    def ratio(self) -> float | None:
        """visited / due, None when nobody was due."""
        return self.visited / self.due if self.due else None


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


def record_visit(
    session: Session, data: VisitInput, actor: str, today: date | None = None
) -> VisitSaved:
    """Validate and record a visit, its follow-up request or reminder, and reschedule."""
    raise NotImplementedError


def update_visit(
    session: Session, visit_id: int, data: VisitInput, actor: str, today: date | None = None
) -> None:
    """Save changes to a visit; ConflictError when someone saved it in between."""
    raise NotImplementedError


def delete_visit(session: Session, visit_id: int, actor: str) -> None:
    """Remove a visit entered by mistake and reschedule its household."""
    raise NotImplementedError


def get_visit(session: Session, visit_id: int) -> VisitDetail:
    """One visit with its findings; NotFoundError when missing."""
    raise NotImplementedError


def list_visits(session: Session, flt: VisitFilter, limit: int | None = None) -> list[VisitRow]:
    """Visits matching ``flt``, newest first."""
    raise NotImplementedError


def household_schedule(
    session: Session, household_id: int, today: date | None = None
) -> ScheduleInfo:
    """Tier, interval, last visit, next due date and days overdue of one household."""
    raise NotImplementedError


def reschedule_household(session: Session, household_id: int) -> None:
    """Recompute a household's last visit and next due date from its visits and tier."""
    raise NotImplementedError


def reschedule_all(session: Session) -> int:
    """Recompute every active household's next due date (after the intervals changed)."""
    raise NotImplementedError


def list_overdue_ids(
    session: Session,
    today: date | None = None,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[int]:
    """Ids of active households past their due date, most days overdue first."""
    raise NotImplementedError


def fetch_overdue_rows(
    session: Session, ids: Sequence[int], today: date | None = None
) -> list[OverdueRow]:
    """The overdue-list rows of the given households, in the order of ``ids``."""
    raise NotImplementedError


def list_overdue(
    session: Session,
    today: date | None = None,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[OverdueRow]:
    """Every overdue row (for the command line and reports)."""
    raise NotImplementedError


def month_coverage(
    session: Session, month: date, today: date | None = None, liaison_id: int | None = None
) -> Coverage:
    """Households visited in ``month`` ÷ households due in it (see domain.schedule)."""
    raise NotImplementedError


def list_reminders(
    session: Session, due_by: date | None = None, include_done: bool = False
) -> list[ReminderRow]:
    """Reminders, earliest due first; ``due_by`` keeps those due on or before that day."""
    raise NotImplementedError


def add_reminder(
    session: Session,
    household_id: int,
    due_date: date,
    text: str,
    actor: str,
    assignee_id: int | None = None,
    visit_id: int | None = None,
) -> int:
    """Add a dated reminder for a household; returns its id."""
    raise NotImplementedError


def complete_reminder(session: Session, reminder_id: int, actor: str) -> None:
    """Mark a reminder done (who and when are kept)."""
    raise NotImplementedError
