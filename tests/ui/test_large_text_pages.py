"""At 特大 (extra large text) every main page is readable and uncut on a 1366×768 desk.

The main window is given the size the window fitter gives it there (90 % of the 1366×728
available above the taskbar): each page's buttons and filters lie inside the page's width,
wrapping onto another line rather than being cut. Titles and table rows follow a change
of the text size made while the page is open; the events table gives the name room.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRect, QTranslator
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stationapp import messages
from stationapp.ui.events_page import EventColumn
from stationapp.ui.flow_layout import FlowLayout, flow_row
from stationapp.ui.i18n import install_translators
from stationapp.ui.main_window import PAGE_ORDER, MainWindow
from stationapp.ui.page_helpers import TITLE_SCALE, list_table, page_title
from stationapp.ui.scaled_font import scale_font
from stationapp.ui.text_size import TextSize, apply_text_size, point_size

DESK_WINDOW = (1229, 655)
"""The main window's size on a 1366×768 desk: 90 % of the 1366×728 above the taskbar."""


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, back at the standard size afterwards."""
    yield qapp
    apply_text_size(qapp, TextSize.STANDARD)


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The translators of the language asked for, removed again afterwards."""
    before = QLocale()
    lang = str(request.param)
    try:
        install_translators(qapp, lang)
        yield lang
    finally:
        for translator in qapp.findChildren(QTranslator):
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(before)
        messages.set_language(messages.CHINESE)


def _settle(qtbot: QtBot) -> None:
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(10)


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _controls(page: QWidget) -> list[QWidget]:
    """The page's buttons, drop-downs and search boxes that are shown."""
    found: list[QWidget] = []
    for kind in (QAbstractButton, QComboBox, QLineEdit):
        for widget in page.findChildren(kind):
            holder = widget.parentWidget()
            # Parts of a drop-down, a date field or the tab bar are not the page's controls.
            if (holder is None or not widget.isVisibleTo(page)
                    or widget.window() is not page.window() or isinstance(holder, QComboBox)
                    or holder.inherits("QAbstractSpinBox") or holder.inherits("QTabBar")):
                continue
            found.append(widget)
    return found


def test_every_page_keeps_its_buttons_and_filters_inside_at_extra_large(
        qtbot: QtBot, app: QApplication, main_window: MainWindow, language: str) -> None:
    apply_text_size(app, TextSize.EXTRA_LARGE)
    main_window.resize(*DESK_WINDOW)
    _settle(qtbot)
    for name in PAGE_ORDER:
        page = main_window.show_page(name)
        assert isinstance(page, QWidget)
        _settle(qtbot)
        visible = page.rect()
        cut: list[tuple[str, object, object]] = []
        for control in _controls(page):
            if control.width() <= 0:
                continue
            rect = _rect_in(control, page)
            # Inside scrolled tables the rows may scroll: only what sits outside a table.
            if any(isinstance(a, QTableView) for a in _ancestors(control, page)):
                continue
            if not visible.contains(rect):
                cut.append((control.objectName() or _text(control), rect, visible))
            elif control.sizeHint().width() > control.width() + 2 and isinstance(
                    control, QAbstractButton):
                cut.append((_text(control), "narrower than its text", control.width()))
        assert not cut, f"{name} ({language}): {cut}"


def _ancestors(widget: QWidget, stop: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else type(widget).__name__


def test_titles_and_rows_follow_a_size_change_while_the_page_is_open(
        qtbot: QtBot, app: QApplication, main_window: MainWindow) -> None:
    page = main_window.show_page("households")
    assert isinstance(page, QWidget)
    title = next(label for label in page.findChildren(QLabel) if label.font().bold())
    table = page.findChild(QTableView)
    assert table is not None
    standard = point_size(app, TextSize.STANDARD)
    assert title.font().pointSizeF() == pytest.approx(standard * TITLE_SCALE)

    apply_text_size(app, TextSize.EXTRA_LARGE)
    _settle(qtbot)
    assert title.font().pointSizeF() == pytest.approx(18.0 * TITLE_SCALE)
    assert title.font().bold()
    assert table.verticalHeader().defaultSectionSize() == table.fontMetrics().height() + 10

    apply_text_size(app, TextSize.STANDARD)
    _settle(qtbot)
    assert title.font().pointSizeF() == pytest.approx(standard * TITLE_SCALE)


def test_a_scaled_widget_follows_the_font_around_it(qtbot: QtBot, app: QApplication) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("标题")
    scale_font(label, 2.0, bold=True)
    label.setParent(holder)
    base = holder.font().pointSizeF()
    assert label.font().pointSizeF() == pytest.approx(base * 2.0)
    bigger = holder.font()
    bigger.setPointSizeF(base + 5)
    holder.setFont(bigger)
    assert label.font().pointSizeF() == pytest.approx((base + 5) * 2.0)
    scale_font(label, 1.5)  # a second call replaces the first scale
    assert label.font().pointSizeF() == pytest.approx((base + 5) * 1.5)
    assert page_title("x", holder).font().pointSizeF() == pytest.approx(
        (base + 5) * TITLE_SCALE)
    table = list_table(QStandardItemModel(0, 1, holder), "t", holder)
    assert table.verticalHeader().defaultSectionSize() == table.fontMetrics().height() + 10


def test_a_flow_row_wraps_when_too_narrow(qtbot: QtBot, app: QApplication) -> None:
    buttons = [QLineEdit(), *(QLabel(f"按钮按钮{n}") for n in range(4))]
    row = flow_row(*buttons)
    qtbot.addWidget(row)
    layout = row.layout()
    assert isinstance(layout, FlowLayout)
    wide = layout.sizeHint().width()
    one_line = layout.heightForWidth(wide)
    assert layout.heightForWidth(wide // 2) > one_line
    row.resize(wide // 2, layout.heightForWidth(wide // 2))
    row.show()
    _settle(qtbot)
    for widget in buttons:
        assert row.rect().contains(_rect_in(widget, row))
    # The search box takes the room left on its line.
    row.resize(wide + 200, one_line)
    _settle(qtbot)
    assert buttons[0].width() >= buttons[0].sizeHint().width() + 150


def test_the_events_name_gets_room_at_extra_large(
        qtbot: QtBot, app: QApplication, main_window: MainWindow) -> None:
    apply_text_size(app, TextSize.EXTRA_LARGE)
    main_window.resize(*DESK_WINDOW)
    page = main_window.show_page("events")
    _settle(qtbot)
    table = page.findChild(QTableView)  # type: ignore[attr-defined]
    assert isinstance(table, QTableView)
    least = table.fontMetrics().horizontalAdvance("国") * 12
    assert table.horizontalHeader().sectionSize(EventColumn.TITLE) >= least
