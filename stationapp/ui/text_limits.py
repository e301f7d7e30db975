"""Show the clerk the length limit of a text field, from the one table in the domain rules.

A one-line field stops taking characters at the limit and says the limit in its tooltip;
a multi-line field says its limit in its placeholder (or tooltip, when it already has a
placeholder). The service still checks, and its message names the field and the limit.

One-line fields are limited by a validator rather than ``QLineEdit.setMaxLength``: the
latter also cuts text set by code, so a value stored before a limit was tightened would be
shortened silently when a dialog opens it and saved shorter. The validator only refuses
edits that make text longer than the limit; stored text shows whole and the service says
what to shorten.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from stationapp.domain.text_rules import TextRule


def limit_hint(limit: int) -> str:
    """"At most N characters", in the desk's language."""
    return QCoreApplication.translate("TextLimit", "At most %n characters", None, limit)


class LengthLimit(QValidator):
    """Refuses an edit of ``line`` that makes its text longer than ``limit`` characters;
    text already longer (set by code) may still be shortened."""

    def __init__(self, line: QLineEdit, limit: int) -> None:
        """Limit ``line`` (the validator's parent) to ``limit`` characters."""
        super().__init__(line)
        self.limit = limit
        self._line = line
        self._length = len(line.text())
        line.textChanged.connect(self._remember)

    def _remember(self, text: str) -> None:
        # Qt asks about an edit after applying it, so the length before it is kept here.
        self._length = len(text)

    def validate(self, text: str, pos: int) -> QValidator.State:
        """Invalid when an edit grows the text beyond the limit."""
        if not self._line.isModified():
            return QValidator.State.Acceptable  # set by code (setText clears the flag)
        if len(text) > self.limit and len(text) > self._length:
            return QValidator.State.Invalid
        return QValidator.State.Acceptable


def text_limit(line: QLineEdit) -> int | None:
    """The limit :func:`limit_text` gave ``line``, or None."""
    validator = line.validator()
    return validator.limit if isinstance(validator, LengthLimit) else None


def _limit_line(line: QLineEdit, limit: int) -> None:
    line.setValidator(LengthLimit(line, limit))
    if not line.toolTip():
        line.setToolTip(limit_hint(limit))


def limit_text(widget: QWidget, rule: TextRule) -> None:
    """Make ``widget`` (a line edit, an editable combo box or a plain-text edit) show and
    keep ``rule``'s length limit."""
    if isinstance(widget, QComboBox):
        line = widget.lineEdit()
        if line is not None:
            _limit_line(line, rule.limit)
    elif isinstance(widget, QLineEdit):
        _limit_line(widget, rule.limit)
    elif isinstance(widget, QPlainTextEdit):
        if widget.placeholderText():
            widget.setToolTip(limit_hint(rule.limit))
        else:
            widget.setPlaceholderText(limit_hint(rule.limit))
    else:  # pragma: no cover - a programming mistake
        raise TypeError(f"cannot limit the text of {type(widget).__name__}")
