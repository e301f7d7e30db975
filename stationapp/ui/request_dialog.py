"""The request dialog (诉求 / 报修): take a request in, or follow one to its end.

A new request needs the household (picked by typing a name, pinyin initials, address or
phone, or fixed when the dialog is opened from a household), the category, what is wrong,
how and when it came in and who reported it; an assignee chosen at once dispatches it
(派单). An existing request shows its status prominently with the days it has been open
(red when past the station's limit), the kept history of its status changes, and one
button for each step it may take next:

* 派单 *Dispatch…* / *Reassign…* — choose who handles it;
* 开始处理 *Start work…*;
* 办结 *Resolve…* — what was done (required);
* 回访 *Call back…* — the resident's verdict (满意 / 基本满意 / 不满意) and a note;
* 退回处理 *Send back to work…* — a call-back found the problem still there (with a note).

Each step opens a small form whose problems are shown under its fields; a conflict
(someone else moved the request meanwhile) is reported in a message box and the request
is read again. *Save* keeps corrections to the request itself in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
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
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.care_vocab import REQUEST_CHANNELS, RequestStatus, Satisfaction
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.services.database import Database
from stationapp.services.requests import (
    RequestDetail,
    RequestInput,
    advance_request,
    create_request,
    get_request,
    list_request_categories,
    update_request,
)
from stationapp.ui.event_dialog import DATE_TIME_FORMAT, from_qdatetime, to_qdatetime
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    save_cancel_buttons,
    save_in_one_transaction,
    show_field_problem,
    with_error,
)
from stationapp.ui.household_picker import HouseholdPicker
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.text_limits import limit_text

log = logging.getLogger("stationapp.ui")

REQUEST_FIELDS: tuple[str, ...] = (
    "household_id", "category", "channel", "received_at", "reporter", "assignee_id",
    "description",
)
"""Request fields with an inline error label (see :attr:`RequestDialog.errors`)."""

ACTION_FIELDS: tuple[str, ...] = ("assignee", "resolution", "satisfaction", "note", "when")
"""Fields of a step form with an inline error label; ``status`` problems go above them."""

_STEP_ALIASES = {"assignee_id": "assignee", "callback_note": "note"}

_FIELD_ALIASES = {"household": "household_id", "assignee": "assignee_id",
                  "category_id": "category"}


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


def _to_the_minute(now: datetime) -> QDateTime:
    """``now`` (the clock's time) without its seconds, for a time field."""
    return to_qdatetime(now.replace(second=0, microsecond=0))


def _set_plain_height(edit: QPlainTextEdit, lines: int) -> None:
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)


# ---------------------------------------------------------------- one step


class RequestStepDialog(QDialog):
    """The small form of one step (dispatch, start, resolve, call back, send back).

    ``OK`` hands it to :func:`~stationapp.services.requests.advance_request` with the
    version the request was read at. Problems are shown under the fields; a conflict or
    a vanished request is reported in a message box and the form closes (rejected).
    """

    def __init__(
        self,
        database: Database,
        detail: RequestDetail,
        to_status: RequestStatus,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Build the form of the step from ``detail.status`` to ``to_status``."""
        super().__init__(parent)
        self._database = database
        self._detail = detail
        self._to = to_status
        self._actor = actor
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
        self.resolution_edit: QPlainTextEdit | None = None
        self.satisfaction_combo: QComboBox | None = None
        if self.action == Action.DISPATCH:
            picker = PersonPicker(database, self, allow_none=True,
                                  none_text=self.tr("(choose someone)"))
            picker.setObjectName("assignee")
            if detail.assignee_id is not None:
                picker.set_person_id(detail.assignee_id)
            self.assignee_picker = picker
            self._add_row(form, self.tr("&Assignee:"), "assignee", picker)
        if self.action == Action.RESOLVE:
            resolution = QPlainTextEdit(detail.resolution, self)
            resolution.setObjectName("resolution")
            resolution.setPlaceholderText(self.tr("What was done, by whom"))
            limit_text(resolution, text_rules.REQUEST_RESOLUTION)
            _set_plain_height(resolution, 4)
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
        self._opened_at = _to_the_minute(database.clock.now())
        self.when_edit = QDateTimeEdit(self._opened_at, self)
        self.when_edit.setObjectName("when")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(DATE_TIME_FORMAT)
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

        def write(session: Session) -> int:
            advance_request(
                session, self._detail.id, self._to, self._actor,
                note="" if callback else note, assignee_id=assignee, resolution=resolution,
                satisfaction=satisfaction, callback_note=note if callback else "",
                when=when, expected_version=self._detail.version,
                now=self._database.clock.now(),
            )
            return self._detail.id

        saved = save_in_one_transaction(
            self, self._database, write, self.show_problems,
            (self.tr("Changed by someone else"),
             self.tr("Someone else changed this request after you opened it, so this step "
                     "was not recorded. The request is read again: look at it and try again."),
             self.tr("Not recorded")),
        )
        if saved is None:
            if not any(label.text() for label in (*self.errors.values(), self.status_error)):
                self.conflict = True
                super().reject()
            return False
        log.info("request %s: %s by %s", self._detail.id, self._to.value, self._actor or "?")
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


# ---------------------------------------------------------------- the request


class RequestDialog(SavingFormMixin[RequestInput], QDialog):
    """Take a new request (``request_id=None``) or open one to correct it and move it on.

    ``household_id`` fixes the household of a new request (opened from a household);
    ``visit_id`` links it to the visit that found the problem (走访发现).
    :attr:`saved_request_id` holds the id after a save; :attr:`changed` tells whether
    anything was written (a step counts even when the dialog is then closed).
    Raises :class:`~stationapp.domain.errors.NotFoundError` for an unknown id.
    """

    def __init__(
        self,
        database: Database,
        request_id: int | None = None,
        actor: str = "",
        parent: QWidget | None = None,
        household_id: int | None = None,
        visit_id: int | None = None,
    ) -> None:
        """Build the form and load the request (if any)."""
        super().__init__(parent)
        self._database = database
        self._request_id = request_id
        self._visit_id = visit_id
        self._actor = actor
        self.detail: RequestDetail | None = None
        self._opened_at: QDateTime | None = None
        self.saved_request_id: int | None = None
        self.changed = False
        with database.session() as session:
            detail = (get_request(session, request_id, now=database.clock.now())
                      if request_id is not None else None)
            categories = list_request_categories(session)
        if detail is not None and detail.category not in categories:
            categories = [*categories, detail.category]
        self._categories = categories

        self.setStyleSheet(INVALID_STYLE)
        self.setSizeGripEnabled(True)
        self._build(detail is not None)
        if detail is not None:
            self._load(detail)
        else:
            self.setWindowTitle(self.tr("New request"))
            self._opened_at = _to_the_minute(database.clock.now())
            self.received_edit.setDateTime(self._opened_at)
            if household_id is not None:
                self.household_picker.set_household_id(household_id)
                self.household_picker.set_fixed(True)
                self.category_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self._initial = self.current_input()
        self.resize(760, 680 if detail is not None else self.sizeHint().height())

    # ------------------------------------------------------------ building

    def _build(self, existing: bool) -> None:
        self.errors: dict[str, ErrorLabel] = {}
        for name in REQUEST_FIELDS:
            label = ErrorLabel(self)
            label.setObjectName(f"error_{name}")
            self.errors[name] = label

        self.household_picker = HouseholdPicker(self._database, self)
        self.household_picker.setObjectName("household_id")
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("category")
        for name in self._categories:
            self.category_combo.addItem(name, name)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channel")
        self.channel_combo.setEditable(True)
        limit_text(self.channel_combo, text_rules.REQUEST_CHANNEL)
        self.channel_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.channel_combo.addItems(list(REQUEST_CHANNELS))
        self.received_edit = QDateTimeEdit(self)
        self.received_edit.setObjectName("received_at")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.reporter_edit = QLineEdit(self)
        self.reporter_edit.setObjectName("reporter")
        self.reporter_edit.setPlaceholderText(self.tr("Who reported it, if not the head"))
        limit_text(self.reporter_edit, text_rules.REQUEST_REPORTER)
        self.assignee_picker = PersonPicker(self._database, self, allow_none=True,
                                            none_text=self.tr("(not yet)"))
        self.assignee_picker.setObjectName("assignee_id")
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(
            self.tr("What is wrong, e.g. the radiator in the bedroom stays cold"))
        limit_text(self.description_edit, text_rules.REQUEST_DESCRIPTION)
        _set_plain_height(self.description_edit, 3)
        self._fields: dict[str, QWidget] = {
            "household_id": self.household_picker, "category": self.category_combo,
            "channel": self.channel_combo, "received_at": self.received_edit,
            "reporter": self.reporter_edit, "assignee_id": self.assignee_picker,
            "description": self.description_edit,
        }

        # The status, prominently, for an existing request
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.status_label.setFont(font)
        self.days_label = QLabel(self)
        self.days_label.setObjectName("days_open")
        days_font = self.days_label.font()
        days_font.setPointSizeF(days_font.pointSizeF() * 1.15)
        self.days_label.setFont(days_font)
        banner = QHBoxLayout()
        banner.addWidget(self.status_label)
        banner.addSpacing(16)
        banner.addWidget(self.days_label)
        banner.addStretch(1)

        details = QGroupBox(self.tr("Request"), self)
        grid = QGridLayout(details)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._grid_row(grid, 0, 0, self.tr("&Household:"), "household_id", span=3)
        self._grid_row(grid, 1, 0, self.tr("&Category:"), "category")
        self._grid_row(grid, 1, 2, self.tr("Cha&nnel:"), "channel")
        self._grid_row(grid, 2, 0, self.tr("&Received:"), "received_at")
        self._grid_row(grid, 2, 2, self.tr("Re&porter:"), "reporter")
        self._grid_row(grid, 3, 0, self.tr("&Assignee:"), "assignee_id")
        self._grid_row(grid, 4, 0, self.tr("&Description:"), "description", span=3)

        # Progress of an existing request: resolution, call-back, history, next steps
        self.progress_box = QGroupBox(self.tr("Progress"), self)
        progress = QVBoxLayout(self.progress_box)
        self.resolution_label = QLabel(self.progress_box)
        self.resolution_label.setObjectName("resolution")
        self.resolution_label.setWordWrap(True)
        self.resolution_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.callback_label = QLabel(self.progress_box)
        self.callback_label.setObjectName("callback")
        self.callback_label.setWordWrap(True)
        self.callback_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_table = QTableWidget(0, 4, self.progress_box)
        self.history_table.setObjectName("history")
        self.history_table.setAccessibleName(self.tr("Status history"))
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Note")])
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setTabKeyNavigation(False)
        self.history_table.setWordWrap(False)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setMinimumHeight(150)
        self.history_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.action_buttons: dict[str, QPushButton] = {
            Action.DISPATCH: QPushButton(self.tr("Dis&patch…"), self.progress_box),
            Action.START: QPushButton(self.tr("S&tart work…"), self.progress_box),
            Action.RESOLVE: QPushButton(self.tr("Re&solve…"), self.progress_box),
            Action.CALL_BACK: QPushButton(self.tr("Ca&ll back…"), self.progress_box),
            Action.REOPEN: QPushButton(self.tr("Send &back to work…"), self.progress_box),
        }
        tips = {
            Action.DISPATCH: self.tr("Choose who handles the request (派单)"),
            Action.START: self.tr("Work on the request has begun (处理中)"),
            Action.RESOLVE: self.tr("The problem is solved: say what was done (办结)"),
            Action.CALL_BACK: self.tr("Ask the resident whether they are satisfied (回访)"),
            Action.REOPEN: self.tr("The call-back found the problem still there (退回处理)"),
        }
        steps = QHBoxLayout()
        steps_label = QLabel(self.tr("Next step:"), self.progress_box)
        steps.addWidget(steps_label)
        for name, button in self.action_buttons.items():
            button.setObjectName(f"action_{name}")
            button.setAutoDefault(False)
            button.setToolTip(tips[name])
            button.setVisible(False)
            button.clicked.connect(lambda _checked=False, n=name: self.take_step(n))
            steps.addWidget(button)
        self.final_label = QLabel(self.tr("Closed: the call-back was made."), self.progress_box)
        self.final_label.setVisible(False)
        steps.addWidget(self.final_label)
        steps.addStretch(1)
        progress.addLayout(steps)
        progress.addWidget(self.resolution_label)
        progress.addWidget(self.callback_label)
        progress.addWidget(self.history_table, 1)
        self.progress_box.setVisible(existing)

        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("error_general")
        self.button_box, self.save_button, cancel = save_cancel_buttons(self, self.save)
        if existing:
            cancel.setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        if existing:
            layout.addLayout(banner)
        layout.addWidget(details)
        layout.addWidget(self.progress_box, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)
        chain: list[QWidget] = [
            self.household_picker, self.category_combo, self.channel_combo,
            self.received_edit, self.reporter_edit, self.assignee_picker,
            self.description_edit, *self.action_buttons.values(), self.history_table,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.household_picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def _grid_row(
        self, grid: QGridLayout, row: int, column: int, text: str, name: str, span: int = 1
    ) -> None:
        field = self._fields[name]
        label = QLabel(text, self)
        label.setBuddy(field)
        if isinstance(field, QPlainTextEdit):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
        else:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setFixedHeight(field.sizeHint().height())
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(with_error(field, self.errors[name], self), row, column + 1, 1, span,
                       Qt.AlignmentFlag.AlignTop)

    # ------------------------------------------------------------ loading

    def _load(self, detail: RequestDetail) -> None:
        """Show ``detail``: the form, the status, the history and the allowed steps."""
        self.detail = detail
        title = " · ".join(p for p in (detail.head, detail.category) if p)
        self.setWindowTitle(self.tr("Request No. {number}: {title}").format(
            number=detail.id, title=title))
        self.household_picker.set_household_id(detail.household_id)
        self.household_picker.set_fixed(True)
        index = self.category_combo.findData(detail.category)
        self.category_combo.setCurrentIndex(max(0, index))
        self.channel_combo.setCurrentText(detail.channel)
        self.received_edit.setDateTime(to_qdatetime(detail.received_at))
        self.reporter_edit.setText(detail.reporter)
        self.assignee_picker.set_person_id(detail.assignee_id)
        self.assignee_picker.setEnabled(False)
        self.assignee_picker.setToolTip(self.tr("Change the assignee with Dispatch…"))
        self.description_edit.setPlainText(detail.description)
        self._show_progress(detail)
        step = next((b for b in self.action_buttons.values() if not b.isHidden()), None)
        (step or self.save_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_progress(self, detail: RequestDetail) -> None:
        overdue = detail.overdue and detail.status.is_open
        self.status_label.setText(detail.status.label)
        if detail.status.is_open:
            days = self.tr("Open for %n day(s)", "", detail.days_open)
        else:
            days = self.tr("Took %n day(s)", "", detail.days_open)
        if detail.assignee:
            days = self.tr("{days} · assigned to {name}").format(days=days, name=detail.assignee)
        if overdue:
            days = self.tr("{days} · overdue").format(days=days)
        self.days_label.setText(days)
        colour = f"color: {ERROR_COLOR.name()};" if overdue else ""
        self.status_label.setStyleSheet(colour)
        self.days_label.setStyleSheet(colour)
        self.status_label.setToolTip(
            self.tr("Open longer than the station's time limit") if overdue else "")

        resolved = detail.resolved_at.strftime("%Y-%m-%d %H:%M") if detail.resolved_at else ""
        self.resolution_label.setText(
            self.tr("Resolution ({when}): {text}").format(when=resolved, text=detail.resolution)
            if detail.resolution else "")
        self.resolution_label.setVisible(bool(detail.resolution))
        callback = ""
        if detail.satisfaction is not None:
            callback = self.tr("Call-back: {verdict}").format(verdict=detail.satisfaction.label)
            if detail.callback_note:
                callback = f"{callback} — {detail.callback_note}"
        self.callback_label.setText(callback)
        self.callback_label.setVisible(bool(callback))

        self.history_table.setRowCount(len(detail.history))
        for row, step in enumerate(detail.history):
            move = (f"{step.from_status.label} → {step.to_status.label}"
                    if step.from_status is not None else step.to_status.label)
            texts = (step.changed_at.strftime("%Y-%m-%d %H:%M"), move, step.actor, step.note)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 3 and text:
                    item.setToolTip(text)
                self.history_table.setItem(row, column, item)

        allowed = {action_for(detail.status, s) for s in detail.allowed_next}
        for name, button in self.action_buttons.items():
            button.setVisible(name in allowed)
            button.setEnabled(name in allowed)
        reassign = detail.status is not RequestStatus.RECEIVED
        self.action_buttons[Action.DISPATCH].setText(
            self.tr("Reassi&gn…") if reassign else self.tr("Dis&patch…"))
        self.final_label.setVisible(not allowed)

    def reload(self) -> None:
        """Read the request again (after a step, or a conflict)."""
        if self._request_id is None:
            return
        modified = self.is_modified()
        with self._database.session() as session:
            detail = get_request(session, self._request_id, now=self._database.clock.now())
        if modified:
            # Keep what the clerk typed; only the status part and the version follow.
            self.detail = detail
            self._show_progress(detail)
            self._initial = replace(self._initial, version=detail.version)
            return
        self._load(detail)
        self._initial = self.current_input()

    # ------------------------------------------------------------ steps

    def allowed_actions(self) -> list[str]:
        """The step buttons shown now, in button order."""
        return [name for name, button in self.action_buttons.items() if not button.isHidden()]

    def step_dialog(self, action: str) -> RequestStepDialog | None:
        """The form of ``action`` for this request, None when the step is not allowed."""
        detail = self.detail
        if detail is None:
            return None
        target = next((s for s in detail.allowed_next
                       if action_for(detail.status, s) == action), None)
        if target is None:
            return None
        return RequestStepDialog(self._database, detail, target, self._actor, self)

    def take_step(self, action: str) -> bool:
        """Open the form of ``action`` and record it; True when the step was recorded.

        Corrections typed into the request are saved first (a step changes the version).
        """
        if self.is_modified() and not self._save_edits():
            return False
        dialog = self.step_dialog(action)
        if dialog is None:
            return False
        try:
            recorded = dialog.exec() == QDialog.DialogCode.Accepted
            conflict = dialog.conflict
        finally:
            dialog.deleteLater()
        if recorded or conflict:
            self.changed = self.changed or recorded
            try:
                self.reload()
            except NotFoundError as exc:
                QMessageBox.warning(self, self.tr("Request not found"), str(exc))
                QDialog.reject(self)
                return False
        return recorded

    # ------------------------------------------------------------ saving

    def current_input(self) -> RequestInput:
        """The request as the form describes it (what Save hands to the service)."""
        household = self.household_picker.household_id()
        category = self.category_combo.currentData()
        detail = self.detail
        return RequestInput(
            household_id=household if household is not None else 0,
            category=str(category) if category is not None else "",
            description=self.description_edit.toPlainText(),
            channel=self.channel_combo.currentText().strip(),
            received_at=self._received_at(),
            reporter=self.reporter_edit.text(),
            assignee_id=detail.assignee_id if detail is not None
            else self.assignee_picker.person_id(),
            version=detail.version if detail is not None else None,
        )

    def _received_at(self) -> datetime | None:
        moment = self.received_edit.dateTime()
        if self._opened_at is not None and moment == self._opened_at:
            return None  # left as it was: received now (to the second, for the order)
        return from_qdatetime(moment)

    def _conflict_texts(self) -> tuple[str, str, str]:
        return (self.tr("Changed by someone else"),
                self.tr("Someone else changed this request after you opened it, so your "
                        "changes were not saved. Close this window and open the request "
                        "again to see their changes."),
                self.tr("Not saved"))

    def _discard_texts(self) -> tuple[str, str]:
        return (self.tr("Discard changes?"),
                self.tr("You changed this request. Close without saving?"))

    def _saved(self, saved_id: int) -> None:
        self.saved_request_id = saved_id
        self.changed = True

    def _save_edits(self) -> bool:
        """Save the corrections of an opened request and read it again (it stays open)."""
        saved = self._save_form()
        if saved is None:
            return False
        self._saved(saved)
        if self._request_id is not None:
            with self._database.session() as session:
                detail = get_request(session, saved, now=self._database.clock.now())
            self._load(detail)
            self._initial = self.current_input()
        return True

    def save(self) -> bool:
        """Validate and save in one transaction; on success accept. True when saved.

        An opened request left as it was is not written again.
        """
        if self._request_id is not None and not self.is_modified():
            QDialog.accept(self)
            return True
        return super().save()

    def _write(self, session: Session, data: RequestInput) -> int:
        if self._request_id is None:
            return create_request(session, data, self._actor, now=self._database.clock.now(),
                                  visit_id=self._visit_id)
        update_request(session, self._request_id, data, self._actor,
                       now=self._database.clock.now())
        return self._request_id

    # ------------------------------------------------------------ problems

    def _clear_problems(self) -> None:
        clear_field_problems(self.errors, self._fields, self.general_error)

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem under its field (others under the form); focus the first."""
        self._clear_problems()
        for problem in problems:
            name = _FIELD_ALIASES.get(problem.field, problem.field)
            show_field_problem(self.errors, self._fields, self.general_error, name,
                               problem.message)
        first = next((self._fields[n] for n in REQUEST_FIELDS if self.errors[n].text()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = [
    "ACTION_FIELDS", "REQUEST_FIELDS", "Action", "RequestDialog", "RequestStepDialog",
    "action_for",
]
