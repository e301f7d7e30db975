"""SQLAlchemy 2 typed models of the ledger: settings, communities, households, residents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from stationapp.domain.clock import connection_now
from stationapp.domain.vocab import CareTier, HouseholdStatus, ResidentStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with one MetaData and a naming convention for constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    """Columns every edited row carries: creation and change times and who changed it."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=connection_now)
    """When the row was written (audit only; from the program's clock)."""
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=connection_now, onupdate=connection_now
    )
    """When the row last changed (audit only; from the program's clock)."""
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class StationSetting(Base):
    """One station-wide setting (station name, phone, visit intervals …) shared by all desks."""

    __tablename__ = "station_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Community(Timestamped, Base):
    """小区 / 片区: a residential community served by the station."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    households: Mapped[list[Household]] = relationship(back_populates="community")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Household(Timestamped, Base):
    """户: one dwelling on the ledger with its residents, care categories and tier.

    ``head_name``, ``head_pinyin``, ``head_birth_date``, ``contact_phone``, ``address_key``,
    ``oldest_birth_date`` and ``search_text`` are kept in step with the residents by the
    household service so that the big table is sorted and filtered in SQL without joins.
    """

    __tablename__ = "household"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    building: Mapped[str] = mapped_column(String(32), default="")
    unit: Mapped[str] = mapped_column(String(32), default="")
    room: Mapped[str] = mapped_column(String(32), default="")
    building_no: Mapped[int] = mapped_column(Integer, default=0)
    unit_no: Mapped[int] = mapped_column(Integer, default=0)
    room_no: Mapped[int] = mapped_column(Integer, default=0)
    phone: Mapped[str] = mapped_column(String(32), default="")
    tier: Mapped[CareTier] = mapped_column(String(16), default=CareTier.ROUTINE)
    status: Mapped[HouseholdStatus] = mapped_column(
        String(16), default=HouseholdStatus.ACTIVE, index=True
    )
    status_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(String(64), default="")
    head_pinyin: Mapped[str] = mapped_column(String(128), default="", index=True)
    head_birth_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    address_key: Mapped[str] = mapped_column(String(200), default="")
    oldest_birth_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    liaison_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id"), nullable=True, index=True
    )
    last_visit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    previous_visit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    """The latest visit day before ``last_visit_date`` (kept with it by services.visit_schedule)."""
    next_visit_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    registered_on: Mapped[date] = mapped_column(Date)
    """登记日期: the local day the household came onto the ledger (the clerk may correct it)."""
    version: Mapped[int] = mapped_column(Integer, default=1)

    community: Mapped[Community] = relationship(back_populates="households")
    residents: Mapped[list[Resident]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Resident.id"
    )
    categories: Mapped[list[HouseholdCategory]] = relationship(
        back_populates="household", cascade="all, delete-orphan"
    )
    status_changes: Mapped[list[HouseholdStatusChange]] = relationship(
        back_populates="household", cascade="all, delete-orphan",
        order_by="HouseholdStatusChange.id",
    )

    __table_args__ = (
        Index("ix_household_address", "community_id", "building_no", "unit_no", "room_no"),
        Index("ix_household_status_address_key", "status", "address_key", "id"),
        Index("ix_household_status_next_visit_due", "status", "next_visit_due", "id"),
        # Covers the statistics and coverage scans of the households on the ledger.
        Index("ix_household_figures", "status", "community_id", "tier", "oldest_birth_date",
              "last_visit_date", "registered_on", "status_date"),
        # This month's coverage as a handful of range counts per care tier.
        Index("ix_household_visit_state", "status", "tier", "last_visit_date",
              "previous_visit_date", "registered_on"),
        # 高龄 on the ledger as one range count.
        Index("ix_household_status_oldest_birth", "status", "oldest_birth_date", "registered_on"),
        # The latest registration (is anyone registered after a day?) without a scan.
        Index("ix_household_registered_on", "registered_on"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class HouseholdCategory(Base):
    """One stored care category (关爱类别) of a household; 高龄 is never stored."""

    __tablename__ = "household_category"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)

    household: Mapped[Household] = relationship(back_populates="categories")


class HouseholdStatusChange(Base):
    """History of a household's status: moved away (迁出), closed (注销), re-activated."""

    __tablename__ = "household_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[HouseholdStatus] = mapped_column(String(16))
    effective_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=connection_now)

    household: Mapped[Household] = relationship(back_populates="status_changes")


class Resident(Timestamped, Base):
    """成员: a person living in a household; the head has ``is_head`` set."""

    __tablename__ = "resident"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    relation: Mapped[str] = mapped_column(String(16), default="")
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)
    mobility_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ResidentStatus] = mapped_column(String(16), default=ResidentStatus.PRESENT)
    lunar_birthday: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The resident keeps the birthday by the lunar calendar (农历生日): 整寿 are reckoned
    on the lunar date (see ``domain.lunar_calendar``)."""
    version: Mapped[int] = mapped_column(Integer, default=1)

    household: Mapped[Household] = relationship(back_populates="residents")

    __table_args__ = (UniqueConstraint("id_number"),)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
