"""工作台: the home page, what needs doing today, each line opening the list behind it.

Four sections — visits due and overdue, follow-up reminders, requests past their deadline,
events with deliveries still to go — each a heading with its counts and the first lines;
under them the next 60 days of the calendar (:mod:`stationapp.ui.home_calendar`), whose
festivals plan a visit round or an event from a template.
A heading or a line is a link: clicking it (or Tab to it and Enter) emits
``list_requested(ListRequest)``, and the main window opens that list on its page.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.event_templates import EventTemplate
from stationapp.services.workbench import UPCOMING_DAYS, Workbench, plan_event, read_workbench
from stationapp.ui.form_helpers import ERROR_COLOR
from stationapp.ui.home_calendar import CalendarSection
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.page_helpers import page_title, page_top
from stationapp.ui.scaled_font import scale_font
from stationapp.ui.workers import SessionTask, TaskSet

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HEADING_SCALE = 1.15
"""Section headings are this much larger than the text."""

_AREAS = (Area.HOUSEHOLDS, Area.VISITS, Area.REMINDERS, Area.REQUESTS, Area.EVENTS,
          Area.DELIVERIES, Area.SETTINGS)
"""What the workbench shows: a notice touching any of these reads it again."""


def _month_of(day: date) -> date:
    return day.replace(day=1)


class LinkLine(QLabel):
    """One line (or heading) of the workbench: a word-wrapped link to a list."""

    def __init__(self, text: str, request: ListRequest, alert: bool = False,
                 parent: QWidget | None = None) -> None:
        """A line reading ``text`` that asks for ``request`` when activated."""
        super().__init__(parent)
        self.request = request
        self.plain_text = text
        style = f" style='color:{ERROR_COLOR.name()}'" if alert else ""
        self.setText(f"<a href='open'{style}>{html.escape(text)}</a>")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)


class Section(QFrame):
    """A heading and its lines, with a text for when there is nothing to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty section; :meth:`show_lines` fills it."""
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(6)
        self.lines: list[LinkLine] = []
        # A child from the start: shown before it is in the layout, a label without a
        # parent would open as a window of its own (and take the focus from the window).
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f5f5f;")

    def show_lines(self, heading: LinkLine, lines: list[LinkLine], empty: str) -> None:
        """Replace what the section shows: ``heading``, then ``lines`` (or ``empty``)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty_label:
                widget.deleteLater()
        scale_font(heading, HEADING_SCALE, bold=True)
        self.lines = [heading, *lines]
        for line in self.lines:
            self._layout.addWidget(line)
        self.empty_label.setText(empty)
        self.empty_label.setVisible(bool(empty) and not lines)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)


class HomePage(QWidget):
    """工作台: today's due and overdue visits, reminders, late requests and events.

    ``list_requested(ListRequest)`` asks the main window to open a list;
    ``count_changed(n)`` and ``message(text)`` as on every page.
    """

    count_changed = Signal(int)
    message = Signal(str)
    list_requested = Signal(object)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the page; the workbench is read (off the GUI thread) when the page is
        first shown."""
        super().__init__(parent)
        self._operations = operations
        self._loaded = False
        self._expecting = False
        self._tasks = TaskSet()
        self._first_read: SessionTask[Workbench] | None = None
        self.workbench: Workbench | None = None

        self.title = page_title(self.tr("Today"))
        self.day_label = QLabel()
        self.refresh_button = QPushButton(self.tr("&Read again"))
        self.refresh_button.setToolTip(self.tr("Read today's work again (F5)"))
        top = page_top(self.title, self.refresh_button)
        top.insertSpacing(1, 12)
        top.insertWidget(2, self.day_label)

        self.visits_section = Section()
        self.reminders_section = Section()
        self.requests_section = Section()
        self.events_section = Section()
        self.calendar_section = CalendarSection()
        self.event_dialog: QDialog | None = None
        """The new-event dialog last opened from a template (None before)."""
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, section in enumerate(self.sections()):
            grid.addWidget(section, index // 2, index % 2)
        grid.addWidget(self.calendar_section, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        content.setObjectName("homeContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 4)
        body.addLayout(grid)
        body.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.calendar_section.list_requested.connect(self.list_requested)
        self.calendar_section.event_requested.connect(self.plan_event)

    def sections(self) -> tuple[Section, ...]:
        """The four sections in reading order."""
        return (self.visits_section, self.reminders_section, self.requests_section,
                self.events_section)

    def lines(self) -> list[LinkLine]:
        """Every heading and line shown, section by section (the calendar's are
        ``calendar_section.links()``)."""
        return [line for section in self.sections() for line in section.lines]

    def plan_event(self, template: EventTemplate, festival_day: date) -> None:
        """Open the new-event dialog prefilled from ``template`` for the festival on
        ``festival_day`` (the dialog saves and announces the event itself)."""
        from stationapp.ui.event_dialog import EventDialog

        today = self._operations.clock.today()
        plan = self._operations.read(
            lambda session: plan_event(session, template, festival_day, today))
        dialog = EventDialog(self._operations, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.prefill(plan)
        self.event_dialog = dialog
        if plan.missing_items:
            self.message.emit(self.tr(
                "Not in the item catalogue: {items} (add them under Settings)").format(
                    items="、".join(plan.missing_items)))
        dialog.open()

    def open_line(self, line: LinkLine) -> None:
        """Ask for the list behind ``line`` (what clicking it does)."""
        self.list_requested.emit(line.request)

    def _line(self, text: str, request: ListRequest, alert: bool = False) -> LinkLine:
        line = LinkLine(text, request, alert)
        line.linkActivated.connect(lambda _href, line=line: self.open_line(line))
        return line

    # ------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:
        """Start the first read of the workbench the first time the page is shown (in a
        worker thread: the window paints and takes input meanwhile)."""
        if not self._loaded and not self._expecting and self._first_read is None:
            self.read_in_background()
        super().showEvent(event)

    def read_in_background(self) -> None:
        """Read today's work off the GUI thread; it is shown when read. A read already
        running is dropped (this one is newer)."""
        today = self._operations.clock.today()

        def work(session: Session) -> Workbench:
            return read_workbench(session, today)

        def failed(error: BaseException) -> None:
            self._first_read = None
            raise error  # a bug: the crash handler shows it (reading raises no typed error)

        self._drop_first_read()
        self.day_label.setText(self.tr("Reading today's work…"))
        self._first_read = self._tasks.add(
            self._operations.read_in_background(work, self.show_workbench, failed))

    def expect_workbench(self) -> None:
        """Do not read when first shown: the workbench is being read elsewhere and will be
        given to :meth:`show_workbench` (the start-up reads it while the password is
        checked)."""
        self._expecting = True

    def is_reading(self) -> bool:
        """True while the first read runs (or is expected from elsewhere)."""
        return self.workbench is None and (self._first_read is not None or self._expecting)

    def refresh(self) -> None:
        """Read today's work again (today as the clock says now)."""
        today = self._operations.clock.today()
        bench = self._operations.read(lambda session: read_workbench(session, today))
        self.show_workbench(bench)

    def _drop_first_read(self) -> None:
        if self._first_read is not None:
            self._first_read.cancel()
            self._first_read = None

    def show_workbench(self, bench: Workbench) -> None:
        """Fill the sections with ``bench`` (a first read still running is dropped)."""
        self._drop_first_read()
        self._expecting = False
        self.workbench = bench
        self._loaded = True
        self.day_label.setText(bench.today.isoformat())
        self._show_visits(bench)
        self._show_reminders(bench)
        self._show_requests(bench)
        self._show_events(bench)
        self.calendar_section.show_calendar(bench)
        self.count_changed.emit(self.shown_count())

    def _show_visits(self, bench: Workbench) -> None:
        heading = self.tr("Overdue visits: %n household(s)", "", bench.visits_overdue)
        if bench.visits_due_today:
            heading += " · " + self.tr("due today: %n household(s)", "",
                                       bench.visits_due_today)
        lines = []
        for row in bench.visits:
            if row.days_overdue:
                state = self.tr("%n day(s) overdue", "", row.days_overdue)
            else:
                state = self.tr("due today")
            lines.append(self._line(f"{row.address} {row.head} · {state}",
                                    ListRequest(ListKind.HOUSEHOLD, target_id=row.household_id)))
        self._more(lines, bench.visits_due - len(bench.visits),
                   ListRequest(ListKind.OVERDUE_VISITS))
        self.visits_section.show_lines(
            self._line(heading, ListRequest(ListKind.OVERDUE_VISITS),
                       alert=bench.visits_overdue > 0),
            lines, self.tr("No household is due for a visit."))

    def _show_reminders(self, bench: Workbench) -> None:
        heading = self.tr("Reminders due today: %n", "", bench.reminders_due_today)
        if bench.reminders_overdue:
            heading += " · " + self.tr("overdue: %n", "", bench.reminders_overdue)
        request = ListRequest(ListKind.REMINDERS_DUE)
        lines = [
            self._line(self.tr("{due} {address} {head}: {text}").format(
                due=row.due_date.isoformat(), address=row.address, head=row.head,
                text=row.text), request, alert=row.due_date < bench.today)
            for row in bench.reminders
        ]
        self._more(lines, bench.reminders_due - len(bench.reminders), request)
        self.reminders_section.show_lines(
            self._line(heading, request, alert=bench.reminders_overdue > 0), lines,
            self.tr("No reminder is due."))

    def _show_requests(self, bench: Workbench) -> None:
        heading = self.tr("Requests past their deadline: %n", "", bench.requests_overdue)
        lines = [
            self._line(self.tr("{address} {head} · {category}: {description} · open %n "
                               "day(s)", "", row.days_open).format(
                address=row.address, head=row.head, category=row.category,
                description=row.description),
                ListRequest(ListKind.OVERDUE_REQUESTS, target_id=row.id), alert=True)
            for row in bench.requests
        ]
        self._more(lines, bench.requests_overdue - len(bench.requests),
                   ListRequest(ListKind.OVERDUE_REQUESTS))
        lines.append(self._line(self.tr("Open requests: %n", "", bench.requests_open),
                                ListRequest(ListKind.OPEN_REQUESTS)))
        self.requests_section.show_lines(
            self._line(heading, ListRequest(ListKind.OVERDUE_REQUESTS),
                       alert=bench.requests_overdue > 0), lines, "")

    def _show_events(self, bench: Workbench) -> None:
        heading = self.tr("Events: %n household(s) waiting for deliveries", "",
                          bench.households_pending)
        lines = []
        for event in bench.events:
            when = event.starts_at.strftime("%Y-%m-%d")
            text = f"{when} {event.title}"
            if event.households_pending:
                text += " · " + self.tr("to go: %n household(s)", "",
                                        event.households_pending)
                text += " " + self.tr("(%n item(s))", "", event.deliveries_pending)
                request = ListRequest(ListKind.EVENT_DELIVERIES, target_id=event.id)
            else:
                request = ListRequest(ListKind.EVENTS, target_id=event.id,
                                      month=_month_of(event.starts_at.date()))
            lines.append(self._line(text, request))
        self.events_section.show_lines(
            self._line(heading, ListRequest(ListKind.EVENTS, month=_month_of(bench.today))),
            lines, self.tr("No event in the next %n day(s) and no deliveries to go.", "",
                           UPCOMING_DAYS))

    def _more(self, lines: list[LinkLine], more: int, request: ListRequest) -> None:
        if more > 0:
            lines.append(self._line(self.tr("… and %n more", "", more), request))

    # ------------------------------------------------------------ the page protocol

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when anything the workbench shows changed (once it was read; a
        first read still running starts again, it may have missed the change)."""
        if not notice.touches(*_AREAS):
            return
        if self._loaded:
            self.refresh()
        elif self._first_read is not None:
            self.read_in_background()

    def shown_count(self) -> int:
        """How many things need doing: visits due, reminders due, late requests."""
        bench = self.workbench
        if bench is None:
            return 0
        return bench.visits_due + bench.reminders_due + bench.requests_overdue

    def status_text(self) -> str:
        """"Today: 7 thing(s) to do"."""
        return self.tr("Today: %n thing(s) to do", "", self.shown_count())

    def focus_search(self) -> None:
        """The page has no search box: the first line takes the focus."""
        lines = self.lines()
        if lines:
            lines[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_state(self, settings: QSettings) -> None:
        """The home page keeps no layout of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """The home page keeps no layout of its own."""

    def close_windows(self) -> None:
        """The home page opens no windows; a first read still running is waited for."""
        self._tasks.wait_all(cancel=True)

    def open_list(self, request: ListRequest) -> None:
        """The home page shows no list of its own: nothing to choose."""


__all__ = ["HomePage", "LinkLine", "Section"]
