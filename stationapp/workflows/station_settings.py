"""Saving the station settings and moving the visit schedule with them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from stationapp.services.settings import StationSettings, store_station_settings
from stationapp.services.visit_schedule import reschedule_all


def save_station_settings(session: Session, settings: StationSettings) -> None:
    """Validate and store the station settings.

    When a visit interval changed, every household's next due date moves with it.
    """
    if store_station_settings(session, settings):
        reschedule_all(session)
