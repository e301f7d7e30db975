"""Text size of the whole program: 标准 / 大 / 特大, chosen under 查看, kept per desk.

:func:`apply_text_size` sets the application font (every window follows at once), makes
buttons and input fields tall enough to hit (44 px at 特大), rows of tables, trees and
lists at least 1.3 times the font size high (:mod:`stationapp.ui.line_spacing` spaces the
lines of labels and edits, :mod:`stationapp.ui.readable_colours` keeps the palette's text
at 4.5:1) and fits the open windows to the screen again. :func:`apply_stored_text_size`
does it at start-up with the size this desk chose last; :func:`add_text_size_actions`
puts the three sizes and Ctrl+= / Ctrl+- into a menu.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.dialog_fit import fit_open_windows
from stationapp.ui.line_spacing import install_line_spacing, least_line_box
from stationapp.ui.readable_colours import make_palette_readable


class TextSize(Enum):
    """The three text sizes a desk can choose."""

    STANDARD = "standard"
    LARGE = "large"
    EXTRA_LARGE = "extra_large"


TEXT_SIZE_KEY = "view/text_size"
"""Desk setting (:func:`desk_settings`) holding the chosen :class:`TextSize` value."""

ORDER = (TextSize.STANDARD, TextSize.LARGE, TextSize.EXTRA_LARGE)

POINT_SIZES = {TextSize.LARGE: 14.0, TextSize.EXTRA_LARGE: 18.0}
"""Point size of the larger sizes (standard keeps the desk's own font size, if smaller)."""

MINIMUM_TARGET = {TextSize.STANDARD: 0, TextSize.LARGE: 36, TextSize.EXTRA_LARGE: 44}
"""Least height in pixels of buttons and input fields at each size (targets to hit)."""

_BASE_SIZE_PROPERTY = "stationappBasePointSize"
_ROWS_RAISED_PROPERTY = "stationappRowsRaised"

_TARGETS = (
    QStyle.ContentsType.CT_PushButton,
    QStyle.ContentsType.CT_ToolButton,
    QStyle.ContentsType.CT_LineEdit,
    QStyle.ContentsType.CT_ComboBox,
    QStyle.ContentsType.CT_SpinBox,
)


ROW_PADDING = 4
"""Pixels a table, tree or list row has beyond its line box at the larger sizes."""


class TargetSizeStyle(QProxyStyle):
    """The application's style, with buttons and input fields at least
    :attr:`minimum_height` pixels tall and, at the larger sizes, rows of item views at
    least one line box (1.3 times the font size, :func:`least_line_box`) high."""

    def __init__(self, base_key: str) -> None:
        """Wrap a new instance of the style named ``base_key`` (e.g. ``fusion``)."""
        super().__init__(base_key)
        self.minimum_height = 0

    def sizeFromContents(
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        """The base style's size, raised to :attr:`minimum_height` for targets."""
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if self.minimum_height and kind in _TARGETS and result.height() < self.minimum_height:
            result.setHeight(self.minimum_height)
        elif self.minimum_height and kind == QStyle.ContentsType.CT_ItemViewItem:
            font = widget.font() if widget is not None else QApplication.font()
            result.setHeight(max(result.height(), least_line_box(font) + ROW_PADDING))
        return result

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        """The base style's metric; at the larger sizes table rows (a vertical header's
        default section) are at least a line box and padding high."""
        result = super().pixelMetric(metric, option, widget)
        if self.minimum_height and metric == QStyle.PixelMetric.PM_HeaderDefaultSectionSizeVertical:
            font = widget.font() if widget is not None else QApplication.font()
            result = max(result, least_line_box(font) + ROW_PADDING)
        return result


def least_row_height(font: QFont) -> int:
    """The least height of a table row in ``font`` at the larger sizes."""
    return least_line_box(font) + ROW_PADDING


def stored_text_size() -> TextSize:
    """The text size this desk chose last (standard when none or unknown)."""
    value = desk_settings().value(TEXT_SIZE_KEY, TextSize.STANDARD.value)
    try:
        return TextSize(str(value))
    except ValueError:
        return TextSize.STANDARD


def store_text_size(size: TextSize) -> None:
    """Remember ``size`` for this desk."""
    settings = desk_settings()
    settings.setValue(TEXT_SIZE_KEY, size.value)
    settings.sync()


def _base_point_size(app: QApplication) -> float:
    """The desk's own font size, as the application had it before any change."""
    stored = app.property(_BASE_SIZE_PROPERTY)
    if isinstance(stored, float) and stored > 0:
        return stored
    size = app.font().pointSizeF()
    base = size if size > 0 else 9.0
    app.setProperty(_BASE_SIZE_PROPERTY, base)
    return base


def point_size(app: QApplication, size: TextSize) -> float:
    """The font point size ``size`` means on this desk."""
    base = _base_point_size(app)
    return max(base, POINT_SIZES.get(size, base))


def _target_style(app: QApplication) -> TargetSizeStyle:
    style = app.style()
    if isinstance(style, TargetSizeStyle):
        return style
    proxy = TargetSizeStyle(style.name())
    app.setStyle(proxy)
    return proxy


def current_text_size(app: QApplication) -> TextSize:
    """The size the application shows now (by its font size)."""
    points = app.font().pointSizeF()
    for size in reversed(ORDER):
        if points >= point_size(app, size) and size is not TextSize.STANDARD:
            return size
    return TextSize.STANDARD


def apply_text_size(app: QApplication, size: TextSize) -> None:
    """Show the whole program at ``size`` now: the application font, the least height of
    buttons and inputs, and open windows fitted to their screen again."""
    install_line_spacing(app)
    make_palette_readable(app)
    points = point_size(app, size)
    if size is not TextSize.STANDARD or isinstance(app.style(), TargetSizeStyle):
        _target_style(app).minimum_height = MINIMUM_TARGET[size]
    font = QFont(app.font())
    font.setPointSizeF(points)
    QApplication.setFont(font)
    # Qt posts the change to every widget: deliver it now, so the windows are fitted
    # with their new size below.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in QApplication.allWidgets():
        # A widget with a style sheet keeps the font it was polished with until its
        # sheet is applied again.
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
        # The least target height may have changed even where the font did not.
        widget.updateGeometry()
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Vertical:
            _fit_rows(widget, size)
    fit_open_windows()


def _fit_rows(header: QHeaderView, size: TextSize) -> None:
    """Raise the rows of a table made before the text size grew to a line box; give
    them back the style's height at the standard size."""
    least = least_row_height(header.font())
    if size is not TextSize.STANDARD and header.defaultSectionSize() < least:
        header.setDefaultSectionSize(least)
        header.setProperty(_ROWS_RAISED_PROPERTY, True)
    elif size is TextSize.STANDARD and header.property(_ROWS_RAISED_PROPERTY):
        header.setProperty(_ROWS_RAISED_PROPERTY, False)
        header.resetDefaultSectionSize()


def apply_stored_text_size(app: QApplication) -> TextSize:
    """At start-up: apply the size this desk chose last; return it."""
    size = stored_text_size()
    make_palette_readable(app)
    if size is not TextSize.STANDARD:
        # The labels' line spacing is an application event filter that every event passes
        # through: a desk at 标准 starts without it (choosing a size installs it).
        apply_text_size(app, size)
    return size


def choose_text_size(size: TextSize) -> None:
    """Apply ``size`` to the running application and remember it for this desk."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_text_size(app, size)
    store_text_size(size)


class TextSizeActions(QObject):
    """The text size actions of a menu: one checkable action per size, and bigger /
    smaller. ``changed(size)`` is emitted after a size was applied."""

    changed = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        """Make the actions (owned by ``parent``); :func:`add_text_size_actions` adds them."""
        super().__init__(parent)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        texts = {
            TextSize.STANDARD: self.tr("&Standard text"),
            TextSize.LARGE: self.tr("&Large text"),
            TextSize.EXTRA_LARGE: self.tr("E&xtra large text"),
        }
        self.actions: dict[TextSize, QAction] = {}
        for size in ORDER:
            action = QAction(texts[size], parent)
            action.setCheckable(True)
            action.setData(size.value)
            action.triggered.connect(lambda _checked=False, s=size: self.choose(s))
            self.group.addAction(action)
            self.actions[size] = action
        self.bigger = QAction(self.tr("&Bigger text"), parent)
        self.bigger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.bigger.triggered.connect(lambda: self.step(1))
        self.smaller = QAction(self.tr("S&maller text"), parent)
        self.smaller.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller.triggered.connect(lambda: self.step(-1))
        self._size = stored_text_size()
        self._show_checked()

    @property
    def size(self) -> TextSize:
        """The size chosen now."""
        return self._size

    def choose(self, size: TextSize) -> None:
        """Apply and remember ``size``."""
        self._size = size
        choose_text_size(size)
        self._show_checked()
        self.changed.emit(size)

    def step(self, by: int) -> None:
        """One size bigger (``by`` 1) or smaller (-1); nothing past the ends."""
        index = min(max(ORDER.index(self._size) + by, 0), len(ORDER) - 1)
        if ORDER[index] is not self._size:
            self.choose(ORDER[index])

    def _show_checked(self) -> None:
        self.actions[self._size].setChecked(True)
        self.bigger.setEnabled(self._size is not ORDER[-1])
        self.smaller.setEnabled(self._size is not ORDER[0])


def add_text_size_actions(menu: QMenu, parent: QWidget) -> TextSizeActions:
    """Add the three text sizes (a checkable group), bigger (Ctrl+=) and smaller (Ctrl+-)
    to ``menu`` (查看), the actions owned by ``parent`` (the main window)."""
    actions = TextSizeActions(parent)
    for size in ORDER:
        menu.addAction(actions.actions[size])
    menu.addSeparator()
    menu.addAction(actions.bigger)
    menu.addAction(actions.smaller)
    return actions


__all__ = [
    "MINIMUM_TARGET", "ORDER", "POINT_SIZES", "ROW_PADDING", "TEXT_SIZE_KEY", "TargetSizeStyle",
    "TextSize", "TextSizeActions", "add_text_size_actions", "apply_stored_text_size",
    "apply_text_size", "choose_text_size", "current_text_size", "least_row_height",
    "point_size", "store_text_size", "stored_text_size",
]
