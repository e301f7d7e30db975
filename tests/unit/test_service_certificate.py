"""The service-record certificate PDF (志愿服务记录证明) read back."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from sqlalchemy import select

from stationapp.domain.event_models import Event, EventType, EventVolunteer
from stationapp.domain.models import StationSetting
from stationapp.reports.service_certificate import period_text, write_certificate
from stationapp.services.database import Database
from stationapp.services.service_record import (
    Certificate,
    ServiceEntry,
    ServiceRecord,
    issue_certificate,
)
from stationapp.services.volunteers import VolunteerInput, create_volunteer

PRINTED = datetime(2026, 11, 26, 10, 0)
TODAY = PRINTED.date()
WHAT = ("写春联送祝福 · 翰墨迎春", "送上门：贴窗花迎新年（12 户）",
        "安全宣传 · 冬季供暖安全宣传进楼栋，讲解燃气阀门与暖气片排气的注意事项")


def record(entries: int, start: date | None = date(2026, 1, 1)) -> ServiceRecord:
    lines = tuple(
        ServiceEntry(date(2026, 1, 5) + timedelta(days=7 * i), WHAT[i % 3],
                     ("event", "delivery", "event")[i % 3], (3.5, 2.0, 1.5)[i % 3])
        for i in range(entries)
    )
    return ServiceRecord(
        volunteer_id=7, name="王书文", phone="13905461234", community="锦华一区",
        roles=("锦华一区监督员", "锦华一区宣传员"), start=start, end=None, entries=lines,
        total_hours=sum(e.hours for e in lines),
    )


def certificate(entries: int) -> Certificate:
    return Certificate(number="FW2026-0003", issued_on=date(2026, 11, 26),
                       station="东利党员服务社", station_phone="0546-8123456",
                       record=record(entries))


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def all_fonts_embedded(pdf: bytes) -> bool:
    for page in PdfReader(io.BytesIO(pdf)).pages:
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


def written(cert: Certificate) -> bytes:
    target = io.BytesIO()
    write_certificate(cert, target, printed_at=PRINTED)
    return target.getvalue()


def test_one_page_certificate() -> None:
    pdf = written(certificate(8))
    texts = pages_of(pdf)
    assert len(texts) == 1
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # A4 portrait
    everything = flat(texts[0])
    for expected in (
        "志愿服务记录证明", "证明编号：FW2026-0003", "兹证明王书文同志（锦华一区）",
        "于2026年1月1日至2026年11月26日在东利党员服务社参加志愿服务8次",
        "累计志愿服务19.5小时", "担任职务：锦华一区监督员、锦华一区宣传员",
        "序号日期服务内容类别时长（小时）", "2026年1月5日", "翰墨迎春", "送上门",
        "暖气片排气的注意事项", "合计8次19.5", "特此证明", "（盖章）", "2026年11月26日",
        "联系电话：0546-8123456", "本证明共1页第1页",
    ):
        assert expected in everything, expected
    assert "13905461234" not in everything  # the volunteer's own phone is not printed
    assert all_fonts_embedded(pdf)


def test_a_long_record_continues_with_the_header_repeated() -> None:
    pdf = written(certificate(60))
    texts = [flat(t) for t in pages_of(pdf)]
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"本证明共{len(texts)}页第{number}页" in text
        assert "编号FW2026-0003" in text  # the running header names the certificate
    table_pages = [t for t in texts if "2026年" in t.replace("2026年11月26日", "")]
    assert all("序号日期服务内容类别时长（小时）" in t for t in table_pages)
    assert "合计60次" in texts[-1] or "合计60次" in texts[-2]
    everything = "".join(texts)
    assert "（盖章）" in everything and everything.count("（盖章）") == 1
    assert everything.index("合计60次") < everything.index("特此证明")
    assert all_fonts_embedded(pdf)


def test_period_wording() -> None:
    issued = date(2026, 11, 26)
    assert period_text(record(2), issued) == "2026年1月1日至2026年11月26日"
    assert period_text(record(2, start=None), issued) == "2026年1月5日至2026年11月26日"
    assert period_text(record(0, start=None), issued) == "截至2026年11月26日"


def test_certificate_of_a_real_volunteer(database: Database, tmp_path: Path) -> None:
    with database.session() as s:
        s.add(StationSetting(key="station_name", value="东利党员服务社"))
        wang = create_volunteer(s, VolunteerInput(name="王书文", community="锦华一区"), "clerk",
                                TODAY)
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="翰墨迎春",
                      starts_at=datetime(2026, 1, 20, 9, 0))
        s.add(event)
        s.flush()
        s.add(EventVolunteer(event_id=event.id, volunteer_id=wang, hours=3.5))
        s.flush()
        cert = issue_certificate(s, wang, "clerk", today=TODAY)
    path = tmp_path / "证明.pdf"
    write_certificate(cert, str(path), PRINTED)
    assert path.read_bytes().startswith(b"%PDF")
    text = flat("".join(page.extract_text() for page in PdfReader(path).pages))
    assert cert.number in text and "翰墨迎春" in text and "累计志愿服务3.5小时" in text
