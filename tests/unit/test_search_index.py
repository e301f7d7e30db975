"""Search from an index (issue 16): the same households as the rule on every row, on SQLite
(FTS5 trigram) and on a real PostgreSQL server (pg_trgm), kept in step by every write path."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, text, update

from stationapp.db.migrate import head_revision
from stationapp.demo.station import populate_demo
from stationapp.domain.clock import Clock
from stationapp.domain.models import Household
from stationapp.domain.search_keys import (
    name_initials,
    name_pinyin,
    name_surname_and_initials,
)
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    SortKey,
    _filtered,
    _order,
    get_household,
    list_household_ids,
)
from stationapp.services.household_search import (
    HouseholdSearch,
    household_search_condition,
    index_narrows,
    matches_search,
    matching_household_ids,
    search_words,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.services.roster_writing import insert_households
from stationapp.services.search_index import FTS_TABLE, PG_INDEX, SCAN_INDEX, SQLITE_TRIGGERS
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)


def _queries(texts: dict[int, str], names: list[str], phones: list[str]) -> list[str]:
    """A few hundred typed searches drawn from the ledger: names, pinyin, initials, address
    parts, phone digits, one- and two-character words and a few words found nowhere."""
    rng = random.Random(16)
    queries: list[str] = []
    for name in rng.sample(names, min(40, len(names))):
        queries += [name, name[:1], name[:2], name_pinyin(name), name_pinyin(name)[:3],
                    name_initials(name), name_initials(name)[:2],
                    name_surname_and_initials(name)]
    for phone in rng.sample(phones, min(25, len(phones))):
        queries += [phone, phone[:1], phone[:2], phone[-4:], phone[3:8]]
    for n in range(1, 25):
        queries += [f"{n}号楼", f"{n}单元", f"{n}号", f"{n}0{n % 4 + 1}", str(n), f"{n}栋"]
    queries += ["3号楼 2单元", "锦华", "区", "楼", "单元", "w 301", "王 3号楼", "lidy",
                "zzzzq", "不存在的人", "%", "_", "1_", "'", '"', "3号楼2", "１３", " "]
    texts_sample = rng.sample(sorted(texts.values()), min(20, len(texts)))
    for whole in texts_sample:  # pieces of the stored text, also across a token's end
        start = rng.randrange(1, max(2, len(whole) - 6))
        queries += [whole[start:start + 3].replace("|", ""), whole[start:start + 5]]
    return queries


def _by_rule(texts: dict[int, str], ordered: list[int], query: str) -> list[int]:
    return [i for i in ordered if matches_search(query, texts[i])]


def test_the_index_finds_what_every_row_finds(database: Database) -> None:
    with database.session() as s:
        populate_demo(s, 300, seed=16, today=TODAY)
    with database.session() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SET enable_seqscan = off"))  # make the GIN index answer
        rows = s.execute(select(Household.id, Household.search_text))
        texts: dict[int, str] = {i: t for i, t in rows}
        names = [str(n) for n in s.scalars(select(Household.head_name)) if n]
        phones = [str(p) for p in s.scalars(select(Household.contact_phone)) if p]
        queries = _queries(texts, names, phones)
        assert len(queries) >= 300
        every = list_household_ids(s, HouseholdFilter(status=None), today=TODAY)
        active = list_household_ids(s, HouseholdFilter(), today=TODAY)
        narrowed = 0
        for query in queries:
            expected = _by_rule(texts, every, query)
            found = list_household_ids(s, HouseholdFilter(search=query, status=None),
                                       today=TODAY)
            assert found == expected, query
            assert list_household_ids(s, HouseholdFilter(search=query), today=TODAY) == [
                i for i in active if i in set(expected)], query
            words = search_words(query)
            if words:  # the old path: the rule on household.search_text itself
                old = s.scalars(select(Household.id).where(HouseholdSearch(words).plain()))
                assert sorted(old) == sorted(expected), query
            assert matching_household_ids(s, query, every[:150]) == {
                i for i in expected if i in set(every[:150])}, query
            narrowed += index_narrows(query)
        assert narrowed >= 150


def _fts_rows(database: Database) -> dict[int, str] | None:
    with database.session() as s:
        if s.get_bind().dialect.name != "sqlite":
            return None
        return {i: t for i, t in s.execute(text(f"SELECT rowid, search_text FROM {FTS_TABLE}"))}


def _stored(database: Database) -> dict[int, str]:
    with database.session() as s:
        return {i: t for i, t in s.execute(select(Household.id, Household.search_text))}


def _found(database: Database, search: str) -> list[int]:
    with database.session() as s:
        return list_household_ids(s, HouseholdFilter(search=search, status=None), today=TODAY)


def test_every_write_path_keeps_the_index_in_step(database: Database) -> None:
    def household(name: str, room: str) -> HouseholdInput:
        return HouseholdInput(community="锦华一区", building="7", unit="1", room=room,
                              residents=(ResidentInput(name=name, is_head=True,
                                                       birth_date=date(1940, 3, 1)),))

    with database.session() as s:
        first = create_household(s, household("欧阳秀英", "101"), "clerk", TODAY)
    with database.session() as s:  # the import's bulk insert
        insert_households(s, [household("诸葛明亮", "102"), household("司马光华", "103")],
                          "clerk", TODAY)
    assert _found(database, "ouyangxy") == [first]
    assert len(_found(database, "zhugeml")) == 1
    with database.session() as s:  # a save through the service
        detail = get_household(s, first, TODAY)
        data = HouseholdInput(
            community=detail.community, building=detail.building, unit=detail.unit,
            room=detail.room, version=detail.version,
            residents=(ResidentInput(name="上官婉儿", is_head=True,
                                     birth_date=date(1940, 3, 1)),))
        update_household(s, first, replace(data, residents=data.residents), "clerk", TODAY)
    assert _found(database, "ouyangxy") == []
    assert _found(database, "shangguanwe") == [first]
    with database.session() as s:  # a bulk statement (as de-identification may write)
        s.execute(update(Household).where(Household.id == first)
                  .values(search_text="|已去标识|锦华一区7号楼1单元101室|"))
    assert _found(database, "shangguanwe") == []
    assert _found(database, "已去标识") == [first]
    copy = _fts_rows(database)
    if copy is not None:
        assert copy == _stored(database)


def test_the_index_exists_at_the_head_revision(database: Database) -> None:
    with database.session() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        if s.get_bind().dialect.name == "sqlite":
            triggers = set(s.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'household'")))
            assert set(SQLITE_TRIGGERS) <= triggers
            assert s.scalar(text(f"SELECT count(*) FROM {FTS_TABLE}")) == 0
            assert s.scalar(text("SELECT sql FROM sqlite_master WHERE name = :n"),
                            {"n": SCAN_INDEX}) is not None
        else:
            assert s.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                            {"n": PG_INDEX}) is not None


@pytest.mark.parametrize("search, narrows", [("ab", False), ("w 3号", False),
                                              ("abc", True), ("w 3号楼", True)])
def test_words_shorter_than_a_trigram_do_not_narrow(search: str, narrows: bool) -> None:
    assert index_narrows(search) is narrows


@pytest.mark.parametrize("search", ["", "王", "w 3号", "13"])
def test_short_words_walk_one_index_in_display_order_on_sqlite(
        search: str, sqlite_url: str, clock: Clock) -> None:
    """A listing whose words are all too short for a trigram reads the scan index alone
    (the search text is in it): no household row is looked up and no sort runs."""
    database = open_database(sqlite_url, clock)
    try:
        with database.session() as s:
            query = _filtered(select(Household.id), HouseholdFilter(search=search), TODAY)
            query = query.order_by(*_order(SortKey.ADDRESS, False))
            compiled = query.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
            plan = " / ".join(str(row[-1]) for row in s.execute(
                text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert f"COVERING INDEX {SCAN_INDEX}" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    finally:
        database.dispose()


_NUMBERED_TEXTS = ["3号楼", "|13号楼|", "|锦华3号楼|", "|13号楼|锦华3号楼|", "|13号楼|23号|",
                   "|133号|a3号|", "|3号楼3号楼|", "|303号|", "|1333号楼|", "|x13号楼13号|",
                   "|晖苑113号楼2单元301室|", "|晖苑3号楼13号|"]


@pytest.mark.parametrize("search", ["3号", "3号楼", "33号", "13号楼", "3号楼 13"])
def test_a_number_with_its_unit_is_matched_by_the_rule_on_every_text(
        database: Database, search: str) -> None:
    """Texts where the numbered word follows a digit first, later, twice or overlapping."""
    inputs = [HouseholdInput(community="锦华一区", building="9", unit="1", room=str(100 + i),
                             residents=(ResidentInput(name="张三", is_head=True),))
              for i in range(len(_NUMBERED_TEXTS))]
    with database.session() as s:
        insert_households(s, inputs, "clerk", TODAY)
    with database.session() as s:
        ids = sorted(s.scalars(select(Household.id)))
        for household_id, stored in zip(ids, _NUMBERED_TEXTS, strict=True):
            s.execute(update(Household).where(Household.id == household_id)
                      .values(search_text=stored))
    texts = dict(zip(ids, _NUMBERED_TEXTS, strict=True))
    expected = {i for i, t in texts.items() if matches_search(search, t)}
    assert sorted(_found(database, search)) == sorted(expected)


@pytest.mark.parametrize("search, reads_text", [("wan", False), ("王建军 lidy", False),
                                                ("wan 3", True), ("3号楼", True),
                                                ("wan 3号楼", True)])
def test_plain_long_words_are_answered_by_the_trigram_index_alone(
        search: str, reads_text: bool) -> None:
    """A trigram phrase matches exactly the texts holding the word, so a search of plain
    words of three characters or more reads no search text per hit; a short or numbered
    word is still checked on the copy's text (results: the rule tests above)."""
    condition = household_search_condition(search)
    assert isinstance(condition, HouseholdSearch)
    compiled = str(condition.indexed().compile(compile_kwargs={"literal_binds": True}))
    assert ("search_text" in compiled) is reads_text, compiled
