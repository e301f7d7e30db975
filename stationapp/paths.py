"""Where stationapp finds its resources and keeps its data and logs."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "stationapp"


def resources_dir() -> Path:
    """Return the resources folder, from an installed wheel or a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one resource file, e.g. ``resource_path("translations", "x.qm")``."""
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """Return (and create) the per-user data folder holding the default database."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Return (and create) the per-user log folder."""
    path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
