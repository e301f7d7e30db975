"""What the delivery services share: looking up events, deliveries and volunteers, and
writing stop numbers.

Door-to-door deliveries (送上门) live by job; callers import from the module that does it:

* :mod:`~stationapp.services.delivery_stops`: the read model of a stop (grouping and
  order, shared by the panel and the sheets) and the deliveries list;
* :mod:`~stationapp.services.delivery_planning`: targeting and planning;
* :mod:`~stationapp.services.delivery_assignment`: assigning, splitting, stop order;
* :mod:`~stationapp.services.delivery_outcomes`: outcomes, 再送一次, notes, cancelling.

This module is internal to them. Every function takes a
:class:`~sqlalchemy.orm.Session` first and never commits; errors carry message codes of
the ``delivery.`` area (:mod:`stationapp.messages`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stationapp.db.stamps import session_clock
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, Event, Volunteer
from stationapp.messages import Message, msg
from stationapp.services._aggregates import touch_roots
from stationapp.services.delivery_stops import StopPlace, numbered, stop_places

CHUNK = 500
"""Ids per ``IN (…)`` list: well inside SQLite's and PostgreSQL's parameter limits."""


def id_list(ids: Sequence[int]) -> str:
    """Ids as a message shows them (the first ten): ``3、7、12``."""
    return "、".join(map(str, ids[:10]))


def get_event_row(session: Session, event_id: int) -> Event:
    """The event; NotFoundError when there is none."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(msg("delivery.event_not_found", id=event_id))
    return event


def get_delivery_row(session: Session, delivery_id: int) -> Delivery:
    """The delivery; NotFoundError when there is none."""
    delivery = session.get(Delivery, delivery_id)
    if delivery is None:
        raise NotFoundError(msg("delivery.not_found", ids=str(delivery_id)))
    return delivery


def flush_or_conflict(session: Session, message: Message) -> None:
    """Flush; ConflictError(``message``) when a versioned row was changed in between."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(message) from exc


def check_volunteers(session: Session, volunteer_ids: Sequence[int], field: str) -> None:
    """NotFoundError for unknown volunteers, ValidationError on ``field`` for inactive ones."""
    found = {
        vid: (name, active)
        for vid, name, active in session.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.active)
            .where(Volunteer.id.in_(volunteer_ids))
        )
    }
    missing = [v for v in volunteer_ids if v not in found]
    if missing:
        raise NotFoundError(msg("delivery.volunteer_not_found", ids="、".join(map(str, missing))))
    inactive = [found[v][0] for v in volunteer_ids if not found[v][1]]
    if inactive:
        names = "、".join(f"“{n}”" for n in inactive)
        raise ValidationError(field, msg("delivery.volunteers_inactive", names=names))


def in_list(volunteer_id: int | None) -> Any:
    """WHERE clause: the deliveries on ``volunteer_id``'s list (None: the unassigned ones)."""
    if volunteer_id is None:
        return Delivery.volunteer_id.is_(None)
    return Delivery.volunteer_id == volunteer_id


def _expire_deliveries(session: Session, delivery_ids: Iterable[int]) -> None:
    """Forget loaded copies of deliveries changed by a Core statement behind the ORM's back."""
    wanted = set(delivery_ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Delivery):
            identity = sa_inspect(obj).identity
            if identity is not None and identity[0] in wanted:
                session.expire(obj)


def write_stop_numbers(
    session: Session, event_id: int, stops: Sequence[StopPlace], numbers: dict[int, int],
    actor: str,
) -> None:
    """Store changed stop numbers with one executemany UPDATE (the deliveries' and their
    events' versions bumped)."""
    changed: list[dict[str, Any]] = [
        {"b_id": s.delivery_id, "b_stop": numbers[s.delivery_id], "b_actor": actor}
        for s in stops if numbers[s.delivery_id] != s.stop_order
    ]
    if not changed:
        return
    table = Delivery.__table__
    assert isinstance(table, Table)
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(stop_order=bindparam("b_stop"), updated_by=bindparam("b_actor"),
                version=table.c.version + 1, updated_at=session_clock(session).now())
    )
    session.execute(statement, changed)
    _expire_deliveries(session, (c["b_id"] for c in changed))
    # A desk saving an older copy of the event then gets a conflict.
    touch_roots(session, Event, [event_id], actor)


def renumber(
    session: Session, event_id: int, lists: set[int | None], actor: str, natural: bool
) -> None:
    """Renumber the stops of the given volunteers' lists (None: unassigned) of an event."""
    session.flush()
    by_list: dict[int | None, list[StopPlace]] = defaultdict(list)
    for place in stop_places(session, event_id):
        if place.volunteer_id in lists:
            by_list[place.volunteer_id].append(place)
    numbers: dict[int, int] = {}
    places: list[StopPlace] = []
    for members in by_list.values():
        numbers.update(numbered(members, natural))
        places.extend(members)
    write_stop_numbers(session, event_id, places, numbers, actor)


__all__ = ["CHUNK", "check_volunteers", "flush_or_conflict", "get_delivery_row", "get_event_row",
           "id_list", "in_list", "renumber", "write_stop_numbers"]
