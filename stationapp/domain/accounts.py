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

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stationapp.domain.errors import PermissionDeniedError
from stationapp.domain.models import Base, Timestamped
from stationapp.domain.text_rules import TextRule
from stationapp.messages import Message, msg

MAX_FAILED_ATTEMPTS = 5
"""Wrong passwords in a row that lock an account."""
LOCKOUT_TIME = timedelta(minutes=15)
"""How long a locked account stays locked."""
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 256
"""Bounds of a password (argon2 takes any length; this keeps a pasted file out)."""

ACCOUNT_NAME = TextRule(msg("account.name_label"), 32, column="account.name")
"""The rule an account name follows (a person's name such as 书记 or a login such as li)."""


class Role(StrEnum):
    """What an account is for; stored as the code."""

    ADMIN = "admin"
    CLERK = "clerk"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk (管理员 · 工作人员 · 查看/打印)."""
        return ROLE_LABELS[self]

    @property
    def words(self) -> Message:
        """The role's name in the desk's language."""
        return msg(f"account.role_{self.value}")


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "管理员",
    Role.CLERK: "工作人员",
    Role.VIEWER: "查看/打印",
}


class Permission(StrEnum):
    """One kind of act a role may or may not do."""

    READ = "read"
    PRINT = "print"
    EDIT = "edit"
    IMPORT = "import"
    EXPORT = "export"
    EXPORT_FULL_ID = "export_full_id"
    BACKUP = "backup"
    RESTORE = "restore"
    SETTINGS = "settings"
    ADMIN_ACCOUNTS = "admin_accounts"
    AUDIT = "audit"

    @property
    def action(self) -> Message:
        """What the permission allows, as words for a refusal ("may not …")."""
        return msg(f"account.may_{self.value}")


_VIEWER = frozenset({Permission.READ, Permission.PRINT})
_CLERK = _VIEWER | {Permission.EDIT, Permission.IMPORT, Permission.EXPORT, Permission.BACKUP}
_ALLOWED: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: _VIEWER,
    Role.CLERK: _CLERK,
    Role.ADMIN: frozenset(Permission),
}


def role_allows(role: Role, permission: Permission) -> bool:
    """True when ``role`` may do what ``permission`` names."""
    return permission in _ALLOWED[role]


def check_allowed(name: str, role: Role, permission: Permission) -> None:
    """PermissionDeniedError, naming the account and what it may not do, unless ``role``
    allows ``permission``."""
    if not role_allows(role, permission):
        raise PermissionDeniedError(msg("account.not_allowed", name=name, role=role.words,
                                        action=permission.action))


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
