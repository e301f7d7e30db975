"""The event report (活动记录): what happened at an event, for the station's files.

Sections: the event's details; its summary (活动小结, a box to write in when there is
none); what was handed out on the spot; the volunteers and their hours (on the spot +
delivery rounds: the one definition of :mod:`stationapp.services.volunteer_hours`); the
door-to-door deliveries: how many per outcome and what was delivered; the photos (up to 6,
two per row, with captions); every planned delivery with its outcome, note and time; the
sign-off (记录人 · 负责人 · 日期). Pages are numbered "第 x 页 / 共 y 页" over the whole
report, with the time printed.

A heading always stays with its section: a short section moves whole to the next page, a
long table starts where its heading and first rows fit and splits between rows. Addresses,
"宣传材料 × 2" and "10-28 14:11" never break inside (:class:`UnitCell`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    BODY_SIZE,
    CONTENT_WIDTH,
    GRID,
    SHADE,
    SectionStart,
    Styles,
    draw_text,
    format_datetime,
    grid,
    make_styles,
    padding,
    string_width,
    table_style,
    text,
    text_cell,
    wrap_text,
    write_document,
)
from stationapp.services.sheet_data import EventReportData, ReportPhoto

# 序号 · 住址 · 收件人 · 物品 · 志愿者 · 结果 · 说明
_FIXED_COLUMNS = (10 * mm, 57 * mm, 17 * mm, 27 * mm, 17 * mm, 20 * mm)
DELIVERY_COLUMNS = (*_FIXED_COLUMNS, CONTENT_WIDTH - sum(_FIXED_COLUMNS))
# 序号 · 姓名 · 电话 · 现场服务 · 送上门 · 合计
VOLUNTEER_COLUMNS = (12 * mm, 30 * mm, 38 * mm, 32 * mm, 40 * mm, CONTENT_WIDTH - 152 * mm)
KEEP_WITH_TABLE = 45 * mm
"""Room a heading needs below it for the first rows of a long table; less and it starts
on the next page (a heading is never left alone at the foot of a page)."""
PHOTO_HEIGHT = 62 * mm
"""The tallest a photo prints (two per row, three rows on a page)."""
_ASCII_RUN = re.compile(r"[!-~]+|\s|.", re.DOTALL)
SHORT_TABLE = 12
"""Rows of a table short enough to move whole to the next page with its heading."""
TAIL_ROWS = 2
"""Last rows of the delivery list kept on the page of the sign-off below it."""
_TIME_PATTERN = "%m-%d %H:%M"
_ADDRESS_BREAKS = re.compile(r"(?<=[号楼单元室栋座])(?=[^号楼单元室栋座])"
                             r"|(?<=[^\x00-\x7f])(?=[0-9A-Za-z])")
"""Where an address may break: after 号楼, 单元, 室 …, and before the number after a name."""


def _hours(value: float) -> str:
    return f"{value:g}"


def _grid(header: bool = True) -> list[tuple[object, ...]]:
    return grid("TOP", 3, 4, 4, header=header)


class UnitCell(Flowable):
    """A table cell whose text is made of units that never break inside: a line breaks
    only between units ("锦华一区" · "16号楼" · "2单元" · "302室"; "宣传材料 × 2、";
    "10-28 14:11"). A unit wider than the whole column breaks anywhere, as a last resort;
    ``None`` among the units starts a new line.
    """

    def __init__(self, font: str, units: Sequence[str | None], size: float = BODY_SIZE,
                 leading: float = 1.35) -> None:
        super().__init__()
        self.font, self.units, self.size, self.leading = font, tuple(units), size, leading
        self.lines: list[str] = []
        self._wrapped: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Break the units into lines for ``available_width`` (cached)."""
        if available_width != self._wrapped:
            self.lines = unit_lines(self.units, self.font, self.size, available_width)
            self._wrapped = available_width
        self.width = available_width
        self.height = len(self.lines) * self.size * self.leading
        return self.width, self.height

    def draw(self) -> None:
        """Draw the lines from the top down."""
        step = self.size * self.leading
        for number, line in enumerate(self.lines, start=1):
            baseline = self.height - number * step + (step - self.size) / 2 + self.size * 0.12
            draw_text(self.canv, 0, baseline, line, self.font, self.size)


def unit_lines(units: Sequence[str | None], font: str, size: float,
               width: float) -> list[str]:
    """``units`` set into lines no wider than ``width``, breaking only between units."""
    lines: list[str] = []
    line = ""
    for unit in units:
        if unit is None:
            lines.append(line.rstrip())
            line = ""
            continue
        if not line or string_width(line + unit.rstrip(), font, size) <= width:
            line += unit if line else unit.lstrip()
            continue
        lines.append(line.rstrip())
        line = unit.lstrip()
    lines.append(line.rstrip())
    result: list[str] = []
    for one in lines:  # a unit wider than the column: break it anywhere
        if one and string_width(one, font, size) > width:
            result.extend(wrap_text(one, font, size, width))
        else:
            result.append(one)
    return result


def address_units(address: str) -> list[str]:
    """An address in units that stay whole: the community, then each "16号楼", "2单元",
    "302室" (a number with its word)."""
    return [piece for piece in _ADDRESS_BREAKS.split(address) if piece]


def free_units(value: str) -> list[str]:
    """Free text in units: runs of ASCII (a phone number, a word) stay whole, any other
    character is a unit of its own (CJK breaks between any two characters)."""
    return _ASCII_RUN.findall(value)


def items_units(value: str) -> list[str]:
    """"春联 × 2、福字 × 1" in units "春联 × 2、" · "福字 × 1"."""
    pieces = value.split("、")
    return [piece + ("、" if i < len(pieces) - 1 else "") for i, piece in enumerate(pieces)]


def _heading(value: str, styles: Styles) -> Paragraph:
    """A section heading that does not itself force its section onto the next page (the
    caller keeps it with what follows)."""
    style = ParagraphStyle("heading_free", parent=styles.heading, keepWithNext=0)
    return Paragraph(text(value), style)


def _section(title: str, body: list[Flowable], styles: Styles) -> list[Flowable]:
    """A short section: heading and body on one page together."""
    return [KeepTogether([_heading(title, styles), *body])]


def _long_section(title: str, body: list[Flowable], styles: Styles) -> list[Flowable]:
    """A section whose table may run over pages: it starts where there is room for the
    heading and the first rows, and the table splits between rows from there."""
    return [CondPageBreak(KEEP_WITH_TABLE), _heading(title, styles), *body]


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
        ["地点", UnitCell(font, address_units(data.place or "—"))],
        ["组织者", text_cell(font, data.organiser or "—")],
        ["参与人数", text_cell(font, f"{data.participant_count} 人")],
        ["活动内容", Paragraph(text(data.description or "—"), styles.cell)],
    ]
    table = Table(rows, colWidths=(28 * mm, CONTENT_WIDTH - 28 * mm))
    table.setStyle(table_style(font, *_grid(header=False),
                               ("BACKGROUND", (0, 0), (0, -1), SHADE)))
    return table


def _summary(data: EventReportData, styles: Styles) -> list[Flowable]:
    if data.summary.strip():
        body: Flowable = Paragraph(text(data.summary.strip()), styles.cell)
    else:  # room to write one by hand
        body = Spacer(0, 30 * mm)
    box = Table([[body]], colWidths=(CONTENT_WIDTH,))
    box.setStyle(table_style(styles.font, *grid("TOP", 4, 6, 6, header=False)))
    return _section("活动小结", [box], styles)


def _tallies(data: EventReportData, styles: Styles) -> list[Flowable]:
    if not data.tallies:
        return _section("现场发放", [Paragraph("没有登记现场发放的物品。", styles.body)], styles)
    rows: list[list[object]] = [["物品", "数量"]]
    rows += [[text_cell(styles.font, t.item), f"{t.quantity} {t.unit}"] for t in data.tallies]
    table = Table(rows, colWidths=(60 * mm, 40 * mm), hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(styles.font, *_grid()))
    return _section("现场发放", [table], styles)


def _volunteers(data: EventReportData, styles: Styles) -> list[Flowable]:
    title = "志愿者与服务时长"
    if not data.volunteers:
        return _section(title, [Paragraph("没有登记志愿者。", styles.body)], styles)
    font = styles.font
    rows: list[list[object]] = [["序号", "姓名", "电话", "现场服务", "送上门", "合计（小时）"]]
    for number, v in enumerate(data.volunteers, start=1):
        on_site = _hours(v.on_site) if v.served else "—"
        rounds = (f"{_hours(v.delivery_hours)}（{v.households} 户）" if v.households
                  else _hours(v.delivery_hours) if v.delivery_hours else "—")
        rows.append([str(number), text_cell(font, v.name), v.phone, on_site, rounds,
                     _hours(v.hours)])
    on_site_total = round(sum(v.on_site for v in data.volunteers), 2)
    rounds_total = round(sum(v.delivery_hours for v in data.volunteers), 2)
    rows.append(["", f"合计 {len(data.volunteers)} 人", "", _hours(on_site_total),
                 _hours(rounds_total), _hours(data.total_hours)])
    table = Table(rows, colWidths=VOLUNTEER_COLUMNS, hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(font, *_grid(),
                               ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                               ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    note = Paragraph(text("服务时长 = 现场服务 + 送上门配送（按配送轮次登记），"
                          "与志愿服务证明和工作月报的口径一致。"), styles.cell)
    body: list[Flowable] = [table, Spacer(0, 1.5 * mm), note]
    if len(data.volunteers) <= SHORT_TABLE:  # no lone total row atop the next page
        return _section(title, body, styles)
    return _long_section(title, body, styles)


def _delivery_summary(data: EventReportData, styles: Styles) -> list[Flowable]:
    title = "送上门配送结果"
    if not data.deliveries:
        return _section(title, [Paragraph("这次活动没有安排送上门。", styles.body)], styles)
    planned = f"共安排 {data.households_planned} 户、{len(data.deliveries)} 项配送"
    rows: list[list[object]] = [["结果", "项数"]]
    rows += [[outcome.label, str(count)] for outcome, count in data.outcome_counts]
    rows.append(["合计", str(len(data.deliveries))])
    counts = Table(rows, colWidths=(40 * mm, 30 * mm), hAlign="LEFT")
    counts.setStyle(table_style(styles.font, *_grid(),
                                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    delivered = "、".join(f"{t.item} {t.quantity} {t.unit}" for t in data.delivered) or "无"
    return _section(title, [
        Paragraph(text(f"{planned}（每户每种物品为一项）。"), styles.body), Spacer(0, 2 * mm),
        counts, Spacer(0, 2 * mm), Paragraph(text(f"已送达物品：{delivered}"), styles.body),
    ], styles)


def _delivery_rows(data: EventReportData, font: str) -> list[list[object]]:
    """The header and one row per planned delivery."""
    rows: list[list[object]] = [["序号", "住址", "收件人", "物品", "志愿者", "结果", "说明"]]
    for number, d in enumerate(data.deliveries, start=1):
        remarks: list[str | None] = []
        if d.outcome_at is not None:
            remarks.append(f"{d.outcome_at:{_TIME_PATTERN}}")
        if d.attempt > 1:
            remarks += ["；" if remarks else "", f"第 {d.attempt} 次"]
        if d.note:
            remarks += [None, *free_units(d.note)] if remarks else free_units(d.note)
        rows.append([
            str(number), UnitCell(font, address_units(d.address)),
            text_cell(font, d.recipient), UnitCell(font, items_units(d.items)),
            text_cell(font, d.volunteer), d.outcome.label, UnitCell(font, remarks),
        ])
    return rows


def _list_table(rows: list[list[object]], font: str, header: bool) -> Table:
    table = Table(rows, colWidths=DELIVERY_COLUMNS, repeatRows=1 if header else 0)
    table.setStyle(table_style(font, *_grid(header=header),
                               ("ALIGN", (0, 0), (0, -1), "CENTER")))
    return table


def _photo(photo: ReportPhoto, styles: Styles, width: float) -> list[Flowable]:
    caption = Paragraph(text(photo.caption or " "), styles.cell_center)
    try:
        pixels_wide, pixels_high = photo.width, photo.height
        if pixels_wide <= 0 or pixels_high <= 0:
            pixels_wide, pixels_high = ImageReader(io.BytesIO(photo.data)).getSize()
    except OSError:  # bytes that are no image (never stored by the program): say so
        missing = Table([["（照片无法读取）"]], colWidths=(width,), rowHeights=(PHOTO_HEIGHT / 2,))
        missing.setStyle(table_style(styles.font, ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                                     ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
        return [missing, caption]
    scale = min(width / pixels_wide, PHOTO_HEIGHT / pixels_high)
    image = Image(io.BytesIO(photo.data), width=pixels_wide * scale,
                  height=pixels_high * scale)
    return [image, Spacer(0, 1 * mm), caption]


def _photos(data: EventReportData, styles: Styles) -> list[Flowable]:
    if not data.photos:
        return []
    cell_width = CONTENT_WIDTH / 2 - 6 * mm
    cells: list[object] = [_photo(p, styles, cell_width) for p in data.photos]
    rows: list[list[object]] = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append("")
    table = Table(rows, colWidths=(CONTENT_WIDTH / 2, CONTENT_WIDTH / 2))
    table.setStyle(table_style(styles.font, ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *padding(2 * mm, 4 * mm)))
    return [CondPageBreak(PHOTO_HEIGHT + 25 * mm),
            _heading(f"活动照片（{len(data.photos)} 张）", styles), table]


def _sign_off_line(data: EventReportData, styles: Styles) -> list[Flowable]:
    def who(name: str) -> str:
        return name.strip() or "________________"

    line = (f"记录人：{who(data.preparer)}　　负责人：{who(data.responsible_person)}"
            "　　日期：________________")
    return [Spacer(0, 8 * mm), Paragraph(text(line), styles.body)]


def _list_and_sign_off(data: EventReportData, styles: Styles) -> list[Flowable]:
    """The delivery list (if any) and the sign-off; the list's last rows stay with the
    sign-off, so it never stands alone on a page of its own."""
    sign_off = _sign_off_line(data, styles)
    if not data.deliveries:
        return [KeepTogether(sign_off)]
    rows = _delivery_rows(data, styles.font)
    head, tail = rows[:-TAIL_ROWS], rows[-TAIL_ROWS:]
    if len(head) <= 1:  # a short list: it moves with the sign-off as one
        return _section("配送明细", [_list_table(rows, styles.font, True), *sign_off], styles)
    return [*_long_section("配送明细", [_list_table(head, styles.font, True)], styles),
            KeepTogether([_list_table(tail, styles.font, False), *sign_off])]


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
        *_summary(data, styles),
        *_tallies(data, styles),
        *_volunteers(data, styles),
        *_delivery_summary(data, styles),
        *_photos(data, styles),
        *_list_and_sign_off(data, styles),
    ]

    header = (f"{data.station_name} · 活动记录",
              f"{data.title} · {format_datetime(data.starts_at)}")
    return write_document(target, font, story, title=f"{data.title} 活动记录",
                          author=data.station_name, running_header=lambda _section: header,
                          printed_at=printed_at)
