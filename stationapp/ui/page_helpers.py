"""Pieces every list page is built from: the page title, a read-only list table, Enter.

The households, events, visits, requests and volunteers pages share one look: a bold
title, a table of whole-row selection that is never edited in place, and Enter on the
table opening the selected row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationapp.ui.flow_layout import flow_row
from stationapp.ui.scaled_font import rows_follow_font, scale_font

TITLE_SCALE = 1.3
"""A page title's size relative to the normal font."""


def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A page's title: ``text`` in a bold, larger font (following the text size)."""
    title = QLabel(text, parent)
    scale_font(title, TITLE_SCALE, bold=True)
    return title


def list_table(
    model: QAbstractItemModel,
    name: str,
    parent: QWidget | None = None,
    *,
    fixed_rows: bool = False,
) -> QTableView:
    """A read-only table over ``model``: whole rows, one at a time, alternating colours.

    ``name`` is the accessible name. Rows are one line of the table's font high, also after
    the text size changes; ``fixed_rows`` also stops them being resized, which a long list wants.
    """
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    if fixed_rows:
        table.setCornerButtonEnabled(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows_follow_font(table, 10)
    table.horizontalHeader().setHighlightSections(False)
    return table


def panel_layout(panel: QFrame) -> QVBoxLayout:
    """Frame ``panel`` as one of 工作台's sections and give it its column of lines."""
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(6)
    return layout


def page_top(title: QWidget, *parts: QWidget | tuple[QWidget, ...]) -> QHBoxLayout:
    """A page's top line: ``title`` on the left, ``parts`` (its buttons) on the right,
    wrapping onto further lines when the page is too narrow for them all."""
    top = QHBoxLayout()
    top.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
    top.addStretch(1)
    top.addWidget(flow_row(*parts))
    return top


class _RoomKeeper(QObject):
    """Gives one column of a table the width the other columns leave, at least
    ``least_chars`` characters of the table's font (an event filter on the viewport)."""

    def __init__(self, table: QTableView, column: int, least_chars: int) -> None:
        super().__init__(table)
        self.table = table
        self.column = column
        self.least_chars = least_chars
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    def apply(self) -> None:
        """Widen (or narrow) the column to the room left, never below its least width."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(index) for index in range(header.count())
                     if index != self.column and not header.isSectionHidden(index))
        least = self.table.fontMetrics().horizontalAdvance("国") * self.least_chars
        width = max(self.table.viewport().width() - others, least)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column:
            self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the viewport's width; never swallow the event."""
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def give_room(table: QTableView, column: int, least_chars: int = 10) -> None:
    """Let ``column`` of ``table`` take the width the other columns leave, but never less
    than ``least_chars`` characters of the current font (the table scrolls sideways then)
    — unlike a stretched column, which shrinks to "…" when the others are wide."""
    _RoomKeeper(table, column, least_chars).apply()


def on_enter(widget: QWidget, slot: Callable[[], object]) -> None:
    """Return or Enter (keypad) on ``widget`` itself calls ``slot``."""
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)


def search_timer(search: QLineEdit, delay_ms: int, slot: Callable[[], object]) -> QTimer:
    """A timer that calls ``slot`` once typing in ``search`` pauses for ``delay_ms``."""
    timer = QTimer(search)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    search.textChanged.connect(timer.start)
    return timer


__all__ = [
    "TITLE_SCALE", "flow_row", "give_room", "list_table", "on_enter", "page_title", "page_top",
    "search_timer",
]
