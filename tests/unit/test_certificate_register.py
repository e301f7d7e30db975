"""The service certificate after 民发〔2015〕149号 and its register: reprints keep the number
and say 补打; ID, volunteer number, 负责人/经办人; 本证明共 N 页 and 骑缝 marks; one way of
writing dates. Read back from the PDF."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from stationapp.domain.event_models import Event, EventType, EventVolunteer
from stationapp.reports.service_certificate import write_certificate
from stationapp.services.database import Database
from stationapp.services.service_record import (
    Certificate,
    ServiceEntry,
    ServiceRecord,
    issue_certificate,
)
from stationapp.services.settings import get_station_settings
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.station_settings import save_station_settings

PRINTED = datetime(2026, 12, 7, 10, 0)
TODAY = PRINTED.date()


def pages(cert: Certificate) -> list[str]:
    target = io.BytesIO()
    write_certificate(cert, target, printed_at=PRINTED)
    reader = PdfReader(io.BytesIO(target.getvalue()))
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


def certificate(entries: int) -> Certificate:
    lines = tuple(ServiceEntry(date(2026, 1, 5) + timedelta(days=3 * i), f"写春联送祝福 · 第{i}场",
                               "event", 2.0) for i in range(entries))
    record = ServiceRecord(volunteer_id=7, name="王书文", phone="13905461234",
                           community="锦华一区", roles=(), start=date(2026, 1, 1),
                           end=date(2026, 12, 7), entries=lines,
                           total_hours=2.0 * entries)
    return Certificate(number="FW2026-0009", issued_on=date(2026, 12, 7),
                       station="东利党员服务社", station_phone="0546-8123456", record=record)


@pytest.fixture
def wang(database: Database) -> int:
    with database.session() as s:
        volunteer = create_volunteer(s, VolunteerInput(name="王书文"), "clerk", TODAY)
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="翰墨迎春",
                      starts_at=datetime(2026, 1, 20, 9, 0))
        s.add(event)
        s.flush()
        s.add(EventVolunteer(event_id=event.id, volunteer_id=volunteer, hours=3.5))
    return volunteer


def test_printing_the_same_record_again_reuses_its_number_marked_reprint(
    database: Database, wang: int
) -> None:
    period = (date(2026, 1, 1), date(2026, 11, 30))
    with database.session() as s:
        first = issue_certificate(s, wang, "clerk", *period, today=date(2026, 12, 1))
    with database.session() as s:
        again = issue_certificate(s, wang, "desk2", *period, today=TODAY)
    with database.session() as s:
        other = issue_certificate(s, wang, "clerk", date(2026, 1, 1), date(2026, 12, 6),
                                  today=TODAY)
    assert first.number == again.number == "FW2026-0001"
    assert other.number == "FW2026-0002"  # another period: a new certificate
    text = "".join(pages(again))
    assert "证明编号：FW2026-0001（补打，2026年12月7日）" in text
    assert "开具日期：2026年12月1日" in text and "补打日期：2026年12月7日" in text
    assert "补打" not in "".join(pages(first))


def test_register_lists_and_reprints_by_number(database: Database, wang: int) -> None:
    from stationapp.domain.errors import NotFoundError
    from stationapp.services.service_record import certificate_register, reprint_certificate

    with database.session() as s:
        issue_certificate(s, wang, "clerk", date(2026, 1, 1), date(2026, 6, 30),
                          today=date(2026, 7, 1))
    with database.session() as s:
        again = reprint_certificate(s, "FW2026-0001", "desk2", today=TODAY)
        with pytest.raises(NotFoundError):
            reprint_certificate(s, "FW2026-0999", "desk2", today=TODAY)
    with database.session() as s:
        register = certificate_register(s)
        assert certificate_register(s, year=2025) == []
    assert again.is_reprint and again.issued_on == date(2026, 7, 1)
    assert again.record.start == date(2026, 1, 1) and again.record.end == date(2026, 6, 30)
    [entry] = register
    assert (entry.number, entry.volunteer, entry.period_start, entry.period_end, entry.hours,
            entry.issued_by, entry.issued_on, entry.reprint_count, entry.reprinted_on,
            entry.reprinted_by) == (
        "FW2026-0001", "王书文", date(2026, 1, 1), date(2026, 6, 30), 3.5, "clerk",
        date(2026, 7, 1), 1, TODAY, "desk2")


def test_a_changed_record_is_not_reprinted(database: Database, wang: int) -> None:
    from stationapp.domain.errors import ConflictError
    from stationapp.services.service_record import reprint_certificate

    period = (date(2026, 1, 1), date(2026, 6, 30))
    with database.session() as s:
        issue_certificate(s, wang, "clerk", *period, today=date(2026, 7, 1))
    with database.session() as s:
        row = s.scalar(select(EventVolunteer).where(EventVolunteer.volunteer_id == wang))
        assert row is not None
        row.hours = 4.0
    with database.session() as s, pytest.raises(ConflictError) as changed:
        reprint_certificate(s, "FW2026-0001", "clerk", today=TODAY)
    assert "3.5" in str(changed.value) and "4" in str(changed.value)
    with database.session() as s:
        fresh = issue_certificate(s, wang, "clerk", *period, today=TODAY)
    assert fresh.number == "FW2026-0002" and not fresh.is_reprint


def test_identity_and_signatures_printed(database: Database, wang: int) -> None:
    with database.session() as s:
        save_station_settings(s, replace(get_station_settings(s), name="东利党员服务社",
                                         responsible_person="李建国", preparer="张晓东"))
    with database.session() as s:
        cert = issue_certificate(s, wang, "clerk", today=TODAY)
    text = "".join(pages(cert))
    assert "负责人（签字）：李建国" in text and "经办人（签字）：张晓东" in text
    assert f"志愿者编号{wang}" in text
    # The volunteer record keeps no ID number (yet): lines to fill in by hand.
    assert "证件类型________________证件号码________________" in text
    # When the record has one, the certificate (handed to the volunteer) prints it in full.
    full = "".join(pages(replace(cert, id_type="居民身份证", id_number="370502198001011234")))
    assert "证件类型居民身份证" in full and "证件号码370502198001011234" in full


def test_every_page_counts_and_carries_the_straddle_mark() -> None:
    texts = pages(certificate(60))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"本证明共{len(texts)}页第{number}页" in text
        assert "骑缝章" in text
    assert "（盖章）" in texts[-1] and all("（盖章）" not in t for t in texts[:-1])
    assert "负责人（签字）" in texts[-1]
    [single] = pages(certificate(3))
    assert "本证明共1页第1页" in single and "骑缝章" not in single


def test_dates_are_written_one_way() -> None:
    [text] = pages(certificate(3))
    assert "2026年1月5日" in text and "打印时间2026年12月7日10:00" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
