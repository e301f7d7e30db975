"""A wrong password is recorded in the audit trail under the account that was tried."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditEntry
from stationapp.domain.clock import Clock
from stationapp.domain.errors import SignInError
from stationapp.services.accounts import SignedIn, add_account, authenticate
from stationapp.services.database import Database
from stationapp.workflows.opening import open_database

PASSWORD = "长期有效的密码1"


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A ledger with an administrator and a clerk."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
        add_account(session, "小王", Role.CLERK, PASSWORD, by=SignedIn("书记", Role.ADMIN))
    yield database
    database.dispose()


def test_a_wrong_password_is_recorded_under_the_account_tried(
    ledger: Database, clock: Clock
) -> None:
    with pytest.raises(SignInError), ledger.session() as session:
        authenticate(session, "小王", "不对的密码", clock.now())
    with ledger.session() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None
    assert (last.user, last.entity) == ("小王", "account")
    assert "failed_attempts" in last.changes
