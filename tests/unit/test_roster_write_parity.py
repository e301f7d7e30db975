"""A roster import on SQLite writes its new households in statements of many rows, with the
audit notes built from the values inserted: the ledger it leaves (every row of every table,
the search index, the audit entries with their chain) is the one the same import leaves
when every table goes through ``session.execute`` and the audit hook reads the statements
(the path of earlier versions, still the one of PostgreSQL)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from stationapp.domain.accounts import Role
from stationapp.domain.clock import FixedClock
from stationapp.domain.errors import PermissionDeniedError
from stationapp.domain.models import Household
from stationapp.services import roster_writing
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import apply_plan, plan_import
from stationapp.workflows.opening import open_database
from tests.unit.test_roster_import import write_xlsx

INSTANT = datetime(2026, 11, 26, 9, 30, 15)

HEADER = ["序号", "姓名", "性别", "身份证号码", "出生日期", "联系电话", "住址", "与户主关系",
          "类别", "等级", "行动情况", "备注", "家庭电话", "登记日期"]
ROWS: list[list[object]] = [
    [1, "李大爷", "男", "37050219380501001x", "", "13865461234", "锦华一区3号楼2单元301",
     "户主", "独居", "重点", "拄拐", "子女在外地", "", "2020-03-01"],
    [2, "王奶奶", "女", "", "1938年5月1日", "０５４６－８１２３４５６", "锦华一区3号楼2单元302",
     "户主", "空巢、高龄、低保", "", "", "", "0546-8123456", ""],
    [3, "王爷爷", "男", "", "1936/2/29", "", "锦华一区3号楼2单元302", "配偶", "", "关注",
     "卧床", "老伴照顾", "", ""],
    [4, "赵爷爷", "男", "", 14001, "", "东旭小区5-2-301", "", "孤寡", "", "", "", "", ""],
    [5, "单秀英", "女", "370502194001011222", "1940-01-01", "13912345678",
     "晖苑小区10号楼1单元1101", "户主", "空巢、行动不便", "一般", "", "", "", ""],
    [6, "欧阳明德", "男", "", "1935-12-31", "", "晖苑小区10号楼1单元1101", "配偶", "",
     "", "", "", "", ""],
    [7, "", "女", "", "", "", "东旭小区5-2-302", "户主", "", "", "", "", "", ""],
    [8, "曾国庆", "男", "37050219380501001X", "", "", "东利小区1号楼1单元101", "户主", "",
     "", "", "", "", ""],
]
"""Members, categories, tiers, notes, phones, 登记日期, an ID number given twice (row 8 is
refused) and a row without a name (refused)."""

PASSWORD = "长期有效的密码1"
ADMIN = SignedIn("书记", Role.ADMIN)

SKIPPED_TABLES = frozenset({
    "household_change",  # a random mark (compared on its own below)
    "household_fts_data", "household_fts_idx",  # FTS5's segments: how the terms are packed
})


def _import(url: str, roster: Path, actor: str = "clerk") -> Database:
    database = open_database(url, FixedClock(INSTANT))
    table = read_roster_file(roster)
    with database.session() as session:
        plan = plan_import(session, table, None, INSTANT.date())
        apply_plan(session, plan, actor, INSTANT.date())
        session.commit()
    return database


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, each value with its SQLite storage class."""
    with sqlite3.connect(path) as connection:
        names = [n for (n,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            if name in SKIPPED_TABLES or name.startswith("sqlite_"):
                continue
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info('{name}')")]
            picked = ", ".join(f"{c}, typeof({c})" for c in columns) if columns else "*"
            found[name] = sorted(connection.execute(f"SELECT {picked} FROM {name}"),
                                 key=repr)
        found["household_fts search"] = sorted(connection.execute(
            "SELECT rowid, search_text FROM household_fts WHERE household_fts MATCH 'wang'"))
    return found


def _mark(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT mark FROM household_change").fetchone()[0])


def test_bulk_rows_and_audit_entries_are_those_of_the_session_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = write_xlsx(tmp_path / "名册.xlsx", ROWS, header=HEADER)
    ledgers: dict[bool, Path] = {}
    for direct in (False, True):
        monkeypatch.setattr(roster_writing, "_DIRECT", direct)
        path = tmp_path / f"direct-{direct}.sqlite3"
        open_database(f"sqlite:///{path}", FixedClock(INSTANT)).dispose()
        mark = _mark(path)
        _import(f"sqlite:///{path}", roster).dispose()
        assert _mark(path) != mark  # the change trigger ran
        ledgers[direct] = path
    before, after = _tables(ledgers[False]), _tables(ledgers[True])
    assert before.keys() == after.keys()
    for name in before:
        assert after[name] == before[name], name
    assert len(after["household"]) == 4 and len(after["resident"]) == 6
    assert len(after["audit_entry"]) == 3 + 4  # communities, then households
    assert after["household_fts search"]


def test_the_search_index_holds_every_new_household_text(tmp_path: Path) -> None:
    roster = write_xlsx(tmp_path / "名册.xlsx", ROWS, header=HEADER)
    path = tmp_path / "station.sqlite3"
    _import(f"sqlite:///{path}", roster).dispose()
    with sqlite3.connect(path) as connection:
        indexed = connection.execute(
            "SELECT rowid, search_text FROM household_fts ORDER BY rowid").fetchall()
        stored = connection.execute(
            "SELECT id, search_text FROM household ORDER BY id").fetchall()
        found = connection.execute("SELECT rowid FROM household_fts "
                                   "WHERE household_fts MATCH 'shanxiuying'").fetchall()
    assert indexed == stored and len(stored) == 4
    assert len(found) == 1


def test_many_households_go_in_few_statements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each statement of an import's own SQL carries as many rows as SQLite allows, up to
    ``ROWS_PER_STATEMENT``."""
    rows: list[list[object]] = [
        [k + 1, f"张{'秀英桂兰玉兰凤英建国志强'[k % 12]}", "女", "", "", "",
         f"锦华一区{k + 1}号楼1单元101", "户主", "独居", "", "", "", "", ""]
        for k in range(150)]
    roster = write_xlsx(tmp_path / "名册.xlsx", rows, header=HEADER)
    monkeypatch.setattr(roster_writing, "_variable_limit", lambda _connection: 999)
    monkeypatch.setattr(roster_writing, "ROWS_PER_STATEMENT", 20)
    path = tmp_path / "station.sqlite3"
    database = open_database(f"sqlite:///{path}", FixedClock(INSTANT))
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO household "):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        table = read_roster_file(roster)
        with database.session() as session:
            plan = plan_import(session, table, None, INSTANT.date())
            apply_plan(session, plan, "clerk", INSTANT.date())
            session.commit()
    finally:
        database.dispose()
    columns = statements[0].split("(", 1)[1].split(")", 1)[0].count(",") + 1
    assert 999 // columns > 20
    assert len(statements) == -(-150 // 20)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM household").fetchone() == (150,)


def test_a_viewer_cannot_import_through_the_bulk_statements(tmp_path: Path) -> None:
    """The edit gate is asked before the import's own statements (the community is known,
    so nothing goes through the ORM first)."""
    rows = [row for row in ROWS if str(row[6]).startswith("锦华一区")]
    roster = write_xlsx(tmp_path / "名册.xlsx", rows, header=HEADER)
    database = open_database(f"sqlite:///{tmp_path / 'station.sqlite3'}",
                             FixedClock(INSTANT))
    try:
        with database.session() as session:
            add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
            add_account(session, "老张", Role.VIEWER, PASSWORD, by=ADMIN)
        with database.session(actor="书记") as session:
            create_household(session, HouseholdInput(
                community="锦华一区", building="1", unit="1", room="101",
                residents=(ResidentInput(name="李大爷", is_head=True),)),
                actor="书记", today=INSTANT.date())
        table = read_roster_file(roster)
        with pytest.raises(PermissionDeniedError), \
                database.session(actor="老张") as session:
            plan = plan_import(session, table, None, INSTANT.date())
            apply_plan(session, plan, "老张", INSTANT.date())
        with database.session() as session:
            assert session.scalar(select(func.count(Household.id))) == 1
    finally:
        database.dispose()
