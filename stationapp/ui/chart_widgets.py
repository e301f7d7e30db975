"""Small building blocks of the statistics page: figure cards, chart and table panels.

Every panel has a title and either its content (a chart or a table) or, when there is
nothing to show, a quiet "no data" text instead of an empty chart. The charts are painted
widgets (:mod:`stationapp.ui.painted_charts`) drawing with the widget's font, so Chinese
labels show with the application's CJK font.

The page shows fresh figures on every refresh, mostly the same as before: every setter
here leaves the widgets alone when they already show what it is given (a style sheet set
again re-polishes the widget, a table filled again resets its model).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationapp.ui.formatting import format_percent
from stationapp.ui.painted_charts import (
    HorizontalBarChart,
    Number,
    NumberPairs,
    RingChart,
    format_number,
)
from stationapp.ui.scaled_font import rows_follow_font, scale_font

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
    " QFrame#statCard:focus { border: 2px solid palette(highlight); }"
)


def percent_text(percent: float) -> str:
    """``86 %`` or ``99.5 %``: the one formatter of percentages
    (:func:`stationapp.ui.formatting.format_percent`), rounded down."""
    return format_percent(percent)


def set_label_text(label: QLabel, text: str) -> None:
    """Give ``label`` the text ``text`` unless it shows it already."""
    if label.text() != text:
        label.setText(text)


def _set_style_sheet(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _set_tooltip(widget: QWidget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)


def _set_shown(widget: QWidget, shown: bool) -> None:
    if widget.isHidden() == shown:
        widget.setVisible(shown)


class FigureCard(QFrame):
    """One figure: a caption, a large value, a line of detail, optionally a progress bar.

    A card made clickable (:meth:`set_clickable`) emits ``clicked`` on a click, Enter or
    Space, and takes the keyboard focus with Tab.
    """

    clicked = Signal()

    def __init__(self, caption: str, with_progress: bool = False,
                 parent: QWidget | None = None) -> None:
        """A card captioned ``caption``; ``with_progress`` adds a bar (0–100 %)."""
        super().__init__(parent)
        self.setObjectName("statCard")
        self._hint = ""
        self.setStyleSheet(_CARD_STYLE)
        self.caption_label = QLabel(caption)
        scale_font(self.caption_label, 1.0, bold=True)
        self.value_label = QLabel("—")
        scale_font(self.value_label, 1.9, bold=True)
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
            # As tall as its own text, also after the text size changes.
            self.progress.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Fixed)
            layout.addWidget(self.progress)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        # Cards of one row take the height of the tallest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(caption)

    def set_figure(self, value: str, detail: str = "", alert: bool = False) -> None:
        """Show ``value`` (in the alert colour when ``alert``) and a line of ``detail``."""
        set_label_text(self.value_label, value)
        colour = ALERT_COLOR.name() if alert else self.palette().windowText().color().name()
        _set_style_sheet(self.value_label, f"color: {colour};")
        set_label_text(self.detail_label, detail)
        _set_shown(self.detail_label, bool(detail))
        hint = self._hint
        _set_tooltip(self, f"{self.caption_label.text()}: {value}"
                     + (f"\n{detail}" if detail else "") + (f"\n{hint}" if hint else ""))

    def set_progress(self, percent: float | None, text: str = "", tooltip: str = "") -> None:
        """Fill the bar to ``percent`` (capped at 100) and write ``text`` on it (the
        percentage when empty); None disables the bar."""
        progress = self.progress
        if progress is None:
            return
        if progress.isEnabledTo(self) != (percent is not None):
            progress.setEnabled(percent is not None)
        # Rounded down: 99.6 % must not look like the target reached.
        filled = 0 if percent is None else max(0, min(100, math.floor(percent)))
        if progress.value() != filled:
            progress.setValue(filled)
        if percent is None:
            written = "—"
        else:
            written = (text or "{percent}").format(percent=percent_text(percent))
        if progress.format() != written:
            progress.setFormat(written)
        _set_tooltip(progress, tooltip)

    def set_clickable(self, hint: str) -> None:
        """Make the card open something: a pointing hand, Tab focus, ``hint`` as the
        tooltip's last line."""
        self._hint = hint
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(hint)
        _set_tooltip(self, f"{self.toolTip()}\n{hint}" if self.toolTip() else hint)

    def is_clickable(self) -> bool:
        """True when the card opens something."""
        return bool(self._hint)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click on a clickable card emits ``clicked``."""
        if (self.is_clickable() and event.button() == Qt.MouseButton.LeftButton
                and self.rect().contains(event.position().toPoint())):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Return or Space on a clickable card emits ``clicked``."""
        if self.is_clickable() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                   Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)

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
        scale_font(self.title_label, 1.05, bold=True)
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
        if self.is_empty() != empty:
            self.stack.setCurrentWidget(self.empty_label if empty else self.content)

    def is_empty(self) -> bool:
        """True while the "no data" text is shown."""
        return self.stack.currentWidget() is self.empty_label

    def shown_text(self) -> str:
        """The "no data" text when it is shown, else an empty string."""
        return self.empty_label.text() if self.is_empty() else ""


class BarChartPanel(Panel):
    """Horizontal bars, one per label, the value written at the end of each bar.

    Long category names (计生特殊家庭) read better beside a horizontal bar than under a
    vertical one. Beyond ``max_bars`` the smallest values are summed into ``other_label``.
    """

    def __init__(self, title: str, empty_text: str, colour: QColor,
                 other_label: str = "", max_bars: int = 10,
                 parent: QWidget | None = None) -> None:
        """An empty chart; fill it with :meth:`set_values`."""
        self.chart = HorizontalBarChart(colour)
        super().__init__(title, self.chart, empty_text, parent)
        self.chart.setAccessibleName(title)
        self._other_label = other_label
        self._max_bars = max_bars
        self.set_empty(True)

    def set_values(self, values: NumberPairs) -> None:
        """Draw ``values`` ((label, value) pairs, top to bottom); all zero shows "no data"."""
        shown = [(label, value) for label, value in values if value]
        if len(shown) > self._max_bars:
            head = shown[: self._max_bars - 1]
            rest = sum(value for _label, value in shown[self._max_bars - 1:])
            shown = [*head, (self._other_label, rest)]
        self.chart.set_values(shown)
        self.set_empty(not shown)

    def values(self) -> list[tuple[str, Number]]:
        """The bars drawn: (label, value), top to bottom."""
        return self.chart.values()


class PieChartPanel(Panel):
    """A ring of slices with a legend beside it (label, count and share of each slice)."""

    def __init__(self, title: str, empty_text: str,
                 parent: QWidget | None = None) -> None:
        """An empty chart; fill it with :meth:`set_values`."""
        self.chart = RingChart(PIE_COLORS)
        super().__init__(title, self.chart, empty_text, parent)
        self.chart.setAccessibleName(title)
        self.set_empty(True)

    def set_values(self, values: NumberPairs) -> None:
        """Draw ``values`` ((label, value) pairs); all zero shows "no data"."""
        shown = [(label, value) for label, value in values if value]
        self.chart.set_values(shown)
        self.set_empty(not shown)

    def values(self) -> list[tuple[str, Number]]:
        """The slices drawn: (label, value)."""
        return self.chart.values()

    def legend_texts(self) -> list[str]:
        """The legend's texts (label, count and share of each slice)."""
        return self.chart.legend_texts()


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
        rows_follow_font(self.table, 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._shown: tuple[tuple[str, ...], ...] = ()
        self.set_empty(True)

    def set_rows(self, rows: Sequence[Sequence[str | Number]]) -> None:
        """Show ``rows`` (first column text, the others numbers); none shows "no data"."""
        texts = tuple(tuple(value if isinstance(value, str) else format_number(value)
                            for value in row) for row in rows)
        if texts != self._shown:
            self._shown = texts
            self.model.setRowCount(0)
            for row in texts:
                items: list[QStandardItem] = []
                for column, text in enumerate(row):
                    item = QStandardItem(text)
                    item.setEditable(False)
                    if column > 0:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    items.append(item)
                self.model.appendRow(items)
        self.set_empty(not texts)

    def cell_text(self, row: int, column: int) -> str:
        """The text of a cell ('' outside the table)."""
        item = self.model.item(row, column)
        return item.text() if item is not None else ""


__all__ = [
    "ALERT_COLOR", "BAR_COLORS", "PIE_COLORS", "BarChartPanel", "FigureCard", "Panel",
    "PieChartPanel", "TablePanel", "percent_text", "set_label_text",
]
