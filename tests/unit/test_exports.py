"""Exports to .xlsx and .csv, and the round trip: an exported roster imports back
unchanged, into the same ledger and into an empty one."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from stationapp.domain.clock import Clock
from stationapp.domain.vocab import CareCategory, CareTier, Sex
from stationapp.services.database import Database
from stationapp.services.exports import (
    ROSTER_HEADERS,
    households_table,
    residents_table,
    write_table,
)
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import RowAction, apply_plan, plan_import
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
REGISTERED = date(2019, 3, 4)


def fill(database: Database) -> None:
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301", phone="0546-8123456",
            tier=CareTier.PRIORITY, notes="耳背，敲门要用力",
            categories=frozenset({CareCategory.LIVING_ALONE, CareCategory.MINIMUM_LIVING}),
            residents=(ResidentInput(name="李大爷", id_number="37050219380501001X",
                                     phone="13865461234", mobility_notes="拄拐"),),
            registered_on=REGISTERED,
        ), "测试员", TODAY)
        create_household(session, HouseholdInput(
            community="东旭小区", building="10", unit="1", room="502",
            residents=(ResidentInput(name="王奶奶", birth_date=date(1936, 2, 29),
                                     sex=Sex.FEMALE, is_head=True, relation="户主"),
                       ResidentInput(name="王爷爷", relation="配偶", sex=Sex.MALE)),
        ), "测试员", TODAY)


def roster_rows(database: Database) -> list[tuple[object, ...]]:
    """The columns the importer reads back (登记日期 the last of them)."""
    with database.session() as session:
        return [row[:16] for row in households_table(session, HouseholdFilter(), TODAY).rows]


def import_file(database: Database, path: Path, today: date = TODAY) -> list[RowAction]:
    with database.session() as session:
        plan = plan_import(session, read_roster_file(path), None, today)
        apply_plan(session, plan, "测试员", today)
        return [r.action for r in plan.rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_roster_imports_back_unchanged(
    database: Database, tmp_path: Path, suffix: str, clock: Clock
) -> None:
    fill(database)
    path = tmp_path / f"花名册{suffix}"
    with database.session() as session:
        assert write_table(households_table(session, HouseholdFilter(), TODAY, full_id=True),
                           path) == 3
    assert set(import_file(database, path)) == {RowAction.UNCHANGED}

    empty = open_database(f"sqlite:///{tmp_path}/empty.sqlite3", clock)
    try:
        # Imported on a later day, the households keep the registration days of the file.
        assert set(import_file(empty, path, TODAY + timedelta(days=30))) == {RowAction.CREATE}
        assert roster_rows(empty) == roster_rows(database)
        assert {row[15] for row in roster_rows(empty)} == {REGISTERED, TODAY}
    finally:
        empty.dispose()


def test_the_roster_keeps_id_numbers_and_phones_as_text(
    database: Database, tmp_path: Path
) -> None:
    fill(database)
    path = tmp_path / "花名册.xlsx"
    with database.session() as session:
        write_table(households_table(session, HouseholdFilter(), TODAY, full_id=True), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ROSTER_HEADERS
    li = next(r for r in rows if r[4] == "李大爷")
    assert li[7] == "37050219380501001X" and li[9] == "13865461234"
    assert sheet.cell(row=rows.index(li) + 1, column=8).number_format == "@"
    assert li[11] == "独居、低保" and li[12] == "重点" and li[13] == "拄拐"


def test_filters_narrow_the_export(database: Database, tmp_path: Path) -> None:
    fill(database)
    with database.session() as session:
        table = households_table(session, HouseholdFilter(community_name="东旭小区"), TODAY)
    assert [r[4] for r in table.rows] == ["王奶奶", "王爷爷"]
    assert table.rows[0][5] == "户主"


def test_residents_export_lists_every_member_with_status(
    database: Database, tmp_path: Path
) -> None:
    fill(database)
    path = tmp_path / "居民.csv"
    with database.session() as session:
        write_table(residents_table(session, HouseholdFilter(), TODAY), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][4] == "姓名" and len(rows) == 4
    # Address order: 东旭小区 sorts before 锦华一区.
    assert [r[4] for r in rows[1:]] == ["王奶奶", "王爷爷", "李大爷"]
    assert {r[11] for r in rows[1:]} == {"在住"}


def test_unknown_export_suffix_is_refused(database: Database, tmp_path: Path) -> None:
    with database.session() as session, pytest.raises(ValueError, match="xlsx"):
        write_table(households_table(session, HouseholdFilter(), TODAY), tmp_path / "a.pdf")
