"""PostgreSQL failures come out of ``Database.session()`` as typed errors for the clerk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from stationapp.domain.clock import Clock
from stationapp.domain.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DuplicateEntryError,
)
from stationapp.domain.models import Resident
from stationapp.scrub import scrub
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    import psycopg

NAME = "欧阳秀芬"
ID_NUMBER = "110101194001011234"
PHONE = "13905461234"


@pytest.fixture
def ledger(pg_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A migrated PostgreSQL ledger with one household whose head has an ID number."""
    database = open_database(pg_url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="晖苑小区", building="3", unit="1", room="301", phone=PHONE,
            residents=(ResidentInput(name=NAME, birth_date=date(1940, 1, 1), is_head=True,
                                     id_number=ID_NUMBER),),
        ), actor="t", today=today)
    yield database
    database.dispose()


def test_an_id_number_saved_meanwhile_is_a_conflict_without_data(ledger: Database) -> None:
    with pytest.raises(DuplicateEntryError) as caught, ledger.session() as session:
        household_id = session.scalars(text("SELECT household_id FROM resident")).one()
        session.add(Resident(household_id=household_id, name=NAME, id_number=ID_NUMBER,
                             birth_date=date(1940, 1, 1), phone=PHONE))
        session.flush()
    message = str(caught.value)
    assert "身份证号" in message
    for value in (NAME, ID_NUMBER, PHONE):
        assert value not in message


def test_a_repeated_primary_key_is_a_bug_not_a_duplicate(ledger: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from stationapp.services.failures import station_error_for

    with pytest.raises(IntegrityError) as caught, ledger.session() as session:
        session.execute(text("INSERT INTO station_setting (key, value) VALUES ('x', '1')"))
        session.execute(text("INSERT INTO station_setting (key, value) VALUES ('x', '2')"))
    assert station_error_for(caught.value) is None


def test_a_community_name_saved_meanwhile_is_a_duplicate(ledger: Database) -> None:
    with pytest.raises(DuplicateEntryError) as caught, ledger.session() as session:
        session.execute(text(
            "INSERT INTO community (name, version, created_at, updated_at, updated_by) "
            "SELECT name, 1, created_at, updated_at, 't' FROM community"))
    assert "小区名称" in str(caught.value)


def test_scrub_removes_what_postgres_says_about_the_row(ledger: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with ledger.engine.connect() as connection:
        household_id = connection.scalar(text("SELECT household_id FROM resident"))
        try:
            connection.execute(
                text("INSERT INTO resident (household_id, name, id_number, phone, version, "
                     "created_at, updated_at, updated_by, is_head) "
                     "VALUES (:h, :n, :i, :p, 1, now(), now(), 't', false)"),
                {"h": household_id, "n": NAME, "i": ID_NUMBER, "p": PHONE})
        except IntegrityError as exc:
            raw = str(exc)
        else:
            raise AssertionError("the duplicate should be refused")
    assert ID_NUMBER in raw  # PostgreSQL's DETAIL and the parameters carry it
    cleaned = scrub(raw)
    for value in (NAME, ID_NUMBER, PHONE):
        assert value not in cleaned
    assert "INSERT" not in cleaned


@pytest.mark.server_timers
def test_a_lock_timeout_is_a_plain_error(
    ledger: Database, pg_connection: psycopg.Connection[tuple[object, ...]]
) -> None:
    with pg_connection.transaction():
        pg_connection.execute("LOCK TABLE household IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(DatabaseLockedError), ledger.session() as session:
            session.execute(text("SET LOCAL lock_timeout = '200ms'"))
            session.execute(text("SELECT count(*) FROM household")).one()


def test_a_terminated_connection_is_a_plain_error(
    ledger: Database, pg_connection: psycopg.Connection[tuple[object, ...]]
) -> None:
    with pytest.raises(DatabaseUnavailableError), ledger.session() as session:
        pid = session.scalar(text("SELECT pg_backend_pid()"))
        pg_connection.execute("SELECT pg_terminate_backend(%s)", (pid,))
        session.execute(text("SELECT count(*) FROM household")).one()
