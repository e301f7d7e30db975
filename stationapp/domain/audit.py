"""The audit trail: an append-only table whose entries are chained by SHA-256 hashes.

Each entry says who (``user``) did what (``action``) to which row (``entity``,
``entity_id``) and when (``at``, from the program's clock), with the fields before and
after (``changes``, canonical JSON; ID numbers masked). ``hash`` covers the previous
entry's hash and this entry's content, so editing or deleting an entry breaks the chain
(:func:`entry_hash`; checked by ``services.audit.verify_chain``).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stationapp.domain.models import Base

ACTOR_KEY = "actor"
"""Where a session (``session.info``) keeps the signed-in account acting in it."""

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first entry."""


class AuditAction:
    """The actions the trail records (plain strings, so new ones need no migration)."""

    CREATE = "create"
    CHANGE = "change"
    STATUS = "status"
    DELETE = "delete"
    READ_BULK = "read_bulk"
    REVEAL_ID = "reveal_id"
    EXPORT = "export"


class AuditEntry(Base):
    """One entry of the audit trail; rows are only ever inserted."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user: Mapped[str] = mapped_column(String(64), default="", index=True)
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")
    """Canonical JSON: field → [before, after] (or what a reading was, for reads)."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)


_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_SECRET_FIELDS = ("password", "secret", "recovery")


def mask_id_number(number: str) -> str:
    """An 18-character ID number as ``370502********1234``; other text unchanged."""
    return _ID_NUMBER.sub(lambda m: f"{m.group(1)}********{m.group(2)}", number)


def mask_document_number(number: str) -> str:
    """Any identity document's number with only its first and last few characters kept:
    a resident ID as ``370502********1234``, a passport ``E1*****89``."""
    if len(number) == 18:
        return mask_id_number(number)
    keep = 2 if len(number) >= 6 else 0
    return number[:keep] + "*" * (len(number) - 2 * keep) + (number[-keep:] if keep else "")


@lru_cache(maxsize=1024)
def _is_secret(field: str) -> bool:
    return any(word in field.lower() for word in _SECRET_FIELDS)


def binary_summary(data: bytes) -> str:
    """What the trail keeps of binary content (a photo): its size and SHA-256, never the
    bytes, e.g. "312 KB sha256:9f86d0…" (the whole digest, so a copy can be matched)."""
    size = f"{len(data) / 1024:.0f} KB" if len(data) >= 1024 else f"{len(data)} B"
    return f"{size} sha256:{hashlib.sha256(data).hexdigest()}"


def trail_value(field: str, value: Any) -> Any:
    """``value`` of ``field`` as the trail keeps it: JSON-ready, ID numbers masked,
    secrets (password hashes, keys) never written, binary content (photos) as its size and
    SHA-256 (:func:`binary_summary`)."""
    if value is None:
        return None
    if _is_secret(field):
        return "***"
    kind = type(value)
    if kind is str:  # most values: skip the checks below (an Enum member is not a str here)
        return _trail_text(field, value)
    if kind is int or kind is bool or kind is float:
        return value
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return binary_summary(bytes(value))
    return _trail_text(field, str(value))


def _trail_text(field: str, text: str) -> str:
    if field.endswith("id_number") and field.rsplit(".", 1)[-1] == "id_number":
        # Any document's number (a passport, a travel permit) kept in a number field.
        return mask_document_number(text)
    # An ID number has 18 characters: shorter text cannot hold one (most values).
    return mask_id_number(text) if len(text) >= 18 else text


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
"""What json.dumps() builds for these options on every call, built once (its settings
never change)."""


def canonical_json(value: Any) -> str:
    """``value`` as JSON with sorted keys and no spaces: the same bytes on every desk."""
    return _CANONICAL.encode(value)


def entry_hash(prev_hash: str, at: datetime, user: str, action: str, entity: str,
               entity_id: str, changes: str) -> str:
    """SHA-256 (hex) over the previous entry's hash and this entry's canonical content."""
    content = canonical_json([prev_hash, at.replace(microsecond=0).isoformat(), user,
                              action, entity, entity_id, changes])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()
