"""The table of the audit window: one entry of the trail per row, newest first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from stationapp.services.audit import AuditRow

Index = QModelIndex | QPersistentModelIndex
Label = Callable[[str], str]

ROW_ROLE = Qt.ItemDataRole.UserRole
"""The role under which every cell gives its :class:`AuditRow`."""


class AuditTableModel(QAbstractTableModel):
    """Entries of the audit trail: time, account, action, object, its number, changes.

    ``action_label`` and ``entity_label`` put the trail's codes into the desk's words.
    """

    def __init__(self, action_label: Label, entity_label: Label) -> None:
        """An empty table that names actions and objects with the given labels."""
        super().__init__()
        self._rows: list[AuditRow] = []
        self._action_label = action_label
        self._entity_label = entity_label
        # Literal calls, so that lupdate finds the words.
        self._headers = (
            QCoreApplication.translate("AuditTableModel", "Time"),
            QCoreApplication.translate("AuditTableModel", "Account"),
            QCoreApplication.translate("AuditTableModel", "Action"),
            QCoreApplication.translate("AuditTableModel", "Object"),
            QCoreApplication.translate("AuditTableModel", "No."),
            QCoreApplication.translate("AuditTableModel", "Changes"),
        )

    def set_rows(self, rows: list[AuditRow]) -> None:
        """Show ``rows`` instead of what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> AuditRow | None:
        """The entry shown in ``row`` (None outside the table)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Entries shown (a table: no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Six columns (a table: no children)."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text (the changes also as tooltip), or its entry under ROW_ROLE."""
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == ROW_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() != 5:
                return None
            return self._text(entry, index.column())
        return None

    def _text(self, entry: AuditRow, column: int) -> str:
        if column == 0:
            return entry.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return entry.user
        if column == 2:
            return self._action_label(entry.action)
        if column == 3:
            return self._entity_label(entry.entity)
        if column == 4:
            return entry.entity_id
        return entry.summary()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles; rows are unnumbered."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None
