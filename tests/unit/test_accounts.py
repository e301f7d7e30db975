"""Accounts and roles: hashing, lockout, the permissions table, first admin, one message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from stationapp.domain.accounts import (
    ACCOUNT_NAME,
    LOCKOUT_TIME,
    MAX_FAILED_ATTEMPTS,
    Account,
    Permission,
    Role,
    role_allows,
)
from stationapp.domain.clock import Clock
from stationapp.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    SignInError,
    ValidationError,
)
from stationapp.domain.models import Base
from stationapp.messages import render
from stationapp.services.accounts import (
    SignedIn,
    accounts_exist,
    add_account,
    authenticate,
    disable_account,
    list_accounts,
    set_password,
)
from stationapp.services.database import Database
from stationapp.workflows.opening import open_database

NOW = datetime(2026, 12, 7, 10, 0)
ADMIN = SignedIn("书记", Role.ADMIN)
PASSWORD = "正确的密码123"


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A migrated SQLite ledger with no account."""
    database = open_database(sqlite_url, clock)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def with_admin(ledger: Database) -> Database:
    """The ledger with its first administrator, 书记."""
    with ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
    return ledger


# ---------------------------------------------------------------- the permissions table

EXPECTED = {
    Role.ADMIN: set(Permission),
    Role.CLERK: {Permission.READ, Permission.PRINT, Permission.EDIT, Permission.IMPORT,
                 Permission.EXPORT, Permission.BACKUP},
    Role.VIEWER: {Permission.READ, Permission.PRINT},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_the_permissions_table(role: Role, permission: Permission) -> None:
    assert role_allows(role, permission) == (permission in EXPECTED[role])


def test_a_clerk_may_not_manage_accounts_restore_or_export_full_ids() -> None:
    for permission in (Permission.ADMIN_ACCOUNTS, Permission.RESTORE,
                       Permission.EXPORT_FULL_ID, Permission.SETTINGS, Permission.AUDIT):
        assert not role_allows(Role.CLERK, permission)


def test_roles_keep_their_chinese_labels() -> None:
    assert [r.label for r in Role] == ["管理员", "工作人员", "查看/打印"]


def test_a_refusal_names_the_account_and_the_act() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        SignedIn("小李", Role.VIEWER).check(Permission.EXPORT)
    assert str(caught.value) == "账户“小李”（查看/打印）无权导出，请联系管理员。"
    assert render(caught.value.text, "en") == (
        "The account “小李” (viewer) may not export. Please ask an administrator.")


def test_the_name_rule_fits_its_column() -> None:
    table, column = ACCOUNT_NAME.column.split(".")
    length = Base.metadata.tables[table].c[column].type.length  # type: ignore[attr-defined]
    assert ACCOUNT_NAME.limit <= length


# ---------------------------------------------------------------- hashing


def test_the_password_is_stored_only_as_an_argon2id_hash(with_admin: Database) -> None:
    with with_admin.session() as session:
        stored = session.scalars(select(Account)).one()
        assert stored.password_hash.startswith("$argon2id$")
        assert PASSWORD not in stored.password_hash
        assert stored.role == Role.ADMIN and stored.active and stored.failed_attempts == 0
        assert stored.created_at == stored.updated_at
        assert stored.updated_by == "书记"


def test_two_accounts_with_one_password_have_different_hashes(with_admin: Database) -> None:
    with with_admin.session() as session:
        add_account(session, "小王", Role.CLERK, PASSWORD, by=ADMIN)
    with with_admin.session() as session:
        hashes = session.scalars(select(Account.password_hash)).all()
    assert len(set(hashes)) == 2


def test_a_short_password_is_refused(ledger: Database) -> None:
    with pytest.raises(ValidationError) as caught, ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, "1234567", by=None)
    assert caught.value.field == "password"
    assert caught.value.message == "密码太短（至少 8 个字符）"


# ---------------------------------------------------------------- the first account


def test_the_first_account_must_be_an_admin(ledger: Database) -> None:
    with ledger.session() as session:
        assert not accounts_exist(session)
        with pytest.raises(ValidationError) as caught:
            add_account(session, "小王", Role.CLERK, PASSWORD, by=None)
    assert caught.value.field == "role"
    assert caught.value.message == "台账的第一个账户必须是管理员"
    with ledger.session() as session:
        assert not accounts_exist(session)


def test_after_the_first_account_adding_takes_a_signed_in_admin(with_admin: Database) -> None:
    with with_admin.session() as session:
        assert accounts_exist(session)
        with pytest.raises(SignInError):
            add_account(session, "小王", Role.ADMIN, PASSWORD, by=None)
        with pytest.raises(PermissionDeniedError):
            add_account(session, "小王", Role.CLERK, PASSWORD, by=SignedIn("x", Role.CLERK))
        with pytest.raises(PermissionDeniedError):
            list_accounts(session, by=SignedIn("x", Role.VIEWER))


def test_a_name_is_unique_and_follows_the_text_rules(with_admin: Database) -> None:
    with with_admin.session() as session:
        with pytest.raises(ValidationError, match="已有名为“书记”的账户"):
            add_account(session, " 书记 ", Role.CLERK, PASSWORD, by=ADMIN)
        with pytest.raises(ValidationError, match="账户名太长"):
            add_account(session, "长" * 33, Role.CLERK, PASSWORD, by=ADMIN)
        with pytest.raises(ValidationError, match="空格"):
            add_account(session, "小 王", Role.CLERK, PASSWORD, by=ADMIN)
        with pytest.raises(ValidationError, match="请填写账户名"):
            add_account(session, "  ", Role.CLERK, PASSWORD, by=ADMIN)


# ---------------------------------------------------------------- signing in


def test_a_good_password_signs_in(with_admin: Database) -> None:
    with with_admin.session() as session:
        assert authenticate(session, "书记", PASSWORD, NOW) == SignedIn("书记", Role.ADMIN)


def test_a_wrong_name_and_a_wrong_password_get_the_same_message(with_admin: Database) -> None:
    with pytest.raises(SignInError) as wrong_name, with_admin.session() as session:
        authenticate(session, "书纪", PASSWORD, NOW)
    with pytest.raises(SignInError) as wrong_password, with_admin.session() as session:
        authenticate(session, "书记", "错误的密码123", NOW)
    assert wrong_name.value.text == wrong_password.value.text
    assert str(wrong_name.value) == "登录失败：账户名或密码不正确"


def test_five_wrong_passwords_lock_for_fifteen_minutes_by_the_given_clock(
    with_admin: Database,
) -> None:
    for attempt in range(MAX_FAILED_ATTEMPTS):
        # Each failure is kept although the caller's session rolls back on the error.
        with pytest.raises(SignInError) as caught, with_admin.session() as session:
            authenticate(session, "书记", "wrong-password", NOW + timedelta(seconds=attempt))
        assert caught.value.code == "account.sign_in_failed"
    locked_at = NOW + timedelta(seconds=MAX_FAILED_ATTEMPTS - 1)
    until = locked_at + LOCKOUT_TIME
    # Locked: even the right password is refused, and the message says until when.
    with pytest.raises(SignInError) as caught, with_admin.session() as session:
        authenticate(session, "书记", PASSWORD, until - timedelta(seconds=1))
    assert caught.value.code == "account.locked"
    assert str(caught.value) == (
        f"账户“书记”因多次输错密码已锁定，到 {until:%Y-%m-%d %H:%M} 解锁；请到时再试，或联系管理员")
    with with_admin.session() as session:
        assert authenticate(session, "书记", PASSWORD, until).name == "书记"
    with with_admin.session() as session:
        stored = session.scalars(select(Account)).one()
        assert (stored.failed_attempts, stored.locked_until) == (0, None)


def test_a_good_password_resets_the_count(with_admin: Database) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInError), with_admin.session() as session:
            authenticate(session, "书记", "wrong-password", NOW)
    with with_admin.session() as session:
        authenticate(session, "书记", PASSWORD, NOW)
    with pytest.raises(SignInError) as caught, with_admin.session() as session:
        authenticate(session, "书记", "wrong-password", NOW)
    assert caught.value.code == "account.sign_in_failed"  # counting starts again


def test_a_new_password_lifts_a_lock(with_admin: Database) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInError), with_admin.session() as session:
            authenticate(session, "书记", "wrong-password", NOW)
    with with_admin.session() as session:
        set_password(session, "书记", "新的密码456789", by=ADMIN)
    with with_admin.session() as session:
        assert authenticate(session, "书记", "新的密码456789", NOW).role is Role.ADMIN


def test_a_disabled_account_cannot_sign_in(with_admin: Database) -> None:
    with with_admin.session() as session:
        add_account(session, "小王", Role.CLERK, PASSWORD, by=ADMIN)
        disable_account(session, "小王", by=ADMIN)
    with pytest.raises(SignInError) as caught, with_admin.session() as session:
        authenticate(session, "小王", PASSWORD, NOW)
    assert caught.value.code == "account.disabled"
    with pytest.raises(SignInError) as caught, with_admin.session() as session:
        authenticate(session, "小王", "wrong-password", NOW)
    assert caught.value.code == "account.sign_in_failed"  # says nothing to a guesser


def test_the_last_admin_cannot_be_disabled(with_admin: Database) -> None:
    with pytest.raises(ValidationError, match="最后一个"), with_admin.session() as session:
        disable_account(session, "书记", by=ADMIN)


def test_only_an_admin_sets_another_accounts_password(with_admin: Database) -> None:
    with with_admin.session() as session:
        add_account(session, "小王", Role.CLERK, PASSWORD, by=ADMIN)
    clerk = SignedIn("小王", Role.CLERK)
    with with_admin.session() as session:
        set_password(session, "小王", "自己的新密码123", by=clerk)
        with pytest.raises(PermissionDeniedError):
            set_password(session, "书记", "别人的新密码123", by=clerk)
        with pytest.raises(NotFoundError):
            set_password(session, "无此人", "别人的新密码123", by=ADMIN)


def test_accounts_are_listed_by_name_without_hashes(with_admin: Database) -> None:
    with with_admin.session() as session:
        add_account(session, "li", Role.VIEWER, PASSWORD, by=ADMIN)
        rows = list_accounts(session, by=ADMIN)
    assert [(r.name, r.role, r.active) for r in rows] == [
        ("li", Role.VIEWER, True), ("书记", Role.ADMIN, True)]
    assert not any("argon2" in repr(r) for r in rows)
