"""The printed ledger (台账): households by community with the columns the clerk chooses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.address import building_label, room_label, unit_label
from stationapp.domain.models import Household, Resident
from stationapp.domain.vocab import ResidentStatus
from stationapp.services._common import chunks
from stationapp.services.household_queries import (
    HouseholdFilter,
    SortKey,
    fetch_household_rows,
    list_household_ids,
)
from stationapp.services.settings import get_station_settings

_CHUNK = 900


class LedgerColumn(StrEnum):
    """Columns the printed ledger can show."""

    NUMBER = "number"
    ADDRESS = "address"
    HEAD = "head"
    AGE = "age"
    PHONE = "phone"
    MEMBERS = "members"
    CATEGORIES = "categories"
    TIER = "tier"
    LIAISON = "liaison"
    LAST_VISIT = "last_visit"
    NEXT_VISIT = "next_visit"
    MOBILITY = "mobility"
    NOTES = "notes"

    @property
    def label(self) -> str:
        """Chinese column header."""
        return LEDGER_COLUMN_LABELS[self]


LEDGER_COLUMN_LABELS: dict[LedgerColumn, str] = {
    LedgerColumn.NUMBER: "序号",
    LedgerColumn.ADDRESS: "楼号 · 单元 · 室",
    LedgerColumn.HEAD: "户主",
    LedgerColumn.AGE: "年龄",
    LedgerColumn.PHONE: "联系电话",
    LedgerColumn.MEMBERS: "同住成员",
    LedgerColumn.CATEGORIES: "关爱类别",
    LedgerColumn.TIER: "等级",
    LedgerColumn.LIAISON: "联户人",
    LedgerColumn.LAST_VISIT: "上次走访",
    LedgerColumn.NEXT_VISIT: "应访日期",
    LedgerColumn.MOBILITY: "行动情况",
    LedgerColumn.NOTES: "备注",
}

DEFAULT_LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn.NUMBER, LedgerColumn.ADDRESS, LedgerColumn.HEAD, LedgerColumn.AGE,
    LedgerColumn.PHONE, LedgerColumn.MEMBERS, LedgerColumn.CATEGORIES, LedgerColumn.TIER,
    LedgerColumn.LIAISON, LedgerColumn.NEXT_VISIT, LedgerColumn.NOTES,
)


@dataclass(frozen=True)
class LedgerLine:
    """One household of the printed ledger, every column as text."""

    cells: dict[LedgerColumn, str]


@dataclass(frozen=True)
class LedgerSection:
    """One community's households."""

    community: str
    lines: tuple[LedgerLine, ...]


@dataclass(frozen=True)
class LedgerData:
    """Everything the printed ledger shows."""

    station: str
    printed_on: date
    filter_text: str
    columns: tuple[LedgerColumn, ...]
    sections: tuple[LedgerSection, ...]

    @property
    def households(self) -> int:
        """Households on the ledger printout."""
        return sum(len(s.lines) for s in self.sections)


def _short_date(day: date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def ledger_data(
    session: Session, flt: HouseholdFilter, columns: Sequence[LedgerColumn] = (),
    *, today: date, filter_text: str = "",
) -> LedgerData:
    """The households matching ``flt`` by community in address order, with ``columns``
    (ages reckoned and the printing day given by ``today``)."""
    chosen = tuple(columns) or DEFAULT_LEDGER_COLUMNS
    ids = list_household_ids(session, flt, SortKey.ADDRESS, today=today)
    sections: dict[str, list[LedgerLine]] = {}
    for chunk in chunks(ids, _CHUNK):
        members: dict[int, list[str]] = {}
        mobility: dict[int, list[str]] = {}
        for household_id, name, is_head, notes in session.execute(
            select(Resident.household_id, Resident.name, Resident.is_head,
                   Resident.mobility_notes)
            .where(Resident.household_id.in_(chunk),
                   Resident.status == ResidentStatus.PRESENT.value)
            .order_by(Resident.id)
        ):
            if not is_head:
                members.setdefault(household_id, []).append(name)
            if notes:
                mobility.setdefault(household_id, []).append(f"{name}：{notes}")
        extra = {
            hid: (last, notes) for hid, last, notes in session.execute(
                select(Household.id, Household.last_visit_date, Household.notes)
                .where(Household.id.in_(chunk)))
        }
        for row in fetch_household_rows(session, chunk, today):
            lines = sections.setdefault(row.community, [])
            last_visit, notes = extra.get(row.id, (None, ""))
            cells = {
                LedgerColumn.NUMBER: str(len(lines) + 1),
                LedgerColumn.ADDRESS: "".join(p for p in (
                    building_label(row.building), unit_label(row.unit), room_label(row.room)
                ) if p),
                LedgerColumn.HEAD: row.head,
                LedgerColumn.AGE: "" if row.age is None else str(row.age),
                LedgerColumn.PHONE: row.phone,
                LedgerColumn.MEMBERS: "、".join(members.get(row.id, [])),
                LedgerColumn.CATEGORIES: "、".join(row.category_labels),
                LedgerColumn.TIER: row.tier.label,
                LedgerColumn.LIAISON: row.liaison,
                LedgerColumn.LAST_VISIT: _short_date(last_visit),
                LedgerColumn.NEXT_VISIT: _short_date(row.next_visit_due),
                LedgerColumn.MOBILITY: "；".join(mobility.get(row.id, [])),
                LedgerColumn.NOTES: notes,
            }
            lines.append(LedgerLine({c: cells[c] for c in chosen}))
    return LedgerData(
        station=get_station_settings(session).name, printed_on=today,
        filter_text=filter_text, columns=chosen,
        sections=tuple(LedgerSection(c, tuple(lines)) for c, lines in sections.items()),
    )
