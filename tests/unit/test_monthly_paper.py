"""Q4 (issue 15 item 5): the monthly report read back — the sign-off block, the comparison
with the previous month and the year to date, the note when more requests were closed
than received, chart labels of 12 pt, and no page left mostly empty."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime

from pypdf import PageObject, PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from stationapp.domain.care_vocab import Satisfaction, VisitMethod
from stationapp.domain.vocab import CareCategory, CareTier, DeliveryOutcome
from stationapp.reports import charts
from stationapp.reports.monthly_report import ReportSignOff, write_monthly_report
from stationapp.services.database import Database
from stationapp.services.settings import StationSettings, store_station_settings
from stationapp.services.statistics import (
    MonthlyStatistics,
    PeriodFigures,
    RequestCategoryFigures,
    monthly_statistics,
)
from stationapp.services.visit_coverage import Coverage

PRINTED = datetime(2026, 12, 1, 8, 30)


def sample(**changes: object) -> MonthlyStatistics:
    """A busy November at a station with three communities (closed > received)."""
    stats = MonthlyStatistics(
        month=date(2026, 11, 1), station="东利党员服务社", generated_on=date(2026, 12, 1),
        households_total=1300,
        by_category=tuple((c.label, 20 + i) for i, c in enumerate(CareCategory)),
        by_community=(("东旭小区", 430), ("晖苑小区", 380), ("锦华一区", 490)),
        by_tier=tuple((t.label, n) for t, n in zip(CareTier, (80, 320, 900), strict=True)),
        visits_in_month=123,
        visits_by_method=tuple((m.label, n) for m, n in zip(VisitMethod, (90, 30, 3),
                                                            strict=True)),
        coverage=Coverage(date(2026, 11, 1), due=150, visited=117), overdue_visits=33,
        requests_received=13, requests_closed=14, requests_open=9, requests_overdue=2,
        average_days_to_close=2.35,
        satisfaction=tuple((s.label, n) for s, n in zip(Satisfaction, (30, 6, 1), strict=True)),
        requests_by_category=(RequestCategoryFigures("供暖", 6, 8, 4),
                              RequestCategoryFigures("水电", 7, 6, 5)),
        events_in_month=5,
        events_by_type=(("送窗花", 1), ("安全宣传", 3), ("节日慰问", 1)),
        deliveries_by_outcome=tuple((o.label, n) for o, n in zip(
            DeliveryOutcome, (12, 230, 14, 3, 2, 5), strict=True)),
        volunteer_hours=312.5,
        top_volunteers=tuple((f"志愿者{i}", 30.0 - i) for i in range(10)),
        active_volunteers=86, as_of=date(2026, 11, 30), volunteers_served=41,
        request_limit_days=7,
        previous_month=PeriodFigures(date(2026, 10, 1), date(2026, 10, 31), visits=100,
                                     requests_received=20, requests_closed=10, events=5,
                                     volunteer_hours=250.0),
        year_to_date=PeriodFigures(date(2026, 1, 1), date(2026, 11, 30), visits=1400,
                                   requests_received=210, requests_closed=200, events=48,
                                   volunteer_hours=3100.5),
    )
    return replace(stats, **changes)  # type: ignore[arg-type]


def written(stats: MonthlyStatistics, sign_off: ReportSignOff | None = None) -> bytes:
    out = io.BytesIO()
    write_monthly_report(stats, out, printed_at=PRINTED, sign_off=sign_off)
    return out.getvalue()


def flat_pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_sign_off_block_is_filled_or_left_blank() -> None:
    signed = "".join(flat_pages(written(sample(), ReportSignOff(
        preparer="王书文", reviewer="张晓东", phone="0546-8321234", date_text="2026年12月1日"))))
    for part in ("填报单位（盖章）：东利党员服务社", "填报人：王书文", "审核人：张晓东",
                 "联系电话：0546-8321234", "报送日期：2026年12月1日"):
        assert part in signed
    blank = "".join(flat_pages(written(sample())))
    assert "填报人：____" in blank and "审核人：____" in blank and "联系电话：____" in blank


def test_main_figures_are_compared_with_last_month_and_the_year() -> None:
    text = "".join(flat_pages(written(sample())))
    assert "与上月、本年累计对比" in text
    assert "上月（10月）" in text and "本年累计（1—11月）" in text
    assert "走访（次）123100+23（+23%）1400" in text
    assert "受理诉求（件）1320-7（-35%）210" in text
    assert "志愿服务（小时）312.5250+62.5（+25%）3100.5" in text


def test_comparison_labels_fit_their_column() -> None:
    """"志愿服务（小时）" ran over the first column's rule (34 mm for 33.9 mm of text and
    8 pt of padding)."""
    from stationapp.reports.fonts import cjk_font
    from stationapp.reports.layout import string_width
    from stationapp.reports.monthly_report import COMPARISON_LABELS, COMPARISON_WIDTHS

    font = cjk_font()
    for label in COMPARISON_LABELS:
        assert string_width(label, font, 12) + 2 * 4 <= COMPARISON_WIDTHS[0], label


def test_closing_more_than_received_is_explained() -> None:
    text = "".join(flat_pages(written(sample())))
    assert "本月办结14件多于本月受理13件" in text and "以前月份受理" in text
    fewer = "".join(flat_pages(written(sample(requests_closed=10))))
    assert "以前月份受理" in fewer  # 供暖: 8 closed of 6 received
    assert "供暖办结8件多于受理6件" in fewer
    none = "".join(flat_pages(written(sample(requests_closed=10, requests_by_category=(
        RequestCategoryFigures("供暖", 6, 5, 4), RequestCategoryFigures("水电", 7, 5, 5))))))
    assert "以前月份受理" not in none


def test_chart_labels_are_at_least_12_pt() -> None:
    assert charts.LABEL_SIZE >= 12
    sizes: list[float] = []
    for page in PdfReader(io.BytesIO(written(sample()))).pages:
        page.extract_text(visitor_text=lambda t, cm, tm, font, size: sizes.append(
            size * (tm[3] or 1) * (cm[3] or 1)) if t.strip() else None)
    assert sizes and min(sizes) >= 12 - 0.01


def baselines(page: PageObject) -> list[float]:
    """The heights of a page's text lines."""
    found: list[float] = []
    page.extract_text(visitor_text=lambda t, cm, tm, *_: found.append(cm[5] + tm[5])
                      if t.strip() else None)
    return found


def test_no_page_but_the_last_is_mostly_empty() -> None:
    for count in (3, 10, 25):
        stats = sample(by_community=tuple((f"小区{i}", 10) for i in range(count)))
        pdf = written(stats)
        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages[:-1]:
            body = [y for y in baselines(page) if y > 20 * mm]  # leave the footer aside
            used = (A4[1] - 20 * mm - min(body)) / (A4[1] - 40 * mm)
            assert used > 0.5, (count, reader.pages.index(page), used)


def test_the_sign_off_never_stands_alone_on_the_last_page() -> None:
    """However long the sections before it run, the sign-off shares its page with the end
    of 五、志愿服务 (it stood alone on a page 87 % empty for 12 or more communities)."""
    for count in range(1, 31):
        for top in (0, 1, 5):
            stats = sample(by_community=tuple((f"小区{i}", 10) for i in range(count)),
                           top_volunteers=tuple((f"志愿者{i}", 30.0 - i) for i in range(top)))
            reader = PdfReader(io.BytesIO(written(stats)))
            last = reader.pages[-1]
            flat = re.sub(r"\s+", "", last.extract_text())
            assert "填报单位（盖章）" in flat, (count, top)
            assert "服务时长前" in flat or "本月没有登记志愿服务时长" in flat, (count, top)
            body = [y for y in baselines(last) if y > 20 * mm]
            used = (A4[1] - 20 * mm - min(body)) / (A4[1] - 40 * mm)
            assert used > 0.3, (count, top, used)


def test_statistics_carry_the_comparisons(database: Database) -> None:
    with database.session() as session:
        store_station_settings(session, StationSettings(preparer="王书文"))
        stats = monthly_statistics(session, date(2026, 11, 1), today=date(2026, 12, 1))
    assert stats.previous_month is not None and stats.year_to_date is not None
    assert stats.previous_month.first == date(2026, 10, 1)
    assert (stats.year_to_date.first, stats.year_to_date.last) == (date(2026, 1, 1),
                                                                   date(2026, 11, 30))
