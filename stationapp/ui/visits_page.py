"""走访: the visits page — this month's coverage, overdue households, visits and reminders.

At the top, this month's coverage (households visited ÷ households due) against the
100 % target, and a liaison filter ("My households" is this filter: it narrows the
coverage, the overdue list and the visits to one staff member or volunteer, and the
desk remembers it). Three tabs:

Overdue
    Households past their visit due date, most days overdue first; rows more than
    :data:`~stationapp.ui.overdue_model.LATE_DAYS` days overdue stand out. Enter records
    a visit to the selected household.
Visits
    Every visit of a month (newest first, rows read as they are scrolled to), with a
    search box; Enter opens the selected visit.
Reminders
    Dated reminders due by today (or later ones too); "Done" completes one, Enter
    records a visit to its household.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.clock import Clock
from stationapp.domain.errors import NotFoundError
from stationapp.domain.schedule import month_end, month_start
from stationapp.services.visit_coverage import Coverage, month_coverage
from stationapp.services.visit_reminders import ReminderRow, complete_reminder, list_reminders
from stationapp.services.visits import VisitFilter, delete_visit
from stationapp.ui.form_helpers import (
    format_date,
    from_qdate,
    select_table_row,
    to_qdate,
)
from stationapp.ui.formatting import format_percent
from stationapp.ui.household_list_search import HouseholdSearchBox, kept, matching_ids
from stationapp.ui.household_table_model import HOUSEHOLD_ID_ROLE
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, Operations
from stationapp.ui.overdue_model import OverdueColumn, OverdueTableModel
from stationapp.ui.page_helpers import (
    list_table,
    on_enter,
    page_title,
    page_top,
    search_timer,
)
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.reminder_model import REMINDER_ID_ROLE, ReminderColumn, ReminderTableModel
from stationapp.ui.visit_table_model import (
    VisitColumn,
    VisitTableModel,
)

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the search box."""

_LIAISON_KEY = "visits/liaison"
_TAB_KEY = "visits/tab"
_HEADER_KEYS = ("visits/overdue_header", "visits/visits_header", "visits/reminders_header")

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


class Tab(IntEnum):
    """The tabs of the page, in order."""

    OVERDUE = 0
    VISITS = 1
    REMINDERS = 2


# ------------------------------------------------------------------ page


def _table(name: str, model: QAbstractItemModel, parent: QWidget) -> QTableView:
    table = list_table(model, name, parent, fixed_rows=True)
    table.horizontalHeader().setSectionsMovable(True)
    return table


class VisitsPage(QWidget):
    """Coverage, overdue households, visits and reminders; record, open and delete visits.

    ``count_changed(shown)`` tells the main window how many rows the current tab lists;
    ``message(text)`` says what a save or an action did (also shown on the page).
    The day the page counts from is the database clock's, read again at every refresh: a
    page left open over midnight shows the new day's figures on its next refresh, and the
    visits tab, while it shows the current month, moves on to the new month.
    """

    count_changed = Signal(int)
    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the page; the lists are read when the page is first shown."""
        super().__init__(parent)
        self._operations = operations
        self._clock: Clock = operations.clock
        self._notices_applied = 0
        self._this_month = month_start(self._clock.today())
        self._loaded = False
        self._stale: set[Tab] = set()  # lists to read again when their tab is shown
        # Tables and the sample texts their columns are sized by (again at a new text size)
        self._column_samples: list[tuple[QTableView, dict[int, str]]] = []

        title = page_title(self.tr("Visits"))
        self.record_button = QPushButton(self.tr("&Record visit…"))
        self.record_button.setToolTip(
            self.tr("Record a visit to the selected household (Enter in the overdue list)"))
        self.open_button = QPushButton(self.tr("&Open visit…"))
        self.open_button.setToolTip(self.tr("Open the selected visit (Enter in the visits list)"))
        self.delete_button = QPushButton(self.tr("Dele&te visit"))
        self.delete_button.setToolTip(self.tr("Remove a visit entered by mistake"))
        top = page_top(title, self.record_button, self.open_button, self.delete_button)

        # Coverage and the liaison filter
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverage")
        # At large text the line wraps rather than running under the bar.
        self.coverage_label.setWordWrap(True)
        self.coverage_bar = QProgressBar()
        self.coverage_bar.setObjectName("coverage_bar")
        self.coverage_bar.setRange(0, 100)
        self.coverage_bar.setTextVisible(True)
        self.coverage_bar.setMaximumWidth(320)
        self.coverage_bar.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Fixed)
        self.coverage_bar.setAccessibleName(self.tr("This month's coverage"))
        self.liaison_picker = PersonPicker(operations, self, allow_none=True,
                                           none_text=self.tr("Everyone"))
        self.liaison_picker.setObjectName("liaison_filter")
        self.liaison_picker.setAccessibleName(self.tr("Liaison"))
        self.liaison_picker.setToolTip(
            self.tr("Only the households of this liaison (and the visits they made)"))
        liaison_label = QLabel(self.tr("&Liaison:"))
        liaison_label.setBuddy(self.liaison_picker)
        coverage = QHBoxLayout()
        coverage.addWidget(self.coverage_label, 3)
        coverage.addWidget(self.coverage_bar, 1)
        coverage.addWidget(liaison_label)
        coverage.addWidget(self.liaison_picker)

        self.tabs = QTabWidget()
        # Overdue
        overdue_tab = QWidget()
        self.overdue_model = OverdueTableModel(operations.database.session, self._clock, self)
        self.overdue_table = _table(self.tr("Overdue households"), self.overdue_model,
                                    overdue_tab)
        self.overdue_label = QLabel()
        self.overdue_search = HouseholdSearchBox(
            self.tr("Search name, pinyin, address or phone"),
            self.tr("Search overdue households"), overdue_tab)
        self.overdue_search.setObjectName("overdue_search")
        overdue_bar = QHBoxLayout()
        overdue_bar.addWidget(self.overdue_label, 1)
        overdue_bar.addWidget(self.overdue_search, 1)
        overdue_layout = QVBoxLayout(overdue_tab)
        overdue_layout.addLayout(overdue_bar)
        overdue_layout.addWidget(self.overdue_table, 1)
        overdue_header = self.overdue_table.horizontalHeader()
        overdue_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        overdue_header.setStretchLastSection(False)
        self._column_samples.append((self.overdue_table, {
            OverdueColumn.ADDRESS: "锦华一区10号楼2单元1001室", OverdueColumn.HEAD: "欧阳秀英",
            OverdueColumn.PHONE: "0546-12345678", OverdueColumn.TIER: "重点",
            OverdueColumn.LIAISON: "欧阳秀英", OverdueColumn.LAST_VISIT: "2026-01-01",
            OverdueColumn.DUE: "2026-01-01", OverdueColumn.DAYS: "0000",
        }))
        self._size_columns(*self._column_samples[-1])
        overdue_header.setSectionResizeMode(OverdueColumn.ADDRESS,
                                            QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(overdue_tab, self.tr("Overdue (&K)"))

        # Visits
        visits_tab = QWidget()
        self.month_edit = QDateEdit()
        self.month_edit.setObjectName("month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setAccessibleName(self.tr("Month"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search address, name or visitor"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search visits"))
        self.follow_up_only = QCheckBox(self.tr("Only with follo&w-up"))
        self.visits_label = QLabel()
        self.visits_label.setObjectName("visits_count")
        self.visit_model = VisitTableModel(operations.database.session, self)
        self.visits_table = _table(self.tr("Visits"), self.visit_model, visits_tab)
        self._column_samples.append((self.visits_table, {
            VisitColumn.DATE: "2026-01-01",
            VisitColumn.HOUSEHOLD: "锦华一区10号楼2单元1001室 欧阳秀英",
            VisitColumn.METHOD: "上门", VisitColumn.VISITOR: "欧阳秀英",
            VisitColumn.FOLLOW_UP: self.visit_model.request_label("00000"),
        }))
        self._size_columns(*self._column_samples[-1])
        self._fix_visit_columns()
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)
        visit_filters = QHBoxLayout()
        visit_filters.addWidget(month_label)
        visit_filters.addWidget(self.month_edit)
        visit_filters.addWidget(self.search, 1)
        visit_filters.addWidget(self.follow_up_only)
        visits_layout = QVBoxLayout(visits_tab)
        visits_layout.addLayout(visit_filters)
        visits_layout.addWidget(self.visits_label)
        visits_layout.addWidget(self.visits_table, 1)
        self.tabs.addTab(visits_tab, self.tr("V&isits"))

        # Reminders
        reminders_tab = QWidget()
        self.later_check = QCheckBox(self.tr("Show &upcoming ones too"))
        self.later_check.setObjectName("show_later")
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setToolTip(self.tr("Mark the selected reminder done"))
        self.reminder_model = ReminderTableModel(self)
        self.reminders_table = _table(self.tr("Reminders"), self.reminder_model, reminders_tab)
        self.reminders_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.reminders_table.horizontalHeader().setSectionResizeMode(
            ReminderColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.reminder_search = HouseholdSearchBox(
            self.tr("Search name, pinyin, address or phone"),
            self.tr("Search reminders"), reminders_tab)
        self.reminder_search.setObjectName("reminder_search")
        reminder_bar = QHBoxLayout()
        reminder_bar.addWidget(self.later_check)
        reminder_bar.addWidget(self.reminder_search, 1)
        reminder_bar.addWidget(self.done_button)
        reminders_layout = QVBoxLayout(reminders_tab)
        reminders_layout.addLayout(reminder_bar)
        reminders_layout.addWidget(self.reminders_table, 1)
        self.tabs.addTab(reminders_tab, self.tr("R&eminders"))

        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(coverage)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)

        self._fit_to_font()
        self._default_headers = [t.horizontalHeader().saveState() for t in self._tables()]
        self._search_timer = search_timer(self.search, SEARCH_DELAY_MS, self.refresh_visits)
        self.search.returnPressed.connect(self._search_entered)
        self.month_edit.setDate(to_qdate(self._this_month))
        self.month_edit.dateChanged.connect(lambda _d: self.refresh_visits())
        self.follow_up_only.toggled.connect(lambda _on: self.refresh_visits())
        self.later_check.toggled.connect(lambda _on: self.refresh_reminders())
        self.overdue_search.search_changed.connect(lambda _text: self.refresh_overdue())
        self.reminder_search.search_changed.connect(lambda _text: self.refresh_reminders())
        self.liaison_picker.person_changed.connect(lambda _key: self._liaison_changed())
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.record_button.clicked.connect(self.record_visit)
        self.open_button.clicked.connect(self.open_visit)
        self.delete_button.clicked.connect(self.delete_selected_visit)
        self.done_button.clicked.connect(self.complete_selected_reminder)
        for table, action in ((self.overdue_table, self.record_visit),
                              (self.visits_table, self.open_visit),
                              (self.reminders_table, self.record_visit)):
            table.doubleClicked.connect(lambda _index, act=action: act())
            on_enter(table, action)
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.visits_table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected_visit)
        self._update_buttons()

    def _tables(self) -> tuple[QTableView, QTableView, QTableView]:
        return (self.overdue_table, self.visits_table, self.reminders_table)

    def changeEvent(self, event: QEvent) -> None:
        """After a text size change: the bar and the columns sized for the new font."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._column_samples:
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        """The coverage bar wide enough for its figure; columns sized by their samples."""
        self.coverage_bar.setMinimumWidth(
            self.coverage_bar.fontMetrics().horizontalAdvance("100.0 %") + 24)
        for table, samples in self._column_samples:
            self._size_columns(table, samples)

    def _size_columns(self, table: QTableView, samples: dict[int, str]) -> None:
        metrics = self.fontMetrics()
        padding = 3 * metrics.averageCharWidth() + 16
        header = table.horizontalHeader()
        for column, sample in samples.items():
            title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + padding)

    # ------------------------------------------------------------ reading

    def today(self) -> date:
        """The day the page counts from (the database clock's day, read now)."""
        return self._clock.today()

    def _follow_the_month(self) -> None:
        """After midnight at a month's end: the visits tab, when it showed the month that
        was current, shows the new current month."""
        this_month = month_start(self.today())
        if this_month == self._this_month:
            return
        if month_start(from_qdate(self.month_edit.date())) == self._this_month:
            self.month_edit.blockSignals(True)  # the lists are read by the refresh
            self.month_edit.setDate(to_qdate(this_month))
            self.month_edit.blockSignals(False)
        self._this_month = this_month

    def showEvent(self, event: QShowEvent) -> None:
        """Read the lists the first time the page is shown."""
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def liaison_id(self) -> int | None:
        """The liaison the page is narrowed to (None: everyone)."""
        return self.liaison_picker.person_id()

    def set_liaison(self, person_id: int | None) -> None:
        """Narrow the page to ``person_id``'s households (None: everyone)."""
        self.liaison_picker.set_person_id(person_id)

    def refresh(self) -> None:
        """Read everything again (F5): people, coverage, the reminders (their count is on
        their tab) and the list shown; the overdue list or the visits, when not shown, are
        read again when their tab is next shown."""
        self._search_timer.stop()
        self.liaison_picker.refresh()
        self._loaded = True
        self._follow_the_month()
        self.refresh_coverage()
        self._refresh_lists()
        self.refresh_reminders()

    def refresh_coverage(self) -> None:
        """Read this month's coverage (for the liaison chosen) and show it."""
        today = self.today()
        liaison_id = self.liaison_id()
        coverage = self._operations.read(
            lambda session: month_coverage(session, month_start(today), today=today,
                                           liaison_id=liaison_id))
        self.show_coverage(coverage)

    def show_coverage(self, coverage: Coverage) -> None:
        """Show ``coverage`` in the label and the bar."""
        target = format_percent(coverage.target * 100)
        ratio = coverage.ratio
        if ratio is None:
            self.coverage_label.setText(
                self.tr("This month's coverage: nobody is due — target {target}").format(
                    target=target))
            self.coverage_bar.setValue(100)
            self.coverage_bar.setFormat(format_percent(100))
        else:
            # format_percent rounds down: 99.6 % never looks like a reached target.
            percent = format_percent(ratio * 100)
            self.coverage_label.setText(
                self.tr("This month's coverage: {percent} ({visited} of {due} due) — "
                        "target {target}").format(
                    percent=percent, visited=f"{coverage.visited:,}", due=f"{coverage.due:,}",
                    target=target))
            self.coverage_bar.setValue(min(100, int(ratio * 100)))
            self.coverage_bar.setFormat(percent)
        # The whole line also as a tool tip, should the label be cut all the same.
        self.coverage_label.setToolTip(self.coverage_label.text())
        self.coverage_bar.setToolTip(self.coverage_label.text())
        reached = ratio is None or ratio >= coverage.target
        self.coverage_bar.setStyleSheet(
            "" if reached else "QProgressBar::chunk { background: #d98c1f; }")

    def refresh_overdue(self) -> None:
        """Read the overdue households again, keeping the selection when still overdue."""
        self._stale.discard(Tab.OVERDUE)
        keep = self._selected_household(self.overdue_table)
        self.overdue_model.set_search(self.overdue_search.search())
        self.overdue_model.set_filter(self.liaison_id(), None)
        count = self.overdue_model.rowCount()
        if self.overdue_search.is_searching():
            self.overdue_label.setText(
                self.tr("%n overdue household(s) found", "", count)
                if count else self.tr("No overdue household matches the search."))
        else:
            self.overdue_label.setText(
                self.tr("%n household(s) overdue for a visit, most days overdue first", "",
                        count)
                if count else self.tr("No household is overdue for a visit."))
        if keep is not None:
            select_table_row(self.overdue_table, self.overdue_model.row_of(keep))
        self._after_refresh()

    def visit_filter(self) -> VisitFilter:
        """What the visits tab lists: the month, the search and the liaison as visitor."""
        month = from_qdate(self.month_edit.date())
        return VisitFilter(
            visitor_id=self.liaison_id(), start=month_start(month), end=month_end(month),
            search=self.search.text().strip(), follow_up_only=self.follow_up_only.isChecked(),
        )

    def refresh_visits(self) -> None:
        """Read the visits matching the filter again (ids only), keeping the selection."""
        self._search_timer.stop()
        self._stale.discard(Tab.VISITS)
        keep = self.current_visit_id()
        flt = self.visit_filter()
        other_visits = flt != self.visit_model.visit_filter
        self.visit_model.set_filter(flt)
        if other_visits:  # not where the previous list was scrolled to
            self.visits_table.scrollToTop()
        self.visits_label.setText(self.tr("%Ln visit(s)", "", self.visit_model.rowCount()))
        if keep is not None:
            self.select_visit(keep)
        self._after_refresh()

    def refresh_reminders(self) -> None:
        """Read the open reminders again (due by today unless later ones are wanted)."""
        keep = self.current_reminder_id()
        today = self.today()
        due_by = None if self.later_check.isChecked() else today
        rows = self._operations.read(lambda session: list_reminders(session, due_by))
        due = sum(1 for r in rows if not r.done and r.due_date <= today)
        search = self.reminder_search.search()
        found = matching_ids(self._operations, search, {r.household_id for r in rows})
        rows = kept(rows, lambda r: r.household_id, found)
        self.reminder_model.set_reminders(rows, today)
        if keep is not None:
            select_table_row(self.reminders_table, self.reminder_model.row_of(keep))
        self.tabs.setTabText(
            Tab.REMINDERS,
            self.tr("R&eminders ({count})").format(count=due) if due else self.tr("R&eminders"))
        self._after_refresh()

    def shown_count(self) -> int:
        """How many rows the current tab lists."""
        return self._table(Tab(self.tabs.currentIndex())).model().rowCount()

    def status_text(self) -> str:
        """What the current tab lists: visits, reminders or overdue households."""
        shown = self.shown_count()
        tab = Tab(self.tabs.currentIndex())
        if tab is Tab.VISITS:
            return self.tr("%n visit(s) shown", "", shown)
        if tab is Tab.REMINDERS:
            return self.tr("%n reminder(s) shown", "", shown)
        return self.tr("%n household(s) overdue for a visit", "", shown)

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when visits, reminders, households, volunteers (visitors, liaisons) or
        the station's settings (visit intervals) changed; lists never read yet are read
        when the page is first shown."""
        if (self._loaded and notice.origin is not self
                and notice.touches(Area.VISITS, Area.REMINDERS, Area.HOUSEHOLDS,
                                   Area.SETTINGS, Area.VOLUNTEERS)):
            self._notices_applied += 1
            self.refresh()

    def close_windows(self) -> None:
        """The page opens only modal dialogs: nothing to close."""

    def focus_search(self) -> None:
        """Go to the visits tab and put the cursor in its search box."""
        self.tabs.setCurrentIndex(Tab.VISITS)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_list(self, request: ListRequest) -> None:
        """Show the list ``request`` asks for: the overdue households, the visits of a
        month or the reminders due; a search or a liaison narrowing it is cleared, so the
        list shows what the home page counted."""
        tab = {ListKind.OVERDUE_VISITS: Tab.OVERDUE, ListKind.VISITS: Tab.VISITS,
               ListKind.REMINDERS_DUE: Tab.REMINDERS}.get(request.kind)
        if tab is None:
            return
        for box in (self.overdue_search, self.reminder_search, self.search):
            box.blockSignals(True)  # read once below, not once per box
            box.clear()
            box.blockSignals(False)
        self._search_timer.stop()
        if tab is Tab.VISITS and request.month is not None:
            self.month_edit.blockSignals(True)
            self.month_edit.setDate(to_qdate(month_start(request.month)))
            self.month_edit.blockSignals(False)
        if tab is Tab.REMINDERS:
            self.later_check.blockSignals(True)
            self.later_check.setChecked(False)
            self.later_check.blockSignals(False)
        self.liaison_picker.blockSignals(True)
        self.set_liaison(None)
        self.liaison_picker.blockSignals(False)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(tab)
        self.tabs.blockSignals(False)
        self.refresh()
        self._tab_changed()
        table = self._table(tab)
        if table.model().rowCount() and not table.selectionModel().hasSelection():
            table.selectRow(0)
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ selection

    def _table(self, tab: Tab) -> QTableView:
        return self._tables()[tab]

    def _selected_row(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selected_household(self, table: QTableView) -> int | None:
        row = self._selected_row(table)
        if row is None:
            return None
        value = table.model().index(row, 0).data(HOUSEHOLD_ID_ROLE)
        return int(value) if value is not None else None

    def current_household_id(self) -> int | None:
        """The household selected in the current tab, if any."""
        return self._selected_household(self._table(Tab(self.tabs.currentIndex())))

    def current_visit_id(self) -> int | None:
        """The visit selected in the visits tab, if any."""
        row = self._selected_row(self.visits_table)
        return self.visit_model.visit_id(row) if row is not None else None

    def current_reminder(self) -> ReminderRow | None:
        """The reminder selected in the reminders tab, if any."""
        row = self._selected_row(self.reminders_table)
        return self.reminder_model.row_at(row) if row is not None else None

    def current_reminder_id(self) -> int | None:
        """The id of the reminder selected, if any."""
        reminder = self.current_reminder()
        return reminder.id if reminder else None

    def select_visit(self, visit_id: int) -> bool:
        """Select the visit ``visit_id`` in the visits tab; False when it is not listed."""
        if Tab.VISITS in self._stale:
            self.refresh_visits()
        return select_table_row(self.visits_table, self.visit_model.row_of(visit_id))

    def select_overdue(self, household_id: int) -> bool:
        """Select ``household_id`` in the overdue tab; False when it is not overdue."""
        if Tab.OVERDUE in self._stale:
            self.refresh_overdue()
        return select_table_row(self.overdue_table, self.overdue_model.row_of(household_id))

    # ------------------------------------------------------------ actions

    def record_visit(self) -> None:
        """Record a visit to the household selected in the current tab."""
        household_id = self.current_household_id()
        if household_id is not None:
            self.record_visit_for(household_id)

    def record_visit_for(self, household_id: int) -> int | None:
        """Open the visit dialog for ``household_id``; the saved visit's id, or None."""
        return self._run_dialog(household_id, None)

    def open_visit(self) -> None:
        """Open the visit selected (or the one a selected reminder came from)."""
        visit_id: int | None = None
        tab = Tab(self.tabs.currentIndex())
        if tab is Tab.VISITS:
            visit_id = self.current_visit_id()
        elif tab is Tab.REMINDERS:
            reminder = self.current_reminder()
            visit_id = reminder.visit_id if reminder else None
        if visit_id is not None:
            self._run_dialog(None, visit_id)

    def _run_dialog(self, household_id: int | None, visit_id: int | None) -> int | None:
        from stationapp.ui.visit_dialog import VisitDialog

        try:
            dialog = VisitDialog(self._operations, household_id, visit_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Not found"), str(exc))
            self.refresh()
            return None
        applied = self._notices_applied
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            saved = dialog.saved_visit_id
            text = dialog.result_message()
        finally:
            dialog.deleteLater()
        table = self._table(Tab(self.tabs.currentIndex()))
        if self._notices_applied == applied:  # the save's notice did not reach the page
            self.refresh()
        self.show_message(text)
        if saved is not None:
            self.select_visit(saved)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        return saved

    def delete_selected_visit(self) -> bool:
        """Delete the visit selected in the visits tab, after asking; True when deleted."""
        if self.tabs.currentIndex() != Tab.VISITS:
            return False
        visit_id = self.current_visit_id()
        row = self.visit_model.row_of(visit_id) if visit_id is not None else None
        visit = self.visit_model.row_data(row) if row is not None else None
        if visit is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete visit?"),
            self.tr("Delete the visit of {date} to {household}? Use this only for a visit "
                    "entered by mistake; a request or reminder made from it stays.").format(
                date=format_date(visit.visit_date), household=f"{visit.address} {visit.head}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = self._operations.change(
            self, lambda ctx: delete_visit(ctx.session, visit.id, ctx.actor),
            changed(Area.VISITS, Area.HOUSEHOLDS, households=(visit.household_id,),
                    origin=self),
            FailureTexts(self.tr("Visit not deleted")))
        if done is not None:
            self.show_message(self.tr("Visit of {date} deleted.").format(
                date=format_date(visit.visit_date)))
        self.refresh()
        return True

    def complete_selected_reminder(self) -> bool:
        """Mark the selected reminder done; True when it was."""
        reminder = self.current_reminder()
        if reminder is None or reminder.done:
            return False
        done = self._operations.change(
            self, lambda ctx: complete_reminder(ctx.session, reminder.id, ctx.actor,
                                                now=ctx.clock.now()),
            changed(Area.REMINDERS, origin=self), FailureTexts(self.tr("Reminder not done")))
        if done is None:
            self.refresh_reminders()
            return False
        self.show_message(self.tr("Reminder done: {text}").format(text=reminder.text))
        self.refresh_reminders()
        return True

    def show_message(self, text: str) -> None:
        """Tell the clerk what happened (on the page and through :attr:`message`)."""
        self.status_label.setText(text)
        if text:
            self.message.emit(text)

    # ------------------------------------------------------------ state

    def save_state(self, settings: QSettings) -> None:
        """Keep the liaison filter, the tab and the column layout for this desk."""
        liaison = self.liaison_id()
        settings.setValue(_LIAISON_KEY, -1 if liaison is None else liaison)
        settings.setValue(_TAB_KEY, self.tabs.currentIndex())
        for key, table in zip(_HEADER_KEYS, self._tables(), strict=True):
            settings.setValue(key, table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore what :meth:`save_state` kept, if anything."""
        for key, table, default in zip(_HEADER_KEYS, self._tables(), self._default_headers,
                                       strict=True):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                header = table.horizontalHeader()
                if not header.restoreState(state):
                    header.restoreState(default)
        tab = _as_int(settings.value(_TAB_KEY))
        if tab is not None and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        self._fix_visit_columns()
        liaison = _as_int(settings.value(_LIAISON_KEY))
        if liaison is not None and liaison >= 0:
            self.liaison_picker.set_key(liaison)  # only a person still listed

    # ------------------------------------------------------------ internals

    def _fix_visit_columns(self) -> None:
        # Never sized to their contents, also not by a header state an older version kept:
        # that would read a thousand rows of a list that is read block by block.
        header = self.visits_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(VisitColumn.CONCERNS, QHeaderView.ResizeMode.Stretch)

    def _refresh_lists(self) -> None:
        # The overdue list and the visits cost the most to read (tens of thousands of ids):
        # only the one shown is read now, the other when its tab is shown.
        self._stale = {Tab.OVERDUE, Tab.VISITS}
        tab = Tab(self.tabs.currentIndex())
        if tab is Tab.OVERDUE:
            self.refresh_overdue()
        elif tab is Tab.VISITS:
            self.refresh_visits()

    def _liaison_changed(self) -> None:
        if self._loaded:
            self.refresh_coverage()
            self._refresh_lists()

    def _tab_changed(self) -> None:
        tab = Tab(self.tabs.currentIndex())
        if tab is Tab.OVERDUE and tab in self._stale:
            self.refresh_overdue()
        elif tab is Tab.VISITS and tab in self._stale:
            self.refresh_visits()
        self._update_buttons()
        self.count_changed.emit(self.shown_count())

    def _after_refresh(self) -> None:
        self._update_buttons()
        self.count_changed.emit(self.shown_count())

    def _search_entered(self) -> None:
        self.refresh_visits()
        if self.visit_model.rowCount():
            if self.current_visit_id() is None:
                self.visits_table.selectRow(0)
            self.visits_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        tab = Tab(self.tabs.currentIndex())
        self.record_button.setEnabled(self.current_household_id() is not None)
        reminder = self.current_reminder()
        self.open_button.setEnabled(
            (tab is Tab.VISITS and self.current_visit_id() is not None)
            or (tab is Tab.REMINDERS and reminder is not None and reminder.visit_id is not None))
        self.delete_button.setEnabled(tab is Tab.VISITS and self.current_visit_id() is not None)
        self.done_button.setEnabled(reminder is not None and not reminder.done)


def _as_int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


__all__ = ["REMINDER_ID_ROLE", "ReminderColumn", "ReminderTableModel", "Tab", "VisitsPage"]
