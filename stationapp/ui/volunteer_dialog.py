"""The volunteer dialog: register a volunteer (志愿者) or a staff member, or edit one.

Name, phone, community, skills (the suggested ones as check boxes, others typed freely,
separated by 、 or commas), station staff or not, the roles held per community (监督员 ·
联络员 · 宣传员, one line each), the ID (证件类型 and 证件号码) and volunteer number printed
on the service certificate, active or not, and notes. A saved ID number is shown masked,
as a member's in the household dialog: who may see full ID numbers (an administrator)
reveals it with *Show ID number*, recorded in the audit trail; left as shown, it stays the
number it was. An existing volunteer's hours
(events and delivery rounds) and households as liaison are shown read-only. Save hands the
form to the volunteer service in one transaction; every problem it finds is shown in red
under its field and nothing is written. A conflict (someone else saved the volunteer
meanwhile) is reported in a message box.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import StationError, ValidationError
from stationapp.domain.vocab import DEFAULT_SKILLS
from stationapp.services.accounts import SignedIn
from stationapp.services.household_queries import list_communities
from stationapp.services.id_masking import acting_account, masked_id, may_reveal_ids
from stationapp.services.volunteers import (
    ID_LIMIT,
    ID_TYPES,
    SKILL_SEPARATOR,
    RoleInput,
    VolunteerInfo,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    reveal_volunteer_id_number,
    split_skills,
    update_volunteer,
)
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    mark_invalid,
    save_cancel_buttons,
    show_field_problem,
    with_error,
)
from stationapp.ui.formatting import format_hours
from stationapp.ui.line_spacing import SpacedTextEdit, line_pitch
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.text_limits import limit_text
from stationapp.ui.unprintable_names import warn_unprintable

VOLUNTEER_FIELDS: tuple[str, ...] = ("name", "phone", "community", "skills", "roles",
                                      "id_type", "id_number", "volunteer_number")
"""Fields with an inline error label (see :attr:`VolunteerDialog.errors`)."""

_SKILL_COLUMNS = 3


def role_row_of(field_name: str) -> int | None:
    """The role line a problem's field names (``roles.1``, ``roles[1]``, ``roles.1.role``)."""
    rest = field_name.removeprefix("roles")
    digits = "".join(ch if ch.isdigit() else " " for ch in rest).split()
    return int(digits[0]) if rest != field_name and digits else None


class RoleRow(QWidget):
    """One role line: the community (editable combo), the role, and a Remove button."""

    def __init__(self, communities: Sequence[str], parent: QWidget | None = None) -> None:
        """An empty line offering ``communities``."""
        super().__init__(parent)
        self.community_combo = QComboBox(self)
        self.community_combo.setEditable(True)
        self.community_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.community_combo.addItems(list(communities))
        self.community_combo.setCurrentIndex(-1)
        self.community_combo.setAccessibleName(self.tr("Community of the role"))
        self.community_combo.setMinimumContentsLength(8)
        line_edit = self.community_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Community"))
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        for role in VolunteerRole:
            self.role_combo.addItem(role.label, role.value)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Remove this role"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.community_combo, 2)
        layout.addWidget(self.role_combo, 1)
        layout.addWidget(self.remove_button)

    def set_role(self, role: RoleInput) -> None:
        """Show ``role`` on this line."""
        self.community_combo.setEditText(role.community)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role.role.value)))

    def role(self) -> RoleInput:
        """The role as typed (the community may be empty: the service says so)."""
        return RoleInput(community=" ".join(self.community_combo.currentText().split()),
                         role=VolunteerRole(self.role_combo.currentData()))

    def focus_widgets(self) -> list[QWidget]:
        """The line's widgets in tab order."""
        return [self.community_combo, self.role_combo, self.remove_button]


class RolesEditor(QWidget):
    """The roles a person holds, one :class:`RoleRow` per community × role, and *Add role*.

    ``rows_changed()`` is emitted after a line was added or removed (the dialog then fixes
    its tab order). A new line starts with :attr:`default_community` (the person's own).
    """

    rows_changed = Signal()

    def __init__(self, communities: Sequence[str], parent: QWidget | None = None) -> None:
        """No lines yet; offer ``communities`` in each line."""
        super().__init__(parent)
        self._communities = list(communities)
        self.rows: list[RoleRow] = []
        self.default_community = ""
        self.empty_label = QLabel(self.tr("No role in any community."), self)
        self.empty_label.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add &role"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(
            self.tr("Add a role (supervisor, liaison or publicist) in a community"))
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))

    def add_row(self, role: RoleInput | None = None, focus: bool = False) -> RoleRow:
        """Add a line (showing ``role``, else the default community); returns it."""
        row = RoleRow(self._communities, self)
        if role is not None:
            row.set_role(role)
        elif self.default_community:
            row.community_combo.setEditText(self.default_community)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # at once, not when the layout gets round to it: the focus goes there
        self.empty_label.setVisible(False)
        self.rows_changed.emit()
        if focus:
            row.community_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove_row(self, row: RoleRow) -> None:
        """Remove ``row``; the focus goes to the next line (or *Add role*)."""
        if row not in self.rows:
            return
        position = self.rows.index(row)
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.empty_label.setVisible(not self.rows)
        self.rows_changed.emit()
        if self.rows:
            self.rows[min(position, len(self.rows) - 1)].community_combo.setFocus(
                Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_roles(self, roles: Sequence[RoleInput]) -> None:
        """Show exactly ``roles``, one line each."""
        for row in list(self.rows):
            self.rows.remove(row)
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        for role in roles:
            self.add_row(role)
        self.empty_label.setVisible(not self.rows)
        self.rows_changed.emit()

    def roles(self) -> tuple[RoleInput, ...]:
        """Every line's role, top to bottom."""
        return tuple(row.role() for row in self.rows)

    def focus_widgets(self) -> list[QWidget]:
        """Every line's widgets, then *Add role*, in tab order."""
        return [*(w for row in self.rows for w in row.focus_widgets()), self.add_button]

    def blank_rows(self) -> list[int]:
        """The lines whose community is still empty."""
        return [i for i, row in enumerate(self.rows) if not row.role().community]

    def mark_row(self, index: int, invalid: bool) -> None:
        """Frame line ``index``'s community field in red (or not)."""
        if 0 <= index < len(self.rows):
            mark_invalid(self.rows[index].community_combo, invalid)

    def clear_marks(self) -> None:
        """Remove every red frame."""
        for row in self.rows:
            mark_invalid(row.community_combo, False)


class VolunteerDialog(SavingFormMixin[VolunteerInput], QDialog):
    """Register a volunteer (``volunteer_id=None``) or edit one.

    After a successful save :attr:`saved_volunteer_id` holds the id and the dialog is
    accepted. Raises :class:`~stationapp.domain.errors.NotFoundError` for an unknown id.
    """

    def __init__(
        self,
        operations: Operations,
        volunteer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form and load the volunteer (if any)."""
        super().__init__(parent)
        self._operations = operations
        self._volunteer_id = volunteer_id
        self._version: int | None = None
        self.saved_volunteer_id: int | None = None
        self._id_number = ""
        """The saved ID number (full), kept while its masked form is left as shown."""
        self._masked_text = ""
        def read(
            session: Session,
        ) -> tuple[list[str], VolunteerInfo | None, SignedIn | None]:
            communities = [c.name for c in list_communities(session)]
            return communities, (get_volunteer(session, volunteer_id)
                                 if volunteer_id is not None else None), acting_account(
                                     session, operations.actor)

        communities, info, self._id_viewer = operations.read(read)

        self.setStyleSheet(INVALID_STYLE)
        self._build(communities, info)
        if info is not None:
            self._load(info)
            self.setWindowTitle(self.tr("Volunteer: {name}").format(name=info.name))
        else:
            self.setWindowTitle(self.tr("New volunteer"))
        self._initial = self.current_input()
        self.resize(520, self.sizeHint().height())

    # ------------------------------------------------------------ building

    def _build(self, communities: Sequence[str], info: VolunteerInfo | None) -> None:
        self.errors: dict[str, ErrorLabel] = {}
        for name in VOLUNTEER_FIELDS:
            label = ErrorLabel(self)
            label.setObjectName(f"error_{name}")
            self.errors[name] = label
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("community")
        self.community_combo.setEditable(True)
        self.community_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.community_combo.addItems(list(communities))
        self.community_combo.setCurrentIndex(-1)
        line_edit = self.community_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Where the volunteer lives (optional)"))
        for widget, rule in ((self.name_edit, text_rules.VOLUNTEER_NAME),
                             (self.phone_edit, text_rules.VOLUNTEER_PHONE),
                             (self.community_combo, text_rules.VOLUNTEER_COMMUNITY)):
            limit_text(widget, rule)

        skills_box = QWidget(self)
        skills_grid = QGridLayout(skills_box)
        skills_grid.setContentsMargins(0, 0, 0, 0)
        self.skill_boxes: dict[str, QCheckBox] = {}
        for i, skill in enumerate(DEFAULT_SKILLS):
            box = QCheckBox(skill, skills_box)
            self.skill_boxes[skill] = box
            skills_grid.addWidget(box, i // _SKILL_COLUMNS, i % _SKILL_COLUMNS)
        self.other_skills_edit = QLineEdit(self)
        self.other_skills_edit.setObjectName("other_skills")
        limit_text(self.other_skills_edit, text_rules.SKILLS)
        self.other_skills_edit.setPlaceholderText(
            self.tr("Other skills, separated by commas"))
        skills_layout = QVBoxLayout()
        skills_layout.addWidget(skills_box)
        skills_layout.addWidget(self.other_skills_edit)
        skills_field = QWidget(self)
        skills_field.setLayout(skills_layout)
        skills_layout.setContentsMargins(0, 0, 0, 0)

        self.staff_check = QCheckBox(self.tr("Station &staff (not a volunteer)"), self)
        self.staff_check.setToolTip(self.tr(
            "Staff of the station can be liaisons, visitors and assignees like volunteers"))
        self.roles_editor = RolesEditor(communities, self)
        self.roles_editor.setObjectName("roles")
        self._build_identity()
        self.hours_label = QLabel(self)
        self.hours_label.setObjectName("hours")
        self.hours_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if info is not None:
            self.hours_label.setText(self._hours_text(info))

        self.active_check = QCheckBox(self.tr("&Active (can be given deliveries)"), self)
        self.active_check.setChecked(True)
        self.notes_edit = SpacedTextEdit(self)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        limit_text(self.notes_edit, text_rules.VOLUNTEER_NOTES)
        self.notes_edit.setFixedHeight(line_pitch(self.notes_edit.font()) * 4 + 12)

        self._fields: dict[str, QWidget] = {
            "name": self.name_edit, "phone": self.phone_edit,
            "community": self.community_combo, "skills": self.other_skills_edit,
            "roles": self.roles_editor, "id_type": self.id_type_combo,
            "id_number": self.id_number_edit, "volunteer_number": self.volunteer_number_edit,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, name, field in (
            (self.tr("&Name:"), "name", self.name_edit),
            (self.tr("&Phone:"), "phone", self.phone_edit),
            (self.tr("ID &type:"), "id_type", self.id_type_combo),
            (self.tr("I&D number:"), "id_number", self.id_number_row),
            (self.tr("Volunteer n&umber:"), "volunteer_number", self.volunteer_number_edit),
            (self.tr("&Community:"), "community", self.community_combo),
            (self.tr("S&kills:"), "skills", skills_field),
        ):
            buddy = QLabel(text, self)
            buddy.setBuddy(self._fields[name])
            form.addRow(buddy, with_error(field, self.errors[name], self))
        form.addRow("", self.staff_check)
        roles_label = QLabel(self.tr("Ro&les:"), self)
        roles_label.setBuddy(self.roles_editor.add_button)
        roles_label.setToolTip(self.tr("Supervisor (监督员), liaison (联络员) and publicist "
                                       "(宣传员) per community"))
        form.addRow(roles_label, with_error(self.roles_editor, self.errors["roles"], self))
        if info is not None:
            form.addRow(self.tr("Hours served:"), self.hours_label)
        form.addRow("", self.active_check)
        notes_label = QLabel(self.tr("N&otes:"), self)
        notes_label.setBuddy(self.notes_edit)
        form.addRow(notes_label, self.notes_edit)

        self.general_error = ErrorLabel(self)
        self.button_box, self.save_button, _cancel = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)
        self.roles_editor.rows_changed.connect(self._set_tab_order)
        self.community_combo.currentTextChanged.connect(self._own_community_changed)
        self._set_tab_order()
        warn_unprintable(self.name_edit, self.errors["name"])
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit, self.phone_edit, self.id_type_combo, self.id_number_edit,
            self.reveal_button, self.volunteer_number_edit, self.community_combo,
            *self.skill_boxes.values(), self.other_skills_edit, self.staff_check,
            *self.roles_editor.focus_widgets(), self.active_check, self.notes_edit,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_identity(self) -> None:
        self.id_type_combo = QComboBox(self)
        self.id_type_combo.setObjectName("id_type")
        self.id_type_combo.setEditable(True)
        self.id_type_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.id_type_combo.addItems(list(ID_TYPES))
        self.id_type_combo.setCurrentIndex(0)
        self.id_number_edit = QLineEdit(self)
        self.id_number_edit.setObjectName("id_number")
        self.id_number_edit.setMaxLength(ID_LIMIT)
        self.id_number_edit.setPlaceholderText(
            self.tr("18 characters for a resident ID card (optional)"))
        self.volunteer_number_edit = QLineEdit(self)
        self.volunteer_number_edit.setObjectName("volunteer_number")
        self.volunteer_number_edit.setMaxLength(ID_LIMIT)
        self.volunteer_number_edit.setPlaceholderText(
            self.tr("Number in the national volunteer service system (optional)"))
        type_edit = self.id_type_combo.lineEdit()
        if type_edit is not None:
            type_edit.setMaxLength(ID_LIMIT)
        self.reveal_button = QPushButton(self.tr("Sho&w ID number"), self)
        self.reveal_button.setObjectName("reveal_id")
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.setToolTip(self.tr(
            "Shows the full ID number; recorded in the audit trail"))
        self.reveal_button.setVisible(False)
        self.reveal_button.clicked.connect(self.reveal_id_number)
        self.id_number_row = QWidget(self)
        row = QHBoxLayout(self.id_number_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.id_number_edit, 1)
        row.addWidget(self.reveal_button)

    def may_reveal(self) -> bool:
        """True when a saved ID number is shown masked and the account acting may see it."""
        return (bool(self._masked_text) and may_reveal_ids(self._id_viewer)
                and self.id_number_edit.text().strip() == self._masked_text)

    def reveal_id_number(self) -> None:
        """Show the saved ID number in full, recorded in the audit trail."""
        if not self.may_reveal() or self._volunteer_id is None:
            return
        volunteer_id, viewer = self._volunteer_id, self._id_viewer
        try:
            number = self._operations.read(
                lambda session: reveal_volunteer_id_number(session, volunteer_id, by=viewer))
        except StationError as error:
            self.errors["id_number"].show_message(str(error))
            return
        self._masked_text = ""
        self.id_number_edit.setText(number)
        self._initial = self.current_input()
        self.reveal_button.setVisible(False)

    def typed_id_number(self) -> str:
        """The ID number field's number: the saved one while its masked form is left as
        shown."""
        text = self.id_number_edit.text().strip()
        if self._masked_text and text == self._masked_text:
            return self._id_number
        return text

    def _own_community_changed(self, text: str) -> None:
        self.roles_editor.default_community = " ".join(text.split())

    def _hours_text(self, info: VolunteerInfo) -> str:
        text = self.tr("{total} h (events {events} h · delivery rounds {rounds} h)").format(
            total=format_hours(info.hours), events=format_hours(info.event_hours),
            rounds=format_hours(info.round_hours))
        if info.households:
            text += self.tr("; liaison for %n household(s)", "", info.households)
        return text

    def _load(self, info: VolunteerInfo) -> None:
        self._version = info.version
        self.name_edit.setText(info.name)
        self.phone_edit.setText(info.phone)
        self.community_combo.setEditText(info.community)
        others = []
        for skill in info.skills:
            box = self.skill_boxes.get(skill)
            if box is not None:
                box.setChecked(True)
            else:
                others.append(skill)
        self.other_skills_edit.setText(SKILL_SEPARATOR.join(others))
        self.staff_check.setChecked(info.is_staff)
        self.roles_editor.set_roles(info.roles)
        self.active_check.setChecked(info.active)
        self.notes_edit.setPlainText(info.notes)
        if info.id_type:
            self.id_type_combo.setEditText(info.id_type)
        self._id_number = info.id_number
        self._masked_text = masked_id(info.id_number) if info.id_number else ""
        self.id_number_edit.setText(self._masked_text)
        self.reveal_button.setVisible(self.may_reveal())
        self.volunteer_number_edit.setText(info.volunteer_number)

    # ------------------------------------------------------------ saving

    def current_input(self) -> VolunteerInput:
        """The volunteer as the form describes it."""
        chosen = [skill for skill, box in self.skill_boxes.items() if box.isChecked()]
        skills = split_skills([*chosen, self.other_skills_edit.text()])
        return VolunteerInput(
            name=self.name_edit.text(), phone=self.phone_edit.text(),
            community=self.community_combo.currentText(), skills=skills,
            active=self.active_check.isChecked(), notes=self.notes_edit.toPlainText(),
            is_staff=self.staff_check.isChecked(), roles=self.roles_editor.roles(),
            version=self._version, id_type=self.id_type_combo.currentText(),
            id_number=self.typed_id_number(),
            volunteer_number=self.volunteer_number_edit.text(),
        )

    def _failure_texts(self) -> FailureTexts:
        return FailureTexts(
            self.tr("Not saved"), self.tr("Changed by someone else"),
            self.tr("Someone else changed this volunteer after you opened it, so your "
                    "changes were not saved. Close this window and open the volunteer "
                    "again to see their changes."))

    def _discard_texts(self) -> tuple[str, str]:
        return (self.tr("Discard changes?"),
                self.tr("You changed this volunteer. Close without saving?"))

    def _saved(self, saved_id: int) -> None:
        self.saved_volunteer_id = saved_id

    def _write(self, ctx: OperationContext, data: VolunteerInput) -> int:
        today = ctx.clock.today()
        if self._volunteer_id is None:
            return create_volunteer(ctx.session, data, ctx.actor, today=today)
        update_volunteer(ctx.session, self._volunteer_id, data, ctx.actor, today=today)
        return self._volunteer_id

    def _notice(self, saved_id: int) -> ChangeNotice:
        return changed(Area.VOLUNTEERS, origin=self)

    # ------------------------------------------------------------ problems

    def _clear_problems(self) -> None:
        clear_field_problems(self.errors, self._fields, self.general_error)
        self.roles_editor.clear_marks()

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem under its field (others under the form).

        A problem of the roles is shown under them, with the community of the line it
        names (``roles.1`` …), else of every line without a community, framed in red.
        """
        self._clear_problems()
        first_role_row: int | None = None
        for problem in problems:
            if problem.field.startswith("roles"):
                self.errors["roles"].show_message(problem.message)
                row = role_row_of(problem.field)
                marked = [row] if row is not None else self.roles_editor.blank_rows()
                for index in marked:
                    self.roles_editor.mark_row(index, True)
                    first_role_row = index if first_role_row is None else first_role_row
            else:
                show_field_problem(self.errors, self._fields, self.general_error,
                                   problem.field, problem.message)
        first = next((n for n in VOLUNTEER_FIELDS if self.errors[n].text()), None)
        if first == "roles":
            lines = self.roles_editor.rows
            if first_role_row is not None and first_role_row < len(lines):
                lines[first_role_row].community_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.roles_editor.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif first is not None:
            self._fields[first].setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = [
    "VOLUNTEER_FIELDS", "RoleRow", "RolesEditor", "VolunteerDialog", "role_row_of",
]
