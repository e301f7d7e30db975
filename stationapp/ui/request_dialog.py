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
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.care_vocab import REQUEST_CHANNELS, RequestStatus
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.services.requests import (
    RequestDetail,
    RequestInput,
    create_request,
    get_request,
    list_request_categories,
    update_request,
)
from stationapp.ui.date_field import DateTimeEdit
from stationapp.ui.event_dialog import from_qdatetime, to_qdatetime
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    save_cancel_buttons,
    show_field_problem,
    with_error,
)
from stationapp.ui.household_picker import HouseholdPicker
from stationapp.ui.line_spacing import SpacedTextEdit
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.request_step_dialog import (
    Action,
    RequestStepDialog,
    action_for,
    set_plain_height,
    to_the_minute,
)
from stationapp.ui.scaled_font import rows_follow_font, scale_font
from stationapp.ui.text_limits import limit_text

log = logging.getLogger("stationapp.ui")

REQUEST_FIELDS: tuple[str, ...] = (
    "household_id", "category", "channel", "received_at", "reporter", "assignee_id",
    "description",
)
"""Request fields with an inline error label (see :attr:`RequestDialog.errors`)."""

_FIELD_ALIASES = {"household": "household_id", "assignee": "assignee_id",
                  "category_id": "category"}


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
        operations: Operations,
        request_id: int | None = None,
        parent: QWidget | None = None,
        household_id: int | None = None,
        visit_id: int | None = None,
    ) -> None:
        """Build the form and load the request (if any)."""
        super().__init__(parent)
        self._operations = operations
        self._request_id = request_id
        self._visit_id = visit_id
        self.detail: RequestDetail | None = None
        self._opened_at: QDateTime | None = None
        self.saved_request_id: int | None = None
        self.changed = False
        now = operations.clock.now()
        detail, categories = operations.read(lambda session: (
            get_request(session, request_id, now=now) if request_id is not None else None,
            list_request_categories(session),
        ))
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
            self._opened_at = to_the_minute(operations.clock.now())
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

        self.household_picker = HouseholdPicker(self._operations, self)
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
        self.received_edit = DateTimeEdit(self)
        self.received_edit.setObjectName("received_at")
        self.reporter_edit = QLineEdit(self)
        self.reporter_edit.setObjectName("reporter")
        self.reporter_edit.setPlaceholderText(self.tr("Who reported it, if not the head"))
        limit_text(self.reporter_edit, text_rules.REQUEST_REPORTER)
        self.assignee_picker = PersonPicker(self._operations, self, allow_none=True,
                                            none_text=self.tr("(not yet)"))
        self.assignee_picker.setObjectName("assignee_id")
        self.description_edit = SpacedTextEdit(self)
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(
            self.tr("What is wrong, e.g. the radiator in the bedroom stays cold"))
        limit_text(self.description_edit, text_rules.REQUEST_DESCRIPTION)
        set_plain_height(self.description_edit, 3)
        self._fields: dict[str, QWidget] = {
            "household_id": self.household_picker, "category": self.category_combo,
            "channel": self.channel_combo, "received_at": self.received_edit,
            "reporter": self.reporter_edit, "assignee_id": self.assignee_picker,
            "description": self.description_edit,
        }

        # The status, prominently, for an existing request
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        scale_font(self.status_label, 1.4, bold=True)
        self.days_label = QLabel(self)
        self.days_label.setObjectName("days_open")
        scale_font(self.days_label, 1.15)
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
        self._grid_row(grid, 2, 2, self.tr("R&eporter:"), "reporter")
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
        rows_follow_font(self.history_table, 8)
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
        if isinstance(field, QTextEdit):
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
        detail = self._read_request(self._request_id)
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
        return RequestStepDialog(self._operations, detail, target, self)

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

    def _failure_texts(self) -> FailureTexts:
        return FailureTexts(
            self.tr("Not saved"), self.tr("Changed by someone else"),
            self.tr("Someone else changed this request after you opened it, so your "
                    "changes were not saved. Close this window and open the request "
                    "again to see their changes."))

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
            self._load(self._read_request(saved))
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

    def _write(self, ctx: OperationContext, data: RequestInput) -> int:
        if self._request_id is None:
            return create_request(ctx.session, data, ctx.actor, now=ctx.clock.now(),
                                  visit_id=self._visit_id)
        update_request(ctx.session, self._request_id, data, ctx.actor, now=ctx.clock.now())
        return self._request_id

    def _notice(self, saved_id: int) -> ChangeNotice:
        household = self.household_picker.household_id()
        return changed(Area.REQUESTS, households=() if household is None else (household,),
                       origin=self)

    def _read_request(self, request_id: int) -> RequestDetail:
        now = self._operations.clock.now()
        return self._operations.read(lambda session: get_request(session, request_id, now=now))

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


__all__ = ["REQUEST_FIELDS", "RequestDialog"]
