"""The member editor: one resident of a household, as typed by the clerk.

The editor checks the member with the same rules the household save uses (the household
service's :func:`~stationapp.services.households.validate_household`, applied to this one
member), so a mistyped ID number or phone is pointed out right here, under the field. What
it hands back is the member *as typed*: a birth date or sex left empty stays empty and the
service fills it from the ID number when the household is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.people import age_on, check_id_number
from stationapp.domain.vocab import RELATIONS, Sex
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.household_validation import validate_household
from stationapp.services.id_masking import masked_id
from stationapp.ui.form_helpers import (
    INACTIVE_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    format_date,
    mark_invalid,
    parse_date,
    show_field_problems,
    with_error,
)
from stationapp.ui.text_limits import limit_text
from stationapp.ui.unprintable_names import warn_unprintable

HEAD_RELATION = RELATIONS[0]
"""The relation written for the head of household (户主)."""

MEMBER_FIELDS: tuple[str, ...] = ("name", "sex", "birth_date", "id_number", "phone",
                                   "lunar_birthday")
"""Member fields the household service can report a problem for (``residents[i].<field>``)."""


class MemberEditor(QDialog):
    """Add or edit one member: name, sex, birth date, ID number, phone, relation, head, mobility.

    Open it with :meth:`open` (window-modal, not blocking) and read :meth:`value` once it is
    accepted. ``problems`` (field → message, fields as in :data:`MEMBER_FIELDS`) are shown
    inline when the editor opens, e.g. the problems a failed household save found.
    Ages and the ID-number rules are checked as of ``clock``'s day. With ``mask_id`` the
    member's ID number is shown masked; left as shown, it stays the number it was.
    """

    def __init__(
        self,
        clock: Clock,
        member: ResidentInput | None = None,
        problems: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        mask_id: bool = False,
    ) -> None:
        super().__init__(parent)
        self._original = member
        self._mask_id = mask_id
        self._masked_text = ""
        self._clock = clock
        self._value: ResidentInput | None = None
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("Add member"))
        self.setStyleSheet(INVALID_STYLE)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.sex_combo = QComboBox(self)
        self.sex_combo.setObjectName("sex")
        self.sex_combo.addItem(self.tr("(from ID number)"), None)
        for sex in Sex:
            self.sex_combo.addItem(sex.label, sex)
        self.birth_edit = QLineEdit(self)
        self.birth_edit.setObjectName("birth_date")
        self.birth_edit.setPlaceholderText(self.tr("YYYY-MM-DD, empty if not known"))
        self.birth_edit.setMaxLength(10)
        self.lunar_check = QCheckBox(self.tr("Birthday by the &lunar calendar"), self)
        self.lunar_check.setObjectName("lunar_birthday")
        self.lunar_check.setToolTip(self.tr(
            "The resident celebrates the birthday on the lunar date: round-number "
            "birthdays (80, 90, 100) are reckoned on it"))
        self.id_number_edit = QLineEdit(self)
        self.id_number_edit.setObjectName("id_number")
        self.id_number_edit.setMaxLength(20)
        self.id_number_edit.setPlaceholderText(self.tr("18 characters"))
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.relation_combo = QComboBox(self)
        self.relation_combo.setObjectName("relation")
        self.relation_combo.setEditable(True)
        self.relation_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.relation_combo.addItems(list(RELATIONS))
        self.relation_combo.setCurrentIndex(-1)
        self.relation_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.head_check = QCheckBox(self.tr("&Head of household"), self)
        self.head_check.setObjectName("is_head")
        self.mobility_edit = QLineEdit(self)
        self.mobility_edit.setObjectName("mobility_notes")
        self.mobility_edit.setPlaceholderText(
            self.tr("e.g. uses a wheelchair, needs help on stairs")
        )
        for widget, rule in ((self.name_edit, text_rules.RESIDENT_NAME),
                             (self.phone_edit, text_rules.RESIDENT_PHONE),
                             (self.relation_combo, text_rules.RELATION),
                             (self.mobility_edit, text_rules.MOBILITY)):
            limit_text(widget, rule)

        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {INACTIVE_COLOR.name()};")
        self.errors: dict[str, ErrorLabel] = {name: ErrorLabel(self) for name in MEMBER_FIELDS}
        self._fields: dict[str, QWidget] = {
            "name": self.name_edit, "sex": self.sex_combo, "birth_date": self.birth_edit,
            "id_number": self.id_number_edit, "phone": self.phone_edit,
            "lunar_birthday": self.lunar_check,
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(form, self.tr("&Name:"), self.name_edit, "name")
        id_label = QLabel(self.tr("I&D number:"), self)
        id_label.setBuddy(self.id_number_edit)
        id_box = with_error(self.id_number_edit, self.errors["id_number"], self)
        id_layout = id_box.layout()
        assert isinstance(id_layout, QVBoxLayout)
        id_layout.insertWidget(1, self.hint_label)
        form.addRow(id_label, id_box)
        self._add_row(form, self.tr("&Sex:"), self.sex_combo, "sex")
        self._add_row(form, self.tr("&Birth date:"), self.birth_edit, "birth_date")
        form.addRow("", with_error(self.lunar_check, self.errors["lunar_birthday"], self))
        self._add_row(form, self.tr("&Phone:"), self.phone_edit, "phone")
        self._add_row(form, self.tr("&Relation to head:"), self.relation_combo, None)
        form.addRow("", self.head_check)
        self._add_row(form, self.tr("&Mobility notes:"), self.mobility_edit, None)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        assert ok is not None and cancel is not None
        self.ok_button: QPushButton = ok
        self.cancel_button: QPushButton = cancel
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # room for errors
        layout.addLayout(form)
        layout.addWidget(self.button_box)

        chain: list[QWidget] = [
            self.name_edit, self.id_number_edit, self.sex_combo, self.birth_edit,
            self.lunar_check, self.phone_edit, self.relation_combo, self.head_check,
            self.mobility_edit,
            self.ok_button, self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.id_number_edit.textChanged.connect(self._id_number_changed)
        self.birth_edit.textChanged.connect(self._update_hint)
        self.head_check.toggled.connect(self._head_toggled)
        warn_unprintable(self.name_edit, self.errors["name"], self._fit_messages)
        if member is not None:
            self.set_value(member)
        self._update_hint()
        if problems:
            self.show_problems(problems)
        # About 60 characters wide, so larger text sizes get a wider editor (not a cut one).
        width = max(480, self.fontMetrics().averageCharWidth() * 60)
        self.resize(width, self._height_for(width))

    def _height_for(self, width: int) -> int:
        """The height the form needs at ``width``, wrapped messages and hints included."""
        layout = self.layout()
        height = self.sizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.totalHeightForWidth(width))
        return height

    def _fit_messages(self) -> None:
        """Grow the editor when a message or hint now needs more lines than it has room for."""
        needed = self._height_for(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, error: str | None) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        if error is None:
            form.addRow(label, field)
            return
        box = with_error(field, self.errors[error], self)
        # The message under a narrow field (the sex drop-down) gets the row's whole width,
        # or "（身份证上是男）" is cut off; the field itself keeps its own width.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box_layout = box.layout()
        if box_layout is not None and field.sizePolicy().horizontalPolicy() not in (
                QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding):
            box_layout.setAlignment(field, Qt.AlignmentFlag.AlignLeft)
        form.addRow(label, box)

    # ------------------------------------------------------------------ values

    def set_value(self, member: ResidentInput) -> None:
        """Fill the fields from ``member`` (keeps its id and status for :meth:`value`)."""
        self._original = member
        self.name_edit.setText(member.name)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(member.sex))
                                       if member.sex else 0)
        self.birth_edit.setText(format_date(member.birth_date))
        self.lunar_check.setChecked(member.lunar_birthday)
        self._masked_text = masked_id(member.id_number) if self._mask_id else ""
        self.id_number_edit.setText(self._masked_text or member.id_number)
        self.phone_edit.setText(member.phone)
        self.relation_combo.setEditText(member.relation)
        self.head_check.setChecked(member.is_head)
        self.mobility_edit.setText(member.mobility_notes)

    def value(self) -> ResidentInput:
        """The member as typed (an unreadable birth date counts as not known).

        After the editor was accepted this is the checked member it accepted.
        """
        if self._value is not None:
            return self._value
        member, _ = self._read()
        return member

    def _read(self) -> tuple[ResidentInput, dict[str, str]]:
        problems: dict[str, str] = {}
        try:
            birth = parse_date(self.birth_edit.text())
        except ValueError:
            birth = None
            problems["birth_date"] = self.tr(
                "Write the birth date as YYYY-MM-DD, e.g. 1943-05-08"
            )
        sex = self.sex_combo.currentData()  # Qt hands enum data back as its str value
        base = self._original or ResidentInput(name="")
        member = replace(
            base,
            name=self.name_edit.text().strip(),
            sex=Sex(sex) if sex else None,
            birth_date=birth,
            lunar_birthday=self.lunar_check.isChecked(),
            id_number=self.typed_id_number(),
            phone=self.phone_edit.text().strip(),
            relation=self.relation_combo.currentText().strip(),
            is_head=self.head_check.isChecked(),
            mobility_notes=self.mobility_edit.text().strip(),
        )
        return member, problems

    def typed_id_number(self) -> str:
        """The ID number field's number: the member's own while its masked form is left
        as shown."""
        text = self.id_number_edit.text().strip().upper()
        if self._masked_text and text == self._masked_text and self._original is not None:
            return self._original.id_number
        return text

    # ------------------------------------------------------------------ checking

    def check(self) -> bool:
        """Check the member with the household rules; show every problem inline.

        Returns True when the member is acceptable.
        """
        member, problems = self._read()
        probe = HouseholdInput(community="-", building="-", residents=(member,))
        try:
            validate_household(probe, self._clock.today())
        except ValidationError as exc:
            for problem in exc.problems:
                prefix, _, name = problem.field.partition(".")
                if prefix == "residents[0]" and name in MEMBER_FIELDS:
                    problems.setdefault(name, problem.message)
        self.show_problems(problems)
        return not problems

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show ``problems`` (field → message) under their fields; clear the other fields."""
        first = show_field_problems(self.errors, self._fields, problems, MEMBER_FIELDS)
        self._update_hint()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Accept only a member that passes :meth:`check`."""
        if not self.check():
            return
        self._value, _ = self._read()
        super().accept()

    # ------------------------------------------------------------------ reactions

    def _id_number_changed(self) -> None:
        self.errors["id_number"].clear_message()
        mark_invalid(self.id_number_edit, False)
        self._update_hint()

    def _update_hint(self) -> None:
        number = self.id_number_edit.text().strip()
        hint = ""
        if self._masked_text and number.upper() == self._masked_text:
            pass  # the number kept as it was, not shown: nothing to say about it
        elif len(number) >= 18:
            try:
                facts = check_id_number(number)
            except ValidationError as exc:
                hint = exc.message
            else:
                age = age_on(facts.birth_date, self._clock.today())
                hint = self.tr("From the ID number: born {date} (age {age}), {sex}").format(
                    date=facts.birth_date.isoformat(), age=age, sex=facts.sex.label,
                )
        elif not number:
            hint = self.tr("Birth date and sex left empty are taken from the ID number.")
        if self.errors["id_number"].text():
            hint = ""  # the problem is shown in red already
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self._fit_messages()

    def _head_toggled(self, checked: bool) -> None:
        if checked and not self.relation_combo.currentText().strip():
            self.relation_combo.setEditText(HEAD_RELATION)


__all__ = ["HEAD_RELATION", "MEMBER_FIELDS", "MemberEditor"]
