"""The 工作台's "next 60 days": festivals, statutory holidays, 调休 workdays and the
residents' round-number birthdays (整寿), each with one click to plan.

- A festival reads "重阳节 还有 12 天（九月初九，2026-10-18）— 80 岁以上 312 户"; under it
  "Plan a visit round" opens the household list narrowed to the households aged 80+ (高龄)
  — the list where the clerk records each visit and prints the round's ledger — and one
  "Plan an event" line per template of :mod:`stationapp.domain.event_templates` opens the
  new-event dialog prefilled from it.
- A holiday or 调休 workday is a plain line (nothing to open).
- A 整寿 line opens the household; the heading opens the list of households with a 整寿 in
  the window.

The calendar is read with the rest of the workbench (:func:`read_workbench`). Light (Qt and
the domain only): the main window's frame shows it at start-up too.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from stationapp.domain.event_templates import EventTemplate, templates_for
from stationapp.domain.workbench_data import CALENDAR_DAYS, CalendarItem, ItemKind, Workbench
from stationapp.ui.error_label import ERROR_COLOR
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.page_helpers import panel_layout
from stationapp.ui.scaled_font import scale_font

BIRTHDAY_LINES = 10
"""How many 整寿 the section lists before "… and n more"."""

INDENT = 24
"""The planning links under a festival are indented this much (pixels)."""


class ActionLine(QLabel):
    """A word-wrapped link that runs ``action`` when activated (click, or Tab and Enter)."""

    activated = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        """A link reading ``text``."""
        super().__init__(parent)
        self.plain_text = text
        self.setText(f"<a href='open'>{html.escape(text)}</a>")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.linkActivated.connect(lambda _href: self.activated.emit())


class CalendarSection(QFrame):
    """The next :data:`CALENDAR_DAYS` days of the calendar.

    ``list_requested(ListRequest)`` asks for a list (the 80+ households, the 整寿
    households, one household); ``event_requested(EventTemplate, date)`` asks for a new
    event from a template for the festival on that date.
    """

    list_requested = Signal(object)
    event_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty section; :meth:`show_calendar` fills it."""
        super().__init__(parent)
        self._layout = panel_layout(self)
        self.lines: list[QLabel] = []

    def links(self) -> list[ActionLine]:
        """The lines that open something, in reading order."""
        return [line for line in self.lines if isinstance(line, ActionLine)]

    def show_calendar(self, bench: Workbench) -> None:
        """Replace what the section shows with ``bench``'s calendar."""
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        items = bench.calendar
        birthdays = [i for i in items if i.kind is ItemKind.BIRTHDAY]
        heading = self._link(
            self.tr("Next %n days", "", CALENDAR_DAYS) + " · "
            + self.tr("round birthdays: %n", "", len(birthdays)),
            ListRequest(ListKind.ROUND_BIRTHDAYS, target_id=CALENDAR_DAYS))
        scale_font(heading, 1.15, bold=True)
        lines: list[QLabel] = [heading]
        if bench.calendar_problem:
            problem = QLabel(bench.calendar_problem)
            problem.setWordWrap(True)
            problem.setStyleSheet(f"color:{ERROR_COLOR.name()}")
            lines.append(problem)
        for item in items:
            if item.kind is ItemKind.FESTIVAL:
                lines += self._festival(item, bench.today)
            elif item.kind in (ItemKind.HOLIDAY, ItemKind.WORKDAY):
                lines.append(self._plain(self._holiday_text(item)))
        for item in birthdays[:BIRTHDAY_LINES]:
            lines.append(self._link(self._birthday_text(item),
                                    ListRequest(ListKind.HOUSEHOLD, target_id=item.household_id)))
        if len(birthdays) > BIRTHDAY_LINES:
            lines.append(self._link(
                self.tr("… and %n more", "", len(birthdays) - BIRTHDAY_LINES),
                ListRequest(ListKind.ROUND_BIRTHDAYS, target_id=CALENDAR_DAYS)))
        if len(lines) == 1:
            lines.append(self._plain(self.tr("No festival, holiday or round birthday in the "
                                             "next %n days.", "", CALENDAR_DAYS)))
        self.lines = lines
        for line in lines:
            self._layout.addWidget(line)

    # ------------------------------------------------------------ lines

    def _festival(self, item: CalendarItem, today: date) -> list[QLabel]:
        days = (item.date - today).days
        when = (self.tr("{name} today").format(name=item.name) if days == 0 else
                self.tr("{name} in %n day(s)", "", days).format(name=item.name))
        text = f"{when}（{item.lunar}，{item.date.isoformat()}）"
        if item.elderly_households is not None:
            text += " — " + self.tr("aged 80+: %n household(s)", "", item.elderly_households)
        title = self._plain(text)
        scale_font(title, 1.0, bold=True)
        round_line = self._link(self.tr("Plan a visit round (households aged 80+)"),
                                ListRequest(ListKind.ELDERLY_HOUSEHOLDS))
        lines: list[QLabel] = [title, round_line]
        for template in templates_for(item.name):
            line = ActionLine(self.tr("Plan an event: {name}").format(name=template.name))
            line.activated.connect(
                lambda template=template, day=item.date: self._plan(template, day))
            lines.append(line)
        for indented in lines[1:]:
            indented.setIndent(INDENT)
        return lines

    def _holiday_text(self, item: CalendarItem) -> str:
        if item.kind is ItemKind.WORKDAY:
            text = self.tr("{date} {name}: a working day (调休)").format(
                date=item.date.isoformat(), name=item.name)
        else:
            end = item.end or item.date
            days = (end - item.date).days + 1
            when = item.date.isoformat() if days == 1 else (
                f"{item.date.isoformat()} – {end.isoformat()}")
            text = self.tr("{when} {name}: %n day(s) off", "", days).format(
                when=when, name=item.name)
        if not item.confirmed:
            text += " " + self.tr("(by the law; this year's dates are not published yet)")
        return text

    def _birthday_text(self, item: CalendarItem) -> str:
        text = self.tr("{date}（{lunar}）{name} turns {age}").format(
            date=item.date.isoformat(), lunar=item.lunar, name=item.name, age=item.age)
        if item.by_lunar:
            text += " " + self.tr("(lunar birthday)")
        return f"{text} · {item.address}"

    def _plain(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _link(self, text: str, request: ListRequest) -> ActionLine:
        line = ActionLine(text)
        line.activated.connect(lambda request=request: self.list_requested.emit(request))
        return line

    def _plan(self, template: EventTemplate, day: date) -> None:
        self.event_requested.emit(template, day)


__all__ = ["BIRTHDAY_LINES", "ActionLine", "CalendarSection"]
