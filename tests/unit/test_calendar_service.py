"""The calendar ahead from the ledger (both databases): festivals with the households
aged 80+, holidays, 整寿 by solar or lunar date, and the lunar-birthday flag of residents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from stationapp.domain.errors import ValidationError
from stationapp.domain.holidays import HolidayFileError, HolidayTable
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.audit import list_entries
from stationapp.services.calendar import (
    ItemKind,
    holiday_table,
    households_with_round_birthdays,
    upcoming,
)
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.workflows.household_status import change_status

TODAY = date(2026, 12, 7)


def _household(room: str, *members: ResidentInput) -> HouseholdInput:
    return HouseholdInput(community="锦华一区", building="2", unit="1", room=room,
                          residents=members)


@pytest.fixture
def ledger(database: Database) -> dict[str, int]:
    with database.session() as s:
        ids = {
            "solar80": create_household(s, _household("101", ResidentInput(
                name="王秀兰", birth_date=date(1946, 12, 20), is_head=True)), "clerk", TODAY),
            "lunar90": create_household(s, _household("102", ResidentInput(
                name="李大爷", birth_date=date(1937, 1, 10), is_head=True,
                lunar_birthday=True)), "clerk", TODAY),
            "young": create_household(s, _household("103", ResidentInput(
                name="赵小二", birth_date=date(1956, 12, 20), is_head=True)), "clerk", TODAY),
            "gone": create_household(s, _household("104", ResidentInput(
                name="钱某", birth_date=date(1926, 12, 30), is_head=True)), "clerk", TODAY),
        }
        change_status(s, ids["gone"], HouseholdStatus.MOVED_AWAY, TODAY, "迁往外地", "clerk",
                      today=TODAY)
    return ids


def test_round_birthdays_solar_and_lunar(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        found = households_with_round_birthdays(s, TODAY, 60)
    assert [(b.date, b.name, b.age, b.by_lunar, b.household_id) for b in found] == [
        (date(2026, 12, 20), "王秀兰", 80, False, ledger["solar80"]),
        (date(2027, 1, 5), "李大爷", 90, True, ledger["lunar90"]),
    ]
    assert found[0].address == "锦华一区2号楼1单元101室"


def test_upcoming_lists_everything_in_date_order(
    database: Database, ledger: dict[str, int]
) -> None:
    with database.session() as s:
        items = upcoming(s, TODAY, 60, holidays=HolidayTable())
    seen = [(i.date, i.kind, i.name) for i in items]
    assert seen == sorted(seen, key=lambda x: x[0])
    assert (date(2026, 12, 22), ItemKind.FESTIVAL, "冬至节") in seen
    assert (date(2026, 12, 22), ItemKind.SOLAR_TERM, "冬至") not in seen  # listed once
    assert (date(2026, 12, 7), ItemKind.SOLAR_TERM, "大雪") in seen
    laba = next(i for i in items if i.name == "腊八节")
    assert (laba.date, laba.lunar, laba.elderly_households) == (
        date(2027, 1, 15), "十二月初八", 2)
    new_year = next(i for i in items if i.kind == ItemKind.HOLIDAY)
    assert (new_year.date, new_year.end, new_year.name, new_year.confirmed) == (
        date(2027, 1, 1), date(2027, 1, 1), "元旦", False)
    birthdays = [i for i in items if i.kind == ItemKind.BIRTHDAY]
    assert [(i.date, i.name, i.age, i.lunar, i.household_id) for i in birthdays] == [
        (date(2026, 12, 20), "王秀兰", 80, "十一月十二", ledger["solar80"]),
        (date(2027, 1, 5), "李大爷", 90, "十一月廿八", ledger["lunar90"]),
    ]


def test_upcoming_groups_a_holiday_and_lists_workdays(database: Database) -> None:
    with database.session() as s:
        items = upcoming(s, date(2026, 9, 15), 30, holidays=HolidayTable(),
                         solar_terms=False)
    holidays = [(i.date, i.end, i.name) for i in items if i.kind == ItemKind.HOLIDAY]
    assert holidays == [(date(2026, 9, 25), date(2026, 9, 27), "中秋节"),
                        (date(2026, 10, 1), date(2026, 10, 7), "国庆节")]
    workdays = [i.date for i in items if i.kind == ItemKind.WORKDAY]
    assert workdays == [date(2026, 9, 20), date(2026, 10, 10)]
    assert [i.name for i in items if i.kind == ItemKind.FESTIVAL] == ["中秋节"]


def test_days_are_validated(database: Database) -> None:
    with database.session() as s, pytest.raises(ValidationError):
        upcoming(s, TODAY, 0)


def test_station_file_overrides_the_shipped_one(tmp_path: Path) -> None:
    shipped, station = tmp_path / "shipped", tmp_path / "station"
    shipped.mkdir()
    station.mkdir()
    (shipped / "holidays.toml").write_text(
        '[[holiday]]\nname = "元旦"\ndate = 2027-01-01\n', encoding="utf-8")
    (station / "holidays.toml").write_text(
        '[[holiday]]\nname = "元旦"\nfrom = 2027-01-01\nto = 2027-01-03\n', encoding="utf-8")
    assert [d.date.day for d in holiday_table(shipped).days[2027]] == [1]
    assert [d.date.day for d in holiday_table(shipped, station).days[2027]] == [1, 2, 3]
    assert holiday_table(tmp_path / "none").days == {}
    (station / "holidays.toml").write_text('[[holiday]]\nname = "元旦"\n', encoding="utf-8")
    with pytest.raises(HolidayFileError, match="第 1 行"):
        holiday_table(shipped, station)


def test_shipped_holiday_file_reads() -> None:
    from stationapp.services.calendar import station_holiday_folders

    holiday_table(station_holiday_folders()[0])


def test_lunar_birthday_flag_is_stored_validated_and_audited(
    database: Database, ledger: dict[str, int]
) -> None:
    with database.session() as s:
        detail = get_household(s, ledger["solar80"], TODAY)
        assert not detail.residents[0].lunar_birthday
        data = detail.as_input()
        member = replace(data.residents[0], lunar_birthday=True)
        update_household(s, ledger["solar80"], replace(data, residents=(member,)), "clerk",
                         TODAY)
    with database.session() as s:
        assert get_household(s, ledger["solar80"], TODAY).residents[0].lunar_birthday
        changes = [e.changes for e in list_entries(s, entity="household",
                                                   entity_id=str(ledger["solar80"]))][-1]
        assert any("lunar_birthday" in name for name in changes)
    with database.session() as s, pytest.raises(ValidationError) as caught:
        create_household(s, _household("105", ResidentInput(
            name="孙某", is_head=True, lunar_birthday=True)), "clerk", TODAY)
    assert "农历" in str(caught.value)


def test_round_birthdays_read_only_candidates_yet_find_every_one(database: Database) -> None:
    """The query keeps only birth dates near a round anniversary of the window: births every
    11 days over 22 years (by solar and by lunar date, leap months and 29 February among
    them) give exactly the 整寿 the rules find when every resident is asked."""
    from datetime import timedelta

    from stationapp.domain.lunar_calendar import round_birthdays_between

    births = [date(1924, 2, 29) + timedelta(days=11 * n) for n in range(730)]
    births.append(date(1948, 2, 29))
    with database.session() as s:
        for block in range(0, len(births), 60):
            members = [ResidentInput(name=f"居民{block + i}", birth_date=born,
                                     is_head=i == 0, lunar_birthday=(block + i) % 2 == 1)
                       for i, born in enumerate(births[block:block + 60])]
            create_household(s, _household(str(900 + block // 60), *members), "clerk", TODAY)
    for start in (date(2026, 1, 20), TODAY, date(2027, 2, 15), date(2028, 2, 1)):
        expected = sorted(
            (b.date, born, b.age, b.by_lunar)
            for n, born in enumerate(births)
            for b in round_birthdays_between(born, start, start + timedelta(days=59),
                                             by_lunar=n % 2 == 1))
        with database.session() as s:
            found = households_with_round_birthdays(s, start, 60)
            by_id = {r.id: r.birth_date for h in {b.household_id for b in found}
                     for r in get_household(s, h, TODAY).residents}
        assert sorted((b.date, by_id[b.resident_id], b.age, b.by_lunar) for b in found) \
            == expected
        assert expected
