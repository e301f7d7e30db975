"""审计: the administrator's window onto the audit trail.

A table of entries (newest first) with filters by day, account, action and object, the
full changes of the chosen entry beside it, an export of the filtered entries and a check
that no entry was edited or deleted. Reading the trail takes the audit permission: the
services refuse anyone else, and the window is not built for them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.errors import StationError
from stationapp.messages import msg, render
from stationapp.services.accounts import SignedIn
from stationapp.services.audit import (
    AuditFilter,
    AuditRow,
    FoundEntries,
    TrailChoices,
    check_trail,
    count_entries,
    find_entries,
    trail_choices,
)
from stationapp.services.audit_export import export_entries
from stationapp.ui.audit_table_model import AuditTableModel
from stationapp.ui.date_field import DateEdit
from stationapp.ui.line_spacing import SpacedTextEdit
from stationapp.ui.notices import changed
from stationapp.ui.operations import FailureTexts, Operations, show_failure
from stationapp.ui.screen_fit import resize_within_screen

SHOWN_AT_MOST = 2000
"""Entries the table shows at once (the newest); the export carries all that match."""


class AuditWindow(QDialog):
    """The audit trail for ``signed_in`` (None on a ledger without accounts).

    Building it reads the trail's accounts, actions and objects, so that a role without
    the audit permission is refused (PermissionDeniedError) before anything shows.
    """

    def __init__(self, operations: Operations, signed_in: SignedIn | None,
                 parent: QWidget | None = None) -> None:
        """Read the filters' choices and the newest entries; raises the services'
        refusal for a role that may not read the trail."""
        super().__init__(parent)
        self.operations = operations
        self.signed_in = signed_in
        choices = operations.read(lambda s: trail_choices(s, by=signed_in))
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        resize_within_screen(self, QSize(1000, 620))

        today = operations.clock.today()
        self.from_check = QCheckBox(self.tr("&From"))
        self.from_date = self._date_edit(today.replace(day=1))
        self.to_check = QCheckBox(self.tr("&To"))
        self.to_date = self._date_edit(today)
        self.user_combo = self._combo(self.tr("All accounts"), choices.users, str)
        self.action_combo = self._combo(self.tr("All actions"), choices.actions,
                                        self.action_label)
        self.entity_combo = self._combo(self.tr("All objects"), choices.entities,
                                        self.entity_label)
        filters = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date,
                       self.user_combo, self.action_combo, self.entity_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.reload)
            edit.dateChanged.connect(self.reload)
        for combo in (self.user_combo, self.action_combo, self.entity_combo):
            combo.currentIndexChanged.connect(self.reload)

        self.model = AuditTableModel(self.action_label, self.entity_label)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.detail = SpacedTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Changes of the chosen entry"))
        self.detail.setPlaceholderText(self.tr("Choose an entry to see all its changes."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.clicked.connect(self.export)
        self.check_button = QPushButton(self.tr("&Check the trail"))
        self.check_button.setToolTip(self.tr("Check that no entry was edited or deleted "
                                             "outside the program"))
        self.check_button.clicked.connect(self.check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.check_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.check_label)
        layout.addLayout(bottom)
        self._choices = choices
        self.reload()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = DateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _combo(self, everything: str, codes: list[str], label: Callable[[str], str]
               ) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for code in codes:
            combo.addItem(label(code), code)
        return combo

    # ------------------------------------------------------------ words

    def action_label(self, action: str) -> str:
        """The desk's words for an action code of the trail (the code when unknown)."""
        labels = {
            "create": self.tr("Created"), "change": self.tr("Changed"),
            "status": self.tr("Status changed"), "delete": self.tr("Deleted"),
            "read_bulk": self.tr("Read in bulk"), "reveal_id": self.tr("Full ID shown"),
            "export": self.tr("Exported"), "export_full_id": self.tr("Exported with full IDs"),
            "print": self.tr("Printed"),
        }
        return labels.get(action, action)

    def entity_label(self, entity: str) -> str:
        """The desk's words for an object of the trail (the code when unknown)."""
        labels = {
            "household": self.tr("Household"), "resident": self.tr("Resident"),
            "visit": self.tr("Visit"), "care_request": self.tr("Request"),
            "request": self.tr("Request"), "event": self.tr("Event"),
            "delivery": self.tr("Delivery"), "volunteer": self.tr("Volunteer"),
            "station_setting": self.tr("Settings"), "setting": self.tr("Settings"),
            "account": self.tr("Account"), "community": self.tr("Community"),
            "ledger": self.tr("Ledger"), "households": self.tr("Households"),
            "audit_entry": self.tr("Audit trail"),
            "item": self.tr("Item"), "event_type": self.tr("Event type"),
            "request_category": self.tr("Request category"), "reminder": self.tr("Reminder"),
            "delivery_round": self.tr("Delivery round"),
            "seasonal_period": self.tr("Seasonal visit period"),
            "service_certificate": self.tr("Service certificate"),
            "residents": self.tr("Residents (export)"), "visits": self.tr("Visits (export)"),
            "requests": self.tr("Requests (export)"), "events": self.tr("Events (export)"),
            "deliveries": self.tr("Deliveries (export)"),
        }
        return labels.get(entity, entity)

    # ------------------------------------------------------------ reading

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        return AuditFilter(
            start=_day(self.from_date) if self.from_check.isChecked() else None,
            end=_day(self.to_date) if self.to_check.isChecked() else None,
            user=str(self.user_combo.currentData() or ""),
            action=str(self.action_combo.currentData() or ""),
            entity=str(self.entity_combo.currentData() or ""),
        )

    def reload(self) -> None:
        """Read again the newest entries the filter keeps."""
        audit_filter = self.current_filter()
        by = self.signed_in
        try:
            found: FoundEntries = self.operations.read(
                lambda s: find_entries(s, audit_filter, by=by, limit=SHOWN_AT_MOST))
        except StationError as exc:
            show_failure(self, exc, FailureTexts(self.tr("Audit trail not read")))
            return
        self.model.set_rows(found.rows)
        self.detail.clear()
        if found.total > len(found.rows):
            self.count_label.setText(self.tr("The newest {shown} of {total} entries").format(
                shown=len(found.rows), total=found.total))
        else:
            self.count_label.setText(self.tr("{total} entries").format(total=found.total))

    @property
    def choices(self) -> TrailChoices:
        """The accounts, actions and objects the filters offered when the window opened."""
        return self._choices

    def _show_detail(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        entry = self.model.entry(indexes[0].row()) if indexes else None
        self.detail.setPlainText(self.detail_text(entry) if entry is not None else "")

    def detail_text(self, entry: AuditRow) -> str:
        """All of an entry: who, when, what, and every field before and after."""
        head = self.tr("Entry {id} · {at} · {user}\n{action} {entity} {entity_id}").format(
            id=entry.id, at=entry.at.isoformat(sep=" "), user=entry.user,
            action=self.action_label(entry.action), entity=self.entity_label(entry.entity),
            entity_id=entry.entity_id)
        return head + "\n\n" + json.dumps(entry.changes, ensure_ascii=False, indent=2,
                                          sort_keys=True)

    # ------------------------------------------------------------ acts

    def check(self) -> str:
        """Check the chain; say (and return) whether it is whole or where it broke."""
        by = self.signed_in

        def work(session: Session) -> tuple[AuditRow | None, int]:
            return check_trail(session, by=by), count_entries(session)

        try:
            broken, count = self.operations.read(work)
        except StationError as exc:
            show_failure(self, exc, FailureTexts(self.tr("Audit trail not checked")))
            return ""
        if broken is None:
            text = render(msg("audit.chain_intact", count=count))
            self.check_label.setText(text)
            QMessageBox.information(self, self.tr("Audit trail"), text)
        else:
            text = render(msg("audit.chain_broken", id=broken.id,
                              at=broken.at.isoformat(sep=" ")))
            self.check_label.setText(text)
            QMessageBox.warning(self, self.tr("Audit trail"), text)
        return text

    def export(self) -> None:
        """Export…: ask where, then write the filtered entries there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail to"), self.tr("audit trail.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> int | None:
        """Write the entries the filter keeps to ``path`` (recorded in the trail); the
        entries written, or None when refused (said in a message box)."""
        audit_filter = self.current_filter()
        by = self.signed_in
        done = self.operations.change(
            self, lambda ctx: export_entries(ctx.session, audit_filter, path, by=by),
            lambda _rows: changed(origin=self),
            FailureTexts(self.tr("Not exported")))
        if done is None:
            return None
        self.count_label.setText(self.tr("{rows} entries exported to {name}").format(
            rows=done.value, name=path.name))
        return done.value


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
