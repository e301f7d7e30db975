"""The household table: ids in display order, rows fetched lazily in blocks (Anki style).

Filtering and sorting happen in SQL through the household service; the model only keeps
the list of ids and a few blocks of fetched rows (:class:`~stationapp.ui.row_blocks.RowBlocks`),
so 50,000 households cost little memory and a keystroke in the search box costs one
ids-only query. Given a background reader (``Operations.read_in_background``),
:meth:`HouseholdTableModel.request_filter` runs that query off the GUI thread: the newest
request wins, the result of an older one is dropped, and the ids are swapped in on the GUI
thread.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from stationapp.domain.clock import Clock
from stationapp.domain.schedule import days_overdue
from stationapp.domain.vocab import CareTier, HouseholdStatus
from stationapp.services.household_queries import (
    HouseholdFilter,
    HouseholdRow,
    SortKey,
    fetch_household_rows,
    list_household_ids,
)
from stationapp.ui.lazy_table_model import Index, LazyTableModel, SessionOpener
from stationapp.ui.row_blocks import DEFAULT_CACHED_BLOCKS
from stationapp.ui.workers import SessionTask

log = logging.getLogger("stationapp.ui")

T = TypeVar("T")


class BackgroundReader(Protocol):
    """Runs a read off the GUI thread, its callbacks in the GUI thread
    (``Operations.read_in_background``)."""

    def __call__(
        self,
        work: Callable[[Session], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
    ) -> SessionTask[T]:
        """Start ``work``; return its task (which can be cancelled)."""
        ...


@dataclass(frozen=True)
class _Request:
    """One background read of the ids: its number (the newest wins) and what it asked."""

    generation: int
    flt: HouseholdFilter
    column: TableColumn
    order: Qt.SortOrder
    today: date


CATEGORY_SEPARATOR = "、"

DEFAULT_BLOCK_SIZE = 64
"""Household rows fetched at once: more than a tall window shows, so the first block (read
with the ids on every keystroke of the search box) fills the table, and a third of the
lists' usual 200 rows, which cost a keystroke about 5 ms more at 50,000 households."""


class Column(IntEnum):
    """Columns of the household table, in display order."""

    ADDRESS = 0
    HEAD = 1
    AGE = 2
    PHONE = 3
    CATEGORIES = 4
    TIER = 5
    STATUS = 6


class CareColumn(IntEnum):
    """Care follow-up columns, after those of :class:`Column`: liaison and next visit."""

    LIAISON = 7
    NEXT_VISIT = 8


TableColumn = Column | CareColumn
"""Any column of the household table."""

COLUMN_COUNT = len(Column) + len(CareColumn)
"""How many columns the household table has."""


def table_column(section: int) -> TableColumn:
    """The column at ``section`` (ValueError when there is none)."""
    return Column(section) if section < len(Column) else CareColumn(section)


_COLUMNS: tuple[TableColumn, ...] = tuple(table_column(i) for i in range(COLUMN_COUNT))


SORT_KEYS: dict[TableColumn, SortKey] = {
    Column.ADDRESS: SortKey.ADDRESS,
    Column.HEAD: SortKey.HEAD,
    Column.AGE: SortKey.AGE,
    Column.PHONE: SortKey.PHONE,
    Column.TIER: SortKey.TIER,
    Column.STATUS: SortKey.STATUS,
    CareColumn.NEXT_VISIT: SortKey.NEXT_VISIT,
}
"""Sortable columns and their SQL sort key; categories and liaison are not sortable."""

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the household id of a row (any column)."""

_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    HOUSEHOLD_ID_ROLE,
})
# Computed once: a view asks for it thousands of times per paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_RIGHT_ALIGNED = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_PRIORITY_COLOUR = QColor(176, 32, 32)
_INACTIVE_COLOUR = QColor("#666666")
_OVERDUE_COLOUR = QColor("#b3261e")
_PRIORITY_BRUSH = QBrush(_PRIORITY_COLOUR)
_INACTIVE_BRUSH = QBrush(_INACTIVE_COLOUR)
_OVERDUE_BRUSH = QBrush(_OVERDUE_COLOUR)


class HouseholdTableModel(LazyTableModel[HouseholdRow]):
    """Households matching a :class:`HouseholdFilter`, sorted in SQL, rows loaded on demand.

    Ages and overdue visits are reckoned on ``clock``'s day, read again at every refresh.
    With ``background``, :meth:`request_filter` and :meth:`sort` read the ids off the GUI
    thread; ``loaded`` follows each such read that was shown, ``failed(error)`` one that
    failed (a newer request drops an older one's result and failure alike).
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self,
        open_session: SessionOpener,
        clock: Clock,
        parent: QObject | None = None,
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
        background: BackgroundReader | None = None,
    ) -> None:
        """Create an empty model; call :meth:`refresh` (or :meth:`set_filter`) to load ids.

        Without ``background`` every read happens at once, on the calling thread."""
        super().__init__(open_session, lambda row: row.id, parent, block_size, cached_blocks)
        self._background = background
        self._pending: SessionTask[tuple[list[int], list[HouseholdRow]]] | None = None
        self._wanted: tuple[HouseholdFilter, TableColumn, Qt.SortOrder] | None = None
        self._generation = 0
        self._filter = HouseholdFilter()
        self._sort_column: TableColumn = Column.ADDRESS
        self._clock = clock
        self._today: date = clock.today()
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._loaded = False
        self.set_headers((  # in the order of Column, then CareColumn
            self.tr("Address"), self.tr("Head of household"), self.tr("Age"), self.tr("Phone"),
            self.tr("Care categories"), self.tr("Tier"), self.tr("Status"),
            self.tr("Liaison"), self.tr("Next visit"),
        ))

    # ------------------------------------------------------------ state

    @property
    def household_filter(self) -> HouseholdFilter:
        """The filter of the households shown now (a pending request's once it arrives)."""
        return self._filter

    @property
    def wanted_filter(self) -> HouseholdFilter:
        """The filter last asked for: that of a pending background read, else the shown one."""
        return self._filter if self._wanted is None else self._wanted[0]

    def pending(self) -> bool:
        """True while a background read of the ids has not been shown yet."""
        return self._pending is not None

    @property
    def sort_column(self) -> TableColumn:
        """The column the rows are sorted by."""
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        """Ascending or descending."""
        return self._sort_order

    def set_filter(
        self, flt: HouseholdFilter, sort: tuple[int, Qt.SortOrder] | None = None
    ) -> None:
        """Show the households matching ``flt`` (one ids-only query), sorted by ``sort``
        (column, order) when that is given and sortable, else as before.

        The read happens now, on the calling thread; a pending background read is dropped."""
        self._drop_pending()
        self._filter = flt
        if sort is not None and sort[0] in SORT_KEYS:
            self._sort_column = table_column(sort[0])
            self._sort_order = sort[1]
        self.refresh()

    def request_filter(
        self, flt: HouseholdFilter, sort: tuple[int, Qt.SortOrder] | None = None
    ) -> None:
        """Like :meth:`set_filter`, but the ids are read off the GUI thread (when the model
        has a background reader) and shown when they arrive. A newer request, or any read
        made at once, drops this one's result. Nothing is read when ``flt`` and ``sort``
        are what is shown or already asked for."""
        column, order = self._sort_column, self._sort_order
        if self._wanted is not None:
            column, order = self._wanted[1], self._wanted[2]
        if sort is not None and sort[0] in SORT_KEYS:
            column, order = table_column(sort[0]), sort[1]
        if self._background is None:
            self.set_filter(flt, (column, order))
            return
        wanted = (flt, column, order)
        if wanted == self._wanted or (
                self._wanted is None and self._loaded
                and wanted == (self._filter, self._sort_column, self._sort_order)):
            return
        self._drop_pending()
        today = self._clock.today()
        key, descending = SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        self._generation += 1
        request = _Request(self._generation, flt, column, order, today)

        first = self.block_size

        def work(session: Session) -> tuple[list[int], list[HouseholdRow]]:
            # The rows of the first block are read here too, so that the GUI thread paints
            # them without a query of its own.
            ids = list_household_ids(session, flt, key, descending, today=today)
            return ids, fetch_household_rows(session, ids[:first], today)

        # The task's callbacks hold the model weakly and know only the request's number:
        # a task outliving the page (closed while it ran) finds no model, and never keeps
        # one (nor the page around it) alive on its way out.
        model = weakref.ref(self)

        def arrived(found: tuple[list[int], list[HouseholdRow]]) -> None:
            shown = model()
            if shown is not None and shiboken6.isValid(shown):
                shown._arrived(request, *found)

        def went_wrong(error: BaseException) -> None:
            shown = model()
            if shown is not None and shiboken6.isValid(shown):
                shown._went_wrong(request, error)

        self._pending = self._background(work, arrived, went_wrong)
        self._wanted = wanted

    def _arrived(self, request: _Request, ids: list[int], first_rows: list[HouseholdRow]
                 ) -> None:
        """Show the ids of ``request`` (and the rows of its first block, read with them)
        unless a newer request or read replaced it."""
        if self._pending is None or request.generation != self._generation:
            return
        self._pending, self._wanted = None, None
        self._filter, self._sort_column, self._sort_order = (
            request.flt, request.column, request.order)
        self._today = request.today
        self._loaded = True
        self.show_ids(ids, first_rows)
        self.loaded.emit()

    def _went_wrong(self, request: _Request, error: BaseException) -> None:
        """Report the failure of ``request`` unless a newer request or read replaced it."""
        if self._pending is None or request.generation != self._generation:
            return
        self._pending, self._wanted = None, None
        self.failed.emit(error)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query the ids sorted by ``column`` in SQL (off the GUI thread when the model
        has a background reader); unsortable columns are ignored."""
        if column not in SORT_KEYS:
            return
        if self._background is not None and self._loaded:
            self.request_filter(self.wanted_filter, (column, order))
            return
        if self._loaded and (column, order) == (self._sort_column, self._sort_order):
            return
        self._drop_pending()
        self._sort_column = table_column(column)
        self._sort_order = order
        self.refresh()

    def refresh(self) -> None:
        """Read the ids again with the current filter and sort, and forget cached rows.

        A pending background read is dropped, and what it asked for is read now instead."""
        if self._wanted is not None:
            self._filter, self._sort_column, self._sort_order = self._wanted
        self._drop_pending()
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        self._today = self._clock.today()
        with self._open_session() as session:
            ids = list_household_ids(
                session, self._filter, SORT_KEYS[self._sort_column], descending,
                today=self._today,
            )
        self._loaded = True
        self.show_ids(ids)

    def _drop_pending(self) -> None:
        """Forget the pending background read: its result will not be shown."""
        if self._pending is not None:
            self._pending.cancel()
        self._generation += 1
        self._pending, self._wanted = None, None

    def household_id(self, row: int) -> int | None:
        """The id of the household shown in ``row``, None when out of range."""
        return self.id_at(row)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> list[HouseholdRow]:
        """The table rows of ``ids`` (ages on the day the ids were read)."""
        return fetch_household_rows(session, ids, today=self._today)

    # ------------------------------------------------------------ Qt model interface

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers on the vertical header; a first click sorts ascending."""
        if (role == Qt.ItemDataRole.InitialSortOrderRole
                and orientation == Qt.Orientation.Horizontal):
            return int(Qt.SortOrder.AscendingOrder.value)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, colour, tooltip and household id of one cell."""
        if role not in _ROLES or not index.isValid() or not 0 <= index.column() < COLUMN_COUNT:
            return None  # checked first: views ask for many roles this model does not use
        row = self.row_data(index.row())
        if row is None:
            return None
        return self._value(row, _COLUMNS[index.column()], role)

    def multiData(self, index: Index,
                  roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of one cell at once (its delegate asks seven per cell
        painted): the row is looked up once, not once per role, and the roles this model
        does not use are answered without a call of :meth:`data` each."""
        asked: Iterable[QModelRoleData] = (
            (roleDataSpan,) if isinstance(roleDataSpan, QModelRoleData)
            else cast(Iterable[QModelRoleData], roleDataSpan))
        row = (self.row_data(index.row())
               if index.isValid() and 0 <= index.column() < COLUMN_COUNT else None)
        if row is None:
            for role_data in asked:
                role_data.clearData()
            return
        column = _COLUMNS[index.column()]
        for role_data in asked:
            role = role_data.role()
            if role == _DISPLAY:
                role_data.setData(_display(row, column))
                continue
            value = self._value(row, column, role) if role in _ROLES else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, row: HouseholdRow, column: TableColumn, role: int) -> Any:
        """What ``role`` of the cell of ``row`` in ``column`` shows (None: nothing)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.ADDRESS:
                return row.address
            if column is Column.CATEGORIES and row.categories:
                return CATEGORY_SEPARATOR.join(row.category_labels)
            if column is CareColumn.NEXT_VISIT and self._overdue_days(row):
                return self.tr("Visit overdue by %n day(s)", "", self._overdue_days(row))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT_ALIGNED if column is Column.AGE else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is not HouseholdStatus.ACTIVE:
                return _INACTIVE_BRUSH
            if column is Column.TIER and row.tier is CareTier.PRIORITY:
                return _PRIORITY_BRUSH
            if column is CareColumn.NEXT_VISIT and self._overdue_days(row):
                return _OVERDUE_BRUSH
            return None
        if role == HOUSEHOLD_ID_ROLE:
            return row.id
        return None

    def _overdue_days(self, row: HouseholdRow) -> int:
        """Days the household's visit is overdue (0 when not, or not on the ledger)."""
        if row.status is not HouseholdStatus.ACTIVE:
            return 0
        return days_overdue(row.next_visit_due, self._today)


def _display(row: HouseholdRow, column: TableColumn) -> str:
    if column is Column.ADDRESS:
        return row.address
    if column is Column.HEAD:
        return row.head
    if column is Column.AGE:
        return "" if row.age is None else str(row.age)
    if column is Column.PHONE:
        return row.phone
    if column is Column.CATEGORIES:
        return CATEGORY_SEPARATOR.join(row.category_labels)
    if column is Column.TIER:
        return row.tier.label
    if column is CareColumn.LIAISON:
        return row.liaison
    if column is CareColumn.NEXT_VISIT:
        return row.next_visit_due.isoformat() if row.next_visit_due else ""
    return row.status.label
