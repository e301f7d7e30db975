"""The "Summary and photos" window of an event (活动小结和照片), opened from the events page.

The summary (multi-line) is saved with Save; photos are added and removed at once, each in
its own transaction (the window says so), at most six: the add button is disabled at six
with the reason beside it. Thumbnails come from the shrunk JPEGs kept in the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import ValidationError
from stationapp.messages import msg
from stationapp.services.event_photos import (
    IMAGE_SUFFIXES,
    MAX_PHOTOS,
    PhotoInfo,
    add_event_photo,
    event_photo_data,
    remove_event_photo,
)
from stationapp.services.events import SUMMARY_LIMIT, get_event, set_event_summary
from stationapp.ui.form_helpers import ErrorLabel, confirm_discard, save_cancel_buttons
from stationapp.ui.line_spacing import SpacedTextEdit
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations

THUMBNAIL = 120
"""Pixels of a thumbnail's longest side."""
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventSummaryDialog(QDialog):
    """Edit an event's summary and its photos (add with a caption, see, remove)."""

    def __init__(self, operations: Operations, event_id: int,
                 parent: QWidget | None = None) -> None:
        """Read the event (NotFoundError when it is gone) and build the window."""
        super().__init__(parent)
        self._operations = operations
        self._event_id = event_id
        detail = operations.read(lambda session: get_event(session, event_id))
        self._version: int | None = detail.version
        self._saved_summary = detail.summary
        self.setWindowTitle(self.tr("Summary and photos — {title}").format(title=detail.title))

        summary_label = QLabel(self.tr("&Summary (what the event achieved):"))
        self.summary_edit = SpacedTextEdit()
        self.summary_edit.setPlainText(detail.summary)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText(
            self.tr("At most {limit} characters").format(limit=SUMMARY_LIMIT))
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        summary_label.setBuddy(self.summary_edit)
        self.summary_error = ErrorLabel()

        photos_label = QLabel(self.tr("P&hotos (printed in the event report):"))
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.photo_list.setGridSize(QSize(THUMBNAIL + 50, THUMBNAIL + 40))
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setWordWrap(True)
        self.photo_list.setMinimumHeight(2 * (THUMBNAIL + 40) + 8)  # two rows of three
        self.photo_list.setAccessibleName(self.tr("Photos"))
        photos_label.setBuddy(self.photo_list)
        self.add_button = QPushButton(self.tr("&Add photo…"))
        self.remove_button = QPushButton(self.tr("&Remove photo"))
        self.count_label = QLabel()
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)
        self.limit_label.setVisible(False)
        hint = QLabel(self.tr("Photos are saved as soon as you add or remove them; "
                              "they are kept shrunk in the ledger."))
        hint.setWordWrap(True)

        self.box, self.save_button, self.cancel_button = save_cancel_buttons(
            self, self.save_summary)
        self.cancel_button.setText(self.tr("Close"))  # photos are saved already
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_button)
        photo_buttons.addWidget(self.remove_button)
        photo_buttons.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary_edit, 1)
        self.summary_edit.setMinimumHeight(90)
        layout.addWidget(self.summary_error)
        layout.addWidget(photos_label)
        layout.addWidget(self.photo_list, 2)
        layout.addLayout(photo_buttons)
        layout.addWidget(self.limit_label)
        layout.addWidget(hint)
        layout.addWidget(self.box)

        self.add_button.clicked.connect(self.choose_photo)
        self.remove_button.clicked.connect(self.remove_selected)
        self.photo_list.itemSelectionChanged.connect(self._update_buttons)
        self.resize(720, 640)
        self.reload_photos()

    # ------------------------------------------------------------ photos

    @property
    def photos(self) -> list[PhotoInfo]:
        """The photos shown, in their order."""
        return list(self._photos)

    def reload_photos(self) -> None:
        """Read the photos again and show their thumbnails with captions."""
        event_id = self._event_id
        found = self._operations.read(lambda session: event_photo_data(session, event_id))
        self._photos = [info for info, _data in found]
        self.photo_list.clear()
        for info, data in found:
            pixmap = QPixmap()
            pixmap.loadFromData(data, "JPEG")
            label = info.caption or self.tr("Photo {number}").format(number=info.number)
            item = QListWidgetItem(QIcon(pixmap.scaled(
                THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)), label)
            item.setData(PHOTO_ID_ROLE, info.id)
            item.setToolTip(f"{label} ({info.width}×{info.height}, {round(info.size / 1024)} KB)")
            self.photo_list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self._photos)
        full = count >= MAX_PHOTOS
        self.add_button.setEnabled(not full)
        self.limit_label.setText(str(msg("event.photo_limit", limit=MAX_PHOTOS)) if full else "")
        self.limit_label.setVisible(full)
        self.add_button.setToolTip(self.limit_label.text())
        self.count_label.setText(self.tr("{count} of at most {limit} photos").format(
            count=count, limit=MAX_PHOTOS))
        self.remove_button.setEnabled(bool(self.photo_list.selectedItems()))

    def choose_photo(self) -> None:
        """Ask for an image file and a caption, then add the photo."""
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add a photo"), "", self.tr("Images ({patterns})").format(
                patterns=patterns))
        if not chosen:
            return
        caption, ok = QInputDialog.getText(
            self, self.tr("Caption"), self.tr("Caption printed under the photo (may be empty):"))
        if ok:
            self.add_photo(Path(chosen), caption)

    def add_photo(self, source: Path, caption: str = "") -> bool:
        """Add the photo at ``source`` with ``caption``; False (and the reason shown) when
        refused."""
        event_id = self._event_id

        def work(ctx: OperationContext) -> PhotoInfo:
            return add_event_photo(ctx.session, event_id, source, caption=caption,
                                   actor=ctx.actor, now=ctx.clock.now())

        done = self._operations.change(self, work, changed(Area.EVENTS, origin=self),
                                       FailureTexts(self.tr("Photo not added")))
        self.reload_photos()
        return done is not None

    def remove_selected(self) -> bool:
        """Remove the selected photo after asking; True when removed."""
        items = self.photo_list.selectedItems()
        if not items:
            return False
        answer = QMessageBox.question(
            self, self.tr("Remove photo?"),
            self.tr("Remove “{caption}” from the event? This cannot be undone.").format(
                caption=items[0].text()))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.remove_photo(int(items[0].data(PHOTO_ID_ROLE)))

    def remove_photo(self, photo_id: int) -> bool:
        """Remove photo ``photo_id`` (no question asked); True when removed."""
        done = self._operations.change(
            self, lambda ctx: remove_event_photo(ctx.session, photo_id, ctx.actor),
            changed(Area.EVENTS, origin=self), FailureTexts(self.tr("Photo not removed")))
        self.reload_photos()
        return done is not None

    # ------------------------------------------------------------ summary

    def summary_changed(self) -> bool:
        """Whether the summary differs from the one saved."""
        return self.summary_edit.toPlainText().strip() != self._saved_summary.strip()

    def save_summary(self) -> bool:
        """Save the summary and close; False (the reason shown) when refused."""
        self.summary_error.clear_message()
        text, event_id, version = self.summary_edit.toPlainText(), self._event_id, self._version
        done = self._operations.change(
            self, lambda ctx: set_event_summary(ctx.session, event_id, text, ctx.actor,
                                                version),
            changed(Area.EVENTS, origin=self),
            FailureTexts(self.tr("Not saved"), self.tr("Changed by someone else"),
                         self.tr("Someone else changed this event after you opened this "
                                 "window, so the summary was not saved. Copy your text, "
                                 "close this window and open it again.")),
            self._show_problems)
        if done is None:
            return False
        self._saved_summary = done.value
        self.accept()
        return True

    def _show_problems(self, problems: Sequence[ValidationError]) -> None:
        for problem in problems:
            self.summary_error.show_message(problem.message)
        self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Close (Cancel, Escape, the window's close button); an unsaved summary is thrown
        away only when the clerk agrees."""
        if self.summary_changed() and not confirm_discard(
                self, self.tr("Discard changes?"),
                self.tr("You changed the summary. Close without saving it?")):
            return
        super().reject()


__all__ = ["PHOTO_ID_ROLE", "THUMBNAIL", "EventSummaryDialog"]
