"""The About box shows the version the package and ``stationapp --version`` carry."""

from __future__ import annotations

import importlib.metadata

from stationapp.ui.main_window import MainWindow


def test_about_box_shows_the_installed_version(main_window: MainWindow) -> None:
    version = importlib.metadata.version("stationapp")
    assert f" {version}\n" in main_window.about_text()
