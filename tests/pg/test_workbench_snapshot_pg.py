"""工作台 is kept only in a SQLite ledger: on PostgreSQL the read keeps nothing (the table
exists, migration 0016, and stays empty) and the start-up's reader finds nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stationapp.db.workbench_snapshot import TABLE, kept_workbench
from stationapp.domain.clock import Clock
from stationapp.services.workbench import read_and_keep_workbench, read_workbench
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    import psycopg


def test_nothing_is_kept_on_postgresql(
    pg_url: str, clock: Clock, pg_connection: psycopg.Connection[tuple[object, ...]]
) -> None:
    database = open_database(pg_url, clock)
    try:
        with database.session() as session:
            bench = read_and_keep_workbench(session, clock.today())
        with database.session() as session:
            assert bench == read_workbench(session, clock.today())
    finally:
        database.dispose()
    assert pg_connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (0,)
    assert kept_workbench(pg_url, clock.today()) is None
