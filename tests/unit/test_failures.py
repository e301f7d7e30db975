"""Environment failures become typed errors for the clerk; logs and reports are scrubbed."""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, text
from sqlalchemy.exc import IntegrityError, OperationalError

from stationapp.db import engine as engine_module
from stationapp.domain.clock import Clock
from stationapp.domain.errors import (
    ConflictError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    DuplicateEntryError,
    ReadOnlyError,
    StationError,
)
from stationapp.domain.models import Household, Resident
from stationapp.logs import setup_logging
from stationapp.scrub import scrub
from stationapp.services.database import Database
from stationapp.services.failures import station_error_for
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

NAME = "欧阳秀芬"
ID_NUMBER = "110101194001011234"
PHONE = "13905461234"
LANDLINE = "0546-8765432"
PERSONAL = (NAME, ID_NUMBER, PHONE, LANDLINE, "8765432")


def assert_no_personal_data(text: str) -> None:
    """None of the resident's data, and no SQL, in ``text``."""
    for value in PERSONAL:
        assert value not in text
    assert "INSERT" not in text and "SELECT" not in text


def _people_table() -> tuple[Table, MetaData]:
    metadata = MetaData()
    table = Table(
        "person", metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String, nullable=False),
        Column("id_number", String, unique=True),
        Column("phone", String),
        Column("landline", String),
        Column("room", Integer, nullable=False),
    )
    return table, metadata


def _raise_from_sqlite(room: int | None) -> Exception:
    """A real SQLAlchemy error of a statement carrying a resident's data."""
    table, metadata = _people_table()
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    row = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "landline": LANDLINE,
           "room": 1}
    try:
        with engine.begin() as connection:
            connection.execute(insert(table), row)
            connection.execute(insert(table), {**row, "room": room})
    except Exception as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("the insert should have failed")


def test_scrub_removes_sql_and_parameters_of_a_real_integrity_error() -> None:
    error = _raise_from_sqlite(room=2)
    assert isinstance(error, IntegrityError)
    raw = str(error)
    assert NAME in raw and ID_NUMBER in raw  # what SQLAlchemy really says
    cleaned = scrub(raw)
    assert_no_personal_data(cleaned)
    assert "UNIQUE constraint failed: person.id_number" in cleaned


def test_scrub_removes_parameters_of_a_not_null_error() -> None:
    error = _raise_from_sqlite(room=None)
    assert isinstance(error, IntegrityError)
    assert_no_personal_data(scrub(str(error)))


def test_scrub_removes_a_multi_line_statement_of_an_operational_error() -> None:
    engine = create_engine("sqlite://")
    try:
        with engine.connect() as connection:
            connection.execute(
                text("SELECT *\nFROM nowhere\nWHERE name = :name AND phone = :phone"),
                {"name": NAME, "phone": PHONE})
    except OperationalError as exc:
        raw = str(exc)
    finally:
        engine.dispose()
    assert NAME in raw
    cleaned = scrub(raw)
    assert_no_personal_data(cleaned)
    assert "no such table: nowhere" in cleaned


def test_scrub_masks_postgres_details_id_and_phone_numbers() -> None:
    raw = (
        '(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint '
        f'"uq_resident_id_number"\nDETAIL:  Key (id_number)=({ID_NUMBER}) already exists.\n'
        f"ValueError: 电话 {PHONE} 或 139-0546-1234 或 {LANDLINE} 或 11010119400101123X"
    )
    cleaned = scrub(raw)
    assert_no_personal_data(cleaned)
    assert "139-0546-1234" not in cleaned and "11010119400101123X" not in cleaned
    assert "uq_resident_id_number" in cleaned


def test_scrub_keeps_ordinary_text() -> None:
    line = "2026-12-07 10:00:00,123 INFO stationapp.db: backup made (1234567 bytes) in 0.25 s"
    assert scrub(line) == line


@pytest.mark.parametrize("phone", [
    "(0546)8123456", "（0546）8123456", "(0546) 812 3456", "(010)81234567", "010-81234567",
    "0546 812 3456", "+86 546 8123456", "+86 139 0546 1234", "0086 13905461234",
    "8613905461234", "0546-8765432-123", "tel13905461234",
])
def test_scrub_masks_every_way_a_phone_is_written(phone: str) -> None:
    # Every form check_phone accepts (and what a clerk may type in a note) is masked whole.
    cleaned = scrub(f"电话：{phone}。")
    assert cleaned == f"电话：{'tel' if phone.startswith('tel') else ''}<phone>。"


@pytest.mark.parametrize("line", [
    "backup of 12345678901 bytes written", "order 0123456789 done", "at 1712345678.25 s",
    "household 20260105100000", "ids 99999999999 and 10234567890", "room 3-1-301 of 2026-12-07",
    "rows 14012345678 and 16012345678", "file 01234567890.part", "at 2026-12-07 10:00:00,123",
])
def test_scrub_keeps_numbers_that_are_no_phone(line: str) -> None:
    assert scrub(line) == line


def test_the_log_file_is_scrubbed(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    logger = logging.getLogger("stationapp.test")
    error = _raise_from_sqlite(room=2)
    try:
        logger.error("saving failed: %s", error)
        logger.warning("could not reach %s", PHONE)
        try:
            raise RuntimeError(f"id {ID_NUMBER}") from error
        except RuntimeError:
            logger.exception("it failed")
    finally:
        for handler in list(logging.getLogger("stationapp").handlers):
            if Path(getattr(handler, "baseFilename", "")) == path:
                handler.close()
                logging.getLogger("stationapp").removeHandler(handler)
    written = path.read_text(encoding="utf-8")
    assert "Traceback" in written and "UNIQUE constraint failed" in written
    assert_no_personal_data(written)


@pytest.mark.parametrize(("code", "kind"), [
    (errno.ENOSPC, DiskFullError), (errno.EROFS, ReadOnlyError), (errno.EACCES, ReadOnlyError),
    (errno.ENOENT, DatabaseUnavailableError),
])
def test_os_errors_are_mapped(code: int, kind: type[StationError]) -> None:
    mapped = station_error_for(OSError(code, "x", f"/tmp/{NAME}.xlsx"))
    assert isinstance(mapped, kind)
    assert NAME not in str(mapped)


def test_a_bug_is_not_mapped() -> None:
    assert station_error_for(OverflowError("Python int too large")) is None
    assert station_error_for(KeyError("x")) is None


# --- Database.session() ------------------------------------------------------------------


def _household(room: str, id_number: str = "") -> HouseholdInput:
    return HouseholdInput(
        community="晖苑小区", building="3", unit="1", room=room, phone=PHONE,
        residents=(ResidentInput(name=NAME, birth_date=date(1940, 1, 1), is_head=True,
                                 id_number=id_number),),
    )


@pytest.fixture
def ledger(tmp_path: Path, clock: Clock, today: date,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A SQLite ledger in its own folder with one household; waits 0.2 s for a lock."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    folder = tmp_path / "ledger"
    folder.mkdir()
    database = open_database(f"sqlite:///{folder / 'ledger.sqlite3'}", clock)
    with database.session() as session:
        create_household(session, _household("301", ID_NUMBER), actor="t", today=today)
    yield database
    database.dispose()


def _households(database: Database) -> int:
    with database.session() as session:
        return len(session.scalars(text("SELECT id FROM household")).all())


def test_an_id_number_saved_meanwhile_by_another_desk_is_a_conflict(
    ledger: Database, today: date
) -> None:
    # The other desk saved the same ID number after this desk checked it: the database's
    # unique index is what catches it.
    with pytest.raises(DuplicateEntryError) as caught, ledger.session() as session:
        head = session.scalars(text("SELECT household_id FROM resident")).one()
        session.add(Resident(household_id=head, name=NAME, id_number=ID_NUMBER,
                             birth_date=date(1940, 1, 1), phone=PHONE))
        session.flush()
    assert isinstance(caught.value, ConflictError)
    assert "身份证号" in str(caught.value)
    assert_no_personal_data(str(caught.value))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_locked_database_is_a_plain_error(ledger: Database, today: date) -> None:
    file = Path(ledger.engine.url.database or "")
    other = sqlite3.connect(file)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE household SET room_no = room_no")
        with pytest.raises(DatabaseLockedError) as caught, ledger.session() as session:
            create_household(session, _household("302"), actor="t", today=today)
    finally:
        other.rollback()
        other.close()
    assert "占用" in str(caught.value)
    assert _households(ledger) == 1


def test_a_read_only_database_is_a_plain_error(ledger: Database, clock: Clock,
                                               today: date) -> None:
    file = ledger.engine.url.database
    read_only = open_database(f"sqlite:///file:{file}?mode=ro&uri=true", clock)
    try:
        with pytest.raises(ReadOnlyError), read_only.session() as session:
            create_household(session, _household("302"), actor="t", today=today)
    finally:
        read_only.dispose()


def test_a_deleted_database_file_is_not_written_into_the_void(
    ledger: Database, today: date
) -> None:
    folder = Path(ledger.engine.url.database or "").parent
    for path in folder.iterdir():
        path.unlink()
    with pytest.raises(DatabaseUnavailableError), ledger.session() as session:
        create_household(session, _household("302"), actor="t", today=today)


def test_a_vanished_folder_is_a_plain_error(ledger: Database) -> None:
    folder = Path(ledger.engine.url.database or "").parent
    ledger.engine.dispose()
    shutil.rmtree(folder)
    with pytest.raises(DatabaseUnavailableError) as caught, ledger.session() as session:
        session.get(Household, 1)
    assert "找不到台账数据库文件" in str(caught.value)


def test_a_stale_write_is_a_conflict(ledger: Database) -> None:
    with pytest.raises(ConflictError), ledger.session() as session:
        household = session.get(Household, 1)
        assert household is not None
        with ledger.session() as other:
            other.execute(text("UPDATE household SET version = version + 1"))
        household.notes = "改过"
        session.flush()


# --- only what the environment did is mapped; a programming error stays a bug ------------


def test_a_missing_table_in_an_intact_ledger_is_a_bug(ledger: Database) -> None:
    # A mistyped table name is a programming error: a crash report, not "restore a backup".
    with pytest.raises(OperationalError) as caught, ledger.session() as session:
        session.execute(text("SELECT id FROM househod"))
    assert station_error_for(caught.value) is None


def test_a_ledger_replaced_by_an_empty_file_is_vanished(ledger: Database) -> None:
    # The file was deleted while the program ran; SQLite creates an empty one on the next
    # connection, where none of the ledger's tables are.
    folder = Path(ledger.engine.url.database or "").parent
    ledger.engine.dispose()
    for path in folder.iterdir():
        path.unlink()
    with pytest.raises(DatabaseUnavailableError) as caught, ledger.session() as session:
        session.get(Household, 1)
    assert "找不到台账数据库文件" in str(caught.value)


def test_a_unique_violation_outside_the_business_keys_is_a_bug(ledger: Database) -> None:
    with pytest.raises(IntegrityError) as caught, ledger.session() as session:
        session.execute(text("INSERT INTO station_setting (key, value) VALUES ('x', '1')"))
        session.execute(text("INSERT INTO station_setting (key, value) VALUES ('x', '2')"))
    assert station_error_for(caught.value) is None


def test_a_repeated_primary_key_is_a_bug(ledger: Database) -> None:
    with pytest.raises(IntegrityError) as caught, ledger.session() as session:
        session.execute(text(
            "INSERT INTO community (id, name, version, created_at, updated_at, updated_by) "
            "SELECT id, name || '2', 1, created_at, updated_at, 't' FROM community"))
    assert station_error_for(caught.value) is None


@pytest.mark.parametrize(("message", "words"), [
    ("UNIQUE constraint failed: resident.id_number", "身份证号"),
    ("UNIQUE constraint failed: community.name", "小区名称"),
    ("UNIQUE constraint failed: event_type.name", "活动类型名称"),
    ("UNIQUE constraint failed: item.name", "物品名称"),
    ("UNIQUE constraint failed: request_category.name", "诉求类别名称"),
    ("UNIQUE constraint failed: service_certificate.number", "证明编号"),
    ("UNIQUE constraint failed: volunteer_role.volunteer_id, volunteer_role.community_id, "
     "volunteer_role.role", "志愿者职务"),
    ("UNIQUE constraint failed: delivery.event_id, delivery.household_id, delivery.item_id",
     "物品安排"),
    ("UNIQUE constraint failed: delivery_round.event_id, delivery_round.volunteer_id, "
     "delivery_round.round_date", "送上门轮次"),
])
def test_a_business_key_saved_meanwhile_is_a_duplicate(message: str, words: str) -> None:
    error = IntegrityError("INSERT …", (NAME,), sqlite3.IntegrityError(message))
    mapped = station_error_for(error)
    assert isinstance(mapped, DuplicateEntryError)
    assert words in str(mapped)


def test_every_unique_constraint_of_the_models_is_named_for_the_clerk() -> None:
    # A new unique constraint is a value two desks can race on: it needs its words too.
    from sqlalchemy import UniqueConstraint

    from stationapp.domain import all_models  # noqa: F401 - registers every table
    from stationapp.domain.models import Base

    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if not isinstance(constraint, UniqueConstraint):
                continue
            columns = ", ".join(f"{table.name}.{c.name}" for c in constraint.columns)
            error = IntegrityError("INSERT …", (), sqlite3.IntegrityError(
                f"UNIQUE constraint failed: {columns}"))
            mapped = station_error_for(error)
            assert isinstance(mapped, DuplicateEntryError), columns
            assert "相同的内容" not in str(mapped)


@pytest.mark.parametrize("message", [
    "UNIQUE constraint failed: household.id",
    "UNIQUE constraint failed: station_setting.key",
    "UNIQUE constraint failed: resident.name",
    "UNIQUE constraint failed: household.address_key",
])
def test_other_unique_violations_are_bugs(message: str) -> None:
    error = IntegrityError("INSERT …", (NAME,), sqlite3.IntegrityError(message))
    assert station_error_for(error) is None


# --- PostgreSQL's SQLSTATE classes (no server needed: psycopg's error classes) -------------


@pytest.mark.parametrize(("sqlstate", "kind", "words"), [
    ("53100", DiskFullError, "磁盘空间已满"),      # disk_full
    ("53300", DatabaseLockedError, "占用"),         # too_many_connections: busy, try later
])
def test_postgres_resource_errors_are_told_apart(
    sqlstate: str, kind: type[StationError], words: str
) -> None:
    psycopg_errors = pytest.importorskip("psycopg.errors")
    error = OperationalError("SELECT 1", {}, psycopg_errors.lookup(sqlstate)("server says"))
    mapped = station_error_for(error)
    assert type(mapped) is kind
    assert words in str(mapped)


@pytest.mark.parametrize("sqlstate", ["53200", "53400"])
def test_postgres_out_of_memory_or_a_limit_is_not_disk_full(sqlstate: str) -> None:
    # out_of_memory, configuration_limit_exceeded: the server's resources, not its disk.
    psycopg_errors = pytest.importorskip("psycopg.errors")
    error = OperationalError("SELECT 1", {}, psycopg_errors.lookup(sqlstate)("server says"))
    mapped = station_error_for(error)
    assert not isinstance(mapped, DiskFullError)
    assert isinstance(mapped, DatabaseUnavailableError)
    assert "服务器" in str(mapped)
