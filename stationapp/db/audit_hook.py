"""Records every change of the ledger in the audit trail, in one place: session events.

:func:`install_audit_trail` makes every session of a session factory
- after each flush, note what the flush created, changed or deleted (the ORM's own history
  gives the fields before and after);
- on each ``session.execute`` of an INSERT, UPDATE or DELETE statement on a ledger table
  (bulk imports, liaison assignment, delivery outcomes …), note the rows it touched (read
  before and after the statement);
- just before commit, write what was noted as entries chained to the last one.

Bulk work (an import, the demo station) that writes many wholes calls :func:`write_noted`
after each batch whose wholes are complete: what was noted so far is written then, so the
notes of a hundred thousand households are never all held in memory at once.

Rows of a whole (a household with its members, categories and status history; a visit with
its findings; an event with its tallies and volunteers …) are noted on the whole, so that
one save is one entry. The actor is ``session.info["actor"]`` (set where the session is
opened), else the ``updated_by`` stamp of the row.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Table, event, inspect, select, text, tuple_
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker
from sqlalchemy.sql import operators
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnElement

from stationapp.db.stamps import session_clock
from stationapp.domain.audit import (
    ACTOR_KEY,
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    canonical_json,
    entry_hash,
    trail_value,
)

PENDING_KEY = "audit_pending"
"""Where a session (``session.info``) keeps what its transaction changed, until commit."""
FRESH_KEY = "audit_fresh"
"""The keys of the pending entries noted (or merged) since the last packing."""
INSTALLED_KEY = "audit_installed"
WRITTEN_AT_KEY = "audit_written_at"
"""The time of the entries a transaction wrote early (:func:`write_noted`): every entry of
one transaction carries the same time."""
REDACT_KEY = "audit_redact"
"""When ``session.info[REDACT_KEY]`` names an action (de-identification), every change the
session notes is recorded under that action with ``REMOVED`` as its before values: the
trail then keeps which fields were removed, never what they held."""
REMOVED = "removed"

ENTITIES: dict[str, str] = {
    "household": "household", "visit": "visit", "care_request": "request",
    "event": "event", "delivery": "delivery", "volunteer": "volunteer",
    "station_setting": "setting", "account": "account", "community": "community",
    "item": "item", "event_type": "event_type", "request_category": "request_category",
    "reminder": "reminder", "delivery_round": "delivery_round",
    "service_certificate": "service_certificate", "seasonal_period": "seasonal_period",
}
"""Tables recorded as wholes of their own: table → entity name in the trail."""

PARTS: dict[str, tuple[str, str, str]] = {
    "resident": ("household", "household_id", "resident"),
    "household_category": ("household", "household_id", "category"),
    "household_status_change": ("household", "household_id", "status_change"),
    "visit_finding": ("visit", "visit_id", "finding"),
    "request_status_change": ("care_request", "request_id", "status_change"),
    "event_tally": ("event", "event_id", "tally"),
    "event_volunteer": ("event", "event_id", "volunteer"),
    "event_photo": ("event", "event_id", "photo"),
    "delivery_attempt": ("delivery", "delivery_id", "attempt"),
    "volunteer_role": ("volunteer", "volunteer_id", "role"),
}
"""Tables whose rows are parts of a whole: table → (whole's table, column naming the whole,
name of the part in the trail's field names)."""

WRITE_CHUNK = 5000
"""Entries inserted at a time when a transaction writes its notes."""

PACK_AFTER = 2000
"""Pending entries kept as they were noted before they are packed (:class:`_Packed`): a
big transaction's notes (a demo station's liaisons, requests and roles, held until its
volunteers' entries are complete) are held in a fraction of the memory."""

_COMPRESS_FROM = 512
"""Changes of at least this many characters (a request with all its status steps) are
kept compressed while pending."""

STATUS_PARTS = frozenset({"household_status_change", "request_status_change"})

NOT_RECORDED = frozenset({
    "created_at", "updated_at", "updated_by", "version", "recorded_at",
    # Kept in step with the members and visits by the services (derived, not typed):
    "head_name", "head_pinyin", "head_birth_date", "contact_phone", "address_key",
    "oldest_birth_date", "search_text", "building_no", "unit_no", "room_no",
    "last_visit_date", "previous_visit_date", "next_visit_due",
})
"""Columns whose changes are stamps or derived values, not what someone changed."""

_AUDIT: Table = AuditEntry.__table__  # type: ignore[assignment]

# PostgreSQL: one desk at a time appends to the chain (held until commit).
_CHAIN_LOCK = 0x5A_A0D17


@dataclass
class PendingEntry:
    """What one transaction did to one whole, not yet written."""

    action: str
    entity: str
    entity_id: str
    user: str
    changes: dict[str, Any] = field(default_factory=dict)
    """field → [before, after]; for a reading, what was read and why."""

    def merge(self, later: PendingEntry) -> None:
        """Fold a later change of the same whole in the same transaction into this one."""
        if later.action == AuditAction.DELETE or self.action == AuditAction.CHANGE:
            self.action = later.action
        for name, (before, after) in later.changes.items():
            self.changes[name] = [self.changes[name][0] if name in self.changes else before,
                                  after]
        self.user = self.user or later.user


def install_audit_trail(sessions: sessionmaker[Session]) -> None:
    """Record in the audit trail every change made through sessions of ``sessions``."""
    if sessions.kw.get("info", {}).get(INSTALLED_KEY):
        return
    sessions.kw.setdefault("info", {})[INSTALLED_KEY] = True
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_transaction_end", _after_transaction_end)


class _Packed(tuple[str, str, str | bytes]):
    """A pending entry as (action, user, its changes as canonical JSON — compressed UTF-8
    when long): what the entry will write, in a fraction of the memory of the dict of
    lists it was noted as. Its entity and id are the key it is kept under."""

    __slots__ = ()


def _pack(entry: PendingEntry) -> _Packed:
    changes = canonical_json(entry.changes)
    data: str | bytes = changes
    if len(changes) >= _COMPRESS_FROM:
        data = zlib.compress(changes.encode("utf-8"), 1)
    return _Packed((sys.intern(entry.action), sys.intern(entry.user), data))


def _packed_json(packed: _Packed) -> str:
    data = packed[2]
    return data if isinstance(data, str) else zlib.decompress(data).decode("utf-8")


def _unpack(entity: str, entity_id: str, packed: _Packed) -> PendingEntry:
    """The entry again as noted (JSON-ready values come back as they were written)."""
    return PendingEntry(packed[0], entity, entity_id, packed[1],
                        json.loads(_packed_json(packed)))


_Pending = dict[tuple[str, str], PendingEntry | _Packed]


def _pending(session: Session) -> _Pending:
    pending: _Pending = session.info.setdefault(PENDING_KEY, {})
    return pending


def _note(session: Session, entry: PendingEntry) -> None:
    if entry.action == AuditAction.CHANGE and not entry.changes:
        return
    key = (entry.entity, entry.entity_id)
    pending = _pending(session)
    earlier = pending.get(key)
    if isinstance(earlier, PendingEntry):
        earlier.merge(entry)
        return
    if earlier is not None:
        unpacked = _unpack(key[0], key[1], earlier)
        unpacked.merge(entry)
        entry = unpacked
    pending[key] = entry
    fresh: list[tuple[str, str]] = session.info.setdefault(FRESH_KEY, [])
    fresh.append(key)
    if len(fresh) >= PACK_AFTER:
        _pack_fresh(pending, fresh)


def _pack_fresh(pending: _Pending, fresh: list[tuple[str, str]]) -> None:
    """Pack the entries noted since the last packing (their order in ``pending`` stays)."""
    for key in fresh:
        entry = pending.get(key)
        if isinstance(entry, PendingEntry):
            pending[key] = _pack(entry)
    fresh.clear()


def _actor(session: Session, stamp: object) -> str:
    return str(session.info.get(ACTOR_KEY) or stamp or "")


def _field_changes(table: str, key: str, old: dict[str, Any], new: dict[str, Any]
                   ) -> dict[str, list[Any]]:
    """field → [before, after] of one row (a part's fields named after the part)."""
    prefix, link = "", None
    if table in PARTS:
        _whole, link, part = PARTS[table]
        prefix = f"{part}[{key}]."
    changes: dict[str, list[Any]] = {}
    if not old or not new:
        # Created or deleted (an import's tens of thousands of rows): one side is nothing,
        # so a field is recorded when the other side holds something.
        row, created = (new, True) if new else (old, False)
        for name, plain in _recorded_names(table, link, tuple(row)):
            value = row[name]
            if value is None:
                continue
            kind = type(value)
            # A plain column's int, flag or short text is kept as it is and its day or time
            # as ISO text (most values): what trail_value() gives, without asking it.
            if plain and ((kind is str and len(value) < 18) or kind is int or kind is bool):
                pass
            elif plain and (kind is date or kind is datetime):
                value = value.isoformat()
            else:
                value = trail_value(name, value)
                if value is None:
                    continue
            changes[prefix + name] = [None, value] if created else [value, None]
        return changes
    for name in sorted(set(old) | set(new)):
        if name in NOT_RECORDED or name == link:
            continue
        before, after = trail_value(name, old.get(name)), trail_value(name, new.get(name))
        if before != after:
            changes[prefix + name] = [before, after]
    return changes


_RECORDED: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, bool], ...]] = {}
_RECORDED_KEPT = 512
"""At most this many key sets are remembered (the rows of one statement share theirs)."""


def _recorded_names(table: str, link: str | None, names: tuple[str, ...]
                    ) -> tuple[tuple[str, bool], ...]:
    """The fields of a created or deleted row with the keys ``names`` that the trail
    records, sorted, each with whether it is a plain column (:func:`_plain_fields`): asked
    once per table and key set, not once per row."""
    known = _RECORDED.get((table, names))
    if known is None:
        plain = _plain_fields(table)
        known = tuple((name, name in plain) for name in sorted(names)
                      if name not in NOT_RECORDED and name != link)
        if plain and len(_RECORDED) < _RECORDED_KEPT:  # a table not imported yet: ask again
            _RECORDED[table, names] = known
    return known


_PLAIN_FIELDS: dict[str, frozenset[str]] = {}


def _plain_fields(table: str) -> frozenset[str]:
    """The columns of ``table`` whose int or short text (under 18 characters) the trail
    keeps as it is (:func:`trail_value`): not secrets, not document numbers."""
    plain = _PLAIN_FIELDS.get(table)
    if plain is None:
        known = _AUDIT.metadata.tables.get(table)
        if known is None:  # a model not imported yet: every value by trail_value()
            return frozenset()
        plain = frozenset(c.name for c in known.columns
                          if trail_value(c.name, "x" * 17) == "x" * 17
                          and trail_value(c.name, 17) == 17)
        _PLAIN_FIELDS[table] = plain
    return plain


def _whole_of(table: str, row: dict[str, Any], key: str) -> tuple[str, str] | None:
    """(entity, entity id) of the whole a row belongs to; None for tables not recorded."""
    if table in PARTS:
        whole, link, _part = PARTS[table]
        return ENTITIES[whole], str(row.get(link, ""))
    if table in ENTITIES:
        return ENTITIES[table], key
    return None


_KEY_NAMES: dict[tuple[str, str | None], tuple[tuple[str, ...], bool]] = {}


def _row_key(table: Table, row: dict[str, Any], whole_link: str | None) -> str:
    known = _KEY_NAMES.get((table.name, whole_link))
    if known is None:  # asked of SQLAlchemy once per table, not once per row
        names = tuple(c.name for c in table.primary_key.columns if c.name != whole_link)
        # One key column whose ints and short texts the trail keeps as they are (not a
        # secret's name, not a document number).
        known = names, (len(names) == 1 and trail_value(names[0], 17) == 17
                        and trail_value(names[0], "x" * 17) == "x" * 17)
        _KEY_NAMES[table.name, whole_link] = known
    names, plain = known
    if plain:
        value: Any = row.get(names[0])
        kind = type(value)
        # An id (most rows) or a short code (a category): what trail_value() gives, as text.
        if kind is int or (kind is str and len(value) < 18):
            return str(value)
    return ",".join(str(trail_value(name, row.get(name))) for name in names)


def _row_entry(session: Session, table: Table, action: str, old: dict[str, Any],
               new: dict[str, Any]) -> PendingEntry | None:
    row = new or old
    link = PARTS[table.name][1] if table.name in PARTS else None
    key = _row_key(table, row, link)
    whole = _whole_of(table.name, row, key)
    if whole is None:
        return None
    changes = _field_changes(table.name, key, old, new)
    redacting = session.info.get(REDACT_KEY)
    if redacting:
        return PendingEntry(str(redacting), whole[0], whole[1],
                            _actor(session, row.get("updated_by")),
                            {name: [REMOVED, after] for name, (_before, after)
                             in changes.items()})
    if table.name in PARTS:
        action = AuditAction.STATUS if table.name in STATUS_PARTS else AuditAction.CHANGE
    elif action == AuditAction.CHANGE and "status" in changes:
        action = AuditAction.STATUS
    return PendingEntry(action, whole[0], whole[1], _actor(session, row.get("updated_by")),
                        changes)


# --- the ORM's flushes -----------------------------------------------------------------------


def _after_flush(session: Session, _context: Any) -> None:
    for objects, action in ((session.new, AuditAction.CREATE),
                            (session.dirty, AuditAction.CHANGE),
                            (session.deleted, AuditAction.DELETE)):
        for obj in objects:
            state = inspect(obj)
            table = state.mapper.local_table
            if not isinstance(table, Table) or table.name not in ENTITIES | PARTS.keys():
                continue
            _note_row(session, table, action, *_object_rows(state, action))


def _object_rows(state: Any, action: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The object's columns before and after the flush (from the ORM's history)."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        history = state.attrs[attr.key].history
        current = state.dict.get(attr.key)
        before = history.deleted[0] if history.deleted else (
            None if history.added else current)
        if action != AuditAction.CREATE:
            old[column.name] = before
        if action != AuditAction.DELETE:
            new[column.name] = current
    return old, new


# --- statements run through session.execute -------------------------------------------------


def _on_execute(state: ORMExecuteState) -> Result[Any] | None:
    statement = state.statement
    if not isinstance(statement, Insert | Update | Delete):
        return None
    table = statement.table
    if not isinstance(table, Table) or table.name not in ENTITIES | PARTS.keys():
        return None
    session = state.session
    if isinstance(statement, Update) and _sets_nothing_recorded(session, statement, table,
                                                                state.parameters):
        return None
    if isinstance(statement, Insert):
        result = state.invoke_statement()
        returned: Sequence[Any] = []
        if _returns_rows(result):
            frozen = result.freeze()
            returned, result = frozen().all(), frozen()
        for index, row in enumerate(_parameter_rows(state.parameters)):
            if index < len(returned) and "id" in returned[index]._fields:
                row = {**row, "id": returned[index].id}
            _note_row(session, table, AuditAction.CREATE, {}, row)
        return result
    connection = session.connection()
    keys = list(table.primary_key.columns)
    found = select(table)
    if statement.whereclause is not None:
        found = found.where(statement.whereclause)
    before = _rows_before(connection, table, keys, found, statement,
                          _parameter_rows(state.parameters))
    result = state.invoke_statement()
    if _returns_rows(result):
        result = result.freeze()()
    after: dict[tuple[Any, ...], dict[str, Any]] = {}
    if isinstance(statement, Update) and before:
        ids = [tuple(r[c.name] for c in keys) for r in before]
        for chunk in _chunks(ids, 500):
            rows = connection.execute(select(table).where(tuple_(*keys).in_(chunk)))
            after.update((tuple(r._mapping[c.name] for c in keys), dict(r._mapping))
                         for r in rows)
    action = AuditAction.DELETE if isinstance(statement, Delete) else AuditAction.CHANGE
    for row in before:
        _note_row(session, table, action, row, after.get(tuple(row[c.name] for c in keys), {}))
    return result


def _sets_nothing_recorded(session: Session, statement: Update, table: Table,
                           parameters: Any) -> bool:
    """Whether an UPDATE sets only stamps and derived columns (:data:`NOT_RECORDED`), so
    that nothing of it would be noted: its rows need not be read before and after (the
    visit schedule recomputed for a whole ledger touches every household)."""
    if parameters or session.info.get(REDACT_KEY) or table.name in STATUS_PARTS:
        return False
    if statement._multi_values or not statement._values:
        return False
    names: set[str] = set()
    for key in statement._values:
        if isinstance(key, str):
            names.add(key)
        elif isinstance(key, Column):
            names.add(key.name)
        else:
            return False
    names.update(c.name for c in table.columns if c.onupdate is not None)
    return names <= NOT_RECORDED


def _rows_before(connection: Connection, table: Table, keys: list[Any], found: Any,
                 statement: Update | Delete, parameters: list[dict[str, Any]]
                 ) -> list[dict[str, Any]]:
    """The rows a statement is about to touch. A bulk UPDATE or DELETE by primary key (one
    parameter row per table row, no WHERE of its own) is read in chunks of ids, not row by
    row: a thousand deliveries renumbered cost two reads, not two thousand."""
    names = [c.name for c in keys]
    if statement.whereclause is not None:  # WHERE id = :bound, one id per parameter row
        bound = _bound_key(statement.whereclause, keys)
        names = [bound] if bound is not None else []
    if (len(parameters) > 1 and names
            and all(all(n in p for n in names) for p in parameters)):
        ids = [tuple(p[n] for n in names) for p in parameters]
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(ids, 500):
            rows.extend(dict(r._mapping) for r in connection.execute(
                select(table).where(tuple_(*keys).in_(chunk))))
        return rows
    before: list[dict[str, Any]] = []
    for row_parameters in parameters or [{}]:
        before.extend(dict(r._mapping) for r in connection.execute(found, row_parameters))
    return before


def _bound_key(clause: Any, keys: list[Any]) -> str | None:
    """The name of the parameter in ``WHERE <primary key> = :name`` (a one-column key),
    else None."""
    if (len(keys) == 1 and isinstance(clause, BinaryExpression)
            and clause.operator is operators.eq and isinstance(clause.right, BindParameter)
            and isinstance(clause.left, ColumnElement) and clause.left.compare(keys[0])):
        return str(clause.right.key)
    return None


def note_created(session: Session, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    """Note ``rows`` inserted into ``table`` by SQL this hook does not see (a bulk writer's
    own statement), exactly as it notes the rows of an INSERT run through
    ``session.execute``: each row on its whole, with the values given."""
    name = table.name
    if name in PARTS:
        whole, link, _part = PARTS[name]
        entity = ENTITIES[whole]
        action = AuditAction.STATUS if name in STATUS_PARTS else AuditAction.CHANGE
    elif name in ENTITIES:
        link, entity, action = None, ENTITIES[name], AuditAction.CREATE
    else:
        return
    if session.info.get(REDACT_KEY):
        for row in rows:
            _note_row(session, table, AuditAction.CREATE, {}, row)
        return
    # What _note_row() notes for each row, with what is the same for every row of the
    # table worked out once: a part merges straight into its whole noted before it.
    pending = _pending(session)
    acting = session.info.get(ACTOR_KEY)
    for row in rows:
        key = _row_key(table, row, link)
        changes = _field_changes(name, key, {}, row)
        if action == AuditAction.CHANGE and not changes:
            continue
        entity_id = key if link is None else str(row.get(link, ""))
        user = str(acting or row.get("updated_by") or "")
        earlier = pending.get((entity, entity_id))
        if not isinstance(earlier, PendingEntry):
            _note(session, PendingEntry(action, entity, entity_id, user, changes))
            continue
        # PendingEntry.merge() of a created row, without a second list for each field.
        if earlier.action == AuditAction.CHANGE:
            earlier.action = action
        kept = earlier.changes
        for field_name, change in changes.items():
            if field_name in kept:
                change[0] = kept[field_name][0]
            kept[field_name] = change
        earlier.user = earlier.user or user


def _note_row(session: Session, table: Table, action: str, old: dict[str, Any],
              new: dict[str, Any]) -> None:
    entry = _row_entry(session, table, action, old, new)
    if entry is not None:
        _note(session, entry)


def _returns_rows(result: Result[Any]) -> bool:
    return isinstance(result, CursorResult) and result.returns_rows


def _parameter_rows(parameters: Any) -> list[dict[str, Any]]:
    if isinstance(parameters, dict):
        return [parameters]
    return [dict(p) for p in parameters or ()]


def _chunks(values: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --- writing at commit ------------------------------------------------------------------------


def _before_commit(session: Session) -> None:
    write_noted(session)


def write_noted(session: Session) -> None:
    """Write what the session's transaction has noted so far as chained entries now
    instead of at commit (they commit or roll back with the rest of the transaction).

    For bulk work, called after each batch whose wholes are complete (a household with all
    its members, categories and status history): a part noted after its whole was written
    would become a second entry of that whole. Every entry of the transaction, written
    early or at commit, carries the time of the first one written."""
    session.flush()
    pending = session.info.pop(PENDING_KEY, None)
    session.info.pop(FRESH_KEY, None)
    if pending:
        _append_rows(session.connection(), _entry_time(session), _drained(pending))


def _entry_time(session: Session) -> datetime:
    at: datetime | None = session.info.get(WRITTEN_AT_KEY)
    if at is None:
        at = session_clock(session).now()
        session.info[WRITTEN_AT_KEY] = at
    return at


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(PENDING_KEY, None)
        session.info.pop(FRESH_KEY, None)
        session.info.pop(WRITTEN_AT_KEY, None)


def append_entries(connection: Connection, at: datetime, entries: Iterable[PendingEntry]
                   ) -> None:
    """Write ``entries`` at ``at``, each chained to the one before (the last one written
    by anyone before them)."""
    _append_rows(connection, at, ((e.action, e.entity, e.entity_id, e.user,
                                   canonical_json(e.changes)) for e in entries))


def _append_rows(connection: Connection, at: datetime,
                 entries: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Write entries given as (action, entity, entity id, user, changes as canonical
    JSON), each chained to the one before."""
    rows = []
    prev = _last_hash(connection)
    for action, entity, entity_id, user, changes in entries:
        digest = entry_hash(prev, at, user, action, entity, entity_id, changes)
        rows.append({"at": at, "user": user, "action": action, "entity": entity,
                     "entity_id": entity_id, "changes": changes, "prev_hash": prev,
                     "hash": digest})
        prev = digest
        if len(rows) >= WRITE_CHUNK:  # a big transaction's entries are not all held twice
            connection.execute(_AUDIT.insert(), rows)
            rows = []
    if rows:
        connection.execute(_AUDIT.insert(), rows)


def _drained(pending: _Pending) -> Iterator[tuple[str, str, str, str, str]]:
    """The entries of ``pending`` in order as (action, entity, entity id, user, changes as
    canonical JSON), each let go of once it is taken."""
    for key in list(pending):
        entry = pending.pop(key)
        if isinstance(entry, PendingEntry):
            yield entry.action, key[0], key[1], entry.user, canonical_json(entry.changes)
        else:
            yield entry[0], key[0], key[1], entry[1], _packed_json(entry)


def _last_hash(connection: Connection) -> str:
    """The hash of the newest entry, once this transaction alone may append."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    else:
        # Any write statement takes SQLite's write lock, so no other desk appends meanwhile.
        connection.execute(text("UPDATE audit_entry SET id = id WHERE 1 = 0"))
    table = _AUDIT
    last = connection.execute(
        select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar_one_or_none()
    return last or GENESIS_HASH
