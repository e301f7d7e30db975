"""统计: the figures a station reports upward for one month, with charts and the 月报 PDF.

A month picker (previous / next, Ctrl+PgUp / Ctrl+PgDn or Alt+← / Alt+→), a row of
figure cards (households, visits and coverage against the 100 % target, overdue
visits, requests, days to close, satisfaction, events, deliveries, volunteer hours),
charts where a picture reads faster than a table, two small tables, and "Print monthly
report…" which renders the 月报 into the in-app PDF preview.

The figures are read by :func:`stationapp.services.statistics.monthly_statistics` in a
worker thread with its own session; the result is shown when it arrives (a newer month
chosen meanwhile drops the older result).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.care_vocab import Satisfaction
from stationapp.domain.clock import Clock
from stationapp.domain.errors import StationError
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.statistics import MonthlyStatistics, monthly_statistics
from stationapp.ui.chart_widgets import (
    BAR_COLORS,
    BarChartPanel,
    FigureCard,
    PieChartPanel,
    TablePanel,
    set_label_text,
)
from stationapp.ui.formatting import format_percent
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.page_helpers import flow_row, page_title, page_top
from stationapp.ui.painted_charts import format_number
from stationapp.ui.pdf_work import PdfMaker, monthly_report_work, pdf_file_name
from stationapp.ui.workers import SessionTask, TaskSet

log = logging.getLogger("stationapp.ui")

MONTH_EDIT_DELAY_MS = 250
"""Typing a year or month pauses this long before the figures follow."""

FIRST_MONTH = date(2000, 1, 1)
"""The earliest month the picker offers."""

Counts = Sequence[tuple[str, int]]


def first_of_month(day: date) -> date:
    """The first day of the month containing ``day``."""
    return day.replace(day=1)


def add_months(month: date, months: int) -> date:
    """The first day of the month ``months`` after (or before, when negative) ``month``."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _count_of(counts: Counts, *names: str) -> int:
    """The count labelled by any of ``names`` (a vocabulary's value or its Chinese label)."""
    wanted = set(names)
    return sum(count for label, count in counts if label in wanted)


def _joined(counts: Counts) -> str:
    """"重点 15 · 关注 51 · 一般 781": a label stays on one line with its number (a
    no-break space), so a card wraps only between the parts."""
    return " · ".join(f"{label}\u00a0{format_number(count)}" for label, count in counts
                      if count)


def satisfaction_rate(satisfaction: Counts) -> float | None:
    """Share of call-backs rated 满意 or 基本满意, None when nobody was asked."""
    rated = sum(count for _label, count in satisfaction)
    if not rated:
        return None
    content = _count_of(satisfaction, Satisfaction.SATISFIED, Satisfaction.SATISFIED.label,
                        Satisfaction.BASICALLY, Satisfaction.BASICALLY.label)
    return content / rated


class StatisticsPage(QWidget):
    """The month's figures, charts and tables; prints the monthly report.

    ``count_changed(households)`` tells the main window how many households are on the
    ledger in the month shown; ``statistics_shown(stats)`` is emitted whenever new
    figures are on screen; ``message(text)`` says what an action did;
    ``list_requested(ListRequest)`` asks for the list behind a clicked card.
    """

    count_changed = Signal(int)
    message = Signal(str)
    statistics_shown = Signal(object)
    list_requested = Signal(object)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the page on the current month; figures are read when first shown.

        Figures are counted to the database clock's day, read again at every refresh: a
        page left open over midnight counts to the new day, and when it showed the month
        that was current it moves on to the new current month.
        """
        super().__init__(parent)
        self._operations = operations
        self._clock: Clock = operations.clock
        self._latest = first_of_month(self._clock.today())
        self._loaded = False
        self._stats: MonthlyStatistics | None = None
        self._generation = 0
        self._loading = False
        self._pdf: PdfMaker | None = None
        self._tasks = TaskSet()
        self._task: SessionTask[MonthlyStatistics] | None = None

        title = page_title(self.tr("Statistics"))

        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous month (Ctrl+PgUp, Alt+Left)"))
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next month (Ctrl+PgDown, Alt+Right)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setAccessibleName(self.tr("Month"))
        self.month_edit.setToolTip(self.tr("The month whose figures are shown"))
        self.month_edit.setCorrectionMode(
            QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.month_edit.setMinimumDate(QDate(FIRST_MONTH.year, FIRST_MONTH.month, 1))
        self.month_edit.setCurrentSection(QDateEdit.Section.MonthSection)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)
        self.this_month_button = QPushButton(self.tr("&This month"))
        self.this_month_button.setToolTip(self.tr("Show the current month"))
        self.as_of_label = QLabel()
        self.as_of_label.setStyleSheet("color: #6b6b6b;")
        self.print_button = QPushButton(self.tr("&Print monthly report…"))
        self.print_button.setToolTip(
            self.tr("The monthly report (月报) of the month shown, as a PDF to print or save"))

        # The month and the print button wrap onto another line when the text is large.
        top = page_top(title, self.as_of_label, self.print_button)
        top.insertSpacing(1, 16)
        top.insertWidget(2, flow_row((month_label, self.previous_button, self.month_edit,
                                      self.next_button, self.this_month_button)))

        self.empty_notice = QLabel()
        self.empty_notice.setStyleSheet("color: #6b6b6b;")
        self.empty_notice.setWordWrap(True)
        self.empty_notice.hide()

        self.households_card = FigureCard(self.tr("Households on the ledger"))
        self.visits_card = FigureCard(self.tr("Visits this month"), with_progress=True)
        self.overdue_visits_card = FigureCard(self.tr("Overdue visits"))
        self.requests_card = FigureCard(self.tr("Requests received"))
        self.overdue_requests_card = FigureCard(self.tr("Overdue requests"))
        self.days_card = FigureCard(self.tr("Average days to close"))
        self.satisfaction_card = FigureCard(self.tr("Satisfaction"))
        self.events_card = FigureCard(self.tr("Events this month"))
        self.deliveries_card = FigureCard(self.tr("Delivered"))
        self.hours_card = FigureCard(self.tr("Volunteer hours"))
        self._card_lists: dict[FigureCard, ListKind] = {
            self.households_card: ListKind.HOUSEHOLDS,
            self.visits_card: ListKind.VISITS,
            self.overdue_visits_card: ListKind.OVERDUE_VISITS,
            self.requests_card: ListKind.REQUESTS_RECEIVED,
            self.overdue_requests_card: ListKind.OVERDUE_REQUESTS,
            self.events_card: ListKind.EVENTS,
            self.deliveries_card: ListKind.EVENTS,
            self.hours_card: ListKind.VOLUNTEERS,
        }
        for card in self._card_lists:
            card.set_clickable(self.tr("Click (or Enter) to open the list"))
            card.clicked.connect(lambda card=card: self.open_card(card))
        cards = QGridLayout()
        cards.setSpacing(8)
        for index, card in enumerate(self.cards()):
            cards.addWidget(card, index // 5, index % 5)
        for column in range(5):
            cards.setColumnStretch(column, 1)

        no_data = self.tr("No data this month")
        others = self.tr("Others")
        self.category_chart = BarChartPanel(self.tr("Households by care category"),
                                            self.tr("No household has a care category"),
                                            BAR_COLORS["blue"], others, max_bars=12)
        self.community_chart = BarChartPanel(self.tr("Households by community"),
                                             self.tr("No households on the ledger"),
                                             BAR_COLORS["green"], others, max_bars=10)
        self.method_chart = BarChartPanel(self.tr("Visits by method"), no_data,
                                          BAR_COLORS["orange"], others)
        self.satisfaction_chart = PieChartPanel(self.tr("Satisfaction at the call-back"),
                                                no_data)
        self.request_table = TablePanel(
            self.tr("Requests by category"), no_data,
            (self.tr("Category"), self.tr("Received"), self.tr("Closed"), self.tr("Open")))
        self.volunteer_table = TablePanel(self.tr("Volunteer hours (most)"), no_data,
                                          (self.tr("Volunteer"), self.tr("Hours")))
        charts = QGridLayout()
        charts.setSpacing(8)
        charts.addWidget(self.category_chart, 0, 0)
        charts.addWidget(self.community_chart, 0, 1)
        charts.addWidget(self.method_chart, 0, 2)
        charts.addWidget(self.satisfaction_chart, 1, 0)
        charts.addWidget(self.request_table, 1, 1)
        charts.addWidget(self.volunteer_table, 1, 2)
        for column in range(3):
            charts.setColumnStretch(column, 1)
        for panel in (self.satisfaction_chart, self.request_table, self.volunteer_table):
            panel.setMinimumHeight(240)

        content = QWidget()
        content.setObjectName("statisticsContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 4)
        body.setSpacing(10)
        body.addLayout(cards, 0)
        body.addLayout(charts, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.content = content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_notice)
        layout.addWidget(self.scroll_area, 1)

        self._month_timer = QTimer(self)
        self._month_timer.setSingleShot(True)
        self._month_timer.setInterval(MONTH_EDIT_DELAY_MS)
        self._month_timer.timeout.connect(self.refresh)

        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.this_month_button.clicked.connect(lambda: self.set_month(self.today()))
        self.month_edit.dateChanged.connect(self._month_edited)
        self.print_button.clicked.connect(self.print_report)
        for keys, step in (("Ctrl+PgUp", -1), ("Alt+Left", -1), ("Ctrl+PgDown", 1),
                           ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_month(step))

        self._set_month_edit(self._latest)
        self.setFocusProxy(self.month_edit)

    # ------------------------------------------------------------ month

    def today(self) -> date:
        """The date figures are counted to (the database clock's day, read now)."""
        return self._clock.today()

    def month(self) -> date:
        """The first day of the month shown."""
        chosen = self.month_edit.date()
        return date(chosen.year(), chosen.month(), 1)

    def set_month(self, month: date) -> None:
        """Show the month containing ``month`` (clamped to the months offered)."""
        self._set_month_edit(first_of_month(month))
        self.refresh()

    def step_month(self, months: int) -> None:
        """Show the month ``months`` later (earlier when negative)."""
        self.set_month(add_months(self.month(), months))

    def _set_month_edit(self, month: date) -> None:
        latest = self._latest
        month = max(FIRST_MONTH, min(month, latest))
        self.month_edit.blockSignals(True)
        self.month_edit.setMaximumDate(QDate(latest.year, latest.month, 28))
        self.month_edit.setDate(QDate(month.year, month.month, 1))
        self.month_edit.blockSignals(False)
        self._update_month_buttons()

    def _follow_the_month(self, latest: date) -> None:
        """A new month has begun since the last look: offer it, and show it when the page
        showed the month that was current."""
        if latest == self._latest:
            return
        was_current = self.month() == self._latest
        self._latest = latest
        self._set_month_edit(latest if was_current else self.month())

    def _month_edited(self, chosen: QDate) -> None:
        if chosen.day() != 1:  # the calendar popup picks a day: keep the month only
            self.month_edit.blockSignals(True)
            self.month_edit.setDate(QDate(chosen.year(), chosen.month(), 1))
            self.month_edit.blockSignals(False)
        self._update_month_buttons()
        self._month_timer.start()

    def _update_month_buttons(self) -> None:
        month = self.month()
        self.previous_button.setEnabled(month > FIRST_MONTH)
        self.next_button.setEnabled(month < self._latest)

    # ------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read the figures the first time the page is shown."""
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Any change may move the figures: read them again now when the page is shown,
        else when it is next shown."""
        if not self._loaded or not notice.areas:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._loaded = False

    def refresh(self) -> None:
        """Read the figures of the month shown again (in a worker thread)."""
        self._month_timer.stop()
        self._loaded = True
        self._generation += 1
        generation = self._generation
        today = self.today()
        self._follow_the_month(first_of_month(today))
        month = self.month()

        def work(session: Session) -> MonthlyStatistics:
            return monthly_statistics(session, month, today=today)

        def done(stats: MonthlyStatistics) -> None:
            if generation == self._generation:
                self._loading = False
                self._task = None
                self.show_statistics(stats)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._loading = False
                self._task = None
                self._report(error)

        if self._task is not None:
            self._task.cancel()  # its result would be of a month no longer chosen
        self._loading = True
        self._task = self._tasks.add(self._operations.read_in_background(work, done, failed))

    def is_loading(self) -> bool:
        """True while the figures of the month chosen are still being read."""
        return self._loading

    def statistics(self) -> MonthlyStatistics | None:
        """The figures on screen, None before the first are read."""
        return self._stats

    def shown_count(self) -> int:
        """Households on the ledger in the month shown (0 before the figures are read)."""
        return self._stats.households_total if self._stats is not None else 0

    def status_text(self) -> str:
        """"4 household(s) on the ledger" (in the month shown)."""
        return self.tr("%n household(s) on the ledger", "", self.shown_count())

    def focus_search(self) -> None:
        """Put the cursor in the month picker (Ctrl+F on this page)."""
        self.month_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.month_edit.setCurrentSection(QDateEdit.Section.MonthSection)

    def save_state(self, settings: QSettings) -> None:
        """Nothing to keep: the page opens on the current month."""

    def restore_state(self, settings: QSettings) -> None:
        """Nothing to restore: the page opens on the current month."""

    # ------------------------------------------------------------ showing

    def list_of_card(self, card: FigureCard) -> ListRequest | None:
        """The list ``card`` opens, for the month shown (None: the card opens nothing)."""
        kind = self._card_lists.get(card)
        return ListRequest(kind, month=self.month()) if kind is not None else None

    def open_card(self, card: FigureCard) -> None:
        """Ask for the list behind ``card`` (what clicking it does)."""
        request = self.list_of_card(card)
        if request is not None:
            self.list_requested.emit(request)

    def cards(self) -> tuple[FigureCard, ...]:
        """The figure cards in reading order."""
        return (self.households_card, self.visits_card, self.overdue_visits_card,
                self.requests_card, self.overdue_requests_card, self.days_card,
                self.satisfaction_card, self.events_card, self.deliveries_card,
                self.hours_card)

    def show_statistics(self, stats: MonthlyStatistics) -> None:
        """Fill the cards, charts and tables with ``stats``."""
        self._stats = stats
        self._show_cards(stats)
        self.category_chart.set_values(stats.by_category)
        self.community_chart.set_values(stats.by_community)
        self.method_chart.set_values(stats.visits_by_method)
        self.satisfaction_chart.set_values(stats.satisfaction)
        self.request_table.set_rows([
            (row.category, row.received, row.closed, row.open)
            for row in stats.requests_by_category if row.received or row.closed or row.open
        ])
        self.volunteer_table.set_rows([(name, hours) for name, hours in stats.top_volunteers
                                       if hours])
        month_text = f"{stats.month.year}-{stats.month.month:02d}"
        as_of = stats.as_of or stats.generated_on
        set_label_text(self.as_of_label,
                       self.tr("Figures as of {day}").format(day=as_of.isoformat()))
        quiet = not (stats.visits_in_month or stats.requests_received or stats.requests_closed
                     or stats.events_in_month or sum(c for _l, c in stats.deliveries_by_outcome)
                     or stats.volunteer_hours)
        set_label_text(self.empty_notice, self.tr(
            "Nothing was recorded in {month}: no visits, requests, events or deliveries."
        ).format(month=month_text))
        if self.empty_notice.isHidden() == quiet:
            self.empty_notice.setVisible(quiet)
        self.count_changed.emit(stats.households_total)
        self.statistics_shown.emit(stats)

    def _show_cards(self, stats: MonthlyStatistics) -> None:
        self.households_card.set_figure(format_number(stats.households_total),
                                        _joined(stats.by_tier))

        coverage = stats.coverage
        ratio = coverage.ratio
        target = format_percent(coverage.target * 100)
        if ratio is None:
            detail = self.tr("No household was due for a visit")
        else:
            detail = self.tr("{visited} of {due} households due were visited · target {target}"
                             ).format(visited=coverage.visited, due=coverage.due,
                                      target=target)
        self.visits_card.set_figure(format_number(stats.visits_in_month), detail)
        self.visits_card.set_progress(
            None if ratio is None else ratio * 100,
            self.tr("Coverage {percent}"),
            self.tr("Coverage: households visited ÷ households due (target {target})"
                    ).format(target=target))

        self.overdue_visits_card.set_figure(
            format_number(stats.overdue_visits),
            self.tr("Households past their visit date"), alert=stats.overdue_visits > 0)

        self.requests_card.set_figure(
            format_number(stats.requests_received),
            self.tr("Closed {closed} · still open {open}").format(
                closed=stats.requests_closed, open=stats.requests_open))
        if stats.request_limit_days:
            limit = self.tr("Open longer than %n day(s)", "", stats.request_limit_days)
        else:
            limit = self.tr("Open requests past the time limit")
        self.overdue_requests_card.set_figure(format_number(stats.requests_overdue), limit,
                                              alert=stats.requests_overdue > 0)

        if stats.average_days_to_close is None:
            self.days_card.set_figure("—", self.tr("No request was closed"))
        else:
            self.days_card.set_figure(
                self.tr("{days} d").format(days=f"{stats.average_days_to_close:.1f}"),
                self.tr("%n request(s) closed", "", stats.requests_closed))

        rate = satisfaction_rate(stats.satisfaction)
        if rate is None:
            self.satisfaction_card.set_figure("—", self.tr("No call-back this month"))
        else:
            self.satisfaction_card.set_figure(format_percent(rate * 100),
                                              _joined(stats.satisfaction))

        self.events_card.set_figure(format_number(stats.events_in_month),
                                    _joined(stats.events_by_type))

        outcomes = stats.deliveries_by_outcome
        delivered = _count_of(outcomes, DeliveryOutcome.DELIVERED,
                              DeliveryOutcome.DELIVERED.label)
        others = [(label, count) for label, count in outcomes
                  if label not in (DeliveryOutcome.DELIVERED, DeliveryOutcome.DELIVERED.label)]
        if not sum(count for _label, count in outcomes):
            delivery_detail = self.tr("No deliveries this month")
        else:
            delivery_detail = _joined(others) or self.tr("All delivered")
        # Counted in items (件), as the caption's tooltip says; households are 户 elsewhere.
        self.deliveries_card.set_figure(self.tr("%n item(s)", "", delivered), delivery_detail)

        self.hours_card.set_figure(
            self.tr("{hours} h").format(hours=format_number(round(stats.volunteer_hours, 1))),
            self.tr("%n volunteer(s) served", "", stats.volunteers_served))

    def _report(self, error: BaseException) -> None:
        if not isinstance(error, StationError):
            raise error  # a bug: the crash handler shows it
        QMessageBox.warning(self, self.tr("The figures could not be read"), str(error))

    # ------------------------------------------------------------ printing

    @property
    def pdf(self) -> PdfMaker:
        """Makes and previews the PDFs (QtPdf is loaded on first use, not at start-up)."""
        if self._pdf is None:
            self._pdf = PdfMaker(self._operations, self)
        return self._pdf

    def print_report(self) -> None:
        """Make the monthly report (月报) of the month shown and open it in the preview."""
        now = self._clock.now()
        month = self.month()
        shown = self._stats
        if shown is not None and (shown.month.year, shown.month.month) != (month.year,
                                                                          month.month):
            shown = None
        month_text = f"{month.year}-{month.month:02d}"
        self.pdf.make(monthly_report_work(month, now, shown),
                      self.tr("Monthly report {month}").format(month=month_text),
                      pdf_file_name(self.tr("Monthly report"), month_text))

    # ------------------------------------------------------------ closing

    def close_windows(self) -> None:
        """Drop figures still being read and wait for PDFs being made (closing)."""
        self._month_timer.stop()
        self._generation += 1  # a result arriving after this is not shown
        self._loading = False
        self._tasks.wait_all(cancel=True)
        if self._pdf is not None:
            self._pdf.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Finish the work this page started."""
        self.close_windows()
        super().closeEvent(event)


__all__ = ["StatisticsPage", "add_months", "first_of_month", "satisfaction_rate"]
