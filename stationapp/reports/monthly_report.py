"""The monthly report (工作月报): the figures of the 统计 page as a PDF with charts.

Sections: the key figures; 一、住户概况 (households by care category with a bar chart, by
community and by tier); 二、走访情况 (visits by method, this month's coverage against the
100 % target, overdue visits); 三、诉求办理 (received, closed, open, overdue, average days
to close, satisfaction of the call-backs as a pie, figures by category); 四、活动与配送;
五、志愿服务 (hours and the volunteers who served most). Under 二、走访情况, the seasonal
periods (季节性走访) in force in the month: name, dates, categories, due within N days,
households due and visited in time. Under the key figures, the main
figures beside the previous month's and the year's so far; at the end the sign-off block
(填报单位（盖章）, 填报人, 审核人, 联系电话, 报送日期). A4, the CJK font embedded, pages
numbered "第 x 页 / 共 y 页", a heading never left at the foot of a page without what follows
it. No ID numbers, names only of volunteers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from stationapp.domain.care_vocab import Satisfaction
from stationapp.domain.numbers import format_percent
from stationapp.domain.vocab import CareCategory, DeliveryOutcome
from stationapp.reports.charts import gauge, horizontal_bars, pie, vertical_bars
from stationapp.reports.font_chain import chain_for
from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    CONTENT_WIDTH,
    SHADE,
    Run,
    SectionStart,
    Styles,
    TextBlock,
    format_date,
    grid,
    make_styles,
    padding,
    table_style,
    text,
    text_cell,
    write_document,
)
from stationapp.services.seasonal import PeriodTally
from stationapp.services.statistics import MonthlyStatistics, PeriodFigures

GAP = 6 * mm
"""Space between two things set side by side."""
SIDE_BY_SIDE_ROWS = 15
"""Up to this many communities, the community and tier tables share a row."""
SECTION_ROOM = 60 * mm
"""A section heading starts a new page when less than this is left below it."""


@dataclass(frozen=True)
class ReportSignOff:
    """The sign-off block: 填报人, 审核人, 联系电话 and 报送日期 ("" → a line to write on)."""

    preparer: str = ""
    reviewer: str = ""
    phone: str = ""
    date_text: str = ""


def _blank(value: str, width: int = 10) -> str:
    return value or "_" * width


def month_title(month: date) -> str:
    """2026年11月 工作月报."""
    return f"{month.year}年{month.month}月 工作月报"


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _share(count: int, total: int) -> str:
    return format_percent(100 * count / total) if total else "—"


def _grid(header_column: bool = False) -> list[tuple[object, ...]]:
    commands = [*grid("MIDDLE", 2, 4, 4), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER")]
    if header_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    return commands


def _printable(rows: list[list[object]], font: str) -> list[list[object]]:
    """``rows`` with each text the main font cannot set whole (a name such as 陈𠮷) as a
    cell set in the font chain: a plain string cell is drawn in one font, blanks and all."""
    chain = chain_for(font)
    return [[text_cell(font, cell) if isinstance(cell, str) and not chain.covers(cell)
             else cell for cell in row] for row in rows]


def _table(rows: list[list[object]], widths: Sequence[float], font: str, *,
           total_row: bool = False, header_column: bool = False) -> Table:
    table = Table(_printable(rows, font), colWidths=tuple(widths), hAlign="LEFT", repeatRows=1)
    commands = _grid(header_column=header_column)
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
    table.setStyle(table_style(font, *commands))
    return table


def _across(header: str, pairs: Sequence[tuple[str, int]], font: str,
            total: str | None = "合计") -> Table:
    """A two-row table: labels across the top, counts below (for a few short labels)."""
    labels = [label for label, _ in pairs]
    counts = [str(n) for _, n in pairs]
    if total is not None:
        labels.append(total)
        counts.append(str(sum(n for _, n in pairs)))
    first = 30 * mm
    rest = (CONTENT_WIDTH - first) / len(labels)
    table = Table(_printable([[header, *labels], ["数量", *counts]], font),
                  colWidths=(first, *([rest] * len(labels))), hAlign="LEFT")
    table.setStyle(table_style(font, *_grid(header_column=True),
                               ("ALIGN", (1, 0), (-1, -1), "CENTER")))
    return table


def _pair(left: Flowable, left_width: float, right: Flowable, font: str) -> Table:
    """``left`` (``left_width`` wide) and ``right`` in one row, tops aligned."""
    outer = Table([[left, right]],
                  colWidths=(left_width + GAP, CONTENT_WIDTH - left_width - GAP), hAlign="LEFT")
    outer.setStyle(table_style(font, ("VALIGN", (0, 0), (-1, -1), "TOP"), *padding(0, 0, 0, 0)))
    return outer


def _tile(font: str, figure: str, label: str) -> TextBlock:
    return TextBlock(font, [Run(figure, size=20), Run(label)], leading=1.3, align="center")


def _key_figures(stats: MonthlyStatistics, font: str) -> Table:
    ratio = stats.coverage.ratio
    tiles = [
        _tile(font, f"{stats.households_total}", "在册住户（户）"),
        _tile(font, f"{stats.visits_in_month}", "本月走访（次）"),
        _tile(font, "—" if ratio is None else format_percent(100 * ratio), "走访覆盖率"),
        _tile(font, f"{stats.overdue_visits}", "逾期未访（户）"),
        _tile(font, f"{stats.requests_received}", "本月受理诉求（件）"),
        _tile(font, f"{stats.requests_closed}", "本月办结（件）"),
        _tile(font, f"{stats.events_in_month}", "本月活动（场）"),
        _tile(font, _hours(stats.volunteer_hours), "志愿服务（小时）"),
    ]
    table = Table([tiles[:4], tiles[4:]], colWidths=(CONTENT_WIDTH / 4,) * 4)
    table.setStyle(table_style(font, *grid("MIDDLE", 4, 6, header=False)))
    return table


def _heading(title: str, styles: Styles) -> list[Flowable]:
    """A section heading, on a new page when too little room is left for what follows."""
    return [CondPageBreak(SECTION_ROOM), Paragraph(title, styles.heading)]


def _change(now: float, before: float) -> str:
    """"+3（+12.5 %）", "-2（-40 %）", "持平", or the plain difference when before is 0."""
    difference = round(now - before, 2)
    if not difference:
        return "持平"
    shown = _hours(abs(difference))
    sign = "+" if difference > 0 else "-"
    if not before:
        return f"{sign}{shown}"
    return f"{sign}{shown}（{sign}{format_percent(100 * abs(difference / before))}）"


COMPARISON_LABELS = ("走访（次）", "受理诉求（件）", "办结诉求（件）", "开展活动（场）",
                     "志愿服务（小时）")
COMPARISON_WIDTHS = (40 * mm, 26 * mm, 34 * mm, 38 * mm)
"""The first four columns of 与上月、本年累计对比 (the fifth takes the rest): the first
holds "志愿服务（小时）" at 12 pt with its 4 pt paddings."""


def _comparison(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    """The main figures of the month beside the previous month and the year to date."""
    previous, year = stats.previous_month, stats.year_to_date
    if previous is None or year is None:
        return []
    font = styles.font
    this_month = (stats.visits_in_month, stats.requests_received, stats.requests_closed,
                  stats.events_in_month, stats.volunteer_hours)
    labels = COMPARISON_LABELS

    def figures(period: PeriodFigures) -> tuple[float, ...]:
        return (period.visits, period.requests_received, period.requests_closed,
                period.events, period.volunteer_hours)

    span = (f"{year.first.month}月" if year.first.month == year.last.month
            else f"{year.first.month}—{year.last.month}月")
    rows: list[list[object]] = [["主要指标", "本月", f"上月（{previous.first.month}月）",
                                 "比上月增减", f"本年累计（{span}）"]]
    for label, now, before, total in zip(labels, this_month, figures(previous),
                                         figures(year), strict=True):
        rows.append([label, _hours(now), _hours(before), _change(now, before),
                     _hours(total)])
    widths = COMPARISON_WIDTHS
    table = _table(rows, (*widths, CONTENT_WIDTH - sum(widths)), font)
    return [KeepTogether([
        Paragraph("与上月、本年累计对比", styles.heading),
        table,
    ])]


def _sign_off(stats: MonthlyStatistics, sign_off: ReportSignOff, styles: Styles
              ) -> list[Flowable]:
    """填报单位（盖章） … 报送日期, with room for the seal."""
    font = styles.font
    half = CONTENT_WIDTH / 2
    rows: list[list[object]] = [
        [text_cell(font, f"填报单位（盖章）：{stats.station}"),
         text_cell(font, f"报送日期：{_blank(sign_off.date_text, 14)}")],
        [text_cell(font, f"填报人：{_blank(sign_off.preparer)}"),
         text_cell(font, f"审核人：{_blank(sign_off.reviewer)}")],
        [text_cell(font, f"联系电话：{_blank(sign_off.phone, 14)}"), ""],
    ]
    table = Table(rows, colWidths=(half, half), hAlign="LEFT")
    table.setStyle(table_style(font, *padding(4, 6, 0, 0), ("VALIGN", (0, 0), (-1, -1), "TOP")))
    # The seal goes over 填报单位 and the lines under it; no room is kept below the block,
    # so it is not pushed onto a page of its own for want of empty paper after it.
    return [Spacer(0, 12 * mm), table]  # kept together by the caller (not nested)


# ---------------------------------------------------------------- sections


def _households(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    font = styles.font
    total = stats.households_total
    story: list[Flowable] = [
        *_heading("一、住户概况", styles),
        Paragraph(text(
            f"截至{format_date(stats.as_of or stats.generated_on)}，在册住户 {total} 户，"
            f"分布在 {len(stats.by_community)} 个小区。一户可兼有几个关爱类别，"
            "按类别统计时分别计入。"), styles.body),
        Spacer(0, 2 * mm),
    ]
    widths = (34 * mm, 20 * mm, 20 * mm)
    rows: list[list[object]] = [["关爱类别", "户数", "占比"]]
    rows += [[label, str(n), _share(n, total)] for label, n in stats.by_category]
    categories = _table(rows, widths, font)
    chart = horizontal_bars(stats.by_category, font, CONTENT_WIDTH - sum(widths) - GAP,
                            bar_height=6.4 * mm)
    story.append(_pair(categories, sum(widths), chart, font))
    story.append(Spacer(0, 4 * mm))

    community_widths = (50 * mm, 22 * mm, 22 * mm)
    rows = [["小区", "户数", "占比"]]
    rows += [[name, str(n), _share(n, total)] for name, n in stats.by_community]
    rows.append(["合计", str(total), _share(total, total)])
    communities = _table(rows, community_widths, font, total_row=True)
    tier_rows: list[list[object]] = [["关爱等级", "户数", "占比"]]
    tier_rows += [[label, str(n), _share(n, total)] for label, n in stats.by_tier]
    tiers = _table(tier_rows, (28 * mm, 22 * mm, 22 * mm), font)
    if len(stats.by_community) <= SIDE_BY_SIDE_ROWS:
        story.append(_pair(communities, sum(community_widths), tiers, font))
    else:
        story += [tiers, Spacer(0, 3 * mm), _communities_in_columns(stats, font)]
    return story


def _communities_in_columns(stats: MonthlyStatistics, font: str) -> Table:
    """Many communities: three (小区, 户数, 占比) column groups side by side, read down."""
    groups = 3
    total = stats.households_total
    pairs = list(stats.by_community)
    per_column = -(-len(pairs) // groups)
    rows: list[list[object]] = [["小区", "户数", "占比"] * groups]
    for r in range(per_column):
        row: list[object] = []
        for g in range(groups):
            index = g * per_column + r
            if index < len(pairs):
                name, n = pairs[index]
                row += [text_cell(font, name), str(n), _share(n, total)]
            else:
                row += ["", "", ""]
        rows.append(row)
    last: list[object] = ["合计", str(total), _share(total, total)]
    rows.append(last + ["", "", ""] * (groups - 1))
    group = CONTENT_WIDTH / groups
    widths = (group - 34 * mm, 18 * mm, 16 * mm) * groups
    table = _table(rows, widths, font, total_row=True)
    table.setStyle(table_style(font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
    return table


def _visits(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    font = styles.font
    coverage = stats.coverage
    as_of = format_date(stats.as_of or stats.generated_on)
    if coverage.ratio is None:
        covered = "本月没有应走访的住户，覆盖率不计。"
    else:
        covered = (f"本月应走访 {coverage.due} 户，已走访 {coverage.visited} 户，"
                   f"覆盖率 {format_percent(100 * coverage.ratio)}"
                   f"（目标 {format_percent(100 * coverage.target)}）。")
    return [
        *_heading("二、走访情况", styles),
        Paragraph(text(f"本月走访 {stats.visits_in_month} 次，按方式："), styles.body),
        Spacer(0, 1.5 * mm),
        _across("走访方式", stats.visits_by_method, font),
        Spacer(0, 3 * mm),
        KeepTogether([
            Paragraph(text(covered), styles.body),
            gauge(coverage.ratio, font, CONTENT_WIDTH, coverage.target,
                  empty_text="本月无应访住户"),
        ]),
        Spacer(0, 2 * mm),
        Paragraph(text(f"截至{as_of}，逾期未走访的住户 {stats.overdue_visits} 户"
                       + ("，请尽快安排走访。" if stats.overdue_visits else "。")), styles.body),
        *_seasonal(stats, styles),
    ]


def _day(value: date, year: int) -> str:
    """11月28日, with the year when it is not ``year``."""
    return f"{value.month}月{value.day}日" if value.year == year else format_date(value)


def _seasonal(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    """The seasonal periods in force in the month, with their households due and seen."""
    tallies = stats.seasonal_periods
    if not tallies:
        return []
    font = styles.font
    year = stats.month.year
    rows: list[list[object]] = [["名称", "起止日期", "关爱类别", "走访期限", "应访户数",
                                 "按期走访户数"]]
    for tally in tallies:
        rows.append(_seasonal_row(tally, year, font))
    widths = (20 * mm, 46 * mm, 30 * mm, 36 * mm, 20 * mm)
    table = _table(rows, (*widths, CONTENT_WIDTH - sum(widths)), font)
    table.setStyle(table_style(font, ("ALIGN", (0, 1), (3, -1), "LEFT")))
    return [KeepTogether([
        Spacer(0, 3 * mm),
        Paragraph(text(
            f"本月有季节性走访 {len(tallies)} 项：期间所列类别的住户须自开始之日起在期限内"
            "走访一次。本月应走访户数、覆盖率和逾期未访已计入这些住户，开始前的走访不算覆盖。"
            "按期走访指开始之日至期限之日有走访记录的户数。"), styles.body),
        Spacer(0, 1.5 * mm),
        table,
    ])]


def _seasonal_row(tally: PeriodTally, year: int, font: str) -> list[object]:
    period = tally.period
    end = "至今" if period.ends_on is None else _day(period.ends_on, year)
    categories = "、".join(c.label for c in CareCategory if c in period.categories)
    visited = f"{tally.visited_in_time}（{_share(tally.visited_in_time, tally.due)}）"
    if not tally.settled:
        visited += "，期限未到"
    return [text_cell(font, period.name),
            text_cell(font, f"{_day(period.starts_on, year)}—{end}"),
            text_cell(font, categories),
            text_cell(font, f"{period.due_days} 天内（{_day(period.due_by, year)}前）"),
            str(tally.due), text_cell(font, visited)]


def _satisfaction_rate(stats: MonthlyStatistics) -> str:
    counts = dict(stats.satisfaction)
    total = stats.satisfaction_total
    pleased = counts.get(Satisfaction.SATISFIED.label, 0) + counts.get(
        Satisfaction.BASICALLY.label, 0)
    return _share(pleased, total)


def _requests(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    font = styles.font
    average = ("—" if stats.average_days_to_close is None
               else f"{stats.average_days_to_close:.1f}")
    header = ["本月受理", "本月办结", "未办结", "其中超期", "平均办结天数"]
    values = [str(stats.requests_received), str(stats.requests_closed),
              str(stats.requests_open), str(stats.requests_overdue), average]
    figures = Table([header, values], colWidths=(CONTENT_WIDTH / 5,) * 5, hAlign="LEFT")
    figures.setStyle(table_style(font, *_grid(), ("ALIGN", (0, 0), (-1, -1), "CENTER")))
    as_of = format_date(stats.as_of or stats.generated_on)
    limit = (f"受理后超过 {stats.request_limit_days} 天" if stats.request_limit_days
             else "超过办结时限")
    story: list[Flowable] = [
        *_heading("三、诉求办理", styles),
        figures,
        Spacer(0, 1.5 * mm),
        Paragraph(text(f"未办结、超期为截至{as_of}的件数，超期指{limit}仍未办结；"
                       "平均办结天数按本月办结的诉求计算。"), styles.body),
    ]
    more = [f"{c.category}办结 {c.closed} 件多于受理 {c.received} 件"
            for c in stats.requests_by_category if c.closed > c.received]
    if stats.requests_closed > stats.requests_received:
        more.insert(0, f"本月办结 {stats.requests_closed} 件多于本月受理 "
                       f"{stats.requests_received} 件")
    if more:  # in all or in some category: closures of requests received earlier
        story.append(Paragraph(text(
            f"注：{'，'.join(more)}，因为办结数含以前月份受理、本月办结的诉求。"), styles.body))
    story.append(Spacer(0, 3 * mm))
    widths = (30 * mm, 17 * mm, 17 * mm, 19 * mm)
    rows: list[list[object]] = [["类别", "受理", "办结", "未办结"]]
    rows += [[c.category, str(c.received), str(c.closed), str(c.open)]
             for c in stats.requests_by_category]
    rows.append(["合计", str(sum(c.received for c in stats.requests_by_category)),
                 str(sum(c.closed for c in stats.requests_by_category)),
                 str(sum(c.open for c in stats.requests_by_category))])
    by_category = _table(rows, widths, font, total_row=True)
    total = stats.satisfaction_total
    right: list[Flowable] = [Paragraph("回访满意度", styles.body)]
    if total:
        right += [
            pie(stats.satisfaction, font, CONTENT_WIDTH - sum(widths) - GAP, unit="件"),
            Paragraph(text(f"本月回访 {total} 件，满意率（满意与基本满意）"
                           f"{_satisfaction_rate(stats)}。"), styles.body),
        ]
    else:
        right.append(Paragraph("本月没有回访记录。", styles.body))
    story.append(_pair(by_category, sum(widths), _stack(right, font), font))
    return story


def _stack(flowables: list[Flowable], font: str) -> Table:
    """Flowables one below the other, as one cell."""
    table = Table([[f] for f in flowables], hAlign="LEFT")
    table.setStyle(table_style(font, *padding(0, 2, 0, 0)))
    return table


def _events(stats: MonthlyStatistics, styles: Styles) -> list[Flowable]:
    font = styles.font
    planned = stats.deliveries_total
    delivered = dict(stats.deliveries_by_outcome).get(DeliveryOutcome.DELIVERED.label, 0)
    if planned:
        summary = (f"本月开展活动 {stats.events_in_month} 场；这些活动安排送上门 {planned} 项，"
                   f"已送达 {delivered} 项（{_share(delivered, planned)}）。")
    else:
        summary = f"本月开展活动 {stats.events_in_month} 场，没有安排送上门。"
    widths = (36 * mm, 18 * mm)
    rows: list[list[object]] = [["活动类型", "场次"]]
    rows += [[label, str(n)] for label, n in stats.events_by_type]
    rows.append(["合计", str(stats.events_in_month)])
    by_type = _table(rows, widths, font, total_row=True)
    right: list[Flowable] = [Paragraph("送上门配送结果（项）", styles.body)]
    if planned:
        right.append(vertical_bars(stats.deliveries_by_outcome, font,
                                   CONTENT_WIDTH - sum(widths) - GAP))
    else:
        right.append(Paragraph("—", styles.body))
    return [
        *_heading("四、活动与配送", styles),
        Paragraph(text(summary), styles.body),
        Spacer(0, 2 * mm),
        _pair(by_type, sum(widths), _stack(right, font), font),
    ]


def _volunteers(stats: MonthlyStatistics, styles: Styles, closing: list[Flowable]
                ) -> list[Flowable]:
    """五、志愿服务; ``closing`` (the sign-off) is kept on a page with its last part, so
    the sign-off never stands alone on an otherwise empty last page."""
    font = styles.font
    story: list[Flowable] = [
        *_heading("五、志愿服务", styles),
        Paragraph(text(
            f"本月志愿服务共 {_hours(stats.volunteer_hours)} 小时（活动与送上门），"
            f"参与服务 {stats.volunteers_served} 人；在册志愿者 {stats.active_volunteers} 人。"),
            styles.body),
        Spacer(0, 2 * mm),
    ]
    if not stats.top_volunteers:
        return [*story, KeepTogether([Paragraph("本月没有登记志愿服务时长。", styles.body),
                                      *closing])]
    widths = (14 * mm, 30 * mm, 30 * mm)
    rows: list[list[object]] = [["名次", "姓名", "时长（小时）"]]
    rows += [[str(i), name, _hours(h)] for i, (name, h) in enumerate(stats.top_volunteers, 1)]
    top = _table(rows, widths, font)
    top.setStyle(table_style(font, ("ALIGN", (0, 1), (1, -1), "LEFT")))
    chart = horizontal_bars(stats.top_volunteers, font, CONTENT_WIDTH - sum(widths) - GAP,
                            value_format=_hours, bar_height=6.6 * mm)
    ranking = [Paragraph(f"服务时长前 {len(stats.top_volunteers)} 名", styles.body),
               Spacer(0, 1 * mm), _pair(top, sum(widths), chart, font)]
    # One KeepTogether, not nested: a nested one measures as 0xffffff and always breaks.
    return [*story, KeepTogether([*ranking, *closing])]


def write_monthly_report(
    stats: MonthlyStatistics, path: Path | str | BinaryIO, printed_at: datetime,
    sign_off: ReportSignOff | None = None,
) -> int:
    """Write the monthly report of ``stats`` as a PDF printed at ``printed_at`` (the desk's
    time, in the footer), its sign-off block filled from ``sign_off`` (lines to write on
    when None); returns the number of pages.

    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    title = month_title(stats.month)
    last = stats.as_of or stats.generated_on
    story: list[Flowable] = [
        SectionStart(0),
        Paragraph(text(stats.station), styles.title),
        Paragraph(text(title), styles.title),
        Paragraph(text(f"统计月份 {stats.month.year}年{stats.month.month}月 · "
                       f"数据截至 {format_date(last)}"), styles.cell_center),
        Spacer(0, 4 * mm),
        _key_figures(stats, font),
        *_comparison(stats, styles),
        *_households(stats, styles),
        *_visits(stats, styles),
        *_requests(stats, styles),
        *_events(stats, styles),
        *_volunteers(stats, styles, _sign_off(stats, sign_off or ReportSignOff(), styles)),
    ]

    header = (f"{stats.station} · {title}", f"数据截至 {format_date(last)}")
    return write_document(path, font, story, title=f"{stats.station} {title}",
                          author=stats.station, running_header=lambda _section: header,
                          printed_at=printed_at)
