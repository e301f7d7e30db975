"""The data the care demo works with (homes, people, the rows it collects) and how
those rows go into the database in bulk."""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from stationapp.demo.care_texts import _ACTOR, _MOBILE_PREFIXES, _WINDOW_DAYS
from stationapp.domain.care_models import (
    CareRequest,
    DeliveryRound,
    Reminder,
    RequestCategory,
    RequestStatusChange,
    Visit,
    VisitFinding,
    VolunteerRoleAssignment,
)
from stationapp.domain.care_vocab import DEFAULT_REQUEST_CATEGORIES, RequestStatus, VisitTopic
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.people import age_on
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus
from stationapp.services.settings import get_station_settings

# --- the data the demo works with -----------------------------------------------------------


@dataclass(slots=True)
class _Home:
    """An active household, as far as care follow-up needs it."""

    id: int
    community_id: int
    building: str
    tier: CareTier
    registered: date
    head: str
    male: bool
    age: int
    alone: bool
    phone: str
    liaison: int | None = None


@dataclass(slots=True)
class _Person:
    """A staff member or volunteer who can visit, be liaison or take a request."""

    id: int
    name: str
    community_id: int | None
    skills: str
    is_staff: bool
    active: bool = True
    lapse: float = 0.06
    """How often this person lets a visit slip well past its due date."""


@dataclass(slots=True)
class _Step:
    from_status: RequestStatus | None
    to_status: RequestStatus
    at: datetime
    actor: str
    note: str = ""


@dataclass
class _Rows:
    """Rows waiting for the bulk inserts."""

    volunteers: list[dict[str, Any]] = field(default_factory=list)
    visits: list[tuple[Any, ...]] = field(default_factory=list)
    """In the order of :data:`_VISIT_COLUMNS`."""
    findings: list[tuple[Any, ...]] = field(default_factory=list)
    """In the order of :data:`_FINDING_COLUMNS`."""
    reminders: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)


VISIT_BATCH = 20_000
"""Visits (with their findings) drawn before they go into the database: the rows of a big
station are never all held in memory at once."""
REQUEST_BATCH = 2_000
"""Requests (with their status history) stored before they go into the database. Fewer
than visits: their rows go through the audit trail, which copies each batch's parameters
and notes, and a batch of 20,000 requests with their 95,000 steps took 150 MB at once."""
_LATEST = 12
"""How many of the latest visits are kept at hand (a reminder due soon may come from one)."""

_VISIT_COLUMNS = ("id", "household_id", "visit_date", "method", "visitor_id", "notes",
                  "needs_follow_up", "version", "updated_by", "created_at", "updated_at")
_VISIT_ENTERED = time(17, 30)
"""When the demo's visits were entered: the evening of the visit's day."""
_FINDING_COLUMNS = ("visit_id", "topic", "level", "note")


class _PlainInsert:
    """Executemany straight through the driver for the two big tables.

    Visits and their findings are a few hundred thousand and over a million rows on a
    50,000-household ledger; SQLAlchemy's per-row parameter processing doubles their
    insert time. Their values are plain ints, strings, booleans and dates, which SQLite
    (dates as ISO text, as SQLAlchemy stores them) and psycopg take as they are. Other
    drivers go through a Core insert.
    """

    def __init__(self, session: Session) -> None:
        dialect = session.get_bind().dialect
        self.session = session
        self.sqlite = dialect.name == "sqlite"
        self.mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)

    def day(self, day: date) -> date | str:
        """``day`` as the driver takes it."""
        return day.isoformat() if self.sqlite else day

    def moment(self, moment: datetime) -> datetime | str:
        """``moment`` as the driver takes it (on SQLite as SQLAlchemy stores date-times)."""
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else moment

    def insert(self, model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        table: Table = model.__table__
        if self.mark is None:
            self.session.execute(insert(table), [dict(zip(columns, row, strict=True))
                                                 for row in rows])
            return
        marks = ", ".join([self.mark] * len(columns))
        self.session.connection().exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)

    def mark_follow_up(self, visit_id: int) -> None:
        """Mark a visit already written as needing follow-up (its reminder came later)."""
        table: Table = Visit.__table__  # type: ignore[assignment]
        if self.mark is None:
            self.session.execute(update(table).where(table.c.id == visit_id)
                                 .values(needs_follow_up=True))
            return
        self.session.connection().exec_driver_sql(
            f"UPDATE {table.name} SET needs_follow_up = {self.mark} WHERE id = {self.mark}",
            (True, visit_id))


def _next_id(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


class _CareDemo:
    """The seeded random stream, the households and people, and the rows being drawn."""

    def __init__(self, session: Session, rng: random.Random, today: date) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.cutoff = datetime.combine(today, time(0, 0))
        """Nothing in the demo happens on ``today`` itself or later."""
        self.window_start = today - timedelta(days=_WINDOW_DAYS)
        settings = get_station_settings(session)
        self.intervals = {tier: settings.interval(tier) for tier in CareTier}
        self.limit_days = settings.request_limit_days
        self.rows = _Rows()
        self.plain = _PlainInsert(session)
        self.communities: list[tuple[int, str]] = [
            (cid, name) for cid, name in session.execute(
                select(Community.id, Community.name).order_by(Community.id))
        ]
        self.homes = self._load_homes()
        self.people: dict[int, _Person] = {
            vid: _Person(vid, name, cid, skills or "", bool(staff), bool(active))
            for vid, name, cid, skills, staff, active in session.execute(select(
                Volunteer.id, Volunteer.name, Volunteer.community_id, Volunteer.skills,
                Volunteer.is_staff, Volunteer.active).order_by(Volunteer.id))
        }
        self.next_volunteer_id = _next_id(session, Volunteer.id)
        self.next_visit_id = _next_id(session, Visit.id)
        self.next_reminder_id = _next_id(session, Reminder.id)
        self.next_request_id = _next_id(session, CareRequest.id)
        self.next_step_id = _next_id(session, RequestStatusChange.id)
        self.staff: list[_Person] = []
        self.batch = VISIT_BATCH
        self.request_batch = REQUEST_BATCH
        self.visits_written = 0
        self.requests_written = 0
        self._latest: list[tuple[str, int, int, date | str, int]] = []
        """The latest visits written (by day, then id), as (day, id, household, stored day,
        visitor): the smallest first."""
        self.categories = self._ensure_categories()
        self._named: dict[str, _Person | None] = {}
        self._repairers: tuple[list[_Person], dict[int, list[_Person]]] | None = None

    # writing as the rows come

    def flush_visits(self) -> None:
        """Write the visits and findings drawn so far (visits first: findings refer to
        them) and forget them, keeping only the latest few at hand."""
        visits = self.rows.visits
        if not visits:
            return
        keyed = ((str(v[2]), v[0], v[1], v[2], v[4]) for v in visits)
        self._latest = heapq.nlargest(_LATEST, itertools.chain(self._latest, keyed))
        self._latest.reverse()
        self.plain.insert(Visit, _VISIT_COLUMNS, visits)
        self.plain.insert(VisitFinding, _FINDING_COLUMNS, self.rows.findings)
        self.visits_written += len(visits)
        visits.clear()
        self.rows.findings.clear()

    def latest_visits(self) -> list[tuple[int, int, date | str, int]]:
        """The latest visits written, oldest first: (id, household, stored day, visitor)."""
        return [(vid, hid, stored, visitor) for _, vid, hid, stored, visitor in self._latest]

    def flush_requests(self) -> None:
        """Write the requests drawn so far, then their status history, and forget them."""
        rows = self.rows
        _insert(self.session, CareRequest, rows.requests)
        _insert(self.session, RequestStatusChange, rows.steps)
        self.requests_written += len(rows.requests)
        rows.requests.clear()
        rows.steps.clear()

    # loading

    def _load_homes(self) -> list[_Home]:
        alone = set(self.session.scalars(select(HouseholdCategory.household_id).where(
            HouseholdCategory.category.in_([CareCategory.LIVING_ALONE.value,
                                            CareCategory.WIDOWED_CHILDLESS.value]))))
        query = (
            select(Household.id, Household.community_id, Household.building, Household.tier,
                   Household.registered_on, Resident.name, Resident.sex, Resident.birth_date,
                   Resident.phone)
            .join(Resident, (Resident.household_id == Household.id) & Resident.is_head)
            .where(Household.status == HouseholdStatus.ACTIVE.value)
            .order_by(Household.id)
        )
        homes: list[_Home] = []
        seen: set[int] = set()
        for hid, cid, building, tier, registered, name, sex, birth, phone in \
                self.session.execute(query):
            if hid in seen:  # pragma: no cover - one head per household in the demo
                continue
            seen.add(hid)
            homes.append(_Home(
                id=hid, community_id=cid, building=building, tier=CareTier(tier),
                registered=registered or self.window_start,
                head=name, male=sex == "M",
                age=age_on(birth, self.today) if birth else 70,
                alone=hid in alone, phone=phone or "",
            ))
        return homes

    def _ensure_categories(self) -> dict[str, int]:
        """Ids of the request categories, adding the defaults a bare schema lacks."""
        existing = {n: i for n, i in self.session.execute(
            select(RequestCategory.name, RequestCategory.id))}
        missing = [name for name in DEFAULT_REQUEST_CATEGORIES if name not in existing]
        if missing:
            start = len(existing)
            self.session.execute(insert(RequestCategory), [
                {"name": name, "sort_order": start + k, "active": True}
                for k, name in enumerate(missing)
            ])
            existing = {n: i for n, i in self.session.execute(
                select(RequestCategory.name, RequestCategory.id))}
        active = set(self.session.scalars(
            select(RequestCategory.name).where(RequestCategory.active.is_(True))))
        return {name: cid for name, cid in existing.items() if name in active}

    # helpers

    def moment(self, day: date, start_hour: float = 8.0, end_hour: float = 17.5) -> datetime:
        """A time on ``day`` between the two hours, to the minute."""
        minutes = self.rng.randint(int(start_hour * 60), int(end_hour * 60))
        return datetime.combine(day, time(0, 0)) + timedelta(minutes=minutes)

    def office(self, moment: datetime) -> datetime:
        """``moment`` to the minute, or the next morning when it falls in the evening or
        night."""
        moment = moment.replace(second=0, microsecond=0)
        if moment.hour >= 19:
            return self.moment(moment.date() + timedelta(days=1), 8.0, 9.5)
        if moment.hour < 8:
            return self.moment(moment.date(), 8.0, 9.5)
        return moment

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def add_volunteer(
        self, name: str, phone: str, community_id: int | None, skills: tuple[str, ...],
        notes: str, is_staff: bool,
    ) -> _Person:
        vid = self.next_volunteer_id
        self.next_volunteer_id += 1
        created = self.moment(self.today - timedelta(days=self.rng.randint(150, 1200)))
        self.rows.volunteers.append({
            "id": vid, "name": name, "phone": phone, "community_id": community_id,
            "skills": "、".join(skills), "active": True, "is_staff": is_staff, "notes": notes,
            "version": 1, "created_at": created, "updated_at": created, "updated_by": _ACTOR,
        })
        person = _Person(vid, name, community_id, "、".join(skills), is_staff)
        self.people[vid] = person
        return person

    def named(self, name: str) -> _Person | None:
        """The active demo volunteer of that name, if the events demo added one."""
        if name not in self._named:
            self._named[name] = next((p for p in self.people.values()
                                      if p.name == name and p.active), None)
        return self._named[name]

    def clerks(self) -> list[_Person]:
        """The staff who receive, dispatch and call back (any active person without staff)."""
        return self.staff or [p for p in self.people.values() if p.active][:1]

    def repairers(self) -> tuple[list[_Person], dict[int, list[_Person]]]:
        """Active volunteers who do repairs (维修), all and by community where they live."""
        if self._repairers is None:
            every = [p for p in self.people.values()
                     if p.active and not p.is_staff and "维修" in p.skills]
            local: dict[int, list[_Person]] = {}
            for person in every:
                if person.community_id is not None:
                    local.setdefault(person.community_id, []).append(person)
            self._repairers = (every, local)
        return self._repairers

    def community_named(self, name: str) -> int | None:
        for cid, cname in self.communities:
            if cname == name:
                return cid
        return None


@dataclass(slots=True)
class _FollowUp:
    """A visit whose finding needs a request or a reminder."""

    home: _Home
    visit_id: int
    day: date
    visitor: _Person
    topic: VisitTopic
    note: str
    request: bool


# --- writing ----------------------------------------------------------------------------------


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through the table (Core executemany: several times faster than the ORM
    bulk path for the hundreds of thousands of visit findings of a big ledger)."""
    if rows:
        session.execute(insert(model.__table__), rows)


def _advance_sequences(session: Session) -> None:
    """On PostgreSQL, move the id sequences past the explicit ids the demo inserted."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in (Volunteer, Visit, Reminder, CareRequest, RequestStatusChange,
                  VolunteerRoleAssignment, DeliveryRound):
        name = model.__tablename__
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
        ))
