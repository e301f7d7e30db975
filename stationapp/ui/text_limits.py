"""Show the clerk the length limit of a text field, from the one table in the domain rules.

A one-line field stops taking characters at the limit (a paste keeps what fits) and says
the limit in its tooltip;
a multi-line field says its limit in its placeholder (or tooltip, when it already has a
placeholder). The service still checks, and its message names the field and the limit.

One-line fields are limited by a validator rather than ``QLineEdit.setMaxLength``: the
latter also cuts text set by code, so a value stored before a limit was tightened would be
shortened silently when a dialog opens it and saved shorter. The validator only refuses
edits that make text longer than the limit; stored text shows whole and the service says
what to shorten.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from stationapp.domain.text_rules import TextRule


def limit_hint(limit: int) -> str:
    """"At most N characters", in the desk's language."""
    return QCoreApplication.translate("TextLimit", "At most %n characters", None, limit)


class LengthLimit(QValidator):
    """Keeps edits of ``line`` within ``limit`` characters: what a keystroke or a paste
    adds beyond the limit is left out, and the limit is shown beside the field. Text
    already longer (set by code) is kept whole and may be shortened."""

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

    def validate(self, text: str, pos: int) -> object:
        """Acceptable; an edit that grows the text beyond the limit loses the characters
        it added beyond it (they sit just before the cursor ``pos``)."""
        if not self._line.isModified():
            return QValidator.State.Acceptable  # set by code (setText clears the flag)
        excess = len(text) - max(self.limit, self._length)
        if excess <= 0:
            return QValidator.State.Acceptable
        cut = min(excess, pos)
        kept = text[: pos - cut] + text[pos:]
        self._tell()
        if len(kept) > max(self.limit, self._length):
            return QValidator.State.Invalid
        return (QValidator.State.Acceptable, kept, pos - cut)

    def _tell(self) -> None:
        """Show the limit by the field, so a refused keystroke or a cut paste is explained."""
        line = self._line
        QToolTip.showText(line.mapToGlobal(QPoint(0, line.height())), limit_hint(self.limit),
                          line)


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
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        if widget.placeholderText():
            widget.setToolTip(limit_hint(rule.limit))
        else:
            widget.setPlaceholderText(limit_hint(rule.limit))
    else:  # pragma: no cover - a programming mistake
        raise TypeError(f"cannot limit the text of {type(widget).__name__}")
