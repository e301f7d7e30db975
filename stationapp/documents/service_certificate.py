"""A volunteer's service record certificate (志愿服务记录证明), numbered and kept."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.service_certificate import write_certificate
from stationapp.services.service_record import (
    Certificate,
    issue_certificate,
    reprint_certificate,
)


def issue_service_certificate(
    session: Session, volunteer_id: int, actor: str, target: PdfTarget, *, now: datetime,
    start: date | None = None, end: date | None = None,
) -> Certificate:
    """Number and keep a certificate of volunteer ``volunteer_id``'s service from
    ``start`` to ``end`` (default: the first service to ``now``'s day), issued by
    ``actor``, and write it to ``target``, printed at ``now``.

    When the register already holds a certificate of the same volunteer, period and hours,
    that one is printed again, marked 补打 (``Certificate.is_reprint``).

    Issuing and writing share the caller's transaction: when the PDF cannot be written
    the error propagates and, rolled back, no number is used up.
    """
    certificate = issue_certificate(session, volunteer_id, actor, start=start, end=end,
                                    today=now.date())
    write_certificate(certificate, target, printed_at=now)
    return certificate


def reprint_service_certificate(
    session: Session, number: str, actor: str, target: PdfTarget, *, now: datetime
) -> Certificate:
    """Print the kept certificate ``number`` again to ``target``, marked 补打 with ``now``'s
    day; the register counts the reprint once the caller commits (same transaction as
    the PDF, as for :func:`issue_service_certificate`)."""
    certificate = reprint_certificate(session, number, actor, today=now.date())
    write_certificate(certificate, target, printed_at=now)
    return certificate


__all__ = ["Certificate", "issue_service_certificate", "reprint_service_certificate"]
