"""A bulk UPDATE that sets only stamps and derived columns (the visit schedule recomputed for
the whole ledger) has nothing the trail records: its rows are not read before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, update

from stationapp.db.audit_hook import REDACT_KEY
from stationapp.domain.models import Household
from stationapp.services.database import Database
from stationapp.services.visit_schedule import reschedule_all
from tests.unit.test_audit_trail import audited, entries, new_household

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
