"""What an operation changed: the notice the main window hands to every page.

A notice names the areas of the ledger an operation touched (and, where it matters, which
households), so a page reads again only what it shows. It holds no Qt and no ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    """A part of the ledger a page shows."""

    HOUSEHOLDS = "households"
    """Households, their residents, liaisons, status and notes."""
    EVENTS = "events"
    """Events, their items and the volunteers' hours at them."""
    DELIVERIES = "deliveries"
    """Deliveries planned for events, their stops, rounds and outcomes."""
    VISITS = "visits"
    """Follow-up visits and the schedule derived from them."""
    REMINDERS = "reminders"
    """Reminders raised by visits."""
    REQUESTS = "requests"
    """Residents' requests (诉求) and their handling."""
    VOLUNTEERS = "volunteers"
    """Volunteers and their service records."""
    SETTINGS = "settings"
    """The station's settings and its lists: communities, event types, items, request
    categories."""


@dataclass(frozen=True)
class ChangeNotice:
    """The areas an operation changed; ``households`` names the households it touched
    (empty when none in particular), ``origin`` the widget that made the change."""

    areas: frozenset[Area]
    households: frozenset[int] = frozenset()
    origin: object | None = None

    def touches(self, *areas: Area) -> bool:
        """True when the operation changed any of ``areas``."""
        return not self.areas.isdisjoint(areas)


def changed(*areas: Area, households: tuple[int, ...] | frozenset[int] = (),
            origin: object | None = None) -> ChangeNotice:
    """A notice that ``areas`` changed (touching ``households``), made by ``origin``."""
    return ChangeNotice(frozenset(areas), frozenset(households), origin)


EVERYTHING = ChangeNotice(frozenset(Area))
"""The notice after a restore or an import: every page reads again."""

__all__ = ["EVERYTHING", "Area", "ChangeNotice", "changed"]
