"""The printed ledger (台账): landscape A4, one section per community, the header row
repeated on every page, and "第 x 页 / 共 y 页" counted within each community."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    MARGIN_X,
    SectionStart,
    grid,
    make_styles,
    table_style,
    text,
    text_cell,
    write_document,
)
from stationapp.services.ledger_data import LedgerColumn, LedgerData

PAGE = landscape(A4)
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X

COLUMN_WEIGHTS: dict[LedgerColumn, float] = {
    LedgerColumn.NUMBER: 1.0,
    LedgerColumn.ADDRESS: 3.3,
    LedgerColumn.HEAD: 1.8,
    LedgerColumn.AGE: 1.0,
    LedgerColumn.PHONE: 2.6,
    LedgerColumn.MEMBERS: 2.4,
    LedgerColumn.CATEGORIES: 2.4,
    LedgerColumn.TIER: 1.0,
    LedgerColumn.LIAISON: 1.6,
    LedgerColumn.LAST_VISIT: 2.2,
    LedgerColumn.NEXT_VISIT: 2.2,
    LedgerColumn.MOBILITY: 2.8,
    LedgerColumn.NOTES: 3.0,
}


def _widths(columns: tuple[LedgerColumn, ...]) -> list[float]:
    total = sum(COLUMN_WEIGHTS[c] for c in columns)
    return [CONTENT_WIDTH * COLUMN_WEIGHTS[c] / total for c in columns]


def render_ledger(
    data: LedgerData, target: Path | BinaryIO, printed_at: datetime
) -> int:
    """Write the printed ledger, printed at ``printed_at`` (the desk's time, in the
    footer); returns the number of pages.

    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    widths = _widths(data.columns)
    header = [text_cell(font, c.label) for c in data.columns]
    story: list[Flowable] = []
    sections = data.sections or ()
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(index))
        story.append(Paragraph(text(f"{section.community} 住户台账（{len(section.lines)} 户）"),
                               styles.heading))
        rows: list[list[object]] = [list(header)]
        rows.extend([text_cell(font, line.cells[c]) for c in data.columns]
                    for line in section.lines)
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(table_style(font, *grid("TOP", 2, 3, 3)))
        story.append(table)
    if not sections:
        story.append(Paragraph(text("没有符合条件的住户。"), styles.body))
    names = [s.community for s in sections]

    def running_header(section: int) -> tuple[str, str]:
        community = names[section] if section < len(names) else ""
        return (f"{data.station} · 住户台账 · {community}",
                data.filter_text or f"{data.printed_on:%Y-%m-%d}")

    return write_document(target, font, story, title=f"{data.station} 住户台账",
                          author=data.station, running_header=running_header,
                          printed_at=printed_at, pagesize=PAGE)
