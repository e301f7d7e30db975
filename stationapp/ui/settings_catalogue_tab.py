"""The list tabs' common ground: a table of station-wide entries and the entry dialog.

:class:`CatalogueTab` is a table of entries (event types, items, request categories) with
Add…, Edit… and an *In use* check box per row; every change is saved at once through the
operation runner (one transaction each, announced as a change of :attr:`Area.SETTINGS`).
:class:`CatalogueEntryDialog` asks for a name (and for items a unit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.ui.form_helpers import (
    INACTIVE_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    clear_field_problems,
    show_field_problem,
    with_error,
)
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import OperationContext, Operations
from stationapp.ui.text_limits import limit_text

T = TypeVar("T")

_ID_ROLE = Qt.ItemDataRole.UserRole


class CatalogueEntryDialog(QDialog):
    """Ask for a name (and, for items, a unit); ``save`` stores it or raises ValidationError.

    ``save`` is called with the name and unit typed (the unit is ``""`` when the dialog has
    no unit field). A ValidationError is shown in red under its field and the dialog stays
    open; on success the dialog is accepted.
    """

    def __init__(
        self,
        title: str,
        save: Callable[[str, str], object],
        name: str = "",
        unit: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form; ``unit`` None means there is no unit field."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self._save = save
        self.errors = {"name": ErrorLabel(self), "unit": ErrorLabel(self)}
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("name")
        # Event types, items and request categories share one name limit.
        limit_text(self.name_edit, text_rules.ITEM_NAME)
        self.unit_edit: QLineEdit | None = None
        self._fields: dict[str, QWidget] = {"name": self.name_edit}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, with_error(self.name_edit, self.errors["name"], self))
        if unit is not None:
            self.unit_edit = QLineEdit(unit, self)
            self.unit_edit.setObjectName("unit")
            self.unit_edit.setPlaceholderText(self.tr("e.g. 幅, 张, 份"))
            limit_text(self.unit_edit, text_rules.ITEM_UNIT)
            self._fields["unit"] = self.unit_edit
            unit_label = QLabel(self.tr("&Unit:"), self)
            unit_label.setBuddy(self.unit_edit)
            form.addRow(unit_label, with_error(self.unit_edit, self.errors["unit"], self))
        self.general_error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.name_edit.selectAll()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(360, self.sizeHint().height())

    def save(self) -> bool:
        """Hand the form to ``save``; accept on success, else show the problems. True if saved."""
        clear_field_problems(self.errors, self._fields, self.general_error)
        unit = self.unit_edit.text() if self.unit_edit is not None else ""
        try:
            self._save(self.name_edit.text(), unit)
        except ValidationError as exc:
            for problem in exc.problems:
                show_field_problem(self.errors, self._fields, self.general_error,
                                   problem.field, problem.message)
            return False
        except NotFoundError as exc:
            self.general_error.show_message(str(exc))
            return False
        super().accept()
        return True

    def accept(self) -> None:
        """Accepting (Enter) means saving."""
        self.save()


class CatalogueTab(QWidget):
    """A table of station-wide entries with Add…, Edit… and an In use check box per row.

    Subclasses say which columns there are, how to list and how to save; every change is
    saved at once in its own transaction, and a refused change is shown in red under the
    table (the table is then read again, so it always shows what is stored).
    """

    def __init__(
        self, operations: Operations, headers: Sequence[str], add_text: str, edit_text: str,
        parent: QWidget | None = None,
    ) -> None:
        """Build the table and buttons; subclasses list the entries (:meth:`reload`)."""
        super().__init__(parent)
        self._operations = operations
        self._loading = False
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(64)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton(edit_text, self)
        self.edit_button.clicked.connect(self.edit_current)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self._update_buttons()

    # ------------------------------------------------ to be filled in by subclasses

    @property
    def active_column(self) -> int:
        """The column holding the In use check box (the last one)."""
        return self.table.columnCount() - 1

    def reload(self) -> None:
        """Read the list again from the database."""
        raise NotImplementedError

    def add_entry(self) -> None:
        """Ask for a new entry and save it."""
        raise NotImplementedError

    def edit_entry(self, entry_id: int) -> None:
        """Ask for changes to an entry and save them."""
        raise NotImplementedError

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an entry in use or retire it; True when saved."""
        raise NotImplementedError

    # ------------------------------------------------ shared

    def _read(self, work: Callable[[Session], T]) -> T:
        """Read with ``work`` in a session of its own."""
        return self._operations.read(work)

    def _change(self, work: Callable[[OperationContext], T]) -> T:
        """Save with ``work`` in one transaction and announce that the settings changed.

        A refusal (ValidationError, NotFoundError …) is raised to the caller, who shows it
        beside the table or in the entry dialog.
        """
        return self._operations.run(work, changed(Area.SETTINGS, origin=self)).value

    def _fill(self, rows: Sequence[tuple[int, Sequence[str], bool]]) -> None:
        """Show ``rows`` of (id, texts, active), keeping the selected entry selected."""
        selected = self.current_id()
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for r, (entry_id, texts, active) in enumerate(rows):
                for c, text in enumerate(texts):
                    cell = QTableWidgetItem(text)
                    cell.setData(_ID_ROLE, entry_id)
                    if not active:
                        cell.setForeground(INACTIVE_COLOR)
                    self.table.setItem(r, c, cell)
                check = QTableWidgetItem()
                check.setData(_ID_ROLE, entry_id)
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsUserCheckable)
                check.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
                self.table.setItem(r, self.active_column, check)
                if entry_id == selected:
                    self.table.selectRow(r)
        finally:
            self._loading = False
        self._update_buttons()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """The table cell at ``row``, ``column`` (every cell is filled by :meth:`_fill`)."""
        cell = self.table.item(row, column)
        assert cell is not None
        return cell

    def _row_of(self, entry_id: int) -> int | None:
        """The row listing ``entry_id``, None when it is not listed."""
        for row in range(self.table.rowCount()):
            if self._cell(row, 0).data(_ID_ROLE) == entry_id:
                return row
        return None

    def current_id(self) -> int | None:
        """The id of the selected entry, None when nothing is selected."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            return None
        value = self._cell(rows[0].row(), 0).data(_ID_ROLE)
        return int(value) if value is not None else None

    def select_id(self, entry_id: int) -> None:
        """Select the row of ``entry_id`` (when listed)."""
        row = self._row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollToItem(self._cell(row, 0))

    def edit_current(self) -> None:
        """Edit the selected entry (Edit… button, double-click)."""
        entry_id = self.current_id()
        if entry_id is not None:
            self.edit_entry(entry_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_id() is not None)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.active_column:
            return
        entry_id = item.data(_ID_ROLE)
        if entry_id is not None:
            self.set_active(int(entry_id), item.checkState() == Qt.CheckState.Checked)

    def _show_active(self, entry_id: int, active: bool) -> None:
        """Show an entry in use or retired in place (check box and grey text)."""
        row = self._row_of(entry_id)
        if row is None:
            return
        self._loading = True
        try:
            for column in range(self.active_column):
                self._cell(row, column).setForeground(
                    self.palette().text() if active else INACTIVE_COLOR)
            self._cell(row, self.active_column).setCheckState(
                Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def _run(self, action: Callable[[], object], reload: bool = True) -> bool:
        """Run a saving ``action``; show a refusal under the table. True when it worked."""
        self.error.clear_message()
        try:
            action()
        except (ValidationError, NotFoundError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.error.show_message(message)
            if reload:
                self.reload()
            return False
        if reload:
            self.reload()
        return True


__all__ = ["CatalogueEntryDialog", "CatalogueTab"]
