"""An export of the register of service certificates (证明登记簿) to .xlsx or .csv.

The rows are :func:`stationapp.services.service_record.certificate_register`'s, written by
the one table writer of :mod:`stationapp.services.exports`; the export is recorded in the
audit trail like every other bulk reading of personal data. The register carries no ID
numbers.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from stationapp.domain.accounts import Permission
from stationapp.domain.audit import AuditAction
from stationapp.services.accounts import SignedIn
from stationapp.services.audit import record_read
from stationapp.services.exports import Cell, ExportTable, write_table
from stationapp.services.service_record import RegisterEntry, certificate_register

REGISTER_ENTITY = "service_certificate"
"""The entity an export of the register is recorded under."""

REGISTER_HEADERS: tuple[str, ...] = (
    "证明编号", "志愿者", "服务起始日期", "服务截止日期", "服务时长（小时）", "出具人",
    "出具日期", "补打次数", "最近补打日期", "补打人",
)
"""Columns of the export, in the order of the register window."""


def register_rows(entries: list[RegisterEntry]) -> list[tuple[Cell, ...]]:
    """The register's entries as rows of the export."""
    return [
        (e.number, e.volunteer, e.period_start, e.period_end, e.hours, e.issued_by,
         e.issued_on, e.reprint_count, e.reprinted_on, e.reprinted_by)
        for e in entries
    ]


def register_table(
    session: Session, *, year: int | None = None, volunteer_id: int | None = None
) -> ExportTable:
    """The certificates kept (of ``year``, of ``volunteer_id`` when given) as a table."""
    entries = certificate_register(session, year=year, volunteer_id=volunteer_id)
    return ExportTable("证明登记簿", REGISTER_HEADERS, register_rows(entries),
                       text_columns=frozenset({0}))


def export_register(
    session: Session, path: Path, *, year: int | None = None,
    volunteer_id: int | None = None, by: SignedIn | None,
) -> int:
    """Write the register (filtered as :func:`register_table`) to ``path`` (.xlsx or
    .csv) and record the export in the trail, in ``session``'s transaction; returns the
    rows written. PermissionDeniedError for a role that may not export (a viewer); ``by``
    None (a ledger without accounts) may."""
    if by is not None:
        by.check(Permission.EXPORT)
    table = register_table(session, year=year, volunteer_id=volunteer_id)
    rows = write_table(table, path)
    record_read(session, AuditAction.EXPORT, REGISTER_ENTITY, rows,
                actor=by.name if by is not None else None)
    return rows


__all__ = ["REGISTER_ENTITY", "REGISTER_HEADERS", "export_register", "register_rows",
           "register_table"]
