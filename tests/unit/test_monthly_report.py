"""The monthly report PDF (工作月报) read back: figures, charts' labels, fonts, page numbers."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from stationapp.domain.care_vocab import Satisfaction, VisitMethod
from stationapp.domain.vocab import CareCategory, CareTier, DeliveryOutcome
from stationapp.reports.charts import nice_step
from stationapp.reports.monthly_report import month_title, write_monthly_report
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.seasonal import PeriodRow, PeriodTally
from stationapp.services.statistics import (
    MonthlyStatistics,
    RequestCategoryFigures,
    monthly_statistics,
)
from stationapp.services.visit_coverage import Coverage

PRINTED = datetime(2026, 12, 1, 8, 30)
ID_NUMBER = "37050219380501001X"
CATEGORY_COUNTS = (312, 41, 180, 220, 9, 30, 15, 4, 62, 3, 98)


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


def sample(**changes: object) -> MonthlyStatistics:
    """A busy November at a station with three communities."""
    stats = MonthlyStatistics(
        month=date(2026, 11, 1), station="东利党员服务社", generated_on=date(2026, 12, 1),
        households_total=1300,
        by_category=tuple((c.label, n) for c, n in zip(CareCategory, CATEGORY_COUNTS,
                                                       strict=True)),
        by_community=(("东旭小区", 430), ("晖苑小区", 380), ("锦华一区", 490)),
        by_tier=tuple((t.label, n) for t, n in zip(CareTier, (80, 320, 900), strict=True)),
        visits_in_month=123,
        visits_by_method=tuple((m.label, n) for m, n in zip(VisitMethod, (90, 30, 3),
                                                            strict=True)),
        coverage=Coverage(date(2026, 11, 1), due=150, visited=117), overdue_visits=33,
        requests_received=46, requests_closed=40, requests_open=9, requests_overdue=2,
        average_days_to_close=2.35,
        satisfaction=tuple((s.label, n) for s, n in zip(Satisfaction, (30, 6, 1), strict=True)),
        requests_by_category=(RequestCategoryFigures("供暖", 21, 18, 4),
                              RequestCategoryFigures("水电", 25, 22, 5)),
        events_in_month=5,
        events_by_type=(("送窗花", 1), ("安全宣传", 3), ("节日慰问", 1)),
        deliveries_by_outcome=tuple((o.label, n) for o, n in zip(
            DeliveryOutcome, (12, 230, 14, 3, 2, 5), strict=True)),
        volunteer_hours=312.5,
        top_volunteers=(("王书文", 24.5), ("单秀兰", 20.0), ("欧阳建国", 18.0)),
        active_volunteers=86, as_of=date(2026, 11, 30), volunteers_served=41,
        request_limit_days=7,
    )
    return replace(stats, **changes)  # type: ignore[arg-type]


def written(stats: MonthlyStatistics) -> tuple[int, bytes]:
    target = io.BytesIO()
    pages = write_monthly_report(stats, target, printed_at=PRINTED)
    return pages, target.getvalue()


def texts_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_report_carries_every_figure() -> None:
    pages, pdf = written(sample())
    texts = texts_of(pdf)
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {pages} 页" in text
        assert "打印时间 2026-12-01 08:30" in text
        assert "东利党员服务社 · 2026年11月 工作月报" in text  # the running header
    everything = flat("".join(texts))
    for expected in (
        "2026年11月工作月报", "数据截至2026年11月30日",
        "一、住户概况", "二、走访情况", "三、诉求办理", "四、活动与配送", "五、志愿服务",
        "在册住户1300户", "分布在3个小区", "计生特殊家庭", "行动不便", "锦华一区490",
        "重点80", "本月走访123次", "走访方式上门电话视频合计数量90303123",
        "应走访150户，已走访117户，覆盖率78%",
        "目标100%", "逾期未走访的住户33户",
        "本月受理本月办结未办结其中超期平均办结天数4640922.4",
        "超过7天", "满意30件", "基本满意6件", "不满意1件", "满意率（满意与基本满意）97.2%",
        "类别受理办结未办结供暖21184水电25225合计46409", "本月开展活动5场",
        "安排送上门266项，已送达230项（86.4%）",
        "安全宣传3", "地址有误", "312.5小时", "参与服务41人", "在册志愿者86人",
        "欧阳建国18", "服务时长前3名",
    ):
        assert expected in everything, expected
    # Every category label appears twice: in the table and on the bar chart's axis.
    for category in CareCategory:
        assert everything.count(category.label) >= 2, category.label
    assert unembedded_fonts(pdf) == []


def test_a_month_without_data() -> None:
    empty = sample(
        households_total=0, by_category=tuple((c.label, 0) for c in CareCategory),
        by_community=(), by_tier=tuple((t.label, 0) for t in CareTier), visits_in_month=0,
        visits_by_method=tuple((m.label, 0) for m in VisitMethod),
        coverage=Coverage(date(2026, 11, 1), due=0, visited=0), overdue_visits=0,
        requests_received=0, requests_closed=0, requests_open=0, requests_overdue=0,
        average_days_to_close=None, satisfaction=tuple((s.label, 0) for s in Satisfaction),
        requests_by_category=(), events_in_month=0, events_by_type=(),
        deliveries_by_outcome=tuple((o.label, 0) for o in DeliveryOutcome),
        volunteer_hours=0.0, top_volunteers=(), active_volunteers=0, volunteers_served=0,
    )
    pages, pdf = written(empty)
    everything = flat("".join(texts_of(pdf)))
    for expected in ("本月没有应走访的住户，覆盖率不计", "本月无应访住户", "本月没有回访记录",
                     "没有安排送上门", "本月没有登记志愿服务时长", "在册住户0户"):
        assert expected in everything, expected
    assert f"第1页/共{pages}页" in everything
    assert unembedded_fonts(pdf) == []


def test_many_communities_fit_in_columns() -> None:
    communities = tuple((f"第{i}小区", 20 + i) for i in range(1, 61))
    pages, pdf = written(sample(by_community=communities))
    everything = flat("".join(texts_of(pdf)))
    assert "第1小区21" in everything and "第60小区80" in everything
    assert pages <= 4


def test_report_of_a_real_month(database: Database, tmp_path: Path) -> None:
    today = date(2026, 11, 26)  # registered that day: on November's ledger
    with database.session() as s:
        create_household(s, HouseholdInput(
            community="晖苑小区", building="2", unit="1", room="301",
            residents=(ResidentInput(name="李大爷", id_number=ID_NUMBER),)), "clerk", today)
        stats = monthly_statistics(s, date(2026, 11, 1), today=today)
    path = tmp_path / "月报.pdf"
    pages = write_monthly_report(stats, str(path), PRINTED)
    assert path.read_bytes().startswith(b"%PDF")
    everything = flat("".join(page.extract_text() for page in PdfReader(path).pages))
    assert len(PdfReader(path).pages) == pages
    assert "在册住户1户" in everything and "高龄1" in everything
    assert ID_NUMBER not in everything and "李大爷" not in everything


def test_the_seasonal_periods_of_the_month() -> None:
    cold = PeriodRow(id=1, name="寒潮", starts_on=date(2026, 10, 28), ends_on=None,
                     due_days=5, categories=frozenset({CareCategory.ELDERLY,
                                                       CareCategory.LIVING_ALONE}))
    heat = PeriodRow(id=2, name="初冬降温", starts_on=date(2026, 11, 26),
                     ends_on=date(2026, 12, 20), due_days=7,
                     categories=frozenset({CareCategory.DISABLED}))
    _, pdf = written(sample(seasonal_periods=(
        PeriodTally(cold, due=312, visited_in_time=290, settled=True),
        PeriodTally(heat, due=30, visited_in_time=12, settled=False))))
    everything = flat("".join(texts_of(pdf)))
    for expected in (
        "本月有季节性走访2项", "覆盖率和逾期未访已计入这些住户",
        "寒潮10月28日—至今高龄、独居5天内（11月2日前）312290（92.9%）",
        "初冬降温11月26日—12月20日失能7天内（12月3日前）3012（40%），期限未到",
    ):
        assert expected in everything, expected
    _, pdf = written(sample())
    assert "季节性走访" not in flat("".join(texts_of(pdf)))


@pytest.mark.parametrize(("largest", "step"), [
    (0, 1), (3, 1), (10, 2), (45, 10), (312, 100), (15521, 5000), (0.5, 1),
])
def test_nice_steps(largest: float, step: float) -> None:
    assert nice_step(largest) == step


def test_title() -> None:
    assert month_title(date(2027, 1, 31)) == "2027年1月 工作月报"
