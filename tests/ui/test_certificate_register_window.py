"""Issue 15 (Q6): the certificate register window (list, filter, export, reprint 补打), the
page's status line after a reprint, and the volunteer dialog's ID fields, masked for a
clerk and revealed (recorded) by an administrator. Screenshots go to /tmp/h15/shots/q6/."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditAction
from stationapp.domain.clock import Clock
from stationapp.domain.event_models import Event, EventType, EventVolunteer
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.audit import list_entries
from stationapp.services.database import Database
from stationapp.services.service_record import issue_certificate, record_round
from stationapp.services.volunteers import VolunteerInput, create_volunteer, get_volunteer
from stationapp.ui.certificate_register import CertificateRegisterWindow, RegisterColumn
from stationapp.ui.operations import Operations
from stationapp.ui.volunteer_dialog import VolunteerDialog
from stationapp.ui.volunteers_page import VolunteerColumn, VolunteersPage
from stationapp.workflows.opening import open_database

WAIT_MS = 2000
PDF_WAIT_MS = 30000
FULL_ID = "37050219380501001X"
MASKED = "370502********001X"
SHOTS = Path("/tmp/h15/shots/q6")

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def db(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """An administrator 张书记 and a clerk 小李; 王书文 (ID number, volunteer number) and
    李玉珍 served; certificates FW2025-0001 (王书文) and FW<year>-0001 (李玉珍) kept."""
    database = open_database(sqlite_url, clock)
    with database.session() as s:
        add_account(s, "张书记", Role.ADMIN, "secret-password", by=None)
        add_account(s, "小李", Role.CLERK, "secret-password", by=SignedIn("张书记", Role.ADMIN))
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="翰墨迎春",
                      starts_at=datetime(2025, 1, 20, 9, 0))
        s.add(event)
        s.flush()
        for name, number, volunteer_number in (("王书文", FULL_ID, "SD2025-0042"),
                                               ("李玉珍", "", "")):
            vid = create_volunteer(s, VolunteerInput(
                name=name, id_number=number, volunteer_number=volunteer_number), "张书记",
                date(2025, 1, 1))
            s.add(EventVolunteer(event_id=event.id, volunteer_id=vid, hours=3.5))
            s.flush()
            record_round(s, event.id, vid, date(2025, 1, 21), 2.0, "张书记", today)
    with database.session() as s:
        issue_certificate(s, 1, "张书记", date(2025, 1, 1), date(2025, 6, 30),
                          today=date(2025, 7, 1))
        issue_certificate(s, 2, "小李", date(2025, 1, 1), today, today=today)
    yield database
    database.dispose()


def shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_register_lists_filters_exports_and_reprints(
    qtbot: QtBot, db: Database, today: date, tmp_path: Path
) -> None:
    window = CertificateRegisterWindow(Operations(db, "小李"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.model
    assert model.rowCount() == 2
    first = [model.index(0, c).data() for c in RegisterColumn]
    assert first == ["FW2025-0001", "王书文", "2025-01-01 – 2025-06-30", "5.5", "张书记",
                     "2025-07-01", ""]
    assert window.count_label.text() == "2 certificate(s)"
    window.set_filters(year=2025)
    assert [e.number for e in model.rows()] == ["FW2025-0001"] + (
        [f"FW{today.year}-0001"] if today.year == 2025 else [])
    window.set_filters(volunteer_id=2)
    assert [e.volunteer for e in model.rows()] == ["李玉珍"]
    window.set_filters()

    path = tmp_path / "register.csv"
    assert window.export_to(path) == 2
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:2] == ["证明编号", "志愿者"] and len(rows) == 3
    assert "register.csv" in window.status_label.text()

    assert window.select_number("FW2025-0001")
    shot(window, "certificate_register.png")
    window.reprint_button.click()
    qtbot.waitUntil(lambda: window.pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = window.pdf.preview
    assert preview is not None and preview.is_ready()
    assert window.status_label.text() == (
        f"Certificate No. FW2025-0001 of 王书文 reprinted (补打) on {today.isoformat()}.")
    assert window.last_certificate is not None and window.last_certificate.is_reprint
    text = pdf_text(preview.path)
    assert "FW2025-0001" in text and "补打" in text
    assert FULL_ID in text and "SD2025-0042" in text  # the certificate names the volunteer
    row = model.row_of("FW2025-0001")
    assert row is not None and model.index(row, RegisterColumn.REPRINTS).data() == "1"
    assert model.rowCount() == 2  # a reprint is no new certificate
    preview.done(0)
    window.done(0)


def test_the_page_says_reprint_and_opens_the_register_on_the_person(
    qtbot: QtBot, db: Database, today: date
) -> None:
    page = VolunteersPage(Operations(db, "小李"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    wang = page.model.row_of(1)
    assert wang is not None
    assert page.model.index(wang, VolunteerColumn.ID_NUMBER).data() == MASKED
    page.select_volunteer(2)
    window = page.open_register()
    assert [e.volunteer for e in window.model.rows()] == ["李玉珍"]
    window.done(0)
    assert page.register_window is None

    page.issue_service_record(2, "李玉珍", date(2025, 1, 1), today)  # the same record again
    qtbot.waitUntil(lambda: page.pdf.preview is not None, timeout=PDF_WAIT_MS)
    assert page.last_certificate is not None and page.last_certificate.is_reprint
    assert page.message_label.text() == (
        f"Certificate No. FW{today.year}-0001 of 李玉珍 reprinted (补打): the same record was "
        "issued before; 5.5 hours.")
    assert page.pdf.preview is not None
    page.pdf.preview.done(0)


def test_a_clerk_sees_the_id_number_masked_and_keeps_it(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(Operations(db, "小李"), 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.id_type_combo.currentText() == "居民身份证"
    assert dialog.id_number_edit.text() == MASKED
    assert dialog.volunteer_number_edit.text() == "SD2025-0042"
    assert dialog.reveal_button.isHidden()
    dialog.reveal_id_number()
    assert dialog.id_number_edit.text() == MASKED
    shot(dialog, "volunteer_dialog_clerk.png")
    assert dialog.current_input().id_number == FULL_ID  # left as shown: the number it was
    dialog.phone_edit.setText("13905461234")
    dialog.save()
    with db.session() as s:
        assert get_volunteer(s, 1).id_number == FULL_ID
        assert [e for e in list_entries(s) if e.action == AuditAction.REVEAL_ID] == []


def test_an_administrator_reveals_it_recorded_and_a_wrong_number_is_refused(
    qtbot: QtBot, db: Database
) -> None:
    dialog = VolunteerDialog(Operations(db, "张书记"), 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.reveal_button.isVisible()
    shot(dialog, "volunteer_dialog_admin.png")
    dialog.reveal_button.click()
    assert dialog.id_number_edit.text() == FULL_ID and dialog.reveal_button.isHidden()
    qtbot.waitUntil(lambda: dialog.id_number_edit.width() > dialog.volunteer_number_edit.width()
                    - 20, timeout=WAIT_MS)
    shot(dialog, "volunteer_dialog_revealed.png")
    with db.session() as s:
        reveals = [(e.user, e.entity, e.entity_id) for e in list_entries(s)
                   if e.action == AuditAction.REVEAL_ID]
    assert reveals == [("张书记", "volunteer", "1")]
    dialog.id_number_edit.setText("370502193805010011")  # a wrong check digit
    dialog.save()
    assert dialog.isVisible() and dialog.errors["id_number"].text()
    dialog.reject()


def test_the_period_dialog_says_when_the_same_record_was_issued_before(
    qtbot: QtBot, db: Database, today: date
) -> None:
    from stationapp.ui.form_helpers import to_qdate
    from stationapp.ui.volunteers_service_record import ServiceRecordDialog

    dialog = ServiceRecordDialog(Operations(db, "小李"), 2)
    qtbot.addWidget(dialog)
    dialog.start_edit.setDate(to_qdate(date(2025, 1, 1)))
    assert dialog.summary_label.text().endswith(
        f"Issued before as No. FW{today.year}-0001 on {today.isoformat()}: it will be printed "
        "again under that number, marked 补打.")
    assert dialog.issue_button.text() == "&Reprint (补打)"
    dialog.start_edit.setDate(to_qdate(date(2025, 1, 2)))
    assert dialog.issue_button.text() == "&Issue certificate"
    dialog.reject()
