"""Windows desks (simulated): the PDF's main Chinese font comes from %WINDIR%\\Fonts —
SimHei, then Microsoft YaHei, then SimSun — and the frozen program's resources/ folder
(fonts shipped with the program) comes before them."""

from __future__ import annotations

from pathlib import Path

import pytest

from stationapp.reports import fonts
from stationapp.reports.fonts import FontChoice, cjk_font, system_font_candidates

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wqy = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake ``C:\\Windows`` (WINDIR) with an empty Fonts folder; returns the Fonts folder."""
    folder = tmp_path / "Windows" / "Fonts"
    folder.mkdir(parents=True)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    return folder


def windows_only(folder: Path) -> list[FontChoice]:
    """The candidates of a desk that has only its Windows fonts."""
    return [c for c in system_font_candidates() if c.path.is_relative_to(folder)]


def test_windows_candidates_are_simhei_yahei_simsun_in_windir(windows: Path) -> None:
    assert [c.path for c in windows_only(windows)] == [
        windows / "simhei.ttf", windows / "msyh.ttc", windows / "simsun.ttc"]


@needs_wqy
def test_the_first_windows_font_present_is_used(windows: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Microsoft YaHei (a collection) present, SimHei not: YaHei prints.
    (windows / "msyh.ttc").symlink_to(WQY)
    monkeypatch.setattr(fonts, "system_font_candidates", lambda: windows_only(windows))
    monkeypatch.setattr(fonts, "bundled_font_candidates", lambda: [])
    assert cjk_font() == "StationCJK-msyh-0"
    # SimHei, once installed, comes first.
    (windows / "simhei.ttf").symlink_to(WQY)
    assert cjk_font() == "StationCJK-simhei-0"


@needs_wqy
def test_a_font_shipped_in_resources_comes_before_the_windows_ones(
        windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (windows / "simhei.ttf").symlink_to(WQY)
    shipped = tmp_path / "bundle" / "stationapp" / "resources" / "fonts"
    shipped.mkdir(parents=True)
    (shipped / "station.ttc").symlink_to(WQY)
    monkeypatch.setattr(fonts, "resources_dir", lambda: shipped.parent)
    monkeypatch.setattr(fonts, "system_font_candidates", lambda: windows_only(windows))
    assert cjk_font() == "StationCJK-station-0"
