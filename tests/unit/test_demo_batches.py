"""The demo station written in batches is the same station, with the same audit trail, as
one written at once: batches only bound the memory a big station needs."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from stationapp.db import audit_hook
from stationapp.db.audit_hook import install_audit_trail
from stationapp.db.stamps import CLOCK_KEY
from stationapp.demo import care_rows, populate_demo, station
from stationapp.domain.audit import AuditEntry
from stationapp.domain.care_models import CareRequest, Visit
from stationapp.domain.models import (
    Base,
    Household,
    HouseholdCategory,
    HouseholdStatusChange,
    Resident,
)
from stationapp.services.audit import verify_chain
from tests.unit.test_demo import CLOCK, TODAY, _engine


def _station(batch: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    monkeypatch.setattr(station, "_BATCH", batch)
    engine = _engine()
    sessions = sessionmaker(engine, info={CLOCK_KEY: CLOCK})
    install_audit_trail(sessions)
    with sessions() as session:
        populate_demo(session, 120, seed=7, today=TODAY)
        session.commit()
        assert verify_chain(session) is None
        found = {
            model.__tablename__: [tuple(row) for row in session.execute(
                select(*model.__table__.columns).order_by(*model.__table__.primary_key))]
            for model in (Household, Resident, HouseholdCategory, HouseholdStatusChange)
        }
        found["audit"] = session.execute(
            select(AuditEntry.at, AuditEntry.user, AuditEntry.action, AuditEntry.entity,
                   AuditEntry.entity_id, AuditEntry.changes, AuditEntry.hash)
            .order_by(AuditEntry.id)).all()
    engine.dispose()
    return found


def test_batches_give_the_same_station_and_trail(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _station(1_000_000, monkeypatch)
    batched = _station(7, monkeypatch)
    assert len(whole["household"]) == 120
    assert {e.entity_id for e in whole["audit"] if e.entity == "household"} == {
        str(row[0]) for row in whole["household"]}
    assert batched == whole


_PLAIN_INSERT = care_rows._PlainInsert.insert


def _care_station(batch: int, monkeypatch: pytest.MonkeyPatch, request_sizes: list[int]
                  | None = None) -> tuple[dict[str, list[Any]], list[int]]:
    """Every table and the audit trail of a 120-household station whose visits, findings
    and requests go in ``batch`` at a time; and the sizes of the visit inserts (and of the
    request inserts in ``request_sizes``)."""
    monkeypatch.setattr(care_rows, "VISIT_BATCH", batch)
    monkeypatch.setattr(care_rows, "REQUEST_BATCH", batch)
    sizes: list[int] = []
    insert_rows = care_rows._insert

    def insert_counted(session: Any, model: Any, rows: list[dict[str, Any]]) -> None:
        if model is CareRequest and request_sizes is not None:
            request_sizes.append(len(rows))
        insert_rows(session, model, rows)

    monkeypatch.setattr(care_rows, "_insert", insert_counted)

    def insert(self: care_rows._PlainInsert, model: Any, columns: Any, rows: Any) -> None:
        if model is Visit:
            sizes.append(len(rows))
        _PLAIN_INSERT(self, model, columns, rows)

    monkeypatch.setattr(care_rows._PlainInsert, "insert", insert)
    engine = _engine()
    sessions = sessionmaker(engine, info={CLOCK_KEY: CLOCK})
    install_audit_trail(sessions)
    with sessions() as session:
        populate_demo(session, 120, seed=7, today=TODAY)
        session.commit()
        assert verify_chain(session) is None
        found = {
            table.name: [tuple(row) for row in session.execute(
                select(*table.columns).order_by(*table.primary_key))]
            for table in Base.metadata.sorted_tables
        }
    engine.dispose()
    return found, sizes


def test_care_in_batches_gives_the_same_station_and_trail(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Visits, findings and requests written as they are drawn, a few at a time, give the
    same rows and the same trail as written at once (with seed 7 a reminder due soon comes
    from one of the latest visits, already written: it is marked for follow-up after)."""
    whole, whole_sizes = _care_station(1_000_000, monkeypatch)
    request_sizes: list[int] = []
    batched, sizes = _care_station(7, monkeypatch, request_sizes)
    assert len(whole["visit"]) > 500
    assert len(whole["care_request"]) > 10
    assert sum(1 for row in whole["visit"] if row[6]) > 0  # needs_follow_up
    assert len(whole_sizes) <= 2  # the visits, then the visit of a story
    assert sum(sizes) == len(whole["visit"])
    assert max(sizes) < 7 + 40  # a batch, and at most one household's visits more
    assert sum(request_sizes) == len(whole["care_request"])
    assert max(request_sizes) <= 7
    assert batched == whole


def test_the_households_drawing_is_let_go_of_before_the_care_phase(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The ID numbers and phones used and the planned addresses (hundreds of megabytes on
    a 200,000-household station) are not held while events and care are drawn."""
    alive: list[int] = []
    populate_care = station.populate_demo_care

    def care(*args: Any, **kwargs: Any) -> None:
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects()
                         if isinstance(o, station._Generator | station._Slot)))
        populate_care(*args, **kwargs)

    monkeypatch.setattr(station, "populate_demo_care", care)
    engine = _engine()
    sessions = sessionmaker(engine, info={CLOCK_KEY: CLOCK})
    with sessions() as session:
        populate_demo(session, 60, seed=7, today=TODAY)
    engine.dispose()
    assert alive == [0]


def test_packed_notes_give_the_same_trail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pending notes packed (canonical JSON, long ones compressed) as soon as noted, and
    unpacked again when a later row of the same whole merges into them, give the same
    audit trail, hash for hash, as notes held as they were noted."""
    monkeypatch.setattr(audit_hook, "PACK_AFTER", 1_000_000_000)
    held, _sizes = _care_station(1_000_000, monkeypatch)
    monkeypatch.setattr(audit_hook, "PACK_AFTER", 1)
    monkeypatch.setattr(audit_hook, "_COMPRESS_FROM", 40)
    packed, _sizes = _care_station(1_000_000, monkeypatch)
    assert len(held["audit_entry"]) > 100
    assert {row[4] for row in held["audit_entry"]} >= {"household", "volunteer", "request"}
    assert packed["audit_entry"] == held["audit_entry"]
    assert packed == held
