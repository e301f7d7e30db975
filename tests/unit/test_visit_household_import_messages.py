"""Visits, households and roster imports report problems as message codes: Chinese by
default, English on an English desk; and the split services stay small and free of
function-level imports."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from stationapp import messages
from stationapp.domain.errors import ImportFileError, NotFoundError, ValidationError
from stationapp.messages import Message
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.household_validation import validate_household
from stationapp.services.households import create_household
from stationapp.services.roster_files import RosterTable, read_roster_file
from stationapp.services.roster_import import RowAction, plan_import
from stationapp.services.visit_reminders import complete_reminder
from stationapp.services.visit_schedule import household_schedule

TODAY = date(2026, 11, 26)
ROOT = Path(__file__).resolve().parents[2]
SPLIT_MODULES = (
    "visits", "visit_schedule", "visit_coverage", "visit_reminders", "households",
    "household_types", "household_queries", "household_validation", "roster_import",
    "roster_rows", "roster_matching", "roster_writing",
)


@pytest.fixture
def language() -> Iterator[None]:
    """Restore the desk's language after a test that changes it."""
    before = messages.current_language()
    yield
    messages.set_language(before)


def _roster(path: Path, rows: list[list[object]]) -> RosterTable:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "性别", "出生日期", "住址", "关爱等级"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return read_roster_file(path, None)


def test_household_problems_are_codes_in_the_desks_language(language: None) -> None:
    data = HouseholdInput(community="", building="3", room="301",
                          residents=(ResidentInput(name="李大爷", birth_date=date(2030, 1, 1)),))
    with pytest.raises(ValidationError) as caught:
        validate_household(data, TODAY)
    codes = [(p.field, p.code) for p in caught.value.problems]
    assert codes == [("community", "household.community_missing"),
                     ("residents[0].birth_date", "household.birth_date_future")]
    assert [p.message for p in caught.value.problems] == ["请填写小区", "出生日期不能晚于今天"]
    messages.set_language("en")
    assert [p.message for p in caught.value.problems] == [
        "Please fill in the community.", "The birth date cannot be after today."]


def test_unknown_households_and_reminders_are_not_found_in_english(
    database: Database, language: None
) -> None:
    messages.set_language("en")
    with database.session() as session:
        with pytest.raises(NotFoundError) as household:
            get_household(session, 4711, TODAY)
        with pytest.raises(NotFoundError) as schedule:
            household_schedule(session, 4711, TODAY)
        with pytest.raises(NotFoundError) as reminder:
            complete_reminder(session, 4711, "clerk", now=datetime(2026, 11, 26, 9, 0))
    assert household.value.code == schedule.value.code == "household.not_found"
    assert str(household.value) == "There is no household number 4711."
    assert str(reminder.value) == "There is no reminder number 4711."


def test_an_id_number_taken_names_the_other_household(
    database: Database, language: None
) -> None:
    number = "37050219380501001X"
    with database.session() as session:
        first = create_household(session, HouseholdInput(
            community="锦华一区", building="3", room="301",
            residents=(ResidentInput(name="李大爷", id_number=number),)), "clerk", TODAY)
        with pytest.raises(ValidationError) as caught:
            create_household(session, HouseholdInput(
                community="锦华一区", building="3", room="302",
                residents=(ResidentInput(name="李某", id_number=number),)), "clerk", TODAY)
    problem = caught.value.problems[0]
    assert problem.message == f"这个身份证号已登记在编号 {first} 的住户"
    messages.set_language("en")
    assert problem.message == (
        f"This ID number is already registered in household number {first}.")


def test_rejected_rows_carry_reasons_as_messages(
    database: Database, tmp_path: Path, language: None
) -> None:
    table = _roster(tmp_path / "名册.xlsx", [
        ["李大爷", "男", "1938-02-30", "锦华一区3号楼2单元301", ""],
        ["王奶奶", "女", "", "锦华一区3号楼2单元302", "特级"],
        ["", "", "", "锦华一区3号楼2单元303", ""],
    ])
    with database.session() as session:
        chinese = plan_import(session, table, None, TODAY)
        messages.set_language("en")
        english = plan_import(session, table, None, TODAY)
    assert [r.action for r in chinese.rows] == [RowAction.REJECT] * 3
    assert [r.problems for r in chinese.rows] == [
        ("出生日期：“1938-02-30”不是一个存在的日期",),
        ("关爱等级：不认识“特级”（可用：重点、关注、一般）",),
        ("姓名：没有填写",),
    ]
    assert all(isinstance(reason, Message) for r in chinese.rows for reason in r.reasons)
    assert [r.problems for r in english.rows] == [
        ("Birth date: “1938-02-30” is not a date that exists",),
        ("Care tier: “特级” is not known (known: 重点、关注、一般)",),
        ("Name: not filled in",),
    ]


def test_a_file_without_a_roster_header_says_so_in_english(
    database: Database, tmp_path: Path, language: None
) -> None:
    path = tmp_path / "清单.csv"
    path.write_text("品名,数量\n春联,3\n", encoding="utf-8")
    messages.set_language("en")
    with database.session() as session, pytest.raises(ImportFileError) as caught:
        plan_import(session, read_roster_file(path, None), None, TODAY)
    assert caught.value.code == "import.not_a_roster"
    assert str(caught.value).startswith("This file does not look like a household roster")


@pytest.mark.parametrize("name", SPLIT_MODULES)
def test_split_services_are_small_and_import_at_the_top(name: str) -> None:
    """Each module does one job (well under the 800-line limit) and imports nothing of
    stationapp inside a function, where an import circle would hide."""
    path = ROOT / "stationapp" / "services" / f"{name}.py"
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) < 650, name
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom):
                    assert not (inner.module or "").startswith("stationapp"), (
                        f"{name}.{node.name} imports {inner.module} inside the function")
