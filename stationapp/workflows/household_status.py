"""A household's status change and what it does to the household's deliveries."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.delivery_outcomes import cancel_pending_for_household
from stationapp.services.households import set_household_status


def change_status(
    session: Session,
    household_id: int,
    status: HouseholdStatus,
    effective_date: date,
    reason: str,
    actor: str,
    expected_version: int | None = None,
    *,
    today: date,
) -> int:
    """Move a household to 迁出 / 注销 (or back to 在册) with a date and reason, kept in history.

    ``effective_date`` may not be after ``today`` (the desk's day).

    When the household leaves 在册, its pending deliveries (待送) of every event are
    cancelled (取消, with the reason in their history). Returns how many were cancelled
    (0 when none, and always 0 when the household comes back to 在册), so the clerk can
    be told. A household off the ledger has no visit due; one that comes back is due
    again from its last visit.
    """
    set_household_status(session, household_id, status, effective_date, reason, actor,
                         expected_version, today=today)
    if status is HouseholdStatus.ACTIVE:
        return 0
    return cancel_pending_for_household(
        session, household_id, actor, f"住户{status.label}：{reason.strip()}",
        session_clock(session).now(),
    )
