"""季节性走访: declare the periods (寒潮, 高温, a festival) during which households of chosen
care categories are due a visit within N days of the period's start; list them, end one
today, delete one declared by mistake. The rules are in
:mod:`stationapp.services.seasonal`; the overdue list and the counts follow them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.vocab import CareCategory
from stationapp.services.seasonal import (
    PeriodInput,
    PeriodRow,
    add_period,
    delete_period,
    end_period,
    list_periods,
)
from stationapp.ui.date_field import DateEdit
from stationapp.ui.form_helpers import from_qdate, to_qdate
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import FailureTexts, Operations

DEFAULT_DUE_DAYS = 7
"""A new period's households are due within a week unless the clerk says otherwise."""


LISTED_ROWS = 2
"""How many periods the list shows without scrolling."""


class SeasonalDialog(QDialog):
    """The station's seasonal visit periods: the list, and a form to declare one."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the dialog and read the periods."""
        super().__init__(parent)
        self._operations = operations
        self.periods: list[PeriodRow] = []
        self.setWindowTitle(self.tr("Seasonal visits"))
        today = to_qdate(operations.clock.today())

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("From"), self.tr("Until"), self.tr("Visit by"),
            self.tr("Categories")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Seasonal visit periods"))
        self.table.setMinimumHeight(  # room for two periods before it scrolls
            self.table.horizontalHeader().sizeHint().height()
            + LISTED_ROWS * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth())
        self.end_button = QPushButton(self.tr("&End today"), self)
        self.end_button.setToolTip(self.tr("Today is the selected period's last day"))
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        self.delete_button.setToolTip(self.tr("Delete a period declared by mistake"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.end_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)

        form_box = QGroupBox(self.tr("Declare a period"), self)
        self.name_edit = QLineEdit(form_box)
        self.name_edit.setPlaceholderText(self.tr("e.g. 寒潮, 高温, 春节"))
        self.starts_edit = DateEdit(form_box)
        self.starts_edit.setDate(today)
        self.ends_check = QCheckBox(self.tr("Ends &on:"), form_box)
        self.ends_check.setToolTip(self.tr("Unticked, the period runs until it is ended"))
        self.ends_edit = DateEdit(form_box)
        self.ends_edit.setDate(today.addDays(13))
        self.ends_edit.setEnabled(False)
        self.due_spin = QSpinBox(form_box)
        self.due_spin.setRange(1, 90)
        self.due_spin.setValue(DEFAULT_DUE_DAYS)
        self.due_spin.setSuffix(self.tr(" days"))
        self.category_boxes: dict[CareCategory, QCheckBox] = {}
        categories = QWidget(form_box)
        grid = QGridLayout(categories)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, category in enumerate(CareCategory):
            box = QCheckBox(category.label, categories)
            self.category_boxes[category] = box
            grid.addWidget(box, index // 4, index % 4)
        self.add_button = QPushButton(self.tr("&Add period"), form_box)
        form = QFormLayout(form_box)
        name_label = QLabel(self.tr("&Name:"), form_box)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        starts_label = QLabel(self.tr("&Starts on:"), form_box)
        starts_label.setBuddy(self.starts_edit)
        form.addRow(starts_label, self.starts_edit)
        form.addRow(self.ends_check, self.ends_edit)
        due_label = QLabel(self.tr("&Due within:"), form_box)
        due_label.setBuddy(self.due_spin)
        form.addRow(due_label, self.due_spin)
        form.addRow(QLabel(self.tr("Categories:"), form_box), categories)
        form.addRow("", self.add_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_buttons)
        layout.addWidget(form_box)
        layout.addWidget(buttons)

        self.ends_check.toggled.connect(self.ends_edit.setEnabled)
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()
        self.resize(760, 600)

    # ------------------------------------------------------------ reading

    def refresh(self) -> None:
        """Read the periods again and show them."""
        self.periods = self._operations.read(list_periods)
        today = self._operations.clock.today()
        self.table.setRowCount(len(self.periods))
        for row, period in enumerate(self.periods):
            until = (period.ends_on.isoformat() if period.ends_on is not None
                     else self.tr("until ended"))
            categories = "、".join(c.label for c in CareCategory if c in period.categories)
            cells = (period.name, period.starts_on.isoformat(), until,
                     period.due_by.isoformat(), categories)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not period.in_force(today):
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> PeriodRow | None:
        """The period selected in the list (None when none is)."""
        rows = self.table.selectionModel().selectedRows()
        return self.periods[rows[0].row()] if rows else None

    # ------------------------------------------------------------ changing

    def current_input(self) -> PeriodInput:
        """The period the form describes."""
        return PeriodInput(
            name=self.name_edit.text(),
            starts_on=from_qdate(self.starts_edit.date()),
            due_days=self.due_spin.value(),
            categories=frozenset(c for c, box in self.category_boxes.items()
                                 if box.isChecked()),
            ends_on=from_qdate(self.ends_edit.date()) if self.ends_check.isChecked() else None,
        )

    def add(self) -> None:
        """Declare the period of the form (problems in a message box)."""
        data, actor = self.current_input(), self._operations.actor
        done = self._operations.change(
            self, lambda ctx: add_period(ctx.session, data, actor),
            changed(Area.VISITS), FailureTexts(self.tr("Period not added")))
        if done is not None:
            self.name_edit.clear()
            for box in self.category_boxes.values():
                box.setChecked(False)
            self.refresh()

    def end_selected(self) -> None:
        """End the selected period today."""
        period = self.selected()
        if period is None:
            return
        today, actor = self._operations.clock.today(), self._operations.actor
        if self._operations.change(
                self, lambda ctx: end_period(ctx.session, period.id, today, actor),
                changed(Area.VISITS), FailureTexts(self.tr("Period not ended"))) is not None:
            self.refresh()

    def delete_selected(self) -> None:
        """Delete the selected period after asking."""
        period = self.selected()
        if period is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete period?"),
            self.tr("Delete the period “{name}”? Use End today for a period that took "
                    "place.").format(name=period.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self._operations.actor
        if self._operations.change(
                self, lambda ctx: delete_period(ctx.session, period.id, actor),
                changed(Area.VISITS), FailureTexts(self.tr("Period not deleted"))) is not None:
            self.refresh()

    def _update_buttons(self) -> None:
        period = self.selected()
        today = self._operations.clock.today()
        self.end_button.setEnabled(period is not None and period.in_force(today))
        self.delete_button.setEnabled(period is not None)


__all__ = ["SeasonalDialog"]
