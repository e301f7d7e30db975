"""Print ▸ Ledger…: the printed ledger (住户台账) of the households the clerk has listed.

The clerk ticks the columns to print (the choice is remembered on this desk; at least one
stays ticked), sees which households will be printed (the filter in words and how many),
and *Preview…* renders the ledger — by community, landscape A4, repeating header, page
x / y — in a worker thread into a temporary PDF shown in the in-app preview with Print and
Save.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.services.household_queries import HouseholdFilter, count_households
from stationapp.services.ledger_data import DEFAULT_LEDGER_COLUMNS, LedgerColumn
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.form_helpers import ErrorLabel
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_work import PdfMaker, ledger_work, pdf_file_name

log = logging.getLogger("stationapp.ui")

COLUMNS_KEY = "ledger/columns"
"""Desk setting holding the chosen columns (their values, in ledger order)."""

_GRID_COLUMNS = 3


def remembered_columns() -> tuple[LedgerColumn, ...]:
    """The columns chosen last time on this desk (the defaults when none or unreadable)."""
    value = desk_settings().value(COLUMNS_KEY)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return DEFAULT_LEDGER_COLUMNS
    known = {c.value for c in LedgerColumn}
    chosen = {str(v) for v in value if str(v) in known}
    ordered = tuple(c for c in LedgerColumn if c.value in chosen)
    return ordered or DEFAULT_LEDGER_COLUMNS


def remember_columns(columns: tuple[LedgerColumn, ...]) -> None:
    """Keep the column choice for the next time on this desk."""
    settings = desk_settings()
    settings.setValue(COLUMNS_KEY, [c.value for c in columns])
    settings.sync()


class LedgerDialog(QDialog):
    """Choose the ledger's columns and preview it as PDF.

    ``household_filter`` is what the households page lists; ``filter_text`` says it in
    words (printed in the ledger's header too). Ages are reckoned on the operations
    clock's day, the ledger is printed at its time.
    """

    def __init__(
        self,
        operations: Operations,
        parent: QWidget | None = None,
        household_filter: HouseholdFilter | None = None,
        filter_text: str = "",
    ) -> None:
        """Build the dialog; counts the households that will be printed."""
        super().__init__(parent)
        self._operations = operations
        self._filter = household_filter or HouseholdFilter()
        self._filter_text = filter_text.strip()
        self._clock = operations.clock
        self._pdf: PdfMaker | None = None
        self.setWindowTitle(self.tr("Print the ledger"))

        flt, today = self._filter, self._clock.today()
        self.household_count = operations.read(
            lambda session: count_households(session, flt, today=today))
        self.households_label = QLabel(self)
        self.households_label.setObjectName("households")
        self.households_label.setWordWrap(True)
        self.households_label.setText(self._households_text())

        chosen = set(remembered_columns())
        self.boxes: dict[LedgerColumn, QCheckBox] = {}
        columns_box = QGroupBox(self.tr("Columns to print"), self)
        grid = QGridLayout(columns_box)
        for index, column in enumerate(LedgerColumn):
            box = QCheckBox(column.label, columns_box)
            box.setObjectName(f"column_{column.value}")
            box.setChecked(column in chosen)
            box.toggled.connect(
                lambda checked, c=column: self._column_toggled(c, checked))
            self.boxes[column] = box
            grid.addWidget(box, index // _GRID_COLUMNS, index % _GRID_COLUMNS)
        self.defaults_button = QPushButton(self.tr("&Default columns"), self)
        self.defaults_button.setAutoDefault(False)
        self.column_error = ErrorLabel(self)
        self.column_error.setObjectName("column_error")
        grid.addWidget(self.column_error, grid.rowCount(), 0, 1, _GRID_COLUMNS)
        defaults_row = QHBoxLayout()
        defaults_row.addStretch(1)
        defaults_row.addWidget(self.defaults_button)
        grid.addLayout(defaults_row, grid.rowCount(), 0, 1, _GRID_COLUMNS)

        hint = QLabel(self.tr(
            "The ledger is printed on landscape A4, one section per community, with the "
            "header row repeated on every page."), self)
        hint.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("&Preview…"), self)
        self.preview_button.setDefault(True)
        self.preview_button.setEnabled(self.household_count > 0)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.households_label)
        layout.addWidget(columns_box)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.defaults_button.clicked.connect(self.use_default_columns)
        self.preview_button.clicked.connect(self.preview)
        self.close_button.clicked.connect(self.reject)
        self.resize(520, self.sizeHint().height())

    # ------------------------------------------------------------ columns

    def columns(self) -> tuple[LedgerColumn, ...]:
        """The ticked columns, in ledger order."""
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def set_columns(self, columns: tuple[LedgerColumn, ...] | list[LedgerColumn]) -> None:
        """Tick exactly ``columns`` (ignored when empty: one column at least is printed)."""
        if not columns:
            return
        wanted = set(columns)
        for column, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(column in wanted)
            box.blockSignals(False)
        self.column_error.clear_message()
        remember_columns(self.columns())

    def use_default_columns(self) -> None:
        """Default columns: tick the standard ledger columns."""
        self.set_columns(list(DEFAULT_LEDGER_COLUMNS))

    def _column_toggled(self, column: LedgerColumn, checked: bool) -> None:
        if not checked and not self.columns():
            box = self.boxes[column]
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
            self.column_error.show_message(self.tr("At least one column must be printed."))
            return
        self.column_error.clear_message()
        remember_columns(self.columns())

    # ------------------------------------------------------------ printing

    def _households_text(self) -> str:
        count = self.tr("%n household(s)", "", self.household_count)
        if self.household_count == 0:
            return self.tr("No household matches {filter}: there is nothing to print.").format(
                filter=self._filter_text or self.tr("the current filter"))
        if self._filter_text:
            return self.tr("Printed: {count} — {filter}").format(count=count,
                                                                  filter=self._filter_text)
        return self.tr("Printed: {count} — every household on the ledger").format(count=count)

    @property
    def pdf(self) -> PdfMaker:
        """Makes and previews the PDF (QtPdf is loaded on first use)."""
        if self._pdf is None:
            self._pdf = PdfMaker(self._operations, self)
        return self._pdf

    def preview(self) -> None:
        """Preview…: render the ledger in a worker thread and show it with Print and Save."""
        if self.household_count == 0 or self.pdf.busy():
            return
        columns = self.columns()
        remember_columns(columns)
        title = self.tr("Household ledger")
        log.info("printing the ledger: %d households, columns %s", self.household_count,
                 ",".join(c.value for c in columns))
        now = self._clock.now()
        self.pdf.make(ledger_work(self._filter, columns, self._filter_text, now),
                      title, pdf_file_name(title, f"{now:%Y-%m-%d}"))

    def done(self, result: int) -> None:
        """Close, after a PDF being made has finished."""
        if self._pdf is not None:
            self._pdf.wait()
        super().done(result)


__all__ = ["COLUMNS_KEY", "LedgerDialog", "remember_columns", "remembered_columns"]
