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
from stationapp.services.database import Database, open_database
from stationapp.services.failures import station_error_for
from stationapp.services.households import HouseholdInput, ResidentInput, create_household

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
