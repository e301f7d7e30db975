"""工作台's page without its reading: the title, the day, the four sections (visits,
reminders, requests, events) and the calendar, filled from a
:class:`~stationapp.domain.workbench_data.Workbench`.

Shared by the home page (:mod:`stationapp.ui.home_page`, which reads and opens the lists)
and the main window's frame painted at start-up (:mod:`stationapp.ui.skeleton`, which shows
the workbench kept in the ledger before the services are imported). So this module imports
Qt and light modules only. The class is called ``HomePage`` like the page built on it: its
texts keep the translation context "HomePage" they always had (``lupdate`` names the
context after the class a ``self.tr`` is written in, and Qt after the object's class).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.workbench_data import UPCOMING_DAYS, Workbench
from stationapp.ui.error_label import ERROR_COLOR
from stationapp.ui.home_calendar import CalendarSection
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.page_helpers import page_title, page_top, panel_layout
from stationapp.ui.scaled_font import scale_font

HEADING_SCALE = 1.15
"""Section headings are this much larger than the text."""

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
        self._layout = panel_layout(self)
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
    """工作台's page, light: what it shows, without reading it or opening anything.

    :meth:`fill` fills it; the lines are made by :meth:`_line` (plain links here; the
    real page's open their list).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """The page's title, day, button, empty sections and calendar."""
        super().__init__(parent)
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

    def sections(self) -> tuple[Section, ...]:
        """The four sections in reading order."""
        return (self.visits_section, self.reminders_section, self.requests_section,
                self.events_section)

    def lines(self) -> list[LinkLine]:
        """Every heading and line shown, section by section (the calendar's are
        ``calendar_section.links()``)."""
        return [line for section in self.sections() for line in section.lines]

    def fill(self, bench: Workbench) -> None:
        """Show ``bench``: its day, the sections and the calendar."""
        self.day_label.setText(bench.today.isoformat())
        self._show_visits(bench)
        self._show_reminders(bench)
        self._show_requests(bench)
        self._show_events(bench)
        self.calendar_section.show_calendar(bench)

    def _line(self, text: str, request: ListRequest, alert: bool = False) -> LinkLine:
        """A line reading ``text`` for the list ``request``."""
        return LinkLine(text, request, alert)

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


__all__ = ["HEADING_SCALE", "HomePage", "LinkLine", "Section"]
