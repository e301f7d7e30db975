"""The read-only flat table every long list of the program shares: ids, rows on demand.

A subclass says how to read the rows of some ids (:meth:`LazyTableModel.fetch_rows`),
gives its column titles and answers :meth:`~PySide6.QtCore.QAbstractItemModel.data`; it
lists ids with :meth:`LazyTableModel.show_ids` after reading them from a service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from stationapp.ui.row_blocks import DEFAULT_BLOCK_SIZE, DEFAULT_CACHED_BLOCKS, RowBlocks

R = TypeVar("R")

SessionOpener = Callable[[], AbstractContextManager[Session]]
"""Opens a session for one read, e.g. ``Database.session``."""

Index = QModelIndex | QPersistentModelIndex

ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)
"""Rows are selectable and never edited in place (each list opens a dialog)."""


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Ids in display order, rows fetched a block at a time when a view shows them."""

    def __init__(
        self,
        open_session: SessionOpener,
        key_of: Callable[[R], int],
        parent: QObject | None = None,
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
    ) -> None:
        """No ids yet; ``key_of(row)`` is the id a fetched row belongs to."""
        super().__init__(parent)
        self._open_session = open_session
        self._key_of = key_of
        self._block_size = max(1, block_size)
        self._rows: RowBlocks[int, R] = RowBlocks(
            self._fetch, key_of, block_size, cached_blocks)
        self._headers: tuple[str, ...] = ()
        self._read_ahead: tuple[frozenset[int], dict[int, R]] | None = None
        """Ids read ahead (e.g. off the GUI thread with the listing) and the rows found."""

    @property
    def block_size(self) -> int:
        """Rows fetched at once; the first block is what a view shows first."""
        return self._block_size

    def set_headers(self, headers: Sequence[str]) -> None:
        """The column titles, in column order (they also give the number of columns)."""
        self._headers = tuple(headers)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> list[R]:
        """The rows of ``ids`` (any order; ids gone since are left out)."""
        raise NotImplementedError

    def show_ids(self, ids: Sequence[int], first_rows: Sequence[R] | None = None) -> None:
        """List ``ids`` from now on (a model reset) and forget every row fetched.

        ``first_rows`` are the rows of the first block (``ids[:block_size]``) when they were
        read already, e.g. off the GUI thread with the ids: the first paint then reads
        nothing (ids missing from them are gone since, as :meth:`fetch_rows` leaves out)."""
        self.beginResetModel()
        self._rows.reset(ids)
        self._read_ahead = None if first_rows is None else (
            frozenset(ids[:self._block_size]), {self._key_of(r): r for r in first_rows})
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        """The id listed in ``row``, None when out of range."""
        return self._rows.key(row)

    def row_of(self, item_id: int) -> int | None:
        """The row listing ``item_id``, None when it is not listed."""
        return self._rows.index_of(item_id)

    def row_data(self, row: int) -> R | None:
        """The whole row (fetched if needed); None when out of range or gone since."""
        return self._rows.row(row)

    def _fetch(self, ids: Sequence[int]) -> list[R]:
        ahead, self._read_ahead = self._read_ahead, None
        if ahead is not None and ahead[0].issuperset(ids):
            return [ahead[1][i] for i in ids if i in ahead[1]]
        with self._open_session() as session:
            return self.fetch_rows(session, ids)

    # ------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows listed (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, never edited in place."""
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None


__all__ = ["ROW_FLAGS", "Index", "LazyTableModel", "SessionOpener"]
