"""The red inline message under a field, in a module of its own: the sign-in window uses it
before the database layer is imported (``form_helpers`` imports the operation runner)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = QColor("#b3261e")
"""Text colour of inline error messages."""


class ErrorLabel(QLabel):
    """A red, word-wrapped message shown under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.setVisible(False)

    def show_message(self, message: str) -> None:
        """Show ``message`` (several messages of one field are joined line by line)."""
        text = f"{self.text()}\n{message}" if self.text() else message
        self.setText(text)
        self.setVisible(True)

    def clear_message(self) -> None:
        """Hide the label and forget its text."""
        self.clear()
        self.setVisible(False)
