"""One step of a request's handling (派单, 开始处理, 办结, 回访, 退回处理) in a small form.

:class:`~stationapp.ui.request_dialog.RequestDialog` shows one button per step the request
may take next (:func:`action_for` names it); each opens a :class:`RequestStepDialog`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
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
from stationapp.domain.care_vocab import RequestStatus, Satisfaction
from stationapp.domain.errors import ValidationError
from stationapp.services.requests import RequestDetail, advance_request
from stationapp.ui.date_field import DateTimeEdit
from stationapp.ui.event_dialog import from_qdatetime, to_qdatetime
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    clear_field_problems,
    save_in_one_transaction,
    show_field_problem,
    with_error,
)
from stationapp.ui.line_spacing import SpacedTextEdit, line_pitch
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.text_limits import limit_text

log = logging.getLogger("stationapp.ui")

ACTION_FIELDS: tuple[str, ...] = ("assignee", "resolution", "satisfaction", "note", "when")
"""Fields of a step form with an inline error label; ``status`` problems go above them."""

_STEP_ALIASES = {"assignee_id": "assignee", "callback_note": "note"}


class Action:
    """The names of the steps a request can take (keys of the step buttons)."""

    DISPATCH = "dispatch"
    START = "start"
    RESOLVE = "resolve"
    CALL_BACK = "callback"
    REOPEN = "reopen"

    ALL: tuple[str, ...] = (DISPATCH, START, RESOLVE, CALL_BACK, REOPEN)


def action_for(current: RequestStatus, to_status: RequestStatus) -> str:
    """Which step button moves a request from ``current`` to ``to_status``."""
    if to_status is RequestStatus.ASSIGNED:
        return Action.DISPATCH
    if to_status is RequestStatus.IN_PROGRESS:
        return Action.REOPEN if current is RequestStatus.RESOLVED else Action.START
    if to_status is RequestStatus.RESOLVED:
        return Action.RESOLVE
    return Action.CALL_BACK


def to_the_minute(now: datetime) -> QDateTime:
    """``now`` (the clock's time) without its seconds, for a time field."""
    return to_qdatetime(now.replace(second=0, microsecond=0))


def set_plain_height(edit: SpacedTextEdit, lines: int) -> None:
    """Make ``edit`` ``lines`` lines high, with Tab moving on to the next field."""
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(line_pitch(edit.font()) * lines + 12)


class RequestStepDialog(QDialog):
    """The small form of one step (dispatch, start, resolve, call back, send back).

    ``OK`` hands it to :func:`~stationapp.services.requests.advance_request` with the
    version the request was read at, through the operation runner (which announces that
    requests changed). Problems are shown under the fields; a conflict or a vanished
    request is reported in a message box and the form closes (rejected).
    """

    def __init__(
        self,
        operations: Operations,
        detail: RequestDetail,
        to_status: RequestStatus,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form of the step from ``detail.status`` to ``to_status``."""
        super().__init__(parent)
        self._operations = operations
        self._detail = detail
        self._to = to_status
        self.action = action_for(detail.status, to_status)
        self.conflict = False
        self.setStyleSheet(INVALID_STYLE)
        self.setWindowTitle(self._title())

        self.errors: dict[str, ErrorLabel] = {}
        for name in ACTION_FIELDS:
            label = ErrorLabel(self)
            label.setObjectName(f"error_{name}")
            self.errors[name] = label
        self.status_error = ErrorLabel(self)
        self.status_error.setObjectName("error_status")
        self._fields: dict[str, QWidget] = {}

        intro = QLabel(self._intro(), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.assignee_picker: PersonPicker | None = None
        self.resolution_edit: SpacedTextEdit | None = None
        self.satisfaction_combo: QComboBox | None = None
        if self.action == Action.DISPATCH:
            picker = PersonPicker(operations, self, allow_none=True,
                                  none_text=self.tr("(choose someone)"))
            picker.setObjectName("assignee")
            if detail.assignee_id is not None:
                picker.set_person_id(detail.assignee_id)
            self.assignee_picker = picker
            self._add_row(form, self.tr("&Assignee:"), "assignee", picker)
        if self.action == Action.RESOLVE:
            resolution = SpacedTextEdit(detail.resolution, self)
            resolution.setObjectName("resolution")
            resolution.setPlaceholderText(self.tr("What was done, by whom"))
            limit_text(resolution, text_rules.REQUEST_RESOLUTION)
            set_plain_height(resolution, 4)
            self.resolution_edit = resolution
            self._add_row(form, self.tr("&Resolution:"), "resolution", resolution)
        if self.action == Action.CALL_BACK:
            combo = QComboBox(self)
            combo.setObjectName("satisfaction")
            combo.addItem(self.tr("(choose)"), None)
            for verdict in Satisfaction:
                combo.addItem(verdict.label, verdict)
            self.satisfaction_combo = combo
            self._add_row(form, self.tr("&Satisfaction:"), "satisfaction", combo)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setPlaceholderText(self._note_hint())
        limit_text(self.note_edit, text_rules.REQUEST_NOTE)
        self._add_row(form, self.tr("&Note:"), "note", self.note_edit)
        self._opened_at = to_the_minute(operations.clock.now())
        self.when_edit = DateTimeEdit(self._opened_at, self)
        self.when_edit.setObjectName("when")
        self._add_row(form, self.tr("&When:"), "when", self.when_edit)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self._ok_text())
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addWidget(self.status_error)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        first = next(iter(self._fields.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(440, self.sizeHint().height())

    def _add_row(self, form: QFormLayout, text: str, name: str, field: QWidget) -> None:
        self._fields[name] = field
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, with_error(field, self.errors[name], self))

    def _title(self) -> str:
        titles = {
            Action.DISPATCH: self.tr("Dispatch request No. {number}"),
            Action.START: self.tr("Start work on request No. {number}"),
            Action.RESOLVE: self.tr("Resolve request No. {number}"),
            Action.CALL_BACK: self.tr("Call back on request No. {number}"),
            Action.REOPEN: self.tr("Send request No. {number} back to work"),
        }
        return titles[self.action].format(number=self._detail.id)

    def _intro(self) -> str:
        head = " · ".join(p for p in (self._detail.address, self._detail.head,
                                       self._detail.phone) if p)
        return f"{head}\n{self._detail.category}: {self._detail.description}"

    def _note_hint(self) -> str:
        hints = {
            Action.DISPATCH: self.tr("e.g. asked to go before noon"),
            Action.START: self.tr("e.g. plumber on the way"),
            Action.RESOLVE: self.tr("Anything else worth keeping"),
            Action.CALL_BACK: self.tr("What the resident said"),
            Action.REOPEN: self.tr("Why the request goes back to work"),
        }
        return hints[self.action]

    def _ok_text(self) -> str:
        texts = {
            Action.DISPATCH: self.tr("Dispatch"),
            Action.START: self.tr("Start work"),
            Action.RESOLVE: self.tr("Resolve"),
            Action.CALL_BACK: self.tr("Record call-back"),
            Action.REOPEN: self.tr("Send back"),
        }
        return texts[self.action]

    # ------------------------------------------------------------ saving

    def satisfaction(self) -> Satisfaction | None:
        """The verdict chosen (call-back only), None when none is."""
        if self.satisfaction_combo is None:
            return None
        value = self.satisfaction_combo.currentData()
        return Satisfaction(value) if value is not None else None

    def save(self) -> bool:
        """Record the step in one transaction; accept on success. True when recorded."""
        self.clear_problems()
        note = self.note_edit.text().strip()
        # Left as it was, "when" means now (to the second, after a step a moment ago).
        when = (None if self.when_edit.dateTime() == self._opened_at
                else from_qdatetime(self.when_edit.dateTime()))
        assignee = self.assignee_picker.person_id() if self.assignee_picker else None
        resolution = self.resolution_edit.toPlainText() if self.resolution_edit else ""
        satisfaction = self.satisfaction()
        callback = self.action == Action.CALL_BACK

        def write(ctx: OperationContext) -> int:
            advance_request(
                ctx.session, self._detail.id, self._to, ctx.actor,
                note="" if callback else note, assignee_id=assignee, resolution=resolution,
                satisfaction=satisfaction, callback_note=note if callback else "",
                when=when, expected_version=self._detail.version, now=ctx.clock.now(),
            )
            return self._detail.id

        saved = save_in_one_transaction(
            self, self._operations, write,
            changed(Area.REQUESTS, households=(self._detail.household_id,), origin=self),
            self.show_problems,
            FailureTexts(
                self.tr("Not recorded"), self.tr("Changed by someone else"),
                self.tr("Someone else changed this request after you opened it, so this step "
                        "was not recorded. The request is read again: look at it and try "
                        "again.")),
        )
        if saved is None:
            if not any(label.text() for label in (*self.errors.values(), self.status_error)):
                self.conflict = True
                super().reject()
            return False
        log.info("request %s: %s by %s", self._detail.id, self._to.value,
                 self._operations.actor or "?")
        super().accept()
        return True

    def accept(self) -> None:
        """Accepting (Enter) means recording the step."""
        self.save()

    def clear_problems(self) -> None:
        """Hide every message and red frame."""
        clear_field_problems(self.errors, self._fields, self.status_error)

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show each problem under its field (``status`` and others above); focus the first."""
        self.clear_problems()
        for problem in problems:
            name = _STEP_ALIASES.get(problem.field, problem.field)
            show_field_problem(self.errors, self._fields, self.status_error, name,
                               problem.message)
        first = next((self._fields[n] for n in ACTION_FIELDS
                      if n in self._fields and self.errors[n].text()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["ACTION_FIELDS", "Action", "RequestStepDialog", "action_for", "set_plain_height",
           "to_the_minute"]
