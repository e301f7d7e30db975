"""Retention ▸ De-identify households…: the households that left long ago, for the
administrator to de-identify (names, ID numbers, phones and notes removed; statistics kept).

The list is read through the operation runner with the station's retention time; the
selected rows (all of them at first) are de-identified in one transaction after a
confirmation, which announces a change of :attr:`~stationapp.ui.notices.Area.HOUSEHOLDS`
(and of visits and requests, whose notes are emptied). The dialog reads again when another
window changes households or settings, and stops listening when it closes. The question
goes through the replaceable hook :attr:`RetentionDialog.ask`, so tests never meet a real
modal box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.services.retention import (
    DueHousehold,
    deidentify_households,
    households_due_for_deidentification,
)
from stationapp.services.settings import get_station_settings
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.screen_fit import resize_within_screen

log = logging.getLogger("stationapp.ui")

Ask = Callable[[QWidget, str, str], bool]


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.warning(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


class RetentionDialog(QDialog):
    """The households due for de-identification, with a De-identify button."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """List what ``operations``' ledger has due today."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("De-identify households"))
        self._operations = operations
        self.ask: Ask = _ask
        """Asks a yes/no question (replaced in tests)."""
        self.years = 0
        self.rows: list[DueHousehold] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("due_households")
        self.table.setHorizontalHeaderLabels([
            self.tr("Address"), self.tr("Head"), self.tr("Status"), self.tr("Left on"),
            self.tr("Members")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.deidentify_button = QPushButton(self.tr("&De-identify…"), self)
        self.deidentify_button.setObjectName("deidentify")
        buttons.addButton(self.deidentify_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.deidentify_button.clicked.connect(self.deidentify_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        resize_within_screen(self, QSize(640, 420))
        self.reload()
        operations.changed.connect(self._notice_heard)
        self._listening = True

    def reload(self) -> None:
        """Read the households due again (all of them selected)."""
        today = self._operations.clock.today()

        def read(session: Session) -> tuple[int, list[DueHousehold]]:
            years = get_station_settings(session).retention_years
            return years, households_due_for_deidentification(session, today, years)

        self.years, self.rows = self._operations.read(read)
        self.intro.setText(self.tr(
            "Households that moved away or closed more than %n year(s) ago. De-identifying "
            "removes their names, ID numbers, phones, room numbers and notes for good; "
            "their counts in the statistics stay.", "", self.years))
        self.table.setRowCount(len(self.rows))
        for row, due in enumerate(self.rows):
            for column, value in enumerate((due.address, due.head_name, due.status.label,
                                            due.left_on.isoformat(), str(due.members))):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, due.id)
                self.table.setItem(row, column, item)
        self.table.selectAll()
        self._update_button()

    def selected_ids(self) -> list[int]:
        """Ids of the households selected in the list, in list order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[row].id for row in rows]

    def deidentify_selected(self) -> bool:
        """Ask, then de-identify the selected households; True when done."""
        ids = self.selected_ids()
        if not ids or not self.ask(
            self, self.tr("De-identify households?"),
            self.tr("Remove the names, ID numbers, phones, room numbers and notes of %n "
                    "household(s) for good? This cannot be undone.", "", len(ids))):
            return False
        today, years = self._operations.clock.today(), self.years

        def work(ctx: OperationContext) -> Sequence[int]:
            deidentify_households(ctx.session, ids, ctx.actor, today, years)
            return ids

        done = self._operations.change(
            self, work,
            lambda done_ids: changed(Area.HOUSEHOLDS, Area.VISITS, Area.REQUESTS,
                                     Area.REMINDERS, Area.DELIVERIES,
                                     households=tuple(done_ids), origin=self),
            FailureTexts(self.tr("Not de-identified")))
        if done is None:
            return False
        log.info("%s households de-identified by %s", len(ids), self._operations.actor or "?")
        self.reload()
        return True

    def done(self, result: int) -> None:
        """Close and stop listening to changes made elsewhere."""
        if self._listening:
            self._listening = False
            self._operations.changed.disconnect(self._notice_heard)
        super().done(result)

    def _update_button(self) -> None:
        self.deidentify_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _notice_heard(self, notice: ChangeNotice) -> None:
        if notice.origin is not self and notice.touches(Area.HOUSEHOLDS, Area.SETTINGS):
            self.reload()
