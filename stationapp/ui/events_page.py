"""活动: the events page with search, a date range, the event list and its actions.

From here the clerk records a new event or edits one, opens the event's deliveries
(plan, split among volunteers, record outcomes), prints the delivery sheets (all
volunteers in one file, or one volunteer's) and the event report into the in-app PDF
preview.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import NotFoundError
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.events import EventRow, list_events
from stationapp.ui.form_helpers import from_qdate, select_table_row
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
from stationapp.ui.pdf_work import (
    PdfMaker,
    delivery_sheets_work,
    event_report_work,
    pdf_file_name,
)
from stationapp.ui.row_list_model import RowListModel

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the search box."""

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the event id of a row (any column)."""

NO_DATE = QDate(2000, 1, 1)
"""The lowest date of the range boxes, shown as "any" (no limit)."""

_Index = QModelIndex | QPersistentModelIndex


class EventColumn(IntEnum):
    """Columns of the event table."""

    TYPE = 0
    TITLE = 1
    DATE = 2
    PLACE = 3
    PARTICIPANTS = 4
    PLANNED = 5
    ITEMS = 6
    DONE = 7
    PENDING = 8


_NUMERIC = frozenset({EventColumn.PARTICIPANTS, EventColumn.PLANNED, EventColumn.ITEMS,
                      EventColumn.DONE, EventColumn.PENDING})


class EventTableModel(RowListModel[EventRow]):
    """Events as rows (read-only), newest first as the service lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_events`."""
        super().__init__(len(EventColumn), parent)
        self._headers = {
            EventColumn.TYPE: self.tr("Type"),
            EventColumn.TITLE: self.tr("Title"),
            EventColumn.DATE: self.tr("Date"),
            EventColumn.PLACE: self.tr("Place"),
            EventColumn.PARTICIPANTS: self.tr("Participants"),
            EventColumn.PLANNED: self.tr("Planned"),
            EventColumn.ITEMS: self.tr("Items"),
            EventColumn.DONE: self.tr("Delivered"),
            EventColumn.PENDING: self.tr("To go"),
        }
        # Counted in households (stops), as the deliveries window counts them.
        self._header_tips = {
            EventColumn.PLANNED: self.tr("Households with door-to-door deliveries planned "
                                         "(not cancelled)"),
            EventColumn.ITEMS: self.tr("Item deliveries planned (not cancelled)"),
            EventColumn.DONE: self.tr("Households whose deliveries were all delivered"),
            EventColumn.PENDING: self.tr("Households with deliveries still to go"),
        }

    set_events = RowListModel.set_rows
    event_row = RowListModel.row_at

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, tooltip and event id of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(EventColumn):
            return None
        event = self.event_row(index.row())
        if event is None:
            return None
        column = EventColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            # Households (户) and items (件) are never shown as bare numbers side by side.
            if column is EventColumn.PLANNED:
                return self.tr("%n household(s)", "", event.households_planned)
            if column is EventColumn.DONE:
                return self.tr("%n household(s)", "", event.households_done)
            if column is EventColumn.PENDING:
                return self.tr("%n household(s)", "", event.households_pending)
            if column is EventColumn.ITEMS:
                return self.tr("%n item(s)", "", event.deliveries_planned)
            return _display(event, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ToolTipRole and column in (EventColumn.TITLE,
                                                              EventColumn.PLACE):
            return _display(event, column) or None
        if role == EVENT_ID_ROLE:
            return event.id
        return None


def _display(event: EventRow, column: EventColumn) -> str:
    if column is EventColumn.TYPE:
        return event.type
    if column is EventColumn.TITLE:
        return event.title
    if column is EventColumn.DATE:
        return event.starts_at.strftime("%Y-%m-%d %H:%M")
    if column is EventColumn.PLACE:
        return event.place
    if column is EventColumn.PARTICIPANTS:
        return str(event.participant_count)
    if column is EventColumn.PLANNED:
        return str(event.households_planned)
    if column is EventColumn.ITEMS:
        return str(event.deliveries_planned)
    if column is EventColumn.DONE:
        return str(event.households_done)
    return str(event.households_pending)


class EventsPage(QWidget):
    """List, search and open events; plan deliveries; print sheets and reports.

    ``count_changed(shown)`` tells the main window how many events are listed;
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
        self.panels: dict[int, QDialog] = {}

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, type, place or organiser"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search events"))
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))
        self.clear_dates_button = QPushButton(self.tr("An&y date"))
        self.clear_dates_button.setToolTip(self.tr("Show events of every date"))

        self.new_button = QPushButton(self.tr("&New event…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected event (Enter)"))
        self.deliveries_button = QPushButton(self.tr("&Deliveries…"))
        self.deliveries_button.setToolTip(
            self.tr("Plan, assign and record the door-to-door deliveries of the event"))
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("&Print sheets"))
        self.print_button.setToolTip(self.tr("Delivery sheets of all volunteers, or of one"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.report_button = QPushButton(self.tr("Event &report"))
        self.summary_button = QPushButton(self.tr("S&ummary and photos…"))
        self.summary_button.setToolTip(
            self.tr("The event's summary and up to 6 photos, printed in the event report"))
        self.report_button.setToolTip(
            self.tr("The event record: details, tallies, volunteers, delivery results"))

        self.model = EventTableModel(self)
        self.table = list_table(self.model, self.tr("Events"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The name gets the room the other columns leave, and never less than a dozen
        # characters (a stretched column shrank to "…" at large text).
        give_room(self.table, EventColumn.TITLE, least_chars=12)

        title = page_title(self.tr("Events"))
        top = page_top(title, self.new_button, self.edit_button, self.deliveries_button,
                       self.print_button, self.report_button, self.summary_button)
        from_label = QLabel(self.tr("Fro&m:"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.date_to)
        filters = flow_row(self.search, (from_label, self.date_from),
                           (to_label, self.date_to), self.clear_dates_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)

        self._pdf: PdfMaker | None = None

        self._search_timer = search_timer(self.search, SEARCH_DELAY_MS, self.refresh)
        self.search.returnPressed.connect(self._search_entered)
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        self.clear_dates_button.clicked.connect(self.clear_dates)
        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.deliveries_button.clicked.connect(self.open_deliveries)
        self.report_button.clicked.connect(self.print_report)
        self.summary_button.clicked.connect(self.open_summary)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        on_enter(self.table, self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    # ------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list the first time the page is shown."""
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def date_range(self) -> tuple[date | None, date | None]:
        """The date range chosen (None: no limit on that side)."""
        start = self.date_from.date()
        end = self.date_to.date()
        return (None if start == NO_DATE else from_qdate(start),
                None if end == NO_DATE else from_qdate(end))

    def set_date_range(self, start: date | None, end: date | None) -> None:
        """Choose a date range (None: no limit) and list again."""
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
            edit.blockSignals(False)
        self.refresh()

    def open_list(self, request: ListRequest) -> None:
        """Show what the home page or a statistics card asked for: the events of
        ``request.month`` (every date without one), the event ``target_id`` selected, and
        for :attr:`ListKind.EVENT_DELIVERIES` its deliveries window."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if request.kind is ListKind.EVENTS and request.month is not None:
            start = request.month.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            self.set_date_range(start, end)
        else:
            self.set_date_range(None, None)
        selected = request.target_id is not None and self.select_event(request.target_id)
        if selected and request.kind is ListKind.EVENT_DELIVERIES:
            self.open_deliveries()
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_dates(self) -> None:
        """Show events of every date."""
        self.set_date_range(None, None)

    def refresh(self) -> None:
        """Read the events again with the search and date range, keeping the selection."""
        self._search_timer.stop()
        keep = self.current_event_id()
        start, end = self.date_range()
        search = self.search.text().strip()
        rows = self._operations.read(lambda session: list_events(session, search, start, end))
        self.model.set_events(rows)
        self._loaded = True
        if keep is not None:
            self.select_event(keep)
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount())

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read the list again when events, their deliveries or the station's lists
        (event types) changed; a list never read yet is read when first shown."""
        if self._loaded and notice.touches(Area.EVENTS, Area.DELIVERIES, Area.SETTINGS):
            self._notices_applied += 1
            self.refresh()

    def shown_count(self) -> int:
        """How many events are listed."""
        return self.model.rowCount()

    def status_text(self) -> str:
        """"3 event(s) shown"."""
        return self.tr("%n event(s) shown", "", self.shown_count())

    def save_state(self, settings: QSettings) -> None:
        """The events page keeps no layout of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """The events page keeps no layout of its own."""

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_event_id(self) -> int | None:
        """The id of the selected event, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        event = self.model.event_row(rows[0].row())
        return event.id if event else None

    def current_event(self) -> EventRow | None:
        """The selected event's row, if any."""
        event_id = self.current_event_id()
        row = self.model.row_of(event_id) if event_id is not None else None
        return self.model.event_row(row) if row is not None else None

    def select_event(self, event_id: int) -> bool:
        """Select the row of ``event_id``; False when it is not listed."""
        return select_table_row(self.table, self.model.row_of(event_id))

    # ------------------------------------------------------------ editing

    def new_event(self) -> None:
        """Open an empty event dialog; select the event after saving."""
        self._edit(None)

    def edit_selected(self) -> None:
        """Open the selected event in the dialog."""
        event_id = self.current_event_id()
        if event_id is not None:
            self._edit(event_id)

    def _edit(self, event_id: int | None) -> None:
        from stationapp.ui.event_dialog import EventDialog

        try:
            dialog = EventDialog(self._operations, event_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Event not found"), str(exc))
            self.refresh()
            return
        applied = self._notices_applied
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            saved = dialog.saved_event_id
        finally:
            dialog.deleteLater()
        if self._notices_applied == applied:  # the save's notice did not reach the page
            self.refresh()
        if saved is not None and not self.select_event(saved):
            log.info("saved event %s is outside the current filter", saved)
        self.table.setFocus()

    # ------------------------------------------------------------ deliveries

    def open_deliveries(self) -> QDialog | None:
        """Open (or raise) the deliveries window of the selected event."""
        from stationapp.ui.deliveries_panel import DeliveriesPanel

        event_id = self.current_event_id()
        if event_id is None:
            return None
        panel = self.panels.get(event_id)
        if panel is not None:
            panel.raise_()
            panel.activateWindow()
            return panel
        try:
            panel = DeliveriesPanel(self._operations, event_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Event not found"), str(exc))
            self.refresh()
            return None
        # The panel's changes reach the list through the change notices.
        panel.setWindowModality(Qt.WindowModality.NonModal)
        panel.finished.connect(lambda _result: self._panel_closed(event_id))
        self.panels[event_id] = panel
        panel.show()
        return panel

    def open_summary(self) -> QDialog | None:
        """Open the summary and photos window of the selected event (modal)."""
        from stationapp.ui.event_summary_dialog import EventSummaryDialog

        event_id = self.current_event_id()
        if event_id is None:
            return None
        try:
            dialog = EventSummaryDialog(self._operations, event_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Event not found"), str(exc))
            self.refresh()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _panel_closed(self, event_id: int) -> None:
        panel = self.panels.pop(event_id, None)
        if panel is not None:
            panel.deleteLater()

    # ------------------------------------------------------------ printing

    def sheet_volunteers(self) -> list[tuple[int, str]]:
        """The volunteers with stops in the selected event: (id, name)."""
        event_id = self.current_event_id()
        if event_id is None:
            return []
        rows = self._operations.read(lambda session: list_deliveries(session, event_id))
        found: dict[int, str] = {}
        for row in rows:
            if row.volunteer_id is not None:
                found.setdefault(row.volunteer_id, row.volunteer)
        return list(found.items())

    def _fill_print_menu(self) -> None:
        self.print_menu.clear()
        all_action = self.print_menu.addAction(self.tr("All volunteers (one file)"))
        all_action.triggered.connect(lambda: self.print_sheets(None))
        volunteers = self.sheet_volunteers()
        if volunteers:
            self.print_menu.addSeparator()
        for volunteer_id, name in volunteers:
            action = self.print_menu.addAction(self.tr("Only {name}").format(name=name))
            action.triggered.connect(lambda _checked=False, v=volunteer_id: self.print_sheets(v))

    @property
    def pdf(self) -> PdfMaker:
        """Makes and previews the PDFs (QtPdf is loaded on first use, not at start-up)."""
        if self._pdf is None:
            self._pdf = PdfMaker(self._operations, self)
        return self._pdf

    def print_sheets(self, volunteer_id: int | None = None) -> None:
        """Make the delivery sheets of the selected event (one volunteer, or all) and preview."""
        event = self.current_event()
        if event is None:
            return
        names = dict(self.sheet_volunteers()) if volunteer_id is not None else {}
        name = names.get(volunteer_id, "") if volunteer_id is not None else ""
        if name:
            title = self.tr("Delivery sheet of {name}: {event}").format(name=name,
                                                                        event=event.title)
        else:
            title = self.tr("Delivery sheets: {event}").format(event=event.title)
        self.pdf.make(delivery_sheets_work(event.id, volunteer_id, self._operations.clock.now()),
                      title,
                      pdf_file_name(event.title, name, self.tr("delivery sheets")))

    def print_report(self) -> None:
        """Make the event report (活动记录) of the selected event and preview it."""
        event = self.current_event()
        if event is None:
            return
        self.pdf.make(event_report_work(event.id, self._operations.clock.now()),
                      self.tr("Event report: {event}").format(event=event.title),
                      pdf_file_name(event.title, self.tr("event report")))

    # ------------------------------------------------------------ internals

    def _search_entered(self) -> None:
        self.refresh()
        if self.model.rowCount():
            if self.current_event_id() is None:
                self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        selected = self.current_event_id() is not None
        for widget in (self.edit_button, self.deliveries_button, self.print_button,
                       self.report_button, self.summary_button):
            widget.setEnabled(selected)

    def close_windows(self) -> None:
        """Close the deliveries windows and wait for PDFs being made (main window closing)."""
        for panel in list(self.panels.values()):
            panel.close()
        if self._pdf is not None:
            self._pdf.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close what this page opened."""
        self.close_windows()
        super().closeEvent(event)


__all__ = ["EVENT_ID_ROLE", "EventColumn", "EventTableModel", "EventsPage"]
