"""诉求: the requests page with search, filters, the request list and its actions.

The clerk takes a new request in (for a household picked by typing), opens one to move it
along 受理 → 派单 → 处理中 → 已办结 → 已回访, and narrows the list by status (open ones by
default), category, assignee or to the overdue ones, which stand out in red.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.care_vocab import RequestStatus
from stationapp.domain.errors import NotFoundError
from stationapp.services.requests import (
    RequestFilter,
    RequestRow,
    list_request_categories,
    list_requests,
)
from stationapp.services.settings import get_station_settings
from stationapp.ui.form_helpers import ERROR_COLOR, select_table_row
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.page_helpers import (
    flow_row,
    give_room,
    list_table,
    on_enter,
    page_title,
    page_top,
    search_timer,
)
from stationapp.ui.person_picker import PersonPicker
from stationapp.ui.request_table_model import RequestColumn, RequestTableModel

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the search box."""

OPEN_STATUSES = "open"
"""Status combo entry: requests still waiting for work (受理 · 派单 · 处理中)."""

ALL_STATUSES = "all"
"""Status combo entry: every request."""

_ANY_CATEGORY = ""


class RequestsPage(QWidget):
    """List, filter and open requests; take new ones in.

    ``count_changed(shown)`` tells the main window how many requests are listed;
    ``message(text)`` says what an action did.
    """

    count_changed = Signal(int)
    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the page; the list is read when the page is first shown."""
        super().__init__(parent)
        self._operations = operations
        self._loaded = False
        self._notices_applied = 0
        self._summary_plain = ""

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin, address, phone, description or assignee"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search requests"))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.status_combo.addItem(self.tr("Open"), OPEN_STATUSES)
        self.status_combo.addItem(self.tr("All"), ALL_STATUSES)
        for status in RequestStatus:
            self.status_combo.addItem(status.label, status.value)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assignee_picker = PersonPicker(operations, None, allow_none=True,
                                            none_text=self.tr("Anyone"), active_only=False)
        self.assignee_picker.setAccessibleName(self.tr("Assignee"))
        self.overdue_check = QCheckBox(self.tr("Overdue onl&y"))
        self.overdue_check.setToolTip(
            self.tr("Open requests past the station's time limit (Station settings)"))
        # Set by a statistics card (requests received in a month); the button clears it.
        self.received_month: date | None = None
        self.month_button = QPushButton()
        self.month_button.setToolTip(self.tr("Show the requests of every month"))
        self.month_button.hide()
        self.month_button.clicked.connect(lambda: self.set_received_month(None))

        self.new_button = QPushButton(self.tr("&New request…"))
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Open the selected request (Enter)"))

        self.model = RequestTableModel(self)
        self.table = list_table(self.model, self.tr("Requests"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        give_room(self.table, RequestColumn.DESCRIPTION, least_chars=12)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        title = page_title(self.tr("Requests"))
        top = page_top(title, self.new_button, self.open_button)
        top.insertSpacing(1, 12)
        top.insertWidget(2, self.summary)
        groups: list[QWidget | tuple[QWidget, ...]] = [self.search]
        for text, widget in ((self.tr("&Status:"), self.status_combo),
                             (self.tr("&Category:"), self.category_combo),
                             (self.tr("Assi&gnee:"), self.assignee_picker)):
            label = QLabel(text)
            label.setBuddy(widget)
            groups.append((label, widget))
        # Filters wrap onto another line when the text is large.
        filters = flow_row(*groups, self.overdue_check, self.month_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        chain: list[QWidget] = [self.search, self.status_combo, self.category_combo,
                                self.assignee_picker, self.overdue_check, self.table,
                                self.new_button, self.open_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._search_timer = search_timer(self.search, SEARCH_DELAY_MS, self.refresh)
        self.search.returnPressed.connect(self._search_entered)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.category_combo.currentIndexChanged.connect(lambda _i: self._category_chosen())
        self.assignee_picker.person_changed.connect(lambda _key: self.refresh())
        self.overdue_check.toggled.connect(lambda _on: self.refresh())
        self.new_button.clicked.connect(self.new_request)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        on_enter(self.table, self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._filling_categories = False
        self._fill_categories()
        self._update_buttons()

    # ------------------------------------------------------------ filters

    def _fill_categories(self) -> None:
        keep = self.category_combo.currentData()
        names = self._operations.read(
            lambda session: list_request_categories(session, include_inactive=True))
        self._filling_categories = True
        try:
            self.category_combo.clear()
            self.category_combo.addItem(self.tr("All categories"), _ANY_CATEGORY)
            for name in names:
                self.category_combo.addItem(name, name)
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(keep)))
        finally:
            self._filling_categories = False

    def _category_chosen(self) -> None:
        if not self._filling_categories:
            self.refresh()

    def current_filter(self) -> RequestFilter:
        """What the search box and the filters ask for."""
        status_key = self.status_combo.currentData()
        category = self.category_combo.currentData()
        month = self.received_month
        month_end = ((month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                     if month is not None else None)
        return RequestFilter(
            received_from=month,
            received_to=month_end,
            search=self.search.text().strip(),
            status=RequestStatus(status_key)
            if status_key not in (OPEN_STATUSES, ALL_STATUSES) else None,
            open_only=status_key == OPEN_STATUSES,
            overdue_only=self.overdue_check.isChecked(),
            category=category or None,
            assignee_id=self.assignee_picker.person_id(),
        )

    def set_received_month(self, month: date | None) -> None:
        """Keep the requests received in ``month`` (every month with None) and list again."""
        self.received_month = month.replace(day=1) if month is not None else None
        if self.received_month is not None:
            self.month_button.setText(self.tr("Received in {month} ✕").format(
                month=f"{self.received_month:%Y-%m}"))
        self.month_button.setVisible(self.received_month is not None)
        self.refresh()

    def open_list(self, request: ListRequest) -> None:
        """Show what the home page or a statistics card asked for: open requests, the
        overdue ones, or those received in ``request.month``; ``target_id`` selected."""
        widgets = (self.search, self.status_combo, self.category_combo, self.overdue_check)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.category_combo.setCurrentIndex(0)
            if request.kind is ListKind.REQUESTS_RECEIVED:
                self.set_status_filter(ALL_STATUSES)
            else:
                self.set_status_filter(OPEN_STATUSES)
            self.overdue_check.setChecked(request.kind is ListKind.OVERDUE_REQUESTS)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.assignee_picker.blockSignals(True)
        self.assignee_picker.set_person_id(None)
        self.assignee_picker.blockSignals(False)
        self.set_received_month(
            request.month if request.kind is ListKind.REQUESTS_RECEIVED else None)
        if request.target_id is not None:
            self.select_request(request.target_id)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_status_filter(self, key: str | RequestStatus) -> None:
        """Show open requests (:data:`OPEN_STATUSES`), all, or those of one status."""
        value = key.value if isinstance(key, RequestStatus) else key
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(value)))

    # ------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list the first time the page is shown."""
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the requests again with the search and filters, keeping the selection."""
        self._search_timer.stop()
        keep = self.current_request_id()
        flt = self.current_filter()
        now = self._operations.clock.now()  # open requests past the limit, as of now

        def read(session: Session) -> tuple[list[RequestRow], list[RequestRow], int]:
            rows = list_requests(session, flt, now=now)
            open_rows = rows if flt == RequestFilter(open_only=True) else list_requests(
                session, RequestFilter(open_only=True), now=now)
            return rows, open_rows, get_station_settings(session).request_limit_days

        rows, open_rows, limit = self._operations.read(read)
        self.model.limit_days = limit
        self.model.set_requests(rows)
        self._loaded = True
        if keep is not None:
            self.select_request(keep)
        self._show_summary(len(open_rows), sum(1 for r in open_rows if r.overdue), limit)
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount())

    def _show_summary(self, open_count: int, overdue: int, limit: int) -> None:
        text = self.tr("%n open", "", open_count)
        plain = text
        if overdue:
            late = self.tr("%n overdue", "", overdue)
            plain = f"{text} · {late}"
            text = f"{text} · <span style='color:{ERROR_COLOR.name()}'><b>{late}</b></span>"
        self._summary_plain = plain
        self.summary.setText(text)
        self.summary.setToolTip(self.tr(
            "Requests still open in the whole station; overdue: open longer than "
            "{limit} days").format(limit=limit))

    def summary_text(self) -> str:
        """The summary line as plain text ("12 open · 3 overdue")."""
        return self._summary_plain

    def shown_count(self) -> int:
        """How many requests are listed."""
        return self.model.rowCount()

    def status_text(self) -> str:
        """"3 request(s) shown"."""
        return self.tr("%n request(s) shown", "", self.shown_count())

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when requests, households (names, addresses), volunteers (assignees)
        or the station's lists (request categories, the time limit) changed; the assignee
        filter follows the volunteers by itself."""
        if not notice.touches(Area.REQUESTS, Area.HOUSEHOLDS, Area.SETTINGS, Area.VOLUNTEERS):
            return
        self._notices_applied += 1
        if notice.touches(Area.SETTINGS):
            self._fill_categories()
        if self._loaded:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        """The requests page keeps no layout of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """The requests page keeps no layout of its own."""

    def close_windows(self) -> None:
        """The page opens only modal dialogs: nothing to close."""

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_request_id(self) -> int | None:
        """The id of the selected request, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        request = self.model.request_row(rows[0].row())
        return request.id if request else None

    def select_request(self, request_id: int) -> bool:
        """Select the row of ``request_id``; False when it is not listed."""
        return select_table_row(self.table, self.model.row_of(request_id))

    def reload_choices(self) -> None:
        """Read the categories and people of the filters again (after settings changed)."""
        self._fill_categories()
        self.assignee_picker.reload()

    # ------------------------------------------------------------ editing

    def new_request(self) -> None:
        """Take a new request in (household picked in the dialog)."""
        self._open(None, None)

    def new_request_for(self, household_id: int) -> None:
        """Take a new request in for ``household_id`` (e.g. from the households page)."""
        self._open(None, household_id)

    def open_selected(self) -> None:
        """Open the selected request in the dialog."""
        request_id = self.current_request_id()
        if request_id is not None:
            self._open(request_id, None)

    def open_request(self, request_id: int) -> None:
        """Open request ``request_id`` in the dialog (also when it is not listed)."""
        self._open(request_id, None)

    def _open(self, request_id: int | None, household_id: int | None) -> None:
        from stationapp.ui.request_dialog import RequestDialog

        try:
            dialog = RequestDialog(self._operations, request_id, self,
                                   household_id=household_id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Request not found"), str(exc))
            self.refresh()
            return
        applied = self._notices_applied
        try:
            dialog.exec()
            changed = dialog.changed
            saved = dialog.saved_request_id or (request_id if changed else None)
        finally:
            dialog.deleteLater()
        if not changed:
            self.table.setFocus()
            return
        if self._notices_applied == applied:  # the save's notice did not reach the page
            self.refresh()
        if saved is not None and not self.select_request(saved):
            log.info("request %s is outside the current filter", saved)
        self.table.setFocus()

    # ------------------------------------------------------------ internals

    def _search_entered(self) -> None:
        self.refresh()
        if self.model.rowCount():
            if self.current_request_id() is None:
                self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_request_id() is not None)


__all__ = ["ALL_STATUSES", "OPEN_STATUSES", "RequestsPage"]
