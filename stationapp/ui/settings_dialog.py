"""The station settings dialog: the station's own facts and its two station-wide lists.

Four tabs:

* **Station** — name and phone (printed on every delivery sheet and report) and the visit
  interval in days per care tier (关爱等级). Saved together with *Save*; every problem the
  settings service finds is shown in red under its field and nothing is written.
* **Event types** — the station's list of event types (活动类型): add, rename, and retire
  a type with its *In use* check box (types are never deleted: old events refer to them).
* **Items** — the item catalogue (物品) with units (春联 · 幅): add, edit, retire.
* **Request categories** — the categories of residents' requests (诉求类别: 供暖, 水电 …):
  add, rename, hide from new requests (old requests keep theirs).

The Station tab also holds the time limit of requests: open ones older than that many days
stand out as overdue.

Changes on the list tabs are saved at once, each in its own transaction. The dialog
never writes SQL itself: it calls :mod:`stationapp.services.settings` and
:mod:`stationapp.services.catalogue` and :mod:`stationapp.services.requests`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.vocab import CareTier
from stationapp.services.catalogue import (
    EventTypeInfo,
    ItemInfo,
    list_event_types,
    list_items,
    save_event_type,
    save_item,
)
from stationapp.services.database import Database
from stationapp.services.requests import (
    add_request_category,
    list_request_categories,
    rename_request_category,
    set_request_category_active,
)
from stationapp.services.settings import (
    StationSettings,
    get_station_settings,
)
from stationapp.ui.form_helpers import (
    INACTIVE_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    clear_field_problems,
    confirm_discard,
    show_field_problem,
    with_error,
)
from stationapp.ui.text_limits import limit_text
from stationapp.workflows.station_settings import save_station_settings

log = logging.getLogger("stationapp.ui")

INTERVAL_RANGE = (1, 366)
"""Smallest and largest visit interval in days the spin boxes allow."""

_ID_ROLE = Qt.ItemDataRole.UserRole


def interval_field(tier: CareTier) -> str:
    """The ValidationError field name of a tier's visit interval (``visit_interval_<tier>``)."""
    return f"visit_interval_{tier.value}"


LIMIT_RANGE = (1, 365)
"""Smallest and largest request time limit in days the spin box allows."""

STATION_FIELDS: tuple[str, ...] = (
    "name", "phone", *(interval_field(t) for t in CareTier), "request_limit_days",
)
"""Fields of the Station tab with an inline error label (see :attr:`StationTab.errors`)."""


# ---------------------------------------------------------------- entry dialog


class CatalogueEntryDialog(QDialog):
    """Ask for a name (and, for items, a unit); ``save`` stores it or raises ValidationError.

    ``save`` is called with the name and unit typed (the unit is ``""`` when the dialog has
    no unit field). A ValidationError is shown in red under its field and the dialog stays
    open; on success the dialog is accepted.
    """

    def __init__(
        self,
        title: str,
        save: Callable[[str, str], object],
        name: str = "",
        unit: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form; ``unit`` None means there is no unit field."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self._save = save
        self.errors = {"name": ErrorLabel(self), "unit": ErrorLabel(self)}
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("name")
        # Event types, items and request categories share one name limit.
        limit_text(self.name_edit, text_rules.ITEM_NAME)
        self.unit_edit: QLineEdit | None = None
        self._fields: dict[str, QWidget] = {"name": self.name_edit}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, with_error(self.name_edit, self.errors["name"], self))
        if unit is not None:
            self.unit_edit = QLineEdit(unit, self)
            self.unit_edit.setObjectName("unit")
            self.unit_edit.setPlaceholderText(self.tr("e.g. 幅, 张, 份"))
            limit_text(self.unit_edit, text_rules.ITEM_UNIT)
            self._fields["unit"] = self.unit_edit
            unit_label = QLabel(self.tr("&Unit:"), self)
            unit_label.setBuddy(self.unit_edit)
            form.addRow(unit_label, with_error(self.unit_edit, self.errors["unit"], self))
        self.general_error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.name_edit.selectAll()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(360, self.sizeHint().height())

    def save(self) -> bool:
        """Hand the form to ``save``; accept on success, else show the problems. True if saved."""
        clear_field_problems(self.errors, self._fields, self.general_error)
        unit = self.unit_edit.text() if self.unit_edit is not None else ""
        try:
            self._save(self.name_edit.text(), unit)
        except ValidationError as exc:
            for problem in exc.problems:
                show_field_problem(self.errors, self._fields, self.general_error,
                                   problem.field, problem.message)
            return False
        except NotFoundError as exc:
            self.general_error.show_message(str(exc))
            return False
        super().accept()
        return True

    def accept(self) -> None:
        """Accepting (Enter) means saving."""
        self.save()


# ---------------------------------------------------------------- station tab


class StationTab(QWidget):
    """Name, phone and visit intervals of the station; saved by the dialog's Save button."""

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

        self.general_error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(station_form)
        layout.addWidget(intervals)
        layout.addWidget(requests)
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


# ---------------------------------------------------------------- list tabs


class _CatalogueTab(QWidget):
    """A table of station-wide entries with Add…, Edit… and an In use check box per row.

    Subclasses say which columns there are, how to list and how to save; every change is
    saved at once in its own transaction, and a refused change is shown in red under the
    table (the table is then read again, so it always shows what is stored).
    """

    def __init__(
        self, database: Database, headers: Sequence[str], add_text: str, edit_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._loading = False
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(64)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton(edit_text, self)
        self.edit_button.clicked.connect(self.edit_current)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self._update_buttons()

    # ------------------------------------------------ to be filled in by subclasses

    @property
    def active_column(self) -> int:
        """The column holding the In use check box (the last one)."""
        return self.table.columnCount() - 1

    def reload(self) -> None:
        """Read the list again from the database."""
        raise NotImplementedError

    def add_entry(self) -> None:
        """Ask for a new entry and save it."""
        raise NotImplementedError

    def edit_entry(self, entry_id: int) -> None:
        """Ask for changes to an entry and save them."""
        raise NotImplementedError

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an entry in use or retire it; True when saved."""
        raise NotImplementedError

    # ------------------------------------------------ shared

    def _fill(self, rows: Sequence[tuple[int, Sequence[str], bool]]) -> None:
        """Show ``rows`` of (id, texts, active), keeping the selected entry selected."""
        selected = self.current_id()
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for r, (entry_id, texts, active) in enumerate(rows):
                for c, text in enumerate(texts):
                    cell = QTableWidgetItem(text)
                    cell.setData(_ID_ROLE, entry_id)
                    if not active:
                        cell.setForeground(INACTIVE_COLOR)
                    self.table.setItem(r, c, cell)
                check = QTableWidgetItem()
                check.setData(_ID_ROLE, entry_id)
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsUserCheckable)
                check.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
                self.table.setItem(r, self.active_column, check)
                if entry_id == selected:
                    self.table.selectRow(r)
        finally:
            self._loading = False
        self._update_buttons()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """The table cell at ``row``, ``column`` (every cell is filled by :meth:`_fill`)."""
        cell = self.table.item(row, column)
        assert cell is not None
        return cell

    def _row_of(self, entry_id: int) -> int | None:
        """The row listing ``entry_id``, None when it is not listed."""
        for row in range(self.table.rowCount()):
            if self._cell(row, 0).data(_ID_ROLE) == entry_id:
                return row
        return None

    def current_id(self) -> int | None:
        """The id of the selected entry, None when nothing is selected."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            return None
        value = self._cell(rows[0].row(), 0).data(_ID_ROLE)
        return int(value) if value is not None else None

    def select_id(self, entry_id: int) -> None:
        """Select the row of ``entry_id`` (when listed)."""
        row = self._row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollToItem(self._cell(row, 0))

    def edit_current(self) -> None:
        """Edit the selected entry (Edit… button, double-click)."""
        entry_id = self.current_id()
        if entry_id is not None:
            self.edit_entry(entry_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_id() is not None)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.active_column:
            return
        entry_id = item.data(_ID_ROLE)
        if entry_id is not None:
            self.set_active(int(entry_id), item.checkState() == Qt.CheckState.Checked)

    def _show_active(self, entry_id: int, active: bool) -> None:
        """Show an entry in use or retired in place (check box and grey text)."""
        row = self._row_of(entry_id)
        if row is None:
            return
        self._loading = True
        try:
            for column in range(self.active_column):
                self._cell(row, column).setForeground(
                    self.palette().text() if active else INACTIVE_COLOR)
            self._cell(row, self.active_column).setCheckState(
                Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def _run(self, action: Callable[[], object], reload: bool = True) -> bool:
        """Run a saving ``action``; show a refusal under the table. True when it worked."""
        self.error.clear_message()
        try:
            action()
        except (ValidationError, NotFoundError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.error.show_message(message)
            if reload:
                self.reload()
            return False
        if reload:
            self.reload()
        return True


class EventTypesTab(_CatalogueTab):
    """The station's event types (活动类型): add, rename, retire."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        """Build the tab and list the event types (retired ones too)."""
        super().__init__(database, [self.tr("Event type"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Rename…"), parent)
        self.hint.setText(self.tr(
            "Types are never deleted: clear \"In use\" to retire one. A retired type is no "
            "longer offered for new events; past events keep it."))
        self._types: dict[int, EventTypeInfo] = {}
        self.reload()

    def reload(self) -> None:
        """Read the event types again, retired ones included."""
        with self._database.session() as session:
            types = list_event_types(session, include_inactive=True)
        self._types = {t.id: t for t in types}
        self._fill([(t.id, (t.name,), t.active) for t in types])

    def event_types(self) -> list[EventTypeInfo]:
        """The event types as listed, top to bottom."""
        return list(self._types.values())

    def _save(self, name: str, type_id: int | None) -> int:
        """Save one event type in its own transaction (raises ValidationError)."""
        active = True if type_id is None else self._types[type_id].active
        with self._database.session() as session:
            saved = save_event_type(session, name, active, type_id)
        self.reload()
        self.select_id(saved)
        return saved

    def add_type(self, name: str) -> bool:
        """Add an event type called ``name``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, None))

    def rename_type(self, type_id: int, name: str) -> bool:
        """Rename an event type; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, type_id))

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an event type back in use or retire it; True when saved."""
        info = self._types[entry_id]

        def save() -> None:
            with self._database.session() as session:
                save_event_type(session, info.name, active, entry_id)

        if self._run(save, reload=False):
            self._types[entry_id] = replace(info, active=active)
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, info.active)
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new type's name."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(self.tr("New event type"),
                                      lambda name, _unit: self._save(name, None), parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Rename… : ask for the type's new name."""
        self.error.clear_message()
        info = self._types[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Rename event type"), lambda name, _unit: self._save(name, entry_id),
            name=info.name, parent=self)
        dialog.exec()


class ItemsTab(_CatalogueTab):
    """The item catalogue (物品) with units: add, edit, retire."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        """Build the tab and list the catalogue (retired items too)."""
        super().__init__(database, [self.tr("Item"), self.tr("Unit"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Edit…"), parent)
        self.hint.setText(self.tr(
            "Items are never deleted: clear \"In use\" to retire one. A retired item is no "
            "longer offered for new events and deliveries; past records keep it."))
        self._items: dict[int, ItemInfo] = {}
        self.reload()

    def reload(self) -> None:
        """Read the catalogue again, retired items included."""
        with self._database.session() as session:
            items = list_items(session, include_inactive=True)
        self._items = {i.id: i for i in items}
        self._fill([(i.id, (i.name, i.unit), i.active) for i in items])

    def items(self) -> list[ItemInfo]:
        """The items as listed, top to bottom."""
        return list(self._items.values())

    def _save(self, name: str, unit: str, item_id: int | None) -> int:
        """Save one item in its own transaction (raises ValidationError)."""
        active = True if item_id is None else self._items[item_id].active
        with self._database.session() as session:
            saved = save_item(session, name, unit, active, item_id)
        self.reload()
        self.select_id(saved)
        return saved

    def add_item(self, name: str, unit: str) -> bool:
        """Add an item with its unit; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, unit, None))

    def edit_item(self, item_id: int, name: str, unit: str) -> bool:
        """Change an item's name and unit; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, unit, item_id))

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an item back in use or retire it; True when saved."""
        info = self._items[entry_id]

        def save() -> None:
            with self._database.session() as session:
                save_item(session, info.name, info.unit, active, entry_id)

        if self._run(save, reload=False):
            self._items[entry_id] = replace(info, active=active)
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, info.active)
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new item's name and unit."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(
            self.tr("New item"), lambda name, unit: self._save(name, unit, None),
            unit="", parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Edit… : ask for the item's new name and unit."""
        self.error.clear_message()
        info = self._items[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Edit item"), lambda name, unit: self._save(name, unit, entry_id),
            name=info.name, unit=info.unit, parent=self)
        dialog.exec()


class RequestCategoriesTab(_CatalogueTab):
    """The categories of residents' requests (诉求类别): add, rename, hide, show.

    Categories are known by name only; a row's id is its place in the list.
    """

    def __init__(
        self, database: Database, actor: str = "", parent: QWidget | None = None
    ) -> None:
        """Build the tab and list the categories (hidden ones too)."""
        super().__init__(database, [self.tr("Request category"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Rename…"), parent)
        self._actor = actor
        self.hint.setText(self.tr(
            "Categories are never deleted: clear \"In use\" to hide one. A hidden category "
            "is no longer offered for new requests; past requests keep it."))
        self._names: dict[int, str] = {}
        self._active: dict[int, bool] = {}
        self.reload()

    def reload(self) -> None:
        """Read the categories again, hidden ones included."""
        with self._database.session() as session:
            names = list_request_categories(session, include_inactive=True)
            active = set(list_request_categories(session))
        self._names = dict(enumerate(names, start=1))
        self._active = {i: n in active for i, n in self._names.items()}
        self._fill([(i, (n,), self._active[i]) for i, n in self._names.items()])

    def categories(self) -> list[tuple[str, bool]]:
        """The categories as listed, top to bottom: (name, in use)."""
        return [(n, self._active[i]) for i, n in self._names.items()]

    def _id_of(self, name: str) -> int | None:
        return next((i for i, n in self._names.items() if n == name), None)

    def _save(self, name: str, old: str | None) -> None:
        """Add (``old`` None) or rename one category in its own transaction."""
        with self._database.session() as session:
            if old is None:
                add_request_category(session, name, self._actor)
            else:
                rename_request_category(session, old, name, self._actor)
        self.reload()
        saved = self._id_of(" ".join(name.split()))
        if saved is not None:
            self.select_id(saved)

    def add_category(self, name: str) -> bool:
        """Add a category called ``name``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, None))

    def rename_category(self, old: str, new: str) -> bool:
        """Rename category ``old`` to ``new``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(new, old))

    def set_category_active(self, name: str, active: bool) -> bool:
        """Offer a category for new requests again, or hide it; True when saved."""
        entry_id = self._id_of(name)
        return entry_id is not None and self.set_active(entry_id, active)

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Offer the category of row ``entry_id`` again, or hide it; True when saved."""
        name = self._names[entry_id]

        def save() -> None:
            with self._database.session() as session:
                set_request_category_active(session, name, active, self._actor)

        if self._run(save, reload=False):
            self._active[entry_id] = active
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, self._active[entry_id])
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new category's name."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(self.tr("New request category"),
                                      lambda name, _unit: self._save(name, None), parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Rename… : ask for the category's new name."""
        self.error.clear_message()
        old = self._names[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Rename request category"), lambda name, _unit: self._save(name, old),
            name=old, parent=self)
        dialog.exec()


# ---------------------------------------------------------------- the dialog


class SettingsDialog(QDialog):
    """Station settings: the Station tab (saved with Save) and the three list tabs.

    :attr:`station_saved` carries the station name after the Station tab was saved.
    """

    station_saved = Signal(str)

    def __init__(
        self, database: Database, actor: str = "", parent: QWidget | None = None
    ) -> None:
        """Build the four tabs from what ``database`` holds."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self.setWindowTitle(self.tr("Station settings"))
        self.setStyleSheet(INVALID_STYLE)
        with database.session() as session:
            settings = get_station_settings(session)

        self.station = StationTab(settings, self)
        self.event_types = EventTypesTab(database, self)
        self.items = ItemsTab(database, self)
        self.request_categories = RequestCategoriesTab(database, actor, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.station, self.tr("&Station"))
        self.tabs.addTab(self.event_types, self.tr("&Event types"))
        self.tabs.addTab(self.items, self.tr("&Items"))
        self.tabs.addTab(self.request_categories, self.tr("Re&quest categories"))

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button: QPushButton = save
        self.save_button.setToolTip(self.tr("Save the Station tab and close. Changes to event "
                                            "types, items and request categories are saved "
                                            "at once."))
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.button_box)
        self._initial = self.station.current_settings()
        self.resize(600, 540)

    def is_modified(self) -> bool:
        """True when the Station tab differs from what was loaded."""
        return self.station.current_settings() != self._initial

    def save(self) -> bool:
        """Save the Station tab in one transaction and close; True when saved.

        Problems are shown under their fields (the Station tab is brought forward) and
        nothing is written.
        """
        self.station.clear_problems()
        try:
            with self._database.session() as session:
                save_station_settings(session, self.station.current_settings())
                saved = get_station_settings(session)
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.station)
            self.station.show_problems(exc.problems)
            return False
        log.info("station settings saved by %s", self._actor or "?")
        self._initial = self.station.current_settings()
        self.station_saved.emit(saved.name)
        super().accept()
        return True

    def accept(self) -> None:
        """Accepting the dialog (Enter) means saving it."""
        self.save()

    def reject(self) -> None:
        """Close (Esc); ask first when the Station tab has unsaved changes."""
        if self.is_modified() and not confirm_discard(
            self, self.tr("Discard changes?"),
            self.tr("You changed the station's name, phone, visit intervals or request "
                    "time limit. Close without saving them?"),
        ):
            return
        super().reject()


__all__ = [
    "LIMIT_RANGE", "STATION_FIELDS", "CatalogueEntryDialog", "EventTypesTab", "ItemsTab",
    "RequestCategoriesTab", "SettingsDialog", "StationTab", "interval_field",
]
