"""The audit trail: every change of a household is one chained entry (ID numbers masked),
bulk readings are recorded, and an entry edited or deleted in SQL breaks the chain."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from stationapp.db.audit_hook import install_audit_trail
from stationapp.domain.audit import ACTOR_KEY, AuditAction, mask_id_number, trail_value
from stationapp.domain.clock import Clock
from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.audit import list_entries, record_read, verify_chain
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household, update_household
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.household_status import change_status
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
ID_1938_MALE = "37050219380501001X"
ID_1949_FEMALE = "11010519491231002X"
CLERK = "王会计"


@pytest.fixture
def audited(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A SQLite ledger whose sessions record the audit trail."""
    database = open_database(sqlite_url, clock)
    install_audit_trail(database.sessions)
    try:
        yield database
    finally:
        database.dispose()


def new_household(database: Database, actor: str | None = CLERK, room: str = "301",
                  id_number: str = ID_1938_MALE) -> int:
    with database.session() as s:
        if actor is not None:
            s.info[ACTOR_KEY] = actor
        return create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="2", room=room, phone="13905461234",
            residents=(ResidentInput(name="李大爷", id_number=id_number, is_head=True),),
        ), actor=f"cli:{actor}", today=TODAY)


def entries(database: Database, entity: str | None = "household") -> list[dict[str, object]]:
    """The trail's entries about ``entity`` (every entry when None), as JSON."""
    with database.session() as s:
        return [row.as_json() for row in list_entries(s, entity=entity)]


def test_masking_keeps_six_and_four_digits() -> None:
    assert mask_id_number(ID_1938_MALE) == "370502********001X"
    assert (trail_value("notes", f"身份证 {ID_1949_FEMALE} 已核对")
            == "身份证 110105********002X 已核对")
    assert trail_value("phone", "13905461234") == "13905461234"
    assert trail_value("password_hash", "$argon2id$…") == "***"


def test_a_number_field_is_masked_whatever_document_it_is() -> None:
    # A volunteer's passport or travel permit is no 18-character ID, but still masked.
    assert trail_value("id_number", "E12345689") == "E1*****89"
    assert trail_value("id_number", "H0123456789") == "H0*******89"
    assert trail_value("id_number", ID_1938_MALE) == "370502********001X"
    assert trail_value("volunteer_number", "V123456") == "V123456"


def test_creating_a_household_is_one_entry_with_its_members_and_a_masked_id(
    audited: Database, today: date
) -> None:
    household_id = new_household(audited)
    [entry] = entries(audited)
    assert (entry["action"], entry["entity"], entry["entity_id"], entry["user"]) == (
        AuditAction.CREATE, "household", str(household_id), CLERK)
    assert str(entry["at"]).startswith(today.isoformat())
    changes = entry["changes"]
    assert isinstance(changes, dict)
    assert changes["phone"] == [None, "13905461234"]
    [id_field] = [k for k in changes if k.endswith(".id_number")]
    assert changes[id_field] == [None, "370502********001X"]
    assert ID_1938_MALE not in str(changes)
    assert "search_text" not in changes and "version" not in changes


def test_changing_a_household_is_one_entry_with_before_and_after(audited: Database) -> None:
    household_id = new_household(audited)
    with audited.session() as s:
        s.info[ACTOR_KEY] = "张书记"
        detail = get_household(s, household_id, TODAY)
        data = detail.as_input()
        member = replace(data.residents[0], id_number=ID_1949_FEMALE, phone="0546-8221234",
                         birth_date=None, sex=None)
        update_household(s, household_id, replace(data, residents=(member,), notes="行动不便"),
                         actor="cli:张书记", today=TODAY)
    first, second = entries(audited)
    assert first["action"] == AuditAction.CREATE
    assert (second["action"], second["entity_id"], second["user"]) == (
        AuditAction.CHANGE, str(household_id), "张书记")
    changes = second["changes"]
    assert isinstance(changes, dict)
    assert changes["notes"] == ["", "行动不便"]
    [id_field] = [k for k in changes if k.endswith(".id_number")]
    assert changes[id_field] == ["370502********001X", "110105********002X"]
    [phone_field] = [k for k in changes if k.endswith(".phone")]
    assert changes[phone_field] == ["", "0546-8221234"]
    assert ID_1938_MALE not in str(changes) and ID_1949_FEMALE not in str(changes)


def test_a_status_change_and_a_deletion_are_recorded(audited: Database) -> None:
    household_id = new_household(audited)
    with audited.session() as s:
        s.info[ACTOR_KEY] = CLERK
        change_status(s, household_id, HouseholdStatus.MOVED_AWAY, TODAY, "随子女迁居",
                      actor=CLERK, today=TODAY)
    with audited.session() as s:
        s.info[ACTOR_KEY] = CLERK
        household = s.get(Household, household_id)
        s.delete(household)
    _created, status, deleted = entries(audited)
    assert status["action"] == AuditAction.STATUS
    assert isinstance(status["changes"], dict)
    assert status["changes"]["status"] == [HouseholdStatus.ACTIVE.value,
                                           HouseholdStatus.MOVED_AWAY.value]
    assert (deleted["action"], deleted["entity_id"]) == (AuditAction.DELETE, str(household_id))
    changes = deleted["changes"]
    assert isinstance(changes, dict)
    assert changes["phone"] == ["13905461234", None]
    [id_field] = [k for k in changes if k.endswith(".id_number")]
    assert changes[id_field] == ["370502********001X", None]


def test_without_a_signed_in_actor_the_rows_stamp_names_who_acted(audited: Database) -> None:
    new_household(audited, actor=None)
    [entry] = entries(audited)
    assert entry["user"] == "cli:None"


def test_work_rolled_back_leaves_no_entry(audited: Database) -> None:
    with pytest.raises(RuntimeError), audited.session() as s:
        create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="李大爷"),)), actor=CLERK, today=TODAY)
        raise RuntimeError("stop")
    assert entries(audited) == []


def test_a_bulk_update_records_each_household_it_changed(audited: Database) -> None:
    household_id = new_household(audited)
    with audited.session() as s:
        volunteer_id = create_volunteer(s, VolunteerInput(name="赵志愿"), actor=CLERK,
                                        today=TODAY)
    with audited.session() as s:
        s.info[ACTOR_KEY] = CLERK
        assign_liaison(s, [household_id], volunteer_id, actor=CLERK)
    liaison = [e for e in entries(audited)
               if e["entity"] == "household" and e["action"] == AuditAction.CHANGE]
    assert [e["changes"] for e in liaison] == [{"liaison_id": [None, volunteer_id]}]


def test_bulk_readings_are_recorded(audited: Database) -> None:
    with audited.session() as s:
        s.info[ACTOR_KEY] = CLERK
        record_read(s, AuditAction.EXPORT, "resident", 120, "区民政局年度核查")
        record_read(s, AuditAction.REVEAL_ID, "resident", 1, entity_id="7")
    export, reveal = entries(audited, "resident")
    assert (export["action"], export["entity"], export["user"]) == (
        AuditAction.EXPORT, "resident", CLERK)
    assert export["changes"] == {"count": 120, "reason": "区民政局年度核查"}
    assert (reveal["action"], reveal["entity_id"]) == (AuditAction.REVEAL_ID, "7")


def test_the_chain_holds_until_an_entry_is_edited_in_sql(audited: Database) -> None:
    for room in ("301", "302", "303"):
        new_household(audited, room=room, id_number="")
    with audited.session() as s:
        assert verify_chain(s) is None
        second = list_entries(s)[1]
        assert len(list_entries(s)) == 4  # the community, then three households
    with audited.engine.begin() as connection:
        connection.execute(text("UPDATE audit_entry SET \"user\" = '别人' WHERE id = :id"),
                           {"id": second.id})
    with audited.session() as s:
        broken = verify_chain(s)
    assert broken is not None and broken.id == second.id


def test_a_deleted_entry_breaks_the_chain_at_the_next_one(audited: Database) -> None:
    for room in ("301", "302", "303"):
        new_household(audited, room=room, id_number="")
    with audited.session() as s:
        first, second, third = list_entries(s, entity="household")
    with audited.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": second.id})
    with audited.session() as s:
        broken = verify_chain(s)
    assert broken is not None and broken.id == third.id
    with audited.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": first.id})
    with audited.session() as s:
        broken = verify_chain(s)
    assert broken is not None and broken.id == third.id


def test_entries_are_filtered_by_day_and_user(audited: Database, today: date) -> None:
    new_household(audited)
    new_household(audited, actor="张书记", room="302", id_number="")
    with audited.session() as s:
        assert [e.user for e in list_entries(s, user="张书记")] == ["张书记"]
        assert len(list_entries(s, since=today, entity="household")) == 2
        assert list_entries(s, since=today + timedelta(days=1)) == []
