"""The stops table of the deliveries panel: its columns, colours and keys.

The rows are the one read model of a stop (:class:`~stationapp.services.delivery_stops.Stop`),
the same stops the delivery sheet prints: in walking order, each with the number printed on
the sheet, and the sheet it is on ("东旭小区 · 2/3": community, sheet k of n).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.delivery_stops import Stop
from stationapp.ui.form_helpers import INACTIVE_COLOR
from stationapp.ui.row_list_model import RowListModel

StopRow = Stop
"""One household on one volunteer's list, as the panel shows it (the service's stop)."""

OUTCOME_KEYS: dict[int, DeliveryOutcome] = {
    Qt.Key.Key_1.value: DeliveryOutcome.DELIVERED,
    Qt.Key.Key_2.value: DeliveryOutcome.NOT_HOME,
    Qt.Key.Key_3.value: DeliveryOutcome.REFUSED,
    Qt.Key.Key_4.value: DeliveryOutcome.WRONG_ADDRESS,
    Qt.Key.Key_5.value: DeliveryOutcome.CANCELLED,
}
"""Keys that record an outcome for the selected stops."""

ALL_STOPS = "all"
UNASSIGNED = "unassigned"
SheetKey = int | str
"""A sheet in the list: a volunteer id, :data:`UNASSIGNED` or :data:`ALL_STOPS`."""

_PENDING_COLOUR = QColor(32, 32, 32)
_OUTCOME_COLOURS: dict[DeliveryOutcome, QColor] = {
    DeliveryOutcome.DELIVERED: QColor(30, 120, 50),
    DeliveryOutcome.NOT_HOME: QColor(150, 80, 0),
    DeliveryOutcome.REFUSED: QColor(176, 32, 32),
    DeliveryOutcome.WRONG_ADDRESS: QColor(176, 32, 32),
    DeliveryOutcome.CANCELLED: INACTIVE_COLOR,
}

_Index = QModelIndex | QPersistentModelIndex

class StopColumn(IntEnum):
    """Columns of the stops table."""

    STOP = 0
    SHEET = 1
    VOLUNTEER = 2
    ADDRESS = 3
    RECIPIENT = 4
    PHONE = 5
    ITEMS = 6
    NOTES = 7
    OUTCOME = 8
    OUTCOME_NOTE = 9
    ATTEMPT = 10


class StopTableModel(RowListModel[StopRow]):
    """The stops of a sheet (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_stops`."""
        super().__init__(len(StopColumn), parent)
        self._headers = {
            StopColumn.STOP: self.tr("Stop"),
            StopColumn.SHEET: self.tr("Community · sheet"),
            StopColumn.VOLUNTEER: self.tr("Volunteer"),
            StopColumn.ADDRESS: self.tr("Address"),
            StopColumn.RECIPIENT: self.tr("Recipient"),
            StopColumn.PHONE: self.tr("Phone"),
            StopColumn.ITEMS: self.tr("Items"),
            StopColumn.NOTES: self.tr("Notes"),
            StopColumn.OUTCOME: self.tr("Outcome"),
            StopColumn.OUTCOME_NOTE: self.tr("Outcome note"),
            StopColumn.ATTEMPT: self.tr("Attempt"),
        }

    set_stops = RowListModel.set_rows
    stop = RowListModel.row_at
    stops = RowListModel.rows

    def key_of(self, item: StopRow) -> tuple[int | None, int]:
        """A stop is one household on one volunteer's list."""
        return item.key

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment and colour of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(StopColumn):
            return None
        stop = self.stop(index.row())
        if stop is None:
            return None
        column = StopColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stop, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (StopColumn.STOP,
                                                                    StopColumn.ATTEMPT):
            return int(Qt.AlignmentFlag.AlignCenter.value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if stop.pending:
                return QBrush(_PENDING_COLOUR) if column is StopColumn.OUTCOME else None
            return QBrush(_OUTCOME_COLOURS.get(stop.outcome, INACTIVE_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is StopColumn.OUTCOME and stop.outcome_at is not None:
                return self.tr("Recorded {time}").format(
                    time=stop.outcome_at.strftime("%Y-%m-%d %H:%M"))
            if column in (StopColumn.NOTES, StopColumn.ADDRESS, StopColumn.ITEMS):
                return self._display(stop, column) or None
            if column in (StopColumn.STOP, StopColumn.SHEET):
                return self.tr("Number {number} on sheet {sheet} of {sheets} ({community}), "
                               "as printed").format(
                    number=stop.number, sheet=stop.sheet, sheets=stop.sheets,
                    community=stop.community)
        return None

    def _display(self, stop: StopRow, column: StopColumn) -> str:
        values: dict[StopColumn, str] = {
            StopColumn.STOP: str(stop.number),
            StopColumn.SHEET: stop.sheet_label,
            StopColumn.VOLUNTEER: stop.volunteer,
            StopColumn.ADDRESS: stop.address,
            StopColumn.RECIPIENT: stop.recipient,
            StopColumn.PHONE: stop.phone,
            StopColumn.ITEMS: stop.items,
            StopColumn.NOTES: stop.notes,
            StopColumn.OUTCOME: stop.outcome_text(),
            StopColumn.OUTCOME_NOTE: stop.outcome_note,
            StopColumn.ATTEMPT: str(stop.attempt),
        }
        return values[column]



__all__ = ["ALL_STOPS", "OUTCOME_KEYS", "UNASSIGNED", "SheetKey", "StopColumn", "StopRow",
           "StopTableModel"]
