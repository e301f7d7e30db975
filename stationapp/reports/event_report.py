"""The event report (活动记录): what happened at an event, for the station's files.

Sections: the event's details; what was handed out on the spot; the volunteers and their
hours; the door-to-door deliveries: how many per outcome, what was delivered, and every
planned delivery with its outcome, note and time. Pages are numbered "第 x 页 / 共 y 页"
over the whole report, with the time printed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    CONTENT_WIDTH,
    SHADE,
    SectionStart,
    Styles,
    format_datetime,
    grid,
    make_styles,
    table_style,
    text,
    text_cell,
    write_document,
)
from stationapp.services.sheet_data import EventReportData

# 序号 · 住址 · 收件人 · 物品 · 志愿者 · 结果 · 说明
_FIXED_COLUMNS = (11 * mm, 55 * mm, 22 * mm, 24 * mm, 20 * mm, 19 * mm)
DELIVERY_COLUMNS = (*_FIXED_COLUMNS, CONTENT_WIDTH - sum(_FIXED_COLUMNS))


def _hours(value: float) -> str:
    return f"{value:g}"


def _grid(header: bool = True) -> list[tuple[object, ...]]:
    return grid("TOP", 3, 4, 4, header=header)


def _details(data: EventReportData, styles: Styles) -> Table:
    font = styles.font
    when = format_datetime(data.starts_at)
    if data.ends_at is not None:
        same_day = data.ends_at.date() == data.starts_at.date()
        when += f" 至 {data.ends_at:%H:%M}" if same_day else f" 至 {format_datetime(data.ends_at)}"
    rows: list[list[object]] = [
        ["活动类型", text_cell(font, data.event_type)],
        ["活动名称", text_cell(font, data.title)],
        ["时间", text_cell(font, when)],
        ["地点", text_cell(font, data.place or "—")],
        ["组织者", text_cell(font, data.organiser or "—")],
        ["参与人数", text_cell(font, f"{data.participant_count} 人")],
        ["活动内容", Paragraph(text(data.description or "—"), styles.cell)],
    ]
    table = Table(rows, colWidths=(28 * mm, CONTENT_WIDTH - 28 * mm))
    table.setStyle(table_style(font, *_grid(header=False),
                               ("BACKGROUND", (0, 0), (0, -1), SHADE)))
    return table


def _tallies(data: EventReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("现场发放", styles.heading)]
    if not data.tallies:
        return [*story, Paragraph("没有登记现场发放的物品。", styles.body)]
    rows: list[list[object]] = [["物品", "数量"]]
    rows += [[t.item, f"{t.quantity} {t.unit}"] for t in data.tallies]
    table = Table(rows, colWidths=(60 * mm, 40 * mm), hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(styles.font, *_grid()))
    return [*story, table]


def _volunteers(data: EventReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("志愿者与服务时长", styles.heading)]
    if not data.volunteers:
        return [*story, Paragraph("没有登记志愿者。", styles.body)]
    rows: list[list[object]] = [["序号", "姓名", "电话", "服务时长（小时）"]]
    rows += [[str(i), v.name, v.phone, _hours(v.hours)]
             for i, v in enumerate(data.volunteers, start=1)]
    rows.append(["", f"合计 {len(data.volunteers)} 人", "", _hours(data.total_hours)])
    table = Table(rows, colWidths=(14 * mm, 50 * mm, 50 * mm, 40 * mm), hAlign="LEFT",
                  repeatRows=1)
    table.setStyle(table_style(styles.font, *_grid(),
                               ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                               ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    return [*story, table]


def _delivery_summary(data: EventReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("送上门配送结果", styles.heading)]
    if not data.deliveries:
        return [*story, Paragraph("这次活动没有安排送上门。", styles.body)]
    planned = f"共安排 {data.households_planned} 户、{len(data.deliveries)} 项配送"
    story.append(Paragraph(text(f"{planned}（每户每种物品为一项）。"), styles.body))
    rows: list[list[object]] = [["结果", "项数"]]
    rows += [[outcome.label, str(count)] for outcome, count in data.outcome_counts]
    rows.append(["合计", str(len(data.deliveries))])
    counts = Table(rows, colWidths=(40 * mm, 30 * mm), hAlign="LEFT")
    counts.setStyle(table_style(styles.font, *_grid(),
                                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    delivered = "、".join(f"{t.item} {t.quantity} {t.unit}" for t in data.delivered) or "无"
    return [*story, Spacer(0, 2 * mm), KeepTogether([counts]), Spacer(0, 2 * mm),
            Paragraph(text(f"已送达物品：{delivered}"), styles.body)]


def _delivery_list(data: EventReportData, styles: Styles) -> list[Flowable]:
    if not data.deliveries:
        return []
    font = styles.font
    rows: list[list[object]] = [["序号", "住址", "收件人", "物品", "志愿者", "结果", "说明"]]
    for number, d in enumerate(data.deliveries, start=1):
        remarks = [d.note] if d.note else []
        if d.outcome_at is not None:
            remarks.append(f"{d.outcome_at:%m-%d %H:%M}")
        if d.attempt > 1:
            remarks.append(f"第 {d.attempt} 次")
        rows.append([
            str(number), text_cell(font, d.address), text_cell(font, d.recipient),
            text_cell(font, d.items), text_cell(font, d.volunteer), d.outcome.label,
            text_cell(font, "；".join(remarks)),
        ])
    table = Table(rows, colWidths=DELIVERY_COLUMNS, repeatRows=1)
    table.setStyle(table_style(font, *_grid(), ("ALIGN", (0, 0), (0, -1), "CENTER")))
    return [Paragraph("配送明细", styles.heading), table]


def render_event_report(
    data: EventReportData, target: Path | BinaryIO, printed_at: datetime
) -> int:
    """Write the event report of ``data`` as a PDF printed at ``printed_at`` (the desk's
    time, in the footer); returns the number of pages.

    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    story: list[Flowable] = [
        SectionStart(0),
        Paragraph(text(f"{data.station_name} · 活动记录"), styles.title),
        Paragraph(text(data.title), styles.heading),
        _details(data, styles),
        *_tallies(data, styles),
        *_volunteers(data, styles),
        *_delivery_summary(data, styles),
        *_delivery_list(data, styles),
    ]

    header = (f"{data.station_name} · 活动记录",
              f"{data.title} · {format_datetime(data.starts_at)}")
    return write_document(target, font, story, title=f"{data.title} 活动记录",
                          author=data.station_name, running_header=lambda _section: header,
                          printed_at=printed_at)
