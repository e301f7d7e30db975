"""The household as the dialog edits it and as it is stored: the data the household
services take and give."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from stationapp.domain.address import Address
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus, ResidentStatus, Sex


@dataclass(frozen=True, slots=True)
class ResidentInput:
    """A member as typed in the household dialog; ``id`` is None for a new member."""

    name: str
    id: int | None = None
    sex: Sex | None = None
    birth_date: date | None = None
    id_number: str = ""
    phone: str = ""
    relation: str = ""
    is_head: bool = False
    mobility_notes: str = ""
    status: ResidentStatus = ResidentStatus.PRESENT
    lunar_birthday: bool = False
    """Keeps the birthday by the lunar calendar (农历生日); needs a birth date."""


@dataclass(frozen=True, slots=True)
class HouseholdInput:
    """A household as typed in the dialog; ``version`` is the one read (None when new)."""

    community: str
    building: str
    unit: str = ""
    room: str = ""
    phone: str = ""
    tier: CareTier = CareTier.ROUTINE
    categories: frozenset[CareCategory] = frozenset()
    notes: str = ""
    residents: tuple[ResidentInput, ...] = ()
    version: int | None = None
    liaison_id: int | None = None
    registered_on: date | None = None
    """登记日期. A new household: None means the day it is created (``today``); an
    existing one: None keeps the stored day, a date changes it."""
    opened: HouseholdDetail | None = field(default=None, compare=False, repr=False)
    """The household as the clerk opened it (None when new or unknown): a conflict then
    says which parts another desk changed since."""


@dataclass(frozen=True)
class StatusChange:
    """One entry of a household's status history."""

    status: HouseholdStatus
    effective_date: date
    reason: str
    actor: str


@dataclass(frozen=True)
class ResidentDetail:
    """A member as stored, with the age on the day asked."""

    id: int
    name: str
    sex: Sex | None
    birth_date: date | None
    age: int | None
    id_number: str
    phone: str
    relation: str
    is_head: bool
    mobility_notes: str
    status: ResidentStatus
    lunar_birthday: bool = False
    """Keeps the birthday by the lunar calendar (农历生日)."""

    def as_input(self) -> ResidentInput:
        """The member as the dialog edits it."""
        return ResidentInput(
            id=self.id, name=self.name, sex=self.sex, birth_date=self.birth_date,
            id_number=self.id_number, phone=self.phone, relation=self.relation,
            is_head=self.is_head, mobility_notes=self.mobility_notes, status=self.status,
            lunar_birthday=self.lunar_birthday,
        )


@dataclass(frozen=True)
class HouseholdDetail:
    """Everything the household dialog shows."""

    id: int
    community: str
    building: str
    unit: str
    room: str
    phone: str
    tier: CareTier
    categories: frozenset[CareCategory]
    is_elderly: bool
    notes: str
    status: HouseholdStatus
    status_date: date | None
    status_reason: str
    residents: tuple[ResidentDetail, ...]
    history: tuple[StatusChange, ...]
    version: int
    liaison_id: int | None = None
    liaison: str = ""
    last_visit_date: date | None = None
    next_visit_due: date | None = None
    registered_on: date | None = None
    """登记日期: the day the household came onto the ledger."""

    @property
    def address(self) -> Address:
        """The household's address."""
        return Address(self.community, self.building, self.unit, self.room)

    def as_input(self) -> HouseholdInput:
        """The household as the dialog edits it."""
        return HouseholdInput(
            community=self.community, building=self.building, unit=self.unit, room=self.room,
            phone=self.phone, tier=self.tier, categories=self.categories, notes=self.notes,
            residents=tuple(r.as_input() for r in self.residents), version=self.version,
            liaison_id=self.liaison_id, registered_on=self.registered_on, opened=self,
        )


__all__ = ["HouseholdDetail", "HouseholdInput", "ResidentDetail", "ResidentInput",
           "StatusChange"]
