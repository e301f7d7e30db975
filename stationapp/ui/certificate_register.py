"""证明登记簿: the register of service certificates, opened from the volunteers page.

Every certificate kept (number, volunteer, period, hours, who issued it and when, how often
it was reprinted), filtered by year of issue and volunteer. *Export…* writes what the
filters keep to .xlsx or .csv (:func:`stationapp.services.certificate_export.export_register`,
recorded in the audit trail). *Reprint (补打)…* prints the chosen certificate again with
its own number (:func:`stationapp.documents.service_certificate.reprint_service_certificate`
through :class:`~stationapp.ui.pdf_work.PdfMaker`) and opens the preview; the status line
then says it was a reprint.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.services.certificate_export import export_register
from stationapp.services.id_masking import acting_account
from stationapp.services.service_record import Certificate, RegisterEntry, certificate_register
from stationapp.ui.form_helpers import format_date, select_table_row
from stationapp.ui.formatting import format_hours
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, Operations
from stationapp.ui.page_helpers import list_table, on_enter
from stationapp.ui.pdf_work import PdfMaker, PdfWork, pdf_file_name
from stationapp.ui.row_list_model import RowListModel
from stationapp.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from stationapp.ui.pdf_preview import PdfPreviewDialog

log = logging.getLogger("stationapp.ui")


ALL = -1
"""The year and volunteer filters' value for "all"."""


class RegisterColumn(IntEnum):
    """Columns of the register table."""

    NUMBER = 0
    VOLUNTEER = 1
    PERIOD = 2
    HOURS = 3
    ISSUED_BY = 4
    ISSUED_ON = 5
    REPRINTS = 6


def period_text(entry: RegisterEntry) -> str:
    """The period a certificate covers: ``2026-01-01 – 2026-12-07``."""
    return f"{format_date(entry.period_start)} – {format_date(entry.period_end)}"


class RegisterTableModel(RowListModel[RegisterEntry]):
    """The certificates of the register as rows (read-only), in the service's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_entries`."""
        super().__init__(len(RegisterColumn), parent)
        self._headers = {
            RegisterColumn.NUMBER: self.tr("Number"),
            RegisterColumn.VOLUNTEER: self.tr("Volunteer"),
            RegisterColumn.PERIOD: self.tr("Period"),
            RegisterColumn.HOURS: self.tr("Hours"),
            RegisterColumn.ISSUED_BY: self.tr("Issued by"),
            RegisterColumn.ISSUED_ON: self.tr("Date of issue"),
            RegisterColumn.REPRINTS: self.tr("Reprints"),
        }

    right_aligned = frozenset({RegisterColumn.HOURS, RegisterColumn.REPRINTS})

    set_entries = RowListModel.set_rows
    entry = RowListModel.row_at

    def key_of(self, item: RegisterEntry) -> str:
        """A row is a certificate number."""
        return item.number

    def cell_tooltip(self, entry: RegisterEntry, column: int) -> str | None:
        """Who reprinted a certificate last, on the reprints column."""
        if column == RegisterColumn.REPRINTS and entry.reprint_count:
            return self.tr("Last reprinted on {day} by {name}").format(
                day=format_date(entry.reprinted_on), name=entry.reprinted_by)
        return None

    def cell_text(self, entry: RegisterEntry, column: int) -> str:
        """The register's columns of one certificate."""
        values = {
            RegisterColumn.NUMBER: entry.number,
            RegisterColumn.VOLUNTEER: entry.volunteer,
            RegisterColumn.PERIOD: period_text(entry),
            RegisterColumn.HOURS: format_hours(entry.hours),
            RegisterColumn.ISSUED_BY: entry.issued_by,
            RegisterColumn.ISSUED_ON: format_date(entry.issued_on),
            RegisterColumn.REPRINTS: str(entry.reprint_count) if entry.reprint_count else "",
        }
        return values[RegisterColumn(column)]


def reprint_work(number: str, actor: str, printed: list[Certificate], now: datetime) -> PdfWork:
    """Work that prints the kept certificate ``number`` again (补打) at ``now``; the
    certificate goes to ``printed``. One transaction with its PDF, as issuing is."""

    def work(session: Session, path: Path) -> int:
        from stationapp.documents.service_certificate import reprint_service_certificate

        printed.append(reprint_service_certificate(session, number, actor, path, now=now))
        return 1

    return work


class CertificateRegisterWindow(QDialog):
    """The register of certificates (证明登记簿): list, filter, export, reprint.

    ``message(text)`` says what an action did (also shown in the window's status line);
    ``certificate_reprinted(certificate)`` follows a reprint's preview.
    """

    message = Signal(str)
    certificate_reprinted = Signal(object)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the window and read the register; it follows the ledger's changes."""
        super().__init__(parent)
        self._operations = operations
        self._pdf: PdfMaker | None = None
        self._printed: list[Certificate] = []
        self.last_certificate: Certificate | None = None
        self.setWindowTitle(self.tr("Certificate register"))
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName(self.tr("Year of issue"))
        self.volunteer_combo = QComboBox(self)
        self.volunteer_combo.setAccessibleName(self.tr("Volunteer"))
        self.volunteer_combo.setMinimumContentsLength(8)
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year_combo)
        volunteer_label = QLabel(self.tr("&Volunteer:"), self)
        volunteer_label.setBuddy(self.volunteer_combo)
        filters = QHBoxLayout()
        for widget in (year_label, self.year_combo, volunteer_label, self.volunteer_combo):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = RegisterTableModel(self)
        self.table = list_table(self.model, self.tr("Certificates"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reprint_button = QPushButton(self.tr("&Reprint (补打)…"), self)
        self.reprint_button.setToolTip(self.tr(
            "Print the chosen certificate again with its own number, marked 补打"))
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setToolTip(self.tr("Write the certificates listed to .xlsx or .csv"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in (self.reprint_button, self.export_button):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.reprint_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        self._fill_filters()
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.volunteer_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.export_button.clicked.connect(self.export)
        on_enter(self.table, self.reprint_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        operations.changed.connect(self.apply_changes)
        self._following = True
        self.refresh()
        resize_within_screen(self, QSize(860, 480))

    # ------------------------------------------------------------ reading

    def _fill_filters(self) -> None:
        """Years with certificates (and this year) and the volunteers who hold any."""
        entries = self._operations.read(lambda session: certificate_register(session))
        this_year = self._operations.clock.today().year
        years = sorted({e.issued_on.year for e in entries} | {this_year}, reverse=True)
        people = sorted({(e.volunteer, e.volunteer_id) for e in entries})
        keep_year, keep_person = self.year_combo.currentData(), self.volunteer_combo.currentData()
        for combo in (self.year_combo, self.volunteer_combo):
            combo.blockSignals(True)
            combo.clear()
        try:
            self.year_combo.addItem(self.tr("All years"), ALL)
            for year in years:
                self.year_combo.addItem(str(year), year)
            self.volunteer_combo.addItem(self.tr("All volunteers"), ALL)
            for name, volunteer_id in people:
                self.volunteer_combo.addItem(name, volunteer_id)
            self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(keep_year)))
            self.volunteer_combo.setCurrentIndex(
                max(0, self.volunteer_combo.findData(keep_person)))
        finally:
            for combo in (self.year_combo, self.volunteer_combo):
                combo.blockSignals(False)

    def filters(self) -> tuple[int | None, int | None]:
        """The chosen year and volunteer id (None: all)."""
        year, person = self.year_combo.currentData(), self.volunteer_combo.currentData()
        return (None if year in (None, ALL) else int(year),
                None if person in (None, ALL) else int(person))

    def set_filters(self, year: int | None = None, volunteer_id: int | None = None) -> None:
        """Choose the year and volunteer (None: all) and list what they keep."""
        for combo, value in ((self.year_combo, year), (self.volunteer_combo, volunteer_id)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(ALL if value is None else value)))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Read the register again with the filters, keeping the chosen certificate."""
        keep = self.current_number()
        year, volunteer_id = self.filters()
        entries = self._operations.read(
            lambda session: certificate_register(session, year=year, volunteer_id=volunteer_id))
        self.model.set_entries(entries)
        if keep is not None:
            select_table_row(self.table, self.model.row_of(keep))
        self.count_label.setText(self.tr("%n certificate(s)", "", len(entries)))
        self._update_buttons()

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when volunteers (and so their certificates) changed."""
        if notice.touches(Area.VOLUNTEERS):
            self._fill_filters()
            self.refresh()

    def current_number(self) -> str | None:
        """The number of the chosen certificate, if any."""
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        return entry.number if entry is not None else None

    def select_number(self, number: str) -> bool:
        """Choose the certificate ``number``; False when it is not listed."""
        return select_table_row(self.table, self.model.row_of(number))

    # ------------------------------------------------------------ acting

    @property
    def pdf(self) -> PdfMaker:
        """Makes and previews the reprints (QtPdf is loaded on first use)."""
        if self._pdf is None:
            self._pdf = PdfMaker(self._operations, self)
            self._pdf.preview_opened.connect(self._preview_opened)
        return self._pdf

    def reprint_selected(self) -> None:
        """Print the chosen certificate again (补打) in a worker thread and preview it."""
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        if entry is None or self.pdf.busy():
            return
        self._printed.clear()
        self.status_label.clear()
        self.pdf.make(
            reprint_work(entry.number, self._operations.actor, self._printed,
                         self._operations.clock.now()),
            self.tr("Service record No. {number}: {name} (reprint)").format(
                number=entry.number, name=entry.volunteer),
            pdf_file_name(entry.volunteer, entry.number, "补打"),
            notice=changed(Area.VOLUNTEERS, origin=self),
        )

    def _preview_opened(self, preview: PdfPreviewDialog) -> None:
        if not self._printed:
            return
        certificate = self._printed.pop()
        self.last_certificate = certificate
        text = self.tr("Certificate No. {number} of {name} reprinted (补打) on {day}.").format(
            number=certificate.number, name=certificate.record.name,
            day=format_date(certificate.reprinted_on))
        preview.setWindowTitle(self.tr("Service record No. {number}: {name} (reprint)").format(
            number=certificate.number, name=certificate.record.name))
        self.status_label.setText(text)
        self.message.emit(text)
        log.info("certificate %s reprinted", certificate.number)
        self.refresh()
        self.certificate_reprinted.emit(certificate)

    def export(self) -> None:
        """Export…: ask where, then write the certificates listed there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the certificate register to"),
            self.tr("certificate register.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> int | None:
        """Write the certificates the filters keep to ``path`` (recorded in the audit
        trail); the rows written, or None when refused (said in a message box)."""
        year, volunteer_id = self.filters()
        actor = self._operations.actor
        done = self._operations.change(
            self, lambda ctx: export_register(
                ctx.session, path, year=year, volunteer_id=volunteer_id,
                by=acting_account(ctx.session, actor)),
            lambda _rows: changed(origin=self),
            FailureTexts(self.tr("Not exported")))
        if done is None:
            return None
        text = self.tr("{rows} certificate(s) exported to {name}").format(
            rows=done.value, name=path.name)
        self.status_label.setText(text)
        self.message.emit(text)
        return done.value

    def _update_buttons(self) -> None:
        self.reprint_button.setEnabled(self.current_number() is not None)

    def done(self, result: int) -> None:
        """Stop following the ledger's changes and wait for a reprint being made."""
        self.close_windows()
        super().done(result)

    def close_windows(self) -> None:
        """Stop following changes; wait for a reprint being made."""
        if self._following:
            self._following = False
            self._operations.changed.disconnect(self.apply_changes)
        if self._pdf is not None:
            self._pdf.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is closing the dialog."""
        self.close_windows()
        super().closeEvent(event)


__all__ = ["ALL", "CertificateRegisterWindow", "RegisterColumn", "RegisterTableModel",
           "period_text", "reprint_work"]
