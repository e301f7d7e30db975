"""Matching roster rows to the ledger and merging them into households.

A person is matched by ID number, else by name within the household at the same address;
an update only fills in or changes what the file says and never clears a value because a
cell is empty. Problems the household checks find are attached to the rows they come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.errors import ValidationError
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus, ResidentStatus, Sex
from stationapp.messages import Message, msg
from stationapp.services._common import chunks
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.roster_rows import COLUMN_LABELS, RowPerson, reason

_CHUNK = 900


@dataclass
class Ledger:
    """What the ledger already holds, read once per plan."""

    by_id_number: dict[str, int]
    by_address: dict[tuple[str, str, str, str], int]


def read_ledger(session: Session) -> Ledger:
    by_id_number = {
        number: household_id for number, household_id in session.execute(
            select(Resident.id_number, Resident.household_id)
            .where(Resident.id_number.is_not(None))
        ) if number
    }
    by_address = {
        (community, building, unit, room): household_id
        for household_id, community, building, unit, room in session.execute(
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room)
            .join(Community, Household.community_id == Community.id)
            .where(Household.status == HouseholdStatus.ACTIVE.value)
        )
    }
    return Ledger(by_id_number, by_address)


def current_households(session: Session, ids: set[int]) -> dict[int, HouseholdInput]:
    """The stored households as the dialog would edit them, read in a few queries."""
    found: dict[int, HouseholdInput] = {}
    ordered = sorted(ids)
    for chunk in chunks(ordered, _CHUNK):
        categories: dict[int, set[CareCategory]] = {}
        for household_id, code in session.execute(
            select(HouseholdCategory.household_id, HouseholdCategory.category)
            .where(HouseholdCategory.household_id.in_(chunk))
        ):
            categories.setdefault(household_id, set()).add(CareCategory(code))
        residents: dict[int, list[ResidentInput]] = {}
        for r in session.execute(
            select(Resident.household_id, Resident.id, Resident.name, Resident.sex,
                   Resident.birth_date, Resident.id_number, Resident.phone, Resident.relation,
                   Resident.is_head, Resident.mobility_notes, Resident.status)
            .where(Resident.household_id.in_(chunk)).order_by(Resident.id)
        ):
            residents.setdefault(r.household_id, []).append(ResidentInput(
                id=r.id, name=r.name, sex=Sex(r.sex) if r.sex else None,
                birth_date=r.birth_date, id_number=r.id_number or "", phone=r.phone,
                relation=r.relation, is_head=r.is_head, mobility_notes=r.mobility_notes,
                status=ResidentStatus(r.status),
            ))
        for h in session.execute(
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room, Household.phone, Household.tier, Household.notes,
                   Household.version, Household.liaison_id, Household.registered_on)
            .join(Community, Household.community_id == Community.id)
            .where(Household.id.in_(chunk))
        ):
            found[h.id] = HouseholdInput(
                community=h.name, building=h.building, unit=h.unit, room=h.room,
                phone=h.phone, tier=CareTier(h.tier),
                categories=frozenset(categories.get(h.id, set())), notes=h.notes,
                residents=tuple(residents.get(h.id, [])), version=h.version,
                liaison_id=h.liaison_id, registered_on=h.registered_on,
            )
    return found


def _resident_input(person: RowPerson, is_head: bool) -> ResidentInput:
    return ResidentInput(
        name=person.name, sex=person.sex, birth_date=person.birth_date,
        id_number=person.id_number, phone=person.phone,
        relation=person.relation or ("户主" if is_head else ""), is_head=is_head,
        mobility_notes=person.mobility,
    )


def _joined_notes(current: str, notes: Iterable[str]) -> str:
    """The household's ``current`` notes followed by the rows' ``notes`` they do not hold
    yet, each once, separated by "；"."""
    added = [n for n in notes if n and n not in current]
    return "；".join(dict.fromkeys(n for n in (current, *added) if n))


def rows_past_notes_limit(
    current: str, people: list[RowPerson]
) -> dict[int, Message | str]:
    """Rows whose note, added in row order to the household's ``current`` notes, would
    take them past their limit (a note too long on its own is left to the validation);
    the reason for each. Notes are never cut."""
    limit = text_rules.HOUSEHOLD_NOTES.limit
    kept: list[str] = []
    refused: dict[int, Message | str] = {}
    for person in people:
        if not person.notes or len(person.notes.strip()) > limit:
            continue
        if len(_joined_notes(current, [*kept, person.notes]).strip()) <= limit:
            kept.append(person.notes)
            continue
        used = len(_joined_notes(current, kept).strip())
        refused[person.row] = reason(
            COLUMN_LABELS["notes"], msg("import.notes_past_limit", limit=limit, used=used))
    return refused


def _registered_on(people: list[RowPerson]) -> date | None:
    """The household's 登记日期 as the rows give it (the earliest, when they differ)."""
    return min((p.registered_on for p in people if p.registered_on is not None), default=None)


def new_household(people: list[RowPerson]) -> HouseholdInput:
    head = next((p for p in people if p.is_head), people[0])
    tiers = [p.tier for p in people if p.tier is not None]
    categories = frozenset().union(*(p.categories for p in people))
    notes = _joined_notes("", (p.notes for p in people))
    phones = [p.household_phone for p in people if p.household_phone]
    return HouseholdInput(
        community=head.community, building=head.building, unit=head.unit, room=head.room,
        phone=phones[0] if phones else "", tier=tiers[0] if tiers else CareTier.ROUTINE,
        categories=categories, notes=notes,
        residents=tuple(_resident_input(p, p is head) for p in people),
        registered_on=_registered_on(people),
    )


def _same_phone(new: str, stored: str) -> str:
    """The stored spelling when ``new`` is the same number written differently."""
    digits = "".join(c for c in new if c.isdigit())
    return stored if digits and digits == "".join(c for c in stored if c.isdigit()) else new


def _merge_person(current: ResidentInput, person: RowPerson) -> ResidentInput:
    """The stored member with what the row says filled in or changed (never cleared)."""
    return replace(
        current,
        sex=person.sex or current.sex,
        birth_date=person.birth_date or current.birth_date,
        id_number=person.id_number or current.id_number,
        phone=_same_phone(person.phone, current.phone) if person.phone else current.phone,
        relation=person.relation or current.relation,
        mobility_notes=person.mobility or current.mobility_notes,
    )


def merged_household(
    current: HouseholdInput, people: list[RowPerson]
) -> tuple[HouseholdInput, dict[int, bool]]:
    """The stored household with the rows applied, and for each row whether it changes
    anything (False: unchanged)."""
    residents = list(current.residents)
    changed: dict[int, bool] = {}
    for person in people:
        index = next((i for i, r in enumerate(residents)
                      if person.id_number and r.id_number == person.id_number), None)
        if index is None:
            index = next((i for i, r in enumerate(residents)
                          if r.name == person.name and r.status == ResidentStatus.PRESENT
                          and not (person.id_number and r.id_number)), None)
        if index is None:
            residents.append(_resident_input(person, False))
            changed[person.row] = True
            continue
        merged = _merge_person(residents[index], person)
        changed[person.row] = merged != residents[index]
        residents[index] = merged
    tiers = [p.tier for p in people if p.tier is not None]
    categories = current.categories.union(*(p.categories for p in people))
    phones = [p.household_phone for p in people if p.household_phone]
    merged_household = replace(
        current, residents=tuple(residents), categories=categories,
        phone=_same_phone(phones[0], current.phone) if phones else current.phone,
        tier=tiers[0] if tiers else current.tier,
        notes=_joined_notes(current.notes, (p.notes for p in people)),
        registered_on=_registered_on(people) or current.registered_on,
    )
    household_changed = (merged_household.tier != current.tier
                         or merged_household.phone != current.phone
                         or merged_household.categories != current.categories
                         or merged_household.notes != current.notes
                         or merged_household.registered_on != current.registered_on)
    if household_changed and people:
        changed[people[0].row] = True
    return merged_household, changed


def problems_by_row(
    exc: ValidationError, people: list[RowPerson], residents_offset: int = 0
) -> dict[int, list[Message | str]]:
    """Problems of a household validation, attached to the rows they come from."""
    found: dict[int, list[Message | str]] = {}
    for problem in exc.problems:
        match = re.match(r"residents\[(\d+)\]\.(\w+)", problem.field)
        if match and int(match.group(1)) - residents_offset in range(len(people)):
            person = people[int(match.group(1)) - residents_offset]
            label = COLUMN_LABELS.get(match.group(2))
        else:
            person = people[0]
            label = COLUMN_LABELS.get(problem.field)
        found.setdefault(person.row, []).append(reason(label, problem.text))
    return found


def problems_by_index(
    exc: ValidationError, merged: HouseholdInput, group: list[RowPerson]
) -> dict[int, list[Message | str]]:
    """Problems of a stored household with the rows applied, attached to the row that
    changed the member concerned (household-wide ones to the first row)."""
    found: dict[int, list[Message | str]] = {}
    for problem in exc.problems:
        match = re.match(r"residents\[(\d+)\]\.(\w+)", problem.field)
        person, label = group[0], COLUMN_LABELS.get(problem.field)
        if match:
            member = merged.residents[int(match.group(1))]
            person = next((p for p in group if p.name == member.name), group[0])
            label = COLUMN_LABELS.get(match.group(2))
        found.setdefault(person.row, []).append(reason(label, problem.text))
    return found


__all__ = ["Ledger", "current_households", "merged_household", "new_household",
           "problems_by_index", "problems_by_row", "read_ledger", "rows_past_notes_limit"]
