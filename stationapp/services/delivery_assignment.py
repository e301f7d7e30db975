"""Who takes which stop: assigning and splitting among volunteers.

The order of a list is the walking route the read model computes
(:mod:`stationapp.services.delivery_stops`); there is no manual order. The stored
``stop_order`` column is still kept (counted from 1 within a list, natural address order for
new lists; :func:`~stationapp.services.delivery_common.renumber`) but nothing reads it for
order.
Every function takes a :class:`~sqlalchemy.orm.Session` first and never commits.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain.address import building_label
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, Event
from stationapp.domain.models import Community, Household
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import msg
from stationapp.services._aggregates import touch_roots
from stationapp.services._common import chunks
from stationapp.services.delivery_common import (
    CHUNK,
    check_volunteers,
    get_event_row,
    id_list,
    renumber,
)
from stationapp.services.delivery_stops import natural_sort_key

log = logging.getLogger("stationapp.services")

_AT_END = 1_000_000
"""Provisional stop number of deliveries that join a list: after every existing stop."""


def renumber_stops(
    session: Session, event_id: int, volunteer_id: int | None, actor: str
) -> None:
    """Put one volunteer's stops (None: the unassigned ones) in natural address order."""
    get_event_row(session, event_id)
    renumber(session, event_id, {volunteer_id}, actor, natural=True)


# ---------------------------------------------------------------- assignment


def assign(
    session: Session, delivery_ids: Sequence[int], volunteer_id: int | None, actor: str
) -> None:
    """Give deliveries to a volunteer by hand (None: take them back to unassigned).

    Stops that join a list go after its existing stops (a household already on that list
    joins its stop); the lists they left close their gaps. The volunteer must be active.
    """
    if volunteer_id is not None:
        check_volunteers(session, [volunteer_id], "volunteer_id")
    wanted = list(dict.fromkeys(delivery_ids))
    found: dict[int, tuple[int, int | None]] = {}
    for chunk in chunks(wanted, CHUNK):
        for did, event_id, vid in session.execute(
            select(Delivery.id, Delivery.event_id, Delivery.volunteer_id)
            .where(Delivery.id.in_(chunk))
        ):
            found[did] = (event_id, vid)
    missing = [d for d in wanted if d not in found]
    if missing:
        raise NotFoundError(msg("delivery.not_found", ids=id_list(missing)))
    moving = [d for d in wanted if found[d][1] != volunteer_id]
    if not moving:
        return
    for chunk in chunks(moving, CHUNK):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(volunteer_id=volunteer_id, stop_order=_AT_END, updated_by=actor,
                    version=Delivery.version + 1, updated_at=session_clock(session).now())
        )
    lists: dict[int, set[int | None]] = defaultdict(set)
    for did in moving:
        event_id, previous = found[did]
        lists[event_id].update({previous, volunteer_id})
    touch_roots(session, Event, lists, actor)
    for event_id, touched in lists.items():
        renumber(session, event_id, touched, actor, natural=False)
    log.info("%d deliveries assigned to volunteer %s by %s", len(moving), volunteer_id, actor)


def _split(
    buildings: dict[tuple[int, str], set[int]],
    building_keys: dict[tuple[int, str], tuple[Any, ...]],
    volunteers: Sequence[int],
    loads: dict[int, set[int]],
) -> dict[int, int]:
    """Greedy split of buildings (→ households) onto volunteers; household → volunteer.

    Largest building first onto the least-loaded volunteer. A volunteer who already serves
    the building's community takes it instead when that keeps the balance: they are less
    than one building (this one) above the least-loaded, and end no more than the largest
    building above it. So, from equal starting loads, max − min stops never exceeds the
    largest building.
    """
    result: dict[int, int] = {}
    if not buildings:
        return result
    largest = max(len(h) for h in buildings.values())
    rank = {v: i for i, v in enumerate(volunteers)}
    communities: dict[int, set[int]] = {v: set() for v in volunteers}
    for key in sorted(buildings, key=lambda k: (-len(buildings[k]), building_keys[k])):
        size = len(buildings[key])
        least = min(len(loads[v]) for v in volunteers)
        nearby = [
            v for v in volunteers
            if key[0] in communities[v]
            and len(loads[v]) - least < size
            and len(loads[v]) + size <= least + largest
        ]
        pool = nearby or volunteers
        chosen = min(pool, key=lambda v: (len(loads[v]), rank[v]))
        communities[chosen].add(key[0])
        loads[chosen].update(buildings[key])
        for hid in buildings[key]:
            result[hid] = chosen
    return result


def auto_assign(
    session: Session,
    event_id: int,
    volunteer_ids: Sequence[int],
    actor: str,
    only_unassigned: bool = True,
) -> dict[int, int]:
    """Split the event's pending stops among volunteers by community and building.

    A building stays with one volunteer and stops (households) are balanced: greedy,
    largest building first onto the least-loaded volunteer, keeping a community's
    buildings together where balance allows. With ``only_unassigned`` the volunteers'
    current pending stops count towards their load, and a household or building already
    with exactly one of them stays with that volunteer; otherwise every pending delivery
    of the event is split afresh. Afterwards each list is renumbered in natural address
    order. Returns volunteer id → number of pending stops that volunteer now has.
    """
    get_event_row(session, event_id)
    chosen = list(dict.fromkeys(volunteer_ids))
    if not chosen:
        raise ValidationError("volunteer_ids", msg("delivery.volunteers_missing"))
    check_volunteers(session, chosen, "volunteer_ids")
    session.flush()
    rows = session.execute(
        select(Delivery.id, Delivery.household_id, Delivery.volunteer_id, Community.id,
               Community.name, Household.building, Household.unit, Household.room)
        .join(Household, Delivery.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(Delivery.event_id == event_id,
               Delivery.outcome == DeliveryOutcome.PENDING.value)
    ).all()
    loads: dict[int, set[int]] = {v: set() for v in chosen}
    household_owner: dict[int, set[int]] = defaultdict(set)
    building_owner: dict[tuple[int, str], set[int]] = defaultdict(set)
    movable = []
    for row in rows:
        hid, holder, community_id, building = row[1], row[2], row[3], row[5]
        key = (community_id, building_label(building.strip()))
        if only_unassigned and holder is not None:
            if holder in loads:
                loads[holder].add(hid)
                household_owner[hid].add(holder)
                building_owner[key].add(holder)
            continue
        movable.append(row)
    target: dict[int, int] = {}
    buildings: dict[tuple[int, str], set[int]] = defaultdict(set)
    building_keys: dict[tuple[int, str], tuple[Any, ...]] = {}
    for _did, hid, _holder, community_id, community, building, _unit, _room in movable:
        key = (community_id, building_label(building.strip()))
        owners = household_owner.get(hid) or building_owner.get(key) or set()
        if len(owners) == 1:
            owner = next(iter(owners))
            target[hid] = owner
            loads[owner].add(hid)
            continue
        buildings[key].add(hid)
        sort_key = natural_sort_key(community, building, "", "")
        building_keys[key] = min(building_keys.get(key, sort_key), sort_key)
    target.update(_split(buildings, building_keys, chosen, loads))

    by_volunteer: dict[int, list[int]] = defaultdict(list)
    touched: set[int | None] = set(chosen)
    for did, hid, holder, *_ in movable:
        new = target[hid]
        if holder != new:
            by_volunteer[new].append(did)
            touched.add(holder)
    for volunteer_id, dids in by_volunteer.items():
        for chunk in chunks(dids, CHUNK):
            session.execute(
                update(Delivery)
                .where(Delivery.id.in_(chunk))
                .values(volunteer_id=volunteer_id, updated_by=actor, version=Delivery.version + 1,
                        updated_at=session_clock(session).now())
            )
    if by_volunteer:
        touch_roots(session, Event, [event_id], actor)
    renumber(session, event_id, touched, actor, natural=True)
    result = {v: len(loads[v]) for v in chosen}
    log.info("event %s: stops split %s by %s", event_id, result, actor)
    return result


__all__ = ["assign", "auto_assign", "renumber_stops"]
