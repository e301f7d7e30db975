"""Addresses: community, building, unit and room, and their natural order (2号楼 before 10号楼)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIRST_NUMBER = re.compile(r"\d+")


def leading_number(text: str) -> int:
    """The first number in a building/unit/room label, 0 when there is none ('3号楼' → 3)."""
    match = _FIRST_NUMBER.search(text)
    return int(match.group()) if match else 0


def building_label(building: str) -> str:
    """Building as printed: a bare number becomes 'N号楼'."""
    return f"{building}号楼" if building.isdigit() else building


def unit_label(unit: str) -> str:
    """Unit as printed: a bare number becomes 'N单元'."""
    return f"{unit}单元" if unit.isdigit() else unit


def room_label(room: str) -> str:
    """Room as printed: a bare number becomes 'N室'."""
    return f"{room}室" if room.isdigit() else room


@dataclass(frozen=True)
class Address:
    """Where a household lives."""

    community: str
    building: str
    unit: str
    room: str

    def display(self) -> str:
        """The address as written on a sheet, e.g. 锦华一区3号楼2单元301室."""
        parts = [self.community, building_label(self.building), unit_label(self.unit),
                 room_label(self.room)]
        return "".join(p for p in parts if p)

    def index_key(self) -> str:
        """The natural order as one string, for an index the database sorts by."""
        return "\x1f".join([
            self.community,
            f"{leading_number(self.building):06d}{self.building}",
            f"{leading_number(self.unit):04d}{self.unit}",
            f"{leading_number(self.room):06d}{self.room}",
        ])

    def sort_key(self) -> tuple[str, int, str, int, str, int, str]:
        """Natural order: community, then building, unit and room by number."""
        return (self.community, leading_number(self.building), self.building,
                leading_number(self.unit), self.unit, leading_number(self.room), self.room)
