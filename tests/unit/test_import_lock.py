"""One roster import at a time per ledger: two desks importing the same roster (no ID
numbers) into one ledger (SQLite and PostgreSQL) create its households once; the second
desk waits for the first, plans again and finds them unchanged, or is told when the first
takes too long."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stationapp.domain.clock import Clock
from stationapp.domain.errors import LedgerBusyError
from stationapp.domain.models import Household
from stationapp.services._common import community_ids
from stationapp.services.database import Database
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import ImportResult, apply_plan, plan_import
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
ROSTER = (
    "姓名,性别,联系电话,住址\n"
    "李大爷,男,13865461234,锦华一区3号楼2单元301\n"
    "王奶奶,女,13865461235,锦华一区3号楼2单元302\n"
    "赵爷爷,男,,东旭小区5-2-301\n"
)


def roster(folder: Path) -> Path:
    """A roster without ID numbers: households are matched by address and name."""
    path = folder / "名册.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def prepare(url: str, clock: Clock) -> None:
    """A migrated ledger that already knows the roster's communities."""
    database = open_database(url, clock)
    try:
        with database.session() as session:
            community_ids(session, ["锦华一区", "东旭小区"], "测试员")
    finally:
        database.dispose()


def household_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Household)) or 0)


def two_desks_import(
    url: str, file: Path, clock: Clock, second_waits: bool = True
) -> tuple[ImportResult, ImportResult | BaseException, Database]:
    """Desk A writes and holds its transaction; desk B plans before A commits, then applies.

    Returns both results (B's error, when it gets one) and desk A's database (open)."""
    table = read_roster_file(file, None)
    desk_a, desk_b = open_database(url, clock), open_database(url, clock)
    a_holds, b_planned = threading.Event(), threading.Event()
    results: dict[str, ImportResult | BaseException] = {}

    def first() -> None:
        try:
            with desk_a.session() as session:
                plan = plan_import(session, table, None, TODAY)
                results["a"] = apply_plan(session, plan, "甲", TODAY)
                a_holds.set()
                assert b_planned.wait(30)
                # time.sleep, not Event().wait(timeout): under libfaketime (CI's shifted
                # clock) a wait's deadline is read from the faked clock and never comes.
                if second_waits:
                    time.sleep(0.5)  # B is now waiting for the lock
                else:
                    time.sleep(2.0)  # longer than B will wait
        except BaseException as exc:  # handed to the test
            results["a"] = exc
            a_holds.set()

    def second() -> None:
        try:
            assert a_holds.wait(30)
            with desk_b.session() as session:
                plan = plan_import(session, table, None, TODAY)
                b_planned.set()
                results["b"] = apply_plan(session, plan, "乙", TODAY)
        except BaseException as exc:  # handed to the test
            results["b"] = exc
            b_planned.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    desk_b.dispose()
    a = results["a"]
    if isinstance(a, BaseException):
        desk_a.dispose()
        raise a
    return a, results["b"], desk_a


@pytest.fixture
def run_two_desks(clock: Clock) -> Iterator[Callable[..., tuple[ImportResult, object]]]:
    opened: list[Database] = []

    def run(url: str, file: Path, **options: bool) -> tuple[ImportResult, object]:
        a, b, desk_a = two_desks_import(url, file, clock, **options)
        opened.append(desk_a)
        assert household_count(desk_a) == 3
        return a, b

    yield run
    for database in opened:
        database.dispose()


def test_the_second_desk_waits_then_finds_the_households_unchanged(
    database_url: str, tmp_path: Path, clock: Clock,
    run_two_desks: Callable[..., tuple[ImportResult, object]],
) -> None:
    prepare(database_url, clock)
    first, second = run_two_desks(database_url, roster(tmp_path))
    assert first.households_created == 3
    assert isinstance(second, ImportResult), second
    assert (second.households_created, second.created, second.unchanged) == (0, 0, 3)


@pytest.mark.server_timers
def test_the_second_desk_is_told_when_the_first_takes_too_long(
    database_url: str, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch,
    run_two_desks: Callable[..., tuple[ImportResult, object]],
) -> None:
    prepare(database_url, clock)
    monkeypatch.setattr("stationapp.db.locks.IMPORT_LOCK_WAIT_SECONDS", 0.3)
    first, second = run_two_desks(database_url, roster(tmp_path), second_waits=False)
    assert first.households_created == 3
    assert isinstance(second, LedgerBusyError), second
    assert str(second) == "另一处正在导入名册，请等它完成后再试。"
