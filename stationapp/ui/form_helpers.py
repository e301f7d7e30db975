"""Small helpers shared by the editing dialogs: inline error labels, field marking, dates.

A form shows a service's :class:`~stationapp.domain.errors.ValidationError` inline: every
field has a red :class:`ErrorLabel` directly under it, hidden while there is nothing to
say, and the field itself gets a red frame (the ``invalid`` dynamic property, styled by
:data:`INVALID_STYLE`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import ValidationError
from stationapp.ui.error_label import ERROR_COLOR, ErrorLabel
from stationapp.ui.notices import ChangeNotice
from stationapp.ui.operations import (
    FailureTexts,
    NoticeFor,
    OperationContext,
    Operations,
    ProblemsHandler,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_InputT = TypeVar("_InputT", bound="DataclassInstance")

ERROR_ROW_BACKGROUND = QColor("#fde7e7")
"""Background of a table row that has a problem."""

INACTIVE_COLOR = QColor("#666666")
"""Text colour of rows that are shown for the record only (moved away, deceased)."""

INVALID_STYLE = (
    "*[invalid=\"true\"] { border: 1px solid #b3261e; border-radius: 2px; }"
)
"""Style sheet rule that frames a field marked with :func:`mark_invalid`."""


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Frame ``widget`` in red (or remove the frame); needs :data:`INVALID_STYLE` applied."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class _WheelGuard(QObject):
    """Passes the wheel over a field without the focus on to the form around it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ignore a wheel event over a watched widget that does not have the focus: Qt
        then offers it to the parents (a table or scroll area scrolls)."""
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget)
                and not watched.hasFocus()):
            event.ignore()
            return True
        return False


_WHEEL_GUARD: list[_WheelGuard] = []


def guard_wheel(*widgets: QWidget) -> None:
    """The mouse wheel changes these drop-downs or number boxes only while they have the
    keyboard focus (and does not give them the focus), so scrolling past does not change
    a value."""
    if not _WHEEL_GUARD:
        _WHEEL_GUARD.append(_WheelGuard())
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_WHEEL_GUARD[0])


class _ClearOnEdit(QObject):
    """Takes a field's problem away (message and red frame) once the clerk edits it."""

    def __init__(self, field: QWidget, label: ErrorLabel) -> None:
        super().__init__(field)
        self.setObjectName("clear_problem_on_edit")
        self._field = field
        self._label = label
        for widget in _inputs(field):
            for signal in _edit_signals(widget):
                signal.connect(self.clear)

    def clear(self) -> None:
        """Hide the message and the red frame."""
        self._label.clear_message()
        mark_invalid(self._field, False)


def _inputs(field: QWidget) -> list[QWidget]:
    """``field`` when the clerk edits it directly, else the inputs inside it."""
    if _edit_signals(field):
        return [field]
    return [child for child in field.findChildren(QWidget) if _edit_signals(child)]


def _edit_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals that say the clerk changed ``widget``'s value."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged, widget.editTextChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.toggled]
    return []


def clear_problem_on_edit(field: QWidget, label: ErrorLabel) -> None:
    """Once the clerk edits ``field``, hide ``label`` and the field's red frame: the
    message goes when the problem is being fixed (a save shows it again if it is not)."""
    if field.findChild(_ClearOnEdit, "clear_problem_on_edit",
                       Qt.FindChildOption.FindDirectChildrenOnly) is None:
        _ClearOnEdit(field, label)


def with_error(field: QWidget, error: ErrorLabel, parent: QWidget | None = None) -> QWidget:
    """A widget holding ``field`` with ``error`` directly beneath it, for a form row."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> date | None:
    """A date typed as YYYY-MM-DD (also ``/``, ``.`` or 8 digits); None when empty.

    Raises :class:`ValueError` when the text is not a real date in one of those forms.
    """
    raw = text.strip()
    if not raw:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    raise ValueError(raw)


def format_date(value: date | None) -> str:
    """A date as YYYY-MM-DD, empty for None."""
    return value.isoformat() if value else ""


def to_qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


__all__ = [
    "ERROR_COLOR", "ERROR_ROW_BACKGROUND", "INACTIVE_COLOR", "INVALID_STYLE", "ErrorLabel",
    "SavingFormMixin", "clear_field_problems", "clear_problem_on_edit", "confirm_discard",
    "differs_apart_from_version", "format_date", "from_qdate", "guard_wheel", "mark_invalid",
    "parse_date", "save_cancel_buttons",
    "save_in_one_transaction", "select_table_row", "select_table_rows", "show_field_problem",
    "show_field_problems", "to_qdate", "with_error",
]


def select_table_row(table: QTableView, row: int | None) -> bool:
    """Make ``row`` the current, selected and visible row of ``table``.

    ``row`` may be None (what a model's ``row_of`` says of an id it does not list): then
    nothing changes and the answer is False.
    """
    if row is None:
        return False
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
    return True


def select_table_rows(
    table: QTableView, rows: Sequence[int], current_row: int | None = None
) -> None:
    """Make ``rows`` the selected rows of ``table`` (a Qt selection, not a query), with
    ``current_row`` (default: the first of ``rows``) current. An empty ``rows`` leaves the
    selection as it is and only moves the current row, if one is given."""
    model, selection_model = table.model(), table.selectionModel()
    select = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    if rows:
        current_row = rows[0] if current_row is None else current_row
        selection_model.clearSelection()
        for row in rows:
            if row != current_row:
                selection_model.setCurrentIndex(model.index(row, 0), select)
    if current_row is not None:
        flags = select if current_row in rows else QItemSelectionModel.SelectionFlag.NoUpdate
        selection_model.setCurrentIndex(model.index(current_row, 0), flags)


def save_cancel_buttons(
    dialog: QDialog, save: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A Save / Cancel button box for ``dialog``: Save is the default button and calls
    ``save``, Cancel calls the dialog's ``reject``. Returns the box and both buttons."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save_button = box.button(QDialogButtonBox.StandardButton.Save)
    cancel_button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert save_button is not None and cancel_button is not None
    save_button.setDefault(True)
    box.accepted.connect(save)
    box.rejected.connect(dialog.reject)
    return box, save_button, cancel_button


def confirm_discard(parent: QWidget, title: str, question: str) -> bool:
    """Ask whether unsaved changes may be thrown away; True means discard."""
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def save_in_one_transaction(
    parent: QWidget,
    operations: Operations,
    write: Callable[[OperationContext], int],
    notice: NoticeFor[int],
    show_problems: ProblemsHandler,
    texts: FailureTexts,
) -> int | None:
    """Run ``write`` in one transaction through ``operations`` and announce ``notice``.

    Problems go to ``show_problems`` (shown beside the fields); a conflict, a vanished
    row, a value another desk just saved too, or what the environment did (disk full,
    ledger locked or gone) gets a message box in ``texts``' words (see
    :meth:`~stationapp.ui.operations.Operations.change`). Returns the saved id, or None
    when nothing was written (and nothing announced).
    """
    done = operations.change(parent, write, notice, texts, on_problems=show_problems)
    return None if done is None else done.value


def differs_apart_from_version(current: _InputT, initial: _InputT) -> bool:
    """True when a form's input differs from the loaded one in more than its ``version``."""
    return replace(current, version=None) != replace(initial, version=None)


def clear_field_problems(
    errors: Mapping[str, ErrorLabel], fields: Mapping[str, QWidget], general: ErrorLabel
) -> None:
    """Hide the message under every field and under the form; remove the red frames."""
    for name, label in errors.items():
        label.clear_message()
        if name in fields:
            mark_invalid(fields[name], False)
    general.clear_message()


def show_field_problem(
    errors: Mapping[str, ErrorLabel],
    fields: Mapping[str, QWidget],
    general: ErrorLabel,
    name: str,
    message: str,
) -> None:
    """Show ``message`` under the field ``name`` and frame it in red; else under the form."""
    if name in errors and name in fields:
        errors[name].show_message(message)
        mark_invalid(fields[name], True)
        clear_problem_on_edit(fields[name], errors[name])
    else:
        general.show_message(message)


def show_field_problems(
    errors: Mapping[str, ErrorLabel],
    fields: Mapping[str, QWidget],
    problems: Mapping[str, str],
    order: Sequence[str],
) -> QWidget | None:
    """Show ``problems`` (field → message) under their fields, framed in red, and clear
    every other field; the first field of ``order`` with a problem, None when none has."""
    for name, label in errors.items():
        label.clear_message()
        mark_invalid(fields[name], False)
    first: QWidget | None = None
    for name in order:
        if name in problems:
            errors[name].show_message(problems[name])
            mark_invalid(fields[name], True)
            clear_problem_on_edit(fields[name], errors[name])
            first = first or fields[name]
    return first


class SavingFormMixin(Generic[_InputT]):
    """Save (Enter) and Cancel (Esc) of an editing dialog; list it before QDialog.

    Save clears the problems shown, hands :meth:`current_input` to ``_write`` in one
    transaction through the operation runner (:func:`save_in_one_transaction`), which
    announces ``_notice`` of the saved id; then it calls ``_saved`` with the id and
    accepts. Cancel asks before throwing changes away. The dialog supplies the methods
    below that raise NotImplementedError, ``_operations`` and ``_initial``. Its texts come
    translated from ``_failure_texts`` and ``_discard_texts``, so that their ``tr()``
    stays in the dialog's own class, where the translation keys it.
    """

    _operations: Operations
    _initial: _InputT

    def current_input(self) -> _InputT:
        """The record as the form describes it (what Save hands to the service)."""
        raise NotImplementedError

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show the problems of a refused save beside their fields."""
        raise NotImplementedError

    def _clear_problems(self) -> None:
        raise NotImplementedError

    def _write(self, ctx: OperationContext, data: _InputT) -> int:
        raise NotImplementedError

    def _notice(self, saved_id: int) -> ChangeNotice:
        """What a save of the record ``saved_id`` changed (announced to every page)."""
        raise NotImplementedError

    def _saved(self, saved_id: int) -> None:
        raise NotImplementedError

    def _failure_texts(self) -> FailureTexts:
        """Translated words of a refused save (not-saved title, conflict title and advice)."""
        raise NotImplementedError

    def _discard_texts(self) -> tuple[str, str]:
        """Translated (title, question) of the discard-changes question."""
        raise NotImplementedError

    def _dialog(self) -> QDialog:
        assert isinstance(self, QDialog)
        return self

    def is_modified(self) -> bool:
        """True when the form differs from what was loaded (or from the empty form)."""
        return differs_apart_from_version(self.current_input(), self._initial)

    def _save_form(self) -> int | None:
        """Write the form in one transaction: the saved id, or None (problems shown)."""
        self._clear_problems()
        data = self.current_input()
        return save_in_one_transaction(
            self._dialog(), self._operations, lambda ctx: self._write(ctx, data),
            self._notice, self.show_problems, self._failure_texts(),
        )

    def save(self) -> bool:
        """Validate and save in one transaction; on success accept. True when saved."""
        saved = self._save_form()
        if saved is None:
            return False
        self._saved(saved)
        QDialog.accept(self._dialog())
        return True

    def accept(self) -> None:
        """Accepting the dialog (Enter) means saving it."""
        self.save()

    def reject(self) -> None:
        """Close without saving; ask first when something was changed."""
        if self._may_discard():
            QDialog.reject(self._dialog())

    def _may_discard(self) -> bool:
        """True when nothing was changed or the clerk agrees to throw the changes away."""
        return not self.is_modified() or confirm_discard(self._dialog(), *self._discard_texts())
