"""Checking a household as typed in the dialog (or read from a roster) before it is saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from stationapp.domain import text_rules
from stationapp.domain.errors import ValidationError
from stationapp.domain.people import age_on, check_id_number, check_phone
from stationapp.domain.vocab import STORED_CATEGORIES, ResidentStatus
from stationapp.domain.vocab_words import label_message
from stationapp.messages import msg
from stationapp.services._common import Problems
from stationapp.services.household_types import HouseholdInput, ResidentInput

_EARLIEST_REGISTRATION = date(1949, 10, 1)


def validate_household(data: HouseholdInput, today: date) -> HouseholdInput:
    """Check and tidy a household from the dialog; ValidationError lists every problem.

    ``today`` is the desk's day: no birth date or registration day may be after it.
    Field names: ``community``, ``building``, ``unit``, ``room``, ``phone``, ``notes``,
    ``registered_on``, ``residents`` and ``residents[i].name`` / ``.id_number`` /
    ``.birth_date`` / ``.sex`` / ``.phone`` / ``.relation`` / ``.mobility_notes``. Text
    follows :mod:`stationapp.domain.text_rules`.
    """
    problems = Problems()
    community = problems.rule("community", data.community, text_rules.COMMUNITY)
    if not community:
        problems.add("community", msg("household.community_missing"))
    building = _address_part(data.building, "building", text_rules.BUILDING,
                             text_rules.BUILDING_DIGITS, problems)
    if not building:
        problems.add("building", msg("household.building_missing"))
    unit = _address_part(data.unit, "unit", text_rules.UNIT, text_rules.UNIT_DIGITS, problems)
    room = _address_part(data.room, "room", text_rules.ROOM, text_rules.ROOM_DIGITS, problems)
    phone = _checked_phone(data.phone, "phone", problems)
    notes = problems.rule("notes", data.notes, text_rules.HOUSEHOLD_NOTES)
    if data.registered_on is not None:
        if data.registered_on > today:
            problems.add("registered_on", msg("household.registered_future"))
        elif data.registered_on < _EARLIEST_REGISTRATION:
            problems.add("registered_on", msg("household.registered_too_early"))
    residents = [
        _validate_resident(r, f"residents[{i}]", today, problems)
        for i, r in enumerate(data.residents)
    ]
    present = [r for r in residents if r.status == ResidentStatus.PRESENT]
    if not present and data.version is None:
        problems.add("residents", msg("household.no_member"))
    heads = [r for r in present if r.is_head]
    if len(heads) > 1:
        problems.add("residents", msg("household.two_heads"))
    numbers = [r.id_number for r in residents if r.id_number]
    if len(numbers) != len(set(numbers)):
        problems.add("residents", msg("household.id_number_twice"))
    problems.raise_if_any()
    if present and not heads:
        first = residents.index(present[0])
        residents[first] = replace(residents[first], is_head=True,
                                   relation=residents[first].relation or "户主")
    return replace(
        data, community=community, building=building, unit=unit, room=room, phone=phone,
        categories=frozenset(c for c in data.categories if c in STORED_CATEGORIES),
        notes=notes, residents=tuple(residents),
    )


def _address_part(
    text: str, field_name: str, rule: text_rules.TextRule, digits: int, problems: Problems
) -> str:
    """A 楼号 / 单元 / 室号 checked as text and with its numbers bounded."""
    try:
        text_rules.check_address_number(text, field_name, rule.label, digits)
        return rule.check(text, field_name)
    except ValidationError as exc:
        problems.items.append(exc)
        return text.strip()


def _checked_phone(text: str, field_name: str, problems: Problems) -> str:
    try:
        return check_phone(text, field_name)
    except ValidationError as exc:
        problems.items.append(exc)
        return text


def _validate_resident(
    resident: ResidentInput, prefix: str, today: date, problems: Problems
) -> ResidentInput:
    name = problems.rule(f"{prefix}.name", resident.name, text_rules.RESIDENT_NAME)
    if not name:
        problems.add(f"{prefix}.name", msg("household.name_missing"))
    relation = problems.rule(f"{prefix}.relation", resident.relation, text_rules.RELATION)
    mobility = problems.rule(f"{prefix}.mobility_notes", resident.mobility_notes,
                             text_rules.MOBILITY)
    birth, sex, number = resident.birth_date, resident.sex, resident.id_number.strip()
    if number and text_rules.control_characters(number):
        problems.add(f"{prefix}.id_number", msg("household.id_number_controls"))
    elif number:
        try:
            facts = check_id_number(number, f"{prefix}.id_number")
        except ValidationError as exc:
            problems.items.append(exc)
        else:
            number = facts.number
            if birth is None:
                birth = facts.birth_date
            elif birth != facts.birth_date:
                problems.add(f"{prefix}.birth_date", msg(
                    "household.birth_date_mismatch", date=f"{facts.birth_date:%Y-%m-%d}"))
            if sex is None:
                sex = facts.sex
            elif sex != facts.sex:
                problems.add(f"{prefix}.sex", msg("household.sex_mismatch",
                                                  sex=label_message(facts.sex)))
    if birth is not None and birth > today:
        problems.add(f"{prefix}.birth_date", msg("household.birth_date_future"))
    if birth is not None and age_on(birth, today) > 120:
        problems.add(f"{prefix}.birth_date", msg("household.birth_date_too_early"))
    if resident.lunar_birthday and birth is None:
        problems.add(f"{prefix}.lunar_birthday", msg("household.lunar_birthday_no_date"))
    phone = _checked_phone(resident.phone, f"{prefix}.phone", problems)
    if (_same(name, resident.name) and _same(birth, resident.birth_date)
            and _same(sex, resident.sex) and _same(number, resident.id_number)
            and _same(phone, resident.phone) and _same(relation, resident.relation)
            and _same(mobility, resident.mobility_notes)):
        return resident  # already tidy (most rows of a roster): no copy to make
    return replace(resident, name=name, birth_date=birth, sex=sex, id_number=number,
                   phone=phone, relation=relation, mobility_notes=mobility)


def _same(value: object, kept: object) -> bool:
    """Whether ``value`` may stand for ``kept`` unseen: the same object, or equal and of
    the same type (a text, a day, the same enum member)."""
    return value is kept or (type(value) is type(kept) and value == kept)


__all__ = ["validate_household"]
