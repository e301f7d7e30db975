"""Issue 15 item 3: the event report keeps headings with their tables, never breaks an
address, "宣传材料 × 2" or "10-28 14:11" inside, counts delivery rounds in the hours (the
one definition), lists the volunteers who delivered, and prints the summary, the photos and
the sign-off. Event summaries and photos (up to 6, shrunk, private files)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.care_models import DeliveryRound
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.event_models import (
    Delivery,
    Event,
    EventPhoto,
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
from stationapp.services.event_photos import (
    MAX_PHOTOS,
    add_event_photo,
    list_event_photos,
    photo_data,
    remove_event_photo,
)
from stationapp.services.events import get_event, set_event_summary
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.sheet_data import EventReportData, event_report
from stationapp.services.volunteer_hours import event_hours, hours_by_volunteer

PRINTED = datetime(2026, 12, 7, 15, 0)
DAY = date(2026, 10, 28)
SHOTS = Path("/tmp/h15/shots/q3")


def _item(s: Session, name: str) -> int:
    found = s.scalar(select(Item.id).where(Item.name == name))
    assert found is not None
    return found


def _household(s: Session, community: str, building: str, unit: str, room: str,
               name: str) -> int:
    return create_household(s, HouseholdInput(
        community=community, building=building, unit=unit, room=room,
        residents=(ResidentInput(name=name),)), "clerk", DAY)


def _event(s: Session, title: str) -> Event:
    type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
    assert type_id is not None
    event = Event(event_type_id=type_id, title=title, starts_at=datetime(2026, 10, 28, 9),
                  ends_at=datetime(2026, 10, 28, 12), place="锦华一区广场",
                  organiser="东利党员服务社", participant_count=142,
                  description="书法志愿者在广场现场义写春联，居民挑选喜欢的春联带回家；"
                              "安全志愿者宣传防骗防盗、安全使用天然气和燃放鞭炮注意事项。"
                              "工作人员另留出春联和福字，活动结束后送到不能到场的老人家中。")
    s.add(event)
    s.flush()
    return event


@pytest.fixture
def busy_event(database: Database) -> int:
    """Like the demo's event 1: tallies, 6 volunteers, 15 households × 2 items, notes."""
    with database.session() as s:
        s.add(StationSetting(key="station_name", value="东利党员服务社"))
        event = _event(s, "迎新春写春联送祝福、平安吉祥过大年")
        names = ["刘墨林", "孙立德", "张庆华", "王书文", "郝德明", "陈建华"]
        people = [Volunteer(name=n, phone=f"1380000{i:04d}") for i, n in enumerate(names)]
        s.add_all(people)
        s.flush()
        couplet, fu, leaflet = _item(s, "春联"), _item(s, "福字"), _item(s, "宣传材料")
        s.add_all([EventTally(event_id=event.id, item_id=i, quantity=q)
                   for i, q in ((couplet, 101), (fu, 70), (leaflet, 104))])
        s.add_all([EventVolunteer(event_id=event.id, volunteer_id=v.id, hours=h)
                   for v, h in zip(people, (2.5, 2.5, 3.5, 3.5, 2.5, 3), strict=True)])
        for n in range(15):
            hid = _household(s, "锦华一区", str(3 + n * 2), str(1 + n % 3), f"{n % 6 + 1}02",
                             f"住户{n:02d}")
            for item_id in (couplet, fu):
                missed = n % 5 == 4
                s.add(Delivery(
                    event_id=event.id, household_id=hid, item_id=item_id, quantity=1,
                    volunteer_id=people[4 + n % 2].id,
                    outcome=DeliveryOutcome.NOT_HOME if missed else DeliveryOutcome.DELIVERED,
                    outcome_note="家中无人，已电话联系，改天再送" if missed else "",
                    outcome_at=datetime(2026, 10, 28, 13, 10 + n)))
        s.add_all([DeliveryRound(event_id=event.id, volunteer_id=people[4].id,
                                 round_date=DAY, hours=2.0),
                   DeliveryRound(event_id=event.id, volunteer_id=people[5].id,
                                 round_date=DAY, hours=2.0)])
        s.flush()
        return event.id


@pytest.fixture
def delivery_only_event(database: Database) -> int:
    """Like the demo's event 5: nobody recorded as serving, two volunteers carry it."""
    with database.session() as s:
        event = _event(s, "节日走访慰问困难老人")
        wu, hao = Volunteer(name="吴银山", phone="13926980362"), Volunteer(name="郝德明")
        s.add_all([wu, hao])
        s.flush()
        leaflet = _item(s, "宣传材料")
        for n, who in enumerate((wu, hao, wu)):
            hid = _household(s, "集萃苑小区", "25", "12", f"{130 + n}2", f"老人{n}")
            s.add(Delivery(event_id=event.id, household_id=hid, item_id=leaflet, quantity=2,
                           volunteer_id=who.id))
        s.add(DeliveryRound(event_id=event.id, volunteer_id=wu.id, round_date=DAY,
                            hours=1.5))
        s.flush()
        return event.id


def _data(database: Database, event_id: int) -> EventReportData:
    with database.session() as s:
        return event_report(s, event_id)


def _pdf(data: EventReportData, name: str = "") -> bytes:
    target = io.BytesIO()
    render_event_report(data, target, printed_at=PRINTED)
    if name and SHOTS.is_dir():
        (SHOTS / f"{name}.pdf").write_bytes(target.getvalue())
    return target.getvalue()


def _lines(pdf: bytes) -> list[list[tuple[float, str]]]:
    """Per page: (y, text) of every piece of text drawn."""
    pages: list[list[tuple[float, str]]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[float, str]] = []

        def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any,
                  found: list[tuple[float, str]] = found) -> None:
            if text.strip():  # the text's baseline on the page (tables move the origin)
                found.append((float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]), text))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def _texts(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


# ------------------------------------------------------------------ 1. page layout


def test_no_page_but_the_last_is_mostly_empty_and_headings_stay_with_tables(
    database: Database, busy_event: int
) -> None:
    pdf = _pdf(_data(database, busy_event), "busy-event")
    pages = _lines(pdf)
    height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    footer = 20 * 72 / 25.4  # the bottom margin: below it only the footer
    header = height - footer
    for number, found in enumerate(pages[:-1], start=1):
        body = [y for y, _ in found if footer < y < header]
        assert min(body) < height / 2, f"page {number} is more than half empty"
    for title in ("送上门配送结果", "配送明细", "志愿者与服务时长", "现场发放"):

        def heading(piece: str, title: str = title) -> bool:
            piece = piece.strip()  # the text layer may cut a heading in two pieces
            return piece == title or (len(piece) >= 3 and title.startswith(piece)
                                      and piece != "志愿者")

        page = next(p for p in pages if any(heading(t) for _, t in p))
        y = next(y for y, t in page if heading(t))
        below = [t for yy, t in page if footer < yy < y]
        assert len(below) >= 3, f"{title} is left alone at the foot of a page"


# ------------------------------------------------------------------ 2. no mid-token breaks


def test_addresses_items_and_times_never_break_inside(
    database: Database, delivery_only_event: int
) -> None:
    with database.session() as s:
        s.get(Delivery, 1)  # nothing to change: the data alone
        first = s.scalar(select(Delivery).where(Delivery.event_id == delivery_only_event))
        assert first is not None
        first.outcome, first.outcome_at = DeliveryOutcome.NOT_HOME, datetime(2026, 10, 28, 14, 11)
        first.outcome_note = "敲门无人应答，邻居说去女儿家了，晚上七点以后在家"
    text = _texts(_pdf(_data(database, delivery_only_event), "delivery-only-event"))
    for whole in ("宣传材料 × 2", "10-28 14:11", "25号楼", "12单元", "1302室", "1312室",
                  "集萃苑小区"):
        assert whole in text, whole


# ------------------------------------------------------------------ 3. + 4. volunteers, hours


def test_hours_count_delivery_rounds_and_reconcile(database: Database, busy_event: int) -> None:
    data = _data(database, busy_event)
    with database.session() as s:
        per_event = event_hours(s, busy_event)
        per_period = hours_by_volunteer(s, DAY, DAY)
        ids = {v.name: v.id for v in s.scalars(select(Volunteer))}
    hours = {v.name: v.hours for v in data.volunteers}
    assert hours["郝德明"] == 4.5 and hours["陈建华"] == 5.0
    assert hours == {name: per_event[vid] for name, vid in ids.items() if vid in per_event}
    assert data.total_hours == round(sum(per_period.values()), 2) == 21.5
    text = _texts(_pdf(data))
    assert "合计 6 人" in text and "21.5" in text


def test_volunteers_who_delivered_appear(database: Database, delivery_only_event: int) -> None:
    data = _data(database, delivery_only_event)
    assert [(v.name, v.hours, v.households, v.served) for v in data.volunteers] == [
        ("吴银山", 1.5, 2, False), ("郝德明", 0.0, 1, False)]
    text = _texts(_pdf(data))
    assert "没有登记志愿者" not in text
    assert "吴银山" in text and "郝德明" in text and "合计 2 人" in text


# ------------------------------------------------------------------ 5. summary, photos, sign-off


@pytest.fixture
def sqlite_database(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    from stationapp.workflows.opening import open_database

    opened = open_database(sqlite_url, clock)
    try:
        yield opened
    finally:
        opened.dispose()


def _photo_file(folder: Path, name: str, size: tuple[int, int], colour: str) -> Path:
    path = folder / name
    Image.new("RGB", size, colour).save(path)
    return path


def test_summary_photos_and_sign_off_are_printed(
    sqlite_database: Database, tmp_path: Path
) -> None:
    database = sqlite_database
    with database.session() as s:
        s.add(StationSetting(key="preparer", value="张文书"))
        event_id = _event(s, "贴窗花迎新年").id
    with database.session() as s:
        version = get_event(s, event_id).version
        set_event_summary(s, event_id, "  共写春联 101 幅，送上门 15 户。\n老人们很高兴。 ",
                          "clerk", version)
    sources = [_photo_file(tmp_path, f"p{i}.png", (3000, 2000) if i % 2 else (1200, 1600),
                           ("red", "green", "blue")[i]) for i in range(3)]
    with database.session() as s:
        for i, source in enumerate(sources):
            add_event_photo(s, event_id, source, caption=f"现场照片{i + 1}", actor="clerk",
                            now=PRINTED)
    with database.session() as s:
        assert get_event(s, event_id).summary == "共写春联 101 幅，送上门 15 户。\n老人们很高兴。"
        photos = list_event_photos(s, event_id)
        kept_bytes = [photo_data(s, p.id) for p in photos]
    assert [p.caption for p in photos] == ["现场照片1", "现场照片2", "现场照片3"]
    for data in kept_bytes:  # kept in the ledger (Q7), no folder beside it
        with Image.open(io.BytesIO(data)) as kept:
            assert max(kept.size) <= 1600 and kept.format == "JPEG"

    data = _data(database, event_id)
    pdf = _pdf(data, "summary-photos")
    text = _texts(pdf)
    for expected in ("活动小结", "共写春联 101 幅", "老人们很高兴", "活动照片（3 张）",
                     "现场照片1", "现场照片3", "记录人：张文书", "负责人：____"):
        assert expected in text, expected
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert images == 3


def test_at_most_six_photos_and_a_rolled_back_add_leaves_nothing(
    sqlite_database: Database, tmp_path: Path
) -> None:
    database = sqlite_database
    source = _photo_file(tmp_path, "one.jpg", (400, 300), "white")
    with database.session() as s:
        event_id = _event(s, "安全宣传").id
        for _ in range(MAX_PHOTOS):
            add_event_photo(s, event_id, source, actor="clerk", now=PRINTED)
    with database.session() as s, pytest.raises(ValidationError) as refused:
        add_event_photo(s, event_id, source, actor="clerk", now=PRINTED)
    assert refused.value.field == "photo"
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo")
    with database.session() as s:
        first = list_event_photos(s, event_id)[0]
        remove_event_photo(s, first.id, "clerk")
        with pytest.raises(ValidationError):
            add_event_photo(s, event_id, bad, actor="clerk", now=PRINTED)
    # a photo added in a transaction that rolls back leaves no row behind
    with pytest.raises(RuntimeError), database.session() as s:
        add_event_photo(s, event_id, source, actor="clerk", now=PRINTED)
        raise RuntimeError("the save fails later")
    with database.session() as s:
        assert len(s.scalars(select(EventPhoto).where(EventPhoto.event_id == event_id))
                   .all()) == MAX_PHOTOS - 1


def test_summary_is_checked(database: Database, busy_event: int) -> None:
    with database.session() as s, pytest.raises(ValidationError) as refused:
        set_event_summary(s, busy_event, "x" * 2001, "clerk")
    assert refused.value.field == "summary"
