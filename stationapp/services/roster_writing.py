"""Writing an import's new households in bulk, and the mark that tells whether the
ledger changed since a plan was made."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.orm import Session

from stationapp.db.audit_hook import note_created, write_noted
from stationapp.db.permission_hook import check_may_edit
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
    _insert_rows(session, tables["household_category"], categories)
    _inserted_ids(session, tables["household_status_change"], changes)


def _inserted_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table``; their new ids, in the order of ``rows``.

    SQLite has no batched INSERT … RETURNING that keeps the order of the rows, so
    SQLAlchemy would send one statement per row. An import holds SQLite's one write lock
    for its whole transaction (:func:`~stationapp.db.locks.lock_for_import`), so the ids
    SQLite would give (one past the largest, a row at a time) are given here and the rows
    go in a few statements (:func:`_insert_rows`)."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        start = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
        ids = list(range(start, start + len(rows)))
        for row, new_id in zip(rows, ids, strict=True):
            row["id"] = new_id
        _insert_rows(session, table, rows)
        return ids
    return list(session.scalars(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


def _insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table``: on SQLite as a few
    statements of many rows each, not one statement per row; elsewhere one executemany.

    A statement of many rows costs SQLite far less than as many statements: the search
    index's trigger (FTS5, migration 0011) writes its pending terms out at every statement
    of a transaction. The values are stored as SQLAlchemy stores them (each column's own
    conversion, the columns' defaults for what a row does not give), the edit gate is asked
    as for any write, and the audit trail notes the rows as it notes an INSERT run through
    the session (:func:`~stationapp.db.audit_hook.note_created`)."""
    if not rows:
        return
    if not _DIRECT or session.get_bind().dialect.name != "sqlite":
        session.execute(insert(table), rows)
        return
    check_may_edit(session)
    connection = session.connection()
    sql, per_statement, values = _row_values(connection, table, rows)
    for start in range(0, len(values), per_statement):
        chunk = values[start:start + per_statement]
        statement = sql + ", ".join([_placeholders(len(chunk[0]))] * len(chunk))
        connection.exec_driver_sql(statement, tuple(v for row in chunk for v in row))
    note_created(session, table, rows)


ROWS_PER_STATEMENT = 100
"""At most this many rows in one statement: SQLite keeps each prepared statement (its size
grows with its rows) in the connection's cache of statements."""

_DIRECT = True
"""Whether SQLite gets the rows in statements of many rows (False: through
``session.execute``, one executemany; the tests compare the two)."""


def _placeholders(count: int) -> str:
    return "(" + ", ".join("?" * count) + ")"


def _row_values(connection: Connection, table: Table, rows: list[dict[str, Any]]
                ) -> tuple[str, int, list[tuple[Any, ...]]]:
    """``INSERT INTO table (columns) VALUES `` for ``rows``, how many rows fit in one
    statement, and each row's values as SQLAlchemy's executemany would send them."""
    dialect = connection.dialect
    given = list(rows[0])
    columns = [table.c[name] for name in given]
    defaults: list[Any] = []
    for column in table.columns:
        if column.name in rows[0] or column.default is None:
            continue
        if not column.default.is_scalar:  # a callable default: the caller gives the value
            raise ValueError(f"{table.name}.{column.name} needs a value")
        columns.append(column)
        defaults.append(column.default.arg)  # type: ignore[attr-defined]
    # Each column's own conversion (dates and times to text, flags to 0/1), asked once per
    # distinct value: a batch's rows share their days and times.
    convert = [(i, cache(f)) for i, column in enumerate(columns)
               if (f := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    pick = itemgetter(*given)
    values: list[tuple[Any, ...]] = []
    for row in rows:
        raw = [*pick(row), *defaults] if len(given) > 1 else [row[given[0]], *defaults]
        for i, f in convert:
            raw[i] = f(raw[i])
        values.append(tuple(raw))
    preparer = dialect.identifier_preparer
    sql = (f"INSERT INTO {preparer.format_table(table)} "
           f"({', '.join(preparer.quote(c.name) for c in columns)}) VALUES ")
    per_statement = min(ROWS_PER_STATEMENT, _variable_limit(connection) // len(columns))
    return sql, max(1, per_statement), values


def _variable_limit(connection: Connection) -> int:
    """How many values one SQLite statement may carry (999 before SQLite 3.32)."""
    driver = connection.connection.driver_connection
    limit = getattr(driver, "getlimit", None)
    if limit is None:
        return 999
    return int(limit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))


__all__ = ["IMPORT_REASON", "insert_households", "ledger_mark"]
