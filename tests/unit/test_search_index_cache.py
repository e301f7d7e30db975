"""The cleared search box (issue 16): the unfiltered listing is kept while no household
changes, and every write, on every path and from every desk, is seen by the next listing."""

from __future__ import annotations

from datetime import date

from sql_statements import statements
from sqlalchemy import delete, text, update

from stationapp.domain.clock import Clock
from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    SortKey,
    list_household_ids,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, set_household_status
from stationapp.services.roster_writing import insert_households
from stationapp.services.search_index_cache import CHANGE_TABLE, forget_listings
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)


def _household(name: str, room: str) -> HouseholdInput:
    return HouseholdInput(community="锦华一区", building="7", unit="1", room=room,
                          residents=(ResidentInput(name=name, is_head=True,
                                                   birth_date=date(1940, 3, 1)),))


def _listed(database: Database, flt: HouseholdFilter | None = None,
            sort: SortKey = SortKey.ADDRESS, *, reuse: bool = True) -> list[int]:
    with database.session() as s:
        return list_household_ids(s, flt or HouseholdFilter(), sort, today=TODAY, reuse=reuse)


def test_an_unchanged_ledger_is_listed_without_reading_the_households(
        database: Database) -> None:
    with database.session() as s:
        create_household(s, _household("欧阳秀英", "101"), "clerk", TODAY)
    first = _listed(database)
    with statements(database) as seen:
        again = _listed(database, HouseholdFilter(search="  "))
    assert again == first
    assert [q for q in seen if "household" in q and CHANGE_TABLE not in q] == [], seen
    with statements(database) as seen:  # a search still reads the households
        _listed(database, HouseholdFilter(search="欧阳"))
    assert any(CHANGE_TABLE not in q and "household" in q for q in seen)


def test_every_write_is_seen_by_the_next_listing(database: Database, clock: Clock) -> None:
    with database.session() as s:
        first = create_household(s, _household("欧阳秀英", "101"), "clerk", TODAY)
    assert _listed(database) == [first]
    assert _listed(database, sort=SortKey.HEAD) == [first]
    with database.session() as s:  # the import's bulk insert
        insert_households(s, [_household("诸葛明亮", "102"), _household("司马光华", "103")],
                          "clerk", TODAY)
    everyone = _listed(database)
    assert len(everyone) == 3 and everyone == _listed(database, reuse=False)
    assert _listed(database, sort=SortKey.HEAD) == _listed(database, sort=SortKey.HEAD,
                                                            reuse=False)
    with database.session() as s:  # a status change through the service
        set_household_status(s, first, HouseholdStatus.MOVED_AWAY, TODAY, "搬走", "clerk",
                             today=TODAY)
    assert first not in _listed(database)
    assert first in _listed(database, HouseholdFilter(status=None))
    other = open_database(database.url, clock)  # another desk on the same database
    try:
        with other.session() as s:
            s.execute(update(Household).where(Household.id == first)
                      .values(status=HouseholdStatus.ACTIVE.value))
        assert first in _listed(database)
        with other.session() as s:
            s.execute(delete(Household).where(Household.id == first))
        assert first not in _listed(database, HouseholdFilter(status=None))
    finally:
        other.dispose()
    assert _listed(database) == _listed(database, reuse=False)


def test_a_listing_of_uncommitted_writes_is_not_kept_after_a_rollback(
        database: Database) -> None:
    with database.session() as s:
        kept = create_household(s, _household("欧阳秀英", "101"), "clerk", TODAY)
    assert _listed(database) == [kept]
    with database.session() as s:
        dropped = create_household(s, _household("诸葛明亮", "102"), "clerk", TODAY)
        assert list_household_ids(s, HouseholdFilter(), today=TODAY) == [kept, dropped]
        s.rollback()
    assert _listed(database) == [kept]
    with database.session() as s:  # the next commit's mark is not the rolled-back one
        s.execute(update(Household).where(Household.id == kept).values(notes="回访"))
    assert _listed(database) == [kept]
    forget_listings()
    assert _listed(database) == [kept]


def test_a_schema_without_the_change_mark_is_always_read(database: Database) -> None:
    with database.session() as s:
        first = create_household(s, _household("欧阳秀英", "101"), "clerk", TODAY)
    with database.session() as s:
        s.execute(text(f"DROP TABLE {CHANGE_TABLE} CASCADE" if s.get_bind().dialect.name
                       == "postgresql" else f"DROP TABLE {CHANGE_TABLE}"))
    forget_listings()
    other = open_database(database.url, database.clock)  # a new engine looks again
    try:
        assert _listed(other) == [first]
    finally:
        other.dispose()


def test_the_change_mark_triggers_exist_at_the_head_revision(database: Database) -> None:
    """A later migration that rebuilds ``household`` in batch mode must create them again."""
    with database.session() as s:
        if s.get_bind().dialect.name == "sqlite":
            found = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                       " AND tbl_name = 'household'")))
            assert {f"{CHANGE_TABLE}_{e}" for e in ("insert", "update", "delete")} <= found
        else:
            assert s.scalar(text("SELECT count(*) FROM pg_trigger WHERE tgname = :n"),
                            {"n": f"{CHANGE_TABLE}_mark"}) == 1
