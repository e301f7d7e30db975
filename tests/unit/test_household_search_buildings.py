""""3号楼" means building 3 (issue 14 item 6): on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_household_ids
from stationapp.services.household_search import (
    matches_search,
    matching_household_ids,
    word_matches_text,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household

TODAY = date(2026, 11, 26)


@pytest.fixture
def buildings(database: Database) -> dict[str, int]:
    """One household in each of 3, 13, 23 and 33号楼, and one in 3号楼 12单元."""
    rows = {"3": ("3", "2", "301"), "13": ("13", "2", "1301"), "23": ("23", "1", "502"),
            "33": ("33", "2", "3"), "3-12": ("3", "12", "101")}
    ids: dict[str, int] = {}
    with database.session() as s:
        for key, (building, unit, room) in rows.items():
            ids[key] = create_household(s, HouseholdInput(
                community="锦华一区", building=building, unit=unit, room=room,
                residents=(ResidentInput(name=f"住户{key}", birth_date=date(1950, 1, 1)),),
            ), "clerk", TODAY)
    return ids


def found(database: Database, search: str) -> set[int]:
    with database.session() as s:
        return set(list_household_ids(s, HouseholdFilter(search=search), today=TODAY))


def test_a_building_number_matches_at_a_digit_boundary(
    database: Database, buildings: dict[str, int]
) -> None:
    assert found(database, "3号楼") == {buildings["3"], buildings["3-12"]}
    assert found(database, "13号楼") == {buildings["13"]}
    assert found(database, "3号") == {buildings["3"], buildings["3-12"]}
    assert found(database, "2单元") == {buildings["3"], buildings["13"], buildings["33"]}
    assert found(database, "3号楼 12单元") == {buildings["3-12"]}
    assert found(database, "锦华一区3号楼") == {buildings["3"], buildings["3-12"]}


def test_other_words_still_match_anywhere(
    database: Database, buildings: dict[str, int]
) -> None:
    assert found(database, "301") == {buildings["3"], buildings["13"]}
    assert found(database, "3室") == {buildings["33"]}


def test_matching_ids_among_a_list(database: Database, buildings: dict[str, int]) -> None:
    with database.session() as s:
        among = [buildings["13"], buildings["3"]]
        assert matching_household_ids(s, "3号楼", among) == {buildings["3"]}
        assert matching_household_ids(s, "", among) == set(among)


def test_the_rule_in_python() -> None:
    text = "|住户|zhuhu|zh|zhuh|锦华一区13号楼2单元1301室|"
    assert not word_matches_text("3号楼", text)
    assert word_matches_text("13号楼", text)
    assert word_matches_text("301", text)
    assert matches_search("zhuhu 13号楼", text)
    assert not matches_search("zhuhu 3号楼", text)
    assert word_matches_text("3号楼", "|13号楼|锦华一区3号楼|")
