"""The volunteer dialog: register a volunteer (志愿者) or edit one.

Name, phone, community, skills (the suggested ones as check boxes, others typed freely,
separated by 、 or commas), active or not, and notes. Save hands the form to the volunteer
service in one transaction; every problem it finds is shown in red under its field and
nothing is written. A conflict (someone else saved the volunteer meanwhile) is reported in
a message box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import DEFAULT_SKILLS
from stationapp.services.database import Database
from stationapp.services.households import list_communities
from stationapp.services.volunteers import (
    SKILL_SEPARATOR,
    VolunteerInfo,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    split_skills,
    update_volunteer,
)
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    confirm_discard,
    mark_invalid,
    save_in_one_transaction,
    with_error,
)

VOLUNTEER_FIELDS: tuple[str, ...] = ("name", "phone", "community", "skills")
"""Fields with an inline error label (see :attr:`VolunteerDialog.errors`)."""

_SKILL_COLUMNS = 3


class VolunteerDialog(QDialog):
    """Register a volunteer (``volunteer_id=None``) or edit one.

    After a successful save :attr:`saved_volunteer_id` holds the id and the dialog is
    accepted. Raises :class:`~stationapp.domain.errors.NotFoundError` for an unknown id.
    """

    def __init__(
        self,
        database: Database,
        volunteer_id: int | None = None,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Build the form and load the volunteer (if any)."""
        super().__init__(parent)
        self._database = database
        self._volunteer_id = volunteer_id
        self._actor = actor
        self._version: int | None = None
        self.saved_volunteer_id: int | None = None
        with database.session() as session:
            communities = [c.name for c in list_communities(session)]
            info = get_volunteer(session, volunteer_id) if volunteer_id is not None else None

        self.setStyleSheet(INVALID_STYLE)
        self._build(communities)
        if info is not None:
            self._load(info)
            self.setWindowTitle(self.tr("Volunteer: {name}").format(name=info.name))
        else:
            self.setWindowTitle(self.tr("New volunteer"))
        self._initial = self.current_input()
        self.resize(520, self.sizeHint().height())

    # ------------------------------------------------------------ building

    def _build(self, communities: Sequence[str]) -> None:
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
        self.other_skills_edit.setPlaceholderText(
            self.tr("Other skills, separated by commas"))
        skills_layout = QVBoxLayout()
        skills_layout.addWidget(skills_box)
        skills_layout.addWidget(self.other_skills_edit)
        skills_field = QWidget(self)
        skills_field.setLayout(skills_layout)
        skills_layout.setContentsMargins(0, 0, 0, 0)

        self.active_check = QCheckBox(self.tr("&Active (can be given deliveries)"), self)
        self.active_check.setChecked(True)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12)

        self._fields: dict[str, QWidget] = {
            "name": self.name_edit, "phone": self.phone_edit,
            "community": self.community_combo, "skills": self.other_skills_edit,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, name, field in (
            (self.tr("&Name:"), "name", self.name_edit),
            (self.tr("&Phone:"), "phone", self.phone_edit),
            (self.tr("&Community:"), "community", self.community_combo),
            (self.tr("S&kills:"), "skills", skills_field),
        ):
            buddy = QLabel(text, self)
            buddy.setBuddy(self._fields[name])
            form.addRow(buddy, with_error(field, self.errors[name], self))
        form.addRow("", self.active_check)
        notes_label = QLabel(self.tr("N&otes:"), self)
        notes_label.setBuddy(self.notes_edit)
        form.addRow(notes_label, self.notes_edit)

        self.general_error = ErrorLabel(self)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button: QPushButton = save
        self.save_button.setDefault(True)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)
        chain: list[QWidget] = [
            self.name_edit, self.phone_edit, self.community_combo,
            *self.skill_boxes.values(), self.other_skills_edit, self.active_check,
            self.notes_edit, self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self.active_check.setChecked(info.active)
        self.notes_edit.setPlainText(info.notes)

    # ------------------------------------------------------------ saving

    def current_input(self) -> VolunteerInput:
        """The volunteer as the form describes it."""
        chosen = [skill for skill, box in self.skill_boxes.items() if box.isChecked()]
        skills = split_skills([*chosen, self.other_skills_edit.text()])
        return VolunteerInput(
            name=self.name_edit.text(), phone=self.phone_edit.text(),
            community=self.community_combo.currentText(), skills=skills,
            active=self.active_check.isChecked(), notes=self.notes_edit.toPlainText(),
            version=self._version,
        )

    def is_modified(self) -> bool:
        """True when the form differs from what was loaded."""
        return replace(self.current_input(), version=None) != replace(self._initial,
                                                                      version=None)

    def save(self) -> bool:
        """Validate and save in one transaction; on success accept. True when saved."""
        self._clear_problems()
        data = self.current_input()
        saved = save_in_one_transaction(
            self, self._database, lambda session: self._write(session, data),
            self.show_problems,
            (self.tr("Changed by someone else"),
             self.tr("Someone else changed this volunteer after you opened it, so your "
                     "changes were not saved. Close this window and open the volunteer "
                     "again to see their changes."),
             self.tr("Not saved")),
        )
        if saved is None:
            return False
        self.saved_volunteer_id = saved
        super().accept()
        return True

    def _write(self, session: Session, data: VolunteerInput) -> int:
        if self._volunteer_id is None:
            return create_volunteer(session, data, self._actor)
        update_volunteer(session, self._volunteer_id, data, self._actor)
        return self._volunteer_id

    def accept(self) -> None:
        """Accepting the dialog (Enter) means saving it."""
        self.save()

    def reject(self) -> None:
        """Close without saving; ask first when something was changed."""
        if self.is_modified() and not confirm_discard(
            self, self.tr("Discard changes?"),
            self.tr("You changed this volunteer. Close without saving?"),
        ):
            return
        super().reject()

    # ------------------------------------------------------------ problems

    def _clear_problems(self) -> None:
        for name, label in self.errors.items():
            label.clear_message()
            mark_invalid(self._fields[name], False)
        self.general_error.clear_message()

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem under its field (others under the form)."""
        self._clear_problems()
        for problem in problems:
            if problem.field in self.errors:
                self.errors[problem.field].show_message(problem.message)
                mark_invalid(self._fields[problem.field], True)
            else:
                self.general_error.show_message(problem.message)
        first = next((self._fields[n] for n in VOLUNTEER_FIELDS if self.errors[n].text()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["VOLUNTEER_FIELDS", "VolunteerDialog"]
