"""On SQLite the households' ids come back as one JSON array (issue 16): the same ids in the
same order as fetched row by row, for every sort, direction and search."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from stationapp.demo.station import populate_demo
from stationapp.domain.clock import Clock
from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services._common import read_ids
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    SortKey,
    _filtered,
    _order,
    list_household_ids,
)

TODAY = date(2026, 11, 26)


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Database:
    from stationapp.workflows.opening import open_database

    database = open_database(sqlite_url, clock)
    with database.session() as s:
        populate_demo(s, 250, seed=7, today=TODAY)
    return database


def test_one_array_keeps_the_order_of_every_sort(ledger: Database) -> None:
    filters = [HouseholdFilter(), HouseholdFilter(status=None), HouseholdFilter(search="w"),
               HouseholdFilter(search="3号楼", status=HouseholdStatus.MOVED_AWAY),
               HouseholdFilter(search="不存在")]
    try:
        with ledger.session() as s:
            for flt in filters:
                for sort in SortKey:
                    for descending in (False, True):
                        query = _filtered(select(Household.id), flt, TODAY).order_by(
                            *_order(sort, descending))
                        assert list_household_ids(
                            s, flt, sort, descending, today=TODAY) == read_ids(s, query)
            assert list_household_ids(s, HouseholdFilter(search="不存在"), today=TODAY) == []
    finally:
        ledger.dispose()
