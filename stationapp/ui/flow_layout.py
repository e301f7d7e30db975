"""A layout that lines its widgets up left to right and wraps onto a new line when the
width runs out, like Qt's flow layout example.

Page toolbars and filter rows use it (through :func:`flow_row`), so that at a large text
size on a small screen their buttons wrap onto a second line instead of being cut.
Items whose size policy expands horizontally (a search box) share the width left over
on their line.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
)


class FlowLayout(QLayout):
    """Widgets in a row, wrapping onto further rows; its height follows its width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        """A flow layout on ``parent``; ``spacing`` -1 takes the style's spacing."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        """Add ``item`` at the end (Qt calls this from ``addWidget``)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``, or None."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """A flow grows in neither direction by itself."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Yes: the narrower, the more rows."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need when laid out ``width`` pixels wide."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items inside ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        width = 0
        height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self.spacing_between() if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest item (each on a line of its own)."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def spacing_between(self) -> int:
        """Pixels between two items, across and down."""
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return max(0, parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                                                 None, parent))

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (placing them when ``move``); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing_between()
        lines: list[list[QLayoutItem]] = []
        line: list[QLayoutItem] = []
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if line and used + gap + width > area.width():
                lines.append(line)
                line, used = [], 0
            used += (gap if line else 0) + width
            line.append(item)
        if line:
            lines.append(line)
        y = area.y()
        for number, row in enumerate(lines):
            height = max(item.sizeHint().height() for item in row)
            widths = self._widths(row, area.width(), gap)
            x = area.x()
            if move:
                for item, width in zip(row, widths, strict=True):
                    item_height = (height if item.expandingDirections()
                                   & Qt.Orientation.Vertical else item.sizeHint().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                    x += width + gap
            y += height + (gap if number < len(lines) - 1 else 0)
        return y - rect.y() + margins.bottom()

    @staticmethod
    def _widths(row: list[QLayoutItem], available: int, gap: int) -> list[int]:
        """Each item's width on its line: its size hint, the spare width shared among the
        items that expand horizontally, never wider than the line."""
        widths = [min(item.sizeHint().width(), available) for item in row]
        growing = [index for index, item in enumerate(row)
                   if item.expandingDirections() & Qt.Orientation.Horizontal]
        spare = available - sum(widths) - gap * (len(row) - 1)
        if growing and spare > 0:
            share, rest = divmod(spare, len(growing))
            for order, index in enumerate(growing):
                widths[index] += share + (1 if order < rest else 0)
        return widths


def flow_row(*parts: QWidget | tuple[QWidget, ...], parent: QWidget | None = None) -> QWidget:
    """A widget holding ``parts`` in a :class:`FlowLayout` (no margins). A tuple of widgets
    (a label and its field) stays together on one line."""
    row = QWidget(parent)
    layout = FlowLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, tuple):
            group = QWidget(row)
            group_layout = QHBoxLayout(group)
            group_layout.setContentsMargins(0, 0, 0, 0)
            for widget in part:
                group_layout.addWidget(widget)
            layout.addWidget(group)
        else:
            layout.addWidget(part)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    row.setSizePolicy(policy)
    return row


__all__ = ["FlowLayout", "flow_row"]
