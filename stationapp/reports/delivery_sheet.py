"""The delivery sheet (配送单): the A4 pages a volunteer carries from door to door.

A volunteer's stops are a walking route: one sheet per community
("第 k/n 张 · 东旭小区 · 序号 6–8"), doors in order building → unit → floor → room,
each with the one number the deliveries panel shows too (continuous across the
volunteer's sheets). Each sheet starts on a new page with a header (station, event and
date, volunteer and phone, the station's phone, how many doors; on a redelivery the new
date), then per stop two ruled rows: number, address with recipient and phone and door
notes (and why the last visit failed), items × quantity, one box to tick for every
outcome the program counts (已送达 / 不在家 / 拒收 / 地址有误) and a box for the
recipient's signature; under it a 备注 space for what the neighbour said and a 代签
space (who signed for the resident, and their relation). The table header repeats on
every page; each page names the event and the volunteer, says "内部资料 注意保密 用后交回",
and its footer says "第 x 页 / 共 y 页" counted within that sheet, and when it was
printed. The sheet ends with the totals per item to take along and a line for the
volunteer's signature. Unassigned stops, printed only when asked for, say
"未分配 — 请先指定志愿者" in large letters on every page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    BODY_SIZE,
    CONTENT_WIDTH,
    GRID,
    MARGIN_BOTTOM,
    MARGIN_X,
    Run,
    SectionedCanvas,
    SectionStart,
    StationDocument,
    Styles,
    TextBlock,
    draw_footer,
    draw_running_header,
    format_date,
    format_datetime,
    grid,
    make_styles,
    padding,
    table_style,
    text,
)
from stationapp.services.sheet_data import (
    UNASSIGNED_WARNING,
    VOLUNTEER_OUTCOMES,
    DeliverySheets,
    VolunteerSheet,
)

OUTCOME_BOXES = tuple(outcome.label for outcome in VOLUNTEER_OUTCOMES)
"""What the volunteer ticks at each door: every outcome the program counts at the door."""
CONFIDENTIAL = "内部资料 注意保密 用后交回"
"""Printed on every page: the sheet carries residents' names, addresses and phones."""
PROXY_LABELS = ("代签人：", "与本人关系：")
"""The 代签 space: who signed for the resident (bedridden, blind …) and their relation."""

# Column widths of the stop table: 序号 · 住址/收件人 · 物品 · 送达情况 · 签字
_FIXED_COLUMNS = (11 * mm, 77 * mm, 32 * mm, 29 * mm)
COLUMNS = (*_FIXED_COLUMNS, CONTENT_WIDTH - sum(_FIXED_COLUMNS))
ADDRESS_SIZE = 14.0
NUMBER_SIZE = 16.0
ITEM_SIZE = 13.0
WARNING = colors.HexColor("#B00000")


class TickBoxes(Flowable):
    """Empty square boxes, one under the other, each followed by its label."""

    def __init__(self, font: str, labels: tuple[str, ...] = OUTCOME_BOXES,
                 size: float = BODY_SIZE) -> None:
        super().__init__()
        self.font = font
        self.labels = labels
        self.size = size
        self.line = size * 1.4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """As wide as the cell, one generous line per box."""
        self.width = available_width
        self.height = self.line * len(self.labels)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the boxes and labels from the top down."""
        canvas = self.canv
        box = self.size * 0.95
        canvas.setLineWidth(0.9)
        canvas.setStrokeColor(colors.black)
        canvas.setFont(self.font, self.size)
        for i, label in enumerate(self.labels):
            baseline = self.height - (i + 1) * self.line + (self.line - self.size) / 2 + 2
            canvas.rect(0, baseline - 1.5, box, box, stroke=1, fill=0)
            canvas.drawString(box + 2.2 * mm, baseline, label)


class FillIn(Flowable):
    """Labels to write after, one per line, each followed by a rule to the cell's edge
    (a label alone, with ``rule=False``, heads a free writing space)."""

    def __init__(self, font: str, labels: tuple[str, ...], line: float = 8.5 * mm,
                 rule: bool = True, size: float = BODY_SIZE) -> None:
        super().__init__()
        self.font = font
        self.labels = labels
        self.step = line
        self.rule = rule
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """As wide as the cell, one writing line per label."""
        self.width = available_width
        self.height = self.step * len(self.labels)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the labels and their rules from the top down."""
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        for i, label in enumerate(self.labels):
            baseline = self.height - (i + 1) * self.step + 1.5 * mm
            canvas.drawString(0, baseline, label)
            if self.rule:
                start = canvas.stringWidth(label, self.font, self.size) + 1 * mm
                canvas.line(start, baseline - 1.2, self.width, baseline - 1.2)


def sheet_heading(sheet: VolunteerSheet) -> str:
    """"第 k/n 张 · 东旭小区 · 序号 6–8": which leg of the volunteer's walking route this
    sheet is and which stop numbers it holds."""
    if not sheet.community:
        return ""
    heading = f"第 {sheet.part}/{sheet.parts} 张 · {sheet.community}"
    numbers = sheet.numbers
    if numbers is None:
        return heading
    first, last = numbers
    return f"{heading} · 序号 {first}" if first == last else f"{heading} · 序号 {first}–{last}"


def _header(data: DeliverySheets, sheet: VolunteerSheet, styles: Styles,
            all_stops: int, printed: int) -> list[Flowable]:
    title = Paragraph(text(f"{data.station_name} · 送上门配送单"), styles.title)
    cell = styles.cell
    volunteer_phone = sheet.volunteer_phone or "—"
    station_phone = data.station_phone or "—"
    volunteer = UNASSIGNED_WARNING if sheet.unassigned else sheet.volunteer
    leg = sheet_heading(sheet)
    count = f"本单共 {len(sheet.stops)} 户"
    if sheet.parts > 1 and printed == sheet.parts:
        count = f"本张共 {len(sheet.stops)} 户（全部 {all_stops} 户，分 {sheet.parts} 张）"
    elif sheet.parts > 1:  # sheets with nothing left to deliver are not printed again
        count = f"本张共 {len(sheet.stops)} 户（这次共 {all_stops} 户，{printed} 张）"
    rows: list[list[object]] = [
        [Paragraph(text(f"活动：{data.event_title}"), cell),
         Paragraph(text(f"活动日期：{format_datetime(data.event_date)}"), cell)],
        [Paragraph(text(f"志愿者：{volunteer}"), cell),
         Paragraph(text(f"志愿者电话：{volunteer_phone}"), cell)],
        [Paragraph(text(count), cell),
         Paragraph(text(f"服务社电话：{station_phone}"), cell)],
    ]
    commands: list[tuple[object, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(3, 3, left=6),
    ]
    if sheet.redelivery and data.delivery_day is not None:
        rows.append([Paragraph(text(
            f"本次配送日期：{format_date(data.delivery_day)}（再次上门，上次未送达的原因见各户）"),
            cell), ""])
        commands += [("SPAN", (0, 3), (1, 3)), ("LINEABOVE", (0, 3), (-1, 3), 0.8, GRID)]
    info = Table(rows, colWidths=(CONTENT_WIDTH * 0.58, CONTENT_WIDTH * 0.42),
                 style=table_style(styles.font, *commands))
    story: list[Flowable] = [title]
    if sheet.unassigned:
        story.append(_warning_banner(styles))
    if leg:
        story.append(Paragraph(text(leg), styles.heading))
    hint = TextBlock(styles.font, [Run(
        "每到一户，请在“送达情况”一栏打 √（已送达、不在家、拒收或地址有误），送达的请收件人"
        "签字；本人不能签字的，由代签人签字并写明与本人的关系。邻居或家人说的情况写在“备注”里。"
        "遇到情况请打服务社电话。送完后把本单交回服务社。")], leading=1.4)
    return [*story, info, Spacer(0, 2.5 * mm), hint, Spacer(0, 2.5 * mm)]


def _warning_banner(styles: Styles) -> Flowable:
    """"未分配 — 请先指定志愿者" in large letters, boxed: not to be handed out as it is."""
    return Table(
        [[TextBlock(styles.font, [Run(UNASSIGNED_WARNING, 20.0, WARNING)], align="center")]],
        colWidths=(CONTENT_WIDTH,),
        style=table_style(styles.font, ("BOX", (0, 0), (-1, -1), 2.0, WARNING),
                          *padding(5, 5)),
        spaceAfter=2 * mm,
    )


def _stop_table(sheet: VolunteerSheet, styles: Styles) -> Table:
    cell, center = styles.cell, styles.cell_center
    rows: list[list[object]] = [[
        "序号",
        Paragraph("住址 · 收件人 · 电话 · 提示", cell),
        Paragraph("物品 × 数量", cell),
        Paragraph("送达情况", center),
        Paragraph("收件人签字", center),
    ]]
    font = styles.font
    spans: list[tuple[object, ...]] = []
    for stop in sheet.stops:
        runs = [Run(stop.address, ADDRESS_SIZE)]
        who = "　".join(part for part in (stop.recipient, stop.phone) if part)
        if who:
            runs.append(Run(who))
        if stop.notes:
            runs.append(Run(f"【提示】{stop.notes}"))
        if stop.previous:
            runs.append(Run(f"【{stop.previous}】", color=WARNING))
        first = len(rows)
        rows.append([
            str(stop.number),
            TextBlock(font, runs),
            TextBlock(font, [Run(item, ITEM_SIZE) for item in stop.items.split("、")]),
            TickBoxes(font),
            "",
        ])
        rows.append(["", FillIn(font, ("备注：", ""), rule=False), "",
                     FillIn(font, PROXY_LABELS), ""])
        spans += [("SPAN", (0, first), (0, first + 1)),
                  ("SPAN", (1, first + 1), (2, first + 1)),
                  ("SPAN", (3, first + 1), (4, first + 1)),
                  ("LINEABOVE", (1, first + 1), (-1, first + 1), 0.4, GRID)]
    table = Table(rows, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(table_style(
        font,
        ("FONTSIZE", (0, 1), (0, -1), NUMBER_SIZE),
        ("LEADING", (0, 1), (0, -1), NUMBER_SIZE * 1.2),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        *grid("TOP", 4, 5, 4, line=0.8),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        *spans,
    ))
    return table


def _totals(sheet: VolunteerSheet, styles: Styles) -> Flowable:
    items = "、".join(f"{item} {quantity} {unit}" for item, quantity, unit in sheet.totals)
    return KeepTogether([
        Spacer(0, 3 * mm),
        Paragraph(text(f"本单合计：共 {len(sheet.stops)} 户；{items}"), styles.body),
        Spacer(0, 5 * mm),
        Paragraph("志愿者签字：＿＿＿＿＿＿＿＿　　交回日期：＿＿＿＿年＿＿月＿＿日", styles.body),
    ])


def _sheet_story(data: DeliverySheets, sheet: VolunteerSheet, styles: Styles,
                 all_stops: int, printed: int) -> list[Flowable]:
    story = _header(data, sheet, styles, all_stops, printed)
    if sheet.stops:
        story += [_stop_table(sheet, styles), _totals(sheet, styles)]
    else:
        story.append(Paragraph("这张单上没有待送的户。", styles.heading))
    return story


def _running_right(sheet: VolunteerSheet, station_name: str) -> str:
    if sheet.unassigned:
        return UNASSIGNED_WARNING
    if not sheet.volunteer:
        return station_name
    leg = f" · 第 {sheet.part}/{sheet.parts} 张" if sheet.community else ""
    return f"志愿者：{sheet.volunteer}{leg}"


def render_delivery_sheets(
    data: DeliverySheets, target: Path | BinaryIO, printed_at: datetime
) -> int:
    """Write the delivery sheets of ``data`` as one PDF printed at ``printed_at`` (the
    desk's time, in the footer); returns the number of pages.

    Every sheet (a volunteer's stops in one community) starts on a new page and has its own
    page numbering. Without any sheet (nothing pending) the file has one page saying so.
    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    sheets = data.sheets or (VolunteerSheet("", "", (), ()),)
    story: list[Flowable] = []
    per_volunteer: dict[tuple[str, str, bool], tuple[int, int]] = {}  # stops, sheets
    for sheet in sheets:
        key = (sheet.volunteer, sheet.volunteer_phone, sheet.unassigned)
        stops, printed = per_volunteer.get(key, (0, 0))
        per_volunteer[key] = (stops + len(sheet.stops), printed + 1)
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(index))
        if data.sheets:
            story += _sheet_story(data, sheet, styles, *per_volunteer[
                (sheet.volunteer, sheet.volunteer_phone, sheet.unassigned)])
        else:
            story += [Paragraph(text(f"{data.station_name} · 送上门配送单"), styles.title),
                      Paragraph(text(f"{data.event_title}：没有待送的配送。"), styles.heading)]
            if data.left_out:
                story.append(Paragraph(text(
                    f"另有 {data.left_out} 户尚未分配志愿者，没有打印。"), styles.body))

    left = f"{data.event_title} · {format_datetime(data.event_date)}"

    def decorate(canvas: SectionedCanvas, section: int, page: int, pages: int) -> None:
        sheet = sheets[section]
        draw_running_header(canvas, font, left, _running_right(sheet, data.station_name))
        draw_footer(canvas, font, page, pages, printed_at)
        canvas.setFont(font, BODY_SIZE)
        canvas.setFillColor(WARNING if sheet.unassigned else colors.black)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 10 * mm, CONFIDENTIAL)

    document = StationDocument(target, font, title=f"{data.event_title} 配送单",
                               author=data.station_name)
    return document.render(story, decorate)
