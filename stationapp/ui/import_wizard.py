"""The roster import wizard: choose a file → check the columns → preview every row → import.

Reading the file, planning the import and writing it run off the GUI thread (each in its
own session, through :class:`~stationapp.ui.workers.TaskRunner`) behind a progress dialog
with Cancel. The worker functions touch no widget: they report progress through a
:class:`_Bridge`, whose signal is delivered to the GUI thread, and they notice Cancel
because the bridge's callback returns False, which makes the service raise
:class:`~stationapp.services.roster_import.ImportCancelled` (the transaction rolls back).

The import itself plans the file again in the same session as the write, so what is
written never comes from a stale preview.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from stationapp.domain.errors import ImportFileError, StationError
from stationapp.domain.roster_cells import cell_text
from stationapp.domain.roster_columns import (
    RosterField,
    find_header_row,
    map_columns,
    missing_fields,
)
from stationapp.services.database import Database
from stationapp.services.households import list_communities
from stationapp.services.roster_files import (
    CSV_SUFFIXES,
    EXCEL_SUFFIXES,
    RosterTable,
    read_roster_file,
    sheet_names,
)
from stationapp.services.roster_import import (
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    ImportResult,
    RowAction,
    RowResult,
    apply_plan,
    plan_import,
)
from stationapp.services.roster_report import REPORT_SHEET, write_rejected_rows
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.form_helpers import ERROR_COLOR, ERROR_ROW_BACKGROUND, ErrorLabel
from stationapp.ui.workers import SessionTask, TaskRunner

log = logging.getLogger("stationapp.ui")

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex

LAST_FOLDER_KEY = "import/last_folder"
"""Desk setting: the folder the last roster was imported from."""

SHEET_PREVIEW_ROWS = 50
"""How many rows of the sheet the Columns page shows to help find the header."""

ACTION_COLORS: dict[RowAction, QColor] = {
    RowAction.CREATE: QColor("#1b7a2c"),
    RowAction.UPDATE: QColor("#1f5fa8"),
    RowAction.UNCHANGED: QColor("#6b6b6b"),
    RowAction.REJECT: ERROR_COLOR,
}
"""Text colour of the action column of the preview."""

HEADER_ROW_BACKGROUND = QColor("#fff3c4")
"""Background of the row of the sheet taken as the header."""


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# ---------------------------------------------------------------- models


class SheetRowsModel(QAbstractTableModel):
    """The first rows of a sheet as the spreadsheet shows them, the header row marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model."""
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._width = 0
        self._header: int | None = None

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        """Show ``rows`` (cells of any type, shown as tidy text)."""
        self.beginResetModel()
        self._rows = [tuple(cell_text(c) for c in row) for row in rows]
        self._width = max((len(r) for r in self._rows), default=0)
        self._header = None
        self.endResetModel()

    def header_row(self) -> int | None:
        """The 0-based row marked as the header."""
        return self._header

    def set_header_row(self, row: int | None) -> None:
        """Mark ``row`` (0-based) as the header row."""
        previous, self._header = self._header, row
        last = max(self._width - 1, 0)
        for changed in {previous, row}:
            if changed is not None and 0 <= changed < len(self._rows) and self._width:
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, last))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The widest row's number of cells."""
        return 0 if parent.isValid() else self._width

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the header row bold on a yellow background."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < self._width:
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()] if index.column() < len(row) else ""
        if index.row() == self._header:
            if role == Qt.ItemDataRole.BackgroundRole:
                return HEADER_ROW_BACKGROUND
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column letters across, spreadsheet row numbers down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section) if 0 <= section < self._width else None
        return str(section + 1) if 0 <= section < len(self._rows) else None


class PlanRowsModel(QAbstractTableModel):
    """Every data row of a planned import: row number, action, problems, then its cells.

    :meth:`set_only_rejected` narrows the rows to those that will not be imported.
    """

    FIXED_COLUMNS = 3
    """Row number, action and problems come before the cells of the file."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model."""
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._rows: list[RowResult] = []
        self._headers: tuple[str, ...] = ()
        self._only_rejected = False
        self._titles = (self.tr("Row"), self.tr("Result"), self.tr("Problems"))

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show the rows of ``plan`` (none for None)."""
        self.beginResetModel()
        self._plan = plan
        self._headers = plan.headers if plan is not None else ()
        self._rows = self._visible_rows()
        self.endResetModel()

    def set_only_rejected(self, only: bool) -> None:
        """Show only rejected rows (True) or every row."""
        if only == self._only_rejected:
            return
        self.beginResetModel()
        self._only_rejected = only
        self._rows = self._visible_rows()
        self.endResetModel()

    def row_result(self, row: int) -> RowResult | None:
        """The row shown on ``row``, None when out of range."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _visible_rows(self) -> list[RowResult]:
        if self._plan is None:
            return []
        if self._only_rejected:
            return list(self._plan.rejected)
        return list(self._plan.rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown (0 under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns and one per column of the file."""
        if parent.isValid() or self._plan is None:
            return 0
        return self.FIXED_COLUMNS + len(self._headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell; the action coloured; rejected rows on a red background."""
        if not index.isValid():
            return None
        result = self.row_result(index.row())
        column = index.column()
        if result is None or not 0 <= column < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(result.row_number)
            if column == 1:
                return result.action.label
            if column == 2:
                return "；".join(result.problems)
            cell = column - self.FIXED_COLUMNS
            return result.values[cell] if cell < len(result.values) else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and result.problems:
            return "\n".join(result.problems)
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            return ACTION_COLORS[result.action]
        if role == Qt.ItemDataRole.BackgroundRole and result.action is RowAction.REJECT:
            return ERROR_ROW_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Row, Result, Problems, then the file's headers (its column letter when empty)."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < self.FIXED_COLUMNS:
            return self._titles[section]
        cell = section - self.FIXED_COLUMNS
        return self._headers[cell] or column_letter(cell)


# ---------------------------------------------------------------- background work


class _Bridge(QObject):
    """What a worker function gets to report progress and learn about Cancel.

    :meth:`report` is called in the worker thread; the signal reaches the GUI thread queued.
    """

    progressed = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()

    def report(self, step: str, done: int, total: int) -> bool:
        """Tell the GUI how far ``step`` is; False once the clerk pressed Cancel."""
        self.progressed.emit(step, done, total)
        return not self._stop.is_set()

    def progress_of(self, step: str) -> Callable[[int, int], bool]:
        """A service progress callback (done, total) → keep going, for ``step``."""
        return lambda done, total: self.report(step, done, total)

    def stop(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._stop.set()

    def stopped(self) -> bool:
        """Whether Cancel was pressed."""
        return self._stop.is_set()


@dataclass
class _Running:
    task: SessionTask[Any]
    dialog: QProgressDialog
    bridge: _Bridge
    cancel: Callable[[], None]


# ---------------------------------------------------------------- pages


class FilePage(QWizardPage):
    """Page 1: the file, its sheet, and a community for addresses without one."""

    def __init__(self, owner: ImportWizard) -> None:
        """Build the page for ``owner``."""
        super().__init__(owner)
        self._owner = owner
        self.setTitle(self.tr("Choose file"))
        self.setSubTitle(self.tr(
            "Choose the roster to import: an Excel workbook (.xlsx) or a CSV file."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("Type the path or press Browse…"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheet")
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("default_community")
        self.community_combo.setEditable(True)
        self.community_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.community_combo.setMinimumWidth(220)
        self.sheet_combo.setMinimumWidth(220)
        self.error_label = ErrorLabel(self)
        self.error_label.setObjectName("file_error")
        hint = QLabel(self.tr("Used for rows whose address does not name a community."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b6b6b;")

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        sheet_label = QLabel(self.tr("&Sheet:"), self)
        sheet_label.setBuddy(self.sheet_combo)
        form.addRow(sheet_label, self.sheet_combo)
        community_label = QLabel(self.tr("Default &community:"), self)
        community_label.setBuddy(self.community_combo)
        form.addRow(community_label, self.community_combo)
        form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.path_edit.textChanged.connect(self._path_changed)
        self.path_edit.editingFinished.connect(self._check_path_exists)
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self.error_label.clear_message())
        self._sheets_of: Path | None = None

    def fill_communities(self, names: Sequence[str]) -> None:
        """Offer ``names`` as default community (the field stays empty until chosen)."""
        self.community_combo.clear()
        self.community_combo.addItems(list(names))
        self.community_combo.setCurrentIndex(-1)
        self.community_combo.setEditText("")

    def path(self) -> Path | None:
        """The file typed or chosen, None while the field is empty."""
        text = self.path_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        """Put ``path`` into the file field (and read its sheet names)."""
        self.path_edit.setText(str(path))
        self._check_path_exists()

    def sheet(self) -> str | None:
        """The chosen sheet, None when the file has none to choose."""
        text = self.sheet_combo.currentText()
        return text or None

    def default_community(self) -> str:
        """The community typed or chosen for addresses without one."""
        return self.community_combo.currentText().strip()

    def show_error(self, message: str) -> None:
        """Show ``message`` under the fields."""
        self.error_label.clear_message()
        self.error_label.show_message(message)

    def browse(self) -> None:
        """Ask for the file with a file dialog, starting in the last folder used."""
        current = self.path()
        folder = str(current.parent) if current is not None else self._owner.last_folder()
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a roster"), folder,
            self.tr("Rosters (*.xlsx *.xls *.ods *.csv *.txt)"))
        if chosen:
            self.set_path(Path(chosen))

    def isComplete(self) -> bool:
        """A readable file with its sheets listed, and nothing running."""
        return self._sheets_of is not None and self._sheets_of == self.path() \
            and not self._owner.busy()

    def validatePage(self) -> bool:
        """Go on once the sheet is read and looks like a roster (read it first if needed)."""
        path, sheet = self.path(), self.sheet()
        if path is None or self._owner.busy():
            return False
        if self._owner.has_table(path, sheet):
            return True
        self.error_label.clear_message()
        self._owner.read_file(path, sheet)
        return False

    def _path_changed(self) -> None:
        self.error_label.clear_message()
        self.sheet_combo.clear()
        self._sheets_of = None
        path = self.path()
        if path is not None and path.is_file():
            try:
                if path.suffix.lower() not in (*EXCEL_SUFFIXES, *CSV_SUFFIXES):
                    read_roster_file(path)  # refuses other files (.pdf …) in plain words
                names = sheet_names(path)
            except ImportFileError as exc:
                self.show_error(str(exc))
            else:
                self.sheet_combo.addItems(list(names))
                self._sheets_of = path
        self.completeChanged.emit()

    def _check_path_exists(self) -> None:
        path = self.path()
        if path is not None and not path.is_file() and not self.error_label.text():
            self.show_error(self.tr("There is no file {path}.").format(path=path))


class ColumnsPage(QWizardPage):
    """Page 2: the header row and what each column of the file holds."""

    def __init__(self, owner: ImportWizard) -> None:
        """Build the page for ``owner``."""
        super().__init__(owner)
        self._owner = owner
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr(
            "Check the header row (marked in yellow) and what each column holds. Columns "
            "set to “(ignore)” are not imported."))
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("header_row")
        self.header_spin.setMinimum(1)
        self.sheet_model = SheetRowsModel(self)
        self.sheet_view = QTableView(self)
        self.sheet_view.setObjectName("sheet_rows")
        self.sheet_view.setModel(self.sheet_model)
        self.sheet_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sheet_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sheet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheet_view.setMinimumHeight(150)
        self.sheet_view.verticalHeader().setDefaultSectionSize(22)
        self.sheet_view.horizontalHeader().setDefaultSectionSize(90)
        self.mapping_area = QScrollArea(self)
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setMinimumHeight(150)
        self.problems_label = ErrorLabel(self)
        self.problems_label.setObjectName("mapping_problems")
        self.combos: list[QComboBox] = []

        header_row = QHBoxLayout()
        header_label = QLabel(self.tr("&Header row:"), self)
        header_label.setBuddy(self.header_spin)
        header_row.addWidget(header_label)
        header_row.addWidget(self.header_spin)
        header_row.addWidget(QLabel(self.tr("(click a row below to take it as the header)"),
                                    self), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(self.sheet_view, 2)
        layout.addWidget(QLabel(self.tr("What each column holds:"), self))
        layout.addWidget(self.mapping_area, 3)
        layout.addWidget(self.problems_label)

        self._table: RosterTable | None = None
        self.header_spin.valueChanged.connect(self._header_changed)
        self.sheet_view.clicked.connect(lambda index: self.header_spin.setValue(index.row() + 1))

    def initializePage(self) -> None:
        """Show the sheet read on page 1 (kept as corrected when it is the same sheet)."""
        table = self._owner.table
        if table is None or table is self._table:
            return
        self._table = table
        self.sheet_model.set_rows(table.rows[:SHEET_PREVIEW_ROWS])
        header = find_header_row(table.rows) or 0
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(table.rows)))
        self.header_spin.setValue(header + 1)
        self.header_spin.blockSignals(False)
        self._header_changed(header + 1)

    def header_index(self) -> int:
        """The 0-based index of the header row."""
        return self.header_spin.value() - 1

    def mapping(self) -> dict[int, RosterField]:
        """Column index → field, as the combos say."""
        mapping: dict[int, RosterField] = {}
        for column, combo in enumerate(self.combos):
            value = combo.currentData()
            if value:
                mapping[column] = RosterField(value)
        return mapping

    def set_field(self, column: int, field: RosterField | None) -> None:
        """Say that ``column`` holds ``field`` (None: ignore the column)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value if field else ""))

    def problems(self) -> list[str]:
        """Why the mapping cannot be imported yet, in plain words (empty when it can)."""
        mapping = self.mapping()
        found = list(missing_fields(mapping))
        columns: dict[RosterField, list[str]] = {}
        for column, field in mapping.items():
            columns.setdefault(field, []).append(column_letter(column))
        for field, letters in columns.items():
            if len(letters) > 1:
                found.append(self.tr("“{field}” is chosen for more than one column ({columns})")
                             .format(field=field.label, columns="、".join(letters)))
        return found

    def isComplete(self) -> bool:
        """Enough columns are mapped, each field at most once."""
        return self._table is not None and not self.problems()

    def _header_changed(self, value: int) -> None:
        table = self._table
        if table is None:
            return
        index = value - 1
        self.sheet_model.set_header_row(index if index < SHEET_PREVIEW_ROWS else None)
        if index < SHEET_PREVIEW_ROWS:
            self.sheet_view.scrollTo(self.sheet_model.index(index, 0))
        header = table.rows[index] if index < len(table.rows) else ()
        self._build_combos(header, table.rows[index + 1:index + 1 + SHEET_PREVIEW_ROWS])

    def _build_combos(self, header: Sequence[object],
                      data_rows: Sequence[Sequence[object]]) -> None:
        width = max([len(header), *(len(r) for r in data_rows)], default=0)
        mapping = map_columns(header)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setColumnStretch(2, 1)
        self.combos = []
        for column in range(width):
            title = cell_text(header[column]) if column < len(header) else ""
            label = QLabel(self.tr("Column {letter}: {title}").format(
                letter=column_letter(column), title=title or self.tr("(no header)")), holder)
            combo = QComboBox(holder)
            combo.setObjectName(f"column_{column}")
            combo.addItem(self.tr("(ignore)"), "")
            for field in RosterField:
                combo.addItem(field.label, field.value)
            mapped = mapping.get(column)
            combo.setCurrentIndex(combo.findData(mapped.value) if mapped else 0)
            combo.currentIndexChanged.connect(lambda _index: self._mapping_changed())
            label.setBuddy(combo)
            sample = next((cell_text(r[column]) for r in data_rows
                           if column < len(r) and cell_text(r[column])), "")
            example = QLabel(self.tr("e.g. {value}").format(value=sample) if sample else "",
                             holder)
            example.setStyleSheet("color: #6b6b6b;")
            grid.addWidget(label, column, 0)
            grid.addWidget(combo, column, 1)
            grid.addWidget(example, column, 2)
            if self.combos:
                QWidget.setTabOrder(self.combos[-1], combo)
            self.combos.append(combo)
        grid.setRowStretch(width, 1)
        old = self.mapping_area.takeWidget()
        self.mapping_area.setWidget(holder)
        if old is not None:
            old.deleteLater()
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        self.problems_label.clear_message()
        for problem in self.problems():
            self.problems_label.show_message(problem)
        self.completeChanged.emit()


class PreviewPage(QWizardPage):
    """Page 3: what importing would do with every row, and the choice to stop on errors."""

    def __init__(self, owner: ImportWizard) -> None:
        """Build the page for ``owner``."""
        super().__init__(owner)
        self._owner = owner
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr(
            "Nothing has been written yet. Rows marked 不导入 are left out; press Import to "
            "import the others."))
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        bold = self.counts_label.font()
        bold.setBold(True)
        self.counts_label.setFont(bold)
        self.only_rejected_check = QCheckBox(self.tr("Show &only rejected rows"), self)
        self.save_button = QPushButton(self.tr("&Save rejected rows…"), self)
        self.save_button.setEnabled(False)
        self.stop_check = QCheckBox(
            self.tr("S&top on first error (import nothing if any row is rejected)"), self)
        self.warning_label = ErrorLabel(self)
        self.warning_label.setObjectName("preview_warning")
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = PlanRowsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("preview_rows")
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setDefaultSectionSize(100)

        tools = QHBoxLayout()
        tools.addWidget(self.only_rejected_check)
        tools.addStretch(1)
        tools.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.stop_check)
        layout.addWidget(self.warning_label)

        self.only_rejected_check.toggled.connect(self.model.set_only_rejected)
        self.save_button.clicked.connect(self.save_rejected_interactively)
        self.stop_check.toggled.connect(lambda _on: self._show_warning())

    def initializePage(self) -> None:
        """Plan the import with what pages 1 and 2 say (in the background)."""
        self.show_plan(None)
        self._owner.start_planning()

    def cleanupPage(self) -> None:
        """Going back: stop planning and forget the preview."""
        self._owner.cancel_work()
        self.show_plan(None)

    def show_plan(self, plan: ImportPlan | None) -> None:
        """Show the rows and counts of ``plan`` (None while it is being made)."""
        self.model.set_plan(plan)
        self.saved_label.clear()
        if plan is None:
            self.counts_label.setText(self.tr("Checking the rows…"))
            self.save_button.setEnabled(False)
        else:
            self.counts_label.setText(self.tr(
                "{new} new · {updated} updated · {unchanged} unchanged · {rejected} rejected"
            ).format(new=plan.count(RowAction.CREATE), updated=plan.count(RowAction.UPDATE),
                     unchanged=plan.count(RowAction.UNCHANGED),
                     rejected=plan.count(RowAction.REJECT)))
            self.save_button.setEnabled(bool(plan.rejected))
            self.view.setColumnWidth(0, 50)
            self.view.setColumnWidth(1, 60)
            self.view.setColumnWidth(2, 280)
        self._show_warning()
        self.completeChanged.emit()

    def save_rejected_interactively(self) -> None:
        """Ask where to save the rejected rows as .xlsx, then save them there."""
        plan = self._owner.plan
        if plan is None or not plan.rejected:
            return
        suggested = Path(self._owner.last_folder()) / \
            f"{plan.table.path.stem}-{REPORT_SHEET}.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(suggested),
            self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            self._owner.save_rejected_rows(target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The rejected rows could not be saved as {path}: {reason}. Choose another "
                "folder, or close the file if it is open in Excel or WPS."
            ).format(path=target, reason=exc.strerror or exc))
            return
        self.saved_label.setText(self.tr("%n rejected row(s) saved to {path}.", "",
                                         len(plan.rejected)).format(path=target))

    def isComplete(self) -> bool:
        """The preview is ready and nothing is running."""
        return self._owner.plan is not None and not self._owner.busy()

    def validatePage(self) -> bool:
        """Import (Finish): the wizard closes once the import has been written."""
        return self._owner.finish_page()

    def _show_warning(self) -> None:
        plan = self._owner.plan
        self.warning_label.clear_message()
        if plan is not None and plan.rejected and self.stop_check.isChecked():
            self.warning_label.show_message(self.tr(
                "%n row(s) are rejected, so nothing will be imported while “Stop on first "
                "error” is ticked.", "", len(plan.rejected)))


# ---------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Import a roster: choose file → columns → preview → Import.

    ``imported(ImportResult)`` is emitted after rows were written (refresh the households
    page then). ``planned(ImportPlan)`` is emitted when a preview is ready.
    """

    imported = Signal(object)
    planned = Signal(object)

    FILE_PAGE, COLUMNS_PAGE, PREVIEW_PAGE = 0, 1, 2

    def __init__(
        self, database: Database, actor: str, parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        """A wizard importing into ``database`` as ``actor``; ``path`` fills in the file."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._runner = TaskRunner(database, self)
        self._running: _Running | None = None
        self._table_key: tuple[Path, str | None] | None = None
        self.table: RosterTable | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        """What the import wrote, once it has."""
        self.progress_dialog: QProgressDialog | None = None
        """The progress dialog of the work running now (None when idle)."""
        self.setWindowTitle(self.tr("Import roster"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.COLUMNS_PAGE, self.columns_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        with database.session() as session:
            self.file_page.fill_communities([c.name for c in list_communities(session)])
        if path is not None:
            self.file_page.set_path(path)
        self.resize(860, 620)

    # ------------------------------------------------------------ state

    def busy(self) -> bool:
        """True while a file is read, a plan made or an import written."""
        return self._running is not None

    def has_table(self, path: Path, sheet: str | None) -> bool:
        """Whether ``sheet`` of ``path`` has been read and checked already."""
        return self.table is not None and self._table_key == (path, sheet)

    def last_folder(self) -> str:
        """The folder a roster was last imported from on this desk (home at first)."""
        return str(desk_settings().value(LAST_FOLDER_KEY, "") or Path.home())

    def import_options(self) -> ImportOptions:
        """What pages 1–3 say about how to read the file."""
        return ImportOptions(
            header_row=self.columns_page.header_index(),
            mapping=self.columns_page.mapping(),
            default_community=self.file_page.default_community(),
            stop_on_first_error=self.preview_page.stop_check.isChecked(),
        )

    def save_rejected_rows(self, path: Path) -> None:
        """Write the rejected rows of the preview to ``path`` (.xlsx); OSError if it fails."""
        if self.plan is None:
            return
        write_rejected_rows(self.plan.rejected, self.plan.headers, path,
                            self.plan.table.path.name)
        log.info("rejected rows of %s saved as %s", self.plan.table.path.name, path)

    # ------------------------------------------------------------ steps

    def read_file(self, path: Path, sheet: str | None) -> None:
        """Read ``sheet`` of ``path`` in the background; go to page 2 when it is a roster."""

        def work(_session: Session, bridge: _Bridge) -> RosterTable:
            def rows_read(rows: int) -> None:
                bridge.report("read", rows, 0)

            return read_roster_file(path, sheet, rows_read)

        def done(table: RosterTable) -> None:
            if find_header_row(table.rows) is None:
                self.file_page.show_error(self.tr(
                    "This file does not look like a roster: none of its first 20 rows has "
                    "headers such as 姓名, 住址 or 身份证号. Choose the sheet with the "
                    "households, or another file."))
                return
            self.table = table
            self._table_key = (path, sheet)
            desk_settings().setValue(LAST_FOLDER_KEY, str(path.parent))
            self.next()

        def failed(error: BaseException) -> None:
            if not isinstance(error, StationError):
                raise error
            self.file_page.show_error(str(error))

        self.table, self.plan, self._table_key = None, None, None
        self._start(self.tr("Reading {name}…").format(name=path.name), work, done, failed,
                    on_cancel=lambda: None, drop_on_cancel=True)

    def start_planning(self) -> None:
        """Plan the import for the preview in the background (Cancel goes back a page)."""
        table = self.table
        if table is None:
            return
        self.plan = None
        options, today = self.import_options(), self._database.clock.today()

        def work(session: Session, bridge: _Bridge) -> ImportPlan:
            return plan_import(session, table, options, today=today,
                               progress=bridge.progress_of("plan"))

        def done(plan: ImportPlan) -> None:
            self.plan = plan
            self.preview_page.show_plan(plan)
            self.planned.emit(plan)

        def failed(error: BaseException) -> None:
            if isinstance(error, ImportCancelled):
                return
            if not isinstance(error, StationError):
                raise error
            self.preview_page.show_plan(None)
            self.preview_page.counts_label.setText("")
            self.preview_page.warning_label.show_message(str(error))

        self._start(self.tr("Checking the rows of {name}…").format(name=table.path.name),
                    work, done, failed, on_cancel=self.back, drop_on_cancel=True)

    def finish_page(self) -> bool:
        """Finish pressed: True once the import is written, else start writing it."""
        if self.import_result is not None:
            return True
        if self.busy() or self.table is None or self.plan is None:
            return False
        self.start_import()
        return False

    def start_import(self) -> None:
        """Plan again and write, in one transaction in the background."""
        table = self.table
        if table is None:
            return
        options, actor = self.import_options(), self._actor
        today = self._database.clock.today()

        def work(session: Session, bridge: _Bridge) -> ImportResult:
            plan = plan_import(session, table, options, today=today,
                               progress=bridge.progress_of("plan"))
            return apply_plan(session, plan, actor, today=today,
                              progress=bridge.progress_of("write"))

        self._start(self.tr("Importing {name}…").format(name=table.path.name), work,
                    self._imported, self._import_failed, on_cancel=lambda: None,
                    drop_on_cancel=False)

    def cancel_work(self) -> None:
        """Stop what runs in the background, as the progress dialog's Cancel does."""
        if self._running is not None:
            self._running.cancel()

    def wait(self) -> None:
        """Wait for background work to end (when the wizard closes)."""
        self._runner.wait_all(cancel=True)

    def _imported(self, result: ImportResult) -> None:
        rejected = len(result.rejected)
        if not result.written:
            QMessageBox.information(self, self.tr("Nothing imported"), self.tr(
                "Nothing was imported: %n row(s) have problems and “Stop on first error” is "
                "ticked. Save the rejected rows, correct them in the sheet and import again, "
                "or untick the box.", "", rejected))
            return
        self.import_result = result
        self.imported.emit(result)
        QMessageBox.information(self, self.tr("Import finished"), self.tr(
            "The roster was imported.\n\n"
            "New people: {created}\nUpdated: {updated}\nUnchanged: {unchanged}\n"
            "Not imported: {rejected}\n\n"
            "{households_created} new household(s), {households_updated} household(s) "
            "changed.").format(
                created=result.created, updated=result.updated, unchanged=result.unchanged,
                rejected=rejected, households_created=result.households_created,
                households_updated=result.households_updated))
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            QMessageBox.information(self, self.tr("Import cancelled"), self.tr(
                "The import was cancelled. Nothing was imported."))
            return
        if not isinstance(error, StationError):
            raise error
        QMessageBox.warning(self, self.tr("Not imported"), self.tr(
            "Nothing was imported: {reason}").format(reason=error))

    # ------------------------------------------------------------ running work

    def _start(
        self, text: str, work: Callable[[Session, _Bridge], T],
        on_success: Callable[[T], None], on_failure: Callable[[BaseException], None],
        on_cancel: Callable[[], None], drop_on_cancel: bool,
    ) -> None:
        """Run ``work`` in the background behind a progress dialog with Cancel.

        ``drop_on_cancel``: Cancel forgets the work at once (reading, previewing). Otherwise
        (writing) Cancel only asks the work to stop, and its outcome is still reported: the
        service raises ImportCancelled (rolled back) or, past its last check, finishes.
        """
        bridge = _Bridge(self)
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the 400 ms timer (a busy dialog would wait 4 s)

        def succeeded(result: T) -> None:
            self._end()
            on_success(result)

        def failed(error: BaseException) -> None:
            self._end()
            on_failure(error)

        def cancelled() -> None:
            if self._running is not running or bridge.stopped():
                return
            bridge.stop()
            if drop_on_cancel:
                running.task.cancel()
                self._end()
                on_cancel()
            else:
                dialog.setLabelText(self.tr("Stopping the import…"))

        task: SessionTask[T] = self._runner.run(lambda session: work(session, bridge),
                                                succeeded, failed)
        running = _Running(task, dialog, bridge, cancelled)
        task.finished.connect(bridge.deleteLater)  # not before: a dropped task may report
        bridge.progressed.connect(
            lambda step, done, total: self._show_progress(running, step, done, total),
            Qt.ConnectionType.QueuedConnection)
        dialog.canceled.connect(cancelled)
        self._running = running
        self.progress_dialog = dialog
        self._complete_changed()

    def _show_progress(self, running: _Running, step: str, done: int, total: int) -> None:
        if self._running is not running or running.bridge.stopped():
            return
        dialog = running.dialog
        if step == "read":
            dialog.setLabelText(self.tr("Reading the file… %n row(s) read", "", done))
            return
        if step == "write":
            dialog.setLabelText(self.tr("Writing the households…"))
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _end(self) -> None:
        running, self._running = self._running, None
        self.progress_dialog = None
        if running is not None:
            running.dialog.canceled.disconnect(running.cancel)
            running.dialog.close()
            running.dialog.deleteLater()
        self._complete_changed()

    def _complete_changed(self) -> None:
        for page in (self.file_page, self.columns_page, self.preview_page):
            page.completeChanged.emit()

    # ------------------------------------------------------------ closing

    def reject(self) -> None:
        """Esc / Cancel: stop reading or previewing; during an import, ask it to stop."""
        if self._running is not None:
            self.cancel_work()
            if self._running is not None:  # an import finishing or rolling back
                return
        super().reject()

    def done(self, result: int) -> None:
        """Close, unless an import is being written (Finish starts it; it closes after)."""
        if self._running is not None:
            return
        super().done(result)
        if self._running is None:  # closed: let no dropped task outlive the wizard
            self.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button: like Cancel."""
        if self._running is not None:
            self.cancel_work()
            if self._running is not None:
                event.ignore()
                return
        self.wait()
        super().closeEvent(event)


__all__ = [
    "ColumnsPage",
    "FilePage",
    "ImportWizard",
    "PlanRowsModel",
    "PreviewPage",
    "SheetRowsModel",
    "column_letter",
]
