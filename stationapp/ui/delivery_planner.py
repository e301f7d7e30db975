"""Plan door-to-door deliveries (送上门) for an event.

The clerk narrows the ledger with its filters (community, care category, tier, mobility
problems, search; only 在册 households are offered), sees the matching households and
their count, ticks or unticks households by hand, sets the items and quantity every ticked
household gets, and only then commits. Households that already have a delivery for the
event are shown greyed and start unticked; the service never plans the same household ×
item twice and says how many pairs it skipped.

Nothing is listed until a filter or a search is chosen (the whole ledger can hold tens of
thousands of households). The planner stays open after planning, so households found
with another filter or searched by name can be added in further rounds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import NotFoundError, StationError, ValidationError
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus
from stationapp.services.catalogue import ItemInfo, list_items
from stationapp.services.delivery_planning import (
    Candidate,
    PlanLine,
    PlanResult,
    TargetFilter,
    find_candidates,
    plan_deliveries,
)
from stationapp.services.events import get_event
from stationapp.services.household_queries import list_communities
from stationapp.ui.event_dialog import LineFocus
from stationapp.ui.form_helpers import INACTIVE_COLOR, INVALID_STYLE, ErrorLabel
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import OperationContext, Operations, describe_failure
from stationapp.ui.scaled_font import rows_follow_font
from stationapp.ui.text_limits import limit_text

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 200
MAX_QUANTITY = 999
CATEGORY_SEPARATOR = "、"

_Index = QModelIndex | QPersistentModelIndex


class CandidateColumn(IntEnum):
    """Columns of the candidate table; the address column carries the tick box."""

    ADDRESS = 0
    HEAD = 1
    PHONE = 2
    CATEGORIES = 3
    MOBILITY = 4
    PLANNED = 5


class CandidateModel(QAbstractTableModel):
    """Households offered for planning, each with a tick box (ticked ones get deliveries).

    ``ticks_changed()`` is emitted whenever the set of ticked households changes.
    """

    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_candidates`."""
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self._ticked: set[int] = set()
        self._headers = {
            CandidateColumn.ADDRESS: self.tr("Address"),
            CandidateColumn.HEAD: self.tr("Head of household"),
            CandidateColumn.PHONE: self.tr("Phone"),
            CandidateColumn.CATEGORIES: self.tr("Care categories"),
            CandidateColumn.MOBILITY: self.tr("Mobility notes"),
            CandidateColumn.PLANNED: self.tr("Already planned"),
        }

    def set_candidates(self, rows: Sequence[Candidate]) -> None:
        """Show ``rows``, ticking those not yet planned for the event."""
        self.beginResetModel()
        self._rows = list(rows)
        self._ticked = {c.household_id for c in rows if not c.already_planned}
        self.endResetModel()
        self.ticks_changed.emit()

    def candidates(self) -> list[Candidate]:
        """Every household listed."""
        return list(self._rows)

    def ticked_ids(self) -> list[int]:
        """The ticked households, in list (natural address) order."""
        return [c.household_id for c in self._rows if c.household_id in self._ticked]

    def planned_count(self) -> int:
        """How many listed households already have a delivery for the event."""
        return sum(1 for c in self._rows if c.already_planned)

    def set_all(self, ticked: bool) -> None:
        """Tick (or untick) every listed household."""
        self._ticked = {c.household_id for c in self._rows} if ticked else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    def toggle(self, row: int) -> None:
        """Flip the tick of ``row``."""
        candidate = self._rows[row] if 0 <= row < len(self._rows) else None
        if candidate is None:
            return
        state = (Qt.CheckState.Unchecked if candidate.household_id in self._ticked
                 else Qt.CheckState.Checked)
        self.setData(self.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of listed households (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(CandidateColumn)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable; the address column is user-checkable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)
        if index.column() == CandidateColumn.ADDRESS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[CandidateColumn(section)] if 0 <= section < len(
                CandidateColumn) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tick and colour of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(CandidateColumn):
            return None
        candidate = self._rows[index.row()]
        column = CandidateColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(candidate, column)
        if role == Qt.ItemDataRole.CheckStateRole and column is CandidateColumn.ADDRESS:
            ticked = candidate.household_id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and candidate.already_planned:
            return QBrush(INACTIVE_COLOR)
        if (role == Qt.ItemDataRole.ToolTipRole and column is CandidateColumn.PLANNED
                and candidate.already_planned):
            return self.tr("This household already has a delivery for this event; "
                           "an item it already gets is not planned twice.")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick or untick a household (check state of the address column)."""
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != CandidateColumn.ADDRESS
                or not 0 <= index.row() < len(self._rows)):
            return False
        household_id = self._rows[index.row()].household_id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._ticked.add(household_id)
        else:
            self._ticked.discard(household_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def _display(self, candidate: Candidate, column: CandidateColumn) -> str:
        if column is CandidateColumn.ADDRESS:
            return candidate.address
        if column is CandidateColumn.HEAD:
            return candidate.head
        if column is CandidateColumn.PHONE:
            return candidate.phone
        if column is CandidateColumn.CATEGORIES:
            return CATEGORY_SEPARATOR.join(candidate.categories)
        if column is CandidateColumn.MOBILITY:
            return candidate.mobility_notes
        return self.tr("yes") if candidate.already_planned else ""


class DeliveryPlannerDialog(QDialog):
    """Choose target households and items for an event's deliveries, then plan them.

    After each successful plan ``planned(PlanResult)`` is emitted, :attr:`plan_result`
    holds what the service did, and the list is read again (the households just planned
    now show as already planned). Raises
    :class:`~stationapp.domain.errors.NotFoundError` for an unknown event.
    """

    planned = Signal(object)

    def __init__(
        self,
        operations: Operations,
        event_id: int,
        parent: QWidget | None = None,
    ) -> None:
        """Build the planner for ``event_id`` and list the first candidates."""
        super().__init__(parent)
        self._operations = operations
        self._event_id = event_id
        self.plan_result: PlanResult | None = None
        event, communities, catalogue = operations.read(lambda session: (
            get_event(session, event_id), list_communities(session), list_items(session)))
        self._items: list[ItemInfo] = catalogue
        self.setWindowTitle(self.tr("Plan deliveries: {title}").format(title=event.title))
        self.setStyleSheet(INVALID_STYLE)
        self.setSizeGripEnabled(True)
        self._default_item = event.tallies[0].item_id if event.tallies else None

        # Filters
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, pinyin, address or phone"))
        self.search.setClearButtonEnabled(True)
        self.community = QComboBox(self)
        self.community.setAccessibleName(self.tr("Community"))
        self.community.addItem(self.tr("All communities"), None)
        for community in communities:
            self.community.addItem(community.name, community.id)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Care category"))
        self.category.addItem(self.tr("All categories"), None)
        for category in CareCategory:
            self.category.addItem(category.label, category.value)
        self.tier = QComboBox(self)
        self.tier.setAccessibleName(self.tr("Care tier"))
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in CareTier:
            self.tier.addItem(tier.label, tier.value)
        self.mobility = QCheckBox(self.tr("&Mobility problems only"), self)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for widget in (self.community, self.category, self.tier, self.mobility):
            filters.addWidget(widget)

        # Candidates
        self.model = CandidateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Households to deliver to"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows_follow_font(self.table, 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CandidateColumn.MOBILITY, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("candidate_count")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.tick_all_button = QPushButton(self.tr("&Tick all"), self)
        self.untick_all_button = QPushButton(self.tr("&Untick all"), self)
        ticks = QHBoxLayout()
        ticks.addWidget(self.count_label, 1)
        ticks.addWidget(self.tick_all_button)
        ticks.addWidget(self.untick_all_button)
        households_box = QGroupBox(
            self.tr("Households (only those {status} on the ledger)").format(
                status=HouseholdStatus.ACTIVE.label), self)
        households = QVBoxLayout(households_box)
        households.addLayout(filters)
        households.addWidget(self.table, 1)
        households.addLayout(ticks)

        # Items × quantity
        items_box = QGroupBox(self.tr("Every ticked household gets"), self)
        items = QVBoxLayout(items_box)
        self.items_table = QTableWidget(0, 3, items_box)
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Quantity"), self.tr("Unit")])
        self.items_table.verticalHeader().setVisible(False)
        rows_follow_font(self.items_table, 14)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setTabKeyNavigation(False)
        row_height = self.items_table.verticalHeader().defaultSectionSize()
        self.items_table.setFixedHeight(
            self.items_table.horizontalHeader().sizeHint().height() + 3 * row_height + 4)
        items_header = self.items_table.horizontalHeader()
        items_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        items_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._line_focus = LineFocus(self.items_table)
        self.add_line_button = QPushButton(self.tr("Add &item"), items_box)
        self.remove_line_button = QPushButton(self.tr("Remove item"), items_box)
        for button in (self.add_line_button, self.remove_line_button,
                       self.tick_all_button, self.untick_all_button):
            button.setAutoDefault(False)
        self.notes_edit = QLineEdit(items_box)
        limit_text(self.notes_edit, text_rules.DELIVERY_NOTES)
        self.notes_edit.setPlaceholderText(
            self.tr("Note printed on the sheet (optional; mobility notes are added anyway)"))
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        items.addWidget(self.items_table)
        items.addLayout(line_buttons)
        items.addWidget(self.notes_edit)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error_plan")
        self.done_label = QLabel(self)
        self.done_label.setObjectName("planned")
        self.done_label.setWordWrap(True)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.plan_button = QPushButton(self)
        self.plan_button.setDefault(True)
        self.button_box.addButton(self.plan_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.plan_button.clicked.connect(self.plan)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(households_box, 1)
        layout.addWidget(items_box)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.button_box)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.community, self.category, self.tier):
            combo.currentIndexChanged.connect(self.refresh)
        self.mobility.toggled.connect(self.refresh)
        self.model.ticks_changed.connect(self._update_counts)
        self.tick_all_button.clicked.connect(lambda: self.model.set_all(True))
        self.untick_all_button.clicked.connect(lambda: self.model.set_all(False))
        self.add_line_button.clicked.connect(lambda: self.add_line())
        self.remove_line_button.clicked.connect(self._remove_line)
        self.table.doubleClicked.connect(lambda index: self.model.toggle(index.row()))

        if self._items:
            self.add_line(self._default_item)
        self.refresh()
        self.resize(980, 720)
        operations.changed.connect(self.apply_changes)
        self._listening = True
        self.finished.connect(lambda _result: self._stop_listening())

    def apply_changes(self, notice: ChangeNotice) -> None:
        """List again when another window changed households or deliveries (the ticks of
        households still listed are kept); take in a changed item catalogue."""
        if notice.origin is self:
            return
        if notice.touches(Area.SETTINGS):
            self._items = self._operations.read(list_items)
        if notice.touches(Area.HOUSEHOLDS, Area.DELIVERIES):
            self.refresh()

    def _stop_listening(self) -> None:
        if self._listening:
            self._listening = False
            self._operations.changed.disconnect(self.apply_changes)

    # ------------------------------------------------------------ filters and list

    def current_filter(self) -> TargetFilter:
        """The target filter the widgets describe."""
        category = self.category.currentData()
        tier = self.tier.currentData()
        return TargetFilter(
            community_id=self.community.currentData(),
            category=CareCategory(category) if category else None,
            tier=CareTier(tier) if tier else None,
            mobility_only=self.mobility.isChecked(),
            search=self.search.text().strip(),
        )

    def has_filter(self) -> bool:
        """True when a filter or a search narrows the ledger (else nothing is listed)."""
        return self.current_filter() != TargetFilter()

    def refresh(self) -> None:
        """List the households matching the filters now (none while nothing is chosen)."""
        self._search_timer.stop()
        if not self.has_filter():
            self.model.set_candidates([])
            return
        event_id, flt = self._event_id, self.current_filter()
        try:
            rows = self._operations.read(lambda session: find_candidates(
                session, event_id, flt, today=self._operations.clock.today()))
        except NotFoundError as exc:
            self.error.show_message(str(exc))
            rows = []
        self.model.set_candidates(rows)

    def set_category(self, category: CareCategory | None) -> None:
        """Choose a care category in the filter (lists again)."""
        index = self.category.findData(category.value if category else None)
        self.category.setCurrentIndex(max(0, index))

    # ------------------------------------------------------------ items

    def add_line(self, item_id: int | None = None, quantity: int = 1) -> int:
        """Add an item line (the first item not yet listed by default); returns its row."""
        table = self.items_table
        row = table.rowCount()
        used = {self._line_item(r) for r in range(row)}
        if item_id is None:
            item_id = next((i.id for i in self._items if i.id not in used),
                           self._items[0].id if self._items else None)
        table.insertRow(row)
        combo = QComboBox(table)
        for item in self._items:
            combo.addItem(item.name, item.id)
        combo.setCurrentIndex(max(0, combo.findData(item_id)))
        spin = QSpinBox(table)
        spin.setRange(1, MAX_QUANTITY)
        spin.setValue(quantity)
        unit = QLabel(self._unit(combo.currentData()), table)
        unit.setContentsMargins(6, 0, 6, 0)
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, spin)
        table.setCellWidget(row, 2, unit)
        self._line_focus.watch(combo, spin)
        combo.currentIndexChanged.connect(
            lambda _i: unit.setText(self._unit(combo.currentData())))
        spin.valueChanged.connect(self._update_counts)
        combo.currentIndexChanged.connect(self._update_counts)
        self._update_counts()
        return row

    def set_line(self, row: int, item_id: int, quantity: int) -> None:
        """Set item and quantity of line ``row``."""
        combo = self.items_table.cellWidget(row, 0)
        spin = self.items_table.cellWidget(row, 1)
        if isinstance(combo, QComboBox) and isinstance(spin, QSpinBox):
            combo.setCurrentIndex(max(0, combo.findData(item_id)))
            spin.setValue(quantity)

    def lines(self) -> list[PlanLine]:
        """The item lines as typed."""
        result = []
        for row in range(self.items_table.rowCount()):
            spin = self.items_table.cellWidget(row, 1)
            item_id = self._line_item(row)
            if item_id is not None and isinstance(spin, QSpinBox):
                result.append(PlanLine(item_id, spin.value()))
        return result

    def _line_item(self, row: int) -> int | None:
        combo = self.items_table.cellWidget(row, 0)
        if isinstance(combo, QComboBox) and combo.currentIndex() >= 0:
            value = combo.currentData()
            return int(value) if value is not None else None
        return None

    def _remove_line(self) -> None:
        row = self.items_table.currentRow()
        if row >= 0:
            self.items_table.removeRow(row)
            self._update_counts()

    def _unit(self, item_id: object) -> str:
        return next((i.unit for i in self._items if i.id == item_id), "")

    # ------------------------------------------------------------ counts and planning

    def ticked_count(self) -> int:
        """How many households would get deliveries."""
        return len(self.model.ticked_ids())

    def _update_counts(self) -> None:
        listed = self.model.rowCount()
        ticked = self.ticked_count()
        planned = self.model.planned_count()
        if not self.has_filter():
            text = self.tr("Choose a community, care category, tier or mobility problems, "
                           "or search, to list households.")
        else:
            text = self.tr("{listed} households match · {ticked} ticked").format(
                listed=listed, ticked=ticked)
            if planned:
                text = self.tr("{text} · {planned} already planned for this event").format(
                    text=text, planned=planned)
        self.count_label.setText(text)
        lines = self.lines()
        self.plan_button.setText(
            self.tr("&Plan for %n household(s)", "", ticked))
        self.plan_button.setEnabled(ticked > 0 and bool(lines))
        if not self._items:
            self.error.clear_message()
            self.error.show_message(self.tr("The item catalogue is empty."))

    def plan(self) -> bool:
        """Plan the deliveries for the ticked households; True when done."""
        self.error.clear_message()
        self.done_label.clear()
        ids = self.model.ticked_ids()
        lines = self.lines()
        if not ids or not lines:
            self.error.show_message(self.tr("Tick at least one household and add an item."))
            return False
        event_id, notes = self._event_id, self.notes_edit.text()

        def work(ctx: OperationContext) -> PlanResult:
            return plan_deliveries(ctx.session, event_id, ids, lines, ctx.actor, notes=notes)

        notice = changed(Area.DELIVERIES, Area.EVENTS, households=tuple(ids), origin=self)
        try:
            result = self._operations.run(work, notice).value
        except StationError as exc:  # said beside the form, as the planner always did
            messages = ([p.message for p in exc.problems] if isinstance(exc, ValidationError)
                        else [describe_failure(exc)])
            for message in messages:
                self.error.show_message(message)
            return False
        log.info("event %s: %d deliveries planned, %d skipped", self._event_id,
                 result.created, result.skipped_duplicates)
        self.plan_result = result
        text = self.tr("%n delivery(ies) planned.", "", result.created)
        if result.skipped_duplicates:
            text = self.tr("{text} {skipped} already planned, not planned twice.").format(
                text=text, skipped=result.skipped_duplicates)
        self.done_label.setText(self.tr("{text} Plan more, or close.").format(text=text))
        self.planned.emit(result)
        self.refresh()
        return True

    def accept(self) -> None:
        """Enter plans (the Plan button is the default), it never closes the planner."""
        self.plan()


__all__ = ["CandidateColumn", "CandidateModel", "DeliveryPlannerDialog"]
