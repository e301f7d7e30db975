"""The reminders table of the visits page: dated reminders, earliest due first."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from stationapp.services.visit_reminders import ReminderRow
from stationapp.ui.form_helpers import ERROR_COLOR, INACTIVE_COLOR, format_date
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE
from stationapp.ui.row_list_model import RowListModel

REMINDER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""Data role giving the reminder id of a row of the reminders table."""

_Index = QModelIndex | QPersistentModelIndex


class ReminderColumn(IntEnum):
    """Columns of the reminders table."""

    DUE = 0
    HOUSEHOLD = 1
    TEXT = 2
    ASSIGNEE = 3


class ReminderTableModel(RowListModel[ReminderRow]):
    """Reminders as rows (read-only), earliest due first; those past due are red."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_reminders`."""
        super().__init__(len(ReminderColumn), parent)
        self._today = date.min  # nothing is past due before the first set_reminders
        self._headers = {
            ReminderColumn.DUE: self.tr("Due"),
            ReminderColumn.HOUSEHOLD: self.tr("Household"),
            ReminderColumn.TEXT: self.tr("Reminder"),
            ReminderColumn.ASSIGNEE: self.tr("Who"),
        }

    def set_reminders(self, rows: list[ReminderRow], today: date) -> None:
        """Show ``rows``; those due before ``today`` and not done stand out."""
        self._today = today
        self.set_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colour, tooltip and ids of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(ReminderColumn):
            return None
        reminder = self.row_at(index.row())
        if reminder is None:
            return None
        column = ReminderColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(reminder, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (ReminderColumn.TEXT,
                                                              ReminderColumn.HOUSEHOLD):
            return self._display(reminder, column) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if reminder.done:
                return QBrush(INACTIVE_COLOR)
            if column is ReminderColumn.DUE and reminder.due_date < self._today:
                return QBrush(ERROR_COLOR)
            return None
        if role == REMINDER_ID_ROLE:
            return reminder.id
        if role == HOUSEHOLD_ID_ROLE:
            return reminder.household_id
        return None

    def _display(self, reminder: ReminderRow, column: ReminderColumn) -> str:
        if column is ReminderColumn.DUE:
            # Said in words too, not by the colour alone.
            if reminder.done:
                return self.tr("{date} · done").format(date=format_date(reminder.due_date))
            if reminder.due_date < self._today:
                return self.tr("{date} · overdue").format(date=format_date(reminder.due_date))
            return format_date(reminder.due_date)
        if column is ReminderColumn.HOUSEHOLD:
            return f"{reminder.address} {reminder.head}".strip()
        if column is ReminderColumn.TEXT:
            return reminder.text
        return reminder.assignee


__all__ = ["REMINDER_ID_ROLE", "ReminderColumn", "ReminderTableModel"]
