"""Models of events, the item catalogue, volunteers and door-to-door deliveries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stationapp.domain.models import Base, Community, Household, Timestamped
from stationapp.domain.vocab import DeliveryOutcome


class EventType(Base):
    """活动类型: a station-editable list (写春联送祝福, 送窗花, 安全宣传 …)."""

    __tablename__ = "event_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Item(Base):
    """物品: an entry of the station-wide catalogue with its unit (春联 · 幅)."""

    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    unit: Mapped[str] = mapped_column(String(8), default="份")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Volunteer(Timestamped, Base):
    """志愿者: a person who serves at events and carries deliveries."""

    __tablename__ = "volunteer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), nullable=True)
    skills: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    id_type: Mapped[str] = mapped_column(String(32), default="")
    """证件类型 (居民身份证, 护照 …); "" when no ID number is kept."""
    id_number: Mapped[str] = mapped_column(String(32), default="")
    """证件号码: a 居民身份证 number is checked like a resident's; shown masked."""
    volunteer_number: Mapped[str] = mapped_column(String(32), default="")
    """The number in 全国志愿服务信息系统 (free text)."""
    version: Mapped[int] = mapped_column(Integer, default=1)

    community: Mapped[Community | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Event(Timestamped, Base):
    """活动: what happened when and where, who organised it, what was handed out."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_type_id: Mapped[int] = mapped_column(ForeignKey("event_type.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    place: Mapped[str] = mapped_column(String(120), default="")
    organiser: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    participant_count: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")
    """活动小结: what the event achieved, written after it (printed in the event report)."""
    version: Mapped[int] = mapped_column(Integer, default=1)

    event_type: Mapped[EventType] = relationship()
    tallies: Mapped[list[EventTally]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    volunteers: Mapped[list[EventVolunteer]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class EventPhoto(Base):
    """活动照片: a photo of an event (at most 6), shown in ``position`` order with its
    caption. ``data`` is the shrunk JPEG itself (≤ 1600 px, typically 100–400 KB), kept in
    the ledger so that backups and every desk carry it; it is loaded only when asked for
    (deferred), ``width`` and ``height`` are its pixels."""

    __tablename__ = "event_photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(String(120), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(64), default="")


class EventTally(Base):
    """How many of an item were handed out on the spot at an event (春联 100 幅)."""

    __tablename__ = "event_tally"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="tallies")
    item: Mapped[Item] = relationship()


class EventVolunteer(Base):
    """A volunteer who served at an event, with the hours served."""

    __tablename__ = "event_volunteer"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), primary_key=True)
    hours: Mapped[float] = mapped_column(Float, default=0.0)

    event: Mapped[Event] = relationship(back_populates="volunteers")
    volunteer: Mapped[Volunteer] = relationship()


class Delivery(Timestamped, Base):
    """送上门: one household × item × quantity of an event, its volunteer, stop and outcome.

    A household × item is planned once per event (unique); 再送一次 puts the same row back
    to pending with ``attempt`` + 1, and every recorded outcome is kept in
    :class:`DeliveryAttempt`.
    """

    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id"), nullable=True, index=True
    )
    stop_order: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[DeliveryOutcome] = mapped_column(
        String(16), default=DeliveryOutcome.PENDING, index=True
    )
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    outcome_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, default=1)

    event: Mapped[Event] = relationship()
    household: Mapped[Household] = relationship()
    item: Mapped[Item] = relationship()
    volunteer: Mapped[Volunteer | None] = relationship()
    attempts: Mapped[list[DeliveryAttempt]] = relationship(
        back_populates="delivery", cascade="all, delete-orphan", order_by="DeliveryAttempt.id"
    )

    __table_args__ = (UniqueConstraint("event_id", "household_id", "item_id"),)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DeliveryAttempt(Base):
    """One recorded outcome of a delivery (history across 再送一次)."""

    __tablename__ = "delivery_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("delivery.id", ondelete="CASCADE"), index=True
    )
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    outcome: Mapped[DeliveryOutcome] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    happened_at: Mapped[datetime] = mapped_column(DateTime)
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(64), default="")

    delivery: Mapped[Delivery] = relationship(back_populates="attempts")
