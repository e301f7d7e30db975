"""Windows open no larger than the screen they are on (1366×768, 150 % …)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9
"""At most this share of the available screen, so the taskbar and a frame stay visible."""


def resize_within_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize ``widget`` to ``wanted``, but no larger than 90 % of the available screen
    (never smaller than the widget's minimum size)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = wanted
    if screen is not None:
        available = screen.availableGeometry().size()
        size = size.boundedTo(QSize(int(available.width() * SCREEN_SHARE),
                                    int(available.height() * SCREEN_SHARE)))
    widget.resize(size.expandedTo(widget.minimumSize()))


__all__ = ["SCREEN_SHARE", "resize_within_screen"]
