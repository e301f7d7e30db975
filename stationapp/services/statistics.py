"""The figures a station reports upward, for one month (统计 page and 月报 PDF).

CONTRACT — signatures and data shapes are fixed; bodies are being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from stationapp.services.visits import Coverage

Counts = tuple[tuple[str, int], ...]
"""(label, count) pairs in display order."""


@dataclass(frozen=True)
class RequestCategoryFigures:
    """Requests of one category in the month."""

    category: str
    received: int
    closed: int
    open: int


@dataclass(frozen=True)
class MonthlyStatistics:
    """Everything the statistics page and the monthly report show."""

    month: date
    station: str
    generated_on: date
    households_total: int
    by_category: Counts
    by_community: Counts
    by_tier: Counts
    visits_in_month: int
    visits_by_method: Counts
    coverage: Coverage
    overdue_visits: int
    requests_received: int
    requests_closed: int
    requests_open: int
    requests_overdue: int
    average_days_to_close: float | None
    satisfaction: Counts
    requests_by_category: tuple[RequestCategoryFigures, ...]
    events_in_month: int
    events_by_type: Counts
    deliveries_by_outcome: Counts
    volunteer_hours: float
    top_volunteers: tuple[tuple[str, float], ...]
    active_volunteers: int


def monthly_statistics(
    session: Session, month: date, today: date | None = None
) -> MonthlyStatistics:
    """Figures of the month containing ``month`` (households and open counts as of ``today``
    for the current month, as of the month's last day for a past month)."""
    raise NotImplementedError
