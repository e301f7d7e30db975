"""Requests to open one of the program's lists: what the home page and the statistics
cards ask the main window for when the clerk clicks a line or a card.

The main window switches to the page that shows the list and hands it the request
(``page.open_list(request)``); the page chooses its tab, filter or selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ListKind(StrEnum):
    """Which list to open (the page that shows it in brackets)."""

    HOUSEHOLDS = "households"
    """Every household on the ledger (households)."""
    ELDERLY_HOUSEHOLDS = "elderly_households"
    """Households with someone aged 80 or more, 高龄 (households): a festival's visit round."""
    ROUND_BIRTHDAYS = "round_birthdays"
    """Households with a 整寿 in the next ``target_id`` days (households)."""
    HOUSEHOLD = "household"
    """One household, selected and opened (households); ``target_id`` is its id."""
    OVERDUE_VISITS = "overdue_visits"
    """Households whose follow-up visit is due or overdue (visits, overdue tab)."""
    VISITS = "visits"
    """The visits recorded in ``month`` (visits, visits tab)."""
    REMINDERS_DUE = "reminders_due"
    """Follow-up reminders due today or earlier and not done (visits, reminders tab)."""
    OPEN_REQUESTS = "open_requests"
    """Requests not yet closed (requests)."""
    OVERDUE_REQUESTS = "overdue_requests"
    """Open requests past their deadline (requests)."""
    REQUESTS_RECEIVED = "requests_received"
    """Requests received in ``month`` (requests)."""
    EVENTS = "events"
    """The events of ``month`` (events)."""
    EVENT_DELIVERIES = "event_deliveries"
    """One event's deliveries (events; its deliveries window); ``target_id`` is the event."""
    VOLUNTEERS = "volunteers"
    """The volunteers and their hours (volunteers)."""


@dataclass(frozen=True)
class ListRequest:
    """Open the list ``kind``; ``target_id`` and ``month`` narrow it where the kind says."""

    kind: ListKind
    target_id: int | None = None
    month: date | None = None


PAGE_OF_KIND: dict[ListKind, str] = {
    ListKind.HOUSEHOLDS: "households",
    ListKind.HOUSEHOLD: "households",
    ListKind.ELDERLY_HOUSEHOLDS: "households",
    ListKind.ROUND_BIRTHDAYS: "households",
    ListKind.OVERDUE_VISITS: "visits",
    ListKind.VISITS: "visits",
    ListKind.REMINDERS_DUE: "visits",
    ListKind.OPEN_REQUESTS: "requests",
    ListKind.OVERDUE_REQUESTS: "requests",
    ListKind.REQUESTS_RECEIVED: "requests",
    ListKind.EVENTS: "events",
    ListKind.EVENT_DELIVERIES: "events",
    ListKind.VOLUNTEERS: "volunteers",
}
"""The main window's page (its name) that shows each list."""


__all__ = ["PAGE_OF_KIND", "ListKind", "ListRequest"]
