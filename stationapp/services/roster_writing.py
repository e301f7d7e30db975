"""Writing an import's new households in bulk, and the mark that tells whether the
ledger changed since a plan was made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from stationapp.db.audit_hook import write_noted
from stationapp.db.stamps import session_clock
from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.models import Household, Resident
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services._common import chunks, community_ids
from stationapp.services.household_types import HouseholdInput

BATCH = 1000
"""New households inserted (and their audit entries written) at a time."""

IMPORT_REASON = "名册导入"
"""The reason stored in a new household's status history (data, not a message)."""


def ledger_mark(session: Session) -> tuple[int, ...]:
    """Changes whenever a household or member is added or saved (their version counters)."""
    marks: list[int] = []
    for model in (Household, Resident):
        row = session.execute(select(
            func.count(), func.coalesce(func.max(model.id), 0),
            func.coalesce(func.sum(model.version), 0))).one()
        marks.extend(int(value) for value in row)
    return tuple(marks)



def insert_households(
    session: Session, households: Sequence[HouseholdInput], actor: str, today: date
) -> None:
    """Insert new households in bulk: a few INSERT … RETURNING per batch of households,
    not one per row.

    Core inserts bypass the session's stamping: the audit times are set here from the
    session's clock. After each batch its audit entries are written
    (:func:`~stationapp.db.audit_hook.write_noted`), so that memory does not grow with the
    size of the file.
    """
    if not households:
        return
    communities = community_ids(session, (h.community for h in households), actor)
    now = session_clock(session).now()
    for batch in chunks(households, BATCH):
        _insert_batch(session, batch, communities, actor, today, now)
        write_noted(session)


def _insert_batch(
    session: Session, households: Sequence[HouseholdInput], communities: dict[str, int],
    actor: str, today: date, now: datetime,
) -> None:
    stamps = {"created_at": now, "updated_at": now}
    rows: list[dict[str, Any]] = []
    for data in households:
        members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
                   for r in data.residents]
        address = Address(data.community, data.building, data.unit, data.room)
        registered_on = data.registered_on or today
        rows.append({
            "community_id": communities[data.community], "building": data.building,
            "unit": data.unit, "room": data.room, "phone": data.phone,
            "tier": data.tier.value, "status": HouseholdStatus.ACTIVE.value,
            "status_date": today, "status_reason": IMPORT_REASON, "notes": data.notes,
            "registered_on": registered_on, "next_visit_due": registered_on,
            "updated_by": actor, "version": 1, **stamps,
            **derived_household_columns(address, data.phone, members),
        })
    # Core inserts of the mapped tables: the ORM's bulk path costs more than the rows.
    # RETURNING the ids of every table, so that the audit trail names each member.
    tables = Household.metadata.tables
    ids = _inserted_ids(session, tables["household"], rows)
    residents: list[dict[str, Any]] = []
    categories: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for household_id, data in zip(ids, households, strict=True):
        for r in data.residents:
            residents.append({
                "household_id": household_id, "name": r.name,
                "sex": r.sex.value if r.sex else "", "birth_date": r.birth_date,
                "id_number": r.id_number or None, "phone": r.phone, "relation": r.relation,
                "is_head": r.is_head, "mobility_notes": r.mobility_notes,
                "status": r.status.value, "updated_by": actor, "version": 1, **stamps,
            })
        categories.extend({"household_id": household_id, "category": c.value}
                          for c in sorted(data.categories))
        changes.append({"household_id": household_id, "status": HouseholdStatus.ACTIVE.value,
                        "effective_date": today, "reason": IMPORT_REASON, "actor": actor,
                        "recorded_at": now})
    _inserted_ids(session, tables["resident"], residents)
    if categories:
        session.execute(insert(tables["household_category"]), categories)
    _inserted_ids(session, tables["household_status_change"], changes)


def _inserted_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table``; their new ids, in the order of ``rows``.

    SQLite has no batched INSERT … RETURNING that keeps the order of the rows, so
    SQLAlchemy would send one statement per row. An import holds SQLite's one write lock
    for its whole transaction (:func:`~stationapp.db.locks.lock_for_import`), so the ids
    SQLite would give (one past the largest, a row at a time) are given here and the rows
    go in one executemany."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        start = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
        ids = list(range(start, start + len(rows)))
        session.execute(insert(table), [{**row, "id": new_id}
                                        for row, new_id in zip(rows, ids, strict=True)])
        return ids
    return list(session.scalars(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


__all__ = ["IMPORT_REASON", "insert_households", "ledger_mark"]
