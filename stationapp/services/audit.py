"""The audit trail: reading it, checking its chain, and recording bulk readings.

Changes are recorded by the session events of :mod:`stationapp.db.audit_hook`; readings
of personal data in bulk (exports, printed ledgers, a full ID number shown) are recorded
by their caller with :func:`record_read`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from stationapp.db.audit_hook import PendingEntry, append_entries
from stationapp.db.stamps import session_clock
from stationapp.domain.accounts import Permission
from stationapp.domain.audit import (
    ACTOR_KEY,
    GENESIS_HASH,
    AuditEntry,
    canonical_json,
    entry_hash,
    trail_value,
)
from stationapp.domain.errors import SignInError
from stationapp.messages import msg
from stationapp.services.accounts import SignedIn, accounts_exist


@dataclass(frozen=True)
class AuditRow:
    """One entry of the trail as plain data (``changes`` parsed from its JSON)."""

    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: str
    changes: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        """The entry as a JSON-ready mapping (keys at, user, action, entity, entity_id,
        changes, id)."""
        return {"id": self.id, "at": self.at.isoformat(sep=" "), "user": self.user,
                "action": self.action, "entity": self.entity, "entity_id": self.entity_id,
                "changes": self.changes}

    def summary(self) -> str:
        """The changes on one line: ``field: before → after; …`` (what a reading was,
        ``count: 12; reason: …``, for reads)."""
        parts = []
        for field, value in self.changes.items():
            if isinstance(value, list) and len(value) == 2:
                before, after = (_short(v) for v in value)
                parts.append(f"{field}: {before} → {after}")
            else:
                parts.append(f"{field}: {_short(value)}")
        return "; ".join(parts)


def _short(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, str):
        return value
    return canonical_json(value)


_Query = TypeVar("_Query", bound=Select[Any])


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: from the day ``start`` to the day ``end`` (inclusive, open
    when None), by ``user``, of ``action``, about ``entity`` (each only when not empty)."""

    start: date | None = None
    end: date | None = None
    user: str = ""
    action: str = ""
    entity: str = ""

    def apply(self, query: _Query) -> _Query:
        """``query`` narrowed to the entries this filter keeps."""
        if self.start is not None:
            query = query.where(AuditEntry.at >= datetime.combine(self.start, time()))
        if self.end is not None:
            query = query.where(
                AuditEntry.at < datetime.combine(self.end + timedelta(days=1), time()))
        if self.user:
            query = query.where(AuditEntry.user == self.user)
        if self.action:
            query = query.where(AuditEntry.action == self.action)
        if self.entity:
            query = query.where(AuditEntry.entity == self.entity)
        return query


@dataclass(frozen=True)
class TrailChoices:
    """What the trail's filters can choose from: its accounts, actions and entities."""

    users: list[str]
    actions: list[str]
    entities: list[str]


@dataclass(frozen=True)
class FoundEntries:
    """A page of entries (newest first) and how many the filter keeps in all."""

    rows: list[AuditRow]
    total: int


def check_reader(session: Session, by: SignedIn | None) -> None:
    """Reading the trail takes :attr:`Permission.AUDIT` (PermissionDeniedError) once any
    account exists (SignInError when nobody signed in); a ledger without accounts lets
    anyone read it, as before accounts existed."""
    if by is not None:
        by.check(Permission.AUDIT)
    elif accounts_exist(session):
        raise SignInError(msg("account.sign_in_required"))


def find_entries(session: Session, audit_filter: AuditFilter, *, by: SignedIn | None,
                 limit: int | None = None, offset: int = 0) -> FoundEntries:
    """The entries ``audit_filter`` keeps, newest first (``limit`` of them from
    ``offset``, all when None), once :func:`check_reader` allows ``by``."""
    check_reader(session, by)
    query = audit_filter.apply(select(AuditEntry)).order_by(AuditEntry.id.desc())
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = [_row(entry) for entry in session.scalars(query)]
    counted = audit_filter.apply(select(func.count(AuditEntry.id)))
    total = session.scalar(counted) or 0
    return FoundEntries(rows, total)


def trail_choices(session: Session, *, by: SignedIn | None) -> TrailChoices:
    """The accounts, actions and entities the trail holds (sorted), for its filters."""
    check_reader(session, by)

    def distinct(column: Any) -> list[str]:
        return [value for value in session.scalars(select(column).distinct().order_by(column))
                if value]

    return TrailChoices(distinct(AuditEntry.user), distinct(AuditEntry.action),
                        distinct(AuditEntry.entity))


def check_trail(session: Session, *, by: SignedIn | None) -> AuditRow | None:
    """:func:`verify_chain` for ``by``, once :func:`check_reader` allows it."""
    check_reader(session, by)
    return verify_chain(session)


def _row(entry: AuditEntry) -> AuditRow:
    try:
        changes = json.loads(entry.changes)
    except ValueError:
        changes = {"?": entry.changes}  # an entry damaged by hand: shown, not hidden
    return AuditRow(entry.id, entry.at, entry.user, entry.action, entry.entity,
                    entry.entity_id, changes if isinstance(changes, dict) else {"?": changes})


def list_entries(session: Session, since: date | None = None, user: str | None = None,
                 entity: str | None = None, entity_id: str | None = None) -> list[AuditRow]:
    """Entries of the trail, oldest first: from the day ``since`` on, by ``user``, about
    ``entity`` (and ``entity_id``), each filter only when given."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if since is not None:
        query = query.where(AuditEntry.at >= datetime.combine(since, time()))
    if user:
        query = query.where(AuditEntry.user == user)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return [_row(entry) for entry in session.scalars(query)]


def verify_chain(session: Session) -> AuditRow | None:
    """The first entry whose hash or link to the one before does not hold (it, or the
    entry before it, was edited or deleted outside the program); None when the whole
    chain holds."""
    expected_prev = GENESIS_HASH
    query = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=1000)
    entries = session.scalars(query)
    try:
        for entry in entries:
            digest = entry_hash(entry.prev_hash, entry.at, entry.user, entry.action,
                                entry.entity, entry.entity_id, entry.changes)
            if entry.prev_hash != expected_prev or digest != entry.hash:
                return _row(entry)
            expected_prev = entry.hash
    finally:
        entries.close()  # a server-side cursor on PostgreSQL
    return None


def count_entries(session: Session) -> int:
    """How many entries the trail holds."""
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def record_read(session: Session, action: str, entity: str, count: int, reason: str = "",
                *, entity_id: str = "", actor: str | None = None) -> None:
    """Record a reading of personal data in bulk: ``action`` (``read_bulk``, ``export``,
    ``reveal_id`` …) of ``count`` rows of ``entity`` (``entity_id`` for one row), for
    ``reason``. The actor is ``actor``, else the session's signed-in account. Written at
    once, in the session's transaction, at the time of the session's clock."""
    user = actor if actor is not None else str(session.info.get(ACTOR_KEY) or "")
    changes = {"count": count, "reason": trail_value("reason", reason)}
    append_entries(session.connection(), session_clock(session).now(),
                   [PendingEntry(action, entity, entity_id, user, changes)])
