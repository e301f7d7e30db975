"""Windows desks (simulated): no CUPS, so pages always reach the printer through Qt."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from stationapp.ui import print_job


def test_windows_never_uses_lp_even_when_one_is_on_the_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lp = tmp_path / "lp"
    lp.write_text("#!/bin/sh\nexit 0\n")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert print_job.spooler_command() == str(lp)
    monkeypatch.setattr(sys, "platform", "win32")
    assert print_job.spooler_command() is None
