"""The visits table: ids of every visit matching a filter, newest first, rows fetched in blocks.

A month of a sub-district holds tens of thousands of visits. The model keeps only their
ids (one query, see :func:`stationapp.services.visits.list_visit_ids`) and a few blocks of
rows (:class:`~stationapp.ui.row_blocks.RowBlocks`), so every visit can be scrolled to.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from stationapp.services.visits import VisitFilter, VisitRow, fetch_visit_rows, list_visit_ids
from stationapp.ui.form_helpers import ERROR_COLOR, format_date
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE, SessionOpener
from stationapp.ui.row_blocks import DEFAULT_BLOCK_SIZE, DEFAULT_CACHED_BLOCKS, RowBlocks

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Data role giving the visit id of a row of the visits table."""

CONCERN_SEPARATOR = "、"

_Index = QModelIndex | QPersistentModelIndex


class VisitColumn(IntEnum):
    """Columns of the visits table."""

    DATE = 0
    HOUSEHOLD = 1
    METHOD = 2
    VISITOR = 3
    CONCERNS = 4
    FOLLOW_UP = 5


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    VISIT_ID_ROLE, HOUSEHOLD_ID_ROLE,
})


class VisitTableModel(QAbstractTableModel):
    """Visits matching a :class:`VisitFilter`, newest first (read-only), rows loaded on demand."""

    def __init__(
        self,
        open_session: SessionOpener,
        parent: QObject | None = None,
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
    ) -> None:
        """An empty model; :meth:`set_filter` (or :meth:`refresh`) reads the ids."""
        super().__init__(parent)
        self._open_session = open_session
        self._filter = VisitFilter()
        self._rows: RowBlocks[int, VisitRow] = RowBlocks(
            self._fetch, lambda row: row.id, block_size, cached_blocks)
        self._headers = {
            VisitColumn.DATE: self.tr("Date"),
            VisitColumn.HOUSEHOLD: self.tr("Household"),
            VisitColumn.METHOD: self.tr("How"),
            VisitColumn.VISITOR: self.tr("Visitor"),
            VisitColumn.CONCERNS: self.tr("Concerns"),
            VisitColumn.FOLLOW_UP: self.tr("Follow-up"),
        }

    # ------------------------------------------------------------ state

    @property
    def visit_filter(self) -> VisitFilter:
        """The filter the ids were read with."""
        return self._filter

    def set_filter(self, flt: VisitFilter) -> None:
        """List the visits matching ``flt`` (one ids-only query)."""
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Read the ids again with the current filter and forget the rows fetched."""
        with self._open_session() as session:
            ids = list_visit_ids(session, self._filter)
        self.beginResetModel()
        self._rows.reset(ids)
        self.endResetModel()

    def visit_id(self, row: int) -> int | None:
        """The visit shown in ``row``, None when out of range."""
        return self._rows.key(row)

    def row_of(self, visit_id: int) -> int | None:
        """The row of ``visit_id``, None when it is not listed."""
        return self._rows.index_of(visit_id)

    def row_data(self, row: int) -> VisitRow | None:
        """The whole row (fetched if needed); None when out of range or deleted since."""
        return self._rows.row(row)

    def _fetch(self, ids: Sequence[int]) -> list[VisitRow]:
        with self._open_session() as session:
            return fetch_visit_rows(session, ids)

    # ------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of visits listed (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(VisitColumn)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited in place (a visit is opened in its dialog)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (self._headers[VisitColumn(section)]
                    if 0 <= section < len(VisitColumn) else None)
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colour, tooltip and ids of a cell."""
        if role not in _ROLES or not index.isValid() or not 0 <= index.column() < len(VisitColumn):
            return None  # checked first: views ask for many roles this model does not use
        if role == VISIT_ID_ROLE:
            return self._rows.key(index.row())
        visit = self._rows.row(index.row())
        if visit is None:
            return None
        column = VisitColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(visit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is VisitColumn.CONCERNS:
                return "\n".join(filter(None, ("\n".join(visit.concerns), visit.notes))) or None
            if column is VisitColumn.HOUSEHOLD:
                return self._display(visit, column)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is VisitColumn.CONCERNS and visit.concerns:
                return QBrush(ERROR_COLOR)
            return None
        if role == HOUSEHOLD_ID_ROLE:
            return visit.household_id
        return None

    def request_label(self, number: int | str) -> str:
        """What the follow-up column shows for a request made from the visit."""
        return self.tr("Request No. {number}").format(number=number)

    def _display(self, visit: VisitRow, column: VisitColumn) -> str:
        if column is VisitColumn.DATE:
            return format_date(visit.visit_date)
        if column is VisitColumn.HOUSEHOLD:
            return f"{visit.address} {visit.head}".strip()
        if column is VisitColumn.METHOD:
            return visit.method.label
        if column is VisitColumn.VISITOR:
            return visit.visitor
        if column is VisitColumn.CONCERNS:
            return CONCERN_SEPARATOR.join(visit.concerns)
        if visit.request_id is not None:
            return self.request_label(visit.request_id)
        if visit.reminder_id is not None:
            return self.tr("Reminder")
        return self.tr("Needed") if visit.needs_follow_up else ""


__all__ = ["CONCERN_SEPARATOR", "VISIT_ID_ROLE", "VisitColumn", "VisitTableModel"]
