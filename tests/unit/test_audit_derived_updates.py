"""The audit hook at a whole ledger's scale: a bulk UPDATE that sets only stamps and derived
columns (the visit schedule recomputed for the whole ledger) has nothing the trail records,
so its rows are not read before and after; a big transaction writes its entries in chunks."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, update

from stationapp.db import audit_hook
from stationapp.db.audit_hook import REDACT_KEY
from stationapp.domain.models import Household
from stationapp.services.audit import verify_chain
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.visit_schedule import reschedule_all
from tests.unit.test_audit_trail import TODAY, audited, entries, new_household

__all__ = ["audited"]  # the fixture, used by name


def _household_reads(database: Database, work: Any) -> int:
    reads = 0

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal reads
        if statement.lstrip().startswith("SELECT") and "FROM household" in statement:
            reads += 1

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.session() as s:
            work(s)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    return reads


def test_recomputing_the_schedule_reads_no_household_for_the_trail(audited: Database) -> None:
    for room in ("301", "302", "303"):
        new_household(audited, room=room, id_number="")
    before = len(entries(audited, None))
    table = Household.__table__
    reads = _household_reads(audited, lambda s: s.execute(
        update(table).values(next_visit_due=None, updated_at=table.c.updated_at)))
    assert reads == 0
    assert _household_reads(audited, reschedule_all) <= 1  # its own statement's subquery
    assert len(entries(audited, None)) == before


def test_a_recorded_column_beside_a_derived_one_is_still_recorded(audited: Database) -> None:
    household_id = new_household(audited)
    table = Household.__table__
    with audited.session() as s:
        s.execute(update(table).where(table.c.id == household_id)
                  .values(notes="楼下有台阶", next_visit_due=None))
    changes = [e["changes"] for e in entries(audited) if e["action"] == "change"]
    assert changes == [{"notes": ["", "楼下有台阶"]}]


def test_de_identification_still_notes_derived_updates(audited: Database) -> None:
    """Redacting records even an empty change (which fields were removed): nothing skipped."""
    new_household(audited)
    table = Household.__table__

    def redacted(s: Any) -> None:
        s.info[REDACT_KEY] = "deidentify"
        s.execute(update(table).values(search_text=""))

    assert _household_reads(audited, redacted) >= 1


def test_a_big_transaction_writes_its_entries_in_chunks_in_one_chain(
        audited: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes of a transaction are written a chunk at a time (and let go of as they are
    written): the same entries, one unbroken chain."""
    monkeypatch.setattr(audit_hook, "WRITE_CHUNK", 3)
    inserts = 0

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal inserts
        inserts += statement.startswith("INSERT INTO audit_entry")

    event.listen(audited.engine, "before_cursor_execute", count)
    try:
        with audited.session() as s:
            for room in range(301, 311):
                create_household(s, HouseholdInput(
                    community="锦华一区", building="3", unit="2", room=str(room),
                    residents=(ResidentInput(name="李大爷", is_head=True),),
                ), actor="王会计", today=TODAY)
            s.commit()
    finally:
        event.remove(audited.engine, "before_cursor_execute", count)
    assert inserts == 4
    found = entries(audited)
    assert len(found) == 10 and {e["action"] for e in found} == {"create"}
    with audited.session() as s:
        assert verify_chain(s) is None
