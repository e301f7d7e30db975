"""Text rules in one place: the same limits and refusals for every field, every entry point
(dialogs' services, import, CLI) and both databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import String, Text
from sqlalchemy.orm import Session

import stationapp.domain.all_models  # noqa: F401  (every table on Base.metadata)
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.errors import ValidationError
from stationapp.domain.models import Base
from stationapp.domain.people import check_phone
from stationapp.domain.search_keys import name_pinyin
from stationapp.domain.text_rules import check_text
from stationapp.services.catalogue import save_item
from stationapp.services.database import Database
from stationapp.services.events import EventInput, create_event
from stationapp.services.household_queries import HouseholdFilter, get_household, list_household_ids
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, create_request
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import RowAction, plan_import
from stationapp.services.settings import StationSettings
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.station_settings import save_station_settings
from stationapp.workflows.visits import record_visit

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 10, 0)


# ---------------------------------------------------------------- the table itself


@pytest.mark.parametrize("name", sorted(text_rules.ALL_RULES))
def test_every_limit_fits_its_column(name: str) -> None:
    """A limit larger than its VARCHAR would pass on SQLite and fail on PostgreSQL."""
    rule = text_rules.ALL_RULES[name]
    table, column_name = rule.column.split(".")
    column = Base.metadata.tables[table].c[column_name]
    assert isinstance(column.type, String | Text)
    if isinstance(column.type, String) and not isinstance(column.type, Text):
        assert column.type.length is not None
        assert rule.limit <= column.type.length, (name, rule.limit, column.type.length)
    assert rule.limit > 0


def test_derived_columns_fit_for_the_longest_allowed_values() -> None:
    """The head's pinyin and the address key are stored in VARCHARs too."""
    columns = Base.metadata.tables["household"].c
    pinyin_length = columns["head_pinyin"].type.length  # type: ignore[attr-defined]
    assert len(name_pinyin("庄" * text_rules.PERSON_NAME)) <= pinyin_length
    assert text_rules.PERSON_NAME * len("zhuang") <= pinyin_length
    address = Address("区" * text_rules.COMMUNITY.limit,
                      "9" * text_rules.BUILDING_DIGITS + "楼" * (text_rules.BUILDING.limit - 6),
                      "9" * text_rules.UNIT_DIGITS + "单" * (text_rules.UNIT.limit - 4),
                      "9" * text_rules.ROOM_DIGITS + "室" * (text_rules.ROOM.limit - 6))
    key_length = columns["address_key"].type.length  # type: ignore[attr-defined]
    assert len(address.index_key()) <= key_length


@pytest.mark.parametrize(("value", "multiline", "expected"), [
    ("  王秀英 ", False, "王秀英"),
    ("王\u200b秀英", False, "王\u200b秀英"),  # zero-width space: a format character, kept
    ("第一行\n第二行\t完", True, "第一行\n第二行\t完"),
    ("行动不便\r\n需搀扶", True, "行动不便\r\n需搀扶"),
    ("右\u200f左", False, "右\u200f左"),
])
def test_check_text_keeps_what_people_type(value: str, multiline: bool, expected: str) -> None:
    assert check_text(value, "name", "姓名", 20, multiline=multiline) == expected


@pytest.mark.parametrize(("value", "multiline"), [
    ("测\x00试人", False), ("测\x00试人", True), ("王\x1b[31m", False), ("王\x7f", False),
    ("王\x85秀", True), ("王\x9b", False), ("王\ud800", False), ("王\n秀英", False),
    ("王\t秀英", False), ("\x08退格", True),
])
def test_check_text_refuses_control_characters(value: str, multiline: bool) -> None:
    with pytest.raises(ValidationError) as caught:
        check_text(value, "name", "姓名", 20, multiline=multiline)
    assert caught.value.field == "name"
    assert caught.value.message == "姓名里有看不见的控制字符，请删掉后重新输入"


def test_check_text_refuses_too_long_text() -> None:
    assert check_text(" " + "王" * 20 + " ", "name", "姓名", 20) == "王" * 20
    with pytest.raises(ValidationError, match=r"^name: 姓名太长（最多 20 个字）$"):
        check_text("王" * 21, "name", "姓名", 20)


@pytest.mark.parametrize("typed", [
    "139abc12345", "1390546ABCD", "0546-CALL-NOW", "139 1234 5678 转 8", "13912345678;",
])
def test_letters_in_a_phone_are_refused_not_dialled(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_phone(typed, "phone")
    assert "只能有数字" in caught.value.message
    assert typed not in caught.value.message


@pytest.mark.parametrize(("typed", "stored"), [
    ("13912345678", "13912345678"), ("139-1234-5678", "13912345678"),
    ("(0546) 8123456", "0546-8123456"), ("０５４６－８１２３４５６", "0546-8123456"),
    ("（0546）8123456", "0546-8123456"), ("+86 139 1234 5678", "13912345678"),
])
def test_usual_phone_separators_still_read(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


def test_a_huge_phone_is_refused_by_length() -> None:
    with pytest.raises(ValidationError, match="电话号码太长"):
        check_phone("1" * 10_000)


# ---------------------------------------------------------------- every entry point


def _household(**resident: str) -> HouseholdInput:
    fields: dict[str, str] = {"name": "王秀英", **resident}
    return HouseholdInput(community="锦华一区", building="3", unit="2", room="301",
                          residents=(ResidentInput(**fields),))  # type: ignore[arg-type]


def _first_household(s: Session) -> int:
    return create_household(s, _household(), "clerk", TODAY)


EntryPoint = Callable[[Session, str], object]
"""Saves ``text`` through one service, in the field the case is about."""

PHONE_ENTRY_POINTS: dict[str, EntryPoint] = {
    "household phone": lambda s, t: create_household(
        s, HouseholdInput(community="锦华一区", building="3", room="301", phone=t,
                          residents=(ResidentInput(name="王秀英"),)), "clerk", TODAY),
    "member phone": lambda s, t: create_household(s, _household(phone=t), "clerk", TODAY),
    "volunteer phone": lambda s, t: create_volunteer(
        s, VolunteerInput(name="李志强", phone=t), "clerk", TODAY),
    "station phone": lambda s, t: save_station_settings(s, StationSettings(phone=t)),
}


@pytest.mark.parametrize("entry", sorted(PHONE_ENTRY_POINTS))
def test_phone_with_letters_is_refused_everywhere(database: Database, entry: str) -> None:
    with database.session() as s, pytest.raises(ValidationError) as caught:
        PHONE_ENTRY_POINTS[entry](s, "139abc12345")
    assert any("只能有数字" in p.message for p in caught.value.problems)


TEXT_ENTRY_POINTS: dict[str, tuple[EntryPoint, str]] = {
    "member name": (lambda s, t: create_household(s, _household(name=t), "clerk", TODAY),
                    "姓名"),
    "member mobility": (lambda s, t: create_household(s, _household(mobility_notes=t),
                                                      "clerk", TODAY), "行动情况"),
    "member relation": (lambda s, t: create_household(s, _household(relation=t),
                                                      "clerk", TODAY), "与户主关系"),
    "building": (lambda s, t: create_household(
        s, HouseholdInput(community="锦华一区", building=t, residents=(ResidentInput("王"),)),
        "clerk", TODAY), "楼号"),
    "household notes": (lambda s, t: create_household(
        s, HouseholdInput(community="锦华一区", building="3", notes=t,
                          residents=(ResidentInput("王"),)), "clerk", TODAY), "备注"),
    "volunteer name": (lambda s, t: create_volunteer(s, VolunteerInput(name=t), "clerk",
                                                      TODAY), "姓名"),
    "volunteer notes": (lambda s, t: create_volunteer(s, VolunteerInput(name="李", notes=t),
                                                       "clerk", TODAY), "备注"),
    "event title": (lambda s, t: create_event(
        s, EventInput(event_type_id=1, title=t, starts_at=NOW), "clerk"), "活动名称"),
    "event description": (lambda s, t: create_event(
        s, EventInput(event_type_id=1, title="送窗花", starts_at=NOW, description=t),
        "clerk"), "活动说明"),
    "item name": (lambda s, t: save_item(s, t, "张"), "物品名称"),
    "request description": (lambda s, t: create_request(
        s, RequestInput(household_id=_first_household(s), category="供暖", description=t),
        "clerk", now=NOW), "诉求内容"),
    "visit notes": (lambda s, t: record_visit(
        s, VisitInput(household_id=_first_household(s), visit_date=TODAY, notes=t),
        "clerk", TODAY), "走访记录"),
    "station name": (lambda s, t: save_station_settings(s, StationSettings(name=t)),
                     "服务社名称"),
}


@pytest.mark.parametrize("entry", sorted(TEXT_ENTRY_POINTS))
@pytest.mark.parametrize("bad", ["测\x00试", "测\x1b试"])
def test_control_characters_are_refused_everywhere(
    database: Database, entry: str, bad: str
) -> None:
    """NUL reached SQLite and gave PostgreSQL a traceback; now both say which field."""
    save, label = TEXT_ENTRY_POINTS[entry]
    with database.session() as s, pytest.raises(ValidationError) as caught:
        save(s, bad)
    assert f"{label}里有看不见的控制字符，请删掉后重新输入" in [
        p.message for p in caught.value.problems]


@pytest.mark.parametrize("entry", sorted(TEXT_ENTRY_POINTS))
def test_too_long_text_is_refused_everywhere_with_the_same_message(
    database: Database, entry: str
) -> None:
    """10,000 characters were stored on SQLite and a "value too long" traceback on
    PostgreSQL; now both refuse them with the field's limit."""
    save, label = TEXT_ENTRY_POINTS[entry]
    with database.session() as s, pytest.raises(ValidationError) as caught:
        save(s, "长" * 10_000)
    assert any(p.message.startswith(f"{label}太长（最多 ") for p in caught.value.problems)


def test_a_long_name_gets_the_same_message_on_both_databases(database: Database) -> None:
    with database.session() as s, pytest.raises(ValidationError) as caught:
        create_household(s, _household(name="王" * 10_000), "clerk", TODAY)
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("residents[0].name", f"姓名太长（最多 {text_rules.PERSON_NAME} 个字）")]


def test_the_longest_allowed_household_is_stored(database: Database) -> None:
    """Every field at its limit fits the columns, on SQLite and on PostgreSQL alike."""
    r = text_rules
    data = HouseholdInput(
        community="区" * r.COMMUNITY.limit, building="9" * r.BUILDING_DIGITS + "号楼东",
        unit="9" * r.UNIT_DIGITS + "单元", room="9" * r.ROOM_DIGITS + "室",
        phone="0546-8123456", notes="备" * r.HOUSEHOLD_NOTES.limit,
        residents=(ResidentInput(name="庄" * r.PERSON_NAME, relation="户" * r.RELATION.limit,
                                 mobility_notes="行" * r.MOBILITY.limit),),
    )
    with database.session() as s:
        household_id = create_household(s, data, "clerk", TODAY)
    with database.session() as s:
        stored = get_household(s, household_id, today=TODAY)
    assert stored.residents[0].name == "庄" * r.PERSON_NAME
    assert stored.building == "999999号楼东"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("building", "1" * 20, "楼号里的数字太长（最多 6 位），请核对"),
    ("unit", "12345", "单元里的数字太长（最多 4 位），请核对"),
    ("room", "12345678901234567890", "室号里的数字太长（最多 6 位），请核对"),
])
def test_numbers_in_an_address_are_bounded(
    database: Database, field: str, value: str, message: str
) -> None:
    """A 20-digit 楼号 used to end in an OverflowError (INTEGER building_no)."""
    parts = {"building": "3", "unit": "2", "room": "301", field: value}
    data = HouseholdInput(community="锦华一区", building=parts["building"], unit=parts["unit"],
                          room=parts["room"], residents=(ResidentInput("王秀英"),))
    with database.session() as s, pytest.raises(ValidationError) as caught:
        create_household(s, data, "clerk", TODAY)
    assert [(p.field, p.message) for p in caught.value.problems] == [(field, message)]


def test_an_import_row_breaking_a_rule_is_rejected_with_its_reason(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["姓名", "小区", "楼号", "单元", "室", "联系电话"])
        writer.writerow(["李大爷", "锦华一区", "3", "2", "301", "13905461234"])
        writer.writerow(["王奶奶", "锦华一区", "1" * 20, "2", "302", ""])
        writer.writerow(["赵爷爷", "锦华一区", "3", "2", "303", "139abc12345"])
        writer.writerow(["测\x1b试人", "锦华一区", "3", "2", "304", ""])
        writer.writerow(["钱" * 30, "锦华一区", "3", "2", "305", ""])
    with database.session() as s:
        plan = plan_import(s, read_roster_file(path), None, TODAY)
    rejected = {r.row_number: r.problems for r in plan.rows if r.action is RowAction.REJECT}
    assert set(rejected) == {3, 4, 5, 6}
    assert rejected[3] == ("楼号里的数字太长（最多 6 位），请核对",)
    assert "只能有数字" in rejected[4][0]
    assert rejected[5] == ("姓名里有看不见的控制字符，请删掉后重新输入",)
    assert rejected[6] == ("姓名太长（最多 20 个字）",)
    assert {r.row_number: r.action for r in plan.rows}[2] is RowAction.CREATE


# ---------------------------------------------------------------- search


@pytest.mark.parametrize(("query", "found"), [
    ("_", ["王_五"]), ("王_五", ["王_五"]), ("%", ["百分%"]), ("'", ["欧'文"]),
    ("\\", ["反\\斜"]), ("王x五", ["王x五"]), ("王%五", []), ("'1'='1", []),
])
def test_search_matches_wildcards_and_quotes_literally(
    database: Database, query: str, found: list[str]
) -> None:
    """``_`` was dropped from the search (listing the whole ledger), not matched."""
    names = ["王_五", "王x五", "百分%", "欧'文", "反\\斜", "李大爷"]
    with database.session() as s:
        ids = {create_household(s, HouseholdInput(
            community="锦华一区", building="3", room=str(300 + i),
            residents=(ResidentInput(name=name),)), "clerk", TODAY): name
            for i, name in enumerate(names)}
        matched = list_household_ids(s, HouseholdFilter(search=query), today=TODAY)
    assert sorted(ids[i] for i in matched) == sorted(found)


def test_control_characters_are_exactly_unicode_controls_and_lone_surrogates() -> None:
    """Over every code point: refused are categories Cc and Cs, and a multi-line text also
    keeps tab, line feed and carriage return."""
    import unicodedata

    from stationapp.domain.text_rules import control_characters

    every = "".join(chr(code) for code in range(0x110000))
    expected = [c for c in every if unicodedata.category(c) in ("Cc", "Cs")]
    assert control_characters(every) == expected
    assert control_characters(every, multiline=True) == [
        c for c in expected if c not in "\t\n\r"]
