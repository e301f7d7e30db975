"""The in-app PDF preview (QtPdf) with Print and Save, and making a PDF off the GUI thread.

:class:`PdfPreviewDialog` shows a PDF file page after page, fitted to the width, with
*Print…* (the system print dialog; pages are rendered by QtPdf into the printer) and
*Save as…* (a copy wherever the clerk wants it; the folder is remembered on this desk).

:class:`PdfMaker` renders a document in a worker thread with its own session, behind a
busy progress dialog with Cancel, and opens the preview when the file is ready. A missing
Chinese font (:class:`~stationapp.reports.fonts.FontNotFoundError`) or any other problem
meant for the clerk is shown as a plain message saying what to do.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stationapp.domain.errors import StationError
from stationapp.files import atomic_write
from stationapp.services.database import Database
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.pdf_work import PdfWork
from stationapp.ui.workers import SessionTask, TaskRunner

log = logging.getLogger("stationapp.ui")

_LAST_FOLDER_KEY = "pdf/last_folder"
_ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """Preview a PDF with Print and Save.

    ``path`` is the PDF to show; ``suggested_name`` the file name offered by *Save as…*.
    When ``temporary_dir`` is given, that folder (holding ``path``) is removed when the
    preview closes.
    """

    def __init__(
        self,
        path: Path,
        title: str,
        suggested_name: str,
        temporary_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Load ``path`` into the preview."""
        super().__init__(parent)
        self._path = path
        self._suggested_name = suggested_name
        self._temporary_dir = temporary_dir
        self.setWindowTitle(title)
        self.setSizeGripEnabled(True)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.tr("Document"))

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("Print on a printer of this computer (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Keep a copy of this PDF (Ctrl+S)"))
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.fit_button = QPushButton(self.tr("&Fit width"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        for button in (self.print_button, self.save_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button, self.close_button):
            button.setAutoDefault(False)
        self.pages_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addSpacing(16)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.print_button.clicked.connect(self.print_interactively)
        self.save_button.clicked.connect(self.save_interactively)
        self.zoom_in_button.clicked.connect(lambda: self._zoom(_ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(1 / _ZOOM_STEP))
        self.fit_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.close_button.clicked.connect(self.accept)

        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            log.warning("cannot load PDF %s: %s", path, error)
        self._show_page_count()
        self.resize(900, 1000)

    # ------------------------------------------------------------ facts

    @property
    def path(self) -> Path:
        """The PDF file shown."""
        return self._path

    def page_count(self) -> int:
        """Number of pages of the loaded document (0 when it could not be loaded)."""
        return self.document.pageCount()

    def is_ready(self) -> bool:
        """True when the document loaded without error."""
        return self.document.status() == QPdfDocument.Status.Ready

    # ------------------------------------------------------------ printing

    def make_printer(self) -> QPrinter:
        """A high-resolution A4 printer set up for this document."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_interactively(self) -> None:
        """Ask the system print dialog where and what to print, then print."""
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        printed = self.print_to(printer)
        if printed == 0:
            QMessageBox.warning(self, self.tr("Not printed"),
                                self.tr("The printer could not be started. Check that it is "
                                        "switched on and chosen correctly, then try again."))

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (the printer's range, else all) into ``printer``; returns pages."""
        count = self.page_count()
        if count == 0:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        pages = range(max(1, first) - 1, min(count, last))
        painter = QPainter()
        if not painter.begin(printer):
            log.warning("the printer could not be started")
            return 0
        printed = 0
        try:
            for page in pages:
                if printed:
                    printer.newPage()
                area = painter.viewport()
                page_size = self.document.pagePointSize(page).toSize()
                size = page_size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, size)
                target = QRect(QPoint(0, 0), size)
                target.moveCenter(QRect(QPoint(0, 0), area.size()).center())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        log.info("printed %d page(s) of %s", printed, self.windowTitle())
        return printed

    # ------------------------------------------------------------ saving

    def save_interactively(self) -> None:
        """Ask where to keep a copy of the PDF, then copy it there."""
        settings = desk_settings()
        folder = str(settings.value(_LAST_FOLDER_KEY, "") or Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path(folder) / self._suggested_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            self.save_to(target)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("The PDF could not be saved as {path}: {reason}. Choose another "
                        "folder or free some disk space.").format(path=target,
                                                                   reason=exc.strerror or exc),
            )
            return
        settings.setValue(_LAST_FOLDER_KEY, str(target.parent))

    def save_to(self, target: Path) -> None:
        """Copy the PDF to ``target`` (raises OSError when that is not possible, leaving
        ``target`` as it was)."""
        with atomic_write(target) as temporary:
            shutil.copyfile(self._path, temporary)
        log.info("PDF saved as %s", target)

    # ------------------------------------------------------------ internals

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, current * factor)))

    def _show_page_count(self) -> None:
        if self.is_ready():
            self.pages_label.setText(self.tr("%n page(s)", "", self.page_count()))
        else:
            self.pages_label.setText(self.tr("The PDF could not be shown."))
        self.print_button.setEnabled(self.is_ready())
        self.save_button.setEnabled(self.is_ready())

    def _release(self) -> None:
        if self.document.status() != QPdfDocument.Status.Null:
            self.document.close()
        if self._temporary_dir is not None:
            shutil.rmtree(self._temporary_dir, ignore_errors=True)
            self._temporary_dir = None

    def done(self, result: int) -> None:
        """Close the preview and remove its temporary file."""
        self._release()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window (title bar) also removes the temporary file."""
        self._release()
        super().closeEvent(event)


class PdfMaker(QObject):
    """Makes PDFs in a worker thread and shows each in a :class:`PdfPreviewDialog`.

    ``preview_opened(dialog)`` is emitted when a preview is shown; ``problem(message)``
    when a PDF could not be made for a reason the clerk can act on (also shown in a box).
    """

    preview_opened = Signal(object)
    problem = Signal(str)

    def __init__(self, database: Database, parent_widget: QWidget) -> None:
        """Make PDFs from ``database``; dialogs are children of ``parent_widget``."""
        super().__init__(parent_widget)
        self._widget = parent_widget
        self._runner = TaskRunner(database, self)
        self._progress: QProgressDialog | None = None
        self._task: SessionTask[int] | None = None
        self.preview: PdfPreviewDialog | None = None

    def busy(self) -> bool:
        """True while a PDF is being made."""
        return self._task is not None

    def make(self, work: PdfWork, title: str, file_name: str) -> None:
        """Render with ``work`` into a temporary file, then preview it as ``title``."""
        if self._task is not None:
            return
        folder = Path(tempfile.mkdtemp(prefix="stationapp-pdf-"))
        path = folder / file_name

        def render(session: Session) -> int:
            return work(session, path)

        progress = QProgressDialog(
            self.tr("Making {title}…").format(title=title), self.tr("Cancel"), 0, 0,
            self._widget,
        )
        progress.setWindowTitle(self.tr("PDF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancel)
        self._progress = progress

        def done(_pages: int) -> None:
            self._finish()
            self._open_preview(path, title, file_name, folder)

        def failed(error: BaseException) -> None:
            self._finish()
            shutil.rmtree(folder, ignore_errors=True)
            self._report(error)

        task = self._runner.run(render, done, failed)

        def finished() -> None:
            if task.cancelled:  # nobody will preview it: remove the file again
                shutil.rmtree(folder, ignore_errors=True)

        task.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._task = task

    def wait(self) -> None:
        """Wait for a PDF being made (used when the owner closes)."""
        self._runner.wait_all(cancel=False)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._finish()

    def _finish(self) -> None:
        self._task = None
        if self._progress is not None:
            progress, self._progress = self._progress, None
            progress.canceled.disconnect(self._cancel)
            progress.close()
            progress.deleteLater()

    def _open_preview(self, path: Path, title: str, file_name: str, folder: Path) -> None:
        dialog = PdfPreviewDialog(path, title, file_name, folder, self._widget)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        self.preview = dialog
        dialog.show()
        self.preview_opened.emit(dialog)

    def _preview_closed(self, dialog: PdfPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def _report(self, error: BaseException) -> None:
        if not isinstance(error, StationError):
            raise error  # a bug: the crash handler shows it
        message = str(error)
        self.problem.emit(message)
        QMessageBox.warning(self._widget, self.tr("The PDF could not be made"), message)


__all__ = ["PdfMaker", "PdfPreviewDialog"]
