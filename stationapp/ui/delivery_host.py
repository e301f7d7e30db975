"""What the deliveries panel offers the helpers that act on its stops (outcomes, rounds).

The helpers live in modules of their own and know the panel only through
:class:`DeliveryHost`, so no helper imports the panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtWidgets import QTableView

from stationapp.domain.errors import StationError
from stationapp.services.delivery_stops import Stop
from stationapp.ui.delivery_stop_model import SheetKey, StopTableModel
from stationapp.ui.notices import Area
from stationapp.ui.operations import Done, OperationContext, Operations

StopKey = tuple[int | None, int]
"""A stop across refreshes: (volunteer, household)."""


class DeliveryHost(Protocol):
    """The deliveries panel as its helpers see it."""

    model: StopTableModel
    table: QTableView

    @property
    def operations(self) -> Operations:
        """Runs the panel's reads and changes."""
        ...

    @property
    def event_id(self) -> int:
        """The event whose deliveries the panel shows."""
        ...

    def current_sheet(self) -> SheetKey | None:
        """The sheet chosen on the left."""
        ...

    def select_sheet(self, key: SheetKey) -> bool:
        """Show the sheet ``key``; False when there is no such sheet."""
        ...

    def all_stops(self) -> list[Stop]:
        """Every stop of the event as last read."""
        ...

    def selected_stops(self) -> list[Stop]:
        """The selected stops, top to bottom."""
        ...

    def apply(
        self,
        work: Callable[[OperationContext], Any],
        areas: Sequence[Area],
        households: Sequence[int] = (),
        on_error: Callable[[StationError], None] | None = None,
    ) -> Done[Any] | None:
        """Run a change through the operation runner; a refusal is shown in the panel
        (and handed to ``on_error``) and None returned."""
        ...

    def after_change(
        self, message: str, keep: Sequence[StopKey] | None = None,
        current: StopKey | None = None,
    ) -> None:
        """Read the deliveries again after a change, say ``message`` and select ``keep``."""
        ...

    def say(self, message: str) -> None:
        """Show ``message`` in the panel's message line."""
        ...


__all__ = ["DeliveryHost", "StopKey"]
