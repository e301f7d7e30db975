"""Importing hand-made rosters: every variation of a real sheet, matching so that a second
import changes nothing, all-or-nothing writes, and clear messages for bad rows and files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from stationapp.domain.errors import ImportFileError
from stationapp.domain.roster_columns import RosterField
from stationapp.domain.vocab import CareCategory, CareTier, Sex
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    get_household,
    list_household_ids,
    list_households,
)
from stationapp.services.roster_files import read_roster_file, sheet_names
from stationapp.services.roster_import import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    RowAction,
    apply_plan,
    dry_run_result,
    plan_import,
)
from stationapp.services.roster_report import write_rejected_rows

TODAY = date(2026, 11, 26)
HEADER = ["序号", "姓 名", "性别", "身份证号码", "出生年月", "联系方式", "住址", "与户主关系",
          "类别"]
ROWS: list[list[object]] = [
    [1, "李大爷", "男", "37050219380501001x", "", "13865461234", "锦华一区3号楼2单元301",
     "户主", "独居"],
    [2, "王奶奶", "女", "", "1938年5月1日", "０５４６－８１２３４５６", "锦华一区3号楼2单元302",
     "户主", "空巢、高龄"],
    [3, "王爷爷", "男", "", "1936/2/29", "", "锦华一区3号楼2单元302", "配偶", ""],
    [4, "赵爷爷", "男", "", 14001, "", "东旭小区5-2-301", "", "孤寡"],
]


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER,
               title: bool = True, sheet: str = "高龄老人") -> Path:
    """A roster as people make them: a merged title row, a blank row, then the table."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    if title:
        ws.append(["锦华社区高龄老人花名册"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    workbook.create_sheet("说明").append(["本表由社区填报"])
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def run_import(database: Database, path: Path, options: ImportOptions | None = None,
               dry_run: bool = False, sheet: str | None = None
               ) -> tuple[ImportPlan, ImportResult]:
    table = read_roster_file(path, sheet)
    with database.session() as session:
        plan = plan_import(session, table, options, TODAY)
        if dry_run:
            return plan, dry_run_result(plan)
        return plan, apply_plan(session, plan, "测试员", TODAY)


def test_a_messy_sheet_imports_with_every_variation_understood(
    database: Database, tmp_path: Path
) -> None:
    plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", ROWS))
    assert plan.header_row == 2
    assert [r.action for r in plan.rows] == [RowAction.CREATE] * 4
    assert (result.created, result.households_created, result.rejected) == (4, 3, ())
    with database.session() as session:
        rows = {r.head: r for r in list_households(session, HouseholdFilter(), today=TODAY)}
        assert set(rows) == {"李大爷", "王奶奶", "赵爷爷"}
        li = get_household(session, rows["李大爷"].id, TODAY)
        wang = get_household(session, rows["王奶奶"].id, TODAY)
        zhao = get_household(session, rows["赵爷爷"].id, TODAY)
    head = li.residents[0]
    assert (head.id_number, head.birth_date, head.sex) == ("37050219380501001X",
                                                           date(1938, 5, 1), Sex.MALE)
    assert (li.building, li.unit, li.room, li.community) == ("3", "2", "301", "锦华一区")
    assert CareCategory.LIVING_ALONE in li.categories
    assert [r.name for r in wang.residents] == ["王奶奶", "王爷爷"]
    assert wang.residents[0].phone == "0546-8123456"
    assert wang.residents[1].birth_date == date(1936, 2, 29)
    assert (zhao.community, zhao.building, zhao.unit, zhao.room) == ("东旭小区", "5", "2", "301")
    assert zhao.residents[0].birth_date == date(1938, 5, 1)


def test_importing_the_same_file_twice_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "名册.xlsx", ROWS)
    run_import(database, path)
    with database.session() as session:
        before = list_households(session, HouseholdFilter(), today=TODAY)
    plan, result = run_import(database, path)
    assert {r.action for r in plan.rows} == {RowAction.UNCHANGED}
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    with database.session() as session:
        assert list_households(session, HouseholdFilter(), today=TODAY) == before


def test_an_update_fills_in_what_the_file_says_and_clears_nothing(
    database: Database, tmp_path: Path
) -> None:
    run_import(database, write_xlsx(tmp_path / "a.xlsx", ROWS))
    changed = [
        # Phone changed, ID number now given; the category cell is empty: kept as it was.
        [1, "李大爷", "", "37050219380501001X", "", "13865469999", "锦华一区3号楼2单元301",
         "", ""],
        # Matched by name at the address; the missing birth date keeps the stored one.
        [2, "王奶奶", "", "", "", "", "锦华一区3号楼2单元302", "", "低保"],
        # A new member of an existing household.
        [3, "王小妹", "女", "", "1990-01-01", "", "锦华一区3号楼2单元302", "孙女", ""],
    ]
    plan, result = run_import(database, write_xlsx(tmp_path / "b.xlsx", changed))
    assert [r.action for r in plan.rows] == [RowAction.UPDATE] * 3
    assert (result.updated, result.households_updated, result.households_created) == (3, 2, 0)
    with database.session() as session:
        ids = list_household_ids(session, HouseholdFilter(search="李大爷"), today=TODAY)
        li = get_household(session, ids[0], TODAY)
        ids = list_household_ids(session, HouseholdFilter(search="王奶奶"), today=TODAY)
        wang = get_household(session, ids[0], TODAY)
    assert li.residents[0].phone == "13865469999"
    assert CareCategory.LIVING_ALONE in li.categories
    assert wang.residents[0].birth_date == date(1938, 5, 1)
    assert {CareCategory.EMPTY_NEST, CareCategory.MINIMUM_LIVING} <= set(wang.categories)
    assert [r.name for r in wang.residents] == ["王奶奶", "王爷爷", "王小妹"]


def test_bad_rows_are_rejected_with_row_numbers_and_the_rest_imports(
    database: Database, tmp_path: Path
) -> None:
    rows = [*ROWS,
            [5, "钱某", "男", "11010519491231002X", "", "", "东旭小区5-2-302", "", ""],
            [6, "孙某", "", "", "1950-13-01", "", "东旭小区5-2-303", "", ""],
            [7, "周某", "", "", "", "123", "东旭小区5-2-304", "", "火星人"],
            [8, "", "", "", "", "", "东旭小区5-2-305", "", ""],
            [9, "吴某", "", "37050219380501001X", "", "", "东旭小区5-2-306", "", ""]]
    _plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", rows))
    problems = {r.row_number: r.problems for r in result.rejected}
    assert set(problems) == {8, 9, 10, 11, 12}
    assert "性别与身份证号不符" in problems[8][0]
    assert problems[9][0].startswith("出生日期")
    assert "火星人" in problems[10][0]
    assert problems[11][0].startswith("姓名")
    assert "与第 4 行重复" in problems[12][0]
    assert result.created == 4
    with database.session() as session:
        assert len(list_household_ids(session, HouseholdFilter(), today=TODAY)) == 3


def test_stop_on_first_error_writes_nothing(database: Database, tmp_path: Path) -> None:
    rows = [*ROWS, [5, "孙某", "", "", "1950-13-01", "", "东旭小区5-2-303", "", ""]]
    plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", rows),
                              ImportOptions(stop_on_first_error=True))
    assert plan.blocked and not result.written
    assert result.created == 0 and len(result.rejected) == 1
    with database.session() as session:
        assert list_household_ids(session, HouseholdFilter(), today=TODAY) == []


def test_a_dry_run_writes_nothing(database: Database, tmp_path: Path) -> None:
    _plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", ROWS), dry_run=True)
    assert result.dry_run and not result.written
    assert (result.created, result.households_created) == (4, 3)
    with database.session() as session:
        assert list_household_ids(session, HouseholdFilter(), today=TODAY) == []


def test_a_failing_write_rolls_back_everything(database: Database, tmp_path: Path) -> None:
    table = read_roster_file(write_xlsx(tmp_path / "名册.xlsx", ROWS))
    with pytest.raises(RuntimeError), database.session() as session:
        plan = plan_import(session, table, None, TODAY)
        apply_plan(session, plan, "测试员", TODAY)
        raise RuntimeError("disk full")
    with database.session() as session:
        assert list_household_ids(session, HouseholdFilter(), today=TODAY) == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_the_encodings_excel_writes(database: Database, tmp_path: Path,
                                           encoding: str) -> None:
    rows: list[list[object]] = [[str(c) for c in row] for row in ROWS]
    _plan, result = run_import(database, write_csv(tmp_path / "名册.csv", rows, encoding))
    assert (result.created, result.rejected) == (4, ())
    with database.session() as session:
        heads = {r.head for r in list_households(session, HouseholdFilter(), today=TODAY)}
    assert heads == {"李大爷", "王奶奶", "赵爷爷"}


def test_separate_address_columns_and_a_default_community(
    database: Database, tmp_path: Path
) -> None:
    header = ["姓名", "楼号", "单元", "室号", "电话", "等级"]
    rows: list[list[object]] = [["李大爷", "3号楼", "2单元", "301室", "", "重点"],
                                ["王奶奶", 3, 2, 302, "", "关注"]]
    path = write_xlsx(tmp_path / "名册.xlsx", rows, header=header, title=False)
    _plan, result = run_import(database, path, ImportOptions(default_community="锦华一区"))
    assert result.created == 2
    with database.session() as session:
        rows_ = list_households(session, HouseholdFilter(), today=TODAY)
    assert {(r.community, r.building, r.unit, r.room, r.tier) for r in rows_} == {
        ("锦华一区", "3", "2", "301", CareTier.PRIORITY),
        ("锦华一区", "3", "2", "302", CareTier.WATCH),
    }


def test_the_clerk_can_correct_the_mapping(database: Database, tmp_path: Path) -> None:
    header = ["名字", "地方", "号码"]
    rows: list[list[object]] = [["李大爷", "锦华一区3号楼2单元301", "13865461234"]]
    path = write_xlsx(tmp_path / "名册.xlsx", rows, header=header, title=False)
    with pytest.raises(ImportFileError):
        run_import(database, path)
    mapping = {0: RosterField.NAME, 1: RosterField.ADDRESS, 2: RosterField.PHONE}
    _plan, result = run_import(database, path, ImportOptions(header_row=0, mapping=mapping))
    assert result.created == 1


def test_sheets_can_be_chosen(database: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "名册.xlsx", ROWS)
    assert sheet_names(path) == ("高龄老人", "说明")
    with pytest.raises(ImportFileError, match="没有名为"):
        read_roster_file(path, "不存在")
    with pytest.raises(ImportFileError, match="不是住户名册"):
        run_import(database, path, sheet="说明")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("花名册.xlsx", b"this is not a zip file", "无法读取"),
    ("花名册.xls", b"\xd0\xcf\x11\xe0", "无法读取"),
    ("花名册.pdf", b"%PDF-1.4", "不能导入"),
    ("花名册.csv", "收入,支出\n100,50\n".encode(), "不是住户名册"),
])
def test_files_that_are_not_rosters_get_a_clear_message_and_nothing_is_written(
    database: Database, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        run_import(database, path)
    with database.session() as session:
        assert list_household_ids(session, HouseholdFilter(), today=TODAY) == []


def test_rejected_rows_are_saved_for_the_keeper_of_the_sheet(
    database: Database, tmp_path: Path
) -> None:
    rows = [*ROWS, [5, "孙某", "", "", "1950-13-01", "", "东旭小区5-2-303", "", ""]]
    plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", rows),
                              dry_run=True)
    report = tmp_path / "未导入.xlsx"
    write_rejected_rows(result.rejected, plan.headers, report, "名册.xlsx")
    sheet = load_workbook(report).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[1][:3] == ["原表行号", "问题", "序号"]
    assert values[2][0] == 8 and "出生日期" in str(values[2][1]) and values[2][3] == "孙某"


def test_a_row_that_contradicts_the_ledger_is_rejected_once_with_its_reason(
    database: Database, tmp_path: Path
) -> None:
    run_import(database, write_xlsx(tmp_path / "a.xlsx", ROWS))
    wrong = [[1, "李大爷", "", "37050219380501001X", "1940-01-01", "", "锦华一区3号楼2单元301",
              "", ""]]
    _plan, result = run_import(database, write_xlsx(tmp_path / "b.xlsx", wrong))
    assert [r.row_number for r in result.rejected] == [4]
    assert result.rejected[0].problems == (
        "出生日期与身份证号不符（身份证上是1938-05-01）",)


def test_sheet_names_of_a_file_that_is_not_excel_give_a_plain_message(tmp_path: Path) -> None:
    old = tmp_path / "花名册.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match="无法读取"):
        sheet_names(old)


def test_row_numbers_match_the_sheet_when_it_starts_below_and_right(
    database: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws["B3"], ws["C3"], ws["D3"] = "姓名", "出生日期", "住址"
    ws["B4"], ws["C4"], ws["D4"] = "李大爷", 19380501, "锦华一区3号楼2单元301"
    ws["B5"], ws["C5"], ws["D5"] = "王奶奶", "1938.13.1", "锦华一区3号楼2单元302"
    path = tmp_path / "右下.xlsx"
    workbook.save(path)
    plan, result = run_import(database, path)
    assert plan.header_row == 2
    assert [r.row_number for r in result.rejected] == [5]
    assert result.created == 1
    with database.session() as session:
        ids = list_household_ids(session, HouseholdFilter(), today=TODAY)
        assert get_household(session, ids[0], TODAY).residents[0].birth_date == date(1938, 5, 1)


REGISTERED_HEADER = ["姓名", "住址", "出生日期", "登记时间"]


def test_the_registration_day_comes_from_the_roster(database: Database, tmp_path: Path) -> None:
    """登记日期 (or 登记时间, 建档日期 …) fills the household's registration day; without one
    a new household is registered the day of the import; a later file may correct it."""
    rows: list[list[object]] = [
        ["李大爷", "锦华一区3号楼2单元301", "1938-05-01", "2019年3月4日"],
        ["王奶奶", "锦华一区3号楼2单元302", "1938-05-01", "2021/6/1 09:30"],
        ["王爷爷", "锦华一区3号楼2单元302", "1936-02-29", "2020-11-02"],  # the earlier counts
        ["赵爷爷", "东旭小区5-2-301", "1938-05-01", ""],
    ]
    plan, result = run_import(database, write_xlsx(tmp_path / "a.xlsx", rows,
                                                   header=REGISTERED_HEADER))
    assert RosterField.REGISTERED_ON in plan.mapping.values()
    assert (result.created, result.rejected) == (4, ())

    def registered() -> dict[str, date | None]:
        with database.session() as session:
            return {r.head: get_household(session, r.id, TODAY).registered_on
                    for r in list_households(session, HouseholdFilter(), today=TODAY)}

    assert registered() == {"李大爷": date(2019, 3, 4), "王奶奶": date(2020, 11, 2),
                            "赵爷爷": TODAY}
    corrected: list[list[object]] = [["李大爷", "锦华一区3号楼2单元301", "", "2019-03-05"],
                 ["赵爷爷", "东旭小区5-2-301", "", ""]]
    plan, result = run_import(database, write_xlsx(tmp_path / "b.xlsx", corrected,
                                                   header=REGISTERED_HEADER))
    assert [r.action for r in plan.rows] == [RowAction.UPDATE, RowAction.UNCHANGED]
    assert registered()["李大爷"] == date(2019, 3, 5)
    assert registered()["赵爷爷"] == TODAY  # an empty cell clears nothing


def test_a_registration_day_after_today_is_rejected(database: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["李大爷", "锦华一区3号楼2单元301", "1938-05-01", "2026-11-27"],
        ["王奶奶", "锦华一区3号楼2单元302", "1938-05-01", "2026年13月1日"],
        ["赵爷爷", "东旭小区5-2-301", "1938-05-01", "2026-11-26"],
    ]
    _, result = run_import(database, write_xlsx(tmp_path / "a.xlsx", rows,
                                                header=REGISTERED_HEADER))
    assert result.created == 1
    problems = {r.row_number: " ".join(r.problems) for r in result.rejected}
    assert sorted(problems) == [4, 5]
    assert "登记日期" in problems[4] and "晚于今天" in problems[4]
    assert problems[5].startswith("登记日期：")


NOTES_HEADER = ["姓名", "住址", "与户主关系", "备注"]


def test_notes_from_the_sheet_never_take_a_household_past_the_notes_limit(
    database: Database, tmp_path: Path
) -> None:
    address = "锦华一区3号楼2单元301"
    first: list[list[object]] = [["李大爷", address, "户主", "甲" * 600],
                                 ["李奶奶", address, "配偶", "乙" * 600]]
    _, result = run_import(database, write_xlsx(tmp_path / "a.xlsx", first,
                                                header=NOTES_HEADER))
    assert (result.created, [r.row_number for r in result.rejected]) == (1, [5])
    assert "超过 1000 个字" in result.rejected[0].problems[0]
    assert "已有 600 个字" in result.rejected[0].problems[0]
    more: list[list[object]] = [["李大爷", address, "户主", "丙" * 390],
                                ["李奶奶", address, "配偶", "丁" * 20]]
    _, result = run_import(database, write_xlsx(tmp_path / "b.xlsx", more,
                                                header=NOTES_HEADER))
    assert (result.updated, [r.row_number for r in result.rejected]) == (1, [5])
    assert "已有 991 个字" in result.rejected[0].problems[0]
    with database.session() as session:
        (household,) = list_households(session, HouseholdFilter(), today=TODAY)
        notes = get_household(session, household.id, TODAY).notes
        members = {r.name for r in get_household(session, household.id, TODAY).residents}
    assert notes == "甲" * 600 + "；" + "丙" * 390
    assert members == {"李大爷"}
