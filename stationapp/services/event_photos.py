"""Photos of an event (活动照片): up to six, printed two per row in the event report.

A photo the clerk adds is read with Pillow, turned upright (EXIF orientation), shrunk to at
most :data:`LONGEST_SIDE` pixels on its longest side and kept as JPEG bytes IN THE LEDGER
(``event_photo.data``): backups and restores carry the photos, every desk of a PostgreSQL
ledger shows them, and nothing lives outside the ledger. The original file is never
touched. The audit trail records the photo's size and SHA-256, never its bytes.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Event, EventPhoto
from stationapp.domain.text_rules import check_text
from stationapp.messages import msg

log = logging.getLogger("stationapp.services")

MAX_PHOTOS = 6
"""Most photos an event may carry."""
LONGEST_SIDE = 1600
"""Pixels of a kept photo's longest side at most (enough for half an A4 page at 300 dpi)."""
JPEG_QUALITY = 85
CAPTION_LIMIT = 120
"""Most characters of a caption (``event_photo.caption``)."""
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")
"""File name endings offered when choosing photos (any image Pillow reads is taken)."""


@dataclass(frozen=True)
class ShrunkPhoto:
    """A photo ready to keep: JPEG ``data`` of ``width`` × ``height`` pixels."""

    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class PhotoInfo:
    """A photo of an event as stored (without its bytes: :func:`photo_data` reads them);
    ``number`` is its place among the event's photos (1 …), ``size`` its bytes' count."""

    id: int
    event_id: int
    number: int
    caption: str
    width: int
    height: int
    size: int
    added_at: datetime
    added_by: str


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(msg("event.not_found", id=event_id))
    return event


def shrink_photo(source: Path | bytes) -> ShrunkPhoto:
    """The photo at ``source`` (a file, or its bytes) upright, shrunk to
    :data:`LONGEST_SIDE` and as JPEG.

    ValidationError on ``photo`` when the file is missing or not an image Pillow reads.
    """
    name = "" if isinstance(source, bytes) else Path(source).name
    opened = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with Image.open(opened) as original:
            picture = ImageOps.exif_transpose(original)
            if picture.mode != "RGB":
                background = Image.new("RGB", picture.size, "white")
                rgba = picture.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                picture = background
            picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError) as exc:
        raise ValidationError("photo", msg("event.photo_unreadable", name=name)) from exc
    return ShrunkPhoto(out.getvalue(), picture.width, picture.height)


def _count(session: Session, event_id: int) -> int:
    return session.scalar(select(func.count()).select_from(EventPhoto)
                          .where(EventPhoto.event_id == event_id)) or 0


def add_event_photo(
    session: Session, event_id: int, source: Path | bytes, *, caption: str = "",
    actor: str, now: datetime,
) -> PhotoInfo:
    """Add the photo at ``source`` (a file or its bytes) to event ``event_id`` with
    ``caption``, at ``now`` (the desk's time); its shrunk JPEG is kept in the ledger.

    NotFoundError for an unknown event; ValidationError on ``photo`` when the event has
    :data:`MAX_PHOTOS` already or the file is not a readable image, on ``caption`` for a
    caption too long or with control characters.
    """
    _event(session, event_id)
    caption = check_text(caption, "caption", msg("event.field_caption"), CAPTION_LIMIT)
    count = _count(session, event_id)
    if count >= MAX_PHOTOS:
        raise ValidationError("photo", msg("event.photo_limit", limit=MAX_PHOTOS))
    shrunk = shrink_photo(source)
    last = session.scalar(select(func.max(EventPhoto.position))
                          .where(EventPhoto.event_id == event_id))
    photo = EventPhoto(event_id=event_id, position=(last or 0) + 1, data=shrunk.data,
                       width=shrunk.width, height=shrunk.height, caption=caption,
                       added_at=now, added_by=actor)
    session.add(photo)
    session.flush()
    log.info("photo %s added to event %s by %s", photo.id, event_id, actor)
    return PhotoInfo(photo.id, event_id, count + 1, caption, shrunk.width, shrunk.height,
                     len(shrunk.data), now, actor)


def list_event_photos(session: Session, event_id: int) -> tuple[PhotoInfo, ...]:
    """The photos of event ``event_id`` in their order, without their bytes (NotFoundError
    for an unknown event)."""
    _event(session, event_id)
    rows = session.execute(
        select(EventPhoto.id, EventPhoto.caption, EventPhoto.width, EventPhoto.height,
               func.length(EventPhoto.data), EventPhoto.added_at, EventPhoto.added_by)
        .where(EventPhoto.event_id == event_id)
        .order_by(EventPhoto.position, EventPhoto.id))
    return tuple(
        PhotoInfo(row[0], event_id, number, row[1], row[2], row[3], int(row[4] or 0),
                  row[5], row[6])
        for number, row in enumerate(rows, start=1)
    )


def photo_data(session: Session, photo_id: int) -> bytes:
    """The kept JPEG of photo ``photo_id`` (NotFoundError for an unknown photo)."""
    data = session.scalar(select(EventPhoto.data).where(EventPhoto.id == photo_id))
    if data is None:
        raise NotFoundError(msg("event.photo_not_found", id=photo_id))
    return bytes(data)


def event_photo_data(session: Session, event_id: int) -> tuple[tuple[PhotoInfo, bytes], ...]:
    """The photos of event ``event_id`` in their order with their JPEG bytes (for the
    report and the thumbnails)."""
    photos = list_event_photos(session, event_id)
    if not photos:
        return ()
    found: dict[int, bytes] = {
        photo_id: data for photo_id, data in session.execute(
            select(EventPhoto.id, EventPhoto.data).where(EventPhoto.event_id == event_id))
    }
    return tuple((p, bytes(found[p.id])) for p in photos if p.id in found)


def remove_event_photo(session: Session, photo_id: int, actor: str) -> int:
    """Remove photo ``photo_id``; returns the event's id. NotFoundError for an unknown
    photo."""
    photo = session.get(EventPhoto, photo_id)
    if photo is None:
        raise NotFoundError(msg("event.photo_not_found", id=photo_id))
    event_id = photo.event_id
    session.delete(photo)
    session.flush()
    log.info("photo %s of event %s removed by %s", photo_id, event_id, actor)
    return event_id


__all__ = [
    "CAPTION_LIMIT", "IMAGE_SUFFIXES", "LONGEST_SIDE", "MAX_PHOTOS", "PhotoInfo",
    "ShrunkPhoto", "add_event_photo", "event_photo_data", "list_event_photos", "photo_data",
    "remove_event_photo", "shrink_photo",
]
