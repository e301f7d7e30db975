"""The one read model of a stop: deliveries grouped into stops and put in order.

A *stop* is one household on one volunteer's list (the unassigned deliveries form a list of
their own): every delivery of that household on that list is one line of the stop. The
deliveries panel shows these stops and the delivery sheet prints them, both through
:func:`read_stops`, so what the clerk sees and what the volunteer carries cannot drift.

Order, everywhere: lists by volunteer name (the unassigned list last); within a list the
stops follow the walking route (:func:`~stationapp.services.walking_route.walking_route`:
one leg per community, doors building → unit → floor → room) and carry ONE number each,
continuous across the legs (sheet 1 of 3 holds 1–5, sheet 2 holds 6–8 …): the number the
panel shows and the sheet prints. The unassigned stops are numbered on their own, in walking
order too. Numbers count every stop of the list whatever its outcome, so a stop keeps its
number when its neighbours are delivered or when only the pending stops are printed again.
The lines of a stop come by item (catalogue order).

The ``stop_order`` column of the deliveries table is no longer read for order (the clerk's
manual order is gone); the assignment services still write it in natural address order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.address import Address
from stationapp.domain.event_models import Delivery, Item, Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.walking_route import walking_route

AddressKey = tuple[str, int, str, int, str, int, str]
"""Natural address order: community, then building, unit and room by number."""

ITEM_SEPARATOR = "、"
NOTE_SEPARATOR = "；"


def natural_sort_key(community: str, building: str, unit: str, room: str) -> AddressKey:
    """Natural address order: community, then building, unit and room by number."""
    return Address(community, building, unit, room).sort_key()


def stop_sort_key(stop_order: int, address_key: AddressKey, household_id: int
                  ) -> tuple[int, AddressKey, int]:
    """The order of stops by their stored stop numbers (the ``stop_order`` column the
    assignment services keep), then natural address and household. Not the order shown or
    printed: that is the walking route (:func:`group_stops`)."""
    return (stop_order, address_key, household_id)


def joined_notes(notes: Iterable[str]) -> str:
    """Distinct non-empty notes, trimmed, joined as the sheet and the panel show them."""
    return NOTE_SEPARATOR.join(dict.fromkeys(n.strip() for n in notes if n.strip()))


@dataclass(frozen=True)
class DeliveryRow:
    """One delivery (household × item) as the deliveries table shows it."""

    id: int
    household_id: int
    address: str
    community: str
    building: str
    unit: str
    room: str
    recipient: str
    phone: str
    item: str
    unit_label: str
    quantity: int
    volunteer_id: int | None
    volunteer: str
    stop_order: int
    """The number of the delivery's stop on its list's walking route (see the module)."""
    notes: str
    outcome: DeliveryOutcome
    outcome_note: str
    outcome_at: datetime | None
    attempt: int
    item_id: int = 0

    @property
    def address_key(self) -> AddressKey:
        """The natural order of the delivery's address."""
        return natural_sort_key(self.community, self.building, self.unit, self.room)

    @property
    def place(self) -> Address:
        """The delivery's address (community, building, unit, room)."""
        return Address(self.community, self.building, self.unit, self.room)


@dataclass(frozen=True)
class Stop:
    """One household on one volunteer's list: its deliveries (``lines``, by item) and what
    became of them.

    ``stop_order`` is the stop's number on the list's walking route (1…n across the list's
    sheets); ``community`` and ``sheet`` of ``sheets`` say on which sheet (leg of the route)
    it is printed.
    """

    volunteer_id: int | None
    volunteer: str
    stop_order: int
    household_id: int
    address: str
    recipient: str
    phone: str
    lines: tuple[DeliveryRow, ...]
    community: str = ""
    sheet: int = 1
    sheets: int = 1

    @property
    def number(self) -> int:
        """The stop's number, as the panel shows it and the sheet prints it."""
        return self.stop_order

    @property
    def sheet_label(self) -> str:
        """Which sheet the stop is on, e.g. "东旭小区 · 2/3"."""
        return f"{self.community} · {self.sheet}/{self.sheets}"

    @property
    def key(self) -> tuple[int | None, int]:
        """Identifies the stop across refreshes: (volunteer, household)."""
        return (self.volunteer_id, self.household_id)

    @property
    def delivery_ids(self) -> tuple[int, ...]:
        """The deliveries of the stop, by item."""
        return tuple(line.id for line in self.lines)

    @property
    def items(self) -> str:
        """What the stop gets, e.g. "春联 × 2、福字 × 1"."""
        return ITEM_SEPARATOR.join(f"{line.item} × {line.quantity}" for line in self.lines)

    @property
    def notes(self) -> str:
        """The door notes of its deliveries (行动不便, 请多敲门 …), each once."""
        return joined_notes(line.notes for line in self.lines)

    @property
    def outcomes(self) -> tuple[DeliveryOutcome, ...]:
        """The outcome of every line."""
        return tuple(line.outcome for line in self.lines)

    @property
    def outcome(self) -> DeliveryOutcome:
        """The stop's outcome when all its deliveries agree, else the first one's."""
        return self.lines[0].outcome

    @property
    def pending(self) -> bool:
        """True when any of its deliveries is still to go."""
        return DeliveryOutcome.PENDING in self.outcomes

    @property
    def outcome_note(self) -> str:
        """The notes recorded with the outcomes, each once."""
        return joined_notes(line.outcome_note for line in self.lines)

    @property
    def outcome_at(self) -> datetime | None:
        """When the last outcome of the stop was recorded (None while all are pending)."""
        times = [line.outcome_at for line in self.lines if line.outcome_at is not None]
        return max(times) if times else None

    @property
    def attempt(self) -> int:
        """Which visit to the door this is (2 after one 再送一次)."""
        return max(line.attempt for line in self.lines)

    def outcome_text(self) -> str:
        """The outcome label, or the distinct labels when the items differ."""
        return " / ".join(dict.fromkeys(o.label for o in self.outcomes))

    def pending_part(self) -> Stop | None:
        """The stop with its pending lines only (what a sheet prints); None when none is."""
        lines = tuple(line for line in self.lines if line.outcome is DeliveryOutcome.PENDING)
        if not lines:
            return None
        if len(lines) == len(self.lines):
            return self
        return replace(self, lines=lines)


def _list_key(volunteer_id: int | None, volunteer: str) -> tuple[bool, str, int]:
    return (volunteer_id is None, volunteer, volunteer_id or 0)


def _stop_place(stop: Stop) -> Address:
    return stop.lines[0].place


def group_stops(rows: Iterable[DeliveryRow]) -> list[Stop]:
    """Deliveries grouped into stops (one per volunteer × household) and numbered: lists by
    volunteer name (unassigned last), each list in walking order with one number per stop,
    continuous across its sheets (communities). The stops' lines carry the same number.

    Number a whole list here (not a filtered part of it), else the numbers shift.
    """
    groups: dict[tuple[int | None, int], list[DeliveryRow]] = {}
    for row in rows:
        groups.setdefault((row.volunteer_id, row.household_id), []).append(row)
    lists: dict[int | None, list[Stop]] = {}
    for members in groups.values():
        members.sort(key=lambda m: (m.item_id, m.id))
        first = members[0]
        lists.setdefault(first.volunteer_id, []).append(Stop(
            volunteer_id=first.volunteer_id, volunteer=first.volunteer, stop_order=0,
            household_id=first.household_id, address=first.address,
            recipient=first.recipient, phone=first.phone, lines=tuple(members),
        ))
    stops: list[Stop] = []
    for vid in sorted(lists, key=lambda v: _list_key(v, lists[v][0].volunteer)):
        # by household first: doors at one address keep that order on the route
        listed = sorted(lists[vid], key=lambda s: s.household_id)
        number = 0
        for leg in walking_route(listed, _stop_place):
            for stop in leg.stops:
                number += 1
                stops.append(replace(
                    stop, stop_order=number, community=leg.community, sheet=leg.part,
                    sheets=leg.parts,
                    lines=tuple(replace(line, stop_order=number) for line in stop.lines)))
    return stops


def _delivery_rows(session: Session, event_id: int, *conditions: Any) -> list[DeliveryRow]:
    """The event's deliveries meeting ``conditions`` (stop numbers not yet given: 0), in no
    particular order. One query."""
    query = (
        select(
            Delivery.id, Delivery.household_id, Community.name, Household.building,
            Household.unit, Household.room, Household.head_name, Household.contact_phone,
            Item.id, Item.name, Item.unit, Delivery.quantity, Delivery.volunteer_id,
            Volunteer.name, Delivery.notes, Delivery.outcome,
            Delivery.outcome_note, Delivery.outcome_at, Delivery.attempt,
        )
        .join(Household, Delivery.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .join(Item, Delivery.item_id == Item.id)
        .outerjoin(Volunteer, Delivery.volunteer_id == Volunteer.id)
        .where(Delivery.event_id == event_id, *conditions)
    )
    rows: list[DeliveryRow] = []
    for (did, hid, community, building, unit, room, head, phone, item_id, item, item_unit,
         quantity, vid, volunteer, notes, outcome, outcome_note, outcome_at,
         attempt) in session.execute(query):
        address = Address(community, building, unit, room)
        row = DeliveryRow(
            id=did, household_id=hid, address=address.display(), community=community,
            building=building, unit=unit, room=room, recipient=head, phone=phone, item=item,
            unit_label=item_unit, quantity=quantity, volunteer_id=vid, volunteer=volunteer or "",
            stop_order=0, notes=notes, outcome=DeliveryOutcome(outcome),
            outcome_note=outcome_note, outcome_at=outcome_at, attempt=attempt, item_id=item_id,
        )
        rows.append(row)
    return rows


def list_deliveries(
    session: Session,
    event_id: int,
    volunteer_id: int | None = None,
    unassigned_only: bool = False,
) -> list[DeliveryRow]:
    """The event's deliveries: by volunteer (name; unassigned last), then by stop on the
    walking route, ``stop_order`` being the stop's number (see the module's docstring).

    ``volunteer_id`` narrows to one volunteer's list, ``unassigned_only`` to deliveries
    without a volunteer. One query, however many rows.
    """
    if unassigned_only:
        rows = _delivery_rows(session, event_id, Delivery.volunteer_id.is_(None))
    elif volunteer_id is not None:
        rows = _delivery_rows(session, event_id, Delivery.volunteer_id == volunteer_id)
    else:
        rows = _delivery_rows(session, event_id)
    return [line for stop in group_stops(rows) for line in stop.lines]


def read_stops(
    session: Session,
    event_id: int,
    *,
    volunteer_ids: Sequence[int] | None = None,
    pending_only: bool = False,
) -> list[Stop]:
    """The stops of an event in list order, numbered on their walking routes (see the
    module's docstring).

    ``volunteer_ids`` narrows to those volunteers' lists; ``pending_only`` keeps only the
    deliveries still to go (what the sheets print), each stop keeping the number it has in
    its whole list.
    """
    conditions: list[Any] = []
    if volunteer_ids is not None:
        conditions.append(Delivery.volunteer_id.in_(list(volunteer_ids)))
    stops = group_stops(_delivery_rows(session, event_id, *conditions))
    if not pending_only:
        return stops
    return [part for part in (stop.pending_part() for stop in stops) if part is not None]


# ---------------------------------------------------------------- stop numbers


@dataclass(frozen=True)
class StopPlace:
    """A delivery as stop numbering sees it (a light row: numbering reads every one)."""

    delivery_id: int
    household_id: int
    volunteer_id: int | None
    stop_order: int
    key: AddressKey


def stop_places(session: Session, event_id: int) -> list[StopPlace]:
    """Every delivery of the event with its list, stop number and address order."""
    query = (
        select(Delivery.id, Delivery.household_id, Delivery.volunteer_id, Delivery.stop_order,
               Community.name, Household.building, Household.unit, Household.room)
        .join(Household, Delivery.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(Delivery.event_id == event_id)
    )
    return [
        StopPlace(did, hid, vid, stop, natural_sort_key(community, building, unit, room))
        for did, hid, vid, stop, community, building, unit, room in session.execute(query)
    ]


def numbered(places: Sequence[StopPlace], natural: bool) -> dict[int, int]:
    """New stop numbers (delivery id → 1..n) of one list; a household is one stop.

    ``natural``: natural address order; otherwise the current order is kept (the order of
    :func:`read_stops`: households by their lowest stop number, ties and newcomers in
    natural order) and gaps close.
    """
    first: dict[int, StopPlace] = {}
    lowest: dict[int, int] = {}
    for place in places:
        first.setdefault(place.household_id, place)
        lowest[place.household_id] = min(lowest.get(place.household_id, place.stop_order),
                                         place.stop_order)
    order: Callable[[int], tuple[Any, ...]]
    if natural:
        def order(hid: int) -> tuple[Any, ...]:
            return (first[hid].key, hid)
    else:
        def order(hid: int) -> tuple[Any, ...]:
            return stop_sort_key(lowest[hid], first[hid].key, hid)
    position = {hid: n for n, hid in enumerate(sorted(first, key=order), start=1)}
    return {place.delivery_id: position[place.household_id] for place in places}


__all__ = [
    "AddressKey", "DeliveryRow", "Stop", "StopPlace", "group_stops", "joined_notes",
    "list_deliveries", "natural_sort_key", "numbered", "read_stops", "stop_places",
    "stop_sort_key",
]
