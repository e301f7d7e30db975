"""One definition of volunteer hours (events + delivery rounds): the certificate, an event's
hours and the month's total reconcile on one ledger."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.event_models import EventType
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.service_record import issue_certificate, record_round
from stationapp.services.volunteers import VolunteerInput, create_volunteer

TODAY = date(2026, 12, 31)


def _type(s: Session, name: str) -> int:
    found = s.scalar(select(EventType.id).where(EventType.name == name))
    assert found is not None
    return found


@pytest.fixture
def ledger(database: Database) -> dict[str, int]:
    """December 2026: 写春联 on the 3rd (王 3 h, 单 2 h; 王's round on the 4th, 1.5 h) and
    送窗花 on the 10th (王 1 h; 单's round on the 11th, 2.5 h). November: 安全宣传 on the
    28th (王 4 h) whose round (王, 1 h) falls on 1 December."""
    with database.session() as s:
        wang = create_volunteer(s, VolunteerInput(name="王书文"), "clerk", TODAY)
        shan = create_volunteer(s, VolunteerInput(name="单秀兰"), "clerk", TODAY)
        couplets = create_event(s, EventInput(
            event_type_id=_type(s, "写春联送祝福"), title="写春联",
            starts_at=datetime(2026, 12, 3, 9), volunteers=(ServiceInput(wang, 3.0),
                                                            ServiceInput(shan, 2.0))), "clerk")
        flowers = create_event(s, EventInput(
            event_type_id=_type(s, "送窗花"), title="送窗花",
            starts_at=datetime(2026, 12, 10, 9), volunteers=(ServiceInput(wang, 1.0),)),
            "clerk")
        safety = create_event(s, EventInput(
            event_type_id=_type(s, "安全宣传"), title="燃气安全",
            starts_at=datetime(2026, 11, 28, 9), volunteers=(ServiceInput(wang, 4.0),)),
            "clerk")
        record_round(s, couplets, wang, date(2026, 12, 4), 1.5, "clerk", TODAY)
        record_round(s, flowers, shan, date(2026, 12, 11), 2.5, "clerk", TODAY)
        record_round(s, safety, wang, date(2026, 12, 1), 1.0, "clerk", TODAY)
    return {"wang": wang, "shan": shan, "couplets": couplets, "flowers": flowers,
            "safety": safety}


def test_volunteer_hours_lines_and_totals(database: Database, ledger: dict[str, int]) -> None:
    from stationapp.services.volunteer_hours import volunteer_hours

    with database.session() as s:
        december = volunteer_hours(s, ledger["wang"], date(2026, 12, 1), date(2026, 12, 31))
    assert [(line.day, line.kind, line.hours) for line in december.lines] == [
        (date(2026, 12, 1), "delivery", 1.0), (date(2026, 12, 3), "event", 3.0),
        (date(2026, 12, 4), "delivery", 1.5), (date(2026, 12, 10), "event", 1.0)]
    assert december.lines[1].what == "写春联送祝福 · 写春联"
    assert december.lines[0].what == "送上门：燃气安全（0 户）"
    assert (december.total, december.event_hours, december.delivery_hours) == (6.5, 4.0, 2.5)


def test_certificate_event_and_month_reconcile(
    database: Database, ledger: dict[str, int]
) -> None:
    from stationapp.reports.service_certificate import write_certificate
    from stationapp.services.statistics import monthly_statistics
    from stationapp.services.volunteer_hours import event_hours, hours_by_volunteer

    wang, shan = ledger["wang"], ledger["shan"]
    first, last = date(2026, 12, 1), date(2026, 12, 31)
    with database.session() as s:
        month = hours_by_volunteer(s, first, last)
        stats = monthly_statistics(s, first, TODAY)
        couplets = event_hours(s, ledger["couplets"])
        flowers = event_hours(s, ledger["flowers"])
        safety = event_hours(s, ledger["safety"])
        certificate = issue_certificate(s, wang, "clerk", first, last, today=TODAY)
        shan_certificate = issue_certificate(s, shan, "clerk", first, last, today=TODAY)
    assert couplets == {wang: 4.5, shan: 2.0}  # delivery rounds count for the event
    assert flowers == {wang: 1.0, shan: 2.5}
    assert safety == {wang: 5.0}  # its round on 1 December belongs to the event
    assert month == {wang: 6.5, shan: 4.5}
    assert stats.volunteer_hours == sum(month.values()) == 11.0
    # The certificate for December says what the month says.
    assert certificate.record.total_hours == month[wang]
    assert shan_certificate.record.total_hours == month[shan]
    # The events of December, with their rounds, add up to the month, except the
    # November event whose round fell on 1 December: the one difference, by definition.
    assert couplets[shan] + flowers[shan] == month[shan]
    assert couplets[wang] + flowers[wang] + 1.0 == month[wang]
    target = io.BytesIO()
    write_certificate(certificate, target, printed_at=datetime(2026, 12, 31, 9))
    printed = re.sub(r"\s+", "", "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(target.getvalue())).pages))
    assert "累计志愿服务6.5小时" in printed and "合计4次6.5" in printed
