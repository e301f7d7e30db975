"""Pieces every list page is built from: the page title, a read-only list table, Enter.

The households, events, visits, requests and volunteers pages share one look: a bold
title, a table of whole-row selection that is never edited in place, and Enter on the
table opening the selected row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

TITLE_SCALE = 1.3
"""A page title's size relative to the normal font."""


def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A page's title: ``text`` in a bold, larger font."""
    title = QLabel(text, parent)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    title.setFont(font)
    return title


def list_table(
    model: QAbstractItemModel,
    name: str,
    parent: QWidget | None = None,
    *,
    fixed_rows: bool = False,
) -> QTableView:
    """A read-only table over ``model``: whole rows, one at a time, alternating colours.

    ``name`` is the accessible name. Rows are one line high (the font of ``parent``, else
    the table's); ``fixed_rows`` also stops them being resized, which a long list wants.
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
    rows.setDefaultSectionSize((parent or table).fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)
    return table


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


__all__ = ["TITLE_SCALE", "list_table", "on_enter", "page_title", "search_timer"]
