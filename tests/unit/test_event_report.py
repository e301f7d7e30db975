"""The event report (活动记录): its data (on SQLite and PostgreSQL) and the PDF read back."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import (
    Delivery,
    Event,
    EventTally,
    EventType,
    EventVolunteer,
    Item,
    Volunteer,
)
from stationapp.domain.models import StationSetting
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.reports.event_report import render_event_report
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.sheet_data import UNASSIGNED, EventReportData, event_report

ID_NUMBER = "37050219380501001X"
PRINTED = datetime(2026, 2, 11, 8, 5)
TODAY = PRINTED.date()
MANY = 60
"""Extra delivered households, so that the list runs over several pages."""


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def unembedded_fonts(pdf: bytes) -> list[str]:
    """Fonts of any page (descendants included) without an embedded TrueType program."""
    missing: list[str] = []

    def check(font: DictionaryObject) -> None:
        if font.get("/Subtype") == "/Type0":
            for descendant in cast(ArrayObject, font["/DescendantFonts"].get_object()):
                check(cast(DictionaryObject, descendant.get_object()))
            return
        descriptor = font.get("/FontDescriptor")
        if descriptor is None or "/FontFile2" not in cast(DictionaryObject,
                                                          descriptor.get_object()):
            missing.append(str(font.get("/BaseFont")))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        assert "/Font" in resources
        for font in cast(DictionaryObject, resources["/Font"].get_object()).values():
            check(cast(DictionaryObject, font.get_object()))
    return missing


@dataclass(frozen=True)
class Ids:
    event: int
    empty_event: int


def item(s: Session, name: str) -> int:
    found = s.scalar(select(Item.id).where(Item.name == name))
    assert found is not None
    return found


def household(s: Session, building: str, room: str, name: str, id_number: str = "") -> int:
    return create_household(s, HouseholdInput(
        community="晖苑小区", building=building, unit="1", room=room,
        residents=(ResidentInput(name=name, id_number=id_number),),
    ), "clerk", TODAY)


@pytest.fixture
def ids(database: Database) -> Ids:
    with database.session() as s:
        s.add(StationSetting(key="station_name", value="东利党员服务社"))
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(
            event_type_id=type_id, title="翰墨迎春 写春联送祝福",
            starts_at=datetime(2026, 2, 10, 9, 0), ends_at=datetime(2026, 2, 10, 11, 30),
            place="服务社门前广场", organiser="东利党员服务社", participant_count=120,
            description="书法志愿者现场书写春联，为行动不便的老人送福上门。",
        )
        empty = Event(event_type_id=type_id, title="空活动", starts_at=datetime(2026, 3, 1))
        wang = Volunteer(name="王志愿", phone="13800001111")
        liu = Volunteer(name="刘红", phone="13800002222")
        s.add_all([event, empty, wang, liu])
        s.flush()
        couplet, fu = item(s, "春联"), item(s, "福字")
        s.add_all([
            EventTally(event_id=event.id, item_id=couplet, quantity=100),
            EventTally(event_id=event.id, item_id=fu, quantity=50),
            EventVolunteer(event_id=event.id, volunteer_id=wang.id, hours=3.5),
            EventVolunteer(event_id=event.id, volunteer_id=liu.id, hours=2),
        ])
        done = datetime(2026, 2, 10, 14, 20)
        li = household(s, "2", "301", "李大爷", ID_NUMBER)
        shan = household(s, "10", "502", "单秀英")
        zeng = household(s, "3", "101", "曾国强")
        sun = household(s, "4", "201", "孙桂兰")
        s.add_all([
            Delivery(event_id=event.id, household_id=li, item_id=couplet, quantity=2,
                     volunteer_id=wang.id, outcome=DeliveryOutcome.DELIVERED, outcome_at=done),
            Delivery(event_id=event.id, household_id=li, item_id=fu, quantity=1,
                     volunteer_id=wang.id, outcome=DeliveryOutcome.DELIVERED, outcome_at=done),
            Delivery(event_id=event.id, household_id=shan, item_id=couplet, quantity=1,
                     volunteer_id=liu.id, outcome=DeliveryOutcome.NOT_HOME,
                     outcome_note="敲门无人应答，邻居说去女儿家了", outcome_at=done, attempt=2),
            Delivery(event_id=event.id, household_id=zeng, item_id=couplet, quantity=1,
                     volunteer_id=liu.id, outcome=DeliveryOutcome.REFUSED,
                     outcome_note="家里已经贴好了"),
            Delivery(event_id=event.id, household_id=sun, item_id=couplet, quantity=1),
        ])
        for n in range(MANY):
            hid = household(s, str(30 + n // 10), f"{n % 10 + 1}01", f"住户{n:02d}号")
            s.add(Delivery(event_id=event.id, household_id=hid, item_id=couplet, quantity=1,
                           volunteer_id=wang.id, outcome=DeliveryOutcome.DELIVERED))
        s.flush()
        return Ids(event.id, empty.id)


def report(database: Database, event_id: int) -> EventReportData:
    with database.session() as s:
        return event_report(s, event_id)


def test_report_data(database: Database, ids: Ids) -> None:
    data = report(database, ids.event)
    assert (data.station_name, data.event_type, data.title) == (
        "东利党员服务社", "写春联送祝福", "翰墨迎春 写春联送祝福")
    assert data.ends_at == datetime(2026, 2, 10, 11, 30)
    assert [(t.item, t.quantity, t.unit) for t in data.tallies] == [
        ("春联", 100, "幅"), ("福字", 50, "张")]
    assert [(v.name, v.hours) for v in data.volunteers] == [("刘红", 2.0), ("王志愿", 3.5)]
    assert data.total_hours == 5.5
    counts = dict(data.outcome_counts)
    assert counts == {
        DeliveryOutcome.PENDING: 1, DeliveryOutcome.DELIVERED: 2 + MANY,
        DeliveryOutcome.NOT_HOME: 1, DeliveryOutcome.REFUSED: 1,
        DeliveryOutcome.WRONG_ADDRESS: 0, DeliveryOutcome.CANCELLED: 0,
    }
    assert [(t.item, t.quantity) for t in data.delivered] == [("春联", 2 + MANY), ("福字", 1)]
    assert data.households_planned == 4 + MANY
    first = data.deliveries[0]  # natural address order: 2号楼 first
    assert (first.recipient, first.items, first.volunteer) == ("李大爷", "春联 × 2", "王志愿")
    pending = next(d for d in data.deliveries if d.recipient == "孙桂兰")
    assert pending.volunteer == UNASSIGNED
    assert ID_NUMBER not in repr(data)


def test_report_of_an_empty_event(database: Database, ids: Ids) -> None:
    data = report(database, ids.empty_event)
    assert (data.tallies, data.volunteers, data.deliveries) == ((), (), ())
    assert data.station_phone == ""
    with pytest.raises(NotFoundError):
        report(database, ids.event + 100)


def test_report_pdf(database: Database, ids: Ids) -> None:
    target = io.BytesIO()
    pages = render_event_report(report(database, ids.event), target, printed_at=PRINTED)
    texts = pages_text(target.getvalue())
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {pages} 页" in text
        assert "打印时间 2026-02-11 08:05" in text
    everything = "".join(texts)
    for expected in ("东利党员服务社 · 活动记录", "翰墨迎春 写春联送祝福", "服务社门前广场",
                     "2026年2月10日 09:00 至 11:30", "120 人", "行动不便的老人",
                     "春联", "100 幅", "王志愿", "3.5", "合计 2 人", "5.5",
                     "已送达", "不在家", "拒收", "敲门无人应答", "家里已经贴好了",
                     "已送达物品：春联 62 幅、福字 1 张", "李大爷", "晖苑小区10号楼1单元502室",
                     "02-10 14:20"):
        assert expected in everything, expected
    assert "第2次" in re.sub(r"\s", "", everything)  # the second attempt at 单秀英's door
    assert re.search(r"已送达\s*62", everything)
    assert ID_NUMBER not in everything
    assert unembedded_fonts(target.getvalue()) == []


def test_empty_report_pdf(database: Database, ids: Ids) -> None:
    target = io.BytesIO()
    assert render_event_report(report(database, ids.empty_event), target, PRINTED) == 1
    text = pages_text(target.getvalue())[0]
    assert "没有登记现场发放的物品" in text
    assert "没有登记志愿者" in text
    assert "这次活动没有安排送上门" in text
    assert unembedded_fonts(target.getvalue()) == []
