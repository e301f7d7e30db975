"""The roster import wizard: choose a file → check the columns → preview every row → import.

The pages live in :mod:`~stationapp.ui.import_wizard_pages`, their table models in
:mod:`~stationapp.ui.import_wizard_models`; this module does the work behind them.

Reading the file and planning the import run off the GUI thread through the operation
runner's :meth:`~stationapp.ui.operations.Operations.read_in_background`; the import itself
through :meth:`~stationapp.ui.operations.Operations.change_in_background`, which announces
:data:`~stationapp.ui.notices.EVERYTHING` once rows were written. Each runs behind a
progress dialog with Cancel. The worker functions touch no widget: they report progress
through a :class:`_Bridge`, whose signal is delivered to the GUI thread, and they notice
Cancel because the bridge's callback returns False, which makes the service raise
:class:`~stationapp.services.roster_import.ImportCancelled` (the transaction rolls back).

The import itself plans the file again in the same session as the write, so what is
written never comes from a stale preview.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget, QWizard
from sqlalchemy.orm import Session

from stationapp.domain.errors import StationError
from stationapp.domain.roster_columns import find_header_row
from stationapp.services.household_queries import list_communities
from stationapp.services.roster_files import RosterTable, read_roster_file
from stationapp.services.roster_import import (
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    ImportResult,
    apply_plan,
    plan_import,
)
from stationapp.services.roster_report import write_rejected_rows
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.import_wizard_pages import ColumnsPage, FilePage, PreviewPage
from stationapp.ui.notices import EVERYTHING, ChangeNotice, changed
from stationapp.ui.operations import OperationContext, Operations
from stationapp.ui.workers import SessionTask, TaskSet

log = logging.getLogger("stationapp.ui")

T = TypeVar("T")

LAST_FOLDER_KEY = "import/last_folder"
"""Desk setting: the folder the last roster was imported from."""


def import_notice(result: ImportResult) -> ChangeNotice:
    """What an import changed: everything once rows were written, else nothing."""
    return EVERYTHING if result.written else changed()


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


_Launch = Callable[[_Bridge, Callable[[T], None], Callable[[BaseException], None]],
                   SessionTask[T]]
"""Starts a piece of work in the background: (bridge, on success, on failure) → its task."""


class ImportWizard(QWizard):
    """Import a roster: choose file → columns → preview → Import.

    ``imported(ImportResult)`` is emitted after rows were written; the operation runner
    has then announced :data:`EVERYTHING` (every page reads again). ``planned(ImportPlan)``
    is emitted when a preview is ready.
    """

    imported = Signal(object)
    planned = Signal(object)

    FILE_PAGE, COLUMNS_PAGE, PREVIEW_PAGE = 0, 1, 2

    def __init__(
        self, operations: Operations, parent: QWidget | None = None, path: Path | None = None,
    ) -> None:
        """A wizard importing through ``operations`` (as its actor); ``path`` fills in the
        file."""
        super().__init__(parent)
        self._operations = operations
        self._tasks = TaskSet()
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
        self.file_page = FilePage(self, self)
        self.columns_page = ColumnsPage(self, self)
        self.preview_page = PreviewPage(self, self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.COLUMNS_PAGE, self.columns_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self.file_page.fill_communities(
            operations.read(lambda session: [c.name for c in list_communities(session)]))
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
        self._start(self.tr("Reading {name}…").format(name=path.name), self._reading(work),
                    done, failed, on_cancel=lambda: None, drop_on_cancel=True)

    def start_planning(self) -> None:
        """Plan the import for the preview in the background (Cancel goes back a page)."""
        table = self.table
        if table is None:
            return
        self.plan = None
        options, today = self.import_options(), self._operations.clock.today()

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
                    self._reading(work), done, failed, on_cancel=self.back,
                    drop_on_cancel=True)

    def finish_page(self) -> bool:
        """Finish pressed: True once the import is written, else start writing it."""
        if self.import_result is not None:
            return True
        if self.busy() or self.table is None or self.plan is None:
            return False
        self.start_import()
        return False

    def start_import(self) -> None:
        """Plan again and write, in one transaction in the background (announced as
        :data:`EVERYTHING` once rows were written)."""
        table = self.table
        if table is None:
            return
        options = self.import_options()

        def work(ctx: OperationContext, bridge: _Bridge) -> ImportResult:
            today = ctx.clock.today()
            plan = plan_import(ctx.session, table, options, today=today,
                               progress=bridge.progress_of("plan"))
            return apply_plan(ctx.session, plan, ctx.actor, today=today,
                              progress=bridge.progress_of("write"))

        def launch(bridge: _Bridge, succeeded: Callable[[ImportResult], None],
                   failed: Callable[[BaseException], None]) -> SessionTask[ImportResult]:
            return self._operations.change_in_background(
                lambda ctx: work(ctx, bridge), import_notice,
                lambda done: succeeded(done.value), failed)

        self._start(self.tr("Importing {name}…").format(name=table.path.name), launch,
                    self._imported, self._import_failed, on_cancel=lambda: None,
                    drop_on_cancel=False)

    def cancel_work(self) -> None:
        """Stop what runs in the background, as the progress dialog's Cancel does."""
        if self._running is not None:
            self._running.cancel()

    def wait(self) -> None:
        """Wait for the wizard's background work to end (when the wizard closes)."""
        self._tasks.wait_all(cancel=True)

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

    def _reading(self, work: Callable[[Session, _Bridge], T]) -> _Launch[T]:
        """How to start ``work``, which only reads, in the background."""

        def launch(bridge: _Bridge, succeeded: Callable[[T], None],
                   failed: Callable[[BaseException], None]) -> SessionTask[T]:
            return self._operations.read_in_background(
                lambda session: work(session, bridge), succeeded, failed)

        return launch

    def _start(
        self, text: str, launch: _Launch[T],
        on_success: Callable[[T], None], on_failure: Callable[[BaseException], None],
        on_cancel: Callable[[], None], drop_on_cancel: bool,
    ) -> None:
        """Start work with ``launch`` in the background behind a progress dialog with Cancel.

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

        task = self._tasks.add(launch(bridge, succeeded, failed))
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


__all__ = ["LAST_FOLDER_KEY", "ImportWizard", "import_notice"]
