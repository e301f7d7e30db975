"""File ▸ Seasonal visits…: declare, list, end and delete seasonal visit periods through the
dialog (issue 18)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareCategory
from stationapp.services.database import Database
from stationapp.services.seasonal import list_periods
from stationapp.ui.operations import Operations
from stationapp.ui.seasonal_dialog import SeasonalDialog

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


def test_declare_end_and_delete_a_period(
    qtbot: QtBot, ledger: Database, today: date, message_boxes: MessageBoxes
) -> None:
    dialog = SeasonalDialog(Operations(ledger, "clerk"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 0

    # Without categories the service refuses, and nothing is added.
    dialog.name_edit.setText("寒潮")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert message_boxes.warnings and dialog.table.rowCount() == 0

    dialog.due_spin.setValue(3)
    dialog.category_boxes[CareCategory.ELDERLY].click()
    dialog.category_boxes[CareCategory.LIVING_ALONE].click()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1, message_boxes.warnings
    assert dialog.name_edit.text() == ""
    with ledger.session() as session:
        [period] = list_periods(session)
    assert period.name == "寒潮" and period.ends_on is None
    assert period.categories == {CareCategory.ELDERLY, CareCategory.LIVING_ALONE}
    assert period.due_by == today + timedelta(days=3)
    cell = dialog.table.item(0, 3)
    assert cell is not None and cell.text() == period.due_by.isoformat()

    assert not dialog.end_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    with ledger.session() as session:
        assert list_periods(session)[0].ends_on == today

    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    with ledger.session() as session:
        assert list_periods(session) == []
