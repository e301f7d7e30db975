"""Masked ID numbers in exports by role, the audit trail of exports, printed ledgers and
revealed ID numbers (issue 13)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_exports import fill

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditAction
from stationapp.domain.errors import PermissionDeniedError, ValidationError
from stationapp.domain.models import Resident
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.audit import list_entries
from stationapp.services.database import Database
from stationapp.services.exports import (
    EXPORT_FULL_ID_ACTION,
    ExportKind,
    ExportRequest,
    export_file,
)
from stationapp.services.id_masking import acting_account, masked_id, reveal_id_number

FULL_ID = "37050219380501001X"
BIRTH = "1938-05-01"
NOW = datetime(2026, 11, 26, 9, 30)
ADMIN = SignedIn("张书记", Role.ADMIN)
CLERK = SignedIn("小李", Role.CLERK)
VIEWER = SignedIn("老王", Role.VIEWER)


def text_of(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig")
    sheet = load_workbook(path).active
    assert sheet is not None
    return "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)


def test_masked_id() -> None:
    assert masked_id(FULL_ID) == "370502********001X"
    assert masked_id("") == ""
    assert masked_id("370502380501001") == "370502*****1001"  # an old 15-digit number
    assert masked_id("12345") == "*****"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("kind", [ExportKind.HOUSEHOLDS, ExportKind.RESIDENTS])
def test_a_clerks_export_has_no_full_id_number_nor_birth_date(
    database: Database, tmp_path: Path, suffix: str, kind: ExportKind
) -> None:
    fill(database)
    path = tmp_path / f"export{suffix}"
    with database.session() as session:
        assert export_file(session, ExportRequest(kind), path, by=CLERK, now=NOW) == 3
    text = text_of(path)
    assert "370502********001X" in text
    assert FULL_ID not in text and "19380501" not in text and BIRTH not in text
    with database.session() as session:
        entries = list_entries(session)
    assert [(e.action, e.entity, e.user, e.changes["count"]) for e in entries
            if e.action == AuditAction.EXPORT] == [(AuditAction.EXPORT, kind.value, "小李", 3)]


def test_a_clerk_may_not_export_full_id_numbers(database: Database, tmp_path: Path) -> None:
    fill(database)
    with database.session() as session, pytest.raises(PermissionDeniedError):
        export_file(session, ExportRequest(ExportKind.HOUSEHOLDS, full_id=True, reason="核查"),
                    tmp_path / "x.csv", by=CLERK, now=NOW)
    assert not (tmp_path / "x.csv").exists()


def test_an_admins_full_export_needs_a_reason_and_is_recorded(
    database: Database, tmp_path: Path
) -> None:
    fill(database)
    path = tmp_path / "full.xlsx"
    with database.session() as session, pytest.raises(ValidationError) as refused:
        export_file(session, ExportRequest(ExportKind.RESIDENTS, full_id=True, reason="  "),
                    path, by=ADMIN, now=NOW)
    assert refused.value.problems[0].field == "reason" and not path.exists()
    with database.session() as session:
        export_file(session, ExportRequest(ExportKind.RESIDENTS, full_id=True,
                                           reason="区民政局年度核查"), path, by=ADMIN, now=NOW)
    assert FULL_ID in text_of(path) and BIRTH in text_of(path)
    with database.session() as session:
        entry = next(e for e in list_entries(session) if e.action == EXPORT_FULL_ID_ACTION)
    assert (entry.user, entry.entity, entry.changes) == (
        "张书记", "residents", {"count": 3, "reason": "区民政局年度核查"})


def test_a_viewer_may_not_export(database: Database, tmp_path: Path) -> None:
    fill(database)
    with database.session() as session, pytest.raises(PermissionDeniedError):
        export_file(session, ExportRequest(ExportKind.VISITS), tmp_path / "v.csv",
                    by=VIEWER, now=NOW)
    assert not (tmp_path / "v.csv").exists()


def test_without_accounts_exports_mask_unless_full_ids_are_asked_for(
    database: Database, tmp_path: Path
) -> None:
    fill(database)
    with database.session() as session:
        assert acting_account(session, "cli:desk") is None
        export_file(session, ExportRequest(ExportKind.HOUSEHOLDS), tmp_path / "m.csv",
                    by=None, now=NOW)
        export_file(session, ExportRequest(ExportKind.HOUSEHOLDS, full_id=True),
                    tmp_path / "f.csv", by=None, now=NOW)
    assert FULL_ID not in text_of(tmp_path / "m.csv")
    assert FULL_ID in text_of(tmp_path / "f.csv")


def test_acting_account_reads_the_role_once_accounts_exist(database: Database) -> None:
    with database.session() as session:
        add_account(session, "张书记", Role.ADMIN, "secret-password", by=None)
        add_account(session, "小李", Role.CLERK, "secret-password", by=ADMIN)
    with database.session() as session:
        assert acting_account(session, "张书记") == ADMIN
        assert acting_account(session, "小李") == CLERK
        assert acting_account(session, "陌生人") == SignedIn("陌生人", Role.VIEWER)


def test_a_printed_ledger_is_recorded(database: Database, tmp_path: Path) -> None:
    from stationapp.documents.ledger import PRINT_ACTION, make_ledger
    from stationapp.services.household_queries import HouseholdFilter

    fill(database)
    with database.session(actor="小李") as session:
        make_ledger(session, HouseholdFilter(), (), tmp_path / "台账.pdf", now=NOW,
                    filter_text="在册")
    with database.session() as session:
        entry = next(e for e in list_entries(session) if e.action == PRINT_ACTION)
    assert (entry.user, entry.entity, entry.changes) == (
        "小李", "ledger", {"count": 2, "reason": "在册"})


def test_a_reveal_is_recorded_and_only_for_whoever_may(database: Database) -> None:
    from sqlalchemy import select

    fill(database)
    with database.session() as session:
        resident_id = session.scalar(select(Resident.id).where(Resident.name == "李大爷"))
        assert resident_id is not None
        with pytest.raises(PermissionDeniedError):
            reveal_id_number(session, resident_id, by=CLERK)
    with database.session() as session:
        assert reveal_id_number(session, resident_id, by=ADMIN) == FULL_ID
    with database.session() as session:
        reveals = [e for e in list_entries(session) if e.action == AuditAction.REVEAL_ID]
    assert [(e.user, e.entity, e.entity_id) for e in reveals] == [
        ("张书记", "resident", str(resident_id))]
