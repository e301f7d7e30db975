"""Property-based fuzzing of roster cells: whatever the cells hold, the import neither
crashes nor writes part of a row, and a second import of the same file changes nothing."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stationapp.domain.clock import FixedClock
from stationapp.domain.errors import ImportFileError
from stationapp.domain.models import Resident
from stationapp.services.roster_files import RosterTable
from stationapp.services.roster_import import RowAction, apply_plan, plan_import
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
HEADER = ("姓名", "性别", "身份证号", "出生日期", "电话", "住址", "类别", "等级", "登记日期")
CLOCK = FixedClock(datetime.combine(TODAY, time(10, 0)))

names = st.sampled_from(["李大爷", "王奶奶", "赵爷爷", "", " ", "李 大爷", "Ｌｉ"])
cells = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10, 3_000_000),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(),
    st.sampled_from(["男", "女", "x", "37050219380501001x", "11010519491231002X",
                     "1938/5/1", "1938年5月1日", "19380501", "13865461234", "0546-8123456",
                     "锦华一区3号楼2单元301", "东旭小区5-2-301", "3号楼", "独居、高龄",
                     "火星人", "重点", "一般", "１２３"]),
)
rows = st.lists(st.tuples(names, cells, cells, cells, cells, cells, cells, cells, cells),
                max_size=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_any_cells_import_cleanly_or_are_rejected(data: list[tuple[object, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/fuzz.sqlite3", CLOCK)
        try:
            table = RosterTable(path=Path(folder, "fuzz.xlsx"), sheet="fuzz", sheets=("fuzz",),
                                rows=(HEADER, *data))
            try:
                with database.session() as session:
                    plan = plan_import(session, table, None, TODAY)
                    apply_plan(session, plan, "fuzz", TODAY)
            except ImportFileError:
                return
            with database.session() as session:
                residents = session.scalar(select(func.count()).select_from(Resident))
            assert residents == plan.count(RowAction.CREATE)
            assert all(r.problems for r in plan.rejected)
            with database.session() as session:
                again = plan_import(session, table, None, TODAY)
            created = {r.row_number for r in plan.rows if r.action is RowAction.CREATE}
            assert {r.row_number for r in again.rows
                    if r.action is RowAction.UNCHANGED} == created
        finally:
            database.dispose()
