"""Planning door-to-door deliveries (送上门): target households, then plan item × quantity.

The clerk picks target households of an event with the ledger's filters (only 在册
households), and plans item × quantity for each. Work on many rows is set-based (bulk
inserts, ``IN`` queries in chunks), so planning 1,000 households is a handful of queries.
Every function takes a :class:`~sqlalchemy.orm.Session` first and never commits.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, Event, Item
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    DeliveryOutcome,
    HouseholdStatus,
    ResidentStatus,
)
from stationapp.messages import msg
from stationapp.services._aggregates import touch_roots
from stationapp.services._common import chunks
from stationapp.services.delivery_common import CHUNK, get_event_row, id_list, renumber
from stationapp.services.delivery_stops import natural_sort_key
from stationapp.services.household_queries import (
    HouseholdFilter,
    fetch_household_rows,
    list_household_ids,
)

log = logging.getLogger("stationapp.services")

MOBILITY_CATEGORIES: frozenset[CareCategory] = frozenset(
    {CareCategory.LIMITED_MOBILITY, CareCategory.DISABLED}
)
"""Care categories that count as "mobility" when targeting households (行动不便, 失能)."""



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
    get_event_row(session, event_id)
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
        problems.append(ValidationError("lines", msg("delivery.lines_missing")))
        return
    items = {
        item.id: item
        for item in session.scalars(select(Item).where(Item.id.in_({li.item_id for li in lines})))
    }
    seen: set[int] = set()
    for i, line in enumerate(lines):
        item = items.get(line.item_id)
        if item is None:
            problems.append(ValidationError(f"lines[{i}].item_id", msg("delivery.item_unknown")))
        elif not item.active:
            problems.append(ValidationError(
                f"lines[{i}].item_id", msg("delivery.item_inactive", item=item.name)
            ))
        elif line.item_id in seen:
            problems.append(ValidationError(
                f"lines[{i}].item_id", msg("delivery.item_twice", item=item.name)
            ))
        seen.add(line.item_id)
        if line.quantity < 1:
            problems.append(ValidationError(f"lines[{i}].quantity",
                                            msg("delivery.quantity_too_small")))


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
    get_event_row(session, event_id)
    problems: list[ValidationError] = []
    try:
        notes = text_rules.DELIVERY_NOTES.check(notes, "notes")
    except ValidationError as exc:
        problems.append(exc)
    _check_lines(session, lines, problems)
    unique_ids = list(dict.fromkeys(household_ids))
    repeated = len(household_ids) - len(unique_ids)
    if not unique_ids:
        problems.append(ValidationError("household_ids", msg("delivery.households_missing")))
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
        raise NotFoundError(msg("delivery.household_not_found", ids=id_list(missing)))
    inactive = [
        f"{address.display()} {head}（{HouseholdStatus(status).label}）".strip()
        for status, address, head in (households[i] for i in unique_ids)
        if status != HouseholdStatus.ACTIVE.value
    ]
    if inactive:
        shown = "、".join(inactive[:5])
        problems.append(ValidationError("household_ids", msg(
            "delivery.households_inactive_more", households=shown, count=len(inactive))
            if len(inactive) > 5 else msg("delivery.households_inactive", households=shown)))
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
            raise ConflictError(msg("delivery.planned_meanwhile")) from exc
        touch_roots(session, Event, [event_id], actor)
        if any(r["volunteer_id"] is None for r in rows):
            renumber(session, event_id, {None}, actor, natural=True)
    log.info("event %s: %d deliveries planned, %d skipped by %s",
             event_id, len(rows), skipped, actor)
    return PlanResult(created=len(rows), skipped_duplicates=skipped)


__all__ = ["MOBILITY_CATEGORIES", "Candidate", "PlanLine", "PlanResult", "TargetFilter",
           "find_candidates", "plan_deliveries"]
