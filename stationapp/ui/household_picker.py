"""A line edit that picks one household by name, pinyin (initials), address or phone.

The clerk types what they know (``lidy``, ``晖苑 301``, the last digits of a phone number);
after a short pause a popup lists the first matching households on the ledger (address,
head, phone). Arrow keys and Enter, or a click, pick one; Enter with nothing highlighted
picks the first match. Typing again forgets the household picked until another is chosen.

Given the window's :class:`~stationapp.ui.operations.Operations`, the picker follows change
notices touching the households: the matches listed are searched again (a household added
elsewhere is offered at once) and the household picked is read again.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget
from sqlalchemy.orm import Session

from stationapp.services.household_queries import (
    HouseholdFilter,
    HouseholdRow,
    fetch_household_rows,
    list_household_ids,
)
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations

PICKER_LIMIT = 20
"""How many matching households the popup lists at most."""

PICKER_DELAY_MS = 120
"""Typing pauses this long before the popup follows the text."""

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role of a popup entry giving the household id."""

_SHORT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


def household_label(row: HouseholdRow) -> str:
    """How a chosen household is written in the picker: address and head."""
    return f"{row.address} · {row.head}" if row.head else row.address


class HouseholdPicker(QLineEdit):
    """Pick a household by typing; ``household_changed(id or None)`` follows the choice."""

    household_changed = Signal(object)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """An empty picker searching the households on the ledger through ``operations``;
        it reads again when a change notice touches the households."""
        super().__init__(parent)
        self._operations = operations
        operations.changed.connect(self._apply_changes)
        self._household_id: int | None = None
        self._row: HouseholdRow | None = None
        self._results: list[HouseholdRow] = []
        self.setPlaceholderText(self.tr("Type a name, pinyin initials, address or phone"))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Household"))

        self.results_model = QStandardItemModel(self)
        self.picker = QCompleter(self.results_model, self)
        self.picker.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.picker.setCompletionRole(_SHORT_TEXT_ROLE)
        self.picker.setMaxVisibleItems(12)
        self.setCompleter(self.picker)
        # The overload with the index (the default one carries only the text).
        cast(Any, self.picker.activated)[QModelIndex].connect(self._picked)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PICKER_DELAY_MS)
        self._timer.timeout.connect(self._search_and_show)
        self.textEdited.connect(self._edited)

    # ------------------------------------------------------------ public

    def household_id(self) -> int | None:
        """The id of the household picked, None when none is."""
        return self._household_id

    def household(self) -> HouseholdRow | None:
        """The table row of the household picked, None when none is."""
        return self._row

    def set_household_id(self, household_id: int | None) -> None:
        """Show ``household_id`` as picked (None clears the picker)."""
        row: HouseholdRow | None = None
        if household_id is not None:
            row = self._read_row(household_id)
        self._timer.stop()
        self._set(row)

    def set_fixed(self, fixed: bool) -> None:
        """Lock the picker to its household (a request opened from a household)."""
        self.setReadOnly(fixed)
        self.setClearButtonEnabled(not fixed)
        if fixed:
            self._timer.stop()
            self._popup().hide()

    def search(self, text: str) -> list[HouseholdRow]:
        """The first :data:`PICKER_LIMIT` households on the ledger matching ``text``."""
        if not text.strip():
            return []
        today = self._operations.clock.today()

        def read(session: Session) -> list[HouseholdRow]:
            ids = list_household_ids(session, HouseholdFilter(search=text),
                                     today=today)[:PICKER_LIMIT]
            return fetch_household_rows(session, ids, today=today)

        return self._operations.read(read)

    def results(self) -> list[HouseholdRow]:
        """The households the popup lists now."""
        return list(self._results)

    def flush(self) -> None:
        """Run a search still waiting for the typing pause (tests, Enter)."""
        if self._timer.isActive():
            self._timer.stop()
            self._search_and_show()

    # ------------------------------------------------------------ internals

    def _read_row(self, household_id: int) -> HouseholdRow | None:
        today = self._operations.clock.today()
        rows = self._operations.read(
            lambda session: fetch_household_rows(session, [household_id], today=today))
        return rows[0] if rows else None

    def _apply_changes(self, notice: ChangeNotice) -> None:
        """Households changed: read the one picked again, or search the typed text again."""
        if not notice.touches(Area.HOUSEHOLDS):
            return
        if self._household_id is not None:
            if not notice.households or self._household_id in notice.households:
                row = self._read_row(self._household_id)
                if row is not None:
                    self._set(row)
            return
        if self.text().strip() and not self._timer.isActive():
            self._fill(self.search(self.text()))

    def _popup(self) -> QAbstractItemView:
        popup = self.picker.popup()
        assert popup is not None  # a completer always has its popup
        return popup

    def _set(self, row: HouseholdRow | None) -> None:
        new_id = row.id if row is not None else None
        self._row = row
        self.setText(household_label(row) if row is not None else "")
        self.setCursorPosition(0)
        self.setToolTip(f"{household_label(row)} · {row.phone}" if row and row.phone else "")
        if new_id != self._household_id:
            self._household_id = new_id
            self.household_changed.emit(new_id)

    def _edited(self, _text: str) -> None:
        if self._household_id is not None:
            self._row = None
            self._household_id = None
            self.setToolTip("")
            self.household_changed.emit(None)
        # Emptied now, so the built-in popup does not flash the stale matches.
        self._fill([])
        self._timer.start()

    def _fill(self, rows: list[HouseholdRow]) -> None:
        self._results = rows
        self.results_model.clear()
        for row in rows:
            text = "   ".join(part for part in (row.address, row.head, row.phone) if part)
            item = QStandardItem(text)
            item.setData(row.id, HOUSEHOLD_ID_ROLE)
            item.setData(household_label(row), _SHORT_TEXT_ROLE)
            item.setEditable(False)
            self.results_model.appendRow(item)

    def _search_and_show(self) -> None:
        self._fill(self.search(self.text()))
        if self._results and self.hasFocus() and not self.isReadOnly():
            self.picker.complete()
        elif not self._results:
            self._popup().hide()

    def _picked(self, index: QModelIndex) -> None:
        household_id = index.data(HOUSEHOLD_ID_ROLE)
        row = next((r for r in self._results if r.id == household_id), None)
        if row is not None:
            self._set(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter picks the highlighted match, else the first; it saves nothing while picking."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not enter or self._household_id is not None or self.isReadOnly():
            super().keyPressEvent(event)
            return
        popup = self._popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            super().keyPressEvent(event)  # the completer picks the highlighted one
            return
        self.flush()
        if not self._results:
            super().keyPressEvent(event)
            return
        self._set(self._results[0])
        popup.hide()
        event.accept()


__all__ = ["HOUSEHOLD_ID_ROLE", "PICKER_LIMIT", "HouseholdPicker", "household_label"]
