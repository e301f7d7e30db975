"""Door-to-door deliveries (送上门): plan, split among volunteers, order stops, record outcomes.

The clerk picks target households of an event with the ledger's filters (only 在册
households), plans item × quantity for each, splits the stops among volunteers by
community and building, orders each volunteer's stops in natural address order, and
afterwards records what happened at each door.

A *stop* is one household on one volunteer's list: every delivery of that household in
that list carries the same ``stop_order`` (the sheet prints one line per stop). Stop
numbers count from 1 within a list; the unassigned deliveries form a list of their own.

This module is the one door to the use cases, which live by job:

* :mod:`~stationapp.services.delivery_stops`: the read model of a stop (grouping and
  order, shared by the panel and the sheets) and the deliveries list;
* :mod:`~stationapp.services.delivery_planning`: targeting and planning;
* :mod:`~stationapp.services.delivery_assignment`: assigning, splitting, stop order;
* :mod:`~stationapp.services.delivery_outcomes`: outcomes, 再送一次, notes, cancelling.

Every function takes a :class:`~sqlalchemy.orm.Session` first and never commits. Errors
carry message codes of the ``delivery.`` area (:mod:`stationapp.messages`).
"""

from __future__ import annotations

from stationapp.services.delivery_assignment import (
    assign,
    auto_assign,
    move_stop,
    renumber_stops,
)
from stationapp.services.delivery_common import CHUNK
from stationapp.services.delivery_outcomes import (
    add_note_to_household,
    cancel_pending_for_household,
    mark_sheet_delivered,
    pending_count_for_household,
    record_outcome,
    redeliver,
)
from stationapp.services.delivery_planning import (
    MOBILITY_CATEGORIES,
    Candidate,
    PlanLine,
    PlanResult,
    TargetFilter,
    find_candidates,
    plan_deliveries,
)
from stationapp.services.delivery_stops import (
    DeliveryRow,
    Stop,
    group_stops,
    list_deliveries,
    natural_sort_key,
    read_stops,
)

__all__ = [
    "CHUNK", "MOBILITY_CATEGORIES", "Candidate", "DeliveryRow", "PlanLine", "PlanResult",
    "Stop", "TargetFilter", "add_note_to_household", "assign", "auto_assign",
    "cancel_pending_for_household", "find_candidates", "group_stops", "list_deliveries",
    "mark_sheet_delivered", "move_stop", "natural_sort_key", "pending_count_for_household",
    "plan_deliveries", "read_stops", "record_outcome", "redeliver", "renumber_stops",
]
