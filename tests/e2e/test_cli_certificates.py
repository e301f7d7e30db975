"""``print service-record`` again (补打, same number), ``--reprint NUMBER`` and
``certificates`` (the register, as a table, JSON or CSV) run as real processes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from stationapp.domain.clock import FixedClock
from stationapp.domain.event_models import Event, EventType, EventVolunteer
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture
def station(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    database = open_database(url, FixedClock(datetime(2026, 2, 10, 12, 0)))
    try:
        with database.session() as s:
            wang = create_volunteer(s, VolunteerInput(name="王书文"), "clerk", date(2025, 6, 1))
            type_id = s.scalar(select(EventType.id).where(EventType.name == "送窗花"))
            assert type_id is not None
            event = Event(event_type_id=type_id, title="贴窗花迎新年",
                          starts_at=datetime(2026, 1, 24, 14, 0))
            s.add(event)
            s.flush()
            s.add(EventVolunteer(event_id=event.id, volunteer_id=wang, hours=3.5))
    finally:
        database.dispose()
    return url, wang


def test_reprint_and_register(station: tuple[str, int], tmp_path: Path) -> None:
    url, wang = station
    period = ("--from", "2026-01-01", "--to", "2026-01-31")
    first = run("--database-url", url, "print", "service-record", "--volunteer", str(wang),
                *period, "-o", str(tmp_path / "1.pdf"))
    assert first.returncode == 0, first.stderr
    number = re.search(r"FW\d{4}-\d{4}", first.stdout)
    assert number is not None and "补打" not in first.stdout
    again = run("--database-url", url, "print", "service-record", "--volunteer", str(wang),
                *period, "-o", str(tmp_path / "2.pdf"))
    assert again.returncode == 0, again.stderr
    assert number.group() in again.stdout and "补打" in again.stdout
    assert f"证明编号：{number.group()}（补打，" in pdf_text(tmp_path / "2.pdf")
    by_number = run("--database-url", url, "print", "service-record", "--reprint",
                    number.group(), "-o", str(tmp_path / "3.pdf"))
    assert by_number.returncode == 0, by_number.stderr
    assert "2026年1月1日至2026年1月31日" in pdf_text(tmp_path / "3.pdf")
    unknown = run("--database-url", url, "print", "service-record", "--reprint", "FW1999-0001",
                  "-o", str(tmp_path / "4.pdf"))
    assert unknown.returncode == 2 and "FW1999-0001" in unknown.stderr

    listed = run("--database-url", url, "certificates", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    [entry] = json.loads(listed.stdout)
    assert (entry["number"], entry["volunteer"], entry["period_start"], entry["period_end"],
            entry["hours"], entry["reprint_count"]) == (
        number.group(), "王书文", "2026-01-01", "2026-01-31", 3.5, 2)
    exported = run("--database-url", url, "certificates", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [r["number"] for r in rows] == [number.group()] and rows[0]["reprint_count"] == "2"
    table = run("--database-url", url, "certificates", "--year", "2026")
    assert number.group() in table.stdout and "(1)" in table.stdout
    empty = run("--database-url", url, "certificates", "--year", "2025")
    assert empty.returncode == 0 and "证明登记簿里还没有证明" in empty.stdout
