"""Issue 15 item 2: the delivery sheet a volunteer trusts, read back with pdftotext -layout.

Tick boxes for every outcome the program counts (地址有误 too), a 备注 and a 代签 space per
stop, "内部资料 注意保密 用后交回" on every page, the new date and the reason of the last
failure on a redelivery, unassigned stops only when asked for (and then marked), and one
sheet per community per volunteer in walking order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp import cli
from stationapp.documents.delivery_sheets import make_delivery_sheets
from stationapp.domain.clock import Clock
from stationapp.domain.event_models import (
    Delivery,
    DeliveryAttempt,
    Event,
    EventType,
    Item,
    Volunteer,
)
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.sheet_data import (
    UNASSIGNED_WARNING,
    VOLUNTEER_OUTCOMES,
    delivery_sheets,
)
from stationapp.workflows.opening import open_database

PRINTED = datetime(2026, 11, 5, 16, 0)
ROUND_DAY = date(2026, 11, 6)
CONFIDENTIAL = "内部资料 注意保密 用后交回"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")


@dataclass(frozen=True)
class Station:
    url: str
    event: int
    wu: int


def _household(s: Session, community: str, building: str, unit: str, room: str,
               name: str) -> int:
    return create_household(s, HouseholdInput(
        community=community, building=building, unit=unit, room=room,
        residents=(ResidentInput(name=name, phone="13905460000"),),
    ), "clerk", PRINTED.date())


@pytest.fixture
def station(sqlite_url: str, clock: Clock) -> Iterator[Station]:
    """吴银山 has five stops in three communities (numbered by the clerk against the
    walk); 田秀英's first visit found nobody home; 无人送 has no volunteer yet."""
    database: Database = open_database(sqlite_url, clock)
    try:
        with database.session() as s:
            type_id = s.scalar(select(EventType.id).where(EventType.name == "节日慰问"))
            gift = s.scalar(select(Item.id).where(Item.name == "慰问品"))
            assert type_id is not None and gift is not None
            event = Event(event_type_id=type_id, title="节日走访慰问困难老人",
                          starts_at=datetime(2026, 11, 1, 9, 0))
            wu = Volunteer(name="吴银山", phone="13926980362")
            s.add_all([event, wu])
            s.flush()
            doors = [
                ("锦华一区", "3", "1", "201", "韩秋生"),
                ("东旭小区", "10", "1", "302", "赵秀兰"),
                ("东旭小区", "2", "2", "101", "袁金山"),
                ("晖苑小区", "1", "1", "101", "田秀英"),
                ("东旭小区", "2", "1", "502", "刘彩霞"),
            ]
            for stop, (community, building, unit, room, name) in enumerate(doors, start=1):
                hid = _household(s, community, building, unit, room, name)
                delivery = Delivery(event_id=event.id, household_id=hid, item_id=gift,
                                    quantity=1, volunteer_id=wu.id, stop_order=stop,
                                    outcome=DeliveryOutcome.PENDING,
                                    attempt=2 if name == "田秀英" else 1)
                s.add(delivery)
                if name == "田秀英":
                    s.flush()
                    s.add(DeliveryAttempt(delivery_id=delivery.id, attempt=1,
                                          outcome=DeliveryOutcome.NOT_HOME,
                                          note="邻居说去女儿家了",
                                          happened_at=datetime(2026, 11, 4, 10, 20),
                                          volunteer_id=wu.id, actor="clerk"))
            nobody = _household(s, "东旭小区", "9", "1", "909", "无人送")
            s.add(Delivery(event_id=event.id, household_id=nobody, item_id=gift, quantity=1,
                           volunteer_id=None, stop_order=0, outcome=DeliveryOutcome.PENDING))
            s.flush()
            found = Station(sqlite_url, event.id, wu.id)
        yield found
    finally:
        database.dispose()


def _print(station: Station, clock: Clock, tmp_path: Path, **kwargs: object) -> list[str]:
    """The sheets' pages as ``pdftotext -layout`` reads them."""
    database = open_database(station.url, clock)
    target = tmp_path / "sheets.pdf"
    try:
        with database.session() as s:
            make_delivery_sheets(s, station.event, target, printed_at=PRINTED,
                                 **kwargs)  # type: ignore[arg-type]
    finally:
        database.dispose()
    out = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


def test_every_outcome_has_a_box_with_remarks_and_proxy_space(
    station: Station, clock: Clock, tmp_path: Path
) -> None:
    assert [o.label for o in VOLUNTEER_OUTCOMES] == ["已送达", "不在家", "拒收", "地址有误"]
    pages = _print(station, clock, tmp_path)
    everything = "\n".join(pages)
    stops = 5
    for label in ("已送达", "不在家", "拒收", "地址有误", "备注：", "代签人：", "与本人关系："):
        assert everything.count(label) >= stops, label
    assert "地址有误" in everything.split("收件人签字")[0]  # the hint names it too
    for page in pages:
        assert CONFIDENTIAL in page


def test_redelivery_shows_the_new_date_and_why_the_first_failed(
    station: Station, clock: Clock, tmp_path: Path
) -> None:
    pages = _print(station, clock, tmp_path, delivery_day=ROUND_DAY)
    (hui,) = [page for page in pages if "田秀英" in page]
    assert "本次配送日期：2026年11月6日" in hui
    assert "上次未送达：不在家 11-04（" in hui
    # the note wraps to the next line of the cell: read the cell's lines in drawing order
    drawn = "".join(re.sub(r"\s+", "", page.extract_text())
                    for page in PdfReader(tmp_path / "sheets.pdf").pages)
    assert "【上次未送达：不在家11-04（邻居说去女儿家了）】" in drawn
    assert "第 2 次上门" in hui
    others = [page for page in pages if "田秀英" not in page]
    assert others and not any("本次配送日期" in page for page in others)


def test_redelivery_date_defaults_to_the_day_printed(
    station: Station, clock: Clock, tmp_path: Path
) -> None:
    pages = _print(station, clock, tmp_path)
    assert any("本次配送日期：2026年11月5日" in page for page in pages)


def test_unassigned_stops_only_when_asked_and_then_marked(
    station: Station, clock: Clock, tmp_path: Path
) -> None:
    everything = "\n".join(_print(station, clock, tmp_path))
    assert "无人送" not in everything
    assert "未分配" not in everything
    asked = _print(station, clock, tmp_path, include_unassigned=True)
    marked = [page for page in asked if "无人送" in page]
    assert len(marked) == 1
    assert marked[0].count(UNASSIGNED_WARNING) >= 2  # banner, volunteer line, running head
    assert not any(UNASSIGNED_WARNING in page for page in asked if "无人送" not in page)


def test_unassigned_left_out_is_counted(station: Station, clock: Clock) -> None:
    database = open_database(station.url, clock)
    try:
        with database.session() as s:
            assert delivery_sheets(s, station.event).left_out == 1
            assert delivery_sheets(s, station.event, include_unassigned=True).left_out == 0
    finally:
        database.dispose()


def test_one_sheet_per_community_in_walking_order(
    station: Station, clock: Clock, tmp_path: Path
) -> None:
    pages = _print(station, clock, tmp_path)
    assert len(pages) == 3
    headings = [re.search(r"第 (\d)/(\d) 张 · (\S+)", page) for page in pages]
    assert [m.groups() if m else None for m in headings] == [
        ("1", "3", "东旭小区"), ("2", "3", "晖苑小区"), ("3", "3", "锦华一区")]
    first = pages[0]
    order = [first.index(name) for name in ("刘彩霞", "袁金山", "赵秀兰")]
    assert order == sorted(order)  # 2号楼1单元 → 2号楼2单元 → 10号楼, not the clerk's 5, 3, 2
    assert "本张共 3 户（全部 5 户，分 3 张）" in first
    for page in pages:  # each sheet numbers its own pages
        assert "第 1 页 / 共 1 页" in re.sub(r"\s+", " ", page).replace("第1页/共1页",
                                                                       "第 1 页 / 共 1 页")


def test_cli_include_unassigned_and_date_options() -> None:
    parser = cli.build_parser(["print", "delivery-sheets"])
    args = parser.parse_args(["print", "delivery-sheets", "--event", "5", "-o", "x.pdf"])
    assert (args.include_unassigned, args.delivery_day) == (False, None)
    args = parser.parse_args(["print", "delivery-sheets", "--event", "5", "-o", "x.pdf",
                              "--include-unassigned", "--date", "2026-11-06"])
    assert (args.include_unassigned, args.delivery_day) == (True, ROUND_DAY)
