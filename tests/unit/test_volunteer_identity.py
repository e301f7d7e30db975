"""Issue 15 item 6 (Q6): a volunteer's ID type and number and volunteer number (migration
0010, checked like residents', masked, revealed with an audit entry, printed on the
certificate); the volunteer's hours from the one definition; the register's export."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import inspect, select, text

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditAction
from stationapp.domain.clock import Clock
from stationapp.domain.errors import PermissionDeniedError, ValidationError
from stationapp.domain.event_models import Event, EventType, EventVolunteer, Volunteer
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.audit import list_entries
from stationapp.services.certificate_export import REGISTER_HEADERS, export_register
from stationapp.services.database import Database
from stationapp.services.service_record import issue_certificate, record_round
from stationapp.services.volunteer_hours import hours_by_volunteer, volunteer_hours
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    list_volunteers,
    reveal_volunteer_id_number,
    update_volunteer,
    validate_volunteer,
)
from stationapp.workflows.opening import open_database

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 10, 0)
FULL_ID = "37050219380501001X"
ADMIN = SignedIn("张书记", Role.ADMIN)
CLERK = SignedIn("小李", Role.CLERK)
VIEWER = SignedIn("老王", Role.VIEWER)


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


def served(db: Database, name: str = "王书文", id_type: str = "", id_number: str = "",
           volunteer_number: str = "") -> int:
    """A volunteer who served 3.5 h at an event on 2026-01-20 and carried a 2 h round."""
    with db.session() as s:
        volunteer = create_volunteer(s, VolunteerInput(
            name=name, id_type=id_type, id_number=id_number,
            volunteer_number=volunteer_number), "clerk", TODAY)
        type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
        assert type_id is not None
        event = Event(event_type_id=type_id, title="翰墨迎春",
                      starts_at=datetime(2026, 1, 20, 9, 0))
        s.add(event)
        s.flush()
        s.add(EventVolunteer(event_id=event.id, volunteer_id=volunteer, hours=3.5))
        s.flush()
        record_round(s, event.id, volunteer, date(2026, 1, 21), 2.0, "clerk", TODAY)
    return volunteer


# ---------------------------------------------------------------- migration 0010


def test_0010_adds_the_identity_columns_empty_and_removes_them_again(
    database_url: str,
) -> None:
    """SQLite and PostgreSQL: volunteers registered before 0010 get empty texts."""
    from alembic import command

    from stationapp.db.engine import make_engine
    from stationapp.db.migrate import alembic_config

    engine = make_engine(database_url)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0009")
        with engine.begin() as connection:
            connection.execute(text(
                "insert into volunteer (name, phone, skills, active, is_staff, notes, version,"
                " updated_by, created_at, updated_at) values ('王书文', '', '', :yes, :no,"
                " '', 1, '', '2026-12-07 10:00:00', '2026-12-07 10:00:00')"),
                {"yes": True, "no": False})
        command.upgrade(config, "0010")
        with engine.connect() as connection:
            row = connection.execute(text(
                "select id_type, id_number, volunteer_number from volunteer")).one()
        assert tuple(row) == ("", "", "")
        command.downgrade(config, "0009")
        with engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("volunteer")}
        assert not columns & {"id_type", "id_number", "volunteer_number"}
        command.upgrade(config, "head")
    finally:
        engine.dispose()


# ---------------------------------------------------------------- validation


def test_a_resident_id_card_number_is_checked_like_a_residents() -> None:
    tidy = validate_volunteer(VolunteerInput(name="王书文", id_type="居民身份证",
                                             id_number=" 370502 19380501001x "))
    assert (tidy.id_type, tidy.id_number) == ("居民身份证", FULL_ID)
    with pytest.raises(ValidationError) as refused:
        validate_volunteer(VolunteerInput(name="王书文", id_number="370502193805010011"))
    assert [p.field for p in refused.value.problems] == ["id_number"]


def test_other_id_types_are_free_text_and_no_number_means_no_type() -> None:
    passport = validate_volunteer(VolunteerInput(name="王书文", id_type="护照",
                                                 id_number="E 1234 5678"))
    assert (passport.id_type, passport.id_number) == ("护照", "E12345678")
    nothing = validate_volunteer(VolunteerInput(name="王书文", id_type="护照"))
    assert (nothing.id_type, nothing.id_number) == ("", "")
    typed = validate_volunteer(VolunteerInput(name="王书文", id_number=FULL_ID))
    assert typed.id_type == "居民身份证"  # the default type
    with pytest.raises(ValidationError) as refused:
        validate_volunteer(VolunteerInput(name="王书文", volunteer_number="1" * 33,
                                          id_type="x" * 33, id_number="\x07"))
    assert sorted(p.field for p in refused.value.problems) == [
        "id_number", "id_type", "volunteer_number"]


def test_identity_is_saved_and_read_back(db: Database) -> None:
    with db.session() as s:
        vid = create_volunteer(s, VolunteerInput(
            name="王书文", id_number=FULL_ID, volunteer_number="SD2026-0001"), "clerk", TODAY)
    with db.session() as s:
        info = get_volunteer(s, vid)
        assert (info.id_type, info.id_number, info.volunteer_number) == (
            "居民身份证", FULL_ID, "SD2026-0001")
        update_volunteer(s, vid, info.as_input(), "clerk", TODAY)  # kept as it was
    with db.session() as s:
        assert s.get(Volunteer, vid).id_number == FULL_ID  # type: ignore[union-attr]


# ---------------------------------------------------------------- masking


def test_an_administrator_reveals_a_number_recorded_a_clerk_may_not(db: Database) -> None:
    with db.session() as s:
        add_account(s, "张书记", Role.ADMIN, "secret-password", by=None)
        add_account(s, "小李", Role.CLERK, "secret-password", by=ADMIN)
        vid = create_volunteer(s, VolunteerInput(name="王书文", id_number=FULL_ID),
                               "张书记", TODAY)
    with db.session() as s, pytest.raises(PermissionDeniedError):
        reveal_volunteer_id_number(s, vid, by=CLERK)
    with db.session() as s:
        assert reveal_volunteer_id_number(s, vid, by=ADMIN) == FULL_ID
    with db.session() as s:
        reveals = [(e.user, e.entity, e.entity_id) for e in list_entries(s)
                   if e.action == AuditAction.REVEAL_ID]
        changes = " ".join(str(e.changes) for e in list_entries(s) if e.entity == "volunteer")
    assert reveals == [("张书记", "volunteer", str(vid))]
    assert FULL_ID not in changes and "370502********001X" in changes  # the trail masks


# ---------------------------------------------------------------- hours


def test_a_volunteers_hours_are_the_one_definitions(db: Database) -> None:
    vid = served(db)
    with db.session() as s:
        one = volunteer_hours(s, vid)
        info = get_volunteer(s, vid)
        [listed] = list_volunteers(s)
        totals = hours_by_volunteer(s)
    assert (info.hours, info.event_hours, info.round_hours) == (
        one.total, one.event_hours, one.delivery_hours) == (5.5, 3.5, 2.0)
    assert listed.hours == totals[vid] == 5.5


# ---------------------------------------------------------------- the certificate


def test_the_certificate_prints_the_volunteers_id_and_volunteer_number(db: Database) -> None:
    from stationapp.reports.service_certificate import write_certificate

    vid = served(db, id_type="护照", id_number="E12345678", volunteer_number="SD2026-0001")
    with db.session() as s:
        cert = issue_certificate(s, vid, "clerk", date(2026, 1, 1), TODAY, today=TODAY)
    assert (cert.id_type, cert.id_number, cert.volunteer_number) == (
        "护照", "E12345678", "SD2026-0001")
    target = io.BytesIO()
    write_certificate(cert, target, printed_at=NOW)
    page = re.sub(r"\s+", "", PdfReader(io.BytesIO(target.getvalue())).pages[0].extract_text())
    assert "护照" in page and "E12345678" in page and "SD2026-0001" in page


# ---------------------------------------------------------------- the register's export


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_register_exports_what_the_filters_keep(
    db: Database, tmp_path: Path, suffix: str
) -> None:
    wang, li = served(db), served(db, "李玉珍")
    with db.session() as s:
        issue_certificate(s, wang, "clerk", date(2026, 1, 1), TODAY, today=TODAY)
        issue_certificate(s, li, "clerk", date(2026, 1, 1), TODAY, today=TODAY)
    path = tmp_path / f"register{suffix}"
    with db.session() as s:
        assert export_register(s, path, year=2026, volunteer_id=li, by=None) == 1
    if suffix == ".csv":
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    else:
        sheet = load_workbook(path).active
        assert sheet is not None
        rows = [[("" if v is None else str(v)) for v in r]
                for r in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == REGISTER_HEADERS
    assert rows[1][:2] == ["FW2026-0002", "李玉珍"] and len(rows) == 2
    with db.session() as s:
        exports = [(e.entity, e.changes["count"]) for e in list_entries(s)
                   if e.action == AuditAction.EXPORT]
    assert exports == [("service_certificate", 1)]


def test_a_viewer_may_not_export_the_register(db: Database, tmp_path: Path) -> None:
    with db.session() as s, pytest.raises(PermissionDeniedError):
        export_register(s, tmp_path / "register.csv", by=VIEWER)
    assert not (tmp_path / "register.csv").exists()
