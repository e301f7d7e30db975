"""File ▸ Backups…: where backups go, the backups there, back up now, restore.

The clerk chooses the backup folder (a USB disk, say) and how many backups to keep; the
list shows the backups in that folder, newest first. *Back up now* makes a backup in a
worker thread (SQLite's online backup, safe while the program runs). *Restore selected…*
and *Restore from file…* first check the file (a damaged or foreign file is refused with
its reason and nothing changes), then ask with a clear warning, keep the current ledger
aside as a backup, restore, and say where the previous ledger was kept. The restore runs
through the operation runner, which announces :data:`~stationapp.ui.notices.EVERYTHING`
(every page reads again); :attr:`BackupDialog.restored` follows. Saving the folder and count
is announced as a change of :attr:`~stationapp.ui.notices.Area.SETTINGS`; a backup changes
no data and announces nothing.

A PostgreSQL ledger is backed up with the server's own tools: the dialog says how instead
of offering buttons that could not work.

Every question and message goes through a replaceable hook (:attr:`BackupDialog.ask`,
:attr:`~BackupDialog.tell`, :attr:`~BackupDialog.warn`, :attr:`~BackupDialog.choose_folder`,
:attr:`~BackupDialog.choose_file`), so tests never meet a real modal box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import BackupError, ValidationError
from stationapp.services.backup import (
    POSTGRES_ADVICE_MESSAGE,
    BackupInfo,
    BackupSettings,
    RestoreResult,
    backup_revision,
    get_backup_settings,
    list_backups,
    make_backup,
    restore_backup,
    save_backup_settings,
)
from stationapp.services.backup_crypto import (
    key_from_recovery_code,
    needs_recovery_code,
)
from stationapp.services.database import Database
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    clear_field_problems,
    show_field_problem,
    with_error,
)
from stationapp.ui.notices import EVERYTHING, Area, changed
from stationapp.ui.operations import Done, FailureTexts, OperationContext, Operations
from stationapp.ui.recovery_code import show_recovery_code_once
from stationapp.ui.workers import TaskSet

log = logging.getLogger("stationapp.ui")

KEEP_RANGE = (1, 365)
"""Fewest and most backups the clerk may keep."""

FIELDS = ("backup_folder", "backup_keep")
"""Fields with an inline error label (see :attr:`BackupDialog.errors`)."""

_PATH_ROLE = Qt.ItemDataRole.UserRole


def backs_up_here(database: Database) -> bool:
    """True when this program backs the ledger up itself (a SQLite file, not PostgreSQL)."""
    url = database.engine.url
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def file_size_text(size: int) -> str:
    """A file size for people: 512 B, 3.4 KB, 12.0 MB."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - loop always returns


class BackupDialog(QDialog):
    """Backup folder and count, the list of backups, *Back up now* and *Restore*.

    Signals: ``backup_made(BackupInfo)`` after *Back up now*; ``restored()`` after the
    ledger was replaced by a backup (the runner has announced :data:`EVERYTHING` just
    before); ``problem(str)`` whenever a
    backup or restore could not be done (the message is also shown to the clerk).
    """

    backup_made = Signal(object)
    restored = Signal()
    problem = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the dialog over ``operations``' database; its actor is named in the log."""
        super().__init__(parent)
        self._operations = operations
        self._database = operations.database
        self._actor = operations.actor
        self._tasks = TaskSet()
        self._progress: QProgressDialog | None = None
        self._saved: BackupSettings | None = None
        self.setWindowTitle(self.tr("Backups"))
        self.setStyleSheet(INVALID_STYLE)

        # Hooks for questions and messages (tests replace them).
        self.ask: Callable[[str, str, str], bool] = self._ask_box
        self.tell: Callable[[str, str], None] = self._tell_box
        self.warn: Callable[[str, str], None] = self._warn_box
        self.choose_folder: Callable[[str], str] = self._choose_folder_dialog
        self.choose_file: Callable[[str], str] = self._choose_file_dialog
        self.ask_recovery_code: Callable[[str, str], str | None] = self._recovery_code_dialog

        self.errors = {field: ErrorLabel(self) for field in FIELDS}
        for field, label in self.errors.items():
            label.setObjectName(f"error_{field}")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("backup_folder")
        self.folder_edit.setPlaceholderText(self.tr("e.g. a folder on a USB disk"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.keep_spin = QSpinBox(self)
        self.keep_spin.setObjectName("backup_keep")
        self.keep_spin.setRange(*KEEP_RANGE)
        self.keep_spin.setSuffix(self.tr(" newest backups"))
        self.save_button = QPushButton(self.tr("&Save settings"), self)
        self.general_error = ErrorLabel(self)
        self._fields: dict[str, QWidget] = {
            "backup_folder": self.folder_edit, "backup_keep": self.keep_spin}

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made at"), self.tr("Kind"), self.tr("Size")])
        self.table.setAccessibleName(self.tr("Backups in the folder"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("Back &up now"), self)
        self.restore_selected_button = QPushButton(self.tr("&Restore selected…"), self)
        self.restore_file_button = QPushButton(self.tr("Restore from f&ile…"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.advice = QLabel(self)
        self.advice.setObjectName("postgres_advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for button in (self.browse_button, self.backup_button, self.restore_selected_button,
                       self.restore_file_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        self.supported = backs_up_here(self._database)
        if self.supported:
            self._build_sqlite(layout)
        else:
            self._build_postgres(layout)
        buttons = QHBoxLayout()
        if self.supported:
            buttons.addWidget(self.backup_button)
            buttons.addWidget(self.restore_selected_button)
            buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.save_button.clicked.connect(self.save_settings)
        self.folder_edit.editingFinished.connect(self._list_typed_folder)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.close_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(self._restore_index)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        if self.supported:
            self._load_settings()
        self.resize(640, 520 if self.supported else 260)

    # ------------------------------------------------------------ building

    def _build_sqlite(self, layout: QVBoxLayout) -> None:
        where = QGroupBox(self.tr("Where backups go"), self)
        form = QFormLayout(where)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        folder_row = QWidget(self)
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(self.browse_button)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, with_error(folder_row, self.errors["backup_folder"], self))
        keep_label = QLabel(self.tr("&Keep:"), self)
        keep_label.setBuddy(self.keep_spin)
        keep_row = QWidget(self)
        keep_layout = QHBoxLayout(keep_row)
        keep_layout.setContentsMargins(0, 0, 0, 0)
        keep_layout.addWidget(self.keep_spin)
        keep_layout.addStretch(1)
        keep_layout.addWidget(self.save_button)
        form.addRow(keep_label, with_error(keep_row, self.errors["backup_keep"], self))
        hint = QLabel(self.tr(
            "Once a day, when the program starts, a backup is made here automatically. "
            "Older backups beyond the number kept are deleted."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.general_error)
        layout.addWidget(where)

        listed = QGroupBox(self.tr("Backups in this folder"), self)
        listed_layout = QVBoxLayout(listed)
        listed_layout.addWidget(self.table, 1)
        listed_layout.addWidget(self.list_label)
        layout.addWidget(listed, 1)

    def _build_postgres(self, layout: QVBoxLayout) -> None:
        intro = QLabel(self.tr(
            "This ledger is kept on a PostgreSQL server. This program does not back it up "
            "itself; use the server's own tools:"), self)
        intro.setWordWrap(True)
        self.advice.setText(str(POSTGRES_ADVICE_MESSAGE))
        self.advice.setStyleSheet("font-family: monospace;")
        layout.addWidget(intro)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        for widget in (self.folder_edit, self.browse_button, self.keep_spin,
                       self.save_button, self.table, self.list_label, self.backup_button,
                       self.restore_selected_button, self.restore_file_button):
            widget.setVisible(False)
            widget.setEnabled(False)
        self.close_button.setDefault(True)

    # ------------------------------------------------------------ settings

    def _load_settings(self) -> None:
        settings = self._operations.read(get_backup_settings)
        self._saved = settings
        self.folder_edit.setText(str(settings.folder))
        self.keep_spin.setValue(settings.keep)
        self.clear_problems()
        self.reload_list()

    def typed_settings(self) -> BackupSettings:
        """The folder and count as typed (not yet checked)."""
        return BackupSettings(Path(self.folder_edit.text().strip()).expanduser(),
                              self.keep_spin.value())

    def saved_settings(self) -> BackupSettings | None:
        """The settings as last read from or written to the database."""
        return self._saved

    def is_modified(self) -> bool:
        """True when the folder or count differ from what is saved."""
        return self._saved is not None and self.typed_settings() != self._saved

    def clear_problems(self) -> None:
        """Hide every inline message."""
        clear_field_problems(self.errors, self._fields, self.general_error)

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show each problem under its field."""
        for problem in problems:
            show_field_problem(self.errors, self._fields, self.general_error,
                               problem.field, problem.message)

    def save_settings(self) -> bool:
        """Check and save the folder and count; problems are shown inline. True if saved."""
        self.clear_problems()
        text = self.folder_edit.text().strip()
        if not text:
            self.show_problems([ValidationError(
                "backup_folder", self.tr("Choose the folder where backups go."))])
            return False
        settings = self.typed_settings()
        if not settings.folder.is_absolute():
            self.show_problems([ValidationError(
                "backup_folder",
                self.tr("Give the whole path of the folder (or choose it with Browse…)."))])
            return False
        def work(ctx: OperationContext) -> BackupSettings:
            save_backup_settings(ctx.session, settings)
            return get_backup_settings(ctx.session)

        done = self._operations.change(
            self, work, changed(Area.SETTINGS, origin=self),
            FailureTexts(self.tr("Not saved")), on_problems=self.show_problems)
        if done is None:
            return False
        saved = done.value
        self._saved = saved
        self.folder_edit.setText(str(saved.folder))
        log.info("backup settings saved by %s: %s, keep %d", self._actor or "?",
                 saved.folder, saved.keep)
        self.reload_list()
        return True

    def browse(self) -> None:
        """Browse…: choose the backup folder (a USB disk, say)."""
        chosen = self.choose_folder(self.folder_edit.text().strip())
        if chosen:
            self.folder_edit.setText(str(Path(chosen)))
            self._list_typed_folder()

    # ------------------------------------------------------------ the list

    def _list_typed_folder(self) -> None:
        text = self.folder_edit.text().strip()
        if text:
            self.reload_list(Path(text).expanduser())

    def reload_list(self, folder: Path | None = None) -> None:
        """List the backups in ``folder`` (the saved folder when None), newest first."""
        if folder is None:
            folder = self._saved.folder if self._saved else self.typed_settings().folder
        backups = list_backups(folder)
        self.table.setRowCount(0)
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            cells = (f"{backup.made_at:%Y-%m-%d %H:%M}", self.kind_text(backup.kind),
                     file_size_text(backup.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_PATH_ROLE, str(backup.path))
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if backups:
            self.list_label.setText(self.tr("%n backup(s) in {folder}", "", len(backups))
                                    .format(folder=folder))
            self.table.selectRow(0)
        elif folder.is_dir():
            self.list_label.setText(self.tr("No backups in {folder} yet.").format(folder=folder))
        else:
            self.list_label.setText(self.tr("The folder {folder} does not exist yet; it is "
                                            "made with the first backup.").format(folder=folder))
        self._update_buttons()

    def kind_text(self, kind: str) -> str:
        """How a backup was made, in words."""
        return {
            "auto": self.tr("automatic"),
            "manual": self.tr("manual"),
            "before-restore": self.tr("before restore"),
            "before-migration": self.tr("before upgrade"),
        }.get(kind, kind)

    def _path_at(self, row: int) -> Path:
        item = self.table.item(row, 0)
        assert item is not None
        return Path(str(item.data(_PATH_ROLE)))

    def listed_paths(self) -> list[Path]:
        """The backup files listed, top to bottom."""
        return [self._path_at(row) for row in range(self.table.rowCount())]

    def selected_path(self) -> Path | None:
        """The backup file of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._path_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        idle = self._progress is None
        self.backup_button.setEnabled(self.supported and idle)
        self.restore_file_button.setEnabled(self.supported and idle)
        self.restore_selected_button.setEnabled(
            self.supported and idle and self.selected_path() is not None)

    # ------------------------------------------------------------ back up now

    def back_up_now(self) -> None:
        """Back up now: save changed settings, then back up in a worker thread."""
        if self._progress is not None:
            return
        if self.is_modified() and not self.save_settings():
            return
        self.clear_problems()
        database = self._database

        def work(_session: object) -> BackupInfo:
            return make_backup(database, kind="manual", now=database.clock.now())

        self._start_progress(self.tr("Backing up the ledger…"))
        # A backup changes no data: it is a read as far as the pages are concerned.
        self._tasks.add(self._operations.read_in_background(
            work, self._backup_done, self._backup_failed))

    def _backup_done(self, backup: BackupInfo) -> None:
        self._stop_progress()
        log.info("manual backup by %s: %s", self._actor or "?", backup.path)
        self.reload_list()
        self.backup_made.emit(backup)
        self.tell(self.tr("Backed up"),
                  self.tr("The ledger was backed up to\n{path}\n({size}).").format(
                      path=backup.path, size=file_size_text(backup.size)))
        self.show_pending_recovery_code()

    def show_pending_recovery_code(self) -> None:
        """Show the backup key's recovery code when no screen has shown it yet (once)."""
        show_recovery_code_once(self.tell)

    def _backup_failed(self, error: BaseException) -> None:
        self._stop_progress()
        self._report(error, self.tr("Not backed up"))

    # ------------------------------------------------------------ restore

    def restore_selected(self) -> None:
        """Restore selected…: restore the backup chosen in the list."""
        path = self.selected_path()
        if path is not None:
            self.restore_file(path)

    def restore_from_file(self) -> None:
        """Restore from file…: choose any backup file (from another folder or disk)."""
        start = str(self._saved.folder) if self._saved else ""
        chosen = self.choose_file(start)
        if chosen:
            self.restore_file(Path(chosen))

    def _restore_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.restore_selected()

    def restore_file(self, path: Path) -> bool:
        """Check ``path``, ask, then restore it in a worker thread.

        Returns True when the restore was started; a file that cannot be restored is
        refused with its reason and nothing changes.
        """
        if self._progress is not None or not self.supported:
            return False
        ledger_file = Path(str(self._database.engine.url.database))
        if path.exists() and ledger_file.exists() and path.samefile(ledger_file):
            self._report(BackupError(self.tr(
                "This is the ledger in use, not a backup. Choose one of the backups.")),
                self.tr("Cannot restore this file"))
            return False
        code = None
        if needs_recovery_code(path):
            code = self.ask_recovery_code(self.tr("Recovery code"), self.tr(
                "This backup was made on another desk, with another key. Type the recovery "
                "code that was printed when that key was made (14 groups of 4 characters):"))
            if not code:
                return False
            try:
                key_from_recovery_code(code)
            except ValidationError as exc:
                self._report(BackupError(exc.message), self.tr("Cannot restore this file"))
                return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            revision = backup_revision(path, code)
        except BackupError as exc:
            QApplication.restoreOverrideCursor()
            log.info("restore of %s refused: %s", path, exc)
            self._report(exc, self.tr("Cannot restore this file"))
            return False
        QApplication.restoreOverrideCursor()
        folder = self._saved.folder if self._saved else path.parent
        question = self.tr(
            "The ledger now in use will be REPLACED by the backup\n{path}\n\n"
            "Everything entered since that backup was made will no longer be in the ledger. "
            "The current ledger is first kept aside as a backup (\"before restore\") in\n"
            "{folder}\nso it can be brought back if needed.\n\nRestore this backup?"
        ).format(path=path, folder=folder)
        if not self.ask(self.tr("Replace the ledger?"), question, self.tr("&Restore")):
            return False
        database = self._database
        log.info("restoring %s (revision %s) for %s", path, revision, self._actor or "?")

        def work(ctx: OperationContext) -> RestoreResult:
            return restore_backup(database, path, now=ctx.clock.now(), recovery_code=code)

        self._start_progress(self.tr("Restoring the ledger…"))
        self._tasks.add(self._operations.change_in_background(
            work, EVERYTHING, self._restore_done, self._restore_failed))
        return True

    def _restore_done(self, done: Done[RestoreResult]) -> None:
        result = done.value
        self._stop_progress()
        self._load_settings()  # the restored ledger brings its own backup settings
        self.restored.emit()
        text = self.tr("The ledger was restored from\n{source}.\n\nThe previous ledger was "
                       "kept as\n{aside}.").format(source=result.restored_from,
                                                   aside=result.kept_aside)
        if result.migrated_from:
            text += "\n\n" + self.tr(
                "The backup came from an older version of stationapp (schema {revision}) "
                "and was brought up to date.").format(revision=result.migrated_from)
        self.tell(self.tr("Restored"), text)

    def _restore_failed(self, error: BaseException) -> None:
        self._stop_progress()
        self.reload_list()
        self._report(error, self.tr("Not restored"))

    # ------------------------------------------------------------ internals

    def _report(self, error: BaseException, title: str) -> None:
        if not isinstance(error, BackupError):
            raise error  # a bug: the crash handler shows it
        message = str(error)
        self.problem.emit(message)
        self.warn(title, message)

    def _start_progress(self, text: str) -> None:
        progress = QProgressDialog(text, "", 0, 0, self)
        progress.setWindowTitle(self.tr("Backups"))
        progress.setCancelButton(None)  # a backup or restore is never cut in half
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress
        self._update_buttons()

    def _stop_progress(self) -> None:
        if self._progress is not None:
            progress, self._progress = self._progress, None
            progress.close()
            progress.deleteLater()
        self._update_buttons()

    def busy(self) -> bool:
        """True while a backup or restore runs."""
        return self._progress is not None

    def reject(self) -> None:
        """Close (Esc); not while a backup or restore runs, and ask about unsaved settings."""
        if self.busy():
            return
        if self.is_modified() and not self.ask(
            self.tr("Discard changes?"),
            self.tr("The backup folder or count was changed but not saved. Close anyway?"),
            self.tr("&Discard"),
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close, after any running backup or restore has finished."""
        self._tasks.wait_all(cancel=False)
        super().done(result)

    # ------------------------------------------------------------ default hooks

    def _ask_box(self, title: str, text: str, accept_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.NoButton, self)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is accept

    def _tell_box(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def _warn_box(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _recovery_code_dialog(self, title: str, text: str) -> str | None:
        code, accepted = QInputDialog.getText(self, title, text)
        return code.strip() if accepted else None

    def _choose_folder_dialog(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)

    def _choose_file_dialog(self, start: str) -> str:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start,
            self.tr("stationapp backups (*.sqlite3 *.sqlite *.db);;All files (*)"))
        return chosen


__all__ = ["FIELDS", "KEEP_RANGE", "BackupDialog", "backs_up_here", "file_size_text"]
