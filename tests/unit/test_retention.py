"""Retention: households that left more than N years ago are listed and de-identified
(names, ID numbers, phones and notes gone, statistics kept, the act in the trail without
the old values); one that left recently is not; only an administrator may do it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date

import pytest
from sqlalchemy import select

from stationapp.db.workbench_snapshot import TABLE
from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditEntry
from stationapp.domain.care_models import Visit
from stationapp.domain.clock import Clock
from stationapp.domain.errors import PermissionDeniedError, ValidationError
from stationapp.domain.models import Household, Resident
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.retention import (
    DEIDENTIFIED,
    deidentify_households,
    households_due_for_deidentification,
    retention_cutoff,
)
from stationapp.services.settings import (
    StationSettings,
    get_station_settings,
    store_station_settings,
)
from stationapp.services.statistics import monthly_statistics
from stationapp.services.visit_reminders import add_reminder
from stationapp.services.workbench import read_and_keep_workbench
from stationapp.workflows.household_status import change_status
from stationapp.workflows.opening import open_database

ADMIN = "书记"
CLERK = "小王"
PASSWORD = "长期有效的密码1"
ID_NUMBER = "37050219380501001X"
PHONE = "13905461234"


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """An empty ledger (audit trail and edit gate installed by the engine)."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


def _years_ago(today: date, years: int) -> date:
    return retention_cutoff(today, years)


def _left_household(ledger: Database, today: date, years_ago: int, name: str, room: str,
                    id_number: str, born: date = date(1938, 5, 1)) -> int:
    """A household registered 10 years ago that moved away ``years_ago`` years ago, with a
    visit whose note names its head."""
    with ledger.session(actor=ADMIN) as s:
        household_id = create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="2", room=room, phone=PHONE,
            tier=CareTier.PRIORITY, categories=frozenset({CareCategory.LIVING_ALONE}),
            notes=f"{name}的女儿在北京", registered_on=_years_ago(today, 10),
            residents=(ResidentInput(name=name, id_number=id_number, phone=PHONE,
                                     birth_date=born, is_head=True,
                                     mobility_notes="拄拐"),),
        ), actor=ADMIN, today=today)
        s.add(Visit(household_id=household_id, visit_date=_years_ago(today, years_ago + 1),
                    notes=f"{name}血压偏高"))
    with ledger.session(actor=ADMIN) as s:
        change_status(s, household_id, HouseholdStatus.MOVED_AWAY,
                      _years_ago(today, years_ago), f"{name}随子女迁往北京", ADMIN,
                      today=today)
    return household_id


def _with_accounts(ledger: Database) -> None:
    with ledger.session() as session:
        add_account(session, ADMIN, Role.ADMIN, PASSWORD, by=None)
        add_account(session, CLERK, Role.CLERK, PASSWORD, by=SignedIn(ADMIN, Role.ADMIN))


def test_a_household_gone_four_years_is_listed_and_de_identified(
    ledger: Database, today: date
) -> None:
    old = _left_household(ledger, today, 4, "李大爷", "301", ID_NUMBER)
    recent = _left_household(ledger, today, 2, "王奶奶", "302", "11010519491231002X",
                             date(1949, 12, 31))
    _with_accounts(ledger)
    past_month = _years_ago(today, 6)
    with ledger.session(actor=ADMIN) as s:
        assert get_station_settings(s).retention_years == 3
        due = households_due_for_deidentification(s, today, 3)
        assert [row.id for row in due] == [old]
        assert (due[0].head_name, due[0].status, due[0].members) == (
            "李大爷", HouseholdStatus.MOVED_AWAY, 1)
        figures_before = (monthly_statistics(s, past_month, today),
                          monthly_statistics(s, today, today))
        with pytest.raises(ValidationError):  # the recent one is not due
            deidentify_households(s, [old, recent], ADMIN, today)
    with ledger.session(actor=ADMIN) as s:
        assert deidentify_households(s, [old], ADMIN, today) == 1

    with ledger.session(actor=ADMIN) as s:
        household = s.get_one(Household, old)
        [member] = household.residents
        assert (member.name, member.id_number, member.phone, member.mobility_notes) == (
            DEIDENTIFIED, None, "", "")
        assert member.birth_date == date(1938, 1, 1)
        assert (household.head_name, household.phone, household.contact_phone,
                household.notes, household.room, household.status_reason) == (
            DEIDENTIFIED, "", "", "", "", "")
        assert "李" not in household.search_text and PHONE not in household.search_text
        assert all(c.reason == "" for c in household.status_changes)
        [visit] = s.scalars(select(Visit).where(Visit.household_id == old))
        assert visit.notes == ""
        # what statistics count stays
        assert (household.community.name, household.building, household.unit,
                household.tier, household.status) == (
            "锦华一区", "3", "2", CareTier.PRIORITY, HouseholdStatus.MOVED_AWAY)
        assert [c.category for c in household.categories] == [CareCategory.LIVING_ALONE]
        assert (monthly_statistics(s, past_month, today),
                monthly_statistics(s, today, today)) == figures_before
        assert households_due_for_deidentification(s, today, 3) == []
        # the one gone two years keeps everything
        kept = s.get_one(Household, recent)
        assert kept.head_name == "王奶奶" and kept.phone == PHONE
        assert s.scalar(select(Resident.id_number).where(
            Resident.household_id == recent)) == "11010519491231002X"

        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "deidentify")).all()
    [household_entry] = [e for e in entries if e.entity == "household"]
    assert (household_entry.entity_id, household_entry.user) == (str(old), ADMIN)
    changes = json.loads(household_entry.changes)
    assert changes["phone"] == ["removed", ""]
    assert any(k.endswith(".id_number") for k in changes)
    assert any(e.entity == "visit" for e in entries)
    trail = " ".join(e.changes for e in entries)
    for secret in ("李大爷", PHONE, "370502", "001X", "拄拐", "血压", "北京", "301"):
        assert secret not in trail


def test_a_clerk_is_refused(ledger: Database, today: date) -> None:
    old = _left_household(ledger, today, 4, "李大爷", "301", ID_NUMBER)
    _with_accounts(ledger)
    with pytest.raises(PermissionDeniedError) as refused, \
            ledger.session(actor=CLERK) as s:
        deidentify_households(s, [old], CLERK, today)
    assert "只有管理员" in str(refused.value)
    with ledger.session() as s:
        assert s.get_one(Household, old).head_name == "李大爷"
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == "deidentify")).all()


def test_retention_years_is_a_station_setting(ledger: Database, today: date) -> None:
    old = _left_household(ledger, today, 2, "李大爷", "301", ID_NUMBER)
    with ledger.session(actor=ADMIN) as s:
        assert households_due_for_deidentification(s, today, 3) == []
        store_station_settings(s, StationSettings(retention_years=1))
    with ledger.session(actor=ADMIN) as s:
        assert get_station_settings(s).retention_years == 1
        assert deidentify_households(s, [old], ADMIN, today) == 1
    with ledger.session(actor=ADMIN) as s, pytest.raises(ValidationError):
        store_station_settings(s, StationSettings(retention_years=31))


def test_de_identification_drops_the_kept_workbench(ledger: Database, today: date) -> None:
    """工作台 kept for the start-up may name the household: it goes with the names."""
    old = _left_household(ledger, today, 4, "李大爷", "301", ID_NUMBER)
    with ledger.session(actor=ADMIN) as s:
        add_reminder(s, old, today, "李大爷的房子退租", ADMIN)
    with ledger.session(actor=ADMIN) as s:
        read_and_keep_workbench(s, today)
    ledger_file = ledger.url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(ledger_file)) as connection:
        kept = [body for (body,) in connection.execute(f"SELECT body FROM {TABLE}")]
    assert kept and "李大爷" in kept[0]
    _with_accounts(ledger)
    with ledger.session(actor=ADMIN) as s:
        assert deidentify_households(s, [old], ADMIN, today) == 1
    with closing(sqlite3.connect(ledger_file)) as connection:
        assert connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (0,)
