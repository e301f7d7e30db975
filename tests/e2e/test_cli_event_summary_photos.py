"""Issue 15 (Q7): ``stationapp event summary`` and ``event photo add|list|remove``, run as
real processes on a SQLite ledger; the photos end up in the ledger, nowhere else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from stationapp.domain.clock import Clock
from stationapp.domain.event_models import Event, EventType
from stationapp.services.event_photos import photo_data
from stationapp.services.events import get_event
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
SUMMARY = "共发放宣传材料 80 份。\n发现隐患 3 处，已告知物业。"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script (English messages) and capture its output."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def _ledger_with_an_event(url: str, clock: Clock) -> int:
    database = open_database(url, clock)
    try:
        with database.session() as s:
            type_id = s.scalar(select(EventType.id).where(EventType.name == "安全宣传"))
            assert type_id is not None
            event = Event(event_type_id=type_id, title="冬季用气安全宣传", place="东旭小区",
                          starts_at=datetime(2026, 11, 20, 9),
                          ends_at=datetime(2026, 11, 20, 11))
            s.add(event)
            s.flush()
            return event.id
    finally:
        database.dispose()


def test_summary_and_photos_from_the_command_line(
    sqlite_url: str, clock: Clock, tmp_path: Path
) -> None:
    event_id = _ledger_with_an_event(sqlite_url, clock)
    db = ("--database-url", sqlite_url)
    said = run(*db, "event", "summary", str(event_id),
               "--text", "入户宣传 36 户，检查燃气软管 12 处。")
    assert said.returncode == 0, said.stderr
    assert f"summary of event {event_id} is saved" in said.stdout

    summary_file = tmp_path / "小结.txt"
    summary_file.write_text(SUMMARY, encoding="utf-8")
    said = run(*db, "event", "summary", str(event_id), "--file", str(summary_file))
    assert said.returncode == 0, said.stderr

    photo = tmp_path / "现场.png"
    Image.new("RGB", (3200, 2400), "orange").save(photo)
    added = run(*db, "event", "photo", "add", str(event_id), str(photo), "--caption", "入户检查")
    assert added.returncode == 0, added.stderr
    assert f"added to event {event_id} (1 of at most 6)" in added.stdout
    listed = run(*db, "event", "photo", "list", str(event_id), "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["number"], r["caption"], r["pixels"]) for r in rows] == [
        (1, "入户检查", "1600x1200")]
    table = run(*db, "event", "photo", "list", str(event_id))
    assert "入户检查" in table.stdout and "(1)" in table.stdout
    # no photo folder beside the ledger: the photo is in it
    assert sorted(p.name for p in tmp_path.iterdir() if "photo" in p.name) == []
    database = open_database(sqlite_url, clock)
    try:
        with database.session() as s:
            assert get_event(s, event_id).summary == SUMMARY
            assert photo_data(s, rows[0]["id"])[:2] == b"\xff\xd8"
    finally:
        database.dispose()

    removed = run(*db, "event", "photo", "remove", str(rows[0]["id"]))
    assert removed.returncode == 0, removed.stderr
    assert f"Photo {rows[0]['id']} removed." in removed.stdout
    empty = run(*db, "event", "photo", "list", str(event_id))
    assert f"Event {event_id} has no photos." in empty.stdout


def test_refusals_are_said_plainly(sqlite_url: str, clock: Clock, tmp_path: Path) -> None:
    event_id = _ledger_with_an_event(sqlite_url, clock)
    db = ("--database-url", sqlite_url)
    missing = run(*db, "event", "photo", "add", str(event_id), str(tmp_path / "none.jpg"))
    assert missing.returncode == 2 and "There is no file" in missing.stderr
    text = tmp_path / "notes.txt"
    text.write_text("not a photo")
    unreadable = run(*db, "event", "photo", "add", str(event_id), str(text))
    assert unreadable.returncode == 2 and "not a photo the program can read" in unreadable.stderr
    unknown = run(*db, "event", "photo", "remove", "999")
    assert unknown.returncode == 2 and "no photo number 999" in unknown.stderr
    no_event = run(*db, "event", "summary", "999", "--text", "x")
    assert no_event.returncode == 2 and "Traceback" not in no_event.stderr
    both = run(*db, "event", "summary", str(event_id), "--text", "a", "--file", str(text))
    assert both.returncode == 2
