"""Charts of the printed reports (reportlab.graphics), every label in the CJK font.

Each function returns a :class:`~reportlab.graphics.shapes.Drawing`, a flowable of its
own size. Every string of a chart is set in the font passed in: a label left in
reportlab's default (Helvetica) would put a font without Chinese, and not embedded,
into the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from stationapp.domain.numbers import format_percent
from stationapp.reports.font_chain import chain_for
from stationapp.reports.layout import MUTED

BAR = colors.HexColor("#3A6EA5")
GOOD = colors.HexColor("#2E7D32")
FAIR = colors.HexColor("#E0A100")
POOR = colors.HexColor("#C62828")
TRACK = colors.HexColor("#E3E3E3")
PALETTE = (
    colors.HexColor("#2E7D32"), colors.HexColor("#F2B705"), colors.HexColor("#C62828"),
    colors.HexColor("#3A6EA5"), colors.HexColor("#8E5EA2"), colors.HexColor("#7F7F7F"),
)
"""Slice colours in order: 满意 green, 基本满意 amber, 不满意 red, then others."""

LABEL_SIZE = 12.0
"""Size of axis and value labels: the body size, 12 pt (older readers; charts are filed)."""


def _drawing(width: float, height: float, font: str) -> Drawing:
    """An empty drawing whose renderer starts in ``font`` (it would set Helvetica first)."""
    drawing = Drawing(width, height)
    # Documented Drawing attributes (see its _attrMap) that types-reportlab lacks.
    drawing.initialFontName = font  # type: ignore[attr-defined]
    drawing.initialFontSize = LABEL_SIZE  # type: ignore[attr-defined]
    return drawing


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 × 10^n, at least 1) so that ``largest`` needs about
    ``ticks`` steps."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return max(1.0, float(factor * magnitude))
    return max(1.0, float(10 * magnitude))  # pragma: no cover - the loop always returns


def _value_axis(chart: BarChart, values: Sequence[float], font: str) -> None:
    step = nice_step(max(values, default=0))
    top = max(values, default=0)
    chart.valueAxis.valueMin = 0
    # Room above the longest bar for its value label.
    chart.valueAxis.valueMax = max(step, math.ceil(top * 1.15 / step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = TRACK
    chart.valueAxis.strokeColor = MUTED


ValueFormat = str | Callable[[float], str]
"""A %-format (``"%g"``) or a function turning a bar's value into its label."""


def _bars(chart: BarChart, values: Sequence[float], font: str, value_format: ValueFormat
          ) -> None:
    chart.data = [list(values)]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = MUTED
    chart.barSpacing = 1
    chart.groupSpacing = 6


def _label_runs(right: float, baseline: float, value: str, font: str) -> Group:
    """``value`` ending at ``right``, each run in the font of the chain that has it (a
    reportlab String is set in one font: 陈𠮷's second character would be a blank)."""
    runs = chain_for(font).runs(value)
    widths = [pdfmetrics.stringWidth(run, run_font, LABEL_SIZE) for run_font, run in runs]
    group = Group()
    x = right - sum(widths)
    for (run_font, run), width in zip(runs, widths, strict=True):
        group.add(String(x, baseline, run, fontName=run_font, fontSize=LABEL_SIZE))
        x += width
    return group


def horizontal_bars(
    pairs: Sequence[tuple[str, float]], font: str, width: float, value_format: ValueFormat = "%g",
    bar_height: float = 6 * mm,
) -> Drawing:
    """Labelled horizontal bars, first pair on top, each with its value at the end.

    Labels (names of people, too) are drawn in the font chain, so a rare character prints
    or is noted like any other text of the paper."""
    labels = [label for label, _ in pairs]
    values = [float(value) for _, value in pairs]
    chain = chain_for(font)
    label_width = max((chain.string_width(s, LABEL_SIZE) for s in labels),
                      default=0) + 3 * mm
    height = max(len(pairs), 1) * bar_height + 10 * mm
    drawing = _drawing(width, height, font)
    chart = HorizontalBarChart()
    chart.x = round(label_width)
    chart.y = round(8 * mm)
    chart.width = round(width - label_width - 8 * mm)
    chart.height = round(height - 10 * mm)
    _bars(chart, values, font, value_format)
    _value_axis(chart, values, font)
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = 1  # the first category at the top
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    if not all(chain.covers(label) for label in labels):
        chart.categoryAxis.visibleLabels = False  # drawn below, run by run
        step = chart.height / len(labels)
        for index, label in enumerate(labels):
            middle = chart.y + chart.height - (index + 0.5) * step
            drawing.add(_label_runs(chart.x - 5, middle - LABEL_SIZE * 0.35, label, font))
    return drawing


def vertical_bars(
    pairs: Sequence[tuple[str, float]], font: str, width: float, height: float = 55 * mm,
    value_format: ValueFormat = "%g",
) -> Drawing:
    """Labelled vertical bars (short labels), each with its value on top."""
    labels = [label for label, _ in pairs]
    values = [float(value) for _, value in pairs]
    drawing = _drawing(width, height, font)
    chart = VerticalBarChart()
    chart.x = round(12 * mm)
    chart.y = round(8 * mm)
    chart.width = round(width - 14 * mm)
    chart.height = round(height - 11 * mm)
    _bars(chart, values, font, value_format)
    _value_axis(chart, values, font)
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def pie(
    pairs: Sequence[tuple[str, int]], font: str, width: float, unit: str = "",
    diameter: float = 38 * mm,
) -> Drawing:
    """A pie of the non-zero counts with a legend of every label, count and share.

    ``pairs`` must hold at least one non-zero count (a pie of nothing says nothing).
    """
    total = sum(n for _, n in pairs)
    if total <= 0:
        raise ValueError("a pie needs at least one non-zero count")
    height = max(diameter + 6 * mm, len(pairs) * 7 * mm + 4 * mm)
    drawing = _drawing(width, height, font)
    shown = [(i, n) for i, (_, n) in enumerate(pairs) if n > 0]
    chart = Pie()
    chart.x = round(2 * mm)
    chart.y = round((height - diameter) / 2)
    chart.width = chart.height = round(diameter)
    chart.data = [n for _, n in shown]
    chart.labels = [format_percent(100 * n / total) if n / total >= 0.08 else ""
                    for _, n in shown]
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.slices.strokeColor = colors.white
    chart.slices.strokeWidth = 1
    chart.slices.fontName = font
    chart.slices.fontSize = LABEL_SIZE
    chart.slices.fontColor = colors.white
    chart.slices.labelRadius = 0.62
    for slot, (index, _) in enumerate(shown):
        chart.slices[slot].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(chart)
    legend = Legend()
    legend.x = round(diameter + 8 * mm)
    legend.y = round(height / 2 + len(pairs) * 3.5 * mm)
    legend.alignment = "right"
    legend.fontName = font
    legend.fontSize = LABEL_SIZE + 1
    legend.dy = round(5 * mm)
    legend.dx = round(5 * mm)
    legend.deltay = round(7 * mm)
    legend.columnMaximum = len(pairs)
    legend.strokeColor = None
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)],
         f"{label}  {n} {unit}（{format_percent(100 * n / total)}）".replace(" （", "（"))
        for i, (label, n) in enumerate(pairs)
    ]
    drawing.add(legend)
    return drawing


def _rect(x: float, y: float, width: float, height: float, fill: colors.Color) -> Rect:
    rect = Rect(x, y, width, height)
    rect.fillColor = fill
    rect.strokeColor = None
    return rect


def gauge(
    ratio: float | None, font: str, width: float, target: float = 1.0,
    empty_text: str = "无数据",
) -> Drawing:
    """A horizontal bar filled to ``ratio`` with a mark at ``target`` (e.g. 100 %).

    Green when the target is met, amber from 80 % of it, red below; grey with
    ``empty_text`` when there is no ratio.
    """
    height = 16 * mm
    bar_height = 8 * mm
    drawing = _drawing(width, height, font)
    left, bottom = 0.0, 5 * mm
    usable = width - 22 * mm
    scale = max(1.0, target, ratio or 0.0)
    drawing.add(_rect(left, bottom, usable, bar_height, TRACK))
    if ratio is None:
        drawing.add(String(left + usable / 2, bottom + 2.5 * mm, empty_text, fontName=font,
                           fontSize=LABEL_SIZE + 1, fillColor=MUTED, textAnchor="middle"))
        return drawing
    color = GOOD if ratio >= target else FAIR if ratio >= 0.8 * target else POOR
    filled = usable * ratio / scale
    if filled > 0:
        drawing.add(_rect(left, bottom, filled, bar_height, color))
    label = format_percent(100 * ratio)
    label_width = pdfmetrics.stringWidth(label, font, LABEL_SIZE + 2)
    inside = filled >= label_width + 4 * mm
    drawing.add(String(
        left + (filled - 2 * mm if inside else filled + 2 * mm), bottom + 2.3 * mm, label,
        fontName=font, fontSize=LABEL_SIZE + 2,
        fillColor=colors.white if inside else colors.black,
        textAnchor="end" if inside else "start",
    ))
    mark = left + usable * target / scale
    drawing.add(Line(mark, bottom - 1.5 * mm, mark, bottom + bar_height + 1.5 * mm,
                     strokeColor=colors.black, strokeWidth=1.5))
    drawing.add(String(mark + 1.5 * mm, bottom - 4 * mm, f"目标 {format_percent(100 * target)}",
                       fontName=font, fontSize=LABEL_SIZE, fillColor=MUTED, textAnchor="start"))
    drawing.add(String(left, bottom - 4 * mm, "0%", fontName=font, fontSize=LABEL_SIZE,
                       fillColor=MUTED, textAnchor="start"))
    return drawing
