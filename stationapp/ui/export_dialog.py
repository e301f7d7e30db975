"""Export the ledger or its records to .xlsx / .csv.

The clerk chooses what (households with the households page's current filters, residents,
visits, requests, events or deliveries), the period for records, the format and the file.
The export runs off the GUI thread (its own session) into a temporary file beside the
target, which replaces the target only when the export succeeded and was not cancelled:
a cancelled or failed export leaves any earlier file as it was.

ID numbers are masked unless "Full ID numbers" is ticked with a reason: only an
administrator (or anyone on a ledger without accounts) may tick it. A viewer may not export:
the Export button stays disabled. Every export is recorded in the audit trail
(:func:`stationapp.services.exports.export_file`).
"""

from __future__ import annotations

import logging
import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.accounts import Permission, role_allows
from stationapp.domain.errors import NotFoundError, StationError
from stationapp.services.exports import (
    ID_KINDS,
    ExportKind,
    ExportRequest,
    check_export,
    export_file,
)
from stationapp.services.household_queries import HouseholdFilter, list_communities
from stationapp.services.id_masking import acting_account, may_reveal_ids
from stationapp.services.volunteers import get_volunteer
from stationapp.ui.date_field import DateEdit
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.form_helpers import ErrorLabel, from_qdate, to_qdate
from stationapp.ui.operations import Operations, describe_failure
from stationapp.ui.workers import SessionTask, TaskSet

log = logging.getLogger("stationapp.ui")

LAST_FOLDER_KEY = "export/last_folder"
"""Desk setting: the folder of the last export."""

FILTERED_KINDS = frozenset({ExportKind.HOUSEHOLDS, ExportKind.RESIDENTS})
"""Exports that follow the households page's filters; the others take a period."""

FORMATS: tuple[str, ...] = (".xlsx", ".csv")


def month_period(today: date) -> tuple[date, date]:
    """The first and last day of ``today``'s month."""
    first = today.replace(day=1)
    next_month = (first + timedelta(days=32)).replace(day=1)
    return first, next_month - timedelta(days=1)


def year_period(today: date) -> tuple[date, date]:
    """The first and last day of ``today``'s year."""
    return date(today.year, 1, 1), date(today.year, 12, 31)


def _filter_names(session: Session, flt: HouseholdFilter) -> tuple[str, str]:
    """The names of ``flt``'s community and liaison ("" when not filtered by them)."""
    community = flt.community_name or ""
    liaison = ""
    if flt.community_id is not None and not community:
        community = next((c.name for c in list_communities(session)
                          if c.id == flt.community_id), "")
    if flt.liaison_id is not None:
        try:
            liaison = get_volunteer(session, flt.liaison_id).name
        except NotFoundError:
            liaison = "?"
    return community, liaison


class ExportDialog(QDialog):
    """Choose what to export, the period or filter, the format and the file; then export.

    ``exported(path, rows)`` is emitted after a file was written.
    """

    exported = Signal(object, int)

    def __init__(
        self, operations: Operations, parent: QWidget | None = None,
        kind: ExportKind = ExportKind.HOUSEHOLDS,
        household_filter: HouseholdFilter | None = None,
    ) -> None:
        """Export through ``operations`` (reads only); households and residents follow
        ``household_filter`` (every household on the ledger when None)."""
        super().__init__(parent)
        self._operations = operations
        self._clock = operations.clock
        self._filter = household_filter or HouseholdFilter()
        self._by = operations.read(lambda session: acting_account(session, operations.actor))
        self._tasks = TaskSet()
        self._task: SessionTask[int] | None = None
        self._temporary: Path | None = None
        self.progress_dialog: QProgressDialog | None = None
        """The progress dialog while an export runs."""
        self.setWindowTitle(self.tr("Export"))

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        for each in ExportKind:
            self.kind_combo.addItem(each.label, each.value)
        start, end = month_period(self._clock.today())
        self.start_edit = self._date_edit(start, "start")
        self.end_edit = self._date_edit(end, "end")
        self.month_button = QPushButton(self.tr("This &month"), self)
        self.year_button = QPushButton(self.tr("This &year"), self)
        self.period_widget = QWidget(self)
        period = QHBoxLayout(self.period_widget)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("–", self.period_widget))
        period.addWidget(self.end_edit)
        period.addWidget(self.month_button)
        period.addWidget(self.year_button)
        period.addStretch(1)
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("filter_note")
        self.filter_label.setWordWrap(True)
        self.filter_label.setText(self.tr(
            "With the current filters of the households page: {filter}"
        ).format(filter=self.describe_filter(self._filter)))
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("format")
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), ".xlsx")
        self.format_combo.addItem(self.tr("CSV text (.csv)"), ".csv")
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.full_id_check = QCheckBox(
            self.tr("F&ull ID numbers and birth dates (recorded in the audit trail)"), self)
        self.full_id_check.setObjectName("full_id")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("why full ID numbers are needed"))
        self.reason_edit.setEnabled(False)
        self.reason_label = QLabel(self.tr("&Reason:"), self)
        self.reason_label.setBuddy(self.reason_edit)
        self.id_note = QLabel(self)
        self.id_note.setObjectName("id_note")
        self.id_note.setWordWrap(True)
        self.error_label = ErrorLabel(self)

        self.period_label = QLabel(self.tr("&Period:"), self)
        self.period_label.setBuddy(self.start_edit)
        kind_label = QLabel(self.tr("&What:"), self)
        kind_label.setBuddy(self.kind_combo)
        format_label = QLabel(self.tr("F&ormat:"), self)
        format_label.setBuddy(self.format_combo)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(kind_label, self.kind_combo)
        form.addRow(self.period_label, self.period_widget)
        form.addRow(format_label, self.format_combo)
        form.addRow(file_label, file_row)
        form.addRow(self.full_id_check)
        form.addRow(self.reason_label, self.reason_edit)
        self._form = form

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.export_button: QPushButton = ok
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.button_box.accepted.connect(self.export)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # wrapped note
        layout.addLayout(form)
        layout.addWidget(self.filter_label)
        layout.addWidget(self.id_note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)

        self._default_path = self._suggested_path(kind, ".xlsx")
        self.path_edit.setText(str(self._default_path))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format_combo.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.browse_button.clicked.connect(self.browse)
        self.month_button.clicked.connect(
            lambda: self.set_period(*month_period(self._clock.today())))
        self.year_button.clicked.connect(
            lambda: self.set_period(*year_period(self._clock.today())))
        self.path_edit.textEdited.connect(lambda _t: self.error_label.clear_message())
        self.full_id_check.toggled.connect(self._full_id_toggled)
        self.reason_edit.textEdited.connect(lambda _t: self.error_label.clear_message())
        self._apply_role()
        self.set_kind(kind)
        self._kind_changed()
        self.resize(600, self.sizeHint().height())

    def _date_edit(self, value: date, name: str) -> DateEdit:
        edit = DateEdit(self)
        edit.setObjectName(name)
        edit.setDate(to_qdate(value))
        return edit

    # ------------------------------------------------------------ choices

    def kind(self) -> ExportKind:
        """What is to be exported."""
        return ExportKind(self.kind_combo.currentData())

    def set_kind(self, kind: ExportKind) -> None:
        """Choose what to export."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def period(self) -> tuple[date, date]:
        """The first and last day of the period (inclusive)."""
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    def set_period(self, start: date, end: date) -> None:
        """Export records from ``start`` to ``end`` (inclusive)."""
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))

    def file_format(self) -> str:
        """The chosen suffix, '.xlsx' or '.csv'."""
        return str(self.format_combo.currentData())

    def set_format(self, suffix: str) -> None:
        """Choose the format by its suffix ('.xlsx' or '.csv')."""
        self.format_combo.setCurrentIndex(self.format_combo.findData(suffix))

    def path(self) -> Path | None:
        """The file to write, None while the field is empty."""
        text = self.path_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        """Write to ``path`` (its suffix chooses the format when it is .xlsx or .csv)."""
        if path.suffix.lower() in FORMATS:
            self.set_format(path.suffix.lower())
        self.path_edit.setText(str(path))

    def describe_filter(self, flt: HouseholdFilter) -> str:
        """``flt`` in words, e.g. '锦华一区 · 独居 · 在册 · name, address or phone “李”'."""
        parts: list[str] = []
        community = flt.community_name
        liaison = ""
        if (flt.community_id is not None and not community) or flt.liaison_id is not None:
            community, liaison = self._operations.read(
                lambda session: _filter_names(session, flt))
        if community:
            parts.append(community)
        if flt.category is not None:
            parts.append(flt.category.label)
        if flt.tier is not None:
            parts.append(self.tr("tier {tier}").format(tier=flt.tier.label))
        parts.append(flt.status.label if flt.status is not None else self.tr("every status"))
        if liaison:
            parts.append(self.tr("liaison {name}").format(name=liaison))
        if flt.without_liaison:
            parts.append(self.tr("without a liaison"))
        if flt.overdue_on is not None:
            parts.append(self.tr("visit overdue on {date}").format(
                date=flt.overdue_on.isoformat()))
        if flt.search:
            parts.append(self.tr("name, address or phone “{text}”").format(text=flt.search))
        if len(parts) == 1 and flt.status is not None:
            return self.tr("every household ({status})").format(status=parts[0])
        return " · ".join(parts)

    def browse(self) -> None:
        """Ask where to save with a file dialog."""
        suffix = self.file_format()
        current = self.path() or self._suggested_path(self.kind(), suffix)
        file_filter = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else \
            self.tr("CSV text (*.csv)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), str(current), file_filter)
        if chosen:
            target = Path(chosen)
            if target.suffix.lower() not in FORMATS:
                target = target.with_name(target.name + suffix)
            self.set_path(target)

    # ------------------------------------------------------------ exporting

    def busy(self) -> bool:
        """True while an export runs."""
        return self._task is not None

    def export(self) -> None:
        """Check the choices, then export in the background (Enter / Export)."""
        if self.busy():
            return
        self.error_label.clear_message()
        path = self.path()
        if path is None:
            self.error_label.show_message(self.tr("Choose the file to write."))
            self.path_edit.setFocus()
            return
        if path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + self.file_format())
            self.path_edit.setText(str(path))
        kind = self.kind()
        start, end = self.period()
        if kind not in FILTERED_KINDS and start > end:
            self.error_label.show_message(self.tr("The period ends before it starts."))
            self.start_edit.setFocus()
            return
        if not path.parent.is_dir():
            self.error_label.show_message(self.tr(
                "The folder {folder} does not exist.").format(folder=path.parent))
            self.path_edit.setFocus()
            return
        request = self.request()
        try:
            check_export(request, self._by)
        except StationError as error:
            self.error_label.show_message(describe_failure(error))
            (self.reason_edit if self.reason_edit.isEnabled() else self.kind_combo).setFocus()
            return
        temporary = path.with_name(f".{path.stem}.exporting{path.suffix}")
        by = self._by
        now = self._clock.now()

        def work(session: Session) -> int:
            return export_file(session, request, temporary, by=by, now=now)

        progress = QProgressDialog(
            self.tr("Exporting {what}…").format(what=kind.label), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.windowTitle())
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)  # starts the 400 ms timer (a busy dialog would wait 4 s)
        progress.canceled.connect(self.cancel_export)
        self.progress_dialog = progress
        self._temporary = temporary
        task = self._tasks.add(self._operations.read_in_background(
            work, lambda rows: self._written(path, rows), self._failed))

        def finished() -> None:
            if task.cancelled:
                temporary.unlink(missing_ok=True)

        task.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._task = task
        self.export_button.setEnabled(False)

    def cancel_export(self) -> None:
        """Stop waiting for the export; nothing is written to the chosen file."""
        if self._task is not None:
            self._task.cancel()
        self._end()

    def request(self) -> ExportRequest:
        """The export the dialog's choices ask for."""
        kind = self.kind()
        start, end = self.period()
        filtered = kind in FILTERED_KINDS
        return ExportRequest(
            kind, self._filter, None if filtered else start, None if filtered else end,
            full_id=self.full_id_check.isChecked() and kind in ID_KINDS,
            reason=self.reason_edit.text().strip())

    def may_export(self) -> bool:
        """False for an account whose role may not export (a viewer)."""
        return self._by is None or role_allows(self._by.role, Permission.EXPORT)

    def _apply_role(self) -> None:
        allowed = may_reveal_ids(self._by)
        self.full_id_check.setEnabled(allowed)
        if not allowed:
            self.full_id_check.setToolTip(
                self.tr("Only an administrator may export full ID numbers."))
        if not self.may_export():
            self.export_button.setEnabled(False)
            self.error_label.show_message(self.tr("Your role may not export."))

    def _full_id_toggled(self, checked: bool) -> None:
        self.reason_edit.setEnabled(checked)
        self.error_label.clear_message()
        self._update_id_note()
        if checked:
            self.reason_edit.setFocus()

    def _update_id_note(self) -> None:
        kind = self.kind()
        with_ids = kind in ID_KINDS
        for widget in (self.full_id_check, self.reason_label, self.reason_edit, self.id_note):
            widget.setVisible(with_ids)
        if self.full_id_check.isChecked():
            self.id_note.setText(self.tr(
                "Full ID numbers and birth dates will be exported; the export and its reason "
                "are recorded."))
        else:
            self.id_note.setText(self.tr(
                "ID numbers are masked (370502********1234) and birth dates cut to the year."))

    def _written(self, path: Path, rows: int) -> None:
        temporary = self._temporary
        self._end()
        try:
            if temporary is not None:
                os.replace(temporary, path)
        except OSError as exc:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            self._show_os_error(path, exc)
            return
        desk_settings().setValue(LAST_FOLDER_KEY, str(path.parent))
        log.info("%s exported to %s (%d rows)", self.kind().value, path, rows)
        self.exported.emit(path, rows)
        QMessageBox.information(self, self.tr("Export finished"), self.tr(
            "%n row(s) written to {path}.", "", rows).format(path=path))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        path = self.path()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
        self._end()
        if isinstance(error, OSError):
            self._show_os_error(path, error)
        elif isinstance(error, (ValueError, StationError)):
            QMessageBox.warning(self, self.tr("Not exported"), str(error))
        else:
            raise error

    def _show_os_error(self, path: Path | None, error: OSError) -> None:
        QMessageBox.warning(self, self.tr("Not exported"), self.tr(
            "The file {path} could not be written: {reason}. Choose another folder, or close "
            "the file if it is open in Excel or WPS."
        ).format(path=path, reason=error.strerror or error))

    def _end(self) -> None:
        self._task = None
        self._temporary = None
        self.export_button.setEnabled(self.may_export())
        if self.progress_dialog is not None:
            progress, self.progress_dialog = self.progress_dialog, None
            progress.canceled.disconnect(self.cancel_export)
            progress.close()
            progress.deleteLater()

    # ------------------------------------------------------------ internals

    def _suggested_path(self, kind: ExportKind, suffix: str) -> Path:
        folder = Path(str(desk_settings().value(LAST_FOLDER_KEY, "") or Path.home()))
        return folder / f"{kind.label}-{self._clock.today().isoformat()}{suffix}"

    def _kind_changed(self) -> None:
        kind = self.kind()
        filtered = kind in FILTERED_KINDS
        self.filter_label.setVisible(filtered)
        self._update_id_note()
        widgets: tuple[QWidget, ...] = (self.period_label, self.period_widget)
        for widget in widgets:
            widget.setVisible(not filtered)
        if self.path() == self._default_path:  # the clerk has not chosen a name: follow
            self._default_path = self._suggested_path(kind, self.file_format())
            self.path_edit.setText(str(self._default_path))
        today = self._clock.today()
        if kind in (ExportKind.EVENTS, ExportKind.DELIVERIES) and \
                self.period() == month_period(today):
            self.set_period(*year_period(today))

    def _format_changed(self) -> None:
        path = self.path()
        suffix = self.file_format()
        if path is not None and path.suffix.lower() != suffix:
            new = path.with_suffix(suffix) if path.suffix.lower() in FORMATS else \
                path.with_name(path.name + suffix)
            if path == self._default_path:
                self._default_path = new
            self.path_edit.setText(str(new))

    def reject(self) -> None:
        """Esc: stop an export running, else close."""
        if self.busy():
            self.cancel_export()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close, letting no export thread outlive the dialog."""
        super().done(result)
        self._tasks.wait_all(cancel=True)


__all__ = ["ExportDialog", "month_period", "year_period"]
