"""The in-app PDF preview (QtPdf) with Print and Save: it shows and prints, never composes.

:class:`PdfPreviewDialog` shows a PDF file page after page, fitted to the width, with
*Print…* (the system print dialog, then :mod:`stationapp.ui.print_job` sends the pages in
a worker thread, with progress, Cancel and "Sent to the printer: N pages") and
*Save as…* (a copy wherever the clerk wants it; the folder is remembered on this desk).
The papers are composed by :mod:`stationapp.documents` and made off the GUI thread by
:class:`~stationapp.ui.pdf_work.PdfMaker`, which opens this preview.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPageLayout, QShortcut
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

from stationapp.files import atomic_write
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.print_job import (
    PrinterNotStarted,
    PrintFailure,
    PrintJob,
    PrintRoute,
    choose_route,
    print_now,
    print_request,
    spooler_command,
    start_print_job,
)
from stationapp.ui.screen_fit import resize_within_screen

log = logging.getLogger("stationapp.ui")

_LAST_FOLDER_KEY = "pdf/last_folder"
_ZOOM_STEP = 1.25
_WANTED_SIZE = QSize(960, 1400)
"""Room for a whole A4 page; the preview opens no larger than the screen allows."""


class PdfPreviewDialog(QDialog):
    """Preview a PDF with Print and Save.

    ``path`` is the PDF to show; ``suggested_name`` the file name offered by *Save as…*.
    When ``temporary_dir`` is given, that folder (holding ``path``) is removed when the
    preview closes. ``printed(pages)`` is emitted when a print job was handed to the printer.
    """

    printed = Signal(int)

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

        # The buttons keep their Alt mnemonics (a button's own shortcut would replace
        # them); the standard keys are window shortcuts beside them.
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setToolTip(self.tr("Print on a printer of this computer (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setToolTip(self.tr("Keep a copy of this PDF (Ctrl+S)"))
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.fit_button = QPushButton(self.tr("&Fit width"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        for key, button in ((QKeySequence.StandardKey.Print, self.print_button),
                            (QKeySequence.StandardKey.Save, self.save_button),
                            (QKeySequence.StandardKey.ZoomOut, self.zoom_out_button),
                            (QKeySequence.StandardKey.ZoomIn, self.zoom_in_button)):
            QShortcut(QKeySequence(key), self).activated.connect(button.animateClick)
        for button in (self.print_button, self.save_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button, self.close_button):
            button.setAutoDefault(False)
        self.pages_label = QLabel(self)
        self.print_status = QLabel(self)
        self.print_status.setObjectName("print_status")
        self._job: PrintJob | None = None
        self._closed = False
        self._progress: QProgressDialog | None = None

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.print_status)
        bar.addSpacing(16)
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
        resize_within_screen(self, _WANTED_SIZE)

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
        """A high-resolution printer set up for this document (landscape for landscape
        pages)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        if self.page_count():
            first = self.document.pagePointSize(0)
            if first.width() > first.height():  # the ledger: landscape paper
                printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    def print_interactively(self) -> None:
        """Ask the system print dialog where and what to print, then print off the GUI
        thread."""
        if self._job is not None:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_printing(printer)

    def printing(self) -> bool:
        """True while a print job runs."""
        return self._job is not None

    def start_printing(self, printer: QPrinter, route: PrintRoute | None = None) -> None:
        """Send the pages the printer's range names to ``printer`` in a worker thread, with
        a progress dialog (Cancel); ``route`` forces how (tests), else the best one here."""
        if self._job is not None or self.page_count() == 0:
            return
        request = print_request(printer, self._path, self.page_count(), self.windowTitle())
        route = route or choose_route(request, spooler_command())
        progress = QProgressDialog(self._progress_text(0, request.pages), self.tr("Cancel"),
                                   0, request.pages, self)
        if route is not PrintRoute.RASTER:
            # Handing the file over takes a moment and cannot be taken back half-way.
            progress.setCancelButton(None)
            progress.setLabelText(self.tr("Sending %n page(s) to the printer…", "",
                                          request.pages))
        progress.setWindowTitle(self.tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress
        progress.show()
        self.print_button.setEnabled(False)
        self.print_status.clear()
        self._job = start_print_job(printer, request, self._print_progressed,
                                    self._print_succeeded, self._print_failed, route=route,
                                    on_finished=self._print_finished)
        progress.canceled.connect(self._cancel_printing)

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages (the printer's range, else all) into ``printer`` in this thread,
        by the same route as :meth:`start_printing`; returns the pages (0 on failure)."""
        if self.page_count() == 0:
            return 0
        request = print_request(printer, self._path, self.page_count(), self.windowTitle())
        try:
            printed = print_now(printer, request)
        except PrintFailure as exc:
            log.warning("printing %s failed: %s", self.windowTitle(), exc)
            return 0
        log.info("printed %d page(s) of %s", printed, self.windowTitle())
        return printed

    def _progress_text(self, done: int, total: int) -> str:
        return self.tr("Printing page {page} of {total}…").format(
            page=min(done + 1, total), total=total)

    def _print_progressed(self, done: int, total: int) -> None:
        progress = self._progress
        if progress is not None and not self._closed and done < total:
            progress.setLabelText(self._progress_text(done, total))
            progress.setValue(done)  # last: a modal progress dialog processes events here

    def _print_succeeded(self, pages: int) -> None:
        if self._closed:
            log.info("sent %d page(s) to the printer after the preview closed", pages)
            return
        self._close_progress()
        self.print_status.setText(self.tr("Sent to the printer: %n page(s)", "", pages))
        self.printed.emit(pages)

    def _print_failed(self, error: BaseException) -> None:
        if self._closed:
            return  # logged by the job; nobody is left to tell
        self._close_progress()
        if isinstance(error, PrinterNotStarted):
            text = self.tr("The printer could not be started. Check that it is switched on "
                           "and chosen correctly, then try again.")
        elif isinstance(error, PrintFailure):
            text = self.tr("The pages could not be sent to the printer: {reason}. Check that "
                           "it is switched on and chosen correctly, then try again.").format(
                reason=error.reason)
        else:
            raise error  # a bug: the crash handler shows it
        self.print_status.setText(self.tr("Not printed."))
        QMessageBox.warning(self, self.tr("Not printed"), text)

    def _cancel_printing(self) -> None:
        if self._job is not None and self._job.route is not PrintRoute.RASTER:
            self._close_progress()  # a file being handed over cannot be taken back
            return
        if self._job is not None:
            self._job.cancel()
        self._close_progress()
        self.print_status.setText(self.tr("Printing cancelled."))

    def _print_finished(self) -> None:
        self._job = None
        if self._closed:  # closed while printing: the file could go only now
            if self._temporary_dir is not None:
                shutil.rmtree(self._temporary_dir, ignore_errors=True)
                self._temporary_dir = None
            return
        self._close_progress()
        self.print_button.setEnabled(self.is_ready())

    def _close_progress(self) -> None:
        if self._progress is not None:
            progress, self._progress = self._progress, None
            progress.canceled.disconnect(self._cancel_printing)
            progress.close()
            progress.deleteLater()

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
        if not self._closed:
            self._closed = True
            self._close_progress()
        if self.document.status() != QPdfDocument.Status.Null:
            self.document.close()
        if self._job is not None:
            return  # the job still reads the file: removed when it ends
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


__all__ = ["PdfPreviewDialog"]
