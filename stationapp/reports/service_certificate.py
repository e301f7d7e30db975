"""The volunteer service-record certificate (志愿服务记录证明) as a PDF.

One A4 page in the usual case: the title, the certificate number, the statement
"兹证明 … 同志 … 累计志愿服务 N 小时", the roles held, a table of the service entries
(date, what, hours) with the total, and the issuing block — station, date, a box for the
seal (盖章) and the station's phone. A long record continues on further pages with the
table header repeated; the issuing block always stays in one piece after the table.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable as BaseFlowable

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    BODY_SIZE,
    CONTENT_WIDTH,
    MUTED,
    SHADE,
    Run,
    SectionStart,
    TextBlock,
    format_date,
    grid,
    make_styles,
    table_style,
    text,
    text_cell,
    write_document,
)
from stationapp.services.service_record import Certificate, ServiceRecord

TITLE = "志愿服务记录证明"
KIND_LABELS = {"event": "活动", "delivery": "送上门"}
"""How the kinds of :class:`~stationapp.services.service_record.ServiceEntry` print."""

# 序号 · 日期 · 服务内容 · 类别 · 时长
_FIXED = (13 * mm, 34 * mm)
_TAIL = (18 * mm, 29 * mm)
ENTRY_COLUMNS = (*_FIXED, CONTENT_WIDTH - sum(_FIXED) - sum(_TAIL), *_TAIL)
SEAL_SIZE = 38 * mm


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
            str(number), f"{entry.day:%Y-%m-%d}", text_cell(font, entry.what),
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


def _issuer(cert: Certificate, font: str) -> Table:
    lines = [Run(cert.station, size=BODY_SIZE + 2), Run(format_date(cert.issued_on))]
    if cert.station_phone:
        lines.append(Run(f"联系电话：{cert.station_phone}"))
    block = TextBlock(font, lines, leading=1.8)
    table = Table([["", SealBox(font), block]],
                  colWidths=(CONTENT_WIDTH - SEAL_SIZE - 78 * mm, SEAL_SIZE + 6 * mm, 72 * mm))
    table.setStyle(table_style(font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def write_certificate(
    cert: Certificate, path: Path | str | BinaryIO, printed_at: datetime
) -> None:
    """Write the certificate ``cert`` as a PDF (A4 portrait; more pages for a long record),
    printed at ``printed_at`` (the desk's time, in the footer).

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
    number = Paragraph(text(f"证明编号：{cert.number}"),
                       styles.body.clone("number", alignment=2, textColor=MUTED))
    story: list[Flowable] = [
        SectionStart(0),
        number,
        Spacer(0, 4 * mm),
        Paragraph(TITLE, styles.title.clone("certificate_title", fontSize=26, leading=34,
                                            spaceAfter=8 * mm)),
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

    header = (f"{cert.station} · {TITLE}", f"{record.name} · 编号 {cert.number}")
    write_document(path, font, story, title=f"{TITLE} {cert.number}", author=cert.station,
                   running_header=lambda _section: header, printed_at=printed_at)
