"""A search box for a list of households (overdue visits, reminders, delivery stops): the
list follows as the clerk types, by the households search's one rule (name, pinyin,
initials, address, phone; "3号楼" is building 3), see
:mod:`stationapp.services.household_search`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from stationapp.services.household_search import matching_household_ids, search_words
from stationapp.ui.operations import Operations

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the box."""

_T = TypeVar("_T")


class HouseholdSearchBox(QLineEdit):
    """A line edit that says ``search_changed(text)`` once typing pauses (or on Enter)."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        """An empty box showing ``placeholder``; ``accessible_name`` names it for readers."""
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)

    def search(self) -> str:
        """What the list is narrowed by now (the text, trimmed)."""
        return self.text().strip()

    def is_searching(self) -> bool:
        """True when the box narrows the list."""
        return bool(search_words(self.text()))

    def _emit(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.search())


def matching_ids(operations: Operations, search: str, among: Iterable[int]) -> set[int] | None:
    """The households of ``among`` that ``search`` finds; None when it narrows nothing."""
    if not search_words(search):
        return None
    ids = list(among)
    return operations.read(lambda session: matching_household_ids(session, search, ids))


def kept(rows: Sequence[_T], household_of: Callable[[_T], int],
         matching: set[int] | None) -> list[_T]:
    """``rows`` whose household is in ``matching`` (all of them when it is None)."""
    if matching is None:
        return list(rows)
    return [row for row in rows if household_of(row) in matching]


__all__ = ["SEARCH_DELAY_MS", "HouseholdSearchBox", "kept", "matching_ids"]
