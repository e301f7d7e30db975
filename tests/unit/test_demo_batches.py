"""The demo station written in batches is the same station, with the same audit trail, as
one written at once: batches only bound the memory a big station needs."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from stationapp.db.audit_hook import install_audit_trail
from stationapp.db.stamps import CLOCK_KEY
from stationapp.demo import populate_demo, station
from stationapp.domain.audit import AuditEntry
from stationapp.domain.models import Household, HouseholdCategory, HouseholdStatusChange, Resident
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
