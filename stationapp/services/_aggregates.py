"""Optimistic locking over whole aggregates: a change to a part bumps its root's version.

A household is saved as a whole (its members, care categories and status history with
it), and so are an event (tallies, volunteers who served, deliveries and their history,
delivery rounds), a request (its steps), a visit (its findings) and a volunteer (the
roles held). The ``version`` that detects a stale save lives on the root row only, so a
change to a part must change the root's version too, or a second desk saving an older
copy of the whole would silently put the old part back.

:func:`touch_roots_of_changed_parts` runs before every ORM flush: each new, changed or
deleted part (and each root whose collection of parts changed) marks its root modified,
so the flush issues the root's versioned UPDATE. Services that change parts with Core
statements behind the ORM's back call :func:`touch_roots` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, event, inspect, update
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction
from sqlalchemy.orm.attributes import flag_modified

from stationapp.db.stamps import session_clock
from stationapp.domain.care_models import (
    CareRequest,
    DeliveryRound,
    RequestStatusChange,
    Visit,
    VisitFinding,
    VolunteerRoleAssignment,
)
from stationapp.domain.event_models import (
    Delivery,
    DeliveryAttempt,
    Event,
    EventTally,
    EventVolunteer,
    Volunteer,
)
from stationapp.domain.models import Household, HouseholdCategory, HouseholdStatusChange, Resident

PARENTS: dict[type[Any], tuple[str, str, type[Any]]] = {
    Resident: ("household", "household_id", Household),
    HouseholdCategory: ("household", "household_id", Household),
    HouseholdStatusChange: ("household", "household_id", Household),
    EventTally: ("event", "event_id", Event),
    EventVolunteer: ("event", "event_id", Event),
    Delivery: ("event", "event_id", Event),
    DeliveryRound: ("event", "event_id", Event),
    DeliveryAttempt: ("delivery", "delivery_id", Delivery),
    RequestStatusChange: ("request", "request_id", CareRequest),
    VisitFinding: ("visit", "visit_id", Visit),
    VolunteerRoleAssignment: ("volunteer", "volunteer_id", Volunteer),
}
"""Part type → (relationship to its parent, foreign key column, parent type). A parent
that is itself a part (a delivery of an event) passes the change on up."""

ROOTS: tuple[type[Any], ...] = (Household, Event, Delivery, CareRequest, Visit, Volunteer)
"""Versioned rows that own parts."""


def _parent(session: Session, part: Any) -> Any | None:
    relation, key, parent_type = PARENTS[type(part)]
    parent = getattr(part, relation, None)
    if parent is None:
        # A part deleted on its own, or added by id only: its foreign key still says whose.
        parent_id = getattr(part, key, None)
        if parent_id is None:
            state = inspect(part)
            history = state.attrs[relation].history
            parent = next(iter(history.deleted or ()), None)
        else:
            parent = session.get(parent_type, parent_id)
    return parent


def _actor(part: Any) -> str:
    """Who changed ``part``, when the part says (the root then names them)."""
    for name in ("updated_by", "actor"):
        value = getattr(part, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


_WRITTEN_KEY = "stationapp.aggregates.written"
"""``session.info`` key: the roots this transaction already inserted or updated (by
identity key, so that a big import can still free the rows it has written); their
version already differs from any copy another desk read."""

Key = tuple[Any, ...]
"""A row's identity: its mapped class and primary key (SQLAlchemy's identity key)."""


def _written(session: Session) -> set[Key]:
    written: set[Key] = session.info.setdefault(_WRITTEN_KEY, set())
    return written


def _key(obj: Any) -> Key:
    """``obj``'s identity; after a flush also for a row it has just inserted."""
    state = inspect(obj)
    key = state.key or state.mapper.identity_key_from_instance(obj)
    return tuple(key[:2])


def _mark(root: Any, actor: str, skip: set[Key]) -> None:
    """Make the next flush write ``root`` (a versioned UPDATE), naming ``actor``.

    A root being added or deleted, or one this transaction wrote already (its key in
    ``skip``), needs no further bump.
    """
    if not inspect(root).persistent or _key(root) in skip:
        return
    if actor:
        root.updated_by = actor
    else:
        root.updated_by  # noqa: B018 - loads an expired value, flag_modified needs it
    flag_modified(root, "updated_by")


def touch_roots_of_changed_parts(
    session: Session, _context: UOWTransaction, _instances: Iterable[Any] | None
) -> None:
    """``before_flush``: every changed part marks its root(s) modified (see module doc)."""
    dirty = [obj for obj in session.dirty
             if (type(obj) in PARENTS or isinstance(obj, ROOTS)) and session.is_modified(obj)]
    deleted = list(session.deleted)
    skip = {_key(obj) for obj in deleted} | _written(session)
    pending: list[tuple[Any, str]] = []
    for obj in (*session.new, *dirty, *deleted):
        if type(obj) in PARENTS:
            pending.append((obj, _actor(obj)))
    # A root whose collection of parts alone changed (a category removed) has no column
    # changed, so nothing would write it.
    pending.extend((obj, "") for obj in dirty if type(obj) not in PARENTS)
    seen: set[int] = set()
    while pending:
        obj, actor = pending.pop()
        if type(obj) in PARENTS:
            parent = _parent(session, obj)
            if parent is not None and id(parent) not in seen:
                seen.add(id(parent))
                _mark(parent, actor, skip)
                pending.append((parent, actor or _actor(parent)))
        elif id(obj) not in seen:
            seen.add(id(obj))
            _mark(obj, actor, skip)


def touch_roots(session: Session, root_type: type[Any], ids: Iterable[int], actor: str) -> None:
    """Bump the version of the given roots after a Core statement changed their parts.

    A root loaded in this session is marked and written by the next flush (its pending
    changes kept); the others get one UPDATE per 500 ids, and count as written by this
    transaction, so that a later flush does not bump them again.
    """
    wanted = set(ids)
    written = _written(session)
    skip = {_key(obj) for obj in session.deleted} | written
    rest: list[int] = []
    for root_id in sorted(wanted):
        loaded = session.identity_map.get(session.identity_key(root_type, (root_id,)))
        if loaded is not None:
            _mark(loaded, actor, skip)
        elif tuple(session.identity_key(root_type, (root_id,))[:2]) not in written:
            rest.append(root_id)
    table = root_type.__table__
    assert isinstance(table, Table)
    now = session_clock(session).now()
    for start in range(0, len(rest), 500):
        session.execute(
            update(table)
            .where(table.c.id.in_(rest[start : start + 500]))
            .values(version=table.c.version + 1, updated_by=actor, updated_at=now)
        )
    written.update(tuple(session.identity_key(root_type, (root_id,))[:2]) for root_id in rest)


def _note_written_roots(session: Session, _context: UOWTransaction) -> None:
    """``after_flush``: remember the roots this flush inserted or updated (``new`` and
    ``dirty`` still show the state before the flush here)."""
    written = _written(session)
    for obj in session.new:
        if isinstance(obj, ROOTS):
            written.add(_key(obj))
    for obj in session.dirty:
        if isinstance(obj, ROOTS) and session.is_modified(obj):
            written.add(_key(obj))


def _forget_written_roots(session: Session, transaction: SessionTransaction) -> None:
    """At the end of a transaction or a savepoint (whose writes may be undone); not at
    the end of the inner transaction every flush runs in."""
    if transaction.parent is None or transaction.nested:
        session.info.pop(_WRITTEN_KEY, None)


event.listen(Session, "before_flush", touch_roots_of_changed_parts)
event.listen(Session, "after_flush", _note_written_roots)
event.listen(Session, "after_transaction_end", _forget_written_roots)
