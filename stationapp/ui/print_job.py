"""Printing a PDF off the GUI thread, small: the file itself where the platform allows it.

:func:`print_request` reads what the system print dialog chose (in the GUI thread);
:func:`choose_route` decides how the pages reach the printer; :class:`PrintJob` does it
in a worker thread and reports each page, the end (pages sent) or a plain failure:

- ``FILE``: a printer writing a PDF file gets a copy of the PDF, vector and unchanged;
- ``SPOOLER``: on Linux and macOS (CUPS) the PDF is handed to ``lp`` as it is, so the
  printer receives vector pages, a few kilobytes each;
- ``RASTER``: otherwise (Windows, no ``lp``, or a page range into a file) the pages are
  rendered by QtPdf at :data:`RASTER_DPI` (in grayscale when the pages are black and
  white) and painted onto the :class:`~PySide6.QtPrintSupport.QPrinter` — about 0.35 MB
  a page instead of the 1200 dpi colour images that made a 34 MB job.

Why painting in the worker thread is allowed: Qt documents that "QPainter can be used in
a thread to paint onto QImage, QPrinter, and QPicture paint devices" (only QPixmap and
QWidget are GUI-thread-only), and QPdfDocument serialises PDFium behind its own lock. The
QPrinter is set up by the print dialog in the GUI thread and then touched by the worker
alone until the job ends. PySide6 keeps the GIL during each Qt call, so a whole page in
one ``render`` or ``drawImage`` call would stall the GUI thread for a quarter second:
pages are rendered and painted in strips of :data:`STRIP_ROWS` rows, each a short call,
and the worker lets go of the GIL briefly after each strip.
"""

from __future__ import annotations

import enum
import logging
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from stationapp.files import atomic_write

log = logging.getLogger("stationapp.ui")

RASTER_DPI = 300
"""Resolution of rendered black-and-white pages: sharp Chinese text, ~0.35 MB a page."""

COLOUR_DPI = 200
"""Resolution of rendered colour pages (JPEG in the job, ~0.7 MB a page)."""

_PROBE_DPI = 24
_PAUSE_S = 0.001

STRIP_ROWS = 96
"""Rows rendered and painted per call; keeps each call (holding the GIL) a few ms long."""

SPOOLER_TIMEOUT_S = 120


class PrintRoute(enum.Enum):
    """How the pages reach the printer."""

    FILE = "file"
    SPOOLER = "spooler"
    RASTER = "raster"


class PrintFailure(Exception):
    """The pages could not be handed to the printer; ``reason`` says why, plainly."""

    def __init__(self, reason: str) -> None:
        """Keep ``reason`` (shown to the clerk after the translated lead sentence)."""
        super().__init__(reason)
        self.reason = reason


class PrinterNotStarted(PrintFailure):
    """The printer refused to start (switched off, or no longer there)."""


@dataclass(frozen=True)
class PrintRequest:
    """What to print and where, read from a configured printer (plain data)."""

    pdf: Path
    first: int
    last: int
    document_pages: int
    title: str
    printer_name: str = ""
    output_file: str = ""
    copies: int = 1
    duplex: str = ""
    grayscale: bool = False

    @property
    def pages(self) -> int:
        """Number of pages of the document that are printed (once)."""
        return max(0, self.last - self.first + 1)

    @property
    def whole_document(self) -> bool:
        """True when every page is printed."""
        return self.first == 1 and self.last == self.document_pages


_SIDES = {
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    QPrinter.DuplexMode.DuplexNone: "one-sided",
}


def print_request(printer: QPrinter, pdf: Path, document_pages: int, title: str
                  ) -> PrintRequest:
    """What ``printer`` (as the print dialog left it) should print of ``pdf``."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, document_pages
    first, last = max(1, first), min(document_pages, last)
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return PrintRequest(
        pdf=pdf, first=first, last=last, document_pages=document_pages, title=title,
        printer_name="" if to_file else printer.printerName(),
        output_file=printer.outputFileName() if to_file else "",
        copies=max(1, printer.copyCount()),
        duplex=_SIDES.get(printer.duplex(), ""),
        grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale,
    )


def spooler_command() -> str | None:
    """The CUPS ``lp`` command of this computer (None on Windows or without CUPS)."""
    if sys.platform.startswith("win"):
        return None
    return shutil.which("lp")


def choose_route(request: PrintRequest, spooler: str | None) -> PrintRoute:
    """How to print ``request`` when the spooler command is ``spooler`` (or None)."""
    if request.output_file:
        return PrintRoute.FILE if request.whole_document else PrintRoute.RASTER
    if spooler and request.printer_name:
        return PrintRoute.SPOOLER
    return PrintRoute.RASTER


def spooler_arguments(request: PrintRequest, spooler: str) -> list[str]:
    """The ``lp`` command line that prints ``request`` (vector: the PDF itself)."""
    arguments = [spooler, "-d", request.printer_name, "-t", request.title or "stationapp",
                 "-n", str(request.copies)]
    if not request.whole_document:
        arguments += ["-P", f"{request.first}-{request.last}"]
    if request.duplex:
        arguments += ["-o", f"sides={request.duplex}"]
    if request.grayscale:
        arguments += ["-o", "print-color-mode=monochrome"]
    arguments += ["--", str(request.pdf)]
    return arguments


def send_to_spooler(request: PrintRequest, spooler: str) -> int:
    """Hand the PDF to ``lp``; returns the pages sent, raises PrintFailure."""
    arguments = spooler_arguments(request, spooler)
    log.info("printing with %s", " ".join(arguments[:3]))
    try:
        result = subprocess.run(arguments, capture_output=True, text=True, check=False,
                                timeout=SPOOLER_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailure(str(exc)) from exc
    if result.returncode != 0:
        raise PrintFailure((result.stderr or result.stdout).strip()
                           or f"lp: exit status {result.returncode}")
    return request.pages


def copy_to_file(request: PrintRequest) -> int:
    """Write the PDF itself to the printer's output file; returns the pages."""
    try:
        with atomic_write(Path(request.output_file)) as temporary:
            shutil.copyfile(request.pdf, temporary)
    except OSError as exc:
        raise PrintFailure(f"{request.output_file}: {exc.strerror or exc}") from exc
    return request.pages


def _on_paper(strip: QImage, grayscale: bool) -> QImage:
    """``strip`` (transparent where the page is blank) on white paper, in 8-bit gray for a
    black-and-white job."""
    if grayscale:
        paper = QImage(strip.size(), QImage.Format.Format_Grayscale8)
        paper.fill(255)
    else:
        paper = QImage(strip.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, strip)
    painter.end()
    return paper


def is_black_and_white(document: QPdfDocument, pages: range) -> bool:
    """True when no page of ``pages`` (0-based) shows a colour (checked on small renders)."""
    for page in pages:
        points = document.pagePointSize(page)
        size = QSize(max(1, round(points.width() * _PROBE_DPI / 72)),
                     max(1, round(points.height() * _PROBE_DPI / 72)))
        if not document.render(page, size).isGrayscale():
            return False
    return True


def paint_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int,
               grayscale: bool, cancelled: Callable[[], bool]) -> bool:
    """Paint page ``page`` (0-based) centred on the painter's device, rendered at ``dpi``
    in strips; returns False when cancelled half-way."""
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    area = QRectF(painter.viewport())
    fitted = size.toSizeF().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(area.topLeft(), fitted)
    target.moveCenter(area.center())
    scale = target.height() / size.height()
    for top in range(0, size.height(), STRIP_ROWS):
        if cancelled():
            return False
        # One row more than the step (except at the bottom): strips overlap by one row so
        # no hairline of paper shows between them.
        rows = min(STRIP_ROWS + 1, size.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(QRect(0, top, size.width(), rows))
        strip = document.render(page, QSize(size.width(), rows), options)
        if strip.isNull():
            raise PrintFailure(f"page {page + 1} could not be rendered")
        painter.drawImage(QRectF(target.x(), target.y() + top * scale, target.width(),
                                 rows * scale), _on_paper(strip, grayscale))
        # Let go of the GIL for a moment: the GUI thread needs it for every event it
        # hands to a Python object, and would otherwise wait out a switch interval each.
        time.sleep(_PAUSE_S)
    return True


def paint_pages(printer: QPrinter, request: PrintRequest,
                on_page: Callable[[int], None], cancelled: Callable[[], bool]) -> int:
    """Render ``request``'s pages into ``printer``; returns the pages painted (0 when
    cancelled: the print run is then aborted). Raises PrintFailure.

    A black-and-white job is printed in grayscale: the PDF engine then stores 8-bit gray
    images compressed without loss (about 0.35 MB an A4 page at 300 dpi) where colour
    would be RGB JPEG; colour pages are rendered at :data:`COLOUR_DPI`.
    """
    document = QPdfDocument()
    try:
        if document.load(str(request.pdf)) != QPdfDocument.Error.None_:
            raise PrintFailure(f"{request.pdf.name}: the PDF could not be read")
        pages = range(request.first - 1, request.last)
        grayscale = request.grayscale or is_black_and_white(document, pages)
        if grayscale:
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        dpi = min(RASTER_DPI if grayscale else COLOUR_DPI, max(72, printer.resolution()))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterNotStarted("the printer could not be started")
        painted = 0
        try:
            for page in pages:
                if painted:
                    printer.newPage()
                if not paint_page(painter, document, page, dpi, grayscale, cancelled):
                    printer.abort()
                    return 0
                painted += 1
                on_page(painted)
        finally:
            painter.end()
        return painted
    finally:
        document.close()


class PrintJob(QThread):
    """Prints one request in a worker thread.

    ``progressed(done, total)`` follows each page (raster) or the hand-over (file, spooler),
    then ``succeeded(pages)`` or ``failed(exception)``; all are delivered queued to the
    object's (GUI) thread. A cancelled job aborts between strips and reports nothing.
    """

    progressed = Signal(int, int)
    succeeded = Signal(int)
    failed = Signal(object)

    def __init__(self, printer: QPrinter, request: PrintRequest, route: PrintRoute,
                 spooler: str | None = None, parent: QObject | None = None) -> None:
        """Prepare to print ``request`` on ``printer`` by ``route``."""
        super().__init__(parent)
        self.printer = printer
        self.request = request
        self.route = route
        self._spooler = spooler
        self._cancelled = False
        self.pages = 0
        self.error: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled

    def cancel(self) -> None:
        """Stop after the current strip (a file copy or spooler hand-over still ends)."""
        self._cancelled = True

    def run(self) -> None:
        """Print (worker thread; touches no widget)."""
        total = self.request.pages
        try:
            if self.route is PrintRoute.FILE:
                pages = copy_to_file(self.request)
            elif self.route is PrintRoute.SPOOLER:
                assert self._spooler is not None
                pages = send_to_spooler(self.request, self._spooler)
            else:
                pages = paint_pages(self.printer, self.request,
                                    lambda done: self.progressed.emit(done, total),
                                    lambda: self._cancelled)
        except BaseException as exc:  # reported in the GUI thread
            log.warning("printing %s failed: %s", self.request.title, exc)
            self.error = exc
            if not self._cancelled:
                self.failed.emit(exc)
            return
        self.pages = pages
        if self._cancelled:
            log.info("printing %s cancelled", self.request.title)
            return
        self.progressed.emit(pages, total)
        log.info("sent %d page(s) of %s to the printer (%s)", pages, self.request.title,
                 self.route.value)
        self.succeeded.emit(pages)


_ALIVE: set[PrintJob] = set()
"""Jobs whose thread has not ended: a QThread destroyed while running crashes the program,
and the preview that started a job may close before the job ends."""


def start_print_job(
    printer: QPrinter, request: PrintRequest,
    on_progress: Callable[[int, int], None],
    on_success: Callable[[int], None],
    on_failure: Callable[[BaseException], None],
    route: PrintRoute | None = None,
    on_finished: Callable[[], None] | None = None,
) -> PrintJob:
    """Start printing ``request`` on ``printer`` (the route chosen for this computer unless
    given); the callbacks run in the GUI thread, ``on_finished`` last in every case."""
    spooler = spooler_command()
    chosen = route or choose_route(request, spooler)
    job = PrintJob(printer, request, chosen, spooler)
    queued = Qt.ConnectionType.QueuedConnection

    def progressed(done: int, total: int) -> None:
        if not job.cancelled:
            on_progress(done, total)

    def succeeded(pages: int) -> None:
        if not job.cancelled:
            on_success(pages)

    def failed(error: BaseException) -> None:
        if not job.cancelled:
            on_failure(error)

    job.progressed.connect(progressed, queued)
    job.succeeded.connect(succeeded, queued)
    job.failed.connect(failed, queued)

    def finished() -> None:
        job.wait()
        _ALIVE.discard(job)
        if on_finished is not None:
            on_finished()
        job.deleteLater()

    job.finished.connect(finished, queued)
    _ALIVE.add(job)
    job.start()
    return job


def print_now(printer: QPrinter, request: PrintRequest, route: PrintRoute | None = None
              ) -> int:
    """Print ``request`` in the calling thread (headless use and tests); returns pages."""
    spooler = spooler_command()
    chosen = route or choose_route(request, spooler)
    if chosen is PrintRoute.FILE:
        return copy_to_file(request)
    if chosen is PrintRoute.SPOOLER and spooler is not None:
        return send_to_spooler(request, spooler)
    return paint_pages(printer, request, lambda _done: None, lambda: False)


def running_jobs() -> tuple[PrintJob, ...]:
    """The print jobs whose thread has not ended yet."""
    return tuple(_ALIVE)


__all__ = ["COLOUR_DPI", "RASTER_DPI", "PrintFailure", "PrintJob", "PrintRequest",
           "PrintRoute", "PrinterNotStarted", "choose_route", "paint_pages", "print_now",
           "print_request", "running_jobs", "spooler_arguments", "spooler_command",
           "start_print_job"]
