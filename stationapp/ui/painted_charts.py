"""Charts of the statistics page painted with QPainter: horizontal bars and a ring.

Each chart is one plain widget that keeps its values and paints them; showing other
values stores them and schedules one repaint, showing the same values does nothing.
Texts are drawn with the widget's font (the application's CJK font) and the palette's
text colour. Hovering a bar or a slice shows its label and value as a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from stationapp.ui.formatting import format_percent

Number = int | float
NumberPairs = Sequence[tuple[str, Number]]

MIN_CHART_HEIGHT = 160
"""No chart is drawn smaller than this (pixels)."""


def format_number(value: Number) -> str:
    """A count as a whole number, hours with at most one decimal (``12``, ``7.5``)."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def fitted_text(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` as it fits into ``width`` pixels: whole, or elided with "…"."""
    # elidedText() measures with fractions and may elide a text exactly as wide as the room.
    if metrics.horizontalAdvance(text) <= width:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _description(values: NumberPairs) -> str:
    """What a screen reader says about a chart: every label with its value."""
    return "; ".join(f"{label} {format_number(value)}" for label, value in values)


@dataclass(frozen=True)
class BarRow:
    """Where one bar and its texts are drawn."""

    row: QRectF
    """The whole row: label, bar and value."""
    label: QRectF
    label_text: str
    """The label as drawn (elided when the label column is too narrow)."""
    bar: QRectF
    value_at: QPointF
    """Left end of the value's base line, just after the end of the bar."""
    value_text: str


class HorizontalBarChart(QWidget):
    """One horizontal bar per label, the first on top, the value just after each bar.

    The label column is as wide as the widest label, up to :attr:`LABEL_SHARE` of the
    width; longer labels are elided there and read in full in the bar's tooltip.
    """

    LABEL_SHARE = 0.4
    """The label column takes at most this share of the width."""
    ROW_SPACING = 8
    """Pixels between rows beyond a line of text (the minimum-height rule)."""
    ROW_PITCH_LINES = 2.4
    """A row is at most this many lines high: a few bars stay slim and close together."""
    BAR_SHARE = 0.62
    """A bar fills this share of its row."""
    GAP = 6
    """Pixels between a label and its bar and between a bar and its value."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        """An empty chart drawing its bars in ``colour``."""
        super().__init__(parent)
        self._colour = QColor(colour)
        self._values: tuple[tuple[str, Number], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_values(self, values: NumberPairs) -> bool:
        """Show ``values`` ((label, value) pairs, top to bottom); False when unchanged."""
        new = tuple(values)
        if new == self._values:
            return False
        rows_changed = len(new) != len(self._values)
        self._values = new
        self.setAccessibleDescription(_description(new))
        if rows_changed:
            self.updateGeometry()
        self.update()
        return True

    def values(self) -> list[tuple[str, Number]]:
        """The bars shown: (label, value), top to bottom."""
        return list(self._values)

    def colour(self) -> QColor:
        """The colour of the bars."""
        return QColor(self._colour)

    def minimumSizeHint(self) -> QSize:
        """Every row a line of text high plus spacing; never below the chart minimum."""
        rows = len(self._values)
        height = max(MIN_CHART_HEIGHT,
                     rows * (self.fontMetrics().height() + self.ROW_SPACING) + 24)
        return QSize(120, height)

    def sizeHint(self) -> QSize:
        """As high as the minimum, wider."""
        return QSize(260, self.minimumSizeHint().height())

    def rows(self) -> list[BarRow]:
        """Where each bar and its texts go at the widget's present size and font."""
        if not self._values:
            return []
        metrics = self.fontMetrics()
        area = QRectF(self.contentsRect()).adjusted(2, 4, -2, -4)
        widest = max(metrics.horizontalAdvance(label) for label, _value in self._values)
        label_width = float(min(widest, math.floor(area.width() * self.LABEL_SHARE)))
        value_texts = [format_number(value) for _label, value in self._values]
        value_room = max(metrics.horizontalAdvance(text) for text in value_texts) + self.GAP
        bar_left = area.left() + label_width + self.GAP
        bar_room = max(0.0, area.right() - value_room - bar_left)
        largest = max(float(value) for _label, value in self._values)

        count = len(self._values)
        pitch = min(area.height() / count, metrics.height() * self.ROW_PITCH_LINES)
        thickness = max(3.0, round(pitch * self.BAR_SHARE))
        top = area.top() + (area.height() - pitch * count) / 2
        baseline_offset = (metrics.ascent() - metrics.descent()) / 2

        rows: list[BarRow] = []
        for index, ((label, value), value_text) in enumerate(
                zip(self._values, value_texts, strict=True)):
            row = QRectF(area.left(), top + index * pitch, area.width(), pitch)
            length = max(2.0, bar_room * float(value) / largest) if largest > 0 else 0.0
            bar = QRectF(bar_left, row.center().y() - thickness / 2, length, thickness)
            rows.append(BarRow(
                row=row,
                label=QRectF(area.left(), row.top(), label_width, pitch),
                label_text=fitted_text(metrics, label, math.ceil(label_width)),
                bar=bar,
                value_at=QPointF(bar.right() + self.GAP, row.center().y() + baseline_offset),
                value_text=value_text,
            ))
        return rows

    def shown_labels(self) -> list[str]:
        """The labels as drawn at the present width (elided ones end in "…")."""
        return [row.label_text for row in self.rows()]

    def bar_at(self, point: QPoint) -> int | None:
        """The index of the row under ``point`` (label, bar or value), None between."""
        for index, row in enumerate(self.rows()):
            if row.row.contains(QPointF(point)):
                return index
        return None

    def tooltip_at(self, point: QPoint) -> str:
        """The full label and value of the bar under ``point``, '' elsewhere."""
        index = self.bar_at(point)
        if index is None:
            return ""
        label, value = self._values[index]
        return f"{label}: {format_number(value)}"

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars in the chart's colour, labels and values in the palette's text colour."""
        rows = self.rows()
        if not rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        for row in rows:
            painter.drawRoundedRect(row.bar, 2, 2)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        align = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                 | Qt.TextFlag.TextDontClip)
        for row in rows:
            painter.drawText(row.label, align, row.label_text)
            painter.drawText(row.value_at, row.value_text)
        painter.end()

    def event(self, event: QEvent) -> bool:
        """A tooltip names the bar under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            _show_tooltip(self, event, self.tooltip_at(event.pos()))
            return True
        return super().event(event)


@dataclass(frozen=True)
class RingSlice:
    """One slice of the ring: its angles (degrees, clockwise from 12 o'clock)."""

    start: float
    span: float
    colour: QColor


class RingChart(QWidget):
    """A ring of slices (first at 12 o'clock, clockwise) with a legend beside it.

    Each legend line reads "label  count (share%)" after a square in the slice's colour.
    """

    HOLE = 0.42
    """The hole's share of the ring's diameter."""
    RING_SHARE = 0.9
    """The ring's share of the room left of the legend."""
    LEGEND_SPACING = 6
    """Pixels between legend lines."""
    LEGEND_GAP = 12
    """Pixels between the ring and the legend."""

    def __init__(self, colours: Sequence[QColor], parent: QWidget | None = None) -> None:
        """An empty chart; its slices take ``colours`` in turn."""
        super().__init__(parent)
        self._colours = tuple(QColor(colour) for colour in colours)
        self._values: tuple[tuple[str, Number], ...] = ()
        self._legend_texts: tuple[str, ...] = ()
        self._slices: tuple[RingSlice, ...] = ()
        self._legend_width = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_values(self, values: NumberPairs) -> bool:
        """Show ``values`` ((label, value) pairs, none zero); False when unchanged."""
        new = tuple(values)
        if new == self._values:
            return False
        lines_changed = len(new) != len(self._values)
        self._values = new
        total = float(sum(value for _label, value in new))
        texts: list[str] = []
        slices: list[RingSlice] = []
        start = 0.0
        for index, (label, value) in enumerate(new):
            share = 100 * float(value) / total if total else 0.0
            texts.append(f"{label}  {format_number(value)} ({format_percent(share)})")
            span = 360 * share / 100
            slices.append(RingSlice(start, span, self._colours[index % len(self._colours)]))
            start += span
        self._legend_texts = tuple(texts)
        self._slices = tuple(slices)
        self.setAccessibleDescription("; ".join(texts))
        legend_width = self._measure_legend()
        if legend_width != self._legend_width or lines_changed:
            self._legend_width = legend_width
            self.updateGeometry()
        self.update()
        return True

    def values(self) -> list[tuple[str, Number]]:
        """The slices shown: (label, value)."""
        return list(self._values)

    def legend_texts(self) -> list[str]:
        """The legend's lines: label, count and share of each slice."""
        return list(self._legend_texts)

    def _swatch(self, metrics: QFontMetrics) -> int:
        return max(6, round(metrics.height() * 0.6))

    def _measure_legend(self) -> int:
        if not self._legend_texts:
            return 0
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in self._legend_texts)
        return self._swatch(metrics) + self.LEGEND_SPACING + widest

    def _legend_height(self) -> int:
        lines = len(self._legend_texts)
        return lines * self.fontMetrics().height() + max(0, lines - 1) * self.LEGEND_SPACING

    def minimumSizeHint(self) -> QSize:
        """Room for the whole legend and a small ring beside it."""
        return QSize(self._legend_width + self.LEGEND_GAP + 80,
                     max(MIN_CHART_HEIGHT, self._legend_height() + 8))

    def sizeHint(self) -> QSize:
        """Room for the whole legend and a ring of the chart's minimum height."""
        return QSize(self._legend_width + self.LEGEND_GAP + MIN_CHART_HEIGHT,
                     self.minimumSizeHint().height())

    def _legend_rect(self) -> QRect:
        area = self.contentsRect()
        width = min(self._legend_width, area.width())
        height = self._legend_height()
        return QRect(area.right() + 1 - width, area.top() + (area.height() - height) // 2,
                     width, height)

    def ring_rect(self) -> QRectF:
        """The square the ring's outer edge is drawn in."""
        area = QRectF(self.contentsRect())
        room = area.width() - self._legend_rect().width() - self.LEGEND_GAP
        side = max(0.0, min(room, area.height()) * self.RING_SHARE)
        centre = QPointF(area.left() + max(0.0, room) / 2, area.center().y())
        return QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)

    def _slice_path(self, outer: QRectF, piece: RingSlice) -> QPainterPath:
        hole = self.HOLE * outer.width() / 2
        inner = QRectF(outer.center().x() - hole, outer.center().y() - hole, 2 * hole, 2 * hole)
        # QPainterPath angles run counter-clockwise from 3 o'clock.
        start = 90 - piece.start
        path = QPainterPath()
        path.arcMoveTo(outer, start)
        path.arcTo(outer, start, -piece.span)
        path.arcTo(inner, start - piece.span, piece.span)
        path.closeSubpath()
        return path

    def slice_at(self, point: QPoint) -> int | None:
        """The index of the slice (on the ring or its legend line) under ``point``."""
        legend = self._legend_rect()
        if legend.contains(point) and self._legend_texts:
            pitch = self.fontMetrics().height() + self.LEGEND_SPACING
            index = (point.y() - legend.top()) // pitch
            return index if 0 <= index < len(self._legend_texts) else None
        outer = self.ring_rect()
        dx = point.x() - outer.center().x()
        dy = point.y() - outer.center().y()
        radius = math.hypot(dx, dy)
        if not self.HOLE * outer.width() / 2 <= radius <= outer.width() / 2:
            return None
        angle = math.degrees(math.atan2(dx, -dy)) % 360
        for index, piece in enumerate(self._slices):
            if piece.start <= angle < piece.start + piece.span:
                return index
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        """The ring's slices with white borders, then the legend."""
        if not self._values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = self.ring_rect()
        if outer.width() > 0:
            # A lone slice is a closed ring: a border would draw a seam at 12 o'clock.
            border = (QPen(QColor("white"), 1.5) if len(self._slices) > 1
                      else QPen(Qt.PenStyle.NoPen))
            painter.setPen(border)
            for piece in self._slices:
                painter.setBrush(piece.colour)
                painter.drawPath(self._slice_path(outer, piece))

        metrics = self.fontMetrics()
        legend = self._legend_rect()
        swatch = self._swatch(metrics)
        text_left = legend.left() + swatch + self.LEGEND_SPACING
        text_width = max(0, legend.right() + 1 - text_left)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, piece in enumerate(self._slices):
            top = legend.top() + index * (metrics.height() + self.LEGEND_SPACING)
            painter.setBrush(piece.colour)
            painter.drawRect(QRectF(legend.left(), top + (metrics.height() - swatch) / 2,
                                    swatch, swatch))
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for index, text in enumerate(self._legend_texts):
            top = legend.top() + index * (metrics.height() + self.LEGEND_SPACING)
            shown = fitted_text(metrics, text, text_width)
            painter.drawText(QRect(text_left, top, text_width, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextDontClip, shown)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        """Measure the legend again in a new font."""
        if event.type() == QEvent.Type.FontChange:
            self._legend_width = self._measure_legend()
        super().changeEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """The legend line of the slice under ``point``, '' elsewhere."""
        index = self.slice_at(point)
        return self._legend_texts[index] if index is not None else ""

    def event(self, event: QEvent) -> bool:
        """A tooltip names the slice under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            _show_tooltip(self, event, self.tooltip_at(event.pos()))
            return True
        return super().event(event)


def _show_tooltip(widget: QWidget, event: QHelpEvent, text: str) -> None:
    if text:
        QToolTip.showText(event.globalPos(), text, widget)
    else:
        QToolTip.hideText()
        event.ignore()


__all__ = [
    "MIN_CHART_HEIGHT", "BarRow", "HorizontalBarChart", "Number", "NumberPairs", "RingChart",
    "RingSlice", "fitted_text", "format_number",
]
