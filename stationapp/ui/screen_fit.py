"""Windows open no larger than the screen they are on (1366×768, 150 % …)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9
"""At most this share of the available screen, so the taskbar and a frame stay visible."""

FRAME_ALLOWANCE = QSize(16, 48)
"""Room kept for a window's frame and title bar (logical pixels) when a window is bounded
to the screen: its buttons must stay inside the available area, frame included."""


def available_geometry(widget: QWidget) -> QRect | None:
    """The available geometry (without taskbars) of the screen ``widget`` is on, or None
    when there is no screen at all."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def usable_size(widget: QWidget) -> QSize | None:
    """The largest size ``widget``'s client area may take on its screen: the available
    geometry less :data:`FRAME_ALLOWANCE`; None without a screen."""
    area = available_geometry(widget)
    if area is None:
        return None
    return QSize(max(1, area.width() - FRAME_ALLOWANCE.width()),
                 max(1, area.height() - FRAME_ALLOWANCE.height()))


def resize_within_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize ``widget`` to ``wanted``, but no larger than 90 % of the available screen
    (never smaller than the widget's minimum size)."""
    area = available_geometry(widget)
    size = wanted
    if area is not None:
        size = size.boundedTo(QSize(int(area.width() * SCREEN_SHARE),
                                    int(area.height() * SCREEN_SHARE)))
    widget.resize(size.expandedTo(widget.minimumSize()))


def keep_on_screen(widget: QWidget) -> None:
    """Move the top-level ``widget`` so that its client area, with room for the frame and
    title bar, lies inside the available screen (it is not resized)."""
    area = available_geometry(widget)
    if area is None:
        return
    # pos() is the frame's corner; the frame and title bar take FRAME_ALLOWANCE at most.
    x = min(widget.x(), area.right() + 1 - widget.width() - FRAME_ALLOWANCE.width())
    y = min(widget.y(), area.bottom() + 1 - widget.height() - FRAME_ALLOWANCE.height())
    target = QPoint(max(x, area.left()), max(y, area.top()))
    if target != widget.pos():
        widget.move(target)


__all__ = ["FRAME_ALLOWANCE", "SCREEN_SHARE", "available_geometry", "keep_on_screen",
           "resize_within_screen", "usable_size"]
