"""Requests (诉求 / 报修): received, assigned, worked on, resolved and called back.

A resident reports a problem (a radiator that stays cold, a clogged pipe …); the clerk
records it (受理), hands it to a staff member or volunteer (派单), who works on it
(处理中) until it is solved (已办结); a call-back (回访) asks the resident whether it
really is, and records how satisfied they are (已回访). Every step is kept with its
time, who recorded it and a note. Times are the desk's local wall-clock time, without
a zone. Open requests older than the station's limit (StationSettings.request_limit_days)
are overdue.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.care_models import CareRequest, RequestCategory, RequestStatusChange, Visit
from stationapp.domain.care_vocab import (
    OPEN_REQUEST_STATUSES,
    REQUEST_TRANSITIONS,
    RequestStatus,
    Satisfaction,
)
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.search_keys import normalize_query
from stationapp.domain.vocab import HouseholdStatus
from stationapp.domain.vocab_words import label_message
from stationapp.domain.workbench_data import RequestRow
from stationapp.messages import Message, msg
from stationapp.services._common import (
    Problems,
    check_root_version,
    flush_or_conflict,
    like_pattern,
)
from stationapp.services.household_search import household_search_condition
from stationapp.services.settings import get_station_settings

log = logging.getLogger("stationapp.services")

_EARLIEST = datetime(2000, 1, 1)
_CONFLICT = msg("request.conflict")


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


# ---------------------------------------------------------------- days open


def days_open(received_at: datetime, until: datetime) -> int:
    """Whole days between receiving a request and ``until`` (0 on the same day).

    Calendar days are counted, as the station counts its time limit: a request received
    in the evening is one day open the next morning.
    """
    return max(0, (until.date() - received_at.date()).days)


def _age(
    status: RequestStatus, received_at: datetime, resolved_at: datetime | None,
    now: datetime, limit_days: int,
) -> tuple[int, bool]:
    """Days open (to the resolution when closed, else to ``now``) and whether overdue."""
    until = resolved_at if not status.is_open and resolved_at is not None else now
    days = days_open(received_at, until)
    return days, status.is_open and days > limit_days


def _naive(moment: datetime) -> datetime:
    """Times are stored as the desk's local wall-clock time, without a zone."""
    if moment.tzinfo is not None:
        return moment.astimezone().replace(tzinfo=None)
    return moment


def _seconds(moment: datetime) -> datetime:
    """A time kept to the second, as times are typed and shown."""
    return moment.replace(microsecond=0)


# ---------------------------------------------------------------- categories


def list_request_categories(session: Session, include_inactive: bool = False) -> list[str]:
    """Request category names in the station's order."""
    query = select(RequestCategory.name).order_by(RequestCategory.sort_order, RequestCategory.id)
    if not include_inactive:
        query = query.where(RequestCategory.active.is_(True))
    return list(session.scalars(query))


def _category_name(name: str) -> str:
    tidy = " ".join(text_rules.REQUEST_CATEGORY.check(name, "name").split())
    if not tidy:
        raise ValidationError("name", msg("request.category_name_missing"))
    return tidy


def _find_category(session: Session, name: str) -> RequestCategory:
    category = session.scalar(
        select(RequestCategory).where(RequestCategory.name == " ".join(name.split()))
    )
    if category is None:
        raise NotFoundError(msg("request.category_not_found", name=name))
    return category


def _refuse_taken(session: Session, name: str, other_than: int | None = None) -> None:
    taken = session.scalar(select(RequestCategory).where(
        RequestCategory.name == name, RequestCategory.id != (other_than or -1)
    ))
    if taken is not None:
        code = "request.category_taken" if taken.active else "request.category_taken_inactive"
        raise ValidationError("name", msg(code, name=name))


def add_request_category(session: Session, name: str, actor: str) -> None:
    """Add a category (ValidationError when empty or already there)."""
    tidy = _category_name(name)
    _refuse_taken(session, tidy)
    last = session.scalar(select(func.coalesce(func.max(RequestCategory.sort_order), 0)))
    session.add(RequestCategory(name=tidy, sort_order=int(last or 0) + 1, active=True))
    session.flush()
    log.info("request category %s added by %s", tidy, actor)


def rename_request_category(session: Session, old: str, new: str, actor: str) -> None:
    """Rename a category; requests keep it under the new name."""
    category = _find_category(session, old)
    tidy = _category_name(new)
    _refuse_taken(session, tidy, category.id)
    category.name = tidy
    session.flush()
    log.info("request category %s renamed to %s by %s", old, tidy, actor)


def set_request_category_active(session: Session, name: str, active: bool, actor: str) -> None:
    """Hide a category from new requests (or show it again); old requests keep it."""
    category = _find_category(session, name)
    category.active = active
    session.flush()
    log.info("request category %s %s by %s", category.name,
             "activated" if active else "deactivated", actor)


# ---------------------------------------------------------------- validation


def _person(
    session: Session, person_id: int, problems: Problems, keep_id: int | None = None
) -> Volunteer | None:
    """The active staff member or volunteer ``person_id`` (an inactive one only if kept)."""
    person = session.get(Volunteer, person_id)
    if person is None:
        problems.add("assignee", msg("request.assignee_from_list"))
        return None
    if not person.active and person.id != keep_id:
        problems.add("assignee", msg("request.assignee_inactive", name=person.name))
        return None
    return person


@dataclass(frozen=True)
class _Checked:
    household: Household
    category: RequestCategory
    description: str
    channel: str
    received_at: datetime
    reporter: str


def _validate(
    session: Session, data: RequestInput, received_at: datetime, now: datetime,
    problems: Problems, current: CareRequest | None = None,
) -> _Checked | None:
    """Check everything but the assignee; problems are added, not raised."""
    household = session.get(Household, data.household_id)
    if household is None:
        problems.add("household", msg("request.household_missing"))
    elif (household.status != HouseholdStatus.ACTIVE
          and (current is None or current.household_id != household.id)):
        label = label_message(HouseholdStatus(household.status))
        problems.add("household", msg("request.household_left", status=label))

    name = " ".join(data.category.split())
    category = session.scalar(select(RequestCategory).where(RequestCategory.name == name))
    if not name:
        problems.add("category", msg("request.category_missing"))
    elif category is None:
        problems.add("category", msg("request.category_unknown", name=name))
    elif not category.active and (current is None or current.category_id != category.id):
        problems.add("category", msg("request.category_inactive", name=name))

    description = problems.rule("description", data.description,
                                text_rules.REQUEST_DESCRIPTION)
    if not description:
        problems.add("description", msg("request.description_missing"))

    channel = " ".join(problems.rule("channel", data.channel, text_rules.REQUEST_CHANNEL).split())
    if not channel:
        problems.add("channel", msg("request.channel_missing"))
    reporter = problems.rule("reporter", data.reporter, text_rules.REQUEST_REPORTER)

    if received_at > now:
        problems.add("received_at", msg("request.received_in_future"))
    elif received_at < _EARLIEST:
        problems.add("received_at", msg("request.received_too_early"))
    elif current is not None:
        later = [s.changed_at for s in current.history[1:]
                 if s.changed_at != current.received_at]
        if later and received_at > min(later):
            problems.add("received_at", msg("request.received_after_steps",
                                            when=f"{min(later):%Y-%m-%d %H:%M}"))
    if household is None or category is None:
        return None
    return _Checked(household, category, description, channel, received_at, reporter)


# ---------------------------------------------------------------- writing


def _step(
    request: CareRequest, to_status: RequestStatus, when: datetime, actor: str, note: str
) -> None:
    from_status = RequestStatus(request.status) if request.history else None
    request.history.append(RequestStatusChange(
        from_status=from_status, to_status=to_status, changed_at=when, actor=actor, note=note,
    ))
    request.status = to_status


def create_request(
    session: Session, data: RequestInput, actor: str, now: datetime,
    visit_id: int | None = None,
) -> int:
    """Validate and record a request (受理; 派单 too when an assignee is given).

    ``now`` (the desk's time) is the latest time accepted as ``received_at``, which
    defaults to it. ``visit_id`` links a request opened from a visit (走访发现).
    Field names: ``household``, ``category``, ``description``, ``channel``,
    ``received_at``, ``reporter``, ``assignee``.
    """
    clock = _naive(now)
    received_at = _naive(data.received_at) if data.received_at is not None else clock
    problems = Problems()
    checked = _validate(session, data, received_at, clock, problems)
    assignee = (_person(session, data.assignee_id, problems)
                if data.assignee_id is not None else None)
    problems.raise_if_any()
    assert checked is not None  # no problems means everything was found
    if visit_id is not None and session.get(Visit, visit_id) is None:
        raise NotFoundError(msg("request.visit_not_found", id=visit_id))
    request = CareRequest(
        household=checked.household, category=checked.category,
        description=checked.description, channel=checked.channel,
        received_at=checked.received_at, reporter=checked.reporter, visit_id=visit_id,
        updated_by=actor, history=[],
    )
    _step(request, RequestStatus.RECEIVED, checked.received_at, actor,
          "走访时发现" if visit_id is not None else "")
    if assignee is not None:
        request.assignee = assignee
        _step(request, RequestStatus.ASSIGNED, checked.received_at, actor, f"派给{assignee.name}")
    session.add(request)
    session.flush()
    log.info("request %s created by %s", request.id, actor)
    return request.id


def _load(session: Session, request_id: int) -> CareRequest:
    request = session.get(
        CareRequest, request_id,
        options=[joinedload(CareRequest.household).joinedload(Household.community),
                 joinedload(CareRequest.category), joinedload(CareRequest.assignee),
                 selectinload(CareRequest.history)],
    )
    if request is None:
        raise NotFoundError(msg("request.not_found", id=request_id))
    return request


def update_request(
    session: Session, request_id: int, data: RequestInput, actor: str, now: datetime
) -> None:
    """Save corrections to category, description, channel, time received, reporter.

    ``now`` (the desk's time) is the latest time accepted as ``received_at``.

    The household may be corrected too (to a household on the ledger). The assignee is
    changed only by 派单 (:func:`advance_request`), so that the change is kept: a
    different ``assignee_id`` is refused on the field ``assignee``. ConflictError when
    someone saved the request in between.
    """
    request = _load(session, request_id)
    check_root_version(data.version, request, msg("request.numbered", id=request_id))
    received_at = _naive(data.received_at) if data.received_at is not None else request.received_at
    problems = Problems()
    checked = _validate(session, data, received_at, _naive(now), problems, current=request)
    if data.assignee_id != request.assignee_id:
        problems.add("assignee", msg("request.assignee_by_assigning"))
    problems.raise_if_any()
    assert checked is not None
    old_received = request.received_at
    # Steps recorded at the moment of receipt (受理, and 派单 at once) move with it.
    for step in request.history:
        if step.changed_at == old_received:
            step.changed_at = checked.received_at
    request.household, request.category = checked.household, checked.category
    request.description, request.channel = checked.description, checked.channel
    request.received_at, request.reporter = checked.received_at, checked.reporter
    request.updated_by = actor
    flush_or_conflict(session, _CONFLICT)
    log.info("request %s updated by %s", request_id, actor)


def _refusal(current: RequestStatus, to_status: RequestStatus) -> Message:
    if current is RequestStatus.CONFIRMED:
        hint = msg("request.transition_finished")
    elif to_status is RequestStatus.RECEIVED:
        hint = msg("request.transition_received_once")
    elif to_status is RequestStatus.CONFIRMED:
        hint = msg("request.transition_resolve_first")
    elif current is RequestStatus.RESOLVED:
        hint = msg("request.transition_reopen",
                   status=label_message(RequestStatus.IN_PROGRESS))
    else:
        hint = msg("request.transition_already", status=label_message(current))
    return msg("request.transition", current=label_message(current),
               target=label_message(to_status), hint=hint)


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
    now: datetime,
) -> None:
    """Move a request along its status flow, keeping the step with time and who.

    ``now`` is the desk's time: the step's time when ``when`` is not given, and the
    latest time accepted.

    ValidationError for an impossible transition (field ``status``) or a missing
    assignee (派单), resolution (已办结) or satisfaction (已回访).

    Other fields: ``when`` (default ``now``; not after it, not before the previous
    step), ``note`` (required when a call-back sends an 已办结 request back to 处理中),
    ``resolution``, ``callback_note``. The kept step's note says whom it was given to
    (派单), how it was solved (已办结) or what the call-back heard (已回访) when no
    ``note`` is given.
    """
    request = _load(session, request_id)
    check_root_version(expected_version, request, msg("request.numbered", id=request_id),
                       hint=msg("request.see_latest_hint"))
    current = RequestStatus(request.status)
    if to_status not in REQUEST_TRANSITIONS[current]:
        raise ValidationError("status", _refusal(current, to_status))
    clock = _naive(now)
    when = _naive(when) if when is not None else _seconds(clock)
    problems = Problems()
    previous = max((s.changed_at for s in request.history), default=request.received_at)
    if when > clock:
        problems.add("when", msg("request.when_in_future"))
    # Within the minute of the previous step is accepted: the clerk types minutes, and
    # the kept steps stay in the order they were recorded.
    elif when < previous.replace(second=0, microsecond=0):
        problems.add("when", msg("request.when_before_previous",
                                     when=f"{previous:%Y-%m-%d %H:%M}"))
    note = problems.rule("note", note, text_rules.REQUEST_NOTE)
    resolution = problems.rule("resolution", resolution, text_rules.REQUEST_RESOLUTION)
    callback_note = problems.rule("callback_note", callback_note, text_rules.REQUEST_CALLBACK)
    assignee: Volunteer | None = None
    if to_status is RequestStatus.ASSIGNED:
        if assignee_id is None:
            problems.add("assignee", msg("request.assignee_missing"))
        elif assignee_id == request.assignee_id and request.assignee is not None:
            problems.add("assignee", msg("request.assignee_same", name=request.assignee.name))
        else:
            assignee = _person(session, assignee_id, problems)
    elif assignee_id is not None and assignee_id != request.assignee_id:
        problems.add("assignee", msg("request.assignee_only_when_assigning"))
    if to_status is RequestStatus.RESOLVED and not resolution:
        problems.add("resolution", msg("request.resolution_missing"))
    if to_status is RequestStatus.CONFIRMED and satisfaction is None:
        problems.add("satisfaction", msg("request.satisfaction_missing"))
    reopening = current is RequestStatus.RESOLVED and to_status is RequestStatus.IN_PROGRESS
    if reopening and not note:
        problems.add("note", msg("request.reopen_note_missing"))
    problems.raise_if_any()

    step_note = note
    if to_status is RequestStatus.ASSIGNED and assignee is not None:
        request.assignee = assignee
        step_note = f"派给{assignee.name}" + (f"：{note}" if note else "")
    elif to_status is RequestStatus.RESOLVED:
        request.resolution, request.resolved_at = resolution, when
        step_note = note or resolution
    elif to_status is RequestStatus.CONFIRMED:
        assert satisfaction is not None
        request.satisfaction, request.confirmed_at = satisfaction, when
        request.callback_note = callback_note
        heard = f"：{callback_note}" if callback_note else ""
        step_note = note or f"{satisfaction.label}{heard}"
    elif reopening:
        request.resolved_at = None
    _step(request, to_status, when, actor, step_note)
    request.updated_by = actor
    flush_or_conflict(session, _CONFLICT)
    log.info("request %s %s -> %s by %s", request_id, current, to_status, actor)


# ---------------------------------------------------------------- reading


def get_request(session: Session, request_id: int, now: datetime) -> RequestDetail:
    """One request with its history, its days open counted to ``now`` (the desk's time);
    NotFoundError when missing."""
    request = _load(session, request_id)
    now = _naive(now)
    limit = get_station_settings(session).request_limit_days
    household = request.household
    status = RequestStatus(request.status)
    days, overdue = _age(status, request.received_at, request.resolved_at, now, limit)
    allowed = REQUEST_TRANSITIONS[status]
    return RequestDetail(
        id=request.id, household_id=household.id,
        address=Address(household.community.name, household.building, household.unit,
                        household.room).display(),
        head=household.head_name, phone=household.contact_phone,
        category=request.category.name, description=request.description,
        channel=request.channel, received_at=request.received_at, reporter=request.reporter,
        assignee_id=request.assignee_id,
        assignee=request.assignee.name if request.assignee is not None else "",
        status=status, resolution=request.resolution, resolved_at=request.resolved_at,
        confirmed_at=request.confirmed_at,
        satisfaction=Satisfaction(request.satisfaction) if request.satisfaction else None,
        callback_note=request.callback_note, visit_id=request.visit_id,
        days_open=days, overdue=overdue,
        history=tuple(
            StatusStep(RequestStatus(s.from_status) if s.from_status else None,
                       RequestStatus(s.to_status), s.changed_at, s.actor, s.note)
            for s in request.history
        ),
        allowed_next=tuple(s for s in RequestStatus if s in allowed),
        version=request.version,
    )


def _filtered(
    query: Select[Any], flt: RequestFilter, now: datetime, limit_days: int
) -> Select[Any]:
    for word in flt.search.split():
        folded, lowered = normalize_query(word), like_pattern(word.strip().lower())
        matches: list[ColumnElement[bool]] = [
            func.lower(CareRequest.description).like(lowered, escape="\\"),
            RequestCategory.name.like(lowered, escape="\\"),
            Volunteer.name.like(lowered, escape="\\")]
        if folded:
            # The household rule of every search box: "3号楼" is building 3, not 13号楼.
            matches.append(household_search_condition(word))
        query = query.where(or_(*matches))
    if flt.status is not None:
        query = query.where(CareRequest.status == flt.status.value)
    if flt.open_only or flt.overdue_only:
        query = query.where(CareRequest.status.in_([s.value for s in OPEN_REQUEST_STATUSES]))
    if flt.overdue_only:
        # days_open > limit  ⇔  received on a day before (today − limit).
        cutoff = datetime.combine(now.date() - timedelta(days=limit_days), time.min)
        query = query.where(CareRequest.received_at < cutoff)
    if flt.category is not None:
        query = query.where(RequestCategory.name == flt.category)
    if flt.assignee_id is not None:
        query = query.where(CareRequest.assignee_id == flt.assignee_id)
    if flt.household_id is not None:
        query = query.where(CareRequest.household_id == flt.household_id)
    if flt.received_from is not None:
        query = query.where(CareRequest.received_at >= datetime.combine(flt.received_from,
                                                                        time.min))
    if flt.received_to is not None:
        query = query.where(CareRequest.received_at < datetime.combine(
            flt.received_to + timedelta(days=1), time.min))
    return query


def list_requests(
    session: Session, flt: RequestFilter, now: datetime
) -> list[RequestRow]:
    """Requests matching ``flt``, newest first; open ones past the station limit on ``now``
    (the desk's time) are overdue.

    ``search``: every word must occur in the household's search keys (names, also by
    pinyin, address, phone), the description, the category or the assignee's name.
    One query, however many requests.
    """
    now = _naive(now)
    limit = get_station_settings(session).request_limit_days
    query: Any = (
        select(
            CareRequest.id, CareRequest.household_id, Community.name, Household.building,
            Household.unit, Household.room, Household.head_name, Household.contact_phone,
            RequestCategory.name, CareRequest.description, CareRequest.channel,
            CareRequest.received_at, Volunteer.name, CareRequest.status,
            CareRequest.resolved_at, CareRequest.satisfaction,
        )
        .join(Household, CareRequest.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .join(RequestCategory, CareRequest.category_id == RequestCategory.id)
        .outerjoin(Volunteer, CareRequest.assignee_id == Volunteer.id)
    )
    query = _filtered(query, flt, now, limit)
    query = query.order_by(CareRequest.received_at.desc(), CareRequest.id.desc())
    rows: list[RequestRow] = []
    for (rid, household_id, community, building, unit, room, head, phone, category,
         description, channel, received_at, assignee, status_code, resolved_at,
         satisfaction) in session.execute(query):
        status = RequestStatus(status_code)
        days, overdue = _age(status, received_at, resolved_at, now, limit)
        rows.append(RequestRow(
            id=rid, household_id=household_id,
            address=Address(community, building, unit, room).display(), head=head,
            phone=phone, category=category, description=description, channel=channel,
            received_at=received_at, assignee=assignee or "", status=status,
            days_open=days, overdue=overdue,
            satisfaction=Satisfaction(satisfaction) if satisfaction else None,
        ))
    return rows


__all__ = [
    "RequestDetail", "RequestFilter", "RequestInput", "RequestRow", "StatusStep",
    "add_request_category", "advance_request", "create_request", "days_open",
    "get_request", "list_request_categories", "list_requests", "rename_request_category",
    "set_request_category_active", "update_request",
]
