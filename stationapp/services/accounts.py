"""Accounts (账户): adding, listing, disabling, new passwords and signing in.

Passwords are hashed with argon2id (argon2-cffi's ``PasswordHasher``) and never stored,
logged or put into an error. Signing in gives the same message whether the name or the
password is wrong; a locked account says until when. The first account on a ledger must
be an administrator and may be added without signing in; after that, managing accounts
takes an administrator (or, for a new password, the account itself).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationapp.domain.accounts import (
    ACCOUNT_NAME,
    LOCKOUT_TIME,
    MAX_FAILED_ATTEMPTS,
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    Account,
    Permission,
    Role,
    check_allowed,
)
from stationapp.domain.audit import ACTOR_KEY
from stationapp.domain.errors import NotFoundError, SignInError, ValidationError
from stationapp.messages import msg

log = logging.getLogger("stationapp.services")

_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106) parameters


@dataclass(frozen=True)
class SignedIn:
    """Who signed in: the account's name (the actor of every change) and its role."""

    name: str
    role: Role

    def check(self, permission: Permission) -> None:
        """PermissionDeniedError unless this account's role allows ``permission``."""
        check_allowed(self.name, self.role, permission)


@dataclass(frozen=True)
class AccountRow:
    """An account as listed (never its password hash)."""

    name: str
    role: Role
    active: bool
    locked_until: datetime | None
    created_at: datetime


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` after checking its length (ValidationError)."""
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationError("password", msg("account.password_short",
                                              length=PASSWORD_MIN_LENGTH))
    if len(password) > PASSWORD_MAX_LENGTH:
        raise ValidationError("password", msg("account.password_long",
                                              length=PASSWORD_MAX_LENGTH))
    return _hasher.hash(password)


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _decoy_hash() -> str:
    """A hash no password is checked against for real: verifying an unknown name takes
    as long as verifying a known one, so the time taken does not tell names apart."""
    return _hasher.hash("stationapp: no such account")


def accounts_exist(session: Session) -> bool:
    """True once any account (even a disabled one) is on the ledger: from then on,
    everyone signs in."""
    return bool(session.scalar(select(exists().where(Account.id.is_not(None)))))


def _check_name(name: str) -> str:
    tidy = ACCOUNT_NAME.check(name, "name")
    if not tidy:
        raise ValidationError("name", msg("common.required", label=msg("account.name_label")))
    if any(ch.isspace() for ch in tidy):
        raise ValidationError("name", msg("account.name_spaces"))
    return tidy


def _account(session: Session, name: str) -> Account:
    account = session.scalar(select(Account).where(Account.name == name.strip()))
    if account is None:
        raise NotFoundError(msg("account.not_found", name=name.strip()))
    return account


def _check_manager(session: Session, by: SignedIn | None) -> None:
    """Managing accounts takes a signed-in administrator once any account exists."""
    if by is not None:
        by.check(Permission.ADMIN_ACCOUNTS)
    elif accounts_exist(session):
        raise SignInError(msg("account.sign_in_required"))


def add_account(
    session: Session, name: str, role: Role, password: str, *, by: SignedIn | None
) -> AccountRow:
    """Add the account ``name`` with ``role`` and ``password``; ``by`` is who adds it
    (None only for the first account, which must be an administrator).

    Raises ValidationError (name, role or password refused, or the name taken),
    SignInError (accounts exist and nobody signed in) or PermissionDeniedError.
    """
    _check_manager(session, by)
    tidy = _check_name(name)
    if by is None and role is not Role.ADMIN:
        raise ValidationError("role", msg("account.first_must_be_admin"))
    if session.scalar(select(Account.id).where(Account.name == tidy)) is not None:
        raise ValidationError("name", msg("account.name_taken", name=tidy))
    account = Account(name=tidy, role=role, password_hash=hash_password(password),
                      active=True, failed_attempts=0,
                      updated_by=by.name if by is not None else tidy)
    session.add(account)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # another desk added the same name just now
        raise ValidationError("name", msg("account.name_taken", name=tidy)) from exc
    log.info("account %s added with role %s", account.id, role.value)
    if by is None and session.get_bind().dialect.name == "sqlite":
        _make_backup_key()
    return _row(account)


def _make_backup_key() -> None:
    """The first administrator brings the desk's backup key (its recovery code waits for
    the screen that shows it: backup_crypto.take_pending_recovery_code). A key that
    cannot be saved now is made by the first backup instead."""
    from stationapp.domain.errors import BackupError
    from stationapp.services.backup_crypto import ensure_desk_key

    try:
        ensure_desk_key()
    except BackupError as exc:
        log.warning("backup key not made with the first administrator: %s", exc)


def _row(account: Account) -> AccountRow:
    return AccountRow(account.name, Role(account.role), account.active, account.locked_until,
                      account.created_at)


def list_accounts(session: Session, *, by: SignedIn | None) -> list[AccountRow]:
    """Every account, by name; ``by`` must be an administrator once accounts exist."""
    _check_manager(session, by)
    accounts = session.scalars(select(Account).order_by(Account.name)).all()
    return [_row(a) for a in accounts]


def disable_account(session: Session, name: str, *, by: SignedIn) -> None:
    """Disable ``name`` so it can no longer sign in (it stays on record).

    The last active administrator cannot be disabled: nobody could manage accounts then.
    """
    by.check(Permission.ADMIN_ACCOUNTS)
    account = _account(session, name)
    if account.role == Role.ADMIN and account.active:
        admins = session.scalar(select(func.count()).select_from(Account).where(
            Account.role == Role.ADMIN, Account.active.is_(True)))
        if (admins or 0) <= 1:
            raise ValidationError("name", msg("account.last_admin", name=account.name))
    account.active = False
    account.updated_by = by.name
    session.flush()
    log.info("account %s disabled", account.id)


def set_password(session: Session, name: str, password: str, *, by: SignedIn) -> None:
    """Give ``name`` a new password and lift any lock; an administrator may do it for
    any account, everyone for their own."""
    if by.name != name.strip():
        by.check(Permission.ADMIN_ACCOUNTS)
    account = _account(session, name)
    account.password_hash = hash_password(password)
    account.failed_attempts = 0
    account.locked_until = None
    account.updated_by = by.name
    session.flush()
    log.info("account %s has a new password", account.id)


def authenticate(session: Session, name: str, password: str, now: datetime) -> SignedIn:
    """Who ``name`` is, when ``password`` is theirs at ``now``.

    Raises SignInError: one message for an unknown name and a wrong password; a locked
    account says until when; a disabled one says so (only to whoever knows its password).
    A wrong password is counted, and the count is committed before the error is raised,
    so that the caller's rollback cannot undo it; the fifth in a row locks the account
    for fifteen minutes.
    """
    failed = SignInError(msg("account.sign_in_failed"))
    account = session.scalar(select(Account).where(Account.name == name.strip()))
    if account is None:
        _matches(_decoy_hash(), password)
        raise failed
    if account.locked_at(now):
        raise SignInError(msg("account.locked", name=account.name,
                              until=_minute(account.locked_until or now)))
    if not _matches(account.password_hash, password):
        _count_failure(session, account, now)
        raise failed
    if not account.active:
        raise SignInError(msg("account.disabled", name=account.name))
    if account.failed_attempts or account.locked_until is not None:
        session.info.setdefault(ACTOR_KEY, account.name)
        account.failed_attempts = 0
        account.locked_until = None
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    session.flush()
    return SignedIn(account.name, Role(account.role))


def _count_failure(session: Session, account: Account, now: datetime) -> None:
    """One more wrong password for ``account``, counted in SQL so that two desks failing
    at once both count; locks it at the limit. Commits."""
    account_id = account.id
    # The trail names who tried (not whoever last saved the account).
    session.info[ACTOR_KEY] = account.name
    session.execute(update(Account).where(Account.id == account_id)
                    .values(failed_attempts=Account.failed_attempts + 1))
    attempts = session.scalar(select(Account.failed_attempts).where(Account.id == account_id))
    if (attempts or 0) >= MAX_FAILED_ATTEMPTS:
        session.execute(update(Account).where(Account.id == account_id)
                        .values(failed_attempts=0, locked_until=now + LOCKOUT_TIME))
        log.warning("account %s locked after %d wrong passwords", account_id,
                    MAX_FAILED_ATTEMPTS)
    session.commit()


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


__all__ = ["AccountRow", "SignedIn", "accounts_exist", "add_account",
           "authenticate", "disable_account", "hash_password", "list_accounts",
           "set_password"]
