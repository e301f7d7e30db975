"""The household dialog: add or edit a household, its members, and change its status.

Members (:mod:`stationapp.ui.household_members`)
    The table lists the members who live in the household first (row *i* is what the
    service calls ``residents[i]``), then, greyed, the members kept for the record:
    those who moved away or died earlier, and saved members the clerk removed in this
    dialog. Removing a saved member never deletes it: it is left out of what is saved and
    the service marks it as moved away (迁出); until then the row shows "迁出 on save".
    A member added in this dialog and removed again simply disappears.

Validation
    Save hands the whole form to the household service inside one session; a
    :class:`~stationapp.domain.errors.ValidationError` leaves the ``with`` block, so the
    session rolls back and nothing is written. Every problem is shown at once: a red
    message under the field (``community``, ``building``, ``unit``, ``room``, ``phone``),
    and for a member (``residents[i].<field>``) its row turns red and the message is
    listed under the table; opening that member shows the message under the field too.

Registration date
    登记日期 is the day the household came onto the ledger: a new household starts on the
    clock's today, a saved one shows its stored day; the clerk may correct it, but never
    to a day after today.

Status
    For a saved household "Change status…" records 在册 / 迁出 / 注销 at once (its own
    transaction, with the version this dialog read) and the dialog reloads. Because that
    change is already saved, the dialog then ends as *accepted* even when it is closed
    with Cancel, and :attr:`HouseholdDialog.saved_household_id` is set, so the caller
    refreshes its list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import (
    STORED_CATEGORIES,
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
)
from stationapp.services.household_queries import get_household, list_communities
from stationapp.services.household_types import HouseholdDetail, HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.ui.date_field import DateEdit
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    format_date,
    from_qdate,
    mark_invalid,
    save_cancel_buttons,
    to_qdate,
    with_error,
)
from stationapp.ui.household_history import HouseholdHistoryView
from stationapp.ui.household_members import HouseholdMembersMixin, RecordOnly
from stationapp.ui.line_spacing import SpacedTextEdit, line_pitch
from stationapp.ui.member_editor import MemberEditor
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.scaled_font import scale_font
from stationapp.ui.status_dialog import StatusDialog
from stationapp.ui.text_limits import limit_text

HOUSEHOLD_FIELDS: tuple[str, ...] = ("community", "building", "unit", "room", "phone",
                                     "registered_on", "liaison")
"""Household fields that have an inline error label (see :attr:`HouseholdDialog.errors`)."""

_MEMBER_FIELD = re.compile(r"^residents\[(\d+)\]\.(\w+)$")
_CATEGORY_COLUMNS = 4


class HouseholdDialog(SavingFormMixin[HouseholdInput], HouseholdMembersMixin, QDialog):
    """Add a household (``household_id=None``) or edit one, with its members and status.

    Saves run through ``operations`` (its actor is recorded, its clock gives the days) and
    announce that this household changed. After a successful save
    :attr:`saved_household_id` holds the household's id and the dialog is accepted. Days
    (ages, overdue visits, the registration date) are the operations' clock's. Raises
    :class:`~stationapp.domain.errors.NotFoundError` when ``household_id`` is not on the
    ledger.
    """

    def __init__(
        self,
        operations: Operations,
        household_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Read the household (if any) and the communities and build the form."""
        super().__init__(parent)
        self._operations = operations
        self._household_id = household_id
        self._clock: Clock = operations.clock
        self.saved_household_id: int | None = None
        self._detail: HouseholdDetail | None = None
        self._version: int | None = None
        self._members: list[ResidentInput] = []
        self._record_only: list[RecordOnly] = []
        self._member_problems: dict[int, dict[str, str]] = {}
        self._member_general: list[str] = []
        self._status_changed = False
        self._member_editor: MemberEditor | None = None
        self._status_dialog: StatusDialog | None = None

        def read(session: Session) -> tuple[list[str], HouseholdDetail | None]:
            communities = [c.name for c in list_communities(session)]
            detail = (get_household(session, household_id, today=self._clock.today())
                      if household_id is not None else None)
            return communities, detail

        communities, detail = operations.read(read)

        self.setStyleSheet(INVALID_STYLE)
        self.setSizeGripEnabled(True)
        self._build(communities)
        if detail is not None:
            self._load(detail)
        else:
            self.setWindowTitle(self.tr("New household"))
            self._refresh_members()
        self._initial = self.current_input()
        self.resize(1040, 760)

    # ------------------------------------------------------------------ building

    def _build(self, communities: Sequence[str]) -> None:
        self.status_banner = QLabel(self)
        self.status_banner.setObjectName("status_banner")
        self.status_banner.setWordWrap(True)
        scale_font(self.status_banner, 1.3, bold=True)
        self.status_banner.setStyleSheet(
            "QLabel#status_banner { background: #fff1d6; color: #7a4100;"
            " border: 1px solid #e0a030; border-radius: 4px; padding: 8px; }"
        )
        self.status_banner.setVisible(False)

        self.errors: dict[str, ErrorLabel] = {name: ErrorLabel(self) for name in HOUSEHOLD_FIELDS}
        for name, label in self.errors.items():
            label.setObjectName(f"error_{name}")

        # Address and contact
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("community")
        self.community_combo.setEditable(True)
        self.community_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.community_combo.addItems(list(communities))
        self.community_combo.setCurrentIndex(-1)
        self.community_combo.setSizePolicy(QSizePolicy.Policy.Expanding,
                                           QSizePolicy.Policy.Fixed)
        line_edit = self.community_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Choose or type a community"))
        self.building_edit = QLineEdit(self)
        self.building_edit.setObjectName("building")
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("unit")
        self.room_edit = QLineEdit(self)
        self.room_edit.setObjectName("room")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        for widget, rule in ((self.community_combo, text_rules.COMMUNITY),
                             (self.building_edit, text_rules.BUILDING),
                             (self.unit_edit, text_rules.UNIT), (self.room_edit, text_rules.ROOM),
                             (self.phone_edit, text_rules.HOUSEHOLD_PHONE)):
            limit_text(widget, rule)
        today = self._clock.today()
        self.registered_edit = DateEdit(self)
        self.registered_edit.setObjectName("registered_on")
        self.registered_edit.setCalendarPopup(True)
        self.registered_edit.setDisplayFormat("yyyy-MM-dd")
        self.registered_edit.setMaximumDate(to_qdate(today))
        self.registered_edit.setDate(to_qdate(today))
        self.registered_edit.setToolTip(
            self.tr("The day the household came onto the ledger (not after today)"))
        self._fields: dict[str, QWidget] = {
            "community": self.community_combo, "building": self.building_edit,
            "unit": self.unit_edit, "room": self.room_edit, "phone": self.phone_edit,
            "registered_on": self.registered_edit,
        }

        address_box = QGroupBox(self.tr("Address and contact"), self)
        grid = QGridLayout(address_box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        self._grid_field(grid, 0, 0, self.tr("&Community:"), "community", span=5)
        self._grid_field(grid, 1, 0, self.tr("&Building:"), "building")
        self._grid_field(grid, 1, 2, self.tr("&Unit:"), "unit")
        self._grid_field(grid, 1, 4, self.tr("R&oom:"), "room")
        self._grid_field(grid, 2, 0, self.tr("&Phone:"), "phone", span=3)
        self._grid_field(grid, 2, 4, self.tr("Re&gistered:"), "registered_on")
        grid.setRowStretch(3, 1)

        # Care
        care_box = QGroupBox(self.tr("Care"), self)
        care = QVBoxLayout(care_box)
        categories = QGridLayout()
        self.category_boxes: dict[CareCategory, QCheckBox] = {}
        for i, category in enumerate(STORED_CATEGORIES):
            box = QCheckBox(category.label, care_box)
            box.setObjectName(f"category_{category.value}")
            self.category_boxes[category] = box
            categories.addWidget(box, i // _CATEGORY_COLUMNS, i % _CATEGORY_COLUMNS)
        care.addLayout(categories)
        self.elderly_label = QLabel(care_box)
        self.elderly_label.setObjectName("elderly_note")
        self.elderly_label.setWordWrap(True)
        care.addWidget(self.elderly_label)
        self.living_alone_label = QLabel(care_box)
        self.living_alone_label.setObjectName("living_alone_warning")
        self.living_alone_label.setWordWrap(True)
        self.living_alone_label.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.living_alone_label.hide()
        care.addWidget(self.living_alone_label)
        self.category_boxes[CareCategory.LIVING_ALONE].toggled.connect(
            lambda _on: self._refresh_living_alone())
        tier_row = QHBoxLayout()
        self.tier_combo = QComboBox(care_box)
        self.tier_combo.setObjectName("tier")
        for tier in CareTier:
            self.tier_combo.addItem(tier.label, tier)
        self.tier_combo.setCurrentIndex(self.tier_combo.findData(CareTier.ROUTINE))
        tier_label = QLabel(self.tr("Care &tier:"), care_box)
        tier_label.setBuddy(self.tier_combo)
        tier_row.addWidget(tier_label)
        tier_row.addWidget(self.tier_combo)
        tier_row.addStretch(1)
        care.addLayout(tier_row)
        self.liaison_picker = PersonPicker(self._operations, care_box, allow_none=True)
        self.liaison_picker.setObjectName("liaison")
        self.liaison_picker.setAccessibleName(self.tr("Liaison"))
        self.liaison_picker.setToolTip(
            self.tr("The staff member or volunteer who looks after this household"))
        self._fields["liaison"] = self.liaison_picker
        liaison_row = QHBoxLayout()
        liaison_label = QLabel(self.tr("&Liaison:"), care_box)
        liaison_label.setBuddy(self.liaison_picker)
        liaison_label.setFixedHeight(self.liaison_picker.sizeHint().height())
        liaison_row.addWidget(liaison_label, 0, Qt.AlignmentFlag.AlignTop)
        liaison_row.addWidget(with_error(self.liaison_picker, self.errors["liaison"], care_box),
                              1, Qt.AlignmentFlag.AlignTop)
        care.addLayout(liaison_row)
        self.visits_label = QLabel(care_box)
        self.visits_label.setObjectName("visits")
        self.visits_label.setWordWrap(True)
        self.visits_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.visits_label.setVisible(self._household_id is not None)
        care.addWidget(self.visits_label)
        care.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(address_box, 3)
        top.addWidget(care_box, 2)
        self._build_members_box()
        # A saved household has a history: its visits, requests, deliveries and status
        # changes, in a tab beside the members (read when the tab is first shown).
        self.history_view: HouseholdHistoryView | None = None
        self.sections: QTabWidget | None = None
        members_area: QWidget = self.members_box
        if self._household_id is not None:
            self.sections = QTabWidget(self)
            self.sections.setObjectName("sections")
            self.history_view = HouseholdHistoryView(self._operations, self._household_id,
                                                     self.sections)
            self.sections.addTab(self.members_box, self.tr("Members"))
            self.sections.addTab(self.history_view, self.tr("Histor&y"))
            members_area = self.sections

        # Notes
        notes_box = QGroupBox(self.tr("Notes"), self)
        notes = QVBoxLayout(notes_box)
        self.notes_edit = SpacedTextEdit(notes_box)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        limit_text(self.notes_edit, text_rules.HOUSEHOLD_NOTES)
        self.notes_edit.setMaximumHeight(line_pitch(self.notes_edit.font()) * 7)
        notes_label = QLabel(self.tr("&Notes (family situation, how to reach them):"), notes_box)
        notes_label.setBuddy(self.notes_edit)
        notes.addWidget(notes_label)
        notes.addWidget(self.notes_edit)

        # Status and history (saved households only)
        self.status_box = QGroupBox(self.tr("Status"), self)
        status = QVBoxLayout(self.status_box)
        status_row = QHBoxLayout()
        self.status_label = QLabel(self.status_box)
        self.status_label.setObjectName("status")
        self.status_button = QPushButton(self.tr("C&hange status…"), self.status_box)
        self.status_button.setAutoDefault(False)
        self.status_button.clicked.connect(self.change_status)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.status_button)
        status.addLayout(status_row)
        self.history_table = QTableWidget(0, 4, self.status_box)
        self.history_table.setObjectName("history")
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Status"), self.tr("Reason"), self.tr("By")]
        )
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setTabKeyNavigation(False)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setMaximumHeight(line_pitch(self.history_table.font()) * 9)
        history_header = self.history_table.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        history_label = QLabel(self.tr("Status recor&d:"), self.status_box)
        history_label.setBuddy(self.history_table)
        status.addWidget(history_label)
        status.addWidget(self.history_table)
        self.status_box.setVisible(self._household_id is not None)

        for group in (notes_box, self.status_box):
            group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        bottom = QHBoxLayout()
        bottom.addWidget(notes_box, 1, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.status_box, 1, Qt.AlignmentFlag.AlignTop)

        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("error_general")
        self.button_box, self.save_button, self.cancel_button = save_cancel_buttons(
            self, self.save)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # room for errors
        layout.addWidget(self.status_banner)
        layout.addLayout(top)
        layout.addWidget(members_area, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)

        chain: list[QWidget] = [
            self.community_combo, self.building_edit, self.unit_edit, self.room_edit,
            self.phone_edit, self.registered_edit, *self.category_boxes.values(), self.tier_combo,
            self.liaison_picker, self.members_table, self.add_button, self.edit_button,
            self.remove_button,
            *([self.history_view.table] if self.history_view is not None else []),
            self.notes_edit, self.status_button, self.history_table, self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.community_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _grid_field(
        self, grid: QGridLayout, row: int, column: int, text: str, name: str, span: int = 1
    ) -> None:
        field = self._fields[name]
        label = QLabel(text, self)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setFixedHeight(field.sizeHint().height())
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(with_error(field, self.errors[name], self), row, column + 1, 1, span,
                       Qt.AlignmentFlag.AlignTop)

    # ------------------------------------------------------------------ loading

    def _load(self, detail: HouseholdDetail) -> None:
        """Show ``detail`` in every field (used on opening and after a status change)."""
        self._detail = detail
        self._version = detail.version
        self.community_combo.setEditText(detail.community)
        self.building_edit.setText(detail.building)
        self.unit_edit.setText(detail.unit)
        self.room_edit.setText(detail.room)
        self.phone_edit.setText(detail.phone)
        # A stored day after today (a clock set back) is shown as it is, not cut to today;
        # saving it again is then refused with a message under the field.
        today = self._clock.today()
        registered = detail.registered_on or today  # every saved household has one
        self.registered_edit.setMaximumDate(to_qdate(max(today, registered)))
        self.registered_edit.setDate(to_qdate(registered))
        for category, box in self.category_boxes.items():
            box.setChecked(category in detail.categories)
        self.tier_combo.setCurrentIndex(self.tier_combo.findData(detail.tier))
        self.liaison_picker.set_person_id(detail.liaison_id)
        self._show_visits(detail)
        self.notes_edit.setPlainText(detail.notes)
        self._members = [r.as_input() for r in detail.residents
                         if r.status is ResidentStatus.PRESENT]
        self._record_only = [RecordOnly(r.as_input(), r.status.label) for r in detail.residents
                             if r.status is not ResidentStatus.PRESENT]
        self._member_problems.clear()
        self._member_general.clear()
        self._refresh_members()
        self._show_status(detail)
        title = self.tr("Household: {address}").format(address=detail.address.display())
        if detail.status is not HouseholdStatus.ACTIVE:
            title = f"{title} [{detail.status.label}]"
        self.setWindowTitle(title)

    def _show_visits(self, detail: HouseholdDetail) -> None:
        last = (format_date(detail.last_visit_date) if detail.last_visit_date
                else self.tr("never"))
        text = self.tr("Last visit {last}").format(last=last)
        overdue = False
        if detail.next_visit_due is not None and detail.status is HouseholdStatus.ACTIVE:
            text = self.tr("{text} · next due {due}").format(
                text=text, due=format_date(detail.next_visit_due))
            today = self._clock.today()
            overdue = detail.next_visit_due < today
            if overdue:
                days = (today - detail.next_visit_due).days
                text = self.tr("{text} (%n day(s) overdue)", "", days).format(text=text)
        self.visits_label.setText(text)
        self.visits_label.setStyleSheet(f"color: {ERROR_COLOR.name()};" if overdue else "")

    def _show_status(self, detail: HouseholdDetail) -> None:
        active = detail.status is HouseholdStatus.ACTIVE
        since = format_date(detail.status_date)
        if active:
            self.status_label.setText(
                self.tr("Current status: {status}").format(status=detail.status.label)
            )
        else:
            text = self.tr("This household is {status} since {date}").format(
                status=detail.status.label, date=since or self.tr("(date not known)"))
            if detail.status_reason:
                text = self.tr("{text}: {reason}").format(text=text,
                                                          reason=detail.status_reason)
            self.status_banner.setText(text)
            self.status_label.setText(
                self.tr("Current status: {status} since {date}").format(
                    status=detail.status.label, date=since or "?")
            )
        self.status_banner.setVisible(not active)
        history = list(reversed(detail.history))
        self.history_table.setRowCount(len(history))
        for row, change in enumerate(history):
            for column, text in enumerate((change.effective_date.isoformat(), change.status.label,
                                           change.reason, change.actor)):
                self.history_table.setItem(row, column, QTableWidgetItem(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter edits the selected member and Delete removes it (Enter must not save)."""
        if watched is self.members_table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected_member()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected_member()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ saving

    def current_input(self) -> HouseholdInput:
        """The household as it stands in the form (what Save hands to the service)."""
        tier = self.tier_combo.currentData()  # Qt hands enum data back as its str value
        return HouseholdInput(
            community=self.community_combo.currentText(),
            building=self.building_edit.text(),
            unit=self.unit_edit.text(),
            room=self.room_edit.text(),
            phone=self.phone_edit.text(),
            tier=CareTier(tier) if tier else CareTier.ROUTINE,
            categories=frozenset(c for c, box in self.category_boxes.items() if box.isChecked()),
            notes=self.notes_edit.toPlainText(),
            residents=tuple(self._members),
            version=self._version,
            liaison_id=self.liaison_picker.person_id(),
            registered_on=self.registered_on(),
            opened=self._detail,
        )

    def registered_on(self) -> date:
        """The registration date (登记日期) as chosen in the form."""
        return from_qdate(self.registered_edit.date())

    def _failure_texts(self) -> FailureTexts:
        return FailureTexts(
            self.tr("Not saved"), self.tr("Changed by someone else"),
            self.tr("Someone else changed this household after you opened it, so your "
                    "changes were not saved. Close this window and open the household "
                    "again to see their changes."))

    def _discard_texts(self) -> tuple[str, str]:
        return (self.tr("Discard changes?"),
                self.tr("You changed this household. Close without saving?"))

    def _saved(self, saved_id: int) -> None:
        self.saved_household_id = saved_id

    def _write(self, ctx: OperationContext, data: HouseholdInput) -> int:
        # The service refuses a registration date after today (under the field).
        today = ctx.clock.today()
        if self._household_id is None:
            return create_household(ctx.session, data, ctx.actor, today=today)
        update_household(ctx.session, self._household_id, data, ctx.actor, today=today)
        return self._household_id

    def _notice(self, saved_id: int) -> ChangeNotice:
        return changed(Area.HOUSEHOLDS, households=(saved_id,), origin=self)

    def reject(self) -> None:
        """Close without saving; ask first when something was changed.

        After a status change the dialog ends accepted: the household was written.
        """
        if not self._may_discard():
            return
        if self._status_changed:
            self.done(QDialog.DialogCode.Accepted)
        else:
            QDialog.reject(self)

    # ------------------------------------------------------------------ problems

    def _clear_problems(self) -> None:
        clear_field_problems(self.errors, self._fields, self.general_error)
        self._member_problems.clear()
        self._member_general.clear()
        self._render_member_errors()
        self._refresh_members()

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem of a refused save next to its field or member row."""
        self._clear_problems()
        for problem in problems:
            match = _MEMBER_FIELD.match(problem.field)
            if match and int(match.group(1)) < len(self._members):
                fields = self._member_problems.setdefault(int(match.group(1)), {})
                fields.setdefault(match.group(2), problem.message)
            elif problem.field in self.errors:
                self.errors[problem.field].show_message(problem.message)
                mark_invalid(self._fields[problem.field], True)
            elif problem.field.startswith("residents"):
                self._member_general.append(problem.message)
            else:
                self.general_error.show_message(problem.message)
        self._render_member_errors()
        self._refresh_members()
        first = next((self._fields[n] for n in HOUSEHOLD_FIELDS if self.errors[n].text()), None)
        # No selection, so the red rows stay red; the first one is the current row.
        self.members_table.clearSelection()
        if self._member_problems:
            index = self.members_table.model().index(min(self._member_problems), 0)
            self.members_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        if first is None and (self._member_problems or self._member_general):
            first = self.members_table
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ history

    def show_history(self) -> None:
        """Bring the history tab forward (saved households only; it reads on showing)."""
        if self.sections is not None and self.history_view is not None:
            self.sections.setCurrentWidget(self.history_view)
            self.history_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ status

    @property
    def status_dialog(self) -> StatusDialog | None:
        """The status dialog while it is open."""
        return self._status_dialog

    def change_status(self) -> None:
        """Open the status dialog (saved households only, and only without unsaved edits)."""
        if self._household_id is None or self._detail is None or self._status_dialog:
            return
        if self.is_modified():
            QMessageBox.information(
                self, self.tr("Unsaved changes"),
                self.tr("Save or undo your changes before changing the status."),
            )
            return
        dialog = StatusDialog(self._operations, self._household_id, self._detail.status,
                              self._version, parent=self)
        dialog.accepted.connect(lambda: self._status_accepted(dialog))
        dialog.finished.connect(lambda _result: self._status_dialog_closed(dialog))
        self._status_dialog = dialog
        dialog.open()

    def _status_accepted(self, dialog: StatusDialog) -> None:
        if dialog.detail is None:
            return
        self._status_changed = True
        self.saved_household_id = self._household_id
        self._clear_problems()
        self._load(dialog.detail)
        self._initial = self.current_input()
        if dialog.cancelled_deliveries > 0:
            QMessageBox.information(
                self, self.tr("Deliveries cancelled"),
                self.tr("%n pending delivery(ies) of this household were cancelled.", "",
                        dialog.cancelled_deliveries),
            )

    def _status_dialog_closed(self, dialog: StatusDialog) -> None:
        self._status_dialog = None
        dialog.deleteLater()

__all__ = ["HOUSEHOLD_FIELDS", "HouseholdDialog"]
