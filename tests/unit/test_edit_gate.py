"""Once the ledger has accounts, only a role that may edit changes it, whatever the path:
a service's ORM save, a bulk statement, the GUI or the command line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditEntry
from stationapp.domain.clock import Clock
from stationapp.domain.errors import PermissionDeniedError
from stationapp.domain.models import Household
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household
from stationapp.workflows.opening import open_database

PASSWORD = "长期有效的密码1"
ADMIN = SignedIn("书记", Role.ADMIN)


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """An empty ledger."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


def _household() -> HouseholdInput:
    return HouseholdInput(community="锦华一区", building="3", unit="1", room="101",
                          residents=(ResidentInput(name="李大爷", is_head=True),))


def _with_accounts(ledger: Database) -> None:
    with ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
        add_account(session, "小王", Role.CLERK, PASSWORD, by=ADMIN)
        add_account(session, "老张", Role.VIEWER, PASSWORD, by=ADMIN)


def _households(ledger: Database) -> int:
    with ledger.session() as session:
        return session.scalar(select(func.count(Household.id))) or 0


def test_without_accounts_every_actor_edits(ledger: Database, today: date) -> None:
    with ledger.session(actor="随便谁") as session:
        create_household(session, _household(), actor="随便谁", today=today)
    assert _households(ledger) == 1


def test_a_clerk_edits(ledger: Database, today: date) -> None:
    _with_accounts(ledger)
    with ledger.session(actor="小王") as session:
        create_household(session, _household(), actor="小王", today=today)
    assert _households(ledger) == 1


@pytest.mark.parametrize("actor", ["老张", "不存在的人"])
def test_a_viewer_or_a_stranger_changes_nothing(
    ledger: Database, today: date, actor: str
) -> None:
    _with_accounts(ledger)
    with pytest.raises(PermissionDeniedError) as refused, ledger.session(actor=actor) as session:
        create_household(session, _household(), actor=actor, today=today)
    assert "无权修改台账" in str(refused.value)
    assert _households(ledger) == 0
    with ledger.session() as session:
        assert not session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "household")).all()


def test_a_viewer_runs_no_bulk_statement(ledger: Database, today: date) -> None:
    _with_accounts(ledger)
    with ledger.session(actor="小王") as session:
        household_id = create_household(session, _household(), actor="小王", today=today)
    with pytest.raises(PermissionDeniedError), ledger.session(actor="老张") as session:
        assign_liaison(session, [household_id], None, "老张")
