"""The statistics page's building blocks on their own: painted charts, cards and tables.

Bars come in the order given with their values written after them, the smallest fold
into "others", all-zero values show the "no data" text, long labels are elided with the
full text in a tooltip, the ring's legend tells counts and shares, and showing the same
figures again neither repaints nor re-styles anything.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from stationapp.ui.chart_widgets import (
    BAR_COLORS,
    PIE_COLORS,
    BarChartPanel,
    FigureCard,
    PieChartPanel,
    TablePanel,
)

BLUE = BAR_COLORS["blue"]
CATEGORIES = [("高龄", 512), ("孤寡", 38), ("计生特殊家庭", 9), ("留守", 0), ("独居", 120)]
LONG_NAME = "锦华一区东侧新建回迁安置小区北院"


class EventCounter(QObject):
    """Counts the events of one type a widget receives."""

    def __init__(self, watched: QWidget, kind: QEvent.Type) -> None:
        """Start counting ``kind`` events of ``watched``."""
        super().__init__(watched)
        self.kind = kind
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count, never filter."""
        if event.type() == self.kind:
            self.count += 1
        return False


def settle() -> None:
    """Deliver posted events: layout requests and repaints."""
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def bars(qtbot: QtBot) -> Iterator[BarChartPanel]:
    """A shown bar chart of care categories, folding beyond three bars."""
    panel = BarChartPanel("各关爱类别户数", "没有数据", BLUE, "其他", max_bars=3)
    qtbot.addWidget(panel)
    panel.resize(420, 260)
    panel.set_values(CATEGORIES)
    panel.show()
    qtbot.waitExposed(panel)
    settle()
    yield panel


def pixels_of(image: QImage, colour: QColor) -> int:
    """How many pixels of ``image`` are (nearly) ``colour``."""
    wanted = colour.rgb() & 0xFFFFFF
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) & 0xFFFFFF == wanted:
                count += 1
    return count


def test_bars_are_drawn_in_order_with_their_values_after_them(bars: BarChartPanel) -> None:
    bars.set_values([("高龄", 512), ("孤寡", 38), ("独居", 7.5)])
    settle()
    assert bars.values() == [("高龄", 512), ("孤寡", 38), ("独居", 7.5)]
    rows = bars.chart.rows()
    assert [row.label_text for row in rows] == ["高龄", "孤寡", "独居"]
    assert [row.value_text for row in rows] == ["512", "38", "7.5"]
    tops = [row.bar.top() for row in rows]
    assert tops == sorted(tops)  # the first value on top
    lengths = [row.bar.width() for row in rows]
    assert lengths[0] > lengths[1] > lengths[2] > 0
    for row in rows:
        assert row.value_at.x() > row.bar.right()
        assert row.value_at.x() + bars.chart.fontMetrics().horizontalAdvance(
            row.value_text) <= bars.chart.width()
    assert "高龄 512" in bars.chart.accessibleDescription()
    assert bars.chart.accessibleName() == "各关爱类别户数"


def test_bars_beyond_the_most_shown_fold_into_others(bars: BarChartPanel) -> None:
    # Zero values are left out before folding: 计生特殊家庭 and 独居 make "others".
    assert bars.values() == [("高龄", 512), ("孤寡", 38), ("其他", 129)]
    assert [row.label_text for row in bars.chart.rows()] == ["高龄", "孤寡", "其他"]
    bars.set_values([("高龄", 512), ("孤寡", 38), ("独居", 120)])
    assert bars.values() == [("高龄", 512), ("孤寡", 38), ("独居", 120)]  # no fold needed


def test_all_zero_values_show_the_no_data_text(bars: BarChartPanel) -> None:
    bars.set_values([("高龄", 0), ("孤寡", 0)])
    assert bars.is_empty()
    assert bars.shown_text() == "没有数据"
    assert bars.values() == []
    bars.set_values(CATEGORIES)
    assert not bars.is_empty()
    assert bars.shown_text() == ""


def test_the_same_values_again_do_not_repaint(bars: BarChartPanel) -> None:
    paints = EventCounter(bars.chart, QEvent.Type.Paint)
    layouts = EventCounter(bars, QEvent.Type.LayoutRequest)
    bars.set_values(list(CATEGORIES))
    settle()
    assert paints.count == 0
    assert layouts.count == 0

    changed = [(label, value + 1) for label, value in CATEGORIES]
    bars.set_values(changed)
    settle()
    assert paints.count >= 1
    assert bars.values()[0] == ("高龄", 513)


def test_a_changed_row_count_asks_for_more_height(bars: BarChartPanel) -> None:
    two_rows = BarChartPanel("t", "none", BLUE, "其他", max_bars=20)
    two_rows.set_values(CATEGORIES[:2])
    height_of_two = two_rows.chart.minimumSizeHint().height()
    many = [(f"第{n}小区", n) for n in range(1, 21)]
    two_rows.set_values(many)
    assert two_rows.chart.minimumSizeHint().height() > height_of_two
    line = two_rows.chart.fontMetrics().height()
    assert two_rows.chart.minimumSizeHint().height() >= 20 * line


def test_bars_follow_the_font_of_the_chart(bars: BarChartPanel) -> None:
    chart = bars.chart
    pitch = chart.rows()[0].row.height()
    height = chart.minimumSizeHint().height()
    bigger = chart.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    chart.setFont(bigger)
    bars.resize(420, 400)
    settle()
    assert chart.fontMetrics().height() > bars.fontMetrics().height()
    assert chart.rows()[0].row.height() > pitch
    assert chart.minimumSizeHint().height() >= height
    assert chart.shown_labels() == ["高龄", "孤寡", "其他"]
    widest = max(chart.fontMetrics().horizontalAdvance(label) for label in ("高龄", "孤寡"))
    assert chart.rows()[0].label.width() >= widest


# The offscreen platform cannot raise the tooltip's window and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_long_labels_are_elided_when_narrow_and_told_in_a_tooltip(
        qtbot: QtBot) -> None:
    panel = BarChartPanel("各小区户数", "没有数据", BAR_COLORS["green"], "其他")
    qtbot.addWidget(panel)
    panel.set_values([(LONG_NAME, 30), ("东旭小区", 12)])
    panel.resize(700, 220)
    panel.show()
    qtbot.waitExposed(panel)
    settle()
    chart = panel.chart
    assert chart.shown_labels() == [LONG_NAME, "东旭小区"]  # room enough: whole

    panel.resize(200, 220)
    settle()
    first, second = chart.shown_labels()
    assert first.endswith("…")
    assert first != LONG_NAME
    assert second == "东旭小区"
    row = chart.rows()[0]
    assert row.label.width() <= chart.width() * chart.LABEL_SHARE
    inside = row.row.center().toPoint()
    assert chart.tooltip_at(inside) == f"{LONG_NAME}: 30"

    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, inside,
                                             chart.mapToGlobal(inside)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"{LONG_NAME}: 30"
    QToolTip.hideText()
    assert chart.tooltip_at(QPoint(1, 1)) == ""


def test_the_bar_chart_paints_bars_in_its_colour(bars: BarChartPanel) -> None:
    image = bars.grab().toImage()
    assert pixels_of(image, BLUE) > 200
    assert pixels_of(bars.chart.grab().toImage(), PIE_COLORS[2]) == 0


def test_the_ring_legend_tells_counts_and_shares(qtbot: QtBot) -> None:
    panel = PieChartPanel("回访满意度", "没有数据")
    qtbot.addWidget(panel)
    panel.resize(420, 260)
    assert panel.is_empty()
    panel.set_values([("满意", 27), ("基本满意", 5), ("不满意", 1), ("未评价", 0)])
    panel.show()
    qtbot.waitExposed(panel)
    settle()
    assert not panel.is_empty()
    assert panel.values() == [("满意", 27), ("基本满意", 5), ("不满意", 1)]
    assert panel.legend_texts() == ["满意  27 (81.8 %)", "基本满意  5 (15.1 %)", "不满意  1 (3 %)"]
    assert panel.chart.accessibleDescription() == "; ".join(panel.legend_texts())

    ring = panel.chart.ring_rect()
    legend_left = panel.chart.width() - panel.chart.fontMetrics().horizontalAdvance(
        "基本满意  5 (15.1 %)")
    assert ring.right() < legend_left  # the legend beside the ring, whole
    # 满意 (82 %) starts at 12 o'clock and runs clockwise past 3 o'clock.
    three_oclock = QPoint(round(ring.right() - ring.width() * 0.15), round(ring.center().y()))
    assert panel.chart.tooltip_at(three_oclock) == "满意  27 (81.8 %)"
    assert panel.chart.tooltip_at(ring.center().toPoint()) == ""  # the hole

    image = panel.grab().toImage()
    assert pixels_of(image, PIE_COLORS[0]) > 200
    assert pixels_of(image, PIE_COLORS[1]) > 20

    paints = EventCounter(panel.chart, QEvent.Type.Paint)
    panel.set_values([("满意", 27), ("基本满意", 5), ("不满意", 1)])
    settle()
    assert paints.count == 0
    panel.set_values([])
    assert panel.is_empty()
    assert panel.legend_texts() == []


def test_a_card_shown_the_same_figure_is_not_restyled(qtbot: QtBot) -> None:
    card = FigureCard("走访逾期", with_progress=True)
    qtbot.addWidget(card)
    card.show()
    card.set_figure("37", "已过应访日期的住户", alert=True)
    card.set_progress(99.7, "覆盖率 {percent}", "应访 468")
    settle()
    styled = EventCounter(card.value_label, QEvent.Type.StyleChange)
    tips = EventCounter(card, QEvent.Type.ToolTipChange)
    card.set_figure("37", "已过应访日期的住户", alert=True)
    card.set_progress(99.7, "覆盖率 {percent}", "应访 468")
    assert styled.count == 0
    assert tips.count == 0
    assert card.value_text() == "37"
    assert card.progress_text() == "覆盖率 99.7 %"

    card.set_figure("0", "", alert=False)
    assert styled.count == 1
    assert card.detail_label.isHidden()
    assert "#b3261e" not in card.value_label.styleSheet()
    card.set_progress(None)
    assert card.progress is not None
    assert not card.progress.isEnabled()
    assert card.progress_text() == "—"


def test_a_table_shown_the_same_rows_is_left_alone(qtbot: QtBot) -> None:
    panel = TablePanel("各类别诉求", "没有数据", ("类别", "受理", "办结", "未办结"))
    qtbot.addWidget(panel)
    assert panel.is_empty()
    panel.set_rows([("供暖", 18, 15, 4), ("水电", 3, 2.5, 1)])
    assert panel.cell_text(1, 2) == "2.5"
    with qtbot.assertNotEmitted(panel.model.rowsRemoved), \
            qtbot.assertNotEmitted(panel.model.rowsInserted), \
            qtbot.assertNotEmitted(panel.model.dataChanged):
        panel.set_rows([("供暖", 18, 15, 4), ("水电", 3, 2.5, 1)])
    assert panel.model.rowCount() == 2
    panel.set_rows([("供暖", 18, 16, 3)])
    assert panel.model.rowCount() == 1
    assert panel.cell_text(0, 2) == "16"
    panel.set_rows([])
    assert panel.is_empty()
