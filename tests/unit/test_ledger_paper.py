"""Q4 (issue 15 item 4): the printed ledger read back — page numbers over the whole file,
the filter in the header, the confidentiality mark, the grand total and sign-off, a 25 mm
binding edge, and names, phones, dates and tiers never broken across lines."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from stationapp.demo import populate_demo
from stationapp.documents.ledger import make_ledger, parse_ledger_columns
from stationapp.domain.clock import Clock
from stationapp.domain.models import Community
from stationapp.domain.vocab import CareCategory
from stationapp.reports.ledger import render_ledger
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.ledger_data import (
    LedgerColumn,
    LedgerData,
    LedgerLine,
    LedgerSection,
)
from stationapp.services.settings import (
    StationSettings,
    get_station_settings,
    store_station_settings,
)

NOW = datetime(2026, 12, 7, 10, 0)


@pytest.fixture
def station(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A demo station of 60 households in several communities."""
    from stationapp.workflows.opening import open_database

    database = open_database(sqlite_url, clock)
    try:
        with database.session() as session:
            populate_demo(session, households=60, seed=3, today=today)
        yield database
    finally:
        database.dispose()


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def printed(station: Database, flt: HouseholdFilter, columns: tuple[LedgerColumn, ...] = ()
            ) -> bytes:
    return printed_with_count(station, flt, columns)[0]


def printed_with_count(station: Database, flt: HouseholdFilter,
                       columns: tuple[LedgerColumn, ...] = ()) -> tuple[bytes, int]:
    out = io.BytesIO()
    with station.session() as session:
        done = make_ledger(session, flt, columns, out, now=NOW)
    return out.getvalue(), done.households


def test_pages_are_numbered_over_the_whole_multi_community_file(station: Database) -> None:
    pages = page_texts(printed(station, HouseholdFilter()))
    communities = {m for text in pages for m in re.findall(r"(\S+) 住户台账（", text)}
    assert len(communities) > 1
    assert len(pages) > len(communities) - 1
    for number, text in enumerate(pages, 1):
        assert re.findall(r"第 (\d+) 页 / 共 (\d+) 页", text) == [(str(number), str(len(pages)))]
        assert "内部资料 注意保密" in text


def test_grand_total_and_sign_off_close_the_file(station: Database) -> None:
    with station.session() as session:
        store_station_settings(session, StationSettings(
            name=get_station_settings(session).name, preparer="王书文", reviewer="张晓东"))
    pdf, households = printed_with_count(station, HouseholdFilter())
    pages = page_texts(pdf)
    last = re.sub(r"\s+", "", pages[-1])
    assert "总计：" in last and f"共{households}户" in last
    assert "合计" in last
    assert "制表人：王书文" in last and "审核人：张晓东" in last and "日期：2026年12月7日" in last
    assert all("制表人" not in p for p in pages[:-1])


def test_a_filtered_print_says_so_on_every_page(station: Database) -> None:
    with station.session() as session:
        first = session.execute(select(Community.id, Community.name)).first()
    assert first is not None
    community_id, name = first
    flt = HouseholdFilter(community_id=community_id, category=CareCategory.ELDERLY)
    pages = page_texts(printed(station, flt))
    for text in pages:
        flat = re.sub(r"\s+", "", text)
        assert f"筛选条件：小区{name}·关爱类别高龄" in flat
    everyone = page_texts(printed(station, HouseholdFilter()))
    assert all("范围：全部住户（在册）" in re.sub(r"\s+", "", t) for t in everyone)


def long_data(rows: int = 12) -> LedgerData:
    lines = tuple(
        LedgerLine({
            LedgerColumn.NUMBER: str(i), LedgerColumn.ADDRESS: "12号楼3单元1502室",
            LedgerColumn.HEAD: "欧阳晓东", LedgerColumn.AGE: "87",
            LedgerColumn.PHONE: "0546-8157915", LedgerColumn.MEMBERS: "皇甫建国、司马秀兰",
            LedgerColumn.CATEGORIES: "高龄、独居、行动不便", LedgerColumn.TIER: "重点",
            LedgerColumn.LIAISON: "上官婉儿", LedgerColumn.LAST_VISIT: "2026-11-28",
            LedgerColumn.NEXT_VISIT: "2026-12-05", LedgerColumn.MOBILITY: "户主坐轮椅",
            LedgerColumn.NOTES: "女儿每周来看一次，钥匙放在对门邻居家",
        }) for i in range(1, rows + 1))
    return LedgerData(station="东利党员服务社", printed_on=NOW.date(), filter_text="",
                      columns=tuple(LedgerColumn), sections=(LedgerSection("锦华一区", lines),))


def test_a_grand_total_on_a_page_of_its_own_is_not_a_page_of_the_last_community() -> None:
    """8 rows of 锦华一区 fill its last page: the total opens page 8, which said
    "住户台账 · 锦华一区" and "锦华一区 第 5/5 页" though none of its households is there."""
    data = long_data(8)
    data = replace(data, sections=(LedgerSection("东旭小区", data.sections[0].lines[:5]),
                                   data.sections[0]))
    out = io.BytesIO()
    render_ledger(data, out, printed_at=NOW)
    pages = [re.sub(r"\s+", "", t) for t in page_texts(out.getvalue())]
    alone, before = pages[-1], pages[-2]
    assert "总计：2个小区，共13户" in alone and "欧阳晓东" not in alone
    assert "住户台账·总计" in alone and "锦华一区第" not in alone
    assert f"第{len(pages)}页/共{len(pages)}页" in alone
    assert "锦华一区第4/4页" in before
    shared = replace(data, sections=(data.sections[0], LedgerSection(
        "锦华一区", long_data(9).sections[0].lines)))
    out = io.BytesIO()
    render_ledger(shared, out, printed_at=NOW)
    last = re.sub(r"\s+", "", page_texts(out.getvalue())[-1])
    assert "欧阳晓东" in last and "总计：" in last and "锦华一区第5/5页" in last


def test_names_phones_dates_and_tiers_are_never_broken() -> None:
    out = io.BytesIO()
    render_ledger(long_data(), out, printed_at=NOW)
    text = "\n".join(page_texts(out.getvalue()))
    for whole in ("欧阳晓东", "0546-8157915", "2026-11-28", "2026-12-05", "上官婉儿", "重点",
                  "12号楼3单元", "皇甫建国", "司马秀兰", "行动不便"):
        assert text.count(whole) == 12, whole  # each of the 12 rows has it on one line
    assert text.count("0546-8157915") == 12


def test_the_binding_edge_is_at_least_25_mm() -> None:
    out = io.BytesIO()
    render_ledger(long_data(3), out, printed_at=NOW)
    xs: list[float] = []
    for page in PdfReader(io.BytesIO(out.getvalue())).pages:
        page.extract_text(visitor_text=lambda t, cm, tm, *_: xs.append(cm[4] + tm[4])
                          if t.strip() else None)
    assert xs and min(xs) >= 25 * mm - 0.5


@pytest.mark.parametrize("words", ["序号, 户主", "序号，户主", "序号 户主", " 序号 ，户主 ",
                                   "number head"])
def test_columns_accept_spaces_and_full_width_commas(words: str) -> None:
    assert parse_ledger_columns(words) == (LedgerColumn.NUMBER, LedgerColumn.HEAD)


def test_a_label_with_inner_spaces_is_found_however_spaced() -> None:
    assert parse_ledger_columns("楼号·单元·室，户主") == (LedgerColumn.ADDRESS, LedgerColumn.HEAD)
    assert parse_ledger_columns("楼号 · 单元 · 室") == (LedgerColumn.ADDRESS,)
