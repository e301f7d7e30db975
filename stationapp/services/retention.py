"""Retention (PIPL Art. 19): de-identify households that left the ledger long ago.

A household that moved away (迁出) or ended (注销) more than the station's retention time
before today is *due*: :func:`households_due_for_deidentification` lists them, and an
administrator removes what identifies its people with :func:`deidentify_households`.

What goes, and what stays (statistics of past months must not change):
- gone: every name (replaced by :data:`DEIDENTIFIED`), ID numbers, phones, the room (a
  building with a room number points at one family), the household's notes and status
  reasons, members' mobility (health) notes, and the free texts written about the
  household: visit notes and findings' notes, requests' descriptions, reporters,
  resolutions, call-back notes and status-step notes, reminders' texts, delivery notes;
- kept: community, building and unit (counts per community), care tier and categories,
  status and its dates, registration day, members' sex and status, members' birth *year*
  (their birth dates become the 1st of January of that year), the household's oldest
  birth date (the 高龄 count of past months reads it), visits' dates, methods and finding
  levels, requests' categories, dates and satisfaction, deliveries and their outcomes.

The household's derived ``head_name`` is :data:`DEIDENTIFIED` once it is done: that is how a
de-identified household is told apart (no schema change). The audit trail records the act
as one ``deidentify`` entry per whole (household, each visit, request …) naming the fields
removed, with ``removed`` in place of their old values (``db.audit_hook.REDACT_KEY``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import Subquery

from stationapp.db.audit_hook import REDACT_KEY
from stationapp.db.workbench_snapshot import TABLE as KEPT_WORKBENCH_TABLE
from stationapp.domain.accounts import Account, Permission, Role, role_allows
from stationapp.domain.address import Address
from stationapp.domain.care_models import CareRequest, Reminder, Visit
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import PermissionDeniedError, ValidationError
from stationapp.domain.event_models import Delivery
from stationapp.domain.models import Household, HouseholdStatusChange
from stationapp.domain.vocab import HouseholdStatus
from stationapp.messages import msg
from stationapp.services.settings import RETENTION_YEARS_RANGE, get_station_settings

log = logging.getLogger("stationapp.services")

DEIDENTIFIED = "已去标识"
"""What a removed name reads as."""
DEIDENTIFY_ACTION = "deidentify"
"""The action of the audit trail's entries of a de-identification."""
RETENTION_PERMISSION = Permission.ADMIN_ACCOUNTS
"""Administrators only: no role but the administrator's may manage accounts."""
LEFT_STATUSES = (HouseholdStatus.MOVED_AWAY, HouseholdStatus.CLOSED)


@dataclass(frozen=True)
class DueHousehold:
    """A household due for de-identification, as listed for the administrator."""

    id: int
    community: str
    address: str
    head_name: str
    status: HouseholdStatus
    left_on: date
    members: int


def retention_cutoff(today: date, years: int) -> date:
    """The day ``years`` years before ``today`` (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _left_on() -> Subquery:
    """Per household, the day its latest move off the ledger took effect."""
    return (select(HouseholdStatusChange.household_id,
                   func.max(HouseholdStatusChange.effective_date).label("left_on"))
            .where(HouseholdStatusChange.status.in_([s.value for s in LEFT_STATUSES]))
            .group_by(HouseholdStatusChange.household_id).subquery())


def households_due_for_deidentification(session: Session, today: date, years: int
                                        ) -> list[DueHousehold]:
    """Households moved away or closed more than ``years`` years before ``today`` and not
    yet de-identified, longest gone first.

    The day they left is the household's status date, else the latest 迁出 / 注销 of its
    status history (a ledger imported without dates)."""
    low, high = RETENTION_YEARS_RANGE
    if not low <= years <= high:
        raise ValidationError("years", msg("household.retention_years_range", low=low, high=high))
    cutoff = retention_cutoff(today, years)
    history = _left_on()
    left_on = func.coalesce(Household.status_date, history.c.left_on)
    query = (select(Household, left_on)
             .outerjoin(history, history.c.household_id == Household.id)
             .where(Household.status.in_([s.value for s in LEFT_STATUSES]),
                    Household.head_name != DEIDENTIFIED,
                    and_(left_on.is_not(None), left_on < cutoff))
             .options(selectinload(Household.community), selectinload(Household.residents))
             .order_by(left_on, Household.id))
    return [DueHousehold(h.id, h.community.name, _address(h).display(), h.head_name,
                         HouseholdStatus(h.status), day, len(h.residents))
            for h, day in session.execute(query)]


def _address(household: Household) -> Address:
    return Address(household.community.name, household.building, household.unit,
                   household.room)


def check_role_may_deidentify(name: str, role: Role | None) -> None:
    """PermissionDeniedError unless ``role`` (None: no active account) may de-identify."""
    if role is None or not role_allows(role, RETENTION_PERMISSION):
        raise PermissionDeniedError(msg("household.deidentify_not_allowed", name=name))


def check_may_deidentify(session: Session, actor: str) -> None:
    """PermissionDeniedError unless ``actor`` may de-identify households: anyone on a
    ledger without accounts (as before accounts existed), else an active administrator."""
    if session.scalar(select(Account.id).limit(1)) is None:
        return
    account = session.scalar(select(Account).where(Account.name == actor))
    active = account is not None and account.active
    check_role_may_deidentify(actor, Role(account.role) if account and active else None)


def deidentify_households(session: Session, ids: Sequence[int], actor: str, today: date,
                          years: int | None = None) -> int:
    """Remove what identifies the people of the households ``ids`` (see the module's
    docstring); returns how many were de-identified.

    Only households due on ``today`` under a retention of ``years`` years (None: the
    station's setting) are touched: an
    id that is not (any more) due is a ValidationError, and nothing is written. The session's
    audit trail records the act with the removed values as ``removed``.
    """
    check_may_deidentify(session, actor)
    if years is None:
        years = get_station_settings(session).retention_years
    due = {row.id for row in households_due_for_deidentification(session, today, years)}
    wanted = list(dict.fromkeys(ids))
    not_due = [i for i in wanted if i not in due]
    if not_due:
        raise ValidationError("ids", msg("household.deidentify_not_due",
                                         ids=", ".join(map(str, not_due))))
    if not wanted:
        return 0
    previous = session.info.get(REDACT_KEY)
    session.flush()  # earlier work of this transaction is recorded as usual
    session.info[REDACT_KEY] = DEIDENTIFY_ACTION
    try:
        households = session.scalars(
            select(Household).where(Household.id.in_(wanted))
            .options(selectinload(Household.community), selectinload(Household.residents),
                     selectinload(Household.status_changes))).all()
        for household in households:
            _deidentify(session, household, actor)
        session.flush()
        # 工作台 kept for the start-up may name these households: it goes in the same
        # transaction (it is read again, without them, the next time 工作台 is shown).
        session.execute(text(f"DELETE FROM {KEPT_WORKBENCH_TABLE}"))
    finally:
        if previous is None:
            session.info.pop(REDACT_KEY, None)
        else:
            session.info[REDACT_KEY] = previous
    log.info("%s households de-identified by %s", len(households), actor)
    return len(households)


def _deidentify(session: Session, household: Household, actor: str) -> None:
    oldest = household.oldest_birth_date
    for resident in household.residents:
        resident.name = DEIDENTIFIED
        resident.id_number = None
        resident.phone = ""
        resident.mobility_notes = ""
        if resident.birth_date is not None:
            resident.birth_date = resident.birth_date.replace(month=1, day=1)
        resident.updated_by = actor
    household.room = ""
    household.phone = ""
    household.notes = ""
    household.status_reason = ""
    for change in household.status_changes:
        change.reason = ""
    members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
               for r in household.residents]
    for name, value in derived_household_columns(_address(household), "", members).items():
        setattr(household, name, value)
    household.head_name = DEIDENTIFIED  # also with no member: the mark of "done"
    household.head_pinyin = ""
    # The 高龄 count of the months it was on the ledger reads the exact oldest birth date.
    household.oldest_birth_date = oldest
    household.updated_by = actor
    _clear_texts(session, household.id, actor)


def _clear_texts(session: Session, household_id: int, actor: str) -> None:
    """Empty the free texts written about the household (dates and figures stay)."""
    for visit in session.scalars(select(Visit).where(Visit.household_id == household_id)
                                 .options(selectinload(Visit.findings))):
        visit.notes = ""
        for finding in visit.findings:
            finding.note = ""
        visit.updated_by = actor
    for request in session.scalars(
            select(CareRequest).where(CareRequest.household_id == household_id)
            .options(selectinload(CareRequest.history))):
        request.description = request.reporter = request.resolution = ""
        request.callback_note = ""
        for step in request.history:
            step.note = ""
        request.updated_by = actor
    for reminder in session.scalars(select(Reminder)
                                    .where(Reminder.household_id == household_id)):
        reminder.text = ""
        reminder.updated_by = actor
    for delivery in session.scalars(select(Delivery)
                                    .where(Delivery.household_id == household_id)
                                    .options(selectinload(Delivery.attempts))):
        delivery.notes = delivery.outcome_note = ""
        for attempt in delivery.attempts:
            attempt.note = ""
        delivery.updated_by = actor
