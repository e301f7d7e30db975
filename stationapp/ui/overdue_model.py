"""The overdue-visits table: ids in order (most days overdue first), rows fetched in blocks.

Like :mod:`stationapp.ui.household_table_model`, the model keeps only the list of
household ids the visits service found overdue and a few blocks of fetched rows
(:class:`~stationapp.ui.row_blocks.RowBlocks`), so that a sub-district with thousands of
overdue households costs one ids-only query.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.orm import Session

from stationapp.domain.clock import Clock
from stationapp.domain.vocab import CareTier
from stationapp.services.household_search import matching_household_ids, search_words
from stationapp.services.visit_coverage import OverdueRow, fetch_overdue_rows, list_overdue_ids
from stationapp.ui.form_helpers import ERROR_COLOR, ERROR_ROW_BACKGROUND, format_date
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE
from stationapp.ui.lazy_table_model import Index, LazyTableModel, SessionOpener
from stationapp.ui.row_blocks import DEFAULT_BLOCK_SIZE, DEFAULT_CACHED_BLOCKS

LATE_DAYS = 7
"""Rows more than this many days overdue stand out."""

_PRIORITY_COLOUR = QColor(176, 32, 32)


class OverdueColumn(IntEnum):
    """Columns of the overdue table, in display order."""

    ADDRESS = 0
    HEAD = 1
    PHONE = 2
    TIER = 3
    LIAISON = 4
    LAST_VISIT = 5
    DUE = 6
    DAYS = 7


class OverdueTableModel(LazyTableModel[OverdueRow]):
    """Households past their visit due date, most days overdue first (read-only)."""

    def __init__(
        self,
        open_session: SessionOpener,
        clock: Clock,
        parent: QObject | None = None,
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
    ) -> None:
        """An empty model; :meth:`refresh` reads the ids as of ``clock``'s day."""
        super().__init__(open_session, lambda row: row.household_id, parent, block_size,
                         cached_blocks)
        self._clock = clock
        self._today: date = clock.today()
        self._liaison_id: int | None = None
        self._community_id: int | None = None
        self._search = ""
        self.set_headers((  # in the order of OverdueColumn
            self.tr("Address"), self.tr("Head of household"), self.tr("Phone"),
            self.tr("Tier"), self.tr("Liaison"), self.tr("Last visit"), self.tr("Due"),
            self.tr("Days overdue"),
        ))

    # ------------------------------------------------------------ state

    @property
    def liaison_id(self) -> int | None:
        """Only this liaison's households (None: everyone's)."""
        return self._liaison_id

    @property
    def today(self) -> date:
        """The day the list was last read as of."""
        return self._today

    def set_filter(self, liaison_id: int | None = None, community_id: int | None = None) -> None:
        """Show the overdue households of ``liaison_id`` / ``community_id`` (as of today)."""
        self._liaison_id = liaison_id
        self._community_id = community_id
        self.refresh()

    @property
    def search(self) -> str:
        """What the clerk typed to narrow the list ('' for every overdue household)."""
        return self._search

    def set_search(self, search: str) -> None:
        """Keep only the overdue households ``search`` finds (the households search's rule)."""
        self._search = search.strip()
        self.refresh()

    def refresh(self) -> None:
        """Read the ids again as of the clock's day; forget cached rows."""
        self._today = self._clock.today()
        with self._open_session() as session:
            ids = list_overdue_ids(session, today=self._today,
                                   liaison_id=self._liaison_id,
                                   community_id=self._community_id)
            if search_words(self._search):
                found = matching_household_ids(session, self._search, ids)
                ids = [i for i in ids if i in found]
        self.show_ids(ids)

    def household_id(self, row: int) -> int | None:
        """The household shown in ``row``, None when out of range."""
        return self.id_at(row)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> list[OverdueRow]:
        """The overdue rows of ``ids`` as of the day the ids were read."""
        return fetch_overdue_rows(session, ids, today=self._today)

    # ------------------------------------------------------------ Qt model interface

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, colours, tooltip and household id of one cell."""
        if not index.isValid() or not 0 <= index.column() < len(OverdueColumn):
            return None
        if role not in _ROLES:
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = OverdueColumn(index.column())
        late = row.days_overdue > LATE_DAYS
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is OverdueColumn.ADDRESS:
                return row.address
            if late:
                return self.tr("More than %n day(s) overdue", "", LATE_DAYS)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is OverdueColumn.DAYS:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(ERROR_ROW_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (OverdueColumn.DAYS, OverdueColumn.DUE) and late:
                return QBrush(ERROR_COLOR)
            if column is OverdueColumn.TIER and row.tier is CareTier.PRIORITY:
                return QBrush(_PRIORITY_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole and late and column is OverdueColumn.DAYS:
            font = QFont()
            font.setBold(True)
            return font
        if role == HOUSEHOLD_ID_ROLE:
            return row.household_id
        return None


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, HOUSEHOLD_ID_ROLE,
})


def _display(row: OverdueRow, column: OverdueColumn) -> str:
    if column is OverdueColumn.ADDRESS:
        return row.address
    if column is OverdueColumn.HEAD:
        return row.head
    if column is OverdueColumn.PHONE:
        return row.phone
    if column is OverdueColumn.TIER:
        return row.tier.label
    if column is OverdueColumn.LIAISON:
        return row.liaison
    if column is OverdueColumn.LAST_VISIT:
        return format_date(row.last_visit)
    if column is OverdueColumn.DUE:
        return format_date(row.due)
    return str(row.days_overdue)


__all__ = ["LATE_DAYS", "OverdueColumn", "OverdueTableModel"]
