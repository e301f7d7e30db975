"""A volunteer's service record certificate (志愿服务记录证明), numbered and kept."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.service_certificate import write_certificate
from stationapp.services.service_record import Certificate, issue_certificate


def issue_service_certificate(
    session: Session, volunteer_id: int, actor: str, target: PdfTarget, *, now: datetime,
    start: date | None = None, end: date | None = None,
) -> Certificate:
    """Number and keep a certificate of volunteer ``volunteer_id``'s service from
    ``start`` to ``end`` (default: the first service to ``now``'s day), issued by
    ``actor``, and write it to ``target``, printed at ``now``.

    Issuing and writing share the caller's transaction: when the PDF cannot be written
    the error propagates and, rolled back, no number is used up.
    """
    certificate = issue_certificate(session, volunteer_id, actor, start=start, end=end,
                                    today=now.date())
    write_certificate(certificate, target, printed_at=now)
    return certificate


__all__ = ["Certificate", "issue_service_certificate"]
