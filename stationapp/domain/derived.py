"""Columns of a household kept in step with its residents, for fast sorting and search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from stationapp.domain.address import Address, leading_number
from stationapp.domain.search_keys import household_search_text, name_pinyin
from stationapp.domain.vocab import ResidentStatus


@dataclass(frozen=True)
class MemberFacts:
    """The facts about one resident that the household's derived columns depend on."""

    name: str
    birth_date: date | None
    phone: str
    is_head: bool
    status: str = ResidentStatus.PRESENT


def derived_household_columns(
    address: Address, household_phone: str, members: Sequence[MemberFacts]
) -> dict[str, Any]:
    """Values of the household's derived columns (sort numbers, head, oldest, search text)."""
    present = [m for m in members if m.status == ResidentStatus.PRESENT] or list(members)
    head = next((m for m in present if m.is_head), present[0] if present else None)
    births = [m.birth_date for m in present if m.birth_date is not None]
    return {
        "building_no": leading_number(address.building),
        "unit_no": leading_number(address.unit),
        "room_no": leading_number(address.room),
        "address_key": address.index_key(),
        "head_name": head.name if head else "",
        "head_pinyin": name_pinyin(head.name) if head else "",
        "head_birth_date": head.birth_date if head else None,
        "contact_phone": household_phone or next((m.phone for m in present if m.phone), ""),
        "oldest_birth_date": min(births) if births else None,
        "search_text": household_search_text(
            [m.name for m in present],
            address.display(),
            [household_phone, *(m.phone for m in present)],
        ),
    }
