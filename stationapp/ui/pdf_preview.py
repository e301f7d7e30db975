"""The in-app PDF preview (QtPdf) with Print and Save: it shows and prints, never composes.

:class:`PdfPreviewDialog` shows a PDF file page after page, fitted to the width, with
*Print…* (the system print dialog; pages are rendered by QtPdf into the printer) and
*Save as…* (a copy wherever the clerk wants it; the folder is remembered on this desk).
The papers are composed by :mod:`stationapp.documents` and made off the GUI thread by
:class:`~stationapp.ui.pdf_work.PdfMaker`, which opens this preview.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.files import atomic_write
from stationapp.ui.desk_settings import desk_settings

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


__all__ = ["PdfPreviewDialog"]
