"""The Station tab of the settings dialog: name, phone, who signs the papers (负责人,
审核人, 制表人/填报人, 联系电话), visit intervals, request time limit and the idle time after
which a signed-in desk locks.

Name and phone are printed on every delivery sheet and report; the visit interval per care
tier (关爱等级) moves every household's next visit; open requests older than the time
limit stand out as overdue. The tab only holds the form: :class:`SettingsDialog` saves it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import CareTier
from stationapp.services.settings import (
    CONTACT_PHONE_RULE,
    IDLE_LOCK_RANGE,
    RETENTION_YEARS_RANGE,
    SIGN_OFF_FIELDS,
    SIGN_OFF_RULES,
    StationSettings,
)
from stationapp.ui.form_helpers import (
    ErrorLabel,
    clear_field_problems,
    show_field_problem,
    with_error,
)
from stationapp.ui.text_limits import limit_text

INTERVAL_RANGE = (1, 366)
"""Smallest and largest visit interval in days the spin boxes allow."""

def interval_field(tier: CareTier) -> str:
    """The ValidationError field name of a tier's visit interval (``visit_interval_<tier>``)."""
    return f"visit_interval_{tier.value}"


LIMIT_RANGE = (1, 365)
"""Smallest and largest request time limit in days the spin box allows."""

STATION_FIELDS: tuple[str, ...] = (
    "name", "phone", *SIGN_OFF_FIELDS, "contact_phone",
    *(interval_field(t) for t in CareTier), "request_limit_days", "idle_lock_minutes",
    "retention_years",
)
"""Fields of the Station tab with an inline error label (see :attr:`StationTab.errors`)."""


class StationTab(QWidget):
    """Name, phone, sign-off names and visit intervals of the station; saved by the
    dialog's Save button."""

    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        """Build the form filled with ``settings``."""
        super().__init__(parent)
        self.errors: dict[str, ErrorLabel] = {}
        for field in STATION_FIELDS:
            label = ErrorLabel(self)
            label.setObjectName(f"error_{field}")
            self.errors[field] = label
        self.name_edit = QLineEdit(settings.name, self)
        self.name_edit.setObjectName("name")
        limit_text(self.name_edit, text_rules.STATION_NAME)
        self.phone_edit = QLineEdit(settings.phone, self)
        self.phone_edit.setObjectName("phone")
        limit_text(self.phone_edit, text_rules.STATION_PHONE)
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.interval_spins: dict[CareTier, QSpinBox] = {}
        self._fields: dict[str, QWidget] = {"name": self.name_edit, "phone": self.phone_edit}

        station_form = QFormLayout()
        station_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field, widget in (
            (self.tr("Station &name:"), "name", self.name_edit),
            (self.tr("&Phone:"), "phone", self.phone_edit),
        ):
            buddy = QLabel(text, self)
            buddy.setBuddy(widget)
            station_form.addRow(buddy, with_error(widget, self.errors[field], self))
        hint = QLabel(self.tr("Name and phone are printed on every delivery sheet and report."),
                      self)
        station_form.addRow(hint)

        signing = QGroupBox(self.tr("Signed on the papers"), self)
        signing_form = QFormLayout(signing)
        signing_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.signer_edits: dict[str, QLineEdit] = {}
        signer_labels = {
            "responsible_person": self.tr("Person in &charge:"),
            "reviewer": self.tr("Revie&wer:"),
            "preparer": self.tr("Prepared &by:"),
        }
        for field in SIGN_OFF_FIELDS:
            edit = QLineEdit(getattr(settings, field), self)
            edit.setObjectName(field)
            limit_text(edit, SIGN_OFF_RULES[field])
            edit.setPlaceholderText(self.tr("Empty: a blank line to sign on"))
            self.signer_edits[field] = edit
            self._fields[field] = edit
        self.contact_phone_edit = QLineEdit(settings.contact_phone, self)
        self.contact_phone_edit.setObjectName("contact_phone")
        limit_text(self.contact_phone_edit, CONTACT_PHONE_RULE)
        self.contact_phone_edit.setPlaceholderText(self.tr("Empty: the station's phone"))
        self._fields["contact_phone"] = self.contact_phone_edit
        for text, field, widget in (
            *((signer_labels[f], f, self.signer_edits[f]) for f in SIGN_OFF_FIELDS),
            (self.tr("Contact p&hone:"), "contact_phone", self.contact_phone_edit),
        ):
            buddy = QLabel(text, self)
            buddy.setBuddy(widget)
            signing_form.addRow(buddy, with_error(widget, self.errors[field], self))
        signing_hint = QLabel(self.tr(
            "Printed in the sign-off blocks of the ledger, the monthly report, the event "
            "report and the certificates."), self)
        signing_hint.setWordWrap(True)
        signing_form.addRow(signing_hint)

        intervals = QGroupBox(self.tr("Visit interval per care tier"), self)
        interval_form = QFormLayout(intervals)
        for tier in CareTier:
            spin = QSpinBox(self)
            spin.setObjectName(interval_field(tier))
            spin.setRange(*INTERVAL_RANGE)
            spin.setSuffix(self.tr(" days"))
            spin.setValue(settings.interval(tier))
            spin.setAccessibleName(tier.label)
            self.interval_spins[tier] = spin
            self._fields[interval_field(tier)] = spin
            buddy = QLabel(self.tr("{tier}:").format(tier=tier.label), self)
            buddy.setBuddy(spin)
            interval_form.addRow(buddy, with_error(spin, self.errors[interval_field(tier)], self))

        requests = QGroupBox(self.tr("Requests"), self)
        requests_form = QFormLayout(requests)
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setObjectName("request_limit_days")
        self.limit_spin.setRange(*LIMIT_RANGE)
        self.limit_spin.setSuffix(self.tr(" days"))
        self.limit_spin.setValue(settings.request_limit_days)
        self.limit_spin.setAccessibleName(self.tr("Request time limit"))
        self.limit_spin.setToolTip(self.tr(
            "Open requests older than this stand out in red as overdue"))
        self._fields["request_limit_days"] = self.limit_spin
        limit_label = QLabel(self.tr("Request &time limit:"), self)
        limit_label.setBuddy(self.limit_spin)
        requests_form.addRow(limit_label, with_error(self.limit_spin,
                                                     self.errors["request_limit_days"], self))

        desk = QGroupBox(self.tr("Desk lock"), self)
        desk_form = QFormLayout(desk)
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setObjectName("idle_lock_minutes")
        self.idle_spin.setRange(*IDLE_LOCK_RANGE)
        self.idle_spin.setSuffix(self.tr(" minutes"))
        self.idle_spin.setValue(settings.idle_lock_minutes)
        self.idle_spin.setAccessibleName(self.tr("Lock after"))
        self.idle_spin.setToolTip(self.tr(
            "A desk where someone signed in locks after this long without keyboard or mouse, "
            "and asks for the password again"))
        self._fields["idle_lock_minutes"] = self.idle_spin
        idle_label = QLabel(self.tr("&Lock after:"), self)
        idle_label.setBuddy(self.idle_spin)
        desk_form.addRow(idle_label, with_error(self.idle_spin,
                                                self.errors["idle_lock_minutes"], self))

        privacy = QGroupBox(self.tr("Privacy"), self)
        privacy_form = QFormLayout(privacy)
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("retention_years")
        self.retention_spin.setRange(*RETENTION_YEARS_RANGE)
        self.retention_spin.setSuffix(self.tr(" years"))
        self.retention_spin.setValue(settings.retention_years)
        self.retention_spin.setAccessibleName(self.tr("Keep households that left for"))
        self.retention_spin.setToolTip(self.tr(
            "Households that moved away or closed longer ago than this are listed for the "
            "administrator to de-identify"))
        self._fields["retention_years"] = self.retention_spin
        retention_label = QLabel(self.tr("&Keep households that left for:"), self)
        retention_label.setBuddy(self.retention_spin)
        privacy_form.addRow(retention_label, with_error(self.retention_spin,
                                                        self.errors["retention_years"], self))

        self.general_error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(station_form)
        layout.addWidget(signing)
        layout.addWidget(intervals)
        layout.addWidget(requests)
        layout.addWidget(desk)
        layout.addWidget(privacy)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def current_settings(self) -> StationSettings:
        """The settings as the form shows them."""
        return StationSettings(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            visit_interval_days=tuple(
                (tier, spin.value()) for tier, spin in self.interval_spins.items()
            ),
            request_limit_days=self.limit_spin.value(),
            idle_lock_minutes=self.idle_spin.value(),
            retention_years=self.retention_spin.value(),
            responsible_person=self.signer_edits["responsible_person"].text(),
            reviewer=self.signer_edits["reviewer"].text(),
            preparer=self.signer_edits["preparer"].text(),
            contact_phone=self.contact_phone_edit.text(),
        )

    def clear_problems(self) -> None:
        """Hide every error message and red frame."""
        clear_field_problems(self.errors, self._fields, self.general_error)

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem under its field (others under the form); focus the first."""
        self.clear_problems()
        for problem in problems:
            show_field_problem(self.errors, self._fields, self.general_error,
                               problem.field, problem.message)
        first = next((self._fields[f] for f in STATION_FIELDS if self.errors[f].text()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["INTERVAL_RANGE", "LIMIT_RANGE", "STATION_FIELDS", "StationTab", "interval_field"]
