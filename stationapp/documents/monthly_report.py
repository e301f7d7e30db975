"""The monthly report (工作月报): households, visits, requests, events and volunteers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.reports.layout import format_date
from stationapp.reports.monthly_report import ReportSignOff, write_monthly_report
from stationapp.services.settings import get_station_settings
from stationapp.services.statistics import MonthlyStatistics, monthly_statistics


@dataclass(frozen=True)
class MonthlyReportPrinted:
    """What was printed: the first day of the month reported and the number of pages."""

    month: date
    pages: int


def make_monthly_report(
    session: Session, month: date, target: PdfTarget, *, now: datetime,
    stats: MonthlyStatistics | None = None,
) -> MonthlyReportPrinted:
    """Write the monthly report of the month containing ``month`` to ``target``, with the
    figures as of ``now``'s day, printed at ``now``, signed off by the station's 填报人
    (preparer), 审核人 (reviewer) and 联系电话 (:attr:`StationSettings.sign_off_phone`),
    报送日期 ``now``'s day.

    ``stats`` are the month's figures when the caller has just read them (the statistics
    page shows them); they are used as they are instead of being read again.
    """
    if stats is None or (stats.month.year, stats.month.month) != (month.year, month.month):
        stats = monthly_statistics(session, month, today=now.date())
    settings = get_station_settings(session)
    sign_off = ReportSignOff(preparer=settings.preparer, reviewer=settings.reviewer,
                             phone=settings.sign_off_phone, date_text=format_date(now.date()))
    pages = write_monthly_report(stats, target, printed_at=now, sign_off=sign_off)
    return MonthlyReportPrinted(stats.month, pages)


__all__ = ["MonthlyReportPrinted", "make_monthly_report"]
