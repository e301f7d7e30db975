"""An export of the audit trail (the entries a filter keeps) to .xlsx or .csv.

Apart from :mod:`stationapp.services.audit` because it writes through
:mod:`stationapp.services.exports`, which itself records into the trail.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from stationapp.domain.audit import AuditAction, canonical_json
from stationapp.services.accounts import SignedIn
from stationapp.services.audit import AuditFilter, find_entries, record_read
from stationapp.services.exports import Cell, ExportTable, write_table

AUDIT_ENTITY = "audit_entry"
"""The entity an export of the trail is recorded under."""

AUDIT_HEADERS: tuple[str, ...] = ("编号", "时间", "账户", "操作", "对象", "对象编号", "改动",
                                  "改动（JSON）")
"""Columns of the export: the entry, its changes on one line and in full."""


def audit_table(session: Session, audit_filter: AuditFilter, *,
                by: SignedIn | None) -> ExportTable:
    """The entries ``audit_filter`` keeps, oldest first, as a table (refusals as
    :func:`~stationapp.services.audit.check_reader`)."""
    found = find_entries(session, audit_filter, by=by)
    rows: list[tuple[Cell, ...]] = [
        (row.id, row.at, row.user, row.action, row.entity, row.entity_id, row.summary(),
         canonical_json(row.changes))
        for row in reversed(found.rows)
    ]
    return ExportTable("审计记录", AUDIT_HEADERS, rows, text_columns=frozenset({5}))


def export_entries(session: Session, audit_filter: AuditFilter, path: Path, *,
                   by: SignedIn | None) -> int:
    """Write the entries ``audit_filter`` keeps to ``path`` (.xlsx or .csv) and record the
    export in the trail, in ``session``'s transaction; returns the entries written."""
    table = audit_table(session, audit_filter, by=by)
    rows = write_table(table, path)
    record_read(session, AuditAction.EXPORT, AUDIT_ENTITY, rows,
                actor=by.name if by is not None else None)
    return rows
