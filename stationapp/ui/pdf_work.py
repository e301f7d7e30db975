"""What goes into each printed paper the pages make: work for :class:`PdfMaker`.

Each function returns a :data:`PdfWork` that reads the data with a session and renders
it to a file; :class:`~stationapp.ui.pdf_preview.PdfMaker` runs it off the GUI thread and
shows the result. Kept apart from the preview so that pages composing a paper need not
import one another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

PdfWork = Callable[[Session, Path], int]
"""Writes a PDF to the given path with the given session; returns the number of pages."""


def delivery_sheets_work(
    event_id: int, volunteer_id: int | None, printed_at: datetime
) -> PdfWork:
    """Work that renders the delivery sheets of an event (one volunteer, or all), printed
    at ``printed_at``."""

    def work(session: Session, path: Path) -> int:
        # Imported when first printing: reportlab is not needed to start the program.
        from stationapp.reports.delivery_sheet import render_delivery_sheets
        from stationapp.services.sheet_data import delivery_sheets

        data = delivery_sheets(session, event_id, volunteer_id=volunteer_id)
        return render_delivery_sheets(data, path, printed_at=printed_at)

    return work


def event_report_work(event_id: int, printed_at: datetime) -> PdfWork:
    """Work that renders the event report (活动记录) of an event, printed at
    ``printed_at``."""

    def work(session: Session, path: Path) -> int:
        from stationapp.reports.event_report import render_event_report
        from stationapp.services.sheet_data import event_report

        return render_event_report(event_report(session, event_id), path,
                                   printed_at=printed_at)

    return work


def pdf_file_name(*parts: str) -> str:
    """A file name from words, without characters that file systems refuse."""
    text = " ".join(p.strip() for p in parts if p.strip()) or "stationapp"
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text)
    return f"{safe}.pdf"


__all__ = ["PdfWork", "delivery_sheets_work", "event_report_work", "pdf_file_name"]
