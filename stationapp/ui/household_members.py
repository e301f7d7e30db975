"""The members part of the household dialog: the table, the member editor, ID facts.

The table lists the members who live in the household first (row *i* is what the
household service calls ``residents[i]``), then, greyed, the members kept for the record
(see :mod:`stationapp.ui.household_dialog`). Birth date and sex a member left empty are
shown as the member's valid ID number says (:func:`id_facts`), greyed.

ID numbers are shown masked (``370502********1234``). Whoever may see full numbers (an
administrator, or anyone on a ledger without accounts) may reveal a saved member's number
with "Show ID number"; each reveal is recorded in the audit trail. The member editor then
shows that member's number in full too; for anyone else it shows it masked.

Its texts belong to the household dialog's translation context ("HouseholdDialog"), where
they were written first, hence the explicit ``QCoreApplication.translate`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.clock import Clock
from stationapp.domain.errors import StationError, ValidationError
from stationapp.domain.people import age_on, check_id_number, is_elderly
from stationapp.domain.vocab import CareCategory, ResidentStatus, Sex
from stationapp.services.accounts import SignedIn
from stationapp.services.household_types import ResidentInput
from stationapp.services.id_masking import (
    acting_account,
    masked_id,
    may_reveal_ids,
    reveal_id_number,
)
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    ERROR_ROW_BACKGROUND,
    INACTIVE_COLOR,
    ErrorLabel,
    format_date,
)
from stationapp.ui.member_editor import MemberEditor
from stationapp.ui.operations import Operations


class MemberColumn(IntEnum):
    """Columns of the members table."""

    HEAD = 0
    NAME = 1
    RELATION = 2
    SEX = 3
    BIRTH_DATE = 4
    AGE = 5
    ID_NUMBER = 6
    PHONE = 7
    MOBILITY = 8
    STATUS = 9


@dataclass(frozen=True)
class RecordOnly:
    """A member shown greyed for the record, not saved by this dialog."""

    member: ResidentInput
    status_text: str


@dataclass(frozen=True)
class IdFacts:
    """Birth date and sex of a member, and whether each was read from the ID number."""

    birth_date: date | None
    sex: Sex | None
    birth_from_id: bool
    sex_from_id: bool


def id_facts(member: ResidentInput) -> IdFacts:
    """Birth date and sex as typed, else as the (valid) ID number says."""
    birth, sex = member.birth_date, member.sex
    if (birth is None or sex is None) and member.id_number:
        try:
            facts = check_id_number(member.id_number)
        except ValidationError:
            pass
        else:
            return IdFacts(birth or facts.birth_date, sex or facts.sex,
                            birth is None, sex is None)
    return IdFacts(birth, sex, False, False)


def problem_columns(problems: dict[str, str]) -> set[MemberColumn]:
    """The table columns of a member's problems, for colouring those cells' text."""
    columns = {
        "name": MemberColumn.NAME, "sex": MemberColumn.SEX,
        "birth_date": MemberColumn.BIRTH_DATE, "id_number": MemberColumn.ID_NUMBER,
        "phone": MemberColumn.PHONE, "lunar_birthday": MemberColumn.BIRTH_DATE,
    }
    return {columns[name] for name in problems if name in columns}


class HouseholdMembersMixin:
    """The members table of :class:`~stationapp.ui.household_dialog.HouseholdDialog`.

    List it before QDialog. The dialog sets ``_clock``, ``_members``, ``_record_only``,
    ``_member_problems``, ``_member_general`` and ``_member_editor`` before building,
    calls :meth:`_build_members_box` and owns :attr:`elderly_label`,
    :attr:`living_alone_label` and :attr:`category_boxes`.
    """

    _clock: Clock
    _members: list[ResidentInput]
    _record_only: list[RecordOnly]
    _member_problems: dict[int, dict[str, str]]
    _member_general: list[str]
    _member_editor: MemberEditor | None
    _operations: Operations
    elderly_label: QLabel
    living_alone_label: QLabel
    category_boxes: dict[CareCategory, QCheckBox]
    _id_viewer: SignedIn | None
    _revealed: set[int]

    def _members_parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _build_members_box(self) -> QGroupBox:
        """Build :attr:`members_box`: the table, its message and the member buttons."""
        parent = self._members_parent()
        operations = self._operations
        self._id_viewer = operations.read(
            lambda session: acting_account(session, operations.actor))
        self._revealed = set()
        self.members_box = QGroupBox(
            QCoreApplication.translate("HouseholdDialog", "&Members"), parent)
        members = QVBoxLayout(self.members_box)
        self.members_table = QTableWidget(0, len(MemberColumn), self.members_box)
        self.members_table.setObjectName("members")
        self.members_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("HouseholdDialog", "Head"),
            QCoreApplication.translate("HouseholdDialog", "Name"),
            QCoreApplication.translate("HouseholdDialog", "Relation"),
            QCoreApplication.translate("HouseholdDialog", "Sex"),
            QCoreApplication.translate("HouseholdDialog", "Birth date"),
            QCoreApplication.translate("HouseholdDialog", "Age"),
            QCoreApplication.translate("HouseholdDialog", "ID number"),
            QCoreApplication.translate("HouseholdDialog", "Phone"),
            QCoreApplication.translate("HouseholdDialog", "Mobility"),
            QCoreApplication.translate("HouseholdDialog", "Status"),
        ])
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.setTabKeyNavigation(False)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.setMinimumHeight(140)
        header = self.members_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # 行动情况 is a note: a fixed share (about ten characters, the whole note in its
        # tooltip), not half the table; the last column takes what is left.
        header.setSectionResizeMode(MemberColumn.MOBILITY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MemberColumn.MOBILITY,
                             self.members_table.fontMetrics().horizontalAdvance("行动不便需轮椅出行")
                             + 16)
        header.setStretchLastSection(True)
        self.members_table.installEventFilter(parent)
        self.members_table.doubleClicked.connect(lambda _index: self.edit_selected_member())
        self.members_table.itemSelectionChanged.connect(self._update_member_buttons)
        self.members_table.currentCellChanged.connect(
            lambda *_cells: self._update_member_buttons()
        )
        members.addWidget(self.members_table)
        self.members_error = ErrorLabel(self.members_box)
        self.members_error.setObjectName("error_residents")
        members.addWidget(self.members_error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(
            QCoreApplication.translate("HouseholdDialog", "&Add member…"), self.members_box)
        self.edit_button = QPushButton(
            QCoreApplication.translate("HouseholdDialog", "&Edit member…"), self.members_box)
        self.remove_button = QPushButton(
            QCoreApplication.translate("HouseholdDialog", "&Remove member"), self.members_box)
        self.reveal_button = QPushButton(
            QCoreApplication.translate("HouseholdDialog", "Show &ID number"), self.members_box)
        self.reveal_button.setToolTip(QCoreApplication.translate(
            "HouseholdDialog", "Shows the selected member's full ID number; recorded in the "
            "audit trail"))
        self.reveal_button.setVisible(may_reveal_ids(self._id_viewer))
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.reveal_button.setAutoDefault(False)
        buttons.addWidget(self.reveal_button)
        members.addLayout(buttons)
        self.reveal_button.clicked.connect(self.reveal_selected_id_number)
        self.add_button.clicked.connect(lambda: self._open_member_editor(None))
        self.edit_button.clicked.connect(self.edit_selected_member)
        self.remove_button.clicked.connect(self.remove_selected_member)
        return self.members_box

    def members(self) -> tuple[ResidentInput, ...]:
        """The members that will be saved (those living in the household), in table order."""
        return tuple(self._members)

    def add_member(self, member: ResidentInput) -> int:
        """Add ``member`` to the table (as the Add button does); returns its row.

        A member marked as head takes the head mark from the others.
        """
        self._members.append(member)
        row = len(self._members) - 1
        self._take_head(row)
        self._refresh_members()
        self.members_table.selectRow(row)
        return row

    def replace_member(self, row: int, member: ResidentInput) -> None:
        """Put ``member`` in place of the member on ``row`` (as the Edit button does)."""
        self._members[row] = member
        self._member_problems.pop(row, None)
        self._take_head(row)
        self._refresh_members()
        self.members_table.selectRow(row)

    def remove_member(self, row: int) -> None:
        """Take the member on ``row`` out of the household (see the module docstring)."""
        member = self._members.pop(row)
        if member.id is not None:
            self._record_only.insert(0, RecordOnly(
                member, QCoreApplication.translate("HouseholdDialog", "{status} on save").format(
                    status=ResidentStatus.MOVED_AWAY.label)))
        self._member_problems = {
            (i if i < row else i - 1): problems
            for i, problems in self._member_problems.items() if i != row
        }
        self._render_member_errors()
        self._refresh_members()
        if self._members:
            self.members_table.selectRow(min(row, len(self._members) - 1))

    def selected_member_row(self) -> int | None:
        """The row of the selected (or current) member who lives in the household, if any."""
        rows = self.members_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.members_table.currentRow()
        return row if 0 <= row < len(self._members) else None

    def edit_selected_member(self) -> None:
        """Open the member editor on the selected member."""
        row = self.selected_member_row()
        if row is not None:
            self._open_member_editor(row)

    def remove_selected_member(self) -> None:
        """Remove the selected member."""
        row = self.selected_member_row()
        if row is not None:
            self.remove_member(row)

    def may_reveal(self, row: int | None) -> bool:
        """True when the member on ``row`` is saved, has an ID number, is still masked and
        the account acting may reveal it."""
        if row is None or not may_reveal_ids(self._id_viewer):
            return False
        member = self._members[row]
        return (member.id is not None and bool(member.id_number)
                and member.id not in self._revealed)

    def reveal_selected_id_number(self) -> None:
        """Show the selected member's full ID number, recorded in the audit trail."""
        row = self.selected_member_row()
        if not self.may_reveal(row):
            return
        assert row is not None
        resident_id = self._members[row].id
        assert resident_id is not None
        viewer = self._id_viewer
        try:
            self._operations.read(
                lambda session: reveal_id_number(session, resident_id, by=viewer))
        except StationError as error:
            self.members_error.show_message(str(error))
            return
        self._revealed.add(resident_id)
        self._refresh_members()
        self.members_table.selectRow(row)

    def shown_id_number(self, member: ResidentInput) -> str:
        """``member``'s ID number as the table shows it: masked unless revealed (a member
        being added shows the number as typed only to whoever may see full numbers)."""
        if member.id in self._revealed or (member.id is None
                                           and may_reveal_ids(self._id_viewer)):
            return member.id_number
        return masked_id(member.id_number)

    @property
    def member_editor(self) -> MemberEditor | None:
        """The member editor while it is open (for keyboard-free tests and automation)."""
        return self._member_editor

    def _take_head(self, row: int) -> None:
        if not self._members[row].is_head:
            return
        for i, other in enumerate(self._members):
            if i != row and other.is_head:
                self._members[i] = replace(other, is_head=False)

    def _open_member_editor(self, row: int | None) -> None:
        if self._member_editor is not None:
            return
        member = self._members[row] if row is not None else None
        problems = self._member_problems.get(row, {}) if row is not None else {}
        masked = member is not None and self.shown_id_number(member) != member.id_number
        editor = MemberEditor(self._clock, member, problems, parent=self._members_parent(),
                              mask_id=masked)
        if member is None and not self._members:
            editor.head_check.setChecked(True)
        editor.accepted.connect(lambda: self._member_accepted(editor, row))
        editor.finished.connect(lambda _result: self._member_editor_closed(editor))
        self._member_editor = editor
        editor.open()

    def _member_accepted(self, editor: MemberEditor, row: int | None) -> None:
        if row is None:
            self.add_member(editor.value())
        else:
            self.replace_member(row, editor.value())
        self._render_member_errors()

    def _member_editor_closed(self, editor: MemberEditor) -> None:
        self._member_editor = None
        editor.deleteLater()
        self.members_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_members(self) -> None:
        table = self.members_table
        table.setRowCount(len(self._members) + len(self._record_only))
        red = QBrush(ERROR_ROW_BACKGROUND)
        grey = QBrush(INACTIVE_COLOR)
        warning = self._members_parent().style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
        today = self._clock.today()
        for row, member in enumerate(self._members):
            problems = self._member_problems.get(row, {})
            self._fill_row(row, member, ResidentStatus.PRESENT.label, today)
            tip = "\n".join(problems.values())
            for column in MemberColumn:
                item = table.item(row, column)
                assert item is not None
                if problems:
                    item.setBackground(red)
                    item.setToolTip(tip)
                    if column is MemberColumn.NAME:
                        item.setIcon(warning)
                    if column is MemberColumn.NAME or column in problem_columns(problems):
                        item.setForeground(QBrush(ERROR_COLOR))
        for offset, shown in enumerate(self._record_only):
            row = len(self._members) + offset
            self._fill_row(row, shown.member, shown.status_text, today)
            for column in MemberColumn:
                item = table.item(row, column)
                assert item is not None
                item.setForeground(grey)
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(QCoreApplication.translate("HouseholdDialog",
                    "Kept for the record; not living in the household"))
        self._update_member_buttons()
        self._refresh_elderly(today)
        self._refresh_living_alone()

    def _fill_row(self, row: int, member: ResidentInput, status_text: str, today: date) -> None:
        facts = id_facts(member)
        age = age_on(facts.birth_date, today) if facts.birth_date else None
        texts = {
            MemberColumn.HEAD: "★" if member.is_head else "",
            MemberColumn.NAME: member.name,
            MemberColumn.RELATION: member.relation,
            MemberColumn.SEX: facts.sex.label if facts.sex else "",
            MemberColumn.BIRTH_DATE: QCoreApplication.translate(
                "HouseholdDialog", "{date} (lunar birthday)").format(
                    date=format_date(facts.birth_date))
            if member.lunar_birthday and facts.birth_date else format_date(facts.birth_date),
            MemberColumn.AGE: "" if age is None else str(age),
            MemberColumn.ID_NUMBER: self.shown_id_number(member),
            MemberColumn.PHONE: member.phone,
            MemberColumn.MOBILITY: member.mobility_notes,
            MemberColumn.STATUS: status_text,
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            if column in (MemberColumn.HEAD, MemberColumn.AGE, MemberColumn.SEX):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            derived = (
                (column is MemberColumn.BIRTH_DATE and facts.birth_from_id)
                or (column is MemberColumn.SEX and facts.sex_from_id)
            )
            if derived:
                item.setForeground(QBrush(INACTIVE_COLOR))
                item.setToolTip(
                    QCoreApplication.translate("HouseholdDialog", "From the ID number"))
            self.members_table.setItem(row, column, item)

    def _update_member_buttons(self) -> None:
        has_member = self.selected_member_row() is not None
        self.edit_button.setEnabled(has_member)
        self.remove_button.setEnabled(has_member)
        self.reveal_button.setEnabled(self.may_reveal(self.selected_member_row()))

    def living_alone_warning(self) -> str:
        """A warning (not a refusal) when the household is marked 独居 but another member
        lives there ('' when not): every member in the table lives in the household."""
        box = self.category_boxes.get(CareCategory.LIVING_ALONE)
        if box is None or not box.isChecked() or len(self._members) < 2:
            return ""
        head = next((i for i, m in enumerate(self._members) if m.is_head), 0)
        others = [m.name for i, m in enumerate(self._members) if i != head]
        return QCoreApplication.translate(
            "HouseholdDialog", "Registered as {alone}, but other members live here: {names}"
        ).format(alone=CareCategory.LIVING_ALONE.label,
                 names=QCoreApplication.translate("HouseholdDialog", ", ").join(others))

    def _refresh_living_alone(self) -> None:
        warning = self.living_alone_warning()
        self.living_alone_label.setText(warning)
        self.living_alone_label.setVisible(bool(warning))

    def _refresh_elderly(self, today: date) -> None:
        elderly = any(is_elderly(id_facts(m).birth_date, today) for m in self._members)
        label = CareCategory.ELDERLY.label
        note = QCoreApplication.translate("HouseholdDialog",
                                          "{elderly} (80+) is derived from birth dates")
        note = note.format(elderly=label)
        if elderly:
            note = QCoreApplication.translate("HouseholdDialog",
                                              "{note}: this household is {elderly}.").format(
                note=note, elderly=label)
        self.elderly_label.setText(note)
        font = self.elderly_label.font()
        font.setBold(elderly)
        self.elderly_label.setFont(font)
        self.elderly_label.setStyleSheet("" if elderly else f"color: {INACTIVE_COLOR.name()};")

    def _render_member_errors(self) -> None:
        self.members_error.clear_message()
        for message in self._member_general:
            self.members_error.show_message(message)
        for row in sorted(self._member_problems):
            for message in self._member_problems[row].values():
                self.members_error.show_message(
                    QCoreApplication.translate("HouseholdDialog",
                                               "Member {number} ({name}): {message}").format(
                        number=row + 1, name=self._members[row].name or "?", message=message)
                )


__all__ = ["HouseholdMembersMixin", "IdFacts", "MemberColumn", "RecordOnly", "id_facts",
           "problem_columns"]
