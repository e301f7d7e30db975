"""工作台: the home page, what needs doing today, each line opening the list behind it.

Four sections — visits due and overdue, follow-up reminders, requests past their deadline,
events with deliveries still to go — each a heading with its counts and the first lines;
under them the next 60 days of the calendar (:mod:`stationapp.ui.home_calendar`), whose
festivals plan a visit round or an event from a template.
A heading or a line is a link: clicking it (or Tab to it and Enter) emits
``list_requested(ListRequest)``, and the main window opens that list on its page.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from stationapp.domain.event_templates import EventTemplate
from stationapp.services.workbench import (
    Workbench,
    keep_workbench_ahead,
    plan_event,
    read_and_keep_workbench,
)
from stationapp.ui import home_sections
from stationapp.ui.home_sections import LinkLine, Section
from stationapp.ui.list_requests import ListRequest
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.workers import SessionTask, TaskSet

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("stationapp.ui")

KEEP_AHEAD_AFTER_MS = 30_000
"""Once the page has been shown this long since its last read (the clerk idle on it), the
next days' workbenches are read and kept in the ledger (off the GUI thread), so that the
first start of the next working day shows its own at once. Never while another page is
shown (a search there is not slowed)."""

_AREAS = (Area.HOUSEHOLDS, Area.VISITS, Area.REMINDERS, Area.REQUESTS, Area.EVENTS,
          Area.DELIVERIES, Area.SETTINGS)
"""What the workbench shows: a notice touching any of these reads it again."""


class HomePage(home_sections.HomePage):
    """工作台: today's due and overdue visits, reminders, late requests and events.

    What it shows and how is :class:`stationapp.ui.home_sections.HomePage` (shared with the
    frame painted at start-up); this page reads it and opens the lists.
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
        self.event_dialog: QDialog | None = None
        """The new-event dialog last opened from a template (None before)."""
        self.keep_ahead_timer = QTimer(self)
        self.keep_ahead_timer.setSingleShot(True)
        self.keep_ahead_timer.setInterval(KEEP_AHEAD_AFTER_MS)
        self.keep_ahead_timer.timeout.connect(self.keep_ahead)
        self.refresh_button.clicked.connect(self.refresh)
        self.calendar_section.list_requested.connect(self.list_requested)
        self.calendar_section.event_requested.connect(self.plan_event)

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
        """A line that opens the list ``request`` when activated."""
        line = LinkLine(text, request, alert)
        line.linkActivated.connect(lambda _href, line=line: self.open_line(line))
        return line

    # ------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:
        """Start the first read of the workbench the first time the page is shown (in a
        worker thread: the window paints and takes input meanwhile)."""
        if not self._loaded and not self._expecting and self._first_read is None:
            self.read_in_background()
        elif self._loaded:
            self.keep_ahead_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Another page is shown: the next days are kept only while this one is idle."""
        self.keep_ahead_timer.stop()
        super().hideEvent(event)

    def read_in_background(self) -> None:
        """Read today's work off the GUI thread; it is shown when read. A read already
        running is dropped (this one is newer)."""
        today = self._operations.clock.today()

        def work(session: Session) -> Workbench:
            return read_and_keep_workbench(session, today)

        def failed(error: BaseException) -> None:
            self._first_read = None
            raise error  # a bug: the crash handler shows it (reading raises no typed error)

        self._drop_first_read()
        if self.workbench is None:  # a kept workbench shown meanwhile keeps its day
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
        bench = self._operations.read(lambda session: read_and_keep_workbench(session, today))
        self.show_workbench(bench)

    def _drop_first_read(self) -> None:
        if self._first_read is not None:
            self._first_read.cancel()
            self._first_read = None

    def show_workbench(self, bench: Workbench) -> None:
        """Fill the sections with ``bench`` (a first read still running is dropped). The
        lines are kept as they are when they show the same already (the kept workbench the
        start-up showed, read again)."""
        self._drop_first_read()
        self._expecting = False
        same = bench == self.workbench
        self.workbench = bench
        self._loaded = True
        if same:
            self.day_label.setText(bench.today.isoformat())
        else:
            self.fill(bench)
        self.count_changed.emit(self.shown_count())
        if self.isVisible():
            self.keep_ahead_timer.start()  # again: the next days once the desk is idle

    def show_kept_workbench(self, bench: Workbench) -> None:
        """Show ``bench``, the workbench kept in the ledger (still holding), until the
        page's own first read replaces it: the page still reads when first shown."""
        if self._loaded:
            return
        self.workbench = bench
        self.fill(bench)
        self.count_changed.emit(self.shown_count())

    def keep_ahead(self) -> None:
        """Read the next days' workbenches and keep them in the ledger, off the GUI thread
        (best effort: a failure is logged, nothing is shown)."""
        today = self._operations.clock.today()

        def failed(error: BaseException) -> None:
            log.warning("keeping the next days' workbenches failed: %s", error)

        self._tasks.add(self._operations.read_in_background(
            lambda session: keep_workbench_ahead(session, today), lambda _kept: None, failed))

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
        """The home page opens no windows; a read still running is waited for."""
        self.keep_ahead_timer.stop()
        self._tasks.wait_all(cancel=True)

    def open_list(self, request: ListRequest) -> None:
        """The home page shows no list of its own: nothing to choose."""


__all__ = ["HomePage", "LinkLine", "Section"]
