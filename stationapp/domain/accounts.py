"""Accounts and roles: who may sign in, and what each role may do (in one table).

Three roles (DESIGN.md, "Who acts"): 管理员 administrator (accounts, settings, restore,
full-ID exports, the audit trail), 工作人员 clerk (daily work; exports with ID numbers
masked), 查看/打印 viewer (reads and prints delivery sheets; no exports, no edits).
:func:`role_allows` is the only place that answers "may this role do that?".

An account keeps an argon2id hash of its password, never the password itself. After
:data:`MAX_FAILED_ATTEMPTS` wrong passwords in a row it is locked for
:data:`LOCKOUT_TIME`, counted by the clock the caller passes in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stationapp.domain.account_rules import (
    ACCOUNT_NAME,
    LOCKOUT_TIME,
    MAX_FAILED_ATTEMPTS,
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    ROLE_LABELS,
    Permission,
    Role,
    check_allowed,
    role_allows,
)
from stationapp.domain.models import Base, Timestamped


class Account(Timestamped, Base):
    """账户: one person who signs in, with a role and a hashed password.

    ``failed_attempts`` counts wrong passwords since the last good one; ``locked_until``
    is set when they reach :data:`MAX_FAILED_ATTEMPTS`. A disabled account (``active``
    false) cannot sign in; accounts are never deleted, so that names in the records stay
    someone's.
    """

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    role: Mapped[Role] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    def locked_at(self, now: datetime) -> bool:
        """True when the account is locked at ``now``."""
        return self.locked_until is not None and now < self.locked_until


# The rules are defined without the ORM (``account_rules``) and kept importable from here.
__all__ = [
    "ACCOUNT_NAME",
    "LOCKOUT_TIME",
    "MAX_FAILED_ATTEMPTS",
    "PASSWORD_MAX_LENGTH",
    "PASSWORD_MIN_LENGTH",
    "ROLE_LABELS",
    "Account",
    "Permission",
    "Role",
    "check_allowed",
    "role_allows",
]
