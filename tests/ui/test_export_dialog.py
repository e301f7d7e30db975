"""The export dialog: households with the households page's filter to .xlsx and .csv (read
back), a period export, and problems shown plainly."""

from __future__ import annotations

import csv
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareCategory
from stationapp.services.database import Database
from stationapp.services.exports import ROSTER_HEADERS, ExportKind
from stationapp.services.household_queries import HouseholdFilter
from stationapp.ui.export_dialog import ExportDialog, month_period, year_period
from stationapp.ui.operations import Operations

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture(autouse=True)
def boxes(message_boxes: MessageBoxes) -> MessageBoxes:
    """Every test here runs with the patched message boxes of tests/ui/conftest.py."""
    return message_boxes


def open_dialog(qtbot: QtBot, database: Database, **kwargs: Any) -> ExportDialog:
    dialog = ExportDialog(Operations(database, "clerk"), None, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog) -> tuple[Path, int]:
    with qtbot.waitSignal(dialog.exported) as exported:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter exports
    assert exported.args is not None
    path, rows = exported.args
    assert isinstance(path, Path) and isinstance(rows, int)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return path, rows


JINHUA = HouseholdFilter(community_name="锦华一区")


def test_households_with_the_page_filter_to_xlsx_and_csv(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path,
    birth_dates: dict[str, date],
) -> None:
    dialog = open_dialog(qtbot, ledger, household_filter=JINHUA)
    assert dialog.kind() is ExportKind.HOUSEHOLDS
    assert dialog.filter_label.text() == \
        "With the current filters of the households page: 锦华一区 · 在册"
    assert not dialog.filter_label.isHidden() and dialog.period_widget.isHidden()
    target = tmp_path / "花名册.xlsx"
    dialog.set_path(target)
    path, rows = export(qtbot, dialog)
    assert (path, rows) == (target, 3)
    assert boxes.information == [f"Export finished: 3 row(s) written to {target}."]
    sheet = load_workbook(target).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(values[0]) == ROSTER_HEADERS
    assert [(r[0], r[1], r[3], r[4]) for r in values[1:]] == [
        ("锦华一区", "2", "101", "张桂兰"), ("锦华一区", "10", "502", "单秀英"),
        ("锦华一区", "10", "502", "王建国")]
    assert not list(tmp_path.glob(".*exporting*"))

    dialog = open_dialog(qtbot, ledger, household_filter=JINHUA)
    dialog.full_id_check.setChecked(True)  # full birth dates (a ledger without accounts)
    dialog.set_format(".csv")
    assert dialog.path_edit.text().endswith(".csv")
    csv_target = tmp_path / "花名册.csv"
    dialog.path_edit.setText(str(csv_target))
    assert export(qtbot, dialog) == (csv_target, 3)
    with csv_target.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert tuple(read[0]) == ROSTER_HEADERS
    assert [(r[0], r[4], r[8]) for r in read[1:]] == [
        ("锦华一区", name, birth_dates[name].isoformat())
        for name in ("张桂兰", "单秀英", "王建国")]


def test_the_filter_is_described_in_words(qtbot: QtBot, ledger: Database) -> None:
    dialog = open_dialog(qtbot, ledger, household_filter=HouseholdFilter(
        search="李", category=CareCategory.LIVING_ALONE, status=None))
    assert dialog.filter_label.text() == ("With the current filters of the households page: "
                                          "独居 · every status · name, address or phone “李”")
    assert dialog.describe_filter(HouseholdFilter()) == "every household (在册)"
    with ledger.session() as session:
        from stationapp.services.household_queries import list_communities

        dongxu = next(c.id for c in list_communities(session) if c.name == "东旭小区")
    assert dialog.describe_filter(HouseholdFilter(community_id=dongxu, without_liaison=True)) \
        == "东旭小区 · 在册 · without a liaison"


def test_a_period_export_and_switching_what_to_export(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path, today: date
) -> None:
    dialog = open_dialog(qtbot, ledger, kind=ExportKind.VISITS)
    assert dialog.period() == month_period(today)
    assert dialog.filter_label.isHidden() and not dialog.period_widget.isHidden()
    assert Path(dialog.path_edit.text()).name == f"走访记录-{today.isoformat()}.xlsx"
    dialog.set_kind(ExportKind.EVENTS)
    assert Path(dialog.path_edit.text()).name.startswith("活动记录-")
    assert dialog.period() == year_period(today)
    qtbot.mouseClick(dialog.month_button, Qt.MouseButton.LeftButton)
    assert dialog.period() == month_period(today)
    dialog.set_kind(ExportKind.RESIDENTS)
    assert not dialog.filter_label.isHidden() and dialog.period_widget.isHidden()

    dialog.set_kind(ExportKind.EVENTS)
    dialog.set_period(date(2026, 2, 1), date(2026, 1, 1))
    target = tmp_path / "活动.xlsx"
    dialog.set_path(target)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "The period ends before it starts."
    assert not target.exists() and dialog.isVisible()
    dialog.set_period(date(2026, 1, 1), date(2026, 12, 31))
    assert export(qtbot, dialog) == (target, 0)
    sheet = load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][:3] == ["时间", "类型", "活动名称"]


def test_problems_are_shown_plainly_and_nothing_is_left_behind(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ledger)
    dialog.path_edit.setText(str(tmp_path / "没有这个文件夹" / "x.xlsx"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "does not exist" in dialog.error_label.text()
    dialog.path_edit.clear()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Choose the file to write."

    occupied = tmp_path / "已有.xlsx"
    occupied.mkdir()  # a folder where the file should go: the final move fails
    dialog.set_path(occupied)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes.warnings))
    assert boxes.warnings[0].startswith(f"Not exported: The file {occupied} could not be "
                                        "written")
    assert dialog.isVisible() and not dialog.busy() and dialog.export_button.isEnabled()
    assert occupied.is_dir() and list(tmp_path.glob("*.xlsx*")) == [occupied]
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind

    # Esc closes the dialog when nothing runs.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_cancel_leaves_no_file(
    qtbot: QtBot, ledger: Database, boxes: MessageBoxes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export waits until the clerk has pressed Cancel; then it finishes in the
    background, but its temporary file is removed and the chosen file never appears."""
    import stationapp.services.exports as export_module

    reached, release = threading.Event(), threading.Event()
    real_write = export_module.write_table

    def gated_write(table: Any, path: Path) -> int:
        reached.set()
        release.wait(30)  # only a safety net should the test fail before releasing
        return real_write(table, path)

    monkeypatch.setattr(export_module, "write_table", gated_write)
    dialog = open_dialog(qtbot, ledger)
    target = tmp_path / "花名册.xlsx"
    dialog.set_path(target)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    progress = dialog.progress_dialog
    assert progress is not None and dialog.busy() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(reached.is_set)
    cancel = progress.findChild(QPushButton)
    assert isinstance(cancel, QPushButton)
    cancel.click()
    assert not dialog.busy() and dialog.isVisible() and dialog.export_button.isEnabled()
    release.set()
    dialog.close()  # waits for the thread
    qtbot.waitUntil(lambda: not list(tmp_path.glob(".*")))
    assert not target.exists() and boxes.information == []
