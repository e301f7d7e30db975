"""The volunteer service-record certificate (志愿服务记录证明) as a PDF.

After 民发〔2015〕149号 (《志愿服务记录与证明出具办法（试行）》): the certificate number
(marked 补打 with the reprint's day when the register already held it), the title, the
volunteer's name, ID type and number and volunteer number, the statement "兹证明 … 同志 …
累计志愿服务 N 小时", the roles held, a table of the service entries (date, what, hours)
with the total, and the issuing block — station, date of issue, 负责人 and 经办人 (blank
lines to sign where the settings name nobody), a box for the seal (盖章) and the phone.

A long record continues on further pages with the table header repeated; the issuing block
stays in one piece on the last page. Every page says "本证明共 N 页 第 n 页"; a record of
more than one page carries a 骑缝 mark on the right edge of every page, where the seal is
stamped across the stacked pages. Dates are written one way: 2026年12月7日.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable as BaseFlowable

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    BODY_SIZE,
    CONTENT_WIDTH,
    GRID,
    MARGIN_BOTTOM,
    MARGIN_X,
    MUTED,
    SHADE,
    Run,
    SectionedCanvas,
    SectionStart,
    StationDocument,
    TextBlock,
    draw_running_header,
    format_date,
    grid,
    make_styles,
    table_style,
    text,
    text_cell,
)
from stationapp.services.service_record import Certificate, ServiceRecord

TITLE = "志愿服务记录证明"
KIND_LABELS = {"event": "活动", "delivery": "送上门"}
"""How the kinds of :class:`~stationapp.services.service_record.ServiceEntry` print."""

# 序号 · 日期 · 服务内容 · 类别 · 时长
_FIXED = (13 * mm, 38 * mm)
_TAIL = (18 * mm, 29 * mm)
ENTRY_COLUMNS = (*_FIXED, CONTENT_WIDTH - sum(_FIXED) - sum(_TAIL), *_TAIL)
SEAL_SIZE = 38 * mm
BLANK = "________________"
"""Printed where a value is not known: a line to fill in or sign on."""
REPRINT = "补打"


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def period_text(record: ServiceRecord, issued_on: date) -> str:
    """The period the certificate covers, as printed (e.g. 2026年1月1日至2026年11月26日)."""
    start = record.start or (record.entries[0].day if record.entries else None)
    end = record.end or issued_on
    if start is None:
        return f"截至{format_date(end)}"
    return f"{format_date(start)}至{format_date(end)}"


class SealBox(BaseFlowable):
    """A dashed square with 盖章 in it, where the station stamps its seal."""

    def __init__(self, font: str, size: float = SEAL_SIZE) -> None:
        super().__init__()
        self.font = font
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """A square of ``size``."""
        return self.size, self.size

    def draw(self) -> None:
        """The box and its caption."""
        canvas = self.canv
        canvas.setStrokeColor(MUTED)
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.size, self.size)
        canvas.setDash()
        canvas.setFillColor(colors.HexColor("#999999"))
        canvas.setFont(self.font, BODY_SIZE)
        canvas.drawCentredString(self.size / 2, self.size / 2 - BODY_SIZE / 3, "（盖章）")


def _entries(record: ServiceRecord, font: str) -> Table:
    rows: list[list[object]] = [["序号", "日期", "服务内容", "类别", "时长（小时）"]]
    for number, entry in enumerate(record.entries, start=1):
        rows.append([
            str(number), format_date(entry.day), text_cell(font, entry.what),
            KIND_LABELS.get(entry.kind, entry.kind), _hours(entry.hours),
        ])
    rows.append(["", "合计", text_cell(font, f"{len(record.entries)} 次"), "",
                 _hours(record.total_hours)])
    table = Table(rows, colWidths=ENTRY_COLUMNS, repeatRows=1)
    table.setStyle(table_style(
        font,
        *grid("MIDDLE", 2, 4),
        ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
    ))
    return table


def page_mark(page: int, pages: int) -> str:
    """The page line of every page: 本证明共 N 页 第 n 页."""
    return f"本证明共 {pages} 页 第 {page} 页"


def _identity(cert: Certificate, font: str) -> Table:
    record = cert.record
    rows = [
        ["姓　　名", text_cell(font, record.name), "志愿者编号", cert.volunteer_number or BLANK],
        ["证件类型", cert.id_type or BLANK, "证件号码",
         text_cell(font, cert.id_number or BLANK)],
    ]
    label = 24 * mm
    table = Table(rows, colWidths=(label, 56 * mm, label + 4 * mm,
                                   CONTENT_WIDTH - 2 * label - 60 * mm))
    table.setStyle(table_style(font, *grid("MIDDLE", 3, 3),
                               ("BACKGROUND", (0, 0), (0, -1), SHADE),
                               ("BACKGROUND", (2, 0), (2, -1), SHADE)))
    return table


def _signatures(cert: Certificate, font: str) -> TextBlock:
    lines = [Run(f"负责人（签字）：{cert.responsible_person or BLANK}"),
             Run(f"经办人（签字）：{cert.preparer or BLANK}")]
    return TextBlock(font, lines, leading=2.2)


def _issuer(cert: Certificate, font: str) -> Table:
    lines = [Run(cert.station, size=BODY_SIZE + 2), Run(f"开具日期：{format_date(cert.issued_on)}")]
    if cert.reprinted_on is not None:
        lines.append(Run(f"{REPRINT}日期：{format_date(cert.reprinted_on)}"))
    lines.append(Run(f"联系电话：{cert.station_phone or BLANK}"))
    block = TextBlock(font, lines, leading=1.8)
    seal = SEAL_SIZE + 6 * mm
    table = Table([[_signatures(cert, font), SealBox(font), block]],
                  colWidths=(CONTENT_WIDTH - seal - 72 * mm, seal, 72 * mm))
    table.setStyle(table_style(font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def draw_straddle_mark(canvas: Canvas, font: str, number: str) -> None:
    """The 骑缝 mark at the right edge of a page: half a dashed seal circle cut by the edge,
    with 骑缝章 and the certificate number running down the edge."""
    width, height = canvas._pagesize  # type: ignore[attr-defined]  # reportlab keeps it here
    radius = MARGIN_X - 1 * mm  # inside the margin: the mark never covers the record
    y = float(height) / 2
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.8)
    canvas.setDash(3, 2)
    canvas.circle(float(width), y, radius)
    canvas.setDash()
    canvas.setFillColor(MUTED)
    canvas.setFont(font, BODY_SIZE)
    x = float(width) - radius / 2 - BODY_SIZE / 2
    for i, char in enumerate("骑缝章"):
        canvas.drawString(x, y + BODY_SIZE * 1.3 - i * BODY_SIZE * 1.3, char)
    canvas.saveState()
    canvas.translate(float(width) - 4 * mm, y - radius - 4 * mm)
    canvas.rotate(-90)
    canvas.setFont(font, BODY_SIZE - 2)
    canvas.drawString(0, 0, number)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, font: str, page: int, pages: int, printed_at: datetime) -> None:
    width, _height = canvas._pagesize  # type: ignore[attr-defined]  # reportlab keeps it here
    y = MARGIN_BOTTOM - 10 * mm
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 6 * mm, float(width) - MARGIN_X, y + 6 * mm)
    canvas.setFillColor(colors.black)
    canvas.setFont(font, BODY_SIZE)
    canvas.drawCentredString(float(width) / 2, y, page_mark(page, pages))
    canvas.setFillColor(MUTED)
    canvas.drawRightString(float(width) - MARGIN_X, y,
                           f"打印时间 {format_date(printed_at.date())} {printed_at:%H:%M}")


def write_certificate(
    cert: Certificate, path: Path | str | BinaryIO, printed_at: datetime
) -> int:
    """Write the certificate ``cert`` as a PDF (A4 portrait; more pages for a long record),
    printed at ``printed_at`` (the desk's time, in the footer); returns the pages written.

    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    record = cert.record
    statement = (
        f"兹证明 {record.name} 同志"
        + (f"（{record.community}）" if record.community else "")
        + f"于{period_text(record, cert.issued_on)}在{cert.station}参加志愿服务"
        + f" {len(record.entries)} 次，累计志愿服务 {_hours(record.total_hours)} 小时。"
    )
    statement_style = styles.body.clone("statement", fontSize=14, leading=24,
                                        firstLineIndent=28)
    roles = "、".join(record.roles) if record.roles else "无"
    number_line = f"证明编号：{cert.number}"
    if cert.reprinted_on is not None:
        number_line += f"（{REPRINT}，{format_date(cert.reprinted_on)}）"
    number = Paragraph(text(number_line),
                       styles.body.clone("number", alignment=2, textColor=MUTED))
    story: list[Flowable] = [
        SectionStart(0),
        number,
        Spacer(0, 4 * mm),
        Paragraph(TITLE, styles.title.clone("certificate_title", fontSize=26, leading=34,
                                            spaceAfter=6 * mm)),
        _identity(cert, font),
        Spacer(0, 5 * mm),
        Paragraph(text(statement), statement_style),
        Spacer(0, 2 * mm),
        Paragraph(text(f"担任职务：{roles}"), statement_style),
        Spacer(0, 3 * mm),
        Paragraph("服务记录如下：", styles.body),
        Spacer(0, 1.5 * mm),
    ]
    if record.entries:
        story.append(_entries(record, font))
    else:
        story.append(Paragraph("（此期间没有登记服务记录）", styles.body))
    story.append(KeepTogether([
        Spacer(0, 5 * mm),
        Paragraph("特此证明。", statement_style),
        Spacer(0, 6 * mm),
        _issuer(cert, font),
    ]))

    left = f"{cert.station} · {TITLE}"
    right = f"{record.name} · 编号 {cert.number}" + (f" · {REPRINT}" if cert.is_reprint else "")

    def decorate(canvas: SectionedCanvas, _section: int, page: int, pages: int) -> None:
        draw_running_header(canvas, font, left, right)
        _draw_footer(canvas, font, page, pages, printed_at)
        if pages > 1:
            draw_straddle_mark(canvas, font, cert.number)

    document = StationDocument(path, font, title=f"{TITLE} {cert.number}", author=cert.station)
    return document.render(story, decorate)
