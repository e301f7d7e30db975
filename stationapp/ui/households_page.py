"""住户台账: the household ledger page with search, filters and the household table."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import NotFoundError, StationError
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus
from stationapp.services.household_queries import (
    HouseholdFilter,
    count_households,
    list_communities,
)
from stationapp.services.households import assign_liaison
from stationapp.ui.form_helpers import select_table_row, select_table_rows
from stationapp.ui.household_table_model import (
    SORT_KEYS,
    CareColumn,
    Column,
    HouseholdTableModel,
    TableColumn,
)
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.page_helpers import (
    flow_row,
    list_table,
    on_enter,
    page_title,
    page_top,
    search_timer,
)
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.round_birthday_filter import RoundBirthdayFilter, open_calendar_list

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the table follows the search box."""

_ALL_STATUSES = "all"
_NO_LIAISON = "no_liaison"
_HEADER_STATE_KEY = "households/header"

# Widths in characters of typical content, for the default column widths.
_COLUMN_SAMPLES: dict[TableColumn, str] = {
    Column.ADDRESS: "锦华一区10号楼2单元1001室",
    Column.HEAD: "欧阳秀英",
    Column.AGE: "100",
    Column.PHONE: "0546-12345678",
    Column.CATEGORIES: "高龄、独居、行动不便",
    Column.TIER: "重点",
    Column.STATUS: "在册",
    CareColumn.LIAISON: "欧阳秀英",
    CareColumn.NEXT_VISIT: "2026-12-31",
}


class HouseholdsPage(QWidget):
    """Search, filter, sort and open the households on the ledger.

    ``count_changed(shown, total)`` tells the main window how many households the table
    shows and how many the ledger holds in all (every status); ``message(text)`` says
    what an action did ("Visit recorded.", "Liaison assigned to 2 households.").
    """

    count_changed = Signal(int, int)
    message = Signal(str)

    def __init__(
        self,
        operations: Operations,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """Build the page and load the first view of the ledger.

        With ``settings``, the table layout and sort this desk kept (:meth:`save_state`)
        are restored first, so that the households are read once, in that order.
        """
        super().__init__(parent)
        self._operations = operations
        self._total = 0
        self._keep_id: int | None = None
        self._notices_applied = 0
        self._enter_when_shown = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, pinyin, address or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.search.setAccessibleName(self.tr("Search households"))

        self.community = QComboBox()
        self.community.setAccessibleName(self.tr("Community"))
        # Item data are the enum codes (plain strings): Qt hands StrEnums back as str.
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Care category"))
        self.category.addItem(self.tr("All categories"), None)
        for category in CareCategory:
            self.category.addItem(category.label, category.value)
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Care tier"))
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in CareTier:
            self.tier.addItem(tier.label, tier.value)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in HouseholdStatus:
            self.status.addItem(status.label, status.value)
        self.status.addItem(self.tr("All statuses"), _ALL_STATUSES)
        self.liaison = PersonPicker(operations, self, allow_none=True,
                                    none_text=self.tr("All liaisons"),
                                    extra=((self.tr("No liaison"), _NO_LIAISON),))
        self.liaison.setObjectName("liaison_filter")
        self.liaison.setAccessibleName(self.tr("Liaison"))
        self.liaison.setToolTip(self.tr('Households of one liaison ("my households"), '
                                        "or those without one"))

        self.birthday_filter = RoundBirthdayFilter(operations, self)  # 整寿 (issue 18)
        self.new_button = QPushButton(self.tr("&New household…"))
        self.new_button.setToolTip(self.tr("Add a household to the ledger (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Open the selected household (Enter)"))
        self.visit_button = QPushButton(self.tr("Record v&isit…"))
        self.visit_button.setToolTip(self.tr("Record a visit to the selected household"))
        self.assign_button = QPushButton(self.tr("Assign &liaison…"))
        self.assign_button.setToolTip(self.tr("Make one person the liaison of the selected "
                                              "households"))
        self.open_action = QAction(self.tr("&Open…"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.visit_action = QAction(self.tr("Record v&isit…"), self)
        self.visit_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.visit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.visit_action.triggered.connect(self.record_visit)
        self.assign_action = QAction(self.tr("Assign &liaison…"), self)
        self.assign_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.assign_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.assign_action.triggered.connect(self.assign_liaison_to_selected)
        for action in (self.visit_action, self.assign_action):
            self.addAction(action)

        # Searching and filtering read the ids off the GUI thread (read_in_background).
        self.model = HouseholdTableModel(operations.database.session, operations.clock, self,
                                         background=operations.read_in_background)
        self.table = list_table(self.model, self.tr("Households"), self, fixed_rows=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # The vertical scroll bar stays: one that came and went as a search moved between
        # a screenful and more would change the width the columns stretch to, and each
        # such keystroke would paint the table twice (QTableView repaints resized columns
        # after a zero timer, after the first paint) and shift the columns sideways.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        self._set_default_column_widths()
        # The categories column takes the spare width: it is the one whose text varies most.
        header.setSectionResizeMode(Column.CATEGORIES, QHeaderView.ResizeMode.Stretch)
        self._default_header_state = header.saveState()

        title = page_title(self.tr("Households"))
        top = page_top(title, self.new_button, self.open_button, self.visit_button,
                       self.assign_button)
        # Buttons and filters wrap onto another line when the text is large.
        filters = flow_row(self.search, self.community, self.category, self.tier,
                           self.status, self.liaison, self.birthday_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)

        self._search_timer = search_timer(self.search, SEARCH_DELAY_MS, self.apply_filter)
        self.search.returnPressed.connect(self._search_entered)
        self.search.textEdited.connect(self._forget_enter)
        self.model.loaded.connect(self._search_shown)
        self.model.failed.connect(self._search_failed)
        for combo in (self.community, self.category, self.tier, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.liaison.person_changed.connect(lambda _key: self.apply_filter())
        self.birthday_filter.changed.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_household)
        self.open_button.clicked.connect(self.open_selected)
        self.visit_button.clicked.connect(self.record_visit)
        self.assign_button.clicked.connect(self.assign_liaison_to_selected)
        self.table.doubleClicked.connect(self._open_index)
        on_enter(self.table, self.open_selected)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self._fill_communities()
        self._count_total()
        wanted_sort = self._restore_header(settings) if settings is not None else None
        self.model.set_filter(self.current_filter(), wanted_sort)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)  # already sorted that way: no second query
        header.sortIndicatorChanged.connect(self._keep_sortable_indicator)

    # ------------------------------------------------------------ public actions

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_filter(self) -> HouseholdFilter:
        """The filter the search box and combos describe."""
        category = self.category.currentData()
        tier = self.tier.currentData()
        status = self.status.currentData()
        liaison = self.liaison.key()
        return HouseholdFilter(
            search=self.search.text().strip(),
            community_id=self.community.currentData(),
            category=CareCategory(category) if category else None,
            tier=CareTier(tier) if tier else None,
            status=None if status == _ALL_STATUSES else HouseholdStatus(status),
            liaison_id=self.liaison.person_id(),
            without_liaison=liaison == _NO_LIAISON,
            household_ids=self.birthday_filter.household_ids(),
        )

    def filter_description(self) -> str:
        """The current filter in words for a printout's header ("" when it shows every
        在册 household), e.g. "锦华一区 · 独居 · 搜索“李”"."""
        parts = [combo.currentText() for combo in (self.community, self.category, self.tier)
                 if combo.currentData() is not None]
        if self.status.currentData() != HouseholdStatus.ACTIVE.value:
            parts.append(self.status.currentText())
        if self.liaison.key() is not None:
            parts.append(self.tr("Liaison: {name}").format(name=self.liaison.currentText()))
        search = self.search.text().strip()
        if search:
            parts.append(self.tr("Search “{text}”").format(text=search))
        parts += [text for text in (self.birthday_filter.description(),) if text]
        return " · ".join(parts)

    def apply_filter(self) -> None:
        """Show the households matching the search box and combos: the ids are read off the
        GUI thread and shown when they arrive (the model's ``loaded``); a newer call drops
        the result of an older one."""
        self._search_timer.stop()
        self.model.request_filter(self.current_filter())

    def apply_filter_now(self) -> None:
        """Show the households matching the search box and combos at once (read on this
        thread), for actions that go on with the rows shown: a pending search is dropped."""
        self._search_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.household_filter or self.model.pending():
            self.model.set_filter(wanted)

    def refresh(self) -> None:
        """Read everything again (F5): communities, people, total and the table, keeping the
        selection."""
        self._fill_communities()
        self.liaison.blockSignals(True)
        try:
            self.liaison.refresh()
        finally:
            self.liaison.blockSignals(False)
        self._count_total()
        self.model.set_filter(self.current_filter())

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when households, the station's lists (communities) or the volunteers
        (liaison names) changed; the liaison filter follows the volunteers by itself. The
        page's own changes (``origin``) it has shown already."""
        if notice.origin is not self and notice.touches(Area.HOUSEHOLDS, Area.SETTINGS,
                                                        Area.VOLUNTEERS):
            self._notices_applied += 1
            self.refresh()

    def shown_count(self) -> int:
        """How many households the table shows."""
        return self.model.rowCount()

    def status_text(self) -> str:
        """"3 of 4 households shown"."""
        return self.tr("{shown} of {total} households shown").format(
            shown=self.shown_count(), total=self._total)

    def close_windows(self) -> None:
        """The page opens only modal dialogs: nothing to close."""

    def total_count(self) -> int:
        """How many households the ledger holds (every status)."""
        return self._total

    def current_household_id(self) -> int | None:
        """The id of the selected household, if any."""
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        return self.model.household_id(index.row()) if index.isValid() else None

    def selected_household_ids(self) -> list[int]:
        """The ids of every selected household, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = (self.model.household_id(row) for row in rows)
        return [household_id for household_id in ids if household_id is not None]

    def select_households(self, household_ids: list[int]) -> None:
        """Select the rows of ``household_ids`` (those shown), the first one current."""
        rows = [self.model.row_of(household_id) for household_id in household_ids]
        self.table.clearSelection()
        select_table_rows(self.table, [row for row in rows if row is not None])

    def select_household(self, household_id: int) -> bool:
        """Select and show the row of ``household_id``; False when it is filtered out."""
        return select_table_row(self.table, self.model.row_of(household_id))

    def new_household(self) -> None:
        """Open an empty household dialog; select the new household after saving."""
        self._edit(None)

    def open_selected(self) -> None:
        """Open the selected household in the household dialog."""
        household_id = self.current_household_id()
        if household_id is not None:
            self._edit(household_id)

    def open_household(self, household_id: int) -> None:
        """Open ``household_id`` in the household dialog."""
        self._edit(household_id)

    def open_list(self, request: ListRequest) -> None:
        """Show what the home page or a statistics card asked for: every household on the
        ledger (filters cleared), or one household selected and opened."""
        if open_calendar_list(self, request):  # 高龄 or 整寿 households (issue 18)
            return
        if self.model.pending():  # the rows a search asked for, before looking in them
            self.apply_filter_now()
        if request.kind is ListKind.HOUSEHOLD and request.target_id is not None:
            if not self.select_household(request.target_id):
                self.clear_filters()
                self.select_household(request.target_id)
            self.open_household(request.target_id)
            return
        self.clear_filters()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def record_visit(self) -> None:
        """Record a visit to the selected household (the visit dialog)."""
        household_id = self.current_household_id()
        if household_id is None:
            return
        from stationapp.ui.visit_dialog import VisitDialog

        try:
            dialog = VisitDialog(self._operations, household_id, None, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Household not found"), str(exc))
            self.refresh()
            return
        applied = self._notices_applied
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.result_message()
        finally:
            dialog.deleteLater()
        self._refresh_unless_told(applied)
        self.message.emit(text)
        self.table.setFocus()

    def assign_liaison_to_selected(self) -> None:
        """Ask whom to make the liaison of the selected households, then do it."""
        ids = self.selected_household_ids()
        if not ids:
            return
        dialog = LiaisonDialog(self._operations, len(ids), self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            liaison_id = dialog.picker.person_id()
            name = dialog.picker.name_of(liaison_id)
        finally:
            dialog.deleteLater()
        self.assign_liaison(ids, liaison_id, name)

    def assign_liaison(self, household_ids: list[int], liaison_id: int | None,
                       name: str = "") -> int | None:
        """Make ``liaison_id`` (None: nobody) the liaison of ``household_ids``.

        Returns how many households changed, None when the service refused.
        """
        def work(ctx: OperationContext) -> int:
            return assign_liaison(ctx.session, household_ids, liaison_id, ctx.actor)

        done = self._operations.change(
            self, work, changed(Area.HOUSEHOLDS, households=tuple(household_ids), origin=self),
            FailureTexts(self.tr("Liaison not assigned")))
        if done is None:
            return None
        count = done.value
        self.model.refresh()
        self.select_households(household_ids)
        if liaison_id is None:
            text = self.tr("Liaison removed from %n household(s).", "", count)
        else:
            text = self.tr("{name} is now liaison of %n more household(s).", "",
                           count).format(name=name)
        self.message.emit(text)
        return count

    def save_state(self, settings: QSettings) -> None:
        """Keep the column widths, order and sort of the table for this desk."""
        settings.setValue(_HEADER_STATE_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore what :meth:`save_state` kept, if anything."""
        wanted_sort = self._restore_header(settings)
        if wanted_sort is not None:
            self.model.sort(*wanted_sort)  # no query when already sorted that way

    def _restore_header(self, settings: QSettings) -> tuple[int, Qt.SortOrder] | None:
        """Restore the kept column layout; the sort it asks for (None: nothing kept)."""
        state = settings.value(_HEADER_STATE_KEY)
        if not isinstance(state, QByteArray) or state.isEmpty():
            return None
        header = self.table.horizontalHeader()
        if not header.restoreState(state):
            header.restoreState(self._default_header_state)
        if header.sortIndicatorSection() not in SORT_KEYS:
            header.setSortIndicator(Column.ADDRESS, Qt.SortOrder.AscendingOrder)
        return header.sortIndicatorSection(), header.sortIndicatorOrder()

    # ------------------------------------------------------------ internals

    def _edit(self, household_id: int | None) -> None:
        # Imported when first needed: the dialog is not part of the start-up path.
        from stationapp.ui.household_dialog import HouseholdDialog

        try:
            dialog = HouseholdDialog(self._operations, household_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Household not found"), str(exc))
            self.refresh()
            return
        applied = self._notices_applied
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            saved = dialog.saved_household_id or household_id
        finally:
            dialog.deleteLater()
        self._refresh_unless_told(applied)
        if saved is not None and not self.select_household(saved):
            if household_id is None:
                self._show_new_household(saved)
            else:
                self.message.emit(self.tr(
                    "Saved. The household no longer matches the search or filters, so it is "
                    "not in the list now; clear the search to see it again."))
        self.table.setFocus()

    def _refresh_unless_told(self, applied: int) -> None:
        """Read again after a dialog closed, unless its save's notice did that already."""
        if self._notices_applied == applied:
            self.refresh()

    def clear_filters(self) -> None:
        """Empty the search box and set every filter back to its default (在册 households of
        every community, category, tier and liaison)."""
        self._search_timer.stop()
        widgets = (self.search, self.community, self.category, self.tier, self.status,
                   self.liaison)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.community, self.category, self.tier, self.status):
                combo.setCurrentIndex(0)
            self.liaison.set_key(None)
            self.birthday_filter.set_days(None)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.apply_filter_now()

    def _show_new_household(self, household_id: int) -> None:
        """A new household the search or filters hide: clear them so that it shows, select
        it and say why the list changed."""
        self.clear_filters()
        if not self.select_household(household_id):
            self.status.blockSignals(True)
            self.status.setCurrentIndex(self.status.findData(_ALL_STATUSES))
            self.status.blockSignals(False)
            self.apply_filter_now()
        if not self.select_household(household_id):
            log.info("saved household %s cannot be shown", household_id)
            return
        row = self.model.row_of(household_id)
        household = self.model.row_data(row) if row is not None else None
        head = household.head if household is not None else ""
        self.message.emit(
            self.tr("Saved {name}'s household; the search was cleared to show it.").format(
                name=head or household_id))

    def _search_entered(self) -> None:
        """Enter in the search box: search now and go to the first match (Enter opens it)
        once the matches are shown."""
        self.apply_filter()
        if self.model.pending():
            self._enter_when_shown = True
        else:
            self._go_to_first_match()

    def _forget_enter(self) -> None:
        """Typing again after Enter: the newer search keeps the focus in the box."""
        self._enter_when_shown = False

    def _search_shown(self) -> None:
        """A background search was shown: finish an Enter that waited for it."""
        if self._enter_when_shown:
            self._enter_when_shown = False
            self._go_to_first_match()

    def _search_failed(self, error: object) -> None:
        """A background search failed: say why in the status bar (a bug is re-raised for
        the crash report)."""
        self._enter_when_shown = False
        if isinstance(error, StationError):
            self.message.emit(str(error))
            return
        assert isinstance(error, BaseException)
        raise error

    def _go_to_first_match(self) -> None:
        if self.model.rowCount():
            if self.current_household_id() is None:
                self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_index(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id is not None:
            self._edit(household_id)

    def _fill_communities(self) -> None:
        communities = self._operations.read(list_communities)
        current = self.community.currentData()
        self.community.blockSignals(True)
        try:
            self.community.clear()
            self.community.addItem(self.tr("All communities"), None)
            for community in communities:
                self.community.addItem(community.name, community.id)
            index = self.community.findData(current) if current is not None else 0
            self.community.setCurrentIndex(max(index, 0))
        finally:
            self.community.blockSignals(False)

    def _count_total(self) -> None:
        today = self._operations.clock.today()
        self._total = self._operations.read(
            lambda session: count_households(session, HouseholdFilter(status=None),
                                             today=today))

    def _remember_selection(self) -> None:
        self._keep_id = self.current_household_id()

    def _after_reset(self) -> None:
        # Lay the rows out now rather than after the view's delayed-layout timer: a search
        # that changes the number of rows would otherwise paint the table twice, once on
        # the reset and again when that timer changes the scroll bar's range.
        self.table.doItemsLayout()
        if self._keep_id is not None:
            self.select_household(self._keep_id)
        self._keep_id = None
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount(), self._total)

    def _update_buttons(self) -> None:
        one = self.current_household_id() is not None
        some = bool(self.table.selectionModel().selectedRows())
        for widget in (self.open_button, self.visit_button):
            widget.setEnabled(one)
        for action in (self.open_action, self.visit_action):
            action.setEnabled(one)
        self.assign_button.setEnabled(some)
        self.assign_action.setEnabled(some)

    def _context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        for action in (self.open_action, self.visit_action, self.assign_action):
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _keep_sortable_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in SORT_KEYS:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    def _set_default_column_widths(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        padding = 3 * metrics.averageCharWidth() + 16
        for column, sample in _COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + padding)


class LiaisonDialog(QDialog):
    """Choose the liaison (联户人) for ``count`` selected households (or nobody)."""

    def __init__(self, operations: Operations, count: int, parent: QWidget | None = None
                 ) -> None:
        """A picker, a sentence saying how many households, OK and Cancel."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign liaison"))
        self.picker = PersonPicker(operations, self, allow_none=True,
                                   none_text=self.tr("(no liaison)"))
        self.picker.setObjectName("liaison")
        label = QLabel(self.tr("&Liaison for the %n selected household(s):", "", count), self)
        label.setBuddy(self.picker)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
