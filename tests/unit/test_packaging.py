"""The wheel carries the resources and migrations the program finds at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from stationapp import paths

ROOT = Path(__file__).resolve().parents[2]


def test_resources_found_from_the_source_checkout() -> None:
    assert paths.resource_path("demo", "surnames.tsv").is_file()
    assert paths.resources_dir() == ROOT / "resources"


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv builds the wheel")
def test_wheel_contains_resources_and_migrations(tmp_path: Path) -> None:
    """Built offline with the build backend of the test's own (locked) environment: no
    isolated build environment is downloaded."""
    pytest.importorskip(
        "hatchling",
        reason="the build backend (hatchling) is not in the locked environment; "
               "add it to the dev dependency group",
    )
    subprocess.run(["uv", "build", "--wheel", "--no-build-isolation", "--offline",
                    "--python", sys.executable, "--out-dir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("stationapp-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "stationapp/resources/demo/surnames.tsv" in names
    assert "stationapp/resources/translations/stationapp_zh_CN.qm" in names
    assert "stationapp/db/migrations/env.py" in names
    assert "stationapp/db/migrations/script.py.mako" in names
    assert any(n.startswith("stationapp/db/migrations/versions/0001_") for n in names)
    assert "stationapp/py.typed" in names
