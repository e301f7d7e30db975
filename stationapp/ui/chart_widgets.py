"""Small building blocks of the statistics page: figure cards, chart and table panels.

Every panel has a title and either its content (a chart or a table) or, when there is
nothing to show, a quiet "no data" text instead of an empty chart. Charts (QtCharts)
draw their texts with the widget's font, so Chinese labels show with the application's
CJK font rather than the chart theme's own.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Number = int | float
NumberPairs = Sequence[tuple[str, Number]]

ALERT_COLOR = QColor("#b3261e")
"""Figures that need attention (overdue visits and requests)."""

QUIET_COLOR = QColor("#6b6b6b")
"""Captions, details and the "no data" text."""

BAR_COLORS = {
    "blue": QColor("#3f7cc4"),
    "green": QColor("#4e9a6a"),
    "orange": QColor("#d08a35"),
    "purple": QColor("#7e63b8"),
}
"""Bar colours of the page's charts, one per chart so they are told apart at a glance."""

PIE_COLORS = (QColor("#4e9a6a"), QColor("#e0b43c"), QColor("#c8553d"), QColor("#8a8a8a"),
              QColor("#3f7cc4"), QColor("#7e63b8"))
"""Slice colours in order: 满意 green, 基本满意 amber, 不满意 red, then others."""

_CARD_STYLE = (
    "QFrame#statCard, QFrame#statPanel {"
    " background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
)


def format_number(value: Number) -> str:
    """A count as a whole number, hours with at most one decimal (``12``, ``7.5``)."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def percent_text(percent: float) -> str:
    """``86%`` or ``99.5%``: one decimal at most, rounded down so 99.96 is not "100%"."""
    shown = math.floor(percent * 10 + 1e-9) / 10
    return f"{shown:.0f}%" if shown.is_integer() else f"{shown:.1f}%"


def _scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font


class FigureCard(QFrame):
    """One figure: a caption, a large value, a line of detail, optionally a progress bar."""

    def __init__(self, caption: str, with_progress: bool = False,
                 parent: QWidget | None = None) -> None:
        """A card captioned ``caption``; ``with_progress`` adds a bar (0–100 %)."""
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet(_CARD_STYLE)
        self.caption_label = QLabel(caption)
        self.caption_label.setFont(_scaled_font(self.font(), 1.0, bold=True))
        self.value_label = QLabel("—")
        self.value_label.setFont(_scaled_font(self.font(), 1.9, bold=True))
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet(f"color: {QUIET_COLOR.name()};")
        self.progress: QProgressBar | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        if with_progress:
            self.progress = QProgressBar()
            self.progress.setRange(0, 100)
            self.progress.setTextVisible(True)
            self.progress.setFormat("%p%")
            self.progress.setMaximumHeight(self.fontMetrics().height() + 4)
            layout.addWidget(self.progress)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        # Cards of one row take the height of the tallest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(caption)

    def set_figure(self, value: str, detail: str = "", alert: bool = False) -> None:
        """Show ``value`` (in the alert colour when ``alert``) and a line of ``detail``."""
        self.value_label.setText(value)
        colour = ALERT_COLOR.name() if alert else self.palette().windowText().color().name()
        self.value_label.setStyleSheet(f"color: {colour};")
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.setToolTip(f"{self.caption_label.text()}: {value}" + (f"\n{detail}" if detail
                                                                     else ""))

    def set_progress(self, percent: float | None, text: str = "", tooltip: str = "") -> None:
        """Fill the bar to ``percent`` (capped at 100) and write ``text`` on it (the
        percentage when empty); None disables the bar."""
        if self.progress is None:
            return
        self.progress.setEnabled(percent is not None)
        # Rounded down: 99.6 % must not look like the target reached.
        self.progress.setValue(0 if percent is None else max(0, min(100, math.floor(percent))))
        if percent is None:
            self.progress.setFormat("—")
        else:
            self.progress.setFormat((text or "{percent}").format(percent=percent_text(percent)))
        self.progress.setToolTip(tooltip)

    def progress_text(self) -> str:
        """The text written on the progress bar ('' without a bar)."""
        return self.progress.text() if self.progress is not None else ""

    def value_text(self) -> str:
        """The value shown."""
        return self.value_label.text()

    def detail_text(self) -> str:
        """The detail line shown."""
        return self.detail_label.text()


class Panel(QFrame):
    """A titled frame holding one content widget, or a quiet "no data" text instead."""

    def __init__(self, title: str, content: QWidget, empty_text: str,
                 parent: QWidget | None = None) -> None:
        """Show ``content`` under ``title``; :meth:`set_empty` swaps in ``empty_text``."""
        super().__init__(parent)
        self.setObjectName("statPanel")
        self.setStyleSheet(_CARD_STYLE)
        self.title_label = QLabel(title)
        self.title_label.setFont(_scaled_font(self.font(), 1.05, bold=True))
        self.empty_label = QLabel(empty_text)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {QUIET_COLOR.name()};")
        self.content = content
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        self.setAccessibleName(title)

    def set_empty(self, empty: bool) -> None:
        """Show the "no data" text (True) or the content (False)."""
        self.stack.setCurrentWidget(self.empty_label if empty else self.content)

    def is_empty(self) -> bool:
        """True while the "no data" text is shown."""
        return self.stack.currentWidget() is self.empty_label

    def shown_text(self) -> str:
        """The "no data" text when it is shown, else an empty string."""
        return self.empty_label.text() if self.is_empty() else ""


def _chart_view(font: QFont) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setFont(font)
    chart.legend().setFont(font)
    chart.legend().hide()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setStyleSheet("background: transparent;")
    view.setMinimumHeight(160)
    return chart, view


class BarChartPanel(Panel):
    """Horizontal bars, one per label, the value written at the end of each bar.

    Long category names (计生特殊家庭) read better beside a horizontal bar than under a
    vertical one. Beyond ``max_bars`` the smallest values are summed into ``other_label``.
    """

    def __init__(self, title: str, empty_text: str, colour: QColor,
                 other_label: str = "", max_bars: int = 10,
                 parent: QWidget | None = None) -> None:
        """An empty chart; fill it with :meth:`set_values`."""
        self.chart, self.view = _chart_view(QFont())
        super().__init__(title, self.view, empty_text, parent)
        self._colour = colour
        self._other_label = other_label
        self._max_bars = max_bars
        self._values: list[tuple[str, Number]] = []
        self.set_values(())

    def set_values(self, values: NumberPairs) -> None:
        """Draw ``values`` ((label, value) pairs, top to bottom); all zero shows "no data"."""
        shown = [(label, value) for label, value in values if value]
        if len(shown) > self._max_bars:
            head = shown[: self._max_bars - 1]
            rest = sum(value for _label, value in shown[self._max_bars - 1:])
            shown = [*head, (self._other_label, rest)]
        self._values = shown
        self._rebuild()
        self.set_empty(not shown)

    def values(self) -> list[tuple[str, Number]]:
        """The bars drawn: (label, value), top to bottom."""
        return list(self._values)

    def _rebuild(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        if not self._values:
            return
        font = self.font()
        bars = QBarSet("")
        bars.setColor(self._colour)
        bars.setBorderColor(self._colour)
        bars.setLabelFont(font)
        bars.setLabelColor(self.palette().windowText().color())
        # Horizontal bars are drawn from the bottom: reverse so the first label is on top.
        ordered = list(reversed(self._values))
        bars.append([float(value) for _label, value in ordered])
        series = QHorizontalBarSeries()
        series.append(bars)
        # A few bars stay slim instead of filling the whole height.
        series.setBarWidth(0.65 * min(1.0, len(ordered) / 6))
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(6)
        chart.addSeries(series)

        categories = QBarCategoryAxis()
        categories.append([label for label, _value in ordered])
        categories.setLabelsFont(font)
        categories.setTruncateLabels(False)
        categories.setGridLineVisible(False)
        categories.setLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)

        largest = max(float(value) for _label, value in self._values)
        axis = QValueAxis()
        # Room beyond the longest bar for its value label; the values are written on the
        # bars, so the value axis itself stays hidden.
        axis.setRange(0, largest * 1.15)
        axis.setVisible(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        rows = len(self._values)
        self.view.setMinimumHeight(max(160, rows * (self.fontMetrics().height() + 8) + 24))


class PieChartPanel(Panel):
    """A ring of slices with a legend beside it (label, count and share of each slice).

    The legend is made of labels rather than the chart's own legend, which cuts long
    texts short ("基本满意 4 (1…") when the panel is narrow.
    """

    def __init__(self, title: str, empty_text: str,
                 parent: QWidget | None = None) -> None:
        """An empty chart; fill it with :meth:`set_values`."""
        self.chart, self.view = _chart_view(QFont())
        self.legend = QWidget()
        self._legend_layout = QVBoxLayout(self.legend)
        self._legend_layout.setContentsMargins(0, 0, 0, 0)
        self._legend_layout.setSpacing(6)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignVCenter)
        super().__init__(title, body, empty_text, parent)
        self._values: list[tuple[str, Number]] = []
        self._legend_texts: list[str] = []
        self.set_values(())

    def set_values(self, values: NumberPairs) -> None:
        """Draw ``values`` ((label, value) pairs); all zero shows "no data"."""
        shown = [(label, value) for label, value in values if value]
        self._values = shown
        self.chart.removeAllSeries()
        while (item := self._legend_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self._legend_texts = []
        if shown:
            total = float(sum(value for _label, value in shown))
            series = QPieSeries()
            series.setHoleSize(0.42)
            series.setPieSize(0.9)
            for index, (label, value) in enumerate(shown):
                share = 100 * float(value) / total
                colour = PIE_COLORS[index % len(PIE_COLORS)]
                text = f"{label}  {format_number(value)} ({share:.0f}%)"
                piece = series.append(text, float(value))
                piece.setColor(colour)
                piece.setBorderColor(QColor("white"))
                piece.setLabelVisible(False)
                entry = QLabel(f'<span style="color: {colour.name()};">&#9632;</span> '
                               f"{html.escape(text)}")
                entry.setTextFormat(Qt.TextFormat.RichText)
                self._legend_layout.addWidget(entry)
                self._legend_texts.append(text)
            self.chart.addSeries(series)
        self.set_empty(not shown)

    def values(self) -> list[tuple[str, Number]]:
        """The slices drawn: (label, value)."""
        return list(self._values)

    def legend_texts(self) -> list[str]:
        """The legend's texts (label, count and share of each slice)."""
        return list(self._legend_texts)


class TablePanel(Panel):
    """A small read-only table (a handful of rows) with right-aligned number columns."""

    def __init__(self, title: str, empty_text: str, headers: Sequence[str],
                 parent: QWidget | None = None) -> None:
        """An empty table with ``headers``; fill it with :meth:`set_rows`."""
        self.model = QStandardItemModel(0, len(headers))
        self.model.setHorizontalHeaderLabels(list(headers))
        self.table = QTableView()
        super().__init__(title, self.table, empty_text, parent)
        self.model.setParent(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.set_rows(())

    def set_rows(self, rows: Sequence[Sequence[str | Number]]) -> None:
        """Show ``rows`` (first column text, the others numbers); none shows "no data"."""
        self.model.setRowCount(0)
        for row in rows:
            items: list[QStandardItem] = []
            for column, value in enumerate(row):
                text = value if isinstance(value, str) else format_number(value)
                item = QStandardItem(text)
                item.setEditable(False)
                if column > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.model.appendRow(items)
        self.set_empty(not rows)

    def cell_text(self, row: int, column: int) -> str:
        """The text of a cell ('' outside the table)."""
        item = self.model.item(row, column)
        return item.text() if item is not None else ""


__all__ = [
    "ALERT_COLOR", "BAR_COLORS", "BarChartPanel", "FigureCard", "Panel", "PieChartPanel",
    "TablePanel", "format_number", "percent_text",
]
