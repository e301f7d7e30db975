"""The administrator's reading of the audit trail: filters, pages, one-line summaries, the
export of the filtered entries, and who may read it (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from stationapp.domain.accounts import Role
from stationapp.domain.audit import ACTOR_KEY, AuditAction
from stationapp.domain.clock import Clock
from stationapp.domain.errors import PermissionDeniedError, SignInError
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.audit import (
    AuditFilter,
    AuditRow,
    check_trail,
    find_entries,
    list_entries,
    trail_choices,
)
from stationapp.services.audit_export import AUDIT_ENTITY, export_entries
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

ADMIN = SignedIn("管理员甲", Role.ADMIN)


@pytest.fixture
def trail(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A ledger with two households added by two accounts."""
    database = open_database(sqlite_url, clock)
    try:
        for actor, room in (("王会计", "301"), ("张书记", "302")):
            with database.session() as s:
                s.info[ACTOR_KEY] = actor
                create_household(s, HouseholdInput(
                    community="锦华一区", building="3", unit="2", room=room,
                    residents=(ResidentInput(name=f"李{room}", id_number="", is_head=True),),
                ), actor=actor, today=today)
        yield database
    finally:
        database.dispose()


def test_the_filter_keeps_user_action_entity_and_days(trail: Database, today: date) -> None:
    with trail.session() as s:
        everything = find_entries(s, AuditFilter(), by=None)
        assert everything.total == len(everything.rows) == 3  # a community, two households
        assert [r.id for r in everything.rows] == sorted((r.id for r in everything.rows),
                                                          reverse=True)
        mine = find_entries(s, AuditFilter(user="张书记", entity="household"), by=ADMIN)
        assert [r.user for r in mine.rows] == ["张书记"]
        created = find_entries(s, AuditFilter(action=AuditAction.CREATE, start=today,
                                              end=today), by=None)
        assert created.total == 3
        assert find_entries(s, AuditFilter(end=today - timedelta(days=1)), by=None).total == 0
        assert find_entries(s, AuditFilter(start=today + timedelta(days=1)), by=None).rows == []
        page = find_entries(s, AuditFilter(), by=None, limit=1, offset=1)
        assert (len(page.rows), page.total) == (1, 3)
        choices = trail_choices(s, by=ADMIN)
        assert choices.users == sorted(["王会计", "张书记"])
        assert choices.actions == [AuditAction.CREATE]
        assert "household" in choices.entities


def test_changes_are_summarised_on_one_line() -> None:
    row = AuditRow(1, datetime(2026, 1, 2, 3, 4), "甲", "change",
                   "household", "7", {"phone": ["1390", "1391"], "note": [None, "新"]})
    assert row.summary() == "phone: 1390 → 1391; note: ∅ → 新"
    read = AuditRow(2, row.at, "甲", "export", "households", "", {"count": 3, "reason": ""})
    assert read.summary() == "count: 3; reason: "


def test_only_an_administrator_reads_the_trail_once_accounts_exist(trail: Database) -> None:
    with trail.session() as s:
        add_account(s, "管理员甲", Role.ADMIN, "a-long-password", by=None)
    with trail.session() as s:
        with pytest.raises(PermissionDeniedError):
            find_entries(s, AuditFilter(), by=SignedIn("王会计", Role.CLERK))
        with pytest.raises(PermissionDeniedError):
            check_trail(s, by=SignedIn("看看", Role.VIEWER))
        with pytest.raises(SignInError):
            trail_choices(s, by=None)
        assert check_trail(s, by=ADMIN) is None


def test_the_filtered_entries_export_to_xlsx_and_the_export_is_recorded(
        trail: Database, tmp_path: Path) -> None:
    path = tmp_path / "审计.xlsx"
    with trail.session() as s:
        written = export_entries(s, AuditFilter(entity="household"), path, by=ADMIN)
    assert written == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("编号", "时间", "账户")
    assert [row[2] for row in values[1:]] == ["王会计", "张书记"]  # oldest first
    with trail.session() as s:
        recorded = list_entries(s, entity=AUDIT_ENTITY)
    assert [(e.user, e.action, e.changes["count"]) for e in recorded] == [
        ("管理员甲", AuditAction.EXPORT, 2)]
