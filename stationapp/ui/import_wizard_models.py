"""The import wizard's two table models: the sheet as it is, and the planned import.

:class:`SheetRowsModel` shows the first rows of a sheet with the header row marked (the
Columns page); :class:`PlanRowsModel` shows what importing would do with every row (the
Preview page).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from stationapp.domain.roster_cells import cell_text
from stationapp.services.roster_import import ImportPlan, RowAction, RowResult
from stationapp.ui.form_helpers import ERROR_COLOR, ERROR_ROW_BACKGROUND

_Index = QModelIndex | QPersistentModelIndex

ACTION_COLORS: dict[RowAction, QColor] = {
    RowAction.CREATE: QColor("#1b7a2c"),
    RowAction.UPDATE: QColor("#1f5fa8"),
    RowAction.UNCHANGED: QColor("#6b6b6b"),
    RowAction.REJECT: ERROR_COLOR,
}
"""Text colour of the action column of the preview."""

HEADER_ROW_BACKGROUND = QColor("#fff3c4")
"""Background of the row of the sheet taken as the header."""


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class SheetRowsModel(QAbstractTableModel):
    """The first rows of a sheet as the spreadsheet shows them, the header row marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model."""
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._width = 0
        self._header: int | None = None

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        """Show ``rows`` (cells of any type, shown as tidy text)."""
        self.beginResetModel()
        self._rows = [tuple(cell_text(c) for c in row) for row in rows]
        self._width = max((len(r) for r in self._rows), default=0)
        self._header = None
        self.endResetModel()

    def header_row(self) -> int | None:
        """The 0-based row marked as the header."""
        return self._header

    def set_header_row(self, row: int | None) -> None:
        """Mark ``row`` (0-based) as the header row."""
        previous, self._header = self._header, row
        last = max(self._width - 1, 0)
        for changed in {previous, row}:
            if changed is not None and 0 <= changed < len(self._rows) and self._width:
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, last))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The widest row's number of cells."""
        return 0 if parent.isValid() else self._width

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the header row bold on a yellow background."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < self._width:
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()] if index.column() < len(row) else ""
        if index.row() == self._header:
            if role == Qt.ItemDataRole.BackgroundRole:
                return HEADER_ROW_BACKGROUND
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column letters across, spreadsheet row numbers down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section) if 0 <= section < self._width else None
        return str(section + 1) if 0 <= section < len(self._rows) else None


class PlanRowsModel(QAbstractTableModel):
    """Every data row of a planned import: row number, action, problems, then its cells.

    :meth:`set_only_rejected` narrows the rows to those that will not be imported.
    """

    FIXED_COLUMNS = 3
    """Row number, action and problems come before the cells of the file."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model."""
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._rows: list[RowResult] = []
        self._headers: tuple[str, ...] = ()
        self._only_rejected = False
        self._titles = (self.tr("Row"), self.tr("Result"), self.tr("Problems"))

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show the rows of ``plan`` (none for None)."""
        self.beginResetModel()
        self._plan = plan
        self._headers = plan.headers if plan is not None else ()
        self._rows = self._visible_rows()
        self.endResetModel()

    def set_only_rejected(self, only: bool) -> None:
        """Show only rejected rows (True) or every row."""
        if only == self._only_rejected:
            return
        self.beginResetModel()
        self._only_rejected = only
        self._rows = self._visible_rows()
        self.endResetModel()

    def row_result(self, row: int) -> RowResult | None:
        """The row shown on ``row``, None when out of range."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _visible_rows(self) -> list[RowResult]:
        if self._plan is None:
            return []
        if self._only_rejected:
            return list(self._plan.rejected)
        return list(self._plan.rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns and one per column of the file."""
        if parent.isValid() or self._plan is None:
            return 0
        return self.FIXED_COLUMNS + len(self._headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell; the action coloured; rejected rows on a red background."""
        if not index.isValid():
            return None
        result = self.row_result(index.row())
        column = index.column()
        if result is None or not 0 <= column < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(result.row_number)
            if column == 1:
                return result.action.label
            if column == 2:
                return "；".join(result.problems)
            cell = column - self.FIXED_COLUMNS
            return result.values[cell] if cell < len(result.values) else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and result.problems:
            return "\n".join(result.problems)
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            return ACTION_COLORS[result.action]
        if role == Qt.ItemDataRole.BackgroundRole and result.action is RowAction.REJECT:
            return ERROR_ROW_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Row, Result, Problems, then the file's headers (its column letter when empty)."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < self.FIXED_COLUMNS:
            return self._titles[section]
        cell = section - self.FIXED_COLUMNS
        return self._headers[cell] or column_letter(cell)


__all__ = ["ACTION_COLORS", "HEADER_ROW_BACKGROUND", "PlanRowsModel", "SheetRowsModel",
           "column_letter"]
