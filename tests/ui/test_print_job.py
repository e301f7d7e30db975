"""Printing from the PDF preview (issue 14, item 3): off the GUI thread, with progress and
"Sent to the printer: N pages"; a small job (the PDF itself where the platform allows,
else grayscale images well under 1.5 MB a page); Alt+P and Ctrl+P; a preview that fits
small screens."""

from __future__ import annotations

import gc
import stat
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from gui_heartbeat import longest_block_ms  # tests/ui/gui_heartbeat.py
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPageLayout, QScreen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from stationapp.reports.delivery_sheet import render_delivery_sheets
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.sheet_data import DeliverySheets, SheetStop, VolunteerSheet
from stationapp.ui import pdf_preview
from stationapp.ui.ledger_dialog import LedgerDialog
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_preview import PdfPreviewDialog
from stationapp.ui.print_job import (
    PrintFailure,
    PrintRequest,
    PrintRoute,
    choose_route,
    print_now,
    print_request,
    send_to_spooler,
    spooler_arguments,
)

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

PRINT_WAIT_MS = 60000
PAGE_BUDGET = 1_500_000
LONGEST_BLOCK_MS = 100


def six_sheets(path: Path) -> Path:
    """Six volunteers' delivery sheets, as many stops each as fit on one page (up to
    eight): six A4 pages."""
    for count in range(8, 0, -1):
        stops = tuple(SheetStop(number=i + 1, address=f"锦华一区 {i + 2}号楼 1单元 {101 + i}",
                                recipient=f"赵奶奶{i}", phone="13905460001",
                                items="春联 ×2，福字 ×1", notes="卧床，请多敲门")
                      for i in range(count))
        sheets = tuple(VolunteerSheet(volunteer=f"志愿者{v}", volunteer_phone="15209066660",
                                      stops=stops,
                                      totals=(("春联", 2 * count, "副"), ("福字", count, "张")))
                       for v in range(6))
        data = DeliverySheets(station_name="锦华党员服务社", station_phone="0546-8765432",
                              event_title="写春联送祝福", event_date=datetime(2026, 1, 20, 9),
                              sheets=sheets)
        if render_delivery_sheets(data, path, printed_at=datetime(2026, 1, 20, 8)) == 6:
            return path
    raise AssertionError("no six-page delivery sheets")


def file_printer(path: Path) -> QPrinter:
    """A high-resolution printer writing a PDF file (the print dialog's "Print to File")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages_of(path: Path) -> int:
    document = QPdfDocument()
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_
        return document.pageCount()
    finally:
        document.close()


@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    folder = tmp_path / "made"
    folder.mkdir()
    return six_sheets(folder / "配送单.pdf")


@pytest.fixture
def preview(qtbot: QtBot, sheets: Path) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(sheets, "配送单", "配送单.pdf")
    qtbot.addWidget(dialog)
    return dialog


def wait_printed(qtbot: QtBot, preview: PdfPreviewDialog) -> None:
    qtbot.waitUntil(lambda: not preview.printing(), timeout=PRINT_WAIT_MS)


# ------------------------------------------------------------------ a small job


def test_six_sheets_rendered_for_a_printer_stay_under_the_page_budget(
    qtbot: QtBot, sheets: Path, tmp_path: Path
) -> None:
    """The route for printers that take images (Windows): grayscale, 300 dpi at most."""
    out = tmp_path / "printed.pdf"
    printer = file_printer(out)
    request = print_request(printer, sheets, 6, "配送单")
    assert print_now(printer, request, route=PrintRoute.RASTER) == 6
    assert pages_of(out) == 6
    assert out.stat().st_size <= 6 * PAGE_BUDGET
    # Every image in the job is 8-bit gray (not 1200 dpi colour).
    body = out.read_bytes()
    assert b"/ColorSpace /DeviceGray" in body and b"/ColorSpace /DeviceRGB" not in body


def test_a_file_printer_gets_the_pdf_itself(preview: PdfPreviewDialog, tmp_path: Path,
                                            qtbot: QtBot) -> None:
    out = tmp_path / "printed.pdf"
    preview.start_printing(file_printer(out))
    progress = preview._progress
    assert progress is not None
    assert progress.labelText() == "Sending 6 page(s) to the printer…"
    wait_printed(qtbot, preview)
    assert out.read_bytes() == preview.path.read_bytes()  # vector, unchanged
    assert out.stat().st_size <= 6 * PAGE_BUDGET
    assert preview.print_status.text() == "Sent to the printer: 6 page(s)"


def test_a_page_range_into_a_file_prints_those_pages(qtbot: QtBot, sheets: Path,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "two.pdf"
    printer = file_printer(out)
    printer.setFromTo(2, 3)
    request = print_request(printer, sheets, 6, "配送单")
    assert choose_route(request, None) is PrintRoute.RASTER
    assert print_now(printer, request) == 2
    assert pages_of(out) == 2


def test_cups_gets_the_pdf_as_it_is(tmp_path: Path, sheets: Path) -> None:
    """On Linux and macOS the PDF goes to ``lp`` unchanged (vector)."""
    record = tmp_path / "lp-args"
    lp = tmp_path / "lp"
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\necho "request id is P-1"\n')
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    request = PrintRequest(pdf=sheets, first=2, last=4, document_pages=6, title="配送单",
                           printer_name="Office", copies=2,
                           duplex="two-sided-long-edge", grayscale=True)
    assert choose_route(request, str(lp)) is PrintRoute.SPOOLER
    assert choose_route(request, None) is PrintRoute.RASTER  # Windows: no lp
    assert send_to_spooler(request, str(lp)) == 3
    assert record.read_text().splitlines() == spooler_arguments(request, str(lp))[1:]
    assert spooler_arguments(request, "lp") == [
        "lp", "-d", "Office", "-t", "配送单", "-n", "2", "-P", "2-4",
        "-o", "sides=two-sided-long-edge", "-o", "print-color-mode=monochrome",
        "--", str(sheets)]


def test_a_spooler_that_refuses_says_why(tmp_path: Path, sheets: Path) -> None:
    lp = tmp_path / "lp"
    lp.write_text('#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n')
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    request = PrintRequest(pdf=sheets, first=1, last=6, document_pages=6, title="配送单",
                           printer_name="Gone")
    with pytest.raises(PrintFailure, match="does not exist"):
        send_to_spooler(request, str(lp))


# ------------------------------------------------------------------ off the GUI thread


def test_printing_six_sheets_never_blocks_the_gui_thread(
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The slow route (rendered images, as on Windows) into a file printer: the event loop
    keeps turning, with a progress dialog, and ends with "Sent to the printer: 6 pages".

    A thread holding the GUI for a page would block every attempt by far more than the
    limit; a loaded 2-core machine may delay one tick now and then, hence the best of
    three attempts."""
    preview.show()
    # The test process holds far more objects than the program (pytest, every test
    # module): a full garbage collection of them alone takes 70-140 ms here, whichever
    # thread triggers it. Frozen, they are left out: this measures the print job.
    gc.collect()
    gc.freeze()
    request.addfinalizer(gc.unfreeze)
    warm_up = tmp_path / "warm-up.pdf"  # loads QtPdf and the print engine once
    printer = file_printer(warm_up)
    printer.setFromTo(1, 1)
    print_now(printer, print_request(printer, preview.path, 6, "配送单"), PrintRoute.RASTER)
    printed: list[int] = []
    preview.printed.connect(printed.append)
    attempts: list[int] = []
    for attempt in range(3):
        out = tmp_path / f"printed-{attempt}.pdf"

        def start(out: Path = out) -> None:
            preview.start_printing(file_printer(out), PrintRoute.RASTER)

        attempts.append(longest_block_ms(qtbot, start, preview.printing, PRINT_WAIT_MS))
        assert printed[-1] == 6 and pages_of(out) == 6
        assert preview.print_status.text() == "Sent to the printer: 6 page(s)"
        if attempts[-1] <= LONGEST_BLOCK_MS:
            break
    print("longest GUI-thread blocks (ms):", attempts)
    assert min(attempts) <= LONGEST_BLOCK_MS, attempts


def test_progress_says_which_page_and_cancel_stops(
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path
) -> None:
    preview.show()
    pages: list[str] = []
    preview.start_printing(file_printer(tmp_path / "cancelled.pdf"), PrintRoute.RASTER)
    progress = preview._progress
    assert progress is not None and progress.isVisible()
    assert progress.labelText() == "Printing page 1 of 6…"
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=PRINT_WAIT_MS)
    pages.append(progress.labelText())
    progress.canceled.emit()  # what its Cancel button does
    wait_printed(qtbot, preview)
    assert pages[0].startswith("Printing page ") and pages[0].endswith(" of 6…")
    assert preview.print_status.text() == "Printing cancelled."
    assert preview.print_button.isEnabled()


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_cannot_start_is_said_plainly(
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    preview.start_printing(file_printer(tmp_path / "no such folder" / "x.pdf"),
                           PrintRoute.RASTER)
    wait_printed(qtbot, preview)
    assert message_boxes.warnings == [
        "Not printed: The printer could not be started. Check that it is switched on and "
        "chosen correctly, then try again."]
    assert preview.print_status.text() == "Not printed."


def test_closing_while_printing_removes_the_file_afterwards(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "temporary"
    folder.mkdir()
    dialog = PdfPreviewDialog(six_sheets(folder / "配送单.pdf"), "配送单", "配送单.pdf",
                              temporary_dir=folder)
    qtbot.addWidget(dialog)
    dialog.start_printing(file_printer(tmp_path / "printed.pdf"), PrintRoute.RASTER)
    dialog.done(0)
    assert folder.exists()  # the job still reads it
    qtbot.waitUntil(lambda: not folder.exists(), timeout=PRINT_WAIT_MS)
    assert pages_of(tmp_path / "printed.pdf") == 6


# ------------------------------------------------------------------ keys and size


class FakePrintDialog:
    """Stands in for QPrintDialog: records that it was opened, then is cancelled."""

    opened = 0

    def __init__(self, *_args: Any) -> None:
        FakePrintDialog.opened += 1

    def setWindowTitle(self, _title: str) -> None: ...
    def setMinMax(self, _first: int, _last: int) -> None: ...
    def setOption(self, *_args: Any) -> None: ...

    PrintDialogOption = QPrintDialog.PrintDialogOption

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Rejected


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.AltModifier,
                                      Qt.KeyboardModifier.ControlModifier])
def test_alt_p_and_ctrl_p_open_the_print_dialog(
    qtbot: QtBot, preview: PdfPreviewDialog, monkeypatch: pytest.MonkeyPatch,
    modifier: Qt.KeyboardModifier,
) -> None:
    monkeypatch.setattr(pdf_preview, "QPrintDialog", FakePrintDialog)
    FakePrintDialog.opened = 0
    preview.show()
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    QTest.keyClick(preview, Qt.Key.Key_P, modifier)
    qtbot.waitUntil(lambda: FakePrintDialog.opened == 1, timeout=2000)


@pytest.mark.parametrize(("width", "height"), [(1366, 728), (1280, 680), (911, 472)])
def test_the_preview_opens_within_small_screens(
    qtbot: QtBot, sheets: Path, monkeypatch: pytest.MonkeyPatch, width: int, height: int
) -> None:
    """1366×768, 1920×1080 at 150 % and 1366×768 at 150 % (taskbar taken off)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height))
    dialog = PdfPreviewDialog(sheets, "配送单", "配送单.pdf")
    qtbot.addWidget(dialog)
    assert dialog.width() <= width and dialog.height() <= height
    assert dialog.height() >= dialog.minimumSizeHint().height()
    assert QApplication.primaryScreen() is not None


def test_the_ledger_prints_through_the_same_path(qtbot: QtBot, ledger: Database,
                                                 tmp_path: Path) -> None:
    """Print ▸ Ledger…: its preview prints landscape pages off the GUI thread too."""
    dialog = LedgerDialog(Operations(ledger, "test"), None, HouseholdFilter(), "全部住户")
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.pdf.preview is not None, timeout=PRINT_WAIT_MS)
    preview = dialog.pdf.preview
    assert isinstance(preview, PdfPreviewDialog)
    printer = preview.make_printer()
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    out = tmp_path / "ledger.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    preview.start_printing(printer, PrintRoute.RASTER)
    wait_printed(qtbot, preview)
    pages = preview.page_count()
    assert pages_of(out) == pages
    assert preview.print_status.text() == f"Sent to the printer: {pages} page(s)"
    preview.close_button.click()
    qtbot.waitUntil(lambda: dialog.pdf.preview is None, timeout=PRINT_WAIT_MS)
