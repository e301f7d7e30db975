"""``stationapp audit`` and ``stationapp audit verify`` as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import text

from stationapp.db.audit_hook import install_audit_trail
from stationapp.domain.audit import ACTOR_KEY
from stationapp.domain.clock import Clock
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
ID_1938_MALE = "37050219380501001X"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script in English and capture its output."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("STATIONAPP_USER", None)
    return subprocess.run([str(EXECUTABLE), "--lang", "en", *args], capture_output=True,
                          text=True, env=env, timeout=180, check=False)


def ledger_with_a_trail(path: Path, clock: Clock, today: date) -> str:
    """A SQLite ledger where two clerks each added a household (so the trail has entries)."""
    url = f"sqlite:///{path}"
    database = open_database(url, clock)
    install_audit_trail(database.sessions)
    try:
        for room, actor, id_number in (("301", "王会计", ID_1938_MALE), ("302", "张书记", "")):
            with database.session() as s:
                s.info[ACTOR_KEY] = actor
                create_household(s, HouseholdInput(
                    community="锦华一区", building="3", unit="2", room=room,
                    residents=(ResidentInput(name="李大爷", id_number=id_number),)),
                    actor=actor, today=today)
    finally:
        database.dispose()
    return url


def test_audit_lists_filters_and_verifies_the_trail(
    tmp_path: Path, clock: Clock, today: date
) -> None:
    url = ledger_with_a_trail(tmp_path / "station.sqlite3", clock, today)
    listed = run("--database-url", url, "audit", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    records = json.loads(listed.stdout)
    assert {"at", "user", "action", "entity", "entity_id", "changes"} <= set(records[0])
    households = [r for r in records if r["entity"] == "household"]
    assert [(r["action"], r["user"]) for r in households] == [("create", "王会计"),
                                                               ("create", "张书记")]
    assert ID_1938_MALE not in listed.stdout and "370502********001X" in listed.stdout

    mine = run("--database-url", url, "audit", "--user", "张书记", "--since",
               today.isoformat())
    assert mine.returncode == 0, mine.stderr
    assert "张书记" in mine.stdout and "王会计" not in mine.stdout
    assert mine.stdout.rstrip().endswith("(1)")

    verified = run("--database-url", url, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "intact" in verified.stdout

    database = open_database(url, clock)
    try:
        with database.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_entry WHERE id = 1"))
    finally:
        database.dispose()
    broken = run("--database-url", url, "audit", "verify")
    assert broken.returncode == 1
    assert "entry 2" in broken.stderr
