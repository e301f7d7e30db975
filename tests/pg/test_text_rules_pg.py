"""PostgreSQL enforces VARCHAR lengths and refuses NUL where SQLite stores anything: the text
rules refuse such input first, with the same message as on SQLite, and never a traceback."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)


def _problems(url: str, clock: Clock, name: str) -> list[tuple[str, str]]:
    database = open_database(url, clock)
    try:
        with database.session() as s, pytest.raises(ValidationError) as caught:
            create_household(s, HouseholdInput(
                community="锦华一区", building="3", room="301",
                residents=(ResidentInput(name=name),)), "clerk", TODAY)
    finally:
        database.dispose()
    return [(p.field, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(("name", "message"), [
    ("王" * 10_000, "姓名太长（最多 20 个字）"),
    ("测\x00试人", "姓名里有看不见的控制字符，请删掉后重新输入"),
])
def test_same_refusal_on_postgresql_as_on_sqlite(
    pg_url: str, sqlite_url: str, clock: Clock, name: str, message: str
) -> None:
    on_postgresql = _problems(pg_url, clock, name)
    assert on_postgresql == [("residents[0].name", message)]
    assert _problems(sqlite_url, clock, name) == on_postgresql
