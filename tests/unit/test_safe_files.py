"""Files written for the clerk are safe (issue 11, defects 7, 9, 12).

* Atomic: exports, the rejected-rows report and backups appear only once complete; an
  error or a full disk in the middle leaves the folder as it was (an older file of the
  same name intact, no ``*.partial`` or temporary file behind).
* No live formulas: text beginning with ``=``, ``+``, ``-``, ``@``, tab or CR is a text cell
  in .xlsx and carries a leading apostrophe in .csv; the program's own exports import back
  unchanged.
* UTF-16 CSV (Excel's "Unicode 文本") imports, with or without the byte-order mark, tab-
  or comma-separated; UTF-8 and GB18030 still do.
"""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from stationapp.domain.clock import Clock
from stationapp.domain.errors import BackupError, ImportFileError
from stationapp.files import atomic_write
from stationapp.services import backup as backup_service
from stationapp.services import exports
from stationapp.services.backup import list_backups, make_backup
from stationapp.services.database import Database
from stationapp.services.exports import ExportTable, households_table, write_table
from stationapp.services.files import guard_csv_text, unguard_csv_text
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import RowAction, RowResult, apply_plan, plan_import
from stationapp.services.roster_report import write_rejected_rows
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
NOON = datetime(2026, 11, 26, 12, 0, 0)

FORMULAS = (
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-2",
    "@SUM(A1)",
    "\tx",
    "\rx",
)
"""Text a spreadsheet would run as a formula (OWASP CSV injection)."""


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# ---------------------------------------------------------------- atomic_write


def test_atomic_write_replaces_the_target_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "名册.csv"
    target.write_bytes(b"old")
    with atomic_write(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".")
        temporary.write_bytes(b"new")
        assert target.read_bytes() == b"old"
    assert folder_state(tmp_path) == {"名册.csv": b"new"}
    assert (target.stat().st_mode & 0o077) == 0  # readable by the desk's user only


@pytest.mark.parametrize("error", [disk_full(), ValueError("bug"), KeyboardInterrupt()])
def test_atomic_write_leaves_nothing_behind_on_failure(
    tmp_path: Path, error: BaseException
) -> None:
    existing = tmp_path / "old.xlsx"
    existing.write_bytes(b"old")
    with pytest.raises(type(error)), atomic_write(existing) as temporary:
        temporary.write_bytes(b"half")
        raise error
    with pytest.raises(OSError), atomic_write(tmp_path / "new.xlsx") as temporary:
        temporary.write_bytes(b"half")
        raise disk_full()
    assert folder_state(tmp_path) == {"old.xlsx": b"old"}


# ---------------------------------------------------------------- exports, report, backup


def small_table() -> ExportTable:
    return ExportTable("表", ("姓名", "备注"), [("李大爷", "耳背"), ("王奶奶", "拄拐")])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_failed_export_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    target = tmp_path / f"花名册{suffix}"
    target.write_bytes(b"the export of yesterday")

    if suffix == ".xlsx":
        real_writestr = zipfile.ZipFile.writestr
        parts = iter(range(4))

        def part_then_disk_full(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
            if next(parts, None) is None:
                raise disk_full()
            real_writestr(self, *args, **kwargs)

        monkeypatch.setattr(zipfile.ZipFile, "writestr", part_then_disk_full)
    else:
        real_cell = exports._csv_cell
        calls = iter(range(3))

        def cell_then_disk_full(value: exports.Cell) -> str:
            if next(calls, None) is None:
                raise disk_full()
            return real_cell(value)

        monkeypatch.setattr(exports, "_csv_cell", cell_then_disk_full)
    with pytest.raises(OSError) as caught:
        write_table(small_table(), target)
    assert caught.value.errno == errno.ENOSPC
    assert folder_state(tmp_path) == {target.name: b"the export of yesterday"}


def test_a_failed_rejected_rows_report_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "未导入.xlsx"
    target.write_bytes(b"the report of yesterday")

    def half_then_disk_full(self: Workbook, path: str | Path) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half a file")
        raise disk_full()

    monkeypatch.setattr(Workbook, "save", half_then_disk_full)
    with pytest.raises(OSError):
        write_rejected_rows([], ["姓名"], target, "名册.xlsx")
    assert folder_state(tmp_path) == {target.name: b"the report of yesterday"}


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A SQLite ledger with one household."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="李大爷"),)), "测试员", TODAY)
    yield database
    database.dispose()


@pytest.mark.parametrize("failure", ["disk full", "sqlite full", "interrupted"])
def test_a_failed_backup_leaves_no_partial_file(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    folder = tmp_path / "backups"
    first = make_backup(ledger, folder, now=NOON)
    before = folder_state(folder)

    def copy_then_fail(source: Path, target: Path, standalone: bool = False) -> None:
        target.write_bytes(b"SQLite format 3\x00 half a database")
        target.with_name(target.name + "-journal").write_bytes(b"journal")
        if failure == "disk full":
            raise disk_full()
        if failure == "sqlite full":
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        raise KeyboardInterrupt

    monkeypatch.setattr(backup_service, "_copy", copy_then_fail)
    later = datetime(2026, 11, 27, 12, 0, 0)
    if failure == "interrupted":
        with pytest.raises(KeyboardInterrupt):
            make_backup(ledger, folder, now=later)
    else:
        with pytest.raises(BackupError) as caught:
            make_backup(ledger, folder, now=later)
        assert "磁盘已满" in str(caught.value)
    assert folder_state(folder) == before
    assert [b.path for b in list_backups(folder)] == [first.path]


# ---------------------------------------------------------------- formulas


def formula_table() -> ExportTable:
    rows: list[tuple[exports.Cell, ...]] = [(text, text, -2, 1.5) for text in FORMULAS]
    return ExportTable("表", ("备注", "电话", "数量", "时长"), rows,
                       text_columns=frozenset({1}))


def test_formula_like_text_is_a_text_cell_in_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "导出.xlsx"
    write_table(formula_table(), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    texts = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert texts[:5] == list(FORMULAS[:5])
    assert all(row[0].data_type == "s" and row[1].data_type == "s"
               for row in sheet.iter_rows(min_row=2))
    # Numbers stay numbers: a negative quantity is not guarded.
    assert [row[2].value for row in sheet.iter_rows(min_row=2)] == [-2] * len(FORMULAS)


def test_formula_like_text_is_guarded_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "导出.csv"
    write_table(formula_table(), path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert [row[0] for row in rows] == ["'" + text for text in FORMULAS]
    assert [row[1] for row in rows] == ["'" + text for text in FORMULAS]
    assert {row[2] for row in rows} == {"-2"} and {row[3] for row in rows} == {"1.5"}


def test_the_rejected_rows_report_has_no_formula(tmp_path: Path) -> None:
    rows = [RowResult(row_number=3, action=RowAction.REJECT, problems=("姓名不能为空",),
                      values=(text, "13865461234")) for text in FORMULAS]
    path = tmp_path / "未导入.xlsx"
    write_rejected_rows(rows, ["备注", "电话"], path, "=HYPERLINK(1).xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert [row[2].value for row in sheet.iter_rows(min_row=3)][:5] == list(FORMULAS[:5])


@pytest.mark.parametrize("text", [*FORMULAS, "'=已经有引号", "''+1", "'普通", "''", "'", ""])
def test_the_csv_guard_is_undone_exactly(text: str) -> None:
    assert unguard_csv_text(guard_csv_text(text)) == text
    assert guard_csv_text("李大爷") == "李大爷" and guard_csv_text("0546-8123456") == "0546-8123456"


def import_file(database: Database, path: Path) -> list[RowAction]:
    with database.session() as session:
        plan = plan_import(session, read_roster_file(path), None, TODAY)
        apply_plan(session, plan, "测试员", TODAY)
        return [r.action for r in plan.rows]


def roster_rows(database: Database) -> list[tuple[object, ...]]:
    with database.session() as session:
        return [row[:16] for row in households_table(session, HouseholdFilter(), TODAY).rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_with_formula_like_notes_imports_back_unchanged(
    database: Database, tmp_path: Path, suffix: str, clock: Clock
) -> None:
    notes = [*FORMULAS[:5], "'=已经有引号"]
    with database.session() as session:
        for room, note in enumerate(notes, start=101):
            create_household(session, HouseholdInput(
                community="锦华一区", building="3", unit="2", room=str(room), notes=note,
                residents=(ResidentInput(name=f"住户{room}", mobility_notes=note[:10]),),
            ), "测试员", TODAY)
    path = tmp_path / f"花名册{suffix}"
    with database.session() as session:
        assert write_table(households_table(session, HouseholdFilter(), TODAY), path) == 6
    assert set(import_file(database, path)) == {RowAction.UNCHANGED}

    empty = open_database(f"sqlite:///{tmp_path}/empty.sqlite3", clock)
    try:
        assert set(import_file(empty, path)) == {RowAction.CREATE}
        assert roster_rows(empty) == roster_rows(database)
        assert sorted(str(row[14]) for row in roster_rows(empty)) == sorted(notes)
    finally:
        empty.dispose()


# ---------------------------------------------------------------- UTF-16 CSV

HEADER = ["小区", "楼号", "单元", "室号", "姓名", "联系电话", "备注"]
ROW = ["锦华一区", "3", "2", "402", "李大爷", "13865461234", "一楼，敲门要用力"]


def encoded(separator: str, encoding: str, bom: bytes = b"") -> bytes:
    text = "\r\n".join(separator.join(row) for row in (HEADER, ROW)) + "\r\n"
    return bom + text.encode(encoding)


@pytest.mark.parametrize(("data", "what"), [
    (encoded("\t", "utf-16-le", b"\xff\xfe"), "Excel Unicode text: UTF-16LE, BOM, tabs"),
    (encoded(",", "utf-16-le", b"\xff\xfe"), "UTF-16LE, BOM, commas"),
    (encoded("\t", "utf-16-be", b"\xfe\xff"), "UTF-16BE, BOM, tabs"),
    (encoded(",", "utf-16-be", b"\xfe\xff"), "UTF-16BE, BOM, commas"),
    (encoded("\t", "utf-16-le"), "UTF-16LE without BOM, tabs"),
    (encoded(",", "utf-16-le"), "UTF-16LE without BOM, commas"),
    (encoded("\t", "utf-16-be"), "UTF-16BE without BOM, tabs"),
    (encoded(",", "utf-16-be"), "UTF-16BE without BOM, commas"),
    (encoded(",", "utf-8"), "UTF-8"),
    (encoded(",", "utf-8", b"\xef\xbb\xbf"), "UTF-8 with BOM"),
    (encoded("\t", "utf-8", b"\xef\xbb\xbf"), "UTF-8 with BOM, tabs"),
    (encoded(",", "gb18030"), "GB18030 / GBK"),
])
def test_csv_encodings_are_read(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(data)
    table = read_roster_file(path)
    assert [list(row) for row in table.rows] == [HEADER, ROW], what


def test_a_utf16_roster_imports(ledger: Database, tmp_path: Path) -> None:
    path = tmp_path / "名册.txt"
    path.write_bytes(encoded("\t", "utf-16-le", b"\xff\xfe"))
    assert import_file(ledger, path) == [RowAction.CREATE]


@pytest.mark.parametrize("data", [
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 8,
    b"\xff\xfe" + "姓名\t电话\r\n".encode("utf-16-le") + b"\x00\x00\x00\x00",
])
def test_a_binary_file_is_still_not_a_csv(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match="不是文本表格"):
        read_roster_file(path)
