"""Accounts without the ORM: roles, permissions, what a name and a password may be.

The sign-in window and the command's parser are built from these before SQLAlchemy is
imported; ``domain.accounts`` (the ``Account`` model) re-exports them."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from stationapp.domain.errors import PermissionDeniedError
from stationapp.domain.text_rules import TextRule
from stationapp.messages import Message, msg

PASSWORD_MAX_LENGTH = 256
"""Upper bound of a password (argon2 takes any length; this keeps a pasted file out)."""

ACCOUNT_NAME = TextRule(msg("account.name_label"), 32, column="account.name")
"""The rule an account name follows (a person's name such as 书记 or a login such as li)."""

MAX_FAILED_ATTEMPTS = 5
"""Wrong passwords in a row that lock an account."""
LOCKOUT_TIME = timedelta(minutes=15)
"""How long a locked account stays locked."""
PASSWORD_MIN_LENGTH = 8
"""Lower bound of a password."""


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
