"""``stationapp households --format csv`` and ``stationapp export`` write no live formula,
and the exported roster imports back unchanged (issue 11, defect 7)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from stationapp.domain.clock import Clock
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
NOTE = '=HYPERLINK("http://x","y")'


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def test_csv_output_and_export_guard_formulas(
    sqlite_url: str, clock: Clock, tmp_path: Path
) -> None:
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301", notes=NOTE,
            residents=(ResidentInput(name="@SUM(A1)", mobility_notes="-拄拐"),),
        ), "测试员", date(2026, 11, 26))
    database.dispose()

    listed = run("--database-url", sqlite_url, "households", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.reader(io.StringIO(listed.stdout)))
    assert "'@SUM(A1)" in rows[1]

    exported = tmp_path / "花名册.csv"
    done = run("--database-url", sqlite_url, "export", "households", str(exported))
    assert done.returncode == 0, done.stderr
    text = exported.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text and "'-拄拐" in text
    again = run("--database-url", sqlite_url, "import", str(exported), "--format", "json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if "花名册" in p.name) == ["花名册.csv"]
