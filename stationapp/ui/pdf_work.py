"""Making the printed papers from the pages: work for :class:`PdfMaker`, and the maker.

Each ``*_work`` function returns a :data:`PdfWork` that composes one paper with
:mod:`stationapp.documents` (the same module the command line uses) into a file.
:class:`PdfMaker` runs such work off the GUI thread through the
:class:`~stationapp.ui.operations.Operations` runner, behind a busy progress dialog with
Cancel, and opens :class:`~stationapp.ui.pdf_preview.PdfPreviewDialog` when the file is
ready. A missing Chinese font (:class:`~stationapp.reports.fonts.FontNotFoundError`) or any
other problem meant for the clerk is shown as a plain message saying what to do.

Kept apart from the preview (which only shows and prints) so that pages printing a paper
need not import one another; QtPdf and reportlab are loaded on the first print only.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from stationapp.domain.errors import StationError
from stationapp.files import create_private_file
from stationapp.messages import render
from stationapp.ui.notices import ChangeNotice
from stationapp.ui.operations import Done, OperationContext, Operations

if TYPE_CHECKING:
    from stationapp.reports.font_chain import Unprintable
    from stationapp.services.household_queries import HouseholdFilter
    from stationapp.services.ledger_data import LedgerColumn
    from stationapp.services.service_record import Certificate
    from stationapp.services.statistics import MonthlyStatistics
    from stationapp.ui.pdf_preview import PdfPreviewDialog
    from stationapp.ui.workers import SessionTask

log = logging.getLogger("stationapp.ui")

PdfWork = Callable[[Session, Path], int]
"""Writes a PDF to the given path with the given session; returns the number of pages."""


def delivery_sheets_work(
    event_id: int, volunteer_id: int | None, printed_at: datetime, *,
    include_unassigned: bool = False,
) -> PdfWork:
    """Work that renders the delivery sheets of an event (one volunteer, or all), printed
    at ``printed_at``; the unassigned stops only with ``include_unassigned``."""

    def work(session: Session, path: Path) -> int:
        # Imported when first printing: reportlab is not needed to start the program.
        from stationapp.documents.delivery_sheets import make_delivery_sheets

        return make_delivery_sheets(session, event_id, path, printed_at=printed_at,
                                    volunteer_id=volunteer_id,
                                    include_unassigned=include_unassigned).pages

    return work


def event_report_work(event_id: int, printed_at: datetime) -> PdfWork:
    """Work that renders the event report (活动记录) of an event, printed at
    ``printed_at``."""

    def work(session: Session, path: Path) -> int:
        from stationapp.documents.event_report import make_event_report

        return make_event_report(session, event_id, path, printed_at=printed_at).pages

    return work


def monthly_report_work(
    month: date, now: datetime, shown: MonthlyStatistics | None = None
) -> PdfWork:
    """Work that renders the monthly report (工作月报) of the month containing ``month``,
    with the figures as of ``now``'s day, printed at ``now``; ``shown`` are the figures
    the page already shows (used when they are of that month, instead of reading again)."""

    def work(session: Session, path: Path) -> int:
        from stationapp.documents.monthly_report import make_monthly_report

        return make_monthly_report(session, month, path, now=now, stats=shown).pages

    return work


def service_certificate_work(
    volunteer_id: int, actor: str, start: date, end: date, issued: list[Certificate],
    now: datetime,
) -> PdfWork:
    """Work that issues a service certificate at ``now`` and writes its PDF; the
    certificate goes to ``issued``.

    Issuing and writing are one transaction: when the PDF cannot be written, no number is
    used up. Run it with a notice (:meth:`PdfMaker.make`'s ``notice``), since it changes
    the volunteers' records.
    """

    def work(session: Session, path: Path) -> int:
        from stationapp.documents.service_certificate import issue_service_certificate

        certificate = issue_service_certificate(session, volunteer_id, actor, path, now=now,
                                                start=start, end=end)
        issued.append(certificate)
        return 1

    return work


def ledger_work(
    household_filter: HouseholdFilter, columns: tuple[LedgerColumn, ...], filter_text: str,
    now: datetime,
) -> PdfWork:
    """Work that renders the printed ledger of the households ``household_filter`` keeps,
    as of ``now`` (ages on its day, printed at it)."""

    def work(session: Session, path: Path) -> int:
        from stationapp.documents.ledger import make_ledger

        return make_ledger(session, household_filter, columns, path, now=now,
                           filter_text=filter_text).pages

    return work


def pdf_file_name(*parts: str) -> str:
    """A file name from words, without characters that file systems refuse."""
    text = " ".join(p.strip() for p in parts if p.strip()) or "stationapp"
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text)
    return f"{safe}.pdf"


class PdfMaker(QObject):
    """Makes PDFs in a worker thread and shows each in a
    :class:`~stationapp.ui.pdf_preview.PdfPreviewDialog`.

    ``preview_opened(dialog)`` is emitted when a preview is shown; ``problem(message)``
    when a PDF could not be made for a reason the clerk can act on (also shown in a box).
    """

    preview_opened = Signal(object)
    problem = Signal(str)

    def __init__(self, operations: Operations, parent_widget: QWidget) -> None:
        """Make PDFs through ``operations``; dialogs are children of ``parent_widget``."""
        super().__init__(parent_widget)
        self._operations = operations
        self._widget = parent_widget
        self._progress: QProgressDialog | None = None
        self._task: SessionTask[Any] | None = None
        self._threads: set[SessionTask[Any]] = set()
        self.preview: PdfPreviewDialog | None = None

    def busy(self) -> bool:
        """True while a PDF is being made."""
        return self._task is not None

    def make(self, work: PdfWork, title: str, file_name: str,
             notice: ChangeNotice | None = None) -> None:
        """Render with ``work`` into a temporary file, then preview it as ``title``.

        Work that changes data (issuing a numbered certificate) gives the ``notice`` of
        what it changed: it runs as a change and the notice is announced once written.
        """
        if self._task is not None:
            return
        # mkdtemp's folder is 0700; the PDF is created 0600 before reportlab writes it
        # (reportlab keeps the mode of a file it overwrites).
        folder = Path(tempfile.mkdtemp(prefix="stationapp-pdf-"))
        path = folder / file_name
        create_private_file(path)

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

        # What would print blank (a character no font has) is gathered while the paper
        # is laid out, and told before the clerk prints (the preview shows the blanks).
        unprintable: list[Unprintable] = []

        def checked(session: Session) -> int:
            from stationapp.documents.printability import checked_printing

            with checked_printing() as found:
                pages = work(session, path)
            unprintable.extend(found)
            return pages

        def done(_pages: object) -> None:
            self._finish()
            self._open_preview(path, title, file_name, folder)
            if unprintable:
                self._warn_unprintable(unprintable)

        def failed(error: BaseException) -> None:
            self._finish()
            shutil.rmtree(folder, ignore_errors=True)
            self._report(error)

        task: SessionTask[Any]
        if notice is None:
            task = self._operations.read_in_background(checked, done, failed)
        else:
            def change(ctx: OperationContext) -> int:
                return checked(ctx.session)

            def changed(result: Done[int]) -> None:
                done(result.value)

            task = self._operations.change_in_background(change, notice, changed, failed)

        def finished() -> None:
            self._threads.discard(task)
            if task.cancelled:  # nobody will preview it: remove the file again
                shutil.rmtree(folder, ignore_errors=True)

        task.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._threads.add(task)
        self._task = task

    def wait(self) -> None:
        """Wait for a PDF being made (used when the owner closes)."""
        for task in list(self._threads):
            with contextlib.suppress(RuntimeError):  # already finished and deleted
                task.wait()

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
        from stationapp.ui.pdf_preview import PdfPreviewDialog  # QtPdf on first use

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

    def _warn_unprintable(self, found: list[Unprintable]) -> None:
        from stationapp.documents.printability import describe_unprintable

        lines = "\n".join(render(line) for line in describe_unprintable(found))
        self.problem.emit(lines)
        advice = self.tr("They are blank in the preview. Check the names, or ask the "
                         "administrator to install a font that has these characters.")
        QMessageBox.warning(self.preview or self._widget,
                            self.tr("Some characters will print blank"),
                            f"{lines}\n\n{advice}")

    def _report(self, error: BaseException) -> None:
        if not isinstance(error, StationError):
            raise error  # a bug: the crash handler shows it
        message = str(error)
        self.problem.emit(message)
        QMessageBox.warning(self._widget, self.tr("The PDF could not be made"), message)


__all__ = ["PdfMaker", "PdfWork", "delivery_sheets_work", "event_report_work", "ledger_work",
           "monthly_report_work", "pdf_file_name", "service_certificate_work"]
