"""``stationapp events`` and the demo's events, with the command run as a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

EXECUTABLE = Path(sys.executable).with_name("stationapp")
FIELDS = ("id", "type", "title", "date", "place", "participants", "deliveries_planned",
          "deliveries_done", "deliveries_pending")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    full_env = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    full_env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True,
                          env=full_env, timeout=120, check=False)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file filled by ``stationapp demo`` with 120 households."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-events') / 'demo.sqlite3'}"
    result = run("--database-url", url, "demo", "--households", "120", "--seed", "7")
    assert result.returncode == 0, result.stderr
    return url


def events(url: str, *args: str) -> list[dict[str, object]]:
    result = run("--database-url", url, "events", "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_demo_creates_the_seed_pages_events(demo_url: str, today: date) -> None:
    rows = events(demo_url)
    # Newest first: the coming 节日慰问, then 培训, 安全宣传, 重阳慰问 and 中秋送月饼 (节日慰问 on
    # the lunar calendar's days), and the couplets and window-flowers before the last 春节.
    assert [r["type"] for r in rows] == ["节日慰问", "培训", "安全宣传", "节日慰问", "节日慰问",
                                         "送窗花", "写春联送祝福"]
    for row in rows:
        assert tuple(row) == FIELDS
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", str(row["date"]))
    by_type = {r["type"]: r for r in rows}

    couplets = by_type["写春联送祝福"]
    assert "写春联" in str(couplets["title"]) and str(couplets["place"]).endswith("广场")
    assert 140 <= int(str(couplets["participants"])) <= 165
    assert int(str(couplets["deliveries_planned"])) > 0
    assert couplets["deliveries_pending"] == 0

    flowers = by_type["送窗花"]
    planned, done = int(str(flowers["deliveries_planned"])), int(str(flowers["deliveries_done"]))
    assert 20 <= planned <= 26 and planned * 0.6 <= done < planned  # most delivered, some not
    assert flowers["deliveries_pending"] == 0

    upcoming = rows[0]
    when = datetime.strptime(str(upcoming["date"]), "%Y-%m-%d %H:%M").date()
    assert when > today  # the command ran at the suite's instant too
    assert int(str(upcoming["deliveries_pending"])) == int(str(upcoming["deliveries_planned"])) > 0
    past = [datetime.strptime(str(r["date"]), "%Y-%m-%d %H:%M").date() for r in rows[1:]]
    assert all(d < today for d in past)


def test_search_and_date_range(demo_url: str, today: date) -> None:
    rows = events(demo_url)
    assert [r["type"] for r in events(demo_url, "--search", "窗花")] == ["送窗花"]
    assert [r["type"] for r in events(demo_url, "--search", "剪纸")] == ["培训", "送窗花"]
    assert events(demo_url, "--search", "没有这个活动") == []
    flower_day = str(next(r for r in rows if r["type"] == "送窗花")["date"])[:10]
    assert [r["type"] for r in events(demo_url, "--from", flower_day, "--to", flower_day)] == [
        "送窗花"]
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert [r["type"] for r in events(demo_url, "--from", tomorrow)] == ["节日慰问"]
    bad = run("--database-url", demo_url, "events", "--from", "3.2.2026")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_table_output(demo_url: str) -> None:
    result = run("--database-url", demo_url, "events")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == list(FIELDS)
    assert any("贴窗花迎新年" in line for line in lines)
    assert lines[-1] == "(7)"


def test_same_seed_same_events(demo_url: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    assert run("--database-url", url, "demo", "--households", "120", "--seed", "7").returncode == 0
    assert events(url) == events(demo_url)


def test_help_in_both_languages() -> None:
    english = run("events", "--help", env={"LANG": "en_US.UTF-8"})
    chinese = run("--lang", "zh_CN", "events", "--help", env={"LANG": "en_US.UTF-8"})
    assert english.returncode == chinese.returncode == 0
    assert "output format" in english.stdout and "--search" in english.stdout
    assert "输出格式" in chinese.stdout and "活动名称" in chinese.stdout
    overview = run("--help", env={"LANG": "zh_CN.UTF-8"})
    assert "列出活动" in overview.stdout
