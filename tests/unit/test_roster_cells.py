"""Reading the cells of hand-made rosters: dates, full-width text, ID numbers, addresses,
and finding the header row and mapping its columns."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from stationapp.domain.roster_cells import (
    AddressParts,
    cell_text,
    code_text,
    facts_from_id_number,
    id_number_text,
    parse_date,
    parse_sex,
    split_address,
)
from stationapp.domain.roster_columns import (
    RosterField,
    field_for_header,
    find_header_row,
    map_columns,
    missing_fields,
)
from stationapp.domain.vocab import Sex


@pytest.mark.parametrize("value", [
    "1938-05-01", "1938/5/1", "1938.5.1", "1938年5月1日", "1938年05月01日", "19380501",
    "１９３８－０５－０１", "1938-05-01 00:00:00", " 1938/05/01 ", 14001, 14001.0,
    19380501, 19380501.0,
    datetime(1938, 5, 1, 0, 0), date(1938, 5, 1),
])
def test_every_usual_way_of_writing_a_date(value: object) -> None:
    assert parse_date(value) == date(1938, 5, 1)


@pytest.mark.parametrize(("serial", "expected"), [
    (1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (61, date(1900, 3, 1)),
    (45351, date(2024, 2, 29)), (46352, date(2026, 11, 26)),
])
def test_excel_serials_follow_excels_calendar(serial: int, expected: date) -> None:
    assert parse_date(serial) == expected


@pytest.mark.parametrize("value", ["1938-02-30", "明年", "2024-13-01", 60, 10**8, "1938.5"])
def test_impossible_dates_say_what_is_wrong(value: object) -> None:
    with pytest.raises(ValueError, match="日期"):
        parse_date(value)


def test_empty_date_cells_give_none() -> None:
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("  ") is None


def test_full_width_text_becomes_ordinary() -> None:
    assert cell_text("０５４６８１２３４５６") == "05468123456"
    assert code_text("０５４６－８１２３４５６") == "0546-8123456"
    assert cell_text("耳背，敲门要用力") == "耳背，敲门要用力"
    assert cell_text("　李　大爷　") == "李 大爷"
    assert cell_text(3.0) == "3"
    assert cell_text(None) == ""


def test_id_numbers_are_tidied_and_float_damage_is_named() -> None:
    assert id_number_text("11010519491231002x") == "11010519491231002X"
    assert id_number_text("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"
    assert id_number_text(" 110105 19491231 002X ") == "11010519491231002X"
    with pytest.raises(ValueError, match="当成了数字"):
        id_number_text(1.1010519491231e17)
    with pytest.raises(ValueError, match="当成了数字"):
        id_number_text("1.10105E+17")


def test_birth_date_and_sex_come_from_the_id_number() -> None:
    assert facts_from_id_number("11010519491231002X") == (date(1949, 12, 31), Sex.FEMALE)
    assert facts_from_id_number("37050219380501001X") == (date(1938, 5, 1), Sex.MALE)
    assert facts_from_id_number("123") == (None, None)


@pytest.mark.parametrize(("text", "sex"), [("男", Sex.MALE), ("女", Sex.FEMALE),
                                           ("M", Sex.MALE), ("女性", Sex.FEMALE), ("", None)])
def test_sex_words(text: str, sex: Sex | None) -> None:
    assert parse_sex(text) == sex


def test_unknown_sex_is_refused() -> None:
    with pytest.raises(ValueError, match="男"):
        parse_sex("未知")


@pytest.mark.parametrize(("text", "parts"), [
    ("锦华一区3号楼2单元301", AddressParts("锦华一区", "3", "2", "301")),
    ("锦华一区3号楼2单元301室", AddressParts("锦华一区", "3", "2", "301")),
    ("东旭小区5-2-301", AddressParts("东旭小区", "5", "2", "301")),
    ("晖苑小区 12栋1单元502室", AddressParts("晖苑小区", "12", "1", "502")),
    ("锦华二区十二号楼三单元201", AddressParts("锦华二区", "12", "3", "201")),
    ("锦华一区３号楼２单元３０１", AddressParts("锦华一区", "3", "2", "301")),
    ("3号楼2单元301", AddressParts("", "3", "2", "301")),
    ("东旭小区8号楼", AddressParts("东旭小区", "8", "", "")),
])
def test_an_address_in_one_cell_is_split(text: str, parts: AddressParts) -> None:
    assert split_address(text) == parts


def test_an_address_without_a_building_is_refused() -> None:
    with pytest.raises(ValueError, match="楼号"):
        split_address("锦华一区东门口")


@pytest.mark.parametrize(("header", "field"), [
    ("姓 名", RosterField.NAME), ("身份证号码", RosterField.ID_NUMBER),
    ("公民身份号码", RosterField.ID_NUMBER), ("联系方式", RosterField.PHONE),
    ("住址", RosterField.ADDRESS), ("出生年月", RosterField.BIRTH_DATE),
    ("联系电话：", RosterField.PHONE), ("性别*", RosterField.SEX), ("序号", None),
    ("登记日期", RosterField.REGISTERED_ON), ("登记时间", RosterField.REGISTERED_ON),
    ("建档日期", RosterField.REGISTERED_ON), ("入册日期", RosterField.REGISTERED_ON),
])
def test_common_headers_name_their_field(header: str, field: RosterField | None) -> None:
    assert field_for_header(header) == field


def test_the_header_row_is_found_below_title_rows() -> None:
    rows: list[list[object]] = [
        ["锦华社区高龄老人花名册", None, None, None],
        ["填报单位：锦华社区", None, None, "2026年11月"],
        [],
        ["序号", "姓 名", "身份证号码", "住址"],
        [1, "李大爷", "37050219380501001X", "锦华一区3号楼2单元301"],
    ]
    header = find_header_row(rows)
    assert header == 3
    assert map_columns(rows[3]) == {1: RosterField.NAME, 2: RosterField.ID_NUMBER,
                                    3: RosterField.ADDRESS}


def test_a_sheet_that_is_not_a_roster_has_no_header() -> None:
    rows: list[list[object]] = [["收入", "支出"], [100, 50], ["合计", 50]]
    assert find_header_row(rows) is None


def test_missing_fields_are_named() -> None:
    assert missing_fields({0: RosterField.PHONE}) == ["没有“姓名”列", "没有“住址”或“楼号”列"]
    assert missing_fields({0: RosterField.NAME, 1: RosterField.BUILDING}) == []
