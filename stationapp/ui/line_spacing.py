"""Line spacing of at least 1.3 for texts of several lines (the 适老化 benchmark; issue 14).

Qt sets the lines of a text at the font's own height, about 1.17 times its size. Texts of
several lines are laid out by a :class:`~PySide6.QtGui.QTextDocument`, whose blocks can be
given a proportional line height; :func:`space_document` keeps every block of a document
at :data:`LINE_SPACING` times the font size, also after its text or font changed.

- Multi-line edits are :class:`SpacedTextEdit` (a plain-text :class:`QTextEdit`:
  ``QPlainTextEdit`` ignores line heights).
- Word-wrapped labels are spaced by :class:`LabelSpacer`, an application event filter
  (:func:`install_line_spacing`): a rich-text or selectable label already has a document;
  a plain one gets one by being made selectable, while passing its mouse events on to
  what lies under it (so it still behaves as a plain label).
- Table, tree and list rows are at least :func:`least_line_box` high through the text
  size style (:mod:`stationapp.ui.text_size`).
"""

from __future__ import annotations

import math
import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget
from shiboken6 import isValid

LINE_SPACING = 1.3
"""Least distance of two lines of text, in times the font size."""

_SPACER_NAME = "stationappLineSpacer"
_DOCUMENT_SPACER_NAME = "stationappDocumentSpacer"
_BUSY: set[int] = set()
"""Labels being spaced now (spacing one sends it events the filter hears again)."""
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


def font_pixels(font: QFont) -> float:
    """The size of ``font`` in pixels (the em the line spacing is measured in)."""
    return float(QFontInfo(font).pixelSize())


def least_line_box(font: QFont) -> int:
    """The least height in pixels of one line of ``font``: :data:`LINE_SPACING` times its
    size, rounded up."""
    return math.ceil(LINE_SPACING * font_pixels(font))


def line_height_percent(font: QFont) -> int:
    """The proportional line height (in % of the font's own line) that sets lines of
    ``font`` :data:`LINE_SPACING` times its size apart (never below 100)."""
    natural = QFontMetricsF(font).height()
    if natural <= 0:
        return 100
    return max(100, math.ceil(100 * least_line_box(font) / natural))


def line_pitch(font: QFont) -> int:
    """Pixels from one spaced line of ``font`` to the next (for sizing an edit to N lines)."""
    return math.ceil(QFontMetricsF(font).height() * line_height_percent(font) / 100)


class _DocumentSpacer(QObject):
    """Keeps every block of a document at the line height of its widget's font (owned by
    the document). ``deferred``: after a change, once control is back in the event loop
    (an edit's document must not be changed while the clerk's typing is being applied)."""

    def __init__(self, widget: QWidget, document: QTextDocument, deferred: bool) -> None:
        super().__init__()
        self.widget = widget
        self.document = document
        self.deferred = deferred
        self._applying = False
        self._pending = False
        self.setObjectName(_DOCUMENT_SPACER_NAME)
        self.setParent(document)
        # Through a weak reference, not a slot of this object: a label may drop its
        # document (and this spacer with it) while the document still signals.
        me = weakref.ref(self)

        def changed(_position: int, _removed: int, _added: int) -> None:
            spacer = me()
            if spacer is not None and isValid(spacer):
                spacer._changed()

        document.contentsChange.connect(changed)

    def _changed(self) -> None:
        if self.deferred:
            self.schedule()
        else:
            self.apply()

    def schedule(self) -> None:
        """Apply once control is back in the event loop."""
        if not self._pending and not self._applying:
            self._pending = True
            me = weakref.ref(self)

            def later() -> None:
                spacer = me()
                if spacer is not None and isValid(spacer):
                    spacer._apply_pending()

            QTimer.singleShot(0, later)

    def _apply_pending(self) -> None:
        self._pending = False
        self.apply()

    def apply(self) -> None:
        """Give the blocks that lack it the line height (no undo step, no "changed")."""
        if self._applying or not isValid(self.widget) or not isValid(self.document):
            return
        percent = line_height_percent(self.widget.font())
        document = self.document
        block = document.firstBlock()
        wrong = []
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.lineHeightType() != _PROPORTIONAL or round(fmt.lineHeight()) != percent:
                wrong.append(block.position())
            block = block.next()
        if not wrong:
            return
        self._applying = True
        blocked = self.widget.blockSignals(True)
        modified = document.isModified()
        undo = document.isUndoRedoEnabled() and not document.isUndoAvailable()
        if undo:
            document.setUndoRedoEnabled(False)  # nothing to undo yet: keep it so
        try:
            cursor = QTextCursor(document)
            cursor.joinPreviousEditBlock()
            spaced = QTextBlockFormat()
            spaced.setLineHeight(percent, _PROPORTIONAL)
            for position in wrong:
                cursor.setPosition(position)
                cursor.mergeBlockFormat(spaced)
            cursor.endEditBlock()
        finally:
            if undo:
                document.setUndoRedoEnabled(True)
            document.setModified(modified)
            self.widget.blockSignals(blocked)
            self._applying = False


def space_document(widget: QWidget, document: QTextDocument, *, deferred: bool = False) -> None:
    """Keep ``document``'s lines :data:`LINE_SPACING` times ``widget``'s font size apart,
    now and after every change of its text (at once, or ``deferred`` to the event loop for
    a document the clerk types in); call again after a font change."""
    spacer = document.findChild(_DocumentSpacer, _DOCUMENT_SPACER_NAME)
    if not isinstance(spacer, _DocumentSpacer) or getattr(spacer, "widget", None) is not widget:
        spacer = _DocumentSpacer(widget, document, deferred)
    spacer.apply()


class SpacedTextEdit(QTextEdit):
    """A plain-text edit of several lines, its lines :data:`LINE_SPACING` times the font
    size apart (at every text size)."""

    def __init__(self, text: str | QWidget | None = None, parent: QWidget | None = None) -> None:
        """An edit showing ``text`` (or, as for ``QPlainTextEdit``, just a parent)."""
        if isinstance(text, QWidget):
            text, parent = None, text
        super().__init__(parent)
        self.setAcceptRichText(False)
        space_document(self, self.document(), deferred=True)
        # A whole new text (setPlainText) comes with the document's signals blocked.
        self.textChanged.connect(self._respace_later)
        if text:
            self.setPlainText(text)

    def _respace_later(self) -> None:
        spacer = self.document().findChild(_DocumentSpacer, _DOCUMENT_SPACER_NAME)
        if isinstance(spacer, _DocumentSpacer):
            spacer.schedule()

    def changeEvent(self, event: QEvent) -> None:
        """Re-space the lines when the font changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            space_document(self, self.document(), deferred=True)


_DOCUMENT_FLAGS = (Qt.TextInteractionFlag.TextSelectableByMouse
                   | Qt.TextInteractionFlag.TextSelectableByKeyboard
                   | Qt.TextInteractionFlag.TextEditable)
"""Flags that make a plain-text label lay its text out in a document."""


def _plain(label: QLabel) -> bool:
    kind = label.textFormat()
    return kind == Qt.TextFormat.PlainText or (
        kind == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(label.text()))


def space_label(label: QLabel) -> None:
    """Set the lines of word-wrapped ``label`` :data:`LINE_SPACING` times its font size
    apart. A plain label is laid out by a document from now on, without taking clicks."""
    if not label.wordWrap() or id(label) in _BUSY:
        return
    _BUSY.add(id(label))
    try:
        _space_label(label)
    finally:
        _BUSY.discard(id(label))


def _space_label(label: QLabel) -> None:
    document = label.findChild(QTextDocument)
    if document is None and _plain(label) and not label.textInteractionFlags() & _DOCUMENT_FLAGS:
        label.setTextInteractionFlags(label.textInteractionFlags()
                                      | Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        document = label.findChild(QTextDocument)
    if document is not None:
        space_document(label, document)
        label.updateGeometry()


class LabelSpacer(QObject):
    """Application event filter spacing the lines of every word-wrapped label as it is
    first shown and after its font changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space labels on polish and font changes; never swallow the event."""
        kind = event.type()
        if (kind in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.Show)
                and isinstance(watched, QLabel) and watched.wordWrap()):
            space_label(watched)
        return False


def install_line_spacing(app: QApplication) -> LabelSpacer:
    """Space the lines of word-wrapped labels from now on, and of those there already are
    (once per application)."""
    existing = app.findChild(LabelSpacer, _SPACER_NAME)
    if isinstance(existing, LabelSpacer):
        return existing
    spacer = LabelSpacer(app)
    spacer.setObjectName(_SPACER_NAME)
    app.installEventFilter(spacer)
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel):
            space_label(widget)
    return spacer


__all__ = [
    "LINE_SPACING", "LabelSpacer", "SpacedTextEdit", "font_pixels", "install_line_spacing",
    "least_line_box", "line_height_percent", "line_pitch", "space_document", "space_label",
]
