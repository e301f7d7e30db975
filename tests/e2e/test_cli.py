"""The ``stationapp`` command run as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import stationapp

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
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'demo.sqlite3'}"
    result = run("--database-url", url, "demo", "--households", "120", "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert "120" in result.stdout
    return url


def households(url: str, *args: str) -> list[dict[str, object]]:
    result = run("--database-url", url, "households", "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"stationapp {stationapp.__version__}"


def test_help_follows_the_language() -> None:
    english = run("--help", env={"LANG": "en_US.UTF-8"})
    chinese = run("--help", env={"LANG": "zh_CN.UTF-8"})
    forced = run("--lang", "zh_CN", "--help", env={"LANG": "en_US.UTF-8"})
    assert "list households" in english.stdout
    assert "列出台账中的住户" in chinese.stdout
    assert "列出台账中的住户" in forced.stdout


def test_json_rows_carry_the_documented_fields(demo_url: str) -> None:
    rows = households(demo_url)
    assert 100 <= len(rows) <= 120  # a few demo households have moved away
    for key in ("id", "community", "building", "unit", "room", "head", "phone",
                "categories", "tier", "status", "age"):
        assert key in rows[0]
    assert {r["status"] for r in rows} == {"在册"}
    assert all(isinstance(r["categories"], list) for r in rows)
    everyone = households(demo_url, "--status", "all")
    assert len(everyone) == 120


def test_search_and_filters(demo_url: str) -> None:
    rows = households(demo_url)
    target = rows[5]
    head = str(target["head"])
    found = households(demo_url, "--search", head)
    assert target["id"] in [r["id"] for r in found]
    by_community = households(demo_url, "--community", str(target["community"]))
    assert {r["community"] for r in by_community} == {target["community"]}
    elderly = households(demo_url, "--category", "高龄")
    assert elderly and all("高龄" in r["categories"] for r in elderly)  # type: ignore[operator]
    heads_80 = {r["id"] for r in rows if isinstance(r["age"], int) and r["age"] >= 80}
    assert heads_80 <= {r["id"] for r in elderly}


def test_tier_filter_is_shared_with_export(demo_url: str) -> None:
    rows = households(demo_url)
    key = households(demo_url, "--tier", "重点")
    assert key and {r["tier"] for r in key} == {"重点"}
    assert {r["id"] for r in key} == {r["id"] for r in rows if r["tier"] == "重点"}
    bad_tier = run("--database-url", demo_url, "households", "--tier", "特级")
    assert bad_tier.returncode == 2
    assert bad_tier.stderr.startswith("stationapp: ") and "重点" in bad_tier.stderr


def test_same_seed_same_station(demo_url: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    assert run("--database-url", url, "demo", "--households", "120", "--seed", "7").returncode == 0
    assert households(url, "--status", "all") == households(demo_url, "--status", "all")


def test_environment_selects_the_database(demo_url: str) -> None:
    result = run("households", "--format", "csv", env={"STATIONAPP_DATABASE_URL": demo_url})
    assert result.returncode == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0][:3] == ["id", "address", "head"]
    assert len(table) - 1 == len(households(demo_url))


def test_table_output(demo_url: str) -> None:
    result = run("--database-url", demo_url, "households", "--search", "1号楼")
    assert result.returncode == 0
    assert "1号楼" in result.stdout


def test_clear_messages_for_mistakes(demo_url: str) -> None:
    bad_category = run("--database-url", demo_url, "households", "--category", "富翁")
    assert bad_category.returncode == 2
    assert "孤寡" in bad_category.stderr  # names the known categories
    # Service errors speak the command's language: Chinese asked for here.
    unknown = run("--database-url", demo_url, "--lang", "zh_CN", "households", "--community",
                  "不存在小区")
    assert unknown.returncode == 2
    assert "没有名为“不存在小区”的小区" in unknown.stderr
    again = run("--database-url", demo_url, "demo", "--households", "5")
    assert again.returncode == 2
    assert "stationapp:" in again.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'big.sqlite3'}"
    assert run("--database-url", url, "demo", "--households", "1500").returncode == 0
    # The JSON of 1,500 households is far larger than a pipe's buffer, so closing the
    # pipe after one line makes the writer hit a broken pipe.
    process = subprocess.Popen(
        [str(EXECUTABLE), "--database-url", url, "households", "--status", "all",
         "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in stderr
