"""Visits (走访 / 回访): recording, correcting and listing them.

Recording or changing a visit moves its household in the visit schedule
(:mod:`stationapp.services.visit_schedule`); a finding that needs following up may ask
for a dated reminder (:mod:`stationapp.services.visit_reminders`) in the same save, or a
request, which :func:`stationapp.workflows.visits.record_visit` raises. The overdue list and
a month's coverage are :mod:`stationapp.services.visit_coverage`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.care_models import (
    CareRequest,
    Reminder,
    RequestCategory,
    Visit,
    VisitFinding,
)
from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.search_keys import normalize_query
from stationapp.domain.vocab import HouseholdStatus
from stationapp.domain.vocab_words import label_message
from stationapp.messages import msg
from stationapp.services._common import (
    Problems,
    check_person,
    check_version,
    chunks,
    flush_or_conflict,
    like_pattern,
    read_ids,
)
from stationapp.services.household_search import household_search_condition
from stationapp.services.visit_reminders import add_reminder
from stationapp.services.visit_schedule import reschedule_household

log = logging.getLogger("stationapp.services")

_CONFLICT = msg("visit.conflict")
_ASSIGNEE = msg("visit.role_assignee")
_VISITOR = msg("visit.role_visitor")
_EARLIEST = date(2000, 1, 1)
_REMINDER_HORIZON = timedelta(days=366)
_CHUNK = 500
_TOPIC_ORDER = {t: i for i, t in enumerate(VisitTopic)}
_Row = TypeVar("_Row")


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


def _address(community: str, building: str, unit: str, room: str) -> str:
    return Address(community, building, unit, room).display()


# ---------------------------------------------------------------- validation


def _check_findings(
    findings: Iterable[FindingInput], problems: Problems
) -> tuple[FindingInput, ...]:
    seen: set[VisitTopic] = set()
    tidy: list[FindingInput] = []
    for finding in findings:
        try:
            topic, level = VisitTopic(finding.topic), FindingLevel(finding.level)
        except ValueError:
            problems.add("findings", msg("visit.finding_unknown"))
            continue
        if topic in seen:
            problems.add("findings", msg("visit.finding_twice", topic=label_message(topic)))
            continue
        seen.add(topic)
        rule = text_rules.FINDING_NOTE
        label = msg("visit.finding_note_label", topic=label_message(topic), field=rule.label)
        note = problems.text("findings", finding.note, label, rule.limit,
                             multiline=rule.multiline)
        tidy.append(FindingInput(topic, level, note))
    return tuple(sorted(tidy, key=lambda f: _TOPIC_ORDER[f.topic]))


def _check_follow_up(
    session: Session, data: VisitInput, problems: Problems
) -> FollowUpRequest | FollowUpReminder | None:
    follow_up = data.follow_up
    if isinstance(follow_up, FollowUpRequest):
        category = follow_up.category.strip()
        if not category:
            problems.add("follow_up_category", msg("visit.request_category_missing"))
        else:
            active = session.scalar(
                select(RequestCategory.active).where(RequestCategory.name == category)
            )
            if active is None:
                problems.add("follow_up_category",
                             msg("visit.request_category_unknown", category=category))
            elif not active:
                problems.add("follow_up_category",
                             msg("visit.request_category_inactive", category=category))
        description = problems.rule("follow_up_description", follow_up.description,
                                    text_rules.REQUEST_DESCRIPTION)
        if not description:
            problems.add("follow_up_description", msg("visit.request_description_missing"))
        check_person(session, follow_up.assignee_id, "follow_up", _ASSIGNEE, problems)
        return FollowUpRequest(category, description, follow_up.assignee_id)
    if isinstance(follow_up, FollowUpReminder):
        if follow_up.due_date < data.visit_date:
            problems.add("follow_up_date", msg("visit.reminder_before_visit"))
        elif follow_up.due_date > data.visit_date + _REMINDER_HORIZON:
            problems.add("follow_up_date", msg("visit.reminder_too_far"))
        text = problems.rule("follow_up_text", follow_up.text, text_rules.REMINDER_TEXT)
        if not text:
            problems.add("follow_up_text", msg("visit.reminder_text_missing"))
        check_person(session, follow_up.assignee_id, "follow_up", _ASSIGNEE, problems)
        return FollowUpReminder(follow_up.due_date, text, follow_up.assignee_id)
    if follow_up is not None:
        problems.add("follow_up", msg("visit.follow_up_kind_missing"))
    return None


def validate_visit(
    session: Session, data: VisitInput, today: date,
    current: Visit | None = None,
) -> VisitInput:
    """Check and tidy a visit from the dialog; ValidationError lists every problem.

    ``today`` is the desk's day: a visit cannot be dated after it.

    Field names: ``household``, ``visit_date``, ``method``, ``visitor``, ``findings``,
    ``notes``, ``follow_up``, ``follow_up_date``, ``follow_up_text``,
    ``follow_up_category``, ``follow_up_description``. A new visit needs a household
    on the ledger (在册); the follow-up is checked only for a new visit that needs one.
    Reads the database but never writes; NotFoundError when the household is unknown.
    """
    problems = Problems()
    household = session.get(Household, data.household_id)
    if household is None:
        raise NotFoundError(msg("household.not_found", id=data.household_id))
    if current is None and household.status != HouseholdStatus.ACTIVE:
        status = HouseholdStatus(household.status)
        problems.add("household", msg("visit.household_left", status=label_message(status)))
    if current is not None and current.household_id != data.household_id:
        problems.add("household", msg("visit.other_household"))
    if data.visit_date > today:
        problems.add("visit_date", msg("visit.date_future"))
    elif data.visit_date < _EARLIEST:
        problems.add("visit_date", msg("visit.date_too_early"))
    method = VisitMethod.HOME
    try:
        method = VisitMethod(data.method)
    except ValueError:
        problems.add("method", msg("visit.method_missing"))
    check_person(session, data.visitor_id, "visitor", _VISITOR, problems,
                  current.visitor_id if current is not None else None)
    findings = _check_findings(data.findings, problems)
    notes = problems.rule("notes", data.notes, text_rules.VISIT_NOTES)
    follow_up = None
    if current is None and data.needs_follow_up:
        follow_up = _check_follow_up(session, data, problems)
    problems.raise_if_any()
    return VisitInput(
        household_id=data.household_id, visit_date=data.visit_date, method=method,
        visitor_id=data.visitor_id, findings=findings, notes=notes,
        needs_follow_up=data.needs_follow_up, follow_up=follow_up, version=data.version,
    )


# ---------------------------------------------------------------- writing


def add_visit(
    session: Session, data: VisitInput, actor: str, today: date
) -> tuple[VisitSaved, VisitInput]:
    """Validate and store a visit with its reminder, if one is asked for, and reschedule.

    ``today`` is the desk's day: the visit may not be dated after it. Returns what was
    saved and the validated input. A follow-up *request* is another entity's work: it is
    validated here but raised by :func:`stationapp.workflows.visits.record_visit`.
    """
    data = validate_visit(session, data, today)
    visit = Visit(
        household_id=data.household_id, visit_date=data.visit_date, method=data.method,
        visitor_id=data.visitor_id, notes=data.notes, needs_follow_up=data.needs_follow_up,
        updated_by=actor,
        findings=[VisitFinding(topic=f.topic, level=f.level, note=f.note)
                  for f in data.findings],
    )
    session.add(visit)
    session.flush()
    reminder_id = None
    follow_up = data.follow_up
    if isinstance(follow_up, FollowUpReminder):
        reminder_id = add_reminder(
            session, data.household_id, follow_up.due_date, follow_up.text, actor,
            follow_up.assignee_id, visit.id,
        )
    reschedule_household(session, data.household_id)
    log.info("visit %s to household %s recorded by %s", visit.id, data.household_id, actor)
    return VisitSaved(visit.id, None, reminder_id), data


def _load(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id, options=[selectinload(Visit.findings)])
    if visit is None:
        raise NotFoundError(msg("visit.not_found", id=visit_id))
    return visit


def update_visit(
    session: Session, visit_id: int, data: VisitInput, actor: str, today: date
) -> None:
    """Save changes to a visit; ConflictError when someone saved it in between.

    ``today`` is the desk's day: the visit cannot be dated after it.
    """
    visit = _load(session, visit_id)
    check_version(data.version, visit.version, _CONFLICT)
    data = validate_visit(session, data, today, visit)
    visit.visit_date, visit.method = data.visit_date, data.method
    visit.visitor_id, visit.notes = data.visitor_id, data.notes
    visit.needs_follow_up, visit.updated_by = data.needs_follow_up, actor
    wanted = {f.topic: f for f in data.findings}
    visit.findings = [f for f in visit.findings if f.topic in wanted]
    for finding in visit.findings:
        typed = wanted.pop(VisitTopic(finding.topic))
        finding.level, finding.note = typed.level, typed.note
    visit.findings.extend(VisitFinding(topic=f.topic, level=f.level, note=f.note)
                          for f in wanted.values())
    # Forces the versioned UPDATE, also when only the findings changed.
    visit.updated_at = session_clock(session).now()
    flag_modified(visit, "updated_at")
    flush_or_conflict(session, _CONFLICT)
    reschedule_household(session, visit.household_id)
    log.info("visit %s updated by %s", visit_id, actor)


def delete_visit(session: Session, visit_id: int, actor: str) -> None:
    """Remove a visit entered by mistake and reschedule its household.

    A request or reminder made from the visit stays, no longer linked to it.
    """
    visit = _load(session, visit_id)
    household_id = visit.household_id
    session.delete(visit)
    flush_or_conflict(session, _CONFLICT)
    for linked in session.identity_map.values():
        if isinstance(linked, CareRequest | Reminder) and linked.visit_id == visit_id:
            session.expire(linked, ["visit_id"])
    reschedule_household(session, household_id)
    log.info("visit %s of household %s deleted by %s", visit_id, household_id, actor)


# ---------------------------------------------------------------- reading


def _first_linked(session: Session, column: Any, id_column: Any, among: Any) -> dict[int, int]:
    """visit id → the first request (or reminder) made from it, for the visits ``among``
    (a short list of ids or a select of them)."""
    query = select(column, func.min(id_column)).where(column.in_(among)).group_by(column)
    return {vid: rid for vid, rid in session.execute(query)}


def get_visit(session: Session, visit_id: int) -> VisitDetail:
    """One visit with its findings; NotFoundError when missing."""
    visit = _load(session, visit_id)
    household = session.get(Household, visit.household_id,
                            options=[selectinload(Household.community)])
    assert household is not None  # a foreign key guarantees it
    visitor = session.get(Volunteer, visit.visitor_id) if visit.visitor_id else None
    findings = sorted(
        (FindingInput(VisitTopic(f.topic), FindingLevel(f.level), f.note)
         for f in visit.findings),
        key=lambda f: _TOPIC_ORDER[f.topic],
    )
    return VisitDetail(
        id=visit.id, household_id=visit.household_id,
        address=_address(household.community.name, household.building, household.unit,
                         household.room),
        head=household.head_name, visit_date=visit.visit_date,
        method=VisitMethod(visit.method), visitor_id=visit.visitor_id,
        visitor=visitor.name if visitor is not None else "", findings=tuple(findings),
        notes=visit.notes, needs_follow_up=visit.needs_follow_up,
        request_id=_first_linked(session, CareRequest.visit_id, CareRequest.id,
                                 [visit.id]).get(visit.id),
        reminder_id=_first_linked(session, Reminder.visit_id, Reminder.id,
                                  [visit.id]).get(visit.id),
        version=visit.version,
    )


def _concern(topic: VisitTopic, level: FindingLevel) -> str:
    return f"{topic.label}（{level.label}）" if level is FindingLevel.URGENT else topic.label


_NEWEST_FIRST = (Visit.visit_date.desc(), Visit.id.desc())
"""The order of every visits listing; the same day, the later entry first."""


def _filtered_visits(query: Select[_Row], flt: VisitFilter) -> Select[_Row]:
    """``query`` (over Visit) narrowed to the visits ``flt`` lists."""
    for term in flt.search.split():
        folded = normalize_query(term)
        if folded:
            pattern = like_pattern(folded)
            # Subqueries, not joins: the matching households and visitors are found once
            # and their visits read through ix_visit_household_date / ix_visit_visitor_date,
            # instead of looking up the household of every visit in the period.
            # The household rule of every search box: "3号楼" is building 3, not 13号楼.
            households = select(Household.id).where(household_search_condition(term))
            visitors = select(Volunteer.id).where(
                func.lower(Volunteer.name).like(pattern, escape="\\"))
            query = query.where(or_(Visit.household_id.in_(households),
                                    Visit.visitor_id.in_(visitors)))
    if flt.household_id is not None:
        query = query.where(Visit.household_id == flt.household_id)
    if flt.visitor_id is not None:
        query = query.where(Visit.visitor_id == flt.visitor_id)
    if flt.start is not None:
        query = query.where(Visit.visit_date >= flt.start)
    if flt.end is not None:
        query = query.where(Visit.visit_date <= flt.end)
    if flt.follow_up_only:
        query = query.where(Visit.needs_follow_up.is_(True))
    return query


def list_visit_ids(session: Session, flt: VisitFilter, limit: int | None = None) -> list[int]:
    """Ids of the visits matching ``flt``, newest first (``limit``: only the first ones).

    ``search``: every word must occur in the household's search keys (name, pinyin,
    address, phone) or the visitor's name. Same day: the later entry (higher id) first.
    """
    query = _filtered_visits(select(Visit.id), flt).order_by(*_NEWEST_FIRST)
    if limit is not None:
        query = query.limit(limit)
    return read_ids(session, query)


def _row_select() -> Select[*tuple[Any, ...]]:
    """The columns :func:`_visit_rows` builds a row from, one record per visit."""
    return (
        select(
            Visit.id, Visit.household_id, Visit.visit_date, Visit.method, Volunteer.name,
            Community.name, Household.building, Household.unit, Household.room,
            Household.head_name, Visit.notes, Visit.needs_follow_up,
        )
        .select_from(Visit)
        .join(Household, Visit.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .outerjoin(Volunteer, Visit.visitor_id == Volunteer.id)
    )


def _visit_rows(session: Session, records: Sequence[Any], among: Any) -> list[VisitRow]:
    """The rows of ``records`` (from :func:`_row_select`), in their order; ``among`` (their
    ids, or a select of them) bounds the findings, requests and reminders read."""
    if not records:
        return []
    found: dict[int, list[tuple[VisitTopic, FindingLevel]]] = {}
    for vid, topic, level in session.execute(
        select(VisitFinding.visit_id, VisitFinding.topic, VisitFinding.level).where(
            VisitFinding.visit_id.in_(among), VisitFinding.level != FindingLevel.OK.value)
    ):
        found.setdefault(vid, []).append((VisitTopic(topic), FindingLevel(level)))
    requests = _first_linked(session, CareRequest.visit_id, CareRequest.id, among)
    reminders = _first_linked(session, Reminder.visit_id, Reminder.id, among)
    rows: list[VisitRow] = []
    for (vid, hid, visit_date, method, visitor, community, building, unit, room, head, notes,
         follow_up) in records:
        concerns = sorted(found.get(vid, ()), key=lambda c: _TOPIC_ORDER[c[0]])
        rows.append(VisitRow(
            id=vid, household_id=hid, visit_date=visit_date, method=VisitMethod(method),
            visitor=visitor or "", address=_address(community, building, unit, room),
            head=head, concerns=tuple(_concern(t, lv) for t, lv in concerns), notes=notes,
            needs_follow_up=bool(follow_up), request_id=requests.get(vid),
            reminder_id=reminders.get(vid),
        ))
    return rows


def fetch_visit_rows(session: Session, ids: Sequence[int]) -> list[VisitRow]:
    """The visits-table rows of ``ids``, in the order given; unknown ids are left out.

    ``concerns`` names the topics found not in order (正常), urgent ones marked;
    ``request_id`` / ``reminder_id`` the first request or reminder made from the visit.
    """
    rows: dict[int, VisitRow] = {}
    for chunk in chunks(ids, _CHUNK):
        records = session.execute(_row_select().where(Visit.id.in_(chunk))).all()
        rows.update((row.id, row) for row in _visit_rows(session, records, chunk))
    return [rows[i] for i in ids if i in rows]


def list_visits(session: Session, flt: VisitFilter, limit: int | None = None) -> list[VisitRow]:
    """Visits matching ``flt``, newest first (as :func:`list_visit_ids`), as whole rows (as
    :func:`fetch_visit_rows`); for exports and the command line, which want every row.

    One query for them all rather than ids and blocks: a year of visits is many blocks.
    """
    listed = _filtered_visits(_row_select(), flt).order_by(*_NEWEST_FIRST)
    among = _filtered_visits(select(Visit.id), flt)
    if limit is not None:
        listed = listed.limit(limit)
        first = among.order_by(*_NEWEST_FIRST).limit(limit).subquery()
        among = select(first.c.id)
    return _visit_rows(session, session.execute(listed).all(), among)


__all__ = [
    "FindingInput", "FollowUpReminder", "FollowUpRequest", "VisitDetail", "VisitFilter",
    "VisitInput", "VisitRow", "VisitSaved", "add_visit", "delete_visit", "fetch_visit_rows",
    "get_visit", "list_visit_ids", "list_visits", "update_visit", "validate_visit",
]
