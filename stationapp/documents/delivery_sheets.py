"""The delivery sheets (配送单) of an event: one sheet per volunteer with pending stops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.delivery_sheet import render_delivery_sheets
from stationapp.services.sheet_data import delivery_sheets


@dataclass(frozen=True)
class DeliverySheetsPrinted:
    """What was printed: how many sheets (volunteers), stops and pages."""

    sheets: int
    stops: int
    pages: int


def make_delivery_sheets(
    session: Session, event_id: int, target: PdfTarget, *, printed_at: datetime,
    volunteer_id: int | None = None, volunteer_name: str | None = None,
) -> DeliverySheetsPrinted:
    """Write the delivery sheets of event ``event_id`` (every volunteer's, or only the one
    given by id or name) to ``target``, printed at ``printed_at``.

    Raises NotFoundError for an unknown event or volunteer and
    :class:`~stationapp.reports.fonts.FontNotFoundError` when no Chinese font is found.
    """
    data = delivery_sheets(session, event_id, volunteer_id=volunteer_id,
                           volunteer_name=volunteer_name)
    pages = render_delivery_sheets(data, target, printed_at=printed_at)
    stops = sum(len(sheet.stops) for sheet in data.sheets)
    return DeliverySheetsPrinted(len(data.sheets), stops, pages)


__all__ = ["DeliverySheetsPrinted", "make_delivery_sheets"]
