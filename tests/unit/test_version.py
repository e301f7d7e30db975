"""The version lives in one place: stationapp/__init__.py; everything else reads it."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest

import stationapp
from stationapp import cli

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "stationapp/__init__.py"


def test_the_installed_distribution_has_the_package_version() -> None:
    assert importlib.metadata.version("stationapp") == stationapp.__version__


def test_version_is_a_debian_and_windows_friendly_number() -> None:
    # The .deb file name, its control file and Inno Setup's VersionInfoVersion take it as is.
    assert re.fullmatch(r"\d+\.\d+\.\d+", stationapp.__version__)


def test_command_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"stationapp {stationapp.__version__}"
