"""What every stationapp PDF shares: A4 page, styles in the CJK font, sections and footers.

Page numbers "第 x 页 / 共 y 页" count per *section*: in one file with every volunteer's
delivery sheet, each volunteer's pages are numbered on their own. The page furniture
(running header, footer) is therefore drawn only when the document is complete:
:class:`SectionedCanvas` keeps every finished page, learns which section each page belongs
to from :class:`SectionStart` markers in the story, and draws the furniture of all pages
in :meth:`SectionedCanvas.save`, when every section's page count is known. One pass of
platypus, no second build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from stationapp.reports.font_chain import FontChain, chain_for, default_chain

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 12 * mm
MARGIN_TOP = 20 * mm
"""Top margin; the running header sits in it."""
MARGIN_BOTTOM = 20 * mm
"""Bottom margin; the footer sits in it."""
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

BODY_SIZE = 12.0
"""Smallest text of a printed page (older volunteers read these sheets)."""
GRID = colors.HexColor("#333333")
SHADE = colors.HexColor("#E8E8E8")
MUTED = colors.HexColor("#444444")

Decorate = Callable[["SectionedCanvas", int, int, int], None]
"""Draws the furniture of one page: (canvas, section, page number in section, pages)."""
RunningHeader = Callable[[int], tuple[str, str]]
"""The (left, right) text of the running header of the pages of a section."""


def format_date(value: date) -> str:
    """2026年1月25日."""
    return f"{value.year}年{value.month}月{value.day}日"


def format_datetime(value: datetime) -> str:
    """2026年1月25日 09:30 (the time is left out at midnight, i.e. when none was given)."""
    if value.hour == 0 and value.minute == 0:
        return format_date(value)
    return f"{format_date(value)} {value:%H:%M}"


def text(value: str, font: str | None = None) -> str:
    """``value`` as reportlab Paragraph markup: escaped (&, <, >), newlines as line breaks,
    and each character the main font lacks wrapped in ``<font name=…>`` of the fallback
    font that has it (:mod:`~stationapp.reports.font_chain`), so 张䶮 and 陈𠮷 print whole.

    ``font`` is the paragraph's main font (default: the CJK font of every paper).
    Every piece of data a Paragraph shows must pass through here (``paragraph_markup``).
    """
    if value.isascii():
        return escape(value).replace("\n", "<br/>")
    chain = chain_for(font) if font else default_chain()
    if chain.covers(value):
        return escape(value).replace("\n", "<br/>")
    parts = []
    for run_font, run in chain.runs(value):
        markup = escape(run).replace("\n", "<br/>")
        parts.append(markup if run_font == chain.primary
                     else f'<font name="{run_font}">{markup}</font>')
    return "".join(parts)


paragraph_markup = text
"""Another name of :func:`text`: plain text → Paragraph markup, fallback fonts included."""


def string_width(value: str, font: str, size: float) -> float:
    """The width of ``value`` in ``size`` points, each character in the font that draws it
    (use instead of ``pdfmetrics.stringWidth``, which measures rare characters as blanks)."""
    return chain_for(font).string_width(value, size)


def draw_text(canvas: Canvas, x: float, y: float, value: str, font: str, size: float,
              align: str = "left") -> float:
    """Draw one line of ``value`` at baseline ``y`` (``align`` "left" from ``x``, "center"
    around ``x``, "right" ending at ``x``), each character in the font of the chain that
    has it; returns its width. Use instead of ``canvas.drawString`` for any data."""
    chain = chain_for(font)
    if chain.covers(value):
        canvas.setFont(font, size)
        draw = {"center": canvas.drawCentredString, "right": canvas.drawRightString}
        draw.get(align, canvas.drawString)(x, y, value)
        return float(pdfmetrics.stringWidth(value, font, size))
    runs = chain.runs(value)
    widths = [float(pdfmetrics.stringWidth(run, run_font, size)) for run_font, run in runs]
    total = sum(widths)
    if align == "center":
        x -= total / 2
    elif align == "right":
        x -= total
    for (run_font, run), width in zip(runs, widths, strict=True):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, run)
        x += width
    canvas.setFont(font, size)
    return total


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of the documents, all in the one registered CJK font."""

    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle


def make_styles(font: str) -> Styles:
    """Styles for ``font``: CJK line breaking, body ≥ 12 pt."""
    body = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.4,
                          wordWrap="CJK", alignment=TA_LEFT)
    return Styles(
        font=font,
        title=ParagraphStyle("title", parent=body, fontSize=20, leading=26,
                             alignment=TA_CENTER, spaceAfter=2 * mm),
        heading=ParagraphStyle("heading", parent=body, fontSize=15, leading=20,
                               spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        body=body,
        cell=ParagraphStyle("cell", parent=body, leading=BODY_SIZE * 1.35),
        cell_center=ParagraphStyle("cell_center", parent=body, leading=BODY_SIZE * 1.35,
                                   alignment=TA_CENTER),
    )


def table_style(font: str, *commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose cells use ``font`` (reportlab's default would be Helvetica,
    which is not embedded and has no Chinese), followed by ``commands``."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                       ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE), *commands])


def padding(top: float, bottom: float, left: float | None = None,
            right: float | None = None) -> list[tuple[Any, ...]]:
    """Table style commands padding every cell; ``None`` keeps reportlab's 6 pt."""
    sides = (("TOPPADDING", top), ("BOTTOMPADDING", bottom), ("LEFTPADDING", left),
             ("RIGHTPADDING", right))
    return [(name, (0, 0), (-1, -1), value) for name, value in sides if value is not None]


def grid(valign: str, top: float, bottom: float, side: float | None = None, *,
         header: bool = True, line: float = 0.6) -> list[tuple[Any, ...]]:
    """Table style commands of a ruled table: every cell boxed, aligned ``valign`` and
    padded (``side`` left and right), the first row shaded when it is a ``header``."""
    commands: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), line, GRID),
                                       ("VALIGN", (0, 0), (-1, -1), valign),
                                       *padding(top, bottom, side, side)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    return commands


# ------------------------------------------------------------------ fast text blocks

_TOKENS = re.compile(r"[!-~]+|\s|.", re.DOTALL)
"""A run of printable ASCII (a phone number, a word) stays on one line; anything else
(a Chinese character, a space) is a token of its own."""
NO_LINE_START = frozenset("，。、；：？！）》」』”’%·…,.;:?!)")
"""Punctuation that hangs at the end of a line rather than starting the next one."""


@dataclass(frozen=True)
class Run:
    """Text set in one size and colour; it starts on a new line (as does every newline)."""

    text: str
    size: float = BODY_SIZE
    color: colors.Color = colors.black


class _ChainWidths(dict[int, int]):
    """Advance widths by code point, each in the font of the chain that draws it."""

    def __init__(self, chain: FontChain) -> None:
        super().__init__()
        self.chain = chain

    def get(self, code: int, default: int | None = None) -> int:  # type: ignore[override]
        """The width of character ``code`` (``default`` is not needed: every code has one)."""
        return self.chain.advance(chr(code))


def wrap_text(value: str, font: str, size: float, width: float) -> list[str]:
    """Break ``value`` into lines no wider than ``width`` (CJK: between any two characters)."""
    chain = chain_for(font)
    widths, default = chain.primary_widths, chain.primary_default
    if not chain.covers(value):  # rare characters: each measured in the font that draws it
        widths, default = _ChainWidths(chain), 0
    limit = width * 1000.0 / size
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line: list[str] = []
        used = 0
        for token in _TOKENS.findall(paragraph):
            if token.isspace() and not line:
                continue
            advance = sum(widths.get(ord(ch), default) for ch in token)
            if used + advance <= limit or (line and token in NO_LINE_START):
                line.append(token)
                used += advance
            elif advance > limit and not token.isspace():
                for ch in token:  # wider than a whole line: break it anywhere
                    w = widths.get(ord(ch), default)
                    if line and used + w > limit:
                        lines.append("".join(line).rstrip())
                        line, used = [], 0
                    line.append(ch)
                    used += w
            else:
                lines.append("".join(line).rstrip())
                line, used = ([], 0) if token.isspace() else ([token], advance)
        lines.append("".join(line).rstrip())
    return lines


class TextBlock(Flowable):
    """Lines of plain text in one font, wrapped once per width (much faster than Paragraph).

    Table cells are measured again at every page a long table is split over; a Paragraph
    re-runs its CJK line breaking each time, a TextBlock keeps its lines.
    """

    def __init__(self, font: str, runs: Sequence[Run], leading: float = 1.35,
                 align: str = "left") -> None:
        super().__init__()
        self.font = font
        self.runs = tuple(runs)
        self.leading = leading
        self.align = align
        self._wrapped_width: float | None = None
        self._lines: list[tuple[str, Run]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Break the runs into lines for ``available_width`` (cached)."""
        if available_width != self._wrapped_width:
            self._lines = [(line, run) for run in self.runs
                           for line in wrap_text(run.text, self.font, run.size, available_width)]
            self._wrapped_width = available_width
            self.width = available_width
            self.height = sum(run.size * self.leading for _, run in self._lines)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the lines from the top down."""
        canvas = self.canv
        y = self.height
        for line, run in self._lines:
            step = run.size * self.leading
            y -= step
            baseline = y + (step - run.size) / 2 + run.size * 0.12
            canvas.setFillColor(run.color)
            if self.align == "center":
                draw_text(canvas, self.width / 2, baseline, line, self.font, run.size, "center")
            else:
                draw_text(canvas, 0, baseline, line, self.font, run.size)


def text_cell(font: str, value: str) -> TextBlock:
    """A table cell of plain body text in ``font``, wrapped to the column."""
    return TextBlock(font, [Run(value)])


class SectionStart(Flowable):
    """Invisible marker: the pages from here on belong to section ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Tell the canvas which section the current page belongs to."""
        canvas = self.canv
        if isinstance(canvas, SectionedCanvas):
            canvas.section = self.index


class SectionedCanvas(Canvas):
    """A canvas that draws page furniture at the end, numbering pages per section."""

    def __init__(self, *args: Any, decorate: Decorate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = 0
        self._decorate = decorate
        self._finished: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the finished page; it is written out in :meth:`save`."""
        self._finished.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        """Draw every page's furniture, now that each section's length is known, and save."""
        totals = Counter(state["section"] for state in self._finished)
        seen: Counter[int] = Counter()
        for state in self._finished:
            self.__dict__.update(state)
            seen[self.section] += 1
            self.saveState()
            self._decorate(self, self.section, seen[self.section], totals[self.section])
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)

    @property
    def page_count(self) -> int:
        """Pages of the whole document (all sections)."""
        return len(self._finished)


def _page_size(canvas: Canvas) -> tuple[float, float]:
    width, height = canvas._pagesize  # type: ignore[attr-defined]  # reportlab keeps it here
    return float(width), float(height)


def draw_footer(canvas: Canvas, font: str, page: int, pages: int, printed_at: datetime) -> None:
    """The footer of every page: "第 x 页 / 共 y 页" in the middle, the time printed at right."""
    page_width, _height = _page_size(canvas)
    y = MARGIN_BOTTOM - 10 * mm
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 6 * mm, page_width - MARGIN_X, y + 6 * mm)
    canvas.setFillColor(colors.black)
    draw_text(canvas, page_width / 2, y, f"第 {page} 页 / 共 {pages} 页", font, BODY_SIZE,
              "center")
    canvas.setFillColor(MUTED)
    draw_text(canvas, page_width - MARGIN_X, y, f"打印时间 {printed_at:%Y-%m-%d %H:%M}",
              font, BODY_SIZE, "right")


def draw_running_header(canvas: Canvas, font: str, left: str, right: str) -> None:
    """One line above the content: ``left`` and ``right`` text over a rule."""
    page_width, page_height = _page_size(canvas)
    y = page_height - MARGIN_TOP + 5 * mm
    canvas.setFillColor(MUTED)
    room = page_width - 2 * MARGIN_X - string_width(right, font, BODY_SIZE) - 6 * mm
    while len(left) > 1 and string_width(left, font, BODY_SIZE) > room:
        left = left[:-2] + "…"
    draw_text(canvas, MARGIN_X, y, left, font, BODY_SIZE)
    draw_text(canvas, page_width - MARGIN_X, y, right, font, BODY_SIZE, "right")
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y - 2 * mm, page_width - MARGIN_X, y - 2 * mm)


class StationDocument(BaseDocTemplate):
    """An A4 document (portrait unless ``pagesize`` says otherwise) with one frame; the CJK
    font is also the canvas's initial font.

    (The initial font matters: reportlab otherwise writes Helvetica into every page's
    resources, a font that is not embedded.)
    """

    def __init__(self, target: Path | str | BinaryIO, font: str, title: str, author: str,
                 pagesize: tuple[float, float] = A4) -> None:
        destination = str(target) if isinstance(target, Path | str) else target
        super().__init__(
            destination, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
            creator="stationapp", initialFontName=font, initialFontSize=BODY_SIZE,
            initialLeading=BODY_SIZE * 1.2, lang="zh-CN",
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def render(self, story: list[Flowable], decorate: Decorate) -> int:
        """Build the PDF from ``story``; returns the number of pages written."""
        canvases: list[SectionedCanvas] = []

        def make_canvas(*args: Any, **kwargs: Any) -> SectionedCanvas:
            canvas = SectionedCanvas(*args, decorate=decorate, **kwargs)
            canvases.append(canvas)
            return canvas

        # Plain Flate streams: ASCII85 on top only makes the file bigger and slower to write.
        use_a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self.build(story, canvasmaker=make_canvas)
        finally:
            rl_config.useA85 = use_a85
        return canvases[-1].page_count


def write_document(
    target: Path | str | BinaryIO, font: str, story: list[Flowable], *, title: str,
    author: str, running_header: RunningHeader, printed_at: datetime,
    pagesize: tuple[float, float] = A4,
) -> int:
    """Write ``story`` as a PDF whose every page has the running header
    ``running_header(section)`` and the footer (page x of y within its section, the time
    printed: ``printed_at``, the desk's time); returns the number of pages."""
    printed = printed_at

    def decorate(canvas: SectionedCanvas, section: int, page: int, pages: int) -> None:
        left, right = running_header(section)
        draw_running_header(canvas, font, left, right)
        draw_footer(canvas, font, page, pages, printed)

    document = StationDocument(target, font, title=title, author=author, pagesize=pagesize)
    return document.render(story, decorate)
