"""Optimistic locking over a whole household on PostgreSQL: two desks (two engines) on
one database. Desk A changes a member (mobility note, relation, ID number) and saves;
desk B then saves the copy it opened before: a conflict naming what changed, and A's
change survives."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from stationapp.domain.clock import Clock
from stationapp.domain.errors import ConflictError
from stationapp.domain.vocab import Sex
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdDetail, HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
DESK = "desk:王会计"
ID_1938_MALE = "37050219380501001X"


@pytest.fixture
def desks(pg_url: str, clock: Clock) -> Iterator[tuple[Database, Database]]:
    """Two desks on one PostgreSQL database."""
    desk_a = open_database(pg_url, clock)
    desk_b = open_database(pg_url, clock)
    try:
        yield desk_a, desk_b
    finally:
        desk_a.dispose()
        desk_b.dispose()


def opened(database: Database, household_id: int) -> HouseholdDetail:
    with database.session() as s:
        return get_household(s, household_id, TODAY)


@pytest.mark.parametrize(("changes", "label"), [
    ({"mobility_notes": "坐轮椅，请多敲门"}, "行动情况"),
    ({"relation": "丈夫"}, "与户主关系"),
    ({"id_number": ID_1938_MALE}, "身份证号"),
], ids=["mobility", "relation", "id_number"])
def test_a_member_change_makes_an_older_copy_stale_on_postgresql(
    desks: tuple[Database, Database], changes: dict[str, str], label: str
) -> None:
    desk_a, desk_b = desks
    with desk_a.session() as s:
        household_id = create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="502",
            residents=(
                ResidentInput(name="单秀英", birth_date=date(1949, 12, 31), is_head=True),
                ResidentInput(name="王建国", birth_date=date(1938, 5, 1), sex=Sex.MALE,
                              relation="配偶"),
            ),
        ), DESK, TODAY)
    copy_b = opened(desk_b, household_id)

    data = opened(desk_a, household_id).as_input()
    members = list(data.residents)
    members[1] = replace(members[1], **changes)  # type: ignore[arg-type]
    with desk_a.session() as s:
        update_household(s, household_id, replace(data, residents=tuple(members)), DESK, TODAY)

    with pytest.raises(ConflictError) as caught, desk_b.session() as s:
        update_household(s, household_id, replace(copy_b.as_input(), notes="第二张桌子"),
                         DESK, TODAY)
    assert caught.value.changed_parts == (f"成员 2 的{label}",)
    assert DESK in str(caught.value) and "王建国" not in str(caught.value)
    after = opened(desk_a, household_id)
    for name, value in changes.items():
        assert getattr(after.residents[1], name) == value
    assert after.notes == ""
