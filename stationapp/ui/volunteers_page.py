"""志愿者: the volunteer registry page with search, an active filter and hours served."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import NotFoundError
from stationapp.services.database import Database
from stationapp.services.volunteers import SKILL_SEPARATOR, VolunteerInfo, list_volunteers
from stationapp.ui.form_helpers import INACTIVE_COLOR, select_table_row
from stationapp.ui.row_list_model import RowListModel

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the search box."""

VOLUNTEER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the volunteer id of a row (any column)."""

_Index = QModelIndex | QPersistentModelIndex


class VolunteerColumn(IntEnum):
    """Columns of the volunteer table."""

    NAME = 0
    PHONE = 1
    COMMUNITY = 2
    SKILLS = 3
    HOURS = 4
    ACTIVE = 5


def format_hours(hours: float) -> str:
    """Hours as the clerk writes them: 3, 2.5, 1.25."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


class VolunteerTableModel(RowListModel[VolunteerInfo]):
    """Volunteers as rows (read-only), in the order the service lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_volunteers`."""
        super().__init__(len(VolunteerColumn), parent)
        self._headers = {
            VolunteerColumn.NAME: self.tr("Name"),
            VolunteerColumn.PHONE: self.tr("Phone"),
            VolunteerColumn.COMMUNITY: self.tr("Community"),
            VolunteerColumn.SKILLS: self.tr("Skills"),
            VolunteerColumn.HOURS: self.tr("Hours served"),
            VolunteerColumn.ACTIVE: self.tr("Active"),
        }

    set_volunteers = RowListModel.set_rows
    volunteer = RowListModel.row_at

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[VolunteerColumn(section)] if 0 <= section < len(
                VolunteerColumn) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, colour and id of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(VolunteerColumn):
            return None
        info = self.volunteer(index.row())
        if info is None:
            return None
        column = VolunteerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is VolunteerColumn.HOURS:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return QBrush(INACTIVE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column is VolunteerColumn.NAME and info.notes:
            return info.notes
        if role == VOLUNTEER_ID_ROLE:
            return info.id
        return None

    def _display(self, info: VolunteerInfo, column: VolunteerColumn) -> str:
        if column is VolunteerColumn.NAME:
            return info.name
        if column is VolunteerColumn.PHONE:
            return info.phone
        if column is VolunteerColumn.COMMUNITY:
            return info.community
        if column is VolunteerColumn.SKILLS:
            return SKILL_SEPARATOR.join(info.skills)
        if column is VolunteerColumn.HOURS:
            return format_hours(info.hours)
        return self.tr("yes") if info.active else self.tr("no")


class VolunteersPage(QWidget):
    """Search the volunteer registry, register volunteers and edit them.

    ``count_changed(shown)`` tells the main window how many volunteers are listed.
    """

    count_changed = Signal(int)

    def __init__(self, database: Database, actor: str = "", parent: QWidget | None = None) -> None:
        """Build the page; the list is read when the page is first shown."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._loaded = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, pinyin, phone, community or skill"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search volunteers"))
        self.show_inactive = QCheckBox(self.tr("Show &inactive"))
        self.new_button = QPushButton(self.tr("&New volunteer…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected volunteer (Enter)"))

        self.model = VolunteerTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Volunteers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VolunteerColumn.SKILLS, QHeaderView.ResizeMode.Stretch)

        title = QLabel(self.tr("Volunteers"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_inactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.refresh)
        self.show_inactive.toggled.connect(self.refresh)
        self.new_button.clicked.connect(self.new_volunteer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # ------------------------------------------------------------ public

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list the first time the page is shown."""
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the volunteers again with the current search and filter, keeping the selection."""
        self._search_timer.stop()
        keep = self.current_volunteer_id()
        with self._database.session() as session:
            rows = list_volunteers(session, self.search.text().strip(),
                                   active_only=not self.show_inactive.isChecked())
        self.model.set_volunteers(rows)
        self._loaded = True
        if keep is not None:
            self.select_volunteer(keep)
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount())

    def shown_count(self) -> int:
        """How many volunteers are listed."""
        return self.model.rowCount()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_volunteer_id(self) -> int | None:
        """The id of the selected volunteer, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.model.volunteer(rows[0].row())
        return info.id if info else None

    def select_volunteer(self, volunteer_id: int) -> bool:
        """Select the row of ``volunteer_id``; False when it is not listed."""
        row = self.model.row_of(volunteer_id)
        if row is None:
            return False
        select_table_row(self.table, row)
        return True

    def new_volunteer(self) -> None:
        """Open an empty volunteer dialog; select the volunteer after saving."""
        self._edit(None)

    def edit_selected(self) -> None:
        """Open the selected volunteer in the dialog."""
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is not None:
            self._edit(volunteer_id)

    # ------------------------------------------------------------ internals

    def _edit(self, volunteer_id: int | None) -> None:
        from stationapp.ui.volunteer_dialog import VolunteerDialog

        try:
            dialog = VolunteerDialog(self._database, volunteer_id, self._actor, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Volunteer not found"), str(exc))
            self.refresh()
            return
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            saved = dialog.saved_volunteer_id
        finally:
            dialog.deleteLater()
        self.refresh()
        if saved is not None and not self.select_volunteer(saved):
            log.info("saved volunteer %s is outside the current filter", saved)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_volunteer_id() is not None)


__all__ = [
    "VOLUNTEER_ID_ROLE", "VolunteerColumn", "VolunteerTableModel", "VolunteersPage",
    "format_hours",
]
