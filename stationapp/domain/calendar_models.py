"""SQLAlchemy model of the calendar: seasonal visit periods (季节性走访期)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stationapp.domain.models import Base, Timestamped


class SeasonalPeriod(Timestamped, Base):
    """A period the station declared (寒潮, 高温, 中秋 …) during which households of the
    chosen care categories are due a visit within ``due_days`` of its start.

    ``categories`` holds care category values (``CareCategory``, 高龄 included) joined by
    commas. ``ended_on`` is None while the period runs open-ended; ending a period sets it.
    """

    __tablename__ = "seasonal_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_days: Mapped[int] = mapped_column(Integer)
    categories: Mapped[str] = mapped_column(String(255), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
