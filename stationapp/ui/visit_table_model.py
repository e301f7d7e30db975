"""The visits table: ids of every visit matching a filter, newest first, rows fetched in blocks.

A month of a sub-district holds tens of thousands of visits. The model keeps only their
ids (one query, see :func:`stationapp.services.visits.list_visit_ids`) and a few blocks of
rows (:class:`~stationapp.ui.row_blocks.RowBlocks`), so every visit can be scrolled to.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush
from sqlalchemy.orm import Session

from stationapp.services.visits import VisitFilter, VisitRow, fetch_visit_rows, list_visit_ids
from stationapp.ui.form_helpers import ERROR_COLOR, format_date
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE
from stationapp.ui.lazy_table_model import Index, LazyTableModel, SessionOpener
from stationapp.ui.row_blocks import DEFAULT_BLOCK_SIZE, DEFAULT_CACHED_BLOCKS

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Data role giving the visit id of a row of the visits table."""

CONCERN_SEPARATOR = "、"


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


class VisitTableModel(LazyTableModel[VisitRow]):
    """Visits matching a :class:`VisitFilter`, newest first (read-only), rows loaded on demand."""

    def __init__(
        self,
        open_session: SessionOpener,
        parent: QObject | None = None,
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
    ) -> None:
        """An empty model; :meth:`set_filter` (or :meth:`refresh`) reads the ids."""
        super().__init__(open_session, lambda row: row.id, parent, block_size, cached_blocks)
        self._filter = VisitFilter()
        self.set_headers((  # in the order of VisitColumn
            self.tr("Date"), self.tr("Household"), self.tr("How"), self.tr("Visitor"),
            self.tr("Concerns"), self.tr("Follow-up"),
        ))

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
        self.show_ids(ids)

    def visit_id(self, row: int) -> int | None:
        """The visit shown in ``row``, None when out of range."""
        return self.id_at(row)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> list[VisitRow]:
        """The rows of the visits ``ids``."""
        return fetch_visit_rows(session, ids)

    # ------------------------------------------------------------ Qt model interface

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colour, tooltip and ids of a cell."""
        if role not in _ROLES or not index.isValid() or not 0 <= index.column() < len(VisitColumn):
            return None  # checked first: views ask for many roles this model does not use
        if role == VISIT_ID_ROLE:
            return self.id_at(index.row())
        visit = self.row_data(index.row())
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
