"""One module per printed paper (stationapp.documents): each composes its data and renders
it, for the GUI and the CLI alike; it imports no Qt, and the callers compose nothing."""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from stationapp.demo import populate_demo
from stationapp.documents.delivery_sheets import make_delivery_sheets
from stationapp.documents.event_report import make_event_report
from stationapp.documents.ledger import make_ledger, parse_ledger_columns
from stationapp.documents.monthly_report import make_monthly_report
from stationapp.documents.service_certificate import issue_service_certificate
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.event_models import Delivery, EventVolunteer
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import CHINESE, ENGLISH, current_language, set_language
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.ledger_data import LedgerColumn

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "stationapp" / "documents"
PAPER_RENDERERS = ("delivery_sheet", "event_report", "ledger", "monthly_report",
                   "service_certificate")


def flat_text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def station(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A small demo station (households, volunteers, events with deliveries)."""
    from stationapp.workflows.opening import open_database

    database = open_database(sqlite_url, clock)
    try:
        with database.session() as session:
            populate_demo(session, households=40, seed=3, today=today)
        yield database
    finally:
        database.dispose()


def test_delivery_sheets_and_event_report(station: Database) -> None:
    now = station.clock.now()
    with station.session() as session:
        event_id = session.scalar(select(Delivery.event_id).where(
            Delivery.outcome == DeliveryOutcome.PENDING).limit(1))
        assert event_id is not None
        out = io.BytesIO()
        sheets = make_delivery_sheets(session, event_id, out, printed_at=now)
        assert sheets.sheets >= 1 and sheets.stops >= 1
        assert sheets.pages == len(PdfReader(io.BytesIO(out.getvalue())).pages)
        assert "送上门配送单" in flat_text(out.getvalue())
        report = io.BytesIO()
        printed = make_event_report(session, event_id, report, printed_at=now)
        assert printed.pages >= 1 and printed.title
        assert "活动记录" in flat_text(report.getvalue())


def test_ledger_and_monthly_report(station: Database, tmp_path: Path) -> None:
    now = station.clock.now()
    with station.session() as session:
        target = tmp_path / "ledger.pdf"
        ledger = make_ledger(session, HouseholdFilter(), (LedgerColumn.HEAD,), target, now=now,
                             filter_text="全部住户")
        assert ledger.households == 40
        assert ledger.pages == len(PdfReader(target).pages)
        assert "全部住户" in flat_text(target.read_bytes())
        out = io.BytesIO()
        monthly = make_monthly_report(session, now.date(), out, now=now)
        assert monthly.month == now.date().replace(day=1)
        assert monthly.pages == len(PdfReader(io.BytesIO(out.getvalue())).pages)
        assert "工作月报" in flat_text(out.getvalue())


def test_service_certificate_is_numbered_and_written(station: Database) -> None:
    now = station.clock.now()
    with station.session() as session:
        volunteer_id = session.scalar(select(EventVolunteer.volunteer_id).limit(1))
        assert volunteer_id is not None
        out = io.BytesIO()
        certificate = issue_service_certificate(session, volunteer_id, "test", out, now=now)
        assert certificate.number.startswith(f"FW{now.year}-")
        assert certificate.number in flat_text(out.getvalue())


def test_unknown_ledger_column_is_said_in_the_desk_language() -> None:
    assert parse_ledger_columns("户主，联系电话") == (LedgerColumn.HEAD, LedgerColumn.PHONE)
    assert parse_ledger_columns(None) == ()
    before = current_language()
    try:
        with pytest.raises(ValidationError) as refused:
            parse_ledger_columns("户主,鞋码")
        assert refused.value.field == "columns"
        set_language(ENGLISH)
        assert refused.value.message.startswith("unknown column “鞋码” (columns: ")
        set_language(CHINESE)
        assert refused.value.message.startswith("不认识的列“鞋码”（可用：")
    finally:
        set_language(before)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_documents_import_no_qt_and_nothing_above_them() -> None:
    for path in DOCUMENTS.glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("PySide6", "shiboken6")), (path.name, name)
            assert not name.startswith(("stationapp.ui", "stationapp.cli")), (path.name, name)


@pytest.mark.parametrize("caller", ["stationapp/cli.py", "stationapp/ui/pdf_work.py",
                                    "stationapp/ui/ledger_dialog.py",
                                    "stationapp/ui/pdf_preview.py"])
def test_callers_compose_no_paper_themselves(caller: str) -> None:
    composing = {f"stationapp.reports.{name}" for name in PAPER_RENDERERS} | {
        "stationapp.services.sheet_data"}
    assert not composing & _imports(ROOT / caller)
