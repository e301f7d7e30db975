"""The station settings dialog: the station's own facts and its station-wide lists.

Four tabs, each in a module of its own:

* **Station** (:mod:`~stationapp.ui.settings_station_tab`) — name and phone (printed on
  every delivery sheet and report), the visit interval in days per care tier (关爱等级) and
  the time limit of requests. Saved together with *Save*; every problem the settings
  service finds is shown in red under its field and nothing is written.
* **Event types**, **Items**, **Request categories**
  (:mod:`~stationapp.ui.settings_list_tabs`) — saved at once, each change in its own
  transaction.

Every change goes through the operation runner and is announced as a change of
:attr:`Area.SETTINGS` (and :attr:`Area.VISITS` when a visit interval changed, since the
workflow then moves every household's next visit). The dialog never writes SQL itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import ValidationError
from stationapp.services.settings import StationSettings, get_station_settings
from stationapp.ui.form_helpers import INVALID_STYLE, confirm_discard
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.settings_catalogue_tab import CatalogueTab
from stationapp.ui.settings_list_tabs import EventTypesTab, ItemsTab, RequestCategoriesTab
from stationapp.ui.settings_station_tab import StationTab
from stationapp.workflows.station_settings import save_station_settings

log = logging.getLogger("stationapp.ui")


def _saved_station(ctx: OperationContext, settings: StationSettings) -> tuple[str, bool]:
    """Save ``settings``; return the name stored and whether a visit interval changed."""
    before = get_station_settings(ctx.session)
    save_station_settings(ctx.session, settings)
    after = get_station_settings(ctx.session)
    return after.name, after.visit_interval_days != before.visit_interval_days


class SettingsDialog(QDialog):
    """Station settings: the Station tab (saved with Save) and the three list tabs.

    :attr:`station_saved` carries the station name after the Station tab was saved. The
    list tabs are read again when another window changes the station's lists.
    """

    station_saved = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the four tabs from what ``operations``' database holds."""
        super().__init__(parent)
        self._operations = operations
        self.setWindowTitle(self.tr("Station settings"))
        self.setStyleSheet(INVALID_STYLE)
        settings = operations.read(get_station_settings)

        self.station = StationTab(settings, self)
        self.event_types = EventTypesTab(operations, self)
        self.items = ItemsTab(operations, self)
        self.request_categories = RequestCategoriesTab(operations, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.station, self.tr("&Station"))
        self.tabs.addTab(self.event_types, self.tr("E&vent types"))
        self.tabs.addTab(self.items, self.tr("&Items"))
        self.tabs.addTab(self.request_categories, self.tr("Re&quest categories"))

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button: QPushButton = save
        self.save_button.setToolTip(self.tr("Save the Station tab and close. Changes to event "
                                            "types, items and request categories are saved "
                                            "at once."))
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.button_box)
        self._initial = self.station.current_settings()
        self.resize(600, 540)
        operations.changed.connect(self._notice_heard)
        self._listening = True

    def list_tabs(self) -> tuple[CatalogueTab, ...]:
        """The tabs of station-wide lists (event types, items, request categories)."""
        return (self.event_types, self.items, self.request_categories)

    def is_modified(self) -> bool:
        """True when the Station tab differs from what was loaded."""
        return self.station.current_settings() != self._initial

    def save(self) -> bool:
        """Save the Station tab in one transaction and close; True when saved.

        Problems are shown under their fields (the Station tab is brought forward) and
        nothing is written.
        """
        self.station.clear_problems()
        settings = self.station.current_settings()

        def notice(value: tuple[str, bool]) -> ChangeNotice:
            _name, intervals_changed = value
            areas = (Area.SETTINGS, Area.VISITS) if intervals_changed else (Area.SETTINGS,)
            return changed(*areas, origin=self)

        done = self._operations.change(
            self, lambda ctx: _saved_station(ctx, settings), notice,
            FailureTexts(self.tr("Not saved")), on_problems=self._show_problems)
        if done is None:
            return False
        log.info("station settings saved by %s", self._operations.actor or "?")
        self._initial = settings
        self.station_saved.emit(done.value[0])
        super().accept()
        return True

    def accept(self) -> None:
        """Accepting the dialog (Enter) means saving it."""
        self.save()

    def reject(self) -> None:
        """Close (Esc); ask first when the Station tab has unsaved changes."""
        if self.is_modified() and not confirm_discard(
            self, self.tr("Discard changes?"),
            self.tr("You changed the station's name, phone, visit intervals or request "
                    "time limit. Close without saving them?"),
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close and stop listening to changes made elsewhere."""
        self._stop_listening()
        super().done(result)

    def _stop_listening(self) -> None:
        if self._listening:
            self._listening = False
            self._operations.changed.disconnect(self._notice_heard)

    def _show_problems(self, problems: Sequence[ValidationError]) -> None:
        self.tabs.setCurrentWidget(self.station)
        self.station.show_problems(problems)

    def _notice_heard(self, notice: ChangeNotice) -> None:
        """Read the lists again when another window changed the station's settings."""
        tabs = self.list_tabs()
        if notice.origin is self or notice.origin in tabs or not notice.touches(Area.SETTINGS):
            return
        for tab in tabs:
            tab.reload()


__all__ = ["SettingsDialog"]
