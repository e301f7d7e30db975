"""A volunteer's service record (志愿服务记录证明): the dialog choosing its period, showing
how much service falls in it and whether the same record was issued before (then it is
printed again under its number, 补打), split out of the volunteers page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.services.service_record import (
    IssuedCertificate,
    ServiceRecord,
    list_certificates,
    service_record,
)
from stationapp.services.volunteers import get_volunteer
from stationapp.ui.date_field import DateEdit
from stationapp.ui.form_helpers import ErrorLabel, format_date, from_qdate, to_qdate
from stationapp.ui.formatting import format_hours
from stationapp.ui.operations import Operations


def year_start(today: date) -> date:
    """1 January of ``today``'s year."""
    return date(today.year, 1, 1)


class ServiceRecordDialog(QDialog):
    """Choose the period of a service record (default: this year up to the database
    clock's today).

    Shows how many services and hours fall in the period, so that an empty certificate
    is not issued by mistake; OK (Enter) is *Issue certificate*.
    """

    def __init__(
        self,
        operations: Operations,
        volunteer_id: int,
        parent: QWidget | None = None,
    ) -> None:
        """Read the volunteer's name; raises NotFoundError for an unknown id."""
        super().__init__(parent)
        self._operations = operations
        self._volunteer_id = volunteer_id
        today = operations.clock.today()
        self.volunteer_name = operations.read(
            lambda session: get_volunteer(session, volunteer_id).name)
        self.setWindowTitle(self.tr("Service record: {name}").format(name=self.volunteer_name))
        self.start_edit = self._date_edit(year_start(today), self.tr("From date"))
        self.end_edit = self._date_edit(today, self.tr("To date"))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.error_label = ErrorLabel(self)
        explanation = QLabel(self.tr(
            "A certificate (志愿服务记录证明) with a new number is issued for the hours at "
            "events and on delivery rounds in this period, and shown for printing. The same "
            "record issued before is printed again under its number, marked 补打."), self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        start_label = QLabel(self.tr("&From:"), self)
        start_label.setBuddy(self.start_edit)
        end_label = QLabel(self.tr("&To:"), self)
        end_label.setBuddy(self.end_edit)
        form.addRow(start_label, self.start_edit)
        form.addRow(end_label, self.end_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.issue_button: QPushButton = ok
        self.issue_button.setText(self.tr("&Issue certificate"))
        self.issue_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.start_edit.dateChanged.connect(lambda _d: self._update_summary())
        self.end_edit.dateChanged.connect(lambda _d: self._update_summary())
        self._update_summary()
        self.start_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(460, self.sizeHint().height())

    def _date_edit(self, value: date, name: str) -> DateEdit:
        edit = DateEdit(self)
        edit.setAccessibleName(name)
        edit.setDate(to_qdate(value))
        return edit

    def period(self) -> tuple[date, date]:
        """The chosen period (inclusive)."""
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    def _update_summary(self) -> None:
        start, end = self.period()
        self.error_label.clear_message()
        if end < start:
            self.summary_label.clear()
            self.error_label.show_message(self.tr("The period ends before it starts."))
            self.issue_button.setEnabled(False)
            return
        volunteer_id = self._volunteer_id

        def read(session: Session) -> tuple[ServiceRecord, list[IssuedCertificate]]:
            return (service_record(session, volunteer_id, start, end),
                    list_certificates(session, volunteer_id))

        record, issued = self._operations.read(read)
        if not record.entries:
            self.summary_label.clear()
            self.error_label.show_message(self.tr(
                "No service recorded in this period: choose another period."))
            self.issue_button.setEnabled(False)
            return
        text = self.tr("%n service(s), {hours} hours in total.", "", len(record.entries)).format(
            hours=format_hours(record.total_hours))
        kept = next((c for c in issued if c.period_start == start and c.period_end == end
                     and abs(c.hours - record.total_hours) < 0.005), None)
        if kept is not None:
            text += " " + self.tr(
                "Issued before as No. {number} on {day}: it will be printed again under "
                "that number, marked 补打.").format(number=kept.number,
                                                 day=format_date(kept.issued_on))
        self.summary_label.setText(text)
        self.issue_button.setText(self.tr("&Reprint (补打)") if kept is not None
                                  else self.tr("&Issue certificate"))
        self.issue_button.setEnabled(True)

    def accept(self) -> None:
        """Close with OK only when there is something to certify."""
        if self.issue_button.isEnabled():
            super().accept()


__all__ = ["ServiceRecordDialog", "year_start"]
