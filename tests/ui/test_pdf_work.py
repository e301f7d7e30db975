"""PdfMaker runs a paper's work through the operation runner: a certificate (a change)
announces what it changed; a paper that cannot be made says why and announces nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from unittest import mock

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.demo import populate_demo
from stationapp.domain.clock import Clock
from stationapp.domain.event_models import EventVolunteer
from stationapp.services.database import Database
from stationapp.services.service_record import Certificate
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_preview import PdfPreviewDialog
from stationapp.ui.pdf_work import (
    PdfMaker,
    event_report_work,
    ledger_work,
    monthly_report_work,
    service_certificate_work,
)

PDF_WAIT_MS = 30000


@pytest.fixture
def station(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A small demo station (households, volunteers, events with deliveries)."""
    from stationapp.workflows.opening import open_database

    database = open_database(sqlite_url, clock)
    try:
        with database.session() as session:
            populate_demo(session, households=30, seed=5, today=today)
        yield database
    finally:
        database.dispose()


def maker(qtbot: QtBot, station: Database) -> tuple[PdfMaker, Operations, list[ChangeNotice]]:
    owner = QWidget()
    qtbot.addWidget(owner)
    operations = Operations(station, "test", owner)
    notices: list[ChangeNotice] = []
    operations.changed.connect(notices.append)
    return PdfMaker(operations, owner), operations, notices


def close(qtbot: QtBot, pdf: PdfMaker) -> None:
    preview = pdf.preview
    assert isinstance(preview, PdfPreviewDialog)
    preview.close_button.click()
    qtbot.waitUntil(lambda: pdf.preview is None, timeout=PDF_WAIT_MS)


def test_a_certificate_is_a_change_announced_once_written(qtbot: QtBot, station: Database,
                                                          today: date) -> None:
    pdf, _operations, notices = maker(qtbot, station)
    with station.session() as session:
        volunteer_id = session.scalar(select(EventVolunteer.volunteer_id).limit(1))
    assert volunteer_id is not None
    issued: list[Certificate] = []
    pdf.make(service_certificate_work(volunteer_id, "test", date(today.year - 1, 1, 1), today,
                                      issued, station.clock.now()),
             "certificate", "certificate.pdf", notice=changed(Area.VOLUNTEERS))
    assert pdf.busy()
    qtbot.waitUntil(lambda: pdf.preview is not None, timeout=PDF_WAIT_MS)
    assert not pdf.busy()
    assert len(issued) == 1 and issued[0].number.startswith("FW")
    assert [n.areas for n in notices] == [frozenset({Area.VOLUNTEERS})]
    close(qtbot, pdf)


def test_a_paper_that_only_reads_announces_nothing(qtbot: QtBot, station: Database,
                                                   today: date) -> None:
    pdf, _operations, notices = maker(qtbot, station)
    pdf.make(monthly_report_work(today, station.clock.now()), "monthly", "monthly.pdf")
    qtbot.waitUntil(lambda: pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = pdf.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.page_count() >= 1
    assert notices == []
    close(qtbot, pdf)


def test_a_paper_that_cannot_be_made_says_why(qtbot: QtBot, station: Database) -> None:
    pdf, _operations, notices = maker(qtbot, station)
    problems: list[str] = []
    pdf.problem.connect(problems.append)
    with mock.patch("stationapp.ui.pdf_work.QMessageBox.warning") as warning:
        pdf.make(event_report_work(999_999, station.clock.now()), "report", "report.pdf")
        qtbot.waitUntil(lambda: bool(problems), timeout=PDF_WAIT_MS)
    assert "999999" in problems[0]
    warning.assert_called_once()
    assert pdf.preview is None and not pdf.busy()
    assert notices == []


def test_a_character_no_font_has_is_told_before_printing(qtbot: QtBot, station: Database,
                                                         today: date) -> None:
    from stationapp.domain.models import Household
    from stationapp.services.household_queries import HouseholdFilter
    from stationapp.services.ledger_data import DEFAULT_LEDGER_COLUMNS

    with station.session() as session:
        household = session.scalars(select(Household).order_by(Household.id)).first()
        assert household is not None
        household.head_name = "王\ue000"
    pdf, _operations, _notices = maker(qtbot, station)
    problems: list[str] = []
    pdf.problem.connect(problems.append)
    with mock.patch("stationapp.ui.pdf_work.QMessageBox.warning") as warning:
        pdf.make(ledger_work(HouseholdFilter(status=None), DEFAULT_LEDGER_COLUMNS, "",
                             station.clock.now()), "ledger", "ledger.pdf")
        qtbot.waitUntil(lambda: pdf.preview is not None, timeout=PDF_WAIT_MS)
    # The paper is made (the preview shows the blank), and the clerk is told which name.
    assert problems and "这个字打印不出来" in problems[0] and "王" in problems[0]
    warning.assert_called_once()
    close(qtbot, pdf)
