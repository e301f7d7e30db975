"""Texts shown larger (or bolder) than the font around them, and table rows one line high,
that keep doing so when the text size changes while they are shown.

A font copied and multiplied once (``font.setPointSizeF(font.pointSizeF() * 1.3)``) is
fixed: when the clerk picks 特大 the title stays at the old size. :func:`scale_font`
re-applies the scale whenever the font around the widget changes; :func:`rows_follow_font`
does the same for a table's row height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from shiboken6 import isValid

_FONT_EVENTS = (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange)


def scaled(base: QFont, factor: float, bold: bool | None = None) -> QFont:
    """A copy of ``base`` ``factor`` times as large, bold or not when ``bold`` says so."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    if bold is not None:
        font.setBold(bold)
    return font


def inherited_font(widget: QWidget) -> QFont:
    """The font ``widget`` would have if it set none itself: its parent's, else the
    application's."""
    parent = widget.parentWidget()
    return QFont(parent.font()) if parent is not None else QApplication.font(widget)


class _ScaleKeeper(QObject):
    """Watches its widget and the widget's parent, and gives the widget the scaled font
    again when the font around it changes (an event filter, owned by the widget).

    The parent is watched because Qt tells a widget that set its own font nothing when
    the font it inherits changes: only the parent hears of it.
    """

    def __init__(self, widget: QWidget, factor: float, bold: bool | None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.factor = factor
        self.bold = bold
        self.parent_watched: QWidget | None = None
        self._applying = False
        widget.installEventFilter(self)
        self._watch_parent()

    def _watch_parent(self) -> None:
        parent = self.widget.parentWidget()
        if parent is self.parent_watched:
            return
        if self.parent_watched is not None:
            self.parent_watched.removeEventFilter(self)
        self.parent_watched = parent
        if parent is not None:
            parent.installEventFilter(self)

    def stop(self) -> None:
        """Watch nothing any more."""
        self.widget.removeEventFilter(self)
        if self.parent_watched is not None:
            self.parent_watched.removeEventFilter(self)
            self.parent_watched = None

    def apply(self) -> None:
        """Give the widget its font: the inherited one, scaled."""
        if self._applying:
            return
        wanted = scaled(inherited_font(self.widget), self.factor, self.bold)
        if self.widget.font() == wanted:
            return
        self._applying = True
        try:
            self.widget.setFont(wanted)
        finally:
            self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-apply the scale after a font or parent change; never swallow the event."""
        # Qt may still deliver to a keeper whose Python side is being torn down.
        if "widget" not in self.__dict__ or not isValid(self.widget):
            return False
        kind = event.type()
        if watched is self.widget and kind == QEvent.Type.ParentChange:
            self._watch_parent()
            self.apply()
        elif kind in _FONT_EVENTS and (watched is self.widget
                                        or watched is self.parent_watched):
            self.apply()
        return False


def scale_font(widget: QWidget, factor: float, *, bold: bool | None = None) -> QWidget:
    """Show ``widget``'s text ``factor`` times the size of the font around it (bold when
    ``bold`` is True), now and after every change of the text size; returns ``widget``.
    Calling it again replaces the earlier scale."""
    for keeper in widget.children():
        if isinstance(keeper, _ScaleKeeper):
            keeper.stop()
            keeper.setParent(None)
            keeper.deleteLater()
    _ScaleKeeper(widget, factor, bold).apply()
    return widget


class _RowKeeper(QObject):
    """Sets its table's row height from the table's font whenever that font changes."""

    def __init__(self, table: QTableView, extra: int) -> None:
        super().__init__(table)
        self.table = table
        self.extra = extra
        table.installEventFilter(self)

    def apply(self) -> None:
        """One line of the table's font, plus the padding."""
        height = self.table.fontMetrics().height() + self.extra
        rows = self.table.verticalHeader()
        if rows.defaultSectionSize() != height:
            rows.setDefaultSectionSize(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow font changes; never swallow the event."""
        if "table" not in self.__dict__ or not isValid(self.table):
            return False
        if watched is self.table and event.type() in (*_FONT_EVENTS,
                                                      QEvent.Type.ParentChange):
            self.apply()
        return False


def rows_follow_font(table: QTableView, extra: int = 10) -> QTableView:
    """Make ``table``'s rows one line of its font plus ``extra`` pixels high, now and
    after every change of the text size; returns ``table``."""
    _RowKeeper(table, extra).apply()
    return table


__all__ = ["inherited_font", "rows_follow_font", "scale_font", "scaled"]
