"""The event report (活动记录): details, tallies, volunteers and delivery results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.event_report import render_event_report
from stationapp.services.sheet_data import event_report


@dataclass(frozen=True)
class EventReportPrinted:
    """What was printed: the event's title and the number of pages."""

    title: str
    pages: int


def make_event_report(
    session: Session, event_id: int, target: PdfTarget, *, printed_at: datetime
) -> EventReportPrinted:
    """Write the event report of event ``event_id`` to ``target``, printed at
    ``printed_at``.

    Raises NotFoundError for an unknown event and
    :class:`~stationapp.reports.fonts.FontNotFoundError` when no Chinese font is found.
    """
    data = event_report(session, event_id)
    return EventReportPrinted(data.title, render_event_report(data, target,
                                                              printed_at=printed_at))


__all__ = ["EventReportPrinted", "make_event_report"]
