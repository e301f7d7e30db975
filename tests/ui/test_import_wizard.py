"""The roster import wizard, driven through its real pages: file → columns → preview →
import, a file that is not a roster, Cancel during the import, and 'stop on first error'."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

import stationapp.ui.import_wizard as wizard_module
from stationapp.domain.roster_columns import RosterField
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, get_household, list_households
from stationapp.services.roster_import import ImportPlan, ImportResult, RowAction
from stationapp.services.roster_report import REPORT_SHEET
from stationapp.ui import workers
from stationapp.ui.import_wizard import ImportWizard
from stationapp.ui.notices import EVERYTHING, ChangeNotice
from stationapp.ui.operations import Operations

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

HEADER = ["序号", "姓 名", "性别", "身份证号码", "出生年月", "联系电话", "户籍地址", "与户主关系",
          "类别"]
"""户籍地址 is not a header the importer knows: the clerk maps it to 住址 by hand."""

ROWS: list[list[object]] = [
    [1, "王奶奶", "女", "", "1938年5月1日", "13865461234", "锦华一区3号楼2单元302", "户主", "空巢"],
    [2, "王爷爷", "男", "", "1936/2/29", "", "锦华一区3号楼2单元302", "配偶", ""],
    [3, "李大爷", "男", "", "", "13905469999", "晖苑小区3号楼1单元301", "户主", ""],
    [4, "张桂兰", "", "", "", "", "锦华一区2号楼1单元101", "", ""],
    [5, "赵爷爷", "男", "", "1938-13-45", "", "东旭小区5号楼2单元301", "户主", "孤寡"],
    [6, "钱奶奶", "女", "", "1940.3.8", "", "7号楼1单元202", "户主", "独居"],
]
"""Against the ledger of tests/ui/conftest.py: 王奶奶, 王爷爷 and 钱奶奶 (default community)
are new, 李大爷 gets a phone, 张桂兰 is unchanged, 赵爷爷's birth date does not exist."""

ADDRESS_COLUMN = 6


def write_roster(path: Path, rows: list[list[object]] = ROWS,
                 header: list[str] = HEADER) -> Path:
    """A roster as people make them: a merged title row, a blank row, then the table."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "高龄老人"
    sheet.append(["锦华社区高龄老人花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("说明").append(["本表由社区填报"])
    workbook.save(path)
    return path


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


def open_wizard(qtbot: QtBot, database: Database, path: Path | None = None,
                operations: Operations | None = None) -> ImportWizard:
    wizard = ImportWizard(operations or Operations(database, "测试员"), None, path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def button(wizard: ImportWizard, which: QWizard.WizardButton) -> QPushButton:
    found = wizard.button(which)
    assert isinstance(found, QPushButton)
    return found


def go_next(qtbot: QtBot, wizard: ImportWizard, expected_page: int) -> None:
    """Press Next and wait for the page (reading a file runs in the background)."""
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == expected_page)


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> ImportPlan:
    """From page 1 with a file of ROWS: map the address column, then wait for the plan."""
    go_next(qtbot, wizard, ImportWizard.COLUMNS_PAGE)
    wizard.columns_page.set_field(ADDRESS_COLUMN, RosterField.ADDRESS)
    with qtbot.waitSignal(wizard.planned) as planned:
        go_next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    plan = planned.args[0] if planned.args else None
    assert isinstance(plan, ImportPlan)
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete())
    return plan


def heads(database: Database) -> set[str]:
    with database.session() as session:
        return {row.head for row in list_households(session, HouseholdFilter(),
                                                    today=database.clock.today())}


def test_a_roster_with_a_title_row_is_mapped_previewed_and_imported(
    qtbot: QtBot, qtmodeltester: Any, ledger: Database, boxes: MessageBoxes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_roster(tmp_path / "jinhua.xlsx")  # typed: key clicks are ASCII only
    wizard = open_wizard(qtbot, ledger)
    page1 = wizard.file_page
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page1.path_edit, str(path))
    assert [page1.sheet_combo.itemText(i) for i in range(page1.sheet_combo.count())] == \
        ["高龄老人", "说明"]
    page1.community_combo.setEditText("东旭小区")

    # Columns: the header is found below the title rows, 户籍地址 is not mapped yet.
    go_next(qtbot, wizard, ImportWizard.COLUMNS_PAGE)
    page2 = wizard.columns_page
    assert page2.header_spin.value() == 3
    assert page2.sheet_model.header_row() == 2
    qtmodeltester.check(page2.sheet_model)
    mapping = page2.mapping()
    assert mapping[1] is RosterField.NAME and mapping[3] is RosterField.ID_NUMBER
    assert ADDRESS_COLUMN not in mapping
    assert "没有“住址”或“楼号”列" in page2.problems_label.text()
    assert not page2.problems_label.isHidden()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    # The clerk corrects it: 户籍地址 holds the address.
    combo = page2.combos[ADDRESS_COLUMN]
    combo.setCurrentIndex(combo.findText("住址"))
    assert page2.mapping()[ADDRESS_COLUMN] is RosterField.ADDRESS
    assert page2.problems_label.isHidden()
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    # Choosing a field twice is refused in words.
    page2.set_field(0, RosterField.NAME)
    assert "姓名" in page2.problems_label.text()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    page2.set_field(0, None)

    # Preview: every row with what it does and its problems.
    with qtbot.waitSignal(wizard.planned):
        go_next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete)
    assert preview.counts_label.text() == "3 new · 1 updated · 1 unchanged · 1 rejected"
    model = preview.model
    qtmodeltester.check(model)
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert shown == [("4", "新增"), ("5", "新增"), ("6", "更新"), ("7", "无变化"),
                     ("8", "不导入"), ("9", "新增")]
    rejected = model.row_result(4)
    assert rejected is not None and rejected.action is RowAction.REJECT
    assert "出生日期" in model.index(4, 2).data() and "1938-13-45" in model.index(4, 2).data()
    assert model.index(4, 3 + 1).data() == "赵爷爷"
    assert model.headerData(3 + ADDRESS_COLUMN, Qt.Orientation.Horizontal) == "户籍地址"
    assert model.index(4, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    # The reasons are long: choosing the row shows all of them in words below the table.
    preview.view.setCurrentIndex(model.index(4, 0))
    assert preview.row_problems_label.text().startswith("Row 8: ")
    assert "1938-13-45" in preview.row_problems_label.text()
    reasons_width = preview.view.columnWidth(2)
    assert reasons_width >= preview.view.fontMetrics().horizontalAdvance("中" * 24)
    preview.view.setCurrentIndex(model.index(0, 0))
    assert preview.row_problems_label.text() == ""
    qtbot.mouseClick(preview.only_rejected_check, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1 and model.index(0, 0).data() == "8"
    qtmodeltester.check(model)

    # Save the rejected rows for the person who keeps the sheet.
    report = tmp_path / "退回.xlsx"
    asked: list[str] = []

    def save_name(_parent: QWidget, _title: str, suggested: str, _filter: str) -> Any:
        asked.append(suggested)
        return str(report), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(f"jinhua-{REPORT_SHEET}.xlsx")
    sheet = load_workbook(report).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[2][0] == 8 and "1938-13-45" in str(values[2][1]) and "赵爷爷" in values[2]
    assert str(report) in preview.saved_label.text()

    # Import: nothing written until Finish; then the households are there.
    assert "王奶奶" not in heads(ledger)
    with qtbot.waitSignal(wizard.imported) as imported:
        qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    result = imported.args[0] if imported.args else None
    assert isinstance(result, ImportResult)
    assert (result.created, result.updated, result.unchanged, len(result.rejected)) == \
        (3, 1, 1, 1)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert boxes.information and "New people: 3" in boxes.information[-1]
    assert "Not imported: 1" in boxes.information[-1]
    assert {"王奶奶", "钱奶奶", "李大爷", "张桂兰"} <= heads(ledger)
    assert "赵爷爷" not in heads(ledger)
    today = ledger.clock.today()
    with ledger.session() as session:
        rows = {r.head: r for r in list_households(session, HouseholdFilter(), today=today)}
        qian = rows["钱奶奶"]
        assert (qian.community, qian.building, qian.unit, qian.room) == ("东旭小区", "7", "1",
                                                                         "202")
        li = get_household(session, rows["李大爷"].id, today=today)
        assert li.residents[0].phone == "13905469999"
        wang = get_household(session, rows["王奶奶"].id, today=today)
        assert [r.name for r in wang.residents] == ["王奶奶", "王爷爷"]


def test_a_file_that_is_not_a_roster_stays_on_page_one(
    qtbot: QtBot, ledger: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["商品", "数量", "单价"])
    sheet.append(["春联", 200, 3.5])
    sales = tmp_path / "物资.xlsx"
    workbook.save(sales)
    wizard = open_wizard(qtbot, ledger, sales)
    page1 = wizard.file_page
    assert page1.sheet_combo.currentText() == "Sheet"
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page1.error_label.isHidden())
    assert "does not look like a roster" in page1.error_label.text()
    assert wizard.currentId() == ImportWizard.FILE_PAGE
    assert wizard.table is None

    # A damaged workbook (also one named .xls) is refused with the service's plain
    # message, before Next can even be pressed.
    broken = tmp_path / "坏的.xlsx"
    broken.write_bytes(b"not a zip file at all")
    page1.set_path(broken)
    assert "无法读取这个表格文件" in page1.error_label.text()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    old = tmp_path / "旧表.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    page1.set_path(old)
    assert "无法读取这个表格文件" in page1.error_label.text()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    page1.set_path(tmp_path / "没有这个文件.xlsx")
    assert "There is no file" in page1.error_label.text()
    assert wizard.currentId() == ImportWizard.FILE_PAGE


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, database: Database, boxes: MessageBoxes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The import plans, then waits before writing until the clerk has pressed Cancel; the
    households are inserted, the service's progress callback returns False, ImportCancelled
    is raised and the transaction rolls back."""
    reached, release = threading.Event(), threading.Event()
    real_apply = wizard_module.apply_plan
    reported: list[bool] = []

    def gated_apply(session: Any, plan: Any, actor: str, today: Any,
                    progress: Callable[[int, int], bool]) -> Any:
        reached.set()
        release.wait(30)  # only a safety net should the test fail before releasing

        def recorded(done: int, total: int) -> bool:
            keep_going = progress(done, total)
            reported.append(keep_going)
            return keep_going

        return real_apply(session, plan, actor, today, recorded)

    monkeypatch.setattr(wizard_module, "apply_plan", gated_apply)
    wizard = open_wizard(qtbot, database, write_roster(tmp_path / "名册.xlsx"))
    wizard.file_page.community_combo.setEditText("东旭小区")
    to_preview(qtbot, wizard)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    progress = wizard.progress_dialog
    assert progress is not None and wizard.busy()
    qtbot.waitUntil(reached.is_set)
    cancel = progress.findChild(QPushButton)
    assert isinstance(cancel, QPushButton)
    cancel.click()
    assert "Stopping" in progress.labelText()
    release.set()
    qtbot.waitUntil(lambda: not wizard.busy())
    # The cancelled task's thread ends on its own; the window closes only after it has
    # (closing it under a thread still finishing crashed the interpreter once in CI).
    qtbot.waitUntil(lambda: not workers._ALIVE, timeout=30000)
    assert reported == [False]
    assert boxes.information == ["Import cancelled: The import was cancelled. Nothing was "
                                 "imported."]
    assert wizard.isVisible() and wizard.currentId() == ImportWizard.PREVIEW_PAGE
    assert wizard.import_result is None
    assert heads(database) == set()


def test_stop_on_first_error_imports_nothing_when_a_row_is_rejected(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, ledger, write_roster(tmp_path / "名册.xlsx"))
    to_preview(qtbot, wizard)
    before = heads(ledger)
    preview = wizard.preview_page
    assert preview.warning_label.isHidden()
    qtbot.mouseClick(preview.stop_check, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, preview.stop_check.height() // 2))  # on the box itself
    assert preview.stop_check.isChecked()
    assert "nothing will be imported" in preview.warning_label.text()
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes.information))
    assert boxes.information[0].startswith("Nothing imported: Nothing was imported: 2 row(s)")
    assert wizard.isVisible() and wizard.import_result is None
    assert heads(ledger) == before


def test_going_back_to_the_columns_plans_again(
    qtbot: QtBot, ledger: Database, tmp_path: Path
) -> None:
    """Back from the preview, a changed mapping gives a new preview (the header row chosen
    by clicking the sheet)."""
    wizard = open_wizard(qtbot, ledger, write_roster(tmp_path / "名册.xlsx"))
    wizard.file_page.community_combo.setEditText("东旭小区")
    first = to_preview(qtbot, wizard)
    assert first.count(RowAction.REJECT) == 1
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    page2 = wizard.columns_page
    assert wizard.currentId() == ImportWizard.COLUMNS_PAGE
    assert page2.mapping()[ADDRESS_COLUMN] is RosterField.ADDRESS  # the correction is kept
    page2.set_field(4, None)  # ignore the birth dates: 赵爷爷 is no longer rejected
    with qtbot.waitSignal(wizard.planned) as planned:
        go_next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    plan = planned.args[0] if planned.args else None
    assert isinstance(plan, ImportPlan) and plan.count(RowAction.REJECT) == 0
    # Clicking the title row takes it as header: nothing maps, Next is disabled.
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    view = page2.sheet_view
    rect = view.visualRect(page2.sheet_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page2.header_spin.value() == 1
    assert page2.mapping() == {}
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()


def test_cancel_while_previewing_goes_back_to_the_columns(
    qtbot: QtBot, ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, release = threading.Event(), threading.Event()
    real_plan = wizard_module.plan_import

    def gated_plan(*args: Any, **kwargs: Any) -> Any:
        reached.set()
        release.wait(30)  # only a safety net should the test fail before releasing
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(wizard_module, "plan_import", gated_plan)
    wizard = open_wizard(qtbot, ledger, write_roster(tmp_path / "名册.xlsx"))
    go_next(qtbot, wizard, ImportWizard.COLUMNS_PAGE)
    wizard.columns_page.set_field(ADDRESS_COLUMN, RosterField.ADDRESS)
    go_next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    assert wizard.busy() and not wizard.preview_page.isComplete()
    try:
        qtbot.waitUntil(reached.is_set)
        progress = wizard.progress_dialog
        assert progress is not None
        qtbot.waitUntil(progress.isVisible)  # shown after a moment, with Cancel
        # Keys go to the active window: on a busy machine the dialog becomes it a moment
        # after it is shown.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is progress)
        qtbot.keyClick(progress, Qt.Key.Key_Escape)  # Esc is Cancel
        assert wizard.currentId() == ImportWizard.COLUMNS_PAGE
        assert not wizard.busy() and wizard.plan is None
    finally:
        release.set()
    wizard.wait()
    qtbot.wait(10)  # the dropped plan arrives and is ignored
    assert wizard.plan is None and wizard.currentId() == ImportWizard.COLUMNS_PAGE


def test_a_gbk_csv_roster_has_one_sheet_and_reaches_the_columns(
    qtbot: QtBot, ledger: Database, tmp_path: Path
) -> None:
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "住址", "联系电话"])
        writer.writerow(["孙大妈", "锦华一区6号楼1单元101", "13800000000"])
    wizard = open_wizard(qtbot, ledger, path)
    assert wizard.file_page.sheet_combo.count() == 1
    go_next(qtbot, wizard, ImportWizard.COLUMNS_PAGE)
    page2 = wizard.columns_page
    assert page2.header_spin.value() == 1
    assert page2.mapping() == {0: RosterField.NAME, 1: RosterField.ADDRESS,
                               2: RosterField.PHONE}
    with qtbot.waitSignal(wizard.planned) as planned:
        go_next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    plan = planned.args[0] if planned.args else None
    assert isinstance(plan, ImportPlan) and [r.action for r in plan.rows] == [RowAction.CREATE]
    assert wizard.preview_page.model.index(0, 3).data() == "孙大妈"


def test_the_import_announces_that_everything_changed(
    qtbot: QtBot, ledger: Database, tmp_path: Path
) -> None:
    operations = Operations(ledger, "测试员")
    heard: list[ChangeNotice] = []
    operations.changed.connect(heard.append)
    wizard = open_wizard(qtbot, ledger, write_roster(tmp_path / "名册.xlsx"), operations)
    to_preview(qtbot, wizard)
    assert heard == []  # reading and previewing change nothing
    with qtbot.waitSignal(operations.changed) as announced:
        qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    assert announced.args == [EVERYTHING]
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.import_result is not None and wizard.import_result.written
    assert "王奶奶" in heads(ledger)


def test_an_import_that_writes_nothing_announces_no_area(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path
) -> None:
    operations = Operations(ledger, "测试员")
    wizard = open_wizard(qtbot, ledger, write_roster(tmp_path / "名册.xlsx"), operations)
    to_preview(qtbot, wizard)
    wizard.preview_page.stop_check.setChecked(True)
    with qtbot.waitSignal(operations.changed) as announced:
        qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    notice = announced.args[0]
    assert isinstance(notice, ChangeNotice) and notice.areas == frozenset()
    qtbot.waitUntil(lambda: bool(boxes.information))
    assert wizard.import_result is None
