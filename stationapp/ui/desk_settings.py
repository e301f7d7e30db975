"""Per-desk preferences (window layout, language, last folder) kept in ``QSettings``.

A small module of its own so that dialogs remembering a folder need not import the
main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from stationapp.paths import APP_NAME

ORGANIZATION = APP_NAME
"""Organisation and application name of the per-desk settings."""


def desk_settings() -> QSettings:
    """Per-desk preferences (window layout, language …): an INI file in the user's config."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )


__all__ = ["ORGANIZATION", "desk_settings"]
