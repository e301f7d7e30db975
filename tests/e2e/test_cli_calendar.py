"""``stationapp calendar`` run as a real process: festivals, holidays and 整寿 in date order,
the station's holiday file in the desk's data folder, and a bad file named with its line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    full_env = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    full_env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True,
                          env=full_env, timeout=120, check=False)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file filled by ``stationapp demo`` with 120 households."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-calendar') / 'demo.sqlite3'}"
    result = run("--database-url", url, "demo", "--households", "120", "--seed", "7")
    assert result.returncode == 0, result.stderr
    return url


def items(url: str, *args: str, env: dict[str, str] | None = None) -> list[dict[str, object]]:
    result = run("--database-url", url, "calendar", "--format", "json", *args, env=env)
    assert result.returncode == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_festivals_holidays_and_birthdays_in_date_order(demo_url: str) -> None:
    found = items(demo_url, "--from", "2026-09-20", "--days", "40")
    assert [str(i["date"]) for i in found] == sorted(str(i["date"]) for i in found)
    assert all({"date", "lunar", "kind", "name"} <= set(i) for i in found)
    festivals = {(i["name"], i["date"], i["lunar"]) for i in found if i["kind"] == "festival"}
    assert festivals == {("中秋节", "2026-09-25", "八月十五"), ("重阳节", "2026-10-18", "九月初九")}
    double_ninth = next(i for i in found if i["name"] == "重阳节")
    assert int(str(double_ninth["elderly_households"])) > 0
    national = next(i for i in found if i["kind"] == "holiday" and i["name"] == "国庆节")
    assert (national["date"], national["end"]) == ("2026-10-01", "2026-10-07")
    assert {i["date"] for i in found if i["kind"] == "workday"} == {"2026-09-20", "2026-10-10"}
    for birthday in (i for i in found if i["kind"] == "birthday"):
        age = int(str(birthday["age"]))
        assert age in (80, 90) or age >= 100
        assert birthday["household_id"] and birthday["address"]


def test_default_window_starts_today(demo_url: str) -> None:
    found = items(demo_url)  # the fixed test day, 2026-12-07, and 60 days
    assert found and str(found[0]["date"]) >= "2026-12-07"
    assert all(str(i["date"]) <= "2027-02-04" for i in found)
    assert any(i["kind"] == "birthday" for i in found)  # the demo has 整寿 ahead


def test_table_output(demo_url: str) -> None:
    result = run("--database-url", demo_url, "--lang", "zh_CN", "calendar", "--from",
                 "2026-10-18", "--days", "1")
    assert result.returncode == 0, result.stderr
    assert "九月初九" in result.stdout and "重阳节" in result.stdout
    assert "80 岁以上" in result.stdout


def test_station_holiday_file_and_a_bad_one(demo_url: str, tmp_path: Path) -> None:
    data = tmp_path / "xdg"
    (data / "stationapp").mkdir(parents=True)
    file = data / "stationapp" / "holidays.toml"
    file.write_text('[[holiday]]\nname = "春节"\nfrom = 2027-02-05\nto = 2027-02-13\n\n'
                    '[[workday]]\nname = "春节"\ndate = 2027-02-14\n', encoding="utf-8")
    env = {"XDG_DATA_HOME": str(data)}
    found = items(demo_url, "--from", "2027-02-01", "--days", "20", env=env)
    spring = next(i for i in found if i["kind"] == "holiday")
    assert (spring["name"], spring["date"], spring["end"], spring["confirmed"]) == (
        "春节", "2027-02-05", "2027-02-13", True)
    assert [i["date"] for i in found if i["kind"] == "workday"] == ["2027-02-14"]

    file.write_text('[[holiday]]\nname = "春节"\n\n[[holiday]]\nname = "元旦"\n'
                    'date = 2027-1-1\n', encoding="utf-8")
    result = run("--database-url", demo_url, "--lang", "zh_CN", "calendar", env=env)
    assert result.returncode == 2
    assert f"{file} 第 6 行" in result.stderr and "TOML" in result.stderr
    assert "Traceback" not in result.stderr


def overdue(url: str) -> int:
    result = run("--database-url", url, "visits", "overdue", "--format", "json")
    assert result.returncode == 0, result.stderr
    return len(json.loads(result.stdout))


def test_seasonal_period_add_list_end_delete(demo_url: str) -> None:
    before = overdue(demo_url)
    added = run("--database-url", demo_url, "--lang", "zh_CN", "seasonal", "add", "寒潮",
                "--from", "2026-11-28", "--due-days", "5", "--category", "独居",
                "--category", "高龄")
    assert added.returncode == 0, added.stderr
    assert "已登记季节性走访期" in added.stdout
    during = overdue(demo_url)
    assert during > before
    listed = run("--database-url", demo_url, "seasonal", "list", "--format", "json")
    periods, demo_period = json.loads(listed.stdout)  # the demo's own 寒潮 is over
    assert [(p["name"], p["from"], p["to"], p["due_by"], sorted(p["categories"]))
            for p in (periods, demo_period)] == [
        ("寒潮", "2026-11-28", None, "2026-12-03", ["独居", "高龄"]),
        ("寒潮", "2026-10-23", "2026-11-06", "2026-10-30", ["独居", "高龄"])]
    period_id = str(periods["id"])
    ended = run("--database-url", demo_url, "seasonal", "end", period_id, "--on",
                "2026-12-06")
    assert ended.returncode == 0, ended.stderr
    assert overdue(demo_url) == before  # over on the test day, 2026-12-07
    bad = run("--database-url", demo_url, "--lang", "zh_CN", "seasonal", "add", "高温",
              "--due-days", "3", "--category", "外星")
    assert bad.returncode == 2 and "不是关爱类别" in bad.stderr
    deleted = run("--database-url", demo_url, "seasonal", "delete", period_id)
    assert deleted.returncode == 0, deleted.stderr
    assert json.loads(run("--database-url", demo_url, "seasonal", "list", "--format",
                          "json").stdout) == [demo_period]
