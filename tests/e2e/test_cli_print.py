"""``stationapp print delivery-sheets|event-report`` run as a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from sqlalchemy import select

from stationapp.domain.clock import FixedClock
from stationapp.domain.event_models import Delivery, Event, EventType, Item, Volunteer
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
ID_NUMBER = "37050219380501001X"
ENTERED = datetime(2026, 1, 20, 9, 0)
"""When the station was set up (its clock)."""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    full_env = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    full_env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True,
                          env=full_env, timeout=120, check=False)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def all_fonts_embedded(path: Path) -> bool:
    """Every font of every page (descendants included) carries its TrueType program."""
    for page in PdfReader(path).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        for ref in cast(DictionaryObject, resources["/Font"].get_object()).values():
            font = cast(DictionaryObject, ref.get_object())
            parts = [font]
            if "/DescendantFonts" in font:
                parts += [cast(DictionaryObject, d.get_object())
                          for d in cast(ArrayObject, font["/DescendantFonts"].get_object())]
            for part in parts:
                if part.get("/Subtype") == "/Type0":
                    continue
                descriptor = cast(DictionaryObject, part["/FontDescriptor"].get_object())
                if "/FontFile2" not in descriptor:
                    return False
    return True


@dataclass(frozen=True)
class Station:
    url: str
    event: int


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Station:
    """A SQLite station: one event, 王志愿 with 20 stops, 刘红 with 2."""
    url = f"sqlite:///{tmp_path_factory.mktemp('print') / 'station.sqlite3'}"
    database = open_database(url, FixedClock(ENTERED))
    try:
        with database.session() as s:
            type_id = s.scalar(select(EventType.id).where(EventType.name == "送窗花"))
            flower = s.scalar(select(Item.id).where(Item.name == "窗花"))
            assert type_id is not None and flower is not None
            event = Event(event_type_id=type_id, title="贴窗花迎新年",
                          starts_at=datetime(2026, 1, 24, 14, 0))
            wang = Volunteer(name="王志愿", phone="13800001111")
            liu = Volunteer(name="刘红", phone="13800002222")
            s.add_all([event, wang, liu])
            s.flush()
            for n in range(22):
                hid = create_household(s, HouseholdInput(
                    community="东旭小区", building=str(n // 6 + 1), unit="1",
                    room=f"{n % 6 + 1}01",
                    residents=(ResidentInput(name=f"老人{n:02d}",
                                             id_number=ID_NUMBER if n == 0 else ""),),
                ), "clerk", ENTERED.date())
                s.add(Delivery(event_id=event.id, household_id=hid, item_id=flower,
                               quantity=2, volunteer_id=wang.id if n < 20 else liu.id,
                               stop_order=n + 1, notes="请多敲门" if n == 3 else "",
                               outcome=DeliveryOutcome.PENDING))
            s.flush()
            event_id = event.id
    finally:
        database.dispose()
    return Station(url, event_id)


def test_delivery_sheets_for_every_volunteer(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "sheets.pdf"
    result = run("--database-url", station.url, "--lang", "zh_CN", "print", "delivery-sheets",
                 "--event", str(station.event), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "配送单 2 份，22 户" in result.stdout
    texts = pdf_pages(target)
    assert f"共 {len(texts)} 页" in result.stdout
    numbers = [tuple(map(int, re.findall(r"第 (\d+) 页 / 共 (\d+) 页", t)[0])) for t in texts]
    # 刘红 first (by name), on one page; then 王志愿's pages numbered on their own
    assert numbers[0] == (1, 1)
    wang = numbers[1:]
    assert len(wang) >= 2
    assert wang == [(i, len(wang)) for i in range(1, len(wang) + 1)]
    everything = "".join(texts)
    for expected in ("贴窗花迎新年", "王志愿", "刘红", "老人00", "东旭小区1号楼1单元101室",
                     "窗花 × 2", "请多敲门"):
        assert expected in everything, expected
    assert ID_NUMBER not in everything
    assert all_fonts_embedded(target)
    assert not list(tmp_path.glob("*.part"))


def test_delivery_sheet_of_one_volunteer(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "liu.pdf"
    result = run("--database-url", station.url, "--lang", "en", "print", "delivery-sheets",
                 "--event", str(station.event), "--volunteer", "刘红", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "1 delivery sheet(s), 2 stops, 1 pages" in result.stdout
    (text,) = pdf_pages(target)
    assert "志愿者：刘红" in text and "王志愿" not in text
    assert "第 1 页 / 共 1 页" in text


def test_event_report(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run("--database-url", station.url, "print", "event-report",
                 "--event", str(station.event), "-o", str(target))
    assert result.returncode == 0, result.stderr
    texts = pdf_pages(target)
    assert "活动记录" in texts[0] and "贴窗花迎新年" in texts[0]
    assert f"第 1 页 / 共 {len(texts)} 页" in texts[0]
    assert all_fonts_embedded(target)


def test_unknown_event_or_volunteer_exits_2(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "none.pdf"
    result = run("--database-url", station.url, "print", "event-report",
                 "--event", "999", "-o", str(target))
    assert result.returncode == 2
    assert "999" in result.stderr
    result = run("--database-url", station.url, "print", "delivery-sheets",
                 "--event", str(station.event), "--volunteer", "没有这人", "-o", str(target))
    assert result.returncode == 2
    assert "没有这人" in result.stderr
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))


def test_unusable_font_exits_2_and_says_what_to_do(station: Station, tmp_path: Path) -> None:
    target = tmp_path / "sheets.pdf"
    result = run("--database-url", station.url, "print", "delivery-sheets",
                 "--event", str(station.event), "-o", str(target),
                 env={"STATIONAPP_PDF_FONT": str(tmp_path / "missing.ttf")})
    assert result.returncode == 2
    assert "STATIONAPP_PDF_FONT" in result.stderr
    assert "fonts-wqy-microhei" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_missing_output_folder_exits_2(station: Station, tmp_path: Path) -> None:
    result = run("--database-url", station.url, "print", "event-report",
                 "--event", str(station.event), "-o", str(tmp_path / "no" / "such.pdf"))
    assert result.returncode == 2
    assert "no" in result.stderr


def test_print_help_in_both_languages() -> None:
    english = run("print", "delivery-sheets", "--help", env={"LANG": "en_US.UTF-8"})
    chinese = run("print", "delivery-sheets", "--help", env={"LANG": "zh_CN.UTF-8"})
    assert english.returncode == chinese.returncode == 0
    assert "only this volunteer's sheet" in english.stdout
    assert "只打印这位志愿者的配送单" in chinese.stdout
    overview = run("--help", env={"LANG": "zh_CN.UTF-8"})
    assert "配送单或活动记录" in overview.stdout


def test_demo_events_print(tmp_path: Path) -> None:
    """The demo station's events (made by ``stationapp demo``) print as they are."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert run("--database-url", url, "demo", "--households", "150", "--seed", "3").returncode == 0
    listed = run("--database-url", url, "events", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    events = [e for e in json.loads(listed.stdout) if e["deliveries_planned"]]
    if not events:
        pytest.skip("the demo made no event with deliveries")
    for event in events:
        for document in ("delivery-sheets", "event-report"):
            target = tmp_path / f"{document}-{event['id']}.pdf"
            result = run("--database-url", url, "print", document, "--event", str(event["id"]),
                         "-o", str(target))
            assert result.returncode == 0, result.stderr
            assert all_fonts_embedded(target)
