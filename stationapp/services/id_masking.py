"""Who may see full ID numbers, and showing them masked everywhere else.

One masking rule for lists, dialogs and exports: :func:`masked_id` (``370502********1234``,
from :func:`stationapp.domain.audit.mask_id_number`). The role acting decides the rest:

- no account on the ledger yet (``by`` is None): the desk's user is treated as its
  administrator, as before accounts existed, except that exports still mask unless full
  numbers are asked for;
- an administrator may reveal one number (recorded as ``reveal_id``) and export full
  numbers with a stated reason (recorded);
- a clerk sees masked numbers only; a viewer also may not export.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.accounts import Account, Permission, Role, role_allows
from stationapp.domain.audit import AuditAction, mask_id_number
from stationapp.domain.errors import NotFoundError, PermissionDeniedError
from stationapp.domain.models import Resident
from stationapp.messages import msg
from stationapp.services.accounts import SignedIn, accounts_exist
from stationapp.services.audit import record_read


def masked_id(number: str) -> str:
    """``number`` with its birth date hidden: ``370502********1234`` for an 18-character
    number; any other non-empty text keeps at most its first six and last four characters."""
    masked = mask_id_number(number)
    if masked != number or not number:
        return masked
    if len(number) > 10:
        return number[:6] + "*" * (len(number) - 10) + number[-4:]
    return "*" * len(number)


def acting_account(session: Session, name: str) -> SignedIn | None:
    """Who ``name`` acts as: None while the ledger has no account; else the active account
    of that name, or a viewer (the least a stranger may do) when there is none."""
    if not accounts_exist(session):
        return None
    role = session.scalar(select(Account.role).where(Account.name == name,
                                                     Account.active.is_(True)))
    return SignedIn(name, Role(role) if role is not None else Role.VIEWER)


def may_reveal_ids(by: SignedIn | None) -> bool:
    """True when ``by`` may see a full ID number (an administrator, or nobody signed in on
    a ledger without accounts)."""
    return by is None or role_allows(by.role, Permission.EXPORT_FULL_ID)


def reveal_id_number(session: Session, resident_id: int, *, by: SignedIn | None) -> str:
    """The full ID number of the resident ``resident_id``, recorded in the audit trail as
    ``reveal_id`` of that resident. PermissionDeniedError unless :func:`may_reveal_ids`;
    NotFoundError for an unknown resident."""
    if not may_reveal_ids(by):
        assert by is not None
        raise PermissionDeniedError(msg("audit.reveal_not_allowed", name=by.name,
                                        role=by.role.words))
    number = session.scalar(select(Resident.id_number).where(Resident.id == resident_id))
    if number is None and session.get(Resident, resident_id) is None:
        raise NotFoundError(msg("audit.resident_not_found", id=resident_id))
    record_read(session, AuditAction.REVEAL_ID, "resident", 1, entity_id=str(resident_id),
                actor=by.name if by is not None else None)
    return number or ""


__all__ = ["acting_account", "masked_id", "may_reveal_ids", "reveal_id_number"]
