"""The station-wide lists: event types (活动类型) and the item catalogue (物品 with units).

Both lists are edited by the station and shared by every desk. Entries are never
deleted (events and deliveries refer to them); an entry that is no longer wanted is
set inactive and disappears from the pickers while old records keep showing it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import EventType, Item
from stationapp.messages import msg

log = logging.getLogger("stationapp.services")



@dataclass(frozen=True)
class EventTypeInfo:
    """One event type of the station's list."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class ItemInfo:
    """One item of the station-wide catalogue with its unit (春联 · 幅)."""

    id: int
    name: str
    unit: str
    active: bool


def list_event_types(session: Session, include_inactive: bool = False) -> list[EventTypeInfo]:
    """The event types in the station's order (inactive ones only when asked for)."""
    query = select(EventType).order_by(EventType.sort_order, EventType.id)
    if not include_inactive:
        query = query.where(EventType.active.is_(True))
    return [EventTypeInfo(t.id, t.name, t.active) for t in session.scalars(query)]


def _checked_name(name: str, rule: text_rules.TextRule, field: str = "name") -> str:
    tidy = " ".join(rule.check(name, field).split())
    if not tidy:
        raise ValidationError(field, msg("common.required", label=rule.label))
    return tidy


def save_event_type(
    session: Session, name: str, active: bool = True, type_id: int | None = None
) -> int:
    """Add a new event type (``type_id`` None) or rename / (de)activate one; returns its id.

    ValidationError on the field ``name`` when it is empty, too long or already used.
    """
    tidy = _checked_name(name, text_rules.EVENT_TYPE_NAME)
    taken = session.scalar(
        select(EventType.id).where(EventType.name == tidy, EventType.id != (type_id or -1))
    )
    if taken is not None:
        raise ValidationError("name", msg("station.event_type_taken", name=tidy))
    if type_id is None:
        last = session.scalar(select(func.coalesce(func.max(EventType.sort_order), 0)))
        event_type = EventType(name=tidy, active=active, sort_order=int(last or 0) + 1)
        session.add(event_type)
    else:
        found = session.get(EventType, type_id)
        if found is None:
            raise NotFoundError(msg("station.event_type_not_found", id=type_id))
        event_type = found
        event_type.name, event_type.active = tidy, active
    session.flush()
    log.info("event type %s saved: %s", event_type.id, tidy)
    return event_type.id


def list_items(session: Session, include_inactive: bool = False) -> list[ItemInfo]:
    """The item catalogue in order of entry (inactive items only when asked for)."""
    query = select(Item).order_by(Item.id)
    if not include_inactive:
        query = query.where(Item.active.is_(True))
    return [ItemInfo(i.id, i.name, i.unit, i.active) for i in session.scalars(query)]


def save_item(
    session: Session, name: str, unit: str, active: bool = True, item_id: int | None = None
) -> int:
    """Add a catalogue item (``item_id`` None) or change one; returns its id.

    ValidationError on ``name`` (empty, too long, already in the catalogue) or ``unit``
    (empty or too long, e.g. 幅, 张, 份).
    """
    problems: list[ValidationError] = []
    tidy_name = tidy_unit = ""
    try:
        tidy_name = _checked_name(name, text_rules.ITEM_NAME)
    except ValidationError as exc:
        problems.append(exc)
    try:
        tidy_unit = _checked_name(unit, text_rules.ITEM_UNIT, "unit")
    except ValidationError as exc:
        problems.append(exc)
    if tidy_name:
        taken = session.scalar(
            select(Item.id).where(Item.name == tidy_name, Item.id != (item_id or -1))
        )
        if taken is not None:
            problems.append(ValidationError("name", msg("station.item_taken", name=tidy_name)))
    if problems:
        raise ValidationError.of(problems)
    if item_id is None:
        item = Item(name=tidy_name, unit=tidy_unit, active=active)
        session.add(item)
    else:
        found = session.get(Item, item_id)
        if found is None:
            raise NotFoundError(msg("station.item_not_found", id=item_id))
        item = found
        item.name, item.unit, item.active = tidy_name, tidy_unit, active
    session.flush()
    log.info("item %s saved: %s (%s)", item.id, tidy_name, tidy_unit)
    return item.id


__all__ = [
    "EventTypeInfo", "ItemInfo", "list_event_types", "list_items", "save_event_type",
    "save_item",
]
