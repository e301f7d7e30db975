"""Change a household's status (在册 / 迁出 / 注销) with a date and a reason.

The dialog itself calls :func:`~stationapp.workflows.household_status.change_status` when the clerk
presses OK (through the operation runner, which announces that households, deliveries and
visits changed), with the version the household dialog read, so a problem (no reason given,
a date in the future) is shown under its field and a conflict is reported before anything
is written. After a successful change :attr:`StatusDialog.detail` holds the household as it
is now (read in the same transaction), for the household dialog to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdDetail
from stationapp.ui.date_field import DateEdit
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    from_qdate,
    show_field_problems,
    to_qdate,
    with_error,
)
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.text_limits import limit_text
from stationapp.workflows.household_status import change_status

STATUS_FIELDS: tuple[str, ...] = ("status", "effective_date", "reason")
"""Fields :func:`change_status` can report a problem for."""


class StatusDialog(QDialog):
    """Ask for the new status, its date (default today) and the reason, then record it.

    ``version`` is the household version the caller read; if someone saved the household
    since, the change is refused with a conflict message. Open it with :meth:`open` or
    :meth:`exec`; when it is accepted, :attr:`detail` is the household re-read.
    """

    def __init__(
        self,
        operations: Operations,
        household_id: int,
        current: HouseholdStatus,
        version: int | None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form for the household ``household_id``, now ``current``."""
        super().__init__(parent)
        self._operations = operations
        self._household_id = household_id
        self._current = current
        self._version = version
        self.detail: HouseholdDetail | None = None
        self.cancelled_deliveries = 0
        """Pending deliveries the change cancelled (the household left 在册)."""
        self.setWindowTitle(self.tr("Change household status"))
        self.setStyleSheet(INVALID_STYLE)

        self.current_label = QLabel(
            self.tr("Current status: {status}").format(status=current.label), self
        )
        self.status_combo = QComboBox(self)
        for status in HouseholdStatus:
            if status is not current:
                self.status_combo.addItem(status.label, status)
        self.date_edit = DateEdit(self)
        today = to_qdate(operations.clock.today())
        self.date_edit.setMaximumDate(today)
        self.date_edit.setDate(today)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. moved to live with the children; deceased")
        )
        limit_text(self.reason_edit, text_rules.STATUS_REASON)
        self.errors: dict[str, ErrorLabel] = {name: ErrorLabel(self) for name in STATUS_FIELDS}
        self._fields: dict[str, QWidget] = {
            "status": self.status_combo, "effective_date": self.date_edit,
            "reason": self.reason_edit,
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.current_label)
        self.reason_label = QLabel(self)
        for label, name in (
            (QLabel(self.tr("New &status:"), self), "status"),
            (QLabel(self.tr("&Date:"), self), "effective_date"),
            (self.reason_label, "reason"),
        ):
            label.setBuddy(self._fields[name])
            form.addRow(label, with_error(self._fields[name], self.errors[name], self))

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # room for errors
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        QWidget.setTabOrder(self.status_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.ok_button)

        self.status_combo.currentIndexChanged.connect(self._update_hint)
        self._update_hint()
        self.resize(460, self.sizeHint().height())

    def selected_status(self) -> HouseholdStatus:
        """The status chosen in the combo box."""
        return HouseholdStatus(self.status_combo.currentData())  # Qt gives back the str value

    def set_status(self, status: HouseholdStatus) -> None:
        """Choose ``status`` in the combo box."""
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))

    def set_date(self, value: date) -> None:
        """Set the date the status takes effect."""
        self.date_edit.setDate(to_qdate(value))

    def _update_hint(self) -> None:
        required = self.selected_status() is not HouseholdStatus.ACTIVE
        self.reason_label.setText(
            self.tr("&Reason (required):") if required else self.tr("&Reason (optional):")
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show ``problems`` (field → message) under their fields; clear the others."""
        first = show_field_problems(self.errors, self._fields, problems, STATUS_FIELDS)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Record the change; on a problem stay open and show it, on a conflict say so."""
        household_id, status = self._household_id, self.selected_status()
        effective, reason = from_qdate(self.date_edit.date()), self.reason_edit.text()
        version = self._version
        refused = False

        def work(ctx: OperationContext) -> tuple[int, HouseholdDetail]:
            today = ctx.clock.today()
            cancelled = change_status(ctx.session, household_id, status, effective, reason,
                                      ctx.actor, expected_version=version, today=today)
            return cancelled, get_household(ctx.session, household_id, today=today)

        def show_refused(problems: Sequence[ValidationError]) -> None:
            nonlocal refused
            refused = True
            shown: dict[str, str] = {}
            for problem in problems:
                field = problem.field if problem.field in STATUS_FIELDS else "status"
                shown.setdefault(field, problem.message)
            self.show_problems(shown)

        conflict = self.tr("Changed by someone else")
        done = self._operations.change(
            self, work,
            changed(Area.HOUSEHOLDS, Area.DELIVERIES, Area.VISITS, households=(household_id,),
                    origin=self),
            FailureTexts(self.tr("Status not changed"), conflict, self.tr(
                "Someone else changed this household after you opened it, so the "
                "status was not changed. Close the household and open it again.")),
            on_problems=show_refused,
        )
        if done is None:
            if not refused:  # a conflict (or the ledger gone): the household must be reread
                self.reject()
            return
        self.cancelled_deliveries, self.detail = done.value
        super().accept()


__all__ = ["STATUS_FIELDS", "StatusDialog"]
