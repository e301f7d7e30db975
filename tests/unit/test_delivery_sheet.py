"""Delivery sheets: the data (on SQLite and PostgreSQL) and the PDF, read back with pypdf.

The ledger is built with the household service; events, volunteers and deliveries with
the ORM models directly (migration 0002 seeds event types and the item catalogue).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.clock import Clock
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import Delivery, Event, EventType, Item, Volunteer
from stationapp.domain.models import StationSetting
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.reports import fonts
from stationapp.reports.delivery_sheet import render_delivery_sheets
from stationapp.reports.fonts import FontNotFoundError, cjk_font
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.sheet_data import (
    UNASSIGNED,
    UNASSIGNED_WARNING,
    DeliverySheets,
    delivery_sheets,
)
from stationapp.workflows.opening import open_database

ID_NUMBER = "37050219380501001X"  # valid GB 11643, born 1938-05-01
HEALTH_NOTE = "高血压，每天服药"
PRINTED = datetime(2026, 2, 9, 15, 30)
TODAY = PRINTED.date()
LONG_ROUND = 24
"""Stops of 王志愿's round: six pages (each stop has outcome boxes, 备注 and 代签 rows)."""
WALKING_ORDER = sorted(range(1, LONG_ROUND + 1), key=lambda n: (20 + n % 5, n // 5 + 1))
"""住户NN号 of 王志愿's round as the sheet walks them: building 20 … 24, floor by floor."""


# ---------------------------------------------------------------- PDF helpers


def pages_text(pdf: bytes | Path) -> list[str]:
    """The extracted text of every page."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.extract_text() for page in reader.pages]


def unembedded_fonts(pdf: bytes | Path) -> list[str]:
    """Names of fonts in any page's resources without an embedded TrueType program."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    missing: list[str] = []
    seen = 0

    def check(font: DictionaryObject) -> None:
        nonlocal seen
        seen += 1
        if font.get("/Subtype") == "/Type0":
            for descendant in cast(ArrayObject, font["/DescendantFonts"].get_object()):
                check(cast(DictionaryObject, descendant.get_object()))
            return
        descriptor = font.get("/FontDescriptor")
        if descriptor is None or "/FontFile2" not in cast(DictionaryObject,
                                                          descriptor.get_object()):
            missing.append(str(font.get("/BaseFont")))

    for page in reader.pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        if "/Font" in resources:
            for font in cast(DictionaryObject, resources["/Font"].get_object()).values():
                check(cast(DictionaryObject, font.get_object()))
    assert seen, "no font in any page"
    return missing


def page_numbers(texts: list[str]) -> list[tuple[int, int]]:
    """(x, y) of "第 x 页 / 共 y 页" on every page, in page order."""
    found = []
    for text in texts:
        match = re.search(r"第 (\d+) 页 / 共 (\d+) 页", text)
        assert match, text
        found.append((int(match.group(1)), int(match.group(2))))
    return found


# ---------------------------------------------------------------- the station


@dataclass(frozen=True)
class Station:
    """Ids of the test station's event and volunteers."""

    event: int
    wang: int
    liu: int
    zhao: int


def add_household(s: Session, building: str, room: str, name: str, *, phone: str = "",
                  id_number: str = "", mobility: str = "", notes: str = "") -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building=building, unit="1", room=room, notes=notes,
        residents=(ResidentInput(name=name, phone=phone, id_number=id_number,
                                 mobility_notes=mobility),),
    ), "clerk", TODAY)


def item(s: Session, name: str) -> int:
    found = s.scalar(select(Item.id).where(Item.name == name))
    assert found is not None
    return found


def plant(s: Session, event: int, household: int, item_id: int, quantity: int,
          volunteer: int | None, stop: int, notes: str = "",
          outcome: DeliveryOutcome = DeliveryOutcome.PENDING, attempt: int = 1) -> None:
    s.add(Delivery(event_id=event, household_id=household, item_id=item_id,
                   quantity=quantity, volunteer_id=volunteer, stop_order=stop, notes=notes,
                   outcome=outcome, attempt=attempt))


def build_station(database: Database) -> Station:
    """王志愿 has a long round (24 stops), 刘红 three, one stop nobody has yet; every door
    is in 锦华一区, so each volunteer has one walking-route sheet.

    李大爷 (with an ID number and a health note on the household) gets 春联 and 福字:
    one stop. 曾国强's 春联 was already delivered: not on the sheet. 赵明 volunteers
    but has nothing to carry.
    """
    with database.session() as s:
        s.add_all([StationSetting(key="station_name", value="东利党员服务社"),
                   StationSetting(key="station_phone", value="0546-8321234")])
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="写春联送祝福 · 锦华一区",
                      starts_at=datetime(2026, 2, 10, 9, 0), place="服务社门前广场")
        wang = Volunteer(name="王志愿", phone="13800001111")
        liu = Volunteer(name="刘红", phone="13800002222")
        zhao = Volunteer(name="赵明", phone="")
        s.add_all([event, wang, liu, zhao])
        s.flush()
        couplet, fu = item(s, "春联"), item(s, "福字")

        li = add_household(s, "2", "301", "李大爷", phone="13905461234", id_number=ID_NUMBER,
                           mobility="行动不便", notes=HEALTH_NOTE)
        plant(s, event.id, li, couplet, 2, liu.id, 1, "行动不便，请多敲门")
        plant(s, event.id, li, fu, 1, liu.id, 1, "行动不便，请多敲门")
        shan = add_household(s, "10", "502", "单秀英", phone="0546-8123456")
        plant(s, event.id, shan, couplet, 1, liu.id, 3, attempt=2)
        zeng = add_household(s, "3", "101", "曾国强")
        plant(s, event.id, zeng, couplet, 1, liu.id, 2, outcome=DeliveryOutcome.DELIVERED)
        sun = add_household(s, "4", "201", "孙桂兰")
        plant(s, event.id, sun, fu, 1, liu.id, 4)
        for n in range(1, LONG_ROUND + 1):
            hid = add_household(s, str(20 + n % 5), f"{n // 5 + 1}0{n % 5 + 1}", f"住户{n:02d}号",
                                phone=f"139054600{n:02d}")
            # the clerk's stop numbers run against the doors: the sheet walks the doors
            plant(s, event.id, hid, couplet, 2, wang.id, LONG_ROUND + 1 - n)
        nobody = add_household(s, "9", "909", "无人送")
        plant(s, event.id, nobody, couplet, 1, None, 0)
        s.flush()
        return Station(event.id, wang.id, liu.id, zhao.id)


@pytest.fixture
def station(database: Database) -> Station:
    return build_station(database)


@pytest.fixture
def sqlite_station(sqlite_url: str, clock: Clock) -> Iterator[tuple[Database, Station]]:
    """The station on SQLite only: for the PDF tests, whose data part is tested on both."""
    database = open_database(sqlite_url, clock)
    try:
        yield database, build_station(database)
    finally:
        database.dispose()


def sheets_of(database: Database, event: int, **kwargs: Any) -> DeliverySheets:
    with database.session() as s:
        return delivery_sheets(s, event, **kwargs)


# ---------------------------------------------------------------- the data


def test_sheets_group_pending_stops_per_volunteer(database: Database, station: Station) -> None:
    data = sheets_of(database, station.event)
    assert (data.station_name, data.station_phone) == ("东利党员服务社", "0546-8321234")
    assert data.event_title == "写春联送祝福 · 锦华一区"
    assert data.event_date == datetime(2026, 2, 10, 9, 0)
    # by name (as the deliveries list orders them); the unassigned stop is left out by
    # default (a 未分配 sheet could be handed out by mistake), only counted
    assert [s.volunteer for s in data.sheets] == ["刘红", "王志愿"]
    assert UNASSIGNED not in repr(data.sheets) and "无人送" not in repr(data.sheets)
    assert data.left_out == 1
    # every door is in 锦华一区: one walking-route sheet per volunteer
    assert [(s.community, s.part, s.parts, s.unassigned) for s in data.sheets] == [
        ("锦华一区", 1, 1, False), ("锦华一区", 1, 1, False)]
    liu = data.sheets[0]
    assert liu.volunteer_phone == "13800002222"
    # walking order 2号楼 → (3号楼) → 4号楼 → 10号楼, not the clerk's stop numbers (李 1,
    # 单 3, 孙 4). The numbers are the panel's: 曾国强 at 3号楼, already delivered, keeps his
    # number 2 and is not printed, so the printed numbers are 1, 3, 4.
    assert [(stop.number, stop.recipient) for stop in liu.stops] == [
        (1, "李大爷"), (3, "孙桂兰"), (4, "单秀英"),
    ]
    li = liu.stops[0]
    assert li.address == "锦华一区2号楼1单元301室"
    assert li.phone == "13905461234"
    assert li.items == "春联 × 2、福字 × 1"
    assert li.notes == "行动不便，请多敲门"
    shan = liu.stops[2]
    assert (shan.recipient, shan.notes, shan.attempt) == ("单秀英", "第 2 次上门", 2)
    assert shan.previous == ""  # no failed visit in its history to quote
    assert liu.totals == (("春联", 3, "幅"), ("福字", 2, "张"))
    wang = data.sheets[1]
    assert len(wang.stops) == LONG_ROUND
    assert [stop.number for stop in wang.stops] == list(range(1, LONG_ROUND + 1))
    # A sheet is a walking route (issue 15): building → unit → floor → room, whatever the
    # clerk's stop numbers say (they put 住户24号 first).
    assert [stop.recipient for stop in wang.stops] == [f"住户{n:02d}号" for n in WALKING_ORDER]
    assert [stop.recipient for stop in wang.stops[:5]] == [
        "住户05号", "住户10号", "住户15号", "住户20号", "住户01号"]
    assert [stop.address for stop in wang.stops[:2]] == [
        "锦华一区20号楼1单元201室", "锦华一区20号楼1单元301室"]
    assert wang.stops[-1].recipient == "住户24号"
    assert wang.totals == (("春联", 2 * LONG_ROUND, "幅"),)


def test_unassigned_stops_only_when_asked(database: Database, station: Station) -> None:
    default = sheets_of(database, station.event)
    data = sheets_of(database, station.event, include_unassigned=True)
    assert data.left_out == 0
    assert [s.volunteer for s in data.sheets] == ["刘红", "王志愿", UNASSIGNED]
    assert data.sheets[:2] == default.sheets  # the volunteers' sheets are the same
    nobody = data.sheets[2]
    assert (nobody.unassigned, nobody.community, nobody.volunteer_phone) == (
        True, "锦华一区", "")
    assert [(stop.number, stop.recipient, stop.address) for stop in nobody.stops] == [
        (1, "无人送", "锦华一区9号楼1单元909室")]
    assert nobody.totals == (("春联", 1, "幅"),)


def test_sheets_never_carry_id_numbers_or_health_notes(
    database: Database, station: Station
) -> None:
    printed = repr(sheets_of(database, station.event))
    assert ID_NUMBER not in printed
    assert HEALTH_NOTE not in printed


def test_one_volunteer_by_name_or_id(database: Database, station: Station) -> None:
    by_name = sheets_of(database, station.event, volunteer_name="刘红")
    by_id = sheets_of(database, station.event, volunteer_id=station.liu)
    assert by_name == by_id
    assert [s.volunteer for s in by_name.sheets] == ["刘红"]
    idle = sheets_of(database, station.event, volunteer_id=station.zhao)
    assert [(s.volunteer, s.stops) for s in idle.sheets] == [("赵明", ())]


def test_unknown_event_or_volunteer_is_not_found(database: Database, station: Station) -> None:
    with pytest.raises(NotFoundError):
        sheets_of(database, station.event + 100)
    with pytest.raises(NotFoundError, match="没有这人"):
        sheets_of(database, station.event, volunteer_name="没有这人")
    with pytest.raises(NotFoundError):
        sheets_of(database, station.event, volunteer_id=station.zhao + 100)


def test_station_name_falls_back_when_never_set(database: Database, station: Station) -> None:
    with database.session() as s:
        for key in ("station_name", "station_phone"):
            setting = s.get(StationSetting, key)
            assert setting is not None
            s.delete(setting)
    data = sheets_of(database, station.event)
    assert (data.station_name, data.station_phone) == ("党员服务社", "")


# ---------------------------------------------------------------- the PDF


def test_pdf_numbers_pages_per_volunteer(sqlite_station: tuple[Database, Station]) -> None:
    database, station = sqlite_station
    data = sheets_of(database, station.event, include_unassigned=True)
    target = io.BytesIO()
    pages = render_delivery_sheets(data, target, printed_at=PRINTED)
    texts = pages_text(target.getvalue())
    assert len(texts) == pages

    numbers = page_numbers(texts)
    sections: list[list[tuple[int, int]]] = []
    for number in numbers:
        if number[0] == 1:
            sections.append([])
        sections[-1].append(number)
    # 刘红 (3 stops), 王志愿 (24 stops, taller with 备注 and 代签: 6 pages), 未分配 (asked for)
    assert [len(section) for section in sections] == [1, 6, 1]
    assert pages == 8
    for section in sections:
        assert section == [(i, len(section)) for i in range(1, len(section) + 1)]
    assert "第 1 页 / 共 6 页" in texts[1]
    assert "第 6 页 / 共 6 页" in texts[6]

    # every page says whose it is and when it was printed; the header repeats
    for text, volunteer in zip(texts, ["刘红", *["王志愿"] * 6, UNASSIGNED], strict=True):
        assert f"志愿者：{volunteer}" in text
        assert "打印时间 2026-02-09 15:30" in text
        assert "收件人签字" in text
    # the unassigned sheet says so in large letters, and only it
    assert UNASSIGNED_WARNING in texts[7] and "无人送" in texts[7]
    assert all(UNASSIGNED_WARNING not in text for text in texts[:7])


def test_pdf_shows_what_the_volunteer_needs(sqlite_station: tuple[Database, Station]) -> None:
    database, station = sqlite_station
    target = io.BytesIO()
    render_delivery_sheets(sheets_of(database, station.event), target, printed_at=PRINTED)
    first = pages_text(target.getvalue())[0]
    for expected in ("东利党员服务社", "写春联送祝福 · 锦华一区", "2026年2月10日 09:00",
                     "刘红", "13800002222", "0546-8321234", "锦华一区2号楼1单元301室",
                     "李大爷", "13905461234", "春联 × 2", "福字 × 1", "行动不便，请多敲门",
                     "已送达", "不在家", "拒收", "单秀英", "0546-8123456", "本单共 3 户",
                     "本单合计：共 3 户"):
        assert expected in first, expected
    everything = "".join(pages_text(target.getvalue()))
    assert ID_NUMBER not in everything
    assert "高血压" not in everything
    assert "曾国强" not in everything  # delivered already
    assert "住户01号" in everything
    # the unassigned stop is not printed unless asked for: 刘红's page, 王志愿's six
    assert len(pages_text(target.getvalue())) == 7
    assert "无人送" not in everything and UNASSIGNED not in everything


def test_pdf_embeds_every_font(sqlite_station: tuple[Database, Station], tmp_path: Path) -> None:
    database, station = sqlite_station
    target = tmp_path / "sheets.pdf"
    render_delivery_sheets(sheets_of(database, station.event), target, PRINTED)
    assert target.read_bytes().startswith(b"%PDF")
    assert unembedded_fonts(target) == []


def test_one_volunteers_file_numbers_its_own_pages(
    sqlite_station: tuple[Database, Station],
) -> None:
    database, station = sqlite_station
    target = io.BytesIO()
    pages = render_delivery_sheets(
        sheets_of(database, station.event, volunteer_name="王志愿"), target, PRINTED)
    assert pages == 6  # 24 stops, each with outcome boxes, 备注 and 代签 rows
    texts = pages_text(target.getvalue())
    assert page_numbers(texts) == [(i, 6) for i in range(1, 7)]
    # the doors come in walking order across the pages, not in the clerk's stop order
    everything = "".join(texts)
    positions = [everything.index(f"住户{n:02d}号") for n in WALKING_ORDER]
    assert positions == sorted(positions)


def test_nothing_pending_gives_one_page_that_says_so(
    sqlite_station: tuple[Database, Station],
) -> None:
    database, station = sqlite_station
    with database.session() as s:
        for delivery in s.scalars(select(Delivery)):
            delivery.outcome = DeliveryOutcome.DELIVERED
    target = io.BytesIO()
    assert render_delivery_sheets(sheets_of(database, station.event), target, PRINTED) == 1
    (text,) = pages_text(target.getvalue())
    assert "没有待送的配送" in text
    assert "第 1 页 / 共 1 页" in text
    idle = io.BytesIO()
    render_delivery_sheets(sheets_of(database, station.event, volunteer_id=station.zhao), idle,
                           PRINTED)
    assert "没有待送的户" in pages_text(idle.getvalue())[0]


# ---------------------------------------------------------------- the font


@pytest.fixture
def no_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk without any Chinese font and without STATIONAPP_PDF_FONT."""
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "system_font_candidates", list)
    monkeypatch.setattr(fonts, "bundled_font_candidates", list)


@pytest.mark.usefixtures("no_fonts")
def test_missing_font_says_what_to_install() -> None:
    with pytest.raises(FontNotFoundError) as caught:
        cjk_font()
    message = str(caught.value)
    assert "fonts-wqy-microhei" in message
    assert "STATIONAPP_PDF_FONT" in message


@pytest.mark.usefixtures("no_fonts")
def test_missing_font_stops_rendering() -> None:
    data = DeliverySheets("党员服务社", "", "送窗花", datetime(2026, 1, 20), ())
    with pytest.raises(FontNotFoundError):
        render_delivery_sheets(data, io.BytesIO(), PRINTED)


def test_font_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    default = fonts.system_font_candidates()[0]
    if not default.path.is_file():
        pytest.skip(f"{default.path} is not installed")
    monkeypatch.setenv(fonts.FONT_ENV, f"{default.path}#0")
    assert cjk_font() == cjk_font()
    monkeypatch.setenv(fonts.FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(FontNotFoundError, match="STATIONAPP_PDF_FONT"):
        cjk_font()
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("这不是字体")
    monkeypatch.setenv(fonts.FONT_ENV, str(not_a_font))
    with pytest.raises(FontNotFoundError, match="cannot be embedded"):
        cjk_font()


def test_font_without_chinese_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.is_file():
        pytest.skip("DejaVuSans is not installed")
    monkeypatch.setenv(fonts.FONT_ENV, str(latin))
    with pytest.raises(FontNotFoundError, match="lacks the characters"):
        cjk_font()


def test_font_setting_syntax() -> None:
    assert fonts.parse_font_setting("/a/b.ttc#2") == fonts.FontChoice(Path("/a/b.ttc"), 2)
    assert fonts.parse_font_setting(" /a/b.ttf ") == fonts.FontChoice(Path("/a/b.ttf"), 0)
