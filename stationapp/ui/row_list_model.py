"""A read-only table model over a short list of rows a service returned."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
_Index = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractTableModel, Generic[Row]):
    """Rows held in a list, never edited in place (editing happens in dialogs).

    Subclasses give the number of columns, the column titles (``_headers``, and
    ``_header_tips`` for tooltips, both by column number) and how a row is identified
    (:meth:`key_of`) so that selections can follow rows across refreshes. A cell is
    described either by overriding ``data`` or by the cell hooks :meth:`cell_text`,
    :meth:`cell_tooltip`, :meth:`cell_value` and the :attr:`right_aligned` columns.
    """

    right_aligned: frozenset[int] = frozenset()
    """Columns of numbers, aligned right."""

    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        """An empty model with ``column_count`` columns."""
        super().__init__(parent)
        self._column_count = column_count
        self._rows: list[Row] = []
        self._headers: Mapping[int, str] = {}
        self._header_tips: Mapping[int, str] = {}

    def key_of(self, item: Row) -> Hashable:
        """What identifies ``item`` across refreshes (an id by default)."""
        key: Hashable = getattr(item, "id")  # noqa: B009 - service rows carry an id
        return key

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """The item on ``row``, None when out of range."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Row]:
        """Every item shown, top to bottom."""
        return list(self._rows)

    def row_of(self, key: Hashable) -> int | None:
        """The row showing the item with ``key``, None when it is not shown."""
        for row, item in enumerate(self._rows):
            if self.key_of(item) == key:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows shown (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else self._column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (and their tooltips); row numbers on the vertical header."""
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers.get(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips.get(section)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell from the cell hooks: text, right alignment of number columns, tooltip,
        and whatever :meth:`cell_value` gives for other roles."""
        if not index.isValid() or not 0 <= index.column() < self._column_count:
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right_aligned:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(item, column)
        return self.cell_value(item, column, role)

    def cell_text(self, item: Row, column: int) -> str:
        """The text of ``item`` in ``column`` (empty unless a subclass says)."""
        return ""

    def cell_tooltip(self, item: Row, column: int) -> str | None:
        """The tooltip of ``item`` in ``column``; none by default."""
        return None

    def cell_value(self, item: Row, column: int, role: int) -> Any:
        """Any other ``role`` of ``item`` in ``column`` (colour, ids); None by default."""
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)
