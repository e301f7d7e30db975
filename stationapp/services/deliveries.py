"""Door-to-door deliveries (送上门): plan, split among volunteers, order stops, record outcomes.

The clerk picks target households of an event with the ledger's filters (only 在册
households), plans item × quantity for each, splits the stops among volunteers by
community and building, orders each volunteer's stops in natural address order, and
afterwards records what happened at each door.

A *stop* is one household on one volunteer's list: every delivery of that household in
that list carries the same ``stop_order`` (the sheet prints one line per stop). Stop
numbers count from 1 within a list; the unassigned deliveries form a list of their own.

Every function takes a :class:`~sqlalchemy.orm.Session` first and never commits. Work on
many rows is done with set-based statements (bulk inserts, ``IN`` queries in chunks,
``executemany`` updates), so planning or listing 1,000 households is a handful of queries.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address, building_label
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, DeliveryAttempt, Event, Item, Volunteer
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.vocab import (
    REDELIVERABLE_OUTCOMES,
    CareCategory,
    CareTier,
    DeliveryOutcome,
    HouseholdStatus,
    ResidentStatus,
)
from stationapp.services._aggregates import touch_roots
from stationapp.services._common import chunks, flush_or_conflict
from stationapp.services.households import (
    HouseholdFilter,
    fetch_household_rows,
    list_household_ids,
)

log = logging.getLogger("stationapp.services")

CHUNK = 500
"""Ids per ``IN (…)`` list: well inside SQLite's and PostgreSQL's parameter limits."""

MOBILITY_CATEGORIES: frozenset[CareCategory] = frozenset(
    {CareCategory.LIMITED_MOBILITY, CareCategory.DISABLED}
)
"""Care categories that count as "mobility" when targeting households (行动不便, 失能)."""

_AT_END = 1_000_000
"""Provisional stop number of deliveries that join a list: after every existing stop."""

_CONFLICT = "这条配送刚被别人修改过，请刷新后再试。"



# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class TargetFilter:
    """Which households the clerk targets for an event. Only 在册 households are offered.

    ``mobility_only`` keeps households where a present resident has mobility notes or the
    household is in the care category 行动不便 or 失能.
    """

    community_id: int | None = None
    category: CareCategory | None = None
    tier: CareTier | None = None
    mobility_only: bool = False
    search: str = ""


@dataclass(frozen=True)
class Candidate:
    """A household the clerk may plan deliveries for, as listed before committing."""

    household_id: int
    address: str
    head: str
    phone: str
    categories: tuple[str, ...]
    mobility_notes: str
    already_planned: bool


@dataclass(frozen=True)
class PlanLine:
    """One item and how many of it every chosen household gets."""

    item_id: int
    quantity: int


@dataclass(frozen=True)
class PlanResult:
    """What planning did: deliveries created, household × item pairs already planned."""

    created: int
    skipped_duplicates: int


@dataclass(frozen=True)
class DeliveryRow:
    """One delivery (household × item) as the deliveries table shows it."""

    id: int
    household_id: int
    address: str
    community: str
    building: str
    unit: str
    room: str
    recipient: str
    phone: str
    item: str
    unit_label: str
    quantity: int
    volunteer_id: int | None
    volunteer: str
    stop_order: int
    notes: str
    outcome: DeliveryOutcome
    outcome_note: str
    outcome_at: datetime | None
    attempt: int


@dataclass(frozen=True)
class _Stop:
    """A delivery as stop ordering sees it."""

    delivery_id: int
    household_id: int
    volunteer_id: int | None
    stop_order: int
    key: tuple[str, int, str, int, str, int, str]


# ---------------------------------------------------------------- helpers


def natural_sort_key(
    community: str, building: str, unit: str, room: str
) -> tuple[str, int, str, int, str, int, str]:
    """Natural address order: community, then building, unit and room by number."""
    return Address(community, building, unit, room).sort_key()


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"找不到编号为 {event_id} 的活动")
    return event


def _delivery(session: Session, delivery_id: int) -> Delivery:
    delivery = session.get(Delivery, delivery_id)
    if delivery is None:
        raise NotFoundError(f"找不到编号为 {delivery_id} 的配送")
    return delivery


def _check_volunteers(session: Session, volunteer_ids: Sequence[int], field: str) -> None:
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
        raise NotFoundError(f"找不到编号为 {'、'.join(map(str, missing))} 的志愿者")
    inactive = [found[v][0] for v in volunteer_ids if not found[v][1]]
    if inactive:
        names = "、".join(f"“{n}”" for n in inactive)
        raise ValidationError(field, f"志愿者{names}已停用，不能再分配配送")


def _in_list(volunteer_id: int | None) -> Any:
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


def _mobility_notes(
    session: Session, household_ids: Sequence[int] | None
) -> dict[int, str]:
    """Mobility notes of present residents per household (all households when ids is None).

    One resident's notes are given as written; several residents' notes are prefixed with
    their names (``李大爷：坐轮椅；王奶奶：耳背``).
    """
    query = (
        select(Resident.household_id, Resident.name, Resident.mobility_notes)
        .where(Resident.status == ResidentStatus.PRESENT.value, Resident.mobility_notes != "")
        .order_by(Resident.household_id, Resident.id)
    )
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if household_ids is None:
        batches: Iterable[Any] = [session.execute(query)]
    else:
        batches = (
            session.execute(query.where(Resident.household_id.in_(chunk)))
            for chunk in chunks(household_ids, CHUNK)
        )
    for batch in batches:
        for household_id, name, notes in batch:
            if notes.strip():
                found[household_id].append((name, notes.strip()))
    result: dict[int, str] = {}
    for household_id, people in found.items():
        if len(people) == 1:
            result[household_id] = people[0][1]
        else:
            result[household_id] = "；".join(f"{name}：{notes}" for name, notes in people)
    return result


def _joined_notes(*parts: str) -> str:
    return "；".join(p.strip() for p in parts if p.strip())


# ---------------------------------------------------------------- targeting


def find_candidates(
    session: Session, event_id: int, flt: TargetFilter, today: date
) -> list[Candidate]:
    """The 在册 households matching ``flt``, in natural address order, for the clerk to check.

    ``already_planned`` is true when the household has any delivery for the event. The
    care category filter includes the derived 高龄 (80 and over on ``today``).
    """
    _event(session, event_id)
    ledger_filter = HouseholdFilter(
        search=flt.search, community_id=flt.community_id, category=flt.category,
        tier=flt.tier, status=HouseholdStatus.ACTIVE,
    )
    ids = list_household_ids(session, ledger_filter, today=today)
    if flt.mobility_only:
        notes = _mobility_notes(session, None)
        by_category = set(session.scalars(
            select(HouseholdCategory.household_id).where(
                HouseholdCategory.category.in_([c.value for c in MOBILITY_CATEGORIES])
            )
        ))
        ids = [i for i in ids if i in notes or i in by_category]
    else:
        notes = _mobility_notes(session, ids)
    planned = set(session.scalars(
        select(Delivery.household_id).where(Delivery.event_id == event_id).distinct()
    ))
    rows = []
    for chunk in chunks(ids, CHUNK):
        rows.extend(fetch_household_rows(session, chunk, today))
    rows.sort(key=lambda r: (natural_sort_key(r.community, r.building, r.unit, r.room), r.id))
    return [
        Candidate(
            household_id=r.id, address=r.address, head=r.head, phone=r.phone,
            categories=r.category_labels, mobility_notes=notes.get(r.id, ""),
            already_planned=r.id in planned,
        )
        for r in rows
    ]


# ---------------------------------------------------------------- planning


def _check_lines(
    session: Session, lines: Sequence[PlanLine], problems: list[ValidationError]
) -> None:
    if not lines:
        problems.append(ValidationError("lines", "请至少选择一种物品"))
        return
    items = {
        item.id: item
        for item in session.scalars(select(Item).where(Item.id.in_({li.item_id for li in lines})))
    }
    seen: set[int] = set()
    for i, line in enumerate(lines):
        item = items.get(line.item_id)
        if item is None:
            problems.append(ValidationError(f"lines[{i}].item_id", "物品目录里没有这种物品"))
        elif not item.active:
            problems.append(ValidationError(
                f"lines[{i}].item_id", f"物品“{item.name}”已停用，请换一种物品"
            ))
        elif line.item_id in seen:
            problems.append(ValidationError(
                f"lines[{i}].item_id", f"物品“{item.name}”选了两次，请合并为一行"
            ))
        seen.add(line.item_id)
        if line.quantity < 1:
            problems.append(ValidationError(f"lines[{i}].quantity", "数量至少为 1"))


def plan_deliveries(
    session: Session,
    event_id: int,
    household_ids: Sequence[int],
    lines: Sequence[PlanLine],
    actor: str,
    notes: str = "",
) -> PlanResult:
    """Plan every item of ``lines`` for every household of ``household_ids``.

    A household × item already planned for the event is skipped and counted in
    ``skipped_duplicates`` (also when a household id is given twice). Only 在册
    households can be planned: others are refused with a ValidationError on
    ``household_ids`` naming them; unknown ids raise NotFoundError. Item problems are
    reported on ``lines[i].item_id`` / ``lines[i].quantity``.

    Each new delivery's notes are the residents' mobility notes followed by ``notes``.
    A household that is already a pending stop on a volunteer's list gets the new items
    on that same stop; the others join the unassigned list, renumbered in natural order.
    """
    _event(session, event_id)
    problems: list[ValidationError] = []
    try:
        notes = text_rules.DELIVERY_NOTES.check(notes, "notes")
    except ValidationError as exc:
        problems.append(exc)
    _check_lines(session, lines, problems)
    unique_ids = list(dict.fromkeys(household_ids))
    repeated = len(household_ids) - len(unique_ids)
    if not unique_ids:
        problems.append(ValidationError("household_ids", "请至少选择一户"))
    households: dict[int, tuple[str, Address, str]] = {}
    for chunk in chunks(unique_ids, CHUNK):
        for hid, status, community, building, unit, room, head in session.execute(
            select(Household.id, Household.status, Community.name, Household.building,
                   Household.unit, Household.room, Household.head_name)
            .join(Community, Household.community_id == Community.id)
            .where(Household.id.in_(chunk))
        ):
            households[hid] = (status, Address(community, building, unit, room), head)
    missing = [i for i in unique_ids if i not in households]
    if missing:
        raise NotFoundError(f"找不到编号为 {'、'.join(map(str, missing[:10]))} 的住户")
    inactive = [
        f"{address.display()} {head}（{HouseholdStatus(status).label}）".strip()
        for status, address, head in (households[i] for i in unique_ids)
        if status != HouseholdStatus.ACTIVE.value
    ]
    if inactive:
        shown = "、".join(inactive[:5]) + (f" 等 {len(inactive)} 户" if len(inactive) > 5 else "")
        problems.append(ValidationError(
            "household_ids", f"不在册的住户不能安排配送：{shown}"
        ))
    if problems:
        raise ValidationError.of(problems)

    existing: set[tuple[int, int]] = set()
    assigned_stop: dict[int, tuple[int, int]] = {}
    for hid, item_id, volunteer_id, stop_order, outcome in session.execute(
        select(Delivery.household_id, Delivery.item_id, Delivery.volunteer_id,
               Delivery.stop_order, Delivery.outcome)
        .where(Delivery.event_id == event_id)
        .order_by(Delivery.id)
    ):
        existing.add((hid, item_id))
        if (volunteer_id is not None and outcome == DeliveryOutcome.PENDING.value
                and hid not in assigned_stop):
            assigned_stop[hid] = (volunteer_id, stop_order)
    door_notes = _mobility_notes(session, unique_ids)
    # A bulk insert bypasses the session's stamping: the audit times are set here.
    now = session_clock(session).now()
    rows: list[dict[str, Any]] = []
    skipped = repeated * len(lines)
    for hid in unique_ids:
        volunteer_id, stop_order = assigned_stop.get(hid, (None, 0))
        for line in lines:
            if (hid, line.item_id) in existing:
                skipped += 1
                continue
            rows.append({
                "event_id": event_id, "household_id": hid, "item_id": line.item_id,
                "quantity": line.quantity, "volunteer_id": volunteer_id,
                "stop_order": stop_order, "notes": _joined_notes(door_notes.get(hid, ""), notes),
                "outcome": DeliveryOutcome.PENDING.value, "outcome_note": "", "attempt": 1,
                "version": 1, "updated_by": actor, "created_at": now, "updated_at": now,
            })
    if rows:
        try:
            session.execute(insert(Delivery), rows)
        except IntegrityError as exc:  # another desk planned the same pairs meanwhile
            raise ConflictError(
                "别的电脑刚刚也为这些住户安排了同样的物品，请刷新后再试。"
            ) from exc
        touch_roots(session, Event, [event_id], actor)
        if any(r["volunteer_id"] is None for r in rows):
            _renumber(session, event_id, {None}, actor, natural=True)
    log.info("event %s: %d deliveries planned, %d skipped by %s",
             event_id, len(rows), skipped, actor)
    return PlanResult(created=len(rows), skipped_duplicates=skipped)


# ---------------------------------------------------------------- listing


def list_deliveries(
    session: Session,
    event_id: int,
    volunteer_id: int | None = None,
    unassigned_only: bool = False,
) -> list[DeliveryRow]:
    """The event's deliveries: by volunteer (name; unassigned last), stop, natural address.

    ``volunteer_id`` narrows to one volunteer's list, ``unassigned_only`` to deliveries
    without a volunteer. One query, however many rows.
    """
    query = (
        select(
            Delivery.id, Delivery.household_id, Community.name, Household.building,
            Household.unit, Household.room, Household.head_name, Household.contact_phone,
            Item.id, Item.name, Item.unit, Delivery.quantity, Delivery.volunteer_id,
            Volunteer.name, Delivery.stop_order, Delivery.notes, Delivery.outcome,
            Delivery.outcome_note, Delivery.outcome_at, Delivery.attempt,
        )
        .join(Household, Delivery.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .join(Item, Delivery.item_id == Item.id)
        .outerjoin(Volunteer, Delivery.volunteer_id == Volunteer.id)
        .where(Delivery.event_id == event_id)
    )
    if unassigned_only:
        query = query.where(Delivery.volunteer_id.is_(None))
    elif volunteer_id is not None:
        query = query.where(Delivery.volunteer_id == volunteer_id)
    keyed: list[tuple[Any, DeliveryRow]] = []
    for (did, hid, community, building, unit, room, head, phone, item_id, item, item_unit,
         quantity, vid, volunteer, stop, notes, outcome, outcome_note, outcome_at,
         attempt) in session.execute(query):
        address = Address(community, building, unit, room)
        row = DeliveryRow(
            id=did, household_id=hid, address=address.display(), community=community,
            building=building, unit=unit, room=room, recipient=head, phone=phone, item=item,
            unit_label=item_unit, quantity=quantity, volunteer_id=vid, volunteer=volunteer or "",
            stop_order=stop, notes=notes, outcome=DeliveryOutcome(outcome),
            outcome_note=outcome_note, outcome_at=outcome_at, attempt=attempt,
        )
        key = (vid is None, volunteer or "", vid or 0, stop, address.sort_key(), hid, item_id)
        keyed.append((key, row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def pending_count_for_household(session: Session, household_id: int) -> int:
    """How many deliveries of any event are still pending (待送) for the household."""
    return session.scalar(
        select(func.count()).select_from(Delivery).where(
            Delivery.household_id == household_id,
            Delivery.outcome == DeliveryOutcome.PENDING.value,
        )
    ) or 0


# ---------------------------------------------------------------- stop order


def _stops(session: Session, event_id: int) -> list[_Stop]:
    query = (
        select(Delivery.id, Delivery.household_id, Delivery.volunteer_id, Delivery.stop_order,
               Community.name, Household.building, Household.unit, Household.room)
        .join(Household, Delivery.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(Delivery.event_id == event_id)
    )
    return [
        _Stop(did, hid, vid, stop, natural_sort_key(community, building, unit, room))
        for did, hid, vid, stop, community, building, unit, room in session.execute(query)
    ]


def _numbered(stops: Sequence[_Stop], natural: bool) -> dict[int, int]:
    """New stop numbers (delivery id → 1..n) of one list; a household is one stop.

    ``natural``: natural address order; otherwise the current order is kept (households
    by their lowest stop number, ties and newcomers in natural order) and gaps close.
    """
    first: dict[int, _Stop] = {}
    lowest: dict[int, int] = {}
    for stop in stops:
        first.setdefault(stop.household_id, stop)
        lowest[stop.household_id] = min(lowest.get(stop.household_id, stop.stop_order),
                                        stop.stop_order)
    order: Callable[[int], tuple[Any, ...]]
    if natural:
        def order(hid: int) -> tuple[Any, ...]:
            return (first[hid].key, hid)
    else:
        def order(hid: int) -> tuple[Any, ...]:
            return (lowest[hid], first[hid].key, hid)
    position = {hid: n for n, hid in enumerate(sorted(first, key=order), start=1)}
    return {stop.delivery_id: position[stop.household_id] for stop in stops}


def _write_stop_numbers(
    session: Session, event_id: int, stops: Sequence[_Stop], numbers: dict[int, int],
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


def _touch_events(session: Session, delivery_ids: Sequence[int], actor: str) -> None:
    """Bump the version of the events whose deliveries a Core statement just changed, so
    that a desk saving an older copy of such an event gets a conflict."""
    events: set[int] = set()
    for chunk in chunks(delivery_ids, CHUNK):
        events.update(session.scalars(
            select(Delivery.event_id).where(Delivery.id.in_(chunk)).distinct()))
    touch_roots(session, Event, events, actor)


def _renumber(
    session: Session, event_id: int, lists: set[int | None], actor: str, natural: bool
) -> None:
    """Renumber the stops of the given volunteers' lists (None: unassigned) of an event."""
    session.flush()
    by_list: dict[int | None, list[_Stop]] = defaultdict(list)
    for stop in _stops(session, event_id):
        if stop.volunteer_id in lists:
            by_list[stop.volunteer_id].append(stop)
    numbers: dict[int, int] = {}
    stops: list[_Stop] = []
    for members in by_list.values():
        numbers.update(_numbered(members, natural))
        stops.extend(members)
    _write_stop_numbers(session, event_id, stops, numbers, actor)


def renumber_stops(
    session: Session, event_id: int, volunteer_id: int | None, actor: str
) -> None:
    """Put one volunteer's stops (None: the unassigned ones) in natural address order."""
    _event(session, event_id)
    _renumber(session, event_id, {volunteer_id}, actor, natural=True)


def move_stop(session: Session, delivery_id: int, new_position: int, actor: str) -> None:
    """Move the delivery's stop (its household) to ``new_position`` (1-based) in its list.

    The other stops of that volunteer's list shift to make room; every delivery of the
    household on that list moves together. ValidationError on ``new_position`` when it
    is outside 1..number of stops.
    """
    delivery = _delivery(session, delivery_id)
    session.flush()
    stops = [s for s in _stops(session, delivery.event_id)
             if s.volunteer_id == delivery.volunteer_id]
    current = _numbered(stops, natural=False)
    households: dict[int, int] = {}
    for stop in stops:
        households[stop.household_id] = current[stop.delivery_id]
    ordered = sorted(households, key=households.__getitem__)
    if not 1 <= new_position <= len(ordered):
        raise ValidationError("new_position", f"位置应在 1 到 {len(ordered)} 之间")
    ordered.remove(delivery.household_id)
    ordered.insert(new_position - 1, delivery.household_id)
    position = {hid: n for n, hid in enumerate(ordered, start=1)}
    numbers = {s.delivery_id: position[s.household_id] for s in stops}
    _write_stop_numbers(session, delivery.event_id, stops, numbers, actor)


# ---------------------------------------------------------------- assignment


def assign(
    session: Session, delivery_ids: Sequence[int], volunteer_id: int | None, actor: str
) -> None:
    """Give deliveries to a volunteer by hand (None: take them back to unassigned).

    Stops that join a list go after its existing stops (a household already on that list
    joins its stop); the lists they left close their gaps. The volunteer must be active.
    """
    if volunteer_id is not None:
        _check_volunteers(session, [volunteer_id], "volunteer_id")
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
        raise NotFoundError(f"找不到编号为 {'、'.join(map(str, missing[:10]))} 的配送")
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
        _renumber(session, event_id, touched, actor, natural=False)
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
    _event(session, event_id)
    chosen = list(dict.fromkeys(volunteer_ids))
    if not chosen:
        raise ValidationError("volunteer_ids", "请至少选择一位志愿者")
    _check_volunteers(session, chosen, "volunteer_ids")
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
    _renumber(session, event_id, touched, actor, natural=True)
    result = {v: len(loads[v]) for v in chosen}
    log.info("event %s: stops split %s by %s", event_id, result, actor)
    return result


# ---------------------------------------------------------------- outcomes


def _checked_time(at: datetime | None, now: datetime) -> datetime:
    """``at``, else ``now`` (to the second); ValidationError when ``at`` is after ``now``
    (a few minutes' grace for another desk's clock)."""
    now = now.replace(microsecond=0)
    if at is None:
        return now
    if at > now + timedelta(minutes=5):
        raise ValidationError("at", "时间不能晚于现在")
    return at


def _add_attempts(
    session: Session,
    rows: Sequence[tuple[int, int, int | None]],
    outcome: DeliveryOutcome,
    note: str,
    at: datetime,
    actor: str,
) -> None:
    """History rows (delivery id, attempt, volunteer id) with one bulk insert."""
    if rows:
        session.execute(insert(DeliveryAttempt), [
            {"delivery_id": did, "attempt": attempt, "outcome": outcome.value, "note": note,
             "happened_at": at, "volunteer_id": vid, "actor": actor}
            for did, attempt, vid in rows
        ])


def _set_outcome(
    session: Session,
    rows: Sequence[tuple[int, int, int | None]],
    outcome: DeliveryOutcome,
    note: str,
    at: datetime,
    actor: str,
    event_ids: Iterable[int],
) -> None:
    """Record ``outcome`` for deliveries (id, attempt, volunteer id) of ``event_ids``."""
    ids = [did for did, _, _ in rows]
    for chunk in chunks(ids, CHUNK):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(outcome=outcome.value, outcome_note=note, outcome_at=at, updated_by=actor,
                    version=Delivery.version + 1, updated_at=session_clock(session).now())
        )
    _add_attempts(session, rows, outcome, note, at, actor)
    if rows:
        touch_roots(session, Event, event_ids, actor)


def record_outcome(
    session: Session,
    delivery_id: int,
    outcome: DeliveryOutcome,
    actor: str,
    note: str = "",
    at: datetime | None = None,
    *,
    now: datetime,
) -> None:
    """Record what happened at the door (已送达 / 不在家 / 拒收 / 地址有误 / 取消).

    The delivery shows the latest outcome; every recorded outcome is kept as a
    :class:`DeliveryAttempt`. ``at`` defaults to ``now`` (the desk's time).
    ValidationError on ``outcome`` for 待送 and on ``at`` for a time after ``now``.
    """
    if outcome is DeliveryOutcome.PENDING:
        raise ValidationError(
            "outcome", "请选择配送结果：已送达、不在家、拒收、地址有误或取消"
        )
    note = text_rules.DELIVERY_OUTCOME_NOTE.check(note, "note")
    when = _checked_time(at, now)
    delivery = _delivery(session, delivery_id)
    delivery.outcome = outcome
    delivery.outcome_note = note.strip()
    delivery.outcome_at = when
    delivery.updated_by = actor
    session.add(DeliveryAttempt(
        delivery=delivery, attempt=delivery.attempt, outcome=outcome, note=note.strip(),
        happened_at=when, volunteer_id=delivery.volunteer_id, actor=actor,
    ))
    flush_or_conflict(session, _CONFLICT)
    log.info("delivery %s: %s by %s", delivery_id, outcome, actor)


def mark_sheet_delivered(
    session: Session,
    event_id: int,
    volunteer_id: int | None,
    actor: str,
    at: datetime | None = None,
    *,
    now: datetime,
) -> int:
    """"All delivered" for a whole sheet: the volunteer's pending stops become 已送达.

    ``volunteer_id`` None means the unassigned deliveries; ``at`` defaults to ``now``
    (the desk's time) and may not be after it. Returns how many deliveries were marked.
    """
    _event(session, event_id)
    when = _checked_time(at, now)
    session.flush()
    rows = [
        (did, attempt, vid)
        for did, attempt, vid in session.execute(
            select(Delivery.id, Delivery.attempt, Delivery.volunteer_id).where(
                Delivery.event_id == event_id, _in_list(volunteer_id),
                Delivery.outcome == DeliveryOutcome.PENDING.value,
            )
        )
    ]
    _set_outcome(session, rows, DeliveryOutcome.DELIVERED, "", when, actor, [event_id])
    log.info("event %s volunteer %s: %d marked delivered by %s",
             event_id, volunteer_id, len(rows), actor)
    return len(rows)


def redeliver(
    session: Session,
    event_id: int,
    actor: str,
    delivery_ids: Sequence[int] | None = None,
) -> int:
    """再送一次: deliveries found 不在家 or 地址有误 go back to 待送 with ``attempt`` + 1.

    All such deliveries of the event, or only those among ``delivery_ids``; deliveries
    with other outcomes, and households no longer 在册, are left alone. The volunteer and
    stop stay; the earlier outcome stays in the history. Returns how many were re-planned.
    """
    _event(session, event_id)
    session.flush()
    query = (
        select(Delivery.id)
        .join(Household, Delivery.household_id == Household.id)
        .where(
            Delivery.event_id == event_id,
            Delivery.outcome.in_([o.value for o in REDELIVERABLE_OUTCOMES]),
            Household.status == HouseholdStatus.ACTIVE.value,
        )
    )
    if delivery_ids is None:
        ids = list(session.scalars(query))
    else:
        ids = []
        for chunk in chunks(list(dict.fromkeys(delivery_ids)), CHUNK):
            ids.extend(session.scalars(query.where(Delivery.id.in_(chunk))))
    for chunk in chunks(ids, CHUNK):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(outcome=DeliveryOutcome.PENDING.value, outcome_note="", outcome_at=None,
                    attempt=Delivery.attempt + 1, updated_by=actor,
                    version=Delivery.version + 1, updated_at=session_clock(session).now())
        )
    if ids:
        touch_roots(session, Event, [event_id], actor)
    log.info("event %s: %d deliveries planned again by %s", event_id, len(ids), actor)
    return len(ids)


def add_note_to_household(
    session: Session, delivery_id: int, note: str, actor: str, today: date
) -> None:
    """Append a note the volunteer brought back to the household's notes, dated ``today``.

    The line reads ``2026-11-26 送窗花：老人说暖气不热``. ValidationError on ``note``
    when it is empty, or when the notes with it would pass their limit (nothing is cut).
    """
    text = " ".join(text_rules.DELIVERY_OUTCOME_NOTE.check(note, "note").split())
    if not text:
        raise ValidationError("note", "请填写要记到住户备注里的内容")
    delivery = _delivery(session, delivery_id)
    household = session.get(Household, delivery.household_id)
    if household is None:  # pragma: no cover - the foreign key forbids it
        raise NotFoundError(f"找不到编号为 {delivery.household_id} 的住户")
    line = f"{today:%Y-%m-%d} {delivery.event.title}：{text}"
    notes = f"{household.notes.rstrip()}\n{line}" if household.notes.strip() else line
    limit = text_rules.HOUSEHOLD_NOTES.limit
    if len(notes) > limit:
        room = limit - len(notes) + len(text)
        raise ValidationError("note", (
            f"住户备注最多 {limit} 个字，加上这条就超过了（这条最多还能写 {room} 个字）。"
            "请把这条写短些，或先在住户信息里整理备注。" if room > 0 else
            f"住户备注已接近 {limit} 个字的上限，记不下这条了。请先在住户信息里整理备注。"
        ))
    household.notes = notes
    household.updated_by = actor
    flush_or_conflict(session, "这户信息刚被别人修改过，请刷新后再试。")
    log.info("household %s: note from delivery %s by %s", household.id, delivery_id, actor)


def cancel_pending_for_household(
    session: Session, household_id: int, actor: str, reason: str, now: datetime
) -> int:
    """Cancel (取消) every pending delivery of the household, e.g. when it moves away.

    Each cancellation keeps ``reason`` as its note and a history row, dated ``now``.
    Delivered or otherwise finished deliveries are untouched. Returns how many were
    cancelled.
    """
    session.flush()
    found = session.execute(
        select(Delivery.id, Delivery.attempt, Delivery.volunteer_id, Delivery.event_id).where(
            Delivery.household_id == household_id,
            Delivery.outcome == DeliveryOutcome.PENDING.value,
        )
    ).all()
    rows = [(did, attempt, vid) for did, attempt, vid, _event_id in found]
    _set_outcome(session, rows, DeliveryOutcome.CANCELLED, reason.strip(),
                 now.replace(microsecond=0), actor, {row[3] for row in found})
    if rows:
        log.info("household %s: %d pending deliveries cancelled by %s",
                 household_id, len(rows), actor)
    return len(rows)


__all__ = [
    "MOBILITY_CATEGORIES", "Candidate", "DeliveryRow", "PlanLine", "PlanResult",
    "TargetFilter", "add_note_to_household", "assign", "auto_assign",
    "cancel_pending_for_household", "find_candidates", "list_deliveries",
    "mark_sheet_delivered", "move_stop", "natural_sort_key", "pending_count_for_household",
    "plan_deliveries", "record_outcome", "redeliver", "renumber_stops",
]
