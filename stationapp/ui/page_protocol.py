"""What every page of the main window offers it: one protocol, checked by mypy.

A page is a widget with a ``count_changed`` and a ``message`` signal (the status bar shows
them) and the methods below. The main window holds its pages as :class:`StationPage`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings, SignalInstance

from stationapp.ui.notices import ChangeNotice


@runtime_checkable
class StationPage(Protocol):
    """One area of the main window (households, events, visits …)."""

    count_changed: SignalInstance
    """Emitted when the number of rows listed changes."""
    message: SignalInstance
    """Emitted with a sentence for the status bar (what an action did)."""

    def shown_count(self) -> int:
        """How many rows the page lists now."""
        ...

    def status_text(self) -> str:
        """The status bar's sentence about what the page lists (translated)."""
        ...

    def refresh(self) -> None:
        """Read everything the page shows again (F5)."""
        ...

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again only what ``notice`` says changed among what this page shows."""
        ...

    def focus_search(self) -> None:
        """Put the cursor in the page's search box."""
        ...

    def save_state(self, settings: QSettings) -> None:
        """Keep the page's layout (column widths, sorting, tabs) for the next start."""
        ...

    def restore_state(self, settings: QSettings) -> None:
        """Restore the layout kept by :meth:`save_state`."""
        ...

    def close_windows(self) -> None:
        """Close the windows the page opened (deliveries panels …) before the program quits."""
        ...


__all__ = ["StationPage"]
