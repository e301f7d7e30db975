"""The household list's "整寿 in the next N days" filter, and the calendar's lists it opens.

A check box and a spin box in the households page's filter row: ticked, the list keeps the
households where a present resident reaches a round-number birthday (80, 90, 100 and every
one above) in the next N days (by the lunar date where the resident keeps it), as
:func:`stationapp.services.calendar.households_with_round_birthdays` finds them.

The ids are read once per day and number of days, and read again after a change to the
households (the filter listens to the operation runner's notices itself).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QSpinBox, QWidget

from stationapp.domain.vocab import CareCategory
from stationapp.services.calendar import MAX_DAYS, households_with_round_birthdays
from stationapp.ui.list_requests import ListKind, ListRequest
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations

DEFAULT_DAYS = 60
"""The window the filter starts with (the 工作台 shows as many days)."""


class RoundBirthdayFilter(QWidget):
    """"整寿 in the next [60] days": ``changed()`` when ticked, unticked or the days change
    while ticked."""

    changed = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """An unticked filter over ``operations``' database."""
        super().__init__(parent)
        self._operations = operations
        self._cache: tuple[date, int, frozenset[int]] | None = None
        self.check = QCheckBox(self.tr("Round &birthdays in the next"), self)
        self.check.setToolTip(self.tr(
            "Households where someone turns 80, 90, 100 or more (by the lunar date where "
            "the resident keeps it)"))
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAccessibleName(self.tr("Days ahead for round birthdays"))
        self.days_spin.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.days_spin)
        self.check.toggled.connect(self._toggled)
        self.days_spin.valueChanged.connect(self._days_changed)
        operations.changed.connect(self._notice)

    def is_active(self) -> bool:
        """True when the filter narrows the list."""
        return self.check.isChecked()

    def set_days(self, days: int | None) -> None:
        """Tick the filter for ``days`` days, or untick it (None), without ``changed``."""
        self.blockSignals(True)
        try:
            if days is not None:
                self.days_spin.setValue(days)
            self.check.setChecked(days is not None)
        finally:
            self.blockSignals(False)

    def household_ids(self) -> frozenset[int] | None:
        """The households with a 整寿 in the window from today; None when not ticked."""
        if not self.check.isChecked():
            return None
        today = self._operations.clock.today()
        days = self.days_spin.value()
        if self._cache is None or self._cache[:2] != (today, days):
            found = self._operations.read(
                lambda session: households_with_round_birthdays(session, today, days))
            self._cache = (today, days, frozenset(b.household_id for b in found))
        return self._cache[2]

    def description(self) -> str:
        """The filter in words for a printout's header ("" when not ticked)."""
        if not self.check.isChecked():
            return ""
        return self.tr("Round birthdays in the next %n day(s)", "", self.days_spin.value())

    def _toggled(self, checked: bool) -> None:
        self.days_spin.setEnabled(checked)
        self.changed.emit()

    def _days_changed(self, _days: int) -> None:
        if self.check.isChecked():
            self.changed.emit()

    def _notice(self, notice: ChangeNotice) -> None:
        if notice.touches(Area.HOUSEHOLDS):
            self._cache = None


class CalendarListHost(Protocol):
    """What :func:`open_calendar_list` needs of the households page."""

    category: QComboBox
    birthday_filter: RoundBirthdayFilter

    def clear_filters(self) -> None:
        """Every filter back to its default, the list read again."""


def open_calendar_list(page: CalendarListHost, request: ListRequest) -> bool:
    """Show the calendar's lists on the households page: the households aged 80+ (a
    festival's visit round) or those with a 整寿 in the next ``target_id`` days. False for
    any other request (the page handles it)."""
    if request.kind not in (ListKind.ELDERLY_HOUSEHOLDS, ListKind.ROUND_BIRTHDAYS):
        return False
    page.clear_filters()
    if request.kind is ListKind.ELDERLY_HOUSEHOLDS:
        # The combo's change reads the list again.
        page.category.setCurrentIndex(max(0, page.category.findData(
            CareCategory.ELDERLY.value)))
    else:
        page.birthday_filter.days_spin.setValue(request.target_id or DEFAULT_DAYS)
        page.birthday_filter.check.setChecked(True)
    return True

__all__ = ["DEFAULT_DAYS", "CalendarListHost", "RoundBirthdayFilter", "open_calendar_list"]
