"""Issue 15 (Q7): the "Summary and photos" window of an event, opened from the events page:
the summary is edited and saved, photos are added (file dialog + caption), shown as
thumbnails with captions and removed; at six the add button is disabled with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.domain.clock import Clock
from stationapp.domain.event_models import Event, EventType
from stationapp.services.database import Database
from stationapp.services.event_photos import MAX_PHOTOS, list_event_photos
from stationapp.services.events import get_event
from stationapp.ui.event_summary_dialog import EventSummaryDialog
from stationapp.ui.events_page import EventsPage
from stationapp.ui.notices import Area
from stationapp.ui.operations import Operations
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

SHOTS = Path("/tmp/h15/shots/q7")
COLOURS = ("#c0392b", "#2e86c1", "#27ae60", "#f39c12", "#8e44ad", "#16a085")


@pytest.fixture
def station(sqlite_url: str, clock: Clock) -> Iterator[tuple[Database, int]]:
    """A SQLite ledger with one past event."""
    database = open_database(sqlite_url, clock)
    with database.session() as s:
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="写春联送祝福进小区", place="锦华一区广场",
                      starts_at=datetime(2026, 1, 20, 9), ends_at=datetime(2026, 1, 20, 12))
        s.add(event)
        s.flush()
        event_id = event.id
    try:
        yield database, event_id
    finally:
        database.dispose()


def _pictures(folder: Path) -> list[Path]:
    paths = []
    for i, colour in enumerate(COLOURS):
        path = folder / f"现场{i + 1}.jpg"
        Image.new("RGB", (2400, 1800) if i % 2 == 0 else (1200, 1600), colour).save(path)
        paths.append(path)
    return paths


def _shot(dialog: EventSummaryDialog, name: str) -> None:
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / f"{name}.png"))


def test_summary_and_photos_window(
    qtbot: QtBot, station: tuple[Database, int], tmp_path: Path,
    message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, event_id = station
    operations = Operations(database, "clerk")
    page = EventsPage(operations)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not page.summary_button.isEnabled()
    assert page.select_event(event_id)
    assert page.summary_button.isEnabled()
    dialog = page.open_summary()
    assert isinstance(dialog, EventSummaryDialog)  # a child of the page, deleted on close
    assert dialog.photos == [] and dialog.add_button.isEnabled()
    assert not dialog.remove_button.isEnabled()

    pictures = _pictures(tmp_path)
    # the add button asks for a file, then a caption
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(pictures[0]), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("书法志愿者现场写春联", True))
    notices: list[Any] = []
    operations.changed.connect(notices.append)
    dialog.add_button.click()
    assert [p.caption for p in dialog.photos] == ["书法志愿者现场写春联"]
    assert notices and Area.EVENTS in notices[-1].areas
    for i, picture in enumerate(pictures[1:], start=2):
        assert dialog.add_photo(picture, "" if i == 4 else f"居民领取春联（{i}）")
    assert len(dialog.photos) == MAX_PHOTOS == dialog.photo_list.count()
    assert dialog.photo_list.item(3).text() == "Photo 4"  # no caption: its number
    assert not dialog.photo_list.item(0).icon().isNull()
    assert not dialog.add_button.isEnabled()
    assert dialog.limit_label.isVisibleTo(dialog)
    assert "最多 6 张照片" in dialog.limit_label.text()
    assert "6" in dialog.count_label.text()
    dialog.summary_edit.setPlainText(
        "现场义写春联 120 余幅、福字 200 张，15 户行动不便的老人由志愿者送春联上门。")
    dialog.resize(720, 640)
    _shot(dialog, "summary-photos-full")

    # remove one: asked first, then the add button is back
    dialog.photo_list.setCurrentRow(1)
    assert dialog.remove_button.isEnabled()
    message_boxes.answer = QMessageBox.StandardButton.No
    assert not dialog.remove_selected()
    assert len(dialog.photos) == MAX_PHOTOS
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.remove_selected()
    assert len(dialog.photos) == MAX_PHOTOS - 1
    assert dialog.add_button.isEnabled() and not dialog.limit_label.isVisibleTo(dialog)
    _shot(dialog, "summary-photos-after-remove")

    assert dialog.save_summary()
    with database.session() as s:
        assert get_event(s, event_id).summary.startswith("现场义写春联 120 余幅")
        assert len(list_event_photos(s, event_id)) == MAX_PHOTOS - 1


def test_unreadable_file_and_unsaved_summary(
    qtbot: QtBot, station: tuple[Database, int], tmp_path: Path,
    message_boxes: MessageBoxes,
) -> None:
    database, event_id = station
    dialog = EventSummaryDialog(Operations(database, "clerk"), event_id)
    qtbot.addWidget(dialog)
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo")
    assert not dialog.add_photo(bad)
    assert message_boxes.warnings and "不是能读取的照片" in message_boxes.warnings[-1]
    assert dialog.photos == []
    dialog.summary_edit.setPlainText("还没保存的小结")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.show()
    dialog.reject()
    assert dialog.isVisible()  # the clerk kept the window
    message_boxes.answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible()
    with database.session() as s:
        assert get_event(s, event_id).summary == ""
