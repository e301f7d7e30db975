"""Changing the household ledger: add and edit households with their members, change a
household's status, assign liaisons.

Reading the ledger is :mod:`stationapp.services.household_queries`, checking a household
:mod:`stationapp.services.household_validation`; what a status change does to deliveries
is :mod:`stationapp.workflows.household_status`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import CursorResult, Table, inspect, select, update
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.models import (
    Community,
    Household,
    HouseholdCategory,
    HouseholdStatusChange,
    Resident,
)
from stationapp.domain.vocab import HouseholdStatus, ResidentStatus
from stationapp.domain.vocab_words import joined, label_message
from stationapp.messages import Message, msg
from stationapp.services._common import (
    Problems,
    check_person,
    check_root_version,
    chunks,
    community_named,
    flush_or_conflict,
)
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import (
    HouseholdDetail,
    HouseholdInput,
)
from stationapp.services.household_validation import validate_household
from stationapp.services.visit_schedule import reschedule_household

log = logging.getLogger("stationapp.services")

_CONFLICT = msg("household.conflict")
_LIAISON = msg("household.role_liaison")


def _check_unique(
    session: Session, data: HouseholdInput, household_id: int | None,
    current_liaison: int | None = None,
) -> None:
    problems = Problems()
    check_person(session, data.liaison_id, "liaison", _LIAISON, problems, current_liaison)
    for i, resident in enumerate(data.residents):
        if not resident.id_number:
            continue
        owner = session.execute(
            select(Resident.id, Resident.household_id).where(
                Resident.id_number == resident.id_number
            )
        ).first()
        if owner is not None and owner.id != resident.id:
            where = (
                msg("household.this_one") if owner.household_id == household_id
                else msg("household.numbered_within", id=owner.household_id)
            )
            problems.add(f"residents[{i}].id_number",
                         msg("household.id_number_taken", where=where))
    address_taken = session.scalar(
        select(Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(
            Community.name == data.community, Household.building == data.building,
            Household.unit == data.unit, Household.room == data.room,
            Household.status == HouseholdStatus.ACTIVE.value,
            Household.id != (household_id or -1),
        )
    )
    if address_taken is not None and data.room:
        problems.add("room", msg("household.address_taken", id=address_taken))
    problems.raise_if_any()


def _apply(session: Session, household: Household, data: HouseholdInput, actor: str) -> None:
    with session.no_autoflush:
        household.community = community_named(session, data.community, actor)
    household.building, household.unit, household.room = data.building, data.unit, data.room
    household.phone, household.tier, household.notes = data.phone, data.tier, data.notes
    household.liaison_id = data.liaison_id
    household.updated_by = actor
    wanted = {c.value for c in data.categories}
    household.categories = [c for c in household.categories if c.category in wanted]
    have = {c.category for c in household.categories}
    household.categories.extend(HouseholdCategory(category=c) for c in sorted(wanted - have))
    by_id = {r.id: r for r in household.residents}
    kept: set[int] = set()
    for item in data.residents:
        resident = by_id.get(item.id) if item.id is not None else None
        if item.id is not None and resident is None:
            raise NotFoundError(msg("household.member_gone", name=item.name))
        if resident is None:
            resident = Resident()
            household.residents.append(resident)
        else:
            kept.add(resident.id)
        resident.name, resident.relation = item.name, item.relation
        resident.sex = item.sex.value if item.sex else ""
        resident.birth_date, resident.id_number = item.birth_date, item.id_number or None
        resident.phone, resident.is_head = item.phone, item.is_head
        resident.mobility_notes, resident.status = item.mobility_notes, item.status
        resident.lunar_birthday = item.lunar_birthday
        resident.updated_by = actor
    for resident_id, resident in by_id.items():
        if resident_id not in kept and resident.status == ResidentStatus.PRESENT:
            resident.status, resident.is_head = ResidentStatus.MOVED_AWAY, False
            resident.updated_by = actor
    refresh_derived(household)


def refresh_derived(household: Household) -> None:
    """Recompute the household's sort and search columns from its members."""
    address = Address(household.community.name, household.building, household.unit,
                      household.room)
    members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
               for r in household.residents]
    for name, value in derived_household_columns(address, household.phone, members).items():
        setattr(household, name, value)


def create_household(
    session: Session, data: HouseholdInput, actor: str, today: date
) -> int:
    """Validate and add a household with its members; returns the new id.

    Its 登记日期 is ``data.registered_on``, else ``today`` (the desk's day). A new
    household has never been visited: its first visit is due from the day it was
    registered.
    """
    data = validate_household(replace(data, version=None), today)
    _check_unique(session, data, None)
    registered_on = data.registered_on or today
    household = Household(
        community=community_named(session, data.community, actor),
        status=HouseholdStatus.ACTIVE, categories=[], residents=[],
        registered_on=registered_on, next_visit_due=registered_on,
    )
    session.add(household)
    _apply(session, household, data, actor)
    session.flush()
    log.info("household %s created by %s", household.id, actor)
    return household.id


_RESIDENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "name"), ("sex", "sex"), ("birth_date", "birth_date"),
    ("id_number", "id_number"), ("phone", "member_phone"), ("relation", "relation"),
    ("is_head", "is_head"), ("mobility_notes", "mobility"), ("status", "status"),
    ("lunar_birthday", "lunar_birthday"),
)
"""A member's attribute → its part code ``household.part_<code>``."""
_HOUSEHOLD_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("community", "building", "unit", "room"), "address"), (("phone",), "phone"),
    (("tier",), "tier"), (("categories",), "categories"), (("notes",), "notes"),
    (("liaison_id",), "liaison"), (("registered_on",), "registered_on"),
    (("status", "status_date", "status_reason"), "status"),
)
"""The household's attributes → their part code ``household.part_<code>``."""


def household_changes(
    opened: HouseholdDetail | None, stored: HouseholdDetail
) -> tuple[Message, ...]:
    """What differs between the household as opened and as stored, as field labels
    without values (no personal data), each a message: "联系电话", "成员 2 的行动情况、电话",
    "新增成员 3" (in English "contact phone", "member 2: mobility, phone", "new member 3").

    Members are numbered as the stored household lists them. Nothing when ``opened``
    is None (the caller did not keep the copy it opened).
    """
    if opened is None:
        return ()
    changes = [
        msg(f"household.part_{part}") for names, part in _HOUSEHOLD_FIELDS
        if any(getattr(opened, n) != getattr(stored, n) for n in names)
    ]
    before = {r.id: r for r in opened.residents}
    for number, resident in enumerate(stored.residents, start=1):
        old = before.get(resident.id)
        if old is None:
            changes.append(msg("household.part_new_member", number=number))
            continue
        fields: list[Message | str] = [
            msg(f"household.part_{part}") for name, part in _RESIDENT_FIELDS
            if getattr(old, name) != getattr(resident, name)]
        if fields:
            changes.append(msg("household.part_member", number=number, fields=joined(fields)))
    return tuple(changes)


def _what(household_id: int) -> Message:
    return msg("household.numbered", id=household_id)


def _locked(session: Session, household_id: int) -> Household:
    """The household read afresh and, on PostgreSQL, locked until the transaction ends
    (a desk saving at the same moment waits, then sees the newer version)."""
    household = session.get(Household, household_id, with_for_update=True,
                            populate_existing=True)
    if household is None:
        raise NotFoundError(msg("household.not_found", id=household_id))
    return household


def update_household(
    session: Session, household_id: int, data: HouseholdInput, actor: str,
    today: date,
) -> None:
    """Validate and save changes; ConflictError when someone saved it in between.

    ``today`` is the desk's day (checks of birth dates and 登记日期). A change of care
    tier or of 登记日期 moves the next visit's due date; ``registered_on`` None keeps the
    stored day.
    """
    household = _locked(session, household_id)
    check_root_version(
        data.version, household, _what(household_id),
        lambda: household_changes(data.opened, get_household(session, household_id, today)),
    )
    data = validate_household(data, today)
    _check_unique(session, data, household_id, household.liaison_id)
    tier_before, registered_before = household.tier, household.registered_on
    # One flush writes the household and its members: one version step per save.
    with session.no_autoflush:
        _apply(session, household, data, actor)
    if data.registered_on is not None:
        household.registered_on = data.registered_on
    flush_or_conflict(session, _CONFLICT)
    if data.tier != tier_before or household.registered_on != registered_before:
        reschedule_household(session, household_id)
    log.info("household %s updated by %s", household_id, actor)


def set_household_status(
    session: Session,
    household_id: int,
    status: HouseholdStatus,
    effective_date: date,
    reason: str,
    actor: str,
    expected_version: int | None = None,
    *,
    today: date,
) -> None:
    """Move a household to 迁出 / 注销 (or back to 在册) with a date and reason, kept in history.

    ``effective_date`` may not be after ``today`` (the desk's day). A household off the
    ledger has no visit due; one that comes back is due again from its last visit.
    This is the household's own part only: what the change does to its deliveries is
    :func:`stationapp.workflows.household_status.change_status`.
    """
    household = _locked(session, household_id)
    check_root_version(expected_version, household, _what(household_id),
                       hint=msg("household.reopen_for_status"))
    if status == household.status:
        raise ValidationError("status", msg("household.status_same",
                                              status=label_message(status)))
    reason = text_rules.STATUS_REASON.check(reason, "reason")
    if status is not HouseholdStatus.ACTIVE and not reason:
        raise ValidationError("reason", msg("household.reason_missing"))
    if effective_date > today:
        raise ValidationError("effective_date", msg("household.status_date_future"))
    household.status = status
    household.status_date = effective_date
    household.status_reason = reason.strip()
    household.updated_by = actor
    if status is HouseholdStatus.CLOSED:
        for resident in household.residents:
            if resident.status == ResidentStatus.PRESENT and "去世" in reason:
                resident.status = ResidentStatus.DECEASED
    session.add(HouseholdStatusChange(
        household=household, status=status, effective_date=effective_date,
        reason=reason.strip(), actor=actor,
    ))
    flush_or_conflict(session, _CONFLICT)
    reschedule_household(session, household_id)
    log.info("household %s status %s by %s", household_id, status, actor)


def assign_liaison(
    session: Session, household_ids: Sequence[int], liaison_id: int | None, actor: str
) -> int:
    """Make one person the liaison (联户人) of the given households, or none with None.

    For a selection in the households page: one UPDATE per 500 households, each changed
    household's version bumped (an open dialog on it then reports a conflict instead
    of putting the old liaison back). Returns how many households changed.
    """
    problems = Problems()
    check_person(session, liaison_id, "liaison", _LIAISON, problems)
    problems.raise_if_any()
    session.flush()
    table: Table = Household.__table__  # type: ignore[assignment]
    wanted = sorted(set(household_ids))
    changed = 0
    now = session_clock(session).now()
    for chunk in chunks(wanted, 500):
        result = session.execute(
            update(table)
            .where(table.c.id.in_(chunk),
                   table.c.liaison_id.is_distinct_from(liaison_id))
            .values(liaison_id=liaison_id, version=table.c.version + 1, updated_by=actor,
                    updated_at=now)
        )
        assert isinstance(result, CursorResult)
        changed += result.rowcount
    chosen = set(wanted)
    for obj in list(session.identity_map.values()):
        identity = inspect(obj).identity
        if isinstance(obj, Household) and identity is not None and identity[0] in chosen:
            session.expire(obj)
    log.info("liaison %s assigned to %d households by %s", liaison_id, changed, actor)
    return changed


__all__ = [
    "assign_liaison", "create_household", "household_changes", "refresh_derived",
    "set_household_status", "update_household",
]
