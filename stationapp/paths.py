"""Where stationapp finds its resources and keeps its data and logs."""

from __future__ import annotations

from pathlib import Path

from stationapp.files import own_folder

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


def data_dir(*, create: bool = True) -> Path:
    """Return (and create, unless ``create`` is False) the per-user data folder holding the
    default database.

    The folder is the desk's user's only (0700; one an older version made 0755 is
    tightened). On Windows it is under the user's profile (``%LOCALAPPDATA%``).
    """
    import platformdirs  # here: not needed before the first window paints (a given URL)

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return own_folder(path) if create else path


def log_dir() -> Path:
    """Return (and create) the per-user log folder, the desk's user's only (0700)."""
    import platformdirs

    return own_folder(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
