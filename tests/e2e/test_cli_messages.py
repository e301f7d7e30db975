"""The command line speaks its errors in its language (``--lang`` or the desk's locale),
through the messages catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script with ``LANG`` and capture its output."""
    env = {**os.environ, "LANG": lang}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite ledger created (migrated, empty) by the command line."""
    url = f"sqlite:///{tmp_path_factory.mktemp('messages') / 'station.sqlite3'}"
    created = run("--database-url", url, "households")
    assert created.returncode == 0, created.stderr
    return url


def test_an_unknown_ledger_column_in_english_and_in_chinese(empty_url: str,
                                                            tmp_path: Path) -> None:
    target = tmp_path / "ledger.pdf"
    english = run("--database-url", empty_url, "--lang", "en", "print", "ledger",
                  "--columns", "户主,鞋码", "-o", str(target))
    assert english.returncode == 2
    assert english.stderr.startswith("stationapp: unknown column “鞋码” (columns: ")
    assert "Traceback" not in english.stderr
    chinese = run("--database-url", empty_url, "--lang", "zh_CN", "print", "ledger",
                  "--columns", "户主,鞋码", "-o", str(target))
    assert chinese.returncode == 2
    assert chinese.stderr.startswith("stationapp: 不认识的列“鞋码”（可用：")
    assert not target.exists()


def test_the_locale_chooses_the_language_without_lang(empty_url: str) -> None:
    chinese = run("--database-url", empty_url, "households", "--tier", "特级",
                  lang="zh_CN.UTF-8")
    assert chinese.returncode == 2
    assert chinese.stderr.startswith("stationapp: “特级”不是关爱等级（可用：重点、")
    english = run("--database-url", empty_url, "households", "--tier", "特级")
    assert english.returncode == 2
    assert english.stderr.startswith("stationapp: “特级” is not a care tier (tiers: 重点、")


def test_an_invalid_month_in_english_and_in_chinese(tmp_path: Path) -> None:
    target = str(tmp_path / "month.pdf")
    english = run("--lang", "en", "print", "monthly-report", "--month", "2026-13", "-o", target)
    assert english.returncode == 2
    assert "write the month as 2026-11" in english.stderr
    chinese = run("--lang", "zh_CN", "print", "monthly-report", "--month", "2026-13",
                  "-o", target)
    assert chinese.returncode == 2
    assert "月份请写成 2026-11" in chinese.stderr
