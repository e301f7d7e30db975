"""The printed ledger (台账): landscape A4 with a 25 mm binding edge, one section per
community, the header row repeated on every page.

Every page says "内部资料 注意保密", what the print holds (the filter in words, or 全部住户（在册）)
and "第 x 页 / 共 y 页" counted over the whole file, with the community's own count beside
it. Columns are as wide as their longest name, phone, date or tier, so none of them is
broken across lines; addresses and lists break only between their parts (楼 · 单元 · 室,
the names of a list). The file ends with the grand total by community and the
制表人 / 审核人 / 日期 sign-off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from stationapp.reports.fonts import cjk_font
from stationapp.reports.layout import (
    BODY_SIZE,
    GRID,
    MUTED,
    SHADE,
    SectionedCanvas,
    SectionStart,
    StationDocument,
    draw_text,
    format_date,
    grid,
    make_styles,
    string_width,
    table_style,
    text,
    text_cell,
    wrap_text,
)
from stationapp.services.ledger_data import LedgerColumn, LedgerData

PAGE = landscape(A4)
BINDING_MARGIN = 25 * mm
"""Left margin: the binding edge of a filed ledger."""
MARGIN_RIGHT = 12 * mm
MARGIN_TOP = 24 * mm
"""Room for the two header lines."""
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE[0] - BINDING_MARGIN - MARGIN_RIGHT
CELL_SIDE = 3.0
"""Left and right padding of a cell, in points."""
CONFIDENTIAL = "内部资料 注意保密"

NO_WRAP: frozenset[LedgerColumn] = frozenset({
    LedgerColumn.NUMBER, LedgerColumn.HEAD, LedgerColumn.AGE, LedgerColumn.PHONE,
    LedgerColumn.TIER, LedgerColumn.LIAISON, LedgerColumn.LAST_VISIT, LedgerColumn.NEXT_VISIT,
})
"""Columns never broken across lines: names, numbers, phones, dates, tiers."""

WRAP_WEIGHTS: dict[LedgerColumn, float] = {
    LedgerColumn.ADDRESS: 3.0,
    LedgerColumn.MEMBERS: 2.4,
    LedgerColumn.CATEGORIES: 2.4,
    LedgerColumn.MOBILITY: 2.8,
    LedgerColumn.NOTES: 3.0,
}
"""How the room left over is shared among the columns that may wrap."""

_PARTS: dict[LedgerColumn, re.Pattern[str]] = {
    LedgerColumn.ADDRESS: re.compile(
        r"[^楼栋座单元室层]*(?:单元|[楼栋座元室层])|[^楼栋座单元室层]+"),
    LedgerColumn.MEMBERS: re.compile(r"[^、]+、?"),
    LedgerColumn.CATEGORIES: re.compile(r"[^、]+、?"),
}
"""Where a column may break: after 楼 / 单元 / 室 of an address, after each name of a list."""


def _width(value: str, font: str) -> float:
    return string_width(value, font, BODY_SIZE)


def _parts(column: LedgerColumn, value: str) -> list[str]:
    pattern = _PARTS.get(column)
    return pattern.findall(value) if pattern is not None and value else [value]


def column_widths(data: LedgerData, font: str, total: float = CONTENT_WIDTH) -> list[float]:
    """Widths of ``data``'s columns within ``total``: each no-wrap column as wide as its
    widest cell or header; the address next, on one line when it can; the other columns
    share the rest by weight, each at least as wide as a short header (four characters)
    and its widest unbreakable part (a name of a list, 楼 · 单元 · 室 of an address), and
    no wider than its widest cell."""
    columns = data.columns
    lines = [line for section in data.sections for line in section.lines]
    pad = 2 * CELL_SIDE + 1
    natural: dict[LedgerColumn, float] = {}
    least: dict[LedgerColumn, float] = {}
    for column in columns:
        cells = [line.cells[column] for line in lines]
        header = _width(column.label, font)
        natural[column] = max([header, *(_width(c, font) for c in cells)]) + pad
        if column in NO_WRAP:
            least[column] = natural[column]
        else:
            parts = [p for c in cells for p in _parts(column, c)] if column in _PARTS else []
            widest = max((_width(p, font) for p in parts), default=0.0)
            least[column] = min(max(widest, min(header, 4 * BODY_SIZE)), 8 * BODY_SIZE) + pad
    fixed = sum(least[c] for c in columns if c in NO_WRAP)
    flexible = [c for c in columns if c not in NO_WRAP]
    floor = sum(least[c] for c in flexible)
    if fixed + floor > total:  # too many columns: everything shrinks alike (some wrap)
        scale = total / (fixed + floor)
        return [least[c] * scale for c in columns]
    widths = dict(least)
    room = total - fixed - floor
    if LedgerColumn.ADDRESS in widths:  # the address first: one line when it can
        extra = min(room, natural[LedgerColumn.ADDRESS] - widths[LedgerColumn.ADDRESS])
        widths[LedgerColumn.ADDRESS] += max(extra, 0.0)
        room -= max(extra, 0.0)
    growing = [c for c in flexible if natural[c] - widths[c] > 0.5]
    while room > 0.5 and growing:
        weight = sum(WRAP_WEIGHTS.get(c, 1.0) for c in growing)
        share = room
        for column in growing:
            extra = min(share * WRAP_WEIGHTS.get(column, 1.0) / weight,
                        natural[column] - widths[column])
            widths[column] += extra
            room -= extra
        growing = [c for c in growing if natural[c] - widths[c] > 0.5]
    if room > 0.5:  # every column has what it needs: the rest in proportion
        spread = flexible or list(columns)
        width_sum = sum(widths[c] for c in spread)
        for column in spread:
            widths[column] += room * widths[column] / width_sum
    return [widths[c] for c in columns]


def _pack(column: LedgerColumn, value: str, font: str, width: float) -> str:
    """``value`` broken into lines of ``width`` between its parts only (a part wider than
    a whole line is broken anywhere)."""
    limit = width - 2 * CELL_SIDE
    lines: list[str] = []
    line = ""
    for part in _parts(column, value):
        if not line or _width(line + part, font) <= limit:
            line += part
            continue
        lines.append(line)
        line = part
    lines.append(line)
    return "\n".join(piece for raw in lines for piece in wrap_text(raw, font, BODY_SIZE, limit))


def _cell(column: LedgerColumn, value: str, font: str, width: float) -> Flowable:
    if column in _PARTS:
        return text_cell(font, _pack(column, value, font, width))
    return text_cell(font, value)


@dataclass(frozen=True)
class SignOff:
    """Who signs the ledger: 制表人 and 审核人 ("" → a blank line) and the date."""

    preparer: str = ""
    reviewer: str = ""
    date_text: str = ""


def blank(value: str, width: int = 10) -> str:
    """``value``, or a line to write on when it is empty."""
    return value or "_" * width


class _LedgerDocument(StationDocument):
    """A landscape StationDocument with the ledger's binding margin and header room."""

    def __init__(self, target: Path | BinaryIO, font: str, title: str, author: str) -> None:
        super().__init__(target, font, title=title, author=author, pagesize=PAGE)
        self.leftMargin, self.rightMargin = BINDING_MARGIN, MARGIN_RIGHT
        self.topMargin, self.bottomMargin = MARGIN_TOP, MARGIN_BOTTOM
        self._calc()  # type: ignore[attr-defined]  # reportlab: width and height again
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.pageTemplates = []
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])


def scope_text(data: LedgerData) -> str:
    """What the print holds, for the header: "筛选条件：…" or "范围：全部住户（在册）"."""
    return f"筛选条件：{data.filter_text}" if data.filter_text else "范围：全部住户（在册）"


def _draw_header(canvas: Any, font: str, left: str, scope: str, printed_on: str) -> None:
    width, height = PAGE
    right_edge = width - MARGIN_RIGHT
    first = height - 11 * mm
    second = first - 5.5 * mm
    canvas.setFont(font, BODY_SIZE)
    canvas.setFillColor(MUTED)
    draw_text(canvas, BINDING_MARGIN, first, left, font, BODY_SIZE)
    canvas.setFillColorRGB(0.6, 0, 0)
    canvas.drawRightString(right_edge, first, CONFIDENTIAL)
    canvas.setFillColor(MUTED)
    room = right_edge - BINDING_MARGIN - _width(printed_on, font) - 6 * mm
    while len(scope) > 1 and _width(scope, font) > room:
        scope = scope[:-2] + "…"
    draw_text(canvas, BINDING_MARGIN, second, scope, font, BODY_SIZE)
    canvas.drawRightString(right_edge, second, printed_on)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(BINDING_MARGIN, second - 2 * mm, right_edge, second - 2 * mm)


def _draw_footer(canvas: Any, font: str, page: int, pages: int, section_text: str,
                 printed_at: datetime) -> None:
    width, _height = PAGE
    right_edge = width - MARGIN_RIGHT
    y = MARGIN_BOTTOM - 10 * mm
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(BINDING_MARGIN, y + 6 * mm, right_edge, y + 6 * mm)
    canvas.setFont(font, BODY_SIZE)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawCentredString((BINDING_MARGIN + right_edge) / 2, y,
                             f"第 {page} 页 / 共 {pages} 页")
    canvas.setFillColor(MUTED)
    draw_text(canvas, BINDING_MARGIN, y, section_text, font, BODY_SIZE)
    canvas.drawRightString(right_edge, y, f"打印时间 {printed_at:%Y-%m-%d %H:%M}")


class _TotalHeading(Paragraph):
    """The heading of the grand total: when it opens a page, that page is the total's own
    (header 总计, no community's page count), not one more page of the last community."""

    def __init__(self, markup: str, style: Any, section: int) -> None:
        super().__init__(markup, style)
        self.section = section

    def draw(self) -> None:
        """Draw the heading; at the top of a page, start the total's section."""
        frame = getattr(self, "_frame", None)  # set by reportlab's Frame while drawing
        if (frame is not None and getattr(frame, "_atTop", False)
                and isinstance(self.canv, SectionedCanvas)):
            self.canv.section = self.section
        super().draw()


def _closing(data: LedgerData, sign_off: SignOff, styles: Any, font: str) -> list[Flowable]:
    """The grand total by community and the sign-off."""
    rows: list[list[object]] = [["小区", "户数"]]
    rows += [[s.community, str(len(s.lines))] for s in data.sections]
    rows.append([f"合计（{len(data.sections)} 个小区）", str(data.households)])
    name_width = max(_width(str(r[0]), font) for r in rows) + 2 * CELL_SIDE + 4
    table = Table(rows, colWidths=(max(name_width, 40 * mm), 28 * mm), hAlign="LEFT",
                  repeatRows=1)
    table.setStyle(table_style(font, *grid("MIDDLE", 2, 4, CELL_SIDE),
                               ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                               ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    signers = (f"制表人：{blank(sign_off.preparer)}　　　　审核人：{blank(sign_off.reviewer)}"
               f"　　　　日期：{blank(sign_off.date_text, 14)}")
    return [KeepTogether([
        _TotalHeading(text(f"总计：{len(data.sections)} 个小区，共 {data.households} 户"),
                      styles.heading, len(data.sections)),
        table,
        Spacer(0, 10 * mm),
        Paragraph(text(signers), styles.body),
    ])]


def render_ledger(
    data: LedgerData, target: Path | BinaryIO, printed_at: datetime,
    sign_off: SignOff | None = None,
) -> int:
    """Write the printed ledger, printed at ``printed_at`` (the desk's time, in the
    footer), signed off by ``sign_off`` (blank lines when None); returns the number of
    pages.

    Raises :class:`stationapp.reports.fonts.FontNotFoundError` when no Chinese font can be
    embedded.
    """
    font = cjk_font()
    styles = make_styles(font)
    widths = column_widths(data, font)
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
        rows.extend([_cell(c, line.cells[c], font, w) for c, w in zip(data.columns, widths,
                                                                      strict=True)]
                    for line in section.lines)
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(table_style(font, *grid("TOP", 2, 3, CELL_SIDE)))
        story.append(table)
    if not sections:
        story.append(Paragraph(text("没有符合条件的住户。"), styles.body))
    story += _closing(data, sign_off or SignOff(), styles, font)
    names = [s.community for s in sections]
    scope = scope_text(data)
    printed_on = f"打印日期 {data.printed_on:%Y-%m-%d}"
    seen: list[int] = []

    def decorate(canvas: SectionedCanvas, section: int, page: int, pages: int) -> None:
        seen.append(page)
        closing = section >= len(names)  # the grand total on a page of its own
        community = "总计" if closing and names else (names[section] if names else "")
        _draw_header(canvas, font, f"{data.station} · 住户台账 · {community}".rstrip(" ·"),
                     scope, printed_on)
        own = f"{community} 第 {page}/{pages} 页" if len(names) > 1 and not closing else ""
        _draw_footer(canvas, font, len(seen), canvas.page_count, own, printed_at)

    document = _LedgerDocument(target, font, title=f"{data.station} 住户台账",
                               author=data.station)
    return document.render(story, decorate)


def sign_off_date(printed_at: datetime) -> str:
    """The date of the sign-off: the day printed (2026年11月5日)."""
    return format_date(printed_at.date())


__all__ = ["BINDING_MARGIN", "CONFIDENTIAL", "CONTENT_WIDTH", "SignOff", "blank",
           "column_widths", "render_ledger", "scope_text", "sign_off_date"]

