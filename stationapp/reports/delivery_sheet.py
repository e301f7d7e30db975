"""The delivery sheet (配送单): the A4 pages a volunteer carries from door to door.

Each volunteer's sheet starts on a new page with a header (station, event and date,
volunteer and phone, the station's phone, how many doors), then one generous table row per
stop: number, address with recipient and phone and door notes, items × quantity, boxes to
tick (已送达 / 不在家 / 拒收) and a box for the recipient's signature. The table header
repeats on every page; each page names the event and the volunteer, so a loose page still
says whose it is, and its footer says "第 x 页 / 共 y 页" counted within that volunteer's
sheet, and when it was printed. The sheet ends with the totals per item to take along and
a line for the volunteer's signature.
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
    Run,
    SectionStart,
    Styles,
    TextBlock,
    format_datetime,
    grid,
    make_styles,
    padding,
    table_style,
    text,
    write_document,
)
from stationapp.services.sheet_data import DeliverySheets, VolunteerSheet

OUTCOME_BOXES = ("已送达", "不在家", "拒收")
"""What the volunteer ticks at each door."""

# Column widths of the stop table: 序号 · 住址/收件人 · 物品 · 送达情况 · 签字
_FIXED_COLUMNS = (11 * mm, 79 * mm, 34 * mm, 27 * mm)
COLUMNS = (*_FIXED_COLUMNS, CONTENT_WIDTH - sum(_FIXED_COLUMNS))
ADDRESS_SIZE = 14.0
NUMBER_SIZE = 16.0
ITEM_SIZE = 13.0


class TickBoxes(Flowable):
    """Empty square boxes, one under the other, each followed by its label."""

    def __init__(self, font: str, labels: tuple[str, ...] = OUTCOME_BOXES,
                 size: float = BODY_SIZE) -> None:
        super().__init__()
        self.font = font
        self.labels = labels
        self.size = size
        self.line = size * 1.45

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


def _header(data: DeliverySheets, sheet: VolunteerSheet, styles: Styles) -> list[Flowable]:
    title = Paragraph(text(f"{data.station_name} · 送上门配送单"), styles.title)
    cell = styles.cell
    volunteer_phone = sheet.volunteer_phone or "—"
    station_phone = data.station_phone or "—"
    info = Table(
        [
            [Paragraph(text(f"活动：{data.event_title}"), cell),
             Paragraph(text(f"日期：{format_datetime(data.event_date)}"), cell)],
            [Paragraph(text(f"志愿者：{sheet.volunteer}"), cell),
             Paragraph(text(f"志愿者电话：{volunteer_phone}"), cell)],
            [Paragraph(text(f"本单共 {len(sheet.stops)} 户"), cell),
             Paragraph(text(f"服务社电话：{station_phone}"), cell)],
        ],
        colWidths=(CONTENT_WIDTH * 0.58, CONTENT_WIDTH * 0.42),
        style=table_style(
            styles.font,
            ("BOX", (0, 0), (-1, -1), 0.8, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *padding(3, 3, left=6),
        ),
    )
    hint = Paragraph(
        "每到一户，请在“送达情况”一栏打 √（已送达、不在家或拒收），送达的请收件人签字；"
        "遇到情况请打服务社电话。送完后把本单交回服务社。", styles.body)
    return [title, info, Spacer(0, 2.5 * mm), hint, Spacer(0, 2.5 * mm)]


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
    for stop in sheet.stops:
        runs = [Run(stop.address, ADDRESS_SIZE)]
        who = "　".join(part for part in (stop.recipient, stop.phone) if part)
        if who:
            runs.append(Run(who))
        if stop.notes:
            runs.append(Run(f"【提示】{stop.notes}"))
        rows.append([
            str(stop.number),
            TextBlock(font, runs),
            TextBlock(font, [Run(item, ITEM_SIZE) for item in stop.items.split("、")]),
            TickBoxes(font),
            "",
        ])
    table = Table(rows, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(table_style(
        font,
        ("FONTSIZE", (0, 1), (0, -1), NUMBER_SIZE),
        ("LEADING", (0, 1), (0, -1), NUMBER_SIZE * 1.2),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        *grid("TOP", 4, 6, 4, line=0.8),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
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


def _sheet_story(data: DeliverySheets, sheet: VolunteerSheet, styles: Styles) -> list[Flowable]:
    story = _header(data, sheet, styles)
    if sheet.stops:
        story += [_stop_table(sheet, styles), _totals(sheet, styles)]
    else:
        story.append(Paragraph("这张单上没有待送的户。", styles.heading))
    return story


def render_delivery_sheets(
    data: DeliverySheets, target: Path | BinaryIO, printed_at: datetime
) -> int:
    """Write the delivery sheets of ``data`` as one PDF printed at ``printed_at`` (the
    desk's time, in the footer); returns the number of pages.

    Every volunteer's sheet starts on a new page and has its own page numbering. Without
    any sheet (nothing pending) the file has one page saying so. Raises
    :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    sheets = data.sheets or (VolunteerSheet("", "", (), ()),)
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(index))
        if data.sheets:
            story += _sheet_story(data, sheet, styles)
        else:
            story += [Paragraph(text(f"{data.station_name} · 送上门配送单"), styles.title),
                      Paragraph(text(f"{data.event_title}：没有待送的配送。"), styles.heading)]

    def running_header(section: int) -> tuple[str, str]:
        volunteer = sheets[section].volunteer
        return (f"{data.event_title} · {format_datetime(data.event_date)}",
                f"志愿者：{volunteer}" if volunteer else data.station_name)

    return write_document(target, font, story, title=f"{data.event_title} 配送单",
                          author=data.station_name, running_header=running_header,
                          printed_at=printed_at)
