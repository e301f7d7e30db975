"""A volunteer's stops as a walking route (步行路线): split by community, then in door order.

Pure functions, no database. A delivery sheet is carried through one community at a time:
the stops of one volunteer are split into one *leg* per community (小区), and within a leg
ordered building → unit → floor/room in natural order (2号楼 before 10号楼; room numbers
carry the floor, 302 is on the 3rd floor, so room order climbs floor by floor). Each leg
becomes one sheet headed "第 k/n 张 · <community>".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from stationapp.domain.address import Address, leading_number

T = TypeVar("T")

RouteKey = tuple[int, str, int, str, int, int, str]
"""Order within a community: building, unit, floor, room (numbers first, then the text)."""


def floor_of(room: str) -> int:
    """The floor a room number is on: 302 → 3, 1102 → 11, 12 → 0 (no floor in it)."""
    number = leading_number(room)
    return number // 100


def route_key(address: Address) -> RouteKey:
    """Where a door comes in its community's walk: building, unit, floor, room."""
    room = leading_number(address.room)
    return (leading_number(address.building), address.building,
            leading_number(address.unit), address.unit, floor_of(address.room), room,
            address.room)


@dataclass(frozen=True)
class Leg(Generic[T]):
    """The stops of one community, in walking order; ``part`` of ``parts`` (1-based)."""

    community: str
    part: int
    parts: int
    stops: tuple[T, ...]


def walking_route(stops: Sequence[T], address: Callable[[T], Address]) -> list[Leg[T]]:
    """``stops`` split into one leg per community (communities by name, as the natural
    address order has them), each ordered building → unit → floor → room. Stops at the
    same address keep their given order. An empty sequence gives no leg."""
    by_community: dict[str, list[tuple[int, T]]] = {}
    for index, stop in enumerate(stops):
        by_community.setdefault(address(stop).community, []).append((index, stop))
    names = sorted(by_community)  # as the natural address order sorts communities
    legs: list[Leg[T]] = []
    for part, name in enumerate(names, start=1):
        ordered = sorted(by_community[name],
                         key=lambda pair: (route_key(address(pair[1])), pair[0]))
        legs.append(Leg(name, part, len(names), tuple(stop for _, stop in ordered)))
    return legs


__all__ = ["Leg", "RouteKey", "floor_of", "route_key", "walking_route"]
