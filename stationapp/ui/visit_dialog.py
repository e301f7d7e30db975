"""The visit dialog: record a visit (走访 / 回访) to a household, or correct one.

At the top the household: address, head, phone, care tier, last visit and next due date.
Below, the visit: date (not in the future), method (上门 / 电话 / 视频), visitor, a finding
per topic (health, mood, gas, water, heating, electricity, hygiene, living conditions,
family support, needs: 正常 / 需关注 / 紧急 and a note) and free notes.

"Needs follow-up" turns, in the same save, into either a request (诉求) for the station
to work on (category, description — prefilled from the findings that are not 正常 — and
who is assigned) or a dated reminder. Both are created only when the visit is first
recorded; a visit opened again shows what was created then.

Save hands the form to :func:`stationapp.workflows.visits.record_visit` (or
``update_visit``) in one transaction; every problem is shown in red under its field and
nothing is written. :meth:`VisitDialog.result_message` says what was created.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.services.household_queries import HouseholdRow, fetch_household_rows, get_household
from stationapp.services.requests import list_request_categories
from stationapp.services.visit_schedule import ScheduleInfo, household_schedule
from stationapp.services.visits import (
    FindingInput,
    FollowUpReminder,
    FollowUpRequest,
    VisitDetail,
    VisitInput,
    VisitSaved,
    get_visit,
    update_visit,
)
from stationapp.ui.date_field import DateEdit
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    INACTIVE_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    format_date,
    from_qdate,
    save_cancel_buttons,
    show_field_problem,
    to_qdate,
    with_error,
)
from stationapp.ui.line_spacing import SpacedTextEdit, line_pitch
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.scaled_font import scale_font
from stationapp.ui.text_limits import limit_text
from stationapp.workflows.visits import record_visit

VISIT_FIELDS: tuple[str, ...] = (
    "visit_date", "method", "visitor", "findings", "notes", "follow_up", "follow_up_date",
    "follow_up_text", "follow_up_category", "follow_up_description",
)
"""Fields with an inline error label (see :attr:`VisitDialog.errors`)."""

DEFAULT_REMINDER_DAYS = 7
"""A new reminder is proposed this many days after the visit."""

TOPIC_CATEGORIES: dict[VisitTopic, str] = {
    VisitTopic.HEATING: "供暖",
    VisitTopic.GAS: "燃气",
    VisitTopic.WATER: "水电",
    VisitTopic.ELECTRICITY: "水电",
    VisitTopic.HEALTH: "医疗",
    VisitTopic.LIVING: "房屋",
    VisitTopic.HYGIENE: "生活照料",
    VisitTopic.NEEDS: "生活照料",
}
"""The request category proposed for a concern on a topic (when the station has it)."""

_LEVEL_COLOURS: dict[FindingLevel, str] = {
    FindingLevel.CONCERN: "#9a5b00",
    FindingLevel.URGENT: ERROR_COLOR.name(),
}


def concerns_summary(findings: Sequence[FindingInput]) -> str:
    """The findings that are not 正常, one per line: ``供暖（需关注）：暖气不热``."""
    lines = []
    for finding in findings:
        if finding.level is FindingLevel.OK:
            continue
        line = f"{finding.topic.label}（{finding.level.label}）"
        if finding.note.strip():
            line = f"{line}：{finding.note.strip()}"
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class _VisitReading:
    """What the visit dialog reads before it is built."""

    household_id: int
    detail: VisitDetail | None
    row: HouseholdRow
    schedule: ScheduleInfo
    liaison: int | None
    categories: list[str]


def _read_visit(session: Session, household_id: int | None, visit_id: int | None,
                today: date) -> _VisitReading:
    detail: VisitDetail | None = None
    if visit_id is not None:
        detail = get_visit(session, visit_id)
        household_id = detail.household_id
    assert household_id is not None
    # Raises NotFoundError for an unknown household, so the row below is there.
    schedule = household_schedule(session, household_id, today=today)
    (row,) = fetch_household_rows(session, [household_id], today=today)
    # Only a new visit needs the whole household (for its liaison).
    liaison = (get_household(session, household_id, today=today).liaison_id
               if detail is None else None)
    return _VisitReading(household_id, detail, row, schedule, liaison,
                         list(list_request_categories(session)))


class VisitDialog(SavingFormMixin[VisitInput], QDialog):
    """Record a visit to ``household_id`` (``visit_id=None``) or correct visit ``visit_id``.

    After a successful save :attr:`saved` holds what was created (visit, request or
    reminder), :attr:`saved_visit_id` the visit's id, and the dialog is accepted. Raises
    :class:`~stationapp.domain.errors.NotFoundError` for an unknown household or visit.
    """

    def __init__(
        self,
        operations: Operations,
        household_id: int | None = None,
        visit_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Read the household (and the visit) and build the form (as of the operations'
        clock's day)."""
        super().__init__(parent)
        if household_id is None and visit_id is None:
            raise ValueError("a household or a visit is needed")
        self._operations = operations
        self._visit_id = visit_id
        self._clock: Clock = operations.clock
        today = self._clock.today()
        self._version: int | None = None
        self.saved: VisitSaved | None = None
        self.saved_visit_id: int | None = None
        self._message = ""
        self._auto_description = ""
        self._auto_text = ""
        self._category_touched = False

        read = operations.read(
            lambda session: _read_visit(session, household_id, visit_id, today))
        detail, row, schedule = read.detail, read.row, read.schedule
        self._household_id = read.household_id
        self._detail = detail
        liaison, categories = read.liaison, read.categories

        self.setStyleSheet(INVALID_STYLE)
        self.setSizeGripEnabled(True)
        self._build(categories, today)
        self._show_household(row.address, row.head, row.phone, schedule)
        if detail is not None:
            self._load(detail)
            self.setWindowTitle(self.tr("Visit of {date}: {address}").format(
                date=format_date(detail.visit_date), address=row.address))
        else:
            if liaison is not None:
                self.visitor_picker.set_person_id(liaison)
            self.setWindowTitle(self.tr("Record a visit: {address}").format(
                address=row.address))
        self._refresh_follow_up()
        self._initial = self.current_input()
        self.resize(max(980, self.sizeHint().width()), self.sizeHint().height())

    # ------------------------------------------------------------------ building

    def _build(self, categories: Sequence[str], today: date) -> None:
        self.errors: dict[str, ErrorLabel] = {}
        for name in VISIT_FIELDS:
            error = ErrorLabel(self)
            error.setObjectName(f"error_{name}")
            self.errors[name] = error

        self.household_label = QLabel(self)
        self.household_label.setObjectName("household")
        self.household_label.setTextFormat(Qt.TextFormat.PlainText)
        scale_font(self.household_label, 1.2, bold=True)
        self.household_label.setWordWrap(True)
        self.schedule_label = QLabel(self)
        self.schedule_label.setObjectName("schedule")
        self.schedule_label.setTextFormat(Qt.TextFormat.PlainText)
        self.schedule_label.setWordWrap(True)

        # The visit
        self.date_edit = DateEdit(self)
        self.date_edit.setObjectName("visit_date")
        self.date_edit.setDate(to_qdate(today))
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[VisitMethod, QRadioButton] = {}
        method_box = QWidget(self)
        method_box.setObjectName("method")
        methods = QHBoxLayout(method_box)
        methods.setContentsMargins(0, 0, 0, 0)
        for method in VisitMethod:
            button = QRadioButton(method.label, method_box)
            button.setObjectName(f"method_{method.value}")
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
        methods.addStretch(1)
        self.method_buttons[VisitMethod.HOME].setChecked(True)
        self.visitor_picker = PersonPicker(self._operations, self, allow_none=True)
        self.visitor_picker.setObjectName("visitor")
        self.visitor_picker.setAccessibleName(self.tr("Visitor"))
        self._fields: dict[str, QWidget] = {
            "visit_date": self.date_edit, "method": method_box, "visitor": self.visitor_picker,
        }
        visit_row = QGridLayout()
        visit_row.setColumnStretch(5, 1)
        for column, (text, name) in enumerate((
            (self.tr("&Date:"), "visit_date"), (self.tr("H&ow:"), "method"),
            (self.tr("&Visitor:"), "visitor"),
        )):
            label = QLabel(text, self)
            label.setBuddy(self._fields[name] if name != "method"
                           else self.method_buttons[VisitMethod.HOME])
            visit_row.addWidget(label, 0, 2 * column, Qt.AlignmentFlag.AlignTop)
            visit_row.addWidget(self._fields[name], 0, 2 * column + 1,
                                Qt.AlignmentFlag.AlignTop)
            # Each message has a line of its own across the row: under the narrow date
            # field it would break mid-word ("…今/天").
            visit_row.addWidget(self.errors[name], 1 + column, 2 * column + 1,
                                1, 6 - (2 * column + 1))
            label.setFixedHeight(self.date_edit.sizeHint().height())

        # Findings
        findings_box = QGroupBox(self.tr("Findings"), self)
        findings_box.setObjectName("findings")
        grid = QGridLayout(findings_box)
        grid.setColumnStretch(2, 1)
        self.level_combos: dict[VisitTopic, QComboBox] = {}
        self.note_edits: dict[VisitTopic, QLineEdit] = {}
        for row, topic in enumerate(VisitTopic):
            combo = QComboBox(findings_box)
            combo.setObjectName(f"level_{topic.value}")
            combo.setAccessibleName(topic.label)
            for level in FindingLevel:
                combo.addItem(level.label, level.value)
            note = QLineEdit(findings_box)
            note.setObjectName(f"note_{topic.value}")
            note.setAccessibleName(self.tr("{topic}: note").format(topic=topic.label))
            note.setPlaceholderText(self.tr("What was seen or said"))
            limit_text(note, text_rules.FINDING_NOTE)
            label = QLabel(topic.label, findings_box)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(note, row, 2)
            self.level_combos[topic] = combo
            self.note_edits[topic] = note
            combo.currentIndexChanged.connect(
                lambda _i, t=topic: self._level_changed(t))
            note.textChanged.connect(lambda _text: self._findings_changed())
        grid.addWidget(self.errors["findings"], len(VisitTopic), 0, 1, 3)

        # Notes
        notes_box = QGroupBox(self.tr("Notes"), self)
        notes = QVBoxLayout(notes_box)
        self.notes_edit = SpacedTextEdit(notes_box)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        limit_text(self.notes_edit, text_rules.VISIT_NOTES)
        self.notes_edit.setMaximumHeight(line_pitch(self.notes_edit.font()) * 5)
        notes.addWidget(self.notes_edit)
        notes.addWidget(self.errors["notes"])

        # Follow-up
        self.follow_up_check = QCheckBox(self.tr("Needs &follow-up"), self)
        self.follow_up_check.setObjectName("needs_follow_up")
        self.follow_up_box = QGroupBox(self.tr("Follow-up"), self)
        self.follow_up_box.setObjectName("follow_up")
        follow = QVBoxLayout(self.follow_up_box)
        self.created_label = QLabel(self.follow_up_box)
        self.created_label.setObjectName("created")
        self.created_label.setWordWrap(True)
        follow.addWidget(self.created_label)
        self.request_radio = QRadioButton(self.tr("Open a &request for the station"),
                                          self.follow_up_box)
        self.request_radio.setObjectName("follow_up_request")
        self.reminder_radio = QRadioButton(self.tr("Re&mind on a date"), self.follow_up_box)
        self.reminder_radio.setObjectName("follow_up_reminder")
        self.follow_up_group = QButtonGroup(self)
        self.follow_up_group.addButton(self.request_radio)
        self.follow_up_group.addButton(self.reminder_radio)
        self.request_radio.setChecked(True)

        self.category_combo = QComboBox(self.follow_up_box)
        self.category_combo.setObjectName("follow_up_category")
        self.category_combo.addItems(list(categories))
        self.description_edit = SpacedTextEdit(self.follow_up_box)
        self.description_edit.setObjectName("follow_up_description")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(
            line_pitch(self.description_edit.font()) * 4)
        self.description_edit.setPlaceholderText(self.tr("What is the problem?"))
        limit_text(self.description_edit, text_rules.REQUEST_DESCRIPTION)
        self.request_fields = QWidget(self.follow_up_box)
        request_form = QFormLayout(self.request_fields)
        request_form.setContentsMargins(24, 0, 0, 0)
        request_form.addRow(self._buddy(self.tr("&Category:"), self.category_combo),
                            with_error(self.category_combo, self.errors["follow_up_category"],
                                       self))
        request_form.addRow(self._buddy(self.tr("D&escription:"), self.description_edit),
                            with_error(self.description_edit,
                                       self.errors["follow_up_description"], self))

        self.remind_date_edit = DateEdit(self.follow_up_box)
        self.remind_date_edit.setObjectName("follow_up_date")
        self.remind_date_edit.setDate(to_qdate(today + timedelta(DEFAULT_REMINDER_DAYS)))
        self.remind_text_edit = QLineEdit(self.follow_up_box)
        self.remind_text_edit.setObjectName("follow_up_text")
        self.remind_text_edit.setPlaceholderText(self.tr("What to look at again"))
        limit_text(self.remind_text_edit, text_rules.REMINDER_TEXT)
        self.reminder_fields = QWidget(self.follow_up_box)
        reminder_form = QFormLayout(self.reminder_fields)
        reminder_form.setContentsMargins(24, 0, 0, 0)
        reminder_form.addRow(self._buddy(self.tr("O&n:"), self.remind_date_edit),
                             with_error(self.remind_date_edit, self.errors["follow_up_date"],
                                        self))
        reminder_form.addRow(self._buddy(self.tr("&Text:"), self.remind_text_edit),
                             with_error(self.remind_text_edit, self.errors["follow_up_text"],
                                        self))

        self.assignee_picker = PersonPicker(self._operations, self.follow_up_box,
                                            allow_none=True)
        self.assignee_picker.setObjectName("follow_up_assignee")
        self.assignee_picker.setAccessibleName(self.tr("Who follows up"))
        assignee_row = QFormLayout()
        assignee_row.addRow(self._buddy(self.tr("&Who follows up:"), self.assignee_picker),
                            self.assignee_picker)
        self.actions_box = QWidget(self.follow_up_box)
        actions = QVBoxLayout(self.actions_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.request_radio)
        actions.addWidget(self.request_fields)
        actions.addWidget(self.reminder_radio)
        actions.addWidget(self.reminder_fields)
        actions.addLayout(assignee_row)
        actions.addWidget(self.errors["follow_up"])
        follow.addWidget(self.actions_box)
        follow.addStretch(1)
        self._fields.update({
            "findings": findings_box, "notes": self.notes_edit, "follow_up": self.follow_up_box,
            "follow_up_date": self.remind_date_edit, "follow_up_text": self.remind_text_edit,
            "follow_up_category": self.category_combo,
            "follow_up_description": self.description_edit,
        })

        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("error_general")
        self.button_box, self.save_button, self.cancel_button = save_cancel_buttons(
            self, self.save)

        right = QVBoxLayout()
        right.addWidget(notes_box)
        right.addWidget(self.follow_up_check)
        right.addWidget(self.follow_up_box, 1)
        middle = QHBoxLayout()
        middle.addWidget(findings_box, 3)
        middle.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.household_label)
        layout.addWidget(self.schedule_label)
        layout.addLayout(visit_row)
        layout.addLayout(middle, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)

        chain: list[QWidget] = [self.date_edit, *self.method_buttons.values(),
                                self.visitor_picker]
        for topic in VisitTopic:
            chain += [self.level_combos[topic], self.note_edits[topic]]
        chain += [self.notes_edit, self.follow_up_check, self.request_radio,
                  self.category_combo, self.description_edit, self.reminder_radio,
                  self.remind_date_edit, self.remind_text_edit, self.assignee_picker,
                  self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.follow_up_check.toggled.connect(lambda _on: self._refresh_follow_up())
        self.request_radio.toggled.connect(lambda _on: self._refresh_follow_up())
        self.category_combo.activated.connect(self._category_chosen)
        self.date_edit.dateChanged.connect(self._visit_date_changed)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    # ------------------------------------------------------------------ loading

    def _show_household(self, address: str, head: str, phone: str,
                        schedule: ScheduleInfo) -> None:
        parts = [address, head, phone]
        self.household_label.setText(" · ".join(p for p in parts if p))
        text = self.tr("Care tier {tier} (visit every {days} days)").format(
            tier=schedule.tier.label, days=schedule.interval_days)
        last = (format_date(schedule.last_visit) if schedule.last_visit
                else self.tr("never visited"))
        text = self.tr("{text} · last visit: {last}").format(text=text, last=last)
        if schedule.next_due is not None:
            text = self.tr("{text} · next due: {due}").format(
                text=text, due=format_date(schedule.next_due))
        if schedule.days_overdue > 0:
            text = self.tr("{text} — %n day(s) overdue", "", schedule.days_overdue).format(
                text=text)
            self.schedule_label.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.schedule_label.setText(text)

    def _load(self, detail: VisitDetail) -> None:
        self._version = detail.version
        self.date_edit.setDate(to_qdate(detail.visit_date))
        self.method_buttons[detail.method].setChecked(True)
        self.visitor_picker.set_person_id(detail.visitor_id)
        for finding in detail.findings:
            combo = self.level_combos[finding.topic]
            combo.setCurrentIndex(combo.findData(finding.level.value))
            self.note_edits[finding.topic].setText(finding.note)
        self.notes_edit.setPlainText(detail.notes)
        self.follow_up_check.setChecked(detail.needs_follow_up)
        created = []
        if detail.request_id is not None:
            created.append(self.tr("Request No. {number} was opened from this visit.").format(
                number=detail.request_id))
        if detail.reminder_id is not None:
            created.append(self.tr("A reminder was set from this visit."))
        if not created:
            created.append(self.tr("Requests and reminders are made only when a visit is "
                                   "first recorded."))
        self.created_label.setText("\n".join(created))

    # ------------------------------------------------------------------ follow-up

    def findings(self) -> tuple[FindingInput, ...]:
        """Every topic with the level and note chosen, in the order of the form."""
        return tuple(
            FindingInput(topic=topic,
                         level=FindingLevel(self.level_combos[topic].currentData()),
                         note=self.note_edits[topic].text().strip())
            for topic in VisitTopic
        )

    def _level_changed(self, topic: VisitTopic) -> None:
        combo = self.level_combos[topic]
        level = FindingLevel(combo.currentData())
        colour = _LEVEL_COLOURS.get(level)
        combo.setStyleSheet(f"QComboBox {{ color: {colour}; font-weight: bold; }}"
                            if colour else "")
        self._findings_changed()

    def _findings_changed(self) -> None:
        """Keep the prefilled description, text and category in step while untouched."""
        findings = self.findings()
        summary = concerns_summary(findings)
        if self.description_edit.toPlainText() == self._auto_description:
            self.description_edit.setPlainText(summary)
        self._auto_description = summary
        one_line = summary.replace("\n", "；")
        if self.remind_text_edit.text() == self._auto_text:
            self.remind_text_edit.setText(one_line)
        self._auto_text = one_line
        if not self._category_touched:
            worst = sorted((f for f in findings if f.level is not FindingLevel.OK),
                           key=lambda f: f.level is not FindingLevel.URGENT)
            for finding in worst:
                row = self.category_combo.findText(TOPIC_CATEGORIES.get(finding.topic, ""))
                if row >= 0:
                    self.category_combo.setCurrentIndex(row)
                    break

    def _category_chosen(self, _index: int) -> None:
        self._category_touched = True

    def _visit_date_changed(self) -> None:
        if self._detail is None and not self.remind_date_edit.hasFocus():
            visit_day = from_qdate(self.date_edit.date())
            self.remind_date_edit.setDate(to_qdate(visit_day + timedelta(DEFAULT_REMINDER_DAYS)))

    def _refresh_follow_up(self) -> None:
        new = self._detail is None
        on = self.follow_up_check.isChecked()
        self.follow_up_box.setEnabled(on or not new)
        self.actions_box.setVisible(new)
        self.created_label.setVisible(not new)
        self.actions_box.setEnabled(on)
        request = self.request_radio.isChecked()
        self.request_fields.setEnabled(on and request)
        self.reminder_fields.setEnabled(on and not request)
        grey = "" if on else f"color: {INACTIVE_COLOR.name()};"
        self.follow_up_box.setStyleSheet(f"QGroupBox {{ {grey} }}" if grey else "")

    # ------------------------------------------------------------------ saving

    def current_input(self) -> VisitInput:
        """The visit as it stands in the form (what Save hands to the service)."""
        method = next((m for m, b in self.method_buttons.items() if b.isChecked()),
                      VisitMethod.HOME)
        follow_up: FollowUpRequest | FollowUpReminder | None = None
        needs = self.follow_up_check.isChecked()
        if needs and self._detail is None:
            assignee = self.assignee_picker.person_id()
            if self.request_radio.isChecked():
                follow_up = FollowUpRequest(
                    category=self.category_combo.currentText(),
                    description=self.description_edit.toPlainText().strip(),
                    assignee_id=assignee)
            else:
                follow_up = FollowUpReminder(
                    due_date=from_qdate(self.remind_date_edit.date()),
                    text=self.remind_text_edit.text().strip(), assignee_id=assignee)
        return VisitInput(
            household_id=self._household_id,
            visit_date=from_qdate(self.date_edit.date()),
            method=method,
            visitor_id=self.visitor_picker.person_id(),
            findings=self.findings(),
            notes=self.notes_edit.toPlainText().strip(),
            needs_follow_up=needs,
            follow_up=follow_up,
            version=self._version,
        )

    def _failure_texts(self) -> FailureTexts:
        return FailureTexts(
            self.tr("Not saved"), self.tr("Changed by someone else"),
            self.tr("Someone else changed this visit after you opened it, so your changes "
                    "were not saved. Close this window and open the visit again."))

    def _discard_texts(self) -> tuple[str, str]:
        return (self.tr("Discard changes?"),
                self.tr("You changed this visit. Close without saving?"))

    def _saved(self, saved_id: int) -> None:
        self.saved_visit_id = saved_id
        self._message = self._describe_saved()

    def _write(self, ctx: OperationContext, data: VisitInput) -> int:
        today = ctx.clock.today()
        if self._visit_id is None:
            self.saved = record_visit(ctx.session, data, ctx.actor, today=today)
            return self.saved.visit_id
        update_visit(ctx.session, self._visit_id, data, ctx.actor, today=today)
        self.saved = VisitSaved(self._visit_id)
        return self._visit_id

    def _notice(self, saved_id: int) -> ChangeNotice:
        # A visit moves the household's schedule and may open a request or a reminder.
        return changed(Area.VISITS, Area.REMINDERS, Area.REQUESTS, Area.HOUSEHOLDS,
                       households=(self._household_id,), origin=self)

    def _describe_saved(self) -> str:
        if self._visit_id is not None:
            return self.tr("Visit saved.")
        message = self.tr("Visit recorded.")
        if self.saved is not None and self.saved.request_id is not None:
            message = self.tr("{message} Request No. {number} opened.").format(
                message=message, number=self.saved.request_id)
        elif self.saved is not None and self.saved.reminder_id is not None:
            message = self.tr("{message} Reminder set for {date}.").format(
                message=message, date=format_date(from_qdate(self.remind_date_edit.date())))
        return message

    def result_message(self) -> str:
        """What the last save did, for the clerk ("Visit recorded. Request No. 12 opened.")."""
        return self._message

    # ------------------------------------------------------------------ problems

    def _clear_problems(self) -> None:
        clear_field_problems(self.errors, self._fields, self.general_error)

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem of a refused save under its field."""
        self._clear_problems()
        for problem in problems:
            name = problem.field.split("[", 1)[0].split(".", 1)[0]
            if problem.field in self.errors:
                name = problem.field
            show_field_problem(self.errors, self._fields, self.general_error, name,
                               problem.message)
        first = next((self._fields[n] for n in VISIT_FIELDS if self.errors[n].text()), None)
        if first is not None:
            target = (self.method_buttons[VisitMethod.HOME] if first is self._fields["method"]
                      else first)
            target.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["TOPIC_CATEGORIES", "VISIT_FIELDS", "VisitDialog", "concerns_summary"]
