"""Visits (走访 / 回访), the visit schedule, the overdue list, coverage and reminders.

Every household on the ledger (在册) carries its last visit, the visit day before that
one and the day its next visit is due (``Household.last_visit_date`` /
``previous_visit_date`` / ``next_visit_due``), kept in step with the visits and the care
tier by this module so that the overdue list is one indexed query and this month's
coverage a few range counts. Those columns are derived data: they are written with Core
UPDATEs that leave the household's version alone, so recording a visit never makes an open
household dialog conflict. Coverage reads the stored visits too: after visits are
inserted in bulk (demo, import), call :func:`reschedule_all`. The rules themselves live in
:mod:`stationapp.domain.schedule`; the few places that apply them in SQL for speed say
so, and tests compare them with the Python rules on random data.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Date,
    Integer,
    Select,
    Table,
    and_,
    bindparam,
    case,
    func,
    inspect,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.orm.attributes import flag_modified

from stationapp.db.stamps import session_clock
from stationapp.domain import schedule, text_rules
from stationapp.domain.address import Address
from stationapp.domain.care_models import (
    CareRequest,
    Reminder,
    RequestCategory,
    Visit,
    VisitFinding,
)
from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.errors import ConflictError, NotFoundError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.search_keys import normalize_query
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.services._common import (
    Problems,
    check_person,
    check_version,
    chunks,
    flush_or_conflict,
    like_pattern,
    read_ids,
)
from stationapp.services.settings import get_station_settings
from stationapp.services.sql_dates import plus_days

log = logging.getLogger("stationapp.services")

_CONFLICT = "这条走访记录刚被别人修改过，请关闭后重新打开再改。"
_EARLIEST = date(2000, 1, 1)
_REMINDER_HORIZON = timedelta(days=366)
_CHUNK = 500
_TOPIC_ORDER = {t: i for i, t in enumerate(VisitTopic)}
_Row = TypeVar("_Row")

_VISITED = 1 << 32
"""Weight of a visited household in month_coverage's sum (more than households exist)."""
_HOUSEHOLD: Table = Household.__table__  # type: ignore[assignment]


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
            problems.add("findings", "走访内容里有不认识的项目或情况，请重新选择")
            continue
        if topic in seen:
            problems.add("findings", f"“{topic.label}”记了两次，请合并成一条")
            continue
        seen.add(topic)
        rule = text_rules.FINDING_NOTE
        note = problems.text("findings", finding.note, f"“{topic.label}”的{rule.label}",
                             rule.limit, multiline=rule.multiline)
        tidy.append(FindingInput(topic, level, note))
    return tuple(sorted(tidy, key=lambda f: _TOPIC_ORDER[f.topic]))


def _check_follow_up(
    session: Session, data: VisitInput, problems: Problems
) -> FollowUpRequest | FollowUpReminder | None:
    follow_up = data.follow_up
    if isinstance(follow_up, FollowUpRequest):
        category = follow_up.category.strip()
        if not category:
            problems.add("follow_up_category", "请选择诉求类别")
        else:
            active = session.scalar(
                select(RequestCategory.active).where(RequestCategory.name == category)
            )
            if active is None:
                problems.add("follow_up_category", f"没有“{category}”这个诉求类别")
            elif not active:
                problems.add("follow_up_category", f"诉求类别“{category}”已停用")
        description = problems.rule("follow_up_description", follow_up.description,
                                    text_rules.REQUEST_DESCRIPTION)
        if not description:
            problems.add("follow_up_description", "请写明要办的事")
        check_person(session, follow_up.assignee_id, "follow_up", "经办人", problems)
        return FollowUpRequest(category, description, follow_up.assignee_id)
    if isinstance(follow_up, FollowUpReminder):
        if follow_up.due_date < data.visit_date:
            problems.add("follow_up_date", "提醒日期不能早于走访日期")
        elif follow_up.due_date > data.visit_date + _REMINDER_HORIZON:
            problems.add("follow_up_date", "提醒日期太远了（应在走访后一年之内）")
        text = problems.rule("follow_up_text", follow_up.text, text_rules.REMINDER_TEXT)
        if not text:
            problems.add("follow_up_text", "请写明到时要做什么")
        check_person(session, follow_up.assignee_id, "follow_up", "经办人", problems)
        return FollowUpReminder(follow_up.due_date, text, follow_up.assignee_id)
    if follow_up is not None:
        problems.add("follow_up", "请选择转为诉求还是定期提醒")
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
        raise NotFoundError(f"找不到编号为 {data.household_id} 的住户")
    if current is None and household.status != HouseholdStatus.ACTIVE:
        status = HouseholdStatus(household.status)
        problems.add("household", f"这户已{status.label}，不能再登记走访")
    if current is not None and current.household_id != data.household_id:
        problems.add("household", "走访记录不能改到另一户名下")
    if data.visit_date > today:
        problems.add("visit_date", "走访日期不能晚于今天")
    elif data.visit_date < _EARLIEST:
        problems.add("visit_date", "走访日期太早，请核对年份")
    method = VisitMethod.HOME
    try:
        method = VisitMethod(data.method)
    except ValueError:
        problems.add("method", "请选择走访方式（上门、电话或视频）")
    check_person(session, data.visitor_id, "visitor", "走访人", problems,
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
        raise NotFoundError(f"找不到编号为 {visit_id} 的走访记录")
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
            households = select(Household.id).where(
                Household.search_text.like(pattern, escape="\\"))
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


# ---------------------------------------------------------------- schedule


def _intervals(session: Session) -> dict[CareTier, int]:
    return dict(get_station_settings(session).visit_interval_days)


def _due(
    status: str, tier: str, registered_on: date, last_visit: date | None,
    intervals: dict[CareTier, int],
) -> date | None:
    """The next due date of a household, None when it is not on the ledger."""
    if status != HouseholdStatus.ACTIVE:
        return None
    return schedule.next_due(last_visit, registered_on, intervals[CareTier(tier)])


def _expire_schedule(session: Session, household_ids: set[int] | None = None) -> None:
    """Loaded households must not keep schedule values a Core UPDATE has replaced."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Household):
            identity = inspect(obj).identity
            if household_ids is None or (identity is not None and identity[0] in household_ids):
                session.expire(obj, ["last_visit_date", "previous_visit_date", "next_visit_due"])


def _reschedule(session: Session, household_id: int | None) -> int:
    """Recompute last and previous visit and next due date of one household (or all) in one
    UPDATE.

    The rule is :func:`stationapp.domain.schedule.next_due`, written in SQL so that
    50,000 households take one statement. Only rows that change are written; their
    version and change time stay as they are (derived data, see the module docstring).
    """
    session.flush()
    intervals = _intervals(session)
    table = _HOUSEHOLD
    latest = (
        select(Household.id.label("household_id"),
               func.max(Visit.visit_date).label("last_visit"))
        .outerjoin(Visit, Visit.household_id == Household.id)
        .group_by(Household.id)
    )
    if household_id is not None:
        latest = latest.where(Household.id == household_id)
    found = latest.subquery()
    last = found.c.last_visit
    interval = case(
        *((table.c.tier == tier.value, days) for tier, days in intervals.items()),
        else_=intervals[CareTier.ROUTINE],
    )
    due = case(
        (table.c.status != HouseholdStatus.ACTIVE.value, null()),
        (last.is_(None), table.c.registered_on),
        else_=plus_days(session, last, interval),
    )
    earlier = aliased(Visit)
    previous = (
        select(func.max(earlier.visit_date))
        .where(earlier.household_id == table.c.id, earlier.visit_date < last)
        .scalar_subquery()
    )
    statement = (
        update(table)
        .where(table.c.id == found.c.household_id,
               or_(table.c.last_visit_date.is_distinct_from(last),
                   table.c.previous_visit_date.is_distinct_from(previous),
                   table.c.next_visit_due.is_distinct_from(due)))
        # Derived data: the change time stays (no onupdate stamp), as does the version.
        .values(last_visit_date=last, previous_visit_date=previous, next_visit_due=due,
                updated_at=table.c.updated_at)
    )
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    _expire_schedule(session, None if household_id is None else {household_id})
    return result.rowcount


def household_schedule(
    session: Session, household_id: int, today: date
) -> ScheduleInfo:
    """Tier, interval, last visit, next due date and days overdue (on ``today``) of one
    household."""
    row = session.execute(
        select(Household.status, Household.tier, Household.registered_on)
        .where(Household.id == household_id)
    ).first()
    if row is None:
        raise NotFoundError(f"找不到编号为 {household_id} 的住户")
    status, tier, registered_on = row
    last = session.scalar(
        select(func.max(Visit.visit_date)).where(Visit.household_id == household_id)
    )
    intervals = _intervals(session)
    due = _due(status, tier, registered_on, last, intervals)
    return ScheduleInfo(
        household_id=household_id, tier=CareTier(tier),
        interval_days=intervals[CareTier(tier)], last_visit=last, next_due=due,
        days_overdue=schedule.days_overdue(due, today),
    )


def reschedule_household(session: Session, household_id: int) -> None:
    """Recompute a household's last visit and next due date from its visits and tier."""
    if session.get(Household, household_id) is None:
        raise NotFoundError(f"找不到编号为 {household_id} 的住户")
    _reschedule(session, household_id)


def reschedule_all(session: Session) -> int:
    """Recompute every active household's next due date (after the intervals changed).

    Last visits are read from the visit table (so this also repairs the columns after
    visits were bulk-inserted); households not on the ledger get no due date. One
    UPDATE of the rows that change; returns their number.
    """
    changed = _reschedule(session, None)
    log.info("visit schedule recomputed: %d households changed", changed)
    return changed


# ---------------------------------------------------------------- overdue


def _overdue(
    query: Select[_Row], today: date, liaison_id: int | None, community_id: int | None
) -> Select[_Row]:
    query = query.where(Household.status == HouseholdStatus.ACTIVE.value,
                        Household.next_visit_due < today)
    if liaison_id is not None:
        query = query.where(Household.liaison_id == liaison_id)
    if community_id is not None:
        query = query.where(Household.community_id == community_id)
    return query


def list_overdue_ids(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[int]:
    """Ids of active households past their due date on ``today``, most days overdue first."""
    query = _overdue(select(Household.id), today, liaison_id, community_id)
    return read_ids(session, query.order_by(Household.next_visit_due, Household.id))


def count_overdue(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> int:
    """How many active households are past their due date (as :func:`list_overdue_ids`)."""
    query = _overdue(select(func.count()), today, liaison_id, community_id)
    return session.scalar(query) or 0


def fetch_overdue_rows(
    session: Session, ids: Sequence[int], today: date
) -> list[OverdueRow]:
    """The overdue-list rows of the given households, in the order of ``ids``, with the
    days overdue on ``today``.

    Households that have no due date any more (no longer on the ledger) are left out.
    """
    if not ids:
        return []
    records = session.execute(
        select(
            Household.id, Community.name, Household.building, Household.unit, Household.room,
            Household.head_name, Household.contact_phone, Household.tier, Volunteer.name,
            Household.last_visit_date, Household.next_visit_due,
        )
        .join(Community, Household.community_id == Community.id)
        .outerjoin(Volunteer, Household.liaison_id == Volunteer.id)
        .where(Household.id.in_(ids))
    ).all()
    rows: dict[int, OverdueRow] = {}
    for (hid, community, building, unit, room, head, phone, tier, liaison, last,
         due) in records:
        if due is None:
            continue
        rows[hid] = OverdueRow(
            household_id=hid, address=_address(community, building, unit, room), head=head,
            phone=phone, tier=CareTier(tier), liaison=liaison or "", last_visit=last,
            due=due, days_overdue=schedule.days_overdue(due, today),
        )
    return [rows[i] for i in ids if i in rows]


def list_overdue(
    session: Session,
    today: date,
    liaison_id: int | None = None,
    community_id: int | None = None,
) -> list[OverdueRow]:
    """Every row overdue on ``today`` (for the command line and reports)."""
    ids = list_overdue_ids(session, today, liaison_id, community_id)
    rows: list[OverdueRow] = []
    for chunk in chunks(ids, _CHUNK):
        rows.extend(fetch_overdue_rows(session, chunk, today))
    return rows


def month_coverage(
    session: Session, month: date, today: date, liaison_id: int | None = None
) -> Coverage:
    """Households visited in ``month`` ÷ households due in it (see domain.schedule).

    Due: households on the ledger now (with their current tier) whose due date, from
    the last visit before the month (or the day they were registered), falls inside
    the month or earlier; households registered after the month are not due in it.
    Visited: those of them with a visit dated inside the month. ``today`` changes
    nothing (visits cannot be dated in the future) and is accepted so callers can pass
    the same day everywhere. ``liaison_id`` keeps that liaison's households.

    One statement of range counts per care tier over ix_household_visit_state: the
    stored last and previous visit answer for almost every household; the visit index
    is asked only for those visited twice in the month, or twice after it (a past month).
    """
    del today
    start, end = schedule.month_start(month), schedule.month_end(month)
    intervals = _intervals(session)
    values: dict[str, Any] = {
        "start": start, "end": end, "liaison": liaison_id,
        "registered_by": end,
    }
    always_due: list[bool] = []
    for tier in CareTier:
        # schedule.is_due_in_month: due when the last visit before the month is on or
        # before the month's end minus the interval (the cutoff), or there is none.
        cutoff = end - timedelta(days=intervals.get(tier, intervals[CareTier.ROUTINE]))
        values[f"cutoff_{tier.value}"] = cutoff
        values[f"not_after_{tier.value}"] = min(cutoff, start - timedelta(days=1))
        # For a short interval any visit before the month is on or before the cutoff.
        always_due.append(cutoff >= start - timedelta(days=1))
    statement = _coverage_statement(tuple(always_due), liaison_id is not None)
    visited, due_not_visited = divmod(int(session.scalar(statement, values) or 0), _VISITED)
    return Coverage(month=start, due=visited + due_not_visited, visited=visited)


@functools.lru_cache(maxsize=16)
def _coverage_statement(always_due: tuple[bool, ...], by_liaison: bool) -> Select[int]:
    """month_coverage's statement for tiers (in CareTier order) that are or are not always
    due; the days are bound parameters, so one statement serves every month."""
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    last, previous = Household.last_visit_date, Household.previous_visit_date
    parts: list[Select[int]] = []

    def add(figure: ColumnElement[int], *conditions: ColumnElement[bool]) -> None:
        # Each part sums its households' figures: 1 due and not visited, _VISITED due and
        # visited in the month (0 not due).
        part = select(func.coalesce(func.sum(figure), 0).label("figure")).where(
            Household.status == HouseholdStatus.ACTIVE.value,
            Household.registered_on <= bindparam("registered_by", type_=Date),
            *conditions)
        if by_liaison:
            part = part.where(Household.liaison_id == bindparam("liaison", type_=Integer))
        parts.append(part)

    one: ColumnElement[int] = literal(1)
    visited_weight: ColumnElement[int] = literal(_VISITED)
    for tier, due_anyway in zip(CareTier, always_due, strict=True):
        cutoff = bindparam(f"cutoff_{tier.value}", type_=Date)
        in_tier = Household.tier == tier.value
        visited_since_cutoff = select(Visit.visit_date).where(
            Visit.household_id == Household.id, Visit.visit_date > cutoff,
            Visit.visit_date < start,
        ).exists()
        visited_in_month = select(Visit.visit_date).where(
            Visit.household_id == Household.id, Visit.visit_date >= start,
            Visit.visit_date <= end,
        ).exists()
        add(one, in_tier, last.is_(None))
        # The last visit is before the month: it is the last visit before the month.
        add(one, in_tier, last <= bindparam(f"not_after_{tier.value}", type_=Date))
        in_month = and_(last >= start, last <= end)
        if due_anyway:
            add(visited_weight, in_tier, in_month)
        else:
            # Visited once in the month: the previous visit is the last before it.
            add(visited_weight, in_tier, in_month, or_(previous.is_(None), previous <= cutoff))
            add(case((visited_since_cutoff, 0), else_=_VISITED),
                in_tier, in_month, previous >= start)
        # Visited after the month (a past month). Nothing lies between the previous visit
        # and the last: a previous visit before the month is the last before it, and
        # means no visit in the month; one inside the month means visited. Only for the
        # rest are the visits asked.
        after = last > end
        due_from_previous = one if due_anyway else case((previous <= cutoff, 1), else_=0)
        add(one, in_tier, after, previous.is_(None))
        add(due_from_previous, in_tier, after, previous < start)
        in_month_then = and_(previous >= start, previous <= end)
        if due_anyway:
            add(visited_weight, in_tier, after, in_month_then)
            add(case((visited_in_month, _VISITED), else_=1), in_tier, after, previous > end)
        else:
            add(case((visited_since_cutoff, 0), else_=_VISITED), in_tier, after, in_month_then)
            add(case((visited_since_cutoff, 0), (visited_in_month, _VISITED), else_=1),
                in_tier, after, previous > end)
    figures = union_all(*parts).subquery()
    return select(func.sum(figures.c.figure))


# ---------------------------------------------------------------- reminders


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
            id=rid, household_id=hid, address=_address(community, building, unit, room),
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
        raise NotFoundError(f"找不到编号为 {household_id} 的住户")
    problems = Problems()
    if due_date < _EARLIEST:
        problems.add("due_date", "提醒日期太早，请核对年份")
    tidy = problems.rule("text", text, text_rules.REMINDER_TEXT)
    if not tidy:
        problems.add("text", "请写明到时要做什么")
    check_person(session, assignee_id, "assignee", "经办人", problems)
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
        raise NotFoundError(f"找不到编号为 {reminder_id} 的提醒")
    if reminder.done_at is not None:
        raise ConflictError(
            f"这条提醒已由{reminder.done_by or '别人'}在{reminder.done_at:%Y-%m-%d %H:%M}办完了。"
        )
    reminder.done_at = now.replace(microsecond=0)
    reminder.done_by = actor
    reminder.updated_by = actor
    flush_or_conflict(session, "这条提醒刚被别人改过，请刷新后再看。")
    log.info("reminder %s done by %s", reminder_id, actor)


__all__ = [
    "Coverage", "FindingInput", "FollowUpReminder", "FollowUpRequest", "OverdueRow",
    "ReminderRow", "ScheduleInfo", "VisitDetail", "VisitFilter", "VisitInput", "VisitRow",
    "VisitSaved", "add_reminder", "add_visit", "complete_reminder", "delete_visit",
    "fetch_overdue_rows", "fetch_visit_rows", "get_visit", "household_schedule", "list_overdue",
    "list_overdue_ids", "list_reminders", "list_visit_ids", "list_visits", "month_coverage",
    "reschedule_all", "reschedule_household", "update_visit", "validate_visit",
]
