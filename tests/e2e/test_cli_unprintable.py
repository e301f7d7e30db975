"""Issue 15 item 1 at the command line: `stationapp print …` names the characters no font
has (on stderr, with the text they stand in) and still prints; `--strict` writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from stationapp.domain.clock import FixedClock
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
ENTERED = datetime(2026, 1, 20, 9, 0)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("STATIONAPP_PDF_FALLBACK_FONTS", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Households 张䶮 (prints with the fallback font) and 王 with U+E000 (no font has it)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('q1') / 'station.sqlite3'}"
    database = open_database(url, FixedClock(ENTERED))
    try:
        with database.session() as s:
            for room, name in (("101", "张䶮"), ("102", "王\ue000")):
                create_household(s, HouseholdInput(
                    community="东旭小区", building="1", unit="1", room=room,
                    residents=(ResidentInput(name=name),)), "clerk", ENTERED.date())
    finally:
        database.dispose()
    return url


def test_print_names_unprintable_characters_and_prints(url: str, tmp_path: Path) -> None:
    target = tmp_path / "ledger.pdf"
    result = run("--database-url", url, "--lang", "zh_CN", "print", "ledger",
                 "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "这个字打印不出来：\ue000（U+E000）（“王\ue000”）" in result.stderr
    assert "张䶮" not in result.stderr  # the fallback font has it
    assert "已生成住户台账" in result.stdout
    assert target.is_file()


def test_strict_print_writes_nothing(url: str, tmp_path: Path) -> None:
    target = tmp_path / "ledger.pdf"
    result = run("--database-url", url, "--lang", "zh_CN", "print", "ledger", "--strict",
                 "-o", str(target))
    assert result.returncode == 2, result.stderr
    assert "这个字打印不出来：\ue000" in result.stderr
    assert "没有打印：有 1 个字会印成空白" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no partial file left behind
