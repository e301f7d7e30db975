"""The delivery sheets (配送单) of an event: one sheet per volunteer and community (a walking
route), the unassigned stops only when asked for."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.delivery_sheet import render_delivery_sheets
from stationapp.services.sheet_data import delivery_sheets


@dataclass(frozen=True)
class DeliverySheetsPrinted:
    """What was printed: how many sheets (volunteer × community), stops and pages, and how
    many unassigned stops were left out (not asked for)."""

    sheets: int
    stops: int
    pages: int
    left_out: int = 0


def make_delivery_sheets(
    session: Session, event_id: int, target: PdfTarget, *, printed_at: datetime,
    volunteer_id: int | None = None, volunteer_name: str | None = None,
    include_unassigned: bool = False, delivery_day: date | None = None,
) -> DeliverySheetsPrinted:
    """Write the delivery sheets of event ``event_id`` (every volunteer's, or only the one
    given by id or name) to ``target``, printed at ``printed_at``.

    The stops nobody has been given yet are printed only with ``include_unassigned`` (on
    sheets marked "未分配 — 请先指定志愿者"). ``delivery_day`` is the day of this round,
    shown on redelivery sheets; by default the day of printing.
    Raises NotFoundError for an unknown event or volunteer and
    :class:`~stationapp.reports.fonts.FontNotFoundError` when no Chinese font is found.
    """
    data = delivery_sheets(session, event_id, volunteer_id=volunteer_id,
                           volunteer_name=volunteer_name,
                           include_unassigned=include_unassigned,
                           delivery_day=delivery_day)
    if data.delivery_day is None:
        data = replace(data, delivery_day=printed_at.date())
    pages = render_delivery_sheets(data, target, printed_at=printed_at)
    stops = sum(len(sheet.stops) for sheet in data.sheets)
    return DeliverySheetsPrinted(len(data.sheets), stops, pages, data.left_out)


__all__ = ["DeliverySheetsPrinted", "make_delivery_sheets"]
