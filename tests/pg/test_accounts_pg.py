"""Accounts on PostgreSQL: signing in, the counted failures and the lock survive rollback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from stationapp.domain.accounts import LOCKOUT_TIME, MAX_FAILED_ATTEMPTS, Role
from stationapp.domain.clock import Clock
from stationapp.domain.errors import SignInError, ValidationError
from stationapp.services.accounts import SignedIn, add_account, authenticate
from stationapp.services.database import Database
from stationapp.workflows.opening import open_database

NOW = datetime(2026, 12, 7, 10, 0)
PASSWORD = "正确的密码123"


@pytest.fixture
def ledger(pg_url: str, clock: Clock) -> Iterator[Database]:
    """A migrated PostgreSQL ledger with its first administrator, 书记."""
    database = open_database(pg_url, clock)
    try:
        with database.session() as session:
            add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
        yield database
    finally:
        database.dispose()


def test_authenticate_on_postgresql(ledger: Database) -> None:
    with ledger.session() as session:
        assert authenticate(session, "书记", PASSWORD, NOW) == SignedIn("书记", Role.ADMIN)
    with pytest.raises(SignInError) as wrong_name, ledger.session() as session:
        authenticate(session, "nobody", PASSWORD, NOW)
    with pytest.raises(SignInError) as wrong_password, ledger.session() as session:
        authenticate(session, "书记", "wrong-password", NOW)
    assert wrong_name.value.text == wrong_password.value.text


def test_the_lock_is_kept_on_postgresql(ledger: Database) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInError), ledger.session() as session:
            authenticate(session, "书记", "wrong-password", NOW)
    with pytest.raises(SignInError) as caught, ledger.session() as session:
        authenticate(session, "书记", PASSWORD, NOW + LOCKOUT_TIME - timedelta(seconds=1))
    assert caught.value.code == "account.locked"
    with ledger.session() as session:
        assert authenticate(session, "书记", PASSWORD, NOW + LOCKOUT_TIME).name == "书记"


def test_a_name_is_unique_on_postgresql(ledger: Database) -> None:
    admin = SignedIn("书记", Role.ADMIN)
    with pytest.raises(ValidationError, match="已有名为"), ledger.session() as session:
        add_account(session, "书记", Role.CLERK, PASSWORD, by=admin)
