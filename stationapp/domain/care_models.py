"""Models of care follow-up: visits, reminders, requests (诉求), volunteer roles and hours."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stationapp.domain.care_vocab import (
    FindingLevel,
    RequestStatus,
    Satisfaction,
    VisitMethod,
    VisitTopic,
)
from stationapp.domain.care_vocab import VolunteerRole as VolunteerRoleKind
from stationapp.domain.clock import connection_now
from stationapp.domain.event_models import Event, Volunteer
from stationapp.domain.models import Base, Community, Household, Timestamped


class Visit(Timestamped, Base):
    """走访 / 回访: one visit or call to a household, with findings by topic."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    visit_date: Mapped[date] = mapped_column(Date)
    method: Mapped[VisitMethod] = mapped_column(String(16), default=VisitMethod.HOME)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    needs_follow_up: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    household: Mapped[Household] = relationship()
    visitor: Mapped[Volunteer | None] = relationship()
    findings: Mapped[list[VisitFinding]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitFinding.topic"
    )

    __table_args__ = (
        Index("ix_visit_household_date", "household_id", "visit_date"),
        # Covers both "who was visited this month" and "visits by method" of a month.
        Index("ix_visit_date_method_household", "visit_date", "method", "household_id"),
        Index("ix_visit_visitor_date", "visitor_id", "visit_date"),
        # A month's visits of one method as one range count (no grouping sort).
        Index("ix_visit_method_date", "method", "visit_date"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class VisitFinding(Base):
    """What the visitor found on one topic (health, mood, gas …) of a visit."""

    __tablename__ = "visit_finding"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[VisitTopic] = mapped_column(String(16), primary_key=True)
    level: Mapped[FindingLevel] = mapped_column(String(16), default=FindingLevel.OK)
    note: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="findings")


class Reminder(Timestamped, Base):
    """A dated reminder to look at a household again (待办提醒), often from a visit."""

    __tablename__ = "reminder"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL"), nullable=True
    )
    due_date: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    household: Mapped[Household] = relationship()
    assignee: Mapped[Volunteer | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RequestCategory(Base):
    """诉求类别: a station-editable list (供暖, 水电, 燃气 …)."""

    __tablename__ = "request_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class CareRequest(Timestamped, Base):
    """诉求 / 报修: a problem a resident reported, followed to its end and called back."""

    __tablename__ = "care_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("request_category.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(32), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    reporter: Mapped[str] = mapped_column(String(64), default="")
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id"), nullable=True, index=True
    )
    status: Mapped[RequestStatus] = mapped_column(String(16), default=RequestStatus.RECEIVED)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    satisfaction: Mapped[Satisfaction | None] = mapped_column(String(16), nullable=True)
    callback_note: Mapped[str] = mapped_column(Text, default="")
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL"), nullable=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    household: Mapped[Household] = relationship()
    category: Mapped[RequestCategory] = relationship()
    assignee: Mapped[Volunteer | None] = relationship()
    history: Mapped[list[RequestStatusChange]] = relationship(
        back_populates="request", cascade="all, delete-orphan",
        order_by="RequestStatusChange.id",
    )

    __table_args__ = (
        Index("ix_care_request_status_received", "status", "received_at"),
        # The statistics' request figures read this index alone, never the rows.
        Index("ix_care_request_figures", "status", "resolved_at", "received_at",
              "category_id"),
        Index("ix_care_request_confirmed_satisfaction", "confirmed_at", "satisfaction"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RequestStatusChange(Base):
    """One step of a request's status flow: from, to, when, who and a note."""

    __tablename__ = "request_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("care_request.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[RequestStatus | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[RequestStatus] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=connection_now)

    request: Mapped[CareRequest] = relationship(back_populates="history")


class VolunteerRoleAssignment(Base):
    """A volunteer serving as 监督员 / 联络员 / 宣传员 in one community."""

    __tablename__ = "volunteer_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    role: Mapped[VolunteerRoleKind] = mapped_column(String(16))
    since: Mapped[date | None] = mapped_column(Date, nullable=True)

    volunteer: Mapped[Volunteer] = relationship()
    community: Mapped[Community] = relationship()

    __table_args__ = (UniqueConstraint("volunteer_id", "community_id", "role"),)


class DeliveryRound(Timestamped, Base):
    """A volunteer's delivery round (送上门) for an event on one day, with the hours served."""

    __tablename__ = "delivery_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    round_date: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float, default=0.0)

    event: Mapped[Event] = relationship()
    volunteer: Mapped[Volunteer] = relationship()

    __table_args__ = (UniqueConstraint("event_id", "volunteer_id", "round_date"),)


class ServiceCertificate(Base):
    """志愿服务记录证明: a certificate issued to a volunteer, numbered once and kept."""

    __tablename__ = "service_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    actor: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=connection_now)
    # Printing the same certificate again (补打) reuses the number; the register keeps how
    # often, and the last reprint's day and who printed it.
    reprint_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reprinted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reprinted_by: Mapped[str] = mapped_column(String(64), default="", server_default="")

    volunteer: Mapped[Volunteer] = relationship()

    __table_args__ = (
        Index("ix_service_certificate_period", "volunteer_id", "period_start", "period_end"),
    )
