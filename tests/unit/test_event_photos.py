"""Issue 15 (Q7): an event's photos are kept IN THE LEDGER (``event_photo.data``, the shrunk
JPEG), never in a folder beside it; the event report prints them from those bytes; the audit
trail records a photo's size and SHA-256, never its bytes, and its chain still holds."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from stationapp.domain.audit import AuditEntry, binary_summary, trail_value
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Event, EventPhoto, EventType
from stationapp.reports.event_report import render_event_report
from stationapp.services.audit import list_entries, verify_chain
from stationapp.services.database import Database
from stationapp.services.event_photos import (
    MAX_PHOTOS,
    add_event_photo,
    event_photo_data,
    list_event_photos,
    photo_data,
    remove_event_photo,
)
from stationapp.services.events import get_event, set_event_summary
from stationapp.services.sheet_data import event_report

NOW = datetime(2026, 12, 7, 15, 0)
SHOTS = Path("/tmp/h15/shots/q7")


def _event(database: Database) -> int:
    with database.session() as s:
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="写春联送祝福", place="锦华一区广场",
                      starts_at=datetime(2026, 12, 1, 9), ends_at=datetime(2026, 12, 1, 11),
                      organiser="东利党员服务社", participant_count=80)
        s.add(event)
        s.flush()
        return event.id


def _picture(folder: Path, name: str, size: tuple[int, int], colour: str) -> Path:
    path = folder / name
    Image.new("RGB", size, colour).save(path)
    return path


def test_photos_are_kept_in_the_ledger_not_in_a_folder(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    sources = tmp_path / "camera"
    sources.mkdir()
    big = _picture(sources, "big.png", (4000, 3000), "red")
    tall = _picture(sources, "tall.jpg", (900, 1200), "blue")
    with database.session() as s:
        first = add_event_photo(s, event_id, big, caption="现场写春联", actor="clerk", now=NOW)
        second = add_event_photo(s, event_id, tall.read_bytes(), actor="clerk", now=NOW)
    assert (first.width, first.height) == (1600, 1200)
    assert (second.width, second.height) == (900, 1200)
    # nothing but the sources (and the SQLite ledger's own files) was written anywhere
    assert sorted(p.name for p in sources.iterdir()) == ["big.png", "tall.jpg"]
    assert not [p for p in tmp_path.rglob("*") if "photo" in p.name]
    with database.session() as s:
        listed = list_event_photos(s, event_id)
        kept = photo_data(s, first.id)
        both = event_photo_data(s, event_id)
        stored = s.scalar(select(EventPhoto.data).where(EventPhoto.id == second.id))
    assert [(p.number, p.caption) for p in listed] == [(1, "现场写春联"), (2, "")]
    assert listed[0].size == len(kept) > 0
    assert [info.id for info, _data in both] == [first.id, second.id]
    assert stored is not None and bytes(stored) == both[1][1]
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "JPEG" and image.size == (1600, 1200)


def test_limit_unreadable_files_and_removal(database: Database, tmp_path: Path) -> None:
    event_id = _event(database)
    source = _picture(tmp_path, "one.jpg", (400, 300), "white")
    with database.session() as s:
        for _ in range(MAX_PHOTOS):
            add_event_photo(s, event_id, source, actor="clerk", now=NOW)
    with database.session() as s, pytest.raises(ValidationError) as refused:
        add_event_photo(s, event_id, source, actor="clerk", now=NOW)
    assert refused.value.field == "photo"
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo")
    with database.session() as s:
        removed = list_event_photos(s, event_id)[0].id
        assert remove_event_photo(s, removed, "clerk") == event_id
    with database.session() as s, pytest.raises(ValidationError):
        add_event_photo(s, event_id, bad, actor="clerk", now=NOW)
    with database.session() as s:
        assert len(list_event_photos(s, event_id)) == MAX_PHOTOS - 1
        with pytest.raises(NotFoundError):
            photo_data(s, removed)
        with pytest.raises(NotFoundError):
            remove_event_photo(s, removed, "clerk")


def test_adding_a_photo_leaves_an_audit_entry_without_the_bytes(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    source = _picture(tmp_path, "p.png", (1200, 900), "green")
    with database.session(actor="clerk") as s:
        added = add_event_photo(s, event_id, source, caption="合影", actor="clerk", now=NOW)
    with database.session() as s:
        data = photo_data(s, added.id)
        entries = [e for e in list_entries(s, entity="event", entity_id=str(event_id))
                   if any(name.startswith("photo[") for name in e.changes)]
        raw = s.scalars(select(AuditEntry.changes)).all()
        assert verify_chain(s) is None
    assert len(entries) == 1
    changes = entries[0].changes
    assert changes[f"photo[{added.id}].caption"] == [None, "合影"]
    recorded = changes[f"photo[{added.id}].data"][1]
    assert recorded == binary_summary(data)
    assert hashlib.sha256(data).hexdigest() in recorded and "KB" in recorded
    # the bytes appear in no form in any entry
    for changes_json in raw:
        assert len(changes_json) < 2000
        assert data.hex()[:64] not in changes_json
    with database.session(actor="clerk") as s:
        remove_event_photo(s, added.id, "clerk")
    with database.session() as s:
        assert verify_chain(s) is None
        last = list_entries(s, entity="event", entity_id=str(event_id))[-1]
        assert last.changes[f"photo[{added.id}].caption"] == ["合影", None]


def test_binary_values_are_summarised() -> None:
    assert trail_value("data", b"x" * 2048) == (
        f"2 KB sha256:{hashlib.sha256(b'x' * 2048).hexdigest()}")
    assert trail_value("data", memoryview(b"abc")).startswith("3 B sha256:")


def test_the_report_prints_the_photos_from_the_ledger(
    database: Database, tmp_path: Path
) -> None:
    event_id = _event(database)
    with database.session() as s:
        version = get_event(s, event_id).version
        set_event_summary(s, event_id, "现场义写春联 120 幅，居民反响热烈。", "clerk", version)
        for i, (size, colour) in enumerate((((1600, 1200), "red"), ((900, 1200), "blue"),
                                            ((1200, 800), "orange"))):
            add_event_photo(s, event_id, _picture(tmp_path, f"{i}.png", size, colour),
                            caption=f"照片说明{i + 1}", actor="clerk", now=NOW)
    with database.session() as s:
        data = event_report(s, event_id)
    assert [p.caption for p in data.photos] == ["照片说明1", "照片说明2", "照片说明3"]
    assert all(p.data[:2] == b"\xff\xd8" for p in data.photos)
    target = io.BytesIO()
    render_event_report(data, target, printed_at=NOW)
    pdf = target.getvalue()
    if SHOTS.is_dir():
        (SHOTS / f"report-{database.engine.dialect.name}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("活动小结", "现场义写春联 120 幅", "活动照片（3 张）", "照片说明3"):
        assert expected in text, expected
    assert sum(len(page.images) for page in reader.pages) == 3
