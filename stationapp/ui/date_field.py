"""Date and date-time fields a clerk can type into and leave with one Tab.

:class:`DateEdit` and :class:`DateTimeEdit` keep the whole QDateEdit / QDateTimeEdit API
(and the calendar popup), with three differences for data entry:

- the date may be typed in one go, as ``20261207``, ``2026-12-07``, ``2026/12/07`` or
  ``2026.12.07`` (the date-time field also takes ``2026-12-07 14:30`` and
  ``202612071430``); it is shown in the display format again when the field is left;
- Tab leaves the field at once instead of walking year → month → day → hour → minute;
- the mouse wheel changes the field only while it has the keyboard focus, so scrolling a
  form does not change a date the pointer happens to pass.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATE_FORMAT = "yyyy-MM-dd"
"""How a date field shows its date."""

DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"
"""How a date-time field shows its instant."""

_SEP = r"[-/.]"
_DATE = re.compile(rf"^(\d{{4}})(?:{_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})|(\d{{2}})(\d{{2}}))$")
_DATE_TIME = re.compile(
    rf"^(\d{{4}})(?:{_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})\s*(\d{{1,2}}):?(\d{{2}})"
    rf"|(\d{{2}})(\d{{2}})\s*(\d{{2}}):?(\d{{2}}))$"
)
_TYPING = re.compile(r"^[\d\s/.:-]{0,19}$")
_TYPED_KEYS = frozenset("0123456789-/.: ")


def parse_typed_date(text: str) -> QDate | None:
    """The date typed as 20261207 or 2026-12-07 (also ``/`` or ``.``); None otherwise."""
    match = _DATE.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(g) for g in
                        (match.group(1), match.group(2) or match.group(4),
                         match.group(3) or match.group(5)))
    found = QDate(year, month, day)
    return found if found.isValid() else None


def parse_typed_date_time(text: str) -> QDateTime | None:
    """The instant typed as 2026-12-07 14:30 or 202612071430 (a date alone means 00:00);
    None otherwise."""
    raw = text.strip()
    match = _DATE_TIME.match(raw)
    if match is None:
        day = parse_typed_date(raw)
        return QDateTime(day, QTime(0, 0)) if day is not None else None
    groups = match.groups()
    parts = groups[1:5] if groups[1] is not None else groups[5:9]
    month, day_of_month, hour, minute = (int(g) for g in parts)
    day = QDate(int(groups[0]), month, day_of_month)
    moment = QTime(hour, minute)
    if not day.isValid() or not moment.isValid():
        return None
    return QDateTime(day, moment)


class _TypedDateTimeMixin:
    """What both fields share; listed before the Qt class."""

    _typing = False

    def _parse(self, text: str) -> QDateTime | None:
        raise NotImplementedError

    def _take(self, value: QDateTime) -> None:
        raise NotImplementedError

    def _setup(self, display_format: str) -> None:
        edit: Any = self
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(display_format)
        # Not Qt.WheelFocus: the wheel alone must not take the focus (and then the value).
        edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        """Acceptable when ``text`` is a whole date in a typed form within the range,
        Intermediate while it may still become one, Invalid otherwise."""
        edit: Any = self
        found = self._parse(text)
        if found is not None and edit.minimumDateTime() <= found <= edit.maximumDateTime():
            return QValidator.State.Acceptable, text, pos
        if _TYPING.match(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str, /) -> str:
        """Nothing is guessed: an unfinished date goes back to the last value."""
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:
        """The value of a typed ``text`` (the current value when it is none)."""
        edit: Any = self
        found = self._parse(text)
        return found if found is not None else edit.dateTime()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits and separators start typing a whole new date (QDateTimeEdit would jump
        between its sections); Enter, ↑/↓ and Esc end the typing; other keys as usual."""
        edit: Any = self
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        typing = getattr(self, "_typing", False)
        if (plain and event.text() and event.text() in _TYPED_KEYS) or (
                typing and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete,
                                   Qt.Key.Key_Left, Qt.Key.Key_Right)):
            line = edit.lineEdit()
            # QDateTimeEdit follows every change of its text section by section and puts
            # back the last value when a section does not fit; the typed text is only
            # read when the typing ends (see _end_typing).
            line.blockSignals(True)
            try:
                if not typing:
                    line.clear()
                    self._typing = True
                line.event(event)
            finally:
                line.blockSignals(False)
            return
        if typing and key == Qt.Key.Key_Escape:
            self._typing = False
            self._show_value()
            return
        self._end_typing()
        super().keyPressEvent(event)  # type: ignore[misc]

    def _show_value(self) -> None:
        edit: Any = self
        line = edit.lineEdit()
        line.blockSignals(True)
        try:
            line.setText(edit.textFromDateTime(edit.dateTime()))
        finally:
            line.blockSignals(False)

    def _end_typing(self) -> None:
        """Take the date typed (an unfinished or impossible one leaves the value as it
        was) and show the value in the display format again."""
        if not getattr(self, "_typing", False):
            return
        self._typing = False
        edit: Any = self
        found = self._parse(edit.lineEdit().text())
        self._show_value()
        if found is not None and edit.minimumDateTime() <= found <= edit.maximumDateTime():
            self._take(found)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Select the whole text on entering."""
        super().focusInEvent(event)  # type: ignore[misc]
        edit: Any = self
        # After the event loop: a click places the cursor after the focus arrives.
        QTimer.singleShot(0, edit, edit.selectAll)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field takes the date typed."""
        self._end_typing()
        super().focusOutEvent(event)  # type: ignore[misc]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab leave the field (not its next section)."""
        self._end_typing()
        return QWidget.focusNextPrevChild(self, next)  # type: ignore[arg-type]

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel changes the field only while it has the focus; otherwise the form
        around it scrolls."""
        edit: Any = self
        if not edit.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)  # type: ignore[misc]


class DateEdit(_TypedDateTimeMixin, QDateEdit):
    """A QDateEdit (yyyy-MM-dd, calendar popup) that takes 20261207 or 2026-12-07 typed
    whole and that one Tab leaves."""

    def __init__(self, *args: Any) -> None:
        """As QDateEdit: ``(parent=None)`` or ``(date, parent=None)``."""
        super().__init__(*args)
        self._setup(DATE_FORMAT)

    def _parse(self, text: str) -> QDateTime | None:
        day = parse_typed_date(text)
        if day is None:
            return None
        # The field's own time and zone: a bare local midnight could be another day in
        # the field's time spec.
        value = self.dateTime()
        value.setDate(day)
        return value

    def _take(self, value: QDateTime) -> None:
        # setDate, not setDateTime: a date field must not move the day by a time zone.
        self.setDate(value.date())

    def textFromDateTime(self, value: QDateTime) -> str:
        """The date in the display format."""
        return value.date().toString(self.displayFormat())


class DateTimeEdit(_TypedDateTimeMixin, QDateTimeEdit):
    """A QDateTimeEdit (yyyy-MM-dd HH:mm, calendar popup) that takes 2026-12-07 14:30 or
    202612071430 typed whole and that one Tab leaves."""

    def __init__(self, *args: Any) -> None:
        """As QDateTimeEdit: ``(parent=None)`` or ``(datetime, parent=None)``."""
        super().__init__(*args)
        self._setup(DATE_TIME_FORMAT)

    def _parse(self, text: str) -> QDateTime | None:
        found = parse_typed_date_time(text)
        if found is None:
            return None
        value = self.dateTime()  # keeps the field's time spec
        value.setDate(found.date())
        value.setTime(found.time())
        return value

    def _take(self, value: QDateTime) -> None:
        self.setDateTime(value)

    def textFromDateTime(self, value: QDateTime) -> str:
        """The instant in the display format."""
        return value.toString(self.displayFormat())


__all__ = [
    "DATE_FORMAT", "DATE_TIME_FORMAT", "DateEdit", "DateTimeEdit", "parse_typed_date",
    "parse_typed_date_time",
]
