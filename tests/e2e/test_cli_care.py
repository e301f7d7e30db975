"""``stationapp visits overdue``, ``requests list``, ``print monthly-report`` and
``print service-record`` run as real processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from stationapp.domain.care_vocab import RequestStatus
from stationapp.domain.clock import FixedClock
from stationapp.domain.event_models import Event, EventType, EventVolunteer
from stationapp.domain.vocab import CareTier
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestInput, advance_request, create_request
from stationapp.services.visits import VisitInput
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.opening import open_database
from stationapp.workflows.visits import record_visit

EXECUTABLE = Path(sys.executable).with_name("stationapp")
ID_NUMBER = "37050219380501001X"
TODAY = "2026-02-10"
ENTERED = datetime(2026, 2, 10, 12, 0)
"""When the station's records were entered (the clock of the set-up)."""
REGISTERED = date(2025, 6, 1)
OVERDUE_KEYS = {"household_id", "address", "head", "phone", "tier", "tier_code", "liaison",
                "last_visit", "due", "days_overdue"}
REQUEST_KEYS = {"id", "household_id", "address", "head", "phone", "category", "description",
                "channel", "received_at", "assignee", "status", "status_code", "open",
                "days_open", "overdue", "satisfaction"}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    full_env = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    full_env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True,
                          env=full_env, timeout=120, check=False)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@dataclass(frozen=True)
class Station:
    url: str
    liaison: int
    volunteer: int


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Station:
    """Three households registered in 2025 and visited in December and January, a liaison
    for two of them, three requests, an event with a volunteer's hours."""
    url = f"sqlite:///{tmp_path_factory.mktemp('care') / 'station.sqlite3'}"
    database = open_database(url, FixedClock(ENTERED))
    try:
        with database.session() as s:
            zhang = create_volunteer(s, VolunteerInput(name="张社工", is_staff=True), "clerk",
                                     REGISTERED)
            wang = create_volunteer(s, VolunteerInput(name="王书文", community="锦华一区"),
                                    "clerk", REGISTERED)
            homes = {}
            for key, building, head, tier, liaison in (
                ("li", "2", "李大爷", CareTier.PRIORITY, zhang),
                ("sun", "5", "孙桂兰", CareTier.WATCH, zhang),
                ("zhou", "7", "周老师", CareTier.ROUTINE, None),
            ):
                homes[key] = create_household(s, HouseholdInput(
                    community="锦华一区", building=building, unit="1", room="301",
                    phone="13800001111" if key == "li" else "", tier=tier,
                    liaison_id=liaison,
                    residents=(ResidentInput(name=head, is_head=True,
                                             id_number=ID_NUMBER if key == "li" else ""),),
                ), "clerk", REGISTERED)
            for key, day in (("li", date(2026, 1, 20)), ("sun", date(2025, 12, 20)),
                             ("zhou", date(2026, 1, 5))):
                record_visit(s, VisitInput(household_id=homes[key], visit_date=day,
                                           visitor_id=zhang), "clerk", today=date(2026, 2, 10))
            heating = create_request(s, RequestInput(
                household_id=homes["li"], category="供暖", description="暖气片不热",
                received_at=datetime(2026, 1, 6, 9, 0)), "clerk", ENTERED)
            advance_request(s, heating, RequestStatus.RESOLVED, "clerk",
                            resolution="打开了阀门", when=datetime(2026, 1, 7, 10, 0),
                            now=ENTERED)
            create_request(s, RequestInput(
                household_id=homes["sun"], category="水电", description="下水道堵了",
                received_at=datetime(2026, 1, 25, 8, 0), assignee_id=wang), "clerk", ENTERED)
            create_request(s, RequestInput(
                household_id=homes["zhou"], category="政策咨询", description="问高龄补贴",
                received_at=datetime(2026, 1, 28, 15, 0)), "clerk", ENTERED)
            type_id = s.scalar(select(EventType.id).where(EventType.name == "送窗花"))
            assert type_id is not None
            event = Event(event_type_id=type_id, title="贴窗花迎新年",
                          starts_at=datetime(2026, 1, 24, 14, 0))
            s.add(event)
            s.flush()
            s.add(EventVolunteer(event_id=event.id, volunteer_id=wang, hours=3.5))
    finally:
        database.dispose()
    return Station(url, zhang, wang)


def test_overdue_as_json(station: Station) -> None:
    result = run("--database-url", station.url, "visits", "overdue", "--format", "json",
                 "--today", TODAY)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    # 李 weekly (due 27 Jan), 孙 monthly (due 19 Jan); 周 every 90 days is not due yet.
    assert [r["head"] for r in rows] == ["孙桂兰", "李大爷"]  # most days overdue first
    assert all(set(r) == OVERDUE_KEYS for r in rows)
    sun, li = rows
    assert (sun["due"], sun["days_overdue"], sun["last_visit"]) == ("2026-01-19", 22,
                                                                     "2025-12-20")
    assert (li["tier"], li["tier_code"], li["liaison"], li["phone"]) == (
        "重点", "priority", "张社工", "13800001111")
    assert li["address"] == "锦华一区2号楼1单元301室"
    assert ID_NUMBER not in result.stdout


def test_overdue_table_and_liaison_filter(station: Station) -> None:
    table = run("--database-url", station.url, "visits", "overdue", "--today", TODAY)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["地址", "户主", "电话", "等级", "联户人", "上次走访", "应访日期",
                                "逾期天数"]
    assert "孙桂兰" in lines[1] and lines[-1] == "(2)"
    theirs = run("--database-url", station.url, "visits", "overdue", "--format", "json",
                 "--today", TODAY, "--liaison", str(station.liaison))
    assert len(json.loads(theirs.stdout)) == 2
    nobody = run("--database-url", station.url, "visits", "overdue", "--format", "json",
                 "--today", TODAY, "--liaison", str(station.volunteer))
    assert nobody.returncode == 0 and json.loads(nobody.stdout) == []
    later = run("--database-url", station.url, "visits", "overdue", "--format", "json",
                "--today", "2026-05-01")
    assert {r["head"] for r in json.loads(later.stdout)} == {"李大爷", "孙桂兰", "周老师"}


def test_overdue_mistakes_exit_2(station: Station) -> None:
    unknown = run("--database-url", station.url, "visits", "overdue", "--liaison", "999")
    assert unknown.returncode == 2
    assert "999" in unknown.stderr and "Traceback" not in unknown.stderr
    bad_day = run("--database-url", station.url, "visits", "overdue", "--today", "2026-02-30")
    assert bad_day.returncode == 2 and "YYYY-MM-DD" in bad_day.stderr
    no_action = run("--database-url", station.url, "visits")
    assert no_action.returncode == 2


def test_requests_list(station: Station) -> None:
    everything = run("--database-url", station.url, "requests", "list", "--format", "json")
    assert everything.returncode == 0, everything.stderr
    rows = json.loads(everything.stdout)
    assert [r["category"] for r in rows] == ["政策咨询", "水电", "供暖"]  # newest first
    assert all(set(r) == REQUEST_KEYS for r in rows)
    water = rows[1]
    assert (water["status"], water["status_code"], water["assignee"], water["open"]) == (
        "派单", "assigned", "王书文", True)
    assert water["received_at"] == "2026-01-25T08:00"
    assert rows[2]["status_code"] == "resolved" and rows[2]["days_open"] == 1
    open_only = json.loads(run("--database-url", station.url, "requests", "list", "--open",
                               "--format", "json").stdout)
    assert [r["category"] for r in open_only] == ["政策咨询", "水电"]
    table = run("--database-url", station.url, "requests", "list", "--open")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["编号", "受理时间", "地址", "户主"]
    assert "下水道堵了" in table.stdout and lines[-1] == "(2)"


def test_monthly_report(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "月报.pdf"
    result = run("--database-url", station.url, "print", "monthly-report", "--month",
                 "2026-01", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    assert target.read_bytes().startswith(b"%PDF")
    assert not target.with_name(target.name + ".part").exists()
    text = pdf_text(target)
    for expected in ("2026年1月工作月报", "在册住户3户", "本月走访2次", "应走访3户，已走访2户",
                     "本月开展活动1场", "本月志愿服务共3.5小时", "王书文"):
        assert expected in text, expected
    assert ID_NUMBER not in text


def test_monthly_report_of_this_month(station: Station, tmp_path: Path, today: date) -> None:
    target = tmp_path / "本月.pdf"
    result = run("--lang", "zh_CN", "--database-url", station.url, "print", "monthly-report",
                 "-o", str(target))
    assert result.returncode == 0, result.stderr
    this_month = today  # the command runs at the suite's instant too
    assert f"{this_month.year}年{this_month.month}月 工作月报" in result.stdout
    assert f"{this_month.year}年{this_month.month}月工作月报" in pdf_text(target)


def test_bad_month_exits_2(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    for month in ("2026-13", "十一月", "2026-1-1"):
        result = run("--database-url", station.url, "print", "monthly-report", "--month",
                     month, "-o", str(target))
        assert result.returncode == 2, month
        assert "YYYY-MM" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_service_record(station: Station, tmp_path: Path) -> None:
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    one = run("--database-url", station.url, "print", "service-record", "--volunteer",
              str(station.volunteer), "-o", str(first))
    assert one.returncode == 0, one.stderr
    number = re.search(r"FW\d{4}-\d{4}", one.stdout)
    assert number is not None
    assert first.read_bytes().startswith(b"%PDF")
    text = pdf_text(first)
    assert number.group() in text and "王书文" in text and "累计志愿服务3.5小时" in text
    two = run("--database-url", station.url, "print", "service-record", "--volunteer",
              str(station.volunteer), "--from", "2026-01-01", "--to", "2026-01-31",
              "-o", str(second))
    assert two.returncode == 0, two.stderr
    again = re.search(r"FW\d{4}-\d{4}", two.stdout)
    assert again is not None and again.group() != number.group()  # numbers are kept
    assert "2026年1月1日至2026年1月31日" in pdf_text(second)


def test_service_record_mistakes_exit_2(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    unknown = run("--database-url", station.url, "print", "service-record", "--volunteer",
                  "999", "-o", str(target))
    assert unknown.returncode == 2 and "999" in unknown.stderr
    backwards = run("--database-url", station.url, "print", "service-record", "--volunteer",
                    str(station.volunteer), "--from", "2026-02-01", "--to", "2026-01-01",
                    "-o", str(target))
    assert backwards.returncode == 2
    # Nothing served in that period: no certificate, no number used up.
    empty = run("--database-url", station.url, "print", "service-record", "--volunteer",
                str(station.volunteer), "--from", "2025-01-01", "--to", "2025-01-31",
                "-o", str(target))
    assert empty.returncode == 2 and "Traceback" not in empty.stderr
    assert not target.exists() and not target.with_name("x.pdf.part").exists()


def test_help_in_both_languages() -> None:
    for args, english, chinese in (
        (("visits", "overdue"), "most days overdue first", "逾期天数多的在前"),
        (("requests", "list"), "only open requests", "只列出未办结的诉求"),
        (("print", "monthly-report"), "the month to report", "统计月份"),
        (("print", "service-record"), "volunteer id", "志愿者编号"),
    ):
        en = run(*args[:1], "--help", env={"LANG": "en_US.UTF-8"})
        zh = run(*args[:1], "--help", env={"LANG": "zh_CN.UTF-8"})
        sub_en = run(*args, "--help", env={"LANG": "en_US.UTF-8"})
        sub_zh = run(*args, "--help", env={"LANG": "zh_CN.UTF-8"})
        assert en.returncode == zh.returncode == sub_en.returncode == sub_zh.returncode == 0
        assert english in en.stdout + sub_en.stdout, args
        assert chinese in zh.stdout + sub_zh.stdout, args


def test_demo_station_is_alive_and_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert run("--database-url", url, "demo", "--households", "1500").returncode == 0
    overdue = run("--database-url", url, "visits", "overdue", "--format", "json")
    assert overdue.returncode == 0 and json.loads(overdue.stdout)
    report = tmp_path / "月报.pdf"
    assert run("--database-url", url, "print", "monthly-report", "-o",
               str(report)).returncode == 0
    assert report.read_bytes().startswith(b"%PDF")
    # Far more JSON than a pipe holds: closing the pipe after one line breaks it.
    process = subprocess.Popen(
        [str(EXECUTABLE), "--database-url", url, "requests", "list", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in stderr
