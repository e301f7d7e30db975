"""Requests (诉求 / 报修): received, assigned, worked on, resolved and called back.

CONTRACT — signatures and data shapes are fixed; bodies are being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.domain.care_vocab import RequestStatus, Satisfaction


@dataclass(frozen=True)
class RequestInput:
    """A request as typed in the dialog; ``version`` is the one read (None when new).

    An ``assignee_id`` given when the request is created dispatches it at once (派单).
    """

    household_id: int
    category: str
    description: str
    channel: str = "电话"
    received_at: datetime | None = None
    reporter: str = ""
    assignee_id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class RequestFilter:
    """Which requests to list. ``open_only`` keeps 受理 / 派单 / 处理中."""

    search: str = ""
    status: RequestStatus | None = None
    open_only: bool = False
    overdue_only: bool = False
    category: str | None = None
    assignee_id: int | None = None
    household_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None


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
class StatusStep:
    """One kept step of the status flow."""

    from_status: RequestStatus | None
    to_status: RequestStatus
    changed_at: datetime
    actor: str
    note: str


@dataclass(frozen=True)
class RequestDetail:
    """A request as stored, with its history and the statuses it may move to."""

    id: int
    household_id: int
    address: str
    head: str
    phone: str
    category: str
    description: str
    channel: str
    received_at: datetime
    reporter: str
    assignee_id: int | None
    assignee: str
    status: RequestStatus
    resolution: str
    resolved_at: datetime | None
    confirmed_at: datetime | None
    satisfaction: Satisfaction | None
    callback_note: str
    visit_id: int | None
    days_open: int
    overdue: bool
    history: tuple[StatusStep, ...]
    allowed_next: tuple[RequestStatus, ...]
    version: int

    def as_input(self) -> RequestInput:
        """The request as the dialog edits it."""
        return RequestInput(
            household_id=self.household_id, category=self.category,
            description=self.description, channel=self.channel,
            received_at=self.received_at, reporter=self.reporter,
            assignee_id=self.assignee_id, version=self.version,
        )


def days_open(received_at: datetime, until: datetime) -> int:
    """Whole days between receiving a request and ``until`` (0 on the same day)."""
    raise NotImplementedError


def list_request_categories(session: Session, include_inactive: bool = False) -> list[str]:
    """Request category names in the station's order."""
    raise NotImplementedError


def add_request_category(session: Session, name: str, actor: str) -> None:
    """Add a category (ValidationError when empty or already there)."""
    raise NotImplementedError


def rename_request_category(session: Session, old: str, new: str, actor: str) -> None:
    """Rename a category; requests keep it under the new name."""
    raise NotImplementedError


def set_request_category_active(session: Session, name: str, active: bool, actor: str) -> None:
    """Hide a category from new requests (or show it again); old requests keep it."""
    raise NotImplementedError


def create_request(
    session: Session, data: RequestInput, actor: str, now: datetime | None = None,
    visit_id: int | None = None,
) -> int:
    """Validate and record a request (受理; 派单 too when an assignee is given)."""
    raise NotImplementedError


def update_request(
    session: Session, request_id: int, data: RequestInput, actor: str
) -> None:
    """Save corrections to category, description, channel, time received, reporter."""
    raise NotImplementedError


def advance_request(
    session: Session,
    request_id: int,
    to_status: RequestStatus,
    actor: str,
    *,
    note: str = "",
    assignee_id: int | None = None,
    resolution: str = "",
    satisfaction: Satisfaction | None = None,
    callback_note: str = "",
    when: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Move a request along its status flow, keeping the step with time and who.

    ValidationError for an impossible transition (field ``status``) or a missing
    assignee (派单), resolution (已办结) or satisfaction (已回访).
    """
    raise NotImplementedError


def get_request(session: Session, request_id: int, now: datetime | None = None) -> RequestDetail:
    """One request with its history; NotFoundError when missing."""
    raise NotImplementedError


def list_requests(
    session: Session, flt: RequestFilter, now: datetime | None = None
) -> list[RequestRow]:
    """Requests matching ``flt``, newest first; open ones past the station limit are overdue."""
    raise NotImplementedError
