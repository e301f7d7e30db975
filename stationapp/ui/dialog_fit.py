"""Every window fits the screen it opens on, and its buttons stay reachable.

One application-wide event filter (:class:`WindowFitter`, installed by :func:`install`)
sees each top-level window as it is shown. It bounds the window to the available screen
(:mod:`stationapp.ui.screen_fit`) and, when the window's content cannot shrink that far,
moves the content above its buttons (the :class:`QDialogButtonBox`, or the last row of
buttons) into a :class:`QScrollArea`: on 1366×768, at 150 % or at the largest text size,
保存 / 取消 / 关闭 stay on the screen and the form scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from stationapp.ui.screen_fit import keep_on_screen, usable_size

SCROLLED_NAME = "fittedContent"
"""Object name of the scroll area that holds a window's content once it had to scroll."""

_FITTER_NAME = "stationappWindowFitter"


def _contains_buttons(item: QLayoutItem) -> bool:
    """True when the layout item is, or holds, a button box or push buttons."""
    widget = item.widget()
    if widget is not None:
        return (isinstance(widget, (QDialogButtonBox, QAbstractButton))
                or widget.findChild(QDialogButtonBox) is not None)
    layout = item.layout()
    if layout is None:
        return False
    return any(_contains_buttons(child) for child in _items(layout))


def _items(layout: QLayout) -> list[QLayoutItem]:
    items = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is not None:
            items.append(item)
    return items


def _holds_box(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is not None:
        return isinstance(widget, QDialogButtonBox) or widget.findChild(
            QDialogButtonBox) is not None
    layout = item.layout()
    return layout is not None and any(_holds_box(child) for child in _items(layout))


def _button_row(layout: QLayout) -> int | None:
    """Index in ``layout`` of the item with the window's buttons: the one holding a
    QDialogButtonBox, else the last item when it is a row of buttons; None otherwise."""
    items = _items(layout)
    for index, item in enumerate(items):
        if _holds_box(item):
            return index
    if items and items[-1].layout() is not None and _contains_buttons(items[-1]):
        return len(items) - 1
    return None


def _scroll_area(parent: QWidget, content: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setObjectName(SCROLLED_NAME)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    # Made while its window is being shown, after Qt showed the window's children: it
    # would stay hidden (an empty window) unless shown itself.
    area.show()
    return area


def scroll_content(window: QWidget) -> QScrollArea | None:
    """Move ``window``'s content above its buttons into a scroll area (once).

    The window's layout moves, with its widgets, into the scrolled content; the button
    row stays below it in a new layout. Returns the scroll area, or None when the window
    has no layout or no button row, or scrolls already.
    """
    existing = window.findChild(QScrollArea, SCROLLED_NAME)
    if existing is not None:
        return existing
    old = window.layout()
    if old is None:
        return None
    row = _button_row(old)
    if row is None:
        return None
    margins = old.contentsMargins()
    spacing = old.spacing()
    taken = old.takeAt(row)
    buttons_widget = taken.widget() if taken is not None else None
    buttons_layout = taken.layout() if taken is not None else None
    if buttons_layout is not None:
        buttons_layout.setParent(None)
    content = QWidget()
    content.setLayout(old)  # moves the layout and its widgets out of the window
    old.setContentsMargins(0, 0, margins.right(), 0)
    area = _scroll_area(window, content)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(margins.left(), margins.top(), margins.right(), margins.bottom())
    if spacing >= 0:
        layout.setSpacing(spacing)
    layout.addWidget(area, 1)
    if buttons_widget is not None:
        layout.addWidget(buttons_widget)
    elif buttons_layout is not None:
        layout.addLayout(buttons_layout)
    return area


def _scroll_wizard_pages(wizard: QWizard) -> None:
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page_layout = page.layout() if page is not None else None
        if page is None or page_layout is None:
            continue
        if page.findChild(QScrollArea, SCROLLED_NAME) is not None:
            continue
        content = QWidget()
        content.setLayout(page_layout)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll_area(page, content))


def fit_window(window: QWidget) -> None:
    """Bound the top-level ``window`` to its screen's available area (frame included);
    when its content cannot shrink that far, let the content scroll above the buttons."""
    usable = usable_size(window)
    if usable is None:
        return
    window.ensurePolished()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    wanted = window.size().expandedTo(window.minimumSizeHint())
    if wanted.height() > usable.height() or wanted.width() > usable.width():
        natural = window.sizeHint().expandedTo(wanted)
        if isinstance(window, QWizard):
            _scroll_wizard_pages(window)
        else:
            scroll_content(window)
        wrapped = window.layout()
        if wrapped is not None:
            wrapped.activate()
        bar = window.style().pixelMetric(window.style().PixelMetric.PM_ScrollBarExtent)
        wanted = QSize(natural.width() + bar, natural.height())
    _unfix(window, usable)
    size = wanted.boundedTo(usable)
    if size != window.size():
        window.resize(size)
    if not isinstance(window, QDialog) or window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        keep_on_screen(window)  # a dialog not moved yet is centred (and kept inside) by Qt


def _unfix(window: QWidget, usable: QSize) -> None:
    """Lower a minimum (or fixed) size larger than the screen so the window can shrink."""
    minimum = window.minimumSize()
    if minimum.height() > usable.height() or minimum.width() > usable.width():
        window.setMinimumSize(minimum.boundedTo(usable))
    maximum = window.maximumSize()
    if maximum.height() < minimum.height() or maximum.width() < minimum.width():
        window.setMaximumSize(maximum.expandedTo(window.minimumSize()))


class WindowFitter(QObject):
    """Application-wide event filter: fits each top-level window when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit ``watched`` before it appears, when it is a window being shown."""
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and not event.spontaneous()
                and watched.windowType() in _FITTED_TYPES):
            fit_window(watched)
        return False


_FITTED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def install(app: QApplication) -> WindowFitter:
    """Install the window fitter on ``app`` (once) and return it."""
    existing = app.findChild(WindowFitter, _FITTER_NAME)
    if existing is not None:
        return existing
    fitter = WindowFitter(app)
    fitter.setObjectName(_FITTER_NAME)
    app.installEventFilter(fitter)
    return fitter


def fit_open_windows() -> None:
    """Fit every visible top-level window again (after the text size changed)."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.isWindow() and widget.windowType() in _FITTED_TYPES:
            fit_window(widget)


__all__ = ["SCROLLED_NAME", "WindowFitter", "fit_open_windows", "fit_window", "install",
           "scroll_content"]
