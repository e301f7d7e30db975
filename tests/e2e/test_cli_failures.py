"""Failures of the command line as real processes: a plain Chinese message, exit code 2, no
traceback and no resident's data on the terminal; the details (scrubbed) in the log."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str, state: Path, stdout: int | None = None,
        ) -> subprocess.CompletedProcess[str]:
    """Run ``stationapp`` in Chinese with its log folder under ``state``."""
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "XDG_STATE_HOME": str(state)}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env, timeout=120,
                          check=False)


def log_text(state: Path) -> str:
    """Everything the program logged under ``state``."""
    return "".join(p.read_text(encoding="utf-8")
                   for p in (state / "stationapp" / "log").glob("stationapp.log*"))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, str]]]:
    """A demo ledger of 20 households and its rows (with the residents' data)."""
    folder = tmp_path_factory.mktemp("failures")
    url = f"sqlite:///{folder / 'ledger.sqlite3'}"
    made = run("--database-url", url, "demo", "--households", "20", "--seed", "3",
               state=folder / "state")
    assert made.returncode == 0, made.stderr
    listed = run("--database-url", url, "households", "--format", "json",
                 state=folder / "state")
    assert listed.returncode == 0, listed.stderr
    return url, json.loads(listed.stdout)


def assert_plain_failure(result: subprocess.CompletedProcess[str],
                         rows: list[dict[str, str]]) -> None:
    """Exit code 2, a message on stderr, no traceback, nobody's name or phone."""
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("stationapp: "), result.stderr
    assert "Traceback" not in result.stderr
    for row in rows:
        assert row["head"] not in result.stderr
        if row["phone"]:
            assert row["phone"] not in result.stderr
    assert "SELECT" not in result.stderr and "INSERT" not in result.stderr


def test_a_full_disk_is_a_plain_message(
    ledger: tuple[str, list[dict[str, str]]], tmp_path: Path
) -> None:
    url, rows = ledger
    with open("/dev/full", "w") as full:  # every write: "No space left on device"
        result = run("--database-url", url, "households", "--format", "json",
                     state=tmp_path, stdout=full.fileno())
    assert_plain_failure(result, rows)
    assert "磁盘空间已满" in result.stderr


def test_a_locked_ledger_is_a_plain_message(tmp_path: Path) -> None:
    file = tmp_path / "ledger.sqlite3"
    url = f"sqlite:///{file}"
    made = run("--database-url", url, "households", state=tmp_path)
    assert made.returncode == 0, made.stderr
    other_desk = sqlite3.connect(file)
    try:
        other_desk.execute("BEGIN EXCLUSIVE")
        other_desk.execute("UPDATE community SET name = name")
        result = run("--database-url", url, "demo", "--households", "5", state=tmp_path)
    finally:
        other_desk.rollback()
        other_desk.close()
    assert_plain_failure(result, [])
    assert "占用" in result.stderr
    again = run("--database-url", url, "households", "--format", "json", state=tmp_path)
    assert json.loads(again.stdout) == []  # nothing half-written


def test_a_ledger_in_a_folder_that_is_not_there_is_a_plain_message(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run("--database-url", f"sqlite:///{not_a_folder / 'ledger.sqlite3'}",
                 "households", state=tmp_path)
    assert_plain_failure(result, [])


def test_an_unexpected_error_is_logged_not_shown(
    ledger: tuple[str, list[dict[str, str]]], tmp_path: Path
) -> None:
    url, rows = ledger
    copy = tmp_path / "broken.sqlite3"
    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    # A real failure the program does not expect: a column it reads has gone.
    target.execute("ALTER TABLE household RENAME COLUMN head_name TO head_name_old")
    target.commit()
    target.close()
    head = rows[0]["head"]
    state = tmp_path / "state"
    result = run("--database-url", f"sqlite:///{copy}", "households", "--search", head,
                 state=state)
    assert_plain_failure(result, rows)
    assert "出错了" in result.stderr
    assert "详细信息已写入日志" in result.stderr
    assert str(state / "stationapp" / "log" / "stationapp.log") in result.stderr
    logged = log_text(state)
    assert "Traceback" in logged and "OperationalError" in logged
    assert head not in logged
    assert "[parameters removed]" in logged
