"""工作台 kept in the SQLite ledger (issue 16, rows visible): the real read keeps it, the
start-up reads it back with ``sqlite3`` only, and only while it holds for the day, the ledger
as it is, the schema and the holiday files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from stationapp.db.migrate import SCHEMA_HEAD
from stationapp.db.workbench_snapshot import (
    HOLIDAY_FILE,
    MARK_SQL,
    TABLE,
    LedgerMark,
    keep_workbench,
    kept_workbench,
    station_holiday_folders,
)
from stationapp.domain.audit import AuditEntry
from stationapp.domain.care_vocab import RequestStatus
from stationapp.domain.clock import Clock
from stationapp.domain.workbench_data import Workbench, decode_workbench, encode_workbench
from stationapp.services import calendar
from stationapp.services.backup import make_backup, restore_backup
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, advance_request, create_request
from stationapp.services.visit_reminders import add_reminder, complete_reminder
from stationapp.services.visits import VisitInput, add_visit
from stationapp.services.workbench import (
    keep_workbench_ahead,
    read_and_keep_workbench,
    read_workbench,
)

DAY = date(2026, 3, 10)
NOON = datetime(2026, 3, 10, 12, 0)


@pytest.fixture
def db(tmp_path: Path, clock: Clock) -> Iterator[Database]:
    """A fresh SQLite ledger file."""
    from stationapp.workflows.opening import open_database

    opened = open_database(f"sqlite:///{tmp_path / 'ledger.db'}", clock)
    try:
        yield opened
    finally:
        opened.dispose()


def _household(db: Database, room: str, name: str, registered: date = DAY) -> int:
    with db.session() as s:
        return create_household(s, HouseholdInput(
            community="锦华一区", building="2", unit="1", room=room, registered_on=registered,
            residents=(ResidentInput(name=name, birth_date=date(1946, 4, 2)),),
        ), "clerk", registered)


@pytest.fixture
def ledger(db: Database) -> dict[str, int]:
    """Households overdue, a reminder due, a late request: every list has lines."""
    ids = {"late": _household(db, "101", "李大爷", DAY - timedelta(days=40)),
           "today": _household(db, "102", "王阿姨")}
    with db.session() as s:
        ids["reminder"] = add_reminder(s, ids["late"], DAY, "回访用药情况", "clerk")
        old = datetime.combine(DAY - timedelta(days=12), datetime.min.time())
        ids["request"] = create_request(s, RequestInput(
            household_id=ids["late"], category="水电", description="水管漏水",
            received_at=old), "clerk", now=old)
    return ids


def _keep(db: Database, day: date = DAY) -> Workbench:
    with db.session() as s:
        return read_and_keep_workbench(s, day)


def _kept(db: Database, day: date = DAY) -> Workbench | None:
    return kept_workbench(db.url, day)


def _read(db: Database, day: date = DAY) -> Workbench:
    with db.session() as s:
        return read_workbench(s, day)


def _file(db: Database) -> Path:
    return Path(db.url.removeprefix("sqlite:///"))


def test_the_kept_workbench_is_what_the_service_reads(db: Database,
                                                      ledger: dict[str, int]) -> None:
    bench = _keep(db)
    assert bench.visits and bench.reminders and bench.requests and bench.calendar
    assert _kept(db) == bench == _read(db)
    assert decode_workbench(encode_workbench(bench)) == bench


def test_keeping_notes_nothing_in_the_trail_and_moves_no_mark(db: Database,
                                                               ledger: dict[str, int]) -> None:
    with db.session() as s:
        before = tuple(s.execute(text(MARK_SQL)).one())
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    _keep(db)
    with db.session() as s:
        assert tuple(s.execute(text(MARK_SQL)).one()) == before
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries
    _keep(db)  # kept already: nothing is written again
    assert _kept(db) is not None


def test_another_day_does_not_use_it(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    assert _kept(db, DAY + timedelta(days=1)) is None
    assert _kept(db, DAY - timedelta(days=1)) is None


def test_the_next_days_kept_ahead_serve_their_own_day(db: Database,
                                                      ledger: dict[str, int]) -> None:
    _keep(db)
    with db.session() as s:
        assert keep_workbench_ahead(s, DAY, days=3) == 3
    for ahead in range(4):
        day = DAY + timedelta(days=ahead)
        assert _kept(db, day) == _read(db, day)
    assert _kept(db, DAY + timedelta(days=4)) is None
    _household(db, "106", "吴大爷")
    assert [_kept(db, DAY + timedelta(days=n)) for n in range(4)] == [None] * 4
    _keep(db, DAY + timedelta(days=1))  # the next day: what was kept before it is dropped
    with sqlite3.connect(_file(db)) as connection:
        days = [day for (day,) in connection.execute(f"SELECT day FROM {TABLE}")]
    assert days == [(DAY + timedelta(days=1)).isoformat()]


def test_a_household_change_makes_it_stale(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    _household(db, "103", "赵阿姨")
    assert _kept(db) is None


def test_a_visit_makes_it_stale(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    with db.session() as s:
        add_visit(s, VisitInput(household_id=ledger["late"], visit_date=DAY), "clerk", DAY)
    assert _kept(db) is None
    assert _keep(db).visits_overdue == _read(db).visits_overdue


def test_a_request_step_makes_it_stale(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    with db.session() as s:
        advance_request(s, ledger["request"], RequestStatus.RESOLVED, "clerk",
                        resolution="换了水管", now=NOON)
    assert _kept(db) is None
    assert _keep(db).requests_open == 0


def test_a_change_of_a_reminder_alone_makes_it_stale(db: Database,
                                                    ledger: dict[str, int]) -> None:
    """No household row changes: the audit trail's newest entry is what moves."""
    _keep(db)
    with db.session() as s:
        households = s.execute(text("SELECT mark FROM household_change")).scalar_one()
        complete_reminder(s, ledger["reminder"], "clerk", NOON)
    with db.session() as s:
        assert s.execute(text("SELECT mark FROM household_change")).scalar_one() == households
    assert _kept(db) is None
    assert _keep(db).reminders == ()


def test_a_change_committed_during_the_read_leaves_it_stale(
    db: Database, ledger: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mark is read before the workbench: a write between them is never hidden."""
    from stationapp.services import workbench

    real = workbench.read_workbench

    def read_after_a_change(session: object, today: date) -> Workbench:
        _household(db, "104", "孙大爷")
        return real(session, today)  # type: ignore[arg-type]

    monkeypatch.setattr(workbench, "read_workbench", read_after_a_change)
    _keep(db)
    monkeypatch.undo()
    assert _kept(db) is None


def test_a_changed_holiday_file_makes_it_stale(tmp_path: Path, db: Database,
                                               ledger: dict[str, int]) -> None:
    folders = (tmp_path / "shipped", tmp_path / "desk")
    for folder in folders:
        folder.mkdir()
    bench = _read(db)
    with db.session() as s:
        audit, households, revision = s.execute(text(MARK_SQL)).one()
    assert keep_workbench(_file(db), bench, LedgerMark(audit, households, revision), folders)
    assert kept_workbench(db.url, DAY, folders) == bench
    (folders[1] / HOLIDAY_FILE).write_text("[2026]\n", encoding="utf-8")
    assert kept_workbench(db.url, DAY, folders) is None


def test_the_holiday_folders_are_the_calendars() -> None:
    assert station_holiday_folders() == calendar.station_holiday_folders()
    assert HOLIDAY_FILE == calendar.HOLIDAY_FILE


def test_a_migration_makes_it_stale(db: Database, ledger: dict[str, int]) -> None:
    """A ledger of another revision (migrated, or waiting for a migration) uses none."""
    _keep(db)
    with sqlite3.connect(_file(db)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0015'")
    assert _kept(db) is None
    with sqlite3.connect(_file(db)) as connection:
        connection.execute(f"UPDATE {TABLE} SET revision = '0015'")
    assert _kept(db) is None  # the ledger's own, but not this program's schema
    assert SCHEMA_HEAD != "0015"


def test_the_demo_station_makes_it_stale(db: Database) -> None:
    from stationapp.demo import populate_demo

    empty = _keep(db)
    assert empty.visits_due == 0
    with db.session() as s:
        populate_demo(s, households=12, seed=7, today=DAY)
    assert _kept(db) is None


def test_a_restored_backup_brings_a_workbench_that_holds_for_it(
    tmp_path: Path, db: Database, ledger: dict[str, int]
) -> None:
    _keep(db)
    backup = make_backup(db, tmp_path / "usb", now=NOON)
    _household(db, "105", "周奶奶", DAY - timedelta(days=60))
    changed = _keep(db)
    restore_backup(db, backup.path, now=NOON + timedelta(minutes=5))
    kept = _kept(db)
    assert kept != changed
    assert kept is None or kept == _read(db)


def test_a_locked_ledger_skips_keeping_and_the_read_stands(db: Database,
                                                           ledger: dict[str, int]) -> None:
    with sqlite3.connect(_file(db), isolation_level=None) as locker:
        locker.execute("BEGIN IMMEDIATE")  # another desk writing
        try:
            bench = _keep(db)
        finally:
            locker.execute("ROLLBACK")
    assert bench == _read(db)
    assert _kept(db) is None


def test_a_damaged_snapshot_is_not_used(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    with sqlite3.connect(_file(db)) as connection:
        connection.execute(f"UPDATE {TABLE} SET body = '{{\"today\": 1}}'")
    assert _kept(db) is None


def test_no_ledger_file_or_another_database_has_none(tmp_path: Path) -> None:
    assert kept_workbench(f"sqlite:///{tmp_path / 'none.sqlite3'}", DAY) is None
    assert kept_workbench("postgresql+psycopg://u@h/db", DAY) is None
    assert kept_workbench("sqlite://", DAY) is None


def test_reading_it_back_imports_no_sqlalchemy(db: Database, ledger: dict[str, int]) -> None:
    _keep(db)
    code = (
        "import json, sys\n"
        "from datetime import date\n"
        "from stationapp.db.workbench_snapshot import kept_workbench\n"
        f"bench = kept_workbench({db.url!r}, date.fromisoformat({DAY.isoformat()!r}))\n"
        "print(json.dumps([bench is not None and bench.visits_due,\n"
        "                  sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "                         or m.startswith('stationapp.services'))]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(done.stdout) == [_read(db).visits_due, []]


def test_a_sqlite_file_the_migrations_did_not_make_keeps_nothing(tmp_path: Path) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    import stationapp.domain.all_models  # noqa: F401  (every table)
    from stationapp.domain.models import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'bare.sqlite3'}")
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as s:
            bench = read_and_keep_workbench(s, DAY)
            assert bench == read_workbench(s, DAY)
            assert keep_workbench_ahead(s, DAY) == 0
    finally:
        engine.dispose()
