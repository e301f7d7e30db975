"""``stationapp retention [--years N] [--apply]`` as a real process: lists the households
that left long ago, de-identifies them with --apply, and refuses a clerk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import select

from stationapp.domain.accounts import Role
from stationapp.domain.clock import Clock
from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.retention import DEIDENTIFIED, retention_cutoff
from stationapp.workflows.household_status import change_status
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
PASSWORD = "长期有效的密码1"


def run(*args: str, user: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script in English, signed in as ``user``."""
    env = {**os.environ, "LANG": "C.UTF-8", "STATIONAPP_USER": user,
           "STATIONAPP_PASSWORD": PASSWORD}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), "--lang", "en", *args], capture_output=True,
                          text=True, env=env, timeout=180, check=False)


def ledger(path: Path, clock: Clock, today: date) -> tuple[str, int, int]:
    """A ledger with an administrator and a clerk, and two households that moved away
    4 and 2 years ago: (url, the old one's id, the recent one's id)."""
    url = f"sqlite:///{path}"
    database = open_database(url, clock)
    ids = []
    try:
        for name, room, years in (("李大爷", "301", 4), ("王奶奶", "302", 2)):
            with database.session(actor="书记") as s:
                household_id = create_household(s, HouseholdInput(
                    community="锦华一区", building="3", unit="2", room=room,
                    phone="13905461234", registered_on=retention_cutoff(today, 10),
                    residents=(ResidentInput(name=name, is_head=True),)),
                    actor="书记", today=today)
                change_status(s, household_id, HouseholdStatus.MOVED_AWAY,
                              retention_cutoff(today, years), "迁往外地", "书记", today=today)
            ids.append(household_id)
        with database.session() as s:
            add_account(s, "书记", Role.ADMIN, PASSWORD, by=None)
            add_account(s, "小王", Role.CLERK, PASSWORD, by=SignedIn("书记", Role.ADMIN))
    finally:
        database.dispose()
    return url, ids[0], ids[1]


def head_names(url: str, clock: Clock) -> list[str]:
    database = open_database(url, clock)
    try:
        with database.session() as s:
            return list(s.scalars(select(Household.head_name).order_by(Household.id)))
    finally:
        database.dispose()


def test_retention_lists_then_applies_and_refuses_a_clerk(
    tmp_path: Path, clock: Clock, today: date
) -> None:
    url, old, _recent = ledger(tmp_path / "station.sqlite3", clock, today)

    refused = run("--database-url", url, "retention", "--apply", user="小王")
    assert refused.returncode == 2
    assert "only an administrator" in refused.stderr

    listed = run("--database-url", url, "retention", "--format", "json", user="书记")
    assert listed.returncode == 0, listed.stderr
    [record] = json.loads(listed.stdout)
    assert (record["id"], record["head"]) == (old, "李大爷")
    assert head_names(url, clock) == ["李大爷", "王奶奶"]  # listing changes nothing

    wider = run("--database-url", url, "retention", "--years", "1", "--format", "json",
                user="书记")
    assert len(json.loads(wider.stdout)) == 2

    applied = run("--database-url", url, "retention", "--apply", user="书记")
    assert applied.returncode == 0, applied.stderr
    assert "李大爷" in applied.stdout and "1 household(s) de-identified" in applied.stdout
    assert head_names(url, clock) == [DEIDENTIFIED, "王奶奶"]

    again = run("--database-url", url, "retention", user="书记")
    assert again.returncode == 0 and "No household is due" in again.stdout
