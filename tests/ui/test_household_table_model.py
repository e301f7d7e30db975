"""The household table model: lazy rows, SQL sorting and filtering, Qt model contract."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.modeltest import ModelTester
from sqlalchemy.orm import Session

from stationapp.domain.vocab import CareCategory, HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_households
from stationapp.services.households import assign_liaison
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.ui.household_table_model import (
    COLUMN_COUNT,
    HOUSEHOLD_ID_ROLE,
    CareColumn,
    Column,
    HouseholdTableModel,
)
from stationapp.workflows.visits import record_visit

pytestmark = pytest.mark.usefixtures("qapp")


def _column(model: HouseholdTableModel, column: Column) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(
    qtmodeltester: ModelTester, ledger: Database
) -> None:
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    model.set_filter(HouseholdFilter(search="ldy"))
    model.sort(Column.HEAD, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_show_address_head_age_categories_tier_status(ledger: Database) -> None:
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.set_filter(HouseholdFilter(search="李大爷"))
    assert model.rowCount() == 1
    values = [model.index(0, column).data() for column in Column]
    address, head, age, phone, categories, tier, status = values
    assert address == "晖苑小区3号楼1单元301室"
    assert head == "李大爷"
    assert int(age) >= 80
    assert "1234" in phone.replace(" ", "")
    assert categories == "高龄、独居"
    assert tier == "重点"
    assert status == HouseholdStatus.ACTIVE.label
    household_id = model.index(0, Column.HEAD).data(HOUSEHOLD_ID_ROLE)
    assert household_id == model.household_id(0)
    assert model.row_of(household_id) == 0
    assert model.headerData(Column.ADDRESS, Qt.Orientation.Horizontal) == "Address"


def test_rows_are_fetched_lazily_in_blocks(ledger: Database) -> None:
    opened = 0

    def counting_session() -> AbstractContextManager[Session]:
        nonlocal opened
        opened += 1
        return ledger.session()

    model = HouseholdTableModel(counting_session, ledger.clock, block_size=2, cached_blocks=1)
    model.refresh()
    assert opened == 1  # ids only
    model.index(0, 0).data()
    model.index(1, 0).data()
    assert opened == 2  # one block for rows 0 and 1
    model.index(3, 0).data()
    assert opened == 3
    model.index(0, 0).data()
    assert opened == 4  # the first block was evicted from the one-block cache


def test_every_role_of_a_cell_at_once_is_what_each_role_alone_gives(
        ledger: Database) -> None:
    """multiData (what a view's delegate asks) answers each role as data() does, also the
    roles the model leaves empty and the cells of rows or columns it does not have."""
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    roles = [*range(int(Qt.ItemDataRole.UserRole) + 1), HOUSEHOLD_ID_ROLE]
    cells = [model.index(row, column) for row in range(model.rowCount())
             for column in range(COLUMN_COUNT)]
    for index in [*cells, QModelIndex()]:
        for role in roles:
            asked = QModelRoleData(role)
            asked.setData("stale")  # what a reused buffer may hold: always overwritten
            model.multiData(index, asked)
            assert asked.data() == model.data(index, role), (index.row(), index.column(),
                                                             role)


def test_sort_orders_in_sql_and_ignores_the_categories_column(ledger: Database) -> None:
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    model.sort(Column.AGE, Qt.SortOrder.AscendingOrder)
    ages = [int(a) for a in _column(model, Column.AGE)]
    assert ages == sorted(ages)
    model.sort(Column.AGE, Qt.SortOrder.DescendingOrder)
    assert [int(a) for a in _column(model, Column.AGE)] == sorted(ages, reverse=True)
    before = _column(model, Column.HEAD)
    model.sort(Column.CATEGORIES, Qt.SortOrder.AscendingOrder)
    assert _column(model, Column.HEAD) == before
    assert model.sort_column is Column.AGE


def test_filter_by_category_includes_derived_elderly(ledger: Database) -> None:
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.set_filter(HouseholdFilter(category=CareCategory.ELDERLY))
    assert sorted(_column(model, Column.HEAD)) == sorted(["李大爷", "冯阿姨"])


def test_out_of_range_and_invalid_indexes_give_nothing(ledger: Database) -> None:
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    assert model.data(QModelIndex()) is None
    assert model.household_id(99) is None
    assert model.row_data(-1) is None
    assert model.rowCount(model.index(0, 0)) == 0


# ------------------------------------------------------------------ liaison and next visit


def _with_liaison_and_visits(ledger: Database, today: date) -> tuple[int, dict[str, int]]:
    """王芳 is liaison of 李大爷; 李大爷 (重点) was visited 10 days ago: 3 days overdue;
    单秀英 (关注) 5 days ago: due in 25 days. Returns 王芳's id and household ids by head."""
    with ledger.session() as session:
        ids = {row.head: row.id
               for row in list_households(session, HouseholdFilter(), today=today)}
        staff = create_volunteer(session, VolunteerInput(name="王芳", is_staff=True), "test",
                                 today=today)
        assign_liaison(session, [ids["李大爷"]], staff, "test")
        record_visit(session, VisitInput(ids["李大爷"], today - timedelta(days=10)), "test",
                     today=today)
        record_visit(session, VisitInput(ids["单秀英"], today - timedelta(days=5)), "test",
                     today=today)
    return staff, ids


def test_liaison_and_next_visit_columns(ledger: Database, today: date) -> None:
    _staff, ids = _with_liaison_and_visits(ledger, today)
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    assert model.columnCount() == COLUMN_COUNT == len(Column) + 2
    assert model.headerData(CareColumn.LIAISON, Qt.Orientation.Horizontal) == "Liaison"
    assert model.headerData(CareColumn.NEXT_VISIT, Qt.Orientation.Horizontal) == "Next visit"
    li = model.row_of(ids["李大爷"])
    shan = model.row_of(ids["单秀英"])
    assert li is not None and shan is not None
    assert model.index(li, CareColumn.LIAISON).data() == "王芳"
    assert model.index(shan, CareColumn.LIAISON).data() == ""
    overdue = model.index(li, CareColumn.NEXT_VISIT)
    assert overdue.data() == (today - timedelta(days=3)).isoformat()
    red = overdue.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color() == QColor("#b3261e")
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == "Visit overdue by 3 day(s)"
    later = model.index(shan, CareColumn.NEXT_VISIT)
    assert later.data() == (today + timedelta(days=25)).isoformat()
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    assert later.data(Qt.ItemDataRole.ToolTipRole) is None


def test_sort_by_next_visit_and_filter_by_liaison(
    qtmodeltester: ModelTester, ledger: Database, today: date
) -> None:
    staff, ids = _with_liaison_and_visits(ledger, today)
    model = HouseholdTableModel(ledger.session, ledger.clock)
    model.refresh()
    model.sort(CareColumn.NEXT_VISIT, Qt.SortOrder.AscendingOrder)
    assert model.sort_column is CareColumn.NEXT_VISIT
    dues = _column(model, CareColumn.NEXT_VISIT)
    assert dues == sorted(dues)
    assert model.household_id(0) == ids["李大爷"]  # the overdue one first
    model.sort(CareColumn.NEXT_VISIT, Qt.SortOrder.DescendingOrder)
    assert model.household_id(0) == ids["单秀英"]
    model.sort(CareColumn.LIAISON, Qt.SortOrder.AscendingOrder)  # not sortable: ignored
    assert model.sort_column is CareColumn.NEXT_VISIT
    model.set_filter(HouseholdFilter(liaison_id=staff))
    assert _column(model, Column.HEAD) == ["李大爷"]
    qtmodeltester.check(model)
    model.set_filter(HouseholdFilter(without_liaison=True))
    assert sorted(_column(model, Column.HEAD)) == sorted(["单秀英", "张桂兰", "冯阿姨"])
    qtmodeltester.check(model)
