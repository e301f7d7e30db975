"""The import wizard's three pages: choose the file, check the columns, preview the rows.

The pages hold the clerk's choices and show what the wizard found; the work itself
(reading, planning, importing in the background) is the wizard's, reached through the
:class:`ImportSteps` it offers its pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
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
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from stationapp.domain.errors import ImportFileError
from stationapp.domain.roster_cells import cell_text
from stationapp.domain.roster_columns import (
    RosterField,
    find_header_row,
    map_columns,
    missing_fields,
)
from stationapp.services.roster_files import (
    CSV_SUFFIXES,
    EXCEL_SUFFIXES,
    RosterTable,
    read_roster_file,
    sheet_names,
)
from stationapp.services.roster_import import ImportPlan, RowAction
from stationapp.services.roster_report import REPORT_SHEET
from stationapp.ui.form_helpers import ErrorLabel
from stationapp.ui.import_wizard_models import PlanRowsModel, SheetRowsModel, column_letter

SHEET_PREVIEW_ROWS = 50
"""How many rows of the sheet the Columns page shows to help find the header."""


class ImportSteps(Protocol):
    """What the pages need of the wizard: what it has read and planned, and its steps."""

    @property
    def table(self) -> RosterTable | None:
        """The sheet read on page 1 (None until read)."""

    @property
    def plan(self) -> ImportPlan | None:
        """The planned import shown on page 3 (None until planned)."""

    def busy(self) -> bool:
        """True while a file is read, a plan made or an import written."""

    def has_table(self, path: Path, sheet: str | None) -> bool:
        """Whether ``sheet`` of ``path`` has been read and checked already."""

    def last_folder(self) -> str:
        """The folder a roster was last imported from on this desk."""

    def read_file(self, path: Path, sheet: str | None) -> None:
        """Read ``sheet`` of ``path`` in the background (page 2 follows when it is a roster)."""

    def start_planning(self) -> None:
        """Plan the import for the preview in the background."""

    def cancel_work(self) -> None:
        """Stop what runs in the background."""

    def save_rejected_rows(self, path: Path) -> None:
        """Write the rejected rows of the preview to ``path``; OSError if it fails."""

    def finish_page(self) -> bool:
        """Finish pressed: True once the import is written, else start writing it."""


class FilePage(QWizardPage):
    """Page 1: the file, its sheet, and a community for addresses without one."""

    def __init__(self, owner: ImportSteps, parent: QWidget | None = None) -> None:
        """Build the page for ``owner`` (the wizard, also its ``parent``)."""
        super().__init__(parent)
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

    def __init__(self, owner: ImportSteps, parent: QWidget | None = None) -> None:
        """Build the page for ``owner`` (the wizard, also its ``parent``)."""
        super().__init__(parent)
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
        self.sheet_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
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

    def __init__(self, owner: ImportSteps, parent: QWidget | None = None) -> None:
        """Build the page for ``owner`` (the wizard, also its ``parent``)."""
        super().__init__(parent)
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
        self.view.horizontalHeader().setDefaultSectionSize(100)
        # The reasons are long; the table shows their start, this label all of them.
        self.row_problems_label = QLabel(self)
        self.row_problems_label.setObjectName("row_problems")
        self.row_problems_label.setWordWrap(True)
        self.row_problems_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)

        tools = QHBoxLayout()
        tools.addWidget(self.only_rejected_check)
        tools.addStretch(1)
        tools.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.row_problems_label)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.stop_check)
        layout.addWidget(self.warning_label)

        self.only_rejected_check.toggled.connect(self.model.set_only_rejected)
        self.save_button.clicked.connect(self.save_rejected_interactively)
        self.stop_check.toggled.connect(lambda _on: self._show_warning())
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row_problems(current.row()))

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
        self.row_problems_label.clear()
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
            self._size_columns()
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

    def _size_columns(self) -> None:
        # Widths follow the font, so the larger text sizes are not cut.
        metrics = self.view.fontMetrics()
        self.view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.view.setColumnWidth(0, metrics.horizontalAdvance("00000") + 16)
        self.view.setColumnWidth(1, metrics.horizontalAdvance("不导入") + 24)
        self.view.setColumnWidth(2, metrics.horizontalAdvance("中" * 24) + 16)

    def _show_row_problems(self, row: int) -> None:
        result = self.model.row_result(row) if row >= 0 else None
        if result is None or not result.problems:
            self.row_problems_label.clear()
            return
        self.row_problems_label.setText(self.tr("Row {row}: {problems}").format(
            row=result.row_number, problems="；".join(result.problems)))

    def _show_warning(self) -> None:
        plan = self._owner.plan
        self.warning_label.clear_message()
        if plan is not None and plan.rejected and self.stop_check.isChecked():
            self.warning_label.show_message(self.tr(
                "%n row(s) are rejected, so nothing will be imported while “Stop on first "
                "error” is ticked.", "", len(plan.rejected)))


__all__ = ["SHEET_PREVIEW_ROWS", "ColumnsPage", "FilePage", "ImportSteps", "PreviewPage"]
